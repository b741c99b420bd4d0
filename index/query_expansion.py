"""Expands colloquial question words into the terms disclosures use (招待费 → 公务接待费), from a data file."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

SYNONYMS_FILE = files("index") / "data" / "query_synonyms.tsv"


@lru_cache(maxsize=1)
def _entries() -> list[tuple[str, tuple[str, ...], bool]]:
    """(colloquial, canonical terms, whole-item-only) rows, longest colloquial term first."""
    rows = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        colloquial, canonical = line.split("\t", 1)
        exact = colloquial.startswith("=")
        rows.append((colloquial.lstrip("=").strip(), tuple(t.strip() for t in canonical.split("|") if t.strip()), exact))
    return sorted(rows, key=lambda row: -len(row[0]))


def _applies(colloquial: str, exact: bool, text: str) -> bool:
    return text == colloquial if exact else colloquial in text


def canonical_terms(question: str) -> list[str]:
    """Canonical terms implied by colloquial words in the question (not already present)."""
    found: list[str] = []
    for colloquial, canonical, exact in _entries():
        if _applies(colloquial, exact, question):
            found.extend(t for t in canonical if t not in question and t not in found)
    return found


def canonical_variants(focus: str) -> list[str]:
    """The focus with each colloquial word replaced by a canonical term (招待费用 → 公务接待费用), then each with 和
    between two parts written 及 as documents name items (公务用车购置和运行费 → 公务用车购置及运行费)."""
    variants: list[str] = []
    for colloquial, canonical, exact in _entries():
        rest = focus.replace(colloquial, " ")  # 一般公共预算财政拨款 holds its own term 一般公共预算
        named = any(term in rest or (colloquial in term and term in focus) for term in canonical)  # 工资 of 工资福利支出
        said_before = not exact and focus.endswith(colloquial) and any(term in rest for term in canonical)
        if said_before and rest.strip() not in variants:
            variants.append(rest.strip())  # "年末结转和结余还剩": 还剩 says again what the words before it name
        elif _applies(colloquial, exact, focus) and not named:
            # "发工资这些人员经费" already names 人员经费: its 工资 is no second item to rewrite
            for term in canonical:
                if term not in rest:
                    variant = _substituted(focus, colloquial, term)
                    if variant and variant not in variants:
                        variants.append(variant)
    formal = [joined for text in (focus, *variants) if (joined := _AND.sub("及", text)) != text]
    return [*variants, *(joined for joined in dict.fromkeys(formal) if joined not in variants)]


_AND = re.compile(r"(?<=[\u4e00-\u9fff])和(?=[\u4e00-\u9fff])")  # 购置和运行费: the documents write 购置及运行费


def _overlap(before: str, term: str) -> int:
    """How many characters `before` ends with that `term` opens with."""
    return next((k for k in range(min(len(before), len(term)), 0, -1) if before.endswith(term[:k])), 0)


_JOINED = re.compile(r"[及和与、]")  # a term joining parts: 公务用车购置及运行费


def _substituted(focus: str, colloquial: str, term: str) -> str | None:
    """`focus` with `colloquial` replaced by `term`, the words around it that the term already holds taken in:
    因公出国经费 with 出国经费 → 因公出国（境）费 is 因公出国（境）费, and 招待费用 with 招待 → 公务接待费 is
    公务接待费用, not 因公因公出国（境）费 or 公务接待费费用 (医保缴费 with 医保 → 职工基本医疗保险缴费 is that term).
    None where the words after name one of the parts a joined term holds (公车运行费 is no 公务用车购置及运行费):
    more than a shared 费 after a 及, or a word of the term (运行 of 公务用车购置及运行维护费)."""
    at = focus.find(colloquial)
    before, after = focus[:at], focus[at + len(colloquial):]
    head = _overlap(before, term)
    tail = _overlap(after[::-1], term[::-1])
    joined = _JOINED.search(term[: len(term) - tail])
    if joined and (tail > 1 or after and (after[:2] in term or after[0] == term[joined.end() : joined.end() + 1])):
        return None  # 公车运行费 is no 公务用车购置及运行维护费运行费, nor 公务用车购置及运维费运行费
    return before[: len(before) - head] + term + after[tail:]


def expand(question: str) -> str:
    """The question with canonical terms appended, for retrieval."""
    extra = canonical_terms(question)
    return f"{question} {' '.join(extra)}" if extra else question
