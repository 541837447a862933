"""`muistio changes`, `approve` and `discard`: what waits for the secretary, and the decision."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from cli.main import _actor, _database, _deliver_now, _one_line_errors, _settings, app

Ref = Annotated[str, typer.Argument(help="meeting id or YYYY-MM-DD")]
OptionalRef = Annotated[str | None, typer.Argument(help="meeting id or YYYY-MM-DD (default: all)")]
BodyOpt = Annotated[str | None, typer.Option(help="the body, when several met that day")]
By = Annotated[str | None, typer.Option("--by", help="who decides (default: your login name)")]


@app.command()
def changes(meeting: OptionalRef = None, body: BodyOpt = None) -> None:
    """Show what waits for approval: held corrections with what they change, held invitations."""
    from services.corrections import pending_lines

    with _one_line_errors():
        for line in pending_lines(meeting, settings=_settings(), body=body):
            typer.echo(line)


def approve_lines(outcome: dict[str, Any]) -> list[str]:
    """What approving did, for a secretary."""
    from cli.output import describe, invitation_lines

    if outcome["what"] == "correction":
        result = outcome["result"]
        return [describe(result), *invitation_lines({"invitations": outcome["invitations"]})]
    [plan] = outcome["invitations"]
    word = "approved" if outcome["newly"] else "already approved"
    queued = f"{len(plan['recipients'])} recipients, {plan['enqueued']} newly queued"
    out = [f"{word}: {queued} (sequence {plan['sequence']})"]
    if plan.get("missing_line"):
        out.append(f"warning: {plan['missing_line']}")
    return out


def approve(meeting: Ref, body: BodyOpt = None, by: By = None) -> None:
    """Approve what waits on a meeting: its held correction (and the mail it causes), else invitations."""
    from services.corrections import approve as run_approve

    settings = _settings()
    with _one_line_errors():
        sessions = _database(settings)
        outcome = run_approve(meeting, settings=settings, actor=_actor(by), body=body)
    for line in approve_lines(outcome):
        typer.echo(line)
    for meeting_id in outcome["meeting_ids"]:
        _deliver_now(settings, sessions, meeting_id)


@app.command()
def discard(meeting: Ref, body: BodyOpt = None, by: By = None) -> None:
    """Discard a meeting's held correction: what was stored stays, nothing is sent."""
    from services.corrections import discard as run_discard

    settings = _settings()
    with _one_line_errors():
        _database(settings)
        done = run_discard(meeting, settings=settings, actor=_actor(by), body=body)
    typer.echo(
        f"discarded the correction from {done['file_name']} for meeting {done['meeting_id']} "
        f"({done['date']}); nothing changed, nothing sent"
    )
