"""Which unit carries out a project, as its row of a 项目支出表 names it: a table listing projects under the unit
whose cell heads their group ("某中心 | 招生考试 …", " | 学生资助 …") answers "学生资助项目由哪个单位实施" where no
绩效目标表 of the project states its 实施单位."""

from __future__ import annotations

from assistant.answer import Answer, AnswerKind
from assistant.citations import SourceTexts
from assistant.fact_path import Draft
from assistant.form_questions import asked_fields
from assistant.performance_answers import named_project
from assistant.plan import QuestionPlan
from index.fact_store import FactRecord
from ingest.model import TableKind
from ingest.vocabulary import is_body_name

UNIT_FIELD = "实施单位"  # the form field a project's unit in a 项目表 row answers


def _unit_of_row(fact: FactRecord) -> str | None:
    """The body named by a label before the project's own in its row, or None."""
    path = fact.row_path
    own = path.index(fact.subject) if fact.subject in path else 0
    return next((label for label in reversed(path[:own]) if is_body_name(label)), None)


def project_unit_answer(intent: QuestionPlan, facts: list[FactRecord], texts: SourceTexts) -> Draft | None:
    """The unit a named project's 项目表 row stands under, quoting that unit's cell and the project's row; None
    when the question asks no 实施单位, names no project of such a table, or its rows name no unit."""
    if UNIT_FIELD not in asked_fields(intent.question):
        return None
    rows = [f for f in facts if f.table_kind is TableKind.PROJECTS and f.origin == "table" and _unit_of_row(f)]
    project = named_project(intent.question, (f.subject for f in rows))
    own = [f for f in rows if f.subject == project]
    if not own:
        return None
    fact = min(own, key=lambda f: f.start)
    unit = _unit_of_row(fact)
    unit_start = texts.text(fact.doc_id).rfind(unit, 0, fact.end)  # the cell heading the group, on its first row
    if unit_start < 0:
        return None
    row = texts.cite(fact.doc_id, fact.start, fact.end)
    citations = [row] if unit_start >= fact.start else [texts.cite(fact.doc_id, unit_start, unit_start + len(unit)), row]
    record = texts.record(fact.doc_id)
    table = texts.table(fact.doc_id, fact.table_id) if fact.table_id is not None else None
    where = f"《{table.title}》" if table and table.title else "项目支出表"
    answer = Answer(question=intent.question, kind=AnswerKind.TEXT, citations=citations, route="fact",
                    text=f"据{record.department}{record.year or ''}年{where}，“{project}”项目的{UNIT_FIELD}为{unit}。")
    return Draft(answer)
