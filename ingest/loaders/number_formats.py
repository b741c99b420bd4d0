"""A number as an Excel number format shows it, where the format changes its magnitude.

Workbooks may store one figure and show another: `0.00%` shows 0.0514 as 5.14%, `#,##0.00,` shows thousands, and
`0!.0000` (a literal point among the integer digits) shows 元 1680000 as 168.0000 under a 万元 header. The reader
sees the shown figure, so that is the one the text keeps. Formats that only round or group digits leave the stored
number as it is; so do formats this module does not read (fractions, exponents, dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

_DIGIT_PLACEHOLDERS = "0#?"
_UNREAD = re.compile(r"[eE][+-]|/")
_BRACKETED = re.compile(r"\[[^\]]*\]")


@dataclass(frozen=True)
class _Section:
    """One section of a number format, read into the parts that decide the shown figure."""

    integer: list[str]  # digit placeholders and literal characters before the decimal point, in order
    decimals: int
    thousands_scaling: int  # commas right after the last integer digit: each divides by 1000
    percent: int


def shown_number(number: Decimal, number_format: str) -> str | None:
    """The figure as `number_format` shows it, without grouping or decoration; None when the format keeps the
    stored figure (General, rounding and grouping only) or is one this module does not read."""
    sections = number_format.split(";")
    section = _read_section(sections[0])
    if section is None or not (section.percent or section.thousands_scaling or _has_inner_literal(section.integer)):
        return None
    value = abs(number) * Decimal(100) ** section.percent / Decimal(1000) ** section.thousands_scaling
    rounded = value.quantize(Decimal(1).scaleb(-section.decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    text = _fill_integer(section.integer, whole) + ("." + fraction if section.decimals else "") + "%" * section.percent
    return ("-" if number < 0 and rounded else "") + text


def _read_section(section: str) -> _Section | None:
    section = _BRACKETED.sub("", section)
    if _UNREAD.search(section) or not any(ch in section for ch in _DIGIT_PLACEHOLDERS):
        return None
    integer: list[str] = []
    decimals = scaling = percent = 0
    after_point = False
    pending_commas = 0
    chars = iter(section)
    for ch in chars:
        if ch in "\\!":
            literal = next(chars, "")
            if not after_point and literal:
                integer.append(literal)
            scaling, pending_commas = scaling + pending_commas, 0
        elif ch == '"':
            quoted = "".join(iter(lambda: next(chars, '"'), '"'))
            if not after_point and quoted:
                integer.append(quoted)
            scaling, pending_commas = scaling + pending_commas, 0
        elif ch in "_*":
            next(chars, "")  # a padding or fill character takes no place in the figure
        elif ch in _DIGIT_PLACEHOLDERS:
            pending_commas = 0
            if after_point:
                decimals += 1
            else:
                integer.append(ch)
        elif ch == "," and after_point:
            scaling += 1
        elif ch == ",":
            pending_commas += 1
        elif ch == ".":
            scaling += pending_commas
            pending_commas = 0
            after_point = True
        elif ch == "%":
            percent += 1
    if not after_point:
        scaling += pending_commas
    while integer and integer[-1] not in _DIGIT_PLACEHOLDERS:
        integer.pop()  # a suffix (元, a space) is decoration, not part of the figure
    while integer and integer[0] not in _DIGIT_PLACEHOLDERS:
        integer.pop(0)
    return _Section(integer, decimals, scaling, percent)


def _has_inner_literal(integer: list[str]) -> bool:
    return any(part not in _DIGIT_PLACEHOLDERS for part in integer)


def _fill_integer(integer: list[str], whole: str) -> str:
    """The integer digits placed right to left into the placeholders, literals kept where they stand; the leftmost
    placeholder takes all digits left over."""
    digits = list(whole.lstrip("0"))
    shown: list[str] = []
    placeholders_left = sum(part in _DIGIT_PLACEHOLDERS for part in integer)
    for part in reversed(integer):
        if part not in _DIGIT_PLACEHOLDERS:
            shown.append(part)
            continue
        placeholders_left -= 1
        if placeholders_left == 0:
            taken, digits = "".join(digits), []
        else:
            taken = digits.pop() if digits else ""
        shown.append(taken or ("0" if part == "0" else ""))
    return "".join(reversed(shown)) or "0"
