"""OCR benchmark: a PDF's pages rendered to images (text layer dropped) and read back by OCR.

Prints the OCR time per page and how many of the text-layer parse's money facts the scanned version
recovers with the same page, subject, value and unit (and all facts, and the typed tables).

    python -m eval.bench.ocr_bench [--pdf samples/01_shpt_wanli-street_2025_dept-budget.pdf] [--pages 1,6,9,29,30] [--dpi 200]
                                   [--out scanned.pdf]

`--out` keeps the image-only PDF (eval/gold/scanned.jsonl is scored on the whole sample scanned this way).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import pypdfium2
from PIL import Image

from assistant.citations import LOW_CONFIDENCE
from eval.bench.common import REPO, peak_rss_mib, table
from ingest.model import ParsedDocument
from ingest.ocr.options import PageProgress
from ingest.pipeline import parse_file

SAMPLE_PDF = REPO / "samples" / "01_shpt_wanli-street_2025_dept-budget.pdf"
SCAN_DPI = 200


def page_images(pdf: Path, pages: list[int], dpi: int = SCAN_DPI) -> list[Image.Image]:
    """The PDF's pages as greyscale images, as a scanner would give them."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[n - 1].render(scale=dpi / 72).to_pil().convert("L") for n in pages]
    finally:
        document.close()


def image_pdf(path: Path, images: list[Image.Image], dpi: int = SCAN_DPI) -> Path:
    """A PDF of page images only (no text layer), each page the size of the original."""
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


def money_facts(doc: ParsedDocument, pages: list[int]) -> Counter:
    """Money facts on `pages` as (position of the page in `pages`, subject, value, unit), counted."""
    return Counter((pages.index(f.page) + 1, f.subject, f.value, f.unit)
                   for f in doc.facts if f.amount_wan is not None and f.page in pages)


def all_facts(doc: ParsedDocument, pages: list[int]) -> Counter:
    return Counter((pages.index(f.page) + 1, f.subject, f.measure, f.value, f.unit) for f in doc.facts if f.page in pages)


def _share(expected: Counter, found: Counter) -> str:
    total = sum(expected.values())
    same = sum((expected & found).values())
    return f"{same}/{total} ({same / total:.1%})" if total else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, default=SAMPLE_PDF)
    parser.add_argument("--pages", help="comma-separated page numbers (default: every page)")
    parser.add_argument("--dpi", type=int, default=SCAN_DPI)
    parser.add_argument("--out", type=Path, help="keep the image-only PDF here")
    args = parser.parse_args()

    with pypdfium2.PdfDocument(args.pdf) as document:
        count = len(document)
    pages = [int(p) for p in args.pages.split(",")] if args.pages else list(range(1, count + 1))
    text_doc = parse_file(args.pdf)
    with tempfile.TemporaryDirectory() as scratch:
        scanned = image_pdf(Path(scratch) / f"scanned-{args.pdf.name}", page_images(args.pdf, pages, args.dpi), args.dpi)
        times: list[float] = []
        last = [time.perf_counter()]

        def tick(progress: PageProgress) -> None:
            now = time.perf_counter()
            times.append(now - last[0])
            last[0] = now

        started = time.perf_counter()
        scan_doc = parse_file(scanned, on_page=tick)
        total = time.perf_counter() - started
        if args.out:
            args.out.write_bytes(scanned.read_bytes())

    rows = [[n, source, f"{seconds:.1f}"] for n, (source, seconds) in enumerate(zip(pages, times), 1)]
    print(f"{args.pdf.name}: {len(pages)} page(s) at {args.dpi} dpi\n")
    print(table(["page", "source page", "OCR s"], rows))
    print(f"\nOCR total {total:.1f} s (model load included), median {statistics.median(times):.1f} s/page, "
          f"peak RSS {peak_rss_mib():.0f} MiB")
    spans = scan_doc.recognised
    unsure = sum(r.confidence < LOW_CONFIDENCE for r in spans)
    print(f"recognised lines and cells: {len(spans)}, {sum(r.end - r.start for r in spans)} characters; "
          f"read with confidence under {LOW_CONFIDENCE}: {unsure} ({unsure / max(1, len(spans)):.1%}); "
          f"lowest {min((r.confidence for r in spans), default=0):.3f}")
    expected, found = money_facts(text_doc, pages), money_facts(scan_doc, list(range(1, len(pages) + 1)))
    every, every_found = all_facts(text_doc, pages), all_facts(scan_doc, list(range(1, len(pages) + 1)))
    text_tables = Counter(t.kind for t in text_doc.tables if t.page in pages)
    scan_tables = Counter(t.kind for t in scan_doc.tables)
    print(f"money facts recovered (page, subject, value, unit): {_share(expected, found)}")
    print(f"all facts recovered (page, subject, measure, value, unit): {_share(every, every_found)}")
    print(f"typed tables by kind recovered: {_share(text_tables, scan_tables)}")
    print(f"pages that could not be read: {len(scan_doc.notices)}")
    for key in sorted(expected - found)[:10]:
        print("  missing:", *key)


if __name__ == "__main__":
    main()
