"""Plain page text (a PDF's extracted page, a `.txt` disclosure): paragraphs and the tables printed in it.

Text extracted from a PDF hard-wraps narrative at the page width and flattens tables into lines of
space-separated values. Wrapped lines are joined back into paragraphs; runs of lines ending in
two or more figures ("合计 2,878,025 2,878,025 0") become tables, the column-header lines just above
a run stay one-cell rows, so the title and unit lines stay next to the table, and the columns those
header lines name are read from where the cells stand when the lines keep their columns aligned
(ingest/loaders/aligned_columns.py), else from the header words (ingest/loaders/text_tables.py). Numbers are never
split.

Rows copied from Word or Excel separate their cells with tabs, an empty cell included: a run of such
lines is a table whose cells are the ones the tabs give, header rows and all, like a Word table's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce

from ingest.display_width import display_width
from ingest.loaders.aligned_columns import aligned_rows, runs_on
from ingest.loaders.builder import TextBuilder, clean_cell_text, glue
from ingest.loaders.cell_lines import stacked_cells
from ingest.loaders.indicator_grids import tabbed_grids
from ingest.loaders.page_furniture import is_page_number
from ingest.loaders.key_value_rows import key_value_rows
from ingest.loaders.labelled_records import labelled_records
from ingest.loaders.text_rows import cell_rows
from ingest.loaders.text_tables import is_figure, row_cells, text_table
from ingest.numbers import ascii_digits
from ingest.punctuation import PROSE

MIN_WRAP_WIDTH = 40  # display columns; below this no line is taken to be hard-wrapped
FULL_LINE_SHARE = 0.9  # a line at least this share of the widest line ran into the page margin
MIN_WRAPPED_LINES = 10  # lines of one width that make it the page's wrap width
COMMON_WIDTH_SHARE = 0.8  # and it is at least this share of the widest text line
WRAP_JITTER = 2  # display columns a wrapped line may stop short of its width
MIN_INDENTED_PARAGRAPHS = 3  # indented lines that make indenting the way the text opens its paragraphs
MAX_BRIDGE_WIDTH = 40  # a label-only row inside a table run ("303 01离休费") is at most this wide
MAX_HEADER_LINES = 6  # column-header lines ("项目 预算数", "类款项") kept with the rows below them
MAX_HEADER_WIDTH = 120  # a landscape page's header of eight columns ("科目编码 科目名称 年初预算数 决算数 …")
MIN_ONE_FIGURE_RUN = 3  # lines in a row that end with one amount each make a table of one figure column
MIN_RUNNING_HEADER_REPEATS = 3  # a line printed this often is a running page header
ROW, HEAD, CELLS = "row", "head", "cells"  # a row of figures, a column-header line, a row of tab-separated cells

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*(?:[.．](?!\d)|、)|第[一二三四五六七八九十\d]+部分)")
_SENTENCE_END = tuple("。！？")
_CLOSERS = "”’」』）)"
_INDENT = re.compile(r"^(?: {2,}|\u3000)")
_HEADER_STOP = re.compile(r"[，。；！？：:]")  # title, 单位：元 and prose lines are not column headers


def _is_tab_row(line: str) -> bool:
    """Whether tabs separate two or more filled cells of the line (a row copied from Word or Excel)."""
    return sum(bool(cell.strip()) for cell in line.split("\t")) >= 2


def _trailing_figures(line: str) -> int:
    count = 0
    for token in reversed(line.split()):
        if not is_figure(token):
            break
        count += 1
    return count


def _words_width(line: str) -> int:
    """Display columns of a line's words one space apart (columns aligned with runs of spaces count once)."""
    return display_width(" ".join(line.split()))


def _is_table_row(line: str, in_run: bool) -> bool:
    """Two or more figures at the end; one inside a run; or, for a row of two sides (收入 beside 支出), a label and
    figure on each side."""
    figures = _trailing_figures(line)
    if figures >= 2:
        return True
    if figures == 0 or PROSE.search(line):
        return False
    return in_run or sum(is_figure(cell) for cell in row_cells(line)) >= 2


def _one_figure_runs(lines: list[str], tabbed: list[bool], rows: list[bool]) -> list[tuple[int, int]]:
    """Runs of lines that each end with one amount with decimals after a label, no prose (a table of one figure column:
    "30201　办公费　286500.00"); a page number or a count at a line's end has no decimals."""
    def fits(i: int) -> bool:
        tokens = lines[i].split()
        return (not tabbed[i] and not rows[i] and len(tokens) >= 2 and _trailing_figures(lines[i]) == 1
                and "." in ascii_digits(tokens[-1]) and not PROSE.search(lines[i]))

    runs, start = [], None
    for i in range(len(lines) + 1):
        if i < len(lines) and fits(i):
            start = i if start is None else start
        elif start is not None:
            if i - start >= MIN_ONE_FIGURE_RUN:
                runs.append((start, i))
            start = None
    return runs


def _is_header_line(line: str) -> bool:
    text = line.strip()
    return (bool(text) and not _HEADER_STOP.search(text) and not text.endswith("表") and not _HEADING.match(text)
            and _words_width(text) <= MAX_HEADER_WIDTH)


def tabbed_rows(lines: list[str]) -> list[bool]:
    """Which lines are rows of tab-separated cells: those with two filled cells, and any line with a tab
    between two of them (a row with one filled cell, a group label)."""
    tabbed = [_is_tab_row(line) for line in lines]
    found = [i for i, is_row in enumerate(tabbed) if is_row]
    for a, b in zip(found, found[1:]):
        if all("\t" in lines[k] for k in range(a + 1, b)):
            tabbed[a + 1 : b] = [True] * (b - a - 1)
    return tabbed


def table_runs(lines: list[str]) -> list[str | None]:
    """Marks each line of one page ROW, HEAD (a column-header line just above rows), CELLS (a row of
    tab-separated cells) or None (text)."""
    tabbed = tabbed_rows(lines)
    rows = [False] * len(lines)
    for i, line in enumerate(lines):
        rows[i] = not tabbed[i] and bool(line.strip()) and _is_table_row(line, i > 0 and rows[i - 1])
    for start, end in _one_figure_runs(lines, tabbed, rows):
        rows[start:end] = [True] * (end - start)
    for i in range(1, len(lines) - 1):  # a label-only row between two rows stays in the table
        line = lines[i].strip()
        if not rows[i] and not tabbed[i] and rows[i - 1] and rows[i + 1] and _is_label_only(line):
            rows[i] = True
    marks: list[str | None] = [CELLS if tab else ROW if row else None for tab, row in zip(tabbed, rows, strict=True)]
    for i in range(len(lines)):
        if rows[i] and (i == 0 or not rows[i - 1]):
            j = i - 1
            while j >= 0 and i - j <= MAX_HEADER_LINES and marks[j] is None and _is_header_line(lines[j]):
                marks[j] = HEAD
                j -= 1
    return marks


def wrap_width(pages: Iterable[tuple[list[str], list[str | None]]]) -> int:
    """Where a hard-wrapped line of the pages (lines with their marks) runs to: the width most of the long text
    lines share, when enough do (a few lines padded past the margin, "部门：… 单位：万元", do not set it), else the
    widest text line."""
    widths = [display_width(ln.rstrip()) for lines, marks in pages for ln, mark in zip(lines, marks, strict=True) if not mark]
    widest = max(widths, default=0)
    long_lines = Counter(w for w in widths if w >= MIN_WRAP_WIDTH)
    # a wrapped line stops a column short of the margin when a wide character does not fit
    reaching = {w: sum(n for v, n in long_lines.items() if w - WRAP_JITTER <= v <= w) for w in long_lines}
    common = max(reaching, key=lambda w: (reaching[w], w), default=0)
    if reaching and reaching[common] >= MIN_WRAPPED_LINES and common >= COMMON_WIDTH_SHARE * widest:
        return common
    return widest


def _ends_paragraph(line: str, width: int) -> bool:
    """A line ends its paragraph unless it ran into the margin without closing a sentence or naming a table."""
    text = line.rstrip().rstrip(_CLOSERS) or line.rstrip()
    if text.endswith(_SENTENCE_END) or text.endswith("表") or re.match(r"^第.+部分$", text.strip()):
        return True
    return width < MIN_WRAP_WIDTH or display_width(line.rstrip()) < FULL_LINE_SHARE * width


def _runs_on(line: str) -> bool:
    """Whether a line of prose (a numbered one too: "1.行政运行（项）…，增长") stops inside its sentence."""
    text = line.strip().rstrip(_CLOSERS) or line.strip()
    return bool(PROSE.search(text)) and not text.endswith((*_SENTENCE_END, "：", ":", "表"))


def _starts_paragraph(line: str) -> bool:
    return bool(_INDENT.match(line) or _HEADING.match(line.strip()))


def _join(parts: list[str]) -> str:
    return clean_cell_text(reduce(glue, (part.strip() for part in parts), ""))


@dataclass
class Block:
    """One table's lines on a page: its column-header lines, then its rows; `tabbed` rows give their cells by tabs."""

    head: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    tabbed: bool = False


def page_items(lines: list[str], marks: list[str | None]) -> list[str | Block]:
    """A page's text lines and table blocks in order."""
    items: list[str | Block] = []
    for line, mark in zip(lines, marks, strict=True):
        if not mark:
            items.append(line)
            continue
        last = items[-1] if items and isinstance(items[-1], Block) else None
        block = last if last and last.tabbed == (mark == CELLS) and (mark != HEAD or not last.rows) else None
        if block is None:
            block = Block(tabbed=mark == CELLS)
            items.append(block)
        (block.head if mark == HEAD else block.rows).append(line)
    return items


def _is_page_furniture(line: str, repeated: set[str]) -> bool:
    """A blank line, a page number ("第 11 页 共 19 页", "- 3 -") or a running header the document repeats."""
    text = line.strip()
    return not text or is_page_number(text) or text in repeated


def _carry_over_page_breaks(items: list[str | Block]) -> list[str | Block]:
    """A table block that follows another across page furniture and runs on in its aligned columns (its label
    lines above the first row only finish the last row's wrapped names) joins that block: a table running on over
    a page break of text saved with its layout. The furniture between them is dropped."""
    counts = Counter(item.strip() for item in items if isinstance(item, str) and item.strip())
    repeated = {text for text, n in counts.items() if n >= MIN_RUNNING_HEADER_REPEATS}
    out: list[str | Block] = []
    for item in items:
        if isinstance(item, Block) and not item.tabbed:
            at = len(out) - 1
            while at >= 0 and isinstance(out[at], str) and _is_label_line(out[at]) and not _is_page_furniture(out[at], repeated):
                at -= 1
            labels = at + 1
            while at >= 0 and isinstance(out[at], str) and _is_page_furniture(out[at], repeated):
                at -= 1
            before = out[at] if at >= 0 else None
            rows = [*out[labels:], *item.head, *item.rows]
            if isinstance(before, Block) and before.head and not before.tabbed and runs_on(before.head, before.rows, rows):
                before.rows += rows
                del out[at + 1 :]
                continue
        out.append(item)
    return out


def _is_label_only(text: str) -> bool:
    """A short line of words without sentence marks ("303 01离休费"), as a label-only row prints."""
    return bool(text) and not PROSE.search(text) and _words_width(text) <= MAX_BRIDGE_WIDTH


def _is_label_line(line: str) -> bool:
    """A label-only line that is no table title nor heading, as a wrapped table cell prints."""
    text = line.strip()
    return _is_label_only(text) and not text.endswith("表") and not _HEADING.match(text)


def write_page(builder: TextBuilder, items: list[str | Block], width: int) -> None:
    """Text lines are joined into paragraphs (`width`: the widest text line); each table block becomes a table. Where
    paragraphs open indented, a line that closes no sentence runs on into the next line that opens none, however
    short it is ("…比2024年预算1018.65万" / "元增加136.71万元")."""
    paragraph: list[str] = []
    indented = sum(isinstance(item, str) and bool(_INDENT.match(item)) for item in items) >= MIN_INDENTED_PARAGRAPHS

    def flush_paragraph() -> None:
        builder.add_line(_join(paragraph))
        paragraph.clear()

    for item in _carry_over_page_breaks(items):
        if isinstance(item, Block):
            flush_paragraph()
            if item.tabbed:
                builder.add_table([line.split("\t") for line in item.rows])
            else:
                aligned = aligned_rows(item.head, item.rows)
                if aligned:
                    builder.add_table(aligned)
                else:
                    table = text_table(item.head, item.rows)
                    builder.add_table(table.rows, header=table.header, unplaced=table.unplaced)
            continue
        if not item.strip():
            flush_paragraph()
            continue
        if _starts_paragraph(item):
            flush_paragraph()
        paragraph.append(item)
        if _ends_paragraph(item, width) and not (indented and _runs_on(item)):
            flush_paragraph()
    flush_paragraph()


def plain_page(text: str) -> tuple[list[str], list[str | None]]:
    """Plain text as one page's lines (box-drawn and ruled rows as cells) and what each line is (`table_runs`)."""
    lines = tabbed_grids(cell_rows(key_value_rows(labelled_records(stacked_cells(text.split("\n"))))))
    return lines, table_runs(lines)


def write_plain_page(builder: TextBuilder, lines: list[str], marks: list[str | None]) -> None:
    """One page of plain text: tables aligned in columns or drawn with rules, wrapped lines joined into paragraphs."""
    write_page(builder, page_items(lines, marks), wrap_width([(lines, marks)]))
