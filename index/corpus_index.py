"""The three stores behind one door: a document is in the fact store, Chroma and BM25 together or not at all.

Write protocol (crash-safe): SQL rows as 'pending' → vectors → 'ready' → keyword index updated (after a
batch: the chunks of the documents written are added, those of documents gone are removed).
Readers only see 'ready' documents; `recover()` deletes whatever a crash left half-written.
The fact store lists every chunk. Chroma holds a vector for each of them when vectors are made at ingest
(`VectorPolicy.AT_INGEST`); with `ON_DEMAND` the vector step is skipped and a chunk lacks its vector until
`budgetqa embed` (index/vector_backfill.py) makes it. Removal and recovery delete by document, so they hold
either way.
Writers take an exclusive file lock, so two ingests on one data dir never interleave.

Inside one process (the API server: questions and uploads share one CorpusIndex), readers hold
`reading()` for a whole question, and every step that changes what readers see (a document turning
ready and its old version going, a removal, re-opening the embedded Chroma client to pick up another
process's writes) runs under the exclusive side of a read-write lock: a question sees the index before
or after a change, never during one, and the Chroma client is never replaced under a query in flight.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from index.config import IndexConfig, VectorPolicy
from index.embeddings import ChunkVectors, LocalSentenceEmbeddings
from index.fact_store import PENDING, DocumentRecord, FactStore
from index.keyword_index import KeywordIndex
from index.stores import FactBackend, KeywordBackend, VectorBackend
from index.vector_store import VectorStore, chroma_client, chunk_metadata, fresh_persistent_client
from ingest.model import ParsedDocument


class IndexBusy(RuntimeError):
    """Another process is writing to this data dir."""


READER_PATIENCE_S = 2.0  # how long a new reader lets a waiting writer go first


class ReadWriteLock:
    """Many readers or one writer, within one process.

    Re-entrant for readers (a thread already reading reads again at once) and for the writer (which may
    also read). A waiting writer holds back new readers, so a stream of questions cannot starve an
    upload, but only for `READER_PATIENCE_S`: a reader that some other reader waits on can never deadlock.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer: int | None = None
        self._writer_depth = 0
        self._writers_waiting = 0
        self._local = threading.local()

    def _depth(self) -> int:
        return getattr(self._local, "depth", 0)

    @contextmanager
    def shared(self) -> Iterator[None]:
        me = threading.get_ident()
        outermost = self._depth() == 0 and self._writer != me
        if outermost:
            deadline = time.monotonic() + READER_PATIENCE_S
            with self._cond:
                while self._writer is not None or (self._writers_waiting and time.monotonic() < deadline):
                    self._cond.wait(timeout=None if self._writer is not None else max(0.0, deadline - time.monotonic()))
                self._readers += 1
        self._local.depth = self._depth() + 1
        try:
            yield
        finally:
            self._local.depth -= 1
            if outermost:
                with self._cond:
                    self._readers -= 1
                    if self._readers == 0:
                        self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        me = threading.get_ident()
        if self._writer != me:
            if self._depth():
                raise RuntimeError("a reader cannot become the writer (it would wait for itself)")
            with self._cond:
                self._writers_waiting += 1
                try:
                    while self._writer is not None or self._readers:
                        self._cond.wait()
                finally:
                    self._writers_waiting -= 1
                self._writer = me
        self._writer_depth += 1
        try:
            yield
        finally:
            self._writer_depth -= 1
            if self._writer_depth == 0:
                with self._cond:
                    self._writer = None
                    self._cond.notify_all()


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents a question or listing is about; every field is optional."""

    department: str | None = None
    year: int | None = None
    kind: str | None = None
    doc_id: str | None = None
    doc_ids: tuple[str, ...] | None = None  # the documents a question was resolved to

    def named_ids(self) -> tuple[str, ...] | None:
        """The documents the filter names by id (None: it names none, any id may match)."""
        return self.doc_ids if self.doc_ids is not None else (self.doc_id,) if self.doc_id else None

    def matches(self, doc: DocumentRecord) -> bool:
        return (
            (not self.department or self.department in doc.department)
            and (not self.year or self.year == doc.year)
            and (not self.kind or self.kind == doc.kind)
            and (not self.doc_id or self.doc_id == doc.doc_id)
            and (self.doc_ids is None or doc.doc_id in self.doc_ids)
        )


@dataclass(frozen=True)
class _ReadyDocuments:
    """The ready documents of one generation of the store, in its order, and where each stands in that order."""

    generation: tuple[int, str]
    listed: list[DocumentRecord]
    position: dict[str, int]

    @classmethod
    def of(cls, generation: tuple[int, str], listed: list[DocumentRecord]) -> _ReadyDocuments:
        return cls(generation, listed, {d.doc_id: i for i, d in enumerate(listed)})


class CorpusIndex:
    """Fact store + vector store + keyword index for one data dir."""

    def __init__(self, facts: FactBackend, vectors: VectorBackend, keywords: KeywordBackend, lock_path: Path,
                 reopen_vectors: Callable[[], VectorBackend] | None = None,
                 chunk_vectors: VectorPolicy = VectorPolicy.ON_DEMAND):
        self.facts = facts
        self.vectors = vectors
        self.keywords = keywords
        self.chunk_vectors = chunk_vectors  # whether `add` embeds a document's chunks
        self.lock_path = lock_path
        self._reopen_vectors = reopen_vectors
        self._generation: tuple[int, str] | None = None  # read on first sync
        self._rw = ReadWriteLock()
        self._writing = False  # this process holds the write lock: every change until it ends is its own
        self._state = threading.Lock()  # guards _writing and _generation against a re-open
        self._listeners: list[Callable[[], None]] = []
        self._written: set[str] = set()  # documents this process wrote since the keyword index was last updated
        self._ready: _ReadyDocuments | None = None

    @classmethod
    def open(cls, config: IndexConfig, embeddings: LocalSentenceEmbeddings | None = None) -> CorpusIndex:
        """Opens (creating if needed) the stores `config` names."""
        config.data_dir.mkdir(parents=True, exist_ok=True)
        model = embeddings or LocalSentenceEmbeddings.from_config(config.embedding)
        chroma_dir = config.data_dir / "chroma"
        client = chroma_client(chroma_dir, config.chroma_host, config.chroma_port)
        vectors = VectorStore(client, config.collection, model)
        reopen = None
        if not config.chroma_host:  # an embedded client must re-read files another process wrote
            reopen = lambda: VectorStore(fresh_persistent_client(chroma_dir), config.collection, model)  # noqa: E731
        return cls(FactStore(config.sqlalchemy_url), vectors, KeywordIndex(config.data_dir / "keyword"),
                   config.data_dir / "write.lock", reopen, config.chunk_vectors)

    def sync(self) -> None:
        """Picks up documents another process (a CLI ingest beside a running server) added or removed.

        Re-opening the embedded Chroma client happens with no question in flight and never while this
        process writes (its own writes change the marker too, and need no re-open)."""
        if self._writing or self._rw._depth():
            return
        if self._generation is not None and self.facts.generation() == self._generation:
            return
        with self._rw.exclusive(), self._state:
            if not self._writing:
                self._sync_locked()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Calls `listener` whenever documents were added or removed, by this process or another (a cache
        of document texts drops what it holds). Listeners must be safe to call while questions run."""
        self._listeners.append(listener)

    def _moved_to(self, generation: tuple[int, str]) -> None:
        if self._generation is not None and generation != self._generation:
            for listener in self._listeners:
                listener()
        self._generation = generation

    def _sync_locked(self) -> None:
        """Re-opens the vectors if another process changed the index (hold `_state`, and `_rw` exclusively)."""
        generation = self.facts.generation()
        if self._generation is not None and generation != self._generation and self._reopen_vectors is not None:
            self.vectors = self._reopen_vectors()
        self._moved_to(generation)

    def _start_writing(self) -> None:
        """Marks this process as the writer, first picking up what another process wrote before it."""
        with self._state:
            if self._generation is not None and self.facts.generation() == self._generation:
                self._writing = True  # nothing to re-open: no need to wait for the questions in flight
                return
        with self._rw.exclusive(), self._state:
            self._sync_locked()
            self._writing = True

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Holds a consistent view for one question: no document turns ready or goes away meanwhile."""
        self.sync()
        with self._rw.shared():
            yield

    @contextmanager
    def _publishing(self) -> Iterator[None]:
        """A change readers must see all at once (waits for the questions in flight)."""
        with self._rw.exclusive():
            yield

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Holds the data dir's write lock; raises `IndexBusy` at once if another writer has it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_CREAT | os.O_RDWR)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise IndexBusy(f"another ingest is writing to {self.lock_path.parent}; try again when it finishes") from exc
            self._start_writing()
            try:
                yield
            finally:
                with self._state:
                    self._moved_to(self.facts.generation())  # our own writes: nothing to re-open
                    self._writing = False
        finally:
            os.close(fd)

    def documents(self, where: DocumentFilter = DocumentFilter()) -> list[DocumentRecord]:
        """Ready documents matching the filter, in the store's order (the list is read from the store once per
        generation; documents named by id are looked up, not searched for)."""
        ready = self._ready_documents()
        if where == DocumentFilter():
            return list(ready.listed)
        named = where.named_ids()
        if named is None:
            return [d for d in ready.listed if where.matches(d)]
        at = sorted({ready.position[doc_id] for doc_id in named if doc_id in ready.position})
        return [d for d in (ready.listed[i] for i in at) if where.matches(d)]

    def _ready_documents(self) -> _ReadyDocuments:
        generation = self.facts.generation()  # first: a change read with the list is seen again next time
        cached = self._ready
        if cached is None or cached.generation != generation:
            cached = self._ready = _ReadyDocuments.of(generation, self.facts.documents())
        return cached

    def find_by_sha(self, sha256: str) -> DocumentRecord | None:
        return next((d for d in self.documents() if d.sha256 == sha256), None)

    def add(self, doc: ParsedDocument, vectors: ChunkVectors | None = None) -> list[str]:
        """Stores one parsed document; replaces older versions of the same source. Returns replaced ids.
        With vectors made at ingest, its chunks are embedded here unless their `vectors` were made elsewhere
        (`embeddings.embed_chunks`); on demand, none are stored.

        Call inside `writing()`, and call `refresh_keywords()` after a batch.
        """
        doc_id = doc.meta.doc_id
        replaced = [d.doc_id for d in self.facts.documents() if d.source == doc.meta.source and d.doc_id != doc_id]
        self._purge([doc_id])  # a leftover pending copy of this very document (never visible to readers)
        try:
            self.facts.add_pending(doc)
            if self.chunk_vectors is VectorPolicy.AT_INGEST:
                meta = {doc_id: chunk_metadata(doc.meta.department, doc.meta.year, doc.meta.kind)}
                self.vectors.add(self.facts.chunks_of_any_status(doc_id), meta, vectors)
        except Exception:
            self._purge([doc_id])  # a failed write leaves no pending row and no vectors behind
            raise
        with self._publishing():  # the new version appears and the old one goes in one step for readers
            self.facts.mark_ready(doc_id)
            self._purge(replaced)
        self._written.add(doc_id)
        return replaced

    def remove(self, doc_ids: list[str]) -> None:
        """Removes documents from every store (call inside `writing()`, then `refresh_keywords()`)."""
        with self._publishing():
            self._purge(doc_ids)

    def _purge(self, doc_ids: list[str]) -> None:
        # SQL first: readers stop seeing the document at once; vectors left by a crash here are
        # orphans that recover() deletes
        if doc_ids:
            self.facts.delete(doc_ids)
            self.vectors.delete(doc_ids)

    def refresh_keywords(self) -> None:
        """Brings the keyword index in line with the ready documents: adds the chunks of documents written since
        the last refresh (or missing from it), removes those of documents gone. Only the added chunks are read."""
        ready = {d.doc_id for d in self.facts.documents()}
        indexed = self.keywords.doc_ids()
        added = sorted((ready - indexed) | (self._written & ready))
        removed = sorted(indexed - ready)
        self._written.clear()
        if added or removed:
            self.keywords.update(self.facts.chunks(added), removed)

    def recover(self) -> list[str]:
        """Deletes documents a crash left pending and vectors with no ready document; returns what went."""
        ready_docs = self.facts.documents()
        newest: dict[str, DocumentRecord] = {}
        for doc in ready_docs:  # a crash between "new version ready" and "old version purged"
            if doc.source not in newest or doc.ingested_at > newest[doc.source].ingested_at:
                newest[doc.source] = doc
        superseded = [d.doc_id for d in ready_docs if newest[d.source].doc_id != d.doc_id]
        ready = {d.doc_id for d in ready_docs} - set(superseded)
        stale = [d.doc_id for d in self.facts.documents(status=PENDING)] + superseded
        orphans = sorted(self.vectors.doc_ids() - ready)
        if stale or orphans:
            with self._publishing():
                self.facts.delete(stale)
                self.vectors.delete(sorted(set(orphans) | set(stale)))
        self.refresh_keywords()
        if not self.keywords.is_current(self.facts.chunk_ids()):  # a chunk changed under a known document
            self.keywords.rebuild(self.facts.chunks())
        return sorted(set(stale) | set(orphans))

    def close(self) -> None:
        self.facts.close()
