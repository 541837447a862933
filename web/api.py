"""The desk's JSON API under /api/: the same actions as the pages, for scripts (session or Bearer token)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from muistio.errors import MuistioError
from services import desk as work
from services.accounts import visible_bodies
from services.store import ItemError
from web.deps import auth_of, desk

router = APIRouter(prefix="/api", tags=["desk"])

Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
NoNul = r"^[^\x00]*$"  # PostgreSQL refuses NUL in text, so it is refused here with a 422
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no session or token"},
    403: {"description": "missing CSRF token (session callers)"},
    404: {"description": "no such item you may see"},
    422: {"description": "invalid input"},
}


class ItemOut(BaseModel):
    """One action item."""

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


class ItemPageOut(BaseModel):
    """A page of items and how many match."""

    items: list[ItemOut]
    total: int = Field(description="matches; a lower bound when exact is false (counted 10,000 past a page)")
    exact: bool
    page: int
    per_page: int
    pages: int


class EventOut(BaseModel):
    """One change in an item's history."""

    at: dt.datetime
    actor: str
    kind: str
    old: str | None
    new: str | None
    note: str | None


class ItemDetailOut(ItemOut):
    """An item with its quote and history."""

    quote: str
    history: list[EventOut]


class NoteIn(BaseModel):
    """An optional note recorded with the change."""

    note: str | None = Field(default=None, max_length=1000, pattern=NoNul)


class AssignIn(NoteIn):
    """The new owners."""

    owners: list[Annotated[str, Field(min_length=1, max_length=200, pattern=NoNul)]] = Field(
        min_length=1, max_length=20
    )


class DueIn(NoteIn):
    """The new due date as people write it (30.9.2026, 30.9., 2026-09-30), or null for none."""

    due: str | None = Field(default=None, max_length=100, pattern=NoNul)


class ChangeOut(BaseModel):
    """What a change did."""

    id: int
    changed: bool
    old: str | None
    new: str | None
    status: str


class BodyOut(BaseModel):
    """A body the caller serves, with its open and overdue counts."""

    id: int
    name: str
    open: int
    overdue: int
    next_meeting: dt.date | None


class Detail(BaseModel):
    """An error."""

    detail: str


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def _item_out(row: work.ItemSummary) -> ItemOut:
    return ItemOut(**{k: getattr(row, k) for k in ItemOut.model_fields})


@router.get("/bodies", response_model=list[BodyOut], responses=ERRORS)
def bodies(request: Request) -> list[BodyOut]:
    """The bodies the caller serves, with open and overdue items."""
    state = desk(request)
    with state.sessions() as db:
        rows = work.overview(db, auth_of(request).user, today=state.today())
    return [
        BodyOut(id=r.id, name=r.name, open=r.open, overdue=r.overdue, next_meeting=r.next_meeting)
        for r in rows
    ]


@router.get("/items", response_model=ItemPageOut, responses=ERRORS)
def items(
    request: Request,
    body: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    meeting: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    owner: Annotated[str | None, Query(max_length=200, pattern=NoNul)] = None,
    status: Annotated[str | None, Query(pattern="^(open|done|cancelled|all)$")] = "open",
    overdue: bool = False,
    due_from: dt.date | None = None,
    due_to: dt.date | None = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=work.MAX_PER_PAGE)] = 50,
) -> ItemPageOut:
    """Action items the caller may see, by due date (undated last), filtered and paged."""
    state = desk(request)
    wanted = work.ItemFilter(
        body_id=body, meeting_id=meeting, owner=owner, status=None if status == "all" else status,
        overdue=overdue, due_from=due_from, due_to=due_to, page=page, per_page=per_page,
    )  # fmt: skip
    with state.sessions() as db:
        found = work.list_items(db, auth_of(request).user, wanted, today=state.today())
    return ItemPageOut(
        items=[_item_out(r) for r in found.items],
        total=found.total,
        exact=found.exact,
        page=found.page,
        per_page=found.per_page,
        pages=found.pages,
    )


@router.get("/items/{item_id}", response_model=ItemDetailOut, responses=ERRORS)
def item(request: Request, item_id: Id) -> Any:
    """One item with its quote and history."""
    state = desk(request)
    try:
        with state.sessions() as db:
            d = work.item_detail(db, auth_of(request).user, item_id, today=state.today())
    except work.NotFound as exc:
        return _error(404, str(exc))
    return ItemDetailOut(
        id=item_id, text=d.item.text, status=d.item.status.value, owners=d.owners, due_date=d.item.due_date,
        due_phrase=d.item.due_phrase, meeting_id=d.meeting.id or 0, meeting_date=d.meeting.date,
        body=d.body.name, confidence=d.item.confidence, overdue=d.overdue, quote=d.item.quote,
        history=[EventOut(at=e.at, actor=e.actor, kind=e.kind, old=e.old, new=e.new, note=e.note)
                 for e in d.history],
    )  # fmt: skip


def _change(request: Request, item_id: int, action: str, note: str | None, **kw: Any) -> Any:
    from services.store import assign_item, cancel_item, mark_done, reopen_item, set_due

    state = desk(request)
    user = auth_of(request).user
    clean = " ".join((note or "").split()) or None
    try:
        with state.writing() as db:
            work.visible_item(db, user, item_id)
            now = state.now()
            if action == "done":
                change = mark_done(item_id, session=db, actor=user.name, now=now, note=clean)
            elif action == "reopen":
                change = reopen_item(item_id, session=db, actor=user.name, now=now, note=clean)
            elif action == "cancel":
                change = cancel_item(item_id, session=db, actor=user.name, now=now, note=clean)
            elif action == "assign":
                change = assign_item(item_id, kw["owners"], session=db, actor=user.name, now=now, note=clean)
            else:
                day = work.parse_day(kw["due"] or "", today=state.today())
                change = set_due(item_id, day, session=db, actor=user.name, now=now, note=clean)
            status = change.item.status.value
    except work.NotFound as exc:
        return _error(404, str(exc))
    except (ItemError, MuistioError) as exc:
        return _error(422, str(exc))
    return ChangeOut(id=item_id, changed=change.changed, old=change.old, new=change.new, status=status)


@router.post("/items/{item_id}/done", response_model=ChangeOut, responses=ERRORS)
def done(request: Request, item_id: Id, body: NoteIn | None = None) -> Any:
    """Mark an item done."""
    return _change(request, item_id, "done", body.note if body else None)


@router.post("/items/{item_id}/reopen", response_model=ChangeOut, responses=ERRORS)
def reopen(request: Request, item_id: Id, body: NoteIn | None = None) -> Any:
    """Open an item again."""
    return _change(request, item_id, "reopen", body.note if body else None)


@router.post("/items/{item_id}/cancel", response_model=ChangeOut, responses=ERRORS)
def cancel(request: Request, item_id: Id, body: NoteIn | None = None) -> Any:
    """Cancel an item."""
    return _change(request, item_id, "cancel", body.note if body else None)


@router.post("/items/{item_id}/assign", response_model=ChangeOut, responses=ERRORS)
def assign(request: Request, item_id: Id, body: AssignIn) -> Any:
    """Give an item new owners."""
    return _change(request, item_id, "assign", body.note, owners=body.owners)


@router.post("/items/{item_id}/due", response_model=ChangeOut, responses=ERRORS)
def due(request: Request, item_id: Id, body: DueIn) -> Any:
    """Give an item a new due date (null: none)."""
    return _change(request, item_id, "due", body.note, due=body.due)


class MeetingOut(BaseModel):
    """A meeting with its items and invitation state per attendee."""

    id: int
    body: str
    date: dt.date
    status: str
    place: str | None
    starts_at: dt.datetime | None
    participants: list[str]
    agenda: list[str]
    decisions: list[str]
    items: list[int]
    invitations: dict[str, str]


@router.get("/meetings/{meeting_id}", response_model=MeetingOut, responses=ERRORS)
def meeting(request: Request, meeting_id: Id) -> Any:
    """A meeting: participants, agenda, decisions, item ids, invitation state per recipient."""
    state = desk(request)
    try:
        with state.sessions() as db:
            p = work.meeting_page(db, auth_of(request).user, meeting_id)
    except work.NotFound as exc:
        return _error(404, str(exc))
    d = p.detail
    return MeetingOut(
        id=meeting_id, body=d.body.name, date=d.meeting.date, status=d.meeting.status.value,
        place=d.meeting.place, starts_at=d.meeting.starts_at, participants=[x.name for x in d.participants],
        agenda=[f"{a.number} {a.title}" for a in d.agenda], decisions=[x.text for x in d.decisions],
        items=[i.id for i in d.items], invitations={i.recipient: i.status for i in p.invitations},
    )  # fmt: skip


@router.post("/meetings/{meeting_id}/approve", response_model=ChangeOut, responses=ERRORS)
def approve(request: Request, meeting_id: Id, background: BackgroundTasks) -> Any:
    """Approve a scheduled meeting's invitations; they are queued and sent."""
    from services.invitations import InviteFlowError, approve_meeting, enqueue_invites
    from web.pages import _deliver

    state = desk(request)
    try:
        with state.sessions() as db:
            found = work.visible_meeting(db, auth_of(request).user, meeting_id)
            newly = approve_meeting(db, found, now=state.now())
            plan = enqueue_invites(db, found, settings=state.settings, now=state.now())
            status = found.status.value
    except work.NotFound as exc:
        return _error(404, str(exc))
    except InviteFlowError as exc:
        return _error(422, str(exc))
    background.add_task(_deliver, state, [meeting_id] if plan.enqueued else [])
    return ChangeOut(id=meeting_id, changed=newly, old=None, new="approved", status=status)


@router.get("/me", responses=ERRORS)
def me(request: Request) -> dict[str, Any]:
    """Who the caller is and which bodies they serve."""
    state = desk(request)
    user = auth_of(request).user
    with state.sessions() as db:
        names = [b.name for b in visible_bodies(db, user)]
    return {"name": user.name, "role": user.role.value, "language": user.language, "bodies": names}


@router.get("/health", responses=ERRORS)
def health(request: Request) -> dict[str, bool]:
    """A trivial answer behind the same login (the benchmarks' baseline)."""
    return {"ok": True}
