"""Which sub-unit (下属单位) a table belongs to when it is not the department's own: the body its title names
("岚江省林木种苗站2025年收支预算表", "下属单位“三公”经费表（某中心）"), else the body the nearest heading above it names
("（二）岚江省林业科学研究院").
The department's own name there ("表一 岑阳市公安局2025年部门收支总表", "岑阳市公安局（本级）") is no sub-unit."""

from __future__ import annotations

import re

from ingest.tables import strip_list_mark, strip_table_number
from ingest.vocabulary import core_name, organ_suffixes, split_places, vocabulary

_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")  # （本级）, （公益一类事业单位）
# a note after a name that no name holds (a comma, a count): "某支队（参照公务员法管理事业单位，编制72人）2025年预算…"
_NOTE_WITHIN = re.compile(r"[（(][^（）()]{0,40}?[，,、；;\d][^（）()]{0,40}?[)）]")
# a body named before the year or the kind of table: "岚江省林木种苗站2025年收支预算表"
_BODY_BEFORE_FIGURE = re.compile(r"^(?P<body>[\u4e00-\u9fff（）()]{3,40}?)\s*(?=\d)")  # 分单位看：…；某大队770.62万元
_BODY_BEFORE_QUOTE = re.compile(r"^(?P<body>[\u4e00-\u9fff（）()]{3,40}?)(?=[“「\"])")  # 某中心“三公”经费预算…
_BODY_BEFORE = re.compile(r"^(?P<body>[\u4e00-\u9fff（）()]{3,40}?)\s*(?:(?:19|20)\d{2}\s*年|部门|单位|预算|决算|收支|收入|支出|为|是|系|负责|承担)")
_NOT_A_NAME = re.compile(r"[、，,；;\d]")  # a list's or a clause's marks, a count: never inside a body's name
MIN_BODY_CHARS = 4  # a place and an organ word at least (种苗站 alone is too short to tell)
OWN_OFFICE = "本级"  # the scope of the figures a sentence gives of the department's own office (某局本级, 某局（本级）)
MIN_NAME_TAIL = 4  # characters of the department name's tail that still name it (区信访局)
_CLAUSE_ENDS = "。；;\n"
_COMMA = re.compile(r"，|,(?!\d{3})")  # not the comma of 28,000.00
_SENTENCE_ENDS = "。\n"
_COMPARES = re.compile(r"\s*(?:与|较|同|比)(?:上年|上一年|去年|(?:19|20)\d{2}\s*年)")  # a sentence going on with the last one's figure
_REFERS_BACK = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年度?\s*)?该(?!项|笔|年)[\u4e00-\u9fff]")  # 2025年该中心, 该单位
_NOTE_MARKS = re.compile(r"^[（(]|[)）]")  # （本级） read as 本级
MAX_UNIT_PART_CHARS = 1200  # a unit's part under its own heading ("（一）某福利院") is read this far
MAX_CLAUSE_CHARS = 200  # a clause's opening is looked for this far back from a figure
_HEADING_END = re.compile(r"[。：:\n]")  # where a paragraph's heading sentence ends
_UNIT_NAME = re.compile(r"[\u4e00-\u9fff（）()]{4,30}")  # a unit's name alone, no clause that runs on past it
_SELF_WORDS = ("本", "我", "全")  # 本部门, 我局, 全局: the department speaking of itself
_YEAR_OPENING = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?\s*)")


def _body(text: str, figure_next: bool = False) -> str | None:
    """The body a title or heading names, or None; with `figure_next`, also one a figure follows right away."""
    text = _NOTE_WITHIN.sub("", strip_list_mark(strip_table_number(text)))
    while _NOTE.search(text):
        text = _NOTE.sub("", text)
    match = _BODY_BEFORE.match(text) or (_BODY_BEFORE_FIGURE.match(text) or _BODY_BEFORE_QUOTE.match(text) if figure_next else None)
    name = match["body"] if match else text
    if _NOT_A_NAME.search(name):  # "某中心内设办公室、…4个部门，下设…2个管理所": a clause listing bodies, no one name
        return None
    core = core_name(split_places(name)[1])
    return name if len(name) >= MIN_BODY_CHARS and core and organ_suffixes(core) and core not in organ_suffixes(core) else None


def _is_department(body: str, department: str) -> bool:
    """Whether `body` is the department: its name, its tail, or its core abbreviated (廊坊市委政法委)."""
    own, named = core_name(split_places(department)[1]), core_name(split_places(body)[1])
    return named.endswith(own) or department.endswith(body) or in_order(named, department)


def in_order(short: str, name: str) -> bool:
    """Whether every character of `short` stands in `name` in the same order."""
    rest = iter(name)
    return all(char in rest for char in short)


def table_scope(title: str, heading: str | None, department: str) -> str | None:
    """The sub-unit a table with this title belongs to, or the one `heading` names: the heading right above the
    table, with nothing but its caption between (an entry of a list of the units, with text after it, heads no
    table); None for the department's own table."""
    for text in (title, heading or ""):
        body = _body(text) or _body_noted(text)
        if body:
            return None if _is_department(body, department) else body
    return None


def _body_noted(title: str) -> str | None:
    """The body a title's closing note in brackets names: "下属单位“三公”经费支出决算表（某发展服务中心）"."""
    note = _NOTE.search(title)
    return _body(_NOTE_MARKS.sub("", note.group().strip())) if note else None


def sentence_scope(text: str, end: int, department: str, heading_at: int | None = None) -> str | None:
    """The sub-unit the figure ending at `end` is of when its clause opens with a body other than the department
    ("2.璆溇县公安局城关派出所收入预算…": 璆溇县公安局城关派出所), OWN_OFFICE when it opens with the department's
    own office ("1.某局本级收入预算…", "某局（本级）收入预算…"), else None. A clause opens after 。, ；, a line break
    or a colon ("分单位看：1.…"); only a name that begins with a place or with the department's name is read: "城关派出所"
    alone may be the department's own words. A clause that names no body speaks for the body its sentence opens
    with ("…收入预算…；支出预算…"), and a sentence that opens with 该 (该中心, 该单位) for the one its paragraph
    opens with ("某中心为本部门所属事业单位…。2025年该中心收入预算…"); one that opens with a comparison ("与2024年预算…相比，
    减少…") for the sentence before it; one that names no body, for the unit its paragraph opens with, unless it opens
    with the department speaking of itself (本部门, 我局). A sentence that names no body speaks for the unit the
    heading it stands under (the line at `heading_at`) names alone ("（一）某区社会福利院"), when that heading is near
    and no entry of a list of the units ("具体包括：1. 某局本部 / 2. 某中心")."""
    clause_start = _opening_at(text, end, _CLAUSE_ENDS)
    sentence_start = _opening_at(text, clause_start, _SENTENCE_ENDS)
    comma_start = max((m.end() for m in _COMMA.finditer(text, clause_start, end)), default=0)
    if comma_start > clause_start and text.endswith("元", 0, end) \
            and (named := _named_body(text[comma_start:end], department)):
        return named  # "分单位看，某局机关支出…，某文化宫支出612.48万元": the unit its part of the clause opens with
    paragraph_start = text.rfind("\n", 0, end) + 1
    for start in (clause_start, sentence_start):
        named = _named_body(text[start:end] if start == clause_start else _first_clause(text, start), department)
        if named is not None:
            return named or None
        if _REFERS_BACK.match(text, start) and paragraph_start < start:  # 该中心: the body the paragraph opens with
            return _named_body(_first_clause(text, paragraph_start), department) or None
    if _COMPARES.match(text, sentence_start) and paragraph_start < sentence_start:
        return sentence_scope(text, sentence_start - 1, department)  # "与2024年预算…相比，减少…": the last sentence's
    if paragraph_start < sentence_start and (named := _paragraph_heading(text, paragraph_start, department)):
        return named  # "（二）某中心。2025年收入预算…": a paragraph headed by the unit's name alone speaks of it
    if paragraph_start < sentence_start and not _speaks_as_department(text[sentence_start:end], department) \
            and (opened := _opening_scope(strip_list_mark(_first_clause(text, paragraph_start).strip()), department)) \
            and opened != OWN_OFFICE and _UNIT_NAME.fullmatch(opened):
        return opened  # "某站为本局所属事业单位…。2024年度收入合计…": the unit its paragraph opens with, not a list of units
    return _unit_heading(text, heading_at, department) if heading_at is not None and end - heading_at <= MAX_UNIT_PART_CHARS \
        else None


def _speaks_as_department(sentence: str, department: str) -> bool:
    """Whether a sentence opens with the department speaking of itself (本部门, 我局, 全局), not of a unit."""
    organs = organ_suffixes(core_name(split_places(department)[1]))
    opening = _YEAR_OPENING.sub("", sentence.strip())
    return any(opening.startswith(f"{self_word}{organ}") for self_word in _SELF_WORDS for organ in ("部门", *organs))


def _unit_heading(text: str, start: int, department: str) -> str | None:
    """The sub-unit a heading line at `start` names alone, unless a line beside it names a body alone too (a list of
    the units, not the heading of one unit's part)."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    before = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)] if start else ""
    after_end = text.find("\n", line_end + 1)
    after = text[line_end + 1 : len(text) if after_end < 0 else after_end]
    if any(_heading_scope(line.rpartition("：")[2], department) is not None for line in (before, after)):
        return None
    return _heading_scope(text[start:line_end], department) or None


def _heading_scope(heading: str, department: str) -> str | None:
    """The scope of a heading that is a body's name alone ("（一）某区社会福利院", "某局本级"), "" for the department's,
    or None for a heading that says more ("第四部分 下属单位预算情况")."""
    name = strip_list_mark(heading.strip())
    return _named_body(name, department) if name and _body(name) == _NOTE.sub("", name) else None


def _paragraph_heading(text: str, start: int, department: str) -> str | None:
    """The sub-unit a paragraph's first sentence names and says nothing else of ("（二）某中心。"), or None."""
    end = _HEADING_END.search(text, start, start + MAX_CLAUSE_CHARS)
    name = strip_list_mark(text[start : end.start()].strip()) if end else ""
    if not name or _body(name) != _NOTE.sub("", name):  # more than a name: "（二）2025年收入预算…"
        return None
    return _named_body(name, department) or None


def _opening_at(text: str, end: int, marks: str) -> int:
    """Where the clause or sentence holding `end` opens: after the last of `marks`, at most MAX_CLAUSE_CHARS back."""
    return max(max(text.rfind(mark, 0, end) for mark in marks) + 1, end - MAX_CLAUSE_CHARS, 0)


def _first_clause(text: str, start: int) -> str:
    ends = [at for mark in _CLAUSE_ENDS if (at := text.find(mark, start, start + MAX_CLAUSE_CHARS)) >= 0]
    return text[start : min(ends, default=start + MAX_CLAUSE_CHARS)]


def _named_body(clause: str, department: str) -> str | None:
    """The scope of the body `clause` opens with (after a colon, or at its start): the sub-unit, OWN_OFFICE, or ""
    for the department itself; None when it opens with no body."""
    for opening in dict.fromkeys((clause.rpartition("：")[2], clause)):
        if (scope := _opening_scope(strip_list_mark(opening.strip()), department)) is not None:
            return scope
    return None


BODY_LIST_JOINERS = "及和与、"  # between the bodies of a list (某局本级及某中心)
_WITH_OTHERS = re.compile(rf"^[{BODY_LIST_JOINERS}]")  # "某局本级及某中心…": the office with units beside it


def _office_scope(after_office: str) -> str:
    """The scope of a clause naming the department's own office: that office, or the department where units are
    listed beside it ("某局本级及某中心（参照公务员法管理）机关运行经费…": what these bodies spend together)."""
    return "" if _WITH_OTHERS.match(after_office) else OWN_OFFICE


def _opening_scope(opening: str, department: str) -> str | None:
    """The scope of a clause that opens with a body's name ("" for the department), or None."""
    if office := _opens_with_own_organ_office(opening, department):
        return _office_scope(opening[len(office) :])  # "（三）局本级2025年收入预算…": the organ word alone, then 本级
    own = own_name_opening(opening, department)
    if own is not None:
        rest = _NOTE_MARKS.sub("", opening[len(own) :])
        if office := office_word_opening(rest):
            return _office_scope(rest[len(office) :])  # 某局本级, 某局机关本级; "某局机关内设科室5个" speaks of the department itself
    body = _body(opening, figure_next=own is None)  # "某局下属某院1个": the department's count of its units
    if body is None or own is None and not split_places(body)[0]:
        return None if own is None else ""
    return "" if _is_department(body, department) else body


def office_word_opening(text: str) -> str:
    """The word naming the department's own office (本级, 机关本级) that `text` opens with, or ""."""
    return next((w for w in vocabulary().own_office if OWN_OFFICE in w and text.startswith(w)), "")


def _opens_with_own_organ_office(opening: str, department: str) -> str:
    """The department's own office named by its organ word alone (局本级, 委本级, 政府本级) that `opening` opens with, or ""."""
    organs = organ_suffixes(core_name(split_places(department)[1]))
    offices = [w for w in vocabulary().own_office if OWN_OFFICE in w]
    bracketed = {f"{office[: -len(OWN_OFFICE)]}（{OWN_OFFICE}）" for office in offices}  # 局机关（本级）
    return next((f"{organ}{office}" for organ in {*organs, *(o[0] for o in organs)} for office in (*offices, *bracketed)
                 if opening.startswith(f"{organ}{office}")), "")


def own_name_opening(text: str, department: str) -> str | None:
    """The department's name, or its tail from a place on, that `text` opens with (区信访局…), or None."""
    tails = (department[at:] for at in range(len(department) - MIN_NAME_TAIL + 1))
    return next((tail for tail in tails if text.startswith(tail)), None)
