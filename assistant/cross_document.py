"""An item asked of two documents, answered: each operand is found by the lookup a one-department question
uses, then the two figures are added or compared, each cited from its own document. One operand missing
(or not one figure, or in another unit) and the question is refused, never answered with the other alone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from assistant import compute
from assistant.answer import NOT_FOUND_TEXT, Answer, AnswerKind
from assistant.fact_matching import ACCEPTED_BASES
from assistant.fact_path import Draft
from assistant.formatting import rounded, shown
from assistant.plan import Operand, Operation, QuestionPlan
from index.fact_store import DocumentRecord
from ingest.model import Basis, DocumentKind


@dataclass(frozen=True)
class Found:
    """An operand, what its own lookup answered (None: nothing) and the documents it was looked up in."""

    operand: Operand
    draft: Draft | None
    documents: tuple[DocumentRecord, ...]

    @property
    def figure(self) -> Answer | None:
        """The lookup's answer when it is one exact figure."""
        answer = self.draft.answer if self.draft else None
        if answer is None or answer.kind != AnswerKind.NUMBER or answer.value is None or answer.qualifier:
            return None
        return answer

    @property
    def amount(self) -> Decimal:
        """The figure, exactly when the lookup worked it out, else as shown."""
        assert self.draft is not None and self.draft.answer.value is not None
        return self.draft.amount if self.draft.amount is not None else Decimal(str(self.draft.answer.value))

    @property
    def document(self) -> DocumentRecord | None:
        """The document the figure is quoted from."""
        cited = {c.doc_id for c in self.draft.answer.citations} if self.draft else set()
        return next((d for d in self.documents if d.doc_id in cited), None)

    @property
    def basis(self) -> Basis | None:
        """The kind of figure: the one asked, else what the quoting document states of its own year."""
        document = self.document
        return self.operand.basis or (DocumentKind(document.kind).natural_basis if document else None)

    @property
    def year(self) -> int | None:
        """The year asked (a later document may state it as 上年), else the quoting document's."""
        document = self.document
        return self.operand.year or (document.year if document else None)


def of_basis(documents: list[DocumentRecord], basis: Basis | None) -> list[DocumentRecord]:
    """The documents that state `basis` of their own year (a final account for 决算); all of them when no
    document does (执行数 is stated by the next year's budget)."""
    if basis is None or not any(kind.natural_basis in ACCEPTED_BASES[basis] for kind in DocumentKind):
        return documents
    return [d for d in documents if DocumentKind(d.kind).natural_basis in ACCEPTED_BASES[basis]]


def operand_plan(plan: QuestionPlan, operand: Operand, documents: list[DocumentRecord]) -> QuestionPlan:
    """The one-department lookup that finds an operand: its body, its year (the year of the body's latest
    document of its basis when none is named) and its basis."""
    own = of_basis([d for d in documents if d.department == operand.department], operand.basis)
    year = operand.year or max((d.year for d in own if d.year), default=None)
    years = [year] if year else []
    return replace(plan, operation=Operation.LOOKUP, departments=[operand.department], years=years, named_years=years,
                   basis=operand.basis, parts=[], part_bases=[], operands=[], unknown_body=None)


def refusal(plan: QuestionPlan, found: list[Found]) -> str | None:
    """Why the operands cannot be added or compared: one is not found as one figure, or the units differ."""
    doing = "合计" if plan.operation is Operation.SUM else "差额"
    lacking = sorted((each for each in found if each.figure is None), key=lambda each: bool(each.documents))
    if lacking:  # a body with no document of its own is said first
        each = lacking[0]
        who = f"{each.operand.department}{f'{each.operand.year}年' if each.operand.year else ''}{each.operand.basis or ''}"
        what = f"“{plan.focus or '预算'}”的数据" if each.documents else "的相关文件"
        return f"{NOT_FOUND_TEXT}{who}{what}，无法计算{doing}。"
    units = [each.figure.unit for each in found if each.figure]
    if len(set(units)) > 1:
        return f"两个数字单位不同（{'、'.join(u or '无单位' for u in units)}），无法计算{doing}。"
    return None


def combined(plan: QuestionPlan, found: list[Found]) -> Draft:
    """The two figures added or compared: each lookup's own sentence, then the result with its formula, naming
    both bodies and years (and the basis of each when they differ), every operand cited from its document."""
    first, second = found
    one, other = first.figure, second.figure
    assert one is not None and other is not None  # `refusal` found both
    names = _names(first, second)
    if plan.operation is Operation.SUM:
        result = compute.total([first.amount, second.amount])
        value = result.value
        said = f"{names[0]}与{names[1]}合计{shown(value, one.unit)}"
    else:
        result = compute.difference(first.amount, second.amount)
        value = abs(result.value)
        way = "多" if result.value > 0 else "少"
        said = f"{names[0]}比{names[1]}{way}" if value else f"{names[0]}与{names[1]}相同，差额为"
        said += shown(value, one.unit)
    per_unit = f"，单位：{one.unit}" if one.unit else ""
    text = f"{one.text}{other.text}{said}（{result.formula}{per_unit}）。"
    answer = Answer(question=plan.question, kind=AnswerKind.NUMBER, text=text, value=float(rounded(value)), unit=one.unit,
                    formula=result.formula, citations=[*one.citations, *other.citations],
                    conflicts=[*one.conflicts, *other.conflicts], route="fact")
    checks = [check for each in found if each.draft for check in each.draft.checks]
    return Draft(answer, checks, value)


def _names(first: Found, second: Found) -> tuple[str, str]:
    """How the result names each operand: body, year and, when the two differ in it, basis; a body is said once
    when both are its own."""
    bases = first.basis != second.basis
    named = [f"{each.operand.department}{f'{each.year}年' if each.year else ''}{each.basis if bases and each.basis else ''}"
             for each in (first, second)]
    if first.operand.department == second.operand.department:
        named[1] = named[1].removeprefix(first.operand.department)
    return named[0], named[1]
