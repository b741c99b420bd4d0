"""An image-only PDF made from the sample reads into the same typed tables and facts as its text layer."""

from __future__ import annotations

from decimal import Decimal

import pytest
from scan_support import SCANNED_PAGES, money_facts

from ingest.errors import IngestError
from ingest.model import ParsedDocument, TableKind
from ingest.ocr.options import PageProgress
from ingest.pipeline import ParseOptions, parse_file
from ingest.tables import squash, strip_list_mark

MIN_RECOVERED = 0.95


def table_of(doc: ParsedDocument, kind: TableKind):
    return next(t for t in doc.tables if t.kind is kind)


def test_scanned_pages_give_the_money_facts_of_the_text_layer(sample_doc, scanned_doc) -> None:
    expected = money_facts(sample_doc, SCANNED_PAGES)
    found = money_facts(scanned_doc, list(range(1, len(SCANNED_PAGES) + 1)))
    recovered = sum((expected & found).values()) / sum(expected.values())
    assert sum(expected.values()) >= 50  # the pages state plenty of figures: the share means something
    assert recovered >= MIN_RECOVERED, sorted(expected - found)


def label(text: str) -> str:
    """A label without its list mark and spacing, which a scan prints as it likes ("1．" or "1. ")."""
    return strip_list_mark(squash(text))


def typed_cells(table) -> list[tuple]:
    return [(tuple(map(label, c.row_labels)), tuple(map(label, c.col_headers)), c.quantity) for c in table.cells]


def test_scanned_tables_are_typed_like_the_text_tables(sample_doc, scanned_doc) -> None:
    for kind in (TableKind.THREE_PUBLIC, TableKind.INCOME_EXPENSE_TOTAL):
        text, scan = table_of(sample_doc, kind), table_of(scanned_doc, kind)
        assert scan.title == text.title and scan.unit == text.unit
        assert [[label(c.text) for c in row] for row in scan.body] == [[label(c.text) for c in row] for row in text.body]
        assert typed_cells(scan) == typed_cells(text)


def test_scanned_document_is_detected_and_its_text_is_marked_as_recognised(scanned_read) -> None:
    doc, progress = scanned_read
    assert (doc.meta.department, doc.meta.year) == ("上海市普陀区人民政府万里街道办事处", 2025)
    assert progress == [PageProgress(n, len(SCANNED_PAGES), recognised=True) for n in range(1, len(SCANNED_PAGES) + 1)]
    assert not doc.notices
    covered = sum(r.end - r.start for r in doc.recognised)
    assert covered >= 0.9 * len("".join(doc.text.split()))  # all but separators and line breaks
    assert all(0 < r.confidence <= 1 and r.page in range(1, 6) for r in doc.recognised)
    three_public = table_of(doc, TableKind.THREE_PUBLIC)
    total = next(c for c in three_public.cells if c.quantity and c.quantity.value == Decimal("37.91"))
    span = next(r for r in doc.recognised if r.start == total.cell.start)  # one span per cell: its own confidence
    assert span.end == total.cell.end and span.page == 4
    assert doc.text[total.cell.start : total.cell.end] == "37.91"


def test_a_scan_over_the_page_limit_is_refused_before_any_page_is_read(scanned_pdf) -> None:
    progress: list[PageProgress] = []
    with pytest.raises(IngestError, match="5页是扫描图片，超过文字识别上限2页") as error:
        parse_file(scanned_pdf, ParseOptions(ocr_max_pages=2), on_page=progress.append)
    assert "BUDGETQA_OCR_MAX_PAGES" in error.value.reason and progress == []
