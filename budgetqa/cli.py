"""The `budgetqa` command: ingest, embed, ask, serve, eval, documents, check. Each subcommand imports only what it needs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from config.settings import get_settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the product never downloads models
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from config.wiring import open_index
    from index.corpus_index import IndexBusy
    from index.ingestion import expand_paths, ingest_paths, remove_documents
    from ingest.model import DocumentKind
    from ingest.ocr.options import PageProgress
    from ingest.pipeline import MetaOverrides

    settings = get_settings()
    index = open_index(settings)
    try:
        if args.remove:
            targets = {str(p) for p in args.paths}
            doomed = [d.doc_id for d in index.documents() if d.doc_id in targets or d.source in {Path(t).name for t in targets}]
            remove_documents(index, doomed)
            print(f"removed {len(doomed)} document(s)")
            return 0 if doomed else 1
        files = expand_paths(args.paths)
        overrides = MetaOverrides(args.department, args.year, DocumentKind(args.kind) if args.kind else None)
        options = settings.parse_options()
        with (tqdm(total=len(files), unit="file", disable=args.quiet, file=sys.stderr) as bar,
              tqdm(unit="页", disable=args.quiet, file=sys.stderr, position=1, leave=False) as pages):
            def step(path: Path) -> None:
                bar.set_postfix_str(path.name[:40])
                bar.update(1)
                pages.reset()

            def page(progress: PageProgress) -> None:  # scanned pages take seconds each
                pages.total = progress.pages
                pages.set_description_str("识别扫描页" if progress.recognised else "读取页面")
                pages.update(1)

            report = ingest_paths(index, args.paths, options, overrides, on_file=step, on_page=page, jobs=args.jobs)
    except IndexBusy as busy:
        print(f"error: {busy}", file=sys.stderr)
        return 3
    finally:
        index.close()
    for line in report.failed:
        print(f"error: {line}", file=sys.stderr)
    for line in report.notices:
        print(f"注意：{line}", file=sys.stderr)
    print(
        f"added {len(report.added)}, replaced {len(report.replaced)}, unchanged {len(report.unchanged)}, "
        f"failed {len(report.failed)}; {report.facts} facts, {report.chunks} chunks"
    )
    return 0 if report.ok else 2


def _embed(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from config.wiring import open_index
    from index.corpus_index import IndexBusy
    from index.vector_backfill import EmbedProgress, embed_missing

    index = open_index(get_settings())
    try:
        with tqdm(unit="段", disable=args.quiet, file=sys.stderr) as bar:
            def step(progress: EmbedProgress) -> None:
                bar.total = progress.missing
                bar.set_postfix_str(progress.doc.source[:40])
                bar.update(progress.chunks)

            report = embed_missing(index, on_document=step)
    except IndexBusy as busy:
        print(f"error: {busy}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("已中断：做好的向量已保存，再次运行 budgetqa embed 会接着做", file=sys.stderr)
        return 130
    finally:
        index.close()
    print(f"embedded {report.chunks} chunks of {report.documents} document(s); {report.present} chunks had vectors already")
    return 0


def _ask(args: argparse.Namespace) -> int:
    from assistant.chain import QuestionRejected
    from config.wiring import open_assistant
    from index.corpus_index import DocumentFilter
    from index.vector_backfill import VectorsMissing

    try:
        assistant = open_assistant(get_settings())
    except VectorsMissing as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    try:
        answer = assistant.ask(" ".join(args.question), DocumentFilter(args.department, args.year))
    except QuestionRejected as rejected:
        print(f"error: {rejected}", file=sys.stderr)
        return 2
    if args.json:
        print(answer.model_dump_json(indent=2))
        return 0
    print(answer.text)
    if answer.formula:
        print(f"  计算：{answer.formula}")
    for i, c in enumerate(answer.citations, 1):
        where = " · ".join(str(x) for x in (c.source, c.section, f"第{c.page}页" if c.page else None) if x)
        shown = f"《{c.table.title}》{c.label}" if c.table and c.label else f"“{c.quote.strip()}”"
        print(f"  [{i}] {where} [{c.start}:{c.end}] {shown}")
    return 0 if answer.kind != "not_found" else 1


def _documents(args: argparse.Namespace) -> int:
    from config.wiring import open_index

    index = open_index(get_settings())
    for d in index.documents():
        print(f"{d.doc_id}  {d.department}  {d.year}  {d.kind}  {d.source}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from api.workers import serve

    serve(args.host, args.port, args.workers)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from eval.cli import run_eval

    return run_eval(args)


def _check(args: argparse.Namespace) -> int:
    from index.ingestion import expand_paths
    from ingest.audit.report import check_files, report_json, report_table

    report = check_files(expand_paths(args.paths), get_settings().parse_options())
    print(report_table(report))
    if args.json:
        args.json.write_text(report_json(report), encoding="utf-8")
    return 2 if report.failed else 1 if report.contradicts else 0


def _positive_int(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="budgetqa", description="Questions and answers over budget disclosures.")
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="ingest files or folders into the data dir")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--department", help="override the detected department")
    ingest.add_argument("--year", type=int, help="override the detected year")
    ingest.add_argument("--kind", choices=["部门预算", "单位预算", "部门决算"], help="override the detected kind")
    ingest.add_argument("--remove", action="store_true", help="remove the named documents (file names or ids) instead")
    ingest.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                        help="parse files in N worker processes (each loads its own model when vectors are made at "
                             "ingest, to embed them) while this one stores them in order (default 1: all in this process)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_ingest)

    embed = sub.add_parser("embed", help="make the vectors of every chunk that lacks one (before switching to dense or "
                                         "hybrid retrieval); safe to stop and run again")
    embed.add_argument("--quiet", action="store_true", help="no progress bar")
    embed.set_defaults(run=_embed)

    ask = sub.add_parser("ask", help="ask one question")
    ask.add_argument("question", nargs="+")
    ask.add_argument("--department")
    ask.add_argument("--year", type=int)
    ask.add_argument("--json", action="store_true", help="print the full Answer JSON")
    ask.set_defaults(run=_ask)

    docs = sub.add_parser("documents", help="list ingested documents")
    docs.set_defaults(run=_documents)

    serve = sub.add_parser("serve", help="run the HTTP API, chat widget and staff pages")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="server processes sharing the data dir, each with its own model")
    serve.set_defaults(run=_serve)

    evaluate = sub.add_parser("eval", help="score the assistant on a gold JSONL file")
    evaluate.add_argument("gold", type=Path, nargs="+")
    evaluate.add_argument("--json", type=Path, help="write the full report here")
    evaluate.add_argument("--baseline", action="store_true", help="also run the plain LangChain RAG baseline")
    evaluate.set_defaults(run=_eval)

    check = sub.add_parser("check", help="audit files for places where a disclosure contradicts itself (no ingest needed)")
    check.add_argument("paths", nargs="+", type=Path)
    check.add_argument("--json", type=Path, help="also write the findings as JSON here")
    check.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
