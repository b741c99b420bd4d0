"""Every API error is JSON shaped `{"error": "<one line a person can act on>", ...}`, in Chinese.

An unexpected exception becomes a 500 inside `CatchAllMiddleware` and goes no further: Starlette's own
last-resort handler would send the 500 and then re-raise, and uvicorn answers a re-raised exception by
closing the keep-alive connection, so the client's next request on it would be reset.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.messages import http_status, validation_problem

log = logging.getLogger("budgetqa.api")

INTERNAL_ERROR = "服务内部错误，请稍后再试"


class ApiError(Exception):
    """An error answered with `status` and `{"error": message, **extra}`."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None, **extra: Any):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.extra = extra


class ErrorResponse(JSONResponse):
    """JSON that always encodes: text a client sent with a lone surrogate in it is written as a \\u escape."""

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def _body(message: str, **extra: Any) -> dict[str, Any]:
    return {"error": message, **jsonable_encoder(extra)}


def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return ErrorResponse(_body(exc.message, **exc.extra), status_code=exc.status, headers=exc.headers)


def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    # 404 for unknown paths, 405, and 413 from the JSON body-size limit; Starlette's English
    # phrases ("Not Found") are replaced, a detail we wrote ourselves in Chinese is kept
    detail = exc.detail if isinstance(exc.detail, str) else ""
    message = detail if detail and not detail.isascii() else http_status(exc.status_code)
    return ErrorResponse(_body(message), status_code=exc.status_code, headers=getattr(exc, "headers", None))


def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = list(dict.fromkeys(validation_problem(e) for e in exc.errors()))
    details = [{"loc": [str(p) for p in e.get("loc", ())][:5], "type": e.get("type")} for e in exc.errors()]
    return ErrorResponse(_body("请求参数无效：" + "；".join(problems), details=details), status_code=422)


class CatchAllMiddleware:
    """Turns any exception a route lets through into a JSON 500, and does not re-raise it."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception:
            log.exception("unhandled error in %s %s", scope.get("method"), scope.get("path"))
            if not started:  # once a response has begun, the server ends that one response on its own
                await ErrorResponse(_body(INTERNAL_ERROR), status_code=500)(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Turns every error the app can raise into the `{"error": ...}` shape (add CatchAllMiddleware too)."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
