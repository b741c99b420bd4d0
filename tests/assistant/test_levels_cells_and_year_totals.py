"""A 款 is never one 项 under it: asked by name it is its rows' total, in the table of the fund the question names
("一般公共预算当年拨款中…") or else in the table of all the department's money; the cell of a project's row in the asked
column beats a sentence about several projects; one fund's spending of a year is the 本年支出合计 of the
financial-approval table, never the 总计 that also holds what is carried forward, and unasked, that table's total
row comes after the department's whole; the unit a 项目表 row stands under carries out its project, and its cells say where
its money comes from; a fund's whole is no item it pays for, and the department's own name says no item."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from assistant.vocabulary import fund_words, money_sources
from ingest.model import TableKind
from tests.assistant.conftest import written_assistant


def _grid(title: str, head: list[str], rows: list[list[str]]) -> str:
    """A table drawn as a CSS grid, its first header cell over the three 功能分类 columns, as CMS pages print them."""
    cells = "".join(f"<div class='cell'>{c}</div>" for c in head)
    lines = [f"<div class='row head'><div class='cell' style='grid-column:span 3'>功能分类科目</div>{cells}</div>",
             "<div class='row head'><div class='cell'>类</div><div class='cell'>款</div><div class='cell'>项</div>"
             + "<div class='cell'></div>" * len(head) + "</div>"]
    lines += ["<div class='row'>" + "".join(f"<div class='cell'>{c}</div>" for c in row) + "</div>" for row in rows]
    return f"<p class='tt'>{title}</p><p class='unit'>单位：万元</p><div class='gt'>{''.join(lines)}</div>"


ALL_FUNDS = _grid("表3 部门支出预算总表", ["合计", "基本支出", "项目支出"], [
    ["合计", "", "", "1,060.00", "600.00", "460.00"],
    ["205 教育支出", "20501 教育管理事务", "2050101 行政运行", "180.00", "180.00", ""],
    ["", "20502 普通教育", "2050201 学前教育", "320.00", "200.00", "120.00"],
    ["", "", "2050202 小学教育", "500.00", "220.00", "280.00"],
    ["", "20599 其他教育支出", "2059999 其他教育支出", "60.00", "", "60.00"],
])
GENERAL = _grid("表5 一般公共预算支出表", ["合计", "基本支出", "项目支出"], [
    ["合计", "", "", "980.00", "600.00", "380.00"],
    ["205 教育支出", "20501 教育管理事务", "2050101 行政运行", "180.00", "180.00", ""],
    ["", "20502 普通教育", "2050201 学前教育", "300.00", "200.00", "100.00"],
    ["", "", "2050202 小学教育", "440.00", "220.00", "220.00"],
    ["", "20599 其他教育支出", "2059999 其他教育支出", "60.00", "", "60.00"],
])
PROJECTS = ("<p class='tt'>表10 项目支出预算表</p><p class='unit'>单位：万元</p><table>"
            "<tr><th>单位名称</th><th>项目名称</th><th>合计</th><th>一般公共预算拨款</th><th>上年结转</th></tr>"
            "<tr><td>泷溆区教育局（本级）</td><td>校舍维修改造</td><td>200.00</td><td>140.00</td><td>60.00</td></tr>"
            "<tr><td>泷溆区教育技术装备中心</td><td>教学设备购置</td><td>150.00</td><td>130.00</td><td>20.00</td></tr>"
            "<tr><td></td><td>实验室耗材采购</td><td>50.00</td><td>50.00</td><td></td></tr></table>")

EDUCATION = f"""<html><head><meta charset="utf-8"><title>泷溆区教育局2025年部门预算</title></head><body>
<div class="article"><h1>泷溆区教育局2025年部门预算</h1><div class="content">
<h2>第一部分 部门概况</h2><p>泷溆区教育局负责全区教育工作。</p>
<h2>第二部分 2025年部门预算表</h2>
{ALL_FUNDS}{GENERAL}{PROJECTS}
<h2>第三部分 2025年部门预算情况说明</h2>
<p>2025年收入预算1060.00万元，其中一般公共预算拨款980.00万元，上年结转80.00万元，为校舍维修改造项目和教学设备购置项目上年结转资金。</p>
<p>1．教育支出（类）普通教育（款）学前教育（项）300.00万元，主要是普惠性幼儿园奖补。</p>
<p>2．教育支出（类）普通教育（款）小学教育（项）440.00万元，主要是小学教师到岗。</p>
<p>3．教育支出（类）其他教育支出（款）其他教育支出（项）60.00万元，主要是教育表彰。</p>
</div></div></body></html>
"""

FINAL = """滦岙县公安局2024年度部门决算

第二部分 2024年度部门决算表

收入支出决算总表
编制单位：滦岙县公安局	公开01表	单位：万元
收入		支出	
项目	决算数	项目	决算数
一、一般公共预算财政拨款收入	5,100.00	一、公共安全支出	4,800.00
二、其他收入	300.00	二、住房保障支出	420.00
本年收入合计	5,400.00	本年支出合计	5,220.00
年初结转和结余	60.00	年末结转和结余	240.00
总计	5,460.00	总计	5,460.00

财政拨款收入支出决算总表
编制单位：滦岙县公安局\t公开04表\t单位：万元
收入\t\t支出\t\t\t
项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款
一、一般公共预算财政拨款\t5,100.00\t一、公共安全支出\t4,600.00\t4,600.00\t
二、政府性基金预算财政拨款\t\t二、住房保障支出\t420.00\t420.00\t
本年收入合计\t5,100.00\t本年支出合计\t5,020.00\t5,020.00\t
年初财政拨款结转和结余\t60.00\t年末财政拨款结转和结余\t140.00\t140.00\t
总计\t5,160.00\t总计\t5,160.00\t5,160.00\t

第三部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
2024年度收入总计5460.00万元，主要用于公共安全支出。
"""

DISABLED = """滦岙县残疾人联合会2024年度部门决算

第三部分 滦岙县残疾人联合会2024年度部门决算情况说明
一、滦岙县残疾人联合会一般公共预算财政拨款支出决算情况
2024年度一般公共预算财政拨款支出决算2,485.89万元，年初预算2,402.66万元。
（一）社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）决算38.62万元，年初预算38.00万元。
"""

DOCS = {"longxu-district-education-bureau_2025_dept-budget.html": EDUCATION,
        "luanao-county-disabled-persons-federation_2024_dept-final-account.txt": DISABLED,
        "luanao-county-public-security-bureau_2024_dept-final-account.txt": FINAL}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("levels_cells"), embeddings, DOCS)


def test_a_fund_named_before_the_item_asks_that_funds_table(assistant):
    plan = parse_question("泷溆区教育局2025年一般公共预算当年拨款中普通教育（款）一共安排多少", assistant.index.documents())
    assert plan.tables == frozenset({TableKind.GENERAL_PUBLIC}) and plan.terms[0] == "普通教育"


def test_a_level_asked_with_its_fund_is_the_total_of_that_funds_rows(assistant):
    answer = assistant.ask("泷溆区教育局2025年一般公共预算当年拨款中普通教育（款）一共安排多少")
    assert answer.kind == "number" and answer.value == pytest.approx(740.0)  # 300 + 440 of 表5, not 学前教育's 300
    assert len(answer.citations) == 2


@pytest.mark.parametrize("question", ["泷溆区教育局2025年普通教育（款）一共安排多少", "泷溆区教育局2025年普通教育一共安排多少"])
def test_a_level_asked_alone_is_never_one_item_under_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(820.0)  # 320 + 500: all the department's money


def test_an_item_bearing_its_levels_name_is_that_level(assistant):
    answer = assistant.ask("泷溆区教育局2025年其他教育支出安排了多少")
    assert answer.kind == "number" and answer.value == pytest.approx(60.0)


@pytest.mark.parametrize("first, then, value", [
    ("泷溆区教育局的校舍维修改造项目钱从哪来", "其中上年结转多少", 60.0),  # not the 80 of both projects
    ("泷溆区教育局的校舍维修改造项目一共安排了多少资金", "其中当年一般公共预算拨款是多少", 140.0),  # not the 980 of all
])
def test_a_projects_cell_in_the_asked_column_beats_a_sentence_about_several(assistant, first, then, value):
    asked = assistant.ask(first)
    answer = assistant.ask(then, context=asked.context)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text


def test_one_funds_spending_of_the_year_is_not_the_total_with_balances(assistant):
    answer = assistant.ask("滦岙公安局2024年一般公共预算财政拨款支出决算是多少")
    assert answer.kind == "number" and answer.value == pytest.approx(5020.0)  # 本年支出合计, not 总计 5160


@pytest.mark.parametrize("project", ["教学设备购置", "实验室耗材采购"])
def test_the_unit_heading_a_projects_group_carries_it_out(assistant, project):
    answer = assistant.ask(f"泷溆区教育局2025年{project}项目由哪个单位实施")
    assert answer.kind == "text" and "泷溆区教育技术装备中心" in answer.text
    assert any("泷溆区教育技术装备中心" in c.quote for c in answer.citations)


def test_one_funds_total_row_comes_after_the_departments_whole(assistant):
    answer = assistant.ask("滦岙公安局2024年本年支出合计一共花了多少")
    assert answer.kind == "number" and answer.value == pytest.approx(5220.0)  # all funds, not 财政拨款's 合计 column 5020


def test_a_projects_money_and_where_it_comes_from_by_its_rows_cells(assistant):
    answer = assistant.ask("泷溆区教育局2025年实验室耗材采购项目多少钱，钱是从哪来的")
    assert answer.value == pytest.approx(50.0) and "一般公共预算拨款50.00万元" in answer.text


def test_every_fund_and_the_balance_carried_over_name_a_source_of_money():
    assert set(fund_words()) <= set(money_sources()) and "上年结转" in money_sources()


def test_an_item_the_document_does_not_state_is_never_its_funds_whole_nor_a_row_under_the_departments_name(assistant):
    answer = assistant.ask("滦岙县残联2024年残疾人事业（款）一般公共预算财政拨款支出决算是多少")
    assert answer.kind == "not_found" and "2485.89" not in answer.text and "38.62" not in answer.text

