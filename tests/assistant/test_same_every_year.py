"""A question that names no year, about a body whose documents of several years state one and the same figure,
is answered with that figure and every year's place cited; different figures are asked back about."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant


def disclosure(year: int, units: int, vehicles: int) -> str:
    return (f"示例市示例区示例街道办事处\n\n{year}年部门预算\n\n一、部门预算单位构成\n"
            f"示例街道办事处{year}年部门预算包括本级及下属预算单位{units}家。\n"
            f"二、国有资产占有使用情况\n截至{year - 1}年底，本部门共有车辆{vehicles}辆。\n")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("same-every-year"), embeddings, {
        "example-street-2024-dept-budget.txt": disclosure(2024, 5, 7),
        "example-street-2025-dept-budget.txt": disclosure(2025, 5, 8),
    })


def test_one_figure_every_year_answers_with_each_year_cited(assistant: Assistant):
    answer = assistant.ask("示例街道下属预算单位有几家")
    assert answer.kind == "number" and answer.value == 5 and answer.unit == "家"
    assert "2024、2025年" in answer.text
    assert sorted(c.year for c in answer.citations) == [2024, 2025]
    assert all("下属预算单位5家" in c.quote for c in answer.citations)


def test_figures_that_differ_by_year_are_asked_back(assistant: Assistant):
    answer = assistant.ask("示例街道有几辆车")
    assert answer.kind == "ambiguous" and answer.value is None
    assert sorted(c.value for c in answer.candidates) == [7, 8]
