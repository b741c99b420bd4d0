"""A part asked inside a whole ("公车运行费里油费", "其中财政拨款多少" after a project) is never answered with the
whole nor with a figure of that name outside it; a project's money is never a
unit cost of its indicators (每画幅加工成本); a target counted in a unit only the document uses ("多少画幅") is
found by that unit; the projects a paragraph lists are ranked when no table lists them."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant
from tests.support import word_dump

THREE_PUBLIC = [
    ("项目", "2024年预算数", "2025年预算数"),
    ("合计", "3.40", "3.00"),
    ("因公出国（境）费", "0.00", "0.00"),
    ("公务用车运行维护费", "2.60", "2.40"),
    ("公务接待费", "0.80", "0.60"),
]
INDICATORS = [
    ("一级指标", "二级指标", "三级指标", "指标值"),
    ("产出指标", "数量指标", "数字化加工画幅数", "≥42万画幅"),
    ("产出指标", "质量指标", "图像质量合格率", "≥99.5%"),
    ("产出指标", "成本指标", "每画幅加工成本", "≤2.80元"),
]
DISCLOSURE = f"""示例市示例区档案馆

2025年单位预算

一、收入预算情况
2025年财政拨款收入150.00万元，比2024年增加10.00万元。
基本支出表、项目支出表按经济分类编制。2025年支出预算300.00万元，其中基本支出150.00万元，包括人员经费120.00万元、日常公用经费30.00万元。

二、项目支出预算情况
2025年项目支出预算150.00万元，共2个项目，其中：馆藏档案数字化加工118.00万元；库房安全运维32.00万元。

三、“三公”经费预算表
单位：万元
{word_dump(THREE_PUBLIC)}

四、馆藏档案数字化加工项目绩效目标表
{word_dump(INDICATORS)}
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("parts"), embeddings,
                             {"example-archives-2025-unit-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例区档案馆2025年公车运行费里油费花了多少", "示例区档案馆公车运行费中的维修费多少"])
def test_a_part_the_document_does_not_give_is_not_answered_with_its_whole(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "not_found" and "2.4" not in answer.text, answer.text


def test_the_whole_itself_is_answered(assistant):
    answer = assistant.ask("示例区档案馆2025年公车运行费多少")
    assert answer.value == 2.4 and answer.unit == "万元", answer.text


def test_a_projects_money_is_not_a_unit_cost_of_its_indicators(assistant):
    answer = assistant.ask("示例区档案馆馆藏档案数字化加工项目安排了多少钱")
    assert answer.value == 118.0 and answer.unit == "万元", answer.text
    per_unit = assistant.ask("示例区档案馆数字化加工每画幅加工成本是多少")
    assert per_unit.value == 2.8 and per_unit.unit == "元", per_unit.text
    assert "≤2.80元" in per_unit.text  # a target as the form prints it


def test_a_target_is_shown_as_printed(tmp_path_factory, embeddings):
    """A limit printed "≤50元" is shown so, never "≤50.00元"."""
    library = written_assistant(tmp_path_factory.mktemp("printed-target"), embeddings, {
        "shili-county-library_2025_unit-budget.txt": "示例县图书馆2025年单位预算\n纸质图书采购项目绩效目标表\n"
        "项目名称\t纸质图书采购\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t成本指标\t平均每册采购成本\t≤50元\n"})
    answer = library.ask("示例县图书馆纸质图书采购平均每册的采购成本指标是多少")
    assert answer.value == 50 and "≤50元" in answer.text and "50.00" not in answer.text, answer.text


def test_a_target_counted_in_a_unit_of_its_own_is_found_by_it(assistant):
    answer = assistant.ask("示例区档案馆数字化加工项目今年要扫多少画幅")
    assert answer.value == 42.0 and answer.unit == "万画幅", answer.text
    assert "42万画幅" in answer.citations[0].quote


def test_of_which_asks_inside_the_item_before_never_a_figure_of_that_name_elsewhere(assistant):
    project = assistant.ask("示例区档案馆馆藏档案数字化加工项目安排了多少钱")
    assert project.value == 118.0, project.text
    part = assistant.ask("其中财政拨款多少", context=project.context)
    assert part.kind == "not_found" and "150" not in part.text, part.text
    assert "馆藏档案数字化加工项目里财政拨款" in (part.assumed or "")
    whole = assistant.ask("示例区档案馆2025年财政拨款收入多少")
    assert whole.value == 150.0, whole.text


def test_the_projects_a_paragraph_lists_are_ranked_when_no_table_lists_them(assistant):
    answer = assistant.ask("示例区档案馆2025年哪个项目花钱最多")
    assert answer.value == 118.0 and "馆藏档案数字化加工最多" in answer.text and "其次是库房安全运维" in answer.text, answer.text
    assert len(answer.citations) == 2 and "118.00" in answer.citations[0].quote
