"""The demo host page, the staff page and the health check."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.deps import IndexDep
from api.schemas import Health

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
# our own pages load only our own scripts and styles; inline script (e.g. an injected onerror) never runs
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
PAGE_HEADERS = {"Content-Security-Policy": PAGE_CSP, "Referrer-Policy": "same-origin"}

router = APIRouter()


@router.get("/", include_in_schema=False)
def demo_page() -> FileResponse:
    """A mock government page embedding the chat widget with one script tag."""
    return FileResponse(STATIC_DIR / "index.html", headers=PAGE_HEADERS)


@router.get("/staff", include_in_schema=False)
def staff_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "staff.html", headers=PAGE_HEADERS)


@router.get("/healthz", response_model=Health, tags=["health"])
def health(index: IndexDep) -> Health:
    return Health(status="ok", documents=len(index.documents()))
