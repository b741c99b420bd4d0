"""Errors and uploads through `budgetqa serve` on 127.0.0.1 (a real socket, real uvicorn), as issue 15 found them.

- A lone surrogate ("\\ud800") in the question or department is a clear Chinese 422, not a 500.
- After a 500 the keep-alive connection still answers the next request.
- A corrected file uploaded under the same name replaces the old document; its source is the name it
  was uploaded with, never a generated one.
- A crash mid-upload (SIGKILL while the document is pending) leaves nothing behind after a restart.
- Messages are Chinese (ingestion failures, body-parse and validation errors, unknown paths) and echo
  a caller's input only briefly.
"""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from index.ingestion import ingest_paths
from reliability_support import ADMIN_KEY, STAFF_KEY, Server, http_client, opened_index, served_sample, pending_and_rows, relabel, serve

pytestmark = pytest.mark.slow  # real servers, processes or a browser: `make test-fast` leaves them out

ADMIN = {"X-API-Key": ADMIN_KEY}
STAFF = {"X-API-Key": STAFF_KEY}
FIELD_NAMES = re.compile(r"\b(question|department|year|JSON|start|end|page_size|kind)\b")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, embeddings, small_paths) -> Iterator[Server]:
    with served_sample(tmp_path_factory.mktemp("served-errors"), embeddings, small_paths[0], staff_keys=[STAFF_KEY], admin_keys=[ADMIN_KEY], rate_limit_per_minute=0) as running:
        yield running


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with http_client(server) as c:
        yield c


def chinese_only(message: str) -> bool:
    """True when the message has no English words beyond the names of the fields it is about."""
    return not re.search(r"[A-Za-z]{2,}", FIELD_NAMES.sub("", message))


def raw_json(body: str) -> bytes:
    """The body as written (json= in httpx cannot encode a lone surrogate; a browser or script can send one escaped)."""
    return body.encode("utf-8")


# ---------------------------------------------------------------- lone surrogates


@pytest.mark.parametrize("body", [
    r'{"question": "\ud800"}',
    r'{"question": "公务接待费\ud800是多少"}',
    r'{"question": "公务接待费是多少", "department": "\ud800"}',
    r'{"question": "公务接待费是多少", "department": "政法委\udfff"}',
    r'{"question": "公务接待费是多少\u0000"}',
])
def test_lone_surrogate_in_question_or_department_is_a_chinese_422(client: httpx.Client, body: str) -> None:
    response = client.post("/api/ask", content=raw_json(body), headers={"Content-Type": "application/json"})
    assert response.status_code == 422, (response.status_code, response.text)
    message = response.json()["error"]
    assert "无法识别的字符" in message and chinese_only(message), message
    assert client.post("/api/ask", json={"question": "公务接待费是多少"}).status_code == 200  # the connection lives on


# ---------------------------------------------------------------- a 500 and the keep-alive connection


def _http(sock: socket.socket, request: bytes, timeout: float = 30) -> bytes:
    """Sends one request on an open connection and reads one whole response (Content-Length bodies only)."""
    sock.sendall(request)
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        part = sock.recv(65536)
        if not part:
            return data
        data += part
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)content-length: *(\d+)", head)[1])
    while len(body) < length:
        part = sock.recv(65536)
        if not part:
            break
        body += part
    return head + b"\r\n\r\n" + body


def test_keep_alive_connection_survives_a_500(server: Server) -> None:
    """The database goes missing under the running server (a table renamed away), then comes back."""
    db = server.data_dir / "budgetqa.sqlite3"
    with httpx.Client(base_url=server.base_url) as c:
        doc_id = c.get("/api/documents", headers=STAFF).json()["documents"][0]["doc_id"]
    host = f"Host: 127.0.0.1:{server.port}\r\n".encode()
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    con = sqlite3.connect(db, timeout=30)
    try:
        assert _http(sock, b"GET /healthz HTTP/1.1\r\n" + host + b"\r\n").startswith(b"HTTP/1.1 200")
        con.execute("ALTER TABLE documents RENAME TO documents_away")
        con.commit()
        try:
            failed = _http(sock, f"GET /api/documents/{doc_id}/text?start=0&end=5 HTTP/1.1\r\n".encode() + host + b"\r\n")
        finally:
            con.execute("ALTER TABLE documents_away RENAME TO documents")
            con.commit()
        assert failed.startswith(b"HTTP/1.1 500"), failed[:300]
        assert json.loads(failed.partition(b"\r\n\r\n")[2]) == {"error": "服务内部错误，请稍后再试"}
        try:
            after = _http(sock, b"GET /healthz HTTP/1.1\r\n" + host + b"\r\n")
        except ConnectionResetError:
            after = b"(connection reset)"
        assert after.startswith(b"HTTP/1.1 200"), f"the request after a 500 on the same connection got {after[:200]!r}"
    finally:
        con.close()
        sock.close()
    time.sleep(0.3)
    log = server.log()
    assert "unhandled error" in log and "Exception in ASGI application" not in log, log[-3000:]


# ---------------------------------------------------------------- same name, corrected file

CORRECTED_NAME = "廊坊市审计局2021年部门预算.txt"


def test_corrected_file_under_the_same_name_replaces_the_document(server: Server, client: httpx.Client, small_paths) -> None:
    first = relabel(small_paths[0].read_text(encoding="utf-8"), "廊坊市审计局", 2021)
    corrected = first.replace("公务接待费0.63万元", "公务接待费0.73万元")
    before = client.get("/api/documents", headers=STAFF).json()["total"]
    added = client.post("/api/documents", headers=ADMIN, files={"file": (CORRECTED_NAME, first.encode(), "text/plain")})
    assert added.status_code == 201 and added.json()["added"] == [CORRECTED_NAME], added.text
    old = added.json()
    replaced = client.post("/api/documents", headers=ADMIN, files={"file": (f"C:\\草稿\\{CORRECTED_NAME}", corrected.encode(), "text/plain")})
    assert replaced.status_code == 201 and replaced.json()["replaced"] == [CORRECTED_NAME], replaced.text
    new = replaced.json()
    listed = client.get("/api/documents", headers=STAFF).json()
    audit = [d for d in listed["documents"] if d["department"] == "廊坊市审计局"]
    assert listed["total"] == before + 1 and [d["doc_id"] for d in audit] == [new["document"]["doc_id"]], audit
    assert audit[0]["source"] == CORRECTED_NAME
    uploads = server.data_dir / "uploads"
    assert (uploads / new["stored_as"]).is_file() and not (uploads / old["stored_as"]).exists()

    answer = client.post("/api/ask", json={"question": "廊坊市审计局2021年公务接待费是多少"}).json()
    assert answer["value"] == 0.73, answer
    citation = answer["citations"][0]
    assert citation["source"] == CORRECTED_NAME and citation["doc_id"] == new["document"]["doc_id"]
    span = client.get(f"/api/documents/{citation['doc_id']}/text", params={"start": citation["start"], "end": citation["end"]}).json()
    assert span["source"] == CORRECTED_NAME and span["quote"] == "公务接待费0.73万元"

    assert client.delete(f"/api/documents/{new['document']['doc_id']}", headers=ADMIN).status_code == 200
    assert not (uploads / new["stored_as"]).exists()
    assert client.get("/api/documents", headers=STAFF).json()["total"] == before


# ---------------------------------------------------------------- Chinese messages, bounded echoes


def test_ingestion_failures_are_in_chinese_and_name_the_file(client: httpx.Client) -> None:
    cases = {
        "没有部门.txt": ("只有一句话，没有部门名称。\n".encode(), "部门"),
        "坏的.pdf": (b"%PDF-1.4\nthis is not really a pdf", "PDF"),
        "二进制.txt": (bytes(range(256)) * 4, "二进制"),
    }
    for name, (content, says) in cases.items():
        response = client.post("/api/documents", headers=ADMIN, files={"file": (name, content, "application/octet-stream")})
        assert response.status_code == 422, (name, response.text)
        message = response.json()["error"]
        assert name in message and says in message and chinese_only(message.replace(name, "").replace("PDF", "")), message


@pytest.mark.parametrize(("body", "says"), [
    ('{"question": ', "JSON"),
    ("[1, 2]", "JSON 对象"),
    ('{"question": "公务接待费是多少", "year": "去年"}', "年份（year）须为整数"),
    ('{"department": "政法委"}', "问题（question）不能缺少"),
    ('{"question": 5}', "问题（question）须为文字"),
])
def test_body_parse_and_validation_errors_are_in_chinese(client: httpx.Client, body: str, says: str) -> None:
    response = client.post("/api/ask", content=body.encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    message = response.json()["error"]
    assert says in message and chinese_only(message), message
    assert all(set(d) == {"loc", "type"} for d in response.json()["details"])  # pydantic's English msg is not passed on


def test_unknown_path_and_method_are_in_chinese(client: httpx.Client) -> None:
    assert client.get("/api/nothing-here").json() == {"error": "未找到请求的地址"}
    assert client.put("/api/ask").json() == {"error": "不支持此请求方法"}
    assert client.get("/api/facts", params={"page": 0}, headers=STAFF).json()["error"] == "请求参数无效：页码（page）须不小于 1"


def test_echoed_input_is_bounded(client: httpx.Client) -> None:
    long_department = "某" * 5000
    response = client.post("/api/ask", json={"question": "公务接待费是多少", "department": long_department})
    assert response.status_code == 422 and len(response.json()["error"]) < 400, response.json()["error"][:100]
    long_id = "f" * 3000
    for method, path in [("GET", f"/api/documents/{long_id}/text?start=0&end=5"), ("DELETE", f"/api/documents/{long_id}")]:
        response = client.request(method, path, headers=ADMIN)
        assert response.status_code == 404 and len(response.text) < 200, (method, response.text[:100])
    name = "预" * 1000 + ".txt"
    response = client.post("/api/documents", headers=ADMIN, files={"file": (name, "没有部门名称。\n".encode(), "text/plain")})
    assert response.status_code == 422 and len(response.json()["error"]) < 200, response.json()["error"][:100]


# ---------------------------------------------------------------- a crash mid-upload


def test_crash_mid_upload_leaves_nothing_after_restart(tmp_path: Path, embeddings, small_paths, variant_path) -> None:
    data_dir = tmp_path / "data"
    with opened_index(data_dir, embeddings) as index:
        assert ingest_paths(index, [small_paths[0]]).added
    db, uploads = data_dir / "budgetqa.sqlite3", data_dir / "uploads"
    # vectors made at ingest: the upload spends seconds embedding while its row is pending, long enough to kill it
    with serve(data_dir, tmp_path / "run-1", staff_keys=[STAFF_KEY], admin_keys=[ADMIN_KEY], chunk_vectors="at-ingest") as server:

        def upload() -> None:  # the full-length document: seconds of embedding while its row is pending
            try:
                httpx.post(f"{server.base_url}/api/documents", headers=ADMIN, timeout=120,
                           files={"file": ("宣传部2021.txt", variant_path.read_bytes(), "text/plain")})
            except httpx.HTTPError:
                pass  # the server dies mid-request

        uploading = threading.Thread(target=upload, daemon=True)
        uploading.start()
        deadline = time.monotonic() + 90
        while pending_and_rows(db)[0] == 0:
            assert time.monotonic() < deadline and uploading.is_alive(), "the upload never reached the pending state"
            time.sleep(0.01)
        server.proc.kill()  # SIGKILL: no clean-up code runs
        server.proc.wait(timeout=30)
        uploading.join(timeout=30)
    assert pending_and_rows(db) == (1, 2), "the kill came too late to prove anything"
    assert [p.name for p in uploads.iterdir()], "no file was left mid-upload"
    with serve(data_dir, tmp_path / "run-2", staff_keys=[STAFF_KEY], admin_keys=[ADMIN_KEY]) as server:
        assert pending_and_rows(db) == (0, 1)
        assert list(uploads.iterdir()) == []
        with httpx.Client(base_url=server.base_url, timeout=120) as client:
            assert client.get("/healthz").json()["documents"] == 1
            again = client.post("/api/documents", headers=ADMIN, files={"file": ("宣传部2021.txt", small_paths[1].read_bytes(), "text/plain")})
            assert again.status_code == 201, again.text
            assert [p.name for p in uploads.iterdir()] == [again.json()["stored_as"]]
        assert "cleaned up after a crash: 1 half-written document(s), 1 stray upload file(s)" in server.log()
