"""Markdown markup taken off a disclosure's text, so it reads as the plain text a page shows: heading marks
(## 一、主要职能), title underlines (====), emphasis (**合计**), list bullets (- （一）…), quote marks (> 发布单位),
a [TOC] line, the alignment row of a pipe table (|:---|---:|), and pandoc's escapes, bookmarks, links and spans.
Pipe table rows stay; they are read as rows of cells (ingest/loaders/text_rows.py). A table written as an HTML
block (<table>…</table>, with row and column spans) becomes one line of tab-separated cells per row, as a table
copied from Word is read.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ingest.loaders.html import table_rows

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![*\w])")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_TOC = re.compile(r"^\s*\[TOC\]\s*$", re.IGNORECASE)
# pandoc's marks around words: an empty bookmark span ([]{#_Toc1 .anchor}), a link ([第四部分](#_Toc1)), a styled span
# ([words]{.underline}); then a backslash escaping punctuation ("7\\." that would otherwise start a list)
_EMPTY_SPAN = re.compile(r"(?<!\\)\[\]\{[^}\n]*\}")
_LINK_OR_SPAN = re.compile(r"(?<!\\)\[([^\]\n]+)\](?:\([^)\s]*\)|\{[^}\n]*\})")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
MIN_HEADINGS = 2  # "#" headings that make a .txt file Markdown


def is_markdown(text: str) -> bool:
    """Whether text is written in Markdown: a pipe table's alignment row, or a few "#" headings."""
    lines = text.split("\n")
    return any(PIPE_RULE.match(line) for line in lines) or sum(bool(_HEADING.match(line)) for line in lines) >= MIN_HEADINGS


def plain_text(text: str) -> str:
    """The text with its Markdown markup taken off; a table's alignment row is left out, so its header row and
    body rows stay together, and other removed lines stay as blank ones."""
    text = _HTML_TABLE.sub(_tab_rows, text)
    return "\n".join(_plain_line(line) for line in text.split("\n") if not PIPE_RULE.match(line))


def _tab_rows(block: re.Match) -> str:
    """An HTML table block as lines of tab-separated cells, a blank line before and after."""
    table = BeautifulSoup(block.group(), "html.parser").find("table")
    rows = ["\t".join(row) for row in table_rows(table)] if table else []
    return "\n" + "\n".join(row for row in rows if row.strip()) + "\n"


def _plain_line(line: str) -> str:
    if _UNDERLINE.match(line) or _TOC.match(line):
        return ""
    line = _QUOTE.sub("", _HEADING.sub("", line))
    line = _LINK_OR_SPAN.sub(r"\1", _EMPTY_SPAN.sub("", _BULLET.sub(r"\1", line)))
    return _ESCAPE.sub(r"\1", _EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), line))
