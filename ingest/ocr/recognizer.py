"""The text recogniser: boxes of text with a confidence, read from a page image.

The product uses the PP-OCRv4 Chinese models packaged inside `rapidocr-onnxruntime` (ONNX Runtime on
the CPU), so nothing is downloaded; any other engine can stand in by implementing `TextRecognizer`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

import numpy as np
from PIL import Image

MAX_PIECE_RATIO = 24  # a line longer than this many times its height is read in pieces
PALE_INK = 255  # columns with at most one pixel's worth more ink than the palest are gaps
MIN_SCORE = 0.5  # lines read with less confidence than this are noise, not text
WALL_SLIVER = 4  # pixels: what is left of a line beside a wall, narrower than this, is the wall's own ink


@dataclass(frozen=True)
class TextBox:
    """One run of text found on an image, in image pixels, with the recogniser's confidence (0–1)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


@dataclass(frozen=True)
class Wall:
    """A vertical rule in image pixels that text never runs across (a table's column border)."""

    x: float
    top: float
    bottom: float


Box = tuple[int, int, int, int]  # x0, top, x1, bottom in pixels


class TextRecognizer(Protocol):
    """Anything that finds and reads the text on an image."""

    def read(self, image: Image.Image, walls: Sequence[Wall] = ()) -> list[TextBox]:
        """Every line of text found on the image; no box runs across a wall."""
        ...

    def read_boxes(self, image: Image.Image, boxes: Sequence[Box]) -> list[TextBox]:
        """The text in each given box (one line each), for marks the finder passed over."""
        ...


class PackagedRecognizer:
    """PP-OCRv4 detection and recognition from the models inside the `rapidocr-onnxruntime` wheel.

    A detected line is split at the walls it crosses. The recognition model reads a line scaled to
    48 pixels high; a line across a whole page is thousands of pixels long then and comes out garbled,
    so long lines are cut between characters (at the widest gap near each cut) and read piece by piece.
    """

    def __init__(self) -> None:
        from rapidocr_onnxruntime import RapidOCR

        self._engine = RapidOCR()
        self._lock = threading.Lock()  # one page at a time: the engine already uses every core

    def read(self, image: Image.Image, walls: Sequence[Wall] = ()) -> list[TextBox]:
        pixels = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])  # the models read BGR
        with self._lock:
            found, _ = self._engine.text_det(pixels)
        segments = [box for quad in ([] if found is None else found) for box in _split(_bounds(quad), walls)]
        return self._recognise(pixels, segments)

    def read_boxes(self, image: Image.Image, boxes: Sequence[Box]) -> list[TextBox]:
        return self._recognise(np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1]), list(boxes))

    def _recognise(self, pixels: np.ndarray, segments: list[Box]) -> list[TextBox]:
        pieces = [(n, piece) for n, box in enumerate(segments) for piece in _cut(pixels, box)]
        if not pieces:
            return []
        with self._lock:
            read, _ = self._engine.text_rec([pixels[top:bottom, x0:x1] for _, (x0, top, x1, bottom) in pieces])
        texts: dict[int, list[tuple[str, float]]] = {}
        for (n, _), (text, score) in zip(pieces, read):
            texts.setdefault(n, []).append((text, float(score)))
        boxes = []
        for n, parts in texts.items():
            text, score = "".join(t for t, _ in parts), min(s for _, s in parts)
            if score >= MIN_SCORE and text.strip():
                boxes.append(TextBox(text, *segments[n], score))
        return boxes


def _bounds(quad: np.ndarray) -> Box:
    x0, top = (max(0, int(v)) for v in quad.min(axis=0))
    x1, bottom = (int(np.ceil(v)) for v in quad.max(axis=0))
    return x0, top, x1, bottom


def _split(box: Box, walls: Sequence[Wall]) -> list[Box]:
    """The box cut at every wall that crosses it."""
    x0, top, x1, bottom = box
    middle = (top + bottom) / 2
    cuts = sorted(round(w.x) for w in walls if x0 < w.x < x1 and w.top <= middle <= w.bottom)
    edges = [x0, *cuts, x1]
    return [(a, top, b, bottom) for a, b in pairwise(edges) if b - a > WALL_SLIVER]


def _cut(pixels: np.ndarray, box: Box) -> list[Box]:
    """The box cut into pieces at most `MAX_PIECE_RATIO` times as long as high."""
    x0, top, x1, bottom = box
    height = bottom - top
    if height <= 0 or x1 <= x0:
        return []
    count = int(np.ceil((x1 - x0) / (height * MAX_PIECE_RATIO)))
    ink = (255 - pixels[top:bottom, x0:x1].min(axis=2)).sum(axis=0)  # ink per column
    cuts = [x0]
    for k in range(1, count):
        target = k * (x1 - x0) // count
        low, high = max(1, target - height), min(x1 - x0 - 1, target + height)
        cuts.append(x0 + low + _widest_gap(ink[low:high]))
    cuts.append(x1)
    return [(a, top, b, bottom) for a, b in pairwise(cuts) if b > a]


def _widest_gap(ink: np.ndarray) -> int:
    """The middle of the widest run of the palest columns: between two characters rather than inside one
    (a character such as 加 has a narrower gap between its parts)."""
    pale = ink <= ink.min() + PALE_INK
    best, best_width, start = int(np.argmin(ink)), 0, None
    for i, is_pale in enumerate([*pale, False]):
        if is_pale and start is None:
            start = i
        elif not is_pale and start is not None:
            if i - start > best_width:
                best, best_width = (start + i) // 2, i - start
            start = None
    return best


@lru_cache(maxsize=1)
def packaged_recognizer() -> PackagedRecognizer:
    """The process-wide recogniser, loaded on first use (about a second)."""
    return PackagedRecognizer()
