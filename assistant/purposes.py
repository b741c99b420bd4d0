"""What an item's money is for: the 主要用于 clause the document states beside the item's figures."""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.citations import SourceTexts
from assistant.fact_matching import MIN_OPERAND_SCORE, rank_facts
from assistant.plan import QuestionPlan
from index.fact_store import FactRecord

NEARBY_CHARS = 600  # how far before an item's figure its purpose clause may stand
_USED_FOR = re.compile(r"(?:主要)?用于(?P<purpose>[^。；;\n]{2,80})")


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
    ranked = rank_facts([f for f in facts if f.origin == "text"], intent.terms, intent.question) if intent.terms else []
    if not ranked or ranked[0].score < MIN_OPERAND_SCORE:
        return None
    fact = ranked[0].fact
    text = texts.text(fact.doc_id)
    sentence_end = min((at for mark in "。\n" if (at := text.find(mark, fact.end)) >= 0), default=len(text))
    used = _USED_FOR.search(text, fact.end, sentence_end)
    if used is None:
        return None
    citation = texts.cite(fact.doc_id, fact.start, used.end(), fact.page)
    said = f"{_owner(fact)}{fact.subject}用于{used['purpose']}。"
    return Answer(question=intent.question, kind="text", text=said, citations=[citation], route="fact")


def _owner(fact: FactRecord) -> str:
    return f"{fact.department}{fact.year}年" if fact.year else fact.department
