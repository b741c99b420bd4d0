"""Values worked out once per state of the index: kept while the state holds, forgotten when it moves on or when
too many are kept."""

from __future__ import annotations

from collections import Counter

from assistant.state_memo import StateMemo


def test_a_value_is_worked_out_once_per_state_and_key() -> None:
    worked: Counter = Counter()

    def work(key: str) -> str:
        worked[key] += 1
        return key.upper()

    memo: StateMemo[str, str] = StateMemo(size=2)
    assert [memo.get(1, k, lambda k=k: work(k)) for k in ("a", "b", "a", "b")] == ["A", "B", "A", "B"]
    assert worked == Counter(a=1, b=1)
    assert memo.get(2, "a", lambda: work("a")) == "A" and worked["a"] == 2  # another state: worked out anew
    memo.get(2, "b", lambda: work("b"))
    memo.get(2, "c", lambda: work("c"))  # a third key: the two kept are forgotten
    memo.get(2, "a", lambda: work("a"))
    assert worked == Counter(a=3, b=2, c=1)
