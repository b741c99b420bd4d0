"""What an index needs to open its stores: where its files live, which fact database, model and Chroma."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IndexConfig:
    """Storage of one index. Embedded defaults (SQLite, Chroma files) live under `data_dir`."""

    data_dir: Path
    database_url: str | None = None  # SQLAlchemy URL; None: SQLite at data_dir/budgetqa.sqlite3
    embedding_model: str = "auto"
    chroma_host: str | None = None  # set: a Chroma server through HttpClient
    chroma_port: int = 8000
    collection: str = "budget_chunks"

    @property
    def sqlalchemy_url(self) -> str:
        """The fact-store URL, defaulting to a SQLite file in the data dir."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'budgetqa.sqlite3').resolve()}"
