"""What an item's money is for: the 主要用于 clause the document states beside the item's figures."""

from __future__ import annotations

import re

from assistant.answer import Answer, Citation
from assistant.citations import SourceTexts
from assistant.fact_matching import MIN_OPERAND_SCORE, rank_facts
from assistant.plan import QuestionPlan
from index.fact_store import FactRecord

NEARBY_CHARS = 600  # how far before an item's figure its purpose clause may stand
_USED_FOR = re.compile(r"(?:主要)?用于(?P<purpose>[^。；;\n]{2,80})")
# "…36.80万元，占0.26%，为某所可回收物处置收入": what the figure's sentence says the money is
_SAID_TO_BE = re.compile(r"[，,]\s*(?P<verb>(?:主要|全部)?(?:为|是|系|来源于|来自))(?P<what>[^，,。；;\n]{2,80})")


def purpose_answer(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts) -> Answer | None:
    """"财政委托业务支出是干什么用的": the purpose stated for the best-named item, quoted from where it stands; else
    the 用于 clause that closes the sentence stating the item's figure ("政府性基金预算支出450.00万元，…，用于某道路改造")."""
    stated = [f for f in facts if f.purpose]
    ranked = rank_facts(stated, intent.terms, intent.question) if intent.terms else []
    if not ranked or ranked[0].score < MIN_OPERAND_SCORE:
        return _used_for_in_its_sentence(intent, facts, texts)
    fact = ranked[0].fact
    text = texts.text(fact.doc_id)
    at = text.find(fact.purpose, max(0, text.rfind("\n", 0, fact.start) - NEARBY_CHARS))
    if at < 0:
        return None
    citation = texts.cite(fact.doc_id, at, at + len(fact.purpose))
    said = f"{_owner(fact)}{fact.subject}主要用于{fact.purpose}。"
    return Answer(question=intent.question, kind="text", text=said, citations=[citation], route="fact")


def _used_for_in_its_sentence(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts) -> Answer | None:
    """The 用于 clause after the best-named item's figure in the sentence stating it, or None."""
    found = _clause_after_figure(intent, facts, texts, _USED_FOR, "。\n")
    if found is None:
        return None
    fact, used, citation = found
    said = f"{_owner(fact)}{fact.subject}用于{used['purpose']}。"
    return Answer(question=intent.question, kind="text", text=said, citations=[citation], route="fact")


def what_money_answer(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts) -> Answer | None:
    """"其他收入是哪来的", "上年结转资金是什么钱": what the clause after the item's own figure says it is ("其他收入36.80万元，
    占0.26%，为某所可回收物处置收入"), or None."""
    found = _clause_after_figure(intent, facts, texts, _SAID_TO_BE, "。；;\n")
    if found is None:
        return None
    fact, said, citation = found
    text = f"{_owner(fact)}{fact.subject}{fact.value}{fact.unit or ''}，{said['verb']}{said['what']}。"
    return Answer(question=intent.question, kind="text", text=text, citations=[citation], route="fact")


def _clause_after_figure(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts, clause: re.Pattern[str],
                         ends: str) -> tuple[FactRecord, re.Match[str], Citation] | None:
    """The best-named item's figure stated in prose, the clause matching `clause` after it in the same sentence (up to
    one of `ends`), and the citation from the figure to the clause's end; None when either is missing."""
    ranked = rank_facts([f for f in facts if f.origin == "text"], intent.terms, intent.question) if intent.terms else []
    if not ranked or ranked[0].score < MIN_OPERAND_SCORE:
        return None
    fact = ranked[0].fact
    text = texts.text(fact.doc_id)
    sentence_end = min((at for mark in ends if (at := text.find(mark, fact.end)) >= 0), default=len(text))
    found = clause.search(text, fact.end, sentence_end)
    if found is None:
        return None
    return fact, found, texts.cite(fact.doc_id, fact.start, found.end(), fact.page)


def _owner(fact: FactRecord) -> str:
    return f"{fact.department}{fact.year}年" if fact.year else fact.department
