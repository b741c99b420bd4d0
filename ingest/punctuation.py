"""Punctuation as disclosures print it: where a sentence ends, and the quote and bracket marks that
wrap an item's name (“三公”经费, 因公出国（境）费) without changing it."""

from __future__ import annotations

import re

SENTENCE_END_MARKS = "。！？!?；;"
QUOTE_MARKS = "“”\"'‘’「」『』"
BRACKET_MARKS = "（）()《》"

SENTENCE_END = re.compile(f"[{SENTENCE_END_MARKS}]")
PROSE = re.compile(r"[，。；！？]")  # marks only sentences print: a line holding one is prose, never a table's row
SENTENCE = re.compile(f"[^{SENTENCE_END_MARKS}\\n]+[{SENTENCE_END_MARKS}]?")  # one sentence of a line, with its end mark
QUOTES = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
QUOTES_AND_BRACKETS = re.compile(f"[{re.escape(QUOTE_MARKS + BRACKET_MARKS)}]")
