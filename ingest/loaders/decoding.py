"""Turns the bytes of a text-based file into a string, or says clearly why it cannot."""

from __future__ import annotations

from ingest.errors import IngestError

ENCODINGS = ("utf-8-sig", "gb18030")  # Chinese government sites still publish GBK/GB18030 files
MAX_CONTROL_SHARE = 0.01  # more control characters than this means binary, not text


def decode_text(data: bytes, source: str) -> str:
    """Decodes UTF-8 or GB18030 text with newlines normalised to `\\n`; binary or empty input raises."""
    if not data.strip():
        raise IngestError(source, "file is empty")
    if b"\x00" in data[:65536]:
        raise IngestError(source, "file is binary, not text")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise IngestError(source, "text is neither UTF-8 nor GB18030")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(source, "file is binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
