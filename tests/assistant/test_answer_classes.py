"""The answer classes of a real portal, each on several documents: names as people write them, basis,
scope, direction, text answers, counts, items in narratives, none vs zero, lists, unknown bodies and
the sentence fallback. Figures were read in the PDFs."""

from __future__ import annotations

import pytest

from assistant.answer import Answer
from assistant.chain import Assistant


def check_citations(assistant: Assistant, answer: Answer) -> None:
    """Every citation is the stored text at its offsets."""
    assert answer.citations, answer.text
    for citation in answer.citations:
        assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote


def number(assistant: Assistant, question: str, value: float, unit: str = "万元") -> Answer:
    answer = assistant.ask(question)
    assert answer.kind == "number", (question, answer.text)
    assert (round(answer.value, 2), answer.unit) == (round(value, 2), unit), (question, answer.text)
    check_citations(assistant, answer)
    return answer


@pytest.mark.parametrize("question, value", [
    ("商务委2025年三公经费是多少", 1.00),
    ("区委社工部2024年机关运行经费花了多少", 10.23),
    ("普陀财政局24年三公经费年初预算多少", 0.95),
    ("政法委招待费多少钱", 0.63),
])
def test_departments_as_people_name_them(shared_assistant, question, value):
    number(shared_assistant, question, value)


@pytest.mark.parametrize("question", ["静安区财政局2024年三公经费是多少", "普陀区教育局2025年招待费多少", "深圳市南山区司法局2026年预算"])
def test_a_department_not_in_the_index_gets_no_figure(shared_assistant, question):
    assert shared_assistant.ask(question).kind == "not_found"


@pytest.mark.parametrize("question, value, unit", [
    ("普陀区财政局2024年一般公共预算财政拨款支出决算数是多少", 2940.05, "万元"),
    ("普陀区财政局2024年一般公共预算财政拨款支出年初预算是多少", 2993.92, "万元"),
    ("社工部2024年全年预算是多少", 321.02, "万元"),
    ("社工部2024年事业运行全年预算是多少", 17.68, "万元"),
    ("普陀区财政局2024年支出完成了年初预算的百分之几", 98.20, "%"),
    ("普陀区司法局信息化建设2025年预算执行数是多少", 60.41, "万元"),
])
def test_the_basis_asked_for(shared_assistant, question, value, unit):
    number(shared_assistant, question, value, unit)


@pytest.mark.parametrize("question, value, word", [
    ("普陀区财政局2024年信息化建设决算比年初预算少了多少", 0.65, "少"),
    ("社工部24年住房公积金决算比全年预算少了多少", 0.42, "少"),
    ("万里街道2024年其他城乡社区支出比2023年预算执行数少了多少钱", 900.44, "减少"),
    ("司法局2026年行政运行比2025年执行数少了多少", 18.02, "减少"),
])
def test_direction_is_said_in_words_and_the_figure_is_unsigned(shared_assistant, question, value, word):
    answer = number(shared_assistant, question, value)
    assert word in answer.text and "-" not in answer.text.split("（")[0]
    operands = [c for c in answer.citations if not c.quote.rstrip("。").endswith("%")]  # a stated rate may follow
    assert answer.formula and len(operands) == 2


def test_a_stated_change_against_last_years_execution(shared_assistant):
    answer = number(shared_assistant, "商务委2025年财政拨款收入比2024年预算执行数多了多少", 24558.18)
    assert "增加" in answer.text


@pytest.mark.parametrize("question, value, unit", [
    ("普陀区商务委2025年基本支出经济分类表里公务接待费是多少元", 10000, "元"),
    ("商务委2025年三公经费里公务接待费多少", 1.00, "万元"),
    ("万里街道2024年公务用车购置费是多少", 25.00, "万元"),
])
def test_scope_the_table_and_the_part_asked(shared_assistant, question, value, unit):
    answer = shared_assistant.ask(question)
    value_in_unit = answer.value * (10000 if unit == "元" and answer.unit == "万元" else 1)
    assert round(value_in_unit, 2) == value, answer.text
    check_citations(shared_assistant, answer)


@pytest.mark.parametrize("question, words", [
    ("普陀区财政局2024年机关运行经费为什么比2023年增加了", ["照明"]),
    ("万里街道2024年三公经费为啥比2023年多了", ["购置公务用车"]),
    ("社工部2024年公用经费主要包括哪些", ["办公费", "差旅费"]),
    ("司法局2026年财政拨款增加的主要原因是什么", ["工作量增加"]),
])
def test_text_answers_come_from_the_sentence_that_says_it(shared_assistant, question, words):
    answer = shared_assistant.ask(question)
    assert answer.kind != "not_found", answer.text
    for word in words:
        assert word in answer.text, (question, answer.text)
    check_citations(shared_assistant, answer)


@pytest.mark.parametrize("question, value, unit", [
    ("截至2023年8月底万里街道一共几辆车", 7, "辆"),
    ("商务委机关设了几个内设机构", 9, "个"),
    ("普陀司法局2026年编报绩效目标的项目有几个", 20, "个"),
])
def test_counts_and_stocks_in_prose(shared_assistant, question, value, unit):
    answer = shared_assistant.ask(question)
    assert (answer.value, answer.unit) == (value, unit), answer.text
    check_citations(shared_assistant, answer)


@pytest.mark.parametrize("question, value", [
    ("商务委贸易高质量发展专项2025年总预算是多少", 2921.00),
    ("商务委贸易高质量发展专项里市级支持总部经济安排了多少", 1262.00),
    ("司法局人民调解项目年度预算安排多少", 795),
    ("司法局今年普法宣传花多少钱", 124.29),
])
def test_items_inside_long_narratives(shared_assistant, question, value):
    number(shared_assistant, question, value)


@pytest.mark.parametrize("question, said", [
    ("万里街道2024年有政府性基金预算吗", "无政府性基金预算"),
    ("司法局2026年有没有政府性基金预算", "无政府性基金预算"),
    ("普陀区社会工作部2024年有国有资本经营预算支出吗", "无国有资本经营预算"),
    ("政法委有下属单位吗", "无下属单位"),
])
def test_none_is_said_and_quoted(shared_assistant, question, said):
    answer = shared_assistant.ask(question)
    assert said in answer.text.replace("“", "").replace("”", ""), answer.text
    assert any(said in c.quote.replace("“", "").replace("”", "") for c in answer.citations)


def test_none_asked_as_a_figure_is_zero_with_the_statement(shared_assistant):
    answer = shared_assistant.ask("社会工作部2024年三公经费支出是多少")
    assert (answer.value, answer.unit) == (0, "万元")
    check_citations(shared_assistant, answer)


@pytest.mark.parametrize("question, parts", [
    ("政法委三公经费包括哪些", ["因公出国", "公务用车", "公务接待"]),
    ("商务委三公经费分成哪几块", ["因公出国", "公务用车", "公务接待"]),
    ("政法委哪些项目报了绩效目标", ["护城河专项经费", "《廊坊长安网》运行维护费", "机房升级项目经费"]),
])
def test_lists(shared_assistant, question, parts):
    answer = shared_assistant.ask(question)
    assert answer.kind == "text"
    for part in parts:
        assert part in answer.text, answer.text
    check_citations(shared_assistant, answer)


@pytest.mark.parametrize("question", ["商务委2024年决算三公经费实际支出是多少", "社会工作部2025年三公经费预算是多少", "司法局2026年全区律师人数是多少"])
def test_what_the_documents_do_not_say_is_not_answered(shared_assistant, question):
    assert shared_assistant.ask(question).kind == "not_found"


def test_another_threshold_is_another_item(shared_assistant):
    """The document counts only 单价100万元以上 equipment: 50万元以上 is not disclosed, 100万元以上 is 0."""
    assert shared_assistant.ask("万里街道2024年单价50万元以上的设备有几台").kind == "not_found"
    answer = shared_assistant.ask("万里街道2024年单价100万元以上的设备有几台")
    assert answer.kind == "number" and answer.value == 0, answer.text


def test_the_three_public_items_listed_from_their_table_leave_out_the_office_costs_beside_them(shared_assistant):
    """"2024年部门“三公”经费和机关运行经费预算表": the 三公 columns are the parts, 机关运行经费 is not one."""
    answer = shared_assistant.ask("万里街道2024年三公经费包括哪些，各是多少")
    assert "3项" in answer.text and "公务接待费：1.35万元" in answer.text and "机关运行经费" not in answer.text, answer.text
