"""Staff: the questions the assistant refused or found ambiguous, as JSON and as CSV."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.deps import QuestionLogDep, StaffRole
from api.exports import MEDIA_TYPES, ExportFormat, download
from api.schemas import ErrorBody, UnansweredList
from api.unanswered import UNANSWERED_COLUMNS, unanswered_list, unanswered_rows

ERRORS = {code: {"model": ErrorBody} for code in (401, 403, 422)}
MAX_ENTRIES = 10_000

router = APIRouter(prefix="/api", tags=["unanswered"], responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_ENTRIES, description="How many questions, most asked first")]


@router.get("/unanswered", response_model=UnansweredList)
async def list_unanswered(_: StaffRole, question_log: QuestionLogDep, limit: Limit = 500) -> UnansweredList:
    """Questions answered 未找到, ambiguously or as out of scope: how often, when, and what they resolved."""
    return unanswered_list(await run_in_threadpool(question_log.entries, limit))


@router.get("/unanswered.csv", response_class=Response, responses={200: {"content": {MEDIA_TYPES[ExportFormat.CSV]: {}}}})
async def export_unanswered(_: StaffRole, question_log: QuestionLogDep, limit: Limit = MAX_ENTRIES) -> Response:
    """The same list as CSV, UTF-8 with BOM for Excel."""
    entries = await run_in_threadpool(question_log.entries, limit)
    return download(UNANSWERED_COLUMNS, unanswered_rows(entries), "unanswered-questions", ExportFormat.CSV)
