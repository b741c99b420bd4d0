"""The document model every loader produces and every later stage reads.

All offsets are Python string indices (Unicode code points) into `ParsedDocument.text`,
the document's extracted text; `text[start:end]` is always the quoted source.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ingest.audit.findings import Finding


class DocumentKind(StrEnum):
    """What a disclosure reports: 部门预算, 单位预算 or 部门决算."""

    DEPT_BUDGET = "部门预算"
    UNIT_BUDGET = "单位预算"
    FINAL_ACCOUNT = "部门决算"

    @property
    def natural_basis(self) -> Basis:
        """The basis a figure has when nothing else is said: 决算数 in final accounts, 预算数 otherwise."""
        return Basis.FINAL if self is DocumentKind.FINAL_ACCOUNT else Basis.BUDGET


class FactKind(StrEnum):
    """What sort of figure a fact is."""

    AMOUNT = "amount"  # a level: 预算数, 决算数, 金额
    CHANGE = "change"  # 比上年增加/减少 N
    RATE = "rate"  # a percentage: 占比, 增长率, 完成率
    LIMIT = "limit"  # a target or cap (≤, ≥) such as a 绩效目标表 indicator
    COUNT = "count"  # a count or stock: 辆, 人, 批次, 平方米


class Basis(StrEnum):
    """Which kind of figure (口径): 预算数, 年初预算, 全年(调整)预算, 决算数 or 预算执行数."""

    BUDGET = "预算数"
    INITIAL_BUDGET = "年初预算数"
    ADJUSTED_BUDGET = "全年预算数"
    FINAL = "决算数"
    EXECUTION = "执行数"


class Direction(StrEnum):
    """The direction of a stated change."""

    UP = "增加"
    DOWN = "减少"
    FLAT = "持平"


class TableKind(StrEnum):
    """The standard tables of a disclosure, told apart by title (see ingest/data/table_kinds.tsv)."""

    INCOME_EXPENSE_TOTAL = "收支总表"
    INCOME = "收入总表"
    EXPENSE = "支出总表"
    FISCAL_TOTAL = "财政拨款收支总表"
    GENERAL_PUBLIC = "一般公共预算支出表"
    BASIC_ECONOMIC = "基本支出经济分类表"
    THREE_PUBLIC = "三公经费表"
    GOVERNMENT_FUND = "政府性基金表"
    STATE_CAPITAL = "国有资本经营表"
    PROCUREMENT = "政府采购表"
    PERFORMANCE = "绩效目标表"
    ASSETS = "资产表"
    PROJECTS = "项目表"
    OTHER = "其他表"


def page_at(page_starts: list[int], offset: int) -> int | None:
    """The 1-based page holding `offset`, given where each page starts, or None for a text without pages."""
    return bisect.bisect_right(page_starts, offset) or 1 if page_starts else None


@dataclass(frozen=True)
class Line:
    """One line of extracted text that is not part of a table (a heading or a paragraph)."""

    text: str
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True)
class Cell:
    """One table cell as written in the source; `text` is empty for a blank cell."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RecognisedSpan:
    """Text read from a page image by OCR (a line or a table cell) with the recogniser's confidence, 0–1."""

    start: int
    end: int
    page: int | None
    confidence: float


@dataclass(frozen=True)
class ReadHeader:
    """A table header its loader read itself, from text that keeps no cell grid: the number of leading rows
    it fills, each column's header chain and the columns that hold row labels."""

    rows: int
    columns: tuple[tuple[str, ...], ...]
    labels: frozenset[int]


@dataclass
class RawTable:
    """A table as a loader found it: rows of cells, with the lines just before it (title, unit).

    `header` is given when the loader read the header itself; `unplaced` holds figure cells whose
    column the source does not settle (kept in the row, but under no header)."""

    rows: list[list[Cell]]
    page: int | None = None
    caption_lines: list[Line] = field(default_factory=list)
    header: ReadHeader | None = None
    unplaced: frozenset[Cell] = frozenset()

    @property
    def start(self) -> int:
        return min(c.start for row in self.rows for c in row)

    @property
    def end(self) -> int:
        return max(c.end for row in self.rows for c in row)


@dataclass
class RawDocument:
    """What a loader returns: the extracted text, its non-table lines and its tables, in reading order."""

    text: str
    lines: list[Line]
    tables: list[RawTable]
    source: str
    format: str
    page_starts: list[int] = field(default_factory=list)
    recognised: list[RecognisedSpan] = field(default_factory=list)  # the text read from page images
    notices: list[str] = field(default_factory=list)  # pages that could not be read, one line each

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for formats without pages."""
        return page_at(self.page_starts, offset)


@dataclass(frozen=True)
class DocumentMeta:
    """Who published what: detected from the document itself, overridable at ingest."""

    doc_id: str
    title: str
    department: str
    year: int | None
    kind: DocumentKind
    source: str
    sha256: str
    format: str


@dataclass
class Section:
    """A heading and the text it governs; `path` is the heading chain from the top."""

    id: int
    title: str
    level: int
    start: int
    end: int
    path: tuple[str, ...]
    parent: int | None = None


@dataclass(frozen=True)
class Quantity:
    """A parsed figure: value, unit as written, comparator qualifier and whether it is a percentage."""

    value: Decimal
    unit: str | None
    qualifier: str | None = None


@dataclass
class TableCell:
    """A typed table cell: its row label chain, its column header chain and its parsed figure."""

    cell: Cell
    row: int
    col: int
    row_labels: tuple[str, ...]
    col_headers: tuple[str, ...]
    quantity: Quantity | None


@dataclass
class Table:
    """A typed table: title, unit, header rows, body cells; cells keep their source offsets."""

    id: int
    title: str
    unit: str | None
    header: list[list[str]]
    body: list[list[Cell]]
    cells: list[TableCell]
    start: int
    end: int
    page: int | None
    section_id: int | None
    kind: TableKind = TableKind.OTHER
    scope: str | None = None  # a sub-unit (下属单位) the table belongs to, when it names one
    project: str | None = None  # the one project a 绩效目标表 is of, when a line right above names it (项目名称：…)


@dataclass(frozen=True)
class Fact:
    """One figure with its meaning and the exact span of source text that states it.

    subject: 预算科目 or project (e.g. 公务接待费); measure: what the figure is (预算数, 成本指标, …).
    `value`/`unit` are as written; `amount_wan` is the money value in 万元 when the unit is money.
    kind/basis/direction type the figure; `compared_to` is the basis a change is measured against
    (比上年预算执行数 → EXECUTION); `scope` names a sub-unit when the figure is not the department's own;
    `period` is the year a figure is stated for when its words name one ("2025年度预算77.59万元" in a 2026
    document), None for the document's own year; `purpose` is what a 功能分类 item's money is for, as its
    paragraph says ("主要用于：微型消防站运行保障经费"); a table figure keeps its table's kind, its row label
    path and its column header path.
    """

    subject: str
    measure: str
    value: Decimal
    unit: str | None
    qualifier: str | None
    start: int
    end: int
    origin: str  # "table" or "text"
    context: str = ""
    table_id: int | None = None
    section_id: int | None = None
    page: int | None = None
    amount_wan: Decimal | None = None
    kind: FactKind = FactKind.AMOUNT
    basis: Basis = Basis.BUDGET
    direction: Direction | None = None
    compared_to: Basis | None = None
    scope: str | None = None
    table_kind: TableKind | None = None
    row_path: tuple[str, ...] = ()
    col_path: tuple[str, ...] = ()
    period: int | None = None
    purpose: str = ""
    heading: str = ""  # the section path a prose figure stands in ("人民调解项目经费情况说明 > 六、年度预算安排")
    part: bool = False  # a prose figure listed after 其中/包括: a part of the whole stated before it


@dataclass(frozen=True)
class FormField:
    """A header field of a project's 绩效目标表 (项目性质, 主管部门, 项目总目标 …): the project the form is of, the
    field's name (as ingest/data/form_fields.tsv names it), where its label cell starts and the span of its value
    cell in the text (the label before the value: beside it in its row, or above it)."""

    table_id: int
    project: str
    name: str
    label_start: int
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A retrieval unit: text with its heading chain and the source spans it was built from."""

    id: str
    doc_id: str
    text: str
    heading: str
    kind: str  # "text" or "table"
    spans: tuple[tuple[int, int], ...]
    section_id: int | None
    page: int | None


@dataclass
class ParsedDocument:
    """A fully ingested document: everything the index stores about one source file."""

    meta: DocumentMeta
    text: str
    sections: list[Section]
    tables: list[Table]
    facts: list[Fact]
    chunks: list[Chunk]
    page_starts: list[int] = field(default_factory=list)
    recognised: list[RecognisedSpan] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # where the document contradicts itself (ingest.audit)
    form_fields: list[FormField] = field(default_factory=list)  # the header fields of its 绩效目标表 forms
