"""Memory the C heap keeps after a burst of temporary allocations goes back to the system when released."""

from __future__ import annotations

import gc
from pathlib import Path

from index.memory import release_freed_memory

BLOCK = 64 * 1024  # below glibc's initial mmap threshold: served from the heap, like the model's mid-sized tensors


def resident_mib() -> float:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024


def test_the_heap_a_burst_leaves_behind_is_given_back() -> None:
    burst = [bytearray(b"x" * BLOCK) for _ in range(1600)]  # 100 MiB, every page written
    pin = bytearray(b"x" * BLOCK)  # allocated last: the heap's top stays in use, so free() alone cannot shrink it
    del burst
    gc.collect()
    kept = resident_mib()
    release_freed_memory()
    assert kept - resident_mib() > 60, "the freed 100 MiB stayed resident"
    assert len(pin) == BLOCK
