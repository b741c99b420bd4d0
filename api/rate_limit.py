"""Per-client token buckets for the public ask endpoints.

Each client IP gets a bucket of `per_minute` tokens refilled continuously, so a person can ask a
short burst of questions but a script cannot hammer the assistant. The client IP is the socket
peer; behind a reverse proxy run uvicorn with `--proxy-headers --forwarded-allow-ips=<proxy>` so
the peer is the real visitor and not the proxy (never trust X-Forwarded-For here: it is spoofable).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_TRACKED_CLIENTS = 10_000  # above this, buckets that are full again are forgotten (bounded memory)


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """`take(client)` spends one token and returns 0, or returns the seconds until one is available.

    `per_minute <= 0` switches limiting off.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic):
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        if self.capacity <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= MAX_TRACKED_CLIENTS:
                    self._forget_idle(now)
                bucket = self._buckets[client] = _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.refill_per_second)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.refill_per_second

    @staticmethod
    def retry_after(wait_seconds: float) -> int:
        """Whole seconds for the Retry-After header (at least 1)."""
        return max(1, math.ceil(wait_seconds))

    def _forget_idle(self, now: float) -> None:
        full = [k for k, b in self._buckets.items() if b.tokens + (now - b.updated) * self.refill_per_second >= self.capacity]
        for key in full:
            del self._buckets[key]
