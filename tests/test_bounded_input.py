"""Input that cannot hurt: only regular files, bounded time and memory, bad settings in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from muistio.document import ReadError
from muistio.plaintext import unsafe_character
from muistio.reading import read_document
from muistio.settings import Settings
from services.parsing import BoundedParser, ParseError, ParseLimits, parse_minutes
from services.roster import RosterError, make_entry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "minutes" / "digipalvelut-ohjausryhma-2025-09-09.txt"
Counts = Callable[[str], dict[str, int]]


def muistio(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process (limits apply to a whole process)."""
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("note:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("muistio: ")
    return lines[0]


def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "minutes.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReadError, match="named pipe"):
        read_document(pipe)
    assert "named pipe" in one_line_error(muistio("extract", str(pipe), timeout=30))


def test_devices_folders_and_links_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(ReadError, match="outside its folder"):
        read_document(zero)
    with pytest.raises(ReadError, match="device"):
        read_document(Path("/dev/zero"))
    with pytest.raises(ReadError, match="folder"):
        read_document(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "real.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "link.txt").symlink_to(outside / "real.txt")
    with pytest.raises(ReadError, match="outside its folder"):
        read_document(inbox / "link.txt")


def test_a_link_within_its_folder_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "current.txt").symlink_to("real.txt")
    assert read_document(tmp_path / "current.txt").text == read_document(real).text


def test_unreadable_file_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode; the permission check cannot be shown as root")
    secret = tmp_path / "minutes.txt"
    secret.write_text("x", encoding="utf-8")
    secret.chmod(0)
    assert "cannot read file" in one_line_error(muistio("extract", str(secret)))


def test_the_child_reads_like_this_process_and_is_reused(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    parser = BoundedParser(ParseLimits(seconds=60, memory_mb=1024))
    try:
        doc, found = parser.parse(str(EXAMPLE), settings=settings)
        child = parser._child
        assert child is not None
        doc2, again = parser.parse(str(EXAMPLE), settings=settings)
        assert parser._child is child  # one child for a batch: its start is paid once
    finally:
        parser.close()
    from muistio.extraction import extract
    from muistio.morphology import morphology_for

    here = extract(
        read_document(EXAMPLE),
        timezone=settings.timezone,
        min_confidence=settings.min_confidence,
        morphology=morphology_for(settings.morphology),
    )
    assert found.to_json() == here.to_json() == again.to_json()
    assert doc.sha256 == doc2.sha256


def test_time_limit_stops_the_child_and_the_next_file_still_reads(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    big = tmp_path / "long.txt"
    big.write_text(EXAMPLE.read_text(encoding="utf-8") * 300, encoding="utf-8")
    slow = BoundedParser(ParseLimits(seconds=0.2, memory_mb=1024))
    try:
        with pytest.raises(ParseError, match=r"longer than 0\.2 s"):
            slow.parse(str(big), settings=settings)
        assert slow._child is None  # killed, not left running
    finally:
        slow.close()
    _doc, found = parse_minutes(EXAMPLE, settings=settings)
    assert found.meeting.date is not None


def test_memory_limit_is_one_line_and_the_child_is_replaced(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, parse_max_chars=50_000_000)
    big = tmp_path / "huge.txt"
    line = "Riku selvittää asian ja hallitus päättää 15.3.2024 klo 12.\n"
    big.write_text("Hallituksen kokous 12.3.2024\n" + line * 150_000, encoding="utf-8")
    parser = BoundedParser(ParseLimits(seconds=120, memory_mb=200, max_chars=50_000_000))
    try:
        with pytest.raises(ParseError, match="more than 200 MB"):
            parser.parse(str(big), settings=settings)
        _doc, found = parser.parse(str(EXAMPLE), settings=settings)
        assert found.meeting.date is not None
    finally:
        parser.close()


def test_overlong_text_is_refused_before_extraction(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text(EXAMPLE.read_text(encoding="utf-8") * 20, encoding="utf-8")
    line = one_line_error(muistio("extract", str(long), env={"MUISTIO_PARSE_MAX_CHARS": "10000"}))
    assert "the limit is 10000" in line


def test_cli_limits_end_in_one_line() -> None:
    line = one_line_error(muistio("extract", str(EXAMPLE), env={"MUISTIO_PARSE_SECONDS": "0.01"}))
    assert "longer than 0.01 s" in line


def test_ingest_of_a_device_stores_nothing(
    database_url: str, tmp_path: Path, row_counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUISTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    pipe = tmp_path / "minutes.txt"
    os.mkfifo(pipe)
    before = row_counts(database_url)
    result = CliRunner().invoke(app, ["ingest", str(pipe)])
    assert result.exit_code == 1
    assert "named pipe" in result.stderr
    assert row_counts(database_url) == before


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("foo", "is not a database URL"),
        ("mysql://a/b", "is not a database URL"),
        ("postgresql://host-only", "is not a database URL"),
        ("sqlite:///no/such/folder/x.db", "does not exist"),
    ],
)
def test_bad_database_url_is_one_line_naming_the_forms(url: str, words: str) -> None:
    line = one_line_error(muistio("meetings", env={"MUISTIO_DATABASE_URL": url}))
    assert words in line and "MUISTIO_DATABASE_URL" in line
    assert not (ROOT / "no").exists()


@pytest.mark.parametrize(
    ("value", "what"),
    [
        ("Eve\u202eevE", "text-direction"),
        ("Eve\u2066x", "text-direction"),
        ("Eve\nBob", "line break"),
        ("Eve\x07", "control character"),
    ],
)
def test_roster_fields_refuse_control_and_bidi_characters(value: str, what: str) -> None:
    assert unsafe_character(value) is not None
    for field in ("name", "organization", "aliases"):
        kwargs = {"name": "Eve Example", field: value}
        with pytest.raises(RosterError, match=what):
            make_entry("roster.csv line 2", **kwargs)
    assert unsafe_character("Åsa Öberg-Lindqvist (VM)") is None
