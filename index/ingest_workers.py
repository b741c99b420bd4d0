"""Reads files in worker processes for a parallel ingest: each worker parses a file and, when the index makes
chunk vectors at ingest, embeds its chunks with its own copy of the index's embedding model (else it never loads
the model, only its tokenizer, which sizes the chunks); the writer (the process that holds the write lock) takes
the results in the order the files were given and stores them.

Workers are spawned, not forked (a forked copy of a process that has loaded torch is not safe), and build
their model from plain settings; each runs it on its share of the machine's cores, so the workers together do
not oversubscribe them. At most `READ_AHEAD` × jobs files are read ahead of the writer, so memory stays bounded
however many files a batch has.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from index.config import EmbeddingConfig, VectorPolicy
from index.embeddings import LocalSentenceEmbeddings, embed_chunks
from index.ingestion import FileOutcome, ReadFile, guarded, read_file, stored_already
from ingest.chunking import UNBOUNDED
from ingest.pipeline import MetaOverrides, ParseOptions

if TYPE_CHECKING:  # a worker never opens the stores (nor imports Chroma)
    from index.corpus_index import CorpusIndex

READ_AHEAD = 2  # files read but not yet written, per worker


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to read files as the writer would: plain, picklable settings."""

    embedding: EmbeddingConfig
    options: ParseOptions  # its window is the worker's own model's
    overrides: MetaOverrides
    threads: int  # threads for the model: the machine's cores shared among the workers
    embed: bool  # make the chunk vectors (the index makes them at ingest)


@dataclass
class _Reader:
    embeddings: LocalSentenceEmbeddings
    options: ParseOptions
    overrides: MetaOverrides
    embed: bool

    def read(self, path: Path, name: str) -> FileOutcome:
        """The parsed file, with its chunk vectors made as `VectorStore.add` makes them when `embed`; or its failure."""
        outcome = read_file(path, name, self.options, self.overrides)
        if not isinstance(outcome, ReadFile) or not self.embed:
            return outcome
        return replace(outcome, vectors=embed_chunks(self.embeddings, [(c.id, c.text) for c in outcome.doc.chunks]))


_reader: _Reader | None = None  # this worker's, made once when it starts


def _start_worker(setup: WorkerSetup) -> None:
    global _reader
    os.environ["OMP_NUM_THREADS"] = str(setup.threads)  # read when the model's runtime loads, which is later
    embeddings = LocalSentenceEmbeddings.from_config(setup.embedding)
    _reader = _Reader(embeddings, replace(setup.options, window=embeddings.window), setup.overrides, setup.embed)


def _read_in_worker(path: Path, name: str) -> FileOutcome:
    assert _reader is not None, "the pool's initializer makes the reader"
    return _reader.read(path, name)


def read_in_workers(index: CorpusIndex, files: list[tuple[Path, str]], options: ParseOptions, overrides: MetaOverrides,
                    jobs: int, on_file: Callable[[Path], None] | None = None) -> Iterator[tuple[str, FileOutcome]]:
    """Reads (path, name) files in `jobs` worker processes and yields (name, outcome) in the order given;
    `on_file` hears of each file as it is yielded. A file already stored is skipped here, before any worker
    parses it. Closing the iterator cancels what has not started and waits for what has."""
    setup = WorkerSetup(index.vectors.embeddings.config, replace(options, window=UNBOUNDED), overrides,
                        threads=max(1, (os.cpu_count() or 1) // jobs), embed=index.chunk_vectors is VectorPolicy.AT_INGEST)
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                               initargs=(setup,))
    ahead: deque[tuple[Path, str, Future[FileOutcome] | FileOutcome]] = deque()

    def take() -> tuple[str, FileOutcome]:
        path, name, pending = ahead.popleft()
        outcome = pending.result() if isinstance(pending, Future) else pending
        if on_file:
            on_file(path)
        return name, outcome

    try:
        for path, name in files:
            skip = guarded(path, name, lambda: stored_already(index, path, options))
            ahead.append((path, name, pool.submit(_read_in_worker, path, name) if skip is None else skip))
            if len(ahead) >= READ_AHEAD * jobs:
                yield take()
        while ahead:
            yield take()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
