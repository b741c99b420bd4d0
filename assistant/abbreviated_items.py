"""Items asked by a short name ("森林防火和地灾巡查项目" for 森林防火及地质灾害巡查, "区运会" for 区运动会): the one
item of the documents whose name keeps every asked character in order, opens and ends as the asked name does and
leaves out only a few short runs of characters, none a whole word, when no item is named outright; or the one item
whose name holds the word the question puts in quotes ("“村晚”项目" for “村晚”及乡村文化振兴活动)."""

from __future__ import annotations

import re
from functools import lru_cache

from index.fact_store import FactRecord
from ingest.lexicon import tokens
from ingest.scope import in_order
from ingest.subjects import normalise

MIN_SHORT_CHARS = 3  # a short name of fewer characters (after joiners and tails) names too much
OPENING_CHARS = 2  # the short name and the item open with the same characters
MAX_LENGTH_RATIO = 1.4  # the item is at most this many times as long as the short name
MAX_LEFT_OUT_RUNS = 2  # runs of the item's characters the short name leaves out (地[质]灾[害])
MAX_RUN_CHARS = 2  # characters in one such run
_JOINERS = re.compile(r"[和及与、]")  # 和 and 及 join the same parts of one name
_QUOTED = re.compile(r"[“\"「『‘]([^”\"」』’]{2,12})[”\"」』’]")
MIN_QUOTED_CHARS = 2
_TAILS = re.compile(r"(?:项目|工程|经费|资金|专项)+$")  # said or left out of a name alike


@lru_cache(maxsize=65536)
def _core(name: str) -> str:
    return _TAILS.sub("", _JOINERS.sub("", normalise(name)))


def abbreviated_item(asked: str, facts: list[FactRecord]) -> str:
    """The subject of the one item among `facts` that `asked` abbreviates, or "" when none or several do."""
    short = _core(asked)
    if len(short) < MIN_SHORT_CHARS:
        return ""
    found = {f.subject for f in facts if _abbreviates(short, _core(f.subject))}
    return found.pop() if len(found) == 1 else ""


def quoted_item(asked: str, facts: list[FactRecord]) -> str:
    """The subject of the one item among `facts` whose name holds the word the asked item quotes and is otherwise
    only a tail ("“村晚”项目"; never "局本级“三公”经费", which asks more than the quoted word), or ""."""
    quoted = _QUOTED.fullmatch(_TAILS.sub("", asked.strip()))
    word = normalise(quoted[1]) if quoted else ""
    if len(word) < MIN_QUOTED_CHARS:
        return ""
    found = {normalise(f.subject): f.subject for f in facts if word in normalise(f.subject)}
    return next(iter(found.values())) if len(found) == 1 else ""


def _abbreviates(short: str, item: str) -> bool:
    if item == short or item[:OPENING_CHARS] != short[:OPENING_CHARS] or item[-1] != short[-1] \
            or len(item) > MAX_LENGTH_RATIO * len(short) or not in_order(short, item):
        return False
    runs, at = [], 0
    for char in short:  # the runs of the item left out between the characters kept
        found = item.index(char, at)
        if found > at:
            runs.append(item[at:found])
        at = found + 1
    words = set(tokens(item))  # a whole word left out (体育馆[维修]建设) names another item, not a shorter name
    return len(runs) <= MAX_LEFT_OUT_RUNS and all(len(run) <= MAX_RUN_CHARS and run not in words for run in runs)
