"""Helpers shared by several test folders: a time limit, and starting a server process on loopback."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


@contextmanager
def time_limit(seconds: int, what: str = "test") -> Iterator[None]:
    """Fails whatever runs longer than `seconds` instead of letting it hang the suite (SIGALRM)."""

    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"{what} exceeded {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM, then SIGKILL after `grace` seconds; only this one pid."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def log_tail(log_path: Path, chars: int = 3000) -> str:
    return log_path.read_text(encoding="utf-8", errors="replace")[-chars:] if log_path.exists() else ""


@contextmanager
def server_process(command: list[str], ready_url: str, log_path: Path, *, env: dict[str, str] | None = None,
                   cwd: Path | None = None, startup_timeout: float = 120, what: str = "server") -> Iterator[subprocess.Popen]:
    """Starts `command` (a server on loopback), waits until `ready_url` answers 200, and stops it (by its pid) on exit.

    The process's stdout and stderr go to `log_path`. Raises RuntimeError if it exits before it is ready,
    TimeoutError if it is not ready after `startup_timeout` seconds; either message ends with its log."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited with {proc.returncode} before it was ready:\n{log_tail(log_path)}")
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} not ready after {startup_timeout} s:\n{log_tail(log_path)}")
            time.sleep(0.2)
        yield proc
    finally:
        stop_process(proc)


def word_dump(rows) -> str:
    """A table as the Word-dump text the txt loader reads: one tab-led line per cell, a blank line after each row."""
    return "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)
