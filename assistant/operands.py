"""One item asked of two documents: two bodies' figures ("区府办的招待费比商务委多多少", "财政局和规资局…加起来"),
or one body's budget against its final account of another year ("25年…预算比24年决算多了多少").

The question is read into its sides (the text on either side of 比, 和, 加上 …); each operand of the plan is a
body, a year and a basis, never a string for the answer to read again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.plan import Operand
from ingest.model import Basis

# the bases a document states of its own year, by the document that states them: a budget plans, a final account spends
_DOCUMENT_BASIS = {Basis.BUDGET: Basis.BUDGET, Basis.INITIAL_BUDGET: Basis.BUDGET, Basis.FINAL: Basis.FINAL}


@dataclass(frozen=True)
class Side:
    """What one side of 比 / 和 names: its years, the basis it asks and its item ("" when it names none)."""

    years: tuple[int, ...]
    basis: Basis | None
    item: str


@dataclass(frozen=True)
class Across:
    """The operands of an item in two documents, and that item ("" for the whole budget)."""

    operands: list[Operand]
    item: str


def across_documents(bodies: Sequence[str], sides: Sequence[Side], years: Sequence[int],
                     basis: Basis | None, document_bases: Mapping[int, Basis] | None = None) -> Across | None:
    """Two bodies and one item: the item in each body's document of the named year (each one's latest when
    none is named). One body, one item and two sides each naming one year and a basis, a budget's against a
    final account's: the item in each year's document of that basis; a side naming no basis takes its year's one
    document's (`document_bases`: "25年代表工作比24年实际少了多少" of a 2025 budget). None for anything else (two
    items, two bodies in two years, one body's like with like, which is a change between years)."""
    items = {side.item for side in sides if side.item}
    items = {item for item in items if not any(item != other and item in other for other in items)}  # 采购 of 政府采购
    if len(items) > 1:
        return None
    item = next(iter(items), "")
    if len(bodies) == 2 and len(years) <= 1:
        year = years[0] if years else None
        return Across([Operand(body, year, basis) for body in bodies], item)
    dated = [side for side in sides if side.years]
    if len(bodies) != 1 or len(dated) != 2 or any(len(side.years) != 1 for side in dated):
        return None
    first, second = dated
    if not (first.basis or second.basis):
        return None  # "今年比去年多了多少" asks the change the document states, like with like
    if second.basis is None:  # "2025年预算比2024年多了多少": the basis said before 比 is both sides'
        second = replace(second, basis=first.basis)
    if first.basis is None:  # "2025年代表工作比24年实际少了多少": the basis of 2025's one document
        first = replace(first, basis=(document_bases or {}).get(first.years[0]))
    dated = [first, second]
    kinds = {_DOCUMENT_BASIS.get(side.basis) for side in dated if side.basis}
    if first.years == second.years or kinds != {Basis.BUDGET, Basis.FINAL}:
        return None
    return Across([Operand(bodies[0], side.years[0], side.basis) for side in dated], item)
