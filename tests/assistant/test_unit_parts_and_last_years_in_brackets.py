"""A sub-unit's part of the 说明, under a heading that is the unit's name alone, speaks for the unit, never for the
department; "X万元（上年Y万元）" gives the same item's figure of last year, a change after the bracket is still that
item's, and the source audit reads neither the bracket nor the unit's part as the department's whole; a heading is no text answer;
"是哪个单位的" asks a name, not a figure; "工资等人员经费" asks for 人员经费, "城市和农村低保金" for two items, and
a 销售额 is no 销售业务费; a 决算 set against its 年初预算 is read under the same part of both (基本支出 beside 基本支出)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from assistant.plan import Operation
from ingest.pipeline import parse_file
from tests.assistant.conftest import written_assistant

BUDGET = """沭岍区民政局2025年部门预算
目录
第一部分 部门概况
第三部分 2025年部门预算情况说明
第四部分 下属单位预算情况
第一部分 部门概况
一、机构设置
纳入本部门2025年部门预算编制范围的预算单位共2个：沭岍区民政局机关（行政单位）、沭岍区儿童福利院（公益一类事业单位）。
第二部分 2025年部门预算公开表
表1 部门收支总表
部门名称：沭岍区民政局 单位：万元
收入	预算数	支出	预算数
一、一般公共预算拨款收入	5,100.00	一、社会保障和就业支出	5,200.00
二、事业收入	100.00
本年收入合计	5,200.00	本年支出合计	5,200.00
第三部分 2025年部门预算情况说明
一、收支预算总体情况
2025年部门收入预算5200.00万元（上年4800.00万元），比上年增加400.00万元，增长8.33%。其中：一般公共预算拨款收入5100.00万元（上年4750.00万元）。
其中城市最低生活保障金1200.00万元，农村最低生活保障金1800.00万元，福利彩票发行销售业务费86.00万元。
二、“三公”经费预算情况
2025年本部门一般公共预算“三公”经费预算12.00万元（上年15.00万元），比上年减少3.00万元，下降20.00%。
第四部分 下属单位预算情况
（一）沭岍区儿童福利院
沭岍区儿童福利院为公益一类事业单位，核定床位80张。2025年收入预算630.00万元（上年600.00万元），其中一般公共预算拨款收入610.00万元。“三公”经费预算2.50万元（上年2.80万元）。
"""

FINAL = """浭峪县应急管理局2024年度部门决算

一般公共预算财政拨款支出决算表
单位：元
项目	年初预算数			决算数		
项目	合计	基本支出	项目支出	合计	基本支出	项目支出
合计	9,000,000.00	5,000,000.00	4,000,000.00	9,600,000.00	5,080,000.00	4,520,000.00
行政运行	5,000,000.00	5,000,000.00		5,080,000.00	5,080,000.00	

第三部分 2024年度部门决算情况说明
一、一般公共预算财政拨款支出决算情况
2024年度一般公共预算财政拨款支出决算960.00万元，完成年初预算的106.67%。
"""

DOCS = {"shuqian-district-civil-affairs-bureau_2025_dept-budget.txt": BUDGET,
        "gengyu-county-emergency-management-bureau_2024_dept-final-account.txt": FINAL}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit_parts"), embeddings, DOCS)


def _parsed(tmp_path: Path, name: str) -> list:
    path = tmp_path / name
    path.write_text(DOCS[name], encoding="utf-8")
    return parse_file(path).facts


def test_a_sentence_under_a_heading_naming_a_unit_alone_is_the_units(tmp_path):
    facts = _parsed(tmp_path, "shuqian-district-civil-affairs-bureau_2025_dept-budget.txt")
    scopes = {str(f.value): f.scope for f in facts if f.origin == "text" and f.unit == "万元"}
    assert scopes["630.00"] == scopes["2.50"] == "沭岍区儿童福利院"
    assert scopes["5200.00"] is None and scopes["12.00"] is None


def test_last_years_figure_in_brackets_is_the_same_items(tmp_path):
    facts = _parsed(tmp_path, "shuqian-district-civil-affairs-bureau_2025_dept-budget.txt")
    said = {str(f.value): f for f in facts if f.origin == "text"}
    assert said["4800.00"].subject == said["5200.00"].subject and said["4800.00"].period == 2024
    assert said["400.00"].subject == said["5200.00"].subject  # the change after the bracket


def test_the_audit_finds_nothing_wrong_with_last_years_brackets_or_a_units_part(assistant):
    doc_id = next(d.doc_id for d in assistant.index.documents() if d.department == "沭岍区民政局")
    assert [f.message for f in assistant.index.facts.findings(doc_id)] == []  # the document adds up


def test_the_department_is_answered_with_its_own_figures_not_its_units(assistant):
    assert assistant.ask("沭岍民政局2025年收入预算一共多少？").value == pytest.approx(5200.0)
    assert assistant.ask("沭岍民政局2025年三公经费预算多少？").value == pytest.approx(12.0)
    assert assistant.ask("沭岍区儿童福利院2025年三公经费预算多少？").value == pytest.approx(2.5)


def test_a_change_stated_after_last_years_bracket_answers_a_follow_up(assistant):
    first = assistant.ask("沭岍民政局2025年收入预算一共多少？")
    answer = assistant.ask("比上年增加了多少？", context=first.context)
    assert answer.kind == "number" and answer.value == pytest.approx(400.0)


def test_which_units_it_has_is_answered_by_the_sentence_listing_them_not_a_heading(assistant):
    answer = assistant.ask("沭岍区民政局下面有哪些下属单位？")
    assert answer.kind == "text" and "沭岍区儿童福利院（公益一类事业单位）" in answer.text
    assert "下属单位预算情况" not in answer.text


@pytest.mark.parametrize("question", ["沭岍区民政局的事业收入是哪个下属单位的？", "沭岍区民政局政府采购的工程是哪个项目？"])
def test_which_unit_or_project_it_is_asks_a_name(assistant, question):
    assert parse_question(question, assistant.index.documents()).operation is Operation.TEXT


def test_which_project_is_the_highest_still_ranks(assistant):
    plan = parse_question("沭岍区民政局2025年哪个项目的预算最多？", assistant.index.documents())
    assert plan.operation is not Operation.TEXT


def test_an_item_after_examples_of_it_is_asked_by_its_own_name(assistant):
    plan = parse_question("浭峪县应急管理局2024年工资等人员经费决算是多少元？", assistant.index.documents())
    assert plan.focus == "人员经费"
    assert parse_question("浭峪县应急管理局2024年普通高等教育支出多少", assistant.index.documents()).focus != "教育支出"


def test_a_final_against_its_initial_budget_is_read_under_the_same_part(assistant):
    answer = assistant.ask("浭峪县应急管理局2024年一般公共预算基本支出决算比年初预算多了多少元？")
    assert answer.kind == "number" and answer.value == pytest.approx(80000.0)  # 5,080,000 − 5,000,000


def test_two_modifiers_before_one_item_name_two_items(assistant):
    answer = assistant.ask("沭岍民政局2025年城市和农村低保金加起来一共多少？")
    assert answer.kind == "number" and answer.value == pytest.approx(3000.0) and len(answer.citations) == 2
    plan = parse_question("沭岍民政局2025年教育和卫生健康支出加起来多少", assistant.index.documents())
    assert plan.parts == ["教育", "卫生健康支出"]  # "卫生健康" is no modifier of 教育's length


def test_a_sum_of_trade_is_no_fee_of_the_same_trade(assistant):
    assert assistant.ask("沭岍区民政局2025年福利彩票销售额是多少？").kind != "number"
    assert assistant.ask("沭岍区民政局2025年福利彩票发行销售业务费是多少？").value == pytest.approx(86.0)
