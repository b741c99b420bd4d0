"""Reads a disclosure exported as structured JSON (an open-data portal's export), whatever its field names: objects
and lists nested in any way, whose strings are the text and whose lists of rows are the tables.

Within an object, its plain fields come first, in the file's order: a title's value alone ("标题": "…支出预算表"),
a long text alone, any other field as "name：value" (部门名称：某局, 单位：万元); then its other fields in the
file's order: a list of strings is paragraphs, a list of rows (lists of plain values) is a table, and the row
lists of one object (表头 then 行) are one table, under the lines its plain fields gave it, and a list of plain values
as wide as those rows is their header ("columns": […]); a list of records (objects
of short plain values, some figures) is a table whose header is their field names, unless the records are one figure
each named by its row and column (and table: {"表": …, "行": …, "列": …, "值": …}), which are set back into their
tables; an object whose every field is a column (a list of plain values, all of one length) or a group of such
columns (a merged header over its sub-columns) is a table stored by column; nested objects and lists are read the
same way. A list of nodes holding their children (类 → 款 → 项) is one
table of all its nodes, with the object's field dictionary naming its columns and the object's total as a 合计 row.
"""

from __future__ import annotations

import re

from ingest.loaders.builder import TextBuilder

MIN_NODE_FIELDS = 2  # the fields a tree's child shares with its parent at least (code, name, amount …)
_TITLE_KEY = re.compile(r"标题|^名称$|^表名$|title|^name$|caption", re.IGNORECASE)  # a field whose value is said alone
_TEXT_CHARS = 30  # a value this long is a sentence or paragraph, said without its field's name
_UNIT_KEY = re.compile(r"unit|units|(?:金额|计量)?单位", re.IGNORECASE)  # the unit a table's figures are in
_TEXT_KEY = re.compile(r"说明|内容|正文|段落|text|content|paragraph", re.IGNORECASE)


def _is_plain(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _is_rows(value: object) -> bool:
    """A list of rows: lists of plain values."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(row, list) and all(_is_plain(cell) for cell in row) for row in value)


def _is_records(value: object) -> bool:
    """A list of records: objects of plain values, short ones, some of them figures (a table's rows keyed by column
    name: {"单位名称": "某中心", "合计": 2016.35, …}); not a list of titled paragraphs."""
    return isinstance(value, list) and len(value) >= 2 and all(
        isinstance(row, dict) and row and all(_is_plain(cell) for cell in row.values()) for row in value) \
        and all(len(_cell(cell)) < _TEXT_CHARS for row in value for cell in row.values()) \
        and any(isinstance(cell, int | float) and not isinstance(cell, bool) for row in value for cell in row.values())


def _record_rows(records: list[dict]) -> list[list[str | None]]:
    """Records as a table: the column names, in the order the records give them (a name one record lacks keeps its
    place after the name before it where another has it), then a row per record."""
    columns: list[str] = []
    for record in records:
        for at, key in enumerate(map(str, record)):
            if key not in columns:
                before = str(list(record)[at - 1]) if at else None
                columns.insert(columns.index(before) + 1 if before in columns else len(columns) if at else 0, key)
    return [list(columns), *([_cell(record.get(column)) for column in columns] for record in records)]


MIN_CELLS_PER_ROW = 2  # a long-format row label stands over this many figures on average, a record table's once


def _is_figure(value: object) -> bool:
    return value is None or isinstance(value, int | float) and not isinstance(value, bool)


def _runs(records: list[dict], key: str) -> int:
    """How often a field's value changes from one record to the next, plus one."""
    return 1 + sum(a.get(key) != b.get(key) for a, b in zip(records, records[1:]))


def _long_fields(records: list[dict]) -> tuple[str | None, str, str, str] | None:
    """The (table, row, column, value) fields of records that are each one figure of a table (long format): all
    share their fields, one of which holds the figures and the others strings; the column's value changes from
    record to record, the row's every few records and the table's (when there is one) seldom. None otherwise."""
    keys = list(records[0])
    if any(list(record) != keys for record in records):
        return None
    figures = [key for key in keys if all(_is_figure(record[key]) for record in records)]
    names = [key for key in keys if all(isinstance(record[key], str) for record in records)]
    if len(figures) != 1 or len(names) not in (2, 3) or len(figures) + len(names) != len(keys):
        return None
    table, row, column = ([None] if len(names) == 2 else []) + sorted(names, key=lambda key: _runs(records, key))
    cells = {(record.get(table) if table else None, record[row], record[column]) for record in records}
    rows = {(table_name, row_name) for table_name, row_name, _ in cells}
    if len(cells) != len(records) or len(records) < MIN_CELLS_PER_ROW * len(rows):
        return None
    return table, row, column, figures[0]


def _write_long(builder: TextBuilder, records: list[dict], fields: tuple[str | None, str, str, str]) -> None:
    """Records of one figure each set back into their tables: the table's name as its title line, a row per row
    name and a column per column name, in the order the records give them."""
    table, row, column, value = fields
    titles = [record.get(table) if table else None for record in records]
    for title in dict.fromkeys(titles):
        own = [record for record, its_title in zip(records, titles) if its_title == title]
        columns = list(dict.fromkeys(record[column] for record in own))
        grid: dict[str, dict[str, str]] = {}
        for record in own:
            grid.setdefault(record[row], {})[record[column]] = _cell(record[value])
        if title:
            builder.add_line(title)
        header = row if len(row) >= 2 else "项目"  # a field named 行 says nothing a header could
        builder.add_table([[header, *columns], *([label, *(cells.get(c, "") for c in columns)] for label, cells in grid.items())])


def _cell(value: object) -> str:
    """A plain value as a cell prints it: 386.5, 12520 (not 12520.0), "" for null."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        return format(value, "f").rstrip("0").rstrip(".")
    return str(value)


def _table_rows(rows: list) -> list[list[str | None]]:
    """Rows of plain values as the table's cells."""
    return [[_cell(cell) for cell in row] for row in rows]


def _field_line(key: str, value: object) -> str:
    text = _cell(value)
    if not text or _TITLE_KEY.search(key) or _TEXT_KEY.search(key) or len(text) >= _TEXT_CHARS:
        return text
    return f"单位：{text}" if _UNIT_KEY.fullmatch(key) else f"{key}：{text}"  # "unit": "万元" as a table's caption says it


def write_json(builder: TextBuilder, value: object) -> None:
    """Writes parsed JSON into `builder` as lines and tables (see the module's docstring)."""
    if _is_plain(value):
        builder.add_line(_cell(value))
    elif isinstance(value, list) and _is_rows(value):
        builder.add_table(_table_rows(value))
    elif _is_records(value) and (long := _long_fields(value)):
        _write_long(builder, value, long)
    elif _is_records(value):
        builder.add_table(_record_rows(value))
    elif isinstance(value, list):
        for item in value:
            write_json(builder, item)
    elif isinstance(value, dict) and (by_column := _column_table(value)):
        builder.add_table(by_column)
    elif isinstance(value, dict):
        _write_object(builder, value)


MIN_COLUMNS = 2  # a table stored by column has at least this many columns


def _column_paths(fields: dict, above: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], list]] | None:
    """The columns of an object stored by column, each with its header path (group, then column), or None when a
    field is neither a list of plain values nor a group of them."""
    found: list[tuple[tuple[str, ...], list]] = []
    for key, value in fields.items():
        path = (*above, str(key))
        if isinstance(value, list) and all(_is_plain(cell) for cell in value):
            found.append((path, value))
        elif isinstance(value, dict) and value and (inner := _column_paths(value, path)):
            found += inner
        else:
            return None
    return found


def _column_table(fields: dict) -> list[list[str | None]] | None:
    """A table stored by column ({"科目名称": […], "决算数": {"基本支出": […], "项目支出": […]}}) as rows: a header row per
    level, a group's name written once over its columns and a column's name once above the levels it spans, then a
    row per position; None when the object is not one, or its columns differ in length."""
    columns = _column_paths(fields) if fields and all(not _is_plain(value) for value in fields.values()) else None
    if not columns or len(columns) < MIN_COLUMNS or len({len(values) for _, values in columns}) != 1:
        return None
    depth = max(len(path) for path, _ in columns)
    header = [[path[level] if level < len(path) and (at == 0 or columns[at - 1][0][: level + 1] != path[: level + 1]) else ""
               for at, (path, _) in enumerate(columns)] for level in range(depth)]
    return [*header, *([_cell(values[row]) for _, values in columns] for row in range(len(columns[0][1])))]


def _header(fields: dict) -> list | None:
    """A list of plain values as wide as the object's rows: their column names ("columns": ["科目编码", …])."""
    width = max((len(row) for value in fields.values() if _is_rows(value) for row in value), default=0)
    return next((value for value in fields.values() if isinstance(value, list) and len(value) == width and value
                 and not _is_rows(value) and all(_is_plain(cell) for cell in value)), None)


def _children_key(value: object) -> str | None:
    """The key under which a list of nodes (objects of plain values) holds each node's children, when the list is a
    tree ("children": [{…, "children": []}]), else None."""
    if not isinstance(value, list) or not value or not all(isinstance(node, dict) for node in value):
        return None
    keys = {key for node in value for key, child in node.items() if isinstance(child, list)}
    if len(keys) != 1:
        return None
    key = keys.pop()
    children = [child for node in value for child in node.get(key) or []]
    plain = all(_is_plain(cell) for node in value for name, cell in node.items() if name != key)
    # children are nodes like their parents (code, name, amount …), not the records of a table the node holds
    alike = all(isinstance(child, dict) and len(set(child) & set(value[0]) - {key}) >= MIN_NODE_FIELDS for child in children)
    return key if children and alike and plain else None


def _nodes(tree: list[dict], children: str) -> list[dict]:
    """A tree's nodes depth first, each without its children: a 类, then its 款, then their 项."""
    out = []
    for node in tree:
        out.append({key: cell for key, cell in node.items() if key != children})
        out += _nodes(node.get(children) or [], children)
    return out


def _tree_table(fields: dict, key: str, children: str) -> list[list[str | None]]:
    """A tree of figures as a table: a row per node, its columns named as the object's field dictionary names them
    ("fields": {"amount": "合计", …}), and the object's total (a record of the same figures) as a 合计 row."""
    records = _nodes(fields[key], children)
    columns = {column for record in records for column in record}
    names = next((value for value in fields.values() if isinstance(value, dict) and len(value) >= 2
                  and set(value) <= columns and all(isinstance(name, str) for name in value.values())), {})
    label = next((column for column, name in names.items() if "名称" in name), None)
    total = next((value for value in fields.values() if isinstance(value, dict) and value is not names and value
                  and set(value) <= columns and all(_is_plain(cell) for cell in value.values())), None)
    rows = _record_rows([*records, {**total, label: "合计"}] if total and label else records)
    return [[names.get(column, column) for column in rows[0]], *rows[1:]]


def _write_object(builder: TextBuilder, fields: dict) -> None:
    for key, value in fields.items():
        if _is_plain(value):
            builder.add_line(_field_line(str(key), value))
    tree = next(((key, children) for key, value in fields.items() if (children := _children_key(value))), None)
    if tree:  # "tree": [{"code": "205", "name": "教育支出", "amount": …, "children": […]}]: one table of every node
        builder.add_table(_tree_table(fields, *tree))
        return
    header = _header(fields)
    rows: list[list[str | None]] = _table_rows([header]) if header else []  # the row lists of this object, one table
    for value in fields.values():
        if isinstance(value, list) and _is_rows(value):
            rows += _table_rows(value)
        elif not _is_plain(value) and value is not header:
            write_json(builder, value)
    builder.add_table(rows)
