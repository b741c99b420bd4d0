"""Gives the memory the embedding model freed back to the system, so a long ingest's resident size stays flat.

The model's large temporary tensors come from glibc's allocator. Each time one that had a mapping of its
own is freed, glibc raises its mmap threshold (up to 32 MiB), so later tensors are carved from the heap,
whose freed space it keeps; batches of other shapes fit those gaps badly, and the peak resident size of
embedding one document grew by about 30 MiB for every document already ingested (docs/benchmarks.md,
issue 14). Trimming the heap after each batch of chunks keeps that peak flat, at no measurable cost in speed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)  # glibc only


def release_freed_memory() -> None:
    """Returns the C heap's free pages to the system (glibc; does nothing elsewhere)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
