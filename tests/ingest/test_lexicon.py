"""Every search term of a text is found in its searchable form, so a word missing there is no term of it."""

from __future__ import annotations

import pytest

from ingest.lexicon import search_terms, searchable_text
from ingest.pipeline import parse_file


@pytest.mark.parametrize("text", ["PPP项目（含）“政府采购”支出", "一般公共服务支出(类）-统计信息事务（款）", "ΟΔΟΣ Σ αΣβ",
                                  "İstanbul办事处 1,307.00万元 14.84%", "《三公经费》预算 合 计"])
def test_each_search_term_stands_in_the_searchable_text(text: str) -> None:
    searchable = searchable_text(text)
    assert all(term in searchable for term in search_terms(text)), (search_terms(text), searchable)


def test_each_search_term_of_a_documents_facts_stands_in_their_searchable_text(small_paths) -> None:
    for fact in parse_file(small_paths[0]).facts:
        text = f"{fact.subject} {fact.context} {fact.heading}"
        searchable = searchable_text(text)
        assert all(term in searchable for term in search_terms(text)), text


@pytest.mark.parametrize("asked, said", [("还挂了什么牌子", "同时挂某县行政学校牌子"), ("挂牌子", "加挂某某中心牌子")])
def test_a_word_a_question_and_its_document_share_is_one_word_in_both(asked: str, said: str) -> None:
    """"挂…牌子" said as one phrase is cut as the document's words are, not into 挂牌 and 子."""
    assert "牌子" in search_terms(asked) and "牌子" in search_terms(said)
