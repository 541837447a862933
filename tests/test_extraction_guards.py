"""Texts the extraction rules must leave alone: near misses of the forms they read (invented text, one
rule each)."""

from __future__ import annotations

from muistio.contract import Extraction
from muistio.document import Document
from muistio.extraction import extract
from muistio.extraction.segment import segment
from muistio.normalise import normalise
from muistio.reading import read_bytes


def _ex(text: str) -> Extraction:
    return extract(Document(path="x.txt", format="txt", sha256="0", source_text=text, text=text))


def _present(text: str) -> dict[str, bool]:
    return {p.name: p.present for p in _ex(text).participants}


def _quotes(text: str) -> list[str]:
    return [a.quote for a in _ex(text).action_items]


HEAD = "Board meeting 3 March 2024\n\n"


def test_a_misspelling_the_label_table_does_not_list_is_read_too() -> None:
    assert _present(HEAD + "Present: Anna Lee, Bob Ek\nApoligies: Dan Fox\n\n1. Budget\n")["Dan Fox"] is False


def test_absence_words_that_do_not_run_into_the_roll_label_leave_it_present() -> None:
    for lead in ("No apologies were received. ", "Apologies - none. "):
        got = _present(HEAD + lead + "Present: Cllr Anna Lee, Cllr Bob Ek, Cllr Carl Dahl.\n\n1. Budget\n")
        assert got and all(got.values()), lead


def test_a_verb_present_or_a_negation_makes_no_roll_label() -> None:
    text = (
        HEAD + "Present: Anna Lee, Bob Ek\n\n1. Conference\nSpeakers invited to present:\n- Maria Gonzalez\n"
    )
    assert "Maria Gonzalez" not in _present(text + "- Peter Novak\n- Ingrid Holm\n")
    sv = "Styrelsemöte 3.3.2024\n\nNärvarande: Anna Berg, Bo Gran\n\n§ 4 Årsmötet\n"
    sv += "Följande ska inte vara närvarande:\n"
    assert "Eva Holm" not in _present(sv + "- Eva Holm\n- Lars Ek\n")


def test_an_absence_phrase_does_not_override_the_roll_nor_name_a_business() -> None:
    text = (
        HEAD + "Present: Anna Lee, Carl Dahl\n\n1. Roads\nCllr Dahl left the meeting at 8.15pm. "
        "In Carl's absence the item was discussed. In the absence of Any Other Business the Chair closed.\n"
    )
    got = _present(text)
    assert got["Carl Dahl"] is True and "Any Other" not in got and "Carl" not in got


def test_a_roll_call_word_after_a_whole_list_says_nothing_of_its_last_name() -> None:
    got = _present(
        HEAD + "Present: Anna Lee, Bob Ek\nApologies: Carl Dahl, Dana Fox; all other members present\n"
    )
    assert got["Dana Fox"] is False


def test_an_absence_group_inside_a_roll_marks_those_below_it_absent() -> None:
    text = (
        HEAD + "Attendees:\n- Anna Lee\n- Bob Ek\n- Not attending -\n- Carl Dahl\n- Dana Fox\n\n1. Budget\n"
    )
    got = _present(text)
    assert got["Anna Lee"] is True and got["Carl Dahl"] is False and got["Dana Fox"] is False


def test_delegations_with_later_work_and_offices_of_a_future_meeting_stay_tasks() -> None:
    text = (
        HEAD + "Present: Anna Lee, Bob Ek, Carl Dahl\n\n1. Joint meeting with the city, 14 April\n"
        "The Council asked the Clerk to report back on the repair costs at the next meeting.\n"
        "Bob will chair the meeting. Carl will take the minutes.\n"
    )
    got = _quotes(text)
    assert any("report back" in q for q in got)
    assert "Bob will chair the meeting." in got and "Carl will take the minutes." in got


def test_an_action_line_absorbs_only_the_task_it_restates() -> None:
    text = (
        HEAD
        + "Present: Anna Lee, Bob Ek\n\n1. Concert\nBob will contact the school about renting the hall for "
        "the concert. Bob will also draft the concert poster.\n\nACTION: Bob to draft the concert poster.\n"
    )
    got = _quotes(text)
    assert any("contact the school" in q for q in got)
    assert sum("poster" in q for q in got) == 1


def test_an_action_line_over_the_text_below_closes_nothing_above() -> None:
    text = (
        HEAD + "Present: Anna Lee, Bob Ek\n\n1. Hall\nThe members discussed the hall at length.\n\n"
        "Action: Bob\nBook the hall for the May concert.\n"
    )
    assert not any("discussed the hall" in q for q in _quotes(text))


def test_a_feeling_about_an_office_is_no_task() -> None:
    text = (
        HEAD
        + "Present: Anna Lee, Bob Ek\n\n1. Officers\nMembers were sad that the Treasurer would step down.\n"
    )
    assert _quotes(text) == []


def test_swedish_passives_with_a_deadline_or_another_clauses_negation_stay_tasks() -> None:
    text = (
        "Styrelsemöte 3 mars 2024\n\nNärvarande: Anna Berg, Bo Gran\n\n§ 4 Årsmötet\n"
        "Kallelsen skickas ut inte senare än den 1 april.\n"
        "För att ingen ska missa mötet skickas kallelsen även per post.\n"
        "Inga invändningar fanns, så budgeten skickas till revisorerna nästa vecka.\n"
    )
    assert len(_quotes(text)) == 3


def test_another_bodys_meeting_on_the_same_day_lends_no_hours_or_place() -> None:
    text = (
        HEAD
        + "Present: Anna Lee, Bob Ek\n\n1. Working group\nThe next working group meeting is on 14 April 2024 "
        "at 17:00 at the library.\n\n2. Next meeting\nThe next board meeting will be on 14 April 2024.\n"
    )
    nm = _ex(text).next_meeting
    assert nm is not None and nm.date == "2024-04-14" and nm.start is None and nm.place is None


def test_a_product_in_a_long_line_is_no_lost_bullet() -> None:
    line = "The hall costs 40 * 12 months and cleaning 15 * 12 months and heating 30 * 12 months and " * 6
    assert normalise(line)[0].count("\n") == 0


def test_a_numbered_list_of_tasks_is_no_agenda_ahead_of_its_items() -> None:
    text = (
        HEAD + "Present: Anna Lee, Bob Ek, Carl Dahl\n\n1. Anna will book the venue for the spring party.\n\n"
        "2. Bob will send the invitations to all members.\n\n"
        "3. Carl will order the catering for the party.\n\n"
        "Spring party venue\n\nThe hall is free.\n\nThe invitations\n\nPrinted.\n"
    )
    assert len(_quotes(text)) == 3


def test_an_agenda_restated_far_below_is_found_without_reading_every_line_for_every_item() -> None:
    items = "".join(f"{k}. Topic number {k} of the day\n" for k in range(1, 60))
    text = HEAD + items + "\n" + "Some prose line that restates nothing at all.\n" * 40000
    assert segment(text).sections  # (bounded: the search looks a window of lines below the list)


def test_a_table_whose_cells_ran_together_is_read_as_one() -> None:
    text = (
        "Committee meeting 14 November 2007\n\nPresent: Gavin Holden, Bronwyn Hasler\n\nAction Items:\n\n"
        "NameAction\nGavin HoldenFollow up on improving the helmet lighting.\n"
        "Bronwyn HaslerTo get the list of the financial members.\n"
    )
    got = {a.text: a.owners for a in extract(read_bytes(text.encode(), "m.txt")).action_items}
    assert got == {
        "Follow up on improving the helmet lighting.": ["Gavin Holden"],
        "To get the list of the financial members.": ["Bronwyn Hasler"],
    }


def test_the_names_of_a_task_table_and_a_next_meeting_line_are_no_attendees() -> None:
    text = (
        "Committee meeting 14 November 2007\n\nPresent: Simon Davis, Sue Parker, Kim Farrar\n\n"
        "Action Items:\n\n"
        "NameAction\nGavin HoldenFollow up on improving the helmet lighting for the club.\n"
        "Kim FarrarTo produce some posters and brochures for the club.\n\nNext Meeting\n\n13th February\n"
    )
    got = {p.name for p in extract(read_bytes(text.encode(), "m.txt")).participants}
    assert got == {"Simon Davis", "Sue Parker", "Kim Farrar"}
