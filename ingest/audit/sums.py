"""Sums: a whole against its parts, in the text (三公 = 出国 + 公务用车 + 接待 …, as the vocabulary lists) and
in the tables (a 合计/小计 column against its group, a 合计/类/款 row against the rows under it, a two-sided
table's numbered rows against its 总计); 收入总计 against 支出总计; a stated total increase against the stated
part increases; 其中 parts that exceed their whole."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ingest.audit.findings import Finding, RuleId, Severity
from ingest.audit.grid import Figure, Grid, Segment
from ingest.audit.items import Decomposition, ItemRef, Scope, TableRole, is_generic_header, read_name, table_role, vocabulary
from ingest.audit.phrases import amount, place, wan
from ingest.audit.source import AuditSource, Paragraph, is_level
from ingest.audit.statements import Stated, Statements, column_item
from ingest.audit.tolerance import Agreement, Interval, Printed, money_agreement
from ingest.facts import stated_basis_in
from ingest.model import Direction, Fact, FactKind
from ingest.punctuation import QUOTES
from ingest.tables import ListMark
from ingest.subjects import normalise

PART_PARAGRAPHS = 4  # the parts of a whole stated in the text follow it within this many lines
_CARRIED = re.compile(r"结转|结余")
_TOTAL_HEADER = re.compile(r"(?:合计|小计|总计)$")
_PARTS_MARK = re.compile(r"其中")
_STEADY = re.compile(r"持平|无增减|没有变化|未发生变化")


def _severity(agreement: Agreement, sure: bool) -> Severity:
    if agreement is Agreement.ROUNDING:
        return Severity.INFO
    return Severity.ERROR if sure else Severity.WARNING


def _sum_finding(
    source: AuditSource,
    rule: RuleId,
    agreement: Agreement,
    sure: bool,
    what: str,
    whole: tuple[Decimal, int, int],
    parts: list[tuple[Decimal, int, int]],
    where: str = "",
    unit: str | None = None,
) -> Finding:
    """`unit` None: money in 万元."""
    total = sum((p[0] for p in parts), Decimal(0))
    message = (
        f"{where}{what}为{amount(whole[0], unit)}，各组成部分之和为{amount(total, unit)}，"
        f"相差{amount(abs(whole[0] - total), unit)}" + ("（舍入差异）。" if agreement is Agreement.ROUNDING else "。")
    )
    return Finding(
        rule=rule,
        severity=_severity(agreement, sure),
        message=message,
        figures=[float(whole[0]), *(float(p[0]) for p in parts)],
        citations=[source.quote(whole[1], whole[2]), *(source.quote(p[1], p[2]) for p in parts)],
    )


def _figure(figure: Figure) -> Printed:
    return Printed.exact(figure.value, figure.step)


def _check(whole: Printed, parts: list[Printed]) -> Agreement:
    """A whole and its parts printed together share one convention: a figure without fen is exact."""
    exact = [Printed(p.value, p.step) for p in parts]
    return money_agreement(Printed(whole.value, whole.step), Interval.total(exact), exact)


# ---- the text ----------------------------------------------------------------------------------------


def _scope_fits(part: Stated, ref: ItemRef, whole: Stated) -> bool:
    """A part in the scope the vocabulary names, else in none or in the whole's."""
    if ref.scope is not None:
        return part.scope is ref.scope
    return part.scope is None or part.scope is whole.scope


def _parts_in_text(
    source: AuditSource, statements: Statements, decomposition: Decomposition, whole: Stated
) -> list[Stated] | None:
    """The first statement of each part after the whole, within a few lines and before the whole is stated
    again; None when a part is missing (the parts cannot be summed)."""
    paragraphs = source.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.start <= whole.start < p.end)
    end = paragraphs[min(first + PART_PARAGRAPHS, len(paragraphs) - 1)].end
    later_whole = [
        s.start for s in statements.in_text if s.item == whole.item and s.scope is whole.scope and s.start > whole.start
    ]
    end = min([end, *later_whole])
    parts = []
    for ref in decomposition.parts:
        found = next(
            (
                s
                for s in statements.in_text
                if s.item == ref.item
                and whole.end <= s.start < end
                and s.basis is whole.basis
                and _scope_fits(s, ref, whole)
                and not source.of_other_year(s.fact)
            ),
            None,
        )
        if found is None:
            return None
        parts.append(found)
    return parts


def text_sums(source: AuditSource, statements: Statements) -> list[Finding]:
    """Each whole the text states, against its parts stated after it (and their stated increases against its)."""
    findings = []
    for decomposition in vocabulary().sums:
        for whole in statements.in_text:
            wanted = decomposition.whole.scope
            if whole.item != decomposition.whole.item or wanted and whole.scope is not wanted or source.of_other_year(whole.fact):
                continue
            parts = _parts_in_text(source, statements, decomposition, whole)
            if parts is None:
                continue
            same_paragraph = source.paragraph_at(parts[-1].start) is source.paragraph_at(whole.start)
            agreement = _check(whole.printed, [p.printed for p in parts])
            if agreement is not Agreement.SAME:
                findings.append(
                    _sum_finding(
                        source,
                        decomposition.rule,
                        agreement,
                        same_paragraph,
                        whole.fact.subject,
                        (whole.value, whole.start, whole.end),
                        [(p.value, p.start, p.end) for p in parts],
                    )
                )
            findings += _change_sum(source, whole, parts)
    return findings


@dataclass(frozen=True)
class StatedChange:
    """A change stated right after a level: signed, 0 for 持平, with the span that says it."""

    printed: Printed
    start: int
    end: int

    @property
    def value(self) -> Decimal:
        return self.printed.value


def change_after(source: AuditSource, level: Fact) -> StatedChange | None:
    paragraph = source.paragraph_at(level.start)
    if paragraph is None:
        return None
    after = [f for f in paragraph.facts if f.start >= level.end]
    next_level = next((f.start for f in after if is_level(f)), paragraph.end)
    change = next((f for f in after if f.start < next_level), None)
    if change is not None and change.kind is FactKind.CHANGE and change.amount_wan is not None and change.unit != "%":
        sign = -1 if change.direction is Direction.DOWN else 1
        return StatedChange(Printed.exact(sign * change.amount_wan, source.printed_step(change)), change.start, change.end)
    clause_end = min([next_level, *(i for i in (source.text.find(m, level.end, next_level) for m in "。；;") if i >= 0)])
    steady = _STEADY.search(source.text, level.end, clause_end)
    if steady and (change is None or change.start > steady.start()):
        return StatedChange(Printed.exact(Decimal(0), Decimal("0.01")), level.end, steady.end())
    return None


def _change_sum(source: AuditSource, whole: Stated, parts: list[Stated]) -> list[Finding]:
    total = change_after(source, whole.fact)
    changes = [change_after(source, p.fact) for p in parts]
    if total is None or any(c is None for c in changes) or all(c.value == 0 for c in (total, *changes)):
        return []
    agreement = _check(total.printed, [c.printed for c in changes])
    if agreement is Agreement.SAME:
        return []
    return [
        _sum_finding(
            source,
            RuleId.CHANGE_SUM,
            agreement,
            False,
            f"{whole.fact.subject}的增减额",
            (total.value, total.start, total.end),
            [(c.value, c.start, c.end) for c in changes],
        )
    ]


def text_balance(source: AuditSource, statements: Statements) -> list[Finding]:
    """In a budget, 收入 equals 支出 (all money, and 财政拨款), and so do their stated increases."""
    if source.is_final_account:
        return []
    findings = []
    for scope in (None, Scope.FISCAL):
        income = next(
            (s for s in statements.in_text if s.item == "收入" and s.scope is scope and not source.of_other_year(s.fact)), None
        )
        spending = next(
            (s for s in statements.in_text if s.item == "支出" and s.scope is scope and not source.of_other_year(s.fact)), None
        )
        if income is None or spending is None or income.basis is not spending.basis:
            continue
        agreement = money_agreement(income.printed, Interval.of(spending.printed), [spending.printed])
        if agreement is not Agreement.SAME:
            findings.append(
                _pair(
                    source,
                    agreement,
                    f"{income.fact.subject}与{spending.fact.subject}",
                    (income.value, income.start, income.end),
                    (spending.value, spending.start, spending.end),
                )
            )
            continue
        a, b = change_after(source, income.fact), change_after(source, spending.fact)
        if a is not None and b is not None:
            agreement = money_agreement(a.printed, Interval.of(b.printed), [b.printed])
            if agreement is not Agreement.SAME:
                findings.append(
                    _pair(
                        source,
                        agreement,
                        f"{income.fact.subject}与{spending.fact.subject}的增减额",
                        (a.value, a.start, a.end),
                        (b.value, b.start, b.end),
                    )
                )
    return findings


def _pair(source: AuditSource, agreement: Agreement, what: str, a: tuple, b: tuple) -> Finding:
    message = f"预算收支应平衡，{what}不一致：{wan(a[0])}与{wan(b[0])}，相差{wan(abs(a[0] - b[0]))}" + (
        "（舍入差异）。" if agreement is Agreement.ROUNDING else "。"
    )
    return Finding(
        rule=RuleId.BALANCE,
        severity=_severity(agreement, False),
        message=message,
        figures=[float(a[0]), float(b[0])],
        citations=[source.quote(a[1], a[2]), source.quote(b[1], b[2])],
    )


# ---- the tables --------------------------------------------------------------------------------------


def _measure_path(path: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """A header path without its basis words (预算数, 决算数), and the basis word it had."""
    kept = tuple(h for h in path if not (is_generic_header(h) and stated_basis_in(h)))
    return kept, next((h for h in path if is_generic_header(h) and stated_basis_in(h)), "")


class _Columns:
    """A grid's figure columns grouped by header path, to sum a group's columns into its 合计/小计."""

    def __init__(self, grid: Grid):
        self.grid = grid
        used = {c for s in grid.segments for c in s.figures}
        self.paths = {c: _measure_path(grid.path(c)) for c in sorted(used)}

    def totals(self) -> list[tuple[int, tuple[str, ...], str]]:
        return [(c, p, m) for c, (p, m) in self.paths.items() if p and _TOTAL_HEADER.search(p[-1])]

    def group_value(self, segment: Segment, group: tuple[str, ...], measure: str) -> list[Figure] | None:
        """The figures making up a group in one row: its own 合计/小计 column, else its own column, else its
        sub-columns (a blank cell counts 0); None when the group has no column."""
        own = [
            c
            for c, (p, m) in self.paths.items()
            if m == measure and (p == group or p[:-1] == group and _TOTAL_HEADER.search(p[-1]))
        ]
        if own:
            return [segment.figures[own[0]]] if own[0] in segment.figures else []
        children = list(
            dict.fromkeys(
                p[len(group)]
                for c, (p, m) in self.paths.items()
                if m == measure and len(p) > len(group) and p[: len(group)] == group
            )
        )
        if not children:
            return None
        out: list[Figure] = []
        for child in children:
            value = self.group_value(segment, (*group, child), measure)
            if value is None:
                return None
            out += value
        return out


def table_column_sums(source: AuditSource, statements: Statements) -> list[Finding]:
    """In each row of an aligned table, a 合计/小计 column against the columns of its group. A relation that holds
    in no row of a table with several rows is a header read wrongly, not a table that is wrong throughout."""
    findings = []
    for grid in statements.grids:
        if not grid.aligned:
            continue
        columns = _Columns(grid)
        for col, path, measure in columns.totals():
            parent = path[:-1]
            siblings = list(
                dict.fromkeys(
                    p[len(parent)]
                    for c, (p, m) in columns.paths.items()
                    if m == measure and len(p) > len(parent) and p[: len(parent)] == parent and c != col and p != path
                )
            )
            siblings = [s for s in siblings if not _TOTAL_HEADER.search(s) or (*parent, s) != path]
            if len(siblings) < 2:
                continue
            rule = _column_rule(path, parent, siblings, table_role(grid.kind))
            checked = []
            for segment in grid.segments:
                total = segment.figures.get(col)
                groups = [columns.group_value(segment, (*parent, s), measure) for s in siblings]
                parts = [f for g in groups if g is not None for f in g]
                if total is None or any(g is None for g in groups) or not parts:
                    continue
                agreement = _check(_figure(total), [_figure(f) for f in parts])
                what = f"{segment.label or '该行'}的“{_header(grid, col)}”"
                checked.append((agreement, what, total, parts))
            findings += _trusted(source, rule, grid, checked)
    return findings


def _trusted(source: AuditSource, rule: RuleId, grid: Grid, checked: list[tuple]) -> list[Finding]:
    """The failed checks of one reading of a table, when the reading holds somewhere (or there is one check)."""
    if len(checked) > 1 and not any(agreement is Agreement.SAME for agreement, *_ in checked):
        return []
    return [
        _sum_finding(
            source,
            rule,
            agreement,
            True,
            what,
            (total.value, total.start, total.end),
            [(f.value, f.start, f.end) for f in parts],
            where=place(grid),
        )
        for agreement, what, total, parts in checked
        if agreement is not Agreement.SAME
    ]


def _header(grid: Grid, col: int) -> str:
    return QUOTES.sub("", " / ".join(grid.path(col)))


def _column_rule(path: tuple[str, ...], parent: tuple[str, ...], siblings: list[str], role: TableRole | None) -> RuleId:
    """The vocabulary's rule when the total and its columns are a listed whole and parts (三公, 公务用车 …)."""
    whole = column_item(path, role.whole if role else None) or (column_item(parent) if parent else None)
    parts = {r.item for r in (column_item((*parent, s)) for s in siblings) if r}
    for decomposition in vocabulary().sums:
        if whole and decomposition.whole.item == whole.item and parts == {p.item for p in decomposition.parts}:
            return decomposition.rule
    return RuleId.COLUMNS_SUM


def table_row_sums(source: AuditSource, statements: Statements) -> list[Finding]:
    """In an aligned table of 科目 rows, a 类 (款) row against the 款 (项) rows under it, and a 合计 row at the
    bottom against the 类 rows; a 科目 whose rows may go on past the table's end is left alone."""
    findings = []
    for grid in statements.grids:
        if not grid.aligned:
            continue
        rows = [s for s in grid.segments if s.figures and (s.code or s.is_total)]
        coded = [s for s in rows if s.level]
        checked = []
        for i, parent in enumerate(rows if coded else []):
            if parent.is_total:
                children = [s for s in coded if s.level == 1] if i == len(rows) - 1 else []
            else:
                children = _children(rows, i) or []
            for col, total in parent.figures.items():
                figures = [f for f in (s.figures.get(col) for s in children) if f is not None]
                if total.money and figures:
                    agreement = _check(_figure(total), [_figure(f) for f in figures])
                    checked.append((agreement, f"{parent.label}的“{_header(grid, col)}”", total, figures))
        findings += _trusted(source, RuleId.ROWS_SUM, grid, checked)
    return findings


def two_sided_sums(source: AuditSource, statements: Statements) -> list[Finding]:
    """A two-sided table (收入 beside 支出): on each side, its numbered rows (一、二、…) against the 总计 or 本年合计
    row that ends them, and a numbered row against the parts (1. 2. …) listed under it."""
    findings = []
    for grid in statements.grids:
        rows = [s.row for s in grid.segments if s.figures]
        if not grid.aligned or len(rows) == len(set(rows)):
            continue
        checked = []
        for col in sorted({c for s in grid.segments for c in s.figures}):
            side = [s for s in grid.segments if col in s.figures or s.mark or s.label]
            checked += _numbered_sums(grid, col, [s for s in side if _on_side(grid, s, col)])
        findings += _trusted(source, RuleId.ROWS_SUM, grid, checked)
    return findings


def _on_side(grid: Grid, segment: Segment, col: int) -> bool:
    """A segment on the side of column `col`: it holds a figure there, or it is the nearest label on its left."""
    if col in segment.figures:
        return True
    row = [s for s in grid.segments if s.row == segment.row]
    labels_left = [s for s in row if s.start <= grid.table.body[s.row][col].start]
    return bool(labels_left) and labels_left[-1] is segment


def _numbered_sums(grid: Grid, col: int, side: list[Segment]) -> list[tuple]:
    checked = []
    items: list[Segment] = []
    for i, segment in enumerate(side):
        if segment.mark is ListMark.ITEM:
            items.append(segment)
            parts = []
            for later in side[i + 1 :]:
                if later.mark is not ListMark.PART:
                    break
                parts.append(later)
            total = segment.figures.get(col)
            figures = [p.figures[col] for p in parts if col in p.figures]
            if total and total.money and len(parts) > 1 and figures:
                checked.append(_row_check(grid, col, segment, total, figures))
        elif _ends_items(segment) and col in segment.figures:
            figures = [s.figures[col] for s in items if col in s.figures]
            if len(items) > 1 and figures and segment.figures[col].money:
                checked.append(_row_check(grid, col, segment, segment.figures[col], figures))
            break
    return checked


def _ends_items(segment: Segment) -> bool:
    """收入总计, 支出总计, 本年收入合计, 本年支出合计: a total of the numbered rows above (a bare 总计 adds 结转)."""
    named = read_name(segment.label) if segment.label else None
    return named is not None and named.item in ("收入", "支出") and bool(_TOTAL_HEADER.search(segment.label))


def _row_check(grid: Grid, col: int, segment: Segment, total: Figure, parts: list[Figure]) -> tuple:
    agreement = _check(_figure(total), [_figure(f) for f in parts])
    return agreement, f"{segment.label}的“{_header(grid, col)}”", total, parts


def _children(rows: list[Segment], at: int) -> list[Segment] | None:
    """The rows one level under rows[at] that follow it, when a row of its level or above (or a total) closes
    them; None when a row in between is not its descendant (a misprinted code) or nothing closes them."""
    parent = rows[at]
    children = []
    for row in rows[at + 1 :]:
        if row.is_total or (row.level and row.level <= parent.level):
            return children
        if not row.level or not row.code.startswith(parent.code):
            return None
        if row.level == parent.level + 1:
            children.append(row)
    return None


def table_balance(source: AuditSource, statements: Statements) -> list[Finding]:
    """A two-sided table's 收入 and 支出 totals (in a budget) and its two 总计 are equal."""
    findings = []
    by_grid: dict[int, list[Stated]] = defaultdict(list)
    for stated in statements.in_tables:
        by_grid[id(stated.table)].append(stated)
    for stated in by_grid.values():
        # the year's income and spending differ by what is carried over (上年结转, 年末结转): then only the 总计 agree
        balanced = not source.is_final_account and not _carries_over(stated[0].table)
        pairs = [("收支总计", "收支总计")] + ([("收入", "支出")] if balanced else [])
        for left, right in pairs:
            for a in (s for s in stated if s.item == left):
                b = next(
                    (
                        s
                        for s in stated
                        if s.item == right and s is not a and s.scope is a.scope and s.basis is a.basis and s.start > a.start
                    ),
                    None,
                )
                if b is None:
                    continue
                agreement = money_agreement(a.printed, Interval.of(b.printed), [b.printed])
                if agreement is not Agreement.SAME:
                    findings.append(
                        _pair(
                            source,
                            agreement,
                            f"{place(a.table)}收入与支出总计",
                            (a.value, a.start, a.end),
                            (b.value, b.start, b.end),
                        )
                    )
                break
    return findings


def _carries_over(grid: Grid) -> bool:
    """Whether a table states money carried over from last year or into the next (结转, 结余) that is not 0."""
    return any(_CARRIED.search(segment.label) and any(f.value for f in segment.figures.values()) for segment in grid.segments)


# ---- 其中 ------------------------------------------------------------------------------------------


def parts_in_text(source: AuditSource) -> list[Finding]:
    """Figures listed after 其中 (up to the sentence end, or the bracket the 其中 opens) against the figure
    before it: more than the whole is always wrong; less is wrong when the parts' names make up the whole
    (地上 + 地下)."""
    findings = []
    for paragraph in source.paragraphs:
        for mark in _PARTS_MARK.finditer(paragraph.text):
            found = _whole_and_parts(source, paragraph, paragraph.start + mark.start())
            if found is None:
                continue
            whole, parts = found
            agreement = _check(_printed(source, whole), [_printed(source, p) for p in parts])
            total = sum((_value(p) for p in parts), Decimal(0))
            complete = _complete(parts)
            if agreement is Agreement.SAME or (total < _value(whole) and not complete):
                continue
            findings.append(
                _sum_finding(
                    source,
                    RuleId.PARTS_EXCEED,
                    agreement,
                    True,
                    whole.subject,
                    (_value(whole), whole.start, whole.end),
                    [(_value(p), p.start, p.end) for p in parts],
                    unit=None if whole.amount_wan is not None else whole.unit,
                )
            )
    return findings


def _value(fact: Fact) -> Decimal:
    return fact.amount_wan if fact.amount_wan is not None else fact.value


def _printed(source: AuditSource, fact: Fact) -> Printed:
    return Printed.exact(_value(fact), source.printed_step(fact))


def _whole_and_parts(source: AuditSource, paragraph: Paragraph, at: int) -> tuple[Fact, list[Fact]] | None:
    text = source.text
    opened = text.rfind("（", paragraph.start, at) > max(text.rfind("）", paragraph.start, at), paragraph.start - 1)
    ends = [i for i in (text.find(m, at, paragraph.end) for m in "。；;") if i >= 0]  # a list of parts ends with its sentence
    end = text.find("）", at, paragraph.end) if opened else min(ends or [paragraph.end])
    if end < 0:
        return None
    amounts = [f for f in paragraph.facts if f.kind in (FactKind.AMOUNT, FactKind.COUNT) and f.unit != "%"]
    before = [f for f in amounts if f.end <= at and not source.of_other_year(f)]  # "…（上年4800.00万元），其中": not last year's
    if not before:
        return None
    whole = before[-1]
    nested = [(s, e) for s, e in _brackets(text, at, end)]
    parts = [
        f
        for f in amounts
        if at < f.start < end
        and f.unit == whole.unit
        and not any(s < f.start < e for s, e in nested)
        and not source.restates_total(f)
        and not source.of_other_year(f)  # "基本支出989.48万元，比2024年预算950.90万元增加…": last year's, no part
    ]
    if len(parts) < 2 and not (parts and _value(parts[0]) > _value(whole)):
        return None
    return whole, parts


def _brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, depth, opened = [], 0, 0
    for i in range(start, end):
        if text[i] in "（(":
            depth += 1
            opened = i if depth == 1 else opened
        elif text[i] in "）)" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i))
    return spans


def _complete(parts: list[Fact]) -> bool:
    for words in vocabulary().complete_parts:
        longest_first = sorted(words, key=len, reverse=True)
        named = [next((w for w in longest_first if w in normalise(p.subject)), None) for p in parts]
        if None not in named and sorted(named) == sorted(words):
            return True
    return False


def parts_in_tables(source: AuditSource, statements: Statements) -> list[Finding]:
    """A table row labelled 其中 whose figure exceeds the figure above it in the same column."""
    findings = []
    for grid in statements.grids:
        last: dict[int, tuple[Segment, Figure]] = {}
        for segment in grid.segments:
            for col, figure in segment.figures.items():
                if not segment.label.startswith("其中"):
                    last[col] = (segment, figure)
                    continue
                above = last.get(col)
                if above is None or figure.money != above[1].money or col in grid.change_columns:
                    continue  # 增减额 and 增减率 columns: a part's change may exceed the whole's
                whole = above[1]
                agreement = _check(_figure(whole), [_figure(figure)])
                if agreement is not Agreement.SAME and figure.value > whole.value:
                    findings.append(
                        _sum_finding(
                            source,
                            RuleId.PARTS_EXCEED,
                            agreement,
                            True,
                            f"{above[0].label}（{segment.label}）",
                            (whole.value, whole.start, whole.end),
                            [(figure.value, figure.start, figure.end)],
                            where=place(grid),
                            unit=None if figure.money else "",
                        )
                    )
    return findings
