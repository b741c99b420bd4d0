"""A project asked of the sub-unit that carries it out ("某站的…项目计划检测多少批次") is answered from the department's
project and 绩效目标 tables when the project's row names that unit; asked of another unit, or an item that is no
project, the department's figure never answers for the unit. A project's total with last year's carry-over in it is
the one its sentence states ("另有上年结转资金80.00万元，合计安排530.00万元")."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

BUDGET = """示例市发展和改革委员会2025年部门预算
第一部分 部门概况
纳入本部门2025年部门预算编制范围的单位共3个：示例市发展和改革委员会（本级）；示例市价格认证中心，承担价格认定工作；示例市粮油质量监测站，承担全市粮油质量安全监测工作。
第二部分 部门预算表
表2 部门收入总表
单位：万元
单位名称	合计	一般公共预算拨款收入	其他收入
合计	4428.30	4403.30	25.00
示例市发展和改革委员会（本级）	3162.00	3162.00
示例市价格认证中心	440.40	440.40
示例市粮油质量监测站	825.90	800.90	25.00
表10 项目支出预算表
单位：万元
项目名称	实施单位	合计	一般公共预算	其他资金
重大项目前期工作经费	示例市发展和改革委员会（本级）	450.00	450.00
价格认证及成本监审	示例市价格认证中心	80.00	80.00
粮油质量安全监测	示例市粮油质量监测站	193.00	168.00	25.00
表12 项目支出绩效目标表
项目名称	粮油质量安全监测
实施单位	示例市粮油质量监测站	项目金额	193.00
一级指标	二级指标	三级指标	指标值
产出指标	数量指标	粮油样品检测数量	≥1,200批次
产出指标	质量指标	检测结果准确率	≥99%
表7 “三公”经费支出预算表
单位：万元
项目	2025年预算数
合计	30.00
1.公务用车购置及运行费	30.00
其中：（1）公务用车购置费	12.00
（2）公务用车运行费	18.00
第三部分 部门预算情况说明
2025年本部门公务接待费预算6.00万元。
重大项目前期工作经费另有上年结转资金80.00万元，2025年合计安排530.00万元。
第四部分 下属单位预算情况
示例市粮油质量监测站为本部门所属公益一类事业单位。2025年该站支出预算825.90万元，其中：基本支出607.90万元，项目支出218.00万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit-projects"), embeddings,
                             {"shili-city-development-reform-commission_2025_dept-budget.txt": BUDGET})


@pytest.mark.parametrize("question, value, unit", [
    ("示例市粮油质量监测站的粮油质量安全监测项目计划检测多少批次粮油样品？", 1200, "批次"),
    ("示例市粮油质量监测站粮油质量安全监测项目安排了多少钱", 193, "万元"),
    ("示例市粮油质量监测站2025年收入是多少", 825.9, "万元"),  # the unit's own row, as before
    ("示例市粮油质量监测站2025年项目支出预算是多少", 218, "万元"),  # the unit's whole, never its one project's 193
])
def test_a_units_own_project_is_answered_from_the_departments_tables(assistant, question, value, unit):
    answer = assistant.ask(question)
    assert answer.kind == "number" and (answer.value, answer.unit) == (value, unit), answer.text


@pytest.mark.parametrize("question", ["示例市价格认证中心的粮油质量安全监测项目多少钱",  # another unit's project
                                      "示例市粮油质量监测站的公务接待费是多少"])  # the department's item, not the unit's
def test_no_department_figure_answers_for_a_unit_it_is_not_of(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind != "number" and answer.value is None, answer.text


@pytest.mark.parametrize("question, value", [("示例市发改委2025年重大项目前期工作经费算上上年结转一共多少", 530),
                                             ("示例市发改委2025年重大项目前期工作经费安排了多少", 450)])
def test_a_projects_total_with_its_carry_over_is_the_sentences(assistant, question, value):
    """"算上上年结转一共多少": the total the sentence states with the carry-over in it, not the year's row alone."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text


def test_a_part_s_row_is_named_without_its_lead_and_list_mark(assistant):
    """The row "其中：（1）公务用车购置费" is shown as 公务用车购置费."""
    answer = assistant.ask("示例市发改委2025年三公经费里买车的钱是多少")
    assert answer.value == 12 and "公务用车购置费" in answer.text and "其中" not in answer.text, answer.text


SCIENCE = """示例县科学技术局2025年部门预算
第一部分 部门概况
下属事业单位1个：示例县科技创新服务中心，主要承担科技企业孵化服务和科普工作。
第二部分 部门预算表
表2 部门收入预算总表
单位：万元
单位名称	合计	一般公共预算拨款收入
合计	1500.00	1500.00
示例县科学技术局（本级）	1132.51	1132.51
示例县科技创新服务中心	367.49	367.49
表10 项目支出预算表
单位：万元
序号	项目名称	实施单位	2024年预算数	2025年预算数
	合计		400.00	450.00
1	县级科技计划项目	示例县科学技术局（本级）	180.00	200.00
2	科技企业孵化器运营补助	示例县科技创新服务中心	85.00	96.00
3	科技创新平台设备购置	示例县科技创新服务中心	40.00	0.00
表10 项目支出预算表（续）
序号	项目名称	实施单位	2024年预算数	2025年预算数
4	全国科技活动周及科普宣传	示例县科技创新服务中心	55.00	52.00
5	科技特派员服务	示例县科技创新服务中心	40.00	40.00
6	知识产权保护	示例县科学技术局（本级）	0.00	62.00
"""


@pytest.fixture(scope="module")
def science(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit-projects-total"), embeddings,
                             {"example-science-2025-dept-budget.txt": SCIENCE})


@pytest.mark.parametrize("question", ["示例县科技创新服务中心实施的项目2025年一共安排多少万元？", "示例县科技创新服务中心负责的项目一共多少钱"])
def test_the_projects_a_unit_carries_out_are_added_up_over_the_tables_pieces(science: Assistant, question: str) -> None:
    """The rows naming the unit as theirs, in the 2025 column, also where the table goes on under "（续）"."""
    answer = science.ask(question)
    assert answer.kind == "number" and answer.value == 188.0, answer.text
    assert len(answer.citations) == 4 and all("示例县科技创新服务中心" in c.quote for c in answer.citations), answer.citations


def test_projects_over_a_bound_are_read_from_every_piece_of_the_table(science: Assistant) -> None:
    answer = science.ask("示例县科学技术局2025年哪些项目安排超过60万元？")
    assert "超过60万元的有3个" in answer.text and "知识产权保护62.00万元" in answer.text, answer.text
