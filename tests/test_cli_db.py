"""The database commands: db upgrade, ingest, meetings, items, show, demo."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

ROOT = Path(__file__).resolve().parents[1]
SHARED_MINUTES = ROOT / ".." / "shared" / "minutes"
SEED = SHARED_MINUTES / "diginyt-2018-05-22.txt"
Counts = Callable[[str], dict[str, int]]


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """Run `muistio ARGS` in-process against the test database."""
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    monkeypatch.delenv("MUISTIO_USER", raising=False)  # history names --by or MUISTIO_USER, never the OS user
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run


def need_seed() -> None:
    if not SEED.exists():
        pytest.skip(f"shared seed minutes not found at {SEED}")


def test_db_upgrade(cli) -> None:
    from alembic.script import ScriptDirectory

    from models.migrations import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    result = cli("db", "upgrade")
    assert result.exit_code == 0 and f"revision {head}" in result.stdout


def test_db_upgrade_on_a_dead_server_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", "postgresql://nobody:secret@127.0.0.1:1/none")
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 1
    assert result.stderr.startswith("muistio: cannot upgrade the database") and result.stderr.count("\n") == 1
    assert "secret" not in result.stderr


def test_ingest_then_query_the_seed(cli) -> None:
    need_seed()
    first = cli("ingest", str(SEED))
    assert first.exit_code == 0, first.stderr
    assert "stored DigiNYT-seurantaryhmä 2018-05-22" in first.stdout and "participants" in first.stdout
    again = cli("ingest", str(SEED))
    assert again.exit_code == 0 and "already ingested" in again.stdout

    gold = json.loads((SHARED_MINUTES / "diginyt-2018-05-22.gold.json").read_text(encoding="utf-8"))
    cutoff = dt.date(2019, 1, 1)
    overdue_gold = {
        a["due"]
        for a in gold["action_items"]
        if not a.get("optional") and a["due"] and a["due"] < cutoff.isoformat()
    }
    listed = cli("items", "--overdue", "--as-of", "2019-01-01", "--json")
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert rows and all(r["status"] == "open" and r["due_date"] < "2019-01-01" for r in rows)
    assert overdue_gold <= {r["due_date"] for r in rows}
    text = cli("items", "--overdue", "--as-of", "2019-01-01")
    assert all(day in text.stdout for day in overdue_gold) and "Jouko Salonen" in text.stdout

    assert cli("items", "--owner", "Salonen", "--json").exit_code == 0
    meetings = cli("meetings")
    assert meetings.exit_code == 0 and "2018-05-22" in meetings.stdout and "held" in meetings.stdout
    show = cli("show", "2018-05-22")
    assert show.exit_code == 0
    for part in (
        "DigiNYT-seurantaryhmä",
        "Participants",
        "Olli-Pekka Heinonen — chair",
        "Agenda:",
        "Action items",
    ):
        assert part in show.stdout


def test_bad_files_one_line_each_others_still_stored(
    cli, database_url: str, row_counts: Counts, tmp_path: Path
) -> None:
    good = ROOT / "examples" / "minutes" / "riverside-rowing-club-board-2025-09-18.md"
    bad = {
        "empty.txt": b"",
        "noise.txt": bytes(range(256)) * 8,
        "photo.pdf": b"\x89PNG\r\n\x1a\n" + b"\x00" * 128,
        "shopping.txt": "Ostoslista\n\nmaito, leipä, kahvi ja omenoita torilta\n".encode(),
    }
    paths = []
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    before = row_counts(database_url)
    result = cli("ingest", *paths[:2], str(good), *paths[2:])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.strip().splitlines() if not line.startswith("note:")]
    assert len(errors) == len(bad)
    for path, line in zip(paths, errors, strict=True):
        assert line.startswith(f"muistio: {path}: ") and len(line) > len(f"muistio: {path}: ")
    assert "stored Riverside Rowing Club" in result.stdout
    after = row_counts(database_url)
    assert after["sourcedocument"] == before["sourcedocument"] + 1 and after["meeting"] >= 1

    only_bad = cli("ingest", *paths)
    assert only_bad.exit_code == 1 and row_counts(database_url) == after


def test_show_and_items_errors_are_one_line(cli) -> None:
    for args, words in [
        (("show", "1999-01-01"), "no meeting on 1999-01-01"),
        (("show", "huomenna"), "neither a meeting id nor a date"),
        (("items", "--overdue", "--as-of", "31.12.2018"), "is not a date"),
    ]:
        result = cli(*args)
        assert result.exit_code == 1 and words in result.stderr and result.stderr.count("\n") == 1
    empty = cli("meetings")
    assert empty.exit_code == 0 and "no meetings yet" in empty.stdout


def test_demo_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MUISTIO_DATABASE_URL", raising=False)
    runner = CliRunner()
    first = runner.invoke(app, ["demo"], catch_exceptions=False)
    assert first.exit_code == 0, first.stderr
    assert first.stdout.count(": stored ") == 2 and "Next meeting: 2025-10-14" in first.stdout
    assert "Action items" in first.stdout and "due 2025-10-03" in first.stdout
    # The presenters listed among the participants (`Alustajat:`) are members to invite; the roster
    # gives them no address.
    assert "3 participants have no address: Noora Heikkilä, Tapio Vainio, Ville Korpela" in first.stdout
    assert "invitations written now: 12" in first.stdout and "12 messages in the Maildir" in first.stdout
    assert first.stdout.count("Kutsu: ") == 6 and first.stdout.count("Invitation: ") == 6
    second = runner.invoke(app, ["demo"], catch_exceptions=False)
    assert second.exit_code == 0 and "already in" in second.stdout and ": stored " not in second.stdout
    assert "invitations written now: 0" in second.stdout
    assert len(list((tmp_path / "data" / "demo" / "maildir" / "new").iterdir())) == 12
    assert (tmp_path / "data" / "demo" / "muistio.db").exists()


def test_item_commands_record_history_and_bad_ids_are_one_line(cli, database_url: str) -> None:
    import datetime as dt

    from models import ActionItem, Body, Meeting, MeetingStatus, session_scope
    from services.db import engine_for

    now = dt.datetime(2025, 9, 2, 9, 0, tzinfo=dt.UTC)
    with session_scope(engine_for(database_url)) as session:
        body = Body(name="Ryhmä")
        session.add(body)
        session.flush()
        meeting = Meeting(body_id=body.id or 0, date=dt.date(2025, 9, 2), status=MeetingStatus.held,
                          calendar_uid="u@test")  # fmt: skip
        session.add(meeting)
        session.flush()
        item = ActionItem(meeting_id=meeting.id or 0, key="k", text="Tilaa kahvit", quote="Tilataan kahvit.",
                          created_at=now, updated_at=now)  # fmt: skip
        session.add(item)
        session.flush()
        ref = str(item.id)
    done = cli("item", "done", ref, "--by", "Sihteeri", "--note", "tilattu")
    assert done.exit_code == 0 and "status open -> done (by Sihteeri)" in done.stdout
    assert "already done" in cli("item", "done", ref, "--by", "Sihteeri").stdout
    assert "status done -> open" in cli("item", "reopen", ref, "--by", "Sihteeri").stdout
    assigned = cli("item", "assign", ref, "--owner", "Kirjaamo", "--owner", "Talous", "--by", "Sihteeri")
    assert "owners none -> Kirjaamo, Talous" in assigned.stdout
    assert "due date none -> 2025-10-01" in cli("item", "due", ref, "2025-10-01", "--by", "Sihteeri").stdout
    history = cli("item", "history", ref)
    assert history.exit_code == 0
    assert [line.split()[3] for line in history.stdout.splitlines()[1:]] == [
        "status:",
        "status:",
        "owners:",
        "due:",
    ]
    assert "(tilattu)" in history.stdout
    rows = json.loads(cli("items", "--json").stdout)
    assert rows[0]["id"] == int(ref) and rows[0]["owners"] == ["Kirjaamo", "Talous"]
    assert rows[0]["due_precision"] == "day" and rows[0]["quote"] == "Tilataan kahvit."
    for args, words in [
        (("item", "done", "999", "--by", "Sihteeri"), "no action item with id 999"),
        (("item", "history", "abc"), "'abc' is not an action item id"),
        (("item", "due", ref, "pian", "--by", "Sihteeri"), "'pian' is not a date"),
        (("item", "done", ref), "say who makes the change: --by NAME, or set MUISTIO_USER"),
    ]:
        result = cli(*args)
        assert result.exit_code == 1 and words in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [["meetings"], ["people", "list"], ["outbox"], ["send"], ["approve", "1"], ["meeting", "cancel", "1"]],
)
def test_an_unreachable_database_is_one_line_for_every_command(
    monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", "postgresql://nobody:secret@127.0.0.1:1/none")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.startswith("muistio: cannot open the database") and result.stderr.count("\n") == 1
    assert "secret" not in result.stderr


@pytest.mark.parametrize(("name", "value"), [("MUISTIO_SMTP_PORT", "abc"), ("MUISTIO_TIMEZONE", "Mars/Base")])
def test_a_bad_setting_is_one_line(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, ["meetings"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"muistio: {name}: ") and result.stderr.count("\n") == 1
