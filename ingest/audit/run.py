"""Runs every rule on one parsed document."""

from __future__ import annotations

from ingest.audit import arithmetic, same_figure, sums, wording
from ingest.audit.findings import Finding, Severity
from ingest.audit.source import AuditSource
from ingest.audit.statements import Statements
from ingest.model import ParsedDocument, RecognisedSpan


def audit_document(doc: ParsedDocument) -> list[Finding]:
    """Every finding of every rule, in document order of their first quote, each reported once; one that quotes
    text read from a page image is `info` (the recogniser may have misread a digit)."""
    source = AuditSource(doc)
    statements = Statements(source)
    findings = [
        *sums.text_sums(source, statements),
        *sums.text_balance(source, statements),
        *sums.table_column_sums(source, statements),
        *sums.table_row_sums(source, statements),
        *sums.two_sided_sums(source, statements),
        *sums.table_balance(source, statements),
        *sums.parts_in_text(source),
        *sums.parts_in_tables(source, statements),
        *same_figure.text_against_tables(source, statements),
        *same_figure.tables_against_tables(source, statements),
        *same_figure.classification_text_against_tables(source, statements),
        *same_figure.classification_tables_against_tables(source, statements),
        *same_figure.two_amounts_in_a_paragraph(source),
        *same_figure.cost_caps(source),
        *arithmetic.stated_arithmetic(source),
        *wording.wrong_years(source),
        *wording.zero_that_changed(source),
        *wording.doubled_words(source),
        *wording.empty_tables(source, statements),
        *wording.reasons_against_direction(source),
        *wording.vehicles_without_cars(source, statements),
        *wording.codes_out_of_place(source, statements),
        *wording.project_periods(source),
        *wording.indicators_in_money(source),
        *wording.body_names_short_of_a_place(source),
    ]
    return [_as_read(f, doc.recognised) for f in _once(sorted(findings, key=lambda f: (f.citations[0].start, f.rule)), source)]


def _as_read(finding: Finding, recognised: list[RecognisedSpan]) -> Finding:
    read = any(r.start < c.end and c.start < r.end for c in finding.citations for r in recognised)
    if not read or finding.severity is Severity.INFO:
        return finding
    note = "（所引文字识别自扫描图片，请以原件核对。）"
    return finding.model_copy(update={"severity": Severity.INFO, "message": finding.message + note})


def _once(findings: list[Finding], source: AuditSource) -> list[Finding]:
    """One finding per rule, figures and other sides within a paragraph (a sentence that repeats its figure
    is not a second contradiction)."""
    seen: set[tuple] = set()
    out = []
    for finding in findings:
        first = source.paragraph_at(finding.citations[0].start)
        key = (
            finding.rule,
            tuple(finding.figures),
            tuple((c.start, c.end) for c in finding.citations[1:]),
            first.start if first else finding.citations[0].start,
        )
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
