"""Checks shared by the loader tests."""

from __future__ import annotations

from ingest.model import RawDocument, RawTable


def assert_offsets(doc: RawDocument) -> None:
    """Every line and cell is exactly the extracted text at its offsets."""
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                assert doc.text[cell.start : cell.end] == cell.text


def grid(table: RawTable) -> list[list[str]]:
    """A table's cell texts, row by row."""
    return [[c.text for c in row] for row in table.rows]
