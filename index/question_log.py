"""Questions the product did not answer (not found, ambiguous, out of scope), counted for staff so they can
improve the documents and the vocabulary. A table of its own in the fact store's database (SQLite or
PostgreSQL); one row per normalised question, updated in one statement, so concurrent askers never lose a count.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DatabaseError

from index.fact_store import store_engine

MAX_QUESTION_CHARS = 500
_SPACE = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s？?。.！!]+$")
_UPSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}  # both say ON CONFLICT … DO UPDATE

_metadata = MetaData()
unanswered = Table(
    "unanswered_questions", _metadata,
    Column("key", String(64), primary_key=True),  # sha256 of the normalised question
    Column("question", Text, nullable=False),
    Column("outcome", String(16), nullable=False),  # how it was last answered: not_found, ambiguous, out_of_scope
    Column("times_asked", Integer, nullable=False),
    Column("first_asked", DateTime(timezone=True), nullable=False),
    Column("last_asked", DateTime(timezone=True), nullable=False),
    Column("department", Text),  # what the question was last resolved to, when anything
    Column("year", Integer),
    Column("item", Text),
)


@dataclass(frozen=True)
class UnansweredQuestion:
    """One logged question and what it was resolved to."""

    question: str
    outcome: str
    times_asked: int
    first_asked: datetime
    last_asked: datetime
    department: str | None = None
    year: int | None = None
    item: str | None = None


def normalised(question: str) -> str:
    """One form for the same question typed differently: full-width characters folded, spaces collapsed,
    the closing punctuation dropped."""
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", question)).strip()
    return _TRAILING.sub("", text)[:MAX_QUESTION_CHARS]


class QuestionLog:
    """The unanswered-questions table of one database."""

    def __init__(self, url: str):
        self.engine = store_engine(url)
        try:
            _metadata.create_all(self.engine)
        except DatabaseError:  # another server worker created the table between the check and the create
            _metadata.create_all(self.engine)

    def record(self, question: str, outcome: str, department: str | None = None, year: int | None = None,
               item: str | None = None) -> None:
        """Counts one more asking of `question`; the outcome and resolution are the latest ones."""
        text = normalised(question)
        now = datetime.now(UTC)
        insert = _UPSERTS[self.engine.dialect.name](unanswered).values(
            key=hashlib.sha256(text.encode("utf-8")).hexdigest(), question=text, outcome=outcome, times_asked=1,
            first_asked=now, last_asked=now, department=department, year=year, item=item,
        )
        latest = {name: insert.excluded[name] for name in ("outcome", "last_asked", "department", "year", "item")}
        upsert = insert.on_conflict_do_update(
            index_elements=[unanswered.c.key], set_={"times_asked": unanswered.c.times_asked + 1, **latest})
        with self.engine.begin() as conn:
            conn.execute(upsert)

    def entries(self, limit: int = 1000) -> list[UnansweredQuestion]:
        """The most asked first, then the most recently asked."""
        query = (select(unanswered).order_by(unanswered.c.times_asked.desc(), unanswered.c.last_asked.desc())
                 .limit(limit))
        with self.engine.connect() as conn:
            return [_entry(row._mapping) for row in conn.execute(query)]

    def close(self) -> None:
        self.engine.dispose()


def _utc(stamp: datetime) -> datetime:
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)  # SQLite drops the offset it was given


def _entry(row) -> UnansweredQuestion:
    return UnansweredQuestion(
        question=row["question"], outcome=row["outcome"], times_asked=row["times_asked"],
        first_asked=_utc(row["first_asked"]), last_asked=_utc(row["last_asked"]),
        department=row["department"], year=row["year"], item=row["item"],
    )
