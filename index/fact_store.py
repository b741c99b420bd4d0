"""The relational store: documents (with their extracted text), sections, facts, form fields and chunk records.

SQLAlchemy Core, so the default SQLite file and a server database (PostgreSQL by URL) share one
code path. A document row is written with status 'pending' first and flipped to 'ready' only after
the vector and keyword stores hold it too; readers see ready documents only.
"""

from __future__ import annotations

import json
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    case,
    cast,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

from ingest.audit.findings import Finding
from ingest.model import Basis, Direction, FactKind, ParsedDocument, RecognisedSpan, TableKind

READY, PENDING = "ready", "pending"


class StoreSchemaError(RuntimeError):
    """The database was written by an older version of the product."""

metadata = MetaData()
documents = Table(
    "documents", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("department", Text, nullable=False, index=True),
    Column("year", Integer, index=True),
    Column("kind", Text, nullable=False),
    Column("source", Text, nullable=False, index=True),
    Column("sha256", Text, nullable=False),
    Column("format", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("page_starts", JSON, nullable=False),
    Column("status", Text, nullable=False, index=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # covers `generation()`, asked before every question: a scan of the rows would read every document's text
    Index("ix_documents_status_ingested_at", "status", "ingested_at"),
)
sections = Table(
    "sections", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("section_id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("path", JSON, nullable=False),
)
facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("subject", Text, nullable=False),
    Column("measure", Text, nullable=False),
    Column("value", Text, nullable=False),  # Decimal as text: exact, as printed
    Column("unit", Text),
    Column("qualifier", Text),
    Column("amount_wan", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("origin", Text, nullable=False),
    Column("context", Text, nullable=False),
    Column("table_id", Integer),
    Column("section_id", Integer),
    Column("page", Integer),
    Column("kind", String(16), nullable=False),
    Column("basis", String(16), nullable=False),
    Column("direction", String(8)),
    Column("compared_to", String(16)),
    Column("scope", Text),
    Column("table_kind", String(32)),
    Column("row_path", JSON, nullable=False),
    Column("col_path", JSON, nullable=False),
    Column("heading", Text, nullable=False),
    Column("part", Boolean, nullable=False),
    Column("period", Integer),
    Column("purpose", Text, nullable=False, server_default=""),
)
# each document's facts as one pickled list of FactRecord field tuples, written with its rows: the first question
# about a document reads one row instead of decoding hundreds (the store's own bytes, never a file from outside)
fact_records = Table(
    "fact_records", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("records", LargeBinary, nullable=False),
)
tables = Table(
    "tables", metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("table_id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("unit", Text),
    Column("scope", Text),
    Column("page", Integer),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("header", JSON, nullable=False),
)
recognised = Table(  # text read from page images by OCR, with the recogniser's confidence
    "recognised_spans", metadata,
    Column("doc_id", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("page", Integer),
    Column("confidence", Float, nullable=False),
)
findings = Table(  # where a document contradicts itself (ingest.audit), written and removed with it
    "findings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("rule", String(32), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("figures", JSON, nullable=False),
    Column("citations", JSON, nullable=False),
)
form_fields = Table(  # the header fields of 绩效目标表 project forms (项目性质, 项目总目标 …), written and removed with them
    "form_fields", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("table_id", Integer, nullable=False),
    Column("project", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("label_start", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
chunks = Table(
    "chunks", metadata,
    Column("chunk_id", String(40), primary_key=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("heading", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("spans", JSON, nullable=False),
    Column("section_id", Integer),
    Column("page", Integer),
)


_RECORD_COLUMNS = [c for c in documents.c if c.name not in ("text", "page_starts")]  # what a DocumentRecord holds

PATH_CACHE = 8192  # row and column paths kept decoded (a document has some hundred)
_DOCUMENT_FIELDS = {"department": documents.c.department, "year": documents.c.year, "source": documents.c.source,
                    "doc_kind": documents.c.kind.label("doc_kind")}


def _fact_column(name: str):
    """The selected column of one FactRecord field: the document's for its department, year, source and kind;
    the text of a JSON path (decoded by `_path`)."""
    if name in _DOCUMENT_FIELDS:
        return _DOCUMENT_FIELDS[name]
    column = facts.c[name]
    return cast(column, Text).label(name) if isinstance(column.type, JSON) else column


# asked before every question (built once: building a statement costs more than running this one)
_GENERATION = select(func.count(), func.sum(case((documents.c.status == READY, 1), else_=0)),
                     func.max(documents.c.ingested_at)).select_from(documents)


@dataclass(frozen=True)
class DocumentRecord:
    """A stored document's metadata (its text is fetched separately)."""

    doc_id: str
    title: str
    department: str
    year: int | None
    kind: str
    source: str
    sha256: str
    format: str
    status: str
    ingested_at: datetime


@dataclass(frozen=True, slots=True)
class FactRecord:
    """A stored fact joined with its document's department and year."""

    id: int
    doc_id: str
    department: str
    year: int | None
    source: str
    subject: str
    measure: str
    value: Decimal
    unit: str | None
    qualifier: str | None
    amount_wan: Decimal | None
    start: int
    end: int
    origin: str
    context: str
    section_id: int | None
    page: int | None
    kind: FactKind = FactKind.AMOUNT
    basis: Basis = Basis.BUDGET
    direction: Direction | None = None
    compared_to: Basis | None = None
    scope: str | None = None
    table_id: int | None = None
    table_kind: TableKind | None = None
    row_path: tuple[str, ...] = ()
    col_path: tuple[str, ...] = ()
    heading: str = ""
    part: bool = False
    doc_kind: str = ""
    period: int | None = None  # the year the figure is stated for, when not the document's own
    purpose: str = ""  # what a 功能分类 item's money is for (主要用于…)


@dataclass(frozen=True)
class TableRecord:
    """A stored table's identity: what it is, where it stands and its header rows."""

    doc_id: str
    table_id: int
    title: str
    kind: TableKind
    unit: str | None
    scope: str | None
    page: int | None
    start: int
    end: int
    header: list[list[str]]


@dataclass(frozen=True)
class FormFieldRecord:
    """A stored header field of a project's 绩效目标表: whose form, which field and where its value stands."""

    doc_id: str
    table_id: int
    project: str
    name: str
    label_start: int  # where its label cell starts: a citation quotes the label and the value
    start: int
    end: int


@dataclass(frozen=True)
class ChunkRecord:
    """A stored chunk with the metadata retrieval filters on."""

    chunk_id: str
    doc_id: str
    text: str
    heading: str
    kind: str
    spans: list[tuple[int, int]]
    section_id: int | None
    page: int | None


@dataclass(frozen=True)
class FactQuery:
    """Filters for fact look-ups: case-insensitive substring matches on department, subject, measure and text."""

    department: str | None = None
    year: int | None = None
    doc_ids: tuple[str, ...] | None = None
    subject: str | None = None
    measure: str | None = None
    text: str | None = None
    limit: int = 1000
    offset: int = 0


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers keep reading while an ingest writes
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def store_engine(url: str) -> Engine:
    """An engine on the store's database; SQLite in WAL mode, waiting for a busy writer instead of failing."""
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class FactStore:
    """Documents, sections, facts and chunk records in one SQL database."""

    def __init__(self, url: str):
        self.engine: Engine = store_engine(url)
        self._pinned = threading.local()  # the generation a thread's question reads under (`one_generation`)
        metadata.create_all(self.engine)
        self._check_schema()
        self._add_new_indexes()

    def _add_new_indexes(self) -> None:
        """Indexes a database written by an earlier version lacks (create_all makes them only with a new table)."""
        for index in documents.indexes:
            try:
                index.create(self.engine, checkfirst=True)
            except DatabaseError:  # another process created it between the check and the create
                index.create(self.engine, checkfirst=True)

    def _check_schema(self) -> None:
        """Refuses a database written by an older version, whose facts or findings lack columns this one reads."""
        schema = inspect(self.engine)
        missing = sorted(f"{table.name}.{c.name}" for table in (facts, findings)
                         for c in set(table.columns) if c.name not in {s["name"] for s in schema.get_columns(table.name)})
        if missing:
            raise StoreSchemaError(
                f"事实库由旧版本生成（缺少列：{', '.join(missing)}）。请清空数据目录后重新导入文件。"
            )

    def add_pending(self, doc: ParsedDocument) -> None:
        """Writes a whole document in one transaction, marked pending."""
        m = doc.meta
        with self.engine.begin() as conn:
            conn.execute(documents.insert().values(
                doc_id=m.doc_id, title=m.title, department=m.department, year=m.year, kind=str(m.kind),
                source=m.source, sha256=m.sha256, format=m.format, text=doc.text, page_starts=doc.page_starts,
                status=PENDING, ingested_at=datetime.now(UTC),
            ))
            if doc.sections:
                conn.execute(sections.insert(), [
                    dict(doc_id=m.doc_id, section_id=s.id, title=s.title, level=s.level, start=s.start, end=s.end, path=list(s.path))
                    for s in doc.sections
                ])
            if doc.facts:
                conn.execute(facts.insert(), [
                    dict(doc_id=m.doc_id, subject=f.subject, measure=f.measure, value=str(f.value), unit=f.unit,
                         qualifier=f.qualifier, amount_wan=None if f.amount_wan is None else str(f.amount_wan),
                         start=f.start, end=f.end, origin=f.origin, context=f.context, table_id=f.table_id,
                         section_id=f.section_id, page=f.page, kind=str(f.kind), basis=str(f.basis),
                         direction=f.direction and str(f.direction), compared_to=f.compared_to and str(f.compared_to),
                         scope=f.scope, table_kind=f.table_kind and str(f.table_kind),
                         row_path=list(f.row_path), col_path=list(f.col_path), heading=f.heading,
                         part=f.part, period=f.period, purpose=f.purpose)
                    for f in doc.facts
                ])
            stored = conn.execute(_of_document(m.doc_id))
            conn.execute(fact_records.insert().values(doc_id=m.doc_id, records=_packed([_fact_record(r) for r in stored])))
            if doc.tables:
                conn.execute(tables.insert(), [
                    dict(doc_id=m.doc_id, table_id=t.id, title=t.title, kind=str(t.kind), unit=t.unit, scope=t.scope,
                         page=t.page, start=t.start, end=t.end, header=t.header)
                    for t in doc.tables
                ])
            if doc.chunks:
                conn.execute(chunks.insert(), [
                    dict(chunk_id=c.id, doc_id=m.doc_id, text=c.text, heading=c.heading, kind=c.kind,
                         spans=[list(s) for s in c.spans], section_id=c.section_id, page=c.page)
                    for c in doc.chunks
                ])
            if doc.findings:
                conn.execute(findings.insert(), [
                    dict(doc_id=m.doc_id, rule=str(f.rule), severity=str(f.severity), message=f.message, figures=f.figures,
                         citations=[c.model_dump() for c in f.citations])
                    for f in doc.findings
                ])
            if doc.form_fields:
                conn.execute(form_fields.insert(), [
                    dict(doc_id=m.doc_id, table_id=f.table_id, project=f.project, name=f.name, label_start=f.label_start,
                         start=f.start, end=f.end)
                    for f in doc.form_fields
                ])
            if doc.recognised:
                conn.execute(recognised.insert(), [
                    dict(doc_id=m.doc_id, start=r.start, end=r.end, page=r.page, confidence=r.confidence)
                    for r in doc.recognised
                ])

    def mark_ready(self, doc_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(documents).where(documents.c.doc_id == doc_id).values(status=READY))

    def delete(self, doc_ids: Iterable[str]) -> None:
        """Removes documents and everything hanging off them, in one transaction."""
        ids = list(doc_ids)
        if not ids:
            return
        with self.engine.begin() as conn:
            for table in (chunks, facts, fact_records, findings, form_fields, tables, sections, recognised, documents):
                conn.execute(delete(table).where(table.c.doc_id.in_(ids)))

    def documents(self, status: str | None = READY) -> list[DocumentRecord]:
        query = select(*_RECORD_COLUMNS).order_by(documents.c.department, documents.c.year)
        if status:
            query = query.where(documents.c.status == status)
        with self.engine.connect() as conn:
            return [_document_record(row._mapping) for row in conn.execute(query)]

    def document(self, doc_id: str) -> DocumentRecord | None:
        """One document's metadata, whatever its status (looked up by its key)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(*_RECORD_COLUMNS).where(documents.c.doc_id == doc_id)).one_or_none()
        return None if row is None else _document_record(row._mapping)

    def text(self, doc_id: str) -> str | None:
        """The extracted text a document's citations point into."""
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.text).where(documents.c.doc_id == doc_id)).scalar_one_or_none()

    def sections(self, doc_id: str) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(sections).where(sections.c.doc_id == doc_id).order_by(sections.c.section_id))
            return [dict(row._mapping) for row in rows]

    def facts(self, query: FactQuery = FactQuery()) -> list[FactRecord]:
        """Facts of ready documents matching the query, in document order (`limit` rows from `offset`)."""
        stmt = self._matching(select(*_FACT_COLUMNS), query)
        stmt = stmt.order_by(documents.c.department, documents.c.year, facts.c.doc_id, facts.c.start, facts.c.id)
        stmt = stmt.limit(query.limit).offset(query.offset)
        with self.engine.connect() as conn:
            return [_fact_record(row) for row in conn.execute(stmt)]

    def document_facts(self, doc_id: str) -> list[FactRecord]:
        """One ready document's facts in document order, from its packed records (its rows, in a database written
        before they were kept)."""
        stmt = (select(fact_records.c.records).join(documents, documents.c.doc_id == fact_records.c.doc_id)
                .where(fact_records.c.doc_id == doc_id, documents.c.status == READY))
        with self.engine.connect() as conn:
            packed = conn.execute(stmt).scalar_one_or_none()
        if packed is None:
            return self.facts(FactQuery(doc_ids=(doc_id,), limit=sys.maxsize))
        return [FactRecord(*values) for values in pickle.loads(packed)]

    def has_facts(self, query: FactQuery = FactQuery()) -> bool:
        """Whether some fact of a ready document matches the query (read up to the first one, in no order)."""
        with self.engine.connect() as conn:
            return conn.execute(self._matching(select(facts.c.id), query).limit(1)).first() is not None

    def count_facts(self, query: FactQuery = FactQuery()) -> int:
        """How many facts match the query, whatever its limit and offset."""
        with self.engine.connect() as conn:
            return int(conn.execute(self._matching(select(func.count()).select_from(facts), query)).scalar_one())

    @staticmethod
    def _matching(stmt, query: FactQuery):
        """`stmt` joined to ready documents and narrowed by the query's filters."""
        stmt = stmt.join(documents, documents.c.doc_id == facts.c.doc_id).where(documents.c.status == READY)
        # icontains: the same case-insensitive substring match on SQLite and PostgreSQL (PPP, PM2.5 …);
        # autoescape: a % or _ typed by a person is a character, not a wildcard
        if query.department:
            stmt = stmt.where(documents.c.department.icontains(query.department, autoescape=True))
        if query.year:
            stmt = stmt.where(documents.c.year == query.year)
        if query.doc_ids is not None:
            stmt = stmt.where(facts.c.doc_id.in_(query.doc_ids))
        if query.subject:
            stmt = stmt.where(facts.c.subject.icontains(query.subject, autoescape=True))
        if query.measure:
            stmt = stmt.where(facts.c.measure.icontains(query.measure, autoescape=True))
        if query.text:
            stmt = stmt.where(facts.c.subject.icontains(query.text, autoescape=True) | facts.c.context.icontains(query.text, autoescape=True))
        return stmt

    def sub_unit_scopes(self, doc_ids: Iterable[str]) -> dict[str, set[str]]:
        """The sub-units (facts' `scope`) each of the given ready documents states figures of."""
        stmt = (select(facts.c.doc_id, facts.c.scope).distinct().join(documents, documents.c.doc_id == facts.c.doc_id)
                .where(facts.c.doc_id.in_(list(doc_ids)), facts.c.scope.is_not(None), documents.c.status == READY))
        found: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for doc_id, scope in conn.execute(stmt):
                found.setdefault(doc_id, set()).add(scope)
        return found

    def stating_period(self, doc_ids: Iterable[str], period: int) -> set[str]:
        """Which of the given ready documents state figures for `period` (a column "2023年决算数" of a 2025 budget)."""
        stmt = (select(facts.c.doc_id).distinct().join(documents, documents.c.doc_id == facts.c.doc_id)
                .where(facts.c.doc_id.in_(list(doc_ids)), facts.c.period == period, documents.c.status == READY))
        with self.engine.connect() as conn:
            return set(conn.execute(stmt).scalars())

    def page_starts(self, doc_id: str) -> list[int]:
        """Offsets where each page of a document's text begins (empty for a document without pages)."""
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.page_starts).where(documents.c.doc_id == doc_id)).scalar_one_or_none() or []

    def findings(self, doc_id: str) -> list[Finding]:
        """What the source audit found in a ready document, in the order it was found."""
        stmt = (select(findings).join(documents, documents.c.doc_id == findings.c.doc_id)
                .where(findings.c.doc_id == doc_id, documents.c.status == READY).order_by(findings.c.id))
        with self.engine.connect() as conn:
            return [Finding(rule=r.rule, severity=r.severity, message=r.message, figures=r.figures, citations=r.citations)
                    for r in conn.execute(stmt)]

    def recognised(self, doc_id: str) -> list[RecognisedSpan]:
        """The spans of a document's text that were read from page images, in text order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(recognised).where(recognised.c.doc_id == doc_id).order_by(recognised.c.start))
            return [RecognisedSpan(r.start, r.end, r.page, r.confidence) for r in rows]

    def tables(self, doc_id: str) -> list[TableRecord]:
        """The typed tables of one document, in document order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(tables).where(tables.c.doc_id == doc_id).order_by(tables.c.table_id))
            return [_table_record(row._mapping) for row in rows]

    def form_fields(self, doc_ids: Iterable[str]) -> list[FormFieldRecord]:
        """The form fields of the given ready documents, in text order."""
        stmt = (select(form_fields).join(documents, documents.c.doc_id == form_fields.c.doc_id)
                .where(form_fields.c.doc_id.in_(list(doc_ids)), documents.c.status == READY)
                .order_by(form_fields.c.doc_id, form_fields.c.start))
        with self.engine.connect() as conn:
            return [FormFieldRecord(r.doc_id, r.table_id, r.project, r.name, r.label_start, r.start, r.end)
                    for r in conn.execute(stmt)]

    def chunks(self, doc_ids: Iterable[str] | None = None, chunk_ids: Iterable[str] | None = None) -> list[ChunkRecord]:
        """Chunks of ready documents (all, or of the given documents, or with the given ids: looked up by key)."""
        stmt = select(chunks).join(documents, documents.c.doc_id == chunks.c.doc_id).where(documents.c.status == READY)
        if doc_ids is not None:
            stmt = stmt.where(chunks.c.doc_id.in_(list(doc_ids)))
        if chunk_ids is not None:
            stmt = stmt.where(chunks.c.chunk_id.in_(list(chunk_ids)))
        return self._chunk_records(stmt)

    def chunk_ids(self) -> set[str]:
        """Ids of the chunks of ready documents (without reading their text)."""
        stmt = select(chunks.c.chunk_id).join(documents, documents.c.doc_id == chunks.c.doc_id).where(documents.c.status == READY)
        with self.engine.connect() as conn:
            return set(conn.execute(stmt).scalars())

    def chunks_of_any_status(self, doc_id: str) -> list[ChunkRecord]:
        """Chunks of one document, pending included (used while it is being written)."""
        return self._chunk_records(select(chunks).where(chunks.c.doc_id == doc_id))

    def _chunk_records(self, stmt) -> list[ChunkRecord]:
        with self.engine.connect() as conn:
            return [
                ChunkRecord(r.chunk_id, r.doc_id, r.text, r.heading, r.kind, [tuple(s) for s in r.spans], r.section_id, r.page)
                for r in conn.execute(stmt.order_by(chunks.c.chunk_id))
            ]

    def generation(self) -> tuple[int, str]:
        """Changes whenever any process adds, readies or removes a document (used to notice other writers); within
        `one_generation`, the one read when it began."""
        pinned = getattr(self._pinned, "generation", None)
        return pinned if pinned is not None else self._read_generation()

    def _read_generation(self) -> tuple[int, str]:
        with self.engine.connect() as conn:
            count, ready, latest = conn.execute(_GENERATION).one()
        return int(count), f"{int(ready or 0)} {latest}"

    @contextmanager
    def one_generation(self) -> Iterator[None]:
        """Reads the generation once for everything this thread does inside (one question: its caches check it
        several times, each a database round trip), and so answers from one state of the index throughout."""
        if getattr(self._pinned, "generation", None) is not None:
            yield  # already inside one
            return
        self._pinned.generation = self._read_generation()
        try:
            yield
        finally:
            self._pinned.generation = None

    def close(self) -> None:
        self.engine.dispose()


def _document_record(row) -> DocumentRecord:
    stamp = row["ingested_at"]
    if stamp.tzinfo is None:  # SQLite drops the offset it was given; every stamp is written in UTC
        stamp = stamp.replace(tzinfo=UTC)
    return DocumentRecord(**{**row, "ingested_at": stamp})


@lru_cache(maxsize=PATH_CACHE)
def _path(text: str) -> tuple[str, ...]:
    """A row or column path from its stored JSON (decoded once: a table's rows repeat its column paths)."""
    return tuple(sys.intern(label) for label in json.loads(text))


def _member(enum: type[StrEnum], optional: bool = False) -> Callable[[str], StrEnum | None]:
    """An enum's member by its stored value (a dict look-up costs less than the enum's call); "" is None when the
    field is optional."""
    members: dict[str, StrEnum | None] = {member.value: member for member in enum}
    return ({"": None, **members} if optional else members).__getitem__


_FACT_COLUMNS = [_fact_column(f.name) for f in fields(FactRecord)]  # selected in the order of FactRecord's fields
_DECODERS = {"value": Decimal, "amount_wan": Decimal, "kind": _member(FactKind), "basis": _member(Basis),
             "direction": _member(Direction, optional=True), "compared_to": _member(Basis, optional=True),
             "table_kind": _member(TableKind, optional=True), "row_path": _path, "col_path": _path, "part": bool}
# (position, decoder) of each field stored otherwise than its FactRecord holds it; equal texts become one string
# object (departments, measures, headings repeat on every row): less memory, and each is hashed once by the caches
# that look facts' texts up
_FACT_DECODERS = tuple((i, _DECODERS.get(f.name, sys.intern)) for i, f in enumerate(fields(FactRecord))
                       if f.name in _DECODERS or f.type in ("str", "str | None"))


def _of_document(doc_id: str):
    """The select of one document's fact rows, whatever its status, in document order."""
    return (select(*_FACT_COLUMNS).join(documents, documents.c.doc_id == facts.c.doc_id)
            .where(facts.c.doc_id == doc_id).order_by(facts.c.start, facts.c.id))


def _packed(records: list[FactRecord]) -> bytes:
    """A document's facts as one value: their fields in FactRecord's order, pickled."""
    return pickle.dumps([tuple(getattr(record, name) for name in _FACT_FIELDS) for record in records],
                        protocol=pickle.HIGHEST_PROTOCOL)


_FACT_FIELDS = tuple(f.name for f in fields(FactRecord))


def _fact_record(row) -> FactRecord:
    values = list(row)
    for i, decode in _FACT_DECODERS:
        if values[i] is not None:  # NULL stays None
            values[i] = decode(values[i])
    return FactRecord(*values)


def _table_record(row) -> TableRecord:
    return TableRecord(
        doc_id=row["doc_id"], table_id=row["table_id"], title=row["title"], kind=TableKind(row["kind"]), unit=row["unit"],
        scope=row["scope"], page=row["page"], start=row["start"], end=row["end"], header=row["header"],
    )
