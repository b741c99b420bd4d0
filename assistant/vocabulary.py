"""Question-side vocabulary loaded from `assistant/data`: what a question names when it names no item."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate

from ingest.lexicon import tokens

DATA = files("assistant") / "data"


def _words(name: str) -> list[str]:
    """A data file of one word per line ("#" lines are comments)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _keyed_lists(name: str) -> dict[str, tuple[str, ...]]:
    """A data file of "key<TAB>a|b|c" rows ("#" lines are comments) as {key: (a, b, c)}."""
    rows: dict[str, tuple[str, ...]] = {}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, values = line.split("\t", 1)
            rows[key.strip()] = tuple(v.strip() for v in values.split("|") if v.strip())
    return rows


@lru_cache(maxsize=1)
def whole_budget_terms() -> dict[str, tuple[str, ...]]:
    """{"budget": (预算收支, …), "spending": (财政拨款支出, …)}: the whole a question means by "预算" or "支出"."""
    return _keyed_lists("whole_budget_terms.tsv")


def total_terms() -> list[str]:
    """Terms for the whole budget (预算收支, 支出总计 …)."""
    return list(whole_budget_terms()["budget"])


def people_terms() -> list[str]:
    """Terms for the people a body has, asked without an item (有多少人: 实有人员, 在职人员 …)."""
    return list(whole_budget_terms()["people"])


def spending_terms() -> list[str]:
    """Terms for total spending, used by completion-rate questions (财政拨款支出, 支出决算 …)."""
    return list(whole_budget_terms()["spending"])


def is_budget_whole(item: str) -> bool:
    """Whether an item is a whole of the budget as documents name it (收入总计, 本年支出合计), not a part of it."""
    return any(item in whole_budget_terms()[row] for row in ("budget", "income", "spending"))


def names_the_whole(focus: str) -> bool:
    """True when what is left of a question once its basis word is taken out names the whole budget
    (总预算 → 总, 全部预算 → 全部), or it is a word for the whole itself (预算, 收支)."""
    return any(asked in (focus, f"{focus}预算") for asked in whole_budget_terms()["asked_budget"])


@lru_cache(maxsize=1)
def office_items() -> tuple[str, ...]:
    """Items only an administrative office has (机关运行经费): its own office's figure is the department's."""
    return tuple(_words("office_items.txt"))


@lru_cache(maxsize=1)
def owned_measures() -> frozenset[str]:
    """Figures that are always some item's (年末结转和结余): asked alone in a follow-up, of the item before."""
    return frozenset(_words("owned_measures.txt"))


def fund_words() -> tuple[str, ...]:
    """The funds a table may hold one of (一般公共预算, 政府性基金 …)."""
    return whole_budget_terms()["funds"]


def money_sources() -> tuple[str, ...]:
    """Words of a project table's columns that say where its money comes from (上年结转, 事业收入 …)."""
    return whole_budget_terms()["money_sources"]


def split_funds() -> tuple[str, ...]:
    """The funds a budget is split into (一般公共预算, 政府性基金, 国有资本经营): none of them is the whole."""
    return whole_budget_terms()["split_funds"]


def whole_terms(asked: str) -> list[str]:
    """The terms documents use for the whole a question names ("全部预算支出" → 财政拨款支出, 支出总计 …), or []
    when `asked` names an item rather than a whole."""
    rows = whole_budget_terms()
    for asked_row, terms_row in (("asked_spending", "spending"), ("asked_income", "income"), ("asked_budget", "budget")):
        if asked in rows[asked_row]:
            return list(rows[terms_row]) + (list(rows["budget"]) if terms_row != "budget" else [])
    return []


def this_years_terms(asked: str) -> list[str]:
    """The terms documents use for this year's own income or spending ("当年收入" → 本年收入合计, 收入预算 …), or []."""
    rows = whole_budget_terms()
    return next((list(rows[terms]) for asked_row, terms in (("asked_this_years_income", "this_years_income"),
                 ("asked_this_years_spending", "this_years_spending")) if asked in rows[asked_row]), [])


@lru_cache(maxsize=1)
def generic_item_words() -> frozenset[str]:
    """Words that name no item of their own (预算, 金额, 项目 …): a question may add them to any item."""
    return frozenset(_words("generic_item_words.txt"))


@lru_cache(maxsize=1)
def unit_words() -> dict[str, tuple[str, ...]]:
    """{unit: words it says of a figure}: 平方米 says 面积, 辆 says 数量."""
    return _keyed_lists("unit_words.tsv")


@lru_cache(maxsize=1)
def counted_nouns() -> dict[str, tuple[str, ...]]:
    """{unit: nouns}: what a question counts in a unit of its own (人员 in 人)."""
    return _keyed_lists("counted_nouns.tsv")


@lru_cache(maxsize=1)
def count_heads() -> frozenset[str]:
    """Words that may follow the people a question counts in a count's item and still count them (医生人数)."""
    return frozenset(_words("count_heads.txt"))


@lru_cache(maxsize=1)
def count_flows() -> tuple[str, ...]:
    """Words that make a counted item a flow of the year (报废, 新增), not what a body holds."""
    return tuple(_words("count_flows.txt"))


@lru_cache(maxsize=1)
def _counted_items() -> dict[str, tuple[str, ...]]:
    return _keyed_lists("counted_items.tsv")


def counted_terms(item: str) -> tuple[str, ...]:
    """How documents count what a count question names by an act: 买车 as 购置用车, 买电脑 as 购置电脑 (an act listed
    with * before any item)."""
    listed = _counted_items()
    if item in listed:
        return listed[item]
    act = next((key[:-1] for key in listed if key.endswith("*") and item.startswith(key[:-1]) and len(item) > len(key)), None)
    return tuple(term[:-1] + item[len(act):] for term in listed[f"{act}*"]) if act else ()


_KIND_SUFFIX = re.compile(r"(?:预算|支出|经费|资金|金额)$")


@lru_cache(maxsize=1)
def sibling_kinds() -> dict[str, tuple[str, ...]]:
    """{whole: kinds}: the kinds a whole is split into (政府采购: 货物, 工程, 服务)."""
    return _keyed_lists("sibling_kinds.tsv")


@lru_cache(maxsize=1)
def exclusive_kinds() -> tuple[tuple[str, ...], ...]:
    """The kinds of each sort that name different things (车, 船, 艇 of conveyances)."""
    return tuple(_keyed_lists("exclusive_kinds.tsv").values())


def names_another_kind(asked: str, item: str) -> bool:
    """Whether the asked item names a kind (执法船艇) and the item only another kind of the same sort (执法执勤用车)."""
    for kinds in exclusive_kinds():
        said, named = {k for k in kinds if k in asked}, {k for k in kinds if k in item}
        if said and named and not said & named:
            return True
    return False


def with_siblings_whole(parts: list[str]) -> list[str]:
    """Parts after the first said as a kind alone take the first's whole: 政府采购货物, 工程 → 政府采购工程."""
    first = parts[0] if parts else ""
    whole = next((w for w, kinds in sibling_kinds().items()
                  if first.startswith(w) and any(first.endswith(k) for k in kinds)), None)
    if whole is None:
        return parts
    return [first, *(whole + p.removesuffix("类") if p.removesuffix("类") in sibling_kinds()[whole] else p for p in parts[1:])]


def joined_item(part: str, whole: str) -> str:
    """A part named by its kind inside a whole ("政府采购预算中工程类") as documents name it: 政府采购工程."""
    return _KIND_SUFFIX.sub("", whole) + re.sub(r"[类项]$", "", part)


@lru_cache(maxsize=1)
def section_aspects() -> dict[str, tuple[str, ...]]:
    """{heading word: phrasings}: 实施周期 is asked as 什么时候 or 怎么排, 实施主体 as 哪些科室."""
    return _keyed_lists("section_aspects.tsv")


def asked_aspects(question: str) -> dict[str, str]:
    """{heading word: what asked for it} for each heading side the question asks by name or by a phrasing."""
    asked: dict[str, str] = {}
    for heading, phrasings in section_aspects().items():
        said = next((p for p in (heading, *phrasings) if p in question), None)
        if said:
            asked[heading] = said
            if heading in duty_headings():  # a body's duties stand under any of their headings (部门职责, 职能职责 …)
                asked.update({other: said for other in duty_headings() if other not in asked})
    return asked


@lru_cache(maxsize=1)
def compound_items() -> dict[str, tuple[str, ...]]:
    """{水电费: (水费, 电费)}: items asked together that documents list apart; also asked by their parts' names
    back to back (水费电费)."""
    compounds = _keyed_lists("compound_items.tsv")
    return {**{"".join(parts): parts for parts in compounds.values()}, **compounds}


@lru_cache(maxsize=1)
def _duty_patterns() -> tuple[re.Pattern[str], ...]:
    """How a question asks whether a body handles a matter, longest phrasing first; "…" holds the matter, which
    never opens with 理 (管理费 is no 管)."""
    phrasings = sorted(_keyed_lists("duty_questions.tsv")["asked"], key=len, reverse=True)
    return tuple(re.compile("([^理].*?)".join(map(re.escape, p.split("…")))) for p in phrasings)


@lru_cache(maxsize=1)
def _duty_tail() -> re.Pattern[str]:
    tails = sorted(_keyed_lists("duty_questions.tsv")["tail"], key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, tails))})?[吗啊呀呢吧？?。]*$")


def asked_duty(question: str) -> str | None:
    """The question without its asking words, when it asks whether the body handles a matter ("区府办管不管出国审批
    的事" → 区府办出国审批), or None."""
    for pattern in _duty_patterns():
        if match := pattern.search(question):
            held = match.group(1) if pattern.groups else ""
            return _duty_tail().sub("", f"{question[: match.start()]}{held}{question[match.end():]}")
    return None


@lru_cache(maxsize=1)
def not_matter_words() -> frozenset[str]:
    """Words of a duty question that name no matter (负责, 具体)."""
    return frozenset(_keyed_lists("duty_questions.tsv")["not_matter"])


@lru_cache(maxsize=1)
def duty_headings() -> tuple[str, ...]:
    """Headings under which a document lists its body's duties (主要职能), longest first."""
    return tuple(sorted(_keyed_lists("duty_questions.tsv")["heading"], key=len, reverse=True))


@lru_cache(maxsize=1)
def joined_bodies() -> dict[str, tuple[str, ...]]:
    """{行政事业: (行政, 事业)}: words joining two kinds of body in one item's name."""
    return _keyed_lists("joined_bodies.tsv")


@lru_cache(maxsize=1)
def row_ranking_words() -> dict[str, tuple[str, ...]]:
    """{list: words}, each list longest word first: how a question asks which row is largest or smallest
    (most, least, which), which body (bodies), what says only money (spent) and a level (类, 款, 项)."""
    return {key: tuple(sorted(words, key=len, reverse=True)) for key, words in _keyed_lists("row_ranking.tsv").items()}


@lru_cache(maxsize=1)
def glossary_headings() -> tuple[str, ...]:
    """Headings under which disclosures define their terms (名词解释)."""
    return tuple(_words("glossary_headings.txt"))


@lru_cache(maxsize=1)
def said_items() -> tuple[tuple[str, ...], frozenset[str]]:
    """Endings of words naming money a figure must name itself (学费, 总投资, 罚款), and one-character words that do
    so alone (罚): found by its other words only, a figure is of something else."""
    rows = _keyed_lists("said_items.tsv")
    return rows["ending"], frozenset(rows["alone"])


@lru_cache(maxsize=1)
def target_words() -> frozenset[str]:
    """Words that ask for an indicator's bound (最多, 允许 …), not what it counts."""
    return frozenset(_words("target_words.txt"))


@lru_cache(maxsize=1)
def achieved_words() -> frozenset[str]:
    """Words that ask what an indicator achieved (实际, 完成了 …), not its target."""
    return frozenset(_words("achieved_words.txt"))


@lru_cache(maxsize=4096)
def asked_achievement(question: str) -> bool | None:
    """Whether a question asks what an indicator achieved (True), its target (False), or says neither (None)."""
    if any(word in question for word in achieved_words()):
        return True
    return False if any(word in question for word in target_words()) else None


@lru_cache(maxsize=1)
def field_phrasings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """How a question asks for a header field of a 绩效目标表: (phrasing, the fields it asks for in order of
    preference), longest phrasing first (a tie: the earlier line)."""
    rows = [(phrasing, tuple(fields.split("|"))) for fields, phrasings in _keyed_lists("form_field_questions.tsv").items()
            for phrasing in phrasings]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=1)
def row_columns() -> dict[tuple[str, ...], tuple[str, ...]]:
    """{column header words: phrasings} of what a question asks of a row a table names (data/row_columns.tsv)."""
    return {tuple(key.split("|")): phrasings for key, phrasings in _keyed_lists("row_columns.tsv").items()}


def asked_column(question: str) -> tuple[str, ...]:
    """The header words of the column a question asks a named row's cell of (by its longest phrasing), or ()."""
    said = [(len(p), headers) for headers, phrasings in row_columns().items() for p in phrasings if p in question]
    return max(said, key=lambda found: found[0])[1] if said else ()


_NO_NAME_BEFORE_ENDING = frozenset("和与及或、各全每本该等")  # "镇级配套和村集体…": 村 there ends no village's name


@dataclass(frozen=True)
class AskedDetail:
    """A kind of detail a question asks for (a firm, a country, a village) and how a sentence names one."""

    phrasings: tuple[str, ...]
    names: re.Pattern[str]  # a name of the kind: characters before one of its endings
    generic: frozenset[str]  # words ending so that name nothing (中小企业, 出国, 行政村): a name never ends with one

    def named_in(self, text: str) -> bool:
        """Whether the text names a detail of this kind: a name ending on a word's end (德国 of 赴德国开展, never the 国
        of 国际合作) and with no word that names nothing."""
        ends = _word_ends(text)
        return any(match.end() in ends and not match.group().endswith(tuple(self.generic))
                   and text[match.start("ending") - 1] not in _NO_NAME_BEFORE_ENDING for match in self.names.finditer(text))


@lru_cache(maxsize=1)
def asked_details() -> tuple[AskedDetail, ...]:
    """The kinds of detail questions ask for (data/asked_details.tsv)."""
    details = []
    for line in (DATA / "asked_details.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrasings, endings, fewest, generic = line.split("\t")
            pattern = rf"[\u4e00-\u9fff]{{{int(fewest)},8}}(?P<ending>{'|'.join(map(re.escape, endings.split('|')))})"
            generic_words = frozenset(word for word in generic.split("|") if word)
            details.append(AskedDetail(tuple(phrasings.split("|")), re.compile(pattern), generic_words))
    return tuple(details)


def _word_ends(text: str) -> set[int]:
    """The offsets where the text's words end."""
    return set(accumulate(len(word) for word in tokens(text)))


def asked_detail(question: str) -> AskedDetail | None:
    """The kind of detail the question asks for by one of its phrasings ending on a word's end (哪些村, not the
    哪些村 of 哪些村小), or None."""
    ends = _word_ends(question)
    return next((d for d in asked_details() for p in d.phrasings
                 if (at := question.find(p)) >= 0 and at + len(p) in ends), None)


@lru_cache(maxsize=1)
def people_groups() -> tuple[str, ...]:
    """Words ending the name of a group of people an item is paid to or for (data/people_groups.txt)."""
    return tuple(_words("people_groups.txt"))
