"""What the secretary's desk reads and does: overview, paged items, item and meeting pages, uploads."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, delete, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from models import (
    ActionItem,
    ActionItemEvent,
    ActionItemOwner,
    ActionStatus,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingStatus,
    OutboxMessage,
    Participation,
    Person,
    SourceDocument,
    Upload,
    UploadStatus,
    UsedLink,
    WebUser,
)
from muistio.errors import MuistioError
from services.accounts import body_ids

if TYPE_CHECKING:
    from muistio.settings import Settings

UPLOAD_SUFFIXES = (".txt", ".md", ".rst", ".pdf", ".docx", ".html", ".htm", ".tex", ".wiki")
LOW_CONFIDENCE = 0.7
MAX_PER_PAGE = 200
COUNT_AHEAD = 10_000  # how far past the page the list counts matches exactly


class DeskError(MuistioError):
    """A desk request that cannot be carried out; the message is one line for the page."""


class NotFound(DeskError):
    """Nothing with that id the user may see (the same answer for 'absent' and 'not yours')."""


# --- overview -----------------------------------------------------------------------------------


@dataclass
class BodySummary:
    """One body on the overview: open and overdue items, the next meeting."""

    id: int
    name: str
    open: int = 0
    overdue: int = 0
    next_meeting: dt.date | None = None
    next_meeting_id: int | None = None


def _scoped(query: Any, allowed: set[int] | None) -> Any:
    return query if allowed is None else query.where(col(Meeting.body_id).in_(allowed or {-1}))


def overview(session: Session, user: WebUser, *, today: dt.date) -> list[BodySummary]:
    """Open and overdue action items per body the user serves, and each body's next meeting."""
    allowed = body_ids(session, user)
    bodies = session.exec(_scoped_bodies(allowed)).all()
    out = {b.id: BodySummary(id=b.id or 0, name=b.name) for b in bodies}
    counts = session.exec(
        _scoped(
            select(
                Meeting.body_id,
                func.count(),
                func.sum(case((col(ActionItem.due_date) < today, 1), else_=0)),
            )
            .select_from(ActionItem)
            .join(Meeting, col(ActionItem.meeting_id) == Meeting.id)
            .where(ActionItem.status == ActionStatus.open)
            .group_by(col(Meeting.body_id)),
            allowed,
        )
    ).all()
    for body_id, n_open, n_overdue in counts:
        if body_id in out:
            out[body_id].open, out[body_id].overdue = n_open, int(n_overdue or 0)
    upcoming = session.exec(
        _scoped(
            select(Meeting).where(Meeting.status == MeetingStatus.scheduled, col(Meeting.date) >= today),
            allowed,
        ).order_by(col(Meeting.date))
    ).all()
    for meeting in upcoming:
        summary = out.get(meeting.body_id)
        if summary is not None and summary.next_meeting is None:
            summary.next_meeting, summary.next_meeting_id = meeting.date, meeting.id
    return sorted(out.values(), key=lambda s: s.name.casefold())


def _scoped_bodies(allowed: set[int] | None) -> Any:
    query = select(Body).order_by(col(Body.name))
    return query if allowed is None else query.where(col(Body.id).in_(allowed or {-1}))


# --- action items -----------------------------------------------------------------------------


@dataclass
class ItemFilter:
    """The filters of the items list; every field optional."""

    body_id: int | None = None
    meeting_id: int | None = None
    owner: str | None = None
    status: str | None = "open"  # open | done | cancelled | None (all)
    overdue: bool = False
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    page: int = 1
    per_page: int = 50


@dataclass
class ItemSummary:
    """One line of the items list."""

    id: int
    text: str
    status: str
    owners: list[str]
    due_date: dt.date | None
    due_phrase: str | None
    meeting_id: int
    meeting_date: dt.date
    body: str
    confidence: float
    overdue: bool


@dataclass
class ItemPage:
    """One page of items and how many match in all."""

    items: list[ItemSummary]
    total: int  # matches; a lower bound when not exact
    page: int
    per_page: int
    exact: bool = True

    @property
    def pages(self) -> int:
        """How many pages the matches fill."""
        return max(1, -(-self.total // self.per_page))


def _owners(session: Session, ids: list[int]) -> dict[int, list[tuple[int | None, str]]]:
    out: dict[int, list[tuple[int | None, str]]] = defaultdict(list)
    if ids:
        for owner in session.exec(
            select(ActionItemOwner)
            .where(col(ActionItemOwner.action_item_id).in_(ids))
            .order_by(col(ActionItemOwner.id))
        ):
            out[owner.action_item_id].append((owner.person_id, owner.name))
    return out


def list_items(session: Session, user: WebUser, wanted: ItemFilter, *, today: dt.date) -> ItemPage:
    """One page of the action items the user may see, by due date (undated last), filtered in SQL."""
    per_page = max(1, min(wanted.per_page, MAX_PER_PAGE))
    page = max(1, wanted.page)
    where: list[Any] = []
    allowed = body_ids(session, user)
    # Bodies through a subquery on meetings, not a join: the item indexes (status, due date) stay usable.
    if allowed is not None:
        where.append(
            col(ActionItem.meeting_id).in_(
                select(Meeting.id).where(col(Meeting.body_id).in_(allowed or {-1}))
            )
        )
    if wanted.body_id is not None:
        where.append(
            col(ActionItem.meeting_id).in_(select(Meeting.id).where(Meeting.body_id == wanted.body_id))
        )
    if wanted.meeting_id is not None:
        where.append(ActionItem.meeting_id == wanted.meeting_id)
    if wanted.status in {s.value for s in ActionStatus}:
        where.append(ActionItem.status == ActionStatus(wanted.status))
    if wanted.overdue:
        where += [ActionItem.status == ActionStatus.open, col(ActionItem.due_date) < today]
    if wanted.due_from is not None:
        where.append(col(ActionItem.due_date) >= wanted.due_from)
    if wanted.due_to is not None:
        where.append(col(ActionItem.due_date) <= wanted.due_to)
    if wanted.owner and wanted.owner.strip():
        pattern = "%" + _like(" ".join(wanted.owner.split()).casefold()) + "%"
        owned = (
            select(ActionItemOwner.action_item_id)
            .outerjoin(Person, col(ActionItemOwner.person_id) == Person.id)
            .where(
                or_(
                    func.lower(ActionItemOwner.name).like(pattern, escape="\\"),
                    func.lower(Person.email).like(pattern, escape="\\"),
                )
            )
        )
        where.append(col(ActionItem.id).in_(owned))
    # Dated items by (due date, id), then undated ones by id: two index-ordered scans instead of
    # sorting every match with a NULLS-LAST expression (SQLite and PostgreSQL order NULLs differently).
    dated, undated = col(ActionItem.due_date).is_not(None), col(ActionItem.due_date).is_(None)

    def count(limit: int, *extra: Any) -> int:
        """Matches, counted no further than `limit` (a count over 100,000 rows costs more than the page)."""
        capped = select(ActionItem.id).where(*where, *extra).limit(limit).subquery()
        n: int = session.exec(select(func.count()).select_from(capped)).one()
        return n

    offset = (page - 1) * per_page
    total = count(offset + COUNT_AHEAD + 1)
    exact = total <= offset + COUNT_AHEAD
    # Enough dated items for this page means the undated ones need not be counted at all.
    n_dated = count(offset + per_page, dated)
    ids: list[int] = []
    if offset < n_dated:
        ids += session.exec(
            select(ActionItem.id)
            .where(*where, dated)
            .order_by(col(ActionItem.due_date), col(ActionItem.id))
            .offset(offset)
            .limit(per_page)
        ).all()  # type: ignore[arg-type]
    if len(ids) < per_page and n_dated < offset + per_page:
        ids += session.exec(
            select(ActionItem.id)
            .where(*where, undated)
            .order_by(col(ActionItem.id))
            .offset(max(0, offset - n_dated))
            .limit(per_page - len(ids))
        ).all()  # type: ignore[arg-type]
    found = session.execute(
        sa_select(
            col(ActionItem.id),
            col(ActionItem.text),
            col(ActionItem.status),
            col(ActionItem.due_date),
            col(ActionItem.due_phrase),
            col(ActionItem.meeting_id),
            col(ActionItem.confidence),
            col(Meeting.date),
            col(Body.name),
        )
        .join(Meeting, col(ActionItem.meeting_id) == Meeting.id)
        .join(Body, col(Meeting.body_id) == Body.id)
        .where(col(ActionItem.id).in_(ids or [-1]))
    ).all()
    place = {item_id: n for n, item_id in enumerate(ids)}
    owners: dict[int, list[str]] = defaultdict(list)
    if ids:
        for item_id, name in session.exec(
            select(ActionItemOwner.action_item_id, ActionItemOwner.name)
            .where(col(ActionItemOwner.action_item_id).in_(ids))
            .order_by(col(ActionItemOwner.id))
        ):
            owners[item_id].append(name)
    items = [
        ItemSummary(
            id=item_id,
            text=text,
            status=ActionStatus(status).value,
            owners=owners.get(item_id, []),
            due_date=due,
            due_phrase=phrase,
            meeting_id=meeting_id,
            meeting_date=date,
            body=body,
            confidence=confidence,
            overdue=ActionStatus(status) == ActionStatus.open and due is not None and due < today,
        )
        for item_id, text, status, due, phrase, meeting_id, confidence, date, body in sorted(
            found, key=lambda row: place[row[0]]
        )
    ]
    return ItemPage(items=items, total=total, page=page, per_page=per_page, exact=exact)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class QuoteInText:
    """The minutes' text around an item's quote: before, the quote as it stands, after."""

    before: str
    quote: str
    after: str
    file_name: str


@dataclass
class ItemDetail:
    """Everything the item page shows."""

    item: ActionItem
    meeting: Meeting
    body: Body
    owners: list[str]
    history: list[ActionItemEvent]
    quote: QuoteInText | None
    overdue: bool


def visible_item(session: Session, user: WebUser, item_id: int) -> tuple[ActionItem, Meeting, Body]:
    """The item with its meeting and body, if the user serves the body; NotFound otherwise."""
    item = session.get(ActionItem, item_id)
    meeting = session.get(Meeting, item.meeting_id) if item else None
    body = session.get(Body, meeting.body_id) if meeting else None
    allowed = body_ids(session, user)
    if item is None or meeting is None or body is None or (allowed is not None and body.id not in allowed):
        raise NotFound(f"no action item {item_id}")
    return item, meeting, body


def item_detail(session: Session, user: WebUser, item_id: int, *, today: dt.date) -> ItemDetail:
    """The item page: the item, its owners, history and its quote in the minutes' text."""
    from services.store import item_history

    item, meeting, body = visible_item(session, user, item_id)
    return ItemDetail(
        item=item,
        meeting=meeting,
        body=body,
        owners=[n for _, n in _owners(session, [item_id]).get(item_id, [])],
        history=item_history(item_id, session=session),
        quote=quote_in_text(session, meeting.id or 0, item.quote),
        overdue=item.status == ActionStatus.open and item.due_date is not None and item.due_date < today,
    )


def quote_in_text(session: Session, meeting_id: int, quote: str, context: int = 700) -> QuoteInText | None:
    """Where the quote stands in the newest minutes of the meeting (spacing may differ), with context."""
    source = session.exec(
        select(SourceDocument)
        .where(SourceDocument.meeting_id == meeting_id)
        .order_by(col(SourceDocument.id).desc())
    ).first()
    words = quote.split()
    if source is None or not words:
        return None
    text = source.text
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if match is None:
        return None
    start = max(0, match.start() - context)
    start = text.find("\n", start, match.start()) + 1 if "\n" in text[start : match.start()] else start
    end = min(len(text), match.end() + context)
    cut = text.rfind("\n", match.end(), end)
    end = cut if cut > 0 else end
    return QuoteInText(
        before=("…" if start > 0 else "") + text[start : match.start()],
        quote=match.group(0),
        after=text[match.end() : end] + ("…" if end < len(text) else ""),
        file_name=source.file_name,
    )


# --- meetings ---------------------------------------------------------------------------------


@dataclass
class Invitation:
    """The newest invitation mail to one attendee and where it stands."""

    recipient: str
    kind: str
    status: str
    attempts: int
    last_error: str | None
    sent_at: dt.datetime | None


@dataclass
class MeetingPage:
    """Everything the meeting page shows."""

    detail: Any  # services.store.MeetingDetail
    invitations: list[Invitation]
    held_for_approval: bool
    upload_id: int | None = None


def visible_meeting(session: Session, user: WebUser, meeting_id: int) -> Meeting:
    """The meeting if the user serves its body; NotFound otherwise."""
    meeting = session.get(Meeting, meeting_id)
    allowed = body_ids(session, user)
    if meeting is None or (allowed is not None and meeting.body_id not in allowed):
        raise NotFound(f"no meeting {meeting_id}")
    return meeting


def invitations(session: Session, meeting_id: int) -> list[Invitation]:
    """Per attendee, the newest mail about the meeting and its state (the outbox's words on failure)."""
    latest: dict[str, OutboxMessage] = {}
    for row in session.exec(
        select(OutboxMessage).where(OutboxMessage.meeting_id == meeting_id).order_by(col(OutboxMessage.id))
    ):
        latest[row.recipient.lower()] = row
    return [
        Invitation(
            recipient=row.recipient,
            kind=row.kind,
            status=str(row.status.value if hasattr(row.status, "value") else row.status),
            attempts=row.attempts,
            last_error=row.last_error,
            sent_at=row.sent_at,
        )
        for row in sorted(latest.values(), key=lambda r: r.recipient.lower())
    ]


def meeting_page(session: Session, user: WebUser, meeting_id: int) -> MeetingPage:
    """The meeting with its people, agenda, decisions, items and invitation state per attendee."""
    from services.store import meeting_detail

    meeting = visible_meeting(session, user, meeting_id)
    body = session.get(Body, meeting.body_id)
    held = bool(
        body is not None
        and body.require_approval
        and meeting.approved_at is None
        and meeting.status == MeetingStatus.scheduled
    )
    upload = session.exec(
        select(Upload.id).where(Upload.meeting_id == meeting_id, Upload.status == UploadStatus.review)
    ).first()
    return MeetingPage(
        detail=meeting_detail(str(meeting_id), session=session),
        invitations=invitations(session, meeting_id),
        held_for_approval=held,
        upload_id=upload,
    )


def list_meetings(session: Session, user: WebUser, *, limit: int = 200) -> list[tuple[Meeting, str]]:
    """The newest meetings of the user's bodies, with the body's name."""
    allowed = body_ids(session, user)
    query = _scoped(select(Meeting, Body.name).join(Body, col(Meeting.body_id) == Body.id), allowed).order_by(
        col(Meeting.date).desc(), col(Meeting.id).desc()
    )
    return [(m, n) for m, n in session.exec(query.limit(limit)).all()]


# --- uploads: stored for review, invitations held until approved ----------------------------------


def safe_name(file_name: str) -> str:
    """A display name for an uploaded file: no directories, no odd characters, a known extension."""
    base = PurePath(file_name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")[:120] or "minutes.txt"
    if PurePath(base).suffix.lower() not in UPLOAD_SUFFIXES:
        raise DeskError(f"{base}: not a minutes file ({', '.join(UPLOAD_SUFFIXES)})")
    return base


def upload_minutes(
    session: Session,
    data: bytes,
    file_name: str,
    *,
    user: WebUser,
    body_name: str | None,
    settings: Settings,
    now: dt.datetime,
) -> Upload:
    """Read, extract and store uploaded minutes in the caller's transaction, invitations held for review."""
    import dataclasses
    import tempfile

    from services.parsing import ParseError, parse_minutes
    from services.store import StoreError, store_extraction

    name = safe_name(file_name)
    # Uploaded bytes are read like any file: in the bounded child (time and memory limits).
    with tempfile.TemporaryDirectory(prefix="muistio-upload-") as folder:
        staged = Path(folder) / name
        staged.write_bytes(data)
        try:
            document, extraction = parse_minutes(staged, settings=settings)
        except ParseError as exc:
            raise DeskError(str(exc).replace(str(staged), name)) from None
    document = dataclasses.replace(document, path=name)
    allowed = body_ids(session, user)
    if allowed is not None and not body_name:
        raise DeskError("choose the body the minutes belong to")
    try:
        result = store_extraction(
            extraction,
            document,
            session=session,
            body_name=body_name,
            now=now,
            uid_domain=settings.message_id_domain,
            uid_key=settings.secret_key,
        )
    except StoreError as exc:
        raise DeskError(f"{name}: {exc}") from None
    meeting = session.get(Meeting, result.meeting_id) if result.meeting_id else None
    if meeting is not None and allowed is not None and meeting.body_id not in allowed:
        raise DeskError(f"{name}: these minutes belong to a body you do not serve")
    assert user.id is not None
    upload = Upload(
        user_id=user.id,
        file_name=name,
        status=UploadStatus.approved if result.status == "duplicate" else UploadStatus.review,
        outcome=result.status,
        meeting_id=result.meeting_id,
        next_meeting_id=result.next_meeting_id,
        source_document_id=result.source_id,
        created_at=now,
    )
    session.add(upload)
    session.flush()
    return upload


@dataclass
class Review:
    """The review page of an upload: what was extracted, with the doubtful fields marked."""

    upload: Upload
    page: MeetingPage
    next_meeting: Meeting | None
    items: list[ItemSummary]
    doubtful: dict[int, list[str]] = field(default_factory=dict)  # item id -> fields to check
    next_doubtful: list[str] = field(default_factory=list)


def visible_upload(session: Session, user: WebUser, upload_id: int) -> Upload:
    """The upload if its meeting's body is one the user serves; NotFound otherwise."""
    upload = session.get(Upload, upload_id)
    if upload is None or upload.meeting_id is None:
        raise NotFound(f"no upload {upload_id}")
    visible_meeting(session, user, upload.meeting_id)
    return upload


def review(session: Session, user: WebUser, upload_id: int, *, today: dt.date) -> Review:
    """What the upload stored, with fields to check marked: low confidence, no owner, no due date."""
    upload = visible_upload(session, user, upload_id)
    assert upload.meeting_id is not None
    page = meeting_page(session, user, upload.meeting_id)
    wanted = ItemFilter(meeting_id=upload.meeting_id, status=None, per_page=MAX_PER_PAGE)
    items = list_items(session, user, wanted, today=today).items
    doubtful: dict[int, list[str]] = {}
    for item in items:
        marks = []
        if item.confidence < LOW_CONFIDENCE:
            marks.append("confidence")
        if not item.owners:
            marks.append("owners")
        if item.due_date is None:
            marks.append("due")
        doubtful[item.id] = marks
    nxt = session.get(Meeting, upload.next_meeting_id) if upload.next_meeting_id else None
    next_doubtful = [] if nxt is None else [f for f in ("starts_at", "place") if getattr(nxt, f) is None]
    return Review(
        upload=upload,
        page=page,
        next_meeting=nxt,
        items=items,
        doubtful=doubtful,
        next_doubtful=next_doubtful,
    )


def approve_upload(
    session: Session, user: WebUser, upload_id: int, *, settings: Settings, now: dt.datetime
) -> list[int]:
    """Approve reviewed minutes: the next meeting's invitations are queued; returns meetings to deliver."""
    from services.invitations import after_ingest, approve_meeting

    upload = visible_upload(session, user, upload_id)
    if upload.status != UploadStatus.review:
        raise DeskError(f"this upload is already {upload.status.value}")
    assert upload.meeting_id is not None
    if upload.next_meeting_id is not None:
        nxt = session.get(Meeting, upload.next_meeting_id)
        if nxt is not None and nxt.status == MeetingStatus.scheduled:
            approve_meeting(session, nxt, now=now)
    plans = after_ingest(session, upload.meeting_id, settings=settings, now=now)
    upload.status, upload.decided_at = UploadStatus.approved, now
    session.add(upload)
    session.flush()
    return [p.meeting_id for p in plans if p.enqueued]


def discard_upload(session: Session, user: WebUser, upload_id: int, *, now: dt.datetime) -> None:
    """Take back what new minutes stored (items, agenda, decisions, people's parts, the next meeting)."""
    upload = visible_upload(session, user, upload_id)
    if upload.status != UploadStatus.review:
        raise DeskError(f"this upload is already {upload.status.value}")
    if upload.outcome != "stored":
        raise DeskError("these minutes corrected earlier ones and are already merged; approve or edit items")
    meeting_id = upload.meeting_id
    assert meeting_id is not None
    items = [i for i in session.exec(select(ActionItem.id).where(ActionItem.meeting_id == meeting_id))]
    if items:
        for table, column in (
            (ActionItemEvent, ActionItemEvent.action_item_id),
            (ActionItemOwner, ActionItemOwner.action_item_id),
            (UsedLink, UsedLink.action_item_id),
        ):
            session.execute(delete(table).where(col(column).in_(items)))
        session.execute(delete(ActionItem).where(col(ActionItem.meeting_id) == meeting_id))
    for part, key in (
        (AgendaItem, AgendaItem.meeting_id),
        (Decision, Decision.meeting_id),
        (Participation, Participation.meeting_id),
    ):
        session.execute(delete(part).where(col(key) == meeting_id))
    upload.source_document_id = None
    upload.status, upload.decided_at = UploadStatus.discarded, now
    session.add(upload)
    session.flush()
    session.execute(delete(SourceDocument).where(col(SourceDocument.meeting_id) == meeting_id))
    nxt = session.get(Meeting, upload.next_meeting_id) if upload.next_meeting_id else None
    if nxt is not None and nxt.previous_meeting_id == meeting_id and not _has_mail(session, nxt.id):
        others = session.exec(select(SourceDocument.id).where(SourceDocument.meeting_id == nxt.id)).first()
        if others is None:
            session.execute(
                delete(Upload).where(col(Upload.next_meeting_id) == nxt.id, col(Upload.id) != upload.id)
            )
            upload.next_meeting_id = None
            session.add(upload)
            session.flush()
            session.delete(nxt)
    meeting = session.get(Meeting, meeting_id)
    if meeting is not None:
        if _has_mail(session, meeting_id) or _is_previous(session, meeting_id):
            meeting.status = MeetingStatus.scheduled  # announced before these minutes came: keep it
            session.add(meeting)
        else:
            upload.meeting_id = None
            session.add(upload)
            session.flush()
            session.delete(meeting)
    session.flush()


def _has_mail(session: Session, meeting_id: int | None) -> bool:
    return (
        session.exec(select(OutboxMessage.id).where(OutboxMessage.meeting_id == meeting_id)).first()
        is not None
    )


def _is_previous(session: Session, meeting_id: int) -> bool:
    return (
        session.exec(select(Meeting.id).where(Meeting.previous_meeting_id == meeting_id)).first() is not None
    )


# --- dates people write ---------------------------------------------------------------------------


def parse_day(text: str, *, today: dt.date) -> dt.date | None:
    """A due date as people write it (30.9.2026, 30.9., 2026-09-30, 'syyskuun loppuun'); None for empty.

    The project's date grammar reads it; a date without a year is the next such day from today.
    DeskError when the text is not one whole date phrase.
    """
    from muistio.dates import due_of, resolve

    clean = " ".join(text.split())
    if clean.lower() in ("", "none", "-", "ei", "ingen"):
        return None
    ref = dt.datetime.combine(today, dt.time(12, 0))
    found = resolve(clean, ref, None, None, True)
    if found is None or found.phrase.strip(" .") != clean.strip(" ."):
        raise DeskError(f"{text!r} is not a date (write e.g. 30.9.2026, 30.9. or 2026-09-30)")
    day, _precision = due_of(found)
    if day is None:
        raise DeskError(f"{text!r} names no day")
    return day
