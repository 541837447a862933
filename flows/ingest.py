"""The ingest flow: read -> extract -> store (+ queue invites, one transaction) -> deliver, a task each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.invitations import (
    InviteFlowError,
    InvitePlan,
    after_ingest,
    deliver_meeting,
    plan_summary,
    report_summary,
)
from flows.runtime import clock, load_settings, session_factory
from flows.store import StoreError, store_extraction
from flows.transport import describe_transport, transport_from_settings
from models import Meeting
from muistio.contract import Extraction
from muistio.document import Document, ReadError
from muistio.reading import read_document


def _transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry the store only when the database itself stumbled (locked, dropped, a racing duplicate)."""
    from sqlalchemy.exc import IntegrityError, OperationalError

    error = state.result(raise_on_failure=False)
    return isinstance(error, OperationalError | IntegrityError)


@dataclass(frozen=True)
class Rejected:
    """A file that is not minutes we can store: an expected outcome, so no task fails with a traceback."""

    error: str


@task(name="read", cache_policy=NO_CACHE)
def read_stage(path: str) -> Document | Rejected:
    """Read the file as a Document."""
    try:
        return read_document(Path(path))
    except ReadError as exc:
        return Rejected(str(exc))


@task(name="extract", cache_policy=NO_CACHE)
def extract_stage(document: Document) -> Extraction | Rejected:
    """Extract meeting, people, agenda, decisions, action items and next meeting."""
    from muistio.extraction import extract
    from muistio.morphology import morphology_for

    settings = load_settings()
    try:
        found: Extraction = extract(
            document,
            timezone=settings.timezone,
            min_confidence=settings.min_confidence,
            morphology=morphology_for(settings.morphology),
        )
    except ReadError as exc:
        return Rejected(str(exc))
    return found


@task(
    name="store",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_transient,
)
def store_stage(extraction: Extraction, document: Document, body: str | None = None) -> dict[str, Any]:
    """Store the extraction and queue the invitations it causes, all in one transaction."""
    settings = load_settings()
    now = clock().now()
    try:
        with session_factory(settings.resolved_database_url)() as session:
            result = store_extraction(
                extraction,
                document,
                session=session,
                body_name=body,
                now=now,
                uid_domain=settings.message_id_domain,
            )
            invitations: list[dict[str, Any]] = []
            if result.status != "duplicate" and result.meeting_id is not None:
                # The outbox rows commit with the meeting they announce, or not at all (transactional outbox).
                plans = after_ingest(session, result.meeting_id, settings=settings, now=now)
                invitations = [_invitation(session, plan) for plan in plans]
    except StoreError as exc:
        return rejected(document.path, str(exc))
    except InviteFlowError as exc:
        return rejected(document.path, f"stored nothing: {exc}")
    out = result.as_dict()
    out["invitations"] = invitations
    return out


def _invitation(session: Any, plan: InvitePlan) -> dict[str, Any]:
    """What after_ingest did for one meeting, as plain data for the flow result and the CLI."""
    meeting = session.get(Meeting, plan.meeting_id)
    summary = plan_summary(plan)
    summary["date"] = meeting.date.isoformat() if meeting is not None else None
    summary["people"] = len(plan.mails) + len(plan.missing)
    return summary


@task(name="deliver", cache_policy=NO_CACHE)
def deliver_stage(meeting_ids: list[int]) -> dict[str, Any]:
    """Send what the store queued for these meetings (one task for the batch, never one per mail)."""
    settings = load_settings()
    transport = transport_from_settings(settings)
    report = deliver_meeting(
        session_factory(settings.resolved_database_url),
        transport,
        settings=settings,
        now=clock().now(),
        meeting_ids=meeting_ids,
    )
    return {"via": describe_transport(transport), **report_summary(report)}


def rejected(path: str, error: str) -> dict[str, Any]:
    """The flow's answer for a file it would not store."""
    return {"status": "rejected", "file_name": Path(path).name, "path": path, "error": error}


# Async on purpose: a sync flow run joins its heartbeat thread on exit (~1 s each in Prefect 3.9);
# an async one does not. The tasks stay sync: they run in order on the flow's thread.
@flow(name="ingest-minutes", log_prints=False)
async def ingest_minutes(path: str, body: str | None = None) -> dict[str, Any]:
    """Ingest one minutes file, then send the invitations it caused; the same file twice does nothing."""
    document = read_stage(path)
    if isinstance(document, Rejected):
        return rejected(path, document.error)
    extraction = extract_stage(document)
    if isinstance(extraction, Rejected):
        return rejected(path, extraction.error)
    result = store_stage(extraction, document, body)
    queued = [i["meeting_id"] for i in result.get("invitations", []) if i["enqueued"]]
    if queued:
        result["delivery"] = deliver_stage(queued)
    return result


async def ingest_many(paths: Sequence[str], body: str | None = None) -> list[dict[str, Any]]:
    """One flow run per file, in order, all in one process (one Prefect start for the batch)."""
    results = []
    for path in paths:
        try:
            results.append(await ingest_minutes(path, body))
        except Exception as exc:  # a crash in one file is reported, and the others still go in
            results.append(rejected(path, f"{type(exc).__name__}: {exc}"))
    return results


if __name__ == "__main__":
    import asyncio
    import sys

    print(asyncio.run(ingest_minutes(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
