"""BM25 over jieba tokens (with the budget lexicon), persisted as segments; an ingest updates it, never rebuilds it.

The folder holds immutable segments (index.keyword_segments) and `manifest.json`, which names the live
segments and, for each, the documents removed from it since it was written (tombstones). A change writes
its new segment first and then swaps the manifest in with one rename: a reader in any process sees the
version before or after, never half of one. Adding documents tokenizes only their chunks; removing
writes tombstones. When four segments of one size class exist (or one is mostly removed) they are merged
from their stored term counts, so the number of segments stays logarithmic and no text is read again.

Scores use the statistics of all live chunks (their number, average length and each term's document
frequency, summed over segments), so they equal those of one bm25s index over the same chunks, with its
defaults as used before: the Lucene variant, k1 = 1.5, b = 0.75.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import keyword_segments
from index.fact_store import ChunkRecord
from index.keyword_segments import Segment, from_chunks, merged, open_segment
from index.stores import SearchHit
from ingest.lexicon import indexed_terms, search_terms

MANIFEST = "manifest.json"
K1, B = 1.5, 0.75
MERGE_FACTOR = 4  # this many segments of one size class are merged into one
LOAD_ATTEMPTS = 5  # re-reads when a writer swaps the manifest while it is being loaded


@dataclass(frozen=True)
class _Part:
    """A live segment as one version sees it: its tombstones and the rows they leave."""

    segment: Segment
    removed: frozenset[str]
    live: np.ndarray | None  # per row; None: every row is live
    live_rows: int

    @classmethod
    def of(cls, segment: Segment, removed: frozenset[str] = frozenset()) -> _Part:
        if not removed:
            return cls(segment, removed, None, segment.size)
        starts, ends = segment.doc_ranges(np.array(sorted(removed), dtype=str))
        live = np.ones(segment.size, dtype=bool)
        for start, end in zip(starts, ends):
            live[start:end] = False
        return cls(segment, removed, live, int(live.sum()))

    def doc_ids(self) -> set[str]:
        return set(self.segment.docs.tolist()) - self.removed

    def total_length(self) -> int:
        return int(np.asarray(self.segment.lengths if self.live is None else self.segment.lengths[self.live]).sum())

    def document_frequency(self, column: int) -> int:
        if self.live is None:
            return int(self.segment.indptr[column + 1] - self.segment.indptr[column])
        return int(self.live[self.segment.postings(column)[0]].sum())


@dataclass(frozen=True)
class _Version:
    """One persisted version of the index, loaded whole; replaced whole, so a reader never mixes two."""

    key: bytes | None  # the manifest it was read from
    parts: tuple[_Part, ...]
    rows: int = 0  # live chunks
    average_length: float = 0.0

    @classmethod
    def of(cls, key: bytes, parts: tuple[_Part, ...]) -> _Version:
        rows = sum(p.live_rows for p in parts)
        return cls(key, parts, rows, sum(p.total_length() for p in parts) / rows if rows else 0.0)


_EMPTY = _Version(None, ())


class KeywordIndex:
    """A persisted BM25 index over chunks, changed a batch of documents at a time.

    One writer at a time (the caller holds the data dir's write lock); any number of readers, in any process."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._version = _EMPTY
        self._segments: dict[str, Segment] = {}
        self._load_lock = threading.Lock()

    # ---- writing ---------------------------------------------------------------------------------------
    def update(self, records: list[ChunkRecord], removed: Iterable[str] = ()) -> None:
        """Removes the chunks of the `removed` documents and of those `records` belong to, then adds `records`;
        readers see the change in one step. Only `records` are tokenized."""
        gone = set(removed) | {r.doc_id for r in records}
        parts = [_Part.of(p.segment, p.removed | (gone & p.doc_ids())) for p in self._current().parts]
        if records:
            parts.append(_Part.of(self._write(from_chunks(records, indexed_terms))))
        self._publish(self._compacted(parts))

    def rebuild(self, records: list[ChunkRecord]) -> None:
        """Replaces the whole index by one over `records` (recovery, when it disagrees with the chunk store)."""
        self._publish([_Part.of(self._write(from_chunks(records, indexed_terms)))] if records else [])

    def _write(self, arrays: dict[str, np.ndarray]) -> Segment:
        self.folder.mkdir(parents=True, exist_ok=True)
        return keyword_segments.write(self.folder, f"seg-{uuid.uuid4().hex[:16]}", arrays)

    def _compacted(self, parts: list[_Part]) -> list[_Part]:
        """`parts` without empty segments, merging while a merge is due."""
        parts = [p for p in parts if p.live_rows]
        while group := _due_merge(parts):
            parts = [p for p in parts if p not in group]
            parts.append(_Part.of(self._write(merged((p.segment, p.live) for p in group))))
        return parts

    def _publish(self, parts: list[_Part]) -> None:
        """Swaps in a manifest naming `parts`, then deletes what no manifest names any more."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = self.folder / f"{MANIFEST}.tmp"
        entries = [{"name": p.segment.name, "removed": sorted(p.removed)} for p in parts]
        with open(staging, "w", encoding="utf-8") as out:
            json.dump({"segments": entries}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(staging, self.folder / MANIFEST)
        named = {MANIFEST, *(p.segment.name for p in parts)}
        for path in self.folder.iterdir():  # replaced segments, leftovers of a crash, an older index layout
            if path.name not in named:
                shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)

    # ---- reading ---------------------------------------------------------------------------------------
    def _current(self) -> _Version:
        """The index as persisted now, loaded once per version (one thread loads; the others wait for it).

        The manifest is small and read on every call: its content, not its file times, tells versions apart."""
        manifest = self.folder / MANIFEST
        for _ in range(LOAD_ATTEMPTS):
            try:
                key = manifest.read_bytes()
            except FileNotFoundError:
                return _EMPTY
            if self._version.key == key:
                return self._version
            with self._load_lock:
                if self._version.key == key:
                    return self._version
                try:
                    entries = json.loads(key)["segments"]
                    parts = tuple(_Part.of(self._segment(e["name"]), frozenset(e["removed"])) for e in entries)
                except FileNotFoundError:  # a writer swapped the manifest and deleted a segment it named: read again
                    continue
                self._version = _Version.of(key, parts)
                self._segments = {p.segment.name: p.segment for p in parts}
                return self._version
        return self._version  # the version we had: still consistent in itself

    def _segment(self, name: str) -> Segment:
        return self._segments.get(name) or open_segment(self.folder / name)

    def doc_ids(self) -> set[str]:
        """The documents the index holds chunks of."""
        return set().union(*(p.doc_ids() for p in self._current().parts))

    def is_current(self, chunk_ids: set[str]) -> bool:
        """True when the persisted index holds exactly these chunks."""
        held: set[str] = set()
        for p in self._current().parts:
            ids = p.segment.chunk_ids if p.live is None else p.segment.chunk_ids[p.live]
            held.update(np.asarray(ids).tolist())
        return held == chunk_ids

    def search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[SearchHit]:
        """Top-k chunks by BM25, restricted to `doc_ids` when given; only those documents' postings are read."""
        version = self._current()
        terms = search_terms(query)
        if not version.parts or not terms or (doc_ids is not None and not doc_ids):
            return []
        wanted, times = np.unique(np.array(terms, dtype=str), return_counts=True)
        columns = [p.segment.columns(wanted) for p in version.parts]
        frequency = np.zeros(len(wanted))
        for part, found in zip(version.parts, columns):
            for j in np.flatnonzero(found >= 0):
                frequency[j] += part.document_frequency(int(found[j]))
        # Lucene idf, as often as the query repeats the term (bm25s adds each repeat)
        weight = times * np.log1p((version.rows - frequency + 0.5) / (frequency + 0.5))
        allowed = None if doc_ids is None else np.array(sorted(doc_ids), dtype=str)
        keys, scores = [], []
        offset = 0
        for part, found in zip(version.parts, columns):
            ranges = None if allowed is None else part.segment.doc_ranges(allowed)
            if ranges is None or len(ranges[0]):
                for j in np.flatnonzero(found >= 0):
                    rows, score = _term_scores(part, int(found[j]), ranges, weight[j], version.average_length)
                    keys.append(rows + offset)
                    scores.append(score)
            offset += part.segment.size
        return _top(version, keys, scores, k)


def _term_scores(part: _Part, column: int, ranges: tuple[np.ndarray, np.ndarray] | None, weight: float,
                 average_length: float) -> tuple[np.ndarray, np.ndarray]:
    """(rows, BM25 contribution) of one query term in one segment's live rows (within `ranges` when given)."""
    rows, counts = part.segment.postings(column, ranges)
    if part.live is not None:
        live = part.live[rows]
        rows, counts = rows[live], counts[live]
    tf = counts.astype(np.float64)
    norm = K1 * (1 - B + B * part.segment.lengths[rows] / average_length)
    return rows.astype(np.int64), weight * tf / (tf + norm)


def _due_merge(parts: list[_Part]) -> list[_Part]:
    """Segments to merge now: one whose rows are mostly removed, or MERGE_FACTOR of one size class."""
    for part in parts:
        if part.live_rows * 2 < part.segment.size:
            return [part]
    classes: dict[int, list[_Part]] = defaultdict(list)
    for part in parts:
        classes[int(math.log(part.live_rows, MERGE_FACTOR))].append(part)
    return next((group for _, group in sorted(classes.items()) if len(group) >= MERGE_FACTOR), [])


def _top(version: _Version, keys: list[np.ndarray], scores: list[np.ndarray], k: int) -> list[SearchHit]:
    """The k best rows (ties in chunk-id order) from per-term contributions keyed by row across segments."""
    if not keys or k <= 0:
        return []
    rows, summed = np.unique(np.concatenate(keys), return_inverse=True)
    total = np.bincount(summed, weights=np.concatenate(scores))
    if len(total) > k:
        threshold = np.partition(total, len(total) - k)[len(total) - k]
        keep = total >= threshold
        rows, total = rows[keep], total[keep]
    starts = np.cumsum([0] + [p.segment.size for p in version.parts])
    owner = np.searchsorted(starts, rows, side="right") - 1
    hits = []
    for row, score, i in zip(rows.tolist(), total.tolist(), owner.tolist()):
        segment = version.parts[i].segment
        local = row - int(starts[i])
        hits.append(SearchHit(str(segment.chunk_ids[local]), segment.doc_of_row(local), float(score)))
    hits.sort(key=lambda h: (-h.score, h.chunk_id))
    return [h for h in hits[:k] if h.score > 0]
