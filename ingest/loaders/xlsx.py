"""Loads an Excel `.xlsx` disclosure: per sheet, its name, its title lines, then its used range as a table.

Values are the cached results Excel saved (`data_only`); a merged range keeps its value in the
top-left cell only. Leading rows holding a single value (title, 单位：元) become lines above the table.
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
from ingest.model import RawDocument

MAX_CELLS = 200_000  # used range of one sheet; budget tables are a few thousand cells
MAX_CELL_RECORDS = 1_000_000  # cell elements plus merged area, checked before openpyxl builds them
_MERGE_OR_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"|<(?:\w+:)?c[\s>/]')
_PERCENT_DECIMALS = re.compile(r"0\.(0+)%")


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
    """A cell value as text: numbers without float noise, percentages as shown, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(f"{value:.15g}") if isinstance(value, float) else Decimal(value)
        if "%" in number_format:
            match = _PERCENT_DECIMALS.search(number_format)
            scaled = (number * 100).quantize(Decimal(1).scaleb(-len(match[1]) if match else 0))
            return f"{scaled:f}%"
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
        rows = _sheet_rows(ws, path.name)
        builder.add_line(ws.title)
        while rows and sum(1 for v in rows[0] if clean_cell_text(v)) <= 1:
            builder.add_line(clean_cell_text(" ".join(rows.pop(0))))
        builder.add_table(rows)
    return builder.build(path.name, "xlsx")
