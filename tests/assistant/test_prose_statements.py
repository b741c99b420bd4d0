"""What a disclosure says in its own words: an item said to be wholly another, a share of a whole named as citizens
name it, this year's income, counts of a year, what an item's money is used for, changes against last year's outturn,
a fund's row of an economic classification, and figures printed in full-width digits in a space-aligned table."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

CENTRE = """示例县示例乡卫生院
2024年度单位决算

第一部分 单位概况
示例乡卫生院为公益一类事业单位，下设城北分院、城南分院2个分院。
第二部分 2024年度单位决算表
表六 一般公共预算财政拨款基本支出决算表
单位：万元
科目编码        科目名称                  决算数
３０１０１      基本工资                  ９８．６４００
３０１０７      绩效工资                  ６０．７９７５
３０１１３      住房公积金                ３８．４１２０
３０２１７      公务接待费                ０．３８６０
人员经费合计                              １９７．８４７５
第三部分 2024年度单位决算情况说明
一、收入支出决算总体情况说明
2024年度收入总计1162.67万元、支出总计1162.67万元，与2023年度相比，收入、支出总计各增加64.35万元，增长5.86%。主要原因是：门诊和住院服务量增加，医疗收入相应增加；基本公共卫生服务补助标准提高，财政拨款增加。
二、收入决算情况说明
2024年度本年收入合计1117.45万元，其中：财政拨款收入486.33万元，占本年收入合计的43.52%；事业收入612.49万元，占本年收入合计的54.81%，比2023年度增加（减少）26.25万元，增长（下降）4.48%，全部为医疗收入。
三、支出决算情况说明
2024年度本年支出合计1139.49万元，比2023年度增加86.39万元，增长8.20%。其中：基本支出933.44万元，占本年支出合计的81.92%；项目支出206.05万元，占本年支出合计的18.08%。
四、“三公”经费支出决算情况说明
2024年度一般公共预算财政拨款支出决算486.33万元，比2023年度增加20.00万元，主要原因是基本公共卫生服务补助标准提高。2024年度一般公共预算财政拨款三公经费支出决算2.90万元，比2023年度增加0.10万元，主要原因是公务用车维修增加。
2024年度“三公”经费支出决算2.52万元，比2023年度增加（减少）-0.38万元，增长（下降）-13.10%。2024年共发生国内公务接待6批次、41人次。2024年家庭医生签约服务9860人。
五、政府性基金预算财政拨款支出情况说明
其他支出（类）其他政府性基金及对应专项债务收入安排的支出（款）其他地方自行试点项目收益专项债券收入安排的支出（项）120.00万元，用于示例乡卫生院业务楼建设项目。该项目总投资500.00万元，其中使用地方政府专项债券资金300.00万元。
六、项目支出情况
2024年度项目支出共3个项目，具体如下：
1.基层医疗设备更新：决算86.00万元。用于更新彩超和全自动生化分析仪各1台。
2.城北分院改造：决算120.05万元，其中使用上年结转资金150.00万元以外的部分。用于城北分院门诊楼屋面防水和诊室改造。
3.家庭医生签约服务补助（“健康守门人”专项）：决算18.20万元。用于签约服务补助。
"""

STATION = """示例县示例镇农业服务中心
2025年单位预算

一、收支预算总体情况
2025年收支预算总额578.26万元，比2024年执行数636.20万元减少57.94万元，下降9.11%，主要原因是2024年执行中追加了高标准农田建设配套资金60.00万元，2025年不再安排。
2024年该中心年初预算为552.80万元。
各下属单位收入以财政拨款为主，下属单位支出按规定列支。
本中心下属单位2个：示例镇农技站、示例镇农机站。
二、名词解释
1.“三农”服务：指为农业、农村、农民提供的公共服务。
三、政府采购预算情况
2025年政府采购预算总额50.00万元，其中：政府采购货物预算20.00万元、政府采购工程预算18.00万元、政府采购服务预算12.00万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("prose-statements"), embeddings, {
        "example-county-example-township-health-centre_2024_unit-final-account.txt": CENTRE,
        "example-county-example-town-farming-centre_2025_unit-budget.txt": STATION})


@pytest.mark.parametrize("question, value, said", [
    # an item the text says is wholly another is found by that name, citing the figure it was stated with
    ("示例乡卫生院2024年医疗收入有多少", 612.49, "612.49"),
    # "总支出" as citizens say it is the whole the document states the share against
    ("示例乡卫生院基本支出占总支出的百分之多少", 81.92, "81.92%"),
    ("示例乡卫生院项目支出占总支出的比例是多少", 18.08, "18.08%"),
    # this year's income is 本年收入合计, not the 收入总计 that holds money carried over
    ("示例乡卫生院2024年当年的收入一共多少", 1117.45, "1117.45"),
    # a fund's row of the economic classification, asked through the fund that pays it
    ("示例乡卫生院用财政拨款发的绩效工资是多少", 60.80, "绩效工资"),
    # a change printed "增加（减少）-0.38万元" went down
    ("示例乡卫生院三公经费比上年少了多少", 0.38, "减少"),
    # what happened in 2024, asked of that year or of none
    ("示例乡卫生院2024年接待了多少批次", 6, "6批次"),
    # a change stated of both wholes at once is each one's
    ("示例乡卫生院24年收入总计比上年增长了百分之几", 5.86, "5.86%"),
    # a body stating its own budget of another year
    ("示例镇农业服务中心2024年年初预算是多少", 552.80, "552.8"),
    # what the year spent of a fund, not how a project's 总投资 is financed
    ("示例乡卫生院24年专项债的钱花了多少", 120.00, "120"),
    # kinds after the first take its whole
    ("示例镇农业服务中心政府采购货物和工程加起来一共多少", 38.00, "合计"),
])
def test_a_figure_as_the_document_says_it(assistant, question, value, said):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value, abs=0.005) and said in answer.text, answer.text


def test_a_change_against_last_years_outturn_in_a_budget(assistant):
    """"比去年实际少了多少" of a budget is measured against last year's 执行数, which the budget states."""
    first = assistant.ask("示例镇农业服务中心2025年预算一共多少")
    answer = assistant.ask("比去年实际少了多少", context=first.context)
    assert answer.kind == "number" and answer.value == 57.94 and "减少" in answer.text, answer.text
    reason = assistant.ask("为什么少了", context=answer.context)
    assert reason.kind == "text" and "高标准农田" in reason.text, reason.text


@pytest.mark.parametrize("question", [
    "示例乡卫生院有多少名医生",  # 家庭医生签约服务 counts people signed up, not doctors
    "示例乡卫生院城南分院2024年决算多少",  # a 分院 the text names, whose own money no table gives
])
def test_no_figure_of_another_thing(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "not_found", answer.text


def test_a_funds_whole_is_not_an_item_it_pays_for(assistant):
    """一般公共预算财政拨款三公经费支出 is the 三公经费's: its change is no change of the fund's whole 支出."""
    answer = assistant.ask("示例乡卫生院2024年一般公共预算财政拨款支出为什么增加")
    assert "补助标准提高" in answer.text and "公务用车维修" not in answer.text, answer.text


def test_every_reason_listed_after_the_colon(assistant):
    answer = assistant.ask("示例乡卫生院24年收入为啥增加")
    assert answer.kind == "text" and "医疗收入" in answer.text and "基本公共卫生服务补助标准提高" in answer.text, answer.text


def test_projects_listed_as_numbered_paragraphs_are_ranked(assistant):
    """The numbered lines under "共3个项目，具体如下：" are the projects, each once, by its label (a note aside)."""
    answer = assistant.ask("示例乡卫生院哪个项目花钱最多")
    assert "城北分院改造" in answer.text and "3项" in answer.text, answer.text


def test_the_sentence_that_lists_them_answers_which(assistant):
    answer = assistant.ask("示例镇农业服务中心有哪些下属单位")
    assert "示例镇农技站" in answer.text and "示例镇农机站" in answer.text, answer.text


def test_a_quoted_word_with_what_follows_it_is_defined(assistant):
    answer = assistant.ask("示例镇农业服务中心说的“三农”服务是什么")
    assert "为农业、农村、农民提供的公共服务" in answer.text, answer.text


def test_an_answer_resolves_the_department_of_the_document_it_quotes(assistant):
    """A question naming no body, answered from one document: its follow-ups are about that body."""
    answer = assistant.ask("基层医疗设备更新2024年决算多少")
    assert answer.value == pytest.approx(86.00) and answer.context.department == "示例县示例乡卫生院", answer.context


def test_what_an_items_money_is_used_for(assistant):
    answer = assistant.ask("示例乡卫生院的基层医疗设备更新是干嘛用的")
    assert answer.kind == "text" and "彩超" in answer.text, answer.text
