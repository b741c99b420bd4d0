"""The column headers of 绩效目标表 indicator grids, read from `ingest/data/performance_headers.txt`: which
column holds the projects, which the targets, and which each level of indicator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ingest.vocabulary import read_sections

PERFORMANCE_HEADERS = files("ingest") / "data" / "performance_headers.txt"
LEVELS = ("level1", "level2", "level3")


@dataclass(frozen=True)
class PerformanceHeaders:
    """Header words of each column kind."""

    project: tuple[str, ...]
    form: tuple[str, ...]  # first cells of the row opening one form: 项目名称, 部门名称 (a department's whole)
    value: tuple[str, ...]
    actual: tuple[str, ...]
    levels: tuple[tuple[str, ...], ...]  # 一级指标's words, 二级指标's, 三级指标's


@lru_cache(maxsize=1)
def performance_headers() -> PerformanceHeaders:
    """The header words of the shipped data file (read once per process)."""
    sections = read_sections(PERFORMANCE_HEADERS.read_text(encoding="utf-8"))

    def words(name: str) -> tuple[str, ...]:
        return tuple(row[0] for row in sections[name])

    return PerformanceHeaders(project=words("project"), form=words("form"), value=words("value"), actual=words("actual"),
                              levels=tuple(words(level) for level in LEVELS))


def opens_form(text: str) -> bool:
    """Whether a row's first cell opens one form and names whose targets follow (项目名称, 部门名称)."""
    return text.strip() in performance_headers().form


def is_value_header(text: str) -> bool:
    """Whether a header cell heads the targets column (指标值, 目标值)."""
    return any(word in text for word in performance_headers().value)


def is_actual_header(text: str) -> bool:
    """Whether a header cell heads what was achieved (实际完成值)."""
    return text.strip() in performance_headers().actual


def is_achieved(col_path: tuple[str, ...] | list[str]) -> bool:
    """Whether an indicator figure under these column headers is what was achieved (实际完成值), not a target."""
    return any(is_actual_header(header) for header in col_path)


def heads_indicator_grid(header: list[str]) -> bool:
    """Whether a header row heads an indicator grid: a targets column and a level of indicator."""
    return any(is_value_header(t) for t in header) and any(level_of(t) is not None for t in header)


def level_of(text: str) -> int | None:
    """Which level of indicator a header cell heads (0 for 一级指标, 2 for 三级指标 or 绩效指标), or None."""
    return next((i for i, words in enumerate(performance_headers().levels) if text.strip() in words), None)


def label_levels(header: list[list[str]]) -> list[int]:
    """The level of indicator each column of a grid's header names, in column order, for the columns naming one."""
    width = max((len(row) for row in header), default=0)
    columns = ([level_of(row[col]) for row in header if col < len(row)] for col in range(width))
    return [level for found in columns if (level := next((x for x in found if x is not None), None)) is not None]


def is_project_header(text: str) -> bool:
    """Whether a header cell heads the projects column (项目名称)."""
    return text.strip() in performance_headers().project


_NAMED_PROJECT = (
    re.compile(r"项目名称[：:]\s*(?P<name>[^\s：:，,；;。]+)"),  # "项目名称：天网视频监控系统运维 主管部门：…"
    re.compile(r"^(?P<name>[^\s：:，,；;。、]{2,}?项目)(?:绩效自评|绩效目标|支出绩效)"),  # "高标准农田建设项目绩效自评情况："
    # "（一）食品安全监督抽检项目。全年预算260.00万元…绩效目标完成情况：": a numbered paragraph opening with the project
    re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])\s*(?P<name>[^\s：:，,；;。、]{2,}?项目)(?=[。，,：:；;\s]|$)"),
)


def captioned_project(captions: list[str]) -> str | None:
    """The project a caption line right above a grid names, nearest first; None when none does."""
    for text in reversed(captions):
        for pattern in _NAMED_PROJECT:
            if found := pattern.search(text.strip()):
                return found["name"]
    return None
