"""Text answers quote what the document says in prose: a definition over a table row naming the same words,
the sentence about the body asked of, a list question's whole paragraph, and never two items' sentences
joined as one answer, nor a page's title, a heading or a table's caption line."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例中心

2025年单位预算

一、单位基本情况
示例市示例区示例中心是承担社区养老服务的事业单位。
示例市示例区示例中心与示例市示例区示例服务站合署办公。
示例市示例区示例中心内设综合科、事业单位管理科、服务科，共3个科室。
所属单位2个：示例市示例区示例驿站、示例市示例区示例食堂。
二、收入支出预算总表
项目	金额
年初结转和结余	49.14
年末结转和结余	55.34
三、预算绩效管理
加强预算绩效管理，落实各项制度。一是完善制度建设，修订内部制度。二是加强支出管理，按进度支付。三是做好绩效自评，及时整改问题。四是加强内部监督，配合外部审计。
四、财政拨款支出主要内容
支出预算500万元，其中：财政拨款支出预算500万元，比2024年预算减少20万元；政府性基金拨款支出预算0万元，比2024年预算持平。
2025年基本支出300万元，比上年增加10万元，主要为人员经费增加；项目支出200万元，比上年减少20万元，主要为一次性项目结束，但新增项目尚未启动。
1. 行政运行50万元，比上年减少5万元。主要原因是：人员退休。
2. 机关服务30万元，比上年增加6万元。主要原因是：服务面积扩大。
3、一般公共服务支出（类）财政事务（款）财政委托业务支出（项）。主要用于：委托中介机构开展审计工作。预算为40万元。
4. 公务接待费2万元，与2024年预算持平，主要原因是接待任务无变化。
5. 公务用车运行维护费20万元，比上年减少3万元，下降13.04%，减少的主要原因是新能源车辆比例提高。
6. 培训费10万元，比上年增加2万元，增长25.00%，主要是培训人次增加。
7. 印刷费5万元，比上年增加1万元。主要原因：一是印刷任务增加；二是纸张价格上涨。
五、项目情况
2025年度，本单位编报绩效目标的项目共2个，涉及项目预算资金80万元。
示例会客厅改造工程年度用款计划60万元，主要用于会客厅装修。
六、名词解释
结转资金：指当年预算已执行但未完成，或因故未执行，下一年度需按原用途继续使用的资金，计入年末结转和结余。
年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("text-answers"), embeddings,
                             {"example-centre-2025-unit-budget.txt": DISCLOSURE})


def text_of(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert answer.kind == "text", answer.text
    for citation in answer.citations:
        assert assistant.index.facts.text(citation.doc_id)[citation.start : citation.end] == citation.quote
    return answer.text


@pytest.mark.parametrize("question", ["示例中心说的年末结转和结余是什么意思", "年末结转和结余指什么", "示例中心年末结转和结余啥意思"])
def test_a_definition_is_quoted_not_the_table_row(assistant, question):
    text = text_of(assistant, question)
    assert "无法按原计划实施" in text and "55.34" not in text


@pytest.mark.parametrize("question, said", [
    ("示例中心是个什么性质的单位", "事业单位"),
    ("示例中心属于什么性质", "事业单位"),
    ("示例中心跟哪个单位合署办公", "示例服务站"),
])
def test_what_a_body_is_comes_from_the_sentence_about_it(assistant, question, said):
    assert said in text_of(assistant, question)


@pytest.mark.parametrize("question", ["示例中心怎么加强预算绩效管理，有哪几条", "示例中心加强预算绩效管理有哪些措施"])
def test_a_list_question_gets_the_whole_paragraph(assistant, question):
    text = text_of(assistant, question)
    assert all(point in text for point in ("完善制度建设", "加强支出管理", "做好绩效自评", "加强内部监督"))


def test_a_reason_is_the_asked_items_own(assistant):
    text = text_of(assistant, "示例中心机关服务为什么增加")
    assert "服务面积扩大" in text and "人员退休" not in text


@pytest.mark.parametrize("question, reason, other", [
    ("示例中心项目支出为什么减少", "一次性项目结束，但新增项目尚未启动", "人员经费增加"),
    ("示例中心基本支出增加主要是什么原因", "人员经费增加", "一次性项目结束"),
])
def test_a_reason_written_in_the_changes_own_clause(assistant, question, reason, other):
    text = text_of(assistant, question)
    assert reason in text and other not in text


@pytest.mark.parametrize("question, reason", [("示例中心公务用车运行维护费为什么减少", "新能源车辆比例提高"),
                                              ("示例中心培训费为啥增加", "培训人次增加")])
def test_a_reason_given_after_the_changes_rate_is_quoted(assistant, question, reason):
    """"减少3万元，下降13.04%，减少的主要原因是…": the clause that gives the reason is quoted after the change."""
    answer = assistant.ask(question)
    assert answer.kind == "text" and reason in answer.text and len(answer.citations) == 2, answer.text
    assert reason in answer.citations[-1].quote and "下降" not in answer.citations[-1].quote


def test_every_reason_listed_is_quoted(assistant):
    text = text_of(assistant, "示例中心印刷费为什么增加")
    assert "印刷任务增加" in text and "纸张价格上涨" in text


def test_an_unchanged_statement_belongs_to_the_figure_right_before_it(assistant):
    """持平 is said of the 政府性基金 figure: last year's 支出预算 was not this year's 500."""
    answer = assistant.ask("示例中心2024年的支出预算是多少")
    assert not (answer.kind == "number" and answer.value == 500), answer.text


@pytest.mark.parametrize("question", ["什么是三公经费", "三公经费是指什么"])
def test_a_definition_asked_of_no_body_is_found_under_the_glossary(shared_assistant, question):
    answer = shared_assistant.ask(question)
    assert answer.kind == "text" and "因公出国" in answer.text and "万元" not in answer.text, answer.text


@pytest.mark.parametrize("question", ["示例中心报了绩效目标的项目叫什么名字", "示例中心绩效目标项目名称是什么"])
def test_a_name_is_never_answered_by_the_sentence_that_only_counts(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "not_found" and answer.value is None, answer.text


def test_a_name_is_answered_by_the_sentence_that_names_it(assistant):
    assert "示例会客厅改造工程" in text_of(assistant, "示例中心装修会客厅的那个工程叫什么")


@pytest.mark.parametrize("question", ["示例中心的全称是什么", "示例中心全称叫啥"])
def test_a_body_s_full_name_is_the_one_it_publishes_under(assistant, question):
    assert "“示例市示例区示例中心”" in text_of(assistant, question)


@pytest.mark.parametrize("question", ["示例中心财政委托业务支出是干什么用的", "示例中心财政委托业务支出有什么用途",
                                      "示例中心财政委托业务的钱用在哪"])
def test_what_an_item_s_money_is_for_is_the_purpose_stated_beside_it(assistant, question):
    text = text_of(assistant, question)
    assert "委托中介机构开展审计工作" in text and "40" not in text


@pytest.mark.parametrize("question", ["示例中心公务接待费为什么没变", "示例中心招待费为啥跟去年一样"])
def test_why_an_item_did_not_change_is_the_reason_its_steady_statement_gives(assistant, question):
    assert "接待任务无变化" in text_of(assistant, question)


@pytest.mark.parametrize("question, said", [("示例中心有没有公务接待费", "有。"), ("示例中心有没有政府性基金拨款支出", "没有。")])
def test_whether_there_is_an_item_is_answered_by_its_own_figure(assistant, question, said):
    answer = assistant.ask(question)
    assert answer.kind == "number" and answer.text.startswith(said) and answer.citations, answer.text


def test_why_an_unchanged_item_grew_is_answered_that_it_did_not(assistant):
    text = text_of(assistant, "示例中心政府性基金拨款支出为什么增加")
    assert "持平" in text and "一次性项目结束" not in text


@pytest.mark.parametrize("question", ["示例中心有哪些下属单位", "示例中心下面有哪些单位"])
def test_a_body_s_own_units_are_listed_by_the_documents_word_for_them(assistant, question):
    said = text_of(assistant, question)
    assert "示例驿站" in said and "示例食堂" in said and "综合科" not in said


PAGE = """<html><head><meta charset="utf-8"><title>洄岭县文化广电旅游局2024年度部门决算_财政资金_洄岭县人民政府</title></head><body>
<div class="article"><h1>洄岭县文化广电旅游局2024年度部门决算</h1>
<h2>第一部分 部门概况</h2><p>洄岭县文化广电旅游局负责全县文化旅游工作。</p>
<h2>第二部分 2024年度部门决算表</h2><p>公开01表 收入支出决算总表</p><p>编制单位：洄岭县文化广电旅游局2024年度金额单位：万元</p>
<table><tr><td>项目</td><td>本年收入</td></tr><tr><td>合计</td><td>3,893.31</td></tr></table>
</div></body></html>"""


def test_a_pages_title_heading_or_table_caption_is_no_answer(tmp_path_factory, embeddings):
    page = written_assistant(tmp_path_factory.mktemp("page_title"), embeddings,
                             {"huiling-county-culture-bureau_2024_dept-final-account.html": PAGE})
    answer = page.ask("洄岭县文化广电旅游局2024年决算包括哪几个单位")
    assert answer.kind == "not_found", answer.text


UNITS_LISTED = """滢岫县卫生健康委员会2026年部门预算
第一部分 部门概况
一、机构设置及部门预算单位构成
纳入滢岫县卫生健康委员会2026年部门预算编制范围的预算单位共3个，包括：委机关本级（行政单位）；下属单位2个，分别是滢岫县疾病预防控制中心（公益一类事业单位）、滢岫县急救指挥中心（公益一类事业单位）。
县人民医院、县中医医院和12个乡镇卫生院实行差额预算管理，单独编制预算，不在本部门预算范围内。
二、收支预算总体情况
2026年收入预算4,120.00万元。
"""


def test_the_units_listed_after_分别是_answer_which_units_it_has(tmp_path_factory, embeddings):
    """Not the bodies a sentence lists as kept outside the budget ("县人民医院、…和12个乡镇卫生院…不在本部门预算范围内")."""
    listed = written_assistant(tmp_path_factory.mktemp("units_listed"), embeddings,
                               {"yingxiu-county-health-commission_2026_dept-budget.txt": UNITS_LISTED})
    answer = listed.ask("滢岫县卫健委有哪些下属单位")
    assert answer.kind == "text" and "滢岫县疾病预防控制中心" in answer.text and "急救指挥中心" in answer.text, answer.text
