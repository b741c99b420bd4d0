"""Chunks without vectors: counting them, refusing dense retrieval over them, and making them (`budgetqa embed`).

With vectors made on demand (the default for keyword retrieval) the fact store lists every chunk and Chroma holds
none of them. Dense and hybrid retrieval need a vector for every chunk: `embed_missing` makes those that lack one,
a document at a time, under the write lock. Whether a chunk has its vector is read from Chroma itself, so nothing
else records progress that could disagree with the stores, and a run stopped anywhere resumes where it stopped.

The assistant refuses to start in a mode that reads vectors while some are missing (`require_vectors`) instead of
making them on first use. At about 6 s a document on two cores, a thousand documents take over an hour and a half:
a server should not spend that starting up unasked (health checks failing, each worker of `serve --workers N`
racing for the write lock, uploads refused meanwhile, no progress shown). The operator runs `budgetqa embed` when
it suits, watches its progress, and may stop and resume it; until then keyword retrieval needs no vectors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.corpus_index import CorpusIndex
from index.fact_store import DocumentRecord
from index.retriever import RetrievalMode
from index.vector_store import chunk_metadata


class VectorsMissing(RuntimeError):
    """Dense or hybrid retrieval was asked of an index where some chunks have no vector."""


@dataclass(frozen=True)
class VectorGap:
    """How many chunks of ready documents lack a vector, of how many."""

    missing: int
    chunks: int


def vector_gap(index: CorpusIndex) -> VectorGap:
    listed = index.facts.chunk_ids()
    return VectorGap(len(listed - index.vectors.chunk_ids()), len(listed))


def require_vectors(index: CorpusIndex, mode: RetrievalMode) -> None:
    """Raises `VectorsMissing` (in Chinese, naming `budgetqa embed`) when `mode` reads vectors some chunks lack:
    a dense search over part of the chunks would answer from part of the documents without saying so."""
    if not mode.reads_vectors:
        return
    gap = vector_gap(index)
    if gap.missing:
        raise VectorsMissing(
            f"检索方式 {mode} 要用每个段落的向量，但 {gap.chunks} 个段落中还有 {gap.missing} 个没有向量。"
            "请先运行 `budgetqa embed` 补齐（可随时中断，再次运行会接着做），或把 BUDGETQA_RETRIEVAL_MODE 设为 keyword。"
        )


@dataclass(frozen=True)
class EmbedProgress:
    """One document whose missing vectors `embed_missing` has just made."""

    doc: DocumentRecord
    chunks: int  # vectors made for it
    documents: int  # documents that lacked vectors when the run began
    missing: int  # chunks that lacked vectors when the run began


@dataclass
class EmbedReport:
    documents: int = 0  # documents given vectors
    chunks: int = 0  # vectors made
    present: int = 0  # chunks that had their vector already


def embed_missing(index: CorpusIndex, on_document: Callable[[EmbedProgress], None] | None = None) -> EmbedReport:
    """Makes the vector of every chunk of a ready document that lacks one, a document at a time, as ingest makes
    them (`VectorStore.add`: chunk-id order, `ADD_BATCH` chunks to a call of the model). Holds the write lock
    (raises `IndexBusy` while another process writes), so no document changes meanwhile."""
    report = EmbedReport()
    with index.writing():
        index.recover()  # a crash's pending documents and orphan vectors go first
        present = index.vectors.chunk_ids()
        todo: list[tuple[DocumentRecord, int]] = []
        for doc in index.documents():
            ids = [c.chunk_id for c in index.facts.chunks([doc.doc_id])]
            missing = sum(chunk_id not in present for chunk_id in ids)
            report.present += len(ids) - missing
            if missing:
                todo.append((doc, missing))
        total = sum(missing for _, missing in todo)
        for doc, _ in todo:
            records = [c for c in index.facts.chunks([doc.doc_id]) if c.chunk_id not in present]
            index.vectors.add(records, {doc.doc_id: chunk_metadata(doc.department, doc.year, doc.kind)})
            report.documents += 1
            report.chunks += len(records)
            if on_document:
                on_document(EmbedProgress(doc, len(records), len(todo), total))
    return report
