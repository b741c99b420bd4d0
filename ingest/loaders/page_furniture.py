"""What a page prints around its content: page numbers ("第 11 页 共 19 页", "— 7 —", "3/19")."""

from __future__ import annotations

import re

_PAGE_NUMBER = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–－]+\s*\d+\s*[-—–－]+|\d+\s*/\s*\d+)$")


def is_page_number(line: str) -> bool:
    """Whether the line only numbers the page."""
    return bool(_PAGE_NUMBER.match(line.strip()))
