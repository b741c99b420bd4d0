"""Facts read from four real Shanghai PDFs (values checked by hand against the PDFs' text)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.model import Fact, ParsedDocument


@pytest.fixture(scope="module")
def parsed(real_document):
    return real_document


def find(doc: ParsedDocument, subject: str, measure: str | None = None, origin: str | None = None) -> list[Fact]:
    return [f for f in doc.facts if f.subject == subject and (measure is None or f.measure == measure)
            and (origin is None or f.origin == origin)]


def assert_stated(doc: ParsedDocument, fact: Fact, printed: str) -> None:
    assert printed in doc.text[fact.start : fact.end]


def test_wanli_2025_income_total_in_yuan_becomes_wan(parsed):
    doc = parsed("01_shpt_wanli-street_2025_dept-budget.pdf")
    totals = [f for f in find(doc, "合计", origin="table") if f.value == Decimal("189767551")]
    assert totals and all(f.unit == "元" and f.amount_wan == Decimal("18976.7551") for f in totals)
    assert_stated(doc, totals[0], "189,767,551")


def test_wanli_2025_three_public_costs_breakdown(parsed):
    doc = parsed("01_shpt_wanli-street_2025_dept-budget.pdf")
    expected = {("三公经费", "预算数"): "37.91", ("因公出国（境）费", "金额"): "0",
                ("公务用车购置及运行费", "金额"): "36.56", ("公务接待费", "金额"): "1.35"}
    for (subject, measure), value in expected.items():
        facts = find(doc, subject, measure, origin="text")
        assert facts, (subject, measure)
        assert facts[0].value == Decimal(value) and facts[0].unit == "万元"
        assert_stated(doc, facts[0], value)
    (change,) = find(doc, "三公经费", "比上年减少")
    assert change.value == Decimal("10")


def test_district_office_2025_reception_in_narrative_and_table_differ(parsed):
    doc = parsed("05_shpt_district-gov-office_2025_dept-budget.pdf")
    narrative = find(doc, "公务接待费", origin="text")
    table = find(doc, "公务接待费", origin="table")
    assert narrative[0].value == Decimal("28.50") and narrative[0].unit == "万元"
    assert any(f.value == Decimal("185000.00") and f.amount_wan == Decimal("18.5") for f in table)


def test_municipal_finance_2025_three_public_costs(parsed):
    doc = parsed("09_sh_municipal-finance-bureau_2025_unit-budget.pdf")
    (fact,) = find(doc, "三公经费", "预算数", origin="text")
    assert fact.value == Decimal("346.30")
    assert doc.meta.department == "上海市财政局" and doc.meta.year == 2025 and doc.meta.kind == "单位预算"


def test_finance_bureau_2024_final_account_budget_outturn_and_rate(parsed):
    doc = parsed("10_shpt_finance-bureau_2024_dept-final-account.pdf")
    assert doc.meta.kind == "部门决算" and doc.meta.year == 2024
    subject = "一般公共预算财政拨款支出"
    assert find(doc, subject, "年初预算")[0].value == Decimal("2993.92")
    assert find(doc, subject, "支出决算")[0].value == Decimal("2940.05")
    rate = find(doc, subject, "完成率")[0]
    assert (rate.value, rate.unit) == (Decimal("98.20"), "%")
