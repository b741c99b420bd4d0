"""parse_file on bad inputs (one-line IngestError naming the file), encodings, table units and the layouts of .txt tables."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.loaders import load
from ingest.model import ParsedDocument
from ingest.pipeline import MetaOverrides, ParseOptions, parse_file
from loader_support import assert_offsets, grid

# a small disclosure in the tab-led layout of the Langfang sample: one table in 元, one sentence in 万元
TAB_LED = (
    "上海市普陀区某某街道办事处\n"
    "\n"
    "2025年部门预算\n"
    "\n"
    "一、财务收支预算总表\n"
    "\n"
    "财务收支预算总表\n"
    "单位：元\n"
    "\n"
    "\t项目\n"
    "\t预算数\n"
    "\n"
    "\t收入总计\n"
    "\t189,767,551\n"
    "\n"
    "\t一般公共预算拨款收入\n"
    "\t189,767,551\n"
    "\n"
    "\t事业收入\n"
    "\t-\n"
    "\n"
    "\n"
    "二、“三公”经费\n"
    "2025年公务接待费0.63万元。\n"
)


def ingest_error(path: Path, options: ParseOptions = ParseOptions()) -> IngestError:
    with pytest.raises(IngestError) as caught:
        parse_file(path, options)
    error = caught.value
    message = str(error)
    assert "\n" not in message, f"reason is not one line: {message!r}"
    assert error.source == path.name and message.startswith(f"{path.name}: "), message
    assert error.reason.strip(), message
    return error


# ---------------------------------------------------------------- bad inputs


def test_pipeline_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in ingest_error(path).reason


def test_pipeline_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\r\n")
    assert "empty" in ingest_error(path).reason


def test_pipeline_binary_txt_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    assert "binary" in ingest_error(path).reason


def test_pipeline_binary_txt_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 32)) * 64)  # no NUL byte, decodes as UTF-8, but is not text
    assert "binary" in ingest_error(path).reason


@pytest.mark.parametrize("name", ["budget.doc", "budget.xls", "budget"])
def test_pipeline_unknown_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(TAB_LED, encoding="utf-8")
    error = ingest_error(path)
    assert "unknown format" in error.reason
    assert ".txt" in error.reason and ".pdf" in error.reason  # tells the user what is supported


def test_pipeline_missing_file(tmp_path: Path) -> None:
    assert "not a file" in ingest_error(tmp_path / "missing.txt").reason


def _stated_bytes(reason: str) -> list[float]:
    """Sizes stated in a reason, in bytes ("1.6 MiB" → 1677721.6, "1000 bytes" → 1000)."""
    scale = {"b": 1, "byte": 1, "bytes": 1, "kb": 1e3, "kib": 2**10, "mb": 1e6, "mib": 2**20, "gb": 1e9, "gib": 2**30}
    found = re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(bytes|byte|KiB|MiB|GiB|KB|MB|GB|B)\b", reason)
    return [float(n.replace(",", "")) * scale[u.lower()] for n, u in found]


def test_pipeline_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TAB_LED * 4, encoding="utf-8")
    assert path.stat().st_size > 1000
    error = ingest_error(path, ParseOptions(max_file_bytes=1000))
    assert "limit" in error.reason


def test_pipeline_oversized_reason_states_true_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TAB_LED * 4, encoding="utf-8")
    size, limit = path.stat().st_size, 1000
    reason = ingest_error(path, ParseOptions(max_file_bytes=limit)).reason
    stated = _stated_bytes(reason)
    assert len(stated) == 2, reason
    stated_size, stated_limit = stated
    assert stated_size > stated_limit, reason  # "file is X, over the Y limit" must read true
    assert abs(stated_limit - limit) <= 0.05 * limit, reason
    assert abs(stated_size - size) <= 0.05 * size, reason


def test_pipeline_file_at_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_text(TAB_LED, encoding="utf-8")
    doc = parse_file(path, ParseOptions(max_file_bytes=path.stat().st_size))
    assert doc.meta.source == "exact.txt"


def test_pipeline_department_missing_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "anonymous.txt"
    path.write_text("2025年预算说明\n\n公务接待费0.63万元。\n", encoding="utf-8")
    error = ingest_error(path)
    assert "department" in error.reason
    doc = parse_file(path, overrides=MetaOverrides(department="某某局", year=2025))
    assert doc.meta.department == "某某局" and doc.meta.year == 2025


# ---------------------------------------------------------------- encodings


def test_pipeline_gbk_txt_is_decoded(tmp_path: Path) -> None:
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(TAB_LED, encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(TAB_LED.encode("gbk"))
    assert gbk.read_bytes() != utf8.read_bytes()
    doc = parse_file(gbk)
    assert doc.text == TAB_LED
    assert doc.meta.department == "上海市普陀区某某街道办事处" and doc.meta.year == 2025
    reference = parse_file(utf8)
    assert [(f.subject, f.measure, f.value, f.start, f.end) for f in doc.facts] == [
        (f.subject, f.measure, f.value, f.start, f.end) for f in reference.facts
    ]


def test_pipeline_crlf_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TAB_LED.replace("\n", "\r\n").encode("utf-8"))
    doc = parse_file(path)
    assert doc.text == TAB_LED
    for fact in doc.facts:
        assert str(fact.value) in doc.text[fact.start : fact.end].replace(",", "")


# ---------------------------------------------------------------- units


def test_pipeline_table_in_yuan_converts_to_wan(tmp_path: Path) -> None:
    path = tmp_path / "units.txt"
    path.write_text(TAB_LED, encoding="utf-8")
    doc = parse_file(path)
    assert [t.unit for t in doc.tables] == ["元"]
    total = [f for f in doc.facts if f.subject == "收入总计"]
    assert len(total) == 1
    fact = total[0]
    assert fact.origin == "table" and fact.measure == "预算数"
    assert fact.value == Decimal("189767551") and fact.unit == "元"
    assert fact.amount_wan == Decimal("18976.7551")
    assert doc.text[fact.start : fact.end].endswith("189,767,551")
    # "-" means nothing budgeted, not a figure
    assert not [f for f in doc.facts if f.subject == "事业收入"]
    # the prose figure keeps its own unit
    reception = [f for f in doc.facts if f.subject == "公务接待费"]
    assert [(f.value, f.unit, f.amount_wan) for f in reception] == [(Decimal("0.63"), "万元", Decimal("0.63"))]


def test_pipeline_table_in_wan_is_not_rescaled(tmp_path: Path) -> None:
    path = tmp_path / "wan.txt"
    path.write_text(TAB_LED.replace("单位：元", "单位：万元").replace("189,767,551", "18,976.7551"), encoding="utf-8")
    doc = parse_file(path)
    total = [f for f in doc.facts if f.subject == "收入总计"]
    assert [(f.value, f.unit, f.amount_wan) for f in total] == [(Decimal("18976.7551"), "万元", Decimal("18976.7551"))]


def test_a_classification_item_carries_to_the_line_that_states_its_other_figures(tmp_path: Path) -> None:
    """"26. “…城管执法（项）”604.34万元" then "2023年当年预算执行数为676.66万元…": both are 城管执法's."""
    path = tmp_path / "example-street-2024-dept-budget.txt"
    path.write_text(
        "示例市示例区示例街道办事处\n2024年部门预算\n二、财政拨款支出主要内容\n"
        "26. “城乡社区支出（类）城乡社区管理事务（款）城管执法（项）”604.34万元，主要用于执法工作。\n"
        "2023年当年预算执行数为676.66万元，2024年预算安排604.34万元，比2023年预算执行数减少10.69%。\n"
        "三、其他\n2023年收入预算100万元。\n",
        encoding="utf-8",
    )
    facts = parse_file(path).facts
    executed = next(f for f in facts if f.value == Decimal("676.66"))
    assert "城管执法" in executed.subject and executed.period == 2023
    assert "城管执法" not in next(f for f in facts if f.value == Decimal(100)).subject  # a heading ends the item


# ---------------------------------------------------------------- .txt table layouts

OPENING = "示例县示例镇人民政府\n\n2025年部门预算\n\n一、部门基本情况\n本部门负责全镇的行政管理工作。\n\n"
# rows copied from Word or Excel: cells separated by tabs, an empty cell an empty field, a merged header cell
# written once then left blank
TAB_ROWS = OPENING + (
    "表一 部门收支总表\n单位：元\n"
    "收入\t\t支出\t\n"
    "项目\t预算数\t项目\t预算数\n"
    "一、一般公共预算拨款\t1200000.00\t一、一般公共服务支出\t900000.00\n"
    "二、事业收入\t\t二、农林水支出\t300000.00\n"
    "收入总计\t1200000.00\t支出总计\t1200000.00\n"
    "\n"
    "表二 一般公共预算基本支出表\n单位：元\n"
    "经济分类科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
    "\t合计\t500000.00\t420000.00\t80000.00\n"
    "302\t商品和服务支出\t80000.00\t\t80000.00\n"
    "30201\t办公费\t46800.00\t\t46800.00\n"
    "\t对个人和家庭的补助\t\t\t\n"
    "30302\t退休费\t420000.00\t420000.00\t\n"
    "说明：本表不含项目支出。\n"
    "\n"
    "表三 项目支出表\n单位：元\n"
    "项目名称\t功能科目\t2025年预算数\n"
    "道路养护经费\t2140106\t300000.00\n"
)
# text extracted from a PDF: columns aligned with runs of spaces, the header wider than a header line of
# single-spaced words may be, a two-sided table with one figure on each side
SPACE_ALIGNED = OPENING + (
    "表1  收支预算总表\n单位：万元\n"
    "收入                        支出\n"
    "项目              预算数    项目                    预算数\n"
    "一、财政拨款收入  685.00    一、社会保障和就业支出  194.00\n"
    "二、事业收入      96.00     二、卫生健康支出        587.00\n"
    "收入总计          781.00    支出总计                781.00\n"
    "\n"
    "表2  支出预算表\n单位：万元\n"
    "科目编码  科目名称                          合计      基本支出  项目支出  上年结转结余安排支出\n"
    "          合计                              781.00    700.00    81.00     0.00\n"
    "208       社会保障和就业支出                194.00    194.00    0.00      0.00\n"
    "2080505   机关事业单位基本养老保险缴费支出  194.00    194.00    0.00      0.00\n"
    "210       卫生健康支出                      587.00    506.00    81.00     0.00\n"
    "2100201   综合医院                          587.00    506.00    81.00     0.00\n"
)


def parsed(tmp_path: Path, text: str, name: str = "example-town-2025-dept-budget.txt") -> ParsedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def table_figures(doc: ParsedDocument) -> dict[tuple[str, str], tuple[Decimal, str | None]]:
    return {(f.subject, f.measure): (f.value, f.unit) for f in doc.facts if f.origin == "table"}


def test_a_txt_of_tab_separated_rows_keeps_each_cell_where_its_tabs_put_it(tmp_path: Path) -> None:
    path = tmp_path / "tab-rows.txt"
    path.write_text(TAB_ROWS, encoding="utf-8")
    raw = load(path)
    assert raw.format == "txt" and len(raw.tables) == 3
    totals, basic, _ = raw.tables
    assert grid(totals)[:2] == [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"]]
    assert grid(totals)[3] == ["二、事业收入", "", "二、农林水支出", "300000.00"]  # the empty cell keeps its column
    assert grid(basic)[2] == ["302", "商品和服务支出", "80000.00", "", "80000.00"]
    assert grid(basic)[4] == ["", "对个人和家庭的补助", "", "", ""]  # a row with one filled cell stays in its table
    assert [ln.text for ln in basic.caption_lines][-2:] == ["表二 一般公共预算基本支出表", "单位：元"]
    texts = [ln.text for ln in raw.lines]
    assert "本部门负责全镇的行政管理工作。" in texts and "说明：本表不含项目支出。" in texts
    assert_offsets(raw)


def test_a_txt_of_tab_separated_rows_gives_table_facts(tmp_path: Path) -> None:
    doc = parsed(tmp_path, TAB_ROWS)
    figures = table_figures(doc)
    assert figures["办公费", "公用经费"] == (Decimal("46800.00"), "元")
    assert figures["退休费", "人员经费"] == (Decimal("420000.00"), "元")
    assert ("办公费", "人员经费") not in figures  # a blank cell is no figure
    assert figures["农林水支出", "支出/预算数"] == (Decimal("300000.00"), "元")
    assert figures["一般公共预算拨款", "收入/预算数"] == (Decimal("1200000.00"), "元")
    assert not [key for key in figures if key[0] == "事业收入"]
    assert figures["道路养护经费", "2025年预算数"] == (Decimal("300000.00"), "元")
    assert ("道路养护经费", "功能科目") not in figures  # a 科目 code is no sum of money


def test_a_txt_of_space_aligned_rows_gives_table_facts(tmp_path: Path) -> None:
    doc = parsed(tmp_path, SPACE_ALIGNED)
    assert [t.title for t in doc.tables] == ["表1 收支预算总表", "表2 支出预算表"]
    figures = table_figures(doc)
    assert figures["财政拨款收入", "收入/预算数"] == (Decimal("685.00"), "万元")
    assert figures["卫生健康支出", "支出/预算数"] == (Decimal("587.00"), "万元")
    assert figures["综合医院", "项目支出"] == (Decimal("81.00"), "万元")
    assert figures["机关事业单位基本养老保险缴费支出", "基本支出"] == (Decimal("194.00"), "万元")
    assert figures["合计", "上年结转结余安排支出"] == (Decimal("0.00"), "万元")
    assert "本部门负责全镇的行政管理工作。" in [ln.text for ln in load(tmp_path / "example-town-2025-dept-budget.txt").lines]


def test_a_txt_in_the_tab_led_layout_is_still_read_cell_by_line(tmp_path: Path) -> None:
    path = tmp_path / "tab-led.txt"
    path.write_text(TAB_LED, encoding="utf-8")
    raw = load(path)
    assert raw.text == TAB_LED  # the file's own text, not written anew
    assert [grid(t) for t in raw.tables] == [[["项目", "预算数"], ["收入总计", "189,767,551"],
                                              ["一般公共预算拨款收入", "189,767,551"], ["事业收入", "-"]]]
    first = raw.tables[0].rows[0][0]
    assert TAB_LED[first.start - 1 : first.end + 1] == "\t项目\n"  # the cell is its own tab-led line
    assert_offsets(raw)


def test_a_tab_led_dump_with_a_few_tab_separated_lines_stays_a_dump(tmp_path: Path) -> None:
    """Lines printing a whole row must outnumber the tab-led cell lines before a file is read as rows."""
    text = TAB_LED.replace("二、“三公”经费\n", "二、“三公”经费\n项目\t金额\n")
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    raw = load(path)
    assert raw.text == text and len(raw.tables) == 1 and grid(raw.tables[0])[1] == ["收入总计", "189,767,551"]


def test_a_sentences_item_loses_its_departments_name_and_the_note_after_it(tmp_path: Path) -> None:
    """"示例市示例区示例街道办事处（部门）共有车辆8辆": the count is of 车辆, with no 部门） left of the name."""
    path = tmp_path / "example-street-2025-dept-budget.txt"
    path.write_text("示例市示例区示例街道办事处\n2025年部门预算\n\n五、国有资产占有使用情况\n"
                    "截至2024年8月31日，示例市示例区示例街道办事处（部门）共有车辆8辆，其中：其他用车8辆。\n", encoding="utf-8")
    subjects = {f.subject for f in parse_file(path).facts if f.unit == "辆"}
    assert subjects == {"有车辆", "其他用车"}, subjects


def test_a_unit_printed_under_a_table_is_that_tables_unit(tmp_path: Path) -> None:
    """"单位：元" printed right under each table: the first table is in 元 too, not in no unit at all."""
    text = ("示例市示例局2025年部门预算\n表一 收支预算总表\n项目\t预算数\n一般公共预算拨款收入\t50,137,698.90\n"
            "收入总计\t51,397,698.90\n单位：元\n\n表二 项目支出预算表\n项目名称\t合计\n示例项目\t1,260,000.00\n合计\t1,260,000.00\n"
            "单位：元\n")
    path = tmp_path / "example-city-bureau_2025_dept-budget.txt"
    path.write_text(text, encoding="utf-8")
    units = {f.subject: f.unit for f in parse_file(path).facts if f.origin == "table"}
    assert units["一般公共预算拨款收入"] == "元" and units["示例项目"] == "元"
