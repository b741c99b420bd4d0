"""Like figures stated side by side in one sentence ("第一季度用款计划158.05万元，第二季度用款计划158.05万元…"): a
question naming what they share (四个季度用款计划, 每个季度用款计划) asks for all of them."""

from __future__ import annotations

import os
import re
from collections import defaultdict

from assistant.vocabulary import generic_item_words
from index.fact_store import FactRecord
from ingest.model import FactKind
from ingest.numbers import is_money

MIN_SHARED_CHARS = 3  # 用款计划: what the figures share names an item, not a bare 支出 or 费
_COUNT = re.compile(r"(?P<n>[一二三四五六七八九十两\d]+)个")
_CHINESE_COUNTS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}


def asked_count(question: str) -> int | None:
    """The number of figures the question counts ("四个季度" → 4), if it counts them."""
    match = _COUNT.search(question)
    if match is None:
        return None
    n = match["n"]
    return int(n) if n.isdigit() else _CHINESE_COUNTS.get(n) if len(n) == 1 else None


def _shared_tail(subjects: list[str]) -> str:
    """The longest ending all subjects share, when each still has its own beginning (第一季度 | 用款计划)."""
    reversed_tail = os.path.commonprefix([s[::-1] for s in subjects])[::-1]
    while reversed_tail and any(s == reversed_tail for s in subjects):
        reversed_tail = reversed_tail[1:]
    return reversed_tail


def like_items(facts: list[FactRecord], focus: str, question: str) -> list[FactRecord]:
    """The money figures of one sentence whose items differ only in their beginning and share an ending the
    focus names (an item's name, not a bare 支出), as many as the question counts; [] when no sentence (or
    more than one) states such a set."""
    by_sentence: dict[tuple[str, str], list[FactRecord]] = defaultdict(list)
    for fact in facts:
        if fact.origin == "text" and fact.kind is FactKind.AMOUNT and is_money(fact.unit):
            by_sentence[(fact.doc_id, fact.context)].append(fact)
    count = asked_count(question)
    found: list[tuple[int, list[FactRecord]]] = []
    for stated in by_sentence.values():
        subjects = [f.subject for f in stated]
        if len(stated) < 2 or len(set(subjects)) != len(subjects):
            continue
        tail = _shared_tail(subjects)
        names_item = len(tail) >= MIN_SHARED_CHARS and tail not in generic_item_words() and tail in focus
        if names_item and (count is None or count == len(stated)):
            found.append((len(tail), stated))
    if not found:
        return []
    found.sort(key=lambda pair: -pair[0])
    if len(found) > 1 and found[1][0] == found[0][0]:
        return []  # two sentences fit as well: which one is meant is not said
    return sorted(found[0][1], key=lambda f: f.start)
