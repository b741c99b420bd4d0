"""The staff log of questions the assistant refused or could not pin down: what is noted, and how it is listed."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from api.exports import Cell
from api.schemas import UnansweredList, UnansweredPublic
from assistant.answer import Answer, AnswerKind
from index.question_log import QuestionLog, UnansweredQuestion

log = logging.getLogger("budgetqa.api")

LOGGED = (AnswerKind.NOT_FOUND, AnswerKind.AMBIGUOUS, AnswerKind.OUT_OF_SCOPE)
OUTCOME_TEXT = {AnswerKind.NOT_FOUND: "未找到", AnswerKind.AMBIGUOUS: "需指明部门或年度", AnswerKind.OUT_OF_SCOPE: "超出范围"}
UNANSWERED_COLUMNS = ["问题", "次数", "结果", "部门", "年度", "科目", "首次提问（UTC）", "最近提问（UTC）"]


def note_unanswered(question_log: QuestionLog, answer: Answer) -> None:
    """Counts a refused or ambiguous answer's question (as understood, for a follow-up) with what it resolved.
    A failure to write is logged; it never fails the answer."""
    if answer.kind not in LOGGED:
        return
    context = answer.context
    try:
        question_log.record(answer.assumed or answer.question, str(answer.kind), context and context.department,
                            context and context.year, context and context.item)
    except Exception:
        log.warning("could not note an unanswered question", exc_info=True)


def unanswered_list(entries: list[UnansweredQuestion]) -> UnansweredList:
    return UnansweredList(total=len(entries), items=[UnansweredPublic.of(e) for e in entries])


def unanswered_rows(entries: Iterable[UnansweredQuestion]) -> Iterable[list[Cell]]:
    """One export row per logged question, in UNANSWERED_COLUMNS order."""
    for e in entries:
        yield [e.question, e.times_asked, OUTCOME_TEXT[AnswerKind(e.outcome)], e.department, e.year, e.item,
               e.first_asked, e.last_asked]
