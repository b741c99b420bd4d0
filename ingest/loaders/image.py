"""Loads a picture of a disclosure page (`.png`, `.jpg`): one page, read by OCR like a scanned PDF page."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ingest.errors import IngestError
from ingest.loaders.pdf import assemble, read_image_page
from ingest.model import RawDocument
from ingest.ocr.options import OcrOptions
from ingest.ocr.page import UnreadableImage, image_scale


def load_image(path: Path, ocr: OcrOptions = OcrOptions()) -> RawDocument:
    """The page's lines and ruled tables; a picture with no recognisable text is refused with the reason."""
    if refusal := ocr.over_limit(1):
        raise IngestError(path.name, refusal)
    try:
        with Image.open(path) as opened:
            image = opened.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise IngestError(path.name, f"不是可读取的图片文件（{type(exc).__name__}）") from exc
    try:
        items = read_image_page(image, image_scale(image))
    except UnreadableImage as exc:
        raise IngestError(path.name, f"第1页无法识别：{exc}") from exc
    ocr.tell(1, 1, recognised=True)
    return assemble([items], path.name, path.suffix.lower().lstrip("."))
