"""Reliability tests: a hard per-test time limit, so a hung parser, process or server fails instead of hanging.

The shared fixtures (embeddings, make_index, index_at, langfang_path, small_paths) come from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import time_limit

TEST_TIME_LIMIT_S = 150  # one test, session fixtures excluded; a module may set its own TIME_LIMIT_S


@pytest.fixture(autouse=True)
def reliability_time_limit(request: pytest.FixtureRequest) -> Iterator[None]:
    with time_limit(getattr(request.module, "TIME_LIMIT_S", TEST_TIME_LIMIT_S), "reliability test"):
        yield
