"""Words that make a figure a bound (a target's floor or a cap): 以上 after it ("印发文件20个以上": at least 20),
不低于 before it ("不低于80%"). The words live in `ingest/data/bound_words.tsv`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

BOUND_WORDS = files("ingest") / "data" / "bound_words.tsv"
COMPARISONS = ("≥", "≤")


@dataclass(frozen=True)
class BoundWords:
    """Each bound word and the comparison it states, by where it stands beside the figure."""

    before: dict[str, str]
    after: dict[str, str]

    def pattern(self, words: dict[str, str]) -> str:
        """An alternation of `words`, longest first."""
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def bound_words() -> BoundWords:
    """The bound words of the shipped data file (read once per process)."""
    sides: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for line in BOUND_WORDS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            side, comparison, words = (part.strip() for part in line.split("\t"))
            if comparison not in COMPARISONS:
                raise ValueError(f"{BOUND_WORDS.name}: unknown comparison {comparison!r}")
            sides[side].update((w, comparison) for w in words.split("|") if w)
    return BoundWords(before=sides["before"], after=sides["after"])
