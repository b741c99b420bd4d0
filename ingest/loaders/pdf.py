"""Loads a PDF disclosure with pdfplumber: ruled tables as rows, everything else as paragraphs.

Per page, tables come from `find_tables` (ruling lines). The characters outside them are grouped
into visual lines by vertical overlap rather than by baseline, because some documents set figures
in another font a few points lower (file 10) and line-by-baseline extraction tears them out of
their sentence. Lines and tables are written top to bottom; hard-wrapped lines are joined into
paragraphs, and a table continued at the top of the next page is joined to the one before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder
from ingest.model import RawDocument

ROW_OVERLAP = 0.5  # chars share a line when they overlap vertically by half the smaller height
SPACE_GAP_EM = 0.25  # a gap wider than a quarter of the font size is a space (pdfplumber: 3pt at 12pt)
WRAP_SLACK_EM = 2.0  # a line ending within two characters of the right margin was wrapped, not ended
MARGIN_MIN_CHARS = 15  # only lines this long vote on where a page's right margin is
HEADING_MAX_CHARS = 20  # "一、…" or "（一）…" this short is a heading even if it happens to reach the margin
COLUMN_TOLERANCE = 3.0  # points: a continued table's columns line up with the previous page's
MIN_TABLE_COLUMNS = 2  # a one-column "table" is a frame around text (the table of contents)

_END_PUNCT = tuple("。！？；：!?;:")
_LIST_START = re.compile(r"^(第[一二三四五六七八九十百\d]+[部分章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d))")
_UNIT_LINE = re.compile(r"单位[:：]\s*\S{1,4}$")


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _glue(a: str, b: str) -> str:
    """Joins two wrapped pieces: no space, except between two Latin words."""
    if not a or not b:
        return a + b
    word = a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha()
    return f"{a} {b}" if word else a + b


@dataclass
class _Line:
    text: str
    x1: float
    top: float
    size: float
    width: int  # the page width: pages of one width share a usual right margin
    margin: float | None = None


@dataclass
class _Table:
    rows: list[list[str]]
    xs: list[float]  # left edge of each column
    top: float


def _inside(c: dict, box: tuple) -> bool:
    x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _group_lines(chars: list[dict]) -> list[list[dict]]:
    """Chars grouped into visual lines, top to bottom, each left to right."""
    rows: list[tuple[float, float, list[dict]]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows:
            top, bottom, members = rows[-1]
            overlap = min(bottom, c["bottom"]) - max(top, c["top"])
            if overlap >= ROW_OVERLAP * min(bottom - top, c["bottom"] - c["top"]):
                members.append(c)
                continue
        rows.append((c["top"], c["bottom"], [c]))
    return [sorted(members, key=lambda c: c["x0"]) for _, _, members in rows]


def _line_text(chars: list[dict], cjk_gaps: bool = True) -> str:
    """A line's text; wide gaps become spaces (inside cells, not between two Chinese chars)."""
    out: list[str] = []
    for prev, c in zip([None, *chars], chars):
        if prev and c["x0"] - prev["x1"] > SPACE_GAP_EM * c["size"]:
            if cjk_gaps or not (_is_cjk(prev["text"]) and _is_cjk(c["text"])):
                out.append(" ")
        out.append(c["text"])
    return "".join(out)


def _read_table(table, chars: list[dict]) -> _Table | None:
    """A ruled table's rows of cell text; None for a frame or an empty grid."""
    xs = sorted({cell[0] for cell in table.cells})
    if len(xs) < MIN_TABLE_COLUMNS:
        return None
    inside = [c for c in chars if _inside(c, table.bbox)]
    rows = []
    for row in table.rows:
        row_chars = [c for c in inside if _inside(c, row.bbox)]
        cells = []
        for box in row.cells:  # None where a merged cell spans this column: left blank
            lines = [_line_text(ln, cjk_gaps=False) for ln in _group_lines([c for c in row_chars if box and _inside(c, box)])]
            text = ""
            for piece in lines:
                text = _glue(text, piece)
            cells.append(text)
        if any(cells):
            rows.append(cells)
    return _Table(rows, xs, table.bbox[1]) if rows else None


def _read_page(page) -> list[_Line | _Table]:
    """The page's lines and tables, top to bottom."""
    chars = [c for c in page.chars if c["text"].strip()]
    found = [(t, _read_table(t, chars)) for t in page.find_tables()] if page.rects or page.lines or page.curves else []
    items: list[_Line | _Table] = [table for _, table in found if table]
    boxes = [t.bbox for t, table in found if table]
    free = [c for c in chars if not any(_inside(c, box) for box in boxes)]
    for line in _group_lines(free):
        text = _line_text(line).strip()
        if text:
            items.append(_Line(text, line[-1]["x1"], line[0]["top"], line[-1]["size"], round(page.width)))
    return sorted(items, key=lambda item: item.top)


def _set_margins(pages: list[list[_Line | _Table]]) -> None:
    """Gives each line its page's right margin: the furthest end of the page's long lines, or on
    a page without any, the median of that over pages of the same width."""
    own: dict[int, float] = {}
    for n, items in enumerate(pages):
        ends = [i.x1 for i in items if isinstance(i, _Line) and len(i.text) >= MARGIN_MIN_CHARS]
        if ends:
            own[n] = max(ends)
    lines = [(n, i) for n, items in enumerate(pages) for i in items if isinstance(i, _Line)]
    by_width: dict[int, list[float]] = {}
    for n, line in lines:
        if n in own:
            by_width.setdefault(line.width, []).append(own[n])
    for n, line in lines:
        usual = sorted(by_width.get(line.width, [])) or [None]
        line.margin = own.get(n, usual[len(usual) // 2])


def _ends_paragraph(line: _Line) -> bool:
    text = line.text
    if text.endswith(_END_PUNCT) or text.endswith("表") or _UNIT_LINE.search(text):
        return True
    if _LIST_START.match(text) and len(text) <= HEADING_MAX_CHARS:
        return True
    return line.margin is None or line.x1 < line.margin - WRAP_SLACK_EM * line.size


def _join_paragraphs(pages: list[list[_Line | _Table]]) -> None:
    """Merges each hard-wrapped line into the line it continues, across pages too."""
    _set_margins(pages)
    last: _Line | None = None
    for n, items in enumerate(pages):
        kept: list[_Line | _Table] = []
        for item in items:
            if isinstance(item, _Line) and last and not _ends_paragraph(last) and not _LIST_START.match(item.text):
                last.text = _glue(last.text, item.text)
                last.x1, last.size, last.margin = item.x1, item.size, item.margin
                continue
            kept.append(item)
            last = item if isinstance(item, _Line) else None
        pages[n] = kept


def _column_map(xs: list[float], new_xs: list[float]) -> list[int] | None:
    """Which of `xs` each of `new_xs` falls in, if a table with `new_xs` can continue one with `xs`."""
    if len(new_xs) == len(xs):
        return list(range(len(xs)))
    mapping = []
    for x in new_xs:
        near = [i for i, old in enumerate(xs) if abs(old - x) <= COLUMN_TOLERANCE]
        if not near or (mapping and near[0] <= mapping[-1]):
            return None
        mapping.append(near[0])
    return mapping


def _join_tables(pages: list[list[_Line | _Table]]) -> None:
    """Appends a table that opens a page to the table that closed the page before it."""
    open_table: _Table | None = None
    for items in pages:
        first = items[0] if items else None
        mapping = _column_map(open_table.xs, first.xs) if open_table and isinstance(first, _Table) else None
        if open_table and mapping is not None:
            items.pop(0)
            rows = []
            for row in first.rows:
                wide = [""] * len(open_table.xs)
                for i, text in zip(mapping, row):
                    wide[i] = text
                rows.append(wide)
            repeated = 0  # the header rows printed again on top of the continuation
            while repeated < min(len(rows), len(open_table.rows)) and rows[repeated] == open_table.rows[repeated]:
                repeated += 1
            open_table.rows.extend(rows[repeated:])
            if not items:
                continue
        open_table = items[-1] if items and isinstance(items[-1], _Table) else None


def _open(path: Path):
    head = path.read_bytes()[:1024]
    if b"%PDF" not in head:
        raise IngestError(path.name, "not a PDF file (no %PDF header)")
    try:
        return pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise IngestError(path.name, "PDF is encrypted (password required)") from exc
        raise IngestError(path.name, f"PDF is damaged or truncated ({type(cause).__name__}: {cause})") from exc


def load_pdf(path: Path) -> RawDocument:
    """Extracts a PDF's text lines and ruled tables in reading order, with exact offsets."""
    with _open(path) as pdf:
        try:
            pages = [_read_page(page) for page in pdf.pages]
        except (PdfminerException, MalformedPDFException, PSException) as exc:
            raise IngestError(path.name, f"PDF is damaged or truncated ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise IngestError(path.name, "PDF has no pages")
    _join_tables(pages)
    _join_paragraphs(pages)
    builder = TextBuilder()
    for items in pages:
        builder.new_page()
        for item in items:
            if isinstance(item, _Line):
                builder.add_line(item.text)
            else:
                builder.add_table(item.rows)
    return builder.build(path.name, "pdf")
