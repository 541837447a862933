"""The same body's next meeting: date, time, place and agenda wherever the minutes put it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from muistio.contract import NextMeeting
from muistio.dates import impossible
from muistio.extraction import vocabulary
from muistio.extraction.header import (
    FoundDate,
    clean_place,
    find_dates,
    find_times,
    schedule,
    stated_timezone,
)
from muistio.extraction.parts import BLANK_LINE, CHAT_STAMP, LETTER, Section, may_hold
from muistio.patterns import regex

# --- small patterns used throughout this module, compiled once at import ------------------------------
# A place wrapped after a comma continues on the next line.
_COMMA_LINE_BREAK = regex(r",[ \t]*\n[ \t]*(?=[^\W\d_])")
_PLACE_ON_NEXT_LINE = regex(r"^[ \t.,]*\n[ \t]*(?P<place>[^\n]{2,80})")
# A place in the Finnish locative case (`Seurantalolla`, `kirjastossa`).
_FINNISH_LOCATIVE_PLACE = regex(
    r"^[ \t]+(?P<place>(?:[\w-]+[ \t]+){0,4}[\w-]+(?:lla|llä|ssa|ssä)"
    # a second place within the first: `Kotkassa, muutostoimistolla`
    r"(?:,[ \t]*(?:[\w-]+[ \t]+){0,2}[\w-]+(?:lla|llä|ssa|ssä))?)(?=[\s.,;]|$)"
)
_LEADING_TIME = regex(
    r"^[ \t]*,?[ \t]*(?:(?:kl|klo|kello|at)\.?[ \t]*)?"
    # (`4:30 pm`, `4 pm`: a twelve-hour clock's half of the day is part of the time)
    r"(?:\d{1,2}[.:]\d{2}(?:[ \t]*[ap]\.?m\b\.?)?|\d{1,2}[ \t]*[ap]\.?m\b\.?)"
    r"(?:[ \t]*[-–][ \t]*\d{1,2}[.:]\d{2}(?:[ \t]*[ap]\.?m\b\.?)?)?(?=[ \t,]|$)",
    re.IGNORECASE,
)
# A Swedish meeting at someone's home: `kl 19.00 hos BÅL`, `hos Åke`.
_AT_HOME = regex(r"^[\s.,]*(?P<place>hos[ \t]+[A-ZÅÄÖ][\w-]*(?:[ \t]+[A-ZÅÄÖ][\w-]*)?)")
_DIGIT = regex(r"\d")
_URL = regex(r"https?://\S+")
# Where a place stops: its sentence's end, or a month phrase (`in May 2024`).
_PLACE_END = regex(r"(?<=[\w)])\.(?:\s|$)|\s(?:in|during)\s+(?=[A-Z]?[a-z]+\s+\d{4})")
_TRAILING_TIME = regex(r"\s+(?:klo|kello|at)\s+\d.*$")
# Between the agenda items listed for the next meeting.
_ITEM_SEPARATOR = regex(r",\s*|\s+(?:ja|and|sekä)\s+")
_SPACES = regex(r"\s+")
# A table's separator row (`|---|:--|`).
_TABLE_RULE = regex(r"[\s|:+=-]+")
_TIME_COLUMN = regex(r"(?:aika|klo|kello|time|start)$")
_PLACE_COLUMN = regex(r"(?:paikka|place|location|venue|where)$")
# Words of four or more letters: a table row's label is compared with the own title by these.
_LONG_WORD = regex(r"[^\W\d_]{4,}")
_CLAUSE_END = regex(r"(?<=[^\d\s])\.\s|\n\s*\n|;")
# `at the Old School`, `in Room 4`: a capitalised place after `at`/`in`.
_AT_PLACE = regex(r"\b(?:at|in)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")


_HEADING = regex(
    rf"seuraava\w*\s+(?:\w+\s+)?\w*(?:kokou|tapaami)\w*|next\s+(?:\w+\s+)?meeting|date\s+of\s+(?:the\s+)?next|"
    rf"nästa\s+(?:\w+\s+)?{vocabulary.MEETING_SV}|{vocabulary.DONM}",
    re.IGNORECASE,
)
_PHRASE = regex(
    r"\b(?:seuraava|seuraavan)\s+(?:(?:\w+(?:n|en))\s+)?(?:\w*(?:kokous|kokouksen|kokoontuminen|tapaaminen|"
    r"tapaamisen|palaveri|palaverin|kokoontumisen)|puhelu)\b|"
    rf"{vocabulary.DONM}\.?|"
    rf"\bnext\s+(?:(?!meeting)[\w'’-]+\s+){{0,2}}{vocabulary.MEETING_EN}\b|"
    rf"\bnästa\s+(?:(?!{vocabulary.MEETING_SV}\b)\w+\s+)?{vocabulary.MEETING_SV}\b|"
    rf"{vocabulary.NEW_BOARD_MEETING}|"
    rf"{vocabulary.MEET_AGAIN}",
    re.IGNORECASE,
)
# Every `_PHRASE` holds one of these words.
_PHRASE_WORDS = vocabulary.NEXT_WORDS


# A heading that only names the next meeting (`Next meeting`, `## Seuraava kokous`, `Date of next
# meeting:`): its date stands on the lines below.
_HEADING_LINE = regex(
    r"^[ \t]*(?:[#=*_\-•]+[ \t]*)?(?:(?:§[ \t]*)?\d{1,4}(?:/\d{2,4})?[.)]?[ \t]+)?"
    r"(?:date\s+(?:and\s+\w+\s+)?of\s+(?:the\s+)?|(?:tid|datum)\s+för\s+)?"
    rf"(?:{vocabulary.NEXT_MEETING}|"
    r"(?:upcoming|future|forthcoming)\s+meetings|tulevat\s+kokoukset|kokousaikataulu|meeting\s+schedule|"
    r"kommande\s+möten|mötesplan)"
    r"(?:\s+(?:date|ajankohta|aika))?[ \t]*[:.]?[ \t]*[#=*_]*[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Meetings of other bodies are not this body's next meeting.
_OTHER_BODIES = regex(
    r"yleinen\s+kokous|yleiskokou\w*|yleisen\s+kokouksen|vuosikokou\w*|syyskokou\w*|kevätkokou\w*|"
    r"yhdistyksen\s+kokous|föreningsstämm\w*|medlemsmöte\w*|extra\s+årsmöte\w*|"
    r"kyläparlamentti|liittokokous|puoluekokous|valtuusto|edustajisto\w*|lautakun\w+|kaupunginhallitu\w+|"
    r"kunnanhallitu\w+|general\s+meeting|annual\s+meeting|\bAGM\b|"
    r"general\s+assembly|årsmöte",
    re.IGNORECASE,
)
_FUTURE = regex(
    r"\b(?:will\s+be\s+held|to\s+be\s+held|is\s+scheduled|scheduled\s+for|will\s+take\s+place|pidetään|"
    r"järjestetään|kokoonnutaan|hålls)\b",
    re.IGNORECASE,
)
_MONTH_ONLY = regex(
    r"\b(?:(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu(?:ssa|lla|n\s+aikana|hun)|"
    r"(?:in|during)\s+(?:early\s+|mid[- ]|late\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:\s+\d{4})?)\b",
    re.IGNORECASE,
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "ensimmäinen": 1,
    "ensimmäisenä": 1,
    "second": 2,
    "2nd": 2,
    "toinen": 2,
    "toisena": 2,
    "third": 3,
    "3rd": 3,
    "kolmas": 3,
    "kolmantena": 3,
    "fourth": 4,
    "4th": 4,
    "neljäs": 4,
    "neljäntenä": 4,
    "last": -1,
    "viimeinen": -1,
    "viimeisenä": -1,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "maanantai": 0,
    "tiistai": 1,
    "keskiviikko": 2,
    "torstai": 3,
    "perjantai": 4,
    "lauantai": 5,
    "sunnuntai": 6,
}
_RULE_EN = regex(
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?P<wd>monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\s+(?:of\s+)?(?:each|every|the|the\s+next|next)\s+month\b",
    re.IGNORECASE,
)
_RULE_FI = regex(
    r"\b(?:joka\s+|jokaisen\s+)?(?:kuukauden|kuun)\s+(?P<ord>ensimmäinen|ensimmäisenä|toinen|toisena|kolmas|"
    r"kolmantena|neljäs|neljäntenä|viimeinen|viimeisenä)\s+(?P<wd>maanantai|tiistai|keskiviikko|torstai|perjantai|"
    r"lauantai|sunnuntai)\w*",
    re.IGNORECASE,
)
_RELATIVE = regex(
    r"\b(?:(?P<same>same\s+time\s+next\s+week|ensi\s+viikolla\s+samaan\s+aikaan)|in\s+(?P<en>one|two|three|four|"
    r"\d)\s+weeks?|(?P<fi>viikon|kahden\s+viikon|kolmen\s+viikon|\d\s+viikon)\s+päästä)\b",
    re.IGNORECASE,
)
_AGENDA = regex(
    r"\b(?:agendalla|esityslistalla|asialistalla|aiheena|aiheina|agenda(?:\s+items?)?|topics?|käsitellään)"
    r"(?:\s+(?:mm\.|muun\s+muassa|on|are|will\s+be|includes?))?\s*:?\s*(?P<items>[^.\n]*(?:\n(?!\s*\n)[^.\n]*)*)",
    re.IGNORECASE,
)
_TZ = regex(r"\(?\b(?:GMT|UTC)[+-]?\d*\)?|\b(?:E[ES]?T|EEST|EET|CES?T|PS?T|PDT|EDT|HKT|BST|UTC|GMT)\b")


# A chat-log line (`16:15:00 <nick> ...`, `[16:15] <nick> ...`) is a sentence of its own.
_LOG_LINE = r"[ \t]*(?:" + CHAT_STAMP + r"[ \t]+)?<[ @+%]?[^\s<>]+>"


# every cut starts at a space, tab or line break: the lookahead skips other positions at once
_SENTENCE_CUT = regex(
    # a table's cell separator too: `IOG to attend next meeting | Ann to invite Bo to 10 June workshop`
    r"(?=[ \t\n])(?:(?<=[.!?])(?:[ \t]+\n?|\n)[ \t]*(?=[A-ZÅÄÖ])|\n[ \t]*\n|\n(?=[ \t]*[-*•])|[ \t]\|[ \t]"
    r"|\n(?=" + _LOG_LINE + "))"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at '. ' before a capital, at blank lines and at line starts of bullets."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_CUT.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _nth_weekday(year: int, month: int, nth: int, wd: int) -> date:
    if nth > 0:
        d = date(year, month, 1)
        d += timedelta(days=(wd - d.weekday()) % 7)
        return d + timedelta(weeks=nth - 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - wd) % 7)


def _rule_date(s: str, meeting: date | None) -> date | None:
    """`the first Monday of each month`, `kuukauden ensimmäinen maanantai`: the next such day."""
    if meeting is None:
        return None
    m = _RULE_EN.search(s) or _RULE_FI.search(s)
    if m:
        nth = _ORDINALS[m.group("ord").lower()]
        wd = _WEEKDAYS[
            m.group("wd").lower()[:11]
            if m.group("wd").lower().startswith("keskiviikko")
            else m.group("wd").lower()
        ]
        y, mo = meeting.year, meeting.month
        for _ in range(3):
            d = _nth_weekday(y, mo, nth, wd)
            if d > meeting:
                return d
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    r = _RELATIVE.search(s)
    if r:
        if r.group("same"):
            return meeting + timedelta(weeks=1)
        word = (r.group("en") or r.group("fi") or "").lower().split()[0]
        n = {"one": 1, "two": 2, "three": 3, "four": 4, "viikon": 1, "kahden": 2, "kolmen": 3}.get(word)
        if n is None and word.isdigit():
            n = int(word)
        if n:
            return meeting + timedelta(weeks=n)
    return None


def _future_date(found: FoundDate, meeting: date | None) -> date:
    """A yearless date of the next meeting falls after the meeting it is announced in."""
    if found.has_year or meeting is None:
        return found.value
    value = found.value
    while value <= meeting:
        try:
            value = value.replace(year=value.year + 1)
        except ValueError:
            break
    return value


_ANY_YEAR = date(2000, 1, 1)


def _place_after(rest: str) -> str | None:
    """The place named after the date/time: `, Mariankatu 9, Helsinki nh Loppupeli.` or `at IBiTech`."""
    rest = _TZ.sub(" ", rest)
    rest = _LEADING_TIME.sub("", rest, count=1)  # `, kl 19.00 hos BÅL`: the time read already
    # A place written over two lines continues after a trailing comma: `Koivukylän koulu,\nkirjasto`.
    rest = _COMMA_LINE_BREAK.sub(", ", rest)
    line = _PLACE_ON_NEXT_LINE.match(rest)
    if line and _PLACE_LINE.match(line.group("place")):
        return clean_place(line.group("place"))
    m = re.match(
        # (a label after the comma is no part of the place: `2.4. klo 18, paikka Kerhohuone`)
        # (the Swedish `i bygdegården`, `på kansliet` in lower case only: `I` opens an English sentence)
        r"^[\s.]*(?:,(?:\s*(?:paikka(?:na)?|plats|venue|location|place)\b\s*:?)?|\bat\b|\bin\b|(?-i:\bi\b|\bpå\b)|@"
        r"|\bpaikka(?:na)?\b\s*:?|\bvenue\s*:?|\blocation\s*:?|\bplats\s*:?)\s*"
        r"(?P<place>[^\n]*)",
        rest,
        re.I,
    )
    home = _AT_HOME.match(rest) if not m else None
    if home is not None:
        return home.group("place")
    if not m:
        # Finnish puts the place after the time in a locative case: `klo 18 seuran toimistolla.`
        loc = _FINNISH_LOCATIVE_PLACE.match(rest)
        if loc and not _DIGIT.search(loc.group("place")):
            return clean_place(loc.group("place"))
        url = _URL.search(rest)
        return url.group(0).rstrip(".,)") if url else None
    place = m.group("place")
    place = _PLACE_END.split(place)[0]
    place = _TRAILING_TIME.sub("", place)
    # (any day: the reference only lets a date without its year count)
    if _MONTH_ONLY.fullmatch(place.strip()) or not LETTER.search(place) or find_dates(place, _ANY_YEAR):
        # (`16/4, 14/5 och 11/6`: the meetings after the next one, no place)
        return None
    found = clean_place(place)
    return found.strip('"“”') or None if found else None  # `at "The Lodge"`: the name, not its quotes


# A line of its own under the date that names a place: capitalised words, a room or an address, no
# sentence, no label (`Koivukylän koulu, kirjasto`, `Village Hall, Main Street 4`).
_PLACE_LINE = regex(
    r"^(?![-*•#])(?!.*:\s)(?!.*\b(?:agenda|esityslista|asialista|käsitellään)\b)"
    r"[A-ZÅÄÖ][\w'’.-]*(?:[ \t,]+(?:[\w'’.-]+|\d+[a-zA-Z]?)){0,7}[ \t.]*$",
)


def _agenda(s: str) -> list[str]:
    m = _AGENDA.search(s)
    if not m:
        return []
    items = _ITEM_SEPARATOR.split(_SPACES.sub(" ", m.group("items")).strip(" .:"))
    return [i.strip(" .") for i in items if i.strip(" .")]


_UNDERLINE = regex(r"[ \t]*\n[ \t]*([-=~^*#])\1{2,}[ \t]*(?=\n|$)")
# A sentence window reaches this far around its phrase: text without sentence ends (a PDF whose
# full stops were lost) must not make every phrase's window the whole text.
_REACH_BEFORE, _REACH_AFTER = 300, 600


def _candidate_windows(
    text: str, sections: list[Section], spans: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, str]]:
    """(start, end, phrase position, kind) of passages that may set the next meeting, best first."""
    wins: list[tuple[int, int, int, str]] = []
    for sec in sections:
        if sec.number is not None and _HEADING.search(sec.title):
            end = min(sec.end, sec.start + 2000)
            body = text[sec.start : end]
            lead = len(body) - len(body.lstrip())
            para = BLANK_LINE.search(body[lead:])
            body_end = sec.start + lead + (para.start() if para else min(len(body) - lead, 600))
            wins.append((sec.start, body_end, sec.start, "section"))
    for m in _HEADING_LINE.finditer(text):
        # The lines under the heading up to the next blank line after some content (or 400 characters);
        # a reStructuredText underline (`------------`) belongs to the heading.
        rule = _UNDERLINE.match(text, m.end())
        top = rule.end() if rule else m.end()
        below = text[top : top + 400]
        lead = len(below) - len(below.lstrip())
        para = BLANK_LINE.search(below[lead:])
        end = top + lead + (para.start() if para else len(below) - lead)
        wins.append((m.start(), end, m.end(), "heading"))
    for m in _SCHEDULE_INLINE.finditer(text) if ":" in text else ():
        # `Kommande möten: 16/4, 14/5 och 11/6`: the dates on the label's own line
        line_end = text.find("\n", m.end())
        wins.append((m.start(), len(text) if line_end < 0 else line_end, m.end(), "heading"))
    scheduled = may_hold(text, _SCHEDULE_WORDS)  # the pattern is case-blind: spared where no word is
    for m in _SCHEDULE_LEAD.finditer(text) if scheduled else ():
        # the list under the lead-in, up to its first blank line
        para = BLANK_LINE.search(text, m.end(), m.end() + 1200)
        wins.append(
            (m.start(), para.start() if para else min(len(text), m.end() + 1200), m.end(), "schedule")
        )
    spans = _sentences(text) if spans is None else spans
    for k, (a, b) in enumerate(spans):
        # The cheap pre-test copies the sentence: a run-on one is searched by the pattern directly.
        if b - a <= 20000 and not may_hold(text[a:b], _PHRASE_WORDS):
            continue
        for m in _PHRASE.finditer(text, a, b):
            phrase_end = m.end()
            lo, hi = max(a, m.start() - _REACH_BEFORE), min(b, phrase_end + _REACH_AFTER)
            wins.append((lo, hi, phrase_end, "sentence"))
            if hi < b:
                continue  # the sentence goes on: the next one is too far to belong to this phrase
            nxt_end = min(spans[k + 1][1], b + _REACH_AFTER) if k + 1 < len(spans) else b
            nxt = text[b:nxt_end]
            # (a phrase that ends its sentence, `D.O.N.M.`, has its date in the next one)
            bare = not text[phrase_end:b].strip(" .:")
            if (bare or re.search(r"\b(?:meeting|kokous\w*|möte\w*)\b", nxt, re.I)) and find_dates(nxt):
                wins.append((b, nxt_end, b, "next sentence"))
    return wins


def find_next_meeting(
    text: str, sections: list[Section], meeting_date: date | None, own_title: str, timezone: str
) -> tuple[NextMeeting | None, list[str]]:
    """The next meeting the minutes set, or None when they set none; warnings in plain words."""
    found, warnings, _span = locate_next_meeting(text, sections, meeting_date, own_title, timezone)
    return found, warnings


def _sentence_at(text: str, a: int, b: int, pos: int) -> tuple[int, int]:
    """The sentence of text[a:b] that holds offset `pos` (offsets in `text`)."""
    for s, e in _sentences(text[a:b]):
        if a + s <= pos < a + e:
            return a + s, a + e
    return a, b


# A day the meeting is called off: `no call on 8 May (holiday)`, `8.5. kokous perutaan`.
_CANCELLED = regex(
    r"\b(?:no\s+(?:call|meeting|session)|cancel+ed|skipped|will\s+not\s+(?:meet|be\s+held)|not\s+meeting|"
    r"ei\s+(?:kokousta|kokoonnuta|pidetä)|peruttu|perutaan|peruuntuu|jätetään\s+väliin)\b",
    re.IGNORECASE,
)


# `16 April 2007 (Parish Plan meeting at 8.00 pm)`: a listed date, then the meeting it is for
_DATE_LABEL = regex(r"\s*\((?P<label>[^()\n]{1,60}?)\s+(?i:meeting|kokous|möte)\b")
_LABEL_WORD = regex(r"[^\W\d_]{4,}")


def _own_labelled(window: str, found: list[FoundDate], own_title: str) -> list[FoundDate]:
    """Of dates listed with the meeting each is for, those for this body's kind (`Council meeting`)."""
    labels = [(d, _DATE_LABEL.match(window, d.end)) for d in found]
    if sum(1 for _, m in labels if m) < 2:
        return found  # one labelled date is no list of different meetings
    title = own_title.lower()
    # (a short text's head may hold the window itself: the title is what comes before it)
    cut = title.find(window[:40].lower())
    title = title[:cut] if cut >= 0 else title
    own = [d for d, m in labels if m and _all_in(_LABEL_WORD.findall(m["label"]), title)]
    return own or found


def _all_in(label_words: list[str], title: str) -> bool:
    """Whether every word of a meeting's label is in the title (`Parish Plan` is not the Parish Council)."""
    return bool(label_words) and all(w.lower() in title for w in label_words)


def _cancelled(window: str, d: FoundDate) -> bool:
    """Whether the clause around a date calls that meeting off."""
    start = (
        max(window.rfind(". ", 0, d.start), window.rfind("\n", 0, d.start), window.rfind(";", 0, d.start)) + 1
    )
    ends = [
        e for e in (window.find(". ", d.end), window.find("\n", d.end), window.find(";", d.end)) if e >= 0
    ]
    return bool(_CANCELLED.search(window[start : min(ends) if ends else len(window)]))


def _clause_before(window: str, d: FoundDate) -> str:
    """The words of a date's clause before it."""
    start = max(window.rfind(". ", 0, d.start), window.rfind("\n", 0, d.start), window.rfind(";", 0, d.start))
    return window[start + 1 : d.start]


def _kind(body: str) -> str:
    """A kind of meeting by its stem, whatever its case form (`syyskokous`, `syyskokouksen`)."""
    return " ".join(body.lower().split())[:8]


def _another_bodys(window: str, d: FoundDate, own_other: set[str]) -> bool:
    """Whether a date's clause names another body's meeting (`Next AGM: July 2026`)."""
    # In a general meeting's minutes, `The next committee meeting is on ...` is the committee's too.
    clause = _clause_before(window, d)
    other = _OTHER_BODIES.search(clause)
    if other and _kind(other.group(0)) not in own_other:
        return True
    return bool(own_other and _BOARD_IN_CLAUSE.search(clause))


# A board's or a committee's meeting named in a clause (another body's, in a general meeting's minutes).
_BOARD_IN_CLAUSE = regex(
    r"\b(?:committee|board|executive|trustees'?|council|hallitu\w+|johtokun\w+|toimikun\w+|styrelse\w*)"
    r"\s+(?:meeting|kokous|möte)\w*",
    re.IGNORECASE,
)


def _row_cells(line: str) -> list[str]:
    return [c.strip().strip("*_`").strip() for c in line.strip().strip("|").split("|")]


def _table_next(
    window: str, own_title: str, meeting_date: date | None, timezone: str
) -> tuple[NextMeeting, int] | None:
    """A table of coming meetings, one row per body: the row of this body (not the annual meeting's)."""
    rows = [ln for ln in window.splitlines() if ln.count("|") >= 2 and not _TABLE_RULE.fullmatch(ln)]
    if len(rows) < 2:
        return None
    head = [c.lower() for c in _row_cells(rows[0])]
    time_col = next((k for k, c in enumerate(head) if _TIME_COLUMN.match(c)), None)
    place_col = next((k for k, c in enumerate(head) if _PLACE_COLUMN.match(c)), None)
    own_words = {w[:5] for w in _LONG_WORD.findall(own_title.lower())}
    best: tuple[int, list[str], FoundDate] | None = None
    for row in rows[1:]:
        cells = _row_cells(row)
        dates = [d for c in cells for d in find_dates(c, meeting_date)]
        if not dates or (meeting_date is not None and _future_date(dates[0], meeting_date) <= meeting_date):
            continue
        label = " ".join(c for c in cells if not find_dates(c)).lower()
        score = 2 * any(w[:5] in own_words for w in _LONG_WORD.findall(label))
        score -= 3 * bool(_OTHER_BODIES.search(label) and not _OTHER_BODIES.search(own_title))
        if best is None or score > best[0]:
            best = (score, cells, dates[0])
    if best is None:
        return None
    _score, cells, first = best
    start, end = first.start_time, first.end_time
    if start is None and time_col is not None and time_col < len(cells):
        start, end = find_times(cells[time_col])
    place = (
        clean_place(cells[place_col])
        if place_col is not None and place_col < len(cells) and cells[place_col]
        else None
    )
    when = _future_date(first, meeting_date)
    row_text = " | ".join(cells)
    return NextMeeting(
        date=when.isoformat(), start=start, end=end, timezone=timezone, place=place, agenda=[], quote=row_text
    ), window.find(cells[0]) if cells[0] else 0


# `same time` / `samaan aikaan`: the next meeting starts when this one did.
_SAME_TIME = regex(
    r"\b(?:same|usual|normal|regular)\s+time\b|\bsamaan\s+(?:aikaan|kellonaikaan)\b|\btavalliseen\s+aikaan\b",
    re.IGNORECASE,
)
_LOG_STAMP = regex(r"^[ \t]*" + CHAT_STAMP + r"[ \t]+(?:<[^\s<>]+>[ \t]*)?", re.MULTILINE)
_START_STAMP = regex(r"^[ \t]*\[?(\d{1,2}:\d{2})(?::\d{2})?\]?[ \t]+<[^\s<>]+>[ \t]+#startmeeting", re.M)
# In a general meeting's minutes, the board's or a committee's meeting is another body's.
_BOARD_BEFORE = regex(
    r"\b(?:committee|board|executive|trustees'?|council|hallitu\w+|johtokun\w+|toimikun\w+)\s+(?:meeting|kokous)\w*$",
    re.IGNORECASE,
)


def _same_time(window: str, text: str, meeting_start: str | None) -> str | None:
    """This meeting's start when the window says `same time`; a log's message stamp is never it."""
    if not _SAME_TIME.search(window):
        return None
    if meeting_start:
        return meeting_start
    stamp = _START_STAMP.search(text)
    return f"{int(stamp.group(1)[:-3]):02d}:{stamp.group(1)[-2:]}" if stamp else None


@dataclass
class _Candidate:
    """One reading of the next meeting from one window, with what speaks for it."""

    meeting: NextMeeting
    warnings: list[str]
    span: tuple[int, int]
    kind: str
    order: int
    evidence: list[str] = field(default_factory=list)
    score: float = 0.0


# How much the kind of passage says by itself that it sets the next meeting.
_KIND_BASE = {
    "table": 0.85,
    "section": 0.85,
    "heading": 0.85,
    "rule": 0.75,
    "sentence": 0.75,
    "next sentence": 0.6,
    "own kind": 0.6,
    "schedule": 0.7,
}
# A schedule of the body's meetings, then the days (a list): the first day after this meeting is the
# next one. `Ohjausryhmä kokoontuu ... seuraavasti:`, `The board will meet on the following dates:`
_SCHEDULE_WORDS = (
    "kokoon",
    "kokoukset",
    "kokousajan",
    "kokouspäiv",
    "meet",
    "sammanträd",
    "mötesdatum",
    "möten",
)
_SCHEDULE_INLINE = regex(
    r"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:(?:upcoming|future|forthcoming)\s+meetings|tulevat\s+kokoukset"
    r"|seuraavat\s+kokoukset|kommande\s+möten|kommande\s+sammanträden)[ \t]*:[ \t]*(?=\S)"
)
_SCHEDULE_LEAD = regex(
    r"(?i:\bkokoontuu|\bkokoonnutaan|\bkokoukset\s+pidetään|\bkokousajankohdat|\bkokouspäivät"
    r"|\bmeeting\s+dates|\bwill\s+meet\s+on|\bmeets\s+on|\bsammanträder|\bsammanträdesdatum|\bmötesdatum"
    r"|\bmöten\s+hålls)[^\n]{0,120}?(?i:seuraavasti|seuraavina\s+päivinä|following\s+dates|följande\s+datum"
    r"|följande\s+dagar)?[ \t]*:[ \t]*\n"
)


def _score(c: _Candidate, meeting_date: date | None) -> None:
    """The one place where a candidate's evidence becomes its score (0..1), and the reasons are written."""
    s = _KIND_BASE[c.kind]
    c.evidence.insert(0, f"{c.kind} window")
    nm = c.meeting
    if nm.date is None:
        s, reason = 0.3, "no day given"
        c.evidence.append(reason)
    else:
        day = date.fromisoformat(nm.date)
        if nm.start is not None:
            s += 0.05
            c.evidence.append("time given")
        if "called off" in c.evidence:
            s -= 0.5
        if any("weekday" in w for w in c.warnings):
            s -= 0.25
            c.evidence.append("weekday disagrees")
        elif "weekday agrees" in c.evidence:
            s += 0.05
        if meeting_date is None:
            s -= 0.1
            c.evidence.append("this meeting's date unknown")
        elif (day - meeting_date).days > 200:
            s -= 0.2
            c.evidence.append("more than 200 days after this meeting")
        else:
            c.evidence.append(f"{(day - meeting_date).days} days after this meeting")
    c.score = round(max(0.0, min(1.0, s)), 2)


def locate_next_meeting(
    text: str,
    sections: list[Section],
    meeting_date: date | None,
    own_title: str,
    timezone: str,
    meeting_start: str | None = None,
    meeting_end: str | None = None,
) -> tuple[NextMeeting | None, list[str], tuple[int, int] | None]:
    """The next meeting, warnings, and the span of the sentence that sets it (so it is no action item)."""
    # Every window that may set the next meeting gives a candidate; `_score` weighs them and the best
    # wins (the earlier window on a tie). The winner's confidence and evidence stay on the result.
    own_other = {_kind(m.group(0)) for m in _OTHER_BODIES.finditer(own_title)}
    spans = _sentences(text)
    wins = _candidate_windows(text, sections, spans)
    if own_other:
        wins.extend((a, b, pos, "own kind") for a, b, pos in _own_kind_windows(text, spans, own_other))
    cands: list[_Candidate] = []
    seen: set[tuple[int, int, int]] = set()
    for order, (a, b, pos, kind) in enumerate(wins):
        if (a, b, pos) in seen:
            continue
        seen.add((a, b, pos))
        c = _window_candidate(
            text, a, b, pos, kind, meeting_date, own_title, own_other, timezone, (meeting_start, meeting_end)
        )
        if c is not None:
            c.order = order
            _score(c, meeting_date)
            cands.append(c)
    if not cands:
        return None, [], None
    best = max(cands, key=lambda c: (c.score, -c.order))
    _complete_from_others(best, cands)
    best.meeting.confidence = best.score
    best.meeting.evidence = best.evidence
    return best.meeting, best.warnings, best.span


_WHOSE_MEETING = regex(
    r"(?i:\b(?:next|seuraava|nästa)\s+((?:[^\W\d_]+\s+){0,3}?)"
    rf"(?:{vocabulary.MEETING_EN}|{vocabulary.MEETING_FI}|{vocabulary.MEETING_SV})\b)"
)


def _whose_meeting(quote: str) -> str:
    """The words between 'next' and 'meeting' (`working group`, `board`), '' for a bare 'next meeting'."""
    m = _WHOSE_MEETING.search(quote)
    return " ".join(m.group(1).lower().split()) if m else ""


def _complete_from_others(best: _Candidate, cands: list[_Candidate]) -> None:
    """The same day stated again elsewhere gives what the winner leaves open: its hours, its place.

    ('... our next meeting which is tentatively set for 20th October' / 'Agreed to target 20th October at
    4:30 pm at "The Lodge"').
    """
    won = best.meeting
    if won.date is None:
        return
    whose = _whose_meeting(won.quote or "")
    for c in sorted(cands, key=lambda c: (-c.score, c.order)):
        other = c.meeting
        if c is best or other.date != won.date:
            continue
        theirs = _whose_meeting(other.quote or "")
        if whose and theirs and whose != theirs:
            continue  # 'the next working group meeting' on the board's day is another body's
        if won.start is None and other.start is not None:
            won.start, won.end = other.start, other.end
            best.evidence.append("hours from a second mention of the day")
        if won.place is None and other.place is not None:
            won.place = other.place
            best.evidence.append("place from a second mention of the day")


_TENTATIVE = regex(
    # said of the day itself ('a tentative agenda' or 'alustava esityslista' leave the day fixed)
    r"\b(?:to\s+be\s+(?:confirmed|decided|determined)|tbc|tbd"
    r"|vahvistetaan\s+myöhemmin|vahvistamatta|bekräftas\s+senare)\b",
    re.IGNORECASE,
)
_DATE_WRITTEN = regex(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d{1,2}/\d{1,2}(?:[/-]\d{2,4})?)(?!\d)"
)


_ADJOURNED = regex(vocabulary.ADJOURNED, re.IGNORECASE)


def _window_candidate(
    text: str,
    a: int,
    b: int,
    pos: int,
    kind: str,
    meeting_date: date | None,
    own_title: str,
    own_other: set[str],
    timezone: str,
    meeting_times: tuple[str | None, str | None],
) -> _Candidate | None:
    """What one window says about the next meeting, or None when it sets none."""
    meeting_start, meeting_end = meeting_times
    window = text[a:b]
    rel = pos - a
    table = _table_next(window[rel:], own_title, meeting_date, timezone) if window.count("|") >= 6 else None
    if table is not None:
        row_at = a + rel + max(table[1], 0)
        row_end = text.find("\n", row_at)
        return _Candidate(table[0], [], (row_at, row_end if row_end >= 0 else len(text)), "table", 0)
    other = _OTHER_BODIES.search(window)
    if other and _kind(other.group(0)) not in own_other and other.start() < rel + 40:
        return None
    if own_other and _BOARD_BEFORE.search(window[max(0, rel - 60) : rel]):
        return None  # an AGM's minutes: `the next committee meeting` is the committee's, not the AGM's
    quote = _SPACES.sub(" ", window).strip()
    # a rule ('the 2nd Wednesday of every month') decides only when no date is written out beside it
    ruled = _rule_date(window, meeting_date) if not _DATE_WRITTEN.search(window[rel:]) else None
    if ruled is not None:
        start, end = find_times(_LOG_STAMP.sub("", window))
        same = _same_time(window, text, meeting_start)
        if start is None and same:
            start, end = same, None
        nm = NextMeeting(
            date=ruled.isoformat(),
            start=start,
            end=end,
            timezone=timezone,
            place=_labelled_place(window),
            agenda=_agenda(window),
            quote=quote,
        )
        return _Candidate(nm, [], (a, b), "rule", 0, ["a recurring rule"])
    all_found = find_dates(window, meeting_date)
    # 'adjourned until 22 April': the day the meeting carries on, not a deadline
    adjourned = _ADJOURNED.search(window, max(0, rel - 40), min(len(window), rel + 5))
    found = [
        d
        for d in all_found
        if (d.start >= rel - 2 and d.relation not in ("by", "until"))
        or (adjourned is not None and d.start >= adjourned.start() and d.relation in ("at", "until"))
    ]
    if meeting_date is not None:
        found = [d for d in found if _future_date(d, meeting_date) > meeting_date]
    found = [d for d in found if not _another_bodys(window, d, own_other)]
    found = _own_labelled(window, found, own_title)
    kept = [d for d in found if not _cancelled(window, d)]
    called_off = bool(found) and not kept
    found = kept or found[-1:]
    warnings: list[str] = []
    if found and (tbc := _TENTATIVE.search(window, found[0].start, found[0].end + 60)):
        # 'Oct 29-30th - Date/time to be confirmed': no invitation goes out for a day not yet fixed
        warnings = [f"next meeting: the date is still to be confirmed ('{tbc.group(0)}'); no date was set"]
        said = _sentence_at(text, a, b, a + found[0].start)
        return _Candidate(_period_only(window, timezone, quote), warnings, said, kind, 0, ["to be confirmed"])
    if found:
        first = found[0]
        when = _future_date(first, meeting_date)
        warnings.extend(f"next meeting: {w}" for w in first.warnings)
        evidence: list[str] = ["called off"] if called_off else []
        if _WEEKDAY_WORD.search(window[first.start : first.end]) and not first.warnings:
            evidence.append("weekday agrees")
        start, end = first.start_time, first.end_time
        after = window[first.end :]
        if start is None:
            start, end, after = _time_after(after, end)
        if start is None:
            start, end = _time_before(window, first)
        if start is None:
            start, end = _same_day_with_time(text, a + first.end, first, meeting_date)
        if start is None:
            bad = [x for x in impossible(window[first.end : first.end + 80]) if "time" in x[2]]
            if bad:
                warnings.append(f"next meeting: {bad[0][2]}; the start time is left empty")
                evidence.append("impossible time")
        carried = None
        if start is None and not any("time" in w for w in warnings):
            start = _same_time(window, text, meeting_start)
            if start is not None and start == meeting_start:
                end = meeting_end  # `samaan aikaan`: this meeting's start and end
            if start is None:
                # The time and place of a recurring schedule stated in the head (`Every Thursday 16:00 CET`).
                carried = schedule(text[:4000])
                if carried is not None:
                    start, end = carried.start, carried.end
                    evidence.append("time from the recurring schedule")
        place = _place_after(after) or _labelled_place(window) or (carried.place if carried else None)
        tz = stated_timezone(window[first.start : first.end + 80]) if start else None
        tz = tz or (carried.timezone if carried else None)
        agenda_text = window[first.end :] + (text[b : b + 300] if rel == 0 or a != pos else "")
        nm = NextMeeting(
            date=when.isoformat(),
            start=start,
            end=end,
            timezone=tz or timezone,
            place=place,
            agenda=_agenda(agenda_text),
            quote=quote,
        )
        return _Candidate(nm, warnings, _sentence_at(text, a, b, a + first.start), kind, 0, evidence)
    bad_days = [x for x in impossible(window[max(0, rel - 2) :], meeting_date) if "date" in x[2]]
    if bad_days:
        at = max(0, rel - 2) + bad_days[0][0]
        warnings.append(f"next meeting: {bad_days[0][2]}; the date is left empty")
        nm = _period_only(window, timezone, quote)
        return _Candidate(nm, warnings, _sentence_at(text, a, b, a + at), kind, 0, ["impossible date"])
    periods = [d for d in find_dates(window, meeting_date, periods=True) if d.precision != "day"]
    if periods and periods[0].start >= rel - 2:
        phrase = window[periods[0].start : periods[0].end]
        warnings.append(f"next meeting: only a period is given ('{phrase}'); no date was set")
        nm = _period_only(window, timezone, quote)
        said = _sentence_at(text, a, b, a + periods[0].start)
        return _Candidate(nm, warnings, said, kind, 0, [f"only a period: {phrase}"])
    return None


def _time_before(window: str, first: FoundDate) -> tuple[str | None, str | None]:
    """A time written before the date on its line: `Klo. 14:00 - 16:00 ke 20.3.2024`."""
    line_start = window.rfind("\n", 0, first.start) + 1
    before = window[line_start : first.start]
    if not before.strip() or not _CLOCK_BEFORE.search(before):
        return None, None
    return find_times(before)


# A weekday written in a date phrase (`ke 20.6.`, `Onsd 8/3`, `Wednesday, Jan 25`).
_WEEKDAY_WORD = regex(
    r"^\W*(?:(?:on|den|the|ensi|nästa|på)\s+)?(?:ma|ti|ke|to|pe|la|su|mon|tue|wed|thu|fri|sat|sun|maanantai|tiistai|keskiviik|torstai|perjantai|"
    r"lauantai|sunnuntai|mån|tis|ons|tor|fre|lör|sön)",
    re.IGNORECASE,
)
# A clock time (`14:00`, `klo 9`, `kl. 18`) in the words before a date.
_CLOCK_BEFORE = regex(r"\d[:.]\d\d|\b(?:klo|kello|kl)\b\.?\s*\d", re.IGNORECASE)


def _same_day_with_time(
    text: str, pos: int, first: FoundDate, meeting_date: date | None
) -> tuple[str | None, str | None]:
    """The time of the same day written again in the next lines (`Wednesday, 25 January 2017, 1pm-2pm`)."""
    # A time written between the two (before a conversion `i.e. 19:00 CET`) comes first.
    for d in find_dates(text[pos : pos + 300], meeting_date):
        if d.value == first.value and d.start_time is not None:
            between = find_times(text[pos : pos + d.start])
            return between if between[0] is not None else (d.start_time, d.end_time)
    return None, None


def _own_kind_windows(
    text: str, spans: list[tuple[int, int]], own_other: set[str]
) -> list[tuple[int, int, int]]:
    """The own kind of meeting announced for a later day: `A second attempt at an AGM will be held on ...`."""
    wins: list[tuple[int, int, int]] = []
    for a, b in spans:
        sent = text[a:b]
        if _FUTURE.search(sent) and any(o in sent.lower() for o in own_other):
            wins.append((a, b, a))
    return wins


# A time or time range right after the date: `, klo 18`, ` at 6.30pm – 8pm`.
_TIME_AFTER_DATE = regex(
    r"^[\s,.]*(?:klo|kello|at|from|@)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?"
    r"(?:\s*(?:[-–—]|to)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?)?",
    re.I,
)
_TIME_WORD = regex(r"\b(?:time|klo|kello|aika|aikaan|at)\b", re.I)


def _time_after(after: str, end: str | None) -> tuple[str | None, str | None, str]:
    """Start and end written after a date without a time, and the rest of the window after them."""
    given = after
    start: str | None = None
    tm = _TIME_AFTER_DATE.match(after)
    if tm and _DIGIT.search(tm.group(0)):
        start, end = find_times(tm.group(0))
        if start is not None:
            after = after[tm.end() :]
    if start is None:
        # `15 May, usual time 15:00 UTC`: a time later in the same sentence.
        clause = _CLAUSE_END.split(after)[0]
        if _TIME_WORD.search(clause):
            start, end = find_times(clause)
            after = after[len(clause) :] if start is not None else after
    if end is not None and _ARRIVAL_WINDOW.search(given[:160]):
        end = None  # `klo 10.30 - 11 välillä`: it starts somewhere in that half hour; no end is said
    return start, end, after


# A time range that is a window for the start, not the meeting's length.
_ARRIVAL_WINDOW = regex(r"\d[ \t]*(?:välillä|välisenä\s+aikana)\b", re.IGNORECASE)


def _period_only(window: str, timezone: str, quote: str) -> NextMeeting:
    """A next meeting set for a month or a season only: no date, perhaps a place."""
    place = None
    pm = _AT_PLACE.search(window)
    if pm and not _MONTH_ONLY.match(window[pm.start() :]):
        place = clean_place(pm.group(1))
    return NextMeeting(
        date=None, start=None, end=None, timezone=timezone, place=place, agenda=_agenda(window), quote=quote
    )


def _labelled_place(window: str) -> str | None:
    m = re.search(r"\b(?:paikka|place|location|venue)\s*:\s*([^\n]+)", window, re.I)
    if m:
        return clean_place(m.group(1))
    url = _URL.search(window)
    return url.group(0).rstrip(".,)") if url else None
