"""The parsed document as the audit reads it: paragraphs outside tables, their facts, quotes with pages."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ingest.audit.findings import SourceQuote
from ingest.model import DocumentKind, Fact, FactKind, ParsedDocument, Table, page_at
from ingest.numbers import NUMBER, is_money, to_wan

_PRINTED_DECIMALS = re.compile(r"\.(\d+)")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年")
_BARE_TOTAL = re.compile(r"^[\s，,、；;：:]*(?:合计|总计|共计|小计)[为是]?\s*$")  # "…，合计1170.00万": the whole again


@dataclass(frozen=True)
class Paragraph:
    """One line of prose (not a table row) and the facts stated in it, in order."""

    start: int
    end: int
    text: str
    facts: tuple[Fact, ...]


class AuditSource:
    """Read-only views of one parsed document for the rules."""

    def __init__(self, doc: ParsedDocument):
        self.doc = doc
        self.text = doc.text

    @property
    def year(self) -> int | None:
        return self.doc.meta.year

    @property
    def is_final_account(self) -> bool:
        return self.doc.meta.kind is DocumentKind.FINAL_ACCOUNT

    def page_at(self, offset: int) -> int | None:
        return page_at(self.doc.page_starts, offset)

    def quote(self, start: int, end: int) -> SourceQuote:
        """The exact text at `start`–`end`, trimmed of surrounding blanks, with its page."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return SourceQuote(quote=self.text[start:end], start=start, end=end, page=self.page_at(start))

    def fact_quote(self, fact: Fact) -> SourceQuote:
        return self.quote(fact.start, fact.end)

    @cached_property
    def tables(self) -> list[Table]:
        return list(self.doc.tables)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Lines of prose in reading order, with the prose facts that start in them."""
        spans = sorted((t.start, t.end) for t in self.doc.tables)
        by_line: dict[int, list[Fact]] = defaultdict(list)
        lines: list[tuple[int, int]] = []
        offset = 0
        for raw in self.text.split("\n"):
            start, end = offset, offset + len(raw)
            offset = end + 1
            if raw.strip() and not any(s <= start < e for s, e in spans):
                lines.append((start, end))
        starts = [s for s, _ in lines]
        for fact in self.doc.facts:
            if fact.origin == "text":
                at = bisect.bisect_right(starts, fact.start) - 1
                if at >= 0 and fact.start < lines[at][1]:
                    by_line[at].append(fact)
        return [Paragraph(s, e, self.text[s:e], tuple(by_line[i])) for i, (s, e) in enumerate(lines)]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        at = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return self.paragraphs[at] if at >= 0 and offset < self.paragraphs[at].end else None

    def figure_span(self, fact: Fact) -> tuple[int, int]:
        """Where the figure itself stands inside a fact's span (the last number in it)."""
        found = list(NUMBER.finditer(self.text, fact.start, fact.end))
        return (found[-1].start(), found[-1].end()) if found else (fact.start, fact.end)

    def cell_start(self, fact: Fact) -> int:
        """Where a table fact's own cell starts (its span runs from the row's first cell)."""
        return max(self.text.rfind("\t", fact.start, fact.end), self.text.rfind("\n", fact.start, fact.end), fact.start - 1) + 1

    def clause(self, fact: Fact) -> str:
        """The words of a fact's own clause, before its figure."""
        return self.text[fact.start : self.figure_span(fact)[0]]

    def stated_year(self, fact: Fact) -> int | None:
        """The year a fact's clause names ("2025年度预算3.84万元" → 2025), or None."""
        found = _YEAR.search(self.clause(fact))
        return int(found["year"]) if found else None

    def restates_total(self, fact: Fact) -> bool:
        """A figure whose clause is only 合计/总计: the whole stated again, its subject merely carried over."""
        return bool(_BARE_TOTAL.match(self.clause(fact)))

    def noted_apart(self, fact: Fact) -> bool:
        """A figure its note says is counted apart from some money ("1259.43万元（不含上年结转）"): no table's
        figure of the item, which counts all of it, is the same figure."""
        return bool(_NOTED_APART.match(self.text, fact.end))

    def of_other_year(self, fact: Fact) -> bool:
        """A figure its clause states for another year than the document's (上年预算, 上年执行数)."""
        year = self.stated_year(fact) or fact.period  # "2024年预算…", or "与上年决算1181.96万元相比"
        return year is not None and self.year is not None and year != self.year

    def printed_step(self, fact: Fact) -> Decimal:
        """One unit of the last digit the figure is printed with, in 万元 for money ("17,192" → 1; "0.3" → 0.1)."""
        start, end = self.figure_span(fact)
        decimals = _PRINTED_DECIMALS.search(self.text, start, end)
        step = Decimal(1).scaleb(-len(decimals.group(1))) if decimals else Decimal(1)
        return to_wan(step, fact.unit) if is_money(fact.unit) else step


_NOTED_APART = re.compile(r"\s*[（(](?:不含|不包括|未含|扣除|剔除)[^（）()]{0,16}[)）]")


def is_level(fact: Fact) -> bool:
    """A money amount (a level, not a change, rate or count)."""
    return fact.kind is FactKind.AMOUNT and is_money(fact.unit) and fact.amount_wan is not None
