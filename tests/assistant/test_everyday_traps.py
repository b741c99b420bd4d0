"""Everyday questions that invite a wrong figure: a per-head figure for a total or a total for a per-head one, the
1 a rate is per, a small sum shown as 0万元, one use of an item's money named after its main one, last year's
figure in the same sentence, the 总计 that holds the balance carried forward for what was spent (and the 合计 for a
总计 asked by name), a project's score read as a score of anything else, and a column of scores read as money."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

LIBRARY = """示例市示例图书馆

2025年单位预算

一、单位基本情况
示例市示例图书馆是公益一类事业单位。
二、收支预算总体情况
示例市示例图书馆2025年收支预算总额2745.50万元，上年预算数2626.00万元，比上年增加119.50万元，增长4.55%。
其中财政拨款支出预算2512.00万元，比上年增加113.50万元，增长4.73%。
三、项目情况
文献资源建设项目预算420.00万元，按全市常住人口58.30万人计算，人均购书经费7.20元；2025年计划接待读者90万人次以上，每接待1人次读者的财政拨款支出约31.07元。
四、支出功能分类情况
基层服务（项）1538.00万元，主要用于12个分馆的基本运行补助和志愿者补贴。
五、机关运行经费
机关运行经费共计安排116.70万元。
"""

FINAL = """示例县示例局

2024年度部门决算

一、部门职责
示例县示例局负责全县示例工作。本局于2019年成立。
二、收入支出决算总体情况
2024年度收入、支出总计均为8588.55万元。本年收入合计8493.51万元，本年支出合计8493.51万元，其中基本支出2318.75万元，项目支出6174.76万元；年末结转和结余95.04万元。
三、其他重要事项
截至2024年12月31日，本部门共有车辆6辆。示例整治项目于2024年11月20日全部完工。示例保障项目于2024年9月启动。
2024年度本部门对示例保障、示例整治2个项目开展绩效自评。其中：示例保障项目全年预算620.50万元，执行率100%，自评得分96分；示例整治项目全年预算186.00万元，执行率99.68%，自评得分93分。
"""

TOWNSHIP = """示例县示例乡人民政府

2024年度部门决算

一、部门职责
示例乡人民政府负责全乡经济社会事务。
表10 项目支出决算及绩效自评表
单位：万元
项目名称\t全年预算数\t决算数\t执行率（%）\t自评得分
合计\t100.00\t96.00\t96.00\t
示例村道路提升工程\t60.00\t60.00\t100.00\t96
示例茶叶加工厂配套设施项目\t40.00\t36.00\t90.00\t88
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("everyday-traps"), embeddings, {
        "example-library-2025-unit-budget.txt": LIBRARY, "example-bureau-2024-dept-final-account.txt": FINAL,
        "example-township-2024-dept-final-account.txt": TOWNSHIP})


@pytest.mark.parametrize("question, value, unit", [
    ("示例图书馆人均购书经费多少钱", 7.2, "元"),  # never 0万元
    ("示例图书馆2025年计划接待多少人次读者", 90, "万人次"),  # never the 1 of 每接待1人次
    ("示例图书馆2025年预算比上年增长百分之几", 4.55, "%"),  # the whole's own rate, not 财政拨款's
    ("示例局2024年一共花了多少钱", 8493.51, "万元"),  # 本年支出合计, not the 总计 with the balance carried forward
    ("示例局2024年决算收入总计是多少", 8588.55, "万元"),  # the 总计 asked by name, not 本年收入合计
    ("示例局示例整治项目绩效自评得了多少分", 93, "分"),  # the score after the project's other figures is the project's
    ("示例乡那个茶叶加工厂配套设施项目绩效自评得了多少分", 88, "分"),  # a 自评得分 column: points, never 万元
    ("示例乡道路提升工程自评多少分", 96, "分"),  # 自评 asks no indicator's 实际完成值 of a project's own score
])
def test_the_figure_asked_is_the_one_answered(assistant, question, value, unit):
    answer = assistant.ask(question)
    assert answer.kind == "number" and (answer.value, answer.unit) == (value, unit), answer.text


@pytest.mark.parametrize("question, never", [
    ("示例图书馆购书经费人均是多少", 420),
    ("示例图书馆2025年志愿者人均补贴多少", 1538),  # no per-head figure is stated
    ("示例图书馆2025年给志愿者发了多少补贴", 1538),  # 志愿者补贴 is one use of 基层服务's money, after the main one
])
def test_no_figure_of_another_kind_answers(assistant, question, never):
    answer = assistant.ask(question)
    assert answer.value != never, answer.text


def test_a_per_head_question_is_never_answered_from_a_sentence_about_the_whole(assistant):
    """办公经费 is found as 机关运行经费 in a sentence about the whole sum: no per-head figure."""
    answer = assistant.ask("示例图书馆人均办公经费多少")
    assert answer.value != 116.7, answer.text


def test_when_something_happened_is_answered_only_by_a_date_given_for_it(assistant):
    done = assistant.ask("示例局示例整治项目什么时候完工的")
    assert done.kind == "text" and "2024年11月20日" in done.text, done.text
    founded = assistant.ask("示例局是哪一年成立的")  # a year the event is said to happen in
    assert founded.kind == "text" and "2019年成立" in founded.text, founded.text
    bought = assistant.ask("示例局的车是哪一年买的")  # the date a stock is counted at says nothing of when
    assert bought.kind == "not_found", bought.text
    day = assistant.ask("示例局示例保障项目是哪一天启动的")  # a month is no day
    assert day.kind == "not_found", day.text
