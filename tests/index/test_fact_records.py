"""Facts read back from a real SQLite store are the facts that were parsed: typed fields, paths as tuples, absent
values as None; equal texts are one string object."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from index.fact_store import FactQuery, FactRecord, FactStore
from ingest.model import Basis, Fact, FactKind
from ingest.pipeline import parse_file


def test_a_documents_facts_read_back_as_parsed(tmp_path: Path, small_paths) -> None:
    store = FactStore(f"sqlite:///{tmp_path / 'facts.sqlite3'}")
    doc = parse_file(small_paths[0])
    store.add_pending(doc)
    store.mark_ready(doc.meta.doc_id)
    read = store.facts(FactQuery(doc_ids=(doc.meta.doc_id,), limit=100_000))
    store.close()
    shared = [f.name for f in fields(Fact) if f.name in {g.name for g in fields(FactRecord)}]
    parsed = sorted(doc.facts, key=lambda f: f.start)  # the store's order: by start, then as written
    assert [{name: getattr(f, name) for name in shared} for f in read] == \
        [{name: getattr(f, name) for name in shared} for f in parsed]
    assert {f.kind for f in read} <= set(FactKind) and {f.basis for f in read} <= set(Basis)
    assert any(f.row_path for f in read) and all(isinstance(f.row_path, tuple) for f in read)
    assert any(f.direction is None for f in read) and any(f.table_kind is None for f in read)
    assert all(f.department is read[0].department and f.doc_kind is read[0].doc_kind for f in read)
    assert (read[0].department, read[0].year, read[0].doc_kind) == (doc.meta.department, doc.meta.year, str(doc.meta.kind))
