"""Chunk vectors follow the retrieval mode.

Keyword retrieval (the default) ingests chunks without vectors and never loads the embedding model, in this process
or in `--jobs` workers; `budgetqa embed` (`embed_missing`) makes the missing vectors, and a stopped run resumes;
removing or replacing a document leaves no vector of it behind whether or not it had any; dense and hybrid
retrieval refuse an index where some chunks lack vectors, naming `budgetqa embed`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.chain import Assistant
from assistant.config import AssistantConfig
from budgetqa import cli
from config.settings import Settings
from index import vector_store
from index.config import VectorPolicy
from index.corpus_index import CorpusIndex, DocumentFilter
from index.embeddings import LocalSentenceEmbeddings, resolve_model
from index.fact_store import FactQuery
from index.ingestion import ingest_paths, remove_documents
from index.retriever import HybridRetriever, RetrievalMode
from index.vector_backfill import EmbedReport, VectorGap, VectorsMissing, embed_missing, vector_gap

LANGFANG_DEPARTMENT = "中共廊坊市委政法委员会"
VARIANT_DEPARTMENT = "中共廊坊市委宣传部"  # the re-labelled copy (conftest.variant_text), year 2021
QUERIES = ["公务接待费是多少", "车辆的价值", "固定资产总额", "因公出国"]


class Stop(BaseException):
    """Stands for Ctrl-C in the middle of `budgetqa embed`."""


def retrieve(index: CorpusIndex, query: str, mode: RetrievalMode, department: str | None = None):
    return HybridRetriever(index=index, k=5, where=DocumentFilter(department=department), mode=mode).invoke(query)


def department_ids(index: CorpusIndex) -> dict[str, str]:
    return {d.department: d.doc_id for d in index.documents()}


@pytest.fixture(scope="module")
def weightless_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged model's config and tokenizer without its weights: chunks are sized as with the real model,
    and any attempt to load the model itself fails."""
    _, source = resolve_model("auto")
    folder = tmp_path_factory.mktemp("weightless") / source.name
    folder.mkdir()
    for path in source.iterdir():
        if path.is_file() and path.suffix not in (".bin", ".safetensors"):
            shutil.copyfile(path, folder / path.name)
    return folder


def test_keyword_mode_ingest_makes_no_vectors_and_never_loads_the_model(
        index_at: Callable[..., CorpusIndex], weightless_model: Path, small_paths, tmp_path: Path) -> None:
    unloaded = LocalSentenceEmbeddings(str(weightless_model))
    index = index_at(tmp_path / "data", unloaded, chunk_vectors=None)  # the product's default: follow the retrieval mode
    try:
        assert index.chunk_vectors is VectorPolicy.ON_DEMAND
        report = ingest_paths(index, list(small_paths))
        assert report.ok and len(report.added) == 2 and report.chunks
        assert index.vectors.count() == 0 and index.vectors.doc_ids() == set()
        assert vector_gap(index) == VectorGap(missing=report.chunks, chunks=report.chunks)
        assert index.keywords.is_current(index.facts.chunk_ids())
        assert "_encode" not in vars(unloaded)

        ids = department_ids(index)
        for department in (LANGFANG_DEPARTMENT, VARIANT_DEPARTMENT):
            found = retrieve(index, "公务接待费是多少", RetrievalMode.KEYWORD, department)
            assert found and {d.metadata["doc_id"] for d in found} == {ids[department]}
        assistant = Assistant(index, Settings(_env_file=None).assistant_config())
        answer = assistant.ask(f"{VARIANT_DEPARTMENT}2021年公务接待费是多少")
        assert answer.kind == "number" and "0.63" in answer.text and answer.citations
        text = assistant.ask("固定资产有哪些", DocumentFilter(department=VARIANT_DEPARTMENT))
        assert text.route == "retrieval" and {c.department for c in text.citations} == {VARIANT_DEPARTMENT}
        assert "_encode" not in vars(unloaded)
    finally:
        index.close()
    with pytest.raises(OSError):  # the check above can fail: loading this model is an error
        unloaded.embed_query("预算")


@pytest.mark.slow  # worker processes
def test_parallel_ingest_without_vectors_never_loads_the_model_in_workers(
        index_at: Callable[..., CorpusIndex], weightless_model: Path, small_paths, tmp_path: Path) -> None:
    """A worker that loaded the weightless model would fail the ingest; the chunks are those of a one-process ingest."""
    chunk_ids: dict[int, set[str]] = {}
    for jobs in (1, 2):
        index = index_at(tmp_path / f"jobs{jobs}", LocalSentenceEmbeddings(str(weightless_model)), chunk_vectors="on-demand")
        try:
            report = ingest_paths(index, list(small_paths), jobs=jobs)
            assert report.ok and len(report.added) == 2, report.failed
            assert index.vectors.count() == 0
            chunk_ids[jobs] = index.facts.chunk_ids()
        finally:
            index.close()
    assert chunk_ids[2] == chunk_ids[1] and chunk_ids[1]


def test_embed_makes_the_vectors_an_ingest_would_have_made(make_index: Callable[..., CorpusIndex], small_paths) -> None:
    lazy = make_index("on-demand", chunk_vectors="on-demand")
    assert ingest_paths(lazy, list(small_paths)).ok
    chunks = len(lazy.facts.chunk_ids())
    heard = []
    report = embed_missing(lazy, on_document=heard.append)
    assert report == EmbedReport(documents=2, chunks=chunks, present=0)
    assert {p.doc.doc_id for p in heard} == set(department_ids(lazy).values())
    assert sum(p.chunks for p in heard) == chunks and {(p.documents, p.missing) for p in heard} == {(2, chunks)}
    assert lazy.vectors.chunk_ids() == lazy.facts.chunk_ids() and vector_gap(lazy) == VectorGap(0, chunks)
    assert lazy.vectors.doc_ids() == set(department_ids(lazy).values())

    eager = make_index("at-ingest")  # vectors made at ingest (the fixture's default)
    assert ingest_paths(eager, list(small_paths)).ok
    for query in QUERIES:  # every chunk scored alike (the two documents share texts, so ties may swap places)
        backfilled, ingested = lazy.vectors.search(query, chunks), eager.vectors.search(query, chunks)
        assert len(backfilled) == chunks, query
        scores = {h.chunk_id: h.score for h in ingested}
        assert {h.chunk_id: h.score for h in backfilled} == pytest.approx(scores, abs=1e-5), query

    ids = department_ids(lazy)
    for department in (LANGFANG_DEPARTMENT, VARIANT_DEPARTMENT):
        for mode in (RetrievalMode.DENSE, RetrievalMode.HYBRID):
            found = retrieve(lazy, "公务接待费是多少", mode, department)
            assert found and {d.metadata["doc_id"] for d in found} == {ids[department]}, (department, mode)
    assert embed_missing(lazy) == EmbedReport(documents=0, chunks=0, present=chunks)  # nothing left to make


def test_a_stopped_embed_resumes_where_it_stopped(make_index: Callable[..., CorpusIndex], small_paths,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    index = make_index(chunk_vectors="on-demand")
    assert ingest_paths(index, list(small_paths)).ok
    every = index.facts.chunk_ids()
    monkeypatch.setattr(vector_store, "ADD_BATCH", 2)  # two vectors per write: a stop may fall inside a document
    embedded: list[str] = []
    real = index.vectors.embeddings.embed_documents

    def stops_after_one_write(texts: list[str]) -> list[list[float]]:
        if embedded:
            raise Stop
        embedded.extend(texts)
        return real(texts)

    monkeypatch.setattr(index.vectors.embeddings, "embed_documents", stops_after_one_write)
    with pytest.raises(Stop):
        embed_missing(index)
    made = index.vectors.chunk_ids()
    assert len(made) == len(embedded) == 2 and made < every
    with index.writing():  # the stopped run let go of the write lock
        pass

    embedded.clear()
    monkeypatch.setattr(index.vectors.embeddings, "embed_documents", lambda texts: embedded.extend(texts) or real(texts))
    report = embed_missing(index)
    assert report.present == 2 and report.chunks == len(every) - 2 and report.documents == 2
    by_id = {c.chunk_id: c.text for c in index.facts.chunks()}
    assert sorted(embedded) == sorted(by_id[i] for i in every - made)  # only what was missing, each once
    assert index.vectors.chunk_ids() == every


def test_removing_or_replacing_a_document_removes_its_vectors_made_or_not(
        make_index: Callable[..., CorpusIndex], small_paths, tmp_path: Path) -> None:
    index = make_index(chunk_vectors="on-demand")
    path = tmp_path / "dept-budget.txt"
    original = small_paths[0].read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    assert ingest_paths(index, [small_paths[1]]).ok
    embed_missing(index)  # the first document gets its vectors from `budgetqa embed`
    assert ingest_paths(index, [path]).ok  # the second has none
    ids = department_ids(index)
    embedded, bare = ids[VARIANT_DEPARTMENT], ids[LANGFANG_DEPARTMENT]
    assert index.vectors.doc_ids() == {embedded}

    embed_missing(index)
    path.write_text(original.replace("公务接待费0.63万元", "公务接待费0.73万元"), encoding="utf-8")
    assert ingest_paths(index, [path]).replaced == [path.name]  # the new version comes without vectors
    new = department_ids(index)[LANGFANG_DEPARTMENT]
    assert new != bare and index.vectors.doc_ids() == {embedded} and index.vectors.count(bare) == 0

    remove_documents(index, [embedded, new])  # one with vectors, one without
    for doc_id in (embedded, bare, new):
        assert index.facts.document(doc_id) is None and index.facts.facts(FactQuery(doc_ids=(doc_id,))) == []
        assert index.vectors.count(doc_id) == 0
    assert index.vectors.count() == 0 and index.keywords.doc_ids() == set() and index.documents() == []
    with index.writing():
        assert index.recover() == []  # no orphan vectors left


def test_dense_and_hybrid_retrieval_refuse_an_index_with_missing_vectors(
        make_index: Callable[..., CorpusIndex], small_paths) -> None:
    index = make_index(chunk_vectors="on-demand")
    assert ingest_paths(index, [small_paths[0]]).ok
    embed_missing(index)
    assert ingest_paths(index, [small_paths[1]]).ok  # ingested after the embed: no vectors
    gap = vector_gap(index)
    assert 0 < gap.missing < gap.chunks
    for mode in (RetrievalMode.HYBRID, RetrievalMode.DENSE):
        with pytest.raises(VectorsMissing, match="budgetqa embed") as refused:
            Assistant(index, AssistantConfig(retrieval_mode=mode))
        assert f"{gap.chunks} 个段落中还有 {gap.missing} 个没有向量" in str(refused.value)
    Assistant(index, AssistantConfig())  # keyword retrieval reads no vectors

    embed_missing(index)
    assistant = Assistant(index, AssistantConfig(retrieval_mode=RetrievalMode.HYBRID))
    answer = assistant.ask("固定资产有哪些", DocumentFilter(department=VARIANT_DEPARTMENT))
    assert answer.route == "retrieval" and {c.department for c in answer.citations} == {VARIANT_DEPARTMENT}


def test_the_embed_and_ask_commands(make_index: Callable[..., CorpusIndex], small_paths, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetqa ask` in hybrid mode names `budgetqa embed` while vectors are missing; `budgetqa embed` makes them."""
    index = make_index(chunk_vectors="on-demand")
    assert ingest_paths(index, [small_paths[0]]).ok
    chunks = len(index.facts.chunk_ids())
    hybrid = Settings(_env_file=None, data_dir=tmp_path / "data", retrieval_mode="hybrid")
    monkeypatch.setattr(cli, "get_settings", lambda: hybrid)
    assert cli.main(["ask", "公务接待费是多少"]) == 2
    assert "budgetqa embed" in capsys.readouterr().err
    assert cli.main(["embed", "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == f"embedded {chunks} chunks of 1 document(s); 0 chunks had vectors already"
    assert cli.main(["ask", "公务接待费是多少"]) == 0
    assert "0.63" in capsys.readouterr().out
