"""`budgetqa serve --workers N`: several processes answer from one data dir, and each refuses work beyond
its bound at once (503 + Retry-After) instead of queueing it."""

from __future__ import annotations

import http.client
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from reliability_support import Server, serve

pytestmark = pytest.mark.slow  # real servers, processes or a browser: `make test-fast` leaves them out

WORKERS = 2
CLIENTS = 24
QUESTIONS = ["公务接待费是多少", "三公经费是多少", "公务用车运行维护费是多少", "部门收入预算是多少"]


def worker_pids(server: Server) -> set[int]:
    """Processes whose parent is the server's main process (uvicorn's workers)."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server.proc.pid:
            children.add(int(stat.parent.name))
    return children


def test_workers_share_the_index_and_shed_load_beyond_their_bound(tmp_path: Path, langfang_data) -> None:
    with serve(langfang_data(tmp_path / "data"), tmp_path / "server", workers=WORKERS, max_in_flight=1,
               rate_limit_per_minute=100_000) as server:
        assert len(worker_pids(server)) >= WORKERS

        def ask(i: int) -> httpx.Response:
            with httpx.Client(base_url=server.base_url, timeout=60) as client:
                return client.post("/api/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})

        with ThreadPoolExecutor(CLIENTS) as pool:
            responses = list(pool.map(ask, range(CLIENTS * 3)))
        statuses = [r.status_code for r in responses]
        assert set(statuses) <= {200, 503}, statuses
        busy = [r for r in responses if r.status_code == 503]
        assert busy, "no request was refused although each worker takes one question at a time"
        assert all(r.headers["Retry-After"] == "1" and r.json()["error"] == "服务繁忙，请稍后再试" for r in busy)
        answered = [r.json() for r in responses if r.status_code == 200]
        assert answered and all(a["citations"] for a in answered if a["kind"] == "number")
        with httpx.Client(base_url=server.base_url, timeout=60) as client:  # the bound frees up again
            assert client.post("/api/ask", json={"question": QUESTIONS[0]}).status_code == 200
            assert client.get("/api/widget-config").status_code == 200  # other endpoints are not bounded


def cpu_ticks(pid: int) -> int:
    """CPU time a process has used so far (user + system, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def answering_workers(server: Server) -> set[int]:
    """The worker processes (not the parent's helpers, such as multiprocessing's resource tracker)."""
    return {pid for pid in worker_pids(server)
            if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()}


def test_keep_alive_connections_are_spread_over_the_workers(tmp_path: Path, langfang_data) -> None:
    """Each worker listens on a socket of its own: the kernel spreads a burst of connections over them, where with
    one shared socket the worker that wakes first accepts every pending one and keeps it (keep-alive)."""
    with serve(langfang_data(tmp_path / "data"), tmp_path / "server", workers=WORKERS,
               rate_limit_per_minute=100_000) as server:
        workers = answering_workers(server)
        assert len(workers) == WORKERS
        before = {pid: cpu_ticks(pid) for pid in workers}
        connections = [http.client.HTTPConnection("127.0.0.1", server.port, timeout=120) for _ in range(16)]
        for connection in connections:  # all connected before any asks: one burst of pending connections
            connection.connect()

        def keep_asking(connection: http.client.HTTPConnection) -> list[int]:
            statuses = []
            for question in QUESTIONS:
                connection.request("POST", "/api/ask", body=json.dumps({"question": question}),
                                   headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                statuses.append(response.status)
            return statuses

        with ThreadPoolExecutor(len(connections)) as pool:
            statuses = [s for answered in pool.map(keep_asking, connections) for s in answered]
        for connection in connections:
            connection.close()
        assert set(statuses) == {200}
        used = [cpu_ticks(pid) - before[pid] for pid in workers]
        assert min(used) >= 0.1 * sum(used), used
