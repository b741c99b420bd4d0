"""Extracts facts — one figure with its meaning and source span — from typed tables and from prose.

Prose: "其中：基本支出976.24万元，包括人员经费859.54万元和日常公用经费116.7万元" gives three facts;
"较2019年预算增加585.31万元" gives a change fact on the sentence's running subject.
Tables: every figure cell becomes a fact on its row label and column header; in a 绩效目标表 the
subject is the project and the measure is the 二级指标 (成本指标, 数量指标, …).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from ingest.model import Fact, Line, Table, TableCell
from ingest.numbers import NUMBER, normalise_unit, to_wan
from ingest.tables import squash, strip_list_mark

PERFORMANCE_VALUE_HEADER = "指标值"
MAX_SUBJECT_CHARS = 40  # longer "subjects" are sentences, not budget items

_MENTION = re.compile(rf"(?P<num>{NUMBER.pattern})\s*(?P<unit>亿元|万元|千元|元|%|％)(?![\u4e00-\u9fff]*表)")
_BOUNDARY = re.compile(r"[，,。；;：:！？!?\n]|其中|包括|以及")
_CHANGE = re.compile(
    r"(?P<cmp>(?:比|较|同比|与)\s*(?:上年|上一年|去年|\d{4}\s*年)?度?(?:年初)?(?:预算|决算|预算数|决算数|执行数)?(?:相比)?)?"
    r"(?P<dir>增加|增长|减少|下降|节约|增|减)了?(?:额)?(?:为)?$"
)
_LEADING = re.compile(
    r"^(?:其中|包括|主要是|主要为|主要包括|分别为|分别是|和|及|以及|与|共|合计|"
    r"我部门|本部门|我单位|本单位|我局|本局|我委|本委|我办|本办|"
    r"本年度|本年|当年|\d{4}年度?|一是|二是|三是|四是|安排|[（(][一二三四五六七八九十\d]{1,3}[)）]|[（(]|[)）]|"
    r"\d{1,2}\s*[.、．](?!\d)\s*|"
    r"(?:中共)?[\u4e00-\u9fff]{2,24}?(?:委员会|办事处|办公室)(?=[\u4e00-\u9fff]{2}))+"
)
_TRAILING = re.compile(r"(?:预算安排|安排|共计|合计|总计|总额为|为|是|达到|达|约|计|科目|支出为|分别|共|[（(])+$")
_STATED_MEASURE = re.compile(r"(?:年初预算数?|全年预算数?|调整预算数?|预算数|支出决算数?|决算数|执行数|预算执行数)$")
_BARE_MEASURE = re.compile(r"^(?:年初|全年|调整后?)?(?:预算|决算|支出决算|预算数|决算数|执行数)$")  # names no item
_COMPLETION = re.compile(r"完成.*(?:预算|计划)")  # "完成年初预算的98.20%"
_LINE_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]\s*)?(?P<item>[^。；;：:]{2,60}?（项）)")  # 决算 lists: "1、…（款）…（项）。"
_TEXT_FIELD = re.compile(r"性质|实施单位|日期|时间|名称|编码|代码|类型|方式|依据|说明|描述|内容|地址|联系|序号")
GENERIC_HEADERS = {"合计", "小计", "总计", "金额", "数额"}
SUB_HEADERS = {"购置费", "运行费", "运维费"}
_QUOTES = re.compile(r"[“”\"'「」『』‘’]")
_DIRECTION = {"增加": "比上年增加", "增长": "比上年增加", "增": "比上年增加",
              "减少": "比上年减少", "下降": "比上年减少", "减": "比上年减少", "节约": "比上年减少"}


def clean_subject(raw: str) -> str:
    """Reduces the words before a figure to the budget item they name."""
    text = _QUOTES.sub("", raw).strip(" \t\u3000、")
    for _ in range(3):
        text = _LEADING.sub("", text).strip(" 、")
        text = _TRAILING.sub("", text).strip(" 、")
    return text


def _sentences(line: Line) -> Iterable[tuple[int, str]]:
    start = 0
    for match in re.finditer(r"[。！？!?；;]", line.text):
        yield line.start + start, line.text[start : match.end()]
        start = match.end()
    if start < len(line.text):
        yield line.start + start, line.text[start:]


def facts_from_line(line: Line, page: int | None = None) -> list[Fact]:
    """Money and percentage figures stated in one paragraph."""
    facts: list[Fact] = []
    item = _LINE_ITEM.match(line.text)
    line_subject = clean_subject(item["item"]) if item else ""
    for offset, sentence in _sentences(line):
        running_subject = line_subject
        previous_end = 0
        for match in _MENTION.finditer(sentence):
            boundaries = [b.end() for b in _BOUNDARY.finditer(sentence, 0, match.start())]
            clause_start = max([previous_end, *boundaries])
            clause = sentence[clause_start : match.start()].rstrip()
            measure = "金额"
            change = _CHANGE.search(clause)
            if change:
                measure = _DIRECTION[change["dir"]]
                clause = clause[: change.start()]
            subject = clean_subject(clause)
            stated = _STATED_MEASURE.search(subject)
            if stated and measure == "金额":  # "三公经费预算数" → 三公经费 / 预算数; "年初预算" alone → its item
                subject, measure = subject[: stated.start()], stated.group()
            if match["unit"] in "%％" and _COMPLETION.search(clause):
                subject, measure = "", "完成率"
            if len(subject) > MAX_SUBJECT_CHARS // 2 and "的" in subject:  # "…单位财政拨款的机关运行经费"
                subject = subject.rsplit("的", 1)[1] or subject
            if not subject or _BARE_MEASURE.match(subject):
                subject = running_subject
            previous_end = match.end()
            if not subject or len(subject) > MAX_SUBJECT_CHARS:
                continue
            if not measure.startswith("比上年"):
                running_subject = subject
            unit = normalise_unit(match["unit"].replace("％", "%"))
            value = Decimal(match["num"].replace(",", ""))
            if unit == "%" and measure != "完成率":
                measure = "比例" if measure == "金额" else measure + "幅度"
            facts.append(
                Fact(
                    subject=subject,
                    measure=measure,
                    value=value,
                    unit=unit,
                    qualifier=None,
                    start=offset + clause_start,
                    end=offset + match.end(),
                    origin="text",
                    context=sentence.strip(),
                    page=page,
                    amount_wan=to_wan(value, unit),
                )
            )
    return facts


def clean_header(header: str) -> str:
    """A column header without its unit note: "价值（金额单位：万元）" → "价值"."""
    return re.sub(r"[（(][^（）()]*(?:单位|元)[^（）()]*[)）]", "", header) or header


def _header_subject(chain: tuple[str, ...]) -> tuple[str, str]:
    """(item, measure) named by a header chain: ("“三公”经费预算数", "合计") → ("三公经费", "预算数")."""
    names = [_QUOTES.sub("", clean_header(h)) for h in chain]
    while len(names) > 1 and names[-1] in GENERIC_HEADERS:
        names.pop()
    name = names[-1] if len(names) == 1 or names[-1] not in SUB_HEADERS else f"{names[-2]}（{names[-1]}）"
    name = clean_subject(name) or name
    stated = _STATED_MEASURE.search(name)
    if stated and stated.start() > 0:
        return name[: stated.start()], stated.group()
    return name, "金额"


def _project_name(title: str) -> str:
    name = re.sub(r"(项目)?(绩效目标|绩效)(申报)?表$", "", strip_list_mark(title))
    return _QUOTES.sub("", name).strip() or title


def _subject_label(label: str) -> str:
    label = strip_list_mark(label)
    label = re.sub(r"[（(][^()（）]{1,8}[)）]\s*$", "", label) or label  # "车辆（台、辆）" → "车辆"
    return _QUOTES.sub("", squash(label))


def _row_span_start(table: Table, cell: TableCell) -> int:
    row = table.body[cell.row]
    return next((c.start for c in row if c.text), cell.cell.start)


def facts_from_table(table: Table) -> list[Fact]:
    """Every figure cell of a typed table, as facts."""
    performance = any(PERFORMANCE_VALUE_HEADER in "".join(c.col_headers) for c in table.cells)
    facts: list[Fact] = []
    for cell in table.cells:
        q = cell.quantity
        if q is None:
            continue
        header = cell.col_headers[-1] if cell.col_headers else ""
        if performance:
            if PERFORMANCE_VALUE_HEADER not in header or len(cell.row_labels) < 2:
                continue
            subject = _project_name(table.title)
            measure = cell.row_labels[1]
            # the 绩效指标描述 left of the value says what is measured ("机房改造经费控制在预算范围内")
            described = [c.text for c in table.body[cell.row][: cell.col] if c.text and c.text not in cell.row_labels]
            context = "；".join([*cell.row_labels[2:], *described])
        else:
            if cell.col_headers and _TEXT_FIELD.search(cell.col_headers[-1]):
                continue  # a number under 项目性质 / 实施单位 / 日期 is a misaligned cell, not a figure
            if cell.row_labels:
                subject = _subject_label(cell.row_labels[-1])
                measure = "/".join(clean_header(h) for h in cell.col_headers) or "金额"
                context = " ".join(cell.row_labels[:-1])
            elif cell.col_headers:  # a one-row table: the column header names the item
                subject, measure = _header_subject(cell.col_headers)
                context = ""
            else:
                continue
        if not subject or not cell.col_headers:
            continue
        facts.append(
            Fact(
                subject=subject,
                measure=measure,
                value=q.value,
                unit=q.unit,
                qualifier=q.qualifier,
                start=_row_span_start(table, cell),
                end=cell.cell.end,
                origin="table",
                context=f"{table.title}：{context}" if context else table.title,
                table_id=table.id,
                page=table.page,
                amount_wan=to_wan(q.value, q.unit),
            )
        )
    return facts
