"""Suggested questions over many departments: a department's short name is worked out when a question names it,
once per list of departments, not for every indexed department on every answer."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from assistant import departments
from assistant.suggestions import OPENING_COUNT, Suggestions
from index.fact_store import DocumentRecord

PLACES = ["甲市东城区", "甲市西城区", "乙市南湖区", "乙市北塘区", "丙市新华区", "丙市长安区", "丁市和平区", "丁市河西区"]
BODIES = ["财政局", "教育局", "商务委员会", "人民政府办公室", "发展和改革委员会", "卫生健康委员会", "司法局", "民政局",
          "规划和自然资源局", "人力资源和社会保障局", "文化和旅游局", "市场监督管理局"]


def documents() -> list[DocumentRecord]:
    """A budget of 2025 for each of 96 departments."""
    names = [place + body for place in PLACES for body in BODIES]
    return [DocumentRecord(doc_id=f"d{i}", title="", department=name, year=2025, kind="部门预算", source=f"{i}.pdf",
                           sha256="", format="pdf", status="ready", ingested_at=datetime.now(UTC))
            for i, name in enumerate(names)]


@pytest.fixture
def name_look_ups(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Counts the department look-ups that working out short names makes."""
    counted: Counter = Counter()
    look_up = departments.find_department

    def counting(question: str, known):
        counted[question] += 1
        return look_up(question, known)

    monkeypatch.setattr(departments, "find_department", counting)
    return counted


def test_suggestions_name_only_the_departments_their_questions_ask_about(name_look_ups: Counter) -> None:
    docs = documents()
    suggestions = Suggestions(docs, answers=lambda question: True)
    assert not name_look_ups  # nothing is worked out for the 96 departments up front
    assert len(suggestions.opening()) == OPENING_COUNT  # each of another department
    assert sum(name_look_ups.values()) <= 3 * OPENING_COUNT  # a few candidate names for each of those departments


def test_a_short_name_is_worked_out_once_per_list_of_departments(name_look_ups: Counter) -> None:
    docs = documents()
    first = Suggestions(docs, answers=lambda question: True).opening()
    looked_up = sum(name_look_ups.values())
    assert Suggestions(list(reversed(docs)), answers=lambda question: True).opening() == first
    assert sum(name_look_ups.values()) == looked_up  # the same departments: every name remembered
    fewer = [d for d in docs if d.department != docs[0].department]
    Suggestions(fewer, answers=lambda question: True).opening()
    assert sum(name_look_ups.values()) > looked_up  # another list: a name may fit fewer departments, so worked out anew
