"""When two printed figures are one figure: every figure is rounded to its last printed digit, so a figure
stands for an interval, and arithmetic on figures gives an interval too.

- inside the interval (widened by half the stated figure's last digit): the same figure, no finding;
- within rounding (one unit of the coarser last digit, at least 0.01万元; for a percentage one unit of its
  last digit, as when it was cut rather than rounded): `info`;
- beyond: the document contradicts itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

ROUNDING_WAN = Decimal("0.01")  # a difference of one fen in 万元 is rounding, as the issue states
EXACT = Decimal("0.01")  # a figure printed without fen or hundredths ("686万元", "15", "8辆") is taken as exact to them


class Agreement(Enum):
    SAME = "same"
    ROUNDING = "rounding"
    DIFFERENT = "different"


@dataclass(frozen=True)
class Printed:
    """A figure as printed: its value, one unit of the last digit it is exact to (same unit as the value) and,
    when it was printed coarser than that, one unit of its last printed digit."""

    value: Decimal
    step: Decimal
    coarse: Decimal | None = None

    @classmethod
    def exact(cls, value: Decimal, printed_step: Decimal) -> Printed:
        """A figure printed without its hundredths (686万元, 8辆) is exact to them; were it rounded, the
        difference is within its printed step (then `info`)."""
        exact = min(printed_step, EXACT)
        return cls(value, exact, printed_step if printed_step > exact else None)

    @property
    def rounding(self) -> Decimal:
        return self.coarse or self.step

    @property
    def low(self) -> Decimal:
        return self.value - self.step / 2

    @property
    def high(self) -> Decimal:
        return self.value + self.step / 2


@dataclass(frozen=True)
class Interval:
    low: Decimal
    high: Decimal

    @classmethod
    def of(cls, figure: Printed) -> Interval:
        return cls(figure.low, figure.high)

    @classmethod
    def total(cls, figures: list[Printed]) -> Interval:
        return cls(sum((f.low for f in figures), Decimal(0)), sum((f.high for f in figures), Decimal(0)))

    def ratio(self, other: Interval) -> Interval | None:
        """self / other × 100, over every value both may stand for (None when `other` may be 0)."""
        if other.low <= 0 <= other.high:
            return None
        corners = [a / b * 100 for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(corners), max(corners))

    def minus(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    @property
    def middle(self) -> Decimal:
        return (self.low + self.high) / 2


def agreement(stated: Printed, expected: Interval, slack: Decimal) -> Agreement:
    """How a stated figure fits the interval the other figures give; `slack` is what rounding may add."""
    if expected.low < stated.high and stated.low < expected.high:  # two roundings of one value overlap
        return Agreement.SAME
    if expected.low - slack <= stated.value <= expected.high + slack:
        return Agreement.ROUNDING
    return Agreement.DIFFERENT


def money_agreement(stated: Printed, expected: Interval, others: list[Printed]) -> Agreement:
    """Money in 万元: rounding slack is one unit of the coarsest last printed digit, and at least 0.01万元."""
    return agreement(stated, expected, max([ROUNDING_WAN, stated.rounding, *(o.rounding for o in others)]))


def percent_agreement(stated: Printed, expected: Interval) -> Agreement:
    return agreement(stated, expected, stated.step)
