"""What the database commands of the CLI do and print; muistio/cli.py imports this inside its commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import typer
from sqlalchemy.engine import make_url

from flows.runtime import clock, engine_for, prepare_prefect, upgrade_database
from flows.store import (
    ItemRow,
    MeetingDetail,
    already_stored,
    jsonable,
    list_items,
    list_meetings,
    meeting_detail,
)
from models import Meeting, session_scope
from muistio.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "minutes"
Echo = Callable[[str], None]


class CommandError(Exception):
    """A one-line problem the CLI prints after `muistio: `."""


def shown_url(url: str) -> str:
    """The URL without its password."""
    return make_url(url).render_as_string(hide_password=True)


def db_upgrade(settings: Settings) -> str:
    """Migrate the configured database to the newest schema."""
    url = settings.resolved_database_url
    revision = upgrade_database(url)
    return f"database {shown_url(url)} is at revision {revision}"


def _ready(settings: Settings) -> str:
    """The database URL, migrated to head (as every command does); one line if it cannot be opened."""
    url = settings.resolved_database_url
    try:
        upgrade_database(url)
    except Exception as exc:  # an unreachable server or a bad URL: one line, not a traceback
        raise CommandError(f"cannot open the database {shown_url(url)}: {str(exc).splitlines()[0]}") from None
    return url


# --- ingest ----------------------------------------------------------------------------------


def describe(result: dict[str, Any]) -> str:
    """One line on what ingesting a file did."""
    name, status = result["file_name"], result["status"]
    where = f"{result.get('body')} {result.get('meeting_date')}"
    if status == "duplicate":
        return f"{name}: already ingested ({where}, meeting {result.get('meeting_id')})"
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
    with session_scope(engine_for(url)) as session:
        for path in paths:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                continue  # the read stage reports it properly
            result = already_stored(digest, path.name, session=session)
            if result is not None:
                found[path] = result.as_dict()
    return found


def ingest_files(
    paths: Sequence[Path], body: str | None, settings: Settings, echo: Echo, warn: Echo
) -> tuple[int, list[dict[str, Any]]]:
    """Ingest each file through the flow; returns (bad files, results). One bad file stops no other."""
    prepare_prefect(settings)
    _ready(settings)
    from flows.ingest import ingest_minutes, rejected

    known = _already_in(paths, settings.resolved_database_url)

    def one(path: Path) -> dict[str, Any]:
        if path in known:  # the flow would say the same; skipping it saves Prefect's start-up
            return known[path]
        try:
            return ingest_minutes(str(path), body)
        except Exception as exc:  # a crash in one file is reported, and the others still go in
            return rejected(str(path), f"{type(exc).__name__}: {exc}")

    if len(paths) > 1 and sys.stderr.isatty():
        with typer.progressbar(paths, label="Ingesting", file=sys.stderr) as bar:
            results = [one(p) for p in bar]
    else:
        results = [one(p) for p in paths]
    bad = 0
    for path, result in zip(paths, results, strict=True):
        if result["status"] == "rejected":
            bad += 1
            warn(problem(str(path), result["error"]))
        else:
            echo(describe(result))
    return bad, results


# --- queries ---------------------------------------------------------------------------------


def meetings_lines(settings: Settings, as_json: bool) -> list[str]:
    """`muistio meetings`."""
    with session_scope(engine_for(_ready(settings))) as session:
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


def item_line(item: ItemRow, *, with_meeting: bool = True) -> str:
    """One action item on one line."""
    due = item.due_date.isoformat() if item.due_date else "—"
    owners = ", ".join(item.owners) or "(no owner)"
    section = f" §{item.agenda_number}" if item.agenda_number else ""
    meeting = f"  [{item.body} {item.meeting_date.isoformat()}{section}]" if with_meeting else ""
    return f"{item.id:>4}  {due:10}  {item.status:9}  {owners} — {item.text}{meeting}"


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
    with session_scope(engine_for(_ready(settings))) as session:
        rows = list_items(
            session=session, open_only=open_only, overdue_as_of=day if overdue else None, owner=owner
        )
    if as_json:
        return [json.dumps(jsonable(rows), ensure_ascii=False, indent=2)]
    if not rows:
        return ["no action items match"]
    return [f"{'id':>4}  {'due':10}  {'status':9}  owners — what"] + [item_line(r) for r in rows]


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
            due = (
                f"due {i.due_date.isoformat()}" + (f" ({i.due_phrase})" if i.due_phrase else "")
                if i.due_date
                else "no due date"
            )
            lines.append(f"  [{i.status}] {i.text} — {', '.join(i.owners) or '(no owner)'} — {due}")
    nxt = detail.next_meeting
    if nxt is not None:
        agenda = f"; agenda: {'; '.join(nxt.agenda_preview)}" if nxt.agenda_preview else ""
        lines += ["", f"Next meeting: {_local(nxt, body.timezone)} ({nxt.status.value}){agenda}"]
    return lines


def show_lines(settings: Settings, ref: str, body: str | None, as_json: bool) -> list[str]:
    """`muistio show MEETING`."""
    with session_scope(engine_for(_ready(settings))) as session:
        try:
            detail = meeting_detail(ref, session=session, body=body)
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        if as_json:
            return [json.dumps(jsonable(detail), ensure_ascii=False, indent=2)]
        return detail_lines(detail)


# --- demo ------------------------------------------------------------------------------------


def demo(settings: Settings, echo: Echo, warn: Echo) -> int:
    """Ingest the example minutes into a demo database and show what came out; returns bad files."""
    data_dir = settings.data_dir / "demo"
    url = f"sqlite:///{(data_dir / 'muistio.db').resolve()}"
    demo_settings = settings.model_copy(update={"data_dir": data_dir, "database_url": url})
    files = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))
    echo(f"demo database: {url}")
    # The flow reads its settings from the environment, so the demo database goes there for the run.
    with _environment(MUISTIO_DATABASE_URL=url):
        bad, results = ingest_files(files, None, demo_settings, echo, warn)
    if results and all(r["status"] == "duplicate" for r in results):
        echo("the example minutes are already in; showing what is stored")
    for result in results:
        if result.get("meeting_id"):
            echo("")
            echo("=" * 78)
            echo("\n".join(show_lines(demo_settings, str(result["meeting_id"]), None, as_json=False)))
    return bad


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
