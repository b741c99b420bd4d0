"""Scanned documents made from the bundled sample PDF, for the OCR tests."""

from __future__ import annotations

from pathlib import Path

from assistant.chain import Assistant
from config.settings import Settings
from eval.bench.ocr_bench import SAMPLE_PDF, image_pdf, money_facts, page_images  # noqa: F401  (shared with the tests)
from index.corpus_index import CorpusIndex
from ingest.model import ParsedDocument

# the cover (department, year), the 编制说明 (收支 figures), the 收支总表, the 三公 table and its narrative
SCANNED_PAGES = [1, 6, 9, 29, 30]


def assistant_over(data_dir: Path, embeddings, doc: ParsedDocument) -> Assistant:
    """An assistant over an index holding only `doc` (already parsed: the OCR is not run again)."""
    config = Settings(_env_file=None, data_dir=data_dir)
    index = CorpusIndex.open(config.index_config(), embeddings)
    with index.writing():
        index.add(doc)
        index.refresh_keywords()
    return Assistant(index, config.assistant_config())
