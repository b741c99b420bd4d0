"""The bound a listing question sets on the rows it asks for (assistant/thresholds.py, row_ranking.tsv)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.plan import Threshold
from assistant.thresholds import asked_threshold


@pytest.mark.parametrize("question, threshold, said", [
    ("哪些项目超过20万元", Threshold(Decimal(20), above=True, inclusive=False), "超过20万元"),
    ("50万元以上的项目有哪些", Threshold(Decimal(50), above=True, inclusive=True), "50万元以上"),
    ("列出低于10万元的项目", Threshold(Decimal(10), above=False, inclusive=False), "低于10万元"),
    ("不少于1亿元的项目是哪些", Threshold(Decimal(10000), above=True, inclusive=True), "不少于1亿元"),
    ("哪几个项目超过500000元", Threshold(Decimal(50), above=True, inclusive=False), "超过500000元"),
])
def test_a_bound_in_money_is_read_in_wan(question, threshold, said):
    assert asked_threshold(question) == (threshold, said)


@pytest.mark.parametrize("question", ["项目超过20万元吗", "哪些项目", "哪些项目花了2025年的钱"])
def test_no_listing_or_no_bound_sets_none(question):
    assert asked_threshold(question) is None


@pytest.mark.parametrize("bound, amount, passes", [
    (Threshold(Decimal(20)), Decimal(20), False), (Threshold(Decimal(20)), Decimal("20.01"), True),
    (Threshold(Decimal(20), inclusive=True), Decimal(20), True), (Threshold(Decimal(20), above=False), Decimal(5), True),
])
def test_a_bound_admits_what_passes_it(bound, amount, passes):
    assert bound.admits(amount) is passes
