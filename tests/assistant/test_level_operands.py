"""A 款 asked together with the fund that pays it ("残疾人事业（款）一般公共预算财政拨款支出") is never answered with one
of its 项: the sentence on "…残疾人事业（款）行政运行（项）" gives that 项's figures, not the 款's."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

FINAL = """浛岞县残疾人联合会2024年度部门决算
第三部分 2024年度部门决算情况说明
一、一般公共预算财政拨款支出决算具体情况
1.社会保障和就业支出（类）残疾人事业（款）行政运行（项）。年初预算为205.30万元，支出决算为212.45万元，完成年初预算的103.48%，主要原因是人员调整。
2.社会保障和就业支出（类）残疾人事业（款）残疾人康复（项）。年初预算为660.00万元，支出决算为688.40万元，完成年初预算的104.30%。
二、年末结转和结余情况说明
社会保障和就业支出（类）残疾人事业（款）残疾人康复（项）年末结转28.00万元，为康复机构建设尚未完工部分。
"""

DOCS = {"hanzuo-county-disabled-persons-federation_2024_dept-final-account.txt": FINAL}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("level_operands"), embeddings, DOCS)


def test_a_kuan_with_its_fund_is_no_figure_of_one_xiang(assistant: Assistant) -> None:
    answer = assistant.ask("浛岞县残联2024年残疾人事业（款）一般公共预算财政拨款支出决算比年初预算多了多少？")
    assert answer.value is None and answer.kind == "not_found"


def test_a_xiang_with_its_fund_is_that_xiangs(assistant: Assistant) -> None:
    answer = assistant.ask("浛岞县残联2024年行政运行一般公共预算财政拨款支出决算比年初预算多了多少？")
    assert answer.value == pytest.approx(7.15)


def test_a_kuan_followed_by_its_xiang_names_the_xiang(assistant: Assistant) -> None:
    """"残疾人事业行政运行" says the 款 and then the 项 under it: the 项's figure."""
    answer = assistant.ask("浛岞县残联2024年残疾人事业行政运行支出决算是多少")
    assert answer.value == pytest.approx(212.45)


def test_a_balance_said_after_a_xiangs_chain_is_that_xiangs(assistant: Assistant) -> None:
    """"…残疾人康复（项）年末结转28.00万元": asked "残疾人康复的钱年底结转了多少", the 项 named with what it carries over."""
    answer = assistant.ask("浛岞县残联残疾人康复的钱年底结转了多少")
    assert answer.value == pytest.approx(28.00)
