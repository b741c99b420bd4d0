"""Optional LLM polish of text answers: kept only if every number it writes appears in the cited quotes."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from assistant.answer import Answer
from ingest.numbers import printed_numbers

SYSTEM_PROMPT = (
    "你是政府预算公开信息助手。请根据给出的原文摘录，用一两句简洁的中文回答问题。"
    "只能使用摘录中的事实和数字，不得编造或计算新的数字。"
)


def numbers_supported(text: str, quotes: list[str]) -> bool:
    """True when every number in `text` is a number some quote prints, compared whole and by value as the
    citation check does: 116.70 matches a quote's 116.7, but 16 is not supported by a quote's 116.7."""
    printed = {n for q in quotes for n in printed_numbers(q)}
    return all(n in printed for n in printed_numbers(text))


def build_chat_model(base_url: str, model: str) -> BaseChatModel:
    """An OpenAI-compatible chat model (e.g. a local Qwen behind vLLM); needs langchain-openai."""
    from langchain_openai import ChatOpenAI  # imported only when an endpoint is configured

    return ChatOpenAI(base_url=base_url, model=model, api_key="not-needed", temperature=0)


def rephrase(answer: Answer, llm: BaseChatModel) -> Answer:
    """The answer with LLM-written text, or unchanged when the LLM fails or adds unsupported numbers."""
    if answer.kind != "text" or not answer.citations:
        return answer
    quotes = [c.quote for c in answer.citations]
    prompt = "问题：" + answer.question + "\n原文摘录：\n" + "\n".join(f"[{i + 1}] {q}" for i, q in enumerate(quotes))
    try:
        reply = llm.invoke([SystemMessage(SYSTEM_PROMPT), HumanMessage(prompt)])
    except Exception:  # the endpoint is optional; its failure must never cost the answer
        return answer
    text = str(reply.content).strip()
    if not text or not numbers_supported(text, quotes):
        return answer
    return answer.model_copy(update={"text": text})
