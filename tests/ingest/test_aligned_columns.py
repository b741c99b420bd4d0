"""Tables in text saved with its layout (columns lined up with spaces): cells read from where they stand, names
wrapped inside their column joined, a table run on over a page break, and lines that do not keep their columns
left to the header words."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ingest.display_width import display_width
from ingest.loaders.aligned_columns import aligned_rows
from ingest.pipeline import parse_file

# display columns of 序号 | 项目名称 | 实施单位 | 项目类型 | 合计 | 一般公共预算拨款 | 其他资金; figures right-aligned
WIDTHS = (6, 26, 26, 10, 12, 12, 12)
LEFT = 4  # the first four columns hold text, left-aligned


def aligned(*cells: str) -> str:
    """One line of a layout-preserving text table: each cell padded to its column by display width."""
    out = ""
    for i, (cell, width) in enumerate(zip(cells, WIDTHS, strict=False)):
        pad = " " * (width - display_width(cell))
        out += cell + pad if i < LEFT else pad + cell
    return out.rstrip()


HEADER = [aligned("序号", "项目名称", "实施单位", "项目", "合计", "一般公共", "其他资金"),
          aligned("", "", "", "类型", "", "预算拨款", "")]
PROJECTS = "\n".join([
    "示例省示例厅2025年部门预算", "", "一、部门职责", "本部门负责全省的示例管理工作。", "",
    "项目支出预算表", "单位：万元", *HEADER,
    aligned("", "合计", "", "", "9,745.50", "8,280.00", "1,465.50"),
    aligned("1", "省级示例监测网络运行维", "省示例监测中心", "经常性", "3,860.00", "3,560.00", "300.00"),
    aligned("", "护"),
    aligned("2", "重点流域水污染防治与入", "厅本级", "一次性", "4,350.00", "4,350.00", ""),
    aligned("", "河排污口整治"),
    aligned("3", "固体废物与危险废物规范", "省固体废物与化学品环境", "经常性", "1,126.50", "1,126.50", ""),
    "", "第 7 页 共 9 页", "", "示例省示例厅2025年部门预算", "",
    aligned("", "化环境管理", "管理中心"),
    aligned("4", "核与辐射安全监管", "省辐射环境监督站", "经常性", "409.00", "409.00", ""),
    aligned("", "其中：示例子项", "", "", "", "", ""),
    "", "第 8 页 共 9 页", "", "示例省示例厅2025年部门预算", "",
    "二、其他说明", "本部门无政府性基金预算支出。", "", "第 9 页 共 9 页", "", "示例省示例厅2025年部门预算", "",
])


def project_figures(tmp_path: Path) -> dict[tuple[str, str], Decimal]:
    path = tmp_path / "example-province-dept-2025-dept-budget.txt"
    path.write_text(PROJECTS, encoding="utf-8")
    doc = parse_file(path)
    return {(f.subject, f.measure): f.value for f in doc.facts if f.origin == "table"}


def test_cells_stand_in_their_columns_and_wrapped_names_are_joined(tmp_path: Path) -> None:
    figures = project_figures(tmp_path)
    assert figures["省级示例监测网络运行维护", "合计"] == Decimal("3860.00")
    assert figures["省级示例监测网络运行维护", "其他资金"] == Decimal("300.00")
    assert figures["重点流域水污染防治与入河排污口整治", "一般公共预算拨款"] == Decimal("4350.00")
    assert ("重点流域水污染防治与入河排污口整治", "其他资金") not in figures  # a blank cell is no figure


def test_a_table_runs_on_over_a_page_break_and_its_name_wrapped_over_it(tmp_path: Path) -> None:
    figures = project_figures(tmp_path)
    assert figures["固体废物与危险废物规范化环境管理", "合计"] == Decimal("1126.50")
    assert figures["核与辐射安全监管", "一般公共预算拨款"] == Decimal("409.00")


def test_a_label_row_that_does_not_fill_its_column_is_a_row_of_its_own() -> None:
    rows = aligned_rows(HEADER, [
        aligned("1", "示例项目甲", "厅本级", "经常性", "10.00", "10.00", ""),
        aligned("", "其中：示例子项"),
        aligned("2", "示例项目乙", "厅本级", "经常性", "20.00", "20.00", ""),
    ])
    assert rows is not None
    assert rows[0] == ["序号", "项目名称", "实施单位", "项目类型", "合计", "一般公共预算拨款", "其他资金"]
    assert [row[1] for row in rows[1:]] == ["示例项目甲", "其中：示例子项", "示例项目乙"]


def test_a_header_word_over_several_columns_heads_each_of_them() -> None:
    head = [" " * 26 + "2024年预算数", "项目" + " " * 20 + "合计" + " " * 4 + "基本支出"]
    lines = ["行政运行" + " " * 14 + "100.00" + " " * 7 + "80.00",
             "一般行政管理事务" + " " * 7 + "20.00" + " " * 7 + "20.00"]
    assert aligned_rows(head, lines) == [["", "2024年预算数", "2024年预算数"], ["项目", "合计", "基本支出"],
                                         ["行政运行", "100.00", "80.00"], ["一般行政管理事务", "20.00", "20.00"]]


def test_two_sides_and_unaligned_lines_are_left_to_the_header_words() -> None:
    two_sides = aligned_rows(["项目          预算数    项目              预算数"],
                             ["一、财政拨款  685.00    一、社会保障支出  194.00",
                              "二、事业收入  96.00     二、卫生健康支出  587.00"])
    assert two_sides is None
    single_spaced = aligned_rows(["项目 合计 基本支出 项目支出"],
                                 ["201 一般公共服务支出 3,000,000 1,000,000 2,000,000",
                                  "2010301 行政运行 1,000,000 1,000,000"])
    assert single_spaced is None


ONE_COLUMN = "\n".join([
    "示例县示例中学2025年单位预算", "", "表五　基本支出预算表（按经济分类）", "　　　　　　　　　　　　　　　　单位：元",
    "科目编码　　科目名称　　　　　　　　　　　　　　预算数",
    "　　　　　　人员经费合计　　　　　　　　　　　　24304936.00",
    "30101　　　基本工资　　　　　　　　　　　　　　7286400.00",
    "30102　　　津贴补贴　　　　　　　　　　　　　　2586800.00",
    "30205　　　水费　　　　　　　　　　　　　　　　236800.00",
    "30206　　　电费　　　　　　　　　　　　　　　　682400.00",
    "", "二、其他说明", "目录 3", "第一部分 单位概况 4", "第二部分 预算表 5",
])


def test_one_figure_column_aligned_with_wide_spaces_is_a_table_with_its_codes(tmp_path: Path) -> None:
    path = tmp_path / "example-school-2025-unit-budget.txt"
    path.write_text(ONE_COLUMN, encoding="utf-8")
    doc = parse_file(path)
    figures = {f.subject: f.value for f in doc.facts if f.origin == "table"}
    assert figures["水费"] == Decimal("236800.00") and figures["电费"] == Decimal("682400.00")
    assert "30205\t水费\t236800.00" in doc.text  # the 科目编码 is a cell of its own, not a figure beside the name
    assert "第二部分 预算表 5" in doc.text and "第二部分 预算表" not in figures  # page numbers of a contents list are no table


def test_a_column_of_codes_headed_as_codes_is_no_side_of_amounts() -> None:
    """单位编码 on the left and 功能科目编码 on the right hold codes, not amounts: the table has one side."""
    head = ["单位编码  单位名称              合计    事业收入  功能科目",
            "                                                      编码"]
    rows = ["301001    某局（本级）        286.00              2013802",
            "301002    某检验所            570.00    570.00    2013810"]
    assert aligned_rows(head, rows) == [
        ["单位编码", "单位名称", "合计", "事业收入", "功能科目编码"],
        ["301001", "某局（本级）", "286.00", "", "2013802"],
        ["301002", "某检验所", "570.00", "570.00", "2013810"],
    ]
