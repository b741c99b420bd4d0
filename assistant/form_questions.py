"""How a question asks for a header field of a project's 绩效目标表 (项目性质, 主管部门, 项目总目标 …): the phrasings
in `assistant/data/form_field_questions.tsv`. A question asking for one is a text question."""

from __future__ import annotations

from assistant.vocabulary import asked_aspects, field_phrasings


def asked_phrasings(question: str) -> list[str]:
    """The phrasings of form fields the question holds ("归谁管")."""
    return [phrasing for phrasing, _ in field_phrasings() if phrasing in question]


def asked_fields(question: str) -> tuple[str, ...]:
    """The form fields a question asks for, by its longest phrasing; () when it asks for none, or, as long or
    longer, a phrasing asks one side of a project's explanation (实施周期, 实施主体 …), which the text under that
    heading answers: "什么时候" asks the 实施周期, "什么时候完成" the 计划完成日期."""
    phrasing, fields = next(((p, f) for p, f in field_phrasings() if p in question), ("", ()))
    side = max(map(len, asked_aspects(question).values()), default=0)
    return fields if len(phrasing) > side else ()
