"""The assistant: understand → route → retrieve → answer → verify, composed as LangChain runnables."""

from __future__ import annotations

import re
import time
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from decimal import Decimal

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableBranch, RunnableLambda

from assistant.absence import absence_statements, states_inapplicable, states_outside
from assistant.answer import NOT_FOUND_TEXT, Answer, AnswerKind, Citation, Context
from assistant.audit_conflicts import AuditConflicts
from assistant.citations import BUDGET_GAP, DOUBTFUL_NOTE, EXPLAINS_WHY, SourceTexts, citation_is_exact, doubtful, quote_states
from assistant.config import AssistantConfig, DisplayUnit
from assistant.conversation import context_of, readings
from assistant.cross_document import Found, combined, of_basis, operand_plan, refusal
from assistant.departments import find_department, unit_named_of
from assistant.fact_cache import FactCache
from assistant.fact_matching import (ACCEPTED_BASES, ROUNDING, bare_item, names_unit, names_unit_by_its_words, of_one_fund,
                                     rank_facts, units_asked_of)
from assistant.fact_path import Draft, FactPath
from assistant.form_questions import asked_fields
from assistant.formatting import in_display_unit, readable, shown
from assistant.intent import asked_direction, asks_source, named_table, parse_question
from assistant.off_topic import OffTopic, off_topic, scope_message
from assistant.performance_answers import field_answer, indicator_answer
from assistant.plan import AGAINST_BUDGET, ALL_FUNDS_TABLES, ASKS_OUTTURN, PROJECT_ROW_TABLES, Operation, QuestionPlan
from assistant.project_units import project_unit_answer
from assistant.row_cells import row_cell_answer
from assistant.purposes import purpose_answer, what_money_answer
from assistant.rephrase import build_chat_model, rephrase
from assistant.retrieval_path import CAPTION_ROOM, RetrievalPath, asks_unit, only_captions
from assistant.stages import Stage, StageReport, ignore_stage
from assistant.state_memo import StateMemo
from assistant.sub_units import (is_unit_column, listed_by_own_part, office_sentences, own_office_item, speaks_of_unit,
                                 unit_written_out)
from assistant.suggestions import RELATED_COUNT, Suggestions
from assistant.unit_sums import unit_questions, units_combined
from assistant.vocabulary import glossary_headings, money_sources
from index.corpus_index import CorpusIndex, DocumentFilter
from index.fact_store import DocumentRecord, FactQuery, FactRecord
from index.retriever import HybridRetriever
from index.vector_backfill import require_vectors
from ingest.facts import BUDGET_SIDES
from ingest.model import Basis, Direction, DocumentKind, FactKind, TableKind
from ingest.numbers import is_money, to_wan
from ingest.punctuation import SENTENCE
from ingest.subjects import normalise
from ingest.tables import is_classification_row, is_total_label
from ingest.vocabulary import split_places, vocabulary

_ASKS_EXISTENCE = re.compile(r"有没有|有无|是否有|有.{1,12}吗|[是为]0|[是为]零|没有")
# figures computed from one document: with no year named, the department's latest document answers (and says its year)
_ONE_DOCUMENT = (Operation.SHARE, Operation.SUM, Operation.DIFFERENCE, Operation.CHANGE, Operation.GROWTH, Operation.ROW_RANK,
                 Operation.FILTER)
OPENING_KEPT = 16  # document filters whose opening questions are kept (the widget's scopes)
CHECKS_KEPT = 4096  # questions kept with whether the stored facts answer them (offered questions recur)


# whether a unit's money is in the document: "某分局在不在这本预算里", "部门预算包不包括某分局"
_ASKS_INCLUDED = re.compile(r"包不包括|包括不包括|包不包含|包含不包含|在不在|是否包括|是否包含|有没有包括|含不含|纳不纳入|是否纳入|有没有纳入")
_COVERED_UNITS = re.compile(r"纳入[^。；\n]{0,20}(?:预算|决算)编制范围")  # the units a document covers
# 决算数比预算数减少; "年初未安排预算，决算数主要是…": set against a budget of none
_SET_AGAINST_BUDGET = re.compile(rf"{BUDGET_GAP}|完成(?:年初|全年|调整后?)?预算|年初(?:未|没有)安排预算|年初预算未安排")
# "2024年度“三公”经费支出决算数小于预算数的主要原因：…": a budget gap's reason in a sentence of its own
_GAP_REASON = re.compile(rf"(?<![^。\n])(?P<item>[^。\n]{{2,40}}?)决算数?{BUDGET_GAP}数?的?(?:主要)?原因[^。\n]+。?")
MIN_GAP_ITEM_CHARS = 3  # an item this short (支出) is found in any sentence
_SET_AGAINST_A_YEAR = re.compile(r"(?:比|较|与)\s*(?:上年|上一年|去年|(?:19|20)\d{2}\s*年)")
MAX_REASON_CANDIDATES = 5  # places stating the item's 决算 looked at for one that gives the reason against its budget
MAX_NONE_QUOTES = 2  # places saying the document has none of an item that an answer quotes
_ASKS_MONEY = re.compile(r"多少钱|花了?多少|用了?多少|多少(?:万|亿)?元")  # "各个村卫生室分别花了多少钱"
_MONEY_FIGURE = re.compile(r"\d\s*(?:亿元|万元|元)")  # a sentence stating money, which a list of money asked needs
_GIVES_REASON = re.compile(r"原因|由于|因为|主要是|主要用于|为了")  # a sentence that explains, not only states
# what a question against last year asks that a document may not state, as a refusal names it
_GENERIC_TAILS = ("支出", "经费", "资金", "项目")  # words after an item's name that name no other item
_AGAINST_LAST_YEAR = {Operation.CHANGE: "比上年的增减", Operation.GROWTH: "比上年的增长幅度", Operation.PREVIOUS: "上年的数字"}
_STATES_SOURCE = re.compile(r"来源|来自|列支")  # a sentence saying where money comes from


class QuestionRejected(ValueError):
    """The question is empty or too long; the (Chinese) message says which, and `limit` is the longest allowed."""

    def __init__(self, message: str, limit: int):
        super().__init__(message)
        self.limit = limit


def checked_question_text(question: str | None, max_chars: int) -> str:
    """The question without surrounding space; raises `QuestionRejected` when that is empty or too long."""
    text = (question or "").strip()
    if not text:
        raise QuestionRejected("问题不能为空", max_chars)
    if len(text) > max_chars:
        raise QuestionRejected(f"问题过长：共 {len(text)} 字，最多 {max_chars} 字", max_chars)
    return text


@dataclass
class Turn:
    """State carried through the chain for one question."""

    question: str
    where: DocumentFilter
    started: float
    intent: QuestionPlan | None = None
    docs: list[DocumentRecord] = field(default_factory=list)
    draft: Draft | None = None
    refusal: str | None = None
    report: StageReport = ignore_stage
    stated_for: int | None = None  # the year asked, when only a later document states figures for it
    named_alone: bool = False  # the question names a sub-unit without its department
    own_office: bool = False  # the sub-unit asked is the department's own office (某局本级, 某局机关)
    written: str = ""  # the question with a unit's short name as the documents write it out (疾控中心 → 疾病预防控制中心)
    spoken_unit: str = ""  # a unit asked that its department's text only speaks of: money answers only if it names the unit

    @property
    def as_written(self) -> str:
        return self.written or self.question


def _side_asked_first(text: str, question: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Statements of none with those naming the side of the budget asked (有没有…支出: 支出, not 收入) first."""
    asked = [side for side in BUDGET_SIDES if side in question]
    return sorted(spans, key=lambda span: not any(side in text[span[0] : span[1]] for side in asked))


def _of_a_year(turn: Turn) -> bool:
    """Whether a why-question asks of a change from last year, not of the 决算 set against its budget."""
    return not AGAINST_BUDGET.search(turn.question)


_NAMED_AFTER = re.compile(r"(?:[（(][^（）()]{1,4}[)）])?[，,]\s*(?P<what>(?:为|是|即)[^，,。；;\n]{2,40})")


def _gives_reason(text: str) -> bool:
    """Whether an answer explains: by its reason words, or by saying where the money went or why none is held."""
    return bool(_GIVES_REASON.search(text) or EXPLAINS_WHY.search(text))


def _basis(document: DocumentRecord) -> Basis:
    """The kind of figure a document states of its own year: 预算数 in a budget, 决算数 in a final account."""
    return DocumentKind(document.kind).natural_basis


def _asks_money(intent: QuestionPlan) -> bool:
    """Whether the question asks an amount of money (not a count, a rate or text)."""
    return intent.wants_number and all(is_money(unit) for unit in intent.unit_hint)


def _is_final(document: DocumentRecord) -> bool:
    return _basis(document) is Basis.FINAL


def _names_asked(answer: Answer, intent: QuestionPlan) -> bool:
    """Whether an answer names the asked item in one of its wordings (公务接待费 for 招待费), quotes aside, with or
    without the basis and side said after it (住房公积金管理 of 住房公积金管理决算支出)."""
    said = normalise(answer.text)
    terms = [intent.focus, *intent.terms]
    bare = [bare_item(next((t.removesuffix(side) for side in BUDGET_SIDES if t.endswith(side)), t)) for t in terms]
    return any(term and normalise(term) in said for term in [*terms, *bare])


def _no_final_account(budgets: list[DocumentRecord]) -> str:
    """Why a 决算 asked of budgets is not answered: they state budgeted figures only."""
    published = "、".join(dict.fromkeys(f"{d.department}{d.year or ''}年{d.kind}" for d in budgets))
    return f"{NOT_FOUND_TEXT}所问的决算数：已公开的{published}只列预算数，不含决算数。"


def _last_set_against_budget(text: str, start: int, reason: tuple[int, int]) -> bool:
    """Whether the last comparison before a reason's 原因 (from `start`) sets the 决算 against its budget, not against
    last year ("完成预算的96.46%；与2023年度决算…相比，增加…，主要原因是…" gives the year's reason)."""
    cause = text.find("原因", *reason)
    lead = text[start : cause if cause >= 0 else reason[1]]
    against_budget = max((m.end() for m in _SET_AGAINST_BUDGET.finditer(lead)), default=-1)
    return against_budget > max((m.end() for m in _SET_AGAINST_A_YEAR.finditer(lead)), default=-1)


def _as_its_whole(fact: FactRecord, unit: str) -> FactRecord:
    """A sentence's figure named by the unit's name ("某中心支出决算412.37万元", "某中心支出预算320万元") as the item
    its other words say (支出决算, 支出预算), the way its department's item is asked; other figures as they are."""
    if fact.origin != "text" or fact.scope != unit or not fact.subject.startswith(unit):
        return fact
    if rest := fact.subject[len(unit) :]:
        return replace(fact, subject=rest)
    return replace(fact, subject=fact.measure, measure="金额") if fact.measure != "金额" else fact


class Assistant:
    """Answers questions about the indexed disclosures with exact, cited figures.

    Refuses to start (`VectorsMissing`) in a retrieval mode that reads vectors while some chunks lack one."""

    def __init__(self, index: CorpusIndex, config: AssistantConfig | None = None, llm: BaseChatModel | None = None):
        self.index = index
        self.config = config = config or AssistantConfig()
        require_vectors(index, config.retrieval_mode)
        self.texts = SourceTexts(index.facts)
        index.on_change(self.texts.forget)
        self.audit = AuditConflicts(index.facts, self.texts)
        index.on_change(self.audit.forget)
        self.fact_cache = FactCache(index.facts)
        # money in the configured unit, or in the unit a question asks for (多少元), keyed by (unit, asked)
        self._fact_paths = {(unit, asked): FactPath(self.texts, unit, asked) for unit in DisplayUnit for asked in (False, True)}
        self._retrieval_paths = {(unit, asked): RetrievalPath(self.texts, unit, asked)
                                 for unit in DisplayUnit for asked in (False, True)}
        if llm is None and config.llm_base_url:
            llm = build_chat_model(config.llm_base_url, config.llm_model)
        self.llm = llm
        self._opening: StateMemo[DocumentFilter, list[str]] = StateMemo(OPENING_KEPT)
        self._answered: StateMemo[tuple[DocumentFilter, str], bool] = StateMemo(CHECKS_KEPT)
        self.chain: Runnable[Turn, Answer] = (
            RunnableLambda(self._understand)
            | RunnableBranch(
                (lambda t: t.refusal is not None, RunnableLambda(lambda t: t)),
                (lambda t: t.intent.wants_number, RunnableLambda(self._numeric)),
                RunnableLambda(self._textual),
            )
            | RunnableLambda(self._verify)
            | RunnableLambda(self._polish)
        )

    def ask(self, question: str, filters: DocumentFilter | None = None, context: Context | None = None,
            on_stage: StageReport = ignore_stage) -> Answer:
        """One question in, one cited answer out; with the previous answer's `context`, a follow-up is
        understood from it; `on_stage` hears each step as it starts. Raises `QuestionRejected` for empty
        or over-long input."""
        question = checked_question_text(question, self.config.max_question_chars)
        with self.index.facts.one_generation():  # one state of the index for the whole question
            started = time.perf_counter()
            where = filters or DocumentFilter()
            documents = self.index.documents(where)
            if (reason := self._off_topic(question, documents)) is not None:
                return self._scope_answer(question, reason, where, started)
            assumed, answer = self._follow_up(question, context, documents, where, started, on_stage)
            if context and answer.context and context.year and answer.context.year not in (None, context.year) \
                    and answer.context.department == context.department:  # "那2023年呢": the next 少了多少 compares the two
                compared = {"compared_year": context.year,
                            "compared_basis": context.basis if context.basis != answer.context.basis else None}
                answer = answer.model_copy(update={"context": answer.context.model_copy(update=compared)})
            if context and answer.context and context.item and answer.context.item not in (None, context.item) \
                    and (answer.context.department, answer.context.year) == (context.department, context.year):
                # "公用经费呢" after 人员经费: the next "两项加起来" adds the two
                answer = answer.model_copy(update={"context": answer.context.model_copy(update={"earlier_item": context.item})})
            if assumed is None:  # the question as asked, also where a unit's short name was read as the documents write it
                return answer if answer.question == question else answer.model_copy(update={"question": question})
            text = f"（按上文理解为：{assumed}）{answer.text}"
            return answer.model_copy(update={"question": question, "assumed": assumed, "text": text})

    def _follow_up(self, question: str, context: Context | None, documents: list[DocumentRecord], where: DocumentFilter,
                   started: float, on_stage: StageReport) -> tuple[str | None, Answer]:
        """The answer to the first reading of a follow-up that is answered (else to its most likely reading), and
        that reading; the question itself when it stands alone."""
        options: list[str | None] = list(readings(question, context, documents)) if context else []
        refused: list[tuple[str | None, Answer]] = []
        for reading in options or [None]:
            answer = self.chain.invoke(Turn(reading or question, where, started, report=on_stage))
            if answer.kind is not AnswerKind.NOT_FOUND:
                return reading, answer
            refused.append((reading, answer))
        return refused[0]

    def reply(self, question: str, filters: DocumentFilter | None = None, context: Context | None = None,
              on_stage: StageReport = ignore_stage) -> Answer:
        """`ask`, with two questions to offer next (`related`), each one the stored facts answer."""
        with self.index.facts.one_generation():
            answer = self.ask(question, filters, context, on_stage)
            if answer.related:  # a scope message carries its example questions already
                return answer
            where = filters or DocumentFilter()
            related = self._suggestions(where).related(answer, self.opening_questions(where))
            return answer.model_copy(update={"related": related})

    def opening_questions(self, filters: DocumentFilter | None = None) -> list[str]:
        """A few questions to start a conversation with, made from what the index holds, each one it answers;
        worked out once per state of the index."""
        where = filters or DocumentFilter()
        return self._opening.get(self.index.facts.generation(), where, lambda: self._suggestions(where).opening())

    def answers_from_facts(self, question: str, filters: DocumentFilter | None = None) -> bool:
        """Whether the stored facts alone answer `question` with one figure (no search, no ambiguity): what a
        question the assistant offers must do."""
        turn = self._understand(Turn(question, filters or DocumentFilter(), time.perf_counter()))
        if turn.refusal is not None or not turn.intent.wants_number:
            return False
        draft = self._fact_path(turn).answer(turn.intent, self._facts(turn), turn.docs)
        return draft is not None and draft.answer.kind is AnswerKind.NUMBER

    def _suggestions(self, where: DocumentFilter) -> Suggestions:
        state = self.index.facts.generation()
        return Suggestions(self.index.documents(where), lambda question: self._answers(state, where, question))

    def _answers(self, state: tuple[int, str], where: DocumentFilter, question: str) -> bool:
        """`answers_from_facts`, worked out once per state of the index: the questions offered after an answer
        about a department recur after every other answer about it."""
        return self._answered.get(state, (where, question), lambda: self.answers_from_facts(question, where))

    def _off_topic(self, question: str, documents: list[DocumentRecord]) -> OffTopic | None:
        named = find_department(question, [d.department for d in documents])
        return off_topic(question, bool(named.departments or named.unknown), self.fact_cache.states_item)

    def _scope_answer(self, question: str, reason: OffTopic, where: DocumentFilter, started: float) -> Answer:
        examples = self.opening_questions(where)[:RELATED_COUNT]
        return Answer(question=question, kind=AnswerKind.OUT_OF_SCOPE, text=scope_message(reason, examples),
                      related=examples, timing_ms=(time.perf_counter() - started) * 1000)

    def retriever(self, where: DocumentFilter, k: int | None = None) -> HybridRetriever:
        return HybridRetriever(index=self.index, k=k or self.config.top_k, where=where, mode=self.config.retrieval_mode,
                               dense_weight=self.config.dense_weight)

    # ---- steps ---------------------------------------------------------------------------
    def _understand(self, turn: Turn) -> Turn:
        turn.report(Stage.UNDERSTAND)
        available = self.index.documents(turn.where)
        turn.intent = parse_question(turn.question, available)
        if self._one_item_joined(turn.intent):  # "水利工程运行与维护一共支出多少": one item whose name holds 与
            turn.intent = replace(turn.intent, operation=Operation.LOOKUP, parts=[])
        return self._resolve(turn, available)

    def _one_item_joined(self, intent: QuestionPlan) -> bool:
        """Whether a sum of two parts split at 和/与 is one item the documents state under the joined name."""
        if intent.operation is not Operation.SUM or len(intent.parts) != 2 or intent.operands:
            return False
        item = next((intent.focus.removesuffix(tail) for tail in _GENERIC_TAILS if intent.focus.endswith(tail)), intent.focus)
        return self.fact_cache.states_item(item)

    def _resolve(self, turn: Turn, available: list[DocumentRecord]) -> Turn:
        """The documents among `available` that answer the turn's plan, or a refusal when none does."""
        intent, named_alone = turn.intent, False
        if intent.unknown_body and not any(d.department in intent.departments for d in available):
            # "审计数据分析中心2025年收入": a 下属单位 no document is of, a row of its department's tables
            if intent.unknown_body.endswith(tuple(vocabulary().weak_organs)) \
                    and (written := self._written_out(intent.unknown_body, available)) \
                    and (as_written := parse_question(turn.question.replace(intent.unknown_body, written, 1), available)).unknown_body:
                # "某县疾控中心" of a department whose documents write only 某县疾病预防控制中心: asked by the name they write,
                # where that name is a unit's, not an indexed department's
                turn.written, turn.intent = as_written.question, as_written
                intent = turn.intent
            holders, scoped = self._unit_places(intent.unknown_body, available)
            if holders or scoped:
                intent.departments = sorted({d.department for d in holders or scoped[1]})
                intent.sub_unit, intent.unknown_body, named_alone = intent.unknown_body, None, True
            elif spoken := self._unit_spoken_of(intent.unknown_body, available):
                # "某州民族语文工作站有多少编制": a unit only its department's words speak of (事业编制…（民族语文工作站14名）)
                if intent.asks_figure and (outside := self._kept_outside(turn.question, spoken, available)):
                    turn.draft, turn.refusal = outside, outside.answer.text
                    return turn
                intent.departments = [spoken[0]]
                intent.sub_unit, intent.unknown_body, named_alone = spoken[1], None, True
        if intent.departments:
            available = [d for d in available if d.department in intent.departments]
        unit = intent.sub_unit or intent.unknown_body
        if unit and _ASKS_INCLUDED.search(turn.question) and (said := self._inclusion_said(turn.question, unit, available)):
            turn.draft, turn.refusal = said, ""  # "某分局在不在这本预算里": the sentence that says, quoted
            return turn
        if unit_questions(intent):
            intent.sub_unit = ""  # a sum over units: each unit is asked alone
        if intent.sub_unit and intent.sub_unit in turn.question and (written := self._written_out(intent.sub_unit, available)):
            # "交警支队" of a document that writes only 交通警察支队: asked by the name it writes
            named = turn.question.replace(intent.sub_unit, written, 1)
            turn.intent = intent = replace(parse_question(named, available), question=turn.question)
        if intent.sub_unit in vocabulary().own_office:
            if refusal := self._to_own_office(intent, available):
                turn.refusal = refusal
                return turn
            turn.own_office = bool(intent.sub_unit)
        # "潆湾区社会福利院收支预算": answered from the unit's own tables, else, when no table has a row of it, its paragraph
        holders = self._holders(intent.sub_unit, available) if intent.sub_unit else []
        # a unit with a row in its department's tables by unit: its project tables do not hold its whole money
        scoped = self._unit_tables(intent.sub_unit, available, PROJECT_ROW_TABLES if holders else ()) if intent.sub_unit else None
        if intent.sub_unit and not scoped and not holders:
            scoped = self._unit_paragraph(intent.sub_unit, available)
        if scoped:
            turn.intent = intent = self._as_unit(turn, scoped, available, named_alone)
            holders = self._holders(intent.sub_unit, available) if intent.sub_unit else []
        turn.named_alone = named_alone
        if intent.sub_unit and not holders and not turn.own_office:  # an office with no row: only its sentences
            if intent.asks_figure and not any(speaks_of_unit(self.texts.text(d.doc_id), intent.sub_unit) for d in available):
                # a unit its department names only as an item (博物馆（项）), or never
                turn.refusal = f"{NOT_FOUND_TEXT}“{intent.sub_unit}”的相关数据。"
                return turn
            # a unit the text speaks of (扫黑办 of 政法委): the department's document answers, with a figure naming it
            turn.spoken_unit, intent.sub_unit = intent.sub_unit, ""
        docs = [d for d in available if not intent.years or d.year in intent.years]
        finals = [d for d in available if d.year == intent.as_of and _is_final(d)]
        if finals:  # "到2024年底": the 2024 final account states the year-end, a 2025 budget only some date before it
            docs, intent.years = finals, [intent.as_of]
        if not intent.years and intent.wants_number and intent.basis in (Basis.FINAL, Basis.EXECUTION) \
                and any(_is_final(d) for d in docs):
            docs = [d for d in docs if _is_final(d)]  # "去年决算实际花了多少": what was spent is in a final account
        if not intent.years and intent.operation in _ONE_DOCUMENT and len({d.department for d in docs}) == 1:
            latest = max((d.year or 0 for d in docs), default=0)
            docs = [d for d in docs if (d.year or 0) == latest]
        if intent.operation is Operation.YEAR_CHANGE:  # like with like: a budget against last year's budget
            later = [d for d in docs if d.year == max(intent.years)]
            asked = intent.basis or (_basis(later[0]) if later else None)
            docs = [d for d in docs if asked is None or _basis(d) in ACCEPTED_BASES[asked]]
        if intent.operation is Operation.YEAR_CHANGE and {d.year for d in docs} == {max(intent.years)}:
            # "2020年比2019年增加了多少" with only the 2020 document: the change (or rate) that document states
            intent.operation = Operation.GROWTH if intent.asks_rate else Operation.CHANGE
            intent.years = [max(intent.years)]
        looked_up = intent.operation is Operation.LOOKUP
        if not docs and len(intent.years) == 1 and intent.wants_number and intent.operation is Operation.LOOKUP:
            # a year with no document of its own may be "上年" of the next year's document: its 预算执行数 is
            # stated there; its budget is that document's figure less the stated change
            docs = [d for d in available if d.year == intent.years[0] + 1]
            if docs and intent.basis is not Basis.EXECUTION:
                if re.search(r"决算", turn.question) or ASKS_OUTTURN.search(turn.question):
                    docs = [d for d in docs if _is_final(d)]  # a budget's 上年 is last year's budget, not its outturn
                intent.operation = Operation.PREVIOUS
        if not docs and len(intent.years) == 1 and intent.wants_number and looked_up:
            # a year further back may be a column of a later document ("2023年决算数" in a 2025 budget), a year ahead
            # a plan an earlier one states (中期财政规划: "2026年规划数" in a 2025 budget)
            others = [d for d in available if d.year is not None and d.year != intent.years[0]]
            stating = self.index.facts.stating_period((d.doc_id for d in others), intent.years[0]) if others else set()
            docs = [d for d in others if d.doc_id in stating]
            turn.stated_for = intent.years[0] if docs else None
            intent.operation = Operation.LOOKUP
        if intent.basis is Basis.EXECUTION and docs and all(_is_final(d) and d.year in (intent.years or [d.year]) for d in docs):
            intent.basis = Basis.FINAL  # what a year actually spent, asked of that year's final account, is its 决算
        turn.docs = docs
        if not docs:
            scope = "".join(f"{y}年" for y in turn.intent.years) + "".join(turn.intent.departments)
            turn.refusal = f"{NOT_FOUND_TEXT}{scope}的相关文件或数据。"
        elif intent.basis is Basis.FINAL and not any(_is_final(d) for d in docs) and not intent.operands \
                and turn.stated_for is None:
            turn.refusal = _no_final_account(docs)  # "2025年招待费决算" of a 2025 budget: not published in it
        return turn

    def _numeric(self, turn: Turn) -> Turn:
        turn.report(Stage.SEARCH)
        if turn.intent.operands:
            return self._across(turn)
        if questions := unit_questions(turn.intent):  # "A卫生院和B卫生院的事业收入一共多少": each unit asked alone
            if combined := units_combined(turn.intent, [self._asked_alone(turn, question) for question in questions]):
                turn.draft = combined
                return turn
        facts = self._facts(turn)
        if not turn.intent.unit_hint:  # "要扫多少画幅": a unit only the documents' figures use
            turn.intent.unit_hint = units_asked_of(turn.question, facts)
        if turn.intent.tables:  # "部门支出总表里…", "用全部资金": those tables' figures first
            asked = [f for f in facts if f.table_kind in turn.intent.tables]
            turn.draft = self._fact_path(turn).answer(turn.intent, asked, turn.docs)
            if turn.draft is None and named_table(turn.question) in turn.intent.tables:
                return turn  # "支出总表里这一项": the table the question names answers it, or nothing does
            if turn.intent.tables == ALL_FUNDS_TABLES:  # "算上上年结转": never one fund's figure, which leaves it out,
                facts = [f for f in facts if not of_one_fund(f) and f.table_kind is not TableKind.PERFORMANCE]  # nor a target
        turn.draft = turn.draft or self._fact_path(turn).answer(turn.intent, facts, turn.docs)
        if turn.draft is None and turn.intent.operation is Operation.YEAR_CHANGE:
            turn.draft = self._stated_in_the_later(turn)  # the earlier document does not state the item
        if turn.intent.sub_unit:  # only the unit's own row answers, else what its own paragraph states
            if turn.draft is None and (scoped := self._unit_tables(turn.intent.sub_unit, turn.docs)
                                       or self._unit_paragraph(turn.intent.sub_unit, turn.docs)):
                unit = replace(turn, intent=self._as_unit(turn, scoped, turn.docs, turn.named_alone))
                turn.draft = self._fact_path(unit).answer(unit.intent, self._facts(unit), turn.docs) \
                    or self._unit_sentence(unit)
            if turn.draft is None and turn.own_office:  # "审计局本级机关运行经费": the sentence stating the office's
                office = replace(turn.intent, sub_unit="")
                turn.draft = self._fact_path(turn).answer(office, office_sentences(facts), turn.docs)
            return turn
        turn.draft = turn.draft or indicator_answer(turn.intent, facts, self.texts, self.config.display_unit)
        if turn.draft is None and turn.intent.operation in (Operation.LOOKUP, Operation.CHANGE, Operation.COMPLETION) \
                and turn.stated_for is None:  # a later document's prose speaks of its own year
            retrieved = self._retrieve(turn)
            turn.draft = self._retrieval_path(turn).number_answer(turn.intent, retrieved)
            if turn.draft is not None and turn.intent.unit_scope and not self._of_unit(turn.draft, turn.intent.unit_scope):
                turn.draft = None  # a unit with tables of its own: never a figure its department's sentence gives
            if turn.draft is None and not turn.intent.asks_figure:
                turn.draft = self._retrieval_path(turn).text_answer(turn.intent, retrieved)
        if turn.draft is None and turn.intent.operation in _AGAINST_LAST_YEAR:
            # "比上年多了多少" that this year's document does not state: against last year's document, else said so
            turn.draft = self._against_last_years_document(turn) \
                or self._level_only(turn, _AGAINST_LAST_YEAR[turn.intent.operation])
        if turn.draft is not None and turn.draft.answer.kind == AnswerKind.NUMBER and asks_source(turn.question):
            turn.draft = self._with_source(turn, turn.draft)  # "买X的钱从哪来，多少钱": both
        plain_lookup = turn.intent.operation is Operation.LOOKUP and "比" not in turn.question
        if len(turn.docs) != 1 or not plain_lookup:
            return turn
        if turn.draft is not None and not _names_asked(turn.draft.answer, turn.intent):
            # a figure of another item found for words of the asked one, where the document says it has none of it
            if absent := self._with_absence(replace(turn, draft=None), turn.docs[0]):
                turn.draft = absent
                return turn
        turn.draft = self._with_absence(turn, turn.docs[0])  # 0 said with its reason; another figure flagged
        return turn

    def _unit_sentence(self, turn: Turn) -> Draft | None:
        """The figure a retrieved sentence naming the turn's unit states ("某中心为公益一类事业单位，其公用经费72.36万元…")."""
        if turn.intent.operation is not Operation.LOOKUP:
            return None
        draft = self._retrieval_path(turn).number_answer(turn.intent, self._retrieve(turn))
        return draft if draft is not None and self._of_unit(draft, turn.intent.unit_scope) else None

    def _of_unit(self, draft: Draft, unit: str) -> bool:
        """Whether the figure a draft cites stands in a paragraph that names the sub-unit `unit`."""
        cited = draft.answer.citations[0]
        return names_unit(unit, self.texts.line(cited.doc_id, cited.start, cited.end))

    def _stated_in_the_later(self, turn: Turn) -> Draft | None:
        """A change between two years the later year's document states itself ("与2024年相比增加0.50万元")."""
        later = [d for d in turn.docs if d.year == max(turn.intent.years)]
        stated = replace(turn.intent, operation=Operation.GROWTH if turn.intent.asks_rate else Operation.CHANGE,
                         years=[max(turn.intent.years)])
        return self._fact_path(turn).answer(stated, self.fact_cache.facts([d.doc_id for d in later]), later)

    def _against_last_years_document(self, turn: Turn) -> Draft | None:
        """Last year's figure, or the change from it, read in the department's document of the year before of the
        same kind (a budget's 上年 is last year's budget)."""
        if len(turn.docs) != 1 or turn.docs[0].year is None:
            return None
        this = turn.docs[0]
        earlier = [d for d in self.index.documents(turn.where)
                   if d.department == this.department and d.kind == this.kind and d.year == this.year - 1]
        if len(earlier) != 1:
            return None
        if turn.intent.operation is Operation.PREVIOUS:
            asked = replace(turn.intent, operation=Operation.LOOKUP, years=[this.year - 1], named_years=[this.year - 1])
            return self._fact_path(turn).answer(asked, self.fact_cache.facts([earlier[0].doc_id]), earlier)
        asked = replace(turn.intent, operation=Operation.YEAR_CHANGE, years=[this.year - 1, this.year],
                        named_years=[this.year - 1, this.year])
        both = [earlier[0], this]
        return self._fact_path(turn).answer(asked, self.fact_cache.facts([d.doc_id for d in both]), both)

    def _level_only(self, turn: Turn, missing: str) -> Draft | None:
        """A change, growth, last year's figure or the reason for a change no document states, where this year's
        figure is: said so (`missing`: what is not stated), with this year's figure cited, so no one reads the
        refusal as the item missing."""
        if not turn.intent.focus:
            return None
        asked = replace(turn.intent, operation=Operation.LOOKUP, wants_number=True, asks_figure=True)
        level = self._fact_path(turn).answer(asked, self._facts(turn), turn.docs)
        if level is None or level.answer.kind != AnswerKind.NUMBER or not _names_asked(level.answer, turn.intent):
            return None
        text = f"{NOT_FOUND_TEXT}“{turn.intent.focus}”{missing}。文件列出的是：{level.answer.text}"
        update = {"kind": AnswerKind.NOT_FOUND, "text": text, "value": None, "unit": None}
        return Draft(level.answer.model_copy(update=update), level.checks)

    def _with_source(self, turn: Turn, figure: Draft) -> Draft:
        """A figure asked with where its money comes from: the figure, then the sentence stating its source, cited."""
        said = self._retrieval_path(turn).text_answer(replace(turn.intent, wants_number=False, asks_figure=False),
                                                      self._retrieve(turn))
        source = next((c for c in said.answer.citations if _STATES_SOURCE.search(c.quote)), None) if said else None
        answer = figure.answer
        if source is None:
            cells = self._source_cells(turn, answer.citations)
            if not cells:
                return figure
            unit = self.config.display_unit
            stated = "、".join(f"{f.measure.split('/')[-1]}{shown(*in_display_unit(f.value, f.unit, unit))}" for f in cells)
            return Draft(answer.model_copy(update={"text": f"{answer.text}资金来源：{stated}。"}), figure.checks, figure.amount)
        update = {"text": f"{answer.text}资金来源：{readable(source.quote)}", "citations": [*answer.citations, source]}
        return Draft(answer.model_copy(update=update), figure.checks, figure.amount)

    def _source_cells(self, turn: Turn, citations: list[Citation]) -> list[FactRecord]:
        """The cells of a cited project row, other than its total, in columns naming where money comes from and
        holding some (上年结转 45.00): the row's citation already quotes them."""
        cited = {(c.doc_id, c.start) for c in citations}
        return [f for f in self._facts(turn) if f.origin == "table" and f.table_kind is TableKind.PROJECTS
                and (f.doc_id, f.start) in cited and f.value and not is_total_label(f.measure.split("/")[-1])
                and any(word in f.measure for word in money_sources())]

    def _unit_rows(self, subject: str, available: list[DocumentRecord], limit: int = 1000) -> list[FactRecord]:
        """Table figures among `available` whose row names `subject`, in tables whose rows may be units (a project or
        indicator table's rows are projects) and in rows of no 科目编码 (2070205 博物馆 is a classification item)."""
        found = self.index.facts.facts(FactQuery(subject=subject, doc_ids=tuple(d.doc_id for d in available), limit=limit))
        return [f for f in found if f.origin == "table" and f.table_kind not in PROJECT_ROW_TABLES
                and not is_classification_row(f.row_path)]

    def _unit_places(self, body: str, available: list[DocumentRecord]
                     ) -> tuple[list[DocumentRecord], tuple[str, list[DocumentRecord]] | None]:
        """Where a body no document is of stands as a sub-unit: the documents with a row of it, and its own tables or
        paragraph with their documents."""
        return self._holders(body, available), self._unit_tables(body, available) or self._unit_paragraph(body, available)

    def _holders(self, body: str, available: list[DocumentRecord]) -> list[DocumentRecord]:
        """The documents among `available` whose tables have a row of `body` (a sub-unit in a table by unit)."""
        holding = {f.doc_id for f in self._unit_rows(body, available, limit=50) if f.subject.endswith(body)}
        columns = self.index.facts.facts(FactQuery(measure=body, doc_ids=tuple(d.doc_id for d in available), limit=50))
        holding |= {f.doc_id for f in columns if f.origin == "table" and is_unit_column(f, body)}  # 合计 | 本级 | 某中心
        return [d for d in available if d.doc_id in holding]

    def _unit_spoken_of(self, body: str, available: list[DocumentRecord]) -> tuple[str, str] | None:
        """(department, the unit's name in its words) when the documents of exactly one department speak of the body
        by its name, its places left out when they are the department's; None otherwise. Only a body of the kind
        units are (中心, 站, 所) is taken for one: 某市教育局 is never a unit of the 某市职业技术学院 that names it."""
        if not body.endswith(tuple(vocabulary().weak_organs)):
            return None
        found = {(d.department, name) for d in available
                 if (name := unit_named_of(body, d.department)) and speaks_of_unit(self.texts.text(d.doc_id), name)}
        return found.pop() if len(found) == 1 else None

    def _written_out(self, short: str, available: list[DocumentRecord]) -> str | None:
        """The one full name the documents write for a unit asked by a short name, or None."""
        names = {unit_written_out(self.texts.text(d.doc_id), short) for d in available} - {None}
        return names.pop() if len(names) == 1 else None

    def _inclusion_said(self, question: str, unit: str, available: list[DocumentRecord]) -> Draft | None:
        """The sentence of the department's documents that says whether the unit's money is in them: one naming the unit
        (or, in a list of units sharing their organ word, its own part: 涑西区 of "涑西区、峪城区4个辖区大队") that keeps
        it out ("不在本预算中反映", "单独编报") or lists it among the units the document covers; None when none says."""
        for doc in available:
            text = self.texts.text(doc.doc_id)
            for sentence in SENTENCE.finditer(text):
                said = sentence.group()
                if (unit in said or listed_by_own_part(unit, said)) and (states_outside(said) or _COVERED_UNITS.search(said)):
                    citation = self.texts.cite(doc.doc_id, sentence.start(), sentence.end())
                    told = f"{doc.department}{doc.year or ''}年公开文件说明：{readable(said.strip())}"
                    return Draft(Answer(question=question, kind="text", text=told, citations=[citation], route="fact"))
        return None

    def _kept_outside(self, question: str, spoken: tuple[str, str], available: list[DocumentRecord]) -> Draft | None:
        """The refusal quoting the department's sentence that keeps the unit's money out of its document ("所属某中心
        另行编制单位预算，不包含在本预算中"), or None when no sentence naming the unit says so."""
        department, unit = spoken
        for doc in (d for d in available if d.department == department):
            text = self.texts.text(doc.doc_id)
            said = next((m for m in SENTENCE.finditer(text) if unit in m.group() and states_outside(m.group())), None)
            if said:
                citation = self.texts.cite(doc.doc_id, said.start(), said.end())
                told = f"{NOT_FOUND_TEXT}“{unit}”的数字。{department}{doc.year or ''}年公开文件说明：“{readable(said.group().strip())}”"
                return Draft(Answer(question=question, kind="not_found", text=told, citations=[citation], route="fact"))
        return None

    def _to_own_office(self, intent: QuestionPlan, available: list[DocumentRecord]) -> str | None:
        """Money asked of the department's own office (某局机关的招待费) is its office's row, never the department's
        whole: the plan is scoped to that row, or the refusal is returned when no one row stands for it. Anything
        else asked of 机关 (商务委机关有几个内设机构) is the department's own words."""
        if not _asks_money(intent):
            intent.sub_unit = ""
            return None
        office = self._own_office(available)
        if office is None and not office_sentences(self.fact_cache.facts([d.doc_id for d in available])):
            return f"{NOT_FOUND_TEXT}“{intent.sub_unit}”单列的数据。"
        word = intent.sub_unit
        intent.focus, intent.sub_unit = own_office_item(intent.focus, word), office or word
        intent.terms = list(dict.fromkeys(own_office_item(term, word) for term in intent.terms))
        if intent.operation is Operation.SHARE:  # "本级收入预算占部门收入预算": the office row's 收入预算 over the total row's
            intent.parts = [own_office_item(part, word) for part in intent.parts]
        return None

    def _own_office(self, available: list[DocumentRecord]) -> str | None:
        """The one row label naming the department's own office in tables of its units: 某局机关 or 机关本级, else a
        row of the department's own name, its place before it or not (某局（本级）, read without its note); None when
        none or several do."""
        words = vocabulary().own_office  # asked as 机关, printed as 本级 or the other way round
        departments = {d.department for d in available}
        named = departments | {split_places(d)[1] for d in departments}  # 菰坳乡人民政府（本级） of 某县菰坳乡人民政府
        found = [f for name in (*words, *named) for f in self._unit_rows(name, available)]
        for fits in (lambda s: s.endswith(words), lambda s: s in named):
            rows = {f.subject for f in found if fits(f.subject)}
            if rows:
                return next(iter(rows)) if len(rows) == 1 else None
        return None

    def _unit_tables(self, body: str, available: list[DocumentRecord], but: Collection[TableKind] = ()
                     ) -> tuple[str, list[DocumentRecord]] | None:
        """The sub-unit a body names whose own tables (of kinds other than `but`) stand in documents among `available`
        (潆湾区社会福利院2025年收支预算表 in its department's budget), with those documents; None when no table is of it."""
        for doc in available:
            for table in self.texts.tables(doc.doc_id):
                if table.scope and table.kind not in but and names_unit(table.scope, body):
                    return table.scope, [d for d in available if any(t.scope == table.scope for t in self.texts.tables(d.doc_id))]
        return None

    def _unit_paragraph(self, body: str, available: list[DocumentRecord]) -> tuple[str, list[DocumentRecord]] | None:
        """The sub-unit a body names whose own paragraph states its figures ("某中心为本部门所属事业单位…2025年该中心
        收入预算…"), with the documents it stands in; None when no paragraph is of it."""
        scopes = self.index.facts.sub_unit_scopes(d.doc_id for d in available) if available else {}
        named = [scope for found in scopes.values() for scope in found if names_unit_by_its_words(scope, body)]
        if not named:
            return None
        unit = min(named, key=lambda scope: (scope != body, len(scope), scope))  # the unit's own name, whatever the order
        return unit, [d for d in available if unit in scopes.get(d.doc_id, ())]

    def _as_unit(self, turn: Turn, scoped: tuple[str, list[DocumentRecord]], available: list[DocumentRecord],
                 named_alone: bool) -> QuestionPlan:
        """The plan of a question about a sub-unit asked as of its department, answered from the unit's own figures."""
        department = scoped[1][0].department if named_alone else ""  # named alone, it is asked as of its department
        named = turn.as_written.replace(turn.intent.sub_unit, department, 1)
        return replace(parse_question(named, available), question=turn.as_written, unit_scope=scoped[0])

    def _fact_path(self, turn: Turn) -> FactPath:
        """The fact path showing money in the unit the question asks for (多少元), else the configured one."""
        return self._fact_paths[self._shown_unit(turn)]

    def _retrieval_path(self, turn: Turn) -> RetrievalPath:
        return self._retrieval_paths[self._shown_unit(turn)]

    def _shown_unit(self, turn: Turn) -> tuple[DisplayUnit, bool]:
        """The unit money is shown in, and whether the question asked for it."""
        asked = turn.intent.money_unit
        return (asked, True) if asked else (self.config.display_unit, False)

    def _facts(self, turn: Turn) -> list[FactRecord]:
        facts = self.fact_cache.facts([d.doc_id for d in turn.docs])
        if turn.stated_for is not None:  # only the figures the later document states for the year asked
            facts = [f for f in facts if f.period == turn.stated_for]
        if turn.intent and (unit := turn.intent.unit_scope):  # the unit's tables, and sentences naming it
            facts = [_as_its_whole(f, unit) for f in facts
                     if f.scope == unit or f.origin == "text" and names_unit(unit, f.subject)]
        return facts

    def _asked_alone(self, turn: Turn, question: str) -> Draft | None:
        """The figure a question standing for one operand of the turn's question finds, or None."""
        own = self._understand(Turn(question, turn.where, turn.started))
        return self._numeric(own).draft if own.refusal is None and own.intent.wants_number else None

    def _across(self, turn: Turn) -> Turn:
        """An item in two documents: each operand answered as the one-department question it stands for (its
        documents resolved and its figure looked up as such a question's are), then the two added or compared."""
        available = self.index.documents(turn.where)
        found = []
        for operand in turn.intent.operands:
            own = Turn(turn.question, turn.where, turn.started, intent=operand_plan(turn.intent, operand, available))
            own = self._resolve(own, available)
            if own.stated_for is None:  # a later document stating the year's figures states them of any basis
                own.docs = of_basis(own.docs, operand.basis)
            found.append(Found(operand, self._numeric(own).draft if own.docs else None, tuple(own.docs)))
        turn.refusal = refusal(turn.intent, found)
        turn.draft = None if turn.refusal else combined(turn.intent, found)
        return turn

    def _reason(self, turn: Turn) -> Draft | None:
        """Why an item changed: the change the document states for it, then the reason it gives after it; why its
        决算 differs from its budget ("为什么比预算少"): the reason its own paragraph gives after its figure."""
        if AGAINST_BUDGET.search(turn.intent.question) and (against := self._reason_against_budget(turn)):
            return against
        changed = replace(turn.intent, operation=Operation.CHANGE)
        found = self._fact_path(turn).stated_change(changed, self._facts(turn))
        steady = found is None
        if steady:  # "与上年持平（，主要原因是…）": no change to explain, or the statement gives its own reason
            found = self._fact_path(turn).answer(changed, self._facts(turn), turn.docs)
            if found is None or found.answer.value != 0:
                return None
        stated = found.answer.citations[-1]
        # the reason for the way the document says the item went ("减少10万元"), not a sibling item's beside it
        direction = turn.intent.direction or asked_direction(stated.quote)
        span = self.texts.reason_after(stated.doc_id, stated.start, stated.end, direction, of_year=_of_a_year(turn))
        if steady or (span is not None and span[0] < stated.end):  # said in the statement quoted, or nothing changed
            answer = found.answer.model_copy(update={"question": turn.question, "kind": "text", "value": None, "unit": None})
            return Draft(answer, found.checks)
        if stated.table is not None:
            told = self._told_in_prose(turn) or self._same_change_said(turn, found, direction)
        else:  # a sentence giving no reason: the same change stated elsewhere with one ("财政拨款支出增加…，主要原因是…")
            told = self._same_change_said(turn, found, direction) if span is None else None
        if told:  # a table states the change; the item's own paragraph gives the reason, not what follows the table
            said, span = told
            citations = [stated, said]
        elif span is None:
            return None
        else:
            citations = [stated]
        reason = self.texts.cite(stated.doc_id, *span, citations[-1].page)
        text = f"{found.answer.text}{readable(reason.quote)}"
        answer = Answer(question=turn.question, kind="text", text=text, citations=[*citations, reason], route="fact")
        return Draft(answer, found.checks)

    def _reason_against_budget(self, turn: Turn) -> Draft | None:
        """The item's 决算 in a sentence that sets it against its budget, and the reason given right after
        ("支出决算为18.46万元，决算数比预算数减少3.54万元，主要原因是…"), or None."""
        stated = [f for f in self._facts(turn) if f.origin == "text" and f.basis is Basis.FINAL]
        for scored in rank_facts(stated, turn.intent.terms, turn.question)[:MAX_REASON_CANDIDATES]:
            fact, text = scored.fact, self.texts.text(scored.fact.doc_id)
            span = self.texts.reason_after(fact.doc_id, fact.start, fact.end)
            passed = 0  # reasons of the change from last year said first ("比2023年决算增加…，主要原因是…")
            while span and passed < MAX_REASON_CANDIDATES and "\n" not in text[fact.end : span[0]] \
                    and not _last_set_against_budget(text, fact.end, span):
                span, passed = self.texts.reason_after(fact.doc_id, span[1], span[1]), passed + 1
            between = text[fact.end : span[0]] if span else ""
            if span and "\n" not in between and _last_set_against_budget(text, fact.end, span):
                # one quote from the figure to where its gap from the budget is said, which the answer shows too
                # (only the figure, where a year's reason stands between)
                said_end = fact.end if passed else fact.end + len(between.rstrip("，,；; "))
                said = self.texts.cite(fact.doc_id, fact.start, said_end, fact.page)
                reason = self.texts.cite(fact.doc_id, *span, fact.page)
                text = f"{readable(said.quote).rstrip('。；;，, ')}；{readable(reason.quote)}"
                return Draft(Answer(question=turn.question, kind="text", text=text, citations=[said, reason], route="fact"))
        return self._gap_reason_of_its_own(turn)

    def _gap_reason_of_its_own(self, turn: Turn) -> Draft | None:
        """A paragraph of its own giving the reason the item's 决算 fell short of or passed its budget ("2024年度“三公”
        经费支出决算数小于预算数的主要原因：…"), after the item's parts; None when no such sentence names the item."""
        item = normalise(turn.intent.terms[0]) if turn.intent.terms else ""
        if len(item) < MIN_GAP_ITEM_CHARS:
            return None
        for doc in turn.docs:
            said = next((m for m in _GAP_REASON.finditer(self.texts.text(doc.doc_id)) if item in normalise(m["item"])), None)
            if said:
                reason = self.texts.cite(doc.doc_id, said.start(), said.end())
                return Draft(Answer(question=turn.question, kind="text", text=readable(reason.quote), citations=[reason],
                                    route="fact"))
        return None

    def _told_in_prose(self, turn: Turn) -> tuple[Citation, tuple[int, int]] | None:
        """The item's figure in a sentence, and the reason its own paragraph gives after it ("公务接待费0.80万元，…，减少的
        原因是…"), or None."""
        said = [f for f in self._facts(turn) if f.origin == "text"]
        asked = replace(turn.intent, operation=Operation.LOOKUP, wants_number=True, asks_figure=True)
        found = self._fact_path(turn).answer(asked, said, turn.docs)
        if found is None or not found.answer.citations:
            return None
        figure = found.answer.citations[0]
        span = self.texts.reason_after(figure.doc_id, figure.start, figure.end, turn.intent.direction, of_year=_of_a_year(turn))
        if span is None or "\n" in self.texts.text(figure.doc_id)[figure.end : span[0]]:
            return None
        return figure, span

    def _same_change_said(self, turn: Turn, found: Draft, direction: Direction | None) -> tuple[Citation, tuple[int, int]] | None:
        """The sentence stating the same change under another name ("城市中小学校舍建设（项）…比上年减少85.00万元" for
        a project row's 增减额 -85.00; "财政拨款支出增加…" for 一般公共预算财政拨款支出's), and the reason its paragraph
        gives after it; None unless exactly one reason is given so ("收支预算总额各减少…" is one, though it is stated of
        both sides)."""
        stated, value = found.answer.citations[-1], found.answer.value
        if value is None or not is_money(found.answer.unit) or direction is None:
            return None
        amount = to_wan(Decimal(str(value)), found.answer.unit)
        same = {(f.start, f.end): f for f in self._facts(turn) if f.origin == "text" and f.kind is FactKind.CHANGE
                and f.doc_id == stated.doc_id and f.direction is direction and f.amount_wan is not None
                and abs(abs(f.amount_wan) - amount) <= ROUNDING}  # one figure, whatever items it is stated of
        text = self.texts.text(stated.doc_id)
        told = {}
        for fact in same.values():
            span = self.texts.reason_after(fact.doc_id, fact.start, fact.end, direction, of_year=_of_a_year(turn))
            if span is not None and "\n" not in text[fact.end : span[0]]:
                told.setdefault(span, fact)  # the reason its own paragraph gives
        if len(told) != 1:
            return None
        span, fact = next(iter(told.items()))
        return self.texts.cite(fact.doc_id, fact.start, fact.end, fact.page), span

    def _with_absence(self, turn: Turn, doc: DocumentRecord) -> Draft | None:
        """Where the document says it has none of the item, the answer quotes that instead of a bare 0 or a refusal,
        and beside any other figure says the document contradicts itself."""
        if not turn.intent.focus:  # the whole budget: a sentence saying 没有 of some item is not about it
            return turn.draft
        if turn.intent.named_years and doc.year not in turn.intent.named_years:
            return turn.draft  # the 2025 budget's "无…" says nothing of 2024's outturn
        source = self.texts.text(doc.doc_id)
        said_none = absence_statements(source, [turn.intent.focus, *turn.intent.terms], doc.year,
                                       first_budget=turn.intent.basis is Basis.INITIAL_BUDGET)
        spans = _side_asked_first(source, turn.question, said_none)
        if not spans:
            return turn.draft
        citation = self.texts.cite(doc.doc_id, *spans[0])
        said = readable(citation.quote.strip())
        if turn.draft is None and turn.intent.wants_number and turn.intent.asks_figure and not states_inapplicable(said):
            # the document says there is none: the figure is 0, and the answer says why
            unit = turn.intent.unit_hint[0] if turn.intent.unit_hint else self.config.display_unit
            item = next((term for term in turn.intent.terms if term in said), turn.intent.focus)  # as the document says it
            text = f"{doc.department}{doc.year or ''}年{item}为0{unit}：公开文件说明“{said}”"
            return Draft(Answer(question=turn.question, kind="number", text=text, value=0.0, unit=unit,
                                citations=[citation], route="fact"))
        if turn.draft is None:  # every place saying so, up to a few: the 说明's sentence and the empty table's note
            citations = [citation, *(self.texts.cite(doc.doc_id, *span) for span in spans[1:MAX_NONE_QUOTES])]
            said = "；".join(readable(c.quote.strip()).rstrip("。；;") for c in citations) + "。"
            text = f"{doc.department}{doc.year or ''}年公开文件说明：{said}"
            if turn.intent.asks_figure and states_outside(said):  # "不纳入本单位决算": a figure the document does not give
                return Draft(Answer(question=turn.question, kind="not_found", text=f"{NOT_FOUND_TEXT}所问的数字。{text}",
                                    citations=citations, route="fact"))
            return Draft(Answer(question=turn.question, kind="text", text=text, citations=citations, route="fact"))
        answer = turn.draft.answer
        note = f"原文说明：{said}" if not answer.value else f"注意：文件另处说明“{said}”，与此数字不一致。"
        update = {"text": f"{answer.text}{note}", "citations": [*answer.citations, citation]}
        return Draft(answer.model_copy(update=update), turn.draft.checks)

    def _textual(self, turn: Turn) -> Turn:
        turn.report(Stage.SEARCH)
        if turn.intent.operation is Operation.LIST:
            turn.draft = self._fact_path(turn).answer(turn.intent, self._facts(turn), turn.docs)
            if turn.draft is None and len(turn.intent.parts) >= 2:
                return turn  # "门诊收入和住院收入各是多少": each named item's figure, or not found; never a sentence
        elif turn.intent.asks_reason and turn.intent.terms:  # an item's reason, or the whole budget's
            turn.draft = self._reason(turn)
        if turn.intent.asks_purpose and turn.docs:  # where no 用于 clause says: what the money is said to be for
            said = purpose_answer(turn.intent, self._facts(turn), self.texts) \
                or what_money_answer(turn.intent, self._facts(turn), self.texts, of_use=True)
            turn.draft = Draft(said) if said else None
        if turn.intent.asks_what_money and turn.docs:  # "其他收入是哪来的": what its own figure's sentence says it is
            said = what_money_answer(turn.intent, self._facts(turn), self.texts)
            turn.draft = Draft(self._with_glossary(turn, said)) if said else turn.draft
        if turn.intent.asks_name and not turn.intent.focus and turn.docs:
            turn.draft = self._full_name(turn, turn.docs[0])  # "区府办的全称": the name the document is published under
        if turn.draft is None and len(turn.docs) == 1 and _ASKS_EXISTENCE.search(turn.question):
            turn.draft = self._with_absence(turn, turn.docs[0])  # "有下属单位吗" → "无下属单位"
            if turn.draft is None and not (turn.intent.asks_reason or turn.intent.asks_definition):
                turn.draft = self._existence(turn)  # "有没有出国经费": yes or no by its figure; "为啥没有用完" is no such question
        if turn.draft is None and turn.docs and asked_fields(turn.intent.question):  # a field of a 绩效目标表 (项目性质 …)
            turn.draft = field_answer(turn.intent, self.index.facts.form_fields(d.doc_id for d in turn.docs), self.texts) \
                or project_unit_answer(turn.intent, self._facts(turn), self.texts)  # or the unit its 项目表 row names
        if turn.draft is None and turn.docs:  # "某中心是什么性质的单位": the 单位性质 cell of its row in a table of units
            turn.draft = row_cell_answer(turn.intent, turn.docs, self.texts)
        if turn.draft is None:
            turn.draft = self._retrieval_path(turn).text_answer(turn.intent, self._retrieve(turn))
            if turn.draft and turn.intent.operation is Operation.LIST and _ASKS_MONEY.search(turn.question) \
                    and not _MONEY_FIGURE.search(turn.draft.answer.text):
                turn.draft = None  # "各个村卫生室分别花了多少钱": a sentence that only names them answers nothing
            if turn.intent.asks_reason and not (turn.draft and _gives_reason(turn.draft.answer.text)):
                # "为啥减少了" where the document states no change of the item: said so, beside its figure
                direction = turn.intent.direction
                turn.draft = self._unexplained(turn) or (
                    direction and self._level_only(turn, f"比上年{direction}的说明及原因")) or turn.draft
        return turn

    def _with_glossary(self, turn: Turn, said: Answer) -> Answer:
        """What an item's own sentence says it is, followed by the glossary's general entry for the item when the
        documents define it ("财政专户管理资金收入：指…")."""
        entry = self._retrieval_path(turn).glossary_citation(turn.intent, self._retrieve(turn))
        if entry is None or any(c.doc_id == entry.doc_id and c.start == entry.start for c in said.citations):
            return said
        return said.model_copy(update={"text": f"{said.text}名词解释：{readable(entry.quote.strip())}",
                                       "citations": [*said.citations, entry]})

    def _unexplained(self, turn: Turn) -> Draft | None:
        """Why an item changed, where the document states the change and no reason for it: the change, and so."""
        found = self._fact_path(turn).stated_change(replace(turn.intent, operation=Operation.CHANGE), self._facts(turn))
        if found is None:
            return None
        text = f"{found.answer.text}公开文件未说明这一变化的原因。"
        answer = found.answer.model_copy(update={"question": turn.question, "kind": "text", "value": None, "unit": None,
                                                 "text": text})
        return Draft(answer, found.checks)

    def _existence(self, turn: Turn) -> Draft | None:
        """"有没有出国经费": yes or no by the item's own figure, which the answer gives and cites."""
        if not turn.intent.focus:
            return None
        asked = replace(turn.intent, operation=Operation.LOOKUP, wants_number=True, asks_figure=True)
        found = self._fact_path(turn).answer(asked, self._facts(turn), turn.docs)
        if found is None or found.answer.kind != AnswerKind.NUMBER or found.answer.value is None:
            return None
        said = "有" if found.answer.value > 0 else "没有"
        answer = found.answer.model_copy(update={"question": turn.question, "text": f"{said}。{found.answer.text}"})
        if not found.answer.value and (why := self._why_none(turn)):  # "年初有预算吗" of a 0.00: what the document says
            answer = answer.model_copy(update={"text": f"{answer.text}{readable(why.quote)}",
                                               "citations": [*answer.citations, why]})
        elif found.answer.value and (what := self._what_it_is(found.answer.citations)):  # "有没有…设备": which one
            answer = answer.model_copy(update={"text": f"{answer.text.rstrip('。')}，{readable(what.quote)}。",
                                               "citations": [*answer.citations, what]})
        return Draft(answer, found.checks, found.amount)

    def _what_it_is(self, citations: list[Citation]) -> Citation | None:
        """The clause right after a cited count naming what it counts ("专用设备1台（套），为区游泳馆池水循环净化系统"), or None."""
        if not citations:
            return None
        cited = citations[0]
        named = _NAMED_AFTER.match(self.texts.text(cited.doc_id), cited.end)
        return self.texts.cite(cited.doc_id, named.start("what"), named.end("what"), cited.page) if named else None

    def _why_none(self, turn: Turn) -> Citation | None:
        """What the document says of an item it puts at nothing ("年初预算为0.00万元…年初预算未安排，年中追加…"): the
        explanation after the item's sentence stating a zero, or None."""
        zeros = [f for f in self._facts(turn) if f.origin == "text" and f.value == 0]
        for scored in rank_facts(zeros, turn.intent.terms, turn.question)[:MAX_REASON_CANDIDATES]:
            if span := self.texts.reason_after(scored.fact.doc_id, scored.fact.start, scored.fact.end):
                return self.texts.cite(scored.fact.doc_id, *span, scored.fact.page)
        return None

    def _full_name(self, turn: Turn, doc: DocumentRecord) -> Draft | None:
        """The department's full name, cited where the document first prints it."""
        at = self.texts.text(doc.doc_id).find(doc.department)
        if at < 0:
            return None
        citation = self.texts.cite(doc.doc_id, at, at + len(doc.department))
        text = f"全称是“{doc.department}”（见{doc.year or ''}年公开文件）。"
        return Draft(Answer(question=turn.question, kind="text", text=text, citations=[citation], route="fact"))

    def _retrieve(self, turn: Turn):
        """Chunks of the documents the question was resolved to, best first."""
        glossary = glossary_headings() if turn.intent.asks_definition else ()  # where terms are defined
        query = " ".join(filter(None, [turn.intent.focus, turn.question, *glossary]))
        where = replace(turn.where, doc_ids=tuple(d.doc_id for d in turn.docs))
        if asks_unit(turn.question):
            return self.retriever(where).invoke(query)
        # a chunk of nothing but tables' caption lines ("部门名称：某局 单位：万元") tells only the unit: it takes no place
        found = self.retriever(where, self.config.top_k * CAPTION_ROOM).invoke(query)
        return [d for d in found if not only_captions(d.page_content)][: self.config.top_k]

    def _verify(self, turn: Turn) -> Answer:
        turn.report(Stage.VERIFY)
        answer = self.audit.flag(self._checked(turn))  # a cited figure the document contradicts is said so
        turn.report(Stage.COMPOSE)
        return answer

    def _checked(self, turn: Turn) -> Answer:
        """The draft if every citation is exact and states its figure; otherwise (or with no draft) a refusal."""
        elapsed = lambda: (time.perf_counter() - turn.started) * 1000  # noqa: E731
        if turn.spoken_unit and turn.draft is not None and turn.draft.answer.kind == AnswerKind.NUMBER \
                and is_money(turn.draft.answer.unit) and turn.spoken_unit not in turn.draft.answer.text \
                and not any(turn.spoken_unit in c.quote for c in turn.draft.answer.citations):
            # "某分站的人员经费" where the only money found is the whole body's: the unit's own is not stated (what an office
            # of it does, 扫黑办印发文件20个, its department's targets say)
            turn.draft, turn.refusal = None, f"{NOT_FOUND_TEXT}“{turn.spoken_unit}”单列的数据。"
        if turn.draft is None:
            focus = turn.intent.focus if turn.intent else ""
            text = turn.refusal or (f"{NOT_FOUND_TEXT}按项目列出、可与“{turn.intent.bound}”相比的项目支出。" if turn.intent
                                    and turn.intent.operation is Operation.FILTER
                                    else f"{NOT_FOUND_TEXT}“{focus or turn.question}”的相关内容。")
            context = context_of(turn.intent, turn.docs) if turn.intent else None  # what a next question builds on
            return Answer(question=turn.question, kind="not_found", text=text, timing_ms=elapsed(), context=context)
        answer = turn.draft.answer
        exact = all(citation_is_exact(c, self.texts) for c in answer.citations)
        stated = all(quote_states(c, v) for c, v in turn.draft.checks)
        if not exact or not stated:
            text = f"{NOT_FOUND_TEXT}可核对出处的“{turn.intent.focus or turn.question}”数据。"
            return Answer(question=turn.question, kind="not_found", text=text, timing_ms=elapsed(),
                          context=context_of(turn.intent, turn.docs))
        if any(doubtful(c) for c in answer.citations):  # read from a scan with little confidence: said so
            answer = answer.model_copy(update={"text": f"{answer.text}{DOUBTFUL_NOTE}"})
        answered_in = answer.unit if answer.kind == "number" else None
        cited = {c.doc_id for c in answer.citations}  # what the answer resolved: the documents it quotes
        documents = [d for d in turn.docs if d.doc_id in cited] or turn.docs
        return answer.model_copy(update={"timing_ms": elapsed(), "context": context_of(turn.intent, documents, answered_in)})

    def _polish(self, answer: Answer) -> Answer:
        return rephrase(answer, self.llm) if self.llm is not None else answer
