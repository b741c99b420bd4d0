"""Picks the facts that answer a budget item: exact subject first, then containment, then shared words.

Also decides when two facts about the same item disagree (a conflict to report, not to hide).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import lru_cache, reduce
from decimal import Decimal

from assistant.plan import ALL_FUNDS_TABLES, ASKS_OUTTURN, INCLUDED
from assistant.vocabulary import (achieved_words, asked_achievement, compound_items, count_flows, count_heads, fund_words,
                                  generic_item_words, joined_bodies, names_another_kind, office_items, owned_measures,
                                  people_groups, said_items, spending_terms, split_funds, target_words, total_terms, unit_words,
                                  whole_budget_terms, whole_terms)
from index.query_expansion import canonical_terms, canonical_variants
from index.fact_store import FactRecord
from ingest.facts import BUDGET_SIDES, CLAUSE_BREAK, GENERIC_HEADERS
from ingest.classify import stated_basis, table_kind
from ingest.lexicon import budget_terms, search_terms, searchable_text, tokens
from ingest.model import Basis, DocumentKind, FactKind, TableKind
from ingest.numbers import UNSIGNED_NUMBER, is_money, is_money_per
from ingest.performance_headers import is_achieved
from ingest.sections import DOCUMENT_PART, block_project
from ingest.scope import OWN_OFFICE, in_order
from ingest.subjects import classification_levels, normalise
from ingest.tables import is_fund_label, is_total_label, split_code, strip_list_mark, strip_table_number
from ingest.vocabulary import core_name, is_body_name, organ_suffixes, split_places

MIN_SCORE = 45.0  # below this a fact only shares incidental words with the question
NAMED_SCORE = 60.0  # an item named by all the asked words
PURPOSE_SCORE = 54.0  # an item named only by what its money is for: behind one named outright (a project of that name)
MIN_COVERED = 0.6  # share of the asked words a fact's item and place must say to be named by them
NARROWER_PENALTY = 12.0  # per word the question adds to the fact's item that the fact's place does not say
MIN_OPERAND_SCORE = 70.0  # a computed answer needs every operand named, not merely resembled
CONFLICT_MARGIN = 5.0  # facts this close to the best one describe the same item
CORROBORATION_MARGIN = 40.0  # a sentence and a table row stating the same figure score this close for one item
BARE_HEADER_CHARS = 2  # 支出, 收入: a header this short is the whole only of what its table's title says
ROUNDING = Decimal("0.005")  # half the last shown decimal: figures this close are one figure rounded
_FUND_LONG_FORM = re.compile(r"(?P<fund>政府性基金|国有资本经营)预算(?:财政)?(?:拨款)?(?=[\u4e00-\u9fff])")
_THIS_YEARS_GRANT = re.compile(r"(?<=预算)(?:当年|本年)(?=(?:财政)?拨款)")  # 一般公共预算当年拨款, said 一般公共预算拨款
_INNER_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[)）](?=[\u4e00-\u9fff])")  # 维修（护）费: a word read with or without it
_STATED_BASIS = re.compile(r"(?:(?:支出)?(?:预算|决算)(?:数|总额)?|总额)$")  # the basis a sentence's subject ends on
STATED_BASIS_COST = 1.0
MIN_ITEM_CHARS = 3  # what is left of 收入预算 once its basis is taken off (收入) names no item of its own
TERM_CACHE = 4096  # asked items (and their forms) remembered between questions
_STATED_AS = re.compile(r"(?:预算数|预算安排|预算|决算数|决算|安排|总额|总数)$")  # "三公经费预算" asks for 三公经费
INDICATOR_MARK = "指标"  # 数量指标, 产出指标, 指标值: a 绩效目标表 figure under it is an indicator's
NAMES_MONEY = re.compile(r"钱|元|费|成本|价|资金|经费|预算|决算|金额|拨款|补助|补贴|奖励|支出|收入|投资|投入")
ASKS_MONEY = re.compile(r"多少钱|花了?多少|几块钱|(?:预算|资金|经费|拨款)(?:是|为|有|安排了?)?多少(?![个人辆台次项批家户件套所座万平方公里米亩天])"
                        r"|多少(?![个人辆台次批家户件套所座名]|项(?!目))[\u4e00-\u9fff]{0,4}?(?:经费|资金|拨款)")  # 安排了多少项目经费
_ASKS_PER = re.compile(r"人均|户均|生均|[每单]|标准")  # money per head or per unit asked: 人均补助标准, 每人每月, 单价
PER_ASKED_BONUS = 10.0  # a figure printed per head (元/人) answers a question asking per head first, and no other
_ASKS_PERCENT = re.compile(r"%|％|率|比例|比重|占|百分|几成|增长|增幅|降幅|涨幅|幅度|完成|下降|上升|涨|降|增加|减少|多了|少了|增减|变化|还是")
_CAP = re.compile(r"以内|以下|不超过|控制在|上限|最多")
_ASKS_CHANGE = re.compile(r"增|减|涨|降|变化|变成|变为|比上年|比去年|比[^，。？?多少]{0,12}[多少](?![少多还是])")  # a stated change answers these
BASIS_MEASURE_WORDS = ("预算数", "决算数", "决算", "年初预算", "调整预算")  # a column's basis, said by the question
MEASURE_WORDS = ("成本指标", "数量指标", "质量指标", "时效指标", "满意度指标", "效益指标", *BASIS_MEASURE_WORDS, "完成率",
                 "合计", "一般公共预算", "政府性基金", "基本支出", "项目支出")
INDICATORS = ("成本指标", "数量指标", "质量指标", "时效指标", "满意度指标", "效益指标")  # asked as 成本, 数量, …
# an indicator's name anywhere; its short form (成本, 质量) only at the end: 农产品质量安全 is an item of its own
_MEASURE_WORD = re.compile("|".join([*sorted(INDICATORS + ("预算数", "决算数"), key=len, reverse=True),
                                     *(f"{w[:-2]}$" for w in INDICATORS)]))


def _without_measure_words(term: str) -> str:
    """"机房升级项目成本指标" → "机房升级项目": the measure is scored separately from the item."""
    stripped = _MEASURE_WORD.sub("", term)
    return stripped if len(stripped) >= 2 else term


# measures that state "the amount" of an item, preferred over targets, changes and breakdowns
PRIMARY_MEASURES = ("金额", "预算数", "合计", "预算资金", "决算数", "总计", "小计", "价值")


@dataclass(frozen=True)
class ScoredFact:
    fact: FactRecord
    score: float


# a figure of another basis than the one asked is never the answer; these bases stand in for each other
ACCEPTED_BASES = {
    Basis.BUDGET: {Basis.BUDGET, Basis.INITIAL_BUDGET, Basis.ADJUSTED_BUDGET},
    Basis.INITIAL_BUDGET: {Basis.INITIAL_BUDGET, Basis.BUDGET},
    Basis.ADJUSTED_BUDGET: {Basis.ADJUSTED_BUDGET},
    Basis.FINAL: {Basis.FINAL},
    Basis.EXECUTION: {Basis.EXECUTION},
}
OTHER_BASIS_PENALTY = 15.0  # unasked, a figure of another basis than the document's own (上年执行数 in a budget) comes last
# words of an average or a unit cost (see `averaged`): 人均, 每画幅加工成本, 单价; not 每年, 每月, 每季度, nor the
# price bound of a class of equipment (单价100万元以上专用设备, said 单位价值100万元以上 too)
# a rate asked, and what a figure says to answer it: 每月 a 月 (50元/人·月); 每个学生每天 a 每 (每生每天5元)
_RATES_ASKED = ((re.compile(r"每个?月"), re.compile("月")),
                (re.compile(r"每(?:个|名|位)?(?:学生|生|人|户|天|日|年)"), re.compile(r"每|/|人均|生均")))
_AVERAGE = re.compile(r"平均|人均|户均|生均|次均|单价(?!\s*[在为]?\s*\d)|单位成本|每(?![年月季天日周])[\u4e00-\u9fff]")
INITIAL_BUDGET_COST = 1.0  # unasked, a 年初预算 figure only just behind the document's own basis
ASKED_BASIS_BONUS = 6.0
PART_PENALTY = 4.0
COUNTED_PART_COST = 30.0
INCOME_COLUMN_PENALTY = 10.0
OWNED_BY_HEADING_COST = 5.0  # a figure named by its section's heading, not its own words, fits a little less
CATCH_ALL = "其他"  # opens the name of the rest of a classification's items
LEAF_EXTRA_CHARS = 15  # most a classification leaf's other characters cost an item named inside it
ONE_FUND_PENALTY = 3.0  # unasked, one fund's table (一般公共预算支出表) comes after the department's whole (支出总表)
GRAND_TOTAL_COST = 5.0  # asked what was spent, a 总计 (with the year's balances) comes after the year's own total
SIDE_GRAND_TOTAL_COST = 20.0  # asked one side's item, its 总计 (with the balances) comes after its 本年支出合计
_GRAND_TOTAL = "总计"
_YEAR_TOTAL = "合计"  # 本年收入合计: the year's own total, without the balances its side's 总计 holds
YEAR_TOTAL_COST = 10.0  # asked the 总计 by name, the year's own 合计 comes after it
_SPENDING = "支出"  # the side of the budget whose 总计 also holds what is carried forward
_WHOLE = "总"  # "总支出" asks the side's 总计 itself
_INVESTMENT = "总投资"  # a project's whole cost over its years, whose parts say how it is financed
_SPENT = re.compile(r"花了|花掉|花费了|用了|用掉|开支了")
_BALANCE = re.compile(r"结转|结余")  # what is carried over to the next year
BALANCE_COST = 30.0  # unasked, what an item carries over (全部为彩票公益金结转) comes after what it spent
JOINT_WHOLE_COST = 10.0  # a joint item (公务用车购置及运行维护费) asked by one of its sides alone (车辆运行维护费) comes last
SPLIT_FUND_PENALTY = 20.0  # unasked, one fund's total (一般公共预算财政拨款支出) comes after the department's whole
ONE_FUND_TABLES = {TableKind.FISCAL_TOTAL, TableKind.GENERAL_PUBLIC, TableKind.GOVERNMENT_FUND, TableKind.STATE_CAPITAL}
ADJUSTED_COST = 30.0  # a figure with something taken out (剔除…因素后) comes after the figure itself, unless asked
_ADJUSTED = re.compile(r"剔除|扣除")
OTHER_FUND_COST = 8.0  # asked one fund's money (养老保险缴费财政拨款多少), a table figure of all funds comes after it
CELL_ITEM_SCORE = 80.0  # an item asked with its column's words ("项目的事业收入") must name the row at least this well
_CELL_JOIN = re.compile(r"(?:的|里面?|当中|之中|中|其中)+$")  # between a row's item and its column: 项目里财政拨款
_COUNTED_IN = re.compile(r"(?:算上|加上|连同|包括|包含|含)$")  # "算上事业收入一共": the whole with that part in it


@lru_cache(maxsize=65536)
def averaged(text: str) -> bool:
    """Whether a question or a figure's words speak of an average (人均, 平均): only such a figure answers such a
    question, and only such a question is answered by one."""
    return bool(_AVERAGE.search(text))


def natural_basis(fact: FactRecord) -> Basis:
    return _natural_basis(fact.doc_kind)


@lru_cache(maxsize=None)  # one entry per kind of document
def _natural_basis(doc_kind: str) -> Basis:
    return DocumentKind(doc_kind).natural_basis if doc_kind else Basis.BUDGET


def basis_fit(fact: FactRecord, asked: Basis | None) -> float | None:
    """Score adjustment for the fact's basis (for a change: the basis it is compared against); None excludes it."""
    own = (fact.compared_to or natural_basis(fact)) if fact.kind is FactKind.CHANGE else fact.basis
    if own is Basis.EXECUTION and fact.period is None and natural_basis(fact) is Basis.FINAL:
        own = Basis.FINAL  # a final account's own 执行数 is its 决算
    if asked is None:  # the document's own figure first: a final account's 决算 before its 年初预算
        if own is natural_basis(fact) or fact.kind is FactKind.CHANGE:
            return 0.0
        return -INITIAL_BUDGET_COST if own is Basis.INITIAL_BUDGET else -OTHER_BASIS_PENALTY
    if own not in ACCEPTED_BASES[asked]:
        return None
    return ASKED_BASIS_BONUS if own is asked else 0.0


@lru_cache(maxsize=1024)
def _scope_stem(scope: str) -> str:
    """The words that name a sub-unit in a question: 岚江省林木种苗站 → 林木种苗."""
    core = core_name(split_places(scope)[1])
    organ = next(iter(organ_suffixes(core)), "")
    return core[: len(core) - len(organ)] or core


MIN_UNIT_NAME = 3  # characters of a sub-unit's name, its organ word included, that name it (种苗站 of 示例省示例种苗站)


@lru_cache(maxsize=4096)
def names_unit(scope: str, text: str) -> bool:
    """Whether `text` names the sub-unit `scope`: by its stem (林木种苗), or by the end of its name (种苗站)."""
    core = core_name(split_places(scope)[1])
    return _scope_stem(scope) in text or any(core[i:] in text for i in range(len(core) - MIN_UNIT_NAME + 1))


def _office_speaks_for_all(fact: FactRecord) -> bool:
    """Whether a figure of the department's own office is the department's: an item only an office has (机关运行经费)."""
    return fact.scope == OWN_OFFICE and any(item in fact.subject for item in office_items())


def names_unit_by_its_words(scope: str, name: str) -> bool:
    """Whether a unit's `name` as asked is the sub-unit `scope`: its stem (公路事业发展), or its core written short
    in order (公路中心); never by an end siblings share (港航事业发展中心 is no 公路事业发展中心)."""
    core = core_name(split_places(name)[1])
    return _scope_stem(scope) in name or bool(core) and in_order(core, core_name(split_places(scope)[1]))


def structure(fact: FactRecord) -> str:
    """Where a figure stands: a table fact's title and row labels, a prose fact's section heading.

    A prose fact's sentence is not used: its other words say nothing about this figure, nor does the body's name of
    the department the document is of (残疾人联合会 of 岞湳县残疾人联合会 names no 残疾人事业; its place stays).
    """
    place = fact.context if fact.origin == "table" else fact.heading
    body = _body_name(fact.department) if fact.department else ""
    return place.replace(body, " ") if body else place


_BODY_FIGURE_TAIL = re.compile(r"(?:支出|收入|预算|决算|经费|资金)+$")


@lru_cache(maxsize=65536)
def _other_body(subject: str, department: str) -> tuple[str, str] | None:
    """(its name before the organ word and without the department's, the organ word) of a body other than the
    department whose figure the subject is, when it names nothing but that body, with a side or not
    ("省医保基金稽核局支出" → 省医保基金稽核, 局; a 政府采购 row "区医保基金稽核所"), else None."""
    body = _BODY_FIGURE_TAIL.sub("", subject)
    core = core_name(split_places(body)[1])
    if not is_body_name(body) or core in department:
        return None
    organ = organ_suffixes(core)[-1]
    return core.removesuffix(organ).replace(_body_name(department), ""), organ  # 公安局城关派出所 → 城关派出, 所


def _names_body(term: str, stem: str, organ: str) -> bool:
    """Whether the asked item names the body: its organ word ("基金稽核局"), or its name without it, as a question
    may cut it ("城关派出所有多少人" read as 城关派出)."""
    return organ in term or bool(stem) and stem in term


@lru_cache(maxsize=4096)
def _body_name(department: str) -> str:
    """A department's name without its places (残疾人联合会 of 岞湳县残疾人联合会)."""
    return split_places(department)[1]


_PROJECT_ASKED = re.compile(r"项目")  # a question about a project's money
# tables whose rows are parts of the body's money, by the word that names them: their 合计 row is the parts' total
_PART_TABLE_ROWS = {TableKind.PROJECTS: "项目", TableKind.PERFORMANCE: "项目", TableKind.PROCUREMENT: "采购"}
_PURCHASE = re.compile(r"采购|购|买")  # a question about what is bought
_BUYING = re.compile(r"^(?:要|计划|拟)?(?:新购|采购|购置|购买|买)")  # the act before what is bought: 买扫描仪
_LABEL_NOTE = re.compile(r"[（(](?P<note>[^()（）]{1,8})[)）]\s*$")  # "民族传统节庆活动（火把节）"


def _label_note(fact: FactRecord) -> str:
    """The bracketed words a table row's label ends with that its item leaves out (火把节 of 民族传统节庆活动（火把节）),
    or ""."""
    note = _LABEL_NOTE.search(fact.row_path[-1]) if fact.origin == "table" and fact.row_path else None
    return note["note"] if note and note["note"] not in fact.subject else ""


def measure_class(fact: FactRecord) -> str:
    """Facts are comparable only within a class: change, percent, count or money level."""
    if fact.kind is FactKind.CHANGE:
        return "change"
    if fact.unit == "%":
        return "percent"
    if is_money(fact.unit):
        return "money"
    return f"count:{fact.unit}"


@lru_cache(maxsize=65536)
def _subject_score(term: str, subject: str, levels: tuple[str, ...] = ()) -> float:
    if not term or not subject:
        return 0.0
    if term == subject:
        return 100.0
    if term in levels:  # "行政运行" names the （项） of "一般公共服务支出（类）…行政运行（项）"
        return 95.0 if term == levels[-1] else 88.0
    if (core := _without_generic_tail(term)) != term and core in levels:  # "统计管理经费" names 统计管理（项）
        return _subject_score(core, subject, levels) - 2.0
    if len(term) >= 3 and levels and term in levels[-1] and not _catch_all(levels[-1], term):
        return 85.0 - min(LEAF_EXTRA_CHARS, len(levels[-1]) - len(term))  # "职业年金" of 机关事业单位职业年金缴费支出
    if subject in term:
        if len(subject) < 3 and len(term) > len(subject) + 1:
            return 0.0  # "预算" inside "人民调解项目年度预算" says nothing about the item
        if len(term) == len(subject) + 1 and term.endswith(subject):
            return 0.0  # one character before it makes another item: 水电费 is not 电费, nor is 邮电费
        return 50.0 + 40.0 * len(subject) / len(term)
    if term in subject:
        if len(term) < 3 or _catch_all(subject, term):
            return 0.0  # "预算" alone names no item; 其他自然资源事务支出 is not 自然资源事务
        return 85.0 - min(30.0, 2.0 * (len(subject) - len(term)))
    return 0.0


_FUND_PAID = re.compile(r"(?:一般公共预算|政府性基金|国有资本经营|财政)(?:预算)?(?:财政)?(?:拨款)?(?:支出)?")


def _level_asked(text: str, above: frozenset[str]) -> bool:
    """Whether an asked form is one of the levels above a figure's own in its 功能分类 chain, alone or with the fund that
    pays it ("残疾人事业一般公共预算财政拨款支出"; "群众团体事务一般行政管理事务" names the 项 under its 款)."""
    return text in above or any(text.startswith(level) and _FUND_PAID.fullmatch(text[len(level):]) for level in above)


def _catch_all(name: str, term: str) -> bool:
    """Whether `name` is the catch-all of the asked item's kind (其他自然资源事务支出 of 自然资源事务支出): another item."""
    return name.startswith(CATCH_ALL) and not term.startswith(CATCH_ALL)


_HEADING_TAIL = re.compile(r"(?:[（(][^（）()]*[)）])?(?:经费|资金)?(?:情况|使用)?说明$")


@lru_cache(maxsize=65536)
def _stated_on(subject: str) -> bool:
    """Whether a subject ends on the basis or total its sentence states it on (三公经费支出预算, 政府采购预算总额)."""
    return bool(_STATED_BASIS.search(subject))


@lru_cache(maxsize=65536)
def _subject_forms(subject: str) -> tuple[str, str]:
    """The subject normalised as printed, and as people say it: without a bracketed character inside a word
    (维修（护）费 → 维修费) or the year inside a fund's grant (一般公共预算当年拨款 → 一般公共预算拨款), a fund by
    its short name before what follows (政府性基金预算财政拨款年末结转和结余 → 政府性基金年末结转和结余), without
    the basis or total a sentence states it on ("三公经费支出预算为…，支出决算为…": 三公经费; 政府采购预算总额:
    政府采购)."""
    plain = normalise(_FUND_LONG_FORM.sub(r"\g<fund>", _THIS_YEARS_GRANT.sub("", _INNER_NOTE.sub("", subject))))
    item = _STATED_BASIS.sub("", plain)
    return normalise(subject), item if len(item) >= MIN_ITEM_CHARS else plain


_TITLE_NOISE = re.compile(r"(?:19|20)\d{2}\s*年度?|表$")  # a title's year and its closing 表


def owned_subject(fact: FactRecord) -> str:
    """The fact's item, with its section's item before a subject that names none (生命健康专项项目总预算), and
    its table's before a total row ("三公"经费预算合计, not a bare 合计)."""
    if fact.origin == "table" and _total_row(fact.subject):
        title = _TITLE_NOISE.sub("", strip_table_number(fact.context.partition("：")[0]).replace(fact.department, ""))
        return f"{title}{fact.subject}" if title and fact.subject not in title else fact.subject
    if names_an_item(fact.subject):
        return fact.subject
    item = heading_item(fact.heading)
    overlap = next((n for n in range(min(len(item), len(fact.subject)), 1, -1) if item.endswith(fact.subject[:n])), 0)
    return f"{item}{fact.subject[overlap:]}"  # 建设项目 + 项目总预算 → 建设项目总预算


def heading_item(heading: str) -> str:
    """The item a section is about: the project of a 项目N： block it stands in, else its first heading level's:
    "贸易高质量发展专项（政策资金）经费情况说明 > 六、年度预算安排" → 贸易高质量发展专项 (a figure whose subject is
    only 项目总预算 belongs to it)."""
    levels = heading.split(" > ")
    if block := block_project(levels):  # "项目三：省级临床重点专科建设项目": the block's project
        return block
    top = strip_list_mark(levels[0]).strip()
    item = _HEADING_TAIL.sub("", top)
    return item if item != top and not DOCUMENT_PART.match(top) else ""  # "第三部分 …部门预算情况说明" names no item


@lru_cache(maxsize=TERM_CACHE)
def _without_generic_tail(term: str) -> str:
    """The term without a generic word at its end (统计管理经费 → 统计管理), keeping at least two characters."""
    tail = next((w for w in generic_item_words() if len(w) >= 2 and term.endswith(w) and len(term) - len(w) >= 2), "")
    return term[: len(term) - len(tail)] if tail else term


def narrower_words(term: str, subject: str, fact: FactRecord) -> list[str]:
    """Words the asked item adds to a fact's item (its subject within the term) that neither the subject, a
    sentence's word for the figure, nor the fact's place says: "预留给中小企业政府采购项目" over 政府采购预算 adds
    预留 and 中小企业."""
    if not subject or subject not in term or subject == term:
        return []
    rest = term.replace(subject, " ")
    stated = fact.measure if fact.origin == "text" and stated_basis(fact.measure) is None else ""  # 自评得分; a column
    described = f"{fact.subject}{stated}{structure(fact)}"  # asked is its cell's, found by the row and column
    words = set(_unexplained(set(search_terms(rest)) | _colloquial_pieces(rest), described))
    return [w for w in words if not any(w != other and w in other for other in words)]


_INSIDE = re.compile(r"^(?:里面?|当中|之中|中)的?(?P<part>[\u4e00-\u9fff]{2,})")


def _asks_inside(after_subject: str, fact: FactRecord) -> bool:
    inside = _INSIDE.match(after_subject)
    return inside is not None and inside["part"] not in normalise(f"{fact.subject}{structure(fact)}")


def _colloquial_pieces(text: str) -> set[str]:
    """Pieces of `text` that say a document term their words do not: 年底还剩 (年末结转和结余), which the dictionary
    cuts into 年底, 还 and 剩."""
    pieces = set()
    for piece in text.split():
        said = set(_document_terms(piece)) if len(piece) >= 2 else set()
        if said and not said <= {term for word in search_terms(piece) for term in _document_terms(word)}:
            pieces.add(piece)
    return pieces


def _narrower_penalty(term: str, subject: str, fact: FactRecord) -> float:
    """One unexplained word costs NARROWER_PENALTY; two or more, or one naming a budget item of its own, mean another,
    narrower item: never this fact.
    So does an item asked inside this one ("各类工作经费里办寒托班的钱") that the fact's place does not name."""
    if subject and subject != term and subject in term and _asks_inside(term.split(subject, 1)[1], fact):
        return 100.0
    extra = narrower_words(term, subject, fact)
    if any(_names_an_item(word) for word in extra):
        return 100.0  # the word added is an item of its own: 财政拨款 is no 财政拨款三公经费
    return 0.0 if not extra else NARROWER_PENALTY if len(extra) == 1 else 100.0


@lru_cache(maxsize=16384)
def _names_an_item(word: str) -> bool:
    """Whether a word a question adds names an item or figure of its own: a budget term (财政拨款), a colloquial
    word for one that is no whole (招待费 for 公务接待费, not 收入), or for a figure always some item's (还剩)."""
    said = _document_terms(word)
    return word in budget_terms() or not owned_measures().isdisjoint(said) \
        or not whole_terms(word) and not budget_terms().isdisjoint(said)


@lru_cache(maxsize=16384)
def _document_terms(word: str) -> tuple[str, ...]:
    """The document terms a colloquial word stands for (工资 → 人员经费, 工资福利支出), normalised."""
    return tuple(normalise(term) for term in canonical_terms(word))


def _counted_in_passing(fact: FactRecord) -> bool:
    """Whether a sentence's count names only the thing counted, after a verb (涉及项目, 共有车辆): its sentence says
    what of."""
    return fact.origin == "text" and fact.kind is FactKind.COUNT and len(fact.subject) <= MAX_PASSING_COUNT_CHARS \
        and fact.subject.startswith(_COUNTING_VERBS)


def _what_a_count_is_of(fact: FactRecord) -> str:
    """What a count stated in prose is of, beyond its own words: the clause before a count named only by a verb and
    its noun ("…开展绩效自评，共涉及项目9个"), or the item its sentence opens with ("（一）因公出国（境）费18.00万元，…，
    计划安排交流团组2个": 出国's 团组); "" for other figures."""
    if _counted_in_passing(fact):
        return _clause_before(fact)
    if fact.origin == "text" and fact.kind is FactKind.COUNT and (item := _opening_item(fact.context)) not in fact.subject:
        return item
    return ""


_OPENING_ITEM = re.compile(r"[^\d，,。；;：:]{2,24}?(?=\d|[：:])")


@lru_cache(maxsize=65536)
def _opening_item(sentence: str) -> str:
    """The item a sentence opens with, before its first figure or colon ("（一）因公出国（境）费18.00万元…" →
    因公出国（境）费), or ""."""
    found = _OPENING_ITEM.match(strip_list_mark(sentence.strip()))
    return found.group() if found else ""


def _clause_before(fact: FactRecord) -> str:
    """The clause of its sentence before a count's own ("对…全面开展绩效自评" of "…，共涉及项目9个")."""
    at = fact.context.find(fact.subject)
    clauses = CLAUSE_BREAK.split(fact.context[:at]) if at > 0 else []
    return clauses[-2] if len(clauses) > 1 else ""


def _names_people(words: str) -> bool:
    """Whether words name a group of people an item is paid to or for (环卫工人, 乡村医生)."""
    return any(group in words for group in people_groups())


def _unexplained(words: set[str], described: str) -> list[str]:
    """Of `words`, those that say something `described` does not (single characters and generic words say nothing,
    nor a colloquial word whose document term `described` holds)."""
    if not words:
        return []
    generic, plain = generic_item_words(), normalise(described)
    return [w for w in words if len(w) >= 2 and w not in generic and w not in plain
            and not any(term in plain for term in _document_terms(w))]  # 工资 is said by 人员经费


_YEAR_SIDE_TOTAL = re.compile(r"本年(?:收入|支出)合计")  # one side's total of the year: each column's whole on that side


@lru_cache(maxsize=65536)
def _total_row(subject: str) -> bool:
    """Whether a fact's subject is a 合计/总计/小计 row or one side's 本年支出合计 (remembered: facts' subjects are
    scored on every question)."""
    return is_total_label(subject) or _year_side_total(subject)


@lru_cache(maxsize=65536)
def _year_side_total(subject: str) -> bool:
    """Whether a fact's subject is one side's 本年支出合计 (remembered, as `_total_row`)."""
    return _YEAR_SIDE_TOTAL.fullmatch(normalise(subject)) is not None


@lru_cache(maxsize=65536)
def names_an_item(subject: str) -> bool:
    """Whether a subject names an item of its own: words beyond 总预算, 金额 … and not a 合计 row."""
    if not subject or is_total_label(subject):
        return False
    generic = generic_item_words()
    return any(len(w) >= 2 and w not in generic for w in search_terms(subject))


def _names_another_item(fact: FactRecord, asked_found: set[str]) -> bool:
    """The fact's own subject names an item and none of the asked words found."""
    return names_an_item(fact.subject) and not any(len(w) >= 2 and w in fact.subject for w in asked_found)


def _a_row_of_the_asked_column(term: str, fact: FactRecord) -> bool:
    """The asked item is a column of the fact's table (人员经费) and the fact one row's share of it
    (工资福利支出 × 人员经费): that row's part, not the column's total."""
    if fact.origin != "table" or _total_row(fact.subject):
        return False
    column, asked = _column(fact), normalise(term)
    return len(column) >= 3 and column in asked and normalise(fact.subject) not in asked


@lru_cache(maxsize=65536)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(search_terms(text))


@lru_cache(maxsize=1)
def _unit_word_sets() -> dict[str, frozenset[str]]:
    return {unit: frozenset(words) for unit, words in unit_words().items()}


@lru_cache(maxsize=65536)
def _searchable_place(subject: str, place: str) -> str:
    return searchable_text(f"{subject} {place}")


@dataclass(frozen=True, slots=True)
class AskedForm:
    """One form of an asked item that facts' items are compared with, and the weight of a match."""

    text: str
    factor: float
    core: str  # without a generic word at its end (统计管理经费 → 统计管理)
    words: frozenset[str]  # its search terms
    telling: frozenset[str]  # those that tell an item apart (事业 and 运行 of 事业运行经费, not its 经费)
    standard: bool  # a standard item (项目支出), never named by what another item's money is for
    whole: bool  # the whole budget (支出预算, 收入总计): named only by a subject that holds it, never by shared words
    unasked_funds: tuple[str, ...]  # of a whole, the funds it does not name: a subject naming one is one fund's
    joined: tuple[tuple[str, str], ...]  # its kinds of body joined as an item may name them (`_joined_kinds`)


@dataclass(frozen=True, slots=True)
class AskedItem:
    """What each fact's item is compared with: the forms of the asked terms, and all their words."""

    forms: tuple[AskedForm, ...]
    words: frozenset[str]
    whole: bool  # some form names the whole budget
    one_item_levels: frozenset[str] = frozenset()  # 款 the facts hold one 项 under: that 项's figure is the 款's
    phases: frozenset[str] = frozenset()  # the phases of a project it names (三期 of "馆藏档案数字化（三期）")


def _asked_item(terms: list[str]) -> AskedItem:
    """The forms of the asked terms: the term (normalised, without measure words) and, when that leaves three
    characters or more, the term without the basis word after it (三公经费预算 → 三公经费, weighed 0.95); a
    synonym's match counts slightly less than the asked word's (0.97). A form met twice keeps its higher weight: a
    lower one scores no higher for any fact."""
    weights: dict[str, float] = {}
    for i, term in enumerate(terms):
        t = _without_measure_words(normalise(term))
        weight = 1.0 if i == 0 else 0.97
        for form, factor in ((t, weight), (_STATED_AS.sub("", t), weight * 0.95)):
            if (len(form) >= 3 or form == t) and factor > weights.get(form, 0.0):
                weights[form] = factor
    forms = tuple(_asked_form(form, factor) for form, factor in weights.items())
    return AskedItem(forms, frozenset().union(*(form.words for form in forms)), any(form.whole for form in forms),
                     phases=frozenset(_PHASE.findall(" ".join(terms))))


def _asked_form(text: str, factor: float) -> AskedForm:
    words = _word_set(text)
    whole = text in _whole_terms()
    unasked_funds = tuple(fund for fund in split_funds() if fund not in text) if whole else ()
    return AskedForm(text, factor, _without_generic_tail(text), words, words - generic_item_words(), text in budget_terms(),
                     whole, unasked_funds, _joined_kinds(text))


@lru_cache(maxsize=1)
def _whole_terms() -> frozenset[str]:
    return frozenset(normalise(term) for term in (*total_terms(), *spending_terms()))


def _overlap_score(form: AskedForm, fact: FactRecord) -> float:
    """How well the asked form's words name the fact's item by the words of its item and place (at most 60)."""
    term, asked = form.text, form.words
    if not asked:
        return 0.0
    described = f"{fact.subject} {structure(fact)}"
    if said_of := _what_a_count_is_of(fact):
        described = f"{described} {said_of}"
    if (note := _label_note(fact)) and asked <= _word_set(f"{described} {note}") and not asked <= _word_set(described):
        described = f"{described} {note}"  # the row's bracketed name completes the asked words: 火把节活动
    if _names_a_body(term) and not _written_short(term, normalise(described)):
        return 0.0  # a body is named by all its name, if short (公路中心): 人民法庭两庭维修改造 is no figure of 城南人民法庭
    if is_money(fact.unit) and (body := _other_body(fact.subject, fact.department)) and not _names_body(term, *body):
        return 0.0  # 省医保基金稽核局支出 is that body's money, never the 职工医保基金支出 its words overlap (a count of
        # bodies, 9个社区居民委员会, is no body's figure)
    if _side(term) and _an_item_beside(normalise(fact.subject), asked) \
            and not (fact.purpose and _named_by_purpose(asked, described, fact.purpose)):
        # 一般公共预算财政拨款三公经费支出预算 is the 三公经费's, never the fund's 一般公共预算支出; an income is still named
        # by what its sentence says it is (其他收入…，为…医保业务培训收入)
        return 0.0
    found = asked & _word_set(described)
    unit_said = _unit_word_sets().get(fact.unit or "")
    if unit_said and (said_by_unit := asked & unit_said):  # 房屋面积 of a figure in 平方米
        found, described = found | said_by_unit, f"{described} {' '.join(said_by_unit)}"
    if not found and not fact.purpose:
        return 0.0
    if found and _a_row_of_the_asked_column(term, fact):
        return 0.0
    if found and _names_another_item(fact, found):
        found = set()  # a figure of another item under the asked one's heading (公务车用车运行费 under 三公经费)
    if (side := _side(term)) and (_side(f"{fact.subject}{fact.measure}") or _side(structure(fact))) != side:
        return 0.0  # 政府性基金支出 is never the fund's 年初结转和结余 (neither side), under a heading of both sides
    unexplained = _unexplained(asked - found, described)
    items = indicator_names(fact) if fact.table_kind is TableKind.PERFORMANCE else (fact.subject,)
    if not is_money(fact.unit) and items and all(heads_differ(term, unexplained, item, fact.measure) for item in items):
        return 0.0  # 省级储备粮轮换 is no count of 省级储备粮规模: each names a thing the other does not
    if unexplained and _funds_named(normalise(fact.subject)) and not _funds_named(term):
        return 0.0  # 医保基金收入 is no 政府性基金 收入 found by 基金 and 收入: a fund is named by its own name
    if unexplained and _item_before_its_fund(term, unexplained, _funds_named(normalise(fact.subject))):
        return 0.0  # 一般公共预算财政拨款支出 is no figure of the 残疾人事业 it pays for
    if _unsaid_money_word(asked - found, unexplained, described, fact.purpose):
        return 0.0  # a charge, an investment or a fine is named by its own word: 学费标准 is no 资助标准 found by 标准
    if any(_names_people(word) for word in unexplained):
        return 0.0  # 环卫工人's pay is no 工资福利支出 of the whole body
    covered = _covered(form, found)
    if covered >= MIN_COVERED and len(unexplained) < 2 \
            and not _a_sibling_item(form, fact.subject):  # two unexplained words name another item (narrower_words)
        return NAMED_SCORE * covered
    if fact.purpose and not form.standard and not _names_a_body(form.text) and _named_by_purpose(asked, described, fact.purpose):
        return PURPOSE_SCORE  # a standard item (项目支出) or a body (城南人民法庭) is never named by what another item's money is for
    return 0.0


MAX_PASSING_COUNT_CHARS = 4  # 涉及项目: a count named by a verb and its noun alone
_COUNTING_VERBS = ("涉及", "包括", "覆盖", "共有", "共计")
_PHASE = re.compile(r"(?:第)?([一二三四五六七八九十\d]{1,3})期(?:工程|项目)?[)）]")  # "（三期）", "（二期工程）": a project's phase
_NOT_HAN_END = re.compile(r"[^\u4e00-\u9fff]+$")  # "…最低标准：每人每月≥": what an item ends with before a sign


def indicator_names(fact: FactRecord) -> tuple[str, ...]:
    """What an indicator figure measures, as its context names it ("某项目绩效目标：执结案件数；法定期限内执结率")."""
    return tuple(name for name in fact.context.partition("：")[2].split("；") if name)


def heads_differ(term: str, unexplained: Collection[str], item: str, column: str = "") -> bool:
    """Whether the asked item's head (the telling word it ends with, past a target's verb: 达到) is among the words a
    figure's item leaves unexplained, and not said by its column (编制 of 编制人数), while that item ends with a telling
    word of its own the question does not say and that shares no character with the asked one (案子 and 案件数 may be
    one thing said two ways)."""
    asked_head, own_head = _head_word(_without_target_verbs(term)), _head_word(_NOT_HAN_END.sub("", normalise(item)))
    return bool(asked_head and asked_head in unexplained and asked_head not in column and own_head
                and own_head not in term and not set(own_head) & set(asked_head)
                and not any(own_head in word for word in unexplained))


@lru_cache(maxsize=TERM_CACHE)
def _without_target_verbs(term: str) -> str:
    """The asked item without the words of a target or an outcome it ends with ("参保率达到": 参保率)."""
    while ending := next((w for w in _target_verbs() if term.endswith(w) and len(term) > len(w)), None):
        term = term[: -len(ending)]
    return term


@lru_cache(maxsize=1)
def _target_verbs() -> tuple[str, ...]:
    return tuple(sorted((w for w in (*target_words(), *achieved_words()) if len(w) >= 2), key=len, reverse=True))


@lru_cache(maxsize=65536)
def _head_word(text: str) -> str:
    """The telling word that ends `text` (the longest of them), or "" when a generic word or a character ends it."""
    generic = generic_item_words()
    ending = [w for w in _word_set(text) if len(w) >= 2 and w != text and text.endswith(w)]
    return max(ending, key=len) if ending and not any(w in generic for w in ending) else ""


def _unsaid_money_word(missing: set[str], unexplained: list[str], described: str, purpose: str) -> bool:
    """Whether an asked word naming a kind of money (学费, 总投资, 罚) is one the figure's item and purpose leave out."""
    endings, alone = said_items()
    return any(word.endswith(endings) and word not in purpose for word in unexplained) \
        or any(word in alone and word not in described and word not in purpose for word in missing)


@lru_cache(maxsize=65536)
def _other_money_of(subject: str, asked: str) -> bool:
    """Whether the asked item names the subject, then a kind of money of it the subject is not: 医保基金 read as
    "职工基本医疗保险缴费基金支出" is no 职工基本医疗保险缴费 (a word of two characters or more, so 接待费 stays 接待's)."""
    endings, _ = said_items()
    after = asked[asked.find(subject) + len(subject) :]
    return any(len(word) >= 2 and word in endings for word in _word_set(after))


@lru_cache(maxsize=65536)
def _own_words(item: str) -> frozenset[str]:
    """The words of an item that tell it apart (two characters or more, not generic)."""
    return frozenset(w for w in _word_set(item) if len(w) >= 2) - generic_item_words()


def _own_item(subject: str) -> str:
    """The item a subject names: a 功能分类 chain's 项, or the subject itself, normalised."""
    return (classification_levels(subject)[-1:] or (normalise(subject),))[0]


@lru_cache(maxsize=65536)
def _inside_a_word(asked: str, subject: str) -> bool:
    """The asked item stands in the subject, but each time one character into a word, which that character makes
    another word (电费 in 邮电费 or 水电费); 接待费 of 公务接待费 follows a word of its own."""
    starts, at = set(), subject.find(asked)
    while at >= 0:
        starts.add(at)
        at = subject.find(asked, at + 1)
    if not starts:
        return False
    word_starts, at = [], 0
    for word in tokens(subject):
        word_starts.append(at)
        at += len(word)
    return all(start - max(w for w in word_starts if w <= start) == 1 for start in starts)


@lru_cache(maxsize=65536)
def _another_items(subject: str, whole: str) -> bool:
    """Whether the subject puts another budget item (not a fund) beside the whole it holds: 三公经费财政拨款支出."""
    rest = search_terms(subject.replace(whole, " "))
    return any(word in budget_terms() and word not in fund_words() for word in rest)


_NOTE_AFTER = re.compile(r"[（(][^（）()]*[)）]$")  # 某中心（本级）: a body's row with its note


@lru_cache(maxsize=TERM_CACHE)
def _names_a_body(term: str) -> bool:
    return is_body_name(term)


@lru_cache(maxsize=65536)
def _an_item_beside(subject: str, asked: frozenset[str]) -> bool:
    """Whether the subject names a budget item (not a fund or a whole) among the words of a whole asked."""
    for word in (w for w in search_terms(subject) if w not in asked and w in budget_terms()):
        item = reduce(lambda rest, fund: rest.replace(fund, ""), fund_words(), word)  # 财政拨款三公经费 → 三公经费
        if len(item) >= 2 and item not in _whole_words() and item not in generic_item_words() \
                and not any(item in fund for fund in fund_words()):  # 拨款 of 一般公共预算拨款支出 is the fund's word
            return True
    return False


@lru_cache(maxsize=65536)
def _an_item_of_the_fund(subject: str, fund: str) -> bool:
    """Whether the subject names an item paid from the fund (财政拨款三公经费), not the fund's whole (一般公共预算财政拨款支出)."""
    rest = search_terms(subject.replace(fund, " "))
    return any(word in budget_terms() and word not in fund_words() and word not in _whole_words() for word in rest)


@lru_cache(maxsize=1)
def _whole_words() -> frozenset[str]:
    """What names a whole rather than an item: the terms of the whole and the words a question asks it by (支出, 收入)."""
    asked = (w for row in ("asked_spending", "asked_income", "asked_budget") for w in whole_budget_terms()[row])
    return _whole_terms() | {normalise(w) for w in asked}


@lru_cache(maxsize=65536)
def _funds_named(subject: str) -> frozenset[str]:
    """The funds a budget is split into that a subject names (政府性基金 of 政府性基金预算收入)."""
    return frozenset(fund for fund in split_funds() if fund in subject)


def _item_before_its_fund(term: str, unexplained: Collection[str], funds: frozenset[str]) -> bool:
    """Whether the words a fund's figure does not say all stand before the fund in the asked item: the item the
    fund pays for ("残疾人事业一般公共预算财政拨款支出")."""
    first = min((term.find(fund) for fund in funds if fund in term), default=-1)
    return first > 0 and all(0 <= term.find(word) < first for word in unexplained)


def _joined_kinds(asked: str) -> tuple[tuple[str, str], ...]:
    """(joined word, the asked text with its kind so joined) for each kind of body the asked item names alone:
    行政单位医疗 → (行政事业, 行政事业单位医疗)."""
    return tuple((joined, asked.replace(kind, joined, 1)) for joined, kinds in joined_bodies().items() for kind in kinds
                 if kind in asked and joined not in asked)


@lru_cache(maxsize=65536)
def _one_kind_of_joined(joined: tuple[tuple[str, str], ...], subject: str) -> bool:
    """The asked item names one kind of body where the subject's item names both joined (行政单位医疗 of
    行政事业单位医疗)."""
    item = _own_item(subject)
    return any(whole in item for _, whole in joined)


def _a_sibling_item(form: AskedForm, subject: str) -> bool:
    """The fact names a 功能分类 chain's 项 that shares words with the asked item, but each has a telling word the
    other lacks, the asked one's standing only in a level above: 事业单位医疗 is no 行政单位医疗 (行政 of the 款
    行政事业单位医疗)."""
    levels = classification_levels(subject)
    if not levels:
        return False
    item = levels[-1]
    asked, own = _own_words(form.text), _own_words(item)
    return (any(w in item for w in asked) and any(w not in item for w in asked)
            and any(w not in form.text for w in own))


def _covered(form: AskedForm, found: set[str] | frozenset[str]) -> float:
    """The share of the asked words found; 0 when half the telling words or fewer are (事业 and 运行 of 事业运行经费,
    whose 经费 tells no item apart): another item (公务用车运行费 is no 事业运行经费). Never less for more words found."""
    if form.telling and 2 * len(found & form.telling) <= len(form.telling):
        return 0.0
    return len(found) / len(form.words)


_PURPOSE_JOINS = re.compile(r"以及|和|及|与|、")  # between the uses a purpose lists


@lru_cache(maxsize=16384)
def _purpose_words(purpose: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a purpose, and those of its main use, listed first, that the later uses do not share
    ("乡镇卫生院的基本运行补助和乡村医生补助": 乡镇, 卫生院 …, never 补助)."""
    main, *others = _PURPOSE_JOINS.split(purpose)
    later = {w for other in others for w in search_terms(other)}
    return (frozenset(w for w in search_terms(purpose) if len(w) >= 2),
            frozenset(w for w in search_terms(main) if len(w) >= 2) - later)


def _named_by_purpose(asked: frozenset[str], described: str, purpose: str) -> bool:
    """An item asked by what its money is for ("微型消防站经费"): every asked word is said ("…总投资" asks for
    another figure), they are a good part of what the purpose says (标准化菜场 of 标准化菜场及副食品行业管理), and
    its main use by a word the later uses do not share: 物业费, one of a dozen things 行政运行 pays for, does not
    name 行政运行, nor does 乡村医生补助, listed after 乡镇卫生院的基本运行补助, name the item that pays for both."""
    words = {w for w in asked if len(w) >= 2}
    purposes, main_use = _purpose_words(purpose)
    return (len(words) >= 2 and all(w in f"{described}{purpose}" for w in words)  # one word (服务) names nothing
            and 3 * len(words & purposes) >= len(purposes)
            and bool(words & main_use or not main_use))


def bare_item(term: str) -> str:
    """The item a term names without the basis word after it: 支出决算 → 支出, 三公经费预算 → 三公经费."""
    return _STATED_AS.sub("", term)


_COUNT_ASKED = re.compile(r"(?:多少|几)(?P<noun>(?!钱|块|万元|元)[\u4e00-\u9fff]{1,4})")  # "要扫多少画幅"


def units_asked_of(question: str, facts: list[FactRecord]) -> tuple[str, ...]:
    """The counted units of the facts that the question asks a number of ("今年要扫多少画幅": 万画幅), for units
    the planner's vocabulary does not know; () when it asks none."""
    asked = _COUNT_ASKED.search(question)
    if asked is None:
        return ()
    units = {f.unit for f in facts if f.unit and f.unit[-1] in asked["noun"] and not is_money(f.unit)}
    return tuple(sorted(u for u in units if re.search(f"(?:多少|几){re.escape(u.removeprefix('万'))}", question)))


def within(scope: str) -> Callable[[FactRecord], bool]:
    """Whether a figure stands inside the whole a question looks in ("政府采购里…", "数字化加工项目里…"): in a
    table of the kind the whole names, or with words (subject, column, context, heading) that say every word of
    the whole or one of its other names. A whole without words of its own ("村里") holds anything."""
    kind = table_kind(scope)
    words = [w for w in search_terms(bare_item(scope)) if len(w) >= 2 and w not in generic_item_words()]
    names = [bare_item(normalise(name)) for name in canonical_variants(scope)]

    def inside(fact: FactRecord) -> bool:
        if not words or kind is not TableKind.OTHER and fact.table_kind is kind:
            return True
        said = normalise(f"{fact.subject}{fact.measure}{'/'.join(fact.col_path)}{fact.context}{fact.heading}")
        return all(w in said for w in words) or any(name in said for name in names)

    return inside


PART_REACH = 120  # characters a 其中 part may stand after its whole's own figure in a sentence


def facts_inside(scope: str, facts: list[FactRecord]) -> list[FactRecord]:
    """The facts standing inside the whole a question looks in (`within`), and the parts a sentence lists after the
    whole's own figure ("事业收入328.64万元…其中：普通高中学费收入262.64万元")."""
    stands_inside, wholes = within(scope), whole_names(scope)
    inside = [f for f in facts if stands_inside(f)]
    whole_at = {(f.doc_id, f.section_id, f.start) for f in facts
                if f.origin == "text" and not f.part and names_the_whole(f.subject, wholes)}
    listed = [f for f in facts if f.origin == "text" and f.part and any(
        (f.doc_id, f.section_id) == (doc, section) and 0 < f.start - start <= PART_REACH for doc, section, start in whole_at)]
    return [*inside, *(f for f in listed if f not in inside)]


def in_column(fact: FactRecord, part: str) -> bool:
    """Whether a table figure stands in the column of the part asked inside its row's item: the 财政拨款 column of
    "医疗设备购置项目里财政拨款"."""
    if fact.origin != "table":
        return False
    columns = _column_words(fact.measure, fact.table_kind)
    return any(len(name) >= 2 and name in columns for name in (normalise(part), *map(normalise, canonical_terms(part))))


def whole_names(scope: str) -> frozenset[str]:
    """The names of the whole a question looks inside, as item words ("公车运行费": 公务用车运行维护费 …)."""
    names = {bare_item(normalise(name)) for name in [scope, *canonical_variants(scope)]}
    return frozenset(names | {_without_generic_tail(name) for name in names})  # 公路建设资金 is 公路建设


def names_the_whole(subject: str, wholes: frozenset[str]) -> bool:
    """Whether `subject` names the whole (one of `whole_names`) rather than a part inside it."""
    return bare_item(normalise(subject)) in wholes


_WHOLE_COLUMN = re.compile(r"(?:本年)?(?P<item>[\u4e00-\u9fff]{2,})(?:合计|总计)")  # 本年支出合计: the whole of 支出


def _total_column(measure: str) -> str:
    """What a total row's figure is the whole of: its column (人员经费), or, under a 合计 column, the header
    above it when that names a whole of its own (一般公共预算基本支出/合计), not a bare 支出 that the table's
    title qualifies (财政拨款收支总表's 支出/合计)."""
    parts = [p for p in measure.split("/") if p]
    if len(parts) > 1 and is_total_label(parts[-1]) and len(parts[-2]) > BARE_HEADER_CHARS:
        return parts[-2]
    whole = _WHOLE_COLUMN.fullmatch(parts[-1]) if parts else None
    return whole["item"] if whole else parts[-1] if parts else ""


@lru_cache(maxsize=16384)
def _heading_owner(heading: str) -> str:
    """The item a fact whose subject names none belongs to, by its section's heading, as compared."""
    return _without_measure_words(normalise(heading_item(heading)))


_BOTH_SIDES_TABLES = (TableKind.INCOME_EXPENSE_TOTAL, TableKind.FISCAL_TOTAL)  # 收入 and 支出 side by side
_INCOME = "收入"


@lru_cache(maxsize=65536)
def _side(text: str) -> str | None:
    """The one side of the budget a text names (政府性基金收入: 收入), or None for neither or both."""
    named = [side for side in BUDGET_SIDES if side in text]
    return named[0] if len(named) == 1 else None


def _on_the_other_side(asked: str, fact: FactRecord) -> bool:
    """Whether the asked item names one side and the figure the other: 政府性基金收入 is no 政府性基金预算支出, nor the
    合计 row of a 政府性基金预算支出表."""
    wanted = _side(asked)
    if wanted is None:
        return False
    named = _side(f"{fact.subject}{fact.measure}")
    if named is None and fact.origin == "table" and _total_row(fact.subject):
        named = _side(fact.context.split("：", 1)[0])  # a total row is of its table's side
    if named is None and fact.table_kind in _BOTH_SIDES_TABLES and is_fund_label(fact.subject):
        named = _INCOME  # a 收支总表's row named by a fund alone (一、一般公共预算财政拨款) is what that fund brings in
    return named is not None and named != wanted


def _other_phase(phases: frozenset[str], fact: FactRecord) -> bool:
    """Whether the fact's item names a phase of a project (四期), none of which is asked."""
    named = set(_PHASE.findall(" ".join((fact.subject, *fact.row_path[-1:]))))
    return bool(named) and named.isdisjoint(phases)


def _item_score(fact: FactRecord, asked: AskedItem) -> float:
    """How well the best of the asked forms names the fact's item: its subject, its section's item when the subject
    names none, the column a total row is the whole of, or the words of its item and place; 0 for none. Each
    comparison is made only where it can find something."""
    if asked.phases and _other_phase(asked.phases, fact):
        return 0.0  # 馆藏档案数字化（四期） is no figure of the 三期 asked
    subject, plain = _subject_forms(fact.subject)
    stated_on = plain != subject and _stated_on(subject)
    levels = classification_levels(fact.subject)
    above = _levels_above(fact.subject, fact.row_path)
    if any(_level_asked(form.text, above) and form.text not in asked.one_item_levels for form in asked.forms):
        # the 款 asked (with the fund that pays it: "残疾人事业一般公共预算财政拨款支出") is no figure of one 项 under it:
        # "普通教育（款）" of "…普通教育（款）学前教育（项）"
        return 0.0
    column = normalise(_total_column(fact.measure)) if _total_row(fact.subject) else ""
    side_total = _year_side_total(fact.subject)
    # a figure whose subject names no item (项目总预算) belongs to its section's (生命健康专项（政策资金）经费情况说明)
    owner = "" if names_an_item(fact.subject) else _heading_owner(fact.heading)
    # the words that can be found in the fact's item and place: those in their text, and those its unit says
    # (found by looking, before their text is segmented); too few score only by naming the fact's purpose
    passing = _what_a_count_is_of(fact)
    searchable = _searchable_place(fact.subject, f"{structure(fact)} {_label_note(fact)} {passing}")
    present = _unit_word_sets().get(fact.unit or "", frozenset()).union(w for w in asked.words if w in searchable)
    funds = _funds_named(subject) if asked.whole else frozenset()
    bought = [normalise(label) for label in bought_labels(fact)]  # a 政府采购 row is named by the project and what it buys
    best = 0.0
    for form in asked.forms:
        text, factor = form.text, form.factor
        if _on_the_other_side(text, fact):
            continue
        if form.joined and any(joined in fact.subject for joined, _ in form.joined) \
                and _one_kind_of_joined(form.joined, fact.subject):
            continue
        if text in subject and _inside_a_word(text, subject):
            continue
        if text in subject and _names_a_body(text) and not _NOTE_AFTER.sub("", subject).endswith(text):
            continue  # 城关人民法庭审判楼改造 is a project of the 法庭 asked, never the body's own money
        if subject in text and _names_people(text.replace(subject, "")):
            continue  # "给环卫工人发工资福利支出" asks the pay of a group the body's 工资福利支出 does not name
        if form.unasked_funds and not funds.isdisjoint(form.unasked_funds):
            continue  # 政府性基金预算收入 is one fund's, never the whole 预算收入
        if form.whole and text in subject and _another_items(subject, text):
            continue  # 三公经费财政拨款支出 is the 三公经费's, never the whole 财政拨款支出
        if text in _cell_funds() and text in subject and _an_item_of_the_fund(subject, text):
            continue  # 财政拨款三公经费 is the 三公经费 it pays for, never the 财政拨款 asked
        # an item matches only where one holds the other, or its core stands in the subject (its 功能分类 levels
        # are pieces of it; the 支出 of 支出预算, the whole, is no piece of anything); the narrower penalty only
        # lowers a match
        if text in subject or subject in text and not _other_money_of(subject, text) or form.core in subject and not form.whole:
            best = max(best, factor * _subject_score(text, subject, levels) - _narrower_penalty(text, subject, fact))
        # 维修（护）费 is also written 维修费; an item read without the basis or total its sentence states it on
        # (三公经费支出预算 → 三公经费) holds the asked item, never is a part of it, and comes after one named without it
        if plain != subject and (text in plain or plain in text and not stated_on):
            cost = STATED_BASIS_COST if stated_on else 0.0
            best = max(best, factor * _subject_score(text, plain) - _narrower_penalty(text, plain, fact) - cost)
        if owner and (text in owner or owner in text):
            best = max(best, factor * _subject_score(text, owner) - OWNED_BY_HEADING_COST)
        if form.words and not form.whole and (fact.purpose and not form.standard or not present.isdisjoint(form.words)
                                              and _covered(form, present & form.words) >= MIN_COVERED):
            best = max(best, factor * _overlap_score(form, fact))
        if column and (text == column or column.endswith(text)) and _totals_the_whole(fact.table_kind, text):
            # the 合计 row × 人员经费 column; a project table's 合计 × 一般公共预算拨款 is only its projects' share; one
            # side's 本年支出合计 × a fund's column, after a sentence naming the fund's spending
            best = max(best, factor * (100.0 if text == column and not side_total else 85.0))
        wanted = _BUYING.sub("", text) if bought else text  # 买扫描仪 of a 政府采购 row: the table says the buying
        for label in bought:
            if wanted in label or label in wanted:
                best = max(best, factor * _subject_score(wanted, label) - _narrower_penalty(wanted, label, fact))
        if fact.origin == "table" and (row := _row_before_column(text, fact.measure, fact.table_kind)):
            row_score = _item_score(fact, _asked_single(row))
            if row_score >= CELL_ITEM_SCORE or row_score and subject.startswith(normalise(row)):
                best = max(best, factor * max(row_score, CELL_ITEM_SCORE))  # a row named by its head: 彩票公益金…
    return best


@lru_cache(maxsize=65536)
def _levels_above(subject: str, row_path: tuple[str, ...]) -> frozenset[str]:
    """The 类 and 款 a figure's item stands under: the levels its subject names before its own, and the coded labels
    before its own in its table's row ("20502 普通教育" over 学前教育), without their codes; never its own name."""
    levels = classification_levels(subject)
    coded = [split_code(label) for label in row_path[:-1]]
    above = {*levels[:-1], *(normalise(name) for code, name in coded if code)}
    return frozenset(above - {levels[-1] if levels else normalise(subject)})  # a 项 may bear its 款's name


def _totals_the_whole(kind: TableKind | None, asked: str) -> bool:
    """Whether a total row of a table of this kind stands for the body's whole, or the asked item names the table's
    rows (项目 of a 项目表): the 合计 of a table of projects or purchases is theirs alone."""
    rows_word = _PART_TABLE_ROWS.get(kind)
    return rows_word is None or rows_word in asked


@lru_cache(maxsize=65536)
def _row_before_column(text: str, measure: str, kind: TableKind | None) -> str:
    """The row's item of an asked item that ends with a figure's column or its table's fund (医疗设备购置项目里财政拨款
    of the 财政拨款 column; 养老保险缴费财政拨款 of a 一般公共预算 table's row), or ""."""
    for word in _column_words(measure, kind):
        row = _CELL_JOIN.sub("", text[: -len(word)]) if text.endswith(word) else ""
        if len(row) >= 2 and not row.endswith(word) and not _COUNTED_IN.search(row):
            return row
    return ""


def of_one_fund(fact: FactRecord) -> bool:
    """Whether a figure is one fund's money: a one-fund table's (by kind, or by a title naming the fund: 一般公共预算
    财政拨款基本支出决算表), or stated of a fund or under a section about one ("五、一般公共预算支出情况 > …（项）
    1,382.54万元")."""
    if fact.origin == "table":
        return fact.table_kind in ONE_FUND_TABLES or any(fund in fact.context.partition("：")[0] for fund in fund_words())
    return fact.subject.startswith(fund_words()) or \
        any(table_kind(level) in ONE_FUND_TABLES for level in fact.heading.split(" > ") if level)


@lru_cache(maxsize=65536)
def _column_words(measure: str, kind: TableKind | None) -> tuple[str, ...]:
    """Words that name a table figure's column: its column labels and the funds its table holds, as money given
    (一般公共预算拨款, 一般公共预算财政拨款) or by name; the longer first."""
    labels = [label for label in map(normalise, measure.split("/")) if len(label) >= 2]
    given = [f"{fund}{grant}" for fund in _table_funds(kind) if not fund.endswith("拨款") for grant in ("财政拨款", "拨款")]
    return (*labels, *given, *_table_funds(kind))


@lru_cache(maxsize=None)
def _table_funds(kind: TableKind | None) -> tuple[str, ...]:
    """The funds whose money a one-fund table holds: the fund its kind names (一般公共预算 of 一般公共预算支出表) and
    the fund that holds every split fund (财政拨款, the one `fund_words` lists that `split_funds` does not)."""
    if kind not in ONE_FUND_TABLES:
        return ()
    holding = [fund for fund in fund_words() if fund not in split_funds()]
    return tuple(dict.fromkeys([*holding, *(fund for fund in fund_words() if fund in kind.value)]))


@lru_cache(maxsize=TERM_CACHE)
def _asked_single(term: str) -> AskedItem:
    return _asked_item([term])


@lru_cache(maxsize=TERM_CACHE)
def _asked_fund(question: str) -> str | None:
    """The fund whose money a question asks about, in its words or in the document terms of its colloquial ones
    (财政拨款 of "养老保险缴费财政给了多少"), not counting a fund said to be included: "（含政府性基金）"."""
    text = INCLUDED.sub("", question)
    said = f"{text} {' '.join(canonical_terms(text))}"
    return next((fund for fund in fund_words() if fund in said), None)


def _of_fund(fact: FactRecord, fund: str) -> bool:
    """Whether a figure is one fund's money: its column or table names it, or its table holds only that fund."""
    return fund in fact.measure or fund in fact.context or fund in _table_funds(fact.table_kind)


@lru_cache(maxsize=1024)
def _indicators_in(question: str) -> tuple[str, ...]:
    """The levels of indicator a question names (成本指标, 数量指标)."""
    return tuple(word for word in INDICATORS if word in question)


def bought_labels(fact: FactRecord) -> list[str]:
    """The other names a 政府采购 row gives its purchase beside its item (采购项目 液相色谱-质谱联用仪 beside 品目
    分析仪器, or a project's name beside 品目 台式计算机); none for other tables, whose labels are levels."""
    if fact.table_kind is not TableKind.PROCUREMENT:
        return []
    return [label for label in fact.row_path[:-1] if not label.isdigit() and not is_total_label(label)]


def achievement_fits(fact: FactRecord, question: str) -> bool:
    """Whether an indicator figure is of the kind asked: what was achieved (实际完成值) when the question asks that,
    the target when it asks the target; any figure when it says neither, and any figure that is no indicator (a
    project's 决算数 or 自评得分 in a row of a 绩效自评表)."""
    indicator = fact.table_kind is TableKind.PERFORMANCE \
        and (is_achieved(fact.col_path) or any(INDICATOR_MARK in part for part in (fact.measure, *fact.row_path, *fact.col_path)))
    return not indicator or asked_achievement(question) in (None, is_achieved(fact.col_path))


def score_fact(fact: FactRecord, terms: list[str], asked: AskedItem, question: str, unit_hint: tuple[str, ...],
               basis: Basis | None = None, operand_change: bool = False) -> float:
    """How well a fact answers a question about `terms` (compared as `asked`, their `_asked_item`) with the asked
    basis (0 = not at all); with `operand_change` a stated change is wanted as an operand (上年 = this year's figure
    less it) whatever the wording."""
    fit = basis_fit(fact, basis)
    if fit is None or fact.scope and not names_unit(fact.scope, question) and not _office_speaks_for_all(fact):
        return 0.0  # another basis than the one asked, or a sub-unit's table the question does not name
    best = _item_score(fact, asked)
    if best == 0.0 or terms and (_other_threshold(terms[0], fact.subject) or names_another_kind(terms[0], fact.subject)):
        return 0.0  # "单价50万元以上的设备" is never the count of 单价100万元以上设备, 执法船艇 never 执法执勤用车
    stated_average = averaged(f"{fact.subject}{fact.measure}{structure(fact)}")
    if averaged(question) and not stated_average or stated_average and is_money(fact.unit) and not averaged(question):
        return 0.0  # "平均得分" is no one project's score, nor is the money 人均购书经费 the 购书经费
    rates = [says for asked_rate, says in _RATES_ASKED if asked_rate.search(question)]
    if rates and not all(says.search(f"{fact.subject}{fact.measure}{fact.unit or ''}{structure(fact)}") for says in rates):
        return 0.0  # "高龄津贴每月发多少", "每个学生每天补助多少" ask a rate, never the year's or the project's total
    if fact.table_kind is TableKind.PROCUREMENT and _PROJECT_ASKED.search(question) and not _PURCHASE.search(question):
        return 0.0  # "某运动会这个项目预算多少": the project's money, never what one purchase under it costs
    if not achievement_fits(fact, question):
        return 0.0  # what an indicator achieved is never its target, nor the other way round
    subject = normalise(fact.subject)
    described = fact.measure + (fact.context if fact.origin == "table" else fact.subject)  # a sentence names other measures too
    if ASKS_OUTTURN.search(question):  # what was actually spent is the 决算
        question += "决算"
    other_bases = _other_basis_words(basis)
    for word in MEASURE_WORDS:
        if word in other_bases:
            continue  # "决算比年初预算少了多少": the 年初预算 operand is not marked down for the 决算 the question also says
        if word in question or (word in INDICATORS and word[:-2] in question):
            best += 8.0 if word in described else -8.0
    if any(word not in described for word in _indicators_in(question)):
        return 0.0  # "成本指标定的是多少" asks that indicator of a 绩效目标表, never the project's money
    if fact.unit is None and not (unit_hint and "数量" in fact.measure):
        return 0.0  # a figure is shown with its unit (a bare count in a 数量 column takes the asked one) or not at all
    if ASKS_MONEY.search(question) and not is_money(fact.unit) and not (is_money_per(fact.unit) and _ASKS_PER.search(question)):
        return 0.0  # "花了多少钱" is never answered with a count or a rate; "每人多少钱" is by money per head
    if fact.table_kind is TableKind.PERFORMANCE and is_money(fact.unit) and not NAMES_MONEY.search(question):
        return 0.0  # "实际处理了多少污水" is never a cost indicator's 吨水处理服务费
    if unit_hint:
        if is_money(fact.unit):
            return 0.0  # "有几辆" is never answered with an amount of money
        if fact.unit is not None and fact.unit not in unit_hint:
            return 0.0  # "多少人次" is never answered with a percentage or another count
        if fact.origin == "text" and unit_hint[0] == "人" and _counts_another_thing(subject, question):
            return 0.0  # "有多少名医生" is not the count of 家庭医生签约服务
        if _a_flow_unasked(subject, question, terms):
            return 0.0  # "一共有多少辆车" is what is held, never the 报废老旧车辆 of the year
        best += 10.0 if fact.unit == unit_hint[0] else 5.0 if fact.unit in unit_hint else 0.0  # 人 before 人次
    elif fact.unit == "%" and not _ASKS_PERCENT.search(question):
        return 0.0  # "年初预算是多少" is never answered with a rate
    elif is_money_per(fact.unit):  # "人均补助标准" asks money per head (94元/人); an item's money is never it
        best += PER_ASKED_BONUS if _ASKS_PER.search(question) else -PER_ASKED_BONUS
    elif not is_money(fact.unit) and fact.unit is not None and fact.unit not in question:
        if fact.kind is FactKind.COUNT and "、" in fact.subject:
            return 0.0  # "选取A、B、C 3个" counts what it lists: only "几个" asks it, never "处理了多少污水"
        best -= 10.0
    if _CAP.search(question) and fact.qualifier in ("≤", "<"):  # "控制在多少以内" asks for a cap
        best += 8.0
    if (structure(fact) or fact.purpose) and terms:  # words of the asked item found where the figure stands
        placed = set(search_terms(f"{fact.subject} {structure(fact)} {fact.purpose}"))
        best += min(9.0, 3.0 * len(placed & set(search_terms(terms[0]))))
    if fact.kind is FactKind.CHANGE and not (operand_change or _ASKS_CHANGE.search(question)):
        best -= 30.0
    fund = _asked_fund(question)
    if fact.table_kind in ONE_FUND_TABLES and not fund:
        # unasked, one fund's table comes after the department's whole, and its total row far after
        best -= SPLIT_FUND_PENALTY if _total_row(subject) else ONE_FUND_PENALTY
    if asked.whole and _funds_named(fact.subject) and not fund:
        best -= SPLIT_FUND_PENALTY  # "一共支出了多少": the department's whole before one fund's
    if fund and fact.origin == "table" and fund not in subject and not _of_fund(fact, fund):
        best -= OTHER_FUND_COST  # "养老保险缴费财政给了多少": that fund's figure, not all funds' together
    if "收入" in fact.measure and "收入" not in question and "收入" not in fact.subject:
        best -= INCOME_COLUMN_PENALTY  # an item's money, unasked, is what it spends, not the income column of its row
    if any(p in fact.measure for p in PRIMARY_MEASURES) and fact.qualifier is None:
        best += 2.0
    if fact.origin == "text":
        best += 3.0  # a sentence that names the item is the clearest citation
        if _adjusted(fact) and not _ADJUSTED.search(question):
            best -= ADJUSTED_COST  # "剔除公务用车购置因素后…减少12.11万元" is not the change itself
    if fact.part and not any(normalise(t) == subject for t in terms):
        # "其中：货物采购金额…" answers only a question that names the part; "有几辆公车" counts the whole (共有车辆2辆，
        # 其中：一般公务用车1辆), never a kind of it the question does not name ("几辆执法执勤车" does)
        best -= COUNTED_PART_COST if unit_hint and not _names_the_part(subject, question) else PART_PENALTY
    if _BALANCE.search(f"{fact.subject}{fact.measure}") and not _balance_asked(question, terms, asked):
        best -= BALANCE_COST  # "彩票公益金花了多少" is never its 年末结转和结余
    if _names_one_side(subject, tuple(form.text for form in asked.forms)):
        best -= JOINT_WHOLE_COST
    if _GRAND_TOTAL in subject and _GRAND_TOTAL not in question and _SPENT.search(question):
        best -= GRAND_TOTAL_COST  # "一共花了多少": 本年支出合计, not the 总计 that holds the balance carried forward
    elif _GRAND_TOTAL in subject and _GRAND_TOTAL not in question \
            and terms and _side(normalise(terms[0])) == _SPENDING and _WHOLE not in terms[0]:
        best -= SIDE_GRAND_TOTAL_COST  # "一般公共预算财政拨款支出决算": what was spent, never with what is carried forward
    elif _GRAND_TOTAL in question and _YEAR_TOTAL in subject and _GRAND_TOTAL not in subject and _YEAR_TOTAL not in question:
        best -= YEAR_TOTAL_COST  # "收入总计是多少": the 总计 row, with the balance brought forward, not 本年收入合计
    if _SPENT.search(question) and fact.part and _INVESTMENT in fact.context.split("其中", 1)[0]:
        return 0.0  # "专项债的钱花了多少": the year's spending, not how a project's 总投资 is financed
    return best + fit


@lru_cache(maxsize=None)  # one entry per basis
def _other_basis_words(basis: Basis | None) -> frozenset[str]:
    """The basis words a figure of `basis` is not scored by: those naming a basis that does not stand in for it."""
    return frozenset(w for w in BASIS_MEASURE_WORDS if basis and stated_basis(w) not in ACCEPTED_BASES[basis])


def _balance_asked(question: str, terms: list[str], asked: AskedItem) -> bool:
    """Whether the question, its terms or their document forms (还剩 → 年末结转和结余) name a balance carried over."""
    return any(_BALANCE.search(text) for text in (question, *terms, *(form.text for form in asked.forms)))


def _adjusted(fact: FactRecord) -> bool:
    """Whether a sentence's figure comes after something taken out of it ("剔除…因素后，…减少12.11万元")."""
    taken = list(_ADJUSTED.finditer(fact.context))
    return bool(taken) and f"{fact.value:f}" in fact.context[taken[-1].end() :].replace(",", "")


def _a_flow_unasked(subject: str, question: str, terms: list[str]) -> bool:
    """Whether a count's item is a flow of the year (报废老旧车辆, 更新购置用车) the question says none of: neither
    it nor its terms (买车 is counted as 购置用车) name any of the item's flow words."""
    flows = [word for word in count_flows() if word in subject]
    return bool(flows) and not any(word in question or any(word in term for term in terms) for word in flows)


def _names_the_part(subject: str, question: str) -> bool:
    """Whether the question says the word a part's item opens with (执法 of 执法执勤用车, 一般 of 一般公务用车)."""
    words = tokens(subject)
    return bool(words) and words[0] in question


_ITEM_NUMBER = re.compile(UNSIGNED_NUMBER)


@lru_cache(maxsize=65536)
def _other_threshold(asked: str, subject: str) -> bool:
    """Whether the asked item and a fact's item both carry numbers (单价50万元, 单价100万元) and share none."""
    said, stated = set(_ITEM_NUMBER.findall(asked)), set(_ITEM_NUMBER.findall(subject))
    return bool(said and stated) and not said & stated


_PEOPLE_ASKED = re.compile(r"(?:多少|几)(?:名|位|个)?(?P<noun>[\u4e00-\u9fff]{2,})")


def _counts_another_thing(subject: str, question: str) -> bool:
    """Whether the people a question counts ("有多少名医生") stand in a count's item only as a word about another
    thing: 医生 in 家庭医生签约服务 (people signed up), not in 医生人数."""
    asked = _PEOPLE_ASKED.search(question)
    words = tokens(asked["noun"]) if asked else []
    said = [noun for noun in ("".join(words[:n]) for n in range(len(words), 0, -1)) if noun in subject]
    noun = said[0] if said else words[0] if words else ""  # all the item says of it: 执业公证员, not 执业 of it
    at = subject.rfind(noun) if len(noun) >= 2 else -1
    if at < 0:
        return False
    rest = subject[at + len(noun):]
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,}", rest)) and not any(rest.startswith(w) for w in count_heads())


ABBREVIATION_SPAN = 3  # an asked word written short may spread over this many times its characters in the text


def _said_around(term: str, fact: FactRecord) -> int:
    """How many asked words its item leaves out the sentence around a stated figure says, whole or short (港航局 of
    "重庆市港航管理局(包含…6个三级预算单位)"): tells apart figures of one item stated for several bodies that
    score the same."""
    subject = normalise(fact.subject)
    words = [w for w in search_terms(term) if len(w) >= 2 and w not in subject]
    return sum(w in fact.context or _written_short(w, fact.context) for w in words)


def _written_short(word: str, text: str) -> bool:
    """Whether `text` holds `word`'s characters in order, starting with its first, within a short stretch."""
    for start in (m.start() for m in re.finditer(re.escape(word[0]), text)):
        window, at = text[start : start + ABBREVIATION_SPAN * len(word)], 0
        for char in word:
            at = window.find(char, at)
            if at < 0:
                break
            at += 1
        else:
            return True
    return False


@lru_cache(maxsize=4096)
def _names_one_side(subject: str, asked: tuple[str, ...]) -> bool:
    """Whether the asked item names one side of a joint item only: 车辆运行维护费 says 运行维护 of 公务用车购置及运行维护费
    (whose sides are 购置 and 运行维护, its parts as `compound_items.tsv` lists them) and not 购置."""
    parts = compound_items().get(subject, ())
    if len(parts) != 2 or any(text in compound_items() for text in asked):
        return False  # 公车 asks a whole too
    head = len(os.path.commonprefix(parts))
    tail = len(os.path.commonprefix([p[::-1] for p in parts]))
    sides = [part[head : len(part) - tail] for part in parts]
    return all(sides) and any(sum(side in text for side in sides) == 1 for text in asked)


def rank_facts(facts: list[FactRecord], terms: list[str], question: str, unit_hint: tuple[str, ...] = (),
               basis: Basis | None = None, operand_change: bool = False) -> list[ScoredFact]:
    """Facts scoring at least MIN_SCORE, best first (ties: the item whose own name the question holds, then document
    order; among the best figures of one item, the one whose sentence says more of the asked words)."""
    asked = _with_one_item_levels(_asked_item(terms), facts)
    scored = [ScoredFact(f, score) for f in facts
              if (score := score_fact(f, terms, asked, question, unit_hint, basis, operand_change)) >= MIN_SCORE]
    ranked = sorted(scored, key=lambda s: (-s.score, s.fact.doc_id, s.fact.start))
    if not ranked or not terms:
        return ranked
    tied = [s for s in ranked if s.score == ranked[0].score]
    if len({s.fact.subject for s in tied}) > 1:  # items scoring alike by where they stand: the one the question names
        tied.sort(key=lambda s: not _own_name_asked(s.fact.subject, terms[0]))
        ranked = [*tied, *ranked[len(tied):]]
    top = [s for s in ranked if s.score == ranked[0].score and s.fact.subject == ranked[0].fact.subject]
    if len(top) > 1:  # one item stated for several bodies: the one whose sentence says more of the question
        top.sort(key=lambda s: -_said_around(terms[0], s.fact))
        ranked = [*top, *(s for s in ranked if s not in top)]
    return ranked


def _with_one_item_levels(asked: AskedItem, facts: list[FactRecord]) -> AskedItem:
    """The asked item knowing which of its forms name a 类 or 款 the facts hold exactly one item under."""
    forms = {form.text for form in asked.forms}
    items: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        if named := _levels_above(fact.subject, fact.row_path) & forms:
            levels = classification_levels(fact.subject)
            for level in named:
                items[level].add(levels[-1] if levels else normalise(fact.subject))
    single = frozenset(level for level, under in items.items() if len(under) == 1)
    return replace(asked, one_item_levels=single) if single else asked


def _own_name_asked(subject: str, term: str) -> bool:
    """Whether the asked term holds the item's own name, its last level ("工会事务" of …群众团体事务（款）工会事务（项）)."""
    levels = classification_levels(subject)
    own = normalise(levels[-1] if levels else subject)
    return len(own) >= 2 and own in normalise(term)


def of_its_own_year(cells: list[FactRecord]) -> list[FactRecord]:
    """A row's figures for its document's own year, never a column of another's (2024年预算数 in a 2025 budget),
    or all of them where the row has none of its own year."""
    return [f for f in cells if f.period in (None, f.year)] or cells


def comparable_amount(fact: FactRecord) -> Decimal:
    """Money in 万元, anything else as written."""
    return fact.amount_wan if fact.amount_wan is not None else fact.value


def corroborating(best: ScoredFact, ranked: list[ScoredFact]) -> list[FactRecord]:
    """The one place of the other origin (sentence for a table figure, table for a sentence) in the same
    document that states the same item with the same figure, when there is one."""
    if comparable_amount(best.fact) == 0:
        return []  # a zero is printed everywhere; it corroborates nothing
    for other in ranked:
        f = other.fact
        if (f.doc_id == best.fact.doc_id and f.origin != best.fact.origin and other.score >= best.score - CORROBORATION_MARGIN
                and measure_class(f) == measure_class(best.fact) and same_amount(f, best.fact) and f.basis is best.fact.basis):
            return [f]
    return []


_BREAKDOWN_COLUMN = re.compile(r"基本支出|项目支出|人员经费|公用经费|政府性基金|国有资本经营|事业收入|经营收入|其他收入|上级补助")


def _column(fact: FactRecord) -> str:
    """A table figure's column, by its own header; a group's 小计 (基本支出/小计) is the group's column."""
    if fact.origin != "table":
        return ""
    headers = fact.measure.split("/")
    while len(headers) > 1 and headers[-1] in GENERIC_HEADERS:
        headers.pop()
    return normalise(headers[-1])


def different_scope(a: FactRecord, b: FactRecord) -> bool:
    """An economic-classification row (基本支出 only) and any other place count different spending:
    公务接待费 in the 三公 table includes project money, the 经济分类 row does not. So do one fund's table
    (一般公共预算支出表) and a table of all funds (支出总表), and a breakdown column (a row's 基本支出 or
    项目支出) beside the row's total; and a unit's figure beside its department's (某局本级的项目支出, 部门的)."""
    if (a.scope or "") != (b.scope or ""):
        return True
    kinds = {a.table_kind, b.table_kind}
    if TableKind.BASIC_ECONOMIC in kinds and len(kinds) > 1:
        return True
    if kinds & ONE_FUND_TABLES and kinds & ALL_FUNDS_TABLES:  # one fund's money beside all funds'
        return True
    breakdowns = {bool(_BREAKDOWN_COLUMN.search(_column(f))) for f in (a, b)}
    return len(breakdowns) == 2 or (breakdowns == {True} and _column(a) != _column(b))


def _summed_item(fact: FactRecord) -> str:
    """What a figure adds to a sum: its own item, or for a 合计 row the column it totals (人员经费 of 合计 × 人员经费)."""
    return _total_column(fact.measure) if _total_row(fact.subject) else owned_subject(fact)


def overlapping(operands: list[FactRecord]) -> bool:
    """True when operands repeat a figure or one names a part of another (公务用车运行费 within
    公务用车购置及运行费): their sum would count the same money twice."""
    if len({(f.doc_id, f.start, f.end, f.measure) for f in operands}) < len(operands):
        return True
    words = [set(search_terms(normalise(_summed_item(f)))) for f in operands]
    return any(i != j and words[i] and words[i] <= words[j] for i in range(len(words)) for j in range(len(words)))


def same_amount(a: FactRecord, b: FactRecord) -> bool:
    """The same figure once units are normalised, within the rounding of the shown two decimals
    (156,211,123 元 and 15621.11 万元)."""
    return abs(comparable_amount(a) - comparable_amount(b)) <= ROUNDING


def _other_column(a: FactRecord, b: FactRecord) -> bool:
    """Two figures under different headers state different things: in one table (项目资金总额, 其他资金), or in two
    where one header names a part of the money (a 绩效目标表's 财政拨款 beside a 项目表's 合计)."""
    if a.table_id is None or b.table_id is None or a.doc_id != b.doc_id or a.measure == b.measure:
        return False
    return a.table_id == b.table_id or any(_part_column(f) for f in (a, b))


def _part_column(fact: FactRecord) -> bool:
    """Whether a table figure's column holds a part of its row's money: a fund or a source (财政拨款, 其他资金, 事业收入)."""
    column = _column(fact)
    return bool(_BREAKDOWN_COLUMN.search(column)) or column in _cell_funds() or column.startswith(CATCH_ALL)


@lru_cache(maxsize=1)
def _cell_funds() -> frozenset[str]:
    return frozenset(normalise(fund) for fund in fund_words())


def conflicts_with(best: ScoredFact, ranked: list[ScoredFact]) -> list[FactRecord]:
    """Other facts of the same document, item, class, basis and year that state a different figure (one per figure);
    a figure printed coarser (1.52亿元) that the other rounds to is the same figure."""
    seen = [best.fact]
    out: list[FactRecord] = []
    for other in ranked:
        f = other.fact
        if other.score < best.score - CONFLICT_MARGIN or not _states_the_same_item(f, best.fact):
            continue
        if not any(_rounds_alike(f, s) for s in seen):
            seen.append(f)
            out.append(f)
    return out


def finest_stating(best: ScoredFact, ranked: list[ScoredFact]) -> ScoredFact:
    """The place stating the best fact's figure to the most digits: "收入预算总计1.52亿元" beside "收入预算15,182.47万元"
    of the same item answers 15,182.47万元. A figure printed to the hundredth of a 万元 is answered as printed."""
    if rounding_step(best.fact) <= ROUNDING:
        return best
    alike = [other for other in ranked if other.score >= best.score - CONFLICT_MARGIN
             and _states_the_same_item(other.fact, best.fact) and _rounds_alike(other.fact, best.fact)]
    return min(alike, key=lambda other: rounding_step(other.fact), default=best)


def _states_the_same_item(f: FactRecord, best: FactRecord) -> bool:
    """Whether `f` is a place stating the figure of `best`'s item: same document, class, item, scope, column, basis,
    year, and both of all funds or both of one fund."""
    if f.doc_id != best.doc_id or measure_class(f) != measure_class(best) or normalise(f.subject) != normalise(best.subject):
        return False
    if different_scope(f, best) or _other_column(f, best) or (f.basis, f.period) != (best.basis, best.period):
        return False  # a 年初预算 beside a 决算, or another year's figure, is no contradiction
    # one fund's 本年收入合计 (财政拨款收支总表) is no other figure of all funds' together
    return (f.table_kind in ONE_FUND_TABLES) == (best.table_kind in ONE_FUND_TABLES)


def rounding_step(fact: FactRecord) -> Decimal:
    """Half the last printed digit of a figure, money in 万元: "1.52亿元" is anything from 15,150 to 15,250万元."""
    step = Decimal(1).scaleb(fact.value.as_tuple().exponent) / 2
    return step * fact.amount_wan / fact.value if fact.amount_wan is not None and fact.value else step


def _rounds_alike(a: FactRecord, b: FactRecord) -> bool:
    return abs(comparable_amount(a) - comparable_amount(b)) <= max(ROUNDING, rounding_step(a), rounding_step(b))
