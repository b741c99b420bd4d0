"""Loads a PDF disclosure with pdfplumber: ruled tables as rows, everything else as paragraphs.

Per page, tables come from `find_tables` (ruling lines). The characters outside them are grouped
into visual lines by vertical overlap rather than by baseline, because some documents set figures
in another font a few points lower (file 10) and baseline-based extraction tears them out of their
sentence. Lines and tables are written top to bottom; hard-wrapped lines are joined into
paragraphs, and a table continued at the top of the next page is joined to the one before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import reduce
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder
from ingest.model import RawDocument

ROW_OVERLAP = 0.5  # chars share a line when they overlap vertically by half the smaller height
SPACE_GAP_EM = 0.25  # a gap wider than a quarter of the font size is a space (pdfplumber: 3pt at 12pt)
WRAP_SLACK_EM = 1.0  # justification and the no-punctuation-at-line-start rule move line ends ~1 char
MARGIN_MIN_CHARS = 15  # only lines this long vote on where a page's right margin is, and only
MARGIN_MIN_LINES = 3  # on pages with this many of them (a cover's two titles make no margin)
SIZE_TOLERANCE = 0.5  # points: a change of font size between two lines ends a paragraph (titles)
HEADING_MAX_CHARS = 20  # "一、…" this short, or without sentence punctuation, is a heading, which
HEADING_SLACK_EM = 0.25  # wrapped only if the next line's first piece really did not fit
COLUMN_TOLERANCE = 3.0  # points: a continued table's columns line up with the previous page's
MIN_TABLE_COLUMNS = 2  # a one-column "table" is a frame around text (the table of contents)

# ；and ： are no ends: a full line ending in one carries on (file 10: "…财政专户管理；\n负责编制…")
_END_PUNCT = tuple("。！？!?")
# a line's first unbreakable piece: one char or a run of figures/Latin, with punctuation stuck to it
_LEAD = re.compile(r"[（(“‘《【]*(?:[0-9A-Za-z.,%+/-]+|.)[）)”’》】，。、；：！？,;:!?%]*")
_LIST_START = re.compile(r"^(第[一二三四五六七八九十百\d]+[部分章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:[．、]|\.(?!\d)))")
_SENTENCE = re.compile(r"[，。；：,;]")
_UNIT_LINE = re.compile(r"单位[:：]\s*\S{1,4}$")
_CID = re.compile(r"\(cid:\d+\)")  # pdfminer's stand-in for a glyph it cannot map to a character


@dataclass
class _Line:
    text: str
    x1: float
    top: float
    size: float  # the most common font size in the line
    lead: float  # width of the first unbreakable piece: had it fit, the line above would hold it
    width: int  # the page width: pages of one width share a usual right margin
    margin: float | None = None


@dataclass
class _Table:
    rows: list[list[str]]
    xs: list[float]  # left edge of each column
    top: float


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _glue(a: str, b: str) -> str:
    """Joins two wrapped pieces: no space (figures stay whole), except between two Latin words."""
    word = a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha()
    return f"{a} {b}" if word else a + b


def _mid_y(c: dict) -> float:
    return (c["top"] + c["bottom"]) / 2


def _inside(c: dict, box: tuple) -> bool:
    """Whether the char's centre lies in the box (pdfplumber's own rule for table cells)."""
    x, y = (c["x0"] + c["x1"]) / 2, _mid_y(c)
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
    """A line's text; a space char or a wide gap is one space (in cells, not between two Chinese chars)."""
    out: list[str] = []
    prev, blank = None, False
    for c in chars:
        if not c["text"].strip():
            blank = True
            continue
        if prev and (blank or c["x0"] - prev["x1"] > SPACE_GAP_EM * c["size"]):
            if cjk_gaps or not (_is_cjk(prev["text"]) and _is_cjk(c["text"])):
                out.append(" ")
        out.append(c["text"])
        prev, blank = c, False
    return "".join(out)


def _lead_width(chars: list[dict]) -> float:
    end = _LEAD.match("".join(c["text"] for c in chars)).end()  # chars hold one character each but rarely
    return chars[min(end, len(chars)) - 1]["x1"] - chars[0]["x0"]


def _read_table(table, chars: list[dict]) -> _Table | None:
    """A ruled table's rows of cell text; None for a frame or an empty grid."""
    xs = sorted({cell[0] for cell in table.cells})
    if len(xs) < MIN_TABLE_COLUMNS:
        return None
    inside = sorted((c for c in chars if _inside(c, table.bbox)), key=_mid_y)
    mids = [_mid_y(c) for c in inside]
    rows = []
    for row in table.rows:
        row_chars = inside[bisect_left(mids, row.bbox[1]) : bisect_left(mids, row.bbox[3])]
        cells = []
        for box in row.cells:  # None where a merged cell spans this column: left blank
            lines = _group_lines([c for c in row_chars if box and _inside(c, box)])
            cells.append(reduce(_glue, (_line_text(line, cjk_gaps=False) for line in lines), ""))
        if any(cells):
            rows.append(cells)
    return _Table(rows, xs, table.bbox[1]) if rows else None


def _read_page(page) -> list[_Line | _Table]:
    """The page's lines and tables, top to bottom."""
    chars = page.chars  # space chars too: they mark the spaces in a line
    found = [(t, _read_table(t, chars)) for t in page.find_tables()] if page.rects or page.lines or page.curves else []
    items: list[_Line | _Table] = [table for _, table in found if table]
    boxes = [t.bbox for t, table in found if table]
    for line in _group_lines([c for c in chars if not any(_inside(c, box) for box in boxes)]):
        ink = [c for c in line if c["text"].strip()]
        if ink:
            sizes = [c["size"] for c in ink]
            size = max(sizes, key=sizes.count)
            items.append(_Line(_line_text(line), ink[-1]["x1"], ink[0]["top"], size, _lead_width(ink), round(page.width)))
    page.close()  # frees the parsed objects; the next page is parsed anew anyway
    return sorted(items, key=lambda item: item.top)


def _set_margins(pages: list[list[_Line | _Table]]) -> None:
    """Gives each line its page's right margin: the furthest end of the page's long lines, or on
    a page without enough of them, the median of that over pages of the same width."""
    own: dict[int, float] = {}
    usual: dict[int, list[float]] = {}
    for n, items in enumerate(pages):
        lines = [i for i in items if isinstance(i, _Line)]
        ends = [line.x1 for line in lines if len(line.text) >= MARGIN_MIN_CHARS]
        if len(ends) >= MARGIN_MIN_LINES:
            own[n] = max(ends)
            usual.setdefault(lines[0].width, []).append(own[n])
    for n, items in enumerate(pages):
        for line in (i for i in items if isinstance(i, _Line)):
            ends = sorted(usual.get(line.width, [None]))
            line.margin = own.get(n, ends[len(ends) // 2])


def _ends_paragraph(line: _Line, nxt: _Line) -> bool:
    """Whether `line` ends its paragraph rather than wrapping into `nxt`."""
    text = line.text
    if text.endswith(_END_PUNCT) or text.endswith("表") or _UNIT_LINE.search(text):
        return True
    if _LIST_START.match(nxt.text) or line.margin is None or abs(line.size - nxt.size) > SIZE_TOLERANCE:
        return True
    heading = _LIST_START.match(text) and (len(text) <= HEADING_MAX_CHARS or not _SENTENCE.search(text))
    slack = HEADING_SLACK_EM if heading else WRAP_SLACK_EM
    return line.x1 + nxt.lead < line.margin - slack * line.size


def _join_paragraphs(pages: list[list[_Line | _Table]]) -> None:
    """Merges each hard-wrapped line into the line it continues, across pages too."""
    _set_margins(pages)
    last: _Line | None = None
    for n, items in enumerate(pages):
        kept: list[_Line | _Table] = []
        for item in items:
            if isinstance(item, _Line) and last and not _ends_paragraph(last, item):
                last.text = _glue(last.text, item.text)
                last.x1, last.margin = item.x1, item.margin
                continue
            kept.append(item)
            last = item if isinstance(item, _Line) else None
        pages[n] = kept


def _column_map(xs: list[float], new_xs: list[float]) -> list[int] | None:
    """Which of `xs` each of `new_xs` is, if a table with `new_xs` can continue one with `xs`:
    the same column count, or columns that line up with some of them (a "合计" row alone)."""
    if len(new_xs) == len(xs):
        return list(range(len(xs)))
    mapping: list[int] = []
    for x in new_xs:
        near = [i for i, old in enumerate(xs) if abs(old - x) <= COLUMN_TOLERANCE]
        if not near or (mapping and near[0] <= mapping[-1]):
            return None
        mapping.append(near[0])
    return mapping


def _join_tables(pages: list[list[_Line | _Table]]) -> None:
    """Appends a table that opens a page (no title above it) to the table that closed the page
    before, dropping the header rows the continuation repeats."""
    open_table: _Table | None = None
    for items in pages:
        first = items[0] if items else None
        mapping = _column_map(open_table.xs, first.xs) if open_table and isinstance(first, _Table) else None
        if mapping is not None:
            items.pop(0)
            rows = [[dict(zip(mapping, row)).get(i, "") for i in range(len(open_table.xs))] for row in first.rows]
            repeated = 0
            while repeated < min(len(rows), len(open_table.rows)) and rows[repeated] == open_table.rows[repeated]:
                repeated += 1
            open_table.rows.extend(rows[repeated:])
            if not items:  # the page held nothing else: the table may go on over the next one
                continue
        open_table = items[-1] if items and isinstance(items[-1], _Table) else None


def _open(path: Path) -> pdfplumber.PDF:
    with path.open("rb") as f:
        if b"%PDF" not in f.read(1024):
            raise IngestError(path.name, "not a PDF file (no %PDF header)")
    try:
        return pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):
            raise IngestError(path.name, "PDF is encrypted (a password is needed to open it)") from exc
        raise IngestError(path.name, f"PDF is damaged or truncated ({type(cause).__name__}: {cause})") from exc


def load_pdf(path: Path) -> RawDocument:
    """Extracts a PDF's text lines and ruled tables in reading order, with exact offsets. A table or
    paragraph that runs over a page break is written on (and attributed to) the page it starts on."""
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
    doc = builder.build(path.name, "pdf")
    if sum(len(m) for m in _CID.findall(doc.text)) * 2 > len(doc.text):
        raise IngestError(path.name, "PDF text cannot be decoded: its fonts map glyphs to no characters")
    return doc
