"""Tables whose text keeps its columns lined up with spaces (a `.txt` saved from a PDF with its layout): each
cell is read from where it stands on the line.

A line is cut into pieces at runs of two or more spaces; a figure is always a piece of its own. Positions are
display columns (a wide character takes two). The table's columns are the stretches some row line prints in,
between the gaps no row line prints in. A header line's pieces go to the columns under them: a piece over one
column is that column's header, wrapped over lines it is joined ("项目" over "类型"); a piece over several heads
each of them, one header row up. A row line without figures continues the row above when each of its pieces sits
in a label column where the row above ran to the column's right edge (a long name wrapped onto the next line).

None when the lines do not keep their columns (a figure outside a figure column, two figures in one column, a figure
column without a header), and for a table of two sides (收入 beside 支出), whose side headers the header words tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.display_width import display_width
from ingest.loaders.builder import glue
from ingest.loaders.text_tables import heads_labels, is_figure
from ingest.numbers import counts_off
from ingest.tables import is_subject_code

MIN_COLUMNS = 3
WRAP_SLACK = 2  # display columns a wrapped cell's text may stop short of its column's right edge
HEADER_REACH = 8  # display columns between a header and the figures it heads when it stands over none of them
_CODE_HEADER = re.compile(r"编码|代码|编号")  # heads a column of codes, not of amounts


@dataclass(frozen=True)
class Piece:
    start: int  # display column of the first character
    end: int  # display column after the last character
    text: str

    @property
    def is_figure(self) -> bool:
        return is_figure(self.text)


def line_pieces(line: str) -> list[Piece]:
    """The line's text runs at their display positions: words one space apart stay one piece, figures never join."""
    pieces: list[Piece] = []
    last_end = -2  # character offset after the last word
    for word in re.finditer(r"\S+", line):
        start = display_width(line[: word.start()])
        piece = Piece(start, start + display_width(word.group()), word.group())
        last = pieces[-1] if pieces else None
        if last and not last.is_figure and not piece.is_figure and line[last_end : word.start()] == " ":
            pieces[-1] = Piece(last.start, piece.end, f"{last.text} {piece.text}")
        else:
            pieces.append(piece)
        last_end = word.end()
    return pieces


def _columns(lines: list[list[Piece]]) -> list[tuple[int, int]]:
    """The stretches of display columns the lines print in, left to right."""
    width = max((p.end for pieces in lines for p in pieces), default=0)
    filled = [False] * width
    for pieces in lines:
        for p in pieces:
            filled[p.start : p.end] = [True] * (p.end - p.start)
    columns: list[tuple[int, int]] = []
    for col, on in enumerate(filled):
        if on and (not columns or columns[-1][1] < col):
            columns.append((col, col + 1))
        elif on:
            columns[-1] = (columns[-1][0], col + 1)
    return columns


def _figure_columns(body: list[list[Piece]], columns: list[tuple[int, int]]) -> set[int]:
    """The columns where the rows print more figures than words."""
    balance = [0] * len(columns)
    for pieces in body:
        for piece in pieces:
            balance[_column_of(piece, columns)] += 1 if piece.is_figure else -1
    return {i for i, b in enumerate(balance) if b > 0}


def _with_empty_columns(columns: list[tuple[int, int]], head: list[list[Piece]]) -> list[tuple[int, int]]:
    """The columns with one more under each header piece that stands over none of them (a column no row fills)."""
    placed = _headed(head, columns)
    empty = [(p.start, p.end) for pieces in head for p in pieces if not placed[id(p)]]
    return sorted({*columns, *empty})


def _headed(head: list[list[Piece]], columns: list[tuple[int, int]]) -> dict[int, list[int]]:
    """The columns each header piece heads (by `id`): those it stands over, else the nearest one close by that no
    header piece stands over or has taken (a header centred beside figures set to the right), left to right."""
    placed = {id(p): _overlapped(p, columns) for pieces in head for p in pieces}
    taken = {i for found in placed.values() for i in found}
    for piece in sorted((p for pieces in head for p in pieces if not placed[id(p)]), key=lambda p: p.start):
        gaps = {i: max(a - piece.end, piece.start - b, 0) for i, (a, b) in enumerate(columns) if i not in taken}
        nearest = min(gaps, key=gaps.get, default=None)
        if nearest is not None and gaps[nearest] <= HEADER_REACH:
            placed[id(piece)] = [nearest]
            taken.add(nearest)
    return placed


def _column_of(piece: Piece, columns: list[tuple[int, int]]) -> int:
    return next(i for i, (a, b) in enumerate(columns) if a <= piece.start and piece.end <= b)


def _overlapped(piece: Piece, columns: list[tuple[int, int]]) -> list[int]:
    return [i for i, (a, b) in enumerate(columns) if piece.start < b and a < piece.end]


def _header_rows(head: list[list[Piece]], columns: list[tuple[int, int]]) -> list[list[str]]:
    """The header as rows of cells: a row of the pieces spanning columns (when any), then each column's own."""
    groups = [""] * len(columns)
    own = [""] * len(columns)
    placed = _headed(head, columns)
    for pieces in head:
        for piece in pieces:
            over = placed[id(piece)]
            if len(over) == 1:
                own[over[0]] = glue(own[over[0]], piece.text)
            else:
                for i in over:
                    groups[i] = glue(groups[i], piece.text)
    return [groups, own] if any(groups) else [own]


def _two_sided(head: list[list[Piece]], body: list[list[Piece]], columns: list[tuple[int, int]],
               figure_columns: set[int]) -> bool:
    """Whether a label header (项目) stands right of a column of amounts: 收入 beside 支出, each side with a header
    above it, which the header vocabulary reads (ingest/loaders/text_tables.py). A 序号 or 科目编码 column counts no
    amounts."""
    codes = {i for i in figure_columns if _codes(body, columns, i, head)}
    amounts = [i for i in sorted(figure_columns - codes) if not _numbers_rows(body, columns, i)]
    return bool(amounts) and any(p.start > columns[amounts[0]][0] and heads_labels(p.text)
                                 and not set(_overlapped(p, columns)) <= codes  # 功能科目编码 heads codes, no side
                                 for pieces in head for p in pieces)


def _codes(body: list[list[Piece]], columns: list[tuple[int, int]], column: int, head: list[list[Piece]]) -> bool:
    """Whether every figure of the column is a 科目编码 (30201, 2080505), or a whole number under a header naming codes
    (单位编码 301001)."""
    figures = [p.text for pieces in body for p in pieces if p.is_figure and _column_of(p, columns) == column]
    headed = " ".join(p.text for pieces in head for p in pieces if column in _overlapped(p, columns))
    return all(is_subject_code(f) for f in figures) or (_CODE_HEADER.search(headed) is not None and all(f.isdigit() for f in figures))


def _numbers_rows(body: list[list[Piece]], columns: list[tuple[int, int]], column: int) -> bool:
    """Whether the column counts the rows off: 1, 2, 3 … down its figures."""
    return counts_off([p.text for pieces in body for p in pieces if p.is_figure and _column_of(p, columns) == column])


def aligned_rows(head: list[str], lines: list[str]) -> list[list[str]] | None:
    """The table of header lines `head` above row lines `lines` as rows of cells, header rows first; None when
    the lines do not keep their columns aligned."""
    body = [line_pieces(line) for line in lines]
    if len(_columns(body)) < MIN_COLUMNS:
        return None
    head_pieces = [line_pieces(line) for line in head]
    columns = _with_empty_columns(_columns(body), head_pieces)
    figure_columns = _figure_columns(body, columns)
    header = _header_rows(head_pieces, columns)
    if (not figure_columns or len(figure_columns) == len(columns)
            or any(not header[-1][i] and not header[0][i] for i in figure_columns)
            or _two_sided(head_pieces, body, columns, figure_columns)):
        return None
    rows = _body_rows(body, columns, figure_columns)
    return None if rows is None else [*header, *rows]


def _body_rows(body: list[list[Piece]], columns: list[tuple[int, int]], figure_columns: set[int]) -> list[list[str]] | None:
    """Each line's pieces in their columns, a wrapped cell's next line joined to it; None when a figure stands
    outside a figure column or beside another in one."""
    rows: list[list[str]] = []
    ends: list[int] = []  # the display column each cell of the last row ends at
    for pieces in body:
        cells = [""] * len(columns)
        cell_ends = [0] * len(columns)
        for piece in pieces:
            i = _column_of(piece, columns)
            if piece.is_figure and (i not in figure_columns or cells[i]):
                return None
            cells[i] = glue(cells[i], piece.text)
            cell_ends[i] = piece.end
        wraps = rows and pieces and all(
            not p.is_figure and (i := _column_of(p, columns)) not in figure_columns and ends[i] >= columns[i][1] - WRAP_SLACK
            for p in pieces)
        if not wraps:
            rows.append(cells)
            ends = cell_ends
            continue
        for i, text in enumerate(cells):
            if text:
                rows[-1][i] = glue(rows[-1][i], text)
                ends[i] = cell_ends[i]
    return rows


def runs_on(head: list[str], lines: list[str], more: list[str]) -> bool:
    """Whether `more` carries on the aligned table of `head` over `lines`: in the same columns, each of its lines
    without figures only finishing a wrapped cell of the row above."""
    before, after = aligned_rows(head, lines), aligned_rows(head, lines + more)
    return bool(before and after) and len(after) == len(before) + sum(any(p.is_figure for p in line_pieces(line)) for line in more)
