"""What a question asks of the fact store is answered from indexes, not by reading every row (SQLite's plans)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from index.fact_store import FactQuery, FactStore
from ingest.pipeline import parse_file


@pytest.fixture
def store(tmp_path: Path, small_paths) -> Iterator[FactStore]:
    facts = FactStore(f"sqlite:///{tmp_path / 'facts.sqlite3'}")
    for path in small_paths:
        doc = parse_file(path)
        facts.add_pending(doc)
        facts.mark_ready(doc.meta.doc_id)
    yield facts
    facts.close()


def plans(store: FactStore, call: Callable[[], object]) -> list[str]:
    """SQLite's query plan of every statement `call` runs, one line per step."""
    ran: list[tuple[str, object]] = []
    record = lambda _conn, _cursor, statement, parameters, _context, _many: ran.append((statement, parameters))  # noqa: E731
    event.listen(store.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    with store.engine.connect() as conn:
        return [row[-1] for statement, parameters in ran
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]


def test_one_documents_facts_are_found_by_index(store: FactStore) -> None:
    doc_id = store.documents()[0].doc_id
    steps = plans(store, lambda: store.facts(FactQuery(doc_ids=(doc_id,), limit=100_000)))
    assert any(s.startswith("SEARCH facts USING INDEX ix_facts_doc_id") for s in steps), steps
    assert not any(s.startswith("SCAN") for s in steps), steps


def test_the_generation_asked_before_each_question_reads_an_index_not_the_documents(store: FactStore) -> None:
    steps = plans(store, store.generation)
    assert steps == ["SCAN documents USING COVERING INDEX ix_documents_status_ingested_at"], steps


def test_a_database_of_an_earlier_version_gains_the_index_when_opened(store: FactStore, tmp_path: Path) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_documents_status_ingested_at"))
    before = store.generation()
    reopened = FactStore(f"sqlite:///{tmp_path / 'facts.sqlite3'}")
    assert plans(reopened, reopened.generation) == ["SCAN documents USING COVERING INDEX ix_documents_status_ingested_at"]
    assert reopened.generation() == before
    reopened.close()


def test_a_document_is_looked_up_by_its_key(store: FactStore) -> None:
    doc_id = store.documents()[-1].doc_id
    steps = plans(store, lambda: store.document(doc_id))
    assert steps == ["SEARCH documents USING INDEX sqlite_autoindex_documents_1 (doc_id=?)"], steps
    assert store.document(doc_id).doc_id == doc_id and store.document("missing") is None


def test_whether_an_item_is_stated_reads_facts_in_no_order(store: FactStore) -> None:
    """Up to the first matching fact: no sort of every match, as listing them in document order needs."""
    steps = plans(store, lambda: store.has_facts(FactQuery(subject="公务接待费")))
    assert not any("ORDER BY" in s for s in steps), steps
    assert store.has_facts(FactQuery(subject="公务接待费")) and not store.has_facts(FactQuery(subject="天气预报"))


def test_one_question_reads_the_generation_once_and_sees_one_state(store: FactStore, tmp_path: Path, small_paths) -> None:
    """Inside `one_generation` the generation is read once, however often the caches ask (each read is a round trip
    to a database server), and a document another writer readies meanwhile is seen from the next question on."""
    ran: list[str] = []
    record = lambda _conn, _cursor, statement, *_: ran.append(statement)  # noqa: E731
    event.listen(store.engine, "before_cursor_execute", record)
    other = FactStore(str(store.engine.url))
    try:
        with store.one_generation():
            first = store.generation()
            doc = parse_file(small_paths[0])
            other.delete([doc.meta.doc_id])
            assert store.generation() == first and store.generation() == first
            with store.one_generation():  # a question asked inside another (reply's ask) keeps the outer one's
                assert store.generation() == first
        reads = sum("count(" in statement.lower() for statement in ran)
        assert reads == 1, ran
        assert store.generation() != first  # outside, the change is seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
        other.close()
