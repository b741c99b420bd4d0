"""Bounded work per worker: beyond `limit` questions in flight, a question is refused at once with 503
and Retry-After instead of waiting in a queue that only grows. A streamed answer counts until its stream ends."""

from __future__ import annotations

import threading

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

BUSY = "服务繁忙，请稍后再试"
RETRY_AFTER_SECONDS = 1


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
