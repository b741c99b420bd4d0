"""Loads a Word `.docx` disclosure: paragraphs and tables in body order.

Merged cells keep columns aligned: a horizontally merged cell is written once followed by blanks
for the columns it spans; a vertically merged continuation cell is written blank (the table
stage fills label blanks from above). Paragraphs in a row whose cells are set apart by tabs (a table typed
without Word's table tool) are a table too; a table of contents' entries are not. A frame table whose cells
hold tables (each public table boxed with its title and unit lines) is read cell by cell, as body.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P

from ingest.loaders.builder import TextBuilder, check_office_package, clean_cell_text
from ingest.loaders.page_text import tabbed_rows
from ingest.model import RawDocument


def _blocks(container) -> Iterator[CT_P | CT_Tbl]:
    """Paragraphs and tables of the body in document order, looking inside content controls."""
    for child in container.iterchildren():
        if isinstance(child, (CT_P, CT_Tbl)):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p: CT_P) -> str:
    """Visible text of a paragraph: runs in hyperlinks, fields and tracked insertions, not deleted or moved-away runs."""
    return "".join(r.text for r in p.xpath(".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent)]"))


MIN_TABBED_ROWS = 2  # paragraphs of tab-separated cells in a row that make a table (one is a caption line)


def _is_contents_entry(p: CT_P) -> bool:
    """A table of contents' entry ("第二部分 部门预算表\t5"): its tab leads to a page number, not a cell."""
    return (p.style or "").lower().startswith("toc")


def _add_paragraphs(builder: TextBuilder, lines: list[str]) -> None:
    """Paragraph lines in a row: runs of tab-separated cells as tables, the rest as lines."""
    for tabbed, run in groupby(zip(tabbed_rows(lines), lines), key=lambda pair: pair[0]):
        run_lines = [line for _, line in run]
        if tabbed and len(run_lines) >= MIN_TABBED_ROWS:
            builder.add_table([line.split("\t") for line in run_lines])
        else:
            for line in run_lines:
                builder.add_line(clean_cell_text(line))


def _cell_text(tc: CT_Tc) -> str:
    """All paragraph text of a cell, nested tables included."""
    return "\n".join(_paragraph_text(p) for p in tc.iter(qn("w:p")))


def _table_rows(tbl: CT_Tbl) -> list[list[str]]:
    rows = []
    for tr in tbl.tr_lst:
        row = [""] * tr.grid_before
        for tc in tr.tc_lst:
            text = "" if tc.vMerge == "continue" else _cell_text(tc)
            row += [text] + [""] * (tc.grid_span - 1)
        rows.append(row)
    return rows


def _holds_tables(tbl: CT_Tbl) -> bool:
    """A frame: a table whose cells hold tables of their own (each public table boxed with its title and unit lines)."""
    return any(tc.find(qn("w:tbl")) is not None for tr in tbl.tr_lst for tc in tr.tc_lst)


def _add_blocks(builder: TextBuilder, container) -> None:
    """The paragraphs and tables of a body or of a frame's cell, in order; a frame's cells are read as body."""
    paragraphs: list[str] = []
    for block in _blocks(container):
        if isinstance(block, CT_Tbl):
            _add_paragraphs(builder, paragraphs)
            paragraphs = []
            if _holds_tables(block):
                for tc in (tc for tr in block.tr_lst for tc in tr.tc_lst if tc.vMerge != "continue"):
                    _add_blocks(builder, tc)
            else:
                builder.add_table(_table_rows(block))
        else:
            text = _paragraph_text(block)
            paragraphs += text.replace("\t", " ").split("\n") if _is_contents_entry(block) else text.split("\n")
    _add_paragraphs(builder, paragraphs)


def load_docx(path: Path) -> RawDocument:
    """Reads a `.docx` file; body paragraphs become lines, Word tables become tables."""
    check_office_package(path, "DOCX", "word/document.xml")
    document = docx.Document(str(path))
    builder = TextBuilder()
    _add_blocks(builder, document.element.body)
    return builder.build(path.name, "docx")
