"""Loads comma-separated text: a `.csv` file, or a `.txt` that is a spreadsheet saved as CSV (every line padded with
commas to the sheet's width, amounts with thousands separators quoted: 2081001,儿童福利,"380,000.00",…).

The rows are read as one sheet is: lines with one value are the narrative, titles and unit lines; runs of rows with
several values are the tables between them (`ingest.loaders.stacked_tables`). The text is written anew, a row's
cells separated by tabs, so citations quote cells, not the file's quoting.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ingest.loaders.builder import TextBuilder, clean_cell_text
from ingest.loaders.decoding import decode_text
from ingest.loaders.stacked_tables import stacked_tables
from ingest.model import RawDocument

MIN_FIELDS = 3  # a line splitting into fewer is no spreadsheet row
MIN_ROWS = 5  # fewer such lines make no sheet
MIN_ROW_SHARE = 0.5  # of the non-empty lines that must split into fields for text to be read as CSV


def csv_rows(text: str) -> list[list[str]] | None:
    """The text's rows when it is comma-separated (most lines split into several fields and none holds a tab), else
    None."""
    if "\t" in text:
        return None
    try:
        rows = _rows(text)
    except csv.Error:
        return None
    split = sum(len(row) >= MIN_FIELDS for row in rows)
    return rows if split >= MIN_ROWS and split >= MIN_ROW_SHARE * len(rows) else None


def load_csv(path: Path) -> RawDocument:
    """Reads a `.csv` disclosure (UTF-8 or GB18030)."""
    return read_csv(_rows(decode_text(path.read_bytes(), path.name)), path.name, "csv")


def _rows(text: str) -> list[list[str]]:
    """The non-empty rows; a quoted field may hold line breaks."""
    return [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]


def read_csv(rows: list[list[str]], source: str, fmt: str) -> RawDocument:
    """The sheet the rows make: single values as lines, runs of several values as tables."""
    builder = TextBuilder()
    grid = [[clean_cell_text(cell) for cell in row] for row in rows]
    for captions, table in stacked_tables(grid):
        for caption in captions:
            builder.add_line(caption)
        if table:
            builder.add_table(table)
    return builder.build(source, fmt)
