"""How figures are shown to a person: exact decimals, thousands separators, the unit attached."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from ingest.numbers import convert_money, is_money

DISPLAY_PLACES = Decimal("0.01")
_CLAUSE_MARKS = "，,。；;、 "  # what a quoted clause may open or end with
_LOOSE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d.%“”（）])[ \t\u3000]+(?=[\u4e00-\u9fff\d“”（）])")


def plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: Decimal('8.50') → '8.5', Decimal('1E+2') → '100'."""
    return format(value.normalize(), "f")


def rounded(value: Decimal, places: Decimal = DISPLAY_PLACES) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def shown(value: Decimal, unit: str | None, qualifier: str | None = None) -> str:
    """'≤1037.00万元', '0.63万元', '4.20万元', '57平方米', '14.84%': money with two decimals as budgets print it, other
    figures with at most two (18976.7551 → 18976.76)."""
    figure = f"{rounded(value):f}" if is_money(unit) else plain(rounded(value))
    return f"{qualifier or ''}{figure}{unit or ''}"


def in_display_unit(value: Decimal, unit: str | None, display_unit: str, asked: bool = False) -> tuple[Decimal, str | None]:
    """Money converted to the display unit (exactly); other units unchanged. A sum that two decimals of the display
    unit cannot show exactly stays in its own unit: 24,662,632.80元 is not 2466.26万元, and 人均购书经费7.20元 not
    0.00万元; a unit the question `asked` for (多少万元) is kept unless it would show under 1."""
    if is_money(unit) and unit != display_unit:
        converted = convert_money(value, unit, display_unit)
        if rounded(converted) != converted and (not asked or abs(converted) < 1):
            return value, unit
        return converted, display_unit
    return value, unit


def readable(text: str) -> str:
    """Source text for an answer line: spaces a PDF put between characters dropped ("2024 年成立" → "2024年成立")."""
    return _LOOSE_SPACE.sub("", text)


def quoted_clause(quote: str) -> str:
    """A quoted clause without the marks it opens or ends with ("，比2024年预算持平，…。" → "比2024年预算持平，…")."""
    return quote.strip().strip(_CLAUSE_MARKS)


def stated_use(purpose: str) -> str:
    """How an item's stated purpose is said: an income is what its money is (为…学费、住宿费收入), anything else what
    the money is for (主要用于…)."""
    return f"为{purpose}" if purpose.endswith("收入") else f"主要用于{purpose}"
