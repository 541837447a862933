"""The `muistio` command line; heavy imports (Prefect, the database) stay inside the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from sqlmodel import Session

    from models import Meeting
    from muistio.morphology import Morphology
    from muistio.settings import Settings
    from services.outbox import DeliveryReport
    from services.transport import MailTransport

    SessionFactory = Callable[[], AbstractContextManager[Session]]

_APP_SETTINGS: dict[str, Any] = {
    "name": "muistio",
    "help": "Approved meeting minutes in; invites, reminders and action-item follow-up out.",
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
}
app = typer.Typer(**_APP_SETTINGS)


@app.callback()
def root() -> None:
    """Approved meeting minutes in; invites, reminders and action-item follow-up out."""


def _morphology(settings: Settings) -> Morphology:
    """The Finnish analyser the settings name, chosen here at the edge."""
    from muistio.morphology import MorphologyUnavailable, morphology_for

    try:
        return morphology_for(settings.morphology)
    except MorphologyUnavailable as exc:
        fail(f"MUISTIO_MORPHOLOGY={settings.morphology}: {exc}")
        raise  # fail() always exits; this keeps the type checker informed


def fail(message: str, code: int = 1) -> None:
    """Print one clear line on stderr and exit non-zero."""
    typer.echo(f"muistio: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="minutes: .txt .md .pdf .docx .html .tex .rst")],
    json_out: Annotated[bool, typer.Option("--json", help="print the extraction contract as JSON")] = False,
    min_confidence: Annotated[
        float | None, typer.Option(help="leave out action items below this confidence")
    ] = None,
) -> None:
    """Read one minutes document and print what it says (no database, no Prefect)."""
    from muistio.extraction import is_minutes, render_summary
    from services.parsing import ParseError, parse_here

    settings = _settings()
    threshold = settings.min_confidence if min_confidence is None else min_confidence
    if not 0.0 <= threshold <= 1.0:
        fail(f"--min-confidence must be between 0 and 1, not {threshold}")
    try:
        _doc, result = parse_here(file, settings=settings, min_confidence=threshold)
    except ParseError as exc:
        fail(str(exc))
        return
    if not is_minutes(result):
        fail(f"{file}: does not look like minutes (no date, participants, agenda or action items found)")
    if json_out:
        typer.echo(result.to_json())
    else:
        typer.echo(render_summary(result))


@app.command()
def when(
    phrase: Annotated[str, typer.Argument(help="a date phrase: 'syksyksi 2018', 'by Friday'")],
    ref: Annotated[str, typer.Option("--ref", help="reference time YYYY-MM-DD[THH:MM] (the meeting's)")],
    lang: Annotated[str | None, typer.Option("--lang", help="fi, sv or en (default: all three)")] = None,
    next_meeting: Annotated[
        str | None, typer.Option("--next-meeting", help="the next meeting's date YYYY-MM-DD")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print the JSON object of spec/dates.md")] = False,
) -> None:
    """Resolve one date phrase against a reference time (spec/dates.md)."""
    import json
    from datetime import date, datetime

    from muistio.dates import resolve

    try:
        ref_time = datetime.fromisoformat(ref)
    except ValueError:
        fail(f"when: --ref {ref!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        return
    if lang not in (None, "fi", "sv", "en"):
        fail(f"when: --lang must be fi, sv or en, not {lang!r}")
    meeting_day = None
    if next_meeting:
        try:
            meeting_day = date.fromisoformat(next_meeting)
        except ValueError:
            fail(f"when: --next-meeting {next_meeting!r} is not YYYY-MM-DD")
    found = resolve(phrase, ref_time, lang, meeting_day)
    if found is None:
        fail(f"when: no date recognised in {phrase!r}")
        return
    data = found.to_json_dict()
    if json_out:
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    span = data["start"] if data["start"] == data["end"] else f"{data['start']} .. {data['end']}"
    anchor = f" [{data['anchor']}]" if data["anchor"] else ""
    span = span or "(next meeting not known)"
    typer.echo(f"{data['phrase']}: {data['relation']} {span} ({data['precision']}){anchor}")
    for warning in found.warnings:
        typer.echo(f"warning: {warning}", err=True)


# --- the database: migrations, ingest, queries, demo (flows/commands.py, flows/ingest.py) ------------

db_app = typer.Typer(help="The database: migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def _user_errors() -> tuple[type[Exception], ...]:
    """The exceptions whose message is one line meant for users (imported only once one is raised)."""
    from cli.output import CommandError
    from muistio.errors import MuistioError
    from muistio.invite import InviteError
    from services.db import DatabaseUnavailable
    from services.digests import DigestError
    from services.invitations import InviteFlowError
    from services.roster import RosterError

    return (
        CommandError, DatabaseUnavailable, DigestError, InviteFlowError, RosterError, InviteError,
        LookupError, MuistioError,
    )  # fmt: skip


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """Turn a user-facing error inside the block into `muistio: MESSAGE` and exit 1."""
    try:
        yield
    except typer.Exit:
        raise
    except Exception as exc:
        if isinstance(exc, _user_errors()):
            fail(str(exc))
        raise


def _settings() -> Settings:
    """The MUISTIO_* settings, read once per command; a bad value is one line."""
    from services.config import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits


def _database(settings: Settings) -> SessionFactory:
    """Sessions on the configured database, migrated to head first (cheap when it is there)."""
    from services.db import ready_database, session_factory

    return session_factory(ready_database(settings.resolved_database_url))


def _print_lines(lines: list[str]) -> None:
    for line in lines:
        typer.echo(line)


def _warn(message: str) -> None:
    """One problem line on stderr; the command goes on and exits 1 at the end."""
    typer.echo(f"muistio: {message}", err=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database (SQLite under the data dir, or MUISTIO_DATABASE_URL) to the newest."""
    from cli.output import db_upgrade as upgrade

    with _one_line_errors():
        typer.echo(upgrade(_settings()))


@app.command()
def ingest(
    files: Annotated[list[Path], typer.Argument(help="minutes files; each is stored in one transaction")],
    body: Annotated[str | None, typer.Option(help="the body, when the minutes do not name it")] = None,
) -> None:
    """Store minutes: meeting, participants, agenda, decisions, action items and the next meeting."""
    from cli.output import ingest_files

    with _one_line_errors():
        bad, _ = ingest_files(files, body, _settings(), typer.echo, _warn)
    if bad:
        raise typer.Exit(1)


@app.command()
def meetings(json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """List the meetings: held ones with their action-item counts, and scheduled ones."""
    from cli.output import meetings_lines

    with _one_line_errors():
        _print_lines(meetings_lines(_settings(), json_out))


@app.command()
def items(
    open_only: Annotated[bool, typer.Option("--open", help="only open items")] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="only open items past their due date")] = False,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="judge overdue on this day (YYYY-MM-DD)")
    ] = None,
    owner: Annotated[str | None, typer.Option(help="only items this person (or office) owns")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """List action items with owners, due dates and status."""
    from cli.output import items_lines

    with _one_line_errors():
        _print_lines(
            items_lines(
                _settings(), open_only=open_only, overdue=overdue, as_of=as_of, owner=owner, as_json=json_out
            )
        )


@app.command()
def show(
    meeting: Annotated[str, typer.Argument(help="meeting id or YYYY-MM-DD")],
    body: Annotated[str | None, typer.Option(help="the body, when several met that day")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Show one meeting: participants, agenda, decisions, action items and the next meeting."""
    from cli.output import show_lines

    with _one_line_errors():
        if body is not None:
            body = _existing_body(body)
        _print_lines(show_lines(_settings(), meeting, body, json_out))


item_app = typer.Typer(
    help="Change one action item: done, reopen, assign, due, history.", no_args_is_help=True
)
app.add_typer(item_app, name="item")


def _actor(by: str | None) -> str:
    """Who makes the change: --by, else MUISTIO_USER; never the operating-system account."""
    if by and by.strip():
        return " ".join(by.split())
    configured = _settings().user
    if configured and configured.strip():
        return " ".join(configured.split())
    fail("say who makes the change: --by NAME, or set MUISTIO_USER")
    raise AssertionError  # unreachable: fail() exits


def _item_change(action: str, item_id: str, by: str | None, note: str | None, **kw: Any) -> None:
    from cli.output import item_change_lines

    with _one_line_errors():
        _print_lines(item_change_lines(_settings(), action, item_id, actor=_actor(by), note=note, **kw))


ItemId = Annotated[str, typer.Argument(help="the item's id (see `muistio items`)")]
By = Annotated[str | None, typer.Option("--by", help="who makes the change (default: MUISTIO_USER)")]
Note = Annotated[str | None, typer.Option("--note", help="a note kept in the item's history")]


@item_app.command("done")
def item_done(item_id: ItemId, by: By = None, note: Note = None) -> None:
    """Mark an action item done."""
    _item_change("done", item_id, by, note)


@item_app.command("reopen")
def item_reopen(item_id: ItemId, by: By = None, note: Note = None) -> None:
    """Open a done or cancelled action item again."""
    _item_change("reopen", item_id, by, note)


@item_app.command("assign")
def item_assign(
    item_id: ItemId,
    owner: Annotated[list[str], typer.Option("--owner", help="an owner; repeat for several")],
    by: By = None,
    note: Note = None,
) -> None:
    """Make these people (or offices) the item's owners."""
    _item_change("assign", item_id, by, note, owners=owner)


@item_app.command("due")
def item_due(
    item_id: ItemId,
    date: Annotated[str, typer.Argument(help="new due date: 30.9.2026, 30.9., 2026-09-30, or 'none'")],
    by: By = None,
    note: Note = None,
) -> None:
    """Give an action item a new due date."""
    _item_change("due", item_id, by, note, due=date)


@item_app.command("history")
def item_history(
    item_id: ItemId, json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False
) -> None:
    """Every change to an action item: who, when, old and new."""
    from cli.output import item_history_lines

    with _one_line_errors():
        _print_lines(item_history_lines(_settings(), item_id, json_out))


@app.command()
def demo() -> None:
    """Ingest the example minutes into data/demo and show what muistio made of them."""
    from cli.output import demo as run_demo

    with _one_line_errors():
        bad = run_demo(_settings(), typer.echo, _warn)
    if bad:
        raise typer.Exit(1)


# --- people, bodies, invitations and the outbox (flows/roster.py, flows/invitations.py, flows/outbox.py) -

people_app = typer.Typer(help="The people of each body: import, add, list.", no_args_is_help=True)
body_app = typer.Typer(help="A body's organiser, time zone, language and approval.", no_args_is_help=True)
meeting_app = typer.Typer(help="Move or cancel a scheduled meeting.", no_args_is_help=True)
app.add_typer(people_app, name="people")
app.add_typer(body_app, name="body")
app.add_typer(meeting_app, name="meeting")


def _now() -> Any:
    from services.clock import clock

    return clock().now()


def _print_delivery(summary: str, errors: dict[str, str]) -> None:
    """The delivery line, then the server's words for each mail that did not go."""
    typer.echo(summary)
    for key, error in errors.items():
        typer.echo(f"  {key.rsplit('|', 1)[-1]}: {error}")


def _deliver(settings: Settings, send: Callable[[MailTransport], DeliveryReport]) -> None:
    """Send through the configured transport with `send` and print one line (and each failure)."""
    from services.transport import describe_transport, transport_from_settings

    transport = transport_from_settings(settings)
    report = send(transport)
    _print_delivery(f"delivery via {describe_transport(transport)}: {report.summary()}", report.errors)


def _deliver_now(settings: Settings, sessions: SessionFactory, meeting_id: int | None = None) -> None:
    """Deliver the meeting's (or all) due invitations and print one line."""
    from services.invitations import deliver_meeting

    ids = None if meeting_id is None else [meeting_id]
    _deliver(settings, lambda t: deliver_meeting(sessions, t, settings=settings, now=_now(), meeting_ids=ids))


@people_app.command("import")
def people_import(
    file: Annotated[Path, typer.Argument(help="CSV name,email,aliases,organization,language, or YAML")],
    body: Annotated[str | None, typer.Option(help="the body they belong to")] = None,
) -> None:
    """Import people from a CSV or YAML file; one bad row and nothing is imported."""
    from services.roster import import_people

    with _one_line_errors(), _database(_settings())() as session:
        report = import_people(session, file, body=body)
    typer.echo(report.summary())


@people_app.command("add")
def people_add(
    name: Annotated[str, typer.Argument(help="full name")],
    email: Annotated[str | None, typer.Option(help="e-mail address")] = None,
    aliases: Annotated[str | None, typer.Option(help="other spellings, ;-separated")] = None,
    organization: Annotated[str | None, typer.Option(help="organisation")] = None,
    language: Annotated[str | None, typer.Option(help="fi, sv or en")] = None,
    body: Annotated[str | None, typer.Option(help="the body they belong to")] = None,
) -> None:
    """Add a person (or update the one with that name)."""
    from services.bodies import existing_body
    from services.roster import add_person, make_entry

    with _one_line_errors():
        entry = make_entry("people add", name, email, aliases, organization, language)
        with _database(_settings())() as session:
            if body is not None:  # a typo must not create a new body (`people import` and `body set` create)
                body = existing_body(session, body).name
            report = add_person(session, entry, body=body)
    typer.echo(report.summary())


@people_app.command("list")
def people_list(
    body: Annotated[str | None, typer.Option(help="only this body")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """List people by body, with address, aliases, organisation and language."""
    import json

    from services.bodies import existing_body
    from services.roster import list_people

    with _one_line_errors(), _database(_settings())() as session:
        rows = list_people(session, body=existing_body(session, body).name if body is not None else None)
    if json_out:
        data = [
            {"body": b.name, "name": p.name, "email": p.email, "aliases": list(p.aliases),
             "organization": p.organization, "language": p.language}
            for b, p in rows
        ]  # fmt: skip
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for b, p in rows:
        extra = [x for x in (p.organization, p.language, "; ".join(p.aliases) if p.aliases else None) if x]
        typer.echo(f"{b.name}\t{p.name}\t{p.email or '(no address)'}\t{', '.join(extra)}".rstrip())
    if not rows:
        typer.echo("no people yet")


@body_app.command("set")
def body_set(
    name: Annotated[str, typer.Argument(help="the body's name")],
    organizer_name: Annotated[str | None, typer.Option(help="who sends the invitations")] = None,
    organizer_email: Annotated[str | None, typer.Option(help="where replies go")] = None,
    timezone: Annotated[str | None, typer.Option(help="e.g. Europe/Helsinki")] = None,
    language: Annotated[str | None, typer.Option(help="fi, sv or en")] = None,
    require_approval: Annotated[
        bool | None,
        typer.Option("--require-approval/--no-require-approval", help="invite only after `muistio approve`"),
    ] = None,
    reminders: Annotated[
        bool | None, typer.Option("--reminders/--no-reminders", help="meeting and due-date reminders")
    ] = None,
    meeting_reminder_days: Annotated[int | None, typer.Option(help="remind of meetings N days ahead")] = None,
    item_reminder_days: Annotated[int | None, typer.Option(help="remind of items due within N days")] = None,
) -> None:
    """Create a body or change its settings."""
    from services.roster import set_body

    settings = _settings()
    with _one_line_errors(), _database(settings)() as session:
        b = set_body(
            session, name, organizer_name=organizer_name, organizer_email=organizer_email,
            timezone=timezone, language=language, require_approval=require_approval, reminders=reminders,
            meeting_reminder_days=meeting_reminder_days, item_reminder_days=item_reminder_days,
        )  # fmt: skip
        line = (
            f"{b.name}: organiser {b.organizer_name or settings.organizer_name} "
            f"<{b.organizer_email or settings.organizer_email}>, {b.timezone}, {b.language}, "
            f"{'approval required' if b.require_approval else 'no approval needed'}, "
            + (
                f"reminders {b.meeting_reminder_days} d before meetings, {b.item_reminder_days} d before dues"
                if b.reminders
                else "no reminders"
            )
        )
    typer.echo(line)


def _print_plan(plan: Any, what: str) -> None:
    """One line for what was queued, one for who cannot be reached."""
    queued = f"{len(plan.mails)} recipients, {plan.enqueued} newly queued (sequence {plan.sequence})"
    typer.echo(f"{what}: {queued}")
    if plan.missing_line():
        typer.echo(f"warning: {plan.missing_line()}", err=True)


@contextmanager
def _meeting(ref: str, settings: Settings) -> Iterator[tuple[Session, Meeting]]:
    """One transaction with the meeting an id or YYYY-MM-DD names; any user error is one line."""
    from services.invitations import find_meeting

    with _one_line_errors(), _database(settings)() as session:
        yield session, find_meeting(session, ref)


@app.command()
def approve(
    meeting: Annotated[str, typer.Argument(help="meeting id or YYYY-MM-DD")],
    body: Annotated[str | None, typer.Option(help="the body, when several met that day")] = None,
    by: Annotated[str | None, typer.Option("--by", help="who decides (default: your login name)")] = None,
) -> None:
    """Approve what waits on a meeting: its held correction (see `muistio changes`), else its invitations."""
    from cli.changes import approve as run_approve

    run_approve(meeting, body, by)


@app.command()
def invite(
    meeting: Annotated[str, typer.Argument(help="meeting id or YYYY-MM-DD")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="write files to --out, send nothing")] = False,
    out: Annotated[Path, typer.Option(help="folder for --dry-run output")] = Path("invites-out"),
) -> None:
    """Send the meeting's invitations (Prefect flow distribute-invites); --dry-run only writes files."""
    settings = _settings()
    if dry_run:
        from services.invitations import dry_run as write_preview

        with _meeting(meeting, settings) as (session, found):
            plan = write_preview(session, found, out, settings=settings, now=_now())
            session.rollback()  # a dry run records nothing
        typer.echo(f"wrote {out / 'invite.ics'} and {len(plan.mails)} .eml files to {out} (nothing sent)")
        if plan.missing_line():
            typer.echo(f"warning: {plan.missing_line()}", err=True)
        return
    from services.invitations import check_sendable

    # Check here, so a wrong date or a missing approval is one line, not a failed flow run's traceback.
    with _meeting(meeting, settings) as (session, found):
        check_sendable(session, found)
    from services.invitations import deliver_invitations, queue_invitations

    with _one_line_errors():
        queued = queue_invitations(str(found.id), settings=settings)
        delivery = deliver_invitations([queued["meeting_id"]], settings=settings)
    typer.echo(f"invitations: {len(queued['recipients'])} recipients, {queued['enqueued']} newly queued")
    if queued["missing_line"]:
        typer.echo(f"warning: {queued['missing_line']}", err=True)
    _print_delivery(f"delivery: {delivery['summary']}", delivery["errors"])


@meeting_app.command("reschedule")
def meeting_reschedule(
    meeting: Annotated[str, typer.Argument(help="meeting id or YYYY-MM-DD")],
    date: Annotated[str | None, typer.Option(help="new date YYYY-MM-DD")] = None,
    start: Annotated[str | None, typer.Option(help="new start HH:MM (local)")] = None,
    end: Annotated[str | None, typer.Option(help="new end HH:MM (local)")] = None,
    place: Annotated[str | None, typer.Option(help="new place")] = None,
) -> None:
    """Move a meeting; those already invited get an update (SEQUENCE+1)."""
    from services.invitations import reschedule_meeting

    settings = _settings()
    with _meeting(meeting, settings) as (session, found):
        changed, plan = reschedule_meeting(
            session, found, settings=settings, now=_now(), date=date, start=start, end=end, place=place
        )
    if not changed:
        typer.echo("nothing material changed; no update sent")
        return
    if plan is None:
        typer.echo("meeting moved; nobody was invited yet, so no update is sent")
        return
    _print_plan(plan, "updates")
    _deliver_now(settings, _database(settings), found.id)


@meeting_app.command("cancel")
def meeting_cancel(meeting: Annotated[str, typer.Argument(help="meeting id or YYYY-MM-DD")]) -> None:
    """Cancel a meeting; everyone invited gets METHOD:CANCEL."""
    from services.invitations import cancel_meeting

    settings = _settings()
    with _meeting(meeting, settings) as (session, found):
        plan = cancel_meeting(session, found, settings=settings, now=_now())
    _print_plan(plan, "cancellations")
    if plan.mails:
        _deliver_now(settings, _database(settings), found.id)


@app.command()
def digest(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="judge overdue on this day YYYY-MM-DD (default: today)")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="only write .eml files to --out")] = False,
    out: Annotated[Path, typer.Option(help="folder for --dry-run output")] = Path("digest-out"),
) -> None:
    """Mail each owner their overdue action items (once per ISO week); --dry-run only writes files."""
    from services.digests import dry_run_digests, enqueue_digests, parse_as_of, summary_line

    settings = _settings()
    with _one_line_errors():
        day = parse_as_of(as_of, settings=settings, now=_now())
        sessions = _database(settings)
        with sessions() as session:
            if dry_run:
                try:
                    plan, written = dry_run_digests(session, day, out, settings=settings, now=_now())
                except OSError as exc:
                    fail(f"cannot write to {out}: {exc.strerror or exc}")
                    return
                session.rollback()  # a dry run records nothing
            else:
                plan = enqueue_digests(session, day, settings=settings, now=_now())
    if plan.undeliverable_line():
        typer.echo(f"warning: {plan.undeliverable_line()}", err=True)
    if dry_run:
        typer.echo(
            f"{summary_line(plan, dry_run=True)}; wrote {len(written)} .eml files to {out} (nothing sent)"
        )
        return
    typer.echo(summary_line(plan))
    from services.digests import deliver_digests

    keys = plan.keys
    _deliver(settings, lambda t: deliver_digests(sessions, t, settings=settings, now=_now(), keys=keys))


@app.command("serve")
def serve_command(
    port: Annotated[int | None, typer.Option(help="Prefect API and UI port (default: a free one)")] = None,
    web_port: Annotated[int | None, typer.Option(help="web desk port (default: a free one)")] = None,
) -> None:
    """Run the whole service here: Prefect server and UI, schedules, inbox, web desk; Ctrl-C stops it."""
    from cli.serve import serve

    with _one_line_errors():
        code = serve(_settings(), port=port, web_port=web_port)
    raise typer.Exit(code)


def _existing_body(name: str) -> str:
    """The stored name of an existing body; a one-line error with near matches for an unknown one."""
    from services.bodies import existing_body

    with _database(_settings())() as session:
        return existing_body(session, name).name


# --- commands that live in their own modules (cli/<area>.py; only typer at import time) ----------

import cli.changes  # noqa: E402,F401  (registers `changes` and `discard` on this app)
from cli.outbox import outbox_app, send  # noqa: E402
from cli.reminders import reminders  # noqa: E402
from cli.web import body_list, user_app, web  # noqa: E402

app.add_typer(outbox_app, name="outbox")
app.command()(send)
app.command()(reminders)
app.command("web")(web)
app.add_typer(user_app, name="user")
body_app.command("list")(body_list)


def app_for(argv: list[str]) -> typer.Typer:
    """The app holding only the command (or command group) that argv names; the whole app otherwise.

    Typer builds every command's parameters, through pydantic, before it runs one: ~0.1 s of each
    `muistio extract`. The command asked for is the same object either way, so it behaves the same.
    """
    name = argv[0] if argv else ""
    if not name or name.startswith("-"):
        return app
    one = typer.Typer(**_APP_SETTINGS)
    one.registered_callback = app.registered_callback
    for info in app.registered_commands:
        if (
            info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else "")
        ) == name:
            one.registered_commands = [info]
            return one
    for group in app.registered_groups:
        if group.name == name:
            one.registered_groups = [group]
            return one
    return app  # an unknown command: the whole app says so, with its list of commands


def main() -> None:
    """Console-script entry point."""
    app_for(sys.argv[1:])()


if __name__ == "__main__":
    main()
