"""A figure always some item's: a row asked by the head of its name with its column ("彩票公益金还剩多少"), the same
asked in a follow-up after the item, and never another item's figure where the question adds such a word."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.vocabulary import owned_measures
from index.query_expansion import canonical_terms
from tests.assistant.conftest import written_assistant
from tests.assistant.test_conversation import converse

DISCLOSURE = """示例市示例残疾人联合会
2024年度部门决算

第二部分 2024年度部门决算表
一、收入支出决算总表
单位：万元
项目\t决算数\t项目\t决算数
本年收入合计\t3112.68\t本年支出合计\t3126.50
年初结转和结余\t55.24\t年末结转和结余\t41.42

二、政府性基金预算财政拨款收入支出决算表
单位：万元
科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t年末结转和结余
22960\t彩票公益金安排的支出\t0.00\t380.00\t376.42\t3.58
2296006\t用于残疾人事业的彩票公益金支出\t0.00\t380.00\t376.42\t3.58

第三部分 2024年度部门决算情况说明
一、“三公”经费支出决算情况
2024年度公务接待费支出决算3.13万元。
"""


def test_owned_measures_are_loaded_and_reached_by_how_people_ask():
    measures = owned_measures()
    assert "年末结转和结余" in measures and not {"支出", "收入", "公务接待费"} & measures
    assert measures & set(canonical_terms("年底还剩多少")) and measures & set(canonical_terms("还剩多少"))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("owned"), embeddings,
                             {"example-disabled-federation-2024-dept-final-account.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例残联2024年彩票公益金年末结转和结余多少", "示例残联2024年彩票公益金还剩多少",
                                      "示例残联24年彩票公益金年底还剩多少没花"])
def test_a_row_asked_by_the_head_of_its_name_with_its_column(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(3.58), answer.text


def test_a_follow_up_asking_what_is_left_asks_it_of_the_item_before(assistant):
    _, left = converse(assistant, "示例残联2024年彩票公益金花了多少", "年底还剩多少没花")
    assert left.kind == "number" and left.value == pytest.approx(3.58) and "彩票公益金" in left.assumed, left.text


def test_a_follow_up_asking_what_is_left_after_the_whole_is_the_whole(assistant):
    _, left = converse(assistant, "示例残联2024年一共花了多少", "年底还剩多少没花")
    assert left.kind == "number" and left.value == pytest.approx(41.42), left.text


@pytest.mark.parametrize("question", ["示例残联2024年招待费年底还剩多少", "示例残联2024年招待费年末结转和结余多少"])
def test_an_item_with_no_such_figure_gets_no_other_figure(assistant, question):
    """Neither 公务接待费's own 3.13 nor another row's or the department's balance."""
    answer = assistant.ask(question)
    assert answer.kind != "number", answer.text
