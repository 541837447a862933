"""Case-blind names for Ä and Ö: one body however it is capitalised, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import select
from test_store import NOW, document, extraction

from models import Body, Person, session_scope
from models.columns import name_key
from services.db import engine_for
from services.roster import PersonEntry, find_body, upsert_people
from services.store import store_extraction


def ingest(url: str, text: str, body: str) -> int | None:
    doc = document(text, name=f"{abs(hash(text))}.txt")
    ext = extraction(doc).model_copy(update={"group": body})
    with session_scope(engine_for(url)) as session:
        result = store_extraction(ext, doc, session=session, now=NOW, uid_domain="test.local")
    return result.meeting_id


def bodies(url: str) -> list[tuple[str, str]]:
    with session_scope(engine_for(url)) as session:
        return [(b.name, b.name_key or "") for b in session.exec(select(Body))]


def test_the_key_folds_non_ascii_capitals_nfc_and_spaces() -> None:
    assert name_key("KOIVUKYLÄN  KOULU") == name_key("Koivukylän koulu") == "koivukylän koulu"
    assert name_key("A\u0308ÄNEKOSKI") == name_key("ääneKOSKI")  # decomposed Ä is the same letter
    assert name_key(" Öhman\tÅsa ") == "öhman åsa"


@pytest.mark.parametrize("second", ["KOIVUKYLÄN KOULU", "Koivukylän koulu", "koivukylän  KOULU"])
def test_upper_case_body_ingested_twice_is_one_body(database_url: str, second: str) -> None:
    first = ingest(database_url, "muistio yksi", "KOIVUKYLÄN KOULU")
    other = ingest(database_url, "muistio kaksi, korjattu", second)
    assert bodies(database_url) == [("KOIVUKYLÄN KOULU", "koivukylän koulu")]
    assert first == other  # the same body's same meeting, updated


def test_lower_case_first_then_upper_case(database_url: str) -> None:
    ingest(database_url, "muistio yksi", "Koivukylän koulu")
    ingest(database_url, "muistio kaksi", "KOIVUKYLÄN KOULU")
    assert [n for n, _ in bodies(database_url)] == ["Koivukylän koulu"]
    with session_scope(engine_for(database_url)) as session:
        assert find_body(session, "KOIVUKYLÄN koulu").name == "Koivukylän koulu"


def test_the_database_refuses_a_second_body_with_the_same_key(database_url: str) -> None:
    with session_scope(engine_for(database_url)) as session:
        session.add(Body(name="ÖLJYNETSINTÄ"))
    with pytest.raises(sa.exc.IntegrityError), session_scope(engine_for(database_url)) as session:
        session.add(Body(name="Öljynetsintä"))
    assert [n for n, _ in bodies(database_url)] == ["ÖLJYNETSINTÄ"]


def test_people_are_one_per_key_within_a_body(database_url: str) -> None:
    with session_scope(engine_for(database_url)) as session:
        body = find_body(session, "Hallitus", create=True)
        upsert_people(session, body, [PersonEntry(name="ÅSA ÖHMAN", email="asa@example.org")])
    with session_scope(engine_for(database_url)) as session:
        body = find_body(session, "hallitus")
        report = upsert_people(session, body, [PersonEntry(name="Åsa Öhman", language="sv")])
    assert report.updated == ["Åsa Öhman"] and report.added == []
    with session_scope(engine_for(database_url)) as session:
        (person,) = session.exec(select(Person)).all()
    assert (person.name, person.name_key, person.language) == ("ÅSA ÖHMAN", "åsa öhman", "sv")


def test_the_migration_backfills_keys_of_existing_rows(empty_database_url: str) -> None:
    from alembic import command

    from models.migrations import alembic_config

    engine = engine_for(empty_database_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(empty_database_url, connection=conn), "0001")
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO body (name, timezone, language, require_approval) "
                "VALUES ('KOIVUKYLÄN  KOULU', 'Europe/Helsinki', 'fi', false)"
            )
        )
    with engine.begin() as conn:
        command.upgrade(alembic_config(empty_database_url, connection=conn), "heads")
    with session_scope(engine) as session:
        (body,) = session.exec(select(Body)).all()
    assert body.name_key == "koivukylän koulu"
    assert (body.reminders, body.meeting_reminder_days, body.item_reminder_days) == (True, 2, 3)
