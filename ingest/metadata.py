"""Detects department, year, kind and title from the document's own opening text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.model import DocumentKind, RawDocument

OPENING_CHARS = 3000  # cover pages and the first heading sit in the first pages
_LABELLED = re.compile(r"(?:预算主管部门|主管部门|部门名称|单位名称|预算单位|编制部门|编制单位)\s*[:：]\s*(?P<name>[^\s，。:：]{4,40})")
_ORG = re.compile(
    r"^(?P<name>(?:中共)?[\u4e00-\u9fff（）()]{3,40}?"
    r"(?:委员会|局|办事处|办公室|委|院|中心|部|所|馆|站|队|政府|街道|协会|学校|公司))(?:（本级）|\(本级\))?$"
)
_TITLE_ORG = re.compile(r"^(?P<name>[\u4e00-\u9fff（）()]{4,40}?)\s*(?:20\d{2})\s*年度?\s*(?:部门|单位)")
_YEAR = re.compile(r"(?P<year>20\d{2})\s*年度?\s*(?:区级|市级|省级|县级)?\s*(?:部门|单位)?\s*(?:预算|决算)")
_ANY_YEAR = re.compile(r"(20\d{2})\s*年")


@dataclass(frozen=True)
class DetectedMeta:
    """Metadata read from a document; any field may be None when the document does not say."""

    title: str
    department: str | None
    year: int | None
    kind: DocumentKind


def detect_metadata(doc: RawDocument) -> DetectedMeta:
    """Reads who, which year and which kind of disclosure from the opening text."""
    opening = doc.text[:OPENING_CHARS]
    first_lines = [ln.text.strip() for ln in doc.lines[:12]]
    return DetectedMeta(
        title=_title(first_lines),
        department=_department(opening, first_lines),
        year=_year(opening),
        kind=_kind(" ".join(first_lines[:4]) + opening[:600]),
    )


def _title(lines: list[str]) -> str:
    for line in lines:
        if ("预算" in line or "决算" in line) and len(line) <= 60:
            return line
    return lines[0] if lines else ""


def _department(opening: str, lines: list[str]) -> str | None:
    labelled = _LABELLED.search(opening)
    if labelled:
        return labelled["name"]
    for line in lines:
        match = _ORG.match(line.replace(" ", ""))
        if match:
            return match["name"]
    for line in lines:
        match = _TITLE_ORG.match(line.replace(" ", ""))
        if match:
            return match["name"]
    return None


def _year(opening: str) -> int | None:
    match = _YEAR.search(opening)
    if match:
        return int(match["year"])
    years = Counter(_ANY_YEAR.findall(opening))
    return int(years.most_common(1)[0][0]) if years else None


def _kind(opening: str) -> DocumentKind:
    if re.search(r"(?<!预)决算", opening):
        return DocumentKind.FINAL_ACCOUNT
    if "单位预算" in opening:
        return DocumentKind.UNIT_BUDGET
    return DocumentKind.DEPT_BUDGET
