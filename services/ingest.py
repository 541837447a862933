"""Ingesting minutes without Prefect: read, extract, store (invites queued in one transaction), deliver."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from models import Meeting, SourceDocument
from muistio.contract import Extraction
from muistio.document import Document
from muistio.settings import Settings
from services.clock import clock
from services.db import read_factory, ready_database, write_retrying
from services.invitations import (
    InviteFlowError,
    InvitePlan,
    deliver_invitations,
    enqueue_plans,
    following_meetings,
    meeting_state,
    plan_after_ingest,
    plan_summary,
)
from services.store import StoreError, store_extraction


def store_minutes(
    extraction: Extraction, document: Document, *, settings: Settings, body: str | None = None
) -> dict[str, Any]:
    """Store the extraction in one short write, then compose and queue the invitations it causes.

    The write marks its SourceDocument `mail_queued=False`; composing (calendar and MIME for every
    member) runs outside the write lock and a second short write queues the mails and clears the
    mark, so a crash in between leaves work that queue_unqueued() finishes, never lost mail.
    """
    now = clock().now()
    url = settings.resolved_database_url
    try:
        result = write_retrying(
            url,
            lambda session: store_extraction(
                extraction,
                document,
                session=session,
                body_name=body,
                now=now,
                uid_domain=settings.message_id_domain,
                uid_key=settings.secret_key,
            ),
        )
        invitations: list[dict[str, Any]] = []
        if result.status in ("stored", "updated") and result.meeting_id is not None:
            invitations = queue_after_store(result.meeting_id, result.source_id, settings=settings, now=now)
    except StoreError as exc:
        return rejected(document.path, str(exc))
    except InviteFlowError as exc:
        return rejected(document.path, f"stored nothing: {exc}")
    out = result.as_dict()
    out["invitations"] = invitations
    return out


#: Compose-then-queue attempts when the meeting changes in between (someone moved it meanwhile).
COMPOSE_ATTEMPTS = 3


def queue_after_store(
    held_meeting_id: int, source_id: int | None, *, settings: Settings, now: dt.datetime
) -> list[dict[str, Any]]:
    """Compose what storing the minutes causes outside any write lock, then queue it in a short write."""
    url = settings.resolved_database_url
    for _attempt in range(COMPOSE_ATTEMPTS):
        with read_factory(url)() as session:
            plans = plan_after_ingest(session, held_meeting_id, settings=settings, now=now)
            state = meeting_state(following_meetings(session, held_meeting_id))

        def write(session: Session, plans: list[InvitePlan] = plans, state: Any = state) -> bool:
            if meeting_state(following_meetings(session, held_meeting_id)) != state:
                return False  # changed since composing: compose again
            enqueue_plans(session, plans)
            source = session.get(SourceDocument, source_id) if source_id else None
            if source is not None:
                source.mail_queued = True
                session.add(source)
            return True

        if write_retrying(url, write):
            with read_factory(url)() as session:
                return [_invitation(session, plan) for plan in plans]
    raise InviteFlowError(
        f"meeting {held_meeting_id}'s next meeting kept changing while its invitations were composed; "
        "run `muistio send` to queue them"
    )


#: A store whose mail is not queued after this long was interrupted (not merely still composing).
RECOVER_AFTER = dt.timedelta(minutes=10)


def queue_unqueued(*, settings: Settings) -> list[dict[str, Any]]:
    """Queue the mail of stored minutes whose run stopped between the store and the queueing."""
    before = clock().now() - RECOVER_AFTER
    with read_factory(settings.resolved_database_url)() as session:
        todo = [
            (s.meeting_id, s.id)
            for s in session.exec(
                select(SourceDocument).where(
                    col(SourceDocument.mail_queued).is_(False),
                    col(SourceDocument.meeting_id).is_not(None),
                    col(SourceDocument.ingested_at) < before,
                )
            )
        ]
    done: list[dict[str, Any]] = []
    for meeting_id, source_id in todo:
        assert meeting_id is not None
        done += queue_after_store(meeting_id, source_id, settings=settings, now=clock().now())
    return done


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


def ingest_paths(
    paths: Sequence[str],
    *,
    settings: Settings,
    body: str | None = None,
    on_file: Callable[[int], object] | None = None,
) -> list[dict[str, Any]]:
    """Read, extract and store each file (each its own short write); nothing delivered yet.

    Reading and extracting run in the bounded child process, a file or two ahead of the store;
    `on_file(1)` is called after each file (a progress bar's update).
    """
    from services.parsing import ParseError, parse_many

    ready_database(settings.resolved_database_url)  # a no-op of a few ms once it is at head
    queue_unqueued(settings=settings)  # an earlier run stopped between its store and its mail
    results: list[dict[str, Any]] = []
    for path, outcome in parse_many(paths, settings=settings):
        try:
            if isinstance(outcome, ParseError):
                results.append(rejected(path, str(outcome)))
            else:
                document, extraction = outcome
                results.append(store_minutes(extraction, document, settings=settings, body=body))
        except Exception as exc:  # one broken file must not stop a batch; its reason is reported
            results.append(rejected(path, f"{type(exc).__name__}: {exc}"))
        if on_file is not None:
            on_file(1)
    return results


def ingest_file(
    path: str, *, settings: Settings, body: str | None = None, deliver: bool = True
) -> dict[str, Any]:
    """Ingest one minutes file, then send the invitations it caused; the same file twice does nothing."""
    (result,) = ingest_paths([path], settings=settings, body=body)
    queued = queued_meetings(result)
    if deliver and queued:
        result["delivery"] = deliver_invitations(queued, settings=settings)
    return result
