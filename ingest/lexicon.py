"""The one jieba tokenizer of the product, loaded with the budget-term dictionary shipped in `ingest/data`."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib.resources import files

import jieba

from ingest.numbers import UNSIGNED_NUMBER
from ingest.punctuation import QUOTES_AND_BRACKETS

BUDGET_TERMS = files("ingest") / "data" / "budget_terms.txt"
_KEEP = re.compile(r"[\w\u4e00-\u9fff%.]")
_NUMBER = re.compile(rf"{UNSIGNED_NUMBER}%?")
SEARCH_TERMS_CACHE = 200_000  # fact subjects and contexts are re-scored for every question

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the budget terms added (built once per process)."""
    tk = jieba.Tokenizer()
    tk.initialize()
    with BUDGET_TERMS.open(encoding="utf-8") as terms:
        tk.load_userdict(terms)
    return tk


@lru_cache(maxsize=1)
def budget_terms() -> frozenset[str]:
    """The terms of the shipped dictionary: the names documents give their standard items (项目支出, 人员经费 …)."""
    lines = BUDGET_TERMS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split()[0] for line in lines if line.strip() and not line.startswith("#"))


def _split(text: str, cut) -> list[str]:
    """jieba on the words, numbers kept whole ("8.5", "1,307.00", "14.84%")."""
    out: list[str] = []
    pos = 0
    for match in _NUMBER.finditer(text):
        out.extend(cut(text[pos : match.start()]))
        out.append(match.group())
        pos = match.end()
    out.extend(cut(text[pos:]))
    return out


def tokens(text: str) -> list[str]:
    """All tokens of `text`, punctuation and whitespace included (for counting chunk budgets)."""
    tk = tokenizer()
    return _split(text, lambda part: tk.lcut(part, HMM=False) if part else [])


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of `text` stands, as (start, end), fine words and the compounds holding them."""
    return [(start, end) for _, start, end in tokenizer().tokenize(text, mode="search", HMM=False)]


def search_terms(text: str) -> list[str]:
    """Tokens worth indexing or matching: words and numbers, lower-cased, punctuation dropped (cached)."""
    return list(_cached_terms(text))


def searchable_text(text: str) -> str:
    """`text` as every one of its search terms is a substring of it: without the quotes and brackets they drop,
    lower-cased character by character. A word not in it is no search term of `text`, found without segmenting it."""
    cleaned = QUOTES_AND_BRACKETS.sub("", text)
    if "Σ" in cleaned:  # str.lower writes it σ or ς by its neighbours; jieba keeps it a word of its own (σ)
        return "".join(c.lower() for c in cleaned)
    return cleaned.lower()


def indexed_terms(text: str) -> list[str]:
    """`search_terms` without the cache, for text tokenized once (a chunk being indexed would only fill it)."""
    return list(_terms(text))


def _terms(text: str) -> tuple[str, ...]:
    tk = tokenizer()
    cleaned = QUOTES_AND_BRACKETS.sub("", text)
    parts = _split(cleaned, lambda part: tk.lcut_for_search(part, HMM=False) if part else [])
    return tuple(t.lower() for t in parts if _KEEP.search(t))


_cached_terms = lru_cache(maxsize=SEARCH_TERMS_CACHE)(_terms)
