"""iCalendar invitations: golden files, lifecycle rules, and readers we did not write."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from icalendar import Calendar

from muistio.invite import (
    Attendee,
    CarriedItem,
    InviteError,
    InviteEvent,
    Organizer,
    build_calendar,
    build_stored_object,
    describe,
    is_material_change,
    next_sequence,
    stable_uid,
)
from muistio.vtimezone import build_vtimezone

HEL = ZoneInfo("Europe/Helsinki")
GOLDEN = Path(__file__).parent / "golden"
NODE_DIR = Path(__file__).parent / "node"
UPDATE_GOLDEN = os.environ.get("MUISTIO_UPDATE_GOLDEN") == "1"
START_UTC = datetime(2018, 6, 20, 10, 0, tzinfo=UTC)
END_UTC = datetime(2018, 6, 20, 12, 0, tzinfo=UTC)
NEW_PLACE = "Kansallismuseo, Mannerheimintie 34, Helsinki"


def seed_request() -> InviteEvent:
    """The seed body's next meeting as first announced (sequence 0)."""
    return InviteEvent(
        uid=stable_uid("DigiNYT-seurantaryhmä", "2018-06-20", "muistio.example.org"),
        sequence=0,
        summary="DigiNYT-seurantaryhmä",
        start=datetime(2018, 6, 20, 13, 0, tzinfo=HEL),
        end=datetime(2018, 6, 20, 15, 0, tzinfo=HEL),
        timezone="Europe/Helsinki",
        location="Mariankatu 9, Helsinki, nh Loppupeli",
        description="Seurantaryhmän seuraava kokous.",
        status="CONFIRMED",
        organizer=Organizer("Aleksi Kopponen", "aleksi.kopponen@example.org"),
        attendees=(
            Attendee("Olli-Pekka Heinonen", "olli-pekka.heinonen@example.org", "chair", "fi"),
            Attendee("Sanna Mäkelä", "sanna.makela@example.org", "req", "fi"),
            Attendee("Virtanen, Jyrki", "jyrki.virtanen@example.org", "opt", "en"),
            Attendee("Åsa Öhman-Kärkkäinen", "asa.ohman@example.org", "req", None),
        ),
        stamp=datetime(2018, 6, 1, 9, 0, tzinfo=UTC),
        agenda=("Kokouksen avaus", "Edellisen kokouksen muistio", "Tilannekatsaus; budjetti, aikataulu"),
        carried=(
            CarriedItem("Kootaan palaute kokeiluista", ("Sanna Mäkelä",), date(2018, 6, 15)),
            CarriedItem("Päivitetään tiekartta", ("Aleksi Kopponen", "Jyrki Virtanen"), None),
        ),
        language="fi",
    )


def seed_update() -> InviteEvent:
    """The same meeting moved to a new place: a material change, sequence 1."""
    return replace(
        seed_request(), sequence=1, location=NEW_PLACE, stamp=datetime(2018, 6, 8, 9, 0, tzinfo=UTC)
    )


def seed_cancel() -> InviteEvent:
    """The same meeting cancelled: sequence 2."""
    return replace(
        seed_update(), sequence=2, status="CANCELLED", stamp=datetime(2018, 6, 15, 9, 0, tzinfo=UTC)
    )


SEEDS = {
    "request": (seed_request, "REQUEST"),
    "update": (seed_update, "REQUEST"),
    "cancel": (seed_cancel, "CANCEL"),
}


def utc(value: object) -> datetime:
    """A parsed DTSTART/DTEND as UTC (fails the test when it is a plain date)."""
    assert isinstance(value, datetime)
    return value.astimezone(UTC)


def check_golden(name: str, data: bytes) -> None:
    """Compare bytes with tests/golden/<name>; MUISTIO_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden file {path} missing; run with MUISTIO_UPDATE_GOLDEN=1 to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert data == path.read_bytes(), (
        f"{name} differs from the golden file (MUISTIO_UPDATE_GOLDEN=1 to accept)"
    )


def ics_for(kind: str) -> bytes:
    """The calendar bytes for one seed version."""
    make, method = SEEDS[kind]
    return build_calendar(make(), method)  # type: ignore[arg-type]


# ---------------------------------------------------------------- golden files and format


@pytest.mark.parametrize("kind", list(SEEDS))
def test_golden_calendar(kind: str) -> None:
    check_golden(f"diginyt-{kind}.ics", ics_for(kind))


@pytest.mark.parametrize("kind", list(SEEDS))
def test_identical_input_gives_identical_bytes(kind: str) -> None:
    assert ics_for(kind) == ics_for(kind)


@pytest.mark.parametrize("kind", list(SEEDS))
def test_lines_are_crlf_and_folded_at_75_octets(kind: str) -> None:
    data = ics_for(kind)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 sequence


def test_request_has_the_itip_properties_in_fixed_order() -> None:
    text = ics_for("request").decode()
    unfolded = text.replace("\r\n ", "")
    heads = [line.split(":")[0].split(";")[0] for line in unfolded.split("\r\n") if line]
    vevent = heads[heads.index("UID") :]
    assert heads[:5] == ["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD"]
    assert heads.index("BEGIN") < heads.index("TZID") < heads.index("UID")  # VTIMEZONE before VEVENT
    assert [h for h in vevent if h not in ("BEGIN", "END", "ATTENDEE")] == [
        "UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION",
        "ORGANIZER", "STATUS", "TRANSP",
    ]  # fmt: skip
    assert "METHOD:REQUEST\r\n" in unfolded
    assert "DTSTART;TZID=Europe/Helsinki:20180620T130000\r\n" in unfolded
    assert "DTEND;TZID=Europe/Helsinki:20180620T150000\r\n" in unfolded
    assert "DTSTAMP:20180601T090000Z\r\n" in unfolded
    assert "LOCATION:Mariankatu 9\\, Helsinki\\, nh Loppupeli\r\n" in unfolded
    assert 'ORGANIZER;CN="Aleksi Kopponen":mailto:aleksi.kopponen@example.org' in unfolded
    assert (
        'ATTENDEE;CN="Olli-Pekka Heinonen";CUTYPE=INDIVIDUAL;ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;'
        "RSVP=TRUE:mailto:olli-pekka.heinonen@example.org" in unfolded
    )
    assert "ROLE=OPT-PARTICIPANT" in unfolded and "ROLE=REQ-PARTICIPANT" in unfolded
    assert "STATUS:CONFIRMED\r\nTRANSP:OPAQUE\r\n" in unfolded
    assert "VALARM" not in unfolded


def test_vtimezone_is_rrule_style_without_rdate() -> None:
    text = ics_for("request").decode()
    assert "RDATE" not in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "DTSTART:19700329T030000" in text and "DTSTART:19701025T040000" in text


def test_cancel_is_method_cancel_with_raised_sequence_and_no_rsvp() -> None:
    text = ics_for("cancel").decode().replace("\r\n ", "")
    assert "METHOD:CANCEL\r\n" in text
    assert "STATUS:CANCELLED\r\n" in text
    assert "SEQUENCE:2\r\n" in text
    assert "RSVP=TRUE" not in text
    assert "VALARM" not in text
    assert text.count("ATTENDEE;") == 4


def test_description_lists_agenda_and_carried_items_in_both_languages() -> None:
    fi = describe(seed_request(), "fi")
    en = describe(seed_request(), "en")
    assert "Asialista:\n1. Kokouksen avaus\n2. Edellisen kokouksen muistio" in fi
    assert "- Kootaan palaute kokeiluista (vastuu: Sanna Mäkelä; määräaika 15.6.2018)" in fi
    assert "- Päivitetään tiekartta (vastuu: Aleksi Kopponen, Jyrki Virtanen)" in fi
    assert "Agenda:\n1. Kokouksen avaus" in en
    assert "(owner: Sanna Mäkelä; due 15 June 2018)" in en
    assert "Open action items:" in en


def test_date_only_meeting_uses_value_date_and_no_vtimezone() -> None:
    ev = replace(seed_request(), start=date(2018, 6, 20), end=None)
    text = build_calendar(ev, "REQUEST").decode()
    assert "DTSTART;VALUE=DATE:20180620\r\n" in text
    assert "DTEND;VALUE=DATE:20180621\r\n" in text
    assert "VTIMEZONE" not in text and "TZID" not in text
    parsed = Calendar.from_ical(text).events[0]
    assert parsed.start == date(2018, 6, 20)


def test_utc_meeting_is_written_with_z_and_no_vtimezone() -> None:
    ev = replace(seed_request(), timezone="UTC")
    text = build_calendar(ev, "REQUEST").decode()
    assert "DTSTART:20180620T100000Z\r\n" in text and "VTIMEZONE" not in text


def test_title_injection_stays_inside_one_property() -> None:
    evil = "Fix; budget, now\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT"
    ev = replace(seed_request(), summary=evil, location="a\rb", description="x\nEND:VCALENDAR")
    cal = Calendar.from_ical(build_calendar(ev, "REQUEST"))
    assert len(cal.events) == 1
    event = cal.events[0]
    assert len(event.attendees) == 4
    assert "evil@example.com" in str(event["SUMMARY"])
    assert str(event["LOCATION"]) == "a b"


def test_names_with_quotes_and_newlines_become_clean_cn() -> None:
    ev = replace(seed_request(), attendees=(Attendee('Evil "Boss"\r\nX', "boss@example.org"),))
    text = build_calendar(ev, "REQUEST").decode()
    assert "CN=\"Evil 'Boss' X\"" in text
    assert "^" not in text  # no RFC 6868 caret escapes that some clients show literally


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "CANCELLED"}, "METHOD:CANCEL"),
        ({"sequence": -1}, "negative"),
        ({"end": datetime(2018, 6, 20, 12, 0, tzinfo=HEL)}, "end after"),
        ({"start": datetime(2018, 6, 20, 13, 0)}, "aware"),
        ({"attendees": ()}, "at least one attendee"),
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"organizer": Organizer("X", "not-an-address")}, "e-mail address"),
        ({"uid": "two words"}, "UID"),
        ({"summary": "  "}, "title"),
    ],
)
def test_bad_input_gives_one_line_error(change: dict[str, object], message: str) -> None:
    with pytest.raises(InviteError) as info:
        build_calendar(replace(seed_request(), **change), "REQUEST")  # type: ignore[arg-type]
    assert message in str(info.value) and "\n" not in str(info.value)


def test_cancel_with_sequence_zero_is_refused() -> None:
    with pytest.raises(InviteError, match="raise SEQUENCE"):
        build_calendar(seed_request(), "CANCEL")


# ---------------------------------------------------------------- lifecycle helpers


def test_material_changes_need_a_new_sequence() -> None:
    base = seed_request()
    assert is_material_change(base, seed_update())  # new place
    assert isinstance(base.start, datetime)
    assert is_material_change(base, replace(base, start=base.start + timedelta(hours=1)))
    assert is_material_change(base, replace(base, status="CANCELLED"))
    assert is_material_change(base, replace(base, start=date(2018, 6, 20), end=None))
    assert not is_material_change(base, replace(base, description="Uusi kuvaus.", agenda=("Muu",)))
    # The same instant written in another zone is not a change.
    same_utc = replace(base, start=START_UTC, end=END_UTC, timezone="UTC")
    assert not is_material_change(base, same_utc)
    assert next_sequence(base, seed_update()) == 1
    assert next_sequence(base, replace(base, description="x")) == 0


def test_stable_uid_is_stable_and_distinct() -> None:
    uid = stable_uid("DigiNYT-seurantaryhmä", "2018-06-20", "muistio.example.org")
    assert uid == stable_uid("DigiNYT-seurantaryhmä", "2018-06-20", "Muistio.Example.org")
    assert uid != stable_uid("DigiNYT-seurantaryhmä", "2018-08-22", "muistio.example.org")
    assert uid.endswith("@muistio.example.org") and " " not in uid
    with pytest.raises(InviteError):
        stable_uid("x", "y", "bad domain\r\n")


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("America/New_York", ["BYDAY=2SU;BYMONTH=3", "BYDAY=1SU;BYMONTH=11"]),
        ("Australia/Sydney", ["BYDAY=1SU;BYMONTH=10", "BYDAY=1SU;BYMONTH=4"]),
    ],
)
def test_vtimezone_rules_for_other_zones(zone: str, expected: list[str]) -> None:
    text = build_vtimezone(zone, 2018).to_ical().decode()
    for rule in expected:
        assert rule in text
    assert "RDATE" not in text


def test_vtimezone_for_zone_without_dst_is_one_standard() -> None:
    text = build_vtimezone("Asia/Tokyo", 2018).to_ical().decode()
    assert text.count("BEGIN:STANDARD") == 1 and "DAYLIGHT" not in text and "TZOFFSETTO:+0900" in text


@pytest.mark.parametrize(
    "zone", ["Europe/Helsinki", "America/New_York", "Asia/Jerusalem", "America/Sao_Paulo"]
)
def test_vtimezone_agrees_with_zoneinfo_through_the_year(zone: str) -> None:
    """icalendar reads our VTIMEZONE back; every hour of 2018 maps to the same UTC as zoneinfo says."""
    tz = ZoneInfo(zone)
    ev = replace(
        seed_request(),
        timezone=zone,
        start=datetime(2018, 6, 20, 13, tzinfo=tz),
        end=datetime(2018, 6, 20, 15, tzinfo=tz),
    )
    cal = Calendar.from_ical(build_calendar(ev, "REQUEST"))
    parsed_tz = cal.timezones[0].to_tz()
    probe = datetime(2018, 1, 1, 12, tzinfo=UTC)
    while probe.year == 2018:
        assert probe.astimezone(parsed_tz).utcoffset() == probe.astimezone(tz).utcoffset(), probe
        probe += timedelta(hours=7)


# ---------------------------------------------------------------- readers we did not write


@pytest.mark.parametrize("kind", list(SEEDS))
def test_icalendar_reads_the_meeting_at_10_utc(kind: str) -> None:
    cal = Calendar.from_ical(ics_for(kind))
    (event,) = cal.events
    assert utc(event.start) == START_UTC
    assert utc(event.end) == END_UTC
    assert event.uid == seed_request().uid
    assert event.sequence == {"request": 0, "update": 1, "cancel": 2}[kind]
    assert str(cal["METHOD"]) == SEEDS[kind][1]
    assert [a.name for a in event.attendees][:2] == ["Olli-Pekka Heinonen", "Sanna Mäkelä"]
    assert not cal.errors if hasattr(cal, "errors") else True


@pytest.mark.parametrize("kind", list(SEEDS))
def test_vobject_reads_the_meeting_at_10_utc(kind: str) -> None:
    vobject = pytest.importorskip("vobject")
    vcal = vobject.readOne(ics_for(kind).decode(), validate=True)
    ve = vcal.vevent
    assert ve.dtstart.value.astimezone(UTC) == START_UTC
    assert ve.dtend.value.astimezone(UTC) == END_UTC
    assert ve.location.value == (NEW_PLACE if kind != "request" else "Mariankatu 9, Helsinki, nh Loppupeli")
    assert vcal.method.value == SEEDS[kind][1]
    assert int(ve.sequence.value) == {"request": 0, "update": 1, "cancel": 2}[kind]
    assert "Tilannekatsaus; budjetti, aikataulu" in ve.description.value


def _ical_js_ready() -> Path:
    """tests/node with ical.js installed (npm install on first use), or skip when node/npm are absent."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are not installed; the ical.js (Thunderbird parser) check needs them")
    if not (NODE_DIR / "node_modules" / "ical.js").is_dir():
        cmd = [npm, "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund", "--loglevel=error"]
        if (NODE_DIR / "package-lock.json").exists():
            cmd[1] = "ci"  # exactly the locked version
        done = subprocess.run(cmd, cwd=NODE_DIR, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"npm could not install ical.js: {done.stderr.strip()[-500:]}"
    return Path(node)


def test_ical_js_reads_all_three_versions(tmp_path: Path) -> None:
    node = _ical_js_ready()
    files = []
    for kind in SEEDS:
        path = tmp_path / f"{kind}.ics"
        path.write_bytes(ics_for(kind))
        files.append(str(path))
    done = subprocess.run(
        [str(node), str(NODE_DIR / "check.mjs"), *files], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [r["method"] for r in results] == ["REQUEST", "REQUEST", "CANCEL"]
    for result, seq in zip(results, (0, 1, 2), strict=True):
        assert result["timezones"] == ["Europe/Helsinki"]
        (event,) = result["events"]
        assert event["start"] == "2018-06-20T10:00:00.000Z"
        assert event["end"] == "2018-06-20T12:00:00.000Z"
        assert event["tzid"] == "Europe/Helsinki"
        assert event["sequence"] == seq
        assert event["uid"] == seed_request().uid
        assert event["summary"] == "DigiNYT-seurantaryhmä"
        assert event["organizerCN"] == "Aleksi Kopponen"
        assert [a["cn"] for a in event["attendees"]][2:] == ["Virtanen, Jyrki", "Åsa Öhman-Kärkkäinen"]
        assert event["alarms"] == 0
    assert results[0]["events"][0]["location"] == "Mariankatu 9, Helsinki, nh Loppupeli"
    assert results[1]["events"][0]["location"] == NEW_PLACE
    assert results[2]["events"][0]["status"] == "CANCELLED"


def test_ical_js_reads_a_winter_meeting_in_helsinki(tmp_path: Path) -> None:
    """Our RRULE VTIMEZONE gives +02:00 in January too (the RDATE-list form got this wrong)."""
    node = _ical_js_ready()
    ev = replace(
        seed_request(),
        start=datetime(2019, 1, 16, 13, tzinfo=HEL),
        end=datetime(2019, 1, 16, 15, tzinfo=HEL),
    )
    path = tmp_path / "winter.ics"
    path.write_bytes(build_calendar(ev, "REQUEST"))
    done = subprocess.run([str(node), str(NODE_DIR / "check.mjs"), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["events"][0]["start"] == "2019-01-16T11:00:00.000Z"


# ---------------------------------------------------------------- Radicale (a CalDAV server) on loopback


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def radicale_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway Radicale server (no auth) on a free loopback port; yields the base URL."""
    pytest.importorskip("radicale")
    port = _free_port()
    log = (tmp_path / "radicale.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "radicale", "--config", "",
            "--server-hosts", f"127.0.0.1:{port}",
            "--auth-type", "none", "--rights-type", "authenticated",
            "--storage-filesystem-folder", str(tmp_path / "collections"),
            "--logging-level", "warning",
        ],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.request("OPTIONS", url + "/", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    pytest.fail(f"radicale did not start: {(tmp_path / 'radicale.log').read_text()[-500:]}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


_REPORT = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    {range}
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"""


def _report(client: httpx.Client, cal_url: str, start: str | None, end: str | None) -> list[str]:
    """calendar-data of every event matching a CalDAV calendar-query (optionally a time range)."""
    rng = f'<C:time-range start="{start}" end="{end}"/>' if start else ""
    resp = client.request(
        "REPORT",
        cal_url,
        content=_REPORT.format(range=rng).encode(),
        headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
    )
    assert resp.status_code == 207, resp.text
    import xml.etree.ElementTree as ET

    root = ET.fromstring(resp.content)
    return [el.text or "" for el in root.iter("{urn:ietf:params:xml:ns:caldav}calendar-data")]


def test_radicale_stores_updates_and_cancels_one_event(radicale_url: str) -> None:
    cal_url = f"{radicale_url}/muistio/invites/"
    with httpx.Client(timeout=10) as client:
        assert client.request("MKCOL", f"{radicale_url}/muistio/").status_code == 201
        assert client.request("MKCALENDAR", cal_url).status_code == 201
        href = cal_url + "diginyt-2018-06-20.ics"
        ctype = {"Content-Type": "text/calendar; charset=utf-8"}

        put = client.put(href, content=build_stored_object(seed_request()), headers=ctype)
        assert put.status_code == 201, put.text
        found = _report(client, cal_url, "20180620T100000Z", "20180620T120000Z")
        assert len(found) == 1 and "Mariankatu 9" in found[0].replace("\r\n ", "")
        # The placement is exact: nothing in the hour before or the hour after.
        assert _report(client, cal_url, "20180620T090000Z", "20180620T100000Z") == []
        assert _report(client, cal_url, "20180620T120000Z", "20180620T130000Z") == []

        put = client.put(href, content=build_stored_object(seed_update()), headers=ctype)
        assert put.status_code in (201, 204), put.text
        # The same UID under another name is refused (RFC 4791 no-uid-conflict): updates must replace.
        clash = client.put(cal_url + "other.ics", content=build_stored_object(seed_update()), headers=ctype)
        assert clash.status_code == 409
        everything = [Calendar.from_ical(text) for text in _report(client, cal_url, None, None)]
        assert len(everything) == 1
        (event,) = everything[0].events
        assert str(event["LOCATION"]) == NEW_PLACE and event.sequence == 1
        assert "METHOD" not in everything[0]

        put = client.put(href, content=build_stored_object(seed_cancel()), headers=ctype)
        assert put.status_code in (201, 204), put.text
        found = _report(client, cal_url, "20180620T100000Z", "20180620T120000Z")
        assert len(found) == 1
        (event,) = Calendar.from_ical(found[0]).events
        assert str(event["STATUS"]) == "CANCELLED" and event.sequence == 2
        assert utc(event.start) == START_UTC
