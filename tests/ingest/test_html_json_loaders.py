"""HTML/JSP and JSON loaders (extracted pages, structured exports): clean lines, span-aligned tables, paragraph
joining, exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ingest.errors import IngestError
from ingest.loaders import load
from ingest.loaders.html import load_html, table_rows
from ingest.pipeline import parse_file
from ingest.model import TableKind
from loader_support import assert_offsets, grid

REAL = Path("/work/shared/corpus/real")
JSP = REAL / "13_cq_transport-commission_2018_dept-budget.jsp"
PAGES = REAL / "14_shpt_shiquan-street_2026_unit-budget_pages.json"



# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>某局2024年部门预算</title>
<style>.x{color:red}</style><script>var menu = "首页";</script></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
<header><div>网站标题 政府信息公开平台</div></header>
<div class="article-content">
  <h1>某局2024年部门预算情况说明</h1>
  <p>&nbsp;&nbsp;一、“三公”经费情况<br>&nbsp;&nbsp;2024年公务接待费0.63万元，
     比上年减少0.1万元。</p>
  <div>2024年“三公”经费预算表</div>
  <p>单位：万元<span style="display:none">隐藏</span></p>
  <table border="1">
    <tr><th rowspan="2">科目</th><th rowspan="2">项目</th><th colspan="2">预算数</th></tr>
    <tr><th>本年</th><th>上年</th></tr>
    <tr><td rowspan="2">一般公共服务支出</td><td>公务接待费</td><td>0.63</td><td>0.73</td></tr>
    <tr><td>公务用车运行费</td><td>7</td><td>7</td></tr>
  </table>
  <div><p>注：本表为预算数。</p>附件说明</div>
</div>
<footer>版权所有 某局 京ICP备00000000号</footer>
</body></html>
"""


def test_html_lines_tables_and_chrome(tmp_path: Path) -> None:
    path = tmp_path / "budget.htm"
    path.write_bytes(PAGE.encode("gb2312"))  # a GBK page, as many government sites still serve
    doc = load(path)
    assert doc.format == "html"
    assert [ln.text for ln in doc.lines] == [
        "某局2024年部门预算情况说明",
        "一、“三公”经费情况",
        "2024年公务接待费0.63万元，比上年减少0.1万元。",
        "2024年“三公”经费预算表",
        "单位：万元",
        "注：本表为预算数。",
        "附件说明",
    ]
    for chrome in ("首页", "政务公开", "网站标题", "版权所有", "隐藏", "color"):
        assert chrome not in doc.text
    assert len(doc.tables) == 1
    assert grid(doc.tables[0]) == [
        ["科目", "项目", "预算数", ""],
        ["", "", "本年", "上年"],
        ["一般公共服务支出", "公务接待费", "0.63", "0.73"],
        ["", "公务用车运行费", "7", "7"],
    ]
    assert [ln.text for ln in doc.tables[0].caption_lines][-1] == "单位：万元"
    assert_offsets(doc)


def test_html_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(IngestError, match=r"image\.html: file is binary, not text"):
        load(path)


# ---------------------------------------------------------------- page JSON

WRAPPED = (  # one sentence hard-wrapped at the page width, as PDF extraction leaves it
    "    2024年，本部门收入预算1,235.13万元，其中：财政拨款收入1,235.13万元，比2023年预算\n"
    "增加0.63万元；其中公务接待费0.63万元，主要用于：全国性专业会议和重大政策调研等执行公\n"
    "务所需的住宿费、交通费、伙食费等支出。\n"
)
PAGES_DATA = [
    {"page": 1, "text": "一、收支预算总体情况\n" + WRAPPED + "财政拨款支出主要内容如下：\n"},
    {
        "page": 2,
        "text": (
            "2024年部门收支预算总表\n"
            "单位：万元\n"
            "项目 本年预算 上年预算\n"
            "201 一般公共服务支出 1,234.50 1,100.00\n"
            "2010301行政运行 1,234.50 1,100.00\n"
            "303 01离休费\n"
            "公务接待费 0.63 -\n"
            "合计 1,235.13 1,100.00\n"
            "注：本表金额单位为万元。\n"
        ),
    },
]


def write_pages(tmp_path: Path, data, name: str = "pages.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_pages_json_paragraphs_tables_and_pages(tmp_path: Path) -> None:
    doc = load(write_pages(tmp_path, PAGES_DATA))
    assert doc.format == "json"
    assert [ln.text for ln in doc.lines] == [
        "一、收支预算总体情况",
        "2024年，本部门收入预算1,235.13万元，其中：财政拨款收入1,235.13万元，比2023年预算增加0.63万元；"
        "其中公务接待费0.63万元，主要用于：全国性专业会议和重大政策调研等执行公务所需的住宿费、交通费、伙食费等支出。",
        "财政拨款支出主要内容如下：",
        "2024年部门收支预算总表",
        "单位：万元",
        "注：本表金额单位为万元。",
    ]
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert grid(table) == [
        ["项目 本年预算 上年预算"],  # a column-header line stays whole; the columns are read from its words
        ["201", "", "", "一般公共服务支出", "1,234.50", "1,100.00"],  # 科目编码 split into 类, 款, 项
        ["201", "03", "01", "行政运行", "1,234.50", "1,100.00"],
        ["303", "01", "", "离休费", "", ""],  # a label-only row inside the run stays in the table
        ["", "", "", "公务接待费", "0.63", "-"],
        ["", "", "", "合计", "1,235.13", "1,100.00"],
    ]
    assert table.header is not None and table.header.columns[4:] == (("本年预算",), ("上年预算",))
    assert [ln.text for ln in table.caption_lines][-2:] == ["2024年部门收支预算总表", "单位：万元"]
    assert table.page == 2 and doc.page_at(table.start) == 2
    assert doc.lines[1].page == 1
    assert_offsets(doc)


def test_pages_json_keeps_pdf_page_numbers_when_pages_are_missing(tmp_path: Path) -> None:
    doc = load(write_pages(tmp_path, [{"page": 3, "text": "第三页"}, {"page": 1, "text": "第一页"}]))
    assert [(ln.text, ln.page) for ln in doc.lines] == [("第一页", 1), ("第三页", 3)]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"page": 1, "text": "a"', r"invalid JSON: .* at line 1 column"),
        ("{}", r"holds no text"),
        ("[]", r"holds no text"),
        ('{"表格": [[null, ""]]}', r"holds no text"),
        ('[{"page": 1}]', r"item 0 has no text string"),
        ('[{"page": "1", "text": "a"}]', r"item 0 has no page number"),
        ('[{"page": 1, "text": "a"}, {"page": 1, "text": "b"}]', r"page 1 appears twice"),
    ],
)
def test_pages_json_bad_input_is_a_clear_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=rf"^bad\.json: .*{reason}"):
        load(path)


# ---------------------------------------------------------------- real corpus files


@pytest.mark.skipif(not JSP.exists(), reason="real corpus not present")
def test_real_jsp_article_body() -> None:
    doc = load(JSP)
    texts = [ln.text for ln in doc.lines]
    assert texts[0] == "重庆市交通委员会2018年部门预算情况说明"
    assert "一、单位基本情况" in texts and "三、“三公”经费情况说明" in texts
    assert any(t.startswith("2018年一般公共预算财政拨款收入324970.32万元") for t in texts)
    assert any("2018年“三公”经费预算2800.68万元" in t for t in texts)
    assert any("政府采购预算总额6060.41万元" in t for t in texts)
    for chrome in ("当前位置", "首页", "<%", "${", "taglib", "download"):
        assert chrome not in doc.text
    assert doc.tables == []  # the page's tables are images
    assert_offsets(doc)


@pytest.mark.skipif(not PAGES.exists(), reason="real corpus not present")
def test_real_pages_json() -> None:
    doc = load(PAGES)
    texts = [ln.text for ln in doc.lines]
    assert "（三）公务接待费1.53万元。与2025年预算持平。" in texts
    # "主要用于：" at a wrapped line end does not cut the sentence
    assert any("统计管理（项）”2026年度预算0.12万元，2025年度预算3.84万元，主要用于：各类统计工作。" in t for t in texts)
    totals = next(t for t in doc.tables if t.page == 12)
    assert [c.text for c in totals.rows[-1]] == ["收入总计", "76,306,134", "支出总计", "76,306,134", "23,057,828", "3,860,162", "49,388,144"]
    assert [ln.text for ln in totals.caption_lines][-2:] == ["2026年预算单位财务收支预算总表", "编制单位：上海市普陀区人民政府石泉路街道办事处（本级） 单位：元"]
    assert grid(totals)[:2] == [["本年收入 本年支出"], ["项目 预算数 项目预算数"]]
    assert totals.header is not None and totals.header.columns[6] == ("本年支出", "预算数", "项目支出")
    assert [t.page for t in doc.tables] == [12, 13, 18, 23, 24, 29, 31, 33]  # tables carried over pages are joined
    economic = next(t for t in doc.tables if t.page == 31)
    assert ["302", "17", "公务接待费", "15,250", "", "15,250"] in grid(economic)  # from page 32, under 公用经费
    assert ["303", "01", "离休费", "", "", ""] in grid(economic)
    general = next(t for t in doc.tables if t.page == 24)
    assert sum(row[0].text == "项目 一般公共预算支出" for row in general.rows) == 1  # its header repeats on pages 25–28
    three = next(t for t in doc.tables if t.page == 33)
    assert [ln.text for ln in three.caption_lines][-1].endswith("单位:万元")  # this table is in 万元, the others in 元
    assert [c.text for c in three.rows[-1] if c.text] == ["8.53", "1.53", "7", "7", "386.02"]
    assert {c.text for c in three.unplaced} == {"1.53", "7"}  # 因公出国 or 公务接待费, 购置费 or 运行费: not said
    assert doc.page_at(three.start) == 33
    assert_offsets(doc)


def test_html_page_wrapped_in_a_form_and_sidebar_layout_keeps_its_text(tmp_path: Path) -> None:
    page = (
        '<html><body><form id="form1"><div class="main has-sidebar">'
        '<div class="menu"><a>首页</a><a>机构概况</a></div>'
        "<p>2024年公务接待费0.63万元，比上年持平。</p><p>单位：万元</p>"
        "<table><tr><td>合计</td><td>0.63</td></tr></table>"
        "</div></form></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = load(path)
    assert [ln.text for ln in doc.lines] == ["2024年公务接待费0.63万元，比上年持平。", "单位：万元"]
    assert grid(doc.tables[0]) == [["合计", "0.63"]]
    assert "首页" not in doc.text


def test_a_table_caption_is_its_title_and_unit(tmp_path: Path) -> None:
    page = ("<html><body><div class='article'><h1>示例市示例局2024年部门决算</h1><p>一、收支决算情况说明。</p>"
            "<table><caption>表5 一般公共预算财政拨款支出决算表<p class='unit'>单位：万元</p></caption>"
            "<tr><th>项目</th><th>年初预算数</th><th>决算数</th></tr>"
            "<tr><th scope='row'>行政运行</th><td>120.00</td><td>118.50</td></tr></table></div></body></html>")
    path = tmp_path / "example-bureau-2024-dept-final-account.html"
    path.write_text(page, encoding="utf-8")
    raw = load(path)
    (table,) = raw.tables
    assert [line.text for line in table.caption_lines][-2:] == ["表5 一般公共预算财政拨款支出决算表", "单位：万元"]
    assert grid(table) == [["项目", "年初预算数", "决算数"], ["行政运行", "120.00", "118.50"]]
    assert_offsets(raw)


def test_a_table_footer_written_before_its_body_is_read_last(tmp_path: Path) -> None:
    """HTML 4 put <tfoot> before <tbody>; a browser shows it below the rows, and the rows keep their header."""
    page = ("<html><body><div class='article'><h1>示例县示例中心2025年单位预算</h1>"
            "<table><caption>表三 支出预算总表（单位：元）</caption>"
            "<thead><tr><th>科目编码</th><th>科目名称</th><th>合计</th></tr></thead>"
            "<tfoot><tr><td></td><td>合计</td><td>6,786,418.72</td></tr><tr><td colspan='3'>注：按2025年科目列示。</td></tr></tfoot>"
            "<tbody><tr><td>2070808</td><td>广播电视事务</td><td>5,786,418.72</td></tr>"
            "<tr><td>2070899</td><td>其他广播电视支出</td><td>1,000,000.00</td></tr></tbody></table></div></body></html>")
    path = tmp_path / "example-media-center-2025-unit-budget.html"
    path.write_text(page, encoding="utf-8")
    cells = {(f.subject, f.measure): str(f.value) for f in parse_file(path).facts if f.origin == "table"}
    assert cells[("广播电视事务", "合计")] == "5786418.72" and cells[("其他广播电视支出", "合计")] == "1000000.00"


def test_a_body_row_that_reads_like_the_footer_row_stays_in_the_body() -> None:
    table = BeautifulSoup("<table><tfoot><tr><td>小计</td><td>5.00</td></tr></tfoot><tbody><tr><td>小计</td><td>5.00</td></tr>"
                          "<tr><td>甲</td><td>2.00</td></tr></tbody></table>", "html.parser").table
    assert table_rows(table) == [["小计", "5.00"], ["甲", "2.00"], ["小计", "5.00"]]


def test_a_sheet_saved_as_a_web_page_is_read_as_its_stacked_tables(tmp_path: Path) -> None:
    """Excel's "Save as Web Page" writes a whole sheet as one <table>: its titles, unit lines and prose in rows of
    one merged cell between the tables' rows. Each table is read apart, below its own title."""
    rows = [["示例县示例中心2026年单位预算"], ["一、主要职能"], ["示例县示例中心是示例局所属公益一类事业单位。"],
            ["收支预算总表"], ["单位：万元"], ["项目", "预算数"], ["本年收入合计", "1,321.70"],
            ["一般公共预算“三公”经费支出表"], ["单位：万元"], ["项目", "2026年预算数"], ["公务接待费", "1.20"],
            ["注：本单位没有使用政府性基金预算拨款安排的支出。"]]
    body = "".join("<tr>" + ("<td colspan='2'>{}</td>".format(row[0]) if len(row) == 1
                             else "".join(f"<td>{cell}</td>" for cell in row)) + "</tr>" for row in rows)
    path = tmp_path / "example-center-2026-unit-budget.html"
    path.write_text(f"<html><body><table x:str>{body}</table></body></html>", encoding="utf-8")
    raw = load(path)
    assert [grid(table) for table in raw.tables] == [[["项目", "预算数"], ["本年收入合计", "1,321.70"]],
                                                   [["项目", "2026年预算数"], ["公务接待费", "1.20"]]]
    assert [line.text for line in raw.tables[1].caption_lines][-2:] == ["一般公共预算“三公”经费支出表", "单位：万元"]
    assert "示例县示例中心是示例局所属公益一类事业单位。" in [line.text for line in raw.lines]
    assert_offsets(raw)


def test_a_table_drawn_with_divs_is_a_table(tmp_path: Path) -> None:
    rows = [("项目", "2024年预算数", "2025年预算数"), ("行政运行", "450.00", "468.20"), ("群众体育", "", "120.50")]
    grid_divs = "".join("<div class='tr'>" + "".join(f"<div class='td'>{cell}</div>" for cell in row) + "</div>"
                        for row in rows)
    page = ("<html><body><div class='article'><h1>示例区体育局2025年部门预算</h1>"
            "<div class='tbl-title'>表五 一般公共预算支出预算表</div><div class='tbl-unit'>单位：万元</div>"
            f"<div class='grid'>{grid_divs}</div>"
            "<div class='sec'><p>一、部门职责</p><p>负责全区体育工作。</p></div></div></body></html>")
    path = tmp_path / "example-sports-2025-dept-budget.html"
    path.write_text(page, encoding="utf-8")
    raw = load(path)
    (table,) = raw.tables  # the paragraphs beside it are no table: they hold no row of cells
    assert grid(table) == [list(row) for row in rows]
    assert [line.text for line in table.caption_lines][-2:] == ["表五 一般公共预算支出预算表", "单位：万元"]
    assert "负责全区体育工作。" in [line.text for line in raw.lines]
    assert_offsets(raw)



def test_a_description_list_of_terms_and_figures_is_a_two_column_table(tmp_path: Path) -> None:
    """<dl> pairs (<dt>收入合计</dt><dd>1,305.14</dd>) are a table of term and description under the title above, so
    each figure is its term's; a form's fields given that way name the project its indicators are of."""
    page = ("<html><body><div class='article'><h1>示例市交易中心2025年单位预算</h1>"
            "<h3>表二 收入预算表</h3><p>单位：万元</p>"
            "<dl><dt>收入合计</dt><dd>1,305.14</dd><dt>一般公共预算拨款收入</dt><dd>1,286.54</dd><dt>其他收入</dt><dd>18.60</dd></dl>"
            "<h3>表十二 项目支出绩效目标表（平台运维）</h3><p>单位：万元</p>"
            "<dl><dt>项目名称</dt><dd>平台运维</dd><dt>项目资金（万元）</dt><dd>126.00</dd></dl>"
            "<div class='grid'><div class='r'><span>一级指标</span><span>二级指标</span><span>三级指标</span><span>指标值</span></div>"
            "<div class='r'><span>产出指标</span><span>质量指标</span><span>平台年可用率</span><span>≥99.9%</span></div></div>"
            "<dl><dt>注</dt></dl><p>一、说明</p></div></body></html>")
    path = tmp_path / "example-trading-center-2025-unit-budget.html"
    path.write_text(page, encoding="utf-8")
    raw = load(path)
    assert grid(raw.tables[0]) == [["收入合计", "1,305.14"], ["一般公共预算拨款收入", "1,286.54"], ["其他收入", "18.60"]]
    assert len(raw.tables) == 3 and "注" in [line.text for line in raw.lines]  # a term alone is a line
    doc = parse_file(path)
    assert any(f.subject == "其他收入" and str(f.value) == "18.60" for f in doc.facts)
    rate = next(f for f in doc.facts if f.unit == "%")
    assert rate.subject == "平台运维" and str(rate.value) == "99.9"
    assert_offsets(raw)


def test_a_description_list_of_headed_paragraphs_stays_text(tmp_path: Path) -> None:
    """<dt>（四）公务接待费</dt><dd>年初预算为6.00万元…共接待21批次、168人次…</dd>: paragraphs under their headings, read as
    prose, so the counts they state are facts."""
    said = "年初预算为6.00万元，支出决算为3.92万元，完成年初预算的65.33%。全部为国内公务接待，共接待21批次、168人次。"
    page = ("<html><body><div class='article'><h1>示例市应急管理局2024年度部门决算</h1><dl>"
            "<dt>（三）公务用车运行维护费</dt><dd>年初预算为34.00万元，支出决算为29.48万元，完成年初预算的86.71%。</dd>"
            f"<dt>（四）公务接待费</dt><dd>{said}</dd></dl></div></body></html>")
    path = tmp_path / "example-emergency-2024-dept-final-account.html"
    path.write_text(page, encoding="utf-8")
    raw = load(path)
    assert not raw.tables and said in [line.text for line in raw.lines]
    assert any(str(f.value) == "168" and f.unit == "人次" for f in parse_file(path).facts)
    assert_offsets(raw)

@pytest.mark.parametrize("span", ["grid-column:span 3", "grid-column: 1 / 4"])
def test_a_grid_cell_spanning_columns_keeps_the_rows_lined_up(tmp_path: Path, span: str) -> None:
    """A CSS grid's header cell over three columns (功能分类科目 over 类 | 款 | 项) leaves the rows one table."""
    head = f"<div class='row'><div class='cell' style='{span}'>功能分类科目</div><div class='cell'>合计</div></div>"
    rows = [("类", "款", "项", ""), ("205 教育支出", "20502 普通教育", "2050201 学前教育", "1,116.20"),
            ("", "", "2050202 小学教育", "4,908.50")]
    body = "".join("<div class='row'>" + "".join(f"<div class='cell'>{cell}</div>" for cell in row) + "</div>" for row in rows)
    page = ("<html><body><div class='article'><h1>示例区教育局2025年部门预算</h1><p>一般公共预算支出表</p>"
            f"<div class='gt'>{head}{body}</div></div></body></html>")
    path = tmp_path / "example-education-2025-dept-budget.html"
    path.write_text(page, encoding="utf-8")
    raw = load(path)
    (table,) = raw.tables
    assert grid(table)[0] == ["功能分类科目", "", "", "合计"]
    assert grid(table)[2] == list(rows[1])
    assert_offsets(raw)


def test_a_word_saved_pages_cells_keep_figures_split_over_spans_whole(tmp_path: Path) -> None:
    """Word's HTML splits one number over two spans (3,387 | .93): the cell reads 3,387.93; separate paragraphs
    and line breaks inside a cell stay apart."""
    page = tmp_path / "word-saved.html"
    page.write_text(
        "<html><body><p>某市某局2025年部门预算</p><table>"
        "<tr><td><p class=MsoNormal><span>项目</span></p></td><td><p><span lang=EN-US>2025</span><span>年预算数</span></p></td></tr>"
        "<tr><td><p><span>（</span><span>一</span><span>）基本支出</span></p></td>"
        "<td><p><span lang=EN-US>3,387</span><span lang=EN-US>.93</span></p></td></tr>"
        "<tr><td><p>甲</p><p>乙</p></td><td>1<br>2</td></tr></table></body></html>",
        encoding="utf-8",
    )
    rows = [[c.text for c in row] for row in load_html(page).tables[0].rows]
    assert rows == [["项目", "2025年预算数"], ["（一）基本支出", "3,387.93"], ["甲 乙", "1 2"]]


def test_a_structured_json_export_gives_its_fields_paragraphs_and_tables(tmp_path: Path) -> None:
    """An open-data export: fields, a list of paragraphs, and tables as objects of a title, a unit, header rows
    and rows, whatever the field names; numbers stored as numbers print as a table prints them."""
    export = {
        "部门名称": "示例区体育局", "年度": 2025, "单位": "万元",
        "说明": ["示例区体育局2025年单位预算", "2025年收入预算386.50万元，比上年增加12.00万元。"],
        "表格": [{"标题": "2025年收支预算总表", "单位": "万元", "表头": [["项目", "预算数"]],
                  "行": [["一般公共预算拨款收入", 386.5], ["收入合计", 386.5]]},
                 {"标题": "2025年“三公”经费预算表", "表头": [["项目", "预算数"]], "行": [["公务接待费", 2.4], ["合计", 12]]}],
    }
    path = tmp_path / "example-district-sports-bureau_2025_unit-budget.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    assert "部门名称：示例区体育局" in doc.text and "2025年收入预算386.50万元" in doc.text
    assert [t.title for t in doc.tables] == ["2025年收支预算总表", "2025年“三公”经费预算表"]
    figures = {(f.subject, str(f.value)) for f in doc.facts if f.origin == "table"}
    assert {("一般公共预算拨款收入", "386.5"), ("公务接待费", "2.4"), ("合计", "12")} <= figures
    assert_offsets(load(path))


def test_a_json_table_of_rows_keyed_by_column_is_a_table(tmp_path: Path) -> None:
    """Rows stored as objects keyed by column name (a record lacking a column keeps the others in their places) are
    a table whose header is the column names; a list of titled paragraphs stays text."""
    export = {
        "部门名称": "示例市生态环境局", "年度": "2025",
        "章节": [{"标题": "一、部门概况", "段落": ["示例市生态环境局下设示例市生态环境监测站。"]}],
        "表格": [{"标题": "表2 收入预算总表", "单位": "万元", "行": [
            {"单位名称": "合计", "合计": 2402.55, "一般公共预算拨款": 2354.55, "其他收入": 48},
            {"单位编码": "118001", "单位名称": "示例市生态环境局（本级）", "合计": 386.2, "一般公共预算拨款": 386.2, "其他收入": 0},
            {"单位编码": "118003", "单位名称": "示例市生态环境监测站", "合计": 2016.35, "一般公共预算拨款": 1968.35, "其他收入": 48},
        ]}],
    }
    path = tmp_path / "example-city-ecology-bureau_2025_dept-budget.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    (table,) = doc.tables
    assert table.title == "表2 收入预算总表" and table.header[0][:3] == ["单位编码", "单位名称", "合计"]
    station = {f.measure: f.value for f in doc.facts if f.subject.endswith("监测站")}
    assert str(station["合计"]) == "2016.35" and str(station["其他收入"]) == "48"
    assert "示例市生态环境局下设示例市生态环境监测站。" in doc.text and "单位名称：" not in doc.text
    assert_offsets(load(path))


def test_a_json_table_stored_by_column_is_read_as_rows_under_its_header_groups(tmp_path: Path) -> None:
    """"data": {column name: [values top to bottom]}, a merged header group as an object of its sub-columns: a table
    of rows, the group's name over its columns; a table with no rows keeps its note."""
    export = {"标题": "示例区示例学校2023年度单位决算", "决算表": [
        {"表号": "公开05表", "表名": "一般公共预算财政拨款支出决算表", "金额单位": "万元", "data": {
            "科目编码": [None, 2050701], "科目名称": ["合计", "特殊学校教育"], "全年预算数": [1802.3, 1412.5],
            "决算数": {"合计": [1786.1, 1399], "基本支出": [1445.5, 1086.4], "项目支出": [340.6, 312.6]}}},
        {"表号": "公开08表", "表名": "政府性基金预算财政拨款收入支出决算表", "金额单位": "万元",
         "说明": "本单位2023年度没有政府性基金预算财政拨款收入，故本表为空表。", "data": {"科目编码": [], "科目名称": []}}]}
    path = tmp_path / "example-school_2023_unit-final-account.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    table = doc.tables[0]
    assert table.title == "一般公共预算财政拨款支出决算表"
    assert [[c for c in row] for row in table.header] == [["科目编码", "科目名称", "全年预算数", "决算数", "", ""],
                                                         ["", "", "", "合计", "基本支出", "项目支出"]]
    school = {f.measure: str(f.value) for f in doc.facts if f.subject == "特殊学校教育" and f.origin == "table"}
    assert school["决算数/项目支出"] == "312.6" and school["全年预算数"] == "1412.5"
    assert "故本表为空表。" in doc.text and "表名：" not in doc.text
    assert_offsets(load(path))


def test_a_json_array_of_table_objects_keeps_their_columns_and_unit(tmp_path: Path) -> None:
    """A table object giving its column names as a plain list ("columns") beside row arrays heads its rows with them,
    and its "unit" field is the table's unit: the figures are in 万元, and each is read under its column."""
    export = [
        {"type": "text", "title": "示例省气象局2025年部门预算", "paragraphs": ["示例省气象局是参照公务员法管理的事业单位。"]},
        {"type": "table", "table_no": "表5", "title": "一般公共预算支出预算表", "unit": "万元",
         "columns": ["科目编码", "科目名称", "2024年执行数", "2025年预算数"],
         "rows": [["", "合计", "42,298.81", "42,386.50"], ["2200511", "气象基础设施建设与维修", "2,063.50", 1240.0]]},
    ]
    path = tmp_path / "example-province-meteorological-bureau_2025_dept-budget.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    (table,) = doc.tables
    assert table.title == "一般公共预算支出预算表" and table.header[0] == ["科目编码", "科目名称", "2024年执行数", "2025年预算数"]
    repair = {f.measure: (str(f.value), f.unit) for f in doc.facts if f.subject == "气象基础设施建设与维修"}
    assert repair["2024年执行数"] == ("2063.50", "万元") and repair["2025年预算数"] == ("1240", "万元")
    assert_offsets(load(path))




def test_json_records_of_one_figure_each_are_set_back_into_their_tables(tmp_path: Path) -> None:
    """An export of long-format records ({"表", "行", "列", "值"}: one figure each) gives one table per 表, titled by it,
    with a row per 行 and a column per 列: each figure is read under its own row and column, of the table's kind."""
    cells = [("表1 收入支出决算总表", "本年收入合计", "年初预算数", 3198.4), ("表1 收入支出决算总表", "本年收入合计", "全年预算数", 3490.5), ("表1 收入支出决算总表", "本年收入合计", "决算数", 3490.86),
             ("表1 收入支出决算总表", "收入总计", "年初预算数", 3198.4), ("表1 收入支出决算总表", "收入总计", "全年预算数", 3576.92), ("表1 收入支出决算总表", "收入总计", "决算数", 3577.28),
             ("表6 一般公共预算财政拨款基本支出决算表", "30101 基本工资", "决算数", 612.4),
             ("表6 一般公共预算财政拨款基本支出决算表", "30102 津贴补贴", "决算数", 486.3)]
    export = {"meta": {"单位名称": "示例县人民法院", "年度": 2024, "金额单位": "万元"},
              "paragraphs": ["示例县人民法院2024年度部门决算"],
              "records": [{"表": table, "行": row, "列": column, "值": value} for table, row, column, value in cells]}
    path = tmp_path / "example-county-court_2024_dept-final-account.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    assert [t.title for t in doc.tables] == ["表1 收入支出决算总表", "表6 一般公共预算财政拨款基本支出决算表"]
    assert doc.tables[0].header[0] == ["项目", "年初预算数", "全年预算数", "决算数"]
    total = {f.measure: str(f.value) for f in doc.facts if f.subject == "收入总计"}
    assert total == {"年初预算数": "3198.4", "全年预算数": "3576.92", "决算数": "3577.28"}
    wage = next(f for f in doc.facts if f.subject.endswith("基本工资"))
    assert str(wage.value) == "612.4" and wage.table_kind is TableKind.BASIC_ECONOMIC
    assert_offsets(load(path))

def test_a_json_tree_of_classification_nodes_is_one_table_of_every_node(tmp_path: Path) -> None:
    """A 功能分类 table exported as a tree (类 → 款 → 项 through "children") is one table with a row per node, its
    columns named by the object's field dictionary and its total object as the 合计 row."""
    leaf = {"code": "2070306", "name": "体育训练", "level": "项", "amount": 5765.48, "basic_amount": 2315.48, "children": []}
    export = {"title": "示例省体育局2025年部门预算", "tables": [{
        "title": "部门支出总表", "unit": "万元", "structure": "tree",
        "fields": {"code": "科目编码", "name": "科目名称", "amount": "合计", "basic_amount": "基本支出"},
        "total": {"amount": 5765.48, "basic_amount": 2315.48},
        "tree": [{"code": "207", "name": "文化旅游体育与传媒支出", "level": "类", "amount": 5765.48, "basic_amount": 2315.48,
                  "children": [{"code": "20703", "name": "体育", "level": "款", "amount": 5765.48, "basic_amount": 2315.48,
                                "children": [leaf]}]}]}]}
    path = tmp_path / "example-province-sports-bureau_2025_dept-budget.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    (table,) = doc.tables
    assert table.header[0][:2] == ["科目编码", "科目名称"] and "合计" in table.header[0]
    assert "2070306\t体育训练\t项\t5765.48\t2315.48" in doc.text and "children" not in doc.text
    training = {f.measure: str(f.value) for f in doc.facts if f.subject == "体育训练"}
    assert training == {"合计": "5765.48", "基本支出": "2315.48"}
    assert any(f.subject == "合计" and str(f.value) == "5765.48" for f in doc.facts)
    assert_offsets(load(path))


PRE_PAGE = """<html><head><title>某市某局2025年部门预算</title></head><body><div class="content">
<p>某市某局2025年部门预算</p>
<pre>
                          表二　收入预算总表
部门：某市某局                                                                   单位：万元
────────────────────────────────────────────────────────────────────────────────────────────
单位编码  单位名称                         合计  一般公共预算    事业收入    其他收入
                                                     拨款收入
────────────────────────────────────────────────────────────────────────────────────────────
          合计                         3,190.40      1,740.40    1,430.00       20.00
301001    某市某局（本级）             1,740.40      1,740.40
301002    某市某检验所                 1,450.00                  1,430.00       20.00
────────────────────────────────────────────────────────────────────────────────────────────
</pre>
<p>一、收入预算情况</p>
</div></body></html>
"""


def test_a_pre_block_is_read_as_text_aligned_in_columns(tmp_path: Path) -> None:
    """A table set in a <pre> block with spaces keeps each figure in its column, blank cells too; rules are left out."""
    path = tmp_path / "budget.html"
    path.write_text(PRE_PAGE, encoding="utf-8")
    doc = load(path)
    assert len(doc.tables) == 1
    rows = grid(doc.tables[0])
    assert rows[-1] == ["301002", "某市某检验所", "1,450.00", "", "1,430.00", "20.00"]
    assert ["", "合计", "3,190.40", "1,740.40", "1,430.00", "20.00"] in rows
    assert [ln.text for ln in doc.lines] == ["某市某局2025年部门预算", "表二 收入预算总表", "部门：某市某局 单位：万元", "一、收入预算情况"]
    assert "─" not in doc.text
    assert_offsets(doc)


RULED_PRE_PAGE = """<html><head><title>某市某街道办事处2025年部门预算</title></head><body><div class="content">
<pre>
表1 收支预算总表
部门：某市某街道办事处                                   单位：万元
==========================================================================
项目                          预算数    项目                          预算数
--------------------------------------------------------------------------
一、一般公共预算拨款收入      1,200.00  一、一般公共服务支出          1,000.00
二、政府性基金预算拨款收入              二、城乡社区支出                200.00
--------------------------------------------------------------------------
收入总计                      1,200.00  支出总计                      1,200.00
==========================================================================
</pre></div></body></html>
"""


def test_rules_of_equals_and_dashes_in_a_pre_block_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "budget.html"
    path.write_text(RULED_PRE_PAGE, encoding="utf-8")
    doc = load(path)
    assert "===" not in doc.text and "---" not in doc.text
    assert grid(doc.tables[0])[-2:] == [["二、政府性基金预算拨款收入", "", "二、城乡社区支出", "200.00"],
                                        ["收入总计", "1,200.00", "支出总计", "1,200.00"]]


def test_a_json_tables_title_above_its_fields_still_titles_it(tmp_path: Path) -> None:
    """An export that prints a table's fields (project, budget, goal) between its title and its rows: the title and
    the project it names are the table's, not the last field's "budget：186.00万元"."""
    data = {"部门名称": "洳峂区人民防空办公室", "年度": 2025, "tables": [{
        "table_no": "表12-2", "name": "项目支出绩效目标表（人防工程维护管理）", "project": "人防工程维护管理",
        "budget": "186.00万元", "goal": "对区管公用人防工程开展日常维护管理和修缮，确保工程战时能用、平时好用。",
        "columns": ["一级指标", "二级指标", "三级指标", "指标值"],
        "rows": [["产出指标", "数量指标", "维护公用人防工程数量", "36处"]]}]}
    path = tmp_path / "ruoang-district-civil-air-defense-office_2025_dept-budget.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = parse_file(path)
    assert [t.title for t in doc.tables] == ["项目支出绩效目标表（人防工程维护管理）"]
    assert [(f.subject, f.value) for f in doc.facts if f.unit == "处"] == [("人防工程维护管理", 36)]
