"""Loads an HTML page (`.html`, `.htm`, or a `.jsp` template) holding a disclosure.

Site chrome (scripts, menus, headers, footers, breadcrumbs) is dropped and, when one container
obviously holds the article, only that container is read. Block elements and `<br>` end lines;
data tables keep their grid: a colspan cell is written once followed by blanks, a rowspan
continuation is written blank. A table that contains another table is page layout, read as blocks.
A table drawn with `<div>`s (rows of cells, as CSS grids print them) is read as a table: a block whose
rows each hold the same number (two or more) of cells with no blocks inside, some cell holding a figure. A `<pre>`
block is plain text laid out with spaces, read as a text file's page is (tables aligned in columns, wrapped lines).
A table stacking several tables under their own title rows (a sheet saved as a web page) is read as those tables.
A description list of terms and their short descriptions (`<dl>` of `<dt>`/`<dd>`) is a table of two columns.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ingest.loaders.builder import TextBuilder, clean_cell_text
from ingest.loaders.decoding import decode_text
from ingest.loaders.page_text import plain_page, write_plain_page
from ingest.loaders.stacked_tables import stacked_tables
from ingest.numbers import NUMBER
from ingest.model import RawDocument

DROP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "button", "select"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote caption center dd div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 "
    "hr li main ol p pre section table tbody td th thead tfoot tr ul body html".split()
)
CHROME = re.compile(r"nav|menu|crumb|footer|sidebar|friendlink|copyright|toolbar|share", re.I)  # in a class or id
ARTICLE = re.compile(r"article|content|detail|zoom|trs_editor|main|text|news", re.I)
MIN_GRID_ROWS = 2  # rows of cells that make a block of divs a table
MIN_ARTICLE_SHARE = 0.5  # an article container must hold at least this share of the page's Chinese text
_SERVER_TAGS = re.compile(r"<%.*?%>", re.S)  # JSP/ASP directives and scriptlets
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WIDE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d"
_CJK_WRAP = re.compile(rf"(?<=[{_WIDE}])[ \t\r]*\n\s*(?=[{_WIDE}])")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _chinese_count(tag: Tag) -> int:
    return len(_CJK.findall(tag.get_text()))


def _strip_chrome(root: Tag) -> None:
    """Drops non-content tags, comments, hidden elements and menus; never a container of most of the text."""
    most = MIN_ARTICLE_SHARE * _chinese_count(root)
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in root.find_all(True):
        if tag.decomposed:
            continue
        marks = " ".join([*tag.get("class", []), tag.get("id", "")])
        chrome = (
            (tag.name in DROP_TAGS and not (tag.name == "header" and tag.find_parent("article")))  # an article's header holds its title
            or (marks.strip() and CHROME.search(marks))
            or _HIDDEN.search(tag.get("style", ""))
            or tag.has_attr("hidden")
        )
        if chrome and not (most and _chinese_count(tag) > most):
            tag.decompose()


def _article_root(body: Tag) -> Tag:
    """The innermost article-like container holding most of the page's Chinese text, else the body."""
    total = _chinese_count(body)
    best, best_count = body, 0
    for tag in body.find_all(["article", "main", "div", "section", "td"]):
        marks = " ".join([tag.name, *tag.get("class", []), tag.get("id", "")])
        if tag.name not in ("article", "main") and not ARTICLE.search(marks):
            continue
        count = _chinese_count(tag)
        if count >= best_count:  # later (deeper) tags win ties: same text, less chrome
            best, best_count = tag, count
    return best if total and best_count >= MIN_ARTICLE_SHARE * total else body


def table_rows(table: Tag) -> list[list[str]]:
    """Grid of a data table; spans keep columns aligned. A <tfoot> is read last, where a browser shows it, also
    when the source writes it before the <tbody> (as HTML 4 required)."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    own = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    in_footer = [(foot := tr.find_parent("tfoot")) is not None and foot.find_parent("table") is table for tr in own]
    for tr in [tr for tr, last in zip(own, in_footer) if not last] + [tr for tr, last in zip(own, in_footer) if last]:
        row: list[str] = []
        col = 0

        def skip_covered() -> None:
            nonlocal col
            while pending.get(col, 0) > 0:
                row.append("")
                pending[col] -= 1
                col += 1

        for cell in tr.find_all(["td", "th"], recursive=False):
            skip_covered()
            colspan = _span(cell, "colspan")
            rowspan = _span(cell, "rowspan")
            row += [_text(cell)] + [""] * (colspan - 1)
            for c in range(col, col + colspan):
                pending[c] = rowspan - 1
            col += colspan
        skip_covered()
        rows.append(row)
    return rows


def _grid_rows(block: Tag) -> list[list[str]] | None:
    """The rows of cells of a table drawn with divs (or any blocks): None unless every child of `block` is a row
    of the same number (two or more) of cells without blocks of their own, and some cell holds a figure."""
    rows = [child for child in block.children if isinstance(child, Tag)]
    if len(rows) < MIN_GRID_ROWS or any(row.name == "table" for row in rows):
        return None
    cells = [[cell for cell in row.children if isinstance(cell, Tag)] for row in rows]
    if any(cell.find(BLOCK_TAGS) is not None or cell.name == "table" for row in cells for cell in row):
        return None
    texts = [[text for cell in row for text in [_text(cell)] + [""] * (_grid_span(cell) - 1)] for row in cells]
    if len({len(row) for row in texts}) != 1 or len(texts[0]) < 2:
        return None
    return texts if any(NUMBER.search(text) for row in texts for text in row) else None


_GRID_SPAN = re.compile(r"grid-column\s*:\s*(?:span\s+(?P<span>\d+)|(?P<start>\d+)\s*/\s*(?P<end>\d+))")


def _grid_span(cell: Tag) -> int:
    """How many columns a grid's cell spans: its colspan, or its style's "grid-column: span 3" or "grid-column: 1 / 4"."""
    if cell.get("colspan"):
        return _span(cell, "colspan")
    spanned = _GRID_SPAN.search(str(cell.get("style", "")))
    if spanned is None:
        return 1
    width = int(spanned["span"]) if spanned["span"] else int(spanned["end"]) - int(spanned["start"])
    return max(1, min(width, 1000))


def _span(cell: Tag, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr, "1")).strip() or 1), 1000))
    except ValueError:
        return 1


def _clean(text: str) -> str:
    """One line of text: zero-width marks removed, source line breaks between Chinese characters dropped."""
    return clean_cell_text(_CJK_WRAP.sub("", text.translate(_ZERO_WIDTH)))


def _text(node: Tag) -> str:
    """A cell's text: inline pieces joined as written (Word splits 3,387.93 over two spans), blocks and line breaks
    one space apart."""
    parts: list[str] = []
    for piece in node.descendants:
        if isinstance(piece, NavigableString):
            if type(piece) is NavigableString:
                parts.append(str(piece))
        elif piece.name == "br" or piece.name in BLOCK_TAGS:
            parts.append(" ")
    return _clean("".join(parts))


def _write_preformatted(builder: TextBuilder, text: str) -> None:
    """A `<pre>` block as a text file's page: its lines keep their spacing, so columns of figures aligned with spaces
    or drawn with rules are read as a table and wrapped lines are joined into paragraphs."""
    write_plain_page(builder, *plain_page(text.translate(_ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")))


MIN_TERMS = 2  # a description list of fewer terms is a line of text
MAX_TERM_VALUE_CHARS = 30  # a description at most this long is a figure or a name, a longer one a paragraph


def _term_rows(dl: Tag) -> list[list[str]]:
    """A table stacking several tables under their own title rows (a sheet saved as a web page) is read as those tables.
A description list of terms each with its description (<dt>收入合计</dt><dd>1,305.14</dd>) as a table of two
    columns, a row per term; [] when a term has no description, the list is too short to be a table or most of its
    descriptions are paragraphs."""
    rows: list[list[str]] = []
    for item in dl.find_all(["dt", "dd"], recursive=False):
        if item.name == "dt":
            rows.append([_text(item)])
        elif rows and len(rows[-1]) == 1:
            rows[-1].append(_text(item))
        else:
            return []
    short = sum(len(row[-1]) <= MAX_TERM_VALUE_CHARS for row in rows)
    is_table = len(rows) >= MIN_TERMS and all(len(row) == 2 for row in rows) and 2 * short >= len(rows)
    return rows if is_table else []  # descriptions that are mostly paragraphs ("（四）公务接待费" + its 说明) are text


class _Reader:
    """Walks the article in document order, collecting inline text into lines."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.parts: list[str] = []

    def flush(self) -> None:
        self.builder.add_line(_clean("".join(self.parts)))
        self.parts = []

    def _write_table(self, rows: list[list[str]]) -> None:
        """A data table; one that stacks several tables under their own title rows (a sheet saved as a web page) is
        written as those tables, each below its caption lines."""
        pieces = stacked_tables(rows)
        if sum(bool(body) for _, body in pieces) < 2:
            self.builder.add_table(rows)
            return
        for captions, body in pieces:
            for caption in captions:
                self.builder.add_line(caption)
            self.builder.add_table(body)

    def read(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, CDATA or declaration
                    self.parts.append(str(child))
            elif child.name == "br":
                self.flush()
            elif child.name == "table" and not child.find("table"):
                self.flush()
                if caption := child.find("caption", recursive=False):  # the table's title (and unit) above it
                    self.read(caption)
                    self.flush()
                self._write_table(table_rows(child))
            elif child.name == "dl" and (pairs := _term_rows(child)):
                self.flush()
                self.builder.add_table(pairs)
            elif child.name == "pre":
                self.flush()
                _write_preformatted(self.builder, child.get_text())
            elif child.name in BLOCK_TAGS and (grid := _grid_rows(child)):
                self.flush()
                self.builder.add_table(grid)
            elif child.name in BLOCK_TAGS:
                self.flush()
                self.read(child)
                self.flush()
            else:
                self.read(child)


def load_html(path: Path) -> RawDocument:
    """Reads an HTML or JSP page (UTF-8 or GB18030/GBK)."""
    markup = _SERVER_TAGS.sub("", decode_text(path.read_bytes(), path.name))
    soup = BeautifulSoup(markup, "lxml")
    body = soup.body or soup
    _strip_chrome(body)
    builder = TextBuilder()
    title = soup.title.get_text(strip=True) if soup.title else ""
    root = _article_root(body)
    if title and root is not body and title not in root.get_text():
        builder.add_line(title)
    reader = _Reader(builder)
    reader.read(root)
    reader.flush()
    return builder.build(path.name, "html")
