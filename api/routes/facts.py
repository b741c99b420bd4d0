"""Staff fact look-ups: paged JSON, CSV and Excel export and a side-by-side years view."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import IndexDep, StaffRole
from api.exports import MEDIA_TYPES, ExportFormat, download
from api.facts import FACT_COLUMNS, fact_page, fact_pivot, fact_query, fact_rows
from api.schemas import ErrorBody, FactPage, FactPivot

ERRORS = {code: {"model": ErrorBody} for code in (401, 403, 422)}
MAX_PAGE_SIZE = 500

router = APIRouter(prefix="/api", tags=["facts"], responses=ERRORS)

Department = Annotated[str | None, Query(description="Department name or part of it")]
Year = Annotated[int | None, Query(description="Budget year")]
Subject = Annotated[str | None, Query(description="Part of the subject (预算科目), e.g. 公务接待费")]
Text = Annotated[str | None, Query(alias="q", description="Words in the subject or the surrounding text")]


@router.get("/facts", response_model=FactPage)
def list_facts(
    _: StaffRole,
    index: IndexDep,
    department: Department = None,
    year: Year = None,
    subject: Subject = None,
    text: Text = None,
    page: Annotated[int, Query(ge=1)] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> FactPage:
    """Stated figures matching the filters, in document order, one page at a time."""
    return fact_page(index, fact_query(index, department, year, subject, text), page, page_size)


def _export(index: IndexDep, kind: ExportFormat, department: str | None, year: int | None, subject: str | None,
            text: str | None) -> Response:
    found = index.facts.facts(fact_query(index, department, year, subject, text))
    return download(FACT_COLUMNS, fact_rows(found), "budget-facts", kind, sheet="预算数据")


@router.get("/facts.csv", response_class=Response, responses={200: {"content": {MEDIA_TYPES[ExportFormat.CSV]: {}}}})
def export_facts(_: StaffRole, index: IndexDep, department: Department = None, year: Year = None,
                 subject: Subject = None, text: Text = None) -> Response:
    """The same rows as /api/facts (all pages) as CSV, UTF-8 with BOM for Excel."""
    return _export(index, ExportFormat.CSV, department, year, subject, text)


@router.get("/facts.xlsx", response_class=Response, responses={200: {"content": {MEDIA_TYPES[ExportFormat.XLSX]: {}}}})
def export_facts_xlsx(_: StaffRole, index: IndexDep, department: Department = None, year: Year = None,
                      subject: Subject = None, text: Text = None) -> Response:
    """The same rows and columns as /api/facts.csv as an Excel workbook; figures are numbers."""
    return _export(index, ExportFormat.XLSX, department, year, subject, text)


@router.get("/facts/pivot", response_model=FactPivot)
def pivot_facts(_: StaffRole, index: IndexDep, department: Annotated[str, Query(description="Exact department name")],
                subject: Subject = None, text: Text = None) -> FactPivot:
    """One department's figures side by side, subject × year."""
    return fact_pivot(index, department, subject, text)
