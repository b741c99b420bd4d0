"""How wide text prints in a fixed-width font: a wide (CJK, full-width) character takes two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """The display columns `text` takes."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
