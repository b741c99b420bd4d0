"""Scanned disclosures made from the bundled sample PDF: its pages rendered to images, the text layer dropped.

OCR takes seconds a page on the CPU, so the scanned document is read once per session and shared
(`sample_doc`, the same PDF read from its text layer, comes from tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scan_support import SAMPLE_PDF, SCANNED_PAGES, assistant_over, image_pdf, page_images

from assistant.chain import Assistant
from ingest.model import ParsedDocument
from ingest.ocr.options import PageProgress
from ingest.pipeline import parse_file


@pytest.fixture(scope="session")
def scanned_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return image_pdf(tmp_path_factory.mktemp("scans") / "wanli-2025-scanned.pdf", page_images(SAMPLE_PDF, SCANNED_PAGES))


@pytest.fixture(scope="session")
def scanned_read(scanned_pdf: Path) -> tuple[ParsedDocument, list[PageProgress]]:
    """The scanned sample parsed once, with the progress reported page by page."""
    progress: list[PageProgress] = []
    return parse_file(scanned_pdf, on_page=progress.append), progress


@pytest.fixture(scope="session")
def scanned_doc(scanned_read) -> ParsedDocument:
    return scanned_read[0]


@pytest.fixture(scope="session")
def scanned_assistant(tmp_path_factory, embeddings, scanned_doc) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("scanned-index"), embeddings, scanned_doc)
