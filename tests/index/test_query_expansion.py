"""The colloquial-word vocabulary (index/data/query_synonyms.tsv) and how questions are expanded with it."""

from __future__ import annotations

import pytest

from index.query_expansion import SYNONYMS_FILE, canonical_terms, canonical_variants


def rows() -> list[tuple[str, list[str]]]:
    out = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            colloquial, canonical = line.split("\t")
            out.append((colloquial, canonical.split("|")))
    return out


def test_every_line_is_a_word_and_its_terms():
    for colloquial, canonical in rows():
        assert colloquial.lstrip("=") and all(term.strip() == term and term for term in canonical), colloquial


def test_no_word_is_listed_twice():
    words = [colloquial for colloquial, _ in rows()]
    assert len(words) == len(set(words))


@pytest.mark.parametrize("question, term", [
    ("招待费多少", "公务接待费"), ("出国经费多少", "因公出国（境）费"), ("买车的钱", "公务用车购置费"),
    ("养车花多少", "公务用车运行费"), ("交公积金多少", "住房公积金"), ("工资一年多少", "人员经费"),
    ("开会花多少", "会议费"), ("出差的钱", "差旅费"), ("培训", "培训费"),
    ("城市低保金预算多少", "最低生活保障金"), ("年底还剩多少", "年末结转和结余"), ("财政出多少", "财政拨款"),
    ("公车运行维护费", "公务用车运行费"), ("怎么没有体彩公益金", "体育彩票公益金"), ("福彩公益金多少", "福利彩票公益金"),
    ("请客吃饭的钱多少", "公务接待费"), ("下面有哪些下属单位", "预算单位"), ("有几个下面单位", "单位构成"), ("有哪些下属单位", "编报范围"), ("人代会花了多少", "人大会议"),
    ("实际在职的有多少人", "实有在职人员"), ("单价100万元以上的设备有几台", "单位价值"),
    ("政府采购合同一共多少钱", "政府采购支出总额"),
])
def test_colloquial_words_bring_the_documents_terms(question, term):
    assert term in canonical_terms(question)


def test_a_whole_item_entry_applies_only_to_the_whole_item():
    assert "预算收支" in canonical_variants("预算")
    assert "预算收支" not in canonical_terms("人民调解项目年度预算")


def test_variants_replace_the_colloquial_word_in_place():
    assert "公务接待费用" in canonical_variants("招待费用")


@pytest.mark.parametrize("focus, variant", [("因公出国经费", "因公出国（境）费"), ("公务招待费", "公务接待费"),
                                            ("单位的招待费", "单位的公务接待费")])
def test_words_around_the_colloquial_word_that_the_term_holds_are_taken_in(focus, variant):
    variants = canonical_variants(focus)
    assert variant in variants and not any("公务公务" in v or "因公因公" in v or "费费" in v for v in variants)


def test_a_colloquial_word_holding_its_own_term_is_still_rewritten():
    assert "一般公共预算基本支出" in canonical_variants("一般公共预算财政拨款基本支出")


def test_a_colloquial_word_inside_the_documents_term_is_not_rewritten():
    assert canonical_variants("工资福利支出") == []


@pytest.mark.parametrize("question, term", [("司法局有几辆公务车", "车辆"), ("交养老保险的钱", "机关事业单位基本养老保险缴费"),
                                           ("缴公积金多少", "住房公积金")])
def test_colloquial_items_reach_the_documents_terms(question, term):
    assert term in canonical_terms(question)


def test_words_after_the_colloquial_word_keep_the_part_they_name():
    variants = canonical_variants("公车运行费")
    assert "公务用车运行费" in variants and "公务用车购置及运行费" not in variants
    assert not any("购置及" in v for v in variants), variants  # nor 公务用车购置及运维费运行费


def test_a_colloquial_word_after_the_term_it_stands_for_is_dropped():
    """"年末结转和结余还剩": 还剩 says again what the words before it name."""
    assert "政府性基金年末结转和结余" in canonical_variants("政府性基金年末结转和结余还剩")
    assert canonical_variants("一般公共预算支出") == []  # 支出 is rewritten only as the whole item


@pytest.mark.parametrize("focus, variant", [("医保缴费", "职工基本医疗保险缴费"), ("年底还剩", "年末结转和结余")])
def test_words_after_the_colloquial_word_that_end_its_term_are_the_term(focus, variant):
    """The words after 医保 are the end of 职工基本医疗保险缴费 itself, not a part of a joined term (购置及运行费)."""
    assert variant in canonical_variants(focus)


@pytest.mark.parametrize("focus, variant", [("公车运维费", "公务用车运行维护费"), ("车辆运维费", "车辆运行维护费"),
                                            ("公车运行费", "公务用车运行维护费")])
def test_a_shortened_running_cost_reaches_its_full_name(focus, variant):
    assert variant in canonical_variants(focus)



@pytest.mark.parametrize("focus, variant", [("公车购置和运行费", "公务用车购置及运行费"), ("办公和印刷费", "办公及印刷费")])
def test_parts_joined_by_和_are_also_joined_by_及_as_documents_write_them(focus, variant):
    assert variant in canonical_variants(focus)


@pytest.mark.parametrize("focus", ["还剩结转", "还剩结余"])
def test_what_is_left_asked_around_多少_is_the_year_end_balance(focus):
    assert "年末结转和结余" in canonical_variants(focus)
