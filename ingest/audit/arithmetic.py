"""The arithmetic a paragraph states: an increase against the two figures it compares, a percentage
(增长X%, 占X%, 完成X%) against the one computed from the figures it names, a completion rate over 0."""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.audit.findings import Finding, RuleId, Severity
from ingest.audit.items import read_name
from ingest.audit.phrases import percent, wan
from ingest.audit.source import AuditSource, Paragraph, is_level
from ingest.audit.statements import comparable_basis
from ingest.audit.tolerance import Agreement, Interval, Printed, money_agreement, percent_agreement
from ingest.model import Basis, Direction, Fact, FactKind
from ingest.subjects import normalise

SEVERITY = {Agreement.ROUNDING: Severity.INFO, Agreement.DIFFERENT: Severity.ERROR}
_SHARE = re.compile(r"占(?P<whole>[^，,。；;：:%]{0,20}?)的?\s*$")
_WHOLE_ENDS = re.compile(r"其中|主要用于|分别为|包括")
_COMPLETION_BASE = {
    "年初预算": (Basis.INITIAL_BUDGET, Basis.BUDGET),
    "全年预算": (Basis.ADJUSTED_BUDGET,),
    "调整预算": (Basis.ADJUSTED_BUDGET,),
    "预算": (Basis.INITIAL_BUDGET, Basis.BUDGET, Basis.ADJUSTED_BUDGET),
}


def _printed(source: AuditSource, fact: Fact) -> Printed:
    return Printed.exact(fact.amount_wan if fact.amount_wan is not None else fact.value, source.printed_step(fact))


def _same_subject(a: Fact, b: Fact) -> bool:
    return normalise(a.subject) == normalise(b.subject)


def _signed(source: AuditSource, rate: Fact) -> Printed:
    """A stated rate, negative for a decrease."""
    return Printed(-rate.value if rate.direction is Direction.DOWN else rate.value, source.printed_step(rate))


def _finding(
    source: AuditSource, rule: RuleId, agreement: Agreement, message: str, figures: list[Decimal], facts: list[Fact]
) -> Finding:
    return Finding(
        rule=rule,
        severity=SEVERITY[agreement],
        message=message + ("（舍入差异）。" if agreement is Agreement.ROUNDING else "。"),
        figures=[float(f) for f in figures],
        citations=[source.fact_quote(f) for f in facts],
    )


def stated_arithmetic(source: AuditSource) -> list[Finding]:
    findings: list[Finding] = []
    for paragraph in source.paragraphs:
        for at, fact in enumerate(paragraph.facts):
            before = paragraph.facts[:at]
            if fact.unit == "%" and fact.kind is FactKind.CHANGE:
                findings += _growth(source, fact, before)
            elif fact.unit == "%" and fact.measure == "完成率":
                findings += _completion(source, fact, before)
            elif fact.unit == "%":
                findings += _share(source, paragraph, fact, before)
            elif fact.kind is FactKind.CHANGE and fact.amount_wan is not None:
                findings += _change(source, fact, before)
    return findings


def _levels(facts: list[Fact], like: Fact, bases: tuple[Basis, ...]) -> list[Fact]:
    """Money levels of the same subject with one of `bases`, latest first."""
    return [f for f in reversed(facts) if is_level(f) and _same_subject(f, like) and f.basis in bases]


def _growth(source: AuditSource, rate: Fact, before: list[Fact]) -> list[Finding]:
    """ "上年执行数A，本年预算B，比上年执行数增加p%": p = (B − A) / A; or after a stated change C of a level L,
    p = C / (L − C), or p = C / L where L is last year's ("比2024年预算L减少C，下降p%")."""
    natural = source.doc.meta.kind.natural_basis
    if rate.compared_to is not None and rate.compared_to is not natural:
        bases = _levels(before, rate, (rate.compared_to,))
        current = [f for f in _levels(before, rate, (natural, Basis.INITIAL_BUDGET)) if not source.of_other_year(f)]
        if not bases or not current or bases[0].amount_wan == 0:
            return []
        base = Interval.of(_printed(source, bases[0]))
        verdicts = []
        for level in current:
            expected = Interval.of(_printed(source, level)).minus(base).ratio(base)
            if expected:
                verdicts.append((percent_agreement(_signed(source, rate), expected), level, expected))
        return _worst_if_none_agree(source, rate, bases[0], verdicts)
    change = next((f for f in reversed(before) if f.kind is FactKind.CHANGE and f.amount_wan is not None), None)
    if change is None or change.direction is Direction.FLAT:
        return []
    levels = [f for f in reversed(before) if is_level(f) and f.start < change.start and _same_subject(f, change)]
    last_year = next((f for f in levels if source.of_other_year(f)), None)  # "比2024年预算10.30万元减少1.00万元"
    level = last_year or next(iter(levels), None)
    if level is None:
        return []
    delta = _printed(source, change)
    signed = Interval(-delta.high, -delta.low) if change.direction is Direction.DOWN else Interval.of(delta)
    base = Interval.of(_printed(source, level))
    expected = signed.ratio(base if last_year else base.minus(signed))
    if expected is None:
        return []
    return _worst_if_none_agree(source, rate, level, [(percent_agreement(_signed(source, rate), expected), change, expected)])


def _worst_if_none_agree(source: AuditSource, rate: Fact, base: Fact, verdicts: list) -> list[Finding]:
    if not verdicts or any(v is Agreement.SAME for v, _, _ in verdicts):
        return []
    agreement, level, expected = min(verdicts, key=lambda v: v[0] is Agreement.DIFFERENT)
    stated = _signed(source, rate).value
    message = f"所述{rate.direction or ''}{percent(abs(stated))}，按所列数字计算为{percent(expected.middle)}"
    return [
        _finding(
            source,
            RuleId.STATED_PERCENT,
            agreement,
            message,
            [stated, expected.middle],
            [rate, *sorted({base, level}, key=lambda f: f.start)],
        )
    ]


def _completion(source: AuditSource, rate: Fact, before: list[Fact]) -> list[Finding]:
    """ "年初预算A，支出决算B，完成年初预算的p%": p = B / A; a rate over a 年初预算 of 0 cannot be."""
    words = source.text[rate.start : source.figure_span(rate)[0]]
    named = next((w for w in _COMPLETION_BASE if w in words), None)
    if named is None:
        return []
    subject_levels = [f for f in reversed(before) if is_level(f) and (_same_subject(f, rate) or not rate.subject)]
    done = next((f for f in subject_levels if f.basis is Basis.FINAL), None)
    base = next(
        (f for f in subject_levels if f.basis in _COMPLETION_BASE[named] and (done is None or f.start < done.start)), None
    )
    if base is None or done is None:
        return []
    if base.amount_wan == 0:
        message = f"{base.subject}的{named}为0，却称完成{named}的{percent(rate.value)}：对0无从计算完成比例。"
        return [
            Finding(
                rule=RuleId.ZERO_BASE_RATE,
                severity=Severity.ERROR,
                message=message,
                figures=[0.0, float(rate.value)],
                citations=[source.fact_quote(base), source.fact_quote(rate)],
            )
        ]
    expected = Interval.of(_printed(source, done)).ratio(Interval.of(_printed(source, base)))
    agreement = percent_agreement(Printed(rate.value, source.printed_step(rate)), expected) if expected else Agreement.SAME
    if agreement is Agreement.SAME:
        return []
    message = (
        f"所述完成{named}的{percent(rate.value)}，按{wan(done.amount_wan)}÷{wan(base.amount_wan)}计算为{percent(expected.middle)}"
    )
    return [_finding(source, RuleId.STATED_PERCENT, agreement, message, [rate.value, expected.middle], [rate, base, done])]


def _share(source: AuditSource, paragraph: Paragraph, rate: Fact, before: list[Fact]) -> list[Finding]:
    """ "…其中：A万元，占p%": p = A / 总数, the 总数 named after 占 (占本年支出合计的) or stated before 其中."""
    shared = _SHARE.search(source.text[paragraph.start : source.figure_span(rate)[0]])
    levels = [f for f in before if is_level(f)]
    if shared is None or not levels or levels[-1].end < source.figure_span(rate)[0] - len(shared.group()) - 3:
        return []
    part = levels[-1]
    whole = _named_whole(source, shared["whole"], part) if shared["whole"] else _whole_before_parts(paragraph, levels)
    if whole is None or whole is part or not whole.amount_wan:
        return []
    expected = Interval.of(_printed(source, part)).ratio(Interval.of(_printed(source, whole)))
    agreement = percent_agreement(Printed(rate.value, source.printed_step(rate)), expected) if expected else Agreement.SAME
    if agreement is Agreement.SAME:
        return []
    message = f"所述占比{percent(rate.value)}，按{wan(part.amount_wan)}÷{wan(whole.amount_wan)}计算为{percent(expected.middle)}"
    return [
        _finding(
            source,
            RuleId.STATED_PERCENT,
            agreement,
            message,
            [rate.value, expected.middle],
            sorted([rate, part, whole], key=lambda f: f.start),
        )
    ]


def _named_whole(source: AuditSource, words: str, part: Fact) -> Fact | None:
    """The nearest level before `part` that states the whole named after 占 (本年支出合计 → 支出)."""
    named = read_name(words)
    if named is None:
        return None
    candidates = [
        f
        for p in source.paragraphs
        if p.start <= part.start
        for f in p.facts
        if is_level(f)
        and f.start < part.start
        and not source.of_other_year(f)  # "项目支出比2024年预算2977000元…": last year's, not the whole
        and (r := read_name(f.subject))
        and r.item == named.item
        and (named.scope is None or r.scope is named.scope)
        and comparable_basis(f.basis) is comparable_basis(part.basis)
    ]
    return candidates[-1] if candidates else None


def _whole_before_parts(paragraph: Paragraph, levels: list[Fact]) -> Fact | None:
    """The level stated just before the paragraph's 其中 / 主要用于 that the parts follow."""
    marker = _WHOLE_ENDS.search(paragraph.text)
    if marker is None:
        return None
    at = paragraph.start + marker.start()
    before = [f for f in levels if f.end <= at]
    after = [f for f in levels if f.start >= at]
    return before[-1] if before and after else None


def _change(source: AuditSource, change: Fact, before: list[Fact]) -> list[Finding]:
    """ "上年执行数A，本年预算B，比上年执行数增加C万元": C = B − A when both levels are given."""
    natural = source.doc.meta.kind.natural_basis
    if change.compared_to is None or change.compared_to is natural or change.direction is Direction.FLAT:
        return []
    bases = _levels(before, change, (change.compared_to,))
    current = [f for f in _levels(before, change, (natural,)) if not source.of_other_year(f)]
    if not bases or not current:
        return []
    base = Interval.of(_printed(source, bases[0]))
    stated = _printed(source, change)
    signed = Printed(-stated.value if change.direction is Direction.DOWN else stated.value, stated.step, stated.coarse)
    verdicts = [
        (money_agreement(signed, Interval.of(_printed(source, level)).minus(base), [_printed(source, level)]), level)
        for level in current
    ]
    if any(v is Agreement.SAME for v, _ in verdicts):
        return []
    agreement, level = min(verdicts, key=lambda v: v[0] is Agreement.DIFFERENT)
    computed = level.amount_wan - bases[0].amount_wan
    message = (f"所述{change.direction}{wan(change.amount_wan)}，"
               f"按{wan(level.amount_wan)}−{wan(bases[0].amount_wan)}计算为{wan(computed)}")
    return [
        _finding(
            source,
            RuleId.STATED_CHANGE,
            agreement,
            message,
            [signed.value, computed],
            sorted([change, bases[0], level], key=lambda f: f.start),
        )
    ]
