"""Chunks fit the embedding model's input window as its own tokenizer counts it, and nothing is lost doing so."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embeddings import LocalSentenceEmbeddings
from ingest.chunking import TokenWindow, text_chunks
from ingest.model import Line
from ingest.numbers import NUMBER
from ingest.pipeline import ParseOptions, parse_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".pdf"})  # the Langfang text and one real PDF


@pytest.fixture(scope="module")
def window() -> TokenWindow:
    """m3e-small's window, counted by its tokenizer (no weights are loaded)."""
    return LocalSentenceEmbeddings("auto").window


def test_every_chunk_of_the_samples_fits_the_model_window(window: TokenWindow, real_document) -> None:
    for path in SAMPLE_FILES:
        bounded = parse_file(path, ParseOptions(window=window))
        assert max(window.count(c.text) for c in bounded.chunks) <= window.limit, path.name
        if path.suffix == ".pdf":  # the same file as in the shared corpus, parsed there without a window
            unbounded = real_document(path.name)
            assert max(window.count(c.text) for c in unbounded.chunks) > window.limit  # what the window prevents
            assert bounded.facts == unbounded.facts  # it changes chunks only


def test_a_clause_too_long_for_the_window_is_cut_between_numbers() -> None:
    text = "、".join(f"第{i}项支出1,234.{i:02d}万元比上年增长12.5%" for i in range(1, 30))  # one sentence, no commas
    window = TokenWindow(60, len)
    chunks = text_chunks("doc", [Line(text, 0, len(text))], [], budget=10_000, overlap=0, window=window)
    assert len(chunks) > 1 and all(len(c.text) <= window.limit for c in chunks)
    spans = sorted(span for c in chunks for span in c.spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)  # every character is in a chunk
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    numbers = [m.span() for m in NUMBER.finditer(text)]
    assert not [cut for _, cut in spans[:-1] if any(s < cut < e for s, e in numbers)]


def test_a_table_row_too_long_for_the_window_is_split_over_chunks(tmp_path: Path) -> None:
    item = "、".join(f"第{i}类专项业务经费" for i in range(1, 40))
    path = tmp_path / "long-row.txt"
    path.write_text("上海市普陀区某某街道办事处\n\n2025年部门预算\n\n一、财务收支预算总表\n\n财务收支预算总表\n单位：元\n\n"
                    f"\t项目\n\t预算数\n\n\t{item}\n\t189,767,551\n", encoding="utf-8")
    window = TokenWindow(150, len)
    table_chunks = [c for c in parse_file(path, ParseOptions(window=window)).chunks if c.kind == "table"]
    assert len(table_chunks) > 1 and all(len(c.text) <= window.limit for c in table_chunks)
    rows = "".join(c.text.split("\n", 2)[-1] for c in table_chunks)  # each chunk's rows, after its title and header
    assert item in rows and "189,767,551" in rows

