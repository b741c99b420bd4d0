"""Tables a plain-text disclosure prints as one "item：figure；column figure；column figure" line a row (a newspaper's
or a web page's copy), rewritten as tab-separated cells under a header of their column names.

Under a table's title, a row opens with its item (and code) and a colon; its first figure, printed without a name,
is the item's total (合计); the figures after it are named by the words before them ("基本支出309.99"), also inside
brackets or after 其中 ("322.97（一般公共预算拨款322.97，上年结转0.00）", "…，其中基本支出212.60、项目支出140.50").
A line that opens no row carries on the row above it (the copy wraps lines anywhere: "…；项目支出" / "148.50").
Rows are rewritten only in runs of at least two that name the same columns; anything else is left as it is.
"""

from __future__ import annotations

import re

from ingest.loaders.text_rows import FIGURE, tab_lines

_ROW_START = re.compile(r"^[ \t\u3000]*(?:(?P<code>\d{3,7})[ \t\u3000]+)?(?P<item>[^：:；;，,\s\d][^：:；;，,]{0,40}?)[：:](?P<rest>.*)$")
_PART = re.compile(rf"^(?:其中)?(?P<name>[^：:；;，,、（）()]*?)\s*(?P<figure>{FIGURE})$")
_SEPARATORS = re.compile(r"[；;，,、（）()]")
TOTAL_COLUMN = "合计"  # the column of a row's figure printed without a name
MIN_ROWS = 2
MIN_COLUMNS = 2
MAX_WRAPS = 2  # lines a row may be wrapped onto after its first


def _parts(rest: str) -> list[tuple[str, str]] | None:
    """(column name, figure) for each figure after a row's colon, the first one's name "" when it has none; None
    when a piece is no figure."""
    pieces = [p.strip(" \u3000") for p in _SEPARATORS.split(rest) if p.strip(" \u3000")]
    parts = [(m["name"].strip(" \u3000"), m["figure"]) for p in pieces if (m := _PART.match(p))]
    if len(parts) != len(pieces) or len(parts) < MIN_COLUMNS or any(not name for name, _ in parts[1:]):
        return None
    return parts


def _rows(lines: list[str]) -> list[str]:
    """The lines with each row's wrapped lines joined onto it: the most lines opening no row that, joined on, make
    it a row of figures (a line of prose after a heading with a colon is never joined)."""
    joined: list[str] = []
    i = 0
    while i < len(lines):
        line, taken = lines[i], 1
        if _ROW_START.match(line):
            for more in range(MAX_WRAPS, 0, -1):  # the most lines that, joined on, still make a row of figures
                after = lines[i + 1 : i + 1 + more]
                if len(after) < more or any(not a.strip() or _ROW_START.match(a) for a in after):
                    continue
                whole = line + "".join(a.strip(" \u3000") for a in after)
                if _parts(_ROW_START.match(whole)["rest"]) is not None:
                    line, taken = whole, 1 + more
                    break
        joined.append(line)
        i += taken
    return joined


def _rewritten(run: list[re.Match], parts: list[list[tuple[str, str]]]) -> list[str]:
    coded = any(m["code"] for m in run)
    names = [name or TOTAL_COLUMN for name, _ in parts[0]]
    header = ["", *([""] if coded else []), *names]
    return tab_lines(header, [[*([m["code"] or ""] if coded else []), m["item"].strip(" \u3000"), *(f for _, f in p)]
                              for m, p in zip(run, parts, strict=True)])


def key_value_rows(lines: list[str]) -> list[str]:
    """The lines with runs of "item：figure；column figure…" rows rewritten as a header and tab-separated rows."""
    lines = _rows(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        run: list[re.Match] = []
        parts: list[list[tuple[str, str]]] = []
        while i + len(run) < len(lines) and (m := _ROW_START.match(lines[i + len(run)])) \
                and (p := _parts(m["rest"])) is not None and (not parts or [n for n, _ in p] == [n for n, _ in parts[0]]):
            run.append(m)
            parts.append(p)
        if len(run) >= MIN_ROWS:
            out += _rewritten(run, parts)
            i += len(run)
        else:
            out.append(lines[i])
            i += 1
    return out
