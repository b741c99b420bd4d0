"""Loads an Excel `.xlsx` disclosure: per sheet, its name, then its tables with their title lines.

Values are the cached results Excel saved (`data_only`); a merged range keeps its value in the
top-left cell only. Leading rows holding a single value (title, 单位：元) become lines above the table.
A sheet may stack several tables one below another (`ingest.loaders.stacked_tables`). It may also set tables side by
side, an empty column between them, each opening with its own title: each is read on its own, left to right.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder, check_office_package, clean_cell_text
from ingest.loaders.number_formats import shown_number
from ingest.loaders.stacked_tables import opens_table, stacked_tables
from ingest.model import RawDocument

MAX_CELLS = 200_000  # used range of one sheet; budget tables are a few thousand cells
MAX_CELL_RECORDS = 1_000_000  # cell elements plus merged area, checked before openpyxl builds them
_MERGE_OR_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"|<(?:\w+:)?c[\s>/]')


def _precheck_sheets(path: Path) -> None:
    """Refuses sheets whose cells or merged ranges would make openpyxl allocate millions of cells."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            records, tail = 0, b""
            with package.open(name) as part:
                while chunk := part.read(1 << 20):
                    data = tail + chunk
                    cut = max(data.rfind(b"<"), 0)  # keep a possibly split tag for the next chunk
                    for match in _MERGE_OR_CELL.finditer(data, 0, cut):
                        if match[1]:
                            min_col, min_row, max_col, max_row = range_boundaries(match[1].decode())
                            records += (max_col - min_col + 1) * (max_row - min_row + 1)
                        else:
                            records += 1
                    tail = data[cut:]
                    if records > MAX_CELL_RECORDS:
                        raise IngestError(path.name, f"sheet too large: {name.rsplit('/', 1)[-1]} holds over {MAX_CELL_RECORDS:,} cells")


def format_value(value: object, number_format: str = "General") -> str:
    """A cell value as text: numbers without float noise, as shown where the format scales them (percent,
    thousands, a literal point), dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(f"{value:.15g}") if isinstance(value, float) else Decimal(value)
        shown = shown_number(number, number_format)
        if shown is not None:
            return shown
        return "0" if number == 0 else f"{number:f}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _sheet_rows(ws: Worksheet, source: str) -> list[list[str]]:
    """The sheet's used range (bounding box of non-empty cells) as rows of text."""
    filled = {key: cell for key, cell in ws._cells.items() if cell.value not in (None, "")}  # noqa: SLF001 - avoids creating cells
    if not filled:
        return []
    rows = [r for r, _ in filled]
    cols = [c for _, c in filled]
    top, bottom, left, right = min(rows), max(rows), min(cols), max(cols)
    if (bottom - top + 1) * (right - left + 1) > MAX_CELLS:
        raise IngestError(source, f"sheet too large: '{ws.title}' spans {bottom - top + 1} rows x {right - left + 1} columns")
    grid = [[""] * (right - left + 1) for _ in range(bottom - top + 1)]
    for (r, c), cell in filled.items():
        grid[r - top][c - left] = format_value(cell.value, cell.number_format)
    return grid


def load_xlsx(path: Path) -> RawDocument:
    """Reads every worksheet of an `.xlsx` file."""
    check_office_package(path, "XLSX", "xl/workbook.xml")
    _precheck_sheets(path)
    workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
    builder = TextBuilder()
    for ws in workbook.worksheets:
        if not isinstance(ws, Worksheet):  # chart sheets hold no cells
            continue
        builder.add_line(ws.title)
        for block in _side_by_side(_sheet_rows(ws, path.name)):
            for captions, rows in stacked_tables(block):
                for caption in captions:
                    builder.add_line(caption)
                builder.add_table(rows)
    return builder.build(path.name, "xlsx")


def _side_by_side(rows: list[list[str]]) -> list[list[list[str]]]:
    """The sheet's blocks of columns, left to right, when empty columns part it into blocks that each open with a
    title or unit line of their own (two tables set side by side); else the sheet whole."""
    width = max(map(len, rows), default=0)
    filled = [any(c < len(row) and clean_cell_text(row[c]) for row in rows) for c in range(width)]
    spans: list[tuple[int, int]] = []
    for c, used in enumerate(filled):
        if used and (not spans or spans[-1][1] != c):
            spans.append((c, c + 1))
        elif used:
            spans[-1] = (spans[-1][0], c + 1)
    blocks = [[row[start:end] for row in rows] for start, end in spans]
    return blocks if len(blocks) > 1 and all(_opens_with_title(block) for block in blocks) else [rows]


def _opens_with_title(block: list[list[str]]) -> bool:
    """Whether the first row holding anything holds one title or unit line alone."""
    first = next((values for row in block if (values := [t for t in map(clean_cell_text, row) if t])), [])
    return len(first) == 1 and opens_table(first[0])
