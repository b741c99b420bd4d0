"""The retrieval path: hybrid search, then an extractive answer made of the best source sentences.

Also the numeric fallback: when no fact matches, a figure printed right after the asked item in a
retrieved sentence is taken, still cited; anything less certain is a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from langchain_core.documents import Document

from assistant.answer import Answer
from assistant.citations import SourceTexts
from assistant.fact_path import Draft
from assistant.formatting import in_display_unit, readable, shown
from assistant.listings import listing_after
from assistant.plan import Operation, QuestionPlan
from assistant.vocabulary import generic_item_words
from index.query_expansion import canonical_terms
from ingest.facts import basis_in
from ingest.lexicon import search_terms
from ingest.model import DocumentKind
from ingest.numbers import NUMBER, is_money
from ingest.punctuation import QUOTES, SENTENCE

MIN_SENTENCE_SCORE = 0.5  # share of the question's words a sentence must contain
ANSWER_SENTENCES = 2
MAX_SENTENCE_CHARS = 300
_FIGURE = re.compile(rf"(?P<num>{NUMBER.pattern})\s*(?P<unit>亿元|万元|千元|元|%)")


def _bare(text: str) -> str:
    """Text without quote marks, so “三公”经费 matches 三公经费 (offsets are not used on it)."""
    return QUOTES.sub("", text)


_CLAUSE_START = re.compile(r"[，,。；;：:、（(\s]|相比|比|与|和|及|其中|包括")


def _narrower(text: str, at: int, intent: QuestionPlan) -> bool:
    """Whether the words right before an item's name in its clause make it another, narrower item the
    question does not name ("财政拨款" before 收入支出总计); years, numbers and generic words do not."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    prefix = text[max(starts, default=0) : at]
    generic = generic_item_words()
    return any(len(w) >= 2 and not w.isdigit() and w not in generic and w not in intent.question
               for w in search_terms(prefix))


def steady_draft(intent: QuestionPlan, sentence: Sentence, steady: tuple[int, int], texts: SourceTexts,
                 display_unit: str) -> Draft:
    """'No change from last year', citing the item's sentence and the 持平 statement."""
    record = texts.record(sentence.doc_id)
    citations = [texts.cite(sentence.doc_id, sentence.start, sentence.end, sentence.page)]
    if steady != (sentence.start, sentence.end):
        citations.append(texts.cite(sentence.doc_id, steady[0], steady[1], sentence.page))
    text = f"{record.department}{record.year or ''}年{intent.focus}与上年持平，无增减变化（{citations[-1].quote.strip()}）。"
    answer = Answer(question=intent.question, kind="number", text=text, value=0.0, unit=display_unit,
                    citations=citations, route="retrieval")
    return Draft(answer)


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str
    page: int | None
    score: float


def _sentences(doc: Document, texts: SourceTexts) -> list[tuple[int, int, str]]:
    """Answer units of a chunk: sentences of prose, whole rows of a table."""
    source = texts.text(doc.metadata["doc_id"])
    out: list[tuple[int, int, str]] = []
    if doc.metadata.get("chunk_kind") == "table":
        return [(start, end, re.sub(r"\s*\n\s*|\t", "，", source[start:end])) for start, end in doc.metadata["spans"]]
    for start, end in doc.metadata["spans"]:
        for match in SENTENCE.finditer(source, start, end):
            text = match.group().strip()
            if text:
                lead = len(match.group()) - len(match.group().lstrip())
                out.append((match.start() + lead, match.start() + lead + len(text), text))
    return out


def rank_sentences(question_terms: set[str], docs: list[Document], texts: SourceTexts) -> list[Sentence]:
    """Sentences of the retrieved chunks scored by the share of question words they contain."""
    seen: set[tuple[str, int]] = set()
    ranked: list[Sentence] = []
    for rank, doc in enumerate(docs):
        for start, end, text in _sentences(doc, texts):
            key = (doc.metadata["doc_id"], start)
            if key in seen or len(text) > MAX_SENTENCE_CHARS * 3:
                continue
            seen.add(key)
            words = set(search_terms(text))
            score = len(question_terms & words) / max(1, len(question_terms)) - 0.01 * rank
            ranked.append(Sentence(doc.metadata["doc_id"], start, end, text, doc.metadata.get("page"), score))
    return sorted(ranked, key=lambda s: -s.score)


def question_terms(intent: QuestionPlan) -> set[str]:
    words = set(search_terms(intent.focus or intent.question))
    for term in canonical_terms(intent.question):
        words |= set(search_terms(term))
    return words or set(search_terms(intent.question))


class RetrievalPath:
    """Extractive answers from retrieved chunks."""

    def __init__(self, texts: SourceTexts, display_unit: str = "万元"):
        self.texts = texts
        self.display_unit = display_unit

    def text_answer(self, intent: QuestionPlan, docs: list[Document]) -> Draft | None:
        ranked = [s for s in rank_sentences(question_terms(intent), docs, self.texts) if s.score >= MIN_SENTENCE_SCORE]
        if not ranked:
            return None
        best_doc = ranked[0].doc_id
        chosen = sorted([s for s in ranked if s.doc_id == best_doc][:ANSWER_SENTENCES], key=lambda s: s.start)
        if intent.asks_reason:
            chosen = self._with_reason(chosen, intent)
        elif intent.operation is Operation.LIST:
            chosen = self._with_listing(chosen)
        citations = [self.texts.cite(s.doc_id, s.start, s.end, s.page) for s in chosen]
        record = self.texts.record(best_doc)
        text = f"据{record.department}{record.year or ''}年公开文件：" + readable("".join(s.text for s in chosen))
        return Draft(Answer(question=intent.question, kind="text", text=text, citations=citations, route="retrieval"))

    def _with_reason(self, chosen: list[Sentence], intent: QuestionPlan) -> list[Sentence]:
        """Adds the nearest following sentence that states a reason ("主要原因是…"), preferring one
        about the same direction of change (增加 / 减少) as the question."""
        best = chosen[0]
        span = self.texts.reason_after(best.doc_id, best.start, best.end, intent.direction)
        if span and all(s.start != span[0] for s in chosen):
            text = self.texts.text(best.doc_id)[span[0] : span[1]]
            chosen = [*chosen, Sentence(best.doc_id, span[0], span[1], text, best.page, 0.0)]
        return sorted(chosen, key=lambda s: s.start)

    def _with_listing(self, chosen: list[Sentence]) -> list[Sentence]:
        """Adds the items the best sentence leads into ("具体包括：" then one per line): a list asked is
        answered by its items."""
        for sentence in chosen:
            text = self.texts.text(sentence.doc_id)
            span = listing_after(text, sentence.start, sentence.end)
            if span:
                lines = (" ".join(line.split()).rstrip("。；;") for line in text[span[0] : span[1]].split("\n"))
                items = Sentence(sentence.doc_id, span[0], span[1], "；".join(filter(None, lines)) + "。", sentence.page, 0.0)
                return sorted([s for s in chosen if s.end <= span[0] or s.start >= span[1]] + [items], key=lambda s: s.start)
        return chosen

    def number_answer(self, intent: QuestionPlan, docs: list[Document]) -> Draft | None:
        """A figure printed right after the asked item in a retrieved sentence, typed and checked, or None.

        The figure must carry the asked kind of unit, and the asked basis (决算, 年初预算 …) when the
        question names one; a change question takes only a stated change or a 持平 statement.
        """
        names = [t for t in [intent.focus, *canonical_terms(intent.question)] if t and len(t) >= 2]
        if not names:
            return None
        for sentence in rank_sentences(question_terms(intent), docs, self.texts):
            if sentence.score < MIN_SENTENCE_SCORE:
                break
            for name in names:
                if _bare(sentence.text).find(name) < 0:
                    continue
                if _narrower(_bare(sentence.text), _bare(sentence.text).find(name), intent):
                    continue  # "财政拨款收入支出总计" names a narrower whole than the 收支总计 asked
                if intent.operation is Operation.CHANGE:
                    steady = self.texts.steady_after(sentence.doc_id, sentence.start)
                    if steady:
                        return steady_draft(intent, sentence, steady, self.texts, self.display_unit)
                    continue
                at = sentence.text.find(name)
                if at < 0:
                    continue
                tail = sentence.text[at + len(name):]
                figure = _FIGURE.match(tail.lstrip("为是约共计安排："))
                if figure is None or not self._fits(intent, figure, sentence):
                    continue
                start = sentence.start + at
                end = start + len(name) + tail.index(figure.group()) + len(figure.group())
                value = Decimal(figure["num"].replace(",", ""))
                return self._figure(intent, sentence, value, figure["unit"], start, end)
        return None

    def _fits(self, intent: QuestionPlan, figure: re.Match, sentence: Sentence) -> bool:
        """The figure has the asked unit kind and, when the question names one, the asked basis."""
        unit = figure["unit"]
        if intent.unit_hint and unit not in intent.unit_hint:
            return False  # "几个团组" is never answered with an amount of money
        if not intent.unit_hint and not is_money(unit):
            return False
        if intent.basis is not None:
            record = self.texts.record(sentence.doc_id)
            return basis_in(sentence.text, DocumentKind(record.kind).natural_basis) is intent.basis
        return True

    def _figure(self, intent: QuestionPlan, sentence: Sentence, value: Decimal, unit: str | None,
                start: int, end: int) -> Draft:
        citation = self.texts.cite(sentence.doc_id, start, end, sentence.page)
        record = self.texts.record(sentence.doc_id)
        shown_value, shown_unit = in_display_unit(value, unit, self.display_unit)
        text = f"{record.department}{record.year or ''}年{intent.focus}为{shown(shown_value, shown_unit)}（见原文：{citation.quote}）。"
        answer = Answer(question=intent.question, kind="number", text=text, value=float(shown_value), unit=shown_unit,
                        citations=[citation], route="retrieval")
        return Draft(answer, [(citation, value)])
