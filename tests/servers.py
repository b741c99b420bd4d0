"""Real servers the store tests run against, started by the tests: a throwaway PostgreSQL cluster and a `chroma run`."""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import free_port, server_process

CHROMA_STARTUP_SECONDS = 60


@dataclass
class PostgresCluster:
    bin_dir: Path
    root: Path
    port: int
    user: str
    password: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}:{self.password}@127.0.0.1:{self.port}/{database}"

    def _admin(self):
        import psycopg

        return psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                               dbname="postgres", autocommit=True, connect_timeout=10)

    def create_database(self) -> str:
        name = f"budgetqa_{secrets.token_hex(6)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    return found[-1].parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster on 127.0.0.1:<free port> in a temporary folder (initdb + pg_ctl, as the
    `postgres` user when run as root), removed afterwards. Skips, loudly, where the server is not installed."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run scripts/install_system_deps.sh (run by make test)")
    pytest.importorskip("psycopg", reason="psycopg missing: pip install 'psycopg[binary]' (dev extra) or run make test")
    root = Path(tempfile.mkdtemp(prefix="budgetqa-pg-"))  # not under pytest's 0700 tmp: the postgres user must reach it
    owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
    cluster = PostgresCluster(bin_dir, root, free_port(), "budgetqa", secrets.token_hex(12))
    data, log, pwfile = root / "data", root / "server.log", root / "pwfile"
    pwfile.write_text(cluster.password + "\n")
    pwfile.chmod(0o600)
    if owner:
        for path in (root, pwfile):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    started = False
    try:
        subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", cluster.user, f"--pwfile={pwfile}",
                                     "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]),
                       check=True, capture_output=True, text=True, timeout=120)
        options = f"-c listen_addresses=127.0.0.1 -p {cluster.port} -c unix_socket_directories={root} -c fsync=off"
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"]),
                       check=True, capture_output=True, text=True, timeout=90)
        started = True
        yield cluster
    except subprocess.CalledProcessError as error:
        server_log = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"could not start PostgreSQL: {error.cmd[-1]} → {error.stderr or error.stdout}\n{server_log}")
    finally:
        if started:
            subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                           capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def _chroma_cli() -> str | None:
    beside = Path(sys.executable).parent / "chroma"
    return str(beside) if beside.is_file() else shutil.which("chroma")


@contextmanager
def chroma_server(folder: Path) -> Iterator[int]:
    """A `chroma run` server on a free local port, storing under `folder`; yields the port."""
    cli = _chroma_cli()
    if cli is None:
        pytest.skip("the `chroma` CLI is not installed in this environment")
    port = free_port()
    command = [cli, "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)]
    with server_process(command, f"http://127.0.0.1:{port}/api/v2/heartbeat", folder / "server.log",
                        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"}, startup_timeout=CHROMA_STARTUP_SECONDS,
                        what="chroma server"):
        yield port
