"""A 下属单位 that no document is of, asked about by name ("审计数据分析中心2025年收入多少"): its row in a table of
its department's units (部门收入总表 by 单位名称) answers, in the column the question names, else in the total column
of the table whose title names the item. Nothing else answers: a department's own figure is never the unit's."""

from __future__ import annotations

import re

from assistant.plan import ALL_FUNDS_TABLES
from assistant.vocabulary import generic_item_words
from index.fact_store import FactRecord
from index.query_expansion import canonical_variants
from ingest.facts import BUDGET_SIDES
from ingest.lexicon import search_terms
from ingest.model import FactKind, TableKind
from ingest.numbers import is_money
from ingest.scope import OWN_OFFICE, in_order
from ingest.subjects import normalise
from ingest.tables import is_total_label, part_label
from ingest.vocabulary import is_han, organ_suffixes, split_places, vocabulary

_PROJECTS = "项目"
TOTAL_ENDINGS = ("合计", "总计")  # 本年收入合计: a column totalling the row
WHOLE_TABLES = (*ALL_FUNDS_TABLES, TableKind.OTHER)  # tables of all a unit's money, not of one item (三公, 政府采购)


def unit_figure(unit: str, asked: str, facts: list[FactRecord], counted: tuple[str, ...] = ()) -> FactRecord | None:
    """The unit's figure of the asked item (the question's words other than the unit's name, or the documents' terms
    for them: 招待费 is the 公务接待费 column; its row may put its place before the name asked), in money, or in
    the units a count is asked in (实有多少人), of its document's year (never the 2024年预算数 column of a 2025
    budget), or None."""
    fits = (lambda f: f.unit in counted) if counted else (lambda f: f.kind is FactKind.AMOUNT and is_money(f.unit))
    rows = sorted((f for f in facts if f.origin == "table" and f.subject.endswith(unit) and fits(f)
                   and f.period in (None, f.year)), key=lambda f: f.start)  # not a column of the year before
    column = [f for f in facts if f.origin == "table" and is_unit_column(f, unit) and fits(f)]
    item = asked.replace(unit, "")
    said = [item, *canonical_variants(item)]
    return next((found for name in said if (found := _in_row(rows, name))), None) \
        or next((found for name in said if (found := _in_column(column, name))), None)


_CELL_EDGES = ("", "\t", "\n")  # what stands on each side of a name that is a table's cell alone
_CLASS_LEVEL_AFTER = re.compile(r"\s*[（(]\s*[类款项]\s*[)）]")  # 博物馆（项）: a classification item


def speaks_of_unit(text: str, name: str) -> bool:
    """Whether the text names a unit by `name` somewhere other than as an item: a 博物馆 that is only a cell of a
    table's rows (2070205 | 博物馆) or a classification item (博物馆（项）48.60万元) is no unit of the department."""
    def as_item(found: re.Match[str]) -> bool:
        before, after = text[found.start() - 1 : found.start()], text[found.end() : found.end() + 1]
        return before in _CELL_EDGES and after in _CELL_EDGES or bool(_CLASS_LEVEL_AFTER.match(text, found.end()))
    return any(not as_item(found) for found in re.finditer(re.escape(name), text))


MAX_WRITTEN_OUT_CHARS = 12  # a unit's full name, from its first character asked to its organ word


# units listed by their own parts before the word they share: "东城、西城、新港3个公安分局", "涑西区、峪城区4个辖区大队"
_LISTED_UNITS = re.compile(r"(?P<parts>[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+)等?(?:\d+|[两二三四五六七八九十]+)个"
                           r"(?P<shared>[\u4e00-\u9fff]{1,8})")
MIN_SHARED_CHARS = 2  # 分局, 大队: the shared word a unit's name ends with
MIN_OWN_PART_CHARS = 2  # 东城 of 东城分局


def listed_by_own_part(unit: str, sentence: str) -> bool:
    """Whether the sentence lists the unit by its own part before the word the listed units share (东城分局 in
    "另设东城、西城、新港3个公安分局")."""
    for listed in _LISTED_UNITS.finditer(sentence):
        first, *others = listed["parts"].split("、")
        # the first part may hold the words before the list ("本局另设东城"): any of its tails may be the unit's own part
        parts = [first[at:] for at in range(len(first) - MIN_OWN_PART_CHARS + 1)] + others
        if any(unit.startswith(part) and len(rest := unit[len(part):]) >= MIN_SHARED_CHARS and rest in listed["shared"]
               for part in parts):
            return True
    return False


def unit_written_out(text: str, short: str) -> str | None:
    """The one full name in the text that a unit asked by a short name stands for, its characters in order and its
    organ word the same (交警支队 → 交通警察支队); None when the text writes the short name itself, or no one name fits."""
    organ = next(iter(organ_suffixes(short)), "")
    if not organ or len(short) <= len(organ) or short in text:
        return None
    found = set()
    for end in (m.end() for m in re.finditer(re.escape(organ), text)):
        window = text[max(0, end - MAX_WRITTEN_OUT_CHARS) : end]
        starts = [at for at, char in enumerate(window) if char == short[0]]
        name = next((window[at:] for at in reversed(starts) if in_order(short, window[at:])), None)
        if name and is_han(name) and len(split_places(name)[0]) <= len(split_places(short)[0]):
            found.add(name)  # never a body of a place the short name leaves out (岑阳市档案馆 is no 岑阳市雁汀区档案馆)
    return found.pop() if len(found) == 1 else None


def is_unit_column(fact: FactRecord, unit: str) -> bool:
    """Whether the figure stands in a column of the unit, in a table of units side by side (合计 | 本级 | 某中心)."""
    return bool(fact.col_path) and fact.col_path[-1].endswith(unit) and fact.table_kind in WHOLE_TABLES


def _in_column(column: list[FactRecord], item: str) -> FactRecord | None:
    """The figure of `item` in a unit's column: the row of that name ("其中：基本支出"), or the total row when the item
    names only the unit's whole ("支出合计" of "某中心支出多少"), or None."""
    asked = normalise(item)
    if named := [f for f in column if _row_name(f.subject) == asked]:
        return named[0]
    side_total = [f for f in column if _row_name(f.subject) in (f"{asked}合计", f"{asked}总计")]
    return side_total[0] if len(side_total) == 1 else None


def _row_name(subject: str) -> str:
    """A row's item without the 其中 that leads a part: "其中：基本支出" → 基本支出."""
    return normalise(part_label(subject))


def own_office_item(asked: str, word: str) -> str:
    """The item asked of a department's own office, without the word naming it and the words stressing it
    (机关本身公务接待费 → 公务接待费)."""
    item = asked.replace(word, "", 1)
    filler = next((w for w in vocabulary().own_office_filler if item.startswith(w)), "")
    return item[len(filler) :]


def office_sentences(facts: list[FactRecord]) -> list[FactRecord]:
    """The figures of sentences stating them of the department's own office: its name, then the office's word, then
    the item ("2024年度某局（本级）机关运行经费支出247.82万元"), or read as the office's at ingest ("局机关本级…"), where
    no table row of the office holds the item."""
    vocab = vocabulary()
    words = "|".join(sorted(vocab.own_office, key=len, reverse=True))
    after = "|".join(vocab.own_office_not_before)
    return [f for f in facts if f.origin == "text" and (f.scope == OWN_OFFICE or f.department and re.search(
        rf"{re.escape(f.department)}[（(]?(?:{words})(?:[)）]|(?!{after}))", f.context))]


def _in_row(rows: list[FactRecord], item: str) -> FactRecord | None:
    """The figure of `item` among a unit's row figures, or None. Its projects' money ("本级的项目加起来") is only in
    a 项目 column or a table of projects, never in a column of all its money."""
    if _PROJECTS in item:
        rows = [f for f in rows if _PROJECTS in f.measure or f.table_kind is TableKind.PROJECTS]
    # 下属的… leads a name; 预算总额 names the whole
    words = [w for w in search_terms(item) if len(w) >= 2 and w not in vocabulary().unit_leads and w not in generic_item_words()]
    if not words:  # "林业科学研究院预算多少": its whole, the total column of the first table of all its money, or
        # the one sum of money the documents give of it (编制 | 实有 | 2025年预算数 in a table of units)
        total = next((f for f in rows if _total_column(f) and f.table_kind in WHOLE_TABLES), None)
        return total or (rows[0] if len(rows) == 1 and rows[0].table_kind in WHOLE_TABLES else None)
    rest = normalise(item)
    exact = [f for f in rows if f.col_path and normalise(f.col_path[-1]) == rest]
    grouped = [f for f in rows if _total_column(f) and all(w in normalise(f.measure) for w in words)]
    sides_only = set(words) <= set(BUDGET_SIDES)  # the 支出 of a 政府采购支出表 is no unit's 支出
    totals = [f for f in rows if _total_column(f) and (f.table_kind in WHOLE_TABLES or not sides_only)
              and all(w in normalise(f.context.partition("：")[0]) for w in words)]
    named = [f for f in rows if all(w in normalise(f.measure + f.context.partition("：")[0]) for w in words)]
    # 上级补助收入: the column of that name; 支出: the total column under 支出预算 of a table of units' 收入 and 支出, else
    # the total of the table of 支出; else the one column its name and its table's title name (政府采购里货物类: the
    # 货物类 column of the 政府采购 table)
    return next(iter(exact or grouped or totals), named[0] if len(named) == 1 else None)


def _total_column(fact: FactRecord) -> bool:
    """Whether the figure stands in its table's total column (合计, 本年收入合计)."""
    header = fact.col_path[-1] if fact.col_path else fact.measure
    return is_total_label(header) or header.endswith(TOTAL_ENDINGS)
