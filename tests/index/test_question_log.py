"""The unanswered-questions log on SQLite and on PostgreSQL: one row per normalised question, counted in one
statement, so two processes and many threads recording at once never lose a count."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from index.question_log import QuestionLog, normalised
from tests.servers import PostgresCluster

THREADS = 8
RECORDS_PER_THREAD = 25


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'log.sqlite3'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    name = cluster.create_database()
    try:
        yield cluster.url(name)
    finally:
        cluster.drop_database(name)


def test_the_same_question_typed_differently_is_one_row() -> None:
    assert normalised("  宣传部 2021年 招商经费是多少？ ") == normalised("宣传部 2021年 招商经费是多少") == "宣传部 2021年 招商经费是多少"
    assert normalised("ＡＢＣ经费？！") == "ABC经费"  # full-width letters folded


def test_counts_first_and_last_asked_and_the_latest_resolution(database_url: str) -> None:
    log = QuestionLog(database_url)
    try:
        log.record("招商经费是多少？", "ambiguous", item="招商经费")
        log.record("招商经费是多少", "not_found", "某区商务委员会", 2025, "招商经费")
        log.record("今天天气怎么样", "out_of_scope")
        first, second = log.entries()
        assert (first.question, first.times_asked, first.outcome) == ("招商经费是多少", 2, "not_found")
        assert (first.department, first.year, first.item) == ("某区商务委员会", 2025, "招商经费")
        assert first.first_asked < first.last_asked and first.last_asked.tzinfo is not None
        assert (second.question, second.times_asked, second.department) == ("今天天气怎么样", 1, None)
    finally:
        log.close()


def test_two_processes_and_many_threads_lose_no_count(database_url: str) -> None:
    logs = [QuestionLog(database_url), QuestionLog(database_url)]  # two engines, as two server workers have
    try:
        def record(n: int) -> None:
            for _ in range(RECORDS_PER_THREAD):
                logs[n % 2].record("经费是多少", "not_found")

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            list(pool.map(record, range(THREADS)))
        (entry,) = logs[0].entries()
        assert entry.times_asked == THREADS * RECORDS_PER_THREAD
    finally:
        for log in logs:
            log.close()

