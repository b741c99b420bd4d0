"""Loads a `.json` disclosure: a list of pages of extracted text (ingest/loaders/pages_json.py), or a structured
export of fields, paragraphs and tables (ingest/loaders/structured_json.py)."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.errors import IngestError
from ingest.loaders.builder import TextBuilder
from ingest.loaders.decoding import decode_text
from ingest.loaders.pages_json import is_page_list, load_pages
from ingest.loaders.structured_json import write_json
from ingest.model import RawDocument

NO_TEXT = 'holds no text: expected a list of {"page": n, "text": "..."} objects or an export of fields and tables'


def load_json(path: Path) -> RawDocument:
    """The document a JSON file holds, read by its shape."""
    try:
        data = json.loads(decode_text(path.read_bytes(), path.name))
    except json.JSONDecodeError as exc:
        raise IngestError(path.name, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if is_page_list(data):
        return load_pages(path.name, data)
    builder = TextBuilder()
    write_json(builder, data)
    document = builder.build(path.name, "json")
    if not document.text.strip():
        raise IngestError(path.name, NO_TEXT)
    return document
