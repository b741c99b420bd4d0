"""What the index asks of each store. Every backend of a store passes the same contract test suite
(tests/index/contracts/): embedded Chroma and a Chroma server for vectors, SQLite and PostgreSQL for facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from index.embeddings import ChunkVectors, LocalSentenceEmbeddings
    from index.fact_store import ChunkRecord, DocumentRecord, FactQuery, FactRecord, FormFieldRecord, TableRecord
    from ingest.audit.findings import Finding
    from ingest.model import ParsedDocument


@dataclass(frozen=True)
class SearchHit:
    """One chunk found by a search, with its document and the search's own score (higher is better)."""

    chunk_id: str
    doc_id: str
    score: float


@runtime_checkable
class ChunkSearch(Protocol):
    def search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[SearchHit]:
        """Top-k chunks for the query, best first, only of `doc_ids` when given (an empty set finds nothing)."""


@runtime_checkable
class VectorBackend(ChunkSearch, Protocol):
    """Chunk embeddings with document metadata, made by `embeddings`."""

    embeddings: LocalSentenceEmbeddings

    def add(self, records: list[ChunkRecord], meta: dict[str, dict], vectors: ChunkVectors | None = None) -> None:
        """Stores chunks (again: replaces them), embedded by `embeddings` unless their `vectors` are given;
        `meta[doc_id]` is kept with each of the document's chunks."""

    def delete(self, doc_ids: list[str]) -> None: ...

    def count(self, doc_id: str | None = None) -> int: ...

    def doc_ids(self) -> set[str]:
        """Every document with at least one stored chunk."""

    def chunk_ids(self) -> set[str]:
        """Every chunk with a stored vector."""


@runtime_checkable
class KeywordBackend(ChunkSearch, Protocol):
    """A term index over the ready chunks, changed a batch of documents at a time."""

    def update(self, records: list[ChunkRecord], removed: Iterable[str] = ()) -> None:
        """Drops the chunks of `removed` and of the documents `records` belong to, then adds `records`, in one
        step readers see whole; only `records` are tokenized."""

    def rebuild(self, records: list[ChunkRecord]) -> None:
        """Replaces the whole index (recovery)."""

    def doc_ids(self) -> set[str]:
        """Every document with at least one indexed chunk."""

    def is_current(self, chunk_ids: set[str]) -> bool:
        """True when the index holds exactly these chunks."""


@runtime_checkable
class FactBackend(Protocol):
    """Documents (pending until ready), their text, sections, tables, facts, form fields and chunk records."""

    def add_pending(self, doc: ParsedDocument) -> None: ...

    def mark_ready(self, doc_id: str) -> None: ...

    def delete(self, doc_ids: Iterable[str]) -> None: ...

    def documents(self, status: str | None = ...) -> list[DocumentRecord]: ...

    def document(self, doc_id: str) -> DocumentRecord | None: ...

    def text(self, doc_id: str) -> str | None: ...

    def sections(self, doc_id: str) -> list[dict]: ...

    def facts(self, query: FactQuery = ...) -> list[FactRecord]: ...

    def document_facts(self, doc_id: str) -> list[FactRecord]:
        """One ready document's facts in document order, as `facts` gives them."""

    def has_facts(self, query: FactQuery = ...) -> bool:
        """Whether some fact of a ready document matches the query."""

    def count_facts(self, query: FactQuery = ...) -> int: ...

    def page_starts(self, doc_id: str) -> list[int]: ...

    def tables(self, doc_id: str) -> list[TableRecord]: ...

    def findings(self, doc_id: str) -> list[Finding]:
        """The source audit's findings of a ready document, in the order they were found."""

    def form_fields(self, doc_ids: Iterable[str]) -> list[FormFieldRecord]:
        """The header fields of the 绩效目标表 forms of the given ready documents, in text order."""

    def sub_unit_scopes(self, doc_ids: Iterable[str]) -> dict[str, set[str]]:
        """The sub-units (facts' `scope`) each of the given ready documents states figures of."""

    def stating_period(self, doc_ids: Iterable[str], period: int) -> set[str]:
        """Which of the given ready documents state figures for `period`."""

    def chunks(self, doc_ids: Iterable[str] | None = None, chunk_ids: Iterable[str] | None = None) -> list[ChunkRecord]: ...

    def chunk_ids(self) -> set[str]:
        """Ids of the chunks of ready documents."""

    def chunks_of_any_status(self, doc_id: str) -> list[ChunkRecord]: ...

    def generation(self) -> tuple[int, str]:
        """Changes whenever any process adds, readies or removes a document."""

    def close(self) -> None: ...
