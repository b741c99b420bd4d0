"""What an index needs to open its stores: where its files live, which fact database, model and Chroma, and
when chunk vectors are made."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class EmbeddingBackend(StrEnum):
    """What runs the embedding model: PyTorch, or an ONNX export of the same weights (full or int8)."""

    TORCH = "torch"
    ONNX = "onnx"
    ONNX_INT8 = "onnx-int8"

    @property
    def vector_tag(self) -> str:
        """Marks vectors that differ from the torch model's beyond float noise ('' when they do not)."""
        return "int8" if self is EmbeddingBackend.ONNX_INT8 else ""


DEFAULT_EMBEDDING_BACKEND = EmbeddingBackend.TORCH


class VectorPolicy(StrEnum):
    """When chunk vectors, which only dense and hybrid retrieval read, are made.

    Embedding is most of an ingest's time (docs/benchmarks.md), so an index searched by BM25 alone need not
    pay for it; `budgetqa embed` (index/vector_backfill.py) makes the missing vectors when the mode changes."""

    AT_INGEST = "at-ingest"  # every ingest embeds its chunks: a document is ready with its vectors
    ON_DEMAND = "on-demand"  # ingest never loads the model; chunks are stored without vectors until `budgetqa embed`


# Hybrid retrieval (index/retriever.py) scores a chunk Σ weight / (RRF_K + rank) over the BM25 and dense rankings,
# BM25's weight being 1. A dense weight under 1 / (RRF_K + 2) can never lift a chunk above BM25's first hit (BM25's
# second, ranked first by dense, scores 1/(K+2) + w/(K+1) < 1/(K+1)); it re-orders what lies below. RRF_K is 10, not
# the customary 60: at 60 BM25's top ranks score so alike that a dense weight large enough to move anything also
# pushes evidence out of BM25's top five. Measured grid of K and weight: docs/benchmarks.md, "Fusion and embedding
# backend".
RRF_K = 10
DEFAULT_DENSE_WEIGHT = 0.08  # weight of the dense ranking in hybrid retrieval: just under 1 / (RRF_K + 2)


def default_onnx_cache_dir() -> Path:
    """Where ONNX exports of the embedding model are kept: the user's cache dir (XDG_CACHE_HOME honoured)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "budgetqa" / "onnx"


@dataclass(frozen=True)
class EmbeddingConfig:
    """What builds an embedding model: plain settings, so another process (an ingest worker) can build the same one."""

    model: str = "auto"  # an installed package carrying weights, a local model folder, or 'auto'
    backend: EmbeddingBackend = DEFAULT_EMBEDDING_BACKEND
    onnx_cache_dir: Path | None = None  # None: default_onnx_cache_dir()


@dataclass(frozen=True)
class IndexConfig:
    """Storage of one index. Embedded defaults (SQLite, Chroma files) live under `data_dir`."""

    data_dir: Path
    database_url: str | None = None  # SQLAlchemy URL; None: SQLite at data_dir/budgetqa.sqlite3
    embedding_model: str = "auto"
    chroma_host: str | None = None  # set: a Chroma server through HttpClient
    chroma_port: int = 8000
    collection: str = "budget_chunks"
    embedding_backend: EmbeddingBackend = DEFAULT_EMBEDDING_BACKEND
    onnx_cache_dir: Path | None = None  # None: default_onnx_cache_dir()
    chunk_vectors: VectorPolicy = VectorPolicy.ON_DEMAND  # Settings derives it from the retrieval mode

    @property
    def embedding(self) -> EmbeddingConfig:
        return EmbeddingConfig(self.embedding_model, self.embedding_backend, self.onnx_cache_dir)

    @property
    def sqlalchemy_url(self) -> str:
        """The fact-store URL, defaulting to a SQLite file in the data dir."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'budgetqa.sqlite3').resolve()}"
