"""Prose set in two columns with no rule between them: where the gap between the columns runs down a PDF page, and
which characters stand left or right of it, so the left column is read before the right one.

Lines that run across the gap (a centred title, a closing paragraph set full width) cut the page into bands; each
band's left column comes before its right column. A page whose sides do not both hold wrapped prose (a table printed
without rules, a list of short items) is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

GUTTER_MIN_EM = 1.5  # a gap between two columns is at least this many characters wide …
GUTTER_BAND = (0.25, 0.75)  # … and lies in the middle half of the page
SPANNING_SHARE = 0.25  # at most this share of a page's lines (titles, a closing paragraph) runs across the gap
MIN_COLUMN_LINES = 4  # each column holds at least this many lines of prose …
PROSE_MIN_HANZI = 6  # … each holding this many Chinese characters …
WRAPPED_SHARE = 0.5  # … at least this share of them ends near the column's right edge (wrapped, not ragged) …
SENTENCE_SHARE = 0.5  # … and at least this share of them holds sentence punctuation (table rows hold none)
_SENTENCE_MARKS = frozenset("，。；")
WRAP_SLACK_EM = 2.0  # characters short of the column's edge a wrapped line may end


@dataclass
class Run:
    """Characters read together: one line across the page, or one column of a band."""

    chars: list[dict]
    column: bool


def _covered(line: list[dict], bridge: float) -> list[tuple[float, float]]:
    """The stretches of the page a line's ink covers, gaps narrower than `bridge` included."""
    spans: list[tuple[float, float]] = []
    for c in line:
        if spans and c["x0"] - spans[-1][1] < bridge:
            spans[-1] = (spans[-1][0], max(spans[-1][1], c["x1"]))
        else:
            spans.append((c["x0"], c["x1"]))
    return spans


def _gutter(covered: list[list[tuple[float, float]]], width: float, bridge: float) -> float | None:
    """The middle of the widest gap in the page's middle band that few lines (given by the stretches they cover) run
    across, if it is wide enough."""
    lo, hi = int(width * GUTTER_BAND[0]), int(width * GUTTER_BAND[1])
    steps = [0] * (hi - lo + 1)  # +1 where a stretch starts, -1 after it ends: their running sum counts the lines
    for start, end in (span for spans in covered for span in spans):
        first, last = max(lo, int(start)), min(hi - 1, int(end))
        if first <= last:
            steps[first - lo] += 1
            steps[last - lo + 1] -= 1
    crossing = list(accumulate(steps[:-1]))
    allowed = SPANNING_SHARE * len(covered)
    best, run_start = (0, 0), None
    for x, count in enumerate([*crossing, len(covered) + 1]):
        if count <= allowed:
            run_start = x if run_start is None else run_start
            continue
        if run_start is not None and x - run_start > best[1] - best[0]:
            best = (run_start, x)
        run_start = None
    return lo + (best[0] + best[1]) / 2 if best[1] - best[0] >= bridge else None


def _is_prose(chars: list[dict]) -> bool:
    return sum("\u4e00" <= c["text"] <= "\u9fff" for c in chars) >= PROSE_MIN_HANZI


def _wrapped_prose(parts: list[list[dict]]) -> bool:
    """Whether one side's parts of lines read as a column of wrapped prose."""
    prose = [part for part in parts if _is_prose(part)]
    if len(prose) < MIN_COLUMN_LINES:
        return False
    edge = max(part[-1]["x1"] for part in prose)
    sizes = sorted(c["size"] for part in prose for c in part)
    size = sizes[len(sizes) // 2]
    ending_near = sum(edge - part[-1]["x1"] <= WRAP_SLACK_EM * size for part in prose)
    sentences = sum(any(c["text"] in _SENTENCE_MARKS for c in part) for part in prose)
    return ending_near >= WRAPPED_SHARE * len(prose) and sentences >= SENTENCE_SHARE * len(prose)


def column_runs(lines: list[list[dict]], width: float, usual: float) -> list[Run] | None:
    """The page's visual lines (chars left to right) regrouped for reading when its prose stands in two columns
    with no rule between them; None for a page laid out in one column."""
    bridge = GUTTER_MIN_EM * usual
    covered = [_covered(line, bridge) for line in lines]
    middle = _gutter(covered, width, bridge) if lines and usual else None
    if middle is None:
        return None
    sides = [[c for c in line if c["x1"] <= middle] for line in lines], [[c for c in line if c["x0"] >= middle] for line in lines]
    spanning = [any(start <= middle <= end for start, end in spans) for spans in covered]
    if not all(_wrapped_prose([part for part, across in zip(side, spanning) if part and not across]) for side in sides):
        return None
    runs: list[Run] = []
    left: list[dict] = []
    right: list[dict] = []
    for line, across, left_part, right_part in zip(lines, spanning, *sides, strict=True):
        if across:
            runs += [Run(part, True) for part in (left, right) if part]
            runs.append(Run(line, False))
            left, right = [], []
        else:
            left += left_part
            right += right_part
    runs += [Run(part, True) for part in (left, right) if part]
    return runs
