"""功能分类 科目 in sentences and tables: the 类/款/项 chain a sentence names (“公共安全支出（204类）司法（06款）
行政运行（01项）”) and the coded rows of the tables, so one 科目 can be found in both."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.audit.grid import Grid, Segment
from ingest.audit.items import table_role
from ingest.audit.statements import Stated, column_item, comparable_basis
from ingest.facts import stated_basis_in
from ingest.model import Basis, TableKind
from ingest.subjects import normalise

_LEVEL = re.compile(
    r"(?P<name>[^（()）]+?(?:[（(][^类款项（()）]{1,4}[)）][^（()）]*?)?)[（(](?P<code>\d*)(?P<level>[类款项])[)）]"
)
_DASHED = re.compile(r"^[^-－]+(?:[-－][^-－]+){1,2}$")  # 一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行
LEVELS = {"类": 1, "款": 2, "项": 3}
CODE_DIGITS = {1: 3, 2: 2, 3: 2}
# tables whose rows are 支出 by 功能分类 (收入总表 classifies income, and in final accounts income ≠ spending)
SPENDING_TABLES = (
    TableKind.INCOME_EXPENSE_TOTAL,
    TableKind.EXPENSE,
    TableKind.FISCAL_TOTAL,
    TableKind.GENERAL_PUBLIC,
    TableKind.GOVERNMENT_FUND,
    TableKind.STATE_CAPITAL,
)
FUND_TABLES = (TableKind.GENERAL_PUBLIC, TableKind.GOVERNMENT_FUND, TableKind.STATE_CAPITAL)


@dataclass(frozen=True)
class Level:
    level: int
    name: str
    code: str = ""


def stated_chain(subject: str) -> tuple[Level, ...]:
    """The 类/款/项 a subject names, outermost first; () when it names none."""
    found = [Level(LEVELS[m["level"]], normalise(m["name"]), m["code"]) for m in _LEVEL.finditer(subject)]
    if found:
        return tuple(found)
    if _DASHED.match(subject):
        return tuple(Level(i, normalise(part)) for i, part in enumerate(re.split(r"[-－]", subject), start=1))
    return ()


@dataclass(frozen=True)
class ClassRow:
    """One figure of a 科目 row: the 科目's code and name chain, the column's item and the figure."""

    code: str
    names: tuple[str, ...]  # 类, 款, 项 names down to this row
    item: str  # what the column counts: 支出, 基本支出, 项目支出 …
    stated: Stated
    in_fund_table: bool

    @property
    def key(self) -> tuple[str, ...]:
        """The 科目 across tables: its names (a 类 row of a two-sided table has no code)."""
        return self.names

    @property
    def basis(self) -> Basis:
        return self.stated.basis

    def matches(self, chain: tuple[Level, ...]) -> bool:
        """Codes decide when the sentence gives them all; else the names of every level it gives below
        the 类 (a 类 may be renamed between years), or the 类 name alone."""
        if all(level.code for level in chain) and self.code:
            return "".join(level.code for level in chain) == self.code
        if len(chain) != len(self.names):
            return False
        if len(chain) == 1:
            return chain[0].name == self.names[0]
        return tuple(level.name for level in chain[1:]) == self.names[1:]


def classification_rows(grids: list[Grid]) -> list[ClassRow]:
    """Every figure of a 科目 row in the aligned spending tables."""
    rows: list[ClassRow] = []
    for grid in grids:
        role = table_role(grid.kind)
        if grid.kind not in SPENDING_TABLES or not grid.aligned or role is None or grid.table.scope:
            continue
        names = {s.code: s.label for s in grid.segments if s.code}
        natural = stated_basis_in(grid.table.title)
        above: dict[int, str] = {}  # the last 类 and 款 names, for a 项 row whose code is misprinted
        for segment in grid.segments:
            chain = _chain(segment, names, grid) or _chain_by_place(segment, above)
            if segment.level:
                above[segment.level] = normalise(segment.label)
            if not chain:
                continue
            for col, figure in segment.figures.items():
                path = grid.path(col)
                ref = column_item(path, role.whole)
                if not figure.money or ref is None:
                    continue
                basis = comparable_basis(stated_basis_in("".join(path)) or natural or Basis.BUDGET)
                scope = ref.scope or role.scope
                stated = Stated(chain[-1], scope, basis, figure.value, figure.step, figure.start, figure.end, table=grid)
                rows.append(ClassRow(segment.code, chain, ref.item, stated, grid.kind in FUND_TABLES))
    return rows


def _chain_by_place(segment: Segment, above: dict[int, str]) -> tuple[str, ...]:
    """A row printed with three code parts that do not form a code ("7 11 02" under 210 11): the 项 of the 类
    and 款 rows above it."""
    if len(segment.code_parts) != 3 or segment.level or 1 not in above or 2 not in above:
        return ()
    return above[1], above[2], normalise(segment.label)


def _chain(segment: Segment, names: dict[str, str], grid: Grid) -> tuple[str, ...]:
    """The names of the 类, 款 and 项 down to a coded row; a 类 row of a two-sided table is named by its
    label alone (八、社会保障和就业支出)."""
    if segment.code and segment.level:
        prefixes = [segment.code[: sum(CODE_DIGITS[i] for i in range(1, level + 1))] for level in range(1, segment.level + 1)]
        if not all(p in names for p in prefixes):
            return ()
        return tuple(normalise(names[p]) for p in prefixes)
    if (
        grid.kind in (TableKind.INCOME_EXPENSE_TOTAL, TableKind.FISCAL_TOTAL)
        and segment.label.endswith("支出")
        and not segment.is_total
    ):
        return (normalise(segment.label),)
    return ()
