"""Summaries of scored results: the numbers, the printed table, the failure lines and the JSON report."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, computed_field

from eval.runner import QuestionResult

TYPES = ("number", "text", "unanswerable")


class Ratio(BaseModel):
    """`hits` out of `total`; `rate` is None when there is nothing to count."""

    hits: int
    total: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None

    def show(self) -> str:
        return f"{self.hits}/{self.total} ({self.rate:.1%})" if self.total else "—"


class TypeStats(BaseModel):
    """Accuracy and latency of one question type (or of all questions)."""

    count: int
    correct: int
    accuracy: float | None
    p50_ms: float | None
    p95_ms: float | None


class Summary(BaseModel):
    """Everything the table shows, also written as the `summary` of the JSON report."""

    questions: int
    correct: int
    accuracy: float | None
    by_type: dict[str, TypeStats]
    overall: TypeStats
    numeric_exact_match: Ratio  # number questions whose converted value equals an accepted value exactly
    evidence: Ratio  # questions with gold evidence whose answer cites it validly
    citations: Ratio  # citations whose quote equals the document text at their offsets
    named: Ratio  # citations of number answers that show what the figure is
    refusals: Ratio  # unanswerable questions answered not_found
    false_refusals: int  # answerable questions answered not_found
    wrong_but_confident: int  # number answers that are wrong
    routes: dict[str, int]
    errors: int  # questions that could not be asked (bad `doc`, rejected question, crash)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between closest ranks; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _stats(results: Sequence[QuestionResult]) -> TypeStats:
    latencies = [r.latency_ms for r in results]
    correct = sum(r.correct for r in results)
    return TypeStats(
        count=len(results), correct=correct, accuracy=correct / len(results) if results else None,
        p50_ms=percentile(latencies, 50), p95_ms=percentile(latencies, 95),
    )


def summarize(results: Sequence[QuestionResult]) -> Summary:
    numbers = [r for r in results if r.type == "number"]
    unanswerable = [r for r in results if r.type == "unanswerable"]
    with_evidence = [r for r in results if r.evidence_expected]
    overall = _stats(results)
    return Summary(
        questions=overall.count, correct=overall.correct, accuracy=overall.accuracy,
        by_type={t: _stats([r for r in results if r.type == t]) for t in TYPES},
        overall=overall,
        numeric_exact_match=Ratio(hits=sum(r.exact for r in numbers), total=len(numbers)),
        evidence=Ratio(hits=sum(bool(r.evidence_hit) for r in with_evidence), total=len(with_evidence)),
        citations=Ratio(hits=sum(r.valid_citations for r in results), total=sum(r.citations for r in results)),
        named=Ratio(hits=sum(r.named_citations for r in results), total=sum(r.citations for r in results if r.kind == "number")),
        refusals=Ratio(hits=sum(r.correct for r in unanswerable), total=len(unanswerable)),
        false_refusals=sum(r.false_refusal for r in results),
        wrong_but_confident=sum(r.confident_wrong for r in results),
        routes=dict(sorted(Counter(r.route for r in results if r.kind != "error").items())),
        errors=sum(r.kind == "error" for r in results),
    )


# ---- text -------------------------------------------------------------------------------------
def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _other_rows(s: Summary) -> list[tuple[str, str]]:
    return [
        ("numeric exact-match", s.numeric_exact_match.show()),
        ("evidence hit rate", s.evidence.show()),
        ("citation validity", s.citations.show()),
        ("citations naming figure", s.named.show()),
        ("refusal accuracy", s.refusals.show()),
        ("false refusals", str(s.false_refusals)),
        ("wrong but confident", str(s.wrong_but_confident)),
        ("routes", " · ".join(f"{k} {v}" for k, v in s.routes.items()) or "—"),
        ("errors", str(s.errors)),
    ]


def _metric_rows(s: Summary) -> list[tuple[str, str]]:
    """Every metric as (label, value), for the side-by-side comparison."""
    groups = [*s.by_type.items(), ("all", s.overall)]
    rows = [(f"accuracy · {t}", f"{st.correct}/{st.count} ({_pct(st.accuracy)})" if st.count else "—") for t, st in groups]
    rows += _other_rows(s)
    rows += [(f"latency p50/p95 ms · {t}", f"{_ms(st.p50_ms)} / {_ms(st.p95_ms)}") for t, st in groups]
    return rows


def render_table(summary: Summary, title: str = "") -> str:
    """Per-type counts, accuracy and latency, then the other metrics, as an aligned text table."""
    head = f"{'type':<14}{'n':>5}{'correct':>9}{'accuracy':>10}{'p50 ms':>9}{'p95 ms':>9}"
    lines = [title] if title else []
    lines += [head, "-" * len(head)]
    for name, st in [*summary.by_type.items(), ("all", summary.overall)]:
        lines.append(f"{name:<14}{st.count:>5}{st.correct:>9}{_pct(st.accuracy):>10}{_ms(st.p50_ms):>9}{_ms(st.p95_ms):>9}")
    lines.append("")
    lines += [f"{label:<26}{value}" for label, value in _other_rows(summary)]
    return "\n".join(lines)


def render_comparison(product: Summary, baseline: Summary, title: str = "") -> str:
    """Product and baseline metrics side by side."""
    rows = list(zip(_metric_rows(product), _metric_rows(baseline), strict=True))
    width = max(len(p[1]) for p, _ in rows) + 3
    lines = [title] if title else []
    head = f"{'metric':<34}{'product':<{width}}baseline"
    lines += [head, "-" * (len(head) + 12)]
    lines += [f"{p[0]:<34}{p[1]:<{width}}{b[1]}" for p, b in rows]
    return "\n".join(lines)


def failure_lines(results: Sequence[QuestionResult]) -> list[str]:
    """One line per wrong answer: id, question, expected vs got."""
    return [f"FAIL {r.id}  {r.question}  expected: {r.expected}  got: {r.got}" for r in results if not r.correct]


# ---- JSON -------------------------------------------------------------------------------------
def report_dict(results: Sequence[QuestionResult], **extra: object) -> dict:
    """`summary` plus one record per question (plus any extra top-level keys)."""
    return {"summary": summarize(results).model_dump(), "questions": [r.to_dict() for r in results], **extra}


def write_json(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
