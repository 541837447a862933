"""`muistio reminders`: the day's meeting and due-date reminders, queued once and delivered."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def reminders(
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="remind as on this day YYYY-MM-DD (default: today)")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="only write .eml files to --out")] = False,
    out: Annotated[Path, typer.Option(help="folder for --dry-run output")] = Path("reminders-out"),
) -> None:
    """Remind of meetings N days ahead and of items due within N days (per body); each reminder once."""
    from cli.main import _database, _deliver, _now, _one_line_errors, _settings, fail
    from services.digests import parse_as_of
    from services.reminders import (
        compose_reminders,
        deliver_reminders,
        enqueue_reminders,
        summary_line,
        write_dry_run,
    )

    settings = _settings()
    with _one_line_errors():
        day = parse_as_of(as_of, settings=settings, now=_now())
        sessions = _database(settings)
        with sessions() as session:
            if dry_run:
                plan = compose_reminders(session, day, settings=settings, now=_now())
                session.rollback()  # a dry run records nothing
            else:
                plan = enqueue_reminders(session, day, settings=settings, now=_now())
    if dry_run:
        try:
            written = write_dry_run(plan, out)
        except OSError as exc:
            fail(f"cannot write to {out}: {exc.strerror or exc}")
            return
        typer.echo(
            f"{summary_line(plan, dry_run=True)}; wrote {len(written)} .eml files to {out} (nothing sent)"
        )
        return
    typer.echo(summary_line(plan))
    _deliver(settings, lambda t: deliver_reminders(sessions, t, settings=settings, now=_now()))
