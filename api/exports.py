"""Tables staff download, as CSV (UTF-8 with a BOM, so Excel shows the Chinese text) or as .xlsx, from the same
rows: numbers stay numbers in .xlsx, and no text cell is ever read as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from fastapi.responses import Response
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

Cell = str | int | float | Decimal | datetime | None
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # cells Excel would run as formulas
_TEXT = "s"  # openpyxl's data type of a plain string cell


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(columns: Sequence[str], rows: Iterable[Sequence[Cell]], sheet: str) -> bytes:
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    ws.append(list(columns))
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime):
                value = value.replace(tzinfo=None)  # Excel has no time zones; stamps are UTC
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str):
                cell.data_type = _TEXT  # "=1+1" is text here, never a formula
            cells.append(cell)
        ws.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(columns: Sequence[str], rows: Iterable[Sequence[Cell]], name: str, kind: ExportFormat,
             sheet: str = "Sheet1") -> Response:
    """The rows as a file named `name`.<kind>, to save rather than show."""
    body = csv_bytes(columns, rows) if kind is ExportFormat.CSV else xlsx_bytes(columns, rows, sheet)
    return Response(body, media_type=MEDIA_TYPES[kind], headers={"Content-Disposition": f'attachment; filename="{name}.{kind}"'})
