"""Tables a plain-text copy prints as one record a line of labelled fields ("项目名称：本年收入合计　　年初预算：2,386.40
　　决算：2,452.36", fields set apart by a full-width space, a tab or two spaces), or as a line of label fields
("科目编码：201　　科目名称：一般公共服务支出") followed by a line of figure fields ("年初预算：1,781.80　　决算合计：1,823.09"),
rewritten as tab-separated rows under a header of the figure fields' names.

A record's label fields come first: a code (编码, 代码, 编号, 序号), the item's name (the field named …名称, else the first)
and any other label ("实施单位：某中心", kept as a column of its own); its figure fields follow, on the same line or on the
next, after more labels ("功能科目：2012906 工会事务"). Runs of at least two records naming the same fields are rewritten;
anything else is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.loaders.text_rows import FIGURE, tab_lines

_GAP = re.compile(r"[ ]{2,}|[\u3000\t]+")
_FIELD = re.compile(r"^(?P<key>[^：:\d\s][^：:]{0,12}?)[：:]\s*(?P<value>\S.*)$")
_FIGURE_VALUE = re.compile(rf"^{FIGURE}\s*[%％]?$")
_CODE_KEY = re.compile(r"(?:编码|代码|编号|序号)$")
_NAME_KEY = re.compile(r"名称$")
MIN_RECORDS = 2


@dataclass(frozen=True)
class _Record:
    code: str
    item: str
    labels: tuple[tuple[str, str], ...]  # the other label fields: (name, text)
    names: tuple[str, ...]  # the figure fields' names, in order
    figures: tuple[str, ...]

    @property
    def fields(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What a record names: records of one table name the same label and figure fields."""
        return tuple(k for k, _ in self.labels), self.names


def _fields(line: str) -> list[tuple[str, str]] | None:
    """(name, value) of every field of a line made of labelled fields only, or None."""
    pieces = [p for p in _GAP.split(line.strip()) if p]
    fields = [(m["key"].strip(), m["value"].strip()) for p in pieces if (m := _FIELD.match(p))]
    return fields if fields and len(fields) == len(pieces) else None


def _split(fields: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
    """The label fields and the figure fields after them, or None when a label follows a figure."""
    labels = [f for f in fields if _CODE_KEY.search(f[0]) or not _FIGURE_VALUE.match(f[1])]
    first_figure = len(labels)
    if fields[:first_figure] != labels:
        return None
    return labels, fields[first_figure:]


def _record(labels: list[tuple[str, str]], figures: list[tuple[str, str]]) -> _Record | None:
    named = [(key, value) for key, value in labels if not _CODE_KEY.search(key)]
    if not named or not figures:
        return None
    item = next((field for field in named if _NAME_KEY.search(field[0])), named[0])
    code = next((value for key, value in labels if _CODE_KEY.search(key) and value.isdigit()), "")
    return _Record(code, item[1], tuple(f for f in named if f is not item), tuple(k for k, _ in figures),
                   tuple(v for _, v in figures))


def _records(lines: list[str]) -> list[tuple[int, int, _Record] | None]:
    """For each line, the record starting there with the number of lines it takes, or None."""
    found: list[tuple[int, int, _Record] | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        fields = _fields(line)
        split = _split(fields) if fields else None
        if split is None or not split[0]:
            continue
        labels, figures = split
        if figures:
            record = _record(labels, figures)
            found[i] = (i, 1, record) if record else None
        elif i + 1 < len(lines) and (after := _fields(lines[i + 1])) and (rest := _split(after)) and rest[1]:
            record = _record(labels + rest[0], rest[1])  # a line of labels, then the line of its figures
            found[i] = (i, 2, record) if record else None
    return found


def _rewritten(run: list[_Record]) -> list[str]:
    coded = any(r.code for r in run)
    labels, names = run[0].fields
    header = ["", *([""] if coded else []), *labels, *names]
    return tab_lines(header, [[*([r.code] if coded else []), r.item, *(text for _, text in r.labels), *r.figures] for r in run])


def labelled_records(lines: list[str]) -> list[str]:
    """The lines with runs of records of labelled fields rewritten as a header and tab-separated rows."""
    found = _records(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        run: list[_Record] = []
        at = i
        while at < len(lines) and (entry := found[at]) and (not run or entry[2].fields == run[0].fields):
            run.append(entry[2])
            at += entry[1]
        if len(run) >= MIN_RECORDS:
            out += _rewritten(run)
            i = at
        else:
            out.append(lines[i])
            i += 1
    return out
