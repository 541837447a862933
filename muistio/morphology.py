"""Optional Finnish morphology: base forms and passive-future detection from libvoikko, when installed.

The extraction works without it (generated case forms of the participants' names, a suffix rule for
the passive); an analyser is a second opinion. libvoikko needs the system library (Debian
`libvoikko1`), its dictionary (`voikko-fi`) and the PyPI wrapper (`pip install 'muistio[voikko]'`).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "Morphology",
    "MorphologyUnavailable",
    "NoMorphology",
    "VoikkoMorphology",
    "load_voikko",
    "morphology_for",
]


@runtime_checkable
class Morphology(Protocol):
    """What the extraction asks of a morphological analyser."""

    name: str

    def base_forms(self, word: str) -> list[str]:
        """Base forms (lemmas) of a word; empty when unknown."""
        ...

    def is_passive_future(self, word: str) -> bool | None:
        """Whether a word is a present (future-reading) passive; None when the analyser cannot tell."""
        ...

    def inflections(self, word: str) -> list[tuple[str, str | None]]:
        """(base form, case) readings of a noun or name; cases as in muistio.names (gen, all, ...)."""
        ...


class NoMorphology:
    """The fallback: knows nothing, so the rule-based readings decide alone."""

    name = "none"

    def base_forms(self, word: str) -> list[str]:
        """No base forms."""
        return []

    def is_passive_future(self, word: str) -> bool | None:
        """Never knows."""
        return None

    def inflections(self, word: str) -> list[tuple[str, str | None]]:
        """No readings."""
        return []


# libvoikko's Finnish case names -> the short codes muistio.names uses
_CASES = {
    "nimento": "nom",
    "omanto": "gen",
    "osanto": "par",
    "sisatulento": "ill",
    "sisaolento": "ine",
    "sisaeronto": "ela",
    "ulkoolento": "ade",
    "ulkoeronto": "abl",
    "ulkotulento": "all",
    "olento": "ess",
    "tulento": "tra",
    "vajanto": "abe",
    "seuranto": "com",
}


class VoikkoMorphology:
    """libvoikko's Finnish analyser, with a per-word cache (minutes repeat their words)."""

    name = "voikko"

    def __init__(self, voikko: Any) -> None:
        self._voikko = voikko
        # libvoikko's handle is not safe to share between threads (Prefect may run tasks in threads)
        self._lock = threading.Lock()
        self._cache: dict[str, list[dict[str, str]]] = {}

    def analyze(self, word: str) -> list[dict[str, str]]:
        """libvoikko's analyses of one word (cached; empty on any analyser error)."""
        hit = self._cache.get(word)
        if hit is None:
            try:
                with self._lock:
                    hit = [dict(a) for a in self._voikko.analyze(word)]
            except Exception:  # a broken analysis of one word must not stop reading the minutes
                hit = []
            if len(self._cache) > 100_000:  # bound memory over a long-running worker
                self._cache.clear()
            self._cache[word] = hit
        return hit

    def base_forms(self, word: str) -> list[str]:
        """Distinct base forms, in libvoikko's order (Mikon -> Mikko, Miko)."""
        return list(dict.fromkeys(a["BASEFORM"] for a in self.analyze(word) if a.get("BASEFORM")))

    def inflections(self, word: str) -> list[tuple[str, str | None]]:
        """(base form, case) of each nominal reading (Sadulle -> ('Satu', 'all'))."""
        out = [
            (a["BASEFORM"], _CASES.get(a.get("SIJAMUOTO", "")))
            for a in self.analyze(word)
            if a.get("BASEFORM") and a.get("CLASS") != "teonsana"
        ]
        return list(dict.fromkeys(out))

    def is_passive_future(self, word: str) -> bool | None:
        """True for an affirmative present indicative passive (perustetaan); None for unknown words."""
        analyses = self.analyze(word)
        if not analyses:
            return None
        return any(
            a.get("CLASS") == "teonsana"
            and a.get("PERSON") == "4"
            and a.get("MOOD") == "indicative"
            and a.get("TENSE") == "present_simple"
            and a.get("NEGATIVE") != "true"
            for a in analyses
        )


def load_voikko() -> VoikkoMorphology | None:
    """A libvoikko analyser, or None when the wrapper, the system library or the dictionary is missing."""
    try:
        import libvoikko  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        return VoikkoMorphology(libvoikko.Voikko("fi"))
    except (OSError, libvoikko.VoikkoException):  # no libvoikko.so / no Finnish dictionary
        return None


@lru_cache(maxsize=1)
def _installed() -> Morphology:
    """libvoikko when it is installed and its dictionary loads, else the fallback; built once."""
    return load_voikko() or NoMorphology()


class MorphologyUnavailable(RuntimeError):
    """libvoikko was asked for by name but is not installed (or its dictionary is missing)."""


def morphology_for(choice: str | None) -> Morphology:
    """The analyser a setting names: none/off, voikko (must load), auto or unset (voikko if present)."""
    key = (choice or "auto").strip().lower()
    if key in {"none", "off", "0", "false", "no"}:
        return NoMorphology()
    if key in {"auto", ""}:
        return _installed()
    if key == "voikko":
        found = _installed()
        if isinstance(found, NoMorphology):
            raise MorphologyUnavailable(
                "libvoikko is not available: install libvoikko1 voikko-fi and pip install 'muistio[voikko]'"
            )
        return found
    raise MorphologyUnavailable(f"unknown morphology {choice!r}: use auto, voikko or none")
