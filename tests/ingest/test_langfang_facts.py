"""parse_file on the Langfang 2020 sample: the figures a reader would cite, with exact source spans.

Expected values were read from samples/langfang-zfw-2020-dept-budget.txt by hand (line numbers
in comments), not taken from parser output.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from ingest.model import DocumentKind, Fact, ParsedDocument
from ingest.numbers import printed_numbers
from ingest.pipeline import parse_file
from ingest.sections import section_at, top_section_id
from ingest.tables import is_total_label

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
QUOTES = re.compile(r"[“”\"'‘’]")


def no_ws(text: str) -> str:
    return re.sub(r"\s+", "", text)


def bare(name: str) -> str:
    """Project names compared without quote marks (“护城河”专项经费 ≡ 护城河专项经费)."""
    return QUOTES.sub("", name)


def facts_where(doc: ParsedDocument, **fields: object) -> list[Fact]:
    return [f for f in doc.facts if all(getattr(f, k) == v for k, v in fields.items())]


def table_titled(doc: ParsedDocument, title: str):
    found = [t for t in doc.tables if t.title == title]
    assert len(found) == 1, f"expected one table titled {title!r}, got {[t.title for t in doc.tables]}"
    return found[0]


# ---------------------------------------------------------------- metadata


def test_metadata_department_year_kind(langfang_doc: ParsedDocument) -> None:
    meta = langfang_doc.meta
    assert meta.department == "中共廊坊市委政法委员会"
    assert meta.year == 2020
    assert meta.kind == DocumentKind.DEPT_BUDGET
    assert meta.format == "txt"
    assert meta.source == "langfang-zfw-2020-dept-budget.txt"
    assert meta.doc_id == meta.sha256[:16]


# ---------------------------------------------------------------- figures stated in prose


def test_facts_reception_fee_from_text(langfang_doc: ParsedDocument) -> None:
    # line 52: "…；公务接待费0.63万元。"
    found = [f for f in langfang_doc.facts if f.subject == "公务接待费" and f.value == Decimal("0.63")]
    assert len(found) == 1, [(f.subject, f.value) for f in langfang_doc.facts if "接待" in f.subject]
    fact = found[0]
    assert fact.origin == "text"
    assert fact.unit == "万元" and fact.amount_wan == Decimal("0.63")
    assert "0.63" in langfang_doc.text[fact.start : fact.end]
    assert "公务接待费" in langfang_doc.text[fact.start : fact.end]


def test_facts_three_public_expenses_total(langfang_doc: ParsedDocument) -> None:
    # line 52: "我部门财政拨款“三公”经费预算安排8.5万元"
    found = [f for f in langfang_doc.facts if "三公经费" in bare(f.subject) and f.value == Decimal("8.5")]
    assert len(found) == 1, [(f.subject, f.value) for f in langfang_doc.facts if "三公" in f.subject]
    assert found[0].unit == "万元" and found[0].origin == "text"
    assert "8.5" in langfang_doc.text[found[0].start : found[0].end]


def test_facts_personnel_expenses(langfang_doc: ParsedDocument) -> None:
    # line 41: "包括人员经费859.54万元和日常公用经费116.7万元"
    found = facts_where(langfang_doc, subject="人员经费", value=Decimal("859.54"))
    assert len(found) == 1
    assert found[0].unit == "万元" and found[0].amount_wan == Decimal("859.54")
    assert "859.54" in langfang_doc.text[found[0].start : found[0].end]


# ---------------------------------------------------------------- 固定资产占用情况表 (lines 1342-1373)


def test_facts_fixed_assets_total_from_table(langfang_doc: ParsedDocument) -> None:
    table = table_titled(langfang_doc, "廊坊市市直部门固定资产占用情况表")
    found = [f for f in facts_where(langfang_doc, subject="资产总额", origin="table") if f.table_id == table.id]
    assert len(found) == 1, found
    fact = found[0]
    assert fact.value == Decimal("2601.71932")
    assert fact.unit == "万元" and fact.amount_wan == Decimal("2601.71932")
    assert "价值" in fact.measure
    assert langfang_doc.text[fact.start : fact.end].endswith("2601.71932")


def test_facts_vehicles_count_and_value(langfang_doc: ParsedDocument) -> None:
    # "2、车辆（台、辆）  3  69.63": a count in 台 and a value in 万元 (column 价值（金额单位：万元）)
    vehicles = facts_where(langfang_doc, subject="车辆", origin="table")
    counts = [f for f in vehicles if f.measure == "数量"]
    values = [f for f in vehicles if "价值" in f.measure]
    assert len(counts) == 1 and len(values) == 1, vehicles
    assert counts[0].value == Decimal("3") and counts[0].unit == "台" and counts[0].amount_wan is None
    assert values[0].value == Decimal("69.63") and values[0].unit == "万元" and values[0].amount_wan == Decimal("69.63")
    assert langfang_doc.text[values[0].start : values[0].end].endswith("69.63")


# ---------------------------------------------------------------- 16 绩效目标表: 成本指标 (lines 100-1158)

# project → (value, qualifier as printed), read from each table's 成本指标 row
COST_TARGETS: dict[str, tuple[str, str | None]] = {
    "“护城河”专项经费": ("350", "≤"),  # line 138
    "《廊坊长安网》运行维护费": ("6", None),  # line 205
    "大要案协调保障经费": ("200", "≤"),  # line 264
    "国家司法救助资金": ("100", None),  # line 331
    "机房升级项目经费": ("50", "≤"),  # line 391
    "见义勇为工作经费": ("47", "≤"),  # line 458
    "廊坊市综治中心建设及运维-综治大脑（二期）建设资金": ("140", "≤"),  # line 517
    "廊坊市综治中心建设及运维-综治中心（一期、二期建设部分）设备运维服务经费": ("140", "≤"),  # line 599
    "全市社会治安综合治理工作经费": ("350", "≤"),  # line 666
    "扫黑除恶专项斗争办公经费": ("50", None),  # line 732
    "涉黑涉恶线索有奖举报奖励资金": ("50", None),  # line 799
    "牺牲伤残特困干警市级资助资金": ("30", "≤"),  # line 864
    "政法三、四级网带宽线路租用经费": ("1037", "≤"),  # line 937
    "政法信息网络中心及综治中心服务经费": ("170", "≤"),  # line 1012
    "政法信息网络中心劳务派遣服务经费": ("29", "≤"),  # line 1077
    "中央司法救助转移支付资金": ("250", None),  # line 1143
}


def test_facts_sixteen_performance_tables(langfang_doc: ParsedDocument) -> None:
    titles = [t.title for t in langfang_doc.tables if t.title.endswith("绩效目标表")]
    assert len(titles) == 16
    assert {bare(re.sub(r"绩效目标表$", "", t)) for t in titles} == {bare(p) for p in COST_TARGETS}


def test_facts_cost_targets_one_per_project(langfang_doc: ParsedDocument) -> None:
    cost = [f for f in langfang_doc.facts if f.measure == "成本指标"]
    assert sorted(bare(f.subject) for f in cost) == sorted(bare(p) for p in COST_TARGETS)


@pytest.mark.parametrize("project", list(COST_TARGETS))
def test_facts_cost_target(langfang_doc: ParsedDocument, project: str) -> None:
    value, qualifier = COST_TARGETS[project]
    found = [f for f in langfang_doc.facts if f.measure == "成本指标" and bare(f.subject) == bare(project)]
    assert len(found) == 1, f"{project}: {found}"
    fact = found[0]
    assert fact.value == Decimal(value)
    assert fact.qualifier == qualifier
    assert fact.unit == "万元" and fact.amount_wan == Decimal(value)
    assert fact.origin == "table"
    printed = f"{qualifier or ''}{value} 万元"
    assert langfang_doc.text[fact.start : fact.end].endswith(printed)
    table = next(t for t in langfang_doc.tables if t.id == fact.table_id)
    assert bare(table.title) == bare(project) + "绩效目标表"


# ---------------------------------------------------------------- 部门政府采购预算 (lines 1164-1336)

PROCUREMENT: dict[str, str] = {
    "政法三、四级网带宽线路租用经费": "1307.00",
    "政法三、四级网设备运维经费": "102.00",
    "政法信息网络中心及综治中心服务经费": "170.00",
    "廊坊市综治中心建设及运维-综治中心（一期、二期建设部分）设备运维服务经费": "140.00",
    "廊坊市综治中心建设及运维-综治大脑（二期）建设资金": "140.00",
    "机房升级项目经费": "50.00",
    "铁路护路联防工作劳务派遣服务经费": "48.00",
}


@pytest.mark.parametrize("measure", ["预算资金", "合计"])
def test_facts_procurement_rows_sum_to_total(langfang_doc: ParsedDocument, measure: str) -> None:
    table = table_titled(langfang_doc, "部门政府采购预算")
    facts = [f for f in langfang_doc.facts if f.table_id == table.id and f.measure == measure]
    rows = {f.subject: f for f in facts if not is_total_label(f.subject)}
    assert {s: str(f.value) for s, f in rows.items()} == PROCUREMENT
    assert all(f.unit == "万元" for f in rows.values())
    assert sum(f.amount_wan for f in rows.values()) == Decimal("1957.00")
    for fact in rows.values():
        assert langfang_doc.text[fact.start : fact.end].startswith(fact.subject)


def test_facts_procurement_total_row_and_text(langfang_doc: ParsedDocument) -> None:
    table = table_titled(langfang_doc, "部门政府采购预算")
    totals = [f for f in langfang_doc.facts if f.table_id == table.id and f.measure == "合计" and no_ws(f.subject) == "合计"]
    assert [t.value for t in totals] == [Decimal("1957.00")]
    # line 1162: "2020年，我部门安排政府采购预算1957万元。"
    stated = [f for f in langfang_doc.facts if f.origin == "text" and "政府采购" in f.subject]
    assert [f.value for f in stated] == [Decimal("1957")]


def test_facts_bandwidth_lease_both_figures(langfang_doc: ParsedDocument) -> None:
    # the document contradicts itself: ≤1037 万元 in its 绩效目标表, 1307.00 万元 in 政府采购预算
    lease = [f for f in langfang_doc.facts if f.subject == "政法三、四级网带宽线路租用经费" and f.unit == "万元"]
    by_value = {f.value: f for f in lease}
    assert Decimal("1037") in by_value and Decimal("1307.00") in by_value
    assert by_value[Decimal("1037")].measure == "成本指标"
    assert by_value[Decimal("1307.00")].table_id != by_value[Decimal("1037")].table_id


# ---------------------------------------------------------------- spans


def test_facts_spans_end_at_printed_figure(langfang_doc: ParsedDocument) -> None:
    text = langfang_doc.text
    for fact in langfang_doc.facts:
        assert 0 <= fact.start < fact.end <= len(text), fact
        span = text[fact.start : fact.end]
        numbers = [n.replace(",", "") for n in NUMBER.findall(span)]
        in_words = printed_numbers(span)  # a count in words prints its figure too ("召开领导小组会议三次以上")
        assert (numbers and numbers[-1] == str(fact.value)) or (in_words and in_words[-1] == fact.value), (
            f"{fact.subject}/{fact.measure}: span {span!r} vs {fact.value}")
        assert fact.origin in ("table", "text")
        if fact.origin == "table":
            table = next(t for t in langfang_doc.tables if t.id == fact.table_id)
            assert table.start <= fact.start and fact.end <= table.end
        else:
            assert fact.table_id is None


# ---------------------------------------------------------------- chunks


def _chunk_body(doc: ParsedDocument, chunk) -> str:
    """The part of a chunk's text built from its spans (without heading, table title/header, source tag)."""
    if chunk.kind == "text":
        assert chunk.text.startswith(chunk.heading + "\n") if chunk.heading else True
        return chunk.text[len(chunk.heading) + 1 :] if chunk.heading else chunk.text
    table = next(t for t in doc.tables if chunk.text.startswith(f"《{t.title}》") and t.section_id == chunk.section_id)
    lines = chunk.text.split("\n")[2 if table.header else 1 :]
    return "\n".join(line.split("——来自《")[0] for line in lines)


def test_chunks_text_is_built_from_spans(langfang_doc: ParsedDocument) -> None:
    text = langfang_doc.text
    for chunk in langfang_doc.chunks:
        assert chunk.spans and all(0 <= s < e <= len(text) for s, e in chunk.spans), chunk.id
        assert list(chunk.spans) == sorted(chunk.spans), chunk.id
        body = _chunk_body(langfang_doc, chunk)
        sources = [text[s:e] for s, e in chunk.spans]
        if chunk.kind == "text":
            assert no_ws("".join(sources)) == no_ws(body), chunk.id
        # every figure a chunk states can be found in the source spans it cites
        cited = {n for source in sources for n in NUMBER.findall(source)}
        stated = set(NUMBER.findall(body))
        assert stated <= cited, f"{chunk.id}: figures not in its spans: {stated - cited}"


def test_chunks_cite_the_reception_fee_sentence(langfang_doc: ParsedDocument) -> None:
    holders = [c for c in langfang_doc.chunks if "公务接待费0.63万元" in c.text]
    assert holders
    for chunk in holders:
        assert any("公务接待费0.63万元" in langfang_doc.text[s:e] for s, e in chunk.spans)
        assert chunk.heading == "四、财政拨款“三公”经费预算情况及增减变化原因"


def test_chunks_never_cross_top_level_sections(langfang_doc: ParsedDocument) -> None:
    sections = langfang_doc.sections
    for chunk in langfang_doc.chunks:
        tops = {top_section_id(sections, section_at(sections, offset)) for s, e in chunk.spans for offset in (s, e - 1)}
        assert len(tops) == 1, f"{chunk.id} spans top-level sections {tops}"
        own = top_section_id(sections, sections[chunk.section_id]) if chunk.section_id is not None else None
        assert tops == {own}, chunk.id


def test_chunks_carry_heading_chain(langfang_doc: ParsedDocument) -> None:
    sections = {s.id: s for s in langfang_doc.sections}
    for chunk in langfang_doc.chunks:
        expected = " > ".join(sections[chunk.section_id].path) if chunk.section_id is not None else ""
        assert chunk.heading == expected, chunk.id
        first = section_at(langfang_doc.sections, chunk.spans[0][0])
        assert (first.id if first else None) == chunk.section_id, chunk.id
    cost = [c for c in langfang_doc.chunks if c.kind == "table" and "机房升级项目经费" in c.text and "≤50 万元" in c.text]
    assert [c.heading for c in cost] == ["第二部分 资金绩效目标 > 5、机房升级项目经费绩效目标表"]


def test_chunks_spans_lie_in_their_heading_section(langfang_doc: ParsedDocument) -> None:
    sections = {s.id: s for s in langfang_doc.sections}
    wrong = []
    for chunk in langfang_doc.chunks:
        if chunk.section_id is None:
            continue
        section = sections[chunk.section_id]
        outside = [(s, e) for s, e in chunk.spans if not (section.start <= s and e <= section.end)]
        if outside:
            wrong.append((chunk.id, chunk.heading, len(outside), len(chunk.spans)))
    assert not wrong


def test_chunks_table_rows_keep_every_cell(langfang_doc: ParsedDocument) -> None:
    missing = []
    for chunk in (c for c in langfang_doc.chunks if c.kind == "table"):
        for s, e in chunk.spans:
            for cell in re.split(r"\n[ \t]*", langfang_doc.text[s:e]):
                if cell.strip() and no_ws(cell) not in no_ws(chunk.text):
                    missing.append((chunk.id, cell))
    # e.g. 政府采购: "其他电信和信息传输服务", "C0399", "1.00" are cited by the span but absent from the text
    assert not missing


def test_chunks_ids_stable_and_unique(langfang_doc: ParsedDocument, langfang_path: Path) -> None:
    again = parse_file(langfang_path)
    assert [c.id for c in again.chunks] == [c.id for c in langfang_doc.chunks]
    assert [c.text for c in again.chunks] == [c.text for c in langfang_doc.chunks]
    assert len({c.id for c in langfang_doc.chunks}) == len(langfang_doc.chunks)


# ---------------------------------------------------------------- structure defects found in this sample


def test_sections_numbered_heading_after_part_is_top_level(langfang_doc: ParsedDocument) -> None:
    # 六、政府采购预算情况 continues 一、…四、 of the document; it is not part of 第二部分 资金绩效目标
    found = [s for s in langfang_doc.sections if s.title == "六、政府采购预算情况"]
    assert len(found) == 1
    assert found[0].path == ("六、政府采购预算情况",)


def test_facts_wrapped_cell_keeps_its_row(langfang_doc: ParsedDocument) -> None:
    # lines 534-540: "服务对象满意度指" / blank / "标" then "≥85 百分比" in the same row
    project = "廊坊市综治中心建设及运维-综治大脑（二期）建设资金"
    found = [f for f in langfang_doc.facts if f.subject == project and f.measure == "服务对象满意度指标"]
    assert [(f.value, f.unit, f.qualifier) for f in found] == [(Decimal("85"), "%", "≥")]


def test_facts_shared_copy_parses_identically(langfang_doc: ParsedDocument, shared_corpus: Path) -> None:
    copy = shared_corpus / "langfang-zfw-2020-dept-budget.txt"
    if not copy.is_file():
        pytest.skip(f"{copy} not in the shared corpus")
    doc = parse_file(copy)
    assert doc.meta.sha256 == langfang_doc.meta.sha256
    assert [(f.subject, f.measure, f.value, f.start) for f in doc.facts] == [
        (f.subject, f.measure, f.value, f.start) for f in langfang_doc.facts
    ]
