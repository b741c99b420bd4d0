"""API fixtures: one real index on the Langfang sample and one app on it, shared by the session.

The index is a copy of the Langfang data dir built in-process with the session's embedding model
(tests/conftest.py); the app then starts as in production (its lifespan opens the index and loads its
own copy of the model).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

os.environ["HF_HUB_OFFLINE"] = "1"  # also set by tests/conftest.py; repeated here because the API tests rely on it

from api.app import create_app  # noqa: E402
from tests.support import time_limit  # noqa: E402
from api_support import ADMIN_KEY, STAFF_KEY, UNLIMITED_PER_MINUTE, api_settings  # noqa: E402
from index.corpus_index import CorpusIndex  # noqa: E402
from index.embeddings import LocalSentenceEmbeddings  # noqa: E402
from index.ingestion import ingest_paths  # noqa: E402

TEST_TIME_LIMIT_S = 240  # one test (not counting session fixtures); the browser tests wait on a real server


@pytest.fixture(autouse=True)
def per_test_time_limit() -> Iterator[None]:
    with time_limit(TEST_TIME_LIMIT_S):
        yield


@pytest.fixture(scope="session")
def api_data_dir(tmp_path_factory: pytest.TempPathFactory, langfang_data) -> Path:
    """A data dir holding the ingested Langfang sample (the app's own copy: its tests upload and delete)."""
    return langfang_data(tmp_path_factory.mktemp("api-data") / "data")


@pytest.fixture(scope="session")
def app(api_data_dir: Path):
    return create_app(api_settings(api_data_dir))


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:
    """A client on the running app (entering it runs the lifespan: index opened, model loaded)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def two_department_client(tmp_path_factory: pytest.TempPathFactory, embeddings: LocalSentenceEmbeddings,
                          small_paths: tuple[Path, Path]) -> Iterator[TestClient]:
    """A client on another app: 政法委 2020 and 宣传部 2021 excerpts (an unscoped question is then ambiguous),
    with its own data dir (its own log of unanswered questions) and no public rate limit."""
    data_dir = tmp_path_factory.mktemp("api-two")
    index = CorpusIndex.open(api_settings(data_dir).index_config(), embeddings)
    try:
        report = ingest_paths(index, list(small_paths))
    finally:
        index.close()
    assert report.ok and len(report.added) == 2, report
    with TestClient(create_app(api_settings(data_dir, rate_limit_per_minute=UNLIMITED_PER_MINUTE))) as test_client:
        yield test_client


@pytest.fixture
def staff() -> dict[str, str]:
    return {"X-API-Key": STAFF_KEY}


@pytest.fixture
def admin() -> dict[str, str]:
    return {"X-API-Key": ADMIN_KEY}
