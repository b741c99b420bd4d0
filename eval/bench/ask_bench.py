"""Ask benchmark: latency of Assistant.ask by route (fact path vs retrieval path), beside the baseline's answers.

Uses the gold questions of eval/gold/langfang.jsonl, shanghai.jsonl and combined.jsonl. A langfang or
shanghai question is restricted to its document (DocumentFilter(doc_id=…): the Langfang sample, or the
line's "doc"); a combined question is asked over the whole index, as that gold file expects. The route
is the answer's `route` ("fact", "retrieval", or "none" for a refusal). Correct answers (eval/scoring.py
rules) are counted too, so a faster run that answers worse shows. The product and the baseline take turns
on each question, so load from other users of the machine falls on both alike.

Reuse an index kept by `index_bench --keep DIR`, or let this script build one of N documents:

    python -m eval.bench.ask_bench --data-dir DIR/data
    python -m eval.bench.ask_bench --n 15
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from eval.bench import common
from eval.bench.common import fmt_ms, p50, peak_rss_mib, percentile, ratio, table

ROUTES = ("fact", "retrieval", "none")


def questions(index) -> list[tuple]:
    """(gold item, DocumentFilter) for every gold question whose document is indexed."""
    from eval.gold import load_gold
    from index.corpus_index import DocumentFilter

    by_source = {d.source: d.doc_id for d in index.documents()}
    out = []
    for path in common.ASK_GOLD:
        for item in load_gold(path):
            source = common.pinned_source(item, path)
            if source is None:
                out.append((item, DocumentFilter()))
            elif source in by_source:
                out.append((item, DocumentFilter(doc_id=by_source[source])))
    return out


def _time_all(asks: dict, items, corpus, repeat: int) -> dict[str, list[dict]]:
    """Asks every question of each `asks[name]`; they take turns per question so load bursts hit all alike."""
    from eval.runner import score_answer

    names = list(asks)
    rows: dict[str, list[dict]] = {n: [] for n in names}
    for name in names[: len(names) if items else 0]:
        asks[name](items[0][0].question, items[0][1])  # warm-up
    for i, (item, where) in enumerate(items):
        for name in names[i % len(names):] + names[: i % len(names)]:
            best, answer = None, None
            for _ in range(repeat):
                started = time.perf_counter()
                answer = asks[name](item.question, where)
                elapsed = time.perf_counter() - started
                best = elapsed if best is None else min(best, elapsed)  # the fastest of `repeat` damps noise
            scored = score_answer(item, answer, corpus, best * 1000)
            rows[name].append({"id": item.id, "route": answer.route, "kind": answer.kind, "seconds": best,
                               "correct": scored.correct})
    return rows


def _summary(rows: list[dict]) -> dict:
    by_route: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_route[row["route"]].append(row)
    out = {}
    for route, group in [("all", rows), *((r, by_route[r]) for r in ROUTES if by_route.get(r))]:
        seconds = [r["seconds"] for r in group]
        out[route] = {"count": len(group), "p50": p50(seconds), "p95": percentile(seconds, 95),
                      "correct": sum(r["correct"] for r in group)}
    return out


def run(index, settings, baseline=None, repeat: int = 1) -> dict:
    """Times every gold question through the assistant and, when given, the baseline."""
    from assistant.chain import Assistant
    from eval.runner import IndexCorpus

    assistant = Assistant(index, settings.assistant_config())
    corpus = IndexCorpus(index)
    items = questions(index)
    asks = {"product": assistant.ask}
    if baseline is not None:
        asks["baseline"] = baseline.ask
    rows = _time_all(asks, items, corpus, repeat)
    result = {"questions": len(items), "repeat": repeat, "product": _summary(rows["product"]), "rows": rows["product"]}
    if baseline is not None:
        result["baseline"] = _summary(rows["baseline"])
    return result


def render(result: dict, documents: int) -> str:
    lines = [(f"== ask bench: {result['questions']} gold questions over {documents} documents "
             f"(latency = best of {result['repeat']})")]
    rows = [[f"product {route}", s["count"], fmt_ms(s["p50"]), fmt_ms(s["p95"]), s["correct"]]
            for route, s in result["product"].items()]
    base = result.get("baseline")
    if base:
        b = base["all"]
        rows.append(["baseline (top-1 chunk)", b["count"], fmt_ms(b["p50"]), fmt_ms(b["p95"]), b["correct"]])
    lines.append(table(["answers", "questions", "p50 ms", "p95 ms", "correct"], rows))
    if base:
        p, b = result["product"]["all"], base["all"]
        lines.append(f"product/baseline: p50 {ratio(p['p50'], b['p50'])}, p95 {ratio(p['p95'], b['p95'])}, "
                     f"correct {p['correct']} vs {b['correct']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=None, help="data dir kept by index_bench --keep (…/data)")
    parser.add_argument("--n", type=int, default=15, help="without --data-dir: build a scratch index of N documents")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default=None, help="embedding model (default: the one the kept index was built with, else auto)")
    parser.add_argument("--repeat", type=int, default=1, help="ask each question this many times, keep the fastest")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    from eval.baseline import BaselineRAG
    from index.corpus_index import CorpusIndex

    scratch = None
    baseline = None
    try:
        if args.data_dir:
            if not args.data_dir.is_dir():
                parser.error(f"{args.data_dir} is not a folder")
            settings = common.bench_settings(args.data_dir, args.model or common.read_info(args.data_dir).get("model", "auto"))
            index = CorpusIndex.open(settings.index_config())
        else:
            from eval.bench.index_bench import corpus_files, ingest

            scratch = Path(tempfile.mkdtemp(prefix="bq-ask-bench-"))
            files, _ = corpus_files(args.n, scratch, args.seed)
            settings = common.bench_settings(scratch / "data", args.model or "auto")
            index = CorpusIndex.open(settings.index_config())
            split = ingest(index, files)
            print(f"built a scratch index: {split['documents']} documents, {split['chunks']} chunks in {split['total']:.0f}s")
        documents = len(index.documents())
        if not args.no_baseline:
            started = time.perf_counter()
            baseline = BaselineRAG(index, index.vectors.embeddings)
            print(f"baseline built in {time.perf_counter() - started:.1f}s ({baseline.chunks} chunks)")
        result = run(index, settings, baseline, args.repeat)
        print(render(result, documents))
        print(f"peak RSS {peak_rss_mib():.0f} MiB")
        if args.json:
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        index.close()
    finally:
        if baseline is not None:
            baseline.close()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
