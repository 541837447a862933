"""The CLI around the desk: user add/token, body list, --body typos refused, dates people write, --by."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.web_support import make_app, make_item, settings_for


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A database with one body and one item; MUISTIO_* pointing at it."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    settings = settings_for(url, tmp_path)
    make_app(settings)
    ids = make_item(settings, body="DigiNYT-seurantaryhmä")
    monkeypatch.setenv("MUISTIO_DATABASE_URL", url)
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MUISTIO_USER", raising=False)
    yield ids
    from services.db import dispose_engines

    dispose_engines()


def test_body_list_and_typos_refused(env) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    listed = runner.invoke(app, ["body", "list"])
    assert listed.exit_code == 0 and "DigiNYT-seurantaryhmä" in listed.stdout
    as_json = json.loads(runner.invoke(app, ["body", "list", "--json"]).stdout)
    assert [b["name"] for b in as_json] == ["DigiNYT-seurantaryhmä"]
    typo = runner.invoke(app, ["people", "add", "Aino", "--body", "DigiNYT-seurantaryhma"])
    assert typo.exit_code == 1
    assert "no body named 'DigiNYT-seurantaryhma'" in typo.stderr and "'DigiNYT-seurantaryhmä'" in typo.stderr
    assert len(typo.stderr.strip().splitlines()) == 1
    assert len(json.loads(runner.invoke(app, ["body", "list", "--json"]).stdout)) == 1  # nothing created
    assert runner.invoke(app, ["people", "list", "--body", "Diginyt"]).exit_code == 1
    ok = runner.invoke(app, ["people", "add", "Aino", "--body", "diginyt-seurantaryhmä"])
    assert ok.exit_code == 0, ok.stderr


def test_user_add_reads_stdin_and_token_authenticates(env) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    added = runner.invoke(
        app,
        ["user", "add", "sari", "--role", "secretary", "--body", "DigiNYT-seurantaryhmä", "--password-stdin"],
        input="a long enough password\n",
    )
    assert added.exit_code == 0, added.stderr
    assert "secretary of DigiNYT-seurantaryhmä" in added.stdout
    short = runner.invoke(app, ["user", "add", "x", "--role", "admin", "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "at least" in short.stderr
    typo = runner.invoke(
        app, ["user", "add", "y", "--body", "Hallitus", "--password-stdin"], input="a long enough password\n"
    )
    assert typo.exit_code == 1 and "no body named 'Hallitus'" in typo.stderr
    token = runner.invoke(app, ["user", "token", "sari"])
    assert token.exit_code == 0 and token.stdout.startswith("mst_")
    from fastapi.testclient import TestClient

    from services.config import load_settings
    from web.app import create_app

    with TestClient(create_app(load_settings(), dev=True)) as client:
        me = client.get("/api/me", headers={"Authorization": f"Bearer {token.stdout.strip()}"})
        assert me.json() == {"name": "sari", "role": "secretary", "language": "fi",
                             "bodies": ["DigiNYT-seurantaryhmä"]}  # fmt: skip


@pytest.mark.parametrize(
    ("written", "expected"),
    [("30.9.2018", "2018-09-30"), ("2018-09-30", "2018-09-30"), ("30.9.", None), ("none", "none")],
)
def test_item_due_takes_the_dates_people_write(env, written: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    answer = runner.invoke(app, ["item", "due", str(env["item"]), written, "--by", "Sari"])
    assert answer.exit_code == 0, answer.stderr
    if expected is None:  # no year: the next 30 September from today
        today = dt.date.today()
        year = today.year if (today.month, today.day) <= (9, 30) else today.year + 1
        expected = f"{year}-09-30"
    assert f"-> {expected}" in answer.stdout


def test_item_due_refuses_what_is_not_a_date(env) -> None:  # type: ignore[no-untyped-def]
    answer = CliRunner().invoke(app, ["item", "due", str(env["item"]), "31.2.2026", "--by", "Sari"])
    assert answer.exit_code == 1 and "is not a date" in answer.stderr


def test_history_names_a_person_never_the_os_user(env, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    nobody = runner.invoke(app, ["item", "done", str(env["item"])])
    assert nobody.exit_code == 1 and "--by NAME" in nobody.stderr and "MUISTIO_USER" in nobody.stderr
    monkeypatch.setenv("MUISTIO_USER", "Sari Sihteeri")
    done = runner.invoke(app, ["item", "done", str(env["item"]), "--note", "ok"])
    assert done.exit_code == 0 and "(by Sari Sihteeri)" in done.stdout
    history = json.loads(runner.invoke(app, ["item", "history", str(env["item"]), "--json"]).stdout)
    assert history[-1]["actor"] == "Sari Sihteeri"
    assert runner.invoke(app, ["item", "reopen", str(env["item"]), "--by", "Aino"]).exit_code == 0
    history = json.loads(runner.invoke(app, ["item", "history", str(env["item"]), "--json"]).stdout)
    assert history[-1]["actor"] == "Aino"
