"""Chroma over HTTP (a real `chroma run` server) behaves like the embedded PersistentClient,
and a collection built with one embedding model refuses another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.corpus_index import CorpusIndex, DocumentFilter
from index.embeddings import LocalSentenceEmbeddings
from index.ingestion import ingest_paths
from index.retriever import HybridRetriever
from index.vector_store import ModelMismatch, VectorStore, chroma_client

pytestmark = pytest.mark.slow  # real servers, processes or a browser: `make test-fast` leaves them out

LANGFANG_DEPARTMENT = "中共廊坊市委政法委员会"
VARIANT_DEPARTMENT = "中共廊坊市委宣传部"  # the re-labelled copy (conftest.variant_text), year 2021
QUERIES = ["公务接待费是多少", "车辆的价值", "固定资产总额", "因公出国"]


def _hits(index: CorpusIndex, query: str, **kwargs) -> list[tuple[str, float]]:
    return [(d.id, d.metadata["score"]) for d in HybridRetriever(index=index, **kwargs).invoke(query)]


def _dense(index: CorpusIndex, query: str) -> list[tuple[str, float]]:
    return [(h.chunk_id, h.score) for h in index.vectors.search(query, 10)]


def assert_same_ranking(served: list[tuple[str, float]], embedded: list[tuple[str, float]], query: str) -> None:
    """Same chunk ids in the same order; only chunks with equal scores (identical texts) may swap places."""
    assert embedded, query
    assert [s for _, s in served] == pytest.approx([s for _, s in embedded], abs=1e-5), query
    for position, (chunk_id, _) in enumerate(served):
        score = embedded[position][1]
        tied = {cid for cid, s in embedded if abs(s - score) <= 1e-5}
        assert chunk_id in tied, f"{query}: #{position} is {chunk_id}, expected one of {tied}"
    assert len({cid for cid, _ in served}) == len(served), query


def test_chroma_server_same_chunks_as_persistent_client(
    chroma_port: int, make_index: Callable[..., CorpusIndex], small_paths, tmp_path: Path
) -> None:
    embedded = make_index("embedded")
    served = make_index("served", chroma_host="127.0.0.1", chroma_port=chroma_port, collection="same-results")
    for index in (embedded, served):
        report = ingest_paths(index, list(small_paths))
        assert report.ok and len(report.added) == 2
    assert (tmp_path / "embedded" / "chroma").is_dir()
    assert not (tmp_path / "served" / "chroma").exists()  # the served vectors live in the server, not on our disk
    assert served.vectors.count() == embedded.vectors.count() == len(embedded.facts.chunks())
    assert served.vectors.doc_ids() == embedded.vectors.doc_ids()

    for query in QUERIES:
        dense = _dense(embedded, query)
        assert len(dense) == 8  # both small documents, every chunk ranked
        assert_same_ranking(_dense(served, query), dense, query)
        assert_same_ranking(_hits(served, query, k=6), _hits(embedded, query, k=6), query)
        where = DocumentFilter(department=VARIANT_DEPARTMENT)
        assert_same_ranking(_hits(served, query, k=6, where=where), _hits(embedded, query, k=6, where=where), query)

    # removal goes through the server too
    (gone,) = [d.doc_id for d in served.documents(DocumentFilter(department=VARIANT_DEPARTMENT))]
    for index in (embedded, served):
        with index.writing():
            index.remove([gone])
            index.refresh_keywords()
        assert index.vectors.count(gone) == 0 and gone not in index.vectors.doc_ids()
    for query in QUERIES:
        assert_same_ranking(_hits(served, query, k=6), _hits(embedded, query, k=6), query)
    assert {d.department for d in served.documents()} == {LANGFANG_DEPARTMENT}


class RenamedEmbeddings(LocalSentenceEmbeddings):
    """The packaged model under another name, as if BUDGETQA_EMBEDDING_MODEL had been changed."""

    def __init__(self, name: str):
        super().__init__("auto")
        self.name = name


def test_chroma_server_model_mismatch_refused(chroma_port: int, embeddings: LocalSentenceEmbeddings) -> None:
    client = chroma_client(host="127.0.0.1", port=chroma_port)
    VectorStore(client, "mismatch-check", embeddings)
    VectorStore(client, "mismatch-check", embeddings)  # the same model reopens it
    with pytest.raises(ModelMismatch, match="other-model-v2") as caught:
        VectorStore(client, "mismatch-check", RenamedEmbeddings("other-model-v2"))
    assert embeddings.name in str(caught.value)
    metadata = client.get_collection("mismatch-check").metadata
    assert metadata["embedding_model"] == embeddings.name  # the refused open did not relabel it


def test_chroma_persistent_model_mismatch_refused(
    make_index: Callable[..., CorpusIndex],
    index_at: Callable[..., CorpusIndex],
    embeddings: LocalSentenceEmbeddings,
    tmp_path: Path,
) -> None:
    make_index("data")  # creates the collection with the configured model
    with pytest.raises(ModelMismatch, match="other-model-v2"):
        index_at(tmp_path / "data", RenamedEmbeddings("other-model-v2"))
    reopened = index_at(tmp_path / "data", embeddings)
    reopened.close()
