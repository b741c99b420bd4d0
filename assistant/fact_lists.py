"""The parts of a whole as a table lays them out: the columns under a header, or the rows under a label."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.fact_matching import basis_fit, normalise
from index.fact_store import FactRecord
from ingest.model import FactKind
from ingest.tables import is_total_label

MIN_LIST_PARTS = 2  # one "part" is the whole itself


@dataclass(frozen=True)
class ListPart:
    label: str
    fact: FactRecord


def _names(path: tuple[str, ...], wholes: list[str]) -> bool:
    return any(w and w in normalise(step) for step in path for w in wholes)


def _column_parts(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """Columns whose header chain names the whole above them, one figure each (the first, i.e. the top row)."""
    parts: dict[str, ListPart] = {}
    for fact in facts:
        path = fact.col_path
        if len(path) >= 2 and _names(path[:-1], wholes) and not is_total_label(path[-1]) and not _names(path[-1:], wholes):
            parts.setdefault(path[-1], ListPart(path[-1], fact))
    return list(parts.values())


def _row_parts(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """Rows whose label chain names the whole above them, in the first money column."""
    parts: dict[str, ListPart] = {}
    for fact in facts:
        path = fact.row_path
        if len(path) >= 2 and _names(path[:-1], wholes) and not is_total_label(path[-1]):
            parts.setdefault(path[-1], ListPart(path[-1], fact))
    return list(parts.values())


def list_parts(facts: list[FactRecord], wholes: list[str], basis=None) -> list[ListPart]:
    """Parts of the whole named by `wholes` in one document's table facts, of the asked basis."""
    wanted = [normalise(w) for w in wholes if w]
    pool = [f for f in facts if f.origin == "table" and f.kind is not FactKind.CHANGE and basis_fit(f, basis) is not None]
    for finder in (_column_parts, _row_parts):
        parts = finder(pool, wanted)
        if len(parts) >= MIN_LIST_PARTS:
            return parts
    return []
