"""What a page prints around its content: page numbers ("第 11 页 共 19 页", "— 7 —", "3/19")."""

from __future__ import annotations

import re

_NUMBERING = r"(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–－]+\s*\d+\s*[-—–－]+|\d+\s*/\s*\d+)"
_PAGE_NUMBER = re.compile(rf"^{_NUMBERING}$")
_NUMBERED_AT_END = re.compile(rf"\s*{_NUMBERING}$")


def is_page_number(line: str) -> bool:
    """Whether the line only numbers the page."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def without_page_number(line: str) -> str:
    """The line without the page number it ends with ("某局2024年度部门决算 第8页" → "某局2024年度部门决算"): a running
    header or footer is the same line on every page but for it."""
    return _NUMBERED_AT_END.sub("", line.strip())
