"""The benchmarks' --database-url / --chroma-host reach the settings of the index they open and the server they start."""

from __future__ import annotations

import argparse
from pathlib import Path

from eval.bench.common import Servers, bench_settings

URL = "postgresql+psycopg://bench:secret@127.0.0.1:5544/budgetqa_bench"


def parsed(*argv: str) -> Servers:
    parser = argparse.ArgumentParser()
    Servers.add_arguments(parser)
    return Servers.from_args(parser.parse_args(list(argv)))


def test_the_defaults_are_embedded_whatever_the_environment_says(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BUDGETQA_DATABASE_URL", URL)
    monkeypatch.setenv("BUDGETQA_CHROMA_HOST", "elsewhere")
    config = bench_settings(tmp_path, servers=parsed()).index_config()
    assert (config.database_url, config.chroma_host) == (None, None)
    assert config.sqlalchemy_url.startswith("sqlite:///")
    assert parsed().environment() == {}


def test_servers_given_reach_the_index_config_and_the_server_environment(tmp_path: Path) -> None:
    servers = parsed("--database-url", URL, "--chroma-host", "127.0.0.1", "--chroma-port", "8123")
    config = bench_settings(tmp_path, servers=servers).index_config()
    assert (config.sqlalchemy_url, config.chroma_host, config.chroma_port) == (URL, "127.0.0.1", 8123)
    assert servers.environment() == {"BUDGETQA_DATABASE_URL": URL, "BUDGETQA_CHROMA_HOST": "127.0.0.1",
                                     "BUDGETQA_CHROMA_PORT": "8123"}
