"""Questions to offer a visitor: a few when the widget opens, and two related ones after each answer.

They are made from what the index holds: its departments (as people write them, 万里街道), the years of
their documents and the items of `assistant/data/suggested_items.tsv`, worded by the templates of
`assistant/data/suggested_questions.tsv`. Only questions the stored facts answer are offered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from assistant.answer import Answer, AnswerKind
from assistant.departments import short_name
from assistant.plan import Operation
from assistant.vocabulary import DATA, spending_terms, total_terms
from index.fact_store import DocumentRecord

OPENING_COUNT = 4
RELATED_COUNT = 2
MAX_CHECKS = 32  # questions tried for one list (each is one look-up in the stored facts)
# what the opening questions ask, in turn, each of another department when there are several
OPENING_PLAN = (Operation.LOOKUP, Operation.SHARE, Operation.LOOKUP, Operation.CHANGE)
_PUNCTUATION = re.compile(r"[\s？?。！!，,]+")

Answers = Callable[[str], bool]  # whether the stored facts answer a question


@dataclass(frozen=True)
class Topic:
    """What one suggested question asks: an operation on an item in a department's document of one year."""

    operation: Operation
    department: str
    year: int
    item: str
    earlier: int | None = None  # the other year of a year_change


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def templates() -> dict[Operation, str]:
    """Operation → how a question asking it is worded."""
    return {Operation(key.strip()): text.strip() for key, text in _rows("suggested_questions.tsv")}


@lru_cache(maxsize=1)
def item_groups() -> tuple[tuple[str, ...], ...]:
    """The items questions may ask about, in groups of items that belong together, most asked first."""
    return tuple(tuple(i.strip() for i in row[0].split("|") if i.strip()) for row in _rows("suggested_items.tsv"))


def _plain(question: str) -> str:
    return _PUNCTUATION.sub("", question)


def _same_item(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def _is_whole(item: str) -> bool:
    """收入预算, 支出总计 …: the whole budget, whose share of the total means nothing."""
    return any(_same_item(item, whole) for whole in (*total_terms(), *spending_terms()))


class Suggestions:
    """Suggested questions over one set of documents; `answers` tells which questions the stored facts answer.
    Each list tries at most MAX_CHECKS questions; make one object per list (it counts them)."""

    def __init__(self, documents: Sequence[DocumentRecord], answers: Answers):
        self.answers = answers
        self.checks_left = MAX_CHECKS
        self.known = sorted({d.department for d in documents})  # short names are worked out as questions need them
        years: dict[str, set[int]] = {}
        for doc in documents:
            if doc.year:
                years.setdefault(doc.department, set()).add(doc.year)
        self.years = {department: sorted(found, reverse=True) for department, found in years.items()}  # newest first
        # newest documents first, then the departments with the most years
        self.departments = sorted(self.years, key=lambda d: (-self.years[d][0], -len(self.years[d]), d))
        # the first item of each group, then the second of each …: the opening questions ask about different things
        self.items = [item for row in zip_longest(*item_groups()) for item in row if item]

    def question(self, topic: Topic) -> str:
        department = short_name(topic.department, self.known)
        return templates()[topic.operation].format(department=department, year=topic.year, item=topic.item,
                                                   earlier=topic.earlier or "")

    def opening(self, count: int = OPENING_COUNT) -> list[str]:
        """Questions to start with: each asks something else, of another department when there are several."""
        chosen: list[str] = []
        used: set[str] = set()
        for n, operation in enumerate(OPENING_PLAN[: count] if self.departments else ()):
            turn = n % len(self.departments)  # this question's department first, then the others
            departments = self.departments[turn:] + self.departments[:turn]
            items = [i for i in self.items if i not in used and not (operation is Operation.SHARE and _is_whole(i))]
            topics = (self._topic(operation, department, item) for department in departments for item in items)
            found = self._first_answered(topics, set(chosen))
            if found:
                chosen.append(self.question(found))
                used.add(found.item)
        return chosen

    def related(self, answer: Answer, opening: Sequence[str], count: int = RELATED_COUNT) -> list[str]:
        """Questions to ask next: after a figure, the same item in another year (or its change), its share of
        the total, an item of its group; after a refusal, what the index answers about the same department;
        the opening questions when the answer named no indexed department. None for an ambiguous answer,
        whose candidates are the questions to ask next."""
        if answer.kind is AnswerKind.AMBIGUOUS:
            return []
        asked = {_plain(answer.question), _plain(answer.assumed or "")}
        context = answer.context
        found: list[str] = []
        if context is not None and context.department in self.years:
            years = self.years[context.department]
            year = context.year if context.year in years else years[0]
            operation = Operation(context.operation) if context.operation else None
            topics = self._around(context.department, year, context.item or "", operation)
            while len(found) < count and (topic := self._first_answered(topics, asked | set(found))):
                found.append(self.question(topic))
        rest = [q for q in opening if _plain(q) not in asked and q not in found]
        return (found + rest)[:count]

    def _topic(self, operation: Operation, department: str, item: str) -> Topic:
        years = self.years[department]
        if operation is Operation.CHANGE and len(years) > 1:  # two years' documents: the change between them
            return Topic(Operation.YEAR_CHANGE, department, years[0], item, earlier=years[1])
        return Topic(operation, department, years[0], item)

    def _around(self, department: str, year: int, item: str, operation: Operation | None) -> Iterator[Topic]:
        """Topics near an answer's, nearest first (one iterator: each look-up resumes where the last stopped)."""
        if item:
            others = sorted((y for y in self.years[department] if y != year), key=lambda y: (abs(y - year), y))
            if others:
                yield Topic(Operation.LOOKUP, department, others[0], item)
            elif operation is not Operation.CHANGE:
                yield Topic(Operation.CHANGE, department, year, item)
            if operation is not Operation.SHARE and not _is_whole(item):
                yield Topic(Operation.SHARE, department, year, item)
        group = next((g for g in item_groups() if item and any(_same_item(item, i) for i in g)), ())
        for other in dict.fromkeys([*group, *self.items]):
            if not (item and _same_item(item, other)):
                yield Topic(Operation.LOOKUP, department, year, other)

    def _first_answered(self, topics: Iterable[Topic], skip: set[str]) -> Topic | None:
        """The first topic whose question is not in `skip` and is answered (within the checks left)."""
        skipped = {_plain(s) for s in skip}
        for topic in topics:
            question = self.question(topic)
            if _plain(question) in skipped:
                continue
            if self.checks_left <= 0:
                return None
            self.checks_left -= 1
            if self.answers(question):
                return topic
        return None
