"""The desk's HTML pages: server-rendered forms, POST-redirect-GET, no JavaScript needed."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from models import Meeting
from muistio.errors import MuistioError
from services import desk as work
from services.accounts import (
    TooManyAttempts,
    authenticate,
    end_session,
    may_see,
    start_session,
    visible_bodies,
)
from services.store import ItemError
from web.deps import (
    LANG_COOKIE,
    PRE_COOKIE,
    Desk,
    auth_of,
    cookie_name,
    desk,
    local_next,
    login_token,
    new_pre_cookie,
    redirect,
    render,
    secure_request,
    session_cookie,
)
from web.i18n import LANGUAGES

router = APIRouter(include_in_schema=False)

Text = Annotated[str, Form()]
OptText = Annotated[str, Form()]
Back = Annotated[str, Form(alias="next")]  # where to go afterwards (a path on this site)


def _error(request: Request, detail: str, status: int = 400, key: str = "error") -> HTMLResponse:
    return render(request, "error.html", {"message_key": key, "detail": detail}, status_code=status)


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _deliver(state: Desk, meeting_ids: list[int]) -> None:
    """Send what approving queued; a failure stays in the outbox for the next delivery run."""
    if not meeting_ids:
        return
    from services.invitations import deliver_invitations

    try:
        deliver_invitations(meeting_ids, settings=state.settings)
    except Exception:  # the outbox keeps the mail; `muistio send` or the schedule retries it
        return


# --- login -------------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request, back: Annotated[str, Query(alias="next")] = "/") -> Response:
    """The login form; sets the pre-session cookie its CSRF token is bound to."""
    state = desk(request)
    pre = request.cookies.get(PRE_COOKIE) or new_pre_cookie()
    response = render(
        request,
        "login.html",
        {"next": local_next(back), "error_key": request.query_params.get("error", "")},
        csrf=login_token(state.settings, pre),
    )
    secure = secure_request(request, state.settings)
    response.set_cookie(PRE_COOKIE, pre, httponly=True, samesite="lax", secure=secure, path="/")
    lang = request.query_params.get("lang")
    if lang in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, samesite="lax", secure=secure, path="/", max_age=31536000)
    return response


@router.post("/login")
def login(
    request: Request,
    username: Text = "",
    password: Text = "",
    csrf: Text = "",
    back: Back = "/",
) -> Response:
    """Check the password (limited tries), start a new session with a new id, go where the user wanted."""
    from services.accounts import csrf_matches

    state = desk(request)
    pre = request.cookies.get(PRE_COOKIE, "")
    if not pre or not csrf_matches(login_token(state.settings, pre), csrf):
        return _error(request, "", 403, "forbidden")
    try:
        with state.sessions() as db:
            user = authenticate(db, username, password, ip=_client_ip(request), now=state.now())
            old = session_cookie(request)
            if old:
                end_session(db, old)
            token = start_session(db, user, now=state.now()) if user else None
    except TooManyAttempts:
        token, failure = None, ("too_many", 429)
    else:
        failure = ("login_failed", 401)
    if token is None:
        context = {"next": local_next(back), "error_key": failure[0]}
        csrf = login_token(state.settings, pre)
        return render(request, "login.html", context, status_code=failure[1], csrf=csrf)
    response = redirect(local_next(back))
    secure = secure_request(request, state.settings)
    response.set_cookie(cookie_name(secure), token, httponly=True, samesite="lax", secure=secure, path="/")
    response.delete_cookie(PRE_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """Revoke the session on the server and drop the cookie."""
    state = desk(request)
    auth = auth_of(request)
    if auth.cookie:
        with state.sessions() as db:
            end_session(db, auth.cookie)
    response = redirect("/login")
    for name in ("__Host-muistio", "muistio"):
        response.delete_cookie(name, path="/", secure=name.startswith("__Host-"), httponly=True)
    return response


@router.post("/language")
def set_language(request: Request, language: Text = "fi", back: Back = "/") -> Response:
    """Remember the user's language."""
    from models import WebUser

    state = desk(request)
    if language not in LANGUAGES:
        return _error(request, f"language {language!r}?")
    with state.sessions() as db:
        user = db.get(WebUser, auth_of(request).user.id)
        if user is not None:
            user.language = language
            db.add(user)
    return redirect(local_next(back))


# --- overview, items ---------------------------------------------------------------------------


@router.get("/")
def overview(request: Request) -> Response:
    """Open and overdue items per body."""
    state = desk(request)
    with state.sessions() as db:
        bodies = work.overview(db, auth_of(request).user, today=state.today())
    return render(request, "overview.html", {"bodies": bodies, "today": state.today()})


def _date_param(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _int_param(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


@router.get("/items")
def items(
    request: Request,
    body: str | None = None,
    meeting: str | None = None,
    owner: str | None = None,
    status: str | None = "open",
    overdue: str | None = None,
    due_from: str | None = None,
    due_to: str | None = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    """Action items with filters and paging."""
    state = desk(request)
    wanted = work.ItemFilter(
        body_id=_int_param(body),
        meeting_id=_int_param(meeting),
        owner=owner or None,
        status=status if status in ("open", "done", "cancelled") else None,
        overdue=bool(overdue),
        due_from=_date_param(due_from),
        due_to=_date_param(due_to),
        page=page,
    )
    with state.sessions() as db:
        found = work.list_items(db, auth_of(request).user, wanted, today=state.today())
        bodies = visible_bodies(db, auth_of(request).user)
    query = {k: v for k, v in request.query_params.items() if k != "page" and v}
    return render(
        request,
        "items.html",
        {"found": found, "bodies": bodies, "f": wanted, "query": query, "status": status},
    )


@router.get("/items/{item_id}")
def item(request: Request, item_id: int) -> Response:
    """One item: its quote in the minutes' text, history and actions."""
    state = desk(request)
    try:
        with state.sessions() as db:
            detail = work.item_detail(db, auth_of(request).user, item_id, today=state.today())
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    return render(request, "item.html", {"d": detail})


def _change(request: Request, item_id: int, action: str, back: str, **kw: Any) -> Response:
    """One change to an item, recorded with the logged-in user's name; back to the page it came from."""
    from services.store import assign_item, cancel_item, mark_done, reopen_item, set_due

    state = desk(request)
    user = auth_of(request).user
    note = " ".join(str(kw.pop("note", "") or "").split())[:1000] or None
    try:
        with state.writing() as db:
            work.visible_item(db, user, item_id)
            now = state.now()
            if action == "done":
                change = mark_done(item_id, session=db, actor=user.name, now=now, note=note)
            elif action == "reopen":
                change = reopen_item(item_id, session=db, actor=user.name, now=now, note=note)
            elif action == "cancel":
                change = cancel_item(item_id, session=db, actor=user.name, now=now, note=note)
            elif action == "assign":
                owners = [o.strip() for o in str(kw["owners"]).split(",") if o.strip()]
                change = assign_item(item_id, owners, session=db, actor=user.name, now=now, note=note)
            else:
                day = work.parse_day(str(kw["due"]), today=state.today())
                change = set_due(item_id, day, session=db, actor=user.name, now=now, note=note)
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    except (ItemError, MuistioError) as exc:
        return _error(request, str(exc))
    return redirect(local_next(back, f"/items/{item_id}"), "saved" if change.changed else "nothing_changed")


@router.post("/items/{item_id}/done")
def item_done(request: Request, item_id: int, note: OptText = "", back: Back = "") -> Response:
    """Mark done, with an optional note."""
    return _change(request, item_id, "done", back, note=note)


@router.post("/items/{item_id}/reopen")
def item_reopen(request: Request, item_id: int, note: OptText = "", back: Back = "") -> Response:
    """Open again."""
    return _change(request, item_id, "reopen", back, note=note)


@router.post("/items/{item_id}/cancel")
def item_cancel(request: Request, item_id: int, note: OptText = "", back: Back = "") -> Response:
    """Cancel."""
    return _change(request, item_id, "cancel", back, note=note)


@router.post("/items/{item_id}/assign")
def item_assign(
    request: Request, item_id: int, owners: Text = "", note: OptText = "", back: Back = ""
) -> Response:
    """New owners (comma-separated)."""
    return _change(request, item_id, "assign", back, owners=owners, note=note)


@router.post("/items/{item_id}/due")
def item_due(
    request: Request, item_id: int, due: OptText = "", note: OptText = "", back: Back = ""
) -> Response:
    """A new due date, as people write it."""
    return _change(request, item_id, "due", back, due=due, note=note)


# --- meetings ----------------------------------------------------------------------------------


@router.get("/meetings")
def meetings(request: Request) -> Response:
    """The newest meetings of the user's bodies."""
    state = desk(request)
    with state.sessions() as db:
        rows = work.list_meetings(db, auth_of(request).user)
    return render(request, "meetings.html", {"rows": rows})


@router.get("/meetings/{meeting_id}")
def meeting(request: Request, meeting_id: int) -> Response:
    """Participants, agenda, decisions, items and invitation state per attendee."""
    state = desk(request)
    try:
        with state.sessions() as db:
            page = work.meeting_page(db, auth_of(request).user, meeting_id)
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    return render(request, "meeting.html", {"p": page, "d": page.detail, "tz": state.settings.timezone})


@router.post("/meetings/{meeting_id}/approve")
def meeting_approve(request: Request, meeting_id: int, background: BackgroundTasks) -> Response:
    """Approve a scheduled meeting's held invitations; they are queued and sent."""
    from services.invitations import InviteFlowError, approve_meeting, enqueue_invites

    state = desk(request)
    try:
        with state.sessions() as db:
            found = work.visible_meeting(db, auth_of(request).user, meeting_id)
            approve_meeting(db, found, now=state.now())
            plan = enqueue_invites(db, found, settings=state.settings, now=state.now())
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    except InviteFlowError as exc:
        return _error(request, str(exc))
    background.add_task(_deliver, state, [meeting_id] if plan.enqueued else [])
    return redirect(f"/meetings/{meeting_id}", "saved")


# --- uploads -----------------------------------------------------------------------------------


@router.get("/upload")
def upload_page(request: Request) -> Response:
    """The upload form."""
    state = desk(request)
    with state.sessions() as db:
        bodies = visible_bodies(db, auth_of(request).user)
    return render(request, "upload.html", {"bodies": bodies})


@router.post("/upload")
async def upload(
    request: Request,
    file: Annotated[UploadFile, File()],
    body: OptText = "",
) -> Response:
    """Store the minutes with invitations held, then show what was extracted for review."""
    state = desk(request)
    user = auth_of(request).user
    data = await file.read(work_limit() + 1)
    if len(data) > work_limit():
        return _error(request, "the file is too large", 413)
    try:
        with state.sessions() as db:
            body_name = None
            if body.strip().isdigit():
                chosen = [b for b in visible_bodies(db, user) if b.id == int(body)]
                if not chosen:
                    return _error(request, "", 404, "not_found")
                body_name = chosen[0].name
            found = work.upload_minutes(
                db, data, file.filename or "minutes.txt", user=user, body_name=body_name,
                settings=state.settings, now=state.now(),
            )  # fmt: skip
            upload_id, outcome, meeting_id = found.id, found.outcome, found.meeting_id
    except MuistioError as exc:
        return _error(request, str(exc))
    if outcome == "duplicate":
        return redirect(f"/meetings/{meeting_id}", "duplicate")
    return redirect(f"/uploads/{upload_id}")


def work_limit() -> int:
    """The largest minutes file the desk accepts."""
    from muistio.reading import MAX_BYTES

    limit: int = MAX_BYTES
    return limit


@router.get("/uploads/{upload_id}")
def review(request: Request, upload_id: int) -> Response:
    """The extraction for review: owners, dues, next meeting; doubtful fields marked."""
    state = desk(request)
    try:
        with state.sessions() as db:
            found = work.review(db, auth_of(request).user, upload_id, today=state.today())
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    return render(request, "review.html", {"r": found, "tz": state.settings.timezone})


@router.post("/uploads/{upload_id}/next")
def review_next(
    request: Request,
    upload_id: int,
    date: OptText = "",
    start: OptText = "",
    end: OptText = "",
    place: OptText = "",
) -> Response:
    """Correct the next meeting's date, time and place before anyone is invited."""
    from services.invitations import InviteFlowError, reschedule_meeting

    state = desk(request)
    try:
        with state.sessions() as db:
            found = work.visible_upload(db, auth_of(request).user, upload_id)
            nxt = db.get(Meeting, found.next_meeting_id) if found.next_meeting_id else None
            if nxt is None:
                return _error(request, "", 404, "not_found")
            day = work.parse_day(date, today=state.today()) if date.strip() else None
            reschedule_meeting(
                db, nxt, settings=state.settings, now=state.now(),
                date=day.isoformat() if day else None, start=start.strip() or None,
                end=end.strip() or None, place=place,
            )  # fmt: skip
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    except (InviteFlowError, MuistioError) as exc:
        return _error(request, str(exc))
    return redirect(f"/uploads/{upload_id}", "saved")


@router.post("/uploads/{upload_id}/approve")
def review_approve(request: Request, upload_id: int, background: BackgroundTasks) -> Response:
    """Approve: the next meeting's invitations are queued and sent."""
    from services.invitations import InviteFlowError

    state = desk(request)
    try:
        with state.sessions() as db:
            queued = work.approve_upload(db, auth_of(request).user, upload_id, settings=state.settings,
                                         now=state.now())  # fmt: skip
            meeting_id = work.visible_upload(db, auth_of(request).user, upload_id).meeting_id
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    except (InviteFlowError, MuistioError) as exc:
        return _error(request, str(exc))
    background.add_task(_deliver, state, queued)
    return redirect(f"/meetings/{meeting_id}", "approved")


@router.post("/uploads/{upload_id}/discard")
def review_discard(request: Request, upload_id: int) -> Response:
    """Discard: what the upload stored is taken back."""
    state = desk(request)
    try:
        with state.sessions() as db:
            work.discard_upload(db, auth_of(request).user, upload_id, now=state.now())
    except work.NotFound:
        return _error(request, "", 404, "not_found")
    except MuistioError as exc:
        return _error(request, str(exc))
    return redirect("/", "discarded")


# --- people and bodies -------------------------------------------------------------------------


@router.get("/people")
def people(request: Request, body: str | None = None) -> Response:
    """The roster of the user's bodies."""
    from services.roster import list_people

    state = desk(request)
    user = auth_of(request).user
    with state.sessions() as db:
        bodies = visible_bodies(db, user)
        ids = {b.id for b in bodies}
        chosen = _int_param(body)
        rows = [(b, p) for b, p in list_people(db) if b.id in ids and (chosen is None or b.id == chosen)]
    return render(request, "people.html", {"rows": rows, "bodies": bodies, "chosen": chosen})


@router.post("/people")
def people_add(
    request: Request,
    name: Text = "",
    body: Text = "",
    email: OptText = "",
    organization: OptText = "",
    language: OptText = "",
) -> Response:
    """Add a person to a body's roster (or update the one with that name)."""
    from services.roster import RosterError, make_entry, upsert_people

    state = desk(request)
    user = auth_of(request).user
    try:
        with state.sessions() as db:
            chosen = [b for b in visible_bodies(db, user) if str(b.id) == body.strip()]
            if not chosen:
                return _error(request, "", 404, "not_found")
            entry = make_entry("people", name, email or None, None, organization or None, language or None)
            upsert_people(db, chosen[0], [entry])
    except RosterError as exc:
        return _error(request, str(exc))
    return redirect(f"/people?body={chosen[0].id}", "saved")


@router.get("/bodies")
def bodies(request: Request) -> Response:
    """The bodies the user serves."""
    state = desk(request)
    with state.sessions() as db:
        found = visible_bodies(db, auth_of(request).user)
    return render(request, "bodies.html", {"bodies": found})


@router.get("/bodies/{body_id}")
def body_page(request: Request, body_id: int) -> Response:
    """A body's settings."""
    from models import Body

    state = desk(request)
    with state.sessions() as db:
        found = db.get(Body, body_id)
        if found is None or not may_see(db, auth_of(request).user, body_id):
            return _error(request, "", 404, "not_found")
    return render(request, "body.html", {"b": found, "settings": state.settings})


@router.post("/bodies/{body_id}")
def body_save(
    request: Request,
    body_id: int,
    organizer_name: OptText = "",
    organizer_email: OptText = "",
    timezone: OptText = "",
    language: OptText = "",
    require_approval: OptText = "",
) -> Response:
    """Change a body's organiser, time zone, language and approval rule."""
    from models import Body
    from services.roster import RosterError, set_body

    state = desk(request)
    try:
        with state.sessions() as db:
            found = db.get(Body, body_id)
            if found is None or not may_see(db, auth_of(request).user, body_id):
                return _error(request, "", 404, "not_found")
            set_body(
                db, found.name, organizer_name=organizer_name, organizer_email=organizer_email or None,
                timezone=timezone or None, language=language or None, require_approval=bool(require_approval),
            )  # fmt: skip
    except RosterError as exc:
        return _error(request, str(exc))
    return redirect(f"/bodies/{body_id}", "saved")


# --- signed links from mails: GET confirms (scanners follow links), POST marks done ----------------


@router.get("/l/{token}")
def link_page(request: Request, token: str) -> Response:
    """Show what the link would mark done, with a button; changes nothing."""
    from services.links import LinkError, inspect_link

    state = desk(request)
    try:
        with state.sessions() as db:
            view = inspect_link(db, token, settings=state.settings, now=state.now())
            language = view.person.language
    except LinkError as exc:
        return _link_answer(request, exc.reason, None)
    if view.used:
        return _link_answer(request, "used", view)
    if view.item.status.value != "open":
        return _link_answer(request, "closed", view)
    return _link_answer(request, "", view, lang=language)


@router.post("/l/{token}")
def link_use(request: Request, token: str, note: OptText = "") -> Response:
    """Mark the item done by the link's person; the link then works no more."""
    from services.links import LinkError, use_link

    state = desk(request)
    try:
        with state.writing() as db:
            use_link(db, token, settings=state.settings, now=state.now(), note=note)
    except LinkError as exc:
        return _link_answer(request, exc.reason, None)
    return _link_answer(request, "done", None)


def _link_answer(request: Request, outcome: str, view: Any, lang: str | None = None) -> HTMLResponse:
    status = {"invalid": 400, "expired": 410, "used": 409, "closed": 409}.get(outcome, 200)
    context = {"outcome": outcome, "view": view, "token": request.path_params["token"]}
    return render(request, "link.html", context, status_code=status, lang=lang)
