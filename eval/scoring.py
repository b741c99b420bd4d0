"""Pure scoring rules: unit conversion, tolerance, and the number / text / unanswerable / evidence checks.

No I/O here: citation texts are passed in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Answer, AnswerKind, Citation
from eval.gold import GoldItem

MONEY_FACTORS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
# units that name the same thing; each maps to one canonical spelling
EQUIVALENT_UNITS: dict[str, str] = {"名": "人", "台": "辆", "台（套）": "辆", "台(套)": "辆", "台/套": "辆", "套": "辆", "％": "%"}
MIN_TOLERANCE = 0.005
RELATIVE_TOLERANCE = 0.001  # 0.1 % of the gold value
SHOWN_PLACES = 2  # figures are compared as shown: to two decimals
FLOAT_SLACK = 1e-9  # absorbs binary rounding, so 0.635 vs 0.63 ± 0.005 counts as inside
_WHITESPACE = re.compile(r"\s+")


def canonical_unit(unit: str | None) -> str | None:
    """The unit's canonical spelling (名 → 人, 台 → 辆, ％ → %); None for a missing unit."""
    if unit is None or not unit.strip():
        return None
    unit = unit.strip()
    return EQUIVALENT_UNITS.get(unit, unit)


def convert(value: float, unit: str | None, target: str | None) -> float | None:
    """`value` expressed in `target`, or None when the two units cannot be compared.

    Money converts between 元/万元/亿元, also money per head (万元/人·年) into a gold given in money alone, which the
    answer only says more precisely; equivalent count units (人=名, 辆=台) and % are taken as is; two missing units
    compare as is; anything else (e.g. 万元 vs %, a missing vs a present unit, 元 vs 元/人) is None.
    """
    source, goal = canonical_unit(unit), canonical_unit(target)
    if source and goal in MONEY_FACTORS and source.partition("/")[0] in MONEY_FACTORS:
        source = source.partition("/")[0]
    if source in MONEY_FACTORS and goal in MONEY_FACTORS:
        return float(Decimal(repr(float(value))) * MONEY_FACTORS[source] / MONEY_FACTORS[goal])
    if source == goal:
        return float(value)
    return None


def default_tolerance(value: float) -> float:
    """Absolute tolerance when the gold line gives none: max(0.005, 0.1 % of the value)."""
    return max(MIN_TOLERANCE, abs(value) * RELATIVE_TOLERANCE)


def tolerance_for(item: GoldItem) -> float:
    assert item.value is not None
    return item.tolerance if item.tolerance is not None else default_tolerance(item.value)


def accepted_values(item: GoldItem) -> list[float]:
    """The gold value followed by the alternatives in `also`."""
    assert item.value is not None
    return [item.value, *item.also]


@dataclass(frozen=True)
class NumberScore:
    correct: bool
    exact: bool  # equal (after conversion) to an accepted value, without tolerance
    converted: float | None  # the answer's value in the gold unit; None when missing or not convertible


def same_figure(answer: float, gold: float) -> bool:
    """Equal at two decimals, or at the gold value's own places when it has more: an answer more exact than a
    rounded gold value is that value (15621.1123万元, printed 156,211,123.00元, is the gold 15621.11万元)."""
    places = max(SHOWN_PLACES, -Decimal(repr(float(gold))).as_tuple().exponent)
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(float(answer))).quantize(step, ROUND_HALF_UP) == Decimal(repr(float(gold))).quantize(step, ROUND_HALF_UP)


def score_number(item: GoldItem, answer: Answer) -> NumberScore:
    """Correct when the answer's value, converted to the gold unit, is within tolerance of an accepted value."""
    if is_refusal(answer) or answer.value is None:
        return NumberScore(False, False, None)
    converted = convert(answer.value, answer.unit, item.unit)
    if converted is None:
        return NumberScore(False, False, None)
    tolerance = tolerance_for(item)
    gaps = [abs(converted - v) for v in accepted_values(item)]
    correct = any(g <= tolerance + FLOAT_SLACK for g in gaps)
    exact = any(same_figure(converted, v) for v in accepted_values(item))
    return NumberScore(correct, exact, converted)


def score_text(item: GoldItem, answer: Answer) -> bool:
    """Correct when every `must_include` string occurs in the answer text, whitespace aside (a PDF's "2024 年成立"
    is the answer's 2024年成立); a refusal never counts."""
    said = _without_whitespace(answer.text)
    return not is_refusal(answer) and all(_without_whitespace(s) in said for s in item.must_include)


def _without_whitespace(text: str) -> str:
    return "".join(text.split())


def is_refusal(answer: Answer) -> bool:
    """Not found, or out of the documents' scope: either way the assistant gives no answer."""
    return AnswerKind(answer.kind).refuses


def score_unanswerable(answer: Answer) -> bool:
    """Correct only when the assistant says it found nothing."""
    return is_refusal(answer)


def is_false_refusal(item: GoldItem, answer: Answer) -> bool:
    """A refusal of a question the gold file says is answerable."""
    return item.type != "unanswerable" and is_refusal(answer)


def is_correct(item: GoldItem, answer: Answer) -> bool:
    if item.type == "number":
        return score_number(item, answer).correct
    if item.type == "text":
        return score_text(item, answer)
    return score_unanswerable(answer)


def citation_is_valid(citation: Citation, document_text: str | None) -> bool:
    """True when the quote equals the document text at the citation's offsets (and the offsets are in range)."""
    if document_text is None:
        return False
    if not 0 <= citation.start <= citation.end <= len(document_text):
        return False
    return document_text[citation.start : citation.end] == citation.quote


def citation_validity(citations: Sequence[Citation], text_of: Callable[[str], str | None]) -> list[bool]:
    """Validity of each citation; `text_of(doc_id)` returns the stored document text (None if unknown)."""
    return [citation_is_valid(c, text_of(c.doc_id)) for c in citations]


def squeeze(text: str) -> str:
    """The text with all whitespace removed."""
    return _WHITESPACE.sub("", text)


def evidence_hit(evidence: Sequence[str], citations: Sequence[Citation], valid: Sequence[bool]) -> bool:
    """True when some valid citation's quote contains some evidence string, whitespace ignored on both sides."""
    wanted = [squeeze(e) for e in evidence if squeeze(e)]
    quotes = [squeeze(c.quote) for c, ok in zip(citations, valid, strict=True) if ok]
    return any(w in q for w in wanted for q in quotes)


_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]")
MIN_NAME_CHARS = 2  # "25.40" or a row of bare numbers names nothing; "公务接待费 25.40" does


def names_its_figure(citation: Citation) -> bool:
    """True when a person can see what the cited figure is: a table citation with its table and row or
    header, or a quote with words beside the numbers."""
    if citation.table is not None:
        return bool(citation.table.title and (citation.table.row or citation.table.headers))
    return len(_NAME_CHARS.findall(citation.quote)) >= MIN_NAME_CHARS
