"""Answers from 绩效目标表 project forms, for a question that names the project (or a good part of its name).

A header field of its form (项目性质, 主管部门, 项目总目标 …, asked as 算啥性质, 归哪个部门管, 干啥用的) is quoted where
the form prints it, label and value; a field the form does not state is refused, never guessed from other text.
A figure asked of an indicator that no fact matched by item is the indicator whose words the question holds
("三四级网宽带线路一年普通故障最多允许几次" → 宽带线路故障全年次数 ≤50 次); one the question leaves out ("不算重大故障")
is never the answer. Words that ask for a bound rather than name the indicator live in `assistant/data/target_words.txt`.
A question asking what was achieved (实际, 完成了: `assistant/data/achieved_words.txt`) is answered from a 绩效自评表's
实际完成值, any other from the target, never one for the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.answer import NOT_FOUND_TEXT, Answer, AnswerKind
from assistant.citations import SourceTexts
from assistant.fact_matching import ASKS_MONEY, NAMES_MONEY, averaged, heads_differ, indicator_names
from assistant.fact_path import Draft
from assistant.form_questions import asked_fields
from assistant.formatting import in_display_unit, readable, rounded, shown
from assistant.plan import Operation, QuestionPlan
from assistant.vocabulary import achieved_words, asked_achievement, asked_aspects, generic_item_words, target_words
from index.fact_store import FactRecord, FormFieldRecord
from ingest.lexicon import search_terms
from ingest.model import FactKind, TableKind
from ingest.numbers import is_money
from ingest.performance_headers import is_achieved

MIN_PROJECT_SHARE = 0.5  # a field is asked of the project whose name's words the question holds this share of, at least
MIN_INDICATOR_SHARE = 0.75  # an indicator answers when it and its project say this share of the question's words
MIN_INDICATOR_WORDS = 2  # and at least this many of them
_PROJECT_WORD = "项目"  # a form named after a body (its 部门整体 targets) is asked of only as a project's
MIN_NAMED_CHARS = 3  # an indicator name this long said in the question names it (污水处理量)
# "（不算重大故障）", "不含重大故障": an indicator the question leaves out
_LEAVES_OUT = re.compile(r"[（(]?(?:不算|不含|不包括|不包含|除去|除了|排除)(?P<what>[\u4e00-\u9fff]{2,12})(?:以外|之外)?[)）]?")


def _words(text: str) -> set[str]:
    """Words that tell projects and indicators apart: two characters or more, not generic (经费, 项目)."""
    generic = generic_item_words()
    return {w for w in search_terms(text) if len(w) >= 2 and w not in generic}


def named_project(question: str, projects: Iterable[str]) -> str | None:
    """The project the question names most words of, holding at least MIN_PROJECT_SHARE of its name's words;
    None when none does, or when another project's name has as many words in the question."""
    asked = _words(question)
    held: list[tuple[int, float, str]] = []
    for project in set(projects):
        words = _words(project)
        if words:
            held.append((len(words & asked), len(words & asked) / len(words), project))
    held.sort(reverse=True)
    if not held or held[0][1] < MIN_PROJECT_SHARE or (len(held) > 1 and held[1][0] == held[0][0]):
        return None
    return held[0][2]


def _owner(texts: SourceTexts, doc_id: str) -> str:
    record = texts.record(doc_id)
    return f"{record.department}{record.year or ''}年"


def field_answer(intent: QuestionPlan, fields: list[FormFieldRecord], texts: SourceTexts) -> Draft | None:
    """The asked header field of the named project's form, quoted with its label (the latest document's form
    when several years state it); a refusal when that form states none of the asked fields."""
    asked = asked_fields(intent.question)
    project = named_project(intent.question, (f.project for f in fields)) if asked else None
    if project is None:
        return None
    own = [f for f in fields if f.project == project]
    if texts.record(own[0].doc_id).department == project and _PROJECT_WORD not in intent.question:
        return None  # "某中心是什么性质的单位" asks of the body, not of the form its 部门整体 targets are set in
    latest = max(own, key=lambda f: texts.record(f.doc_id).year or 0).doc_id
    stated = {f.name: f for f in own if f.doc_id == latest}
    found = next((stated[name] for name in asked if name in stated), None)
    owner = _owner(texts, latest)
    if found is None and asked_aspects(intent.question):
        return None  # "什么时候完成": the text under the project's 实施周期 may say it
    if found is None:
        text = f"{NOT_FOUND_TEXT}{owner}“{project}”的{asked[0]}：该项目的绩效目标表未列明此项。"
        return Draft(Answer(question=intent.question, kind=AnswerKind.NOT_FOUND, text=text, route="fact"))
    citation = texts.cite(found.doc_id, found.label_start, found.end)
    value = readable(texts.text(found.doc_id)[found.start : found.end].strip())
    text = f"据{owner}绩效目标表，“{project}”的{found.name}为：{value}" + ("" if value.endswith(("。", "；")) else "。")
    return Draft(Answer(question=intent.question, kind=AnswerKind.TEXT, text=text, citations=[citation], route="fact"))


@dataclass(frozen=True)
class _Scored:
    fact: FactRecord
    named: bool  # the question says the indicator's name ("污水处理量目标是多少")
    share: float  # of the question's words, said by the indicator and its project
    measured: int  # of them said by what the indicator measures (its 三级指标 and description)


def _left_out(question: str) -> tuple[str, set[str]]:
    """The question without what it leaves out, and the words only the left-out part says ("不算重大故障" → 重大)."""
    rest = _LEAVES_OUT.sub(" ", question)
    left = {w for m in _LEAVES_OUT.finditer(question) for w in _words(m["what"])}
    return rest, left - _words(rest)


def indicator_answer(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts, display_unit: str) -> Draft | None:
    """The target of the indicator of a named project whose words the question holds, when nothing else is close:
    a figure question whose words are mostly said by the indicator and its project, one at least by what the
    indicator itself measures (a question naming only the project asks for something else), in a unit it asks."""
    if intent.operation is not Operation.LOOKUP or not intent.focus or not intent.asks_figure:
        return None
    focus, left_out = _left_out(intent.focus)
    achieved = asked_achievement(intent.question) is True
    asked = _words(focus) - target_words() - achieved_words()
    named = _words(intent.question)
    scored: list[_Scored] = []
    for fact in facts:
        if (fact.table_kind is not TableKind.PERFORMANCE or not fact.measure.endswith("指标") or fact.kind is FactKind.CHANGE
                or not named & _words(fact.subject) or is_achieved(fact.col_path) != achieved):
            continue
        names = indicator_names(fact)
        measures = "；".join(names)
        by_name = any(len(name) >= MIN_NAMED_CHARS and name in intent.question for name in names)
        if not _in_asked_unit(intent, fact, by_name):
            continue
        if averaged(intent.question) and not averaged(f"{fact.subject}{measures}"):
            continue  # "人均报酬" is no count of people
        said = f"{fact.subject} {fact.measure} {measures}"
        if asked and not (left_out & _words(said)):
            found = words_said_in(asked, said)
            if names and all(heads_differ(focus, asked - found, name) for name in names):
                continue  # 储备粮轮换 is not measured by 储备粮保管规模
            scored.append(_Scored(fact, by_name, len(found) / len(asked), len(words_said_in(found, measures))))
    scored.sort(key=lambda s: (-s.named, -s.share, -s.measured))
    if (not scored or scored[0].share < MIN_INDICATOR_SHARE or scored[0].share * len(asked) < MIN_INDICATOR_WORDS
            or not scored[0].measured):
        return None
    best = scored[0]
    if any((s.named, s.share, s.measured) == (best.named, best.share, best.measured) and s.fact.value != best.fact.value
           for s in scored[1:]):
        return None  # two indicators fit alike: which one is meant is not clear
    return _indicator_draft(intent, best.fact, texts, display_unit)


def words_said_in(asked: set[str], text: str) -> set[str]:
    """The asked words the text says, wherever the segmenter cut it (诉讼案 is said in 办理公益诉讼案件数)."""
    return {word for word in asked if word in text}


def _in_asked_unit(intent: QuestionPlan, fact: FactRecord, by_name: bool) -> bool:
    """The unit the question asks (几次 → 次), or with none asked, money where the question names money (a cost
    indicator never answers "处理了多少污水", a count never "多少钱"), a unit the question counts in (多少项; not 项 of
    项目), or any unit of an indicator it names ("污水处理量目标是多少": 万吨)."""
    if intent.unit_hint:
        return fact.unit in intent.unit_hint
    if is_money(fact.unit):
        return bool(NAMES_MONEY.search(intent.question))
    if ASKS_MONEY.search(intent.question):
        return False  # "单个项目最高资助多少钱" is never a count of 项
    counted = fact.unit and re.search(rf"(?:几|多少)\s*{re.escape(fact.unit)}", intent.question)
    return bool(counted or by_name)


def _indicator_draft(intent: QuestionPlan, fact: FactRecord, texts: SourceTexts, display_unit: str) -> Draft:
    value, unit = in_display_unit(fact.value, fact.unit, display_unit)
    value = rounded(value)
    citation = texts.cite_fact(fact)
    measures = "：".join(indicator_names(fact))
    said, stated = ("绩效自评的", "实际完成值为") if is_achieved(fact.col_path) else ("绩效目标的", "为")
    project = "" if fact.subject == fact.department else f"“{fact.subject}”"  # the department's own form: no project
    text = (f"{_owner(texts, fact.doc_id)}{project}{said}{fact.measure}（{measures}）{stated}"
            f"{shown(value, unit, fact.qualifier)}（见原文：{' '.join(citation.quote.split())}）。")
    answer = Answer(question=intent.question, kind=AnswerKind.NUMBER, text=text, value=float(value), unit=unit,
                    citations=[citation], route="fact")
    return Draft(answer, [(citation, fact.value)])
