"""Through the real app: questions suggested when the widget opens (made from the ingested documents), two related
questions after each answer, and a scope message for greetings and questions that are not about the budgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_support import UNLIMITED_PER_MINUTE, api_settings
from fastapi.testclient import TestClient

from api.app import create_app


@pytest.fixture(scope="module")
def client(api_data_dir) -> Iterator[TestClient]:
    """Its own app on the shared Langfang index, without the public rate limit (these tests ask many questions)."""
    with TestClient(create_app(api_settings(api_data_dir, rate_limit_per_minute=UNLIMITED_PER_MINUTE))) as test_client:
        yield test_client


def ask(client: TestClient, question: str, context: dict | None = None) -> dict:
    response = client.post("/api/ask", json={"question": question, "context": context})
    assert response.status_code == 200, response.text
    return response.json()


def suggested(client: TestClient, **params: object) -> list[str]:
    response = client.get("/api/suggestions", params=params)
    assert response.status_code == 200, response.text
    return response.json()["questions"]


# ---- suggestions on opening -----------------------------------------------------------------------------
def test_suggestions_name_the_indexed_department_and_year_and_are_answered(client):
    questions = suggested(client)
    assert len(questions) >= 3
    assert all(q.startswith("政法委2020年") for q in questions), questions  # the department's short name
    assert len(set(questions)) == len(questions)
    for question in questions:  # every suggestion is answered with a figure
        assert ask(client, question)["kind"] == "number", question


def test_another_index_suggests_other_questions(client, two_department_client):
    here, there = suggested(client), suggested(two_department_client)
    assert any("宣传部2021年" in q for q in there), there  # only the second index holds 宣传部 2021
    assert not any("宣传部" in q for q in here)
    assert set(here) != set(there)


def test_suggestions_follow_the_widget_scope(two_department_client):
    scoped = suggested(two_department_client, department="宣传部")
    assert scoped and all(q.startswith("宣传部2021年") for q in scoped), scoped
    unknown = two_department_client.get("/api/suggestions", params={"department": "不存在的部门"})
    assert unknown.status_code == 422 and "不存在的部门" in unknown.json()["error"]


# ---- related questions after an answer ------------------------------------------------------------------
def test_a_figure_offers_two_related_questions_that_are_answered(client):
    answer = ask(client, "政法委2020年公务接待费是多少")
    related = answer["related"]
    assert len(related) == 2 and answer["question"] not in related
    assert any("公务接待费" in q and "占" in q for q in related), related  # its share of the total
    for question in related:
        assert question.startswith("政法委2020年")
        assert ask(client, question, answer["context"])["kind"] == "number", question


def test_a_refusal_offers_nearby_questions_the_index_answers(client):
    answer = ask(client, "政法委2020年招商引资奖励是多少")
    assert answer["kind"] == "not_found"
    assert answer["context"]["department"] == "中共廊坊市委政法委员会"  # what it resolved, for a next question
    assert len(answer["related"]) == 2
    for question in answer["related"]:
        assert question.startswith("政法委2020年") and ask(client, question)["kind"] == "number", question


def test_an_ambiguous_answer_offers_its_candidates_not_related_questions(two_department_client):
    answer = ask(two_department_client, "三公经费是多少")
    assert answer["kind"] == "ambiguous" and len(answer["candidates"]) == 2
    assert answer["related"] == []


# ---- greetings and questions out of scope -----------------------------------------------------------------
@pytest.mark.parametrize("question", ["你好", "谢谢！", "你能做什么", "今天天气怎么样", "张三的工资是多少", "我的身份证号是多少"])
def test_out_of_scope_gets_a_scope_message_with_examples(client, question):
    answer = ask(client, question)
    assert answer["kind"] == "out_of_scope" and "未找到" not in answer["text"]
    assert "我可以回答" in answer["text"] and "预算" in answer["text"]
    assert answer["related"] and set(answer["related"]) <= set(suggested(client))  # examples that are answered
    assert answer["context"] is None and answer["citations"] == []


@pytest.mark.parametrize("question", ["工资福利支出是多少", "政法委的工资福利支出是多少", "公务接待费是多少"])
def test_budget_questions_with_such_words_are_answered(client, question):
    """Budget questions, not personal ones: the Langfang sample states no 工资福利支出, so those say it is not found
    (its 人员经费 is another item) rather than decline to answer."""
    assert ask(client, question)["kind"] == ("number" if "接待" in question else "not_found")


@pytest.mark.parametrize("question", ["天气预报站的经费是多少", "社保缴费是多少"])
def test_a_budget_item_keeps_a_question_in_scope(client, question):
    assert ask(client, question)["kind"] != "out_of_scope"


def test_thanks_after_an_answer_is_not_read_as_a_follow_up(client):
    before = ask(client, "政法委2020年三公经费是多少")
    after = ask(client, "谢谢", before["context"])
    assert after["kind"] == "out_of_scope" and after["assumed"] is None
