"""A question asking one side of a project (立项依据, 实施主体, 实施方案, 实施周期) is answered with the text
under that heading of the project it names, quoted exactly; a body's own wording of the heading or a
colloquial phrasing both ask for it."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from assistant.plan import Operation
from assistant.vocabulary import asked_aspects, section_aspects
from tests.assistant.conftest import written_assistant

PROJECTS = """示例市示例区示例局

2025年部门预算

目录
一、部门主要职能
二、收入支出预算总表

一、部门主要职能
示例局负责全区示例工作的统筹规划、政策制定和监督检查，指导街镇开展示例服务。
二、收入支出预算总表
项目	金额
收入总计	800.00
三、其他相关情况说明
示例局2025年无政府采购预算。

社区示例书屋建设项目经费情况说明
一、项目概况
社区示例书屋建设项目为新建三处居民服务书屋，总面积1200平方米。
二、立项依据
根据《示例区便民服务设施三年行动计划》立项。
三、实施主体
由示例局综合科、规划科负责组织实施。
四、实施方案
书屋采用装配式结构，屋顶设置光伏板，室内分为议事区和阅读区。
五、实施周期
第一季度完成招标，第二季度开工建设，第四季度竣工验收。

河道示例保洁项目经费情况说明
一、项目概况
河道示例保洁项目负责全区八条河道的日常保洁。
二、立项依据
依据《示例区河道管理办法》立项。
三、实施主体
由示例局水务科负责组织实施。
四、实施方案
委托专业保洁公司按日巡查打捞，每月考核。
五、实施周期
全年持续实施。
六、年度预算安排
项目总预算80万元，其中河道打捞50万元，岸线养护30万元。

贸易高质量发展专项（政策资金）经费情况说明
一、项目概述
推动贸易高质量发展，完成外贸指标任务。
二、年度预算安排
项目总预算2921万元，其中支持外贸发展370万元，支持总部经济2551万元。

生命健康专项（政策资金）经费情况说明
一、项目概述
推动生命健康产业高质量发展，完成经济指标任务。
二、年度预算安排
项目总预算1170万元，其中支持企业规模化发展870万元，支持企业国际化发展300万元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("section-answers"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": PROJECTS})


@pytest.mark.parametrize("question, said, not_said", [
    ("示例局社区示例书屋建设项目是依据什么立项的", "三年行动计划", "河道管理办法"),
    ("河道示例保洁项目的立项依据是什么", "河道管理办法", "三年行动计划"),
    ("示例书屋项目由哪些科室负责", "综合科、规划科", "水务科"),
    ("河道保洁项目谁来实施", "水务科", "综合科"),
    ("社区示例书屋建设项目具体怎么实施", "光伏板", "保洁公司"),
    ("示例书屋设计上有什么讲究", "议事区和阅读区", "保洁公司"),
    ("社区示例书屋建设项目的实施周期是怎么安排的", "第四季度竣工验收", "全年持续实施"),
    ("河道示例保洁项目什么时候实施", "全年持续实施", "竣工验收"),
    ("示例局贸易高质量发展专项资金怎么分配", "支持外贸发展", "规模化发展"),
    ("示例局生命健康专项的钱分成哪几块", "规模化发展", "支持外贸发展"),
])
def test_a_side_of_a_project_is_the_text_under_its_heading(assistant, question, said, not_said):
    answer = assistant.ask(question)
    assert answer.kind == "text", answer.text
    assert said in answer.text and not_said not in answer.text
    citation = answer.citations[0]
    assert said in citation.quote
    assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote
    assert citation.section and citation.section.endswith(("立项依据", "实施主体", "实施方案", "实施周期", "年度预算安排"))


@pytest.mark.parametrize("question", ["书屋项目是依据什么立项的", "河道保洁项目由哪些科室负责", "书屋项目怎么实施"])
def test_asking_a_side_is_a_text_question(assistant, question):
    plan = parse_question(question, assistant.index.documents())
    assert plan.operation is Operation.TEXT and not plan.wants_number


@pytest.mark.parametrize("question, heading", [
    ("这个项目依据什么立项", "立项依据"),
    ("哪些科室负责", "实施主体"),
    ("具体怎么实施", "实施方案"),
    ("实施周期怎么安排", "实施周期"),
    ("工程什么时候完工", "实施周期"),
])
def test_sides_are_asked_by_name_or_phrasing(question, heading):
    assert heading in asked_aspects(question)


def test_every_side_has_phrasings_and_no_phrasing_asks_two_sides():
    sides = section_aspects()
    assert sides and all(sides.values())
    phrasings = [p for side in sides.values() for p in side]
    assert len(phrasings) == len(set(phrasings))
    assert asked_aspects("行政运行预算是多少") == {}


@pytest.mark.parametrize("question", ["书屋项目实施周期有几个季度", "河道保洁项目实施周期多长", "驿站项目要多久"])
def test_a_side_asked_as_a_quantity_is_no_text_question(question):
    assert parse_question(question, []).operation is not Operation.TEXT


@pytest.mark.parametrize("question", ["示例局主要管哪些事", "示例局是干什么的", "示例局的主要职能是什么"])
def test_what_a_body_does_is_the_paragraph_under_its_functions_heading_not_the_contents(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "text" and "统筹规划、政策制定和监督检查" in answer.text, answer.text
    assert "二、收入支出预算总表" not in answer.text


WELFARE_HOME = """示例市示例区示例福利院

2024年单位预算

目 录
一、单位主要职能
二、单位机构设置

示例市示例区示例福利院主要职能
示例市示例区示例福利院是收养社会孤老、寄养有家老人的事业单位。
主要职能包括：
1.负责福利院的日常管理、运营维护等工作。
2.组织志愿者为在院老人开展志愿服务。

示例市示例区示例福利院机构设置
示例市示例区示例福利院设5个内设机构，包括：院长室、办公室、财务室、护理部、后勤部。
"""


def test_a_heading_that_opens_with_the_bodys_name_gives_its_paragraph_and_list(tmp_path_factory, embeddings):
    home = written_assistant(tmp_path_factory.mktemp("welfare-home"), embeddings,
                             {"example-home-2024-unit-budget.txt": WELFARE_HOME})
    answer = home.ask("示例福利院是干什么的")
    assert answer.kind == "text", answer.text
    assert "收养社会孤老" in answer.text and "组织志愿者" in answer.text and "院长室" not in answer.text


OFFICE = """示例市示例区人民政府办公室

2025年部门预算

目 录
一、部门主要职能 ……………………………………………………………………………………
二、部门机构设置 ……………………………………………………………………………………

示例市示例区人民政府办公室主要职能
示例市示例区人民政府办公室是协助区政府领导处理日常工作的区政府工作部门。
主要职能包括：
1.组织起草以区政府名义发布的文件。
2.负责区政府会议的准备工作。
"""


@pytest.mark.parametrize("question", ["示例区政府办公室是干什么的", "示例区政府办公室主要职能是什么"])
def test_functions_are_never_a_contents_line_nor_only_the_sentence_naming_the_body(tmp_path_factory, embeddings, question):
    office = written_assistant(tmp_path_factory.mktemp("office"), embeddings, {"example-office-2025-dept-budget.txt": OFFICE})
    answer = office.ask(question)
    assert answer.kind == "text" and "组织起草" in answer.text and "……" not in answer.text, answer.text


@pytest.mark.parametrize("question, value, named", [
    ("示例局生命健康专项比贸易高质量发展专项少多少", 1751.0, "生命健康专项比贸易高质量发展专项少"),
    ("示例局贸易高质量发展专项和生命健康专项一共多少", 4091.0, "贸易高质量发展专项、生命健康专项合计"),
    ("示例局贸易高质量发展、生命健康两个专项一共多少", 4091.0, "贸易高质量发展专项、生命健康专项合计"),
])
def test_figures_named_by_their_projects_heading_are_computed_with(assistant, question, value, named):
    """项目总预算 names no item of its own: it is the total of the project whose explanation it stands in."""
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value and named in answer.text, answer.text
    assert len(answer.citations) == 2
