"""Ingests files and folders into the index: skip unchanged, replace changed, report failures per file.

Files are read (parsed) in this process, or with `jobs` > 1 parsed (and embedded, when the index makes vectors
at ingest) in worker processes (index/ingest_workers.py); either way this process alone writes them, one at a
time, in the order given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from index.embeddings import ChunkVectors
from ingest.errors import IngestError
from ingest.loaders import supported_extensions
from ingest.model import ParsedDocument
from ingest.ocr.options import PageProgress
from ingest.pipeline import MetaOverrides, ParseOptions, file_sha256, parse_file

if TYPE_CHECKING:  # worker processes read files without opening the stores
    from index.corpus_index import CorpusIndex

T = TypeVar("T")


@dataclass
class IngestReport:
    """What one ingest run did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one-line reasons naming the file
    errors: list[IngestError] = field(default_factory=list)  # the same failures, as (source, reason)
    notices: list[str] = field(default_factory=list)  # "name: 第3页无法识别：…" for pages left out of a stored file
    facts: int = 0
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def fail(self, error: IngestError) -> None:
        self.failed.append(str(error))
        self.errors.append(error)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files given directly, plus supported files found under given folders (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in supported_extensions()))
        else:
            out.append(path)
    return out


@dataclass(frozen=True)
class ReadFile:
    """A file parsed into a document; `vectors` are its chunks' vectors when a worker made them beside the parse."""

    doc: ParsedDocument
    vectors: ChunkVectors | None = None


class Skip(Enum):
    UNCHANGED = "unchanged"  # the same bytes are stored already


FileOutcome = ReadFile | Skip | IngestError  # what reading one file came to, handed to the writer


def guarded(path: Path, name: str, read: Callable[[], T]) -> T | IngestError:
    """What `read` returns, or, when it cannot read the file, the one-line failure naming it as `name`."""
    try:
        return read()
    except IngestError as error:
        return IngestError(name, error.reason) if name != path.name else error
    except OSError as error:
        return IngestError(name, f"cannot read file ({error.strerror or error})")


def stored_already(index: CorpusIndex, path: Path, options: ParseOptions) -> Skip | None:
    """`Skip.UNCHANGED` when a ready document has the file's bytes (checked before anything parses it)."""
    within_limit = path.is_file() and path.stat().st_size <= options.max_file_bytes
    if within_limit and index.find_by_sha(file_sha256(path)):  # never hash what parse_file refuses
        return Skip.UNCHANGED
    return None


def read_file(path: Path, name: str, options: ParseOptions, overrides: MetaOverrides,
              on_page: Callable[[PageProgress], None] | None = None) -> ReadFile | IngestError:
    """Parses one file into a document whose source is `name`, or the failure naming it."""

    def parse() -> ReadFile:
        doc = parse_file(path, options, overrides, on_page)
        return ReadFile(doc if name == doc.meta.source else replace(doc, meta=replace(doc.meta, source=name)))

    return guarded(path, name, parse)


def _read_here(index: CorpusIndex, files: list[tuple[Path, str]], options: ParseOptions, overrides: MetaOverrides,
               on_file: Callable[[Path], None] | None, on_page: Callable[[PageProgress], None] | None,
               ) -> Iterator[tuple[str, FileOutcome]]:
    """Reads the files one after another in this process; `on_file` hears of each before it is read."""
    options = replace(options, window=index.vectors.embeddings.window)  # every chunk is embedded whole, now or later
    for path, name in files:
        if on_file:
            on_file(path)
        skip = guarded(path, name, lambda: stored_already(index, path, options))
        yield name, skip if skip is not None else read_file(path, name, options, overrides, on_page)


def _store(index: CorpusIndex, report: IngestReport, name: str, outcome: FileOutcome) -> None:
    if isinstance(outcome, IngestError):
        report.fail(outcome)
    elif outcome is Skip.UNCHANGED or index.find_by_sha(outcome.doc.meta.sha256):  # or a copy earlier in this batch
        report.unchanged.append(name)
    else:
        doc = outcome.doc
        replaced = index.add(doc, outcome.vectors)
        (report.replaced if replaced else report.added).append(name)
        report.facts += len(doc.facts)
        report.chunks += len(doc.chunks)
        report.notices += [f"{name}: {notice}" for notice in doc.notices]


def ingest_paths(
    index: CorpusIndex,
    paths: list[Path],
    options: ParseOptions = ParseOptions(),
    overrides: MetaOverrides = MetaOverrides(),
    on_file: Callable[[Path], None] | None = None,
    sources: Mapping[Path, str] | None = None,
    on_page: Callable[[PageProgress], None] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Parses and stores each file all-or-nothing; a bad file is reported and the batch goes on.
    `on_file` hears of each file before it is read, `on_page` of each page of a PDF or image as it is read.

    `sources` names a file by something other than its own name (an upload stored under a generated
    name keeps the name it was uploaded with): the document's source, what replaces what, and the report
    all use that name.

    `jobs` > 1 parses (and, at ingest, embeds) the files in that many worker processes while this one writes
    them in order; `on_file` then hears of each file as it is written, and `on_page` is not called."""
    report = IngestReport()
    with index.writing():
        index.recover()
        files = [(path, (sources or {}).get(path, path.name)) for path in expand_paths(paths)]
        if jobs > 1:
            from index.ingest_workers import read_in_workers  # imported here: that module imports this one

            outcomes = read_in_workers(index, files, options, overrides, jobs, on_file)
        else:
            outcomes = _read_here(index, files, options, overrides, on_file, on_page)
        with closing(outcomes):  # a failed write cancels what no worker has started
            for name, outcome in outcomes:
                _store(index, report, name, outcome)
        index.refresh_keywords()
    return report


def remove_documents(index: CorpusIndex, doc_ids: list[str]) -> None:
    """Removes documents from every store and the keyword index; raises `IndexBusy` while another writer works."""
    with index.writing():
        index.remove(doc_ids)
        index.refresh_keywords()
