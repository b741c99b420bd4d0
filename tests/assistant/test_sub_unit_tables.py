"""A sub-unit's table answers only a question that names the sub-unit; the department's own figure answers the
department's question, however the sub-unit's table is worded; a sub-unit no document is of is answered from its
row in a table by unit, and from nothing else."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例省示例林业局
2025年部门预算

一、部门预算单位构成
纳入本部门预算编制范围的单位共2个：
1. 示例省示例林业局（本级）
2. 示例省示例种苗站
本部门预算由上述单位预算组成，即本级以及下属 1 家预算单位。

二、部门收支总表
单位：万元
项目\t预算数
收入合计\t1000.00
支出合计\t1000.00

三、部门收入总表（按单位）
单位：万元
单位名称\t合计\t一般公共预算拨款收入\t上级补助收入
合计\t1000.00\t960.00\t40.00
示例省示例林业局（本级）\t900.00\t900.00\t0.00
示例省示例林业调查中心\t100.00\t60.00\t40.00

四、下属单位预算情况
（一）示例省示例种苗站
单位：万元
项目\t预算数
收入合计\t80.00
公务接待费\t2.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("sub-unit"), embeddings,
                             {"example-forestry-2025-dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例林业局2025年收入合计多少", "示例林业局2025年一共收入多少"])
def test_the_departments_question_gets_the_departments_figure(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 1000.0, answer.text


def test_a_figure_only_a_sub_unit_states_is_not_the_departments(assistant):
    answer = assistant.ask("示例林业局2025年招待费多少")
    assert not (answer.kind == "number" and answer.value == 2.0), answer.text


@pytest.mark.parametrize("question, value", [
    ("示例省示例林业调查中心2025年收入预算是多少", 100.0),  # the total of the table of 收入
    ("示例省示例林业调查中心2025年有多少上级补助收入", 40.0),  # the column it names
])
def test_a_sub_unit_of_no_document_is_answered_from_its_row(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text
    assert answer.citations[0].table and answer.citations[0].table.row[-1] == "示例省示例林业调查中心"


def test_a_sub_units_figure_no_row_states_is_not_found(assistant):
    answer = assistant.ask("示例省示例林业调查中心2025年支出预算是多少")
    assert answer.kind == "not_found" and "1000" not in answer.text, answer.text


@pytest.mark.parametrize("question, value", [
    ("示例省示例种苗站2025年收入合计多少", 80.0),  # named alone, with its place
    ("示例种苗站招待费多少", 2.0),
    ("示例林业局种苗站的收入合计是多少", 80.0),  # named after its department
])
def test_a_sub_unit_with_tables_of_its_own_is_answered_from_them_and_named(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text
    assert "种苗站" in answer.text.split("为")[0], answer.text  # whose figure it is


@pytest.mark.parametrize("question", ["示例林业局下属预算单位有几个", "示例林业局有几个下属预算单位", "示例林业局下属有几家预算单位"])
def test_the_count_of_sub_units_is_the_one_stated(assistant, question):
    """Units are counted in 家 or 个, whichever the question says."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 1.0 and answer.unit == "家", answer.text


def test_units_said_loosely_are_not_counted_from_another_sentence(assistant):
    """"下面的单位" is no 单位 of any sentence: never the 2 units the listing names, nor another count."""
    answer = assistant.ask("示例林业局下面的单位有几个")
    assert answer.kind != "number" or answer.value == 1.0, answer.text
