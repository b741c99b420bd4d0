"""`Assistant.ask` on the Langfang sample: figures, formulas, citations, refusals, conflicts, ambiguity."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import event

from assistant.answer import Answer
from assistant.chain import Assistant, QuestionRejected
from index.corpus_index import DocumentFilter


def assert_cited(assistant: Assistant, answer: Answer, *figures: str) -> None:
    """Every citation quotes the stored text exactly; each figure is printed in some quote."""
    assert answer.citations, answer
    for citation in answer.citations:
        text = assistant.index.facts.text(citation.doc_id)
        assert text[citation.start : citation.end] == citation.quote
    quotes = " ".join(c.quote.replace(",", "") for c in answer.citations)
    for figure in figures:
        assert figure in quotes, (figure, quotes)


def ask(assistant: Assistant, question: str) -> Answer:
    answer = assistant.ask(question)
    assert answer.timing_ms > 0
    return answer


@pytest.mark.parametrize("question", ["公务接待费是多少？", "招待费多少钱", "请问公务接待费预算安排了多少"])
def test_ask_lookup_reception_cost(langfang_assistant, question):
    answer = ask(langfang_assistant, question)
    assert (answer.kind, answer.value, answer.unit) == ("number", 0.63, "万元")
    assert "0.63万元" in answer.text and answer.route == "fact"
    assert_cited(langfang_assistant, answer, "0.63")


def test_ask_in_the_money_unit_the_question_names(langfang_assistant):
    answer = ask(langfang_assistant, "公务接待费是多少元")
    assert (answer.kind, answer.value, answer.unit) == ("number", 6300.0, "元") and "6300.00元" in answer.text, answer.text
    assert_cited(langfang_assistant, answer, "0.63")


def test_ask_share_of_total_shows_formula_and_cites_both_operands(langfang_assistant):
    answer = ask(langfang_assistant, "三公经费占总预算多少？")
    assert answer.kind == "number" and answer.unit == "%"
    assert answer.value == pytest.approx(float(Decimal("8.5") / Decimal("4530.34") * 100), abs=0.005)
    assert answer.formula and "8.5" in answer.formula and "4530.34" in answer.formula
    assert_cited(langfang_assistant, answer, "8.5", "4530.34")


def test_ask_last_year_budget_is_this_year_minus_increase(langfang_assistant):
    answer = ask(langfang_assistant, "上年预算是多少？")
    assert answer.value == pytest.approx(3945.03) and answer.unit == "万元"
    assert "4530.34 − 585.31" in answer.formula
    assert_cited(langfang_assistant, answer, "4530.34", "585.31")


def test_ask_growth_rate(langfang_assistant):
    answer = ask(langfang_assistant, "预算比上年增长百分之几？")
    assert answer.value == pytest.approx(14.84, abs=0.005) and answer.unit == "%"
    assert_cited(langfang_assistant, answer, "4530.34", "585.31")


def test_ask_table_cell_room_area(langfang_assistant):
    answer = ask(langfang_assistant, "机房面积是多少")
    assert (answer.value, answer.unit) == (57.0, "平方米")
    assert_cited(langfang_assistant, answer, "57")


def test_ask_count_is_never_answered_with_money(langfang_assistant):
    answer = ask(langfang_assistant, "车辆有几辆？")
    assert (answer.value, answer.unit) == (3.0, "台")
    assert_cited(langfang_assistant, answer, "3")


def test_ask_text_answer_cites_the_sentence(langfang_assistant):
    answer = ask(langfang_assistant, "机关运行经费主要用于什么？")
    assert answer.kind == "text"
    assert "日常维修" in answer.text
    assert_cited(langfang_assistant, answer)
    assert any("日常维修" in c.quote for c in answer.citations)


def test_ask_unchanged_from_last_year(langfang_assistant):
    answer = ask(langfang_assistant, "三公经费比上年增加了多少？")
    assert answer.kind == "number" and answer.value == 0.0
    assert any("持平" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question", ["2021年的公务接待费是多少？", "会议费是多少？"])
def test_ask_unanswerable_refuses(langfang_assistant, question):
    answer = ask(langfang_assistant, question)
    assert answer.kind == "not_found" and answer.value is None and not answer.citations
    assert answer.text.startswith("未在已公开的预算文件中找到")


def test_ask_conflicting_figures_are_both_reported(langfang_assistant):
    answer = ask(langfang_assistant, "政法三、四级网带宽线路租用经费是多少？")
    figures = {answer.value} | {c.value for c in answer.conflicts}
    assert figures == {1307.0, 1037.0}
    assert_cited(langfang_assistant, answer, str(int(answer.value)))
    for conflict in answer.conflicts:
        assert conflict.citation and str(int(conflict.value)) in conflict.citation.quote
        assert conflict.citation.quote == langfang_assistant.index.facts.text(conflict.citation.doc_id)[
            conflict.citation.start : conflict.citation.end
        ]


def test_ask_two_departments_without_a_name_is_ambiguous(two_department_assistant):
    answer = ask(two_department_assistant, "公务接待费是多少？")
    assert answer.kind == "ambiguous" and answer.value is None
    assert {c.department for c in answer.candidates} == {"中共廊坊市委政法委员会", "中共廊坊市委宣传部"}
    assert all(c.value == 0.63 for c in answer.candidates)


def test_ask_naming_the_department_resolves_ambiguity(two_department_assistant):
    answer = ask(two_department_assistant, "宣传部的公务接待费是多少？")
    assert answer.kind == "number" and answer.value == 0.63
    assert answer.citations[0].department == "中共廊坊市委宣传部" and answer.citations[0].year == 2021


def test_ask_filters_pick_one_document(two_department_assistant):
    answer = two_department_assistant.ask("公务接待费是多少？", DocumentFilter(year=2020))
    assert answer.kind == "number" and answer.citations[0].department == "中共廊坊市委政法委员会"


@pytest.mark.parametrize(("question", "says"), [("", "不能为空"), ("   ", "不能为空"), ("问" * 501, "最多 500 字")])
def test_ask_rejects_empty_or_huge_questions_in_chinese(langfang_assistant, question, says):
    with pytest.raises(QuestionRejected, match=says):
        langfang_assistant.ask(question)


def test_ask_number_answers_always_carry_the_figure_in_a_quote(langfang_assistant):
    questions = ["人员经费是多少", "基本支出是多少", "政府采购预算是多少", "固定资产总额是多少", "机房升级项目的成本指标是多少"]
    for question in questions:
        answer = ask(langfang_assistant, question)
        assert answer.kind == "number", (question, answer.text)
        assert_cited(langfang_assistant, answer)
        # shown rounded to two decimals; the quote keeps the printed original (2601.71932 → 2601.72)
        printed = re.findall(r"\d+(?:\.\d+)?", " ".join(c.quote.replace(",", "") for c in answer.citations))
        assert any(round(Decimal(p), 2) == round(Decimal(str(answer.value)), 2) for p in printed), (answer.value, printed)



def test_cached_facts_follow_a_reupload_under_another_department(tmp_path, langfang_doc):
    """A document's facts carry its department; after a re-upload that changes it, the cache must not
    keep the old one."""
    from dataclasses import replace

    from assistant.fact_cache import FactCache
    from index.fact_store import FactStore

    store = FactStore(f"sqlite:///{tmp_path / 'facts.sqlite3'}")
    store.add_pending(langfang_doc)
    store.mark_ready(langfang_doc.meta.doc_id)
    cache = FactCache(store)
    assert {f.department for f in cache.facts([langfang_doc.meta.doc_id])} == {langfang_doc.meta.department}
    store.delete([langfang_doc.meta.doc_id])
    renamed = replace(langfang_doc, meta=replace(langfang_doc.meta, department="某市某局"))
    store.add_pending(renamed)
    store.mark_ready(renamed.meta.doc_id)
    assert {f.department for f in cache.facts([renamed.meta.doc_id])} == {"某市某局"}


def test_a_reply_reads_the_state_of_the_index_once(langfang_assistant):
    """The caches behind one answer and its two related questions each ask whether the documents changed; the
    store is asked once per reply (on a database server each ask is a round trip)."""
    engine = langfang_assistant.index.facts.engine
    ran: list[str] = []
    record = lambda _conn, _cursor, statement, *_: ran.append(statement)  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    try:
        answer = langfang_assistant.reply("2020年公务接待费是多少")
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert answer.related, answer
    assert sum("count(" in statement.lower() and "documents" in statement for statement in ran) == 1, ran
