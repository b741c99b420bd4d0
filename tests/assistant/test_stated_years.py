"""Figures a disclosure states for another year than its own, and what a 功能分类 item's money is for.

A 2026 budget says of one item "2026年度预算50万元，2025年度预算77.59万元，主要用于：…。2025年当年预算执行数为
20.04万元": each figure answers only a question about its own year and basis, and a question may name the
item by what its money is for."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例街道办事处

2026年单位预算公开说明

现将示例市示例区示例街道办事处2026年单位预算公开如下：
一、收入预算
2026年预算收入500万元，比2025年预算增加100万元。
二、财政拨款支出主要内容
财政拨款支出主要内容如下：
1. “一般公共服务支出(类）-统计信息事务（款）-专项普查活动（项）”2026年度预算50万元，2025年度预算77.59万元，主要用于：人口抽样调查工作。2025年当年预算执行数为20.04万元，2026年预算安排50万元，比2025年预算执行数增加149.50%。主要原因是：普查任务增加。
2. “灾害防治及应急管理支出（类）-消防救援事务（款）-其他消防救援事务支出（项）”2026年度预算58.75万元，2025年度预算106万元，主要用于：微型消防站运行保障经费。2025年当年预算执行数为98.23万元，2026年预算安排58.75万元，比2025年预算执行数减少40.19%。主要原因是：运行平稳，大型支出减少。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("stated-years"), embeddings,
                             {"example-street-2026-unit-budget.txt": DISCLOSURE})


def figure(assistant: Assistant, question: str) -> tuple[float, str]:
    answer = assistant.ask(question)
    assert answer.kind == "number", (question, answer.text)
    for citation in answer.citations:
        assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote
    return round(answer.value, 2), answer.text


@pytest.mark.parametrize("question, value", [
    ("示例街道2026年专项普查活动预算多少", 50),
    ("示例街道专项普查活动今年安排了多少钱", 50),
    ("示例街道2025年度专项普查活动预算是多少", 77.59),
    ("示例街道专项普查活动上年预算是多少", 77.59),
    ("示例街道2025年专项普查活动实际执行了多少", 20.04),
    ("示例街道2026年其他消防救援事务支出预算多少", 58.75),
    ("示例街道消防救援事务2025年预算执行数是多少", 98.23),
])
def test_each_figure_answers_its_own_year_and_basis(assistant, question, value):
    assert figure(assistant, question)[0] == value


@pytest.mark.parametrize("question, value, purpose", [
    ("示例街道微型消防站的经费安排多少", 58.75, "微型消防站运行保障经费"),
    ("示例街道人口抽样调查花多少钱", 50, "人口抽样调查工作"),
])
def test_an_item_named_by_what_its_money_is_for(assistant, question, value, purpose):
    found, text = figure(assistant, question)
    assert found == value and purpose in text


def test_last_years_execution_is_the_figure_stated_for_that_year(assistant):
    found, text = figure(assistant, "示例街道2026年其他消防救援事务支出比上年执行数少了多少")
    assert found == 39.48 and "减少" in text


def test_a_word_the_purpose_does_not_say_asks_for_another_figure(assistant):
    answer = assistant.ask("示例街道微型消防站总投资是多少")
    assert answer.kind != "number", answer.text


def test_last_years_figure_worked_out_from_this_years_stated_level_and_change(assistant):
    found, text = figure(assistant, "示例街道2025年预算收入是多少")
    assert found == 400 and "500" in text and "100" in text
