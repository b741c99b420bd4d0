"""A category cell shared by several rows of one table (采购品目) is asked for as the rows' total, each row
cited; a row named after the asked words is still answered by itself."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant
from tests.support import word_dump

ROWS = [
    ("项目名称", "预算资金", "采购品目", "数量", "合计"),
    ("网络设备运维经费", "102.00", "硬件运维服务", "1", "102.00"),
    ("数据中心服务经费", "170.00", "硬件运维服务", "1", "170.00"),
    ("办公桌椅购置", "30.00", "家具", "20", "30.00"),
    ("终端设备运维经费", "140.00", "硬件运维服务", "1", "140.00"),
    ("合计", "442.00", "", "", "442.00"),
]
TABLE = word_dump(ROWS)
DISCLOSURE = f"""示例市示例区示例局

2025年部门预算

一、部门主要职能
示例局负责全区示例工作。
二、政府采购预算表
单位：万元
{TABLE}

三、其他说明
示例局无其他说明。
"""

FINAL = """示例市示例科技局

2024年度部门决算

一、部门职责
示例科技局负责全市科技工作。
二、一般公共预算财政拨款支出决算表
单位：万元
科目编码\t类\t款\t项\t年初预算数\t全年预算数\t决算数
合计\t\t\t\t1100.00\t1180.00\t1150.00
2060701\t科学技术支出\t科学技术普及\t机构运行\t600.00\t620.00\t610.00
2060702\t\t\t科普活动\t400.00\t440.00\t430.00
2060801\t\t科技交流与合作\t国际交流与合作\t100.00\t120.00\t110.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("category-rows"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": DISCLOSURE,
                              "example-science-2024-dept-final-account.txt": FINAL})


@pytest.mark.parametrize("question", ["示例局政府采购里硬件运维服务一共多少", "示例局硬件运维服务预算多少钱"])
def test_rows_sharing_a_category_are_added_up_and_each_cited(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 412.0, answer.text
    assert answer.formula and "102" in answer.formula and "170" in answer.formula and "140" in answer.formula
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == 3 and all("硬件运维服务" in q for q in quotes)
    assert not any("家具" in q for q in quotes)


def test_a_category_of_one_row_is_that_rows_figure(assistant):
    answer = assistant.ask("示例局政府采购里家具多少钱")
    assert answer.kind == "number" and Decimal(str(answer.value)) == Decimal(30), answer.text


def test_a_row_named_after_the_words_answers_by_itself(assistant):
    answer = assistant.ask("示例局数据中心服务经费多少")
    assert answer.kind == "number" and answer.value == 170.0 and not answer.formula, answer.text


def test_a_category_of_counts_is_not_added_up_as_money(assistant):
    from assistant.category_rows import category_rows

    facts = [f for f in assistant.fact_cache.facts([d.doc_id for d in assistant.index.documents()]) if f.unit is None]
    assert facts and category_rows(facts, ["硬件运维服务"], assistant.texts) is None


@pytest.mark.parametrize("question, value", [
    ("示例科技局2024年科学技术普及（款）决算合计多少", 1040.0),  # the 决算数 column, never the 年初预算数 (1000)
    ("示例科技局2024年科学技术普及一共花了多少", 1040.0),  # a final account's own figure when no basis is asked
    ("示例科技局2024年科学技术普及年初预算合计多少", 1000.0),
])
def test_the_rows_under_a_level_are_added_up_in_the_column_of_the_basis_asked(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text
