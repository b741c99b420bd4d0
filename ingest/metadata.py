"""Detects department, year, kind and title from the document's own opening text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.model import DocumentKind, RawDocument
from ingest.numbers import ascii_digits
from ingest.tables import strip_table_number
from ingest.vocabulary import is_body_name, place_end, split_places

OPENING_CHARS = 3000  # cover pages and the first heading sit in the first pages
COVER_LINES = 12  # non-empty lines before the contents or the first heading
LABEL_PIECES = 3  # a labelled name may be broken by spaces or a line end: 江苏省人大 常委会办公厅
_OWN_LABELS = ("预算单位", "单位名称", "部门名称", "编制单位", "编制部门")  # labels of the body a document is about
_SUPERVISOR_LABELS = ("预算主管部门", "主管部门")  # the department over it: named only when nothing else is
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+部|目录|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．])"
)
_TITLE_NAMES = (  # the name around the year of "XX2024年部门预算" and "2024年度XX部门决算"
    re.compile(r"^(?P<name>.+?)20\d{2}年度?"),
    re.compile(r"^20\d{2}年度?(?P<name>.+?)(?:部门|单位)(?:预算|决算)"),
)
_VALUE_END = re.compile(r"[，。,;；:：]")
_NOTE = re.compile(r"[（(][^（）()]*[:：\d][^（）()]*[）)]?")  # a note on the name: （单位编码：218006）, not （本级）
# "2025年部门预算", "2025年单位收支预算总表": the year the disclosure is of
_TABLE_OF = r"(?:财务|财政拨款)?(?:收支|收入|支出)?"  # 财政拨款收支 in "…单位财政拨款收支预算总表"
_YEAR = re.compile(rf"(?P<year>20\d{{2}})\s*年度?\s*(?:区级|市级|省级|县级)?\s*(?:部门|单位)?\s*{_TABLE_OF}\s*(?:预算|决算)")
_ANY_YEAR = re.compile(r"(20\d{2})\s*年")
_NAMES_KIND = re.compile(r"(?:部门|单位)\s*(?:收支)?\s*(?:预算|决算)")  # a title that says which kind it is


@dataclass(frozen=True)
class DetectedMeta:
    """Metadata read from a document; any field may be None when the document does not say."""

    title: str
    department: str | None
    year: int | None
    kind: DocumentKind


def detect_metadata(doc: RawDocument) -> DetectedMeta:
    """Reads who, which year and which kind of disclosure from the opening text (full-width digits read as digits:
    "某街道办事处２０２５年部门预算")."""
    opening = ascii_digits(doc.text[:OPENING_CHARS])
    first_lines = [ascii_digits(ln.text.strip()) for ln in doc.lines[:12]]
    title = _title(first_lines)
    return DetectedMeta(
        title=title,
        department=_department(opening),
        year=_year(opening),
        kind=_kind(title) if _NAMES_KIND.search(title) else _kind(" ".join(first_lines[:4]) + opening[:600]),
    )


def _title(lines: list[str]) -> str:
    """The first line naming a 预算 or 决算, one that also names its year first ("预算公开表" is a sheet's name)."""
    named = [line for line in lines if ("预算" in line or "决算" in line) and len(line) <= 60]
    return next((line for line in named if _ANY_YEAR.search(line)), named[0] if named else lines[0] if lines else "")


def _department(opening: str) -> str | None:
    """The body the document is about, from its title line ("XX2024年部门预算"), a labelled line
    (预算单位：XX), a cover line naming a body, or else the 主管部门 line; a fuller name ending with the first
    found wins."""
    cover = _cover_lines(opening)
    found = [*_title_names(cover), *_labelled_names(opening, _OWN_LABELS), *_cover_names(cover),
             *_labelled_names(opening, _SUPERVISOR_LABELS)]
    if not found:
        return None
    return next((name for name in found if len(name) > len(found[0]) and name.endswith(found[0])), found[0])


def _cover_lines(opening: str) -> list[str]:
    """The opening's lines, spaces removed, up to the contents or the first heading."""
    lines: list[str] = []
    for raw in opening.splitlines():
        cells = [cell for cell in raw.split("\t") if cell.strip()]
        if len(cells) > 1 and cells[0].strip() in _OWN_LABELS:  # a form's row "部门名称 | 某局": its value
            raw = " ".join(cells[1:])
        line = re.sub(r"\s+", "", strip_table_number(raw))  # "表一 某镇人民政府2025年收支预算总表": not 表一某镇
        if _HEADING.match(line) or len(lines) == COVER_LINES:
            break
        if line:
            lines.append(line)
    return lines


def _title_names(cover: list[str]) -> list[str]:
    titles = [line for line in cover if "预算" in line or "决算" in line]
    found = (pattern.match(line) for line in titles for pattern in _TITLE_NAMES)
    return [match["name"] for match in found if match and is_body_name(match["name"])]


def _labelled_names(opening: str, labels: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for label in labels:
        for match in re.finditer(rf"{label}\s*[:：](?P<value>[^\n]*)\n?(?P<next>[^\n]*)", opening):
            pieces = _VALUE_END.split(_NOTE.sub("", match["value"]))[0].split() + _VALUE_END.split(match["next"])[0].split()[:1]
            names += _first_body(_joins(pieces))
    return names


def _joins(pieces: list[str]) -> list[str]:
    """The pieces joined one, two, three at a time from the first: 江苏省人大, 江苏省人大常委会办公厅."""
    return ["".join(pieces[:count]) for count in range(1, min(len(pieces), LABEL_PIECES) + 1)]


def _first_body(names: list[str]) -> list[str]:
    return next(([name] for name in names if is_body_name(name)), [])


def _cover_names(cover: list[str]) -> list[str]:
    """Cover lines that name a body, alone or with the next line (江苏省人大 / 常委会办公厅); a next line that opens
    with a place, or names a body of a place after its generic head, names its body whole (封面 / 栾溪市…局,
    封面 / 中共某县委党校: the sheet's name is no part of it)."""
    names: list[str] = []
    for line, following in zip(cover, [*cover[1:], ""]):
        whole = place_end(following) is not None or (is_body_name(following) and bool(split_places(following)[0]))
        names += _first_body([line, *([] if whole else [line + following])])
    return names


def _year(opening: str) -> int | None:
    match = _YEAR.search(opening)
    if match:
        return int(match["year"])
    years = Counter(_ANY_YEAR.findall(opening))
    return int(years.most_common(1)[0][0]) if years else None


def _kind(opening: str) -> DocumentKind:
    """The kind the title names; else the opening's: a 决算 named anywhere in it (a 职能 line's 决算草案 too)."""
    if re.search(r"(?<!预)决算", opening):
        return DocumentKind.FINAL_ACCOUNT
    if re.search(rf"单位{_TABLE_OF}预算", opening):
        return DocumentKind.UNIT_BUDGET
    return DocumentKind.DEPT_BUDGET
