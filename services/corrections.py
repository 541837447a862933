"""What waits for the secretary: held corrections and held invitations; list, approve, discard.

The CLI (`muistio changes`, `approve`, `discard`) and the web desk call these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from sqlmodel import Session, col, select

from models import Body, Meeting, MeetingStatus, PendingChange, PendingStatus
from muistio.contract import Extraction
from muistio.document import Document
from muistio.errors import MuistioError
from services.clock import clock
from services.db import read_factory, write_retrying
from services.invitations import (
    InviteFlowError,
    approve_meeting,
    compose_invites,
    enqueue_plans,
    find_meeting,
    held_line,
    meeting_state,
    plan_summary,
)
from services.store import StoreResult, store_extraction

if TYPE_CHECKING:
    from muistio.settings import Settings


class ChangeError(MuistioError, ValueError):
    """A held change that cannot be approved or discarded; the message is one line."""


@dataclass
class PendingView:
    """One thing waiting for the secretary: a held correction, or invitations held for approval."""

    kind: Literal["correction", "invitations"]
    meeting_id: int
    body: str
    date: dt.date
    reason: str
    changes: list[dict[str, Any]] = field(default_factory=list)  # kind, line, held (corrections)
    pending_id: int | None = None
    file_name: str | None = None
    similarity: float | None = None
    created_at: dt.datetime | None = None

    def lines(self) -> list[str]:
        """The view as text: a heading, the reason, one line per change, and what to do."""
        if self.kind == "invitations":
            head = f"meeting {self.meeting_id} ({self.body} {self.date.isoformat()}): invitations held"
            return [head, f"  why: {self.reason}", f"  send them: `muistio approve {self.meeting_id}`"]
        head = (
            f"meeting {self.meeting_id} ({self.body} {self.date.isoformat()}): "
            f"correction from {self.file_name} held"
        )
        out = [head, f"  why: {self.reason}"]
        for change in self.changes:
            mark = "!" if change.get("held") else " "
            out.append(f"  {mark} {change['line']}")
        if not self.changes:
            out.append("    (nothing would change)")
        out.append(
            f"  apply it: `muistio approve {self.meeting_id}`; drop it: `muistio discard {self.meeting_id}`"
        )
        return out


def pending_correction(session: Session, meeting: Meeting) -> PendingChange | None:
    """The meeting's newest held correction, if any."""
    return session.exec(
        select(PendingChange)
        .where(PendingChange.meeting_id == meeting.id, PendingChange.status == PendingStatus.pending)
        .order_by(col(PendingChange.id).desc())
    ).first()


def _body_name(session: Session, meeting: Meeting) -> str:
    body = session.get(Body, meeting.body_id)
    return body.name if body else "?"


def list_pending_changes(session: Session, meeting_id: int | None = None) -> list[PendingView]:
    """Everything waiting for approval (one meeting's when given): corrections first, then invitations."""
    out: list[PendingView] = []
    query = select(PendingChange, Meeting).join(Meeting, col(PendingChange.meeting_id) == Meeting.id)
    query = query.where(PendingChange.status == PendingStatus.pending)
    if meeting_id is not None:
        query = query.where(Meeting.id == meeting_id)
    for change, meeting in session.exec(query.order_by(col(PendingChange.id))):
        out.append(
            PendingView(
                kind="correction",
                meeting_id=meeting.id or 0,
                body=change.body_name,
                date=meeting.date,
                reason=change.reason,
                changes=list(change.diff),
                pending_id=change.id,
                file_name=change.file_name,
                similarity=change.similarity,
                created_at=change.created_at,
            )
        )
    held = (
        select(Meeting, Body)
        .join(Body)
        .where(Meeting.status == MeetingStatus.scheduled, col(Meeting.approved_at).is_(None))
    )
    if meeting_id is not None:
        held = held.where(Meeting.id == meeting_id)
    for meeting, body in session.exec(held.order_by(col(Meeting.date))):
        if meeting.hold_reason:
            reason = meeting.hold_reason
        elif body.require_approval:
            reason = f"{body.name} requires approval before invitations go out"
        else:
            continue
        out.append(
            PendingView(kind="invitations", meeting_id=meeting.id or 0, body=body.name, date=meeting.date,
                        reason=reason)
        )  # fmt: skip
    return out


def _document(change: PendingChange) -> Document:
    return Document(
        path=change.file_name,
        format=change.format,
        sha256=change.sha256,
        source_text=change.text,
        text=change.text,
    )


def approve_correction(
    session: Session,
    meeting: Meeting,
    *,
    now: dt.datetime,
    actor: str,
    uid_domain: str,
    uid_key: str = "",
) -> StoreResult:
    """Apply the meeting's held correction in the caller's transaction (its mail is queued after)."""
    change = pending_correction(session, meeting)
    if change is None:
        raise ChangeError(f"meeting {meeting.id} has no held correction")
    extraction = Extraction.model_validate(change.extraction)
    result = store_extraction(
        extraction,
        _document(change),
        session=session,
        body_name=change.body_name,
        now=now,
        uid_domain=uid_domain,
        uid_key=uid_key,
        approved=True,
    )
    change.status, change.decided_at, change.decided_by = PendingStatus.approved, now, actor
    session.add(change)
    session.flush()
    return result


def discard_correction(session: Session, meeting: Meeting, *, now: dt.datetime, actor: str) -> PendingChange:
    """Drop the meeting's held correction: nothing changes, nothing is sent; the row stays as a record."""
    change = pending_correction(session, meeting)
    if change is None:
        raise ChangeError(f"meeting {meeting.id} has no held correction to discard")
    change.status, change.decided_at, change.decided_by = PendingStatus.discarded, now, actor
    session.add(change)
    session.flush()
    return change


# --- whole operations with their own short transactions (CLI and web desk) -------------------------


def approve(ref: str, *, settings: Settings, actor: str, body: str | None = None) -> dict[str, Any]:
    """Approve what waits on a meeting (id or YYYY-MM-DD): its held correction, else its invitations.

    Returns plain data: `what` ("correction" | "invitations"), `newly`, `result` (a correction's
    StoreResult), `invitations` (one summary per plan queued) and `meeting_ids` to deliver for.
    """
    from services.ingest import queue_after_store

    url = settings.resolved_database_url
    now = clock().now()

    def decide(session: Session) -> tuple[str, int, dict[str, Any] | None, bool]:
        meeting = find_meeting(session, ref, body=body)
        assert meeting.id is not None
        if pending_correction(session, meeting) is not None:
            result = approve_correction(
                session,
                meeting,
                now=now,
                actor=actor,
                uid_domain=settings.message_id_domain,
                uid_key=settings.secret_key,
            )
            return "correction", meeting.id, result.as_dict(), True
        if meeting.status == MeetingStatus.held:
            raise ChangeError(f"meeting {meeting.id} ({meeting.date}) has nothing waiting for approval")
        return "invitations", meeting.id, None, approve_meeting(session, meeting, now=now)

    what, meeting_id, result, newly = write_retrying(url, decide)
    if what == "correction":
        assert result is not None
        invitations = queue_after_store(meeting_id, result["source_id"], settings=settings, now=now)
        ids = [i["meeting_id"] for i in invitations if i["enqueued"]]
        return {"what": what, "newly": newly, "meeting_id": meeting_id, "result": result,
                "invitations": invitations, "meeting_ids": ids}  # fmt: skip
    summary = queue_invites(meeting_id, settings=settings, now=now)
    return {"what": what, "newly": newly, "meeting_id": meeting_id, "result": None,
            "invitations": [summary], "meeting_ids": [meeting_id]}  # fmt: skip


def queue_invites(meeting_id: int, *, settings: Settings, now: dt.datetime) -> dict[str, Any]:
    """The meeting's REQUESTs composed outside the write lock, then queued in a short write."""
    url = settings.resolved_database_url
    for _attempt in range(3):
        with read_factory(url)() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                raise ChangeError(f"no meeting with id {meeting_id}")
            plan = compose_invites(session, meeting, settings=settings, now=now)
            state = meeting_state([meeting])
            day = meeting.date.isoformat()

        def write(session: Session, plan: Any = plan, state: Any = state) -> bool:
            current = session.get(Meeting, meeting_id)
            if current is None or meeting_state([current]) != state:
                return False
            enqueue_plans(session, [plan])
            return True

        if write_retrying(url, write):
            summary = plan_summary(plan)
            summary["date"] = day
            return summary
    raise InviteFlowError(
        f"meeting {meeting_id} kept changing while its invitations were composed; try again"
    )


def discard(ref: str, *, settings: Settings, actor: str, body: str | None = None) -> dict[str, Any]:
    """Discard the held correction of a meeting (id or YYYY-MM-DD): nothing changes, nothing is sent."""
    now = clock().now()

    def drop(session: Session) -> dict[str, Any]:
        meeting = find_meeting(session, ref, body=body)
        change = discard_correction(session, meeting, now=now, actor=actor)
        return {"meeting_id": meeting.id, "pending_id": change.id, "file_name": change.file_name,
                "date": meeting.date.isoformat()}  # fmt: skip

    return write_retrying(settings.resolved_database_url, drop)


def pending_lines(ref: str | None, *, settings: Settings, body: str | None = None) -> list[str]:
    """`muistio changes [MEETING]`: what waits for approval, with the diff of each held correction."""
    with read_factory(settings.resolved_database_url)() as session:
        meeting_id = find_meeting(session, ref, body=body).id if ref else None
        views = list_pending_changes(session, meeting_id)
    if not views:
        return ["nothing waits for approval" + (f" on meeting {meeting_id}" if meeting_id else "")]
    out: list[str] = []
    for view in views:
        out += view.lines()
    return out


__all__ = [
    "ChangeError",
    "PendingView",
    "approve",
    "approve_correction",
    "discard",
    "discard_correction",
    "held_line",
    "list_pending_changes",
    "pending_correction",
    "pending_lines",
    "queue_invites",
]
