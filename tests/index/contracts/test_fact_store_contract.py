"""The fact store's contract (index.stores.FactBackend): one suite, run on SQLite and on PostgreSQL.

The session fixture `postgres` (tests/conftest.py) starts a throwaway PostgreSQL cluster; every PostgreSQL
test gets a fresh database. Install the server with scripts/install_system_deps.sh (run by make test).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy

from config.settings import Settings
from index.corpus_index import CorpusIndex
from index.fact_store import PENDING, READY, FactQuery, FactStore, StoreSchemaError
from index.ingestion import ingest_paths
from index.stores import FactBackend
from ingest.audit.findings import Finding, RuleId, Severity, SourceQuote
from ingest.model import FormField, ParsedDocument
from ingest.pipeline import MetaOverrides, parse_file
from tests.reliability.reliability_support import write_small_docs
from tests.servers import PostgresCluster


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """One fresh, empty fact database per test, of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'facts.sqlite3'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    name = cluster.create_database()
    try:
        yield cluster.url(name)
    finally:
        cluster.drop_database(name)


@pytest.fixture
def store(database_url: str) -> Iterator[FactStore]:
    facts = FactStore(database_url)
    try:
        yield facts
    finally:
        facts.close()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory, small_paths) -> list[ParsedDocument]:
    """Three small documents: 政法委 2020, 宣传部 2021 (conftest) and 财政局 2022 (re-labelled)."""
    extra = write_small_docs(tmp_path_factory.mktemp("pg-docs"), 2, small_paths[0], start_year=2021)[1]
    return [parse_file(p) for p in (*small_paths, extra)]


def _fact_key(f) -> tuple:
    return (f.subject, f.measure, Decimal(f.value), f.unit, f.qualifier, f.start, f.end, f.origin, f.page)


def _grouped(rows: list[tuple]) -> list[tuple]:
    """(order key, facts) runs: the store orders by department, year, doc_id, start; facts sharing a start
    (a table row's 数量 and 价值) may come in any order within their run."""
    runs: list[tuple] = []
    for key, fact in rows:
        if runs and runs[-1][0] == key:
            runs[-1][1].append(fact)
        else:
            runs.append((key, [fact]))
    return [(key, sorted(facts, key=repr)) for key, facts in runs]


def _stored(records) -> list[tuple]:
    return _grouped([((r.department, r.year, r.doc_id, r.start), _fact_key(r)) for r in records])


def _expected_facts(docs: list[ParsedDocument], keep: Callable[[ParsedDocument, object], bool] = lambda d, f: True) -> list[tuple]:
    rows = [((d.meta.department, d.meta.year, d.meta.doc_id, f.start), _fact_key(f)) for d in docs for f in d.facts if keep(d, f)]
    return _grouped(sorted(rows, key=lambda r: r[0]))


# ---------------------------------------------------------------- the shared suite (each test runs on both backends)


def test_the_store_keeps_the_contract(store: FactStore) -> None:
    assert isinstance(store, FactBackend)


def test_pending_documents_are_invisible_until_ready(store: FactStore, docs: list[ParsedDocument]) -> None:
    doc = docs[0]
    doc_id = doc.meta.doc_id
    empty = store.generation()
    store.add_pending(doc)
    assert store.documents() == [] and store.facts() == [] and store.chunks() == [] and store.chunk_ids() == set()
    (pending,) = store.documents(status=PENDING)
    assert pending.doc_id == doc_id and pending.status == PENDING
    assert [c.chunk_id for c in store.chunks_of_any_status(doc_id)] == sorted(c.id for c in doc.chunks)
    written = store.generation()
    store.mark_ready(doc_id)
    assert len({empty, written, store.generation()}) == 3  # a reader caching the document list sees it turn ready
    assert store.chunk_ids() == {c.id for c in doc.chunks}
    (ready,) = store.documents()
    assert ready.status == READY and store.documents(status=PENDING) == []
    meta = doc.meta
    assert (ready.title, ready.department, ready.year, ready.kind, ready.source, ready.sha256, ready.format) == (
        meta.title, meta.department, meta.year, str(meta.kind), meta.source, meta.sha256, meta.format)
    assert isinstance(ready.ingested_at, datetime)
    assert store.document(doc_id) == ready and store.document("missing") is None
    assert store.text(doc_id) == doc.text and store.text("missing") is None
    assert store.page_starts(doc_id) == list(doc.page_starts) and store.page_starts("missing") == []
    sections = store.sections(doc_id)
    assert [(s["section_id"], s["title"], s["level"], s["start"], s["end"], s["path"]) for s in sections] == [
        (s.id, s.title, s.level, s.start, s.end, list(s.path)) for s in doc.sections]


def test_facts_and_chunks_round_trip_exactly(store: FactStore, docs: list[ParsedDocument]) -> None:
    for doc in docs:
        store.add_pending(doc)
        store.mark_ready(doc.meta.doc_id)
    assert _stored(store.facts()) == _expected_facts(docs)
    stored = store.facts(FactQuery(doc_ids=(docs[0].meta.doc_id,)))
    by_span = {(f.start, f.end, f.measure): f for f in docs[0].facts}
    for record in stored:
        original = by_span[(record.start, record.end, record.measure)]
        assert record.value == original.value and str(record.value) == str(original.value)  # Decimal, exact as printed
        assert record.amount_wan == original.amount_wan
        assert (record.department, record.year, record.source) == (docs[0].meta.department, docs[0].meta.year, docs[0].meta.source)
    chunks = store.chunks()
    expected = {c.id: c for d in docs for c in d.chunks}
    assert sorted(c.chunk_id for c in chunks) == sorted(expected)
    for c in chunks:
        e = expected[c.chunk_id]
        assert (c.doc_id, c.text, c.heading, c.kind, c.spans, c.section_id, c.page) == (
            e.doc_id, e.text, e.heading, e.kind, [tuple(s) for s in e.spans], e.section_id, e.page)
    assert {c.doc_id for c in store.chunks([docs[1].meta.doc_id])} == {docs[1].meta.doc_id}
    picked = [docs[0].chunks[0].id, docs[1].chunks[-1].id]
    assert [c.chunk_id for c in store.chunks(chunk_ids=picked)] == sorted(picked)
    assert [c.chunk_id for c in store.chunks([docs[1].meta.doc_id], chunk_ids=picked)] == [docs[1].chunks[-1].id]


def test_a_documents_facts_read_whole_are_its_rows(store: FactStore, docs: list[ParsedDocument]) -> None:
    """One document's facts read at once (its packed records) equal its rows read by query, field for field; none
    while it is pending or once it is deleted; its rows where the records are missing (a database written before)."""
    store.add_pending(docs[0])
    assert store.document_facts(docs[0].meta.doc_id) == []  # pending: invisible
    for doc in docs[1:]:
        store.add_pending(doc)
    for doc in docs:
        store.mark_ready(doc.meta.doc_id)
    for doc in docs:
        rows = store.facts(FactQuery(doc_ids=(doc.meta.doc_id,), limit=100_000))
        assert rows and store.document_facts(doc.meta.doc_id) == rows
    with store.engine.begin() as conn:
        conn.execute(sqlalchemy.text("DELETE FROM fact_records WHERE doc_id = :d"), {"d": docs[1].meta.doc_id})
    assert store.document_facts(docs[1].meta.doc_id) == store.facts(FactQuery(doc_ids=(docs[1].meta.doc_id,), limit=100_000))
    store.delete([docs[2].meta.doc_id])
    assert store.document_facts(docs[2].meta.doc_id) == []


def test_fact_filters(store: FactStore, docs: list[ParsedDocument]) -> None:
    for doc in docs:
        store.add_pending(doc)
        store.mark_ready(doc.meta.doc_id)
    copy_id = "pendingcopy00000"
    pending = replace(docs[0], meta=replace(docs[0].meta, doc_id=copy_id, sha256="0" * 64),
                      chunks=[replace(c, id=f"p{c.id[1:]}", doc_id=copy_id) for c in docs[0].chunks])
    store.add_pending(pending)  # a pending copy's facts never show up in any query
    cases = {
        FactQuery(department="宣传"): lambda d, f: "宣传" in d.meta.department,
        FactQuery(year=2020): lambda d, f: d.meta.year == 2020,
        FactQuery(doc_ids=(docs[2].meta.doc_id, "nope")): lambda d, f: d is docs[2],
        FactQuery(doc_ids=()): lambda d, f: False,
        FactQuery(subject="公务接待费"): lambda d, f: "公务接待费" in f.subject,
        FactQuery(measure=docs[0].facts[0].measure): lambda d, f: docs[0].facts[0].measure in f.measure,
        FactQuery(text="固定资产"): lambda d, f: "固定资产" in f.subject or "固定资产" in f.context,
        FactQuery(department="廊坊", year=2021, subject="经费"): lambda d, f: d.meta.year == 2021 and "经费" in f.subject,
        FactQuery(subject="天气预报"): lambda d, f: False,
    }
    for query, keep in cases.items():
        assert _stored(store.facts(query)) == _expected_facts(docs, keep), query
        expected = sum(1 for d in docs for f in d.facts if keep(d, f))
        assert store.count_facts(query) == store.count_facts(replace(query, limit=1, offset=5)) == expected, query
        assert store.has_facts(query) is (expected > 0), query


def test_fact_pages_are_stable(store: FactStore, docs: list[ParsedDocument]) -> None:
    """/api/facts pages with limit/offset: the pages together must be the full list, each fact once, in order."""
    for doc in docs:
        store.add_pending(doc)
        store.mark_ready(doc.meta.doc_id)
    everything = [f.id for f in store.facts()]
    assert len(everything) == sum(len(d.facts) for d in docs)
    for size in (1, 2, 3, 5, 7, 10):  # ties on start (a table row's 数量/价值) once made PostgreSQL pages repeat/skip facts
        paged = [f.id for offset in range(0, len(everything), size) for f in store.facts(FactQuery(limit=size, offset=offset))]
        assert paged == everything, f"pages of {size}: {len(paged) - len(set(paged))} repeated, {len(set(everything) - set(paged))} missing"


def test_ingested_at_is_timezone_aware(store: FactStore, docs: list[ParsedDocument]) -> None:
    store.add_pending(docs[0])
    store.mark_ready(docs[0].meta.doc_id)
    (record,) = store.documents()
    assert record.ingested_at.tzinfo is not None  # SQLite used to return it naive (no offset in /api/documents)
    assert abs((datetime.now(UTC) - record.ingested_at).total_seconds()) < 300


def test_form_fields_round_trip_once_ready_and_go_with_their_document(store: FactStore, docs: list[ParsedDocument]) -> None:
    stated = [FormField(3, "示例驿站建设", "项目性质", 40, 45, 50), FormField(3, "示例驿站建设", "项目总目标", 60, 70, 90)]
    with_forms = replace(docs[0], form_fields=stated)
    store.add_pending(with_forms)
    assert store.form_fields([with_forms.meta.doc_id]) == []  # pending: not yet
    store.mark_ready(with_forms.meta.doc_id)
    store.add_pending(docs[1])
    store.mark_ready(docs[1].meta.doc_id)
    found = store.form_fields([with_forms.meta.doc_id, docs[1].meta.doc_id])
    assert [(f.doc_id, f.table_id, f.project, f.name, f.label_start, f.start, f.end) for f in found] == [
        (with_forms.meta.doc_id, f.table_id, f.project, f.name, f.label_start, f.start, f.end) for f in stated]
    assert store.form_fields([docs[1].meta.doc_id]) == [] and store.form_fields([]) == []
    store.delete([with_forms.meta.doc_id])
    assert store.form_fields([with_forms.meta.doc_id]) == []


def test_sub_unit_scopes_and_stated_periods_are_read_of_ready_documents(store: FactStore, docs: list[ParsedDocument]) -> None:
    first, second = docs[0], docs[1]
    scoped = replace(first, facts=[replace(f, scope="示例市公路事业发展中心" if i % 2 else None, period=2018 if i == 0 else f.period)
                                   for i, f in enumerate(first.facts)])
    store.add_pending(scoped)
    assert store.sub_unit_scopes([scoped.meta.doc_id]) == {} and store.stating_period([scoped.meta.doc_id], 2018) == set()
    store.mark_ready(scoped.meta.doc_id)
    store.add_pending(second)
    store.mark_ready(second.meta.doc_id)
    ids = [scoped.meta.doc_id, second.meta.doc_id]
    assert store.sub_unit_scopes(ids) == {scoped.meta.doc_id: {"示例市公路事业发展中心"}}
    assert store.stating_period(ids, 2018) == {scoped.meta.doc_id} and store.stating_period(ids, 1999) == set()
    assert store.sub_unit_scopes([]) == {} and store.stating_period([], 2018) == set()


def test_delete_removes_one_document_and_only_it(store: FactStore, docs: list[ParsedDocument]) -> None:
    for doc in docs:
        store.add_pending(doc)
        store.mark_ready(doc.meta.doc_id)
    gone, kept = docs[1].meta.doc_id, [d.meta.doc_id for d in (docs[0], docs[2])]
    store.delete([gone, "never-existed"])
    store.delete([])
    assert sorted(d.doc_id for d in store.documents()) == sorted(kept)
    assert store.text(gone) is None and store.sections(gone) == [] and store.chunks_of_any_status(gone) == []
    assert store.facts(FactQuery(doc_ids=(gone,))) == []
    assert _stored(store.facts()) == _expected_facts([docs[0], docs[2]])


FINDING = Finding(rule=RuleId.TWO_AMOUNTS, severity=Severity.WARNING, message="同一段落中“住房公积金”有两个金额。",
                  figures=[208.8, 201.5], citations=[SourceQuote(quote="住房公积金208.8万元", start=3, end=16, page=9),
                                                     SourceQuote(quote="预算安排201.50万元", start=30, end=43, page=None)])


def test_findings_are_kept_and_removed_with_their_document(store: FactStore, docs: list[ParsedDocument]) -> None:
    doc = replace(docs[0], findings=[FINDING, FINDING.model_copy(update={"severity": Severity.INFO})])
    doc_id = doc.meta.doc_id
    store.add_pending(doc)
    assert store.findings(doc_id) == []  # pending: invisible like the rest of the document
    store.mark_ready(doc_id)
    assert store.findings(doc_id) == doc.findings and store.findings("missing") == []
    store.delete([doc_id])
    assert store.findings(doc_id) == []
    store.add_pending(doc)  # rewritten after a removal: the old rows are not found twice
    store.mark_ready(doc_id)
    assert store.findings(doc_id) == doc.findings


def test_a_findings_table_of_an_older_version_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = sqlalchemy.create_engine(url)
    with old.begin() as conn:
        conn.execute(sqlalchemy.text("CREATE TABLE findings (id INTEGER PRIMARY KEY, doc_id VARCHAR(32), rule VARCHAR(32))"))
    old.dispose()
    with pytest.raises(StoreSchemaError, match="findings.citations"):
        FactStore(url)


def test_corpus_index_add_recover_remove(database_url: str, tmp_path: Path, embeddings, small_paths, docs) -> None:
    """The whole CorpusIndex write protocol with the fact store on this backend (vectors and BM25 on disk)."""
    settings = Settings(_env_file=None, data_dir=tmp_path / "data", database_url=database_url, chunk_vectors="at-ingest")
    index = CorpusIndex.open(settings.index_config(), embeddings)
    try:
        report = ingest_paths(index, [small_paths[0]])
        assert report.ok and report.added and index.facts.engine.url.render_as_string(hide_password=False) == database_url
        (doc_id,) = [d.doc_id for d in index.documents()]
        assert index.vectors.count(doc_id) == len(docs[0].chunks)
        crashed = docs[1]  # as a crash after the vectors but before 'ready' leaves it
        index.facts.add_pending(crashed)
        meta = {crashed.meta.doc_id: {"department": crashed.meta.department, "year": crashed.meta.year, "doc_kind": "部门预算"}}
        index.vectors.add(index.facts.chunks_of_any_status(crashed.meta.doc_id), meta)
        assert {d.doc_id for d in index.documents()} == {doc_id}  # never visible
        with index.writing():
            assert index.recover() == [crashed.meta.doc_id]
        assert index.facts.documents(status=PENDING) == [] and index.vectors.doc_ids() == {doc_id}
        assert index.keywords.is_current({c.chunk_id for c in index.facts.chunks()})
        assert ingest_paths(index, [small_paths[0]]).unchanged == [small_paths[0].name]
        with index.writing():
            index.remove([doc_id])
            index.refresh_keywords()
        assert index.documents() == [] and index.vectors.count() == 0 and index.facts.facts() == []
    finally:
        index.close()
        index.vectors.client.close()


@pytest.mark.parametrize("case", ["long department override", "45-digit figure"])
def test_unusual_but_valid_documents_store_the_same_on_both_backends(case: str, store: FactStore, tmp_path: Path) -> None:
    path = tmp_path / "unusual.txt"
    figure = "1234567890123456789012345678901234567890123.5" if case == "45-digit figure" else "0.63"
    path.write_text(f"廊坊市测试局\n\n2020年部门预算\n\n公务接待费{figure}万元。\n", encoding="utf-8")
    overrides = MetaOverrides(department="廊坊市" + "某" * 250 + "局") if case == "long department override" else MetaOverrides()
    doc = parse_file(path, overrides=overrides)  # parsing accepts it, so storing must too (or parsing must refuse it)
    store.add_pending(doc)  # VARCHAR(200)/(40) columns once made PostgreSQL alone refuse these (DataError)
    store.mark_ready(doc.meta.doc_id)
    (record,) = store.documents()
    assert record.department == doc.meta.department
    assert [f.value for f in store.facts()] == [f.value for f in doc.facts]


def test_backends_agree_on_letter_case(postgres: PostgresCluster, tmp_path: Path) -> None:
    """FactQuery substring filters must mean the same on every backend (ASCII appears in subjects: PPP, PM2.5…)."""
    path = tmp_path / "ascii.txt"
    path.write_text("廊坊市测试局\n\n2020年部门预算\n\nPPP项目支出12.5万元。\n", encoding="utf-8")
    doc = parse_file(path)
    assert [f.subject for f in doc.facts] == ["PPP项目支出"]
    name = postgres.create_database()
    stores = {"sqlite": FactStore(f"sqlite:///{tmp_path / 'case.sqlite3'}"), "postgresql": FactStore(postgres.url(name))}
    try:
        found = {}
        for backend, facts in stores.items():
            facts.add_pending(doc)
            facts.mark_ready(doc.meta.doc_id)
            found[backend] = len(facts.facts(FactQuery(subject="ppp")))
    finally:
        for facts in stores.values():
            facts.close()
        postgres.drop_database(name)
    assert found["sqlite"] == found["postgresql"], found  # LIKE was case-insensitive on SQLite only


def test_like_wildcards_in_filters_are_literal(store: FactStore, docs: list[ParsedDocument]) -> None:
    """A staff search for '%' or '_' (api/routes/facts.py ?q=) should find those characters, not match everything."""
    store.add_pending(docs[0])
    store.mark_ready(docs[0].meta.doc_id)
    literal = {w: [f for f in docs[0].facts if w in f.subject or w in f.context] for w in ("%", "_")}
    found = {w: store.facts(FactQuery(text=w)) for w in literal}
    assert len(found["%"]) < len(docs[0].facts), "FactQuery(text='%') matched every fact: % is a LIKE wildcard again"
    for w, containing in literal.items():  # icontains(..., autoescape=True) in FactStore.facts; without it this fails
        assert sorted(f.start for f in found[w]) == sorted(f.start for f in containing), \
            f"FactQuery(text={w!r}) matched {len(found[w])} facts; {len(containing)} contain it literally"
