"""The roster: CSV/YAML import per body, one-line errors naming the line, bodies' settings, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from typer.testing import CliRunner

from models.session import session_scope
from models.tables import Body, Person
from services.roster import (
    RosterError,
    add_person,
    find_body,
    import_people,
    list_people,
    make_entry,
    parse_csv,
    parse_yaml,
    set_body,
)

GOOD_CSV = """name,email,aliases,organization,language
Sanna Mäkelä,sanna.makela@Example.ORG,Mäkelä;S. Mäkelä,Kaupunki,fi
"Virtanen, Jyrki",jyrki@example.org,,Yhdistys ry,en
Åsa Öhman,,,,
"""


def people(engine: Engine) -> list[Person]:
    with session_scope(engine) as s:
        return list(s.exec(select(Person).order_by(Person.name)).all())


def test_csv_rows_become_entries() -> None:
    entries = parse_csv(GOOD_CSV, "people.csv")
    assert [e.name for e in entries] == ["Sanna Mäkelä", "Virtanen, Jyrki", "Åsa Öhman"]
    sanna = entries[0]
    assert sanna.email == "sanna.makela@example.org"  # domain lower-cased, local part kept
    assert sanna.aliases == ["Mäkelä", "S. Mäkelä"]
    assert (sanna.organization, sanna.language) == ("Kaupunki", "fi")
    assert entries[2].email is None and entries[2].aliases == []


def test_csv_without_header_and_with_comments() -> None:
    entries = parse_csv("# roster\nMatti Meikäläinen,matti@example.org\n\n", "p.csv")
    assert [(e.name, e.email) for e in entries] == [("Matti Meikäläinen", "matti@example.org")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,email\nA,a@example.org\nB,nobody\n", "people.csv line 3: 'nobody' is not an e-mail"),
        ("A,a@example.org,,,fi,extra\n", "people.csv line 1: 6 fields, at most 5"),
        ("A,a@example.org,,,de\n", "people.csv line 1: language 'de' is not one of fi, sv, en"),
        ("A,a@example.org\n ,b@example.org\n", "people.csv line 2: the name is empty"),
        ("A,a@example.org\na,b@example.org\n", "people.csv line 2: 'a' is already on people.csv line 1"),
        ("name,mail\nA,a@example.org\n", "people.csv line 1: unknown column 'mail'"),
    ],
)
def test_bad_csv_gives_one_line_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(RosterError) as info:
        parse_csv(text, "people.csv")
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_yaml_roster() -> None:
    text = """
people:
  - name: Sanna Mäkelä
    email: sanna@example.org
    aliases: [Mäkelä, S. M.]
    language: fi
  - name: Pekka
    aliases: "P.;Pekka J."
  - Liisa Virta
"""
    entries = parse_yaml(text, "people.yaml")
    assert [e.name for e in entries] == ["Sanna Mäkelä", "Pekka", "Liisa Virta"]
    assert entries[0].aliases == ["Mäkelä", "S. M."] and entries[1].aliases == ["P.", "Pekka J."]
    with pytest.raises(RosterError, match=r"^people.yaml entry 2: unknown field 'mail'$"):
        parse_yaml("- name: A\n- name: B\n  mail: b@example.org\n", "people.yaml")
    with pytest.raises(RosterError, match=r"^people.yaml line 3: not valid YAML"):
        parse_yaml("- name: A\n  email: [unclosed\n", "people.yaml")


def test_import_is_all_or_nothing(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("Sanna,sanna@example.org\nPekka,pekka@@example.org\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r"people\.csv line 2"), session_scope(engine) as s:
        import_people(s, bad, body="Hallitus")
    assert people(engine) == []


def test_import_per_body_and_reimport_updates(engine: Engine, tmp_path: Path) -> None:
    roster = tmp_path / "people.csv"
    roster.write_text(GOOD_CSV, encoding="utf-8")
    with session_scope(engine) as s:
        report = import_people(s, roster, body="Hallitus")
    assert report.summary() == "Hallitus: 3 added, 0 updated, 0 unchanged"
    roster.write_text("Åsa Öhman,asa@example.org\nSanna Mäkelä,,,,\n", encoding="utf-8")
    with session_scope(engine) as s:
        again = import_people(s, roster, body="Hallitus")
        other = import_people(s, roster, body="Työryhmä")
    assert (again.updated, again.unchanged) == (["Åsa Öhman"], ["Sanna Mäkelä"])
    assert other.added == ["Åsa Öhman", "Sanna Mäkelä"]
    with session_scope(engine) as s:
        rows = list_people(s, body="Hallitus")
        assert [p.name for _, p in rows] == ["Sanna Mäkelä", "Virtanen, Jyrki", "Åsa Öhman"]
        assert rows[0][1].email == "sanna.makela@example.org"  # an empty field keeps what is known
        assert rows[2][1].email == "asa@example.org"
        assert len(list_people(s)) == 5


def test_body_settings_and_lookup(engine: Engine) -> None:
    with session_scope(engine) as s:
        with pytest.raises(RosterError, match="no bodies yet"):
            find_body(s, None)
        body = set_body(
            s, "Hallitus", organizer_name="Pekka Järvinen", organizer_email="pekka@example.org",
            timezone="Europe/Helsinki", language="en", require_approval=True,
        )  # fmt: skip
        assert find_body(s, None).id == body.id  # the only body is the default
        with pytest.raises(RosterError, match=r"unknown time zone 'Mars/Olympus'"):
            set_body(s, "Hallitus", timezone="Mars/Olympus")
        with pytest.raises(RosterError, match="is not an e-mail address"):
            set_body(s, "Hallitus", organizer_email="pekka")
        set_body(s, "Työryhmä")
        with pytest.raises(
            RosterError, match=r"several bodies \(Hallitus, Työryhmä\); choose one with --body"
        ):
            find_body(s, None)
        add_person(s, make_entry("add", "Liisa", "liisa@example.org"), body="Työryhmä")
    with session_scope(engine) as s:
        stored = s.exec(select(Body).where(Body.name == "Hallitus")).one()
        assert (stored.organizer_name, stored.language, stored.require_approval) == (
            "Pekka Järvinen",
            "en",
            True,
        )


# --- CLI ---------------------------------------------------------------------------------------


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path))
    yield CliRunner()


def test_cli_people_import_add_list_and_body_set(cli: CliRunner, tmp_path: Path) -> None:
    from cli.main import app

    roster = tmp_path / "people.csv"
    roster.write_text(GOOD_CSV, encoding="utf-8")
    done = cli.invoke(app, ["people", "import", str(roster), "--body", "Hallitus"])
    assert done.exit_code == 0 and "Hallitus: 3 added" in done.output
    added = cli.invoke(
        app, ["people", "add", "Liisa Virta", "--email", "liisa@example.org", "--aliases", "L. Virta;Liisa",
              "--language", "en", "--body", "Hallitus"],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = json.loads(cli.invoke(app, ["people", "list", "--body", "Hallitus", "--json"]).output)
    liisa = next(p for p in listed if p["name"] == "Liisa Virta")
    assert liisa["aliases"] == ["L. Virta", "Liisa"] and liisa["language"] == "en"
    text = cli.invoke(app, ["people", "list"]).output
    assert "Åsa Öhman\t(no address)" in text
    setting = cli.invoke(
        app, ["body", "set", "Hallitus", "--organizer-name", "Pekka", "--organizer-email", "p@example.org",
              "--require-approval"],
    )  # fmt: skip
    assert setting.exit_code == 0 and "approval required" in setting.output


def test_cli_bad_roster_is_one_line_and_imports_nothing(cli: CliRunner, tmp_path: Path) -> None:
    from cli.main import app

    roster = tmp_path / "people.csv"
    roster.write_text("Sanna,sanna@example.org\nPekka,pekka at example.org\n", encoding="utf-8")
    result = cli.invoke(app, ["people", "import", str(roster), "--body", "Hallitus"])
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == "muistio: people.csv line 2: 'pekka at example.org' is not an e-mail address"
    )
    assert "Traceback" not in result.output
    listed = cli.invoke(app, ["people", "list"])
    assert "no people yet" in listed.output


def test_an_address_that_would_inject_a_header_is_refused() -> None:
    # An RFC 2047 encoded word in the local part would decode to CRLF in the To header (CVE-2024-6923).
    with pytest.raises(RosterError, match=r"line 1: .* is not an e-mail address"):
        parse_csv("Eve,=?utf-8?q?a=0D=0AX-Injected=3A_1?=@example.org\n", "people.csv")
