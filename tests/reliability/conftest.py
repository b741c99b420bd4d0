"""Reliability tests: a hard per-test time limit, so a hung parser, process or server fails instead of hanging.

The shared fixtures (embeddings, make_index, index_at, langfang_path, small_paths) come from tests/conftest.py.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

TEST_TIME_LIMIT_S = 150  # one test, session fixtures excluded


@pytest.fixture(autouse=True)
def reliability_time_limit() -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"reliability test exceeded {TEST_TIME_LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(TEST_TIME_LIMIT_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
