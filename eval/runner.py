"""Runs gold questions through any `ask(question, filters) -> Answer` callable and scores each answer."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Protocol

from assistant.answer import Answer, Context
from eval import scoring
from eval.gold import GoldItem
from index.corpus_index import CorpusIndex, DocumentFilter
from index.fact_store import DocumentRecord

class AskFn(Protocol):
    """Anything that answers a question in a scope, given the previous answer's context in a conversation."""

    def __call__(self, question: str, filters: DocumentFilter, context: Context | None = None) -> Answer: ...


MAX_GOT_CHARS = 120  # answer text shown in a failure line


class Corpus(Protocol):
    """What the runner needs from the index: the ready documents and their stored text."""

    def documents(self, where: DocumentFilter = ...) -> list[DocumentRecord]: ...

    def text(self, doc_id: str) -> str | None: ...


class IndexCorpus:
    """`Corpus` over a CorpusIndex, caching document texts for citation checks."""

    def __init__(self, index: CorpusIndex) -> None:
        self.index = index
        self._texts: dict[str, str | None] = {}

    def documents(self, where: DocumentFilter = DocumentFilter()) -> list[DocumentRecord]:
        return self.index.documents(where)

    def text(self, doc_id: str) -> str | None:
        if doc_id not in self._texts:
            self._texts[doc_id] = self.index.facts.text(doc_id)
        return self._texts[doc_id]


@dataclass
class QuestionResult:
    """One gold question, the answer it got and how it scored."""

    id: str
    type: str
    question: str
    expected: str
    got: str
    correct: bool
    kind: str  # answer kind, or "error" when asking raised
    value: float | None = None
    unit: str | None = None
    converted: float | None = None  # the answer's value in the gold unit (number questions)
    exact: bool = False  # number questions: equal to an accepted value without tolerance
    refused: bool = False
    false_refusal: bool = False
    confident_wrong: bool = False  # a number answer that is wrong
    evidence_expected: bool = False
    evidence_hit: bool | None = None  # None when the gold line lists no evidence
    citations: int = 0
    valid_citations: int = 0
    named_citations: int = 0  # number answers: citations that show what the figure is (label words or table and row)
    route: str = "none"
    latency_ms: float = 0.0
    answer_text: str = ""
    error: str | None = None
    gold_file: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def expected_of(item: GoldItem) -> str:
    """A short human description of what the gold line accepts."""
    if item.type == "number":
        text = f"{item.value:g} {item.unit}"
        if item.also:
            text += " (or " + ", ".join(f"{v:g}" for v in item.also) + ")"
        return text + f" ±{scoring.tolerance_for(item):g}"
    if item.type == "text":
        return "text including " + ", ".join(f"“{s}”" for s in item.must_include)
    return "not_found"


def got_of(answer: Answer) -> str:
    text = " ".join(answer.text.split())
    if len(text) > MAX_GOT_CHARS:
        text = text[: MAX_GOT_CHARS - 1] + "…"
    if answer.kind == "number" and answer.value is not None:
        return f"{answer.value:g} {answer.unit or ''}".rstrip() + f" — {text}"
    return f"[{answer.kind}] {text}"


def resolve_filter(item: GoldItem, corpus: Corpus) -> DocumentFilter:
    """The DocumentFilter for a gold line; raises LookupError when its `doc` is not in the index."""
    f = item.filters
    doc_id = None
    if item.doc:
        matches = [d.doc_id for d in corpus.documents() if d.source == item.doc]
        if not matches:
            raise LookupError(f"document '{item.doc}' is not in the index")
        doc_id = matches[0]
    return DocumentFilter(
        department=f.department if f else None, year=f.year if f else None, kind=f.kind if f else None, doc_id=doc_id
    )


def score_answer(item: GoldItem, answer: Answer, corpus: Corpus, latency_ms: float) -> QuestionResult:
    """Scores one answer against its gold line."""
    number = scoring.score_number(item, answer) if item.type == "number" else None
    correct = number.correct if number else scoring.is_correct(item, answer)
    valid = scoring.citation_validity(answer.citations, corpus.text)
    hit = scoring.evidence_hit(item.evidence, answer.citations, valid) if item.evidence else None
    return QuestionResult(
        id=item.id, type=item.type, question=item.question, expected=expected_of(item), got=got_of(answer),
        correct=correct, kind=answer.kind, value=answer.value, unit=answer.unit,
        converted=number.converted if number else None, exact=bool(number and number.exact),
        refused=scoring.is_refusal(answer), false_refusal=scoring.is_false_refusal(item, answer),
        confident_wrong=answer.kind == "number" and answer.value is not None and not correct,
        evidence_expected=bool(item.evidence), evidence_hit=hit,
        citations=len(valid), valid_citations=sum(valid), route=answer.route, latency_ms=latency_ms,
        named_citations=sum(map(scoring.names_its_figure, answer.citations)) if answer.kind == "number" else 0,
        answer_text=answer.text,
    )


def error_result(item: GoldItem, message: str, latency_ms: float = 0.0) -> QuestionResult:
    """A question that could not be asked (bad scope, rejected question, crash): always wrong."""
    return QuestionResult(
        id=item.id, type=item.type, question=item.question, expected=expected_of(item), got=f"[error] {message}",
        correct=False, kind="error", evidence_expected=bool(item.evidence), evidence_hit=False if item.evidence else None,
        latency_ms=latency_ms, error=message,
    )


def run_item(item: GoldItem, ask: AskFn, corpus: Corpus) -> QuestionResult:
    try:
        where = resolve_filter(item, corpus)
    except LookupError as error:
        return error_result(item, str(error))
    started = time.perf_counter()
    try:
        context = None
        for earlier in item.after:
            context = ask(earlier, where, context=context).context
        started = time.perf_counter()
        answer = ask(item.question, where, context=context)
    except Exception as error:  # noqa: BLE001 - one failing question must not end the run; it is reported
        return error_result(item, f"{type(error).__name__}: {error}", (time.perf_counter() - started) * 1000)
    latency_ms = (time.perf_counter() - started) * 1000
    return score_answer(item, answer, corpus, latency_ms)


def run_gold(
    items: Sequence[GoldItem],
    ask: AskFn,
    corpus: Corpus,
    gold_file: str | None = None,
    on_result: Callable[[QuestionResult], None] | None = None,
) -> list[QuestionResult]:
    """Asks every gold question in order and scores it; `on_result` is called after each one."""
    results = []
    for item in items:
        result = run_item(item, ask, corpus)
        result.gold_file = gold_file
        if on_result:
            on_result(result)
        results.append(result)
    return results
