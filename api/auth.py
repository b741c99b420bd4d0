"""API-key roles: staff keys read facts and documents, admin keys also add and remove documents."""

from __future__ import annotations

import hmac
from enum import IntEnum

from config.settings import Settings

API_KEY_HEADER = "X-API-Key"


class Role(IntEnum):
    """Ordered so that `role >= Role.STAFF` holds for admins too (admin implies staff)."""

    STAFF = 1
    ADMIN = 2


def _matches_any(key: bytes, candidates: list[str]) -> bool:
    # compare against every key, without stopping early, in constant time per key
    found = False
    for candidate in filter(None, candidates):  # an empty configured key must never match
        found |= hmac.compare_digest(key, candidate.encode("utf-8"))
    return found


def role_for_key(key: str, settings: Settings) -> Role | None:
    """The role a key grants, or None for an unknown key. The key itself is never logged."""
    raw = key.encode("utf-8")
    is_admin = _matches_any(raw, settings.admin_keys)
    is_staff = _matches_any(raw, settings.staff_keys)
    if is_admin:
        return Role.ADMIN
    if is_staff:
        return Role.STAFF
    return None
