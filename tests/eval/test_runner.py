"""The harness end to end on the Langfang sample: real index, real assistant, the baseline and the CLI entry."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer import Answer, Citation, Context
from assistant.chain import Assistant
from config.settings import Settings
from eval.baseline import BaselineRAG, first_number
from eval.cli import run_eval
from eval.gold import GoldItem, load_gold
from eval.report import failure_lines, render_comparison, render_table, report_dict, summarize, write_json
from eval.runner import IndexCorpus, run_gold
from index.corpus_index import CorpusIndex, DocumentFilter
from index.embeddings import LocalSentenceEmbeddings

SOURCE = "langfang-zfw-2020-dept-budget.txt"
GOLD_LINES = [
    {"id": "g-001", "question": "公务接待费是多少？", "type": "number", "value": 0.63, "unit": "万元",
     "evidence": ["公务接待费0.63万元"], "doc": SOURCE},
    {"id": "g-002", "question": "公务用车运维费是多少元？", "type": "number", "value": 78700, "unit": "元",
     "evidence": ["公务用车运维费 7.87万元"]},
    {"id": "g-003", "question": "三公经费预算比上年有什么变化？", "type": "text", "must_include": ["持平"],
     "evidence": ["与2019年相比持平"], "filters": {"year": 2020}},
    {"id": "g-004", "question": "2021年公务接待费是多少？", "type": "unanswerable"},
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, langfang_data) -> Path:
    """A data dir holding the ingested Langfang sample."""
    return langfang_data(tmp_path_factory.mktemp("eval-data") / "data")


@pytest.fixture(scope="module")
def settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir)


@pytest.fixture(scope="module")
def index(settings: Settings, embeddings: LocalSentenceEmbeddings) -> Iterator[CorpusIndex]:
    """The index on `data_dir`: the Langfang sample and nothing else."""
    opened = CorpusIndex.open(settings.index_config(), embeddings)
    assert [d.source for d in opened.documents()] == [SOURCE]
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def gold_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in GOLD_LINES) + "\n", encoding="utf-8")
    return path


def test_product_end_to_end(index: CorpusIndex, settings: Settings, gold_path: Path, tmp_path: Path):
    assistant = Assistant(index, settings.assistant_config())
    results = run_gold(load_gold(gold_path), assistant.ask, IndexCorpus(index), str(gold_path))

    by_id = {r.id: r for r in results}
    assert by_id["g-001"].value == 0.63 and by_id["g-001"].unit == "万元"
    assert by_id["g-002"].converted == pytest.approx(78700.0)  # 7.87 万元 scored in 元
    assert [r.correct for r in results] == [True, True, True, True], failure_lines(results)

    s = summarize(results)
    assert (s.questions, s.correct, s.accuracy) == (4, 4, 1.0)
    assert {t: (st.count, st.correct) for t, st in s.by_type.items()} == {"number": (2, 2), "text": (1, 1), "unanswerable": (1, 1)}
    assert (s.numeric_exact_match.hits, s.numeric_exact_match.total) == (2, 2)
    assert (s.evidence.hits, s.evidence.total) == (3, 3)
    assert s.citations.total >= 3 and s.citations.hits == s.citations.total
    assert (s.refusals.hits, s.refusals.total, s.false_refusals, s.wrong_but_confident, s.errors) == (1, 1, 0, 0, 0)
    # 持平 is read next to the 三公 figure, so the text question is answered on the fact path too
    assert s.routes == {"fact": 3, "none": 1}
    assert s.overall.p50_ms is not None and 0 < s.overall.p50_ms <= s.overall.p95_ms
    assert failure_lines(results) == []
    assert "unanswerable" in render_table(s)

    out = tmp_path / "report.json"
    write_json(out, report_dict(results))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["correct"] == 4 and data["summary"]["evidence"]["rate"] == 1.0
    assert [q["id"] for q in data["questions"]] == ["g-001", "g-002", "g-003", "g-004"]
    assert data["questions"][3]["kind"] == "not_found" and data["questions"][0]["route"] == "fact"
    assert data["questions"][0]["gold_file"] == str(gold_path)


def test_baseline_on_the_same_gold(index: CorpusIndex, embeddings: LocalSentenceEmbeddings, gold_path: Path):
    baseline = BaselineRAG(index, embeddings)
    try:
        assert baseline.chunks > 10
        results = run_gold(load_gold(gold_path), baseline.ask, IndexCorpus(index))
        # the doc filter is honoured: nothing in scope means nothing found
        assert baseline.ask("公务接待费是多少？", DocumentFilter(year=1999)).kind == "not_found"
    finally:
        baseline.close()
    s = summarize(results)
    assert s.questions == 4
    assert s.routes == {"retrieval": 4}
    assert (s.citations.hits, s.citations.total) == (4, 4)  # chunk offsets point into the stored text
    assert (s.refusals.hits, s.refusals.total) == (0, 1)  # k=1 retrieval never refuses
    assert s.false_refusals == 0
    assert s.wrong_but_confident == sum(r.kind == "number" and not r.correct for r in results)
    assert s.by_type["unanswerable"].correct == 0
    assert s.correct < 4


def test_first_number_takes_a_following_unit_only_when_money_or_percent():
    assert first_number("2020年，安排8.5万元") == (2020.0, None)
    assert first_number("安排8.5万元") == (8.5, "万元")
    assert first_number("合计 1,307.00 元") == (1307.0, "元")
    assert first_number("占 14.84％") == (14.84, "%")
    assert first_number("3 人") == (3.0, None)
    assert first_number("无数字") is None


def test_doc_scope_and_citation_checks_against_the_real_index(index: CorpusIndex, gold_path: Path):
    """A scripted ask: the runner resolves `doc` to the real doc_id and checks citations against stored text."""
    corpus = IndexCorpus(index)
    record = next(d for d in index.documents() if d.source == SOURCE)
    text = index.facts.text(record.doc_id)
    assert text is not None
    start = text.index("公务接待费0.63万元")
    seen: list[DocumentFilter] = []

    def ask(question: str, where: DocumentFilter, context: Context | None = None) -> Answer:
        seen.append(where)
        good = Citation(doc_id=record.doc_id, source=SOURCE, department=record.department, year=2020,
                        start=start, end=start + 11, quote=text[start : start + 11])
        forged = good.model_copy(update={"start": start + 1, "end": start + 12})  # same words, wrong offsets
        if question.startswith("公务接待费"):
            return Answer(question=question, kind="number", text="0.63万元", value=6300, unit="元", citations=[good], route="fact")
        if question.startswith("公务用车"):
            return Answer(question=question, kind="number", text="8万元", value=8, unit="万元", citations=[forged], route="fact")
        return Answer(question=question, kind="not_found", text="未找到")

    items = load_gold(gold_path)
    missing = items[3].model_copy(update={"doc": "missing.txt"})
    results = run_gold([*items, missing], ask, corpus)

    assert seen[0] == DocumentFilter(doc_id=record.doc_id)
    assert seen[2] == DocumentFilter(year=2020)
    assert [r.correct for r in results] == [True, False, False, True, False]
    assert results[4].kind == "error" and "missing.txt" in (results[4].error or "")
    s = summarize(results)
    assert (s.citations.hits, s.citations.total) == (1, 2)
    assert (s.evidence.hits, s.evidence.total) == (1, 3)
    assert (s.false_refusals, s.wrong_but_confident, s.errors) == (1, 1, 1)
    assert (s.refusals.hits, s.refusals.total) == (1, 2)
    assert s.routes == {"fact": 2, "none": 2}
    lines = failure_lines(results)
    assert len(lines) == 3 and lines[0].startswith("FAIL g-002  公务用车运维费是多少元？  expected: 78700 元")


def test_cli_run_eval_with_baseline_writes_json(index: CorpusIndex, settings: Settings, gold_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "out" / "report.json"
    code = run_eval(argparse.Namespace(gold=[gold_path], json=out, baseline=True), settings=settings)
    assert code == 0
    printed = capsys.readouterr().out
    assert "product" in printed and "baseline" in printed and "refusal accuracy" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["questions"] == 4 and len(data["questions"]) == 4
    assert data["baseline"]["summary"]["questions"] == 4 and len(data["baseline"]["questions"]) == 4
    assert data["files"][0]["gold"] == str(gold_path)
    assert data["summary"]["by_type"]["unanswerable"]["correct"] == 1
    assert data["baseline"]["summary"]["routes"] == {"retrieval": 4}


def test_cli_run_eval_rejects_a_bad_gold_file(settings: Settings, tmp_path: Path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "q", "type": "text"}\n', encoding="utf-8")
    assert run_eval(argparse.Namespace(gold=[bad], json=None, baseline=False), settings=settings) == 2
    assert f"{bad}:1" in capsys.readouterr().err


def test_comparison_table_lines_up(index: CorpusIndex, gold_path: Path):
    items = load_gold(gold_path)
    s = summarize(run_gold(items, lambda q, f, context=None: Answer(question=q, kind="not_found", text="无"), IndexCorpus(index)))
    table = render_comparison(s, s)
    assert "false refusals" in table and table.count("\n") > 10
    assert (s.correct, s.false_refusals, s.refusals.hits) == (1, 3, 1)


def test_a_follow_up_is_asked_after_its_earlier_turns_with_their_context(index: CorpusIndex):
    """`after` turns are asked first, each answer's context handed to the next; only the last question is scored."""
    asked: list[tuple[str, Context | None]] = []

    def ask(question: str, where: DocumentFilter, context: Context | None = None) -> Answer:
        asked.append((question, context))
        turn = Context(topic=question, year=2020 + len(asked))
        if question == "那公车呢":
            return Answer(question=question, kind="number", text="7.87万元", value=7.87, unit="万元", route="fact", context=turn)
        return Answer(question=question, kind="number", text="0.63万元", value=0.63, unit="万元", route="fact", context=turn)

    item = GoldItem.model_validate({"id": "f-1", "question": "那公车呢", "type": "number", "value": 7.87, "unit": "万元",
                           "after": ["公务接待费是多少？", "三公经费呢"]})
    [result] = run_gold([item], ask, IndexCorpus(index))
    assert [q for q, _ in asked] == ["公务接待费是多少？", "三公经费呢", "那公车呢"]
    assert [c.topic if c else None for _, c in asked] == [None, "公务接待费是多少？", "三公经费呢"]
    assert result.correct and result.question == "那公车呢" and result.value == 7.87


def test_a_real_follow_up_reads_the_item_from_the_turn_before(index: CorpusIndex, settings: Settings):
    """On the real assistant, "占三公经费的多少" after a question about 公车 is the share of 公车."""
    assistant = Assistant(index, settings.assistant_config())
    item = GoldItem.model_validate({"id": "f-2", "question": "占三公经费的多少", "type": "number", "value": 92.59, "unit": "%",
                           "tolerance": 0.05, "after": ["公车一共花多少钱"]})
    [result] = run_gold([item], assistant.ask, IndexCorpus(index))
    assert result.correct, result.got
