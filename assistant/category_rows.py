"""Rows of one table that share a category (a 政府采购 table's 采购品目 硬件运维服务, or the 款 of 功能分类 rows
printed in a 款 column above their 项): a question naming the category, which no row is named after, asks for those
rows together."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from assistant.citations import SourceTexts
from assistant.fact_matching import basis_fit, comparable_amount, of_its_own_year
from assistant.plan import ALL_FUNDS_TABLES
from assistant.vocabulary import fund_words
from index.fact_store import FactRecord
from ingest.model import Basis, TableKind
from ingest.numbers import is_money
from ingest.tables import is_subject_code, is_total_label, split_code

_CELL_BREAK = re.compile(r"[\t\n]")
MIN_ROWS = 2  # one row under a category is that row, no total


@dataclass(frozen=True)
class CategoryRows:
    """The category cell as printed, and one figure per row holding it, all in one column of one table."""

    category: str
    facts: list[FactRecord]
    by_level: bool = False  # the rows stand under the category as their 类 or 款, not beside a category cell


def _row_key(fact: FactRecord) -> tuple[str, int, int]:
    return fact.doc_id, fact.table_id or 0, fact.start


def category_rows(facts: list[FactRecord], names: list[str], texts: SourceTexts,
                  asked_tables: frozenset[TableKind] = frozenset(), basis: Basis | None = None) -> CategoryRows | None:
    """The figures of the rows of one table whose cells (besides their label) hold one of `names` whole, or that
    are all labelled with it, or that stand under it as their 类 or 款, in the table's total column (合计) or else its
    first; None when one row is named after it, no table or several hold it, or the rows' figures are not money to
    add up. A table of a kind the question asks for (一般公共预算当年拨款) is looked in first; the column of the asked
    basis (决算数, not 年初预算数) holds the figures, or the document's own one when none is asked."""
    wanted = {n for n in names if n and n not in fund_words()}  # 财政拨款 asks the fund's whole, not rows paid by it
    if not wanted:
        return None
    in_asked = [f for f in facts if f.table_kind in asked_tables]
    if in_asked and (under := _rows_under(in_asked, wanted, basis)):
        return under
    if any(f.subject in wanted for f in facts):
        return _rows_named(facts, wanted, basis)
    if under := _rows_under(facts, wanted, basis):
        return under
    cells_at = {doc_id: _cells_holding(texts.text(doc_id), wanted) for doc_id in {f.doc_id for f in facts}}
    rows: dict[tuple[str, int, int], list[FactRecord]] = defaultdict(list)
    for fact in facts:
        if fact.origin == "table" and fact.table_id is not None and not is_total_label(fact.subject) \
                and cells_at[fact.doc_id]:
            rows[_row_key(fact)].append(fact)
    by_table: dict[tuple[str, int, str], list[list[FactRecord]]] = defaultdict(list)
    for (doc_id, table_id, start), cells in rows.items():
        end = max(f.end for f in cells)
        at = cells_at[doc_id]
        held = at[bisect.bisect_left(at, (start + 1,)) : bisect.bisect_left(at, (end,))]  # after the row's label
        if held:
            by_table[(doc_id, table_id, held[0][1])].append(cells)
    if len(by_table) != 1:
        return None  # no table lists the category, or several do: which one is meant is not said
    (_, _, category), matched = next(iter(by_table.items()))
    figures = [column_figure(cells, basis) for cells in matched]
    if len(figures) > 1 and not all(is_money(f.unit) for f in figures):
        return None  # counts, areas and rates are not added up
    return CategoryRows(category, figures)


def _rows_under(facts: list[FactRecord], wanted: set[str], basis: Basis | None) -> CategoryRows | None:
    """The lowest rows of a department table whose label path passes through an asked name (卫生健康支出 › 医疗救助 ›
    城乡医疗救助 under 卫生健康支出) in a table with no row of that name; where several tables hold them, their
    totals must agree, or else the one table of all the department's funds (部门支出总表) answers. None when fewer than
    two rows stand under it or the figures are not money."""
    rows: dict[tuple[str, int, str], dict[tuple[str, ...], list[FactRecord]]] = defaultdict(lambda: defaultdict(list))
    named = {(f.doc_id, f.table_id) for f in facts if f.subject in wanted or f.row_path[-1:] and f.row_path[-1] in wanted}
    for fact in facts:
        if fact.origin != "table" or fact.table_id is None or fact.scope or (fact.doc_id, fact.table_id) in named \
                or is_total_label(fact.subject):
            continue
        if category := next((name for label in fact.row_path[:-1] if (name := split_code(label)[1]) in wanted
                             and not is_subject_code(label)), None):  # "20502 普通教育" is the 款 普通教育
            rows[(fact.doc_id, fact.table_id, category)][fact.row_path].append(fact)
    found: list[CategoryRows] = []
    for (_, _, category), by_path in sorted(rows.items(), key=lambda item: item[0][:2]):
        leaves = [cells for path, cells in by_path.items()
                  if not any(other[: len(path)] == path and other != path for other in by_path)]
        figures = [column_figure(cells, basis) for cells in leaves]
        if len(figures) >= MIN_ROWS and all(is_money(f.unit) for f in figures):
            found.append(CategoryRows(category, figures, by_level=True))
    totals = {sum(comparable_amount(f) for f in rows.facts) for rows in found}
    if len(totals) == 1:
        return found[0]
    whole = [rows for rows in found if rows.facts[0].table_kind in ALL_FUNDS_TABLES]
    return whole[0] if len(whole) == 1 else None  # tables that differ by fund: all the department's money, unless asked


def _rows_named(facts: list[FactRecord], wanted: set[str], basis: Basis | None) -> CategoryRows | None:
    """Several rows of one 政府采购 table labelled with the asked 品目 (硬件运维服务 under three projects): their figures
    together; None when one row is, or rows of several tables are."""
    rows: dict[tuple[str, int, int], list[FactRecord]] = defaultdict(list)
    for fact in facts:
        if fact.subject in wanted and fact.table_kind is TableKind.PROCUREMENT and fact.table_id is not None:
            rows[_row_key(fact)].append(fact)
    if len(rows) < 2 or len({key[:2] for key in rows}) != 1:
        return None
    figures = [column_figure(cells, basis) for cells in rows.values()]
    if not all(is_money(f.unit) for f in figures):
        return None
    return CategoryRows(figures[0].subject, figures)


def _cells_holding(text: str, wanted: set[str]) -> list[tuple[int, str]]:
    """(offset, name) of every cell of the text that is one of the names whole, in offset order."""
    found = []
    for name in wanted:
        for match in re.finditer(re.escape(name), text):
            before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
            if _CELL_BREAK.fullmatch(before or "\n") and _CELL_BREAK.fullmatch(after or "\n"):
                found.append((match.start(), name))
    return sorted(found)


def column_figure(cells: list[FactRecord], basis: Basis | None = None) -> FactRecord:
    """A row's figure of its own year and the basis asked (else the document's own) in its total column (合计), or else
    in the first of those."""
    cells = of_its_own_year(cells)
    fits = {id(f): fit for f in cells if (fit := basis_fit(f, basis)) is not None}
    if fits:
        best = max(fits.values())
        cells = [f for f in cells if fits.get(id(f)) == best]
    totals = [f for f in cells if is_total_label(f.measure.split("/")[-1])]
    return min(totals or cells, key=lambda f: f.end)
