"""Types figures and tables from the words around them: table kind by title, basis (口径) by header or clause.

The vocabulary lives in `ingest/data/table_kinds.tsv` and `ingest/data/basis_words.tsv`.
"""

from __future__ import annotations

import re

from functools import lru_cache
from importlib.resources import files

from ingest.model import Basis, FactKind, TableKind
from ingest.numbers import is_money

DATA = files("ingest") / "data"


def _rows(name: str) -> list[tuple[str, tuple[str, ...]]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, words = line.split("\t", 1)
            rows.append((key.strip(), tuple(w.strip() for w in words.split("|") if w.strip())))
    return rows


@lru_cache(maxsize=1)
def table_kind_words() -> tuple[tuple[TableKind, tuple[str, ...]], ...]:
    return tuple((TableKind(kind), words) for kind, words in _rows("table_kinds.tsv"))


@lru_cache(maxsize=1)
def basis_words() -> tuple[tuple[Basis, tuple[str, ...]], ...]:
    return tuple((Basis(basis), words) for basis, words in _rows("basis_words.tsv"))


def _plain(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace('"', "")


def table_kind(title: str) -> TableKind:
    """The standard table a title names: "2025年部门“三公”经费和机关运行经费预算表" → THREE_PUBLIC."""
    plain = _plain(title)
    return next((kind for kind, words in table_kind_words() if any(w in plain for w in words)), TableKind.OTHER)


COMPLETION_MEASURE = "完成率"  # "完成年初预算的96.91%", a 决算 table's "决算数为调整预算数的%", a form's 执行率
_EXECUTION_RATE = re.compile(r"(?:执行|完成)率$")


def completion_header(header: str) -> bool:
    """Whether a label heads a rate of execution (执行率, 预算执行率, 完成率)."""
    return bool(_EXECUTION_RATE.search(header.strip()))


def stated_basis(text: str) -> Basis | None:
    """The basis some words state ("2024年预算执行数" → EXECUTION, "决算数" → FINAL), or None."""
    return next((basis for basis, words in basis_words() if any(w in text for w in words)), None)


def fact_kind(unit: str | None, qualifier: str | None, is_change: bool) -> FactKind:
    """Change, rate, limit, count or amount, from how the figure is printed."""
    if is_change:
        return FactKind.CHANGE
    if unit == "%":
        return FactKind.RATE
    if qualifier in ("≤", "≥", "<", ">"):
        return FactKind.LIMIT
    if unit is not None and not is_money(unit):
        return FactKind.COUNT
    return FactKind.AMOUNT
