"""Typed facts: kind, basis (口径), direction, table kind and provenance, counts stated in prose."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.classify import table_kind
from ingest.facts import facts_from_line
from ingest.model import Basis, Direction, FactKind, Line, TableKind


def line_facts(text: str, basis: Basis = Basis.BUDGET):
    return facts_from_line(Line(text, 0, len(text)), None, basis)


@pytest.mark.parametrize("title, kind", [
    ("2025年部门“三公”经费和机关运行经费预算表", TableKind.THREE_PUBLIC),
    ("财政拨款“三公”经费支出决算表", TableKind.THREE_PUBLIC),
    ("2025年部门一般公共预算基本支出部门预算经济分类预算表", TableKind.BASIC_ECONOMIC),
    ("一般公共预算财政拨款基本支出决算表", TableKind.BASIC_ECONOMIC),
    ("一般公共预算财政拨款支出决算表", TableKind.GENERAL_PUBLIC),
    ("2026年部门财政拨款收支预算总表", TableKind.FISCAL_TOTAL),
    ("财政拨款收入支出决算总表", TableKind.FISCAL_TOTAL),
    ("2025年部门财务收支预算总表", TableKind.INCOME_EXPENSE_TOTAL),
    ("收入支出决算总表", TableKind.INCOME_EXPENSE_TOTAL),
    ("2024年部门收入预算总表", TableKind.INCOME),
    ("支出决算表", TableKind.EXPENSE),
    ("表2 收入预算表", TableKind.INCOME),
    ("2025年单位支出预算表", TableKind.EXPENSE),
    ("部门财政拨款支出预算表", TableKind.OTHER),  # the appropriation's spending, not every fund's
    ("财政拨款项目支出决算表", TableKind.PROJECTS),
    ("项目支出预算总表", TableKind.PROJECTS),
    ("一般公共预算财政拨款项目支出决算明细表", TableKind.PROJECTS),  # one fund's projects, not its 功能分类 spending
    ("2025年一般公共预算项目支出预算明细表", TableKind.PROJECTS),
    ("芩江市某区体育局2025年项目支出预算及绩效目标表", TableKind.PROJECTS),  # projects' money, a target beside each
    ("政府性基金预算财政拨款收入支出决算表", TableKind.GOVERNMENT_FUND),
    ("部门政府采购预算", TableKind.PROCUREMENT),
    ("机房升级项目经费绩效目标表", TableKind.PERFORMANCE),
    ("廊坊市市直部门固定资产占用情况表", TableKind.ASSETS),
    ("部门机构设置情况", TableKind.OTHER),
])
def test_table_kind_by_title(title, kind):
    assert table_kind(title) is kind


@pytest.mark.parametrize("sentence, value, basis", [
    ("2024年度一般公共预算财政拨款支出决算为2,961.68万元。", "2961.68", Basis.FINAL),
    ("一般公共服务支出年初预算为321.02万元，完成年初预算的95.89%。", "321.02", Basis.INITIAL_BUDGET),
    ("一般公共服务支出全年预算为321.02万元，决算为307.81万元。", "321.02", Basis.ADJUSTED_BUDGET),
    ("一般公共服务支出全年预算为321.02万元，决算为307.81万元。", "307.81", Basis.FINAL),
    ("1.“行政运行（项）”：2025年当年预算执行数为77.99万元，2026年预算安排91.97万元。", "77.99", Basis.EXECUTION),
    ("1.“行政运行（项）”：2025年当年预算执行数为77.99万元，2026年预算安排91.97万元。", "91.97", Basis.BUDGET),
    ("2025年公务接待费预算1.00万元。", "1.00", Basis.BUDGET),
])
def test_prose_basis_is_read_from_the_clause(sentence, value, basis):
    (fact,) = [f for f in line_facts(sentence, Basis.BUDGET) if f.value == Decimal(value)]
    assert fact.basis is basis
    assert fact.subject


def test_prose_basis_defaults_to_the_document_kind():
    assert line_facts("公务接待费0.63万元。", Basis.FINAL)[0].basis is Basis.FINAL
    assert line_facts("公务接待费0.63万元。", Basis.BUDGET)[0].basis is Basis.BUDGET


@pytest.mark.parametrize("sentence, direction, compared_to", [
    ("公务接待费0.63万元，比上年减少0.1万元。", Direction.DOWN, Basis.BUDGET),
    ("收入预算24,600万元，比2024年预算执行数增加24,558.18万元。", Direction.UP, Basis.EXECUTION),
    ("公务接待费决算1.2万元，较上年决算下降0.3万元。", Direction.DOWN, Basis.FINAL),
])
def test_changes_carry_direction_and_the_basis_they_compare_against(sentence, direction, compared_to):
    change = next(f for f in line_facts(sentence) if f.kind is FactKind.CHANGE)
    assert change.direction is direction
    assert change.compared_to is compared_to
    assert change.value > 0


@pytest.mark.parametrize("sentence, subject", [
    ("收入预算总计2890.89万元，与上年相比收、支预算总计各增加117.99万元，增长4.26%。", "收、支预算"),
    ("与2024年相比收支预算总计各增加117.99万元。", "收支预算"),
    ("收入、支出预算总计比上年均增加117.99万元。", "收入、支出预算"),
    ("与2023年度相比，收入、支出总计各增加117.99万元，增长8.11%。", "收入、支出总计"),  # a whole keeps its 总计
    ("与2023年度相比，收入总计和支出总计各增加117.99万元，增加3.18%。", "收入、支出总计"),  # both wholes named apart
])
def test_a_change_said_of_two_wholes_at_once_or_after_its_comparison(sentence, subject):
    """"各增加", "均增加": each of them changed by that much; "与上年相比收支…增加": compared before the item."""
    change = next(f for f in line_facts(sentence) if f.value == Decimal("117.99"))
    assert (change.kind, change.subject, change.direction) == (FactKind.CHANGE, subject, Direction.UP)


@pytest.mark.parametrize("sentence, subject_word, value, unit", [
    ("截至2024年底，本单位共有车辆3辆。", "车辆", Decimal(3), "辆"),
    ("全年接待国内来访12批次、150人次。", "接待", Decimal(150), "人次"),
    ("单价100万元以上设备2台（套）。", "设备", Decimal(2), "台"),
    ("共有项目支出绩效目标项目8个。", "项目", Decimal(8), "个"),
    ("绩效自评的项目4个，平均得分99.43分（其中优4个）。", "得分", Decimal("99.43"), "分"),
])
def test_counts_and_stocks_stated_in_prose(sentence, subject_word, value, unit):
    counts = [f for f in line_facts(sentence) if f.kind is FactKind.COUNT]
    assert any(f.value == value and f.unit == unit and subject_word in f.subject for f in counts), counts


@pytest.mark.parametrize("sentence, subject_word, value, unit", [
    ("截至2024年12月31日，本局共有车辆三辆，其中一般公务用车一辆。", "车辆", Decimal(3), "辆"),
    ("本局核定编制二十六人，其中行政编制十九人、事业编制七人。", "编制", Decimal(26), "人"),
    ("离退休人员十一人，其中退休人员十人、离休人员一人。", "离休人员", Decimal(1), "人"),
    ("单价100万元以上专用设备零台（套）。", "专用设备", Decimal(0), "台"),
])
def test_a_count_written_in_words_that_ends_its_clause_is_a_count(sentence, subject_word, value, unit):
    counts = [f for f in line_facts(sentence) if f.kind is FactKind.COUNT]
    assert any(f.value == value and f.unit == unit and subject_word in f.subject for f in counts), counts


@pytest.mark.parametrize("sentence, subject", [
    ("按每人每年600元标准向3711名大中型水库移民发放直补资金。", "大中型水库移民"),
    ("本部门组织对8个项目开展了绩效自评。", "项目"),
    ("2025年计划安排1个团组、4人次赴境外开展林业科技合作交流。", "团组"),
    ("全年预算和决算均为1名退休人员去世后按规定发放的一次性抚恤金。", "全年预算"),
    ("2026年本部门共11个项目纳入项目支出预算管理，全部设置了绩效目标。", "项目"),
])
def test_what_a_count_counts_stops_at_the_verb_after_its_noun(sentence, subject):
    counts = [f for f in line_facts(sentence) if f.kind is FactKind.COUNT]
    assert counts and subject in counts[-1].subject and "赴" not in counts[-1].subject and "按规定" not in counts[-1].subject, counts


def test_a_numeral_inside_a_phrase_counts_nothing():
    facts = line_facts("落实“两个确保”要求，一次性补助已发放，三个中心建设完成。")
    assert not [f for f in facts if f.kind is FactKind.COUNT]


def test_a_count_is_not_read_from_a_year_or_an_ordinal():
    facts = line_facts("第3次会议于2024年召开，持续5年以上，每次30分钟。")
    assert not [f for f in facts if f.kind is FactKind.COUNT]


def test_final_account_table_columns_keep_their_basis(real_document):
    doc = real_document("11_shpt_planning-natural-resources-bureau_2024_dept-final-account.pdf")
    table_facts = [f for f in doc.facts if f.origin == "table"]
    assert {f.basis for f in table_facts} >= {Basis.FINAL}
    three_public = [f for f in table_facts if f.table_kind is TableKind.THREE_PUBLIC]
    assert three_public and all(f.row_path or f.col_path for f in three_public)
    for fact in table_facts:
        if "决算" in "".join(fact.col_path):
            assert fact.basis is Basis.FINAL
        if "年初预算" in "".join(fact.col_path):
            assert fact.basis is Basis.INITIAL_BUDGET


def test_budget_table_facts_know_their_table(real_document):
    doc = real_document("04_shpt_commerce-commission_2025_dept-budget.pdf")
    kinds = {f.table_kind for f in doc.facts if f.origin == "table"}
    assert {TableKind.THREE_PUBLIC, TableKind.INCOME_EXPENSE_TOTAL, TableKind.BASIC_ECONOMIC} <= kinds
    assert all(f.basis is Basis.BUDGET for f in doc.facts if f.table_kind is TableKind.THREE_PUBLIC)


def test_a_count_names_what_it_counts_after_the_figure() -> None:
    """设9个内设机构 counts 内设机构; a count followed by punctuation keeps the words before it."""
    def counted(text: str) -> list[tuple[str, str]]:
        return [(f.subject, f.unit) for f in facts_from_line(Line(text, 0, len(text)))]

    assert counted("本委机关设9个内设机构，分别是办公室。") == [("机关设内设机构", "个")]
    assert counted("本部门包括本部以及下属 5 家预算单位的综合收支计划。") == [("下属预算单位", "家")]
    assert counted("共有车辆8辆，其中：其他用车0辆。") == [("有车辆", "辆"), ("其他用车", "辆")]
    assert counted("2024年末平台在册车辆89辆。") == [("平台在册车辆", "辆")]  # 年末 is no part of the item
    # a reason's count is the reason's, never the item the sentence is about
    assert ("公务用车运行维护费", "辆") not in counted("公务用车运行维护费6.00万元，主要原因是1辆公务用车报废。")
    # counts in a row: each noun belongs to the figure before it; an entry before 、 is another entry
    assert counted("部门预算包括机关本级、8个二级事业单位16个三级事业单位。") == [("二级事业单位", "个"), ("三级事业单位", "个")]


def test_a_closing_total_is_the_wholes_never_the_last_parts() -> None:
    def stated(text: str) -> list[tuple[str, Decimal, bool]]:
        return [(f.subject, f.value, f.part) for f in facts_from_line(Line(text, 0, len(text)))]

    assert stated("项目总预算2921万，其中支持外贸发展370万，进博会推进专项153万，合计2921万。")[-1] == (
        "项目总预算", Decimal(2921), False)
    # parts only: nothing says whose total it is, so it is not given to the last part
    assert stated("其中：因公出国费0万元，公务接待费0.95万元，合计0.95万元。") == [
        ("因公出国费", Decimal(0), True), ("公务接待费", Decimal("0.95"), True)]
    # the entries listed before a count are what it counts
    assert stated("机关设办公室、规划处、纪检组19个内设处室。") == [("内设处室", Decimal(19), False)]
    assert [s[:2] for s in stated("机关(包括办公室、法规处、纪检组19个内设处室)")] == [("内设处室", Decimal(19))]


def test_a_price_bound_inside_an_items_name_is_no_figure() -> None:
    text = "单价100万元（含）以上设备（不含车辆）2台（套）。"
    assert [(f.subject, f.value, f.unit) for f in facts_from_line(Line(text, 0, len(text)))] == [
        ("单价100万元（含）以上设备", Decimal(2), "台")]
    cap = "采购金额控制在50万元以下。"  # a bound that ends the clause is the figure
    assert [f.value for f in facts_from_line(Line(cap, 0, len(cap)))] == [Decimal(50)]


def test_a_figure_stated_for_another_year_keeps_that_year_and_not_in_its_item() -> None:
    """"2026年度预算50万元，2025年度预算77.59万元": the second figure is the year before's, of the same item."""
    text = ("“一般公共服务支出(类）-统计信息事务（款）-专项普查活动（项）”2026年度预算50万元，2025年度预算77.59万元，"
            "主要用于：人口抽样调查工作。2025年当年预算执行数为20.04万元，2026年预算安排50万元，比2025年预算执行数增加149.50%。")
    found = {(f.value, f.basis, f.period, f.kind) for f in facts_from_line(Line(text, 0, len(text)))}
    assert found == {
        (Decimal("50"), Basis.BUDGET, 2026, FactKind.AMOUNT),
        (Decimal("77.59"), Basis.BUDGET, 2025, FactKind.AMOUNT),
        (Decimal("20.04"), Basis.EXECUTION, 2025, FactKind.AMOUNT),
        (Decimal("149.50"), Basis.BUDGET, None, FactKind.CHANGE),
    }
    subjects = {f.subject for f in facts_from_line(Line(text, 0, len(text)))}
    assert subjects == {"一般公共服务支出(类）-统计信息事务（款）-专项普查活动（项）"}


@pytest.mark.parametrize("text, purpose", [
    ("10.“灾害防治及应急管理支出（类）-消防救援事务（款）-其他消防救援事务支出（项）”2026年度预算58.75万元，"
     "主要用于：微型消防站运行保障经费。2025年当年预算执行数为98.23万元。", "微型消防站运行保障经费"),
    ("3、商业服务业等支出（类）商业流通事务（款）其他商业服务业等支出（项）”3136.40万元，主要用于标准化菜场及副食品行业管理。",
     "标准化菜场及副食品行业管理"),
    ("1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。"
     "年初预算为1560.05万元，支出决算为1511.89万元。", "局本部人员经费及公用经费等的基本支出"),
    ("7.自然资源海洋气象等支出（类）气象事务（款）其他气象事务支出（项）：年初预算为0万元，支出决算为26.00万元。"
     "年初未安排预算，决算数为年中追加的人工影响天气作业经费。", "年中追加的人工影响天气作业经费"),  # what the money is
])
def test_a_classification_item_carries_what_its_money_is_for(text, purpose) -> None:
    facts = facts_from_line(Line(text, 0, len(text)))
    assert facts and {f.purpose for f in facts if f.kind is FactKind.AMOUNT} == {purpose}


def test_an_income_carries_the_money_its_sentence_says_it_is() -> None:
    """"财政专户管理资金收入4682.00万元，占24.96%，为纳入财政专户管理的学费、住宿费收入": asked as 学费住宿费收入."""
    text = "2025年收入预算18755.53万元，其中：财政专户管理资金收入4682.00万元，占24.96%，为纳入财政专户管理的学费、住宿费收入；事业收入835.00万元。"
    said = {f.subject: f.purpose for f in facts_from_line(Line(text, 0, len(text)))}
    assert said["财政专户管理资金收入"] == "纳入财政专户管理的学费、住宿费收入" and said["事业收入"] == ""


def test_a_list_of_spending_areas_is_no_purpose() -> None:
    text = "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%。"
    assert {f.purpose for f in facts_from_line(Line(text, 0, len(text)))} == {""}


def test_stacked_project_forms_give_each_project_its_money_and_indicators(real_document) -> None:
    """One 财政项目支出绩效目标填报表 holding five projects: every figure belongs to the project its block names."""
    doc = real_document("03_shpt_wanli-street_2023_dept-budget.pdf")
    forms = [f for f in doc.facts if f.table_kind is TableKind.PERFORMANCE]
    assert {f.subject for f in forms} == {"新建万里街道社区公共服务中心", "就业援助基地补贴", "社区环境整治和建设经费",
                                          "各类工作经费", "公共服务设施运行经费"}
    visits = next(f for f in forms if "日常走访企业" in f.context)
    assert (visits.subject, visits.measure, visits.value, visits.unit, visits.qualifier) == (
        "各类工作经费", "数量指标", Decimal("150.00"), "家", ">")
    total = next(f for f in forms if f.subject == "新建万里街道社区公共服务中心" and f.measure == "项目资金总额")
    assert (total.value, total.unit, total.amount_wan) == (Decimal("4100000.00"), "元", Decimal("410"))
    assert doc.text[visits.start : visits.end].endswith(">150.00(家)")
    assert doc.text[total.start : total.end].startswith("项目资金（元）") and "4,100,000.00" in doc.text[total.start : total.end]


def test_a_target_written_as_a_sentence_is_the_projects_indicator(langfang_doc) -> None:
    """"《廊坊长安网》日均浏览量达到200 人次" in 指标值, "印发文件20个以上" in 绩效指标描述."""
    found = {(f.subject, f.measure, f.value, f.unit, f.qualifier) for f in langfang_doc.facts
             if f.table_kind is TableKind.PERFORMANCE}
    assert ("《廊坊长安网》运行维护费", "社会效益指标", Decimal("200"), "人次", None) in found
    assert ("扫黑除恶专项斗争办公经费", "数量指标", Decimal("20"), "个", "≥") in found


def test_a_count_bounded_by_以上_is_a_floor() -> None:
    text = "组织开展督导检查2次以上，印发文件20个以上。"
    assert [(f.value, f.qualifier, f.kind) for f in facts_from_line(Line(text, 0, len(text)))] == [
        (Decimal("2"), "≥", FactKind.LIMIT), (Decimal("20"), "≥", FactKind.LIMIT)]


def test_a_year_written_with_a_space_is_no_part_of_the_item() -> None:
    text = "2024 年度收入支出总计9859.38万元。"
    assert [f.subject for f in facts_from_line(Line(text, 0, len(text)))] == ["收入支出总计"]


def test_a_rate_after_a_change_is_the_same_items() -> None:
    text = "与 2023 年度相比，收入支出总计增加 1062.85万元，增长 12.08%。"
    assert [(f.subject, f.unit) for f in facts_from_line(Line(text, 0, len(text)))] == [("收入支出总计", "万元"), ("收入支出总计", "%")]


def test_a_share_stated_after_an_item_is_that_items_share():
    facts = line_facts("本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4381.74万元，占44.90%。")
    shares = {(f.subject, f.value) for f in facts if f.unit == "%"}
    assert shares == {("基本支出", Decimal("55.10")), ("项目支出", Decimal("44.90"))}
    named = line_facts("一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%。")
    assert [(f.subject, f.measure) for f in named if f.unit == "%"] == [("一般公共预算财政拨款支出", "占本年支出合计的比例")]


@pytest.mark.parametrize("sentence, subject, earlier, change", [
    ("2025年“三公”经费预算12.50万元，比2024年13.60万元减少1.10万元。", "三公经费预算", Decimal("13.60"), Decimal("1.10")),
    ("2024年度“三公”经费财政拨款支出决算数比2023年度39.52万元减少3.65万元，下降9.24%。", "三公经费财政拨款",
     Decimal("39.52"), Decimal("3.65")),
])
def test_the_compared_years_own_figure_is_that_years_level_of_the_same_item(sentence, subject, earlier, change) -> None:
    facts = facts_from_line(Line(sentence, 0, len(sentence)))
    level = next(f for f in facts if f.value == earlier)
    assert (level.subject, level.period, level.direction) == (subject, int(sentence.split("比")[1][:4]), None)
    assert next(f for f in facts if f.value == change).subject == subject
    assert all(f.subject != "比" and not f.subject.endswith("比") for f in facts)


def test_last_years_figure_without_its_year_is_no_fact() -> None:
    sentence = "公务接待费3.20万元，比上年3.40万元减少0.20万元。"
    assert [(f.subject, f.value) for f in facts_from_line(Line(sentence, 0, len(sentence)))] == [
        ("公务接待费", Decimal("3.20")), ("公务接待费", Decimal("0.20"))]


@pytest.mark.parametrize("sentence, subject", [("本年支出合计17690.42万元。", "本年支出合计"), ("2024年度收入总计18441.67万元。", "收入总计"),
                                               ("三公经费合计8.5万元。", "三公经费"),
                                               ("2024年度收入、支出总计均为8588.55万元。", "收入、支出总计"),
                                               ("人均为7.20元。", "人均")])
def test_a_whole_keeps_the_words_that_make_it_one(sentence, subject) -> None:
    assert facts_from_line(Line(sentence, 0, len(sentence)))[0].subject == subject


@pytest.mark.parametrize("sentence", ["2025年，某局本级及某市价格认证中心（参照公务员法管理）机关运行经费预算512.6万元。",
                                      "机关本级和某执法总队（参照公务员法管理事业单位）机关运行经费预算512.6万元。"])
def test_the_bodies_and_their_note_before_an_item_are_not_its_name(sentence) -> None:
    assert facts_from_line(Line(sentence, 0, len(sentence)))[0].subject == "机关运行经费预算"


def test_a_bare_side_beside_a_funds_other_side_is_that_funds() -> None:
    sentence = "2024年度政府性基金预算财政拨款收入240.00万元，支出240.00万元，年末无结转和结余。"
    assert [f.subject for f in facts_from_line(Line(sentence, 0, len(sentence)))] == ["政府性基金预算财政拨款收入", "政府性基金预算财政拨款支出"]


def test_a_column_headed_by_a_year_states_that_years_figures(tmp_path) -> None:
    """"2024年预算数" beside "2025年预算数": last year's column is 2024's, never a second 2025 figure."""
    from pathlib import Path

    from ingest.pipeline import parse_file

    text = ("示例县示例局\n2025年部门预算\n\n表七 “三公”经费支出预算表\n单位：万元\n"
            "项目\t2025年预算数\t2024年预算数\t增减额\n合计\t24.80\t27.90\t-3.10\n公务接待费\t6.20\t7.50\t-1.30\n")
    path = Path(tmp_path) / "example-county-bureau-2025-dept-budget.txt"
    path.write_text(text, encoding="utf-8")
    periods = {f.value: f.period for f in parse_file(path).facts if f.subject == "公务接待费" and f.origin == "table"}
    assert periods[Decimal("6.20")] == 2025 and periods[Decimal("7.50")] == 2024


@pytest.mark.parametrize("sentence, whole, share", [
    ("预算金额：项目总预算3000.00万元，2025年安排1200.00万元。", "项目总预算", "项目预算"),
    ("项目总投资500万元，2024年度下达200万元。", "项目总投资", "项目投资"),
    ("总预算80万元，2026年投入30万元。", "总预算", "预算"),
])
def test_one_years_share_of_a_multi_year_whole_is_not_the_whole(sentence, whole, share) -> None:
    first, second = line_facts(sentence)
    assert (first.subject, first.period) == (whole, None)
    assert second.subject == share and second.period is not None


@pytest.mark.parametrize("sentence, subject", [
    ("财政拨款“三公”经费预算为0。", "财政拨款三公经费预算"),
    ("因公出国（境）费为0，公务接待费3.20万元。", "因公出国（境）费"),
    ("本单位机关运行经费为零。", "机关运行经费"),
])
def test_an_items_zero_printed_without_a_unit_is_a_zero_amount(sentence, subject) -> None:
    zero = line_facts(sentence)[0]
    assert (zero.subject, zero.value, zero.amount_wan, zero.kind) == (subject, Decimal(0), Decimal(0), FactKind.AMOUNT)


@pytest.mark.parametrize("sentence", ["增长率为0。", "编号为0，", "期末余额为0元以上"])
def test_a_bare_zero_of_no_money_item_is_no_fact(sentence) -> None:
    assert [f for f in line_facts(sentence) if f.value == 0 and f.unit == "万元"] == []


def test_an_item_labelled_before_a_colon_owns_the_sentences_figures() -> None:
    facts = line_facts("2.公务用车购置费：年初预算为22.00万元，支出决算为21.36万元，决算数为年初预算的97.09%。", Basis.FINAL)
    assert [(f.subject, f.measure) for f in facts] == [("公务用车购置费", "年初预算"), ("公务用车购置费", "支出决算"),
                                                       ("公务用车购置费", "完成率")]
    assert [f.subject for f in line_facts("其中：基本支出100万元。")] == ["基本支出"]


def test_a_count_named_by_a_verb_of_the_item_before_is_that_items() -> None:
    facts = line_facts("公务接待费支出7.22万元，全部为国内公务接待，共接待46批次、392人次。")
    assert [(f.subject, f.value, f.unit) for f in facts][1:] == [
        ("公务接待", Decimal(46), "批次"), ("公务接待", Decimal(392), "人次"),
        ("国内公务接待", Decimal("7.22"), "万元")]  # the money, said to be wholly 国内公务接待, under that name too


def test_a_column_of_last_years_figures_states_last_years(tmp_path) -> None:
    from pathlib import Path

    from ingest.pipeline import parse_file

    text = ("示例县示例局\n2024年度部门决算\n\n表三 一般公共预算财政拨款支出决算表\n单位：万元\n"
            "项目\t上年决算数\t年初预算数\t本年决算数\t上年结转\n病虫害控制\t96.30\t110.00\t124.75\t5.00\n")
    path = Path(tmp_path) / "example-county-bureau-2024-dept-final-account.txt"
    path.write_text(text, encoding="utf-8")
    periods = {f.measure: f.period for f in parse_file(path).facts if f.subject == "病虫害控制"}
    assert periods == {"上年决算数": 2023, "年初预算数": None, "本年决算数": None, "上年结转": None}


def test_last_years_figure_in_brackets_in_a_cell_states_last_years(tmp_path) -> None:
    from pathlib import Path

    from ingest.pipeline import parse_file

    text = ("示例街道办事处\n2025年部门预算\n\n【表5】“三公”经费预算表\n单位：元\n  因公出国（境）费：0.00\n"
            "  公务接待费：18,000.00（上年20,000.00）\n  公务用车运行维护费：30,000.00（上年1.50万元）\n"
            "  合计：48,000.00（上年35,000.00）\n")
    path = Path(tmp_path) / "example-subdistrict-2025-dept-budget.txt"
    path.write_text(text, encoding="utf-8")
    figures = {(f.subject, f.period): (f.value, f.unit) for f in parse_file(path).facts if f.origin == "table"}
    assert figures[("公务接待费", None)] == (Decimal("18000.00"), "元")
    assert figures[("公务接待费", 2024)] == (Decimal("20000.00"), "元")
    assert figures[("公务用车运行维护费", 2024)] == (Decimal("1.50"), "万元")
    document = parse_file(path)
    for fact in document.facts:
        if fact.period == 2024:  # its span holds the figure it states
            assert f"{fact.value:,}" in document.text[fact.start : fact.end]


def test_a_paragraph_about_one_fund_gives_that_funds_spending_and_balances() -> None:
    sentence = ("2024年度政府性基金预算财政拨款收入4236.00万元，年初结转和结余264.89万元；支出4182.27万元，"
                "全部为污水处理设施支出；年末结转和结余318.62万元。")
    assert [f.subject for f in line_facts(sentence, Basis.FINAL)] == [
        "政府性基金预算财政拨款收入", "政府性基金预算财政拨款年初结转和结余", "政府性基金预算财政拨款支出",
        "污水处理设施支出", "政府性基金预算财政拨款年末结转和结余"]  # the spending, wholly 污水处理设施支出
    assert [f.subject for f in line_facts("2024年收入4236.00万元，年末结转和结余318.62万元。")] == ["收入", "年末结转和结余"]


@pytest.mark.parametrize("sentence, value, unit", [("项目完成管网清淤386公里。", "386", "公里"),
                                                   ("2024年度新建高标准农田3.25万亩。", "3.25", "万亩"),
                                                   ("所属中小学42所。", "42", "所")])
def test_lengths_areas_and_schools_counted_in_prose(sentence, value, unit) -> None:
    assert [(str(f.value), f.unit) for f in line_facts(sentence)] == [(value, unit)]


def test_a_sentence_naming_no_item_is_about_the_item_named_before_it() -> None:
    facts = line_facts("2024年度三公经费财政拨款支出决算为11.60万元。与2023年度决算13.45万元相比，减少1.85万元，下降13.75%。",
                       Basis.FINAL)
    found = {(f.subject, f.measure, f.value, f.period) for f in facts}
    assert ("三公经费财政拨款", "决算", Decimal("13.45"), 2023) in found
    assert ("三公经费财政拨款", "比上年减少", Decimal("1.85"), None) in found


@pytest.mark.parametrize("text", ["三公经费支出决算11.60万元，比年初预算减少1.50万元。",
                                  "三公经费支出决算为11.60万元。决算数比年初预算减少1.50万元，主要原因是压减支出。",
                                  "三公经费支出决算11.60万元，较调整预算节约1.50万元。"])
def test_a_final_accounts_gap_to_this_years_budget_is_no_change_on_last_year(text: str) -> None:
    assert not [f for f in line_facts(text, Basis.FINAL) if f.kind is FactKind.CHANGE]
    assert [f for f in line_facts(text.replace("年初预算", "上年决算").replace("调整预算", "上年决算"), Basis.FINAL)
            if f.kind is FactKind.CHANGE and f.value == Decimal("1.50")]


def test_the_budget_a_figure_is_compared_with_then_last_years_level_and_change() -> None:
    """"X 24,356.00元，比预算数28,000.00元减少3,644.00元，比2023年度26,780.00元减少2,424.00元": the budget and
    last year's level are X's; only the second gap is a change on last year."""
    facts = line_facts("公务用车运行维护费24,356.00元，比预算数28,000.00元减少3,644.00元，比2023年度26,780.00元减少2,424.00元，"
                       "下降9.05%。", Basis.FINAL)
    found = {(f.subject, f.measure, f.value, f.basis, f.period) for f in facts if f.unit == "元"}
    assert found == {("公务用车运行维护费", "金额", Decimal("24356.00"), Basis.FINAL, None),
                     ("公务用车运行维护费", "金额", Decimal("28000.00"), Basis.BUDGET, None),
                     ("公务用车运行维护费", "金额", Decimal("26780.00"), Basis.FINAL, 2023),
                     ("公务用车运行维护费", "比上年减少", Decimal("2424.00"), Basis.FINAL, None)}


@pytest.mark.parametrize("text, subject, value, unit", [
    ("更新社区和行政村老旧全民健身路径40条，消除器材安全隐患。", "更新社区和行政村老旧全民健身路径", 40, "条"),
    ("维护烈士纪念设施38处。", "维护烈士纪念设施", 38, "处"),
    ("2024年全年办理各类公证4,860件。", "全年办理各类公证", 4860, "件"),
    ("新建标准化教室30间。", "新建标准化教室", 30, "间"),
])
def test_counts_in_prose_in_their_own_units(text: str, subject: str, value: int, unit: str) -> None:
    (count,) = [f for f in line_facts(text, Basis.BUDGET) if f.kind is FactKind.COUNT]
    assert (count.subject, count.value, count.unit) == (subject, Decimal(value), unit)


def test_an_article_number_is_no_count() -> None:
    assert not [f for f in line_facts("依据《预算法》第三十二条和第3条规定编制。", Basis.BUDGET) if f.kind is FactKind.COUNT]


def test_a_classification_items_own_carry_over_is_the_items() -> None:
    """A 功能分类 item's paragraph states its 年末结转: that item's, not the body's whole 年末结转."""
    facts = line_facts("7.卫生健康支出（类）公共卫生（款）重大公共卫生服务（项）：年初预算0.0000万元，支出决算12.4000万元。"
                       "年初未安排预算，为年中上级下达的资金，全年下达17.8458万元，年末结转5.4458万元。", Basis.FINAL)
    (carried,) = [f for f in facts if f.value == Decimal("5.4458")]
    assert carried.subject == "卫生健康支出（类）公共卫生（款）重大公共卫生服务（项）年末结转"
    assert [f.subject for f in line_facts("（一）总体情况：年末结转和结余318.62万元。", Basis.FINAL)] == ["年末结转和结余"]


def test_a_numbered_item_standing_as_its_own_sentence_names_the_figures_after_it() -> None:
    facts = line_facts("（三）公务接待费。年初预算为4.00万元，决算数为3.42万元，较上年决算减少0.73万元。", Basis.FINAL)
    assert {(f.subject, f.value) for f in facts} == {("公务接待费", Decimal("4.00")), ("公务接待费", Decimal("3.42")),
                                                    ("公务接待费", Decimal("0.73"))}


def test_an_item_the_paragraph_names_goes_before_the_item_of_an_earlier_line():
    """A 功能分类 item carried from the lines above answers a line that names none; a paragraph that names its own
    item ("“三公”经费…支出决算为15.62万元。较上年决算减少1.86万元") keeps it for its change."""
    text = "2024年度“三公”经费财政拨款支出年初预算为18.50万元，支出决算为15.62万元。较上年决算减少1.86万元，下降10.64%。"
    facts = facts_from_line(Line(text, 0, len(text)), 1, Basis.FINAL, carried="住房公积金（项）")
    change = next(f for f in facts if f.kind is FactKind.CHANGE and f.unit == "万元")
    assert (change.subject, change.value) == ("三公经费财政拨款支出", Decimal("1.86"))
    alone = "2023年当年预算执行数为12.00万元。"
    (executed,) = facts_from_line(Line(alone, 0, len(alone)), 1, Basis.BUDGET, carried="住房公积金（项）")
    assert executed.subject == "住房公积金（项）"


def test_a_bare_spending_after_a_named_project_is_that_projects():
    text = "二是法律援助案件补贴项目，支出104.35万元，全年受理法律援助案件1126件。"
    facts = facts_from_line(Line(text, 0, len(text)), 1, Basis.FINAL)
    assert ("法律援助案件补贴项目", Decimal("104.35")) in [(f.subject, f.value) for f in facts]
    both = "收入2000万元，支出1900万元。"
    assert [f.subject for f in facts_from_line(Line(both, 0, len(both)), 1, Basis.BUDGET)] == ["收入", "支出"]


def test_parts_listed_after_其中_go_on_over_semicolons_while_their_names_end_alike() -> None:
    def parts(text: str) -> list[tuple[str, bool]]:
        return [(f.subject, f.part) for f in facts_from_line(Line(text, 0, len(text)))]

    assert parts("政府采购预算总额420.80万元，其中：货物类138.80万元，主要是摄像机；工程类0.00万元；服务类282.00万元。") == [
        ("政府采购预算总额", False), ("货物类", True), ("工程类", True), ("服务类", True)]
    assert parts("基本支出100万元，其中：人员经费80万元、公用经费20万元；项目支出50万元。") == [
        ("基本支出", False), ("人员经费", True), ("公用经费", True), ("项目支出", False)]  # a peer of the whole


def test_a_sentences_bare_项目_and_its_score_are_the_quoted_projects() -> None:
    """"对“X”项目开展了部门评价，项目年初预算…，执行率97.54%，评价得分91.5分": X's figures, its 执行率 a completion."""
    text = "本部门对“示例平台运维”项目开展了部门评价，项目年初预算560.00万元，执行数546.20万元，执行率97.54%，评价得分91.5分。"
    stated = [(f.subject, f.measure, f.value) for f in facts_from_line(Line(text, 0, len(text)))]
    assert stated == [("示例平台运维", "年初预算", Decimal("560.00")), ("示例平台运维", "执行数", Decimal("546.20")),
                      ("示例平台运维", "完成率", Decimal("97.54")), ("示例平台运维", "评价得分", Decimal("91.5"))]


def test_what_an_item_also_has_is_its_part_and_the_closing_total_holds_it() -> None:
    text = "县级科技计划项目另有上年结转资金80.00万元，2025年合计安排560.00万元。"
    stated = [(f.subject, f.value) for f in facts_from_line(Line(text, 0, len(text)))]
    assert stated == [("县级科技计划项目上年结转资金", Decimal("80.00")), ("县级科技计划项目含上年结转资金", Decimal("560.00"))]


def test_a_rate_per_head_naming_no_item_is_the_rate_of_the_money_named_before() -> None:
    text = "社区工作者补贴安排6,912,000元。全街道共有社区工作者96人，按人均每年72,000元的标准安排。"
    stated = [(f.subject, f.value) for f in facts_from_line(Line(text, 0, len(text))) if f.unit == "元"]
    assert stated == [("社区工作者补贴", Decimal("6912000")), ("社区工作者补贴人均每年", Decimal("72000"))]


def test_a_score_after_an_items_other_figures_is_that_items() -> None:
    text = "其中：示例保障项目全年预算620.50万元，执行率100%，自评得分96分；示例整治项目全年预算186.00万元，自评得分93分。"
    scores = [(f.subject, f.measure, f.value) for f in facts_from_line(Line(text, 0, len(text))) if f.unit == "分"]
    assert scores == [("示例保障项目", "自评得分", Decimal("96")), ("示例整治项目", "自评得分", Decimal("93"))]
    grid = "效益指标 经济效益指标 全区接待游客人次增长 ≥8% 9.6% 自评得分84.0分"  # a form's row read as prose: no item
    assert [f.subject for f in facts_from_line(Line(grid, 0, len(grid))) if f.unit == "分"] == ["自评得分"]


@pytest.mark.parametrize("sentence, subject, value", [
    # a comparison that names last year's figure still makes the words after it a change
    ("2025年收入总预算14386.53万元，与2024年预算13655.14万元相比，收支总预算各增加731.39万元，增长5.36%。", "收支总预算", "731.39"),
    ("2025年收入总预算14386.53万元，与2024年预算13655.14万元相比，收支总预算各增加731.39万元，增长5.36%。", "收支总预算", "5.36"),
    # stated after both sides of one total: each side's
    ("2025年本中心收入预算1218.40万元，支出预算1218.40万元，比2024年预算1164.20万元增加54.20万元。", "收入预算", "54.20"),
    ("2025年本中心收入预算1218.40万元，支出预算1218.40万元，比2024年预算1164.20万元增加54.20万元。", "支出预算", "54.20"),
])
def test_changes_are_of_the_item_they_follow(sentence, subject, value):
    changes = {f.subject for f in line_facts(sentence) if f.kind is FactKind.CHANGE and f.value == Decimal(value)}
    assert subject in changes, changes


def test_a_body_speaking_of_itself_and_the_whole_a_sentence_opens_with():
    facts = line_facts("本中心收入预算1218.40万元。基本支出中，财政拨款安排3104000.00元，事业收入安排6722000.00元。")
    assert {f.subject for f in facts} == {"收入预算", "基本支出财政拨款", "基本支出事业收入"}
    # the body's whole opening a sentence is what every figure is a part of, and names none of them
    assert {f.subject for f in line_facts("支出预算中，基本支出4268.93万元，项目支出1903.45万元。")} == {"基本支出", "项目支出"}


@pytest.mark.parametrize("sentence, facts", [
    # the level a stock moved from is no figure of now
    ("1辆公务用车报废后不再更新，车辆保有量由3辆减少为2辆。", {("车辆保有量", "2")}),
    ("在职人员由45人增加到48人。", {("在职人员", "48")}),
    # the words that give a reason are no part of the item
    ("“三公”经费比上年增加25.03万元，主要原因是2024年按规定更新购置执法执勤用车1辆。", {("三公经费", "25.03"), ("更新购置执法执勤用车", "1")}),
    # two bodies and a note before the item: the item after the note
    ("2025年淇岵省自然资源厅机关本级和淇岵省自然资源执法总队（参照公务员法管理事业单位）机关运行经费预算1236.58万元。",
     {("机关运行经费预算", "1236.58")}),
])
def test_the_item_a_figure_is_of(sentence, facts):
    assert {(f.subject, str(f.value)) for f in line_facts(sentence)} == facts


@pytest.mark.parametrize("sentence, way, value", [
    # a template that prints both directions lets the sign say which way it went
    ("三公经费支出决算42.57万元，比2023年度增加（减少）-6.55万元，增长（下降）-13.33%。", Direction.DOWN, "6.55"),
    ("三公经费支出决算42.57万元，比2023年度增加（减少）-6.55万元，增长（下降）-13.33%。", Direction.DOWN, "13.33"),
    ("与2023年度相比，一般公共预算财政拨款支出增加（减少）3571.44万元，增长（下降）6.00%。", Direction.UP, "3571.44"),
    # 增减额 is a signed change: a minus sign, or the △ of a 决算's decreases, says it fell
    ("三公经费支出决算为3.60万元。与2022年度相比，增减额为-0.52万元，增减率为-12.62%。", Direction.DOWN, "0.52"),
    ("三公经费支出决算为3.60万元。与2022年度相比，增减额为-0.52万元，增减率为-12.62%。", Direction.DOWN, "12.62"),
    ("三公经费支出决算为3.60万元。与2022年度相比，增减额为△0.52万元，增减率为△12.62%。", Direction.DOWN, "0.52"),
    ("本年收入合计7,125.34万元，与2022年度相比增减额为215.36万元，增减率为2.93%。", Direction.UP, "215.36"),
])
def test_a_signed_template_change_goes_the_way_its_sign_says(sentence, way, value):
    changes = {(f.subject, f.direction, str(f.value)) for f in line_facts(sentence, Basis.FINAL) if f.kind is FactKind.CHANGE}
    assert any(direction is way and v == value and "（" not in subject for subject, direction, v in changes), changes


def test_the_template_words_name_no_item():
    """"…增长（下降）6.00%。年初预算为…": the figures after the template are still the item's."""
    text = ("2024年度一般公共预算财政拨款支出63057.74万元。与2023年度相比，一般公共预算财政拨款支出增加（减少）3571.44万元，"
            "增长（下降）6.00%。年初预算为59702.00万元，支出决算完成年初预算的105.62%。")
    assert {f.subject for f in line_facts(text, Basis.FINAL)} == {"一般公共预算财政拨款支出"}


def test_each_compared_level_and_change_keeps_the_figure_it_is_measured_against():
    """Against last year's 执行数, then against last year's budget, in one sentence."""
    text = "2025年“三公”经费预算4.20万元，比2024年执行数3.98万元增加0.22万元，增长5.53%，比2024年预算数4.70万元减少0.50万元。"
    facts = line_facts(text)
    levels = {(str(f.value), f.basis, f.period) for f in facts if f.kind is FactKind.AMOUNT}
    assert levels == {("4.20", Basis.BUDGET, None), ("3.98", Basis.EXECUTION, 2024), ("4.70", Basis.BUDGET, 2024)}
    changes = {(str(f.value), f.direction, f.compared_to) for f in facts if f.kind is FactKind.CHANGE}
    assert changes == {("0.22", Direction.UP, Basis.EXECUTION), ("5.53", Direction.UP, Basis.EXECUTION),
                       ("0.50", Direction.DOWN, Basis.BUDGET)}
    assert {f.subject for f in facts} == {"三公经费预算"}


@pytest.mark.parametrize("sentence, periods", [
    ("2024年共发生国内公务接待14批次、86人次。", {"14": 2024, "86": 2024}),
    ("2025年预计国内公务接待160批次。", {"160": 2025}),
    ("2024年末共有车辆3辆。", {"3": None}),  # a stock at a date, not what happened in the year
    ("截至2024年底，共有车辆3辆。", {"3": None}),
])
def test_a_count_is_of_the_year_its_clause_opens_with(sentence, periods):
    assert {str(f.value): f.period for f in line_facts(sentence) if f.kind is FactKind.COUNT} == periods


@pytest.mark.parametrize("sentence, alias, value", [
    ("事业收入621.49万元，占本年收入合计的54.81%，比2023年度增加26.25万元，全部为医疗收入，其中门诊收入268.93万元。", "医疗收入", "621.49"),
    ("政府性基金预算拨款支出30万元，全部为彩票公益金。", "彩票公益金", "30"),
])
def test_an_item_said_to_be_wholly_another_is_found_by_that_name(sentence, alias, value):
    named = [f for f in line_facts(sentence) if f.subject == alias and f.kind is FactKind.AMOUNT]
    assert [str(f.value) for f in named] == [value]


def test_a_whole_split_into_the_years_appropriation_and_a_carry_over_is_no_appropriation_of_its_own():
    """"总预算716.41万元，全部为一般公共预算拨款，其中当年拨款686.41万元、上年结转30.00万元": the fund's money of
    both years, not the year's 一般公共预算拨款."""
    sentence = "2025年财政拨款收支总预算716.41万元，全部为一般公共预算拨款，其中当年拨款686.41万元、上年结转30.00万元。"
    assert not [f for f in line_facts(sentence) if f.subject == "一般公共预算拨款"]


def test_a_long_name_an_item_is_wholly_is_found_too():
    sentence = "2025年政府性基金预算拨款支出186.00万元，比2024年预算增加16.00万元，增加9.41%，全部为用于残疾人事业的彩票公益金。"
    named = {(f.kind, str(f.value)) for f in line_facts(sentence) if f.subject == "用于残疾人事业的彩票公益金"}
    assert named == {(FactKind.AMOUNT, "186.00")}


def test_a_labelled_paragraph_gives_its_item_the_purpose_it_states():
    text = "7.司法救助资金：预算80.00万元，功能科目为2040599其他法院支出。用于对生活确有困难的当事人开展司法救助。"
    (fact,) = [f for f in line_facts(text) if f.kind is FactKind.AMOUNT]
    assert fact.subject == "司法救助资金" and fact.purpose == "对生活确有困难的当事人开展司法救助"


@pytest.mark.parametrize("sentence, period", [
    ("2024年该中心年初预算为552.80万元，执行中追加配套资金60.00万元。", 2024),
    ("2024年本单位年初预算为552.80万元。", 2024),
    ("本单位2025年预算为552.80万元。", 2025),
])
def test_a_body_stating_its_own_budget_states_its_whole(sentence, period):
    (whole,) = [f for f in line_facts(sentence) if f.value == Decimal("552.80")]
    assert whole.subject == "收支预算" and whole.period == period


def test_each_funds_clause_states_that_funds_balances():
    """"其中：一般公共预算财政拨款本年收入…、年末结转和结余30.00万元；政府性基金…": each clause's fund owns its figures."""
    facts = {(f.subject, f.value) for f in line_facts(
        "本年收入合计1700.00万元，其中：一般公共预算财政拨款本年收入900.00万元、年末结转和结余30.00万元；"
        "政府性基金预算财政拨款本年收入800.00万元，本年支出760.00万元、年末结转和结余80.00万元。", Basis.FINAL)}
    assert ("一般公共预算财政拨款年末结转和结余", Decimal("30.00")) in facts
    assert ("政府性基金预算财政拨款年末结转和结余", Decimal("80.00")) in facts
    assert ("政府性基金预算财政拨款本年支出", Decimal("760.00")) in facts


def test_a_total_and_its_change_in_one_sentence():
    """The year before's total is of that year; the change the sentence states after it is the total's."""
    facts = line_facts("本年支出合计1650.00万元，与2023年度支出决算1500.00万元相比，本年支出增加150.00万元。", Basis.FINAL)
    previous = next(f for f in facts if f.value == Decimal("1500.00"))
    change = next(f for f in facts if f.kind is FactKind.CHANGE)
    assert previous.period == 2023 and change.subject == "本年支出合计", facts


def test_a_count_that_describes_another_thing_keeps_it():
    """"城关、东关2个派出所的户籍大厅完成改造" counts 派出所 whose halls were rebuilt, not the 派出所."""
    [count] = [f for f in line_facts("城关、东关2个派出所的户籍大厅完成改造。") if f.kind is FactKind.COUNT]
    assert count.subject.startswith("派出所的户籍") and count.value == 2


def test_a_funds_spending_splits_into_that_funds_kinds():
    """"一般公共预算支出预算…，其中：基本支出…": that fund's 基本支出, never the whole body's; the body's own split stays."""
    facts = {(f.subject, f.value) for f in line_facts(
        "2025年本单位一般公共预算支出预算12,370,182.80元，其中：基本支出8,826,632.80元，项目支出3,543,550.00元。")}
    assert ("一般公共预算基本支出", Decimal("8826632.80")) in facts
    assert ("一般公共预算项目支出", Decimal("3543550.00")) in facts
    whole = {(f.subject, f.value) for f in line_facts("2025年本单位支出预算28,806,182.80元，其中：基本支出24,662,632.80元。")}
    assert ("基本支出", Decimal("24662632.80")) in whole


@pytest.mark.parametrize("sentence, spent", [
    ("某中心2024年度收入决算444.39万元，其中：财政拨款收入425.79万元；支出决算440.10万元。", "某中心2024年度支出"),
    ("2024年度本年收入合计3203.77万元；支出决算3213.57万元。", "本年支出合计"),
    ("收入决算120.00万元；支出决算118.00万元。", "支出"),
])
def test_a_spending_figure_after_an_income_one_is_of_the_spending(sentence, spent):
    (figure,) = [f for f in line_facts(sentence, Basis.FINAL) if f.measure == "支出决算"]
    assert figure.subject == spent


def test_a_spending_figure_of_a_named_item_keeps_its_item():
    facts = line_facts("“三公”经费支出预算为28.60万元，支出决算为24.37万元。", Basis.FINAL)
    assert {f.subject for f in facts} == {"三公经费支出预算"} and len(facts) == 2


@pytest.mark.parametrize("sentence, item", [
    ("该中心2024年年初预算431.10万元，支出决算完成年初预算的103.08%。", "支出"),  # the body's whole: the side it names
    ("2024年度一般公共预算财政拨款支出1533.19万元。年初预算为1446.50万元，支出决算完成年初预算的105.99%。",
     "一般公共预算财政拨款支出"),  # an item of that side already named: that item's
])
def test_a_completion_rate_is_of_the_side_it_names_or_the_item_before(sentence, item):
    (rate,) = [f for f in line_facts(sentence, Basis.FINAL) if f.unit == "%"]
    assert rate.subject == item


def test_a_standard_per_head_in_prose_keeps_what_it_is_per():
    """"补助标准由每人每月1,320元提高到1,380元/人·月": the standard's unit says it is per person and month."""
    facts = line_facts("城市特困人员集中供养标准提高到1,380元/人·月，人均基本公共卫生服务经费补助标准为94元/人。")
    assert {(str(f.value), f.unit) for f in facts} == {("1380", "元/人·月"), ("94", "元/人")}
