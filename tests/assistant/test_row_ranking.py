"""Which row of one document is largest or smallest: the rows the question names (a parent row's parts, a
column, a table) compared at one level, a subtotal never against its own parts, the runner-up named beside the
answer; refused where the rows are unclear."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.plan import ClassLevel
from assistant.vocabulary import row_ranking_words
from tests.assistant.conftest import written_assistant
from tests.support import word_dump


FUNCTIONS = [  # 类 and 款 subtotals hold more than any 项
    ("项目", "", "", "", "支出预算", "", ""),
    ("功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"),
    ("类", "款", "项", "", "", "", ""),
    ("201", "", "", "一般公共服务支出", "1000.00", "400.00", "600.00"),
    ("", "05", "", "统计信息事务", "1000.00", "400.00", "600.00"),
    ("", "", "01", "行政运行", "400.00", "400.00", "0.00"),
    ("", "", "07", "专项普查活动", "350.00", "0.00", "350.00"),
    ("", "", "99", "其他统计信息事务支出", "250.00", "0.00", "250.00"),
    ("208", "", "", "社会保障和就业支出", "120.00", "120.00", "0.00"),
    ("", "05", "", "行政事业单位养老支出", "120.00", "120.00", "0.00"),
    ("", "", "05", "机关事业单位基本养老保险缴费支出", "80.00", "80.00", "0.00"),
    ("", "", "06", "机关事业单位职业年金缴费支出", "40.00", "40.00", "0.00"),
    ("合计", "", "", "", "1120.00", "520.00", "600.00"),
]
ECONOMIC = [  # each 类 holds more than any of its 款; 对个人和家庭的补助 holds one
    ("项目", "", "", "一般公共预算基本支出", "", ""),
    ("经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"),
    ("类", "款", "", "", "", ""),
    ("301", "", "工资福利支出", "300.00", "300.00", "0.00"),
    ("", "01", "基本工资", "150.00", "150.00", "0.00"),
    ("", "02", "津贴补贴", "100.00", "100.00", "0.00"),
    ("", "99", "其他工资福利支出", "50.00", "50.00", "0.00"),
    ("302", "", "商品和服务支出", "220.00", "0.00", "220.00"),
    ("", "01", "办公费", "60.00", "0.00", "60.00"),
    ("", "09", "物业管理费", "110.00", "0.00", "110.00"),
    ("", "11", "差旅费", "50.00", "0.00", "50.00"),
    ("303", "", "对个人和家庭的补助", "30.00", "30.00", "0.00"),
    ("", "02", "退休费", "30.00", "30.00", "0.00"),
    ("合计", "", "", "550.00", "330.00", "220.00"),
]
PROCUREMENT = [
    ("项目名称", "预算资金", "采购品目", "数量", "合计"),
    ("网络设备运维经费", "102.00", "硬件运维服务", "1", "102.00"),
    ("数据中心服务经费", "170.00", "硬件运维服务", "1", "170.00"),
    ("办公桌椅购置", "30.00", "家具", "20", "30.00"),
    ("合计", "302.00", "", "", "302.00"),
]
DISCLOSURE = f"""示例市示例区示例局

2025年部门预算

一、部门主要职能
示例局负责全区示例工作。
二、2025年部门支出预算总表
单位：万元
{word_dump(FUNCTIONS)}

三、2025年部门一般公共预算基本支出部门预算经济分类预算表
单位：万元
{word_dump(ECONOMIC)}

四、政府采购预算表
单位：万元
{word_dump(PROCUREMENT)}

五、其他说明
示例局无其他说明。
"""
UNCODED = [  # no 科目编码: that 社会保障和就业支出 holds the two rows below it is not said
    ("功能分类科目名称", "合计", "基本支出", "项目支出"),
    ("社会保障和就业支出", "100.00", "100.00", "0.00"),
    ("行政事业单位养老支出", "60.00", "60.00", "0.00"),
    ("社会福利", "40.00", "40.00", "0.00"),
]
GROUPED = [  # a group's row (货物) states the sum of the rows below it, and no label says so
    ("项目名称", "预算资金"),
    ("货物", "130.00"),
    ("办公桌椅购置", "30.00"),
    ("计算机购置", "100.00"),
]
PROJECTS = [  # a project table beside the spending by function, whose 行政运行 holds more than any project
    ("项目名称", "实施单位", "合计", "一般公共预算拨款"),
    ("档案数字化加工", "本级", "70.00", "70.00"),
    ("库房安全运维", "本级", "30.00", "30.00"),
    ("合计", "", "100.00", "100.00"),
]
OTHER_DISCLOSURE = f"""示例市示例区另一局

2025年部门预算

一、2025年部门支出预算总表
单位：万元
{word_dump(UNCODED)}

三、项目支出表
单位：万元
{word_dump(PROJECTS)}

二、政府采购预算表
单位：万元
{word_dump(GROUPED)}
"""


UNREAD_PROJECTS = f"""示例市示例区第三局

2025年部门预算

一、2025年部门支出预算总表
单位：万元
{word_dump(FUNCTIONS)}

二、项目支出预算表
单位：万元
序号 项目名称 实施单位 预算数 资金来源 1 机关综合业务 本级 68.40 财政拨款2 文化惠民演出 本级 326.50 财政拨款
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("row-ranking"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": DISCLOSURE,
                              "other-bureau-2025-dept-budget.txt": OTHER_DISCLOSURE,
                              "third-bureau-2025-dept-budget.txt": UNREAD_PROJECTS})


@pytest.mark.parametrize("question, value, first, second", [
    ("示例局2025年政府采购里哪个项目花钱最多？多少钱", 170.0, "数据中心服务经费", "网络设备运维经费"),
    ("示例局2025年支出功能分类里，具体到项，哪一项预算最多", 400.0, "行政运行", "专项普查活动"),
    ("示例局2025年钱花得最多的是哪一项", 400.0, "行政运行", "专项普查活动"),
    ("示例局项目支出里哪个科目钱最多？多少", 350.0, "专项普查活动", "其他统计信息事务支出"),
    ("示例局2025年商品和服务支出里哪一项最多", 110.0, "物业管理费", "办公费"),
])
def test_the_largest_row_is_answered_with_the_runner_up_both_cited(assistant, question, value, first, second):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text
    assert f"{first}最多" in answer.text and f"其次是{second}" in answer.text
    rows = [c.table.row[-1] for c in answer.citations if c.table]
    assert rows == [first, second]


def test_a_subtotal_is_never_ranked_against_its_own_parts(assistant):
    answer = assistant.ask("示例局2025年支出功能分类里哪一项最多")
    assert answer.value == 400.0, answer.text  # not 一般公共服务支出 (类) nor 统计信息事务 (款), both 1000
    assert not any(c.table.row[-1] in ("一般公共服务支出", "统计信息事务") for c in answer.citations if c.table)


def test_the_rows_under_a_parent_are_ranked_never_the_parents_own_figure(assistant):
    answer = assistant.ask("示例局2025年商品和服务支出里哪一项最多")
    assert answer.value == 110.0 and "220" not in answer.text, answer.text
    cited = answer.citations[0].table
    assert "经济分类" in cited.title and cited.headers[-1] == "合计"


def test_a_named_column_ranks_the_rows_by_that_column(assistant):
    answer = assistant.ask("示例局2025年项目支出里哪个科目钱最多")
    assert answer.value == 350.0 and answer.citations[0].table.headers[-1] == "项目支出", answer.text
    assert "行政运行" not in answer.text  # its 400 is all 基本支出: no part of 项目支出


@pytest.mark.parametrize("question, value, last", [
    ("示例局2025年支出功能分类里哪一项最少", 40.0, "机关事业单位职业年金缴费支出"),
    ("示例局2025年商品和服务支出里哪一项钱最少", 50.0, "差旅费"),
])
def test_the_smallest_row(assistant, question, value, last):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value and f"{last}最少" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "示例局2025年对个人和家庭的补助里哪一项最多",  # one part: nothing to rank it against
    "示例局2025年信息化建设里哪个项目最多",  # nothing the document holds
    "另一局2025年钱花得最多的是哪一项",  # rows without 科目编码 in a classification: subtotals unknown
    "另一局2025年政府采购里哪个项目最多",  # a group's row sums the rows below it
])
def test_unclear_rows_are_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "not_found" and answer.value is None, answer.text
    assert "30" not in answer.text


def test_the_vocabulary_names_each_list_and_every_level():
    words = row_ranking_words()
    for name in ("most", "least", "which", "projects", "all_projects", "bodies", "spent", *ClassLevel):
        assert words[name], name
    assert not set(words["most"]) & set(words["least"])
    assert all(len(a) >= len(b) for listed in words.values() for a, b in zip(listed, listed[1:]))  # longest first


@pytest.mark.parametrize("question", ["另一局2025年哪个项目的钱最多", "另一局2025年的项目里哪个钱花得最多"])
def test_which_project_ranks_the_project_table_not_the_spending_by_function(assistant, question):
    answer = assistant.ask(question)
    assert answer.value == 70.0 and "档案数字化加工最多" in answer.text and "其次是库房安全运维" in answer.text, answer.text
    assert all("项目支出表" in c.table.title for c in answer.citations if c.table)
    without_projects = assistant.ask("示例局2025年哪个项目花钱最多")  # no project table: its spending by function
    assert without_projects.value == 400.0 and "行政运行最多" in without_projects.text, without_projects.text


def test_a_project_table_whose_rows_cannot_be_read_is_not_stood_in_for_by_the_spending_by_function(assistant):
    answer = assistant.ask("第三局2025年哪个项目花钱最多")
    assert not (answer.kind == "number" and answer.value == 400.0) and "行政运行" not in answer.text, answer.text
