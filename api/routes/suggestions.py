"""Suggested questions the chat widget shows when it opens (public, no key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool

from api.deps import AssistantDep, IndexDep, rate_limit
from api.schemas import ErrorBody, Suggested
from api.scope import checked_scope

# from the question bucket: each new scope is worked out once, and a script must not make it work out many
router = APIRouter(prefix="/api", tags=["widget"], dependencies=[Depends(rate_limit)],
                   responses={code: {"model": ErrorBody} for code in (422, 429)})


@router.get("/suggestions", response_model=Suggested)
async def suggestions(
    assistant: AssistantDep,
    index: IndexDep,
    department: Annotated[str | None, Query(description="Only this department (as the widget's data-department)")] = None,
    year: Annotated[int | None, Query(description="Only this year (as the widget's data-year)")] = None,
) -> Suggested:
    """A few questions to start with, made from the departments, years and items the index holds; each one it
    answers. Worked out once per state of the index."""
    where = checked_scope(index, department, year)

    def opening() -> list[str]:
        with index.reading():
            return assistant.opening_questions(where)

    return Suggested(questions=await run_in_threadpool(opening))
