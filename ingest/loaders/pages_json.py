"""Loads a JSON list of `{"page": n, "text": "..."}`: text already extracted from a PDF, page by page.

PDF extraction hard-wraps narrative at the page width and flattens tables into lines of
space-separated values. Wrapped lines are joined back into paragraphs; runs of lines ending in
two or more figures ("合计 2,878,025 2,878,025 0") become tables, one cell per figure, the text
before the figures as the row label; the column-header lines just above a run become one-cell
rows, so the title and unit lines stay next to the table. Numbers are never split.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder, clean_cell_text
from ingest.loaders.decoding import decode_text
from ingest.model import RawDocument
from ingest.numbers import UNSIGNED_NUMBER

MAX_PAGE = 10_000
MIN_WRAP_WIDTH = 40  # display columns; below this no line is taken to be hard-wrapped
FULL_LINE_SHARE = 0.9  # a line at least this share of the widest line ran into the page margin
MAX_BRIDGE_WIDTH = 40  # a label-only row inside a table run ("303 01离休费") is at most this wide
MAX_HEADER_LINES = 6  # column-header lines ("项目 预算数", "类款项") kept with the rows below them
MAX_HEADER_WIDTH = 80
ROW, HEAD = "row", "head"
SHAPE = 'expected a JSON list of {"page": n, "text": "..."} objects'

_FIGURE = re.compile(rf"[-+]?{UNSIGNED_NUMBER}%?|[-—－]")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*(?:[.．](?!\d)|、)|第[一二三四五六七八九十\d]+部分)")
_SENTENCE_END = tuple("。！？")
_CLOSERS = "”’」』）)"
_INDENT = re.compile(r"^(?: {2,}|\u3000)")
_PROSE = re.compile(r"[，。；！？]")
_HEADER_STOP = re.compile(r"[，。；！？：:]")  # title, 单位：元 and prose lines are not column headers


def _is_figure(token: str) -> bool:
    return bool(_FIGURE.fullmatch(token))


def _trailing_figures(line: str) -> int:
    count = 0
    for token in reversed(line.split()):
        if not _is_figure(token):
            break
        count += 1
    return count


def _row_cells(line: str) -> list[str]:
    """Label text (leading codes included) as one cell, then one cell per figure; labels between figures stay whole."""
    tokens = line.split()
    if all(_is_figure(t) for t in tokens):
        return tokens
    cells: list[str] = []
    label: list[str] = []
    seen_text = False
    for token in tokens:
        if _is_figure(token) and seen_text:
            if label:
                cells.append(" ".join(label))
                label = []
            cells.append(token)
        else:
            seen_text = seen_text or not _is_figure(token)
            label.append(token)
    if label:
        cells.append(" ".join(label))
    return cells


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_table_row(line: str, in_run: bool) -> bool:
    figures = _trailing_figures(line)
    return figures >= 2 or (in_run and figures == 1 and not _PROSE.search(line))


def _is_header_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and not _HEADER_STOP.search(text) and not text.endswith("表") and not _HEADING.match(text) and _width(text) <= MAX_HEADER_WIDTH


def _table_runs(lines: list[str]) -> list[str | None]:
    """Marks each line of one page ROW, HEAD (a column-header line just above rows) or None (text)."""
    rows = [False] * len(lines)
    for i, line in enumerate(lines):
        rows[i] = bool(line.strip()) and _is_table_row(line, i > 0 and rows[i - 1])
    for i in range(1, len(lines) - 1):  # a label-only row between two rows stays in the table
        line = lines[i].strip()
        if not rows[i] and rows[i - 1] and rows[i + 1] and line and not _PROSE.search(line) and _width(line) <= MAX_BRIDGE_WIDTH:
            rows[i] = True
    marks: list[str | None] = [ROW if row else None for row in rows]
    for i in range(len(lines)):
        if rows[i] and (i == 0 or not rows[i - 1]):
            j = i - 1
            while j >= 0 and i - j <= MAX_HEADER_LINES and marks[j] is None and _is_header_line(lines[j]):
                marks[j] = HEAD
                j -= 1
    return marks


def _ends_paragraph(line: str, wrap_width: int) -> bool:
    """A line ends its paragraph unless it ran into the margin without closing a sentence or naming a table."""
    text = line.rstrip().rstrip(_CLOSERS) or line.rstrip()
    if text.endswith(_SENTENCE_END) or text.endswith("表") or re.match(r"^第.+部分$", text.strip()):
        return True
    return wrap_width < MIN_WRAP_WIDTH or _width(line.rstrip()) < FULL_LINE_SHARE * wrap_width


def _starts_paragraph(line: str) -> bool:
    return bool(_INDENT.match(line) or _HEADING.match(line.strip()))


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        part = part.strip()
        space = text and text[-1].isascii() and text[-1].isalpha() and part[:1].isascii() and part[:1].isalpha()
        text += (" " if space else "") + part
    return clean_cell_text(text)


def _write_page(builder: TextBuilder, lines: list[str], marks: list[str | None], wrap_width: int) -> None:
    """Header lines become one-cell rows (their words do not line up with columns); rows are split into cells."""
    paragraph: list[str] = []
    rows: list[list[str]] = []

    def flush_paragraph() -> None:
        builder.add_line(_join(paragraph))
        paragraph.clear()

    for line, mark in zip(lines, marks):
        if mark:
            flush_paragraph()
            rows.append(_row_cells(line) if mark == ROW else [line])
            continue
        if rows:
            builder.add_table(rows)
            rows = []
        if not line.strip():
            flush_paragraph()
            continue
        if _starts_paragraph(line):
            flush_paragraph()
        paragraph.append(line)
        if _ends_paragraph(line, wrap_width):
            flush_paragraph()
    flush_paragraph()
    builder.add_table(rows)


def _read_pages(path: Path) -> list[tuple[int, list[str]]]:
    try:
        data = json.loads(decode_text(path.read_bytes(), path.name))
    except json.JSONDecodeError as exc:
        raise IngestError(path.name, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(data, list) or not data:
        raise IngestError(path.name, f"{SHAPE}; found {'an empty list' if data == [] else type(data).__name__}")
    pages: dict[int, str] = {}
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise IngestError(path.name, f"{SHAPE}; item {i} has no text string")
        page = item.get("page")
        if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= MAX_PAGE:
            raise IngestError(path.name, f"{SHAPE}; item {i} has no page number between 1 and {MAX_PAGE}")
        if page in pages:
            raise IngestError(path.name, f"page {page} appears twice")
        pages[page] = item["text"]
    return [(page, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) for page, text in sorted(pages.items())]


def load_pages_json(path: Path) -> RawDocument:
    """Reads a page-text JSON file; document page numbers follow the `page` fields."""
    pages = [(number, lines, _table_runs(lines)) for number, lines in _read_pages(path)]
    wrap_width = max((_width(ln.rstrip()) for _, lines, marks in pages for ln, mark in zip(lines, marks) if not mark), default=0)
    builder = TextBuilder()
    count = 0
    for number, lines, marks in pages:
        while count < number:  # pages missing from the file stay empty so numbers still match the PDF
            builder.new_page()
            count += 1
        _write_page(builder, lines, marks, wrap_width)
    return builder.build(path.name, "json")
