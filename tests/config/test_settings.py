"""Settings are checked when read, and the parts built from them get exactly what was set."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.config import AssistantConfig, DisplayUnit
from config.settings import Settings
from index.config import EmbeddingBackend
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


@pytest.mark.parametrize("values", [{"top_k": 0}, {"max_question_chars": 0}, {"display_unit": "美元"}, {"dense_weight": -0.1}])
def test_assistant_config_refuses_what_it_cannot_use(values: dict) -> None:
    with pytest.raises(ValueError):
        AssistantConfig(**values)
