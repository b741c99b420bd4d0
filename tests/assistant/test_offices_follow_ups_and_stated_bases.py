"""A follow-up compared against another basis keeps the basis asked before ("比年初预算多了多少" after the 调整预算数);
why an item was 调增; a change stated of "…支出预算为…，支出决算为…"; a whole named as 部门预算收入总额 and its change
stated of 收支预算总额; a whole's parts asked "花在哪几块"; the department's own office (本级) stated in a sentence, or
its row named without the county (某乡人民政府（本级）) and its share of the department's total row; a sub-unit's own
figure asked "自己的", and "这个中心" pointing back at it."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

FINAL = """翠涔县林草局
2024年度部门决算

一、部门概况
纳入翠涔县林草局2024年度部门决算编制范围的单位共2个，即：翠涔县林草局（本级）、翠涔县林业调查中心。
二、一般公共预算财政拨款支出决算情况说明
1.灾害防治及应急管理支出（类）自然灾害防治（款）森林草原防灾减灾（项）：年初预算为160.00万元，调整预算为205.00万元，支出决算为198.36万元，完成调整预算的96.76%。调整预算数大于年初预算数的主要原因是追加森林防火视频监控系统建设经费。
2.农林水支出（类）林业和草原（款）森林资源培育（项）：年初预算为420.00万元，调整预算为486.00万元，支出决算为462.15万元，完成调整预算的95.09%。
三、一般公共预算财政拨款“三公”经费支出决算情况说明
2024年度一般公共预算财政拨款“三公”经费支出预算为28.60万元，支出决算为24.37万元，完成预算的85.21%，比2023年度增加6.91万元，增长39.58%。比上年增加的主要原因是购置1辆森林防火巡护用车。
（一）因公出国（境）费支出决算为0.00万元。
（二）公务用车购置及运行费支出决算为21.80万元。
（三）公务接待费支出决算为2.57万元。
四、机关运行经费支出情况说明
2024年度翠涔县林草局（本级）机关运行经费支出247.82万元，比2023年度减少11.54万元。
五、下属单位决算情况说明
翠涔县林业调查中心2024年度收入决算444.39万元，其中：财政拨款收入425.79万元，其他收入18.60万元；支出决算440.10万元，其中：基本支出382.10万元，项目支出58.00万元。该中心2024年年初预算431.10万元，支出决算完成年初预算的102.09%。
"""

BUDGET = """翠涔县规划局
2025年部门预算

一、收支预算总体情况
2025年收入预算总额6668.54万元，支出预算总额6668.54万元。与2024年预算相比，收支预算总额各减少600.16万元，下降8.26%，主要原因是受土地市场影响，土地整治支出减少。
分单位看：局机关本级5000.00万元，翠涔县规划编制中心1668.54万元。
"""


TOWNSHIP = """翠涔县岚溪乡人民政府
2025年部门预算

一、部门概况
纳入2025年部门预算编制范围的单位共2个：岚溪乡人民政府（本级）、岚溪乡农业农村综合服务中心。
表2 部门收入预算总表
部门名称：翠涔县岚溪乡人民政府 单位：万元
单位名称\t合计\t一般公共预算拨款\t上年结转
合计\t1,512.48\t1,494.48\t18.00
岚溪乡人民政府（本级）\t1,002.14\t984.14\t18.00
岚溪乡农业农村综合服务中心\t510.34\t510.34\t0.00
表3 部门支出预算总表
部门名称：翠涔县岚溪乡人民政府 单位：万元
科目编码\t科目名称\t合计\t一般公共预算拨款\t上年结转
\t合计\t1,512.48\t1,494.48\t18.00
2130705\t村级组织运转补助\t186.40\t168.40\t18.00
2010301\t行政运行\t1,326.08\t1,326.08\t0.00
二、收入预算情况
2025年本年收入合计1494.48万元，上年结转18.00万元。
"""

DOCS = {"cuiceng-forestry-bureau_2024_dept-final-account.txt": FINAL, "cuiceng-planning-bureau_2025_dept-budget.txt": BUDGET,
        "cuiceng-lanxi-township-government_2025_dept-budget.txt": TOWNSHIP}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("offices"), embeddings, DOCS)


def test_a_follow_up_against_another_basis_keeps_the_basis_asked_before(assistant):
    first = assistant.ask("翠涔林草局2024年森林草原防灾减灾的调整预算数是多少")
    assert first.value == pytest.approx(205.0)
    gap = assistant.ask("比年初预算多了多少", context=first.context)
    assert gap.kind == "number" and gap.value == pytest.approx(45.0)  # 205 − 160, not the 决算 198.36 − 160


@pytest.mark.parametrize("why", ["为什么调增", "为啥调增了"])
def test_why_an_item_was_raised_is_its_reason(assistant, why):
    first = assistant.ask("翠涔林草局2024年森林草原防灾减灾的调整预算数是多少")
    answer = assistant.ask(why, context=first.context)
    assert "视频监控" in answer.text


@pytest.mark.parametrize("question", ["翠涔林草局2024年三公经费比2023年多了多少", "翠涔县林草局2024年三公经费比上年增加了多少"])
def test_a_change_stated_after_a_budget_and_a_final_figure_is_the_items(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(6.91)


@pytest.mark.parametrize("question", ["翠涔规划局2025年部门预算收入总额比2024年少了多少", "翠涔县规划局2025年收入预算总额比上年减少多少",
                                      "翠涔县规划局2025年预算总收入比2024年少了多少"])
def test_a_whole_named_in_full_takes_the_change_stated_of_both_sides(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(600.16)


def test_a_follow_up_on_a_named_whole_is_its_stated_change(assistant):
    first = assistant.ask("翠涔规划局2025年部门预算收入总额是多少万元")
    assert first.value == pytest.approx(6668.54)
    assert assistant.ask("比2024年少了多少", context=first.context).value == pytest.approx(600.16)


@pytest.mark.parametrize("question", ["翠涔林草局2024年三公经费决算分别花在哪几块，各多少万元", "翠涔林草局2024年三公经费决算各多少"])
def test_where_a_whole_went_lists_its_parts(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "text" and all(figure in answer.text for figure in ("21.80", "2.57"))


@pytest.mark.parametrize("question", ["翠涔县林草局本级2024年机关运行经费支出多少万元", "翠涔林草局本级2024年机关运行经费是多少"])
def test_the_own_office_asked_is_answered_by_the_sentence_naming_it(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(247.82)
    assert "（本级）" in answer.citations[0].quote


OFFICE_ONLY = """翠涔县科学技术局
2024年度部门决算

一、部门概况
纳入2024年度部门决算编制范围的单位共2个：翠涔县科学技术局本级（行政单位）、翠涔县科技情报所（公益一类事业单位）。
二、机关运行经费支出说明
翠涔县科学技术局本级2024年度机关运行经费支出86.35万元，比2023年度92.18万元减少5.83万元，下降6.32%。
三、其他
2024年度本部门公务用车运行费支出决算3.62万元。
"""


@pytest.fixture(scope="module")
def office_only(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("office-only"), embeddings,
                             {"cuicen-science-2024-dept-final-account.txt": OFFICE_ONLY})


@pytest.mark.parametrize("question, value", [("翠涔县科学技术局2024年机关运行经费花了多少", 86.35),
                                             ("翠涔科技局24年机关运行经费比上年少了多少", 5.83)])
def test_an_item_only_an_office_has_is_the_departments_when_its_office_states_it(office_only, question, value):
    """机关运行经费 is only an administrative office's: the 本级's sentence answers the department, saying whose it is,
    never the 公务用车运行费 its definition lists."""
    answer = office_only.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert "本级" in answer.text and "2024年度" not in answer.text, answer.text


def test_the_own_office_is_never_answered_with_a_figure_its_sentence_does_not_name(assistant):
    answer = assistant.ask("翠涔县林草局本级2024年公务接待费多少万元")
    assert answer.kind == "not_found"


@pytest.mark.parametrize("question", ["翠涔县林业调查中心2024年度自己的支出决算是多少万元", "翠涔县林业调查中心2024年支出决算多少"])
def test_a_sub_units_own_spending_is_its_paragraphs(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(440.10)  # never its 收入决算 444.39


def test_this_centre_points_back_at_the_sub_unit(assistant):
    first = assistant.ask("翠涔县林业调查中心2024年度自己的支出决算是多少万元")
    answer = assistant.ask("这个中心完成年初预算的百分之多少", context=first.context)
    assert answer.kind == "number" and answer.value == pytest.approx(102.09)


@pytest.mark.parametrize("question", ["岚溪乡人民政府（本级）的收入预算是多少", "岚溪乡政府本级2025年收入预算是多少"])
def test_the_own_office_row_is_found_without_the_county(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(1002.14)


@pytest.mark.parametrize("question, share", [
    ("岚溪乡人民政府（本级）的收入预算占整个部门收入预算的百分之几", 66.26),
    ("岚溪乡政府本级的收入预算占整个部门收入预算的百分之几", 66.26),  # 本级 said as a word of the item
    ("岚溪乡农业农村综合服务中心的收入占部门收入的比重是多少", 33.74),
])
def test_a_units_share_is_its_row_over_its_tables_total(assistant, question, share):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(share)  # over 1512.48, with the carry-over


def test_then_of_it_asks_a_part_of_the_item_before(assistant):
    first = assistant.ask("岚溪乡2025年村级组织运转补助一共多少")
    assert first.value == pytest.approx(186.40)
    part = assistant.ask("那其中一般公共预算拨款是多少", context=first.context)
    assert part.kind == "number" and part.value == pytest.approx(168.40)  # the item's, never the department's


def test_a_table_named_answers_alone(assistant):
    """"支出总表里…" is that table's figure or none, never another table's figure of the item."""
    answer = assistant.ask("岚溪乡2025年部门收入预算总表里村级组织运转补助是多少")  # a row of the 支出 table only
    assert answer.kind == "not_found"
    absent = assistant.ask("岚溪乡2025年政府采购预算表里村级组织运转补助是多少")  # a table the document has not
    assert absent.kind == "not_found"
    assert assistant.ask("岚溪乡2025年部门支出预算总表里村级组织运转补助是多少").value == pytest.approx(186.40)


@pytest.mark.parametrize("question", ["翠涔县规划局2025年局机关本级的预算占部门总预算的百分之几", "规划局25年局机关本级预算占部门总预算的比例"])
def test_a_share_of_the_whole_asked_by_its_name_with_a_basis(assistant, question):
    """部门总预算 is the whole budget, also where the basis 预算 is read off both parts."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(74.98)
