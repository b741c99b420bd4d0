"""Hybrid retrieval keeps BM25 in charge: at the default dense weight no dense ranking lifts a chunk above
BM25's first hit, while plain reciprocal-rank fusion (dense weight 1) lets the dense side displace it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from index.config import DEFAULT_DENSE_WEIGHT, RRF_K
from index.corpus_index import CorpusIndex
from index.embeddings import LocalSentenceEmbeddings
from index.retriever import HybridRetriever, RetrievalMode, reciprocal_rank_fusion

QUESTIONS = [  # asked of the Langfang sample in a resident's words
    "公务接待费是多少", "车辆的价值", "固定资产总额", "因公出国", "政府采购预算安排了多少", "机房升级项目经费的成本指标",
    "部门有几个内设机构", "一般公共预算拨款比上年增加了多少", "基本支出主要用在哪里", "项目支出增加的原因",
    "会议费和培训费", "绩效目标是什么",
]


def ranked_first(ranking: list[str], weight: float) -> str:
    fused = reciprocal_rank_fusion([["bm25-first", "bm25-second", "bm25-third"], ranking], [1.0, weight])
    return max(fused, key=lambda cid: fused[cid])


def test_the_default_weight_is_under_the_bound_that_keeps_bm25s_first_hit_first() -> None:
    bound = 1 / (RRF_K + 2)
    assert 0 < DEFAULT_DENSE_WEIGHT < bound
    against = ["bm25-second", "dense-only", "bm25-third"]  # dense ranks BM25's second first and never sees its first
    assert ranked_first(against, DEFAULT_DENSE_WEIGHT) == "bm25-first"
    assert ranked_first(against, bound * 1.01) == "bm25-second"
    assert ranked_first(["dense-only"], 0.99) == "bm25-first"  # a chunk BM25 missed needs a weight of 1 to tie


@pytest.fixture(scope="module")
def sample_index(
    tmp_path_factory: pytest.TempPathFactory,
    langfang_data: Callable[[Path], Path],
    index_at: Callable[..., CorpusIndex],
    embeddings: LocalSentenceEmbeddings,
) -> Iterator[CorpusIndex]:
    """The ingested Langfang sample: real Chroma vectors and the real keyword index."""
    index = index_at(langfang_data(tmp_path_factory.mktemp("fusion") / "data"), embeddings)
    yield index
    index.close()


def first_hit(index: CorpusIndex, question: str, mode: RetrievalMode, **settings: float) -> str:
    found = HybridRetriever(index=index, k=5, mode=mode, **settings).invoke(question)
    assert found, (question, mode)
    return found[0].id


def test_hybrid_keeps_bm25s_first_hit_where_dense_disagrees(sample_index: CorpusIndex) -> None:
    bm25 = {q: first_hit(sample_index, q, RetrievalMode.KEYWORD) for q in QUESTIONS}
    disagreeing = [q for q in QUESTIONS if first_hit(sample_index, q, RetrievalMode.DENSE) != bm25[q]]
    assert len(disagreeing) >= 3, "the check below means something only where the two rankings differ"
    for question in disagreeing:
        assert first_hit(sample_index, question, RetrievalMode.HYBRID) == bm25[question], question
    displaced = [q for q in disagreeing if first_hit(sample_index, q, RetrievalMode.HYBRID, dense_weight=1.0) != bm25[q]]
    assert displaced, "at full weight the dense side should move BM25's first hit somewhere"


def test_hybrid_adds_what_only_dense_finds_below_bm25s_hits(sample_index: CorpusIndex) -> None:
    question = QUESTIONS[0]
    keyword = [d.id for d in HybridRetriever(index=sample_index, k=30, mode=RetrievalMode.KEYWORD).invoke(question)]
    dense = [d.id for d in HybridRetriever(index=sample_index, k=30, mode=RetrievalMode.DENSE).invoke(question)]
    hybrid = [d.id for d in HybridRetriever(index=sample_index, k=len(set(keyword) | set(dense)), mode=RetrievalMode.HYBRID)
              .invoke(question)]
    assert set(hybrid) == set(keyword) | set(dense)  # both sides are searched
    assert hybrid[0] == keyword[0]
