"""DOCX and XLSX loaders: body order, merged cells, number formatting, exact offsets, broken files."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
import openpyxl
import pytest

from ingest.errors import IngestError
from ingest.loaders import load
from ingest.model import TableKind
from ingest.pipeline import parse_file
from loader_support import assert_offsets, grid



# ---------------------------------------------------------------- DOCX


@pytest.fixture
def budget_docx(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_heading("一、“三公”经费预算情况说明", level=1)
    d.add_paragraph("2024年公务接待费0.63万元，比上年减少0.1万元。")
    d.add_paragraph("2024年“三公”经费预算表")
    d.add_paragraph("单位：万元")
    t = d.add_table(rows=4, cols=4)
    values = [
        ["科目", "项目", "预算数", None],
        [None, None, "本年", "上年"],
        ["一般公共服务支出", "公务接待费", "0.63", "0.73"],
        [None, "公务用车运行费", "7", "7"],
    ]
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if value is not None:
                t.cell(r, c).text = value
    t.cell(0, 2).merge(t.cell(0, 3))  # 预算数 spans two columns
    t.cell(0, 0).merge(t.cell(1, 0))  # 科目 spans two rows
    t.cell(2, 0).merge(t.cell(3, 0))  # 一般公共服务支出 spans two rows
    d.add_paragraph("注：本表数据为预算数。\n第二行说明")
    path = tmp_path / "budget.docx"
    d.save(path)
    return path

def _one_sheet(path: Path, rows: list[list[object]]) -> Path:
    """A workbook of one sheet holding `rows`, saved at `path`."""
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path



def test_docx_body_order_lines_and_merged_cells(budget_docx: Path) -> None:
    doc = load(budget_docx)
    assert doc.format == "docx"
    assert [ln.text for ln in doc.lines] == [
        "一、“三公”经费预算情况说明",
        "2024年公务接待费0.63万元，比上年减少0.1万元。",
        "2024年“三公”经费预算表",
        "单位：万元",
        "注：本表数据为预算数。",
        "第二行说明",
    ]
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert grid(table) == [
        ["科目", "项目", "预算数", ""],  # horizontal merge written once, blank keeps the column
        ["", "", "本年", "上年"],  # vertical continuation written blank
        ["一般公共服务支出", "公务接待费", "0.63", "0.73"],
        ["", "公务用车运行费", "7", "7"],
    ]
    assert [ln.text for ln in table.caption_lines][-2:] == ["2024年“三公”经费预算表", "单位：万元"]
    note = doc.lines[4]
    assert doc.lines[3].end < table.start < table.end < note.start  # paragraphs and table in body order
    assert "公务接待费0.63万元" in doc.text
    assert_offsets(doc)


def test_docx_paragraphs_of_tab_separated_cells_are_a_table(tmp_path: Path) -> None:
    """A table typed as paragraphs with tabs between the cells is read as a table with its rows and figures; a lone
    caption line with a tab stays a line, and a table of contents' entry is no table row."""
    d = docx.Document()
    d.add_paragraph("目录")
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    for entry in ("第一部分 部门概况\t1", "第二部分 部门决算表\t3"):
        d.add_paragraph(entry, style="toc 1")
    d.add_paragraph("公开07表 “三公”经费支出决算表")
    d.add_paragraph("编制单位：示例市商务局\t单位：元")
    for row in ("项目\t年初预算数\t决算数", "合计\t236,000.00\t192,344.50", "1.公务接待费\t60,000.00\t41,250.00"):
        d.add_paragraph(row)
    d.add_paragraph("本年度“三公”经费决算19.23万元。")
    path = tmp_path / "shiyi-city-commerce-bureau_2024_dept-final-account.docx"
    d.save(str(path))
    raw = load(path)
    assert [[cell.text for cell in row] for row in raw.tables[0].rows][-1] == ["1.公务接待费", "60,000.00", "41,250.00"]
    assert len(raw.tables) == 1 and len(raw.tables[0].rows) == 4
    assert "第一部分 部门概况 1" in [line.text for line in raw.lines]
    parsed = parse_file(path)
    assert any(f.subject == "公务接待费" and f.value == Decimal("41250.00") for f in parsed.facts)
    assert_offsets(raw)



def test_docx_frame_tables_holding_the_public_tables_are_read_as_body(tmp_path: Path) -> None:
    """Each public table boxed in a one-column frame table with its title and unit lines above it: the title and unit
    are caption lines, the inner table is the table, and its rows give typed facts of the kind the title says."""
    d = docx.Document()
    d.add_paragraph("第二部分 示例省测绘局2025年部门预算表")
    frame = d.add_table(rows=3, cols=1)
    frame.cell(0, 0).text = "表七　示例省测绘局2025年一般公共预算“三公”经费支出预算表"
    frame.cell(1, 0).text = "部门名称：示例省测绘局　　　　单位：万元"
    inner = frame.cell(2, 0).add_table(rows=3, cols=3)
    for r, row in enumerate((("项目", "2024年预算数", "2025年预算数"), ("合计", "186.00", "230.90"),
                             ("其中：（1）公务用车购置费", "0.00", "62.00"))):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    d.add_paragraph("第三部分 说明")
    path = tmp_path / "shili-province-surveying-bureau_2025_dept-budget.docx"
    d.save(str(path))
    raw = load(path)
    assert len(raw.tables) == 1 and [cell.text for cell in raw.tables[0].rows[-1]] == ["其中：（1）公务用车购置费", "0.00", "62.00"]
    assert "部门名称：示例省测绘局 单位：万元" in [" ".join(line.text.split()) for line in raw.lines]
    parsed = parse_file(path)
    assert parsed.tables[0].kind is TableKind.THREE_PUBLIC
    assert any(f.subject.endswith("公务用车购置费") and f.value == Decimal("62.00") for f in parsed.facts)
    assert_offsets(raw)

def test_docx_truncated_file_is_a_clear_error(budget_docx: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    data = budget_docx.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match=r"broken\.docx: cannot open as DOCX: damaged or not a ZIP package"):
        load(broken)


def test_docx_that_is_another_package_is_named(tmp_path: Path) -> None:
    wrong = tmp_path / "sheet.docx"
    openpyxl.Workbook().save(wrong)
    with pytest.raises(IngestError, match=r"cannot open as DOCX: the package has no word/document.xml"):
        load(wrong)


# ---------------------------------------------------------------- XLSX


@pytest.fixture
def budget_xlsx(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收支总表"
    ws["A1"] = "2024年部门收支预算总表"
    ws.merge_cells("A1:D1")
    ws["D2"] = "单位：万元"
    ws.append(["科目", "项目", "预算数", None])
    ws.append([None, None, "本年", "上年"])
    ws.append(["一般公共服务支出", "公务接待费", 0.63, 0.1 + 0.2])
    ws.append([None, "办公费", 1234.5, 189767551.0])
    ws.append(["合计", None, 189767551, 0.0514])
    ws.merge_cells("C3:D3")
    ws.merge_cells("A3:A4")
    ws.merge_cells("A5:A6")
    ws["D7"].number_format = "0.00%"
    notes = wb.create_sheet("说明")
    notes["B2"] = "公务接待费0.63万元，与上年持平。"
    path = tmp_path / "budget.xlsx"
    wb.save(path)
    return path


def test_xlsx_sheets_title_lines_merged_cells_and_numbers(budget_xlsx: Path) -> None:
    doc = load(budget_xlsx)
    assert doc.format == "xlsx"
    assert [ln.text for ln in doc.lines] == ["收支总表", "2024年部门收支预算总表", "单位：万元", "说明", "公务接待费0.63万元，与上年持平。"]
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert grid(table) == [
        ["科目", "项目", "预算数", ""],
        ["", "", "本年", "上年"],
        ["一般公共服务支出", "公务接待费", "0.63", "0.3"],  # 0.30000000000000004 without float noise
        ["", "办公费", "1234.5", "189767551"],
        ["合计", "", "189767551", "5.14%"],
    ]
    assert [ln.text for ln in table.caption_lines] == ["收支总表", "2024年部门收支预算总表", "单位：万元"]
    assert_offsets(doc)


def test_xlsx_sheet_with_absurd_used_range_is_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "项目"
    wb.active["ZZ1000"] = 1  # 702 columns x 1000 rows
    path = tmp_path / "sparse.xlsx"
    wb.save(path)
    with pytest.raises(IngestError, match=r"sparse\.xlsx: sheet too large"):
        load(path)


def test_xlsx_merge_bomb_is_refused_before_loading(budget_xlsx: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(budget_xlsx) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<mergeCell ref="A1:D1"/>', b'<mergeCell ref="A1:XFD1048576"/>')
                assert b"XFD1048576" in data
            dst.writestr(item, data)
    with pytest.raises(IngestError, match=r"bomb\.xlsx: sheet too large"):
        load(bomb)


def test_xlsx_truncated_file_is_a_clear_error(budget_xlsx: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    data = budget_xlsx.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match=r"broken\.xlsx: cannot open as XLSX: damaged or not a ZIP package"):
        load(broken)


def test_encrypted_or_legacy_office_file_is_named(tmp_path: Path) -> None:
    legacy = tmp_path / "old.xlsx"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(IngestError, match=r"old\.xlsx: cannot open as XLSX: password-protected, or an old binary"):
        load(legacy)


def test_xlsx_tables_stacked_in_one_sheet_are_read_apart(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "预算公开表"
    rows = [["表一 示例县示例镇人民政府2025年收支预算总表"], ["单位：万元"], ["项目", "预算数"],
            ["一般公共预算拨款", 2535.38], ["本年收入合计", 2535.38],
            ["表二 示例县示例镇人民政府2025年一般公共预算“三公”经费支出表"], ["单位：万元"], ["项目", "预算数"],
            ["公务接待费", 3.2], ["合计", 3.2],
            ["表三\u3000政府采购预算表（一）"], ["单位：万元"], ["项目", "预算数"], ["货物类", 12.5]]
    for row in rows:
        ws.append(row)
    path = tmp_path / "stacked.xlsx"
    wb.save(path)
    doc = parse_file(path)
    assert [t.title for t in doc.tables] == ["表一 示例县示例镇人民政府2025年收支预算总表",
                                           "表二 示例县示例镇人民政府2025年一般公共预算“三公”经费支出表",
                                           "表三 政府采购预算表（一）"]  # a space after its number, a note after 表
    assert [len(t.body) for t in doc.tables] == [2, 2, 1]
    assert doc.meta.department == "示例县示例镇人民政府"  # not 表一示例县…, and not the sheet's name
    assert doc.meta.title.startswith("表一 示例县示例镇人民政府2025年")


def test_xlsx_tables_side_by_side_are_read_apart_with_their_caption_fields_above(tmp_path: Path) -> None:
    rows = [["示例县示例局2025年部门预算公开表"], ["表1", None, None, None, "表2", None, None],
            ["部门收支总表", None, None, None, "部门收入总表", None, None],
            ["部门：示例县示例局", None, "单位：万元", None, "部门：示例县示例局", None, "单位：万元"],
            ["项目", "预算数", None, None, "单位名称", "合计", "事业收入"],
            ["本年收入合计", 120.5, None, None, "示例县示例局（本级）", 100, 0],
            ["本年支出合计", 120.5, None, None, "示例县示例中心", 20.5, 6]]
    path = _one_sheet(tmp_path / "side_by_side.xlsx", rows)
    doc = parse_file(path)
    assert [t.title for t in doc.tables] == ["部门收支总表", "部门收入总表"]
    headers = [[[c for c in row if c] for row in t.header] for t in doc.tables]
    assert headers == [[["项目", "预算数"]], [["单位名称", "合计", "事业收入"]]]  # never the 部门：… 单位：万元 row
    assert [len(t.body) for t in doc.tables] == [2, 2]


def test_xlsx_a_years_table_beside_last_years_states_its_own_years_figures(tmp_path: Path) -> None:
    """"…决算表（2024年度）" beside "…决算表（2023年度）": two tables, the right one's figures of 2023."""
    rows = [["基本支出决算表（2024年度）", None, None, "基本支出决算表（2023年度）", None],
            ["编制单位：示例县示例镇人民政府 单位：万元", None, None, "编制单位：示例县示例镇人民政府 单位：万元", None],
            ["科目名称", "决算数", None, "科目名称", "决算数"],
            ["人员经费", 1615.69, None, "人员经费", 1548.38],
            ["公用经费", 204.46, None, "公用经费", 211.54]]
    path = _one_sheet(tmp_path / "example-town-2024-dept-final-account.xlsx", rows)
    doc = parse_file(path)
    assert [t.title for t in doc.tables] == ["基本支出决算表（2024年度）", "基本支出决算表（2023年度）"]
    figures = {(f.subject, f.period): f.value for f in doc.facts if f.origin == "table"}
    assert figures["公用经费", None] == Decimal("204.46") and figures["公用经费", 2023] == Decimal("211.54")


def test_xlsx_caption_fields_row_under_a_form_number_keeps_the_title_above_them(tmp_path: Path) -> None:
    rows = [["示例县示例局2024年度部门决算"], ["收入支出决算总表"], [None, None, "公开01表"],
            ["编制单位：示例县示例局", None, "单位：万元"], ["项目", "决算数", None], ["本年收入合计", 100.5, None]]
    path = _one_sheet(tmp_path / "form_numbered.xlsx", rows)
    table = parse_file(path).tables[0]
    assert (table.title, table.kind, table.unit) == ("收入支出决算总表", TableKind.INCOME_EXPENSE_TOTAL, "万元")


def test_xlsx_narrative_below_the_tables_is_text_not_a_table_row(tmp_path: Path) -> None:
    rows = [["示例市示例局2024年度部门决算"], ["表1 收入支出决算总表"], ["单位：万元"], ["项目", "决算数"],
            ["本年收入合计", 100.5], ["本年支出合计", 98.2],
            ["第三部分 情况说明"], ["2024年度本年支出合计98.20万元，比2023年度减少2.30万元，主要原因是压减会议费。"]]
    path = _one_sheet(tmp_path / "narrative.xlsx", rows)
    doc = parse_file(path)
    assert len(doc.tables) == 1 and len(doc.tables[0].body) == 2
    said = [f for f in doc.facts if f.origin == "text"]
    assert any(f.subject == "本年支出合计" and f.value == Decimal("98.20") for f in said)
