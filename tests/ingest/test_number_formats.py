"""Workbook figures read as their number format shows them, where the format changes the magnitude."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ingest.loaders import load
from ingest.loaders.number_formats import shown_number
from loader_support import grid


@pytest.mark.parametrize(
    ("stored", "number_format", "shown"),
    [
        ("1680000", "0!.0000", "168.0000"),  # 元 stored, 万元 shown through a literal point
        ("96000", "0\\.0000", "9.6000"),
        ("50", "0!.0000", "0.0050"),
        ("-1286400", "0!.0000;-0!.0000", "-128.6400"),
        ("1234567", "#,##0.00,", "1234.57"),  # one trailing comma: thousands
        ("987654321", '0.0,,"百万"', "987.7"),
        ("0.0514", "0.00%", "5.14%"),
        ("0.125", "0%", "13%"),
        ("-0.0514", "[Red]0.0%", "-5.1%"),
    ],
)
def test_a_format_that_scales_shows_the_scaled_figure(stored: str, number_format: str, shown: str) -> None:
    assert shown_number(Decimal(stored), number_format) == shown


@pytest.mark.parametrize("number_format", ["General", "#,##0.00", "0.00", '#,##0.00"元"', "0.00E+00", "# ?/?", "@"])
def test_a_format_that_only_rounds_groups_or_decorates_keeps_the_stored_figure(number_format: str) -> None:
    assert shown_number(Decimal("1234567.891"), number_format) is None


def test_a_workbook_storing_yuan_shown_as_wan_yuan_reads_as_wan_yuan(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年部门支出预算表"])
    ws.append(["单位：万元"])
    ws.append(["项目", "预算数", "占比"])
    ws.append(["离休费", 1286400, 0.4])
    ws.append(["电费", 96000, 0.03])
    for row in ws.iter_rows(min_row=4, min_col=2, max_col=2):
        row[0].number_format = "0!.0000"
    for row in ws.iter_rows(min_row=4, min_col=3, max_col=3):
        row[0].number_format = "0.00%"
    path = tmp_path / "budget.xlsx"
    wb.save(path)
    table = load(path).tables[0]
    assert grid(table)[-2:] == [["离休费", "128.6400", "40.00%"], ["电费", "9.6000", "3.00%"]]
