"""The optional Finnish analyser: the fallback always, libvoikko when it and its dictionary are installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from muistio.document import Document
from muistio.extraction import extract
from muistio.extraction.actions import _passive_word
from muistio.morphology import (
    Morphology,
    MorphologyUnavailable,
    NoMorphology,
    VoikkoMorphology,
    load_voikko,
    morphology_for,
)
from muistio.names import Roster

VOIKKO = load_voikko()
needs_voikko = pytest.mark.skipif(
    VOIKKO is None,
    reason="libvoikko not usable here: needs Debian libvoikko1 + voikko-fi and pip install 'muistio[voikko]'",
)

# Our own excerpt: 'Sadulle' (t -> d gradation) and 'Kellään' (a pronoun ending like a passive)
# are the two places where the rule-based reading alone falls short.
EXCERPT = """Pihapiirin asukasyhdistys ry
Hallituksen kokous 12.3.2024 klo 18.00
Paikka: Kerhohuone

Läsnä:
Satu Virtanen, puheenjohtaja
Hilkka Ahde, sihteeri
Olli Saari

1. Kokouksen avaus
Puheenjohtaja avasi kokouksen klo 18.05.

2. Kevätsiivous
Annettiin Sadulle tehtäväksi tilata lavat ja jätesäkit huhtikuun loppuun mennessä.
Kellään ei ollut huomautettavaa siivouspäivän ajankohdasta.
Olli Saari laatii tiedotteen asukkaille.

3. Kokouksen päättäminen
Puheenjohtaja päätti kokouksen klo 19.10.
"""


SATU_TASK = "Annettiin Sadulle tehtäväksi tilata lavat ja jätesäkit huhtikuun loppuun mennessä."
OLLI_TASK = "Olli Saari laatii tiedotteen asukkaille."
NOBODY = "Kellään ei ollut huomautettavaa siivouspäivän ajankohdasta."


def _doc(text: str) -> Document:
    return Document(path="excerpt.txt", format="txt", sha256="0" * 64, source_text=text, text=text)


def _owners(morphology: Morphology) -> dict[str, list[str]]:
    """Action text -> owners of the excerpt, read with the given analyser."""
    ex = extract(_doc(EXCERPT), morphology=morphology)
    return {a.text: a.owners for a in ex.action_items}


# ------------------------------------------------------------------------------------- fallback


def test_fallback_knows_nothing() -> None:
    none = NoMorphology()
    assert isinstance(none, Morphology)
    assert none.base_forms("Sadulle") == []
    assert none.inflections("Sadulle") == []
    assert none.is_passive_future("perustetaan") is None


def test_morphology_for_setting_values() -> None:
    assert isinstance(morphology_for("none"), NoMorphology)
    assert isinstance(morphology_for(" OFF "), NoMorphology)
    assert morphology_for(None) is morphology_for("auto")
    with pytest.raises(MorphologyUnavailable, match="unknown morphology"):
        morphology_for("hfst")


def test_unset_morphology_means_auto() -> None:
    # no analyser passed: the extraction and the roster use what 'auto' picks, no process-wide state
    assert Roster(["Satu Virtanen"]).morphology is morphology_for("auto")
    assert Roster(["Satu Virtanen"], morphology=NoMorphology()).morphology.name == "none"


def test_roster_without_analyser_uses_generated_forms_only() -> None:
    roster = Roster(["Satu Virtanen", "Pekka Kekkonen"], morphology=NoMorphology())
    assert roster.candidates("Pekalle")[0] == ["Pekka Kekkonen"]
    assert roster.candidates("Kekkoselle")[0] == ["Pekka Kekkonen"]
    assert roster.candidates("Sadulle")[0] == []  # t -> d is not among the generated gradations


def test_passive_rule_without_analyser_flags_pronoun() -> None:
    m = _passive_word("Kellään ei ollut huomautettavaa.", NoMorphology())
    assert m is not None and m.group(1) == "Kellään"
    hit = _passive_word("Toiminnan tueksi perustetaan työryhmä.", NoMorphology())
    assert hit is not None and hit.group(1) == "perustetaan"


def test_excerpt_without_analyser() -> None:
    owners = _owners(NoMorphology())
    assert owners[OLLI_TASK] == ["Olli Saari"]
    # without an analyser 'Sadulle' only reaches the first name written in the text
    assert owners[SATU_TASK] == ["Satu"]
    assert owners[NOBODY] == []  # the pronoun read as a passive-future task


def test_cli_env_var_disables_analyser(tmp_path: Path) -> None:
    src = tmp_path / "excerpt.txt"
    src.write_text(EXCERPT, encoding="utf-8")
    env = {**os.environ, "MUISTIO_MORPHOLOGY": "none"}
    out = subprocess.run(
        [sys.executable, "-m", "cli", "extract", str(src), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert '"Satu"' in out.stdout and '"Satu Virtanen"' in out.stdout


def test_cli_rejects_unknown_analyser(tmp_path: Path) -> None:
    src = tmp_path / "excerpt.txt"
    src.write_text(EXCERPT, encoding="utf-8")
    env = {**os.environ, "MUISTIO_MORPHOLOGY": "hfst"}
    out = subprocess.run(
        [sys.executable, "-m", "cli", "extract", str(src)], capture_output=True, text=True, env=env
    )
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("muistio: MUISTIO_MORPHOLOGY")
    assert all(choice in lines[0] for choice in ("auto", "voikko", "none"))


# ------------------------------------------------------------------------------------- libvoikko


@needs_voikko
def test_voikko_base_forms_and_cases() -> None:
    assert isinstance(VOIKKO, VoikkoMorphology)
    assert "Satu" in VOIKKO.base_forms("Sadulle")
    assert VOIKKO.base_forms("Mikon")[:2] == ["Mikko", "Miko"]
    assert ("Kekkonen", "all") in VOIKKO.inflections("Kekkoselle")
    assert VOIKKO.base_forms("xqzvv") == []


@needs_voikko
def test_voikko_passive_future() -> None:
    assert VOIKKO is not None
    for w in ("perustetaan", "valmistellaan", "haetaan", "esitellään"):
        assert VOIKKO.is_passive_future(w) is True, w
    for w in ("kellään", "sotaan", "vastaan", "perusti"):
        assert VOIKKO.is_passive_future(w) is False, w
    assert VOIKKO.is_passive_future("xqzvvtaan") is None


@needs_voikko
def test_voikko_vetoes_suffix_rule() -> None:
    assert _passive_word("Kellään ei ollut huomautettavaa.", VOIKKO) is None
    hit = _passive_word("Toiminnan tueksi perustetaan työryhmä.", VOIKKO)
    assert hit is not None and hit.group(1) == "perustetaan"


@needs_voikko
def test_roster_with_voikko_finds_missed_forms() -> None:
    roster = Roster(["Satu Virtanen", "Hilkka Ahde"], morphology=VOIKKO)
    assert roster.candidates("Sadulle") == (["Satu Virtanen"], "all")
    assert roster.candidates("Ahteelle")[0] == ["Hilkka Ahde"]


@needs_voikko
def test_excerpt_same_or_better_with_voikko() -> None:
    assert VOIKKO is not None
    without = _owners(NoMorphology())
    with_voikko = _owners(VOIKKO)
    assert with_voikko[OLLI_TASK] == without[OLLI_TASK] == ["Olli Saari"]  # the same
    assert without[SATU_TASK] == ["Satu"]
    assert with_voikko[SATU_TASK] == ["Satu Virtanen"]  # better: the full participant name
    # better: the pronoun 'Kellään' is no longer read as a passive-future task
    assert NOBODY in without
    assert set(with_voikko) == set(without) - {NOBODY}
