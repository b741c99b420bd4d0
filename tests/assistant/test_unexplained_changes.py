"""Why an item changed, where the document states the change and gives no reason for it: the answer quotes the
change and says no reason is given, never a sentence about something else; a stated reason is still quoted. Where the
document states no change at all, the answer says so beside the item's figure; an unchanged item quotes the
statement without its stray marks; a reason given for a claim ("年初无预算的主要原因是…") is quoted with the claim."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例局

2025年部门预算

一、部门职责
示例局负责全区示例管理工作，组织开展示例宣传活动。

二、“三公”经费预算情况
公务用车运行维护费2.40万元，比上年增加0.40万元，主要原因是车辆老化维修费用增加。
2025年公务接待费0.60万元，比上年减少0.20万元。

三、机关运行经费
2025年示例局机关运行经费预算为35.20万元

四、会议费
会议费1.50万元，比2024年预算持平，主要原因是会议安排不变。

五、追加支出
6.城乡社区支出（类）其他城乡社区支出（款）其他城乡社区支出（项）。年初无预算，全年预算为30.00万元，执行数为28.00万元。年初无预算的主要原因是该项支出为汛期追加的防汛应急处置经费。

三、其他说明
示例局2025年政府采购预算12.00万元，全部为服务类采购。

四、项目支出预算表
单位：万元
项目名称\t功能科目\t上年预算数\t本年预算数\t增减额
校舍维修改造\t2050903\t180.00\t95.00\t-85.00
智慧教室建设\t2050904\t62.00\t128.50\t66.50

五、一般公共预算支出情况
1．教育支出（类）教育费附加安排的支出（款）城市中小学校舍建设（项）95.00万元，比上年减少85.00万元，主要原因是西教学楼抗震加固工程已于2024年完工。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unexplained"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例局2025年招待费为什么减少了", "示例局招待费为啥比上年少"])
def test_a_change_stated_without_its_reason_says_so(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "text" and "0.2" in answer.text and "未说明" in answer.text, answer.text
    assert "政府采购" not in answer.text and "职责" not in answer.text
    assert any("比上年减少0.20万元" in c.quote for c in answer.citations)


def test_a_stated_reason_is_quoted(assistant):
    answer = assistant.ask("示例局2025年公车运行费为什么增加")
    assert "车辆老化维修费用增加" in answer.text and "未说明" not in answer.text, answer.text


@pytest.mark.parametrize("question", ["示例局校舍维修改造为什么比上年少了", "示例局校舍维修的钱为啥减少"])
def test_a_rows_change_is_explained_by_the_sentence_stating_the_same_change(assistant, question):
    """The 项目表 row 校舍维修改造 (-85.00) is explained where the prose states that change of its 功能分类 item
    (城市中小学校舍建设（项）…比上年减少85.00万元，主要原因是…)."""
    answer = assistant.ask(question)
    assert answer.kind == "text" and "抗震加固" in answer.text and "未说明" not in answer.text, answer.text


@pytest.mark.parametrize("question, after", [("示例局2025年机关运行经费为啥减少了", []),
                                             ("为啥减少了", ["示例局2025年机关运行经费多少"])])
def test_no_change_stated_is_said_beside_the_figure(assistant, question, after):
    context = None
    for earlier in after:
        context = assistant.ask(earlier, context=context).context
    answer = assistant.ask(question, context=context)
    assert answer.kind == "not_found" and "比上年减少的说明及原因" in answer.text and "35.20" in answer.text, answer.text
    assert any("35.20万元" in c.quote for c in answer.citations)


def test_an_unchanged_item_quotes_the_statement_without_stray_marks(assistant):
    answer = assistant.ask("示例局2025年会议费比上年少了多少")
    assert answer.kind == "number" and answer.value == 0.0, answer.text
    assert "原文：比2024年预算持平" in answer.text and "（，" not in answer.text and "。）" not in answer.text, answer.text


def test_a_reason_for_a_claim_is_quoted_with_the_claim(assistant):
    answer = assistant.ask("示例局防汛应急处置的钱年初有预算吗？")
    assert answer.kind == "text" and "年初无预算，全年预算为30.00万元" in answer.text, answer.text


FINAL = """示例省示例厅

2024年度部门决算

四、财政拨款收入支出决算总体情况说明
2024年度财政拨款支出总计2,215.92万元，全部为一般公共预算财政拨款。与2023年度相比，财政拨款支出增加125.62万元，增长6.12%。主要原因是自然科学基金项目经费增加。
五、一般公共预算财政拨款支出决算情况说明
（一）一般公共预算财政拨款支出决算总体情况
2024年度一般公共预算财政拨款支出2,177.25万元。与2023年度相比，一般公共预算财政拨款支出增加125.62万元，增长6.12%。
（二）一般公共预算财政拨款支出决算具体情况
1．科学技术支出（类）科学技术管理事务（款）行政运行（项）。年初预算为186.24万元，支出决算为189.87万元。决算数大于年初预算数，主要原因是年中调整工资标准。
六、“三公”经费支出决算情况说明
2024年度“三公”经费支出决算12.00万元，比2023年度减少3.00万元，主要原因是公务接待批次减少；因公出国团组取消；公务用车运行费8.00万元。
"""


@pytest.fixture(scope="module")
def final_account(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("same-change"), embeddings,
                             {"example-department-2024-dept-final-account.txt": FINAL})


def test_a_change_stated_again_with_its_reason_elsewhere_is_explained_by_it(final_account):
    """The year's change of 一般公共预算财政拨款支出 is the 财政拨款支出 change stated with its reason before it; the reason
    a 项's 决算 passed its 年初预算, further on, is never the year's."""
    first = final_account.ask("示例厅2024年一般公共预算财政拨款支出比上年多了多少")
    answer = final_account.ask("为啥增加", context=first.context)
    assert answer.kind == "text" and "自然科学基金" in answer.text and "调整工资标准" not in answer.text, answer.text


def test_a_reason_goes_on_over_clauses_that_state_no_figure(final_account):
    answer = final_account.ask("示例厅2024年三公经费为什么减少")
    assert "公务接待批次减少" in answer.text and "因公出国团组取消" in answer.text, answer.text
    assert "8.00" not in answer.text.split("主要原因")[-1], answer.text
