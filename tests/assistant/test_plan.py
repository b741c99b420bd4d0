"""The question plan, read without any index or model: operation, basis, direction, items, years, scope."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from assistant.absence import absence_statements, states_inapplicable, states_outside
from assistant.intent import parse_question
from assistant.plan import ALL_FUNDS_TABLES, Operation, Shape
from index.fact_store import DocumentRecord
from ingest.model import Basis, Direction, TableKind
from ingest.subjects import classification_levels, same_item

DEPARTMENTS = [
    ("某市发展和改革委员会", 2024, "部门预算"),
    ("某市发展和改革委员会", 2025, "部门预算"),
    ("某区人力资源和社会保障局", 2024, "部门决算"),
    ("某区文化和旅游局", 2025, "部门预算"),
    ("某县住房和城乡建设管理委员会", 2025, "部门预算"),
    ("某区人民政府办公室", 2025, "部门预算"),
    ("某县人民代表大会常务委员会办公室", 2024, "部门决算"),
    ("某县人民代表大会常务委员会办公室", 2025, "部门预算"),
]
CONGRESS = "某县人民代表大会常务委员会办公室"


def documents() -> list[DocumentRecord]:
    return [
        DocumentRecord(doc_id=f"d{i}", title="", department=name, year=year, kind=kind, source=f"{i}.pdf", sha256="",
                       format="pdf", status="ready", ingested_at=datetime.now(UTC))
        for i, (name, year, kind) in enumerate(DEPARTMENTS)
    ]


def absence_statement(text: str, terms: list[str]) -> tuple[int, int] | None:
    """The first sentence saying the document has none of the item, or None."""
    return next(iter(absence_statements(text, terms)), None)


def plan(question: str):
    return parse_question(question, documents())


@pytest.mark.parametrize("question, department", [
    ("发改委2025年招待费多少", "某市发展和改革委员会"),
    ("人社局24年决算三公经费是多少", "某区人力资源和社会保障局"),
    ("文旅局公车花了多少钱", "某区文化和旅游局"),
    ("住建委今年出国经费多少", "某县住房和城乡建设管理委员会"),
])
def test_abbreviated_department_names(question, department):
    assert plan(question).departments == [department]


@pytest.mark.parametrize("question", ["深圳市南山区财政局三公经费多少", "静安区文化和旅游局招待费", "教育局2025年预算是多少"])
def test_a_body_that_is_not_indexed_is_kept_and_never_another(question):
    found = plan(question)
    assert found.unknown_body and found.departments == [found.unknown_body]


@pytest.mark.parametrize("question, basis", [
    ("人社局2024年三公经费决算是多少", Basis.FINAL),
    ("人社局24年公务接待费实际花了多少", Basis.FINAL),
    ("人社局2024年公务接待费年初预算多少", Basis.INITIAL_BUDGET),
    ("人社局2024年行政运行全年预算是多少", Basis.ADJUSTED_BUDGET),
    ("人社局2024年行政运行调整预算是多少", Basis.ADJUSTED_BUDGET),
    ("人社局2024年一般公共预算财政拨款支出调整后的预算是多少", Basis.ADJUSTED_BUDGET),
    ("发改委2025年行政运行上年预算执行数是多少", Basis.EXECUTION),
    ("发改委2025年一般公共预算拨款支出是多少", None),  # a fund name, not a basis
    ("人社局2024年三公经费实际花了多少", Basis.FINAL),
    ("人社局2024年行政运行实际是多少", Basis.FINAL),
    ("人社局实际开放多少张床", None),  # 实际 of a count, not the outturn
    ("人社局实际在岗多少人", None),
])
def test_the_basis_asked_for(question, basis):
    assert plan(question).basis is basis


@pytest.mark.parametrize("question, direction", [
    ("发改委2025年招待费比上年少了多少", Direction.DOWN),
    ("发改委2025年三公经费减少了多少", Direction.DOWN),
    ("发改委2025年预算比上年增加了多少", Direction.UP),
    ("发改委2025年项目支出比去年多了多少", Direction.UP),
    ("发改委2025年因公出国经费比去年少多少", Direction.DOWN),
    ("发改委25年招待费较上年多多少", Direction.UP),
])
def test_direction_and_change(question, direction):
    found = plan(question)
    assert found.operation is Operation.CHANGE and found.direction is direction


@pytest.mark.parametrize("question", ["发改委2025年公车是增加还是减少", "发改委2025年招待费比上年多了还是少了", "发改委2025年接待费同比怎么变化",
                                      "发改委2025年招待费跟去年比呢"])
def test_which_way_questions_ask_for_the_change(question):
    assert plan(question).operation is Operation.CHANGE


@pytest.mark.parametrize("question", [
    "发改委2025年行政运行比2024年预算执行数少了多少", "发改委2025年收入比24年执行数多了多少", "发改委2025年招待费跟2024年执行数比是多了还是少了",
])
def test_a_change_against_last_years_execution_is_read_from_the_later_document(question):
    found = plan(question)
    assert (found.operation, found.years, found.basis) == (Operation.CHANGE, [2025], Basis.EXECUTION)


@pytest.mark.parametrize("question, first, second", [
    ("人社局2024年信息化建设决算比年初预算少了多少", Basis.FINAL, Basis.INITIAL_BUDGET),
    ("人社局24年决算 行政运行比年初预算少了多少", Basis.FINAL, Basis.INITIAL_BUDGET),
    ("人社局2024年住房公积金决算比全年预算少多少", Basis.FINAL, Basis.ADJUSTED_BUDGET),
])
def test_one_item_two_bases_is_a_difference(question, first, second):
    found = plan(question)
    assert found.operation is Operation.DIFFERENCE and found.part_bases == [first, second]
    assert found.parts[0] == found.parts[1] and "决算" not in found.parts[0]


@pytest.mark.parametrize("question", ["人社局2024年支出完成了年初预算的百分之几", "人社局2024年行政运行完成率是多少", "人社局2024年行政运行（项）决算完成了年初预算的百分之几",
                                      "人社局2024年行政运行决算是年初预算的百分之几", "人社局2024年行政运行决算数为年初预算的多少",
                                      "人社局2024年行政运行最后完成了百分之多少"])
def test_completion_rates(question):
    found = plan(question)
    assert found.operation is Operation.COMPLETION and found.unit_hint == ("%",)
    assert "完成" not in found.focus and "决算" not in found.focus and "（项）" not in found.focus
    # 决算 over 年初预算; 完成率 alone: over the budget the document states it against
    assert found.part_bases == [Basis.FINAL, None if "年初" not in question else Basis.INITIAL_BUDGET]


@pytest.mark.parametrize("question", ["人社局2024年行政运行完成了全年预算的百分之几", "人社局2024年行政运行最后实际花的占调整预算百分之几",
                                      "人社局2024年行政运行实际用了调整后预算的百分之多少"])
def test_a_completion_of_the_full_years_budget_divides_by_it(question):
    found = plan(question)
    assert (found.operation, found.part_bases, found.focus) == (Operation.COMPLETION, [Basis.FINAL, Basis.ADJUSTED_BUDGET], "行政运行")


@pytest.mark.parametrize("question, focus, years, as_of", [
    ("人社局2024年年末结转和结余有多少", "年末结转和结余", [2024], None),  # the item's name, no date
    ("人社局截至2024年底结转和结余有多少", "结转和结余", [2025], 2024),  # a date: stated in the next year's document
    ("人社局到2024年末有几辆车", "车", [2025], 2024),
])
def test_a_year_end_is_a_date_unless_it_begins_the_items_name(question, focus, years, as_of):
    found = plan(question)
    assert (found.focus, found.years, found.as_of) == (focus, years, as_of)


@pytest.mark.parametrize("question, item", [
    ("发改委2025年基本支出中的人员经费是多少", "人员经费"),
    ("发改委2025年三公经费里公务接待费多少", "公务接待费"),
    ("发改委2025年项目支出当中信息化建设多少", "信息化建设"),
])
def test_an_item_inside_a_whole_is_the_item(question, item):
    asked = plan(question)
    assert asked.terms[0] == item and asked.scope and asked.scope not in asked.terms  # the whole never answers


@pytest.mark.parametrize("question", ["发改委什么叫基本支出", "发改委为啥预算比上年多", "文旅局2025年公用经费包括什么", "住建委是什么性质的单位",
                                      "发改委说的社区服务群众专项经费是什么", "文旅局的三公经费是什么？",
                                      "文旅局的执法车是哪一年买的", "发改委的信息化项目什么时候完工"])
def test_text_questions_are_not_answered_with_a_figure(question):
    assert not plan(question).wants_number


@pytest.mark.parametrize("question", ["发改委为什么三公经费增加", "文旅局为啥招待费少了", "住建委项目支出增加的原因是什么"])
def test_reason_questions(question):
    found = plan(question)
    assert found.asks_reason and found.operation is Operation.TEXT and found.focus


@pytest.mark.parametrize("question, focus", [
    ("发改委审计业务这个科目2025年一般公共预算安排了多少", "审计业务"), ("文旅局第三届运动会这个项目预算多少钱", "第三届运动会项目"),
    ("住建委村卫生室那个基本公卫补助项目多了多少", "村卫生室基本公卫补助项目"),
])
def test_this_and_that_point_at_the_item_named_before_them(question, focus):
    assert plan(question).focus == focus


def test_who_is_asked_in_words():
    assert not plan("司法局人民调解那个项目，钱是拿去买谁的服务").wants_number


@pytest.mark.parametrize("question, focus", [
    ("文旅局怎么没有体彩公益金", "体彩公益金"), ("发改委行政运行怎么一分钱都没安排", "行政运行"), ("怎么一分钱都没安排", ""),
    ("住建委怎么不安排出国经费", "出国经费"),
])
def test_how_come_none_asks_a_reason(question, focus):
    found = plan(question)
    assert (found.asks_reason, found.focus) == (True, focus)


@pytest.mark.parametrize("question, focus, direction", [
    ("发改委2025年公车购置费为啥比24年少了10万", "公车购置费", Direction.DOWN),
    ("文旅局2023年普查经费为什么从0变成了60.13万元", "普查经费", Direction.UP),
    ("住建委2025年预算为啥比2024年多", "", Direction.UP),  # the whole budget
    ("人社局三公经费为什么从1,200万降到了900万", "三公经费", Direction.DOWN),
    ("发改委2025年公车购置费为啥比24年少了二十多万", "公车购置费", Direction.DOWN),  # a figure in words
])
def test_a_why_question_that_quotes_the_change(question, focus, direction):
    """The figures quoted describe the change: they say its direction and are not item words."""
    found = plan(question)
    assert (found.asks_reason, found.focus, found.direction) == (True, focus, direction)


@pytest.mark.parametrize("question", ["发改委2025年三公经费比上年多还是少", "发改委2025年预算的比例是多少"])
def test_no_direction_where_the_question_gives_none(question):
    assert plan(question).direction is None


@pytest.mark.parametrize("question, units", [
    ("发改委2025年有几辆公务用车", ("台", "辆")),
    ("人社局2024年公务接待多少人次", ("人次", "万人次")),  # a unit asked holds its 万 form
    ("保洁项目要保洁多大面积", ("平方米", "亩", "万平方米", "万亩")),
    ("人社局2024年公务接待了几批次", ("批次",)),
    ("发改委实际开放多少张床", ("张",)),
    ("发改委下属有几所学校", ("所",)),
    ("疾控中心一共采购了多少支疫苗", ("支",)),  # a count of 支, never money (多少支出 is money)
    ("水务局清淤了多少公里", ("公里",)),
    ("农业局新建了多少万亩高标准农田", ("万亩",)),
    ("文旅局计划改造多少间教室", ("间",)),
    ("发改委要新建几栋楼", ("栋",)),
    ("发改委下属单位有多少家", ("家", "个")),  # units are counted in 家 or 个
    ("发改委有几个下属单位", ("个", "家")),
    ("农业局高标准农田项目自评多少分", ("分",)),  # a score
    ("发改委公务接待了几批", ("批次", "批")),  # documents count visits in 批次
])
def test_counts_ask_for_their_unit(question, units):
    assert plan(question).unit_hint == units


@pytest.mark.parametrize("question, units", [("疾控中心2024年多少支出", ()), ("人社局有多少个出国团组", ("个", "家")),
                                             ("人社局多少分配给了下属单位", ())])
def test_支出_is_no_count_of_支_and_出国_ends_no_count(question, units):
    assert plan(question).unit_hint == units


@pytest.mark.parametrize("question, focus", [
    ("文旅局计划改造多少间教室", "计划改造教室"),  # the unit asked is no word of the item
    ("发改委预算里说的快检室是什么意思", "快检室"),
    ("发改委的其他收入是啥", "其他收入"),  # what it is: no list of its parts
    ("人社局决算里提到的调整预算数是指什么", "调整预算数"),
    ("人社局2024年年底还剩多少没花", "还剩"),
    ("人社局2024年最后决算是多少", ""),
    ("文旅局今年开政协会议的钱有多少", "政协会议"),  # what the meeting costs, not the act of holding it
    ("文旅局2024年开人代会实际花了多少钱", "人代会"),
    ("文旅局今年涉及多少户居民", "居民"),  # what is counted, not the verb reaching it
    ("文旅局为啥今年不买车了", "买车"),  # the item whose change is asked, not its negation
    ("文旅局不动产登记费多少", "不动产登记费"),  # 不动产 is a word, no negation
    ("文旅局三公经费为啥反而多了", "三公经费"),
    ("文旅局今年有政府性基金的钱吗？有多少", "政府性基金"),  # whether it has any, then how much
    ("文旅局2025年给自己职工缴的住房公积金预算多少", "住房公积金"),
    ("文旅局计划派几个团组出去", "计划派团组"),
    ("文旅局现在有几辆车", "车"),
    ("文旅局现在一共有多少辆车", "车"),
    ("文旅局重大项目前期工作经费安排了多少", "重大项目前期工作经费"),  # 项目前期 holds no 目前
    ("文旅局城乡医疗救助安排了多少（不含上年结转）", "城乡医疗救助"),  # no empty bracket left behind
    ("文旅局“行政运行”这个科目2025年比2024年多了多少", "“行政运行”"),
    ("文旅局“行政运行”这个项目科目2025年安排了多少", "“行政运行”"),
    ("文旅局“行政运行”这项科目2025年安排了多少", "“行政运行”"),
    ("文旅局那15台单价20万以上的设备总共值多少钱", "单价20万设备"),
    ("文旅局功能分类“图书馆”这一项安排了多少", "“图书馆”"),
    ("文旅局支出经济分类里“办公费”是多少", "“办公费”"),
    ("文旅局现在还剩几辆车", "车"),
    ("文旅局2024年年初预算里有买车吗", "买车"),
    ("文旅局发给了多少名移民", "移民"),
    ("文旅局年底还剩多少", "年底还剩"),  # a balance, read through its synonym
    ("文旅局这两辆公务用车一年运行费多少", "公务用车运行费"),
    ("人社局2024年一般公共预算财政拨款支出调整后的预算是多少", "一般公共预算财政拨款支出"),
])
def test_words_around_the_item_are_not_the_item(question, focus):
    assert plan(question).focus == focus


@pytest.mark.parametrize("question, focus, units", [
    ("发改委执法执勤用车占几辆", "执法执勤用车", ("台", "辆")),
    ("发改委在职人员里行政编制占多少人", "在职人员里行政编制", ("人", "人次", "万人", "万人次")),
    ("发改委设备里办公设备占多少台？", "设备里办公设备", ("台", "辆")),
])
def test_how_many_of_a_count_it_holds_is_a_count_not_a_share(question, focus, units):
    found = plan(question)
    assert (found.operation, found.focus, found.unit_hint) == (Operation.LOOKUP, focus, units)


def test_a_share_in_percentage_points_stays_a_share():
    assert plan("发改委人员经费占多少个百分点").operation is Operation.SHARE


@pytest.mark.parametrize("question, asks_name", [("住建委有几个下属单位，叫什么", True), ("叫什么名字的项目花了多少钱", False)])
def test_names_asked_after_a_count_are_a_text_answer(question, asks_name):
    found = plan(question)
    assert found.asks_name is asks_name and (found.operation is Operation.TEXT) is asks_name


@pytest.mark.parametrize("question", ["发改委2025年三公经费包括哪些", "发改委2025年三公经费分成哪几块", "发改委2025年政府采购都有哪些项目",
                                      "发改委2025年政府采购要买什么？", "发改委2025年三公经费明细"])
def test_lists(question):
    found = plan(question)
    assert found.operation is Operation.LIST and found.shape is Shape.LIST and "哪" not in found.focus
    assert "什么" not in found.focus and "明细" not in found.focus


def test_a_figure_asked_of_a_detail_table_is_no_list():
    assert plan("发改委2025年项目支出明细表里信息化建设是多少").operation is Operation.LOOKUP


@pytest.mark.parametrize("question, year", [("发改委24年招待费", 2024), ("发改委25年三公经费包括哪几块", 2025), ("发改委2025年预算", 2025)])
def test_years_as_people_write_them(question, year):
    assert plan(question).years == [year]


def test_a_relative_year_glossed_by_its_number_is_that_year():
    found = plan("发改委去年也就是24年的招待费多少")
    assert found.years == [2024] and found.focus == "招待费"


@pytest.mark.parametrize("text, terms, said", [
    ("一、概况。本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。", ["三公经费"], "无“三公”经费"),
    ("二、说明。本单位无公务用车购置。", ["公务用车购置费"], "无公务用车购置"),
    ("机关（无下属单位）的收支包含在部门预算中。", ["下属单位"], "无下属单位"),
    ("四、机关运行经费。本单位为公益一类事业单位，不属于机关运行经费统计范围。", ["机关运行经费"], "不属于机关运行经费统计范围"),
    ("1.因公出国（境）费：支出决算为0.00万元。本部门2024年度未安排因公出国（境）团组。", ["出国经费", "因公出国（境）费"],
     "未安排因公出国（境）团组"),
    ("1．因公出国（境）费预算0元，与上年持平。本部门2025年无因公出国（境）计划。", ["出国经费", "因公出国（境）费"],
     "无因公出国（境）计划"),
    ("1.因公出国（境）费。支出决算为0，与2023年度持平。本部门2024年度未组织因公出国（境）团组。", ["出国经费", "因公出国（境）费"],
     "未组织因公出国（境）团组"),
    ("四、机关运行经费。本中心为公益一类事业单位，不属于行政单位，不安排机关运行经费。", ["机关运行经费"], "不安排机关运行经费"),
    ("十、机关运行经费情况。本院为公益二类事业单位，不属于行政单位，不编列机关运行经费预算。", ["机关运行经费"], "不编列机关运行经费预算"),
    ("（三）机关运行经费。本站未编列机关运行经费。", ["机关运行经费"], "未编列机关运行经费"),
    ("五、其他。残疾人就业保障金由税务部门负责征收，全额缴入市级国库，不纳入本部门预算；", ["残疾人就业保障金"],
     "不纳入本部门预算"),
    ("土地出让收入未列入本单位预算。", ["土地出让收入"], "未列入本单位预算"),
    ("（四）机关运行经费。学院为公益二类事业单位，不适用机关运行经费。", ["机关运行经费"], "不适用机关运行经费"),
    ("专业技术用车1辆；本单位无单价50万元以上通用设备。", ["单价50万通用设备"], "无单价50万元以上通用设备"),  # asked "50万以上的"
])
def test_statements_of_absence(text, terms, said):
    span = absence_statement(text, terms)
    assert span and said in text[span[0] : span[1]]


def test_a_statement_that_an_item_stands_outside_the_budget_is_no_zero():
    assert states_inapplicable("残疾人就业保障金由税务部门负责征收，全额缴入市级国库，不纳入本部门预算；")
    assert states_outside("市残联所属某康复中心另行编制单位预算，不包含在本预算中。")
    assert states_inapplicable("学院为公益二类事业单位，不适用机关运行经费。")
    assert absence_statement("本部门预算包括机关和3个事业单位，不纳入本部门预算的单位有1个。", ["公务接待费"]) is None


@pytest.mark.parametrize("question, unit, focus", [
    ("发改委机关的公务接待费是多少", "机关", "机关公务接待费"),
    ("发改委机关本身的招待费是多少", "机关", "机关本身招待费"),
    ("发改委本级2025年预算多少", "本级", "本级"),
    ("发改委机关运行经费是多少", "", "机关运行经费"),  # one word to the lexicon: an item, no unit
    ("发改委机关事业单位基本养老保险缴费是多少", "", "机关事业单位基本养老保险缴费"),
])
def test_the_departments_own_office_is_asked_as_its_unit(question, unit, focus):
    found = plan(question)
    assert (found.sub_unit, found.focus) == (unit, focus)


@pytest.mark.parametrize("question, parts", [
    ("发改委事业收入和经营收入加起来有多少", ["事业收入", "经营收入"]),
    ("发改委人员经费和公用经费一共是多少", ["人员经费", "公用经费"]),
    ("发改委水费电费加起来为多少", ["水费", "电费"]),
])
def test_parts_added_up_end_before_how_much_is_asked(question, parts):
    found = plan(question)
    assert (found.operation, found.parts) == (Operation.SUM, parts)


def test_what_was_collected_is_the_item_not_the_verb():
    assert plan("发改委收了多少残疾人就业保障金").focus == "残疾人就业保障金"


def test_absence_is_about_the_item_named_right_after_the_negation():
    text = "注:本部门2025年无政府性基金预算财政拨款收入，故本表为空表。"
    assert absence_statement(text, ["财政拨款收入"]) is None


def test_a_kind_negated_says_nothing_of_the_whole_nor_of_another_kind():
    text = "2025年政府采购预算774.82万元，其中：货物类158.20万元，服务类616.62万元，本单位2025年无工程类政府采购。"
    assert absence_statement(text, ["采购自助服务终端", "政府采购自助服务终端"]) is None
    assert absence_statement(text, ["政府采购"]) is None
    assert absence_statement("本单位2025年没有安排公务接待。", ["公务接待费"]) is not None


@pytest.mark.parametrize("a, b", [
    ("城乡社区支出（类）其他城乡社区支出（款）其他城乡社区支出（项）", "其他城乡社区支出"),
    ("公共安全支出（204类）司法（06款）行政运行（01项）", "行政运行"),
    ("行政运行", "行政运行"),
    ("体育训练（项）", "体育训练"),  # an item with its level said
])
def test_a_classification_chain_names_its_item(a, b):
    assert same_item(a, b)
    assert classification_levels(a)[-1:] in ((), (b,))


def test_different_items_of_one_chain_are_not_the_same():
    assert not same_item("一般公共服务支出（类）财政事务（款）行政运行（项）", "财政事务")


@pytest.mark.parametrize("question", [
    "发改委2024年预算是多少（按2025年减少额推算）",
    "照发改委2025年预算说明倒推 2024年买公车的预算是多少",
    "发改委2024年三公经费是多少，用2025年比上年增加的数反推",
])
def test_a_figure_worked_out_from_the_next_years_document(question):
    found = plan(question)
    assert (found.operation, found.years) == (Operation.PREVIOUS, [2025])
    assert "推" not in found.focus and "按" not in found.focus


@pytest.mark.parametrize("question, operation", [
    ("发改委2024年和2025年三公经费是多少", Operation.LOOKUP),
    ("发改委2025年比2024年三公经费多了多少", Operation.YEAR_CHANGE),
    ("发改委2025年三公经费和2024年相比变化多少", Operation.YEAR_CHANGE),
])
def test_two_years_compare_only_when_the_question_compares(question, operation):
    assert plan(question).operation is operation



@pytest.mark.parametrize("question", [
    "发改委2025年机关运行经费比上年增加了百分之几",
    "文旅局三公经费比2024年预算执行数减少了百分之多少",
    "住建委2025年项目支出下降了几%",
    "发改委人员经费增长率是多少",
])
def test_a_rate_of_change_is_growth_not_a_share(question):
    assert plan(question).operation is Operation.GROWTH


@pytest.mark.parametrize("question, named", [
    ("发改委2025年预算里写的2024年行政运行执行数是多少", [2024, 2025]),
    ("发改委行政运行上年执行数是多少", []),
])
def test_every_year_named_is_kept_beside_the_documents_year(question, named):
    assert plan(question).named_years == named


@pytest.mark.parametrize("question", ["发改委信息化项目实施周期多长", "发改委信息化项目实施周期要多久", "发改委信息化项目实施周期多长时间"])
def test_how_long_is_no_part_of_the_item(question):
    assert plan(question).focus == "信息化项目实施周期"


@pytest.mark.parametrize("question, part, whole", [
    ("文旅局2025年基本支出里人员经费占多大比例", "人员经费", "基本支出"),
    ("发改委收入里财政拨款占百分之几", "财政拨款", "收入"),
    ("住建委三公经费占全部预算支出的百分之几", "三公经费", "预算支出"),
    ("文旅局三公经费占总预算多少", "三公经费", "总预算"),
    ("文旅局25年的钱里一般公共预算占了多大比例", "一般公共预算", "预算收支"),  # the department's money: the whole
    ("文旅局25年的钱里财政拨的一般公共预算占了多大比例", "一般公共预算", "预算收支"),  # 财政拨的 is the fund's own
    ("文旅局25年所有资金中政府性基金占多少", "政府性基金", "预算收支"),
])
def test_a_share_names_its_part_and_the_whole_it_stands_in(question, part, whole):
    asked = plan(question)
    assert asked.operation is Operation.SHARE and asked.parts == [part, whole]


def test_a_whole_named_as_citizens_do_maps_to_the_documents_terms():
    from assistant.vocabulary import spending_terms, total_terms, whole_terms

    assert set(spending_terms()) <= set(whole_terms("全部预算支出"))
    assert set(total_terms()) <= set(whole_terms("总预算"))
    assert whole_terms("收入")[0] == "收入预算"  # the income terms before the budget's (收支 balance)
    assert whole_terms("公务接待费") == []


@pytest.mark.parametrize("question", ["发改委行政单位医疗比上年涨了百分之几", "文旅局招待费比去年少了百分之几",
                                      "人社局公车费降了百分之多少"])
def test_a_rate_of_change_said_plainly_is_growth(question):
    assert plan(question).operation is Operation.GROWTH


@pytest.mark.parametrize("question, focus, units", [
    ("发改委劳务派遣要保证几个人到岗", "劳务派遣", ("人", "人次", "万人", "万人次")),  # 几个人 as 多少人: people, or their trips
    ("住建委部门预算包括几个三级事业单位", "三级事业单位", ("个", "家")),
    ("发改委下面的单位有几个", "下面单位", ("个", "家")),  # 下面的单位 is 下属单位, not any 单位
    ("文旅局电梯补贴给多少", "电梯补贴", ()),
])
def test_framing_words_leave_the_item_and_the_counted_unit(question, focus, units):
    asked = plan(question)
    assert asked.focus.startswith(focus) and asked.unit_hint == units
    assert not re.search(r"[给几]|包括", asked.focus)


@pytest.mark.parametrize("question, ranks", [
    ("发改委跟哪个单位合署办公", False),
    ("文旅局是哪个单位的下属单位", False),
    ("哪个部门三公经费最高", True),
    ("发改委和文旅局谁的招待费更多", True),
])
def test_only_an_order_makes_a_ranking(question, ranks):
    assert (plan(question).operation is Operation.RANK) is ranks


@pytest.mark.parametrize("question, as_of, years", [
    ("发改委到2024年底有几辆车", 2024, [2025]),
    ("截至2024年末文旅局固定资产多少", 2024, [2025]),
    ("发改委截至23年底流动资产多少", 2023, [2024]),
    ("发改委2024年有几辆车", None, [2024]),
])
def test_a_year_end_is_kept_beside_the_budget_year_that_reports_it(question, as_of, years):
    asked = plan(question)
    assert (asked.as_of, asked.years) == (as_of, years)


def test_people_asked_about_may_be_counted_as_visits():
    assert plan("文旅局的网站一天要有多少人看").unit_hint == ("人", "人次", "万人", "万人次")  # 人 first, 人次 next


@pytest.mark.parametrize("question, rate", [("发改委2025年招待费比2024年增长了百分之几", True), ("文旅局公车费增幅多少", True),
                                            ("发改委2025年招待费比2024年多了多少", False)])
def test_a_plan_knows_when_a_percentage_is_asked(question, rate):
    assert plan(question).asks_rate is rate


def test_a_part_named_by_its_kind_inside_a_whole_reads_as_the_documents_name_it():
    from assistant.vocabulary import joined_item

    assert joined_item("工程类", "政府采购预算") == "政府采购工程"
    assert joined_item("货物", "政府采购") == "政府采购货物"
    assert plan("文旅局政府采购里服务类预算多少").terms[0] == "政府采购服务"
    assert plan("文旅局政府采购预算中工程类占多少比例").parts == ["工程类", "政府采购预算"]  # 预算中 is no framing here
    assert plan("文旅局2025年预算里 城管执法实际执行了多少").focus == "城管执法"  # 预算里 before the item is


def test_a_colloquial_word_beside_its_document_term_is_not_rewritten():
    from index.query_expansion import canonical_variants

    assert canonical_variants("发工资人员经费") == []
    assert "公务接待费" in canonical_variants("招待费")


def test_a_negated_neighbour_word_says_nothing_of_the_asked_item():
    text = "主要用于：无业人员独生子女费发放、失独家庭安抚救助等。"
    assert absence_statement(text, ["人员经费", "养人钱（人员经费）"]) is None
    assert absence_statement("本单位无“三公”经费支出。", ["三公经费"])  # a two-character item right after 无


@pytest.mark.parametrize("question, years, terms0", [
    ("二〇二五年发改委会议费安排多少", [2025], "会议费"),
    ("发改委2025年人头费（人员经费）是多少", [2025], "人员经费"),
    ("文旅局养人的钱（人员经费）多少", [], "人员经费"),
])
def test_years_in_chinese_numerals_and_the_askers_own_word_for_the_item(question, years, terms0):
    asked = plan(question)
    assert asked.years == years and asked.terms[0] == terms0


@pytest.mark.parametrize("question, item", [("发改委会议费多少", "会议费"), ("2025年住建委会议费", "会议费"),
                                            ("住建委委托业务费", "委托业务费"), ("二〇二五年区府办会议费安排多少", "会议费"),
                                            ("区府办会议费多少", "会议费")])
def test_a_name_ending_in_委_or_办_before_an_item_starting_with_会_or_委(question, item):
    asked = plan(question)
    assert asked.departments and asked.focus == item


def test_a_bracketed_qualifier_is_not_the_item():
    assert plan("文旅局2025年项目支出一共多少（含政府性基金）").terms[0].startswith("项目支出")


@pytest.mark.parametrize("question, operation", [
    ("文旅局政府采购里服务类占百分之多少", Operation.SHARE),
    ("文旅局招待费增长了百分之多少", Operation.GROWTH),
])
def test_占_makes_a_share_unless_the_question_asks_how_much_something_moved(question, operation):
    assert plan(question).operation is operation


def test_a_bracketed_sum_is_no_word_for_the_item():
    assert not plan("商务委支持总部经济的钱（区级加市级）一共多少").terms[0].startswith("区级")
    assert not plan("商务委支持总部经济的钱（区级和市级）一共多少").terms[0].startswith("区级")


def test_a_bracketed_name_joined_by_a_conjunction_is_the_item():
    assert plan("农业局24年高标准农田建设（耕地建设与利用）实际花了多少").terms[0] == "耕地建设与利用"


@pytest.mark.parametrize("question, parts", [
    ("发改委的信息平台运维比DIP支付方式改革多花多少钱", ["信息平台运维", "DIP支付方式改革"]),
    ("文旅局专项比基本支出多用了多少", ["专项", "基本支出"]),
])
def test_how_much_more_one_item_spends_than_another(question, parts):
    found = plan(question)
    assert found.operation is Operation.DIFFERENCE and found.parts == parts


@pytest.mark.parametrize("question, operation, parts", [
    ("发改委编报绩效目标的项目一共涉及多少资金", Operation.LOOKUP, []),  # 涉及 holds 及 but joins nothing
    ("文旅局科技转化与推广服务这一项一共支出多少", Operation.LOOKUP, []),  # 这一项: one item whose name holds 与
    ("发改委招待费及会议费一共多少", Operation.SUM, ["招待费", "会议费"]),
    ("文旅局出国经费、接待费加起来多少", Operation.SUM, ["出国经费", "接待费"]),
    ("文旅局人员经费以及公用经费合计多少", Operation.SUM, ["人员经费", "公用经费"]),
    ("文旅局2024年病虫害控制和农产品质量安全两项一共花了多少", Operation.SUM, ["病虫害控制", "农产品质量安全"]),
    ("文旅局招待费和会议费一共用了多少钱", Operation.SUM, ["招待费", "会议费"]),
])
def test_parts_are_cut_at_joining_words_not_inside_words(question, operation, parts):
    asked = plan(question)
    assert asked.operation is operation and asked.parts == parts


@pytest.mark.parametrize("question, parts", [
    ("文旅局专项里支持总部经济的钱（区级加市级）一共多少", ["区级支持总部经济", "市级支持总部经济"]),
    ("文旅局文化补贴（市级和区级）合计多少", ["市级文化补贴", "区级文化补贴"]),
    ("人社局24年水电费一共多少（水费加电费）", ["水费", "电费"]),  # the parts named whole
])
def test_a_bracketed_split_of_one_item_sums_its_two_parts(question, parts):
    asked = plan(question)
    assert asked.operation is Operation.SUM and asked.parts == parts


@pytest.mark.parametrize("question, focus", [
    ("发改委主要管哪些事", "主要管事"),  # 主要 stays whole
    ("发改委设备坏了多久要响应", "设备坏响应"),  # 要 before a verb is filler
    ("发改委计划生育服务多少", "计划生育服务"),  # 计划 opens an item
    ("发改委用款计划多少", "用款计划"),
    ("发改委打算花多少钱买车", "买车"),
    ("发改委25年一般公共预算当年拨款多少", "一般公共预算当年拨款"),  # 当年拨款 is this year's money, not a filler year
    ("发改委当年招待费多少", "招待费"),
    ("发改委2024年一般公共预算年初预算多少", "一般公共预算"),  # the fund's name keeps its 预算
    ("发改委2024年政府性基金预算调整预算多少", "政府性基金预算"),
])
def test_filler_words_are_dropped_only_where_they_are_no_part_of_a_word(question, focus):
    assert plan(question).focus == focus


@pytest.mark.parametrize("question, years", [
    ("发改委招待费为什么比24年执行数少了", [2025]),
    ("发改委招待费比2024年少了多少", [2025]),
    ("发改委2025年招待费比2024年少了多少", [2024, 2025]),  # two years: the same item in both documents
    ("发改委2024年招待费多少", [2024]),
])
def test_a_year_named_only_as_the_one_compared_with_points_to_the_next_years_document(question, years):
    assert plan(question).years == years


@pytest.mark.parametrize("question", ["发改委招待费比2024年少了多少", "发改委招待费比24年多了多少", "发改委招待费为啥比24年少了"])
def test_a_change_against_a_named_year_is_a_change_not_that_years_figure(question):
    asked = plan(question)
    assert asked.operation in (Operation.CHANGE, Operation.TEXT) and asked.years == [2025]


@pytest.mark.parametrize("question", ["发改委2025年总预算多少", "发改委2025年全部预算是多少", "发改委2025年预算多少"])
def test_the_whole_budget_asked_in_any_words_names_no_item(question):
    asked = plan(question)
    assert asked.focus == "" and "预算收支" in asked.terms


@pytest.mark.parametrize("question, defines", [("什么是三公经费", True), ("机关运行经费指的是什么", True),
                                               ("文旅局出国经费为什么是0", False)])
def test_a_definition_is_asked_by_its_words_not_by_为什么是(question, defines):
    asked = plan(question)
    assert asked.asks_definition is defines
    assert "指" not in asked.focus


def test_an_absence_statement_names_the_asked_item_by_whole_words():
    said = "注：本单位无国有资本经营预算财政拨款支出，故本表无数据。"
    assert absence_statement(said, ["国有资产"]) is None  # 国有资本 is not 国有资产
    assert absence_statement(said, ["国有资本经营预算"]) is not None
    assert absence_statement("本单位无因公出国（境）费支出。", ["出国经费", "因公出国（境）费"]) is not None
    assert absence_statement("公务用车购置费0万元，主要原因是无公车购置计划。", ["公车"]) is None  # no purchase plan
    assert absence_statement("本单位无公务用车。", ["公车", "公务用车"]) is not None


@pytest.mark.parametrize("question", ["看发改委2025年预算说明，2024年的招待费是多少", "按2025年预算文件，发改委2024年招待费多少"])
def test_the_document_named_as_the_source_answers_for_the_year_before(question):
    asked = plan(question)
    assert asked.operation is Operation.PREVIOUS and asked.years == [2025] and "说明" not in asked.focus


def test_last_years_outturn_as_the_source_document_states_it_is_a_lookup():
    asked = plan("看发改委2025年的预算说明，2024年招待费实际执行了多少")
    assert asked.operation is Operation.LOOKUP and asked.years == [2025]


def test_这么多_is_no_part_of_the_item():
    assert plan("发改委2025年为什么项目支出这么多").focus == "项目支出"


@pytest.mark.parametrize("question, names", [("福利院报了绩效目标的那个项目叫什么名字", True), ("区府办全称是什么", True),
                                             ("这个工程叫啥", True), ("绩效目标的项目名称是什么", True),
                                             ("项目名称有几个", False), ("招待费是多少", False)])
def test_a_name_question_asks_for_text_not_a_figure(question, names):
    asked = plan(question)
    assert asked.asks_name is names
    assert (asked.operation is Operation.TEXT and not asked.wants_number) is names
    assert "名" not in asked.focus or not names


@pytest.mark.parametrize("question, term", [("政府采购里买服务的钱有多少", "政府采购服务"),
                                           ("政府采购里买货物花了多少", "政府采购货物"),
                                           ("政府采购中购买工程的钱是多少", "政府采购工程")])
def test_what_a_whole_buys_is_named_as_documents_name_it(question, term):
    asked = plan(question)
    assert asked.terms[0] == term and not asked.focus.endswith("钱")


@pytest.mark.parametrize("question, scope, lowest, level", [
    ("发改委2025年政府采购里哪个项目花钱最多？多少钱", "政府采购", False, None),
    ("文旅局2025年支出功能分类里，具体到项，哪一项预算最多？多少钱", "支出功能分类", False, "项"),
    ("发改委2025年项目支出里哪个科目钱最多？多少", "项目支出", False, None),
    ("发改委2025年报了绩效目标的那几个项目里 哪个钱最多", "报绩效目标项目", False, None),
    ("文旅局商品和服务支出里哪一项最少", "商品和服务支出", True, None),
    ("人社局2024年钱花得最多的是哪一项", "", False, None),
])
def test_which_row_of_one_document_is_largest_is_a_row_ranking_within_the_named_scope(question, scope, lowest, level):
    asked = plan(question)
    assert asked.operation is Operation.ROW_RANK and asked.shape is Shape.RANKING and asked.wants_number
    assert (asked.rows.scope, asked.rows.lowest, asked.rows.level) == (scope, lowest, level)
    assert asked.focus == scope


@pytest.mark.parametrize("question", ["发改委2025年钱最多的项目是哪个", "发改委2025年花钱最少的项目是哪一个", "发改委2025年哪个项目钱最多"])
def test_which_project_asked_after_its_money_ranks_the_projects(question):
    asked = plan(question)
    assert asked.operation is Operation.ROW_RANK and asked.rows.projects and asked.rows.scope == ""


def test_a_column_named_after_the_rows_is_what_they_are_ranked_by():
    asked = plan("发改委2025年政府采购里哪个项目的预算资金最多")
    assert (asked.rows.scope, asked.rows.column) == ("政府采购", "预算资金")


@pytest.mark.parametrize("question", [
    "哪个部门三公经费最高",  # which body
    "发改委和文旅局谁的招待费更多",  # two bodies
    "三公经费哪个最高",  # no body named among several: bodies are ranked
])
def test_a_ranking_of_bodies_stays_one(question):
    asked = plan(question)
    assert asked.operation is Operation.RANK and asked.rows is None


@pytest.mark.parametrize("question", ["发改委2025年公务接待费最多能花多少", "文旅局哪一项比上年增加最多"])
def test_a_cap_or_a_change_is_no_row_ranking(question):
    assert plan(question).operation is not Operation.ROW_RANK


NDRC, CULTURE, HR = "某市发展和改革委员会", "某区文化和旅游局", "某区人力资源和社会保障局"


@pytest.mark.parametrize("question, operation, operands, focus", [
    ("发改委和文旅局2025年招待费差多少", Operation.DIFFERENCE, [(NDRC, 2025, None), (CULTURE, 2025, None)], "招待费"),
    ("发改委的招待费比文旅局多多少", Operation.DIFFERENCE, [(NDRC, None, None), (CULTURE, None, None)], "招待费"),
    ("文旅局25年招待费比发改委少多少", Operation.DIFFERENCE, [(CULTURE, 2025, None), (NDRC, 2025, None)], "招待费"),
    ("人社局和文旅局的三公经费加起来多少", Operation.SUM, [(HR, None, None), (CULTURE, None, None)], "三公经费"),
    ("发改委与人社局决算的会议费一共多少", Operation.SUM, [(NDRC, None, Basis.FINAL), (HR, None, Basis.FINAL)], "会议费"),
])
def test_two_bodies_and_one_item_are_an_operand_in_each_bodys_document(question, operation, operands, focus):
    asked = plan(question)
    assert asked.operation is operation and asked.focus == focus
    assert [(o.department, o.year, o.basis) for o in asked.operands] == operands
    assert asked.departments == [o[0] for o in operands]


@pytest.mark.parametrize("question, operation, operands", [
    ("发改委25年招待费预算比24年决算多了多少", Operation.DIFFERENCE, [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),
    ("发改委2024年招待费决算比2025年预算少多少", Operation.DIFFERENCE, [(2024, Basis.FINAL), (2025, Basis.BUDGET)]),
    ("发改委2025年预算的招待费和2024年实际花的差多少", Operation.DIFFERENCE, [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),
    ("发改委25年招待费预算和24年决算加起来多少", Operation.SUM, [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),
])
def test_one_body_a_budget_and_another_years_final_account_are_two_operands(question, operation, operands):
    asked = plan(question)
    assert asked.operation is operation and asked.focus == "招待费" and asked.departments == [NDRC]
    assert [(o.department, o.year, o.basis) for o in asked.operands] == [(NDRC, *o) for o in operands]


@pytest.mark.parametrize("question, operands", [
    ("人大办三公经费今年预算比去年实际花的多还是少", [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),  # 今年: its latest
    ("县人大办25年机关运行经费预算比24年实际多多少", [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),  # 实际多: 决算
    ("县人大办2025年代表工作比24年实际少了多少", [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),  # 2025's document: a budget
    ("人大办25年政府采购预算比24年实际采购多了多少", [(2025, Basis.BUDGET), (2024, Basis.FINAL)]),  # 采购 of 政府采购
])
def test_a_budget_against_last_years_outturn_said_loosely_is_two_operands(question, operands):
    asked = plan(question)
    assert asked.operation is Operation.DIFFERENCE and asked.departments == [CONGRESS]
    assert [(o.year, o.basis) for o in asked.operands] == operands


def test_the_basis_said_before_bi_is_both_sides_basis():
    """"2025年预算比2024年多了多少" compares like with like (2024's budget), even where 2024's document is a 决算."""
    asked = plan("县人大办2025年预算比2024年多了多少")
    assert not asked.operands and asked.operation is Operation.YEAR_CHANGE


def test_this_year_against_last_year_with_no_basis_named_is_the_change_the_document_states():
    asked = plan("人大办三公经费今年比去年多了多少")
    assert asked.operation is Operation.CHANGE and not asked.operands


@pytest.mark.parametrize("question, operation", [
    ("发改委2025年招待费比2024年多多少", Operation.YEAR_CHANGE),  # one body, like with like: a change between years
    ("发改委2025年招待费预算比2024年预算少了多少", Operation.YEAR_CHANGE),
    ("发改委2025年招待费比2024年预算执行数多多少", Operation.CHANGE),  # the later budget states last year's outturn
    ("发改委招待费及会议费一共多少", Operation.SUM),  # two items of one document
    ("发改委2024年招待费决算比年初预算少了多少", Operation.DIFFERENCE),  # two bases of one document
    ("哪个部门招待费最多", Operation.RANK),
    ("发改委和文旅局谁的招待费更多", Operation.RANK),
    ("发改委和文旅局的招待费分别是多少", Operation.LOOKUP),
    ("发改委25年招待费比文旅局24年多多少", None),  # two bodies in two years: no pair of like figures
    ("发改委的招待费比文旅局的会议费多多少", None),  # two bodies, two items
])
def test_questions_within_one_document_or_across_all_departments_have_no_operands(question, operation):
    asked = plan(question)
    assert not asked.operands
    assert operation is None or asked.operation is operation


def test_a_body_that_is_not_indexed_is_an_operand_the_answer_will_lack():
    asked = plan("发改委和南山区财政局的招待费差多少")
    assert [o.department for o in asked.operands] == [NDRC, "南山区财政局"] and asked.focus == "招待费"


def test_a_kind_named_inside_a_whole_is_also_asked_as_one_item():
    assert "政府采购服务" in plan("政府采购里服务多少").terms


@pytest.mark.parametrize("question, parts", [
    ("科技创新、生命健康、商业创新三个专项一共多少", ["科技创新专项", "生命健康专项", "商业创新专项"]),
    ("科技创新、生命健康两个专项预算加起来多少", ["科技创新专项", "生命健康专项"]),
    ("招待费和出国费两项加起来多少", ["招待费", "出国费"]),
])
def test_parts_listed_before_a_count_share_its_head_word(question, parts):
    assert plan(question).parts == parts


@pytest.mark.parametrize("question, parts", [
    ("发改委2025年住房公积金和购房补贴加一块多少", ["住房公积金", "购房补贴"]),
    ("发改委2025年会议费和培训费合起来多少", ["会议费", "培训费"]),
    ("发改委国家救助资金和中央转移支付资金，这两笔加起来一共多少钱", ["国家救助资金", "中央转移支付资金"]),
])
def test_parts_added_up_however_the_sum_is_asked(question, parts):
    p = plan(question)
    assert p.operation is Operation.SUM and p.parts == parts


@pytest.mark.parametrize("question", ["发改委2025年项目支出主要多在哪些方面", "发改委2025年公用经费少在哪里", "发改委2025年支出增加在哪些项目"])
def test_where_a_change_went_is_asked_as_its_reason(question):
    p = plan(question)
    assert p.operation is Operation.TEXT and p.asks_reason and p.focus in ("项目支出", "公用经费", "支出")


@pytest.mark.parametrize("question, hint, focus", [
    ("发改委2025年有多少在职人员", "人", "在职人员"),
    ("发改委有几名工作人员？", "人", "工作人员"),
    ("发改委有几个员工", "人", "员工"),
    ("发改委有多少人员经费", None, "人员经费"),
    ("发改委人员经费多少", None, "人员经费"),
    ("发改委的政务客户端现在有多少用户", "户", "政务客户端用户"),  # users are counted, never the client's upkeep money
])
def test_people_counted_are_asked_in_people_never_in_money(question, hint, focus):
    p = plan(question)
    assert (p.unit_hint[0] if p.unit_hint else None, p.focus) == (hint, focus)



@pytest.mark.parametrize("question", ["发改委2024年事业收入主要是哪来的", "发改委2024年事业收入来源是什么", "发改委事业收入从哪来"])
def test_where_money_comes_from_is_a_text_question_about_the_item(question):
    p = plan(question)
    assert p.operation is Operation.TEXT and not p.wants_number and p.focus == "事业收入"


def test_a_projects_total_budget_keeps_its_total():
    assert plan("发改委信息化建设项目总预算多少").focus == "信息化建设项目总预算"
    assert plan("发改委三公经费预算多少").focus == "三公经费"


@pytest.mark.parametrize("question, whole", [("文旅局2024年三公经费决算占本年支出合计的百分之几", "本年支出合计"),
                                             ("文旅局2024年人员经费占本年收入合计的比例", "本年收入合计")])
def test_a_whole_named_as_the_tables_total_keeps_its_name(question, whole):
    found = plan(question)
    assert found.operation is Operation.SHARE and found.parts[-1] == whole and not found.adds_up


@pytest.mark.parametrize("question", ["文旅局2025年预算比上年多了多少", "文旅局2025年总预算比上年多了多少"])
def test_the_budget_alone_is_the_whole_never_an_items_budget(question):
    found = plan(question)
    assert found.focus == "" and "三公经费预算" not in found.terms and "收支总预算" in found.terms


@pytest.mark.parametrize("question", ["人社局重大公卫年初只预算300万，为啥最后花了600多万", "人社局重大公卫年初预算300万，为什么花了600多万"])
def test_a_why_question_telling_the_figures_story_asks_about_its_item(question):
    found = plan(question)
    assert found.asks_reason and found.focus == "重大公卫"


@pytest.mark.parametrize("question", ["发改委综治中心设备坏了报修，最迟多久要响应", "发改委项目实施周期多长时间"])
def test_how_long_asks_a_time(question):
    found = plan(question)
    assert found.asks_figure and "小时" in found.unit_hint and "个月" in found.unit_hint


@pytest.mark.parametrize("question, term", [
    ("发改委2025年政府采购工程类多少", "政府采购工程"),
    ("发改委2025年政府采购服务类多少钱", "政府采购服务"),
])
def test_a_kind_asked_with_its_class_word_is_also_looked_for_without_it(question, term):
    assert term in plan(question).terms


@pytest.mark.parametrize("question", ["发改委25年收支预算比24年增长了百分之几", "发改委2025年部门预算总共多少钱",
                                      "发改委2025年部门总预算比上年多了多少"])
def test_the_whole_budget_however_named_is_looked_for_by_the_wholes_terms(question):
    asked = plan(question)
    assert asked.focus == "" and "收支总预算" in asked.terms


@pytest.mark.parametrize("question, term", [
    ("发改委24年接待了多少批次", "公务接待"),  # 接待, as citizens say it, is the 公务接待 documents count (in 批次)
    ("发改委24年招待费多少", "公务接待费"),
    ("发改委扫马路的钱今年多少", "环卫保洁"),
])
def test_everyday_words_for_an_item_reach_the_documents_word(question, term):
    assert term in plan(question).terms


@pytest.mark.parametrize(("question", "focus"), [
    ("某区人社局2024年度收入支出总计是多少", "收入支出总计"),  # 年度 goes with its year
    ("文旅局2025年有出国经费吗", "出国经费"),  # "有…吗" asks whether, not of an item called 有出国经费
    ("文旅局有没有公车", "公车"),
    ("文旅局今年有国有资产吗", "国有资产"),  # 国有's 有 stays
    ("文旅局买台式电脑的预算多少", "台式电脑"),
    ("文旅局要买的液相色谱仪多少钱", "液相色谱仪"),
    ("文旅局买车花了多少", "买车"),  # 买车 is a word of its own (公务用车购置费)
    ("文旅局下面有几个下属单位", "下属单位"),
    ("文旅局决算里说的“全年预算数”是什么意思", "全年预算数"),  # the quoted word is the one defined
])
def test_the_asked_item_without_the_words_around_it(question, focus):
    assert plan(question).focus == focus


@pytest.mark.parametrize("question", ["文旅局造林补助项目要完成多少万亩人工造林", "文旅局今年要完成多少场演出"])
def test_how_much_is_to_be_done_is_no_completion_rate(question):
    assert plan(question).operation is not Operation.COMPLETION


@pytest.mark.parametrize("question", ["文旅局2025年财政拨款支出完成了全年预算的百分之几", "文旅局支出完成了预算的多少",
                                      "文旅局三公经费完成率"])
def test_completion_asked_of_a_whole_or_a_total(question):
    assert plan(question).operation is Operation.COMPLETION


@pytest.mark.parametrize("question", ["人社局招待费预算执行了百分之多少", "人社局2024年行政运行执行了预算的百分之几"])
def test_how_far_a_budget_was_carried_out_is_its_completion_rate(question):
    found = plan(question)
    assert found.operation is Operation.COMPLETION and found.part_bases[0] is Basis.FINAL
    assert "执行" not in found.focus and found.part_bases[1] is not Basis.EXECUTION, found


@pytest.mark.parametrize(("question", "parts"), [
    ("文旅局今年水费电费加起来多少", ["水费", "电费"]),
    ("文旅局差旅费会议费加起来是多少", ["差旅费", "会议费"]),
    ("文旅局水费和电费加起来多少", ["水费", "电费"]),
])
def test_items_written_side_by_side_are_added(question, parts):
    asked = plan(question)
    assert asked.operation is Operation.SUM and asked.parts == parts


@pytest.mark.parametrize("question, unit", [("农科院电费预算是多少元", "元"), ("文旅局招待费多少万元", "万元"),
                                            ("交通局总预算几亿元", "亿元"), ("文旅局招待费多少", None)])
def test_the_money_unit_a_question_names_is_the_one_answered_in(question, unit):
    assert plan(question).money_unit == unit


@pytest.mark.parametrize("question, focus", [("文旅局一般公共预算财政拨款实际支出多少", "一般公共预算财政拨款支出"),
                                             ("文旅局财政拨款实际支出多少", "财政拨款支出"),
                                             ("文旅局招待费实际支出多少", "招待费")])
def test_a_funds_money_spent_keeps_its_side_once_the_basis_is_read(question, focus):
    found = plan(question)
    assert found.focus == focus and found.basis is Basis.FINAL


@pytest.mark.parametrize("question, whole", [("文旅局24年收入完成年初预算的百分之几", "本年收入合计"),
                                             ("文旅局24年支出完成了百分之几", "本年支出合计")])
def test_a_completion_rate_of_income_or_spending_is_the_wholes(question, whole):
    """The rate of 收入 is 本年收入合计's, never a 收入 item's: the bare word comes only after the whole's terms (a
    sentence may state the rate of 支出 itself: "支出决算完成年初预算的103.08%")."""
    found = plan(question)
    assert found.operation is Operation.COMPLETION and whole in found.terms and found.terms[-1] == found.focus
    assert found.terms.index(whole) < found.terms.index(found.focus)


@pytest.mark.parametrize("question", ["文旅局人员编制有多少个", "发改委有多少个事业编制"])
def test_staff_counted_in_个_are_counted_in_people(question):
    assert plan(question).unit_hint[0] == "人"


@pytest.mark.parametrize("question", ["文旅局实际有多少人", "发改委实际有多少名"])
def test_the_staff_a_body_actually_has_is_no_outturn(question):
    """"实际有多少人" asks 实有人数, not a 决算 figure."""
    found = plan(question)
    assert found.basis is None and "实有人数" in found.terms


@pytest.mark.parametrize("question", ["为啥会多", "为什么会少", "为什么会减少这么多"])
def test_why_it_would_change_names_no_item(question):
    """"为啥会多" after a change asks that change's reason: 会 is no item."""
    found = plan(question)
    assert found.asks_reason and found.focus == ""
    assert plan("发改委协会多少钱").focus == "协会"


def test_an_act_counted_is_looked_up_as_documents_count_it_and_only_when_counted():
    assert "购置用车" in plan("文旅局2024年买了几辆车").terms
    assert "购置用车" not in plan("文旅局2024年买车的钱是多少").terms  # the money of it is 公务用车购置费


def test_offices_set_up_are_counted_with_and_without_the_verb():
    assert plan("文旅局内设几个科室").terms[:2] == ["内设科室", "科室"]  # 6个内设股室, or 内设办公室、…5个科室


@pytest.mark.parametrize("question", ["文旅局的文物保护经费是干嘛用的", "文旅局的文物保护经费是干什么用的",
                                      "文旅局的文物保护经费用来干什么", "文旅局的文物保护经费主要花在什么上",
                                      "文旅局的文物保护经费花在啥地方了"])
def test_what_money_is_used_for_is_text(question):
    found = plan(question)
    assert found.asks_purpose and found.operation is Operation.TEXT and found.focus == "文物保护经费"


@pytest.mark.parametrize("question", ["文旅局用财政拨款发的绩效工资是多少", "文旅局财政拨款的绩效工资是多少",
                                      "文旅局一般公共预算安排的办公费是多少"])
def test_an_item_paid_by_a_fund_is_also_looked_up_alone(question):
    """"财政拨款绩效工资" is the 绩效工资 row of a table of that fund: the item is a term of its own."""
    terms = plan(question).terms
    assert "绩效工资" in terms or "办公费" in terms, terms
    assert plan("文旅局财政拨款支出是多少").terms[0] == "财政拨款支出"  # a fund's whole is no item paid by it


@pytest.mark.parametrize("question", ["文旅局2024年当年的收入一共多少", "文旅局本年收入多少", "文旅局当年支出是多少"])
def test_this_years_income_or_spending_is_the_years_own_total(question):
    """The year's total row, else a budget's own 收入预算; never the 总计 that holds money carried over."""
    terms = plan(question).terms
    assert any(term in terms for term in ("本年收入合计", "本年支出合计")), terms
    assert any(term in terms for term in ("收入预算", "支出预算")) and not any(t.endswith("总计") for t in terms), terms


@pytest.mark.parametrize("question", ["文旅局去年接待了多少批次", "文旅局上年派出了几个团组"])
def test_a_count_of_last_year_is_that_years(question):
    found = plan(question)
    assert found.operation is Operation.PREVIOUS and not found.focus.startswith(("去年", "上年")), found


@pytest.mark.parametrize("question", ["文旅局2025年预算比去年实际少了多少", "文旅局三公经费比上年实际支出多了多少",
                                      "文旅局2025年预算比去年实际少了多少，为什么"])
def test_against_last_years_outturn_is_against_its_execution(question):
    assert plan(question).basis is Basis.EXECUTION
    assert plan("文旅局2024年实际花了多少").basis is Basis.FINAL  # what a year spent is its 决算


@pytest.mark.parametrize("question", ["怎么比上年多了这么多", "三公经费怎么会减少", "怎么回事比去年少了"])
def test_how_come_it_changed_asks_why(question):
    assert plan(question).asks_reason
    assert not plan("文旅局三公经费怎么样").asks_reason


def test_kinds_after_the_first_take_its_whole():
    assert plan("发改委24年政府采购货物和工程加起来一共多少").parts == ["政府采购货物", "政府采购工程"]
    assert plan("发改委24年政府采购货物和服务类一共多少").parts == ["政府采购货物", "政府采购服务"]


@pytest.mark.parametrize("question, parts", [
    ("文旅局今年的钱有百分之多少是一般公共预算拨款", ["一般公共预算拨款", "预算收支"]),
    ("文旅局支出里有百分之几是人员经费", ["人员经费", "支出"]),
])
def test_a_share_said_after_its_whole(question, parts):
    found = plan(question)
    assert found.operation is Operation.SHARE and found.parts == parts


@pytest.mark.parametrize("question", ["文旅局是干啥的", "发改委是做啥的", "文旅局是干什么的"])
def test_what_a_body_does_is_its_duties(question):
    found = plan(question)
    assert found.operation is Operation.TEXT and found.focus == "主要职能"


@pytest.mark.parametrize("question", ["文旅局公车保有几辆", "文旅局公车保有量是多少辆", "文旅局公务用车保有多少辆"])
def test_a_stock_held_is_counted_of_its_item(question):
    found = plan(question)
    assert found.focus in ("公车", "公务用车") and "辆" in found.unit_hint, found


@pytest.mark.parametrize("question", ["文旅局为什么调增", "文旅局行政运行为啥调减了"])
def test_raised_or_cut_is_a_direction_not_an_item(question):
    plan = parse_question(question, documents())
    assert plan.asks_reason and "调" not in plan.focus and plan.direction is not None


@pytest.mark.parametrize("question", ["文旅局三公经费分别花在哪几块，各多少", "文旅局三公经费用在哪几块"])
def test_which_pieces_a_whole_went_on_asks_its_parts_not_a_count(question):
    plan = parse_question(question, documents())
    assert plan.focus == "三公经费" and not plan.unit_hint


@pytest.mark.parametrize("question, focus", [
    ("文旅局2025年自己的支出是多少", "支出"), ("文旅局本身的支出是多少", "支出"),
])
def test_a_bodys_own_is_said_of_it_not_an_item(question, focus):
    assert parse_question(question, documents()).focus == focus


@pytest.mark.parametrize("question", ["文旅局说的生均公用经费是什么，标准多少", "文旅局的生均公用经费是什么，每生多少",
                                      "文旅局的生均公用经费是什么钱，有多少"])
def test_what_it_is_and_its_standard_asks_the_definition(question):
    plan = parse_question(question, documents())
    assert plan.operation is Operation.TEXT and plan.asks_definition


@pytest.mark.parametrize("question", ["文旅局营养改善计划每个学生每天补助多少钱", "文旅局营养改善计划每生每天补助多少"])
def test_a_rate_per_head_leaves_the_item(question):
    assert parse_question(question, documents()).focus == "营养改善计划补助"


@pytest.mark.parametrize("question", ["文旅局基本支出里工资这些人员经费是多少", "文旅局工资之类的人员经费是多少"])
def test_an_example_before_these_names_no_item(question):
    assert "人员经费" in parse_question(question, documents()).terms
    assert "工资" not in parse_question(question, documents()).focus


@pytest.mark.parametrize("question", ["发改委2025年部门预算收入总额是多少", "发改委2025年收入预算总额多少", "发改委2025年预算总收入多少"])
def test_a_whole_named_in_full_is_read_as_the_whole(question):
    terms = parse_question(question, documents()).terms
    assert "收入总计" in terms and "收支预算总额" in terms and "支出总计" not in terms


@pytest.mark.parametrize("question", ["文旅局2025年“审计业务”这一项（2010804）是多少", "文旅局2025年审计业务(2010804)预算多少"])
def test_a_code_in_brackets_is_no_year_and_no_name_of_its_own(question):
    plan = parse_question(question, documents())
    assert plan.years == [2025] and plan.terms[0] != "2010804" and "审计业务" in plan.focus


@pytest.mark.parametrize("question", ["发改委2025年部门收入预算总计多少", "发改委2025年收入预算合计是多少"])
def test_a_whole_with_its_total_word_is_the_whole(question):
    assert "收入总计" in parse_question(question, documents()).terms


@pytest.mark.parametrize("question", ["发改委2024年全年预算调到了多少", "发改委2024年行政运行调整为多少"])
def test_adjusted_to_asks_the_figure_not_an_item(question):
    assert "调" not in parse_question(question, documents()).focus


@pytest.mark.parametrize("question, focus", [
    ("发改委2025年青少年科技活动（项）在部门支出预算总表里一共安排多少万元", "青少年科技活动"),
    ("发改委2025年其他城乡社区管理事务支出（2120199）连同上年结转一共安排多少万元", "其他城乡社区管理事务支出（2120199）"),
])
def test_a_table_or_all_funds_named_leave_the_item(question, focus):
    assert parse_question(question, documents()).focus == focus


@pytest.mark.parametrize("question, focus", [("人社局2024年三公经费决算各多少", "三公经费"), ("人社局2024年决算包括哪几个单位", "决算单位")])
def test_a_list_leaves_its_basis_only_where_an_item_is_left(question, focus):
    assert parse_question(question, documents()).focus == focus


@pytest.mark.parametrize("question", ["文旅局预算里说的“优抚对象”指哪些人", "文旅局说的优抚对象指的是哪些人员"])
def test_who_a_word_stands_for_asks_its_definition(question):
    asked = parse_question(question, documents())
    assert asked.asks_definition and asked.focus == "优抚对象"


@pytest.mark.parametrize("question", ["文旅局的城乡医疗救助主要救助哪些人", "文旅局的困难群众补助针对什么人群",
                                      "文旅局的优抚对象补助资助哪类对象"])
def test_whom_an_item_serves_asks_its_definition(question):
    assert parse_question(question, documents()).asks_definition


@pytest.mark.parametrize("question", ["文旅局是行政机关还是事业单位", "文旅局算行政单位还是事业单位"])
def test_which_kind_of_body_asks_its_nature_in_words(question):
    asked = parse_question(question, documents())
    assert asked.operation is Operation.TEXT and not asked.wants_number and asked.focus == "单位性质"


@pytest.mark.parametrize("question, parts", [
    ("发改委2025年给城市公交的补贴一共多少（运营补贴加成品油价格补贴）", ["运营补贴", "成品油价格补贴"]),
    ("发改委2025年物业服务和安保服务两个项目加起来一共多少万元", ["物业服务", "安保服务"]),
    ("发改委2025年物业服务项目和安保服务项目加起来一共多少万元", ["物业服务", "安保服务"]),
])
def test_the_parts_added_are_those_named(question, parts):
    asked = parse_question(question, documents())
    assert asked.operation is Operation.SUM and asked.parts == parts


@pytest.mark.parametrize("question, focus", [("文旅局2025年搞人口抽样调查给了多少钱", "人口抽样调查"),
                                             ("文旅局2025年打算买几辆车", "买车"),
                                             ("文旅局2025年算上上年结转，行政运行一共安排多少", "行政运行"),
                                             ("文旅局2025年基本支出占当年一般公共预算拨款的百分之几", "")])
def test_colloquial_verbs_and_clauses_leave_the_item(question, focus):
    asked = parse_question(question, documents())
    assert asked.focus == focus or asked.parts[-1:] == ["当年一般公共预算拨款"]


@pytest.mark.parametrize("question", ["为什么没达到年初预算", "为啥没完成预算", "为什么未能完成年初预算"])
def test_falling_short_of_a_budget_is_a_direction_not_an_item(question):
    asked = parse_question(question, documents())
    assert asked.asks_reason and asked.direction is Direction.DOWN and len(asked.focus) < 2


@pytest.mark.parametrize("question, focus", [
    ("发改委2025年防汛（2130314）这一项科目一共安排了多少万元，含上年结转？", "防汛（2130314）"),
    ("发改委2024年应急救护培训一共花了多少钱（各种资金加起来）？", "应急救护培训（各种资金）"),
])
def test_all_funds_said_after_the_question_and_a_subject_pointed_at_leave_the_item(question, focus):
    asked = parse_question(question, documents())
    assert asked.focus == focus and asked.operation is Operation.LOOKUP


def test_a_year_end_balance_keeps_its_年末_and_all_funds_before_一共_leave_no_item():
    balance = parse_question("发改委2024年末结转和结余是多少", documents())
    assert balance.focus == "年末结转和结余" and balance.years == [2024]
    assert len(parse_question("算上上年结转一共多少", documents()).focus) < 2


@pytest.mark.parametrize("question, focus", [
    ("文旅局2024年图书馆（项）一般公共预算财政拨款支出决算是多少", "图书馆"),
    ("文旅局2025年图书馆（项）当年一般公共预算拨款是多少", "图书馆"),  # 当年 says the fund's money of the year, no item
])
def test_an_item_then_its_funds_spending_is_the_items_row_of_that_funds_table(question, focus):
    asked = parse_question(question, documents())
    assert asked.focus == focus and TableKind.GENERAL_PUBLIC in asked.tables and "当年" not in asked.terms


def test_carried_over_money_and_a_quoted_coded_item_then_its_fund():
    carried = parse_question("发改委2025年算上上年结转的钱，行政运行一共安排多少", documents())
    assert carried.focus == "行政运行" and carried.tables == ALL_FUNDS_TABLES
    quoted = parse_question("发改委2025年“档案馆”（2012604）一般公共预算当年拨款安排的是多少元", documents())
    assert quoted.focus == "“档案馆”（2012604）" and quoted.tables == {TableKind.GENERAL_PUBLIC}


@pytest.mark.parametrize("question, focus", [
    ("发改委2025年行政运行一共预算多少（各项资金合计）？", "行政运行"),
    ("算上财政专户和其他收入，发改委2025年行政运行一共多少？", "行政运行"),
    ("发改委2025年行政运行所有资金一共安排多少", "行政运行"),
    ("发改委2025年行政运行，连同非财政拨款资金一共安排多少", "行政运行"),
    ("发改委2025年行政运行支出，连同单位自有资金一共多少", "行政运行支出"),
    ("发改委2025年行政运行，加上自筹资金总共多少", "行政运行"),
    ("发改委2025年行政运行（项）连同其他收入安排的一共支出多少", "行政运行支出"),
    ("发改委2025年行政运行一共支出多少（算上其他收入安排的）", "行政运行支出"),
    ("发改委2025年行政运行一共支出多少（含上年结转和事业收入在内）", "行政运行支出"),
])
def test_every_fund_asked_in_words_is_the_all_funds_tables(question, focus):
    asked = parse_question(question, documents())
    assert asked.focus == focus and asked.tables == ALL_FUNDS_TABLES


@pytest.mark.parametrize("question", ["发改委2024年行政运行全年预算（调整后）是多少", "发改委2024年行政运行全年预算(调整数)多少"])
def test_a_note_on_the_basis_in_brackets_is_no_part_of_the_item(question):
    asked = parse_question(question, documents())
    assert asked.focus == "行政运行" and asked.basis is Basis.ADJUSTED_BUDGET


@pytest.mark.parametrize("question, focus", [
    ("发改委行政运行为什么全年预算比年初预算多了那么多", "行政运行"),
    ("为什么全年预算比年初预算多了那么多？", ""),
    ("发改委行政运行为啥决算比年初预算少", "行政运行"),
])
def test_why_one_basis_differs_from_another_asks_of_the_item_before_them(question, focus):
    asked = parse_question(question, documents())
    assert asked.asks_reason and (asked.focus == focus or not focus and len(asked.focus) < 2), asked.focus


@pytest.mark.parametrize("question", ["文旅局出国去了几个人", "文旅局出国去了几名", "文旅局今年出国有多少人"])
def test_how_many_went_counts_people_or_their_trips(question):
    found = plan(question)
    assert found.focus == "出国" and {"人", "人次"} <= set(found.unit_hint), (found.focus, found.unit_hint)


def test_none_in_the_first_budget_is_said_of_the_first_budget_only():
    text = "（二）公务用车购置费：年初未安排预算，全年预算为24.00万元，支出决算为23.68万元。"
    assert absence_statements(text, ["公务用车购置费"], first_budget=True) == [(0, len(text))]
    assert absence_statements(text, ["公务用车购置费"]) == []  # the year's budget had some


@pytest.mark.parametrize("question, focus", [("文旅局的政府性基金都用在哪些地方", "政府性基金"), ("文旅局的专项资金都用在哪了", "专项资金")])
def test_都_after_the_item_is_no_part_of_it(question, focus):
    assert plan(question).focus == focus


@pytest.mark.parametrize("question, focus", [("年中调整后的全年预算是多少万元？", ""), ("行政运行年中调整后的预算是多少", "行政运行")])
def test_年中调整后的全年预算_is_a_basis_and_no_item(question, focus):
    found = plan(question)
    assert (found.focus, found.basis) == (focus, Basis.ADJUSTED_BUDGET)


@pytest.mark.parametrize("question", ["文旅局的校车费用算不算三公经费", "文旅局培训费属不属于三公经费",
                                      "文旅局的会议费是否属于机关运行经费", "文旅局的接送学生车辆费用算三公经费吗"])
def test_whether_an_item_falls_under_a_kind_is_asked_in_words(question):
    assert not plan(question).wants_number
    assert plan("人社局年初预算里有买车吗，年初安排了多少").asks_figure  # 预算 holds 算: no kind asked


@pytest.mark.parametrize("question, direction", [("人社局24年行政运行年中追加了多少", Direction.UP),
                                                 ("人社局24年行政运行调增了多少预算", Direction.UP),
                                                 ("人社局24年行政运行调减了多少", Direction.DOWN),
                                                 ("人社局24年年中行政运行追加了多少", Direction.UP),
                                                 ("人社局24年执行中行政运行调减了多少资金", Direction.DOWN)])
def test_what_the_year_added_to_the_first_budget_is_the_full_years_budget_less_it(question, direction):
    found = plan(question)
    assert found.operation is Operation.DIFFERENCE and found.focus == "行政运行" and found.direction is direction
    assert found.part_bases == [Basis.ADJUSTED_BUDGET, Basis.INITIAL_BUDGET]


@pytest.mark.parametrize("question", ["人社局2024年死亡抚恤年初没有预算，为什么还有支出", "人社局24年死亡抚恤没安排预算为啥还花钱",
                                      "人社局死亡抚恤年初未安排预算，为何还有支出", "人社局死亡抚恤年初没安排预算，为啥最后花了四百多万",
                                      "人社局死亡抚恤年初没预算为什么还花了1450万"])
def test_a_why_question_telling_there_was_no_budget_asks_of_the_item(question):
    found = plan(question)
    assert found.asks_reason and found.focus == "死亡抚恤"


@pytest.mark.parametrize("question", ["人社局决算里的完成率是怎么算的", "人社局完成率如何计算", "人社局说的完成率怎样算出来的"])
def test_how_a_rate_is_worked_out_asks_its_definition(question):
    found = plan(question)
    assert found.asks_definition and not found.wants_number and found.focus == "完成率"


@pytest.mark.parametrize("question", ["人社局的死亡抚恤为啥没有全部完成", "人社局24年死亡抚恤为什么没花完", "人社局死亡抚恤为何未能用完",
                                      "人社局死亡抚恤为什么年初预算是0", "人社局死亡抚恤年初预算为零是为啥",
                                      "人社局死亡抚恤年初预算是0，为什么决算有支出"])
def test_a_why_question_telling_the_money_was_not_all_spent_asks_of_the_item(question):
    found = plan(question)
    assert found.asks_reason and found.focus == "死亡抚恤"


@pytest.mark.parametrize("question", ["人社局部门预算包括哪几个单位", "人社局三公经费包括哪几项"])
def test_哪几_asks_which_not_how_many(question):
    found = plan(question)
    assert found.operation is Operation.LIST and not found.asks_figure


@pytest.mark.parametrize("question", ["人社局2025年“自然资源调查与确权登记”一共安排多少", "人社局“就业和再就业服务”加起来多少钱"])
def test_a_quoted_name_holding_a_joiner_is_one_item(question):
    found = plan(question)
    assert found.operation is Operation.LOOKUP and not found.parts


@pytest.mark.parametrize("question, focus", [("发改委下面的所属单位是哪个？", "所属单位"), ("发改委下属单位是哪一家", "下属单位"),
                                             ("发改委下面的二级单位是哪个", "二级单位")])
def test_which_one_there_is_asks_it_named(question, focus):
    asked = plan(question)
    assert asked.operation is Operation.LIST and asked.focus == focus


@pytest.mark.parametrize("question", ["发改委支出最多的是哪个", "发改委花钱最多的项目是哪个", "发改委三公经费里最少的是哪一个"])
def test_which_one_is_largest_stays_a_ranking(question):
    assert plan(question).operation is not Operation.LIST


@pytest.mark.parametrize("question, first", [("人社局24年行政运行全年预算有多少没花出去", Basis.ADJUSTED_BUDGET),
                                             ("人社局24年行政运行有多少没花完", Basis.ADJUSTED_BUDGET),
                                             ("人社局24年行政运行没用完的钱有多少", Basis.ADJUSTED_BUDGET),
                                             ("人社局24年行政运行年初预算还有多少没用完", Basis.INITIAL_BUDGET)])
def test_how_much_was_not_spent_is_the_budget_less_the_outturn(question, first):
    """Never the budget itself: what the budget holds beyond the outturn."""
    found = plan(question)
    assert found.operation is Operation.DIFFERENCE and found.focus == "行政运行" and found.direction is Direction.UP
    assert found.part_bases == [first, Basis.FINAL]


@pytest.mark.parametrize("question", ["人社局今年的钱从哪里来", "人社局2025年的资金是哪来的", "人社局的经费来源是什么"])
def test_where_money_of_no_item_comes_from_is_the_income(question):
    found = plan(question)
    assert found.asks_what_money and found.focus == "收入"


def test_where_an_items_money_comes_from_stays_the_items():
    assert plan("人社局老旧小区改造的钱从哪里来").focus == "老旧小区改造"


def test_what_an_item_is_asks_its_definition_and_what_its_parts_are_lists_them():
    defined = plan("发改委的其他收入是啥")
    assert defined.operation is Operation.TEXT and defined.asks_definition and defined.focus == "其他收入"
    assert plan("发改委三公经费都是啥").operation is Operation.LIST



def test_多少项目_asks_no_count_of_项():
    asked = plan("发改委2025年安排了多少项目经费")
    assert asked.focus == "项目经费" and asked.unit_hint == ()


@pytest.mark.parametrize("question, focus", [
    ("人社局2024年其他人力资源和社会保障管理事务那36万是干啥用的", "其他人力资源和社会保障管理事务"),
    ("发改委2026年法律援助这笔40.5万元是做什么用的", "法律援助"),
    ("发改委2025年疫苗冷链那120多万是做什么的", "疫苗冷链"),
])
def test_a_figure_pointed_at_is_no_part_of_the_item(question, focus):
    assert plan(question).focus == focus


@pytest.mark.parametrize("question, focus", [
    ("发改委2023年学费住宿费这些事业收入有多少", "事业收入"),
    ("发改委2023年差旅费等公用经费多少", "公用经费"),
    ("发改委2023年水电费这类商品和服务支出有多少", "商品和服务支出"),
])
def test_examples_before_the_item_they_are_of_name_that_item(question, focus):
    """"学费住宿费这些事业收入": the examples (学费、住宿费) say what the item is; the item asked is 事业收入."""
    assert plan(question).focus == focus
