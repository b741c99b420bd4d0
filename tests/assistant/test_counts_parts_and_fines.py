"""People counted by a noun of their own (执业公证员); a whole's parts asked "各花了多少" / "分别是多少"; all of an
item's money asked "算上事业收入，…"; a fine the figure does not name; a planned count asked as a follow-up; what a
word the document uses or a unit it names is ("是干什么的"); why, from the clause that gives the reason; whom a body
answers to ("归谁管"); a later year's plan a document states (中期财政规划); a count a sentence names by its noun alone
("…开展绩效自评，共涉及项目6个") asked by what its clause before says."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

NOTARY = """翡岙县公证处
2025年单位预算
主管部门：翡岙县司法局
预算单位：翡岙县公证处

一、单位概况
翡岙县公证处核定事业编制12名，实有在编人员11人；在编人员中执业公证员6人、公证员助理3人。负责对全县12个乡镇公证联络点进行业务指导。翡岙县公证处内设综合办公室、公证业务科2个科室，设城关公证服务站、溪口公证服务站2个派出公证服务站。办公楼保洁通过政府采购委托专业保洁公司承担，范围含新河路、棠梨街两处办公点。本单位事业收入为依法收取的公证服务费和法律咨询费。
二、“三公”经费预算情况
2025年“三公”经费预算2.40万元。因公出国（境）费支出预算为0.00万元，占0.00%；公务用车购置及运行费支出预算为1.80万元，占75.00%；公务接待费支出预算为0.60万元，占25.00%。

表3 支出预算总表
单位名称：翡岙县公证处 单位：元
科目编码	科目名称	合计	一般公共预算拨款	事业收入
	合计	3381520	1781520	1600000
2040607	公共法律服务	436000	180000	256000
2040650	事业运行	2024480	1601520	422960

表4 项目支出表
单位名称：翡岙县公证处 单位：元
项目名称	2025年预算数
统计执法检查及法治宣传	108640
义务兵家庭优待金	18600000
法律援助补贴	360000
人工影响天气作业保障	680000

表5 项目支出绩效目标表
项目名称	义务兵家庭优待金
一级指标	二级指标	三级指标	指标值
产出指标	数量指标	义务兵家庭优待金发放人数	2325人
项目名称	人工影响天气作业保障
一级指标	二级指标	三级指标	指标值
产出指标	数量指标	人工影响天气作业次数	≥45次

表6 中期财政规划表
单位名称：翡岙县公证处 单位：元
项目	2025年预算数	2026年规划数	2027年规划数
支出合计	3381520	3400000	3450000
"""

BUREAU = """蓁岱区统计局
2024年度部门决算

一、机构设置
蓁岱区统计局内设办公室、综合核算科等5个科室，下设事业单位1个：蓁岱区统计普查中心（公益一类），承担经济普查、人口普查等普查数据采集处理和住户调查辅助工作。
二、收入决算情况
2024年度收入合计612.40万元，其中其他收入8.20万元。
三、收入决算构成
政府性基金预算拨款收入85.00万元，占12.00%，比上年减少35.00万元，下降29.17%，主要是光荣院改造项目由上年的消防设施改造调整为适老化改造，所需彩票公益金减少；其他收入8.20万元。
四、政府性基金预算支出情况
2024年度政府性基金预算支出85.00万元，比上年减少35.00万元，下降29.17%，全部为用于社会福利的彩票公益金支出，用于光荣院适老化改造。
普查宣传项目2024年度支出决算553.30万元，比上年减少15.10万元，下降2.66%，其中：项目支出173.40万元（含彩票公益金85.00万元）。
其他收入8.20万元，比上年增加1.80万元，主要是场地出租收入增加。
本部门2024年度对一般公共预算项目支出全面开展绩效自评，共涉及项目6个，资金420.50万元。
五、名词解释
1．其他收入：指单位取得的除上述收入以外的各项收入，本部门为统计普查中心承接专项统计调查取得的劳务收入。
2．光荣院：指由政府举办，对孤老优抚对象实行集中供养的优抚事业单位。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("counts-parts-fines"), embeddings, {
        "feiao-county-notary-office_2025_unit-budget.txt": NOTARY,
        "zhendai-district-statistics-bureau_2024_dept-final-account.txt": BUREAU})


@pytest.mark.parametrize("question, shown", [
    ("翡岙县公证处有几个执业公证员", "6人"),  # the item's own noun, not 公证员助理 found by 公证员
    ("翡岙公证处有多少公证员助理", "3人"),
    ("算上事业收入，翡岙县公证处2025年公共法律服务（项）一共安排多少", "43.60万元"),  # all funds: the 合计 column
])
def test_the_figure_asked(assistant: Assistant, question: str, shown: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "number" and shown in answer.text, answer.text


@pytest.mark.parametrize("question", ["翡岙公证处2025年三公经费各花了多少", "翡岙公证处2025年三公经费分别是多少",
                                      "翡岙公证处2025年三公经费包括哪些，各是多少"])
def test_each_of_a_wholes_parts(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "text" and all(part in answer.text for part in ("0.00万元", "1.80万元", "0.60万元")), answer.text


def test_each_item_named_side_by_side(assistant: Assistant) -> None:
    """Two items of one body asked "分别": each with its figure and citation; 及 inside one item's name cuts nothing."""
    answer = assistant.ask("翡岙公证处2025年公务用车购置及运行费和公务接待费分别是多少")
    assert answer.kind == "text" and "公务用车购置及运行费：1.80万元" in answer.text and "公务接待费：0.60万元" in answer.text, \
        answer.text
    assert len(answer.citations) == 2


def test_figures_of_each_asked_where_no_table_lists_them_are_not_found(assistant: Assistant) -> None:
    answer = assistant.ask("翡岙公证处管的各个乡镇公证联络点分别花了多少钱")
    assert answer.kind == "not_found", answer.text  # never the sentence that only names them


def test_a_fine_is_named_by_its_own_word(assistant: Assistant) -> None:
    answer = assistant.ask("翡岙公证处2025年统计执法罚了多少钱")
    assert answer.kind == "not_found", answer.text


@pytest.mark.parametrize("first, then, shown", [
    ("翡岙公证处今年义务兵家庭优待金多少钱", "计划发给多少人", "2325人"),
])
def test_a_planned_count_asked_after_its_item(assistant: Assistant, first: str, then: str, shown: str) -> None:
    answer = assistant.ask(then, context=assistant.ask(first).context)
    assert answer.kind == "number" and shown in answer.text, answer.text


@pytest.mark.parametrize("question, said", [
    ("蓁岱区统计普查中心是干什么的", "普查数据采集处理"),  # the sentence saying what the unit does, not a term naming it
    ("蓁岱统计局说的光荣院是干什么的", "集中供养"),  # the word's own entry in 名词解释
])
def test_what_a_named_unit_or_word_is(assistant: Assistant, question: str, said: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "text" and said in answer.text, answer.text


def test_why_from_the_clause_that_gives_the_reason(assistant: Assistant) -> None:
    """The change is stated twice; only the second statement says why."""
    change = assistant.ask("蓁岱统计局2024年彩票公益金比上年少了多少")
    answer = assistant.ask("为什么少了", context=change.context)
    assert answer.kind == "text" and "消防设施改造" in answer.text, answer.text


def test_whom_a_body_answers_to(assistant: Assistant) -> None:
    answer = assistant.ask("翡岙公证处归谁管")
    assert answer.kind == "text" and "翡岙县司法局" in answer.text, answer.text


def test_a_later_years_plan_the_document_states(assistant: Assistant) -> None:
    answer = assistant.ask("翡岙公证处2026年规划支出多少")
    assert answer.kind == "number" and "340.00万元" in answer.text, answer.text
    assert assistant.ask("翡岙公证处2026年公共法律服务安排多少").kind == "not_found"  # no plan of it is stated


def test_the_sentence_listing_their_names_says_what_they_are_called(assistant: Assistant) -> None:
    answer = assistant.ask("翡岙公证处有几个派出服务站，分别叫什么")
    assert answer.kind == "text" and "城关公证服务站" in answer.text and "溪口公证服务站" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "翡岙公证处保洁是哪家公司中标的",  # a sentence listing streets names no firm
    "翡岙公证处2025年公证服务费和法律咨询费各是多少",  # figures it does not state: never the sentence naming them
])
def test_names_or_figures_the_documents_do_not_give_are_not_found(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "not_found", answer.text


def test_a_monthly_rate_is_never_the_years_total(assistant: Assistant) -> None:
    assert "36.00万元" in assistant.ask("翡岙公证处2025年法律援助补贴安排多少").text
    answer = assistant.ask("翡岙公证处法律援助补贴每月发多少")
    assert answer.kind == "not_found", answer.text  # the document states no monthly figure


@pytest.mark.parametrize("question", ["蓁岱区统计局2024年做绩效自评的项目有几个", "蓁岱区统计局2024年开展绩效自评的项目有几个"])
def test_a_count_named_in_passing_is_asked_by_its_clause(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 6, answer.text
