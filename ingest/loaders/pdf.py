"""Loads a PDF disclosure with pdfplumber: ruled tables as rows, everything else as paragraphs.

Per page, tables come from `find_tables` (ruling lines), and runs of lines printing a table without rules are read
from their header words (ingest/loaders/text_tables.py). The characters outside ruled tables are grouped
into visual lines by vertical overlap rather than by baseline, because some documents set figures
in another font a few points lower (file 10) and baseline-based extraction tears them out of their
sentence. Lines and tables are written top to bottom; hard-wrapped lines are joined into
paragraphs, and a table continued at the top of the next page is joined to the one before it.

A page with an image and (almost) no text layer is a scan: it is rendered and read by OCR into
characters and ruled tables (ingest/ocr), which then go through the same line and table code; the
text read that way keeps the recogniser's confidence per line and per cell. A page whose text runs sideways (a wide
table printed turned on an unrotated portrait page) is turned upright before it is read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psparser import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from PIL import Image

from ingest.errors import IngestError
from ingest.display_width import display_width
from ingest.loaders.aligned_columns import aligned_rows
from ingest.loaders.builder import TextBuilder, glue
from ingest.loaders.page_columns import column_runs
from ingest.loaders.page_furniture import is_page_number, without_page_number
from ingest.loaders.page_text import HEAD, ROW, table_runs
from ingest.loaders.text_tables import is_figure, text_table
from ingest.model import RawDocument, ReadHeader
from ingest.ocr.options import OcrOptions
from ingest.ocr.page import UnreadableImage, read_image
from ingest.ocr.recognizer import packaged_recognizer

ROW_OVERLAP = 0.5  # chars share a line when they overlap vertically by half the smaller height
SPACE_GAP_EM = 0.25  # a gap wider than a quarter of the font size is a space (pdfplumber: 3pt at 12pt)
CELL_GAP_EM = 1.0  # a gap as wide as a character sets two cells of a table printed without rules apart
WRAP_SLACK_EM = 1.0  # justification and the no-punctuation-at-line-start rule move line ends ~1 char
MARGIN_MIN_CHARS = 15  # only lines this long vote on where a page's right margin is, and only
MARGIN_MIN_LINES = 3  # on pages with this many of them (a cover's two titles make no margin)
SIZE_TOLERANCE = 0.5  # points: a change of font size between two lines ends a paragraph (titles)
# "一、…" without sentence punctuation is a heading, which
HEADING_SLACK_EM = 0.25  # wrapped only if the next line's first piece really did not fit
COLUMN_TOLERANCE = 3.0  # points: a continued table's columns line up with the previous page's
MIN_TABLE_COLUMNS = 2  # a one-column "table" is a frame around text (the table of contents)
SLANT_TOLERANCE = 0.1  # a baseline more than ~6° off both page axes is slanted (a watermark), not a line of text
PROSE_CELL_CHARS = 80  # a ruled cell this long holding sentences is a framed column of prose, not a table cell
FRAME_LINE_STEP = 1e-3  # points between the tops given to a frame's lines, which are read column after column
MIN_UNRULED_ROWS = 2  # rows of figures under read header lines that make a table printed without rules
RUNNING_PAGES = 3  # a line opening or closing this many pages (after the first) is a running header or footer
RUNNING_MAX_CHARS = 40  # … and only a line this short: a page's title, not a sentence
SCAN_MAX_TEXT_CHARS = 10  # a page with an image and no more text than this (a page number) is a scan
OCR_DPI = 200  # scans are rendered at this resolution for the recogniser

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
    confidence: float | None = None  # the recogniser's, for a line read from a page image
    aligned: str = ""  # the line with its words at their places: spaces for the gaps, in display columns
    row: bool = False  # a row of figures no table was read from: never wrapped into the line before or after
    frame_margin: float | None = None  # the right end of the framed column of prose the line stands in


@dataclass
class _Table:
    rows: list[list[str]]
    xs: list[float]  # left edge of each column
    top: float
    confidences: list[list[float | None]]  # per cell; None for text-layer cells
    header: ReadHeader | None = None  # read from the header words of a table printed without rules
    unplaced: frozenset[tuple[int, int]] = frozenset()
    head_rows: int = 0  # leading rows that are the header of a table read by where its words stand

    @property
    def header_rows(self) -> int:
        return self.header.rows if self.header else self.head_rows


def _confidence(chars: list[dict]) -> float | None:
    """The lowest recogniser confidence among the chars; None when they come from a text layer."""
    return min((c["confidence"] for c in chars if "confidence" in c), default=None)


def _lower(a: float | None, b: float | None) -> float | None:
    return min((x for x in (a, b) if x is not None), default=None)


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


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


def _aligned_text(chars: list[dict], size: float) -> str:
    """A line's text with each word at its place on the page, counted in display columns of half the page's usual
    font size (a Chinese character takes two): the cells of a table printed without rules keep their columns, empty
    ones too."""
    out, at, prev = [], 0, None
    for c in chars:
        column = round(c["x0"] / (size / 2))
        gap = c["x0"] - prev["x1"] if prev is not None else 0.0
        if prev is None or gap > SPACE_GAP_EM * c["size"]:
            # a line's first word too stands where it is printed; a gap of a character or more sets cells apart
            pad = max(0 if prev is None else 2 if gap >= CELL_GAP_EM * c["size"] else 1, column - at)
            out.append(" " * pad)
            at += pad
        out.append(c["text"])
        at += display_width(c["text"])
        prev = c
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
    rows, confidences = [], []
    for row in table.rows:
        row_chars = inside[bisect_left(mids, row.bbox[1]) : bisect_left(mids, row.bbox[3])]
        cells, sure = [], []
        for box in row.cells:  # None where a merged cell spans this column: left blank
            cell_chars = [c for c in row_chars if box and _inside(c, box)]
            cells.append(reduce(glue, (_line_text(line, cjk_gaps=False) for line in _group_lines(cell_chars)), ""))
            sure.append(_confidence(cell_chars))
        if any(cells):
            rows.append(cells)
            confidences.append(sure)
    return _Table(rows, xs, table.bbox[1], confidences) if rows else None


def _page_items(chars: list[dict], tables: list[Table], width: float) -> list[_Line | _Table]:
    """A page's lines and tables, top to bottom, from its chars (space chars too: they mark the
    spaces in a line) and the ruled tables found on it; framed columns of prose are lines, column after column."""
    found = [(t, _read_table(t, chars)) for t in tables]
    frames = [t for t, table in found if table and _is_prose_frame(table)]
    items: list[_Line | _Table] = [table for t, table in found if table and t not in frames]
    boxes = [t.bbox for t, table in found if table]
    all_sizes = [round(c["size"], 1) for c in chars if c["text"].strip()]
    usual = max(set(all_sizes), key=all_sizes.count, default=0.0)  # one column width for every line of the page
    items += _reading_lines(_group_lines([c for c in chars if not any(_inside(c, box) for box in boxes)]), width, usual)
    for frame in frames:
        items += _framed_lines(frame, chars, width, usual)
    return sorted(items, key=lambda item: item.top)


def _line_of(line: list[dict], width: float, usual: float) -> _Line | None:
    """A visual line of chars as a `_Line`, or None when it holds no ink."""
    ink = [c for c in line if c["text"].strip()]
    if not ink:
        return None
    sizes = [c["size"] for c in ink]
    size = max(sizes, key=sizes.count)
    return _Line(_line_text(line), ink[-1]["x1"], ink[0]["top"], size, _lead_width(ink), round(width),
                 confidence=_confidence(ink), aligned=_aligned_text(ink, usual or size))


def _reading_lines(lines: list[list[dict]], width: float, usual: float) -> list[_Line]:
    """The page's visual lines as `_Line`s; prose in two unruled columns is read column after column, each column's
    lines wrapping at its own right end and given tops that keep them in that order."""
    runs = column_runs(lines, width, usual)
    if runs is None:
        return [item for line in lines if (item := _line_of(line, width, usual))]
    out: list[_Line] = []
    for run in runs:
        out += _column_lines(run.chars, width, usual) if run.column else \
            [item for line in _group_lines(run.chars) if (item := _line_of(line, width, usual))]
    for before, line in zip(out, out[1:]):
        line.top = max(line.top, before.top + FRAME_LINE_STEP)
    return out


def _is_prose_frame(table: _Table) -> bool:
    """Whether a ruled "table" frames columns of prose ("说明" set in two framed columns): one row whose filled cells
    all hold sentences, one of them long."""
    filled = [cell for cell in table.rows[0] if cell.strip()] if len(table.rows) == 1 else []
    return bool(filled) and all("。" in cell for cell in filled) and max(map(len, filled)) >= PROSE_CELL_CHARS


def _column_lines(chars: list[dict], width: float, usual: float) -> list[_Line]:
    """The lines of one column of prose, each wrapping at the column's own right end."""
    column = [item for line in _group_lines(chars) if (item := _line_of(line, width, usual))]
    margin = max((line.x1 for line in column), default=None)
    for line in column:
        line.frame_margin = margin
    return column


def _framed_lines(frame: Table, chars: list[dict], width: float, usual: float) -> list[_Line]:
    """The lines of a frame's columns, left column first, each wrapping at its own column's right end; their tops keep
    them in that order, inside the frame's place on the page."""
    lines: list[_Line] = []
    for box in sorted((cell for cell in frame.cells if cell), key=lambda cell: cell[0]):
        lines += _column_lines([c for c in chars if _inside(c, box)], width, usual)
    for n, line in enumerate(lines):
        line.top = frame.bbox[1] + n * FRAME_LINE_STEP
    return lines


def _turn(matrix: tuple[float, ...]) -> int:
    """The clockwise turn (0, 90, 180, 270) that sets a character drawn with `matrix` upright."""
    across, up = matrix[0], matrix[1]
    if abs(across) >= abs(up):
        return 0 if across > 0 else 180
    return 90 if up > 0 else 270


def _slanted(matrix: tuple[float, ...]) -> bool:
    """Whether a character's baseline runs at a slant, off both page axes: a watermark or stamp laid across the page,
    no part of the lines and cells it crosses."""
    across, up = abs(matrix[0]), abs(matrix[1])
    return min(across, up) > SLANT_TOLERANCE * max(across, up)


def _upright(pdf: pdfplumber.PDF, page: Page) -> Page:
    """The page turned so its text reads left to right, where most of it runs sideways (a wide table printed turned
    on a portrait page that is itself not rotated); else the page as it is."""
    turns = Counter(_turn(c["matrix"]) for c in page.chars)
    turn, count = turns.most_common(1)[0] if turns else (0, 0)
    if turn == 0 or count * 2 <= len(page.chars):
        return page
    rotation = (page.rotation + turn) % 360
    page.page_obj.attrs["Rotate"] = rotation  # read by pdfplumber for the page box,
    page.page_obj.rotate = rotation  # by pdfminer for the characters' positions
    return Page(pdf, page.page_obj, page.page_number, page.initial_doctop)


def _read_page(page) -> list[_Line | _Table]:
    """The text-layer page's lines and tables, top to bottom."""
    tables = page.find_tables() if page.rects or page.lines or page.curves else []
    items = _page_items([c for c in page.chars if not _slanted(c["matrix"])], tables, page.width)
    page.close()  # frees the parsed objects; the next page is parsed anew anyway
    return items


def read_image_page(image: Image.Image, scale: float) -> list[_Line | _Table]:
    """A page image's lines and ruled tables, top to bottom (`scale` pixels per point); raises
    `UnreadableImage` for a page with marks but no recognisable text."""
    reading = read_image(image, scale, packaged_recognizer())
    return _page_items(reading.chars, reading.tables, reading.width)


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
            line.margin = line.frame_margin or own.get(n, ends[len(ends) // 2])


def _ends_paragraph(line: _Line, nxt: _Line) -> bool:
    """Whether `line` ends its paragraph rather than wrapping into `nxt`."""
    text = line.text
    if text.endswith(_END_PUNCT) or text.endswith("表") or _UNIT_LINE.search(text) or line.row or nxt.row:
        return True
    if _LIST_START.match(nxt.text) or line.margin is None or abs(line.size - nxt.size) > SIZE_TOLERANCE:
        return True
    heading = _LIST_START.match(text) and not _SENTENCE.search(text)
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
                last.text = glue(last.text, item.text)
                last.x1, last.margin = item.x1, item.margin
                last.confidence = _lower(last.confidence, item.confidence)
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


def _repeats_header(table: _Table, following: _Table) -> bool:
    """Whether a table read without rules goes on in the next: the same header lines, read alike, above its rows."""
    return (table.header_rows > 0 and table.header == following.header and table.head_rows == following.head_rows
            and table.rows[: table.header_rows] == following.rows[: following.header_rows])


def _join_tables(pages: list[list[_Line | _Table]]) -> None:
    """Appends a table that opens a page (no title above it) to the table that closed the page
    before, dropping the header rows the continuation repeats."""
    open_table: _Table | None = None
    for items in pages:
        first = items[0] if items else None
        ruled = open_table and isinstance(first, _Table) and open_table.xs and first.xs  # columns placed by their rules
        mapping = _column_map(open_table.xs, first.xs) if ruled else None
        if open_table and isinstance(first, _Table) and _repeats_header(open_table, first):  # printed without rules
            items.pop(0)
            shift = len(open_table.rows) - first.header_rows
            open_table.unplaced |= {(r + shift, c) for r, c in first.unplaced}
            open_table.rows.extend(first.rows[first.header_rows :])
            open_table.confidences.extend(first.confidences[first.header_rows :])
            if not items:
                continue
        elif mapping is not None:
            items.pop(0)
            rows = [[dict(zip(mapping, row)).get(i, "") for i in range(len(open_table.xs))] for row in first.rows]
            sure = [[dict(zip(mapping, row)).get(i) for i in range(len(open_table.xs))] for row in first.confidences]
            repeated = 0
            while repeated < min(len(rows), len(open_table.rows)) and rows[repeated] == open_table.rows[repeated]:
                repeated += 1
            open_table.rows.extend(rows[repeated:])
            open_table.confidences.extend(sure[repeated:])
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


def _scan_pages(path: Path) -> list[int]:
    """Numbers of the pages that show an image and have (almost) no text layer; pdfium counts this fast."""
    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        return []  # pdfplumber says what is wrong with the file
    try:
        scans = []
        for number, page in enumerate(document, 1):
            text = page.get_textpage().get_text_range()
            images = next(page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2), None)
            if images is not None and len("".join(text.split())) <= SCAN_MAX_TEXT_CHARS:
                scans.append(number)
        return scans
    finally:
        document.close()


def _read_scans(path: Path, numbers: list[int], notices: list[str], ocr: OcrOptions, pages: int) -> dict[int, list]:
    """The scanned pages' lines and tables by page number; a page that cannot be read gets a notice and nothing."""
    read: dict[int, list[_Line | _Table]] = {}
    scale = OCR_DPI / 72
    document = pypdfium2.PdfDocument(path)
    try:
        for number in numbers:
            try:
                read[number] = read_image_page(document[number - 1].render(scale=scale).to_pil(), scale)
            except UnreadableImage as exc:
                notices.append(f"第{number}页无法识别：{exc}")
            except pypdfium2.PdfiumError as exc:
                notices.append(f"第{number}页无法识别：页面无法渲染为图片（{exc}）")
            ocr.tell(number, pages, recognised=True)
    finally:
        document.close()
    return read


def _unruled_tables(items: list[_Line | _Table]) -> list[_Line | _Table]:
    """A page's runs of lines that print a table without rules (rows of figures under column-header lines whose
    words the header vocabulary reads) as tables; other lines as they are."""
    texts = [item.text if isinstance(item, _Line) else "" for item in items]
    marks = table_runs(texts)
    out: list[_Line | _Table] = []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and isinstance(items[j], _Line) and marks[j] == HEAD:
            j += 1
        k = j
        while k < len(items) and isinstance(items[k], _Line) and marks[k] == ROW:
            k += 1
        run = j > i and k - j >= MIN_UNRULED_ROWS
        placed = aligned_rows([items[n].aligned for n in range(i, j)], [items[n].aligned for n in range(j, k)]) if run else None
        if placed:  # cells read where they stand, an empty one left empty
            width = max(len(row) for row in placed)
            head_rows = next((n for n, row in enumerate(placed) if any(map(is_figure, row))), len(placed))
            out.append(_Table([row + [""] * (width - len(row)) for row in placed], [], items[i].top,
                              [[None] * width for _ in placed], head_rows=head_rows))
            i = k
            continue
        table = text_table(texts[i:j], texts[j:k]) if run else None
        if table is None or table.header is None:
            items[i].row = marks[i] == ROW
            out.append(items[i])
            i += 1
            continue
        width = max(len(row) for row in table.rows)
        out.append(_Table([row + [""] * (width - len(row)) for row in table.rows], [], items[i].top,
                          [[None] * width for _ in table.rows], table.header, frozenset(table.unplaced)))
        i = k
    return out


def _drop_running_lines(pages: list[list[_Line | _Table]]) -> None:
    """Takes out the line a document prints at the top or foot of every page ("某学院2025年单位预算"), except on
    the first page it opens or closes, so a table going on over the page is read as one."""
    edges = [[item for item in (items[:1] + items[-1:]) if isinstance(item, _Line)] for items in pages]
    counts = Counter(text for lines in edges[1:] for text in {without_page_number(line.text) for line in lines})
    running = {text for text, n in counts.items() if text and n >= RUNNING_PAGES and len(text) <= RUNNING_MAX_CHARS}
    seen: set[str] = set()
    for items, lines in zip(pages, edges, strict=True):
        for line in lines:
            text = without_page_number(line.text)
            if text in running and text in seen and line in items:
                items.remove(line)
            seen.update({text} & running)


def assemble(pages: list[list[_Line | _Table]], source: str, fmt: str) -> RawDocument:
    """The document from its pages' lines and tables: page numbers and running headers left out, tables printed
    without rules read from their lines, continued tables and wrapped paragraphs joined."""
    pages[:] = [[item for item in items if not (isinstance(item, _Line) and is_page_number(item.text))] for items in pages]
    _drop_running_lines(pages)
    pages[:] = [_unruled_tables(items) for items in pages]
    _join_tables(pages)
    _join_paragraphs(pages)
    builder = TextBuilder()
    for items in pages:
        builder.new_page()
        for item in items:
            if isinstance(item, _Line):
                builder.add_line(item.text, item.confidence)
            else:
                builder.add_table(item.rows, item.confidences, header=item.header, unplaced=item.unplaced)
    return builder.build(source, fmt)


def load_pdf(path: Path, ocr: OcrOptions = OcrOptions()) -> RawDocument:
    """Extracts a PDF's text lines and ruled tables in reading order, with exact offsets. A table or
    paragraph that runs over a page break is written on (and attributed to) the page it starts on.
    Scanned pages are read by OCR, at most `ocr.max_pages` of them."""
    scans = _scan_pages(path)
    if refusal := ocr.over_limit(len(scans)):
        raise IngestError(path.name, refusal)
    notices: list[str] = []
    with _open(path) as pdf:
        count = len(pdf.pages)
        try:
            pages = []
            for number, page in enumerate(pdf.pages, 1):
                if number not in scans:
                    pages.append(_read_page(_upright(pdf, page)))
                    ocr.tell(number, count, recognised=False)
                else:
                    pages.append([])
        except (PdfminerException, MalformedPDFException, PSException) as exc:
            raise IngestError(path.name, f"PDF is damaged or truncated ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise IngestError(path.name, "PDF has no pages")
    for number, items in _read_scans(path, scans, notices, ocr, count).items():
        pages[number - 1] = items
    doc = assemble(pages, path.name, "pdf")
    doc.notices = notices
    if sum(len(m) for m in _CID.findall(doc.text)) * 2 > len(doc.text):
        raise IngestError(path.name, "PDF text cannot be decoded: its fonts map glyphs to no characters")
    return doc
