"""The inbox flow: every minute, claim settled files from the inbox folder, ingest them, file them."""

from __future__ import annotations

import time
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.ingest import ingest_minutes
from services import inbox
from services.config import load_settings


@task(name="claim-settled-files", cache_policy=NO_CACHE)
def claim_task(settle_seconds: float) -> list[str]:
    """Files that stopped changing, moved aside so no other look takes them."""
    return inbox.claim_settled(
        inbox.inbox_dir(load_settings()), now=time.time(), settle_seconds=settle_seconds
    )


@task(name="file-results", cache_policy=NO_CACHE)
def file_task(claimed: list[str], results: list[dict[str, Any]] | None) -> dict[str, Any]:
    """Each file to processed/ or rejected/ (with its reason beside it); the look's artifact."""
    filed = inbox.file_results(inbox.inbox_dir(load_settings()), claimed, results)
    create_markdown_artifact(inbox.inbox_report(filed), key="inbox-report")
    return filed.as_dict()


@flow(name="inbox", flow_run_name="inbox look")
async def look_in_inbox(settle_seconds: float = 30.0, body: str | None = None) -> dict[str, Any]:
    """Ingest what was dropped into the inbox (one ingest run for the files of this look)."""
    claimed = claim_task(settle_seconds)
    if not claimed:
        return {"processed": [], "rejected": {}}
    state = await ingest_minutes(claimed, body, return_state=True)
    results = await state.aresult(raise_on_failure=False)
    filed = file_task(claimed, results if isinstance(results, list) else None)
    get_run_logger().info("inbox: %d processed, %d rejected", len(filed["processed"]), len(filed["rejected"]))
    return filed
