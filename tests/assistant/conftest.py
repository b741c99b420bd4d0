"""Assistants over real indexes: the full Langfang sample, and two small departments side by side."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import Assistant
from budgetqa.settings import Settings
from index.corpus_index import CorpusIndex
from index.embeddings import LocalSentenceEmbeddings
from index.ingestion import ingest_paths


def _assistant(data_dir: Path, embeddings: LocalSentenceEmbeddings, paths: list[Path], **settings) -> Assistant:
    config = Settings(_env_file=None, data_dir=data_dir, **settings)
    index = CorpusIndex.open(config, embeddings)
    report = ingest_paths(index, paths)
    assert report.ok, report.failed
    return Assistant(index, config)


@pytest.fixture(scope="session")
def langfang_assistant(tmp_path_factory, embeddings, langfang_path) -> Assistant:
    """Only the Langfang 2020 disclosure is indexed."""
    return _assistant(tmp_path_factory.mktemp("langfang"), embeddings, [langfang_path])


@pytest.fixture(scope="session")
def two_department_assistant(tmp_path_factory, embeddings, small_paths) -> Assistant:
    """政法委 2020 and 宣传部 2021 excerpts indexed together."""
    return _assistant(tmp_path_factory.mktemp("two"), embeddings, list(small_paths))
