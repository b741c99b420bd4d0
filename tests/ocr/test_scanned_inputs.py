"""Scans come as mixed PDFs, as pictures of a page, or unreadable: each is read page by page or refused in Chinese."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from scan_support import SAMPLE_PDF, image_pdf, page_images

from budgetqa.cli import main
from config.settings import get_settings
from ingest.errors import IngestError
from ingest.model import TableKind
from ingest.ocr.options import PageProgress
from ingest.pipeline import parse_file

pytestmark = pytest.mark.slow  # OCR of scanned pages: `make test-fast` leaves them out

THREE_PUBLIC_PAGE, THREE_PUBLIC_NOTES_PAGE = 29, 30
THREE_PUBLIC_ROW = ["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]


@pytest.fixture(scope="module")
def three_public_image() -> Image.Image:
    return page_images(SAMPLE_PDF, [THREE_PUBLIC_PAGE])[0]


def noise_page() -> Image.Image:
    """A small page of speckle: ink everywhere, no text."""
    return Image.fromarray(np.random.default_rng(7).choice([0, 255], size=(400, 600)).astype(np.uint8))


def three_public_row(doc) -> list[str]:
    table = next(t for t in doc.tables if t.kind is TableKind.THREE_PUBLIC)
    return [c.text for c in table.body[0]]


def test_mixed_pdf_reads_each_page_its_own_way(tmp_path: Path, three_public_image) -> None:
    scans = PdfReader(image_pdf(tmp_path / "scans.pdf", [three_public_image, noise_page()]))
    writer = PdfWriter()
    writer.add_page(PdfReader(SAMPLE_PDF).pages[THREE_PUBLIC_NOTES_PAGE - 1])  # keeps its text layer
    for page in scans.pages:
        writer.add_page(page)
    path = tmp_path / "mixed.pdf"
    writer.write(path)
    progress: list[PageProgress] = []

    doc = parse_file(path, on_page=progress.append)

    assert [(p.page, p.recognised) for p in progress] == [(1, False), (2, True), (3, True)]
    assert doc.notices == ["第3页无法识别：页面有内容，但识别出的文字只有0个字（可能过于模糊、倾斜或分辨率太低）"]
    assert three_public_row(doc) == THREE_PUBLIC_ROW
    assert doc.recognised and {r.page for r in doc.recognised} == {2}
    text_facts = [f for f in doc.facts if f.page == 1 and f.amount_wan is not None]
    assert ("公务接待费", "1.35") in {(f.subject, str(f.value)) for f in text_facts}
    assert not any(r.start < f.end and f.start < r.end for f in text_facts for r in doc.recognised)


def test_a_picture_of_a_page_is_read_like_a_scanned_page(tmp_path: Path, three_public_image) -> None:
    path = tmp_path / "three-public.png"
    three_public_image.save(path)
    doc = parse_file(path)
    assert doc.meta.format == "png" and doc.meta.department == "上海市普陀区人民政府万里街道办事处"
    assert three_public_row(doc) == THREE_PUBLIC_ROW
    assert {r.page for r in doc.recognised} == {1}


def test_an_unreadable_scan_is_refused_with_the_page_and_the_reason(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as error:
        parse_file(image_pdf(tmp_path / "speckle.pdf", [noise_page()]))
    assert error.value.reason.startswith("第1页无法识别：页面有内容，但识别出的文字只有0个字")


def test_cli_reads_the_page_limit_setting(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "page.png"
    noise_page().save(path)
    monkeypatch.setenv("BUDGETQA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BUDGETQA_OCR_MAX_PAGES", "0")
    get_settings.cache_clear()
    try:
        assert main(["ingest", "--quiet", str(path)]) == 2
    finally:
        get_settings.cache_clear()
    assert "page.png: 有1页是扫描图片，超过文字识别上限0页（可用 BUDGETQA_OCR_MAX_PAGES 调整）" in capsys.readouterr().err
