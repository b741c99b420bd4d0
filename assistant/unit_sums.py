"""One item of several units added ("枧溪镇卫生院和桐坳乡卫生院的事业收入一共多少") or of two units compared ("某局执法支队的
项目支出比信息中心多多少"): each unit's figure is found by the question asking it alone, then the figures are added or
subtracted with their formula, every operand cited. One unit not found as one figure, or the units of money differ, and
no result is given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant import compute
from assistant.answer import Answer, AnswerKind
from assistant.fact_path import Draft
from assistant.formatting import rounded, shown
from assistant.plan import Operation, QuestionPlan
from ingest.vocabulary import core_name, is_body_name, organ_suffixes, split_places, vocabulary

MIN_ITEM_CHARS = 2  # what follows a unit's name: the item asked of every unit
_COUNTED_BODIES = re.compile(r"^这?[两二三四五六七八九几][家个](?:单位)?的?")


@dataclass(frozen=True)
class _UnitsAsked:
    units: list[str]  # as the question names them, in its order
    questions: list[str]  # one per unit, asking the item of it alone


def unit_questions(plan: QuestionPlan) -> list[str] | None:
    """The one-unit questions a sum over units or a comparison of two stands for ("某镇卫生院", "某乡卫生院事业收入" →
    "某镇卫生院2024年事业收入", "某乡卫生院2024年事业收入"); None otherwise."""
    asked = _units_asked(plan)
    return asked.questions if asked else None


def _units_asked(plan: QuestionPlan) -> _UnitsAsked | None:
    """For a sum, every part a body's name and the last followed by the item; for a difference, the first part a body's
    name followed by the item and the second a body's name alone ("某局执法支队的项目支出比信息中心多多少")."""
    if plan.operands or len(plan.parts) < 2:
        return None
    # a unit named without its place is asked of the one department the question names ("某局下面调查队和信息中心…"),
    # also by its organ word alone (某局公证处)
    department = plan.departments[0] if len(plan.departments) == 1 and not plan.unknown_body else ""

    organs = ("", *organ_suffixes(core_name(split_places(department)[1]))) if department else ()

    def own_office(name: str) -> str:  # "局机关本级", "机关本级": the department's own office, asked by its word
        office = next((word for word in vocabulary().own_office if name.endswith(word)), "")
        return office if office and name[: -len(office)] in organs else ""

    def names_unit(name: str) -> bool:  # a body's name, a unit's organ word, or the own office
        return is_body_name(name) or bool(department) and (name in organ_suffixes(name) or bool(own_office(name)))

    if plan.operation is Operation.SUM:
        *bodies, with_item = plan.parts
    elif plan.operation is Operation.DIFFERENCE and len(plan.parts) == 2:
        with_item, *bodies = plan.parts
    else:
        return None
    if not all(names_unit(body) for body in bodies):
        return None
    end = next((end for end in range(len(with_item) - MIN_ITEM_CHARS, 1, -1) if names_unit(with_item[:end])), 0)
    if not end:
        return None
    year = "".join(f"{year}年" for year in plan.years[:1])
    item = _COUNTED_BODIES.sub("", with_item[end:])  # "…两家收入预算": the item, not how many bodies
    units = [own_office(body) or _without_lead(body) for body in ((*bodies, with_item[:end]) if plan.operation is Operation.SUM
                                                                  else (with_item[:end], *bodies))]
    return _UnitsAsked(units, [f"{department if not split_places(unit)[0] else ''}{unit}{year}{item}" for unit in units])


def _without_lead(body: str) -> str:
    """A unit's name without the word leading it after its department's (下面调查队 → 调查队)."""
    lead = next((word for word in vocabulary().unit_leads if body.startswith(word)), "")
    return body[len(lead):].lstrip("的")


def units_combined(plan: QuestionPlan, drafts: list[Draft | None]) -> Draft | None:
    """The units' figures added, or the second taken from the first: each one's own sentence, then the result with its
    formula; None when one is not a single figure or their units differ."""
    asked = _units_asked(plan)
    figures = [d.answer for d in drafts if d and d.answer.kind == AnswerKind.NUMBER and d.answer.value is not None
               and not d.answer.qualifier]
    if asked is None or len(figures) != len(drafts) or len({answer.unit for answer in figures}) != 1:
        return None
    amounts = [d.amount if d.amount is not None else Decimal(str(d.answer.value)) for d in drafts if d]
    unit = figures[0].unit
    if plan.operation is Operation.SUM:
        result = compute.total(amounts)
        value = result.value
        said = f"合计{shown(value, unit)}"
    else:
        result = compute.difference(*amounts)
        value = abs(result.value)
        way = "多" if result.value > 0 else "少"
        said = f"{asked.units[0]}比{asked.units[1]}{way}{shown(value, unit)}" if value else f"两者相同，差额为{shown(value, unit)}"
    per_unit = f"，单位：{unit}" if unit else ""
    text = "".join(answer.text for answer in figures) + f"{said}（{result.formula}{per_unit}）。"
    answer = Answer(question=plan.question, kind=AnswerKind.NUMBER, text=text, value=float(rounded(value)), unit=unit,
                    formula=result.formula, citations=[c for answer in figures for c in answer.citations],
                    conflicts=[c for answer in figures for c in answer.conflicts], route="fact")
    return Draft(answer, [check for d in drafts if d for check in d.checks], value)
