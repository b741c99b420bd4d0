"""The words a table prints in a named row under an asked column: "某机关服务中心是什么性质的单位" is answered by the
单位性质 cell of that unit's row in a table of units ("2 | 某机关服务中心 | 公益二类事业单位 | 62 | 57"), quoted."""

from __future__ import annotations

import re

from assistant.answer import Answer, AnswerKind
from assistant.citations import SourceTexts
from assistant.fact_path import Draft
from assistant.plan import QuestionPlan
from assistant.vocabulary import asked_column
from index.fact_store import DocumentRecord, TableRecord

MIN_NAME_CHARS = 4  # a row is named by a cell this long that the question holds (某中心 alone names too little)
_FIGURE = re.compile(r"^[-+]?[\d,.]+%?$")
_CLAUSES = re.compile(r"[，,；;、]")
_ASKS = re.compile(r"什么|啥|哪|多少|几|怎么|如何|吗")  # a clause asking something


def _column(table: TableRecord, headers: tuple[str, ...]) -> tuple[int, str] | None:
    """The index and header of the table's column whose header cell holds one of the header words, or None."""
    for row in reversed(table.header):
        found = next((at for at, cell in enumerate(row) if any(word in cell for word in headers)), None)
        if found is not None:
            return found, row[found]
    return None


def _named(cells: list[str], question: str) -> str | None:
    """The cell of a row that the question names it by, or None."""
    return next((c.strip() for c in cells if len(c.strip()) >= MIN_NAME_CHARS and c.strip() in question), None)


def _rows(text: str, table: TableRecord) -> list[tuple[int, list[str]]]:
    """(start, cells) of each line of the table's text after its header rows."""
    out, at = [], table.start
    for line in text[table.start : table.end].split("\n"):
        out.append((at, line.split("\t")))
        at += len(line) + 1
    return out[len(table.header):]


def row_cell_answer(intent: QuestionPlan, docs: list[DocumentRecord], texts: SourceTexts) -> Draft | None:
    """The asked column's words in the row the question names, quoting the row; None when no table has both."""
    headers = asked_column(intent.question)
    if not headers or len([c for c in _CLAUSES.split(intent.question) if _ASKS.search(c)]) > 1:
        return None  # "是什么性质的单位，干什么的": a second thing asked, which the cell does not say
    for doc in docs:
        text = texts.text(doc.doc_id)
        for table in texts.tables(doc.doc_id):
            found = _column(table, headers)
            if found is None:
                continue
            column, header = found
            for start, cells in _rows(text, table):
                named = _named(cells, intent.question)
                value = cells[column].strip() if column < len(cells) else ""
                if named and value and not _FIGURE.match(value) and value != named:
                    citation = texts.cite(doc.doc_id, start, start + len("\t".join(cells)))
                    where = f"《{table.title}》" if table.title else "表中"
                    said = f"据{doc.department}{doc.year or ''}年{where}，{named}的{header}为{value}。"
                    return Draft(Answer(question=intent.question, kind=AnswerKind.TEXT, text=said, citations=[citation],
                                        route="fact"))
    return None
