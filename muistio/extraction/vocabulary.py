"""Label words of the meeting's when and where and of the next meeting, in Finnish, Swedish and English."""

# Regex fragments (no groups of their own, used case-blind) shared by the header and next-meeting
# stages, so that a word added here is known to both.

from __future__ import annotations

# A meeting word, also inside a compound (`asiakastapaamisen`, `styrelsemöte`, `hallituksen kokous`).
MEETING_FI = r"\w*(?:kokous|kokouks\w*|kokoontumi\w*|tapaami\w*|palaveri\w*)"
MEETING_SV = r"\w*(?:möte|mötet|sammanträde|sammanträdet|träff|träffen)"
# (a team's meetings by their kind: `Next retro:`, `next stand-up`, `next sync`)
MEETING_EN = (
    r"(?:meeting|call|telecon|teleconference|session|get-together|check-in|sync|catch-up|retro|retrospective"
    r"|stand-?up|huddle)s?"
)

# A clerk's shorthand for the date of the next meeting: `DONM: 2/4/19`, `D.O.N.M.`
DONM = r"\bD\.?O\.?N\.?M\b"
# Group nouns: a committee, a working group, a team (`Viestintäjaosto`, `arbetsgrupp`, `working group`).
GROUP_NOUNS = (
    "jaosto",
    "ryhmä",
    "toimikunta",
    "tiimi",
    "valiokunta",
    "committee",
    "group",
    "team",
    "kommitté",
    "grupp",
    "sektion",
    "utskott",
)
# `Nytt styrelsemöte ons 9/9 19:00`: the board's own new meeting (`inget nytt styrelsemöte`: none)
NEW_BOARD_MEETING = r"(?<!inget )(?<!inte )\bnytt\s+styrelsemöte\b"
# `Seuraava kokous`, `seuraavan hallituksen kokouksen`, `Nästa styrelsemöte`, `Next board meeting`.
NEXT_MEETING = (
    rf"seuraava\w*\s+(?:\w+\s+)?{MEETING_FI}|"
    rf"next\s+(?:[\w'’-]+\s+){{0,2}}{MEETING_EN}|"
    rf"nästa\s+(?:\w+\s+)?{MEETING_SV}|{DONM}|{NEW_BOARD_MEETING}|"
    # the coming meetings listed, the first of them the next: `Kommande möten sker den 5 februari och ...`,
    # `Upcoming meetings`, `Tulevat kokoukset`
    r"kommande\s+(?:\w+\s+)?\w*(?:möten|sammanträden)|(?:upcoming|forthcoming|future)\s+meetings|"
    r"tulevat\s+(?:\w+\s+)?\w*kokoukset"
)
# Meeting again without the word `meeting`: `Kokoonnutaan seuraavan kerran`, `We will meet again on`,
# `Nästa gång ses vi`.
# An adjournment to a day: `adjourned until 22 April`, `ajournerades till tisdagen`.
ADJOURNED = r"\badjourned\s+(?:until|till|to)\b|\bajourner(?:as|ades)\s+till\b"
MEET_AGAIN = (
    # (`ensi kerralla` is the next time; `ensi kerran` the first time)
    r"\bseuraava(?:n|lla)?\s+kerra(?:n|lla)\b|\bensi\s+kerralla\b|\bkokoonnu(?:taan|mme)\s+(?:seuraavaksi|uudelleen|taas)\b|"
    # `The board will next meet on April 11` (not `meets next to the library`)
    r"\bnext\s+meets?\b|\bmeets?\s+next\b(?!\s+to\b)|"
    r"\bmeet(?:s|ing)?\s+again\b|\breconvene[sd]?\b|\bnästa\s+gång\b|\bses\s+(?:vi\s+)?igen\b|"
    # the same meeting carried on another day: `kokousta jatketaan tiistaina 22.4.`, `adjourned until`
    rf"\bkokous(?:ta)?\s+jatketaan\b|{ADJOURNED}"
)
# Words that name a memo in a heading: `## Kuvailuryhmän muistio 3/2026 ##`, `# Meeting 2024-03-05`.
MEMO_WORDS = ("muistio", "pöytäkirja", "kokous", "minutes", "meeting", "notes", "protokoll", "möte")
# Every next-meeting phrase holds one of these words: for quick pre-tests.
NEXT_WORDS = (
    "nytt styrelsemöte",
    "seuraava",
    "ensi ker",
    "next",
    "nästa",
    "kokoonnu",
    "again",
    "reconven",
    "ses ",
    "jatketaan",
    "adjourned",
    "ajourner",
    "donm",
    "d.o.n.m",
    "kommande",
    "upcoming",
    "forthcoming",
    "future meetings",
    "tulevat",
)

# Labels of the meeting's date and time, its place, and both in one (`Aika ja paikka`, `Tid och plats`).
WHEN_LABELS_FI = ("aika", "kokousaika", "päivämäärä", "pvm", "ajankohta", "kokouspäivä", "kokouspäivämäärä")
WHEN_LABELS_SV = ("datum", "tid", "mötesdatum", "datum och tid", "sammanträdesdatum", "mötesdag")
WHEN_LABELS_EN = ("date and time", "date", "when", "meeting date")
PLACE_LABELS = (
    "paikka",
    "kokouspaikka",
    "place",
    "location",
    "venue",
    "where",
    "plats",
    "lokal",
    "mötesplats",
)
COMBINED_LABELS = (
    "aika ja paikka",
    "date, time and place",
    "date and place",
    "time and place",
    "tid och plats",
    "datum och plats",
    "tid och ort",
    # the place first, as Swedish municipal records write it: `Plats och tid: Kommunhuset, tisdagen den ...`
    "plats och tid",
    "plats och datum",
    "paikka ja aika",
    "place and time",
    "place and date",
)
TIME_LABELS = ("time", "kellonaika", "klockslag", "kokouksen alkuaika", "alkuaika", "start time", "starttid")


# Headings over a list of tasks, in the three languages (the segmenter keeps such a heading in its
# section, and the action stage reads the list under it as tasks).
_UNTIL_NEXT = (
    r"\s+(?:(?:for|until|till|before|by)\s+(?:the\s+)?next\s+(?:(?:two|three|four|few|\d)\s+)?"
    r"(?:weeks?|meeting|time|call|days)"
    r"|(?:till|inför|före)\s+nästa\s+(?:gång|möte|träff)|ennen\s+seuraavaa\s+kokousta)"
)
# A heading that only opens the body of the one above it (LaTeX meetingmins' `\subsubsection{Details}`):
# under a task heading, its list is still the task list.
FILLER_TITLES = r"(?:details|notes|discussion|lisätiedot|yksityiskohdat|detaljer|anteckningar)"
ACTION_HEADINGS = (
    # (`To do list for next week`, `Att göra till nästa möte`, `Tasks until the next meeting`: the period of
    # the list after it)
    r"(?:(?:actions?\s+items?|actions|action\s*points|action\s+list|to[\s-]?do(?:\s+list)?|next\s+steps"
    r"|follow[- ]ups?|(?:outcomes\s+and\s+)?assignments|toimenpiteet|jatkotoimenpiteet|tehtävät"
    r"|seuraavat\s+(?:askeleet|toimenpiteet)|att\s+göra|åtgärder|uppgifter|nästa\s+steg)"
    rf"(?:{_UNTIL_NEXT})?|tasks{_UNTIL_NEXT})"
)


# A heading's time box: `## Outcomes and assignments (5 min)`, `(Ryan, 10 minutes)`.
TIME_BOX = r"\s*\((?:[^()\n]{0,40},\s*)?\d{1,3}\s*(?:min|mins|minutes|minuuttia|minuter|min\.|h)\)"


def words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string."""
    return frozenset(spaced.split())
