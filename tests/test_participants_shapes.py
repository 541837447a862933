"""Participant list shapes seen in unseen real minutes (issue 7); every text is invented, one per rule."""

from __future__ import annotations

from muistio.extraction import extract
from muistio.extraction.participants import find_participants
from muistio.extraction.segment import segment
from muistio.reading import read_bytes


def people(text: str) -> dict[str, tuple[list[str], bool, str | None]]:
    """name -> (roles, present, organisation) as the participants stage reads the text."""
    return {
        p.name: (list[str](p.roles), p.present, p.organization)
        for p in find_participants(text, segment(text))
    }


def test_names_separated_by_dashes_on_one_line() -> None:
    text = (
        "Protokoll styrelsemöte nr 7\n\n"
        "Närvarande: Olle Berg – Stina-Maj Ek – Per Holm- Karin Lund\n\n"
        "1. Ekonomi\nKassan är god.\n"
    )
    got = people(text)
    assert set(got) == {"Olle Berg", "Stina-Maj Ek", "Per Holm", "Karin Lund"}
    assert all(v[:2] == (["member"], True) for v in got.values())


def test_dash_separated_list_wrapped_over_a_blank_line() -> None:
    text = (
        "Protokoll styrelsemöte nr 8\n\n"
        "Närvarande: Olle Berg – Stina Ek –\n\n– Per Holm – Karin Lund\n\n"
        "1. Ekonomi\nKassan är god.\n"
    )
    assert set(people(text)) == {"Olle Berg", "Stina Ek", "Per Holm", "Karin Lund"}


def test_checkbox_roll_call_with_hyphen_organisations() -> None:
    text = (
        "# Widget TSC Meeting Notes - 2024-02-01\n\n## Attendance\n\n"
        "* TSC Attendees:\n"
        "  * [x] Anna-Lena Borg - Acme Studios\n"
        "  * [ ] Kurt Vik - Northwind (on leave)\n"
        "  * [x] Jean-Paul Roux - Freelance\n"
        "* Other Attendees:\n"
        "  * Maya Chen (Globex)\n\n"
        "## Agenda\n* Release\n"
    )
    got = people(text)
    assert got["Anna-Lena Borg"] == (["member"], True, "Acme Studios")
    assert got["Kurt Vik"][:2] == (["member"], False)
    assert got["Jean-Paul Roux"][:2] == (["member"], True)
    assert got["Maya Chen"][:2] == (["guest"], True)
    assert "TSC Attendees" not in got


def test_unticked_boxes_alone_say_nothing_of_absence() -> None:
    text = (
        "# Widget TSC Meeting Notes - 2024-03-01\n\n"
        "TSC Attendees:\n"
        "* [ ] Anna Borg - Acme Studios\n"
        "* [ ] Kurt Vik - Northwind\n\n"
        "## Agenda\n* Release\n"
    )
    got = people(text)
    assert got["Anna Borg"][1] is True and got["Kurt Vik"][1] is True


def test_register_with_presence_marks_run_into_the_lines() -> None:
    text = (
        "Protokoll från styrelsemöte den 3 mars 2021\n\n"
        "Ledamöter Närvarande\n"
        "Ida Berg X\n"
        "Olof Strand X, § 4-9\n"
        "Maja Lind Anmält förhinder\n"
        "Sven Åkesson X\n\n"
        "§1 Mötet öppnas\n"
    )
    got = people(text)
    assert set(got) == {"Ida Berg", "Olof Strand", "Maja Lind", "Sven Åkesson"}
    assert got["Maja Lind"][1] is False
    assert got["Ida Berg"][1] is True


def test_roster_line_of_two_sentences() -> None:
    text = (
        "Protokoll styrelsemöte 2022-01-09\n\n"
        "Närvarande styrelseledamöter:\n"
        "Åsa Ek, Per Holm och Lena Berg (på plats). Nils Dahl (via Teams).\n\n"
        "Frånvarande:\nKarin Sund.\n\n1 Mötet öppnas\n"
    )
    got = people(text)
    assert {"Åsa Ek", "Per Holm", "Lena Berg", "Nils Dahl"} <= set(got)
    assert got["Nils Dahl"][1] is True and got["Karin Sund"][1] is False


def test_a_third_word_on_nearly_every_entry_is_a_column_not_a_name() -> None:
    text = (
        "Protokoll från styrelsemöte 2015-08-24\n\n"
        "Närvarande\n"
        "Stina Holm Alby\n"
        "Gustav Rask Torp\n"
        "Kjell Anders Berg Ljusdal\n"
        "Nils Ekdahl Borgsjö\n"
        "Karin Wall Sund\n\n"
        "1 Mötets öppnande\nMötet öppnades.\n"
    )
    got = people(text)
    assert {"Stina Holm", "Gustav Rask", "Nils Ekdahl", "Karin Wall"} <= set(got)
    assert got["Stina Holm"][2] == "Alby"


def test_three_part_names_in_an_ordinary_roster_stay_whole() -> None:
    text = "Board call\n\nPresent: Ana Ruiz, Kjell Anders Berg, Tom Lee, Mia Holt\n\n1. Budget\nAgreed.\n"
    assert "Kjell Anders Berg" in people(text)


def test_lost_line_breaks_inline_list_stops_at_the_next_numbered_item() -> None:
    text = (
        "1 Protokoll fört vid styrelsemöte nr 3 1 Mötets öppnande Mötet öppnades. 2 Upprop Närvarande "
        "ledamöter: Eva Strand och Olle Berg. Övrig närvarande: Lars Åström. Anmält förhinder: Kim Berg. "
        "3 Godkännande av dagordning Dagordningen godkändes. 4 Föregående protokoll Lades till handlingarna."
    )
    got = people(text)
    assert got["Lars Åström"][:2] == (["guest"], True)
    assert got["Kim Berg"][1] is False


def test_groups_inside_a_roster_and_a_head_count() -> None:
    text = (
        "PARISH COUNCIL MEETING\n3 May 2021 MINUTES\n"
        "Present:\n"
        "Councillors: Cllr. A. Hale (Council Chair), Cllr. B. Moss (Council Vice Chair), Cllr. C. Pike,\n"
        "Cllr. D. Rowe, Cllr. E. Shaw\n"
        "Clerk and RFO: Mr F Tate\n"
        "Members of the public: One\n"
        "Meeting commenced at 7.00pm\n"
        "1. Welcome\nThe Chair welcomed all.\n"
    )
    got = people(text)
    assert set(got) == {"A. Hale", "B. Moss", "C. Pike", "D. Rowe", "E. Shaw", "F Tate"}
    assert got["A. Hale"][0] == ["chair"] and got["B. Moss"][0] == ["vice_chair"]
    assert got["F Tate"][0] == ["secretary"]


def test_capitalised_office_after_the_name_and_local_titles() -> None:
    text = (
        "Minutes of the Annual Meeting held on 5 May 2021\n\n"
        "Present:\n\nCllr Mr A Hale (Chair)\n\nCllr Mrs B Moss\n\n"
        "In Attendance:\n\nMr W Tate Clerk and Executive Officer to Elmford Parish Council\n\n"
        "Mrs P Rowe Assistant Clerk, Elmford Parish Council\n\n"
        "Apologies:\n\nAlderman Neil Cole\n\nPCSO Amy Hart\n\n"
        "21.44 ELECTION OF CHAIR\nIt was RESOLVED that Cllr Hale be elected Chair.\n"
    )
    got = people(text)
    assert got["W Tate"][0] == ["secretary"]
    assert "P Rowe" in got and not any("Council" in n or "Clerk" in n for n in got)
    assert got["Neil Cole"][1] is False and got["Amy Hart"][1] is False


def test_long_comma_list_after_a_group_phrase_is_no_run_of_names() -> None:
    text = (
        "Hallituksen kokous 3. 4. 2003\n\n"
        "Läsnä:  hallituksen jäsenet Aino Aalto, Pekka Puro, Iida Ilo, Otto Oja, Kaisa Kivi ja Lauri Laine; "
        "lisäksi vieraina Mari Mäki ja Eero Esko\n\n"
        "1.      Puheenjohtaja Aino Aalto avasi kokouksen.\n"
    )
    got = people(text)
    members = {"Aino Aalto", "Pekka Puro", "Iida Ilo", "Otto Oja", "Kaisa Kivi", "Lauri Laine"}
    assert members | {"Mari Mäki", "Eero Esko"} <= set(got)


def test_html_space_entity_and_a_lone_given_name_in_a_bulleted_list() -> None:
    text = (
        "# (3/5/24) Meeting Minutes\n\n## Attendees:\n\n"
        "* Alex Karr\n* Ben Hale\n* Douglas&#x20;\n* Erik Skog\n\n"
        "## Notes/Decision\n\n1. Norms agreed.\n"
    )
    assert set(people(text)) == {"Alex Karr", "Ben Hale", "Douglas", "Erik Skog"}


def test_apologies_item_title_then_councillors_on_one_line() -> None:
    text = (
        "ELMFORD PARISH COUNCIL MINUTES OF MEETING AT 7.00 pm. ON WEDNESDAY 3 MARCH 2021 Present: "
        "Cllrs P Hale (Chairman), K Moss and J Wood. In Attendance: Mr P Tate (Clerk). 1. Apologies. "
        "Cllrs D Dee, S Bee and M Ash. 2. Chairman’s Announcements. The Chairman welcomed everyone.\n"
    )
    got = people(text)
    assert got["D Dee"][1] is False and got["S Bee"][1] is False and got["M Ash"][1] is False
    assert got["P Hale"][:2] == (["chair"], True)


def test_apologies_title_before_prose_names_no_one() -> None:
    text = (
        "Parish council 3 March 2021\nPresent: Cllr A Hale, Cllr B Moss\n1. Apologies. The Clerk read none.\n"
    )
    assert set(people(text)) == {"A Hale", "B Moss"}


# Shapes from a second unseen set of real minutes (this session); each text invented.


def test_lists_under_sub_labels_of_an_attendees_section_with_numbered_organisations() -> None:
    text = (
        "# Board meeting 2026-02-03\n\n## Attendees\n\n"
        "Other board members and officers present:\n\n- Jeff Olch, Tapad\n- Raul Raja, 47 Degrees\n\n"
        "For the Centre:\n\n- Heather Mill, EPFL\n\nAlso present:\n\n- Eugene Burm, Twitter\n\n"
        "## Proceedings\n\nJeff opened.\n"
    )
    got = people(text)
    assert {"Jeff Olch", "Raul Raja", "Heather Mill", "Eugene Burm"} <= set(got)
    assert not [n for n in got if "Also" in n or "EPFL" in n]  # no name runs over the blank line
    assert got["Eugene Burm"][0] == ["guest"]


def test_an_attendance_heading_over_names_with_organisations_run_together() -> None:
    text = (
        "# Council 2026-02-03\n\n### Attendance\n\n"
        "Stephan Merk (SAP) Tom Wats (IBM) Mikael Barb (Open\nFoundation) Dani Meg (Tools PMC)\n\n"
        "### Discussion\n\nTom walked us through it.\n"
    )
    assert set(people(text)) == {"Stephan Merk", "Tom Wats", "Mikael Barb", "Dani Meg"}


def test_a_checkbox_roll_of_markdown_links_under_attended_by() -> None:
    text = (
        "# 2026-05-23 TSC Meeting Minutes\n\n## Discussion\n\nNigel thanked everyone.\n\n"
        "## Attended by\n\n### TSC voting members\n\n"
        "* [x] [Manuel Barb](https://github.com/mb), University of Porto\n"
        "* [ ] [John Schan](https://github.com/js), Mozilla\n"
    )
    got = people(text)
    assert got["Manuel Barb"][:2] == (["member"], True)
    assert got["John Schan"][:2] == (["member"], False)


def test_initials_in_a_roll_are_people_not_organisations() -> None:
    text = (
        "## Plenum 2026-03-11\n\n- Present: Gibson, Nicholas, Will Myers, Luther, LJ, Valentine, CJ\n\n"
        "### Finances\n\nNothing.\n"
    )
    assert {"LJ", "CJ", "Luther"} <= set(people(text))
    roll = "Board 2026-05-16\n\nIn attendance: BY, DD, BH, SG\nRegrets: MM, MH\n\n1. Budget\nFine.\n"
    got = people(roll)
    assert {n for n, v in got.items() if v[1]} == {"BY", "DD", "BH", "SG"}
    assert {n for n, v in got.items() if not v[1]} == {"MM", "MH"}
    ministries = "Muistio 3.3.2026\n\nLäsnä: Sami Kivi, VM, Anna Berg, OM\n\n1. Asia\nKäsiteltiin.\n"
    assert {n: v[2] for n, v in people(ministries).items()} == {"Sami Kivi": "VM", "Anna Berg": "OM"}


def test_surname_first_roll_with_two_word_offices_under_a_bare_label() -> None:
    text = (
        "KIRKKOVALTUUSTON KOKOUS\nAika Maanantaina 15. kesäkuuta 2026 klo 18.00\n\n\nLäsnä\n\n"
        "Ikola Veikko puheenjohtaja\nAaltonen Lilli varsinainen jäsen\n"
        "Pasi Olli varsinainen jäsen, saapui klo 18.43\nPelto Maiju varajäsen\n\n\n"
        "Poissa\n\nJaakko Pasi varsinainen jäsen\n\n\nKOKOUKSEN AVAUS\n11 §\nAvattiin.\n"
    )
    got = people(text)
    assert {n for n, v in got.items() if v[1]} == {
        "Ikola Veikko",
        "Aaltonen Lilli",
        "Pasi Olli",
        "Pelto Maiju",
    }
    assert got["Jaakko Pasi"][1] is False and got["Ikola Veikko"][0] == ["chair"]


def test_numbered_roll_items_those_present_and_apologies() -> None:
    inline = (
        "Allotments Committee Meeting 6.30pm 25/4/26\n1) Apologies for absence Robin, Les, Stuart\n"
        "2) Present - Mark (Chair), Dorothy, Tony, Brenda\n3) Minutes of last meeting – accepted\n"
    )
    got = people(inline)
    assert {n for n, v in got.items() if not v[1]} == {"Robin", "Les", "Stuart"}
    assert {n for n, v in got.items() if v[1]} == {"Mark", "Dorothy", "Tony", "Brenda"}
    assert got["Mark"][0] == ["chair"]
    trustees = (
        "Minutes of the Trustees Meeting – 10th January 2026.\n\n\nThose Present\n\n\n"
        "Jon Lea (JL), Alan John (AJ), and Helen Wri (HW)\n\n\n1          Apologies\n\n\n"
        "Tom Tapp (TT), Bill Warw (BW) John Wake (JW)\n\nand Dennis Leon (DL)\n\n\n"
        "2          Minutes of the 13th December.\n\n\nAccepted.\n"
    )
    got = people(trustees)
    assert {n for n, v in got.items() if v[1]} == {"Jon Lea", "Alan John", "Helen Wri"}
    assert {n for n, v in got.items() if not v[1]} == {"Tom Tapp", "Bill Warw", "John Wake", "Dennis Leon"}


def test_handles_then_a_group_and_a_sub_heading_that_says_absent() -> None:
    text = (
        "# 2026-November-07 TSC Meeting Notes\n\n## Attending\n\n"
        "* Bran Mill (@bmill) - TSC\n* Toru Naga (@tnaga) - TSC\n\n"
        "Additionally, the following individuals are not in attendance but support consensus:\n\n"
        "* Nico Zak (@nzak) - TSC\n\n## Topics\n\nNone.\n"
    )
    got = people(text)
    assert {n: v[1] for n, v in got.items()} == {"Bran Mill": True, "Toru Naga": True, "Nico Zak": False}
    assert got["Bran Mill"][2] == "TSC"


def test_an_unlabelled_list_of_bare_names_is_the_roll_when_nothing_else_is() -> None:
    names = ["Joel Marc", "Jonas Wol", "Arthur Hick", "Alex Cele", "Alex Hesl"]
    text = "# Consortium meeting 2026-05-15\n\n## Check-in area\n\n" + "".join(
        f"* {n} {e}\n" for n, e in zip(names, ["😱", "🙂", "", "😌", "😊"], strict=True)
    )
    text += "\n## Discussion\n\n* Rust adoption\n* Tooling\n"
    assert set(people(text)) == set(names)
    few = "# Notes 2026-05-15\n\n## Thanks\n\n* Joel Marc\n* Jonas Wol\n\n## Discussion\n\n* Tooling\n"
    assert people(few) == {}  # two names are a mention, not a roll


def test_agenda_items_and_vote_cells_are_not_people() -> None:
    text = (
        "Board Minutes 16.05.26\n\nIn attendance: Ann Lee, Bo Ek\n\n"
        "  • Member Participation Component, if any (There was none)\n"
        "  • Reports:\n    • Operational Report (reviewed & discussed)\n\n"
        "Vote on minutes\n\nForrest FlemingYes\nMilan KupcevicAbstain\n"
    )
    got = people(text)
    assert not [n for n in got if "Report" in n or "Component" in n or n.endswith(("Yes", "Abstain"))]
    assert {"Ann Lee", "Bo Ek"} <= set(got)


def test_names_with_their_initials_run_together_in_two_columns() -> None:
    text = (
        "Supporters Association\nMinutes of Committee Meeting\nDate: Thursday 24th April 2026\n"
        "Present: Paul Alli (PA) – Chair Steve Barr (SB)\nRoger John (RJ) Pauline Dun (PD)\n"
        "Apologies: Pete McGi (PM)\n1 Apologies\n1.1 PM sends his apologies\n"
    )
    got = people(text)
    assert got["Paul Alli"][0] == ["chair"] and got["Steve Barr"][1] is True
    assert {"Roger John", "Pauline Dun"} <= set(got) and got["Pete McGi"][1] is False
    assert not [n for n in got if n.startswith("Chair")]


def test_a_numbered_attendance_item_with_a_plain_roll_and_staff_with_offices() -> None:
    text = (
        "Minutes of a Regular Meeting of the Board of Directors\n\nApril 28, 2026\n\n1   Attendance\n\n"
        "The following members of the Board (4 of 5) were present at the meeting: Lore Mesa, Jann Leid, "
        "Jeff Trip, and Ewa Jodl.\n\n"
        "Betsy Wali (Event Planner), Jackie Augu (PyCon Manager) were also in attendance.\n\n"
        "2   Resolutions\n\nRESOLVED, that the minutes be approved.\n"
    )
    expected = {"Lore Mesa", "Jann Leid", "Jeff Trip", "Ewa Jodl", "Betsy Wali", "Jackie Augu"}
    assert expected <= set(people(text))


def test_rolls_written_inside_sentences() -> None:
    en = (
        "Minutes of HOA Board Meeting on August 29, 2026\n\nMeeting called to order at 7:39 pm with "
        "Hal Alle, Eric Kerb, Dave Bala, and Jane Rueg in attendance.\n\n  1. Previous minutes approved.\n"
    )
    assert set(people(en)) == {"Hal Alle", "Eric Kerb", "Dave Bala", "Jane Rueg"}
    fi = (
        "Hallituksen kokous 7.5.2026\n\nKokous pidettiin Alina-salissa. Lisäksi paikalla olivat seuraavat "
        "yhdistyksen jäsenet: Antti Lind, Mira Harj ja Erkki Kosk.\n\n1. Avaus\n"
    )
    assert {"Antti Lind", "Mira Harj", "Erkki Kosk"} <= set(people(fi))
    item = "1.  Present at meeting: Steve Thom, Sue Gwin, Josie Lew\n2.  Apologies: none\n3.  Minutes\n"
    assert {"Steve Thom", "Sue Gwin", "Josie Lew"} <= set(people("Trust meeting 9.9.2026\n" + item))


def test_who_acted_as_chair_and_secretary_in_finnish_prose() -> None:
    text = "Hallituksen kokous 7.5.2026\n\n"
    text += "Kokouksen puheenjohtajana toimi Mikko Mäki ja sihteerinä Lauri Lön.\n"
    text += "Lisäksi paikalla olivat seuraavat jäsenet: Antti Lind ja Mira Harj.\n\n1. Avaus\n"
    got = people(text)
    assert got["Mikko Mäki"][0] == ["chair"] and got["Lauri Lön"][0] == ["secretary"]


def test_an_unlabelled_two_column_roll_of_initialled_names_and_dash_sub_labels() -> None:
    muac = (
        "22 September 2026\n\nLocation Clyde Hotel\nDate/Time Tuesday 22 September 2026\n"
        "Hamish Beau (HB) (Chair) Martine Both (MB)\nMark Burg (MB) Tim Thom (TT)\n"
        "Max Ueda (MU) Leigh Goed (LG)\n\n\nAgenda Item & Action Item Action By Due Date\n1. General\n"
    )
    assert set(people(muac)) == {
        "Hamish Beau",
        "Martine Both",
        "Mark Burg",
        "Tim Thom",
        "Max Ueda",
        "Leigh Goed",
    }
    tdf = (
        "Board of Directors Meeting 2026-05-02\n\nIn the meeting:\n"
        "    Board Members - Thor Behr, Paolo Vecc, Cor Nouw\n    Board Deputy Members - Gabor Kele\n"
        "    Community -\n\nRepresentation: None\n"
    )
    assert {"Thor Behr", "Paolo Vecc", "Cor Nouw", "Gabor Kele"} <= set(people(tdf))


def test_a_roll_label_with_the_first_name_on_its_line_and_initials_after_names() -> None:
    text = (
        "PROTOKOLL YACHT CLUB 2026-09-11\n\nPlats Restaurang kl. 12.00\n\n"
        "Närvarande Klas Jaco KJ\nMagnus Lars ML\nSven-Åke Thor SÅT\n\nDelges Närvarande\n\n"
        "§1 Mötets öppnande\nMötet öppnades.\n"
    )
    assert set(people(text)) == {"Klas Jaco", "Magnus Lars", "Sven-Åke Thor"}


def test_a_two_word_office_after_a_comma_is_one_office() -> None:
    text = "Protokoll styrelsemöte 2026-04-21\n\nNärvarande: Nils Bond, ordförande, "
    text += "Werner Ahlg, vice ordförande, Ann-Mari Gud, dagens sekreterare\n\n§ 1 Öppnande\n"
    got = people(text)
    assert (got["Nils Bond"][0], got["Werner Ahlg"][0], got["Ann-Mari Gud"][0]) == (
        ["chair"], ["vice_chair"], ["secretary"]
    )  # fmt: skip


def test_which_deputy_before_the_office_is_still_the_vice_chair() -> None:
    text = (
        "Edustajiston kokous 4/2023\n\nSaapuvilla olleet jäsenet\n"
        "Aaltonen Veera, puheenjohtaja\nBäck Tuomas, I varapuheenjohtaja\nEskola Oona\n\n"
        "1. KOKOUKSEN AVAUS\nKokous avattiin.\n"
    )
    got = people(text)
    assert set(got) == {"Veera Aaltonen", "Tuomas Bäck", "Oona Eskola"}
    assert got["Tuomas Bäck"][:2] == (["vice_chair"], True)
    assert got["Tuomas Bäck"][2] is None  # the ordinal is no organisation
    swedish = (
        "Protokoll styrelsemöte\n\nNärvarande:\nAnna Berg, förste vice ordförande\nErik Ek\n\n§ 1 Öppnande\n"
    )
    assert people(swedish)["Anna Berg"][0] == ["vice_chair"]


def test_another_bodys_chair_among_the_other_attendees_is_a_guest() -> None:
    text = (
        "Lautakunnan kokous 2/2024\n\nLäsnä\nMatti Virtanen, puheenjohtaja\nLiisa Korhonen\n\n"
        "Muut läsnäolijat\nSaarinen Otto, kunnanhallituksen puheenjohtaja\nLaine Pekka, sihteeri\n\n"
        "1 § Kokouksen avaus\nPuheenjohtaja avasi kokouksen.\n"
    )
    got = people(text)
    assert got["Matti Virtanen"][0] == ["chair"]
    assert got["Otto Saarinen"][0] == ["guest"]
    assert got["Pekka Laine"][0] == ["secretary"]  # an office of this meeting counts among them
    own = "Hallituksen kokous\n\nLäsnä\nMatti Virtanen, hallituksen puheenjohtaja\nLiisa Korhonen\n\n1 §\n"
    assert people(own)["Matti Virtanen"][0] == ["chair"]  # in the board's own roll, its chair


def test_a_chat_handle_in_a_line_of_names_is_a_participant() -> None:
    text = (
        "# Working Group Meeting – 2024-05-14\n\n"
        "**Attendees:** @alice (chair), Bob Stone, carol_w, Dmitri Ivanov\n\n## Notes\n\n- RC1 tagged.\n"
    )
    assert set(people(text)) == {"@alice", "Bob Stone", "carol_w", "Dmitri Ivanov"}


def test_a_two_column_table_copied_one_cell_a_line() -> None:
    text = (
        "MINUTES OF THE JOINT PAROCHIAL CHURCH COUNCIL\nMeeting Date |\n8th June 2022 |\nAttendees |\n"
        "As recorded in the attendance book |\nPrayers |\nFather David opened the meeting with a prayer. |\n"
        "Apologies |\nFr. David Watson, Mr. Richard Coombes, Mrs. Susan Way Mr. John Harvey |\n"
        "Election of Secretary |\nMrs Jennifer Tregillis was proposed by Mrs. Joan Colmer and seconded by "
        "Mrs. Susan Mackenzie. |\n"
    )
    got = people(text)
    assert {n for n, v in got.items() if not v[1]} == {
        "David Watson",
        "Richard Coombes",
        "Susan Way",
        "John Harvey",
    }
    assert "Prayers" not in got  # a sentence stood in place of the list: no names under that label
    assert got["Joan Colmer"][:2] == (["member"], True)  # a mover and a seconder were there
    assert got["Susan Mackenzie"][:2] == (["member"], True)
    assert got["David Watson"][0] == ["member"]  # absent: not who opened the meeting


def test_a_legend_of_initials_is_the_roll() -> None:
    text = (
        "Katherine Harrison: KH\nJonathan Isaacs: JI\nPaul Kelly: PK\nJames Needham: JN\nTracey Langford TL\n"
        "Apologies: Steve Day, Sharon Day\n- The committee requested a site visit. ACTION: KH.\n"
    )
    got = people(text)
    assert {n for n, v in got.items() if v[1]} == {
        "Katherine Harrison",
        "Jonathan Isaacs",
        "Paul Kelly",
        "James Needham",
        "Tracey Langford",
    }
    ex = extract(read_bytes(text.encode(), "minutes.txt"))
    assert ex.group is None  # the first line is the legend's, no body's name
    assert "Katherine Harrison" in {p.name for p in ex.participants}


def test_members_by_proxy_are_there_and_a_non_member_is_a_guest() -> None:
    text = (
        "2019 Club AGM Minutes\n- Date: 2020-01-22\nAttended in person\n- Tony Morris\n- Rex Scarf\n"
        "- Amanda Ward (non-member)\nAttended via proxy\n- Phillip Kirkman\n- Edward Tan\n"
        "Previous minutes\n- The minutes were accepted.\n"
    )
    got = people(text)
    assert got["Phillip Kirkman"][:2] == (["member"], True) and got["Edward Tan"][1] is True
    assert got["Amanda Ward"][0] == ["guest"]


def test_names_with_mail_addresses_and_parted_by_dots_or_slashes() -> None:
    def roll(line: str) -> dict[str, tuple[list[str], bool, str | None]]:
        return people(f"Board meeting 2024-03-12\n\n{line}\n\n1. Opening\nThe chair opened the meeting.\n")

    assert set(roll("Present: Ann Lee <ann@example.org>, Bob Stone <bob@example.org>")) == {
        "Ann Lee",
        "Bob Stone",
    }
    assert set(roll("Present: Ann Lee · Bob Stone · Cy Twombly")) == {"Ann Lee", "Bob Stone", "Cy Twombly"}
    assert set(roll("Present: Ann Lee / Bob Stone / Cy Twombly")) == {"Ann Lee", "Bob Stone", "Cy Twombly"}
    assert roll("Present: Matti Virtanen / pj, Bob Stone")["Matti Virtanen"][0] == ["chair"]
    split = roll("Present: Ann Lee, Bob Stone · Regrets: Cy Twombly")
    assert split["Cy Twombly"][1] is False  # the dot before the next label still ends the list


def test_a_group_label_inside_a_roll_line_and_a_roll_sentence_under_the_title() -> None:
    got = people(
        "Protokoll 12.3.2024\n\nNärvarande: styrelsen: Anna Lind, Erik Berg; adjungerade: Olof Ek\n\n§ 1\n"
    )
    assert got["Anna Lind"][:2] == (["member"], True) and got["Olof Ek"][0] == ["guest"]
    text = "Kokous 12.3.2024\n\nKokouksessa olivat läsnä Matti Virtanen, Liisa Korhonen ja Jari Nieminen.\n"
    ex = extract(read_bytes(text.encode(), "kokous.txt"))
    assert ex.group is None  # the roll's sentence names no body
    assert [p.name for p in ex.participants] == ["Matti Virtanen", "Liisa Korhonen", "Jari Nieminen"]


def test_a_menu_line_is_no_name_and_an_expert_for_one_item_is_a_guest() -> None:
    text = (
        "Etusivulle\nKesäkisat\nJuhannusturnaus\nKetterän Tulet\nYhteydenottosi\n\n"
        "Johtokunnan kokous 1/2007\n\nAika: 6.1.2007 klo 13.00\nLäsnä:\n    Timo Suominen, puheenjohtaja\n"
        "    Riitta Hakanen\nPoissa:\n    Tapio Ranta\n\n1 Kokouksen avaus\n"
    )
    assert set(people(text)) == {"Timo Suominen", "Riitta Hakanen", "Tapio Ranta"}
    roll = people(
        "Neuvoston kokous 14.5.2004\n\nLäsnäolijat: Birgitta Aurén (Vaasa), Hannu Taskinen (Helsinki) "
        "sihteeri ja Leila Utriainen (Mikkeli) sekä asiantuntijana Matti Sarmela kohdan 5 käsittelyn ajan.\n"
    )
    assert "guest" in roll["Matti Sarmela"][0] and roll["Hannu Taskinen"][0] == ["secretary"]


def test_a_roll_wrapped_over_a_blank_line_swedish_deputies_and_a_sites_menu() -> None:
    text = (
        "Startsidan\n  Om SBB\n  Protokoll\n  IRL Ledarskap\n  Kontakta SBB\n\n"
        "VU-SAMMANTRÄDE\nDatum: 27.09.2005\n\n"
        "Närvarande:\nJanne Wisén, ordförande\nIngemar Larsson, 1:e vice ordförande\n"
        "Sune Hellberg, 2:e vice ordförande/kassör\n\n§ 1 Öppnande\n"
    )
    got = people(text)
    assert set(got) == {"Janne Wisén", "Ingemar Larsson", "Sune Hellberg"}  # no menu line is anyone
    assert got["Ingemar Larsson"][0] == ["vice_chair"] and got["Sune Hellberg"][0] == ["vice_chair"]
    wrapped = people(
        "PROTOKOLL 4 mars 2015\n\nNärvarande: Eddie Uggla ordf., Anders Abelius, Lars Christofferson,\n\n"
        "Göran Ingvald, Ulf Johansson samt\n\nÅke Wester.\n\n1. Förklarade ordföranden mötet öppnat.\n"
    )
    assert {"Göran Ingvald", "Ulf Johansson", "Åke Wester"} <= set(wrapped)


def test_a_raw_channel_log_run_onto_one_line_with_its_roll_call_as_actions() -> None:
    said = [
        "<@kay> !proj council",
        "-*- lee proxies max",
        "<@kay> 1. Roll call!",
        "-*- amy here",
        "-*- kay here",
        "-*- lee here (proxy for max)",
        "-*- bo here",
        "<@kay> 2. Meeting times",
        "<@bo> second sunday works",
        "<@amy> fine by me",
        "<@kay> ok",
        "<@lee> agreed",
        "<@kay> done",
    ]
    log = " ".join(f"[21:{k:02d}:00] {line}" for k, line in enumerate(said)) + "\n"
    ex = extract(read_bytes(log.encode(), "council.txt"))
    assert ex.group is None  # a chat line is no title
    assert {p.name for p in ex.participants} == {"amy", "kay", "lee", "bo"}


def test_american_seats_before_the_names() -> None:
    text = (
        "Board meeting 2024-03-12\n\nMembers Present: Councilmember Jane Doe, Councilmember Bob Ray\n"
        "Members Absent: Councilmember Ann Lee\n\nROLL CALL\nPresent: Directors Smith, Jones and Brown\n"
        "Absent: Director Green\n\n1. Call to order\n"
    )
    got = people(text)
    assert {"Jane Doe", "Bob Ray", "Smith", "Jones", "Brown"} <= {n for n, v in got.items() if v[1]}
    assert got["Ann Lee"][1] is False and got["Green"][1] is False


def test_a_bots_summary_without_log_lines_keeps_its_attendees() -> None:
    text = (
        "#fedora-meeting: council\nMeeting started by nirik at 14:00:00 UTC.\n\n"
        "Meeting summary\n---------------\n"
        "* Roll call (nirik, 14:00:10)\n\nPeople present (lines said)\n---------------------------\n"
        "* nirik (50)\n* sgallagh (20)\n* zodbot (5)\n"
    )
    assert {"nirik", "sgallagh"} <= set(people(text))


def test_council_roll_led_by_the_title_alone_and_the_clerk_line() -> None:
    text = (
        "Minutes of a Meeting of the Council held at the Hall on Monday, 4 March 2024\n\n"
        "Councillors R Fox (Chairman) (RF), T Lamb (TL), G Reed and W Hart (WH)\n\n"
        "Parish Clerk and RFO B J Stone\n\n"
        "1 - Apologies\n\nNone.\n"
    )
    got = people(text)
    assert got["R Fox"][:2] == (["chair"], True)
    assert {"T Lamb", "G Reed", "W Hart"} <= set(got)
    assert got["B J Stone"][:2] == (["secretary"], True)


def test_a_surname_that_is_also_an_office_word_stays_the_name() -> None:
    text = (
        "Minutes, 4 March 2024\n\n"
        "Present: Cllr D Risk (Chairman), Cllr P Summers, Mr W Grey Clerk\n\n1. Apologies\n"
    )
    got = people(text)
    assert got["D Risk"][0] == ["chair"]
    assert got["W Grey"][0] == ["secretary"]  # a real office after a full name is still the office


def test_table_roll_with_row_labels_and_offices_before_names() -> None:
    text = (
        "Committee minutes\nDate and time 6th March 2024, 14:00\n"
        "Present Members\n"
        "Sports Officer Mark Dale\n"
        "Ann Roe\n"
        "Absent with Apologies Events Officer Kim Lowe\n"
        "Absent without Apologies Piet Haas\n"
        "Non-members Ruth Ames\n\n"
        "1. Apologies and Attendance\n\nNoted as above.\n"
    )
    got = people(text)
    assert got["Mark Dale"][:2] == (["member"], True)
    assert got["Ann Roe"][:2] == (["member"], True)
    assert got["Kim Lowe"][1] is False and got["Piet Haas"][1] is False
    assert got["Ruth Ames"][:2] == (["guest"], True)


def test_swedish_elections_across_sentences_and_who_opened_the_meeting() -> None:
    text = (
        "Mötesreferat för fullmäktigemöte 7/2020\nTid: Onsdag 23.9.2020 kl 17:04\n\n"
        "Mötet öppnades av ordförande Maja Lind kl. 17:04\n\n"
        " • Eva Berg och Ola Ek valdes till protokolljusterare i Helsingfors. Nyström och F. Aho väljs "
        "till protokolljusterare i Vasa\n"
        " • Sara Holm valdes till skrivare av mötesreferatet.\n"
        " • Stora Utskottet öppnade diskussion kring revideringen av dokumenten\n"
    )
    got = people(text)
    assert "Helsingfors" not in got and "Stora Utskottet" not in got
    assert got["Maja Lind"][0] == ["chair"]
    assert got["Sara Holm"][0] == ["secretary"]
    assert got["F. Aho"][0] == ["minutes_checker"]


def test_swedish_roll_with_capitalised_offices_sub_labels_and_late_arrivals() -> None:
    text = (
        "Protokoll - Styrelsemöte\n\nTid: 29 januari 2014, klockan 11.30\n\nNärvarande:\n"
        "    - Ordförande Lars Erik Sjöberg (LES)\n    -\nKassör Bo Gran (BG)\n"
        "    - Vice ordf. Kurt Lund (KL)\n    - Sekreterare Carin Tern Frost (CTF)\n"
        "    - Ledamot Sten Riss (SR)\n    - Adjungerade Eva Nyman, (EN)\n"
        "    - Stefan Gorz (SG)\n    - Lennart Ståhl (LS) -  fr om punkt 9\n\n"
        "Anmält frånvaro: Ledamot Pentti Rinne (PR)\n\nDagordning\n\n 1. Ordföranden LES öppnade mötet.\n"
    )
    got = people(text)
    assert got["Lars Erik Sjöberg"][:2] == (["chair"], True)
    assert got["Bo Gran"][:2] == (["member"], True)
    assert got["Kurt Lund"][0] == ["vice_chair"]
    assert got["Carin Tern Frost"][0] == ["secretary"]
    assert got["Stefan Gorz"][0] == ["guest"] and got["Lennart Ståhl"][0] == ["guest"]
    assert got["Pentti Rinne"][1] is False


def test_finnish_roll_surname_first_with_a_staff_group_and_a_carried_proposal() -> None:
    text = (
        "Aika     13.12.2021 klo 12.00\n\nPaikka Teams\n\nHallituksen jäsenet\n\nLäsnä:\n\n"
        "Aalto Ari puheenjohtaja\nKoski Jussi\nRinne Satu\nVirta Kristian varapuheenjohtaja\nNiemi Jouko\n\n"
        "Henkilöstö\n\nLäsnä:\n\nLund Pekka, toiminnanjohtaja\nMetso Marja, talouspäällikkö, sihteeri\n\n"
        "115 § Kokouksen avaus\n\nPuheenjohtaja avasi kokouksen klo 12.01.\n\n"
        "117 § Kahden pöytäkirjantarkastajan valinta\n\n"
        "Esitys: Esitetään pöytäkirjan tarkastajiksi Kristian Virtaa ja Jouko Niemeä.\n\n"
        "Päätös: Esityksen mukainen.\n"
    )
    got = people(text)
    assert got["Satu Rinne"][0] == ["member"]  # the next roll line is no title under her name
    assert got["Kristian Virta"][0] == ["vice_chair", "minutes_checker"]
    assert "minutes_checker" in got["Jouko Niemi"][0]
    assert got["Pekka Lund"][0] == ["guest"] and got["Marja Metso"][0] == ["secretary"]


def test_swedish_speakers_after_their_verb_in_a_prose_summary() -> None:
    text = (
        "Kommunikation från styrelsesammanträdet 13 oktober 2021\n\n"
        "Under sammanträdet berättade Förste kurator Sigrid Holm att nationen har många medlemmar. "
        "Vidare berättade Styrelsens trygghetsombud Johanna Rehme att gruppen fortsätter arbetet. "
        "Sedan berättade Kalmar Nation om sina planer.\n"
    )
    got = people(text)
    assert set(got) == {"Sigrid Holm", "Johanna Rehme"}


def test_finnish_capitalised_offices_before_names_in_a_roll() -> None:
    text = (
        "Hallituksen kokous 21.3.2003\n\nLäsnä:\nInspehtori Timo Soila\nKuraattori Anton Kuusi (pj)\n"
        "Toiminnanjohtaja Matti Virta\nJutta Nurmi\n\n1. Kokouksen avaus\n"
    )
    got = people(text)
    assert {"Timo Soila", "Anton Kuusi", "Matti Virta", "Jutta Nurmi"} == set(got)
    assert got["Anton Kuusi"][0] == ["chair"]


def test_review_chair_opening_a_named_meeting_initials_and_prose_councillors() -> None:
    assert people("Vuosikokous 3.3.2024\n\nMatti Virtanen avasi vuosikokouksen klo 18.05.\n")[
        "Matti Virtanen"
    ][0] == ["chair"]
    got = people(
        "Protokoll 2024-03-03\n\nTill ordförande valdes J.P. Holm och till sekreterare K.-G. Nilsson.\n"
    )
    assert got["J.P. Holm"][0] == ["chair"] and got["K.-G. Nilsson"][0] == ["secretary"]
    prose = (
        "Minutes, 4 March 2024\n\nCouncillors J Smith, P Brown, K Lee and M Ray were thanked for the fete.\n"
    )
    assert "J Smith" not in people(prose)


def test_one_four_word_name_in_a_long_bold_labelled_roll() -> None:
    text = (
        "### Date of Meeting\n\n21st September 2015\n\n### Attendance\n\n**Present**: Steven Crane (Chair), "
        "David Perez-Suarez (Vice-Chair), Andrew Ingle (Secretary), Juan Carlos Martinez Olivera, "
        "Albert Shih, Stuart Mumford, Jack Ireland, Russell Hewett.\n**Absent**: Tom Robb\n\n"
        "### Notes\n\n- x\n"
    )
    got = people(text)
    assert got["Steven Crane"][0] == ["chair"] and got["Andrew Ingle"][0] == ["secretary"]
    assert "Juan Carlos Martinez Olivera" in got and got["Tom Robb"][1] is False
