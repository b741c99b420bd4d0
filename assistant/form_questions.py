"""How a question asks for a header field of a project's 绩效目标表 (项目性质, 主管部门, 项目总目标 …): the phrasings
in `assistant/data/form_field_questions.tsv`. A question asking for one is a text question."""

from __future__ import annotations

from assistant.vocabulary import asked_aspects, field_phrasings


def asked_fields(question: str) -> tuple[str, ...]:
    """The form fields a question asks for, by its longest phrasing; () when it asks for none, or asks one side
    of a project's explanation (实施周期, 实施主体 …), which the text under that heading answers."""
    if asked_aspects(question):
        return ()
    return next((fields for phrasing, fields in field_phrasings() if phrasing in question), ())
