"""Prose set in two columns with no rule between them: where the gap between the columns runs down a PDF page, and
which characters stand left or right of it, so the left column is read before the right one.

Lines that run across the gap (a centred title, a closing paragraph set full width) cut the page into bands; each
band's left column comes before its right column. A page where neither side holds wrapped prose, or one side holds
many lines that are not (a table printed without rules, a list of short items), is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from ingest.punctuation import SENTENCE_END_MARKS

GUTTER_MIN_EM = 1.5  # a gap between two columns is at least this many characters wide …
GUTTER_BAND = (0.25, 0.75)  # … and lies in the middle half of the page
SPANNING_SHARE = 0.25  # at most this share of a page's lines (titles, a closing paragraph) runs across the gap
MIN_COLUMN_LINES = 4  # each column holds at least this many lines of prose …
PROSE_MIN_HANZI = 6  # … each holding this many Chinese characters …
WRAPPED_SHARE = 0.5  # … at least this share of them ends near the column's right edge (wrapped, not ragged) …
SENTENCE_SHARE = 0.5  # … and at least this share of them holds sentence punctuation (table rows hold none)
_SENTENCE_MARKS = frozenset("，。；")
_LIST_PAUSE = "、"  # inside a line, not after its item number: a list wraps mid-sentence too
_ITEM_NUMBER_WIDTH = 4  # "一、", "12、": a "、" this near a line's start numbers an item
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
    """Where the gap between two columns runs down the page, given the stretches each line covers: a gap in the page's
    middle band at least `bridge` wide that no line runs across, the one nearest the page's middle (so the last words
    of a paragraph carried over to an almost empty column stay on their side); else the widest gap that few lines run
    across (titles set across both columns)."""
    lo, hi = int(width * GUTTER_BAND[0]), int(width * GUTTER_BAND[1])
    steps = [0] * (hi - lo + 1)  # +1 where a stretch starts, -1 after it ends: their running sum counts the lines
    for start, end in (span for spans in covered for span in spans):
        first, last = max(lo, int(start)), min(hi - 1, int(end))
        if first <= last:
            steps[first - lo] += 1
            steps[last - lo + 1] -= 1
    crossing = list(accumulate(steps[:-1]))
    clear = [(start, end) for start, end in _runs_under(crossing, 0) if end - start >= bridge]
    if clear:
        start, end = min(clear, key=lambda run: abs(lo + (run[0] + run[1]) / 2 - width / 2))
        return lo + (start + end) / 2
    start, end = max(_runs_under(crossing, SPANNING_SHARE * len(covered)), key=lambda run: run[1] - run[0], default=(0, 0))
    return lo + (start + end) / 2 if end - start >= bridge else None


def _runs_under(crossing: list[int], allowed: float) -> list[tuple[int, int]]:
    """The stretches of positions where at most `allowed` lines run across."""
    runs, run_start = [], None
    for x, count in enumerate([*crossing, allowed + 1]):
        if count <= allowed:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            runs.append((run_start, x))
            run_start = None
    return runs


def _is_hanzi(char: dict) -> bool:
    return "\u4e00" <= char["text"] <= "\u9fff"


def _has_words(chars: list[dict]) -> bool:
    return any(map(_is_hanzi, chars))


def _is_prose(chars: list[dict]) -> bool:
    return sum(map(_is_hanzi, chars)) >= PROSE_MIN_HANZI


def _holds_sentence(part: list[dict]) -> bool:
    """Whether a line's part holds sentence punctuation (table rows hold none), a "、" past its item number too."""
    text = "".join(c["text"] for c in part).strip()
    return any(mark in text for mark in _SENTENCE_MARKS) or _LIST_PAUSE in text[_ITEM_NUMBER_WIDTH:]


def _wrapped_prose(parts: list[list[dict]]) -> bool:
    """Whether one side's parts of lines read as a column of wrapped prose."""
    prose = [part for part in parts if _is_prose(part)]
    if len(prose) < MIN_COLUMN_LINES:
        return False
    edge = max(part[-1]["x1"] for part in prose)
    sizes = sorted(c["size"] for part in prose for c in part)
    size = sizes[len(sizes) // 2]
    ending_near = sum(edge - part[-1]["x1"] <= WRAP_SLACK_EM * size for part in prose)
    sentences = sum(map(_holds_sentence, prose))
    return ending_near >= WRAPPED_SHARE * len(prose) and sentences >= SENTENCE_SHARE * len(prose)


def _carried_over(parts: list[list[dict]]) -> bool:
    """Whether one side's few parts of lines read as a paragraph's last words carried over to a column left almost
    empty: words, ending its sentence."""
    return 0 < len(parts) < MIN_COLUMN_LINES and all(map(_has_words, parts)) and parts[-1][-1]["text"] in SENTENCE_END_MARKS


def _two_columns(sides: list[list[list[dict]]]) -> bool:
    """Whether the parts of lines left and right of the gap read as two columns: wrapped prose on both sides, or on one
    side with a paragraph's last words carried over to the other."""
    wrapped = [_wrapped_prose(parts) for parts in sides]
    return any(wrapped) and all(ok or _carried_over(parts) for ok, parts in zip(wrapped, sides))


def column_runs(lines: list[list[dict]], width: float, usual: float) -> list[Run] | None:
    """The page's visual lines (chars left to right) regrouped for reading when its prose stands in two columns
    with no rule between them; None for a page laid out in one column."""
    bridge = GUTTER_MIN_EM * usual
    covered = [_covered(line, bridge) for line in lines]
    worded = [spans for spans, line in zip(covered, lines) if _has_words(line)]  # not a page number
    middle = _gutter(worded, width, bridge) if worded and usual else None
    if middle is None:
        return None
    sides = [[c for c in line if c["x1"] <= middle] for line in lines], [[c for c in line if c["x0"] >= middle] for line in lines]
    spanning = [any(start <= middle <= end for start, end in spans) for spans in covered]
    if not _two_columns([[part for part, across in zip(side, spanning) if part and not across] for side in sides]):
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
