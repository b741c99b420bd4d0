"""The scoring rules, one behaviour per test, with concrete values so each test can fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer import Answer, Citation
from eval import scoring
from eval.gold import GoldFileError, GoldItem, load_gold
from eval.report import percentile, summarize
from eval.runner import score_answer

DOC_TEXT = "三公经费\n2020年公务接待费 0.63万元，与2019年相比\n持平。"


def gold(**fields) -> GoldItem:
    return GoldItem.model_validate({"id": "g", "question": "q", **fields})


def number(value: float | None, unit: str | None, kind: str = "number", citations: list[Citation] | None = None) -> Answer:
    return Answer(question="q", kind=kind, text="…", value=value, unit=unit, citations=citations or [])


def cite(start: int, end: int, quote: str | None = None, doc_id: str = "d1") -> Citation:
    return Citation(
        doc_id=doc_id, source="s.txt", department="dep", year=2020, start=start, end=end,
        quote=DOC_TEXT[start:end] if quote is None else quote,
    )


class FakeCorpus:
    def documents(self, where=None):
        return []

    def text(self, doc_id: str) -> str | None:
        return DOC_TEXT if doc_id == "d1" else None


# ---- unit conversion ---------------------------------------------------------------------------
def test_money_converts_between_yuan_wan_and_yi():
    assert scoring.convert(1_000_000, "元", "万元") == 100.0
    assert scoring.convert(100, "万元", "元") == 1_000_000.0
    assert scoring.convert(2.5, "亿元", "万元") == 25_000.0
    assert scoring.convert(4530.34, "万元", "亿元") == pytest.approx(0.453034, abs=1e-12)
    assert scoring.convert(0.63, "万元", "元") == 6300.0  # exact, no binary noise


def test_one_million_yuan_scores_as_100_wan():
    item = gold(type="number", value=100, unit="万元")
    assert scoring.score_number(item, number(1_000_000, "元")).correct is True
    assert scoring.score_number(item, number(1_000_000, "元")).converted == 100.0
    assert scoring.score_number(item, number(100_000, "元")).correct is False  # 10 万元


def test_yi_yuan_answer_against_wan_gold():
    item = gold(type="number", value=12_000, unit="万元")
    assert scoring.score_number(item, number(1.2, "亿元")).correct is True
    assert scoring.score_number(item, number(1.2, "万元")).correct is False


def test_people_and_vehicle_units_are_equivalent():
    assert scoring.score_number(gold(type="number", value=6, unit="人"), number(6, "名")).correct is True
    assert scoring.score_number(gold(type="number", value=6, unit="名"), number(6, "人")).correct is True
    assert scoring.score_number(gold(type="number", value=3, unit="辆"), number(3, "台")).correct is True
    assert scoring.score_number(gold(type="number", value=3, unit="辆"), number(4, "台")).correct is False
    assert scoring.score_number(gold(type="number", value=3, unit="辆"), number(3, "人")).correct is False


def test_money_per_head_scores_against_a_gold_in_its_money_unit_but_not_the_other_way():
    """"每人每年补助多少" answered 5万元/人·年 against a gold of 5万元: the answer says more, not something else; an
    answer of 94元 against a gold of 94元/人 leaves out what the money is per."""
    assert scoring.score_number(gold(type="number", value=5, unit="万元"), number(5, "万元/人·年")).correct is True
    assert scoring.score_number(gold(type="number", value=50000, unit="元"), number(5, "万元/人·年")).correct is True
    assert scoring.score_number(gold(type="number", value=94, unit="元/人"), number(94, "元")).correct is False
    assert scoring.score_number(gold(type="number", value=94, unit="元/人"), number(94, "元/人")).correct is True
    assert scoring.convert(94, "元/人", "人") is None


def test_percent_is_taken_as_is_and_never_mixed_with_money():
    item = gold(type="number", value=14.84, unit="%")
    assert scoring.score_number(item, number(14.84, "%")).correct is True
    assert scoring.score_number(item, number(14.84, "％")).correct is True
    assert scoring.score_number(item, number(0.1484, "%")).correct is False  # no fraction-to-percent guessing
    assert scoring.score_number(item, number(14.84, "万元")).correct is False
    assert scoring.convert(14.84, "%", "万元") is None
    assert scoring.score_number(item, number(14.84, None)).correct is False


# ---- tolerance ---------------------------------------------------------------------------------
def test_default_tolerance_is_max_of_half_hundredth_and_a_thousandth():
    assert scoring.default_tolerance(0.63) == 0.005
    assert scoring.default_tolerance(4530.34) == pytest.approx(4.53034)
    assert scoring.default_tolerance(-20) == 0.02
    small = gold(type="number", value=0.63, unit="万元")
    assert scoring.score_number(small, number(0.635, "万元")).correct is True
    assert scoring.score_number(small, number(0.636, "万元")).correct is False
    big = gold(type="number", value=4530.34, unit="万元")
    assert scoring.score_number(big, number(4534.8, "万元")).correct is True
    assert scoring.score_number(big, number(4535.0, "万元")).correct is False


def test_explicit_tolerance_replaces_the_default():
    item = gold(type="number", value=14.84, unit="%", tolerance=0.01)
    assert scoring.score_number(item, number(14.85, "%")).correct is True
    assert scoring.score_number(item, number(14.86, "%")).correct is False
    wide = gold(type="number", value=4530.34, unit="万元", tolerance=10)
    assert scoring.score_number(wide, number(4540, "万元")).correct is True
    strict = gold(type="number", value=4530.34, unit="万元", tolerance=0)
    assert scoring.score_number(strict, number(4530.34, "万元")).correct is True
    assert scoring.score_number(strict, number(4530.35, "万元")).correct is False


def test_also_values_are_accepted_and_exactness_is_separate():
    item = gold(type="number", value=14.84, unit="%", tolerance=0.01, also=[15.0])
    assert scoring.score_number(item, number(15.0, "%")) == scoring.NumberScore(True, True, 15.0)
    assert scoring.score_number(item, number(14.845, "%")) == scoring.NumberScore(True, False, 14.845)
    assert scoring.score_number(item, number(14.9, "%")).correct is False
    assert scoring.score_number(gold(type="number", value=14.84, unit="%"), number(15.0, "%")).correct is False


@pytest.mark.parametrize("answer, expected, exact", [
    (15621.1123, 15621.11, True),  # printed 156,211,123.00元: more exact than the rounded gold, and it rounds to it
    (2880.62, 2880.618280, False),  # the gold is finer: 28,806,182.80元 shown as 2880.62万元 is not it
    (1580.4, 1580.0, False),  # a whole gold value is still compared at two decimals
    (14.845, 14.84, False),
])
def test_a_figure_is_exact_when_it_equals_the_gold_at_two_decimals_or_the_golds_own(answer, expected, exact):
    item = gold(type="number", value=expected, unit="万元", tolerance=0.5)
    assert scoring.score_number(item, number(answer, "万元")).exact is exact


def test_refusal_or_missing_value_never_scores_a_number():
    item = gold(type="number", value=0, unit="万元")
    assert scoring.score_number(item, number(None, None, kind="not_found")).correct is False
    assert scoring.score_number(item, number(0, "万元", kind="not_found")).correct is False
    assert scoring.score_number(item, number(None, "万元", kind="ambiguous")).correct is False


# ---- text and unanswerable ---------------------------------------------------------------------
def test_text_needs_every_must_include_string_in_the_answer_text():
    item = gold(type="text", must_include=["持平", "2019年"])
    ok = Answer(question="q", kind="text", text="与2019年相比持平。")
    half = Answer(question="q", kind="text", text="与上年相比持平。", citations=[cite(0, len(DOC_TEXT))])
    assert scoring.score_text(item, ok) is True
    assert scoring.score_text(item, half) is False  # '2019年' only in the citation quote: not enough
    refusal = Answer(question="q", kind="not_found", text="未在已公开的预算文件中找到“2019年持平”的相关内容。")
    assert scoring.score_text(item, refusal) is False
    spaced = gold(type="text", must_include=["2024 年成立"])  # as a PDF spaces it
    assert scoring.score_text(spaced, Answer(question="q", kind="text", text="单位于2024年成立。")) is True
    assert scoring.score_text(spaced, Answer(question="q", kind="text", text="单位于2023年成立。")) is False


def test_unanswerable_and_false_refusal_counting():
    unanswerable = gold(type="unanswerable")
    answerable = gold(type="number", value=0.63, unit="万元")
    refusal = number(None, None, kind="not_found")
    figure = number(0.63, "万元")
    assert scoring.score_unanswerable(refusal) is True
    assert scoring.score_unanswerable(figure) is False
    assert scoring.score_unanswerable(Answer(question="q", kind="ambiguous", text="…")) is False
    assert scoring.is_false_refusal(answerable, refusal) is True
    assert scoring.is_false_refusal(unanswerable, refusal) is False
    assert scoring.is_false_refusal(answerable, figure) is False

    corpus = FakeCorpus()
    results = [
        score_answer(unanswerable, refusal, corpus, 1.0),  # right refusal
        score_answer(unanswerable, figure, corpus, 2.0),  # answered the unanswerable: wrong and confident
        score_answer(answerable, refusal, corpus, 3.0),  # false refusal
        score_answer(answerable, figure, corpus, 4.0),  # right
        score_answer(answerable, number(0.7, "万元"), corpus, 5.0),  # wrong and confident
    ]
    s = summarize(results)
    assert (s.correct, s.questions) == (2, 5)
    assert (s.refusals.hits, s.refusals.total) == (1, 2)
    assert s.false_refusals == 1
    assert s.wrong_but_confident == 2
    assert s.by_type["number"].correct == 1 and s.by_type["unanswerable"].correct == 1
    assert s.routes == {"none": 5}


# ---- citations and evidence --------------------------------------------------------------------
def test_citation_valid_only_when_quote_equals_text_at_offsets():
    start = DOC_TEXT.index("公务接待费")
    good = cite(start, start + 12)
    assert good.quote == "公务接待费 0.63万元"
    assert scoring.citation_is_valid(good, DOC_TEXT) is True
    assert scoring.citation_is_valid(cite(start + 1, start + 13, quote=good.quote), DOC_TEXT) is False  # shifted
    assert scoring.citation_is_valid(cite(start, start + 12, quote="公务接待费0.63万元"), DOC_TEXT) is False
    assert scoring.citation_is_valid(cite(len(DOC_TEXT), len(DOC_TEXT) + 5, quote=""), DOC_TEXT) is False  # out of range
    assert scoring.citation_is_valid(cite(5, 3, quote=""), DOC_TEXT) is False  # reversed
    assert scoring.citation_is_valid(good, None) is False  # unknown document
    assert scoring.citation_validity([good, cite(0, 4, doc_id="zz")], FakeCorpus().text) == [True, False]


def test_evidence_matches_with_all_whitespace_removed():
    start = DOC_TEXT.index("与2019年")
    quote = cite(start, len(DOC_TEXT))
    assert quote.quote == "与2019年相比\n持平。"
    assert scoring.evidence_hit(["与2019年相比持平"], [quote], [True]) is True
    assert scoring.evidence_hit(["与 2019 年相比  持平"], [quote], [True]) is True
    assert scoring.evidence_hit(["公务接待费0.63万元"], [cite(DOC_TEXT.index("公务"), start)], [True]) is True
    assert scoring.evidence_hit(["与2018年相比持平"], [quote], [True]) is False
    assert scoring.evidence_hit(["与2019年相比持平"], [], []) is False


def test_evidence_from_an_invalid_citation_is_rejected():
    forged = cite(0, 10, quote="与2019年相比持平")  # right words, wrong offsets
    assert scoring.evidence_hit(["与2019年相比持平"], [forged], [False]) is False
    item = gold(type="text", must_include=["持平"], evidence=["与2019年相比持平"])
    answer = Answer(question="q", kind="text", text="持平", citations=[forged])
    result = score_answer(item, answer, FakeCorpus(), 1.0)
    assert (result.correct, result.evidence_hit, result.citations, result.valid_citations) == (True, False, 1, 0)
    s = summarize([result])
    assert (s.evidence.hits, s.evidence.total, s.citations.hits, s.citations.total) == (0, 1, 0, 1)


# ---- gold file and report helpers --------------------------------------------------------------
def test_gold_loader_reads_the_documented_lines(tmp_path: Path):
    path = tmp_path / "g.jsonl"
    lines = [
        {"id": "g-001", "question": "公务接待费是多少？", "type": "number", "value": 0.63, "unit": "万元", "evidence": ["公务接待费0.63万元"]},
        {"id": "g-002", "question": "比例？", "type": "number", "value": 14.84, "unit": "%", "tolerance": 0.01, "also": [15.0]},
        {"id": "g-003", "question": "变化？", "type": "text", "must_include": ["持平"], "filters": {"department": "政法委", "year": 2020}},
        {"id": "g-004", "question": "2021年公务接待费是多少？", "type": "unanswerable", "doc": "a.txt"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", encoding="utf-8")
    items = load_gold(path)
    assert [i.id for i in items] == ["g-001", "g-002", "g-003", "g-004"]
    assert items[1].also == [15.0] and items[1].tolerance == 0.01
    assert items[2].filters is not None and items[2].filters.year == 2020
    assert items[3].doc == "a.txt"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "question": "q", "type": "number", "unit": "万元"}', "needs 'value' and 'unit'"),
        ('{"id": "x", "question": "q", "type": "text"}', "must_include"),
        ('{"id": "x", "question": "q", "type": "number", "value": 1, "unit": "元", "tolerence": 1}', "tolerence"),
        ('{"id": "x", "question": "q", "type": "maybe"}', "type"),
        ('{"id": "x", "question": "q", "type": "unanswerable"', "not valid JSON"),
        ('["x"]', "expected a JSON object"),
    ],
)
def test_gold_loader_errors_name_file_and_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "question": "q", "type": "unanswerable"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError) as error:
        load_gold(path)
    assert f"{path}:2" in str(error.value)
    assert message in str(error.value)


def test_gold_loader_rejects_duplicate_ids(tmp_path: Path):
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "a", "question": "q", "type": "unanswerable"}\n' * 2, encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"dup.jsonl:2: duplicate id 'a' \(first on line 1\)"):
        load_gold(path)


def test_percentile_interpolates():
    assert percentile([], 50) is None
    assert percentile([10.0], 95) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([float(i) for i in range(1, 101)], 95) == pytest.approx(95.05)
