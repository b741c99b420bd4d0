"""The one place that knows how sentences end, which marks wrap a name, how items are numbered and how numbers are printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.loaders.page_furniture import is_page_number
from ingest.numbers import declared_units, find_table_unit, header_unit, is_money, parse_counted, parse_number, parse_quantity, printed_numbers
from ingest.punctuation import QUOTES, QUOTES_AND_BRACKETS, SENTENCE
from ingest.tables import ListMark, list_mark


def test_printed_numbers_read_thousands_separators_and_keep_neighbours_apart() -> None:
    assert printed_numbers("收入1,307.00万元，比上年减少2,163.37万元，下降3%") == [Decimal("1307.00"), Decimal("2163.37"), Decimal("3")]
    assert printed_numbers("1307.00,25.40") == [Decimal("1307.00"), Decimal("25.40")]  # a table row printed with commas
    assert printed_numbers("减少-16万元") == [Decimal("16")]  # magnitudes: the sign is worded
    assert printed_numbers("无") == []


def test_sentences_end_at_their_marks_and_at_line_ends() -> None:
    text = "公务接待费0.63万元。比上年减少！原因如下；\n下一行"
    assert [m.group() for m in SENTENCE.finditer(text)] == ["公务接待费0.63万元。", "比上年减少！", "原因如下；", "下一行"]


def test_quote_and_bracket_marks_leave_the_bare_name() -> None:
    assert QUOTES.sub("", "“三公”经费") == "三公经费"
    assert QUOTES_AND_BRACKETS.sub("", "因公出国（境）费用「合计」《表》") == "因公出国境费用合计表"


def test_list_marks_tell_items_sub_items_and_parts_apart() -> None:
    assert [list_mark(text) for text in ("一、收入预算", "（二）公务用车购置及运行费0万元", "(3)公务接待费", "2．支出", "2.5万元", "其中：购置费")] == [
        ListMark.ITEM, ListMark.SUB_ITEM, ListMark.SUB_ITEM, ListMark.PART, None, None]


@pytest.mark.parametrize("header, unit", [("决算数为调整预算数的%", "%"), ("增减率（%）", "%"), ("执行率", "%"), ("占比", "%"),
                                          ("项目支出（万元）", "万元"), ("增减额", None), ("比上年增减", None)])
def test_a_column_header_declares_percentages_or_money(header: str, unit: str | None) -> None:
    assert header_unit(header) == unit


def test_full_width_digits_are_read_as_numbers() -> None:
    assert parse_quantity("１２．５０").value == Decimal("12.50")
    assert (parse_quantity("－９．４２％").value, parse_quantity("－９．４２％").unit) == (Decimal("-9.42"), "%")


def test_a_triangle_before_a_figure_marks_a_decrease() -> None:
    """决算 tables print a decrease as "△132.62" (表中带“△”的数字为减少数)."""
    assert parse_quantity("△132.62").value == Decimal("-132.62")
    assert (parse_quantity("△2.45%").value, parse_quantity("△2.45%").unit) == (Decimal("-2.45"), "%")
    assert parse_number("△1,162.50") == Decimal("-1162.50")
    assert printed_numbers("公务接待费预算１．２０万元") == [Decimal("1.20")]


def test_counts_in_ten_thousands_and_in_units_of_their_own_field() -> None:
    assert parse_quantity("≥6.5万条") == parse_counted("≥6.5万条")
    assert parse_quantity("≥6.5万条").unit == "万条" and parse_quantity("≥6.5万条").value == Decimal("6.5")
    found = parse_counted("≥42万画幅")
    assert (found.value, found.unit, found.qualifier) == (Decimal("42"), "万画幅", "≥")
    assert parse_quantity("≥42万画幅") is None  # a cell of any table is read in the units the vocabulary knows
    for not_counted in ("≤2.80元", "2025年", "30日内", "10分钟以内", "合格"):
        assert parse_counted(not_counted) is None, not_counted


@pytest.mark.parametrize("cell, value, unit, qualifier", [("≤31微克/立方米", "31", "微克/立方米", "≤"),
                                                     ("≤0.5毫克/升", "0.5", "毫克/升", "≤"), ("55分贝", "55", "分贝", None)])
def test_an_indicator_measured_in_a_physical_unit_is_a_quantity(cell, value, unit, qualifier) -> None:
    found = parse_quantity(cell)
    assert (found.value, found.unit, found.qualifier) == (Decimal(value), unit, qualifier)


@pytest.mark.parametrize("line, numbers_the_page", [
    ("— 7 —", True), ("- 12 -", True), ("第 11 页 共 19 页", True), ("第3页", True), ("3/19", True),
    ("7", False), ("一、部门职责", False), ("合计 — 7 —", False),
])
def test_page_number_lines(line: str, numbers_the_page: bool) -> None:
    assert is_page_number(line) is numbers_the_page


@pytest.mark.parametrize("line, money, counts", [
    ("部门预算单位构成及收支预算情况表；单位：人、万元", "万元", ("人",)),
    ("单位：万元、人", "万元", ("人",)),
    ("单位：万元", "万元", ()),
    ("金额单位：元", "元", ()),
])
def test_a_unit_line_listing_counts_beside_money(line, money, counts):
    assert find_table_unit([line]) == money and declared_units([line])[1] == counts


@pytest.mark.parametrize("cell, value, unit, qualifier", [
    ("94元/人", "94", "元/人", None), ("≥1380元/人·月", "1380", "元/人·月", "≥"), ("≤3.5万元/公里", "3.5", "万元/公里", "≤"),
    ("120元/生/年", "120", "元/生/年", None),
])
def test_money_per_head_or_per_unit_keeps_what_it_is_per(cell, value, unit, qualifier) -> None:
    """A standard of so much per person (94元/人) is no sum of money: its unit says what it is per."""
    found = parse_quantity(cell)
    assert (found.value, found.unit, found.qualifier) == (Decimal(value), unit, qualifier)
    assert not is_money(found.unit)
