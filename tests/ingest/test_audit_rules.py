"""The source audit, rule by rule, on small generated disclosures: each breaks one rule (and its finding quotes
both sides exactly), and the same document set right holds it (no finding)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.audit.findings import RULES, Finding, RuleId, Severity
from ingest.audit.items import ItemRef, Scope, read_name, vocabulary
from ingest.audit.run import audit_document
from ingest.model import ParsedDocument, RecognisedSpan
from ingest.pipeline import parse_file

DEPARTMENT = "上海市普陀区某某街道办事处"

Write = Callable[..., ParsedDocument]


def table(title: str, unit: str, *rows: list[str]) -> str:
    """A table in the tab-led layout of the Langfang sample: one cell a line, a blank line after each row."""
    lines = [title, f"单位：{unit}", ""]
    for row in rows:
        lines += [f"\t{cell}" for cell in row] + [""]
    return "\n".join(lines) + "\n\n"


@pytest.fixture
def disclosure(tmp_path: Path) -> Write:
    """`disclosure(*parts, year=2025, kind="部门预算")`: a generated disclosure, parsed (and so audited)."""

    def write(*parts: str, year: int = 2025, kind: str = "部门预算") -> ParsedDocument:
        path = tmp_path / f"doc-{len(list(tmp_path.iterdir()))}.txt"
        path.write_text(f"{DEPARTMENT}\n\n{year}年{kind}\n\n" + "\n".join(parts) + "\n", encoding="utf-8")
        return parse_file(path)

    return write


def found(doc: ParsedDocument, rule: RuleId) -> list[Finding]:
    for finding in doc.findings:  # every quote is the document's text at its offsets
        assert len(finding.citations) >= 2
        assert all(doc.text[c.start : c.end] == c.quote for c in finding.citations), finding
    return [f for f in doc.findings if f.rule is rule]


def quoted(finding: Finding) -> list[str]:
    """The quotes, each with its whitespace (tabs, line breaks between table cells) as single spaces."""
    return [" ".join(c.quote.split()) for c in finding.citations]


THREE_PUBLIC_HEADER = (
    ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
    ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
    ["", "", "", "小计", "购置费", "运行费", ""],
)


def three_public_table(*figures: str) -> str:
    return table("2025年部门“三公”经费和机关运行经费预算表", "万元", *THREE_PUBLIC_HEADER, list(figures))


# ---- sums --------------------------------------------------------------------------------------------
def test_three_public_total_in_text_against_its_parts(disclosure: Write) -> None:
    broken = disclosure(
        "2025年“三公”经费预算数为10万元。其中：因公出国（境）费3万元，公务用车购置及运行费4万元，公务接待费2万元。"
    )
    [finding] = found(broken, RuleId.THREE_PUBLIC_SUM)
    assert finding.severity is Severity.ERROR and finding.figures == [10, 3, 4, 2]
    assert quoted(finding)[0].endswith("10万元") and quoted(finding)[-1] == "公务接待费2万元"
    held = disclosure("2025年“三公”经费预算数为9万元。其中：因公出国（境）费3万元，公务用车购置及运行费4万元，公务接待费2万元。")
    assert found(held, RuleId.THREE_PUBLIC_SUM) == []


def test_vehicle_subtotal_in_the_three_public_table(disclosure: Write) -> None:
    [finding] = found(disclosure(three_public_table("10.00", "0", "2.00", "8.00", "5.00", "4.00", "50.00")), RuleId.VEHICLE_SUM)
    assert finding.severity is Severity.ERROR and finding.figures == [8, 5, 4]
    assert quoted(finding) == ["8.00", "5.00", "4.00"]
    assert [f.rule for f in disclosure(three_public_table("10.00", "0", "2.00", "8.00", "5.00", "3.00", "50.00")).findings] == []


def test_three_public_total_in_the_table(disclosure: Write) -> None:
    [finding] = found(
        disclosure(three_public_table("11.00", "0", "2.00", "8.00", "5.00", "3.00", "50.00")), RuleId.THREE_PUBLIC_SUM
    )
    assert finding.figures == [11, 0, 2, 8]


def test_basic_spending_against_staff_and_running_costs(disclosure: Write) -> None:
    text = "一般公共预算财政拨款基本支出{}万元。其中：人员经费80万元，主要包括工资；公用经费10万元，主要包括办公费。"
    [finding] = found(disclosure(text.format(100), kind="部门决算"), RuleId.BASIC_SUM)
    assert finding.figures == [100, 80, 10]
    assert found(disclosure(text.format(90), kind="部门决算"), RuleId.BASIC_SUM) == []


def test_spending_against_basic_and_project_spending(disclosure: Write) -> None:
    text = "本年支出合计{}万元，其中：基本支出60万元，占60.00%；项目支出40万元，占40.00%。"
    assert [f.figures for f in found(disclosure(text.format(101), kind="部门决算"), RuleId.EXPENSE_SUM)] == [[101, 60, 40]]
    assert found(disclosure(text.format(100), kind="部门决算"), RuleId.EXPENSE_SUM) == []


def test_procurement_against_goods_works_and_services(disclosure: Write) -> None:
    text = "2025年本部门政府采购预算{}万元，其中：政府采购货物预算10万元、政府采购工程预算20万元、政府采购服务预算30万元。"
    [finding] = found(disclosure(text.format("61.00")), RuleId.PROCUREMENT_SUM)
    assert finding.figures == [61, 10, 20, 30]
    assert found(disclosure(text.format("60.00")), RuleId.PROCUREMENT_SUM) == []


SPENDING = (
    "支出预算100万元，其中：财政拨款支出预算100万元，比2024年预算增加{}万元。财政拨款支出预算中，一般公共预算拨款支出"
    "预算90万元，比2024年预算增加8万元；政府性基金拨款支出预算10万元，比2024年预算增加2万元；国有资本经营预算拨款支出预算0万元，"
    "与2024年预算持平。"
)


def test_stated_total_increase_against_the_part_increases(disclosure: Write) -> None:
    [finding] = found(disclosure(SPENDING.format(12)), RuleId.CHANGE_SUM)
    assert finding.figures == [12, 8, 2, 0] and quoted(finding)[0] == "比2024年预算增加12万元"
    assert found(disclosure(SPENDING.format(10)), RuleId.CHANGE_SUM) == []


def test_income_against_spending_and_their_increases(disclosure: Write) -> None:
    text = (
        "2025年，{d}收入预算100万元，其中：财政拨款收入100万元，比2024年预算执行数增加{up}万元。\n"
        "支出预算{spent}万元，其中：财政拨款支出预算100万元，比2024年预算增加10万元。"
    )
    [levels] = found(disclosure(text.format(d=DEPARTMENT, up=10, spent=101)), RuleId.BALANCE)
    assert levels.figures == [100, 101]
    [increases] = found(disclosure(text.format(d=DEPARTMENT, up=12, spent=100)), RuleId.BALANCE)
    assert increases.figures == [12, 10] and increases.severity is Severity.WARNING
    assert found(disclosure(text.format(d=DEPARTMENT, up=10, spent=100)), RuleId.BALANCE) == []


SPENDING_TABLE_HEADER = (
    ["功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["类", "款", "项", "", "", "", ""],
)


def spending_table(*rows: list[str]) -> str:
    return table("2025年部门支出预算总表", "元", *SPENDING_TABLE_HEADER, *rows)


def test_class_row_against_the_rows_under_it(disclosure: Write) -> None:
    rows = [
        ["201", "", "", "一般公共服务支出", "3,000,000", "1,000,000", "2,000,000"],
        ["201", "05", "", "统计信息事务", "3,000,000", "1,000,000", "2,000,000"],
        ["201", "05", "01", "行政运行", "1,000,000", "1,000,000", "0"],
        ["201", "05", "02", "一般行政管理事务", "{}", "0", "{}"],
        ["合计", "", "", "", "3,000,000", "1,000,000", "2,000,000"],
    ]
    broken = disclosure(spending_table(*[[c.format("1,500,000") for c in r] for r in rows]))
    assert sorted(f.figures for f in found(broken, RuleId.ROWS_SUM)) == [[200, 0, 150], [300, 100, 150]]  # 款: 合计 and 项目支出
    assert found(broken, RuleId.EXPENSE_SUM) == []  # each row's 合计 = 基本 + 项目 still holds
    held = disclosure(spending_table(*[[c.format("2,000,000") for c in r] for r in rows]))
    assert found(held, RuleId.ROWS_SUM) == [] and found(held, RuleId.EXPENSE_SUM) == []


def test_numbered_rows_of_a_two_sided_table_against_its_totals(disclosure: Write) -> None:
    overview = table("2025年部门财务收支预算总表", "元", ["本年收入", "", "本年支出", ""], ["项目", "预算数", "项目", "预算数"],
                     ["一、财政拨款收入", "7,000,000", "一、一般公共服务支出", "3,000,000"],
                     ["1. 一般公共预算资金", "6,000,000", "二、社会保障和就业支出", "{}"],
                     ["2. 政府性基金", "1,000,000", "", ""], ["二、事业收入", "", "", ""],
                     ["收入总计", "7,000,000", "支出总计", "7,000,000"])
    [finding] = found(disclosure(overview.format("3,000,000")), RuleId.ROWS_SUM)
    assert finding.figures == [700, 300, 300] and quoted(finding)[0] == "支出总计 7,000,000"
    assert found(disclosure(overview.format("4,000,000")), RuleId.ROWS_SUM) == []


def test_total_column_against_its_group(disclosure: Write) -> None:
    rows = [
        ["201", "", "", "一般公共服务支出", "3,000,000", "1,000,000", "{}"],
        ["208", "", "", "社会保障和就业支出", "500", "500", "0"],
        ["合计", "", "", "", "3,000,500", "1,000,500", "2,000,000"],
    ]
    broken = disclosure(spending_table(*rows).format("1,500,000"))
    assert [f.figures for f in found(broken, RuleId.EXPENSE_SUM)] == [[300, 100, 150]]
    assert found(disclosure(spending_table(*rows).format("2,000,000")), RuleId.EXPENSE_SUM) == []
    shifted = [
        ["201", "", "", "一般公共服务支出", "3,000,000", "3,000,000", "2,000,000"],
        ["208", "", "", "社会保障和就业支出", "500", "500", "100"],
        ["合计", "", "", "", "3,000,500", "3,000,500", "2,000,100"],
    ]
    assert found(disclosure(spending_table(*shifted)), RuleId.EXPENSE_SUM) == []  # holds in no row: a header read wrongly


def test_parts_after_qizhong_that_exceed_their_whole(disclosure: Write) -> None:
    text = ("本工程规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米（其中计容面积{}平方米，不计容面积105平方米），"
            "地下建筑面积为{}平方米。")
    findings = found(disclosure(text.format(7998, 5356)), RuleId.PARTS_EXCEED)
    assert sorted(f.figures for f in findings) == [[8013, 7998, 105], [13459, 8013, 5356]]  # 地上 + 地下 make up the whole
    assert found(disclosure(text.format(7908, 5446)), RuleId.PARTS_EXCEED) == []


def test_vehicles_of_every_kind_against_the_vehicle_count(disclosure: Write) -> None:
    text = ("截至2024年8月31日，本部门共有车辆{}辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
            "应急保障用车0辆、执法执勤用车2辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车6辆；"
            "单价100万元（含）以上设备（不含车辆）1台（套）。")
    [finding] = found(disclosure(text.format(9)), RuleId.PARTS_EXCEED)  # the kinds make up every vehicle: 8, not 9
    assert finding.figures == [9, 0, 0, 0, 0, 2, 0, 0, 6]
    assert found(disclosure(text.format(8)), RuleId.PARTS_EXCEED) == []


def test_a_qizhong_row_above_its_whole_in_a_table(disclosure: Write) -> None:
    form = table(
        "财政项目支出绩效目标填报表",
        "元",
        ["项目资金", "", "年度资金申请总额", "{}"],
        ["", "", "其中：当年财政拨款", "11,419,043.00"],
        ["", "", "上年结转资金", "0.00"],
    )
    [finding] = found(disclosure(form.format("10,903,043.00")), RuleId.PARTS_EXCEED)
    assert quoted(finding)[1] == "其中：当年财政拨款 11,419,043.00"
    assert found(disclosure(form.format("11,419,043.00")), RuleId.PARTS_EXCEED) == []


# ---- the same figure in two places ---------------------------------------------------------------------
def test_text_against_the_three_public_table(disclosure: Write) -> None:
    tables = three_public_table("9.00", "0", "2.00", "7.00", "4.00", "3.00", "50.00")
    [finding] = found(disclosure(tables, "2025年“三公”经费预算数为9万元。公务接待费2.5万元。"), RuleId.TEXT_VS_TABLE)
    assert finding.severity is Severity.WARNING and finding.figures == [2.5, 2] and quoted(finding)[1] == "2.00"
    assert found(disclosure(tables, "2025年“三公”经费预算数为9万元。公务接待费2万元。"), RuleId.TEXT_VS_TABLE) == []


def test_a_difference_within_rounding_is_info(disclosure: Write) -> None:
    tables = table(
        "2025年部门一般公共预算基本支出部门预算经济分类预算表",
        "元",
        ["部门预算经济分类科目编码", "", "经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["类", "款", "", "", "", ""],
        ["301", "", "工资福利支出", "877,080", "877,080", "0"],
        ["合计", "", "", "877,080", "877,080", "0"],
    )
    [rounded] = found(disclosure(tables, "人员经费{}万元。".format("87.70")), RuleId.TEXT_VS_TABLE)
    assert rounded.severity is Severity.INFO and "舍入" in rounded.message
    assert found(disclosure(tables, "人员经费87.71万元。"), RuleId.TEXT_VS_TABLE) == []  # 877,080元 is 87.71万元 rounded


def test_a_subject_line_against_its_row_in_every_spending_table(disclosure: Write) -> None:
    figures = ["6,964,796", "6,964,796", "0"]
    rows = [
        ["208", "", "", "社会保障和就业支出", *figures],
        ["208", "10", "", "社会福利", *figures],
        ["208", "10", "05", "社会福利事业单位", *figures],
        ["合计", "", "", "", *figures],
    ]
    line = "4. “社会保障和就业支出（类）社会福利（款）社会福利事业单位（项）”{}万元，主要用于人员经费及公用经费。"
    [finding] = found(disclosure(spending_table(*rows), line.format("738.66")), RuleId.TEXT_VS_TABLE)
    assert finding.figures == [738.66, 696.4796] and quoted(finding)[1] == "208 10 05 社会福利事业单位 6,964,796"
    assert found(disclosure(spending_table(*rows), line.format("696.48")), RuleId.TEXT_VS_TABLE) == []


def test_one_class_in_two_tables(disclosure: Write) -> None:
    overview = table(
        "2025年部门财务收支预算总表",
        "元",
        ["本年收入", "", "本年支出", ""],
        ["项目", "预算数", "项目", "预算数"],
        ["一、财政拨款收入", "7,000,000", "一、社会保障和就业支出", "{}"],
        ["收入总计", "7,000,000", "支出总计", "7,000,000"],
    )
    rows = [
        ["208", "", "", "社会保障和就业支出", "7,000,000", "7,000,000", "0"],
        ["合计", "", "", "", "7,000,000", "7,000,000", "0"],
    ]
    [finding] = found(disclosure(overview.format("7,100,000"), spending_table(*rows)), RuleId.TABLE_VS_TABLE)
    assert finding.figures == [710, 700] and finding.severity is Severity.WARNING
    assert found(disclosure(overview.format("7,000,000"), spending_table(*rows)), RuleId.TABLE_VS_TABLE) == []


def test_one_item_with_two_amounts_in_a_paragraph(disclosure: Write) -> None:
    line = (
        "12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：住房公积金。2024年当年预算执行数为198.34万元，"
        "2025年预算安排{}万元，比2024年预算执行数增加5.27%。"
    )
    [finding] = found(disclosure(line.format("201.50")), RuleId.TWO_AMOUNTS)
    assert finding.figures == [208.8, 201.5] and quoted(finding)[1] == "2025年预算安排201.50万元"
    assert found(disclosure(line.format("208.80")), RuleId.TWO_AMOUNTS) == []
    other_year = "住房公积金（项）”2025年度预算193.42万元，2024年度预算188.78万元。"  # last year's figure is another figure
    assert found(disclosure(other_year), RuleId.TWO_AMOUNTS) == []


# ---- the arithmetic a paragraph states ---------------------------------------------------------------------
def test_stated_growth_against_the_two_figures(disclosure: Write) -> None:
    line = (
        "9、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位职业年金缴费支出（06项）91.97万元。2024年当年预算执行数为"
        "77.99万元，2025年预算安排91.97万元，比2024年预算执行数增加{}%。"
    )
    [finding] = found(disclosure(line.format("17.66")), RuleId.STATED_PERCENT)
    assert finding.severity is Severity.ERROR and finding.figures[0] == 17.66 and round(finding.figures[1], 2) == 17.93
    assert found(disclosure(line.format("17.93")), RuleId.STATED_PERCENT) == []
    assert found(disclosure(line.format("17.91")), RuleId.STATED_PERCENT) == []  # the operands are rounded too


def test_stated_share_and_completion(disclosure: Write) -> None:
    share = "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占{}%。"
    assert [f.figures[0] for f in found(disclosure(share.format("71.73"), kind="部门决算"), RuleId.STATED_PERCENT)] == [71.73]
    assert found(disclosure(share.format("71.65"), kind="部门决算"), RuleId.STATED_PERCENT) == []
    done = "一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的{}%。"
    assert [f.severity for f in found(disclosure(done.format("94.46"), kind="部门决算"), RuleId.STATED_PERCENT)] == [
        Severity.ERROR
    ]
    assert found(disclosure(done.format("95.46"), kind="部门决算"), RuleId.STATED_PERCENT) == []
    [cut] = found(disclosure(done.format("95.45"), kind="部门决算"), RuleId.STATED_PERCENT)  # 95.457…: cut, not rounded
    assert cut.severity is Severity.INFO


def test_stated_increase_against_the_two_figures(disclosure: Write) -> None:
    line = ("1、公共安全支出（204类）司法（06款）行政运行（01项）。2024年当年预算执行数为100万元，2025年预算安排120万元，"
            "比2024年预算执行数增加{}万元。")
    [finding] = found(disclosure(line.format(25)), RuleId.STATED_CHANGE)
    assert finding.figures == [25, 20]
    assert found(disclosure(line.format(20)), RuleId.STATED_CHANGE) == []


def test_completion_rate_over_a_budget_of_zero(disclosure: Write) -> None:
    line = "一般公共预算财政拨款支出年初预算为 {} 万元，全年预算为321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。"
    [finding] = found(disclosure(line.format(0), kind="部门决算"), RuleId.ZERO_BASE_RATE)
    assert finding.severity is Severity.ERROR and quoted(finding)[0] == "一般公共预算财政拨款支出年初预算为 0 万元"
    assert found(disclosure(line.format("321.02"), kind="部门决算"), RuleId.ZERO_BASE_RATE) == []


# ---- wording --------------------------------------------------------------------------------------------
def test_a_budget_compared_with_its_own_year(disclosure: Write) -> None:
    line = "2026年，{d}收入预算9628.22万元，其中：财政拨款收入9628.22万元，比{y}年预算增加793.14万元。"
    [finding] = found(disclosure(line.format(d=DEPARTMENT, y=2026), year=2026), RuleId.WRONG_YEAR)
    assert quoted(finding) == ["2026年", "比2026年预算增加793.14万元"]
    assert found(disclosure(line.format(d=DEPARTMENT, y=2025), year=2026), RuleId.WRONG_YEAR) == []


def test_zero_that_grew_and_doubled_directions(disclosure: Write) -> None:
    line = "政府性基金拨款支出预算0万元，比2022年预算{}1421.25万元。"
    [finding] = found(disclosure(line.format("增加"), year=2023), RuleId.ZERO_CHANGED)
    assert quoted(finding) == ["政府性基金拨款支出预算0万元", "比2022年预算增加1421.25万元"]
    assert found(disclosure(line.format("减少"), year=2023), RuleId.ZERO_CHANGED) == []
    [doubled] = found(
        disclosure("“三公”经费支出决算数比2023年度减少0.15万元，下降（增长）27.78%。", year=2024, kind="部门决算"),
        RuleId.DOUBLED_WORD,
    )
    assert quoted(doubled)[0] == "下降（增长）"
    assert found(disclosure("机关运行经费比上年增加持平。"), RuleId.DOUBLED_WORD)
    assert found(disclosure("机关运行经费比上年增加5万元。"), RuleId.DOUBLED_WORD) == []


def test_a_table_noted_empty_that_holds_figures(disclosure: Write) -> None:
    note = "注:本部门2025年无“三公”经费和机关运行经费预算，故本表为空表。"
    [finding] = found(
        disclosure(three_public_table("47.91", "0", "1.35", "46.56", "25", "21.56", "443.18"), note), RuleId.EMPTY_TABLE
    )
    assert quoted(finding) == [note, "47.91"]
    assert found(disclosure(three_public_table("0", "0", "0", "0", "0", "0", "0"), note), RuleId.EMPTY_TABLE) == []


def test_an_empty_table_whose_item_the_text_states(disclosure: Write) -> None:
    empty = table("2025年部门“三公”经费和机关运行经费预算表", "万元", *THREE_PUBLIC_HEADER)
    [finding] = found(disclosure(empty, "2025年“三公”经费预算数为37.91万元。"), RuleId.EMPTY_TABLE)
    assert finding.figures == [37.91]
    assert found(disclosure(empty, "2025年无“三公”经费预算。"), RuleId.EMPTY_TABLE) == []


def test_a_note_about_another_table(disclosure: Write) -> None:
    empty = table("2025年部门国有资本经营预算支出功能分类预算表", "元", *SPENDING_TABLE_HEADER)
    [finding] = found(disclosure(empty, "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"), RuleId.EMPTY_TABLE)
    assert "政府性基金" in finding.message
    assert (
        found(disclosure(empty, "注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"), RuleId.EMPTY_TABLE) == []
    )


def test_a_reason_for_an_increase_after_a_decrease(disclosure: Write) -> None:
    text = (
        f"2026年，{DEPARTMENT}收入预算7,630.61万元，其中：财政拨款收入7,630.61万元，比2025年预算{{0}}2,163.37万元。\n"
        "支出预算7,630.61万元，其中：财政拨款支出预算7,630.61万元，比2025年预算{0}2,163.37万元。\n"
        "财政拨款收入支出增加的主要原因是项目调整。"
    )
    [finding] = found(disclosure(text.format("减少"), year=2026), RuleId.REASON_DIRECTION)
    assert quoted(finding)[1] == "增加的主要原因"
    assert found(disclosure(text.format("增加"), year=2026), RuleId.REASON_DIRECTION) == []
    outturn = "1、行政运行（项）。年初预算为1560.05万元，支出决算为{}万元。决算数小于预算数的主要原因：人员变化。"
    assert len(found(disclosure(outturn.format("1600.00"), year=2024, kind="部门决算"), RuleId.REASON_DIRECTION)) == 1
    assert found(disclosure(outturn.format("1511.89"), year=2024, kind="部门决算"), RuleId.REASON_DIRECTION) == []


def test_no_vehicles_with_a_vehicle_running_cost(disclosure: Write) -> None:
    text = ("（二）公务用车购置及运行费32.20万元。其中：公务用车购置费0.00万元；公务用车运行费{}万元。\n"
            "截至2024年8月31日，本单位共有车辆0辆。")
    [finding] = found(disclosure(text.format("32.20")), RuleId.NO_VEHICLES)
    assert quoted(finding) == ["共有车辆0辆", "公务用车运行费32.20万元"]
    assert found(disclosure(text.format("0.00").replace("32.20", "0.00")), RuleId.NO_VEHICLES) == []


def test_a_code_out_of_its_class_and_a_renamed_class(disclosure: Write) -> None:
    rows = [
        ["210", "", "", "卫生健康支出", "50", "50", "0"],
        ["210", "11", "", "行政事业单位医疗", "50", "50", "0"],
        ["{}", "11", "02", "事业单位医疗", "50", "50", "0"],
        ["合计", "", "", "", "50", "50", "0"],
    ]
    [finding] = found(disclosure(spending_table(*[[c.format("7") for c in r] for r in rows])), RuleId.CODE_OUT_OF_PLACE)
    assert finding.severity is Severity.INFO and quoted(finding) == ["7", "210"]
    held = spending_table(*[[c.format("210") for c in r] for r in rows])
    assert found(disclosure(held), RuleId.CODE_OUT_OF_PLACE) == []
    old_name = "“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”0.01万元。"
    [renamed] = found(disclosure(held, old_name), RuleId.CLASS_NAME)
    assert renamed.severity is Severity.INFO and "卫生健康支出" in renamed.message


def test_a_project_period_before_the_budget_year(disclosure: Write) -> None:
    text = "人民调解项目经费情况说明\n五、实施周期\n{}年1月1日-{}年12月31日\n"
    [finding] = found(disclosure(text.format(2025, 2025), year=2026), RuleId.PROJECT_PERIOD)
    assert quoted(finding)[1] == "2025年1月1日-2025年12月31日"
    assert found(disclosure(text.format(2026, 2026), year=2026), RuleId.PROJECT_PERIOD) == []


def performance_table(project: str, cost: str, quality: str) -> str:
    return table(
        f"{project}绩效目标表",
        "万元",
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
        ["产出指标", "质量指标", "资金使用情况", "资金合规率", quality, "实际工作情况"],
        ["", "成本指标", "项目支出金额", "全年支出总金额在预算范围内", cost, "合同"],
    )


def test_a_cost_cap_below_the_projects_amount(disclosure: Write) -> None:
    stated = "政府采购情况：政法网带宽线路租用经费1307万元。"
    [finding] = found(
        disclosure(performance_table("政法网带宽线路租用经费", "≤1037 万元", "100 百分比"), stated), RuleId.COST_CAP
    )
    assert finding.figures == [1037, 1307] and quoted(finding)[1] == "政法网带宽线路租用经费1307万元"
    assert (
        found(disclosure(performance_table("政法网带宽线路租用经费", "≤1307 万元", "100 百分比"), stated), RuleId.COST_CAP) == []
    )


def test_an_indicator_other_than_cost_valued_in_money(disclosure: Write) -> None:
    [finding] = found(disclosure(performance_table("有奖举报奖励资金", "50 万元", "≤50 万元")), RuleId.INDICATOR_UNIT)
    assert finding.severity is Severity.INFO and quoted(finding) == ["质量指标", "≤50 万元"]
    assert found(disclosure(performance_table("有奖举报奖励资金", "50 万元", "100 百分比")), RuleId.INDICATOR_UNIT) == []


def test_a_contradiction_in_text_read_from_a_page_image_is_info(disclosure: Write) -> None:
    doc = disclosure("2025年“三公”经费预算数为10万元。其中：因公出国（境）费3万元，公务用车购置及运行费4万元，公务接待费2万元。")
    [finding] = found(doc, RuleId.THREE_PUBLIC_SUM)
    quote = finding.citations[-1]
    scanned = replace(doc, recognised=[RecognisedSpan(quote.start, quote.end, 1, 0.99)])
    [read] = [f for f in audit_document(scanned) if f.rule is RuleId.THREE_PUBLIC_SUM]
    assert read.severity is Severity.INFO and "扫描" in read.message and finding.severity is Severity.ERROR


# ---- the rule set ----------------------------------------------------------------------------------------
def test_every_rule_states_its_family_check_and_tolerance() -> None:
    assert set(RULES) == set(RuleId)
    assert all(rule.checks and rule.tolerance for rule in RULES.values())


def test_the_vocabulary_sums_name_known_items_and_rules() -> None:
    vocab = vocabulary()
    items = set(vocab.names.values())
    for decomposition in vocab.sums:
        assert decomposition.rule in RULES
        assert {decomposition.whole.item, *(p.item for p in decomposition.parts)} <= items
    assert {item for (whole, _), item in vocab.part_names.items()} <= items
    assert {role.whole for role in vocab.tables.values()} <= items


@pytest.mark.parametrize(("subject", "item", "scope"), [
    ("收入预算", "收入", None), ("财政拨款支出预算", "支出", Scope.FISCAL), ("一般公共预算拨款支出预算", "支出", Scope.GENERAL),
    ("一般公共预算财政拨款基本支出", "基本支出", Scope.GENERAL), ("“三公”经费财政拨款支出", "三公经费", Scope.FISCAL),
    ("因公出国（境）费", "因公出国费", None), ("公务用车运行维护支出", "公务用车运行费", None), ("本年支出合计", "支出", None),
    ("参公事业单位财政拨款的机关运行经费预算", "机关运行经费", None), ("2024 年度政府采购金额", "政府采购", None),
    ("财政拨款收入支出", "收支总计", Scope.FISCAL),
])
def test_subjects_name_their_item_and_scope(subject: str, item: str, scope: Scope | None) -> None:
    assert read_name(subject) == ItemRef(item, scope)


def test_short_names_count_only_under_their_whole() -> None:
    assert read_name("购置费") is None and read_name("事业收入") is None
    assert read_name("购置费", "公务用车费") == ItemRef("公务用车购置费")



# ---------------------------------------------------------------- figures the audit must not misread


def test_a_row_numbering_column_holds_no_figures(disclosure: Write) -> None:
    doc = disclosure(table("收入支出决算总表", "万元", ["收入", "", "", "支出", "", ""],
                           ["项目", "行次", "决算数", "项目", "行次", "决算数"],
                           ["一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "4", "90.00"],
                           ["二、事业收入", "2", "20.00", "二、住房保障支出", "5", "30.00"],
                           ["本年收入合计", "3", "120.00", "本年支出合计", "6", "120.00"]), kind="部门决算", year=2024)
    assert not [f for f in doc.findings if f.rule in (RuleId.ROWS_SUM, RuleId.TABLE_VS_TABLE, RuleId.BALANCE)]


def test_a_change_against_last_year_s_stated_figure_is_a_share_of_that_figure(disclosure: Write) -> None:
    right = disclosure("2025年“三公”经费预算9.30万元，比2024年预算10.30万元减少1.00万元，下降9.71%。")
    assert not found(right, RuleId.STATED_PERCENT)
    wrong = disclosure("2025年“三公”经费预算9.30万元，比2024年预算10.30万元减少1.00万元，下降8.85%。")
    assert found(wrong, RuleId.STATED_PERCENT)


def test_last_year_s_figure_in_a_sentence_is_not_a_second_amount(disclosure: Write) -> None:
    doc = disclosure("2024年度一般公共预算财政拨款支出1267.16万元，与上年决算1181.96万元相比，增加85.20万元，增长7.21%。",
                     kind="部门决算", year=2024)
    assert not found(doc, RuleId.TWO_AMOUNTS) and not found(doc, RuleId.STATED_PERCENT)


def test_an_outturn_is_measured_against_the_budget_its_claim_names(disclosure: Write) -> None:
    text = "行政运行（项）：年初预算为{a}万元，调整预算为601.30万元，支出决算为593.22万元。决算数大于年初预算数的主要原因是人员增加。"
    assert not found(disclosure(text.format(a="560.00"), kind="部门决算", year=2024), RuleId.REASON_DIRECTION)
    assert found(disclosure(text.format(a="600.00"), kind="部门决算", year=2024), RuleId.REASON_DIRECTION)


def test_income_and_spending_of_a_year_differ_by_what_is_carried_over(disclosure: Write) -> None:
    doc = disclosure(table("收支预算总表", "万元", ["收入", "预算数", "支出", "预算数"], ["一般公共预算拨款", "800.00", "一般公共服务支出", "820.00"],
                           ["本年收入合计", "800.00", "本年支出合计", "820.00"], ["上年结转", "20.00", "年末结转", ""],
                           ["收入总计", "820.00", "支出总计", "820.00"]))
    assert not found(doc, RuleId.BALANCE)


def test_a_part_s_change_may_exceed_the_whole_s(disclosure: Write) -> None:
    doc = disclosure(table("“三公”经费支出表", "万元", ["项目", "上年预算数", "本年预算数", "增减额"],
                           ["公务用车购置及运行费", "6.80", "6.20", "-0.60"], ["其中：公务用车购置费", "0.00", "0.00", "0.00"]))
    assert not found(doc, RuleId.PARTS_EXCEED)


def test_last_years_figures_and_changes_are_no_levels_of_this_year(disclosure: Write) -> None:
    """上年预算数 and 增减额 columns, "比2024年预算950.90万元" in a list of parts and "项目支出比2024年预算…" before a
    share are last year's or a change: no total, part or whole of this year's figures."""
    header = ["项目", "上年预算数", "本年预算数", "增减额", "增减率"]
    doc = disclosure(
        table("表1 部门收支总表", "万元", header, ["收入合计", "1446.50", "1510.88", "64.38", "4.45%"],
              ["支出合计", "1446.50", "1510.88", "64.38", "4.45%"]),
        table("表2 部门收入总表", "万元", ["项目", "合计", "一般公共预算拨款收入"], ["合计", "1510.88", "1510.88"]),
        "2025年支出预算1510.88万元，其中：基本支出989.48万元，比2024年预算950.90万元增加38.58万元；"
        "项目支出521.40万元，比2024年预算495.60万元增加25.80万元。",
        "2025年6个项目全部编制了绩效目标，涉及项目资金521.40万元，占项目支出预算的100%。",
    )
    assert not found(doc, RuleId.TABLE_VS_TABLE) and not found(doc, RuleId.PARTS_EXCEED)
    assert not found(doc, RuleId.STATED_PERCENT)


def test_a_code_column_beside_the_figures_is_no_part_of_a_row(disclosure: Write) -> None:
    """A 功能科目编码 printed after the project's name and unit, right before the figures, is a code: the row's 合计
    is checked against its funds only, never against a sum that holds the code."""
    header = ["序号", "项目名称", "单位名称", "功能科目编码", "合计", "一般公共预算拨款", "事业收入", "上年结转结余"]
    rows = [["1", "法律援助办案补贴", "某某法律援助中心", "2040607", "218.00", "218.00", "0.00", "0.00"],
            ["2", "仲裁案件办理经费", "某某仲裁委员会秘书处", "2040699", "140.00", "28.00", "88.00", "24.00"],
            ["", "合计", "", "", "358.00", "246.00", "88.00", "24.00"]]
    doc = disclosure(table("表10 项目支出预算表", "万元", header, *rows))
    assert not [f for f in doc.findings if any(abs(figure) > 1000 for figure in f.figures)]
    broken = disclosure(table("表10 项目支出预算表", "万元", header, *rows[:1],
                              ["2", "仲裁案件办理经费", "某某仲裁委员会秘书处", "2040699", "150.00", "28.00", "88.00", "24.00"],
                              ["", "合计", "", "", "368.00", "246.00", "88.00", "24.00"]))
    assert [f.figures for f in broken.findings if 140 in f.figures or 150 in f.figures] == [[150, 28, 88, 24]]
