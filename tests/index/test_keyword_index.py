"""The segmented keyword index: scores after any sequence of adds and removals are those of one BM25 index over
the live chunks (bm25s's own, as before), only new chunks are tokenized, and every version is whole on disk."""

from __future__ import annotations

from pathlib import Path

import bm25s
import pytest

from index import keyword_index
from index.fact_store import ChunkRecord
from index.keyword_index import MANIFEST, MERGE_FACTOR, KeywordIndex
from ingest.lexicon import indexed_terms, search_terms

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "langfang-zfw-2020-dept-budget.txt"
QUERIES = ["公务接待费是多少", "政府采购预算 货物 服务", "机关运行经费比上年增加", "固定资产总额 车辆", "部门职责 政法"]


def documents(count: int, size: int | None = None) -> dict[str, list[ChunkRecord]]:
    """`count` documents cut from the sample's lines (a real vocabulary), of `size` chunks or of different lengths."""
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, at = {}, 0
    for d in range(count):
        doc_id = f"doc-{d:02d}"
        chunks = size or 3 + (d * 7) % 11
        out[doc_id] = [ChunkRecord(f"{doc_id}-{i:02d}", doc_id, "".join(lines[(at + i * 3) % len(lines):][:3]), "", "text",
                                   [], None, None) for i in range(chunks)]
        at += chunks * 3
    return out


def scores(index: KeywordIndex, query: str, doc_ids: set[str] | None = None) -> dict[str, float]:
    return {h.chunk_id: h.score for h in index.search(query, 10_000, doc_ids)}


def bm25s_scores(records: list[ChunkRecord], query: str) -> dict[str, float]:
    """What one bm25s index over `records` (its defaults: the product's variant before segments) scores."""
    reference = bm25s.BM25()
    reference.index([search_terms(r.text) or ["∅"] for r in records], show_progress=False)
    found = reference.get_scores(search_terms(query))
    return {r.chunk_id: float(s) for r, s in zip(records, found) if s > 0}


def assert_same(got: dict[str, float], expected: dict[str, float]) -> None:
    assert got.keys() == expected.keys()
    assert got == pytest.approx(expected, rel=1e-5)


def test_add_add_remove_scores_exactly_as_one_index_over_what_is_left(tmp_path: Path) -> None:
    docs = documents(2)
    a, b = docs["doc-00"], docs["doc-01"]
    index = KeywordIndex(tmp_path / "segments")
    index.update(a)
    index.update(b)
    index.update([], ["doc-00"])
    fresh = KeywordIndex(tmp_path / "fresh")
    fresh.rebuild(b)
    for query in QUERIES:
        assert_same(scores(index, query), scores(fresh, query))
        assert_same(scores(index, query), bm25s_scores(b, query))
    assert index.doc_ids() == {"doc-01"} and index.is_current({r.chunk_id for r in b})


def test_merged_and_tombstoned_segments_score_as_bm25s_over_the_live_chunks(tmp_path: Path) -> None:
    docs = documents(4 * MERGE_FACTOR)
    index = KeywordIndex(tmp_path / "keyword")
    for records in docs.values():  # one document per batch: merges happen along the way
        index.update(records)
    gone = {"doc-01", "doc-06", "doc-07", "doc-13"}
    index.update(docs["doc-02"], gone)  # a document written again, four removed, in one step
    live = [r for doc_id in sorted(docs) if doc_id not in gone for r in docs[doc_id]]
    assert len(list((tmp_path / "keyword").glob("seg-*"))) < MERGE_FACTOR * 2
    assert index.doc_ids() == set(docs) - gone
    for query in QUERIES:
        assert_same(scores(index, query), bm25s_scores(live, query))
        wanted = {"doc-03", "doc-09", "doc-13"}  # scoped: the same scores, global statistics kept
        assert_same(scores(index, query, wanted), {c: s for c, s in bm25s_scores(live, query).items() if c[:6] in wanted})


def test_adding_a_document_tokenizes_only_its_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tokenized: list[str] = []

    def counted(text: str) -> list[str]:
        tokenized.append(text)
        return indexed_terms(text)

    monkeypatch.setattr(keyword_index, "indexed_terms", counted)
    docs = documents(2 * MERGE_FACTOR)
    index = KeywordIndex(tmp_path / "keyword")
    for doc_id, records in docs.items():
        tokenized.clear()
        index.update(records)
        assert sorted(tokenized) == sorted(r.text for r in records), doc_id  # merges re-use stored counts
    tokenized.clear()
    index.update([], ["doc-03"])
    assert tokenized == []


def test_top_k_breaks_ties_by_chunk_id_and_keeps_to_k(tmp_path: Path) -> None:
    same = "公务接待费预算为0.63万元"
    records = [ChunkRecord(f"c-{i}", f"d-{i % 3}", same, "", "text", [], None, None) for i in (4, 1, 3, 0, 2)]
    index = KeywordIndex(tmp_path / "keyword")
    index.update(records)
    assert [h.chunk_id for h in index.search("公务接待费", 3)] == ["c-0", "c-1", "c-2"]
    assert index.search("公务接待费", 0) == [] and index.search("没有的词语", 5) == []


def test_a_reader_follows_each_version_across_a_merge(tmp_path: Path) -> None:
    docs = documents(MERGE_FACTOR, size=5)  # one size class
    writer = KeywordIndex(tmp_path / "keyword")
    reader = KeywordIndex(tmp_path / "keyword")  # another process's view of the same folder
    writer.update(docs["doc-00"])
    before = scores(reader, "政法工作 部门预算")
    for doc_id in list(docs)[1:]:
        writer.update(docs[doc_id])  # the last one merges: the first segment's files are deleted
        assert reader.doc_ids() == writer.doc_ids()  # each version seen, however quickly they follow each other
    assert len(list((tmp_path / "keyword").glob("seg-*"))) == 1
    assert before and scores(reader, "政法工作 部门预算") == scores(writer, "政法工作 部门预算")
    assert reader.doc_ids() == set(docs)


def test_leftovers_of_a_crash_are_invisible_and_cleaned_by_the_next_write(tmp_path: Path) -> None:
    docs = documents(2)
    index = KeywordIndex(tmp_path / "keyword")
    index.update(docs["doc-00"])
    kept = scores(index, "公务接待费")
    (tmp_path / "keyword" / "seg-halfwritten.tmp").mkdir()  # a writer died while writing a segment
    (tmp_path / "keyword" / f"{MANIFEST}.tmp").write_text("{", encoding="utf-8")  # … or the manifest
    (tmp_path / "keyword" / "chunk_ids.json").write_text("[]", encoding="utf-8")  # an older index layout
    assert scores(KeywordIndex(tmp_path / "keyword"), "公务接待费") == kept
    index.update(docs["doc-01"])
    names = {p.name for p in (tmp_path / "keyword").iterdir()}
    assert MANIFEST in names and all(n == MANIFEST or (n.startswith("seg-") and "." not in n) for n in names)
