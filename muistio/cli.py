"""The `muistio` command line; heavy imports (Prefect, the database) stay inside the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="muistio",
    help="Approved meeting minutes in; invites, reminders and action-item follow-up out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root() -> None:
    """Approved meeting minutes in; invites, reminders and action-item follow-up out."""


def fail(message: str, code: int = 1) -> None:
    """Print one clear line on stderr and exit non-zero."""
    typer.echo(f"muistio: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="minutes: .txt .md .pdf .docx .html .tex .rst")],
    json_out: Annotated[bool, typer.Option("--json", help="print the extraction contract as JSON")] = False,
    min_confidence: Annotated[
        Optional[float], typer.Option(help="leave out action items below this confidence")
    ] = None,
) -> None:
    """Read one minutes document and print what it says (no database, no Prefect)."""
    fail("extract: not built yet")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    sys.exit(main())
