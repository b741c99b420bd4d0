"""Tables in page text (a JSON list of pages extracted from a PDF): columns read from the header lines,
tables carried over pages, the table's unit, 科目编码 rows, and figures placed by the sums they keep."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ingest.loaders import load
from ingest.display_width import display_width as _width
from ingest.loaders.text_tables import header_words, match_form, read_layout
from ingest.model import Fact, ParsedDocument, TableKind
from ingest.pipeline import MetaOverrides, parse_file
from ingest.subjects import classification_levels, same_item
from loader_support import assert_offsets

OWNER = MetaOverrides(department="某某街道办事处")
EXPENSE_HEAD = "项目 支出预算\n功能分类科目编码\n功能分类科目名称 合计 基本支出 项目支出\n类款项\n"
# a 功能分类 table over two pages, in 元; a blank cell leaves no trace, so "2010301行政运行 1,000,000
# 1,000,000" says only by the sums of the rows above it that its second figure is 基本支出
EXPENSE = [
    {
        "page": 1,
        "text": (
            "2026年单位支出预算总表\n编制单位：某某街道办事处 单位：元\n" + EXPENSE_HEAD
            + "201 一般公共服务支出 3,000,000 1,000,000 2,000,000\n"
            "20103 政府办公厅（室）及相关机构事务 3,000,000 1,000,000 2,000,000\n"
            "2010301行政运行 1,000,000 1,000,000\n"
            "2010302一般行政管理事务 2,000,000 2,000,000\n"
        ),
    },
    {
        "page": 2,
        "text": (
            "208 社会保障和就业支出 500,000 500,000\n"
            "20805 行政事业单位养老支出 500,000 500,000\n"
            "2080505机关事业单位基本养老保险缴费支出 500,000 500,000\n"
            "合计 3,500,000 1,500,000 2,000,000\n"
        ),
    },
]


def write_pages(tmp_path: Path, pages: list[dict], name: str = "unit-budget_pages.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return path


def table_facts(doc: ParsedDocument) -> dict[tuple[str, str], Fact]:
    facts = [f for f in doc.facts if f.table_id is not None]
    found = {(f.subject, f.measure): f for f in facts}
    assert len(found) == len(facts), "one fact per row and column"
    return found


def test_header_lines_code_rows_and_unit_give_typed_facts(tmp_path: Path) -> None:
    doc = parse_file(write_pages(tmp_path, EXPENSE), overrides=OWNER)
    facts = table_facts(doc)
    running = facts["行政运行", "支出预算/基本支出"]
    assert running.value == Decimal("1000000") and running.unit == "元" and running.amount_wan == Decimal("100")
    assert running.row_path == ("201", "03", "01", "行政运行")  # the name is the label, the code its parts
    assert running.col_path == ("支出预算", "基本支出")
    assert running.table_kind is TableKind.EXPENSE and running.context.startswith("2026年单位支出预算总表")
    assert doc.text[running.start : running.end].startswith("201\t03\t01\t行政运行")
    assert facts["行政运行", "支出预算/合计"].amount_wan == Decimal("100")
    assert facts["一般行政管理事务", "支出预算/项目支出"].amount_wan == Decimal("200")
    assert ("行政运行", "支出预算/项目支出") not in facts and ("一般行政管理事务", "支出预算/基本支出") not in facts
    # a 款 row after 项 rows takes no 项 code from the row above
    assert facts["行政事业单位养老支出", "支出预算/合计"].row_path == ("208", "05", "行政事业单位养老支出")
    assert facts["社会保障和就业支出", "支出预算/合计"].row_path == ("208", "社会保障和就业支出")
    assert facts["合计", "支出预算/项目支出"].amount_wan == Decimal("200")


def test_a_table_carried_to_the_next_page_keeps_its_title_header_and_unit(tmp_path: Path) -> None:
    doc = parse_file(write_pages(tmp_path, EXPENSE), overrides=OWNER)
    assert len(doc.tables) == 1 and doc.tables[0].unit == "元"
    facts = table_facts(doc)
    carried = facts["机关事业单位基本养老保险缴费支出", "支出预算/基本支出"]  # on page 2, under no header there
    assert carried.table_id == facts["行政运行", "支出预算/合计"].table_id
    assert carried.amount_wan == Decimal("50") and carried.col_path == ("支出预算", "基本支出")
    assert carried.page == 1  # like a PDF's continued table, written on the page the table starts on


def test_repeated_header_lines_join_and_rows_that_do_not_fit_start_a_table(tmp_path: Path) -> None:
    pages = [
        {"page": 1, "text": "2026年项目经费表\n单位：万元\n项目 本年预算 上年预算\n会议费 10.5 9\n培训费 4 4.5\n"},
        {"page": 2, "text": "项目 本年预算 上年预算\n差旅费 3 2\n"},
        {"page": 3, "text": "邮电费 1 2 3 4\n印刷费 5 6 7 8\n"},
    ]
    doc = load(write_pages(tmp_path, pages))
    assert len(doc.tables) == 2
    first, second = doc.tables
    assert [c.text for c in first.rows[-1]] == ["差旅费", "3", "2"]
    assert doc.text.count("项目 本年预算 上年预算") == 1  # the repeated header is not written twice
    assert second.header is None and [c.text for c in second.rows[0]] == ["邮电费", "1", "2", "3", "4"]
    assert_offsets(doc)
    facts = table_facts(parse_file(write_pages(tmp_path, pages, "b.json"), overrides=OWNER))
    assert facts["差旅费", "本年预算"].amount_wan == Decimal("3")  # 单位：万元: not rescaled
    assert facts["会议费", "本年预算"].amount_wan == Decimal("10.5")


def test_run_together_and_wrapped_header_words_and_a_figure_no_sum_places(tmp_path: Path) -> None:
    pages = [{"page": 1, "text": (
        "2026年“三公”经费和机关运行经费预算表\n编制单位：某某街道办事处 单位:万元\n"
        "“三公”经费预算数\n机关运行经费预算\n数合计 因公出国(境)费 公务接待费公务用车购置及运行费\n小计 购置费 运行费\n"
        "5.2 1.2 4 4 120.5\n"
    )}]
    doc = parse_file(write_pages(tmp_path, pages), overrides=OWNER)
    facts = [f for f in doc.facts if f.table_id is not None]
    assert {(f.col_path, f.amount_wan) for f in facts} == {
        (("“三公”经费预算数", "合计"), Decimal("5.2")),
        (("“三公”经费预算数", "公务用车购置及运行费", "小计"), Decimal("4")),
        (("机关运行经费预算数",), Decimal("120.5")),
    }  # 1.2 is 因公出国(境)费 or 公务接待费, the second 4 购置费 or 运行费: the text does not say
    assert doc.tables[0].kind is TableKind.THREE_PUBLIC


def test_a_two_sided_table_reads_each_side(tmp_path: Path) -> None:
    pages = [{"page": 1, "text": (
        "2026年单位财务收支预算总表\n单位：元\n本年收入 本年支出\n项目 预算数 项目预算数\n合计基本支出\n项目支出\n人员经费公用经费\n"
        "一、财政拨款收入 9,000 一、一般公共服务支出 6,000 6,000\n"
        "二、事业收入 二、教育支出 3,000 2,000 1,000\n"
        "收入总计 9,000 支出总计 9,000 2,000 1,000 6,000\n"
    )}]
    facts = table_facts(parse_file(write_pages(tmp_path, pages), overrides=OWNER))
    assert facts["财政拨款收入", "本年收入/预算数"].amount_wan == Decimal("0.9")
    assert facts["一般公共服务支出", "本年支出/预算数/项目支出"].amount_wan == Decimal("0.6")
    assert facts["教育支出", "本年支出/预算数/基本支出/人员经费"].amount_wan == Decimal("0.2")
    assert facts["教育支出", "本年支出/预算数/基本支出/公用经费"].amount_wan == Decimal("0.1")
    assert facts["支出总计", "本年支出/预算数/合计"].amount_wan == Decimal("0.9")
    assert not [key for key in facts if key[0] == "事业收入"]  # its side of the row is blank


def test_two_tables_printed_side_by_side_under_repeated_label_headers(tmp_path: Path) -> None:
    """人员经费 | 公用经费 as two runs of 科目编码 科目名称 决算数, each head printed once per column it spans."""
    pages = [{"page": 1, "text": (
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
        "人员经费 人员经费 人员经费 公用经费 公用经费 公用经费\n"
        "经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数\n"
        "30101 基本工资 402.60 30201 办公费 24.62\n"
        "30102 津贴补贴 278.36 30202 印刷费 6.80\n"
        "30113 住房公积金 128.10\n"
    )}]
    facts = table_facts(parse_file(write_pages(tmp_path, pages), overrides=OWNER))
    assert facts["办公费", "公用经费/决算数"].value == Decimal("24.62")
    assert facts["基本工资", "人员经费/决算数"].value == Decimal("402.60")
    assert facts["印刷费", "公用经费/决算数"].value == Decimal("6.80")
    assert not [key for key in facts if key[0] in ("30201", "办公费 24.62")]  # a code opens the right side's label


def test_columns_the_sums_cannot_tell_apart_give_only_the_total(tmp_path: Path) -> None:
    pages = [{"page": 1, "text": (
        "2026年单位收入预算总表\n单位：元\n项目 收入预算\n功能分类科目名称 合计 财政拨款收入事业收入事业单位\n经营收入其他收入\n"
        "201 一般公共服务支出 8,000 8,000\n合计 8,000 8,000\n"
    )}]
    facts = table_facts(parse_file(write_pages(tmp_path, pages), overrides=OWNER))
    assert set(facts) == {("一般公共服务支出", "收入预算/合计"), ("合计", "收入预算/合计")}


def test_header_layout_read_from_lines() -> None:
    layout = read_layout(["项目 收入预算", "功能分类科目名称 合计 财政拨款收入事业收入事业单位", "经营收入其他收入", "类款项"])
    assert layout is not None and len(layout.sides) == 1
    assert layout.sides[0].columns == (("收入预算", "合计"), ("收入预算", "财政拨款收入"), ("收入预算", "事业收入"),
                                       ("收入预算", "事业单位经营收入"), ("收入预算", "其他收入"))
    assert read_layout(["项目 上年结余数 本年数"]).sides[0].columns == (("上年结余数",), ("本年数",))  # unlisted words by spaces
    assert read_layout(["项目 类款项"]) is None  # labels only: no figure columns


def test_header_vocabulary_file() -> None:
    words = header_words()
    assert {"合计", "基本支出", "人员经费", "公务用车购置及运行费", "事业单位经营收入"} <= words.words
    assert {"类", "款", "项", "项目"} <= words.labels
    for whole, parts in words.parts.items():
        assert whole in words.words and len(parts) >= 2 and set(parts) <= words.words, whole
    assert words.parts[match_form("基本支出")] == ("人员经费", "公用经费")
    assert match_form("“三公”经费（预算）") == "三公经费(预算)"


def test_a_row_is_the_item_a_dashed_classification_chain_in_prose_names() -> None:
    chain = "一般公共服务支出(类）-统计信息事务（款）-专项普查活动（项）"  # how the prose of page-text documents writes it
    assert classification_levels(chain) == ("一般公共服务支出", "统计信息事务", "专项普查活动")
    assert same_item(chain, "专项普查活动")  # the table row's label


def test_prose_wrapped_at_a_common_width_is_joined_though_a_padded_line_is_wider(tmp_path: Path) -> None:
    """Text copied from a PDF wraps every paragraph at one width, even inside a figure ("412" / ".60万元"); a few
    lines padded with spaces past it (部门：… 单位：万元) do not hide that width."""
    filler = ["按照综合预算的原则本部门所有收入和支出均纳入部门预算管理并按规定公开预算信息接受监督" * 2][0][:40]
    padded = "部门：示例省示例厅" + " " * 62 + "单位：万元"
    lines = ["示例省示例厅2025年部门预算", "一、收支预算总体情况", *[filler] * 12,
             "收入包括：一般公共预算拨款收入三千万元，事业收入二百万元，基金零元，其他收入412",  # ran into the margin
             ".60万元，上年结转结余1350.00万元。", padded, "二、收入预算表", padded,
             "项目\t预算数", "一般公共预算拨款\t3000.00", "事业收入\t200.00", "其他收入\t412.60"]
    assert {_width(line) for line in lines[2:14]} == {80}
    path = tmp_path / "example-department-2025-dept-budget.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc = parse_file(path)
    assert "其他收入412.60万元，上年结转结余1350.00万元" in doc.text


def test_a_space_aligned_table_in_full_width_digits_is_read_as_a_table(tmp_path: Path) -> None:
    """Figures printed in full-width digits ("６０．７９７５") are figures: a table of one column and one of three."""
    text = ("示例县示例乡卫生院\n2024年度单位决算\n表六 一般公共预算财政拨款基本支出决算表\n单位：万元\n"
            "科目编码        科目名称                  决算数\n"
            "３０１０１      基本工资                  ９８．６４００\n"
            "３０１０７      绩效工资                  ６０．７９７５\n"
            "３０２１７      公务接待费                ０．３８６０\n"
            "表七 一般公共预算财政拨款支出决算表\n单位：万元\n"
            "科目编码        科目名称                  合计            基本支出        项目支出\n"
            "２１００４０８  基本公共卫生服务          １２８．６５００  １００．００００  ２８．６５００\n"
            "２２１０２０１  住房公积金                ３８．４１２０    ３８．４１２０\n")
    path = tmp_path / "example-township-health-centre_2024_unit-final-account.txt"
    path.write_text(text, encoding="utf-8")
    facts = {(f.subject, f.measure): f.value for f in parse_file(path).facts if f.origin == "table"}
    assert facts[("绩效工资", "决算数")] == Decimal("60.7975") and facts[("公务接待费", "决算数")] == Decimal("0.3860")
    assert facts[("基本公共卫生服务", "项目支出")] == Decimal("28.6500")
    assert facts[("住房公积金", "合计")] == Decimal("38.4120")
