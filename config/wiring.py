"""Builds the product's parts from settings: the command line, the API and the evaluation all start here."""

from __future__ import annotations

from assistant.chain import Assistant
from config.settings import Settings
from index.corpus_index import CorpusIndex
from index.embeddings import LocalSentenceEmbeddings
from index.question_log import QuestionLog


def open_index(settings: Settings, embeddings: LocalSentenceEmbeddings | None = None) -> CorpusIndex:
    """The index the settings name (creating its stores if needed)."""
    return CorpusIndex.open(settings.index_config(), embeddings)


def open_assistant(settings: Settings, embeddings: LocalSentenceEmbeddings | None = None) -> Assistant:
    """An assistant over the index the settings name."""
    return Assistant(open_index(settings, embeddings), settings.assistant_config())


def open_question_log(settings: Settings) -> QuestionLog:
    """The log of unanswered questions, in the fact store's database."""
    return QuestionLog(settings.index_config().sqlalchemy_url)
