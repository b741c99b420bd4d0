"""绩效目标填报表 forms stacked in one table: each project's block opens with a 项目名称 row, states its money
in label/value pairs (项目资金（元） 项目资金总额 4,100,000.00 年度资金申请总额 …) and ends with an indicator grid
under a 一级指标 / 二级指标 / 三级指标 / 指标值 header row, whose blank label cells repeat the row above.

Every figure becomes a fact of the project: money under its label, an indicator under its 二级指标 with the
三级指标 as what it measures ("日常走访企业 >150.00(家)" → 各类工作经费 / 数量指标 / 150 家). A target written
in words is read as a sentence ("开展不低于5次的社区法治宣传活动" → ≥5 次), and when the value states no figure,
the indicator's own name may ("15个居民区全覆盖" valued "居民区全覆盖" → 15 个).

Other shapes of the same forms: one grid of many projects whose first column names each project once over its rows
(项目名称 | 预算金额 | 一级指标 | … | 指标值); level headers on a second header row; a 绩效自评表 with 实际完成值 beside
each target (a 决算 figure) and its money in columns under a row of labels (年初预算数 | 全年执行数 | 执行率). The
column words live in `ingest/data/performance_headers.txt`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ingest.classify import COMPLETION_MEASURE, completion_header, fact_kind, stated_basis
from ingest.model import Basis, Cell, Fact, FactKind, Table, TableKind
from ingest.numbers import header_unit, parse_number, parse_quantity, to_wan
from ingest.performance_headers import is_actual_header, is_project_header, is_value_header, level_of, opens_form
from ingest.punctuation import QUOTES
from ingest.tables import score_headers, strip_list_mark

# the figures a cell's words state as prose facts (ingest.facts.facts_from_line), about the item named second
# when the words name none ("不低于50%" under 市容环境满意度)
Stated = Callable[[Cell, str], list[Fact]]

MIN_LABEL_ROW = 3  # labels in a row with no figure that head the figures of the row below
_PART_OF = re.compile(r"^其中[：:]\s*")


@dataclass(frozen=True)
class _Grid:
    """The columns of an indicator grid: its targets, each level of indicator it has, and in a grid of many
    projects the column naming them and the columns of their money (预算金额)."""

    value: int
    levels: tuple[int | None, int | None, int | None]
    actual: tuple[int, str] | None = None  # the column of what was achieved and its header (实际完成值), in a 绩效自评表
    project: int | None = None
    money: tuple[tuple[int, str], ...] = ()


def _grid(texts: list[str]) -> _Grid | None:
    """The grid a header row opens, or None when the row heads no targets column."""
    value = next((i for i, t in enumerate(texts) if is_value_header(t)), None)
    if value is None:
        return None
    levels = tuple(next((i for i, t in enumerate(texts) if level_of(t) == n), None) for n in range(3))
    actual = next(((i, t) for i, t in enumerate(texts) if is_actual_header(t)), None)
    project = next((i for i, t in enumerate(texts) if is_project_header(t)), None)
    money = tuple((i, t) for i, t in enumerate(texts)
                  if t and i not in (value, actual and actual[0], project, *levels)) if project is not None else ()
    return _Grid(value, levels, actual, project, money)


def _names_levels(texts: list[str]) -> bool:
    """Whether a row holds only level headers (一级指标 | 二级指标 | 三级指标), at least two of them."""
    filled = [t for t in texts if t]
    return len(filled) >= 2 and all(level_of(t) is not None for t in filled)


def _opens_project(texts: list[str]) -> bool:
    """Whether a row opens one form (项目名称 | 某项目); a row of 项目名称 and column headers only (项目名称 | 全年预算数 |
    决算数 | 执行率（%） | 自评得分) heads a table of one project a row instead."""
    if not opens_form(_first(texts)):
        return False
    rest = [t for t in texts if t][1:]
    return len(rest) < 2 or not all(stated_basis(t) or header_unit(t) or t.endswith(score_headers()) for t in rest)


def is_project_form(table: Table) -> bool:
    """A 绩效目标表 whose rows name their projects (项目名称 …), however many it stacks."""
    rows = [*table.header, *([c.text for c in row] for row in table.body)]
    return table.kind is TableKind.PERFORMANCE and any(_opens_project(row) for row in rows)


def named_project(table: Table) -> str | None:
    """The project a form names on its first row ("项目名称 | 光荣院适老化改造"), or None (a department's own form,
    "部门名称 | …", names no project)."""
    rows = [*table.header, *([c.text for c in row] for row in table.body)]
    first = _first(rows[0]) if rows else ""
    return (_after(rows[0], first) or None) if is_project_header(first) else None


def facts_from_project_forms(table: Table, stated: Stated, default_basis: Basis = Basis.BUDGET) -> list[Fact]:
    """The money and indicator figures of every project block in `table`; `stated` reads a target in words."""
    grid = next((g for row in table.header if (g := _grid(row)) is not None), None)
    named_above = (_after(row, _first(row)) for row in table.header if opens_form(_first(row)))
    project = "" if grid is not None and grid.project is not None else next(named_above, "")
    unit = table.unit
    levels = ["", "", ""]
    # the labels over the next row's figures, in a block of money in columns (the header's last row, for the first)
    above = _label_row(table.header[-1]) if table.header and grid is None else {}
    facts: list[Fact] = []
    for row in table.body:
        texts = [c.text.strip() for c in row]
        named = texts[grid.project] if grid is not None and grid.project is not None and grid.project < len(texts) else ""
        if named and named != project:  # a grid row that names its project (written once over its rows)
            project, levels = named, ["", "", ""]
            facts += _grid_money(table, row, project, grid, unit, default_basis)
        if opens_form(_first(texts)):
            project, grid, levels = _after(texts, _first(texts)), None, ["", "", ""]
        elif (opened := _grid(texts)) is not None:
            grid = opened
        elif grid is not None and _names_levels(texts):  # the header's second row: 一级指标 | 二级指标 | 三级指标
            grid = replace(grid, levels=tuple(next((i for i, t in enumerate(texts) if level_of(t) == n), None)
                                              for n in range(3)))
        elif grid is not None and project:
            levels = [texts[at] if at is not None and at < len(texts) and texts[at] else levels[i]
                      for i, at in enumerate(grid.levels)]
            facts += _indicator(table, row, project, levels, grid, default_basis, stated)
        elif project:
            unit = header_unit(_first(texts)) or unit  # "项目资金（元）"
            if labels := _label_row(texts):  # 年初预算数 | 全年执行数 | 执行率
                above = labels
                continue
            facts += _money(table, row, project, unit, default_basis, above)
            above = {}
    return facts


def _indicator(table: Table, row: list[Cell], project: str, levels: list[str], grid: _Grid,
               basis: Basis, stated: Stated) -> list[Fact]:
    """The row's target, and what was achieved where the grid has a column for it (a 决算 figure)."""
    if grid.actual is None:
        return _target(table, row, _at(row, grid.value), project, levels, grid.levels[2], basis, stated)
    col, header = grid.actual
    achieved = [replace(f, col_path=(*f.col_path, header))
                for f in _target(table, row, _at(row, col), project, levels, None, Basis.FINAL, stated)]
    return _target(table, row, _at(row, grid.value), project, levels, grid.levels[2], Basis.BUDGET, stated) + achieved


def _target(table: Table, row: list[Cell], cell: Cell | None, project: str, levels: list[str], name_col: int | None,
            basis: Basis, stated: Stated) -> list[Fact]:
    """The figure of one value cell of an indicator row; a value in words is read as a sentence, and failing
    that the indicator's own name in `name_col` may state it."""
    measure = levels[1] or levels[0]  # 数量指标; a grid without 二级指标 names its kind at the first level
    if cell is None or not cell.text.strip() or not measure:
        return []
    what, row_path = levels[2] or measure, tuple(filter(None, levels))
    quantity = parse_quantity(cell.text)
    if quantity is not None:
        return [_fact(table, row, cell, project, measure, quantity.value, quantity.unit, quantity.qualifier,
                      f"{project}绩效目标：{what}", row_path, basis)]
    start = next(c.start for c in row if c.text.strip())
    for source in (cell, _at(row, name_col)):  # the value's words, else the indicator's own name
        found = [f for f in stated(source, what) if f.kind is not FactKind.CHANGE] if source and source.text else []
        if found:
            return [as_indicator(replace(f, start=start, basis=basis), table, project, measure,
                                 f"{project}绩效目标：" + "；".join(dict.fromkeys([what, f.subject])), row_path, (measure,))
                    for f in found]
    return []


def _grid_money(table: Table, row: list[Cell], project: str, grid: _Grid, unit: str | None, basis: Basis) -> list[Fact]:
    """The figures a grid row prints under its money columns (预算金额) for the project it names."""
    facts: list[Fact] = []
    for col, header in grid.money:
        cell = _at(row, col)
        value = parse_number(cell.text) if cell is not None else None
        column_unit = header_unit(header) or unit
        if cell is not None and value is not None and column_unit:
            facts.append(_fact(table, row, cell, project, header, value, column_unit, None, f"{project}项目资金",
                               (header,), basis))
    return facts


def as_indicator(fact: Fact, table: Table, project: str, measure: str, context: str, row_path: tuple[str, ...],
                 col_path: tuple[str, ...]) -> Fact:
    """A figure a form states in words, as the project's indicator: the project its subject, the 二级指标 its
    measure, and what the words say it counts in its context."""
    return replace(fact, subject=project, measure=measure, origin="table", context=context, table_id=table.id,
                   scope=table.scope, table_kind=table.kind, row_path=row_path, col_path=col_path, part=False)


def _at(row: list[Cell], col: int | None) -> Cell | None:
    return row[col] if col is not None and col < len(row) else None


def _label_row(texts: list[str]) -> dict[int, str]:
    """The labels of a row of labels only (at least MIN_LABEL_ROW, no figure), by column; {} for any other row."""
    if sum(bool(t) for t in texts) < MIN_LABEL_ROW or any(parse_quantity(t) for t in texts):
        return {}
    return {col: _PART_OF.sub("", t.strip()) for col, t in enumerate(texts) if t.strip()}


def _money(table: Table, row: list[Cell], project: str, unit: str | None, basis: Basis,
           above: dict[int, str]) -> list[Fact]:
    """Label/value pairs of a money row: each figure under the nearest label to its left; a figure with none is
    under the label above it in the row of labels before (年初预算数 | 全年执行数 | 执行率), when that label states a
    basis or a rate (a 分值 or 得分 is no money)."""
    facts: list[Fact] = []
    label = ""
    for col, cell in enumerate(row):
        value = parse_number(cell.text)
        quantity = parse_quantity(cell.text) if value is None else None
        if value is None and quantity is None:
            label = _PART_OF.sub("", cell.text.strip()) or label
        elif label and unit and value is not None:
            facts.append(_fact(table, row, cell, project, label, value, unit, None, f"{project}项目资金",
                               (label,), basis))
        elif (header := above.get(col, "")) and (stated_basis(header) or header_unit(header) == "%"):
            figure = quantity or parse_quantity(cell.text, unit)
            if figure is not None and figure.unit:
                stated = stated_basis(header) or basis
                if completion_header(header):  # a form's 执行率: its 全年执行数 over its 全年预算数
                    measure, stated = COMPLETION_MEASURE, Basis.ADJUSTED_BUDGET
                else:
                    measure = header
                    stated = basis if stated is Basis.EXECUTION and basis is Basis.FINAL else stated
                facts.append(_fact(table, row, cell, project, measure, figure.value, figure.unit, None,
                                   f"{project}项目资金", (header,), stated))
    return facts


def _fact(table: Table, row: list[Cell], cell: Cell, project: str, measure: str, value, unit: str | None,
          qualifier: str | None, context: str, row_path: tuple[str, ...], basis: Basis) -> Fact:
    start = next((c.start for c in row if c.text.strip()), cell.start)
    return Fact(subject=project, measure=measure, value=value, unit=unit, qualifier=qualifier, start=start,
                end=cell.end, origin="table", context=context, table_id=table.id, page=table.page,
                amount_wan=to_wan(value, unit), kind=fact_kind(unit, qualifier, False), basis=basis,
                scope=table.scope, table_kind=table.kind, row_path=row_path, col_path=(measure,))


def project_name(title: str) -> str:
    """The project a form's title names: "5、机房升级项目经费绩效目标表" → 机房升级项目经费, "…绩效目标表（某项目）" → 某项目."""
    if named := _NAMED_AFTER.search(title):  # "表12 项目支出绩效目标表（琤崖省1:5万区域地质调查（南部片区））"
        return QUOTES.sub("", named["name"]).strip()
    name = re.sub(r"(项目)?(绩效目标|绩效)(申报)?表$", "", strip_list_mark(title))
    return QUOTES.sub("", name).strip() or title


_NAMED_AFTER = re.compile(r"绩效(?:目标|自评)?表\s*[（(](?P<name>.+)[)）]\s*$")


def _first(texts: list[str]) -> str:
    return next((t.strip() for t in texts if t.strip()), "")


def _after(texts: list[str], label: str) -> str:
    """The first non-blank cell after the one holding `label`."""
    at = next(i for i, t in enumerate(texts) if t.strip() == label)
    return next((t.strip() for t in texts[at + 1 :] if t.strip()), "")
