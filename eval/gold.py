"""Gold questions: the `GoldItem` model and a JSONL loader whose errors name the file and line.

One JSON object per line; blank lines and lines starting with `#` are skipped. Fields:

    id, question, type ("number" | "text" | "unanswerable")
    number:       value, unit, optional tolerance (absolute, in `unit`) and also (other accepted values)
    text:         must_include (every string must be in the answer text)
    any type:     evidence (strings a valid citation should contain), filters {department, year, kind},
                  doc (restrict to the document whose source file name equals it),
                  after (the earlier questions of the same conversation, asked first in order, each answer's
                  context carried into the next question; only `question` itself is scored)

Unknown fields are errors, so a typo such as "tolerence" cannot silently change a score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

GoldType = Literal["number", "text", "unanswerable"]


class GoldFileError(ValueError):
    """A gold file cannot be read or one of its lines is invalid; the message names file and line."""


class GoldFilters(BaseModel):
    """Document scope for one question, passed to the assistant as a `DocumentFilter`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    department: str | None = None
    year: int | None = None
    kind: str | None = None


class GoldItem(BaseModel):
    """One gold question with what counts as a correct answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    type: GoldType
    value: float | None = None
    unit: str | None = None
    tolerance: float | None = Field(None, ge=0)
    also: list[float] = Field(default_factory=list)
    must_include: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    filters: GoldFilters | None = None
    doc: str | None = None
    after: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _fields_fit_type(self) -> GoldItem:
        if self.type == "number":
            if self.value is None or not self.unit:
                raise ValueError("a number question needs 'value' and 'unit'")
        elif self.value is not None or self.also or self.tolerance is not None:
            raise ValueError(f"'value', 'tolerance' and 'also' only apply to number questions, not {self.type}")
        if self.type == "text" and not self.must_include:
            raise ValueError("a text question needs a non-empty 'must_include' list")
        if self.type != "text" and self.must_include:
            raise ValueError(f"'must_include' only applies to text questions, not {self.type}")
        if any(not s.strip() for s in self.must_include + self.evidence + self.after):
            raise ValueError("'must_include', 'evidence' and 'after' strings must not be empty")
        return self


def _describe(error: ValidationError) -> str:
    parts = []
    for e in error.errors():
        where = ".".join(str(p) for p in e["loc"])
        message = e["msg"].removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def parse_gold_lines(lines: list[str], name: str = "<gold>") -> list[GoldItem]:
    """Gold items from JSONL lines; `name` is used in error messages."""
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            raw = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise GoldFileError(f"{name}:{number}: not valid JSON ({error.msg} at column {error.colno})") from error
        if not isinstance(raw, dict):
            raise GoldFileError(f"{name}:{number}: expected a JSON object, got {type(raw).__name__}")
        try:
            item = GoldItem.model_validate(raw)
        except ValidationError as error:
            label = f" (id {raw['id']})" if isinstance(raw.get("id"), str) else ""
            raise GoldFileError(f"{name}:{number}{label}: {_describe(error)}") from error
        if item.id in seen:
            raise GoldFileError(f"{name}:{number}: duplicate id '{item.id}' (first on line {seen[item.id]})")
        seen[item.id] = number
        items.append(item)
    return items


def load_gold(path: Path) -> list[GoldItem]:
    """All gold items in a JSONL file; raises `GoldFileError` naming the file (and line) on any problem."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise GoldFileError(f"{path}: cannot read gold file ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise GoldFileError(f"{path}: gold file is not UTF-8 ({error.reason})") from error
    items = parse_gold_lines(text.splitlines(), str(path))
    if not items:
        raise GoldFileError(f"{path}: no gold questions in file")
    return items
