"""Assembles extracted text from lines and tables while recording every offset.

Loaders whose source is not plain text (PDF, DOCX, XLSX, HTML, page JSON) write through this
builder, so the stored text is exactly what citations point into. A table row is written as one
line with cells separated by tabs; tables are set off by blank lines.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Cell, Line, RawDocument, RawTable, ReadHeader, RecognisedSpan
from ingest.sections import DOCUMENT_PART

_SPACES = re.compile(r"[ \t\u3000\xa0]+")
MAX_CAPTION_LINES = 3  # a table's title, owner and unit lines sit just above it
_NUMBERED_CAPTION = re.compile(r"^\s*(?:附)?表\s*[\d一二三四五六七八九十]")
MAX_TITLE_REACH = 6  # lines above a table its title may stand, with fields of the table between
_TITLE_LINE = re.compile(r"^[^。；;]{2,60}表\s*(?:[（(][^。]*[)）])?\s*$")  # "…绩效目标表（某项目）", "收支总表"


def clean_cell_text(text: str | None) -> str:
    """One-line form of a cell: inner newlines and runs of spaces folded to one space."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def glue(first: str, second: str) -> str:
    """Two pieces of text wrapped over lines, joined again: no space (figures stay whole), except between two
    Latin words."""
    word = first[-1:].isascii() and first[-1:].isalpha() and second[:1].isascii() and second[:1].isalpha()
    return f"{first} {second}" if word else first + second


class TextBuilder:
    """Collects lines and tables in reading order and produces a `RawDocument`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._lines: list[Line] = []
        self._tables: list[RawTable] = []
        self._page_starts: list[int] = []
        self._page: int | None = None
        self._recognised: list[RecognisedSpan] = []

    def _write(self, text: str) -> int:
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def new_page(self) -> None:
        """Marks the start of the next page; offsets written from now on belong to it."""
        if self._parts and not "".join(self._parts[-2:]).endswith("\n\n"):
            self._write("\n")
        self._page_starts.append(self._length)
        self._page = len(self._page_starts)

    def _mark_recognised(self, start: int, end: int, confidence: float | None) -> None:
        if confidence is not None and end > start:
            self._recognised.append(RecognisedSpan(start, end, self._page, confidence))

    def add_line(self, text: str, confidence: float | None = None) -> None:
        """Adds one non-table line (heading or paragraph); blank text is skipped. A line read from a page
        image gives the recogniser's `confidence`."""
        text = text.strip()
        if not text:
            return
        start = self._write(text)
        self._write("\n")
        self._lines.append(Line(text, start, start + len(text), self._page))
        self._mark_recognised(start, start + len(text), confidence)

    def add_table(self, rows: list[list[str | None]], confidences: list[list[float | None]] | None = None,
                  header: ReadHeader | None = None, unplaced: Collection[tuple[int, int]] = ()) -> None:
        """Adds a table given as rows of cell strings (None or '' for a blank cell); a table read from a
        page image gives each cell's recogniser confidence in `confidences`, row by row. A loader that read
        the header itself gives it as `header` (its rows must not be blank) and the (row, column) of each
        figure whose column it could not tell as `unplaced`."""
        kept = [
            (r, [clean_cell_text(c) for c in row], confidences[r] if confidences else [None] * len(row))
            for r, row in enumerate(rows)
        ]
        kept = [(r, row, sure) for r, row, sure in kept if any(row)]
        if not kept:
            return
        self._write("\n")
        table_rows: list[list[Cell]] = []
        loose: set[Cell] = set()
        for r, row, sure in kept:
            cells: list[Cell] = []
            for i, value in enumerate(row):
                if i:
                    self._write("\t")
                start = self._write(value)
                cells.append(Cell(value, start, start + len(value)))
                self._mark_recognised(start, start + len(value), sure[i])
                if (r, i) in unplaced:
                    loose.add(cells[-1])
            self._write("\n")
            table_rows.append(cells)
        self._write("\n")
        self._tables.append(RawTable(table_rows, self._page, header=header, unplaced=frozenset(loose)))

    def build(self, source: str, fmt: str) -> RawDocument:
        """The finished document, with each table's caption lines attached."""
        doc = RawDocument("".join(self._parts), self._lines, self._tables, source, fmt, self._page_starts, self._recognised)
        attach_captions(doc)
        return doc


def attach_captions(doc: RawDocument) -> None:
    """Gives each table the few non-table lines right above it (after the previous table). Two tables set side by
    side on a page share one title line ("一般公共预算“三公”经费支出预算表 机关运行经费预算表"): the one read first
    takes the left title, the one right after it, with no line of its own above, the right."""
    previous_end = 0
    previous: RawTable | None = None
    for table in doc.tables:
        start = table.start
        above = [ln for ln in doc.lines if previous_end <= ln.start < start]
        if not above and previous is not None and (paired := _paired_titles(previous.caption_lines)):
            at, left, right = paired
            previous.caption_lines = [*previous.caption_lines[:at], left, *previous.caption_lines[at + 1 :]]
            above = [right]
        table.caption_lines = _with_title(above)
        previous_end, previous = table.end, table


def _titles(line: Line) -> bool:
    """Whether a line reads as a table's title; never a part of the document ("第二部分 某局2024年度部门决算表")."""
    return bool(_TITLE_LINE.search(line.text)) and not DOCUMENT_PART.match(line.text.strip())


def _with_title(above: list[Line]) -> list[Line]:
    """The last lines above a table; with the line titling it before them when fields stand between the two
    ("项目支出绩效目标表（某项目）", then "project：某项目", "budget：186.00万元" and its goal)."""
    captions = above[-MAX_CAPTION_LINES:]
    if any(_titles(line) or _NUMBERED_CAPTION.match(line.text) for line in captions):
        return captions  # a title of its own, or a numbered caption ("表11-1 国家基本公共卫生服务项目")
    titled = next((line for line in reversed(above[-MAX_TITLE_REACH:-MAX_CAPTION_LINES]) if _titles(line)), None)
    return [titled, *captions] if titled else captions


_PAIRED_TITLES = re.compile(r"(?P<left>\S+?表)\s+(?P<right>\S+?表)")


def _paired_titles(captions: list[Line]) -> tuple[int, Line, Line] | None:
    """The caption line holding two table titles side by side, split into the left and the right title."""
    for at, line in enumerate(captions):
        if paired := _PAIRED_TITLES.fullmatch(line.text.strip()):
            offset = line.start + len(line.text) - len(line.text.lstrip())
            left = Line(paired["left"], offset + paired.start("left"), offset + paired.end("left"), line.page)
            right = Line(paired["right"], offset + paired.start("right"), offset + paired.end("right"), line.page)
            return at, left, right
    return None


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: encrypted OOXML or legacy .doc/.xls
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # uncompressed size of a DOCX/XLSX package; real disclosures are a few MB


def check_office_package(path: Path, kind: str, main_part: str) -> None:
    """Rejects a DOCX/XLSX file that is not a readable ZIP, lacks `main_part` or unpacks to an absurd size."""
    with open(path, "rb") as file:
        if file.read(8) == OLE_MAGIC:
            raise IngestError(path.name, f"cannot open as {kind}: password-protected, or an old binary .doc/.xls file renamed")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            size = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(path.name, f"cannot open as {kind}: damaged or not a ZIP package ({exc})") from exc
    if main_part not in names:
        raise IngestError(path.name, f"cannot open as {kind}: the package has no {main_part}")
    if size > MAX_PACKAGE_BYTES:
        raise IngestError(path.name, f"{kind} file too large: {size // 2**20} MB uncompressed (limit {MAX_PACKAGE_BYTES // 2**20} MB)")
