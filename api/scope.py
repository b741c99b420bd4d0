"""Checks department/year filters against the ingested documents, so a typo is an error, not silence."""

from __future__ import annotations

from api.errors import ApiError
from api.messages import echo, has_invalid_chars
from index.corpus_index import CorpusIndex, DocumentFilter


def checked_scope(index: CorpusIndex, department: str | None, year: int | None) -> DocumentFilter:
    """A DocumentFilter that matches at least one ready document; 422 listing the valid values otherwise.

    Department matching is by substring, as in `DocumentFilter` (政法委 finds 中共廊坊市委政法委员会).
    """
    if has_invalid_chars(department):
        raise ApiError(422, "部门中含有无法识别的字符（如不成对的代理字符或空字符），请删除后重试")
    department = (department or "").strip() or None
    where = DocumentFilter(department=department, year=year)
    if department is None and year is None:
        return where
    docs = index.documents()
    if any(where.matches(d) for d in docs):
        return where
    departments = sorted({d.department for d in docs})
    years = sorted({d.year for d in docs if d.year})
    if department and not any(department in d.department for d in docs):
        message = f"未知部门“{echo(department)}”；可选：{'、'.join(departments) or '（尚无文件）'}"
    elif year and not any(d.year == year for d in docs):
        message = f"未知年份 {year}；可选：{'、'.join(map(str, years)) or '（尚无文件）'}"
    else:
        pairs = sorted({f"{d.department} {d.year}" for d in docs if department in d.department})
        message = f"“{echo(department)}”没有 {year} 年的文件；现有：{'、'.join(pairs)}"
    raise ApiError(422, message, departments=departments, years=years)
