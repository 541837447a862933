"""`muistio web`, `muistio user add|token` and `muistio body list`: the desk and its accounts."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

user_app = typer.Typer(help="Desk accounts: secretaries and admins.", no_args_is_help=True)


def _fail(message: str) -> None:
    typer.echo(f"muistio: {message}", err=True)
    raise typer.Exit(1)


def web(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    dev: Annotated[
        bool, typer.Option("--dev", help="development: allow the default secret key, plain-HTTP cookies")
    ] = False,
) -> None:
    """Serve the secretary's desk (pages and /api/) with uvicorn."""
    import uvicorn

    from muistio.errors import MuistioError
    from services.config import load_settings
    from web.app import create_app

    try:
        app = create_app(load_settings(), dev=dev)
    except MuistioError as exc:
        _fail(str(exc))
        return
    typer.echo(f"muistio desk on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    # proxy_headers: behind a TLS proxy on this machine the scheme is https, so cookies get Secure.
    uvicorn.run(
        app, host=host, port=port, proxy_headers=True, forwarded_allow_ips="127.0.0.1", log_level="warning"
    )


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="login name")],
    role: Annotated[str, typer.Option(help="secretary or admin")] = "secretary",
    email: Annotated[str | None, typer.Option(help="e-mail address")] = None,
    body: Annotated[
        list[str] | None, typer.Option("--body", help="a body she serves; repeat for several")
    ] = None,
    language: Annotated[str, typer.Option(help="fi, sv or en")] = "fi",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="read the password from standard input")
    ] = False,
) -> None:
    """Add a desk user (or reset one): the password is asked twice, or read from stdin."""
    from muistio.errors import MuistioError
    from services.accounts import AccountError, add_user, check_password
    from services.bodies import existing_body
    from services.clock import clock
    from services.config import load_settings
    from services.db import ready_database, session_factory

    try:
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
        check_password(password)
        settings = load_settings()
        with session_factory(ready_database(settings.resolved_database_url))() as session:
            bodies = [existing_body(session, b) for b in body or []]
            user = add_user(
                session, name, password, role=role, email=email, bodies=bodies, language=language,
                now=clock().now(),
            )  # fmt: skip
            line = f"user {user.name}: {user.role.value}" + (
                f" of {', '.join(b.name for b in bodies)}" if bodies else " of every body"
            )
    except (AccountError, MuistioError, LookupError) as exc:
        _fail(str(exc))
        return
    typer.echo(line)


@user_app.command("token")
def user_token(name: Annotated[str, typer.Argument(help="login name")]) -> None:
    """Make an API token for scripts (Authorization: Bearer TOKEN); shown once."""
    from muistio.errors import MuistioError
    from services.accounts import find_user, new_api_token
    from services.clock import clock
    from services.config import load_settings
    from services.db import ready_database, session_factory

    try:
        settings = load_settings()
        with session_factory(ready_database(settings.resolved_database_url))() as session:
            user = find_user(session, name)
            if user is None:
                _fail(f"no user named {name!r}")
                return
            token = new_api_token(session, user, now=clock().now())
    except MuistioError as exc:
        _fail(str(exc))
        return
    typer.echo(token)


def body_list(json_out: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """List the bodies: name, organiser, language, time zone, approval."""
    import json

    from muistio.errors import MuistioError
    from services.bodies import list_bodies
    from services.config import load_settings
    from services.db import ready_database, session_factory

    try:
        settings = load_settings()
        with session_factory(ready_database(settings.resolved_database_url))() as session:
            rows = list_bodies(session)
    except MuistioError as exc:
        _fail(str(exc))
        return
    if json_out:
        typer.echo(json.dumps([b.model_dump() for b in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("no bodies yet")
    for b in rows:
        approval = "approval required" if b.require_approval else "no approval needed"
        organiser = f"{b.organizer_name or '-'} <{b.organizer_email or '-'}>"
        typer.echo(f"{b.id}\t{b.name}\t{organiser}\t{b.language}\t{b.timezone}\t{approval}")
