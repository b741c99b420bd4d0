"""Tells the citizen when the figure an answer cites is one the source audit found the document contradicting:
each warning or error finding whose quote holds a cited figure joins the answer's `conflicts`, with the
rule's message and the other side's quote."""

from __future__ import annotations

from assistant.answer import Answer, Citation, CitedValue
from assistant.citations import SourceTexts
from index.fact_store import FactStore
from ingest.audit.findings import Finding, Severity
from ingest.numbers import NUMBER

FLAGGED_KINDS = ("number", "text")


def figure_span(citation: Citation) -> tuple[int, int] | None:
    """Where the figure a citation states stands in the document: its quote's last number."""
    found = list(NUMBER.finditer(citation.quote))
    return (citation.start + found[-1].start(), citation.start + found[-1].end()) if found else None


class AuditConflicts:
    """The findings of the documents answers cite, read once per document (forgotten when the index changes)."""

    def __init__(self, store: FactStore, texts: SourceTexts):
        self.store = store
        self.texts = texts
        self._findings: dict[str, list[Finding]] = {}

    def forget(self) -> None:
        self._findings = {}

    def findings(self, doc_id: str) -> list[Finding]:
        cache = self._findings  # read once: `forget` may swap it while a question runs
        found = cache.get(doc_id)
        if found is None:
            found = cache[doc_id] = [f for f in self.store.findings(doc_id) if f.severity is not Severity.INFO]
        return found

    def flag(self, answer: Answer) -> Answer:
        """The answer with a conflict for each warning or error finding that quotes one of its figures."""
        if answer.kind not in FLAGGED_KINDS or answer.route != "fact":  # a fact's citation ends with its figure
            return answer
        flagged: list[CitedValue] = []
        messages = {c.text for c in answer.conflicts}
        for citation in answer.citations:
            span = figure_span(citation)
            if span is None:
                continue
            for finding in self.findings(citation.doc_id):
                if finding.message in messages or not finding.covers(*span):
                    continue
                conflict = self._conflict(citation, finding, span)
                if not any(_same_place(conflict.citation, c.citation) for c in answer.conflicts):  # listed already
                    messages.add(finding.message)
                    flagged.append(conflict)
        return answer.model_copy(update={"conflicts": [*answer.conflicts, *flagged]}) if flagged else answer

    def _conflict(self, cited: Citation, finding: Finding, span: tuple[int, int]) -> CitedValue:
        other = next((q for q in finding.citations if not (q.start <= span[0] and span[1] <= q.end)), finding.citations[0])
        citation = self.texts.cite(cited.doc_id, other.start, other.end, other.page)
        return CitedValue(department=cited.department, year=cited.year, text=finding.message, citation=citation)


def _same_place(one: Citation, other: Citation | None) -> bool:
    """Two citations of overlapping text in one document."""
    return other is not None and one.doc_id == other.doc_id and one.start < other.end and other.start < one.end
