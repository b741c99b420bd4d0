"""The parts of a whole as a document lays them out: the columns under a table header, the rows under a
row label, or the numbered sentences after the sentence that states the whole ("其中：（一）…（二）…"); else the
rows of a table whose title names it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.fact_matching import basis_fit, measure_class, normalise
from assistant.vocabulary import compound_items
from index.fact_store import FactRecord
from ingest.model import FactKind, TableKind
from ingest.numbers import is_money
from ingest.tables import is_total_label, list_mark

MIN_LIST_PARTS = 2  # one "part" is the whole itself


@dataclass(frozen=True)
class ListPart:
    label: str
    fact: FactRecord


def _names(path: tuple[str, ...], wholes: list[str]) -> bool:
    return any(w and w in normalise(step) for step in path for w in wholes)


def _column_parts(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """The columns right under a header that names the whole, one figure each (the first, i.e. the top row);
    a column group (公务用车购置及运行费 over 购置费 and 运行费) counts once, by its 小计 column."""
    parts: dict[str, ListPart] = {}
    for fact in facts:
        path = fact.col_path
        at = next((i for i, step in enumerate(path[:-1]) if _names((step,), wholes)), None)
        if at is None:
            continue
        label, below = path[at + 1], path[at + 2 :]
        if is_total_label(label) or _names((label,), wholes) or (below and not is_total_label(below[-1])):
            continue
        parts.setdefault(label, ListPart(label, fact))
    return list(parts.values())


def _row_parts(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """Rows whose label chain names the whole above them, in the first money column."""
    parts: dict[str, ListPart] = {}
    for fact in facts:
        path = fact.row_path
        if len(path) >= 2 and _names(path[:-1], wholes) and not is_total_label(path[-1]):
            parts.setdefault(path[-1], ListPart(path[-1], fact))
    return list(parts.values())


def _titled_rows(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """The rows of a table whose title names the whole ("一般公共预算“三公”经费预算表": 因公出国（境）费, 公务用车…,
    公务接待费), its total row left out, each in its first column of the year's own figures, all sums of money; rows a
    row above adds up (公务用车购置费 and 公务用车运行费 under 公务用车购置及运行费) are its parts, not the whole's."""
    rows: dict[str, FactRecord] = {}
    for fact in sorted(facts, key=lambda f: (f.doc_id, f.start)):
        title = fact.context.partition("：")[0]
        if _names((title,), wholes) and fact.period in (None, fact.year) and not is_total_label(fact.subject) \
                and not _names((fact.subject,), wholes):
            rows.setdefault(fact.subject, fact)
    found = list(rows.values())
    if not all(is_money(f.unit) for f in found):
        return []  # a table of counts and sums beside each other (资产总额, 车辆, 设备) lists no parts of one sum
    parts, at = [], 0
    while at < len(found):
        parts.append(ListPart(found[at].subject, found[at]))
        at += 1 + _rows_summed(found, at)
    return parts


def _rows_summed(rows: list[FactRecord], at: int) -> int:
    """How many rows right after `rows[at]` add up to it (two at least, its figure not zero), or 0."""
    total, running = rows[at].value, 0
    for count, row in enumerate(rows[at + 1 :], start=1):
        running += row.value
        if running == total and count >= MIN_LIST_PARTS and total:
            return count
        if running > total:
            break
    return 0


def _numbered_parts(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """Sentences after the one stating the whole, in its section, numbered alike: the first figure of each.
    Unnumbered sentences between them (其中：公务用车购置费…) are parts of a part and are passed over."""
    narrative = sorted((f for f in facts if f.origin != "table"), key=lambda f: (f.doc_id, f.start))
    for i, whole in enumerate(narrative):
        if not _names((whole.subject,), wholes):
            continue
        parts: dict[str, ListPart] = {}
        numbering, sentences = None, {whole.context}
        for later in narrative[i + 1 :]:
            if later.doc_id != whole.doc_id or later.section_id != whole.section_id:
                break
            mark = list_mark(later.context)
            if mark is None or later.context in sentences or numbering not in (None, mark) \
                    or measure_class(later) != measure_class(whole):  # a count's parts are counts, money's money
                continue
            numbering = mark
            sentences.add(later.context)
            parts.setdefault(later.subject, ListPart(later.subject, later))
        if len(parts) >= MIN_LIST_PARTS:
            return list(parts.values())
    return []


_PARTS_OPEN = re.compile(r"^\s*其中[：:，,]?")


def _listed_after_whole(facts: list[FactRecord], wholes: list[str]) -> list[ListPart]:
    """The parts listed right after the sentence stating the whole, a clause each ("…“三公”经费预算6.00万元…。其中：
    因公出国（境）费0.00万元…；公务用车购置及运行费3.60万元，其中公务用车购置费…；公务接待费2.04万元…。"): the item
    each clause opens with, never a part of a part."""
    narrative = sorted((f for f in facts if f.origin != "table" and f.kind is FactKind.AMOUNT), key=lambda f: (f.doc_id, f.start))
    for i, whole in enumerate(narrative):
        if whole.part or not _names((whole.subject,), wholes):
            continue
        parts: dict[str, ListPart] = {}
        clauses = {whole.context}
        opening = next((f for f in narrative[i + 1 :] if f.context == whole.context and f.part
                        and measure_class(f) == measure_class(whole)), None)
        if opening is not None:  # "…三公经费预算25.60万元，…，其中：因公出国（境）费0.00万元…；": the first, in its clause
            parts[opening.subject] = ListPart(opening.subject, opening)
        for later in narrative[i + 1 :]:
            if later.doc_id != whole.doc_id or not later.part and later.context not in clauses:
                break
            if later.context in clauses or measure_class(later) != measure_class(whole):
                continue
            nested = parts and _PARTS_OPEN.match(later.context)  # "…；其中：公务用车购置费…": a part's own parts
            if not nested and _PARTS_OPEN.sub("", later.context).startswith(later.subject):
                clauses.add(later.context)
                parts.setdefault(later.subject, ListPart(later.subject, later))
            if later.context.rstrip().endswith("。"):
                break
        if len(parts) >= MIN_LIST_PARTS:
            return list(parts.values())
    return []


def list_parts(facts: list[FactRecord], wholes: list[str], basis=None) -> list[ListPart]:
    """Parts of the whole named by `wholes` in one document's facts, of the asked basis: from the table layout
    or the numbered sentences that name the most parts (the table's on a tie)."""
    wanted = [normalise(w) for w in wholes if w]
    pool = [f for f in facts if f.kind is not FactKind.CHANGE and basis_fit(f, basis) is not None]
    table = [f for f in pool if f.origin == "table"]
    found = [finder(candidates, wanted) for finder, candidates in
             ((_column_parts, table), (_row_parts, table), (_numbered_parts, pool), (_listed_after_whole, pool))]
    most = max(found, key=len)  # a blank table cell leaves its part out; the sentences name every part
    if len(most) < MIN_LIST_PARTS:  # no header, row or sentence names the whole: the rows of a table its title names
        most = _titled_rows(table, wanted)
    return most if len(most) >= MIN_LIST_PARTS else []


def projects_in(facts: list[FactRecord], kind: TableKind) -> list[ListPart]:
    """The projects tables of `kind` are about (a 绩效目标表's projects), in document order, each with its first
    money figure (its 项目资金) or else its first figure."""
    projects: dict[str, list[FactRecord]] = {}
    for fact in sorted(facts, key=lambda f: (f.doc_id, f.start)):
        if fact.table_kind is kind and fact.subject and not is_total_label(fact.subject):
            projects.setdefault(fact.subject, []).append(fact)
    return [ListPart(name, next((f for f in found if is_money(f.unit)), found[0])) for name, found in projects.items()]


_GROUP_JOIN = "及"  # a group's name as documents print it: 公务用车购置及运行费


def grouped_parts(parts: list[ListPart]) -> list[tuple[str, list[ListPart]]]:
    """The parts with each pair that documents also print as one item named with 及 set under that name
    (公务用车购置费 and 公务用车运行费 under 公务用车购置及运行费); the others alone, each under its own label."""
    labels = [normalise(part.label) for part in parts]
    groups: list[tuple[str, list[ListPart]]] = []
    taken: set[int] = set()
    for at, part in enumerate(parts):
        if at in taken:
            continue
        name = next((name for name, pieces in compound_items().items() if _GROUP_JOIN in name and len(pieces) == 2
                     and pieces[0] == labels[at] and pieces[1] in labels[at + 1 :]), None)
        if name is None:
            groups.append((part.label, [part]))
            continue
        other = labels.index(compound_items()[name][1], at + 1)
        taken.add(other)
        groups.append((name, [part, parts[other]]))
    return groups
