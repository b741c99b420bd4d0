"""Helpers shared by the reliability tests (imported as a plain module, like tests/api/api_support.py).

Everything here stays on loopback and is bounded: every wait has a deadline, every process started
is stopped by its own pid.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import free_port, server_process

REPO = Path(__file__).resolve().parents[2]
LANGFANG_DEPARTMENT = "中共廊坊市委政法委员会"
STAFF_KEY = "staff-reliability-8c1f0e"
ADMIN_KEY = "admin-reliability-5b7d2a"
# departments for generated documents (all end in 委员会/局/部 so detection finds them)
DEPARTMENTS = ["中共廊坊市委宣传部", "廊坊市财政局", "廊坊市教育局", "廊坊市审计局", "廊坊市统计局", "廊坊市水务局"]


# ---------------------------------------------------------------- documents


def relabel(text: str, department: str, year: int) -> str:
    return text.replace(LANGFANG_DEPARTMENT, department).replace("2020", str(year))


def write_small_docs(folder: Path, count: int, small_zfw: Path, start_year: int = 2021) -> list[Path]:
    """`count` small disclosures, one department and year each, as UTF-8 .txt files, made by re-labelling
    the small 政法委 2020 excerpt (conftest's `small_paths[0]`)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = small_zfw.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"gen-{i:02d}-{start_year + i}.txt"
        path.write_text(relabel(base, DEPARTMENTS[i % len(DEPARTMENTS)], start_year + i), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- index state


def sqlite_dump_digest(db: Path, skip_tables: tuple[str, ...] = ()) -> str:
    """sha256 of a logical dump (schema + rows) of a SQLite file, WAL content included, without `skip_tables`."""
    skipped = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in skip_tables)) if skip_tables else None
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for statement in con.iterdump():
            if skipped and skipped.search(statement):
                continue
            digest.update(statement.encode("utf-8"))
            digest.update(b"\n")
        return digest.hexdigest()
    finally:
        con.close()


def folder_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under `folder`."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def index_fingerprint(data_dir: Path, index) -> dict:
    """What must not change when a file is rejected: SQL content, BM25 files, Chroma vector count and ids."""
    got = index.vectors._collection.get(include=[])  # noqa: SLF001 - ids only, no embeddings
    return {
        "sql": sqlite_dump_digest(data_dir / "budgetqa.sqlite3"),
        "keyword": folder_digest(data_dir / "keyword"),
        "vectors": index.vectors.count(),
        "vector_ids": sorted(got["ids"]),
    }


# ---------------------------------------------------------------- processes


def cli_env(data_dir: Path, **settings: object) -> dict[str, str]:
    """The environment for a `budgetqa` subprocess: offline, no developer BUDGETQA_* leaking in, only `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1")
    env["BUDGETQA_DATA_DIR"] = str(data_dir)
    for key, value in settings.items():
        env[f"BUDGETQA_{key.upper()}"] = value if isinstance(value, str) else json.dumps(value)
    return env


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "budgetqa.cli", *args]


def run_cli(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Runs one `budgetqa` command to completion (cwd outside the repo, so no .env file is read)."""
    return subprocess.run(cli(*args), env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@dataclass
class Server:
    """A `budgetqa serve` subprocess on loopback."""

    proc: subprocess.Popen
    port: int
    log_path: Path
    base_url: str = field(init=False)

    def __post_init__(self) -> None:
        self.base_url = f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""


@contextmanager
def serve(data_dir: Path, workdir: Path, startup_timeout: float = 120, workers: int = 1, **settings: object) -> Iterator[Server]:
    """Starts `budgetqa serve --workers N` on 127.0.0.1:<free port> and waits for /healthz; stops it on exit.

    stdout and stderr (uvicorn's and the app's logs) go to one file under `workdir`."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = workdir / f"serve-{port}.log"
    command = cli("serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers))
    with server_process(command, f"http://127.0.0.1:{port}/healthz", log_path, env=cli_env(data_dir, **settings), cwd=workdir,
                        startup_timeout=startup_timeout, what="budgetqa serve") as proc:
        yield Server(proc, port, log_path)


def answer_core(answer: dict) -> dict:
    """An Answer JSON without its timing, for comparing two runs."""
    return {k: v for k, v in answer.items() if k != "timing_ms"}


@contextmanager
def opened_index(data_dir: Path, embeddings, **settings: object) -> Iterator:
    """A CorpusIndex on `data_dir` that is fully released afterwards: SQL engine disposed *and* the
    in-process Chroma System stopped (CorpusIndex.close() leaves the latter running), so a later
    subprocess writing the same folder is not shadowed by stale in-memory state here."""
    from config.settings import Settings
    from index.corpus_index import CorpusIndex

    index = CorpusIndex.open(Settings(_env_file=None, data_dir=data_dir, **settings).index_config(), embeddings)
    try:
        yield index
    finally:
        index.close()
        index.vectors.client.close()


@contextmanager
def served_sample(root: Path, embeddings, sample: Path, workers: int = 1, **settings: object) -> Iterator[Server]:
    """A real `budgetqa serve` over a fresh index of one sample file, in `root`."""
    from index.ingestion import ingest_paths

    data_dir = root / "data"
    with opened_index(data_dir, embeddings) as index:
        assert ingest_paths(index, [sample]).added
    with serve(data_dir, root / "server", workers=workers, **settings) as running:
        running.data_dir = data_dir
        yield running


@contextmanager
def http_client(server: Server) -> Iterator:
    """An httpx client on the served app."""
    import httpx

    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        yield client


def pending_and_rows(db: Path) -> tuple[int, int]:
    """(pending documents, all document rows) read from outside the writer; (0, 0) before the table exists."""
    if not db.exists():
        return 0, 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            pending = con.execute("SELECT count(*) FROM documents WHERE status = 'pending'").fetchone()[0]
            rows = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            return pending, rows
        finally:
            con.close()
    except sqlite3.Error:
        return 0, 0
