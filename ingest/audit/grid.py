"""A typed table read as a grid the rules can sum: a header path per column, merged header cells read
group by group, and body rows cut into segments (a 科目 code and name followed by its figures).

Two-sided tables (收入 beside 支出, 经济分类 301 beside 302) give two segments per row. A table whose
rows are narrower or wider than its header, or that has no header, is not aligned: its columns cannot be
trusted, and the rules that sum columns leave it alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from ingest.facts import LAST_YEARS_COLUMN
from ingest.model import Cell, Table, TableKind
from ingest.numbers import find_table_unit, header_unit, is_money, parse_quantity, to_wan
from ingest.tables import (CODE_DIGITS, CODED_LABEL, ListMark, is_total_label, list_mark, is_code_header, squash,
                           strip_list_mark)

_CODE = re.compile(r"^\d{1,7}$")
_NUMBERING = re.compile(r"^(?:行次|栏次|序号|编号)$")
_CHANGES = re.compile(r"增减|增长|变动|比上年")
_DECIMALS = re.compile(r"\.(\d+)")
_UNIT_NOTE = re.compile(r"[（(][^（）()]*(?:单位|元)[^（）()]*[)）]")


@dataclass(frozen=True)
class Figure:
    """One figure cell: its value (money in 万元), one unit of its last printed digit, and the span to quote:
    from the row label for the first figure of a segment, the cell alone for the others (a quote states one figure)."""

    value: Decimal
    money: bool
    step: Decimal
    start: int
    end: int
    col: int


@dataclass
class Segment:
    """A 科目 code and name and the figures that follow them in one row; a code printed over several cells
    (201 | 05 | 07) keeps its parts."""

    row: int
    code_parts: tuple[str, ...]
    label: str
    start: int
    figures: dict[int, Figure] = field(default_factory=dict)
    mark: ListMark | None = None  # how the label was numbered: 一、 (an item), 1. (a part of the item above)

    @property
    def code(self) -> str:
        return "".join(self.code_parts)

    @property
    def is_total(self) -> bool:
        return bool(self.label) and is_total_label(self.label)

    @property
    def level(self) -> int:
        """1 for a 类, 2 for a 款, 3 for a 项; 0 without a well-formed code."""
        if len(self.code_parts) > 1:
            well_formed = all(len(p) == n for p, n in zip(self.code_parts, CODE_DIGITS, strict=False))
            return len(self.code_parts) if well_formed and len(self.code_parts) <= 3 else 0
        return {3: 1, 5: 2, 7: 3}.get(len(self.code), 0)


def _is_caption(row: list[Cell]) -> bool:
    """A row holding only a table title or a unit line (2024年…财政拨款收支预算总表, 编制单位：…)."""
    filled = [c.text.strip() for c in row if c.text.strip()]
    return 0 < len(filled) <= 2 and any(t.endswith("表") or "编制" in t or find_table_unit([t]) for t in filled)


class Grid:
    """Header paths and row segments of one typed table."""

    def __init__(self, table: Table):
        self.table = table
        self.kind: TableKind = table.kind
        self.width = max([len(r) for r in table.header] + [len(r) for r in table.body] + [0])
        self.columns = self._header_paths()
        self.aligned = bool(table.header) and all(len(r) == self.width for r in [*table.header, *self.body])

    def _header_paths(self) -> list[tuple[str, ...]]:
        """A blank header cell belongs to the group on its left only while the row above keeps that group
        (merged cells are nested): "公务接待费" over 预算数 and a blank over 决算数 both read 公务接待费."""
        grid = [[_UNIT_NOTE.sub("", squash(t)) for t in row] + [""] * (self.width - len(row)) for row in self.table.header]
        groups = [[0] * self.width]  # the group each column belongs to, per row (row -1: all one group)
        names: list[list[str]] = []
        for row in grid:
            above = groups[-1]
            ids, texts = [0] * self.width, [""] * self.width
            for c, text in enumerate(row):
                if text:
                    ids[c], texts[c] = c + 1, text
                elif c > 0 and above[c] == above[c - 1] and ids[c - 1]:
                    ids[c], texts[c] = ids[c - 1], texts[c - 1]
            groups.append(ids)
            names.append(texts)
        return [tuple(dict.fromkeys(n[c] for n in names if n[c])) for c in range(self.width)]

    @cached_property
    def last_years_columns(self) -> set[int]:
        """The columns of last year's figures (上年预算数, 上年决算): this year's rows and sums never read them."""
        return {c for c, path in enumerate(self.columns) if any(LAST_YEARS_COLUMN.search(h) for h in path)}

    @cached_property
    def change_columns(self) -> set[int]:
        """The columns of changes (增减额, 增减率, 比上年增长): no level of the row's item, and a part's may exceed the whole's."""
        return {c for c, path in enumerate(self.columns) if _CHANGES.search("".join(path))}

    @cached_property
    def numbering_columns(self) -> set[int]:
        """The columns headed 行次, 栏次 or 序号, whose numbers count the rows off."""
        return {c for c, path in enumerate(self.columns) if path and _NUMBERING.match(path[-1])}

    @cached_property
    def code_columns(self) -> set[int]:
        """The columns headed 编码 or 代码: a bare number under one is a code, wherever in the row it stands."""
        return {c for c, path in enumerate(self.columns) if path and is_code_header(path[-1])}

    def unit_of(self, col: int) -> str | None:
        header = self.table.header
        own = next((u for row in reversed(header) if col < len(row) for u in [header_unit(squash(row[col]))] if u), None)
        return own or self.table.unit

    @cached_property
    def body(self) -> list[list[Cell]]:
        """The body rows up to a caption row: a table the loader ran into the next one ends there."""
        rows = self.table.body
        end = next((r for r, row in enumerate(rows) if _is_caption(row)), len(rows))
        return rows[:end]

    @cached_property
    def segments(self) -> list[Segment]:
        out: list[Segment] = []
        for r, row in enumerate(self.body):
            out.extend(self._row_segments(r, row))
        return out

    def _row_segments(self, r: int, row: list[Cell]) -> list[Segment]:
        segments: list[Segment] = []
        current: Segment | None = None
        codes: list[Cell] = []
        for c, cell in enumerate(row):
            text = cell.text.strip()
            if not text:
                continue
            if _CODE.match(text) and self._starts_label(row, c):
                codes.append(cell)
                continue
            if c in self.numbering_columns or c in self.last_years_columns or c in self.code_columns and _CODE.match(text):
                continue  # 行次 1, 2, 3 number the rows; 上年预算数 is another year's figure; 2040607 after a name is a code
            quantity = parse_quantity(text, self.unit_of(c))
            if quantity is None or quantity.unit == "%" and not text.endswith(("%", "％")):
                coded = CODED_LABEL.match(text)
                parts = tuple(squash(x.text) for x in codes) + (tuple(coded["code"].split()) if coded else ())
                label = squash(strip_list_mark(coded["name"] if coded else text))
                if current is None or current.figures or current.label:
                    current = Segment(r, parts, label, (codes[0] if codes else cell).start, mark=list_mark(text))
                    segments.append(current)
                else:
                    current.label, current.mark = label, list_mark(text)
                codes = []
                continue
            if current is None or codes:
                current = Segment(r, tuple(squash(x.text) for x in codes), "", (codes[0] if codes else cell).start)
                segments.append(current)
                codes = []
            money = is_money(quantity.unit)
            decimals = _DECIMALS.search(text)
            step = Decimal(1).scaleb(-len(decimals.group(1))) if decimals else Decimal(1)
            current.figures[c] = Figure(
                value=to_wan(quantity.value, quantity.unit) if money else quantity.value,
                money=money,
                step=to_wan(step, quantity.unit) if money else step,
                start=cell.start if current.figures else current.start,  # the label is quoted with the first figure only
                end=cell.end,
                col=c,
            )
        return segments

    @staticmethod
    def _starts_label(row: list[Cell], at: int) -> bool:
        """A bare number is a 科目 code when a name follows it before any figure (201 05 07 专项普查活动)."""
        for cell in row[at + 1 :]:
            text = cell.text.strip()
            if not text or _CODE.match(text):
                continue
            return parse_quantity(text) is None
        return False

    def path(self, col: int) -> tuple[str, ...]:
        return self.columns[col] if col < len(self.columns) else ()
