"""Like figures of one sentence (第一季度用款计划…第四季度用款计划) are asked for together: added up when a total
is asked, each when each is asked, and never mixed with another sentence's."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.like_items import asked_count
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例局

2025年部门预算

一、部门主要职能
示例局负责全区示例工作的统筹规划和监督检查。
二、项目经费情况说明
社区书屋建设项目年度预算安排：第一季度用款计划20万元，第二季度用款计划30万元，第三季度用款计划40万元，第四季度用款计划10万元。
河道保洁项目年度预算安排：第一季度用款计划15万元，第二季度用款计划15万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("like-items"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例局四个季度用款计划加起来是多少", "示例局4个季度用款计划一共多少"])
def test_a_counted_set_is_added_up_with_every_figure_cited(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 100.0, answer.text
    assert answer.formula and answer.formula.startswith("20 + 30 + 40 + 10")
    assert len(answer.citations) == 4


def test_each_figure_the_same_is_that_figure(assistant):
    answer = assistant.ask("示例局两个季度用款计划每个季度多少")
    assert answer.kind == "number" and answer.value == 15.0, answer.text
    assert len(answer.citations) == 2


def test_each_figure_different_is_listed(assistant):
    answer = assistant.ask("示例局四个季度用款计划分别每个季度多少")
    assert answer.kind == "text" and "第三季度用款计划40.00万元" in answer.text, answer.text


def test_a_set_that_two_sentences_fit_is_not_guessed(assistant):
    answer = assistant.ask("示例局季度用款计划加起来是多少")
    assert answer.value not in (100.0, 30.0), answer.text


@pytest.mark.parametrize("question, count", [("四个季度", 4), ("4个季度", 4), ("两个项目", 2), ("每个季度", None)])
def test_asked_counts(question, count):
    assert asked_count(question) == count


def test_a_bare_shared_word_names_no_set():
    from dataclasses import replace
    from decimal import Decimal

    from assistant.like_items import like_items
    from tests.assistant.test_fact_matching import fact

    said = "项目支出3554.1万元；本级支出3554.1万元。"
    figures = [replace(fact(name, i * 10, value="3554.1"), context=said) for i, name in enumerate(["项目支出", "本级支出"])]
    assert like_items(figures, "工资福利支出", "工资福利支出是多少") == []
    assert [f.value for f in like_items(figures, "支出", "两项支出各多少")] == []
    quarters = [replace(fact(f"第{n}季度用款计划", i * 10, value="15"), context="…") for i, n in enumerate("一二")]
    assert [f.value for f in like_items(quarters, "两个季度用款计划", "两个季度用款计划各多少")] == [Decimal(15)] * 2
