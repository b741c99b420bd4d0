"""Structure-first, jieba-aware chunking.

Text: sentences (split on 。！？；) are packed up to a jieba-token budget inside one top-level
section, with a sentence of overlap; an over-long sentence is cut at commas, never inside a
number. Tables: one chunk per group of rows, written as row sentences with the table's title,
unit and header repeated, so "项目：机房升级项目经费；成本指标：≤50 万元" is retrievable.

Given the embedding model's `TokenWindow`, every chunk also fits the model's input as its own
tokenizer counts it: packing stops before the window is full, and a clause or table row too long
on its own is cut (never inside a number) so that no text goes unembedded.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from ingest.lexicon import tokens
from ingest.model import Chunk, Line, Section, Table
from ingest.numbers import NUMBER
from ingest.punctuation import SENTENCE_END
from ingest.sections import section_at

_CLAUSE_END = re.compile(r"[，、：:]|,(?!\d)")  # an ASCII comma before a digit is a thousands separator


@dataclass(frozen=True)
class TokenWindow:
    """The most tokens the embedding model reads and how its tokenizer counts a text (special tokens included)."""

    limit: int
    count: Callable[[str], int]

    def fits(self, text: str) -> bool:
        return self.count(text) <= self.limit


UNBOUNDED = TokenWindow(sys.maxsize, len)  # no model window: only the jieba budget applies


@dataclass(frozen=True)
class _Piece:
    text: str
    start: int
    end: int


def chunk_id(doc_id: str, kind: str, start: int, text: str) -> str:
    """Stable id: the same document text always yields the same chunk ids."""
    return hashlib.sha1(f"{doc_id}|{kind}|{start}|{text}".encode()).hexdigest()[:20]


def _split(line: Line, pattern: re.Pattern[str]) -> list[_Piece]:
    pieces, pos = [], 0
    for match in pattern.finditer(line.text):
        pieces.append(_Piece(line.text[pos : match.end()], line.start + pos, line.start + match.end()))
        pos = match.end()
    if pos < len(line.text):
        pieces.append(_Piece(line.text[pos:], line.start + pos, line.end))
    return [p for p in pieces if p.text.strip()]


def _cuts(text: str, fits: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of the fewest consecutive parts of `text` that each fit, cut before a number, not in it."""
    parts, start = [], 0
    while start < len(text):
        end = len(text)
        if not fits(text[start:]):
            low, high = start + 1, len(text) - 1  # the longest prefix that fits (at least one character)
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (middle, high) if fits(text[start:middle]) else (low, middle - 1)
            inside = next((m for m in NUMBER.finditer(text, start) if m.start() < low < m.end()), None)
            end = inside.start() if inside and inside.start() > start else low
        parts.append((start, end))
        start = end
    return parts


def _sentences(line: Line, budget: int, fits: Callable[[str], bool]) -> list[_Piece]:
    out: list[_Piece] = []
    for sentence in _split(line, SENTENCE_END):
        if len(tokens(sentence.text)) <= budget and fits(sentence.text):
            out.append(sentence)
            continue
        for clause in _split(Line(sentence.text, sentence.start, sentence.end), _CLAUSE_END):
            # a clause longer than the budget stays whole rather than cut mid-term, unless the model cannot read it whole
            out.extend(_Piece(clause.text[s:e], clause.start + s, clause.start + e) for s, e in _cuts(clause.text, fits))
    return out


def _with_heading(section: Section | None, body: str) -> str:
    """A text chunk's text: the section's heading chain, then the body."""
    heading = " > ".join(section.path) if section else ""
    return f"{heading}\n{body}" if heading else body


def _merge_spans(pieces: list[_Piece]) -> tuple[tuple[int, int], ...]:
    spans: list[list[int]] = []
    for piece in pieces:
        if spans and piece.start - spans[-1][1] <= 1:
            spans[-1][1] = piece.end
        else:
            spans.append([piece.start, piece.end])
    return tuple((s, e) for s, e in spans)


def text_chunks(doc_id: str, lines: list[Line], sections: list[Section], budget: int, overlap: int,
                window: TokenWindow = UNBOUNDED) -> list[Chunk]:
    """Chunks of prose, each inside one section (so never across a top-level section either), each within `window`."""
    groups: dict[int | None, list[tuple[_Piece, Section | None, int | None]]] = {}
    order: list[int | None] = []
    for line in lines:
        section = section_at(sections, line.start)
        if section is not None and section.start == line.start:
            continue  # the heading itself travels in the heading chain
        key = section.id if section else None  # a chunk never spans two sections, so its heading chain is exact
        if key not in groups:
            groups[key] = []
            order.append(key)
        fits = lambda text, section=section: window.fits(_with_heading(section, text))  # noqa: E731
        groups[key].extend((p, section, line.page) for p in _sentences(line, budget, fits))
    chunks: list[Chunk] = []
    for key in order:
        items = groups[key]
        i = 0
        while i < len(items):
            used, j = 0, i
            section = items[i][1]
            while j < len(items) and (j == i or (
                used + len(tokens(items[j][0].text)) <= budget
                and window.fits(_with_heading(section, "".join(p.text for p, _, _ in items[i : j + 1])))
            )):
                used += len(tokens(items[j][0].text))
                j += 1
            batch = items[i:j]
            heading = " > ".join(section.path) if section else ""
            text = _with_heading(section, "".join(p.text for p, _, _ in batch))
            chunks.append(
                Chunk(chunk_id(doc_id, "text", batch[0][0].start, text), doc_id, text, heading, "text",
                      _merge_spans([p for p, _, _ in batch]), section.id if section else None, batch[0][2])
            )
            i = j if j >= len(items) else max(j - overlap, i + 1)
    return chunks


def _row_sentence(table: Table, row_index: int) -> str:
    parts: list[str] = []
    for cell in (c for c in table.cells if c.row == row_index):
        if cell.cell.text:
            parts.append(f"{'/'.join(cell.col_headers)}：{cell.cell.text}" if cell.col_headers else cell.cell.text)
    labels = next((c.row_labels for c in table.cells if c.row == row_index and c.row_labels), ())
    row_label = "；".join(labels)
    return f"项目：{row_label}；" + "；".join(parts) if row_label else "；".join(parts)


def table_chunks(doc_id: str, table: Table, sections: list[Section], budget: int,
                 window: TokenWindow = UNBOUNDED) -> list[Chunk]:
    """Chunks of one table: title, unit and header repeated, then row sentences; each within `window`."""
    section = section_at(sections, table.start)
    heading = " > ".join(section.path) if section else ""
    unit = f"（单位：{table.unit}）" if table.unit else ""
    header = " | ".join("/".join(filter(None, row)) for row in table.header)
    lead = f"《{table.title}》{unit}\n{header}\n" if header else f"《{table.title}》{unit}\n"
    source = f"——来自《{table.title}》" if table.title else ""
    chunks: list[Chunk] = []
    batch: list[tuple[str, int, int]] = []
    used = len(tokens(lead))

    def flush() -> None:
        if not batch:
            return
        text = lead + "\n".join(s for s, _, _ in batch)
        spans = tuple((s, e) for _, s, e in batch)
        chunks.append(Chunk(chunk_id(doc_id, "table", spans[0][0], text), doc_id, text, heading, "table", spans,
                            section.id if section else None, table.page))

    for r, row in enumerate(table.body):
        filled = [c for c in row if c.text]
        if not filled:
            continue
        sentence = _row_sentence(table, r) or "；".join(c.text for c in filled)
        sentence += source
        for start, end in _cuts(sentence, lambda text: window.fits(lead + text)):  # one part unless too long to embed
            part = sentence[start:end]
            cost = len(tokens(part))
            if batch and (used + cost > budget or not window.fits(lead + "\n".join([*(s for s, _, _ in batch), part]))):
                flush()
                batch, used = [], len(tokens(lead))
            batch.append((part, filled[0].start, filled[-1].end))
            used += cost
    flush()
    return chunks
