"""Table rows a `.txt` disclosure prints without tabs or aligned columns, rewritten as tab-separated cells.

Two layouts are read:
- rows drawn with box characters ("│产出指标　│数量指标　│保洁面积　│≥46万平方米│") or Markdown pipes
  ("| 行政运行 | 6,248.60 |"): the bars separate the cells, full-width padding is dropped, and the border lines
  (┌─┬─┐, ├─┼─┤) are left out;
- runs of rows whose cells only bars set apart, none before the first cell or after the last
  ("年初结转和结余|286,420.00|年末结转和结余|360,830.42", as WPS saves a table as text);
- runs of "item：figure" lines ("  2010301 行政运行：6,248,600.00（基本支出）") or of dotted "item……figure" lines
  ("30217　公务接待费…………3.20"), each an item and its figure, and
  runs of "item：2024年 X；2025年 Y" lines, whose years become the column headers above the rows.

- indicator grids whose cells are set apart by single spaces, under a header of 绩效目标表 column words
  ("一级指标 二级指标 三级指标 指标值" over "产出指标 数量指标 购置CT =1台"): each row's leading 指标 words are its
  levels, its last words its values, and the words between the indicator's name.

Other lines are returned as they are.
"""

from __future__ import annotations

import re

from ingest.performance_headers import heads_indicator_grid, is_actual_header, is_value_header, level_of

_BARS = "│┃|｜"  # box-drawing bars, the ASCII bar of a Markdown pipe table, and its full-width form
_RULE = "┌┐└┘├┤┬┴┼─━┏┓┗┛┣┫┳┻╋－"  # corners, joints and rules (a full-width hyphen rules a 公告's tables)
_BORDER = re.compile(rf"^\s*[{_RULE}│┃｜\s]*[{_RULE}][{_RULE}│┃｜\s]*$")
# +------+=====+ of a table drawn in ASCII, and the ===== and ----- rules above, below and inside a table set in plain text
_ASCII_BORDER = re.compile(r"^\s*(?:\+(?:[-=]+\+)+|[-=]{3,}(?:\s+[-=]{3,})*)\s*$")
_BOX_ROW = re.compile(rf"^\s*[{_BARS}].*[{_BARS}]\s*$")
_BAR_ROW = re.compile(r"^\s*[^|｜\s][^|｜]*[|｜]")
FIGURE = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # a figure as a row prints it: 6,248,600.00
_LEADER = r"[…⋯·.．]{3,}|…+"  # the dots a printed list runs from an item to its figure ("公务接待费…………3.20")
_ITEM = (r"^[ \t\u3000]*(?:(?P<code>\d{3,7})\s+)?(?P<item>(?:其中[：:])?[^：:\s，。；][^：:，。；…⋯·]{0,40}?)"
         rf"\s*(?:[：:]|{_LEADER})\s*")
_ITEM_FIGURE = re.compile(rf"{_ITEM}(?P<figure>{FIGURE})\s*(?P<note>[（(][^（）()]*[)）])?\s*$")
_YEAR_FIGURE = re.compile(rf"(?P<year>(?:19|20)\d{{2}}\s*年度?)\s*(?P<figure>{FIGURE})")
_ITEM_YEARS = re.compile(rf"{_ITEM}(?P<pairs>(?:(?:19|20)\d{{2}}\s*年度?\s*{FIGURE}\s*[；;，,]?\s*){{2,}})$")
MAX_WRAPPED_LINES = 3  # the most text lines one ruled row's wrapped cells take
MIN_RUN = 3  # fewer "item：figure" lines are prose that happens to end in a figure
_LEVEL_END = "指标"  # 产出指标, 数量指标: the words of an indicator's levels


def _grid_header(line: str) -> list[str] | None:
    """The columns of a space-separated indicator grid header: levels from the first column on, then values."""
    words = line.split()
    values_from = next((i for i, w in enumerate(words) if level_of(w) is None), len(words))
    if len(words) < 3 or values_from == 0 or not heads_indicator_grid(words):
        return None
    return words if all(is_value_header(w) or is_actual_header(w) for w in words[values_from:]) else None


def _grid_cells(line: str, header: list[str]) -> list[str] | None:
    """A grid row's cells: its leading 指标 words right-aligned over the level columns before the indicator's name
    (a level left out is the one above's), its name, then one word per value column; None for any other line."""
    words = line.split()
    named_at = sum(level_of(w) is not None for w in header) - 1  # the last level column holds the indicator's name
    values = len(header) - named_at - 1
    lead = []
    while len(lead) < named_at and len(lead) < len(words) and words[len(lead)].endswith(_LEVEL_END):
        lead.append(words[len(lead)])
    name = words[len(lead) : len(words) - values]
    if not lead or not name:
        return None
    return [*[""] * (named_at - len(lead)), *lead, " ".join(name), *words[len(words) - values :]]


def _is_border(line: str) -> bool:
    return bool(line.strip()) and bool(_BORDER.match(line) or _ASCII_BORDER.match(line))


def _is_box_row(line: str) -> bool:
    return bool(_BOX_ROW.match(line)) and sum(line.count(bar) for bar in _BARS) >= 3


def _is_bar_row(line: str) -> bool:
    """A row whose cells bars set apart, with words or a figure before its first bar ("合计|19,516,570.00|")."""
    return bool(_BAR_ROW.match(line))


def _wrapped_rows(rows: list[str]) -> list[str]:
    """The text lines between two rules of a table ruled under every row: a line holding words only, in fewer cells
    than the line above, is the rest of that row's cells wrapped ("（2）公务用车运 | 1,326,000.00" then "行维护费 |")."""
    if len(rows) > MAX_WRAPPED_LINES:
        return rows  # rows under one rule: a table ruled only around its header
    merged: list[list[str]] = []
    for row in (r.split("\t") for r in rows):
        above = merged[-1] if merged else None
        filled = [c for c in row if c]
        if above and len(row) == len(above) and len(filled) < len([c for c in above if c]) \
                and not any(re.search(r"\d", c) for c in filled):
            merged[-1] = [a + c for a, c in zip(above, row)]
        else:
            merged.append(row)
    return ["\t".join(row) for row in merged]


def _box_cells(line: str) -> str:
    cells = re.split(rf"[{_BARS}]", line.strip())[1:-1]
    return "\t".join(cell.strip(" \u3000") for cell in cells)


def _item_cells(match: re.Match, coded: bool) -> list[str]:
    """The item's cells: its code (blank when the row has none) in a run where some row has one, then its name."""
    return [*([match["code"] or ""] if coded else []), match["item"].strip(" \u3000")]


def _kind(line: str) -> str | None:
    if _ITEM_YEARS.match(line):
        return "years"
    if _ITEM_FIGURE.match(line):
        return "figure"
    return None


def _rewritten_run(run: list[str], kind: str) -> list[str]:
    """A run of item lines as tab-separated rows; a run of year pairs gets its years as a header row first."""
    pattern = _ITEM_YEARS if kind == "years" else _ITEM_FIGURE
    matches = [pattern.match(line) for line in run]
    coded = any(m["code"] for m in matches)
    if kind == "years":
        header = ["", *([""] if coded else []), *_years(run[0])]
        return ["\t".join(header), *("\t".join([*_item_cells(m, coded), *(y["figure"] for y in _YEAR_FIGURE.finditer(m["pairs"]))])
                                    for m in matches)]
    return ["\t".join([*_item_cells(m, coded), m["figure"], *([m["note"]] if m["note"] else [])]) for m in matches]


def _years(line: str) -> list[str]:
    return [m["year"] for m in _YEAR_FIGURE.finditer(_ITEM_YEARS.match(line)["pairs"])]


def cell_rows(lines: list[str]) -> list[str]:
    """The lines with box-drawn rows and runs of item lines rewritten as tab-separated cells, border lines left out."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_border(line):
            i += 1
            continue
        if _is_box_row(line):
            j = i + 1
            while j < len(lines) and _is_box_row(lines[j]):
                j += 1
            ruled = 0 < i and j < len(lines) and _is_border(lines[i - 1]) and _is_border(lines[j])
            out += _wrapped_rows([_box_cells(row) for row in lines[i:j]]) if ruled else [_box_cells(row) for row in lines[i:j]]
            i = j
            continue
        if _is_bar_row(line):
            j = i + 1
            while j < len(lines) and _is_bar_row(lines[j]):
                j += 1
            if j - i >= MIN_RUN:
                out += ["\t".join(cell.strip(" \u3000") for cell in re.split(r"[|｜]", row.strip())) for row in lines[i:j]]
                i = j
                continue
        header = _grid_header(line)
        rows = []
        while header and i + 1 + len(rows) < len(lines) and (row := _grid_cells(lines[i + 1 + len(rows)], header)):
            rows.append("\t".join(row))
        if rows:
            out += ["\t".join(header), *rows]
            i += 1 + len(rows)
            continue
        kind = _kind(line)
        j = i + 1
        while kind and j < len(lines) and _kind(lines[j]) == kind and (kind != "years" or _years(lines[j]) == _years(line)):
            j += 1
        if kind and j - i >= MIN_RUN:
            out += _rewritten_run(lines[i:j], kind)
            i = j
            continue
        out.append(line)
        i += 1
    return out


def tab_lines(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table rewritten as lines: its header, then its rows, cells a tab apart."""
    return ["\t".join(line) for line in (header, *rows)]
