"""Follow-ups resolved from the previous answer's context, on two departments and two years; the server keeps
no state (the context travels with the question)."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant


def converse(assistant: Assistant, *questions: str):
    context, answers = None, []
    for question in questions:
        answer = assistant.ask(question, context=context)
        answers.append(answer)
        context = answer.context
    return answers


def test_answers_carry_what_they_resolved(shared_assistant):
    answer = shared_assistant.ask("万里街道2024年公务接待费是多少")
    assert answer.context.department.endswith("万里街道办事处") and answer.context.year == 2024
    assert answer.context.item == "公务接待费" and answer.assumed is None


def test_another_year(shared_assistant):
    first, second = converse(shared_assistant, "商务委2025年三公经费是多少", "那2024年呢？")
    assert first.value == 1.00
    assert second.assumed and "2024年" in second.assumed and "三公" in second.assumed
    # no 商务委 2024 document: its 2024 figure is the one the 2025 document states (与2024年预算持平)
    assert second.value == 1.00 and any("2024" in c.quote for c in second.citations)


def test_an_item_within(shared_assistant):
    _, second = converse(shared_assistant, "司法局2026年三公经费是多少", "其中公务接待费呢？")
    assert (second.value, second.unit) == (0.83, "万元") and "司法局" in second.assumed


def test_a_share_of_the_item_before(shared_assistant):
    _, second = converse(shared_assistant, "商务委2025年三公经费是多少", "它占总支出多少？")
    assert second.unit == "%" and second.formula and "1" in second.formula


def test_a_change_of_the_item_before(shared_assistant):
    _, second = converse(shared_assistant, "普陀区财政局2024年机关运行经费支出多少", "比上年增加了多少")
    assert second.kind == "number" and "增加" in second.text and "机关运行经费" in second.assumed


def test_another_department(shared_assistant):
    _, second = converse(shared_assistant, "司法局2026年三公经费是多少", "换成商务委呢")
    assert second.value == 1.00 and "商务委" in second.assumed


def test_a_question_that_stands_alone_is_not_rewritten(shared_assistant):
    _, second = converse(shared_assistant, "司法局2026年三公经费是多少", "社工部2024年机关运行经费支出是多少")
    assert second.assumed is None and second.value == 10.23


@pytest.mark.parametrize("question", ["三公经费是多少", "公务接待费多少"])
def test_an_unscoped_question_over_several_departments_asks_which(shared_assistant, question):
    answer = shared_assistant.ask(question)
    assert answer.kind == "ambiguous" and len({c.department for c in answer.candidates}) >= 2


def test_another_basis_of_the_item_before(shared_assistant):
    _, second = converse(shared_assistant, "普陀区财政局2024年公务接待费决算多少", "年初预算呢？")
    assert second.assumed and "公务接待费" in second.assumed and "年初预算" in second.assumed
    assert second.kind != "number" or second.unit == "万元", second.text  # never the completion rate


def test_several_items_added_up_are_not_the_last_one(shared_assistant):
    _, second, third = converse(shared_assistant, "司法局2026年人员经费多少", "公用经费呢？", "两项加起来多少")
    assert second.kind == "number"
    assert third.value != second.value, third.text


def test_a_change_after_switching_years_compares_the_two_years():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2023, item="政府采购预算", compared_year=2024)
    assert readings("少了多少", context, []) == ["示例市示例局2023年政府采购预算比2024年少了多少"]
    assert readings("少了多少", context.model_copy(update={"compared_year": None}), []) == ["示例市示例局2023年政府采购预算少了多少"]


def test_a_share_asked_without_its_part_is_of_the_item_before():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="人员经费")
    assert readings("占基本支出多少", context, []) == ["示例市示例局2025年人员经费占基本支出多少"]


@pytest.mark.parametrize("follow_up", ["加上事业收入一共呢？", "算上事业收入一共多少"])
def test_a_whole_with_another_part_in_it_is_of_the_item_before(follow_up):
    """"加上事业收入一共呢" after a row's 一般公共预算 figure: that row's whole with the part added, not the department's."""
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例区养老服务中心", year=2025, item="社会福利事业单位", answered_in="万元")
    assert readings(follow_up, context, [])[0].startswith("示例区养老服务中心2025年社会福利事业单位")


def test_a_whole_with_another_part_naming_its_own_item_keeps_it():
    """"算上事业收入，事业运行一共预算多少" names its item: the one before is not put in front of it."""
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市发改委", year=2025, item="粮油物资储备支出中事业运行", answered_in="万元")
    assert readings("算上事业收入，事业运行一共预算多少？", context, []) == ["示例市发改委2025年算上事业收入，事业运行一共预算多少"]


@pytest.mark.parametrize("follow_up, reading", [
    ("人员经费占这部分基本支出的百分之几？", "示例市示例局2025年人员经费占一般公共预算财政拨款基本支出的百分之几"),
    ("那这一部分基本支出比上年多了多少", "示例市示例局2025年一般公共预算财政拨款基本支出比上年多了多少"),
])
def test_this_part_is_the_whole_the_question_before_named(follow_up, reading):
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="人员经费",
                      topic="一般公共预算财政拨款基本支出中，人员经费是多少万元？")
    assert readings(follow_up, context, [])[0] == reading



def test_a_list_asked_without_its_item_is_of_the_item_before():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2024, item="内设机构")
    assert readings("都是哪些", context, []) == ["示例市示例局2024年内设机构都是哪些"]


def test_a_change_against_a_named_year_keeps_the_year_before():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2024, item="收入")
    assert readings("比23年少了多少", context, []) == ["示例市示例局2024年收入比23年少了多少"]


def test_another_part_may_be_a_part_of_the_items_head():
    """"服务类呢" after 政府采购货物: 服务类 itself first, then the part of 政府采购 it names."""
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2024, item="政府采购货物", topic="政府采购货物花了多少")
    assert readings("服务类呢", context, []) == ["示例市示例局2024年服务类是多少", "示例市示例局2024年政府采购里服务类是多少"]


def test_two_items_added_up_are_the_two_asked_last():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="公用经费", earlier_item="人员经费")
    assert readings("两项加起来多少", context, []) == ["示例市示例局2025年人员经费和公用经费加起来多少"]
    assert readings("两项加起来多少", context.model_copy(update={"earlier_item": None}), []) == []


def test_the_item_asked_before_is_kept_for_a_sum(shared_assistant):
    first, second, third = converse(shared_assistant, "司法局2026年人员经费多少", "公用经费呢？", "两项加起来多少")
    assert second.context.earlier_item and third.kind == "number"
    assert third.value == pytest.approx(first.value + second.value, abs=0.011), third.text  # each shown rounded


@pytest.mark.parametrize("unit, asked", [("张", "示例市示例局2025年编制床位多少张"), ("万元", "示例市示例局2025年编制床位多少钱"),
                                         (None, "示例市示例局2025年编制床位是多少")])
def test_another_item_is_asked_in_the_unit_of_the_figure_before(unit, asked):
    """"那编制床位呢" after 实际开放多少张床 asks for beds; after a sum of money, for money."""
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="实际开放床位", answered_in=unit)
    assert readings("那编制床位呢", context, [])[0] == asked


def test_last_year_alone_asks_for_the_same_items_last_year():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="招待费", answered_in="万元")
    assert readings("那去年呢", context, []) == ["示例市示例局2025年招待费去年多少钱"]


def test_another_basis_compared_is_of_the_item_before():
    """"比年初预算少了多少" after 三公经费实际花了多少: the same item's outturn against its initial budget."""
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2024, item="三公经费", answered_in="万元")
    assert readings("比年初预算少了多少", context, []) == ["示例市示例局2024年三公经费比年初预算少了多少"]


def test_a_reason_asked_after_a_change_of_the_whole_budget_is_that_changes():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item=None, topic="预算比上年多了多少")
    assert readings("主要是什么原因", context, []) == ["示例市示例局2025年预算比上年多了多少，主要是什么原因"]


def test_a_reason_asked_after_a_gap_from_the_budget_is_that_gaps():
    """"为什么少了" after "比年初预算少了多少": why the outturn fell short of the budget, not why it changed on a year."""
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2024, item="职业培训补贴", topic="职业培训补贴比年初预算少了多少")
    assert readings("为什么少了", context, []) == ["示例市示例局2024年职业培训补贴比年初预算少了多少，为什么少了"]


def test_a_reason_asked_without_its_item_is_of_the_item_before():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2024, item="社区矫正")
    assert readings("为什么比年初预算多那么多", context, []) == ["示例市示例局2024年社区矫正为什么比年初预算多那么多"]
    assert readings("为啥要追加", context, []) == ["示例市示例局2024年社区矫正为啥要追加"]  # 追加 names no item


def test_a_count_after_an_item_may_be_that_items_after_the_count_on_its_own():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例县示例图书馆", year=2025, item="纸质图书采购项目")
    assert readings("计划新增多少册书？", context, []) == ["示例县示例图书馆2025年计划新增多少册书",
                                                    "示例县示例图书馆2025年纸质图书采购项目计划新增多少册书"]


def test_of_which_is_read_inside_the_item_before():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="馆藏档案数字化加工项目", answered_in="万元")
    assert readings("其中财政拨款多少", context, []) == ["示例市示例局2025年馆藏档案数字化加工项目里财政拨款多少"]
    assert readings("其中公务接待费呢？", context.model_copy(update={"item": "三公经费"}), []) == [
        "示例市示例局2025年三公经费里公务接待费多少钱"]
    # a fund split out of the budget has a table of its own, where the item is a row: its money of that fund
    assert readings("其中一般公共预算当年拨款是多少万元？", context.model_copy(update={"item": "防汛（2130314）"}), []) == [
        "示例市示例局2025年防汛（2130314）一般公共预算当年拨款是多少万元"]
    # of a whole of the budget, a fund's money is an item of its own first, one of the whole's parts second
    assert readings("其中一般公共预算当年拨款多少？", context.model_copy(update={"item": "收入总计"}), []) == [
        "示例市示例局2025年一般公共预算当年拨款多少", "示例市示例局2025年收入总计里一般公共预算当年拨款多少"]
    # any other part of it is one of its parts (财政拨款收入 of 本年收入合计, not the 财政拨款收入总计 with last year's)
    assert readings("其中财政拨款收入多少？", context.model_copy(update={"item": "本年收入合计"}), []) == [
        "示例市示例局2025年本年收入合计里财政拨款收入多少"]


def test_this_year_after_last_years_final_account_is_the_latest_documents_year():
    """"今年预算多少" after "去年实际花了多少" (the 2024 决算): 今年 is the year of the body's latest document."""
    from datetime import UTC, datetime

    from assistant.answer import Context
    from assistant.conversation import readings
    from index.fact_store import DocumentRecord

    documents = [DocumentRecord(doc_id=f"d{year}", title="", department="示例市示例局", year=year, kind=kind,
                                source=f"{year}.pdf", sha256="", format="pdf", status="ready", ingested_at=datetime.now(UTC))
                 for year, kind in ((2024, "部门决算"), (2025, "部门预算"))]
    context = Context(department="示例市示例局", year=2024, item=None, topic="去年实际花了多少")
    assert readings("今年预算多少", context, documents) == ["示例市示例局2025年今年预算多少"]
    assert readings("预算多少", context, documents) == ["示例市示例局2024年预算多少"]


def test_the_gap_between_two_answers_of_two_bases_compares_them_as_asked():
    """"差了多少" after last year's 决算 then this year's 预算: this year's budget against last year's final account."""
    from assistant.answer import Context
    from assistant.conversation import readings

    context = Context(department="示例市示例局", year=2025, basis="预算数", compared_year=2024, compared_basis="决算数")
    assert readings("差了多少", context, []) == ["示例市示例局2025年预算比2024年决算差了多少"]
    same_basis = context.model_copy(update={"compared_basis": None})
    assert readings("差了多少", same_basis, []) == ["示例市示例局2025年比2024年差了多少"]


@pytest.mark.parametrize("follow_up", ["平均每人多少钱", "人均多少", "单价多少"])
def test_per_head_or_per_piece_asked_alone_is_of_the_item_before(follow_up):
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="台式计算机")
    assert readings(follow_up, context, [])[0] == f"示例市示例局2025年台式计算机{follow_up}"


@pytest.mark.parametrize("follow_up", ["那公车运行维护费主要花在什么上？", "那公务接待费是怎么用的", "那这笔钱给谁了"])
def test_a_follow_up_asking_in_words_is_never_made_a_figure_question(follow_up):
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="公务用车运行维护费", answered_in="万元")
    assert all("多少钱" not in reading for reading in readings(follow_up, context, []))


def test_the_item_kept_for_a_follow_up_is_the_one_the_asker_glossed_in_brackets():
    """"收入一共多少（本年收入合计）": the next question's item is 本年收入合计, not the words with their bracket."""
    from assistant.conversation import context_of
    from assistant.intent import parse_question
    assert context_of(parse_question("2025年收入一共多少（本年收入合计）", []), []).item == "本年收入合计"
    assert context_of(parse_question("2025年行政运行（2010101）多少", []), []).item == "行政运行（2010101）"


def test_the_share_of_a_part_asked_after_a_whole_is_of_that_whole():
    from assistant.answer import Context
    from assistant.conversation import readings
    context = Context(department="示例市示例局", year=2025, item="本年收入合计")
    assert readings("其中政府性基金占多大比例", context, [])[0] == "示例市示例局2025年本年收入合计里政府性基金占多大比例"
