"""Figures of a department's units, of its balances and of kinds of one thing: a sentence about one unit (or the
bureau's own office) answers only for it, a table of units in 人 and 万元 gives each unit's own row, a fund's row under
年末结转和结余 is that fund's balance, counts of what is held are not counts of what was scrapped or bought, kinds of
one thing add up, items listed with dot leaders are a table, and a question's words for a budget stage (年初安排) or a
功能分类 name (配套费安排的支出) are read as the document writes them."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

BUREAU = """示例县公安局
2025年部门预算

一、部门预算单位构成
部门预算单位构成及收支预算情况表；单位：人、万元
序号	单位名称	编制人数	收入预算	支出预算
1	示例县公安局本级	120	6000.00	6000.00
2	示例县公安局城关派出所	40	1500.00	1500.00
3	示例县公安局刑事侦查大队	30	1000.00	1000.00
	合计	190	8500.00	8500.00

二、收支预算总体情况
2025年收入总预算8500.00万元，支出总预算8500.00万元，与2024年预算8000.00万元相比，收支总预算各增加500.00万元。
分单位看：
1.示例县公安局本级收入预算6000.00万元，支出预算6000.00万元，其中基本支出4000.00万元，项目支出2000.00万元。
2.示例县公安局城关派出所收入预算1500.00万元，支出预算1500.00万元。
3.示例县公安局刑事侦查大队收入预算1000.00万元，支出预算1000.00万元。
三、国有资产占用情况
公务用车运行费100.00万元，比上年减少5.00万元，主要原因是报废老旧车辆4辆，维修支出相应减少。截至2024年12月31日，本部门共有车辆50辆，其中执法执勤用车46辆。2025年部门预算安排购置执法执勤用车3辆。单价50万元以上通用设备2台（套），单价50万元以上专用设备3台（套）。
城关、东关2个派出所的户籍大厅完成改造。本局下设城关、东关、西关3个派出所。
"""

HOUSING = """示例市住房和城乡建设局
2024年度部门决算

表3 支出决算表
单位：万元
科目编码	科目名称	本年支出合计	基本支出	项目支出
212	城乡社区支出	1650.00	300.00	1350.00
2120101	行政运行	300.00	300.00	0.00
21208	国有土地使用权出让收入安排的支出	590.00	0.00	590.00
21213	城市基础设施配套费安排的支出	760.00	0.00	760.00
2121301	城市公共设施	600.00	0.00	600.00
2121399	其他城市基础设施配套费安排的支出	160.00	0.00	160.00

表4 财政拨款收入支出决算总表
单位：万元
收入				支出			
项目	年初预算数	调整预算数	决算数	项目	年初预算数	调整预算数	决算数
一、一般公共预算财政拨款	800.00	900.00	900.00	一、城乡社区支出	1500.00	1700.00	1650.00
二、政府性基金预算财政拨款	700.00	800.00	800.00				
本年收入合计	1500.00	1700.00	1700.00	本年支出合计	1500.00	1700.00	1650.00
年初财政拨款结转和结余	0.00	60.00	60.00	年末财政拨款结转和结余	0.00	0.00	110.00
一般公共预算财政拨款	0.00	20.00	20.00	一般公共预算财政拨款	0.00	0.00	30.00
政府性基金预算财政拨款	0.00	40.00	40.00	政府性基金预算财政拨款	0.00	0.00	80.00
总计	1500.00	1760.00	1760.00	总计	1500.00	1760.00	1760.00

表10 项目支出决算表
单位：万元
序号	项目名称	年初预算数	调整预算数	决算数
1	防汛应急物资及设施维护	0.00	35.00	34.20
2	老旧小区改造	500.00	520.00	510.00

城市污水处理设施运营服务项目支出绩效自评表
一级指标	二级指标	三级指标	年度指标值	实际完成值
产出指标	数量指标	污水处理量	2400万吨	2465万吨
产出指标	数量指标	运营污水处理厂数量	3座	3座
产出指标	成本指标	吨水处理服务费	≤0.80元	0.79元

一、收入支出决算总体情况说明
2024年度本年收入合计1700.00万元，本年支出合计1650.00万元，与2023年度支出决算1500.00万元相比，本年支出增加150.00万元，增长10.00%。其中：一般公共预算财政拨款本年收入900.00万元、年初结转和结余20.00万元，本年支出890.00万元、年末结转和结余30.00万元；政府性基金预算财政拨款本年收入800.00万元、年初结转和结余40.00万元，本年支出760.00万元、年末结转和结余80.00万元。
二、支出决算情况说明
城乡社区支出（类）城市基础设施配套费安排的支出（款）其他城市基础设施配套费安排的支出（项）年初预算为100.00万元，支出决算为160.00万元，主要用于城市道路照明设施改造。
"""

TOWNSHIP = """示例县示例乡人民政府
2025年单位预算

表七　一般公共预算“三公”经费预算表
（单位：万元）
合计…………………………………………11.80
因公出国（境）费……………………………0.00
公务用车购置及运行费………………………8.60
其中：公务用车购置费………………………0.00
　　　公务用车运行费………………………8.60
公务接待费……………………………………3.20

2025年无新增公务用车和大型设备购置计划。
2025年收支预算1413.14万元，与上年相比，收支预算均增加121,600元，增长0.87%。
本乡下设东村、西村、南村等9个村民委员会。村民委员会是基层群众性自治组织，不是本单位的预算单位，其工作经费由乡政府统筹安排。
2024年末结转和结余预计50.00万元，主要为政府性基金安排的村道项目跨年度实施。政府性基金预算财政拨款年初结转和结余10.00万元，年末结转和结余20.00万元。
"""

ARCHIVES = """示例市档案馆
2025年单位预算

表5 一般公共预算支出预算表
单位：万元
科目编码	科目名称	2024年预算数	2025年预算数	增减额
201	一般公共服务支出	900.00	950.00	50.00
20126	档案事务	900.00	950.00	50.00
2012604	档案馆	886.50	932.80	46.30
2012699	其他档案事务支出	13.50	17.20	3.70

2025年当年一般公共预算拨款1200.00万元。
截至2024年12月31日，本单位共有车辆2辆，其中：一般公务用车1辆、应急保障用车1辆。2025年无购置公务用车计划。

预算单位构成情况表
序号	单位名称	单位性质	编制数	2025年预算数（万元）
1	示例市档案馆（本级）	行政单位	20	1000.00
2	示例市档案数字化中心	公益一类事业单位	10	200.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("units-balances-kinds"), embeddings, {
        "example-county-public-security-bureau_2025_dept-budget.txt": BUREAU,
        "example-city-housing-bureau_2024_dept-final-account.txt": HOUSING,
        "example-county-example-township-government_2025_unit-budget.txt": TOWNSHIP,
        "example-city-archives_2025_unit-budget.txt": ARCHIVES})


@pytest.mark.parametrize("question, value, said", [
    # the department's whole, never the 本级 paragraph that opens "分单位看"
    ("示例县公安局2025年部门预算一共多少钱", 8500.00, "8500"),
    # a unit's row of a table of units whose unit line reads "单位：人、万元"
    ("示例县公安局城关派出所2025年收入预算是多少", 1500.00, "收入预算"),
    ("示例县公安局城关派出所有多少人编制", 40, "40人"),
    # what is held, not what was scrapped; what is bought when buying is asked
    ("示例县公安局一共有多少辆车", 50, "50辆"),
    ("示例县公安局2025年买几辆车", 3, "购置"),
    # kinds of one thing counted apart, asked together
    ("示例县公安局单价50万元以上的设备一共有多少台套", 5, "2 + 3"),
    # a 款 whose name the catch-all 项 below it repeats
    ("示例市住建局2024年城市基础设施配套费安排的支出决算一共多少", 760.00, "760"),
    # a fund's balance: its row under 年末财政拨款结转和结余, or its clause of the sentence
    ("示例市住建局2024年政府性基金年末结转和结余还剩多少", 80.00, "80"),
    ("示例市住建局2024年政府性基金支出占本年支出合计的百分之几", 46.06, "760 ÷ 1650"),
    # 年初安排 asks the 年初预算数 column
    ("示例市住建局2024年防汛应急那块年初安排了多少钱", 0.00, "年初预算"),
    # items listed with dot leaders under a table's title
    ("示例乡政府2025年公车运行费预算多少", 8.60, "公务用车运行费"),
    # a 项 row of the one-fund table, asked with the fund's money
    ("示例市档案馆2025年档案馆（项）的一般公共预算拨款安排了多少", 932.80, "932.8"),
])
def test_the_figure_of_the_asked_scope_and_kind(assistant, question, value, said):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value, abs=0.005) and said in answer.text, answer.text


def test_a_sub_units_sentence_is_no_conflict_of_the_departments_whole(assistant):
    answer = assistant.ask("示例县公安局2025年支出预算是多少")
    assert answer.value == pytest.approx(8500.00) and "6000" not in answer.text and "1500" not in answer.text, answer.text


def test_a_purchase_the_document_rules_out_says_nothing_of_running_costs(assistant):
    """"无新增公务用车和大型设备购置计划" is about buying cars, not about what running them costs."""
    answer = assistant.ask("示例乡政府2025年公车运行费预算多少")
    assert "不一致" not in answer.text and "购置计划" not in answer.text, answer.text


def test_a_total_row_changes_by_what_its_sentence_says(assistant):
    first = assistant.ask("示例市住建局2024年一共花了多少钱")
    answer = assistant.ask("比2023年多了多少", context=first.context)
    assert first.value == pytest.approx(1650.00) and "另有出处" not in first.text, first.text
    assert answer.value == pytest.approx(150.00) and "增加" in answer.text, answer.text


def test_an_indicator_named_in_the_question_answers_in_its_own_unit(assistant):
    answer = assistant.ask("示例市住建局城市污水处理设施运营服务项目污水处理量目标是多少")
    assert answer.value == pytest.approx(2400) and "万吨" in answer.text, answer.text


def test_a_cost_indicator_never_answers_a_quantity(assistant):
    """"实际处理了多少污水" is no 吨水处理服务费, nor the count of plants the project's words also fit."""
    answer = assistant.ask("示例市住建局城市污水处理设施运营服务项目实际处理了多少污水")
    assert answer.value not in (0.79, 3), answer.text


def test_a_units_budget_is_the_one_sum_its_row_gives(assistant):
    answer = assistant.ask("示例市档案数字化中心2025年预算多少")
    assert answer.value == pytest.approx(200.00), answer.text


def test_a_change_asked_in_yuan(assistant):
    first = assistant.ask("示例乡政府2025年预算一共多少钱")
    answer = assistant.ask("比上年增加了多少元", context=first.context)
    assert answer.value == pytest.approx(121600) and answer.unit == "元", answer.text


def test_the_rows_of_a_table_titled_by_the_whole_are_its_parts(assistant):
    """"三公经费包括哪些，各是多少" of a 三公 table whose rows are the parts: each once, the rows a row adds up left in it."""
    answer = assistant.ask("示例乡政府三公经费包括哪些，各是多少")
    assert "3项" in answer.text and "公务用车购置及运行费：8.60万元" in answer.text and "公务接待费：3.20万元" in answer.text, answer.text
    assert len(answer.citations) == 3, answer.citations


def test_a_fund_said_short_is_the_fund_a_sentence_names_in_full(assistant):
    answer = assistant.ask("示例乡政府政府性基金年末结转和结余还剩多少")
    assert answer.value == pytest.approx(20.00), answer.text


def test_whether_something_is_so_is_answered_in_words(assistant):
    answer = assistant.ask("示例乡政府的村委会是不是它的预算单位")
    assert answer.kind == "text" and "不是本单位的预算单位" in answer.text, answer.text


def test_how_many_cars_is_all_of_them_and_no_plan_to_buy_says_nothing_of_them(assistant):
    """"有几辆公车" counts the whole (共有车辆2辆), never a kind listed after 其中; "无购置公务用车计划" is about buying."""
    answer = assistant.ask("示例市档案馆有几辆公车")
    assert answer.value == 2 and "不一致" not in answer.text, answer.text
    named = assistant.ask("示例县公安局有几辆执法执勤车")  # a kind the question names by its opening word
    assert named.value == 46, named.text
    first = assistant.ask("示例县公安局一共有多少辆车")
    part = assistant.ask("其中执法执勤用车几辆", context=first.context)
    assert first.value == 50 and part.value == 46, part.text


def test_units_a_count_describes_are_not_how_many_there_are(assistant):
    """"城关、东关2个派出所的户籍大厅完成改造" counts the 派出所 whose halls were rebuilt."""
    answer = assistant.ask("示例县公安局下面有几个派出所")
    assert answer.value == 3 and "户籍大厅" not in answer.text, answer.text
