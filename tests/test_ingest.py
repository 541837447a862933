"""The ingest flow under a Prefect harness: idempotent, corrections keep statuses, bad files store nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from models import ActionItem, ActionItemEvent, ActionStatus, Meeting, MeetingStatus, session_scope
from services.db import engine_for

pytestmark = pytest.mark.prefect

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / ".." / "shared" / "minutes" / "diginyt-2018-05-22.txt"
MEMO = ROOT / "examples" / "minutes" / "digipalvelut-ohjausryhma-2025-09-09.txt"
Counts = Callable[[str], dict[str, int]]


@pytest.fixture
def ingest(prefect_harness: None, database_url: str, monkeypatch: pytest.MonkeyPatch):
    """The flow, writing to the test database."""
    monkeypatch.setenv("MUISTIO_DATABASE_URL", database_url)
    import asyncio

    from flows.ingest import ingest_minutes

    def run(path: str, body: str | None = None) -> dict[str, Any]:
        """One file as a batch of one; a rejected file ends the run Failed, naming the file and why."""
        state = asyncio.run(ingest_minutes([path], body, return_state=True))
        [result] = state.result(raise_on_failure=False)
        assert state.is_failed() == (result["status"] == "rejected"), state
        if state.is_failed():
            assert result["file_name"] in state.message and "\n" not in state.message
        return result

    return run


def test_seed_twice_adds_no_rows(ingest, database_url: str, row_counts: Counts) -> None:
    if not SEED.exists():
        pytest.skip(f"shared seed minutes not found at {SEED}")
    first = ingest(str(SEED))
    assert first["status"] == "stored" and first["meeting_date"] == "2018-05-22"
    assert first["participants"] >= 20 and first["action_items"] >= 3
    after_first = row_counts(database_url)
    assert after_first["actionitemevent"] == first["action_items"]  # one 'created' event per item
    second = ingest(str(SEED))
    assert second["status"] == "duplicate" and second["meeting_id"] == first["meeting_id"]
    assert row_counts(database_url) == after_first


def test_corrected_minutes_keep_done_and_cancel_what_is_gone(
    ingest, database_url: str, tmp_path: Path
) -> None:
    text = MEMO.read_text(encoding="utf-8")
    original = tmp_path / "memo.txt"
    original.write_text(text, encoding="utf-8")
    first = ingest(str(original))
    assert first["status"] == "stored" and first["next_meeting"] == "2025-10-14"

    with session_scope(engine_for(database_url)) as session:  # the secretary ticks one item off
        items = list(session.exec(select(ActionItem).where(ActionItem.meeting_id == first["meeting_id"])))
        done = next(i for i in items if i.due_date and i.due_date.isoformat() == "2025-10-15")
        done.status = ActionStatus.done
        session.add(done)
        before = {i.id: i.status for i in items}

    corrected = tmp_path / "memo-korjattu.txt"
    assert "15.10. mennessä" in text and "- Mobiilinäkymän korjaukset" in text
    fixed = text.replace("15.10. mennessä", "22.10. mennessä")
    fixed = "\n".join(
        line for line in fixed.splitlines() if not line.startswith("- Mobiilinäkymän korjaukset")
    )
    corrected.write_text(fixed, encoding="utf-8")
    held = ingest(str(corrected))  # it would cancel an item: held until the secretary approves
    assert held["status"] == "pending" and held["meeting_id"] == first["meeting_id"]
    assert held["reason"] == "the correction cancels 1 action item"
    from services.config import load_settings
    from services.corrections import approve

    approved = approve(str(first["meeting_id"]), settings=load_settings(), actor="sihteeri")
    second = approved["result"]
    assert second["status"] == "updated" and second["meeting_id"] == first["meeting_id"]
    assert second["created"] == 0 and second["cancelled"] == 1 and second["changed"] >= 1

    with session_scope(engine_for(database_url)) as session:
        now = {
            i.id: i
            for i in session.exec(select(ActionItem).where(ActionItem.meeting_id == first["meeting_id"]))
        }
        assert set(now) == set(before)  # nothing deleted
        assert now[done.id].status == ActionStatus.done
        assert str(now[done.id].due_date) == "2025-10-22"
        cancelled = [i for i in now.values() if i.status == ActionStatus.cancelled]
        assert len(cancelled) == 1 and cancelled[0].quote.startswith("Mobiilinäkymän korjaukset")
        kinds = {
            (e.action_item_id, e.kind, e.new)
            for e in session.exec(select(ActionItemEvent).where(ActionItemEvent.kind != "created"))
        }
        assert (done.id, "due", "2025-10-22") in kinds
        assert (cancelled[0].id, "status", "cancelled") in kinds
        scheduled = session.exec(select(Meeting).where(Meeting.status == MeetingStatus.scheduled)).all()
        assert [m.date.isoformat() for m in scheduled] == ["2025-10-14"]  # announced once, not twice


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 4),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("recipe.txt", "Mustikkapiirakka\n\nSekoita voi ja sokeri. Lisää jauhot ja marjat.\n".encode()),
    ],
)
def test_bad_files_are_rejected_and_store_nothing(
    ingest, database_url: str, row_counts: Counts, tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = row_counts(database_url)
    result = ingest(str(path))
    assert result["status"] == "rejected" and result["file_name"] == name
    assert result["error"] and "\n" not in result["error"]
    assert row_counts(database_url) == before
