"""The same figure in two places: a sentence against its table, two tables against each other, and one item
given two amounts in one paragraph."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from itertools import combinations

from ingest.audit.classification import ClassRow, classification_rows, stated_chain
from ingest.audit.findings import Finding, RuleId, Severity
from ingest.audit.items import Scope, vocabulary
from ingest.audit.phrases import place, wan
from ingest.audit.source import AuditSource, is_level
from ingest.audit.statements import Stated, Statements, comparable_basis
from ingest.audit.tolerance import Agreement, Interval, Printed, money_agreement
from ingest.model import Fact, TableKind
from ingest.subjects import normalise

SEVERITY = {Agreement.ROUNDING: Severity.INFO, Agreement.DIFFERENT: Severity.WARNING}


def compare(a: Printed, b: Printed) -> Agreement:
    return money_agreement(a, Interval.of(b), [b])


def _pair_finding(source: AuditSource, rule: RuleId, agreement: Agreement, what: str, a: Stated, b: Stated) -> Finding:
    gap = abs(a.value - b.value)
    message = f"{what}：{place(a.table)}为{wan(a.value)}，{place(b.table)}为{wan(b.value)}，相差{wan(gap)}"
    message += "（舍入差异）。" if agreement is Agreement.ROUNDING else "。"
    return Finding(
        rule=rule,
        severity=SEVERITY[agreement],
        message=message,
        figures=[float(a.value), float(b.value)],
        citations=[source.quote(a.start, a.end), source.quote(b.start, b.end)],
    )


def _nearest(stated: Stated, others: list[Stated]) -> tuple[Agreement, Stated] | None:
    """SAME when any of `others` states the figure, else the nearest with how far it is off."""
    if not others:
        return None
    verdicts = [(compare(stated.printed, o.printed), o) for o in others]
    if any(v is Agreement.SAME for v, _ in verdicts):
        return Agreement.SAME, others[0]
    return min(verdicts, key=lambda pair: (pair[0] is Agreement.DIFFERENT, abs(pair[1].value - stated.value)))


def _scope_label(stated: Stated) -> str:
    return f"{stated.scope.value}" if stated.scope and stated.scope is not Scope.ALL else ""


def text_against_tables(source: AuditSource, statements: Statements) -> list[Finding]:
    """A key figure of the text (收入, 支出, 基本支出, 三公 …) against the tables that state the same item,
    basis and scope; a sentence that names no scope is read in the scope of all money when a table gives
    that, else in any scope a table gives."""
    findings = []
    for stated in statements.in_text:
        tables = [t for t in statements.in_tables if t.item == stated.item and t.basis is stated.basis]
        if stated.scope is not None:
            tables = [t for t in tables if t.scope is stated.scope]
        elif any(t.scope is Scope.ALL for t in tables):
            tables = [t for t in tables if t.scope is Scope.ALL]
        found = _nearest(stated, tables)
        if found and found[0] is not Agreement.SAME:
            what = f"{_scope_label(stated)}{stated.item}"
            findings.append(_pair_finding(source, RuleId.TEXT_VS_TABLE, found[0], what, stated, found[1]))
    return findings


def tables_against_tables(source: AuditSource, statements: Statements) -> list[Finding]:
    """One item, basis and scope stated in two tables with two figures."""
    groups: dict[tuple, list[Stated]] = defaultdict(list)
    for stated in statements.in_tables:
        groups[(stated.item, stated.scope, stated.basis)].append(stated)
    findings = []
    for (item, scope, _), stated in groups.items():
        findings += _disagreeing_pairs(source, f"{scope.value if scope is not Scope.ALL else ''}{item}", stated)
    return findings


def _disagreeing_pairs(source: AuditSource, what: str, stated: list[Stated]) -> list[Finding]:
    """Each figure that disagrees with the first, once, between different tables."""
    findings = []
    seen: set[Decimal] = set()
    for a, b in combinations(stated, 2):
        if a.table is b.table or b.value in seen or a is not stated[0] and a.value in seen:
            continue
        agreement = compare(a.printed, b.printed)
        if agreement is not Agreement.SAME:
            seen.add(b.value)
            findings.append(_pair_finding(source, RuleId.TABLE_VS_TABLE, agreement, what, a, b))
    return findings


def classification_text_against_tables(source: AuditSource, statements: Statements) -> list[Finding]:
    """A 功能分类 科目 the text states (“…（类）…（款）…（项）”科目 43.83万元) against its row in the tables:
    it must equal the row in one of them (all money, 财政拨款 or 一般公共预算). A 类 the text names otherwise
    than the tables (an old name) is noted once."""
    rows = classification_rows(statements.grids)
    findings = []
    renamed: set[str] = set()
    for paragraph in source.paragraphs:
        for fact in paragraph.facts:
            chain = stated_chain(fact.subject) if is_level(fact) and not source.of_other_year(fact) else None
            if not chain:
                continue
            basis = comparable_basis(fact.basis)
            matched = [r for r in rows if r.matches(chain) and r.basis is basis and r.item == "支出"]
            stated = Stated(
                chain[-1].name, None, basis, fact.amount_wan, source.printed_step(fact), fact.start, fact.end, fact=fact
            )
            found = _nearest(stated, [r.stated for r in matched] + _fund_sums(matched, stated))
            if found and found[0] is not Agreement.SAME:
                findings.append(
                    _pair_finding(source, RuleId.TEXT_VS_TABLE, found[0], f"“{chain[-1].name}”科目", stated, found[1])
                )
            other = next((r for r in matched if len(chain) > 1 and r.names[0] != chain[0].name), None)
            if other and chain[0].name not in renamed:
                renamed.add(chain[0].name)
                message = f"文字中的类名“{chain[0].name}”与{place(other.stated.table)}中的“{other.names[0]}”不同。"
                findings.append(
                    Finding(
                        rule=RuleId.CLASS_NAME,
                        severity=Severity.INFO,
                        message=message,
                        citations=[source.fact_quote(fact), source.quote(other.stated.start, other.stated.end)],
                    )
                )
    return findings


def _fund_sums(rows: list[ClassRow], like: Stated) -> list[Stated]:
    """The 财政拨款 figure of a 科目 as the sum of its rows in the fund tables (一般公共预算, 政府性基金,
    国有资本经营), when it stands in more than one of them."""
    funds = [r for r in rows if r.stated.scope in (Scope.GENERAL, Scope.FUND, Scope.CAPITAL) and r.in_fund_table]
    if len({r.stated.scope for r in funds}) < 2:
        return []
    first = funds[0].stated
    total = sum((r.stated.value for r in funds), Decimal(0))
    return [
        Stated(
            first.item,
            Scope.FISCAL,
            like.basis,
            total,
            max(r.stated.step for r in funds),
            first.start,
            first.end,
            table=first.table,
        )
    ]


def classification_tables_against_tables(source: AuditSource, statements: Statements) -> list[Finding]:
    """One 科目 and column (合计, 基本支出, 项目支出) in two tables of the same scope with two figures; when all
    income is 财政拨款, a 科目 whose all-money and 财政拨款 figures differ is noted (`info`: the difference may
    be spending of carried-over non-fiscal money), at the 类 level."""
    groups: dict[tuple, list[Stated]] = defaultdict(list)
    for row in classification_rows(statements.grids):
        groups[(row.key, row.item, row.stated.scope, row.basis)].append(row.stated)
    findings = []
    for (_, item, _, _), stated in groups.items():
        findings += _disagreeing_pairs(source, _subject(stated[0], item), stated)
    if _income_all_fiscal(statements):
        for (key, item, scope, basis), stated in groups.items():
            if scope is not Scope.ALL or item != "支出" or len(key) > 1:  # a 类's total: once per 类
                continue
            fiscal = groups.get((key, item, Scope.FISCAL, basis)) or groups.get((key, item, Scope.GENERAL, basis)) or []
            a, b = stated[0], next(iter(fiscal), None)
            if b is not None and compare(a.printed, b.printed) is Agreement.DIFFERENT:
                message = (
                    f"{_subject(a, item)}：{place(a.table)}（全部资金）为{wan(a.value)}，{place(b.table)}（{b.scope.value}）"
                    f"为{wan(b.value)}；收入全部为财政拨款，差额{wan(abs(a.value - b.value))}应有说明。"
                )
                findings.append(
                    Finding(
                        rule=RuleId.TABLE_VS_TABLE,
                        severity=Severity.INFO,
                        message=message,
                        figures=[float(a.value), float(b.value)],
                        citations=[source.quote(a.start, a.end), source.quote(b.start, b.end)],
                    )
                )
    return findings


def _subject(stated: Stated, item: str) -> str:
    return f"“{stated.item}”科目{'' if item == '支出' else item}"


def _income_all_fiscal(statements: Statements) -> bool:
    """The tables give all income and 财政拨款 income as one figure."""
    income = [s for s in statements.in_tables if s.item == "收入"]
    total = next((s for s in income if s.scope is Scope.ALL), None)
    fiscal = next((s for s in income if s.scope in (Scope.FISCAL, Scope.GENERAL) and total and s.basis is total.basis), None)
    return bool(total and fiscal and compare(total.printed, fiscal.printed) is Agreement.SAME and total.value > 0)


def two_amounts_in_a_paragraph(source: AuditSource) -> list[Finding]:
    """One item and basis given two different amounts in one paragraph, the second restating it without
    naming it (“住房公积金（01项）208.8万元 … 2026年预算安排201.50万元”); a figure its clause gives another
    year (2025年度预算) is not this year's."""
    findings = []
    for paragraph in source.paragraphs:
        first: dict[tuple, Fact] = {}
        for fact in paragraph.facts:
            if not is_level(fact) or fact.part or source.of_other_year(fact) or source.restates_total(fact):
                continue
            key = (normalise(fact.subject), comparable_basis(fact.basis))
            earlier = first.setdefault(key, fact)
            if earlier is fact or key[0] in normalise(source.clause(fact)):
                continue
            a, b = (Printed.exact(f.amount_wan, source.printed_step(f)) for f in (earlier, fact))
            if compare(a, b) is Agreement.DIFFERENT:
                message = (
                    f"同一段落中“{fact.subject}”有两个金额：先为{wan(a.value)}，后为{wan(b.value)}，"
                    f"相差{wan(abs(a.value - b.value))}。"
                )
                findings.append(
                    Finding(
                        rule=RuleId.TWO_AMOUNTS,
                        severity=Severity.WARNING,
                        message=message,
                        figures=[float(a.value), float(b.value)],
                        citations=[source.fact_quote(earlier), source.fact_quote(fact)],
                    )
                )
    return findings


def cost_caps(source: AuditSource) -> list[Finding]:
    """A project's 成本指标 cap (≤1037万元) below the amount another place gives the same project (1307.00)."""
    findings = []
    caps = [
        f
        for f in source.doc.facts
        if f.table_kind is TableKind.PERFORMANCE
        and f.qualifier in ("≤", "<")
        and f.amount_wan is not None
        and f.measure in vocabulary().money_indicators
    ]
    for cap in caps:
        amounts = [
            f
            for f in source.doc.facts
            if is_level(f)
            and f.table_kind is not TableKind.PERFORMANCE
            and f.qualifier is None
            and normalise(f.subject) == normalise(cap.subject)
            and comparable_basis(f.basis) is comparable_basis(cap.basis)
        ]
        above = next(
            (
                f
                for f in amounts
                if f.amount_wan > cap.amount_wan
                and compare(
                    Printed.exact(f.amount_wan, source.printed_step(f)), Printed.exact(cap.amount_wan, source.printed_step(cap))
                )
                is Agreement.DIFFERENT
            ),
            None,
        )
        if above is None:
            continue
        where = "文字" if above.table_id is None else f"《{source.tables[above.table_id].title}》"
        message = f"项目“{cap.subject}”的{cap.measure}为不超过{wan(cap.amount_wan)}，{where}却列其金额{wan(above.amount_wan)}。"
        findings.append(
            Finding(
                rule=RuleId.COST_CAP,
                severity=Severity.WARNING,
                message=message,
                figures=[float(cap.amount_wan), float(above.amount_wan)],
                citations=[source.fact_quote(cap), source.fact_quote(above)],
            )
        )
    return findings
