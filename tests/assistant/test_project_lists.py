""""有哪些项目，各多少钱" lists the rows of the department's project table, each with its money and its citation."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

BUDGET = """泜岵县科学技术协会2025年部门预算
第二部分 2025年部门预算表
项目支出预算表
单位：万元
序号\t项目名称\t功能科目\t合计\t一般公共预算拨款
\t合计\t\t41.00\t41.00
1\t青少年科技创新大赛\t2060702 科普活动\t18.00\t18.00
2\t基层科普行动计划\t2060702 科普活动\t15.00\t15.00
3\t科技工作者状况调查\t2069999 其他科学技术支出\t8.00\t8.00
项目支出绩效目标表
项目名称\t青少年科技创新大赛\t\t
实施单位\t县科协本级\t项目资金（万元）\t18.00
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t参赛学生人数\t≥500人
项目名称\t基层科普行动计划\t\t
实施单位\t县科协本级\t项目资金（万元）\t15.00
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t科普活动场次\t≥30场
第三部分 2025年部门预算情况说明
2025年项目支出41.00万元，主要用于科普活动。
"""

DOCS = {"zhihu-county-association-for-science-and-technology_2025_dept-budget.txt": BUDGET}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("project_lists"), embeddings, DOCS)


@pytest.mark.parametrize("question", ["泜岵县科协2025年有哪些项目？各多少钱？", "泜岵县科学技术协会都有什么项目"])
def test_the_projects_asked_are_the_project_tables_rows(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    for name, figure in (("青少年科技创新大赛", "18.00"), ("基层科普行动计划", "15.00"), ("科技工作者状况调查", "8.00")):
        assert name in answer.text and any(name in c.quote and figure in c.quote for c in answer.citations)
    assert len(answer.citations) == 3


def test_the_projects_with_targets_are_listed_but_a_project_without_any_has_none(assistant: Assistant) -> None:
    """"报了绩效目标的项目" lists the goals tables' projects; "某项目的绩效指标有哪些" of a project no goals table is of
    is not answered with the others'."""
    for question in ("泜岵县科协报了绩效目标的项目都是啥", "泜岵县科协2025年报了绩效目标的2个项目都是啥"):
        listed = assistant.ask(question)
        assert "青少年科技创新大赛" in listed.text and "基层科普行动计划" in listed.text, listed.text
    answer = assistant.ask("泜岵县科协科技工作者状况调查项目的绩效指标有哪些")
    assert answer.kind == "not_found" and "青少年" not in answer.text, answer.text
