"""Scale benchmark: N generated disclosures ingested in batches; what grows with N and what stays flat.

The documents come from eval/bench/corpus.py (the real disclosures parsed once; department names, years
and figures varied) and go in through the product's own `ingest_paths`, one batch at a time. Per batch it
records the time split (parse / embed / write / keyword update), documents/min, the RSS after the batch
and the peak RSS during it (the kernel's high-water mark, reset before each batch). At each checkpoint N:
  * the keyword-index update of the batch that reached N, beside a full rebuild at the same N (what every
    ingest cost before segments: every ready chunk read, tokenized and indexed by bm25s, then saved);
  * ask latency p50/p95 of fact questions naming a department and year: the same questions (about
    documents of the first checkpoint) at every checkpoint, each asked once through `Assistant.ask`;
  * with vectors made at ingest, dense search latency of the same questions (top 5 over every chunk), whole and
    its vector query alone (the search less embedding the question);
  * peak RSS so far, its growth per document since the previous checkpoint, and the data dir's size (with the
    fact store on PostgreSQL, `--database-url`, also the database's: pg_database_size).

`--vectors` says when chunk vectors are made: `on-demand` (the product's default with keyword retrieval, which
the questions use) never loads the embedding model; `at-ingest` embeds every chunk as it is ingested (about 6 s a
document with torch on this machine). What is not run is extrapolated in the summary, and labelled so. The fact store
and the vectors may live on servers (`--database-url`, `--chroma-host`; default: SQLite and embedded Chroma in DIR).

    python -m eval.bench.scale_bench --checkpoints 50 200 [--batch 25] [--vectors on-demand|at-ingest]
                                     [--backend torch|onnx|onnx-int8] [--questions 40] [--seed 0] [--keep DIR]
                                     [--database-url URL] [--chroma-host HOST --chroma-port PORT] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from eval.bench import common
from eval.bench.common import fmt_ms, p50, percentile, table
from eval.bench.corpus import generate
from eval.bench.index_bench import ingest
from index.config import DEFAULT_EMBEDDING_BACKEND, EmbeddingBackend, VectorPolicy

ITEMS = ("公务接待费", "财政拨款收入", "工资福利支出", "办公费", "因公出国（境）费")  # items most documents state
SPLIT = ("parse", "embed", "write", "keywords", "other")  # parts of an ingest's wall time


def rss_mib() -> tuple[float, float]:
    """(resident now, peak since the last `reset_peak`) of this process, in MiB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def reset_peak() -> None:
    """Restarts the kernel's peak-RSS count for this process (Linux)."""
    Path("/proc/self/clear_refs").write_text("5")


def folder_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def database_mib(index) -> float | None:
    """The fact database's size on a PostgreSQL server (pg_database_size), in MiB; None for SQLite (in the data dir)."""
    from sqlalchemy import text

    engine = index.facts.engine
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 2**20


def full_rebuild_seconds(index, scratch: Path) -> float:
    """The keyword refresh before segments, timed on the current index: all ready chunks read and tokenized,
    one bm25s index built and saved with its chunk ids (the product keeps none of it)."""
    import bm25s

    from ingest.lexicon import indexed_terms

    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    started = time.perf_counter()
    records = index.facts.chunks()
    bm25 = bm25s.BM25()
    bm25.index([indexed_terms(r.text) or ["∅"] for r in records], show_progress=False)
    bm25.save(str(scratch))
    (scratch / "chunk_ids.json").write_text(json.dumps([[r.chunk_id, r.doc_id] for r in records]), encoding="utf-8")
    elapsed = time.perf_counter() - started
    shutil.rmtree(scratch, ignore_errors=True)
    return elapsed


def fact_questions(index, doc_ids: list[str], count: int, seed: int) -> list[str]:
    """'<department><year>年<item>是多少' for items the documents state, `count` of them at most."""
    from index.fact_store import FactQuery

    questions = []
    for doc_id in doc_ids:
        doc = index.facts.document(doc_id)
        stated = {f.subject for f in index.facts.facts(FactQuery(doc_ids=(doc_id,), limit=100_000))}
        questions += [f"{doc.department}{doc.year}年{item}是多少" for item in ITEMS if item in stated]
    random.Random(seed).shuffle(questions)
    return questions[:count]


def ask_latency(assistant, questions: list[str]) -> dict:
    """Two timed passes over the questions: the first reads each document's facts from the store (the
    index changed since the last checkpoint, so nothing is cached), the second finds them cached."""
    passes = []
    for _ in range(2):
        seconds, fact, answers = [], [], []
        for question in questions:
            started = time.perf_counter()
            answer = assistant.ask(question)
            elapsed = time.perf_counter() - started
            seconds.append(elapsed)
            answers.append(answer.text)
            if answer.route == "fact":
                fact.append(elapsed)
        passes.append({"p50": p50(seconds), "p95": percentile(seconds, 95), "fact_p50": p50(fact),
                       "fact_p95": percentile(fact, 95), "fact_answers": len(fact), "answers": answers})
    cold, warm = passes
    return {**cold, "questions": len(questions), "cached_p50": warm["p50"], "cached_p95": warm["p95"]}


def dense_search(index, questions: list[str], k: int = 5) -> dict:
    """Each question's top-k chunks by vector, searched twice (the second pass timed): p50/p95 of the search and of its
    vector query alone, and the chunk ids found (the same index on another Chroma must find the same)."""
    timers = common.Timers()
    timers.wrap(index.vectors.embeddings, "embed_query", "embed")
    try:
        for question in questions:
            index.vectors.search(question, k)
        seconds, query, found = [], [], []
        for question in questions:
            embed_before = timers.seconds["embed"]
            started = time.perf_counter()
            found.append([hit.chunk_id for hit in index.vectors.search(question, k)])
            seconds.append(time.perf_counter() - started)
            query.append(seconds[-1] - (timers.seconds["embed"] - embed_before))
    finally:
        timers.restore()
    return {"p50": p50(seconds), "p95": percentile(seconds, 95), "query_p50": p50(query), "query_p95": percentile(query, 95),
            "found": found}


def run(files: list[Path], checkpoints: list[int], batch: int, settings, work: Path, questions: int, seed: int) -> dict:
    from assistant.chain import Assistant
    from index.corpus_index import CorpusIndex

    index = CorpusIndex.open(settings.index_config())
    started = time.perf_counter()
    if index.chunk_vectors is VectorPolicy.AT_INGEST:
        index.vectors.embeddings.embed_query("预算")  # the model loads outside the timed ingest
    else:
        index.vectors.embeddings.count_tokens("预算")  # only the tokenizer, which sizes the chunks; the model never loads
    model_load_s = time.perf_counter() - started
    assistant = Assistant(index, settings.assistant_config())
    batches, points, asked = [], [], []
    done, ingest_s = 0, 0.0
    while done < checkpoints[-1]:
        target = next(c for c in checkpoints if c > done)
        chunk = files[done:min(done + batch, target)]
        reset_peak()
        split = ingest(index, chunk)
        now, peak = rss_mib()
        done += len(chunk)
        ingest_s += split["total"]
        batches.append({"n": done, "seconds": split["total"], "docs_per_min": split["docs_per_min"], "parse": split["parse"],
                        "embed": split["embed"], "write": split["chroma_write"] + split["sql_write"],
                        "vector_write": split["chroma_write"],
                        "keywords": split["bm25_rebuild"], "other": split["other"], "chunks": split["chunks"],
                        "failed": split["failed"], "rss": now, "peak": peak})
        print(f"  batch to N={done}: {split['total']:.1f}s, {split['docs_per_min']:.1f} docs/min, keyword update "
              f"{split['bm25_rebuild'] * 1000:.0f} ms, RSS {now:.0f} MiB (peak {peak:.0f})", flush=True)
        if done != target:
            continue
        if not asked:  # the first document's question only warms the process up (jieba, vocabularies)
            first, *others = sorted(d.doc_id for d in index.documents())
            assistant.ask(fact_questions(index, [first], 1, seed)[0])
            asked = fact_questions(index, others, questions, seed)
        ask = ask_latency(assistant, asked)
        points.append({"n": done, "documents": len(index.documents()), "chunks": len(index.facts.chunk_ids()),
                       "ingest_s": ingest_s, "docs_per_min": done / ingest_s * 60,
                       "split": {part: sum(b[part] for b in batches) for part in SPLIT},
                       "vector_write_s": sum(b["vector_write"] for b in batches),
                       "keyword_update_s": split["bm25_rebuild"], "full_rebuild_s": full_rebuild_seconds(index, work / "rebuild"),
                       "peak_rss": max(b["peak"] for b in batches), "rss": now, "disk_mib": folder_mib(settings.data_dir),
                       "database_mib": database_mib(index),
                       "segments": len(list((settings.data_dir / "keyword").glob("seg-*"))), "ask": ask,
                       "dense": dense_search(index, asked) if index.chunk_vectors is VectorPolicy.AT_INGEST else None,
                       "load": os.getloadavg()[0]})
        print(render_point(points[-1]), flush=True)
    index.close()
    return {"model_load_s": model_load_s, "batches": batches, "checkpoints": points}


def render_point(point: dict) -> str:
    ask = point["ask"]
    return (f"== N={point['n']}: {point['chunks']} chunks, {point['docs_per_min']:.1f} docs/min, keyword update "
            f"{point['keyword_update_s'] * 1000:.0f} ms vs full rebuild {point['full_rebuild_s'] * 1000:.0f} ms, peak RSS "
            f"{point['peak_rss']:.0f} MiB, ask p50/p95 {fmt_ms(ask['p50'])}/{fmt_ms(ask['p95'])} ms "
            f"({ask['fact_answers']}/{ask['questions']} by the fact path)")


def render(result: dict) -> str:
    points, batches = result["checkpoints"], result["batches"]
    lines = [f"== scale bench: batches of {result['batch']}, chunk vectors {result['vectors']}, model {result['model']} "
             f"({result['backend']}), {points[0]['ask']['questions']} fact questions naming a department"]
    rows = []
    previous = None
    for p in points:
        growth = "—" if previous is None else f"{(p['peak_rss'] - previous['peak_rss']) / (p['n'] - previous['n']):.1f}"
        rows.append([p["n"], p["chunks"], f"{p['docs_per_min']:.1f}", f"{p['keyword_update_s'] * 1000:.0f}",
                     f"{p['full_rebuild_s'] * 1000:.0f}", common.ratio(p["full_rebuild_s"], p["keyword_update_s"]),
                     p["segments"], f"{p['peak_rss']:.0f}", growth, fmt_ms(p["ask"]["p50"]), fmt_ms(p["ask"]["p95"]),
                     f"{fmt_ms(p['ask']['fact_p50'])} / {fmt_ms(p['ask']['fact_p95'])}",
                     f"{fmt_ms(p['ask']['cached_p50'])} / {fmt_ms(p['ask']['cached_p95'])}", f"{p['disk_mib']:.0f}",
                     "—" if p["database_mib"] is None else f"{p['database_mib']:.0f}"])
        previous = p
    lines.append(table(["N", "chunks", "docs/min", "keyword update ms (batch)", "full rebuild ms", "rebuild/update",
                        "segments", "peak RSS MiB", "MiB/doc since previous", "ask p50 ms", "ask p95 ms",
                        "fact path p50 / p95 ms", "facts cached p50 / p95 ms", "data dir MiB", "database MiB"], rows))
    lines.append("\ningest to N, seconds (SQL + Chroma writes under write, hashing and recovery under other):")
    lines.append(table(["N", "ingest s", *SPLIT, "of write: Chroma", "embed share", "docs/min"],
                       [[p["n"], f"{p['ingest_s']:.1f}", *(f"{p['split'][part]:.1f}" for part in SPLIT),
                         f"{p['vector_write_s']:.1f}",
                         f"{p['split']['embed'] / p['ingest_s'] * 100:.0f}%", f"{p['docs_per_min']:.1f}"] for p in points]))
    first = points[0]["ask"]["answers"]
    same = [sum(a == b for a, b in zip(first, p["ask"]["answers"])) for p in points]
    lines.append(f"answers identical to those at N={points[0]['n']}: {same} of {len(first)}")
    for p in points:
        if p.get("dense"):
            d = p["dense"]
            lines.append(f"dense search at N={p['n']} (top 5, every chunk): p50/p95 {fmt_ms(d['p50'])}/{fmt_ms(d['p95'])} ms, "
                         f"of which the vector query {fmt_ms(d['query_p50'])}/{fmt_ms(d['query_p95'])} ms")
    lines.append("\nper batch:")
    lines.append(table(["N", "s", "docs/min", "embed share", "keyword update ms", "RSS after MiB", "peak in batch MiB"],
                       [[b["n"], f"{b['seconds']:.1f}", f"{b['docs_per_min']:.1f}", f"{b['embed'] / b['seconds'] * 100:.0f}%",
                         f"{b['keywords'] * 1000:.0f}", f"{b['rss']:.0f}", f"{b['peak']:.0f}"] for b in batches]))
    last = points[-1]
    if last["n"] < 1000:
        per_doc = last["ingest_s"] / last["n"]
        lines.append(f"\nextrapolated, not run: 1,000 documents at this run's {per_doc:.1f} s/document ≈ "
                     f"{per_doc * 1000 / 60:.0f} min of ingest; a full keyword rebuild grows with the chunks "
                     f"(≈ {last['full_rebuild_s'] * 1000 / last['n']:.0f} s at 1,000 if linear), an update with the batch only")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[50, 200], help="document counts to measure at")
    parser.add_argument("--batch", type=int, default=25, help="documents per ingest run")
    parser.add_argument("--questions", type=int, default=40, help="fact questions asked at each checkpoint")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--backend", type=EmbeddingBackend, default=DEFAULT_EMBEDDING_BACKEND, choices=list(EmbeddingBackend))
    parser.add_argument("--vectors", type=VectorPolicy, default=VectorPolicy.ON_DEMAND, choices=list(VectorPolicy),
                        help="when chunk vectors are made (default: the product's, with keyword retrieval)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR", help="build in DIR (must not exist) and keep it")
    parser.add_argument("--json", type=Path, default=None)
    common.Servers.add_arguments(parser)
    args = parser.parse_args(argv)
    checkpoints = sorted(set(args.checkpoints))
    if args.keep and args.keep.exists():
        parser.error(f"{args.keep} exists; give a new folder")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bq-scale-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        rows = generate(checkpoints[-1], work / "generated", args.seed)
        print(f"generated {len(rows)} documents in {time.perf_counter() - started:.0f}s", flush=True)
        servers = common.Servers.from_args(args)
        settings = common.bench_settings(work / "data", args.model, args.backend, args.vectors, servers)
        result = run([work / "generated" / r["file"] for r in rows], checkpoints, args.batch, settings, work,
                     args.questions, args.seed)
        result.update(batch=args.batch, model=args.model, backend=str(args.backend), vectors=str(args.vectors),
                      database=servers.database_url and servers.database_url.rsplit("@", 1)[-1],  # no credentials
                      chroma_host=servers.chroma_host)
        print("\n" + render(result), flush=True)
        if args.json:
            args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
