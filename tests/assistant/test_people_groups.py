"""Pay asked for a group of people (环卫工人, 乡村医生) is the figure of an item naming that group, never the body's
whole 工资福利支出 or 人员经费; the body's own staff (职工) are asked as the whole."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.vocabulary import people_groups
from tests.assistant.conftest import written_assistant

BUREAU = """洑岚市城市管理局2024年度部门决算

一、支出决算情况
2024年度工资福利支出5463.57万元，对个人和家庭的补助286.40万元。
乡村医生补助经费120.00万元，用于发放村卫生室乡村医生补助。
给职工缴纳住房公积金410.20万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("people"), embeddings,
                             {"fulan-city-urban-management-bureau_2024_dept-final-account.txt": BUREAU})


@pytest.mark.parametrize("question", ["洑岚城管局2024年给环卫工人发工资一共花了多少？", "洑岚城管局2024年协管员的工资福利支出是多少"])
def test_a_groups_pay_is_not_the_bodys_whole(assistant, question):
    assert assistant.ask(question).kind == "not_found"


@pytest.mark.parametrize("question, value", [("洑岚城管局2024年乡村医生补助多少", 120.0), ("洑岚城管局2024年工资福利支出多少", 5463.57),
                                             ("洑岚城管局2024年给职工交公积金多少", 410.2)])
def test_an_item_naming_the_group_or_the_whole_is_answered(assistant, question, value):
    assert assistant.ask(question).value == pytest.approx(value)


def test_every_group_word_is_a_word():
    assert people_groups() and all(len(word) >= 2 for word in people_groups())
