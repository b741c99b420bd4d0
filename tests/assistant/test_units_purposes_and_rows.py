"""A sub-unit with tables of its own is answered from them or not at all, never from its department's sentences; a
paragraph headed by a unit's name speaks for it; a project named outright beats an item whose money is only said to
be for it; parts listed in brackets or as "两个项目"; a column's share of its own row; a numbered list whose items run
long; "打算买几辆车"; "“优抚对象”指哪些人"; "是行政机关还是事业单位"; "算上上年结转，…" as a clause of its own; "为什么没达到年初预算" after a completion rate."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

BUDGET = """沭嵛县统计局
2025年部门预算

第一部分 沭嵛县统计局概况
一、部门职责
沭嵛县统计局是县政府工作部门，沭嵛县统计局是参照公务员法管理的行政机关。
二、部门预算单位构成
纳入2025年部门预算编制范围的单位共2个：沭嵛县统计局机关（行政单位）和沭嵛县统计普查中心（公益一类事业单位）。

第二部分 沭嵛县统计局2025年部门预算表
表1 部门收入预算表
单位：万元
单位编码\t单位名称\t合计\t一般公共预算拨款\t上年结转
\t合计\t997.02\t957.02\t40.00
209001\t沭嵛县统计局机关\t747.21\t747.21\t0.00
209002\t沭嵛县统计普查中心\t249.81\t209.81\t40.00

表2 项目支出预算表
单位：万元
实施单位\t项目名称\t合计\t一般公共预算拨款\t上年结转
沭嵛县统计普查中心\t全国1%人口抽样调查\t68.40\t38.40\t30.00
沭嵛县统计局机关\t农业普查前期准备\t24.00\t24.00\t0.00
沭嵛县统计局机关\t统计执法检查\t13.00\t13.00\t0.00
沭嵛县统计局机关\t统计信息发布服务\t9.60\t9.60\t0.00

第三部分 沭嵛县统计普查中心2025年单位预算表
沭嵛县统计普查中心2025年单位收支预算表
单位：万元
项目\t2025年预算数
收入合计\t249.81
支出合计\t249.81
基本支出\t162.81
项目支出\t87.00

第四部分 沭嵛县统计局2025年部门预算情况说明
一、收支预算总体情况
2025年沭嵛县统计局收入预算997.02万元，支出预算997.02万元。2025年普查对象数量增加，入户登记人员相应增加。
二、一般公共预算支出情况
1.一般公共服务支出（类）统计信息事务（款）专项普查活动（项）2025年预算92.40万元，主要用于全国1%人口抽样调查和农业普查前期准备。
三、“三公”经费情况
2025年“三公”经费预算4.70万元，比2024年预算减少0.70万元。其中：
（一）因公出国（境）费0万元，与上年持平，本部门无因公出国（境）计划。
（二）公务用车购置及运行费3.20万元，比2024年预算减少0.40万元，主要原因是车辆燃料费和维修费压减，全部为公务用车运行维护费，2025年部门预算安排购置车辆0辆，不更新公务用车，车辆保有量维持2辆。公务用车运行维护费主要用于局机关2辆公务用车的燃料、维修、保险和过路过桥等支出，保障统计调查入户核查、统计执法检查和重大国情国力普查现场督导等工作用车需要，车辆使用实行统一调度、定点维修、定点加油和定点保险，单车运行维护费用控制在规定标准以内。
（三）公务接待费1.50万元，比2024年预算减少0.30万元，主要原因是严格控制接待范围和标准。
四、下属单位预算情况
（一）沭嵛县统计普查中心。2025年收入预算249.81万元。支出预算249.81万元，其中：基本支出162.81万元，项目支出87.00万元。
五、名词解释
（一）普查对象：指依法接受普查登记的单位和住户，包括法人单位、产业活动单位和个体经营户。
"""

ROADS = """沭嵛县交通运输局
2025年部门预算

一、部门预算单位构成
纳入2025年部门预算编制范围的单位共1个：沭嵛县交通运输局（本级）。
二、项目支出预算表
单位：万元
项目名称\t合计
城市公交运营补贴\t2100.00
城市公交成品油价格补贴\t1200.00
县城客运站物业管理服务\t936.80
县城客运站安保服务\t312.00
三、政府采购情况
2025年部门预算安排购置车辆3辆，为更新应急保障用车。
四、一般公共预算支出情况
1.交通运输支出（类）公路水路运输（款）公路客运站（项）2025年预算1248.80万元，主要用于县城客运站物业管理和安保服务。
五、名词解释
1.事业收入：指事业单位开展专业业务活动及辅助活动所取得的收入。
"""

FINAL = """沭嵛县退役军人事务局
2024年度部门决算

一、一般公共预算财政拨款支出决算情况说明
(7)抚恤（款）义务兵优待（项）。年初预算为120.00万元，全年预算为126.00万元，支出决算为126.00万元，完成年初预算的105.00%。
(8)抚恤（款）农村籍退役士兵老年生活补助（项）。年初预算为455.00万元，全年预算为448.20万元，支出决算为446.92万元，完成年初预算的98.22%。决算数小于年初预算数，主要原因是享受补助的对象自然减员。
"""

UNION = """沭嵛县总工会
2024年度部门决算

第三部分 沭嵛县总工会2024年度部门决算情况说明
五、一般公共预算财政拨款支出决算情况说明
1.一般公共服务支出（类）群众团体事务（款）行政运行（项）。年初预算为812.60万元，支出决算为826.45万元，完成年初预算的101.70%。
2.一般公共服务支出（类）群众团体事务（款）工会事务（项）。年初预算为385.00万元，支出决算为412.80万元，完成年初预算的107.22%。
3.一般公共服务支出（类）群众团体事务（款）事业运行（项）。年初预算为368.20万元，支出决算为372.96万元，完成年初预算的101.29%。
六、结转结余情况
2024年度年初结转和结余84.20万元，年末结转和结余68.32万元。
"""

PLANNING = """沭嵛县发展和改革局
2025年部门预算

表一 收支预算总表
项目\t预算数
一般公共预算拨款收入\t50,137,698.90
上年结转\t1,260,000.00
收入总计\t51,397,698.90
单位：元

表十 项目支出预算表
项目名称\t合计\t一般公共预算拨款\t上年结转
规划编制\t12,000,000.00\t11,400,000.00\t600,000.00
重大项目前期工作\t10,433,000.00\t9,773,000.00\t660,000.00
合计\t22,433,000.00\t21,173,000.00\t1,260,000.00
单位：元
"""

DOCS = {"shuyu-county-statistics-bureau_2025_dept-budget.txt": BUDGET,
        "shuyu-county-development-reform-bureau_2025_dept-budget.txt": PLANNING,
        "shuyu-county-federation-of-trade-unions_2024_dept-final-account.txt": UNION,
        "shuyu-county-transport-bureau_2025_dept-budget.txt": ROADS,
        "shuyu-county-veterans-affairs-bureau_2024_dept-final-account.txt": FINAL}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("units_purposes"), embeddings, DOCS)


def test_a_unit_with_tables_of_its_own_is_never_answered_with_its_departments_sentence(assistant):
    asked = assistant.ask("沭嵛县统计普查中心2025年公务接待费预算是多少")
    assert asked.kind == "not_found" and "1.50" not in asked.text  # the department's 公务接待费, not the centre's


def test_a_paragraph_headed_by_a_units_name_answers_for_the_unit_only(assistant):
    unit = assistant.ask("沭嵛县统计普查中心2025年项目支出预算是多少")
    assert unit.kind == "number" and unit.value == pytest.approx(87.0)
    department = assistant.ask("沭嵛统计局2025年支出预算是多少")
    assert department.value == pytest.approx(997.02) and "249.81" not in department.text  # no conflict with the unit


@pytest.mark.parametrize("question", ["沭嵛统计局2025年搞1%人口抽样调查给了多少钱", "沭嵛统计局2025年全国1%人口抽样调查多少钱"])
def test_a_project_named_outright_beats_an_item_whose_money_is_said_to_be_for_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(68.40)  # not 专项普查活动's 92.40


@pytest.mark.parametrize("question", [
    "沭嵛交通局2025年客运站的物业服务和安保服务两个项目加起来一共多少万元",
    "沭嵛交通局2025年客运站物业服务项目和安保服务项目加起来一共多少万元",
])
def test_two_projects_added_are_the_projects_not_the_item_paying_for_both(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(1248.80) and len(answer.citations) == 2


def test_parts_listed_in_brackets_are_the_parts_added(assistant):
    answer = assistant.ask("沭嵛交通局2025年给城市公交的补贴一共多少（运营补贴加成品油价格补贴）")
    assert answer.kind == "number" and answer.value == pytest.approx(3300.0)
    assert {c.quote.split("\t")[0] for c in answer.citations} == {"城市公交运营补贴", "城市公交成品油价格补贴"}


def test_a_columns_share_of_its_own_row(assistant):
    answer = assistant.ask("沭嵛统计局全国1%人口抽样调查项目2025年的钱里，上年结转占百分之多少")
    assert answer.kind == "number" and answer.value == pytest.approx(43.86, abs=0.005)  # 30 ÷ 68.40


def test_a_numbered_list_whose_items_run_long_is_answered_whole(assistant):
    answer = assistant.ask("沭嵛统计局2025年三公经费都包括哪几块，各是多少")
    assert answer.kind == "text" and all(word in answer.text for word in ("因公出国", "3.20", "1.50"))


def test_how_many_cars_it_plans_to_buy(assistant):
    answer = assistant.ask("沭嵛交通局2025年打算买几辆车")
    assert answer.kind == "number" and answer.value == 3 and answer.unit == "辆"


def test_what_a_quoted_word_stands_for(assistant):
    answer = assistant.ask("沭嵛统计局预算里说的“普查对象”指哪些人")
    assert answer.kind == "text" and "依法接受普查登记" in answer.text


def test_whether_a_body_is_an_office_or_an_institution(assistant):
    answer = assistant.ask("沭嵛县统计局是行政机关还是事业单位")
    assert answer.kind == "text" and "参照公务员法管理的行政机关" in answer.text
    glossary_only = assistant.ask("沭嵛交通局是行政机关还是事业单位")
    assert "事业收入" not in glossary_only.text  # a glossary entry naming 事业单位 says nothing of the body


def test_money_carried_over_counted_in_a_clause_of_its_own(assistant):
    answer = assistant.ask("沭嵛统计局2025年算上上年结转，全国1%人口抽样调查一共安排多少")
    assert answer.kind == "number" and answer.value == pytest.approx(68.40)


def test_why_an_item_fell_short_of_its_initial_budget_follows_its_completion_rate(assistant):
    rate = assistant.ask("沭嵛县退役军人事务局2024年农村籍退役士兵老年生活补助完成年初预算的百分之几")
    assert rate.value == pytest.approx(98.22)
    why = assistant.ask("为什么没达到年初预算", context=rate.context)
    assert why.kind == "text" and "自然减员" in why.text


def test_an_item_named_by_the_question_wins_over_rows_matched_through_the_bodys_name(assistant):
    answer = assistant.ask("沭嵛总工会2024年工会事务这一项财政拨款实际花了多少")  # 总工会 names no 工会事务
    assert answer.kind == "number" and answer.value == pytest.approx(412.80)


def test_a_year_end_balance_written_after_the_year(assistant):
    answer = assistant.ask("沭嵛县总工会2024年末结转和结余是多少")
    assert answer.kind == "number" and answer.value == pytest.approx(68.32)


def test_a_project_tables_total_row_is_no_whole_of_the_department(assistant):
    whole = assistant.ask("沭嵛发改局2025年一般公共预算拨款有多少")
    assert whole.kind == "number" and "5013.77万元" in whole.text  # not the projects' 2117.30
