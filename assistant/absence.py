"""Finds where a document says it has none of an item ("本单位无公务用车", "故本表为空表") or that the item stands
outside its budget ("残疾人就业保障金由税务部门征收，…，不纳入本部门预算")."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.lexicon import word_spans
from ingest.punctuation import QUOTES_AND_BRACKETS, SENTENCE, SENTENCE_END_MARKS

MAX_STATEMENT_CHARS = 160  # a statement of absence is one short sentence
NEGATION_REACH = 4  # characters between 无 and the item it negates: "无“三公”经费", "没有安排公务接待"
MIN_ITEM_WORD_CHARS = 3  # "公务" alone is shared by every 三公 item; a two-character item (三公) is itself whole
_SENTENCE_BREAKS = (*SENTENCE_END_MARKS, "\n")  # where a sentence the SENTENCE pattern reads may start after
_NEGATION = re.compile(r"(?:无|没有|未安排|不安排|未编列|不编列|未发生|未组织|不涉及|未设置|未编制|不属于|不适用)")  # 不属于机关运行经费统计范围
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# "…，不纳入本部门预算": the item named at the sentence's start is no part of the budget
_OUTSIDE = re.compile(r"(?:不|未)(?:纳入|列入|在|包含在|包括在)(?:本|我)?(?:部门|单位)?(?:预算|决算)|另行编制")
_FIRST_CLAUSE = re.compile(r"[^，,；;：:。]*")
_VERB_GAP = re.compile(r"(?:安排|发生|使用|编制|设置|开支|列支|涉及|新增|购置|相关|任何|的|\s)*")  # between 无 and its item
_GENERIC_HEAD = re.compile(r"经费|费用|费|支出|预算|资金|金额|情况|统计范围|范围|团组|计划|的|等|和|及|与|或")  # what may follow the item negated
# "无新增公务用车和大型设备购置计划": what is negated, after the items joined, is buying them, not the items
_ACTS = "购置|购买|新增|更新"
_ACT_BEFORE = re.compile(rf"{_ACTS}|买")  # between 无 and its item: the act negated ("无购置公务用车计划")
_ACT_AFTER = re.compile(rf"(?:{_ACTS}|维修|改造|建设)(?:计划|支出|经费|费用|费|预算)?$")
_GENERIC_TAIL = re.compile(r"(?:经费|费用|费|支出|预算|资金|金额|情况)+$")
# a bound said inside the item ("单价50万元以上通用设备") is said the same when asked "单价50万以上的通用设备": compared without
# its 以上 and the 元 after 万, which a question's words leave out
_BOUND_WORDS = re.compile(r"(?<=万)元|(?:及|或)?以[上下内]")


def item_words(terms: list[str]) -> set[str]:
    """Leading whole words of the asked item and its synonyms: 公务用车购置费 → 公务用车, 公务用车购置; never a
    piece of a word (国有资产 is not 国有资本's 国有资)."""
    words: set[str] = set()
    for term in terms:
        head = _GENERIC_TAIL.sub("", QUOTES_AND_BRACKETS.sub("", term))
        shortest = min(MIN_ITEM_WORD_CHARS, len(head)) if len(head) >= 2 else MIN_ITEM_WORD_CHARS
        words |= {head[:end] for _, end in word_spans(head) if end >= shortest}
    return words


def _negated(word: str, reach: str, acts_asked: bool = False) -> bool:
    """The word follows the negation closely, with only verbs between ("没有安排公务接待", not "无工程类政府采购"); a
    two-character word ("三公") right after it, so 无业人员 is no statement about 人员经费; and nothing but a generic
    word follows it, so 无公车购置计划 (or 无公车和设备购置计划) says nothing of 公车."""
    at = (0 if reach.startswith(word) else -1) if len(word) < MIN_ITEM_WORD_CHARS else reach.find(word, 0, NEGATION_REACH + len(word))
    if at < 0 or not _VERB_GAP.fullmatch(reach[:at]):  # "无工程类政府采购" negates a kind of 政府采购, not all of it
        return False
    if _ACT_BEFORE.search(reach[:at]) and not acts_asked:
        return False  # "无购置公务用车计划" negates buying cars: it says nothing of the cars held or what running them costs
    rest = _HAN.match(reach, at + len(word))
    return rest is None or bool(_GENERIC_HEAD.match(rest.group())) and not _ACT_AFTER.search(rest.group())


@lru_cache(maxsize=64)
def _negating_sentences(text: str) -> tuple[tuple[int, int, str, tuple[int, ...]], ...]:
    """The short sentences of a document that negate something: (start, end, text without quotes and brackets,
    where each negation ends in it), found from the negations (one pass over the text) and read once per document."""
    found, seen = [], set()
    for negation in sorted([*_NEGATION.finditer(text), *_OUTSIDE.finditer(text)], key=lambda m: m.start()):
        start = 1 + max(text.rfind(mark, 0, negation.start()) for mark in _SENTENCE_BREAKS)
        if start in seen:
            continue
        seen.add(start)
        sentence = SENTENCE.match(text, start)
        body = sentence.group() if sentence else ""
        if not body.strip() or len(body) > MAX_STATEMENT_CHARS:
            continue
        bare = QUOTES_AND_BRACKETS.sub("", body)
        ends = tuple(match.end() for match in _NEGATION.finditer(bare))
        found.append((sentence.start() + len(body) - len(body.lstrip()), sentence.end(), bare, ends))
    return tuple(found)


_INAPPLICABLE = re.compile(rf"不属于|不适用|{_OUTSIDE.pattern}")  # "不属于机关运行经费统计范围": the item does not apply, it is not 0
_HAS_NONE = re.compile(r"无|没有|未安排|未编列|未发生|未组织")
# "公务用车购置费2025年未安排预算": the item, then its year, then none of it, ending the clause ("年初未安排预算，全年预算
# 为24.00万元" says only the first budget had none)
_NONE_AFTER = re.compile(r"(?:费|经费|费用|支出)?[：:]?\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:未安排|未发生|无)(?:预算|支出|经费)?"
                         r"(?=[，,。；;]|$)")  # "…，未安排机关运行经费": none of it, so 0
# asked of the first budget (年初预算), "公务用车购置费：年初未安排预算，全年预算为24.00万元" says it had none
_NONE_AT_FIRST = re.compile(r"(?:费|经费|费用|支出)?[：:]?\s*(?:(?:19|20)\d{2}\s*年度?)?\s*年初\s*(?:未安排|无)(?:预算)?(?=[，,。；;]|$)")


def states_inapplicable(statement: str) -> bool:
    """Whether a statement of absence says only that the item does not apply to the body, not that it has none."""
    return bool(_INAPPLICABLE.search(statement)) and not _HAS_NONE.search(statement)


def states_outside(statement: str) -> bool:
    """Whether a statement of absence says the item's money is kept out of the document's budget (不纳入本单位决算,
    另行编制): its figure is not in the document, whatever it is."""
    return bool(_OUTSIDE.search(statement)) and not _HAS_NONE.search(statement)


def _starts(text: str, word: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(word), text)]


def _of_other_years(statement: str, year: int | None) -> bool:
    """"2023年度未发生公务用车购置费支出" in a 2024 决算 says nothing of 2024: the statement names years, none of them
    the year asked."""
    said = {int(match.group(1)) for match in _YEAR.finditer(statement)}
    return year is not None and bool(said) and year not in said


def absence_statements(text: str, terms: list[str], year: int | None = None,
                       first_budget: bool = False) -> list[tuple[int, int]]:
    """Spans of every sentence saying the document has none of the item in the year asked (in its first budget, with
    `first_budget`), in document order (the 说明's sentence and the empty table's note both say it)."""
    words = {_BOUND_WORDS.sub("", word) for word in item_words(terms)}
    acts_asked = bool(terms and _ACT_BEFORE.search(terms[0]))  # 公务用车购置费, 买公车: buying is the item asked
    none_after = (_NONE_AFTER, _NONE_AT_FIRST) if first_budget else (_NONE_AFTER,)
    return [(start, end) for start, end, bare, ends in _negating_sentences(text) if words and not _of_other_years(bare, year)
            and _says_none(bare, ends, words, acts_asked, none_after)]


def _says_none(bare: str, ends: tuple[int, ...], words: set[str], acts_asked: bool,
               none_after: tuple[re.Pattern[str], ...]) -> bool:
    """Whether a negating sentence (quotes and brackets taken out) says there is none of one of the item's words: the
    word after a negation, or one of `none_after` after the word."""
    if any(_negated(word, _BOUND_WORDS.sub("", bare[at:]), acts_asked) for at in ends for word in words):
        return True
    if any(pattern.match(bare, at + len(word)) for pattern in none_after for word in words for at in _starts(bare, word)):
        return True
    opening = _FIRST_CLAUSE.match(bare.lstrip()).group()
    return bool(_OUTSIDE.search(bare)) and any(0 <= opening.find(word) <= NEGATION_REACH for word in words)
