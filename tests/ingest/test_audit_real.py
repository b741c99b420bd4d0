"""The source audit on the real disclosures: every warning and error it reports was read in the document and
is real (the list below is exactly what it must report, so a new false alarm fails); documents that hold the
rules give none; differences within rounding are `info`. And `budgetqa check`'s JSON and table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetqa.cli import main
from ingest.audit.findings import Finding, RuleId, Severity
from ingest.model import ParsedDocument

# per document: (rule, figures rounded to 2 decimals) of each warning and error, each read in the document
CONTRADICTIONS: dict[str, list[tuple[str, tuple[float, ...]]]] = {
    "01_shpt_wanli-street_2025_dept-budget.pdf": [  # 建筑面积 13459 ≠ 地上 8013 + 地下 5356; 计容 + 不计容 > 地上
        ("sum.parts_exceed", (8013, 7998, 105)),
        ("sum.parts_exceed", (13459, 8013, 5356)),
    ],
    "02_shpt_wanli-street_2024_dept-budget.pdf": [
        ("same.text_table", (352.67, 350.35)),
        ("same.two_amounts", (350.35, 352.67)),  # 住房公积金 350.35 / 352.67
        ("sum.parts_exceed", (8013, 7998, 105)),
        ("sum.parts_exceed", (13459, 8013, 5356)),
        ("word.empty_table", (47.91,)),
    ],  # 三公 table with figures, noted 空表
    "03_shpt_wanli-street_2023_dept-budget.pdf": [
        ("calc.percent", (60.54, 232.79)),  # 职业年金: 60.54% copied from the line above
        ("calc.percent", (314.82, 289.12)),  # 群众团体事务: 11.67 → 45.41 is +289.12%
        ("same.text_table", (441.25, 220.63)),
        ("same.two_amounts", (220.63, 441.25)),  # 职业年金 220.63 / 441.25
        ("sum.change_parts", (1421.25, 1421.25, 1421.25, 0)),  # 政府性基金 0万元 said to grow by 1421.25
        ("sum.parts_exceed", (8013, 7998, 105)),
        ("sum.parts_exceed", (13459, 8013, 5356)),
        ("sum.parts_exceed", (10903043, 11419043)),  # 当年财政拨款 above 年度资金申请总额
        ("word.zero_changed", (0, 1421.25)),
    ],
    "04_shpt_commerce-commission_2025_dept-budget.pdf": [("sum.balance", (24558.18, 24491.71))],
    "05_shpt_district-gov-office_2025_dept-budget.pdf": [],
    "06_shpt_finance-bureau_2025_dept-budget.pdf": [  # 职业年金 887.36 vs 873,617元 (on two repeated pages)
        ("same.text_table", (887.36, 87.36)),
        ("same.text_table", (887.36, 87.36)),
        ("word.empty_table", ()),
    ],  # the 国有资本经营 table's note speaks of 政府性基金
    "07_shpt_social-welfare-home_2024_unit-budget.pdf": [("same.text_table", (738.66, 696.48))],
    "08_shpt_justice-bureau_2026_dept-budget.pdf": [
        ("calc.percent", (17.62, -91.11)),
        ("calc.percent", (17.66, 17.93)),  # 其他司法支出, 职业年金
        ("same.text_table", (201.5, 208.8)),
        ("same.two_amounts", (208.8, 201.5)),  # 住房公积金 208.8 / 201.50
        ("word.project_period", (2026, 2025)),
        ("word.year", (2026, 2026)),
        ("word.year", (2026, 2026)),
    ],
    "09_sh_municipal-finance-bureau_2025_unit-budget.pdf": [("word.no_vehicles", (0, 32.2))],
    "10_shpt_finance-bureau_2024_dept-final-account.pdf": [
        ("calc.percent", (71.73, 71.65)),  # 一般公共服务支出 2106.66 of 2940.05
        ("same.text_table", (0.3, 2961.68)),
    ],  # 财政拨款收入支出总计0.3万元
    "11_shpt_planning-natural-resources-bureau_2024_dept-final-account.pdf": [
        ("same.text_table", (4896.98, 4884.09)),
        ("same.text_table", (5377.64, 5364.75)),  # 人员经费, 基本支出
        ("word.doubled", ()),
    ],  # 下降（增长）27.78%
    "12_shpt_party-social-work-dept_2024_dept-final-account.pdf": [("word.zero_base_rate", (0, 95.89))],
    "13_cq_transport-commission_2018_dept-budget.jsp": [],
    "14_shpt_shiquan-street_2026_unit-budget_pages.json": [
        ("calc.percent", (5.4, 5.38)),
        ("word.reason_direction", (2163.37,)),
    ],  # 增加的主要原因 after a decrease
}


def contradictions(doc: ParsedDocument) -> list[tuple[str, tuple[float, ...]]]:
    return sorted((f.rule.value, tuple(round(x, 2) for x in f.figures)) for f in doc.findings if f.severity is not Severity.INFO)


@pytest.mark.parametrize("name", sorted(CONTRADICTIONS))
def test_real_documents_report_exactly_their_contradictions(real_document, name: str) -> None:
    doc = real_document(name)
    assert contradictions(doc) == sorted(CONTRADICTIONS[name])
    for finding in doc.findings:
        assert len(finding.citations) >= 2 and all(doc.text[c.start : c.end] == c.quote and c.page for c in finding.citations)


def test_the_bundled_sample_caps_a_project_below_its_procurement(langfang_doc: ParsedDocument) -> None:
    assert contradictions(langfang_doc) == [("same.cost_cap", (1037, 1307))]  # 成本指标 ≤1037万元, 政府采购 1307.00
    [misplaced] = infos(langfang_doc, RuleId.INDICATOR_UNIT)  # 有奖举报: ≤50万元 as the 质量指标
    assert [c.quote for c in misplaced.citations] == ["质量指标", "≤50 万元"]


def infos(doc: ParsedDocument, rule: RuleId) -> list[Finding]:
    return [f for f in doc.findings if f.rule is rule and f.severity is Severity.INFO]


def test_differences_within_rounding_are_info(real_document) -> None:
    final_account = real_document("11_shpt_planning-natural-resources-bureau_2024_dept-final-account.pdf")
    assert {tuple(f.figures) for f in infos(final_account, RuleId.TABLE_VS_TABLE)} >= {(236.63, 236.64), (3845.25, 3845.24)}
    rounded = real_document("09_sh_municipal-finance-bureau_2025_unit-budget.pdf")  # 17,192万元 for 171,915,169元
    assert {f.figures[0] for f in infos(rounded, RuleId.TEXT_VS_TABLE)} == {17192}


def write_disclosure(folder: Path, total: int = 10, name: str = "check-me.txt") -> Path:
    path = folder / name
    path.write_text(
        "上海市普陀区某某街道办事处\n\n2025年部门预算\n\n"
        f"2025年“三公”经费预算数为{total}万元。其中：因公出国（境）费3万元，公务用车购置及运行费4万元，公务接待费2万元。\n",
        encoding="utf-8",
    )
    return path


def test_check_command_writes_the_json_and_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, report = write_disclosure(tmp_path), tmp_path / "audit.json"
    assert main(["check", str(path), "--json", str(report)]) == 1  # a warning or error: exit 1
    printed = capsys.readouterr().out
    assert "check-me.txt" in printed and "sum.three_public" in printed and "error" in printed
    data = json.loads(report.read_text(encoding="utf-8"))
    [document] = data["documents"]
    assert set(document) == {"source", "findings"} and document["source"] == "check-me.txt"
    [finding] = document["findings"]
    assert set(finding) == {"rule", "severity", "message", "figures", "citations"}
    assert (finding["rule"], finding["severity"], finding["figures"]) == ("sum.three_public", "error", [10, 3, 4, 2])
    assert all(set(c) == {"quote", "start", "end", "page"} for c in finding["citations"])
    text = path.read_text(encoding="utf-8")
    assert [text[c["start"] : c["end"]] for c in finding["citations"]] == [c["quote"] for c in finding["citations"]]


def test_check_command_on_a_clean_and_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(write_disclosure(tmp_path, total=9, name="clean.txt"))]) == 0
    assert "未发现问题" in capsys.readouterr().out
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["check", str(empty), "--json", str(tmp_path / "out.json")]) == 2
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["documents"][0]["error"]
