"""Where a document states the audit's items: money levels in sentences and in the standard tables, each
with its item, scope, basis, printed precision and the span to quote."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ingest.audit.grid import Grid
from ingest.audit.items import ItemRef, Scope, is_generic_header, read_name, scope_in, scope_words, table_role
from ingest.audit.source import AuditSource, is_level
from ingest.audit.tolerance import Printed
from ingest.facts import stated_basis_in
from ingest.model import Basis, Fact
from ingest.subjects import normalise


def comparable_basis(basis: Basis) -> Basis:
    """年初预算 is the budget a budget document states; the other bases stand alone."""
    return Basis.BUDGET if basis is Basis.INITIAL_BUDGET else basis


@dataclass(frozen=True)
class Stated:
    """One money level of an item: in 万元, with the step of its last printed digit and its quote span."""

    item: str
    scope: Scope | None  # None: a sentence that names no scope
    basis: Basis
    value: Decimal
    step: Decimal
    start: int
    end: int
    table: Grid | None = None
    fact: Fact | None = None

    @property
    def printed(self) -> Printed:
        return Printed.exact(self.value, self.step)


class Statements:
    """Every statement of a vocabulary item in one document."""

    def __init__(self, source: AuditSource):
        self.source = source
        self.natural = source.doc.meta.kind.natural_basis

    @cached_property
    def grids(self) -> list[Grid]:
        return [Grid(t) for t in self.source.tables]

    @cached_property
    def in_text(self) -> list[Stated]:
        """This year's levels the sentences state of the department itself (a figure of another year or of a sub-unit,
        or a 合计 restating a whole, is left out)."""
        out = []
        source = self.source
        for paragraph in source.paragraphs:
            for fact in paragraph.facts:
                usable = is_level(fact) and not fact.scope and not source.of_other_year(fact) \
                    and not source.restates_total(fact) and not source.noted_apart(fact)
                named = read_name(fact.subject) if usable else None
                if named:
                    out.append(
                        Stated(
                            named.item,
                            named.scope,
                            comparable_basis(fact.basis),
                            fact.amount_wan,
                            self.source.printed_step(fact),
                            fact.start,
                            fact.end,
                            fact=fact,
                        )
                    )
        return out

    @cached_property
    def in_tables(self) -> list[Stated]:
        """The standard tables' statements of the department's own items (a sub-unit's table is not the department's)."""
        return [
            s
            for grid in self.grids
            if grid.aligned and table_role(grid.kind) and not grid.table.scope
            for s in self._table_statements(grid)
        ]

    def _table_statements(self, grid: Grid) -> list[Stated]:
        role = table_role(grid.kind)
        rows = [s.row for s in grid.segments if s.figures]
        two_sided = len(rows) != len(set(rows))
        single_row = len(set(rows)) == 1
        out = []
        for segment in grid.segments:
            # a coded row (302 17 公务接待费) is one line of a classification, not the item's total
            named = None if segment.is_total or segment.code or not segment.label else read_name(segment.label)
            for col, figure in segment.figures.items():
                path = grid.path(col)
                if not figure.money or col in grid.change_columns:
                    continue  # 增减额 is the item's change, not its level
                if named:  # a row naming its item; a column naming another (支出总计 × 人员经费) is more precise
                    column = column_item(path)
                    ref = column if column and column.item != named.item else ItemRef(named.item, named.scope or path_scope(path))
                elif segment.is_total and two_sided:
                    ref = ItemRef(role.whole, path_scope(path))
                elif segment.is_total or single_row:
                    ref = column_item(path, role.whole)
                else:
                    continue
                if ref is None:
                    continue
                basis = comparable_basis(stated_basis_in("".join(path)) or stated_basis_in(grid.table.title) or self.natural)
                out.append(
                    Stated(
                        ref.item, ref.scope or role.scope, basis, figure.value, figure.step, figure.start, figure.end, table=grid
                    )
                )
        return out

    def of(self, item: str) -> list[Stated]:
        return [s for s in (*self.in_text, *self.in_tables) if s.item == item]


def path_scope(path: tuple[str, ...]) -> Scope | None:
    """The scope the deepest header naming one gives (一般公共预算 under 财政拨款支出)."""
    return next((scope for scope in (scope_in(h) for h in reversed(path)) if scope), None)


def column_item(path: tuple[str, ...], whole: str | None = None) -> ItemRef | None:
    """The item a column header path names: its deepest header that is not generic (合计, 小计, 预算数 stand
    for the header above), read under the item of the header above it, so a part's short name counts
    (购置费 under 公务用车购置及运行费) and a scope column (一般公共预算) is the item above in that scope.
    A path of generic headers only is the table's `whole`, when given."""
    named = [h for h in path if not is_generic_header(h)]
    if not named:
        return ItemRef(whole, path_scope(path)) if path and whole else None
    parent = read_name(named[-2]) if len(named) > 1 else None
    ref = read_name(named[-1], parent.item if parent else None)
    if ref:
        return ItemRef(ref.item, ref.scope or path_scope(path))
    scope = scope_in(named[-1])
    return ItemRef(parent.item, scope) if parent and scope and normalise(named[-1]) in scope_words(scope) else None
