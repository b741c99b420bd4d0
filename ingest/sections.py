"""Builds the section tree from heading lines: 第一部分 > 一、 > （一） > 1、/1./项目一： > table titles."""

from __future__ import annotations

import re

from ingest.model import Line, Section

# "项目三：省级临床重点专科建设项目" heads the block that describes that project
PROJECT_BLOCK = re.compile(r"^项目[一二三四五六七八九十\d]{1,3}\s*[：:、]\s*(?P<name>.*)$")
MAX_HEADING_CHARS = 40  # longer lines are paragraphs that happen to start with a list mark
MAX_TABLE_TITLE_CHARS = 64  # project names make 绩效目标表 titles long
DOCUMENT_PART = re.compile(r"^第[一二三四五六七八九十]+部分")  # "第二部分 …": a part of the document, never an item or a table
HEADING_LEVELS: list[tuple[int, re.Pattern[str]]] = [
    (1, DOCUMENT_PART),
    (2, re.compile(r"^[一二三四五六七八九十]+、")),
    (3, re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    (4, re.compile(r"^\d{1,2}\s*[、.．](?!\d)")),
    (4, PROJECT_BLOCK),
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


MIN_CONTENTS_RUN = 5  # without a 目录 line, a table of contents is a long run of headings repeated later
PROJECT_LEVEL = 1  # an unnumbered title over a series restarting at 一、 (项目经费情况说明) heads it
_CONTENTS_MARK = re.compile(r"^目\s*录$")


def _contents(levels: list[int | None], lines: list[Line]) -> set[int]:
    """Indexes of lines that form a table of contents: the 目录 line and the run of headings after it
    with no text between them, or a long such run whose titles are repeated as headings later on."""
    skipped: set[int] = set()
    i = 0
    while i < len(lines):
        marked = bool(_CONTENTS_MARK.match(lines[i].text.strip()))
        start = i + 1 if marked else i
        j = start
        while j < len(lines) and levels[j] is not None:
            j += 1
        if marked:
            skipped.update(range(i, j))
        elif j - start >= MIN_CONTENTS_RUN:
            later = {lines[k].text.strip() for k in range(j, len(lines)) if levels[k] is not None}
            if sum(lines[k].text.strip() in later for k in range(start, j)) * 2 >= j - start:
                skipped.update(range(start, j))
        i = max(j, i + 1)
    return skipped


def _is_title_over_series(text: str, next_text: str | None) -> bool:
    """A short unpunctuated line right before a series restarting at 一、/（一） is that series' title."""
    stripped = text.strip()
    return (
        next_text is not None and 2 <= len(stripped) <= MAX_HEADING_CHARS and not stripped.endswith(("。", "；", "，", "：", ":"))
        and not _CONTENTS_MARK.match(stripped)
        and heading_level(next_text) in (2, 3) and heading_number(next_text) == 1 and not any(c.isdigit() for c in stripped[-6:])
    )


def heading_levels(lines: list[Line]) -> list[int | None]:
    """The heading level of each line in context: contents entries are not headings; an unnumbered
    title over a restarting series is one."""
    levels = [heading_level(line.text) for line in lines]
    for i, line in enumerate(lines):
        if levels[i] is None and _is_title_over_series(line.text, lines[i + 1].text if i + 1 < len(lines) else None):
            levels[i] = PROJECT_LEVEL
    for i in _contents(levels, lines):
        levels[i] = None
    return levels


def build_sections(lines: list[Line], text_length: int) -> list[Section]:
    """Sections in document order; each ends where the next heading of its level or higher starts.

    A numbered heading that continues an earlier series (六、 after 四、 of the same level) goes back
    to that series' parent, even if a heading of a higher level came in between.
    """
    sections: list[Section] = []
    stack: list[Section] = []
    last_of_level: dict[int, Section] = {}
    for line, level in zip(lines, heading_levels(lines), strict=True):
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


def block_project(path: tuple[str, ...] | list[str]) -> str | None:
    """The project of the innermost 项目N： block in a heading chain ("项目三：省级临床重点专科建设项目"), or None."""
    block = next((m for m in map(PROJECT_BLOCK.match, reversed(path)) if m and m["name"].strip()), None)
    return block["name"].strip() if block else None
