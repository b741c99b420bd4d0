"""The FastAPI application: public ask endpoints, staff and admin endpoints, the chat widget and staff page.

`create_app()` builds the app; the Assistant (and with it the index, and the embedding model when the
retrieval mode embeds questions) is created once at startup, so the first question is as fast as the others.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import access_log
from api.auth import API_KEY_HEADER
from api.body_limit import BodyLimitMiddleware
from api.load_shedding import AnswerThreads, InFlightLimit, responsive_loop
from api.errors import CatchAllMiddleware, install_error_handlers
from api.rate_limit import RateLimiter
from api.routes import ask, documents, facts, pages, suggestions, unanswered, widget_config
from api.routes.pages import STATIC_DIR
from api.uploads import clean_up_after_crash
from assistant.chain import Assistant
from config.settings import Settings, get_settings
from config.wiring import open_assistant, open_question_log
from index.corpus_index import DocumentFilter

log = logging.getLogger("budgetqa.api")

MAX_BODY_BYTES = 64 * 1024  # JSON bodies (a question) are a few kB; uploads stream and have their own limit
WARM_UP_QUESTION = "公务接待费是多少"  # runs every step once (jieba, vocabularies, the fact path) before the first visitor


def warm_up_scope(assistant: Assistant) -> DocumentFilter:
    """One document: the warm-up question runs every step without reading every document's facts (asked of all
    1,000 documents of a generated index, it took 34 s and left the worker at 1.7 GB)."""
    first = next(iter(assistant.index.documents()), None)
    return DocumentFilter(doc_id=first.doc_id) if first else DocumentFilter()


def _open_assistant(settings: Settings) -> Assistant:
    assistant = open_assistant(settings)
    clean_up_after_crash(assistant.index, settings)  # a crash mid-upload left a pending row or a file behind
    if settings.retrieval_mode.reads_vectors:  # keyword retrieval never embeds a question: no model in memory
        assistant.index.vectors.embeddings.embed_query(WARM_UP_QUESTION)  # loads the model weights now
    try:
        assistant.ask(WARM_UP_QUESTION, warm_up_scope(assistant))
        assistant.opening_questions()  # worked out once per state of the index; now, not for the first visitor
    except Exception:  # an empty or odd index must not stop the server; the real question will report it
        log.warning("warm-up question failed", exc_info=True)
    return assistant


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    app.state.assistant = await run_in_threadpool(_open_assistant, settings)
    app.state.question_log = open_question_log(settings)
    app.state.limiter = RateLimiter(settings.rate_limit_per_minute)
    app.state.text_limiter = RateLimiter(settings.rate_limit_per_minute)  # source text look-ups: a bucket of their own
    app.state.answer_threads = AnswerThreads(settings.answer_threads)
    log.info("ready: %d document(s) in %s", len(app.state.assistant.index.documents()), settings.data_dir)
    try:
        with responsive_loop(settings.switch_interval_ms / 1000):
            yield
    finally:
        app.state.question_log.close()
        app.state.assistant.index.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app for `settings` (default: the process settings from BUDGETQA_* variables)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="budget-qa",
        summary="Questions over government budget disclosures (部门预算/决算), answered with exact figures and citations.",
        version="0.1.0",
        lifespan=_lifespan,
    )
    app.state.settings = settings
    access_log.install()
    install_error_handlers(app)
    app.add_middleware(CatchAllMiddleware)  # innermost, so CORS headers reach a 500 too
    app.add_middleware(InFlightLimit, limit=settings.max_in_flight, prefixes=("/api/ask",))  # inside CORS too
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["Content-Type", API_KEY_HEADER],
        expose_headers=["Retry-After"],
        max_age=600,
    )
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES, exempt={("POST", "/api/documents")})
    app.include_router(ask.router)
    app.include_router(documents.router)
    app.include_router(facts.router)
    app.include_router(pages.router)
    app.include_router(widget_config.router)
    app.include_router(suggestions.router)
    app.include_router(unanswered.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
