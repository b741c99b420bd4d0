"""Wording that cannot be right: a comparison with a year that is not earlier, 0 that grew, "增加持平",
a table noted as empty that holds figures (or an empty table whose figures the text states), a stated reason
for an increase when the figures fell, and 0 vehicles with a vehicle running cost."""

from __future__ import annotations

import re

from ingest.audit.findings import Finding, RuleId, Severity
from ingest.audit.grid import Grid, Segment
from ingest.audit.items import read_name, table_role, vocabulary
from ingest.audit.phrases import place, wan
from ingest.audit.source import AuditSource, Paragraph, is_level
from ingest.audit.statements import Stated, Statements
from ingest.classify import table_kind
from ingest.model import Basis, Direction, Fact, FactKind, TableKind
from ingest.subjects import normalise
from ingest.vocabulary import split_places

_COMPARED_YEAR = re.compile(r"(?:比|较|与|同)\s*(?P<year>(?:19|20)\d{2})\s*年")
_DOUBLED = re.compile(
    r"(?P<first>增加|减少|增长|下降)\s*(?P<open>[（(])?\s*(?P<second>持平|增加|减少|增长|下降)(?(open)\s*[)）])"
)
_EMPTY_NOTE = re.compile(r"空表|无数据|本表无")
_REASON = re.compile(r"(?P<subject>[\u4e00-\u9fff“”]{2,20}?)(?P<word>增加|减少|增长|下降)的(?:主要)?原因")
_OUTTURN = re.compile(r"决算数(?P<relation>大于|小于|高于|低于|同|与)(?P<which>年初|全年|调整)?预算数?(?P<flat>(?:基本)?持平)?")
_NAMED_BUDGET = {"年初": (Basis.INITIAL_BUDGET,), "全年": (Basis.ADJUSTED_BUDGET,), "调整": (Basis.ADJUSTED_BUDGET,)}
_NO_VEHICLES = re.compile(r"共有(?:公务)?车辆\s*0\s*辆")
_PERIOD = re.compile(r"实施周期")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PERIOD_END = re.compile(r"12\s*月\s*31\s*日|\.\s*12\s*\.\s*31|年底|年末|全年")  # a period that names its end
NOTE_PARAGRAPHS = 3  # a note stands within this many lines after its table
REASON_PARAGRAPHS = 4  # a stated reason follows the change it explains within this many lines
UP, DOWN = ("增加", "增长", "大于", "高于"), ("减少", "下降", "小于", "低于")


def _first_mention(source: AuditSource, year: int) -> tuple[int, int] | None:
    found = re.search(rf"{year}\s*年", source.text)
    return (found.start(), found.end()) if found else None


def wrong_years(source: AuditSource) -> list[Finding]:
    """A budget compared with its own or a later year ("2026年预算…比2026年预算增加"); a final account with a
    later year. One finding per paragraph, on its first such comparison."""
    year = source.year
    own = _first_mention(source, year) if year else None
    if own is None:
        return []
    findings = []
    for paragraph in source.paragraphs:
        for found in _COMPARED_YEAR.finditer(paragraph.text):
            compared = int(found["year"])
            if compared > year or (compared == year and not source.is_final_account):
                start = paragraph.start + found.start()
                sentence = _sentence_around(paragraph, start)
                message = f"{year}年的文件中与{compared}年比较：对比年度应早于{year}年。"
                findings.append(
                    Finding(
                        rule=RuleId.WRONG_YEAR,
                        severity=Severity.WARNING,
                        message=message,
                        figures=[float(year), float(compared)],
                        citations=[source.quote(*own), source.quote(*sentence)],
                    )
                )
                break
    return findings


def _sentence_around(paragraph: Paragraph, offset: int) -> tuple[int, int]:
    """The clause of `offset` (between commas or stops) within its paragraph."""
    text = paragraph.text
    at = offset - paragraph.start
    start = max(text.rfind(mark, 0, at) for mark in "，。；;,") + 1
    ends = [i for i in (text.find(mark, at) for mark in "，。；;,") if i >= 0]
    end = min(ends) if ends else len(text)
    return paragraph.start + start, paragraph.start + end


def zero_that_changed(source: AuditSource) -> list[Finding]:
    """ "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元": a level of 0 cannot have grown."""
    findings = []
    for paragraph in source.paragraphs:
        for level, after in zip(paragraph.facts, paragraph.facts[1:], strict=False):
            if (
                is_level(level)
                and level.amount_wan == 0
                and after.kind is FactKind.CHANGE
                and after.direction is Direction.UP
                and after.amount_wan
                and not source.of_other_year(level)
            ):
                message = f"{level.subject}为0，却称比上年增加{wan(after.amount_wan)}（上年应为负数）。"
                findings.append(
                    Finding(
                        rule=RuleId.ZERO_CHANGED,
                        severity=Severity.ERROR,
                        message=message,
                        figures=[0.0, float(after.amount_wan)],
                        citations=[source.fact_quote(level), source.fact_quote(after)],
                    )
                )
    return findings


def doubled_words(source: AuditSource) -> list[Finding]:
    """ "增加持平", "增加增加", "下降（增长）": two directions where one is meant."""
    findings = []
    for paragraph in source.paragraphs:
        for found in _DOUBLED.finditer(paragraph.text):
            start, end = paragraph.start + found.start(), paragraph.start + found.end()
            clause = _sentence_around(paragraph, start)
            message = f"措辞自相矛盾：“{found.group()}”同时说了两个方向。"
            findings.append(
                Finding(
                    rule=RuleId.DOUBLED_WORD,
                    severity=Severity.WARNING,
                    message=message,
                    citations=[source.quote(start, end), source.quote(*clause)],
                )
            )
    return findings


def empty_tables(source: AuditSource, statements: Statements) -> list[Finding]:
    """A table its note calls empty (空表, 无数据) that holds figures other than 0; a table without any figure
    whose item the text states as more than 0."""
    findings = []
    paragraphs = source.paragraphs
    for grid in statements.grids:
        figures = [f for s in grid.segments for f in s.figures.values() if f.money]
        notes = [p for p in paragraphs if p.start >= grid.table.end][:NOTE_PARAGRAPHS]
        note = next((p for p in notes if _EMPTY_NOTE.search(p.text) and _before_next_table(p, grid, statements)), None)
        held = next((f for f in figures if f.value != 0), None)
        if note and held:
            message = f"{place(grid)}注明为空表，却列有数字（如{wan(held.value)}）。"
            findings.append(
                Finding(
                    rule=RuleId.EMPTY_TABLE,
                    severity=Severity.WARNING,
                    message=message,
                    figures=[float(held.value)],
                    citations=[source.quote(note.start, note.end), source.quote(held.start, held.end)],
                )
            )
        named = table_kind(note.text) if note else TableKind.OTHER
        if note and named not in (TableKind.OTHER, grid.kind) and table_role(named) and table_role(grid.kind):
            message = f"{place(grid)}下的注释说的是{named.value}（“{note.text.strip()[:30]}”），与本表不符。"
            findings.append(
                Finding(
                    rule=RuleId.EMPTY_TABLE,
                    severity=Severity.WARNING,
                    message=message,
                    citations=[source.quote(grid.table.start, grid.table.end), source.quote(note.start, note.end)],
                )
            )
        elif not figures and grid.table.header:
            findings += _stated_for_empty_table(source, statements, grid, noted=note is not None)
    return findings


def _before_next_table(paragraph: Paragraph, grid: Grid, statements: Statements) -> bool:
    return not any(grid.table.end <= g.table.start <= paragraph.start for g in statements.grids if g is not grid)


def _stated_for_empty_table(source: AuditSource, statements: Statements, grid: Grid, noted: bool) -> list[Finding]:
    """The text states the table's item above 0 (in the table's scope; a sentence naming no scope counts
    only for an item one table alone states, such as 三公经费). A warning when a note calls the table empty;
    otherwise `info` (the table's figures may be an image the file does not hold)."""
    role = table_role(grid.kind)
    if role is None:
        return []
    own_item = sum(r.whole == role.whole for r in vocabulary().tables.values()) == 1
    stated = [
        s
        for s in statements.in_text
        if s.item == role.whole
        and s.value > 0
        and not source.of_other_year(s.fact)
        and s.basis is source.doc.meta.kind.natural_basis
        and (s.scope is role.scope or s.scope is None and own_item)
    ]
    if not stated:
        return []
    first: Stated = stated[0]
    message = f"文字称{first.fact.subject}为{wan(first.value)}，{place(grid)}却没有任何数字。"
    return [
        Finding(
            rule=RuleId.EMPTY_TABLE,
            severity=Severity.WARNING if noted else Severity.INFO,
            message=message,
            figures=[float(first.value)],
            citations=[source.quote(first.start, first.end), source.quote(grid.table.start, grid.table.end)],
        )
    ]


def reasons_against_direction(source: AuditSource) -> list[Finding]:
    """ "财政拨款收入支出增加的主要原因…" after figures that fell; "决算数小于预算数" when the 决算 is larger."""
    findings = []
    paragraphs = source.paragraphs
    for i, paragraph in enumerate(paragraphs):
        for found in _REASON.finditer(paragraph.text):
            said = Direction.UP if found["word"] in UP else Direction.DOWN
            subject = normalise(found["subject"])
            changes = [
                f
                for p in paragraphs[max(0, i - REASON_PARAGRAPHS) : i + 1]
                for f in p.facts
                if f.kind is FactKind.CHANGE
                and f.amount_wan is not None
                and f.start < paragraph.start + found.start()
                and _concerns(subject, f)
            ]
            if changes and all(f.direction not in (said, None) for f in changes):
                start, end = paragraph.start + found.start("word"), paragraph.start + found.end()
                last = changes[-1]
                message = f"称“{found['word']}的主要原因”，但所述{last.subject}为{last.direction}{wan(last.amount_wan)}。"
                findings.append(
                    Finding(
                        rule=RuleId.REASON_DIRECTION,
                        severity=Severity.WARNING,
                        message=message,
                        figures=[float(changes[-1].amount_wan)],
                        citations=[source.fact_quote(changes[-1]), source.quote(start, end)],
                    )
                )
        findings += _outturn_against_budget(source, paragraph)
    return findings


def _concerns(reason_subject: str, change: Fact) -> bool:
    """A stated change is about the reason's subject: they name the same scope and item words
    (财政拨款收入支出 ⊇ 财政拨款收入, 财政拨款支出预算)."""
    named = read_name(change.subject)
    if named is None:
        return False
    scope_word = named.scope.value if named.scope else ""
    return scope_word in reason_subject and named.item in ("收入", "支出", "收支总计") and named.item[:2] in reason_subject


def _outturn_against_budget(source: AuditSource, paragraph: Paragraph) -> list[Finding]:
    """ "年初预算A，支出决算B。决算数小于预算数的主要原因" with B > A (or 持平 with B ≠ A)."""
    findings = []
    for found in _OUTTURN.finditer(paragraph.text):
        at = paragraph.start + found.start()
        levels = [f for f in paragraph.facts if is_level(f) and f.start < at]
        named = _NAMED_BUDGET.get(found["which"] or "", (Basis.INITIAL_BUDGET, Basis.ADJUSTED_BUDGET, Basis.BUDGET))
        budget = next((f for f in reversed(levels) if f.basis in named), None)  # 年初预算 where the claim names it
        outturn = next((f for f in reversed(levels) if f.basis is Basis.FINAL), None)
        if budget is None or outturn is None or normalise(budget.subject) != normalise(outturn.subject):
            continue
        relation = found["relation"]
        said_flat = bool(found["flat"]) or relation == "同"
        actual = (outturn.amount_wan > budget.amount_wan) - (outturn.amount_wan < budget.amount_wan)
        said = 0 if said_flat else (1 if relation in UP else -1 if relation in DOWN else None)
        if said is None or said == actual:
            continue
        compared = "大于" if actual > 0 else "小于" if actual < 0 else "等于"
        message = f"称“{found.group()}”，但决算数{wan(outturn.amount_wan)}{compared}预算数{wan(budget.amount_wan)}。"
        findings.append(
            Finding(
                rule=RuleId.REASON_DIRECTION,
                severity=Severity.WARNING,
                message=message,
                figures=[float(budget.amount_wan), float(outturn.amount_wan)],
                citations=[
                    source.fact_quote(budget),
                    source.fact_quote(outturn),
                    source.quote(at, paragraph.start + found.end()),
                ],
            )
        )
    return findings


def vehicles_without_cars(source: AuditSource, statements: Statements) -> list[Finding]:
    """ "共有车辆0辆" while a 公务用车运行费 of more than 0 is budgeted for the same year."""
    for paragraph in source.paragraphs:
        found = _NO_VEHICLES.search(paragraph.text)
        if found is None:
            continue
        running = [s for s in statements.of("公务用车运行费") if s.value > 0 and s.basis is source.doc.meta.kind.natural_basis]
        if running:
            cost = running[0]
            start = paragraph.start + found.start()
            message = f"称共有车辆0辆，却安排公务用车运行费{wan(cost.value)}（{place(cost.table)}）。"
            return [
                Finding(
                    rule=RuleId.NO_VEHICLES,
                    severity=Severity.WARNING,
                    message=message,
                    figures=[0.0, float(cost.value)],
                    citations=[source.quote(start, paragraph.start + found.end()), source.quote(cost.start, cost.end)],
                )
            ]
    return []


def codes_out_of_place(source: AuditSource, statements: Statements) -> list[Finding]:
    """A 科目 code that does not continue the 类 (款) row above it ("7 11 02" under 210); a code that only
    lost a leading zero (2 for 02) is the same code. Reported as `info`: a misprint, not a wrong figure."""
    findings = []
    for grid in statements.grids:
        enclosing: dict[int, Segment] = {}
        for segment in grid.segments:
            parts = segment.code_parts
            if not parts:
                continue
            if segment.level:
                enclosing[segment.level] = segment
                for deeper in [lv for lv in enclosing if lv > segment.level]:
                    del enclosing[deeper]
                continue
            upper = enclosing.get(1)
            if upper is None or len(parts) < 2 or parts[0].zfill(3) == upper.code:
                continue
            printed = " ".join(parts)
            message = f"{place(grid)}“{segment.label}”的科目编码印作“{printed}”，与其上方的{upper.code}类（{upper.label}）不符。"
            findings.append(
                Finding(
                    rule=RuleId.CODE_OUT_OF_PLACE,
                    severity=Severity.INFO,
                    message=message,
                    citations=[
                        source.quote(segment.start, segment.start + len(parts[0])),
                        source.quote(upper.start, upper.start + len(upper.code_parts[0])),
                    ],
                )
            )
    return findings


def project_periods(source: AuditSource) -> list[Finding]:
    """A budget's project whose 实施周期 (on its line or the next: a range of years, or a year with its end) ends
    before the budget year."""
    year = source.year
    own = _first_mention(source, year) if year else None
    if own is None or source.is_final_account:
        return []
    findings = []
    paragraphs = source.paragraphs
    for i, paragraph in enumerate(paragraphs):
        marked = _PERIOD.search(paragraph.text)
        if marked is None:
            continue
        stated = (
            paragraph
            if _ANY_YEAR.search(paragraph.text, marked.end())
            else (paragraphs[i + 1] if i + 1 < len(paragraphs) else None)
        )
        at = marked.end() if stated is paragraph else 0
        period = stated.text[at:] if stated else ""
        years = [int(y.group()) for y in _ANY_YEAR.finditer(period)]
        if years and max(years) < year and (len(years) > 1 or _PERIOD_END.search(period)):
            message = f"{year}年预算中的项目，实施周期却在{max(years)}年结束。"
            findings.append(
                Finding(
                    rule=RuleId.PROJECT_PERIOD,
                    severity=Severity.WARNING,
                    message=message,
                    figures=[float(year), float(max(years))],
                    citations=[source.quote(*own), source.quote(stated.start, stated.end)],
                )
            )
    return findings


def indicators_in_money(source: AuditSource) -> list[Finding]:
    """A 绩效目标表 indicator other than a cost one (质量指标, 时效指标 …) valued in money: the values have slipped
    into the wrong rows. `info`: the table, not a figure, is off."""
    findings = []
    for fact in source.doc.facts:
        if fact.table_kind is not TableKind.PERFORMANCE or fact.amount_wan is None or not fact.measure.endswith("指标"):
            continue
        if fact.measure in vocabulary().money_indicators:
            continue
        label = source.text.find(fact.measure, fact.start, fact.end)
        if label < 0:
            continue
        value = source.quote(source.cell_start(fact), fact.end)
        message = f"“{fact.subject}”的{fact.measure}以金额为指标值（{value.quote}），与指标类别不符。"
        findings.append(
            Finding(
                rule=RuleId.INDICATOR_UNIT,
                severity=Severity.INFO,
                message=message,
                figures=[float(fact.amount_wan)],
                citations=[source.quote(label, label + len(fact.measure)), value],
            )
        )
    return findings


def body_names_short_of_a_place(source: AuditSource) -> list[Finding]:
    """The department named with fewer places than it has ("上海市规划和自然资源局" for 上海市普陀区规划和自然资源局):
    read as it is written, that is another body. Once per document, as `info`."""
    department = source.doc.meta.department
    places, body = split_places(department)
    own = source.text.find(department)
    if len(places) < 2 or len(body) < 2 or own < 0:
        return []
    for found in re.finditer(rf"[\u4e00-\u9fff]{{2,16}}?{re.escape(body)}", source.text):
        named, _ = split_places(found.group())
        # dropping the outer places (普陀区司法局) is the usual short form; dropping an inner one names another body
        if named and named[0] == places[0] and set(named) < set(places) and found.group() == "".join(named) + body:
            missing = "".join(p for p in places if p not in named)
            message = f"文件把本部门写作“{found.group()}”，少了“{missing}”，读来是另一个部门。"
            return [
                Finding(
                    rule=RuleId.BODY_NAME,
                    severity=Severity.INFO,
                    message=message,
                    citations=[source.quote(own, own + len(department)), source.quote(found.start(), found.end())],
                )
            ]
    return []
