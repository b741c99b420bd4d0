"""A final account's column of last year's outturn (上年决算数) answers for last year, and only for it."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例县示例局
2024年度部门决算

一、部门主要职能
示例局负责全县示例工作。
二、支出决算表
单位：万元
项目\t本年支出合计\t基本支出\t项目支出
动物防疫\t88.00\t0.00\t88.00
三、一般公共预算财政拨款支出决算表
单位：万元
项目\t上年决算数\t年初预算数\t本年决算数
病虫害控制\t96.30\t110.00\t124.75
农产品质量安全\t52.60\t60.00\t58.30
动物防疫\t70.00\t75.00\t80.00

四、基本支出决算表
单位：万元
项目\t决算数
办公费\t21.21

五、机关运行经费
2024年度机关运行经费支出184.65万元，比2023年度增加2.55万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("last-years-column"), embeddings,
                             {"example-county-bureau-2024-dept-final-account.txt": DISCLOSURE})


@pytest.mark.parametrize("question, value", [
    ("示例局2023年病虫害控制决算是多少", 96.30),
    ("示例局2023年病虫害控制花了多少", 96.30),  # last year's of a final account is its 决算, no basis said
    ("示例局2024年病虫害控制决算是多少", 124.75),
    ("示例局2024年病虫害控制花了多少", 124.75),
    ("示例局2024年农产品质量安全年初预算多少", 60.00),
])
def test_each_column_answers_for_its_own_year_and_basis(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text


def test_last_years_outturn_is_worked_out_only_from_the_items_own_change(assistant):
    answer = assistant.ask("示例局2023年机关运行经费决算多少")
    assert answer.kind == "number" and answer.value == 182.10 and answer.formula, answer.text
    answer = assistant.ask("示例局2023年决算里办公费花了多少")  # no change of 办公费 is stated: not 机关运行经费's
    assert answer.kind != "number", answer.text


def test_a_change_against_last_years_column_takes_this_years_figure_from_the_same_row(assistant):
    """Last year's outturn stands only in the one-fund table: this year's figure is that row's, not all funds' of
    the spending table (88.00 − 70.00 would mix two kinds of money)."""
    answer = assistant.ask("示例局2024年动物防疫比上年多了多少")
    assert answer.kind == "number" and answer.value == pytest.approx(10.00), answer.text
