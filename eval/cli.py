"""`budgetqa eval GOLD.jsonl… [--json REPORT] [--baseline]`: score the assistant (and the baseline) on gold files.

Exit code 0 when every file was run (whatever the scores); 2 when a gold file is missing or malformed
(nothing is run then, so a typo cannot produce a misleading report).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from config.settings import Settings, get_settings
from eval import report
from eval.gold import GoldFileError, GoldItem, load_gold
from eval.runner import IndexCorpus, QuestionResult, run_gold


def _load_all(paths: list[Path]) -> dict[Path, list[GoldItem]]:
    return {path: load_gold(path) for path in paths}


def run_eval(args: argparse.Namespace, settings: Settings | None = None) -> int:
    """Runs every gold file through the assistant (and, with `args.baseline`, the baseline); prints and writes reports."""
    from config.wiring import open_assistant

    try:
        gold = _load_all(list(args.gold))
    except GoldFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    settings = settings or get_settings()
    assistant = open_assistant(settings)
    corpus = IndexCorpus(assistant.index)
    baseline = None
    try:
        if not corpus.documents():
            print(f"warning: no documents are ingested in {settings.data_dir}; every answerable question will fail", file=sys.stderr)
        if args.baseline:
            from eval.baseline import BaselineRAG

            baseline = BaselineRAG(assistant.index, assistant.index.vectors.embeddings)
        product_all: list[QuestionResult] = []
        baseline_all: list[QuestionResult] = []
        files = []
        for path, items in gold.items():
            results = run_gold(items, assistant.ask, corpus, str(path))
            product_all += results
            summary = report.summarize(results)
            entry: dict = {"gold": str(path), "summary": summary.model_dump()}
            title = f"== {path} ({len(items)} questions)"
            if baseline is not None:
                base_results = run_gold(items, baseline.ask, corpus, str(path))
                baseline_all += base_results
                base_summary = report.summarize(base_results)
                entry["baseline_summary"] = base_summary.model_dump()
                print(report.render_comparison(summary, base_summary, title))
            else:
                print(report.render_table(summary, title))
            failures = report.failure_lines(results)
            if failures:
                print(f"\nfailures ({len(failures)}):")
                print("\n".join(failures))
            print()
            files.append(entry)
        if len(gold) > 1:
            overall = report.summarize(product_all)
            if baseline is not None:
                print(report.render_comparison(overall, report.summarize(baseline_all), f"== all files ({len(product_all)} questions)"))
            else:
                print(report.render_table(overall, f"== all files ({len(product_all)} questions)"))
        if args.json:
            data = report.report_dict(product_all, files=files)
            if baseline is not None:
                data["baseline"] = report.report_dict(baseline_all)
            report.write_json(Path(args.json), data)
            print(f"report written to {args.json}")
    finally:
        if baseline is not None:
            baseline.close()
        assistant.index.close()
    return 0
