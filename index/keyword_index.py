"""BM25 over jieba tokens (with the budget lexicon), built at ingest and persisted; never rebuilt per query."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from index.fact_store import ChunkRecord
from ingest.lexicon import search_terms

IDS_FILE = "chunk_ids.json"


@dataclass(frozen=True)
class KeywordHit:
    chunk_id: str
    doc_id: str
    score: float


class KeywordIndex:
    """A persisted bm25s index plus the chunk and document id of each row."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._bm25: bm25s.BM25 | None = None
        self._chunk_ids: list[str] = []
        self._doc_ids: np.ndarray = np.array([], dtype=object)
        self._loaded_mtime: float | None = None

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
        self._loaded_mtime = None

    def _ensure_loaded(self) -> None:
        ids_file = self.folder / IDS_FILE
        if not ids_file.exists():
            self._bm25, self._chunk_ids, self._doc_ids = None, [], np.array([], dtype=object)
            return
        mtime = ids_file.stat().st_mtime
        if self._loaded_mtime == mtime:
            return
        pairs = json.loads(ids_file.read_text(encoding="utf-8"))
        self._chunk_ids = [p[0] for p in pairs]
        self._doc_ids = np.array([p[1] for p in pairs], dtype=object)
        self._bm25 = bm25s.BM25.load(str(self.folder)) if pairs else None
        self._loaded_mtime = mtime

    def is_current(self, chunk_ids: set[str]) -> bool:
        """True when the persisted index holds exactly these chunks."""
        self._ensure_loaded()
        return set(self._chunk_ids) == chunk_ids and (self.folder / IDS_FILE).exists()

    def search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[KeywordHit]:
        """Top-k chunks by BM25, restricted to `doc_ids` when given."""
        self._ensure_loaded()
        terms = search_terms(query)
        if self._bm25 is None or not terms:
            return []
        scores = self._bm25.get_scores(terms)
        if doc_ids is not None:
            scores = np.where(np.isin(self._doc_ids, list(doc_ids)), scores, 0.0)
        top = np.argsort(-scores)[:k]
        return [KeywordHit(self._chunk_ids[i], str(self._doc_ids[i]), float(scores[i])) for i in top if scores[i] > 0]
