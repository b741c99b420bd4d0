"""BM25 over jieba tokens (with the budget lexicon), built at ingest and persisted; never rebuilt per query."""

from __future__ import annotations

import json
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from index.fact_store import ChunkRecord
from index.stores import SearchHit
from ingest.lexicon import search_terms

IDS_FILE = "chunk_ids.json"
LOAD_ATTEMPTS = 5  # re-reads when a writer swaps the folder while it is being loaded


@dataclass(frozen=True)
class _Loaded:
    """One loaded version of the persisted index; replaced whole, so a reader never mixes two versions."""

    mtime: float | None
    bm25: bm25s.BM25 | None
    chunk_ids: list[str]
    doc_ids: np.ndarray


_EMPTY = _Loaded(None, None, [], np.array([], dtype=object))


class KeywordIndex:
    """A persisted bm25s index plus the chunk and document id of each row."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._loaded = _EMPTY
        self._load_lock = threading.Lock()

    def rebuild(self, records: list[ChunkRecord]) -> None:
        """Builds the index from all chunks and swaps it in atomically (write aside, then rename)."""
        staging = self.folder.with_name(self.folder.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        if records:
            bm25 = bm25s.BM25()
            bm25.index([search_terms(r.text) or ["∅"] for r in records], show_progress=False)
            bm25.save(str(staging))
        (staging / IDS_FILE).write_text(json.dumps([[r.chunk_id, r.doc_id] for r in records]), encoding="utf-8")
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            os.replace(self.folder, old)
        os.replace(staging, self.folder)
        shutil.rmtree(old, ignore_errors=True)

    def _current(self) -> _Loaded:
        """The index as persisted now, loaded once per version (one thread loads; the others wait for it)."""
        ids_file = self.folder / IDS_FILE
        try:
            mtime = ids_file.stat().st_mtime_ns
        except FileNotFoundError:
            return _EMPTY
        loaded = self._loaded
        if loaded.mtime == mtime:
            return loaded
        with self._load_lock:
            for _ in range(LOAD_ATTEMPTS):
                if self._loaded.mtime == mtime:
                    return self._loaded
                try:
                    pairs = json.loads(ids_file.read_text(encoding="utf-8"))
                    bm25 = bm25s.BM25.load(str(self.folder)) if pairs else None
                    settled = ids_file.stat().st_mtime_ns
                except (FileNotFoundError, json.JSONDecodeError):  # a writer swapped the folder meanwhile
                    settled = None
                if settled == mtime:  # ids and scores of one and the same version
                    self._loaded = _Loaded(mtime, bm25, [p[0] for p in pairs], np.array([p[1] for p in pairs], dtype=object))
                    return self._loaded
                try:
                    mtime = ids_file.stat().st_mtime_ns
                except FileNotFoundError:
                    break
            return self._loaded  # the version we had: still consistent in itself

    def is_current(self, chunk_ids: set[str]) -> bool:
        """True when the persisted index holds exactly these chunks."""
        loaded = self._current()
        return set(loaded.chunk_ids) == chunk_ids and (self.folder / IDS_FILE).exists()

    def search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[SearchHit]:
        """Top-k chunks by BM25, restricted to `doc_ids` when given."""
        loaded = self._current()
        terms = search_terms(query)
        if loaded.bm25 is None or not terms:
            return []
        scores = loaded.bm25.get_scores(terms)
        if doc_ids is not None:
            scores = np.where(np.isin(loaded.doc_ids, list(doc_ids)), scores, 0.0)
        top = np.argsort(-scores)[:k]
        return [SearchHit(loaded.chunk_ids[i], str(loaded.doc_ids[i]), float(scores[i])) for i in top if scores[i] > 0]
