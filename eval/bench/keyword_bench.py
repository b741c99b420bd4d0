"""Keyword-index benchmark at scale: the index alone, fed the chunks of N generated documents in batches.

A component measurement, not an ingest: the documents of eval/bench/corpus.py are parsed with the product's
`parse_file` (which makes the chunks every ingest stores) and their chunks go straight to a `KeywordIndex`,
with no embedding, SQL or Chroma, so N can reach the thousands. At each checkpoint it prints
  * the update that added the last batch (and the slowest so far: merges fall on some batches), beside a
    full rebuild of the same chunks the way every ingest refreshed the index before segments (all chunks
    tokenized, one bm25s index built and saved);
  * search latency p50/p95 scoped to one document (as a question naming a department is) and unscoped;
  * segments and size on disk.

    python -m eval.bench.keyword_bench --checkpoints 50 200 1000 [--batch 25] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from eval.bench.common import fmt_ms, p50, percentile, table
from eval.bench.corpus import generate
from eval.bench.scale_bench import folder_mib

QUERIES = ["公务接待费是多少", "政府采购预算安排了多少", "机关运行经费比上年增加的原因", "固定资产总额 车辆", "一般公共预算财政拨款支出"]


def old_rebuild_seconds(records, scratch: Path) -> float:
    """Every chunk tokenized, one bm25s index built and saved: the refresh before segments."""
    import bm25s

    from ingest.lexicon import indexed_terms

    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    bm25 = bm25s.BM25()
    bm25.index([indexed_terms(r.text) or ["∅"] for r in records], show_progress=False)
    bm25.save(str(scratch))
    elapsed = time.perf_counter() - started
    shutil.rmtree(scratch, ignore_errors=True)
    return elapsed


def search_latency(index, doc_ids: list[str], rng: random.Random, rounds: int = 40) -> dict:
    scoped, whole = [], []
    for _ in range(rounds):
        query = rng.choice(QUERIES)
        started = time.perf_counter()
        index.search(query, 30, {rng.choice(doc_ids)})
        scoped.append(time.perf_counter() - started)
        started = time.perf_counter()
        index.search(query, 30)
        whole.append(time.perf_counter() - started)
    return {"scoped_p50": p50(scoped), "scoped_p95": percentile(scoped, 95), "whole_p50": p50(whole),
            "whole_p95": percentile(whole, 95)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from index.fact_store import ChunkRecord
    from index.keyword_index import KeywordIndex
    from ingest.pipeline import parse_file

    checkpoints = sorted(set(args.checkpoints))
    work = Path(tempfile.mkdtemp(prefix="bq-keyword-bench-"))
    try:
        rows = generate(checkpoints[-1], work / "generated", args.seed)
        index = KeywordIndex(work / "keyword")
        rng = random.Random(args.seed)
        records: list[ChunkRecord] = []
        out, done, parse_s, slowest = [], 0, 0.0, 0.0
        while done < checkpoints[-1]:
            target = next(c for c in checkpoints if c > done)
            started = time.perf_counter()
            batch = []
            for row in rows[done:min(done + args.batch, target)]:
                doc = parse_file(work / "generated" / row["file"])
                batch += [ChunkRecord(c.id, doc.meta.doc_id, c.text, c.heading, c.kind, list(c.spans), c.section_id, c.page)
                          for c in doc.chunks]
            parse_s += time.perf_counter() - started
            started = time.perf_counter()
            index.update(batch)
            update_s = time.perf_counter() - started
            slowest = max(slowest, update_s)
            records += batch
            done = min(done + args.batch, target)
            if done == target:
                latency = search_latency(index, sorted(index.doc_ids()), rng)
                out.append({"n": done, "chunks": len(records), "update_s": update_s, "slowest_s": slowest,
                            "rebuild_s": old_rebuild_seconds(records, work / "rebuild"), **latency,
                            "segments": len(list((work / "keyword").glob("seg-*"))), "disk_mib": folder_mib(work / "keyword")})
                print(f"  N={done}: update {update_s * 1000:.0f} ms, rebuild {out[-1]['rebuild_s'] * 1000:.0f} ms", flush=True)
        print(f"\n== keyword index alone, batches of {args.batch} documents (parsing {parse_s:.0f}s, not in the figures)")
        print(table(["N", "chunks", "update ms (last batch)", "slowest update so far ms", "full rebuild ms", "rebuild/update",
                     "scoped search p50 / p95 ms",
                     "unscoped search p50 / p95 ms", "segments", "disk MiB"],
                    [[p["n"], p["chunks"], f"{p['update_s'] * 1000:.0f}", f"{p['slowest_s'] * 1000:.0f}", f"{p['rebuild_s'] * 1000:.0f}",
                      f"{p['rebuild_s'] / p['update_s']:.1f}×", f"{fmt_ms(p['scoped_p50'])} / {fmt_ms(p['scoped_p95'])}",
                      f"{fmt_ms(p['whole_p50'])} / {fmt_ms(p['whole_p95'])}", p["segments"], f"{p['disk_mib']:.0f}"]
                     for p in out]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
