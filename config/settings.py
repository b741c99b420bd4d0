"""All configuration in one place, read from `BUDGETQA_*` environment variables (or a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.config import AssistantConfig, DisplayUnit
from index.retriever import RetrievalMode
from index.config import DEFAULT_DENSE_WEIGHT, DEFAULT_EMBEDDING_BACKEND, EmbeddingBackend, IndexConfig, VectorPolicy
from ingest.pipeline import ParseOptions


class Settings(BaseSettings):
    """Every setting the product reads; each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="BUDGETQA_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Folder holding the fact database, keyword index and Chroma files.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL of the fact store; default is SQLite at DATA_DIR/budgetqa.sqlite3."
    )
    embedding_model: str = Field(
        "auto",
        description="Embedding model: 'auto' (best installed packaged model), an installed package name, or a local path.",
    )
    embedding_backend: EmbeddingBackend = Field(
        DEFAULT_EMBEDDING_BACKEND,
        description="What runs the embedding model: 'torch', 'onnx' (an export of the same weights, same vectors) or "
        "'onnx-int8' (int8 weights: other vectors, so an index built with it must be opened with it).",
    )
    onnx_cache_dir: Path | None = Field(
        None, description="Folder of the ONNX exports of the embedding model (made once); default ~/.cache/budgetqa/onnx."
    )
    chroma_host: str | None = Field(None, description="Chroma server host; when set, a Chroma HttpClient is used.")
    chroma_port: int = Field(8000, description="Chroma server port, used with CHROMA_HOST.")
    collection: str = Field("budget_chunks", description="Chroma collection name.")
    display_unit: DisplayUnit = Field(DisplayUnit.WAN, description="Unit in which money figures are shown (元, 万元 or 亿元).")
    chunk_tokens: int = Field(256, ge=16, description="Chunk budget in jieba tokens.")
    chunk_overlap_sentences: int = Field(1, ge=0, description="Sentences repeated at the start of the next chunk.")
    max_file_bytes: int = Field(50 * 1024 * 1024, ge=1, description="Largest file accepted for ingestion.")
    ocr_max_pages: int = Field(
        100, ge=0, description="Most scanned pages read by OCR in one document (a few seconds each); a document with more is refused."
    )
    max_question_chars: int = Field(500, ge=1, description="Longest question accepted.")
    top_k: int = Field(8, ge=1, le=100, description="Chunks returned by the retriever.")
    retrieval_mode: RetrievalMode = Field(
        RetrievalMode.KEYWORD,
        description="How questions find passages: 'keyword' (BM25, measured best), 'dense' (the embedding model) or 'hybrid' "
        "(both: the dense ranking re-orders BM25's below its first hit).",
    )
    dense_weight: float = Field(
        DEFAULT_DENSE_WEIGHT, ge=0.0,
        description="Weight of the dense ranking in 'hybrid' retrieval (BM25's is 1); above 1/(RRF K + 2) it may lift a passage "
        "over BM25's first hit.",
    )
    chunk_vectors: VectorPolicy | None = Field(
        None,
        description="When chunk vectors (read only by 'dense' and 'hybrid' retrieval) are made: 'at-ingest' (each ingest embeds "
        "its chunks, most of its time) or 'on-demand' (ingest never loads the model; `budgetqa embed` makes the missing ones). "
        "Unset: at-ingest when RETRIEVAL_MODE reads vectors, else on-demand.",
    )
    staff_keys: list[str] = Field(default_factory=list, description="API keys with staff rights (JSON list).")
    admin_keys: list[str] = Field(default_factory=list, description="API keys with admin rights (JSON list).")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed to call the API from a browser.")
    max_in_flight: int = Field(
        32, ge=1, description="Questions one server worker takes at once (answering or waiting for an answer thread); "
        "beyond it, 503 with Retry-After at once."
    )
    answer_threads: int = Field(
        2, ge=1, description="Answers one server worker computes at once; the other questions it took wait for a thread. "
        "Answers share one interpreter, so more threads answer no faster and keep the event loop (and every refusal) "
        "waiting.",
    )
    switch_interval_ms: float = Field(
        1.0, gt=0, description="How long a server thread may keep the interpreter while another waits for it (Python's "
        "default: 5 ms); the event loop waits up to this long for each step of a request while answers are computed.",
    )
    rate_limit_per_minute: int = Field(60, ge=0, description="Public ask requests per client per minute; 0 switches the limit off.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint that may rephrase text answers.")
    llm_model: str = Field("qwen", description="Model name sent to the LLM endpoint.")
    contact_url: str | None = Field(
        None,
        description="Link to the site's 留言 / 人工服务 page, shown under every widget answer; unset: no link.",
    )

    @model_validator(mode="after")
    def _vectors_for_the_retrieval_mode(self) -> Settings:
        if self.chunk_vectors is VectorPolicy.ON_DEMAND and self.retrieval_mode.reads_vectors:
            raise ValueError(f"chunk_vectors 'on-demand' would leave new documents without the vectors retrieval_mode "
                             f"'{self.retrieval_mode}' reads; unset chunk_vectors or set it to 'at-ingest'")
        return self

    @property
    def vector_policy(self) -> VectorPolicy:
        """When chunk vectors are made: as set, else at ingest exactly when the retrieval mode reads them."""
        if self.chunk_vectors is not None:
            return self.chunk_vectors
        return VectorPolicy.AT_INGEST if self.retrieval_mode.reads_vectors else VectorPolicy.ON_DEMAND

    def index_config(self) -> IndexConfig:
        return IndexConfig(self.data_dir, self.database_url, self.embedding_model, self.chroma_host, self.chroma_port,
                           self.collection, self.embedding_backend, self.onnx_cache_dir, self.vector_policy)

    def assistant_config(self) -> AssistantConfig:
        return AssistantConfig(self.display_unit, self.max_question_chars, self.top_k, self.llm_base_url, self.llm_model,
                               self.retrieval_mode, self.dense_weight)

    def parse_options(self) -> ParseOptions:
        return ParseOptions(self.max_file_bytes, self.chunk_tokens, self.chunk_overlap_sentences, self.ocr_max_pages)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, built on first use."""
    return Settings()
