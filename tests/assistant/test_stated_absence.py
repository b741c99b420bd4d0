"""An item the document says it has none of is answered by that statement, even where words of the item would
reach another item's figure (运行经费 of 机关运行经费 in 财政拨款运行经费); where the document also states a
figure of the item, the answer gives it and says the document contradicts itself. "X2025年未安排预算" names the item
before saying it has none; "X：年初未安排预算，全年预算为…" says only the first budget had none."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例州第一人民医院

2025年单位预算公开说明

一、收入预算
2025年收入预算9000.00万元，其中财政拨款700.00万元、事业收入8300.00万元。
二、机关运行经费情况
本单位为公益二类事业单位，不属于机关运行经费的统计范围，未安排机关运行经费。
三、政府采购情况
2025年政府采购预算320.00万元。本单位不属于绩效考评统计范围。
四、“三公”经费情况
2025年“三公”经费预算数为12.50万元。
注:本单位2025年无“三公”经费预算，故本表为空表。
五、公务用车情况
其中：公务用车购置费2025年未安排预算，比2024年减少28.00万元，主要原因是2024年已更新购置公务用车1辆。
"""

FINAL = """示例县示例局2024年度部门决算

一般公共预算财政拨款“三公”经费支出决算情况说明
（二）公务用车购置费：年初未安排预算，全年预算为24.00万元，支出决算为23.68万元，完成全年预算的98.67%。
截至2024年12月31日，本部门单位价值100万元以上专用设备1台（套），为应急指挥通信车载系统。
二、一般公共预算财政拨款支出决算情况说明
1.卫生健康支出（类）公共卫生（款）突发公共卫生事件应急处理（项）：年初预算为0.00万元，调整预算为100.00万元，支出决算为98.60万元。年初预算未安排，年中追加发热门诊运行补助资金。
2.住房保障支出（类）城乡社区住宅（款）住房公积金管理（项）：年初预算为1,486.23万元，支出决算为1,512.75万元。
三、其他说明
住房公积金缴存、提取、贷款等住房公积金资金收支不纳入本单位决算，按规定另行编制住房公积金年度报告。
示例县示例局实行垂直管理，地方经费保障纳入县级部门决算。
本局另设东城、西城2个执法分局，分局单独编报部门决算，不纳入本部门决算。
东溪镇、西岭乡2个基层所的经费分别列入所在乡镇的部门决算，不在本决算中反映。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("stated-absence"), embeddings,
                             {"example-hospital-2025-unit-budget.txt": DISCLOSURE,
                              "example-county-example-bureau-2024-dept-final-account.txt": FINAL})


def test_a_stated_absence_beats_another_items_figure(assistant: Assistant):
    answer = assistant.ask("示例州第一人民医院2025年机关运行经费多少")
    assert answer.value == 0 and "不属于机关运行经费的统计范围" in answer.text
    assert all("700" not in c.quote for c in answer.citations)


def test_an_item_the_document_states_is_still_its_figure(assistant: Assistant):
    answer = assistant.ask("示例州第一人民医院2025年政府采购预算多少")
    assert answer.kind == "number" and answer.value == 320


def test_a_figure_the_document_also_says_it_has_none_of_is_flagged(assistant: Assistant):
    answer = assistant.ask("示例州第一人民医院2025年三公经费预算多少")
    assert answer.kind == "number" and answer.value == 12.5
    assert "不一致" in answer.text and any("无“三公”经费预算" in c.quote for c in answer.citations)


def test_an_item_that_does_not_apply_is_said_so_never_as_0(assistant: Assistant):
    answer = assistant.ask("示例州第一人民医院2025年绩效考评多少")
    assert answer.kind == "text" and "不属于绩效考评统计范围" in answer.text and answer.value is None, answer.text


@pytest.mark.parametrize("question", ["示例州第一人民医院2025年买车的钱安排了多少", "示例州第一人民医院2025年公务用车购置费多少"])
def test_none_said_after_the_item_is_0(assistant: Assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == 0 and "公务用车购置费为0万元" in answer.text, answer.text
    assert any("2025年未安排预算" in c.quote for c in answer.citations)


def test_none_in_the_first_budget_is_no_absence_of_the_item(assistant: Assistant):
    answer = assistant.ask("示例县示例局2024年公务用车购置费决算多少")
    assert answer.kind == "number" and answer.value == pytest.approx(23.68), answer.text


def test_whether_an_item_had_a_budget_says_what_the_document_says_of_its_zero(assistant: Assistant):
    """"年初有预算吗" of an item whose 年初预算 is 0.00: no, and the sentence after it saying why."""
    answer = assistant.ask("示例县示例局2024年突发公共卫生事件应急处理年初有预算吗")
    assert answer.text.startswith("没有") and "年中追加" in answer.text, answer.text
    assert any("年中追加" in c.quote for c in answer.citations)


def test_whether_it_has_a_thing_it_counts_names_which_one(assistant: Assistant):
    """"有没有100万元以上的专用设备" of 1台（套），为…: yes, the count, and the clause after it naming the one."""
    answer = assistant.ask("示例县示例局有没有100万元以上的专用设备")
    assert answer.text.startswith("有") and "应急指挥通信车载系统" in answer.text, answer.text
    assert any("应急指挥通信车载系统" in c.quote for c in answer.citations)


def test_an_item_asked_with_its_basis_and_side_is_the_figure_stated_not_an_absence_of_another(assistant: Assistant):
    """"住房公积金管理（项）决算支出" names the row answered (住房公积金管理（项）…支出决算): the sentence saying the fund's
    own flows are not in the final account is no absence of it."""
    answer = assistant.ask("示例局2024年住房公积金管理（项）决算支出多少")
    assert answer.kind == "number" and answer.value == 1512.75, answer.text


def test_a_figure_the_document_keeps_out_of_its_budget_is_not_found_with_the_statement_quoted(assistant: Assistant):
    """"住房公积金…贷款…不纳入本单位决算，另行编制…年度报告": the document gives no such figure, and says where it is."""
    answer = assistant.ask("示例局2024年发放了多少住房公积金个人贷款")
    assert answer.kind == "not_found" and "另行编制住房公积金年度报告" in answer.text and answer.citations, answer.text


def test_a_statement_of_none_speaks_of_its_documents_year_only(assistant: Assistant):
    """The 2025 budget's "不属于…统计范围" says nothing of 2024's outturn: that figure is not published."""
    answer = assistant.ask("示例州第一人民医院2024年机关运行经费决算实际花了多少")
    assert answer.kind == "not_found"
    assert "统计范围" not in answer.text


@pytest.mark.parametrize("question, listed", [("示例县示例局东城分局的经费在不在示例局这本决算里", "东城、西城2个执法分局"),
                                              ("示例县示例局东溪镇基层所的经费在不在这本决算里", "东溪镇、西岭乡2个基层所")])
def test_whether_a_units_money_is_in_the_document_is_the_sentence_saying_so(assistant: Assistant, question: str, listed: str):
    """A unit listed by its own part before the word the units share (东城、西城2个执法分局): that sentence answers, found
    as the one saying so (route fact), never left to how well some sentence matches the question's words."""
    answer = assistant.ask(question)
    assert answer.kind == "text" and answer.route == "fact" and len(answer.citations) == 1, answer.text
    assert listed in answer.citations[0].quote
