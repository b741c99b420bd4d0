"""A share the document states ("基本支出…，占55.10%") answers a share question whose whole is the one its
paragraph names, or that names none; a computed share is made only when none is stated."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例局

2024年度部门决算

一、部门主要职能
示例局负责全区示例工作的统筹规划和监督检查。
二、支出决算情况说明
本年收入合计9900.00万元，其中：财政拨款收入9900.00万元。
本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%；项目支出4381.74万元，占44.90%。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("stated-shares"), embeddings,
                             {"example-bureau-2024-dept-final-account.txt": DISCLOSURE})


@pytest.mark.parametrize("question, value", [
    ("示例局基本支出占比多少", 55.1),
    ("示例局项目支出占本年支出的比例", 44.9),
    ("示例局基本支出决算占支出决算多少", 55.1),
])
def test_a_stated_share_is_quoted(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value and answer.unit == "%", answer.text
    assert not answer.formula and f"{value:.2f}"[:4] in answer.citations[0].quote


def test_a_share_of_another_whole_is_computed(assistant):
    answer = assistant.ask("示例局项目支出占收入的比例")
    assert answer.kind == "number" and answer.formula and answer.value == 44.26, answer.text
