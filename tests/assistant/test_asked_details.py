"""A question asking for a detail by its kind (哪家公司, 哪个国家, 哪几个村, 什么牌子) is answered only by a sentence
naming one of that kind; a sentence that only names the matter (因公出国（境）费…赴境外) or a word of the kind that names
nothing (行政村, 中小企业) leaves it refused; so does a name asked (是哪个项目) where only a kind of purchase is said
(政府采购工程支出)."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.vocabulary import asked_detail, asked_details
from tests.assistant.conftest import written_assistant

BUREAU = """澴岭县商务局2025年部门预算

一、“三公”经费预算
因公出国（境）费12.00万元，计划安排1个团组3人次赴境外开展国际招商和技术交流。
公务用车购置费18.00万元，计划购置新能源公务用车1辆。
二、项目情况
乡村物流补短板项目覆盖全县12个行政村，支持中小企业发展。
电商服务站点运维由澴岭县邮政快递服务有限公司承接。
三、政府采购情况
2025年政府采购预算60.00万元，其中：政府采购货物支出20.00万元、政府采购工程支出40.00万元。
"""

OFFICE = """澴岭县外事办公室2025年部门预算

澴岭县外事办公室是县政府工作部门，加挂澴岭县港澳事务办公室牌子。
一、“三公”经费预算
因公出国（境）费8.00万元，计划安排1个团组2人次赴德国开展友城交流。
二、项目情况
对口帮扶项目在东坪村、西岭村建设村级服务站。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("details"), embeddings,
                             {"huanling-county-commerce-bureau_2025_dept-budget.txt": BUREAU,
                              "huanling-county-foreign-affairs-office_2025_dept-budget.txt": OFFICE})


@pytest.mark.parametrize("question", ["澴岭县商务局2025年因公出国去哪个国家？", "澴岭县商务局乡村物流补短板项目覆盖哪几个村？",
                                      "澴岭县商务局买的新能源公务用车是什么牌子？", "澴岭县商务局支持中小企业发展的项目是哪家公司承建？",
                                      "澴岭县商务局2025年政府采购的工程是哪个项目？"])
def test_a_detail_no_sentence_names_is_refused(assistant, question):
    assert assistant.ask(question).kind == "not_found"


@pytest.mark.parametrize("question, named", [("澴岭县外事办公室2025年因公出国去哪个国家？", "德国"),
                                             ("澴岭县外事办公室对口帮扶项目在哪几个村？", "东坪村"),
                                             ("澴岭县商务局电商服务站点运维由哪家公司承接？", "有限公司"),
                                             ("澴岭县外事办公室还加挂什么牌子？", "港澳事务办公室")])
def test_a_sentence_naming_one_answers(assistant, question, named):
    answer = assistant.ask(question)
    assert answer.kind == "text" and named in answer.text, answer.text


def test_every_detail_line_reads():
    assert asked_details() and asked_detail("去哪个国家") is not None and asked_detail("花了多少钱") is None
    assert asked_detail("政府采购的中标供应商是哪几家") is not None  # answered only by a sentence naming a firm
    assert asked_detail("中心学校下面管着哪些村小和教学点") is None  # 村小 is a kind of school, not 村
    country = asked_detail("去哪个国家")
    assert country.named_in("赴德国开展交流") and not country.named_in("因公出国（境）费")
    assert not country.named_in("人员的国际合作交流")  # 国 of 国际 ends no name


def test_an_ending_after_a_joining_word_names_nothing():
    village = asked_detail("用在了哪几个村")
    assert village.named_in("支持东山村、西岭村建设") and village.named_in("在青石村开展")
    assert not village.named_in("新增高标准农田建设镇级配套和村集体经济发展扶持资金")


def test_which_housing_estates_are_answered_only_by_names_of_estates():
    estate = asked_detail("老旧小区改造改的是哪几个小区")
    assert estate is not None and estate.named_in("对东湖花园、翠苑小区实施改造")
    assert not estate.named_in("实施老旧小区微更新")
