"""Talking to a Prefect server the tests started: JSON posts that ride out its busy moments."""

from __future__ import annotations

import time
from typing import Any

import httpx


def post_json(url: str, body: dict[str, Any], *, attempts: int = 6) -> Any:
    """POST and return the JSON answer; a 503 (the server's own database busy under load) is retried."""
    for attempt in range(attempts):
        reply = httpx.post(url, json=body, timeout=30)
        if reply.status_code != 503 or attempt == attempts - 1:
            reply.raise_for_status()
            return reply.json()
        time.sleep(0.5 * (attempt + 1))
    raise AssertionError("unreachable")
