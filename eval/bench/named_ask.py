"""Ask latency on a kept index when the question names a department: `Assistant.ask` (what `budgetqa ask` and
the evaluation call) and `Assistant.reply` (what the HTTP API calls: the answer plus two related questions).

The index is one kept by `scale_bench --keep DIR` (DIR/data). The questions are written to a file the first time
and read from it after, so two source trees (`PYTHONPATH=<tree>`) answer the same ones:
  * fact questions '<department><year>年<item>是多少' (scale_bench's, same seed), each about another document;
  * a few more per document of the first ones: its short name, a share, a change on last year, a duty (text).
Each way of asking gets a fresh assistant, warmed up by one fact question about the first document (which no
question asks about), and asks every question twice: the first pass reads each document's facts and text from the
store (nothing of it is cached yet), the second finds them cached. The answers of the first pass (text, route,
kind, cited spans, related questions) are written with `--answers` for comparison.

    python -m eval.bench.named_ask --data-dir DIR/data --questions Q.json [--answers OUT.json] [--profile 30]
                                   [--database-url URL] [--chroma-host HOST --chroma-port PORT]   # an index on servers
    python -m eval.bench.named_ask --compare A.json B.json
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

from eval.bench import common
from eval.bench.common import fmt_ms, p50, percentile, table

FACT_QUESTIONS = 40
VARIED_DOCUMENTS = 4  # documents asked the other forms of question
WAYS = ("ask", "reply")


def make_questions(index, seed: int) -> list[str]:
    """Fact questions naming a department (scale_bench's), then other forms for a few of their documents."""
    from assistant.departments import short_name
    from eval.bench.scale_bench import ITEMS, fact_questions

    _, *others = sorted(d.doc_id for d in index.documents())  # the first is the one scale_bench warms up with
    questions = fact_questions(index, others, FACT_QUESTIONS, seed)
    documents = index.documents()
    known = [d.department for d in documents]
    for question in questions[:VARIED_DOCUMENTS]:
        doc = next(d for d in documents if question.startswith(f"{d.department}{d.year}年"))
        short = short_name(doc.department, known)
        questions += [f"{short}{doc.year}年{ITEMS[0]}是多少", f"{doc.department}{doc.year}年{ITEMS[2]}占总支出的比例是多少",
                      f"{doc.department}{doc.year}年{ITEMS[1]}比上年增加了多少", f"{doc.department}的主要职责是什么"]
    return questions


def answer_record(answer) -> dict:
    return {"question": answer.question, "text": answer.text, "route": answer.route, "kind": str(answer.kind),
            "citations": [[c.doc_id, c.start, c.end] for c in answer.citations], "related": list(answer.related)}


def timed_passes(call, questions: list[str]) -> dict:
    """Two passes over the questions: seconds per question and route, and the first pass's answers."""
    passes = []
    for _ in range(2):
        seconds, routes, answers = [], [], []
        for question in questions:
            started = time.perf_counter()
            answer = call(question)
            seconds.append(time.perf_counter() - started)
            routes.append(answer.route)
            answers.append(answer_record(answer))
        passes.append({"seconds": seconds, "routes": routes, "answers": answers})
    return {"cold": passes[0], "cached": passes[1]}


def summary(run: dict) -> dict:
    out = {}
    for name, part in run.items():
        fact = [s for s, r in zip(part["seconds"], part["routes"]) if r == "fact"]
        out[name] = {"p50": p50(part["seconds"]), "p95": percentile(part["seconds"], 95), "fact_p50": p50(fact),
                     "fact_p95": percentile(fact, 95), "fact": len(fact), "n": len(part["seconds"])}
    return out


def run(data_dir: Path, questions: list[str], profile: int, seed: int, servers: common.Servers = common.Servers()) -> dict:
    from assistant.chain import Assistant
    from eval.bench.scale_bench import fact_questions
    from index.config import VectorPolicy
    from index.corpus_index import CorpusIndex

    settings = common.bench_settings(data_dir, vectors=VectorPolicy.ON_DEMAND, servers=servers)
    index = CorpusIndex.open(settings.index_config())
    results = {"documents": len(index.documents())}
    first = min(d.doc_id for d in index.documents())  # no question asks about it (make_questions)
    warm_up = fact_questions(index, [first], 1, seed)[0]
    for way in WAYS:
        assistant = Assistant(index, settings.assistant_config())  # nothing of the documents cached
        call = getattr(assistant, way)
        call(warm_up)  # warms the process (jieba, vocabularies) reading one document's facts, not every one's
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        results[way] = timed_passes(call, questions)
        if profiler:
            profiler.disable()
            print(f"\n== profile of {way} (both passes), top {profile} by cumulative time")
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(profile)
    index.close()
    return results


def render(results: dict) -> str:
    rows = []
    for way in WAYS:
        for name, s in summary(results[way]).items():
            rows.append([way, name, s["n"], fmt_ms(s["p50"]), fmt_ms(s["p95"]), s["fact"], fmt_ms(s["fact_p50"]),
                         fmt_ms(s["fact_p95"])])
    head = f"{results['documents']} documents"
    return head + "\n" + table(["via", "pass", "questions", "p50 ms", "p95 ms", "fact route", "fact p50 ms", "fact p95 ms"], rows)


def compare(a: Path, b: Path) -> str:
    left, right = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    lines = []
    for way in WAYS:
        pairs = list(zip(left[way]["cold"]["answers"], right[way]["cold"]["answers"]))
        same = sum(x == y for x, y in pairs)
        lines.append(f"{way}: {same} of {len(pairs)} answers identical (text, route, kind, cited spans, related)")
        lines += [f"  differs: {x['question']}\n    {x['text'][:100]}\n    {y['text'][:100]}" for x, y in pairs if x != y]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, help="a kept index (scale_bench --keep DIR: DIR/data)")
    parser.add_argument("--questions", type=Path, help="JSON list of questions; written from the index when missing")
    parser.add_argument("--answers", type=Path, default=None, help="write timings and answers here (JSON)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest calls (cProfile)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("A", "B"), help="compare two --answers files")
    common.Servers.add_arguments(parser)
    args = parser.parse_args(argv)
    if args.compare:
        print(compare(*args.compare))
        return 0
    if not args.data_dir or not args.questions:
        parser.error("give --data-dir and --questions (or --compare A B)")
    servers = common.Servers.from_args(args)
    if not args.questions.exists():
        from index.config import VectorPolicy
        from index.corpus_index import CorpusIndex

        settings = common.bench_settings(args.data_dir, vectors=VectorPolicy.ON_DEMAND, servers=servers)
        index = CorpusIndex.open(settings.index_config())
        args.questions.write_text(json.dumps(make_questions(index, args.seed), ensure_ascii=False, indent=1), encoding="utf-8")
        index.close()
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    results = run(args.data_dir, questions, args.profile, args.seed, servers)
    print(render(results), flush=True)
    if args.answers:
        args.answers.write_text(json.dumps({**results, "summary": {w: summary(results[w]) for w in WAYS}},
                                           ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
