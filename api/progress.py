"""Streams one answer as Server-Sent Events: `status` events while the chain runs, then `answer`, then `done`.

The statuses come from LangChain callbacks on the assistant's runnable steps, so they report what
really happens; a step this map does not know simply emits no status.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.sse import ServerSentEvent
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.runnables import RunnableLambda

from assistant.answer import Answer, Context
from assistant.chain import Assistant, QuestionRejected
from index.corpus_index import DocumentFilter

log = logging.getLogger("budgetqa.api")

UNDERSTAND = ("understand", "理解问题")
SEARCH = ("search", "检索中")
VERIFY = ("verify", "核对出处")
COMPOSE = ("compose", "组织答案")
# runnable name (the Assistant's step methods) → status shown to the person asking
STEP_STATUS: dict[str, tuple[str, str]] = {
    "_understand": UNDERSTAND,
    "_numeric": SEARCH,
    "_textual": SEARCH,
    "_verify": VERIFY,
    "_polish": COMPOSE,
}

Report = Callable[[tuple[str, str] | None], None]


class _StepReporter(BaseCallbackHandler):
    """Reports each known step once, in the order the chain starts them."""

    def __init__(self, report: Report):
        self.report = report
        self.sent: set[str] = set()

    def _emit(self, status: tuple[str, str] | None) -> None:
        if status and status[0] not in self.sent:
            self.sent.add(status[0])
            self.report(status)

    def on_chain_start(self, serialized: Any, inputs: Any, **kwargs: Any) -> None:
        self._emit(STEP_STATUS.get(kwargs.get("name") or ""))

    def on_retriever_start(self, serialized: Any, query: str, **kwargs: Any) -> None:
        self._emit(SEARCH)


def answer(assistant: Assistant, question: str, where: DocumentFilter, context: Context | None = None) -> Answer:
    """`assistant.ask` on one consistent view of the index: an upload or removal finishing meanwhile
    waits for this answer, so no answer mixes two states of the index (blocking; run it in a worker thread)."""
    with assistant.index.reading():
        return assistant.ask(question, where, context)


def ask_with_progress(assistant: Assistant, question: str, where: DocumentFilter, report: Report,
                      context: Context | None = None) -> Answer:
    """`answer` with step callbacks (blocking; run it in a worker thread)."""
    reporter = _StepReporter(report)
    reporter.sent.add(UNDERSTAND[0])  # sent by the caller before the thread starts
    run = RunnableLambda(lambda q: answer(assistant, q, where, context), name="budgetqa_ask")
    return run.invoke(question, config={"callbacks": [reporter]})


def _status(status: tuple[str, str]) -> ServerSentEvent:
    return ServerSentEvent(event="status", data={"stage": status[0], "message": status[1]})


async def answer_events(assistant: Assistant, question: str, where: DocumentFilter,
                        context: Context | None = None) -> AsyncIterator[ServerSentEvent]:
    """status… → answer (or error) → done."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, str] | None] = asyncio.Queue()

    def report(status: tuple[str, str] | None) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, status)

    def work() -> Answer:
        try:
            return ask_with_progress(assistant, question, where, report, context)
        finally:
            report(None)  # end of statuses; queued after every status the thread sent

    yield _status(UNDERSTAND)
    task = asyncio.ensure_future(run_in_threadpool(work))
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
