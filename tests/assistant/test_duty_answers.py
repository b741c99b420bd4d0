""""管不管X": whether a body handles a matter is answered by quoting the duties its document lists under 主要职能
that name the matter, never with a figure; a matter no listed duty names is refused, and a contents line or a
sibling heading is no duty."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from assistant.plan import Operation
from assistant.vocabulary import asked_duty, duty_headings
from tests.assistant.conftest import written_assistant

DUTIES = """示例市示例区示例局

2025年部门预算

目录
一、部门主要职能
二、部门预算单位构成
三、收入支出预算总表

一、部门主要职能
示例局是主管全区示例工作的区政府工作部门。主要职能包括：
1.负责全区示例设施的规划、建设和维护管理。
2.贯彻执行有关外事工作的法律、法规，负责本局人员因公出国的归口管理工作。
3.负责本系统公务用车的管理工作。
4.负责落实河长制、林长制。
二、部门预算单位构成
示例局部门预算只包括本部。
三、收入支出预算总表
项目	金额
因公出国（境）费	12.00
收入总计	800.00
"""


RUN_IN = """示例县司法局
2024年部门预算

一、部门职能
示例县司法局是县政府工作部门，主要职责是：承担县委全面依法治县委员会办公室的日常工作；指导、管理全县人民调解工作；组织实施全县社区矫正工作，指导刑满释放人员安置帮教工作；管理律师、法律援助和公证工作。
二、收入支出预算总表
项目	金额
收入总计	600.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("duties"), embeddings, {"example-bureau-2025-dept-budget.txt": DUTIES,
                                                                          "example-justice-2024-dept-budget.txt": RUN_IN})


@pytest.mark.parametrize("question, matter", [
    ("示例局管不管出国审批的事", "示例局出国审批"),
    ("示例局负不负责公车这块啊", "示例局公车"),
    ("示例局管设施维护吗", "示例局设施维护"),
    ("示例局是否负责河道保洁？", "示例局河道保洁"),
])
def test_a_duty_question_is_told_by_its_asking_words_and_keeps_the_matter(question: str, matter: str):
    assert asked_duty(question) == matter


@pytest.mark.parametrize("question", ["示例局物业管理费有吗", "示例局公用经费管理费比上年多不多", "示例局招待费多少"])
def test_管理_and_other_questions_ask_no_duty(question: str):
    assert asked_duty(question) is None


def test_duty_headings_are_loaded_longest_first():
    headings = duty_headings()
    assert "主要职能" in headings and headings.index("主要职能") < headings.index("职能")


def test_a_duty_question_is_a_text_question_about_the_matter():
    plan = parse_question("示例局管不管出国审批的事", [])
    assert plan.operation is Operation.TEXT and plan.asks_duty and not plan.wants_number
    assert plan.focus.endswith("出国审批")


def test_the_duty_naming_the_matter_is_quoted_never_a_figure(assistant: Assistant):
    answer = assistant.ask("示例局管不管出国审批的事")
    assert answer.kind == "text" and answer.value is None
    assert "因公出国的归口管理工作" in answer.text
    [citation] = answer.citations
    assert citation.quote.startswith("2.贯彻执行有关外事工作") and citation.quote.endswith("归口管理工作。")


@pytest.mark.parametrize("question", ["示例局管不管公务用车", "示例局管不管公车？具体负责公车的啥"])
def test_a_colloquial_matter_is_found_by_its_document_term(assistant: Assistant, question: str):
    answer = assistant.ask(question)
    assert answer.kind == "text" and answer.text.endswith("“3.负责本系统公务用车的管理工作。”")


def test_a_matter_no_listed_duty_names_is_refused_and_contents_lines_are_no_duties(assistant: Assistant):
    assert assistant.ask("示例局管不管河道保洁").kind == "not_found"
    assert assistant.ask("示例局管不管发工资").kind == "not_found"  # 工资's document terms are no duty's words
    assert assistant.ask("示例局管不管预算单位构成").kind == "not_found"  # a contents line and a sibling heading


def test_a_matter_the_segmenter_cuts_into_characters_is_looked_for_whole(assistant: Assistant):
    answer = assistant.ask("示例局负不负责河长制")
    assert answer.kind == "text" and answer.text.endswith("“4.负责落实河长制、林长制。”")
    assert assistant.ask("示例局负不负责湖长制").kind == "not_found"


@pytest.mark.parametrize("question", ["廊坊政法委是干什么的", "廊坊政法委是干啥的"])
def test_what_a_body_does_is_the_text_under_its_duties_heading(langfang_assistant: Assistant, question: str):
    """A question that asks only for the heading is answered by the text under it, however few of its words that
    text repeats (部门职责： over a blank line, then the duties), never by a sentence that shares the word 主要."""
    answer = langfang_assistant.ask(question)
    assert answer.kind == "text" and "政法工作" in answer.text and "租房收入" not in answer.text, answer.text



def test_duties_run_into_their_sentence_after_a_colon_are_listed_duties(assistant: Assistant):
    answer = assistant.ask("示例县司法局管不管社区矫正")  # "…工作部门，主要职责是：…；组织实施全县社区矫正工作，…；…"
    assert answer.kind == "text" and "组织实施全县社区矫正工作" in answer.text and "人民调解" not in answer.text, answer.text
