"""Structure of minutes: sections, header, participants, decisions, next meeting, language (own excerpts)."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from muistio.contract import Extraction
from muistio.extraction import extract
from muistio.extraction.decisions import find_decisions
from muistio.extraction.header import clean_place, read_header
from muistio.extraction.language import detect_language
from muistio.extraction.next_meeting import find_next_meeting
from muistio.extraction.participants import find_participants, split_people
from muistio.extraction.segment import segment
from muistio.reading import read_bytes

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED = SHARED / "minutes" / "diginyt-2018-05-22.txt"
GOLDEN = Path(__file__).parent / "golden" / "seed.extraction.json"


def run(text: str, name: str = "memo.txt") -> Extraction:
    """Extract from an in-memory document, read like a file of that name."""
    return extract(read_bytes(text.encode(), name))


def numbers(text: str) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in segment(text).sections if s.number is not None]


def people(text: str) -> dict[str, tuple[list[str], bool, str | None]]:
    seg = segment(text)
    return {p.name: (list[str](p.roles), p.present, p.organization) for p in find_participants(text, seg)}


def next_of(text: str, meeting: date, title: str = "Hallitus") -> tuple[dict | None, list[str]]:
    seg = segment(text)
    nm, warnings = find_next_meeting(text, seg.sections, meeting, title, "Europe/Helsinki")
    return (nm.model_dump() if nm else None), warnings


# --- segmentation ------------------------------------------------------------------------------


def test_numbered_items_plain_number_and_title() -> None:
    text = "Kerho\n\n1 Avaus\n\nAvattiin.\n\n2 Talous\n\nRahaa on 12 euroa.\n 4 (7)\n3 Muut asiat\n"
    assert numbers(text) == [("1", "Avaus"), ("2", "Talous"), ("3", "Muut asiat")]


def test_numbered_items_with_period_paren_and_missing_space() -> None:
    text = "1.Avaus\nok\n2. Laillisuus\nok\n3) Esityslista\nok\n"
    assert numbers(text) == [("1", "Avaus"), ("2", "Laillisuus"), ("3", "Esityslista")]


def test_paragraph_sign_items_either_side_and_title_on_next_line() -> None:
    assert numbers("Lautakunta\n\n§ 41 Talousarvio\n\nHyväksyttiin.\n") == [("41", "Talousarvio")]
    assert numbers("Lautakunta\n\n7 §\nTilinpäätös\n\nHyväksyttiin.\n\n8 §\nMuut\n") == [
        ("7", "Tilinpäätös"),
        ("8", "Muut"),
    ]


def test_inner_numbered_list_does_not_break_the_agenda_chain() -> None:
    text = "1 Avaus\nx\n2 Hankkeet\n1. ensimmäinen\n2. toinen\n3 Muut\nx\n"
    assert [n for n, _ in numbers(text)] == ["1", "2", "3"]
    assert numbers(text)[2] == ("3", "Muut")


def test_agenda_list_gives_titles_and_later_items_give_bodies() -> None:
    text = (
        "Attendees: Ann Lee\n\nAgenda:\n\n1) Quorum\n2) Budget\n\n"
        "1) Quorum was confirmed.\n\n2) Budget\n\nThe budget was approved.\n"
    )
    seg = segment(text)
    assert seg.agenda == [("1", "Quorum"), ("2", "Budget")]
    budget = next(s for s in seg.sections if s.number == "2")
    assert "approved" in budget.body(text)


def test_markdown_headings_title_grouping_and_meta() -> None:
    text = (
        "# Team minutes\n\n## Attendees\n\n- Ann Lee\n\n## Day one\n\n### Caching\n\nText.\n\n"
        "### Logging\n\nMore.\n"
    )
    assert segment(text).agenda == [("1", "Caching"), ("2", "Logging")]


def test_rst_underlined_headings() -> None:
    text = "=====\nClub\n=====\n\nParticipants\n------------\n- Ann Lee\n\n"
    text += "Budget\n------\nok\n\nVaria\n-----\nx\n"
    assert segment(text).agenda == [("1", "Budget"), ("2", "Varia")]


def test_mediawiki_headings() -> None:
    text = "== Läsnä ==\nAnna Aho\n\n== Talous ==\nok\n\n== Muut asiat ==\nok\n"
    assert segment(text).agenda == [("1", "Talous"), ("2", "Muut asiat")]


def test_bullet_notes_become_items_when_nothing_else_structures_them() -> None:
    text = "**New items**\n\n- Release plan\n    - ship soon\n- CI load\n    - too high\n"
    assert segment(text).agenda == [("1", "Release plan"), ("2", "CI load")]


def test_meetbot_topics_are_items_even_on_one_line() -> None:
    text = "Meeting started by @ann:ex.org at 2026-01-02 10:00:00 "
    text += "* TOPIC: Intro (@ann:ex.org, 10:01:00) * INFO: hi"
    assert segment(text).agenda == [("1", "Intro")]


def test_collapsed_text_finds_inline_items() -> None:
    body = "Esipuhe " * 100
    text = f"{body}1. Kokouksen avaus Puheenjohtaja avasi. 2. Talous Rahaa on. 3. Muut asiat Ei muuta."
    assert [n for n, _ in numbers(text)] == ["1", "2", "3"]


def test_presenters_from_alustus_and_presenter_lines() -> None:
    text = "1 Tietohanke\n\nAlustus: Maija Mehiläinen ja Kalle Kuusi, VM\n\n2 Budget\n\nPresenter: Ann Lee\n"
    seg = segment(text)
    assert [s.presenters for s in seg.sections if s.number] == [
        ["Maija Mehiläinen", "Kalle Kuusi"],
        ["Ann Lee"],
    ]


# --- header ------------------------------------------------------------------------------------


def test_finnish_labels_with_time_range_and_place() -> None:
    text = (
        "Kerhon hallitus\n\nAika  Ke 3.4.2024 klo 17-19\n\nPaikka  Kauppakatu 1, Oulu nh Pieni\n\n1 Avaus\n"
    )
    h = read_header(text, segment(text).header_end)
    assert (h.date, h.start, h.end) == (date(2024, 4, 3), "17:00", "19:00")
    assert h.place == "Kauppakatu 1, Oulu, nh Pieni"
    assert h.group == "Kerhon hallitus"


def test_year_from_the_title_when_the_time_line_has_none() -> None:
    text = "Hallituksen kokous 5.9.2021\n\nKyläseuran hallituksen kokous\n\n"
    text += "Aika: Su 5.9. klo 10\n\n1. Avaus\nok\n"
    h = read_header(text, segment(text).header_end)
    assert (h.date, h.start) == (date(2021, 9, 5), "10:00")
    assert h.group == "Kyläseuran hallitus"


def test_english_labels_and_closing_time() -> None:
    text = "Minutes of the Garden Club\n\nDate: 3 March 2022\nTime: 6:30pm\nLocation: Hall B\n\n1. Open\nx\n"
    text += "2. Close\nThe meeting closed at 8:05pm.\n"
    h = read_header(text, segment(text).header_end)
    assert (h.date, h.start, h.end, h.place) == (date(2022, 3, 3), "18:30", "20:05", "Hall B")
    assert h.group == "Garden Club"


def test_opening_time_stands_in_for_a_missing_scheduled_time() -> None:
    text = "Seura\n\nAika: 2.2.2019\n\n1. Avaus\nPuheenjohtaja avasi kokouksen klo 18.05.\n2. Loppu\n"
    text += "Puheenjohtaja päätti kokouksen klo 19.40.\n"
    h = read_header(text, segment(text).header_end)
    assert (h.start, h.end) == ("18:05", "19:40")


def test_two_digit_year_title_line_time_and_place_line() -> None:
    text = "Hallituksen kokous 14.3.19 klo 18\n\nSeuratalo Kuusela\n\n1.Avaus\nok\n"
    h = read_header(text, segment(text).header_end)
    assert (h.date, h.start, h.place) == (date(2019, 3, 14), "18:00", "Seuratalo Kuusela")


def test_front_matter_date_contradicted_by_heading_warns() -> None:
    text = "title: x\nslug: y\ndate: 2020-01-01 10:00\n\n"
    text += "# Club AGM - 5 February 2021\n\n## Present:\n\n- Ann Lee\n"
    h = read_header(text, segment(text).header_end)
    assert h.date == date(2021, 2, 5)
    assert any("front matter" in w for w in h.warnings)


def test_clean_place_markdown_link_and_room() -> None:
    assert (
        clean_place("online / [https://m.example/x](https://m.example/x)") == "online / https://m.example/x"
    )
    assert clean_place("Katu 2, Turku kokoushuone Aalto.") == "Katu 2, Turku, kokoushuone Aalto"


# --- participants ------------------------------------------------------------------------------


def test_one_name_a_line_with_roles_orgs_and_absence() -> None:
    text = (
        "Ryhmä\n\nOsallistujat\n\nLiisa Laine, pj.\nPekka Puu\n\nAlustajat:\nOlli Oja, OM\n"
        "Ritva Ranta, OM (poissa)\nKaisa Kivi, siht.\n\nTeemu Tammi\n\n1 Avaus\nok\n"
    )
    got = people(text)
    assert got["Liisa Laine"][0] == ["chair"]
    # Listed among the participants as a presenter: a member who presents (invited to the next meeting).
    assert got["Olli Oja"] == (["member", "presenter"], True, "OM")
    assert got["Ritva Ranta"][1] is False
    assert got["Kaisa Kivi"][0] == ["secretary"]
    # A second column of the attendee list, after the presenters, is members again.
    assert got["Teemu Tammi"] == (["member"], True, None)


def test_inline_list_with_ja_and_signature_column_roles() -> None:
    text = (
        "Kokous 1.2.2020\n\nLäsnä: Aino Aalto, Eero Erkko ja Iida Ilo\n\n1. Avaus\nok\n\n2. Loppu\nok\n\n"
        "Aino Aalto                         Iida Ilo\n\npj.                                sihteeri\n"
    )
    got = people(text)
    assert set(got) == {"Aino Aalto", "Eero Erkko", "Iida Ilo"}
    assert got["Aino Aalto"][0] == ["chair"]
    assert got["Iida Ilo"][0] == ["secretary"]


def test_english_attendees_regrets_and_guests() -> None:
    text = (
        "Minutes of the board, May 2nd, 2021\n\nAttendees: *Ann* L., *Bob* K.\n\n"
        "Additional Attendees: Cy Dee (Acme), Eve Fox (Beta),\nGus Hall (Acme)\n\nRegrets: *Ann* M.\n\n"
        "1) Secretary\n\nSecretary was Ann Lee.\n\n2) Other\nnone\n"
    )
    got = people(text)
    assert got["Ann Lee"][0] == ["secretary"]  # `Ann L.` completed by the statement
    assert got["Gus Hall"] == (["guest"], True, "Acme")
    assert got["Ann M."][1] is False  # a different person from Ann Lee
    assert "Bob K." in got


def test_elections_give_roles_without_an_attendee_list() -> None:
    text = (
        "Seura\n\nAika: 1.1.2020\n\n1. Järjestäytyminen\n\nValittiin Sanna Salo sihteeriksi ja Olli Oksa ja "
        "Tiina Tuuli pöytäkirjantarkastajiksi. Puheenjohtajaksi valittiin Matti Mänty.\n"
    )
    got = people(text)
    assert got == {
        "Sanna Salo": (["secretary"], True, None),
        "Olli Oksa": (["minutes_checker"], True, None),
        "Tiina Tuuli": (["minutes_checker"], True, None),
        "Matti Mänty": (["chair"], True, None),
    }


def test_absent_officers_and_temporary_chair() -> None:
    text = (
        "Lautakunta, kokous 3.3.2020\n\n§ 5 Avaus\n\nSekä puheenjohtaja Aarne Aho että varapuheenjohtaja "
        "Bertta Berg olivat poissa. Tilapäiseksi puheenjohtajaksi valittiin Cecilia Cedar.\n"
    )
    got = people(text)
    assert got["Aarne Aho"] == (["chair"], False, None)
    assert got["Bertta Berg"] == (["vice_chair"], False, None)
    assert got["Cecilia Cedar"] == (["chair"], True, None)


def test_attendance_item_lists_the_present() -> None:
    text = "Kokous 1.1.2017\n\n1. Läsnäolijoiden toteaminen\n\n"
    text += "Avattiin. Aku Ankka, Iines Ankka ja Hessu Hopo\n\n2. Muut\n"
    assert set(people(text)) == {"Aku Ankka", "Iines Ankka", "Hessu Hopo"}


def test_speakers_are_participants_only_without_a_list() -> None:
    text = "# WG\n\n### Topic\n\nRoy: yes\n\nMT: no\n\nDecision: defer\n\nAnn Lee: maybe\n"
    assert set(people(text)) == {"Roy", "MT", "Ann Lee"}
    with_list = "Present: Ann Lee\n\n1. Topic\nRoy: yes\nMT: no\nEve: ok\n"
    assert set(people(with_list)) == {"Ann Lee"}


def test_split_people_notes_attach_to_the_name_before() -> None:
    got = split_people("Anna Vuori (pj), Heikki Oja (vpj, paikalla kohdasta 5), Otto Kivi (poissa)")
    assert [(p.name, p.roles, p.present) for p in got] == [
        ("Anna Vuori", ["chair"], True),
        ("Heikki Oja", ["vice_chair"], True),
        ("Otto Kivi", [], False),
    ]


# --- decisions ---------------------------------------------------------------------------------


def test_decisions_labels_verbs_and_proposals() -> None:
    text = (
        "1 Muistio\n\nHyväksytään edellisen kokouksen muistio.\n\n- Muistio hyväksyttiin\n\n"
        "2 Talous\n\nPäätös: Jäsenmaksu on 10 euroa.\n\n3 Loppu\n\nPäätettiin kokous klo 20.\n\n"
        "4 Budget\n\nRESOLVED: the budget stands. It was agreed to meet monthly.\n"
    )
    got = [(d.agenda_item, d.quote) for d in find_decisions(text, segment(text).sections)]
    assert got == [
        ("1", "Muistio hyväksyttiin"),
        ("2", "Jäsenmaksu on 10 euroa."),
        ("4", "the budget stands."),
        ("4", "It was agreed to meet monthly."),
    ]


def test_decision_label_alone_on_its_line() -> None:
    text = "§ 3 Asia\n\nPäätösehdotus oli\n\nTodetaan asia.\n\nPäätös\n\nPäätösehdotus hyväksyttiin.\n"
    assert [d.quote for d in find_decisions(text, segment(text).sections)] == ["Päätösehdotus hyväksyttiin."]


# --- next meeting ------------------------------------------------------------------------------


def test_next_meeting_line_with_time_place_and_agenda() -> None:
    text = (
        "1 Muut asiat\n\nSeuraava kokous to 12.9. klo 10-12, Rantakatu 4, Vaasa nh Meri.\n"
        "Agendalla mm. budjetti ja strategian käsittely.\n"
    )
    nm, warnings = next_of(text, date(2024, 8, 20))
    assert nm is not None
    assert (nm["date"], nm["start"], nm["end"]) == ("2024-09-12", "10:00", "12:00")
    assert nm["place"] == "Rantakatu 4, Vaasa, nh Meri"
    assert nm["agenda"] == ["budjetti", "strategian käsittely"]
    assert warnings == []


def test_next_meeting_yearless_date_after_a_december_meeting_is_next_year() -> None:
    nm, _ = next_of("1 Muut\n\nSeuraava kokous 14.1. klo 18.\n", date(2023, 12, 9))
    assert nm is not None and nm["date"] == "2024-01-14"


def test_next_meeting_heading_in_english_date_only() -> None:
    text = "1) Budget\nok\n\n2) Next meeting\n\nMay 3rd 2021.\n"
    nm, _ = next_of(text, date(2021, 4, 20))
    assert nm is not None and (nm["date"], nm["start"], nm["place"]) == ("2021-05-03", None, None)


def test_next_meeting_online_link_as_place() -> None:
    text = "Next meeting: 6.5.2025 klo 18, https://meet.example.org/club\n"
    nm, _ = next_of(text, date(2025, 4, 1))
    assert nm is not None and nm["place"] == "https://meet.example.org/club"


def test_next_meeting_stated_rule_resolves_against_the_meeting_date() -> None:
    nm, _ = next_of(
        "Next meeting as usual on the first Monday of each month.\n",
        date(2024, 3, 12),
    )
    assert nm is not None and nm["date"] == "2024-04-01"


def test_other_bodies_are_not_the_next_meeting() -> None:
    text = "1. Muut\n\nPidetään yleinen kokous la 4.7. klo 12.\nSeuraava kyläparlamentti järjestetään 5.9.\n"
    assert next_of(text, date(2020, 6, 8)) == (None, [])


def test_month_only_next_meeting_keeps_date_null() -> None:
    nm, warnings = next_of("1. Seuraava kokous\n\nSeuraava kokous pidetään lokakuussa.\n", date(2020, 6, 8))
    assert nm is not None and nm["date"] is None
    assert warnings and "lokakuussa" in warnings[0]


def test_weekday_mismatch_is_kept_as_a_warning() -> None:
    nm, warnings = next_of("Seuraava kokous ma 20.6. klo 13-15.\n", date(2018, 5, 22))
    assert nm is not None and nm["date"] == "2018-06-20"
    assert warnings and "ma" in warnings[0]


def test_no_next_meeting_is_invented() -> None:
    text = "1. Muut\n\nJatketaan asiaa seuraavassa kokouksessa.\nAdditional discussion next meeting.\n"
    assert next_of(text, date(2020, 6, 8)) == (None, [])


def test_own_kind_of_meeting_announced_again() -> None:
    text = "# Club AGM - 10 March 2022\n\n"
    text += "A second attempt at having an AGM will be held on 7 April 2022 at 7pm\n"
    nm, _ = next_of(text, date(2022, 3, 10), title="Club AGM")
    assert nm is not None and (nm["date"], nm["start"]) == ("2022-04-07", "19:00")


# --- language ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kokous avattiin ja todettiin, että hallitus on päätösvaltainen.", "fi"),
        ("The meeting was opened and the agenda was approved by the members present.", "en"),
        ("Mötet öppnades och det beslutades att protokollet ska justeras av ordförande.", "sv"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


# --- the seed memo: golden file ------------------------------------------------------------------


def _seed_json() -> dict:
    if not SEED.exists():
        pytest.skip(f"shared seed memo not found at {SEED}")
    from muistio.reading import read_document

    data = json.loads(extract(read_document(SEED)).to_json())
    data["source"]["path"] = "diginyt-2018-05-22.txt"  # independent of where the shared folder lies
    return data


def test_seed_matches_golden_file() -> None:
    data = _seed_json()
    if os.environ.get("MUISTIO_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert GOLDEN.exists(), "run with MUISTIO_UPDATE_GOLDEN=1 to create the golden file"
    assert data == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seed_structure_facts() -> None:
    data = _seed_json()
    assert data["meeting"]["date"] == "2018-05-22"
    assert (data["meeting"]["start"], data["meeting"]["end"]) == ("12:00", "14:00")
    assert data["meeting"]["place"] == "Mariankatu 9, Helsinki, nh Loppupeli"
    nm = data["next_meeting"]
    assert (nm["date"], nm["start"], nm["end"]) == ("2018-06-20", "13:00", "15:00")
    assert nm["place"] == "Mariankatu 9, Helsinki, nh Loppupeli"
    assert len(data["participants"]) == 25
    roles = {p["name"]: p["roles"] for p in data["participants"]}
    assert roles["Jouko Salonen"] == ["secretary", "presenter"]
    assert roles["Miisa Rotola-Pukkila"] == ["secretary"]
    # The ministry's three presenters are listed among the participants: members who present.
    assert [n for n, r in roles.items() if "presenter" in r and "member" in r] == [
        "Sami Kivivasara",
        "Mari Fallström",
        "Anne-Marie Välikangas",
    ]
    assert [p["name"] for p in data["participants"] if not p["present"]] == ["Mari Fallström"]
    assert [a["number"] for a in data["agenda"]] == ["1", "2", "3", "4", "5", "6"]


def test_dev_corpus_next_meetings_never_invented() -> None:
    dev = SHARED / "minutes" / "dev"
    if not dev.exists():
        pytest.skip(f"shared dev corpus not found at {dev}")
    from muistio.reading import read_document

    for gold_file in sorted(dev.glob("*.gold.json")):
        doc = next(p for p in dev.glob(gold_file.name.replace(".gold.json", ".*")) if p != gold_file)
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        got = extract(read_document(doc))
        want = (gold.get("next_meeting") or {}).get("date")
        assert (got.next_meeting.date if got.next_meeting else None) == want, doc.name


# --- held-out layouts: own excerpts for each general rule ----------------------------------------


def test_mediawiki_heading_lists_with_offices_and_absence() -> None:
    text = (
        "'''Kerhon hallitus 2/2024'''\n\n== Paikalla ==\n* Aino Aalto, puheenjohtaja\n"
        "* Eero Ek, tiedotusvastaava (saapui klo 18.10)\n* Iida Ilo, sihteeri\n\n=== Poissa ===\n"
        "* Olli Oja, jäsen\n\n== 1 § Avaus ==\nAvattiin.\n\n== 2 § Muut ==\nEi muuta.\n"
    )
    assert people(text) == {
        "Aino Aalto": (["chair"], True, None),
        "Eero Ek": (["member"], True, None),
        "Iida Ilo": (["secretary"], True, None),
        "Olli Oja": (["member"], False, None),
    }


def test_html_table_rows_give_role_and_presence() -> None:
    html = (
        "<html><body><h1>Työryhmä</h1><p>Aika: ke 3.4.2024 klo 10</p><h2>Osallistujat</h2><table>"
        "<tr><th>Nimi</th><th>Tehtävä</th><th>Läsnä</th></tr>"
        "<tr><td>Saara Salo</td><td>rehtori, puheenjohtaja</td><td>x</td></tr>"
        "<tr><td>Timo Teräs</td><td>opettaja</td><td>poissa</td></tr>"
        "<tr><td>Ulla Uusi</td><td>Suunnittelu Oy, asiantuntija kohdassa 2</td><td>x</td></tr>"
        "</table><h2>1. Avaus</h2><p>Avattiin.</p><h2>2. Muut</h2><p>Ei.</p></body></html>"
    )
    ex = extract(read_bytes(html.encode(), "memo.html"))
    got = {p.name: (p.roles, p.present, p.organization) for p in ex.participants}
    assert got == {
        "Saara Salo": (["chair"], True, None),
        "Timo Teräs": (["member"], False, None),
        "Ulla Uusi": (["guest", "presenter"], True, "Suunnittelu Oy"),
    }


def test_two_columns_split_by_two_spaces_or_a_tab() -> None:
    text = (
        "Seura ry\n\nLäsnä:\nAnna Aho, pj.  Kalle Koski\nLeena Lehto, siht.\tMatti Mäki (poissa)\n"
        "Pirjo Puro, rahastonhoitaja\n\n1. Avaus\nok\n\n2. Muut\nok\n"
    )
    got = people(text)
    assert got["Anna Aho"][0] == ["chair"] and got["Leena Lehto"][0] == ["secretary"]
    assert got["Kalle Koski"] == (["member"], True, None)
    assert got["Matti Mäki"] == (["member"], False, None)  # `(poissa)` scopes its own column only
    assert got["Pirjo Puro"] == (["member"], True, None)


def test_meetbot_hello_chair_regrets_and_people_present() -> None:
    text = (
        "10:00:01 <alice> #startmeeting Docs team\n"
        "10:00:01 <zbot> Meeting started Wed Jan 10 10:00:01 2024 UTC. The chair is alice.\n"
        "10:00:05 <alice> #chair bob_w\n10:00:09 <bob_w> .hello bobw\n10:00:12 <carol> .hello carol\n"
        "10:00:20 <alice> dave sent regrets\n10:01:00 <alice> #topic Release\n"
        "10:02:00 <alice> #agreed Ship 2.0 on Friday\n10:05:00 <alice> #endmeeting\n"
        "10:05:01 <zbot> Meeting ended Wed Jan 10 10:05:00 2024 UTC.\n\n"
        "People present (lines said)\n---------------------------\n\n* alice (5)\n* carol (1)\n* zbot (2)\n"
    )
    ex = run(text, "log.txt")
    got = {p.name: (p.roles, p.present) for p in ex.participants}
    assert got == {
        "alice": (["chair"], True),
        "bob_w": (["chair"], True),
        "carol": (["member"], True),
        "dave": (["member"], False),
    }
    assert ex.meeting is not None
    assert (ex.meeting.date, ex.meeting.start, ex.meeting.end, ex.meeting.timezone) == (
        "2024-01-10",
        "10:00",
        "10:05",
        "UTC",
    )
    assert [d.quote for d in ex.decisions] == ["Ship 2.0 on Friday"]


def test_rst_field_list_gives_date_times_and_officers() -> None:
    text = (
        "Widget WG call\n==============\n\n:Date: 2023-02-09, 15:00–16:00 UTC\n:Location: Zoom\n"
        ":Chair: Ann Bell (@ann)\n:Notes: Carl Dahl\n:Attendees: Ann Bell, Carl Dahl, Eva Lund\n\n"
        "Agenda\n======\n\n1. Intro\n2. Plans\n\nIntro\n-----\nok\n\nPlans\n-----\nok\n"
    )
    ex = run(text, "notes.rst")
    got = {p.name: (p.roles, p.present) for p in ex.participants}
    assert got == {
        "Ann Bell": (["chair"], True),
        "Carl Dahl": (["secretary"], True),
        "Eva Lund": (["member"], True),
    }
    assert ex.meeting is not None
    assert (ex.meeting.date, ex.meeting.start, ex.meeting.end, ex.meeting.timezone, ex.meeting.place) == (
        "2023-02-09",
        "15:00",
        "16:00",
        "UTC",
        "Zoom",
    )


def test_honorifics_organisations_offices_and_capital_titles() -> None:
    text = (
        "NORTHVALE TOWN COUNCIL\n\nMinutes of the meeting held on Monday 4 March 2024\n\n"
        "Present:    Cllr Ruth Penn (Chairman), Councillor Tom Gale, Dr. Ada Stone\n"
        "In attendance: Mr Ian Frost (Clerk), Prof. Lea Moor (for item 3)\n"
        "Apologies: Mrs Joan Hill\n\n"
        "Osallistujat:\n- prof. Kari Kallio, Luke\n- Sari Salo, Energiavirasto\n"
        "- Pia Pelto, ELY-keskus, tutkija\n\n"
        "1/24 MINUTES\nApproved.\n\n2/24 FINANCE\nNoted.\n"
    )
    got = people(text)
    assert got["Ruth Penn"][0] == ["chair"]
    assert "Tom Gale" in got and "Ada Stone" in got
    assert got["Ian Frost"][0] == ["secretary"]
    assert got["Lea Moor"][0] == ["guest", "presenter"]
    assert got["Joan Hill"][1] is False
    assert got["Kari Kallio"] == (["member"], True, "Luke")
    assert got["Sari Salo"] == (["member"], True, "Energiavirasto")
    assert got["Pia Pelto"][2] == "ELY-keskus"
    assert not any(n.isupper() or n in ("Luke", "Energiavirasto") for n in got)


def test_office_after_a_name_gives_the_role_and_a_title_line_is_no_person() -> None:
    text = (
        "KERROSTALO OY\n\nHALLITUKSEN KOKOUS\n\nAika:  ma 2.9.2024 klo 18\n\n"
        "Läsnä:  Aila Aro, puheenjohtaja\n        Veli Vuori, varapuheenjohtaja\n"
        "        Jaana Joki, isännöitsijä, sihteeri (Isännöinti Joki Oy)\n\nPoissa:  Raili Ranta, jäsen\n\n"
        "§ 1 Avaus\n\nAvattiin.\n\n§ 2 Muut\n\nEi muuta.\n"
    )
    assert people(text) == {
        "Aila Aro": (["chair"], True, None),
        "Veli Vuori": (["vice_chair"], True, None),  # not made absent by the `Poissa:` further on
        "Jaana Joki": (["secretary"], True, "Isännöinti Joki Oy"),
        "Raili Ranta": (["member"], False, None),
    }


def test_tex_title_and_date_are_read_as_the_head() -> None:
    tex = (
        "\\documentclass{article}\n\\title{Hilltop Choir\\\\Committee minutes}\n\\date{Monday 6 May 2024}\n"
        "\\begin{document}\n\\maketitle\n\\section{Present}\nAnn Bell (Chair), Carl Dahl\n\n"
        "\\section{Minutes}\nThe minutes of the meeting held on 8 April 2024 were approved.\n"
        "\\end{document}\n"
    )
    ex = extract(read_bytes(tex.encode(), "m.tex"))
    assert ex.meeting is not None and ex.meeting.date == "2024-05-06"


def test_log_timestamp_seconds_are_no_start_time() -> None:
    text = "Team notes 5.5.2024\n\n09:00:07 meeting started by Ann\n\n1. Intro\nok\n\n2. Rest\nok\n"
    h = read_header(text, segment(text).header_end)
    assert h.start in (None, "09:00")


def test_next_meeting_place_after_the_time_in_either_language() -> None:
    fi = "1. Muut\n\nSeuraava kokous pidetään pe 7.6. klo 17.30 kylätalon salissa.\n"
    nm, _ = next_of(fi, date(2024, 5, 3))
    assert nm is not None and (nm["date"], nm["start"], nm["place"]) == (
        "2024-06-07",
        "17:30",
        "kylätalon salissa",
    )
    en = "1. Date of next meeting\n\nNext meeting: Monday 3 February 2025, 7pm, Church Rooms.\n"
    nm, _ = next_of(en, date(2025, 1, 6))
    assert nm is not None and (nm["date"], nm["start"], nm["place"]) == (
        "2025-02-03",
        "19:00",
        "Church Rooms",
    )


def test_next_meeting_place_labelled_paikkana_keeps_the_whole_name() -> None:
    # (the label `paikkana` is not `paikka` followed by a place that starts with `na`)
    fi = "1. Muut\n\nSeuraava kokous pidetään ti 2.4. klo 18 paikkana Kerhohuone.\n"
    nm, _ = next_of(fi, date(2024, 3, 12))
    assert nm is not None and (nm["date"], nm["start"], nm["place"]) == ("2024-04-02", "18:00", "Kerhohuone")


def test_next_meeting_from_a_log_line_quotes_that_line_only() -> None:
    text = (
        "12:00:00 <ann> #topic Misc\n12:01:00 <bob> lunch?\n"
        "12:02:00 <ann> #info Next meeting: Thursday 2024-05-16 12:00 UTC\n12:03:00 <ann> #endmeeting\n"
    )
    nm, _ = next_of(text, date(2024, 5, 2), "Docs")
    assert nm is not None
    assert (nm["date"], nm["start"], nm["timezone"]) == ("2024-05-16", "12:00", "UTC")
    assert nm["quote"] == "12:02:00 <ann> #info Next meeting: Thursday 2024-05-16 12:00 UTC"


def test_another_bodys_next_meeting_is_not_ours() -> None:
    text = "1. Ilmoitukset\n\n* Edustajiston seuraava kokous on ke 10.4. klo 17.\n"
    assert next_of(text, date(2024, 3, 20))[0] is None


def test_passive_resolution_line_and_repeated_resolutions() -> None:
    fi = "1. Kevätretki\n\nPidetään kevätretki Nuuksioon toukokuussa.\n\n2. Muut\n\nKeskusteltiin.\n"
    assert [(d.agenda_item, d.quote) for d in find_decisions(fi, segment(fi).sections)] == [
        ("1", "Pidetään kevätretki Nuuksioon toukokuussa.")
    ]
    en = (
        "1. Budget\n\nRESOLVED: the 2025 budget of 4,000 euros was adopted.\n\n"
        "2. Summary of resolutions\n\n- the 2025 budget of 4,000 euros was adopted.\n"
    )
    assert len(find_decisions(en, segment(en).sections)) == 1


def test_meeting_date_is_not_a_date_inside_a_resolution() -> None:
    text = (
        "Garden club committee\n\nThe minutes of the meeting held on 2 April 2024 were approved.\n"
        "Committee meeting, 7 May 2024\n\n1. Plants\nok\n\n2. Other\nok\n"
    )
    assert read_header(text, segment(text).header_end).date == date(2024, 5, 7)
    # The meeting's own `held on` line is its date.
    own = "Minutes of the club meeting held on Tuesday 4 June 2024\n\n1. Plants\nok\n\n2. Other\nok\n"
    assert read_header(own, segment(own).header_end).date == date(2024, 6, 4)


# --- generalised layouts (own excerpts) -------------------------------------------------------


def test_column_blocks_with_roles_after_a_comma_and_offices_before_the_name() -> None:
    text = (
        "Kylätoimikunta\n\nAika: 4.3.2025 klo 18\n\nLäsnä:\nHanna Mäkelä, puheenjohtaja\n"
        "vesimestari Jarmo Eskelinen\n\nEstyneenä:\nTimo Rinne, jäsen\n\n"
        "Lisäksi paikalla:\ntoiminnanjohtaja Sanna Heino\n\n1. Avaus\nAvattiin.\n"
    )
    got = people(text)
    assert got["Hanna Mäkelä"][:2] == (["chair"], True)
    assert got["Jarmo Eskelinen"][1] is True
    assert got["Timo Rinne"][1] is False
    assert got["Sanna Heino"][:2] == (["guest"], True)
    assert "Estyneenä" not in got


def test_english_wrapped_present_list_roles_in_brackets_and_organisation() -> None:
    text = (
        "Board meeting, Tuesday 11 February 2025, 18:00–19:30, Boardroom 2\n\n"
        "Directors present: Ann Lee (Treasurer), Bob Ray (Secretary),\nCarol Diaz (Chair)\n"
        "Also present: Mark Delaney, Coastline Property Management\nApologies: Eve Stone\n"
    )
    got = people(text)
    assert set(got) == {"Ann Lee", "Bob Ray", "Carol Diaz", "Mark Delaney", "Eve Stone"}
    assert got["Mark Delaney"] == (["guest"], True, "Coastline Property Management")
    assert got["Carol Diaz"][0] == ["chair"] and got["Eve Stone"][1] is False
    ex = run(text)
    assert ex.meeting is not None and ex.meeting.place == "Boardroom 2"
    assert (ex.meeting.start, ex.meeting.end) == ("18:00", "19:30")


def test_job_titles_and_departments_are_not_people() -> None:
    text = (
        "Date: 2 April 2024\nPresent:\nMary Jones, Infection Prevention Nurse\nSuperintendent\n"
        "Chief Business Official\nPatient Safety\nTalouspäällikkö\n"
    )
    assert set(people(text)) == {"Mary Jones"}


def test_roll_call_lines_with_present_and_absent_status() -> None:
    html = (
        "<h1>Trustees</h1><p>Date: 14 March 2023</p><h2>Roll call</h2><ul>"
        "<li>Susan Park, President – present</li><li>Kevin Hart, Treasurer – absent (excused)</li></ul>"
    )
    got = {p.name: (p.roles, p.present) for p in run(html, "r.html").participants}
    assert got == {"Susan Park": (["chair"], True), "Kevin Hart": (["member"], False)}


def test_html_participant_table_and_header_table() -> None:
    html = (
        "<h1>Kerho</h1><table><tr><th>Aika</th><td>15.1.2024 klo 18–20</td></tr>"
        "<tr><th>Paikka</th><td>Kulttuuritalo Vellamo</td></tr></table>"
        "<table><tr><th>Nimi</th><th>Tehtävä</th><th>Läsnä</th></tr>"
        "<tr><td>Aino Aalto</td><td>puheenjohtaja</td><td>x</td></tr>"
        "<tr><td>Olli Oja</td><td>jäsen</td><td></td></tr>"
        "<tr><td>Patient Safety</td><td>Department</td><td>x</td></tr></table>"
    )
    ex = run(html, "k.html")
    assert ex.meeting is not None and ex.meeting.place == "Kulttuuritalo Vellamo"
    assert (ex.meeting.date, ex.meeting.start, ex.meeting.end) == ("2024-01-15", "18:00", "20:00")
    got = {p.name: (p.roles, p.present) for p in ex.participants}
    assert got == {"Aino Aalto": (["chair"], True), "Olli Oja": (["member"], False)}


def test_tex_table_rows_become_labels_and_item_lists_give_roles() -> None:
    tex = (
        "\\begin{document}\n\\section*{Kerho}\n\\begin{tabular}{ll}\nAika & 15.1.2024 klo 18--20 \\\\\n"
        "Paikka & Kulttuuritalo Vellamo \\\\\n\\end{tabular}\n\\section{Present}\n\\begin{itemize}\n"
        "\\item Ann Lee, Treasurer (Chair)\n\\end{itemize}\n\\section{Next meeting}\n"
        "Monday 12 February 2024, 18:00.\n\\end{document}\n"
    )
    ex = run(tex, "k.tex")
    assert ex.meeting is not None and ex.meeting.place == "Kulttuuritalo Vellamo"
    assert [(p.name, p.roles) for p in ex.participants] == [("Ann Lee", ["chair"])]
    assert ex.next_meeting is not None and (ex.next_meeting.date, ex.next_meeting.start) == (
        "2024-02-12",
        "18:00",
    )


def test_time_on_an_emphasised_head_line_and_next_call_bullet() -> None:
    text = (
        "# Organisers' call\n\n*Video call, 19:30–20:15.*\n\nDate: 6 May 2025\n\n"
        "- Next organisers' call: Tuesday 3 June, 19:30\n"
    )
    ex = run(text, "c.md")
    assert ex.meeting is not None and (ex.meeting.start, ex.meeting.end) == ("19:30", "20:15")
    assert ex.next_meeting is not None and (ex.next_meeting.date, ex.next_meeting.start) == (
        "2025-06-03",
        "19:30",
    )


def test_next_meeting_under_a_heading_with_a_place_over_two_lines() -> None:
    text = (
        "Seura\n\nAika: 4.3.2025\n\nSeuraava kokous\n\n"
        "tiistaina 8.4.2025 klo 18\nKoivukylän koulu,\nkirjasto\n"
    )
    nm, _ = next_of(text, date(2025, 3, 4))
    assert nm is not None and (nm["date"], nm["start"]) == ("2025-04-08", "18:00")
    assert nm["place"] == "Koivukylän koulu, kirjasto"
    en = "Date: 5 May 2024\n\nDate of next meeting\nMonday 3 June 2024 at 7pm in the Village Hall\n"
    ex = run(en)
    assert ex.meeting is not None and ex.meeting.place is None  # the next meeting's place is not this one's
    assert (
        ex.next_meeting is not None and ex.next_meeting.place == "the Village Hall"
    )  # as written, with its article


def test_motions_carried_and_votes_are_decisions() -> None:
    text = (
        "1. Minutes\nMotion (Lee/Ray) to approve the minutes carried.\n2. Budget\nCarried 4-0.\n"
        "3. Paint\nMotion passed.\n4. Audit\nThe audit was carried out in May.\n"
        "5. Talous\nEhdotus hyväksyttiin äänin 5-2.\n6. Muut\nHyväksyttiin yksimielisesti.\n"
    )
    got = [(d.agenda_item, d.text) for d in find_decisions(text, segment(text).sections)]
    assert [n for n, _ in got] == ["1", "2", "3", "5", "6"]


def test_people_who_act_are_participants_without_a_list() -> None:
    text = (
        "Kokous 4.3.2025\n\n1. Avaus\nSari Vainio avasi kokouksen.\n2. Talous\nPekka Lahti esitteli tilit.\n"
    )
    got = people(text)
    assert got["Sari Vainio"][:2] == (["chair"], True)
    assert got["Pekka Lahti"][:2] == (["presenter"], True)
    listed = "Present: Ann Lee, Bob Ray\n\n1. Talk\nDan Fox presented the plans.\n"
    assert set(people(listed)) == {"Ann Lee", "Bob Ray"}  # the list is the record


# --- round 4: header, participants, next meeting (own short excerpts) ---------------------------


def test_stated_time_zones_map_to_iana_names_and_times_stay_as_written() -> None:
    en = run("Garden Club\nDate: 12 March 2025, 10:00 Pacific time\nPresent: Ann Lee, Bo Kim\n")
    assert en.meeting is not None and en.meeting.start == "10:00"
    assert en.meeting.timezone == "America/Los_Angeles"
    fi = run("Seuran hallitus\nAika: 4.3.2025 klo 18.00 CET\nLäsnä: Aino Aho, Bo Berg\n")
    assert fi.meeting is not None and (fi.meeting.start, fi.meeting.timezone) == ("18:00", "Europe/Berlin")
    plain = run("Seuran hallitus\nAika: 4.3.2025 klo 18\nLäsnä: Aino Aho, Bo Berg\n")
    assert plain.meeting is not None and plain.meeting.timezone == "Europe/Helsinki"


def test_date_only_in_a_heading_under_a_recurring_schedule() -> None:
    text = (
        "# Build tools SIG\n\nBiweekly, Wednesdays 17:00 UTC | Zoom\n\nNotes are public.\n\n"
        "## 2025-11-05\n\nAttendees: Ann Lee, Bo Kim\n"
    )
    ex = run(text, "notes.md")
    assert ex.meeting is not None
    assert (ex.meeting.date, ex.meeting.start, ex.meeting.timezone, ex.meeting.place) == (
        "2025-11-05",
        "17:00",
        "UTC",
        "Zoom",
    )


def test_start_and_place_stated_in_prose() -> None:
    text = (
        "Canal Trust\nBoard minutes, 6 March 2025\n\nThe meeting was scheduled for 6:30pm (Eastern) "
        "and began at 6:41. It was held online via Microsoft Teams.\n\nPresent: Ann Lee, Bo Kim\n"
    )
    ex = run(text)
    assert ex.meeting is not None
    assert (ex.meeting.start, ex.meeting.timezone, ex.meeting.place) == (
        "18:30",
        "America/New_York",
        "Microsoft Teams",
    )


def test_unlabelled_place_line_under_the_date_is_no_attendee() -> None:
    text = (
        "Riverside Allotments\nTuesday 3 June 2025, 7pm\nParish Rooms, Mill Street\n\n"
        "Present: Ann Lee, Bo Kim\n"
    )
    ex = run(text)
    assert ex.meeting is not None and ex.meeting.place == "Parish Rooms, Mill Street"
    assert sorted(p.name for p in ex.participants) == ["Ann Lee", "Bo Kim"]


def test_breadcrumbs_and_wiki_templates_are_not_the_group() -> None:
    html = "<nav>Home » Clubs » Minutes</nav><h1>Chess Club committee</h1><p>Date: 3 Feb 2025</p>"
    assert run(html, "m.html").group == "Chess Club committee"
    wiki = (
        "{{Muistio\n|pvm=2025-02-03\n}}\n= Shakkikerhon hallituksen kokous 3.2.2025 =\n"
        "Läsnä: Aino Aho, Bo Berg\n"
    )
    assert run(wiki, "m.wiki").group == "Shakkikerhon hallitus"


def test_english_officer_titles_and_note_takers() -> None:
    got = people(
        "Present: Jo Hill (Commodore, in the chair), Al Ng (Vice Commodore), Sam Roy (Hon. Secretary), "
        "Eli Fox\n"
        "Notes: Kim Lau\n"
    )
    assert got["Jo Hill"][0] == ["chair"]
    assert got["Al Ng"][0] == ["vice_chair"]
    assert got["Sam Roy"][0] == ["secretary"]
    assert got["Kim Lau"][0] == ["secretary"]
    assert got["Eli Fox"][0] == ["member"]


def test_extra_presence_groups_and_organisations_after_from() -> None:
    got = people(
        "Members present: Ann Lee, Bo Kim\nSenior Officers Present: Cy Day\n"
        "Also present: Dee Roe from the District Council (guest, item 2)\n"
        "By invitation: Eva Sun, planning officer\n"
    )
    assert got["Cy Day"][:2] == (["member"], True)
    assert got["Dee Roe"] == (["guest"], True, "District Council")
    assert got["Eva Sun"][0] == ["guest"]
    fi = people("Läsnä: Aino Aho, Bo Berg\nMuut: Cea Cox, sihteeri; Dan Dahl, vieras\n")
    assert fi["Cea Cox"][0] == ["secretary"] and fi["Dan Dahl"][0] == ["guest"]


def test_role_as_sub_heading_and_after_a_dash() -> None:
    got = people(
        "Puheenjohtaja:\n    Aino Aho\n\nLäsnä: Bo Berg, luottamusmies (JHL) – varapuheenjohtaja, Cea Cox\n"
    )
    assert got["Aino Aho"][0] == ["chair"]
    assert got["Bo Berg"][0] == ["vice_chair"]
    assert got["Cea Cox"][0] == ["member"]


def test_handles_and_remarks_do_not_break_an_attendee_list() -> None:
    got = people("## Attendees\n- @mori\n- dev_42\n- Ana Ruiz (@aruiz) — first time, infra team\n- Bo Berg\n")
    assert {"@mori", "dev_42", "Ana Ruiz", "Bo Berg"} <= set(got)


def test_office_before_a_name_and_officials_named_only_in_the_body() -> None:
    text = (
        "Yhdistyksen kevätkokous 12.3.2026\n\nLäsnä: 31 jäsentä (liite)\n\n1. Avaus\n"
        "Hallituksen puheenjohtaja Tiina Lampi avasi kokouksen.\n\n2. Järjestäytyminen\n"
        "Puheenjohtajaksi valittiin Jussi Koski, sihteeriksi Maija Aalto sekä pöytäkirjantarkastajiksi "
        "Pia Salo ja Timo Ruuth.\nRahastonhoitaja Liisa Kallio oli poissa.\n\n3. Kuulumiset\n"
        "Toiminnanjohtaja Eero Nieminen kertoi kesän leiristä.\n"
    )
    got = people(text)
    assert got["Jussi Koski"][0] == ["chair"] and got["Maija Aalto"][0] == ["secretary"]
    assert got["Pia Salo"][0] == got["Timo Ruuth"][0] == ["minutes_checker"]
    assert got["Tiina Lampi"][0] == ["member"]  # chair of the board, not of this meeting
    assert got["Liisa Kallio"][1] is False
    assert "Eero Nieminen" in got and "Toiminnanjohtaja Eero Nieminen" not in got


def test_next_meeting_table_row_of_this_body() -> None:
    text = (
        "Tulevat kokoukset\n\n| Kokous | Päivä | Aika | Paikka |\n|---|---|---|---|\n"
        "| Syyskokous | 20.11.2025 | 18:00 | Seurantalo |\n| Hallitus | 6.11.2025 | 17:30 | Kerhohuone |\n"
    )
    nm, _ = next_of(text, date(2025, 10, 9), "Seuran hallitus")
    assert nm is not None and (nm["date"], nm["start"], nm["place"]) == ("2025-11-06", "17:30", "Kerhohuone")


def test_cancelled_meeting_is_skipped_for_the_real_next_one() -> None:
    nm, _ = next_of(
        "Next meeting\nNo meeting on 1 July (summer break); next meeting 5 August at 18:00.", date(2025, 6, 3)
    )
    assert nm is not None and (nm["date"], nm["start"]) == ("2025-08-05", "18:00")
    fi, _ = next_of(
        "Seuraava kokous: 10.6. kokous perutaan, seuraava kokous 17.6. tavalliseen aikaan klo 17.",
        date(2025, 6, 3),
    )
    assert fi is not None and (fi["date"], fi["start"]) == ("2025-06-17", "17:00")


def test_recurring_schedule_time_and_place_carry_over_to_the_next_date() -> None:
    text = (
        "# Infra WG\n\nWeekly on Thursdays 16:00 CET · Room Kide\n\n"
        "Next meeting: 2025-03-13\n\n## 2025-03-06\n"
    )
    ex = run(text, "wg.md")
    assert ex.next_meeting is not None
    nm = ex.next_meeting
    assert (nm.date, nm.start, nm.place, nm.timezone) == ("2025-03-13", "16:00", "Room Kide", "Europe/Berlin")


def test_next_meeting_sentence_span_is_exposed_for_the_action_stage() -> None:
    from muistio.extraction.next_meeting import locate_next_meeting

    text = (
        "Kerhon hallitus 12.4.2025\n\n5. Seuraava kokous\n"
        "Seuraava kokous toukokuussa, kutsu lähetetään myöhemmin.\n"
    )
    seg = segment(text)
    nm, _w, span = locate_next_meeting(
        text, seg.sections, date(2025, 4, 12), "Kerhon hallitus", "Europe/Helsinki"
    )
    assert nm is not None and nm.date is None
    assert span is not None and "toukokuussa" in text[span[0] : span[1]]


# --- two-column attendee blocks (PDF text) ---


def _by_name(ex: Extraction) -> dict[str, tuple[list[str], bool]]:
    return {p.name: (list[str](p.roles), p.present) for p in ex.participants}


def test_two_column_attendees_fi_each_cell_one_person_with_its_label() -> None:
    ex = run(
        "Kylätoimikunta\nKokous 4.3.2026 klo 18, Seuratalo, Myllytie 2\n\n"
        "Läsnä:                       Poissa:\n"
        "Aili Harju, pj.              Onni Kivelä\n"
        "Reino Sola                   Muut:\n"
        "Tuula Vesa, siht.            Elsa Marin (vieras)\n"
        "Veli Ranta                   Pirjo Lumme-\n"
        "                             lahti\n\n"
        "1. Kokouksen avaus\nPuheenjohtaja avasi kokouksen.\n"
    )
    got = _by_name(ex)
    assert got == {
        "Aili Harju": (["chair"], True),
        "Reino Sola": (["member"], True),
        "Tuula Vesa": (["secretary"], True),
        "Veli Ranta": (["member"], True),
        "Onni Kivelä": (["member"], False),
        "Elsa Marin": (["guest"], True),
        "Pirjo Lummelahti": (["guest"], True),
    }


def test_two_column_attendees_en_wrapped_entry_and_label_in_cell() -> None:
    ex = run(
        "Elmford Cycling Club\nCommittee meeting, 9 April 2026, 7pm\n\n"
        "Present:                         Apologies:\n"
        "Rhona Pike (Chair)               Lyle Dent\n"
        "Owen Fisk (Secretary)            Cara Lowe\n"
        "Ivy Stone                        In attendance:\n"
        "Hal Moss                         Bram Holt (County Council,\n"
        "                                 highways officer)\n\n"
        "1. Minutes\nThe minutes were approved.\n"
    )
    got = _by_name(ex)
    assert got["Rhona Pike"] == (["chair"], True)
    assert got["Owen Fisk"] == (["secretary"], True)
    assert got["Lyle Dent"] == (["member"], False) and got["Cara Lowe"] == (["member"], False)
    assert got["Bram Holt"] == (["guest"], True)
    assert len(got) == 7  # no person made of `In`, a label or an organisation fragment
    ex2 = run(
        "Läsnä: Kaisu Rinne, pj.        Poissa: Matti Ojala\n"
        "       Jouni Peltola                   Sirkka Aho\n"
        "       Leo Kallio\n\n1. Avaus\n"
    )
    got2 = _by_name(ex2)
    assert got2["Kaisu Rinne"] == (["chair"], True) and got2["Leo Kallio"] == (["member"], True)
    assert got2["Matti Ojala"][1] is False and got2["Sirkka Aho"][1] is False


# --- what is and is not a decision ---


def _decisions(body: str) -> list[str]:
    last = max(int(n) for n in re.findall(r"(?m)^(\d+)\. ", body))
    text = f"Hallitus / Committee 1.3.2026\n\n{body}\n\n{last + 1}. Loppu / Close\nKlo 20 / At 8pm.\n"
    return [d.text for d in find_decisions(text, segment(text).sections)]


def test_not_decisions_noted_signature_earlier_meeting_person_agreed() -> None:
    assert (
        _decisions(
            "1. Ilmoitusasiat\nMerkittiin tiedoksi seuran kirjeet.\n\n"
            "2. Pöytäkirja\nEdellisen kokouksen pöytäkirja on hyväksytty edellisessä kokouksessa.\n\n"
            "3. Muut\nPöytäkirja tarkastettu ja hyväksytty 12.4.2026.\n"
        )
        == []
    )
    assert (
        _decisions(
            "1. Correspondence\nThe letter from the school was noted.\n\n"
            "2. Venue\nMia agreed to look into venue options. Tom and Ali Khan agreed to draft the flyer.\n"
            "The plan had already been approved at the last meeting.\n\n"
            "3. Close\nMinutes checked and signed: 20 April 2026.\n"
        )
        == []
    )


def test_one_decision_per_resolution_never_fragment_and_whole() -> None:
    got = _decisions(
        "1. Fair\nAfter some discussion it was\nagreed that the fair moves to the school field.\n"
    )
    assert got == ["After some discussion it was agreed that the fair moves to the school field."]


def test_active_voice_body_and_coordinated_verbs_count_each() -> None:
    assert _decisions("1. Suunnitelma\nKokous hyväksyi toimintasuunnitelman ja valitsi hallituksen.\n") == [
        "Kokous hyväksyi toimintasuunnitelman",
        "valitsi hallituksen.",
    ]
    assert len(_decisions("1. Talous\nHallitus vahvisti talousarvion.\n")) == 1
    assert (
        len(_decisions("1. Officers\nThe board approved the accounts and elected Jo Hart as treasurer.\n"))
        == 2
    )
    # One resolution with two verbs on one object stays one.
    assert len(_decisions("1. Budget\nThe budget was approved and adopted.\n")) == 1


def test_bold_adopted_voted_it_was_agreed_and_scheduling_count() -> None:
    assert _decisions("1. Budget\nThe budget was **adopted**.\n") == ["The budget was **adopted**."]
    assert len(_decisions("1. Fees\nThe members voted to raise the fee to 20 pounds.\n")) == 1
    assert len(_decisions("1. Hall\nIt was agreed that the hall is booked for June.\n")) == 1
    assert len(_decisions("1. Syyskokous\nSyyskokous pidetään la 8.11. kylätalolla.\n")) == 1
    assert len(_decisions("1. Vuosikokous\nPidetään yleinen kokous la 4.7. klo 12.\n")) == 1
    assert len(_decisions("1. AGM\nThe AGM will be held on Friday 5 June at the Hall.\n")) == 1
    # The routine next meeting and a tentative date are no resolutions.
    assert _decisions("1. Seuraava kokous\nSeuraava kokous pidetään ke 3.6. ja aiheena on budjetti.\n") == []
    assert _decisions("1. Yhtiökokous\nYlimääräinen yhtiökokous pidetään alustavasti 25.11.\n") == []


def test_paatos_blocks_count_one_each() -> None:
    got = _decisions(
        "1. Avustus\nKeskusteltiin avustuksesta.\nPäätös:\nHaetaan kunnalta 500 euroa.\n\n"
        "2. Retki\nPäätös: Retki tehdään toukokuussa. Bussi tilataan.\n"
    )
    assert got == ["Haetaan kunnalta 500 euroa.", "Retki tehdään toukokuussa."]


# --- unseen layouts, round 5 (own excerpts; fi and en for each family) ---------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kyläseuran kokous 12.3.2025\n\nLäsnä         Anna Koivu, pj.\n              Pekka Salo, siht.\n"
            "Poissa        Kari Mäkelä\nMuut\nsaapuvilla    Oona Virta (Kyläyhdistys)\n\n1. Avaus\n",
            {
                "Anna Koivu": (["chair"], True, None),
                "Pekka Salo": (["secretary"], True, None),
                "Kari Mäkelä": (["member"], False, None),
                "Oona Virta": (["guest"], True, "Kyläyhdistys"),
            },
        ),
        (
            "Club board 3 March 2025\n\nPresent       Ruth Dale (Chair)\n              Omar Fenn\n"
            "Apologies     Lia Wong\n\n1. Welcome\n",
            {
                "Ruth Dale": (["chair"], True, None),
                "Omar Fenn": (["member"], True, None),
                "Lia Wong": (["member"], False, None),
            },
        ),
    ],
)
def test_column_labels_without_colon(text: str, want: dict) -> None:
    assert people(text) == want


def test_property_table_and_mentions_with_spaces() -> None:
    text = (
        "# Product sync 2025-09-02\n\n| Property | Value |\n|---|---|\n"
        "| Attendees | @Eva Stone @Rui Costa @Tim Berg |\n\n"
        "💡 Facilitator: @Eva Stone · Notes: @Tim Berg\n🏖️ @Nora Lind is OOO\n\n## Updates\n- done\n"
    )
    got = people(text)
    assert got["Eva Stone"][0] == ["chair"] and got["Tim Berg"][0] == ["secretary"]
    assert got["Rui Costa"] == (["member"], True, None)
    assert got["Nora Lind"] == (["member"], False, None)


def test_bare_handle_mention_keeps_its_at_sign() -> None:
    assert "@eva" in people("Sync 2025-09-02\n\nAttendees: @eva, @rui\n")


@pytest.mark.parametrize(
    ("text", "chairs", "guest"),
    [
        (
            "# WG minutes\n\n**Chairs:** Ana Costa, Lars Berg\n**Responsible AD:** Omar Haddad\n",
            ["Ana Costa", "Lars Berg"],
            "Omar Haddad",
        ),
        (
            "Työryhmä 4.3.2025\n\nPuheenjohtajat: Aino Puro, Ville Haka\nVieraat: Sami Laine\n",
            ["Aino Puro", "Ville Haka"],
            "Sami Laine",
        ),
    ],
)
def test_plural_officer_labels(text: str, chairs: list[str], guest: str) -> None:
    got = people(text)
    assert all(got[c][0] == ["chair"] for c in chairs)
    assert got[guest][0] == ["guest"]


def test_presenter_in_heading_slot_and_mic_lines() -> None:
    text = (
        "# WG session 2024-11-04\n\n**Chairs:** Ana Costa\n\n"
        "## 1. Note Well (chairs, 5 min)\nNote Well presented.\n\n"
        "## 2. draft-x (Ines Roth, 20 min)\n- Piet Smit: keep the registry small.\n- Ines Roth: agreed.\n"
    )
    got = people(text)
    assert got["Ines Roth"][0] == ["presenter"]
    assert got["Piet Smit"] == (["member"], True, None)
    assert "Note Well" not in got
    ex = run(text, "wg.md")
    assert [a.presenters for a in ex.agenda if a.number == "2"] == [["Ines Roth"]]


def test_bulleted_labels_are_no_speakers() -> None:
    text = "Notes 2025-01-02\n\n- Budget: fine\n- Venue: booked\n- Catering: ordered\n"
    assert people(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "AGM 4 March 2025\n\nPresent: Ann Lee, Bob Ray\nMinutes: Laura Finch (Hon. Secretary)\n",
            "Laura Finch",
            "secretary",
        ),
        (
            "Hallitus 4.3.2025\n\nLäsnä: Aino Puro, Ville Haka\nMuistion kirjoitti: Sari Vainio\n",
            "Sari Vainio",
            "secretary",
        ),
    ],
)
def test_minutes_label_names_the_secretary(text: str, name: str, role: str) -> None:
    assert people(text)[name][0] == [role]


def test_minutes_label_with_no_name_is_nobody() -> None:
    got = people("Board 4 March 2025\n\nPresent: Ann Lee, Bob Ray\nMinutes: Approved\n")
    assert set(got) == {"Ann Lee", "Bob Ray"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Board 4 March 2025\n\nPresent: Ann Lee\nApologies were received from Rob Hale and Jean Marsh.\n",
            {"Rob Hale", "Jean Marsh"},
        ),
        (
            "Council 4 March 2025\n\nPresent: Ann Lee\n"
            "Apologies for absence were received from Councillor Tim West."
            " The chair opened the meeting.\n",
            {"Tim West"},
        ),
        (
            "Hallitus 4.3.2025\n\nLäsnä: Aino Puro\nPoissa olivat Jussi Lepo ja Maija Lepo.\n",
            {"Jussi Lepo", "Maija Lepo"},
        ),
    ],
)
def test_absence_written_as_prose(text: str, absent: set[str]) -> None:
    got = people(text)
    assert {n for n, (_r, present, _o) in got.items() if not present} == absent


def test_absence_words_mid_sentence_are_no_list() -> None:
    got = people("Board 4 March 2025\n\nPresent: Ann Lee, Bob Ray\nThere were no apologies from Tom Hill.\n")
    assert set(got) == {"Ann Lee", "Bob Ray"}


def test_irc_roll_call_info_line() -> None:
    text = (
        "TC meeting 2025-06-05\n[10:00] <ana> #startmeeting tc\n"
        "[10:00] <ana> #info present: ana, bo_k, ziggy; regrets: max\n[10:06] <ana> #endmeeting\n"
    )
    got = people(text)
    assert got["ana"][0] == ["chair"]
    assert got["bo_k"][1] and got["ziggy"][1] and not got["max"][1]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Committee 12 May 2025\n\nPresent: Councillors Ann Lee, Bob Ray and Cy Dunn\n",
            {"Ann Lee", "Bob Ray", "Cy Dunn"},
        ),
        ("Committee 12 May 2025\n\nPresent: Cllrs Ann Lee and Bob Ray\n", {"Ann Lee", "Bob Ray"}),
    ],
)
def test_plural_honorific_is_no_part_of_a_name(text: str, names: set[str]) -> None:
    assert set(people(text)) == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hallitus 5.2.2025\n\n''Läsnä:'' Aino Puro, Ville Haka\n''Poissa:'' Kari Mäkelä\n", "Kari Mäkelä"),
        ("Board 5 Feb 2025\n\n**Present:** Ann Lee, Bob Ray\n**Absent:** Tom Hill\n", "Tom Hill"),
    ],
)
def test_labels_wrapped_in_markup(text: str, name: str) -> None:
    assert people(text)[name][1] is False


def test_latex_apologies_with_control_space() -> None:
    tex = (
        "\\documentclass{article}\\begin{document}\\section*{Committee 3 June 2025}\n"
        "\\textbf{Present:} Ann Lee, Bob Ray\\\\\n\\textbf{Apologies:} Rev.\\ Tom Hill\\\\\n\\end{document}\n"
    )
    got = {p.name: p.present for p in run(tex, "m.tex").participants}
    assert got == {"Ann Lee": True, "Bob Ray": True, "Tom Hill": False}


def test_organisation_after_a_comma_and_initials_in_brackets() -> None:
    got = people(
        "AGM 4 March 2025\n\nPresent: Ann Lee (AL) -- Chair, Bob Ray (BR)\n"
        "Guest: Nina Cole, Yorkshire CCA (County representative)\n"
    )
    assert got["Ann Lee"] == (["chair"], True, None)  # initials are no organisation
    assert got["Bob Ray"] == (["member"], True, None)
    assert got["Nina Cole"] == (["guest"], True, "Yorkshire CCA")
    assert "Yorkshire CCA" not in got


def test_officers_in_attendance_are_guests() -> None:
    got = people(
        "Planning Committee 12 May 2025\n\nPresent: Ann Lee, Bob Ray\n"
        "Officers in attendance: Mary Holt (Planning Officer)\n"
    )
    assert got["Mary Holt"][0] == ["guest"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Satamalautakunta 4.3.2025\n\n2. Katsaus\nSatamakapteeni Ronja Lehto esitteli aikataulun.\n",
            "Ronja Lehto",
        ),
        (
            "Harbour board 4 March 2025\n\n2. Review\nHarbourmaster Rhona Lee presented the timetable.\n",
            "Rhona Lee",
        ),
    ],
)
def test_job_title_before_an_actor_is_no_part_of_the_name(text: str, name: str) -> None:
    assert list(people(text)) == [name]


# --- meeting header, round 5 ---


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        (
            "Allotment Society AGM\nTuesday 4 March 2025, 6.30pm – 8pm<br>Room 3, Town Hall\n\n"
            "Present: Ann Lee\n",
            "m.md",
            "Room 3, Town Hall",
        ),
        (
            "Kyläseuran kokous\nTiistai 4.3.2025 klo 18–20\nKylätalo\n\nLäsnä: Aino Puro\n",
            "m.txt",
            "Kylätalo",
        ),
    ],
)
def test_place_on_the_line_after_the_date(text: str, name: str, place: str) -> None:
    m = run(text, name).meeting
    assert m is not None and m.place == place


def test_br_inside_a_table_row_stays() -> None:
    # One cell with line-broken entries keeps its row: the entries are joined, not split into lines.
    doc = read_bytes(b"| Name | Notes |\n|---|---|\n| Ann | one<br>two |\n", "m.md")
    assert "| Ann | one; two |" in doc.text


def test_place_after_time_and_zone_on_a_session_line() -> None:
    m = run("# WG\n\n**Session:** Monday, 4 Nov 2024, 09:30–11:30 (GMT), Room Liffey A\n", "m.md").meeting
    assert m is not None
    assert (m.start, m.end, m.place) == ("09:30", "11:30", "Room Liffey A")


@pytest.mark.parametrize(
    ("row", "start", "end", "zone"),
    [
        ("| Date | September 2, 2025 2:00 PM (CEST) → 2:30 PM |", "14:00", "14:30", "Europe/Berlin"),
        ("| Päivämäärä | 2.9.2025 klo 14.00 → 15.30 |", "14:00", "15:30", "Europe/Helsinki"),
    ],
)
def test_time_range_with_an_arrow_in_a_property_table(row: str, start: str, end: str, zone: str) -> None:
    m = run(f"# Sync\n\n| Property | Value |\n|---|---|\n{row}\n").meeting
    assert m is not None
    assert (m.start, m.end, m.timezone) == (start, end, zone)


def test_no_stated_zone_keeps_the_default_for_english_minutes() -> None:
    m = run("Parish Council\nMinutes of the meeting held on 12 May 2025 at 7pm\n\nPresent: Ann Lee\n").meeting
    assert m is not None and m.timezone == "Europe/Helsinki"  # never guessed from the language


# --- next meeting, round 5 ---


@pytest.mark.parametrize(
    ("html", "want"),
    [
        (
            "<h1>Parish council</h1><p>5 November 2025</p><h3>60/25 Apologies</h3><p>None.</p>"
            "<h3>61/25 Date of next meeting</h3><p>Wednesday 3 December 2025 at 7pm, Room 3.</p>",
            ("2025-12-03", "19:00", "Room 3"),
        ),
        (
            "<h1>Kyläseura</h1><p>5.11.2025</p><h3>§ 12 Seuraava kokous</h3>"
            "<p>Keskiviikkona 3.12.2025 klo 18.</p>",
            ("2025-12-03", "18:00", None),
        ),
    ],
)
def test_numbered_next_meeting_heading_with_the_value_below(html: str, want: tuple) -> None:
    nm = run(html, "m.html").next_meeting
    assert nm is not None and (nm.date, nm.start, nm.place) == want


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("[10:05] <ana> next meeting in two weeks, same time", "10:00"),
        ("[10:05] <ana> seuraava kokous kahden viikon päästä samaan aikaan", "10:00"),
    ],
)
def test_same_time_in_a_log_is_the_meeting_start(line: str, start: str) -> None:
    text = f"TC 2025-06-05\n[10:00] <ana> #startmeeting tc\n{line}\n[10:06] <ana> #endmeeting\n"
    nm = run(text).next_meeting
    assert nm is not None and nm.date == "2025-06-19" and nm.start == start


@pytest.mark.parametrize(
    "text",
    [
        "Rugby Club AGM, 10 July 2025\n\nPresent: Ann Lee (Chair)\n\n8. AOB\n"
        "The next committee meeting is on Wednesday 13 August 2025 at 7pm.\nNext AGM: June 2026, date tbc.\n",
        "Tiekunnan vuosikokous 10.7.2025\n\nLäsnä: Aino Puro\n\n8. Muut asiat\n"
        "Seuraava hallituksen kokous on 13.8.2025 klo 18.\n",
    ],
)
def test_general_meeting_ignores_the_boards_next_meeting(text: str) -> None:
    nm = run(text).next_meeting
    assert nm is None or nm.date is None


# --- decisions, round 5 ---


def test_vote_result_beside_a_resolution_is_not_counted_twice() -> None:
    text = (
        "Board 3.3.2025\n\n1. Budget\nRESOLVED: that the budget be adopted.\nMotion carried (4-0).\n\n"
        "2. Hall\nMotion carried unanimously.\n"
    )
    got = [(d.agenda_item, d.text) for d in run(text).decisions]
    assert got == [("1", "that the budget be adopted."), ("2", "Motion carried unanimously.")]


@pytest.mark.parametrize(
    ("heading", "bullets"),
    [
        ("## 🧭 Decisions", ["Ship v2 on Friday", "Drop the legacy importer"]),
        ("## Päätökset", ["Kevätretki tehdään Nuuksioon", "Jäsenmaksu pysyy ennallaan"]),
    ],
)
def test_bullets_under_a_decisions_heading(heading: str, bullets: list[str]) -> None:
    text = (
        "# Sync 2025-09-02\n\n## Updates\nStuff.\n\n" + heading + "\n" + "".join(f"- {b}\n" for b in bullets)
    )
    assert [d.text for d in run(text, "m.md").decisions] == bullets


def test_consensus_label_and_hum_decide_but_consensus_prose_does_not() -> None:
    text = (
        "# WG 2025-03-18\n\n## 3. draft-x\nConsensus in the room: adopt draft-x as a WG item.\n"
        "Strong hum in favour of moving to last call.\nConsensus exists to clarify the text later.\n"
    )
    got = [d.text for d in run(text, "m.md").decisions]
    assert got == ["adopt draft-x as a WG item.", "Strong hum in favour of moving to last call."]


# --- r6: unfamiliar roster labels, year-less head dates, motions, action lists under headings ---


@pytest.mark.parametrize(
    "label",
    [
        "Present (Directors):",
        "Attendees (board):",
        "Läsnä (hallitus):",
        "mukana:",
        "There:",
        "Kokouksessa mukana:",
    ],
)
def test_qualified_and_informal_labels_read_the_whole_list(label: str) -> None:
    text = (
        f"Meeting 3.3.2025\n\n{label} Ana Ward (Chair), Ben Hill,\nCara Lee (Secretary), Dan Fox\n\nNotes.\n"
    )
    ppl = run(text).participants
    assert [p.name for p in ppl] == ["Ana Ward", "Ben Hill", "Cara Lee", "Dan Fox"]
    assert ppl[0].roles == ["chair"] and ppl[2].roles == ["secretary"]


@pytest.mark.parametrize(
    "line",
    ["Paikalla olivat Ana Koski, Olli Puu ja Eero Ek.", "Läsnä olivat Ana Koski, Olli Puu ja Eero Ek."],
)
def test_colonless_finnish_attendance_sentence(line: str) -> None:
    assert list(people(f"Palaveri 3.3.2025\n\n{line}\n\nMuuta ei ollut.\n")) == [
        "Ana Koski",
        "Olli Puu",
        "Eero Ek",
    ]


def test_lower_case_label_after_blank_line_is_not_joined_to_the_title() -> None:
    ex = run("Kerhon palaveri 3.3.2025\n\nmukana: Eero Ek, Saara Puu\n\n- Talous: ok.\n- Muut: ei.\n")
    assert [p.name for p in ex.participants] == ["Eero Ek", "Saara Puu"]
    assert ex.group is not None and "mukana" not in ex.group


@pytest.mark.parametrize(
    "roster",
    ["@jdoe (Jane Doe), @bsmith (Bob Smith, chair)", "@jdoe (Jane Doe) @bsmith (Bob Smith, chair)"],
)
def test_handle_with_full_name_is_the_full_name(roster: str) -> None:
    got = people(f"# Sync 2025-03-03\n\nAttendees: {roster}\n\n## Notes\n- ok\n")
    assert got == {"Jane Doe": (["member"], True, None), "Bob Smith": (["chair"], True, None)}


def test_mail_headers_are_never_people() -> None:
    text = (
        "From: Pia Lind <pia@example.org>\nTo: board@example.org\nSubject: notes\nDate: Thu, 15 May 2025\n\n"
        "Pia: we should buy chairs.\nKim: agreed, I can look.\nTom: fine by me.\nPia: good.\n"
    )
    names = {p.name for p in run(text).participants}
    assert not names & {"From", "To", "Subject", "Date"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the year from a mail's Date: header; the body's day wins over the day the notes were sent
        (
            "From: Pia <p@x.org>\nTo: b@x.org\nSubject: notes\nDate: Thu, 15 May 2025 21:10 +0300\n\n"
            "Notes from the board meeting, Wednesday 14 May, 6pm, at the library.\n\n"
            "There: Pia Lind, Kim Ray\n",
            date(2025, 5, 14),
        ),
        # the year from a full date later in the text
        (
            "Palaveri ma 18.8. (Saara kirjasi)\n\nmukana: Eero Ek\n\n"
            "- Kaapelit tilataan 29.8.2025 mennessä.\n",
            date(2025, 8, 18),
        ),
        # the year from a file-name-like title
        ("kokous_2024\n\nKokous ke 14.5. klo 18.\n\nLäsnä: Eero Ek, Saara Puu\n", date(2024, 5, 14)),
    ],
)
def test_yearless_head_date_takes_the_year_from_elsewhere(text: str, want: date) -> None:
    assert run(text).meeting is not None and run(text).meeting.date == want.isoformat()  # type: ignore[union-attr]


def test_yearless_head_date_without_any_year_stays_unknown() -> None:
    assert run("Palaveri ma 18.8.\n\nmukana: Eero Ek, Saara Puu\n\n- ok\n").meeting.date is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "MOTION to approve the agenda as presented. Passed 5-0.",
            "MOTION to approve the agenda as presented",
        ),
        (
            "Motion by Ben Hill to adopt the budget (Ward/Hill). Carried unanimously.",
            "Motion by Ben Hill to adopt the budget",
        ),
        ("- **MOTION:** to buy a new projector -- passed", "MOTION:** to buy a new projector"),
    ],
)
def test_passed_motions_are_decisions(line: str, want: str) -> None:
    text = f"1. Business\n{line}\n2. Other\nNothing.\n"
    texts = [d.text for d in find_decisions(text, segment(text).sections)]
    assert any(want.replace("**", "") in t.replace("**", "") for t in texts), texts


def test_failed_motion_is_no_decision() -> None:
    text = "1. Hall\nMOTION to repaint the hall. Failed 2-3.\n2. Other\nNothing.\n"
    assert find_decisions(text, segment(text).sections) == []


@pytest.mark.parametrize(
    "heading",
    [
        "## Actions",
        "**Actions**",
        "Actions\n-------",
        "== Toimenpiteet ==",
        "## Action items",
        "**Tehtävät**",
    ],
)
def test_action_list_under_a_heading_is_body_text(heading: str) -> None:
    text = f"Board 3.3.2025\n\nPresent: Ana Berg, Kalle Niemi\n\n{heading}\n\n* Ana Berg — write memo\n"
    seg = segment(text)
    assert seg.agenda == []  # the tasks are no agenda items
    bodies = [s.body(text) for s in seg.sections]
    word = heading.strip("#*= \n-").split()[0]
    assert any(word in b for b in bodies if "write memo" in b)
    assert [a.owners for a in run(text, "m.md").action_items] == [["Ana Berg"]]


def roster(text: str, name: str) -> dict[str, tuple[list[str], bool]]:
    """Name -> (roles, present) of a document read like a file of that name."""
    return {p.name: (list[str](p.roles), p.present) for p in run(text, name).participants}


_HTML_SPLIT = (
    "<h1>Kyläseuran hallitus 4.3.2025</h1><p>Aika: 4.3.2025 klo 18</p><h2>Osallistujat</h2>"
    "<table><tr><th>Nimi</th><th>Tehtävä</th></tr>"
    "<tr><td>Aino Puro<br>Lauri Salo<br/>Mirja Oja</td><td>puheenjohtaja<br>jäsen<br/>sihteeri</td></tr>"
    "</table><h2>1. Avaus</h2><p>Kokous avattiin.</p>"
)
_HTML_ONE_CELL = (
    "<h1>Garden club committee 4 March 2025</h1><p>Date: 4 March 2025, 6pm</p>"
    "<table><tr><td>Present</td><td>Ann Lee, chair<br>Bob Ray<br>Cy Doe, secretary</td></tr></table>"
    "<h2>1. Opening</h2><p>The meeting opened.</p>"
)
_WIKI_TABLE = (
    "= Kyläseuran hallitus 4.3.2025 =\nAika: 4.3.2025 klo 18\n\n== Osallistujat ==\n"
    '{| class="wikitable"\n! Nimi !! Tehtävä !! Läsnä\n|-\n| Aino Puro || puheenjohtaja || x\n'
    "|-\n| Lauri Salo || jäsen || poissa\n|-\n| Mirja Oja || sihteeri || x\n|}\n\n"
    "== 1. Avaus ==\nKokous avattiin.\n"
)
_WIKI_SPLIT_CELLS = (
    "= Garden club committee 4 March 2025 =\nDate: 4 March 2025, 6pm\n\n== Attendees ==\n"
    "{|\n|-\n| Ann Lee<br/>Bob Ray<br/>Cy Doe || chair<br/>member<br/>secretary\n|}\n\n"
    "== 1. Opening ==\nThe meeting opened.\n"
)
_MD_SPLIT_CELLS = (
    "# Garden club committee 4 March 2025\n\nDate: 4 March 2025, 6pm\n\n## Attendees\n\n"
    "| Name | Role |\n|---|---|\n| Ann Lee<br>Bob Ray<br>Cy Doe | chair<br>member<br>secretary |\n\n"
    "## 1. Opening\n\nThe meeting opened.\n"
)


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        (
            _HTML_SPLIT,
            "m.html",
            {
                "Aino Puro": (["chair"], True),
                "Lauri Salo": (["member"], True),
                "Mirja Oja": (["secretary"], True),
            },
        ),
        (
            _HTML_ONE_CELL,
            "m.html",
            {"Ann Lee": (["chair"], True), "Bob Ray": (["member"], True), "Cy Doe": (["secretary"], True)},
        ),
        (
            _WIKI_TABLE,
            "m.wiki",
            {
                "Aino Puro": (["chair"], True),
                "Lauri Salo": (["member"], False),
                "Mirja Oja": (["secretary"], True),
            },
        ),
        (
            _WIKI_SPLIT_CELLS,
            "m.wiki",
            {"Ann Lee": (["chair"], True), "Bob Ray": (["member"], True), "Cy Doe": (["secretary"], True)},
        ),
        (
            _MD_SPLIT_CELLS,
            "m.md",
            {"Ann Lee": (["chair"], True), "Bob Ray": (["member"], True), "Cy Doe": (["secretary"], True)},
        ),
    ],
)
def test_participant_tables_with_line_broken_cells_and_wiki_markup(
    text: str, name: str, want: dict[str, tuple[list[str], bool]]
) -> None:
    assert roster(text, name) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kaupunginosaraadin kokous 4.3.2025\n\nAika: 4.3.2025 klo 18\n\nOsallistujat\n\n"
            "Aino Puro, Oulun kaupunki (puheenjohtaja)\nLauri Salo, Kierrätyskeskus ry (varapuheenjohtaja)\n"
            "Mirja Oja, Pohjois-Pohjanmaan liitto\nKalle Ek (sihteeri)\n\nEstyneenä\n\n"
            "Teemu Aho, Oulun yliopisto\n\n1. Avaus\n\nKokous avattiin.\n",
            {
                "Aino Puro": (["chair"], "Oulun kaupunki", True),
                "Lauri Salo": (["vice_chair"], "Kierrätyskeskus ry", True),
                "Mirja Oja": (["member"], "Pohjois-Pohjanmaan liitto", True),
                "Kalle Ek": (["secretary"], None, True),
                "Teemu Aho": (["member"], "Oulun yliopisto", False),
            },
        ),
        (
            "Partnership group meeting 4 March 2025\n\nDate: 4 March 2025, 6pm\n\nAttendees\n\n"
            "Ann Lee, City of Leeds (chair)\nBob Ray, Green Trust Ltd (vice-chair)\n"
            "Cy Doe, University of Leeds\nDan Fox (secretary)\n\nApologies\n\nEve Hart, Leeds Council\n\n"
            "1. Opening\n\nThe meeting opened.\n",
            {
                "Ann Lee": (["chair"], "City of Leeds", True),
                "Bob Ray": (["vice_chair"], "Green Trust Ltd", True),
                "Cy Doe": (["member"], "University of Leeds", True),
                "Dan Fox": (["secretary"], None, True),
                "Eve Hart": (["member"], "Leeds Council", False),
            },
        ),
    ],
)
def test_one_person_per_line_with_an_organisation_under_a_heading(
    text: str, want: dict[str, tuple[list[str], str | None, bool]]
) -> None:
    got = {p.name: (list[str](p.roles), p.organization, p.present) for p in run(text).participants}
    assert got == want


def test_an_office_after_a_name_is_no_organisation() -> None:
    assert people("Present:\nAnn Lee, Head of Finance\nBob Ray\n") == {
        "Ann Lee": (["member"], True, None),
        "Bob Ray": (["member"], True, None),
    }


def test_notes_after_an_office_after_a_name_count() -> None:
    assert people("Present:\nAnn Lee, Director of Nursing (Vice-Chair)\nBob Ray\n") == {
        "Ann Lee": (["vice_chair"], True, None),
        "Bob Ray": (["member"], True, None),
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Tiimipalaveri 18.8.2025\n\nmukana: Eero Ek, Saara Puu\n\n- budjetti käytiin läpi\n"
            "- päätettiin: uusi kahvinkeitin ostetaan syyskuussa\n- hyväksyttiin matkalasku\n"
            "- sovittiin, että palaverit pidetään maanantaisin\n- keskusteltiin kesästä\n",
            [
                "päätettiin: uusi kahvinkeitin ostetaan syyskuussa",
                "hyväksyttiin matkalasku",
                "sovittiin, että palaverit pidetään maanantaisin",
            ],
        ),
        (
            "Team sync 18 August 2025\n\nPresent: Ann Lee, Bob Ray\n\n- budget reviewed\n"
            "- agreed: new coffee machine bought in September\n- approved the travel claim\n"
            "- talked about summer\n",
            ["new coffee machine bought in September", "approved the travel claim"],
        ),
    ],
)
def test_lower_case_decisions_in_bullet_notes(text: str, want: list[str]) -> None:
    assert [d.text for d in run(text).decisions] == want


def test_a_bullet_note_without_a_resolution_decides_nothing() -> None:
    text = "Tiimipalaveri 18.8.2025\n\n- budjetti käytiin läpi\n- keskusteltiin kesästä\n- Eero esitteli\n"
    assert run(text).decisions == []


_MAIL_EN = (
    "Fwd: board notes\n\n---------- Forwarded message ---------\nFrom: Ann Lee <ann@example.org>\n"
    "Date: Thu, 15 May 2025 at 09:12\nSubject: Notes from the board meeting\nTo: committee@example.org\n\n"
    "Hi all,\n\nNotes from the board meeting, Wednesday 14 May, 6pm, at the library.\n\n"
    "Present: Ann Lee, Bob Ray\n\n- budget reviewed\n- Bob will book the hall by 30 May\n"
)
_MAIL_FI = (
    "Lähettäjä: Aino Puro <aino@example.fi>\nVastaanottaja: hallitus@example.fi\n"
    "Aihe: Muistio hallituksen kokouksesta\nPäivämäärä: to 15.5.2025 klo 9.12\n\nHei kaikki,\n\n"
    "Muistio hallituksen kokouksesta ke 14.5. klo 18, kirjastolla.\n\nLäsnä: Aino Puro, Lauri Salo\n\n"
    "- talousarvio käytiin läpi\n"
)


@pytest.mark.parametrize(("text", "sender"), [(_MAIL_EN, "Ann Lee"), (_MAIL_FI, "Aino Puro")])
def test_a_mail_date_gives_only_the_year(text: str, sender: str) -> None:
    ex = run(text)
    assert ex.meeting is not None and (ex.meeting.date, ex.meeting.start) == ("2025-05-14", "18:00")
    # The sender is on the attendee list too: the mail's address line is not taken for the body's name.
    assert sender in {p.name for p in ex.participants}
    assert ex.group is None or "@" not in ex.group


def test_a_date_line_without_mail_fields_is_the_meeting_date() -> None:
    m = run(
        "Board meeting notes\n\nWednesday 14 May, 6pm\nDate: 15 May 2025\n\nPresent: Ann Lee, Bob Ray\n"
    ).meeting
    assert m is not None and m.date == "2025-05-15"


def test_the_head_date_label_stays_beside_one_mail_field() -> None:
    # One `From:` line is no mail header: `Date:` is still the meeting's.
    m = run(
        "Board meeting\nDate: 14 May 2025, 6pm\nFrom: the secretary\n\nPresent: Ann Lee, Bob Ray\n"
    ).meeting
    assert m is not None and (m.date, m.start) == ("2025-05-14", "18:00")


def test_a_file_of_several_memos_is_read_for_its_first_memo_only() -> None:
    memo = (
        "## Työryhmän muistio {n}/2026 ##\n\nAika: {d} klo 13.15\n\n"
        "Läsnä: Antti Heikkinen (pj), Anneli Österman\n\n"
        "#### 1. Asiat ####\n{task}\n\n#### 2. Seuraava kokous {nxt} klo 13.15 ####\n\n"
    )
    text = memo.format(n=3, d="10.3.2026", task="Antti kokoaa listan nimekkeistä.", nxt="15.4.")
    text += memo.format(n=2, d="11.2.2026", task="Anneli tekee aiheesta kyselyn.", nxt="10.3.")
    ex = extract(read_bytes(text.encode(), "memo.md"))
    assert ex.meeting.date == "2026-03-10" and ex.next_meeting is not None
    assert ex.next_meeting.date == "2026-04-15"
    assert [a.owners for a in ex.action_items] == [["Antti Heikkinen"]]
    # the same heading with the same numbers is a page header written again: one memo
    header = "# Hallituksen pöytäkirja 5/2024\n\nAika: 3.3.2024 klo 18\n\n1. Avaus\nPekka laatii kirjeen.\n\n"
    again = extract(read_bytes((header + header.replace("Pekka", "Liisa")).encode(), "memo.md"))
    assert len(again.action_items) == 2


def test_a_page_of_plain_decision_notices_is_read_up_to_the_second_notice() -> None:
    from muistio.extraction.segment import first_memo_end

    first = "Kokous  2/2018. Liiton johtokunta, päätöstiedote 17.3.2018\n\nJohtokunta kokoontui.\n\n"
    second = "Kokous 1/2018. Liiton johtokunta, päätöstiedote 14.1.2018\n\nJenni Helenius.\n"
    text = "Liiton päätöstiedotteet\n\n" + first + second
    assert first_memo_end(text) == text.index("Kokous 1/2018")
    pages = "Pöytäkirja 3/2019 sivu 2\n\nAsia käsiteltiin.\n\nPöytäkirja 3/2019 sivu 3\n\nToinen asia.\n"
    assert first_memo_end(pages) == len(pages)  # a page header, its page number changing
