"""The date grammar (muistio/dates.py) against spec/dates.tsv, per rule family, and the false-date guards."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from muistio.dates import When, due_of, parse_time_range, resolve, scan

SPEC = Path(__file__).parents[1] / ".." / "shared" / "spec" / "dates.tsv"
REF = datetime(2018, 5, 22, 12, 0)  # a Tuesday


def _rows() -> list[tuple[str, ...]]:
    """The test vectors of spec/dates.tsv (none when the shared folder is absent)."""
    if not SPEC.exists():
        return []
    rows = []
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple((line.split("\t") + [""] * 7)[:7]))
    return rows


@pytest.mark.skipif(not SPEC.exists(), reason="../shared/spec/dates.tsv not present")
@pytest.mark.parametrize("row", _rows(), ids=lambda r: r[0])
def test_spec_vector(row: tuple[str, ...]) -> None:
    phrase, lang, ref, start, end, relation, anchor = row
    w = resolve(phrase, datetime.fromisoformat(ref), lang or None)
    assert w is not None, phrase
    got = w.to_json_dict()
    assert got["phrase"] == phrase
    assert (got["start"], got["end"], got["relation"], got["anchor"]) == (
        start or None,
        end or None,
        relation,
        anchor or None,
    )


def _r(phrase: str, lang: str | None = None, **kw: object) -> tuple[object, object, str]:
    """(start, end, relation) as JSON strings."""
    w = resolve(phrase, REF, lang, **kw)  # type: ignore[arg-type]
    assert w is not None, phrase
    d = w.to_json_dict()
    return d["start"], d["end"], str(d["relation"])


# --- numeric dates and weekdays ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("1.-3.6.2018", ("2018-06-01", "2018-06-03", "at")),
        ("30.6.-2.7.", ("2018-06-30", "2018-07-02", "at")),
        ("2018-06-20 14:00", ("2018-06-20T14:00", "2018-06-20T14:00", "at")),
        ("ma 28.5 klo 9", ("2018-05-28T09:00", "2018-05-28T09:00", "at")),
        ("TIISTAINA 29.5.", ("2018-05-29", "2018-05-29", "at")),
        ("alkaen 1.9.", ("2018-09-01", "2018-09-01", "from")),
        ("15.6. klo 12 mennessä", ("2018-06-15T12:00", "2018-06-15T12:00", "by")),
        ("the 5th day of March, 2024", ("2024-03-05", "2024-03-05", "at")),
        ("5/3 2024", ("2024-03-05", "2024-03-05", "at")),
        # a bare Swedish weekday needs a word before it, or its hour after it
        ("Onsdag 12:15", ("2018-05-23T12:15", "2018-05-23T12:15", "at")),
    ],
)
def test_numeric_dates(phrase: str, expected: tuple[str, str, str]) -> None:
    assert _r(phrase) == expected


def test_weekday_mismatch_keeps_date_and_warns() -> None:
    w = resolve("ke 21.6. klo 13-15", REF)
    assert w is not None
    assert w.start == datetime(2018, 6, 21, 13, 0)
    assert len(w.warnings) == 1 and "Thursday" in w.warnings[0]
    ok = resolve("Wednesday, June 20", REF, "en")
    assert ok is not None and ok.warnings == ()


def test_bare_weekdays_are_the_next_such_day() -> None:
    assert _r("tiistaina", "fi")[0] == "2018-05-29"  # today is Tuesday: the next one
    assert _r("keskiviikkona", "fi")[0] == "2018-05-23"
    assert _r("by Tuesday", "en") == ("2018-05-29", "2018-05-29", "by")
    assert _r("next Friday", "en")[0] == "2018-06-01"


def test_over_the_summer_in_swedish_is_during_it() -> None:
    assert _r("över sommaren", "sv") == ("2018-06-01", "2018-08-31", "during")


def test_an_abbreviated_weekday_after_a_deadline_word_or_a_qualifier() -> None:
    assert _r("by Wed", "en") == ("2018-05-23", "2018-05-23", "by")
    assert _r("next Fri.", "en")[0] == _r("next Friday", "en")[0]
    assert _r("on Thurs", "en")[0] == "2018-05-24"
    # alone, 'Wed' and 'Sun' are words and names as well: no date
    assert resolve("Wed", datetime(2018, 5, 22, 12), "en") is None
    assert resolve("the Sun reported", datetime(2018, 5, 22, 12), "en") is None


# --- year inference ------------------------------------------------------------------------------


def test_year_inference_by_vs_nearest() -> None:
    assert _r("19.4.")[0] == "2018-04-19"  # recent past: nearest
    assert _r("viimeistään 19.4.")[0] == "2019-04-19"  # a deadline: the next one not passed
    assert _r("tammikuussa")[0] == "2018-01-01"
    assert _r("tammikuun loppuun mennessä")[1] == "2019-01-31"
    w = resolve("29.2.", REF)
    assert w is not None and w.start in (date(2016, 2, 29), date(2020, 2, 29))  # only leap years have it


# --- months, seasons, thirds, years ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("kesäkuuhun mennessä", ("2018-06-01", "2018-06-30", "by")),
        ("kesäkuulle", ("2018-06-01", "2018-06-30", "during")),
        ("kesäkuusta alkaen", ("2018-06-01", "2018-06-30", "from")),
        ("joulu-tammikuussa", ("2017-12-01", "2018-01-31", "during")),
        ("20. kesäk.", ("2018-06-20", "2018-06-20", "at")),
        ("tammikuun puolivälissä", ("2018-01-11", "2018-01-20", "during")),
        ("syksyyn mennessä", ("2018-09-01", "2018-11-30", "by")),
        ("syksystä alkaen", ("2018-09-01", "2018-11-30", "from")),
        ("talvella 2019", ("2018-12-01", "2019-02-28", "during")),
        ("keskikesällä", ("2018-07-01", "2018-07-31", "during")),
        ("loppuvuodesta", ("2018-09-01", "2018-12-31", "during")),
        ("vuoden 2023 aikana", ("2023-01-01", "2023-12-31", "during")),
        ("vuoteen 2029 asti", ("2029-01-01", "2029-12-31", "until")),
        ("ensi vuonna", ("2019-01-01", "2019-12-31", "during")),
        ("June 2019", ("2019-06-01", "2019-06-30", "during")),
        ("mid-December 2018", ("2018-12-11", "2018-12-20", "during")),
        ("by the end of June", ("2018-06-01", "2018-06-30", "by")),
        ("in spring 2019", ("2019-03-01", "2019-05-31", "during")),
        ("late 2019", ("2019-09-01", "2019-12-31", "during")),
        ("by 2020", ("2020-01-01", "2020-12-31", "by")),
    ],
)
def test_periods(phrase: str, expected: tuple[str, str, str]) -> None:
    assert _r(phrase) == expected


# --- weeks, quarters, relative, anchors -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("viikon 32 loppuun mennessä", ("2018-08-06", "2018-08-12", "by")),
        ("week 25", ("2018-06-18", "2018-06-24", "during")),
        ("tällä viikolla", ("2018-05-21", "2018-05-27", "during")),
        ("Q3", ("2018-07-01", "2018-09-30", "during")),
        ("Q1/2019", ("2019-01-01", "2019-03-31", "during")),
        ("kolmannella neljänneksellä", ("2018-07-01", "2018-09-30", "during")),
        ("Q4:n loppuun mennessä", ("2018-10-01", "2018-12-31", "by")),
        ("ensi kuussa", ("2018-06-01", "2018-06-30", "during")),
        ("2 viikon sisällä", ("2018-05-22", "2018-06-05", "by")),
        ("ennen kuun vaihdetta", ("2018-05-01", "2018-05-31", "by")),
        ("within a week", ("2018-05-22", "2018-05-29", "by")),
        ("in 3 days", ("2018-05-25", "2018-05-25", "at")),
        ("next month", ("2018-06-01", "2018-06-30", "during")),
        ("tomorrow at 3pm", ("2018-05-23T15:00", "2018-05-23T15:00", "at")),
        ("huomenna klo 9.30", ("2018-05-23T09:30", "2018-05-23T09:30", "at")),
    ],
)
def test_weeks_quarters_relative(phrase: str, expected: tuple[str, str, str]) -> None:
    assert _r(phrase) == expected


def test_anchor_uses_next_meeting_when_known() -> None:
    w = resolve("by the next meeting", REF, "en", next_meeting=date(2018, 6, 20))
    assert w is not None and w.anchor == "next_meeting" and w.end == date(2018, 6, 20)
    assert due_of(w) == (date(2018, 6, 20), "meeting")
    unknown = resolve("ennen seuraavaa kokousta", REF, "fi")
    assert unknown is not None and unknown.start is None and unknown.relation == "by"
    assert due_of(unknown) == (None, "meeting")


def test_due_of_maps_precisions() -> None:
    q = resolve("by the end of Q3", REF, "en")
    assert q is not None and due_of(q) == (date(2018, 9, 30), "month")
    s = resolve("syksyksi 2018", REF, "fi")
    assert s is not None and due_of(s) == (date(2018, 11, 30), "season")
    t = resolve("20.6.2018 klo 13-15", REF)
    assert t is not None and due_of(t) == (date(2018, 6, 20), "day")


# --- times ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("klo 13-15", (time(13), time(15))),
        ("klo 18.00", (time(18), None)),
        ("13:00-15:00", (time(13), time(15))),
        ("18:00–20:00", (time(18), time(20))),
        ("3pm", (time(15), None)),
        ("2-3pm", (time(14), time(15))),
        ("11am-1pm", (time(11), time(13))),
        ("kello 9.15 — 10.45", (time(9, 15), time(10, 45))),
    ],
)
def test_parse_time_range(text: str, expected: tuple[time, time | None]) -> None:
    assert parse_time_range(text) == expected


def test_parse_time_range_ignores_plain_numbers() -> None:
    assert parse_time_range("osallistujia 13-15 henkeä") is None


# --- scanning running text and the false-date guards ----------------------------------------------


def _phrases(text: str, lang: str | None = None) -> list[str]:
    return [text[f.start : f.end] for f in scan(text, REF, lang)]


def test_scan_finds_longest_phrases_with_offsets() -> None:
    text = "Seuraava kokous pidetään ke 20.6. klo 13-15 kerhohuoneella. Raportti valmis syksyksi 2018."
    found = scan(text, REF, "fi")
    assert [text[f.start : f.end] for f in found] == ["ke 20.6. klo 13-15", "syksyksi 2018"]
    assert found[0].when.end == datetime(2018, 6, 20, 15, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Sivu 4 (7) jatkuu.",
        "Hallitus varasi 1,6 mrd euroa ja myöhemmin 1.6 miljardia.",
        "Tarvitaan 1-2 miljardia lisää, ehkä 40milj vuodessa.",
        "Päivitetään versioon 3.2.1 ja Python 3.11.",
        "Ks. § 12 ja kohta 3.2 liitteessä.",
        "Kokous alkoi klo 18.00 ja päättyi klo 19.45.",
        "Puheenjohtaja avasi kokouksen 9.07.",
        "Tulos kasvoi 2.2 prosenttiyksikköä.",
        "Kesän tapahtuma oli onnistunut.",
        "Google Summer of Code mentors were found.",
        "We may ask Jan about it; the March went well.",
        "Budget was 2.5 million.",
        "Röstade 5/3 2 nej.",
    ],
)
def test_scan_ignores_false_dates(text: str) -> None:
    assert _phrases(text) == []


def test_section_numbers_at_line_start_are_not_dates() -> None:
    text = "Esityslista\n • 2.1. Kokouksen puheenjohtaja\n • 2.2. Kokouksen sihteeri\n"
    assert _phrases(text, "fi") == []


def test_next_meeting_heading_is_no_anchor() -> None:
    text = "11) Next meeting\n\nApril 16th 2020. 2pm-3pm EDT"
    found = scan(text, datetime(2020, 4, 9, 12), "en")
    assert len(found) == 1
    assert found[0].when.start == datetime(2020, 4, 16, 14, 0)
    assert found[0].when.end == datetime(2020, 4, 16, 15, 0)


# --- the CLI -------------------------------------------------------------------------------------


def test_cli_when_json() -> None:
    result = CliRunner().invoke(app, ["when", "syksyksi 2018", "--ref", "2018-05-22T12:00", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "phrase": "syksyksi 2018",
        "start": "2018-09-01",
        "end": "2018-11-30",
        "precision": "season",
        "relation": "by",
        "anchor": None,
        "warnings": [],
    }


def test_cli_when_next_meeting_and_plain_line() -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "when",
            "by the next meeting",
            "--ref",
            "2018-05-22",
            "--lang",
            "en",
            "--next-meeting",
            "2018-06-20",
        ],
    )
    assert result.exit_code == 0
    assert "2018-06-20" in result.stdout and "next_meeting" in result.stdout


def test_cli_when_nothing_recognised() -> None:
    result = CliRunner().invoke(app, ["when", "ei päivämäärää", "--ref", "2018-05-22T12:00", "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no date recognised" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_when_json_dict_shape() -> None:
    w = When("x", date(2018, 6, 20), datetime(2018, 6, 20, 15, 0), "minute", "at")
    assert w.to_json_dict()["end"] == "2018-06-20T15:00"


def test_two_digit_year_and_spaced_dates_name_their_year() -> None:
    got = {
        t: [(t[f.start : f.end], f.when.start, f.when.year_given) for f in scan(t, REF)]
        for t in ("Kokous 3.11.17 klo 18", "pvm 9. 02 2019", "Ilmoitus 4.5.")
    }
    assert got["Kokous 3.11.17 klo 18"] == [("3.11.17 klo 18", datetime(2017, 11, 3, 18, 0), True)]
    assert got["pvm 9. 02 2019"] == [("9. 02 2019", date(2019, 2, 9), True)]
    assert got["Ilmoitus 4.5."][0][2] is False  # resolved against the reference, not given


def test_two_digit_year_guards() -> None:
    assert scan("versio 1.2.3 ja 1.6. 20 henkilöä", REF)[0].when.start == date(2018, 6, 1)
    assert len(scan("versio 1.2.3", REF)) == 0
    # A two-digit year far ahead of the reference is last century.
    assert scan("syntynyt 5.6.98", REF)[0].when.start == date(1998, 6, 5)


# --- holidays, offsets, prefer_future (action due dates) -------------------------------------------

_AUTUMN = datetime(2024, 9, 10, 12, 0)


@pytest.mark.parametrize(
    ("phrase", "lang", "day"),
    [
        ("juhannukseen mennessä", "fi", "2025-06-21"),  # the Saturday between 20 and 26 June
        ("ennen juhannusta", "fi", "2025-06-21"),
        ("jouluun mennessä", "fi", "2024-12-24"),
        ("vappuun mennessä", "fi", "2025-05-01"),
        ("pääsiäiseen mennessä", "fi", "2025-04-20"),  # computus
        ("itsenäisyyspäivään mennessä", "fi", "2024-12-06"),
        ("uudenvuoden", "fi", None),  # a bare genitive says nothing about when
        ("by Christmas", "en", "2024-12-25"),
        ("before Easter", "en", "2025-04-20"),
        ("by Memorial Day", "en", "2025-05-26"),  # last Monday of May
        ("by Labor Day", "en", "2025-09-01"),  # first Monday of September (2024's is past)
        ("by Thanksgiving", "en", "2024-11-28"),  # fourth Thursday of November
    ],
)
def test_holidays(phrase: str, lang: str, day: str | None) -> None:
    w = resolve(phrase, _AUTUMN, lang)
    if day is None:
        assert w is None or w.end is None or w.phrase != phrase
        return
    assert w is not None and w.end is not None and w.end.isoformat() == day and w.relation == "by"


def test_easter_computus_known_years() -> None:
    from muistio.dates import _easter

    assert [_easter(y).isoformat() for y in (2019, 2024, 2025, 2038)] == [
        "2019-04-21",
        "2024-03-31",
        "2025-04-20",
        "2038-04-25",
    ]


def test_school_breaks_and_holiday_events_are_not_dates() -> None:
    assert resolve("before spring break", _AUTUMN, "en") is None
    assert resolve("Christmas party", _AUTUMN, "en") is None
    assert resolve("joulujuhla", _AUTUMN, "fi") is None


@pytest.mark.parametrize("phrase", ["viikon kuluessa", "viikon sisällä"])
def test_within_a_week_in_finnish(phrase: str) -> None:
    w = resolve(phrase, _AUTUMN, "fi")
    assert w is not None and (w.start, w.end, w.relation) == (date(2024, 9, 10), date(2024, 9, 17), "by")


@pytest.mark.parametrize(
    ("phrase", "lang", "nearest", "future"),
    [
        ("in April", "en", "2024-04-30", "2025-04-30"),
        ("kesäkuussa", "fi", "2024-06-30", "2025-06-30"),
        ("March 18", "en", "2024-03-18", "2025-03-18"),
        ("syksyn aikana", "fi", "2024-11-30", "2024-11-30"),  # the current period has not ended
    ],
)
def test_prefer_future_only_when_asked(phrase: str, lang: str, nearest: str, future: str) -> None:
    plain = resolve(phrase, _AUTUMN, lang)
    ahead = resolve(phrase, _AUTUMN, lang, prefer_future=True)
    assert plain is not None and ahead is not None
    assert _fmt_end(plain) == nearest  # `muistio when` keeps dates.md: the nearest occurrence
    assert _fmt_end(ahead) == future


def _fmt_end(w: When) -> str:
    end = w.to_json_dict()["end"]
    assert isinstance(end, str)
    return end


@pytest.mark.parametrize(
    ("phrase", "sunday"),
    [
        ("fix it EOW", "2018-05-27"),
        ("by EOW", "2018-05-27"),
        ("by end of week", "2018-05-27"),
        ("by the end of the week", "2018-05-27"),
        ("by end of next week", "2018-06-03"),
    ],
)
def test_end_of_week_is_the_iso_weeks_sunday(phrase: str, sunday: str) -> None:
    found = scan(phrase, REF, "en")
    assert found and due_of(found[0].when)[0] == date.fromisoformat(sunday)


@pytest.mark.parametrize(
    ("phrase", "lang", "start", "end", "relation"),
    [
        ("within a fortnight", "en", "2025-03-05", "2025-03-19", "by"),
        ("within the week", "en", "2025-03-03", "2025-03-09", "by"),
        ("over the summer", "en", "2025-06-01", "2025-08-31", "during"),
        ("in May", "en", "2025-05-01", "2025-05-31", "during"),
        ("kahden viikon kuluessa", "fi", "2025-03-05", "2025-03-19", "by"),
        ("kesän aikana", "fi", "2025-06-01", "2025-08-31", "during"),
    ],
)
def test_period_phrases_of_action_items(phrase: str, lang: str, start: str, end: str, relation: str) -> None:
    found = scan(phrase, datetime(2025, 3, 5, 12, 0), lang)
    assert found, phrase
    w = found[0].when
    assert (str(w.start)[:10], str(w.end)[:10], w.relation) == (start, end, relation)


def test_the_modal_may_is_no_month() -> None:
    assert scan("we may meet later", datetime(2025, 3, 5, 12, 0), "en") == []


# --- Swedish: every row of spec/dates-sv.tsv ------------------------------------------------------

SPEC_SV = SPEC.with_name("dates-sv.tsv")


def _sv_rows() -> list[tuple[str, ...]]:
    """The test vectors of spec/dates-sv.tsv (none when the shared folder is absent)."""
    if not SPEC_SV.exists():
        return []
    return [
        tuple((line.split("\t") + [""] * 7)[:7])
        for line in SPEC_SV.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@pytest.mark.skipif(not SPEC_SV.exists(), reason="../shared/spec/dates-sv.tsv not present")
@pytest.mark.parametrize("row", _sv_rows(), ids=lambda r: r[0])
def test_spec_vector_sv(row: tuple[str, ...]) -> None:
    test_spec_vector(row)


def test_cli_when_swedish() -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["when", "senast den 31 augusti", "--ref", "2018-05-22T12:00", "--lang", "sv", "--json"]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["end"] == "2018-08-31" and json.loads(result.stdout)["relation"] == "by"
    bad = runner.invoke(app, ["when", "i juni", "--ref", "2018-05-22", "--lang", "de"])
    assert bad.exit_code != 0 and "fi, sv or en" in bad.stderr


@pytest.mark.parametrize(
    ("phrase", "lang", "start"),
    [
        ("2024/03/05", "en", "2024-03-05"),
        ("2024.03.05 klo 18", "fi", "2024-03-05T18:00"),
        ("ensi viikon tiistaina", "fi", "2018-05-29"),
        ("Tuesday next week", "en", "2018-05-29"),
        ("next week on Tuesday", "en", "2018-05-29"),
        ("tisdag nästa vecka", "sv", "2018-05-29"),
    ],
)
def test_year_first_slashes_and_weekdays_of_next_week(phrase: str, lang: str, start: str) -> None:
    # Monday 21 May 2018: a bare 'tiistaina' would be the next day, 'ensi viikon tiistaina' is a week later.
    w = resolve(phrase, datetime(2018, 5, 21, 12, 0), lang)
    assert w is not None and w.phrase == phrase and w.to_json_dict()["start"] == start


def test_version_numbers_are_no_year_first_dates() -> None:
    assert scan("versio 2019.1.2", REF, "fi") == []


def test_a_bare_swedish_weekday_without_an_hour_is_no_date() -> None:
    assert resolve("onsdag", REF, "sv") is None
    assert _phrases("Vi träffas på onsdag och torsdag 12.15.") != []


def test_a_company_named_sun_is_no_sunday() -> None:
    found = scan("The patch was contributed by Sun Microsystems.", REF, "en")
    assert found == []
