"""A table of a sub-unit (下属单位) knows whose it is; the department's own tables, and tables under an entry of the
list of units with text between, are nobody else's."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from ingest.scope import sentence_scope, table_scope

DEPARTMENT = "岚江省林业和草原局"


@pytest.mark.parametrize("title, heading, scope", [
    ("岚江省林木种苗站2025年收支预算表", None, "岚江省林木种苗站"),
    ("单位：万元", "（二）岚江省林业科学研究院", "岚江省林业科学研究院"),
    ("表一 岚江省林业和草原局2025年部门收支总表", None, None),
    ("2025年部门收入预算总表", "（一）岚江省林业和草原局（本级）", None),
    ("纳入岚江省林业和草原局2025年部门预算编制范围的单位包括：", None, None),
    ("2025年部门支出预算总表", "三、机构设置", None),
    ("项目支出表", "1.农林水支出（类）林业和草原（款）行政运行（项）", None),
    ("公开07-1表 下属单位“三公”经费支出决算表（岚江省林木种苗站）", None, "岚江省林木种苗站"),
    ("公开05表 一般公共预算财政拨款支出决算表（本级）", None, None),
    ("表2 收入总表（公益一类事业单位）", None, None),
    ("表3 支出总表（岚江省林业和草原局）", None, None),
])
def test_the_body_a_title_or_the_heading_right_above_names(title, heading, scope):
    assert table_scope(title, heading, DEPARTMENT) == scope


def test_a_sub_units_table_is_its_own_and_the_list_of_units_heads_no_table(tmp_path: Path):
    text = ("岚江省林业和草原局\n2025年部门预算\n\n一、部门预算单位构成\n纳入本部门预算编制范围的单位共2个：\n"
            "1. 岚江省林业和草原局（本级）\n2. 岚江省林木种苗站\n本部门预算由上述单位预算组成。\n\n"
            "二、部门收支总表\n单位：万元\n项目\t预算数\n收入合计\t1000.00\n支出合计\t1000.00\n\n"
            "三、下属单位预算\n（一）岚江省林木种苗站\n单位：万元\n项目\t预算数\n收入合计\t80.00\n支出合计\t80.00\n")
    path = tmp_path / "lanjiang-forestry-2025-dept-budget.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse_file(path)
    scopes = {f.value: f.scope for f in doc.facts if f.origin == "table" and f.subject == "收入合计"}
    assert {str(v): s for v, s in scopes.items()} == {"1000.00": None, "80.00": "岚江省林木种苗站"}


@pytest.mark.parametrize("sentence, scope", [
    ("分单位看：1.岚江省林业和草原局本级收入预算600.00万元", "本级"),
    ("1.岚江省林业和草原局（本级）收入预算600.00万元", "本级"),
    ("2.岚江省林木种苗站收入预算80.00万元，支出预算80.00万元", "岚江省林木种苗站"),
    ("岚江省林业和草原局2025年收入预算1000.00万元", None),
    ("岚江省林业和草原局机关运行经费50.00万元", None),  # an item that opens with 机关
    ("岚江林草局2025年收入预算1000.00万元", None),  # the department's name written short
    ("林木种苗站收入预算80.00万元", None),  # a unit named without its place may be the department's own words
    ("2025年收入预算1000.00万元", None),
    # a list of units, one clause each: the unit right before its figure, not the first clause's own office
    ("分单位看：岚江省林业和草原局（本级）600.00万元；岚江省林木种苗站80.00万元", "岚江省林木种苗站"),
    ("（三）局本级2025年收入预算600.00万元", "本级"),  # the department's organ word alone, then 本级
    # units listed one after another, a comma apart: each figure is the unit's its part of the clause opens with
    ("分单位看，岚江省林业和草原局（本级）支出600.00万元", "本级"),
    ("分单位看，岚江省林业和草原局（本级）支出600.00万元，岚江省林木种苗站支出80.00万元", "岚江省林木种苗站"),
    ("局内设7个科室，下属岚江省林木种苗站1个事业单位", None),  # the department's count of its units
    # the own office with units beside it: what these bodies spend together is the department's
    ("岚江省林业和草原局本级及岚江省林业执法总队（参照公务员法管理）机关运行经费预算512.60万元", None),
    ("局本级和岚江省林业执法总队机关运行经费预算512.60万元", None),
    # a unit's duty, then what it did: the unit's figure; the department's own duty sentence stays the department's
    ("岚江省林木种苗站负责全省林木良种推广，2024年末在册良种基地12个", "岚江省林木种苗站"),
    ("岚江省林业和草原局负责全省林业工作，共有车辆98辆", None),
    # a note after the unit's name holding a comma or a count is no part of it
    ("岚江省林业执法总队（参照公务员法管理事业单位，编制72人，实有68人）2025年预算2757.85万元", "岚江省林业执法总队"),
    ("岚江省林业执法总队（编制72人）2025年预算2757.85万元；支出中基本支出2151.85万元，项目支出606.00万元", "岚江省林业执法总队"),
    ("局机关（本级）2025年预算9062.47万元；基本支出6065.97万元，项目支出2996.50万元", "本级"),
])
def test_the_unit_a_sentence_opens_with(sentence, scope):
    assert sentence_scope(sentence, len(sentence), DEPARTMENT) == scope


UNIT_PARAGRAPH = ("二、下属单位情况\n岚江省林木种苗站为本部门所属公益一类事业单位，核定事业编制30名。2025年该站收入预算"
                  "800,000.00元，其中：财政拨款700,000.00元；支出预算800,000.00元。与2024年预算900,000.00元相比，减少100,000.00元。"
                  "该站2025年“三公”经费预算12,000.00元。2025年支出合计790,000.00元，其中项目支出56,000.00元。"
                  "本部门2025年项目支出总计3,100,000.00元。\n2025年本部门收入预算1000.00万元。")


@pytest.mark.parametrize("figure, scope", [
    ("30名", "岚江省林木种苗站"),  # the sentence that opens with the unit
    ("800,000.00元", "岚江省林木种苗站"),  # 2025年该站…: the unit the paragraph opens with
    ("700,000.00元", "岚江省林木种苗站"),
    ("；支出预算800,000.00元", "岚江省林木种苗站"),  # a clause naming no body: its sentence's
    ("900,000.00元", "岚江省林木种苗站"),  # 与2024年预算…相比: the sentence before it
    ("12,000.00元", "岚江省林木种苗站"),
    ("790,000.00元", "岚江省林木种苗站"),  # a sentence naming no body: the unit its paragraph opens with
    ("56,000.00元", "岚江省林木种苗站"),
    ("3,100,000.00元", None),  # the department speaking of itself
    ("1000.00万元", None),  # the next paragraph is the department's again
])
def test_a_sub_units_paragraph_speaks_for_it(figure, scope):
    end = UNIT_PARAGRAPH.index(figure) + len(figure)
    assert sentence_scope(UNIT_PARAGRAPH, end, DEPARTMENT) == scope


LISTED_UNITS = ("纳入本部门2025年部门预算编制范围的单位共2个，包括：局本级、岚江省林木种苗站。截至2024年底，部门编制人数187人，"
                "实有在职人员174人。")


OWN_OFFICES = "岚江省林业和草原局内设机构7个，分别是：办公室、规划部、社会活动部。全市设分馆12个、流动服务点40个。"


INNER_OFFICES = ("岚江省林木种苗站内设办公室、育苗部2个部门，下设城关苗圃管理所、东山苗圃管理所2个管理所（不单独核算）。"
                 "本单位核定事业编制32名，实有在职人员29人。")


def test_a_paragraph_opening_with_a_list_of_units_or_offices_speaks_for_the_department():
    assert sentence_scope(LISTED_UNITS, LISTED_UNITS.index("174人") + 4, DEPARTMENT) is None
    assert sentence_scope(OWN_OFFICES, OWN_OFFICES.index("12个") + 3, DEPARTMENT) is None
    # a sentence listing its offices and the bodies under it is no unit's name heading the paragraph
    assert sentence_scope(INNER_OFFICES, INNER_OFFICES.index("29人") + 3, "岚江省林木种苗站") is None


HEADED_PARAGRAPHS = ("（一）岚江省林木种苗站。2025年收入预算80.00万元，全部为一般公共预算拨款。支出预算80.00万元，其中项目支出"
                     "12.00万元。\n（二）岚江省林业和草原局。2025年收入预算1000.00万元。\n2025年本部门项目支出300.00万元。")


@pytest.mark.parametrize("figure, scope", [
    ("80.00万元，全部", "岚江省林木种苗站"),  # a paragraph headed by the unit's name alone speaks of it
    ("12.00万元", "岚江省林木种苗站"),
    ("1000.00万元", None),  # headed by the department's own name
    ("300.00万元", None),  # a paragraph with no heading of its own
])
def test_a_paragraph_headed_by_a_units_name_speaks_for_it(figure, scope):
    end = HEADED_PARAGRAPHS.index(figure) + len(figure.split("，")[0])
    assert sentence_scope(HEADED_PARAGRAPHS, end, DEPARTMENT) == scope


UNITS_BY_QUOTED_ITEM = ("分单位看，局机关本级“三公”经费预算28,000.00元（公务用车运行费20,000.00元、公务接待费8,000.00元）；"
                        "示例区医疗保障事务中心“三公”经费预算20,000.00元，详见第四部分。")


@pytest.mark.parametrize("figure, scope", [("28,000.00元", "本级"), ("8,000.00元）", "本级"),
                                           ("20,000.00元，", "示例区医疗保障事务中心")])
def test_a_units_figure_written_with_thousands_separators_before_a_quoted_item(figure, scope):
    """The comma of 28,000.00 opens no clause; a unit named right before a quoted item ("某中心“三公”经费") is named."""
    end = UNITS_BY_QUOTED_ITEM.index(figure) + len(figure.rstrip("），"))
    assert sentence_scope(UNITS_BY_QUOTED_ITEM, end, "示例区医疗保障局") == scope
