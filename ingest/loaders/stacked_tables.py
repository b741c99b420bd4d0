"""Tables stacked one below another in one grid (a spreadsheet's sheet, or a page saved from one as a single
HTML table): a single-value row that reads as a table's title ("表二 …部门收入总表") or unit line ends the table
above it and opens the next; a sentence or a part's heading alone in its row (the narrative between or below the
tables) ends it too. The single-value rows above a table's first row are its caption lines."""

from __future__ import annotations

import re

from ingest.loaders.builder import clean_cell_text
from ingest.numbers import find_table_unit
from ingest.sections import heading_level

PART_LEVEL = 1  # 第三部分 …情况说明: a part of the document, never a row
MAX_LABEL_CHARS = 40  # a single value longer than this, with a comma, is prose
_SENTENCE_END = re.compile(r"[。；！？]")
_TABLE_TITLE = re.compile(r"^(?:附?表\s*[一二三四五六七八九十\d]+(?:[-－—]\d+)?\s*\S*|.{4,60}表(?:[（(][^（）()]{1,8}[)）])?)$")

StackedTable = tuple[list[str], list[list[str]]]  # caption lines, then the table's rows


def stacked_tables(rows: list[list[str]]) -> list[StackedTable]:
    """The grid's tables, each with the single-value lines above it; a title or unit line, a sentence or a part's
    heading below a table's rows opens the next one."""
    tables: list[StackedTable] = [([], [])]
    for row in rows:
        values = [text for text in map(clean_cell_text, row) if text]
        captions, body = tables[-1]
        if len(values) <= 1 and body and values and (opens_table(values[0]) or _is_prose(values[0])
                                                     or heading_level(values[0]) == PART_LEVEL):
            tables.append(([values[0]], []))
        elif len(values) <= 1 and not body:
            captions += values
        else:
            body.append(row)
    return tables


def _is_prose(text: str) -> bool:
    """A sentence in a cell of its own (a narrative written below the tables), not a table's label."""
    return bool(_SENTENCE_END.search(text)) or len(text) > MAX_LABEL_CHARS and "，" in text


def opens_table(text: str) -> bool:
    """A title ("表二 …收入总表") or a unit line ("单位：万元"): the start of another table."""
    return bool(_TABLE_TITLE.match(text) or find_table_unit([text]))
