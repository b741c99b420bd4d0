"""Facts of recently asked documents, kept in memory and read from the store once, not on every question.

A document's facts carry its department and source too, which a re-upload can change; the cache is
emptied whenever the store's generation (documents added or removed, by any process) moves on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from index.fact_store import FactQuery, FactRecord, FactStore

CACHED_DOCUMENTS = 32  # about 1,000 facts each; questions cluster on a few departments
MAX_FACTS_PER_DOCUMENT = 100_000  # far above any real disclosure


class FactCache:
    """Per-document fact lists, least recently used dropped first; safe to share between threads."""

    def __init__(self, store: FactStore, size: int = CACHED_DOCUMENTS):
        self.store = store
        self.size = size
        self._facts: OrderedDict[str, list[FactRecord]] = OrderedDict()
        self._generation: tuple[int, str] | None = None
        self._lock = threading.Lock()

    def facts(self, doc_ids: Sequence[str]) -> list[FactRecord]:
        """The facts of the given documents, in document order."""
        generation = self.store.generation()
        with self._lock:
            if generation != self._generation:
                self._facts.clear()
                self._generation = generation
        out: list[FactRecord] = []
        for doc_id in doc_ids:
            out.extend(self._of(doc_id))
        return out

    def _of(self, doc_id: str) -> list[FactRecord]:
        with self._lock:
            if doc_id in self._facts:
                self._facts.move_to_end(doc_id)
                return self._facts[doc_id]
        loaded = self.store.facts(FactQuery(doc_ids=(doc_id,), limit=MAX_FACTS_PER_DOCUMENT))
        with self._lock:
            self._facts[doc_id] = loaded
            while len(self._facts) > self.size:
                self._facts.popitem(last=False)
        return loaded
