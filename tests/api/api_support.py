"""Constants and settings shared by the API tests and their fixtures (imported as a plain module)."""

from __future__ import annotations

from pathlib import Path

from config.settings import Settings

STAFF_KEY = "staff-test"
ADMIN_KEY = "admin-test"
LANGFANG_DEPARTMENT = "中共廊坊市委政法委员会"  # the department the bundled Langfang sample names
RATE_LIMIT_PER_MINUTE = 20  # above the few questions any one test asks, low enough to hit in a loop
UNLIMITED_PER_MINUTE = 100_000  # for apps whose tests hold whole conversations
MAX_FILE_BYTES = 100_000  # the "too large" upload then needs only 100 kB; test documents are far smaller


def api_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test app: no .env, no environment, only what the tests choose."""
    values: dict[str, object] = dict(
        data_dir=data_dir, staff_keys=[STAFF_KEY], admin_keys=[ADMIN_KEY],
        rate_limit_per_minute=RATE_LIMIT_PER_MINUTE, max_file_bytes=MAX_FILE_BYTES,
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)
