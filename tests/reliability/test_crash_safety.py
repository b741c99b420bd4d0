"""Crash safety: `budgetqa ingest` killed with SIGKILL at random moments never leaves half a document visible.

After every kill the test opens the data dir itself: each *ready* document must be whole (text, sections,
facts, chunks and searchable vectors all matching a fresh parse), `recover()` must leave no pending rows or
orphan vectors and a current keyword index, and the next ingest must finish with exit 0. A served index
must survive a server restart unchanged. Set RELIABILITY_SEED to replay a run's kill schedule.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from index.corpus_index import CorpusIndex
from index.fact_store import PENDING, FactQuery
from index.ingestion import ingest_paths
from index.question_log import unanswered
from ingest.model import ParsedDocument
from ingest.pipeline import parse_file
from reliability_support import (
    STAFF_KEY, answer_core, cli, cli_env, folder_digest, opened_index, pending_and_rows, run_cli, serve, sqlite_dump_digest,
    write_small_docs,
)

pytestmark = pytest.mark.slow  # real servers, processes or a browser: `make test-fast` leaves them out

DOC_COUNT = 5
KILL_ROUNDS = 4
SEED = int(os.environ.get("RELIABILITY_SEED") or time.time_ns() % 2**32)
AT_INGEST = {"chunk_vectors": "at-ingest"}  # the ingest writes all three stores, vectors included
QUESTIONS = ["公务接待费是多少", "中共廊坊市委宣传部2021年公务接待费是多少", "固定资产总额是多少", "介绍一下国有资产信息"]


class SimulatedCrash(BaseException):
    """Stands for the process dying at this point (nothing in the code under test catches it)."""


def assert_whole(index: CorpusIndex, doc_id: str, expected: ParsedDocument) -> None:
    """Every store holds all of `doc_id`, exactly as a fresh parse of its file says."""
    where = f"document {doc_id} ({expected.meta.source})"
    assert index.facts.text(doc_id) == expected.text, f"{where}: text differs"
    assert len(index.facts.sections(doc_id)) == len(expected.sections), f"{where}: sections"
    assert len(index.facts.facts(FactQuery(doc_ids=(doc_id,), limit=10**6))) == len(expected.facts), f"{where}: facts"
    chunk_ids = sorted(c.chunk_id for c in index.facts.chunks([doc_id]))
    assert chunk_ids == sorted(c.id for c in expected.chunks), f"{where}: chunks"
    stored = index.vectors._collection.get(where={"doc_id": doc_id}, include=[])["ids"]  # noqa: SLF001
    assert sorted(stored) == chunk_ids, f"{where}: {len(stored)} vectors for {len(chunk_ids)} chunks"
    hits = index.vectors.search(expected.chunks[0].text, k=len(chunk_ids), doc_ids={doc_id})
    assert {h.chunk_id for h in hits} == set(chunk_ids), f"{where}: vectors not all searchable"


def assert_consistent_after_recover(index: CorpusIndex, expected: dict[str, ParsedDocument]) -> list[str]:
    with index.writing():
        removed = index.recover()
    ready = {d.doc_id for d in index.documents()}
    assert index.facts.documents(status=PENDING) == [], "pending rows left after recover()"
    assert index.vectors.doc_ids() == ready, "vectors of documents that are not ready"
    assert index.keywords.is_current({c.chunk_id for c in index.facts.chunks()}), "keyword index stale after recover()"
    for doc_id in ready:
        assert_whole(index, doc_id, expected[doc_id])
    assert index.vectors.count() == sum(len(expected[d].chunks) for d in ready)
    return removed


@pytest.fixture(scope="module")
def crash_docs(tmp_path_factory: pytest.TempPathFactory, small_paths) -> tuple[Path, dict[str, ParsedDocument]]:
    folder = tmp_path_factory.mktemp("crash-docs")
    paths = write_small_docs(folder, DOC_COUNT, small_paths[0])
    parsed = {(doc := parse_file(p)).meta.doc_id: doc for p in paths}
    assert len(parsed) == DOC_COUNT
    return folder, parsed


def _wait_for_write(proc: subprocess.Popen, db: Path, rows_wanted: int, deadline_s: float = 90) -> tuple[int, int]:
    """Polls (read-only, from outside) until a pending row exists and `rows_wanted` rows were written."""
    deadline = time.monotonic() + deadline_s
    while proc.poll() is None and time.monotonic() < deadline:
        pending, rows = pending_and_rows(db)
        if pending and rows >= rows_wanted:
            return pending, rows
        time.sleep(0.01)
    return pending_and_rows(db)


def test_ingest_killed_at_random_points_leaves_only_whole_documents(tmp_path: Path, embeddings, crash_docs) -> None:
    docs_dir, expected = crash_docs
    data_dir = tmp_path / "data"
    db = data_dir / "budgetqa.sqlite3"
    rng = random.Random(SEED)
    rounds: list[str] = []
    mid_write_kills = 0
    for round_no in range(KILL_ROUNDS):
        with opened_index(data_dir, embeddings) as index:
            ready_before = len(index.documents())
        mode = "timer" if round_no % 2 == 0 else "mid-write"
        started = time.monotonic()
        proc = subprocess.Popen(cli("ingest", "--quiet", str(docs_dir)), env=cli_env(data_dir, **AT_INGEST), cwd=tmp_path,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if mode == "timer":
                try:
                    proc.wait(timeout=rng.uniform(0.5, 6.0))
                except subprocess.TimeoutExpired:
                    pass
            else:  # kill while the k-th still-missing document is being written
                target = ready_before + rng.randint(1, max(1, min(2, DOC_COUNT - ready_before)))
                _wait_for_write(proc, db, target)
                time.sleep(rng.uniform(0, 0.3))
            seen = pending_and_rows(db)
            killed = proc.poll() is None
            if killed:
                proc.kill()  # SIGKILL to this one pid: no cleanup, no finally blocks
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
        at = time.monotonic() - started
        with opened_index(data_dir, embeddings) as index:
            records = index.facts.documents(status=None)
            pending = [d.doc_id for d in records if d.status == PENDING]
            ready = [d.doc_id for d in records if d.status != PENDING]
            for doc_id in ready:  # whole even before recover(): readers never see anything else
                assert_whole(index, doc_id, expected[doc_id])
            orphans = index.vectors.doc_ids() - set(ready)
            removed = assert_consistent_after_recover(index, expected)
            assert set(pending) <= set(removed)
        mid_write_kills += bool(pending or orphans)
        rounds.append(f"round {round_no + 1} ({mode}): {'SIGKILL' if killed else 'exited'} at {at:.1f}s "
                      f"[seen pending/rows {seen}] → {len(ready)} ready, {len(pending)} pending, {len(orphans)} orphan-vector docs; "
                      f"recover removed {len(removed)}")
    print(f"\n[crash safety] seed {SEED}\n  " + "\n  ".join(rounds))
    assert mid_write_kills >= 1, f"no kill landed inside the write protocol (seed {SEED})"

    final = run_cli(["ingest", "--quiet", str(docs_dir)], cli_env(data_dir, **AT_INGEST), tmp_path)
    assert final.returncode == 0, final.stderr[-2000:]
    assert "failed 0" in final.stdout, final.stdout
    with opened_index(data_dir, embeddings) as index:
        assert {d.doc_id for d in index.documents()} == set(expected)
        assert_consistent_after_recover(index, expected)


# ---------------------------------------------------------------- crashes at the two unprotected moments


def test_crash_between_new_version_ready_and_old_version_purged(tmp_path: Path, make_index, monkeypatch) -> None:
    """A crash right after a replacement became ready must not leave both versions of the file live."""
    source = tmp_path / "replaced.txt"
    source.write_text("廊坊市测试局\n\n2020年部门预算\n\n公务接待费0.63万元。\n", encoding="utf-8")
    index = make_index()
    old = ingest_paths(index, [source])
    assert old.added
    (old_id,) = [d.doc_id for d in index.documents()]
    source.write_text("廊坊市测试局\n\n2020年部门预算\n\n公务接待费0.75万元。\n", encoding="utf-8")
    purge = index._purge  # noqa: SLF001

    def crash_on_old(doc_ids: list[str]) -> None:
        if old_id in doc_ids:
            raise SimulatedCrash
        purge(doc_ids)

    monkeypatch.setattr(index, "_purge", crash_on_old)
    with pytest.raises(SimulatedCrash):
        ingest_paths(index, [source])
    monkeypatch.undo()
    ingest_paths(index, [source])  # the restart: the same file is ingested again
    live = [d for d in index.documents() if d.source == source.name]
    # recover() used not to drop the superseded version: both stayed ready for good
    assert len(live) == 1, f"{len(live)} live versions of {source.name}"
    assert live[0].doc_id != old_id


@pytest.mark.parametrize("dies_in", ["facts.delete", "vectors.delete"])
def test_crash_while_removing_leaves_the_document_whole_or_gone(dies_in: str, make_index, small_paths, monkeypatch) -> None:
    """The process dies inside CorpusIndex.remove, in either store's delete; after recover() the document is
    either whole or gone from every store, never ready-but-vectorless (the old vectors-first order)."""
    index = make_index()
    assert ingest_paths(index, [small_paths[0]]).added
    (doc_id,) = [d.doc_id for d in index.documents()]
    expected = parse_file(small_paths[0])

    def crash(_ids) -> None:
        raise SimulatedCrash

    store, method = dies_in.split(".")
    monkeypatch.setattr(getattr(index, store), method, crash)
    with pytest.raises(SimulatedCrash), index.writing():
        index.remove([doc_id])
    monkeypatch.undo()
    with index.writing():
        index.recover()
    if doc_id in {d.doc_id for d in index.documents()}:
        assert_whole(index, doc_id, expected)
    else:
        assert index.facts.document(doc_id) is None and index.vectors.count(doc_id) == 0
        assert index.facts.chunks_of_any_status(doc_id) == [] and index.facts.sections(doc_id) == []


# ---------------------------------------------------------------- server restart


def _served_state(base_url: str) -> dict:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        answers = []
        for question in QUESTIONS:
            response = client.post("/api/ask", json={"question": question})
            assert response.status_code == 200, response.text
            answers.append(answer_core(response.json()))
        listing = client.get("/api/documents", headers={"X-API-Key": STAFF_KEY})
        assert listing.status_code == 200, listing.text
        health = client.get("/healthz").json()
    return {"answers": answers, "documents": listing.json(), "health": health}


def test_server_restart_keeps_everything(tmp_path: Path, embeddings, small_paths) -> None:
    data_dir = tmp_path / "data"
    with opened_index(data_dir, embeddings) as index:
        report = ingest_paths(index, list(small_paths))
        assert report.ok and len(report.added) == 2
    # answering writes only the log of unanswered questions (for staff); the index itself must not change
    index_digest = lambda: (sqlite_dump_digest(data_dir / "budgetqa.sqlite3", (unanswered.name,)), folder_digest(data_dir / "keyword"))  # noqa: E731
    digest = index_digest()
    states = []
    for run in range(2):
        with serve(data_dir, tmp_path / f"run-{run}", staff_keys=[STAFF_KEY]) as server:
            states.append(_served_state(server.base_url))
        # SIGTERM → graceful shutdown (uvicorn re-raises the signal after it, hence -15)
        assert server.proc.returncode in (0, -signal.SIGTERM), server.log()[-2000:]
        assert "Application shutdown complete" in server.log()
    first, second = states
    assert first["health"]["documents"] == 2 and first["documents"]["total"] == 2
    assert [a["kind"] for a in first["answers"]].count("not_found") < len(QUESTIONS)
    assert any(c for a in first["answers"] for c in a["citations"])
    assert second == first
    assert index_digest() == digest
