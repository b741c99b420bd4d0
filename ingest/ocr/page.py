"""One page image read into what the PDF loader reads from a text layer: characters and ruled tables.

Each recognised box becomes pdfplumber-style characters in PDF points (the box split evenly along its
text), each carrying the box's confidence, so lines and ruled tables are rebuilt by the same code as
for a text PDF. Font sizes are measured by character pitch and grouped into a few sizes, so a
paragraph's lines keep one size and a title stands apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from pdfplumber.table import Table
from PIL import Image

from ingest.ocr.recognizer import Box, TextBox, TextRecognizer, Wall
from ingest.ocr.rulings import erase_rules, ruled_tables, ruling_edges

A4_LONG_SIDE_PT = 842.0  # an image file has no page size: its long side is taken as an A4 page's
PAPER_LEVEL = 200  # grey levels below this are marks on the paper
MIN_INK_SHARE = 0.002  # a page with less ink than this is blank
MIN_RECOGNISED_CHARS = 4  # a page with ink but fewer recognised characters cannot be read
SIZE_STEP = 0.15  # font sizes within 15 % of each other are one size
MIN_PITCH_EMS = 2  # a box this many characters wide tells its font size by its character pitch
CELL_INSET_PT = 1.5  # a cell's own content starts this far inside its rules
MIN_MARK_PX = 12  # fewer ink pixels than this in a cell is dust
MARK_PAD_PX = 6  # white border given to a lone mark before it is read

_DIGIT_GAP = re.compile(r"(?<=\d[,.，．])\s+(?=\d)|(?<=\d)\s+(?=[,.，．]\d)")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")
_WIDE_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_WIDE_POINT = re.compile(r"(?<=\d)．(?=\d)")
_NARROW_COMMA = re.compile(r",(?!\d{3}(?!\d))")  # a comma that does not group digits is Chinese punctuation


class UnreadableImage(Exception):
    """A page image with marks on it from which no text could be recognised; the message says why, in Chinese."""


@dataclass(frozen=True)
class ImageReading:
    """What a page image holds: characters (pdfplumber-style dicts with a `confidence`) and ruled tables."""

    chars: list[dict]
    tables: list[Table]
    width: float  # the page's width in points


def image_scale(image: Image.Image) -> float:
    """Pixels per point for an image file: its long side is an A4 page's."""
    return max(image.size) / A4_LONG_SIDE_PT


def clean_recognised(text: str) -> str:
    """A box's text as a text layer would hold it: figures whole ("189, 767, 551" → "189,767,551"),
    no spaces between Chinese characters."""
    text = _WIDE_POINT.sub(".", _WIDE_THOUSANDS.sub(",", text.strip()))
    return _NARROW_COMMA.sub("，", _CJK_GAP.sub("", _DIGIT_GAP.sub("", text)))


def _ems(text: str) -> float:
    """How many character widths the text takes: Chinese characters one, Latin letters and figures half."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _size_px(box: TextBox, text: str) -> float:
    """The box's font size in pixels: its character pitch, or its height for a box too short to measure it."""
    ems = _ems(text)
    return (box.x1 - box.x0) / ems if ems >= MIN_PITCH_EMS else box.bottom - box.top


def _font_sizes(boxes: list[TextBox], texts: list[str], scale: float) -> list[float]:
    """Each box's font size in points: sizes within `SIZE_STEP` of the smallest of a group share its median."""
    measured = [_size_px(b, t) for b, t in zip(boxes, texts)]
    groups: list[list[int]] = []
    for i in sorted(range(len(boxes)), key=lambda i: measured[i]):
        if groups and measured[i] <= measured[groups[-1][0]] * (1 + SIZE_STEP):
            groups[-1].append(i)
        else:
            groups.append([i])
    sizes = [0.0] * len(boxes)
    for group in groups:
        median = round(measured[group[len(group) // 2]] / scale, 1)
        for i in group:
            sizes[i] = median
    return sizes


def _chars(box: TextBox, text: str, size: float, scale: float) -> list[dict]:
    step = (box.x1 - box.x0) / len(text) / scale
    left, top, bottom = box.x0 / scale, box.top / scale, box.bottom / scale
    return [
        {"text": ch, "x0": left + i * step, "x1": left + (i + 1) * step, "top": top, "bottom": bottom, "size": size,
         "confidence": box.confidence}
        for i, ch in enumerate(text)
    ]


def _unread_cells(grey: Image.Image, tables: list[Table], found: list[TextBox], scale: float) -> list[Box]:
    """Around the ink of each table cell that holds no recognised text: a lone figure ("0") that the
    text finder, tuned for lines of text, passes over."""
    ink = np.asarray(grey) < PAPER_LEVEL
    marks = []
    for x0, top, x1, bottom in (c for t in tables for c in t.cells):
        left, upper = round((x0 + CELL_INSET_PT) * scale), round((top + CELL_INSET_PT) * scale)
        right, lower = round((x1 - CELL_INSET_PT) * scale), round((bottom - CELL_INSET_PT) * scale)
        if right <= left or lower <= upper:
            continue
        if any(left <= (b.x0 + b.x1) / 2 <= right and upper <= (b.top + b.bottom) / 2 <= lower for b in found):
            continue
        ys, xs = np.nonzero(ink[upper:lower, left:right])
        if len(xs) >= MIN_MARK_PX:
            marks.append((max(left, left + int(xs.min()) - MARK_PAD_PX), max(upper, upper + int(ys.min()) - MARK_PAD_PX),
                          min(right, left + int(xs.max()) + 1 + MARK_PAD_PX), min(lower, upper + int(ys.max()) + 1 + MARK_PAD_PX)))
    return marks


def read_image(image: Image.Image, scale: float, recognizer: TextRecognizer) -> ImageReading:
    """Recognises the page image (`scale` pixels per point); raises `UnreadableImage` for a page with
    marks on it but (almost) no recognisable text. A blank page reads as nothing."""
    grey = image.convert("L")
    tables = ruled_tables(ruling_edges(grey, scale))
    clean = erase_rules(grey, scale, tables)
    walls = [Wall(x * scale, t.bbox[1] * scale, t.bbox[3] * scale) for t in tables for x in {c[0] for c in t.cells}]
    found = recognizer.read(clean, walls)
    found += recognizer.read_boxes(clean, _unread_cells(clean, tables, found, scale))
    boxes = [b for b in found if clean_recognised(b.text)]
    texts = [clean_recognised(b.text) for b in boxes]
    sizes = _font_sizes(boxes, texts, scale)
    chars = [c for b, text, size in zip(boxes, texts, sizes) for c in _chars(b, text, size, scale)]
    ink = float(np.mean(np.asarray(grey) < PAPER_LEVEL))
    if len(chars) < MIN_RECOGNISED_CHARS and ink >= MIN_INK_SHARE:
        raise UnreadableImage(f"页面有内容，但识别出的文字只有{len(chars)}个字（可能过于模糊、倾斜或分辨率太低）")
    return ImageReading(chars, tables, image.width / scale)
