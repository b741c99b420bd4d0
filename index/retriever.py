"""Chunk retrieval as a LangChain retriever: BM25, dense (Chroma), or both fused by weighted reciprocal rank.

BM25 alone is the product's default. On every development gold set its recall@5 is above dense retrieval's; the
best fusion measured finds the evidence for two more of 319 questions, and the query embedding makes a search
5–10 times slower (docs/benchmarks.md, "Fusion and embedding backend"). Hybrid retrieval keeps BM25's ranking in
charge: the dense ranking, at `DEFAULT_DENSE_WEIGHT`, only re-orders what lies below BM25's first hit.
"""

from __future__ import annotations

from enum import StrEnum

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from index.config import DEFAULT_DENSE_WEIGHT, RRF_K
from index.corpus_index import CorpusIndex, DocumentFilter
from index.query_expansion import expand

CANDIDATES_PER_SIDE = 30  # each retriever's list length before fusion


class RetrievalMode(StrEnum):
    """Which searches a retriever runs."""

    KEYWORD = "keyword"  # BM25
    DENSE = "dense"  # the embedding model's cosine similarity
    HYBRID = "hybrid"  # both, fused by weighted reciprocal rank

    @property
    def reads_vectors(self) -> bool:
        """True when the mode searches chunk vectors (so they must exist for every chunk)."""
        return self is not RetrievalMode.KEYWORD


def reciprocal_rank_fusion(rankings: list[list[str]], weights: list[float] | None = None, k: int = RRF_K) -> dict[str, float]:
    """Fused score per id: Σ weight / (k + rank) over the rankings that contain it (every weight 1 by default)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


class HybridRetriever(BaseRetriever):
    """Returns chunks as Documents whose metadata carries provenance (doc, department, year, spans, score)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: CorpusIndex
    k: int = 8
    where: DocumentFilter = DocumentFilter()
    mode: RetrievalMode = RetrievalMode.HYBRID
    dense_weight: float = Field(DEFAULT_DENSE_WEIGHT, ge=0.0,
                                description="Weight of the dense ranking in hybrid fusion; BM25's is 1.")

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        with self.index.reading():  # one view of the index: nothing turns ready or goes away meanwhile
            return self._relevant(query)

    def _relevant(self, query: str) -> list[Document]:
        docs = {d.doc_id: d for d in self.index.documents(self.where)}
        if not docs:
            return []
        allowed = set(docs)
        expanded = expand(query)
        rankings: list[list[str]] = []
        weights: list[float] = []
        if self.mode in (RetrievalMode.HYBRID, RetrievalMode.KEYWORD):
            rankings.append([h.chunk_id for h in self.index.keywords.search(expanded, CANDIDATES_PER_SIDE, allowed)])
            weights.append(1.0)
        if self.mode in (RetrievalMode.HYBRID, RetrievalMode.DENSE):
            rankings.append([h.chunk_id for h in self.index.vectors.search(expanded, CANDIDATES_PER_SIDE, allowed)])
            weights.append(self.dense_weight if self.mode == RetrievalMode.HYBRID else 1.0)
        fused = reciprocal_rank_fusion(rankings, weights)
        top = sorted(fused, key=lambda cid: -fused[cid])[: self.k]
        records = {c.chunk_id: c for c in self.index.facts.chunks(allowed, chunk_ids=fused)}  # by key, not all of `allowed`
        out: list[Document] = []
        for chunk_id in top:
            record = records.get(chunk_id)
            if record is None:  # removed since the keyword index was built
                continue
            doc = docs[record.doc_id]
            out.append(Document(
                page_content=record.text,
                id=chunk_id,
                metadata={
                    "chunk_id": chunk_id, "doc_id": doc.doc_id, "department": doc.department, "year": doc.year,
                    "kind": doc.kind, "source": doc.source, "heading": record.heading, "chunk_kind": record.kind,
                    "spans": record.spans, "page": record.page, "section_id": record.section_id, "score": fused[chunk_id],
                },
            ))
        return out
