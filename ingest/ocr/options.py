"""What the loaders that may read page images are told: the page limit and whom to tell about each page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_MAX_PAGES = 100


@dataclass(frozen=True)
class PageProgress:
    """One page done: its number, the document's page count and whether it was read from its image."""

    page: int
    pages: int
    recognised: bool


@dataclass(frozen=True)
class OcrOptions:
    """`max_pages`: most pages of one document read from images; `on_page` hears of every page as it is done."""

    max_pages: int = DEFAULT_MAX_PAGES
    on_page: Callable[[PageProgress], None] | None = None

    def tell(self, page: int, pages: int, recognised: bool) -> None:
        if self.on_page:
            self.on_page(PageProgress(page, pages, recognised))

    def over_limit(self, scans: int) -> str | None:
        """Why a document with `scans` scanned pages is refused, or None when they are within the limit."""
        if scans <= self.max_pages:
            return None
        return f"有{scans}页是扫描图片，超过文字识别上限{self.max_pages}页（可用 BUDGETQA_OCR_MAX_PAGES 调整）"
