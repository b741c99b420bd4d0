"""Dependencies shared by the routes, as `Annotated` aliases (tests may swap them via dependency_overrides)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated

from fastapi import Depends, Query, Request, Security
from fastapi.security import APIKeyHeader

from api.auth import API_KEY_HEADER, Role, role_for_key
from api.errors import ApiError
from api.load_shedding import AnswerThreads
from api.messages import has_invalid_chars
from api.rate_limit import RateLimiter
from api.schemas import AskRequest
from api.scope import checked_scope
from assistant.answer import Context
from assistant.chain import Assistant, QuestionRejected, checked_question_text
from config.settings import Settings
from index.corpus_index import CorpusIndex, DocumentFilter
from index.question_log import QuestionLog


def get_app_settings(request: Request) -> Settings:
    """The settings this app was created with (see `create_app`)."""
    return request.app.state.settings


def get_assistant(request: Request) -> Assistant:
    """The one Assistant built at startup (its embedding model is already loaded)."""
    return request.app.state.assistant


def get_index(assistant: Annotated[Assistant, Depends(get_assistant)]) -> CorpusIndex:
    return assistant.index


def get_question_log(request: Request) -> QuestionLog:
    """The log of unanswered questions, opened at startup."""
    return request.app.state.question_log


def get_answer_threads(request: Request) -> AnswerThreads:
    """The threads this worker computes answers in, made at startup."""
    return request.app.state.answer_threads


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
AnswerThreadsDep = Annotated[AnswerThreads, Depends(get_answer_threads)]
QuestionLogDep = Annotated[QuestionLog, Depends(get_question_log)]
AssistantDep = Annotated[Assistant, Depends(get_assistant)]
IndexDep = Annotated[CorpusIndex, Depends(get_index)]

# ---- roles ------------------------------------------------------------------------------------
_api_key = APIKeyHeader(
    name=API_KEY_HEADER, auto_error=False, scheme_name="APIKey", description="Staff or admin key (settings STAFF_KEYS / ADMIN_KEYS)"
)


def _caller_role(key: Annotated[str | None, Security(_api_key)], settings: SettingsDep) -> Role:
    if not key:
        raise ApiError(401, f"需要 {API_KEY_HEADER} 请求头（工作人员密钥）", headers={"WWW-Authenticate": API_KEY_HEADER})
    role = role_for_key(key, settings)
    if role is None:
        raise ApiError(403, "密钥无效")
    return role


def require_staff(role: Annotated[Role, Depends(_caller_role)]) -> Role:
    return role  # any valid key: admin implies staff


def require_admin(role: Annotated[Role, Depends(_caller_role)]) -> Role:
    if role < Role.ADMIN:
        raise ApiError(403, "此操作需要管理员密钥")
    return role


StaffRole = Annotated[Role, Depends(require_staff)]
AdminRole = Annotated[Role, Depends(require_admin)]


# ---- public questions ---------------------------------------------------------------------------
def _spend(request: Request, limiter: RateLimiter, what: str) -> None:
    client = request.client.host if request.client else "unknown"
    wait = limiter.take(client)
    if wait > 0:
        seconds = RateLimiter.retry_after(wait)
        raise ApiError(429, f"{what}过于频繁，请 {seconds} 秒后再试", headers={"Retry-After": str(seconds)}, retry_after=seconds)


def rate_limit(request: Request) -> None:
    """Spends one of the client's tokens; 429 with Retry-After when none is left."""
    _spend(request, request.app.state.limiter, "提问")


def rate_limit_text(request: Request) -> None:
    """The same for source-text look-ups, from a bucket of their own (reading citations costs no questions)."""
    _spend(request, request.app.state.text_limiter, "查看原文")


@dataclass(frozen=True)
class Question:
    """A question that passed the input limits, with the documents it is limited to."""

    text: str
    where: DocumentFilter
    context: Context | None = None  # the previous answer's, for a follow-up


def checked_question(text: str, department: str | None, year: int | None, settings: Settings, index: CorpusIndex) -> Question:
    if has_invalid_chars(text) or has_invalid_chars(department):
        field = "问题" if has_invalid_chars(text) else "部门"
        raise ApiError(422, f"{field}中含有无法识别的字符（如不成对的代理字符或空字符），请删除后重试")
    try:
        text = checked_question_text(text, settings.max_question_chars)
    except QuestionRejected as rejected:
        raise ApiError(422, str(rejected), limit=rejected.limit) from rejected
    return Question(text, checked_scope(index, department, year))


def question_from_body(body: AskRequest, settings: SettingsDep, index: IndexDep) -> Question:
    checked = checked_question(body.question, body.department, body.year, settings, index)
    return replace(checked, context=body.context)


def question_from_query(
    settings: SettingsDep,
    index: IndexDep,
    question: Annotated[str, Query(description="The question, e.g. 公务接待费是多少")] = "",
    department: Annotated[str | None, Query(description="Department name or part of it")] = None,
    year: Annotated[int | None, Query(description="Budget year")] = None,
    context: Annotated[str | None, Query(description="The previous answer's `context` as JSON, for a follow-up")] = None,
) -> Question:
    checked = checked_question(question, department, year, settings, index)
    return replace(checked, context=parsed_context(context))


def parsed_context(raw: str | None) -> Context | None:
    """The `context` query parameter of the stream endpoint; a malformed one is a Chinese 422."""
    if not raw:
        return None
    try:
        return Context.model_validate_json(raw)
    except ValueError:
        raise ApiError(422, "上下文（context）格式不正确，请去掉后重新提问") from None


BodyQuestion = Annotated[Question, Depends(question_from_body)]
QueryQuestion = Annotated[Question, Depends(question_from_query)]
