"""Decimal arithmetic for computed answers, each result with the formula a person can re-check."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assistant.formatting import plain, rounded

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Computed:
    value: Decimal
    formula: str


def share(part: Decimal, whole: Decimal) -> Computed:
    """part as a percentage of whole: 8.5 ÷ 4530.34 × 100% = 0.19%."""
    result = rounded(part / whole * HUNDRED)
    return Computed(result, f"{plain(part)} ÷ {plain(whole)} × 100% = {plain(result)}%")


def growth_rate(current: Decimal, change: Decimal) -> Computed:
    """Growth over last year from this year's figure and the change: 585.31 ÷ (4530.34 − 585.31) = 14.84%."""
    previous = current - change
    result = rounded(change / previous * HUNDRED)
    return Computed(result, f"{plain(change)} ÷ ({plain(current)} − {plain(change)}) × 100% = {plain(result)}%")


def growth_between(current: Decimal, previous: Decimal) -> Computed:
    """Growth from last year's figure to this year's: (cur − prev) ÷ prev."""
    result = rounded((current - previous) / previous * HUNDRED)
    return Computed(result, f"({plain(current)} − {plain(previous)}) ÷ {plain(previous)} × 100% = {plain(result)}%")


def previous_year(current: Decimal, change: Decimal) -> Computed:
    """Last year's figure: this year's minus the increase (a decrease is a negative change)."""
    result = current - change
    sign = "−" if change >= 0 else "+"
    return Computed(result, f"{plain(current)} {sign} {plain(abs(change))} = {plain(result)}")


def total(values: list[Decimal]) -> Computed:
    result = sum(values, Decimal(0))
    return Computed(result, " + ".join(plain(v) for v in values) + f" = {plain(result)}")


def difference(a: Decimal, b: Decimal) -> Computed:
    result = a - b
    return Computed(result, f"{plain(a)} − {plain(b)} = {plain(result)}")
