"""Table layouts of real 公开表: 功能分类 levels side by side in 类 | 款 | 项 columns, a 栏次 row numbering the
columns, a note row under the table, and a count whose unit the row label gives in a money table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ingest.model import Basis, ParsedDocument, TableKind
from ingest.pipeline import parse_file

TABLES = """示例县示例局2024年度部门决算

一、部门职责
示例县示例局负责全县示例工作。

二、收入决算表
金额单位：元
项目\t\t\t\t本年收入合计\t财政拨款收入
类\t款\t项\t科目名称\t\t
栏次\t\t\t\t1\t2
合计\t\t\t\t1000\t900
208\t\t\t社会保障和就业支出\t1000\t900
208\t05\t05\t机关事业单位基本养老保险缴费支出\t600\t500
注：本表反映部门本年度取得的各项收入情况。

三、支出预算总表
单位：万元
功能分类科目\t\t\t合计\t基本支出
类\t款\t项\t\t
210 卫生健康支出\t21011 行政事业单位医疗\t2101101 行政单位医疗\t38.62\t38.62
\t\t2101102 事业单位医疗\t52.34\t52.34

四、“三公”经费支出决算表
单位：万元
项目\t决算数
公务接待费\t1.20
公务用车保有量（辆）\t3

五、“三公”经费预算对比表
单位：万元
年度\t合计\t公务接待费\t公务用车运行维护费
2023年\t16.60\t5.00\t11.60
2024年\t14.60\t4.20\t10.40

续表：支出决算表 单位：万元
科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
2240604\t地震监测\t233.24\t\t233.24
"""


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path: Path = tmp_path_factory.mktemp("layouts") / "example-bureau-2024-dept-final-account.txt"
    path.write_text(TABLES, encoding="utf-8")
    return parse_file(path)


def _figures(doc: ParsedDocument) -> dict[tuple[str, str], tuple[Decimal, str | None]]:
    return {(f.subject, f.measure): (f.value, f.unit) for f in doc.facts if f.origin == "table"}


def test_a_column_numbering_row_and_a_note_row_give_no_figures(document: ParsedDocument) -> None:
    figures = _figures(document)
    assert figures["机关事业单位基本养老保险缴费支出", "本年收入合计"] == (Decimal(600), "元")
    assert not [f for f in document.facts if f.origin == "table" and f.value in (1, 2)]  # 栏次 | 1 | 2
    assert not [key for key in figures if key[0] in ("项", "款", "类")]  # the code columns are labels, not figures


def test_levels_printed_side_by_side_name_the_row_by_its_own(document: ParsedDocument) -> None:
    figures = _figures(document)
    assert figures["行政单位医疗", "合计"] == (Decimal("38.62"), "万元")
    assert figures["事业单位医疗", "基本支出"] == (Decimal("52.34"), "万元")


def test_a_count_in_a_money_table_takes_the_unit_its_label_gives(document: ParsedDocument) -> None:
    figures = _figures(document)
    assert figures["公务用车保有量", "决算数"] == (Decimal(3), "辆")
    assert figures["公务接待费", "决算数"] == (Decimal("1.20"), "万元")


def test_years_down_the_side_give_each_item_its_years_figures(document: ParsedDocument) -> None:
    found = {(f.subject, f.period): f.value for f in document.facts if f.origin == "table" and f.period}
    assert found["公务接待费", 2023] == Decimal("5.00") and found["公务用车运行维护费", 2024] == Decimal("10.40")
    assert not [f for f in document.facts if f.subject in ("2023年", "2024年", "年度")]


PURCHASES_AND_PROJECTS = "\n".join([
    "示例县示例乡人民政府2025年部门预算", "",
    "表10 项目支出预算表", "单位：万元",
    "项目名称\t实施单位\t功能科目\t合计\t一般公共预算",
    "合计\t\t\t232.90\t232.90",
    "村级组织运转保障\t乡本级\t2130705 对村民委员会和村党支部的补助\t186.40\t186.40",
    "防汛抗旱和地质灾害防治\t乡农业服务中心\t2130314 防汛\t46.50\t46.50",
    "",
    "表11 政府采购预算明细表", "单位：万元",
    "项目名称\t采购品目\t数量\t计量单位\t金额",
    "合计\t\t\t\t13.40",
    "机关日常办公设备购置\t台式计算机\t8\t台\t4.80",
    "防汛抗旱和地质灾害防治\t防汛抢险物资\t1\t批\t8.60",
    "",
    "十、预算绩效管理情况",
    "（一）食品安全监督抽检项目。全年预算260.00万元，自评得分96.5分。绩效目标完成情况：",
    "一级指标\t二级指标\t三级指标\t年度目标值\t实际完成值",
    "产出指标\t数量指标\t食品安全监督抽检批次\t≥2400批次\t2516批次",
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93.6%",
])


@pytest.fixture(scope="module")
def purchases(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("purchases") / "example-township-2025-dept-budget.txt"
    path.write_text(PURCHASES_AND_PROJECTS, encoding="utf-8")
    return parse_file(path)


def test_a_project_row_is_named_by_its_project_not_its_functional_class(purchases: ParsedDocument) -> None:
    projects = {f.subject: f.value for f in purchases.facts if f.context.startswith("表10") and f.measure == "合计"}
    assert projects == {"合计": Decimal("232.90"), "村级组织运转保障": Decimal("186.40"),
                        "防汛抗旱和地质灾害防治": Decimal("46.50")}


def test_a_purchase_is_named_by_what_it_buys_and_counted_in_its_row_s_unit(purchases: ParsedDocument) -> None:
    bought = {(f.subject, f.measure): (f.value, f.unit) for f in purchases.facts if f.context.startswith("表11")}
    assert bought["台式计算机", "数量"] == (Decimal("8"), "台")
    assert bought["防汛抢险物资", "数量"] == (Decimal("1"), "批")
    assert bought["台式计算机", "金额"] == (Decimal("4.80"), "万元")
    assert any(f.row_path == ("机关日常办公设备购置", "台式计算机") for f in purchases.facts)


def test_an_indicator_grid_under_a_numbered_project_paragraph_is_that_project_s(purchases: ParsedDocument) -> None:
    achieved = [f for f in purchases.facts if f.value == Decimal("2516")]
    assert [f.subject for f in achieved] == ["食品安全监督抽检项目"]


NOTICE = "\n".join([
    "示例县示例办公室2024年度部门决算", "",
    "表7 “三公”经费支出决算表",
    "预算数（全年预算）：",
    "公务接待费：4.50万元",
    "决算数：",
    "公务接待费：3.85万元",
    "五、一般公共预算财政拨款支出决算情况说明",
    "2024年度示例县示例办公室政府采购支出总额68.45万元。一般公共预算财政拨款支出1267.16万元，与上年决算1181.96万元相比，增加85.20万元。",
    "",
    "表十 项目支出预算表",
    "单位：万元",
    "－－－－－－－－－－－－－－－－－－－－－－－－－－－－－－",
    "｜ 序号 ｜ 项目名称         ｜ 功能科目编码 ｜ 实施周期        ｜ 预算金额 ｜",
    "－－－－－－－－－－－－－－－－－－－－－－－－－－－－－－",
    "｜ 1    ｜ 人防警报设施建设 ｜ 2030603      ｜ 2024年—2026年 ｜    96.00 ｜",
    "｜ 2    ｜ 疏散基地建设     ｜ 2030699      ｜ 2025年         ｜    80.00 ｜",
    "－－－－－－－－－－－－－－－－－－－－－－－－－－－－－－",
    "",
    "表十一 政府采购预算表", "单位：万元",
    "采购类别\t品目编码\t采购品目\t数量\t计量单位\t预算金额",
    "货物\tA02010104\t台式计算机\t6\t台\t3.60",
    "货物\tA02061900\t电声警报器\t4\t台\t18.00",
])


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("notice") / "example-county-office-2024-dept-final-account.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return parse_file(path)


def test_a_basis_label_line_gives_its_basis_to_the_items_listed_under_it(notice: ParsedDocument) -> None:
    listed = {f.value: f.basis for f in notice.facts if f.subject == "公务接待费"}
    assert listed == {Decimal("4.50"): Basis.ADJUSTED_BUDGET, Decimal("3.85"): Basis.FINAL}


def test_a_sentence_s_figure_loses_the_department_s_name_and_last_year_s_is_dated(notice: ParsedDocument) -> None:
    said = {f.value: f for f in notice.facts if f.origin == "text"}
    assert said[Decimal("68.45")].subject == "政府采购支出总额"
    assert said[Decimal("1181.96")].period == 2023 and said[Decimal("1267.16")].period is None


def test_rows_between_full_width_bars_and_labels_past_code_and_period_columns(notice: ParsedDocument) -> None:
    projects = {f.subject: f.value for f in notice.facts if f.context.startswith("表十 ") and f.measure == "预算金额"}
    assert projects == {"人防警报设施建设": Decimal("96.00"), "疏散基地建设": Decimal("80.00")}
    bought = {f.subject for f in notice.facts if f.context.startswith("表十一")}
    assert bought == {"台式计算机", "电声警报器"}


def _written(tmp_path: Path, name: str, lines: list[str]) -> ParsedDocument:
    """A text disclosure of the given lines, parsed."""
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return parse_file(path)


CODES_AFTER_THE_NAME = [
    "示例县人民医院2025年单位预算", "",
    "表10 项目支出预算表", "单位：万元",
    "项目名称\t功能分类科目编码\t\t\t合计\t财政拨款\t事业收入",
    "\t类\t款\t项\t\t\t",
    "医疗设备购置项目\t210\t02\t01\t2180.00\t615.50\t1564.50",
    "重点专科建设项目\t210\t02\t01\t200.00\t200.00\t",
]


def test_the_levels_of_a_code_after_the_name_are_no_figures(tmp_path: Path) -> None:
    """类 | 款 | 项 under 功能分类科目编码, right of the project's name: 210, 02 and 01 are a code, not money."""
    figures = _figures(_written(tmp_path, "example-hospital-2025-unit-budget.txt", CODES_AFTER_THE_NAME))
    assert figures["医疗设备购置项目", "财政拨款"] == (Decimal("615.50"), "万元")
    assert not [key for key in figures if key[1].split("/")[-1] in ("类", "款", "项")]


PROJECTS_BY_UNIT = [
    "示例县示例局2025年部门预算", "",
    "表10 项目支出表", "单位：万元",
    "单位名称\t项目名称\t功能科目\t合计\t一般公共预算拨款",
    "\t合计\t\t482.75\t482.75",
    "示例县示例局本级\t食品安全监督抽检\t2013816\t386.00\t386.00",
    "示例县检验检测中心\t食用农产品快检室运行\t2013816\t96.75\t96.75",
]


def test_a_project_table_by_unit_names_each_row_by_its_project(tmp_path: Path) -> None:
    """单位名称 | 项目名称: the row is the project's (its unit stands beside it), so projects can be ranked."""
    facts = _written(tmp_path, "example-bureau-2025-dept-budget.txt", PROJECTS_BY_UNIT).facts
    rows = {(f.subject, f.context) for f in facts if f.measure == "合计" and f.subject != "合计"}
    assert rows == {("食品安全监督抽检", "表10 项目支出表：示例县示例局本级"),
                    ("食用农产品快检室运行", "表10 项目支出表：示例县检验检测中心")}


STAFF_BY_UNIT = [
    "示例市示例局2024年度部门决算", "",
    "二、部门决算单位构成",
    "序号\t单位名称\t单位性质\t编制数（名）\t年末实有人数（人）",
    "1\t示例市示例局（本级）\t行政单位\t45\t42",
    "2\t示例市示例服务中心\t公益一类事业单位\t36\t33",
]


def test_a_column_whose_header_names_a_count_unit_holds_counts(tmp_path: Path) -> None:
    """编制数（名）, 年末实有人数（人）: people counted, never money."""
    figures = _figures(_written(tmp_path, "example-bureau-2024-dept-final-account.txt", STAFF_BY_UNIT))
    assert figures["示例市示例服务中心", "年末实有人数（人）"] == (Decimal("33"), "人")
    assert figures["示例市示例服务中心", "编制数（名）"] == (Decimal("36"), "人")


SELF_ASSESSED_PROJECTS = [
    "示例乡人民政府2024年度部门决算", "",
    "表10 项目支出决算及绩效自评表", "单位：万元",
    "项目编码\t项目名称\t全年预算数\t决算数\t执行率（%）\t自评得分",
    "\t合计\t100.00\t96.00\t96.00\t",
    "4301001\t示例村道路提升工程\t60.00\t60.00\t100.00\t96",
    "4301002\t示例茶叶加工厂配套设施\t40.00\t36.00\t90.00\t88",
]


def test_a_column_of_scores_holds_points_in_a_money_table(tmp_path: Path) -> None:
    """自评得分 beside 决算数 in a table in 万元: 88分, never 88万元."""
    figures = _figures(_written(tmp_path, "example-township-2024-dept-final-account.txt", SELF_ASSESSED_PROJECTS))
    assert figures["示例茶叶加工厂配套设施", "自评得分"] == (Decimal("88"), "分")
    assert figures["示例茶叶加工厂配套设施", "决算数"] == (Decimal("36.00"), "万元")


def test_a_self_assessment_table_headed_by_project_name_has_one_project_a_row(tmp_path: Path) -> None:
    """项目名称 | 全年预算数 | 决算数 | 执行率（%） | 自评得分 heads rows of projects, not one form of a project named
    全年预算数; "表10 项目…" counts no 10 项."""
    lines = [line.split("\t", 1)[-1] if line[:1].isdigit() or line.startswith(("项目编码", "\t")) else line
             for line in SELF_ASSESSED_PROJECTS]
    document = _written(tmp_path, "example-township-2024-dept-final-account.txt", lines)
    figures = _figures(document)
    assert figures["示例茶叶加工厂配套设施", "决算数"] == (Decimal("36.00"), "万元")
    assert figures["示例茶叶加工厂配套设施", "自评得分"] == (Decimal("88"), "分")
    assert not [f for f in document.facts if f.value == 10]


YEARS_AND_BASES_DOWN = [
    "示例区示例局2025年部门预算", "",
    "表7 “三公”经费支出预算表", "单位：万元",
    "年度\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
    "\t\t\t小计\t购置费\t运行费\t",
    "2023年决算数\t66.21\t0\t62.35\t0\t62.35\t3.86",
    "2025年预算数\t94.40\t0\t91.20\t36.00\t55.20\t3.20",
]


def test_rows_of_a_year_and_a_basis_state_that_years_figures_of_that_basis(tmp_path: Path) -> None:
    """"2023年决算数" down the side of a 2025 budget's 三公 table: 2023's 决算 of each column's item."""
    facts = _written(tmp_path, "example-bureau-2025-dept-budget.txt", YEARS_AND_BASES_DOWN).facts
    found = {(f.subject, f.period, f.basis): f.value for f in facts if f.origin == "table"}
    assert found["公务用车运行费", 2023, Basis.FINAL] == Decimal("62.35")
    assert found["公务接待费", 2025, Basis.BUDGET] == Decimal("3.20")


SUBTOTALS = [
    "示例省示例厅2024年度部门决算", "",
    "表5 一般公共预算财政拨款支出决算表", "单位：万元",
    "科目编码\t类\t款\t项\t决算数",
    "合计\t\t\t\t1150.00",
    "2060701\t科学技术支出\t科学技术普及\t机构运行\t610.00",
    "2060702\t\t\t科普活动\t430.00",
    "20607\t\t\t小计\t1040.00",
    "2060801\t\t科技交流与合作\t国际交流与合作\t110.00",
    "20608\t\t\t小计\t110.00",
    "206\t\t小计\t\t1150.00",
]


def test_a_subtotal_row_is_the_group_it_closes(tmp_path: Path) -> None:
    """"20607 | | | 小计" under rows whose 款 is printed once: the 款's own figure, and "206 | | 小计" the 类's."""
    figures = _figures(_written(tmp_path, "example-department-2024-dept-final-account.txt", SUBTOTALS))
    assert figures["科学技术普及", "决算数"] == (Decimal("1040.00"), "万元")
    assert figures["科技交流与合作", "决算数"] == (Decimal("110.00"), "万元")
    assert figures["科学技术支出", "决算数"] == (Decimal("1150.00"), "万元")


NAMES_BY_LEVEL = [
    "示例区示例局2025年部门预算", "",
    "表3 支出预算总表", "单位：万元",
    "类\t款\t项\t科目编码\t合计\t基本支出\t项目支出",
    "合计\t\t\t\t450.00\t150.00\t300.00",
    "卫生健康支出\t医疗救助\t城乡医疗救助\t2101301\t300.00\t\t300.00",
    "\t医疗保障管理事务\t行政运行\t2101501\t120.00\t120.00\t",
    "住房保障支出\t住房改革支出\t住房公积金\t2210201\t30.00\t30.00\t",
]


def test_levels_named_without_codes_side_by_side_give_the_row_its_whole_path(tmp_path: Path) -> None:
    """类 | 款 | 项 columns holding names (the 类 printed on a group's first row only): the row is its 项, under its 款 and
    类, never the 类 itself."""
    facts = _written(tmp_path, "example-bureau-2025-dept-budget.txt", NAMES_BY_LEVEL).facts
    paths = {f.row_path: f.value for f in facts if f.measure == "合计"}
    assert paths[("卫生健康支出", "医疗救助", "城乡医疗救助")] == Decimal("300.00")
    assert paths[("卫生健康支出", "医疗保障管理事务", "行政运行")] == Decimal("120.00")
    assert not [f for f in facts if f.subject == "卫生健康支出"]  # no row of the 类's own


def test_a_continued_table_is_named_by_the_name_its_caption_goes_on_with(document: ParsedDocument) -> None:
    """"续表：支出决算表 单位：万元": the table of 支出决算表, its unit said after its name."""
    (continued,) = [t for t in document.tables if any("地震监测" in c.text for row in t.body for c in row)]
    assert continued.title == "支出决算表" and continued.kind is TableKind.EXPENSE
