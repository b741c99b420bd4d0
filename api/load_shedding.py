"""Bounded work per worker: beyond `limit` questions in flight, a question is refused at once with 503
and Retry-After instead of waiting in a queue that only grows. A streamed answer counts until its stream ends.

A refusal is quick only if the event loop gets the interpreter when it needs it, and the admitted answers are
computed by threads that hold it. So a worker computes only a few answers at once (`AnswerThreads`; the others
admitted wait for a thread, off the interpreter), a busy thread hands the interpreter over more often, and
what start-up built is left out of garbage collection (`responsive_loop`)."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

from anyio import CapacityLimiter, to_thread
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

BUSY = "服务繁忙，请稍后再试"
RETRY_AFTER_SECONDS = 1

T = TypeVar("T")


class InFlightLimit:
    """ASGI middleware counting requests under `prefixes` (the question endpoints) in this process."""

    def __init__(self, app: ASGIApp, limit: int, prefixes: tuple[str, ...]):
        self.app = app
        self.limit = limit
        self.prefixes = prefixes
        self._in_flight = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        with self._lock:
            admitted = self._in_flight < self.limit
            if admitted:
                self._in_flight += 1
        if not admitted:
            busy = JSONResponse({"error": BUSY}, status_code=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
            await busy(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self._in_flight -= 1


class AnswerThreads:
    """At most `threads` answers computed at once in this process, each in a worker thread. Answers are
    interpreter-bound: more threads would not answer more per second, they would only make the event loop
    wait longer for its turn (each thread waiting for the interpreter is one more in front of it)."""

    def __init__(self, threads: int):
        self._limiter = CapacityLimiter(threads)

    async def run(self, func: Callable[..., T], *args: object) -> T:
        """`func(*args)` in a worker thread once one of this process's answer threads is free."""
        return await to_thread.run_sync(partial(func, *args), limiter=self._limiter)


@contextmanager
def responsive_loop(switch_interval_s: float) -> Iterator[None]:
    """While serving: a thread holding the interpreter hands it over after `switch_interval_s` when another
    waits (Python's default is 5 ms, and the event loop waits for it at every callback), and the objects
    alive now (libraries, vocabularies, the warmed-up assistant) are frozen out of garbage collection, so a
    full collection walks only what questions made since (25–46 ms at 1,000 documents instead of about 200 ms,
    during which nothing else in the process runs). Both are undone on exit."""
    previous = sys.getswitchinterval()
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(switch_interval_s)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
        gc.unfreeze()
