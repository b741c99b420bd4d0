"""What an index needs to open its stores: where its files live, which fact database, model and Chroma."""

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


def default_onnx_cache_dir() -> Path:
    """Where ONNX exports of the embedding model are kept: the user's cache dir (XDG_CACHE_HOME honoured)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "budgetqa" / "onnx"


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

    @property
    def sqlalchemy_url(self) -> str:
        """The fact-store URL, defaulting to a SQLite file in the data dir."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'budgetqa.sqlite3').resolve()}"
