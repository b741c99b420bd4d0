"""Immutable segments of the keyword index: the term counts of a set of chunks, as memory-mapped arrays.

A segment is a folder of `.npy` files, written once and never changed:
  terms               the vocabulary, sorted (a term's column is its position)
  indptr              column c's postings are rows[indptr[c]:indptr[c + 1]] (ascending), counts alongside
  rows, counts        the postings: which rows hold the term, how often
  lengths             terms per row (the chunk's length for BM25)
  chunk_ids           one per row; rows are ordered by document, then chunk
  docs, doc_starts    the documents (sorted) and the row where each begins (plus the end)
Segments are made from chunk texts (the only place chunks are tokenized) or by merging segments.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.fact_store import ChunkRecord

EMPTY_TERM = "∅"  # what a chunk without a single term holds, so it still has a length
ARRAYS = ("terms", "indptr", "rows", "counts", "lengths", "chunk_ids", "docs", "doc_starts")


@dataclass(frozen=True)
class Segment:
    """One segment, opened (its arrays map the files; nothing is read before it is used)."""

    name: str
    terms: np.ndarray
    indptr: np.ndarray
    rows: np.ndarray
    counts: np.ndarray
    lengths: np.ndarray
    chunk_ids: np.ndarray
    docs: np.ndarray
    doc_starts: np.ndarray

    @property
    def size(self) -> int:
        return len(self.lengths)

    def columns(self, terms: np.ndarray) -> np.ndarray:
        """The column of each of the (sorted, distinct) `terms`, -1 where the segment lacks it."""
        return _positions(self.terms, terms)

    def doc_ranges(self, doc_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(first rows, ends) of those of the (sorted) `doc_ids` the segment holds."""
        found = _positions(self.docs, doc_ids)
        found = found[found >= 0]
        return self.doc_starts[found], self.doc_starts[found + 1]

    def doc_of_rows(self) -> np.ndarray:
        return np.repeat(self.docs, np.diff(self.doc_starts))

    def doc_of_row(self, row: int) -> str:
        return str(self.docs[np.searchsorted(self.doc_starts, row, side="right") - 1])

    def postings(self, column: int, ranges: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(rows, counts) of one column, only within the row `ranges` when given."""
        start, end = int(self.indptr[column]), int(self.indptr[column + 1])
        rows, counts = self.rows[start:end], self.counts[start:end]
        if ranges is None:
            return rows, counts
        picked = _concatenated_ranges(np.searchsorted(rows, ranges[0]), np.searchsorted(rows, ranges[1]))
        return rows[picked], counts[picked]


def _positions(sorted_values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Index of each of `wanted` in `sorted_values`, -1 where absent."""
    if not len(sorted_values) or not len(wanted):
        return np.full(len(wanted), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(sorted_values, wanted), len(sorted_values) - 1)
    return np.where(sorted_values[at] == wanted, at, -1)


def _concatenated_ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)]), without the Python loop."""
    lengths = ends - starts
    total = int(lengths.sum())
    if not total:
        return np.empty(0, dtype=np.int64)
    shifts = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return np.arange(total) + shifts


def from_chunks(records: Sequence[ChunkRecord], tokenize: Callable[[str], list[str]]) -> dict[str, np.ndarray]:
    """The arrays of a segment holding `records` (each chunk tokenized once, here)."""
    ordered = sorted(records, key=lambda r: (r.doc_id, r.chunk_id))
    terms: list[str] = []
    rows: list[int] = []
    counts: list[int] = []
    lengths = np.empty(len(ordered), dtype=np.int32)
    for row, record in enumerate(ordered):
        found = tokenize(record.text) or [EMPTY_TERM]
        lengths[row] = len(found)
        tally = Counter(found)
        terms.extend(tally)
        counts.extend(tally.values())
        rows.extend([row] * len(tally))
    vocabulary, term_of = np.unique(np.array(terms, dtype=str), return_inverse=True)
    return _assemble(vocabulary, term_of, np.array(rows, dtype=np.int32), np.array(counts, dtype=np.int32), lengths,
                     np.array([r.chunk_id for r in ordered], dtype=str), np.array([r.doc_id for r in ordered], dtype=str))


def merged(parts: Iterable[tuple[Segment, np.ndarray | None]]) -> dict[str, np.ndarray]:
    """The arrays of one segment holding the live rows (`live` mask, None: all) of several; no text is read."""
    parts = list(parts)
    vocabulary = np.unique(np.concatenate([segment.terms for segment, _ in parts]))
    kept = [live if live is not None else np.ones(segment.size, dtype=bool) for segment, live in parts]
    chunk_ids = np.concatenate([segment.chunk_ids[keep] for (segment, _), keep in zip(parts, kept)])
    doc_ids = np.concatenate([segment.doc_of_rows()[keep] for (segment, _), keep in zip(parts, kept)])
    lengths = np.concatenate([segment.lengths[keep] for (segment, _), keep in zip(parts, kept)])
    order = np.lexsort((chunk_ids, doc_ids))  # new row i is the order[i]-th kept row
    new_row = np.empty(len(order), dtype=np.int32)
    new_row[order] = np.arange(len(order), dtype=np.int32)
    terms, rows, counts = [], [], []
    offset = 0
    for (segment, _), keep in zip(parts, kept):
        renumbered = np.cumsum(keep) - 1 + offset  # old row → position among all kept rows
        column_of = np.repeat(np.arange(len(segment.terms)), np.diff(segment.indptr))
        live_posting = keep[segment.rows]
        terms.append(np.searchsorted(vocabulary, segment.terms)[column_of[live_posting]])
        rows.append(new_row[renumbered[segment.rows[live_posting]]])
        counts.append(np.asarray(segment.counts)[live_posting])
        offset += int(keep.sum())
    term_of = np.concatenate(terms)
    used, term_of = np.unique(term_of, return_inverse=True)  # terms only dropped rows held go
    return _assemble(vocabulary[used], term_of, np.concatenate(rows), np.concatenate(counts), lengths[order],
                     chunk_ids[order], doc_ids[order])


def _assemble(vocabulary: np.ndarray, term_of: np.ndarray, rows: np.ndarray, counts: np.ndarray, lengths: np.ndarray,
              chunk_ids: np.ndarray, doc_of_row: np.ndarray) -> dict[str, np.ndarray]:
    """Segment arrays from postings (term index, row, count) in any order; rows already ordered by document."""
    order = np.lexsort((rows, term_of))
    indptr = np.concatenate(([0], np.cumsum(np.bincount(term_of, minlength=len(vocabulary))))).astype(np.int64)
    docs, doc_starts = np.unique(doc_of_row, return_index=True)
    return {"terms": vocabulary, "indptr": indptr, "rows": rows[order].astype(np.int32),
            "counts": counts[order].astype(np.int32), "lengths": lengths.astype(np.int32), "chunk_ids": chunk_ids,
            "docs": docs, "doc_starts": np.append(doc_starts, len(doc_of_row)).astype(np.int64)}


def write(folder: Path, name: str, arrays: dict[str, np.ndarray]) -> Segment:
    """Writes a segment beside its final name and renames it there (a crash leaves no half segment by that name)."""
    staging = folder / f"{name}.tmp"
    staging.mkdir(parents=True)
    for key in ARRAYS:
        with open(staging / f"{key}.npy", "wb") as out:
            np.save(out, arrays[key], allow_pickle=False)
            out.flush()
            os.fsync(out.fileno())
    os.rename(staging, folder / name)
    return open_segment(folder / name)


def open_segment(path: Path) -> Segment:
    """Maps a written segment (raises FileNotFoundError when it is gone)."""
    return Segment(path.name, *(np.load(path / f"{key}.npy", mmap_mode="r", allow_pickle=False) for key in ARRAYS))
