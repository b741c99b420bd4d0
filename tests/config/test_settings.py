"""Settings are checked when read, and the parts built from them get exactly what was set."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.config import AssistantConfig, DisplayUnit
from config.settings import Settings
from index.config import EmbeddingBackend, VectorPolicy
from index.retriever import RetrievalMode


@pytest.mark.parametrize(("name", "value"), [
    ("BUDGETQA_DISPLAY_UNIT", "美元"),
    ("BUDGETQA_TOP_K", "0"),
    ("BUDGETQA_MAX_QUESTION_CHARS", "-1"),
    ("BUDGETQA_CHUNK_TOKENS", "abc"),
    ("BUDGETQA_RATE_LIMIT_PER_MINUTE", "-1"),
    ("BUDGETQA_MAX_IN_FLIGHT", "0"),
])
def test_an_invalid_value_is_refused_when_read(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match=name.removeprefix("BUDGETQA_").lower()):
        Settings(_env_file=None)


def test_parts_get_what_was_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BUDGETQA_DISPLAY_UNIT", "亿元")
    monkeypatch.setenv("BUDGETQA_TOP_K", "3")
    monkeypatch.setenv("BUDGETQA_CHUNK_TOKENS", "128")
    settings = Settings(_env_file=None, data_dir=tmp_path)
    assert settings.assistant_config() == AssistantConfig(DisplayUnit.YI, 500, 3)
    assert settings.parse_options().chunk_tokens == 128
    index = settings.index_config()
    assert index.data_dir == tmp_path and index.sqlalchemy_url.endswith("budgetqa.sqlite3")


def test_embedding_backend_and_retrieval_mode_reach_the_index_and_assistant(monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = Settings(_env_file=None)
    assert defaults.index_config().embedding_backend == EmbeddingBackend.TORCH
    assert defaults.assistant_config().retrieval_mode == RetrievalMode.KEYWORD
    monkeypatch.setenv("BUDGETQA_EMBEDDING_BACKEND", "onnx")
    monkeypatch.setenv("BUDGETQA_ONNX_CACHE_DIR", "/srv/onnx")
    monkeypatch.setenv("BUDGETQA_RETRIEVAL_MODE", "hybrid")
    monkeypatch.setenv("BUDGETQA_DENSE_WEIGHT", "0.5")
    settings = Settings(_env_file=None)
    assert settings.index_config().embedding_backend == EmbeddingBackend.ONNX
    assert settings.index_config().onnx_cache_dir == Path("/srv/onnx")
    assert settings.assistant_config().retrieval_mode == RetrievalMode.HYBRID
    assert settings.assistant_config().dense_weight == 0.5 != defaults.assistant_config().dense_weight
    monkeypatch.setenv("BUDGETQA_EMBEDDING_BACKEND", "cuda")
    with pytest.raises(ValidationError, match="embedding_backend"):
        Settings(_env_file=None)


@pytest.mark.parametrize(("mode", "chunk_vectors", "policy"), [
    ("keyword", None, VectorPolicy.ON_DEMAND),  # the default: BM25 reads no vectors, so ingest makes none
    ("dense", None, VectorPolicy.AT_INGEST),
    ("hybrid", None, VectorPolicy.AT_INGEST),
    ("keyword", "at-ingest", VectorPolicy.AT_INGEST),  # made ahead of a switch to dense or hybrid
])
def test_chunk_vectors_follow_the_retrieval_mode_unless_set(monkeypatch: pytest.MonkeyPatch, mode: str,
                                                            chunk_vectors: str | None, policy: VectorPolicy) -> None:
    monkeypatch.setenv("BUDGETQA_RETRIEVAL_MODE", mode)
    if chunk_vectors:
        monkeypatch.setenv("BUDGETQA_CHUNK_VECTORS", chunk_vectors)
    assert Settings(_env_file=None).index_config().chunk_vectors is policy


@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_vectors_on_demand_are_refused_with_a_mode_that_reads_them(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    monkeypatch.setenv("BUDGETQA_RETRIEVAL_MODE", mode)
    monkeypatch.setenv("BUDGETQA_CHUNK_VECTORS", "on-demand")
    with pytest.raises(ValidationError, match="chunk_vectors 'on-demand'"):
        Settings(_env_file=None)
    monkeypatch.setenv("BUDGETQA_CHUNK_VECTORS", "later")
    with pytest.raises(ValidationError, match="chunk_vectors"):
        Settings(_env_file=None)


@pytest.mark.parametrize("values", [{"top_k": 0}, {"max_question_chars": 0}, {"display_unit": "美元"}, {"dense_weight": -0.1}])
def test_assistant_config_refuses_what_it_cannot_use(values: dict) -> None:
    with pytest.raises(ValueError):
        AssistantConfig(**values)
