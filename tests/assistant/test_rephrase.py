"""The optional LLM may reword text answers but never introduce a number the sources do not print."""

from __future__ import annotations

from langchain_core.language_models import FakeListChatModel

from assistant.answer import Answer, Citation
from assistant.rephrase import numbers_supported, rephrase

CITATION = Citation(doc_id="d", source="s.txt", department="部门", year=2020, start=0, end=20,
                    quote="2020年，我部门机关运行经费共计安排116.7万元，主要用于日常维修。")
ANSWER = Answer(question="机关运行经费用于什么", kind="text", text="原文摘录", citations=[CITATION])


def test_rephrase_keeps_llm_text_when_numbers_are_in_the_quotes():
    llm = FakeListChatModel(responses=["机关运行经费116.7万元，主要用于日常维修。"])
    assert rephrase(ANSWER, llm).text == "机关运行经费116.7万元，主要用于日常维修。"


def test_rephrase_falls_back_when_the_llm_invents_a_number():
    llm = FakeListChatModel(responses=["机关运行经费约120万元。"])
    assert rephrase(ANSWER, llm).text == "原文摘录"


def test_rephrase_leaves_number_answers_alone():
    number = ANSWER.model_copy(update={"kind": "number", "value": 116.7, "unit": "万元"})
    llm = FakeListChatModel(responses=["别的文字"])
    assert rephrase(number, llm).text == "原文摘录"


def test_numbers_supported_ignores_thousands_separators():
    assert numbers_supported("收入1,307.00万元", ["收入1307.00万元"])
    assert not numbers_supported("收入1308万元", ["收入1307.00万元"])


def test_numbers_supported_compares_whole_numbers_not_substrings():
    quote = ["2020年，我部门机关运行经费共计安排116.7万元，主要用于日常维修。"]
    for invented in ("机关运行经费16万元。", "约6.7万元", "116万元", "共计1.7万元", "0年"):
        assert not numbers_supported(invented, quote), invented  # each is a substring of "2020 … 116.7"
    assert numbers_supported("2020年机关运行经费116.70万元", quote)  # the same value, printed with a trailing zero
    assert numbers_supported("没有数字的改写", quote)


def test_rephrase_falls_back_when_the_llm_number_is_only_a_substring_of_a_quoted_one():
    llm = FakeListChatModel(responses=["机关运行经费16万元，主要用于日常维修。"])
    assert rephrase(ANSWER, llm).text == "原文摘录"
