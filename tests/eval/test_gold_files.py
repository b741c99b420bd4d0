"""The shipped gold sets: every file loads under the harness's own checks, and the README's table counts them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from eval.gold import load_gold

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"
FILES = sorted(GOLD.glob("*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_gold_file_loads_and_matches_its_line_in_the_readme(path: Path):
    items = load_gold(path)
    kinds = Counter(item.type for item in items)
    row = re.search(rf"^\| `{re.escape(path.name)}` \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|", (GOLD / "README.md").read_text(encoding="utf-8"), re.M)
    assert row, f"{path.name} has no line in eval/gold/README.md"
    assert tuple(map(int, row.groups())) == (len(items), kinds["number"], kinds["text"], kinds["unanswerable"])

