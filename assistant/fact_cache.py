"""Facts of recently asked documents, kept in memory and read from the store once, not on every question;
and which words some stated item contains (a look-up over every document's facts), each asked of the store once.

A document's facts carry its department and source too, which a re-upload can change; the cache is
emptied whenever the store's generation (documents added or removed, by any process) moves on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from index.fact_store import FactQuery, FactRecord, FactStore

CACHED_FACTS = 100_000  # some 200 disclosures' facts (≈ 470 each), about 60 MB; questions cluster on a few departments


class FactCache:
    """Per-document fact lists, least recently used dropped first once they hold more than `size` facts (the
    document just read is always kept); safe to share between threads."""

    def __init__(self, store: FactStore, size: int = CACHED_FACTS):
        self.store = store
        self.size = size
        self._facts: OrderedDict[str, list[FactRecord]] = OrderedDict()
        self._held = 0  # facts in `_facts`
        self._stated: dict[str, bool] = {}  # word → whether some fact's subject contains it
        self._generation: tuple[int, str] | None = None
        self._lock = threading.Lock()

    def facts(self, doc_ids: Sequence[str]) -> list[FactRecord]:
        """The facts of the given documents, in document order."""
        self._follow_store()
        out: list[FactRecord] = []
        for doc_id in doc_ids:
            out.extend(self._of(doc_id))
        return out

    def states_item(self, word: str) -> bool:
        """Whether some item the index states (a fact's subject) contains `word`."""
        self._follow_store()
        found = self._stated.get(word)
        if found is None:
            found = self._stated[word] = self.store.has_facts(FactQuery(subject=word))
        return found

    def _follow_store(self) -> None:
        """Forgets everything once the store's documents changed."""
        generation = self.store.generation()
        with self._lock:
            if generation != self._generation:
                self._facts.clear()
                self._held = 0
                self._stated.clear()
                self._generation = generation

    def _of(self, doc_id: str) -> list[FactRecord]:
        with self._lock:
            if doc_id in self._facts:
                self._facts.move_to_end(doc_id)
                return self._facts[doc_id]
        loaded = self.store.document_facts(doc_id)
        with self._lock:
            if doc_id not in self._facts:  # another thread may have read it meanwhile
                self._facts[doc_id] = loaded
                self._held += len(loaded)
            while self._held > self.size and len(self._facts) > 1:
                self._held -= len(self._facts.popitem(last=False)[1])
        return loaded
