"""`muistio outbox` (list, retry) and `muistio send`: the outbox as the operator sees and drives it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

outbox_app = typer.Typer(
    help="Outgoing mail and its state; `outbox retry` sends failed mail again.", invoke_without_command=True
)


@outbox_app.callback()
def outbox(
    ctx: typer.Context, json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False
) -> None:
    """Outgoing mail and its state; failures show the mail server's own words."""
    if ctx.invoked_subcommand is not None:
        return
    import dataclasses
    import json

    from cli.main import _database, _one_line_errors, _settings
    from services.outbox import list_outbox

    with _one_line_errors(), _database(_settings())() as session:
        rows = list_outbox(session)
    if json_out:
        typer.echo(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("the outbox is empty")
    for r in rows:
        when = r.sent_at if r.status == "sent" else r.failed_at or r.next_attempt_at or ""
        typer.echo(f"{r.id}\t{r.status}\t{r.attempts}\t{r.kind}\t{r.recipient}\t{r.subject}\t{when}".rstrip())
        if r.last_error and r.status != "sent":
            typer.echo(f"\tserver said: {r.last_error}")


def _since(value: str | None, timezone: str) -> dt.datetime | None:
    """YYYY-MM-DD as the start of that day in the configured zone."""
    if value is None:
        return None
    from zoneinfo import ZoneInfo

    from cli.main import fail

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--since: not a date YYYY-MM-DD: {value!r}")
        raise  # unreachable: fail() exits
    return dt.datetime.combine(day, dt.time(), ZoneInfo(timezone))


@outbox_app.command("retry")
def retry(
    ids: Annotated[list[int] | None, typer.Argument(help="outbox message ids (see `muistio outbox`)")] = None,
    failed: Annotated[bool, typer.Option("--failed", help="every failed message")] = False,
    since: Annotated[
        str | None, typer.Option(help="with --failed: only those that failed on or after YYYY-MM-DD")
    ] = None,
) -> None:
    """Send failed mail again once its cause is fixed (a new retry horizon starts now)."""
    from cli.main import _database, _now, _one_line_errors, _settings, fail
    from services.outbox import OutboxError, retry_failed

    if bool(ids) == failed:
        fail("give message ids or --failed (not both)")
    if since is not None and not failed:
        fail("--since goes with --failed")
    settings = _settings()
    start = _since(since, settings.timezone)
    with _one_line_errors():
        sessions = _database(settings)
        try:
            with sessions() as session:
                chosen = retry_failed(session, ids=ids or (), all_failed=failed, since=start, now=_now())
        except OutboxError as exc:
            fail(str(exc))
        if not chosen:
            typer.echo("no failed messages to send again")
            return
        typer.echo(f"{len(chosen)} failed messages queued again: {' '.join(map(str, chosen))}")
        _send(settings, sessions)


def _send(settings: object, sessions: object) -> None:
    """Deliver what is due, tell organisers of failures, and print one line plus the server's words."""
    from cli.main import _now, _print_delivery
    from services.outbox import send_due
    from services.transport import describe_transport, transport_from_settings

    transport = transport_from_settings(settings)  # type: ignore[arg-type]
    report = send_due(sessions, transport, settings=settings, now=_now())  # type: ignore[arg-type]
    _print_delivery(f"delivery via {describe_transport(transport)}: {report.summary()}", report.errors)


def send() -> None:
    """Deliver pending mail now (retries whose time has come included)."""
    from cli.main import _database, _one_line_errors, _settings

    settings = _settings()
    with _one_line_errors():
        _send(settings, _database(settings))
