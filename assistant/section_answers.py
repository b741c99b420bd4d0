"""Answers under a document's own headings: a project explanation's 立项依据, 实施主体, 实施方案 or 实施周期
is the text under that heading, about the project its parent section names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.citations import SourceTexts
from assistant.intent import clean_focus
from assistant.vocabulary import asked_aspects, duty_headings, generic_item_words, not_matter_words
from index.query_expansion import canonical_terms
from ingest.punctuation import QUOTES, SENTENCE
from ingest.tables import strip_list_mark

_LIST_MARK = r"\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、"  # 一、 (二) 3.
_LEADERS = re.compile(r"…{3,}|[.．·]{6,}")  # a contents line's dot leaders
TOPIC_CHARS = 200  # a parent section names its topic in its title or its first lines
HEADING_PREFIX_CHARS = 4  # 部门主要职能: a heading run into its paragraph may name whose it is in a word
MAX_NAME_CHARS = 30  # a heading on its own line may open with a body's full name
MIN_BODY_CHARS = 20  # a paragraph under a heading that no section holds says at least this much
BODY_CHARS = 600  # most of a section quoted as the answer, in whole sentences
DUTIES_CHARS = 6000  # a body's list of duties ends by here
DUTY_LINE_CHARS = 200  # a listed duty longer than this is quoted by the sentence that names the matter
MIN_DUTY_SHARE = 0.5  # a duty names the matter when it holds at least this share of its words
MAX_DUTIES = 3  # duties quoted for one matter at most


@dataclass(frozen=True)
class SectionBody:
    """The text under an asked heading, and the share of the asked words it, its heading and its topic hold."""

    doc_id: str
    start: int
    end: int
    text: str
    score: float


def _cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """text[start:end] without its leading blanks, cut after the last whole sentence within BODY_CHARS."""
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    limit = min(end, start + BODY_CHARS)
    ends = [m.end() for m in SENTENCE.finditer(text, start, limit)]
    cut = max(ends, default=limit) if end > limit else end
    return start, len(text[:cut].rstrip())


def _topic(text: str, sections: list[dict], offset: int, level: int) -> str:
    """What the sections above a heading at `offset` say of their topic: their titles and the first lines
    under the nearest."""
    parents = [s for s in sections if s["level"] < level and s["start"] <= offset < s["end"]]
    said = " ".join(parent["title"] for parent in parents)
    if parents:
        nearest = max(parents, key=lambda s: s["level"])
        said += " " + text[nearest["start"] : min(nearest["end"], nearest["start"] + TOPIC_CHARS)]
    return said


def _heading_line(heading: str) -> str:
    """A line opening with the heading, after a list mark and the name of whose it is (部门, 上海市…福利院)."""
    return (rf"^[ \t\u3000]*(?:{_LIST_MARK})?(?P<prefix>[\u4e00-\u9fff（）()]{{0,{MAX_NAME_CHARS}}}?){re.escape(heading)}"
            rf"[:：]?[ \t\u3000]*\n?")


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _short_title(line: str) -> bool:
    """Whether a line reads as a heading: short, with no sentence mark."""
    return len(line) <= MAX_NAME_CHARS and not re.search(r"[。；：:，]", line)


def _paragraph_end(text: str, offset: int) -> int:
    """Where the text under a heading line ends: at a blank line, at the next heading (a short line without a
    sentence mark, or one opening with 一、), or after BODY_CHARS."""
    at, listed = offset, False
    while at < len(text) and at - offset < BODY_CHARS:
        end = _line_end(text, at)
        line = text[at:end].strip()
        if at > offset and (not line or (re.match(r"[一二三四五六七八九十]+、", line) and not listed)
                            or _short_title(line)):
            return at - 1
        listed = listed or line.endswith(("：", ":"))  # "主要职能包括：" leads into 一、… items
        at = end + 1
    return min(at, len(text))


def _under_headings(text: str, sections: list[dict], asked: dict[str, str]) -> list[tuple[str, str, tuple[int, int], str]]:
    """(heading, how it was asked, body span, what the sections above say of the topic) for each asked heading: a section of its own, or
    a heading run into its paragraph ("一、主要职能中共…负责…")."""
    found = []
    for section in sections:
        heading = strip_list_mark(section["title"])
        said = next((asked[h] for h in asked if h in heading), None)
        if said:
            line_end = text.find("\n", section["start"], section["end"])
            span = _cut(text, section["end"] if line_end < 0 else line_end + 1, section["end"])
            if span and not _LEADERS.search(text[span[0] : span[1]]):  # not a contents entry
                found.append((heading, said, span, _topic(text, sections, section["start"], section["level"])))
    for heading, said in asked.items():
        for match in re.finditer(_heading_line(heading), text, re.M):
            own_line = match.group().endswith("\n")  # "上海市普陀区社会福利院主要职能" over its paragraph
            if not own_line and len(match["prefix"]) > HEADING_PREFIX_CHARS:
                continue  # a sentence that merely names the heading's words
            body_end = _paragraph_end(text, match.end()) if own_line else _line_end(text, match.end())
            body = text[match.end() : body_end]
            if len(body.strip()) < MIN_BODY_CHARS or _LEADERS.search(body) or _lists_titles(body):
                continue  # a contents line ("一、主要职能" over "二、…" or "（一）…"), a list of titles
            span = _cut(text, match.end(), body_end)
            if span:
                found.append((heading, said, span, _topic(text, sections, match.start(), len(sections) + 1)))
    return found


def _lists_titles(body: str) -> bool:
    """Whether the text under a heading opens with a listed title ("（一）职能配置"), as contents do; a listed duty
    ("（一）贯彻执行…的方针政策。") is a sentence."""
    first = body.strip().split("\n", 1)[0]
    listed = re.match(rf"(?:{_LIST_MARK})\s*", first)
    return listed is not None and _short_title(first[listed.end():])


def _smallest(words: set[str]) -> set[str]:
    """The words that hold no other of them (专项资金 is 专项 and 资金): a compound the source splits
    ("专项（政策资金）") still counts its parts, and no word counts twice."""
    return {w for w in words if not any(o != w and o in w for o in words)}


def best_section(question: str, term_sets: list[set[str]], doc_ids: list[str], texts: SourceTexts) -> SectionBody | None:
    """The text under a heading the question asks for, among the given documents', whose words, heading and
    topic hold the largest share of the asked words; the earlier document wins a tie."""
    asked = asked_aspects(question)
    if not asked:
        return None
    best: SectionBody | None = None
    units = [_smallest(terms) for terms in term_sets]
    for doc_id in doc_ids:
        text = texts.text(doc_id)
        for heading, said, (start, end), topic in _under_headings(text, texts.sections(doc_id), asked):
            held = QUOTES.sub("", " ".join([heading, said, clean_focus(said), text[start:end], topic]))
            score = max((sum(w in held for w in terms) / len(terms) for terms in units if terms), default=0.0)
            if best is None or score > best.score:
                best = SectionBody(doc_id, start, end, text[start:end], score)
    return best


def _mark_kind(line: str) -> str | None:
    """The kind of list mark a line opens with (一、, 1., （一）), by its first character class, or None."""
    mark = re.match(rf"\s*(?:{_LIST_MARK})", line)
    return None if mark is None else re.sub(r"[一二三四五六七八九十]+", "一", re.sub(r"\d+", "1", mark.group().strip()))


def _duties_end(text: str, offset: int, heading_mark: str | None) -> int:
    """Where a list of duties that starts at `offset` ends: at the next heading (a short line without a sentence
    mark or list mark, or one marked like the duties' own heading: 二、 after 一、主要职能), or after DUTIES_CHARS."""
    at = offset
    while at < len(text) and at - offset < DUTIES_CHARS:
        end = _line_end(text, at)
        line = text[at:end].strip()
        kind = _mark_kind(line)
        if line and (heading_mark is not None and kind == heading_mark or at > offset and kind is None
                     and _short_title(line)):
            return at
        at = end + 1
    return min(at, len(text))


def _duty_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The listed duties between start and end: each line, or each sentence of a line too long to quote."""
    units = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        a, b = start + line.start(), start + line.end()
        if b - a <= DUTY_LINE_CHARS:
            units.append((a, b))
        else:
            units += [(m.start(), m.end()) for m in SENTENCE.finditer(text, a, b)]
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())) for a, b in units if text[a:b].strip()]


def _duties_holding(words: set[str], doc_id: str, text: str, units: list[tuple[int, int]],
                    found: list[SectionBody]) -> list[SectionBody]:
    """The listed duties among `units` holding at least MIN_DUTY_SHARE of the matter's words, none already found
    (duties printed twice)."""
    held = []
    for start, end in units:
        score = sum(_holds(QUOTES.sub("", text[start:end]), w) for w in words) / len(words)
        if score >= MIN_DUTY_SHARE and all(f.text != text[start:end] for f in (*found, *held)):
            held.append(SectionBody(doc_id, start, end, text[start:end], score))
    return held


def _inline_heading(heading: str) -> str:
    """A heading run into a sentence, its duties after a colon on the same line ("…工作部门，主要职责是：")."""
    return rf"(?<=[，,。；;])\s*{re.escape(heading)}(?:是|为|有|包括)?[:：]"


def _inline_duties(text: str, start: int) -> list[tuple[int, int]]:
    """The duties a sentence lists after its colon, one per clause set apart by ；, up to the line's end."""
    end = _line_end(text, start)
    units = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^；;。]+", text[start:end])]
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in units if text[a:b].strip()]


def _holds(text: str, word: str) -> bool:
    return word in text or any(term in text for term in canonical_terms(word))


def duties_naming(matter: set[str], doc_ids: list[str], texts: SourceTexts) -> list[SectionBody]:
    """The listed duties (under 主要职能, 职责 …) of the first of the given documents that has any, holding the
    largest share of the asked matter's words (a colloquial word is held by its document term: 公车 by 公务用车),
    at least MIN_DUTY_SHARE; several when they hold as many."""
    found: list[SectionBody] = []
    words = _smallest(matter - generic_item_words() - not_matter_words())
    if not words:
        return []
    for doc_id in doc_ids:
        text = texts.text(doc_id)
        for heading in duty_headings():
            for match in re.finditer(_heading_line(heading), text, re.M):
                if not match.group().endswith("\n") and len(match["prefix"]) > HEADING_PREFIX_CHARS:
                    continue  # a sentence that merely names the heading's words
                if _LEADERS.search(text[match.start() : _line_end(text, match.end())]):
                    continue  # a contents line
                stop = _duties_end(text, match.end(), _mark_kind(match.group()))
                found += _duties_holding(words, doc_id, text, _duty_units(text, match.end(), stop), found)
            for match in re.finditer(_inline_heading(heading), text):  # "某局是…部门，主要职责是：承担…；组织实施…。"
                found += _duties_holding(words, doc_id, text, _inline_duties(text, match.end()), found)
        if found:
            top = [f for f in found if f.score == max(f.score for f in found)]
            # a line of duties holding a clause found on its own is quoted by that clause
            inner = [f for f in top if not any(o is not f and f.start <= o.start and o.end <= f.end for o in top)]
            return sorted(inner, key=lambda f: f.start)[:MAX_DUTIES]
    return []
