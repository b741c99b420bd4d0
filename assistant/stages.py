"""The steps one answer goes through, reported as they start so a caller can show progress."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class Stage(StrEnum):
    UNDERSTAND = "understand"
    SEARCH = "search"
    VERIFY = "verify"
    COMPOSE = "compose"


StageReport = Callable[[Stage], None]


def ignore_stage(stage: Stage) -> None:
    """The report of a caller that does not follow progress."""
