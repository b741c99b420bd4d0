"""Loads a JSON list of `{"page": n, "text": "..."}`: text already extracted from a PDF, page by page.

Each page is plain page text (ingest/loaders/page_text.py): wrapped lines are joined back into
paragraphs and lines of space-separated figures become tables.

A page that opens with rows that fit the columns of the table closing the page before (its header
lines repeated or none) carries that table on: its rows join it, written, like a PDF's continued
table, on the page the table starts on.
"""

from __future__ import annotations

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder
from ingest.loaders.page_text import Block, page_items, table_runs, wrap_width, write_page
from ingest.loaders.text_tables import continues
from ingest.model import RawDocument

MAX_PAGE = 10_000
SHAPE = 'expected a JSON list of {"page": n, "text": "..."} objects'


def _same_lines(a: list[str], b: list[str]) -> bool:
    return [" ".join(x.split()) for x in a] == [" ".join(x.split()) for x in b]


def _join_continued(pages: list[list[str | Block]]) -> None:
    """Appends the table opening a page to the table closing the page before when it carries it on:
    no header lines or the same ones, and rows that fit its columns."""
    open_block: Block | None = None
    for items in pages:
        filled = [item for item in items if isinstance(item, Block) or item.strip()]
        first = filled[0] if filled else None
        if (open_block and isinstance(first, Block) and not first.tabbed
                and (not first.head or _same_lines(first.head, open_block.head)) and continues(open_block.head, first.rows)):
            open_block.rows += first.rows
            items.remove(first)
            if len(filled) == 1:  # the page held nothing else: the table may go on over the next one
                continue
        open_block = filled[-1] if filled and isinstance(filled[-1], Block) else None


def is_page_list(data: object) -> bool:
    """Whether parsed JSON is meant as a list of pages: a list whose items are all objects with a "page" field."""
    return isinstance(data, list) and bool(data) and all(isinstance(item, dict) and "page" in item for item in data)


def _read_pages(name: str, data: list) -> list[tuple[int, list[str]]]:
    pages: dict[int, str] = {}
    for i, item in enumerate(data):
        if not isinstance(item.get("text"), str):
            raise IngestError(name, f"{SHAPE}; item {i} has no text string")
        page = item.get("page")
        if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= MAX_PAGE:
            raise IngestError(name, f"{SHAPE}; item {i} has no page number between 1 and {MAX_PAGE}")
        if page in pages:
            raise IngestError(name, f"page {page} appears twice")
        pages[page] = item["text"]
    return [(page, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) for page, text in sorted(pages.items())]


def load_pages(name: str, data: list) -> RawDocument:
    """A page-text list (`is_page_list`) as a document; its page numbers follow the `page` fields."""
    pages = [(number, lines, table_runs(lines)) for number, lines in _read_pages(name, data)]
    width = wrap_width((lines, marks) for _, lines, marks in pages)
    items = [page_items(lines, marks) for _, lines, marks in pages]
    _join_continued(items)
    builder = TextBuilder()
    count = 0
    for (number, _, _), items_of_page in zip(pages, items, strict=True):
        while count < number:  # pages missing from the file stay empty so numbers still match the PDF
            builder.new_page()
            count += 1
        write_page(builder, items_of_page, width)
    return builder.build(name, "json")
