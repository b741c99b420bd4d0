"""A real uvicorn server on loopback, at its bound: the questions it took stay in flight, a further question is
refused at once (503 + Retry-After) and other endpoints still answer; only `answer_threads` answers are computed at
a time, and every admitted stream still ends with its answer. Nothing here is timed: each wait only has a deadline."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.load_shedding import BUSY, RETRY_AFTER_SECONDS
from api_support import UNLIMITED_PER_MINUTE, api_settings
from tests.support import free_port

QUESTION = "公务接待费是多少"
IN_FLIGHT = 3  # questions the worker takes
THREADS = 2  # of which it computes at once
SWITCH_INTERVAL_MS = 0.5
WAIT_S = 60  # the longest any wait here may take before the test fails


class HeldReplies:
    """Wraps the assistant's real `reply`: counts the answers being computed at once, and holds each one until
    `release()`, so the questions stay in flight for as long as the test needs."""

    def __init__(self, reply: Callable) -> None:
        self._reply = reply
        self._lock = threading.Lock()
        self._released = threading.Event()
        self.entered = threading.Semaphore(0)
        self.running = 0
        self.most = 0

    def __call__(self, *args: object, **kwargs: object):
        with self._lock:
            self.running += 1
            self.most = max(self.most, self.running)
        self.entered.release()
        try:
            if not self._released.wait(WAIT_S):
                raise TimeoutError("the test never released the held answers")
            return self._reply(*args, **kwargs)
        finally:
            with self._lock:
                self.running -= 1

    def release(self) -> None:
        self._released.set()


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """`app` under a real uvicorn server in a thread of this process (lifespan included); its base URL."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_S
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(WAIT_S)
        assert not thread.is_alive(), "uvicorn did not stop"


def stream_events(base_url: str, admitted: threading.Event, events: list[str]) -> None:
    """One SSE question: `admitted` is set at its first event (the server has taken it); every event name is kept."""
    with httpx.Client(base_url=base_url, timeout=WAIT_S) as client:
        with client.stream("GET", "/api/ask/stream", params={"question": QUESTION}) as response:
            events.append(f"HTTP {response.status_code}")
            for line in response.iter_lines():
                if line.startswith("event:"):
                    events.append(line.split(":", 1)[1].strip())
                    admitted.set()
                if events[-1] == "done":
                    return


@pytest.fixture
def app(tmp_path: Path, langfang_data) -> FastAPI:
    return create_app(api_settings(langfang_data(tmp_path / "data"), max_in_flight=IN_FLIGHT, answer_threads=THREADS,
                                   switch_interval_ms=SWITCH_INTERVAL_MS, rate_limit_per_minute=UNLIMITED_PER_MINUTE))


def test_a_full_worker_refuses_at_once_computes_few_answers_at_a_time_and_finishes_the_rest(
        app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    switch_interval = sys.getswitchinterval()
    with served(app) as base_url:
        assert sys.getswitchinterval() == SWITCH_INTERVAL_MS / 1000
        assert gc.get_freeze_count() > 0  # what start-up built is left out of garbage collection
        held = HeldReplies(app.state.assistant.reply)
        monkeypatch.setattr(app.state.assistant, "reply", held)
        admitted = [threading.Event() for _ in range(IN_FLIGHT)]
        events: list[list[str]] = [[] for _ in range(IN_FLIGHT)]
        streams = [threading.Thread(target=stream_events, args=(base_url, admitted[i], events[i]), daemon=True)
                   for i in range(IN_FLIGHT)]
        for stream in streams:
            stream.start()
        try:
            assert all(each.wait(WAIT_S) for each in admitted), events
            assert all(held.entered.acquire(timeout=WAIT_S) for _ in range(THREADS))
            with httpx.Client(base_url=base_url, timeout=WAIT_S) as client:
                busy = [client.post("/api/ask", json={"question": QUESTION}),
                        client.get("/api/ask/stream", params={"question": QUESTION})]
                assert [r.status_code for r in busy] == [503, 503]
                assert all(r.headers["Retry-After"] == str(RETRY_AFTER_SECONDS) and r.json() == {"error": BUSY}
                           for r in busy)
                assert client.get("/healthz").status_code == 200  # only the question endpoints are bounded
            assert held.running == THREADS  # the third question waits for a thread, off the interpreter
        finally:
            held.release()
            for stream in streams:
                stream.join(WAIT_S)
        assert held.most == THREADS
        assert all(each[0] == "HTTP 200" and "answer" in each and "error" not in each and each[-1] == "done"
                   for each in events), events
        with httpx.Client(base_url=base_url, timeout=WAIT_S) as client:  # the bound frees up again
            answered = client.post("/api/ask", json={"question": QUESTION})
            assert answered.status_code == 200 and answered.json()["citations"]
    assert sys.getswitchinterval() == switch_interval and gc.get_freeze_count() == 0
