"""Figures printed in 元 are shown exactly; a sub-unit's own paragraph ("该中心…") states its figures, not the
department's; a year further back is a column of a later budget; a fund's 基本支出 is no conflict of the whole's;
an item asked "连上年结转在内" is its figure; the units of a budget are listed from the sentence that names them; a
body's nature is never a project form's field; a figure asked with where its money comes from is given with both; a
change this year's document does not state is read against last year's document, or said to be missing; a table the
question names, or all funds, or one fund after the item, says which table answers; a unit asked for is shown."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.retrieval_path import only_captions
from tests.assistant.conftest import written_assistant

BUREAU = """示例市交通运输局
2025年部门预算

第一部分 部门概况
一、预算单位构成
纳入本部门2025年部门预算编制范围的预算单位共3个，包括：局机关本级（行政单位）；示例市公路事业发展中心（公益一类事业单位）；示例市港航事业发展中心（公益一类事业单位）。
二、部门职能
示例市交通运输局是示例市人民政府管理的正处级行政机构，负责全市公路、水路交通运输行业管理。

第二部分 部门预算表
表一 部门收支预算总表
部门名称：示例市交通运输局 单位：万元
项目	2023年决算数	2024年预算数	2025年预算数
本年收入合计	3400.00	3500.00	3600.00
本年支出合计	3387.80	3500.00	3600.00

表二 部门收入预算总表
部门名称：示例市交通运输局 单位：万元
单位编码	单位名称	合计	一般公共预算拨款收入	上年结转
001	示例市交通运输局（本级）	1139.76	1139.76
002	示例市公路事业发展中心	1960.24	1699.24	261.00
003	示例市港航事业发展中心	500.00	500.00

表三 部门支出预算总表
部门名称：示例市交通运输局 单位：万元
科目编码	科目名称	2025年预算数	基本支出	项目支出
2140106	公路养护	1307.52	684.52	623.00
2140112	公路运输管理	389.65	328.65	61.00

表四 财政拨款收支总表
部门名称：示例市交通运输局 单位：万元
项目	合计	一般公共预算
本年支出合计	3450.00	3450.00

表五 一般公共预算支出表
部门名称：示例市交通运输局 单位：万元
科目编码	科目名称	2025年预算数	基本支出	项目支出
2140106	公路养护	1222.52	684.52	538.00
2140112	公路运输管理	389.65	328.65	61.00

第三部分 部门预算情况说明
一、"三公"经费预算情况
2025年本部门一般公共预算"三公"经费预算977,000.00元，比2024年预算1,047,000.00元减少70,000.00元。
二、下属单位情况
示例市公路事业发展中心为本部门所属公益一类事业单位，核定事业编制186名，实有在编人员172人。2025年该中心收入预算19,602,360.00元，其中：一般公共预算拨款收入16,992,360.00元，上年结转2,610,000.00元；支出预算19,602,360.00元，其中：基本支出8,412,360.00元，项目支出11,190,000.00元。与2024年预算20,512,580.00元相比，减少910,220.00元。该中心2025年"三公"经费预算412,000.00元。
"""

TOWN = """示例县示例镇人民政府
2024年度部门决算

第一部分 部门概况
示例县示例镇人民政府是县人民政府领导下的基层行政机关。其中行政单位1个，事业单位2个。
纳入本部门2024年度部门决算编报范围的单位共3个，包括：示例镇本级、示例县示例镇农业综合服务中心、示例县示例镇社会事务综合服务中心。

第三部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
2024年度本年支出合计5089.39万元。其中，示例镇本级支出决算4320.18万元，示例县示例镇农业综合服务中心支出决算412.37万元，示例县示例镇社会事务综合服务中心支出决算356.84万元。
"""

CENTRE = """示例区示例街道社区卫生服务中心
2025年单位预算

一、单位基本情况
示例区示例街道社区卫生服务中心是示例区卫生健康局所属的公益一类事业单位，承担辖区内的基本医疗和基本公共卫生服务。

二、收支预算总体情况
2025年本单位收入预算28,806,182.80元，比上年增加909,596.80元。
2025年本单位支出预算28,806,182.80元，其中：基本支出24,662,632.80元，项目支出4,143,550.00元。
2025年本单位一般公共预算支出预算12,370,182.80元，其中：基本支出8,826,632.80元，项目支出3,543,550.00元。
2025年本单位公务接待费预算12,000.00元，办公费预算35,678.90元，印刷费预算4,321.10元。
2025年本单位政府采购预算中，数字化X射线摄影系统600,000.00元。数字化X射线摄影系统采购资金来源为事业收入。

三、一般公共预算支出情况
（一）社区卫生服务机构（项）9,870,182.80元，主要用于在职人员工资福利和日常运转。

四、部门整体绩效目标表
表12 部门整体绩效目标表
项目名称	示例区示例街道社区卫生服务中心
项目性质	经常性项目
主管部门	示例区卫生健康局
一级指标	二级指标	指标	指标值
成本指标	经济成本指标	门诊次均费用	≤120元
"""


TOURISM_2024 = """示例区文化和旅游局
2024年部门预算

一、机关运行经费
2024年本部门机关运行经费预算为443.18万元。
"""

TOURISM_2025 = """示例区文化和旅游局
2025年部门预算

一、机关运行经费
2025年本部门机关运行经费预算为464.64万元。
二、公务接待费
2025年本部门公务接待费预算为3.00万元。
2025年本部门会议费预算为2.00万元，与2024年相比增加0.50万元；剔除新增培训因素后，会议费减少0.20万元。
2025年本部门机关运行经费预算为50.00万元，主要用于保障机关日常运转。
2025年本部门收入预算为1234.57万元。

表一 部门收支总表
单位：元
项目	预算数
收入总计	12,345,678.00

四、名词解释
1．“三公”经费：指用一般公共预算拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。

三、项目绩效目标表
表8 项目支出绩效目标表
项目名称	新建示例区游客服务中心
主管部门	示例区文化和旅游局
项目性质	一次性项目
项目总目标	建成后作为游客咨询、投诉受理和文旅宣传场所。
一级指标	二级指标	三级指标	指标值
产出指标	数量指标	新建服务中心	1个
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("exact-figures-unit-paragraphs"), embeddings, {
        "example-city-transport-bureau_2025_dept-budget.txt": BUREAU,
        "example-district-example-community-health-centre_2025_unit-budget.txt": CENTRE,
        "example-district-tourism-bureau_2024_dept-budget.txt": TOURISM_2024,
        "example-district-tourism-bureau_2025_dept-budget.txt": TOURISM_2025,
        "example-county-example-town-government_2024_dept-final-account.txt": TOWN})


def test_all_funds_asked_are_never_the_figure_stated_under_one_funds_heading(assistant: Assistant):
    """A paragraph under "一般公共预算支出情况" states one fund's money: asked all of an item's money, it is no answer."""
    answer = assistant.ask("示例区示例街道社区卫生服务中心2025年社区卫生服务机构所有资金加起来一共多少")
    assert answer.value is None, answer.text  # the document states no all-funds figure of it
    assert assistant.ask("示例区示例街道社区卫生服务中心2025年社区卫生服务机构一般公共预算安排多少").value == pytest.approx(9870182.8)


@pytest.mark.parametrize("question, value, unit, shown", [
    # two decimals of 万元 cannot show it: as printed, with 万元 beside it
    ("示例街道社区卫生服务中心2025年收入预算是多少", 28806182.80, "元", "28806182.80元（约2880.62万元）"),
    ("示例街道社区卫生服务中心2025年比上年多了多少", 909596.80, "元", "909596.80元"),
    # 万元 shows it exactly: in 万元, with the figure beside it as printed
    ("示例街道社区卫生服务中心2025年招待费多少", 1.20, "万元", "1.20万元（原文：12,000.00元）"),
    # a sum of figures printed in 元 stays in 元 when 万元 cannot show it
    ("示例街道社区卫生服务中心2025年办公费和印刷费一共多少", 40000.00, "元", "40000.00元"),
])
def test_a_figure_printed_in_yuan_is_shown_exactly(assistant: Assistant, question, value, unit, shown):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value, abs=0.005) and answer.unit == unit, answer.text
    assert shown in answer.text


def test_a_funds_basic_spending_is_no_conflict_of_the_whole_and_answers_for_that_fund(assistant: Assistant):
    whole = assistant.ask("示例街道社区卫生服务中心2025年基本支出一共多少")
    assert whole.value == pytest.approx(24662632.80) and "不同" not in whole.text, whole.text
    fund = assistant.ask("其中一般公共预算安排的基本支出是多少", context=whole.context)
    assert fund.value == pytest.approx(8826632.80), fund.text


@pytest.mark.parametrize("question, value", [
    ("示例市交通局2025年三公经费预算多少", 97.70),  # the department's, never the 中心's 41.20 its paragraph states
    ("示例市公路事业发展中心2025年三公经费预算多少", 41.20),  # "该中心…": the paragraph's unit
    ("示例市公路事业发展中心2025年支出预算是多少", 19602360.00),
    ("示例市公路事业发展中心有多少编制", 186),  # the first sentence of its paragraph
    ("示例县示例镇农业综合服务中心24年花了多少钱", 412.37),  # "某中心支出决算…" in its department's words
])
def test_a_sub_units_paragraph_states_its_figures_and_not_the_departments(assistant: Assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value, abs=0.005), answer.text


def test_a_sibling_unit_sharing_the_end_of_its_name_is_not_answered_with_its_figures(assistant: Assistant):
    answer = assistant.ask("示例市港航事业发展中心2025年三公经费预算多少")
    assert answer.kind == "not_found" and "41.20" not in answer.text, answer.text


def test_a_follow_up_about_a_sub_unit_stays_with_it(assistant: Assistant):
    first = assistant.ask("示例市公路事业发展中心2025年支出预算是多少")
    then = assistant.ask("其中项目支出呢", context=first.context)
    assert then.value == pytest.approx(1119.00) and then.unit == "万元", then.text


@pytest.mark.parametrize("question, value", [
    ("示例市交通运输局2023年决算支出是多少", 3387.80),
    ("示例市交通局2023年收入决算多少", 3400.00),
])
def test_a_year_further_back_is_a_column_of_a_later_budget(assistant: Assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert "2023年决算数" in answer.text


def test_a_year_no_document_states_is_still_refused(assistant: Assistant):
    answer = assistant.ask("示例市交通运输局2021年决算支出是多少")
    assert answer.kind == "not_found", answer.text


@pytest.mark.parametrize("question", [
    "示例市交通局2025年公路养护连上年结转在内一共安排多少",
    "示例市交通局2025年公路养护含上年结转多少",
])
def test_an_item_asked_with_its_carry_over_is_its_figure(assistant: Assistant, question):
    answer = assistant.ask(question)
    assert answer.value == pytest.approx(1307.52), answer.text


@pytest.mark.parametrize("question", ["示例市交通运输局2025年部门预算包括哪些单位", "示例市交通局部门预算由哪些单位组成"])
def test_the_units_of_a_budget_come_from_the_sentence_naming_them(assistant: Assistant, question):
    answer = assistant.ask(question)
    assert "公路事业发展中心" in answer.text and "港航事业发展中心" in answer.text, answer.text


@pytest.mark.parametrize("question", ["示例镇政府是个什么性质的单位", "示例镇政府属于什么性质的机构",
                                      "示例镇政府是什么性质的单位，干什么的"])
def test_what_kind_of_body_one_is_comes_from_the_sentence_saying_what_it_is(assistant: Assistant, question):
    answer = assistant.ask(question)
    assert "基层行政机关" in answer.text and "其中行政单位" not in answer.text, answer.text


def test_a_body_said_to_be_an_administrative_organ_is_of_that_kind(assistant: Assistant):
    answer = assistant.ask("示例市交通局是什么性质的单位")  # "…的正处级行政机构", not the sentence listing its units by kind
    assert "正处级行政机构" in answer.text, answer.text


def test_the_units_under_a_body_are_those_its_final_account_is_made_up_of(assistant: Assistant):
    answer = assistant.ask("示例镇政府下面有哪些单位")  # "…决算编报范围的单位共3个，包括：…"
    assert "农业综合服务中心" in answer.text and "社会事务综合服务中心" in answer.text, answer.text


def test_a_bodys_nature_is_not_its_forms_field(assistant: Assistant):
    answer = assistant.ask("示例街道社区卫生服务中心是什么性质的单位")
    assert "公益一类事业单位" in answer.text and "经常性项目" not in answer.text, answer.text


def test_a_project_named_after_what_it_builds_still_answers_its_forms_field(assistant: Assistant):
    answer = assistant.ask("示例区文旅局新建的游客服务中心盖好以后拿来干啥")
    assert "游客咨询、投诉受理和文旅宣传场所" in answer.text, answer.text


def test_a_figure_asked_with_its_source_is_given_with_the_sentence_stating_the_source(assistant: Assistant):
    answer = assistant.ask("示例街道社区卫生服务中心买数字化X射线摄影系统的钱从哪来，多少钱")
    assert answer.value == pytest.approx(60.00) and "资金来源为事业收入" in answer.text, answer.text
    assert any("事业收入" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question, value", [
    ("示例区文旅局2025年机关运行经费比上年多了多少", 21.46),
    ("示例区文旅局2025年机关运行经费增长了百分之几", 4.84),
    ("示例区文旅局2025年机关运行经费上年是多少", 443.18),
])
def test_a_change_this_years_document_does_not_state_is_read_against_last_years(assistant: Assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert len({c.doc_id for c in answer.citations}) == (1 if "上年是" in question else 2)


def test_a_change_no_document_states_is_refused_with_the_figure_that_is_stated(assistant: Assistant):
    answer = assistant.ask("示例区文旅局2025年公务接待费比上年多了多少")
    assert answer.kind == "not_found" and "比上年的增减" in answer.text and "3.00万元" in answer.text, answer.text
    assert answer.citations and "3.00万元" in answer.citations[0].quote


@pytest.mark.parametrize("question, value", [
    ("示例市交通局2025年公路养护连上年结转在内一共安排多少", 1307.52),  # all funds: 支出总表
    ("示例市交通局2025年公路养护用全部资金安排多少", 1307.52),
    ("示例市交通局2025年公路养护（项）算上上年结转和其他收入一共安排多少", 1307.52),  # which money, no second item
    ("示例市交通局2025年部门支出总表里公路养护是多少", 1307.52),  # the table named
    ("示例市交通局2025年一般公共预算支出表里公路养护是多少", 1222.52),
    ("示例市交通局2025年公路养护一般公共预算拨款安排多少", 1222.52),  # the fund after the item: its table
])
def test_the_table_a_question_asks_of_answers(assistant: Assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text


@pytest.mark.parametrize("question, value, unit, shown", [
    ("示例街道社区卫生服务中心2025年收入预算是多少万元", 2880.62, "万元", "2880.62万元（原文：28,806,182.80元）"),
    ("示例街道社区卫生服务中心2025年办公费和印刷费一共多少元", 40000.00, "元", "40000.00元"),
])
def test_a_money_unit_the_question_asks_for_is_the_one_shown(assistant: Assistant, question, value, unit, shown):
    answer = assistant.ask(question)
    assert answer.value == pytest.approx(value) and answer.unit == unit and shown in answer.text, answer.text


@pytest.mark.parametrize("question, value", [
    ("示例市公路事业发展中心2025年收入预算多少", 1960.24),  # its row in the table of units
    ("示例市港航事业发展中心2025年收入预算多少", 500.00),
    ("示例市公路事业发展中心2025年三公经费预算多少", 41.20),  # no column of the table: its own paragraph
])
def test_a_unit_with_a_row_and_a_paragraph_is_answered_from_either(assistant: Assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text


def test_a_follow_up_asking_the_change_in_a_unit_keeps_the_item_and_the_figure_itself(assistant: Assistant):
    first = assistant.ask("示例区文旅局2025年会议费多少")
    then = assistant.ask("跟2024年比是增加还是减少？差了多少万元？", context=first.context)
    assert then.value == pytest.approx(0.50) and "增加" in then.text, then.text  # not the 剔除…后 figure


def test_a_refusal_never_quotes_a_figure_of_another_item(assistant: Assistant):
    answer = assistant.ask("示例区文旅局2025年差了多少万元")
    assert answer.kind == "not_found" and not answer.citations, answer.text


def test_a_list_question_is_answered_by_the_definition_of_its_own_item_only(assistant: Assistant):
    parts = assistant.ask("示例区文旅局三公经费包括哪些")
    assert "因公出国（境）费" in parts.text and "公务接待费" in parts.text, parts.text
    spent = assistant.ask("示例区文旅局机关运行经费主要花在哪些方面")
    assert "因公出国" not in spent.text, spent.text


@pytest.mark.parametrize("chunk, captions", [
    ("表三 部门支出总表\n部门名称：示例市交通运输局 单位：万元续表部门名称：示例市交通运输局 单位：万元", True),
    ("表一\n单位名称：示例中心　　金额单位：元", True),
    ("一、概况\n纳入本部门预算编制范围的单位共3个", False),
    ("一、概况\n单位：万元 2025年收入预算100.00万元", False),
    ("第二部分 部门决算表 > 收入决算表\n编制单位：示例县林业局 公开02表 单位：万元", True),  # its form number says nothing
    ("第二部分 部门决算表 > 收入决算表\n编制单位：示例县林业局 公开02表 单位：万元\n注：本部门没有事业收入。", False),
    ("第二部分 部门预算表 > 部门收支预算总表\n部门名称：示例县自然资源局 单位：万元表7 表8", True),  # the tables' numbers
    ("第二部分 部门预算表\n表7 表8", False),  # numbers alone caption nothing
])
def test_a_chunk_of_caption_lines_alone_is_told_apart(chunk: str, captions: bool):
    assert only_captions(chunk) is captions


def test_a_difference_of_one_item_in_two_named_tables_is_never_answered_with_a_tables_total(assistant: Assistant):
    answer = assistant.ask("示例市交通局2025年公路养护在部门支出总表里的数比一般公共预算支出表里的数多多少万元")
    assert answer.kind == "not_found" or answer.value == pytest.approx(85.00), answer.text


@pytest.mark.parametrize("question, value, unit", [
    ("示例区文旅局2025年收入预算是多少元", 12345678.00, "元"),  # the table prints it in 元: not 1234.57万元 converted
    ("示例区文旅局2025年收入预算是多少", 1234.57, "万元"),
])
def test_a_figure_asked_in_a_unit_another_place_prints_it_in_is_that_places(assistant: Assistant, question, value, unit):
    answer = assistant.ask(question)
    assert answer.value == pytest.approx(value) and answer.unit == unit, answer.text


def test_a_figure_too_small_for_the_asked_unit_keeps_its_own_and_no_wrong_rounding(assistant: Assistant) -> None:
    answer = assistant.ask("示例市交通运输局2025年公路运输管理多少亿元")
    assert "389.65万元" in answer.text and "亿元" not in answer.text, answer.text
