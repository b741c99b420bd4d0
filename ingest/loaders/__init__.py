"""One loader per file format; `load` picks it by file extension."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import RawDocument
from ingest.ocr.options import OcrOptions

# extension -> "module:function"; modules are imported on first use so a missing optional
# parser library only affects its own format
LOADERS: dict[str, str] = {
    ".txt": "ingest.loaders.txt:load_txt",
    ".md": "ingest.loaders.txt:load_markdown",
    ".csv": "ingest.loaders.csv_text:load_csv",
    ".pdf": "ingest.loaders.pdf:load_pdf",
    ".docx": "ingest.loaders.docx:load_docx",
    ".xlsx": "ingest.loaders.xlsx:load_xlsx",
    ".html": "ingest.loaders.html:load_html",
    ".htm": "ingest.loaders.html:load_html",
    ".jsp": "ingest.loaders.html:load_html",
    ".json": "ingest.loaders.json_files:load_json",
    ".png": "ingest.loaders.image:load_image",
    ".jpg": "ingest.loaders.image:load_image",
    ".jpeg": "ingest.loaders.image:load_image",
}
READS_IMAGES = {".pdf", ".png", ".jpg", ".jpeg"}  # these loaders may read pages by OCR and take `OcrOptions`


def supported_extensions() -> list[str]:
    """File extensions that can be ingested."""
    return sorted(LOADERS)


def _loader_for(path: Path) -> Callable[[Path], RawDocument]:
    target = LOADERS.get(path.suffix.lower())
    if target is None:
        raise IngestError(path.name, f"unknown format '{path.suffix or '(none)'}'; supported: {', '.join(supported_extensions())}")
    module, function = target.split(":")
    return getattr(import_module(module), function)


def load(path: Path, ocr: OcrOptions = OcrOptions()) -> RawDocument:
    """Extracts text, lines and tables from one file; any failure becomes an `IngestError`."""
    loader = _loader_for(path)
    try:
        doc = loader(path, ocr) if path.suffix.lower() in READS_IMAGES else loader(path)
    except IngestError:
        raise
    except Exception as exc:  # a parser library's own error on a broken file
        detail = " ".join(str(exc).replace(str(path), path.name).split())  # one line, no server paths
        raise IngestError(path.name, f"cannot read {path.suffix[1:].upper()} file ({type(exc).__name__}: {detail})") from exc
    if not doc.text.strip():
        if doc.notices:  # every page with content was a scan that could not be read
            raise IngestError(path.name, "；".join(doc.notices))
        raise IngestError(path.name, "no text could be extracted (scanned images or an empty document)")
    return doc
