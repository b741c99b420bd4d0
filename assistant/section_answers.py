"""Answers under a document's own headings: a project explanation's 立项依据, 实施主体, 实施方案 or 实施周期
is the text under that heading, about the project its parent section names."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.citations import SourceTexts
from assistant.vocabulary import asked_aspects
from ingest.lexicon import search_terms
from ingest.punctuation import SENTENCE
from ingest.tables import strip_list_mark

TOPIC_CHARS = 200  # a parent section names its topic in its title or its first lines
BODY_CHARS = 600  # most of a section quoted as the answer, in whole sentences


@dataclass(frozen=True)
class SectionBody:
    """The text under an asked heading, and the share of the asked words it, its heading and its topic hold."""

    doc_id: str
    start: int
    end: int
    text: str
    score: float


def _words(text: str) -> set[str]:
    return {w for w in search_terms(text) if len(w) >= 2}


def _body(text: str, section: dict) -> tuple[int, int] | None:
    """The span under a section's heading line, cut after the last whole sentence within BODY_CHARS."""
    line_end = text.find("\n", section["start"], section["end"])
    start = section["end"] if line_end < 0 else line_end + 1
    while start < section["end"] and text[start].isspace():
        start += 1
    if start >= section["end"]:
        return None
    limit = min(section["end"], start + BODY_CHARS)
    ends = [m.end() for m in SENTENCE.finditer(text, start, limit)]
    end = max(ends, default=limit) if section["end"] > limit else section["end"]
    return start, len(text[:end].rstrip())


def _topic(text: str, sections: list[dict], section: dict) -> set[str]:
    """Words of the sections above: their titles and the first lines under the nearest one."""
    parents = [s for s in sections if s["level"] < section["level"] and s["start"] <= section["start"] < s["end"]]
    words: set[str] = set()
    for parent in parents:
        words |= _words(parent["title"])
    if parents:
        nearest = max(parents, key=lambda s: s["level"])
        words |= _words(text[nearest["start"] : min(nearest["end"], nearest["start"] + TOPIC_CHARS)])
    return words


def best_section(question: str, term_sets: list[set[str]], doc_ids: list[str], texts: SourceTexts) -> SectionBody | None:
    """The section, among the given documents', whose heading the question asks for and whose text, heading
    and topic hold the largest share of the asked words; the earlier document wins a tie."""
    asked = asked_aspects(question)
    if not asked:
        return None
    best: SectionBody | None = None
    for doc_id in doc_ids:
        text, sections = texts.text(doc_id), texts.sections(doc_id)
        for section in sections:
            heading = strip_list_mark(section["title"])
            said = next((asked[h] for h in asked if h in heading), None)
            span = _body(text, section) if said and section["level"] > min(s["level"] for s in sections) else None
            if span is None:
                continue
            held = _words(heading) | _words(said) | _words(text[span[0] : span[1]]) | _topic(text, sections, section)
            score = max((len(terms & held) / len(terms) for terms in term_sets if terms), default=0.0)
            if best is None or score > best.score:
                best = SectionBody(doc_id, span[0], span[1], text[span[0] : span[1]], score)
    return best
