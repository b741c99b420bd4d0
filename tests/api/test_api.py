"""The HTTP API through the real app (real index, real assistant), over ASGI with FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from api.app import create_app
from api.rate_limit import RateLimiter
from assistant.chain import Assistant
from index.corpus_index import DocumentFilter
from api_support import ADMIN_KEY, LANGFANG_DEPARTMENT, MAX_FILE_BYTES, RATE_LIMIT_PER_MINUTE, STAFF_KEY, api_settings

QUESTION = "公务接待费是多少"
GENERATED_DEPARTMENT = "廊坊市接口测试中心"
GENERATED_TEXT = f"""{GENERATED_DEPARTMENT}

2020年部门预算信息公开情况说明

一、“三公”经费预算情况
2020年，公务接待费1.25万元。
"""


def documents(client: TestClient) -> list[dict]:
    response = client.get("/api/documents", headers={"X-API-Key": STAFF_KEY})
    assert response.status_code == 200, response.text
    return response.json()["documents"]


def sse_events(body: str) -> list[tuple[str, dict]]:
    """(event, data) pairs of a text/event-stream body (comments such as keep-alive pings skipped)."""
    events = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line and not line.startswith(":")]
        if not lines:
            continue
        name = next((line[len("event: "):] for line in lines if line.startswith("event: ")), "message")
        data = "\n".join(line[len("data: "):] for line in lines if line.startswith("data: "))
        events.append((name, json.loads(data) if data else None))
    return events


def upload(client: TestClient, name: str, content: bytes, key: str = ADMIN_KEY, **params: object):
    return client.post("/api/documents", params=params, headers={"X-API-Key": key}, files={"file": (name, content, "text/plain")})


def uploads_dir(client: TestClient) -> Path:
    return client.app.state.settings.data_dir / "uploads"


def stored_files(client: TestClient) -> set[str]:
    folder = uploads_dir(client)
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


# ---- ask -------------------------------------------------------------------------------------------
def test_ask_returns_figure_with_exact_citation(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["kind"] == "number" and answer["value"] == 0.63 and answer["unit"] == "万元"
    citation = answer["citations"][0]
    assert "公务接待费0.63万元" in citation["quote"]
    span = client.get(f"/api/documents/{citation['doc_id']}/text", params={"start": citation["start"], "end": citation["end"]})
    assert span.status_code == 200, span.text
    assert span.json()["quote"] == citation["quote"]


def test_ask_with_department_and_year_filters(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": QUESTION, "department": "政法委", "year": 2020})
    assert response.status_code == 200, response.text
    assert response.json()["value"] == 0.63


def test_ask_stream_sends_statuses_then_answer_then_done(client: TestClient) -> None:
    with client.stream("GET", "/api/ask/stream", params={"question": QUESTION}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response.read().decode("utf-8"))
    names = [name for name, _ in events]
    assert names[0] == "status" and events[0][1]["message"] == "理解问题"
    assert names[-2:] == ["answer", "done"] and set(names[:-2]) == {"status"}
    statuses = [(data["stage"], data["message"]) for name, data in events if name == "status"]
    assert statuses == [("understand", "理解问题"), ("search", "检索中"), ("verify", "核对出处"), ("compose", "组织答案")]
    answer = events[-2][1]
    assert answer["value"] == 0.63 and answer["unit"] == "万元" and answer["citations"]


@pytest.mark.parametrize("question", ["", "   ", "问" * 501])
def test_ask_rejects_empty_and_long_questions(client: TestClient, question: str) -> None:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 422
    assert response.json()["error"]


def test_ask_stream_rejects_before_streaming(client: TestClient) -> None:
    response = client.get("/api/ask/stream", params={"question": "问" * 501})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json")
    assert "500" in response.json()["error"]


def test_ask_question_at_limit_is_accepted(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "公务接待费" + "。" * 495})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(("filters", "listed"), [({"department": "不存在的部门"}, LANGFANG_DEPARTMENT), ({"year": 1999}, "2020")])
def test_ask_unknown_filter_lists_valid_values(client: TestClient, filters: dict, listed: str) -> None:
    response = client.post("/api/ask", json={"question": QUESTION, **filters})
    assert response.status_code == 422
    body = response.json()
    assert listed in body["error"]
    assert LANGFANG_DEPARTMENT in body["departments"] and 2020 in body["years"]


def test_ask_malformed_body_is_json_error(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": QUESTION, "year": "去年"})
    assert response.status_code == 422 and "year" in response.json()["error"]


def test_ask_rate_limit_engages_for_one_client(app, client: TestClient) -> None:
    # another client address on the same running app (entered by `client`), so other tests keep their tokens
    other = TestClient(app, client=("203.0.113.7", 40000))
    codes = [other.post("/api/ask", json={"question": ""}).status_code for _ in range(RATE_LIMIT_PER_MINUTE)]
    assert set(codes) == {422}  # each request spends a token, even a rejected one
    limited = other.post("/api/ask", json={"question": QUESTION})
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1 and limited.json()["error"]
    assert other.get("/api/ask/stream", params={"question": QUESTION}).status_code == 429
    assert client.post("/api/ask", json={"question": QUESTION}).status_code == 200  # other clients unaffected


def test_text_span_has_its_own_rate_limit(app, client: TestClient) -> None:
    citation = client.post("/api/ask", json={"question": QUESTION}).json()["citations"][0]
    path, bounds = f"/api/documents/{citation['doc_id']}/text", {"start": citation["start"], "end": citation["end"]}
    other = TestClient(app, client=("203.0.113.8", 40000))
    codes = [other.get(path, params=bounds).status_code for _ in range(RATE_LIMIT_PER_MINUTE)]
    assert set(codes) == {200}
    limited = other.get(path, params=bounds)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert limited.json()["error"].startswith("查看原文过于频繁")
    assert other.post("/api/ask", json={"question": QUESTION}).status_code == 200  # questions have a bucket of their own
    assert client.get(path, params=bounds).status_code == 200  # other clients unaffected


def test_rate_limiter_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=2, clock=lambda: now[0])
    assert limiter.take("a") == 0 and limiter.take("a") == 0
    assert limiter.take("a") == pytest.approx(30.0)  # one token every 30 s
    assert limiter.take("b") == 0  # per client
    now[0] = 30.0
    assert limiter.take("a") == 0 and limiter.take("a") > 0
    assert RateLimiter(per_minute=0).take("a") == 0  # 0 switches limiting off


def test_cors_allows_only_listed_origins(api_data_dir: Path) -> None:
    # preflights are answered by the middleware alone, so this app need not start (no model load)
    app = create_app(api_settings(api_data_dir, cors_origins=["https://www.example.gov.cn"]))
    client = TestClient(app)
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = client.options("/api/ask", headers={"Origin": "https://www.example.gov.cn", **preflight})
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == "https://www.example.gov.cn"
    refused = client.options("/api/ask", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in refused.headers


def test_the_warm_up_question_is_asked_of_one_document(api_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each worker's warm-up runs the question steps on one document, not on the facts of every document."""
    asked: list[DocumentFilter | None] = []
    ask = Assistant.ask

    def recorded(self, question, filters=None, *args, **kwargs):
        asked.append(filters)
        return ask(self, question, filters, *args, **kwargs)

    monkeypatch.setattr(Assistant, "ask", recorded)
    with TestClient(create_app(api_settings(api_data_dir))) as client:
        indexed = {d["doc_id"] for d in client.get("/api/documents", headers={"X-API-Key": STAFF_KEY}).json()["documents"]}
    (warm_up,) = asked
    assert warm_up is not None and warm_up.doc_id in indexed


# ---- roles -------------------------------------------------------------------------------------------
STAFF_ENDPOINTS = [
    ("GET", "/api/documents", {}),
    ("GET", "/api/facts", {}),
    ("GET", "/api/facts.csv", {}),
    ("GET", "/api/facts.xlsx", {}),
    ("GET", "/api/facts/pivot", {"department": LANGFANG_DEPARTMENT}),
    ("GET", "/api/unanswered", {}),
    ("GET", "/api/unanswered.csv", {}),
]
ADMIN_ENDPOINTS = [("POST", "/api/documents", {}), ("DELETE", "/api/documents/0000000000000000", {})]


@pytest.mark.parametrize(("method", "path", "params"), STAFF_ENDPOINTS + ADMIN_ENDPOINTS)
def test_auth_missing_key_is_401_and_wrong_key_403(client: TestClient, method: str, path: str, params: dict) -> None:
    missing = client.request(method, path, params=params)
    assert missing.status_code == 401 and missing.json()["error"]
    wrong = client.request(method, path, params=params, headers={"X-API-Key": "not-a-key"})
    assert wrong.status_code == 403 and wrong.json()["error"]


@pytest.mark.parametrize(("method", "path", "params"), STAFF_ENDPOINTS)
def test_auth_staff_and_admin_keys_read_staff_endpoints(client: TestClient, method: str, path: str, params: dict) -> None:
    for key in (STAFF_KEY, ADMIN_KEY):
        assert client.request(method, path, params=params, headers={"X-API-Key": key}).status_code == 200


@pytest.mark.parametrize(("method", "path", "params"), ADMIN_ENDPOINTS)
def test_auth_staff_key_cannot_change_documents(client: TestClient, method: str, path: str, params: dict) -> None:
    response = client.request(method, path, params=params, headers={"X-API-Key": STAFF_KEY})
    assert response.status_code == 403


# ---- documents -----------------------------------------------------------------------------------------
def test_documents_lists_the_sample_with_filter_values(client: TestClient, staff: dict) -> None:
    body = client.get("/api/documents", headers=staff).json()
    assert LANGFANG_DEPARTMENT in body["departments"] and 2020 in body["years"]
    assert any(d["source"] == "langfang-zfw-2020-dept-budget.txt" and d["year"] == 2020 for d in body["documents"])


def test_upload_too_large_is_413_and_index_unchanged(client: TestClient) -> None:
    before, stored_before = documents(client), stored_files(client)
    for size in (MAX_FILE_BYTES + 1, 4 * MAX_FILE_BYTES):  # refused while streaming / refused by Content-Length
        response = upload(client, "big.txt", GENERATED_TEXT.encode() + b"x" * size)
        assert response.status_code == 413 and response.json()["error"]
    assert documents(client) == before
    assert stored_files(client) == stored_before  # the partial file was deleted


@pytest.mark.parametrize("name", ["report.exe", "budget", "budget.txt.sh"])
def test_upload_wrong_type_is_415_and_index_unchanged(client: TestClient, name: str) -> None:
    before = documents(client)
    stored_before = stored_files(client)
    response = upload(client, name, GENERATED_TEXT.encode())
    assert response.status_code == 415
    assert ".txt" in response.json()["error"]
    assert documents(client) == before and stored_files(client) == stored_before


def test_upload_unreadable_document_is_422_with_reason(client: TestClient) -> None:
    before = documents(client)
    response = upload(client, "no-department.txt", "只有一句话，没有部门名称。\n".encode())
    assert response.status_code == 422
    assert "no-department.txt" in response.json()["error"] and "department" in response.json()["error"]
    assert documents(client) == before


def test_upload_while_index_busy_is_409(client: TestClient) -> None:
    before = documents(client)
    with client.app.state.assistant.index.writing():  # as if a CLI ingest were running on this data dir
        response = upload(client, "busy.txt", GENERATED_TEXT.encode())
    assert response.status_code == 409 and response.json()["error"]
    assert documents(client) == before


def test_upload_stores_under_generated_name_then_delete(client: TestClient, admin: dict, staff: dict) -> None:
    before = documents(client)
    response = upload(client, "../../x.txt", GENERATED_TEXT.encode())
    assert response.status_code == 201, response.text
    result = response.json()
    assert re.fullmatch(r"[0-9a-f]{32}\.txt", result["stored_as"])
    stored = uploads_dir(client) / result["stored_as"]
    assert stored.is_file() and stored.read_bytes() == GENERATED_TEXT.encode()
    data_dir = client.app.state.settings.data_dir
    assert not (data_dir.parent / "x.txt").exists() and not (data_dir.parent.parent / "x.txt").exists()
    document = result["document"]
    assert document["department"] == GENERATED_DEPARTMENT and document["source"] == "x.txt"  # the name it was uploaded as
    assert len(documents(client)) == len(before) + 1

    again = upload(client, "same-again.txt", GENERATED_TEXT.encode())  # identical bytes: nothing new
    assert again.status_code == 200 and again.json()["unchanged"] and again.json()["stored_as"] is None

    answer = client.post("/api/ask", json={"question": QUESTION, "department": GENERATED_DEPARTMENT}).json()
    assert answer["value"] == 1.25 and answer["citations"][0]["doc_id"] == document["doc_id"]
    facts = client.get("/api/facts", params={"department": GENERATED_DEPARTMENT}, headers=staff).json()
    assert [(f["subject"], f["value"]) for f in facts["items"]] == [("公务接待费", "1.25")]

    removed = client.delete(f"/api/documents/{document['doc_id']}", headers=admin)
    assert removed.status_code == 200 and removed.json() == {"removed": document["doc_id"]}
    assert documents(client) == before
    assert not stored.exists()
    assert client.delete(f"/api/documents/{document['doc_id']}", headers=admin).status_code == 404
    gone = client.post("/api/ask", json={"question": QUESTION, "department": GENERATED_DEPARTMENT})
    assert gone.status_code == 422


def test_upload_without_file_part_is_400(client: TestClient, admin: dict) -> None:
    response = client.post("/api/documents", headers=admin, data={"note": "no file"}, files={"other": (None, "x")})
    assert response.status_code == 400 and response.json()["error"]


# ---- source text ---------------------------------------------------------------------------------------------
def test_text_span_returns_quote_context_and_section(client: TestClient) -> None:
    citation = client.post("/api/ask", json={"question": QUESTION}).json()["citations"][0]
    span = client.get(f"/api/documents/{citation['doc_id']}/text", params={"start": citation["start"], "end": citation["end"]}).json()
    assert span["quote"] == "公务接待费0.63万元"
    assert span["department"] == LANGFANG_DEPARTMENT and span["year"] == 2020
    assert span["section"] and "三公" in span["section"]
    assert 0 < len(span["before"]) <= 200 and 0 < len(span["after"]) <= 200
    assert span["before"].endswith("；") and span["after"].startswith("。")


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (10, 10), (20, 10), (0, 10_000_000)])
def test_text_span_bad_bounds_are_400(client: TestClient, start: int, end: int) -> None:
    doc_id = documents(client)[0]["doc_id"]
    response = client.get(f"/api/documents/{doc_id}/text", params={"start": start, "end": end})
    assert response.status_code == 400 and response.json()["error"]


def test_text_span_unknown_document_is_404(client: TestClient) -> None:
    response = client.get("/api/documents/ffffffffffffffff/text", params={"start": 0, "end": 5})
    assert response.status_code == 404 and response.json()["error"]


# ---- facts --------------------------------------------------------------------------------------------------
def test_facts_paging_and_total(client: TestClient, staff: dict) -> None:
    params = {"department": LANGFANG_DEPARTMENT, "page_size": 10}
    first = client.get("/api/facts", params=params, headers=staff).json()
    second = client.get("/api/facts", params={**params, "page": 2}, headers=staff).json()
    assert first["total"] > 20 and first["total"] == second["total"]
    assert len(first["items"]) == len(second["items"]) == 10
    assert {f["id"] for f in first["items"]}.isdisjoint(f["id"] for f in second["items"])
    last_page = -(-first["total"] // 10)
    beyond = client.get("/api/facts", params={**params, "page": last_page + 1}, headers=staff).json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]
    assert client.get("/api/facts", params={"page_size": 0}, headers=staff).status_code == 422


def test_facts_filter_by_subject_and_text(client: TestClient, staff: dict) -> None:
    rows = client.get("/api/facts", params={"subject": "公务接待费", "year": 2020}, headers=staff).json()["items"]
    assert [(r["subject"], r["value"], r["unit"], r["department"]) for r in rows] == [("公务接待费", "0.63", "万元", LANGFANG_DEPARTMENT)]
    bounded = client.get("/api/facts", params={"q": "护城河"}, headers=staff).json()["items"]
    assert bounded and any(r["qualifier"] == "≤" for r in bounded)


def test_facts_unknown_department_is_422(client: TestClient, staff: dict) -> None:
    response = client.get("/api/facts", params={"department": "不存在的部门"}, headers=staff)
    assert response.status_code == 422 and LANGFANG_DEPARTMENT in response.json()["error"]


def test_facts_csv_has_bom_header_and_row(client: TestClient, staff: dict) -> None:
    response = client.get("/api/facts.csv", params={"subject": "公务接待费"}, headers=staff)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["科目", "指标", "数值", "单位"]
    assert rows[1][:4] == ["公务接待费", "金额", "0.63", "万元"] and LANGFANG_DEPARTMENT in rows[1]
    assert len(rows) == 2


def test_facts_xlsx_has_the_csv_columns_and_rows(client: TestClient, staff: dict) -> None:
    params = {"subject": "公务接待费"}
    response = client.get("/api/facts.xlsx", params=params, headers=staff)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="budget-facts.xlsx"' in response.headers["content-disposition"]
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(values_only=True))
    as_csv = list(csv.reader(io.StringIO(client.get("/api/facts.csv", params=params, headers=staff).content.decode("utf-8-sig"))))
    assert list(rows[0]) == as_csv[0] and len(rows) == len(as_csv) == 2
    assert rows[1][:4] == ("公务接待费", "金额", 0.63, "万元")  # the figure is a number in Excel
    assert rows[1][6] == LANGFANG_DEPARTMENT and rows[1][7] == 2020
    assert [("" if v is None else str(v)) for v in rows[1][6:]] == as_csv[1][6:]


def test_facts_pivot_puts_years_side_by_side(client: TestClient, staff: dict) -> None:
    body = client.get("/api/facts/pivot", params={"department": LANGFANG_DEPARTMENT, "subject": "公务接待费"}, headers=staff).json()
    assert body["years"] == [2020]
    assert body["rows"][0]["subject"] == "公务接待费" and body["rows"][0]["cells"]["2020"]["value"] == "0.63"
    assert body["rows"][0]["cells"]["2020"]["amount_wan"] == "0.63"  # figures in other units compare in 万元
    assert client.get("/api/facts/pivot", params={"department": "政法"}, headers=staff).status_code == 422


# ---- pages and service ---------------------------------------------------------------------------------------
def test_health_docs_and_pages(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "documents": len(documents(client))}
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/ask", "/api/ask/stream", "/api/documents", "/api/facts", "/api/facts.csv", "/api/documents/{doc_id}/text"} <= set(paths)
    for page in ("/", "/staff"):
        response = client.get(page)
        assert response.status_code == 200 and "script-src 'self'" in response.headers["content-security-policy"]
    demo = client.get("/").text
    assert '<script src="/static/widget.js"' in demo
    html_sinks = re.compile(r"\.(inner|outer)HTML\s*[+]?=|insertAdjacentHTML|document\.write|createContextualFragment")
    for script in ("/static/widget.js", "/static/staff.js"):
        assert not html_sinks.search(client.get(script).text), f"{script} must render text with textContent only"


def test_unknown_path_is_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json() == {"error": "未找到请求的地址"}


def test_oversized_json_body_is_413(client: TestClient) -> None:
    declared = client.post("/api/ask", content=json.dumps({"question": "问" * 40_000}), headers={"Content-Type": "application/json"})
    assert declared.status_code == 413 and declared.json()["error"]

    def chunked():  # no Content-Length: refused while it arrives
        yield b'{"question": "'
        for _ in range(100):
            yield b"x" * 1000

    streamed = client.post("/api/ask", content=chunked(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["error"]


def test_staff_facts_name_the_table_row_and_header_of_table_figures(client: TestClient, staff: dict) -> None:
    found = client.get("/api/facts", params={"subject": "机房", "page_size": 200}, headers=staff).json()["items"]
    tables = [f for f in found if f["table"]]
    assert tables and all(f["label"] and f["table"]["title"] and f["spans"] for f in tables)
    for span in tables[0]["spans"]:  # a few look-ups: the text endpoint is rate-limited per client
        quoted = client.get(f"/api/documents/{tables[0]['doc_id']}/text", params={"start": span["start"], "end": span["end"]})
        assert quoted.status_code == 200, quoted.text
        assert quoted.json()["quote"] == span["text"]
