"""Builds citations from stored document text and checks them: the quote must be the text at its offsets."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.answer import Citation, Span, TableRef
from assistant.formatting import plain
from index.fact_store import DocumentRecord, FactRecord, FactStore, TableRecord
from ingest.model import Direction, RecognisedSpan, page_at
from ingest.numbers import NUMBER, UNSIGNED_NUMBER, ascii_forms, printed_numbers
from ingest.punctuation import SENTENCE

TEXT_CACHE_SIZE = 64  # documents whose text is kept in memory between questions
LOW_CONFIDENCE = 0.85  # text read from an image with less confidence than this is not given as sure
STEADY_WINDOW_CHARS = 200  # how far after an item a "持平" statement about it may stand
REASON_WINDOW_CHARS = 600  # a reason is given in the same passage, a few sentences on
_NEXT_REASON = re.compile(r"\s*(?:[二三四五六七八九]是|其次|再次|此外|另外|同时)[^。；;]*[。；;]?")
# a reason given, not a column headed 偏差原因: 原因 with what it is after it
# a heading line opening another part (its sub-items, （二）…, may still give the reason): 三、其他说明, 第三部分, 表4 …,
# or the next question of a 问 / 答 说明
_NEXT_HEADING = re.compile(r"\n\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|表\s*\d|问\s*[：:])")
REASON_STATED = re.compile(r"原因\s*(?:是|为|系|在于|主要|：|:|，|,|包括|有)|主要是|主要系|主要由于|主要因为")
# why an item is as it is, said without 原因: moved elsewhere, done, or no longer held ("公车改革后未保留公务用车")
EXPLAINS_WHY = re.compile(r"并入|调整至|调入|划转|合并|取消|已完成|已于|一次性|未保留|不再保留|统一保障")
_EXPLAINS = re.compile(rf"未安排|不再安排|{EXPLAINS_WHY.pattern}")  # or that none is budgeted, after a figure
# "…减少29.10万元。具体是：" leads into the parts, each giving its own reason, up to a blank line or the next question
_PARTS_LEAD = re.compile(r"(?:具体(?:是|为|如下|情况如下)?|分项(?:来看|看)?|其中)[：:]\s*$")
_PARTS_STOP = re.compile(r"\n\s*\n|\n\s*(?:问|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")
_NUMBERED_PARTS_STOP = re.compile(r"\n\s*\n|\n\s*(?:问|[一二三四五六七八九十]+、)")  # parts numbered （一）（二）: the next 八、
_NUMBERED_PART = re.compile(r"\s*[（(][一二三四五六七八九十]+[)）]")
_PART_OPENER = "其中"  # a lead that only opens the parts, saying nothing of them
_LINE = re.compile(r"[^\n]+")
_FIGURELESS_CLAUSE = re.compile(r"[^。；;\n\d]{2,60}[。；;]")  # a clause of words only, up to its end mark
_REASONS_LISTED = re.compile(r"原因(?:是|为|有|如下)?[：:]")  # a colon opens a list of reasons to the sentence's end
_FIGURE = re.compile(rf"{NUMBER.pattern}\s*(?:亿元|万元|千元|元|万|%)")
# a reason written right after a change, before the clause ends: "，主要为人员经费支出；", "，主要是由于项目调整。"
# "…减少0.2万元，下降20%，主要是严格控制接待范围": the reason after the change's rate too
_ATTACHED_REASON = re.compile(r"(?:\s*[，,]\s*(?:增长|下降|增加|减少|降低|上升|提高)[^，,。；;]{0,12})?"
                              r"\s*[，,]\s*(?P<reason>主要(?:为|是|系|由于|因为|原因是|原因为)[^。；;]{2,120})")
DIRECTION_WORDS = {Direction.UP: ("增加", "增长", "多了", "上升", "新增"), Direction.DOWN: ("减少", "下降", "少了", "降低")}
BUDGET_GAP = r"(?:比|较|小于|大于|低于|高于|超出)(?:年初|全年|调整后?)?预算"  # 决算数小于调整预算数
# a reason for the year's 决算 set against its budget ("决算数小于调整预算数的主要原因是…"), not for a change from last year
_AGAINST_BUDGET_REASON = re.compile(rf"决算数?{BUDGET_GAP}")
_CODE = re.compile(r"^[A-Z]?\d+$")  # 科目编码 columns: "302", "17"
_STEADY_WORD = re.compile(r"持平|无增减|没有变化|未发生变化")
_BUDGET_AGAINST_OUTTURN = re.compile(r"决算数?(?:同|与|和|跟)(?:年初)?预算数?|预算数?(?:同|与|和|跟)决算数?")
_STEADY = re.compile(rf"[^。；;\n]*(?:{_STEADY_WORD.pattern})[^。；;\n]*[。；;]?")


def _sentence_end(text: str, start: int, limit: int) -> int:
    """The end of the sentence running on at `start` (after its 。), or `limit`."""
    stop = text.find("。", start, limit)
    return stop + 1 if stop >= 0 else limit


class SourceTexts:
    """Document texts, records and section titles, cached, for building and checking citations."""

    def __init__(self, store: FactStore):
        self.store = store
        self._texts: dict[str, str] = {}
        self._sections: dict[str, list[dict]] = {}
        self._records: dict[str, DocumentRecord] = {}
        self._tables: dict[str, dict[int, TableRecord]] = {}
        self._recognised: dict[str, list[RecognisedSpan]] = {}
        self._page_starts: dict[str, list[int]] = {}

    # Shared by the threads answering questions while `forget()` may run: every method reads the cache
    # once into a local and never assumes an entry it saw is still there.
    def text(self, doc_id: str) -> str:
        text = self._texts.get(doc_id)
        if text is None:
            text = self.store.text(doc_id) or ""
            if text:  # a document not (or no longer) stored is not remembered as empty
                if len(self._texts) >= TEXT_CACHE_SIZE:
                    try:
                        self._texts.pop(next(iter(self._texts)), None)
                    except (StopIteration, RuntimeError):  # emptied or changed by another thread meanwhile
                        pass
                self._texts[doc_id] = text
        return text

    def record(self, doc_id: str) -> DocumentRecord:
        record = self._records.get(doc_id)
        if record is None:
            record = self.store.document(doc_id)
            if record is None:
                raise KeyError(doc_id)
            self._records[doc_id] = record
        return record

    def sections(self, doc_id: str) -> list[dict]:
        """The document's sections (title, level, start, end, path), in document order."""
        sections = self._sections.get(doc_id)
        if sections is None:
            sections = self._sections[doc_id] = self.store.sections(doc_id)
        return sections

    def section_title(self, doc_id: str, offset: int) -> str | None:
        """Heading chain of the deepest section holding `offset`."""
        best = None
        for s in self.sections(doc_id):
            if s["start"] <= offset < s["end"] and (best is None or s["level"] > best["level"]):
                best = s
        return " > ".join(best["path"]) if best else None

    def page_at(self, doc_id: str, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for a document without pages."""
        starts = self._page_starts.get(doc_id)
        if starts is None:
            starts = self._page_starts[doc_id] = self.store.page_starts(doc_id)
        return page_at(starts, offset)

    def recognition(self, doc_id: str, start: int, end: int) -> float | None:
        """The recogniser's lowest confidence over text[start:end] where it was read from a page image, else None."""
        spans = self._recognised.get(doc_id)
        if spans is None:
            spans = self._recognised[doc_id] = self.store.recognised(doc_id)
        return min((s.confidence for s in spans if s.start < end and start < s.end), default=None)

    def line(self, doc_id: str, start: int, end: int) -> str:
        """The whole line of the document's text the span from `start` to `end` stands on (a table row, a paragraph)."""
        text = self.text(doc_id)
        line_end = text.find("\n", end)
        return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]

    def cite(self, doc_id: str, start: int, end: int, page: int | None = None) -> Citation:
        """A citation whose quote is exactly text[start:end], on the page given or else the page it stands on."""
        record = self.record(doc_id)
        page = page if page is not None else self.page_at(doc_id, start)
        text = self.text(doc_id)
        confidence = self.recognition(doc_id, start, end)
        return Citation(
            doc_id=doc_id, source=record.source, department=record.department, year=record.year,
            section=self.section_title(doc_id, start), page=page, start=start, end=end, quote=text[start:end],
            from_image=confidence is not None, confidence=confidence,
        )

    def table(self, doc_id: str, table_id: int) -> TableRecord | None:
        return self._tables_of(doc_id).get(table_id)

    def tables(self, doc_id: str) -> list[TableRecord]:
        """The document's tables, in document order."""
        return list(self._tables_of(doc_id).values())

    def _tables_of(self, doc_id: str) -> dict[int, TableRecord]:
        tables = self._tables.get(doc_id)
        if tables is None:
            tables = self._tables[doc_id] = {t.table_id: t for t in self.store.tables(doc_id)}
        return tables

    def cite_fact(self, fact: FactRecord) -> Citation:
        """The citation of a fact; a table figure's also names its table, row, header and unit."""
        citation = self.cite(fact.doc_id, fact.start, fact.end, fact.page)
        table = self.table(fact.doc_id, fact.table_id) if fact.origin == "table" and fact.table_id is not None else None
        if table is None:
            return citation
        text = self.text(fact.doc_id)
        spans = [Span(role="row", start=fact.start, end=fact.end, text=text[fact.start : fact.end])]
        header = _header_span(text, table, fact)
        if header is not None:
            spans.insert(0, header)
        row = [label for label in fact.row_path if label and not _CODE.match(label)]  # a one-row table has none
        printed = f"{fact.qualifier or ''}{plain(fact.value)}" + (f"（{fact.unit}）" if fact.unit else "")
        label = f"{' · '.join([*row, '/'.join(fact.col_path)])}：{printed}"
        reference = TableRef(title=table.title, kind=str(table.kind), unit=table.unit, row=list(fact.row_path),
                             headers=list(fact.col_path))
        update = {"label": label, "table": reference, "spans": spans}
        if citation.from_image:  # how surely the figure's own cell was read, not the rest of its row
            figure_start = max(fact.start, text.rfind("\t", fact.start, fact.end) + 1)
            update["confidence"] = self.recognition(fact.doc_id, figure_start, fact.end)
        return citation.model_copy(update=update)

    def printed_figure(self, fact: FactRecord) -> str | None:
        """The fact's figure as its source prints it ("600,000.00"), or None when the span ends in another."""
        found = list(re.finditer(UNSIGNED_NUMBER, ascii_forms(self.text(fact.doc_id)[fact.start : fact.end])))
        printed = found[-1].group() if found else None
        return printed if printed is not None and Decimal(printed.replace(",", "")) == abs(fact.value) else None

    def steady_after(self, doc_id: str, offset: int) -> tuple[int, int] | None:
        """Span of a "与上年持平 / 无增减变化" statement in the same paragraph shortly after `offset` (a figure's
        end) that is said of that figure: nothing but words between them, or a sentence of its own after the
        paragraph's first figure (its topic: "三公经费8.5万元。其中…。与2019年相比持平"). "…基金0万元，比2024年
        预算持平" says nothing of an earlier figure."""
        text = self.text(doc_id)
        paragraph_start, paragraph_end = text.rfind("\n", 0, offset) + 1, text.find("\n", offset)
        end = min(len(text) if paragraph_end < 0 else paragraph_end, offset + STEADY_WINDOW_CHARS)
        match = _STEADY.search(text, offset, end)
        if match is None or _BUDGET_AGAINST_OUTTURN.search(match.group()):
            return None  # "决算数同预算数持平" compares one year's two figures, not the year with the last
        said = match.start() + _STEADY_WORD.search(match.group()).start()
        adjacent = _FIGURE.search(text, offset, said) is None
        own_sentence = text[:match.start()].rstrip().endswith("。") and _FIGURE.search(text, match.start(), said) is None
        topic = len(_FIGURE.findall(text, paragraph_start, offset)) <= 1
        return (match.start(), match.end()) if adjacent or (own_sentence and topic) else None

    def reason_after(self, doc_id: str, start: int, end: int, direction: Direction | None = None,
                     of_year: bool = False) -> tuple[int, int] | None:
        """Span of the nearest sentence from `start` on that states a reason ("主要原因是…"), preferring
        one in the figure's own paragraph, then, for a change from last year (`of_year`), one that does not set the
        决算 against its budget, then one about the given direction of change."""
        text = self.text(doc_id)
        attached = _ATTACHED_REASON.match(text, end)
        if attached:  # "项目支出增加429万元，主要为信息化建设…；": the reason in the figure's own clause
            reason_end = attached.end("reason")
            while text[reason_end : reason_end + 1] in ("；", ";") and (listed := _NEXT_REASON.match(text, reason_end + 1)
                                                                       or _FIGURELESS_CLAUSE.match(text, reason_end + 1)):
                reason_end = listed.end() - (listed.group()[-1:] in ("；", ";", "。"))  # "一是…；二是…；三是…。"
            return attached.start("reason"), reason_end
        heading = _NEXT_HEADING.search(text, end, end + REASON_WINDOW_CHARS)  # the passage ends where another begins
        window_end = heading.start() if heading else min(len(text), end + REASON_WINDOW_CHARS)
        candidates = [m for m in SENTENCE.finditer(text, start, window_end) if REASON_STATED.search(m.group())]
        paragraph_end = text.find("\n", end)
        own = [m for m in candidates if paragraph_end < 0 or m.start() < paragraph_end]
        if not own and (told := _told_after(text, end, paragraph_end) or _told_next(text, end, paragraph_end)):
            return told  # "…0.00万元，比上年减少65.00万元。2025年未安排预算，原安排的…并入药品事务（项）。"
        if not own and of_year:  # another paragraph's reason why a 决算 passed its budget is no reason for the year's change
            candidates = [m for m in candidates if not _AGAINST_BUDGET_REASON.search(m.group())]
        candidates = own or candidates  # the reason in the figure's own paragraph, not the next item's
        if direction:
            candidates.sort(key=lambda m: not any(w in m.group() for w in DIRECTION_WORDS[direction]))
        if of_year:
            candidates.sort(key=lambda m: bool(_AGAINST_BUDGET_REASON.search(m.group())))
        if not candidates:
            return None
        found = candidates[0]
        lead = len(found.group()) - len(found.group().lstrip())
        span_start, span_end = found.start() + lead, found.start() + len(found.group().rstrip())
        if parts := _parts_reasons(text, end, found.start(), window_end, direction):
            return parts
        while text[span_end - 1 : span_end] in ("；", ";") and (listed := _NEXT_REASON.match(text, span_end)):
            span_end = listed.end()  # "一是…；二是…。": every reason listed
        if text[span_end - 1 : span_end] in ("；", ";") and _REASONS_LISTED.search(found.group()):
            span_end = _sentence_end(text, span_end, window_end)  # "主要原因是：A；B。": every reason after the colon
        while text[span_end - 1 : span_end] in ("；", ";") and (more := _FIGURELESS_CLAUSE.match(text, span_end)):
            span_end = more.end()  # "主要原因是A减少；B减少。": a clause stating no figure goes on with the reasons
        given = REASON_STATED.search(text, end, span_end) if span_start < end else None
        if given:  # "减少230.00万元，下降9.96%，…减少的主要原因是…": the clause that gives it, after the figure
            clause = max(text.rfind(mark, end, given.start()) for mark in "，,；;")
            span_start = clause + 1 if clause >= 0 else end
        return span_start, span_end

    def forget(self) -> None:
        """Drops cached texts (after documents were added or removed)."""
        self._texts.clear()
        self._sections.clear()
        self._records.clear()
        self._tables.clear()
        self._recognised.clear()
        self._page_starts.clear()


def _parts_reasons(text: str, end: int, first_reason: int, window_end: int,
                   direction: Direction | None = None) -> tuple[int, int] | None:
    """Span of the parts a statement leads into ("具体是：" and then one part a line, each with its reason), when the
    first reason after the figure is one of them and another follows; None otherwise. Parts numbered （一）（二） after
    "其中：" count only those that changed the way asked, from the first to the last of them."""
    sentence_end = text.find("\n", end)
    if sentence_end < 0 or sentence_end > first_reason or not (lead := _PARTS_LEAD.search(text, end, sentence_end)):
        return None
    numbered = _NUMBERED_PART.match(text, sentence_end + 1)  # "其中：" then "（一）…（二）…": the parts are numbered so
    stop = (_NUMBERED_PARTS_STOP if numbered else _PARTS_STOP).search(text, sentence_end, window_end)
    parts_end = stop.start() if stop else window_end
    reasons = [m for m in SENTENCE.finditer(text, sentence_end, parts_end) if REASON_STATED.search(m.group())]
    if lead.group().startswith(_PART_OPENER):  # a plain 其中: only the parts that moved as asked, each a line
        if direction is None or not numbered:
            return None
        lines = [m for m in _LINE.finditer(text, sentence_end + 1, parts_end) if REASON_STATED.search(m.group())
                 and any(w in m.group() for w in DIRECTION_WORDS[direction])]
        return (lines[0].start(), lines[-1].end()) if len(lines) >= 2 else None
    if len(reasons) < 2:
        return None
    return sentence_end + 1, reasons[-1].start() + len(reasons[-1].group().rstrip())


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the span ending at `end` ends its sentence."""
    return text[end - 1 : end] in ("。", "！", "？", "!", "?")


def _told_after(text: str, end: int, paragraph_end: int) -> tuple[int, int] | None:
    """The clause after a figure, in its own sentence, that says why the item is as it is ("…减少500.00万元，该项目为
    2024年一次性项目。"), or None."""
    sentence_end = text.find("。", end)
    if sentence_end < 0 or 0 <= paragraph_end < sentence_end or _ends_sentence(text, end):
        return None  # a span ending its sentence ("…：未安排。") has no clause after it there
    clause_start = text.find("，", end, sentence_end)
    if clause_start < 0 or not _EXPLAINS.search(text, clause_start, sentence_end):
        return None
    return clause_start + 1, sentence_end + 1


def _told_next(text: str, end: int, paragraph_end: int) -> tuple[int, int] | None:
    """The first sentence after the one a figure ends in, in the figure's own paragraph, that says why the item is as
    it is (未安排, 并入, 不再…) rather than what the money is for ("（项）。年初预算为0.00万元，…。年初未安排预算，
    调整预算数为上级追加的…"); else None."""
    sentence_end = end - 1 if _ends_sentence(text, end) else text.find("。", end)  # "…：未安排。" ends its own
    if sentence_end < 0 or 0 <= paragraph_end < sentence_end:
        return None
    for following in SENTENCE.finditer(text, sentence_end + 1, paragraph_end if paragraph_end >= 0 else len(text)):
        if _EXPLAINS.search(following.group()):
            lead = len(following.group()) - len(following.group().lstrip())
            return following.start() + lead, following.start() + len(following.group().rstrip())
    return None


def _header_span(text: str, table: TableRecord, fact: FactRecord) -> Span | None:
    """The table's header rows over a figure: from the table's start to the end of the line holding the
    figure's column header (spacing in the source ignored; one cell per line in Word dumps)."""
    if not fact.col_path:
        return None
    pattern = re.compile(r"\s*".join(map(re.escape, fact.col_path[-1])))
    found = None
    for match in pattern.finditer(text, table.start, fact.start):
        found = match
    if found is None:
        return None
    line_end = text.find("\n", found.end(), fact.start)
    end = fact.start if line_end < 0 else line_end
    return Span(role="header", start=table.start, end=end, text=text[table.start : end])


def quote_states(citation: Citation, value: Decimal) -> bool:
    """True when the quote prints the figure (thousands separators ignored): '1,307.00' states 1307."""
    return any(n == abs(value) for n in printed_numbers(citation.quote))


def citation_is_exact(citation: Citation, texts: SourceTexts) -> bool:
    """True when the quote is exactly the document text at the cited offsets."""
    return texts.text(citation.doc_id)[citation.start : citation.end] == citation.quote


DOUBTFUL_NOTE = "（提示：所引原文是从扫描图片中识别出的文字，识别把握不高，请以原件核对数字。）"


def doubtful(citation: Citation) -> bool:
    """True when the citation's text was read from an image with low confidence."""
    return citation.confidence is not None and citation.confidence < LOW_CONFIDENCE
