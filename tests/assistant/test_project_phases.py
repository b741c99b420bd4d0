"""A project's phase is part of its name: "（三期）" asked is never the row of the 四期, and no word of its own for the
item; the phase the document lists is answered."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from tests.assistant.conftest import written_assistant

ARCHIVES = """泂屿省档案馆2025年单位预算

项目支出预算表
单位：万元
序号\t项目名称\t功能科目\t合计\t一般公共预算拨款\t上年结转
1\t馆藏档案数字化（四期）\t2012604\t895.00\t680.00\t215.00
2\t档案安全保管及库房运维\t2012604\t465.10\t465.10\t0.00
合计\t\t\t1,360.10\t1,145.10\t215.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("phases"), embeddings,
                             {"jiongyu-province-archives_2025_unit-budget.txt": ARCHIVES})


def test_another_phase_of_a_project_is_not_found(assistant):
    assert assistant.ask("泂屿省档案馆馆藏档案数字化（三期）项目一共花了多少钱？").kind == "not_found"


def test_the_listed_phase_is_answered(assistant):
    assert assistant.ask("泂屿省档案馆2025年馆藏档案数字化（四期）项目多少钱").value == pytest.approx(895.0)


def test_a_phase_in_brackets_is_no_word_of_its_own(assistant):
    plan = parse_question("泂屿省档案馆馆藏档案数字化（三期）项目一共花了多少钱？", assistant.index.documents())
    assert "三期" not in plan.terms
