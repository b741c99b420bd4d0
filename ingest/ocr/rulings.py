"""Ruling lines of a page image: the long, thin, dark strokes that frame a table's cells.

They are returned as pdfplumber-style edges in PDF points, so a scanned table goes through the same
cell finder as a table drawn in a PDF.
"""

from __future__ import annotations

import numpy as np
from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from PIL import Image

INK_LEVEL = 160  # grey levels below this are ink
RULE_MIN_PT = 24.0  # a rule is at least this long: longer than any stroke of a character, even in a title
RULE_MAX_PT = 3.0  # and at most this thick: thicker dark runs are pictures or seals
RULE_TOLERANCE = 3.0  # points: rules found in an image meet and line up within this


def _runs(mask: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """(row, first, last + 1) of every run of True at least `min_length` long, row by row."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    rows, cols = np.nonzero(np.diff(padded, axis=1))
    out = []
    for i in range(0, len(rows), 2):  # changes come in pairs: into ink, out of it
        if cols[i + 1] - cols[i] >= min_length:
            out.append((int(rows[i]), int(cols[i]), int(cols[i + 1])))
    return out


def _strokes(mask: np.ndarray, min_length: int, max_thickness: int) -> list[tuple[float, int, int]]:
    """(centre row, first, last + 1) of each long stroke: runs on touching rows that overlap are one stroke."""
    open_strokes: list[list[int]] = []  # [first row, last row, start, end]
    done: list[list[int]] = []
    for row, start, end in _runs(mask, min_length):
        match = next((s for s in open_strokes if s[1] == row - 1 and s[2] < end and start < s[3]), None)
        if match:
            match[1], match[2], match[3] = row, min(match[2], start), max(match[3], end)
            continue
        done.extend(s for s in open_strokes if s[1] < row - 1)
        open_strokes = [s for s in open_strokes if s[1] >= row - 1]
        open_strokes.append([row, row, start, end])
    done.extend(open_strokes)
    return [((s[0] + s[1]) / 2, s[2], s[3]) for s in done if s[1] - s[0] + 1 <= max_thickness]


def ruling_edges(image: Image.Image, scale: float) -> list[dict]:
    """Horizontal and vertical rules of the image as edges in points (`scale` pixels per point)."""
    ink = np.asarray(image.convert("L")) < INK_LEVEL
    min_length, max_thickness = round(RULE_MIN_PT * scale), max(1, round(RULE_MAX_PT * scale))
    edges = []
    for y, x0, x1 in _strokes(ink, min_length, max_thickness):
        top = y / scale
        edges.append({"x0": x0 / scale, "x1": x1 / scale, "top": top, "bottom": top, "width": (x1 - x0) / scale,
                      "height": 0.0, "orientation": "h"})
    for x, y0, y1 in _strokes(ink.T, min_length, max_thickness):
        left = x / scale
        edges.append({"x0": left, "x1": left, "top": y0 / scale, "bottom": y1 / scale, "width": 0.0,
                      "height": (y1 - y0) / scale, "orientation": "v"})
    return edges


def ruled_tables(edges: list[dict]) -> list[Table]:
    """The tables the rules frame, by pdfplumber's own cell finder (a table's `page` is None: it has no text layer)."""
    merged = merge_edges(edges, RULE_TOLERANCE, RULE_TOLERANCE, RULE_TOLERANCE, RULE_TOLERANCE)
    cells = intersections_to_cells(edges_to_intersections(merged, RULE_TOLERANCE, RULE_TOLERANCE))
    return [Table(None, group) for group in cells_to_tables(cells)]


def erase_rules(image: Image.Image, scale: float, tables: list[Table]) -> Image.Image:
    """The greyscale image with the tables' rules painted white: figures set against a cell's border read
    cleanly. Long strokes outside tables (a large title's) are kept."""
    grey = np.array(image.convert("L"))
    ink = grey < INK_LEVEL
    min_length, margin = round(RULE_MIN_PT * scale), RULE_TOLERANCE * scale
    boxes = [[v * scale for v in t.bbox] for t in tables]

    def in_table(x0: float, top: float, x1: float, bottom: float) -> bool:
        return any(b[0] - margin <= x0 and x1 <= b[2] + margin and b[1] - margin <= top and bottom <= b[3] + margin
                   for b in boxes)

    for row, start, end in _runs(ink, min_length):
        if in_table(start, row, end, row):
            grey[row, start:end] = 255
    for column, start, end in _runs(ink.T, min_length):
        if in_table(column, start, column, end):
            grey[start:end, column] = 255
    return Image.fromarray(grey)
