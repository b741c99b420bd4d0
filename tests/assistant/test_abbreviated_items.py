"""An item asked by a short name ("地灾巡查" for 地质灾害巡查, "区运会" for 区运动会) is the one item whose name keeps
the asked characters in order and leaves out no whole word; a name that drops a word names another item."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.abbreviated_items import abbreviated_item, quoted_item
from assistant.chain import Assistant
from index.fact_store import FactRecord
from tests.assistant.conftest import written_assistant


def _fact(subject: str) -> FactRecord:
    return FactRecord(id=0, doc_id="d", department="某乡人民政府", year=2025, source="a.txt", subject=subject, measure="金额",
                      value=Decimal("42.00"), unit="万元", qualifier=None, amount_wan=Decimal("42.00"), start=0, end=5,
                      origin="text", context="", section_id=None, page=None)


@pytest.mark.parametrize("asked, item", [("森林防火和地灾巡查项目", "森林防火及地质灾害巡查"), ("区运会", "区运动会")])
def test_a_short_name_finds_its_item(asked, item):
    assert abbreviated_item(asked, [_fact(item), _fact("农村道路养护")]) == item


@pytest.mark.parametrize("asked, item", [
    ("体育馆建设", "体育馆维修建设"),  # 维修 is a word left out: another item
    ("办公楼维修", "办公楼屋面维修"),
    ("道路", "道路养护"),  # too short to name one item
])
def test_a_name_dropping_a_word_or_too_short_finds_nothing(asked, item):
    assert abbreviated_item(asked, [_fact(item)]) == ""


def test_two_items_a_short_name_fits_are_no_answer():
    assert abbreviated_item("地灾巡查", [_fact("地质灾害巡查"), _fact("地震灾害巡查")]) == ""


@pytest.mark.parametrize("asked, item", [
    ("“村晚”项目", "“村晚”及乡村文化振兴活动"),  # the one item whose name holds the quoted word
    ("“乡村”项目", ""),  # two items hold it
    ("村晚项目", ""),  # nothing quoted
    ("局本级“村晚”经费", ""),  # asked of more than the quoted word
])
def test_a_quoted_word_names_the_one_item_holding_it(asked, item):
    facts = [_fact("“村晚”及乡村文化振兴活动"), _fact("乡村旅游重点村提升补助")]
    assert quoted_item(asked, facts) == item


TOWNSHIP = """示例县示例乡人民政府2025年部门预算
三、项目支出情况
2025年项目支出共3个：1．森林防火及地质灾害巡查42.00万元；2．农村公路养护68.00万元；3．区运动会经费15.00万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("abbreviated"), embeddings,
                             {"shili-county-shili-township-government_2025_dept-budget.txt": TOWNSHIP})


@pytest.mark.parametrize("question, value", [("示例乡森林防火和地灾巡查项目多少钱", 42), ("示例乡区运会花多少钱", 15)])
def test_an_item_asked_by_its_short_name_is_answered(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text


def test_an_item_that_only_resembles_a_stated_one_is_refused(assistant):
    answer = assistant.ask("示例乡农村公路建设项目多少钱")  # 养护 is stated, 建设 is not
    assert answer.kind != "number" and answer.value is None, answer.text
