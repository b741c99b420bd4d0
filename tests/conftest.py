"""Shared fixtures: offline model settings, the one embedding model, fresh indexes and the sample documents.

The embedding model is loaded once per session; parsed documents are shared per session, and so is the
Langfang sample's ingested data dir (each user gets its own copy), so the suite pays for embedding only
where a test really writes new vectors.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

# before anything imports transformers / chromadb: never reach the network, never phone home
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
# a developer's BUDGETQA_* variables (e.g. a real DATABASE_URL or CHROMA_HOST) must not leak into tests
for _key in [k for k in os.environ if k.startswith("BUDGETQA_")]:
    del os.environ[_key]

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # lets a bare `pytest` (not only `python -m pytest`) import the packages
    sys.path.insert(0, str(REPO))

import pytest  # noqa: E402

from config.settings import Settings  # noqa: E402
from eval.bench.ocr_bench import SAMPLE_PDF  # noqa: E402
from index.corpus_index import CorpusIndex  # noqa: E402
from index.embeddings import LocalSentenceEmbeddings  # noqa: E402
from index.ingestion import ingest_paths  # noqa: E402
from ingest.model import ParsedDocument  # noqa: E402
from ingest.pipeline import parse_file  # noqa: E402
from tests.servers import PostgresCluster, chroma_server, postgres_cluster  # noqa: E402

SLOW_FIXTURES = {"shared_assistant", "postgres", "chroma_port", "scanned_read"}  # a server, the shared corpus, or OCR
SAMPLES = REPO / "samples"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
LANGFANG = SAMPLES / "langfang-zfw-2020-dept-budget.txt"
LANGFANG_DEPARTMENT = "中共廊坊市委政法委员会"
VARIANT_DEPARTMENT = "中共廊坊市委宣传部"
VARIANT_NAME = "langfang-xcb-2021-dept-budget.txt"


def variant_text(text: str, department: str = VARIANT_DEPARTMENT, year: int = 2021) -> str:
    """The Langfang text as if published by another department for another year."""
    return text.replace(LANGFANG_DEPARTMENT, department).replace("2020", str(year))


def small_text(text: str) -> str:
    """A short but real excerpt of the Langfang text: its opening, part 四 (“三公”经费) and part 七
    with the fixed-asset table; enough for index tests at a fraction of the embedding cost."""
    lines = text.split("\n")

    def part(first: str, last: str) -> list[str]:
        start = next(i for i, line in enumerate(lines) if line.startswith(first))
        end = next(i for i, line in enumerate(lines) if i > start and line.startswith(last))
        return lines[start:end]

    return "\n".join(lines[:6] + part("四、", "绩效预算信息") + part("七、", "八、")) + "\n"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need a slow fixture are `slow` too (a module that starts its own servers says so itself)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def open_index(data_dir: Path, embeddings: LocalSentenceEmbeddings, **settings: object) -> CorpusIndex:
    """A CorpusIndex on `data_dir` configured only by the given settings (no .env, no environment). It makes chunk
    vectors at ingest unless `chunk_vectors` says otherwise: the write protocol that keeps all three stores in step."""
    settings.setdefault("chunk_vectors", "at-ingest")
    return CorpusIndex.open(Settings(_env_file=None, data_dir=data_dir, **settings).index_config(), embeddings)


@pytest.fixture(scope="session")
def index_at() -> Callable[..., CorpusIndex]:
    """`index_at(data_dir, embeddings, **settings)`: a CorpusIndex on any folder (closing it is the caller's job).

    Test modules use this fixture rather than importing from conftest: with several conftest.py
    files under tests/, `import conftest` may pick up the wrong one.
    """
    return open_index


@pytest.fixture(scope="session")
def embeddings() -> LocalSentenceEmbeddings:
    """The packaged embedding model, loaded once for the whole session."""
    model = LocalSentenceEmbeddings("auto")
    model.embed_query("预热")  # load the weights now, so the first test that writes is not billed for it
    return model


@pytest.fixture
def make_index(tmp_path: Path, embeddings: LocalSentenceEmbeddings) -> Iterator[Callable[..., CorpusIndex]]:
    """Factory: `make_index()` opens a CorpusIndex on a fresh data dir under tmp_path (or on `name`)."""
    opened: list[CorpusIndex] = []

    def make(name: str = "data", **settings: object) -> CorpusIndex:
        index = open_index(tmp_path / name, embeddings, **settings)
        opened.append(index)
        return index

    yield make
    for index in opened:
        index.close()


@pytest.fixture(scope="session")
def langfang_path() -> Path:
    assert LANGFANG.is_file(), f"bundled sample missing: {LANGFANG}"
    return LANGFANG


@pytest.fixture(scope="session")
def langfang_doc(langfang_path: Path) -> ParsedDocument:
    """The Langfang sample parsed once per session (tests must not mutate it)."""
    return parse_file(langfang_path)


@pytest.fixture(scope="session")
def langfang_template(tmp_path_factory: pytest.TempPathFactory, embeddings: LocalSentenceEmbeddings, langfang_path: Path) -> Path:
    """A data dir holding the ingested Langfang sample, embedded once per session; only ever copied (`langfang_data`)."""
    data_dir = tmp_path_factory.mktemp("langfang-template") / "data"
    index = open_index(data_dir, embeddings)
    try:
        report = ingest_paths(index, [langfang_path])
    finally:
        index.close()
        index.vectors.client.close()  # CorpusIndex.close() leaves Chroma's files open; a copy must see them whole
    assert report.ok and report.added == [langfang_path.name], report
    return data_dir


@pytest.fixture(scope="session")
def langfang_data(langfang_template: Path) -> Callable[[Path], Path]:
    """`langfang_data(folder)`: copies the ingested Langfang data dir to `folder` (which must not exist yet) and
    returns it: an index, SQL, Chroma and keyword files alike, that the caller may open, serve and write to."""

    def copy(folder: Path) -> Path:
        shutil.copytree(langfang_template, folder)
        return folder

    return copy


@pytest.fixture(scope="session")
def sample_doc() -> ParsedDocument:
    """The bundled Wanli sample PDF read from its text layer, once per session (do not mutate)."""
    return parse_file(SAMPLE_PDF)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated documents derived from the Langfang sample, written once per session."""
    folder = tmp_path_factory.mktemp("generated")
    text = LANGFANG.read_text(encoding="utf-8")
    (folder / VARIANT_NAME).write_text(variant_text(text), encoding="utf-8")
    (folder / "small-zfw-2020.txt").write_text(small_text(text), encoding="utf-8")
    (folder / "small-xcb-2021.txt").write_text(variant_text(small_text(text)), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def variant_path(corpus_dir: Path) -> Path:
    """Full Langfang text re-labelled 中共廊坊市委宣传部 2021."""
    return corpus_dir / VARIANT_NAME


@pytest.fixture(scope="session")
def small_paths(corpus_dir: Path) -> tuple[Path, Path]:
    """(small 政法委 2020, small 宣传部 2021) excerpts for cheap index tests."""
    return corpus_dir / "small-zfw-2020.txt", corpus_dir / "small-xcb-2021.txt"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (checked out next to the repo as ../shared/corpus)")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def real_document(shared_corpus: Path) -> Callable[[str], ParsedDocument]:
    """`real_document(name)`: a file of the shared corpus's real/ folder, parsed once per session (do not mutate)."""
    parsed: dict[str, ParsedDocument] = {}

    def get(name: str) -> ParsedDocument:
        if name not in parsed:
            parsed[name] = parse_file(shared_corpus / "real" / name)
        return parsed[name]

    return get



@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """A throwaway PostgreSQL cluster for the whole run (each test makes its own database in it)."""
    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """The port of a `chroma run` server for the whole run (each test uses its own collection)."""
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as port:
        yield port
