"""Which row of one document's tables is largest or smallest ("政府采购里哪个项目花钱最多").

The question names what holds the rows: a parent row (商品和服务支出 holds its 款), a column (项目支出), a
table (政府采购, 支出功能分类) or nothing (the document's project table when it asks 哪个项目 and has one, else its
spending by function). The rows it holds are compared
in one column of one table at one level of their 科目编码, so a subtotal is never ranked against its own parts;
where that is unclear (fewer than two rows, several tables) there is no ranking.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from assistant.citations import SourceTexts
from assistant.fact_matching import INDICATORS, ONE_FUND_TABLES, basis_fit, comparable_amount, of_its_own_year
from assistant.plan import ClassLevel, QuestionPlan, RowAsk
from assistant.vocabulary import fund_words, generic_item_words, row_ranking_words
from index.fact_store import FactRecord
from index.query_expansion import canonical_variants
from ingest.classify import table_kind
from ingest.lexicon import search_terms
from ingest.model import FactKind, TableKind
from ingest.numbers import is_money
from ingest.subjects import normalise
from ingest.tables import CODE_DIGITS, is_total_label, row_code, table_of

MIN_ROWS = 2
TITLE_CHARS = 30  # a table's title line is no longer than this
SPENDING_TABLES = (TableKind.EXPENSE, TableKind.GENERAL_PUBLIC)  # what a question naming nothing ranks
PROJECT_LISTS = {TableKind.PROCUREMENT, TableKind.PERFORMANCE, TableKind.PROJECTS}  # rows without 科目编码 side by side
LEVELS = {sum(CODE_DIGITS[: i + 1]): level for i, level in enumerate(ClassLevel)}  # code digits → 类, 款, 项
_BEFORE_WHICH = re.compile(r"(?:里面|里|当中|之中|中)?[\s，,、]*$")  # "政府采购里，" just before 哪个项目
_ROWS_THEN_WHICH = re.compile(r"\s*的\s*(?P<rows>[\u4e00-\u9fff]{2,4}?)\s*是\s*$")  # "钱最多的项目是哪个": rows named after
_INSIDE = re.compile(r"里面|里|当中|之中")  # "支出功能分类里项目支出最多的是哪一项": rows, then their column
_TOTAL = re.compile(r"(?:合计|总计)$")
_PARTS_OPEN = re.compile(r"其中[：:]?")  # the parts of a whole a sentence lists follow it
_CATEGORY = re.compile(r"(?:支出|收入)$")  # 项目支出, 本级支出: a kind of spending, no project
# what a list of projects divides: 项目支出…其中, 共5个项目，其中 (not 支出预算…其中基本支出 … 包括人员经费)
_NUMBERED = re.compile(r"\s*\d{1,2}\s*[.、．](?!\d)")  # "2.审判业务经费：…": one of a numbered list
_PROJECTS_WHOLE = re.compile(r"项目支出|[\d一二三四五六七八九十]+个(?:重点)?项目|重点项目")


@lru_cache(maxsize=16)
def _pattern(*lists: str) -> re.Pattern[str]:
    words = sorted({w for name in lists for w in row_ranking_words().get(name, ())}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _named(phrase: str, clean: Callable[[str], str]) -> str:
    """The item words of a phrase, "" when they only say money (钱, 花钱, 预算)."""
    named = clean(phrase)
    return "" if named in row_ranking_words()["spent"] else named


def asked_rows(text: str, clean: Callable[[str], str]) -> RowAsk | None:
    """The rows a question compares when it asks which one is largest or smallest ("商品和服务支出里哪一项最多"),
    None when it asks no such thing or which body ranks (哪个部门). `text` is the question without its department
    and years; `clean` leaves the item words of a phrase."""
    ends = _pattern("most", "least").search(text)
    if ends is None or _pattern("bodies").search(text) or not _pattern("which").search(text):
        return None
    level = next((level for level in ClassLevel if _pattern(level.value).search(text)), None)
    plain = _pattern("most", "least").sub(" ", _pattern(*ClassLevel).sub(" ", text))
    which = _pattern("which").search(plain)
    before, after = _BEFORE_WHICH.sub("", plain[: which.start()]), plain[which.end() :]
    named_rows = _ROWS_THEN_WHICH.search(before)
    rows_are_projects = bool(named_rows) and named_rows["rows"] in row_ranking_words()["all_projects"]
    if rows_are_projects:
        before = before[: named_rows.start()]
    inside = _INSIDE.search(before)
    scope, column = (before[: inside.start()], before[inside.end() :]) if inside else (before, "")
    scope = _named(scope, clean)
    all_projects = scope in row_ranking_words()["all_projects"]
    return RowAsk(scope="" if all_projects else scope, column=_named(column, clean) or _named(after, clean),
                  lowest=ends.group() in row_ranking_words()["least"], level=level,
                  projects=all_projects or rows_are_projects or bool(_pattern("projects").search(plain)))


@dataclass(frozen=True)
class Row:
    """One row compared: its label (with its 科目编码 where another row has the same) and its figure in the
    compared column."""

    label: str
    figure: FactRecord


@dataclass(frozen=True)
class RowRanking:
    """The rows compared, first the one asked for (largest, or smallest), all from one table."""

    rows: list[Row]
    table: str  # the table's title; "" for the parts a sentence lists
    within: str  # what holds the rows, as the answer says it: “商品和服务支出”下, 《title》, 《title》“项目支出”列, 所列项目


_RowKey = tuple[int, str, str]  # table, label, code


def _is_total(label: str) -> bool:
    return is_total_label(label) or bool(_TOTAL.search(label))


def _table_rows(facts: list[FactRecord], plan: QuestionPlan) -> dict[_RowKey, list[FactRecord]]:
    """The money figures of each table row of the asked basis, 合计 rows and indicator targets left out."""
    rows: dict[_RowKey, list[FactRecord]] = defaultdict(list)
    for fact in facts:
        fit = basis_fit(fact, plan.basis)
        if (fact.origin == "table" and fact.table_id is not None and fact.row_path and fact.kind is FactKind.AMOUNT
                and is_money(fact.unit) and fit is not None and fit >= 0 and not _is_total(fact.subject)
                and not any(indicator in fact.measure for indicator in INDICATORS)):
            rows[(fact.table_id, _row_name(fact, plan), row_code(fact.row_path))].append(fact)
    return rows


def _row_name(fact: FactRecord, plan: QuestionPlan) -> str:
    """What a row is compared as: its item, or where projects are asked of a 政府采购 table that names the project
    before the 品目 bought, the project."""
    if plan.rows and plan.rows.projects and fact.table_kind is TableKind.PROCUREMENT and len(fact.row_path) > 1:
        return fact.row_path[0]
    return fact.subject


def _column(fact: FactRecord) -> str:
    return normalise(fact.col_path[-1] if fact.col_path else fact.measure)


def _figures(cells: list[FactRecord], columns: set[str]) -> list[FactRecord]:
    """A row's figures in the named column, else in its total column (合计), else in its first of its own year: one,
    or several when the label stands for several rows."""
    ordered = sorted(cells, key=lambda f: f.start)
    if not columns:
        own = of_its_own_year(ordered)
        columns = {_column(next((f for f in own if _is_total(_column(f))), own[0]))}
    return [f for f in ordered if _column(f) in columns]


def _names(phrase: str) -> set[str]:
    return {normalise(n) for n in (phrase, *canonical_variants(phrase)) if n}


def _holds_words(texts: SourceTexts, doc_id: str, table_id: int, scope: str) -> bool:
    """The table's title or header says every word of the scope (支出功能分类: 支出预算总表, 功能分类科目编码)."""
    table = texts.table(doc_id, table_id)
    if table is None:
        return False
    said = normalise(table.title + "".join(cell for row in table.header for cell in row))
    generic = generic_item_words()
    words = [w for w in search_terms(scope) if len(w) >= 2 and w not in generic]
    return bool(words) and all(w in said for w in words)


class Holder(Enum):
    """What holds the compared rows."""

    PARENT = "parent"  # a row: its descendants (商品和服务支出 → 办公费, 物业管理费 …)
    COLUMN = "column"  # a column: every row's figure in it (项目支出)
    TABLE = "table"  # a table: its rows (政府采购, 支出功能分类; the spending tables when nothing is named)


def _held(rows: dict[_RowKey, list[FactRecord]], kinds: dict[int, TableKind | None], ask: RowAsk, doc_id: str,
          texts: SourceTexts) -> tuple[dict[int, list[_RowKey]], Holder]:
    """The rows of each table that what the question names holds, and what that is: a parent row, else a
    column, else a table (the spending tables when it names nothing)."""
    by_table: dict[int, list[_RowKey]] = defaultdict(list)
    for key in rows:
        by_table[key[0]].append(key)
    if not ask.scope:
        projects = {t: keys for t, keys in by_table.items() if ask.projects and kinds[t] is TableKind.PROJECTS}
        return projects or {t: keys for t, keys in by_table.items() if kinds[t] in SPENDING_TABLES}, Holder.TABLE
    names = _names(ask.scope)
    parents = [key for key in rows if normalise(key[1]) in names and key[2]]
    under = {t: [k for k in keys if any(p[0] == t and k[2] != p[2] and k[2].startswith(p[2]) for p in parents)]
             for t, keys in by_table.items()}
    if any(under.values()):
        return under, Holder.PARENT
    columns = {t: keys for t, keys in by_table.items() if any(_column(f) in names for k in keys for f in rows[k])}
    if columns:
        return columns, Holder.COLUMN
    kind = table_kind(ask.scope)
    of_kind = {t: keys for t, keys in by_table.items() if kind is not TableKind.OTHER and kinds[t] is kind}
    return of_kind or {t: keys for t, keys in by_table.items() if _holds_words(texts, doc_id, t, ask.scope)}, Holder.TABLE


def _pieces_joined(held: dict[int, list[_RowKey]], doc_id: str, texts: SourceTexts) -> dict[int, list[_RowKey]]:
    """The rows of the pieces of one table (its title, then "（续）") under its first piece."""
    first: dict[str, int] = {}
    joined: dict[int, list[_RowKey]] = defaultdict(list)
    for table_id in sorted(held):
        table = texts.table(doc_id, table_id)
        joined[first.setdefault(table_of(table.title) if table else str(table_id), table_id)] += held[table_id]
    return joined


def _one_table(held: dict[int, list[_RowKey]], kinds: dict[int, TableKind | None], question: str) -> int | None:
    """The table the rows are taken from: an income table only when income is asked, one fund's table only when
    no table of all funds holds them or a fund is named; None unless one table is left."""
    tables = [t for t, keys in held.items() if keys and (kinds[t] is not TableKind.INCOME or "收入" in question)]
    if not any(w in question for w in fund_words()) and any(kinds[t] not in ONE_FUND_TABLES for t in tables):
        tables = [t for t in tables if kinds[t] not in ONE_FUND_TABLES]
    return tables[0] if len(tables) == 1 else None


def _compared(keys: list[_RowKey], kind: TableKind | None, level: ClassLevel | None) -> list[_RowKey] | None:
    """The rows of the asked level, else those no other row is a subtotal of by its 科目编码; None when some row
    has no 科目编码 outside a list of projects (which rows are subtotals is not known) or a level is asked of it."""
    if not all(k[2] for k in keys) and (kind not in PROJECT_LISTS or level is not None):
        return None
    if level is not None:
        return [k for k in keys if LEVELS.get(len(k[2])) is level]
    return [k for k in keys if not any(o[2] != k[2] and k[2] and o[2].startswith(k[2]) for o in keys)]


def _sums_those_below(figures: list[FactRecord]) -> bool:
    """Some row states the sum of two or more rows right below it: a subtotal no label or code says is one."""
    amounts = [comparable_amount(f) for f in sorted(figures, key=lambda f: f.start)]
    for i, amount in enumerate(amounts):
        below = 0
        for j, part in enumerate(amounts[i + 1 :], start=1):
            below += part
            if j >= MIN_ROWS and below == amount:
                return True
    return False


def _listed_projects(facts: list[FactRecord], plan: QuestionPlan, text: str) -> RowRanking | None:
    """The projects a paragraph lists with their money after its whole ("共5个项目，其中：A118.00万元；B46.80万元…"),
    ranked; the paragraph that lists the most of them (a figure in brackets is a note on one, not another), None
    when none lists two."""
    by_paragraph: dict[int, dict[str, FactRecord]] = defaultdict(dict)
    for fact in sorted(facts, key=lambda f: f.start):
        fit = basis_fit(fact, plan.basis)
        if (fact.origin != "text" or fact.kind is not FactKind.AMOUNT or not is_money(fact.unit) or fact.period is not None
                or fit is None or fit < 0 or _CATEGORY.search(fact.subject)):
            continue
        opens = text.rfind("\n", 0, fact.start) + 1
        named_at = text.find(fact.subject, fact.start, fact.end)
        before = text[opens : named_at if named_at >= 0 else fact.start]
        parts = _PARTS_OPEN.search(before)
        opening = before[: parts.start()].rsplit("。", 1)[-1] if parts else ""  # the sentence the list opens in
        if parts and _PROJECTS_WHOLE.search(opening) and before.count("（", parts.end()) <= before.count("）", parts.end()):
            by_paragraph[opens].setdefault(fact.subject, fact)
        elif _labels(before, fact.subject) and (list_opens := _opening_line(text, opens)) is not None:
            by_paragraph[list_opens].setdefault(fact.subject, fact)  # "1.审判业务经费：预算462.40万元" under its opening
    listed = max(by_paragraph.values(), key=len, default={})
    if len(listed) < MIN_ROWS:
        return None
    ranked = sorted(listed.values(), key=comparable_amount, reverse=not (plan.rows and plan.rows.lowest))
    return RowRanking([Row(f.subject, f) for f in ranked], "", "所列项目")


def _labels(before: str, subject: str) -> bool:
    """Whether the words before a figure are a numbered line's label naming its item ("2.审判业务经费：")."""
    numbered = _NUMBERED.match(before)
    label = re.sub(r"[“”\"]|[（(][^（）()]*[)）]", "", before[numbered.end():]) if numbered else ""  # its note aside
    return bool(numbered) and label.rstrip("：: ") in (subject, "")


def _opening_line(text: str, line_start: int) -> int | None:
    """The start of the line a run of numbered lines hangs from ("…共10个项目，具体如下："), when it opens a list of
    projects; None otherwise."""
    start = line_start
    while start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        line = text[start : text.find("\n", start)]
        if not _NUMBERED.match(line):
            return start if _PROJECTS_WHOLE.search(line) and line.rstrip().endswith(("：", ":")) else None
    return None


def _titles_projects(text: str) -> bool:
    """Whether a line of the document titles a project table ("项目支出决算表"), whether or not its rows were read."""
    return any(len(title := line.strip()) <= TITLE_CHARS and title.endswith("表") and table_kind(title) is TableKind.PROJECTS
               for line in text.splitlines())


def ranked_rows(plan: QuestionPlan, facts: list[FactRecord], texts: SourceTexts) -> RowRanking | None:
    """The rows of one document's facts that the plan's question compares, first the one it asks for; None
    when fewer than two rows or more than one table answer it, or a label stands for several rows."""
    ask = plan.rows
    if ask is None or len({f.doc_id for f in facts}) != 1:
        return None
    doc_id = facts[0].doc_id
    rows = _table_rows(facts, plan)
    kinds = {key[0]: cells[0].table_kind for key, cells in rows.items()}
    if ask.projects and not ask.scope and TableKind.PROJECTS not in kinds.values():
        if any(t.kind is TableKind.PROJECTS for t in texts.tables(doc_id)):
            return None  # a project table whose rows cannot be compared: no other table's rows stand for it
        if listed := _listed_projects(facts, plan, texts.text(doc_id)):
            return listed  # projects listed in prose, under their table's title or in a paragraph
        if _titles_projects(texts.text(doc_id)):
            return None  # a project table whose rows could not be read
    held, holder = _held(rows, kinds, ask, doc_id, texts)
    held = _pieces_joined(held, doc_id, texts)
    table_id = _one_table(held, kinds, plan.question)
    keys = _compared(held[table_id], kinds[table_id], ask.level) if table_id is not None else None
    if keys is None:
        return None
    named = ask.scope if holder is Holder.COLUMN else ask.column
    found = [(key, _figures(rows[key], _names(named) if named else set())) for key in keys]
    if any(len(figures) > 1 for _, figures in found):
        return None  # one label, several rows: which one is meant is not said
    compared = [(key, figures[0]) for key, figures in found if figures and comparable_amount(figures[0]) != 0]
    listed = not all(key[2] for key, _ in compared)  # rows without 科目编码: a subtotal may stand among them
    if len(compared) < MIN_ROWS or (listed and _sums_those_below([figure for _, figure in compared])):
        return None
    compared.sort(key=lambda kf: comparable_amount(kf[1]), reverse=not ask.lowest)
    labels = [key[1] for key, _ in compared]
    ranked = [Row(f"{key[1]}（{key[2]}）" if labels.count(key[1]) > 1 else key[1], figure) for key, figure in compared]
    table = texts.table(doc_id, table_id)
    title = table.title if table else ""
    within = {Holder.PARENT: f"“{ask.scope}”下", Holder.COLUMN: f"《{title}》“{ask.scope}”列"}.get(holder, f"《{title}》")
    return RowRanking(ranked, title, within + (f"{ask.level}级" if ask.level else ""))
