"""The audit of a set of files: parse each (no index needed), audit it, and report as JSON or as a table
a person can read in a terminal."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from ingest.audit.findings import Finding, Severity
from ingest.display_width import display_width
from ingest.errors import IngestError
from ingest.pipeline import ParseOptions, parse_file

MESSAGE_COLUMNS = 72  # terminal columns a message may take before it wraps


class CheckedDocument(BaseModel):
    """One file's findings; `error` says why a file could not be read (and then there are none)."""

    source: str
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = Field(None, exclude_if=lambda v: v is None)


class AuditReport(BaseModel):
    documents: list[CheckedDocument] = Field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.error for d in self.documents)

    @property
    def contradicts(self) -> bool:
        """Some document holds a warning or an error."""
        return any(f.severity is not Severity.INFO for d in self.documents for f in d.findings)


def check_files(files: list[Path], options: ParseOptions | None = None) -> AuditReport:
    """Each file parsed and audited; a file that cannot be read is reported with its reason."""
    report = AuditReport()
    options = options or ParseOptions()
    for path in files:
        try:
            report.documents.append(CheckedDocument(source=path.name, findings=parse_file(path, options).findings))
        except IngestError as error:
            report.documents.append(CheckedDocument(source=path.name, error=error.reason))
    return report


def report_json(report: AuditReport) -> str:
    return report.model_dump_json(indent=2)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for char in text:
        if display_width(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines or [""]


def report_table(report: AuditReport) -> str:
    """Per file: a heading with the counts by severity, then one row per finding (severity, rule, pages,
    message), most severe first."""
    out: list[str] = []
    rule_width = max([len(f.rule.value) for d in report.documents for f in d.findings] + [4])
    for doc in report.documents:
        if doc.error:
            out.append(f"{doc.source}：无法读取（{doc.error}）")
            continue
        counts = Counter(f.severity for f in doc.findings)
        summary = "，".join(f"{s.value} {counts[s]}" for s in reversed(Severity) if counts[s]) or "未发现问题"
        out.append(f"{doc.source}：{summary}")
        if doc.findings:
            out.append("  " + _pad("级别", 9) + _pad("规则", rule_width + 2) + _pad("页码", 10) + "说明")
        for finding in sorted(doc.findings, key=lambda f: -f.severity.rank):
            pages = ",".join(dict.fromkeys(str(c.page) for c in finding.citations if c.page)) or "—"
            lead = "  " + _pad(finding.severity.value, 9) + _pad(finding.rule.value, rule_width + 2) + _pad(pages, 10)
            for i, line in enumerate(_wrap(finding.message, MESSAGE_COLUMNS)):
                out.append((lead if i == 0 else " " * display_width(lead)) + line)
        out.append("")
    return "\n".join(out)
