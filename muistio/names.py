"""Names in minutes: Finnish case forms of known names, and resolving a mention to one participant.

Finnish inflects names (Rikulle, Pekan, Kekkoselle, Jylhänkankaalle), so a mention is matched
against forms generated from the participant list, with consonant gradation, instead of
lemmatising the text. An optional morphological analyser (libvoikko) only adds base forms.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from muistio.morphology import Morphology, morphology_for
from muistio.patterns import regex

BACK = set("aouAOU")
VOWELS = set("aeiouyäöAEIOUYÄÖ")

# Strong -> weak consonant gradation (the closed-syllable cases take the weak grade).
GRADATION: tuple[tuple[str, str], ...] = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("rt", "rr"),
    ("nt", "nn"),
)

# Native words ending in -i whose stem is -e- (koski -> kosken); surnames end in them often.
# word -> (weak stem, strong stem, partitive)
E_STEMS: dict[str, tuple[str, str, str]] = {
    "koski": ("koske", "koske", "koskea"),
    "järvi": ("järve", "järve", "järveä"),
    "saari": ("saare", "saare", "saarta"),
    "mäki": ("mäe", "mäke", "mäkeä"),
    "niemi": ("nieme", "nieme", "niemeä"),
    "lahti": ("lahde", "lahte", "lahtea"),
    "vesi": ("vede", "vete", "vettä"),
    "salmi": ("salme", "salme", "salmea"),
    "lampi": ("lamme", "lampe", "lampea"),
    "joki": ("joe", "joke", "jokea"),
    "vuori": ("vuore", "vuore", "vuorta"),
    "kivi": ("kive", "kive", "kiveä"),
    "lehti": ("lehde", "lehte", "lehteä"),
    "mäenpää": ("mäenpää", "mäenpää", "mäenpäätä"),
}

CASES = ("gen", "par", "ill", "ine", "ela", "ade", "abl", "all", "ess", "tra", "abe", "com")


# Patterns used in hot loops, compiled once (module-level re.* calls re-look them up every time).
_HYPHEN_OR_SPACE = regex(r"[-\s]")
_VOWEL_S_END = regex(r"[aeiouyäö][sS]$")
_CONSONANT_LONG_A_END = regex(r"[^aeiouyäö](aa|ää)$")
_PARENTHESISED = regex(r"\(.*?\)")
_SPACES = regex(r"\s+")
_INITIAL_MAYBE_DOTTED = regex(r"[A-ZÅÄÖ]\.?")
_CASE_SUFFIX_AFTER_COLON = regex(r":[a-zåäö]+$")
_TRAILING_INITIAL = regex(r"\s[A-ZÅÄÖ]\.$")


def _harmony(word: str) -> bool:
    """True when the word takes back-vowel endings (a, o, u), judged on its last compound part."""
    last = _HYPHEN_OR_SPACE.split(word)[-1]
    return any(c in BACK for c in last)


def _endings(back: bool) -> dict[str, str]:
    a = "a" if back else "ä"
    return {
        "gen": "n",
        "ine": "ss" + a,
        "ela": "st" + a,
        "ade": "ll" + a,
        "abl": "lt" + a,
        "all": "lle",
        "ess": "n" + a,
        "tra": "ksi",
        "abe": "tt" + a,
        "com": "ineen",
    }


def _weaken(stem: str) -> str:
    """The weak grade of a stem whose last syllable is open (Pekka -> Peka, Mikko -> Miko)."""
    m = re.search(r"([^aeiouyäö]{1,2})([aeiouyäö]+)$", stem, re.IGNORECASE)
    if not m:
        return stem
    cons, vow = m.group(1), m.group(2)
    for strong, weak in GRADATION:
        if cons.lower() == strong:
            weak_c = weak if cons.islower() else weak.capitalize()
            return stem[: m.start(1)] + weak_c + vow
    return stem


def _strengthen(stem: str) -> str:
    """The strong grade of a weak-grade nominative stem (kangas -> kank-, hammas -> hamp-)."""
    m = re.search(r"([^aeiouyäö]{1,2})([aeiouyäö])$", stem, re.IGNORECASE)
    if not m:
        return stem
    cons = m.group(1).lower()
    for strong, weak in GRADATION:
        if cons == weak:
            return stem[: m.start(1)] + strong + m.group(2)
    if len(cons) == 1 and cons in "kpt":
        return stem[: m.start(1)] + cons * 2 + m.group(2)  # rikas -> rikkaa
    if cons == "d":
        return stem[: m.start(1)] + "t" + m.group(2)
    if cons == "v":
        return stem[: m.start(1)] + "p" + m.group(2)
    return stem


def strong_grade(stem: str) -> str:
    """The strong grade of a weak-grade stem (toimikunna -> toimikunta), for common nouns too."""
    return _strengthen(stem)


def _vowel_stem_forms(strong: str, weak: str, back: bool) -> dict[str, set[str]]:
    """Forms of a vowel stem: strong grade in partitive, illative and essive, weak elsewhere."""
    e = _endings(back)
    a = "a" if back else "ä"
    last = strong[-1].lower()
    out: dict[str, set[str]] = {c: set() for c in CASES}
    for case, end in e.items():
        base = strong if case in ("ess", "com") else weak
        out[case].add(base + end)
    two_vowels = len(strong) >= 2 and strong[-2].lower() in VOWELS
    if two_vowels:
        out["par"].add(strong + "t" + a)
        if strong[-2].lower() == last:  # long vowel: Viljamaa -> Viljamaahan
            out["ill"].add(strong + "h" + last + "n")
        else:
            out["ill"].add(strong + last + "n")
    else:
        out["par"].add(strong + a)
        out["ill"].add(strong + last + "n")
    return out


def _word_forms(word: str, surname: bool) -> dict[str, set[str]]:
    """All case forms of one name word (the nominative included) by its Finnish stem type."""
    back = _harmony(word)
    a = "a" if back else "ä"
    out: dict[str, set[str]] = {c: set() for c in CASES}
    out["nom"] = {word}
    low = word.lower()

    def merge(more: dict[str, set[str]]) -> None:
        for k, v in more.items():
            out.setdefault(k, set()).update(v)

    if low.endswith("nen") and len(word) > 4:  # Kekkonen -> Kekkose-
        stem = word[:-3] + "se"
        merge(_vowel_stem_forms(stem, stem, back))
        out["par"] = {word[:-3] + "st" + a}
        out["ill"] = {stem + "en"}
        return out
    for tail, (weak, strong, par) in E_STEMS.items():
        if surname and low.endswith(tail):
            head = word[: len(word) - len(tail)]
            merge(_vowel_stem_forms(head + strong, head + weak, back))
            out["par"] = {head + par}
            out["ill"] = {head + strong + "en"}
            return out
    if word[-1] in VOWELS:
        merge(_vowel_stem_forms(word, _weaken(word), back))
        if low.endswith("e"):  # juote -> juotteen: the -e nouns take -ee- with the strong grade
            stem = _strengthen(word[:-1] + "e")[:-1] + "ee"
            merge({k: {v} for k, v in {"gen": stem + "n", "all": stem + "lle", "ill": stem + "seen"}.items()})
        return out
    if _VOWEL_S_END.search(word) and len(word) > 3:
        # -as/-äs/-us: kangas -> kankaa- (strong grade, long vowel), Markus -> Markukse-
        v = word[-2]
        strong = _strengthen(word[:-1]) + v
        merge(_vowel_stem_forms(strong, strong, back))
        out["par"].add(word + "t" + a)
        out["ill"].add(strong + "seen")
        kse = word[:-1] + "kse"
        merge(_vowel_stem_forms(kse, kse, back))
        out["ill"].add(word[:-1] + "kseen")
    # Foreign consonant-final names take an -i- stem (Mikael -> Mikaelin, Nick -> Nickille).
    merge(_vowel_stem_forms(word + "i", word + "i", back))
    return out


@lru_cache(maxsize=4096)
def word_forms(word: str, surname: bool = False) -> dict[str, frozenset[str]]:
    """Case name -> forms of one name word; hyphenated words inflect their last part only."""
    word = word.strip("-")  # a name cut at a line-end hyphen ("Gadh-") keeps what is there
    if not word:
        return {}
    if "-" in word:
        head, _, last = word.rpartition("-")
        inner = _word_forms(last, surname)
        return {k: frozenset(head + "-" + f for f in v) for k, v in inner.items()}
    return {k: frozenset(v) for k, v in _word_forms(word, surname).items()}


def all_forms(word: str, surname: bool = False) -> frozenset[str]:
    """Every form of a name word, nominative included."""
    return frozenset().union(*word_forms(word, surname).values())


def base_candidates(form: str) -> list[str]:
    """Nominatives an inflected name may come from (Mikon -> Mikko, Miko; Kekkoselle -> Kekkonen)."""
    out: list[str] = []
    endings = ("lle", "lla", "llä", "lta", "ltä", "ssa", "ssä", "sta", "stä", "ksi", "n")
    for end in endings:
        if not form.endswith(end) or len(form) <= len(end) + 2:
            continue
        stem = form[: -len(end)]
        if _CONSONANT_LONG_A_END.search(stem):  # Jylhänkankaa- -> Jylhänkangas
            out.append(_weaken(stem[:-1]) + "s")
        if stem.endswith("se"):
            out.append(stem[:-2] + "nen")
        out.append(_strengthen(stem))
        out.append(stem)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Case- and accent-stable key for comparing names (keeps ä/ö, drops other diacritics' variance)."""
    s = unicodedata.normalize("NFC", s).strip().lower()
    return s.replace("’", "'")


def _tokens(name: str) -> list[str]:
    if "(" in name:  # most mentions have no brackets: no pattern run for them
        name = _PARENTHESISED.sub(" ", name)
    name = name.split(",")[0]
    return [t for t in _SPACES.split(name.strip().lstrip("@")) if t]


@dataclass
class Person:
    """One known person: the full name and its parts."""

    name: str
    first: list[str]
    last: str | None
    organization: str | None = None
    handle: str | None = None

    @property
    def initials(self) -> str:
        """Initials over hyphen parts too (Olli-Pekka Heinonen -> OPH)."""
        parts = [p for t in self.first + ([self.last] if self.last else []) for p in t.split("-") if p]
        return "".join(p[0] for p in parts).upper()


@dataclass
class Resolution:
    """What a mention resolved to: one name, or several candidates (ambiguous), or none."""

    mention: str
    name: str | None
    candidates: list[str] = field(default_factory=list)
    case: str | None = None

    @property
    def ambiguous(self) -> bool:
        """True when more than one known person fits and context did not decide."""
        return self.name is None and len(self.candidates) > 1


@dataclass
class Mention:
    """A span of text naming someone (or an organisation)."""

    start: int
    end: int
    surface: str
    candidates: list[str]
    case: str
    full: bool  # first and last name both written


def _person(name: str, organization: str | None = None) -> Person:
    handle = None
    if name.startswith("@"):
        handle = name.split(":")[0].lstrip("@")
        return Person(name=name, first=[handle], last=None, organization=organization, handle=handle)
    toks = _tokens(name)
    if len(toks) == 1:
        return Person(name=name, first=toks, last=None, organization=organization)
    last = toks[-1]
    if _INITIAL_MAYBE_DOTTED.fullmatch(last):  # 'Sari S.' / 'Jeff L.': only an initial is known
        return Person(name=name, first=toks[:-1], last=last.rstrip(".") + ".", organization=organization)
    return Person(name=name, first=toks[:-1], last=last, organization=organization)


# Only capitalised words and handles can start or continue a name ('Sari S.', '@nick').
# a word starts with '@' or a capital: the lookahead skips other positions before the lookbehind is tried
_WORD = regex(r"(?=[@A-ZÅÄÖÜÉ])(?<![\w'’.\-@])(?:@\w|[A-ZÅÄÖÜÉ])[\w'’.\-]*")
_INITIAL = regex(r"[A-ZÅÄÖ]\.")
_INITIALS = regex(r"[A-ZÅÄÖ]{2,4}")


class Roster:
    """The participants (and organisations) of one meeting, with every form their names take."""

    def __init__(
        self,
        names: Iterable[str],
        organizations: Iterable[str | None] = (),
        morphology: Morphology | None = None,
    ) -> None:
        # the analyser only answers when the generated case forms miss (None: libvoikko when installed)
        self.morphology = morphology if morphology is not None else morphology_for("auto")
        self._analyses = self.morphology.name != "none"
        self.people: list[Person] = []
        seen: set[str] = set()
        for n in names:
            if n and fold(n) not in seen:
                seen.add(fold(n))
                self.people.append(_person(n))
        self.organizations = sorted({o for o in organizations if o}, key=len, reverse=True)
        # folded keys computed once: lookups run per word of the minutes, so nothing is re-folded there
        self._org_by_fold = {fold(o): o for o in reversed(self.organizations)}
        self._name_by_fold: dict[str, list[str]] = {}
        for p in self.people:
            self._name_by_fold.setdefault(fold(p.name), []).append(p.name)
        self._first_keys = [
            (fold(" ".join(p.first)), fold(p.first[0]) if p.first else "") for p in self.people
        ]
        self._cand_cache: dict[str, tuple[list[str], str | None]] = {}
        self._shorts: dict[str, set[int]] | None = None  # built at the first short form asked of
        # first words a several-word mention can start with (a first name, or a full name's first word)
        heads = {k for pair in self._first_keys for k in pair if k} | {
            n.split()[0] for n in self._name_by_fold if n.split()
        }
        self._heads = {h[:i] for h in heads for i in range(1, len(h) + 1)}
        self._initials: dict[str, list[str]] = {}
        for p in self.people:
            self._initials.setdefault(p.initials, []).append(p.name)
        # form (folded) -> list of (person index, case, kind) where kind is first/last/handle
        self._forms: dict[str, list[tuple[int, str, str]]] = {}
        for i, p in enumerate(self.people):
            if p.handle:
                self._add(p.handle, i, "nom", "handle")
                continue
            # each given name alone too: the middle one may be the name used ('Llachlan')
            firsts = [" ".join(p.first)] + (p.first if len(p.first) > 1 else [])
            for f in dict.fromkeys(firsts):
                for case, forms in word_forms(f).items():
                    for form in forms:
                        self._add(form, i, case, "first")
            if p.last and not p.last.endswith("."):
                for case, forms in word_forms(p.last, surname=True).items():
                    for form in forms:
                        self._add(form, i, case, "last")

    @classmethod
    def from_participants(
        cls, participants: Sequence[object], morphology: Morphology | None = None
    ) -> Roster:
        """A roster from contract Participants (anything with .name and .organization)."""
        names = [str(getattr(p, "name", p)) for p in participants]
        orgs = [getattr(p, "organization", None) for p in participants]
        return cls(names, orgs, morphology)

    def add_alias(self, alias: str, name: str) -> bool:
        """Let a handle or nickname ('@nick') name a known person; False when the name is unknown."""
        idx = next((i for i, p in enumerate(self.people) if fold(p.name) == fold(name)), None)
        if idx is None:
            return False
        self._add(alias.lstrip("@").split(":")[0], idx, "nom", "handle")
        return True

    def _add(self, form: str, i: int, case: str, kind: str) -> None:
        self._cand_cache = {}
        lst = self._forms.setdefault(fold(form), [])
        if (i, case, kind) not in lst:
            lst.append((i, case, kind))

    def lookup(self, word: str) -> list[tuple[int, str, str]]:
        """Who a single word can name, with the case it is in and whether it is a first or last name."""
        hits = self._forms.get(fold(word.lstrip("@")), [])
        if hits:
            return hits
        # the generated forms missed (Sadulle, Ahteelle): an analyser's readings, nominative hits only
        for base, case in self.morphology.inflections(word.lstrip("@")):
            hits = [h for h in self._forms.get(fold(base), []) if h[1] == "nom"]
            if hits:
                return [(i, case or "?", kind) for i, _, kind in hits]
        return []

    def organization(self, word: str) -> str | None:
        """The organisation a word names, also in colon-inflected form (VM:n, VM:lle)."""
        if not self.organizations:
            return None
        w = word.strip()
        if ":" in w:
            w = _CASE_SUFFIX_AFTER_COLON.sub("", w)
        return self._org_by_fold.get(fold(w))

    def _short_forms(self) -> dict[str, set[int]]:
        """Every beginning of four letters or more of a participant's given names -> those people."""
        if self._shorts is None:
            self._shorts = {}
            for i, p in enumerate(self.people):
                for f in map(fold, p.first):
                    for n in range(4, len(f) + 1):
                        self._shorts.setdefault(f[:n], set()).add(i)
        return self._shorts

    def candidates(self, mention: str) -> tuple[list[str], str | None]:
        """All people a mention (full name, first name, surname, initials, inflected form) can mean."""
        hit = self._cand_cache.get(mention)
        if hit is None:
            hit = self._candidates(mention)
            self._cand_cache[mention] = hit
        return list(hit[0]), hit[1]

    def _candidates(self, mention: str) -> tuple[list[str], str | None]:
        m = mention.strip().strip(".,:;()[]*\\")
        if not m:
            return [], None
        if m.startswith("@"):
            h = fold(m.lstrip("@").split(":")[0])
            hits = [p.name for p in self.people if p.handle and fold(p.handle) == h]
            aliased = [self.people[i].name for i, _, kind in self._forms.get(h, []) if kind == "handle"]
            return list(dict.fromkeys(hits + aliased)), "nom"
        exact = self._name_by_fold.get(fold(m))
        if exact:
            return list(exact), "nom"
        toks = _tokens(m)
        if not toks:
            return [], None
        if len(toks) == 1:
            t = toks[0]
            if _INITIALS.fullmatch(t):
                hits = self._initials.get(t, [])
                if hits:
                    return list(hits), "nom"
            found = self.lookup(t)
            names = list(dict.fromkeys(self.people[i].name for i, _, _ in found))
            if not names and len(t) >= 4 and t[0].isupper() and t[1:].islower():
                # a short form of one participant's given name: 'Cart' for Carter, 'Alex' for Alexandra
                short = self._short_forms().get(fold(t), set())
                if len(short) == 1:
                    return [self.people[next(iter(short))].name], "nom"
            return names, (found[0][1] if found else None)
        # several words: the last one carries the case; the others are first names (or an initial)
        last_hits = self.lookup(toks[-1])
        first_key = fold(" ".join(toks[:-1]))
        out: list[str] = []
        case = None
        if _INITIAL_MAYBE_DOTTED.fullmatch(toks[-1]):  # 'Sari S.'
            ini = toks[-1][0].upper()
            for p in self.people:
                named = fold(" ".join(p.first)) == first_key or fold(p.first[0]) == first_key
                if named and p.last and p.last[0].upper() == ini:
                    out.append(p.name)
            return out, "nom"
        for i, c, kind in last_hits:
            p = self.people[i]
            if kind != "last":
                continue
            firsts = set(self._first_keys[i])
            if first_key in firsts or any(f.startswith(first_key) for f in firsts):
                out.append(p.name)
                case = c
        if out:
            return list(dict.fromkeys(out)), case
        return [], None

    def resolve(
        self, mention: str, *, presenters: Sequence[str] = (), recent: Sequence[str] = ()
    ) -> Resolution:
        """One person for a mention when unambiguous; context decides between same-named people.

        `presenters` are the section's presenters, `recent` the full names mentioned nearest before,
        nearest first. Still ambiguous: name None and the candidates listed (never a guess).
        """
        ini = self.by_initials(mention)
        org = self.organization(mention)
        if org and ini is None:
            return Resolution(mention, org, [org], "nom")
        cands, case = self.candidates(mention)
        if ini is not None and (org or not cands):
            # 'AL' is Ann Lee even when the list wrote 'Ann Lee (AL)' and AL was read as her organisation
            return Resolution(mention, ini, [ini], "nom")
        if len(cands) == 1:
            return Resolution(mention, cands[0], cands, case)
        if not cands:
            return Resolution(mention, None, [], case)
        pres = [c for c in cands if any(fold(c) == fold(p) for p in presenters)]
        if len(pres) == 1:
            return Resolution(mention, pres[0], cands, case)
        for r in recent:
            if any(fold(c) == fold(r) for c in cands):
                return Resolution(mention, next(c for c in cands if fold(c) == fold(r)), cands, case)
        return Resolution(mention, None, cands, case)

    def by_initials(self, mention: str) -> str | None:
        """The one person whose name parts (hyphenated ones too) start with these letters ('AL', 'oph')."""
        m = mention.strip().strip(".,:;()[]*\\")
        if not (2 <= len(m) <= 4 and m.isalpha() and (m.isupper() or m.islower())):
            return None
        hits = self._initials.get(m.upper(), [])
        return hits[0] if len(hits) == 1 else None

    def _may_head(self, tok: str) -> bool:
        """Whether a word can start a several-word mention (a prefix of a known first name)."""
        return fold(tok) in self._heads

    def _may_name(self, tok: str) -> bool:
        """A cheap test before the full look-up: a known form, initials, a handle or an organisation."""
        key = fold(tok.lstrip("@"))
        return (
            key in self._forms
            or tok.startswith("@")
            or tok in self._initials
            or self.organization(tok) is not None
            or self._analyses
            or key.strip(".,:;()[]*\\") in self._forms
        )

    def find(self, text: str, full_only: bool = False) -> list[Mention]:
        """Every mention of a known person in a text, longest match first, no overlaps.

        `full_only`: only the several-word mentions (the same ones; single words are not looked up).
        """
        out: list[Mention] = []
        if not self.people and not self.organizations:
            return out
        words = list(_WORD.finditer(text))
        # the same words recur all through the minutes: each one's token and head test is worked out once
        seen: dict[str, tuple[str, bool, bool]] = {}
        i = 0
        while i < len(words):
            w = words[i]
            word = w.group()
            known = seen.get(word)
            if known is None:
                tok = word.rstrip(".") if not _INITIAL.fullmatch(word) else word
                capital = tok[:1].isupper() or tok.startswith("@")
                known = seen[word] = (tok, capital, capital and self._may_head(tok))
            tok, capital, head = known
            if not capital or (full_only and not head):
                i += 1  # no mention starts here (full_only: no several-word one can)
                continue
            best: Mention | None = None
            for span in (3, 2) if head else ():
                if i + span > len(words):
                    continue
                seg = words[i : i + span]
                if any(text[a.end() : b.start()].strip() for a, b in itertools.pairwise(seg)):
                    continue
                surface = text[seg[0].start() : seg[-1].end()]
                s_clean = surface.rstrip(".") if not _TRAILING_INITIAL.search(surface) else surface
                cands, case = self.candidates(s_clean)
                if cands:
                    best = Mention(
                        seg[0].start(), seg[0].start() + len(s_clean), s_clean, cands, case or "nom", True
                    )
                    i += span
                    break
            if best is None:
                cands, case = self.candidates(tok) if not full_only and self._may_name(tok) else ([], None)
                if cands:
                    best = Mention(w.start(), w.start() + len(tok), tok, cands, case or "nom", False)
                i += 1
            if best is not None:
                out.append(best)
        return out


# Common given names (Finnish, Swedish, English and some international): in a register's
# `Surname Firstname` order the given name is the second word. Only the order of a whole list is
# judged with it, so a missing name costs nothing but that list's reordering.
_GIVEN_NAMES_TEXT = """
aada aapo aarne aaro aarni aatu aino airi aki aleksi aleksanteri alisa alma alli altti anja anna
anneli anne annika anni annu antero anton antti ari arja arto arttu arvo asko atte aulis auli aune
eelis eemeli eero eetu eeva eija eila eino eira elias elina eliisa elisa ella elli elma elsa emilia
emma enni erja erkki esa esko essi eveliina hanna hannele hannu harri heidi heikki heimo heini
heli helena helmi helvi henna henri henrik hilkka hilla hilda iida iina iiris ilkka ilmari ilona
ilpo irja irma irmeli jaakko jani janne jari jarkko jarmo jenna jenni jere jesse joel johanna
joni jonna jorma jouko jouni juha juhani juho jukka julia juuso jyrki jussi kaarina kaija kaisa
kaarlo kalervo kalle kari karoliina kasper katja katri kati kauko keijo kerttu kia kimmo kirsi
kirsti krista kristiina kyllikki laila laura lauri leena leevi leila lempi liisa lilja linnea
lotta lotta maija maire maria marika marja marjatta marjo markku marko markus marita marketta
martti matias matti meija meri merja mervi miia mika mikael mikko milla minna mira mirja mirjo
mirjami niilo niina niklas nina noora oiva olavi oliver olli onni oona oskari ossi otto outi
paavo paula pauli pauliina pekka pentti pertti petra petri petteri pihla pihka pia piia pirjo
pirkko raili raija raimo rauha rauno reijo reino riikka riitta risto ritva roope ronja ruut
saana saara sakari sami sampo sanna santeri sara sari satu seija sini sirkka sirpa simo sinikka
sisko soile sointu sofia suvi taina taisto tanja tapani tapio tarja tatu teemu teija tellervo
terhi terttu teuvo timo tiina tiia toivo tomi tommi toni topi topias tuija tuomas tuomo tuula
tuulikki tytti ulla unto urho urpo valtteri vappu veera veikko veli venla vesa vieno viivi
vilho ville vilma vivian voitto väinö yrjö seppo veijo jaana anu päivi marjut aila oili mauri
kimmo ismo jouni keijo osmo pasi petteri rainer raimo reima tero tuomo vesa aatu elmeri jaakob
lasse leo lari lassi nea nelli netta pinja ronja sanni siiri tiia tuuli venni veeti verna viljami
jorma kyösti lauha marjatta orvokki ritva sointu tyyne uuno vieno aarre aukusti ensio erkka
agneta alexander alice anders andreas anette ann anna-karin annika arvid astrid axel barbro
bengt birgitta björn bo britt britta carina carl caroline cecilia christer christina dag
daniel ebba elin elisabet elisabeth emil erik ewa filip frida fredrik gunilla gunnar gustav
göran hampus hans helena henrik ida inga inger ingrid isak jakob jan johan johannes jonas
josefin karin karl kent kerstin kjell klara lars lena lennart leif linda linnea lisa louise
magnus maja malin margareta maria marie martin mats mattias monica nils olle olof oskar per
peter pontus ragnar rolf rune siv sofia stefan sten stig susanne sven thomas tobias tomas tor
ulf ulrika viktor victor åsa
adam alan albert alex alexandra alice alison amanda amy andrew angela ann anne anthony barbara
ben benjamin bill bob brian bruce carol catherine charles chris christine christopher claire
daniel david deborah dennis diana donald dorothy edward elizabeth emily emma eric frank gary
george gerald grace greg harold helen henry ian jack james jane janet jason jean jeff jennifer
jeremy jessica jim joan john jonathan joseph judith julie karen kate katherine keith kelly ken
kenneth kevin laura lawrence linda lisa louis margaret mark martin mary matthew michael michelle
mike nancy nicholas nick patricia patrick paul peter philip rachel richard robert roger ronald
ruth ryan sam samuel sandra sarah scott sean sharon simon stephen steve steven susan thomas tim
timothy tom tony victoria walter william
aapeli aatos ahti akseli samuli alina alpo anita annikki anssi armas asta atso aulikki eemil eerika elmo
emmi erika erno hely helka hertta ilari ilmo inkeri jalmari janika janina jarno jenny jonne joonas
joona julius jutta jyri kaapo kaino kaisu kalevi kaarle katariina kaisla klaus kustaa lea liina
lyydia maarit marianne marjaana marjukka matleena mauno miikka mikaela mirva niko nikolai noel olga
paavali pasi patrik pekko pirita raakel rami raisa reetta riku riina roni rosa saija saku salla
santtu sauli sebastian selma senja severi silja sirkku sohvi sonja stina sulo sune susanna taavi
tarmo tauno teppo terho tiiu toini tuukka tuulia tuure uljas varpu veikka vertti vilja viljo virpi
otso henriikka aleksandra juulia julianna kaj kristian kristoffer krister mirka onerva rauli soili
ulriikka elsi jarmo kai
agnes alf alfred alva amalia arne aron assar berit birger bertil bodil camilla carolina christian
christoffer conny dagny ebbe edvin einar ellen elof emelie evert fanny folke fredrika gertrud greta
gustaf göte hannes harald hedvig helge henning hilding hjalmar holger hugo ingemar ingela ingvar irene
ivar jens joakim jonatan josef karolina katarina kristina lina linnéa ludvig lukas magdalena malte
marcus margit mikael moa märta nanna nora oscar pernilla ragnhild rasmus rebecka rickard robin
roger rut signe siri stellan sture svante sylvia teodor therese tilda tora tove ture valdemar vera
vilhelm viveka wilhelm yngve åke jörgen jöran ulrik tuva tyra mia
carsten jesper mette søren niels morten kirsten birthe bent preben poul ole jørgen knut sigrid solveig
torbjørn trond geir eirik
aaron abigail adrian aidan alec alfie alistair allan amelia andy angus annie archie arthur ashley
audrey barry beatrice becky bernard beth betty bethany brenda brendan bridget callum calum cameron carl
carla carole charlie charlotte chloe clare colin connor craig damian danny darren dave debbie
declan denise derek diane dominic donna doris douglas duncan dylan eddie edith edmund eileen eleanor
elaine ellie elliot eva evelyn fiona florence frances francis fraser freddie gareth gavin gemma
geoffrey georgina gerry gillian glenn gordon graham hannah harriet harry hayley hazel heather hester
howard hugh imogen isabel isabella isobel jacob jacqueline jake janice jasmine jeanette jill
joanna joanne jodie joe josh joshua joyce julian justin kathleen kathryn katie kay kieran kim
kirsty lauren leah lee leon leslie lewis liam lily lindsay lois lorna lorraine lucy luke lynn lynne
madeleine malcolm marion martha matt maureen megan melanie michele mildred molly morgan muriel naomi
natalie nathan neil niall nicola nicole nigel norman olivia owen pamela pauline phil phillip phoebe
polly rebecca rhys rob rodney rory rosemary ross rowan roy russell sally samantha shane sheila
shirley sophie stanley stella stuart sue suzanne teresa terry theresa toby tracy trevor valerie
vanessa vicky vincent wayne wendy yvonne zoe zander
ahmed ali amir anil arjun carlos chen diego dmitri elena fatima francesco gabriel giovanni hiroshi
igor ivan jorge jose juan kenji luca lucas luis manuel marco mario mateo miguel mohammed muhammad
omar pablo paolo pedro pierre raj rajesh ravi sergei sergey stefano tomasz vladimir wei yuki yusuf
hassan fernando andrea matthias michal pavel piotr wolfgang jürgen dieter uwe heinz jörg
"""
GIVEN_NAMES = frozenset(_GIVEN_NAMES_TEXT.split())


def is_given_name(word: str) -> bool:
    """Whether a word is a common given name (`Heimo`, `Siv`, `Keith`), compared case-blind."""
    return word.lower() in GIVEN_NAMES


def surname_first(names: Sequence[str]) -> bool:
    """Whether a list of two-word names is written `Surname Firstname` (a register's order).

    True when clearly more names have a known given name second than first.
    """
    second = first = 0
    for name in names:
        toks = name.split()
        if len(toks) != 2:
            continue
        a, b = is_given_name(toks[0]), is_given_name(toks[1].rstrip("."))
        if b and not a:
            second += 1
        elif a and not b:
            first += 1
    return second >= 2 and second > 2 * first
