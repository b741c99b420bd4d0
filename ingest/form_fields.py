"""The header fields of 绩效目标表 project forms: 项目性质, 主管部门, 实施单位, 项目总目标, 年度目标 …

A field is a label cell (its spellings in `ingest/data/form_fields.tsv`) and its value: the next filled cell of its
row ("项目性质 | 阶段性项目"), or, in a row of labels ("项目总目标 | … | 年度总体目标"), the cell under it in the next
row. A form names its project in a 项目名称 row (several forms stacked in one table) or in its title
("机房升级项目经费绩效目标表"). The rows are read as the loader found them, so a field above the indicator grid
("绩效目标 | 1、…") is kept too.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from ingest.model import Cell, FormField, RawTable, Table, TableKind
from ingest.performance_forms import project_name
from ingest.performance_headers import opens_form
from ingest.tables import squash

FORM_FIELDS = files("ingest") / "data" / "form_fields.tsv"


@lru_cache(maxsize=1)
def field_labels() -> dict[str, str]:
    """Each label forms print → the name of the field it heads."""
    labels: dict[str, str] = {}
    for line in FORM_FIELDS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, spellings = line.split("\t", 1)
            labels.update((s.strip(), name.strip()) for s in spellings.split("|") if s.strip())
    return labels


def form_fields(raw: RawTable, table: Table) -> list[FormField]:
    """The header fields of every project form in a 绩效目标表 (`raw` as loaded, `table` as typed from it)."""
    if table.kind is not TableKind.PERFORMANCE:
        return []
    labels = field_labels()
    project = project_name(table.title) if table.title else ""
    found: list[FormField] = []
    for r, row in enumerate(raw.rows):
        texts = [squash(c.text) for c in row]
        if (opening := next((col for col, text in enumerate(texts) if opens_form(text)), None)) is not None:
            project = _after(row, opening)
        for col, text in enumerate(texts):
            if text not in labels or not project:
                continue
            value = next((c for c in row[col + 1 :] if c.text.strip()), None)
            if value is None or squash(value.text) in labels:  # a row of labels: the value stands under its label
                below = raw.rows[r + 1] if r + 1 < len(raw.rows) else []
                value = below[col] if col < len(below) and below[col].text.strip() else None
            if value is not None and squash(value.text) not in labels:
                found.append(FormField(table.id, project, labels[text], row[col].start, value.start, value.end))
    return found


def _after(row: list[Cell], col: int) -> str:
    """The first filled cell after `col`: the project a 项目名称 cell names."""
    return next((c.text.strip() for c in row[col + 1 :] if c.text.strip()), "")
