"""The ingest flow: read -> extract -> store (+ queue invites, one transaction) -> deliver, a task each."""

from __future__ import annotations

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from muistio.contract import Extraction
from muistio.document import Document
from services import ingest
from services.config import load_settings
from services.invitations import deliver_invitations


def _transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry the store only when the database itself stumbled (locked, dropped, a racing duplicate)."""
    from sqlalchemy.exc import IntegrityError, OperationalError

    error = state.result(raise_on_failure=False)
    return isinstance(error, OperationalError | IntegrityError)


@task(name="read", cache_policy=NO_CACHE)
def read_stage(path: str) -> Document | ingest.Rejected:
    """Read the file as a Document."""
    return ingest.read_minutes(path)


@task(name="extract", cache_policy=NO_CACHE)
def extract_stage(document: Document) -> Extraction | ingest.Rejected:
    """Extract meeting, people, agenda, decisions, action items and next meeting."""
    return ingest.extract_minutes(document, settings=load_settings())


@task(
    name="store",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_transient,
)
def store_stage(extraction: Extraction, document: Document, body: str | None = None) -> dict[str, Any]:
    """Store the extraction and queue the invitations it causes, all in one transaction."""
    return ingest.store_minutes(extraction, document, settings=load_settings(), body=body)


@task(name="deliver", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[10, 60])
def deliver_stage(meeting_ids: list[int]) -> dict[str, Any]:
    """Send what the store queued for these meetings (one task for the batch, never one per mail)."""
    return deliver_invitations(meeting_ids, settings=load_settings())


# Async on purpose: a sync flow run joins its heartbeat thread on exit (~1 s each in Prefect 3.9);
# an async one does not. The tasks stay sync: they run in order on the flow's thread.
@flow(name="ingest-minutes", log_prints=False)
async def ingest_minutes(path: str, body: str | None = None) -> dict[str, Any]:
    """Ingest one minutes file, then send the invitations it caused; the same file twice does nothing."""
    document = read_stage(path)
    if isinstance(document, ingest.Rejected):
        return ingest.rejected(path, document.error)
    extraction = extract_stage(document)
    if isinstance(extraction, ingest.Rejected):
        return ingest.rejected(path, extraction.error)
    result = store_stage(extraction, document, body)
    queued = ingest.queued_meetings(result)
    if queued:
        result["delivery"] = deliver_stage(queued)
    return result
