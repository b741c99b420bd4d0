"""Tables given as lines of text (a PDF's page text): the header read from the words above the rows, each
row cut into labels and figures, each figure put in its column.

Text keeps no cell grid. A header's words run together ("合计基本支出") or wrap ("机关运行经费预算" /
"数合计"), and a blank cell leaves no trace, so "2120101行政运行 16,879,230 16,879,230" does not say which
of 合计, 基本支出 and 项目支出 holds its second figure. So:

- a run of header text is split into the words of ingest/data/column_headers.txt when they cover it all;
- a word that file lists parts for spans them (基本支出 over 人员经费 and 公用经费); of the other words, one
  alone on the top line spans the words below it, and words beside it on that line are columns next to it;
- 项目 opening more than one run of columns on a header line makes a two-sided table (收入 beside 支出):
  the words above that line head the sides in turn, the words below it belong to the last side;
- a leading 科目编码 (2120101, "301 01") is split into its 类, 款 and 项 parts when most rows have one;
- a row's figures keep their order and go to the columns every placement agrees on in which a 合计 or 小计
  column is the sum of the columns beside it and a row the sum of the rows under it (a code's sub-codes,
  a 一、 item's 1、 items, every item for the table's one 合计 row). A figure whose column stays open is
  kept in its row under no header.

A table whose rows do not fit the header read (more figures than columns) keeps the lines as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, pairwise

from ingest.model import ReadHeader
from ingest.numbers import UNSIGNED_NUMBER, ascii_digits
from ingest.tables import column_header_sections, is_subject_code, is_total_label, list_mark, split_code, squash

MAX_SIDES = 2  # 收入 beside 支出
MAX_SUM_STATES = 20_000  # partial sums one row and its sub-rows may reach before their check is given up
_FIGURE = re.compile(rf"[-+]?{UNSIGNED_NUMBER}%?|[-—－]")
_LABEL_WORD = re.compile(r"(?:项目|科目|名称|指标|编码|代码)$")
_MATCH_FORM = str.maketrans({"（": "(", "）": ")", "“": None, "”": None, '"': None, "‘": None, "’": None})
# the second numbered item of a label cell that holds one from each side: "3、国有资本经营预算 四、科学技术支出"
_SECOND_ITEM = re.compile(r"\s+(?=[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])")
_GRAND_TOTAL = re.compile(r"(?:合计|总计)$")  # 合计, 收入总计: the row every item adds up to

Vector = tuple[int, ...]


def is_figure(token: str) -> bool:
    """A figure as a table prints it: 1,234.56, -3, 12%, or a dash for none, in ASCII or full-width digits."""
    return bool(_FIGURE.fullmatch(ascii_digits(token)))


def row_cells(line: str) -> list[str]:
    """Label text (leading codes included) as one cell, then one cell per figure; labels between figures stay whole."""
    tokens = line.split()
    if all(is_figure(t) for t in tokens):
        return tokens
    cells: list[str] = []
    label: list[str] = []
    seen_text = False
    for at, token in enumerate(tokens):
        opens_label = is_subject_code(token) and at + 1 < len(tokens) and not is_figure(tokens[at + 1])
        if is_figure(token) and seen_text and not opens_label:  # "… 402.60 30201 办公费 24.62": 30201 opens a label
            if label:
                cells.append(" ".join(label))
                label = []
            cells.append(token)
        else:
            seen_text = seen_text or not is_figure(token)
            label.append(token)
    if label:
        cells.append(" ".join(label))
    return cells


# ---------------------------------------------------------------- header words


@dataclass(frozen=True)
class HeaderWords:
    """The vocabulary of ingest/data/column_headers.txt, every word in match form."""

    words: frozenset[str]  # every word a run of header text may be split into
    parts: dict[str, tuple[str, ...]]  # a word → the sub-headers printed under it
    labels: frozenset[str]  # words over label columns that the label-word pattern misses


def match_form(text: str) -> str:
    """How header words are compared: no spaces or quotes, half-width brackets."""
    return squash(text).translate(_MATCH_FORM)


@lru_cache(maxsize=1)
def header_words() -> HeaderWords:
    """The shipped header vocabulary (read once per process)."""
    sections = column_header_sections()
    parts = {match_form(row[0]): tuple(match_form(w) for w in row[1:]) for row in sections["parts"]}
    labels = frozenset(match_form(row[0]) for row in sections["labels"])
    listed = {match_form(w) for row in sections["words"] for w in row}
    return HeaderWords(frozenset(listed | labels | {w for key, sub in parts.items() for w in (key, *sub)}), parts, labels)


@dataclass
class _Word:
    """One header word, the header line it starts on, and the words under it once the header is read."""

    text: str
    line: int
    parts: list[_Word] = field(default_factory=list)

    @property
    def is_label(self) -> bool:
        return heads_labels(self.text)


def heads_labels(word: str) -> bool:
    """Whether a header word stands over row labels (项目, 科目名称, 功能分类科目编码) rather than figures."""
    form = match_form(word)
    return form in header_words().labels or bool(_LABEL_WORD.search(form))


def _cover(text: str) -> list[str] | None:
    """`text` as the fewest header words, or None when header words do not cover it."""
    vocab = header_words().words
    best: list[list[str] | None] = [[], *[None] * len(text)]
    for end in range(1, len(text) + 1):
        for start in range(end):
            before, now = best[start], best[end]
            if before is not None and (now is None or len(before) + 1 < len(now)) and match_form(text[start:end]) in vocab:
                best[end] = [*before, text[start:end]]
    return best[-1]


def _words(lines: list[str]) -> list[_Word]:
    """The header's words in reading order; a word wrapped over a line end belongs to its first line."""
    tokens = [(n, token) for n, line in enumerate(lines) for token in line.split()]
    words: list[_Word] = []
    k = 0
    while k < len(tokens):
        n, token = tokens[k]
        cover = _cover(token)
        if k + 1 < len(tokens) and tokens[k + 1][0] == n + 1:  # the line's last run; the next line's first follows
            following = tokens[k + 1][1]
            joined = _cover(token + following) if cover is None or _cover(following) is None else None
            if joined is not None:
                at = 0
                for word in joined:
                    words.append(_Word(word, n if at < len(token) else n + 1))
                    at += len(word)
                k += 2
                continue
        words += [_Word(word, n) for word in cover or [token]]
        k += 1
    return words


def _sides(words: list[_Word]) -> list[list[_Word]] | None:
    """The column words of each side: all of them, or per run of columns that 项目 opens on the header line
    that has several; None when the words above that line do not head the sides one each."""
    for line in sorted({w.line for w in words}):
        on = [w for w in words if w.line == line]
        # a run of label words (项目, or 科目编码 科目名称) with figure columns after it opens a side
        starts = [i for i, w in enumerate(on) if w.is_label and (i == 0 or not on[i - 1].is_label)]
        opens = [a for a, b in pairwise([*starts, len(on)]) if any(not w.is_label for w in on[a:b])]
        if len(opens) < 2 or not on[0].is_label:
            continue
        sides = [[w for w in on[a:b] if not w.is_label] for a, b in zip(opens, [*opens[1:], len(on)], strict=True)]
        # a head merged over a side's columns is printed once per column (人员经费 人员经费 人员经费)
        above = [w for w in words if w.line < line and not w.is_label]
        heads = [w for k, w in enumerate(above) if k == 0 or w.text != above[k - 1].text]
        if len(heads) not in (0, len(sides)):
            return None
        for side, head in zip(sides, heads, strict=False):
            side.insert(0, head)
        sides[-1] += [w for w in words if w.line > line and not w.is_label]
        return sides
    return [[w for w in words if not w.is_label]]


def _with_parts(words: list[_Word]) -> list[_Word]:
    """Gives each word the listed parts printed after it; returns the words that are nobody's part."""
    taken: set[int] = set()
    for i, word in enumerate(words):
        found: list[int] = []
        for name in header_words().parts.get(match_form(word.text), ()):
            at = next((j for j in range(i + 1, len(words)) if j not in taken and j not in found
                       and match_form(words[j].text) == name), None)
            if at is not None:
                found.append(at)
        if len(found) >= 2:
            word.parts = [words[j] for j in sorted(found)]
            taken.update(found)
    return [w for j, w in enumerate(words) if j not in taken]


def _span(words: list[_Word]) -> list[_Word]:
    """The top line's words: one alone there, with no parts yet, spans the words below it; otherwise the
    words below are further columns (cells over two rows are printed between the rows)."""
    if not words:
        return []
    top_line = min(w.line for w in words)
    top = [w for w in words if w.line == top_line]
    below = [w for w in words if w.line != top_line]
    if len(top) == 1 and not top[0].parts and below:
        top[0].parts = _span(below)
        return top
    return top + _span(below)


@dataclass(frozen=True)
class _Side:
    """The figure columns of one side: each one's header chain, and which column adds up which."""

    columns: tuple[tuple[str, ...], ...]
    sums: tuple[tuple[int, tuple[int, ...]], ...]


def _read_side(words: list[_Word]) -> _Side:
    columns: list[tuple[str, ...]] = []
    sums: list[tuple[int, tuple[int, ...]]] = []

    def walk(nodes: list[_Word], path: tuple[str, ...]) -> list[set[int]]:
        """The columns each node's value is the sum of; records the sums a 合计 among the nodes states."""
        values: list[set[int]] = []
        for node in nodes:
            chain = (*path, node.text)
            if node.parts:
                inner = walk(node.parts, chain)
                totals = [v for part, v in zip(node.parts, inner, strict=True) if not part.parts and is_total_label(part.text)]
                values.append(totals[0] if len(totals) == 1 else set().union(*inner))
            else:
                columns.append(chain)
                values.append({len(columns) - 1})
        totals = [i for i, node in enumerate(nodes) if not node.parts and is_total_label(node.text)]
        if len(totals) == 1:
            rest = set().union(*(v for i, v in enumerate(values) if i != totals[0]))
            if rest:
                sums.append((min(values[totals[0]]), tuple(sorted(rest))))
        return values

    walk(_span(_with_parts(words)), ())
    return _Side(tuple(columns), tuple(sums))


@dataclass(frozen=True)
class Layout:
    """A table's figure columns read from its header lines, side by side."""

    sides: tuple[_Side, ...]

    def split(self, line: str) -> list[_Entry] | None:
        """The row's label and figures on each side, or None when the row does not fit the columns."""
        pieces: list[_Entry] = []
        for cell in row_cells(line):
            if is_figure(cell):
                if not pieces:
                    pieces.append(_Entry(""))
                pieces[-1].figures.append(cell)
            else:
                pieces.append(_Entry(cell))
        if len(pieces) == 1 and len(self.sides) == 2:
            pieces = self._one_side(pieces[0])
        if len(pieces) != len(self.sides):
            return None
        return pieces if all(len(p.figures) <= len(s.columns) for p, s in zip(pieces, self.sides, strict=True)) else None

    def _one_side(self, piece: _Entry) -> list[_Entry]:
        """A row of a two-sided table with one label: a label from each side run together, the right side
        alone (more figures than the left has columns) or a row whose side its figures cannot tell."""
        both = _SECOND_ITEM.split(piece.label, maxsplit=1)
        if len(both) == 2:
            return [_Entry(both[0]), _Entry(both[1], piece.figures)]
        if len(piece.figures) > len(self.sides[0].columns):
            return [_Entry(""), piece]
        piece.undecided = bool(piece.figures)
        return [piece, _Entry("")]


def read_layout(head: list[str]) -> Layout | None:
    """The figure columns named by a table's header lines, or None when they name none."""
    sides = _sides(_words(head)) if head else None
    if not sides or len(sides) > MAX_SIDES or not all(sides):
        return None
    layout = Layout(tuple(_read_side(side) for side in sides))
    return layout if all(side.columns for side in layout.sides) else None


# ---------------------------------------------------------------- rows and figures


@dataclass
class _Entry:
    """One side of one row: its label, its figures, and the column placements still possible for them."""

    label: str
    figures: list[str] = field(default_factory=list)
    code: tuple[str, ...] = ()
    name: str = ""
    undecided: bool = False  # a two-sided row whose side is not known: its figures go under no header
    options: list[tuple[int, ...]] = field(default_factory=list)


def _value(figure: str, scale: int) -> int:
    number = ascii_digits(figure).rstrip("%").replace(",", "")
    return int(Decimal(number) * scale) if any(ch.isdigit() for ch in number) else 0


def _decimals(figure: str) -> int:
    _, _, fraction = ascii_digits(figure).rstrip("%").partition(".")
    return len(fraction)


def _add(a: Vector, b: Vector) -> Vector:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _sub(a: Vector, b: Vector) -> Vector:
    return tuple(x - y for x, y in zip(a, b, strict=True))


def _groups(entries: list[_Entry]) -> list[tuple[int, list[int]]]:
    """(row, the rows that add up to it): a code's nearest sub-codes, a numbered item's items numbered in
    the next style (一、 then 1、), and the items of the one 合计 or 总计 row."""
    totals = [i for i, e in enumerate(entries) if not e.code and e.figures and _GRAND_TOTAL.search(squash(e.label))]
    styles: list[object] = []
    rank: dict[int, int] = {}
    parent: dict[int, int | None] = {}
    for i, entry in enumerate(entries):
        if i in totals or not (entry.label or entry.figures):
            continue
        if entry.code:
            code = "".join(entry.code)
            parent[i] = next((j for j in range(i - 1, -1, -1) if entries[j].code and len("".join(entries[j].code)) < len(code)
                              and code.startswith("".join(entries[j].code))), None)
            continue
        style = list_mark(entry.label)
        if style not in styles:
            styles.append(style)
        rank[i] = styles.index(style)
        parent[i] = next((j for j in range(i - 1, -1, -1) if j in rank and rank[j] < rank[i]), None)
    groups: dict[int, list[int]] = {}
    for child, up in parent.items():
        if up is not None:
            groups.setdefault(up, []).append(child)
    if len(totals) == 1:
        groups[totals[0]] = [child for child, up in parent.items() if up is None]
    return list(groups.items())


def _supported(parent: list[Vector], children: list[list[Vector]], bound: Vector | None) -> list[list[int]] | None:
    """Which options of the parent and of each child some choice that adds up uses (option indices, parent
    first); None when no choice adds up or the partial sums grow too many to tell."""
    zero = (0,) * len(parent[0])

    def sums(lists: list[list[Vector]]) -> list[set[Vector]] | None:
        reached = [{zero}]
        for options in lists:
            step = {_add(s, v) for s in reached[-1] for v in options}
            if bound is not None:
                step = {s for s in step if all(x <= b for x, b in zip(s, bound, strict=True))}
            if len(step) > MAX_SUM_STATES:
                return None
            reached.append(step)
        return reached

    forward, backward = sums(children), sums(children[::-1])
    if forward is None or backward is None:
        return None
    backward.reverse()  # backward[i]: what children i… can add up to
    parents = [p for p, vector in enumerate(parent) if vector in forward[-1]]
    if not parents:
        return None
    kept = [parents]
    for i, options in enumerate(children):
        needs = {_sub(parent[p], s) for p in parents for s in forward[i]}
        kept.append([o for o, v in enumerate(options) if any(_add(v, rest) in needs for rest in backward[i + 1])])
    return kept


def _place(side: _Side, entries: list[_Entry], scale: int) -> None:
    """Narrows each entry's placements to those that agree with the side's column sums and row sums."""
    width = len(side.columns)
    vectors: dict[tuple[int, tuple[int, ...]], Vector] = {}

    def vector(i: int, cols: tuple[int, ...]) -> Vector:
        if (i, cols) not in vectors:
            out = [0] * width
            for col, figure in zip(cols, entries[i].figures, strict=True):
                out[col] = _value(figure, scale)
            vectors[i, cols] = tuple(out)
        return vectors[i, cols]

    for i, entry in enumerate(entries):
        count = len(entry.figures)
        if entry.undecided:
            entry.options = []
        elif count == width:
            entry.options = [tuple(range(width))]
        else:
            entry.options = [cols for cols in combinations(range(width), count)
                             if all(vector(i, cols)[t] == sum(vector(i, cols)[c] for c in parts) for t, parts in side.sums)]
    groups = _groups(entries)
    signed = any(_value(f, scale) < 0 for e in entries for f in e.figures)
    changed = True
    while changed:
        changed = False
        for up, children in groups:
            members = [up, *children]
            if any(not entries[m].options for m in members):
                continue
            parent = [vector(up, cols) for cols in entries[up].options]
            bound = None if signed else tuple(max(column) for column in zip(*parent, strict=True))
            kept = _supported(parent, [[vector(c, cols) for cols in entries[c].options] for c in children], bound)
            if kept is None:
                continue
            for member, keep in zip(members, kept, strict=True):
                if len(keep) < len(entries[member].options):
                    entries[member].options = [entries[member].options[o] for o in keep]
                    changed = True


@dataclass
class TextTable:
    """A table's rows of cells as the builder takes them, its header as read and its unplaced figures."""

    rows: list[list[str]]
    header: ReadHeader | None = None
    unplaced: set[tuple[int, int]] = field(default_factory=set)


def text_table(head: list[str], lines: list[str]) -> TextTable:
    """The table of header lines `head` above row lines `lines`: header lines stay one cell each, rows are
    aligned to the columns read from them (kept as label and figure cells when they cannot be)."""
    layout = read_layout(head)
    rows = [layout.split(line) for line in lines] if layout else []
    if layout is None or any(row is None for row in rows):
        return TextTable([[line] for line in head] + [row_cells(line) for line in lines])
    decimals = max((_decimals(f) for row in rows for e in row for f in e.figures), default=0)
    table = TextTable([[line] for line in head] + [[] for _ in lines])
    columns: list[tuple[str, ...]] = []
    labels: set[int] = set()
    for s, side in enumerate(layout.sides):
        entries = [row[s] for row in rows]
        labelled = [e for e in entries if e.label]
        coded = sum(bool(split_code(e.label)[0]) for e in labelled) * 2 >= len(labelled) > 0
        for entry in labelled:
            entry.code, entry.name = split_code(entry.label) if coded else ((), entry.label)
        depth = max((len(e.code) for e in entries), default=0) + (1 if labelled else 0)
        labels.update(range(len(columns), len(columns) + depth))
        first_figure = len(columns) + depth
        columns += [()] * depth + list(side.columns)
        _place(side, entries, 10**decimals)
        for r, entry in enumerate(entries):
            cells = [*entry.code, *[""] * (depth - len(entry.code) - 1), entry.name][:depth] + [""] * len(side.columns)
            cols = entry.options[0] if entry.options else tuple(range(len(entry.figures)))
            for j, (col, figure) in enumerate(zip(cols, entry.figures, strict=True)):
                cells[depth + col] = figure
                if not entry.options or len({o[j] for o in entry.options}) > 1:
                    table.unplaced.add((len(head) + r, first_figure + col))
            table.rows[len(head) + r] += cells
    table.header = ReadHeader(len(head), tuple(columns), frozenset(labels))
    return table


def continues(head: list[str], lines: list[str]) -> bool:
    """Whether row lines fit the columns of header lines `head`: a table's rows carried over to a new page."""
    layout = read_layout(head)
    return layout is not None and all(layout.split(line) is not None for line in lines)
