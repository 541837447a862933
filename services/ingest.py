"""Ingesting minutes without Prefect: read, extract, store (invites queued in one transaction), deliver."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session

from models import Meeting
from muistio.contract import Extraction
from muistio.document import Document, ReadError
from muistio.reading import read_document
from muistio.settings import Settings
from services.clock import clock
from services.db import session_factory
from services.invitations import InviteFlowError, InvitePlan, after_ingest, deliver_invitations, plan_summary
from services.store import StoreError, store_extraction


@dataclass(frozen=True)
class Rejected:
    """A file that is not minutes we can store: an expected outcome, reported, never a traceback."""

    error: str


def read_minutes(path: str) -> Document | Rejected:
    """Read the file as a Document."""
    try:
        return read_document(Path(path))
    except ReadError as exc:
        return Rejected(str(exc))


def extract_minutes(document: Document, *, settings: Settings) -> Extraction | Rejected:
    """Extract meeting, people, agenda, decisions, action items and next meeting."""
    from muistio.extraction import extract
    from muistio.morphology import morphology_for

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


def store_minutes(
    extraction: Extraction, document: Document, *, settings: Settings, body: str | None = None
) -> dict[str, Any]:
    """Store the extraction and queue the invitations it causes, all in one transaction."""
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


def _invitation(session: Session, plan: InvitePlan) -> dict[str, Any]:
    """What after_ingest did for one meeting, as plain data for the flow result and the CLI."""
    meeting = session.get(Meeting, plan.meeting_id)
    summary = plan_summary(plan)
    summary["date"] = meeting.date.isoformat() if meeting is not None else None
    summary["people"] = len(plan.mails) + len(plan.missing)
    return summary


def queued_meetings(result: dict[str, Any]) -> list[int]:
    """The meetings whose invitations the store just queued."""
    return [i["meeting_id"] for i in result.get("invitations", []) if i["enqueued"]]


def rejected(path: str, error: str) -> dict[str, Any]:
    """The answer for a file that was not stored."""
    return {"status": "rejected", "file_name": Path(path).name, "path": path, "error": error}


def ingest_file(
    path: str, *, settings: Settings, body: str | None = None, deliver: bool = True
) -> dict[str, Any]:
    """Ingest one minutes file, then send the invitations it caused; the same file twice does nothing."""
    from services.parsing import ParseError, parse_minutes

    try:
        document, extraction = parse_minutes(path, settings=settings)
    except ParseError as exc:
        return rejected(path, str(exc))
    result = store_minutes(extraction, document, settings=settings, body=body)
    queued = queued_meetings(result)
    if deliver and queued:
        result["delivery"] = deliver_invitations(queued, settings=settings)
    return result
