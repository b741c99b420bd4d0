"""A unit's own words and a fund's paragraph, as citizens ask them: 本中心 figures and the change stated after both
sides of one total, the parts of 基本支出 stated after "基本支出中，", a body that 不安排 an item, people counted
under a document's own words (辖区常住人口, 编外聘用人员), rows named back to back (水费电费), a fund's 支出 and its
balance at year end, the rows paid by 财政拨款 never taken for the 财政拨款 asked, and a body's duties listed under
a heading of its own."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant
from tests.assistant.test_conversation import converse

HEALTH_CENTRE = """示例区示例街道社区卫生服务中心
2025年单位预算

目 录
第一部分 单位概况
一、主要职能
二、人员情况
第二部分 2025年单位预算表
第三部分 2025年单位预算情况说明

第一部分 单位概况
一、主要职能
（一）承担辖区居民基本医疗服务，开展常见病、多发病的诊疗和转诊工作。
（二）承担国家基本公共卫生服务项目，建立居民健康档案并开展慢性病患者健康管理。
（三）完成区卫生健康委交办的其他任务。
二、人员情况
本中心辖区常住人口52310人，核定编制48名，编外聘用人员21人。

第二部分 2025年单位预算表
表1 项目支出预算表
单位：元
项目名称\t项目类别\t资金来源\t2024年预算数\t2025年预算数
健康档案管理\t公共卫生类\t财政拨款\t980000.00\t436000.00
家庭医生签约服务\t公共卫生类\t财政拨款\t250000.00\t262000.00
药品采购周转\t医疗服务类\t事业收入\t900000.00\t950000.00

表2 基本支出预算表
单位：元
科目编码\t科目名称\t2025年预算数
30205\t水费\t48000.00
30206\t电费\t215000.00
30207\t邮电费\t36000.00

第三部分 2025年单位预算情况说明
一、收支预算总体情况
2025年本中心收入预算1218.40万元，支出预算1218.40万元，比2024年预算1164.20万元增加54.20万元，增长4.66%。
二、财政拨款支出预算情况
2025年财政拨款支出预算512.36万元，全部为一般公共预算拨款。
三、基本支出预算情况
2025年基本支出预算9826000.00元。基本支出中，财政拨款安排3104000.00元，事业收入安排6722000.00元。
四、机关运行经费
本中心为公益一类事业单位，不属于行政单位，不安排机关运行经费。
"""

HOUSING_BUREAU = """示例县住房和城乡建设局
2024年度部门决算

第一部分 部门概况
一、部门职责
示例县住房和城乡建设局是县人民政府工作部门。主要职责是：贯彻执行住房和城乡建设方面的法律法规；组织实施棚户区改造和农村危房改造；监督管理建筑市场和建设工程质量安全；完成县委、县政府交办的其他任务。
二、机构设置
下属事业单位2个：示例县住房保障服务中心、示例县建设工程质量安全监督站。

第二部分 部门决算表
一般公共预算财政拨款支出决算表
单位：万元
科目编码\t科目名称\t年初预算数\t决算数
2120501\t城乡社区环境卫生\t300.00\t320.00
2110302\t水体污染防治与治理\t150.00\t180.00

第三部分 部门决算情况说明
一、收入支出决算总体情况说明
2024年度收入总计8120.50万元，支出总计8120.50万元。与2023年度决算7706.30万元相比，收支总计各增加414.20万元，增长5.37%。主要原因是老旧小区改造补助资金增加。
八、政府性基金预算财政拨款收入支出决算情况说明
2024年度政府性基金预算财政拨款年初结转和结余188.40万元，本年收入2150.00万元，本年支出2201.60万元，年末结转和结余136.80万元。
七、“三公”经费财政拨款支出决算情况说明
2024年度公务用车运行维护费支出预算为9.50万元，支出决算为8.20万元，完成预算的86.32%。2024年度“三公”经费支出决算数比2023年度增加2.00万元，主要原因是新购置执法执勤用车。
公务用车运行维护费支出决算为8.20万元，决算数比预算数减少1.30万元，主要原因是车辆加油和维修实行定点采购；比2023年度减少0.50万元。
十、机关运行经费支出情况说明
2024年度示例县住房和城乡建设局机关本级和示例县城建监察大队（参照公务员法管理事业单位）机关运行经费支出96.40万元，比上年101.20万元减少4.80万元。
十二、国有资产占用情况说明
截至2024年12月31日，共有车辆6辆。2024年度更新购置执法执勤用车1辆，报废2辆，车辆保有量由7辆减少为6辆。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit_and_fund"), embeddings, {
        "example-street-community-health-centre_2025_unit-budget.txt": HEALTH_CENTRE,
        "example-county-housing-bureau_2024_dept-final-account.txt": HOUSING_BUREAU,
    })


@pytest.mark.parametrize("question, value, unit", [
    ("示例街道社区卫生服务中心2025年预算总收入多少", 1218.40, "万元"),
    ("示例街道社区卫生服务中心今年财政拨款多少", 512.36, "万元"),
    ("示例街道社区卫生服务中心基本支出中财政拨款多少", 310.40, "万元"),
    ("示例街道社区卫生服务中心服务人口有多少", 52310, "人"),
    ("示例街道社区卫生服务中心有多少编外人员", 21, "人"),
    ("示例县住建局2024年政府性基金支出多少", 2201.60, "万元"),
    ("示例县住建局2024年机关运行经费多少", 96.40, "万元"),  # stated after two bodies' names and a note
    ("示例县住建局现在有几辆车", 6, "辆"),  # 由7辆减少为6辆: 7 was the level before
    ("示例县住建局2024年买了几辆车", 1, "辆"),
    ("示例县住建局24年治污水的钱（水体污染防治与治理）实际花了多少", 180.00, "万元"),  # the item named in brackets
])
def test_figures_asked_as_people_put_them(assistant, question, value, unit):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value) and answer.unit == unit, answer.text
    assert any(str(int(value)) in c.quote.replace(",", "") for c in answer.citations), answer.citations


def test_which_project_spends_most_is_read_in_this_years_column(assistant):
    answer = assistant.ask("示例街道社区卫生服务中心哪个项目花钱最多")
    assert "药品采购周转" in answer.text and "95" in answer.text, answer.text  # 健康档案管理 led in 2024's column


def test_how_much_more_one_project_spends_than_another(assistant):
    answer = assistant.ask("示例街道社区卫生服务中心药品采购周转比家庭医生签约服务多花多少钱")
    assert answer.value == pytest.approx(68.8) and "95" in answer.formula and "26.2" in answer.formula, answer.text


def test_another_fund_is_never_answered_with_the_governments(assistant):
    answer = assistant.ask("示例县住建局2024年医保基金收入多少")  # the fund paragraph states 政府性基金 收入 only
    assert answer.kind != "number", answer.text


def test_rows_named_back_to_back_are_added_up(assistant):
    answer = assistant.ask("示例街道社区卫生服务中心一年水费电费一共多少")
    assert answer.value == pytest.approx(26.3) and answer.formula, answer.text  # 4.8 + 21.5, never 邮电费
    assert {"水费", "电费"} <= {c.quote.split("\t")[1] for c in answer.citations if "\t" in c.quote}


def test_rows_of_a_category_are_added_up_in_the_column_of_the_documents_year(assistant):
    answer = assistant.ask("示例街道社区卫生服务中心公共卫生类一共多少钱")
    assert answer.value == pytest.approx(69.8) and len(answer.citations) == 2, answer.text  # 43.6 + 26.2, not 2024's


@pytest.mark.parametrize("questions, value", [
    (("示例街道社区卫生服务中心2025年预算总收入多少", "比去年增加了多少"), 54.20),  # stated after 收入 and 支出 alike
    (("示例县住建局2024年收支总计多少", "比上年多了多少"), 414.20),  # 收支总计各增加
    (("示例县住建局2024年收入比上年增加了多少",), 414.20),  # one side asked, the change stated of both
])
def test_a_change_stated_after_both_sides_is_each_sides(assistant, questions, value):
    *_, change = converse(assistant, *questions)
    assert change.kind == "number" and change.value == pytest.approx(value) and "增加" in change.text, change.text
    assert not change.formula, change.text  # stated, never worked out from another item's levels


def test_a_rate_after_a_change_is_of_the_item_changed(assistant):
    *_, rate = converse(assistant, "示例县住建局2024年收支总计多少", "比上年多了多少", "增长了百分之几")
    assert rate.value == pytest.approx(5.37) and not rate.formula, rate.text  # stated, not computed from another item


def test_a_funds_balance_at_year_end_follows_its_spending(assistant):
    _, left = converse(assistant, "示例县住建局2024年政府性基金支出多少", "年底还结转了多少")
    assert left.value == pytest.approx(136.80) and "政府性基金" in left.text, left.text


def test_why_a_final_account_fell_short_of_its_budget(assistant):
    _, why = converse(assistant, "示例县住建局24年公车运行费花了多少", "为什么比预算少")
    assert "定点采购" in why.text and "新购置" not in why.text, why.text  # not the reason for last year's change
    assert any("1.30" in c.quote for c in why.citations), why.citations  # the gap shown is cited


def test_a_body_that_does_not_arrange_an_item_says_so(assistant):
    answer = assistant.ask("示例街道社区卫生服务中心机关运行经费多少")
    assert answer.kind != "number" and "不安排机关运行经费" in answer.text, answer.text


@pytest.mark.parametrize("question, said", [
    ("示例街道社区卫生服务中心主要管什么", "建立居民健康档案"),  # duties listed （一）…（三）, not the contents line
    ("示例县住房和城乡建设局负责哪些事", "建设工程质量安全"),  # under 部门职责, asked as 负责哪些事
])
def test_duties_listed_under_their_heading(assistant, question, said):
    answer = assistant.ask(question)
    assert said in answer.text and answer.citations, answer.text


def test_how_many_sub_units_and_their_names(assistant):
    answer = assistant.ask("示例县住建局有几个下属单位，叫什么")
    assert "示例县住房保障服务中心" in answer.text and "示例县建设工程质量安全监督站" in answer.text, answer.text
