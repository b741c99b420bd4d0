"""Citations a person can check: a table figure names its table, row, header and unit, with exact spans;
a sentence stating the same figure is cited first; over the development gold sets every citation of a
numeric answer shows what its figure is."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Answer, Citation
from assistant.chain import Assistant
from eval import report
from eval.gold import load_gold
from eval.runner import IndexCorpus, run_gold

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"


def assert_spans_exact(assistant: Assistant, citation: Citation) -> None:
    text = assistant.index.facts.text(citation.doc_id)
    assert text[citation.start : citation.end] == citation.quote
    for span in citation.spans:
        assert text[span.start : span.end] == span.text, span


def table_citation(answer: Answer) -> Citation:
    found = [c for c in answer.citations if c.table is not None]
    assert found, [c.quote for c in answer.citations]
    return found[0]


@pytest.mark.parametrize("question, kind, header_word, shown", [
    ("司法局2026年三公经费里公务用车运行费是多少", "三公经费表", "运行费", 9.98),
    ("万里街道2024年收入总计是多少", None, "收入", 156211123.00),
    ("普陀区财政局2024年一般公共预算财政拨款支出决算数是多少", None, "决算", 2940.05),
])
def test_a_table_figure_is_cited_with_its_table_row_header_and_unit(shared_assistant, question, kind, header_word, shown):
    answer = shared_assistant.ask(question)
    assert answer.kind == "number" and round(answer.value, 2) == shown, answer.text
    for citation in answer.citations:
        assert_spans_exact(shared_assistant, citation)
    if kind is None and not any(c.table for c in answer.citations):
        return  # stated by a sentence only
    cited = table_citation(answer)
    assert cited.table.title and cited.label and cited.table.unit
    assert kind is None or cited.table.kind == kind
    assert any(header_word in h for h in cited.table.headers) or header_word in cited.label \
        or header_word in cited.table.title  # the basis said by its header, its label or its table's title
    assert {s.role for s in cited.spans} >= {"row"}


def test_a_yuan_table_figure_that_wan_cannot_show_exactly_is_shown_as_printed_with_wan_beside_it(shared_assistant):
    answer = shared_assistant.ask("万里街道2024年收入总计是多少")
    cited = table_citation(answer)
    assert cited.table.unit == "元" and "（元）" in cited.label and answer.unit == "元"
    assert "156211123.00元（约15621.11万元）" in answer.text


def test_a_performance_indicator_names_its_project_table(langfang_assistant):
    answer = langfang_assistant.ask("机房升级项目的成本指标是多少")
    cited = table_citation(answer)
    assert "绩效目标表" in cited.table.title and cited.table.kind == "绩效目标表"
    assert_spans_exact(langfang_assistant, cited)


def test_the_sentence_is_cited_before_the_table_that_states_the_same_figure(shared_assistant):
    answer = shared_assistant.ask("商务委2025年三公经费是多少")
    assert len(answer.citations) >= 2 and answer.citations[0].table is None and answer.citations[1].table is not None
    assert all(f in c.quote.replace(",", "") for c, f in zip(answer.citations, ["1.00", "1.00"], strict=True))


def test_every_numeric_citation_names_its_figure_over_the_development_sets(shared_assistant):
    documents = {d.source for d in shared_assistant.index.documents()}
    prefixes = ("dv-lf-", *(f"dv-{name[:2]}-" for name in documents if name[:2].isdigit()))
    items = [i for i in load_gold(GOLD / "langfang.jsonl") if not i.question.startswith(("2021", "2019"))]
    items += [i for i in load_gold(GOLD / "shanghai.jsonl") if i.doc in documents]
    items += [i for i in load_gold(GOLD / "dev.jsonl") if i.id.startswith(prefixes)]
    summary = report.summarize(run_gold(items, shared_assistant.ask, IndexCorpus(shared_assistant.index)))
    assert summary.named.total >= 100
    assert summary.named.hits == summary.named.total
