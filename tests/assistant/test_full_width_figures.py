"""Figures a page prints in full-width digits ("３５．６０万元") are read and answered like any other, and the
answer cites them as printed."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例省示例体育局
2025年部门预算

第三部分 2025年部门预算情况说明
一、收支预算总体情况
2025年收入预算总计１２３４．５６万元，支出预算总计１２３４．５６万元。
二、“三公”经费预算情况
2025年公务接待费预算３５．６０万元，比上年增加１．１０万元，增长３．１９％。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("full-width"), embeddings,
                             {"example-sports-2025-dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question, value", [
    ("示例体育局2025年招待费多少", 35.60),
    ("示例体育局招待费比上年多了多少", 1.10),
    ("示例体育局2025年收入预算总计多少", 1234.56),
])
def test_full_width_figures_are_answered_and_cited_as_printed(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert any("．" in c.quote for c in answer.citations), [c.quote for c in answer.citations]
