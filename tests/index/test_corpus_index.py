"""CorpusIndex: SQL facts, Chroma vectors and BM25 stay in step through ingest, replace, remove and recover.

Embedding is the expensive step, so the two-department corpus (the full Langfang sample and a
re-labelled copy) is ingested once per module and only read; tests that write use short excerpts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from config.settings import Settings
from index import keyword_index
from index.corpus_index import CorpusIndex, DocumentFilter, IndexBusy
from index.embeddings import LocalSentenceEmbeddings
from index.fact_store import PENDING, ChunkRecord, FactQuery
from index.ingestion import ingest_paths, remove_documents
from index.retriever import HybridRetriever
from ingest.lexicon import indexed_terms
from ingest.pipeline import parse_file

REPO = Path(__file__).resolve().parents[2]
LANGFANG_DEPARTMENT = "中共廊坊市委政法委员会"
VARIANT_DEPARTMENT = "中共廊坊市委宣传部"  # the re-labelled copy (conftest.variant_text), year 2021
QUERIES = ["公务接待费是多少", "机房升级项目经费的成本指标", "政府采购预算安排了多少", "固定资产总额"]


def retrieve(index: CorpusIndex, query: str, where: DocumentFilter = DocumentFilter(), mode: str = "hybrid", k: int = 8):
    return HybridRetriever(index=index, k=k, where=where, mode=mode).invoke(query)


def keyword_doc_ids(index: CorpusIndex, query: str = "公务接待费 三公经费 部门预算 收入") -> set[str]:
    return {hit.doc_id for hit in index.keywords.search(query, 1000)}


def assert_gone(index: CorpusIndex, doc_id: str) -> None:
    """`doc_id` has no trace in SQL or Chroma."""
    assert index.facts.document(doc_id) is None
    assert index.facts.text(doc_id) is None
    assert index.facts.chunks_of_any_status(doc_id) == []
    assert index.facts.sections(doc_id) == []
    assert index.facts.facts(FactQuery(doc_ids=(doc_id,))) == []
    assert index.vectors.count(doc_id) == 0
    assert doc_id not in index.vectors.doc_ids()


# ---------------------------------------------------------------- two departments, ingested once


@pytest.fixture(scope="module")
def two_departments(
    tmp_path_factory: pytest.TempPathFactory,
    embeddings: LocalSentenceEmbeddings,
    index_at: Callable[..., CorpusIndex],
    langfang_path: Path,
    variant_path: Path,
) -> Iterator[tuple[CorpusIndex, dict[str, str]]]:
    index = index_at(tmp_path_factory.mktemp("two-departments") / "data", embeddings)
    report = ingest_paths(index, [langfang_path, variant_path])
    assert report.ok, report.failed
    assert sorted(report.added) == sorted([langfang_path.name, variant_path.name])
    ids = {d.department: d.doc_id for d in index.documents()}
    yield index, ids
    index.close()


def test_corpus_index_two_departments_in_all_stores(two_departments, langfang_doc) -> None:
    index, ids = two_departments
    docs = {d.department: d for d in index.documents()}
    assert set(docs) == {LANGFANG_DEPARTMENT, VARIANT_DEPARTMENT}
    assert (docs[LANGFANG_DEPARTMENT].year, docs[VARIANT_DEPARTMENT].year) == (2020, 2021)
    assert ids[LANGFANG_DEPARTMENT] == langfang_doc.meta.doc_id
    for doc_id in ids.values():
        chunks = index.facts.chunks([doc_id])
        assert len(chunks) == len(langfang_doc.chunks)
        assert index.vectors.count(doc_id) == len(chunks)
    assert index.vectors.count() == 2 * len(langfang_doc.chunks)
    assert index.vectors.doc_ids() == set(ids.values())
    assert index.keywords.is_current({c.chunk_id for c in index.facts.chunks()})


@pytest.mark.parametrize("mode", ["hybrid", "dense", "keyword"])
def test_corpus_index_filter_isolates_department_in_retriever(two_departments, mode: str) -> None:
    index, ids = two_departments
    unfiltered = {d.metadata["department"] for q in QUERIES for d in retrieve(index, q, mode=mode)}
    assert unfiltered == {LANGFANG_DEPARTMENT, VARIANT_DEPARTMENT}  # without a filter both answer
    for department, year in ((LANGFANG_DEPARTMENT, 2020), (VARIANT_DEPARTMENT, 2021)):
        for query in QUERIES:
            found = retrieve(index, query, DocumentFilter(department=department), mode=mode)
            assert found, (department, query)
            assert {d.metadata["doc_id"] for d in found} == {ids[department]}
            assert {(d.metadata["department"], d.metadata["year"]) for d in found} == {(department, year)}


def test_the_assistants_default_retrieval_never_loads_the_embedding_model(two_departments, index_at) -> None:
    index, ids = two_departments
    unloaded = LocalSentenceEmbeddings("auto")
    reader = index_at(index.lock_path.parent, unloaded)  # a second process's view: a server that only answers
    try:
        mode = Settings(_env_file=None).assistant_config().retrieval_mode
        found = retrieve(reader, "公务接待费是多少", DocumentFilter(department=LANGFANG_DEPARTMENT), mode=mode)
        assert found and {d.metadata["doc_id"] for d in found} == {ids[LANGFANG_DEPARTMENT]}
        assert "_encode" not in vars(unloaded)  # no query embedding: the model was never loaded
    finally:
        reader.close()


def test_corpus_index_filter_isolates_year_in_retriever(two_departments) -> None:
    index, ids = two_departments
    for year, department in ((2020, LANGFANG_DEPARTMENT), (2021, VARIANT_DEPARTMENT)):
        found = retrieve(index, "公务接待费", DocumentFilter(year=year))
        assert found and {d.metadata["doc_id"] for d in found} == {ids[department]}
        assert {d.metadata["year"] for d in found} == {year}
    assert retrieve(index, "公务接待费", DocumentFilter(department=VARIANT_DEPARTMENT, year=2020)) == []
    assert retrieve(index, "公务接待费", DocumentFilter(year=2019)) == []


def test_corpus_index_filter_isolates_facts(two_departments, langfang_doc) -> None:
    index, ids = two_departments
    everything = index.facts.facts(FactQuery(subject="公务接待费"))
    assert sorted((f.department, f.year, f.value) for f in everything) == sorted(
        [(LANGFANG_DEPARTMENT, 2020, Decimal("0.63")), (VARIANT_DEPARTMENT, 2021, Decimal("0.63"))]
    )
    for department, year in ((LANGFANG_DEPARTMENT, 2020), (VARIANT_DEPARTMENT, 2021)):
        where = DocumentFilter(department=department, year=year)
        doc_ids = tuple(d.doc_id for d in index.documents(where))
        assert doc_ids == (ids[department],)
        by_filter = index.facts.facts(FactQuery(doc_ids=doc_ids))
        by_fields = index.facts.facts(FactQuery(department=department, year=year))
        assert len(by_filter) == len(langfang_doc.facts)
        assert [f.id for f in by_filter] == [f.id for f in by_fields]
        assert {(f.doc_id, f.department, f.year) for f in by_filter} == {(ids[department], department, year)}
        lease = index.facts.facts(FactQuery(department=department, year=year, subject="政法三、四级网带宽线路租用经费", measure="成本指标"))
        assert [(f.value, f.qualifier, f.amount_wan) for f in lease] == [(Decimal("1037"), "≤", Decimal("1037"))]
    assert index.facts.facts(FactQuery(department=VARIANT_DEPARTMENT, year=2020)) == []


def test_corpus_index_reingest_same_file_is_noop(two_departments, langfang_path: Path, variant_path: Path) -> None:
    index, _ = two_departments
    before = (index.vectors.count(), len(index.facts.facts()), len(index.facts.chunks()), index.documents())
    report = ingest_paths(index, [langfang_path, variant_path])
    assert report.ok and report.added == [] and report.replaced == []
    assert sorted(report.unchanged) == sorted([langfang_path.name, variant_path.name])
    after = (index.vectors.count(), len(index.facts.facts()), len(index.facts.chunks()), index.documents())
    assert after == before  # same vectors, facts, chunks and ingest times


# ---------------------------------------------------------------- writes, on short excerpts


def test_corpus_index_add_same_document_twice_keeps_one_copy(make_index: Callable[..., CorpusIndex], small_paths) -> None:
    index = make_index()
    doc = parse_file(small_paths[0])
    with index.writing():
        assert index.add(doc) == []
        counts = (index.vectors.count(), len(index.facts.facts()), len(index.facts.chunks()))
        assert index.add(doc) == []
        index.refresh_keywords()
    assert counts == (len(doc.chunks), len(doc.facts), len(doc.chunks))
    assert (index.vectors.count(), len(index.facts.facts()), len(index.facts.chunks())) == counts
    assert [d.doc_id for d in index.documents()] == [doc.meta.doc_id]


def test_corpus_index_changed_file_replaces_old_version(
    make_index: Callable[..., CorpusIndex], small_paths, tmp_path: Path
) -> None:
    index = make_index()
    path = tmp_path / "dept-budget.txt"
    original = small_paths[0].read_text(encoding="utf-8")
    assert "公务接待费0.63万元" in original
    path.write_text(original, encoding="utf-8")
    first = ingest_paths(index, [path])
    assert first.added == [path.name]
    (old,) = [d.doc_id for d in index.documents()]

    path.write_text(original.replace("公务接待费0.63万元", "公务接待费0.73万元"), encoding="utf-8")
    second = ingest_paths(index, [path])
    assert second.replaced == [path.name] and second.added == []
    (new,) = [d.doc_id for d in index.documents()]
    assert new != old

    assert_gone(index, old)
    assert index.vectors.doc_ids() == {new}
    assert index.vectors.count() == index.vectors.count(new) == len(index.facts.chunks([new]))
    assert keyword_doc_ids(index) == {new}
    reception = index.facts.facts(FactQuery(subject="公务接待费"))
    assert [(f.doc_id, f.value) for f in reception] == [(new, Decimal("0.73"))]
    assert {d.metadata["doc_id"] for d in retrieve(index, "公务接待费")} == {new}


def test_documents_named_by_id_come_in_the_stores_order_and_each_list_is_the_callers(
    make_index: Callable[..., CorpusIndex], small_paths
) -> None:
    index = make_index(chunk_vectors="on-demand")
    assert ingest_paths(index, list(small_paths)).ok
    every = index.documents()
    ids = [d.doc_id for d in every]
    assert len(ids) == 2
    assert index.documents(DocumentFilter(doc_ids=(*reversed(ids), "missing"))) == every
    assert index.documents(DocumentFilter(doc_id=ids[1])) == [every[1]]
    assert index.documents(DocumentFilter(doc_ids=(ids[0],), doc_id=ids[1])) == []
    assert index.documents(DocumentFilter(doc_ids=tuple(ids), year=every[1].year)) == [every[1]]
    every.clear()  # the caller's own list: the index's stays whole
    assert [d.doc_id for d in index.documents()] == ids


def test_corpus_index_remove_from_all_stores(make_index: Callable[..., CorpusIndex], small_paths) -> None:
    index = make_index()
    assert ingest_paths(index, list(small_paths)).ok
    ids = {d.department: d.doc_id for d in index.documents()}
    gone, kept = ids[VARIANT_DEPARTMENT], ids[LANGFANG_DEPARTMENT]
    kept_chunks = len(index.facts.chunks([kept]))

    with index.writing():
        index.remove([gone])
        # SQL and Chroma at once; readers never see the removed document even before BM25 is rebuilt
        assert_gone(index, gone)
        assert {d.metadata["doc_id"] for q in QUERIES for d in retrieve(index, q)} == {kept}
        index.refresh_keywords()
    assert keyword_doc_ids(index) == {kept}
    assert index.keywords.is_current({c.chunk_id for c in index.facts.chunks()})
    assert index.vectors.count() == index.vectors.count(kept) == kept_chunks
    assert [d.doc_id for d in index.documents()] == [kept]


def test_keyword_refresh_tokenizes_only_what_was_written_and_recover_restores_a_lost_index(
    make_index: Callable[..., CorpusIndex], small_paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = make_index()
    assert ingest_paths(index, [small_paths[0]]).ok
    (first,) = [d.doc_id for d in index.documents()]
    tokenized: list[str] = []

    def counted(text: str) -> list[str]:
        tokenized.append(text)
        return indexed_terms(text)

    monkeypatch.setattr(keyword_index, "indexed_terms", counted)
    assert ingest_paths(index, [small_paths[1]]).ok
    (second,) = [d.doc_id for d in index.documents() if d.doc_id != first]
    assert sorted(tokenized) == sorted(c.text for c in index.facts.chunks([second]))  # not the first document's
    tokenized.clear()
    remove_documents(index, [first])
    assert tokenized == [] and keyword_doc_ids(index) == {second}

    shutil.rmtree(index.keywords.folder)  # lost (or written by an older version): recovery indexes it all again
    assert keyword_doc_ids(index) == set()
    with index.writing():
        index.recover()
    assert keyword_doc_ids(index) == {second}
    assert index.keywords.is_current({c.chunk_id for c in index.facts.chunks()})


def test_change_listeners_hear_own_and_other_writers(make_index: Callable[..., CorpusIndex], small_paths) -> None:
    """A cache keyed by document (the assistant's source texts) hears every add and removal: its own
    process's and another writer's on the same data dir, which it notices on the next question."""
    reader, writer = make_index(), make_index()
    heard: list[int] = []
    reader.on_change(lambda: heard.append(len(reader.facts.documents())))
    with reader.reading():
        pass
    assert heard == []  # opening is not a change
    assert ingest_paths(writer, [small_paths[0]]).ok
    assert heard == []  # another writer is noticed when this index is next read
    with reader.reading():
        pass
    assert heard == [1]
    remove_documents(reader, [d.doc_id for d in reader.documents()])
    assert heard == [1, 0]
    with reader.writing():  # a write that changes nothing is not a change
        pass
    assert heard == [1, 0]


def test_corpus_index_recover_deletes_pending_and_orphans(make_index: Callable[..., CorpusIndex], small_paths) -> None:
    index = make_index()
    assert ingest_paths(index, [small_paths[0]]).ok
    (ready,) = [d.doc_id for d in index.documents()]
    ready_chunks = len(index.facts.chunks([ready]))

    # a crash between "vectors written" and "mark ready"
    doc = parse_file(small_paths[1])
    pending = doc.meta.doc_id
    index.facts.add_pending(doc)
    meta = {pending: {"department": doc.meta.department, "year": doc.meta.year, "doc_kind": str(doc.meta.kind)}}
    index.vectors.add(index.facts.chunks_of_any_status(pending), meta)
    # and vectors whose SQL rows are already gone
    orphan = "0123456789abcdef"
    records = [ChunkRecord(f"orphan-{i}", orphan, c.text, c.heading, c.kind, list(c.spans), None, None) for i, c in enumerate(doc.chunks[:2])]
    index.vectors.add(records, {orphan: {"department": "孤儿部门", "year": 2021, "doc_kind": "部门预算"}})

    assert [d.doc_id for d in index.facts.documents(status=PENDING)] == [pending]
    assert [d.doc_id for d in index.documents()] == [ready]  # readers see ready documents only
    assert retrieve(index, "公务接待费", DocumentFilter(department=VARIANT_DEPARTMENT)) == []
    assert index.vectors.count(pending) == len(doc.chunks) and index.vectors.count(orphan) == 2

    with index.writing():
        removed = index.recover()
    assert removed == sorted([pending, orphan])
    assert_gone(index, pending)
    assert_gone(index, orphan)
    assert index.facts.documents(status=PENDING) == []
    assert keyword_doc_ids(index) == {ready}
    assert index.keywords.is_current({c.chunk_id for c in index.facts.chunks()})
    assert index.vectors.count() == index.vectors.count(ready) == ready_chunks
    with index.writing():
        assert index.recover() == []  # nothing left to clean


def test_ingest_stores_the_source_audit_with_the_document(make_index: Callable[..., CorpusIndex], tmp_path: Path) -> None:
    path = tmp_path / "audited-2025.txt"
    path.write_text("上海市普陀区某某街道办事处\n\n2025年部门预算\n\n2025年“三公”经费预算数为10万元。其中：因公出国（境）费3万元，"
                    "公务用车购置及运行费4万元，公务接待费2万元。\n", encoding="utf-8")
    index = make_index()
    assert ingest_paths(index, [path]).ok
    (doc_id,) = [d.doc_id for d in index.documents()]
    stored = index.facts.findings(doc_id)
    assert stored == parse_file(path).findings and [f.rule.value for f in stored] == ["sum.three_public"]
    remove_documents(index, [doc_id])
    assert index.facts.findings(doc_id) == []


# ---------------------------------------------------------------- one writer at a time


def test_corpus_index_second_writer_in_same_process_is_busy(
    make_index: Callable[..., CorpusIndex],
    index_at: Callable[..., CorpusIndex],
    embeddings: LocalSentenceEmbeddings,
    tmp_path: Path,
    small_paths,
) -> None:
    first = make_index()
    second = index_at(tmp_path / "data", embeddings)  # same data dir, its own lock file descriptor
    try:
        with first.writing():
            with pytest.raises(IndexBusy, match="another ingest"):
                with second.writing():
                    pytest.fail("second writer got the lock")
            with pytest.raises(IndexBusy):
                with first.writing():  # flock is per open file description: a re-entry conflicts too
                    pytest.fail("nested writer got the lock")
            with pytest.raises(IndexBusy):
                ingest_paths(second, [small_paths[0]])
        assert second.documents() == [] and second.vectors.count() == 0
        with second.writing():  # released when the first writer leaves
            pass
    finally:
        second.close()


WORKER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from index.corpus_index import CorpusIndex, IndexBusy
    class Marker:  # writing() needs only the lock path and the fact store's change marker
        def generation(self):
            return (0, "")
    index = CorpusIndex(Marker(), None, None, Path(sys.argv[2]))
    held = None
    print("ready", flush=True)
    for command in sys.stdin:
        command = command.strip()
        try:
            if command == "try":
                with index.writing():
                    pass
            elif command == "hold":
                held = index.writing()
                held.__enter__()
            elif command == "release":
                held.__exit__(None, None, None)
            print("ok", flush=True)
        except IndexBusy:
            print("busy", flush=True)
    """
)


def test_corpus_index_second_writer_in_other_process_is_busy(make_index: Callable[..., CorpusIndex]) -> None:
    index = make_index()
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(REPO), str(index.lock_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )

    def ask(command: str) -> str:
        worker.stdin.write(command + "\n")
        worker.stdin.flush()
        return worker.stdout.readline().strip()

    try:
        assert worker.stdout.readline().strip() == "ready"
        with index.writing():
            assert ask("try") == "busy"
        assert ask("try") == "ok"
        assert ask("hold") == "ok"
        with pytest.raises(IndexBusy):
            with index.writing():
                pass
        assert ask("release") == "ok"
        with index.writing():
            pass
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)


def test_a_question_in_flight_sees_one_state_and_the_vector_client_is_never_reopened_for_own_writes(
        make_index: Callable[..., CorpusIndex], small_paths) -> None:
    """In one process (the API server), a reader holding `reading()` sees no document turn ready or go away,
    a writer's change waits for it, and the process's own writes never re-open the embedded Chroma client."""
    index = make_index()
    assert ingest_paths(index, [small_paths[0]]).added
    reopened: list[int] = []
    reopen = index._reopen_vectors  # noqa: SLF001 - counted, not replaced
    index._reopen_vectors = lambda: (reopened.append(1), reopen())[1]  # noqa: SLF001
    entered, seen, failures = threading.Event(), [], []

    def reader() -> None:
        try:
            with index.reading():
                entered.set()
                for _ in range(10):
                    seen.append(len(index.documents()))
                    retrieve(index, "公务接待费是多少")  # nested reading() in the same thread: no deadlock
                    time.sleep(0.1)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    assert entered.wait(30)
    report = ingest_paths(index, [small_paths[1]])  # its 'ready' waits for the reader to finish
    thread.join(timeout=30)
    assert report.added and not failures, failures
    assert seen == [1] * 10, f"a question in flight saw the index change: {seen}"
    assert len(index.documents()) == 2
    with index.writing():
        index.remove([index.documents()[0].doc_id])
        index.refresh_keywords()
    for _ in range(3):
        retrieve(index, "公务接待费是多少")  # each retrieval syncs: nothing to re-open after our own writes
    assert reopened == []


def test_a_failed_write_leaves_no_pending_row(make_index: Callable[..., CorpusIndex], small_paths, monkeypatch) -> None:
    """An upload that fails while storing (here: the vector store refuses) is gone from every store at once,
    not left pending for the next ingest to find."""
    index = make_index()

    def refuse(*_args) -> None:
        raise RuntimeError("vector store unavailable")

    monkeypatch.setattr(index.vectors, "add", refuse)
    with pytest.raises(RuntimeError, match="unavailable"):
        ingest_paths(index, [small_paths[0]])
    monkeypatch.undo()
    doc_id = parse_file(small_paths[0]).meta.doc_id
    assert index.facts.documents(status=PENDING) == [] and index.facts.chunks_of_any_status(doc_id) == []
    assert index.vectors.count() == 0
    assert ingest_paths(index, [small_paths[0]]).added  # and the next try stores it
