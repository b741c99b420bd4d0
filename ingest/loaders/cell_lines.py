"""Tables a `.txt` disclosure prints one cell per line (text copied from a web page's table): under a table's title
and unit line come its header cells, one per line, then each row's cells in turn, an empty cell an empty line.

The number of columns is the number of header lines: the leading lines that are no figure, less those that turn out
to be the first row's labels. A count fits when the lines after the header fall into rows of that many cells whose
columns each hold only figures or only words, every row with a figure. Such a block is rewritten as tab-separated
rows; any other line is returned as it is.
"""

from __future__ import annotations

import re

from ingest.loaders.text_tables import is_figure
from ingest.numbers import find_table_unit
from ingest.sections import DOCUMENT_PART

MIN_COLUMNS = 2
MAX_HEADER_CHARS = 20  # a header cell is a few words
MAX_CELL_CHARS = 40  # a longer line, or one with a sentence's punctuation, is prose: the table has ended
_TITLE = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十]+(?:[-－]\d+)?\s*\S.*|.{2,60}表)$")
_PROSE = re.compile(r"[。；！？]")


def stacked_cells(lines: list[str]) -> list[str]:
    """The lines, each block of one-cell-per-line table rewritten as a header line and rows of tab-separated cells."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if not _TITLE.match(lines[i].strip()):
            i += 1
            continue
        start = i + 1
        while start < len(lines) and (find_table_unit([lines[start]]) or not lines[start].strip()):
            out.append(lines[start])  # the unit line, and blank lines before the header
            start += 1
        end = _block_end(lines, start)
        rows = _rows(lines[start:end])
        if rows is None:
            i = start
            continue
        out += ["\t".join(row) for row in rows]
        i = start + sum(len(row) for row in rows)
    return out


def _block_end(lines: list[str], start: int) -> int:
    """Where the lines that may be cells end: at the next title, part heading or line of prose."""
    end = start
    while end < len(lines):
        text = lines[end].strip()
        if end > start and _TITLE.match(text) or DOCUMENT_PART.match(text) or _PROSE.search(text) or len(text) > MAX_CELL_CHARS:
            break
        end += 1
    return end


def _rows(cells: list[str]) -> list[list[str]] | None:
    """The header and rows the cells make, or None when no count of columns fits them."""
    cells = [cell.strip() for cell in cells]
    lead = 0
    while lead < len(cells) and cells[lead] and not is_figure(cells[lead]) and len(cells[lead]) <= MAX_HEADER_CHARS:
        lead += 1
    for width in range(lead, MIN_COLUMNS - 1, -1):
        body = cells[width:]
        while len(body) % width and body and not body[-1]:
            body = body[:-1]  # the blank lines after the last row's own empty cells
        rows = [body[k : k + width] for k in range(0, len(body), width)]
        if len(body) % width == 0 and len(rows) >= MIN_COLUMNS and _consistent(rows):
            return [cells[:width], *rows]
    return None


def _consistent(rows: list[list[str]]) -> bool:
    """Every row has a figure, and each column holds figures only or words only."""
    if not all(any(is_figure(cell) for cell in row) for row in rows):
        return False
    columns = zip(*rows, strict=True)
    return all(len({is_figure(cell) for cell in column if cell}) <= 1 for column in columns)
