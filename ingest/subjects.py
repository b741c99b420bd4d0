"""Comparing the names of budget items: the comparable form of a name, the 类/款/项 names of a 功能分类
chain, and whether two subjects name one item."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.punctuation import BRACKET_MARKS, QUOTE_MARKS

SUBJECT_CACHE = 100_000  # fact subjects are re-compared on every question
_CLASSIFICATION_LEVEL = re.compile(r"[（(]\d*[类款项][)）]")  # 功能分类 chains name 类, 款 and 项 in turn
_NOISE = re.compile(f"[{re.escape(QUOTE_MARKS + BRACKET_MARKS)}\\s、]")
_LEVEL_SEPARATORS = "-－—–"  # "一般公共服务支出(类）-统计信息事务（款）-统计管理（项）"


@lru_cache(maxsize=SUBJECT_CACHE)
def normalise(text: str) -> str:
    """Comparable form of an item name: no quotes, brackets or spaces."""
    return _NOISE.sub("", text)


@lru_cache(maxsize=SUBJECT_CACHE)
def classification_levels(subject: str) -> tuple[str, ...]:
    """The 类, 款 and 项 names of a 功能分类 chain, or () for any other subject."""
    names = (normalise(name).strip(_LEVEL_SEPARATORS) for name in _CLASSIFICATION_LEVEL.split(subject))
    levels = tuple(name for name in names if name)
    return levels if len(levels) > 1 else ()


def names_a_level(subject: str) -> bool:
    """Whether a subject is said as a 功能分类 item, with its level: "财政对…基金的补助（项）"."""
    return bool(_CLASSIFICATION_LEVEL.search(subject))


def same_item(a: str, b: str) -> bool:
    """Two subjects name one item: equal, or one is the （项） of the other's 功能分类 chain, or itself with its level
    said (体育训练 and 体育训练（项）)."""
    short_a, short_b = (classification_levels(x)[-1:] or (normalise(_CLASSIFICATION_LEVEL.sub("", x)),) for x in (a, b))
    return normalise(a) == normalise(b) or short_a == short_b
