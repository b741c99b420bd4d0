"""Tables a text file prints one cell per line (copied from a web page): read back into rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ingest.loaders.cell_lines import stacked_cells
from ingest.pipeline import parse_file

TWO_SIDES = ["表1 示例省示例会2025年部门收支总表", "单位：万元", "收入项目", "预算数", "支出项目", "预算数",
             "一、一般公共预算拨款收入", "7328.73", "一、一般公共服务支出", "5407.34",
             "二、事业收入", "230.00", "二、教育支出", "805.24",
             "本年收入合计", "7558.73", "本年支出合计", "6212.58"]
BY_UNIT = ["表2 示例省示例会2025年部门收入总表", "单位：万元", "单位编码", "单位名称", "合计", "事业收入", "其他收入",
           "", "合计", "1233.67", "130.00", "80.00",
           "101001", "示例会（本级）", "230.00", "", "",
           "101003", "示例省妇女干部学校", "1003.67", "130.00", "80.00", "", ""]


def test_a_two_sided_table_one_cell_per_line_is_read_as_rows() -> None:
    lines = stacked_cells(TWO_SIDES)
    assert lines[2] == "收入项目\t预算数\t支出项目\t预算数"
    assert lines[3] == "一、一般公共预算拨款收入\t7328.73\t一、一般公共服务支出\t5407.34"
    assert len(lines) == 2 + 1 + 3


def test_empty_cells_are_empty_lines_and_the_blank_after_the_table_stays_text() -> None:
    lines = stacked_cells(BY_UNIT)
    assert lines[2] == "单位编码\t单位名称\t合计\t事业收入\t其他收入"
    assert lines[3] == "\t合计\t1233.67\t130.00\t80.00"
    assert lines[4] == "101001\t示例会（本级）\t230.00\t\t"
    assert lines[-1] == ""  # one blank line left over: no cell of the last row


def test_lines_that_make_no_table_are_kept() -> None:
    prose = ["表3 说明", "本部门无政府性基金预算。", "第三部分 情况说明", "一、收支情况", "收入100万元。"]
    assert stacked_cells(prose) == prose
    uneven = ["表4 示例表", "单位：万元", "项目", "金额", "办公费", "12.00", "差旅费"]
    assert stacked_cells(uneven) == uneven


def test_a_web_page_copied_as_text_gives_its_tables_figures(tmp_path: Path) -> None:
    path = tmp_path / "example-federation_2025_dept-budget.txt"
    path.write_text("\n".join(["示例省示例联合会2025年部门预算", "", *TWO_SIDES, "", *BY_UNIT, "", "第三部分 情况说明",
                               "2025年收入预算7558.73万元。"]), encoding="utf-8")
    figures = {(f.subject, f.measure): f.value for f in parse_file(path).facts if f.origin == "table"}
    assert figures["示例省妇女干部学校", "合计"] == Decimal("1003.67")
    assert figures["一般公共服务支出", "预算数"] == Decimal("5407.34")
