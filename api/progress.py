"""Streams one answer as Server-Sent Events: `status` events while the chain runs, then `answer`, then `done`.

The statuses are the stages the assistant reports as it reaches them, so they say what really happens.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

from fastapi.sse import ServerSentEvent

from api.load_shedding import AnswerThreads
from api.unanswered import note_unanswered
from assistant.answer import Answer, Context
from assistant.chain import Assistant, QuestionRejected
from assistant.stages import Stage, StageReport, ignore_stage
from index.corpus_index import DocumentFilter
from index.question_log import QuestionLog

log = logging.getLogger("budgetqa.api")

STAGE_MESSAGE: dict[Stage, str] = {
    Stage.UNDERSTAND: "理解问题",
    Stage.SEARCH: "检索中",
    Stage.VERIFY: "核对出处",
    Stage.COMPOSE: "组织答案",
}

Report = Callable[[Stage | None], None]


def answer(assistant: Assistant, question_log: QuestionLog, question: str, where: DocumentFilter,
           context: Context | None = None, on_stage: StageReport = ignore_stage) -> Answer:
    """`assistant.reply` on one consistent view of the index: an upload or removal finishing meanwhile
    waits for this answer, so no answer mixes two states of the index; a refused or ambiguous answer is
    noted in the staff log (blocking; run it in a worker thread)."""
    with assistant.index.reading():
        replied = assistant.reply(question, where, context, on_stage)
    note_unanswered(question_log, replied)
    return replied


def ask_with_progress(assistant: Assistant, question_log: QuestionLog, question: str, where: DocumentFilter,
                      report: Report, context: Context | None = None) -> Answer:
    """`answer`, reporting each stage once, in the order the chain reaches them (blocking; run it in a worker thread)."""
    sent = {Stage.UNDERSTAND}  # sent by the caller before the thread starts

    def once(stage: Stage) -> None:
        if stage not in sent:
            sent.add(stage)
            report(stage)

    return answer(assistant, question_log, question, where, context, once)


def _status(stage: Stage) -> ServerSentEvent:
    return ServerSentEvent(event="status", data={"stage": str(stage), "message": STAGE_MESSAGE[stage]})


async def answer_events(threads: AnswerThreads, assistant: Assistant, question_log: QuestionLog, question: str,
                        where: DocumentFilter, context: Context | None = None) -> AsyncIterator[ServerSentEvent]:
    """status… → answer (or error) → done; the answer is computed in one of `threads`."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Stage | None] = asyncio.Queue()

    def report(stage: Stage | None) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, stage)

    def work() -> Answer:
        try:
            return ask_with_progress(assistant, question_log, question, where, report, context)
        finally:
            report(None)  # end of statuses; queued after every status the thread sent

    yield _status(Stage.UNDERSTAND)
    task = asyncio.ensure_future(threads.run(work))
    # the worker cannot be cancelled; if the client leaves, let it finish and drop its result quietly
    task.add_done_callback(lambda t: t.cancelled() or t.exception())
    while (status := await queue.get()) is not None:
        yield _status(status)
    try:
        answer = await task
    except QuestionRejected as rejected:
        yield ServerSentEvent(event="error", data={"error": str(rejected)})
    except Exception:
        log.exception("ask failed while streaming")
        yield ServerSentEvent(event="error", data={"error": "服务内部错误，请稍后再试"})
    else:
        yield ServerSentEvent(event="answer", data=answer.model_dump(mode="json"))
    yield ServerSentEvent(event="done", data={})
