"""Follow-ups as people type them: "比年初预算少了多少" sets the 决算 against the budget its sentence states (预算数, a
final account's 年初预算), "那跟2023年比呢，多了多少" compares with that year, "增长了多少百分比" asks the rate of the
item before; a sentence listing several years' figures ("2023年…支出决算…，2024年支出预算…") gives each its year,
so this year's budget is set against a year no document of its own covers."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

FINAL = """澔岘市气象局2024年度部门决算
第三部分 2024年度部门决算情况说明
一、财政拨款“三公”经费支出决算情况说明
2024年度财政拨款“三公”经费支出预算为36.80万元，支出决算为34.57万元，完成预算的93.94%，决算数比预算数减少2.23万元；比2023年度决算增加20.51万元，增长146.02%，主要原因是更新购置1辆业务用车。
二、机关运行经费支出情况说明
2024年度机关运行经费支出决算28.60万元，比2023年度决算增加0.70万元，增长2.51%，主要原因是办公用房维修。
"""

BUDGET = """洑岢县工商业联合会2025年部门预算
第三部分 2025年部门预算情况说明（问答）
一问：今年一共安排了多少钱？
答：2025年县工商联收入预算342.39万元，全部为一般公共预算拨款收入。2025年支出预算342.39万元，其中基本支出265.39万元，项目支出77.00万元。
二问：和前两年比，收支有什么变化？
答：2023年县工商联支出决算301.47万元，2024年支出预算310.76万元，2025年支出预算342.39万元。三年对比详见表12。
表12 部门收支预算三年对比表
单位：万元
项目\t2023年决算\t2024年预算\t2025年预算
一、收入合计\t301.47\t310.76\t342.39
二、支出合计\t301.47\t310.76\t342.39
"""

DOCS = {"haoxian-city-meteorological-bureau_2024_dept-final-account.txt": FINAL,
        "fukeng-county-federation-of-industry-commerce_2025_dept-budget.txt": BUDGET}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("compared"), embeddings, DOCS)


def _chat(assistant: Assistant, *questions: str):
    context, answer = None, None
    for question in questions:
        answer = assistant.ask(question, context=context)
        context = answer.context
    return answer


@pytest.mark.parametrize(("follow_up", "value"), [("比年初预算少了多少？", 2.23), ("决算比年初预算少多少", 2.23),
                                                  ("那跟2023年比呢，多了多少？", 20.51), ("和2023年相比的话多了多少", 20.51)])
def test_a_follow_up_compares_the_item_before(assistant: Assistant, follow_up: str, value: float) -> None:
    answer = _chat(assistant, "澔岘气象局2024年三公经费实际花了多少？", follow_up)
    assert answer.value == pytest.approx(value) and answer.unit == "万元"


@pytest.mark.parametrize("follow_up", ["增长了多少百分比？", "增长百分比是多少"])
def test_a_rate_asked_as_a_percentage_is_the_items_growth(assistant: Assistant, follow_up: str) -> None:
    answer = _chat(assistant, "澔岘市气象局2024年机关运行经费是多少？", follow_up)
    assert answer.value == pytest.approx(2.51) and answer.unit == "%"


def test_figures_of_years_listed_in_one_sentence_are_each_that_years(assistant: Assistant) -> None:
    answer = assistant.ask("洑岢县工商联2025年支出预算比2023年决算多多少？")
    assert answer.value == pytest.approx(40.92) and not answer.conflicts
    assert {"342.39", "301.47"} <= {figure for c in answer.citations for figure in ("342.39", "301.47") if figure in c.quote}
    assert assistant.ask("洑岢县工商联2025年支出预算多少").conflicts == []  # 2024年's 310.76 is no other figure of 2025
