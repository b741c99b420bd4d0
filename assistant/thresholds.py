"""The bound a question sets on the rows it lists: "哪些项目超过100万元", "50万元以上的项目有哪些", "低于10万元的项目"."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from assistant.plan import Threshold
from assistant.vocabulary import row_ranking_words
from ingest.numbers import to_wan

_FIGURE = r"(?P<figure>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元|亿|万)"
_UNITS = {"亿": "亿元", "万": "万元"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = row_ranking_words()
    alternatives = {key: "|".join(map(re.escape, words[key])) for key in
                    ("above", "above_inclusive", "below", "after_above", "after_below", "listing")}
    bound = re.compile(rf"(?:(?P<above_inclusive>{alternatives['above_inclusive']})|(?P<below>{alternatives['below']})"
                       rf"|(?P<above>{alternatives['above']}))?\s*{_FIGURE}\s*"
                       rf"(?:(?P<after_above>{alternatives['after_above']})|(?P<after_below>{alternatives['after_below']}))?")
    return bound, re.compile(alternatives["listing"])


def asked_threshold(text: str) -> tuple[Threshold, str] | None:
    """The bound on the rows a listing question asks for, and how the question says it ("超过20万元"); None when the
    question lists nothing or sets no bound in money."""
    bound, listing = _patterns()
    if not listing.search(text):
        return None
    for found in bound.finditer(text):
        said = {key for key in ("above", "above_inclusive", "below", "after_above", "after_below") if found[key]}
        if not said:
            continue
        amount = to_wan(Decimal(found["figure"]), _UNITS.get(found["unit"], found["unit"]))
        above = not said & {"below", "after_below"}
        inclusive = bool(said & {"above_inclusive", "after_above", "after_below"}) and "above" not in said
        return Threshold(amount, above, inclusive), found.group().strip()
    return None
