"""A department's units asked by name, glossary entries, parts a sentence lists after their whole, reasons told in
the item's own paragraph, and a whole never answered with another item's share of it."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant
from tests.support import word_dump

BY_UNIT = word_dump([
    ("单位名称", "本年收入合计", "财政拨款收入", "事业收入"),
    ("合计", "5000.00", "4600.00", "400.00"),
    ("示例县示例局（本级）", "3800.00", "3800.00", ""),
    ("示例县示例研究院", "1200.00", "800.00", "400.00"),
])
PROJECTS = word_dump([
    ("序号", "项目名称", "单位名称", "合计"),
    ("", "合计", "", "1024.00"),
    ("1", "示例监测网络运维", "示例县示例局（本级）", "620.00"),
    ("2", "示例科研平台建设", "示例县示例研究院", "280.00"),
    ("10", "示例档案数字化", "示例县示例局（本级）", "64.00"),
    ("11", "示例宣传", "示例县示例局（本级）", "60.00"),
])
PURCHASES = word_dump([
    ("单位名称", "合计", "货物类", "服务类"),
    ("示例县示例局（本级）", "80.00", "10.00", "70.00"),
    ("示例县示例研究院", "50.00", "30.00", "20.00"),
])
THREE_PUBLIC = word_dump([
    ("项目", "上年预算数", "本年预算数", "增减额"),
    ("公务接待费", "1.00", "0.80", "-0.20"),
])
DISCLOSURE = f"""示例县示例局
2025年部门预算

第一部分 部门概况
示例县示例局下属示例县示例研究院1个事业单位。
示例县示例局机关内设科室5个。
第二部分 预算表
表一 部门收入总表
单位：万元
{BY_UNIT}

表三 项目支出预算表
单位：万元
{PROJECTS}

表四 政府采购预算表
单位：万元
{PURCHASES}

表二 “三公”经费预算表
单位：万元
{THREE_PUBLIC}

第三部分 情况说明
一、收入预算情况
2025年收入预算5000.00万元，比2024年增加346.55万元，增长7.45%，主要原因是：一是新建示例科研平台；二是示例监测网络扩容；三是人员经费按政策调增。
（二）事业收入400.00万元，比2024年增加17.78万元。其中：技术服务收入262.64万元，按合同测算；培训收入137.36万元。
二、财政拨款支出情况
2025年一般公共预算财政拨款支出预算4600.00万元，全年预计完成98.48%。
其中示例事务管理（项）520.00万元，比上年增加20.00万元，主要原因是示例监测网络扩容。
2025年“三公”经费财政拨款支出完成全年预算的92.10%。
示例科研平台建设项目计划建设实验室2个，由示例县示例研究院组织实施。
三、“三公”经费情况
2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。其中：
（一）因公出国（境）费0万元，比2024年预算持平。主要原因是因公出国（境）费保持不变。
（二）公务用车购置及运行费36.56万元，比2024年预算减少10万元，主要原因是购置车辆类型不同。
（三）公务接待费0.80万元，主要用于接待上级检查，减少的原因是严格控制接待标准和陪同人数。
第四部分 名词解释
1．事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。本局的事业收入为示例县示例研究院的技术服务收入。
2．基本支出：指为保障机构正常运转的支出。
3．示例事务管理（项）：反映用于示例监测网络运维、示例数据校核等方面的支出。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("units-glossary"), embeddings,
                             {"example-county-bureau_2025_dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例县示例研究院2025年预算多少", "示例局示例研究院2025年预算是多少"])
def test_a_unit_asked_alone_is_its_row_s_total(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 1200.0, answer.text
    assert "示例县示例研究院" in answer.citations[0].quote


def test_a_unit_s_named_column(assistant):
    answer = assistant.ask("示例局示例研究院2025年事业收入多少")
    assert answer.kind == "number" and answer.value == 400.0, answer.text


@pytest.mark.parametrize("question, value", [("示例局本级2025年收入多少", 3800.0), ("示例局机关本身的财政拨款收入是多少", 3800.0),
                                             ("示例局机关政府采购货物类多少", 10.0)])
def test_the_departments_own_office_is_its_row_never_the_whole(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text
    assert "（本级）" in answer.citations[0].quote


def test_a_count_asked_of_the_departments_office_is_the_departments_own_words(assistant):
    answer = assistant.ask("示例局机关内设几个科室")
    assert answer.kind == "number" and answer.value == 5.0, answer.text


@pytest.mark.parametrize("question", ["示例局城关监管所2025年花了多少钱", "示例局的执法大队2025年预算多少"])
def test_a_unit_its_department_never_names_is_not_found(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "not_found" and answer.value is None, answer.text


def test_a_part_listed_after_its_whole_answers_inside_it(assistant):
    first = assistant.ask("示例局2025年事业收入多少")
    assert first.value == 400.0, first.text
    answer = assistant.ask("其中技术服务收入多少", context=first.context)
    assert answer.kind == "number" and answer.value == 262.64, answer.text


@pytest.mark.parametrize("question", ["示例局的事业收入指的是什么", "示例局说的“事业收入”是什么意思", "示例局预算表里的事业收入是啥意思"])
def test_a_glossary_entry_is_quoted_whole(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "text" and "技术服务收入" in answer.text and "基本支出" not in answer.text, answer.text


def test_a_classification_item_s_glossary_entry_says_what_it_reflects(assistant):
    answer = assistant.ask("示例局预算里说的“示例事务管理（项）”是什么意思")  # "（项）：反映用于…", not its figures
    assert answer.kind == "text" and "示例数据校核" in answer.text and "520.00" not in answer.text, answer.text


def test_a_reason_in_the_item_s_own_paragraph_beats_what_follows_the_table(assistant):
    answer = assistant.ask("示例局2025年招待费为啥减少")
    assert "严格控制接待标准" in answer.text, answer.text


def test_a_whole_is_never_answered_with_another_item_s_share_of_it(assistant):
    answer = assistant.ask("示例局2025年财政拨款支出完成了全年预算的百分之几")
    assert answer.value != 92.1, answer.text


@pytest.mark.parametrize("question", ["示例局示例研究院2025年收入多少", "示例县示例研究院2025年收入是多少"])
def test_a_unit_s_income_is_its_total_income_column(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 1200.0, answer.text


def test_a_project_row_is_named_by_its_project_not_its_unit(assistant):
    answer = assistant.ask("示例局2025年哪个项目的钱最多")
    assert "示例监测网络运维" in answer.text and "620" in answer.text, answer.text


def test_every_reason_listed_after_a_change_is_given(assistant):
    answer = assistant.ask("示例局2025年收入预算为什么增加")
    assert "一是新建示例科研平台" in answer.text and "三是人员经费按政策调增" in answer.text, answer.text


def test_money_asked_of_a_project_is_never_answered_with_a_count(assistant):
    answer = assistant.ask("示例局的示例科研平台建设今年预算多少")
    assert answer.kind == "number" and answer.value == 280.0, answer.text


def test_a_firm_asked_for_is_not_found_where_no_firm_is_named(assistant):
    answer = assistant.ask("示例局示例科研平台建设是哪家公司做的")
    assert answer.kind == "not_found" and answer.value is None, answer.text


@pytest.mark.parametrize("question", ["示例县示例研究院政府采购里货物类多少钱", "示例局下面的示例研究院政府采购货物类多少"])
def test_a_unit_s_column_of_the_table_its_question_names(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 30.0, answer.text


def test_a_follow_up_about_a_unit_stays_with_the_unit(assistant):
    first = assistant.ask("示例县示例研究院2025年事业收入多少")
    assert first.value == 400.0 and first.context.unit == "示例县示例研究院", first.text
    answer = assistant.ask("那它的财政拨款收入呢", context=first.context)
    assert answer.kind == "number" and answer.value == 800.0, answer.text



def test_a_whole_s_reason_is_the_one_given_for_its_own_direction(assistant):
    first = assistant.ask("示例局2025年三公经费比上年少了多少")
    assert first.value == 10.0, first.text
    answer = assistant.ask("为什么", context=first.context)
    assert "购置车辆类型不同" in answer.text and "保持不变" not in answer.text, answer.text
