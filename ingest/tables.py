"""Turns raw tables into typed tables: title, unit, header chain per column, row labels, figures.

Conventions of these disclosures handled here:
- a blank cell in a label column means "same as above" (merged cells dumped from Word/PDF);
- rows above the header holding only a title, owner code or "单位：万元" are captions, not data;
- a column header may declare its own unit ("价值（金额单位：万元）"), which beats the table unit;
- a header its loader read itself (text with no cell grid) is taken as given, and a figure the loader
  could not place in a column stays in its row under no header.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files

from ingest.classify import table_kind
from ingest.model import Cell, RawTable, Table, TableCell, TableKind
from ingest.numbers import counts_off, declared_units, find_table_unit, header_unit, is_money, parse_number, parse_quantity
from ingest.performance_headers import captioned_project, heads_indicator_grid, opens_form
from ingest.vocabulary import read_sections

MAX_PREAMBLE_CELLS = 2  # title/unit rows above a header hold one or two cells
_LIST_MARK = re.compile(r"^\s*(?:\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*")
_OWNER_CODE = re.compile(r"^\d{3,}\s*\S")  # "339002 中共廊坊市委政法委员会": budget code + owner
_OWNER_LINE = re.compile(r"^(?:编制|填报|预算|部门|单位)(?:单位|名称)?[：:]")  # "编制单位：某卫生院 公开04表"
_FORM_NUMBER = re.compile(r"^(?:公开|附)?表?\s*[\d一二三四五六七八九十]+\s*表$")  # "公开01表": the form's number, not its name
HEADER_END_MARKS = ("一级指标", "指标值")  # a 绩效目标表's header row; rows above it are notes
_CODE = re.compile(r"^[A-Z]?\d{1,10}$")
CODED_LABEL = re.compile(r"^(?P<code>\d{3}(?:\s*\d{2}){0,2})\s*(?P<name>\D.*)$")  # "2010506统计管理", "301 01基本工资"
_SUBJECT_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")
CODE_DIGITS = (3, 2, 2)  # a 科目编码's 类, 款 and 项
_TOTAL = re.compile(r"^(合\s*计|总\s*计|小\s*计|.*小计)$")
_COUNT_IN_LABEL = re.compile(r"[（(]([^()（）]{1,8})[)）]\s*$")
LABEL_HEADER = re.compile(r"(项目|科目|名称|指标)$")
_BOUGHT_HEADER = re.compile(r"(品目|品名)$")
_CODE_HEADER = re.compile(r"(编码|代码)$")  # 品目编码 between a row's labels: no figure
# columns whose numbers are no figures of the row (功能科目编码 2200113, 实施周期 2024年—2026年): they split no labels
_NOT_FIGURES = re.compile(r"编码|代码|类型|周期|日期|时间|性质|方式")  # what a 政府采购 row buys: a label beside the project's name
_UNIT_HEADER = re.compile(r"^计量单位$")  # a column of the units its row's 数量 counts in (台, 批, 项)


def is_code_header(header: str) -> bool:
    """Whether a column's own header heads codes (功能科目编码, 品目代码)."""
    return bool(_CODE_HEADER.search(header))


def names_no_figures(header: tuple[str, ...]) -> bool:
    """A column whose numbers are no figures: its own header says so, or it is one level of a code (功能分类科目编码 over
    类 | 款 | 项)."""
    return bool(_NOT_FIGURES.search(header[-1])) or any(_CODE_HEADER.search(h) for h in header)


class ListMark(StrEnum):
    """How a label or sentence is numbered: 一、 (an item), （一） (a sub-item), 1. (a part)."""

    ITEM = "一、"
    SUB_ITEM = "（一）"
    PART = "1."


_LIST_MARKS = (
    (ListMark.ITEM, re.compile(r"^\s*[一二三四五六七八九十]+\s*、")),
    (ListMark.SUB_ITEM, re.compile(r"^\s*[（(]\s*[一二三四五六七八九十\d]+\s*[)）]")),
    (ListMark.PART, re.compile(r"^\s*\d{1,2}\s*[、.．](?!\d)")),
)


def list_mark(text: str) -> ListMark | None:
    """The numbering style that opens `text`, if any."""
    return next((mark for mark, pattern in _LIST_MARKS if pattern.match(text)), None)


_TABLE_NUMBER = re.compile(r"^(?:表\s*[一二三四五六七八九十\d]+|附表\s*[一二三四五六七八九十\d]*|【[^】]*】)\s*[：:、.．]?\s*")


def strip_table_number(title: str) -> str:
    """"表一 某局2025年部门收支总表" → "某局2025年部门收支总表": the number a title opens with, left out."""
    return _TABLE_NUMBER.sub("", title.strip())


def strip_list_mark(text: str) -> str:
    """"2、车辆（台、辆）" → "车辆（台、辆）"."""
    return _LIST_MARK.sub("", text).strip()


_PART_LEAD = re.compile(r"^\s*其中\s*[：:]?\s*")


def part_label(text: str) -> str:
    """A row's item without the 其中 and list mark that lead a part: "其中：（1）公务用车购置费" → 公务用车购置费."""
    return strip_list_mark(_PART_LEAD.sub("", text)) or text


def is_subject_code(text: str) -> bool:
    """"30201", "2080505", "201": a 科目编码 of 类, 类款 or 类款项 printed alone in its cell."""
    return bool(_SUBJECT_CODE.fullmatch(text.strip()))


def split_code(label: str) -> tuple[tuple[str, ...], str]:
    """"2010506统计管理" → (("201", "05", "06"), "统计管理"); a label that opens with no 科目编码 → ((), label)."""
    match = CODED_LABEL.match(label.strip())
    if not match:
        return (), label
    digits = squash(match["code"])
    parts: list[str] = []
    for size in CODE_DIGITS:
        if digits:
            parts.append(digits[:size])
            digits = digits[size:]
    return tuple(parts), match["name"].strip()


def row_code(row_path: tuple[str, ...]) -> str:
    """A row's 科目编码 digits: ("201", "05", "07", 专项普查活动) → 2010507, ("2013901", 行政运行) → 2013901; a 序号
    ("1", 某项目) is none."""
    code = "".join(step for step in row_path[:-1] if step.isdigit())
    return code if is_subject_code(code) else "".join(split_code(row_path[-1])[0]) if row_path else ""


def is_classification_row(row_path: tuple[str, ...]) -> bool:
    """Whether a row is a classification item, led by its 科目编码 (2070205 博物馆); a 科目编码 never opens with 0, the
    code of a unit in a table of units (001 某局本级) does."""
    code = row_code(row_path)
    return bool(code) and not code.startswith("0")


def squash(text: str) -> str:
    """Removes all whitespace (labels in these files are often spaced out: "合　计")."""
    return re.sub(r"\s+", "", text)


_YEAR_HEADER = re.compile(r"^(?:19|20)\d{2}\s*年度?$")  # "2024年" over a column is its year, not 2024 years


_LEVEL_MARKS = ("类", "款", "项")  # "一般公共服务支出（类）": a 功能分类 level, not a count
_COLUMN_NUMBER_ROW = re.compile(r"^栏\s*次$")


def _first_text(row: list[Cell]) -> str:
    return next((c.text.strip() for c in row if c.text.strip()), "")


def _numbers_columns(row: list[Cell]) -> bool:
    """A 栏次 row: labelled so, or only the numbers 1, 2, 3 … with no words (a 决算 table numbering its columns)."""
    if _COLUMN_NUMBER_ROW.match(_first_text(row)):
        return True
    filled = [c.text.strip() for c in row if c.text.strip()]
    return len(filled) >= 2 and counts_off(filled)


def is_year_label(text: str) -> bool:
    """Whether a cell names a year ("2024年", "2025年度"): a label or a header, never 2024 years."""
    return bool(_YEAR_HEADER.match(text.strip()))


def _is_data_row(row: list[Cell]) -> bool:
    return any(parse_quantity(c.text) is not None and not is_year_label(c.text) for c in row[1:]) \
        and len([c for c in row if c.text]) >= 2


def _is_preamble(row: list[Cell], width: int) -> bool:
    filled = [c.text for c in row if c.text]
    if not filled or len(filled) > MAX_PREAMBLE_CELLS or len(filled) >= width or opens_form(filled[0]):
        return False  # "项目名称 | 县级文物保护单位修缮" opens a form, whatever 单位 its project's name holds
    return len(filled) == 1 or any(mark in text for text in filled for mark in ("单位", "编制", "截止", "表", "：", ":"))


def _header_end(rows: list[list[Cell]], first_data: int) -> tuple[int, int]:
    """(first header row, first body row): a 绩效目标表 header row wins over the numeric-row rule; the rows above it
    are notes, but for a row naming the form's project (项目名称 | 某项目), which heads it too."""
    for i, row in enumerate(rows[:first_data] if first_data < len(rows) else rows):
        if any(mark in c.text for c in row for mark in HEADER_END_MARKS):
            named = [j for j, above in enumerate(rows[:i]) if opens_form(next((c.text for c in above if c.text.strip()), ""))]
            return (named[0] if named else i), i + 1
    return 0, first_data


_CONTINUED = re.compile(r"^续表\s*[:：]?\s*(?=\S)")  # "续表：支出决算表": the table goes on under its own name
_CONTINUED_TAIL = re.compile(r"\s*[（(]续[^（）()]{0,4}[)）]$")  # "表10 项目支出预算表（续）", "（续一）"


def table_of(title: str) -> str:
    """The title of the table a piece goes on with: "表10 项目支出预算表（续）" is 表10 项目支出预算表."""
    return _CONTINUED_TAIL.sub("", title)
_UNIT_TAIL = re.compile(r"\s+(?:金额)?单位\s*[:：]\s*\S{1,4}$")  # "支出决算表 单位：万元": the name, then its unit


def _title(captions: list[str]) -> str:
    for text in reversed(captions):
        text = _CONTINUED.sub("", _UNIT_TAIL.sub("", text.strip()))
        if (text.endswith("表") or "表（" in text) and not _FORM_NUMBER.match(text) and not _OWNER_LINE.match(text):
            return strip_list_mark(text)
    for text in reversed(captions):
        if not find_table_unit([text]) and len(text) <= 40 and "。" not in text and not _OWNER_CODE.match(text):
            return strip_list_mark(text)
    return ""


def _column_headers(header_rows: list[list[Cell]], width: int) -> list[tuple[str, ...]]:
    """Header chain per column.

    Full-width header rows are aligned with the data; an upper blank cell there spans from the
    left over columns that have a sub-header. Shorter rows (Word merges lost in a text dump) are
    trusted only for their leading cells before the first blank, and only in the row nearest
    the data; a column with no trusted header gets an empty chain and yields no facts.
    """
    grid = [[squash(c.text) for c in row] + [""] * (width - len(row)) for row in header_rows]
    full = [len(row) >= width for row in header_rows]
    short = [r for r in range(len(grid)) if not full[r]]
    trusted_short: dict[int, str] = {}
    if short:
        row = header_rows[short[-1]]
        for col, cell in enumerate(row):
            if not cell.text.strip():
                break
            trusted_short[col] = squash(cell.text)
    chains: list[tuple[str, ...]] = []
    for col in range(width):
        chain: list[str] = []
        for r, row in enumerate(grid):
            if not full[r]:
                continue
            text = row[col]
            if not text and any(grid[k][col] for k in range(r + 1, len(grid))):
                text = _spanning(grid, full, r, col)
            if text:
                chain.append(text)
        if not chain and col in trusted_short:
            chain.append(trusted_short[col])
        chains.append(tuple(dict.fromkeys(chain)))
    return chains


def _spanning(grid: list[list[str]], full: list[bool], r: int, col: int) -> str:
    """The header of row `r` spanning from the left over blank `col`, within the group of the rows above: a
    header starting above a column begins a new group (公务接待费 over 预算数 | 决算数 is not 公务用车运行维护费's)."""
    for c in range(col - 1, -1, -1):
        if any(grid[k][c + 1] for k in range(r) if full[k]):
            return ""
        if grid[r][c]:
            return grid[r][c]
    return ""


def _label_columns(body: list[list[Cell]], headers: list[tuple[str, ...]], width: int) -> set[int]:
    """Leading text/code columns, plus any later column whose header names items (…项目, …科目) or, right after
    them and their codes, what a row buys (采购品目); a row with one filled cell (a note under the table: 注：本表反映…) decides no
    column's kind."""
    labels: set[int] = set()
    body = [row for row in body if sum(bool(c.text) for c in row) > 1]
    for col in range(width):
        values = [row[col].text for row in body if col < len(row) and row[col].text]
        # "2024年" down a column labels its row with a year (a 三公 table with years as rows)
        texts = [v for v in values if parse_number(v) is None and (parse_quantity(v) is None or is_year_label(v))]
        codes = [v for v in values if _CODE.match(v) or is_total_label(v)]
        if values and len(texts) >= len(values) / 2:
            labels.add(col)
            labels |= _level_columns(body, headers, col + 1, width)
            break
        if values and len(codes) == len(values) and not any("," in v for v in values):
            labels.add(col)
            continue
        break
    for col, chain in enumerate(headers):
        values = [row[col].text for row in body if col < len(row) and row[col].text]
        textual = sum(parse_number(v) is None and parse_quantity(v) is None for v in values)
        labelled_before = all(c in labels or headers[c] and _CODE_HEADER.search(headers[c][-1]) for c in range(col))
        named = chain and (LABEL_HEADER.search(chain[-1]) or _BOUGHT_HEADER.search(chain[-1]) and labelled_before)
        if named and values and textual >= len(values) / 2:
            labels.add(col)
    return labels


def _level_columns(body: list[list[Cell]], headers: list[tuple[str, ...]], start: int, width: int) -> set[int]:
    """The columns from `start` on that go on naming the row's item, one 功能分类 level each: headed 款 or 项 and
    holding names, coded or not ("20805 行政事业单位养老支出", "行政事业单位医疗"), as a table with the levels side
    by side prints them."""
    found: set[int] = set()
    for col in range(start, width):
        values = [row[col].text for row in body if col < len(row) and row[col].text]
        named = [v for v in values if parse_number(v) is None and parse_quantity(v) is None]
        if not (col < len(headers) and headers[col] and headers[col][-1] in _LEVEL_MARKS and values
                and len(named) >= len(values) / 2):
            break
        found.add(col)
    return found


def _holds_codes(body: list[list[Cell]], col: int) -> bool:
    values = [row[col].text for row in body if col < len(row) and row[col].text]
    return bool(values) and all(_CODE.match(v) for v in values)


PEOPLE = "人"
SCORE = "分"
COLUMN_HEADERS = files("ingest") / "data" / "column_headers.txt"


@lru_cache(maxsize=1)
def column_header_sections() -> dict[str, list[list[str]]]:
    """The sections of the column-header word file (read once per process)."""
    return read_sections(COLUMN_HEADERS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def people_headers() -> frozenset[str]:
    """Headers of columns that count people (编制数, 实有人数)."""
    return frozenset(row[0] for row in column_header_sections()["people"])


@lru_cache(maxsize=1)
def score_headers() -> tuple[str, ...]:
    """Endings of headers of columns of scores (自评得分, 综合评分): their figures are in 分."""
    return tuple(row[0] for row in column_header_sections()["scores"])


_BALANCE_ROW = re.compile(r"结转(?:和?结余)?$|结余$")  # 年末财政拨款结转和结余, 上年结转: its funds are listed under it
FUND_NAME = r"(?:一般公共|政府性基金|国有资本经营)预算(?:财政)?(?:拨款)?"  # 政府性基金预算财政拨款, 一般公共预算拨款
_FUND_ROW = re.compile(rf"^{FUND_NAME}(?:资金|收入)?$")


def _is_balance(label: str) -> bool:
    return bool(_BALANCE_ROW.search(strip_list_mark(label)))


def is_fund_label(label: str) -> bool:
    """Whether a row label names a fund alone (一、一般公共预算财政拨款, 政府性基金预算资金)."""
    return bool(_FUND_ROW.match(strip_list_mark(label)))


def _balance_of(label: str, held: str | None) -> str | None:
    """The balance row (结转和结余) a row of a label column stands under: a fund named right after it, or after
    another of its funds, is that balance's part (年末结转和结余 › 政府性基金预算财政拨款), not the fund's money."""
    if _is_balance(label):
        return label
    return held if held and is_fund_label(label) else None


def balance_part(row_labels: tuple[str, ...]) -> str:
    """The item a fund row under a balance row stands for (政府性基金预算财政拨款年末财政拨款结转和结余), or ""."""
    if len(row_labels) >= 2 and _is_balance(row_labels[-2]) and is_fund_label(row_labels[-1]):
        return strip_list_mark(row_labels[-1]) + strip_list_mark(row_labels[-2])
    return ""


def _count_unit_from_label(label: str) -> str | None:
    """"车辆（台、辆）" → "台"; "房屋（平方米）" → "平方米"."""
    match = _COUNT_IN_LABEL.search(label)
    if not match:
        return None
    first = re.split(r"[、,，/]", match[1])[0].strip()
    quantity = parse_quantity(f"1{first}")
    if quantity and quantity.unit == "人" and "人次" in label:
        return "人次"  # "因公出国（境）人次数（人）" counts visits, as its name says
    return quantity.unit if quantity else None


def type_table(raw: RawTable, table_id: int, unit_in_force: str | None = None) -> Table:
    """Types one raw table; blank label cells inherit the value above. A table that states no unit of its own
    is in `unit_in_force`, the one the document last declared above it ("九、预算表（单位：元）")."""
    rows = [row for row in raw.rows if any(c.text for c in row) and not _numbers_columns(row)]  # neither header nor figures
    width = max((len(r) for r in rows), default=0)
    captions = [ln.text for ln in raw.caption_lines]
    if raw.header is not None:  # read by the loader: the rows above the body are all header
        first_data = raw.header.rows
        preamble, header_rows = [], rows[:first_data]
    else:
        first_data = next((i for i, row in enumerate(rows) if _is_data_row(row)), len(rows))
        header_start, first_data = _header_end(rows, first_data)
        preamble = [row for i, row in enumerate(rows[:first_data]) if i < header_start or _is_preamble(row, width)]
        header_rows = [row for i, row in enumerate(rows[:first_data]) if i >= header_start and not _is_preamble(row, width)]
    body = rows[first_data:]
    caption_texts = captions + [c.text for row in preamble for c in row if c.text]
    declaring = caption_texts + [c.text for row in header_rows for c in row]
    unit, counts = declared_units(declaring)
    unit = unit or unit_in_force
    if raw.header is not None:
        headers = [*raw.header.columns, *[()] * (width - len(raw.header.columns))]
        labels = set(raw.header.labels)
    else:
        headers = _column_headers(header_rows, width)
        labels = _label_columns(body, headers, width)

    cells: list[TableCell] = []
    above: dict[int, str] = {}
    ordered_labels = sorted(labels)
    code_columns = {col for col in labels if _holds_codes(body, col)}
    figure_columns = {col for col in range(width) if col not in labels and any(
        col < len(row) and parse_quantity(row[col].text) is not None for row in body)
        and not (col < len(headers) and headers[col] and names_no_figures(headers[col]))}
    unit_columns = [col for col, chain in enumerate(headers) if chain and _UNIT_HEADER.match(chain[-1])]
    balances: dict[int, str | None] = {}
    for r, row in enumerate(body):
        row_texts = {col: (row[col].text if col < len(row) else "") for col in range(width)}
        row_unit = next((q.unit for col in unit_columns if (q := parse_quantity(f"1{row_texts[col]}"))), None)
        for i, col in enumerate(ordered_labels):
            # a blank parent label spans down (merged cell) only when a child label to its right is filled,
            # for a code a child code: a row blank to the end (合计) or a 类 row (201 | | | name) inherits nothing
            children = [c for c in ordered_labels[i + 1 :] if c in code_columns or col not in code_columns]
            if not row_texts[col] and any(row_texts[c] for c in children):
                row_texts[col] = above.get(col, "")
            above[col] = row_texts[col]
        balances = {col: _balance_of(row_texts[col], balances.get(col)) for col in ordered_labels}
        for col, cell in enumerate(row):
            if col in labels or not cell.text:
                continue
            chain = headers[col] if col < len(headers) and cell not in raw.unplaced else ()
            default_unit = next((u for u in (header_unit(h) for h in reversed(chain)) if u), None) or unit
            if (in_header := _count_unit_from_label(chain[-1]) if chain else None) and not is_money(in_header) \
                    and in_header not in _LEVEL_MARKS:
                default_unit = in_header  # "年末实有人数（人）", "编制数（名）": a column of counts
            elif chain and (listed := next((u for u in counts if chain[-1].endswith(f"{u}数")), None)):
                default_unit = listed  # "编制人数" under "单位：人、万元"
            elif chain and squash(chain[-1]) in people_headers():
                default_unit = PEOPLE  # "编制数" in a table of units whose money is in 万元
            elif chain and squash(chain[-1]).endswith(score_headers()):
                default_unit = SCORE  # "自评得分" in a 项目支出决算及绩效自评表 in 万元
            # a side-by-side table (收入 | 预算数 | 支出 | 预算数): only the labels of the group nearest on the left
            nearest = max((c for c in ordered_labels if c < col), default=-1)
            after = max((c for c in figure_columns if c < nearest), default=-1)
            row_labels = tuple(row_texts[c] for c in ordered_labels if after < c < col and row_texts[c])
            if row_labels and (held := next((balances[c] for c in reversed(ordered_labels) if c < col and row_texts[c]), None)) \
                    and held != row_labels[-1]:
                row_labels = (*row_labels[:-1], held, row_labels[-1])  # 年末结转和结余 › 政府性基金预算财政拨款
            counted = _count_unit_from_label(row_labels[-1]) if row_labels else None
            if row_labels and "数量" in "".join(chain):
                default_unit = row_unit or counted or None
            elif counted and not is_money(counted) and counted not in _LEVEL_MARKS and not any(map(header_unit, chain)):
                default_unit = counted  # "公务用车保有量（辆）": counted, whatever the table's unit; 行政运行（项） is a level
            quantity = parse_quantity(cell.text, default_unit)
            cells.append(TableCell(cell, r, col, row_labels, chain, quantity))
    title = _title(caption_texts)
    # an indicator grid is a 绩效目标表 whatever its title (a 绩效自评 grid under a paragraph, a 附表 of one project)
    # or, under a title naming no other kind, a 项目名称 form whose grid header stands among its rows ("一级指标 |
    # 二级指标 | 三级指标 | 指标值" under 年度绩效目标)
    named = table_kind(title)
    grid = any(heads_indicator_grid([c.text for c in row]) for row in [*header_rows, *(body if named is TableKind.OTHER else [])])
    kind = TableKind.PERFORMANCE if grid else named
    return Table(
        id=table_id,
        title=title,
        unit=unit,
        header=[[c.text for c in row] for row in header_rows],
        body=body,
        cells=cells,
        start=raw.start,
        end=raw.end,
        page=raw.page,
        section_id=None,
        kind=kind,
        project=captioned_project(caption_texts) if kind is TableKind.PERFORMANCE else None,
    )


def is_total_label(label: str) -> bool:
    """True for 合计/总计/小计 rows."""
    return bool(_TOTAL.match(squash(label)))
