"""Questions about a scanned disclosure are answered from the recognised text, and say where it came from."""

from __future__ import annotations

from dataclasses import replace

import pytest
from scan_support import assistant_over

from assistant.answer import AnswerKind
from assistant.citations import DOUBTFUL_NOTE

QUESTIONS = [  # figures as the sample prints them (万元)
    ("2025年“三公”经费预算是多少？", 37.91),
    ("公务接待费预算多少", 1.35),
    ("公务用车运行费是多少", 21.56),
    ("2025年收入预算是多少", 18976.76),
    ("机关运行经费预算是多少", 464.64),
]


@pytest.mark.parametrize(("question", "value"), QUESTIONS)
def test_three_public_and_budget_totals_answer_from_the_scan(scanned_assistant, question, value) -> None:
    answer = scanned_assistant.ask(question)
    assert answer.kind == AnswerKind.NUMBER, answer.text
    assert (answer.value, answer.unit) == (pytest.approx(value), "万元")
    assert answer.citations and all(c.from_image and 0.85 <= c.confidence <= 1 for c in answer.citations)
    assert DOUBTFUL_NOTE not in answer.text


def test_a_figure_read_with_low_confidence_is_answered_with_a_warning(tmp_path, embeddings, scanned_doc) -> None:
    unsure = replace(scanned_doc, recognised=[replace(r, confidence=0.6) for r in scanned_doc.recognised])
    answer = assistant_over(tmp_path, embeddings, unsure).ask(QUESTIONS[0][0])
    assert answer.value == pytest.approx(QUESTIONS[0][1])
    assert answer.text.endswith(DOUBTFUL_NOTE)
    assert all(c.from_image and c.confidence == 0.6 for c in answer.citations)
