"""The list a sentence leads into, as documents print it: numbered lines, a first item on the lead-in's
line, a numbered table, bare lines, and sentences that lead into nothing."""

from __future__ import annotations

from assistant.listings import listing_after


def items(text: str, sentence: str) -> list[str] | None:
    start = text.index(sentence)
    span = listing_after(text, start, start + len(sentence))
    return None if span is None else text[span[0] : span[1]].split("\n")


def test_numbered_lines_after_a_lead_in_on_the_next_line():
    text = "机构设置\n本部门预算包括本部以及下属2家单位。\n具体包括：\n1. 本部。\n2. 服务中心。\n3. 执法队。\n\n名词解释\n"
    assert items(text, "本部门预算包括本部以及下属2家单位。") == ["1. 本部。", "2. 服务中心。", "3. 执法队。"]


def test_the_first_item_on_the_lead_ins_line_and_a_lead_in_two_lines_on():
    text = "部门预算包括本部以及下属1家单位。\n本部门中，行政单位1家，\n具体包括： 1. 本部\n2. 法律援助中心\n\n名词解释"
    assert items(text, "部门预算包括本部以及下属1家单位。") == ["1. 本部", "2. 法律援助中心"]


def test_a_numbered_table_after_its_header_row():
    text = "纳入决算编制范围的单位包括：\n\n序号\t单位名称\t备注\n1\t某局（本级）\t\n2\t某局执法大队\t\n\n收入支出决算总表"
    assert items(text, "纳入决算编制范围的单位包括：") == ["1\t某局（本级）\t", "2\t某局执法大队"]


def test_a_numbered_table_under_its_title_and_unit_lines():
    """"…共计3个，具体为：" then the table's title, its unit line and header: its rows, not its caption lines."""
    text = ("预算单位共计3个，具体为：\n部门预算单位构成及收支预算情况表\n单位：人、万元\n\n序号\t单位名称\t编制人数\n"
            "1\t某县公安局（本级）\t168\n2\t某县公安局城关派出所\t46\n3\t某县公安局禁毒大队\t18\n\t合计\t232\n")
    assert items(text, "预算单位共计3个，具体为：") == ["1\t某县公安局（本级）\t168", "2\t某县公安局城关派出所\t46",
                                                  "3\t某县公安局禁毒大队\t18"]


def test_bare_lines_stop_at_a_line_numbered_otherwise():
    text = "单位构成，具体明细如下:\n某委机关(包括办公室、法规处)\n某公路局\n某港航管理局\n（三）人员情况。\n"
    assert items(text, "单位构成，具体明细如下:") == ["某委机关(包括办公室、法规处)", "某公路局", "某港航管理局"]


def test_a_sentence_that_leads_into_no_list():
    assert items("三公经费预算1.00万元。其中：公务接待费1.00万元。\n下一段。", "三公经费预算1.00万元。") is None
    assert items("具体包括：\n1. 只有一项。\n\n下一段", "具体包括：") is None  # one line is no list
    assert items("具体包括：\n" + "很长的一段话，" * 40 + "\n", "具体包括：") is None
