"""Questions about a final account (部门决算) as citizens phrase them: why money was not spent, why an item
fell, what share one part is, how many units a department has, and a narrower whole that must not answer."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例局

2024年度部门决算

一、部门基本情况
示例市示例区示例局部门决算包括：机关本级、3个二级事业单位12个三级事业单位。
二、收入支出决算总体情况说明
与2023年度相比，财政拨款收入支出总计持平。
2024 年度收入支出总计300万元。与2023年度相比，收入支出总计增加60万元，增长25.00%。
2024年度一般公共预算财政拨款基本支出200万元，其中：人员经费150万元，公用经费50万元。
三、一般公共预算财政拨款支出决算具体情况
一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元。
（一）一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为100万元，支出决算为90万元，完成年初预算的90%。决算数小于预算数的主要原因是：人员调出。
（二）一般公共服务支出（类）财政事务（款）机关服务（项）。支出决算为50万元，比2023年决算减少5.00%。主要原因是：会议减少。
（三）一般公共服务支出（类）财政事务（款）信息化建设（项）。年初预算为40万元，支出决算为30万元。
（四）一般公共服务支出（类）财政事务（款）防汛（项）。主要用于应急抢险。
年初预算为380万元，支出决算为432.68万元，完成年初预算的113.86%。决算数大于年初预算数的主要原因是汛期遭遇强降雨。
（五）卫生健康支出（类）公共卫生（款）其他公共卫生支出（项）。年初预算为20万元，支出决算为18.72万元，完成年初预算的93.60%。决算数小于年初预算数的主要原因是采样点位减少。上年无此项支出，主要原因是新增饮用水监测项目。
（七）教育支出（类）教育费附加安排的支出（款）校舍建设（项）。年初预算为0.00万元，支出决算为52.00万元，年初未安排预算，决算数主要是使用上年结转资金实施校舍维修。
（六）灾害防治及应急管理支出（类）自然灾害防治（款）自然灾害救灾（项）。年初预算为0万元，全年预算为45万元，支出决算为44.20万元，比2023年决算增加10万元，主要原因是救灾任务加重。决算数大于年初预算数的主要原因是年初未安排预算，年中追加台风灾后恢复资金。
四、国有资产占用情况
单价100万元（含）以上设备（不含车辆）2台（套）。
“三公”经费财政拨款支出决算为12.52万元，完成预算的96.46%；与2023年度决算11.86万元相比，增加0.66万元，主要原因是更新执法车辆1辆。
（一）公务接待费支出决算为3.46万元。
2024年度“三公”经费支出决算数小于预算数的主要原因：认真落实过紧日子要求。
五、一般公共预算财政拨款支出决算表
单位：万元
科目名称	年初预算数	调整预算数	决算数	决算数为调整预算数的%
行政单位医疗	62.18	63.50	63.50	100.00
事业单位医疗	48.72	50.00	49.60	99.20
六、支出决算与上年对比表
单位：万元
科目名称	2024年决算数	2023年决算数	比上年增减
其他公共卫生支出	18.72	0.00	18.72
七、项目支出决算表
单位：万元
项目名称	全年预算数	决算数
政务公开平台运维	201.31	166.52
合计	201.31	166.52
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("final-account"), embeddings,
                             {"example-bureau-2024-dept-final-account.txt": DISCLOSURE})


@pytest.mark.parametrize("question, reason", [
    ("示例局2024年行政运行为什么没花完", "人员调出"),
    ("示例局行政运行为啥没有用完", "人员调出"),
    ("示例局机关服务为什么比上年少", "会议减少"),
    ("示例局2024年机关服务为啥减少了", "会议减少"),
    ("示例局2024年防汛为啥超了", "强降雨"),
    ("示例局防汛为什么超支", "强降雨"),
    ("示例局其他公共卫生支出为什么2023年没有、2024年有", "新增饮用水监测项目"),  # the year's reason, not the budget's
    ("示例局其他公共卫生支出为什么比年初预算少", "采样点位减少"),
    ("示例局2024年三公经费决算为什么没用完预算", "过紧日子"),  # the whole's gap, in a paragraph after its parts
    ("示例局自然灾害救灾年初没安排预算，为啥最后花了四十多万", "台风灾后恢复"),  # spent beyond a budget of none
    ("示例局2024年自然灾害救灾年初没有预算，为什么还有支出", "台风灾后恢复"),
    ("示例局自然灾害救灾为什么比上年多", "救灾任务加重"),
    ("示例局校舍建设年初没预算为什么还花了52万", "上年结转"),  # set against a budget of none, no 原因 said
])
def test_a_reason_follows_the_change_or_completion_rate_the_document_states(assistant, question, reason):
    answer = assistant.ask(question)
    assert answer.kind == "text" and reason in answer.text, answer.text
    assert any(reason in c.quote for c in answer.citations)
    assert "持平" not in answer.text  # never a computed gap of zero for a why question


@pytest.mark.parametrize("question, value, unit", [
    ("示例局部门决算包括几个三级事业单位", 12, "个"),
    ("示例局有几个二级事业单位", 3, "个"),
    ("示例局基本支出里人员经费占多大比例", 75, "%"),
    ("示例局人员经费占基本支出的百分之几", 75, "%"),
    ("示例局单价100万元以上的设备有几台", 2, "台"),
])
def test_counts_and_shares_as_citizens_ask_them(assistant, question, value, unit):
    answer = assistant.ask(question)
    assert answer.kind == "number" and (round(answer.value, 2), answer.unit) == (value, unit), answer.text
    for citation in answer.citations:
        assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote


def test_a_narrower_whole_never_answers_the_whole(assistant):
    """Only 财政拨款收入支出总计 is said to be unchanged: the whole 收支总计 rose by 60."""
    answer = assistant.ask("示例局2024年收支总计比上年减少了多少")
    assert answer.kind == "number" and answer.value == 60 and "增加" in answer.text, answer.text
    assert "25%" in answer.text and any("25.00%" in c.quote for c in answer.citations)  # the rate stated beside it


@pytest.mark.parametrize("question", ["示例局2024年收支总计比2023年增长了百分之几", "示例局2024年收支总计比上年增长百分之多少"])
def test_a_growth_rate_between_two_years_from_the_later_documents_change(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and (answer.value, answer.unit) == (25, "%"), answer.text


@pytest.mark.parametrize("question", ["示例局局长一年工资拿多少", "示例局局长叫什么名字"])
def test_an_office_holder_is_not_a_budget_item(assistant, question):
    assert assistant.ask(question).kind == "out_of_scope"


NEXT_BUDGET = """示例市示例区示例局

2025年部门预算

一、国有资产占用情况
截至2024年8月31日，单价100万元（含）以上设备（不含车辆）0台（套）。
"""


@pytest.fixture(scope="module")
def with_next_budget(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("final-and-budget"), embeddings, {
        "example-bureau-2024-dept-final-account.txt": DISCLOSURE, "example-bureau-2025-dept-budget.txt": NEXT_BUDGET})


@pytest.mark.parametrize("question", ["示例局到2024年底有几台单价100万以上的设备", "截至2024年末示例局单价100万元以上设备几台"])
def test_a_year_end_stock_comes_from_that_years_final_account(with_next_budget, question):
    answer = with_next_budget.ask(question)
    assert answer.kind == "number" and answer.value == 2, answer.text
    assert "2024" in answer.text


@pytest.mark.parametrize("question, value", [
    ("示例局2024年行政运行（项）决算完成了年初预算的百分之几", 90),  # stated
    ("示例局行政运行预算完成率是多少", 90),
])
def test_a_completion_rate_the_document_states(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and (answer.value, answer.unit) == (value, "%"), answer.text


def test_a_completion_rate_not_stated_is_worked_out_from_the_items_own_sentence(assistant):
    answer = assistant.ask("示例局2024年信息化建设决算完成了年初预算的百分之几")
    assert answer.kind == "number" and (answer.value, answer.unit) == (75, "%"), answer.text
    assert answer.formula and "30" in answer.formula and "40" in answer.formula and len(answer.citations) == 2
    # a project whose table prints only its 全年预算 beside the 决算: that budget
    answer = assistant.ask("示例局政务公开平台运维项目的预算执行率是多少")
    assert answer.kind == "number" and (answer.value, answer.unit) == (82.72, "%"), answer.text
    assert "166.52" in answer.formula and "201.31" in answer.formula
    # 机关服务 states only its 决算: there is nothing to divide by
    assert assistant.ask("示例局2024年机关服务决算完成了年初预算的百分之几").kind != "number"


HEADED_RATES = """示例市示例区示例站

2024年度部门决算

一、一般公共预算财政拨款支出决算情况说明
2024年度一般公共预算财政拨款支出年初预算为300.00万元，全年预算为321.02万元，支出决算为307.82万元。
1.一般公共服务支出（类）财政事务（款）行政运行（项）：年初预算为100.00万元，全年预算为100.00万元，支出决算为99.50万元，完成全年预算的99.50%。
"""
ROWS_ONLY = """示例市示例区示例所

2024年度部门决算

一、财政拨款收入支出决算总体情况说明
2024年度财政拨款支出全年预算为599.44万元，决算数为592.41万元。
二、一般公共预算财政拨款支出决算情况说明
1.商业服务业等支出（类）商业流通事务（款）行政运行（项）：年初预算为231.20万元，全年预算为240.00万元，支出决算为238.80万元，完成全年预算的99.50%。
"""


def test_the_rate_of_a_row_under_the_items_heading_is_not_the_items(tmp_path_factory, embeddings):
    """The rows the item's heading stands over state rates of their own: the item's is worked out, not one of theirs."""
    station = written_assistant(tmp_path_factory.mktemp("headed-rates"), embeddings,
                                {"example-station-2024-dept-final-account.txt": HEADED_RATES,
                                 "example-institute-2024-dept-final-account.txt": ROWS_ONLY})
    answer = station.ask("示例站2024年一般公共预算财政拨款支出完成全年预算的百分之多少")
    assert answer.kind == "number" and (answer.value, answer.unit) == (95.89, "%"), answer.text
    assert station.ask("示例站2024年行政运行完成全年预算的百分之多少").value == 99.5  # the row's own, stated
    # no figures of the item itself under its heading: never its one row's rate
    answer = station.ask("示例所2024年一般公共预算财政拨款支出完成全年预算的百分之多少")
    assert answer.value != 99.5, answer.text


@pytest.mark.parametrize("question", ["示例局2024年决算比全年预算少花了多少", "示例局2024年一般公共预算财政拨款支出决算比全年预算少了多少"])
def test_one_items_outturn_against_its_full_year_budget(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and round(answer.value, 2) == 13.2, answer.text
    assert "307.82" in answer.formula and "321.02" in answer.formula


def test_a_final_accounts_own_figure_against_a_named_basis(shared_assistant):
    answer = shared_assistant.ask("社工部2024年支出比年初预算少了多少")
    assert answer.kind == "number" and answer.formula, answer.text
    assert "决算" in answer.text and "年初预算数比年初预算数" not in answer.text


def test_every_citation_names_its_page(shared_assistant):
    answer = shared_assistant.ask("社工部2024年三公经费决算多少")
    assert answer.citations and all(c.page for c in answer.citations), [(c.quote, c.page) for c in answer.citations]


@pytest.mark.parametrize("question", ["示例局2025年行政运行决算多少", "示例局2025年行政运行实际花了多少", "示例局2025年行政运行决算"])
def test_a_final_account_asked_of_a_budget_year_is_refused_saying_what_is_published(with_next_budget, question):
    answer = with_next_budget.ask(question)
    assert answer.kind == "not_found" and answer.value is None
    assert "2025年部门预算只列预算数" in answer.text


def test_the_final_account_of_a_year_that_has_one_is_answered(with_next_budget):
    answer = with_next_budget.ask("示例局2024年行政运行决算多少")
    assert answer.kind == "number" and answer.value == 90


@pytest.mark.parametrize("question, value", [
    ("示例局2024年事业单位医疗完成率是多少", 99.2),  # the rate the table states, against its 调整预算
    ("示例局2024年事业单位医疗决算完成调整预算的百分之几", 99.2),
    ("示例局2024年事业单位医疗决算完成年初预算的百分之几", 101.81),  # another budget: worked out, never the table's
])
def test_a_tables_completion_column_answers_only_against_its_own_budget(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and (answer.value, answer.unit) == (value, "%"), answer.text
    assert bool(answer.formula) is (value == 101.81)


def test_a_percentage_column_is_never_money(assistant):
    answer = assistant.ask("示例局2024年行政单位医疗决算多少")
    assert answer.kind == "number" and (answer.value, answer.unit) == (63.5, "万元"), answer.text


SET_AGAINST_BOTH = """示例市示例县应急管理局
2024年度部门决算
五、一般公共预算财政拨款支出决算情况说明
（一）总体情况。2024年度一般公共预算财政拨款支出1303.27万元，年初预算为912.66万元，完成年初预算的142.80%；较上年决算894.88万元增长45.64%。决算数大于年初预算数的主要原因是年中追加自然灾害救灾补助。
（二）具体情况。
1.行政事业单位养老支出（款）行政单位离退休（项）：年初预算为18.60万元，支出决算为19.26万元，完成年初预算的103.57%；较上年决算增长6.30%，主要原因是离退休人员增加。
"""


def test_a_reason_for_the_gap_from_the_budget_is_found_after_a_comparison_with_last_year(tmp_path_factory, embeddings):
    """The sentence sets the 决算 against its budget and against last year; the reason after it says which it explains."""
    assistant = written_assistant(tmp_path_factory.mktemp("against-both"), embeddings,
                                  {"example-emergency-bureau-2024-dept-final-account.txt": SET_AGAINST_BOTH})
    answer = assistant.ask("示例县应急管理局2024年一般公共预算财政拨款支出为什么决算比年初预算多这么多")
    assert answer.kind == "text" and "自然灾害救灾补助" in answer.text and "离退休人员增加" not in answer.text, answer.text


def test_a_reason_set_against_a_budget_of_none_quotes_the_outturn_with_it(assistant):
    """"年初未安排预算，决算数主要是…" gives why there is a 决算 with no first budget, without saying 原因."""
    answer = assistant.ask("示例局校舍建设年初没预算为什么还花了52万")
    assert answer.route == "fact" and "52.00" in answer.text and "上年结转" in answer.text, answer.text
