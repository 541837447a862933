"""Which language the minutes are written in, by counting common function words."""

from __future__ import annotations

from collections import Counter

from muistio.patterns import regex

# fmt: off
_STOPWORDS: dict[str, frozenset[str]] = {
    "fi": frozenset({
        "ja", "on", "ei", "että", "se", "oli", "kokous", "kokouksen", "myös", "mutta", "kun", "jos", "tai",
        "sekä", "ovat", "olisi", "tämä", "mukaan", "hallitus", "hallituksen", "puheenjohtaja", "sihteeri",
        "päätös", "päätettiin", "todettiin", "klo", "aika", "paikka", "läsnä", "asiat", "muut", "sovittiin",
        "hyväksyttiin", "kanssa", "vielä", "voi", "joka",
    }),
    "en": frozenset({
        "the", "and", "of", "to", "is", "in", "that", "for", "was", "with", "on", "be", "this", "are", "will",
        "it", "as", "by", "at", "from", "meeting", "minutes", "agenda", "attendees", "present", "action",
        "we", "have", "not",
    }),
    "sv": frozenset({
        "och", "att", "det", "som", "är", "för", "på", "med", "av", "till", "inte", "en", "ett", "har", "var",
        "mötet", "protokoll", "ordförande", "sekreterare", "närvarande", "beslut", "beslutades", "om", "kan",
        "skall", "ska",
    }),
}
# fmt: on

_WORD = regex(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """Return 'fi', 'en' or 'sv' for the language whose function words occur most; 'fi' on a tie."""
    # The first ~8k characters (some 1,200 words) are plenty and keep every document fast.
    words = Counter(_WORD.findall(text[:8000].lower()))
    counts = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=lambda k: (counts[k], k == "fi"))
    return best if counts[best] else "fi"
