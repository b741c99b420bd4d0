"""Assistants over real indexes: the full Langfang sample, and two small departments side by side."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import Assistant
from config.settings import Settings
from index.corpus_index import CorpusIndex
from index.embeddings import LocalSentenceEmbeddings
from index.ingestion import ingest_paths


def _assistant(data_dir: Path, embeddings: LocalSentenceEmbeddings, paths: list[Path]) -> Assistant:
    """An assistant over `data_dir` after `paths` are ingested into it (each must be added)."""
    config = Settings(_env_file=None, data_dir=data_dir)
    index = CorpusIndex.open(config.index_config(), embeddings)
    report = ingest_paths(index, paths)
    assert report.ok and len(report.added) == len(paths), report
    return Assistant(index, config.assistant_config())


def written_assistant(folder: Path, embeddings: LocalSentenceEmbeddings, disclosures: dict[str, str]) -> Assistant:
    """An assistant over the given disclosures ({file name: text}), written into `folder` and ingested."""
    paths = [folder / name for name in disclosures]
    for path, text in zip(paths, disclosures.values(), strict=True):
        path.write_text(text, encoding="utf-8")
    return _assistant(folder / "data", embeddings, paths)


@pytest.fixture(scope="session")
def langfang_assistant(tmp_path_factory, embeddings, langfang_data) -> Assistant:
    """Only the Langfang 2020 disclosure is indexed."""
    return _assistant(langfang_data(tmp_path_factory.mktemp("langfang") / "data"), embeddings, [])


@pytest.fixture(scope="session")
def two_department_assistant(tmp_path_factory, embeddings, small_paths) -> Assistant:
    """政法委 2020 and 宣传部 2021 excerpts indexed together."""
    return _assistant(tmp_path_factory.mktemp("two"), embeddings, list(small_paths))


SHARED_DOCUMENTS = (  # five departments, three 预算 and two 决算, for the answer-class tests
    "02_shpt_wanli-street_2024_dept-budget.pdf",
    "04_shpt_commerce-commission_2025_dept-budget.pdf",
    "08_shpt_justice-bureau_2026_dept-budget.pdf",
    "10_shpt_finance-bureau_2024_dept-final-account.pdf",
    "12_shpt_party-social-work-dept_2024_dept-final-account.pdf",
)


@pytest.fixture(scope="session")
def shared_assistant(tmp_path_factory, embeddings, langfang_data, shared_corpus) -> Assistant:
    """The Langfang sample and five real Shanghai disclosures indexed together, as a portal would hold them."""
    data_dir = langfang_data(tmp_path_factory.mktemp("shared") / "data")
    return _assistant(data_dir, embeddings, [shared_corpus / "real" / name for name in SHARED_DOCUMENTS])
