"""A legend saying what bracketed figures are makes each figure bracketed after another that year's figure."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ingest.model import Basis
from ingest.pipeline import parse_file

LISTED = """# 示例区红十字会2025年单位预算

说明：以下各表均以列表形式公开，金额单位为万元，括号内为2024年预算数。

## 表十 项目支出预算表

- 应急救护培训（2081699）：18.00万元（16.00万元）
- 人道救助（2081699）：26.00万元（30.00万元）

## 第三部分 说明

人道救助项目26.00万元（含困难群众救助），比上年减少4.00万元。
"""


def _texts(tmp_path: Path, text: str) -> list[tuple[str, str, Decimal, int | None, Basis]]:
    path = tmp_path / "example-district-red-cross_2025_unit-budget.md"
    path.write_text(text, encoding="utf-8")
    return [(f.subject, f.measure, f.value, f.period, f.basis) for f in parse_file(path).facts if f.origin == "text"]


def test_a_figure_bracketed_after_another_is_the_legends_year(tmp_path: Path) -> None:
    facts = _texts(tmp_path, LISTED)
    assert ("人道救助", "金额", Decimal("26.00"), None, Basis.BUDGET) in facts
    assert ("人道救助", "2024年预算数", Decimal("30.00"), 2024, Basis.BUDGET) in facts
    assert ("应急救护培训", "2024年预算数", Decimal("16.00"), 2024, Basis.BUDGET) in facts
    assert not any(value == Decimal("26.00") and period for _, _, value, period, _ in facts)  # the year's own stays


def test_without_a_legend_a_bracketed_figure_keeps_no_year(tmp_path: Path) -> None:
    facts = _texts(tmp_path, LISTED.replace("，括号内为2024年预算数", ""))
    assert not any(period for *_, period, _ in facts)
