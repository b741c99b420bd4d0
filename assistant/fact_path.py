"""The deterministic numeric path: pick facts, compute with decimals, cite every operand."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from decimal import Decimal
from itertools import product

from assistant import compute
from assistant.abbreviated_items import abbreviated_item, quoted_item
from assistant.answer import Answer, Citation, CitedValue
from assistant.category_rows import CategoryRows, category_rows, column_figure
from assistant.citations import SourceTexts
from assistant.fact_matching import (
    ACCEPTED_BASES,
    achievement_fits,
    bare_item,
    owned_subject,
    MIN_OPERAND_SCORE,
    MIN_SCORE,
    NAMED_SCORE,
    PRIMARY_MEASURES,
    ScoredFact,
    bought_labels,
    comparable_amount,
    conflicts_with,
    finest_stating,
    corroborating,
    measure_class,
    names_an_item,
    names_the_whole,
    whole_names,
    facts_inside,
    in_column,
    natural_basis,
    of_one_fund,
    rank_facts,
    overlapping,
)
from assistant.fact_lists import MIN_LIST_PARTS, ListPart, grouped_parts, list_parts, projects_in
from assistant.formatting import in_display_unit, quoted_clause, rounded, shown, stated_use
from assistant.like_items import asked_count, like_items
from assistant.vocabulary import (compound_items, fund_words, is_budget_whole, joined_item, spending_terms, split_funds, total_terms,
                                  whole_terms)
from assistant.plan import ALL_FUNDS_TABLES, DEFAULT_WHOLE, PROJECT_ROW_TABLES, Operation, QuestionPlan
from assistant.row_ranking import ranked_rows
from assistant.sub_units import is_unit_column, unit_figure
from index.fact_store import DocumentRecord, FactRecord
from ingest.classify import table_kind, table_kind_words
from ingest.facts import BUDGET_SIDES, COMPLETION_MEASURE, SHARE_MEASURE
from ingest.lexicon import search_terms
from ingest.model import Basis, Direction, DocumentKind, FactKind, TableKind
from ingest.numbers import convert_money, is_money
from ingest.performance_headers import is_achieved
from ingest.subjects import normalise, same_item
from ingest.tables import is_subject_code, is_total_label, part_label, strip_table_number, table_of
from ingest.vocabulary import is_body_name, split_places
from index.query_expansion import canonical_variants

TOTAL_TERMS = total_terms()
# tables of projects: a list question asks for them
PROJECT_TABLES = (TableKind.PROJECTS, TableKind.PERFORMANCE, TableKind.PROCUREMENT)


class Period(Enum):
    """Which figures count by the year they are stated for (a fact's `period`; None: the document's own)."""

    ASKED = "asked"  # the years the question names, or the document's own when it names none
    YEAR_BEFORE = "year_before"  # stated for the year before the document's ("2025年度预算…" in 2026)
    UP_TO_YEAR_BEFORE = "up_to_year_before"  # the document's own or the year before ("比上年执行数")
    OWN = "own"  # the document's own year, whatever the question names (the level a stated change is from)

    def admits(self, fact: FactRecord, named_years: list[int]) -> bool:
        before = fact.year is not None and fact.period == fact.year - 1
        if self is Period.YEAR_BEFORE:
            return before
        if fact.period is None or (self is Period.UP_TO_YEAR_BEFORE and before):
            return True
        if self is Period.OWN:
            return fact.period == fact.year
        return fact.period in named_years if named_years else fact.period == fact.year


Handler = Callable[[QuestionPlan, list[FactRecord], list[DocumentRecord]], "Draft | None"]


_PROJECTS = "项目"  # "有哪些项目": the rows of the project table
_LIST_FILLERS = ("项目", "编报", "填报", "报了", "编了", "报", "的", "表", "都", "有")  # words of a list question naming no project
_HOW_MANY = r"\d+个|[这那哪几]+个"  # "报了绩效目标的5个项目": a count of them, no name
MIN_PROJECT_CHARS = 2


@dataclass
class Draft:
    """An answer plus the (citation, figure) pairs the verifier must find in the sources."""

    answer: Answer
    checks: list[tuple[Citation, Decimal]] = field(default_factory=list)
    amount: Decimal | None = None  # the figure answered, exactly, in the answer's unit (not rounded for display)


def _labelled(per_doc: dict[str, list[ScoredFact]], names: list[str]) -> bool:
    """Whether a document's best-ranked figure stands in a row whose own label is one of `names`, not a 类 or 款
    the row stands under (only codes may follow it)."""
    return any(_own_label(ranked[0].fact.row_path, name) for ranked in per_doc.values() if ranked for name in names)


def _own_label(path: tuple[str, ...], name: str) -> bool:
    """Whether `name` is the row's own label, or the 科目编码 printed before it ("2010804 | 审计业务")."""
    if name not in path:
        return False
    after = path[path.index(name) + 1 :]
    return all(is_subject_code(label) for label in after) or is_subject_code(name) and len(after) == 1


def _headed(fact: FactRecord, part: str) -> bool:
    """Whether a table figure's own column is headed by the asked part (上年结转 of 其中/上年结转), not a fund its table
    holds."""
    return fact.origin == "table" and normalise(fact.measure.split("/")[-1]) == normalise(part)


def _asked_table(grouped: CategoryRows, intent: QuestionPlan) -> bool:
    """Whether the rows stand under the item in a table of the kind the question asks for."""
    return grouped.by_level and grouped.facts[0].table_kind in intent.tables


class FactPath:
    """Answers numeric questions from the fact store."""

    def __init__(self, texts: SourceTexts, display_unit: str = "万元", asked: bool = False):
        self.texts = texts
        self.display_unit = display_unit
        self.asked = asked  # the question asked for the display unit (多少万元): money is shown in it, rounded
        self.handlers: dict[Operation, Handler] = {
            Operation.LOOKUP: self._lookup, Operation.RANK: self._rank, Operation.CHANGE: self._change,
            Operation.PREVIOUS: self._previous, Operation.GROWTH: self._growth_rate, Operation.SHARE: self._share,
            Operation.SUM: self._sum, Operation.DIFFERENCE: self._difference, Operation.YEAR_CHANGE: self._year_change,
            Operation.LIST: self._list, Operation.COMPLETION: self._completion, Operation.ROW_RANK: self._row_rank,
            Operation.FILTER: self._filter,
        }

    # ---- helpers -------------------------------------------------------------------------
    def _cite(self, fact: FactRecord) -> Citation:
        return self.texts.cite_fact(fact)

    def _display(self, fact: FactRecord) -> tuple[Decimal, str | None]:
        """The figure in the display unit, rounded to two decimals."""
        value, unit = in_display_unit(fact.value, fact.unit, self.display_unit, self.asked)
        return rounded(value), unit

    def _describe(self, fact: FactRecord) -> str:
        """The figure as shown: in the display unit with the original beside it as printed ("原文：600,000.00元"), or,
        when two decimals of the display unit cannot show it exactly, in its own unit with the display unit's rounding
        beside it; a target or limit (≤50元) in its own unit as printed."""
        value, unit = self._display(fact)
        text = shown(value, unit, fact.qualifier)
        if fact.qualifier and unit == fact.unit and (printed := self.texts.printed_figure(fact)):
            return f"{fact.qualifier}{printed}{unit or ''}"  # a target as the form sets it: ≤50元, never ≤50.00元
        if unit != fact.unit:
            printed = self.texts.printed_figure(fact)
            original = f"{fact.qualifier or ''}{printed}{fact.unit}" if printed else shown(fact.value, fact.unit, fact.qualifier)
            text += f"（原文：{original}）"
        elif is_money(unit) and unit != self.display_unit \
                and abs(about := rounded(convert_money(fact.value, fact.unit, self.display_unit))) >= 1:
            text += f"（约{shown(about, self.display_unit)}）"
        return text

    @staticmethod
    def _item(fact: FactRecord) -> str:
        subject = part_label(owned_subject(fact))
        if bought := bought_labels(fact):  # 液相色谱-质谱联用仪（分析仪器）
            subject = f"{bought[-1]}（{subject}）"
        name = f"{subject}（{stated_use(fact.purpose)}）" if fact.purpose else subject
        detail = fact.context.partition("：")[2].split("；")[0] if "指标" in fact.measure else ""
        if detail and fact.subject == fact.department:  # the department's own targets (部门整体支出绩效目标表)
            return f"{detail}（{fact.measure}）"
        if fact.origin == "table" and is_body_name(fact.subject):  # a unit's row: the table says what its figures are
            return f"{name}在{strip_table_number(fact.context)}中的{fact.measure}"
        if fact.measure in ("金额", *PRIMARY_MEASURES) or fact.kind is FactKind.CHANGE:
            return name
        joiner = "" if fact.measure.startswith("占") else "的"  # 基本支出占本年支出合计的比例
        achieved = "实际完成值" if detail and is_achieved(fact.col_path) else ""  # a 绩效自评表's, never its target
        return f"{name}{joiner}{fact.measure}" + (f"（{detail}）" if detail else "") + achieved

    @staticmethod
    def _owner(fact: FactRecord) -> str:
        """Whose figure it is: the department, or the sub-unit whose own table states it, and its year."""
        year = fact.period or fact.year
        body = fact.department
        if fact.scope and fact.scope not in fact.department:  # a unit named with its place stands alone
            body = fact.scope if split_places(fact.scope)[0] else f"{fact.department}{fact.scope}"
        return f"{body}{year}年" if year else body

    def _cited_value(self, fact: FactRecord) -> CitedValue:
        value, unit = self._display(fact)
        return CitedValue(
            department=fact.department, year=fact.year, value=float(value), unit=unit, qualifier=fact.qualifier,
            text=f"{fact.context or fact.subject}：{self._describe(fact)}", citation=self._cite(fact),
        )

    def _best_per_doc(self, facts: list[FactRecord], terms: list[str], intent: QuestionPlan,
                      only_class: str | None = None, exclude_class: str | None = None,
                      basis: Basis | None = None, period: Period = Period.ASKED) -> dict[str, list[ScoredFact]]:
        """The facts of each document that fit, best first, among those stated for the `period` wanted."""
        pool = [f for f in facts if (only_class is None or measure_class(f) == only_class)
                and (exclude_class is None or measure_class(f) != exclude_class)
                and period.admits(f, intent.named_years)]
        ranked = rank_facts(pool, terms, intent.question, intent.unit_hint, basis or intent.basis,
                            operand_change=only_class == "change")
        per_doc: dict[str, list[ScoredFact]] = defaultdict(list)
        for scored in ranked:
            per_doc[scored.fact.doc_id].append(scored)
        return per_doc

    def _money(self, fact: FactRecord) -> Decimal:
        return comparable_amount(fact)

    def _unit_of(self, operands: list[FactRecord]) -> str:
        """The unit a sum or difference of `operands` is shown in: the display unit, unless they all print another
        money unit that two decimals of the display unit cannot show exactly (24,662,632.80元 is 2466.26328万元)."""
        units = {f.unit for f in operands}
        own = units.pop() if len(units) == 1 else None
        if own and is_money(own) and own != self.display_unit \
                and any(in_display_unit(f.value, own, self.display_unit, self.asked)[1] == own for f in operands):
            return own
        return self.display_unit

    def _in_unit(self, fact: FactRecord, unit: str) -> Decimal:
        """The fact's amount in the money unit `unit` (exactly); a count or rate as it is."""
        return convert_money(fact.value, fact.unit, unit) if is_money(fact.unit) and is_money(unit) else fact.value

    # ---- operations ----------------------------------------------------------------------
    def answer(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """A draft answer, or None when the facts do not answer the question."""
        handler = self.handlers.get(intent.operation)
        return handler(intent, facts, docs) if handler else None

    def _lookup(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        if intent.tables == ALL_FUNDS_TABLES and (whole := self._whole_with_carry_over(intent, facts)):
            return whole  # "算上上年结转一共多少": the sentence's total with the carry-over in it (另有…，合计安排…)
        if intent.sub_unit:
            fact = unit_figure(intent.sub_unit, intent.focus, facts, intent.unit_hint)
            if fact is None:
                return self._units_project(intent, facts) or self._units_projects(intent, facts)
            return self._best_figure(intent, {fact.doc_id: [ScoredFact(fact, MIN_SCORE)]})
        if intent.scope:  # "政府采购里买图书", "公车运行费里油费": a part inside the whole, not the whole's own figure
            inside, wholes = facts_inside(intent.scope, facts), whole_names(intent.scope)
            facts = [f for f in inside or facts if not names_the_whole(f.subject, wholes) or in_column(f, intent.terms[0])]
            cells = [f for f in facts if names_the_whole(f.subject, wholes) and _headed(f, intent.terms[0])]
            facts = cells or facts  # the whole's row has the part's column ("油茶项目里上年结转"): that cell, no sentence about more
        per_doc = self._best_per_doc(facts, intent.terms, intent, exclude_class="change")
        if not per_doc and intent.unit_hint and not intent.named_years:
            # "接待了多少批次" of a budget that counts only last year's: that year's count, its year said
            per_doc = self._best_per_doc(facts, intent.terms, intent, exclude_class="change", period=Period.YEAR_BEFORE)
        found = self._best_figure(intent, per_doc)
        if found is None and (short := abbreviated_item(intent.focus, facts) or quoted_item(intent.focus, facts)):
            # "地灾巡查" of 地质灾害巡查; "“村晚”项目" of “村晚”及乡村文化振兴活动
            per_doc = self._best_per_doc(facts, [short, *intent.terms], intent, exclude_class="change")
            found = self._best_figure(intent, per_doc)
        rows = [f for f in facts if achievement_fits(f, intent.question)]
        names = [intent.focus, *intent.terms]
        grouped = category_rows(rows, names, self.texts, intent.tables, intent.basis) if len(docs) == 1 else None
        if grouped and len(grouped.facts) > 1 and not (found and _labelled(per_doc, names) and not _asked_table(grouped, intent)):
            # the rows of a category, not the one whose name resembles it; a row whose label holds the code asked
            # ("审计业务（2010804）": 2010804 审计业务) is that item's own, unless the table asked for lists the item
            # only as its rows' 类 or 款
            return self._category_total(intent, grouped, per_doc)
        if grouped and found is None:
            return self._best_figure(intent, {docs[0].doc_id: [ScoredFact(grouped.facts[0], MIN_SCORE)]})
        if found is None or intent.asks_each or asked_count(intent.question):
            like = like_items(facts, intent.focus, intent.question) if len(docs) == 1 else []
            if like:
                return self._like_answer(intent, like)
        parts = None if intent.unit_hint else compound_items().get(intent.focus)
        if parts and (found is None or _only_parts(per_doc, parts)):  # 水电费 listed apart as 水费 and 电费; 公车 unstated
            return self._sum(replace(intent, parts=list(parts)), facts, docs) or found
        if found is not None and intent.unit_hint and _ASKS_ALL.search(intent.question) and len(per_doc) == 1:
            if len(kinds := _kinds_counted(next(iter(per_doc.values())))) > 1:  # 通用设备2台 and 专用设备3台: 一共5台
                result = compute.total([f.value for f in kinds])
                return self._computed(intent, "合计", kinds[0], kinds, result, kinds[0].unit or "",
                                      "、".join(f.subject for f in kinds))
        return found

    def _like_answer(self, intent: QuestionPlan, like: list[FactRecord]) -> Draft:
        """Like figures of one sentence (每个季度用款计划): their total when one is asked, else each, every one cited."""
        if intent.adds_up:
            unit = self._unit_of(like)
            result = compute.total([self._in_unit(f, unit) for f in like])
            return self._computed(intent, "合计", like[0], like, result, unit, "、".join(f.subject for f in like))
        citations = [self._cite(f) for f in like]
        values = {self._display(f) for f in like}
        listing = "；".join(f"{f.subject}{self._describe(f)}" for f in like)
        if len(values) == 1:  # "每个季度用款计划多少": the same figure each time
            value, unit = values.pop()
            text = f"{self._owner(like[0])}{len(like)}项均为{shown(value, unit)}：{listing}。"
            answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                            citations=citations, route="fact")
        else:
            answer = Answer(question=intent.question, kind="text", text=f"{self._owner(like[0])}分别为：{listing}。",
                            citations=citations, route="fact")
        return Draft(answer, [(c, f.value) for c, f in zip(citations, like, strict=True)])

    def _category_total(self, intent: QuestionPlan, grouped: CategoryRows, per_doc: dict[str, list[ScoredFact]]) -> Draft:
        """The rows a category groups (采购品目 硬件运维服务, the 项 of a 款), added up, each row cited; a sentence
        stating the item with that very total is the answer instead."""
        rows = grouped.facts
        total = sum(comparable_amount(f) for f in rows)
        stating = [s for ranked in per_doc.values() for s in ranked
                   if s.fact.origin == "text" and comparable_amount(s.fact) == total and s.fact.kind is FactKind.AMOUNT]
        if stating:
            return self._best_figure(intent, {stating[0].fact.doc_id: stating})
        table = self.texts.table(rows[0].doc_id, rows[0].table_id)
        where = f"{table.title}中" if table else ""
        subject = f"{where}{grouped.category}（{len(rows)}项：{'、'.join(f.subject for f in rows)}）"
        unit = self._unit_of(rows)
        result = compute.total([self._in_unit(f, unit) for f in rows])
        return self._computed(intent, "合计", rows[0], rows, result, unit, subject)

    def _best_figure(self, intent: QuestionPlan, per_doc: dict[str, list[ScoredFact]]) -> Draft | None:
        """The best fact as the answer, with the places that state it too and those that state another figure."""
        if not per_doc:
            return None
        if len(per_doc) > 1:
            tops = [ranked[0].fact for ranked in per_doc.values()]
            one_body = len({f.department for f in tops}) == 1
            if one_body and len({f.period or f.year for f in tops}) == len(tops) and len({self._display(f) for f in tops}) == 1:
                return self._same_every_year(tops, intent)
            return self._ambiguous(intent, tops)
        ranked = next(iter(per_doc.values()))
        best = finest_stating(ranked[0], ranked)
        stating = [best.fact, *corroborating(best, ranked)]
        # asked in a unit (多少元) that another place prints the figure in: that place's exact figure, not a conversion
        fact = next((f for f in stating if self.asked and f.unit == self.display_unit), best.fact)
        value, unit = self._display(fact)
        described = self._describe(fact)
        if unit is None and intent.unit_hint and "数量" in fact.measure:  # a bare count in a 数量 column
            unit = intent.unit_hint[0]
            described += unit
        # the sentence first, then the table; a figure taken in the asked unit leads
        stating.sort(key=lambda f: (fact is not best.fact and f is not fact, f.origin != "text"))
        citations = [self._cite(f) for f in stating]
        conflicting = conflicts_with(best, ranked)
        conflicts = [self._cited_value(f) for f in conflicting]
        text = f"{self._owner(fact)}{self._item(fact)}为{described}。"
        if conflicts:
            text += "另有出处所列数字不同：" + "；".join(c.text for c in conflicts) + "。"
        answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                        qualifier=fact.qualifier, citations=citations, conflicts=conflicts, route="fact")
        checks = [(c, f.value) for c, f in zip(citations, stating, strict=True)]
        return Draft(answer, checks + [(c.citation, f.value) for c, f in zip(conflicts, conflicting, strict=True)],
                     in_display_unit(fact.value, fact.unit, self.display_unit)[0])

    def _same_every_year(self, tops: list[FactRecord], intent: QuestionPlan) -> Draft:
        """One body's documents of several years, none asked for, state the same figure: it answers, each cited."""
        tops = sorted(tops, key=lambda f: f.period or f.year or 0)
        latest = tops[-1]
        value, unit = self._display(latest)
        years = "、".join(str(f.period or f.year) for f in tops)
        text = f"{latest.department}{years}年{self._item(latest)}均为{self._describe(latest)}。"
        citations = [self._cite(f) for f in tops]
        answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                        qualifier=latest.qualifier, citations=citations, route="fact")
        return Draft(answer, [(c, f.value) for c, f in zip(citations, tops, strict=True)],
                     in_display_unit(latest.value, latest.unit, self.display_unit)[0])

    def _ambiguous(self, intent: QuestionPlan, best: list[FactRecord]) -> Draft:
        candidates = [self._cited_value(f) for f in sorted(best, key=lambda f: (f.department, f.year or 0))]
        listing = "；".join(f"{c.department}{c.year or ''}年：{shown(Decimal(str(c.value)), c.unit, c.qualifier)}" for c in candidates)
        text = f"有{len(candidates)}份文件都有“{intent.focus or intent.question}”的数据，请指明部门或年度。{listing}。"
        answer = Answer(question=intent.question, kind="ambiguous", text=text, candidates=candidates,
                        citations=[c.citation for c in candidates if c.citation], route="fact")
        return Draft(answer, [(self._cite(f), f.value) for f in best])

    def _rank(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        per_doc = self._best_per_doc(facts, intent.terms, intent, exclude_class="change")
        latest: dict[str, FactRecord] = {}
        for ranked in per_doc.values():
            fact = ranked[0].fact
            if fact.department not in latest or (fact.year or 0) > (latest[fact.department].year or 0):
                latest[fact.department] = fact
        if len(latest) < 2:
            return None
        lowest = any(w in intent.question for w in ("最低", "最少", "最小", "更少", "更低", "更小", "少的"))
        ordered = sorted(latest.values(), key=lambda f: self._money(f), reverse=not lowest)
        top = ordered[0]
        value, unit = self._display(top)
        candidates = [self._cited_value(f) for f in ordered]
        listing = "；".join(f"{c.department}{c.year or ''}年{shown(Decimal(str(c.value)), c.unit, c.qualifier)}" for c in candidates)
        text = f"{top.subject}{'最低' if lowest else '最高'}的是{self._owner(top)}，为{self._describe(top)}。各部门：{listing}。"
        answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                        citations=[c.citation for c in candidates if c.citation], candidates=candidates, route="fact")
        return Draft(answer, [(self._cite(f), f.value) for f in ordered])

    def _row_rank(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """The largest (or smallest) of the rows the question names in one document, the next one beside it,
        both cited: "物业管理费最多，为…；其次是…"."""
        ranking = ranked_rows(intent, facts, self.texts) if len(docs) == 1 else None
        if ranking is None:
            return None
        first, second = ranking.rows[:2]
        end = "最少" if intent.rows and intent.rows.lowest else "最多"
        value, unit = self._display(first.figure)
        column = "/".join(first.figure.col_path) or first.figure.measure
        said = f"{first.label}与{second.label}并列{end}，均为" if self._money(first.figure) == self._money(second.figure) \
            else f"{first.label}{end}，为"
        where = f"（见《{ranking.table}》{column}列）" if ranking.table else ""
        text = (f"{self._owner(first.figure)}{ranking.within}的{len(ranking.rows)}项中，{said}{self._describe(first.figure)}"
                f"{where}；其次是{second.label}，为{self._describe(second.figure)}。")
        figures = [first.figure, second.figure]
        citations = [self._cite(f) for f in figures]
        answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                        citations=citations, route="fact")
        return Draft(answer, [(c, f.value) for c, f in zip(citations, figures, strict=True)])

    def _filter(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """The rows of one document's project table that pass the question's bound, largest first, each cited; when
        none does, said so with the largest cited: "…所列的8个项目中，超过20万元的有4个：A…；B…"."""
        ranking = ranked_rows(intent, facts, self.texts) if len(docs) == 1 and intent.threshold else None
        first = ranking.rows[0].figure if ranking else None
        if first is None or first.origin == "table" and first.table_kind is not TableKind.PROJECTS:
            return None  # 功能分类 rows are no projects
        passing = [row for row in ranking.rows if intent.threshold.admits(comparable_amount(row.figure))]
        shown = passing or ranking.rows[:1]
        listed = "；".join(f"{row.label}{self._describe(row.figure)}" for row in shown)
        opening = f"{self._owner(shown[0].figure)}{ranking.within}所列的{len(ranking.rows)}个项目中，"
        text = (f"{opening}{intent.bound}的有{len(passing)}个：{listed}。" if passing
                else f"{opening}没有{intent.bound}的；最多的是{listed}。")
        return self._listed(intent, [ListPart(row.label, row.figure) for row in shown], text)

    def _change_fact(self, intent: QuestionPlan, facts: list[FactRecord], rate: bool = False) -> ScoredFact | None:
        """The stated change of the asked item: an amount, or with `rate` a percentage too."""
        terms = intent.terms or TOTAL_TERMS
        pool = facts if rate or intent.asks_rate else [f for f in facts if f.unit != "%"]
        per_doc = self._best_per_doc(pool, terms, intent, only_class="change")
        if len(per_doc) != 1:
            return None
        best = next(iter(per_doc.values()))[0]
        anchored = not rate and self._change_of_asked_figure(intent, facts, best.fact)  # a reason's change is named outright
        return best if best.score >= MIN_OPERAND_SCORE or anchored else None

    def _change_of_asked_figure(self, intent: QuestionPlan, facts: list[FactRecord], change: FactRecord) -> bool:
        """Whether a change named less closely than an operand must be is stated beside the figure a lookup of the
        item answers with: in its sentence or its row ("给城乡居民医保基金的补助" of "财政对城乡居民…基金的补助（项）
        3280万元，比上年增加160万元")."""
        level = self._best_per_doc([f for f in facts if f.doc_id == change.doc_id], intent.terms or TOTAL_TERMS, intent,
                                   exclude_class="change").get(change.doc_id)
        fact = level[0].fact if level else None
        return fact is not None and fact.subject == change.subject and fact.origin == change.origin and (
            fact.context == change.context if fact.origin == "text" else (fact.table_id, fact.row_path) == (change.table_id, change.row_path))

    def _level_fact(self, intent: QuestionPlan, facts: list[FactRecord], subject: str | None = None,
                    basis: Basis | None = None, period: Period = Period.ASKED) -> ScoredFact | None:
        terms = [subject, *canonical_variants(subject)] if subject else (intent.terms or TOTAL_TERMS)
        per_doc = self._best_per_doc(facts, terms, intent, only_class="money", basis=basis, period=period)
        if len(per_doc) != 1:
            return None
        best = next(iter(per_doc.values()))[0]
        return best if best.score >= MIN_OPERAND_SCORE else None

    def _signed(self, change: FactRecord, unit: str | None = None) -> Decimal:
        amount = self._in_unit(change, unit or self.display_unit)
        return -amount if change.direction is Direction.DOWN else amount

    def _unchanged(self, intent: QuestionPlan, facts: list[FactRecord], previous: bool) -> Draft | None:
        """The item's figure is stated unchanged from last year ("与2019年相比持平"): change 0, last year = this year."""
        level = self._level_fact(intent, facts)
        steady = level and self.texts.steady_after(level.fact.doc_id, level.fact.end)
        if not level or not steady:
            return None
        fact = level.fact
        citations = [self._cite(fact), self.texts.cite(fact.doc_id, steady[0], steady[1], fact.page)]
        value, unit = (self._display(fact) if previous else (Decimal(0), self.display_unit))
        said = quoted_clause(citations[1].quote)
        if previous:
            text = f"{self._owner(fact)}{fact.subject}上年为{self._describe(fact)}（原文：{said}）。"
        else:
            text = f"{self._owner(fact)}{fact.subject}与上年持平，无增减变化（原文：{said}）。"
        answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                        citations=citations, route="fact")
        return Draft(answer, [(citations[0], fact.value)])

    def _change(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        found = self._change_fact(intent, facts)
        if found is None:
            return self._basis_change(intent, facts, docs) or self._unchanged(intent, facts, previous=False)
        return self._with_rate(self._with_level(self._stated(intent, found.fact), found.fact, facts), found.fact, facts)

    def _with_level(self, draft: Draft, change: FactRecord, facts: list[FactRecord]) -> Draft:
        """A stated change cited after the level its sentence gives the same item ("“三公”经费预算数为37.91万元，比2024年
        预算减少10万元"): the change's own clause does not say what changed."""
        levels = [f for f in facts if f.doc_id == change.doc_id and f.origin == "text" and f.context == change.context
                  and f.kind is not FactKind.CHANGE and f.start < change.start and same_item(f.subject, change.subject)]
        if not levels:
            return draft
        level = max(levels, key=lambda f: f.start)
        citation = self._cite(level)
        answer = draft.answer.model_copy(update={"citations": [citation, *draft.answer.citations]})
        return Draft(answer, [(citation, level.value), *draft.checks], draft.amount)

    def stated_change(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """The change the document states for the asked item, as an amount or a rate: what a reason explains."""
        found = self._change_fact(intent, facts, rate=True)
        if found is None:  # a final account explains the gap to the budget after the rate it completed
            rates = self._best_per_doc([f for f in facts if f.measure == COMPLETION_MEASURE], intent.terms,
                                       replace(intent, unit_hint=("%",)))
            found = next(iter(rates.values()))[0] if len(rates) == 1 else None
        return self._stated(intent, found.fact) if found else None

    def _stated(self, intent: QuestionPlan, fact: FactRecord) -> Draft:
        value, unit = self._display(fact)
        citation = self._cite(fact)
        text = f"{self._owner(fact)}{fact.subject}{fact.measure}{self._describe(fact)}。"
        if fact.kind is FactKind.CHANGE and fact.direction is None and fact.value != 0:
            # a table's 增减 column: its sign says which way ("增减%  -20.00" is 减少20%)
            value = abs(value)
            way = "减少" if fact.value < 0 else "增加"
            text = f"{self._owner(fact)}{fact.subject}比上年{way}{shown(value, unit)}（原文{fact.measure}：{shown(fact.value, fact.unit)}）。"
        answer = Answer(question=intent.question, kind="number", text=text, value=float(value), unit=unit,
                        citations=[citation], route="fact")
        return Draft(answer, [(citation, fact.value)])

    def _basis_change(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """A change the document gives only as two levels of the same item: against another basis ("比2023年预算执行数
        少了多少") or against last year's figure of the same basis ("2026年度预算199万元，2025年度预算256万元"):
        this year's figure minus that one."""
        if len(docs) != 1:
            return None
        own = DocumentKind(docs[0].kind).natural_basis
        against = intent.basis or own
        earlier = self._level_fact(intent, facts, basis=against,
                                   period=Period.YEAR_BEFORE if against is own else Period.UP_TO_YEAR_BEFORE)
        if earlier is None:
            return None
        same = [f for f in facts if same_item(f.subject, earlier.fact.subject)  # this year's figure of that item, of
                and of_one_fund(f) == of_one_fund(earlier.fact)]  # the same money, the row's own first
        cell_row = (earlier.fact.table_id, earlier.fact.context)
        row = [f for f in same if earlier.fact.table_id and (f.table_id, f.context) == cell_row]
        current = row and self._level_fact(intent, row, basis=own, period=Period.OWN) \
            or self._level_fact(intent, same, basis=own, period=Period.OWN)
        if current is None:
            return None
        unit = self._unit_of([current.fact, earlier.fact])
        result = compute.difference(self._in_unit(current.fact, unit), self._in_unit(earlier.fact, unit))
        said = "上年预算执行数" if earlier.fact.basis is Basis.EXECUTION else f"上年{earlier.fact.basis}"
        label = f"比{said}{_direction_word(result.value)}"
        draft = self._computed(intent, label, current.fact, [current.fact, earlier.fact], result, unit, magnitude=True)
        return self._with_rate(draft, current.fact, facts, earlier.fact.basis)

    @staticmethod
    def _stated_rate(fact: FactRecord, facts: list[FactRecord], against: Basis | None = None) -> FactRecord | None:
        """The rate of change the document states for the same item against the same figure, nearest first."""
        against = against or fact.compared_to
        rates = [f for f in facts if f.kind is FactKind.CHANGE and f.unit == "%" and f.doc_id == fact.doc_id
                 and same_item(f.subject, fact.subject)
                 and (against is None or f.compared_to is None or f.compared_to is against)]
        rates.sort(key=lambda f: (f.context != fact.context, abs(f.start - fact.start)))
        return rates[0] if rates else None

    def _with_rate(self, draft: Draft, fact: FactRecord, facts: list[FactRecord], against: Basis | None = None) -> Draft:
        """A change in money with the rate the document states beside it for the same item against the same
        figure ("增加167.47万元，原文：增长277.22%"), cited; unchanged when none is stated or the change is itself
        a rate. `against` is the basis the change was measured from (a stated change's own when not given)."""
        rate = None if fact.unit == "%" else self._stated_rate(fact, facts, against)
        if rate is None:
            return draft
        citation = self._cite(rate)
        answer = draft.answer
        said = f"{answer.text.rstrip('。')}；原文所述幅度：{rate.measure}{shown(rate.value, '%')}。"
        update = {"text": said, "citations": [*answer.citations, citation]}
        return Draft(answer.model_copy(update=update), [*draft.checks, (citation, rate.value)])

    def _previous(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """Last year's figure, of the basis asked or else the document's own (a final account's 上年 is last year's
        决算): stated as such in the document, else this year's figure less the stated change."""
        asked = intent.basis or (DocumentKind(docs[0].kind).natural_basis if len(docs) == 1 else Basis.BUDGET)
        stated = [f for f in facts if f.basis is asked]
        per_doc = self._best_per_doc(stated, intent.terms, intent, exclude_class="change", period=Period.YEAR_BEFORE)
        if per_doc:
            return self._best_figure(intent, per_doc)
        change = self._change_fact(intent, facts)
        if change is None:
            return self._unchanged(intent, facts, previous=True)
        same_document = [f for f in facts if f.doc_id == change.fact.doc_id]
        asked_level = self._level_fact(intent, same_document, period=Period.OWN) if intent.focus else None
        if asked_level and normalise(asked_level.fact.subject) == normalise(intent.focus) \
                and not same_item(asked_level.fact.subject, change.fact.subject):
            return None  # the item asked has a figure of its own; the change stated is another's (机关运行经费 for 办公费)
        level = self._level_fact(intent, same_document, change.fact.subject, period=Period.OWN)
        if level is None:
            return None
        unit = self._unit_of([level.fact, change.fact])
        result = compute.previous_year(self._in_unit(level.fact, unit), self._signed(change.fact, unit))
        return self._computed(intent, "上年", level.fact, [level.fact, change.fact], result, unit)

    def _growth_rate(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        change = self._change_fact(intent, facts)
        if change is None:  # stated unchanged: a rate of 0
            steady = self._unchanged(intent, facts, previous=False)
            return steady and Draft(steady.answer.model_copy(update={"unit": "%"}), steady.checks, Decimal(0))
        if change.fact.unit == "%":
            return self._change(intent, facts, docs)
        stated = self._stated_rate(change.fact, facts)
        if stated:  # "减少13.52万元，下降8.65%": the rate the document states beside the change
            return self._stated(intent, stated)
        level = self._level_fact(intent, [f for f in facts if f.doc_id == change.fact.doc_id], change.fact.subject,
                                 period=Period.OWN)
        if level is None:
            return None
        result = compute.growth_rate(self._money(level.fact), self._signed(change.fact))
        label = "比上年下降" if result.value < 0 else "比上年增长"  # never "增长-20.87%"
        return self._computed(intent, label, level.fact, [level.fact, change.fact], result, "%", magnitude=result.value < 0)

    def _completion(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """The rate the final account states for the item against the budget asked (年初 / 全年; any, when none is
        asked), or its 决算 over that budget (年初, when none is asked, else 全年 where only that is printed)."""
        final, against = intent.part_bases if len(intent.part_bases) == 2 else (None, None)
        rates = [f for f in facts if f.measure == COMPLETION_MEASURE and (against is None or f.basis in ACCEPTED_BASES[against])]
        named = {s.fact for s in rank_facts(rates, intent.terms, intent.question, intent.unit_hint, intent.basis)
                 if s.score >= NAMED_SCORE}  # the item's own rate, not one of the rows its heading stands over
        stated = self._lookup(intent, [f for f in rates if f in named], docs)
        if stated is None and (twins := self._rates_of_fund_twin(intent, rates, facts)):
            stated = self._lookup(replace(intent, terms=sorted({f.subject for f in twins})), list(twins), docs)
        if stated is not None or final is None:
            return stated or self._lookup(intent, rates, docs)
        pair = self._basis_pair(intent, facts, final, against or Basis.INITIAL_BUDGET)
        if pair is None and against is None:  # a table that prints only the 全年预算 beside the 决算 (项目支出决算表)
            pair = self._basis_pair(intent, facts, final, Basis.ADJUSTED_BUDGET)
        if pair is None or self._money(pair[1]) == 0:
            return None  # never the rate of a row the item's heading only stands over
        final, target = pair
        result = compute.share(self._money(final), self._money(target))
        return self._computed(intent, f"决算完成{target.basis}的比例", final, [final, target], result, "%")

    @staticmethod
    def _rates_of_fund_twin(intent: QuestionPlan, rates: list[FactRecord], facts: list[FactRecord]) -> set[FactRecord]:
        """The rates stated of the item asked with or without its fund (一般公共预算财政拨款支出 for 财政拨款支出, or the
        other way), where the rate's document states one outturn for both names: there the fund is all the money."""
        asked = normalise(intent.focus)
        with_fund = {f"{fund}{asked}" for fund in split_funds()}
        without_fund = {asked.removeprefix(fund) for fund in split_funds()} - {asked}
        twins = with_fund | without_fund
        outturns: dict[tuple[str, str], set[Decimal]] = defaultdict(set)  # per document and name, its outturns
        for fact in facts:
            if fact.basis is Basis.FINAL and is_money(fact.unit) and fact.amount_wan is not None \
                    and (name := normalise(fact.subject)) in twins | {asked}:
                outturns[(fact.doc_id, name)].add(round(fact.amount_wan, 2))
        return {rate for rate in rates if normalise(rate.subject) in twins
                and outturns[(rate.doc_id, asked)] & outturns[(rate.doc_id, normalise(rate.subject))]}

    def _basis_pair(self, intent: QuestionPlan, facts: list[FactRecord], first: Basis | None,
                    second: Basis | None) -> tuple[FactRecord, FactRecord] | None:
        """One item's figures of two bases (支出决算 and 全年预算): the second found first (a document prints
        fewer budgets than outturns), then the first from the sentence that states it, else from the
        same item elsewhere in its document. With no item named, the item is the whole spending."""
        amounts = replace(intent, unit_hint=(), terms=intent.terms if intent.focus else spending_terms() + TOTAL_TERMS)
        anchor = self._level_fact(amounts, facts, basis=second)
        if anchor is None:
            return None
        other = anchor.fact
        first = first or natural_basis(other)  # "支出比年初预算少了多少": the document's own figure against it
        if first is other.basis:
            return None
        beside = [f for f in facts if f.doc_id == other.doc_id and f.context == other.context and f.subject == other.subject
                  and f.basis is first and measure_class(f) == "money"]
        if beside:  # the cell under the same part of the other basis (决算数/基本支出 beside 年初预算数/基本支出)
            return min(beside, key=lambda f: f.measure.partition("/")[2] != other.measure.partition("/")[2]), other
        pool = [f for f in facts if f.doc_id == other.doc_id and same_item(f.subject, other.subject)]
        found = self._level_fact(amounts, pool, basis=first)
        return (found.fact, other) if found else None

    def _share(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        if len(intent.parts) != 2:
            return None
        if intent.basis is not None:  # "项目支出决算占总支出决算": the basis is asked of both, the items are 项目支出 and 总支出
            # a whole asked by its name (部门总预算) stays whole: its bare words (部门总) name nothing
            intent = replace(intent, parts=[bare if len(bare := bare_item(p)) >= 2 and not whole_terms(p) else p for p in intent.parts])
        intent = replace(intent, parts=[_on_the_wholes_side(*intent.parts), intent.parts[1]])
        if intent.sub_unit:  # "某乡人民政府（本级）的收入占部门收入的百分之几": the unit's row of its table's total row
            return self._unit_share(intent, facts)
        elif stated := self._stated_share(intent, facts):
            return stated
        elif within := self._share_within_row(intent, facts):
            return within
        else:
            part, named, joined = None, intent.parts[0], joined_item(intent.parts[0], intent.parts[1])
            kind = re.search(r"[类项]$", named)  # 服务类 is 政府采购服务; 政府采购工程类 is also said 政府采购工程
            wholes = whole_names(intent.parts[1])  # "政府采购工程" reads like 政府采购预算 itself: never its own part
            for term in ((joined, named, named[: kind.start()]) if kind else (named, joined)):
                found = None if part else self._level_fact(intent, facts, term)
                part = part or (found if found and not names_the_whole(found.fact.subject, wholes) else None)
        if part is None:
            return None
        # the whole is another item of the part's document: 政府采购货物 is no whole of itself; where the part's
        # name holds the whole's (政府采购货物预算 of 政府采购), its siblings hold it too, so the named total comes first
        own = (part.fact.subject, part.fact.measure)  # nor is the total row's figure under the part's own column
        same_doc = [f for f in facts if f.doc_id == part.fact.doc_id and (f.subject, f.measure) != own
                    and intent.parts[0] not in f.measure.split("/")]
        totals = [f for f in same_doc if _NAMES_TOTAL.search(f.subject)] if intent.parts[1] in part.fact.subject else []
        # "基本支出5,300.00万元，其中：人员经费…": a part listed after its whole is a share of that whole first
        opened_with = [f for f in same_doc if part.fact.part and f.origin == "text" and f.context == part.fact.context
                       and f.start < part.fact.start and not f.part]
        # an item's figure is a share of an item's whole of the same money first (a one-fund table's 人员经费 of that
        # fund's 基本支出); a fund's, or any share of the body's whole (总支出, 本年支出合计), is of all funds
        whole_of_body = bool(whole_terms(intent.parts[1])) or is_budget_whole(intent.parts[1])
        one_fund = of_one_fund(part.fact) and not intent.parts[0].startswith(fund_words()) and not whole_of_body
        pools = [opened_with, *([f for f in pool if of_one_fund(f) == one_fund] for pool in (totals, same_doc)), totals, same_doc]
        whole = None
        for pool, term in product(pools, [intent.parts[1], *whole_terms(intent.parts[1])]):
            whole = self._level_fact(intent, pool, term) if pool else None
            if whole and self._money(whole.fact) >= max(self._money(part.fact), Decimal("0.01")):
                break  # a figure smaller than the part is none of its wholes (one column of the total row)
            whole = None
        if whole is None:
            return None
        result = compute.share(self._money(part.fact), self._money(whole.fact))
        label = f"占{_named(whole.fact, intent.parts[1])}的比例"
        return self._computed(intent, label, part.fact, [part.fact, whole.fact], result, "%", _named(part.fact, intent.parts[0]))

    def _whole_with_carry_over(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """The item's total a sentence states with last year's carry-over in it ("某项目含上年结转资金"), named outright."""
        totals = [f for f in facts if f.origin == "text" and _WITH_CARRY_OVER in f.subject]
        return self._named_outright(intent, totals, [f"{term}{_WITH_CARRY_OVER}" for term in intent.terms])

    def _units_project(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """A figure of a project the unit asked of carries out ("某站的粮油质量安全监测项目计划检测多少批次"): the
        project the question names by its whole name in the department's project or 绩效目标 tables, whose name stands
        on a line (a table row, a sentence) with the unit's; None otherwise ("某中心项目支出" is the unit's whole)."""
        terms = [term for t in intent.terms if len(term := t.replace(intent.sub_unit, "")) >= 2]
        projects = [f for f in facts if f.table_kind in PROJECT_ROW_TABLES]
        beside: dict[str, list[str]] = {}  # per document, the rows and clauses naming the unit

        def carried_out_by_unit(scored: ScoredFact) -> bool:
            fact = scored.fact
            if fact.doc_id not in beside:
                parts = _ROW_OR_CLAUSE.split(self.texts.text(fact.doc_id))
                beside[fact.doc_id] = [part for part in parts if intent.sub_unit in part]
            named_whole = any(normalise(fact.subject) in normalise(t) for t in terms)
            return named_whole and any(fact.subject in part for part in beside[fact.doc_id])

        return self._named_outright(intent, projects, terms, carried_out_by_unit)

    def _units_projects(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """"某中心实施的项目一共安排多少": the rows of the department's 项目表 that name the unit as theirs, added up in
        the column of the basis asked, each row cited; None unless one table (its pieces under one title) has such rows."""
        if not _CARRIED_PROJECTS.fullmatch(intent.focus.replace(intent.sub_unit, "")):
            return None
        rows: dict[tuple[str, int, int], list[FactRecord]] = defaultdict(list)
        for fact in facts:
            if fact.table_kind is not TableKind.PROJECTS or fact.table_id is None:
                continue
            if intent.sub_unit in fact.row_path or intent.sub_unit in self.texts.line(fact.doc_id, fact.start, fact.end):
                rows[(fact.doc_id, fact.table_id, fact.start)].append(fact)  # a row naming the unit, in a label or a cell
        tables = {(doc_id, table_of(table.title) if (table := self.texts.table(doc_id, table_id)) else table_id)
                  for doc_id, table_id, _ in rows}
        if len(tables) != 1:
            return None  # one table, also where it goes on over a page under its title
        figures = [column_figure(cells, intent.basis) for cells in rows.values()]
        if not all(is_money(f.unit) for f in figures):
            return None
        unit = self._unit_of(figures)
        result = compute.total([self._in_unit(f, unit) for f in figures])
        named = f"{intent.sub_unit}实施的{len(figures)}个项目（{'、'.join(f.subject for f in figures)}）"
        return self._computed(intent, "合计", figures[0], figures, result, unit, named)

    def _named_outright(self, intent: QuestionPlan, pool: list[FactRecord], terms: list[str],
                        fits: Callable[[ScoredFact], bool] = lambda scored: True) -> Draft | None:
        """The best figure among `pool` that `terms` name outright (at least NAMED_SCORE) and that `fits`, or None."""
        if not (pool and terms):
            return None
        per_doc = self._best_per_doc(pool, terms, replace(intent, terms=terms), exclude_class="change")
        named = {doc_id: kept for doc_id, ranked in per_doc.items()
                 if (kept := [s for s in ranked if s.score >= NAMED_SCORE and fits(s)])}
        return self._best_figure(intent, named) if named else None

    def _share_within_row(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """"某项目的钱里，上年结转占多少": the cell of the row's column the part names over the row's own figure."""
        whole = self._level_fact(intent, facts, intent.parts[1])
        if whole is None or whole.fact.origin != "table" or not whole.fact.row_path:
            return None
        row = whole.fact
        part = next((f for f in facts if f.doc_id == row.doc_id and f.table_id == row.table_id and f.row_path == row.row_path
                     and f.col_path[:-1] == row.col_path[:-1] and f.col_path[-1:] != row.col_path[-1:]
                     and intent.parts[0] in f.col_path[-1]), None) if row.col_path else None  # a sibling column
        if part is None or not Decimal(0) <= self._money(part) <= self._money(row):
            return None
        result = compute.share(self._money(part), self._money(row))
        return self._computed(intent, f"占{_named(row, intent.parts[1])}的比例", part, [part, row], result, "%",
                              f"{_named(row, intent.parts[1])}{part.measure}")

    def _unit_share(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """A sub-unit's share of its department's whole: its row's figure over the total row of the same table and
        column (or its column's figure over the same row's total column, units side by side), the only whole that
        counts what the row counts (上年结转 too where the row holds it)."""
        row = unit_figure(intent.sub_unit, intent.parts[0], facts)
        by_column = row is not None and is_unit_column(row, intent.sub_unit)  # units side by side
        if by_column:  # the same row's 合计 column
            total = next((f for f in facts if f.table_id == row.table_id and f.doc_id == row.doc_id
                          and f.row_path == row.row_path and f.col_path and is_total_label(f.col_path[-1])), None)
        else:
            total = next((f for f in facts if row and f.table_id == row.table_id and f.doc_id == row.doc_id
                          and f.col_path == row.col_path and is_total_label(f.subject)), None)
        if row is None or total is None:
            return None
        result = compute.share(self._money(row), self._money(total))
        unit = row.col_path[-1] if by_column else ""  # the column names the unit
        return self._computed(intent, f"占{_named(total, intent.parts[1])}的比例", row, [row, total], result, "%",
                              f"{unit}{_named(row, intent.parts[0])}")

    def _stated_share(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """The share the document states for the part ("基本支出5377.64万元，占55.10%"), when the whole asked is
        named before it in its paragraph ("本年支出合计…，其中：") or by it (占本年支出合计的), or no whole is named."""
        part, whole = intent.parts
        shares = [f for f in facts if f.unit == "%" and SHARE_MEASURE in f.measure and f.kind is not FactKind.CHANGE]
        ranked = [s for s in rank_facts(shares, [part, *canonical_variants(part)], intent.question, ("%",), intent.basis)
                  if s.score >= MIN_OPERAND_SCORE]
        if not ranked and whole == DEFAULT_WHOLE:  # "政府采购授予中小企业的合同占比": the share of 政府采购 its sentence states
            ranked = [scored for share in shares if (own := _part_after_its_whole(part, share))
                      for scored in rank_facts([share], [own], intent.question, ("%",), intent.basis)]
        named_whole = {w for w in search_terms(bare_item(whole)) if len(w) >= 2}
        # a whole said as citizens say it (总支出) is the document's whole of that side, however it calls it
        sides = [side for side in BUDGET_SIDES if side in whole] if whole_terms(whole) else None
        for scored in ranked:
            text = self.texts.text(scored.fact.doc_id)
            before = text[text.rfind("\n", 0, scored.fact.start) + 1 : scored.fact.start]  # its paragraph up to it
            said = set(search_terms(f"{scored.fact.measure}{before}"))
            names_whole = named_whole <= said or sides is not None and all(side in f"{scored.fact.measure}{before}" for side in sides)
            if scored.score >= MIN_OPERAND_SCORE and (whole == DEFAULT_WHOLE or names_whole):
                return self._best_figure(intent, {scored.fact.doc_id: [replace(scored, fact=_with_its_part(scored.fact, facts))]})
        return None

    def _sum(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        operands = self._operands(intent, facts)
        if operands is None or overlapping(operands):
            return None  # a whole and its own part (购置及运行费 + 运行费) would count money twice
        unit = self._unit_of(operands)
        result = compute.total([self._in_unit(f, unit) for f in operands])
        named = "、".join(_named(f, part) for f, part in zip(operands, intent.parts, strict=False))
        return self._computed(intent, "合计", operands[0], operands, result, unit, named)

    def _difference(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        one_item = len(intent.part_bases) == 2 and len(set(intent.parts)) == 1
        pair = self._basis_pair(intent, facts, *intent.part_bases) if one_item else None
        operands = list(pair) if pair else self._operands(intent, facts)
        if operands is None or len(operands) != 2:
            return None
        unit = self._unit_of(operands)
        result = compute.difference(self._in_unit(operands[0], unit), self._in_unit(operands[1], unit))
        more = "多" if result.value >= 0 else "少"
        first, second = operands
        if pair:
            subject = f"{first.subject}{first.basis}比{second.basis}"  # one item, two bases: "信息化建设决算数比年初预算数少"
        else:
            subject = f"{_named(first, intent.parts[0])}比{_named(second, intent.parts[-1])}"
        return self._computed(intent, more, first, operands, result, unit, subject, magnitude=True)

    def _year_change(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """The same item in two years' documents: the change (or growth %) from the earlier to the later."""
        earlier_year, later_year = sorted(intent.years)
        per_doc = self._best_per_doc(facts, intent.terms or TOTAL_TERMS, intent, only_class="money")
        by_year: dict[int | None, list[FactRecord]] = defaultdict(list)
        for ranked in per_doc.values():
            if ranked[0].score >= MIN_OPERAND_SCORE:
                by_year[ranked[0].fact.year].append(ranked[0].fact)
        if len(by_year.get(earlier_year, [])) != 1 or len(by_year.get(later_year, [])) != 1:
            return None
        earlier, later = by_year[earlier_year][0], by_year[later_year][0]
        if not same_item(earlier.subject, later.subject):  # two different items: the later document's stated change
            stated = replace(intent, operation=Operation.CHANGE, years=[later_year])
            return self._change(stated, [f for f in facts if f.year == later_year], [d for d in docs if d.year == later_year])
        if intent.asks_rate:
            result = compute.growth_between(self._money(later), self._money(earlier))
            return self._computed(intent, f"比{earlier_year}年增长", later, [later, earlier], result, "%")
        unit = self._unit_of([later, earlier])
        result = compute.difference(self._in_unit(later, unit), self._in_unit(earlier, unit))
        return self._computed(intent, f"比{earlier_year}年{_direction_word(result.value)}", later, [later, earlier],
                              result, unit, magnitude=True)

    def _list(self, intent: QuestionPlan, facts: list[FactRecord], docs: list[DocumentRecord]) -> Draft | None:
        """The parts of a whole, each with its figure and citation: the columns under a header that names
        the whole (三公经费 → 因公出国（境）费, 公务用车…, 公务接待费) or the rows under a row label that does."""
        if len(docs) != 1 or not intent.focus:
            return None
        if len(intent.parts) >= 2:  # "公务接待费和会议费分别是多少": each named item's figure
            return self._each_named(intent, facts)
        parts = list_parts(facts, [intent.focus, *canonical_variants(intent.focus)], intent.basis)
        named = TableKind.PROJECTS if intent.focus == _PROJECTS else table_kind(intent.focus)
        asked = intent.focus.replace(intent.sub_unit, "") if intent.sub_unit else intent.focus  # the unit's name is no project
        if len(parts) < MIN_LIST_PARTS and named in PROJECT_TABLES and not _names_one_project(asked, named):
            # "报了绩效目标的项目都是啥"; never for "某项目的绩效指标有哪些", which only that project's own table answers
            parts = projects_in(facts, named)
            if parts:
                listing = "；".join(f"{part.label}（{part.fact.measure}：{self._describe(part.fact)}）" for part in parts)
                return self._listed(intent, parts, f"{self._owner(parts[0].fact)}{named}所列项目{len(parts)}个：{listing}。")
        if len(parts) < MIN_LIST_PARTS:
            return None
        groups = grouped_parts(parts)  # 公务用车购置及运行费（公务用车购置费：…；公务用车运行费：…）
        listing = "；".join(self._listed_group(label, members) for label, members in groups)
        return self._listed(intent, parts, f"{self._owner(parts[0].fact)}{intent.focus}包括{len(groups)}项：{listing}。")

    def _listed_group(self, label: str, members: list[ListPart]) -> str:
        """One entry of a list: a part and its figure, or a group's name with its parts and theirs."""
        if len(members) == 1:
            return f"{label}：{self._describe(members[0].fact)}"
        return f"{label}（{'，'.join(f'{part.label}：{self._describe(part.fact)}' for part in members)}）"

    def _each_named(self, intent: QuestionPlan, facts: list[FactRecord]) -> Draft | None:
        """Each item the question names with its figure, cited; None unless every one is found."""
        operands = self._operands(intent, facts)
        if operands is None:
            return None
        parts = [ListPart(term, fact) for term, fact in zip(intent.parts, operands, strict=True)]
        listing = "；".join(f"{part.label}：{self._describe(part.fact)}" for part in parts)
        return self._listed(intent, parts, f"{self._owner(operands[0])}{listing}。")

    def _listed(self, intent: QuestionPlan, parts: list[ListPart], text: str) -> Draft:
        """A list answer citing every part's figure."""
        citations = [self._cite(part.fact) for part in parts]
        answer = Answer(question=intent.question, kind="text", text=text, citations=citations, route="fact")
        return Draft(answer, [(c, part.fact.value) for c, part in zip(citations, parts, strict=True)])

    def _operands(self, intent: QuestionPlan, facts: list[FactRecord]) -> list[FactRecord] | None:
        if len(intent.parts) < 2:
            return None
        operands: list[FactRecord] = []
        bases = intent.part_bases or [None] * len(intent.parts)
        for term, basis in zip(intent.parts, bases, strict=True):
            pool = [f for f in facts if not operands or f.doc_id == operands[0].doc_id]
            found = self._level_fact(intent, pool, term, basis)
            if found is None:
                return None
            operands.append(found.fact)
        return operands

    def _computed(self, intent: QuestionPlan, label: str, anchor: FactRecord, operands: list[FactRecord],
                  result: compute.Computed, unit: str, subject: str | None = None, magnitude: bool = False) -> Draft:
        """A computed figure; with `magnitude` the label carries the sign (减少, 少) and the value is shown unsigned."""
        money_unit = is_money(unit)  # a count's operands are counts of its unit (2 + 3 = 5台)
        value = abs(result.value) if magnitude else result.value
        value_text = shown(value, unit)
        joint = "" if magnitude else "为"
        text = f"{self._owner(anchor)}{subject or anchor.subject}{label}{joint}{value_text}（{result.formula}"
        money_operands = unit == "%" and any(f.unit != self.display_unit for f in operands)
        text += f"，单位：{unit if money_unit else self.display_unit}）。" if money_unit or money_operands else "）。"
        citations = [self._cite(f) for f in operands]
        answer = Answer(question=intent.question, kind="number", text=text, value=float(rounded(value)), unit=unit,
                        formula=result.formula, citations=citations, route="fact")
        return Draft(answer, [(c, f.value) for c, f in zip(citations, operands, strict=True)], value)


_NAMES_TOTAL = re.compile(r"总额|合计|总计")  # a subject naming the total of its kind (政府采购预算总额)
_ASKS_ALL = re.compile(r"一共|总共|共有|合计|总计|加起来|总数")  # "设备一共有多少台套": all kinds of it together
MIN_SHARED_NAME = 2  # characters kinds of one thing share before and after their own word (单价…|通用|设备)
MAX_KIND_WORD = 4  # characters of a kind's own word (通用, 专用)


def _kinds_counted(ranked: list[ScoredFact]) -> list[FactRecord]:
    """The counts of kinds of one thing that fit a question best and alike: sentences naming the thing with the
    same words before and after a short word of each kind's own ("单价50万元以上通用设备2台", "单价50万元以上专用设备
    3台"); [] when the best fits alone or the names differ otherwise (有车辆 and 实际补贴车辆 count other things)."""
    tops = [s.fact for s in ranked if s.score == ranked[0].score]
    alike = (tops[0].unit, tops[0].period)
    if len(tops) < 2 or any(f.kind is not FactKind.COUNT or f.origin != "text" or (f.unit, f.period) != alike for f in tops):
        return []
    subjects = [f.subject for f in tops]
    head = os.path.commonprefix(subjects)
    tail = os.path.commonprefix([s[len(head):][::-1] for s in subjects])[::-1]
    own = [s[len(head) : len(s) - len(tail)] for s in subjects]
    if len(head) < MIN_SHARED_NAME or len(tail) < MIN_SHARED_NAME or not all(0 < len(o) <= MAX_KIND_WORD for o in own) \
            or len(set(own)) != len(own):
        return []
    return sorted(tops, key=lambda f: f.start)


def _only_parts(per_doc: dict[str, list[ScoredFact]], parts: tuple[str, ...]) -> bool:
    """Whether the best figure of every document is one part of an item people name whole (公务用车购置费 of 公车),
    so that the whole is the parts' sum."""
    tops = [normalise(ranked[0].fact.subject) for ranked in per_doc.values() if ranked]
    return bool(tops) and all(any(normalise(part) in top for part in parts) for top in tops)


def _with_its_part(share: FactRecord, facts: list[FactRecord]) -> FactRecord:
    """A stated share quoted from its part's figure on ("项目支出12285.57万元，占18.83%"), so the quote names what the
    share is of; the share alone when the sentence states no figure of the part before it."""
    parts = [f for f in facts if f.doc_id == share.doc_id and f.context == share.context and f.subject == share.subject
             and f.kind is FactKind.AMOUNT and f.end <= share.start]
    return replace(share, start=max(parts, key=lambda f: f.end).start) if parts else share



_WITH_CARRY_OVER = "含上年结转"  # the item named with last year's carry-over in it (ingest/facts.py: 另有…，合计…)
_CARRIED_PROJECTS = re.compile(r"(?:实施|负责|承担|执行|具体实施)?的?(?:全部|所有|各个?)?项目")  # of a unit, never its 项目支出
_ROW_OR_CLAUSE = re.compile(r"[\n。；;]")
_SHARE_OF = re.compile(r"^占(?P<whole>.+?)的?(?:比例|比重)$")
_GIVEN_TO = re.compile(r"^(?:给予?|分给|授予|交给|向)(?=..)")  # "政府采购给中小企业的比例": the firms', said as a document does


def _on_the_wholes_side(part: str, whole: str) -> str:
    """A fund asked as part of one side ("政府性基金占本年收入合计"): that fund's money on the whole's side
    (政府性基金收入), never its spending."""
    sides = [side for side in BUDGET_SIDES if side in whole]
    fund = part.startswith(fund_words())
    return f"{part}{sides[0]}" if len(sides) == 1 and fund and not any(side in part for side in BUDGET_SIDES) else part


def _names_one_project(focus: str, kind: TableKind) -> bool:
    """Whether a list question of a projects table names a project of its own: words left once the table's words are
    taken out ("应急广播体系运行维护项目绩效指标" names one; "绩效目标项目" none)."""
    words = next((found for listed, found in table_kind_words() if listed is kind), ())
    rest = re.sub("|".join([_HOW_MANY, *map(re.escape, sorted((*words, *_LIST_FILLERS), key=len, reverse=True))]), "", focus)
    return len(rest) >= MIN_PROJECT_CHARS


def _part_after_its_whole(part: str, share: FactRecord) -> str:
    """The part asked, after the words that name the whole its stated share is of ("政府采购授予中小企业合同" of
    "占政府采购支出总额的比例": 授予中小企业合同), or "" when the part opens with no words of that whole."""
    of = _SHARE_OF.match(share.measure)
    whole = normalise(of["whole"]) if of else ""
    opening = next((n for n in range(len(part) - 2, 1, -1) if part[:n] in whole), 0)
    return _GIVEN_TO.sub("", part[opening:]) if opening else ""


def _named(fact: FactRecord, asked: str) -> str:
    """The fact's item, or the asked one when the fact's subject names none (a 合计 row, 项目总预算 under its project)."""
    return asked if is_total_label(fact.subject) or not names_an_item(fact.subject) else fact.subject


def _direction_word(change: Decimal) -> str:
    """增加 / 减少 / 持平 for a signed change."""
    return "增加" if change > 0 else "减少" if change < 0 else "持平"

