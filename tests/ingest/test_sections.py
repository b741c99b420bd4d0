"""The section tree built from heading lines."""

from __future__ import annotations

import pytest

from ingest.model import Line
from ingest.sections import build_sections, heading_level


def lines_of(text: str) -> list[Line]:
    lines, start = [], 0
    for row in text.split("\n"):
        lines.append(Line(row, start, start + len(row)))
        start += len(row) + 1
    return lines


@pytest.mark.parametrize("line, level", [
    ("第二部分 部门预算情况说明", 1), ("十、项目支出预算及绩效目标情况", 2), ("（三）机关运行经费", 3), ("3. 政府采购", 4),
    ("项目三：省级临床重点专科（心血管内科）建设项目", 4), ("项目2、道路养护项目", 4), ("表7  “三公”经费预算表", 5),
    ("项目单位：云岭州第一人民医院", None), ("项目概况：医院现有磁共振设备2台。", None), ("2025年本单位项目支出预算共5个项目。", None),
])
def test_heading_levels(line, level) -> None:
    assert heading_level(line) == level


def test_a_project_block_is_a_section_under_the_part_that_lists_projects() -> None:
    text = ("十、项目支出预算及绩效目标情况\n项目一：大型医用设备购置项目\n预算金额：3000.00万元。\n"
            "项目二：公立医院综合改革补助项目\n预算金额：2500.00万元。\n十一、名词解释\n")
    sections = build_sections(lines_of(text), len(text))
    paths = [s.path for s in sections]
    assert paths == [("十、项目支出预算及绩效目标情况",),
                     ("十、项目支出预算及绩效目标情况", "项目一：大型医用设备购置项目"),
                     ("十、项目支出预算及绩效目标情况", "项目二：公立医院综合改革补助项目"),
                     ("十一、名词解释",)]
    first_block = sections[1]
    assert text[first_block.start:first_block.end].endswith("预算金额：3000.00万元。\n")
