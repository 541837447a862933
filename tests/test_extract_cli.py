"""`muistio extract`: JSON contract, readable summary, errors, and no Prefect on the import path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

SCHEMA = Path(__file__).resolve().parents[1] / ".." / "shared" / "spec" / "extraction.schema.json"
REPO = Path(__file__).resolve().parents[1]

MINUTES = """Lautapeliseuran hallitus

Aika: Ti 5.3.2024 klo 18-20
Paikka: Kerhotila, Puistokatu 3, Kuopio

Läsnä: Aino Aalto (pj), Eero Erkko, Iida Ilo (siht.) ja Olli Oja (poissa)

1. Kokouksen avaus
Puheenjohtaja avasi kokouksen klo 18.05.

2. Edellisen kokouksen pöytäkirja
Pöytäkirja hyväksyttiin.

3. Kevään tapahtumat
Eero hoitaa salivaraukset maaliskuun loppuun mennessä.

4. Seuraava kokous
Seuraava kokous ti 9.4. klo 18-20, Kerhotila.
"""


@pytest.fixture
def minutes_file(tmp_path: Path) -> Path:
    path = tmp_path / "hallitus-2024-03-05.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def test_json_is_the_contract_and_valid_against_the_schema(minutes_file: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(minutes_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    if SCHEMA.exists():
        import jsonschema

        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["schema"] == "muistio.extraction/1"
    assert data["meeting"] == {
        "date": "2024-03-05",
        "start": "18:00",
        "end": "20:00",
        "timezone": "Europe/Helsinki",
        "place": "Kerhotila, Puistokatu 3, Kuopio",
    }
    roles = {p["name"]: (p["roles"], p["present"]) for p in data["participants"]}
    assert roles == {
        "Aino Aalto": (["chair"], True),
        "Eero Erkko": (["member"], True),
        "Iida Ilo": (["secretary"], True),
        "Olli Oja": (["member"], False),
    }
    assert data["next_meeting"]["date"] == "2024-04-09"
    assert (data["next_meeting"]["start"], data["next_meeting"]["end"]) == ("18:00", "20:00")
    assert [d["agenda_item"] for d in data["decisions"]] == ["2"]


def test_json_output_is_exactly_to_json(minutes_file: Path) -> None:
    from muistio.extraction import extract
    from muistio.reading import read_document

    result = CliRunner().invoke(app, ["extract", str(minutes_file), "--json"])
    assert result.stdout == extract(read_document(minutes_file)).to_json() + "\n"


def test_summary_names_meeting_people_agenda_and_next_meeting(minutes_file: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(minutes_file)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Meeting: Lautapeliseuran hallitus, 2024-03-05 18:00-20:00" in out
    assert "Participants: 4 (3 present, 1 absent)" in out
    assert "  3. Kevään tapahtumat" in out
    assert "Next meeting: 2024-04-09 18:00-20:00, Kerhotila" in out
    assert "Action items:" in out and "Decisions: 1" in out


def test_min_confidence_option_filters_action_items(minutes_file: Path) -> None:
    all_items = json.loads(CliRunner().invoke(app, ["extract", str(minutes_file), "--json"]).stdout)
    none = CliRunner().invoke(app, ["extract", str(minutes_file), "--json", "--min-confidence", "1.0"])
    assert none.exit_code == 0
    kept = json.loads(none.stdout)["action_items"]
    assert all(a["confidence"] >= 1.0 for a in kept)
    assert len(kept) <= len(all_items["action_items"])
    bad = CliRunner().invoke(app, ["extract", str(minutes_file), "--min-confidence", "2"])
    assert bad.exit_code == 1 and "between 0 and 1" in bad.stderr


def test_unreadable_file_is_one_line_on_stderr(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.txt"
    result = CliRunner().invoke(app, ["extract", str(missing), "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"muistio: {missing}:")


def test_text_that_is_not_minutes_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text("mix the flour with water and bake it slowly until golden\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 1
    assert "does not look like minutes" in result.stderr
    assert result.stdout == ""


def test_extract_never_imports_prefect_or_sqlmodel(minutes_file: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cli", "extract", str(minutes_file), "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line]
    assert imported, "importtime printed nothing"
    assert not [m for m in imported if m.split(".")[0] in ("prefect", "sqlmodel")]


def test_the_entry_point_builds_only_the_command_asked_for() -> None:
    from cli.main import app_for

    one = app_for(["extract", "x.txt"])
    assert [i.callback.__name__ for i in one.registered_commands if i.callback] == ["extract"]
    assert not one.registered_groups
    group = app_for(["outbox", "list"])
    assert [g.name for g in group.registered_groups] == ["outbox"] and not group.registered_commands
    assert app_for(["nosuch"]) is app and app_for(["--help"]) is app and app_for([]) is app


def test_the_entry_point_prints_what_the_whole_app_prints(minutes_file: Path) -> None:
    whole = CliRunner().invoke(app, ["extract", str(minutes_file), "--json"])
    proc = subprocess.run(
        [sys.executable, "-m", "cli", "extract", str(minutes_file), "--json"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert proc.returncode == whole.exit_code == 0
    assert proc.stdout == whole.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "cli", "extract"], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert missing.returncode == 2 and "Missing argument" in missing.stderr
