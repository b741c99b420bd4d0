"""One item asked of two documents: two bodies' figures compared or added, and one body's budget against its
final account of the year before. Each figure comes from its own document and is cited there; a body that
lacks the item, or has no document of the year, is a refusal, never an answer from the other figure alone."""

from __future__ import annotations

import pytest

from assistant.answer import Answer
from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

CULTURE_BUDGET = """示例市示例区文化局

2025年部门预算公开说明

一、收支预算总体情况
2025年部门收入预算总额为1200万元，支出预算总额为1200万元。
二、“三公”经费预算情况说明
2025年“三公”经费预算为18.5万元。其中：（一）因公出国（境）费0万元；（二）公务用车购置及运行费12.3万元；（三）公务接待费6.2万元。
三、机关运行经费预算
2025年示例市示例区文化局财政拨款的机关运行经费预算为96.4万元。
四、政府采购预算情况
2025年示例市示例区文化局政府采购预算总额为150.25万元。
"""

SPORTS_BUDGET = """示例市示例区体育局

2025年部门预算公开说明

一、收支预算总体情况
2025年部门收入预算总额为600万元，支出预算总额为600万元。
二、“三公”经费预算情况说明
2025年“三公”经费预算为2.4万元。其中：（一）因公出国（境）费0万元；（二）公务接待费2.4万元。
三、机关运行经费预算
2025年示例市示例区体育局财政拨款的机关运行经费预算为58.15万元。
四、政府采购预算情况
2025年示例市示例区体育局政府采购预算总额为40万元。
"""

CULTURE_FINAL = """示例市示例区文化局

2024年度部门决算

一、收入支出决算总体情况说明
2024年度收入支出总计1100万元。
二、财政拨款“三公”经费支出决算情况说明
2024年度“三公”经费支出决算为15.2万元。其中：公务用车购置及运行维护费支出决算为10.1万元；公务接待费支出决算为5.1万元。
三、其他重要事项的情况说明
（一）机关运行经费支出情况
2024年度本部门机关运行经费支出81.9万元。
"""

CULTURE, SPORTS = "示例市示例区文化局", "示例市示例区体育局"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("cross-document"), embeddings, {
        "culture-bureau-2025-dept-budget.txt": CULTURE_BUDGET,
        "sports-bureau-2025-dept-budget.txt": SPORTS_BUDGET,
        "culture-bureau-2024-dept-final-account.txt": CULTURE_FINAL,
    })


def computed(assistant: Assistant, question: str) -> Answer:
    """The answer, which must be a figure whose every citation quotes its document exactly."""
    answer = assistant.ask(question)
    assert answer.kind == "number", (question, answer.text)
    for citation in answer.citations:
        assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote
    return answer


def cited_sources(assistant: Assistant, answer: Answer) -> set[tuple[str, int | None]]:
    documents = {d.doc_id: d for d in assistant.index.documents()}
    return {(documents[c.doc_id].department, documents[c.doc_id].year) for c in answer.citations}


@pytest.mark.parametrize("question, value, formula, way", [
    ("2025年文化局的公务接待费比体育局多多少", 3.8, "6.2 − 2.4 = 3.8", "多"),
    ("文化局和体育局机关运行经费差多少", 38.25, "96.4 − 58.15 = 38.25", "多"),  # no year: each one's latest
    ("体育局的机关运行经费比文化局少多少", 38.25, "58.15 − 96.4 = -38.25", "少"),
])
def test_a_difference_between_two_bodies_cites_each_from_its_own_document(assistant, question, value, formula, way):
    answer = computed(assistant, question)
    assert (answer.value, answer.unit) == (value, "万元") and answer.formula == formula, answer.text
    assert f"{way}{abs(value):.2f}万元" in answer.text and CULTURE in answer.text and SPORTS in answer.text
    assert cited_sources(assistant, answer) == {(CULTURE, 2025), (SPORTS, 2025)}


@pytest.mark.parametrize("question, value, formula", [
    ("文化局和体育局2025年政府采购预算加起来多少", 190.25, "150.25 + 40 = 190.25"),
    ("文化局与体育局的公务接待费一共多少", 8.6, "6.2 + 2.4 = 8.6"),
    ("2025年文化局加上体育局的机关运行经费合计多少", 154.55, "96.4 + 58.15 = 154.55"),
])
def test_a_sum_over_two_bodies_adds_each_ones_figure(assistant, question, value, formula):
    answer = computed(assistant, question)
    assert (answer.value, answer.formula) == (value, formula), answer.text
    assert "合计" in answer.text and cited_sources(assistant, answer) == {(CULTURE, 2025), (SPORTS, 2025)}


@pytest.mark.parametrize("question, value, formula, way", [
    ("文化局25年机关运行经费预算比24年决算多多少", 14.5, "96.4 − 81.9 = 14.5", "多"),
    ("文化局2024年机关运行经费决算比2025年预算少多少", 14.5, "81.9 − 96.4 = -14.5", "少"),
    ("文化局2025年公务接待费预算和2024年决算差多少", 1.1, "6.2 − 5.1 = 1.1", "多"),
])
def test_a_budget_against_last_years_final_account_says_which_basis_each_figure_is(assistant, question, value, formula, way):
    answer = computed(assistant, question)
    assert (answer.value, answer.formula) == (value, formula), answer.text
    assert f"{way}{abs(value):.2f}万元" in answer.text and "预算数" in answer.text and "决算数" in answer.text
    assert cited_sources(assistant, answer) == {(CULTURE, 2025), (CULTURE, 2024)}


def test_a_budget_and_a_final_account_added_up(assistant):
    answer = computed(assistant, "文化局25年预算的公务接待费和24年决算实际花的加起来多少")
    assert (answer.value, answer.formula) == (11.3, "6.2 + 5.1 = 11.3"), answer.text
    assert cited_sources(assistant, answer) == {(CULTURE, 2025), (CULTURE, 2024)}


@pytest.mark.parametrize("question, lacking", [
    ("2025年文化局的公务用车购置及运行费比体育局多多少", SPORTS),  # 体育局 has no 公务用车 figure
    ("体育局和文化局的公务用车购置及运行费加起来多少", SPORTS),
    ("文化局和体育局2024年机关运行经费差多少", f"{SPORTS}2024年"),  # 体育局 has no 2024 document
])
def test_one_operand_missing_is_a_refusal_that_names_it(assistant, question, lacking):
    answer = assistant.ask(question)
    assert answer.kind == "not_found" and answer.value is None, answer.text
    assert lacking in answer.text


def test_a_ranking_of_departments_still_ranks(assistant):
    answer = assistant.ask("哪个部门公务接待费最多")
    assert answer.kind == "number" and answer.value == 6.2 and CULTURE in answer.text, answer.text


@pytest.mark.parametrize("question, value", [
    ("文化局2025年机关运行经费和政府采购预算一共多少", 246.65),
    ("文化局2025年政府采购预算比机关运行经费多多少", 53.85),
])
def test_two_items_of_one_document_are_still_added_and_compared_there(assistant, question, value):
    answer = computed(assistant, question)
    assert answer.value == value and cited_sources(assistant, answer) == {(CULTURE, 2025)}, answer.text

