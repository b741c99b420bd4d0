"""A 下属单位 no document is of, asked about by name, is answered from its row in its department's tables by unit:
the total under the asked side of a table of units' 收入 and 支出, never the total of a table of one item (三公), a
colloquial item through the documents' term for it (招待费: the 公务接待费 column), a count in its unit (编制数（名）)."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.sub_units import unit_written_out
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例司法局
2025年部门预算

一、主要职能
（一）负责全市司法行政工作，指导、监督全市法律援助中心和公共法律服务工作。
（二）完成市委、市政府交办的其他任务。
本部门机关运行经费预算95.36万元，比上年增加3.46万元。法律援助中心为公益一类事业单位，其公用经费42.36万元不纳入机关运行经费统计。

二、部门预算单位构成
纳入本部门预算编制范围的单位共2个：示例市示例司法局（本级），为行政单位；示例市示例法律援助中心，为局属公益一类事业单位，主要承担全市法律援助案件受理、审查和指派等工作。
序号	单位名称	单位性质	编制数（名）	年末实有人数（人）
1	示例市示例司法局（本级）	行政单位	45	42
2	示例市示例法律援助中心	公益一类事业单位	36	33

表7 一般公共预算“三公”经费支出表
单位：万元
单位名称\t合计\t因公出国（境）费\t公务用车运行费\t公务接待费
合计\t12.00\t0.00\t9.60\t2.40
示例市示例司法局（本级）\t9.20\t0.00\t7.20\t2.00
示例市示例法律援助中心\t2.80\t0.00\t2.40\t0.40

表12 部门所属单位收支预算汇总表
单位：万元
单位名称\t收入预算\t\t支出预算\t\t
单位名称\t合计\t一般公共预算拨款\t合计\t基本支出\t项目支出
合计\t5001.15\t5001.15\t5001.15\t2000.00\t3001.15
示例市示例司法局（本级）\t3874.45\t3874.45\t3874.45\t1687.52\t2186.93
示例市示例法律援助中心\t1126.70\t1126.70\t1126.70\t312.48\t814.22

表13 项目支出绩效目标表（示例市示例法律援助中心）
单位：万元
项目名称\t法律援助案件补贴\t\t
实施单位\t示例市示例法律援助中心\t\t
项目资金（万元）\t300.00\t\t
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t办理法律援助案件数\t≥1200件
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit-rows"), embeddings,
                             {"example-justice-2025-dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question, value", [
    ("示例市示例法律援助中心2025年支出预算多少", 1126.70),  # 支出预算/合计, not the 三公 table's 合计 (2.80)
    ("示例市示例法律援助中心2025年项目支出多少", 814.22),
    ("示例市示例法律援助中心2025年招待费多少", 0.40),  # 招待费 is the 公务接待费 column
    ("示例市示例法律援助中心2025年预算总额是多少", 1126.70),  # its whole: no one item's table (三公) stands first
    ("示例市示例法律援助中心年末实有多少人", 33),  # a count in a column whose header says its unit (人)
    ("示例市示例法律援助中心有多少个编制", 36),
])
def test_a_sub_units_row_answers_in_the_column_asked(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert answer.citations[0].table and answer.citations[0].table.row[-1].endswith("法律援助中心"), answer.citations


def test_a_units_figure_its_sentence_states_answers_where_no_row_has_it(assistant):
    answer = assistant.ask("示例市示例法律援助中心2025年的公用经费有多少")
    assert answer.kind == "number" and answer.value == pytest.approx(42.36), answer.text


def test_a_project_the_unit_carries_out_is_answered_from_its_goals_table(assistant):
    """The goals table of a project the unit carries out is of the unit, but not the unit's whole money: the unit's
    row in the table by unit answers its totals (above), the goals table the project's figures."""
    answer = assistant.ask("示例市示例法律援助中心办理法律援助案件数目标是多少")
    assert answer.kind == "number" and answer.value == pytest.approx(1200), answer.text


def test_what_a_sub_unit_does_is_the_sentence_naming_it_not_its_departments_duties(assistant):
    answer = assistant.ask("示例市示例法律援助中心主要负责什么")
    assert answer.kind == "text" and "法律援助案件受理" in answer.text and "交办的其他任务" not in answer.text, answer.text


def test_a_unit_asked_by_its_short_name_is_the_one_the_document_writes_out(assistant):
    answer = assistant.ask("示例市示例司法局法援中心2025年支出预算多少")  # 法援中心: 示例市示例法律援助中心
    assert answer.kind == "number" and answer.value == pytest.approx(1126.70), answer.text


@pytest.mark.parametrize("question, value", [
    ("示例市示例法援中心2025年支出预算多少", 1126.70),  # only the unit, by its short name
    ("示例市法援中心2025年项目支出多少", 814.22),
])
def test_a_unit_asked_alone_by_its_short_name_is_the_one_its_departments_tables_write_out(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert answer.citations[0].table and answer.citations[0].table.row[-1].endswith("法律援助中心"), answer.citations


@pytest.mark.parametrize("question, value", [
    ("示例市示例法援中心2025年的公用经费有多少", 42.36),  # its sentence
    ("示例市示例法援中心办理法律援助案件数目标是多少", 1200),  # its project's goals table
])
def test_a_unit_asked_alone_by_its_short_name_is_answered_from_its_own_places(assistant, question, value):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == pytest.approx(value), answer.text
    assert answer.question == question


STATION = """溆岭市救助管理站2025年单位预算
一、机构设置
溆岭市救助管理站下设溪东分站1个，溪东分站不单独核算，其收支纳入本单位预算。溪东分站设救助床位30张。
二、收支预算情况
2025年支出预算716.41万元，其中：基本支出373.91万元（人员经费320.97万元，公用经费52.94万元）；项目支出342.50万元。
2025年为溪东分站安排项目支出54.80万元，主要用于街面巡查救助和站舍维修改造。
"""


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("station"), embeddings,
                             {"xuling-city-relief-station-2025-unit-budget.txt": STATION})


def test_a_part_not_accounted_apart_is_answered_only_by_figures_naming_it(station):
    """The station's 人员经费 is no figure of its 分站; the 分站's own project money and beds are."""
    refused = station.ask("溆岭救助站溪东分站2025年人员经费是多少")
    assert refused.kind == "not_found" and "溪东分站" in refused.text, refused.text
    assert station.ask("溆岭救助站溪东分站2025年项目支出是多少").value == pytest.approx(54.80)
    assert station.ask("溆岭救助站溪东分站有几张床位").value == pytest.approx(30)


def test_a_short_name_is_written_out_by_the_body_words_it_leaves_out_never_by_a_place():
    text = "岑阳市雁汀区档案馆2025年单位预算。下属雁汀区疾病预防控制中心。"
    assert unit_written_out(text, "雁汀区疾控中心") == "雁汀区疾病预防控制中心"
    assert unit_written_out(text, "岑阳市档案馆") is None  # the city's archive is not the district's
