"""An autonomous place said without its peoples, a college said as 职院; a unit only its department's words speak of;
a unit's row read in its document's own year; a bracketed name on a table row; a charge word the figure must say; a
project's money never a purchase under it; a count asked in 块; a change stated of 收支 jointly; last year's figure of
an item whose level is said; the parts of a whole listed clause by clause; what money is for, from its sentence."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

COMMISSION = """岷溪彝族自治州民族宗教事务委员会
2024年度部门决算

第一部分 部门概况
一、机构设置
州民族宗教事务委员会（以下简称州民宗委）下属事业单位2个：岷溪彝族自治州民族语文工作站、岷溪彝族自治州民族团结进步教育中心。
州民宗委主管的岷溪彝族自治州民族文化研究所另行编制单位预算，不包含在本决算中。
二、人员构成情况
截至2024年12月31日，州民宗委核定编制46名，其中：行政编制24名，事业编制22名（民族语文工作站14名，民族团结进步教育中心8名）。
三、政府性基金预算财政拨款支出决算情况
2024年度政府性基金预算财政拨款支出50.00万元，全部为其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金（项），年初预算为40.00万元，完成年初预算的125.00%。主要用于少数民族困难群众救助和民族团结进步宣传。

第二部分 部门决算表
支出决算表
编制单位：岷溪彝族自治州民族宗教事务委员会 单位：元
科目编码	科目名称	本年支出合计	基本支出	项目支出
	合计	20,046,318.36	12,962,268.36	7,084,050.00
2012301	行政运行	6,128,456.32	6,128,456.32	0.00
2012304	民族工作专项	3,865,210.00	0.00	3,865,210.00

一般公共预算财政拨款项目支出决算明细表
编制单位：岷溪彝族自治州民族宗教事务委员会 单位：元
项目名称	科目编码	年初预算数	调整预算数	决算数
合计		3,200,000.00	3,960,000.00	3,865,210.00
民族团结进步示范创建	2012304	1,400,000.00	1,700,000.00	1,685,400.00
民族传统节庆活动（火把节）	2012304	1,000,000.00	1,360,000.00	1,287,200.00
彝文古籍抢救整理	2012304	800,000.00	900,000.00	892,610.00
"""

COLLEGE = """沅泷市职业技术学院
2025年单位预算

一、收支预算总体情况
2025年收入总计27923.50万元，支出总计27923.50万元，与2024年预算25723.00万元相比，收支总预算各增加2200.50万元，增长8.55%。
二、一般公共预算支出预算情况
1.高等职业教育（项）12182.80万元，比上年增加582.80万元，主要原因是在校生规模扩大。
2.教师进修（项）0.00万元，比上年减少20.00万元。2025年未安排预算，原教师进修经费并入高等职业教育（项）。
3.学生资助（项）30.00万元，比上年减少5.00万元。主要用于家庭经济困难学生的生活补助。
三、项目支出预算情况
国家助学金项目1236.00万元，用于资助家庭经济困难学生，平均资助标准为每生每年3300元。
四、“三公”经费预算情况
2025年学院一般公共预算“三公”经费预算6.00万元，比2024年预算7.20万元减少1.20万元。其中：因公出国（境）费0.00万元，本年未安排出国计划；公务用车购置及运行费3.60万元，其中公务用车购置费0.00万元，公务用车运行费3.60万元；公务接待费2.40万元，比上年减少0.60万元。

表9 项目支出预算表
单位名称：沅泷市职业技术学院 单位：万元
项目名称	2025年预算数
第三届技能大赛	186.00
国家助学金	1236.00
校园网络升级（二期）	296.00

表10 政府采购预算表
单位名称：沅泷市职业技术学院 单位：万元
采购品目	采购类别	所属项目	预算金额
赛事组织服务	服务	第三届技能大赛	120.00
健身器材	货物	校园体育设施更新	96.00
"""

TOWN = """岍溧县萁塘镇人民政府
2025年部门预算

一、部门基本情况
萁塘镇人民政府下属事业单位2个：萁塘镇便民服务中心、萁塘镇农业综合服务中心。
二、政府性基金预算支出情况
2025年政府性基金预算支出450.00万元，比上年增加150.00万元，全部为国有土地使用权出让收入安排的农村基础设施建设支出，用于萁塘集镇道路提升改造。
2025年文化旅游体育与传媒支出40.00万元，其中博物馆（项）40.00万元，用于镇史陈列室布展。
2025年上级专项转移支付安排支出300.00万元，比上年减少20.00万元。其中：农村道路建设与维护（项）120.00万元，用于萁塘村道路硬化；城乡社区环境卫生（项）180.00万元，用于集镇污水管网改造。
三、“三公”经费预算情况
2025年镇政府一般公共预算“三公”经费预算25.60万元，比上年减少2.40万元，其中：因公出国（境）费0.00万元，无出国计划；公务用车运行维护费16.80万元，比上年减少1.20万元；公务接待费8.80万元，比上年减少1.20万元。
四、名词解释
政府性基金预算拨款收入：指县财政按规定从政府性基金预算中安排给镇政府的资金。

表2 部门收入预算表
部门：岍溧县萁塘镇人民政府 单位：万元
单位名称	2024年预算数	2025年预算数	增减额	增减%
合计	3020.15	3258.46	238.31	7.89
岍溧县萁塘镇人民政府（本级）	2468.19	2683.20	215.01	8.71
萁塘镇便民服务中心	322.10	338.72	16.62	5.16
萁塘镇农业综合服务中心	229.86	236.54	6.68	2.91

表3 部门支出预算表
部门：岍溧县萁塘镇人民政府 单位：万元
科目编码	科目名称	2025年预算数
2130126	农村道路建设与维护	120.00
2120501	城乡社区环境卫生	86.00
2070205	博物馆	40.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("places-units-parts"), embeddings, {
        "minxi-prefecture-ethnic-religious-affairs-commission_2024_dept-final-account.txt": COMMISSION,
        "yuanlong-city-vocational-technical-college_2025_unit-budget.txt": COLLEGE,
        "qianli-county-qitang-town-government_2025_dept-budget.txt": TOWN})


@pytest.mark.parametrize("question, shown", [
    ("岷溪州民宗委火把节活动2024年花了多少", "128.72万元"),  # the row's bracketed name; the place without its people
    ("岷溪民宗委2024年彝文古籍抢救整理决算多少", "89.26万元"),
    ("沅泷职院2025年预算收入总计多少", "27923.50万元"),
    ("沅泷职院第三届技能大赛这个项目预算多少钱", "186.00万元"),  # the project's money, not the purchase under it
    ("萁塘镇便民服务中心2025年预算是多少", "338.72万元"),
    ("沅泷职院校园网络升级二期预算多少", "296.00万元"),
    ("萁塘镇政府2025年农村道路建设与维护一共支出多少", "120.00万元"),  # one item whose name holds 与, no sum  # its row in its document's year, not the 2024 column
    ("萁塘镇政府2025年农村道路建设与维护项目一共多少钱", "120.00万元"),  # and named a 项目
    ("岷溪州民族语文工作站有多少个事业编制", "14人"),  # a unit only its department's words speak of
])
def test_the_figure_asked(assistant: Assistant, question: str, shown: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "number" and shown in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "沅泷职院2025年学费标准是每生每年多少",  # 资助标准 is no 学费标准
    "沅泷职院第三届技能大赛一共要发多少块奖牌",  # a count in 块, never the money
    "岷溪州教育局2024年部门预算总额是多少",  # a 局 the commission's words name is no unit of it
    "萁塘镇博物馆2025年预算是多少",  # a classification item (博物馆（项）, its table row) is no unit of the town
    "岍溧县博物馆2025年预算是多少",  # nor of its county, named apart
    "沅泷职院校园网络升级二期总投资是多少",  # this year's budget is no total investment
])
def test_what_the_documents_do_not_say_is_refused(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "not_found", answer.text


def test_a_unit_its_department_keeps_out_of_its_document_is_refused_with_the_sentence(assistant: Assistant) -> None:
    answer = assistant.ask("岷溪州民族文化研究所2024年决算支出多少")  # never the department's 民族工作专项 or its total
    assert answer.kind == "not_found" and "另行编制单位预算" in answer.text, answer.text
    assert "另行编制单位预算" in answer.citations[0].quote


def test_what_money_is_for_is_the_next_sentence_never_a_classification_name_holding_用于(assistant: Assistant) -> None:
    answer = assistant.ask("岷溪州民宗委2024年政府性基金支出用来干嘛了")  # not "用于社会福利的彩票公益金（项）"
    assert answer.kind == "text" and "少数民族困难群众救助" in answer.text, answer.text


def test_a_purchase_under_a_project_is_asked_as_a_purchase(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院第三届技能大赛项目采购多少钱")
    assert answer.kind == "number" and "120.00万元" in answer.text, answer.text


def test_a_change_stated_of_收支_jointly_is_each_sides(assistant: Assistant) -> None:
    first = assistant.ask("沅泷职院2025年预算收入总计多少")
    answer = assistant.ask("比上年增长了百分之几", context=first.context)
    assert answer.kind == "number" and "8.55%" in answer.text, answer.text


def test_last_years_figure_of_an_item_said_with_its_level(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院2024年高等职业教育的预算是多少")
    assert answer.kind == "number" and "11600.00万元" in answer.text and "12182.8 − 582.8" in answer.text, answer.text


def test_the_parts_listed_clause_by_clause_after_the_whole(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院2025年三公经费包括哪些，各多少")
    assert all(part in answer.text for part in ("因公出国（境）费：0.00万元", "公务用车购置及运行费：3.60万元", "公务接待费：2.40万元"))
    assert "公务用车购置费：" not in answer.text, answer.text  # a part of a part is not listed


def test_the_project_that_cost_most_is_a_project(assistant: Assistant) -> None:
    answer = assistant.ask("岷溪民宗委2024年哪个项目花钱最多")
    assert "民族团结进步示范创建" in answer.text and "行政运行" not in answer.text, answer.text


def test_what_money_is_for_is_the_用于_clause_of_its_sentence(assistant: Assistant) -> None:
    answer = assistant.ask("萁塘镇政府的政府性基金钱是干什么用的")
    assert "萁塘集镇道路提升改造" in answer.text and answer.citations, answer.text


def test_what_money_is_used_for_is_what_the_next_sentence_says_of_its_parts(assistant: Assistant) -> None:
    answer = assistant.ask("萁塘镇政府的上级专项转移支付都用在哪些地方")
    assert "萁塘村道路硬化" in answer.text and "集镇污水管网改造" in answer.text, answer.text


def test_the_projects_above_a_bound_are_listed_each_cited(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院2025年哪些项目超过200万元")
    assert "超过200万元的有2个" in answer.text and "国家助学金1236.00万元" in answer.text, answer.text
    assert "校园网络升级296.00万元" in answer.text and "第三届技能大赛" not in answer.text, answer.text
    assert len(answer.citations) == 2


def test_no_project_above_the_bound_is_said_with_the_largest(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院2025年哪些项目超过5000万元")
    assert "没有超过5000万元的" in answer.text and "国家助学金1236.00万元" in answer.text, answer.text


def test_why_an_item_has_no_money_is_the_sentence_after_its_figure(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院2025年教师进修为什么没安排钱")
    assert "并入高等职业教育" in answer.text and any("并入" in c.quote for c in answer.citations), answer.text


def test_what_money_is_for_is_no_reason(assistant: Assistant) -> None:
    answer = assistant.ask("沅泷职院2025年学生资助为什么减少")
    assert "家庭经济困难学生" not in answer.text, answer.text


def test_the_first_part_listed_in_the_wholes_own_clause_is_listed_too(assistant: Assistant) -> None:
    answer = assistant.ask("萁塘镇政府2025年三公经费包括哪些")
    assert all(part in answer.text for part in ("因公出国（境）费：0.00万元", "公务用车运行维护费：16.80万元", "公务接待费：8.80万元"))



def test_a_filter_with_no_project_table_says_what_is_missing(assistant: Assistant) -> None:
    answer = assistant.ask("萁塘镇政府2025年哪些项目超过100万元")
    assert answer.kind == "not_found" and "超过100万元" in answer.text and "哪些项目" not in answer.text, answer.text
