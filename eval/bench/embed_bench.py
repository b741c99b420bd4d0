"""Embedding bench: the same chunk texts embedded by each backend (torch, onnx, onnx-int8) in one run.

The texts are the chunks ingest makes of the first N real disclosures (cut to the model's window).
They are embedded slice by slice, the backends taking turns on each slice in rotating order, so a burst
of load from other users of the machine falls on all of them alike. Prints chunks/s per backend with its
ratio to torch, and how close each backend's vectors are to torch's (cosine, min and mean).

    python -m eval.bench.embed_bench --n 15 [--slices 8] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from eval.bench.common import table
from eval.bench.corpus import DEFAULT_SOURCES, real_sources
from index.config import EmbeddingBackend
from index.embeddings import LocalSentenceEmbeddings
from ingest.pipeline import ParseOptions, parse_file


def chunk_texts(n: int, embeddings: LocalSentenceEmbeddings) -> list[str]:
    """The chunks ingest would embed for the first `n` real disclosures."""
    options = ParseOptions(window=embeddings.window)
    return [c.text for path in real_sources(DEFAULT_SOURCES)[:n] for c in parse_file(path, options).chunks]


def run(texts: list[str], backends: list[EmbeddingBackend], slices: int) -> dict:
    models = {b: LocalSentenceEmbeddings("auto", b) for b in backends}
    load_s = {}
    for backend, model in models.items():  # model load and any first-use export stay out of the timing
        started = time.perf_counter()
        model.embed_query("预算")
        load_s[backend] = time.perf_counter() - started
    seconds = dict.fromkeys(backends, 0.0)
    vectors: dict[EmbeddingBackend, list[np.ndarray]] = {b: [] for b in backends}
    size = -(-len(texts) // slices)
    for i, start in enumerate(range(0, len(texts), size)):
        part = texts[start : start + size]
        for backend in backends[i % len(backends):] + backends[: i % len(backends)]:
            started = time.perf_counter()
            vectors[backend].append(np.asarray(models[backend].embed_documents(part)))
            seconds[backend] += time.perf_counter() - started
    torch = np.concatenate(vectors[backends[0]])
    out = {}
    for backend in backends:
        cosine = (np.concatenate(vectors[backend]) * torch).sum(axis=1)
        out[str(backend)] = {"seconds": seconds[backend], "chunks_per_s": len(texts) / seconds[backend],
                             "load_s": load_s[backend], "cos_min": float(cosine.min()), "cos_mean": float(cosine.mean())}
    return out


def render(result: dict, chunks: int) -> str:
    base = result[str(EmbeddingBackend.TORCH)]
    rows = [[name, f"{r['seconds']:.1f}", f"{r['chunks_per_s']:.1f}", f"{r['chunks_per_s'] / base['chunks_per_s']:.2f}×",
             f"{r['cos_min']:.6f}", f"{r['cos_mean']:.6f}", f"{r['load_s']:.1f}"] for name, r in result.items()]
    return (f"== embed bench: {chunks} chunks, backends taking turns slice by slice\n"
            + table(["backend", "s", "chunks/s", "vs torch", "cos min vs torch", "cos mean", "first use s"], rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=15, help="real disclosures whose chunks are embedded (at most 15)")
    parser.add_argument("--slices", type=int, default=8, help="turns each backend takes")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args(argv)
    backends = list(EmbeddingBackend)  # torch first: the reference
    texts = chunk_texts(args.n, LocalSentenceEmbeddings("auto", EmbeddingBackend.TORCH))
    result = run(texts, backends, args.slices)
    print(render(result, len(texts)), flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
