"""A change the document states is cited together with the level of the same item in the same sentence: the quote
"比2024年预算减少10万元" alone does not say what decreased."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

BUDGET = """沄岙县档案馆2025年部门预算
第三部分 2025年部门预算情况说明
一、“三公”经费预算情况
2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元，主要原因是2024年购置的公务用车本年不再购置。
二、机关运行经费预算情况
2025年机关运行经费预算186.40万元，比上年预算增加3.20万元，增长1.75%。
"""

DOCS = {"yunao-county-archives_2025_dept-budget.txt": BUDGET}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("change_citations"), embeddings, DOCS)


@pytest.mark.parametrize(("question", "change", "level"), [("沄岙档案馆2025年三公经费比上年少了多少", 10, "37.91"),
                                                           ("沄岙县档案馆机关运行经费比上年增加了多少", 3.2, "186.40")])
def test_a_stated_change_is_cited_with_its_items_level(assistant: Assistant, question: str, change: float,
                                                        level: str) -> None:
    answer = assistant.ask(question)
    assert answer.value == pytest.approx(change)
    quotes = [c.quote for c in answer.citations]
    assert any(level in q for q in quotes), quotes
    assert quotes.index(next(q for q in quotes if level in q)) == 0  # what changed comes first, then by how much
