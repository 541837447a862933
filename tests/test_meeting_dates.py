"""The meeting's date and the next meeting: scored candidates, Swedish, impossible dates, long texts."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from muistio.contract import Extraction
from muistio.dates import impossible, scan
from muistio.extraction import extract
from muistio.extraction.header import find_times, read_header, year_hint
from muistio.extraction.language import detect_language
from muistio.extraction.segment import segment
from muistio.reading import read_bytes

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEV = SHARED / "minutes" / "dev"


def run(text: str, name: str = "memo.md") -> Extraction:
    """Extract from an in-memory document, read like a file of that name."""
    return extract(read_bytes(text.encode(), name))


def when(ex: Extraction) -> tuple[str | None, str | None, str | None]:
    """The next meeting's (date, start, end), or Nones."""
    nm = ex.next_meeting
    return (nm.date, nm.start, nm.end) if nm else (None, None, None)


# --- where the next meeting stands -----------------------------------------------------------------


def test_numbered_heading_with_weekday_is_the_next_meeting_not_this_one() -> None:
    ex = run(
        "# Hallituksen kokous\n\nLäsnä: Aino Aalto, Eero Ek\n\n## 1. Avaus\nAvattiin.\n\n"
        "## 7. Seuraava kokous Ti 3.3.2026 klo 9-11\n\nPaikka: kerhohuone\n"
    )
    assert ex.meeting is not None and ex.meeting.date is None
    assert when(ex) == ("2026-03-03", "09:00", "11:00")


def test_date_and_time_line_of_a_next_meeting_section_is_not_this_meetings() -> None:
    body = "## Next meeting\n\nDate and time: 9 June 2025, 18:00-20:00\nPlace: Library\n"
    undated = run(
        "# Board notes\n\nPresent: Ann Lee, Bob Ray\n\n" + body + "\n## 1. Budget\nAnn will send it.\n"
    )
    assert undated.meeting is not None and undated.meeting.date is None
    assert when(undated) == ("2025-06-09", "18:00", "20:00")
    dated = run("# Board meeting 12 May 2025\n\nPresent: Ann Lee, Bob Ray\n\n" + body)
    assert dated.meeting is not None and dated.meeting.date == "2025-05-12"
    assert dated.next_meeting is not None and dated.next_meeting.place == "Library"


def test_next_meeting_at_the_top_of_the_notes() -> None:
    ex = run(
        "Next meeting: Thursday 12 June 2025 at 10am PT\n\n# Weekly sync 5 June 2025\n\n"
        "Attendees: Ann Lee, Bob Ray\n\n* Ann will update the docs.\n"
    )
    assert ex.meeting is not None and ex.meeting.date == "2025-06-05"
    assert when(ex) == ("2025-06-12", "10:00", None)
    assert ex.next_meeting is not None and ex.next_meeting.timezone == "America/Los_Angeles"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Klo. 14:00 - 16:00 ke 20.3.2024", ("2024-03-20", "14:00", "16:00")),
        ("ke 20.3.2024 kl. 18", ("2024-03-20", "18:00", None)),
        ("20151017-1100", ("2015-10-17", "11:00", None)),
        ("23-02-2016", ("2016-02-23", None, None)),
    ],
)
def test_time_forms_of_the_next_meeting(line: str, expected: tuple[str, str | None, str | None]) -> None:
    year = expected[0][:4]
    ex = run(f"Kokous 5.2.{year}\n\nLäsnä: Aino Aalto\n\n1. Avaus\n\n5. Seuraava kokous\n{line}\n", "m.txt")
    assert when(ex) == expected


def test_template_line_gives_no_meeting_date() -> None:
    ex = run(
        "Pöytäkirja\n\nAika: pp.kk.vvvv klo xx\nLäsnä: Aino Aalto, Eero Ek\n\n1. Avaus\nAvattiin.\n", "m.txt"
    )
    assert ex.meeting is not None and ex.meeting.date is None
    assert ex.next_meeting is None


def test_arrival_window_is_a_start_only() -> None:
    ex = run(
        "Kokous 11.2.2019\n\n1. Avaus\n\n8. Seuraava kokous\n"
        "18.2.2019 samassa tilassa kello 10.30 - 11 välillä.\n"
    )
    assert when(ex) == ("2019-02-18", "10:30", None)


def test_time_on_the_line_under_the_date_before_its_conversion() -> None:
    ex = run(
        "# Minutes 14 December 2016\n\n## 9. Next Meeting\n\n"
        "Next Meeting #3 will be on Wednesday, Jan 25, 2017\n\n"
        "Wednesday, 25 January 2017, 01:00pm to 02:00pm EST (UTC-5)\n- i.e. 2017-01-25 19:00 to 20:00 CET\n"
    )
    assert when(ex) == ("2017-01-25", "13:00", "14:00")


# --- impossible dates and times --------------------------------------------------------------------


def test_impossible_date_is_a_warning_and_no_date() -> None:
    ex = run(
        "Hallituksen kokous 5.3.2027\n\nLäsnä: Aino Aalto\n\n5. Seuraava kokous\n"
        "Seuraava kokous pidetään 31.2.2027 klo 18.\n"
    )
    assert ex.next_meeting is not None and ex.next_meeting.date is None
    assert any("31.2.2027" in w and "February has 28 days" in w for w in ex.warnings)


def test_impossible_time_is_a_warning_and_no_start() -> None:
    ex = run(
        "Hallituksen kokous 5.3.2027\n\nLäsnä: Aino Aalto\n\n5. Seuraava kokous\n"
        "Seuraava kokous pidetään 20.3.2027 klo 25:00.\n"
    )
    assert when(ex) == ("2027-03-20", None, None)
    assert any("klo 25:00" in w and "no time of day" in w for w in ex.warnings)


def test_impossible_finds_dates_and_times_that_cannot_be() -> None:
    assert [why for _s, _e, why in impossible("2027-02-30 ja 29.2.2024 klo 24:30, 13.45")] == [
        "'2027-02-30' is no date: February has 28 days",
        "'klo 24:30' is no time of day",
    ]


# --- scored candidates -----------------------------------------------------------------------------


def test_candidates_are_scored_not_first_wins() -> None:
    # The section heading's date has a weekday that disagrees; the later sentence agrees and gives a time.
    ex = run(
        "Kokous 5.6.2018\n\n1. Avaus\n\n5. Seuraava kokous\nti 20.6.2018\n\n6. Muut asiat\n"
        "Todettiin, että seuraava kokous pidetään ke 27.6.2018 klo 13.\n"
    )
    assert when(ex) == ("2018-06-27", "13:00", None)
    assert ex.next_meeting is not None and ex.next_meeting.confidence is not None
    assert ex.next_meeting.confidence >= 0.8 and "weekday agrees" in ex.next_meeting.evidence


def test_confidence_and_evidence_stay_out_of_the_json() -> None:
    ex = run("Kokous 5.6.2018\n\n5. Seuraava kokous\nSeuraava kokous ke 20.6. klo 13-15.\n")
    assert ex.next_meeting is not None and ex.next_meeting.confidence is not None
    data = json.loads(ex.to_json())
    assert "confidence" not in data["next_meeting"] and "evidence" not in data["next_meeting"]


def test_period_only_is_low_confidence() -> None:
    ex = run("Kokous 5.6.2018\n\n5. Seuraava kokous\nSeuraava kokous pidetään elokuussa.\n")
    assert ex.next_meeting is not None and ex.next_meeting.date is None
    assert ex.next_meeting.confidence is not None and ex.next_meeting.confidence < 0.5


# --- the meeting's own date ------------------------------------------------------------------------


def test_held_on_outweighs_an_earlier_date_of_another_meeting() -> None:
    text = (
        "Minutes · moved to Monday 2nd October 2017 due to the fair\n\nTown Council 20 September 2017\n"
        "MINUTES OF A MEETING HELD ON WEDNESDAY 20 th SEPTEMBER 2017 AT 7PM\n\nPRESENT: Cllr A Smith\n"
    )
    h = read_header(text, segment(text).header_end)
    assert (h.date, h.start) == (date(2017, 9, 20), "19:00")


def test_title_year_counts_only_when_the_weekdays_agree() -> None:
    notes = (
        "Närvarande: Anna, Erik\n1. Mötets öppnande\nÅrsmöte fred 3/3 kl 19.00.\n"
        "10. Nästa möte\nOnsd 8/3 kl 19.30.\n"
    )
    assert year_hint("Möte 171101\n\nProtokoll vid styrelsemöte\nden 11 januari\n" + notes) == 2017
    assert year_hint("Möte 181101\n\nProtokoll vid styrelsemöte\nden 11 januari\n" + notes) is None
    assert year_hint("Hallituksen kokous 5/22\n") == 2022
    ex = run("Möte 171101\n\nProtokoll vid styrelsemöte\nden 11 januari i byalagsskolan\n" + notes, "m.txt")
    assert ex.meeting is not None and ex.meeting.date == "2017-01-11"
    assert when(ex) == ("2017-03-08", "19:30", None)


def test_eight_digit_date_in_the_title() -> None:
    ex = run("# Agenda & mötesanteckningar 20201210\n\n## Närvarande\n\n* Anna Berg\n* Erik Ek\n")
    assert ex.meeting is not None and ex.meeting.date == "2020-12-10"


def test_swedish_header_and_next_board_meeting() -> None:
    ex = run(
        "Tid: torsdag 20 juni 2024 kl. 18.00\nPlats: Byagården\nNärvarande: Anna Berg, Erik Ek\n\n"
        "§ 1 Mötets öppnande\n\n§ 9 Nästa styrelsemöte\nNästa styrelsemöte blir den 15 augusti kl 19.\n",
        "m.txt",
    )
    assert ex.language == "sv"
    assert ex.meeting is not None and (ex.meeting.date, ex.meeting.start, ex.meeting.place) == (
        "2024-06-20",
        "18:00",
        "Byagården",
    )
    assert when(ex) == ("2024-08-15", "19:00", None)


def test_swedish_slash_date_heading_takes_the_year_from_the_text() -> None:
    ex = run(
        "Nationsmöte 8/12\n\n§ 1. Mötet öppnas\n\n"
        "§ 2. Mötesprotokoll från 2016-11-10 läggs till handlingarna.\n",
        "m.txt",
    )
    assert ex.meeting is not None and ex.meeting.date == "2016-12-08"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Protokoll från styrelsemötet. Närvarande: Anna. Mötet öppnades och det beslutades att ...", "sv"),
        ("Hallituksen kokous. Läsnä: Aino. Puheenjohtaja avasi kokouksen ja todettiin, että ...", "fi"),
        (
            "Minutes of the board meeting. Present: Ann. The chair opened the meeting and it was agreed ...",
            "en",
        ),
    ],
)
def test_language_detection_three_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_slash_and_hyphen_dates_guarded() -> None:
    ref = datetime(2018, 5, 22, 12, 0)
    assert scan("kokous 3/12", ref, "fi") == []
    assert scan("open 24/7", ref, "en") == []
    assert scan("1/2 of the budget", ref, "en") == []
    assert [f.when.start for f in scan("senast tors 23/2", ref, "sv")] == [date(2019, 2, 23)]
    assert scan("med 2/3 majoritet", ref, "sv") == [] and scan("3/4 av medlemmarna", ref, "sv") == []
    assert [f.when.start for f in scan("den 3/3", ref, "sv")] == [date(2018, 3, 3)]


# --- long texts ------------------------------------------------------------------------------------


def test_long_run_on_text_finishes_and_finds_the_next_meeting() -> None:
    # 100k characters without a sentence end or a line break, a next-meeting phrase every few hundred:
    # every phrase's sentence would be the whole text if windows were not bounded.
    chunk = "hallitus käsitteli asiaa ja seuraava kokous pidetään ke 20.6.2018 klo 13-15 kerhohuoneella, "
    text = "Kokous 22.5.2018\n\n" + (chunk * (100_000 // len(chunk) + 1))[:100_000]
    ex = run(text, "m.txt")
    assert when(ex) == ("2018-06-20", "13:00", "15:00")


# --- the dev corpus --------------------------------------------------------------------------------


def test_dev_corpus_meeting_dates() -> None:
    if not DEV.exists():
        pytest.skip(f"shared dev corpus not found at {DEV}")
    from muistio.reading import read_document

    right = total = 0
    for gold_file in sorted(DEV.glob("*.gold.json")):
        want = (json.loads(gold_file.read_text(encoding="utf-8")).get("meeting") or {}).get("date")
        if not want:
            continue
        doc = next(p for p in DEV.glob(gold_file.name.replace(".gold.json", ".*")) if p != gold_file)
        got = extract(read_document(doc)).meeting
        total += 1
        right += got is not None and got.date == want
    assert right / total >= 0.95, f"{right}/{total}"


# --- more real-minutes forms (invented text) -------------------------------------------------------


def test_called_off_day_loses_to_the_next_call() -> None:
    ex = run(
        "# WG call 17 April 2025\n\n## Next meetings\n\n<rs> no call on 24 April (people travelling)\n\n"
        "<rs> next call 1 May, usual time 14:00 UTC\n\n<rs> adjourned\n"
    )
    assert when(ex) == ("2025-05-01", "14:00", None)


def test_committee_meeting_in_general_meeting_minutes_is_another_bodys() -> None:
    ex = run(
        "Minutes of the AGM held on 10 July 2025\n\n1. Apologies\nNone.\n\n9. DATE OF NEXT MEETING\n"
        "The next committee meeting is on Tuesday 22 July at 7.30pm.\n"
        "Next AGM: July 2026, date to be confirmed.\n",
        "m.txt",
    )
    assert ex.next_meeting is None or ex.next_meeting.date is None


def test_restructuredtext_underlined_next_meeting_heading() -> None:
    ex = run(
        "Staff meeting 20 November 2024\n==============================\n\n"
        "1. Minutes\n-----------\n\nApproved.\n\n"
        "Next meeting\n------------\n\nWednesday 22 January 2025, 14:15, Room B204.\n",
        "m.rst",
    )
    assert when(ex) == ("2025-01-22", "14:15", None)


def test_same_time_takes_this_meetings_start_and_end() -> None:
    ex = run(
        "# Palaveri 4.9.2024\n\nKe 4.9. klo 19–20.15, seuran toimisto\n\n"
        "Seuraava palaveri ke 18.9. samaan aikaan.\n"
    )
    assert when(ex) == ("2024-09-18", "19:00", "20:15")


def test_year_named_in_the_text_that_the_weekday_singles_out() -> None:
    ex = run(
        "JR-palaveri ma 18.8. (muistio)\n\nmukana: Mikael, Jenni\n\n"
        "**Toimisto**\n- vuokrasopimus päättyy 12/2025\n",
        "m.md",
    )
    assert ex.meeting is not None and ex.meeting.date == "2025-08-18"


def test_recurring_schedule_in_emphasis_gives_the_next_meetings_time() -> None:
    ex = run(
        "# SIG notes\n\n_Biweekly, Wednesdays 17:00 UTC. Next meeting: 2025-05-28._\n\n"
        "## 2025-05-14\n\n- notes\n"
    )
    assert when(ex) == ("2025-05-28", "17:00", None)
    assert ex.next_meeting is not None and ex.next_meeting.timezone == "UTC"


def test_meeting_date_confidence_follows_its_evidence() -> None:
    labelled = run("Aika: ti 22.5.2018 klo 12-14\nLäsnä: Aino Aalto\n\n1. Avaus\n", "m.txt")
    assert labelled.meeting is not None and labelled.meeting.confidence is not None
    assert labelled.meeting.confidence >= 0.9 and "date label" in labelled.meeting.evidence
    yearless = run("Palaveri ma 18.8.\n\nmukana: Mikael\n\n- vuokra päättyy 12/2025\n", "m.txt")
    assert yearless.meeting is not None and yearless.meeting.confidence is not None
    assert yearless.meeting.confidence < labelled.meeting.confidence


def test_impossible_date_in_the_date_label_is_a_warning() -> None:
    ex = run("Aika: 31.2.2027 klo 25:00\nLäsnä: Aino Aalto\n\n1. Avaus\n", "m.txt")
    assert ex.meeting is not None and (ex.meeting.date, ex.meeting.start) == (None, None)
    assert any("'31.2.2027' is no date" in w for w in ex.warnings)
    assert any("'klo 25:00' is no time of day" in w for w in ex.warnings)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kokous 5.3.2024\n\n1. Avaus\n\nKokoonnutaan seuraavan kerran 19.3. klo 18.\n", "m.txt"),
        ("Meeting 5 March 2024\n\nPresent: Ann Lee\n\nWe will meet again on 19 March at 6pm.\n", "m.txt"),
        ("Möte 2024-03-05\n\nNärvarande: Anna Berg\n\nNästa gång ses vi 19/3 kl 18.\n", "m.txt"),
    ],
)
def test_meeting_again_without_the_word_meeting(text: str, name: str) -> None:
    assert when(run(text, name)) == ("2024-03-19", "18:00", None)


def test_general_meeting_of_the_association_is_not_the_boards_next() -> None:
    ex = run(
        "Styrelsemöte 2024-03-05\n\nNärvarande: Anna Berg\n\n§ 5 Föreningsstämma\n"
        "Föreningsstämman hålls den 20 april 2024 kl. 14.\n",
        "m.txt",
    )
    assert ex.next_meeting is None or ex.next_meeting.date is None


def test_swedish_day_month_dash_year_in_the_header_and_the_next_meeting() -> None:
    text = (
        "# Mötesprotokoll\nGrupp: Padelgänget\nDate: 16/9-19 08:15-09:15\n"
        "Participants: Ada Berg, Olof Ek\n\n## Rapporter\n\n- Modellen är klar.\n\n"
        "## Avslut\nNästa möte: Onsdag 18/9-19 kl 10:00-11:00.\n"
    )
    got = run(text)
    assert got.meeting is not None and got.meeting.date == "2019-09-16"
    assert got.next_meeting is not None
    assert (got.next_meeting.date, got.next_meeting.start, got.next_meeting.end) == (
        "2019-09-18",
        "10:00",
        "11:00",
    )


def test_a_written_date_beats_the_recurring_rule_beside_it_and_keeps_its_time() -> None:
    text = (
        "## Plenum 2026-03-11\n\n- Present: Ada, Bo\n\n### Next Meeting\n"
        "- 2026-04-08 20:00 (tentatively the 2nd Wednesday of every month, subject to change)\n"
    )
    got = run(text)
    assert got.next_meeting is not None
    assert (got.next_meeting.date, got.next_meeting.start) == ("2026-04-08", "20:00")


def test_two_digit_years_without_a_reference_land_in_this_century() -> None:
    got = run("Allotments Committee Meeting 6.30pm 25/4/23 (Mitre Pub)\n1) Present - Ann, Bo\n2) Minutes\n")
    assert got.meeting is not None and got.meeting.date == "2023-04-25"
    old = run("Hallituksen kokous 7.8.99\n\nLäsnä: Aino Aalto, Eero Erkko\n\n1. Avaus\n")
    assert old.meeting is not None and old.meeting.date == "1999-08-07"


@pytest.mark.parametrize(
    ("phrase", "lang", "start"),
    [
        ("18th December at 19.30pm", None, "2017-12-18T19:30"),  # a 24-hour time with a redundant pm
        ("17.10.2012 kl. 18,30", "sv", "2012-10-17T18:30"),  # a comma between hours and minutes
        ("6/4-2016 kl. 18:00", "sv", "2016-04-06T18:00"),  # Swedish d/m-yyyy
    ],
)
def test_times_and_dates_as_written_in_real_minutes(phrase: str, lang: str | None, start: str) -> None:
    found = [f for f in scan(phrase, datetime(2017, 11, 20, 12, 0), lang) if f.when.start is not None]
    assert found and found[0].when.start is not None
    assert found[0].when.start.isoformat(timespec="minutes") == start


def test_a_date_run_into_the_next_field_and_a_sentence_saying_when_the_meeting_took_place() -> None:

    glued = "Minnesanteckningar från mötet 2026-03-16Närvarande: Rolf Adam, Göran Berg\n\n1. Öppnande\n"
    got = run(glued, "x.txt")
    assert got.meeting is not None and got.meeting.date == "2026-03-16"
    assert {p.name for p in got.participants} == {"Rolf Adam", "Göran Berg"}
    late = (
        "# Minutes of the 4th meeting of the board, Q1 2026\n\n## Summary\n\nProgress was reported.\n\n"
        "## Date, Time and Location\n\nThe meeting took place virtually, at 6:00pm (Lausanne time) on "
        "Tuesday, February 24, 2026.\n"
    )
    got = run(late, "x.md")
    assert got.meeting is not None and (got.meeting.date, got.meeting.start) == ("2026-02-24", "18:00")


def test_a_remark_about_approval_far_before_the_date_in_a_run_on_text_does_not_disown_it() -> None:

    text = (
        "1 (These minutes are published subject to approval by the Parish Council and to any amendments that "
        "will be recorded in the minutes of the Meeting at which they are approved) Parish Council "
        "Minutes of a Meeting of the Parish Council held at 7.00pm on Monday 2 February 2026 at the "
        "Council Chamber "
        "Present Members: Cllr P Batt (Chairman), Cllr J Batt, Cllr Beck and Cllr Yarw. Declarations: "
        "Cllr Beck, personal interest in item 9 (Planning Committee 31 January 2026) as chairman.\n"
    )
    got = run(text, "x.txt")
    assert got.meeting is not None and got.meeting.date == "2026-02-02"


def test_a_date_in_another_table_cell_is_not_the_next_meeting_s() -> None:
    text = (
        "# Working group 2025-06-03\n\n## Attendees:\n\n* Ana Ruiz\n* Tom Berg\n\n## Notes\n\n"
        "Point | Notes | Actions\n"
        "6. Process flow | Partners invited to attend next meeting to discuss the flow | "
        "Ana to invite Bo to 10 June workshop\n"
    )
    assert run(text).next_meeting is None


def test_a_meeting_day_field_with_one_space_before_its_date_beats_a_title_date() -> None:
    text = (
        "Nuorisovaltuusto\n\nNuorisovaltuusto 11.1.2020\n\nTila\n\nJulkaistu\n"
        "Kokousnumero 1/2021\nKokouspäivä 11.1.2021\nKokouksen alkuaika 17:00\n"
        "§ 1 Kokouksen laillisuus\n\nTodetaan kokouksen laillisuus.\n"
    )
    meeting = run(text, "nuva.txt").meeting
    assert meeting is not None and (meeting.date, meeting.start) == ("2021-01-11", "17:00")


def test_a_swedish_title_date_in_six_digits_is_year_first() -> None:
    text = (
        "Styrelsemöte 220116\n\nProtokoll fört vid styrelsemöte med föreningen.\n\nNärvarande: Åke Strand\n\n"
        "§ 1 Föregående protokoll\n\nProtokollet från 2021-10-24 godkänns.\n"
    )
    assert run(text, "m.txt").meeting.date == "2022-01-16"


def test_six_digits_give_way_to_a_date_in_words_near_the_title() -> None:
    # real minutes write six digits in more than one order: a worded day and month near the title decides
    text = (
        "Möte 171101\n\nProtokoll vid styrelsemöte\nden 11 januari 2017 i skolan\nNärvarande: Roland, Tora\n"
    )
    assert run(text, "m.txt").meeting.date == "2017-01-11"


def test_a_title_month_reads_an_ambiguous_numeric_date_month_first() -> None:
    text = (
        "March 2017 - Board Meeting\n\nBoard Meeting Minutes\n\n6:45 PM 3/1/2017\n\n"
        "Board Attendees: Ben, Tim, Brad\n\nState of the Space\n\n1. We got an article in the paper.\n"
    )
    assert run(text, "m.txt").meeting.date == "2017-03-01"
    # without a month in the title the day comes first, as in most of the world
    assert run(text.replace("March 2017 - ", ""), "m.txt").meeting.date == "2017-01-03"


def test_six_digits_with_the_swedish_clock_word_after_them_are_the_date() -> None:
    text = (
        "Årsstämma vägföreningen\n\nPlats, Lainio kapell 230501 kl 14.00\n\n"
        "Ärenden som behandlats:\n\nInget.\n"
    )
    meeting = run(text, "m.txt").meeting
    assert (meeting.date, meeting.start) == ("2023-05-01", "14:00")


def test_a_wiki_title_date_beats_the_page_edit_timestamp() -> None:
    text = (
        "---\ntitle: 2016-09-03\ndescription: \npublished: true\ndate: 2024-12-29T17:43:05.223Z\n"
        "editor: markdown\n---\n\n## Attendees\n\n- Ann Lee\n- Bo Berg\n\n## Minutes\n\nThe AGM opened.\n"
    )
    assert run(text).meeting.date == "2016-09-03"


def test_a_finnish_day_written_with_its_genitive_ending() -> None:
    text = (
        "IKI ry:n vuoden 1999 vuosikokous\n\nPöytäkirja vuosikokouksesta, joka pidettiin maaliskuun 13:n "
        "päivänä alkaen kello 13 Espoossa.\n\nLäsnäolijat:\nTero Kivinen, Hannu Aronsson\n\n1. Avaus\n"
    )
    assert run(text, "m.txt").meeting.date == "1999-03-13"
    found = scan("maaliskuun 13:n päivänä", datetime(1999, 1, 1, 12), "fi")
    assert [f.when.start for f in found] == [date(1999, 3, 13)]


def test_a_day_month_and_year_joined_by_hyphens() -> None:
    found = scan("Next meeting: 03-Mar-2012", datetime(2012, 2, 18, 12), "en")
    assert [f.when.start for f in found] == [date(2012, 3, 3)]
    text = (
        "# Committee meeting 18 February 2012\n\n- Present: Ann Lee, Bo Berg\n-   Next meeting: 03-Mar-2012\n"
    )
    assert when(run(text)) == ("2012-03-03", None, None)


def test_two_years_on_the_same_day_in_the_head_the_text_decides() -> None:
    text = (
        "Protokoll från styrelsemöte 2009-06-02\n\nProtokoll från möte nr 5 - Båtklubben, 2008-06-02\n\n"
        "Närvarande: Hans Johansson, Edvin Staffansson.\n\n1.  Medlemsärenden: En ny medlem.\n\n"
        "7.  Övrigt: Nästa styrelsemöte blir måndag den 1 september 2008.\n"
    )
    ex = run(text, "m.txt")
    assert (ex.meeting.date, when(ex)[0]) == ("2008-06-02", "2008-09-01")


def test_a_meeting_carried_on_another_day_is_the_next_meeting() -> None:
    fi = (
        "Kevätkokous 8.4.1997\n\nLäsnä: Matti Virtanen, Anna Korhonen\n\n1. Avaus\n\nKokous avattiin.\n\n"
        "2. Asia\n\nKokousta jatketaan tiistaina 22.4.1997 klo 16.30 Telmo ry:n tiloissa.\n"
    )
    assert when(run(fi, "m.txt")) == ("1997-04-22", "16:30", None)
    en = (
        "Annual meeting 8 April 1997\n\nPresent: Ann Lee, Bo Berg\n\n1. Welcome\n\nOpened.\n\n"
        "2. Item\n\nThe meeting was adjourned until 22 April 1997 at 4.30pm.\n"
    )
    ex = run(en, "m.txt")
    assert when(ex) == ("1997-04-22", "16:30", None)
    assert ex.meeting.end is None  # the adjournment's time is the next session's, not this one's end
    closed = en.replace("was adjourned until 22 April 1997 at 4.30pm", "adjourned at 9pm")
    assert run(closed, "m.txt").next_meeting is None


def test_the_date_with_the_meetings_hour_outranks_a_posting_date_above_it() -> None:
    """`Kokousmuistio 28.2.2013 klo. 18.30` under a page's `26.02.2013 Pöytäkirja`: a meeting has its hour."""
    fi = run(
        "26.02.2013 Pöytäkirja\n\nASUKASYHDISTYS\n\nKokousmuistio 28.2.2013 klo. 18.30 – 20.00, kerhotila\n\n"
        "Läsnä: Matti Seppälä (pj), Sari Wiklund (siht.)\n",
        "memo.txt",
    )
    assert (fi.meeting.date, fi.meeting.start) == ("2013-02-28", "18:30")
    sv = run(
        "Protokoll i pdf-format från 18.12.2020 hittar du här!\n\nPROTOKOLL\n\n"
        "Protokoll fört vid sammanträde med församlingsrådet onsdagen den 18.12.2019 kl. 18.05–19.08 i "
        "församlingshemmet.\nOrdförande: Camilla Ek\n",
        "memo.txt",
    )
    assert sv.meeting.date == "2019-12-18"
    # without an hour on either, the first date of the head stays the meeting's
    plain = run("Kokous 3.3.2024\n\nHyväksyttiin 1.3.2024 pidetyn kokouksen pöytäkirja.\n", "memo.txt")
    assert plain.meeting.date == "2024-03-03"


def test_a_document_fields_date_other_than_the_titles_is_when_the_notes_were_written() -> None:
    head = "2026-03-05 Editors Meeting\n==========================\n:Author: kim\n:Date: {}\n\nNotes.\n"
    ex = run(head.format("2026-03-07"), "notes.txt")
    assert ex.meeting is not None and ex.meeting.date == "2026-03-05"
    assert any("2026-03-07" in w for w in ex.warnings)
    # the same day as the title's: the field dates the meeting and gives its hours
    same = run(head.format("2026-03-05, 16:00-17:00"), "notes.txt")
    assert same.meeting is not None and (same.meeting.date, same.meeting.start) == ("2026-03-05", "16:00")


def test_a_next_meeting_still_to_be_confirmed_sets_no_date_and_says_why() -> None:
    text = "Steering committee 2026-10-17\n\nNotes.\n\n## Next Meeting\n"
    text += "Oct 29-30th - Date/time to be confirmed.\n"
    ex = run(text)
    assert when(ex) == (None, None, None)
    assert any("to be confirmed" in w for w in ex.warnings)
    fixed = run(text.replace("Date/time to be confirmed", "an alustava agenda follows"))
    assert when(fixed)[0] == "2026-10-29"


def test_a_swedish_meeting_day_written_day_slash_month() -> None:
    ex = run("Styrelsemöte 2007-04-02\n\n§ 12 Övrigt\nNästa möte 7/5, Bernt ordnar fika.\n", "p.txt")
    assert when(ex)[0] == "2007-05-07"


def test_a_swedish_short_date_is_year_first_and_a_schedule_gives_the_next_meeting() -> None:
    ex = run(
        "Protokoll, styrelsemöte\n\nDatum: 14-04-27\nNärvarande: Bo Löf, Gun Dahl\n\n"
        "1. Mötet öppnades och dagordningen godkändes av styrelsen.\n",
        "p.txt",
    )
    assert ex.meeting is not None and ex.meeting.date == "2014-04-27"
    schedule = (
        "20.11.2026 ohjausryhmä\n\nOhjausryhmä kokoontuu keväällä seuraavasti:\n\n- ma 18.1. klo 9 Kotkassa\n"
        "- ma 15.2. klo 9 Kotkassa\n\nPäätös\n\nHyväksyttiin.\n"
    )
    assert when(run(schedule, "m.txt")) == ("2027-01-18", "09:00", None)


def test_a_clerks_donm_gives_the_next_meeting_and_a_place_label_after_the_comma_is_no_place() -> None:
    head = "Committee meeting 5 March 2026\nPresent: Ann Lee, Bob Hart\n"
    assert when(run(head + "DONM: 2/4/26\n", "m.txt"))[0] == "2026-04-02"
    dotted = run(head + "12. D.O.N.M. Tuesday 7th April 2026 at 7.30pm\n", "m.txt")
    assert dotted.meeting is not None and dotted.meeting.date == "2026-03-05"
    assert when(dotted) == ("2026-04-07", "19:30", None)
    fi = run(
        "Hallituksen kokous 5.3.2026\nLäsnä: Aino Aalto, Eero Ek\n\n"
        "Seuraava kokous: 2.4. klo 18, paikka Kerhohuone.\n"
    )
    assert fi.next_meeting is not None and fi.next_meeting.place == "Kerhohuone"


def test_next_meeting_places_at_someones_home_two_locatives_and_the_article_kept() -> None:
    sv = run(
        "Protokoll styrelsemöte 2026-04-27\n\nNärvarande: Bo Löf, Gun Dahl\n\n"
        "Nästa möte: Sön 4/5-2026, kl 19.00 hos BÅL.\n",
        "p.txt",
    )
    assert sv.next_meeting is not None
    assert (sv.next_meeting.date, sv.next_meeting.start, sv.next_meeting.place) == (
        "2026-05-04",
        "19:00",
        "hos BÅL",
    )
    fi = run(
        "Ohjausryhmä 20.11.2026\n\nLäsnä: Aino Aalto, Eero Ek\n\n"
        "Seuraava kokous ma 18.1. klo 9 Kotkassa, muutostoimistolla.\n",
        "m.txt",
    )
    assert fi.next_meeting is not None and fi.next_meeting.place == "Kotkassa, muutostoimistolla"
    en = run(
        "Committee meeting 25 April 2026\n\nPresent: Ann Lee, Bob Hart\n\n"
        "The next meeting will be held on Tuesday 27th June at the allotments.\n"
    )
    assert en.next_meeting is not None and en.next_meeting.place == "the allotments"


def test_the_next_meeting_place_after_a_swedish_preposition() -> None:
    head = "Protokoll styrelsemöte 2024-02-20\nNärvarande: Anna Berg, Erik Ek\n\n§ 1 Öppnande\nÖppnat.\n\n"
    for line, place in (
        ("Nästa möte hålls tisdagen den 19 mars kl. 19.00 i bygdegården.", "bygdegården"),
        ("Nästa möte: 19 mars kl 18 på kansliet, Storgatan 2.", "kansliet, Storgatan 2"),
    ):
        ex = run(head + line + "\n", "protokoll.txt")
        assert ex.next_meeting is not None and ex.next_meeting.date == "2024-03-19"
        assert ex.next_meeting.place == place
    english = run(
        "# Board meeting 2024-02-20\n\nPresent: Ann Lee\n\nNext meeting: 5 May 2024. I will send it.\n"
    )
    assert english.next_meeting is not None and english.next_meeting.place is None  # 'I' opens a sentence


def test_a_teams_next_meeting_named_by_its_kind() -> None:
    ex = run(
        "## Sprint 42 retro — 2024-06-03\n\nParticipants: Li Wei, Sam\n\n- Went well.\n\n"
        "Next retro: 2024-06-17 14:00\n"
    )
    assert when(ex) == ("2024-06-17", "14:00", None)


def test_the_place_before_the_date_under_a_place_and_time_label() -> None:
    ex = run(
        "SAMMANTRÄDESPROTOKOLL\nKultur- och fritidsnämnden\n\n"
        "Plats och tid: Kommunhuset, sammanträdesrum Ekan, tisdagen den 16 april 2024 kl. 17.30–19.15\n\n"
        "Beslutande\nMaria Holm (S), ordförande\n\n§ 12 Bidrag\nNämnden beslutar att bevilja bidrag.\n",
        "protokoll.txt",
    )
    assert ex.meeting is not None
    assert (ex.meeting.date, ex.meeting.start, ex.meeting.end) == ("2024-04-16", "17:30", "19:15")
    assert ex.meeting.place == "Kommunhuset, sammanträdesrum Ekan"
    fi = run(
        "Pöytäkirja\n\nPaikka ja aika: Seurantalo, tiistaina 16.4.2024 klo 18\n\nLäsnä: Anna Berg\n", "p.txt"
    )
    assert fi.meeting is not None and fi.meeting.place == "Seurantalo"


def test_a_month_after_held_in_is_no_place() -> None:
    ex = run(
        "Riverside Allotment Society – Annual General Meeting, 3 March 2024\n\n"
        "Twenty-one members attended. Helen Marsh chaired the meeting.\n\n"
        "It was agreed that a work party will be held in April to clear the paths.\n",
        "agm.txt",
    )
    assert ex.meeting is not None and ex.meeting.date == "2024-03-03" and ex.meeting.place is None


def test_a_web_pages_posting_date_is_not_the_meetings() -> None:
    ex = run(
        "2019 Club AGM Minutes\nPosted on January 27, 2020- Date: 20200122\n"
        "- Location: The Gap Tavern, Queensland\n"
        "Attended in person\n- Tony Morris\n- Rex Scarf\nPrevious minutes\n- Accepted.\n",
        "agm.txt",
    )
    assert ex.meeting is not None
    assert (ex.meeting.date, ex.meeting.place) == ("2020-01-22", "The Gap Tavern, Queensland")


def test_next_time_and_next_meet_say_the_next_meeting() -> None:
    fi = run(
        "Kokousmuistio 14.3.2024\nPaikalla: Matti, Liisa\nEnsi kerralla tavataan 11.4. klo 18 kirjastolla.\n"
    )
    assert when(fi) == ("2024-04-11", "18:00", None)
    assert fi.meeting is not None and fi.meeting.start is None  # the hour is the next meeting's
    en = run("Board minutes March 14, 2024\nPresent: Ann Lee\nThe board will next meet on April 11, 2024.\n")
    assert when(en)[0] == "2024-04-11"


def test_first_time_and_next_to_are_no_next_meeting() -> None:
    fi = run(
        "Kokous 5.3.2024\nLäsnä: Matti, Liisa\nUusi jäsen osallistui ensi kerran kokoukseen 20.5.2024.\n"
    )
    assert fi.next_meeting is None or fi.next_meeting.date is None
    en = run(
        "Club meeting 5 March 2024\nPresent: Ann Lee\nThe club meets next to the library on 20 May 2024.\n"
    )
    assert en.next_meeting is None or en.next_meeting.date is None


def test_a_list_of_coming_meetings_on_its_labels_line_and_swedish_klockan() -> None:
    for text in (
        "Protokoll 2024-03-12\nNärvarande: Anna Berg, Erik Ek\nKommande möten: 16/4, 14/5 och 11/6.\n",
        "Meeting 2024-03-12\nPresent: Ann Lee, Bob Stone\nUpcoming meetings: 16 April, 14 May and 11 June.\n",
    ):
        ex = run(text)
        assert ex.next_meeting is not None
        assert (ex.next_meeting.date, ex.next_meeting.place) == (
            "2024-04-16",
            None,
        )  # the later ones no place
    sv = run(
        "Protokoll 2024-03-12\nNärvarande: Anna Berg\n"
        "Nästa möte äger rum måndagen den 8 april 2024 klockan 19.00 på Zoom.\n"
    )
    assert when(sv) == ("2024-04-08", "19:00", None) and sv.next_meeting and sv.next_meeting.place == "Zoom"


def test_a_place_after_the_finnish_label_paikkana() -> None:
    ex = run(
        "Hallituksen kokous 12.3.2024\nLäsnä: Matti Virtanen, Liisa Korhonen\n"
        "Seuraavan kokouksen ajankohta: ti 9.4.2024 klo 18.00, paikkana seuran toimisto.\n"
    )
    assert ex.next_meeting is not None and ex.next_meeting.place == "seuran toimisto"


def test_next_meetings_listed_with_their_kinds_take_this_bodys() -> None:
    ex = run(
        "Minutes of a Meeting of the Council held on Wednesday, 6 March 2024\n\n"
        "Present: Councillors A Bell (Chairman), C Dunn\n\n"
        "Date of Next Meetings\n\nDates of next meetings were confirmed as 18 March 2024 (Village Plan "
        "meeting at 8.00 pm), 27 March 2024 (Council meeting at 7.00 pm) and 8 May for the annual meeting.\n",
        "minutes.txt",
    )
    assert ex.next_meeting is not None
    assert (ex.next_meeting.date, ex.next_meeting.start) == ("2024-03-27", "19:00")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("KaTi 16.12. klo 14-15", ("14:00", "15:00")),
        ("ti 16.12. klo 14.00-15.00", ("14:00", "15:00")),
        ("Kokous päättyi klo 16.12.", ("16:12", None)),
    ],
)
def test_a_day_without_its_year_is_no_time(line: str, expected: tuple[str, str | None]) -> None:
    assert find_times(line) == expected


def test_a_twelve_hour_time_then_a_quoted_place_and_the_same_day_stated_twice() -> None:
    ex = run(
        "Residents Association meeting 29 September 2024\n\nAttendees: Ann Lee, Bob Hart\n\n"
        "- Paper comms - The next letter is to be sent out before our next meeting which is tentatively set "
        "for 20th October\n- Membership - posts on Facebook\n"
        '- Agree on next meeting date - Agreed to target 20th October at 4:30 pm at "The Lodge"\n',
        "m.txt",
    )
    assert ex.next_meeting is not None
    assert (ex.next_meeting.date, ex.next_meeting.start, ex.next_meeting.place) == (
        "2024-10-20",
        "16:30",
        "The Lodge",
    )


def test_the_first_of_the_coming_meetings_listed_is_the_next() -> None:
    ex = run(
        "Protokoll från Styrelsemöte 2007-01-08\n\nNärvarande: Sture Holm, Jaan Berg\n\n"
        "1. Kommande styrelsemöten\n\nKommande möten sker den 5 februari och den 26 februari.\n",
        "p.txt",
    )
    assert ex.next_meeting is not None and ex.next_meeting.date == "2007-02-05"
