"""The one answer model shared by the CLI, the HTTP API and the evaluation harness."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

AnswerKind = Literal["number", "text", "not_found", "ambiguous"]
NOT_FOUND_TEXT = "未在已公开的预算文件中找到"


class Citation(BaseModel):
    """A checkable source span: `quote` equals the document's extracted text between `start` and `end`."""

    doc_id: str
    source: str
    department: str
    year: int | None
    section: str | None = None
    page: int | None = None
    start: int
    end: int
    quote: str


class CitedValue(BaseModel):
    """A figure with its unit and the place that states it (used for conflicts and candidates)."""

    department: str
    year: int | None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    text: str = ""
    citation: Citation | None = None


class Answer(BaseModel):
    """What the assistant says: one sentence for a person plus the figure, formula and citations behind it."""

    question: str
    kind: AnswerKind
    text: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    formula: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    conflicts: list[CitedValue] = Field(default_factory=list)
    candidates: list[CitedValue] = Field(default_factory=list)
    route: Literal["fact", "retrieval", "none"] = "none"
    timing_ms: float = 0.0
