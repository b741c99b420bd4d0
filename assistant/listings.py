"""The list a sentence leads into: "具体包括：" / "明细如下:" followed by one item per line.

Documents name their units, projects and measures this way (机构设置, 单位构成, 绩效目标); a question
asking "包括哪些" is answered by the lines of that list, not by the sentence that announces it.
"""

from __future__ import annotations

import re

from ingest.tables import ListMark, list_mark

LEAD_IN_WINDOW_CHARS = 160  # the lead-in stands in the sentence's line or one of the two lines after it
LEAD_IN_LINES = 2
MAX_ITEMS = 30
MAX_ITEM_CHARS = 200  # a longer line is a paragraph, not an item, unless numbered as one ("（二）公务用车…")
MAX_LIST_CHARS = 1500  # numbered paragraphs past this are sections of their own
_LEAD_IN = re.compile(r"[:：][ \t\u3000]*")
_HEADER_ROW = re.compile(r"^(?:序号|编号)\t")  # a numbered table's header row ("序号\t单位名称\t备注")
_ROW_NUMBER = re.compile(r"^\d{1,3}\t")
TABLE_HEAD_LINES = 5  # lines a table's title, unit line and header take at most


def _lead_in_end(text: str, start: int, end: int) -> int | None:
    """Where the items begin: after a colon that closes the sentence's line or one of the next lines."""
    limit = end
    for _ in range(LEAD_IN_LINES + 1):
        line_end = text.find("\n", limit)
        limit = len(text) if line_end < 0 else line_end + 1
    limit = min(limit, end + LEAD_IN_WINDOW_CHARS)
    for colon in _LEAD_IN.finditer(text, start, limit):
        line_end = text.find("\n", colon.end())
        rest = text[colon.end() : len(text) if line_end < 0 else line_end]
        if not rest.strip() or list_mark(rest):  # "具体包括：\n1. …" or "具体包括： 1. …"
            return colon.end()
    return None


def _numbering(line: str) -> ListMark | str | None:
    """How an item is numbered: a list mark, a table row number, or None for a bare line."""
    return list_mark(line) or ("row" if _ROW_NUMBER.match(line) else None)


def listing_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the items the sentence at [start, end) leads into, or None when it leads into no list.

    Items run line by line until a blank line after them, a line numbered otherwise than the first item,
    an unnumbered line too long for an item, MAX_LIST_CHARS, or MAX_ITEMS.
    """
    begin = _lead_in_end(text, start, end)
    if begin is None:
        return None
    begin = _after_table_header(text, begin)  # "具体见下表：", or the table's title and unit lines right after the colon
    pos, first, last_end, count, style = begin, None, None, 0, None
    while pos < len(text) and count < MAX_ITEMS:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if not line:
            if count:
                break
        elif first is None and _HEADER_ROW.match(line):
            pass
        elif (len(line) > MAX_ITEM_CHARS and _numbering(line) is None) or (count and _numbering(line) != style) \
                or (first is not None and line_end - first > MAX_LIST_CHARS):
            break
        else:
            if first is None:
                first, style = pos + len(text[pos:line_end]) - len(text[pos:line_end].lstrip()), _numbering(line)
            last_end, count = pos + len(text[pos:line_end].rstrip()), count + 1
        pos = line_end + 1
    return (first, last_end) if count >= 2 and first is not None and last_end is not None else None


def _after_table_header(text: str, begin: int) -> int:
    """Where the rows of the table a lead-in points to begin: after its numbered header row ("序号\t单位名称…") when
    one stands within its first lines with only its title and unit lines before it, else `begin`."""
    pos = begin
    for _ in range(TABLE_HEAD_LINES):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if _HEADER_ROW.match(line):
            return line_end + 1
        if _numbering(line) is not None:  # an item of a list of its own comes first
            return begin
        pos = line_end + 1
    return begin
