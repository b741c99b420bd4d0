"""Builds the section tree from heading lines: 第一部分 > 一、 > （一） > 1、/1. > table titles."""

from __future__ import annotations

import re

from ingest.model import Line, Section

MAX_HEADING_CHARS = 40  # longer lines are paragraphs that happen to start with a list mark
MAX_TABLE_TITLE_CHARS = 64  # project names make 绩效目标表 titles long
HEADING_LEVELS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"^第[一二三四五六七八九十]+部分")),
    (2, re.compile(r"^[一二三四五六七八九十]+、")),
    (3, re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    (4, re.compile(r"^\d{1,2}\s*[、.．](?!\d)")),
    (5, re.compile(r"^.{2,64}表$")),
]


def heading_level(line: str) -> int | None:
    """The heading level of a line, or None for body text."""
    text = line.strip()
    limit = MAX_TABLE_TITLE_CHARS if text.endswith("表") else MAX_HEADING_CHARS
    if len(text) > limit or text.endswith(("。", "；", "，")):
        return None
    for level, pattern in HEADING_LEVELS:
        if pattern.match(text):
            return level
    return None


_NUMERAL = re.compile(r"^[（(]?(?P<n>[一二三四五六七八九十]+|\d{1,2})")
_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def heading_number(title: str) -> int | None:
    """The ordinal a heading starts with: 六、 → 6, （十一） → 11, 3. → 3."""
    match = _NUMERAL.match(title.strip())
    if not match:
        return None
    text = match["n"]
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + _DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _DIGITS[tens] * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(text)


def build_sections(lines: list[Line], text_length: int) -> list[Section]:
    """Sections in document order; each ends where the next heading of its level or higher starts.

    A numbered heading that continues an earlier series (六、 after 四、 of the same level) goes back
    to that series' parent, even if a heading of a higher level came in between.
    """
    sections: list[Section] = []
    stack: list[Section] = []
    last_of_level: dict[int, Section] = {}
    for line in lines:
        level = heading_level(line.text)
        if level is None:
            continue
        number = heading_number(line.text)
        earlier = last_of_level.get(level)
        resumes = (
            number is not None and number > 1 and earlier is not None
            and (heading_number(earlier.title) or 0) < number and earlier not in stack
        )
        while stack and (stack[-1].level >= level or (resumes and stack[-1].id != earlier.parent)):
            stack.pop().end = line.start
        parent = stack[-1] if stack else None
        section = Section(
            id=len(sections),
            title=line.text.strip(),
            level=level,
            start=line.start,
            end=text_length,
            path=(*(parent.path if parent else ()), line.text.strip()),
            parent=parent.id if parent else None,
        )
        sections.append(section)
        stack.append(section)
        last_of_level[level] = section
    for open_section in stack:
        open_section.end = text_length
    return sections


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The deepest section containing `offset`."""
    best = None
    for section in sections:
        if section.start <= offset < section.end and (best is None or section.level > best.level):
            best = section
    return best


def top_section_id(sections: list[Section], section: Section | None) -> int | None:
    """The id of the outermost ancestor of `section` (the unit chunks never cross)."""
    while section is not None and section.parent is not None:
        section = sections[section.parent]
    return section.id if section else None
