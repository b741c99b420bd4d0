"""Loads a JSON list of `{"page": n, "text": "..."}`: text already extracted from a PDF, page by page.

PDF extraction hard-wraps narrative at the page width and flattens tables into lines of
space-separated values. Wrapped lines are joined back into paragraphs; runs of lines ending in
two or more figures ("合计 2,878,025 2,878,025 0") become tables, the column-header lines just above
a run stay one-cell rows, so the title and unit lines stay next to the table, and the columns those
header lines name are read from them (ingest/loaders/text_tables.py). Numbers are never split.

A page that opens with rows that fit the columns of the table closing the page before (its header
lines repeated or none) carries that table on: its rows join it, written, like a PDF's continued
table, on the page the table starts on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder, clean_cell_text
from ingest.loaders.decoding import decode_text
from ingest.loaders.text_tables import continues, is_figure, text_table
from ingest.model import RawDocument

MAX_PAGE = 10_000
MIN_WRAP_WIDTH = 40  # display columns; below this no line is taken to be hard-wrapped
FULL_LINE_SHARE = 0.9  # a line at least this share of the widest line ran into the page margin
MAX_BRIDGE_WIDTH = 40  # a label-only row inside a table run ("303 01离休费") is at most this wide
MAX_HEADER_LINES = 6  # column-header lines ("项目 预算数", "类款项") kept with the rows below them
MAX_HEADER_WIDTH = 80
ROW, HEAD = "row", "head"
SHAPE = 'expected a JSON list of {"page": n, "text": "..."} objects'

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*(?:[.．](?!\d)|、)|第[一二三四五六七八九十\d]+部分)")
_SENTENCE_END = tuple("。！？")
_CLOSERS = "”’」』）)"
_INDENT = re.compile(r"^(?: {2,}|\u3000)")
_PROSE = re.compile(r"[，。；！？]")
_HEADER_STOP = re.compile(r"[，。；！？：:]")  # title, 单位：元 and prose lines are not column headers


def _trailing_figures(line: str) -> int:
    count = 0
    for token in reversed(line.split()):
        if not is_figure(token):
            break
        count += 1
    return count


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


@dataclass
class _Block:
    """One table's lines on a page: its column-header lines, then its rows."""

    head: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)


def _page_items(lines: list[str], marks: list[str | None]) -> list[str | _Block]:
    """A page's text lines and table blocks in order."""
    items: list[str | _Block] = []
    for line, mark in zip(lines, marks, strict=True):
        if not mark:
            items.append(line)
            continue
        block = items[-1] if items and isinstance(items[-1], _Block) and (mark == ROW or not items[-1].rows) else None
        if block is None:
            block = _Block()
            items.append(block)
        (block.rows if mark == ROW else block.head).append(line)
    return items


def _same_lines(a: list[str], b: list[str]) -> bool:
    return [" ".join(x.split()) for x in a] == [" ".join(x.split()) for x in b]


def _join_continued(pages: list[list[str | _Block]]) -> None:
    """Appends the table opening a page to the table closing the page before when it carries it on:
    no header lines or the same ones, and rows that fit its columns."""
    open_block: _Block | None = None
    for items in pages:
        filled = [item for item in items if isinstance(item, _Block) or item.strip()]
        first = filled[0] if filled else None
        if (open_block and isinstance(first, _Block) and (not first.head or _same_lines(first.head, open_block.head))
                and continues(open_block.head, first.rows)):
            open_block.rows += first.rows
            items.remove(first)
            if len(filled) == 1:  # the page held nothing else: the table may go on over the next one
                continue
        open_block = filled[-1] if filled and isinstance(filled[-1], _Block) else None


def _write_page(builder: TextBuilder, items: list[str | _Block], wrap_width: int) -> None:
    """Text lines are joined into paragraphs; each table block becomes a table."""
    paragraph: list[str] = []

    def flush_paragraph() -> None:
        builder.add_line(_join(paragraph))
        paragraph.clear()

    for item in items:
        if isinstance(item, _Block):
            flush_paragraph()
            table = text_table(item.head, item.rows)
            builder.add_table(table.rows, header=table.header, unplaced=table.unplaced)
            continue
        if not item.strip():
            flush_paragraph()
            continue
        if _starts_paragraph(item):
            flush_paragraph()
        paragraph.append(item)
        if _ends_paragraph(item, wrap_width):
            flush_paragraph()
    flush_paragraph()


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
    items = [_page_items(lines, marks) for _, lines, marks in pages]
    _join_continued(items)
    builder = TextBuilder()
    count = 0
    for (number, _, _), page_items in zip(pages, items, strict=True):
        while count < number:  # pages missing from the file stay empty so numbers still match the PDF
            builder.new_page()
            count += 1
        _write_page(builder, page_items, wrap_width)
    return builder.build(path.name, "json")
