"""Public questions: one JSON answer, or the same answer streamed with progress as Server-Sent Events."""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends
from fastapi.sse import EventSourceResponse, ServerSentEvent

from api.deps import AnswerThreadsDep, AssistantDep, BodyQuestion, QueryQuestion, QuestionLogDep, rate_limit
from api.progress import answer, answer_events
from api.schemas import ErrorBody
from assistant.answer import Answer

ERRORS = {422: {"model": ErrorBody, "description": "Empty or too long question, or unknown department/year"},
          429: {"model": ErrorBody, "description": "Too many questions from this client; see Retry-After"}}

router = APIRouter(prefix="/api", tags=["ask"], dependencies=[Depends(rate_limit)], responses=ERRORS)


@router.post("/ask", response_model=Answer)
async def ask(question: BodyQuestion, assistant: AssistantDep, question_log: QuestionLogDep,
              threads: AnswerThreadsDep) -> Answer:
    """Answers one question with exact figures and citations, and two related questions to ask next."""
    return await threads.run(answer, assistant, question_log, question.text, question.where, question.context)


@router.get("/ask/stream", response_class=EventSourceResponse)
async def ask_stream(question: QueryQuestion, assistant: AssistantDep,
                     question_log: QuestionLogDep, threads: AnswerThreadsDep) -> AsyncIterator[ServerSentEvent]:
    """Server-Sent Events: `status` {stage, message}… then `answer` (the Answer JSON) or `error`, then `done`."""
    async for event in answer_events(threads, assistant, question_log, question.text, question.where, question.context):
        yield event
