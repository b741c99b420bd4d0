"""An item asked with or without its fund (财政拨款支出 / 一般公共预算财政拨款支出) is one item where the document states
one outturn for both names: the fund is all the money. Where another fund has money, the names stay apart."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

ONE_FUND = """示例县示例局
2024年度部门决算

一、财政拨款收入支出决算总体情况说明
2024年度财政拨款收入3980.00万元，本年财政拨款支出3992.99万元，年末财政拨款结转和结余64.52万元。
二、一般公共预算财政拨款支出决算情况说明
2024年度一般公共预算财政拨款支出年初预算为3966.78万元，全年预算为4054.78万元，支出决算为3992.99万元，完成全年预算的98.48%。
"""

TWO_FUNDS = """示例县另一局
2024年度部门决算

一、财政拨款收入支出决算总体情况说明
2024年度本年财政拨款支出5200.00万元，其中政府性基金预算财政拨款支出1200.00万元。
二、一般公共预算财政拨款支出决算情况说明
2024年度一般公共预算财政拨款支出年初预算为3900.00万元，全年预算为4100.00万元，支出决算为4000.00万元，完成全年预算的97.56%。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("fund-twins"), embeddings,
                             {"example-bureau-2024-dept-final-account.txt": ONE_FUND,
                              "example-other-bureau-2024-dept-final-account.txt": TWO_FUNDS})


@pytest.mark.parametrize("question", ["示例局2024年财政拨款支出完成了全年预算的百分之几", "示例局24年财政拨款支出完成率多少"])
def test_the_rate_of_the_one_fund_answers_for_all_appropriations(assistant: Assistant, question: str):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(98.48)
    assert any("98.48%" in c.quote for c in answer.citations)


def test_with_another_fund_the_one_funds_rate_is_not_all_appropriations(assistant: Assistant):
    answer = assistant.ask("示例县另一局2024年财政拨款支出完成了全年预算的百分之几")
    assert answer.value != pytest.approx(97.56)
