"""What the database commands of the CLI do and print; muistio/cli.py imports this inside its commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import typer
from sqlmodel import Session

from models import Meeting
from muistio.document import ReadError
from muistio.reading import read_file_bytes
from muistio.settings import Settings
from services.clock import clock
from services.db import DatabaseUnavailable, ready_database, session_factory, shown_url, upgrade_or_explain
from services.store import (
    ItemRow,
    MeetingDetail,
    already_stored,
    jsonable,
    list_items,
    list_meetings,
    meeting_detail,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "minutes"
Echo = Callable[[str], None]


class CommandError(Exception):
    """A one-line problem the CLI prints after `muistio: `."""


def db_upgrade(settings: Settings) -> str:
    """Migrate the configured database to the newest schema."""
    url = settings.resolved_database_url
    try:
        revision = upgrade_or_explain(url, "cannot upgrade the database")
    except DatabaseUnavailable as exc:
        raise CommandError(str(exc)) from None
    return f"database {shown_url(url)} is at revision {revision}"


def _ready(settings: Settings) -> str:
    """The database URL, migrated to head (as every command does); one line if it cannot be opened."""
    try:
        return ready_database(settings.resolved_database_url)
    except DatabaseUnavailable as exc:
        raise CommandError(str(exc)) from None


def _session(settings: Settings) -> AbstractContextManager[Session]:
    """One transaction on the configured database, migrated first."""
    return session_factory(_ready(settings))()


# --- ingest ----------------------------------------------------------------------------------


def describe(result: dict[str, Any]) -> str:
    """One line on what ingesting a file did."""
    name, status = result["file_name"], result["status"]
    where = f"{result.get('body')} {result.get('meeting_date')}"
    if status == "duplicate":
        return f"{name}: already ingested ({where}, meeting {result.get('meeting_id')})"
    if status == "pending":
        m = result.get("meeting_id")
        return (
            f"{name}: held as a correction of {where} (meeting {m}): {result.get('reason')}; "
            f"see `muistio changes {m}`, then `muistio approve {m}` or `muistio discard {m}`"
        )
    nxt = f"next meeting {result['next_meeting']}" if result.get("next_meeting") else "no next meeting"
    if status == "updated":
        return (
            f"{name}: updated {where} (meeting {result['meeting_id']}): {result['created']} new, "
            f"{result['changed']} changed, {result['cancelled']} cancelled action items; {nxt}"
        )
    return (
        f"{name}: stored {where} (meeting {result['meeting_id']}): {result['participants']} participants, "
        f"{result['action_items']} action items; {nxt}"
    )


def problem(path: str, error: str) -> str:
    """`FILE: problem`, without naming the file twice when the error already starts with it."""
    first = error.strip().splitlines()[0] if error.strip() else "failed"
    return first if first.startswith(f"{path}:") else f"{path}: {first}"


def _already_in(paths: Sequence[Path], url: str) -> dict[Path, dict[str, Any]]:
    """Files whose exact bytes are already stored (Document.sha256 is the hash of the file's bytes)."""
    found: dict[Path, dict[str, Any]] = {}
    with session_factory(url)() as session:
        for path in paths:
            try:
                digest = hashlib.sha256(read_file_bytes(path)).hexdigest()
            except ReadError:
                continue  # the read stage reports it properly
            result = already_stored(digest, path.name, session=session)
            if result is not None:
                found[path] = result.as_dict()
    return found


def invitation_lines(result: dict[str, Any]) -> list[str]:
    """What ingesting did about invitations, for a secretary: queued, sent, held, or who lacks an address."""
    lines: list[str] = []
    for inv in result.get("invitations") or []:
        day = inv.get("date") or "?"
        if inv["method"] == "CANCEL":
            lines.append(f"  the meeting of {day} moved: {inv['enqueued']} cancellations queued")
            continue
        if inv.get("past"):
            lines.append(f"  next meeting {day} is already past; no invitations")
            continue
        if inv.get("hold_reason"):
            lines.append(
                f"  invitations for {day} held: {inv['hold_reason']}; `muistio approve {inv['meeting_id']}`"
            )
        elif inv.get("held_for_approval"):
            lines.append(f"  invitations for {day} wait for approval: `muistio approve {inv['meeting_id']}`")
        elif not inv["recipients"]:
            if inv.get("people"):
                lines.append(
                    f"  no invitations for {day}: nobody has an address yet; "
                    "import them with `muistio people import FILE --body NAME`"
                )
            else:
                lines.append(f"  no invitations for {day}: the body has no people yet")
            continue
        else:
            kind = "updates" if inv.get("sequence") else "invitations"
            lines.append(
                f"  {kind} for {day}: {len(inv['recipients'])} recipients, {inv['enqueued']} newly queued"
                + (f" (sequence {inv['sequence']})" if inv.get("sequence") else "")
            )
        if inv.get("missing_line"):
            lines.append(f"  warning: {inv['missing_line']}")
    delivery = result.get("delivery")
    if delivery:
        lines.append(f"  delivery via {delivery['via']}: {delivery['summary']}")
        for key, error in delivery["errors"].items():
            lines.append(f"    {key.rsplit('|', 1)[-1]}: {error}")
    return lines


NO_SERVER = "no Prefect server: run history is not recorded; `muistio serve` records it"
_told_no_server = False


def _tell_no_server() -> None:
    """Say once per command that runs go unrecorded."""
    global _told_no_server
    _told_no_server = True
    typer.echo(f"note: {NO_SERVER}", err=True)


def ingest_files(
    paths: Sequence[Path],
    body: str | None,
    settings: Settings,
    echo: Echo,
    warn: Echo,
    *,
    in_process: bool = False,
) -> tuple[int, list[dict[str, Any]]]:
    """Ingest through the Prefect server when one runs (one flow run), else in process: (bad, results)."""

    url = _ready(settings)
    known = _already_in(paths, url)
    todo = [p for p in paths if p not in known]
    fresh: dict[Path, dict[str, Any]] = {}
    from services.serving import prefect_target

    target = prefect_target(settings) if todo and not in_process else None
    if target is not None:
        fresh = _ingest_on_server(todo, body, target, echo)
    elif todo:
        if not _told_no_server:
            _tell_no_server()
        fresh = _ingest_in_process(todo, body, settings)
    results = [known.get(p) or fresh[p] for p in paths]
    bad = 0
    for path, result in zip(paths, results, strict=True):
        if result["status"] == "rejected":
            bad += 1
            warn(problem(str(path), result["error"]))
        elif result["status"] == "elsewhere":
            echo(f"{path.name}: ingested by flow run '{result['run']}'; its result is kept where it ran: "
                 f"{result['url']}")  # fmt: skip
        else:
            echo(describe(result))
            for line in invitation_lines(result):
                echo(line)
    return bad, results


def _ingest_in_process(
    paths: Sequence[Path], body: str | None, settings: Settings
) -> dict[Path, dict[str, Any]]:
    """The batch through the services here: store each file, then one delivery for all it queued."""
    from services.ingest import ingest_paths
    from services.runs import attach_delivery, deliver_batch, queued_meetings

    names = [str(p) for p in paths]
    if len(paths) > 1 and sys.stderr.isatty():
        with typer.progressbar(length=len(paths), label="Ingesting", file=sys.stderr) as bar:
            results = ingest_paths(names, settings=settings, body=body, on_file=bar.update)
    else:
        results = ingest_paths(names, settings=settings, body=body)
    queued = queued_meetings(results)
    if queued:
        attach_delivery(results, deliver_batch(queued, settings=settings))
    return dict(zip(paths, results, strict=True))


def _ingest_on_server(
    paths: Sequence[Path], body: str | None, target: Any, echo: Echo
) -> dict[Path, dict[str, Any]]:
    """One flow run of the ingest deployment for the batch; a file that cannot be read never leaves here."""
    from deployments.client import submit_ingest
    from services.ingest import rejected

    fresh: dict[Path, dict[str, Any]] = {}
    send: list[Path] = []
    for path in paths:
        if not path.is_file() or not os.access(path, os.R_OK):
            fresh[path] = rejected(str(path), "no such file" if not path.exists() else "cannot read the file")
        else:
            send.append(path)
    if not send:
        return fresh
    try:
        run = submit_ingest([str(p.resolve()) for p in send], body, api_url=target.api_url,
                            prefect_home=target.prefect_home)  # fmt: skip
    except Exception as exc:  # the server went away, or the deployment is not served
        raise CommandError(f"Prefect server {target.api_url} ({target.source}): {exc}") from None
    echo(f"flow run '{run.name}' ended {run.state}: {run.url}")
    results = run.result if isinstance(run.result, list) else None
    for index, path in enumerate(send):
        if results is not None and index < len(results):
            fresh[path] = results[index]
        elif run.state == "Completed":  # a worker on another machine keeps the results there
            fresh[path] = {"status": "elsewhere", "run": run.name, "url": run.url}
        else:
            fresh[path] = rejected(str(path), f"flow run {run.state}: {run.message or 'no result kept'}")
    return fresh


# --- queries ---------------------------------------------------------------------------------


def meetings_lines(settings: Settings, as_json: bool) -> list[str]:
    """`muistio meetings`."""
    with _session(settings) as session:
        rows = list_meetings(session=session)
    if as_json:
        return [json.dumps(jsonable(rows), ensure_ascii=False, indent=2)]
    if not rows:
        return ["no meetings yet; `muistio ingest FILE` adds some"]
    lines = [f"{'id':>4}  {'date':10}  {'status':9}  {'items':>5}  {'open':>4}  body"]
    for r in rows:
        place = f" — {r.place}" if r.place else ""
        counts = f"{r.action_items:>5}  {r.open_items:>4}"
        lines.append(f"{r.id:>4}  {r.date.isoformat():10}  {r.status:9}  {counts}  {r.body}{place}")
    return lines


def due_text(item: ItemRow) -> str:
    """'2025-10-31 (lokakuussa: month)': the date, and the minutes' words when they named a period."""
    if item.due_date is None:
        return "no due date"
    text = item.due_date.isoformat()
    if item.due_phrase:
        precision = f": {item.due_precision}" if item.due_precision not in (None, "day") else ""
        phrase = " ".join(item.due_phrase.split())
        text += f" ({phrase}{precision})"
    return text


def item_line(item: ItemRow, *, with_meeting: bool = True) -> str:
    """One action item: id, status, due and owners on one line, what is to be done on the next."""
    owners = ", ".join(item.owners) or "(no owner)"
    section = f" §{item.agenda_number}" if item.agenda_number else ""
    meeting = f"  [{item.body} {item.meeting_date.isoformat()}{section}]" if with_meeting else ""
    return f"{item.id:>4}  {item.status:9}  {due_text(item):<34}  {owners}\n      {item.text}{meeting}"


def items_lines(
    settings: Settings,
    *,
    open_only: bool,
    overdue: bool,
    as_of: str | None,
    owner: str | None,
    as_json: bool,
) -> list[str]:
    """`muistio items`; overdue is judged on --as-of, else on today in the configured time zone."""
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise CommandError(f"--as-of {as_of!r} is not a date YYYY-MM-DD") from None
    if day is None:
        day = clock().now().astimezone(ZoneInfo(settings.timezone)).date()
    with _session(settings) as session:
        rows = list_items(
            session=session, open_only=open_only, overdue_as_of=day if overdue else None, owner=owner
        )
    if as_json:
        return [json.dumps(jsonable(rows), ensure_ascii=False, indent=2)]
    if not rows:
        return ["no action items match"]
    return [f"{'id':>4}  {'status':9}  {'due':34}  owners"] + [item_line(r) for r in rows]


def _local(meeting: Meeting, timezone: str) -> str:
    """The meeting's date and local times."""
    zone = ZoneInfo(timezone)
    text = meeting.date.isoformat()
    if meeting.starts_at:
        text += " " + meeting.starts_at.astimezone(zone).strftime("%H:%M")
        if meeting.ends_at:
            text += "–" + meeting.ends_at.astimezone(zone).strftime("%H:%M")
    return text + (f", {meeting.place}" if meeting.place else "")


def detail_lines(detail: MeetingDetail) -> list[str]:
    """`muistio show` for one meeting."""
    m, body = detail.meeting, detail.body
    lines = [
        f"{body.name} — {_local(m, body.timezone)}",
        f"meeting {m.id}, {m.status.value}; UID {m.calendar_uid}"
        + (f"; from {', '.join(detail.sources)}" if detail.sources else ""),
    ]
    if detail.participants:
        lines += ["", f"Participants ({len(detail.participants)}):"]
        for p in detail.participants:
            org = f" ({p.organization})" if p.organization else ""
            roles = ", ".join(p.roles) + ("" if p.present else ", absent")
            lines.append(f"  {p.name}{org} — {roles.strip(', ') or 'member'}")
    if detail.agenda:
        lines += ["", "Agenda:"]
        for a in detail.agenda:
            who = f" ({', '.join(a.presenters)})" if a.presenters else ""
            lines.append(f"  {a.number:>3}  {a.title}{who}")
    if m.agenda_preview:
        lines += ["", "Agenda announced:"] + [f"  - {a}" for a in m.agenda_preview]
    if detail.decisions:
        lines += ["", "Decisions:"]
        for d in detail.decisions:
            lines.append(f"  §{d.agenda_number or '?'}  {d.text}")
    if detail.items:
        lines += ["", f"Action items ({len(detail.items)}):"]
        for i in detail.items:
            due = f"due {due_text(i)}" if i.due_date else "no due date"
            lines.append(f"  {i.id:>3} [{i.status}] {i.text} — {', '.join(i.owners) or '(no owner)'} — {due}")
    nxt = detail.next_meeting
    if nxt is not None:
        agenda = f"; agenda: {'; '.join(nxt.agenda_preview)}" if nxt.agenda_preview else ""
        lines += ["", f"Next meeting: {_local(nxt, body.timezone)} ({nxt.status.value}){agenda}"]
    if detail.waiting:
        lines += ["", "Waiting for approval:"] + [f"  {w}" for w in detail.waiting]
    return lines


def show_lines(settings: Settings, ref: str, body: str | None, as_json: bool) -> list[str]:
    """`muistio show MEETING`."""
    with _session(settings) as session:
        try:
            detail = meeting_detail(ref, session=session, body=body)
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        if as_json:
            return [json.dumps(jsonable(detail), ensure_ascii=False, indent=2)]
        return detail_lines(detail)


# --- demo ------------------------------------------------------------------------------------


ROSTER = EXAMPLES.parent / "roster.csv"
# The example minutes are from September 2025; the demo runs as of the day after them, so the next
# meetings they announce are still ahead and get invitations (ingest never invites to a past meeting).
DEMO_NOW = dt.datetime(2025, 9, 19, 6, 0, tzinfo=dt.UTC)


@dataclass
class RosterSection:
    """One body's people in examples/roster.csv."""

    body: str
    language: str
    minutes: str
    csv_text: str


def roster_sections(path: Path) -> list[RosterSection]:
    """The '# body: NAME | LANGUAGE | MINUTES' sections of the demo roster."""
    sections: list[RosterSection] = []
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# body:"):
            parts = [p.strip() for p in line.removeprefix("# body:").split("|")]
            if len(parts) != 3:
                raise CommandError(f"{path}: '# body:' lines read NAME | LANGUAGE | MINUTES FILE")
            lines = []
            sections.append(RosterSection(parts[0], parts[1], parts[2], ""))
        elif sections and not line.startswith("#"):
            lines.append(line)
            sections[-1].csv_text = "\n".join(lines) + "\n"
    return sections


def _import_roster(sections: list[RosterSection], url: str, echo: Echo) -> None:
    """Each section's body (with its language) and people; a second run changes nothing."""
    from services.roster import RosterError, parse_csv, set_body, upsert_people

    try:
        with session_factory(url)() as session:
            for section in sections:
                body = set_body(session, section.body, language=section.language)
                report = upsert_people(session, body, parse_csv(section.csv_text, ROSTER.name))
                echo(f"roster: {report.summary()}")
    except RosterError as exc:
        raise CommandError(str(exc)) from None


def _demo_meeting_lines(detail: MeetingDetail) -> list[str]:
    """A secretary's view: the meeting, its action items with owners and due dates, the next meeting."""
    m, body = detail.meeting, detail.body
    lines = [f"{body.name} — {_local(m, body.timezone)} (meeting {m.id})"]
    lines.append(f"  Action items ({len(detail.items)}):")
    for i in detail.items:
        due = f"due {due_text(i)}" if i.due_date else "no due date"
        lines.append(f"    {i.id:>3}  {', '.join(i.owners) or '(no owner)'} — {due}")
        lines.append(f"         {i.text}")
    nxt = detail.next_meeting
    if nxt is not None:
        lines.append(f"  Next meeting: {_local(nxt, body.timezone)} ({nxt.status.value})")
    return lines


def maildir_lines(maildir: Path) -> list[str]:
    """How many messages the Maildir holds, where, and one 'To — Subject' line per message."""
    import email
    from email.policy import default

    new = maildir / "new"
    files = sorted(new.iterdir(), key=lambda p: p.stat().st_mtime_ns) if new.is_dir() else []
    if not files:
        return [f"no invitations in {maildir}"]
    lines = [f"{len(files)} messages in the Maildir {new}/ (any mail program opens them), e.g. {files[0]}"]
    for path in files:
        msg = email.message_from_bytes(path.read_bytes(), policy=default)
        lines.append(f"  {msg['To']} — {msg['Subject']}")
    return lines


def demo(settings: Settings, echo: Echo, warn: Echo) -> int:
    """The mission on embedded defaults: roster, both example minutes, items, next meetings, invitations."""
    from services.clock import FixedClock, use_clock

    data_dir = (settings.data_dir / "demo").resolve()
    url = f"sqlite:///{data_dir / 'muistio.db'}"
    maildir = data_dir / "maildir"
    key = _demo_secret_key(data_dir)
    demo_settings = settings.model_copy(
        update={
            "data_dir": data_dir, "database_url": url, "smtp_host": None, "maildir": maildir,
            "secret_key": key,
        }
    )  # fmt: skip
    echo(f"demo data: {data_dir} (SQLite database, Maildir; no SMTP needed)")
    _ready(demo_settings)
    sections = roster_sections(ROSTER)
    _import_roster(sections, url, echo)
    mail_before = len(list((maildir / "new").iterdir())) if (maildir / "new").is_dir() else 0
    echo(f"demo clock: {DEMO_NOW.date().isoformat()}, the day after the example minutes")
    bad, results = 0, list[dict[str, Any]]()
    # The flows read their settings from the environment: point them at the demo's data, and never SMTP.
    env = {
        "MUISTIO_DATABASE_URL": url, "MUISTIO_DATA_DIR": str(data_dir), "MUISTIO_SMTP_HOST": "",
        "MUISTIO_SECRET_KEY": key,
    }  # fmt: skip
    with _environment(**env, MUISTIO_MAILDIR=str(maildir)), use_clock(FixedClock(DEMO_NOW)):
        for section in sections:
            # In process always: the demo's settings live in this process only.
            n, found = ingest_files(
                [EXAMPLES / section.minutes], section.body, demo_settings, echo, warn, in_process=True
            )
            bad, results = bad + n, results + found
    if results and all(r["status"] == "duplicate" for r in results):
        echo("the example minutes are already in; nothing new to send")
    with session_factory(url)() as session:
        for result in results:
            if result.get("meeting_id"):
                echo("")
                detail = meeting_detail(str(result["meeting_id"]), session=session)
                echo("\n".join(_demo_meeting_lines(detail)))
    echo("")
    mail_after = len(list((maildir / "new").iterdir())) if (maildir / "new").is_dir() else 0
    echo(f"invitations written now: {mail_after - mail_before}")
    for line in maildir_lines(maildir):
        echo(line)
    return bad


def _demo_secret_key(data_dir: Path) -> str:
    """The demo's own secret key: made once, kept beside its data, so reruns key Message-IDs alike."""
    import secrets

    path = data_dir / "secret-key"
    if path.is_file() and path.read_text().strip():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for a block, then put back what was there."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


# --- secretaries' changes to action items --------------------------------------------------------


def _item_ref(item_id: str) -> int:
    if not item_id.strip().isdigit():
        raise CommandError(f"{item_id!r} is not an action item id (a number; see `muistio items`)")
    return int(item_id)


def item_change_lines(
    settings: Settings,
    action: str,
    item_id: str,
    *,
    actor: str,
    note: str | None = None,
    owners: Sequence[str] = (),
    due: str | None = None,
) -> list[str]:
    """`muistio item done|reopen|assign|due ID`: one line on what changed, recorded with who and when."""
    from services.store import ItemError, assign_item, mark_done, reopen_item, set_due

    ref = _item_ref(item_id)
    day: dt.date | None = None
    now = clock().now()
    if action == "due" and due is not None:
        from services.desk import DeskError, parse_day

        try:  # the project's date grammar: 30.9.2026, 30.9., 2026-09-30 (a day without a year comes next)
            day = parse_day(due, today=now.astimezone(ZoneInfo(settings.timezone)).date())
        except DeskError as exc:
            raise CommandError(str(exc)) from None
    with _session(settings) as session:
        try:
            if action == "done":
                change = mark_done(ref, session=session, actor=actor, now=now, note=note)
            elif action == "reopen":
                change = reopen_item(ref, session=session, actor=actor, now=now, note=note)
            elif action == "assign":
                change = assign_item(ref, owners, session=session, actor=actor, now=now, note=note)
            else:
                change = set_due(ref, day, session=session, actor=actor, now=now, note=note)
        except ItemError as exc:
            raise CommandError(str(exc)) from None
        text = change.item.text
    what = {"done": "status", "reopen": "status", "assign": "owners", "due": "due date"}[action]
    if not change.changed:
        return [f"item {ref}: {what} already {change.new or 'none'}; nothing recorded — {text}"]
    return [f"item {ref}: {what} {change.old or 'none'} -> {change.new or 'none'} (by {actor}) — {text}"]


def item_history_lines(settings: Settings, item_id: str, as_json: bool) -> list[str]:
    """`muistio item history ID`: every change, oldest first, in the configured time zone."""
    from services.store import ItemError, get_item, item_history

    ref = _item_ref(item_id)
    zone = ZoneInfo(settings.timezone)
    with _session(settings) as session:
        try:
            item = get_item(ref, session=session)
            events = item_history(ref, session=session)
        except ItemError as exc:
            raise CommandError(str(exc)) from None
    if as_json:
        return [json.dumps(jsonable(events), ensure_ascii=False, indent=2)]
    lines = [f"item {ref} ({item.status.value}): {item.text}"]
    for e in events:
        when = e.at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        change = {
            "created": "created",
            "updated": "text changed",
        }.get(e.kind, f"{e.kind}: {e.old or 'none'} -> {e.new or 'none'}")
        note = f" ({e.note})" if e.note else ""
        lines.append(f"  {when}  {e.actor:<12}  {change}{note}")
    return lines
