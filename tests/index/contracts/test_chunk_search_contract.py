"""The chunk-search contracts (index.stores): one suite per protocol, run on every backend —
vectors in embedded Chroma and in a real `chroma run` server, keywords in the segmented BM25 index (rebuilt
whole, or updated a batch at a time)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from index.embeddings import LocalSentenceEmbeddings
from index.fact_store import ChunkRecord
from index.keyword_index import KeywordIndex
from index.stores import ChunkSearch, KeywordBackend, SearchHit, VectorBackend
from index.vector_store import VectorStore, chroma_client

TEXTS = {  # doc_id → chunk texts; each chunk says something the others do not
    "doc-a": ["公务接待费预算为0.63万元，比上年减少0.2万元。", "机关运行经费主要用于办公费、印刷费和水电费。"],
    "doc-b": ["因公出国（境）费用预算为零，本年度无出国计划。", "政府采购预算总额为120万元，其中货物类80万元。"],
}
META = {doc_id: {"department": doc_id, "year": 2020, "doc_kind": "部门预算"} for doc_id in TEXTS}


def records(doc_ids: tuple[str, ...] = tuple(TEXTS)) -> list[ChunkRecord]:
    return [ChunkRecord(f"{doc_id}-{i}", doc_id, text, None, "text", [(0, len(text))], None, 1)
            for doc_id in doc_ids for i, text in enumerate(TEXTS[doc_id])]


@dataclass
class Backend:
    store: ChunkSearch
    fill: Callable[[list[ChunkRecord]], None]  # makes the store hold exactly these chunks


@pytest.fixture
def open_vectors(request: pytest.FixtureRequest, tmp_path: Path, embeddings: LocalSentenceEmbeddings) -> Iterator[Callable[[str], VectorStore]]:
    """`open_vectors(kind)`: a VectorStore on a fresh collection, embedded or on the Chroma server."""
    opened: list[tuple[object, str]] = []

    def open_(kind: str) -> VectorStore:
        if kind == "embedded chroma":
            client = chroma_client(tmp_path / "chroma")
        else:
            client = chroma_client(host="127.0.0.1", port=request.getfixturevalue("chroma_port"))
        collection = f"contract-{uuid.uuid4().hex[:12]}"
        opened.append((client, collection))
        return VectorStore(client, collection, embeddings)

    yield open_
    for client, collection in opened:
        client.delete_collection(collection)


@pytest.fixture(params=["embedded chroma", "chroma server", "bm25s rebuilt", "bm25s updated"])
def backend(request: pytest.FixtureRequest, tmp_path: Path, open_vectors: Callable[[str], VectorStore]) -> Backend:
    if request.param.startswith("bm25s"):
        index = KeywordIndex(tmp_path / "keyword")
        if request.param == "bm25s rebuilt":
            return Backend(index, index.rebuild)
        return Backend(index, lambda chunks: index.update(chunks, index.doc_ids()))
    store = open_vectors(request.param)

    def fill(chunks: list[ChunkRecord]) -> None:
        store.delete(sorted(store.doc_ids()))
        if chunks:
            store.add(chunks, META)
    return Backend(store, fill)


@pytest.fixture(params=["embedded chroma", "chroma server"])
def vectors(request: pytest.FixtureRequest, open_vectors: Callable[[str], VectorStore]) -> VectorStore:
    return open_vectors(request.param)


# ---- every chunk search ----------------------------------------------------------------------------
def test_search_finds_the_chunk_that_says_it_first(backend: Backend) -> None:
    backend.fill(records())
    hits = backend.store.search("公务接待费", 3)
    assert hits and all(isinstance(h, SearchHit) for h in hits)
    assert hits[0] == SearchHit("doc-a-0", "doc-a", hits[0].score)
    assert len(hits) <= 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.chunk_id for h in hits} <= {r.chunk_id for r in records()}


def test_search_keeps_to_the_documents_asked_for(backend: Backend) -> None:
    backend.fill(records())
    assert {h.doc_id for h in backend.store.search("预算", 10, {"doc-b"})} == {"doc-b"}
    assert backend.store.search("预算", 10, set()) == []
    assert backend.store.search("预算", 10, {"no-such-document"}) == []


def test_search_sees_only_what_the_store_now_holds(backend: Backend) -> None:
    backend.fill(records())
    backend.fill(records(("doc-b",)))
    found = backend.store.search("公务接待费 政府采购", 10)
    assert found and {h.doc_id for h in found} == {"doc-b"}


def test_an_empty_store_finds_nothing(backend: Backend) -> None:
    backend.fill([])
    assert backend.store.search("公务接待费", 5) == []


# ---- vectors -------------------------------------------------------------------------------------------
def test_vectors_keep_the_contract(vectors: VectorStore) -> None:
    assert isinstance(vectors, VectorBackend)


def test_vectors_count_replace_and_delete_by_document(vectors: VectorStore) -> None:
    assert vectors.chunk_ids() == set()
    vectors.add(records(), META)
    assert vectors.count() == 4 and vectors.count("doc-a") == 2 and vectors.doc_ids() == {"doc-a", "doc-b"}
    assert vectors.chunk_ids() == {r.chunk_id for r in records()}
    vectors.add(records(("doc-a",)), META)  # the same chunks again replace themselves
    assert vectors.count() == 4
    vectors.delete(["doc-a", "never-stored"])
    vectors.delete([])
    assert vectors.count() == 2 and vectors.count("doc-a") == 0 and vectors.doc_ids() == {"doc-b"}
    assert vectors.chunk_ids() == {r.chunk_id for r in records(("doc-b",))}


def test_vector_scores_are_similarities(vectors: VectorStore) -> None:
    vectors.add(records(), META)
    (best,) = vectors.search(TEXTS["doc-b"][1], 1)
    assert best.chunk_id == "doc-b-1" and best.score == pytest.approx(1.0, abs=1e-3)


# ---- keywords ------------------------------------------------------------------------------------------
def test_keywords_keep_the_contract_and_know_what_they_hold(tmp_path: Path) -> None:
    index = KeywordIndex(tmp_path / "keyword")
    assert isinstance(index, KeywordBackend)
    index.rebuild(records())
    assert index.is_current({r.chunk_id for r in records()}) and index.doc_ids() == set(TEXTS)
    assert not index.is_current({r.chunk_id for r in records(("doc-a",))})
    index.update([], ["doc-b"])
    assert index.is_current({r.chunk_id for r in records(("doc-a",))}) and index.doc_ids() == {"doc-a"}
    reopened = KeywordIndex(tmp_path / "keyword")  # persisted: another process reads the same index
    assert [h.chunk_id for h in reopened.search("公务接待费", 1)] == ["doc-a-0"]
