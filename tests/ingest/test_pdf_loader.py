"""The PDF loader on PDFs drawn here with reportlab, on broken files, and on the shared real corpus."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from ingest.errors import IngestError
from ingest.loaders import load
from ingest.loaders.pdf import load_pdf
from ingest.model import RawDocument
from ingest.pipeline import parse_file
from loader_support import assert_offsets, grid

FONT, SIZE = "STSong-Light", 12
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE_W, PAGE_H, LEFT = 595, 842, 72
REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "real"

HEADING = "一、收入预算情况"
# the first line breaks inside a figure ("3,3" | "55.65"), as a greedy typesetter may do
FIRST_LINE = "2025年，本部门收入预算18,976.76万元，比上年预算增加3,3"
REST = "55.65万元，主要原因是项目调整；其中财政拨款收入18,976.76万元，主要用于城乡社区管理事务、社会保障和就业等方面的支出，保障街道各项工作正常运转。"
PARAGRAPH = FIRST_LINE + REST
LIST_ITEM = "（一）财政拨款收入18,976.76万元。"
HEADER = ["项目", "预算数", "备注"]
PAGE1_ROWS = [HEADER, ["一般公共服务支出", "3,296,600", ""], ["公共安全支出", "2,878,025", "含司法"]]
PAGE2_ROWS = [HEADER, ["教育支出", "250,000", ""], ["合计", "6,424,625", ""]]
COLUMNS = [150, 120, 120]
ROW_H = 24


def _wrap(text: str, width: float) -> list[str]:
    """Hard-wraps `text` char by char at `width` points, like the PDFs in the corpus."""
    lines, line = [], ""
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, FONT, SIZE) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _draw_table(c: canvas.Canvas, top: float, rows: list[list[str]]) -> None:
    """A fully ruled grid (so pdfplumber's lines strategy finds it) with one text line per cell."""
    right = LEFT + sum(COLUMNS)
    bottom = top - ROW_H * len(rows)
    for r in range(len(rows) + 1):
        c.line(LEFT, top - r * ROW_H, right, top - r * ROW_H)
    x = LEFT
    for width in [0, *COLUMNS]:
        x += width
        c.line(x, top, x, bottom)
    for r, row in enumerate(rows):
        x = LEFT
        for width, text in zip(COLUMNS, row):
            c.drawString(x + 4, top - (r + 1) * ROW_H + 8, text)
            x += width


def _budget_pdf(path: Path, encrypt: StandardEncryption | None = None, footers: bool = False) -> Path:
    """Two pages: heading, wrapped paragraph, list item, then a table that runs onto page 2; with `footers`, each
    page numbered at its foot ("— 1 —")."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), encrypt=encrypt)
    c.setFont(FONT, 16)
    c.drawString(LEFT, 790, HEADING)
    c.setFont(FONT, SIZE)
    width = pdfmetrics.stringWidth(FIRST_LINE, FONT, SIZE)
    assert LEFT + width < PAGE_W
    y = 760
    for line in [FIRST_LINE, *_wrap(REST, width)]:
        c.drawString(LEFT, y, line)
        y -= 18
    c.drawString(LEFT, y, LIST_ITEM)
    c.drawCentredString(PAGE_W / 2, 330, "2025年部门支出预算表")
    c.drawRightString(LEFT + sum(COLUMNS), 310, "单位：元")
    _draw_table(c, 300, PAGE1_ROWS)
    if footers:
        c.drawCentredString(PAGE_W / 2, 30, "— 1 —")
    c.showPage()
    c.setFont(FONT, SIZE)
    _draw_table(c, 800, PAGE2_ROWS)
    c.drawString(LEFT, 700, "注：本表金额单位为元。")
    if footers:
        c.drawCentredString(PAGE_W / 2, 30, "— 2 —")
    c.showPage()
    c.save()
    return path



def test_lines_paragraph_join_and_continued_table(tmp_path: Path) -> None:
    doc = load_pdf(_budget_pdf(tmp_path / "budget.pdf"))
    assert_offsets(doc)
    assert doc.format == "pdf" and doc.source == "budget.pdf"
    assert len(doc.page_starts) == 2
    texts = [line.text for line in doc.lines]
    assert texts[:3] == [HEADING, PARAGRAPH, LIST_ITEM]  # the wrapped lines are one paragraph
    paragraph = doc.lines[1]
    assert "比上年预算增加3,355.65万元" in paragraph.text and paragraph.page == 1
    assert doc.text[paragraph.start : paragraph.end] == PARAGRAPH

    (table,) = doc.tables  # the page-2 part is joined, its repeated header dropped
    assert grid(table) == PAGE1_ROWS + PAGE2_ROWS[1:]
    assert table.page == 1
    assert table.rows[1][2].text == "" and table.rows[1][2].start == table.rows[1][2].end
    assert [line.text for line in table.caption_lines][-2:] == ["2025年部门支出预算表", "单位：元"]
    assert table.start > doc.lines[2].end

    note = doc.lines[-1]
    assert note.text == "注：本表金额单位为元。"
    assert note.page == 2 and doc.page_at(note.start) == 2
    assert note.start > table.end


def test_page_numbers_are_left_out_and_do_not_end_a_table(tmp_path: Path) -> None:
    doc = load_pdf(_budget_pdf(tmp_path / "budget.pdf", footers=True))
    assert "— 1 —" not in doc.text and "— 2 —" not in doc.text
    (table,) = doc.tables
    assert grid(table) == PAGE1_ROWS + PAGE2_ROWS[1:]
    assert_offsets(doc)


@pytest.mark.parametrize("numbered", [False, True])
def test_a_running_header_is_left_out_and_does_not_end_a_table(tmp_path: Path, numbered: bool) -> None:
    """The line every page opens with ("某学院2025年单位预算", also when it ends with the page's number: "… 第2页")
    stays once, on the first page; on the next it no longer stands between a table and its continuation."""
    running = "某学院2025年单位预算"
    c = canvas.Canvas(str(tmp_path / "running.pdf"), pagesize=(PAGE_W, PAGE_H))
    for page, draw in enumerate([lambda: (c.drawString(LEFT, 760, HEADING), _draw_table(c, 300, PAGE1_ROWS)),
                                 lambda: _draw_table(c, 790, PAGE2_ROWS),
                                 lambda: c.drawString(LEFT, 760, "二、支出预算情况"),
                                 lambda: c.drawString(LEFT, 760, "三、其他说明")], start=1):
        c.setFont(FONT, 9)
        c.drawCentredString(PAGE_W / 2, 815, f"{running} 第{page}页" if numbered else running)
        c.setFont(FONT, SIZE)
        draw()
        c.drawCentredString(PAGE_W / 2, 30, f"— {page} —")
        c.showPage()
    c.save()
    doc = load_pdf(tmp_path / "running.pdf")
    assert doc.text.count(running) == 1 and doc.lines[0].text.startswith(running)
    (table,) = doc.tables
    assert grid(table) == PAGE1_ROWS + PAGE2_ROWS[1:]
    assert_offsets(doc)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = _budget_pdf(tmp_path / "locked.pdf", StandardEncryption("secret"))
    with pytest.raises(IngestError, match="encrypted") as error:
        load_pdf(path)
    assert error.value.source == "locked.pdf"


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    path = tmp_path / "owner.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner"))
    c.drawString(LEFT, 700, "Total budget 18,976.76")
    c.save()
    assert load_pdf(path).text == "Total budget 18,976.76\n"


def test_undecodable_text_is_refused_not_indexed(tmp_path: Path) -> None:
    # pdfminer leaves the CID font's encrypted registry strings undeciphered, so every glyph comes
    # out as "(cid:N)"; that must become a clear error, never text
    path = _budget_pdf(tmp_path / "owner_cid.pdf", StandardEncryption("", ownerPassword="owner"))
    try:
        doc = load_pdf(path)
    except IngestError as error:
        assert "cannot be decoded" in error.reason
    else:
        assert PARAGRAPH in doc.text


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    data = _budget_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match="damaged or truncated"):
        load_pdf(path)


def test_file_that_is_no_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("<html>not found</html>")
    with pytest.raises(IngestError, match="not a PDF"):
        load_pdf(path)


def test_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "empty.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError, match="no pages"):
        load_pdf(path)


def test_pdf_without_text_layer_gives_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.rect(LEFT, 400, 300, 200, fill=1)  # stands in for a scanned page image
    c.showPage()
    c.save()
    assert load_pdf(path).text == ""
    with pytest.raises(IngestError, match="no text could be extracted"):
        load(path)


def _real(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def _table_titled(doc: RawDocument, title: str):
    return next(t for t in doc.tables if any(line.text == title for line in t.caption_lines))


def test_real_budget_wanli_2025() -> None:
    doc = load_pdf(_real("01_shpt_wanli-street_2025_dept-budget.pdf"))
    assert_offsets(doc)
    assert len(doc.page_starts) == 31 and len(doc.tables) == 9
    # wrapped in the PDF after "比2024年预算增加"; the figure joins its sentence
    income = next(line for line in doc.lines if "收入预算18,976.76万元" in line.text)
    assert "财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元；事业收入0.00万元" in income.text
    assert income.page == 6

    total = _table_titled(doc, "2025年部门财务收支预算总表")
    assert ["收入总计", "189,767,551", "支出总计", "189,767,551"] in grid(total)
    assert total.caption_lines[-1].text == "编制部门：上海市普陀区人民政府万里街道办事处 单位：元"

    general = _table_titled(doc, "2025年部门一般公共预算支出功能分类预算表")  # pages 20-24, header on each
    rows = grid(general)
    assert general.page == 20
    assert rows[0] == ["项目", "", "", "", "一般公共预算支出", "", ""]
    assert sum(row[0] == "项目" for row in rows) == 1
    assert ["204", "", "", "公共安全支出", "2,878,025", "0", "2,878,025"] in rows
    assert rows[-1] == ["合计", "", "", "", "189,767,551", "101,341,746", "88,425,805"]

    expenses = _table_titled(doc, "2025年部门支出预算总表")  # its "合计" row stands alone on page 18
    assert grid(expenses)[-1] == ["合计", "", "", "", "189,767,551", "101,341,746", "88,425,805"]

    three = _table_titled(doc, "2025年部门“三公”经费和机关运行经费预算表")
    assert three.caption_lines[-1].text.endswith("单位:万元")
    assert grid(three)[-1] == ["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]


def test_real_final_account_with_shifted_figures() -> None:
    """File 10 sets figures a few points below the Chinese text of the same line."""
    doc = load_pdf(_real("10_shpt_finance-bureau_2024_dept-final-account.pdf"))
    assert_offsets(doc)
    assert "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元" in doc.text
    assert "第二部分 上海市普陀区财政局2024年度部门决算表" in [line.text for line in doc.lines]
    summary = _table_titled(doc, "收入支出决算总表")  # continued on page 7 without a header
    assert ["总计", "2,995.39", "总计", "2,995.39"] in grid(summary)


UNRULED_HEAD = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
UNRULED_PAGES = [
    [["201", "一般公共服务支出", "300.00", "100.00", "200.00"], ["2010101", "行政运行", "100.00", "100.00", ""],
     ["2010102", "一般行政管理事务", "200.00", "", "200.00"]],
    [["208", "社会保障和就业支出", "50.00", "50.00", ""], ["2080505", "机关事业单位基本养老保险缴费支出", "50.00", "50.00", ""]],
]
UNRULED_X = [72, 140, 330, 400, 470]  # left edges; figures are drawn right-aligned 60 points further


def _unruled_pdf(path: Path) -> Path:
    """A 支出总表 printed without any rule over two pages, its header line repeated on the second."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for n, rows in enumerate(UNRULED_PAGES):
        c.setFont(FONT, SIZE)
        y = 780
        if n == 0:
            c.drawString(LEFT, 810, "示例市示例局2025年部门预算")
            c.drawString(LEFT, 800, "一、部门支出总表情况")
            c.drawCentredString(PAGE_W / 2, y, "表3 部门支出总表")
            c.drawRightString(530, y - 20, "单位：万元")
            y -= 50
        for row in [UNRULED_HEAD, *rows]:
            for col, (x, cell) in enumerate(zip(UNRULED_X, row, strict=True)):
                if col < 2:
                    c.drawString(x, y, cell)
                else:
                    c.drawRightString(x + 60, y, cell)
            y -= 22
        c.showPage()
    c.save()
    return path


def test_a_table_printed_without_rules_is_read_from_its_header_words_and_runs_on(tmp_path: Path) -> None:
    doc = parse_file(_unruled_pdf(tmp_path / "example-bureau-2025-dept-budget.pdf"))
    (table,) = [t for t in doc.tables if t.title == "表3 部门支出总表"]
    assert len(table.body) == 5  # the second page's rows under the first page's header
    figures = {(f.subject, f.measure): f.value for f in doc.facts if f.origin == "table"}
    assert figures["行政运行", "基本支出"] == Decimal("100.00")
    assert figures["一般行政管理事务", "项目支出"] == Decimal("200.00")
    assert figures["机关事业单位基本养老保险缴费支出", "合计"] == Decimal("50.00")
    assert ("行政运行", "项目支出") not in figures


EMPTY_HEAD = ["单位名称", "合计", "货物类", "工程类", "服务类"]
EMPTY_ROWS = [["合计", "3,201.00", "1,286.40", "", "1,914.60"], ["示例局本级", "311.00", "96.40", "", "214.60"],
              ["示例发展中心", "2,480.00", "948.00", "", "1,532.00"]]


def test_an_unruled_table_keeps_its_empty_cells_under_headers_centred_over_the_figures(tmp_path: Path) -> None:
    path = tmp_path / "example-bureau-2025-dept-budget.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, SIZE)
    c.drawString(LEFT, 810, "示例市示例局2025年部门预算")
    c.drawCentredString(PAGE_W / 2, 780, "表十一 政府采购预算表")
    c.drawRightString(530, 760, "单位：万元")
    y = 730
    for row in [EMPTY_HEAD, *EMPTY_ROWS]:
        for col, (x, cell) in enumerate(zip(UNRULED_X, row, strict=True)):
            if col == 0:
                c.drawString(x, y, cell)
            elif row is EMPTY_HEAD:
                c.drawCentredString(x + 30, y, cell)  # a header centred over its column, the figures set right
            else:
                c.drawRightString(x + 60, y, cell)
        y -= 22
    c.save()
    figures = {(f.subject, f.measure): f.value for f in parse_file(path).facts if f.origin == "table"}
    assert figures["示例发展中心", "服务类"] == Decimal("1532.00")
    assert figures["示例局本级", "货物类"] == Decimal("96.40")
    assert not any(measure == "工程类" for _, measure in figures)


WIDE_HEAD = ["单位编码", "单位名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "其他收入"]
WIDE_ROWS = [["", "合计", "3452.03", "3403.48", "0.00", "36.40", "0.00", "12.15"],
             ["001", "示例局（机关）", "1588.17", "1576.02", "0.00", "0.00", "0.00", "12.15"],
             ["002", "示例文化馆", "766.56", "742.16", "0.00", "24.40", "0.00", "0.00"]]
WIDE_X = [40, 100, 240, 330, 420, 510, 590, 670]


def _landscape_pdf(path: Path, head: list[str]) -> Path:
    """A landscape page whose table is ruled only between rows, under a header of eight columns (or none)."""
    width, height = PAGE_H, PAGE_W
    c = canvas.Canvas(str(path), pagesize=(width, height))
    c.setFont(FONT, SIZE)
    c.drawString(40, 570, "示例市示例局2024年度部门决算")
    c.drawCentredString(width / 2, 540, "表2 收入决算表")
    c.drawRightString(780, 520, "单位：万元")
    y = 495
    for row in [head, *WIDE_ROWS] if head else WIDE_ROWS:
        c.line(36, y + 16, 790, y + 16)
        for col, (x, cell) in enumerate(zip(WIDE_X, row, strict=True)):
            if col < 2 or row is head:
                c.drawString(x, y, cell)
            else:
                c.drawRightString(x + 70, y, cell)  # figures set right: each row runs to the right margin
        y -= 24
    c.line(36, y + 16, 790, y + 16)
    c.save()
    return path


def test_a_wide_header_over_rows_ruled_only_between_them_is_read_as_a_table(tmp_path: Path) -> None:
    doc = parse_file(_landscape_pdf(tmp_path / "example-bureau-2024-dept-final-account.pdf", WIDE_HEAD))
    figures = {(f.subject, f.measure): f.value for f in doc.facts if f.origin == "table"}
    assert figures["示例文化馆", "事业收入"] == Decimal("24.40")
    assert figures["示例局", "其他收入"] == Decimal("12.15")  # its （机关） a note


def test_rows_of_figures_no_table_is_read_from_are_never_glued_together(tmp_path: Path) -> None:
    """Rows under no header stay lines: 12.15 and the next row's 001 never make 12.15001."""
    text = load_pdf(_landscape_pdf(tmp_path / "example-bureau-2024-dept-final-account.pdf", [])).text
    assert "12.15001" not in text and "12.15 001" not in text.replace("\t", " ").replace("\n", "|")
    assert "0.00002" not in text


# a list item whose first line holds a comma is a wrapped sentence, not a heading, however short the column makes it
WRAPPED_ITEM = "（二）承担全乡常见病、多发病的诊疗，急危重症病人的初步现场急救和转诊。"
LEFT_COLUMN = [HEADING, PARAGRAPH, LIST_ITEM, WRAPPED_ITEM]
RIGHT_COLUMN = ["二、支出预算情况", "2025年，本部门支出预算18,976.76万元，其中：基本支出9,580.12万元，项目支出9,396.64万元，比上年增加"
                "1,200.00万元，主要原因是城市管理项目增加。"]
FRAME_W, FRAME_GAP = 220, 15


def _framed_columns_pdf(path: Path) -> Path:
    """One page whose prose stands in two framed columns side by side, one ruled rectangle split in two."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    top, bottom = 800, 300
    c.rect(LEFT, bottom, 2 * FRAME_W + FRAME_GAP, top - bottom)
    c.line(LEFT + FRAME_W + FRAME_GAP / 2, bottom, LEFT + FRAME_W + FRAME_GAP / 2, top)
    for x, paragraphs in ((LEFT + 6, LEFT_COLUMN), (LEFT + FRAME_W + FRAME_GAP, RIGHT_COLUMN)):
        c.setFont(FONT, SIZE)
        y = top - 20
        for paragraph in paragraphs:
            for line in _wrap(paragraph, FRAME_W - 12):
                c.drawString(x, y, line)
                y -= 18
    c.showPage()
    c.save()
    return path


def test_prose_in_framed_columns_is_read_column_after_column(tmp_path: Path) -> None:
    doc = load_pdf(_framed_columns_pdf(tmp_path / "framed.pdf"))
    assert [line.text for line in doc.lines] == [*LEFT_COLUMN, *RIGHT_COLUMN]
    assert not doc.tables
    assert_offsets(doc)


COLUMN_TITLE = "第三部分 2025年部门预算情况说明"
COLUMN_FOOT = "以上数据均为预算数，执行中如有调整以决算为准。本说明所列金额单位均为万元，合计数与分项数之和因四舍五入略有差异。"


def _open_columns_pdf(path: Path, offset: float, right: list[str] = RIGHT_COLUMN) -> Path:
    """One page: a centred title, prose in two columns with no rule between them (the right column's lines set
    `offset` points lower than the left's, so the two sides of a row overlap), then a full-width closing paragraph."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 14)
    c.drawCentredString(PAGE_W / 2, 800, COLUMN_TITLE)
    c.setFont(FONT, SIZE)
    bottom = 800
    for x, dy, paragraphs in ((LEFT, 0.0, LEFT_COLUMN), (LEFT + FRAME_W + 3 * FRAME_GAP, offset, right)):
        y = 770 - dy
        for paragraph in paragraphs:
            for line in _wrap(paragraph, FRAME_W):
                c.drawString(x, y, line)
                y -= 18
        bottom = min(bottom, y)
    width = 2 * FRAME_W + 3 * FRAME_GAP
    y = bottom - 20
    for line in _wrap(COLUMN_FOOT, width):
        c.drawString(LEFT, y, line)
        y -= 18
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("offset", [0.0, 4.0])
def test_prose_in_two_unruled_columns_is_read_column_after_column(tmp_path: Path, offset: float) -> None:
    """The right column is read after the left one, never line by line across the gap between them; the lines
    above and below the columns stay where they stand."""
    doc = load_pdf(_open_columns_pdf(tmp_path / "columns.pdf", offset))
    assert [line.text for line in doc.lines] == [COLUMN_TITLE, *LEFT_COLUMN, *RIGHT_COLUMN, COLUMN_FOOT]
    assert not doc.tables
    assert_offsets(doc)


GLOSSARY_COLUMN = [
    "四、名词解释",
    "1.一般公共预算拨款收入：指县财政当年拨付的一般公共预算资金。",
    "2.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    "3.“三公”经费：指用一般公共预算拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，公务用车"
    "购置及运行维护费反映单位公务用车车辆购置支出及燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出。",
    "4.机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、"
    "福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费以及其他费用。",
]


def test_a_column_of_definitions_is_read_after_the_column_beside_it(tmp_path: Path) -> None:
    """Definitions wrap mid-sentence between "、" and "：" with hardly a "，" or "。": still a column of prose."""
    doc = load_pdf(_open_columns_pdf(tmp_path / "glossary.pdf", 4.0, right=GLOSSARY_COLUMN))
    assert [line.text for line in doc.lines] == [COLUMN_TITLE, *LEFT_COLUMN, *GLOSSARY_COLUMN, COLUMN_FOOT]


def test_the_last_words_of_a_paragraph_carried_to_the_next_column_join_it(tmp_path: Path) -> None:
    """A left column that fills the page and a right column holding only the paragraph's last line, above a centred
    page number that runs across the gap: the paragraph reads whole, the page number apart."""
    path = tmp_path / "carried.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 14)
    c.drawCentredString(LEFT + FRAME_W / 2, 800, COLUMN_TITLE)
    c.setFont(FONT, SIZE)
    lines = [line for paragraph in LEFT_COLUMN for line in _wrap(paragraph, FRAME_W)]
    for n, line in enumerate(lines[:-1]):
        c.drawString(LEFT, 770 - 18 * n, line)
    c.drawString(LEFT + FRAME_W + 3 * FRAME_GAP, 770, lines[-1])
    c.drawCentredString(LEFT + FRAME_W + 1.5 * FRAME_GAP, 770 - 18 * len(lines), "- 2 -")
    c.showPage()
    c.save()
    assert [line.text for line in load_pdf(path).lines] == [COLUMN_TITLE, *LEFT_COLUMN]


def test_a_short_list_item_broken_after_a_comma_runs_on(tmp_path: Path) -> None:
    """In a narrow setting a list item's first line is short; holding a comma it is a sentence, not a heading, and it
    runs on into the next line although another line of the page (figures set wider) sticks out past it."""
    lines = [(77, "本中心是县卫生健康局所属的公益一类事业"), (57, "单位，为全乡提供基本医疗和基本公共卫生服务，"),
             (57, "主要职能是："), (77, "（一）承担全乡常见病、多发病的诊疗，急"), (57, "危重症病人的初步现场急救和转诊。"),
             (57, "开展0—6岁儿童和孕产妇健康管理、老年人健康管理")]
    path = tmp_path / "narrow.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 10)
    for n, (x, text) in enumerate(lines):
        c.drawString(x, 780 - 16 * n, text)
    c.showPage()
    c.save()
    assert load_pdf(path).lines[1].text == "（一）承担全乡常见病、多发病的诊疗，急危重症病人的初步现场急救和转诊。"


def test_a_table_printed_sideways_on_a_portrait_page_is_read_upright(tmp_path: Path) -> None:
    """A wide table turned a quarter on a page that is itself not rotated: its text runs bottom to top."""
    path = tmp_path / "sideways.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, SIZE)
    c.drawString(LEFT, 790, HEADING)
    c.showPage()
    c.setFont(FONT, SIZE)
    c.translate(PAGE_W, 0)
    c.rotate(90)  # the page's x now runs up its long side
    c.drawString(LEFT, 480, "表6 一般公共预算基本支出预算表")
    _draw_table(c, 460, PAGE1_ROWS + PAGE2_ROWS[1:])
    c.showPage()
    c.save()
    doc = load_pdf(path)
    assert_offsets(doc)
    (table,) = doc.tables
    assert grid(table) == PAGE1_ROWS + PAGE2_ROWS[1:]
    assert table.page == 2
    assert "表6 一般公共预算基本支出预算表" in [line.text for line in table.caption_lines]


def _watermarked_pdf(path: Path) -> Path:
    """The two-page budget with a light grey slanted watermark drawn across each page, over prose and table."""
    _budget_pdf(path)
    stamp_path = path.with_name("stamp.pdf")
    c = canvas.Canvas(str(stamp_path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 40)
    c.setFillGray(0.8)
    for y in (250, 600):
        c.saveState()
        c.translate(PAGE_W / 2, y)
        c.rotate(30)
        c.drawCentredString(0, 0, "某某中学信息公开")
        c.restoreState()
    c.showPage()
    c.save()
    stamp = PdfReader(stamp_path).pages[0]
    writer = PdfWriter(clone_from=path)
    for page in writer.pages:
        page.merge_page(stamp)
    with path.open("wb") as out:
        writer.write(out)
    return path


def test_a_slanted_watermark_is_left_out_of_prose_and_tables(tmp_path: Path) -> None:
    """Text drawn at a slant across the page (a watermark or stamp) is no part of the lines or cells it crosses."""
    doc = load_pdf(_watermarked_pdf(tmp_path / "watermarked.pdf"))
    assert_offsets(doc)
    assert PARAGRAPH in doc.text
    assert "信息公开" not in doc.text
    (table,) = doc.tables
    assert grid(table) == PAGE1_ROWS + PAGE2_ROWS[1:]
