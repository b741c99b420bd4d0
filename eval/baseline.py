"""A plain LangChain RAG baseline, scored with the same rules as the product.

Each ingested document's stored text is split with RecursiveCharacterTextSplitter, embedded with the
product's embedding model into a private in-memory Chroma collection, and a question is answered by
the single most similar chunk (k=1): its first number (plus a following 元/万元/亿元/% unit) is the
answer's value, and the chunk itself is the citation, at its offsets in the stored text.
"""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.answer import NOT_FOUND_TEXT, Answer, Citation, Context
from index.corpus_index import CorpusIndex, DocumentFilter

CHUNK_CHARS = 400
CHUNK_OVERLAP = 50
SEPARATORS = ["\n\n", "\n", "。", "；", "，", " ", ""]
# first number in a chunk, with an optional unit right after it
FIRST_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万元|亿元|元|%|％)?")


def first_number(text: str) -> tuple[float, str | None] | None:
    """(value, unit or None) of the first number in `text`; the unit only when it is 元/万元/亿元/%."""
    match = FIRST_NUMBER.search(text)
    if match is None:
        return None
    unit = match.group(2)
    return float(Decimal(match.group(1).replace(",", ""))), ("%" if unit == "％" else unit)


class BaselineRAG:
    """Top-1 chunk retrieval over a private Chroma collection; call `close()` to drop the collection."""

    def __init__(self, index: CorpusIndex, embeddings: Embeddings, chunk_chars: int = CHUNK_CHARS, overlap: int = CHUNK_OVERLAP):
        self.index = index
        self.client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.collection_name = f"eval_baseline_{uuid.uuid4().hex[:12]}"
        self.store = Chroma(
            client=self.client, collection_name=self.collection_name, embedding_function=embeddings,
            collection_metadata={"hnsw:space": "cosine"},
        )
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_chars, chunk_overlap=overlap, separators=SEPARATORS, add_start_index=True
        )
        self.chunks = self._load()

    def _load(self) -> int:
        count = 0
        for record in self.index.documents():
            text = self.index.facts.text(record.doc_id) or ""
            meta = {"doc_id": record.doc_id, "source": record.source, "department": record.department, "year": record.year or 0}
            chunks = self.splitter.create_documents([text], metadatas=[meta])
            if chunks:
                ids = [f"{record.doc_id}:{c.metadata['start_index']}" for c in chunks]
                self.store.add_documents(chunks, ids=ids)
                count += len(chunks)
        return count

    def ask(self, question: str, filters: DocumentFilter | None = None, context: Context | None = None) -> Answer:
        """The top chunk's first number (kind number) or the chunk itself (kind text), cited at its offsets; the
        baseline keeps no conversation, so `context` is not read."""
        scope = [d.doc_id for d in self.index.documents(filters or DocumentFilter())]
        found: list[Document] = self.store.similarity_search(question, k=1, filter={"doc_id": {"$in": scope}}) if scope else []
        if not found:
            return Answer(question=question, kind="not_found", text=f"{NOT_FOUND_TEXT}相关内容。")
        chunk = found[0]
        meta = chunk.metadata
        start = int(meta["start_index"])
        citation = Citation(
            doc_id=meta["doc_id"], source=meta["source"], department=meta["department"], year=meta["year"] or None,
            start=start, end=start + len(chunk.page_content), quote=chunk.page_content,
        )
        number = first_number(chunk.page_content)
        if number is None:
            return Answer(question=question, kind="text", text=chunk.page_content, citations=[citation], route="retrieval")
        value, unit = number
        return Answer(
            question=question, kind="number", text=chunk.page_content, value=value, unit=unit,
            citations=[citation], route="retrieval",
        )

    def close(self) -> None:
        try:
            self.client.delete_collection(self.collection_name)
        except Exception:  # noqa: BLE001 - best effort: the collection is in memory anyway
            pass
