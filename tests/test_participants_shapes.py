"""Participant list shapes seen in unseen real minutes (issue 7); every text is invented, one per rule."""

from __future__ import annotations

from muistio.extraction.participants import find_participants
from muistio.extraction.segment import segment


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
