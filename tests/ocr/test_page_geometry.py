"""The geometry under OCR: rules found in an image frame the same cells pdfplumber finds, and text is tidied."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ingest.ocr.page import clean_recognised
from ingest.ocr.rulings import erase_rules, ruled_tables, ruling_edges

SCALE = 200 / 72  # pixels per point at 200 dpi
COLUMNS, ROWS = (100, 300, 450, 600), (200, 260, 320)  # points


def ruled_page() -> Image.Image:
    """An A4-wide page: a 2-row × 3-column ruled table, and a bold bar above it that is no rule."""
    image = Image.new("L", (round(842 * SCALE), round(595 * SCALE)), 255)
    draw = ImageDraw.Draw(image)
    px = lambda v: round(v * SCALE)  # noqa: E731
    for y in ROWS:
        draw.line([(px(COLUMNS[0]), px(y)), (px(COLUMNS[-1]), px(y))], fill=0, width=3)
    for x in COLUMNS:
        draw.line([(px(x), px(ROWS[0])), (px(x), px(ROWS[-1]))], fill=0, width=3)
    draw.rectangle([px(100), px(120), px(400), px(140)], fill=0)  # 20 pt thick: a picture, not a rule
    draw.line([(px(450), px(130)), (px(560), px(130))], fill=0, width=3)  # a long stroke outside any table
    return image


def test_rules_in_an_image_make_the_cells_of_a_table() -> None:
    (table,) = ruled_tables(ruling_edges(ruled_page(), SCALE))
    assert len(table.rows) == len(ROWS) - 1 and all(len(row.cells) == len(COLUMNS) - 1 for row in table.rows)
    assert table.bbox == pytest.approx((COLUMNS[0], ROWS[0], COLUMNS[-1], ROWS[-1]), abs=1.5)


def test_only_the_tables_rules_are_erased() -> None:
    page = ruled_page()
    erased = np.asarray(erase_rules(page, SCALE, ruled_tables(ruling_edges(page, SCALE))))
    inside = erased[round(ROWS[0] * SCALE) - 3 : round(ROWS[-1] * SCALE) + 3, round(COLUMNS[0] * SCALE) - 3 : round(COLUMNS[-1] * SCALE) + 3]
    assert inside.min() == 255  # the table's rules are gone: figures set against them read cleanly
    assert erased[round(130 * SCALE), round(500 * SCALE)] == 0  # a stroke outside the table stays
    assert erased[round(130 * SCALE), round(200 * SCALE)] == 0


@pytest.mark.parametrize(("read", "text"), [
    ("189, 767, 551", "189,767,551"),
    ("18，976.76万元", "18,976.76万元"),
    ("公务用车购置费15万元,比2024年", "公务用车购置费15万元，比2024年"),
    ("一般公共 预算资金", "一般公共预算资金"),
    ("3.国有资本经营预算", "3.国有资本经营预算"),
    ("0. 00万元", "0.00万元"),
])
def test_recognised_text_is_written_as_a_text_layer_would_hold_it(read: str, text: str) -> None:
    assert clean_recognised(read) == text
