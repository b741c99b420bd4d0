"""Follow-up questions: "那2024年呢？", "其中公务接待费呢？", "它占总支出多少？", "换成商务委呢", "比上年少了多少".

A follow-up is rewritten into the questions it may stand for, from the `Context` the previous answer returned,
most likely first; the first one answered is taken, and the answer says what it assumed. Nothing is kept on the
server.
"""

from __future__ import annotations

import re

from assistant.answer import Context
from assistant.intent import parse_question
from assistant.plan import AGAINST_BUDGET, Operation, QuestionPlan
from assistant.vocabulary import fund_words, is_budget_whole, owned_measures, split_funds
from index.fact_store import DocumentRecord
from ingest.facts import BUDGET_SIDES
from ingest.lexicon import tokens
from ingest.numbers import is_money

_LEAD = re.compile(r"^(?:那么|那|其中|换成|换为|改成|改为|换|再看看?|还有|再问)\s*")
_PART_OF_BEFORE = re.compile(r"^(?:那么|那)?\s*其中\s*")
_TAIL = re.compile(r"(?:的呢|呢|怎么样|如何)?\s*[？?。！!]*$")
_UNIT_POINTER = re.compile(r"这个|这家|该|此")  # before the last word of a sub-unit's name: "这个中心" is that unit
_PRONOUN = re.compile(r"它|这个|这项|该项|这一项|这笔钱|这笔|这块")
_PER_ONE = re.compile(r"(?:平均|人均|每个?人|每名|单价|每台|每辆)+")  # "平均每人多少钱", "单价多少": the item before's
_ELLIPSIS_MARK = re.compile(r"^(?:那么|那|其中|换成|换为|改成|改为|换)|呢\s*[？?]?$")
_ASKS = re.compile(r"多少|几|是否|有没有|为什么|为啥|原因|占|比|包括|哪|什么|啥|怎么|如何|谁")
# operations that need an item; asked without one, a follow-up is about the item before
_ITEM_OPERATIONS = {Operation.CHANGE, Operation.SHARE, Operation.GROWTH, Operation.PREVIOUS, Operation.TEXT, Operation.LOOKUP,
                    Operation.COMPLETION, Operation.LIST, Operation.DIFFERENCE, Operation.YEAR_CHANGE}
_OPERATOR_FIRST = re.compile(r"^(?:占|比|较|相比)")  # an operation whose left operand is left out
_WITH_MORE = re.compile(r"^(?:再)?(?:加上|算上|连同|包括|包含)")  # "加上事业收入一共呢": the item before, with that in it
_SEVERAL = re.compile(r"[两二三四五六七八九十几多]+(?:项|个|笔)")
_THIS_YEAR = re.compile(r"今年|本年度(?!(?:支出|收入)合计)")
_RELATIVE_YEAR = re.compile(r"^(?:去年|上年度?|上一年度?|前一年)$")
_THIS_PART = re.compile(r"[这那]一?部分")  # "这部分基本支出": the whole the question before named
_CLAUSE_MARKS = "，,。；;？?、 "
MAX_PART_CHARS = 10  # characters after 这部分 looked for in the question before
_AGAINST_YEAR_ONLY = re.compile(r"^(?:比|较|相比|跟|和|与|同)\s*(?:\d{4}|\d{2})\s*年")  # "比23年少了多少"


MAX_KIND_CHARS = 4  # the word naming what a pronoun points at: "这个项目", "这个中心"


def _pointed_at(body: str, item: str) -> str:
    """The question with its pronoun replaced by the item before; "这个项目" by the item up to its last 项目
    ("这个项目…多少万页" after "馆藏档案数字化加工项目里上年结转": that project, not its carry-over)."""
    pronoun = _PRONOUN.search(body)
    after = body[pronoun.end() :]
    for size in range(MAX_KIND_CHARS, 1, -1):
        kind = after[:size]
        if len(kind) == size and (at := item.rfind(kind)) >= 0:
            return f"{body[: pronoun.start()]}{item[: at + size]}{after[size:]}"
    return _PRONOUN.sub(item, body)


def context_of(plan: QuestionPlan, documents: list[DocumentRecord], answered_in: str | None = None) -> Context:
    """What an answer resolved, for the next question: the one department and year of its documents, else
    the one the question named (a refusal for 2019 names 2019 though no document is of that year), and the unit
    its figure came in, else the one the question asked for."""
    departments = {d.department for d in documents} or set(plan.departments)
    years = {d.year for d in documents if d.year} or set(plan.years)
    return Context(
        department=next(iter(departments))[:100] if len(departments) == 1 else None,
        unit=(plan.sub_unit or plan.unit_scope)[:100] or None,
        year=next(iter(years)) if len(years) == 1 else None,
        item=_item_of((plan.parts[0] if plan.operation is Operation.SHARE and plan.parts else _glossed(plan)),
                      plan.sub_unit)[:100] or None,
        basis=plan.basis and str(plan.basis), operation=str(plan.operation),
        topic=plan.topic[:200], answered_in=answered_in or (plan.unit_hint[0] if plan.unit_hint else None),
    )


def _glossed(plan: QuestionPlan) -> str:
    """The item asked, as the asker's bracketed gloss names it ("收入（本年收入合计）": 本年收入合计)."""
    term = plan.terms[0] if plan.terms else ""
    return term if term and plan.focus.endswith((f"（{term}）", f"({term})")) else plan.focus


def _item_of(focus: str, unit: str) -> str:
    """The item asked, without the sub-unit's name it was asked with ("某中心支出": 支出)."""
    return focus.replace(unit, "", 1) if unit and focus != unit else focus


def _without_unit_pronoun(body: str, unit: str | None) -> str:
    """The question without the words pointing back at the sub-unit asked before ("这个中心" after 某审计信息中心):
    the scope names it."""
    for pointer in _UNIT_POINTER.finditer(body):
        head = next((unit[-n:] for n in (2, 1) if unit and body.startswith(unit[-n:], pointer.end())), "")
        if head:
            return body[: pointer.start()] + body[pointer.end() + len(head) :]
    return body


def _part_named_before(body: str, topic: str) -> str:
    """"这部分基本支出" as the question before named it in full ("一般公共预算财政拨款基本支出中，人员经费…"), else as
    it is."""
    this = _THIS_PART.search(body)
    if this is None:
        return body
    rest = body[this.end() :]
    for length in range(min(len(rest), MAX_PART_CHARS), 1, -1):
        at = topic.find(rest[:length])
        if at >= 0:
            start = max(topic.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1
            return f"{body[: this.start()]}{topic[start : at + length]}{rest[length:]}"
    return body


def _this_year(body: str, context: Context, documents: list[DocumentRecord]) -> int | None:
    """The year 今年 means in a follow-up: the latest year of the department's documents, or None when the
    follow-up does not say 今年."""
    if not _THIS_YEAR.search(body):
        return None
    return max((d.year for d in documents if d.year and d.department == context.department), default=None)


def _asking(unit: str | None) -> str:
    """How a follow-up asks for a figure in the unit of the one before: 多少钱 for money, 多少张 for a count of 张."""
    return "是多少" if unit in (None, "%") else "多少钱" if is_money(unit) else f"多少{unit}"


def readings(question: str, context: Context, documents: list[DocumentRecord]) -> list[str]:
    """The questions a follow-up may stand for, with what it leaves out, most likely first (what the answer says
    it assumed); none when the question stands alone."""
    if not (context.department or context.year or context.item):
        return []
    body = _without_unit_pronoun(_TAIL.sub("", _LEAD.sub("", question.strip())), context.unit)
    plan = parse_question(body, documents)
    if plan.operation is Operation.RANK:
        return []
    names_body = bool(plan.departments)
    scope_department = "" if names_body else f"{context.department or ''}{context.unit or ''}"  # its unit's too
    named_years = {d.year for d in documents if d.department in plan.departments}
    against_only = bool(_AGAINST_YEAR_ONLY.match(body))  # names only the year compared with
    keeps_year = context.year and (not plan.years or against_only) and (not names_body or context.year in named_years)
    year = _this_year(body, context, documents) or context.year  # "今年预算多少" after last year's 决算: the latest year
    scope = f"{scope_department}{year}年" if keeps_year else scope_department
    only_basis = plan.basis and not plan.focus and not (names_body or plan.years) and context.item
    if plan.adds_up and not plan.focus and _SEVERAL.search(body):
        # "两项加起来多少": the item asked just before and this one, when the context holds both
        both = context.earlier_item and context.item and not names_body
        return [f"{scope}{context.earlier_item}和{context.item}加起来多少"] if both else []
    if _PART_OF_BEFORE.match(question.strip()) and context.item and plan.focus and not names_body:
        # "其中财政拨款多少", "那其中…": a part of the item before, never a figure of that name elsewhere
        part = _PART_OF_BEFORE.sub("", body)
        asking = "" if _ASKS.search(part) else _asking(context.answered_in)
        if not part.startswith(split_funds()) or plan.operation is Operation.SHARE:  # a share: of the item before
            return [f"{scope}{context.item}里{part}{asking}"]
        if is_budget_whole(context.item):  # "其中一般公共预算拨款" of 收入总计: that fund's money, an item of its own
            return [f"{scope}{part}{asking}", f"{scope}{context.item}里{part}{asking}"]
        return [f"{scope}{context.item}{part}{asking}"]  # "其中一般公共预算拨款" of an item: its row of that fund's table
    alternatives: list[str] = []
    with_more = bool(_WITH_MORE.match(body)) and not plan.focus  # "加上事业收入一共呢": no item of its own
    if _ELLIPSIS_MARK.search(question.strip()) and not _ASKS.search(body) and not with_more:
        # "那2024年呢" / "换成商务委呢" / "其中公务接待费呢": the previous question with one part replaced;
        # "年初预算呢": the same item, of another basis
        if (names_body or plan.years) and not plan.focus:
            rewritten = f"{scope}{body}{context.topic}"
        elif _RELATIVE_YEAR.match(body):  # "那去年呢": the same item, last year's
            rewritten = f"{scope}{context.item or ''}{body}{_asking(context.answered_in)}"
        else:
            rewritten = f"{scope}{context.item if only_basis else ''}{body}{_asking(context.answered_in)}"
            words = tokens(context.item or "")
            head = "".join(words[:-1] if len(words) > 1 else words)
            if head and plan.focus and not only_basis:  # "服务类呢" after 政府采购货物 (or 政府采购): maybe 政府采购里服务类
                alternatives.append(f"{scope}{head}里{body}是多少")
    elif context.compared_year and plan.operation in (Operation.CHANGE, Operation.DIFFERENCE) \
            and not (plan.focus or names_body or plan.years):
        # "少了多少" after "那2023年呢": this year's item against the year asked just before
        # "差了多少" after 去年的决算 and 今年的预算: this year's budget against last year's 决算
        bases = ((context.basis or "").removesuffix("数"), context.compared_basis.removesuffix("数")) \
            if context.compared_basis else ("", "")
        rewritten = f"{scope}{context.item or ''}{bases[0]}比{context.compared_year}年{bases[1]}{body}"
    elif plan.asks_reason and not plan.focus and context.topic and (not context.item or AGAINST_BUDGET.search(context.topic)):
        # "主要是什么原因" after "预算比2024年多了多少": that change's; "为什么少了" after "比年初预算少了多少": that gap's
        rewritten = f"{scope}{context.topic}，{body}"
    elif context.item and not names_body and owned_measures().intersection(plan.terms):
        # "年底还剩多少没花": the item before's, else the whole's; a balance is of a fund, not of its 支出 or 收入
        item = next((context.item.removesuffix(side) for side in BUDGET_SIDES if context.item.endswith(side)
                     and any(fund in context.item for fund in fund_words())), context.item)
        rewritten = f"{scope}{item}{body}"
        alternatives.append(f"{scope}{body}")
    else:
        item = context.item or ""
        body = _part_named_before(body, context.topic or "")
        text = _pointed_at(body, item) if _PRONOUN.search(body) else body
        # "占基本支出多少" leaves out what it is of: the item before
        lacks_left = _OPERATOR_FIRST.match(body) and plan.operation in (Operation.SHARE, Operation.CHANGE, Operation.DIFFERENCE) \
            or with_more
        no_item = len(plan.focus) < 2 or _PER_ONE.fullmatch(plan.focus)
        needs_item = (no_item and (plan.operation in _ITEM_OPERATIONS or plan.asks_reason) or lacks_left) \
            and not _PRONOUN.search(body)  # "为什么比年初预算多那么多": why the item before did
        # "比年初预算多了多少" after the 调整预算数: the basis asked before, against the one named now
        kept_basis = context.basis.removesuffix("数") if needs_item and lacks_left and context.basis \
            and plan.part_bases[:1] == [None] and plan.part_bases[1:] != [context.basis] else ""
        asking = _asking(context.answered_in) if with_more and not _ASKS.search(body) else ""
        rewritten = f"{scope}{item if needs_item else ''}{kept_basis}{text}{asking}"
        if item and not needs_item and plan.unit_hint and item not in text and not names_body:
            alternatives.append(f"{scope}{item}{text}")  # "计划新增多少册书" after a project: maybe that project's count
    return [] if rewritten == body else [rewritten, *alternatives]
