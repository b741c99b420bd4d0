"""A change the document gives only as two levels of one item is computed from them, against the basis asked
(last year's budget or last year's 执行数), and a stated rate is quoted only beside a change against the
same figure."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例街道办事处

2026年单位预算

一、单位主要职能
示例街道办事处负责辖区社区管理和公共服务，统筹推进社区治理工作。
二、财政拨款支出主要内容
1. “社会保障和就业支出(类）-就业补助（款）-公益性岗位补贴（项）”2026年度预算199万元，2025年度预算256万元，主要用于：社区内公益性的岗位补贴。2025年当年预算执行数为200.18万元，2026年预算安排199万元，比2025年预算执行数减少0.59%。主要原因是：正常预算浮动。
2. “社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”38.38万元，主要用于人员职业年金缴费。2025年当年预算执行数为35.35万元，2026年预算安排38.38万元，比2025年预算执行数增加8.57%。
3. 公务接待费2万元，与2025年预算持平。
4. 项目支出200万元，比上年减少20万元。
三、一般公共预算基本支出表
经济分类科目名称	合计	人员经费
职业年金缴费	383789	383789
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("stated-levels"), embeddings,
                             {"example-street-2026-unit-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例街道公益性岗位补贴26年预算比25年预算少了多少", "示例街道公益性岗位补贴比上年少了多少"])
def test_a_change_against_last_years_budget_comes_from_the_two_budgets(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 57.0, answer.text
    assert "减少" in answer.text and "0.59%" not in answer.text  # that rate is against the 执行数, not the budget
    assert {"199", "256"} <= {q for c in answer.citations for q in ("199", "256") if q in c.quote}


def test_a_change_against_last_years_outturn_carries_the_rate_stated_against_it(assistant):
    answer = assistant.ask("示例街道公益性岗位补贴比25年执行数少了多少")
    assert answer.kind == "number" and answer.value == 1.18, answer.text
    assert "0.59%" in answer.text


def test_a_growth_rate_asked_is_the_rate_the_document_states(tmp_path_factory, embeddings):
    said = """示例市示例区示例局

2024年度部门决算

一、部门主要职能
示例局负责全区示例工作的统筹规划和监督检查。
二、机关运行经费支出情况
机关运行经费支出142.80万元，比2023年度减少13.52万元，下降8.65%。
"""
    bureau = written_assistant(tmp_path_factory.mktemp("stated-rate"), embeddings,
                               {"example-bureau-2024-dept-final-account.txt": said})
    answer = bureau.ask("示例局2024年机关运行经费比上年下降了百分之几")
    assert answer.kind == "number" and answer.unit == "%" and answer.value == 8.65, answer.text
    assert not answer.formula and "8.65%" in answer.citations[0].quote


@pytest.mark.parametrize("question", ["示例街道职业年金比25年执行数多了多少钱", "示例街道26年职业年金缴费比25年执行数增加了多少"])
def test_this_year_s_figure_is_the_same_item_as_last_year_s(assistant, question):
    """职业年金 fits the 经济分类 row 职业年金缴费 better than the long 功能分类 path, but last year's 执行数 is stated
    only for the path's item: this year's figure is that item's own."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 3.03, answer.text


@pytest.mark.parametrize("question, value, said", [("示例街道公务接待费比上年增长百分之几", 0.0, "持平"),
                                                   ("示例街道项目支出增长率", 9.09, "下降9.09%")])
def test_a_growth_rate_reads_its_direction_in_words(assistant, question, value, said):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.unit == "%" and answer.value == value and said in answer.text, answer.text
    assert "-" not in answer.text.split("（")[0]



def test_a_budget_equal_to_its_outturn_is_no_steady_year(tmp_path_factory, embeddings):
    """"决算数同预算数持平" compares one year's two figures: it says nothing of the change from last year."""
    said = """示例市示例区示例局

2024年度部门决算

一、部门主要职能
示例局负责全区示例工作的统筹规划和监督检查。
二、支出决算情况说明
1、其他国土资源事务支出（项）。年初预算为45.00万元，支出决算为45.00万元，完成年初预算的100.00%。决算数同预算数持平。
"""
    bureau = written_assistant(tmp_path_factory.mktemp("outturn"), embeddings, {"example-bureau-2024-dept-final-account.txt": said})
    answer = bureau.ask("示例局其他国土资源事务支出比上年增加多少")
    assert not (answer.kind == "number" and answer.value == 0), answer.text
