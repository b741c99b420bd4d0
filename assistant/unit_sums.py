"""One item of several units added ("枧溪镇卫生院和桐坳乡卫生院的事业收入一共多少"): each unit's figure is found by the
question asking it alone, then the figures are added with their formula, every operand cited. One unit not found as
one figure, or the units of money differ, and the sum is not given."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant import compute
from assistant.answer import Answer, AnswerKind
from assistant.fact_path import Draft
from assistant.formatting import rounded, shown
from assistant.plan import Operation, QuestionPlan
from ingest.vocabulary import is_body_name, organ_suffixes, split_places, vocabulary

MIN_ITEM_CHARS = 2  # what follows the last unit's name: the item asked of every unit
_COUNTED_BODIES = re.compile(r"^这?[两二三四五六七八九几][家个](?:单位)?的?")


def unit_questions(plan: QuestionPlan) -> list[str] | None:
    """The one-unit questions a sum over units stands for: every part a body's name, the last followed by the item
    ("某镇卫生院", "某乡卫生院事业收入" → "某镇卫生院2024年事业收入", "某乡卫生院2024年事业收入"); None otherwise."""
    if plan.operation is not Operation.SUM or len(plan.parts) < 2 or plan.operands:
        return None
    *bodies, last = plan.parts
    # a unit named without its place is asked of the one department the question names ("某局下面调查队和信息中心…"),
    # also by its organ word alone (某局公证处)
    department = plan.departments[0] if len(plan.departments) == 1 and not plan.unknown_body else ""

    def names_unit(name: str) -> bool:
        return is_body_name(name) or bool(department) and name in organ_suffixes(name)

    if not all(names_unit(body) for body in bodies):
        return None
    end = next((end for end in range(len(last) - MIN_ITEM_CHARS, 1, -1) if names_unit(last[:end])), 0)
    if not end:
        return None
    year = "".join(f"{year}年" for year in plan.years[:1])
    item = _COUNTED_BODIES.sub("", last[end:])  # "…两家收入预算": the item, not how many bodies
    named = [_without_lead(body) for body in (*bodies, last[:end])]
    return [f"{department if not split_places(body)[0] else ''}{body}{year}{item}" for body in named]


def _without_lead(body: str) -> str:
    """A unit's name without the word leading it after its department's (下面调查队 → 调查队)."""
    lead = next((word for word in vocabulary().unit_leads if body.startswith(word)), "")
    return body[len(lead):].lstrip("的")


def units_summed(plan: QuestionPlan, drafts: list[Draft | None]) -> Draft | None:
    """The units' figures added: each one's own sentence, then the total with its formula; None when one is not a
    single figure or their units differ."""
    figures = [d.answer for d in drafts if d and d.answer.kind == AnswerKind.NUMBER and d.answer.value is not None
               and not d.answer.qualifier]
    if len(figures) != len(drafts) or len({answer.unit for answer in figures}) != 1:
        return None
    amounts = [d.amount if d.amount is not None else Decimal(str(d.answer.value)) for d in drafts if d]
    result = compute.total(amounts)
    unit = figures[0].unit
    per_unit = f"，单位：{unit}" if unit else ""
    said = "".join(answer.text for answer in figures)
    text = f"{said}合计{shown(result.value, unit)}（{result.formula}{per_unit}）。"
    answer = Answer(question=plan.question, kind=AnswerKind.NUMBER, text=text, value=float(rounded(result.value)), unit=unit,
                    formula=result.formula, citations=[c for answer in figures for c in answer.citations],
                    conflicts=[c for answer in figures for c in answer.conflicts], route="fact")
    return Draft(answer, [check for d in drafts if d for check in d.checks], result.value)
