"""Storing extractions: rows, idempotency, corrections, the next meeting, queries; SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel, select

from models import (
    ActionItem,
    ActionItemEvent,
    ActionItemOwner,
    ActionStatus,
    Meeting,
    MeetingStatus,
    Person,
    SourceDocument,
    session_scope,
)
from muistio.contract import (
    ActionEntry,
    AgendaEntry,
    DecisionEntry,
    Due,
    Extraction,
    NextMeeting,
    Participant,
    Source,
    WhenWhere,
)
from muistio.document import Document
from services.clock import FixedClock
from services.db import engine_for, upgrade_database
from services.store import (
    StoreError,
    StoreResult,
    calendar_uid,
    find_meeting,
    item_key,
    list_items,
    list_meetings,
    meeting_detail,
    store_extraction,
)

Counts = Callable[[str], dict[str, int]]
NOW = dt.datetime(2025, 9, 2, 9, 0, tzinfo=dt.UTC)
BODY = "Kaupungin digipalveluiden ohjausryhmä"


def document(text: str, name: str = "ohjausryhma-2025-09-02.txt") -> Document:
    """A hand-made read document."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(path=f"/tmp/{name}", format="txt", sha256=sha, source_text=text, text=text)


def extraction(
    doc: Document, *, items: list[ActionEntry] | None = None, next_date: str = "2025-10-14"
) -> Extraction:
    """A hand-made extraction of a short memo (own text, not the shared minutes)."""
    return Extraction(
        source=Source(path=doc.path, sha256=doc.sha256, format="txt"),
        language="fi",
        group=BODY,
        meeting=WhenWhere(date="2025-09-02", start="09:00", end="11:00", place="Kaupungintalo, nh Aalto"),
        participants=[
            Participant(name="Aino Virtanen", roles=["chair"]),
            Participant(name="Pekka Mäkelä", roles=["member"]),
            Participant(name="Liisa Korhonen", roles=["secretary"]),
            Participant(name="Juha Nieminen", roles=["presenter"], organization="Kaupunki", present=False),
        ],
        agenda=[AgendaEntry(number="1", title="Avaus"), AgendaEntry(number="2", title="Asiointipalvelu")],
        decisions=[DecisionEntry(text="Muistio hyväksyttiin", agenda_item="1", quote="Muistio hyväksyttiin")],
        action_items=items if items is not None else default_items(),
        next_meeting=NextMeeting(
            date=next_date, start="09:00", end="11:00", place="Kaupungintalo", agenda=["Palautekysely"]
        ),
    )


def default_items() -> list[ActionEntry]:
    """Three action items: a named owner, a first-name owner, an office."""
    return [
        ActionEntry(
            text="Selvitä asiointipalvelun käyttäjämäärät",
            owners=["Pekka Mäkelä"],
            due=Due(date="2025-09-30", precision="month", phrase="syyskuun loppuun mennessä"),
            agenda_item="2",
            quote="Pekka Mäkelä selvittää asiointipalvelun käyttäjämäärät syyskuun loppuun mennessä.",
        ),
        ActionEntry(
            text="Laadi palautekysely",
            owners=["Aino"],
            due=Due(date="2025-10-15", precision="day", phrase="15.10. mennessä"),
            agenda_item="2",
            quote="Aino laatii palautekyselyn 15.10. mennessä.",
        ),
        ActionEntry(
            text="Päivitä saavutettavuusseloste",
            owners=["Tietohallinto"],
            agenda_item="2",
            quote="Saavutettavuusseloste päivitetään.",
        ),
    ]


def store(url: str, ext: Extraction, doc: Document, now: dt.datetime = NOW) -> StoreResult:
    """Store in one transaction of its own."""
    with session_scope(engine_for(url)) as session:
        return store_extraction(ext, doc, session=session, now=now, uid_domain="test.local")


def approve_held(url: str, meeting_id: int | None, now: dt.datetime = NOW) -> StoreResult:
    """The secretary approves the meeting's held correction (in one transaction of its own)."""
    from services.corrections import approve_correction

    with session_scope(engine_for(url)) as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        return approve_correction(session, meeting, now=now, actor="Liisa", uid_domain="test.local")


def test_migration_gives_the_models_tables(empty_database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from models.migrations import alembic_config

    head = ScriptDirectory.from_config(alembic_config(empty_database_url)).get_current_head()
    assert upgrade_database(empty_database_url) == head
    engine = engine_for(empty_database_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    assert tables == set(SQLModel.metadata.tables) | {"alembic_version"}
    assert upgrade_database(empty_database_url) == head  # running it again is harmless


def test_calendar_uids_are_keyed_like_message_ids(database_url: str) -> None:
    day = dt.date(2025, 9, 2)
    keyed = calendar_uid(BODY, day, "test.local", "secret-one")
    assert keyed == calendar_uid(BODY.upper(), day, "test.local", "secret-one")  # stable for the meeting
    assert keyed != calendar_uid(BODY, day, "test.local", "secret-two")  # unguessable without the key
    assert keyed != calendar_uid(BODY, day, "test.local") and keyed.endswith("@test.local")
    doc = document("muistio 1")
    with session_scope(engine_for(database_url)) as session:
        result = store_extraction(
            extraction(doc), doc, session=session, now=NOW, uid_domain="test.local", uid_key="secret-one"
        )
    with session_scope(engine_for(database_url)) as session:
        meeting = session.get(Meeting, result.meeting_id)
        nxt = session.get(Meeting, result.next_meeting_id)
        assert meeting is not None and meeting.calendar_uid == keyed
        announced = calendar_uid(BODY, dt.date(2025, 10, 14), "test.local", "secret-one")
        assert nxt is not None and nxt.calendar_uid == announced


def test_store_creates_meeting_people_items_and_next_meeting(database_url: str) -> None:
    doc = document("muistio 1")
    result = store(database_url, extraction(doc), doc)
    assert (result.status, result.participants, result.action_items, result.created) == ("stored", 4, 3, 3)
    assert result.meeting_date == dt.date(2025, 9, 2) and result.next_meeting == dt.date(2025, 10, 14)
    with session_scope(engine_for(database_url)) as session:
        meeting = session.get(Meeting, result.meeting_id)
        assert meeting is not None and meeting.status == MeetingStatus.held
        assert meeting.starts_at == dt.datetime(2025, 9, 2, 6, 0, tzinfo=dt.UTC)  # 09:00 EEST
        assert meeting.calendar_uid == calendar_uid(BODY, dt.date(2025, 9, 2), "test.local")
        nxt = session.get(Meeting, result.next_meeting_id)
        assert nxt is not None and nxt.status == MeetingStatus.scheduled
        assert nxt.agenda_preview == ["Palautekysely"] and nxt.previous_meeting_id == meeting.id
        assert nxt.calendar_uid.endswith("@test.local") and nxt.calendar_uid != meeting.calendar_uid
        owners = {o.name: o.person_id for o in session.exec(select(ActionItemOwner))}
        people = {p.name: p.id for p in session.exec(select(Person))}
        # A first name resolves to the one participant who has it; an office stays a bare name.
        assert owners == {
            "Pekka Mäkelä": people["Pekka Mäkelä"],
            "Aino Virtanen": people["Aino Virtanen"],
            "Tietohallinto": None,
        }
        kinds = [e.kind for e in session.exec(select(ActionItemEvent))]
        assert kinds == ["created"] * 3
        assert (
            session.exec(select(Person).where(Person.name == "Juha Nieminen")).one().organization
            == "Kaupunki"
        )


def test_same_document_twice_adds_nothing(database_url: str, row_counts: Counts) -> None:
    doc = document("muistio 1")
    store(database_url, extraction(doc), doc)
    before = row_counts(database_url)
    again = store(database_url, extraction(doc), doc, now=NOW + dt.timedelta(days=1))
    assert again.status == "duplicate" and again.meeting_date == dt.date(2025, 9, 2) and again.body == BODY
    assert row_counts(database_url) == before


def test_corrected_minutes_keep_statuses_and_record_events(database_url: str) -> None:
    doc = document("muistio 1")
    first = store(database_url, extraction(doc), doc)
    first_item = default_items()[0]
    key = item_key(first_item.quote, first_item.due.phrase if first_item.due else None)
    with session_scope(engine_for(database_url)) as session:  # the secretary marks the first item done
        item = session.exec(select(ActionItem).where(ActionItem.key == key)).one()
        item.status = ActionStatus.done
        session.add(item)

    items = default_items()
    items[0].due = Due(date="2025-10-31", precision="month", phrase="lokakuun loppuun mennessä")
    items[0].quote = items[0].quote.replace("syyskuun", "lokakuun")  # the deadline moved: same item
    items[1].owners = ["Aino", "Liisa Korhonen"]
    # The quote's hyphenation and spacing differ: still the same item.
    items[1].quote = "Aino laatii  palaute-\nkyselyn 15.10. mennessä."
    new = ActionEntry(
        text="Varaa sali", owners=["Liisa Korhonen"], quote="Liisa varaa salin.", agenda_item="2"
    )
    corrected_doc = document("muistio 1, korjattu", "ohjausryhma-2025-09-02-korjattu.txt")
    later = NOW + dt.timedelta(days=3)
    held = store(
        database_url, extraction(corrected_doc, items=[items[0], items[1], new]), corrected_doc, later
    )
    assert (held.status, held.meeting_id, held.reason) == (
        "pending",
        first.meeting_id,
        "the correction cancels 1 action item",
    )
    result = approve_held(database_url, first.meeting_id, later)

    assert (result.status, result.meeting_id) == ("updated", first.meeting_id)
    assert (result.created, result.changed, result.cancelled, result.action_items) == (1, 2, 1, 3)
    with session_scope(engine_for(database_url)) as session:
        rows = {i.key: i for i in session.exec(select(ActionItem))}
        assert len(rows) == 4
        assert rows[key].status == ActionStatus.done and rows[key].due_date == dt.date(2025, 10, 31)
        gone = rows[item_key(default_items()[2].quote)]
        assert gone.status == ActionStatus.cancelled and gone.updated_at == later
        events = [
            (e.kind, e.old, e.new)
            for e in session.exec(select(ActionItemEvent).where(ActionItemEvent.at == later))
        ]
        assert ("due", "2025-09-30", "2025-10-31") in events
        assert ("owners", "Aino Virtanen", "Aino Virtanen, Liisa Korhonen") in events
        assert ("status", "open", "cancelled") in events
        assert ("created", None, "Varaa sali") in events
        outcomes = sorted(s.outcome for s in session.exec(select(SourceDocument)))
        assert outcomes == ["stored", "updated"]


def test_minutes_of_a_scheduled_meeting_keep_its_calendar_uid(database_url: str) -> None:
    doc = document("muistio 1")
    first = store(database_url, extraction(doc), doc)
    with session_scope(engine_for(database_url)) as session:
        uid = session.get(Meeting, first.next_meeting_id).calendar_uid  # type: ignore[union-attr]
    second_doc = document("muistio 2", "ohjausryhma-2025-10-14.txt")
    second = extraction(second_doc, items=[], next_date="2025-11-11")
    second.meeting = WhenWhere(date="2025-10-14", start="09:00", end="11:00", place="Kaupungintalo")
    result = store(database_url, second, second_doc)
    assert result.meeting_id == first.next_meeting_id
    with session_scope(engine_for(database_url)) as session:
        meeting = session.get(Meeting, result.meeting_id)
        assert meeting is not None and meeting.status == MeetingStatus.held and meeting.calendar_uid == uid


def test_correction_moving_the_next_meeting_cancels_the_old_date(database_url: str) -> None:
    doc = document("muistio 1")
    first = store(database_url, extraction(doc), doc)
    fixed = document("muistio 1 b")
    held = store(database_url, extraction(fixed, next_date="2025-10-21"), fixed)
    assert held.status == "pending" and held.reason == "the correction cancels or moves the next meeting"
    with session_scope(engine_for(database_url)) as session:  # nothing moved before approval
        old = session.get(Meeting, first.next_meeting_id)
        assert old is not None and old.status == MeetingStatus.scheduled and old.sequence == 0
    moved = approve_held(database_url, first.meeting_id)
    with session_scope(engine_for(database_url)) as session:
        old = session.get(Meeting, first.next_meeting_id)
        assert old is not None and old.status == MeetingStatus.cancelled and old.sequence == 1
        assert moved.next_meeting == dt.date(2025, 10, 21)


@pytest.mark.parametrize(
    "broken",
    [
        {"meeting": None},
        {"meeting": WhenWhere(date="2025-02-30")},
        {"group": None},
    ],
)
def test_unstorable_extraction_stores_nothing(
    database_url: str, broken: dict[str, object], row_counts: Counts
) -> None:
    doc = document("ei muistio")
    before = row_counts(database_url)
    with pytest.raises(StoreError) as info:
        store(database_url, extraction(doc).model_copy(update=broken), doc)
    assert "\n" not in str(info.value)
    assert row_counts(database_url) == before


def test_failure_midway_rolls_everything_back(database_url: str, row_counts: Counts) -> None:
    doc = document("muistio 1")
    ext = extraction(doc)
    before = row_counts(database_url)
    with pytest.raises(RuntimeError), session_scope(engine_for(database_url)) as session:
        store_extraction(ext, doc, session=session, now=NOW)
        raise RuntimeError("crash after the store, before commit")
    assert row_counts(database_url) == before


def test_queries(database_url: str) -> None:
    doc = document("muistio 1")
    store(database_url, extraction(doc), doc)
    with session_scope(engine_for(database_url)) as session:
        meetings = list_meetings(session=session)
        assert [(m.date, m.status, m.action_items) for m in meetings] == [
            (dt.date(2025, 9, 2), "held", 3),
            (dt.date(2025, 10, 14), "scheduled", 0),
        ]
        overdue = list_items(session=session, overdue_as_of=dt.date(2025, 10, 1))
        assert [i.owners for i in overdue] == [["Pekka Mäkelä"]]
        assert [i.text for i in list_items(session=session, owner="aino")] == ["Laadi palautekysely"]
        assert [i.text for i in list_items(session=session, owner="Mäkelä")] == [
            "Selvitä asiointipalvelun käyttäjämäärät"
        ]
        every = list_items(session=session)
        assert [i.due_date for i in every][-1] is None  # undated last
        detail = meeting_detail("2025-09-02", session=session)
        assert detail.body.name == BODY and len(detail.participants) == 4 and len(detail.items) == 3
        assert detail.next_meeting is not None and detail.next_meeting.date == dt.date(2025, 10, 14)
        assert [a.number for a in detail.agenda] == ["1", "2"]
        assert detail.sources == ["ohjausryhma-2025-09-02.txt"]
        for ref, words in [
            ("2024-01-01", "no meeting on"),
            ("999", "no meeting with id"),
            ("eilen", "neither"),
        ]:
            with pytest.raises(LookupError, match=words):
                find_meeting(ref, session=session)


def test_item_key_ignores_layout_and_the_deadline() -> None:
    base = item_key("Ville selvittää kustannukset 15.10. mennessä.", "15.10. mennessä")
    assert item_key("Ville selvit-\ntää  kustannukset 22.10. mennessä", "22.10. mennessä") == base
    assert item_key("VILLE SELVITTÄÄ KUSTANNUKSET.") == base
    assert item_key("Noora selvittää kustannukset.") != base


def test_fixed_clock_is_aware_and_moves() -> None:
    clock = FixedClock(NOW)
    clock.advance(dt.timedelta(hours=1))
    assert clock.now() == NOW + dt.timedelta(hours=1)
    with pytest.raises(ValueError):
        FixedClock(dt.datetime(2025, 1, 1))


# --- secretaries' changes --------------------------------------------------------------------


def test_item_done_reopen_assign_due_and_history(database_url: str) -> None:
    from services.store import ItemError, assign_item, item_history, mark_done, reopen_item, set_due

    doc = document("muistio 1")
    store(database_url, extraction(doc), doc)
    later = NOW + dt.timedelta(days=3)
    with session_scope(engine_for(database_url)) as session:
        item = session.exec(select(ActionItem).where(ActionItem.text == "Laadi palautekysely")).one()
        assert item.id is not None
        done = mark_done(item.id, session=session, actor="Liisa Korhonen", now=later, note="valmis")
        assert done.changed and item.status == ActionStatus.done and item.completed_at == later
        assert not mark_done(item.id, session=session, actor="Liisa Korhonen", now=later).changed
        assert reopen_item(item.id, session=session, actor="Liisa", now=later).changed
        assert item.status == ActionStatus.open and item.completed_at is None
        assign = assign_item(item.id, ["Pekka", "Kirjaamo"], session=session, actor="Liisa", now=later)
        assert (assign.old, assign.new) == ("Aino Virtanen", "Pekka Mäkelä, Kirjaamo")
        due = set_due(item.id, dt.date(2025, 10, 31), session=session, actor="Liisa", now=later)
        assert (due.old, due.new, item.due_phrase, item.due_precision) == (
            "2025-10-15",
            "2025-10-31",
            None,
            "day",
        )
        history = [(e.actor, e.kind, e.old, e.new, e.note) for e in item_history(item.id, session=session)]
        assert history == [
            ("ingest", "created", None, "Laadi palautekysely", "ohjausryhma-2025-09-02.txt"),
            ("Liisa Korhonen", "status", "open", "done", "valmis"),
            ("Liisa", "status", "done", "open", None),
            ("Liisa", "owners", "Aino Virtanen", "Pekka Mäkelä, Kirjaamo", None),
            ("Liisa", "due", "2025-10-15", "2025-10-31", None),
        ]
        with pytest.raises(ItemError, match=r"^no action item with id 9999$"):
            mark_done(9999, session=session, actor="Liisa", now=later)
        with pytest.raises(ItemError, match="at least one owner"):
            assign_item(item.id, [" "], session=session, actor="Liisa", now=later)
        item_id = item.id
    # A corrected version of the minutes moves the deadline; the secretary's own date and owners stand.
    fixed = document("muistio 1, korjattu")
    items = default_items()
    items[1] = items[1].model_copy(update={"due": Due(date="2025-10-20", precision="day", phrase="20.10.")})
    store(database_url, extraction(fixed, items=items), fixed, now=later)
    with session_scope(engine_for(database_url)) as session:
        kept = session.get(ActionItem, item_id)
        assert kept is not None and kept.due_date == dt.date(2025, 10, 31)
        owners = [
            o.name
            for o in session.exec(select(ActionItemOwner).where(ActionItemOwner.action_item_id == item_id))
        ]
        assert owners == ["Pekka Mäkelä", "Kirjaamo"]
