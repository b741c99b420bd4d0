"""How findings name figures and places in their Chinese messages."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ingest.audit.grid import Grid

CENT = Decimal("0.01")


def wan(value: Decimal) -> str:
    """A money value in 万元 as a message shows it: two decimals, thousands separated."""
    return f"{value.quantize(CENT, ROUND_HALF_UP):,}万元"


def amount(value: Decimal, unit: str | None) -> str:
    """Money in 万元; any other figure as printed with its unit ("13,459平方米")."""
    if unit is None:
        return wan(value)
    return f"{value.normalize():,f}{unit}"


def percent(value: Decimal) -> str:
    return f"{value.quantize(CENT, ROUND_HALF_UP)}%"


def place(table: Grid | None) -> str:
    """ "文字" for a sentence, the table's title (or kind) for a table."""
    if table is None:
        return "文字"
    return f"《{table.table.title or table.kind.value}》"
