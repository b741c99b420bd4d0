"""绩效目标表 project forms: indicator targets written in words become bounded figures of their project, and each
form's header fields (项目性质, 主管部门, 项目总目标 …) are kept with the span of their value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ingest.bounds import bound_words
from ingest.facts import facts_from_line
from ingest.form_fields import field_labels
from ingest.model import Basis, FactKind, Line, ParsedDocument, TableKind
from ingest.numbers import chinese_number, printed_numbers
from ingest.performance_forms import project_name
from ingest.performance_headers import captioned_project, heads_indicator_grid
from ingest.pipeline import parse_file
from tests.performance_forms_text import FORMS, FORMS_FILE


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path: Path = tmp_path_factory.mktemp("forms") / FORMS_FILE
    path.write_text(FORMS, encoding="utf-8")
    return parse_file(path)


def _indicators(doc: ParsedDocument) -> dict[tuple[str, str], tuple]:
    """(project, what the context says it measures) → (measure, value, unit, qualifier, kind) of each indicator."""
    return {(f.subject, f.context.partition("：")[2]): (f.measure, f.value, f.unit, f.qualifier, f.kind)
            for f in doc.facts if f.table_kind is TableKind.PERFORMANCE and f.measure.endswith("指标")}


@pytest.mark.parametrize("project, what, expected", [
    ("社区示例驿站建设", "召开居民议事会；召开议事会", ("数量指标", Decimal(3), "次", "≥", FactKind.LIMIT)),  # 三次以上
    ("社区示例驿站建设", "咨询投诉处理；投诉处理满意率", ("质量指标", Decimal(95), "%", "≥", FactKind.RATE)),  # 不低于95%
    ("河道示例保洁", "河道巡查；开展河道巡查", ("数量指标", Decimal(200), "次", "≥", FactKind.LIMIT)),  # 不低于200次的…
    ("社区示例驿站建设", "12个社区全覆盖；社区全覆盖", ("数量指标", Decimal(12), "个", None, FactKind.COUNT)),  # in the name
    ("社区示例驿站建设", "设备故障修复时限", ("时效指标", Decimal(3), "天", "≤", FactKind.LIMIT)),
    ("示例便民热线运维经费", "热线运行情况；热线线路故障全年次数", ("质量指标", Decimal(40), "次", "≤", FactKind.LIMIT)),
])
def test_a_target_written_in_words_is_its_projects_bounded_figure(forms, project, what, expected) -> None:
    assert _indicators(forms)[(project, what)] == expected


def test_every_indicator_cites_text_that_prints_its_figure_and_names_its_project(forms) -> None:
    indicators = [f for f in forms.facts if f.table_kind is TableKind.PERFORMANCE and f.measure.endswith("指标")]
    assert len(indicators) == 10
    for fact in indicators:
        assert fact.value in printed_numbers(forms.text[fact.start : fact.end]), fact
        assert fact.subject in fact.context or fact.context.startswith(fact.subject)


def test_a_value_with_no_figure_and_a_name_with_none_state_nothing(tmp_path: Path) -> None:
    text = FORMS.replace("\t12个社区全覆盖\n", "\t社区全覆盖情况\n")
    path = tmp_path / FORMS_FILE
    path.write_text(text, encoding="utf-8")
    assert not any("社区全覆盖" in what for _, what in _indicators(parse_file(path)))


def test_a_form_whose_project_name_holds_单位_still_opens_with_it(tmp_path: Path) -> None:
    """"项目名称 | 县级文物保护单位修缮保护" is the form's opening row, not a note above the table ("编制单位：…")."""
    path = tmp_path / "example-culture-2025-dept-budget.txt"
    path.write_text("\n".join([
        "示例县示例局2025年部门预算", "", "表十二 项目支出绩效目标表",
        "项目名称\t县级文物保护单位修缮保护\t\t", "实施单位\t示例县文物保护中心\t项目资金（万元）\t150.00",
        "一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t修缮文物保护单位数量\t2处",
        "满意度指标\t服务对象满意度指标\t周边群众满意度\t≥90%"]), encoding="utf-8")
    facts = [f for f in parse_file(path).facts if f.origin == "table"]
    assert facts and {f.subject for f in facts} == {"县级文物保护单位修缮保护"}, [(f.subject, f.measure) for f in facts]


@pytest.mark.parametrize("project, field, value", [
    ("社区示例驿站建设", "项目性质", "阶段性项目"),
    ("河道示例保洁", "项目性质", "经常性项目"),
    ("社区示例驿站建设", "实施单位", "示例区示例局社区科"),
    ("河道示例保洁", "主管部门", "示例区示例局"),
    ("社区示例驿站建设", "项目总目标", "为居民提供议事和阅读场所，开展便民咨询服务。"),  # under its label, in the next row
    ("河道示例保洁", "年度目标", "全年河道水面无明显漂浮物。"),
    ("示例便民热线运维经费", "项目总目标", "保障便民热线全年不间断运行，及时受理群众来电。"),  # a form named by its title
])
def test_a_forms_header_fields_are_kept_with_their_values_span(forms, project, field, value) -> None:
    [found] = [f for f in forms.form_fields if (f.project, f.name) == (project, field)]
    assert forms.text[found.start : found.end] == value


def test_a_form_states_only_the_fields_it_prints(forms) -> None:
    titled = {f.name for f in forms.form_fields if f.project == "示例便民热线运维经费"}
    assert titled == {"项目总目标"}
    assert all(forms.text[f.start : f.end] not in field_labels() for f in forms.form_fields)  # a label is no value


@pytest.mark.parametrize("text, value", [("三", 3), ("十", 10), ("十五", 15), ("二十三", 23), ("一百零五", 105), ("两", 2),
                                         ("三五", None), ("百", None), ("", None)])
def test_chinese_numerals_read_as_whole_numbers(text, value) -> None:
    assert chinese_number(text) == value


def test_a_count_in_words_is_printed_before_a_count_unit_only() -> None:
    assert printed_numbers("召开领导小组会议三次以上，督导检查2次") == [Decimal(3), Decimal(2)]
    assert printed_numbers("三公经费第一次") == []


@pytest.mark.parametrize("sentence, expected", [
    ("召开领导小组会议三次以上", [("召开领导小组会议", Decimal(3), "≥")]),
    ("党员群众满意度不少于80%", [("党员群众满意度", Decimal(80), "≥")]),
    ("开展至少1次团体心理治疗", [("开展团体心理治疗", Decimal(1), "≥")]),
    ("单次接待不超过20人", [("单次接待", Decimal(20), "≤")]),
    ("一次性补助三个科室", []),  # a count in words without a bound is no figure
    ("召开会议三五次以上", []),  # nor one that reads as no number
])
def test_bound_words_before_or_after_a_figure_make_it_a_bound(sentence, expected) -> None:
    found = facts_from_line(Line(sentence, 0, len(sentence)))
    assert [(f.subject, f.value, f.qualifier) for f in found] == expected


def test_the_vocabularies_are_consistent() -> None:
    words = bound_words()
    assert words.before and words.after and not set(words.before) & set(words.after)
    assert set(words.before.values()) | set(words.after.values()) <= {"≥", "≤"}
    labels = field_labels()
    assert {"项目性质", "主管部门", "实施单位", "项目总目标", "年度目标"} <= set(labels.values())


GRIDS_HTML = """<html><body><h1>示例市示例局2025年部门预算</h1>
<h2>项目支出绩效目标表</h2><p>单位：万元</p>
<table>
<tr><th>项目名称</th><th>预算金额</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td rowspan="2">示例疫苗接种</td><td rowspan="2">546.00</td><td>产出指标</td><td>数量指标</td><td>适龄儿童疫苗报告接种率</td><td>≥95%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>接种服务满意度</td><td>≥90%</td></tr>
<tr><td>示例健康监测</td><td>328.00</td><td>产出指标</td><td>数量指标</td><td>监测调查户数</td><td>1200户</td></tr>
</table>
<h2>主要项目绩效目标表</h2>
<table>
<tr><th>项目名称</th><th>指标类别</th><th>绩效指标</th><th>目标值</th></tr>
<tr><td>示例校舍维修</td><td>数量指标</td><td>维修改造校舍面积</td><td>≥20000平方米</td></tr>
<tr><td></td><td>质量指标</td><td>工程验收合格率</td><td>100%</td></tr>
<tr><td>示例教师培训</td><td>数量指标</td><td>培训教师人次</td><td>≥3600人次</td></tr>
</table></body></html>
"""


@pytest.fixture(scope="module")
def grids(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path: Path = tmp_path_factory.mktemp("grids") / "grids.html"
    path.write_text(GRIDS_HTML, encoding="utf-8")
    return parse_file(path)


@pytest.mark.parametrize("project, what, expected", [
    ("示例疫苗接种", "适龄儿童疫苗报告接种率", ("数量指标", Decimal(95), "%", "≥", FactKind.RATE)),
    ("示例疫苗接种", "接种服务满意度", ("服务对象满意度指标", Decimal(90), "%", "≥", FactKind.RATE)),
    ("示例健康监测", "监测调查户数", ("数量指标", Decimal(1200), "户", None, FactKind.COUNT)),  # the project named once above
    ("示例校舍维修", "维修改造校舍面积", ("数量指标", Decimal(20000), "平方米", "≥", FactKind.LIMIT)),
    ("示例校舍维修", "工程验收合格率", ("质量指标", Decimal(100), "%", None, FactKind.RATE)),  # the name left blank below
    ("示例教师培训", "培训教师人次", ("数量指标", Decimal(3600), "人次", "≥", FactKind.LIMIT)),
])
def test_a_grid_of_many_projects_gives_each_its_indicators(grids, project, what, expected) -> None:
    assert _indicators(grids)[(project, what)] == expected


def test_a_grids_money_column_is_its_projects_amount(grids) -> None:
    money = {(f.subject, f.measure): f.amount_wan for f in grids.facts if f.table_kind is TableKind.PERFORMANCE
             and f.amount_wan is not None}
    assert money == {("示例疫苗接种", "预算金额"): Decimal(546), ("示例健康监测", "预算金额"): Decimal(328)}


@pytest.mark.parametrize("captions, project", [
    (["表九 项目支出绩效目标表", "项目名称：示例监控运维 主管部门：示例局 项目资金：1260.00万元"], "示例监控运维"),
    (["示例农田建设项目绩效自评情况：项目全年预算数2310.00万元。"], "示例农田建设项目"),
    (["十、项目绩效目标"], None),  # a numbered heading names no project
    (["年度目标：辖区保洁全覆盖"], None),
])
def test_the_project_a_caption_names(captions: list[str], project: str | None) -> None:
    assert captioned_project(captions) == project


@pytest.mark.parametrize("header, grid", [
    (["一级指标", "二级指标", "三级指标", "指标值"], True),
    (["项目名称", "指标类别", "绩效指标", "目标值"], True),
    (["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], True),
    (["项目名称", "预算数", "说明"], False),
    (["指标值"], False),  # a value column alone, with no level of indicator
])
def test_which_header_rows_head_an_indicator_grid(header: list[str], grid: bool) -> None:
    assert heads_indicator_grid(header) is grid


def test_a_grid_whose_levels_are_named_on_a_second_header_row(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [["示例县示例镇人民政府2025年部门预算"], ["示例县示例镇人民政府2025年项目支出绩效目标表"], ["单位：万元"],
                ["项目名称", "预算金额", "绩效指标", None, None, "指标值"], [None, None, "一级指标", "二级指标", "三级指标"],
                ["示例道路硬化", 150, "产出指标", "数量指标", "硬化村组道路里程", "8.5公里"],
                [None, None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]:
        sheet.append(row)
    path = tmp_path / "grid.xlsx"
    workbook.save(path)
    found = _indicators(parse_file(path))
    assert found[("示例道路硬化", "硬化村组道路里程")] == ("数量指标", Decimal("8.5"), "公里", None, FactKind.COUNT)
    assert found[("示例道路硬化", "群众满意度")] == ("服务对象满意度指标", Decimal(90), "%", "≥", FactKind.RATE)


def test_a_self_evaluation_forms_money_in_columns_under_a_row_of_labels(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = [["示例区示例局2024年度部门决算"], ["项目支出绩效自评表"], ["金额单位：元"]]
    for project, figures in (("示例优待金发放", [4800000, 5286000, 5286000, "100.00%", 10, 10]),
                             ("示例陵园改造", [0, 1617920, 1205000, "74.48%", 10, 7.4])):
        rows += [["项目名称", None, project], ["项目资金（元）", None, "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
                 [None, None, *figures], ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                 ["产出指标", "数量指标", "修缮数量", "≥320座", "328座", 15, 15]]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "self-evaluation.xlsx"
    workbook.save(path)
    money = {(f.subject, f.measure): (f.value, f.unit, f.basis) for f in parse_file(path).facts
             if f.table_kind is TableKind.PERFORMANCE and not f.measure.endswith("指标")}
    assert money[("示例陵园改造", "全年执行数")] == (Decimal(1205000), "元", Basis.FINAL)  # a final account's 执行数
    assert money[("示例陵园改造", "完成率")] == (Decimal("74.48"), "%", Basis.ADJUSTED_BUDGET)
    assert money[("示例优待金发放", "年初预算数")] == (Decimal(4800000), "元", Basis.INITIAL_BUDGET)
    assert not [key for key in money if key[1] in ("分值", "得分")]


def test_an_untitled_indicator_table_under_a_form_is_its_projects(tmp_path: Path) -> None:
    """A form (项目名称 | …) then, right under it, a 指标 | 指标值 table whose labels hold kind and name
    ("数量指标：数字化加工画幅数") and whose values count in a unit of their own (万画幅)."""
    from tests.support import word_dump
    form = [("项目名称", "馆藏档案数字化加工"), ("项目资金（万元）", "118.00")]
    grid = [("指标", "指标值"), ("数量指标：数字化加工画幅数", "≥42万画幅"), ("质量指标：图像质量合格率", "≥99.5%")]
    text = (f"示例市示例区档案馆\n\n2025年单位预算\n\n四、馆藏档案数字化加工项目绩效目标表\n{word_dump(form)}\n\n"
            f"{word_dump(grid)}\n\n五、其他说明\n无。\n")
    path = tmp_path / "example-archives-2025-unit-budget.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_file(path)
    indicators = _indicators(doc)
    assert indicators["馆藏档案数字化加工", "数字化加工画幅数"] == ("数量指标", Decimal(42), "万画幅", "≥", FactKind.LIMIT)
    assert indicators["馆藏档案数字化加工", "图像质量合格率"][:3] == ("质量指标", Decimal("99.5"), "%")
    assert [t.title for t in doc.tables] == ["馆藏档案数字化加工项目绩效目标表"] * 2


def test_indicator_grids_each_under_a_list_naming_its_project(tmp_path: Path) -> None:
    """Markdown forms: per project a heading, a list (项目名称 | 某项目; 项目资金) and, right under it, an untitled
    一级 | 二级 | 三级指标 | 指标值 grid: the grid's indicators are that project's, not the title's."""
    def block(number: str, project: str, indicator: str, value: str) -> str:
        return (f"#### （{number}）{project}\n\n| 项目名称 | {project} |\n|:---|:---|\n| 项目资金（万元） | 85.00 |\n\n"
                f"| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|:---|:---|:---|:---|\n| 产出指标 | 数量指标 | {indicator} | {value} |\n"
                "| 满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥95% |\n\n")
    text = ("# 示例市示例局2025年部门预算\n\n### 表14　项目支出绩效目标表\n\n"
            + block("一", "示例优待金发放", "优待金发放人数", "2325人") + block("二", "示例供养楼改造", "改造床位数", "60张")
            + "## 第三部分　名词解释\n\n无。\n")
    path = tmp_path / "example-bureau_2025_dept-budget.md"
    path.write_text(text, encoding="utf-8")
    found = _indicators(parse_file(path))
    assert found[("示例优待金发放", "优待金发放人数")][:3] == ("数量指标", Decimal(2325), "人")
    assert found[("示例供养楼改造", "改造床位数")][:3] == ("数量指标", Decimal(60), "张")
    assert found[("示例供养楼改造", "服务对象满意度")][1:3] == (Decimal(95), "%")


def test_an_indicator_grid_lined_up_by_spaces_is_a_grid(tmp_path: Path) -> None:
    """A form copied out of a PDF as plain text: a 项目名称 line, then a grid whose columns only spaces line up and
    whose targets are words and bounds; a row leaving its first column blank keeps the label above."""
    text = ("示例县示例气象局2025年单位预算\n\n表十一 项目支出绩效目标表\n"
            "项目名称：人工影响天气作业经费        项目金额：68.00万元\n"
            "─────────────────────────────────\n"
            "一级指标    二级指标        三级指标                  指标值\n"
            "─────────────────────────────────\n"
            "产出指标    数量指标        人工影响天气作业次数      ≥45次\n"
            "            质量指标        作业安全事故              0起\n"
            "效益指标    社会效益指标    冰雹灾害损失减少率        ≥20%\n\n二、其他说明\n无。\n")
    path = tmp_path / "example-meteorological-bureau_2025_unit-budget.txt"
    path.write_text(text, encoding="utf-8")
    found = _indicators(parse_file(path))
    assert found[("人工影响天气作业经费", "人工影响天气作业次数")] == ("数量指标", Decimal(45), "次", "≥", FactKind.LIMIT)
    assert found[("人工影响天气作业经费", "作业安全事故")][:3] == ("质量指标", Decimal(0), "起")
    assert found[("人工影响天气作业经费", "冰雹灾害损失减少率")][1:4] == (Decimal(20), "%", "≥")


def test_a_project_named_in_brackets_after_the_form_s_title() -> None:
    assert project_name("表12 项目支出绩效目标表（琤崖省1:5万区域地质调查（南部片区））") == "琤崖省1:5万区域地质调查（南部片区）"
    assert project_name("5、机房升级项目经费绩效目标表") == "机房升级项目经费"


def test_a_departments_own_form_opened_by_部门名称_gives_its_targets(tmp_path: Path) -> None:
    """部门整体支出绩效目标表: the form names the department, not a project; its targets are the department's."""
    rows = ["示例县示例局2025年部门预算", "", "表11 部门整体支出绩效目标表", "单位：元",
            "部门名称\t示例县示例局\t\t", "年度预算资金\t资金总额\t\t6,494,898.00",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t城乡居民参保人数\t≥41.2万人", "\t质量指标\t城乡居民参保率\t≥95%"]
    path = tmp_path / "example-bureau-2025-dept-budget.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    found = _indicators(parse_file(path))
    assert found[("示例县示例局", "城乡居民参保率")] == ("质量指标", Decimal(95), "%", "≥", FactKind.RATE)
    assert found[("示例县示例局", "城乡居民参保人数")][1:3] == (Decimal("41.2"), "万人")
