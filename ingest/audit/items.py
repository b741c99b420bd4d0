"""The audit's vocabulary (ingest/data/audit_vocabulary.txt): which budget item a subject, label or header
names and in which scope (一般公共预算, 财政拨款 …), how tables state them, and which items sum to which."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files

from ingest.audit.findings import RuleId
from ingest.model import TableKind
from ingest.subjects import normalise
from ingest.vocabulary import read_sections

VOCABULARY = files("ingest") / "data" / "audit_vocabulary.txt"
_YEAR = re.compile(r"^\d{4}年度?")


class Scope(StrEnum):
    """Which money a figure counts: all of it, or one kind of 财政拨款."""

    ALL = "全部"
    FISCAL = "财政拨款"
    GENERAL = "一般公共预算"
    FUND = "政府性基金"
    CAPITAL = "国有资本经营"


@dataclass(frozen=True)
class ItemRef:
    """An item, in a scope when a word names one."""

    item: str
    scope: Scope | None = None


@dataclass(frozen=True)
class TableRole:
    """What a standard table's figures count and what its 合计 stands for."""

    scope: Scope
    whole: str


@dataclass(frozen=True)
class Decomposition:
    """A whole and the parts it is the sum of, checked by `rule`."""

    rule: RuleId
    whole: ItemRef
    parts: tuple[ItemRef, ...]


@dataclass(frozen=True)
class AuditVocabulary:
    names: dict[str, str]  # name → item
    part_names: dict[tuple[str, str], str]  # (whole, name) → item
    measure_words: tuple[str, ...]
    generic_headers: frozenset[str]
    scope_words: tuple[tuple[str, Scope], ...]  # longest first
    tables: dict[TableKind, TableRole]
    sums: tuple[Decomposition, ...]
    complete_parts: tuple[tuple[str, ...], ...]
    money_indicators: frozenset[str]


def _ref(text: str) -> ItemRef:
    item, _, scope = text.partition("@")
    return ItemRef(item, Scope(scope) if scope else None)


@lru_cache(maxsize=1)
def vocabulary() -> AuditVocabulary:
    """The shipped vocabulary (read once per process)."""
    sections = read_sections(VOCABULARY.read_text(encoding="utf-8"))
    scope_words = [(word, Scope(row[0])) for row in sections["scopes"] for word in row[1:]]
    return AuditVocabulary(
        names={name: row[0] for row in sections["items"] for name in row[1:]},
        part_names={(row[1], name): row[0] for row in sections["part_names"] for name in row[2:]},
        measure_words=tuple(sorted((w for row in sections["measure_words"] for w in row), key=len, reverse=True)),
        generic_headers=frozenset(w for row in sections["generic_headers"] for w in row),
        scope_words=tuple(sorted(scope_words, key=lambda pair: -len(pair[0]))),
        tables={TableKind(row[0]): TableRole(Scope(row[1]), row[2]) for row in sections["tables"]},
        sums=tuple(Decomposition(RuleId(row[0]), _ref(row[1]), tuple(_ref(p) for p in row[2:])) for row in sections["sums"]),
        complete_parts=tuple(tuple(row) for row in sections["complete_parts"]),
        money_indicators=frozenset(w for row in sections["money_indicators"] for w in row),
    )


def scope_in(text: str) -> Scope | None:
    """The scope the longest scope word in `text` names, or None."""
    plain = normalise(text)
    return next((scope for word, scope in vocabulary().scope_words if word in plain), None)


@lru_cache(maxsize=20_000)
def read_name(text: str, whole: str | None = None) -> ItemRef | None:
    """The item `text` names, with the scope it states: "一般公共预算拨款支出预算" → 支出 in 一般公共预算,
    "三公经费财政拨款支出" → 三公经费 in 财政拨款. Under `whole`, the short names of its parts count too
    ("购置费" under 公务用车购置及运行费)."""
    vocab = vocabulary()
    plain = _YEAR.sub("", normalise(text)).rpartition("的")[2]
    scope = None
    for word, named in vocab.scope_words:
        if word in plain:
            scope, plain = named, plain.replace(word, "", 1)
            break
    while plain:
        item = vocab.names.get(plain) or (vocab.part_names.get((whole, plain)) if whole else None)
        if item:
            return ItemRef(item, scope)
        suffix = next((w for w in vocab.measure_words if plain.endswith(w) and len(plain) > len(w)), None)
        if suffix is None:
            return None
        plain = plain[: -len(suffix)]
    return None


def scope_words(scope: Scope) -> tuple[str, ...]:
    return tuple(word for word, named in vocabulary().scope_words if named is scope)


def table_role(kind: TableKind) -> TableRole | None:
    return vocabulary().tables.get(kind)


def is_generic_header(header: str) -> bool:
    return normalise(header) in vocabulary().generic_headers
