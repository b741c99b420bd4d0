"""What a table prints in a named row under an asked column: a unit's 单位性质 in the table of units, a purchase's
采购方式; a row the question does not name, or a column no table has, answers nothing of the kind, nor does the cell
answer a question asking a second thing."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.vocabulary import asked_column, row_columns
from tests.assistant.conftest import written_assistant

BUREAU = """涞岈市机关事务管理局2024年度部门决算

一、部门决算单位构成
纳入本部门2024年度部门决算编制范围的单位共3个，包括局本级和2个下属事业单位。
部门决算单位构成
序号\t单位名称\t单位性质\t编制人数\t实有人数
1\t涞岈市机关事务管理局本级\t行政单位\t40\t38
2\t涞岈市机关服务中心\t公益二类事业单位\t62\t57
3\t涞岈市公务用车服务中心\t公益一类事业单位\t25\t23

二、政府采购情况
政府采购明细表
单位：万元
采购项目\t采购方式\t金额
办公楼物业管理服务\t公开招标\t186.00
公务用车更新\t协议供货\t28.00
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("row_cells"), embeddings,
                             {"laiya-city-offices-administration-bureau_2024_dept-final-account.txt": BUREAU})


@pytest.mark.parametrize("question, said", [("涞岈市机关服务中心是什么性质的单位", "公益二类事业单位"),
                                            ("涞岈市公务用车服务中心是啥性质", "公益一类事业单位"),
                                            ("涞岈市机关事务管理局办公楼物业管理服务是怎么采购的", "公开招标")])
def test_the_asked_column_of_the_named_row(assistant, question, said):
    answer = assistant.ask(question)
    assert answer.kind == "text" and said in answer.text, answer.text
    assert any(said in c.quote for c in answer.citations)


def test_a_second_thing_asked_leaves_the_cell_to_the_text_that_says_both(assistant):
    answer = assistant.ask("涞岈市机关服务中心是什么性质的单位，干什么的？")
    assert "单位性质为" not in answer.text, answer.text


def test_another_rows_cell_is_never_the_answer(assistant):
    answer = assistant.ask("涞岈市机关服务中心是什么性质的单位")
    assert "公益一类" not in answer.text and "行政单位" not in answer.text


def test_every_column_line_has_headers_and_phrasings():
    assert row_columns() and all(headers and phrasings for headers, phrasings in row_columns().items())
    assert asked_column("某中心是什么性质的单位")[0] == "单位性质" and asked_column("某局有多少钱") == ()
