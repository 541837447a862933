"""Finnish name forms and resolving mentions to participants."""

from __future__ import annotations

import pytest

from muistio.names import Roster, all_forms, word_forms


@pytest.mark.parametrize(
    ("word", "surname", "case", "form"),
    [
        ("Riku", False, "gen", "Rikun"),
        ("Riku", False, "all", "Rikulle"),
        ("Pekka", False, "all", "Pekalle"),
        ("Pekka", False, "gen", "Pekan"),
        ("Pekka", False, "par", "Pekkaa"),
        ("Mikko", False, "gen", "Mikon"),
        ("Heikki", False, "ade", "Heikillä"),
        ("Jylhänkangas", True, "all", "Jylhänkankaalle"),
        ("Jylhänkangas", True, "gen", "Jylhänkankaan"),
        ("Kekkonen", True, "all", "Kekkoselle"),
        ("Kekkonen", True, "par", "Kekkosta"),
        ("Raudaskoski", True, "gen", "Raudaskosken"),
        ("Viljamaa", True, "ill", "Viljamaahan"),
        ("Eloranta", True, "gen", "Elorannan"),
        ("Ala-Pietilä", True, "gen", "Ala-Pietilän"),
        ("Olli-Pekka", False, "all", "Olli-Pekalle"),
        ("Pesiö", True, "par", "Pesiötä"),
        ("Mikael", False, "all", "Mikaelille"),
        ("Markus", False, "gen", "Markuksen"),
    ],
)
def test_case_forms_follow_gradation_and_stem_type(word: str, surname: bool, case: str, form: str) -> None:
    assert form in word_forms(word, surname)[case]


def test_all_forms_include_the_nominative() -> None:
    assert "Sanna" in all_forms("Sanna")
    assert "Sannalle" in all_forms("Sanna")


ROSTER = Roster(
    [
        "Olli-Pekka Heinonen",
        "Pekka Ala-Pietilä",
        "Pekka Soini",
        "Riku Jylhänkangas",
        "Sari Kantonen",
        "Sari Salonen",
        "Nick A.",
        "@t0xic0der",
        "Maija Li Raudaskoski",
    ],
    ["VM"],
)


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Riku", "Riku Jylhänkangas"),
        ("Rikulle", "Riku Jylhänkangas"),
        ("Jylhänkankaalle", "Riku Jylhänkangas"),
        ("Sari S.", "Sari Salonen"),
        ("Sari K.", "Sari Kantonen"),
        ("OPH", "Olli-Pekka Heinonen"),
        ("Olli-Pekalle", "Olli-Pekka Heinonen"),
        ("Heinoselle", "Olli-Pekka Heinonen"),
        ("Pekka Soinille", "Pekka Soini"),
        ("Nick", "Nick A."),
        ("@t0xic0der", "@t0xic0der"),
        ("Maija", "Maija Li Raudaskoski"),
        ("Raudaskoskelle", "Maija Li Raudaskoski"),
        ("VM:n", "VM"),
        ("VM", "VM"),
    ],
)
def test_unambiguous_mentions_resolve_to_the_full_name(mention: str, name: str) -> None:
    assert ROSTER.resolve(mention).name == name


def test_an_ambiguous_first_name_is_never_guessed() -> None:
    r = ROSTER.resolve("Pekka")
    assert r.name is None
    assert r.ambiguous
    assert set(r.candidates) == {"Pekka Ala-Pietilä", "Pekka Soini"}


def test_context_decides_between_same_named_people() -> None:
    assert ROSTER.resolve("Pekan", presenters=["Pekka Soini"]).name == "Pekka Soini"
    assert ROSTER.resolve("Sari", recent=["Sari Kantonen", "Riku Jylhänkangas"]).name == "Sari Kantonen"
    # the nearest full mention that is not a candidate does not count
    assert ROSTER.resolve("Sari", recent=["Riku Jylhänkangas"]).name is None


def test_unknown_names_do_not_resolve() -> None:
    r = ROSTER.resolve("Tauno")
    assert r.name is None
    assert r.candidates == []


def test_find_marks_full_and_partial_mentions_with_offsets() -> None:
    text = "Pekka Rikulle: onko näin? Maija Li Raudaskoski ja Sari S. vastasivat."
    found = ROSTER.find(text)
    surfaces = [m.surface for m in found]
    assert surfaces == ["Pekka", "Rikulle", "Maija Li Raudaskoski", "Sari S."]
    for m in found:
        assert text[m.start : m.end] == m.surface
    assert [m.full for m in found] == [False, False, True, True]
    assert found[1].case == "all"


def test_strong_grade_of_common_noun_stems() -> None:
    from muistio.names import strong_grade

    assert strong_grade("toimikunna") == "toimikunta"
    assert strong_grade("työryhmä") == "työryhmä"


def test_name_cut_at_a_line_end_hyphen_does_not_break_the_roster() -> None:
    from muistio.names import Roster, word_forms

    assert word_forms("-") == {}
    roster = Roster(["Sunil Gadh-", "Anna Mäki"], [None, None])
    assert roster.find("Annalle")


def test_initials_win_over_an_organisation_string_and_lowercase_initials_resolve() -> None:
    r = Roster(["Ann Lee", "Olli-Pekka Heinonen", "Bob Ray"], ["AL", None, None])
    assert r.resolve("AL").name == "Ann Lee"  # 'Ann Lee (AL)' read AL as her organisation
    assert r.resolve("OPH").name == "Olli-Pekka Heinonen"
    assert r.resolve("br").name == "Bob Ray"
    assert r.by_initials("AB") is None
    assert Roster(["Ann Lee", "Aki Lehto"]).by_initials("AL") is None  # two people: no guess
