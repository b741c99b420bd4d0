"""The fact cache over a real SQLite store: a document's facts and whether an item is stated are read from the
store once, and again only after documents were added or removed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.fact_cache import FactCache
from index.fact_store import FactStore
from ingest.pipeline import parse_file


class CountingStore(FactStore):
    """A fact store that counts the reads the cache makes."""

    def __init__(self, url: str):
        super().__init__(url)
        self.reads: Counter = Counter()

    def document_facts(self, doc_id: str):
        self.reads["facts"] += 1
        return super().document_facts(doc_id)

    def has_facts(self, query=None):
        self.reads["has_facts"] += 1
        return super().has_facts(query) if query is not None else super().has_facts()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CountingStore]:
    facts = CountingStore(f"sqlite:///{tmp_path / 'facts.sqlite3'}")
    yield facts
    facts.close()


def add(store: FactStore, path: Path) -> str:
    doc = parse_file(path)
    store.add_pending(doc)
    store.mark_ready(doc.meta.doc_id)
    return doc.meta.doc_id


def test_whether_an_item_is_stated_is_asked_of_the_store_once_until_documents_change(store: CountingStore, small_paths) -> None:
    add(store, small_paths[0])
    cache = FactCache(store)
    assert cache.states_item("公务接待") and not cache.states_item("天气预报")
    assert cache.states_item("公务接待") and not cache.states_item("天气预报")
    assert store.reads["has_facts"] == 2
    add(store, small_paths[1])
    assert cache.states_item("公务接待")
    assert store.reads["has_facts"] == 3  # another document: asked again


def test_a_documents_facts_are_read_once_until_documents_change(store: CountingStore, small_paths) -> None:
    first = add(store, small_paths[0])
    cache = FactCache(store)
    facts = cache.facts([first])
    assert facts and cache.facts([first]) == facts
    assert store.reads["facts"] == 1
    add(store, small_paths[1])
    assert cache.facts([first]) == facts
    assert store.reads["facts"] == 2


def test_least_recently_asked_documents_are_dropped_once_more_facts_are_kept_than_its_size(
        store: CountingStore, small_paths) -> None:
    first, second = add(store, small_paths[0]), add(store, small_paths[1])
    sizes = {doc_id: len(FactCache(store).facts([doc_id])) for doc_id in (first, second)}
    reads = store.reads["facts"]
    cache = FactCache(store, size=max(sizes.values()))
    cache.facts([first])
    cache.facts([second])  # holds more facts than the size together: the first is dropped
    cache.facts([second])
    assert store.reads["facts"] == reads + 2
    cache.facts([first])  # read again; the second dropped in turn
    assert store.reads["facts"] == reads + 3
    small = FactCache(store, size=1)  # a document larger than the size is still kept while it is the latest
    small.facts([first])
    small.facts([first])
    assert store.reads["facts"] == reads + 4
