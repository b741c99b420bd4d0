"""A table's 增减 columns print a signed change: the answer says which way and gives its size, citing the cell."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例中心
2025年单位预算

一、单位职能
示例中心负责全市示例工作。
二、一般公共预算支出预算表
单位：万元
项目\t2024年预算数\t2025年预算数\t增减额\t增减%
应急处理\t150.00\t120.00\t-30.00\t-20.00%
疫苗接种\t80.00\t100.00\t20.00\t25.00%
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("signed-changes"), embeddings,
                             {"example-centre-2025-unit-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question, value, way", [
    ("示例中心2025年应急处理比上年少了多少", 30.0, "减少"),
    ("示例中心2025年应急处理比上年少了百分之几", 20.0, "减少"),
    ("示例中心2025年疫苗接种比上年多了多少", 20.0, "增加"),
])
def test_a_signed_change_is_said_as_its_direction_and_size(assistant, question, value, way):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value and way in answer.text and "-" not in answer.text.split("（")[0], answer.text
