"""Money said to be paid "用财政拨款" is that fund's figure of the item; what an item carries over (结转, 结余) never
answers what it spent unless the question asks for the balance; a table's 完成率 column is the rate the account states,
and what 完成率 means is its glossary entry; "其他收入是什么钱" is answered with the clause saying what the money is,
not with the glossary's definition of the word. An item asked with or without its fund (财政拨款支出 /
一般公共预算财政拨款支出) is one item where the document states one outturn for both names."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from assistant.plan import Operation
from tests.assistant.conftest import written_assistant

FINAL = """澥岜县民政局2024年度部门决算
第二部分 2024年度部门决算表
支出决算表
单位：元
科目编码	科目名称	本年支出合计	基本支出	项目支出
	合计	9,646,160.00	3,000,000.00	6,646,160.00
2081004	殡葬	2,646,160.00	498,300.00	2,147,860.00
2296002	用于社会福利的彩票公益金支出	1,428,600.00	0.00	1,428,600.00
一般公共预算财政拨款支出决算表
单位：元
科目编码	科目名称	年初预算数	调整预算数	决算数	完成率（%）
	合计	5,860,000.00	6,260,000.00	6,238,600.00	99.66
2081004	殡葬	860,000.00	1,260,000.00	1,238,600.00	98.30
政府性基金预算财政拨款收入支出决算表
单位：元
科目编码	科目名称	年初结转和结余	本年收入	本年支出合计	年末结转和结余
22960	彩票公益金安排的支出	0.00	1,450,000.00	1,428,600.00	21,400.00
国有资本经营预算财政拨款支出决算表
单位：元
科目编码	科目名称	本年支出合计
注：本部门2024年度没有国有资本经营预算财政拨款收入，本表为空表。
第三部分 2024年度部门决算情况说明
一、财政拨款收入支出决算总体情况说明
2024年度财政拨款收入总计745.94万元，支出总计745.94万元。本年财政拨款支出743.80万元，年末财政拨款结转和结余2.14万元，全部为彩票公益金结转。
二、政府性基金预算财政拨款支出决算情况说明
2024年度政府性基金预算财政拨款支出决算142.86万元，全部为用于社会福利的彩票公益金支出。
三、收入决算情况说明
本年收入合计1002.33万元。收入包括：财政拨款收入745.94万元，事业收入243.79万元，其他收入12.60万元；
其中：事业收入243.79万元，为殡仪服务收入；其他收入12.60万元，占1.26%，为房屋租金及存款利息收入。
四、国有资本经营预算财政拨款支出决算情况说明
本部门2024年度没有使用国有资本经营预算财政拨款安排的支出。
五、名词解释
完成率：指决算数占调整预算数的百分比。
2．基本支出
指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。
"""

ONE_FUND = """示例县示例局
2024年度部门决算

一、财政拨款收入支出决算总体情况说明
2024年度财政拨款收入3980.00万元，本年财政拨款支出3992.99万元，年末财政拨款结转和结余64.52万元。
二、一般公共预算财政拨款支出决算情况说明
2024年度一般公共预算财政拨款支出年初预算为3966.78万元，全年预算为4054.78万元，支出决算为3992.99万元，完成全年预算的98.48%。
"""

TWO_FUNDS = """示例县另一局
2024年度部门决算

一、财政拨款收入支出决算总体情况说明
2024年度本年财政拨款支出5200.00万元，其中政府性基金预算财政拨款支出1200.00万元。
二、一般公共预算财政拨款支出决算情况说明
2024年度一般公共预算财政拨款支出年初预算为3900.00万元，全年预算为4100.00万元，支出决算为4000.00万元，完成全年预算的97.56%。
"""

DOCS = {"xieba-county-civil-affairs-bureau_2024_dept-final-account.txt": FINAL,
        "example-bureau-2024-dept-final-account.txt": ONE_FUND, "example-other-bureau-2024-dept-final-account.txt": TWO_FUNDS}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("funds_and_balances"), embeddings, DOCS)


@pytest.mark.parametrize("question", ["澥岜民政局殡葬这一项用财政拨款花了多少", "澥岜县民政局殡葬使用财政拨款支出多少"])
def test_an_item_paid_with_a_fund_is_that_funds_figure(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.value == pytest.approx(123.86) and answer.unit == "万元"


@pytest.mark.parametrize("question", ["澥岜民政局彩票公益金2024年花了多少", "澥岜县民政局彩票公益金支出多少",
                                      "澥岜民政局彩票公益金用了多少"])
def test_a_balance_carried_over_never_answers_what_was_spent(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.value == pytest.approx(142.86) and answer.unit == "万元"


def test_the_balance_asked_is_the_balance(assistant: Assistant) -> None:
    answer = assistant.ask("澥岜民政局彩票公益金年末结转了多少")
    assert answer.value == pytest.approx(2.14) and answer.unit == "万元"


def test_a_completion_rate_column_is_the_stated_rate(assistant: Assistant) -> None:
    """98.30 stands in the row's 完成率（%） column (决算 over 调整预算); never 决算 over 年初预算 (144.02) worked out."""
    answer = assistant.ask("澥岜民政局殡葬这一项的完成率是多少")
    assert answer.value == pytest.approx(98.30) and answer.unit == "%"


@pytest.mark.parametrize("question", ["澥岜县民政局殡葬支出多少（含事业收入和其他收入）",
                                      "澥岜民政局殡葬一共支出多少(包括上年结转、事业收入)",
                                      "澥岜县民政局殡葬支出一共多少，把殡仪馆自己的收入和结转也算上",
                                      "澥岜民政局殡葬这一项连服务收入在内一共多少",
                                      "澥岜民政局殡葬支出一共多少，算上殡仪馆的事业收入和上年结转"])
def test_other_money_named_asks_the_item_of_all_funds(assistant: Assistant, question: str) -> None:
    """"（含事业收入和其他收入）", "把…自己的收入和结转也算上", "连…收入在内" say which money the item's figure counts: the
    row of the table of all funds, never a sum of the incomes."""
    plan = parse_question(question, [])
    assert plan.operation is Operation.LOOKUP and "收入" not in plan.focus and "结转" not in plan.focus
    answer = assistant.ask(question)
    assert (answer.value, answer.unit) == (pytest.approx(2646160), "元")  # 264.616万元: shown as printed, in 元


def test_what_a_rate_means_is_its_glossary_entry(assistant: Assistant) -> None:
    answer = assistant.ask("澥岜县民政局决算里说的完成率是什么意思")
    assert answer.kind == "text" and "决算数占调整预算数的百分比" in answer.text


@pytest.mark.parametrize("question", ["澥岜县民政局的基本支出是啥", "澥岜县民政局说的基本支出是什么意思"])
def test_a_glossary_word_on_a_line_of_its_own_is_defined_by_the_next(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "text" and "保障机构正常运转" in answer.text, answer.text


def test_what_money_an_item_is_comes_from_the_clause_saying_it(assistant: Assistant) -> None:
    answer = assistant.ask("澥岜县民政局的其他收入是什么钱")
    assert answer.kind == "text" and "房屋租金" in answer.text


def test_a_second_item_paid_from_an_income_is_added_not_read_as_all_funds() -> None:
    """"加上土地出让收入安排的农业生产发展支出" names a second item to add, not the money the first one counts."""
    plan = parse_question("某局用在农业生产发展上的钱一共多少（一般公共预算的农业生产发展加上土地出让收入安排的农业生产发展支出）", [])
    assert plan.operation is Operation.SUM and not plan.tables


def test_every_place_saying_there_is_none_is_quoted_the_side_asked_first(assistant: Assistant) -> None:
    answer = assistant.ask("澥岜民政局有没有国有资本经营预算支出")
    assert answer.kind == "text" and len(answer.citations) == 2, answer.text
    assert "没有使用国有资本经营预算财政拨款安排的支出" in answer.citations[0].quote  # the 支出 asked, before the 收入 note
    assert "本表为空表" in answer.citations[1].quote


@pytest.mark.parametrize("question", ["示例局2024年财政拨款支出完成了全年预算的百分之几", "示例局24年财政拨款支出完成率多少"])
def test_the_rate_of_the_one_fund_answers_for_all_appropriations(assistant: Assistant, question: str):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(98.48)
    assert any("98.48%" in c.quote for c in answer.citations)


def test_with_another_fund_the_one_funds_rate_is_not_all_appropriations(assistant: Assistant):
    answer = assistant.ask("示例县另一局2024年财政拨款支出完成了全年预算的百分之几")
    assert answer.value != pytest.approx(97.56)
