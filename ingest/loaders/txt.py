"""Loads a `.txt` disclosure in one of two layouts.

Text dumped from a Word document where each table cell is a tab-led line (see the Langfang 2020
sample): a cell is a line starting with a tab (optionally after spaces); consecutive cell lines form
a row; a blank line ends a row; two blank lines, or a plain line not followed by more cells, end the
table. A plain line between cell lines continues the previous cell (Word wraps long cells into
separate paragraphs). A lone tab is an empty cell. The stored text is the file's own.

Other text prints a table row per line, cells separated by tabs (copied from Word or Excel) or
aligned with spaces (extracted from a PDF), or drawn with box characters or printed as "item：figure" lines
(ingest/loaders/text_rows.py) or "item：figure；column figure" lines (ingest/loaders/key_value_rows.py), or one cell
per line under a table's title (ingest/loaders/cell_lines.py): when such
rows outnumber tab-led cell lines, the file is
read as one page of plain text (ingest/loaders/page_text.py), written anew with its tables. Text with
neither kind of table is kept as it is, line by line.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.loaders.builder import TextBuilder, attach_captions
from ingest.loaders.cell_lines import stacked_cells
from ingest.loaders.csv_text import csv_rows, read_csv
from ingest.loaders.decoding import decode_text
from ingest.loaders.markdown import is_markdown, plain_text
from ingest.loaders.page_text import CELLS, ROW, plain_page, write_plain_page
from ingest.loaders.text_rows import cell_rows
from ingest.model import Cell, Line, RawDocument, RawTable

_CELL_LINE = re.compile(r"^ *\t")
LOOKAHEAD_LINES = 2  # a plain line belongs to a table only if cells resume this soon


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return start, end


def parse_text(text: str, source: str, fmt: str = "txt") -> RawDocument:
    """Splits text in the tab-led layout into lines and tables with exact offsets."""
    spans = _line_spans(text)
    lines: list[Line] = []
    tables: list[RawTable] = []
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    blank_run = 0

    def is_cell(i: int) -> bool:
        s, e = spans[i]
        return bool(_CELL_LINE.match(text[s:e]))

    def cells_resume(i: int) -> bool:
        following = [j for j in range(i + 1, len(spans)) if text[spans[j][0] : spans[j][1]].strip()]
        return bool(following) and is_cell(following[0]) and following[0] - i <= LOOKAHEAD_LINES

    def close_row() -> None:
        nonlocal row
        if row:
            rows.append(row)
            row = []

    def close_table() -> None:
        nonlocal rows
        close_row()
        if rows:
            tables.append(RawTable(rows))
        rows = []

    for i, (s, e) in enumerate(spans):
        raw = text[s:e]
        if not raw.strip():
            if raw.strip(" ") == "\t" and (row or rows):  # a lone tab: an empty cell
                tab = s + raw.index("\t") + 1
                row.append(Cell("", tab, tab))
                blank_run = 0
                continue
            blank_run += 1
            close_row()
            if blank_run >= 2:
                close_table()
            continue
        blank_run = 0
        if is_cell(i):
            cs, ce = _strip_span(text, s, e)
            row.append(Cell(text[cs:ce], cs, ce))
            continue
        if (row or rows) and cells_resume(i):
            cs, ce = _strip_span(text, s, e)
            if row:
                last = row[-1]
                row[-1] = Cell(last.text + raw.strip(), last.start, ce)
            elif rows and rows[-1]:
                row = rows.pop()  # the blank line was inside a wrapped cell: the row goes on
                last = row[-1]
                row[-1] = Cell(last.text + raw.strip(), last.start, ce)
            continue
        close_table()
        ls, le = _strip_span(text, s, e)
        lines.append(Line(text[ls:le], ls, le))
    close_table()
    doc = RawDocument(text, lines, tables, source, fmt)
    attach_captions(doc)
    return doc


def _cell_lines(lines: list[str]) -> int:
    """How many lines are one tab-led cell each (the Word-dump layout)."""
    return sum(bool(_CELL_LINE.match(line)) and "\t" not in line.lstrip(" ")[1:] for line in lines)


def load_txt(path: Path) -> RawDocument:
    """Reads a `.txt` disclosure (UTF-8 or GB18030): as a Word dump unless lines printing a table row each
    outnumber its tab-led cell lines. Text written in Markdown is read as a `.md` file is, text that is comma-separated
    as a `.csv` file is."""
    text = decode_text(path.read_bytes(), path.name)
    if (rows := csv_rows(text)) is not None:
        return read_csv(rows, path.name, "txt")
    return read_text(plain_text(text) if is_markdown(text) else text, path.name, "txt")


def load_markdown(path: Path) -> RawDocument:
    """Reads a `.md` disclosure: its text with the Markdown markup taken off, its pipe tables as tables."""
    return read_text(plain_text(decode_text(path.read_bytes(), path.name)), path.name, "md")


def read_text(text: str, source: str, fmt: str) -> RawDocument:
    """Lines and tables of a plain text disclosure (see the module's docstring)."""
    lines, marks = plain_page(text)
    if sum(mark in (ROW, CELLS) for mark in marks) <= _cell_lines(lines):
        return parse_text(text, source, fmt)
    builder = TextBuilder()
    write_plain_page(builder, lines, marks)
    return builder.build(source, fmt)
