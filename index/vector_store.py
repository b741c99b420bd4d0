"""Chunk vectors in Chroma: an embedded PersistentClient by default, a Chroma server when configured.

The collection records which embedding model built it (tagged with the backend where that backend's
vectors differ, as int8 weights do); opening it with another model is an error, because vectors of two
models are not comparable.
"""

from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from index.embeddings import ADD_BATCH, ChunkVectors, LocalSentenceEmbeddings, embed_chunks
from index.fact_store import ChunkRecord
from index.stores import SearchHit

MODEL_KEY = "embedding_model"


class ModelMismatch(RuntimeError):
    """The collection was built with a different embedding model."""


def chroma_client(persist_dir: Path | None = None, host: str | None = None, port: int = 8000) -> chromadb.ClientAPI:
    """A Chroma client with telemetry off: HTTP when `host` is given, else embedded on disk."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    assert persist_dir is not None
    persist_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(persist_dir), settings=settings)


def fresh_persistent_client(persist_dir: Path) -> chromadb.ClientAPI:
    """An embedded client that re-reads the files: chromadb keeps one cached System per folder per
    process, which never sees vectors another process wrote, so that System is stopped and dropped."""
    from chromadb.api.shared_system_client import SharedSystemClient

    key = str(persist_dir)
    system = SharedSystemClient._identifier_to_system.pop(key, None)
    SharedSystemClient._identifier_to_refcount.pop(key, None)
    if system is not None:
        system.stop()
    return chroma_client(persist_dir)


def chunk_metadata(department: str, year: int | None, kind: str) -> dict:
    """What Chroma keeps with each chunk of a document, for filtering: department, year (0: none) and kind."""
    return {"department": department, "year": year or 0, "doc_kind": str(kind)}


class VectorStore:
    """Chunk embeddings with document metadata, searched by cosine similarity."""

    def __init__(self, client: chromadb.ClientAPI, collection: str, embeddings: LocalSentenceEmbeddings):
        self.client = client
        self.embeddings = embeddings
        raw = client.get_or_create_collection(collection, metadata={MODEL_KEY: embeddings.name, "hnsw:space": "cosine"})
        built_with = (raw.metadata or {}).get(MODEL_KEY)
        if built_with != embeddings.name:
            raise ModelMismatch(
                f"collection '{collection}' was built with embedding model '{built_with}', but '{embeddings.name}' is "
                "configured; set BUDGETQA_EMBEDDING_MODEL / BUDGETQA_EMBEDDING_BACKEND back or re-ingest into a fresh data dir"
            )
        self._collection = raw
        self.langchain = Chroma(client=client, collection_name=collection, embedding_function=embeddings)

    def add(self, records: list[ChunkRecord], meta: dict[str, dict], vectors: ChunkVectors | None = None) -> None:
        """Stores chunks (in chunk-id order, as the fact store lists them), embedding them here unless `vectors`
        made by this store's model elsewhere are given; `meta[doc_id]` holds department/year/kind for filtering."""
        if vectors is not None and vectors.model != self.embeddings.name:
            raise ModelMismatch(f"vectors made by '{vectors.model}' cannot go into a collection of '{self.embeddings.name}'")
        for i in range(0, len(records), ADD_BATCH):
            batch = records[i : i + ADD_BATCH]
            found = vectors if vectors is not None else embed_chunks(self.embeddings, [(r.chunk_id, r.text) for r in batch])
            self._collection.upsert(
                ids=[r.chunk_id for r in batch],
                documents=[r.text for r in batch],
                embeddings=[found.by_id[r.chunk_id] for r in batch],
                metadatas=[{"doc_id": r.doc_id, "kind": r.kind, **meta[r.doc_id]} for r in batch],
            )

    def delete(self, doc_ids: list[str]) -> None:
        if doc_ids:
            self._collection.delete(where={"doc_id": {"$in": doc_ids}})

    def count(self, doc_id: str | None = None) -> int:
        if doc_id is None:
            return self._collection.count()
        return len(self._collection.get(where={"doc_id": doc_id}, include=[])["ids"])

    def doc_ids(self) -> set[str]:
        """Every document id that has vectors (used to clean up after a crash)."""
        metas = self._collection.get(include=["metadatas"])["metadatas"] or []
        return {m["doc_id"] for m in metas}

    def chunk_ids(self) -> set[str]:
        """Every chunk id that has a vector (what `budgetqa embed` need not make again)."""
        return set(self._collection.get(include=[])["ids"])

    def search(self, query: str, k: int, doc_ids: set[str] | None = None) -> list[SearchHit]:
        """Top-k chunks by cosine similarity, restricted to `doc_ids` when given."""
        if doc_ids is not None and not doc_ids:
            return []
        where = {"doc_id": {"$in": sorted(doc_ids)}} if doc_ids is not None else None
        found = self.langchain.similarity_search_with_score(query, k=k, filter=where)
        return [SearchHit(d.id, d.metadata["doc_id"], 1.0 - float(distance)) for d, distance in found]
