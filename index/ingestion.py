"""Ingests files and folders into the index: skip unchanged, replace changed, report failures per file."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.corpus_index import CorpusIndex
from ingest.errors import IngestError
from ingest.loaders import supported_extensions
from ingest.ocr.options import PageProgress
from ingest.pipeline import MetaOverrides, ParseOptions, file_sha256, parse_file


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


def ingest_paths(
    index: CorpusIndex,
    paths: list[Path],
    options: ParseOptions = ParseOptions(),
    overrides: MetaOverrides = MetaOverrides(),
    on_file: Callable[[Path], None] | None = None,
    sources: Mapping[Path, str] | None = None,
    on_page: Callable[[PageProgress], None] | None = None,
) -> IngestReport:
    """Parses and stores each file all-or-nothing; a bad file is reported and the batch goes on.
    `on_file` hears of each file before it is read, `on_page` of each page of a PDF or image as it is read.

    `sources` names a file by something other than its own name (an upload stored under a generated
    name keeps the name it was uploaded with): the document's source, what replaces what, and the report
    all use that name."""
    report = IngestReport()
    options = replace(options, window=index.vectors.embeddings.window)  # every chunk is embedded whole
    with index.writing():
        index.recover()
        for path in expand_paths(paths):
            name = (sources or {}).get(path, path.name)
            if on_file:
                on_file(path)
            try:
                within_limit = path.is_file() and path.stat().st_size <= options.max_file_bytes
                if within_limit and index.find_by_sha(file_sha256(path)):  # never hash what parse_file refuses
                    report.unchanged.append(name)
                    continue
                doc = parse_file(path, options, overrides, on_page)
            except IngestError as error:
                report.fail(IngestError(name, error.reason) if name != path.name else error)
                continue
            except OSError as error:
                report.fail(IngestError(name, f"cannot read file ({error.strerror or error})"))
                continue
            if name != doc.meta.source:
                doc = replace(doc, meta=replace(doc.meta, source=name))
            replaced = index.add(doc)
            (report.replaced if replaced else report.added).append(name)
            report.facts += len(doc.facts)
            report.chunks += len(doc.chunks)
            report.notices += [f"{name}: {notice}" for notice in doc.notices]
        index.refresh_keywords()
    return report


def remove_documents(index: CorpusIndex, doc_ids: list[str]) -> None:
    """Removes documents from every store and the keyword index; raises `IndexBusy` while another writer works."""
    with index.writing():
        index.remove(doc_ids)
        index.refresh_keywords()
