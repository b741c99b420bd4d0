"""The one answer model shared by the CLI, the HTTP API and the evaluation harness."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class AnswerKind(StrEnum):
    """What kind of answer was given."""

    NUMBER = "number"  # a figure, with its citations
    TEXT = "text"  # a cited passage or list
    NOT_FOUND = "not_found"  # a budget question the documents do not answer
    AMBIGUOUS = "ambiguous"  # several documents answer it: which department or year is meant
    OUT_OF_SCOPE = "out_of_scope"  # a greeting, thanks, or a question about something other than the budgets

    @property
    def refuses(self) -> bool:
        """The answer gives no figure or passage for the question."""
        return self in (AnswerKind.NOT_FOUND, AnswerKind.OUT_OF_SCOPE)


NOT_FOUND_TEXT = "未在已公开的预算文件中找到"


class Span(BaseModel):
    """One piece of a citation: `text` equals the document's extracted text between `start` and `end`."""

    role: Literal["sentence", "header", "row"]
    start: int
    end: int
    text: str


class TableRef(BaseModel):
    """Where a table figure sits: the table, its kind and unit, the row label path and the column header path."""

    title: str
    kind: str
    unit: str | None = None
    row: list[str] = Field(default_factory=list)
    headers: list[str] = Field(default_factory=list)


class Citation(BaseModel):
    """A checkable source span: `quote` equals the document's extracted text between `start` and `end`.

    A table figure also carries `table` (title, row, headers, unit), `spans` for the header line and the
    row it quotes, and `label`, the figure read as its row: "三公经费 · 公务接待费：1.35（万元）".
    Text read from a scanned page by OCR has `from_image` set and the recogniser's lowest `confidence`
    (0–1) over the quote, or for a table figure over the figure's own cell.
    """

    doc_id: str
    source: str
    department: str
    year: int | None
    section: str | None = None
    page: int | None = None
    start: int
    end: int
    quote: str
    label: str | None = None
    table: TableRef | None = None
    spans: list[Span] = Field(default_factory=list)
    from_image: bool = False
    confidence: float | None = None


class CitedValue(BaseModel):
    """A figure with its unit and the place that states it (used for conflicts and candidates)."""

    department: str
    year: int | None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    text: str = ""
    citation: Citation | None = None


class Context(BaseModel):
    """What an answer resolved; the client sends it back with a follow-up (the server keeps no state)."""

    department: str | None = Field(None, max_length=100)
    unit: str | None = Field(None, max_length=100)  # a 下属单位 of the department asked about ("那它的财政拨款收入呢")
    year: int | None = Field(None, ge=1990, le=2100)
    item: str | None = Field(None, max_length=100)  # the budget item asked about ("公务用车购置及运维费")
    basis: str | None = Field(None, max_length=20)
    operation: str | None = Field(None, max_length=20)
    topic: str = Field("", max_length=200)  # the question without its department and year ("公车一共花多少钱")
    compared_year: int | None = Field(None, ge=1990, le=2100)  # the year asked just before ("那2023年呢" after 2024)
    compared_basis: str | None = Field(None, max_length=20)  # the basis asked with it, when another (决算数 before 预算数)
    earlier_item: str | None = Field(None, max_length=100)  # the item asked just before ("公用经费呢" after 人员经费)
    answered_in: str | None = Field(None, max_length=10)  # the unit of the figure asked ("那编制床位呢" after 多少张床)


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
    context: Context | None = None  # send back with the next question to ask a follow-up
    assumed: str | None = None  # the question as understood from the conversation, when it was a follow-up
    related: list[str] = Field(default_factory=list)  # questions to offer next, each one the index answers
