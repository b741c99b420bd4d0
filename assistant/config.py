"""What the assistant needs besides its index: how figures are shown, input limits, retrieval depth, LLM."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index.config import DEFAULT_DENSE_WEIGHT
from index.retriever import RetrievalMode


class DisplayUnit(StrEnum):
    """Units money figures may be shown in."""

    YUAN = "元"
    WAN = "万元"
    YI = "亿元"


@dataclass(frozen=True)
class AssistantConfig:
    """Answering settings; invalid values are refused when the config is made, not when a question arrives."""

    display_unit: DisplayUnit = DisplayUnit.WAN
    max_question_chars: int = 500
    top_k: int = 8  # chunks the retriever returns
    llm_base_url: str | None = None  # OpenAI-compatible endpoint that may reword text answers
    llm_model: str = "qwen"
    retrieval_mode: RetrievalMode = RetrievalMode.KEYWORD  # BM25 alone: see index/retriever.py
    dense_weight: float = DEFAULT_DENSE_WEIGHT  # weight of the dense ranking in hybrid fusion; BM25's is 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "display_unit", DisplayUnit(self.display_unit))
        object.__setattr__(self, "retrieval_mode", RetrievalMode(self.retrieval_mode))
        if self.max_question_chars < 1:
            raise ValueError(f"max_question_chars must be at least 1, got {self.max_question_chars}")
        if self.top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {self.top_k}")
        if self.dense_weight < 0:
            raise ValueError(f"dense_weight must not be negative, got {self.dense_weight}")
