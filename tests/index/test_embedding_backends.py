"""The ONNX backends run the packaged model's own weights: exported once (offline) into a cache and reused,
fp32 vectors equal to torch's, int8 vectors kept apart from them by the collection's model name."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from index import onnx_export
from index.config import EmbeddingBackend
from index.embeddings import LocalSentenceEmbeddings
from index.vector_store import ModelMismatch, VectorStore, chroma_client

REPO = Path(__file__).resolve().parents[2]
TEXTS = [
    "公务接待费",
    "2020年一般公共预算财政拨款支出合计1,234.56万元，比上年增长12.5%。",
    "项目：机房升级项目经费；成本指标：≤50 万元——来自《项目支出绩效目标表》",
    "预算收入" * 400,  # far past the 512-token window: both backends must cut it at the same place
]


def _no_network(*args, **kwargs):
    raise OSError("network access attempted")


@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.fixture(scope="module")
def onnx_model(onnx_cache: Path) -> Iterator[LocalSentenceEmbeddings]:
    """The fp32 ONNX backend, exported into an empty cache with every network connection refused."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _no_network)
        patch.setattr(socket, "create_connection", _no_network)
        model = LocalSentenceEmbeddings("auto", EmbeddingBackend.ONNX, onnx_cache)
        model.embed_query("预热")
    yield model


@pytest.fixture(scope="module")
def torch_vectors() -> np.ndarray:
    return np.asarray(LocalSentenceEmbeddings("auto", EmbeddingBackend.TORCH).embed_documents(TEXTS))


def test_fp32_onnx_vectors_equal_torch_vectors(onnx_model: LocalSentenceEmbeddings, torch_vectors: np.ndarray) -> None:
    onnx = np.asarray(onnx_model.embed_documents(TEXTS))
    assert onnx.shape == torch_vectors.shape == (len(TEXTS), 512)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert (onnx * torch_vectors).sum(axis=1).min() > 1 - 1e-5
    assert onnx_model.embed_query(TEXTS[1]) == pytest.approx(onnx[1].tolist(), abs=1e-5)  # alone as in a batch


def test_the_export_is_made_once_and_reused(onnx_model: LocalSentenceEmbeddings, onnx_cache: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    exported = [p for p in onnx_cache.glob("*/model.onnx") if not p.parent.name.endswith("-int8")]
    assert len(exported) == 1 and not list(onnx_cache.glob(".*.tmp*"))
    made = exported[0].stat().st_mtime_ns

    def export_again(*args) -> None:
        raise AssertionError("the model was exported a second time")

    monkeypatch.setattr(onnx_export, "_export", export_again)
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    reopened = LocalSentenceEmbeddings("auto", EmbeddingBackend.ONNX, onnx_cache)
    assert reopened.embed_query(TEXTS[0]) == pytest.approx(onnx_model.embed_query(TEXTS[0]), abs=1e-6)
    assert exported[0].stat().st_mtime_ns == made


def test_int8_vectors_are_close_but_not_the_same_vectors(onnx_model: LocalSentenceEmbeddings, onnx_cache: Path,
                                                        torch_vectors: np.ndarray) -> None:
    int8 = LocalSentenceEmbeddings("auto", EmbeddingBackend.ONNX_INT8, onnx_cache)
    cosines = (np.asarray(int8.embed_documents(TEXTS)) * torch_vectors).sum(axis=1)
    assert cosines.min() > 0.95 and cosines.max() < 1 - 1e-4  # beyond float noise: hence the tagged name
    assert int8.name == f"{onnx_model.name}+int8"
    assert [p.parent.name.endswith("-int8") for p in sorted(onnx_cache.glob("*/model.onnx"))] == [False, True]


def test_a_collection_refuses_a_backend_with_other_vectors(tmp_path: Path) -> None:
    client = chroma_client(tmp_path / "chroma")
    VectorStore(client, "chunks", LocalSentenceEmbeddings("auto", EmbeddingBackend.TORCH))
    VectorStore(client, "chunks", LocalSentenceEmbeddings("auto", EmbeddingBackend.ONNX))  # the same vectors
    with pytest.raises(ModelMismatch, match=r"\+int8"):
        VectorStore(client, "chunks", LocalSentenceEmbeddings("auto", EmbeddingBackend.ONNX_INT8))
    int8_client = chroma_client(tmp_path / "chroma-int8")
    VectorStore(int8_client, "chunks", LocalSentenceEmbeddings("auto", EmbeddingBackend.ONNX_INT8))
    for backend in (EmbeddingBackend.TORCH, EmbeddingBackend.ONNX):
        with pytest.raises(ModelMismatch):
            VectorStore(int8_client, "chunks", LocalSentenceEmbeddings("auto", backend))


PUBLISH_SLOWLY = """
import sys, time
from pathlib import Path
from index.onnx_export import MODEL_FILE, _published

def build(folder):
    with open(sys.argv[2], "a") as log:
        log.write("built\\n")
    time.sleep(0.5)
    (folder / MODEL_FILE).write_bytes(b"model")

print(_published(Path(sys.argv[1]), "model-x", build))
"""


def test_two_processes_exporting_at_once_build_once(tmp_path: Path) -> None:
    cache, log = tmp_path / "cache", tmp_path / "builds.log"
    runs = [subprocess.Popen([sys.executable, "-c", PUBLISH_SLOWLY, str(cache), str(log)], cwd=REPO, stdout=subprocess.PIPE,
                             text=True) for _ in range(2)]
    folders = {run.communicate(timeout=60)[0].strip() for run in runs}
    assert folders == {str(cache / "model-x")} and (cache / "model-x" / onnx_export.MODEL_FILE).read_bytes() == b"model"
    assert log.read_text() == "built\n"
    assert [p.name for p in cache.iterdir() if not p.name.endswith(".lock")] == ["model-x"]
