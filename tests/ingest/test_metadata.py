"""Department detection on small generated openings: the shapes real disclosures print, and invented ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.metadata import detect_metadata
from ingest.model import Line, RawDocument
from ingest.pipeline import parse_file

CONTENTS = "\n目 录\n一、部门主要职能\n二、部门机构设置\n三、名词解释\n四、部门预算编制说明\n"
FINAL_CONTENTS = "\n目 录\n第一部分 {name}概况\n一、主要职能\n第二部分 {name}2024年度部门决算表\n一、收入支出决算总表\n"


def document(text: str) -> RawDocument:
    """A raw document with one line per text line, as the txt loader gives."""
    lines: list[Line] = []
    at = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(raw, at, at + len(raw)))
        at += len(raw) + 1
    return RawDocument(text=text, lines=lines, tables=[], source="opening.txt", format="txt")


def department(text: str) -> str | None:
    return detect_metadata(document(text)).department


# ---------------------------------------------------------------- shapes of the shared documents


@pytest.mark.parametrize(
    "name",
    ["上海市普陀区人民政府万里街道办事处", "上海市普陀区商务委员会", "上海市普陀区人民政府办公室", "上海市普陀区司法局"],
)
def test_district_budget_cover_with_labelled_department(name: str) -> None:
    text = f"上海市普陀区2025年区级部门预算\n预算主管部门：{name}\n{CONTENTS}五、部门预算表\n1. 2025年部门财务收支预算总表\n"
    assert department(text) == name


def test_unit_budget_title_line_and_label() -> None:
    text = "上海市普陀区社会福利院2024年单位预算\n预算单位：上海市普陀区社会福利院\n" + CONTENTS
    assert department(text) == "上海市普陀区社会福利院"


def test_municipal_unit_budget_title_names_only_the_place() -> None:
    text = "上海市2025年市级单位预算\n预算单位：上海市财政局\n" + CONTENTS + "\n上海市财政局（单位）主要职能\n"
    assert department(text) == "上海市财政局"


def test_unit_label_keeps_the_basic_level_mark() -> None:
    text = "上海市普陀区2026年区级单位预算\n预算单位：上海市普陀区人民政府石泉路街道办事处（本级）\n" + CONTENTS
    assert department(text) == "上海市普陀区人民政府石泉路街道办事处（本级）"


def test_the_unit_not_its_supervising_department_and_no_note_on_its_name() -> None:
    text = ("示例市示例区档案馆\n2025年单位预算\n预算单位：示例市示例区档案馆（单位编码：218006）\n"
            "主管部门：中共示例市示例区委办公室\n" + CONTENTS)
    assert department(text) == "示例市示例区档案馆"
    cover_and_supervisor = "示例市示例区档案馆\n2025年单位预算\n主管部门：中共示例市示例区委办公室\n" + CONTENTS
    assert department(cover_and_supervisor) == "示例市示例区档案馆"
    assert department("2025年单位预算\n主管部门：示例市示例区卫生健康委员会\n" + CONTENTS) == "示例市示例区卫生健康委员会"


@pytest.mark.parametrize("name", ["上海市普陀区财政局", "上海市普陀区规划和自然资源局"])
def test_final_account_cover_line_not_the_part_headings(name: str) -> None:
    text = f"{name}\n2024 年度部门决算\n" + FINAL_CONTENTS.format(name=name)
    assert department(text) == name


def test_final_account_title_with_spaced_year() -> None:
    name = "中共上海市普陀区委社会工作部"
    text = f"{name} 2024 年度部门决算\n" + FINAL_CONTENTS.format(name=name)
    assert department(text) == name


def test_web_page_title_with_explanation() -> None:
    text = "重庆市交通委员会2018年部门预算情况说明\n更新时间：2018-03-06\n一、单位基本情况\n重庆市交通委员会是在2000年政府机构改革中组建的。\n"
    assert department(text) == "重庆市交通委员会"


def test_party_committee_cover_and_explanation_title() -> None:
    text = (
        "中共廊坊市委政法委员会\n\n2020年部门预算信息公开情况说明\n\n"
        "按照《预算法》和《河北省省级预算公开办法》规定，现将中共廊坊市委政法委员会2020年部门预算公开如下：\n"
        "一、部门职责及机构设置情况\n"
    )
    assert department(text) == "中共廊坊市委政法委员会"


# ---------------------------------------------------------------- invented shapes


def test_organ_word_not_in_the_old_list_is_kept_whole() -> None:
    assert department("江苏省人大常委会办公厅2024年部门预算\n" + CONTENTS) == "江苏省人大常委会办公厅"


@pytest.mark.parametrize("name", ["渫州市总工会", "渫州市科学技术协会", "渫州市工人文化宫", "渫州市台湾同胞联谊会",
                                  "中国共产党潏州市委员会党校", "潏州职业技术学院"])
def test_mass_organisations_are_publishers(name: str) -> None:
    assert department(f"{name}2025年部门预算\n" + CONTENTS) == name


def test_labelled_name_broken_by_a_line_end() -> None:
    text = "2024年部门预算\n编制单位：江苏省人大\n常委会办公厅\n" + CONTENTS
    assert department(text) == "江苏省人大常委会办公厅"


def test_labelled_name_broken_by_a_space() -> None:
    assert department("2024年部门预算\n部门名称：江苏省人大 常委会办公厅\n" + CONTENTS) == "江苏省人大常委会办公厅"


def test_cover_name_broken_over_two_lines() -> None:
    assert department("江苏省人大\n常委会办公厅\n2024年部门预算\n" + CONTENTS) == "江苏省人大常委会办公厅"


def test_labelled_name_stops_at_the_next_field() -> None:
    text = "2025年部门预算\n部门名称：深圳市南山区发展和改革局 部门代码：101001\n" + CONTENTS
    assert department(text) == "深圳市南山区发展和改革局"


def test_unit_label_beats_the_supervising_department() -> None:
    text = "2025年单位预算\n主管部门：某区民政局\n单位名称：某区社会福利院\n" + CONTENTS
    assert department(text) == "某区社会福利院"


@pytest.mark.parametrize("unit", ["某县公证处", "某市水库管理处"])
def test_a_unit_whose_name_ends_in_处_beats_its_supervising_department(unit: str) -> None:
    text = f"封面\n{unit}\n2025年单位预算\n主管部门：某县司法局\n预算单位：{unit}\n" + CONTENTS
    assert department(text) == unit


def test_fuller_name_beats_a_short_title() -> None:
    text = "财政局2025年部门预算\n预算主管部门：某市财政局\n" + CONTENTS
    assert department(text) == "某市财政局"


@pytest.mark.parametrize(
    "text",
    [
        "第二部分\n某某部门决算表\n",
        "目 录\n第一部分 部门概况\n第二部分 部门预算表\n",
        "一、部门主要职能\n二、部门机构设置\n",
        "第二部\n部门预算说明\n",
        "2025年预算说明\n\n公务接待费0.63万元。\n",
        "部门预算说明\n部门预算编制说明\n",
    ],
)
def test_headings_are_never_the_department(text: str) -> None:
    assert department(text) is None


def test_cover_stops_at_the_contents() -> None:
    text = "2025年部门预算\n目录\n上海市普陀区财政局\n"
    assert department(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某县文化和旅游局\n2025年部门预算\n" + CONTENTS, "某县文化和旅游局"),
        ("内蒙古自治区财政厅2023年部门决算\n" + CONTENTS, "内蒙古自治区财政厅"),
        ("某区住房和城乡建设管理委员会 2025 年部门预算\n" + CONTENTS, "某区住房和城乡建设管理委员会"),
        ("上海市普陀区某某街道办事处\n\n2025年部门预算\n\n一、财务收支预算总表\n", "上海市普陀区某某街道办事处"),
        ("某市人力资源和社会保障局（本级）2025年单位预算\n" + CONTENTS, "某市人力资源和社会保障局（本级）"),
        ("2024年度某区卫生健康委员会部门决算\n" + CONTENTS, "某区卫生健康委员会"),  # the year first
        ("2025年区级部门预算\n单位名称：某区社会福利院\n" + CONTENTS, "某区社会福利院"),
    ],
)
def test_invented_covers(text: str, name: str) -> None:
    assert department(text) == name


def test_a_workbook_opening_on_its_first_table_gives_the_year_and_kind_of_its_title() -> None:
    """The first sheet's title ("…2025年单位收支预算总表") says the year, though later sheets print 2024年 columns."""
    from ingest.model import DocumentKind
    text = ("收支总表\n示例市疾病预防控制中心2025年单位收支预算总表\n单位名称：示例市疾病预防控制中心\t单位：元\n"
            + "一般公共预算支出表\n项目\t2024年预算数\t2025年预算数\n" * 3)
    found = detect_metadata(document(text))
    assert (found.year, found.kind) == (2025, DocumentKind.UNIT_BUDGET)


def test_a_sheet_name_above_the_cover_is_no_part_of_the_name() -> None:
    assert department("封面\n示例市示例区退役军人事务局\n2024年度部门决算\n" + CONTENTS) == "示例市示例区退役军人事务局"


def test_the_title_says_the_kind_though_a_duty_names_a_final_account() -> None:
    from ingest.model import DocumentKind
    budget = "示例市审计局2025年部门预算\n\n一、主要职能\n对市本级预算执行情况、决算草案以及其他财政收支进行审计监督。\n"
    assert detect_metadata(document(budget)).kind is DocumentKind.DEPT_BUDGET
    final = "示例市审计局\n2024年度部门决算\n\n一、主要职能\n组织编制预算。\n"
    assert detect_metadata(document(final)).kind is DocumentKind.FINAL_ACCOUNT


def test_a_cooperative_is_a_body_that_publishes(tmp_path: Path) -> None:
    path = tmp_path / "coop_2025_dept-budget.txt"
    path.write_text("某县供销合作社联合社2025年部门预算\n\n一、部门职责\n县供销社负责全县供销合作事业。\n", encoding="utf-8")
    assert parse_file(path).meta.department == "某县供销合作社联合社"


@pytest.mark.parametrize("name", ["潕阳市湉岠区红十字会", "潕阳市湉岠区科学技术协会"])
def test_a_mass_organisations_title_names_it(name: str) -> None:
    assert department(f"{name}\n2025年部门预算\n\n第一部分 部门概况\n{name}是人道救助社会团体。\n") == name


@pytest.mark.parametrize("title", ["泠岙区萁滩街道办事处２０２５年部门预算", "泠岙区萁滩街道办事处2025年部门预算"])
def test_a_title_in_full_width_digits_names_its_body_and_year(title: str) -> None:
    found = detect_metadata(document(f"{title}\n{CONTENTS}"))
    assert (found.department, found.year) == ("泠岙区萁滩街道办事处", 2025)


def test_a_sheet_name_above_a_party_bodys_name_is_no_part_of_it() -> None:
    assert department("封面\n中共岺溪县委党校\n2025年单位预算\n编制单位：中共岺溪县委党校（公章）\n" + CONTENTS) == "中共岺溪县委党校"
