"""One item of several units added: each unit's figure found as the question asking it alone, the figures added with
their formula and every operand cited; a unit the documents do not hold leaves the sum unanswered."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from assistant.unit_sums import unit_questions
from index.fact_store import DocumentRecord
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例县卫生健康委员会
2024年部门决算

一、部门决算单位构成
纳入本部门2024年度部门决算编制范围的单位共3个：示例县卫生健康委员会（本级）、示例县东溪镇卫生院、示例县西岭乡卫生院。

收入决算表
单位：万元
单位名称\t本年收入合计\t财政拨款收入\t事业收入
合计\t5230.50\t2419.03\t2811.47
示例县卫生健康委员会（本级）\t1000.00\t1000.00\t
示例县东溪镇卫生院\t2338.43\t1053.80\t1284.63
示例县西岭乡卫生院\t1892.07\t365.23\t1526.84
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit-sums"), embeddings,
                             {"example-county-health-commission_2024_dept-final-account.txt": DISCLOSURE})


def test_the_one_unit_questions_of_a_sum_over_units():
    plan = parse_question("示例县东溪镇卫生院和西岭乡卫生院2024年的事业收入一共多少", [])
    assert unit_questions(plan) == ["示例县东溪镇卫生院2024年事业收入", "西岭乡卫生院2024年事业收入"]
    assert unit_questions(parse_question("示例县卫健委公务接待费和公务用车运行费一共多少", [])) is None


def test_the_own_office_compared_with_a_unit_is_asked_by_its_word():
    known = [DocumentRecord(doc_id="d", title="", department="示例市市场监督管理局", year=2025, kind="部门预算", source="a.pdf",
                            sha256="", format="pdf", status="ready", ingested_at=datetime.now(UTC))]
    plan = parse_question("示例市场监管局2025年局机关本级的项目支出比执法支队多多少", known)
    assert unit_questions(plan) == ["示例市市场监督管理局机关本级2025年项目支出", "示例市市场监督管理局执法支队2025年项目支出"]


def test_units_named_by_their_organ_word_under_one_department_and_counted():
    """"某局公证处和法律援助中心两家…": units under the department named, the count of them no part of the item."""
    known = [DocumentRecord(doc_id="d", title="", department="示例市司法局", year=2025, kind="部门预算", source="a.pdf", sha256="",
                            format="pdf", status="ready", ingested_at=datetime.now(UTC))]
    plan = parse_question("示例市司法局公证处和法律援助中心两家2025年收入预算加起来多少", known)
    assert unit_questions(plan) == ["示例市司法局公证处2025年收入预算", "示例市司法局法律援助中心2025年收入预算"]


@pytest.mark.parametrize("question", ["示例县东溪镇卫生院和西岭乡卫生院2024年的事业收入一共多少",
                                      "示例县卫健委下面东溪镇卫生院和西岭乡卫生院2024年的事业收入加起来多少"])
def test_units_figures_are_added_each_cited(assistant: Assistant, question: str):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(2811.47), answer.text
    assert answer.formula == "1284.63 + 1526.84 = 2811.47" and len(answer.citations) == 2, answer.text


def test_a_unit_the_documents_do_not_hold_leaves_the_sum_unanswered(assistant: Assistant):
    answer = assistant.ask("示例县东溪镇卫生院和南坪镇卫生院2024年的事业收入一共多少")
    assert answer.value != pytest.approx(1284.63) and "1284.63" not in (answer.formula or ""), answer.text


@pytest.mark.parametrize("question, value, said", [
    ("示例县卫健委2024年东溪镇卫生院的事业收入比西岭乡卫生院少多少", 242.21, "东溪镇卫生院比西岭乡卫生院少242.21万元"),
    ("示例县卫健委2024年西岭乡卫生院的本年收入合计比东溪镇卫生院多多少", 446.36, "西岭乡卫生院比东溪镇卫生院少446.36万元"),
])
def test_two_units_figures_are_compared_each_cited(assistant: Assistant, question: str, value: float, said: str):
    """The first unit's figure less the second's, said the way it goes, whatever way the question guessed."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value) and said in answer.text, answer.text
    assert len(answer.citations) == 2
