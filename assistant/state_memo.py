"""Values worked out once per state of the index (its generation), not on every question that needs them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class StateMemo(Generic[K, V]):
    """Values by key for one state of the index: all are forgotten when the state moves on (documents added or
    removed) or once `size` are kept. Safe to share between threads; two may work out one value at once."""

    def __init__(self, size: int):
        self.size = size
        self._state: Hashable | None = None
        self._values: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, state: Hashable, key: K, work: Callable[[], V]) -> V:
        """The value kept for `key` in `state`, else `work()` (then kept)."""
        with self._lock:
            if state == self._state and key in self._values:
                return self._values[key]
        value = work()
        with self._lock:
            if state != self._state or len(self._values) >= self.size:
                self._values.clear()
                self._state = state
            self._values[key] = value
        return value
