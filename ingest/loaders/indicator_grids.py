"""绩效目标表 indicator grids printed in plain text with their columns lined up by spaces:

    一级指标    二级指标        三级指标                指标值
    产出指标    数量指标        人工影响天气作业次数    ≥45次
                质量指标        作业安全事故            0起

Their targets are words and bounded counts (≥45次, 不断缩小), not the figures that mark a line as a table row, so the
rows would read as prose. Under a header line naming the indicator levels and the target column, each line that
keeps to the header's columns becomes tab-separated cells, a blank cell kept where the line leaves a column empty
(the label of the row above goes on); the table reader then reads the grid as it reads one copied from Word.
"""

from __future__ import annotations

from ingest.loaders.aligned_columns import Piece, line_pieces
from ingest.performance_headers import is_actual_header, is_value_header, level_of
from ingest.punctuation import PROSE

MIN_COLUMNS = 3  # a level, an indicator and its target at least


def _grid_header(line: str) -> list[Piece] | None:
    """The header's cells when the line heads an indicator grid: a level column and a target column among three or
    more, and no sentence."""
    pieces = line_pieces(line)
    texts = [p.text for p in pieces]
    if len(pieces) < MIN_COLUMNS or PROSE.search(line) or "\t" in line:  # tabs give their cells themselves
        return None
    levels = any(level_of(t) is not None for t in texts)
    return pieces if levels and any(map(_heads_targets, texts)) else None


def _heads_targets(text: str) -> bool:
    """Whether a header cell heads targets (指标值) or what was achieved (实际完成值)."""
    return is_value_header(text) or is_actual_header(text)


def _grid_row(line: str, header: list[Piece]) -> list[str] | None:
    """The line's cells under the header's columns (each cell in the column whose start is nearest its own), or
    None when it is no row of the grid: blank, a sentence, too few cells, or two cells under one column."""
    pieces = line_pieces(line)
    if len(pieces) < 2 or PROSE.search(line) or "\t" in line:
        return None
    cells = [""] * len(header)
    for piece in pieces:
        column = min(range(len(header)), key=lambda i: abs(header[i].start - piece.start))
        if cells[column]:
            return None
        cells[column] = piece.text
    return cells if any(cells[i] for i, p in enumerate(header) if _heads_targets(p.text)) else None  # it states one


def tabbed_grids(lines: list[str]) -> list[str]:
    """The lines with every space-aligned indicator grid written as tab-separated cells, header row included."""
    out = list(lines)
    at = 0
    while at < len(lines):
        header = _grid_header(lines[at])
        if header is None:
            at += 1
            continue
        out[at] = "\t".join(p.text for p in header)
        at += 1
        while at < len(lines) and (cells := _grid_row(lines[at], header)) is not None:
            out[at] = "\t".join(cells)
            at += 1
    return out
