"""Helpers shared by several test folders."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


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
