"""Items people name together that documents list apart (水电费 as 水费 and 电费) are answered with their sum,
each part cited; one part alone is never the answer, and a document that states the compound answers itself."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.fact_matching import rank_facts
from assistant.vocabulary import compound_items
from tests.assistant.conftest import written_assistant
from tests.support import word_dump
from tests.assistant.test_fact_matching import fact


def disclosure(body: str, department: str) -> str:
    return f"示例市示例区{department}\n\n2025年部门预算\n\n一、部门主要职能\n{department}负责全区示例工作的统筹规划和监督检查。\n" \
           f"二、基本支出经济分类预算表\n单位：万元\n{body}\n\n三、其他说明\n无。\n"


CAR_PARTS = word_dump([("项目", "合计"), ("公务用车购置费", "0.00"), ("公务用车运行维护费", "9.30"), ("公务接待费", "3.20")])
APART = word_dump([("项目", "合计"), ("办公费", "20.00"), ("水费", "6.00"), ("电费", "32.00"), ("邮电费", "1.50")])
TOGETHER = word_dump([("项目", "合计"), ("办公费", "10.00"), ("水电费", "12.00")])


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("compound-items"), embeddings, {
        "example-bureau-2025-dept-budget.txt": disclosure(APART, "示例局"),
        "example-office-2025-dept-budget.txt": disclosure(TOGETHER, "示例办公室"),
        "example-centre-2025-dept-budget.txt": disclosure(CAR_PARTS, "示例中心"),
    })


@pytest.mark.parametrize("question", ["示例中心公车花多少钱", "示例中心公务用车购置及运行维护费多少"])
def test_official_cars_stated_only_in_parts_are_their_sum_never_one_part(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 9.3 and answer.formula, answer.text
    assert {c.quote.split()[0] for c in answer.citations} == {"公务用车购置费", "公务用车运行维护费"}


def test_an_item_listed_apart_is_the_sum_of_its_parts(assistant):
    answer = assistant.ask("示例局水电费多少")
    assert answer.kind == "number" and answer.value == 38.0, answer.text
    assert answer.formula and len(answer.citations) == 2


def test_a_document_stating_the_compound_answers_with_it(assistant):
    answer = assistant.ask("示例办公室水电费多少")
    assert answer.kind == "number" and answer.value == 12.0 and not answer.formula, answer.text


def test_one_part_is_never_the_compound():
    assert rank_facts([fact("电费", value="32")], ["水电费"], "水电费多少") == []
    assert rank_facts([fact("电费", value="32")], ["邮电费"], "邮电费多少") == []
    assert all(len(parts) > 1 for parts in compound_items().values())


@pytest.mark.parametrize("asked, part", [("车辆运行维护费", "公务用车运行维护费"), ("公务用车购置费", "公务用车购置费")])
def test_one_side_of_a_joint_item_is_answered_by_that_side_never_the_whole(asked, part):
    whole = fact("公务用车购置及运行维护费", value="65.23")
    ranked = rank_facts([whole, fact(part, start=10, value="38.65")], [asked], f"{asked}多少")
    assert ranked[0].fact.subject == part and all(r.score < ranked[0].score for r in ranked[1:])
    assert rank_facts([whole], ["公务用车购置及运行维护费"], "公务用车购置及运行维护费多少")[0].fact is whole
