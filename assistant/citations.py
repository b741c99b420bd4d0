"""Builds citations from stored document text and checks them: the quote must be the text at its offsets."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.answer import Citation
from index.fact_store import DocumentRecord, FactStore
from ingest.model import Direction

TEXT_CACHE_SIZE = 64  # documents whose text is kept in memory between questions
STEADY_WINDOW_CHARS = 200  # how far after an item a "持平" statement about it may stand
REASON_WINDOW_CHARS = 600  # a reason is given in the same passage, a few sentences on
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_REASON_STATED = re.compile(r"原因")
DIRECTION_WORDS = {Direction.UP: ("增加", "增长", "多了", "上升"), Direction.DOWN: ("减少", "下降", "少了", "降低")}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_STEADY = re.compile(r"[^。；;\n]*(?:持平|无增减|没有变化|未发生变化)[^。；;\n]*[。；;]?")


class SourceTexts:
    """Document texts, records and section titles, cached, for building and checking citations."""

    def __init__(self, store: FactStore):
        self.store = store
        self._texts: dict[str, str] = {}
        self._sections: dict[str, list[dict]] = {}
        self._records: dict[str, DocumentRecord] = {}

    def text(self, doc_id: str) -> str:
        if doc_id not in self._texts:
            if len(self._texts) >= TEXT_CACHE_SIZE:
                self._texts.pop(next(iter(self._texts)))
            self._texts[doc_id] = self.store.text(doc_id) or ""
        return self._texts[doc_id]

    def record(self, doc_id: str) -> DocumentRecord:
        if doc_id not in self._records:
            record = self.store.document(doc_id)
            if record is None:
                raise KeyError(doc_id)
            self._records[doc_id] = record
        return self._records[doc_id]

    def section_title(self, doc_id: str, offset: int) -> str | None:
        """Heading chain of the deepest section holding `offset`."""
        if doc_id not in self._sections:
            self._sections[doc_id] = self.store.sections(doc_id)
        best = None
        for s in self._sections[doc_id]:
            if s["start"] <= offset < s["end"] and (best is None or s["level"] > best["level"]):
                best = s
        return " > ".join(best["path"]) if best else None

    def cite(self, doc_id: str, start: int, end: int, page: int | None = None) -> Citation:
        """A citation whose quote is exactly text[start:end]."""
        record = self.record(doc_id)
        text = self.text(doc_id)
        return Citation(
            doc_id=doc_id, source=record.source, department=record.department, year=record.year,
            section=self.section_title(doc_id, start), page=page, start=start, end=end, quote=text[start:end],
        )

    def steady_after(self, doc_id: str, offset: int) -> tuple[int, int] | None:
        """Span of a "与上年持平 / 无增减变化" statement in the same paragraph shortly after `offset`."""
        text = self.text(doc_id)
        paragraph_end = text.find("\n", offset)
        end = min(len(text) if paragraph_end < 0 else paragraph_end, offset + STEADY_WINDOW_CHARS)
        match = _STEADY.search(text, offset, end)
        return (match.start(), match.end()) if match else None

    def reason_after(self, doc_id: str, start: int, end: int, direction: Direction | None = None) -> tuple[int, int] | None:
        """Span of the nearest sentence from `start` on that states a reason ("主要原因是…"), preferring
        one about the given direction of change."""
        text = self.text(doc_id)
        candidates = [m for m in _SENTENCE.finditer(text, start, min(len(text), end + REASON_WINDOW_CHARS))
                      if _REASON_STATED.search(m.group())]
        if direction:
            candidates.sort(key=lambda m: not any(w in m.group() for w in DIRECTION_WORDS[direction]))
        if not candidates:
            return None
        found = candidates[0]
        lead = len(found.group()) - len(found.group().lstrip())
        return found.start() + lead, found.start() + len(found.group().rstrip())

    def forget(self) -> None:
        """Drops cached texts (after documents were added or removed)."""
        self._texts.clear()
        self._sections.clear()
        self._records.clear()


def quote_states(citation: Citation, value: Decimal) -> bool:
    """True when the quote prints the figure (thousands separators ignored): '1,307.00' states 1307."""
    numbers = _NUMBER.findall(citation.quote.replace(",", ""))
    return any(Decimal(n) == abs(value) for n in numbers)


def citation_is_exact(citation: Citation, texts: SourceTexts) -> bool:
    """True when the quote is exactly the document text at the cited offsets."""
    return texts.text(citation.doc_id)[citation.start : citation.end] == citation.quote
