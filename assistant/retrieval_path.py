"""The retrieval path: hybrid search, then an extractive answer made of the best source sentences.

Also the numeric fallback: when no fact matches, a figure printed right after the asked item in a
retrieved sentence is taken, still cited; anything less certain is a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from langchain_core.documents import Document

from assistant.answer import Answer, Citation
from assistant.citations import REASON_STATED, SourceTexts
from assistant.fact_matching import averaged, names_the_whole, whole_names
from assistant.fact_path import Draft
from assistant.formatting import in_display_unit, quoted_clause, readable, shown
from assistant.listings import listing_after
from assistant.plan import BODY_NATURE, Operation, QuestionPlan
from assistant.section_answers import best_section, duties_naming
from assistant.vocabulary import asked_aspects, asked_detail, generic_item_words
from index.query_expansion import canonical_terms, canonical_variants
from ingest.facts import basis_in
from ingest.lexicon import search_terms
from ingest.model import DocumentKind
from ingest.numbers import NUMBER, TABLE_UNIT, is_money
from ingest.punctuation import QUOTES, SENTENCE
from ingest.subjects import normalise
from ingest.tables import list_mark, strip_list_mark

MIN_SENTENCE_SCORE = 0.5  # share of the question's words a sentence must contain
ANSWER_SENTENCES = 2
SECOND_SENTENCE_MARGIN = 0.2  # a second sentence joins the answer only when it fits nearly as well as the best
REASON_BONUS = 0.1  # asked why, a sentence that gives a reason itself beats one nearly as good that only states the change
LIST_CHARS = 600  # most of a paragraph quoted for a list question
_SENTENCE_ENDS = "。！？；;!?"
MAX_SENTENCE_CHARS = 300
TABLE_ROW_COST = 0.1  # a row's cells match words without saying anything about them
ROW_OVER_PROSE = 0.25  # how much better a row must fit to be quoted beside prose in a text answer
LISTING_MARGIN = 0.35  # a sentence listing things ("…：甲、乙") this close to the best answers "有哪些" before it
_WHITESPACE = re.compile(r"\s+")
# a disclosure's title line: "某局2024年度部门决算", "某局2025年部门预算_预算公开_某区人民政府"
_TITLE_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}(?:19|20)\d{2}年度?(?:部门|单位)(?:预算|决算)(?:公开)?(?:说明)?(?:_[^。，；]*)?$")
_REASON_FOR = re.compile(r"^(?P<claim>[^，,。；;的]{2,16})的(?:主要)?原因")  # "年初无预算的主要原因是…": the claim it explains
# "…单位：甲、乙", not "X：指甲、乙"; "下辖溪口、石楠3所村完全小学", counted after the names
_ENUMERATES = re.compile(r"(?:[：:](?![^、。；;]{0,12}?指)|分别(?:是|为))[^。；;]*?、"
                         r"|(?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}\d+(?:所|个|家|处|座)")
NAMED_BODY_BONUS = 0.05  # "福利院是…的事业单位" over other sentences with the same words
DEFINITION_BONUS = 0.2  # "年末结转和结余：指…" over other sentences naming the word
_ENTRY_NUMBER = r"(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)"  # "（6）", "2．", "8、" opening an entry
_GLOSSARY_MARK = rf"^[ \t\u3000]*{_ENTRY_NUMBER}?"
_GLOSSARY_ENTRY = re.compile(rf"^\s*{_ENTRY_NUMBER}[^：:，。；]{{2,16}}[：:]")  # "8、机关运行费：…", a numbered entry
# whose a table is, said on the line above it ("部门名称：某局 单位：万元"): it answers only a question about the unit
# whose a table is, and its form's number ("公开02表"): caption words that say nothing else
_TABLE_OWNER = re.compile(r"(?:部门|单位|预算单位|编制单位)(?:名称)?\s*[:：]\s*[\u4e00-\u9fff（）()]+(?:\d{4}年度?)?|(?:公开|附)表?\s*[\d一二三四五六七八九十]+\s*表")
CAPTION_ROOM = 3  # chunks looked at per chunk kept, so those of caption lines alone make room for others
_TABLE_NUMBERS = re.compile(r"(?:表\s*[\d一二三四五六七八九十]+\s*)+")  # "表7 表8": the numbers of tables a chunk's captions head
_CONTINUED = re.compile(r"^\s*(?:续表|[（(]续(?:表)?[)）])")  # a table going on under its caption again
_CAPTION_JOIN = re.compile(r"((?:万元|千元|亿元|元))(?=\S)")  # "单位：万元部门名称：…": captions run together in a chunk
_ASKS_UNIT = re.compile(r"金额单位|计量单位|什么单位(?!的)|以什么为单位|是元还是万元|是万元还是元|单位是(?:元|万元|什么|啥)")
_DOES = re.compile(r"承担|负责|主要职责|主要职能|主要从事|主要任务")  # what a body named before it does
_FIGURES_ONLY = re.compile(r"[\s\d.,，%％+\-−—()（）]*")  # "其他收入280.00\t245.60\t-34.40" once the item is out
_DEFINES = re.compile(r"[:：]\s*(?:是|指|包括|反映)|是指|指的是|系指")  # 反映: a classification item's entry
_FIGURE = re.compile(rf"(?P<num>{NUMBER.pattern})\s*(?P<unit>亿元|万元|千元|元|%)")
# a proper name in prose: quoted (“…”, 《…》) or a named project or works (社区服务中心新建工程), not "的项目" or "个项目"
_NAMES_LISTED = re.compile(r"(?=([\u4e00-\u9fff]{2,})、([\u4e00-\u9fff]{2,}))")  # two names side by side, at any start
_NAME = re.compile(r"[“《「][^”》」]{4,}[”》」]|[\u4e00-\u9fff]{3,}(?<![的个等类些该此各])(?<!采购)(?:项目|工程)")  # not 政府采购工程


def _bare(text: str) -> str:
    """Text without quote marks, so “三公”经费 matches 三公经费 (offsets are not used on it)."""
    return QUOTES.sub("", text)


def _original_offset(text: str, bare_offset: int) -> int:
    """The offset in `text` of the character at `bare_offset` in `_bare(text)`."""
    kept = 0
    for at, char in enumerate(text):
        if kept == bare_offset:
            return at
        kept += not QUOTES.fullmatch(char)
    return len(text)


_CLAUSE_START = re.compile(r"[，,。；;：:、（(\s]|相比|比|与|和|及|其中|包括")


def _narrower(text: str, at: int, intent: QuestionPlan) -> bool:
    """Whether the words right before an item's name in its clause make it another, narrower item the
    question does not name ("财政拨款" before 收入支出总计); years, numbers and generic words do not."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, at)]
    prefix = text[max(starts, default=0) : at]
    generic = generic_item_words()
    return any(len(w) >= 2 and not w.isdigit() and w not in generic and w not in intent.question
               for w in search_terms(prefix))


def steady_draft(intent: QuestionPlan, sentence: Sentence, steady: tuple[int, int], texts: SourceTexts,
                 display_unit: str) -> Draft:
    """'No change from last year', citing the item's sentence and the 持平 statement."""
    record = texts.record(sentence.doc_id)
    citations = [texts.cite(sentence.doc_id, sentence.start, sentence.end, sentence.page)]
    if steady != (sentence.start, sentence.end):
        citations.append(texts.cite(sentence.doc_id, steady[0], steady[1], sentence.page))
    said = quoted_clause(citations[-1].quote)
    text = f"{record.department}{record.year or ''}年{intent.focus}与上年持平，无增减变化（原文：{said}）。"
    answer = Answer(question=intent.question, kind="number", text=text, value=0.0, unit=display_unit,
                    citations=citations, route="retrieval")
    return Draft(answer)


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str
    page: int | None
    score: float
    row: bool = False  # a table row, not a sentence


def _sentences(doc: Document, texts: SourceTexts) -> list[tuple[int, int, str]]:
    """Answer units of a chunk: sentences of prose, whole rows of a table."""
    source = texts.text(doc.metadata["doc_id"])
    out: list[tuple[int, int, str]] = []
    if doc.metadata.get("chunk_kind") == "table":
        return [(start, end, re.sub(r"\s*\n\s*|\t", "，", source[start:end])) for start, end in doc.metadata["spans"]]
    for start, end in doc.metadata["spans"]:
        for match in SENTENCE.finditer(source, start, end):
            text = match.group().strip()
            if text:
                lead = len(match.group()) - len(match.group().lstrip())
                out.append((match.start() + lead, match.start() + lead + len(text), text))
    return out


def rank_sentences(term_sets: list[set[str]], docs: list[Document], texts: SourceTexts, named: str = "") -> list[Sentence]:
    """Sentences of the retrieved chunks scored by the share of the asked words they contain, under the best
    of the question's wordings (its own, or with a colloquial word in the documents' terms); a table row
    counts a little less than a sentence, so a text answer quotes prose when prose says it, and a sentence
    about the body asked of (it opens with its name, `named`) a little more."""
    seen: set[tuple[str, int]] = set()
    ranked: list[Sentence] = []
    for rank, doc in enumerate(docs):
        row_cost = TABLE_ROW_COST if doc.metadata.get("chunk_kind") == "table" else 0.0
        for start, end, text in _sentences(doc, texts):
            key = (doc.metadata["doc_id"], start)
            if key in seen or len(text) > MAX_SENTENCE_CHARS * 3:
                continue
            seen.add(key)
            words = set(search_terms(text))
            share = max((len(terms & words) / len(terms) for terms in term_sets if terms), default=0.0)
            bonus = NAMED_BODY_BONUS if named and strip_list_mark(text).startswith(named) else 0.0
            ranked.append(Sentence(doc.metadata["doc_id"], start, end, text, doc.metadata.get("page"),
                                   share + bonus - row_cost - 0.01 * rank, row=bool(row_cost)))
    return sorted(ranked, key=lambda s: -s.score)


def _documents(docs: list[Document]) -> list[str]:
    """The retrieved chunks' documents, best first."""
    return list(dict.fromkeys(doc.metadata["doc_id"] for doc in docs))


def _words(text: str) -> set[str]:
    """Words that can tell sentences apart: single characters (里, 说, 个) cannot."""
    return {w for w in search_terms(text) if len(w) >= 2}


def question_terms(intent: QuestionPlan) -> list[set[str]]:
    """The asked item's words, and the same with each colloquial word in the documents' terms
    (招待费 → 公务接待费); the whole question's when the item has none."""
    focus = intent.focus or intent.question
    asked = _words(focus)
    # a wording left with fewer of the asked words and none of its own (委属单位 cut to 单位) tells nothing apart
    sets = [asked, *(words for variant in canonical_variants(focus) if not (words := _words(variant)) < asked)]
    sets = [s for s in sets if s]
    return sets or [_words(intent.question) or set(search_terms(intent.question))]


def _listed(line: str) -> str:
    """One listed line as shown: a table row's cells set apart by commas (编制 64 and 实有 59 never read as 6459)."""
    cells = (" ".join(cell.split()) for cell in line.split("\t"))
    return "，".join(cell for cell in cells if cell).rstrip("。；;")


# a date a sentence gives: 2024年3月, 3月15日, 12月底, 2025年内, 2024年成立; never a year alone (2024年度预算),
# nor the date a stock is counted at (截至2024年12月31日)
_DATE = re.compile(r"(?<![至止到年\d])(?:\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*日|"
                   r"\d{1,2}\s*月(?:底|初|中旬|上旬|下旬|份)|\d{4}\s*年(?:底|初|内|前|以前)|"
                   r"\d{4}\s*年(?:正式)?(?:成立|设立|组建|挂牌|建成|竣工|完工|开工|启用|投入使用|购置|购入))")  # 于2024年成立
_ASKS_DAY = re.compile(r"哪一?天|几号|几月几日|哪一?日")
_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*[，,]?\s*(?:本|共|全))")  # a day, never a stock's 截至…日


@lru_cache(maxsize=1)
def _is_a_kind() -> re.Pattern[str]:
    """A sentence saying what a body is ("某会是…的群团组织"): its name, then one of the kinds the vocabulary gives for
    单位性质 (data: index/data/query_synonyms.tsv)."""
    kinds = "|".join(map(re.escape, canonical_terms(BODY_NATURE)))
    return re.compile(rf"^(?P<body>[^，。；]{{2,40}}?)(?:是|为|系)[^。；]{{0,80}}?(?:{kinds})")


class RetrievalPath:
    """Extractive answers from retrieved chunks."""

    def __init__(self, texts: SourceTexts, display_unit: str = "万元", asked: bool = False):
        self.texts = texts
        self.display_unit = display_unit
        self.asked = asked  # the question asked for the display unit (多少万元): money is shown in it, rounded
        self._titles_of: dict[str, frozenset[str]] = {}

    def text_answer(self, intent: QuestionPlan, docs: list[Document]) -> Draft | None:
        if intent.asks_duty:
            return self._duty_answer(intent, docs)
        # what a body is (性质, 合署办公) is said in a sentence that opens with its name; a reason is the item's
        # a sub-unit's (its department's sections say the department's)
        named = intent.sub_unit or (intent.departments[0] if len(intent.departments) == 1 and not intent.asks_reason else "")
        ranked = [s for s in rank_sentences(question_terms(intent), docs, self.texts, named) if s.score >= MIN_SENTENCE_SCORE
                  and (not _captions_a_table(s.text) or asks_unit(intent.question))]
        ranked = [s for s in ranked if not self._is_heading(s)]  # a title or heading only names what the text under it says
        if intent.focus == BODY_NATURE:  # what kind of body it is: never a glossary entry that names 事业单位, and
            # the body's own sentence saying what it is ("某会是…的群团组织") before one counting its units by kind
            ranked = [s for s in ranked if not (_DEFINES.search(s.text) or _GLOSSARY_ENTRY.match(s.text))]
            is_a_kind = _is_a_kind()
            if ranked and not is_a_kind.search(ranked[0].text):
                said = next((s for s in ranked if (kind := is_a_kind.search(s.text)) and named and named in kind["body"]), None)
                ranked = [said] if said else ranked
        detail = asked_detail(intent.question)
        if detail:  # "哪家公司中标", "去哪个国家": only where one is named
            ranked = [s for s in ranked if detail.named_in(s.text)]
        elif intent.asks_when:  # "哪一年买的", "哪一天举办": only where a date is given, to the day when a day is asked
            dated = _DAY if _ASKS_DAY.search(intent.question) else _DATE
            ranked = [s for s in ranked if dated.search(s.text)]
        elif intent.asks_name:  # "叫什么名字" is answered by a name, never by the sentence that only counts them
            ranked = [s for s in ranked if s.row or _NAME.search(s.text) or _lists_names(s.text, intent.focus)]
        if intent.operation is Operation.LIST and ranked and not _ENUMERATES.search(ranked[0].text):
            # "有哪些下属单位": a sentence that names them, over the best one that only names the word
            listing = next((s for s in ranked if _ENUMERATES.search(s.text) and s.score >= ranked[0].score - LISTING_MARGIN), None)
            ranked = [listing, *(s for s in ranked if s is not listing)] if listing else ranked
        if intent.asks_reason:
            ranked = sorted(ranked, key=lambda s: -(s.score + (REASON_BONUS if REASON_STATED.search(s.text) else 0.0)))
        if intent.asks_definition and intent.focus:  # a line of figures after the item's name says nothing of what it is
            ranked = [s for s in ranked if not _FIGURES_ONLY.fullmatch(s.text.replace(intent.focus, "", 1))]
        if intent.asks_definition and not intent.asks_what_money:
            # the sentence that defines the word ("年末结转和结余：指…") over others naming it; what money an item is
            # ("事业收入是什么钱") is said of the department's own money, not by the glossary's general entry
            ranked = sorted(ranked, key=lambda s: -(s.score + _definition_bonus(s.text, intent)))
            ranked = [*self._glossary_entries(_defined_words(intent), docs), *ranked]
        section = None if intent.asks_name or intent.sub_unit else best_section(intent.question, question_terms(intent), _documents(docs), self.texts)
        # a sentence opening with the body's name gets no edge over the text under the heading asked for; a question
        # that asks only for that heading ("是干什么的": 主要职能) is answered by it
        only_heading = intent.focus in asked_aspects(intent.question)
        if section and (only_heading or section.score >= max([MIN_SENTENCE_SCORE, *(s.score - NAMED_BODY_BONUS for s in ranked[:1])])):
            ranked = [Sentence(section.doc_id, section.start, section.end, section.text, None, section.score)]
        prose = max((s.score for s in ranked if not s.row), default=None)
        if prose is not None:  # prose says what a row only lists, unless the row fits the question far better
            ranked = [s for s in ranked if not s.row or s.score > prose + ROW_OVER_PROSE]
        if not ranked:
            return None
        best = ranked[0]
        close = [s for s in ranked if s.doc_id == best.doc_id and s.score >= best.score - SECOND_SENTENCE_MARGIN]
        chosen = sorted(close[:ANSWER_SENTENCES], key=lambda s: s.start)
        if intent.asks_definition and _DEFINES.search(best.text):
            chosen = self._defined_item(best)  # the definition says it all, with what its item adds after it
        chosen = [self._with_claim(s) for s in chosen]
        if intent.asks_reason:
            chosen = self._with_reason(chosen, best, intent)
        elif intent.operation is Operation.LIST:
            chosen = self._with_listing(chosen) or self._with_paragraph(best)
        citations = [self.texts.cite(s.doc_id, s.start, s.end, s.page) for s in chosen]
        record = self.texts.record(best.doc_id)
        text = f"据{record.department}{record.year or ''}年公开文件：" + readable("".join(s.text for s in chosen))
        return Draft(Answer(question=intent.question, kind="text", text=text, citations=citations, route="retrieval"))

    def _is_heading(self, sentence: Sentence) -> bool:
        """Whether the sentence is its document's title or one of its headings and nothing more ("第四部分 下属单位预算
        情况", a page's "某局2024年度部门决算_财政资金_某区人民政府")."""
        said = _WHITESPACE.sub("", _bare(sentence.text))
        return not sentence.row and (_TITLE_LINE.match(said) is not None or said in self._titles(sentence.doc_id))

    def _titles(self, doc_id: str) -> frozenset[str]:
        """A document's title and headings as compared with a sentence (no quote marks, no spaces), read once."""
        titles = self._titles_of.get(doc_id)
        if titles is None:
            said = [self.texts.record(doc_id).title, *(s["title"] for s in self.texts.sections(doc_id))]
            titles = self._titles_of[doc_id] = frozenset(_WHITESPACE.sub("", _bare(t or "")) for t in said)
        return titles

    def _duty_answer(self, intent: QuestionPlan, docs: list[Document]) -> Draft | None:
        """"管不管出国审批": the body's listed duties that name the matter, quoted; None when none does."""
        # a matter the segmenter cuts into single characters (河长制) is looked for whole
        matter = _words(intent.focus) or ({intent.focus} if len(intent.focus) >= 2 else set())
        duties = duties_naming(matter, _documents(docs), self.texts)
        if not duties:
            return None
        record = self.texts.record(duties[0].doc_id)
        quoted = "".join(f"“{readable(duty.text)}”" for duty in duties)
        text = f"据{record.department}{record.year or ''}年公开文件，其职能中相关的是：{quoted}"
        citations = [self.texts.cite(duty.doc_id, duty.start, duty.end) for duty in duties]
        return Draft(Answer(question=intent.question, kind="text", text=text, citations=citations, route="retrieval"))

    def _with_reason(self, chosen: list[Sentence], best: Sentence, intent: QuestionPlan) -> list[Sentence]:
        """Adds the sentence nearest after the best one that states a reason ("主要原因是…"), preferring one
        about the same direction of change (增加 / 减少) as the question."""
        span = self.texts.reason_after(best.doc_id, best.start, best.end, intent.direction)
        if span and all(s.start != span[0] for s in chosen):
            text = self.texts.text(best.doc_id)[span[0] : span[1]]
            chosen = [*chosen, Sentence(best.doc_id, span[0], span[1], text, best.page, 0.0)]
        return sorted(chosen, key=lambda s: s.start)

    def _with_listing(self, chosen: list[Sentence]) -> list[Sentence]:
        """Adds the items the best sentence leads into ("具体包括：" then one per line): a list asked is
        answered by its items."""
        for sentence in chosen:
            text = self.texts.text(sentence.doc_id)
            span = listing_after(text, sentence.start, sentence.end)
            if span:
                lines = (_listed(line) for line in text[span[0] : span[1]].split("\n"))
                items = Sentence(sentence.doc_id, span[0], span[1], "；".join(filter(None, lines)) + "。", sentence.page, 0.0)
                return sorted([s for s in chosen if s.end <= span[0] or s.start >= span[1]] + [items], key=lambda s: s.start)
        return []

    def glossary_citation(self, intent: QuestionPlan, docs: list[Document]) -> Citation | None:
        """The citation of the glossary entry defining the asked item in the retrieved documents, or None."""
        entries = self._glossary_entries(_defined_words(intent), docs)
        return self.texts.cite(entries[0].doc_id, entries[0].start, entries[0].end, entries[0].page) if entries else None

    def _glossary_entries(self, terms: list[str], docs: list[Document]) -> list[Sentence]:
        """The line of each retrieved document that opens by defining the asked word ("（6）全年预算数：指…"), found in the
        whole text: a glossary entry answers wherever the retrieved chunks stand. The item asked is tried first,
        then its other terms ("决算表里的调整预算数" is defined as 调整预算数)."""
        for term in dict.fromkeys(t for t in terms if len(t) >= 2):
            # "8、机关运行费：指…", or the word on a line of its own and its definition on the next ("3．其他收入\n指…")
            entry = re.compile(rf"{_GLOSSARY_MARK}[“\"]?{re.escape(term)}[”\"]?(?:[ \t]*[:：]\s*|[ \t]*\n\s*)(?:是指|指|是|包括|反映)[^\n]*",
                               re.MULTILINE)
            found = []
            for doc_id in _documents(docs):
                if match := entry.search(self.texts.text(doc_id)):
                    text = match.group().rstrip()
                    lead = len(text) - len(text.lstrip())
                    found.append(Sentence(doc_id, match.start() + lead, match.start() + len(text), text.lstrip(), None,
                                          1.0 + 2 * DEFINITION_BONUS))
            if found:
                return found
        return []

    def _defined_item(self, best: Sentence) -> list[Sentence]:
        """A definition and the sentences its glossary item goes on with ("本单位的事业收入为…"), up to the next
        numbered item or the end of the line."""
        whole = self._with_paragraph(best)[0]
        sentences = [m for m in SENTENCE.finditer(whole.text) if m.start() >= best.end - best.start]
        end = next((m.start() for m in sentences if list_mark(m.group())), len(whole.text))
        text = whole.text[:end].rstrip()
        return [Sentence(best.doc_id, best.start, best.start + len(text), text, best.page, best.score)]

    def _with_claim(self, sentence: Sentence) -> Sentence:
        """A sentence giving the reason for a claim ("年初无预算的主要原因是…") from the sentence of its paragraph
        that makes the claim ("年初无预算，全年预算为240.00万元…"): the reason alone names neither item nor figure."""
        claim = _REASON_FOR.match(sentence.text)
        if claim is None:
            return sentence
        text = self.texts.text(sentence.doc_id)
        said = text.rfind(claim["claim"], text.rfind("\n", 0, sentence.start) + 1, sentence.start)
        if said < 0:
            return sentence
        start = max(text.rfind(mark, 0, said) for mark in _SENTENCE_ENDS) + 1
        start = max(start, text.rfind("\n", 0, said) + 1)
        return Sentence(sentence.doc_id, start, sentence.end, text[start : sentence.end].strip(), sentence.page, sentence.score)

    def _with_paragraph(self, best: Sentence) -> list[Sentence]:
        """The best sentence and the rest of its paragraph, whole sentences up to LIST_CHARS: the parts a
        list question asks for follow the sentence that names the whole (一是…二是…, 其中…)."""
        text = self.texts.text(best.doc_id)
        paragraph_end = text.find("\n", best.end)
        limit = min(len(text) if paragraph_end < 0 else paragraph_end, best.start + LIST_CHARS)
        ends = [m.end() for m in SENTENCE.finditer(text, best.start, limit)
                if m.end() == paragraph_end or text[m.end() - 1] in _SENTENCE_ENDS]
        end = max([best.end, *ends])
        return [Sentence(best.doc_id, best.start, end, text[best.start : end].strip(), best.page, best.score)]

    def number_answer(self, intent: QuestionPlan, docs: list[Document]) -> Draft | None:
        """A figure printed right after the asked item in a retrieved sentence, typed and checked, or None.

        The figure must carry the asked kind of unit, and the asked basis (决算, 年初预算 …) when the
        question names one; a change question takes only a stated change or a 持平 statement.
        """
        wholes = whole_names(intent.scope) if intent.scope else frozenset()
        # the item in the documents' words: the focus rewritten whole (招待费年底还剩 is no 年末结转和结余 alone)
        said = canonical_variants(intent.focus) if intent.focus else canonical_terms(intent.question)
        names = [t for t in [intent.focus, *said] if t and len(t) >= 2 and not names_the_whole(t, wholes)]
        if not names:
            return None
        for sentence in rank_sentences(question_terms(intent), docs, self.texts):
            if sentence.score < MIN_SENTENCE_SCORE:
                break
            bare = _bare(sentence.text)
            for name in names:
                found = bare.find(name)
                if found < 0 or _narrower(bare, found, intent):
                    continue  # "财政拨款收入支出总计" names a narrower whole than the 收支总计 asked
                if intent.operation is Operation.CHANGE:  # unchanged, said right after the item's own figure
                    named_at = _original_offset(sentence.text, found + len(name))
                    own = _FIGURE.search(sentence.text, named_at)
                    steady = own and self.texts.steady_after(sentence.doc_id, sentence.start + own.end())
                    if steady:
                        return steady_draft(intent, sentence, steady, self.texts, self.display_unit)
                    continue
                at = sentence.text.find(name)
                if at < 0:
                    continue
                tail = sentence.text[at + len(name):]
                figure = _FIGURE.match(tail.lstrip("为是约共计安排："))
                if figure is None or not self._fits(intent, figure, sentence):
                    continue
                start = sentence.start + at
                end = start + len(name) + tail.index(figure.group()) + len(figure.group())
                value = Decimal(figure["num"].replace(",", ""))
                return self._figure(intent, sentence, value, figure["unit"], start, end)
        return None

    def _fits(self, intent: QuestionPlan, figure: re.Match, sentence: Sentence) -> bool:
        """The figure has the asked unit kind and, when the question names one, the asked basis."""
        unit = figure["unit"]
        if averaged(intent.question) and not averaged(sentence.text):
            return False  # "人均办公经费" is never answered with the whole 机关运行经费
        if intent.unit_hint and unit not in intent.unit_hint:
            return False  # "几个团组" is never answered with an amount of money
        if not intent.unit_hint and not is_money(unit):
            return False
        if intent.basis is not None:
            record = self.texts.record(sentence.doc_id)
            return basis_in(sentence.text, DocumentKind(record.kind).natural_basis) is intent.basis
        return True

    def _figure(self, intent: QuestionPlan, sentence: Sentence, value: Decimal, unit: str | None,
                start: int, end: int) -> Draft:
        citation = self.texts.cite(sentence.doc_id, start, end, sentence.page)
        record = self.texts.record(sentence.doc_id)
        shown_value, shown_unit = in_display_unit(value, unit, self.display_unit, self.asked)
        text = f"{record.department}{record.year or ''}年{intent.focus}为{shown(shown_value, shown_unit)}（见原文：{citation.quote}）。"
        answer = Answer(question=intent.question, kind="number", text=text, value=float(shown_value), unit=shown_unit,
                        citations=[citation], route="retrieval")
        return Draft(answer, [(citation, value)])


def _captions_a_table(text: str) -> bool:
    """Whether a line only says a table's unit and whose it is ("部门名称：某局 单位：万元")."""
    return bool(TABLE_UNIT.search(text)) and not _TABLE_OWNER.sub("", TABLE_UNIT.sub("", text)).strip()


def only_captions(chunk_text: str) -> bool:
    """Whether a chunk holds nothing but tables' caption lines (and their numbers, "表7") under its heading chain."""
    body = _CAPTION_JOIN.sub(r"\1\n", chunk_text.partition("\n")[2])
    lines = [line for line in (_CONTINUED.sub("", line).strip() for line in body.split("\n")) if line]
    return any(map(_captions_a_table, lines)) and all(_captions_a_table(line) or _TABLE_NUMBERS.fullmatch(line) for line in lines)


def asks_unit(question: str) -> bool:
    """Whether a question asks for the unit figures are in (金额单位是什么)."""
    return bool(_ASKS_UNIT.search(question))


def _lists_names(text: str, focus: str) -> bool:
    """Whether the sentence lists names of the kind asked, side by side and ending alike in the asked word's ending:
    "设城南人民法庭、岚桥人民法庭…" for the 派出法庭 asked."""
    return any(a[-2:] == b[-2:] and a[-2:] in focus for a, b in (m.groups() for m in _NAMES_LISTED.finditer(text)))


def _defined_words(intent: QuestionPlan) -> list[str]:
    """The words a definition question asks about, the asked item first: a basis whose word the item is the end of
    ("全年预算数是什么意思", planned as 预算数 on the 全年预算数 basis) is the word asked."""
    words = [intent.focus, *intent.terms]
    if intent.basis and intent.focus and intent.basis.value.endswith(intent.focus):
        return [intent.basis.value, *words]
    return words


def _definition_bonus(text: str, intent: QuestionPlan) -> float:
    """A sentence defining a word gains; one defining the asked word itself ("8.机关运行经费：指…") gains twice,
    over another entry that only names it ("“三公”经费：指…公务用车运行维护费…"), as does one saying what the asked
    body does ("下设…某统计普查中心（公益一类），承担经济普查…")."""
    plain = normalise(text)
    named = plain.find(normalise(intent.focus)) if intent.focus else -1
    if named >= 0 and _DOES.search(plain, named):
        return DEFINITION_BONUS * 2
    defines = _DEFINES.search(text)
    if not defines:
        return 0.0
    head = normalise(strip_list_mark(text[: defines.start()]))
    own = bool(head) and head in normalise(intent.question) or any(normalise(t) in head for t in (intent.focus, *intent.terms) if t)
    return DEFINITION_BONUS * (2 if own else 1)

