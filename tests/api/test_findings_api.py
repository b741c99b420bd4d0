"""The source audit over HTTP: a document's findings for staff, and an answer that cites a contradicted figure
listing the finding under `conflicts` (through the real app, on an uploaded document removed afterwards)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_support import ADMIN_KEY, STAFF_KEY
from fastapi.testclient import TestClient

DEPARTMENT = "上海市普陀区核对测试中心"
TEXT = f"""{DEPARTMENT}

2025年部门预算

一、“三公”经费预算情况说明
2025年“三公”经费预算数为10万元。其中：因公出国（境）费3万元，公务用车购置及运行费4万元，公务接待费2万元。
二、机关运行经费预算
2025年机关运行经费预算为50.12万元。
"""


@pytest.fixture
def audited(client: TestClient) -> Iterator[str]:
    """The id of an uploaded document whose 三公 parts do not add up (removed after the test)."""
    response = client.post(
        "/api/documents", headers={"X-API-Key": ADMIN_KEY}, files={"file": ("audit-2025.txt", TEXT.encode(), "text/plain")}
    )
    assert response.status_code == 201, response.text
    doc_id = response.json()["document"]["doc_id"]
    try:
        yield doc_id
    finally:
        client.delete(f"/api/documents/{doc_id}", headers={"X-API-Key": ADMIN_KEY})


def test_findings_are_for_staff_and_quote_both_sides(client: TestClient, audited: str) -> None:
    path = f"/api/documents/{audited}/findings"
    assert client.get(path).status_code == 401
    assert client.get(path, headers={"X-API-Key": "not-a-key"}).status_code == 403
    body = client.get(path, headers={"X-API-Key": STAFF_KEY}).json()
    assert (body["doc_id"], body["department"], body["source"]) == (audited, DEPARTMENT, "audit-2025.txt")
    [finding] = body["findings"]
    assert (finding["rule"], finding["severity"], finding["figures"]) == ("sum.three_public", "error", [10, 3, 4, 2])
    assert "三公经费" in finding["message"] and "因公出国" in body["rules"]["sum.three_public"]
    for citation in finding["citations"]:
        span = client.get(f"/api/documents/{audited}/text", params={"start": citation["start"], "end": citation["end"]}).json()
        assert span["quote"] == citation["quote"]
    assert client.get("/api/documents/ffffffffffffffff/findings", headers={"X-API-Key": STAFF_KEY}).status_code == 404


def test_an_answer_citing_a_contradicted_figure_lists_the_finding(client: TestClient, audited: str) -> None:
    answer = client.post("/api/ask", json={"question": "公务接待费是多少", "department": DEPARTMENT}).json()
    assert answer["value"] == 2 and answer["citations"][0]["doc_id"] == audited
    [conflict] = answer["conflicts"]
    assert "各组成部分之和" in conflict["text"]
    assert conflict["citation"]["quote"] == "2025年“三公”经费预算数为10万元"  # the other side of the finding
    untouched = client.post("/api/ask", json={"question": "机关运行经费是多少", "department": DEPARTMENT}).json()
    assert untouched["value"] == 50.12 and untouched["conflicts"] == []


def test_the_findings_go_with_the_document(client: TestClient) -> None:
    response = client.post(
        "/api/documents", headers={"X-API-Key": ADMIN_KEY}, files={"file": ("gone-2025.txt", TEXT.encode(), "text/plain")}
    )
    doc_id = response.json()["document"]["doc_id"]
    assert client.delete(f"/api/documents/{doc_id}", headers={"X-API-Key": ADMIN_KEY}).status_code == 200
    assert client.get(f"/api/documents/{doc_id}/findings", headers={"X-API-Key": STAFF_KEY}).status_code == 404
