"""The document model every loader produces and every later stage reads.

All offsets are Python string indices (Unicode code points) into `ParsedDocument.text`,
the document's extracted text; `text[start:end]` is always the quoted source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class DocumentKind(StrEnum):
    """What a disclosure reports: 部门预算, 单位预算 or 部门决算."""

    DEPT_BUDGET = "部门预算"
    UNIT_BUDGET = "单位预算"
    FINAL_ACCOUNT = "部门决算"


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


@dataclass
class RawTable:
    """A table as a loader found it: rows of cells, with the lines just before it (title, unit)."""

    rows: list[list[Cell]]
    page: int | None = None
    caption_lines: list[Line] = field(default_factory=list)

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

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for formats without pages."""
        if not self.page_starts:
            return None
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
        return page or 1


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


@dataclass(frozen=True)
class Fact:
    """One figure with its meaning and the exact span of source text that states it.

    subject: 预算科目 or project (e.g. 公务接待费); measure: what the figure is (预算数, 成本指标, …).
    `value`/`unit` are as written; `amount_wan` is the money value in 万元 when the unit is money.
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
