"""Keeps secrets out of the server's access log.

Keys belong in the X-API-Key header (which uvicorn never logs), but a caller may still put one in the
URL (`?api_key=…`); uvicorn's access log prints the whole URL, so such values are masked before the
line is written. The filter sits on the `uvicorn.access` logger, whoever started the server.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

ACCESS_LOGGER = "uvicorn.access"
MASK = "***"
_PARAM = re.compile(r"([?&;])([^=&;#\s\"]*)=([^&;#\s\"]*)")
_SECRET_NAME = re.compile(r"(?i)key|token|secret|passw(?:or)?d|auth")


def _mask(param: re.Match[str]) -> str:
    name = unquote_plus(param[2])
    return f"{param[1]}{param[2]}={MASK}" if _SECRET_NAME.search(name) else param[0]


def redact(text: str) -> str:
    """`text` with the values of query parameters named like a key, token, secret or password masked."""
    return _PARAM.sub(_mask, text) if "=" in text else text


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Adds the filter to uvicorn's access logger once per process."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, RedactSecrets) for f in logger.filters):
        logger.addFilter(RedactSecrets())
