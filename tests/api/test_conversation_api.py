"""Follow-ups through the HTTP API: the answer's `context` sent back with the next question, by POST and by
the SSE stream; the server keeps nothing between requests."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from api_support import UNLIMITED_PER_MINUTE, api_settings
from fastapi.testclient import TestClient

from api.app import create_app


@pytest.fixture(scope="module")
def client(api_data_dir) -> Iterator[TestClient]:
    """Its own app on the shared index, without the public rate limit (a conversation asks many questions)."""
    with TestClient(create_app(api_settings(api_data_dir, rate_limit_per_minute=UNLIMITED_PER_MINUTE))) as test_client:
        yield test_client


def ask(client: TestClient, question: str, context: dict | None = None) -> dict:
    response = client.post("/api/ask", json={"question": question, "context": context})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("first, follow, value, said", [
    ("政法委三公经费是多少", "其中公务接待费呢？", 0.63, "公务接待费"),
    ("政法委公务接待费是多少", "它占总预算多少？", 0.01, "占"),
    ("政法委三公经费是多少", "比上年增加了多少", 0, "持平"),
])
def test_a_follow_up_is_answered_from_the_context_sent_back(client, first, follow, value, said):
    before = ask(client, first)
    assert before["context"]["department"] == "中共廊坊市委政法委员会" and before["context"]["year"] == 2020
    after = ask(client, follow, before["context"])
    assert after["assumed"] and "中共廊坊市委政法委员会" in after["assumed"]
    assert after["kind"] == "number" and round(after["value"], 2) == value and said in after["text"]


def test_without_the_context_the_same_words_stand_alone(client):
    assert ask(client, "其中公务接待费呢？")["assumed"] is None


def test_the_stream_takes_the_context_as_json(client):
    before = ask(client, "政法委三公经费是多少")
    with client.stream("GET", "/api/ask/stream", params={"question": "其中公务接待费呢？", "context": json.dumps(before["context"])}) as response:
        body = "".join(response.iter_text())
    answer = json.loads(next(line for line in body.splitlines() if line.startswith("data:") and '"kind"' in line)[5:])
    assert answer["value"] == 0.63 and answer["assumed"]
    assert len(answer["related"]) == 2  # the stream's answer offers the next questions too


@pytest.mark.parametrize("context", ['{"year": "not a year"}', "not json"])
def test_a_malformed_context_is_a_chinese_422(client, context):
    response = client.get("/api/ask/stream", params={"question": "公务接待费呢", "context": context})
    assert response.status_code == 422 and "上下文" in response.json()["error"]


def test_a_posted_context_is_validated(client):
    response = client.post("/api/ask", json={"question": "公务接待费呢", "context": {"year": 99999}})
    assert response.status_code == 422
