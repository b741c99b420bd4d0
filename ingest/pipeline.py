"""Parses one file into a `ParsedDocument`: text, sections, typed tables, facts, form fields and chunks."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.audit.run import audit_document
from ingest.chunking import UNBOUNDED, TokenWindow, table_chunks, text_chunks
from ingest.errors import IngestError
from ingest.bracket_legend import bracketed_as_legend_says
from ingest.facts import clean_subject, facts_from_line, facts_from_table, line_item, stated_basis_in
from ingest.form_fields import form_fields
from ingest.loaders import load
from ingest.metadata import detect_metadata
from ingest.model import DocumentKind, DocumentMeta, Fact, ParsedDocument, RawTable, Section, TableKind
from ingest.numbers import find_table_unit
from ingest.ocr.options import DEFAULT_MAX_PAGES, OcrOptions, PageProgress
from ingest.performance_forms import named_project
from ingest.scope import office_word_opening, own_name_opening, sentence_scope, table_scope
from ingest.sections import block_project, build_sections, heading_level, section_at
from ingest.tables import type_table


@dataclass(frozen=True)
class MetaOverrides:
    """Metadata given at ingest time, which beats what is detected in the document."""

    department: str | None = None
    year: int | None = None
    kind: DocumentKind | None = None


@dataclass(frozen=True)
class ParseOptions:
    """Limits and chunking budget for parsing; `ocr_max_pages` caps the scanned pages read in one document."""

    max_file_bytes: int = 50 * 1024 * 1024
    chunk_tokens: int = 256
    overlap_sentences: int = 1
    ocr_max_pages: int = DEFAULT_MAX_PAGES
    window: TokenWindow = UNBOUNDED  # the embedding model's input window, which every chunk fits


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_LAST_YEARS = re.compile(r"^(?:上年|去年|上一年)")  # 上年决算, 上年预算数: a measure of the year before
_BASIS_LABEL = re.compile(r"^\s*(?P<label>[^\d，。；：:]{2,16})\s*[：:]\s*$")  # "预算数（全年预算）：" over its items
MAX_CAPTION_GAP = 40  # a heading this close above a table heads it ("（二）某研究院" then "单位：万元")
MAX_UNIT_LINE_CHARS = 24  # "九、预算表（单位：元）" declares a unit; prose that mentions one does not
UNIT_NEAR_CHARS = 60  # a unit line this close above or under a table is the table's own


def _goes_on(form: Table, table: Table, text: str) -> bool:
    """Whether an untitled table right under a 绩效目标表 form (项目名称, 项目资金 …) is its indicator part: under
    a form typed as one, or under a list naming a project (项目名称 | 某项目) when it is an indicator grid."""
    right_under = not table.title and not text[form.end : table.start].strip()
    return right_under and (form.kind is TableKind.PERFORMANCE
                            or table.kind is TableKind.PERFORMANCE and named_project(form) is not None)


def _unit_in_force(declared: list[tuple[int, str]], offset: int) -> str | None:
    """The money unit the document last declared on a line of its own before `offset`."""
    return next((unit for start, unit in reversed(declared) if start < offset), None)


def _table_unit(declared: list[tuple[int, str]], table: RawTable) -> str | None:
    """The money unit a table states on a line right above it, else right under it ("单位：元" printed below the
    table), else the one the document last declared before it."""
    start = table.rows[0][0].start
    above = next((unit for at, unit in reversed(declared) if start - UNIT_NEAR_CHARS <= at < start), None)
    below = next((unit for at, unit in declared if table.end <= at <= table.end + UNIT_NEAR_CHARS), None) \
        if len(table.rows) > 1 else None  # a lone row ("—\t2\t—", a page's number) is no table under its caption
    return above or below or _unit_in_force(declared, start)


_NAME_NOTE = re.compile(r"^[（(][\u4e00-\u9fff]{1,4}[)）]")  # （部门）, （本级） right after a body's name


def _said(fact: Fact, text: str, department: str, year: int | None, section: Section | None) -> Fact:
    """A sentence's figure with the department's name taken off its item (芃塘区信访局政府采购支出总额), of last year
    where its measure says so ("与上年决算1181.96万元相比"), and of the sub-unit or own office its clause opens with."""
    subject = clean_subject(_without_own_name(fact.subject, department)) or fact.subject
    last_year = year is not None and fact.period is None and _LAST_YEARS.match(fact.measure)
    return replace(fact, subject=subject, period=year - 1 if last_year else fact.period,
                   scope=sentence_scope(text, fact.end, department, section.start if section else None))


def _without_own_name(subject: str, department: str) -> str:
    """The subject without the department's name, or its tail from a place on, opening it, and without the short note
    in brackets or the office word after it (万里街道办事处（部门）共有车辆: 共有车辆; 某局本级2024年度机关运行经费支出:
    机关运行经费支出)."""
    own = own_name_opening(subject, department)
    rest = subject[len(own) :] if own is not None and len(subject) > len(own) else None
    if rest is None:
        return subject
    rest = _NAME_NOTE.sub("", rest) or rest
    # 某厅本级2024年度机关运行经费支出: the office word and the year after it say whose and when, not what
    return rest[len(office_word_opening(rest)) :] or rest


def _placed(fact: Fact, section: Section | None, page: int | None) -> Fact:
    """The fact with its section, page and, for prose, the heading it stands under."""
    heading = " > ".join(section.path) if section and fact.origin == "text" else ""
    return replace(fact, section_id=section.id if section else None, page=fact.page or page, heading=heading)


def parse_file(path: Path, options: ParseOptions = ParseOptions(), overrides: MetaOverrides = MetaOverrides(),
               on_page: Callable[[PageProgress], None] | None = None) -> ParsedDocument:
    """Reads, parses, enriches and audits one disclosure file; raises `IngestError` with a one-line reason.
    `on_page` hears of each page of a PDF or image as it is read (scans take seconds a page)."""
    if not path.is_file():
        raise IngestError(path.name, "not a file")
    size = path.stat().st_size
    if size > options.max_file_bytes:
        raise IngestError(path.name, f"file is {size:,} bytes, over the limit of {options.max_file_bytes:,} bytes")
    if size == 0:
        raise IngestError(path.name, "file is empty")
    sha = file_sha256(path)
    raw = load(path, OcrOptions(options.ocr_max_pages, on_page))
    detected = detect_metadata(raw)
    department = overrides.department or detected.department
    if not department:
        raise IngestError(path.name, "department not found in the document; give it with --department")
    meta = DocumentMeta(
        doc_id=sha[:16],
        title=detected.title,
        department=department,
        year=overrides.year or detected.year,
        kind=overrides.kind or detected.kind,
        source=path.name,
        sha256=sha,
        format=raw.format,
    )
    sections = build_sections(raw.lines, len(raw.text))
    tables = []
    fields = []
    declared = [(line.start, unit) for line in raw.lines
                if len(line.text) <= MAX_UNIT_LINE_CHARS and (unit := find_table_unit([line.text]))]
    for i, raw_table in enumerate(raw.tables):
        table = type_table(raw_table, i, _table_unit(declared, raw_table))
        found = section_at(sections, table.start)
        table.section_id = found.id if found else None
        right_above = found and table.start - found.start <= len(found.title) + MAX_CAPTION_GAP
        table.scope = table_scope(table.title, found.title if right_above else None, department)
        if tables and _goes_on(form := tables[-1], table, raw.text):
            table.title, table.kind = form.title, TableKind.PERFORMANCE
            table.project = form.project or named_project(form)
        if table.kind is TableKind.PERFORMANCE and table.project is None and found:
            table.project = block_project(found.path)  # the grid of a "项目二：…" block is that project's
        tables.append(table)
        fields += form_fields(raw_table, table)
    basis = meta.kind.natural_basis
    facts = [f for t in tables for f in facts_from_table(t, basis, meta.year)]
    carried = ""  # the 功能分类 item a line opens with, for the lines after it that name none
    listed = None  # the basis a label line ("决算数：") gives the "item：figure" lines listed under it
    for line in raw.lines:
        section = section_at(sections, line.start)
        if label := _BASIS_LABEL.match(line.text):
            listed = stated_basis_in(label["label"])
        found = facts_from_line(line, line.page, listed or basis, section.title if section else "", carried)
        if heading_level(line.text) is not None:
            carried, listed = "", None
        elif item := line_item(line.text):
            carried = item  # "2023年当年预算执行数为…" on the next line is still about it
        facts += found
    facts = [_said(f, raw.text, department, meta.year, section_at(sections, f.start)) if f.origin == "text" else f
             for f in bracketed_as_legend_says(facts, raw.text)]
    facts = [_placed(f, section_at(sections, f.start), raw.page_at(f.start)) for f in sorted(facts, key=lambda f: f.start)]
    chunks = text_chunks(meta.doc_id, raw.lines, sections, options.chunk_tokens, options.overlap_sentences, options.window)
    chunks += [c for t in tables for c in table_chunks(meta.doc_id, t, sections, options.chunk_tokens, options.window)]
    chunks = list({c.id: c for c in reversed(chunks)}.values())[::-1]  # one chunk of each id: the same text twice adds nothing
    doc = ParsedDocument(meta, raw.text, sections, tables, facts, chunks, raw.page_starts, raw.recognised, raw.notices,
                         form_fields=fields)
    doc.findings = audit_document(doc)
    return doc
