"""The text around a cited span, so a reader can check the quote in its context."""

from __future__ import annotations

from bisect import bisect_right

from api.errors import ApiError
from api.messages import echo
from api.schemas import SourceSpan
from assistant.chain import Assistant
from index.fact_store import READY

CONTEXT_CHARS = 200  # enough for the sentence before and after a figure
MAX_SPAN_CHARS = 5_000  # a citation is a sentence or a table row, never a whole document


def _page_at(assistant: Assistant, doc_id: str, offset: int) -> int | None:
    starts = assistant.index.facts.page_starts(doc_id)
    if not starts:
        return None
    return max(1, bisect_right(starts, offset))


def source_span(assistant: Assistant, doc_id: str, start: int, end: int) -> SourceSpan:
    """text[start:end] of a ready document with context; 404 unknown document, 400 bad bounds."""
    with assistant.index.reading():  # the record and its text from one state of the index
        return _source_span(assistant, doc_id, start, end)


def _source_span(assistant: Assistant, doc_id: str, start: int, end: int) -> SourceSpan:
    record = assistant.index.facts.document(doc_id)
    if record is None or record.status != READY:
        raise ApiError(404, f"没有编号为 {echo(doc_id)} 的文件")
    text = assistant.texts.text(doc_id)
    if not (0 <= start < end <= len(text)):
        raise ApiError(400, f"范围无效：需满足 0 ≤ start < end ≤ {len(text)}", text_length=len(text))
    if end - start > MAX_SPAN_CHARS:
        raise ApiError(400, f"范围过长：最多 {MAX_SPAN_CHARS} 字", text_length=len(text))
    return SourceSpan(
        doc_id=doc_id, title=record.title, department=record.department, year=record.year, kind=record.kind,
        source=record.source, section=assistant.texts.section_title(doc_id, start), page=_page_at(assistant, doc_id, start),
        start=start, end=end, quote=text[start:end],
        before=text[max(0, start - CONTEXT_CHARS):start], after=text[end:end + CONTEXT_CHARS], text_length=len(text),
    )
