"""Greetings, thanks, personal data and other topics are told apart from budget questions, in both directions:
a budget word, a department or an item the index states keeps a question in scope."""

from __future__ import annotations

import pytest

from assistant.off_topic import OffTopic, off_topic, off_topic_words, scope_message

STATED = {"住房公积金", "绩效工资"}  # items "the index states" for these tests


def states_item(word: str) -> bool:
    return any(word in item for item in STATED)


def reason(question: str, names_department: bool = False) -> OffTopic | None:
    return off_topic(question, names_department, states_item)


@pytest.mark.parametrize(("question", "expected"), [
    ("你好", OffTopic.GREETING),
    ("您好！", OffTopic.GREETING),
    ("hi", OffTopic.GREETING),
    ("在吗？", OffTopic.GREETING),
    ("谢谢", OffTopic.THANKS),
    ("谢谢你！", OffTopic.THANKS),
    ("好的，再见", OffTopic.THANKS),
    ("你是谁", OffTopic.HELP),
    ("你好，你能做什么？", OffTopic.HELP),
    ("今天天气怎么样", OffTopic.OTHER_TOPIC),
    ("明天会下雨吗", OffTopic.OTHER_TOPIC),
    ("社保怎么交", OffTopic.OTHER_TOPIC),
    ("户口怎么迁", OffTopic.OTHER_TOPIC),
    ("张三的工资是多少", OffTopic.PERSONAL),
    ("我的工资是多少", OffTopic.PERSONAL),
    ("王局长的工资", OffTopic.PERSONAL),
    ("李明的身份证号", OffTopic.PERSONAL),
    ("身份证号码是多少", OffTopic.PERSONAL),
    ("本人收入多少", OffTopic.PERSONAL),
])
def test_not_about_the_budget(question: str, expected: OffTopic) -> None:
    assert reason(question) is expected


@pytest.mark.parametrize("question", [
    "天气预报站的经费是多少",  # a weather word, but it names a budget item
    "社保缴费",
    "社保缴费是多少",
    "公积金是多少",  # the index states 住房公积金
    "落户补贴资金有多少",
    "工资福利支出是多少",  # 工资 without a person
    "其他收入是多少",  # 其他 is "other", not 他
    "高新区的收入是多少",  # a place, not a surname and a name
    "我区收入预算是多少",
    "你好，三公经费是多少",  # a greeting before a question
    "公务接待费是多少",
    "收入",
])
def test_budget_questions_stay_in_scope(question: str) -> None:
    assert reason(question) is None


@pytest.mark.parametrize("question", ["万里街道的天气预报怎么样", "张三所在的财政局工资福利支出"])
def test_a_named_department_keeps_a_question_in_scope(question: str) -> None:
    assert reason(question, names_department=True) is None


@pytest.mark.parametrize("question", ["区政府办公室主任一年工资拿多少", "社工部部长叫什么名字，一年工资多少",
                                      "财政局局长的奖金是多少", "福利院院长是谁", "实验小学校长一年工资多少",
                                      "妇幼保健院院长一年拿多少工资", "办公室主任每个月能拿多少工资"])
def test_an_office_holders_pay_or_name_is_personal_even_beside_a_department(question: str) -> None:
    assert reason(question, names_department=True) is OffTopic.PERSONAL


@pytest.mark.parametrize("question", ["实验小学老师的绩效工资今年预算多少", "实验小学老师绩效工资比去年多多少"])
def test_a_stated_item_after_a_title_is_a_budget_item_of_the_department_named(question: str) -> None:
    """老师的绩效工资 of a school is its 工资福利支出 row; without a department named it stays personal."""
    assert reason(question, names_department=True) is None
    assert reason(question) is OffTopic.PERSONAL


@pytest.mark.parametrize("question", ["办公室主任会议经费是多少", "财政局工资福利支出是多少", "局长办公会议费多少"])
def test_a_title_without_a_personal_item_stays_a_budget_question(question: str) -> None:
    assert reason(question, names_department=True) is None


def test_small_talk_is_small_talk_even_with_a_department_named() -> None:
    assert reason("谢谢", names_department=True) is OffTopic.THANKS


def test_every_word_list_is_in_the_data_file() -> None:
    lists = off_topic_words().lists
    for name in ("greeting", "thanks", "help", "filler", "other_topic", "budget_word", "person", "person_title",
                 "surname", "personal_item", "holder_item", "always_personal"):
        assert lists[name], name


def test_scope_message_says_what_can_be_asked_and_gives_examples() -> None:
    text = scope_message(OffTopic.OTHER_TOPIC, ["万里街道2025年三公经费是多少"])
    assert "预算" in text and "“万里街道2025年三公经费是多少”" in text
    assert scope_message(OffTopic.GREETING, []).startswith("您好")


@pytest.mark.parametrize("question", ["上海市长宁区档案局2021年财政拨款收入是多少", "湖南省长沙市财政局2024年档案经费多少"])
def test_a_place_whose_name_opens_with_长_is_no_office_holder(question):
    assert off_topic(question, True, lambda word: True) is None
