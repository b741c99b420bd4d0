"""Which sub-unit (下属单位) a table belongs to when it is not the department's own: the body its title names
("岚江省林木种苗站2025年收支预算表"), else the body the nearest heading above it names ("（二）岚江省林业科学研究院").
The department's own name there ("表一 岑阳市公安局2025年部门收支总表", "岑阳市公安局（本级）") is no sub-unit."""

from __future__ import annotations

import re

from ingest.tables import strip_list_mark, strip_table_number
from ingest.vocabulary import core_name, organ_suffixes, split_places

_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")  # （本级）, （公益一类事业单位）
# a body named before the year or the kind of table: "岚江省林木种苗站2025年收支预算表"
_BODY_BEFORE = re.compile(r"^(?P<body>[\u4e00-\u9fff（）()]{3,40}?)\s*(?:(?:19|20)\d{2}\s*年|部门|单位|预算|决算|收支|收入|支出)")
MIN_BODY_CHARS = 4  # a place and an organ word at least (种苗站 alone is too short to tell)


def _body(text: str) -> str | None:
    """The body a title or heading names, or None."""
    text = strip_list_mark(strip_table_number(text))
    while _NOTE.search(text):
        text = _NOTE.sub("", text)
    match = _BODY_BEFORE.match(text)
    name = match["body"] if match else text
    core = core_name(split_places(name)[1])
    return name if len(name) >= MIN_BODY_CHARS and core and organ_suffixes(core) and core not in organ_suffixes(core) else None


def _is_department(body: str, department: str) -> bool:
    own, named = core_name(split_places(department)[1]), core_name(split_places(body)[1])
    return named.endswith(own) or department.endswith(body)


def table_scope(title: str, heading: str | None, department: str) -> str | None:
    """The sub-unit a table with this title belongs to, or the one `heading` names: the heading right above the
    table, with nothing but its caption between (an entry of a list of the units, with text after it, heads no
    table); None for the department's own table."""
    for text in (title, heading or ""):
        body = _body(text)
        if body:
            return None if _is_department(body, department) else body
    return None
