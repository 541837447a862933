"""Owners: resolve the subject of a task to the people the minutes name (roster, initials, offices)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from muistio.extraction.actions.common import (
    _HONORIFIC,
    _LEADING_THE,
    _OFFICE_PHRASE,
    _OFFICES,
    _PERSON,
    _SPACES,
    _untitled,
)
from muistio.extraction.parts import ExtractionContext, Section
from muistio.extraction.vocabulary import words
from muistio.names import Mention, Resolution, Roster, base_candidates, fold, is_given_name
from muistio.patterns import regex

# words of an office title in English ('Housing Officer', 'Events Co-ordinator', 'Finance Committee')
_OFFICE_WORDS = words(
    """
    officer manager director head clerk secretary treasurer chair chairman chairperson coordinator
    co-ordinator lead leader engineer adviser advisor administrator auditor warden president editor
    representative committee board council team group steward captain convenor convener organiser
    organizer librarian inspector accountant solicitor planner surveyor registrar principal
    """
)


# given names that are also English words, so that writing the word in lower case proves nothing
_NAMES_THAT_ARE_WORDS = words(
    """will grant rose hope joy faith dawn pat sue ray art bob jack mark bill frank victor chase drew guy
    gene june may rich wade cliff dean glen heath lance miles neil norm page penny rob sky summer autumn
    iris ivy holly lily daisy amber ruby pearl crystal robin jay max sam ben"""
)
_LOWER_WORD = regex(r"(?<![\w'’-])[a-zåäö][a-zåäö]+(?![\w'’-])")


class _Owners:
    """Resolves owner mentions against the roster, with section context, collecting warnings."""

    def __init__(self, roster: Roster, ctx: ExtractionContext, masked: str | None = None) -> None:
        self.roster = roster
        self.ctx = ctx
        # every name mention of the document, found once (finding them per sentence was the hot spot)
        # only full names are used (the nearest full name decides between same-named people)
        self._mentions = roster.find(masked if masked is not None else ctx.text, full_only=True)
        self._holders: dict[str, str | None] = {}
        self._known: dict[str, bool] = {}  # the roster is complete by now, so answers do not change
        self._starts = [m.start for m in self._mentions]
        self._lower_words: set[str] | None = None

    def written_lower(self, word: str) -> bool:
        """Whether the minutes also write this word in lower case ('Society should ...' and 'the society').

        A name is written capitalised throughout; a word that opens a sentence and appears in lower
        case elsewhere is an ordinary word, not someone who can own a task.
        """
        low = word.lower()
        if low in _NAMES_THAT_ARE_WORDS or is_given_name(low):
            return False  # 'Will to email everybody': Will is a name, whatever 'will' does elsewhere
        if self._lower_words is None:
            self._lower_words = set(_LOWER_WORD.findall(self.ctx.text))
        return low in self._lower_words

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The name mentions inside text[a:b]."""
        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(self._mentions) and self._mentions[i].end <= b:
            out.append(self._mentions[i])
            i += 1
        return out

    def _full_name_in_text(self, surname: str) -> str:
        """'Cllr Sandhu' -> 'Amrit Sandhu' when the minutes write exactly one full name with that surname."""
        if " " in surname:
            return surname
        found = {
            m.group(1)
            for m in re.finditer(rf"\b([A-ZÅÄÖ][\w'’-]+\s+{re.escape(surname)})\b", self.ctx.text)
            if not _HONORIFIC.match(m.group(1) + " ") and m.group(1).split()[0].lower() not in _OFFICES
        }
        return found.pop() if len(found) == 1 else surname

    def _base_in_text(self, form: str) -> str:
        """An inflected unknown name's nominative when the minutes write it elsewhere (Mikon -> Mikko)."""
        # the analyser's base forms first (when there is one): they know the stem type, the guesses do not
        for base in [*self.roster.morphology.base_forms(form), *base_candidates(form)]:
            if base != form and re.search(rf"(?<![\w-]){re.escape(base)}(?![\w-])", self.ctx.text):
                return base
        return form

    def role_holder(self, role: str) -> str | None:
        """The person an office word names ('Isännöitsijä', 'the Clerk', 'puheenjohtajan').

        The minutes say who holds it in a 'Name, office' / 'Name (Office)' / 'Office: Name' line; else
        a participant with the matching contract role (chair, secretary). None when not told or not unique.
        """
        word = _LEADING_THE.sub("", role).strip()
        # one word, or an office of up to three ('Consultant Anaesthetist', 'Talouspäällikkö')
        if not word or not _OFFICE_PHRASE.fullmatch(word):
            return None
        key = word.lower()
        if " " in word and key not in _OFFICES and self._is_a_name(word):
            return None  # a full name off the roll ('Veljo Velling') is a person, not an office
        if key not in self._holders:
            self._holders[key] = self._find_holder(key)
        return self._holders[key]

    def _is_a_name(self, word: str) -> bool:
        """Whether an unknown 'office' is a person's name: 'Veljo Velling', or 'Frida' of 'Frida Grund'."""
        parts = word.split()
        if len(parts) >= 2:
            # 'Veljo Velling': capitalised words, none an office ('Housing Officer', 'Head of Finance')
            return all(
                p[:1].isupper() and p.lower() not in _OFFICE_WORDS and p.lower() not in _OFFICES
                for p in parts
            )
        surname_after = rf"(?<![\w-])(?i:{re.escape(word)})\s+(?-i:[A-ZÅÄÖ][a-zåäö]{{2,}})\b"
        return re.search(surname_after, self.ctx.text) is not None

    def _find_holder(self, word: str) -> str | None:
        guesses = [*self.roster.morphology.base_forms(word), *base_candidates(word)]
        forms = [word] + [b.lower() for b in guesses if len(b) >= 4]
        office = next((f for f in forms if f in _OFFICES), None)
        if office is None:
            if not self.roster.people or self._is_a_name(word):
                return None
            office = word
        holders: set[str] = set()
        esc = re.escape(office)
        for pat in (
            rf"{_PERSON}\s*[,(–-]\s*(?:[^,\n()]{{0,40}},\s*)*(?i:{esc})\b",
            # the office as a line's or a list entry's label ('Sihteeri: Aino Aalto'), not mid-sentence
            # ('Val av en justeringsman utöver ordföranden: Fredrik G.' names the other one)
            rf"(?m)(?:^|(?<=[,;(|]))[ \t*•-]*(?i:{esc})\s*[:=–-]\s*{_PERSON}",
        ):
            for m in re.finditer(pat, self.ctx.text):
                name = _HONORIFIC.sub("", m.group("who")).strip()
                cands = self.roster.candidates(name)[0]
                if len(cands) == 1:
                    holders.add(cands[0])
                elif not cands and len(name.split()) >= 2 and not name.isupper():
                    holders.add(name)  # named with the office but missed by the participant list
        if not holders and _OFFICES.get(office):
            role = _OFFICES[office]
            holders = {p.name for p in self.ctx.participants if role in p.roles}
        return holders.pop() if len(holders) == 1 else None

    def known(self, mention: str) -> bool:
        """Whether a mention names a participant or an organisation (titles before a name allowed)."""
        hit = self._known.get(mention)
        if hit is None:
            hit = self._known[mention] = self._is_known(mention)
        return hit

    def _is_known(self, mention: str) -> bool:
        if self.roster.organization(mention) or self.roster.candidates(mention)[0]:
            return True
        if mention.startswith("@") and " " in mention:
            return bool(self.roster.candidates(mention[1:])[0])  # '@Rui Costa': the name after the @
        bare = _untitled(mention)
        return bare != mention and bool(self.roster.candidates(bare)[0])

    def resolve(
        self, mentions: list[str], sec: Section | None, recent: list[str], warn: list[str]
    ) -> list[str]:
        """Full names for the mentions; ambiguous ones stay as written with a warning."""
        out: list[str] = []
        for m in mentions:
            # an owner is one line: a PDF line break inside a name ('Marja\nLehto') is a space
            m = _SPACES.sub(" ", m).strip().strip(".,:;()[]\\")
            if not m:
                continue
            r = self.roster.resolve(m, presenters=sec.presenters if sec else (), recent=recent)
            if not r.name and not r.candidates and m.startswith("@") and " " in m:
                # '@Rui Costa': the participant whose name follows the @, else the handle alone
                r = self.roster.resolve(m[1:], presenters=sec.presenters if sec else (), recent=recent)
                if not r.name and not r.candidates:
                    r = self.roster.resolve(
                        m.split()[0], presenters=sec.presenters if sec else (), recent=recent
                    )
                    m = m.split()[0] if r.name or r.candidates else m
            bare = _untitled(m)
            if not r.name and not r.candidates and bare != m:
                # 'Dr. Holt', 'Rehtori Heikkilä': the person after the title, else the name written in full
                r = self.roster.resolve(bare, presenters=sec.presenters if sec else (), recent=recent)
                m = bare if (r.name or r.candidates) else self._full_name_in_text(bare)
            if not r.name and not r.candidates:
                holder = self.role_holder(m)
                if holder:
                    r = self.roster.resolve(holder)
                    if not r.name:
                        r = Resolution(m, holder, [holder])
                elif m.lower().removeprefix("the ") in _OFFICES:
                    m = m.split()[-1]  # the office stays the owner: 'the Clerk' -> 'Clerk'
                elif " " not in m and m[:1].isupper():
                    m = self._base_in_text(m)
                elif _HONORIFIC.match(m):
                    m = self._full_name_in_text(_HONORIFIC.sub("", m).strip())
            if r.name:
                name = r.name
            else:
                name = m.lstrip("@") if " " in m else m
                if r.ambiguous:
                    where = f" (item {sec.number})" if sec and sec.number else ""
                    warn.append(
                        f"action item owner '{m}'{where} could be any of "
                        f"{', '.join(r.candidates)}; left unresolved"
                    )
            if fold(name) not in {fold(o) for o in out}:
                out.append(name)
        return out


@dataclass
class _Hit:
    a: int  # span in the text
    b: int
    owners: list[str]  # as written
    confidence: float
    rule: str
    text: str | None = None
