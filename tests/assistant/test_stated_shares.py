"""A share the document states ("基本支出…，占55.10%") answers a share question whose whole is the one its
paragraph names, or that names none (also when the part asked opens with the whole its share is of); a computed share is made only when none is stated."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant
from tests.support import word_dump

DISCLOSURE = """示例市示例区示例局

2024年度部门决算

一、部门主要职能
示例局负责全区示例工作的统筹规划和监督检查。
二、支出决算情况说明
本年收入合计9900.00万元，其中：财政拨款收入9900.00万元。
本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4381.74万元，占44.90%。
2024年度“三公”经费财政拨款支出决算95.57万元，其中：公务用车购置及运行费支出决算58.97万元，占61.70%。
三、政府采购支出情况
2024年度政府采购支出总额268.47万元，授予中小企业合同金额231.60万元，占政府采购支出总额的86.27%。
四、政府性基金预算财政拨款收入支出决算情况说明
2024年度政府性基金预算财政拨款支出1800.00万元。2024年度政府性基金预算财政拨款收入1900.00万元，占本年收入合计的19.19%。
五、一般公共预算财政拨款基本支出决算情况说明
2024年度一般公共预算财政拨款基本支出5,300.00万元，其中：人员经费4,770.00万元，主要包括基本工资、津贴补贴；公用经费530.00万元，主要包括办公费、印刷费。
"""
PROCUREMENT = """示例市示例区示例局

2025年部门预算

一、部门主要职能
示例局负责全区示例工作的统筹规划和监督检查。
二、政府采购情况
所属各预算单位政府采购预算总额600.00万元，其中：政府采购货物预算450.00万元、政府采购工程预算0万元、政府采购服务预算150.00万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("stated-shares"), embeddings,
                             {"example-bureau-2024-dept-final-account.txt": DISCLOSURE})


@pytest.mark.parametrize("question, value", [
    ("示例局基本支出占比多少", 55.1),
    ("示例局项目支出占本年支出的比例", 44.9),
    ("示例局基本支出决算占支出决算多少", 55.1),
    ("示例局政府采购授予中小企业的合同占比多少", 86.27),  # the whole the part opens with is the one its share is of
    ("示例局2024年政府采购给中小企业的比例是多少", 86.27),  # 给 said for the document's 授予
])
def test_a_stated_share_is_quoted(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value and answer.unit == "%", answer.text
    assert not answer.formula and f"{value:.2f}"[:4] in answer.citations[0].quote


@pytest.mark.parametrize("question", ["示例局2024年政府性基金占本年收入合计多大比例", "示例局2024年本年收入合计里政府性基金占多大比例"])
def test_a_fund_s_share_of_an_income_is_its_income_s(assistant, question):
    """A fund has both sides: its share of the income is its income's, never its spending's."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 19.19, answer.text


def test_a_share_of_a_whole_the_part_is_stated_under_is_of_that_statements_whole(assistant):
    """"人员经费占基本支出": the 基本支出 the sentence listing 人员经费 opens with (one fund's), not all funds' 基本支出."""
    answer = assistant.ask("示例局2024年人员经费占基本支出的比例")
    assert answer.kind == "number" and answer.value == 90.0, answer.text


def test_a_part_joined_by_和_is_the_item_the_document_joins_by_及(assistant):
    answer = assistant.ask("示例局公车购置和运行费占三公经费多少比例")
    assert answer.kind == "number" and answer.value == 61.7, answer.text


@pytest.mark.parametrize("question", ["示例局项目支出占收入的比例", "示例局项目支出决算占收入决算的比例"])
def test_a_share_of_another_whole_is_computed(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.formula and answer.value == 44.26, answer.text


@pytest.fixture(scope="module")
def procurement(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("procurement-shares"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": PROCUREMENT})


@pytest.mark.parametrize("question, value", [("示例局政府采购里货物占多少比例", 75.0), ("示例局政府采购里服务占比多少", 25.0),
                                             ("示例局政府采购中工程类占百分之几", 0.0)])
def test_a_part_s_share_is_of_the_total_its_siblings_share_a_name_with(procurement, question, value):
    """政府采购 names 政府采购货物预算 and 政府采购服务预算 alike: the whole is the stated 总额, never a part or itself."""
    answer = procurement.ask(question)
    assert answer.kind == "number" and answer.value == value and answer.unit == "%", answer.text
    assert "600" in answer.text


@pytest.mark.parametrize("question, value", [("示例局政府采购里买服务的钱有多少", 150.0), ("示例局政府采购里买货物花了多少", 450.0)])
def test_what_a_whole_buys_is_its_kind_of_purchase(procurement, question, value):
    answer = procurement.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text


TOTALS = word_dump([
    ("项目", "支出预算", "", ""), ("", "合计", "基本支出", "项目支出"), ("合计", "400.00", "300.00", "100.00"),
    ("支出总计", "400.00", "300.00", "100.00")])
SPENDING = f"""示例市示例区示例办

2025年部门预算

一、部门主要职能
示例办负责全区示例工作的统筹协调。
二、支出预算总表
单位：万元
{TOTALS}
"""


def test_the_whole_is_never_the_total_row_under_the_parts_own_column(tmp_path_factory, embeddings):
    """支出总计 × 项目支出 is the part itself: 项目支出's share is of 支出总计 × 合计, 25%, never 100%."""
    office = written_assistant(tmp_path_factory.mktemp("totals"), embeddings, {"example-office-2025-dept-budget.txt": SPENDING})
    answer = office.ask("示例办项目支出占比多少")
    assert answer.kind == "number" and answer.value == 25.0, answer.text


def test_all_procurement_contracts_are_the_procurement_total_not_the_small_firms_part(assistant):
    """"政府采购合同一共多少钱" is the year's whole procurement, never the narrower 授予中小企业合同金额."""
    answer = assistant.ask("示例局2024年政府采购合同一共多少钱")
    assert answer.kind == "number" and answer.value == 268.47, answer.text


BASIC = word_dump([("项目", "合计", "人员经费", "公用经费"), ("合计", "5,742.04", "5,262.12", "479.92")])
FISCAL = word_dump([("项目", "决算数"), ("本年收入合计", "6,640.64"), ("本年支出合计", "6,640.64")])
SCHOOL = f"""示例市第一中学

2023年度单位决算

一、收入支出决算总体情况说明
2023年度本年支出合计7,141.34万元，其中：基本支出5,840.24万元，占81.78%；项目支出1,301.10万元，占18.22%。
二、一般公共预算财政拨款基本支出决算表
单位：万元
{BASIC}
三、财政拨款收入支出决算总表
单位：万元
{FISCAL}
"""


def test_a_share_is_of_a_whole_of_the_same_money_as_its_part(tmp_path_factory, embeddings):
    """人员经费 stands only in the one-fund 基本支出 table: its share is of that table's 基本支出 (5,742.04), never of all
    funds' 基本支出 in the prose (5,840.24)."""
    school = written_assistant(tmp_path_factory.mktemp("same-money"), embeddings,
                               {"example-city-no1-middle-school-2023-unit-final-account.txt": SCHOOL})
    answer = school.ask("示例市第一中学2023年人员经费占基本支出的比例")
    assert answer.kind == "number" and answer.value == 91.64, answer.text
    fund = school.ask("示例市第一中学2023年一般公共预算基本支出占本年支出合计的比例")  # a fund's share is of all funds
    assert fund.kind == "number" and fund.value == 80.41, fund.text
    body = school.ask("示例市第一中学2023年人员经费占本年支出合计的比例")  # the body's whole is all funds'
    assert body.kind == "number" and body.value == 73.69, body.text
