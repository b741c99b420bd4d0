"""Fusion bench: recall@5 and latency of keyword, dense and hybrid retrieval per development gold set, and
recall@5 of weighted reciprocal-rank fusion over a grid of constants and dense weights.

Runs on a kept index of the 15 real disclosures (`budgetqa ingest` into a data dir, or `index_bench --keep`).
Queries are the gold lines with evidence of langfang.jsonl and shanghai.jsonl (each pinned to its document)
and of dev.jsonl and combined.jsonl (asked of the whole index); the held-out sets are never read. A hit is
scored as in index_bench (a top-5 chunk's text, or the source span it cites, holds an evidence string).

  * modes: the product's HybridRetriever in keyword, dense and hybrid mode (its default dense weight), taking
    turns on each query; recall@5 and p50 latency per set.
  * grid: the BM25 and dense rankings the retriever fuses, fused offline by `reciprocal_rank_fusion` for each
    (K, dense weight); recall@5 per set as the change against BM25 alone, in questions.

    python -m eval.bench.fusion_bench --data-dir DATA_DIR [--backend torch|onnx|onnx-int8] [--repeat 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from eval.bench import common
from eval.bench.common import LabelledQuery, cited_span, evidence_hit, fmt_ms, p50, table
from index.config import DEFAULT_DENSE_WEIGHT, DEFAULT_EMBEDDING_BACKEND, RRF_K, EmbeddingBackend

DEV_GOLD = [common.GOLD_DIR / "combined.jsonl", common.GOLD_DIR / "dev.jsonl"]  # asked of the whole index
MODES = ("keyword", "dense", "hybrid")
K = 5
GRID_K = (60, 30, 20, 10, 5, 2)
GRID_WEIGHTS = (1.0, 0.5, 0.3, 0.2, 0.15, 0.1, 0.08, 0.05, 0.03, 0.02, 0.015)


@dataclass
class Ranked:
    """One query's two rankings (chunk ids, best first) and which of their chunks hold its evidence."""

    query: LabelledQuery
    keyword: list[str]
    dense: list[str]
    hits: set[str]


def queries_on(index) -> list[tuple[LabelledQuery, str | None]]:
    """(query, doc_id or None) for every development line with evidence whose document is indexed."""
    by_source = {d.source: d.doc_id for d in index.documents()}
    queries = common.labelled_queries(common.RECALL_GOLD, DEV_GOLD)
    return [(q, by_source.get(q.source)) for q in queries if q.source is None or q.source in by_source]


def rankings(index, queries: list[tuple[LabelledQuery, str | None]]) -> list[Ranked]:
    """The rankings HybridRetriever fuses, with the chunks of each that count as a hit."""
    from index.query_expansion import expand
    from index.retriever import CANDIDATES_PER_SIDE

    all_docs = {d.doc_id for d in index.documents()}
    texts: dict[str, str] = {}
    out = []
    for query, doc_id in queries:
        allowed = {doc_id} if doc_id else all_docs
        expanded = expand(query.question)
        keyword = [h.chunk_id for h in index.keywords.search(expanded, CANDIDATES_PER_SIDE, allowed)]
        dense = [h.chunk_id for h in index.vectors.search(expanded, CANDIDATES_PER_SIDE, allowed)]
        hits = set()
        for record in index.facts.chunks(allowed, chunk_ids=set(keyword) | set(dense)):
            if record.doc_id not in texts:
                texts[record.doc_id] = index.facts.text(record.doc_id) or ""
            if evidence_hit(query.evidence, [record.text, cited_span(texts[record.doc_id], record.spans)]):
                hits.add(record.chunk_id)
        out.append(Ranked(query, keyword, dense, hits))
    return out


def fused_hits(ranked: list[Ranked], rrf_k: int | None, weight: float | None) -> dict[str, int]:
    """Questions per set with a hit in the top 5: of BM25 alone (weight None) or of the weighted fusion."""
    from index.retriever import reciprocal_rank_fusion

    found: dict[str, int] = {}
    for r in ranked:
        if weight is None:
            top = r.keyword[:K]
        else:
            fused = reciprocal_rank_fusion([r.keyword, r.dense], [1.0, weight], rrf_k)
            top = sorted(fused, key=lambda cid: -fused[cid])[:K]
        found[r.query.gold_set] = found.get(r.query.gold_set, 0) + bool(r.hits.intersection(top))
    return found


def grid(ranked: list[Ranked]) -> dict:
    """Per (K, weight): hits per set minus BM25's; and per set, the questions only one side's top 5 answers."""
    bm25 = fused_hits(ranked, None, None)
    only: dict[str, dict[str, int]] = {"dense": {}, "bm25": {}}
    for r in ranked:
        dense_hit, bm25_hit = bool(r.hits.intersection(r.dense[:K])), bool(r.hits.intersection(r.keyword[:K]))
        for side, hit in (("dense", dense_hit and not bm25_hit), ("bm25", bm25_hit and not dense_hit)):
            only[side][r.query.gold_set] = only[side].get(r.query.gold_set, 0) + hit
    return {"bm25": bm25, "only": only, "cells": {f"{k}/{w}": {s: n - bm25[s] for s, n in fused_hits(ranked, k, w).items()}
                                                  for k in GRID_K for w in GRID_WEIGHTS}}


def modes(index, queries: list[tuple[LabelledQuery, str | None]], repeat: int) -> dict:
    """Recall@5 and p50 latency per set of each HybridRetriever mode (product defaults), taking turns."""
    from index.corpus_index import DocumentFilter
    from index.retriever import HybridRetriever

    retrievers: dict[tuple[str, str | None], HybridRetriever] = {}
    texts: dict[str, str] = {}

    def run(mode: str, query: LabelledQuery, doc_id: str | None):
        if (mode, doc_id) not in retrievers:
            retrievers[mode, doc_id] = HybridRetriever(index=index, k=K, where=DocumentFilter(doc_id=doc_id), mode=mode)
        return retrievers[mode, doc_id].invoke(query.question)

    def hit(query: LabelledQuery, found) -> bool:
        for d in found:
            texts.setdefault(d.metadata["doc_id"], index.facts.text(d.metadata["doc_id"]) or "")
        return evidence_hit(query.evidence, [d.page_content for d in found]
                            + [cited_span(texts[d.metadata["doc_id"]], d.metadata["spans"]) for d in found])

    sets = sorted({q.gold_set for q, _ in queries})
    seconds = {m: {s: [] for s in sets} for m in MODES}
    hits = {m: dict.fromkeys(sets, 0) for m in MODES}
    for mode in MODES:  # warm-up: model load, BM25 segments, SQLite caches
        run(mode, *queries[0])
    for rep in range(repeat):
        for i, (query, doc_id) in enumerate(queries):
            for mode in MODES[i % len(MODES):] + MODES[: i % len(MODES)]:
                started = time.perf_counter()
                found = run(mode, query, doc_id)
                seconds[mode][query.gold_set].append(time.perf_counter() - started)
                if rep == 0:
                    hits[mode][query.gold_set] += hit(query, found)
    size = {s: sum(q.gold_set == s for q, _ in queries) for s in sets}
    return {m: {s: {"recall": hits[m][s] / size[s], "hits": hits[m][s], "questions": size[s], "p50": p50(seconds[m][s])}
                for s in sets} for m in MODES}


def render(result: dict) -> str:
    sets = list(result["modes"]["keyword"])
    lines = [f"== fusion bench on {result['data_dir']} ({result['backend']}): {result['queries']} questions; "
             f"hybrid = weighted RRF, K={result['rrf_k']}, dense weight {result['dense_weight']}"]
    lines.append("\nrecall@5 / p50 ms per set (HybridRetriever, k=5, modes taking turns):")
    lines.append(table(["mode", *(f"{s} ({result['modes']['keyword'][s]['questions']})" for s in sets)],
                       [[m, *(f"{r[s]['recall']:.3f} / {fmt_ms(r[s]['p50'])}" for s in sets)]
                        for m, r in result["modes"].items()]))
    cells, bm25, only = result["grid"]["cells"], result["grid"]["bm25"], result["grid"]["only"]
    lines.append(f"\nquestions whose evidence only dense's top 5 holds: {'/'.join(str(only['dense'][s]) for s in sets)}; "
                 f"only BM25's: {'/'.join(str(only['bm25'][s]) for s in sets)} ({'/'.join(sets)})")
    base = ", ".join(f"{s} {bm25[s]}" for s in sets)
    lines.append(f"\nweighted RRF, change in questions with a hit against BM25 alone ({base}), "
                 f"per set {'/'.join(sets)}; rows K, columns dense weight:")
    lines.append(table(["K", *map(str, GRID_WEIGHTS)],
                       [[str(k), *("/".join(f"{cells[f'{k}/{w}'][s]:+d}" for s in sets) for w in GRID_WEIGHTS)] for k in GRID_K]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="a data dir holding the 15 real disclosures")
    parser.add_argument("--backend", type=EmbeddingBackend, default=None, choices=list(EmbeddingBackend),
                        help="what runs the embedding model (default: the one the index was kept with, else the product's)")
    parser.add_argument("--repeat", type=int, default=3, help="times each query is timed")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        parser.error(f"{args.data_dir} is not a data dir")

    from index.corpus_index import CorpusIndex

    backend = args.backend or EmbeddingBackend(common.read_info(args.data_dir).get("backend", DEFAULT_EMBEDDING_BACKEND))
    index = CorpusIndex.open(common.bench_settings(args.data_dir, "auto", backend).index_config())
    try:
        queries = queries_on(index)
        result = {"data_dir": str(args.data_dir), "backend": str(backend), "queries": len(queries), "rrf_k": RRF_K,
                  "dense_weight": DEFAULT_DENSE_WEIGHT, "modes": modes(index, queries, args.repeat),
                  "grid": grid(rankings(index, queries))}
    finally:
        index.close()
    print(render(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
