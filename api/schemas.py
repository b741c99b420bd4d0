"""Request and response models of the HTTP API (internal records never leave a route as-is)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from assistant.answer import AnswerKind, Citation, Context, Span, TableRef
from pydantic import BaseModel, Field

from index.fact_store import DocumentRecord, FactRecord
from index.question_log import UnansweredQuestion
from ingest.audit.findings import RULES, Finding


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: one line a person can act on, sometimes with extra fields."""

    error: str


class AskRequest(BaseModel):
    """A public question, optionally limited to one department and/or year."""

    question: str = Field(description="The question, e.g. 公务接待费是多少")
    department: str | None = Field(None, description="Department name or part of it, e.g. 政法委")
    year: int | None = Field(None, description="Budget year, e.g. 2020")
    context: Context | None = Field(None, description="The previous answer's `context`, to ask a follow-up (那2024年呢？)")


class DocumentHeading(BaseModel):
    """Which disclosure: its id, title, publisher, year, kind and file name."""

    doc_id: str
    title: str
    department: str
    year: int | None
    kind: str
    source: str


class DocumentFindings(DocumentHeading):
    """Where one disclosure contradicts itself, as the source audit found it at ingest (most severe first)."""

    findings: list[Finding]
    rules: dict[str, str] = Field(description="What each rule of the findings checks, in Chinese (rule id → check)")

    @classmethod
    def of(cls, record: DocumentRecord, findings: list[Finding]) -> DocumentFindings:
        return cls(doc_id=record.doc_id, title=record.title, department=record.department, year=record.year,
                   kind=record.kind, source=record.source, findings=sorted(findings, key=lambda f: -f.severity.rank),
                   rules={f.rule.value: RULES[f.rule].checks for f in findings})


class DocumentPublic(DocumentHeading):
    """An ingested disclosure as listed to staff."""

    format: str
    ingested_at: datetime

    @classmethod
    def of(cls, record: DocumentRecord) -> DocumentPublic:
        return cls(
            doc_id=record.doc_id, title=record.title, department=record.department, year=record.year,
            kind=record.kind, source=record.source, format=record.format, ingested_at=record.ingested_at,
        )


class DocumentList(BaseModel):
    total: int
    departments: list[str] = Field(description="Distinct departments, for filter menus")
    years: list[int] = Field(description="Distinct years, for filter menus")
    documents: list[DocumentPublic]


class UploadResult(BaseModel):
    """What ingesting one uploaded file did."""

    stored_as: str | None = Field(description="Name of the kept copy under data_dir/uploads: the content's sha256 (32 hex digits) and the extension; None when not kept")
    added: list[str]
    replaced: list[str]
    unchanged: list[str]
    facts: int
    chunks: int
    document: DocumentPublic | None


class RemovedDocument(BaseModel):
    removed: str


class FactPublic(BaseModel):
    """One stated figure; `value` is exact, as printed in the document."""

    id: int
    doc_id: str
    department: str
    year: int | None
    source: str
    subject: str = Field(description="预算科目 or project name")
    measure: str
    value: Decimal
    unit: str | None
    qualifier: str | None = Field(description="≤, ≥, <, > when the figure is a bound")
    amount_wan: Decimal | None = Field(description="Money figures converted to 万元")
    start: int
    end: int
    page: int | None
    label: str | None = Field(None, description="A table figure read as its row: 三公经费 · 公务接待费：1.35（万元）")
    table: TableRef | None = Field(None, description="A table figure's table, row label path, header path and unit")
    spans: list[Span] = Field(default_factory=list, description="The header rows and the row a table figure stands in")

    @classmethod
    def of(cls, fact: FactRecord, citation: Citation | None = None) -> FactPublic:
        return cls(
            id=fact.id, doc_id=fact.doc_id, department=fact.department, year=fact.year, source=fact.source,
            subject=fact.subject, measure=fact.measure, value=fact.value, unit=fact.unit, qualifier=fact.qualifier,
            amount_wan=fact.amount_wan, start=fact.start, end=fact.end, page=fact.page,
            label=citation and citation.label, table=citation and citation.table, spans=citation.spans if citation else [],
        )


class FactPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[FactPublic]


class PivotCell(BaseModel):
    value: Decimal
    unit: str | None
    qualifier: str | None
    amount_wan: Decimal | None = Field(None, description="A money figure in 万元, to compare figures printed in other units")
    doc_id: str
    start: int
    end: int
    page: int | None


class PivotRow(BaseModel):
    subject: str
    measure: str
    cells: dict[str, PivotCell] = Field(description="Year (as text) → the first figure stated that year")


class FactPivot(BaseModel):
    """One department's figures side by side: subject × year."""

    department: str
    years: list[int]
    rows: list[PivotRow]


class UnansweredPublic(BaseModel):
    """A question the assistant refused or found ambiguous, how often it was asked and what it resolved."""

    question: str = Field(description="The question as understood (a follow-up with what it left out), normalised")
    kind: AnswerKind = Field(description="How it was last answered: not_found, ambiguous or out_of_scope")
    times_asked: int
    first_asked: datetime
    last_asked: datetime
    department: str | None = Field(None, description="The department it was resolved to, when one")
    year: int | None = None
    item: str | None = Field(None, description="The budget item it asked about, as read from the question")

    @classmethod
    def of(cls, entry: UnansweredQuestion) -> UnansweredPublic:
        return cls(question=entry.question, kind=AnswerKind(entry.outcome), times_asked=entry.times_asked,
                   first_asked=entry.first_asked, last_asked=entry.last_asked, department=entry.department,
                   year=entry.year, item=entry.item)


class UnansweredList(BaseModel):
    total: int
    items: list[UnansweredPublic] = Field(description="Most asked first, then most recently asked")


class Suggested(BaseModel):
    """Questions to start with, made from the documents the index holds; each one it answers."""

    questions: list[str]


class SourceSpan(DocumentHeading):
    """A quoted span of a document with its surrounding text, for checking a citation."""

    section: str | None
    page: int | None
    start: int
    end: int
    quote: str = Field(description="Exactly the document text between start and end")
    before: str = Field(description="Up to 200 characters before the quote")
    after: str = Field(description="Up to 200 characters after the quote")
    text_length: int


class Health(BaseModel):
    status: str
    documents: int
