"""`ingest_paths(..., jobs=2)`: files parsed and embedded in worker processes, stored by this one in the order given,
give the same index as reading them here, on the embedded stores and on a Chroma server with PostgreSQL.

One batch (two small documents, a broken file between them, and a copy of the first under another name) is
ingested once per data dir: embedding is the cost, and every worker loads its own model."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from budgetqa.cli import build_parser
from index import ingest_workers
from index.corpus_index import CorpusIndex
from index.embeddings import LocalSentenceEmbeddings
from index.fact_store import PENDING, FactQuery
from index.ingestion import IngestReport, ingest_paths
from tests.servers import PostgresCluster

QUERIES = ["公务接待费是多少", "车辆的价值", "固定资产总额", "因公出国"]
slow = pytest.mark.slow  # worker processes, each loading its own model: `make test-fast` leaves these out


@dataclass
class Ingested:
    index: CorpusIndex
    report: IngestReport
    embedded_here: int = 0  # texts this process's model embedded during the ingest


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, small_paths: tuple[Path, Path]) -> list[Path]:
    """政法委 2020, a broken PDF, 宣传部 2021, and the first file again under another name."""
    folder = tmp_path_factory.mktemp("batch")
    broken = folder / "broken.pdf"
    broken.write_bytes(b"this is not a PDF")
    copy = folder / "copy-of-zfw.txt"
    shutil.copyfile(small_paths[0], copy)
    return [small_paths[0], broken, small_paths[1], copy]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, index_at: Callable[..., CorpusIndex],
             embeddings: LocalSentenceEmbeddings, batch: list[Path]) -> Iterator[dict[int, Ingested]]:
    """jobs → the batch ingested with that many jobs into a data dir of its own."""
    done: dict[int, Ingested] = {}
    embed = embeddings.embed_documents
    for jobs in (1, 2):
        index = index_at(tmp_path_factory.mktemp(f"jobs{jobs}") / "data", embeddings)
        written: list[Path] = []
        texts: list[str] = []
        embeddings.embed_documents = lambda chunk_texts: texts.extend(chunk_texts) or embed(chunk_texts)  # counted
        try:
            report = ingest_paths(index, batch, on_file=written.append, jobs=jobs)
        finally:
            del embeddings.embed_documents
        assert written == batch  # the progress hears of every file, in order
        done[jobs] = Ingested(index, report, len(texts))
    yield done
    for run in done.values():
        run.index.close()


def contents(index: CorpusIndex) -> dict[str, object]:
    """What the index holds, less what differs by when and where it was written (ingest time, fact row ids)."""
    docs = index.documents()
    facts = [replace(f, id=0) for f in index.facts.facts(FactQuery(limit=100_000))]
    return {
        "documents": sorted((replace(d, ingested_at=None) for d in docs), key=lambda d: d.doc_id),
        "texts": {d.doc_id: index.facts.text(d.doc_id) for d in docs},
        "facts": sorted(facts, key=lambda f: (f.doc_id, f.start, f.end, f.subject, f.measure, f.col_path, f.row_path)),
        "tables": {d.doc_id: index.facts.tables(d.doc_id) for d in docs},
        "findings": {d.doc_id: index.facts.findings(d.doc_id) for d in docs},
        "chunks": sorted(index.facts.chunks(), key=lambda c: c.chunk_id),
    }


def assert_same_search(index: CorpusIndex, reference: CorpusIndex) -> None:
    """The same keyword hits, and the same dense ranking with scores equal to float noise."""
    for query in QUERIES:
        assert index.keywords.search(query, 20) == reference.keywords.search(query, 20), query
        dense, expected = index.vectors.search(query, 10), reference.vectors.search(query, 10)
        assert len(expected) == len(reference.facts.chunks()), query  # every chunk ranked
        assert [h.chunk_id for h in dense] == [h.chunk_id for h in expected], query
        assert [h.score for h in dense] == pytest.approx([h.score for h in expected], abs=1e-5), query


def assert_batch_stored(run: Ingested, batch: list[Path]) -> None:
    """The good files are ready in all three stores, the broken one failed alone, the copy was unchanged."""
    first, broken, second, copy = batch
    assert run.report.added == [first.name, second.name]  # the order given
    assert run.report.failed == [f"{broken.name}: not a PDF file (no %PDF header)"]
    assert run.report.unchanged == [copy.name] and not run.report.ok
    ready = {d.doc_id for d in run.index.documents()}
    assert {d.source for d in run.index.documents()} == {first.name, second.name}
    assert run.index.facts.documents(status=PENDING) == []
    assert run.index.vectors.doc_ids() == ready == run.index.keywords.doc_ids()
    assert run.index.vectors.count() == len(run.index.facts.chunks()) == run.report.chunks


@slow
def test_two_jobs_store_what_one_job_stores(ingested: dict[int, Ingested]) -> None:
    one, two = ingested[1], ingested[2]
    assert two.embedded_here == 0 and one.embedded_here == one.report.chunks  # the writer stores the workers' vectors
    assert contents(two.index) == contents(one.index)
    assert (two.report.facts, two.report.chunks) == (one.report.facts, one.report.chunks) and one.report.chunks
    assert_same_search(two.index, one.index)


@slow
def test_a_broken_file_fails_alone_in_workers(ingested: dict[int, Ingested], batch: list[Path]) -> None:
    assert ingested[2].report.failed == ingested[1].report.failed  # the same words as the sequential path
    for run in ingested.values():
        assert_batch_stored(run, batch)


@slow
def test_unchanged_files_are_skipped_before_any_worker_reads_them(ingested: dict[int, Ingested], batch: list[Path],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    submitted: list[tuple] = []

    class Pool(ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(args)
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(ingest_workers, "ProcessPoolExecutor", Pool)
    index = ingested[2].index
    before = contents(index)
    good = [batch[0], batch[2], batch[3]]
    report = ingest_paths(index, good, jobs=2)
    assert report.unchanged == [p.name for p in good] and report.ok and not report.added
    assert submitted == [] and contents(index) == before


def test_jobs_option() -> None:
    assert build_parser().parse_args(["ingest", "a.txt"]).jobs == 1
    assert build_parser().parse_args(["ingest", "--jobs", "3", "a.txt"]).jobs == 3
    for wrong in ("0", "-1", "two"):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["ingest", "--jobs", wrong, "a.txt"])


@pytest.fixture
def served_index(postgres: PostgresCluster, chroma_port: int, tmp_path: Path, index_at: Callable[..., CorpusIndex],
                 embeddings: LocalSentenceEmbeddings) -> Iterator[CorpusIndex]:
    """An index whose facts are in a fresh PostgreSQL database and whose vectors are in the Chroma server."""
    database = postgres.create_database()
    collection = f"parallel-{uuid.uuid4().hex[:12]}"
    index = index_at(tmp_path / "data", embeddings, database_url=postgres.url(database),
                     chroma_host="127.0.0.1", chroma_port=chroma_port, collection=collection)
    try:
        yield index
    finally:
        index.close()
        index.vectors.client.delete_collection(collection)
        postgres.drop_database(database)


@slow
def test_two_jobs_on_a_chroma_server_and_postgresql(served_index: CorpusIndex, ingested: dict[int, Ingested],
                                                    batch: list[Path], tmp_path: Path) -> None:
    run = Ingested(served_index, ingest_paths(served_index, batch, jobs=2))
    assert_batch_stored(run, batch)
    assert not (tmp_path / "data" / "chroma").exists()  # the vectors went to the server
    assert contents(served_index) == contents(ingested[1].index)
    assert_same_search(served_index, ingested[1].index)
