"""What an item's money is for: the 主要用于 clause the document states beside the item's figures."""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.citations import SourceTexts
from assistant.fact_matching import MIN_OPERAND_SCORE, rank_facts
from assistant.formatting import shown, stated_use
from assistant.plan import QuestionPlan
from assistant.vocabulary import fund_words
from index.fact_store import FactRecord

NEARBY_CHARS = 600  # how far before an item's figure its purpose clause may stand
# never the 用于 inside a classification item's name (用于社会福利的彩票公益金（项）)
_USED_FOR = re.compile(r"(?:主要)?用于(?![^。；;\n，,、]{0,24}[（(]\s*[类款项]\s*[)）])(?P<purpose>[^。；;\n]{2,80})")
_CHANGE_SAID = re.compile(r"增加|减少|增长|下降|上升|节约|大于|小于|超过|低于|持平|原因")
_NEXT_USE = re.compile(r"[ \t]*(?:其|该项?|上述)?(?:资金|经费|支出)?主要用于(?P<purpose>[^。；;\n]{2,80})")  # a sentence of its own
_PARTS_USED_FOR = re.compile(r"其中[：:][^。\n]*?用于[^。\n]*。")  # the parts of the item, each with its use
_MAINLY = re.compile(r"主要(?:是|为)(?!.{0,6}原因)[^。；;\n]{2,80}")  # what the item's money went on, later in its paragraph
# "…36.80万元，占0.26%，为某所可回收物处置收入": what the figure's sentence says the money is
_MONEY_IS = r"(?P<verb>(?:主要|全部|均)?(?:为|是|系|来源于|来自))(?P<what>[^。；;\n]{2,120})"
_SAID_TO_BE = re.compile(rf"[，,]\s*{_MONEY_IS}")


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
    said = f"{_owner(fact)}{fact.subject}{stated_use(fact.purpose)}。"
    return Answer(question=intent.question, kind="text", text=said, citations=[citation], route="fact")


def _used_for_in_its_sentence(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts) -> Answer | None:
    """The 用于 clause after the best-named item's figure in the sentence stating it, else the uses of its parts the
    next sentence lists (其中：…，用于…；…，用于…), else the 主要是 clause later in its
    paragraph ("因公出国（境）费决算6.25万元…。…团组1个，累计3人次，主要是赴新加坡开展招商推介活动"), else the
    sentence later in its paragraph that says what money was used for, or None."""
    fact = _best_stated(intent, facts)
    if fact is None:
        return None
    if used := _clause_after(fact, texts, _USED_FOR, "。\n") or _next_sentence_use(fact, texts):
        said = f"{_owner(fact)}{fact.subject}用于{used['purpose']}。"
    elif used := _parts_used_for(fact, texts):
        said = f"{_owner(fact)}{fact.subject}{shown(fact.value, fact.unit)}，{used.group()}"
    elif (used := _clause_after(fact, texts, _MAINLY, "\n")) and not _explains_a_change(used, texts.text(fact.doc_id)):
        said = f"{_owner(fact)}{fact.subject}：{used.group()}。"
    elif used := _clause_after(fact, texts, _USED_FOR, "\n"):  # "…年中追加某专项经费36.00万元，用于…", later in its paragraph
        text = texts.text(fact.doc_id)
        opening = text.rfind("。", fact.end, used.start()) + 1 or fact.end
        said = f"{_owner(fact)}{fact.subject}：{text[opening : used.end()].strip(' ，,')}。"
    else:
        return None
    citation = texts.cite(fact.doc_id, fact.start, used.end(), fact.page)
    return Answer(question=intent.question, kind="text", text=said, citations=[citation], route="fact")


def what_money_answer(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts, of_use: bool = False) -> Answer | None:
    """"其他收入是哪来的", "上年结转资金是什么钱": what the clause after the item's own figure says it is ("其他收入36.80万元，
    占0.26%，为某所可回收物处置收入"), or a clause naming the item again in its paragraph or the next ("事业收入218.46万元，
    占1.15%；…。\n事业收入主要为…取得的收入"); None when neither says, or when asked what it is for (`of_use`) and
    the clause names only the fund it came from."""
    found = _what_it_is_said_to_be(_stated_alike(intent, facts), texts)
    if found is None or of_use and _names_a_fund(found[1]["what"]):
        return None  # "全部为上年结转的一般公共预算拨款" says where the money came from, not what it is for
    fact, said = found
    between = texts.text(fact.doc_id)[fact.end : said.start()]
    if "\n" in between or "。" in between:  # the figure, then the clause that names the item again
        clause_start = said.start() + 1 + len(said.group()[1:]) - len(said.group()[1:].lstrip())
        citations = [texts.cite(fact.doc_id, fact.start, fact.end, fact.page), texts.cite(fact.doc_id, clause_start, said.end())]
    else:
        citations = [texts.cite(fact.doc_id, fact.start, said.end(), fact.page)]
    text = f"{_owner(fact)}{fact.subject}{fact.value}{fact.unit or ''}，{said['verb']}{said['what']}。"
    return Answer(question=intent.question, kind="text", text=text, citations=citations, route="fact")


def _what_it_is_said_to_be(alike: list[FactRecord], texts: SourceTexts) -> tuple[FactRecord, re.Match[str]] | None:
    """The first of the places stating one item and figure whose clause says what the money is, with that clause
    ("收入包括：…其他收入12.60万元；", then "其他收入12.60万元，…，为房屋租金…"); None when none says."""
    if not alike:
        return None
    again = re.compile(rf"(?:[；;。]|\n)\s*{re.escape(alike[0].subject)}(?:[和及][^，,。；;]{{1,12}})?\s*{_MONEY_IS}")
    for fact in alike:
        if said := _clause_after(fact, texts, _SAID_TO_BE, "。；;\n") or _said_again(fact, texts, again):
            return fact, said
    return None


def _names_a_fund(what: str) -> bool:
    """Whether what the money is said to be is a fund it came from ("上年结转的一般公共预算拨款")."""
    return what.removeprefix("上年结转的").startswith(tuple(fund_words()))


def _best_stated(intent: QuestionPlan, facts: list[FactRecord]) -> FactRecord | None:
    """The figure stated in prose that best names the asked item, or None."""
    return next(iter(_stated_alike(intent, facts)), None)


def _stated_alike(intent: QuestionPlan, facts: list[FactRecord]) -> list[FactRecord]:
    """The figure stated in prose that best names the asked item, then every other place stating the same item and
    figure, in rank order; empty when none names it well enough."""
    ranked = rank_facts([f for f in facts if f.origin == "text"], intent.terms, intent.question) if intent.terms else []
    if not ranked or ranked[0].score < MIN_OPERAND_SCORE:
        return []
    best = ranked[0].fact
    return [scored.fact for scored in ranked
            if scored.score >= MIN_OPERAND_SCORE and (scored.fact.subject, scored.fact.value) == (best.subject, best.value)]


def _said_again(fact: FactRecord, texts: SourceTexts, again: re.Pattern[str]) -> re.Match[str] | None:
    """The clause naming the fact's item again that `again` finds in the figure's paragraph or the one after it."""
    text = texts.text(fact.doc_id)
    line_end = text.find("\n", fact.end)
    next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    return again.search(text, fact.end, next_end if next_end >= 0 else len(text))


def _clause_after(fact: FactRecord, texts: SourceTexts, clause: re.Pattern[str], ends: str) -> re.Match[str] | None:
    """The clause matching `clause` after the fact's figure, before the first of `ends` after it, or None."""
    text = texts.text(fact.doc_id)
    sentence_end = min((at for mark in ends if (at := text.find(mark, fact.end)) >= 0), default=len(text))
    return clause.search(text, fact.end, sentence_end)


def _next_sentence_use(fact: FactRecord, texts: SourceTexts) -> re.Match[str] | None:
    """The sentence right after the one stating the fact, on its line, when it says what the money is mainly for
    ("…完成年初预算的124.00%。主要用于农村互助养老服务点运营补助…"), or None."""
    text = texts.text(fact.doc_id)
    sentence_end = text.find("。", fact.end)
    if sentence_end < 0 or "\n" in text[fact.end : sentence_end]:
        return None
    return _NEXT_USE.match(text, sentence_end + 1)


def _parts_used_for(fact: FactRecord, texts: SourceTexts) -> re.Match[str] | None:
    """The sentence right after the one stating the fact that lists its parts with what each is used for ("其中：A（项）
    16.80万元，用于…；B（项）80.00万元，用于…。"), or None."""
    text = texts.text(fact.doc_id)
    sentence_end = text.find("。", fact.end)
    if sentence_end < 0 or "\n" in text[fact.end : sentence_end]:
        return None
    return _PARTS_USED_FOR.match(text, sentence_end + 1)


def _explains_a_change(clause: re.Match[str], text: str) -> bool:
    """Whether the 主要是 clause closes a sentence about a change or a gap ("…减少2.35万元，主要是…"): a reason, not a use."""
    opening = max(text.rfind(mark, 0, clause.start()) for mark in "。\n") + 1
    return bool(_CHANGE_SAID.search(text, opening, clause.start()))


def _owner(fact: FactRecord) -> str:
    return f"{fact.department}{fact.year}年" if fact.year else fact.department
