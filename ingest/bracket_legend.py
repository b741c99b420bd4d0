"""What a document's legend says its bracketed figures are ("括号内为2024年预算数"): a figure printed in brackets right
after another ("人道救助：26.00万元（30.00万元）") is then that year's figure of the same item, never a second figure of
this year's."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.facts import basis_in
from ingest.model import Basis, Fact

_LEGEND = re.compile(r"括号(?:内|中|里)(?:的)?(?:数字|数据|金额|数)?(?:为|是|系)(?P<year>(?:19|20)\d{2})\s*年度?(?P<basis>"
                     r"预算执行数|执行数|预算数|决算数|预算|决算)")
_OPENING_BRACKETS = "（("
_AMOUNT_BEFORE = re.compile(r"\d\s*(?:亿元|万元|元)\s*$")  # the bracket follows a figure of its own


def bracketed_as_legend_says(facts: list[Fact], text: str) -> list[Fact]:
    """The facts, each figure in brackets right after another one's stated as the legend's year and basis."""
    legend = _LEGEND.search(text)
    if legend is None:
        return facts
    year = int(legend["year"])
    basis = basis_in(legend["basis"], Basis.BUDGET)
    measure = f"{year}年{legend['basis'].removesuffix('数')}数"
    return [replace(f, period=year, basis=basis, measure=measure) if f.origin == "text" and _bracketed(f, text) else f
            for f in facts]


def _bracketed(fact: Fact, text: str) -> bool:
    """Whether the fact's figure opens a bracket that follows another figure: "26.00万元（30.00万元）"."""
    at = fact.start + (text[fact.start : fact.start + 1] in _OPENING_BRACKETS)  # a mention may open with its bracket
    before = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    return fact.measure == "金额" and before.endswith(tuple(_OPENING_BRACKETS)) \
        and _AMOUNT_BEFORE.search(before[:-1]) is not None
