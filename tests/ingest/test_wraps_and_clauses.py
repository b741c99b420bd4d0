"""Prose hard-wrapped at any width where paragraphs open indented; a unit's part in brackets after an item's figure;
a change stated of 收支 jointly, copied to each side's whole."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.facts import facts_from_line
from ingest.loaders import load
from ingest.model import Line

WRAPPED = [
    {"page": 1, "text": "一、收支预算总体情况\n"
                        "\u3000\u30002025年本单位收支总预算1155.36万元，其中本年收入1135.36\n"
                        "万元、上年结转结余20.00万元。收支总预算比2024年预算1018.65万\n"
                        "元增加136.71万元，增长13.42%。\n"
                        "二、支出预算情况\n"
                        "\u3000\u30001.行政运行（项）307.02万元，比上年增加8.46万元，增长\n"
                        "2.83%。主要原因是人员工资正常晋档调标。\n"
                        "\u3000\u30002.一般行政管理事务（项）24.00万元。\n"},
]


def test_indented_paragraphs_join_their_wrapped_lines_at_any_width(tmp_path: Path) -> None:
    path = tmp_path / "pages.json"
    path.write_text(json.dumps(WRAPPED, ensure_ascii=False), encoding="utf-8")
    lines = [ln.text.strip() for ln in load(path).lines]
    assert "收支总预算比2024年预算1018.65万元增加136.71万元，增长13.42%。" in lines[1]
    assert lines[3] == "1.行政运行（项）307.02万元，比上年增加8.46万元，增长2.83%。主要原因是人员工资正常晋档调标。"
    assert lines[4] == "2.一般行政管理事务（项）24.00万元。"  # a numbered line is a paragraph of its own
    assert lines[2] == "二、支出预算情况"  # a heading never runs on


def facts_of(sentence: str) -> list[tuple[str, str, str]]:
    return [(f.subject, f.measure, str(f.value)) for f in facts_from_line(Line(sentence, 0, len(sentence)))]


def test_a_units_part_in_brackets_is_the_units_part_of_the_item() -> None:
    found = facts_of("州民宗委核定编制46名，其中：行政编制24名，事业编制22名（民族语文工作站14名，民族团结进步教育中心8名）。")
    assert ("事业编制", "金额", "22") in found
    assert ("民族语文工作站事业编制", "金额", "14") in found and ("民族团结进步教育中心事业编制", "金额", "8") in found


def test_a_bracket_after_a_figure_that_names_no_body_is_left_alone() -> None:
    assert ("收入合计", "比上年增加", "20") in facts_of("收入合计500万元（比上年增加20万元）。")


def test_a_change_stated_of_收支_jointly_is_each_sides() -> None:
    found = facts_of("2025年收入总计27923.50万元，支出总计27923.50万元，与2024年预算25723.00万元相比，收支总预算各增加2200.50万元，"
                     "增长8.55%。")
    for side in ("收入总计", "支出总计"):
        assert (side, "比上年增加", "2200.50") in found and (side, "比上年增加幅度", "8.55") in found


def test_a_joint_change_is_not_copied_to_a_part() -> None:
    found = facts_of("收入预算100万元，其中财政拨款收入80万元，支出预算120万元，收支总预算各增加5万元。")
    assert not any(subject == "财政拨款收入" and measure.startswith("比上年") for subject, measure, _ in found)



def test_an_item_said_with_its_level_keeps_the_的_in_its_name() -> None:
    """"财政对城乡居民基本医疗保险基金的补助（项）": a 功能分类 item whose name holds 的, not "补助（项）"."""
    found = facts_of("1. 财政对城乡居民基本医疗保险基金的补助（项）3,280.00万元，比上年增加160.00万元。")
    assert {subject for subject, _, _ in found} == {"财政对城乡居民基本医疗保险基金的补助（项）"}


def test_parts_listed_after_分别为_carry_the_measure_and_own_the_figures_beside_them() -> None:
    """"三个站点服务面积分别为：甲站1.20万平方米，职工5人；乙站…": each part's area, and its own staff count."""
    found = facts_of("三个站点服务面积分别为：溱北站点1.20万平方米，职工5人；洧南站点0.80万平方米，职工4人；"
                     "汧西站点0.60万平方米，职工3人。")
    assert ("洧南站点服务面积", "金额", "0.80") in found and ("汧西站点职工", "金额", "3") in found
    assert ("溱北站点职工", "金额", "5") in found
    assert not any(subject == "职工" for subject, _, _ in found)


def test_a_count_of_people_after_分别为_is_not_a_list_of_parts() -> None:
    found = facts_of("2名副局长分别为：办公室主任兼任，编制3人。")
    assert ("编制", "金额", "3") in found
