"""How a question asks for a header field of a project's 绩效目标表 (项目性质, 主管部门, 项目总目标 …): the phrasings
in `assistant/data/form_field_questions.tsv`. A question asking for one is a text question."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from assistant.vocabulary import asked_aspects

FIELD_QUESTIONS = files("assistant") / "data" / "form_field_questions.tsv"


@lru_cache(maxsize=1)
def field_phrasings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(phrasing, the fields it asks for in order of preference), longest phrasing first (a tie: the earlier line)."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for line in FIELD_QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields, phrasings = line.split("\t", 1)
            asked = tuple(f.strip() for f in fields.split("|") if f.strip())
            rows += [(p.strip(), asked) for p in phrasings.split("|") if p.strip()]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def asked_fields(question: str) -> tuple[str, ...]:
    """The form fields a question asks for, by its longest phrasing; () when it asks for none, or asks one side
    of a project's explanation (实施周期, 实施主体 …), which the text under that heading answers."""
    if asked_aspects(question):
        return ()
    return next((fields for phrasing, fields in field_phrasings() if phrasing in question), ())
