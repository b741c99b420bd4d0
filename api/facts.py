"""Staff look-ups over the fact store: paged rows, a CSV and .xlsx export and a subject × year comparison."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from api.errors import ApiError
from api.exports import Cell
from api.messages import has_invalid_chars
from api.schemas import FactPage, FactPivot, FactPublic, PivotCell, PivotRow
from api.scope import checked_scope
from assistant.citations import SourceTexts
from index.corpus_index import CorpusIndex
from index.fact_store import FactQuery, FactRecord

MAX_EXPORT_ROWS = 100_000  # one export; Excel's own limit is about a million rows
FACT_COLUMNS = ["科目", "指标", "数值", "单位", "限定", "折合万元", "部门", "年度", "文件", "文件编号", "起", "止", "页码", "原文"]


def _check_terms(*terms: str | None) -> None:
    if any(has_invalid_chars(t) for t in terms):
        raise ApiError(422, "检索词中含有无法识别的字符（如空字符），请删除后重试")


def fact_query(index: CorpusIndex, department: str | None, year: int | None, subject: str | None, text: str | None) -> FactQuery:
    """The FactQuery for the staff filters (department/year checked against the ingested documents)."""
    _check_terms(subject, text)
    where = checked_scope(index, department, year)
    return FactQuery(
        department=where.department, year=where.year,
        subject=(subject or "").strip() or None, text=(text or "").strip() or None, limit=MAX_EXPORT_ROWS,
    )


def fact_page(index: CorpusIndex, query: FactQuery, page: int, page_size: int) -> FactPage:
    """One page of the matching facts and how many match in all (two indexed queries, no full read)."""
    total = min(index.facts.count_facts(query), query.limit)
    offset = (page - 1) * page_size
    found = index.facts.facts(replace(query, offset=offset, limit=max(0, min(page_size, query.limit - offset))))
    texts = SourceTexts(index.facts)  # the page's table figures are cited with their table, row and header
    items = [FactPublic.of(f, texts.cite_fact(f)) for f in found]
    return FactPage(total=total, page=page, page_size=page_size, items=items)


def fact_rows(found: Iterable[FactRecord]) -> Iterable[list[Cell]]:
    """One export row per fact, in FACT_COLUMNS order."""
    for f in found:
        yield [f.subject, f.measure, f.value, f.unit, f.qualifier, f.amount_wan, f.department, f.year, f.source,
               f.doc_id, f.start, f.end, f.page, f.context.replace("\n", " ")]


def fact_pivot(index: CorpusIndex, department: str, subject: str | None, text: str | None) -> FactPivot:
    """One department's figures, a row per (subject, measure) and a column per year; first figure wins."""
    _check_terms(subject, text)
    names = sorted({d.department for d in index.documents()})
    if department not in names:
        raise ApiError(422, f"请选择一个已有部门；可选：{'、'.join(names) or '（尚无文件）'}", departments=names)
    query = FactQuery(department=department, subject=(subject or "").strip() or None, text=(text or "").strip() or None, limit=MAX_EXPORT_ROWS)
    rows: dict[tuple[str, str], PivotRow] = {}
    years: set[int] = set()
    for f in index.facts.facts(query):
        if f.department != department or f.year is None:  # the store matches by substring; the pivot is exact
            continue
        years.add(f.year)
        row = rows.setdefault((f.subject, f.measure), PivotRow(subject=f.subject, measure=f.measure, cells={}))
        row.cells.setdefault(str(f.year), PivotCell(
            value=f.value, unit=f.unit, qualifier=f.qualifier, amount_wan=f.amount_wan, doc_id=f.doc_id,
            start=f.start, end=f.end, page=f.page,
        ))
    return FactPivot(department=department, years=sorted(years), rows=list(rows.values()))
