"""Questions about a project's 绩效目标表: a header field of the form of the project named (项目性质, 主管部门,
项目总目标 …) is quoted from that form, label and value, or refused when the form does not state it; an
indicator's target is its figure with its bound, an indicator the question leaves out never the answer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.chain import Assistant
from assistant.form_questions import asked_fields
from assistant.intent import parse_question
from assistant.plan import Operation
from assistant.performance_answers import indicator_answer, named_project, words_said_in
from assistant.vocabulary import field_phrasings, target_words
from ingest.lexicon import search_terms
from ingest.numbers import printed_numbers
from tests.assistant.conftest import written_assistant
from tests.performance_forms_text import FORMS, FORMS_FILE


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("performance-answers"), embeddings, {FORMS_FILE: FORMS})


def _quotes_exactly(assistant: Assistant, answer) -> None:
    for citation in answer.citations:
        assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote


@pytest.mark.parametrize("question, said, label, not_said", [
    ("示例局社区示例驿站建设是什么性质的项目", "阶段性项目", "项目性质", "经常性项目"),
    ("社区示例驿站建设项目在绩效表里算啥性质", "阶段性项目", "项目性质", "经常性项目"),
    ("河道示例保洁属于什么性质的项目", "经常性项目", "项目性质", "阶段性项目"),
    ("社区示例驿站建设是干啥用的", "议事和阅读场所", "项目总目标", "河道"),
    ("河道示例保洁项目的总目标是什么", "打捞水面漂浮物", "项目总目标", "驿站"),
    ("示例便民热线运维经费是干什么用的", "及时受理群众来电", "绩效目标", "驿站"),
    ("社区示例驿站建设的年度目标是啥", "投入使用", "年度总体目标", "议事和阅读"),
    ("社区示例驿站建设的实施单位是哪个", "示例局社区科", "实施单位", "河道科"),
    ("河道示例保洁归哪个部门管", "示例区示例局", "主管部门", "社区科"),
])
def test_a_forms_field_is_quoted_from_the_named_projects_form(assistant, question, said, label, not_said) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "text", answer.text
    assert said in answer.text and not_said not in answer.text
    [citation] = answer.citations
    assert citation.quote.startswith(label) and said in citation.quote
    _quotes_exactly(assistant, answer)


@pytest.mark.parametrize("question", [
    "示例便民热线运维经费是什么性质的项目",
    "示例便民热线运维经费的实施单位是哪个",
    "示例便民热线运维经费归哪个部门管",
])
def test_a_field_the_form_does_not_state_is_refused(assistant, question) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "not_found" and "未列明" in answer.text and not answer.citations, answer.text


@pytest.mark.parametrize("question, value, unit", [
    ("示例局便民热线线路一年普通故障（不算重大故障）最多允许几次", 40, "次"),
    ("示例便民热线线路重大故障一年最多允许几次", 4, "次"),
    ("社区示例驿站建设今年要召开几次居民议事会", 3, "次"),  # 召开议事会三次以上
    ("社区示例驿站建设的绩效目标里要覆盖几个社区", 12, "个"),  # 12个社区全覆盖, valued 社区全覆盖
    ("河道示例保洁一年至少巡查几次河道", 200, "次"),  # 开展不低于200次的河道巡查
    ("社区示例驿站建设的投诉处理满意率要达到多少", 95, "%"),  # 投诉处理满意率不低于95%
])
def test_an_indicators_target_is_its_figure(assistant, question, value, unit) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.value == value and answer.unit == unit, answer.text
    assert any(value in printed_numbers(c.quote) for c in answer.citations)
    _quotes_exactly(assistant, answer)


@pytest.mark.parametrize("question", ["社区示例驿站建设总投资一共多少钱", "社区示例驿站建设建在哪里", "社区示例驿站建设有多大"])
def test_a_question_naming_only_the_project_is_answered_by_none_of_its_indicators(assistant, question) -> None:
    """Not the 规划建筑面积 of its form: the question's words must say what the indicator measures, in its unit."""
    documents = assistant.index.documents()
    facts = assistant.fact_cache.facts([d.doc_id for d in documents])
    assert indicator_answer(parse_question(question, documents), facts, assistant.texts, "万元") is None
    asked = parse_question("社区示例驿站建设的规划建筑面积至少多少平方米", documents)
    assert indicator_answer(asked, facts, assistant.texts, "万元").answer.value == 800


@pytest.mark.parametrize("question", ["示例便民热线的项目性质", "示例便民热线运维经费归谁管", "河道示例保洁什么目标"])
def test_asking_a_field_is_a_text_question(question) -> None:
    plan = parse_question(question, [])
    assert asked_fields(question) and plan.operation is Operation.TEXT and not plan.wants_number


def test_a_side_of_a_projects_explanation_is_no_form_field() -> None:
    assert asked_fields("河道示例保洁谁来实施") == () and asked_fields("驿站建设什么时候") == ()
    assert asked_fields("行政运行预算是多少") == ()


def test_a_longer_phrasing_of_a_field_outweighs_the_side_it_holds() -> None:
    """"什么时候" asks the 实施周期; "什么时候完成" the form's 计划完成日期."""
    assert asked_fields("驿站建设什么时候完成") == ("计划完成日期",)
    assert asked_fields("驿站建设啥时候开工") == ("计划开始日期",)


def test_a_project_is_named_by_most_of_its_words_and_never_by_a_tie() -> None:
    projects = ["公共服务设施运行经费", "新建社区公共服务中心", "各类工作经费"]
    assert named_project("公共服务设施运行经费是干啥用的", projects) == "公共服务设施运行经费"
    assert named_project("新建社区公共服务中心算啥性质", projects) == "新建社区公共服务中心"
    assert named_project("河道示例项目是什么性质", ["河道示例保洁", "河道示例巡查"]) is None  # as many words of each
    assert named_project("示例局是什么性质的单位", projects) is None


def test_the_phrasings_are_consistent() -> None:
    phrasings = [p for p, _ in field_phrasings()]
    assert len(phrasings) == len(set(phrasings)) and all(fields for _, fields in field_phrasings())
    assert "最多" in target_words()


SELF_EVALUATION = """示例县示例农业局2024年度部门决算

一、部门职责
示例县示例农业局负责全县农业生产指导。

二、预算绩效管理情况说明
示例农田建设项目绩效自评情况：项目全年预算数2310.00万元，执行数2079.00万元，执行率90.00%，主要原因是雨季推迟了部分片区施工。

一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因
产出指标\t数量指标\t新建示例农田面积\t≥3.2万亩\t3.25万亩\t20\t20\t
\t\t资助示例农户项目数\t≥1100项\t1120项\t10\t10\t
\t质量指标\t项目工程验收合格率\t100%\t98%\t15\t14\t个别片区整改
满意度指标\t服务对象满意度指标\t项目区受益农户满意度\t≥90%\t94.6%\t15\t15\t
"""


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("self-evaluation"), embeddings,
                             {"example-county-agriculture-2024-final-account.txt": SELF_EVALUATION})


@pytest.mark.parametrize("question, value, unit", [
    ("示例农业局示例农田建设项目受益农户满意度实际是多少", 94.6, "%"),
    ("示例农业局示例农田建设项目受益农户满意度目标是多少", 90, "%"),
    ("示例农业局示例农田建设项目工程验收合格率实际达到了多少", 98, "%"),
    ("示例农业局示例农田建设项目工程验收合格率要求多少", 100, "%"),
    ("示例农业局示例农田建设项目实际新建示例农田面积多少万亩", 3.25, "万亩"),
])
def test_a_self_evaluation_answers_what_was_achieved_or_the_target_as_asked(evaluated, question, value, unit) -> None:
    answer = evaluated.ask(question)
    assert answer.kind == "number" and answer.value == value and answer.unit == unit, answer.text
    assert any(Decimal(str(value)) in printed_numbers(c.quote) for c in answer.citations)
    _quotes_exactly(evaluated, answer)


ALIGNED = """示例县示例乡卫生院2024年度单位决算

一、预算绩效管理情况说明
基本公共卫生服务项目年初预算数110.00万元，全年执行数128.65万元，执行率100.00%。

项目支出绩效自评表（基本公共卫生服务项目）
────────────────────────────────────────────
一级指标    二级指标        三级指标                  年度指标值    实际完成值
────────────────────────────────────────────
产出指标    数量指标        居民电子健康档案建档率    ≥90%          92.6%
            质量指标        高血压患者规范管理率      ≥62%          65.3%
效益指标    社会效益指标    城乡居民公共卫生差距      不断缩小      逐步缩小

二、其他说明
无。
"""


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("aligned-self-evaluation"), embeddings,
                             {"example-county-township-health-centre-2024-final-account.txt": ALIGNED})


@pytest.mark.parametrize("question, value", [
    ("示例乡卫生院高血压患者规范管理率实际完成多少", 65.3),  # what was achieved, said "实际完成"
    ("示例乡卫生院高血压患者规范管理率目标是多少", 62),
    ("示例乡卫生院居民电子健康档案建档率实际达到了多少", 92.6),
])
def test_a_self_evaluation_aligned_by_spaces_is_read_as_its_grid(aligned, question, value) -> None:
    """A grid copied out of a PDF with its columns lined up by spaces: targets in words and bounds (≥62%, 不断缩小)."""
    answer = aligned.ask(question)
    assert answer.kind == "number" and answer.value == value and answer.unit == "%", answer.text
    assert ("实际完成值" in answer.text) == (value != 62)
    _quotes_exactly(aligned, answer)


@pytest.mark.parametrize("question", ["示例农业局示例农田建设项目单个农户最高资助多少钱", "示例农业局示例农田建设项目资助示例农户多少钱"])
def test_money_asked_is_never_a_count_of_项_nor_项_of_项目_a_unit_asked(evaluated, question) -> None:
    answer = evaluated.ask(question)
    assert answer.unit != "项", answer.text


def test_what_was_achieved_is_never_answered_with_a_target(assistant) -> None:
    answer = assistant.ask("社区示例驿站建设的投诉处理满意率实际达到了多少")
    assert answer.value != 95, answer.text


def test_why_money_was_not_spent_is_the_reason_given_not_a_column_of_reasons(evaluated) -> None:
    answer = evaluated.ask("示例农业局示例农田建设项目的钱为什么没花完")
    assert answer.kind == "text" and "雨季推迟了部分片区施工" in answer.text, answer.text


DEPARTMENT_FORM = """示例县示例医保局
2025年部门预算

表11 部门整体支出绩效目标表
单位：元
部门名称\t示例县示例医保局\t\t
年度预算资金\t资金总额\t\t6,494,898.00
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t城乡居民基本医疗保险参保人数\t≥41.2万人
\t质量指标\t城乡居民基本医疗保险参保率\t≥95%
"""


@pytest.fixture(scope="module")
def department_form(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("department-form"), embeddings,
                             {"example-healthcare-security-2025-dept-budget.txt": DEPARTMENT_FORM})


@pytest.mark.parametrize("question, value", [("示例医保局的绩效目标里城乡居民医保参保率要达到多少", 95),
                                             ("示例医保局城乡居民基本医疗保险参保人数目标多少", 41.2)])
def test_a_departments_own_target_is_answered_as_what_it_measures(department_form, question, value) -> None:
    answer = department_form.ask(question)
    assert answer.kind == "number" and answer.value == value, answer.text
    assert "城乡居民基本医疗保险参保" in answer.text and answer.text.count("示例县示例医保局") == 1, answer.text


def test_a_word_of_the_question_counts_where_the_indicator_says_it_inside_another():
    asked = set(search_terms("公益诉讼专项办了多少件公益诉讼案"))
    assert "诉讼案" in asked and "诉讼案" not in search_terms("办理公益诉讼案件数")  # the segmenter cuts the two apart
    assert "诉讼案" in words_said_in(asked, "公益诉讼检察专项 数量指标 办理公益诉讼案件数")
