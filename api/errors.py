"""Every API error is JSON shaped `{"error": "<one line a person can act on>", ...}`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("budgetqa.api")


class ApiError(Exception):
    """An error answered with `status` and `{"error": message, **extra}`."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None, **extra: Any):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers
        self.extra = extra


def _body(message: str, **extra: Any) -> dict[str, Any]:
    return {"error": message, **jsonable_encoder(extra)}


def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
    return JSONResponse(_body(exc.message, **exc.extra), status_code=exc.status, headers=exc.headers)


def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    # 404 for unknown paths, 405, and 413 from the JSON body-size limit
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    return JSONResponse(_body(message), status_code=exc.status_code, headers=getattr(exc, "headers", None))


def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
        problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
    return JSONResponse(_body("请求参数无效：" + "；".join(problems), details=details), status_code=422)


def _unexpected_error(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return JSONResponse(_body("服务内部错误，请稍后再试"), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Turns every error the app can raise into the `{"error": ...}` shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
