"""Which fact answers an asked item: a narrower item is never answered with its whole, and a whole and
its own part are never summed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from assistant.fact_lists import list_parts
from assistant.fact_matching import (
    MIN_OPERAND_SCORE,
    MIN_SCORE,
    ScoredFact,
    conflicts_with,
    finest_stating,
    narrower_words,
    overlapping,
    rank_facts,
)
from assistant.vocabulary import generic_item_words, joined_bodies
from index.fact_store import FactRecord
from ingest.model import FactKind, TableKind


def fact(subject: str, start: int = 0, heading: str = "", value: str = "1") -> FactRecord:
    return FactRecord(id=start, doc_id="d", department="某局", year=2025, source="a.pdf", subject=subject, measure="金额",
                      value=Decimal(value), unit="万元", qualifier=None, amount_wan=Decimal(value), start=start,
                      end=start + 5, origin="text", context="", section_id=None, page=None, heading=heading)


def test_a_whole_and_its_own_part_are_not_summed():
    assert overlapping([fact("公务用车购置及运行费", 0), fact("公务用车运行费", 10)])
    assert not overlapping([fact("公务用车购置费", 0), fact("公务用车运行费", 10)])
    assert overlapping([fact("公务接待费", 0), fact("公务接待费", 0)])


def test_words_a_question_adds_to_an_item_are_found_unless_the_place_says_them():
    whole = fact("政府采购预算", heading="三、政府采购预算情况")
    assert sorted(narrower_words("预留给中小企业政府采购项目", "政府采购预算", whole)) == []  # not within the term
    assert sorted(narrower_words("预留给中小企业政府采购", "政府采购", whole)) == ["中小企业", "预留"]
    assert narrower_words("信息化建设项目预算金额", "信息化建设", fact("信息化建设")) == []  # generic words only
    placed = fact("财政拨款支出", heading="一般公共预算财政拨款支出预算表")
    assert narrower_words("一般公共预算财政拨款支出", "财政拨款支出", placed) == []  # its table says the rest


def test_a_narrower_item_is_answered_by_its_own_fact_or_not_at_all():
    whole = fact("政府采购", 0, "三、政府采购预算情况", "4821.20")
    narrow = fact("面向中小企业预留政府采购项目预算金额", 50, "三、政府采购预算情况", "1928.48")
    question = "预留给中小企业的政府采购是多少"
    ranked = rank_facts([whole, narrow], ["预留给中小企业政府采购"], question)
    assert [r.fact.value for r in ranked] == [Decimal("1928.48")]
    assert rank_facts([whole], ["预留给中小企业政府采购"], question) == []
    assert rank_facts([whole], ["政府采购预算"], "政府采购预算是多少")[0].score >= MIN_SCORE


def test_generic_item_words_are_loaded_and_name_no_item():
    words = generic_item_words()
    assert {"预算", "金额", "项目"} <= words
    assert not {"支出", "收入", "中小企业", "三公经费"} & words


def test_the_numbered_sentences_after_a_count_are_not_its_parts():
    """"设5个内设机构，包括：院长室、…" then "1.“…（项）”53.84万元": money lines are no parts of a count."""
    whole = replace(fact("设内设机构", start=10), unit="个", amount_wan=None, context="设5个内设机构，包括：院长室、办公室。")
    money = [replace(fact(f"支出{i}", start=100 * i), context=f"{i}. “支出{i}（项）”{i}万元。") for i in (1, 2, 3)]
    assert list_parts([whole, *money], ["内设机构"]) == []
    counts = [replace(m, unit="个", amount_wan=None) for m in money]
    assert [p.label for p in list_parts([whole, *counts], ["内设机构"])] == ["支出1", "支出2", "支出3"]


def test_another_column_of_the_same_table_is_no_conflict():
    """项目资金总额 410 and 其他资金 0 of one project form are two figures, not one stated twice."""
    total = replace(fact("某项目", start=1, value="410"), origin="table", table_id=3, measure="项目资金总额")
    other = replace(total, id=2, start=40, value=Decimal("0"), amount_wan=Decimal("0"), measure="其他资金")
    elsewhere = replace(total, id=3, start=90, value=Decimal("400"), amount_wan=Decimal("400"), table_id=4)
    ranked = [ScoredFact(total, 90.0), ScoredFact(other, 90.0), ScoredFact(elsewhere, 90.0)]
    assert conflicts_with(ranked[0], ranked) == [elsewhere]


def test_a_groups_小计_in_another_table_is_that_groups_figure_and_no_conflict():
    """"合计 5,678,603.80" of a row in 收入预算表 and "基本支出/小计 2,865,603.80" of it in 支出预算表: the 小计 is
    the 基本支出 column's, not the row's total stated again."""
    total = replace(fact("流浪乞讨人员救助支出", start=1, value="567.86"), origin="table", table_id=2, measure="合计")
    basic = replace(total, id=2, start=40, value=Decimal("286.56"), amount_wan=Decimal("286.56"), table_id=3,
                    measure="基本支出/小计")
    restated = replace(total, id=3, start=90, value=Decimal("537.86"), amount_wan=Decimal("537.86"), table_id=4)
    ranked = [ScoredFact(total, 90.0), ScoredFact(basic, 90.0), ScoredFact(restated, 90.0)]
    assert conflicts_with(ranked[0], ranked) == [restated]


def test_a_figure_printed_coarser_is_the_same_figure_and_the_finer_one_answers():
    """"收入预算总计1.52亿元" and "收入预算15,182.47万元": one figure, told to the 万元 by the second; "15,120.00万元"
    elsewhere is another figure."""
    coarse = replace(fact("收入预算", start=1, value="1.52"), unit="亿元", amount_wan=Decimal("15200.00"))
    fine = replace(fact("收入预算", start=40, value="15182.47"), id=2)
    other = replace(fact("收入预算", start=90, value="15120.00"), id=3)
    ranked = [ScoredFact(coarse, 92.0), ScoredFact(fine, 90.0)]
    best = finest_stating(ranked[0], ranked)
    assert best.fact is fine and conflicts_with(best, ranked) == []
    with_other = [*ranked, ScoredFact(other, 90.0)]
    assert conflicts_with(finest_stating(with_other[0], with_other), with_other) == [other]
    assert finest_stating(ScoredFact(other, 95.0), [ScoredFact(other, 95.0), *ranked]).fact is other  # 15,120 is no 1.52亿
    in_yuan = replace(fact("收入预算", start=120, value="151824700"), id=4, unit="元", amount_wan=Decimal("15182.47"))
    assert finest_stating(ranked[1], [ranked[1], ScoredFact(in_yuan, 90.0)]).fact is fine  # to the hundredth: as printed


def test_the_departments_figure_is_no_conflict_of_its_own_offices():
    """"局机关（本级）…项目支出2996.50万元" beside the department's "项目支出5277.90万元": two bodies' figures."""
    office = replace(fact("项目支出", start=10, value="2996.50"), scope="本级")
    department = replace(fact("项目支出", start=1, value="5277.90"), id=2)
    same_office = replace(office, id=3, start=90, value=Decimal("2990.00"), amount_wan=Decimal("2990.00"))
    ranked = [ScoredFact(office, 90.0), ScoredFact(department, 90.0), ScoredFact(same_office, 90.0)]
    assert conflicts_with(ranked[0], ranked) == [same_office]


def test_another_basis_or_year_of_the_item_is_no_conflict():
    """"年初预算为18.50万元，支出决算为15.62万元": two bases of one item, not one figure stated twice."""
    from ingest.model import Basis
    final = replace(fact("三公经费", start=10, value="15.62"), basis=Basis.FINAL)
    budget = replace(fact("三公经费", start=1, value="18.50"), id=2, basis=Basis.BUDGET)
    last_year = replace(final, id=3, start=30, value=Decimal("17.48"), amount_wan=Decimal("17.48"), period=2023)
    table = replace(final, id=4, start=90, value=Decimal("15.26"), amount_wan=Decimal("15.26"))
    ranked = [ScoredFact(final, 90.0), ScoredFact(budget, 90.0), ScoredFact(last_year, 90.0), ScoredFact(table, 90.0)]
    assert conflicts_with(ranked[0], ranked) == [table]


def test_an_item_asked_inside_another_is_not_answered_with_the_whole():
    """"各类工作经费里办寒托班的钱": the project's total says nothing of the part asked inside it."""
    whole = replace(fact("各类工作经费", value="759.55"), origin="table", context="各类工作经费项目资金")
    visits = replace(fact("各类工作经费", start=50, value="150"), origin="table", unit="家", amount_wan=None,
                     measure="数量指标", context="各类工作经费绩效目标：日常走访企业")
    assert rank_facts([whole], ["各类工作经费里办寒托班暑托班"], "各类工作经费里办寒托班暑托班花了多少钱") == []
    found = rank_facts([whole, visits], ["各类工作经费里日常走访企业"], "各类工作经费里日常走访企业多少家", ("家",))
    assert [s.fact for s in found] == [visits]


def test_two_asked_words_no_place_says_rule_out_a_resembling_item():
    """"社区公共服务中心新建工程总投资" resembles the project 新建社区公共服务中心 but asks for another figure."""
    funds = replace(fact("新建社区公共服务中心", value="410"), origin="table", measure="项目资金总额",
                    context="新建社区公共服务中心项目资金")
    assert rank_facts([funds], ["社区公共服务中心新建工程总投资"], "社区公共服务中心新建工程总投资多少") == []
    assert rank_facts([funds], ["新建社区公共服务中心项目资金"], "新建社区公共服务中心项目资金多少")


def test_a_question_about_money_is_never_answered_with_a_count():
    count = replace(fact("寒托班开设班级数", value="1"), unit="个", amount_wan=None)
    assert rank_facts([count], ["寒托班开设班级数"], "寒托班开设班级数花了多少钱") == []
    assert rank_facts([count], ["寒托班开设班级数"], "寒托班开设班级数有几个", ("个",))


def test_a_heading_names_a_figure_only_when_its_subject_names_no_other_item():
    part = fact("公务车用车运行费", heading="一、2025年“三公”经费预算情况说明")
    assert rank_facts([part], ["三公经费"], "三公经费是多少") == []  # another item under the asked one's heading
    total = fact("项目总预算", heading="贸易高质量发展专项经费情况说明 > 六、年度预算安排", value="2921")
    assert [r.fact.value for r in rank_facts([total], ["贸易高质量发展专项"], "贸易高质量发展专项总预算多少")] == [Decimal(2921)]


def test_a_figure_named_only_by_its_measure_takes_the_item_its_section_explains():
    from assistant.fact_matching import heading_item

    assert heading_item("贸易高质量发展专项（政策资金）经费情况说明 > 六、年度预算安排") == "贸易高质量发展专项"
    assert heading_item("二、人民调解项目资金使用说明") == "人民调解项目"
    assert heading_item("三、政府采购预算情况") == ""  # a section of the disclosure, not an item's explanation
    assert heading_item("2025年单位预算公开说明 > 十、项目支出预算及绩效目标情况 > 项目三：省级临床重点专科建设项目") == (
        "省级临床重点专科建设项目")  # the project block it stands in


def test_a_figures_unit_says_what_it_measures():
    from assistant.vocabulary import unit_words

    house = replace(fact("房屋", value="14609.83"), unit="平方米", amount_wan=None)
    assert [r.fact.value for r in rank_facts([house], ["房屋面积"], "房屋面积有多少平方米", ("平方米",))] == [Decimal("14609.83")]
    assert rank_facts([fact("房屋", value="100")], ["房屋面积"], "房屋面积有多少") == []  # 万元 says no 面积
    assert "面积" in unit_words()["平方米"]


def test_the_projects_of_a_procurement_table_leave_out_its_total_row():
    from assistant.fact_lists import projects_in
    from ingest.model import TableKind

    rows = [replace(fact(name, i * 10, value=v), origin="table", table_kind=TableKind.PROCUREMENT)
            for i, (name, v) in enumerate([("机房升级项目经费", "50"), ("带宽线路租用经费", "1307"), ("合计", "1357")])]
    assert [(p.label, p.fact.value) for p in projects_in(rows, TableKind.PROCUREMENT)] == [
        ("机房升级项目经费", Decimal(50)), ("带宽线路租用经费", Decimal(1307))]


def test_a_rows_breakdown_columns_are_no_conflict_with_its_total():
    from assistant.fact_matching import different_scope

    def cell(column: str, value: str, table: int) -> FactRecord:
        return replace(fact("行政运行", value=value), origin="table", measure=f"支出决算/{column}", table_id=table)

    total, basic, project = cell("本年支出合计", "1511.89", 1), cell("基本支出", "1503.52", 2), cell("项目支出", "8.37", 2)
    assert different_scope(basic, total) and different_scope(project, total) and different_scope(basic, project)
    assert not different_scope(cell("决算数", "1500", 3), total)  # two totals that differ are a conflict to report


def test_an_items_money_unasked_is_its_spending_not_its_income_column():
    spent = replace(fact("行政运行", value="1511.89"), origin="table", measure="本年支出合计", table_id=1)
    income = replace(fact("行政运行", value="1511.90"), origin="table", measure="本年收入合计", table_id=2)
    assert rank_facts([income, spent], ["行政运行"], "行政运行决算多少")[0].fact is spent
    assert rank_facts([income, spent], ["行政运行收入"], "行政运行收入多少")[0].fact is income


def test_an_item_is_named_by_its_purpose_only_when_the_asked_words_are_most_of_it():
    small = replace(fact("其他消防救援事务支出", value="58.75"), purpose="微型消防站运行保障经费")
    big = replace(fact("行政运行", value="1687.92"),
                  purpose="机关运营费用，如，工资福利、办公费、公用事业费、租赁费、物业管理费、会议费、培训费、差旅费等支出")
    assert [r.fact.value for r in rank_facts([small], ["微型消防站经费"], "微型消防站的经费多少")] == [Decimal("58.75")]
    assert rank_facts([big], ["会议费"], "会议费多少") == []  # one of many things 行政运行 pays for


def test_one_word_of_a_purpose_names_no_item():
    legal = replace(fact("公共法律服务", value="30"), purpose="公共法律服务")
    assert rank_facts([legal], ["买服务"], "政府采购里买服务的预算有多少") == []


def test_a_tables_total_under_a_合计_column_is_the_whole_its_header_names():
    def cell(row: str, value: str) -> FactRecord:
        return replace(fact(row, value=value), origin="table", measure="一般公共预算基本支出/合计", table_id=7, unit="元")

    rows = [cell("工资福利支出", "21170337.81"), cell("商品和服务支出", "1932777.54"), cell("合计", "24606775.35")]
    assert rank_facts(rows, ["一般公共预算基本支出"], "一般公共预算基本支出是多少")[0].fact.subject == "合计"
    assert rank_facts(rows, ["工资福利支出"], "工资福利支出是多少")[0].fact.subject == "工资福利支出"


def test_one_funds_table_is_another_scope_and_comes_after_the_departments_whole():
    from assistant.fact_matching import different_scope
    from ingest.model import TableKind

    def total(kind: TableKind, measure: str, value: str) -> FactRecord:
        return replace(fact("合计", value=value), origin="table", table_kind=kind, measure=measure, table_id=hash(kind) % 97)

    whole = total(TableKind.EXPENSE, "支出预算/项目支出", "4938.81")
    general = total(TableKind.GENERAL_PUBLIC, "一般公共预算支出/项目支出", "4570.81")
    assert different_scope(whole, general)
    assert rank_facts([general, whole], ["项目支出"], "项目支出多少")[0].fact is whole
    assert rank_facts([general, whole], ["项目支出"], "项目支出一共多少（含政府性基金）")[0].fact is whole


def test_a_standard_item_is_not_named_by_another_items_purpose():
    planning = replace(fact("城乡社区规划与管理（项）", value="3110.14"),
                       purpose="事业单位人员支出、公用支出、行政事业单位项目支出")
    assert rank_facts([planning], ["项目支出"], "项目支出年初预算多少") == []


def test_a_rate_never_answers_an_amount():
    rate = replace(fact("公务接待费", value="13.68"), unit="%", measure="完成率")
    assert rank_facts([rate], ["公务接待费"], "公务接待费年初预算是多少") == []
    assert rank_facts([rate], ["公务接待费"], "公务接待费完成了百分之几")


LEAF = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）"


def test_an_item_named_inside_a_classification_leaf_fits_it_well_enough_to_compute_with():
    """职业年金 names the （项） 机关事业单位职业年金缴费支出 however long its path; not a level above it."""
    for term in ("职业年金", "职业年金缴费"):
        assert rank_facts([fact(LEAF)], [term], f"{term}是多少")[0].score >= MIN_OPERAND_SCORE
    assert all(r.score < MIN_OPERAND_SCORE for r in rank_facts([fact(LEAF)], ["就业"], "就业是多少"))


def test_a_generic_word_after_a_level_s_name_still_names_that_level():
    path = "一般公共服务支出（类）统计信息事务（款）统计管理（项）"
    assert rank_facts([fact(path)], ["统计管理经费"], "统计管理经费多少")[0].score >= MIN_OPERAND_SCORE
    assert all(r.score < MIN_OPERAND_SCORE for r in rank_facts([fact(path)], ["统计信息经费"], "统计信息经费多少"))


def test_an_item_sharing_only_its_common_words_is_another_item():
    """事业运行经费 shares 运行 and 经费 with 公务用车运行费 and 机关运行经费, but not what tells it apart."""
    others = [fact("公务用车运行费", 0), fact("财政拨款的机关运行经费预算", 10)]
    assert rank_facts(others, ["事业运行经费"], "事业运行经费多少") == []
    assert rank_facts([fact("事业运行", 0)], ["事业运行经费"], "事业运行经费多少")[0].score >= MIN_SCORE


def test_the_catch_all_of_a_kind_is_another_item():
    """其他自然资源事务支出 holds the words of 自然资源事务支出 but is the rest of its items, not it."""
    whole, rest = fact("自然资源事务", 0, value="4461.67"), fact("其他自然资源事务支出", 10, value="45")
    ranked = rank_facts([whole, rest], ["自然资源事务支出"], "自然资源事务支出决算多少")
    assert ranked[0].fact.value == Decimal("4461.67")
    assert rank_facts([whole, rest], ["其他自然资源事务支出"], "其他自然资源事务支出")[0].fact.value == Decimal("45")


def test_a_word_printed_with_a_bracketed_character_is_found_without_it():
    assert rank_facts([fact("维修（护）费")], ["维修费"], "维修费多少")[0].score >= MIN_OPERAND_SCORE
    assert rank_facts([fact("因公出国（境）费")], ["因公出国费"], "因公出国费多少")[0].score >= MIN_OPERAND_SCORE


def test_an_item_sharing_words_with_another_but_each_with_a_telling_word_of_its_own_is_not_it():
    """事业单位医疗 is no 行政单位医疗, though 行政 stands in the 款 of its 功能分类 chain; nor 购置费 a 运行费."""
    leaf = fact("医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）", value="50.37")
    assert rank_facts([leaf], ["行政单位医疗"], "行政单位医疗多少") == []
    assert rank_facts([leaf], ["事业单位医疗"], "事业单位医疗多少")
    assert rank_facts([fact("公务用车购置费")], ["公务用车运行费"], "公务用车运行费多少") == []


def test_an_item_named_by_one_kind_of_body_is_a_part_of_the_item_joining_both():
    joined = fact("行政事业单位医疗", value="50.37")
    assert rank_facts([joined], ["行政单位医疗"], "行政单位医疗多少") == []
    assert rank_facts([joined], ["事业单位医疗"], "事业单位医疗多少") == []
    assert rank_facts([joined], ["行政事业单位医疗"], "行政事业单位医疗多少")


def test_each_joining_word_joins_two_kinds_or_more():
    rows = joined_bodies()
    assert rows["行政事业"] == ("行政", "事业")
    assert all(len(set(kinds)) >= 2 and joined not in kinds for joined, kinds in rows.items())


def test_an_item_standing_inside_a_word_of_another_is_not_it():
    """电费 is not 邮电费 nor 水电费, each a word of its own; 接待费 stands as a word of 公务接待费."""
    assert rank_facts([fact("邮电费")], ["电费"], "电费多少") == []
    assert rank_facts([fact("水电费")], ["电费"], "电费多少") == []
    assert rank_facts([fact("公务接待费")], ["接待费"], "接待费多少")
    assert rank_facts([fact("机关事业单位基本养老保险缴费支出")], ["养老保险"], "养老保险多少")


def test_the_whole_budget_is_never_one_items_figure():
    """支出预算 is the whole: not the 支出 of a 功能分类 item, nor an item sharing its words."""
    item = fact("支出（款）-城市建设支出（项）", value="1363")
    assert rank_facts([item], ["支出预算", "支出总计"], "预算一共多少") == []
    assert rank_facts([fact("支出预算", value="7630.61")], ["支出预算"], "预算一共多少")


def test_one_funds_total_is_never_the_whole_budget():
    assert rank_facts([fact("政府性基金预算收入", value="38610")], ["预算收入"], "总预算多少") == []
    assert rank_facts([fact("预算收入", value="4530.34")], ["预算收入"], "总预算多少")
    assert rank_facts([fact("政府性基金预算收入", value="38610")], ["政府性基金预算收入"], "政府性基金预算收入多少")


def test_two_columns_of_one_total_row_are_two_items_to_add():
    """合计 × 人员经费 and 合计 × 公用经费 are two figures of one row: added, they count nothing twice."""
    people = replace(fact("合计", value="2282.68"), origin="table", measure="一般公共预算基本支出/人员经费", table_id=1)
    running = replace(people, value=Decimal("229.43"), measure="一般公共预算基本支出/公用经费")
    assert not overlapping([people, running])
    assert overlapping([people, people])


def test_a_budget_item_added_to_another_names_a_narrower_item():
    """财政拨款 answers no question about the 三公经费 it pays for."""
    assert rank_facts([fact("财政拨款", value="700")], ["用财政拨款三公经费"], "用财政拨款安排的三公经费是多少") == []
    assert rank_facts([fact("信息化建设", value="80")], ["信息化建设项目"], "信息化建设项目多少")


def test_unasked_a_final_accounts_own_outturn_comes_before_its_initial_budget():
    from dataclasses import replace

    from ingest.model import Basis
    initial = replace(fact("公务用车购置费", 0, value="22.00"), basis=Basis.INITIAL_BUDGET, doc_kind="部门决算")
    outturn = replace(fact("公务用车购置费", 10, value="21.36"), basis=Basis.FINAL, doc_kind="部门决算")
    ranked = rank_facts([initial, outturn], ["公务用车购置费"], "买车花了多少")
    assert [r.fact.value for r in ranked][0] == Decimal("21.36")
    asked = rank_facts([initial, outturn], ["公务用车购置费"], "买车年初预算多少", basis=Basis.INITIAL_BUDGET)
    assert asked[0].fact.value == Decimal("22.00")


def test_an_items_own_word_that_names_an_indicator_elsewhere_is_kept():
    """农产品质量安全 is an item; 质量 is an indicator's short name only at the end of what is asked."""
    item = fact("农产品质量安全", value="58.30")
    assert rank_facts([item], ["农产品质量安全"], "农产品质量安全花了多少")[0].score >= 90
    from assistant.fact_matching import _without_measure_words
    assert _without_measure_words("机房升级项目成本") == "机房升级项目"


def test_a_funds_grant_of_the_year_is_named_without_its_year():
    grant = fact("一般公共预算当年拨款", value="486.72")
    assert rank_facts([grant], ["一般公共预算拨款"], "一般公共预算拨款是多少")[0].score >= 100  # named, not resembled


def test_an_average_is_answered_only_by_a_figure_stated_as_one():
    one_project = fact("项目自评得分", value="92")
    stated = fact("平均住院日", value="7.5")
    assert rank_facts([one_project], ["项目自评得分"], "项目自评的平均得分是多少") == []
    assert rank_facts([stated], ["平均住院日"], "平均住院日控制在多少")[0].fact is stated


def test_a_whole_is_not_answered_by_another_item_s_share_of_it():
    three_public = replace(fact("三公经费财政拨款支出", 0, value="40.80"), measure="完成率", unit="%", amount_wan=None)
    question = "财政拨款支出完成了全年预算的百分之几"
    assert rank_facts([three_public], ["财政拨款支出"], question, ("%",)) == []
    assert rank_facts([three_public], ["三公经费财政拨款支出"], "三公经费财政拨款支出完成了全年预算的百分之几", ("%",))


def test_an_indicator_asked_is_answered_by_that_indicator_only():
    money = replace(fact("防汛抗旱和地质灾害防治", 0, value="46.50"), measure="合计")
    target = replace(fact("防汛抗旱和地质灾害防治", 10, value="30"), measure="成本指标", qualifier="≤")
    question = "防汛抗旱项目的成本指标定的是多少"
    assert [r.fact.start for r in rank_facts([money, target], ["防汛抗旱项目成本指标"], question)] == [10]
    assert rank_facts([money], ["防汛抗旱项目成本指标"], question) == []


def test_one_item_stated_for_several_bodies_is_the_one_whose_sentence_names_the_asked_body():
    def units(start: int, body: str, value: str) -> FactRecord:
        return replace(fact("三级预算单位", start, value=value), unit="个", amount_wan=None,
                       context=f"{body}(包含{body}机关等{value}个三级预算单位)")
    road, port = units(0, "重庆市公路局", "4"), units(100, "重庆市港航管理局", "6")
    ranked = rank_facts([road, port], ["港航局三级预算单位"], "港航局下面有几个三级预算单位", ("个",))
    assert ranked[0].fact.value == Decimal("6")
    assert rank_facts([road, port], ["公路局三级预算单位"], "公路局有几个三级预算单位", ("个",))[0].fact.value == Decimal("4")


# ---------------------------------------------------------------- a row's figure by its column, and one fund's money


def cell(subject: str, measure: str, value: str, table: int, kind: object = None, title: str = "") -> FactRecord:
    return replace(fact(subject, table * 100 + len(measure), value=value), origin="table", measure=measure,
                   table_id=table, table_kind=kind, context=title, col_path=tuple(measure.split("/")))


def project_row() -> list[FactRecord]:
    return [cell("医疗设备购置项目", measure, value, 10, title="表10 项目支出预算表")
            for measure, value in (("合计", "2180.00"), ("财政拨款", "615.50"), ("事业收入", "1564.50"))]


def test_a_row_figure_is_asked_by_its_row_and_column():
    for asked, value in (("医疗设备购置项目事业收入", "1564.50"), ("医疗设备购置项目里财政拨款", "615.50"),
                         ("医疗设备购置项目的财政拨款", "615.50"), ("医疗设备购置项目", "2180.00")):
        assert rank_facts(project_row(), [asked], f"{asked}多少")[0].fact.value == Decimal(value), asked


def test_a_column_counted_in_is_no_column_asked():
    """"算上事业收入一共多少": the whole with that part in it, never the part."""
    ranked = rank_facts(project_row(), ["医疗设备购置项目算上事业收入"], "医疗设备购置项目算上事业收入一共多少")
    assert all(r.fact.measure != "事业收入" for r in ranked)


def test_one_funds_money_asked_comes_from_that_funds_table():
    from ingest.model import TableKind

    all_funds = cell("机关事业单位基本养老保险缴费支出", "合计", "1268.40", 3, TableKind.OTHER, "表3 支出预算表")
    one_fund = cell("机关事业单位基本养老保险缴费支出", "合计", "634.10", 5, TableKind.GENERAL_PUBLIC, "表5 一般公共预算支出预算表")
    for question in ("养老保险缴费财政给了多少", "机关事业单位基本养老保险缴费支出财政拨款多少", "养老保险缴费一般公共预算安排多少"):
        assert rank_facts([all_funds, one_fund], ["机关事业单位基本养老保险缴费支出"], question)[0].fact.value == Decimal("634.10")
    assert rank_facts([all_funds, one_fund], ["机关事业单位基本养老保险缴费支出"], "养老保险缴费多少")[0].fact.value == Decimal("1268.40")


def test_a_part_of_a_rows_money_is_no_contradiction_of_its_total():
    """A 绩效目标表's 财政拨款 and 其他资金 lines beside a 项目表's 合计 state parts, not another figure for the item."""
    total = cell("医疗设备购置项目", "合计", "2180.00", 10, title="表10 项目支出预算表")
    parts = [cell("医疗设备购置项目", m, v, 11, title="医疗设备购置项目项目资金") for m, v in (("财政拨款", "615.50"), ("其他资金", "1564.50"))]
    other_total = cell("医疗设备购置项目", "年度资金总额", "2108.00", 11, title="医疗设备购置项目项目资金")
    ranked = [ScoredFact(f, 100.0) for f in (total, *parts, other_total)]
    assert [f.value for f in conflicts_with(ranked[0], ranked)] == [Decimal("2108.00")]


def test_a_whole_asked_with_a_generic_word_is_still_the_whole_not_a_part_inside_it():
    """"公路建设资金里有多少是银行贷款": the 公路建设 row is the whole asked in, never the part."""
    from assistant.fact_matching import names_the_whole, whole_names

    assert names_the_whole("公路建设", whole_names("公路建设资金"))
    assert names_the_whole("政府采购", whole_names("政府采购"))
    assert not names_the_whole("公路养护", whole_names("公路建设资金"))


def test_a_fund_asked_alone_is_never_another_items_money_of_that_fund():
    """"财政拨款多少" is the appropriation's whole, never the 三公经费 paid from it (财政拨款三公经费)."""
    three_public = fact("财政拨款三公经费", value="8.5")
    assert rank_facts([three_public], ["财政拨款"], "政法委财政拨款多少") == []
    assert rank_facts([three_public], ["财政拨款三公经费"], "政法委财政拨款三公经费多少")[0].fact is three_public


def test_count_flows_and_acts_are_loaded_and_read():
    from assistant.vocabulary import count_flows, counted_terms
    assert {"报废", "购置", "新增"} <= set(count_flows())
    assert "购置用车" in counted_terms("买车")  # listed as a whole
    assert counted_terms("买电脑") == ("购置电脑", "新购电脑", "采购电脑")  # an act listed with * before any item
    assert counted_terms("电脑") == ()
    assert counted_terms("公务接待") == ("接待",)  # counted as the visits received: 接待国内来访团组38批次


def test_visits_counted_under_the_act_answer_a_count_of_official_receptions():
    """"公务接待了多少批次": a count of visits received (接待国内来访团组38批次) answers it, never the money."""
    from assistant.intent import parse_question
    plan = parse_question("2024年公务接待了多少批次？", [])
    visits = replace(fact("接待国内来访团组", value="38"), unit="批次", amount_wan=None, kind=FactKind.COUNT)
    money = fact("公务接待费", value="4.26")
    ranked = rank_facts([money, visits], plan.terms, plan.question, plan.unit_hint)
    assert ranked and ranked[0].fact is visits


def test_a_price_bound_in_an_items_name_is_no_average():
    """"单价100万元以上的专用设备" names a class of equipment, said "单位价值100万元以上" too: its count answers; "单价" alone
    asks a unit cost."""
    count = replace(fact("单位价值100万元以上专用设备", value="2"), unit="台", amount_wan=None)
    question = "峣溟县疾控中心单价100万元以上的专用设备有几台"
    ranked = rank_facts([count], ["单价100万元专用设备", "单位价值100万元专用设备"], question)
    assert ranked and ranked[0].fact is count and ranked[0].score >= MIN_SCORE
    assert not rank_facts([fact("设备购置费")], ["设备单价"], "设备单价是多少")
    worth = fact("单价在20万元以上的设备", value="687.16")
    assert rank_facts([worth], ["单价20万元设备价值"], "单价20万元以上设备的价值是多少？")[0].fact is worth


def test_a_fund_row_of_a_table_of_both_sides_is_income_never_the_funds_spending():
    """In a 收支总表, the row "一、一般公共预算财政拨款" stands on the income side: it is no 一般公共预算财政拨款支出."""
    row = replace(fact("一般公共预算财政拨款", value="591.12"), origin="table", table_kind=TableKind.FISCAL_TOTAL)
    spending = replace(fact("一般公共预算财政拨款支出", value="592.41"), origin="text")
    ranked = rank_facts([row, spending], ["一般公共预算财政拨款支出"], "一般公共预算财政拨款支出是多少")
    assert [s.fact for s in ranked] == [spending]
    assert rank_facts([row], ["一般公共预算财政拨款收入"], "一般公共预算财政拨款收入是多少")[0].fact is row


def test_an_item_of_another_kind_of_one_sort_never_answers():
    """"执法船艇的运行维护费" is never the 执法执勤用车运行维护费 its other words share; a car asked as 公车 still is."""
    from assistant.vocabulary import exclusive_kinds, names_another_kind

    assert any({"车", "船"} <= set(kinds) for kinds in exclusive_kinds())
    cars = fact("执法支队执法执勤用车运行维护费", value="21.36")
    assert not rank_facts([cars], ["执法船艇运行维护费"], "港航局执法船艇的运行维护费是多少")
    assert rank_facts([cars], ["执法执勤用车运行维护费"], "港航局执法执勤用车运行维护费是多少")
    assert not names_another_kind("公车运行费", "公务用车运行维护费") and names_another_kind("船艇维修费", "车辆维修费")


def test_a_project_named_after_a_body_is_no_figure_of_the_body():
    """"城关人民法庭花了多少钱": the 城关人民法庭审判楼改造 project is the 法庭's project, never its money."""
    project = fact("城关人民法庭审判楼改造", value="118.60")
    assert not rank_facts([project], ["城关人民法庭"], "某法院城关人民法庭2024年花了多少钱")
    own = fact("城关人民法庭", value="300.00")
    assert rank_facts([own, project], ["城关人民法庭"], "某法院城关人民法庭2024年花了多少钱")[0].fact is own


def test_money_asked_after_多少_is_never_a_time_or_a_count():
    """"安排了多少项目经费": not a 绩效目标's 项目实施周期 ≤6个月."""
    months = replace(fact("综治中心设备运维服务经费", value="6"), unit="个月", amount_wan=None)
    assert rank_facts([months], ["综治中心设备运维服务经费"], "综治中心设备运维服务经费安排了多少项目经费") == []
