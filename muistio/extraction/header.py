"""The meeting itself: the body that met, date, start and end time, place (labels, titles, front matter)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from muistio import dates as _dates
from muistio.extraction import vocabulary
from muistio.extraction.participants import is_initials_legend, is_roll_label_line, names_office
from muistio.extraction.parts import BLANK_LINE, CHAT_STAMP, LETTER
from muistio.names import is_given_name
from muistio.patterns import regex

# --- small patterns used throughout this module, compiled once at import ------------------------------
_FOUR_DIGIT_YEAR = regex(r"(?<!\d)\d{4}(?!\d)")
# `27.10.16`: a numeric date whose two-digit year counts as given.
# 27.10.16, 16/9-19, 14-04-27 (Swedish, year first)
_TWO_DIGIT_YEAR_DATE = regex(r"\d\.\d{1,2}\.\d{2}(?!\d)|\d/\d{1,2}[-/]\d{2}(?!\d)|^\d\d-\d\d-\d\d$")
# A log timestamp with seconds (`16:00:03`).
_LOG_TIMESTAMP = regex(r"\b(\d{1,2}:\d{2}):\d{2}\b")
_MARKDOWN_MARK = regex(r"[*_`]")
_SPACES = regex(r"\s+")
# The MeetBot `#startmeeting <title>` command.
_STARTMEETING_TITLE = regex(r"#startmeeting[ \t]+([^\n]+)")
# `Fedora Council meeting` names the body `Fedora Council`.
_MEETING_SUFFIX = regex(r"(?i)\s+(?:(?:weekly|monthly|bi-?weekly)\s+)?meeting\s*$")
# Separators between the parts of a schedule line (`Mondays 15:00 UTC · Jitsi`).
_SCHEDULE_SEPARATOR = regex(r"\s[·|•—–]\s|\s-\s")
# A sentence's or paragraph's end (a date's `8.6.` dots do not end one).
_SENTENCE_OR_PARAGRAPH_END = regex(r"(?<=[^\d\s])\.\s|\n\s*\n")
# An hour whose minutes were lost (`klo 12:`).
_GARBLED_TIME = regex(r"\d{1,2}:(?!\d)")
_CLOCK_TIME = regex(r"\d:\d")
# A number among a place's words (`Room 3, Town Hall`).
_ROOM_NUMBER = regex(r"\d{1,4}[A-Za-z]?,?")
# a weekday (and `den`) left before the date a place runs into: `Kommunhuset, tisdagen den`
_TRAILING_WEEKDAY = regex(
    r"[\s,]*(?:(?:(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)(?:na)?"
    r"|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*,?\s*)?"
    r"(?:den\s*)?$",
    re.IGNORECASE,
)
# A time, a postal code or a label colon: the line is no place.
_NOT_A_PLACE = regex(r"\d[.:]\d|\d{5}|:")
_THREE_LETTERS = regex(r"[^\W\d]{3}")
# A heading, numbered item or bullet, not a place line.
_LIST_OR_HEADING_START = regex(r"^(?:#|\d|[-*•])")
# A place after a date in English prose: `..., at the Institute`.
_AT_PLACE = regex(r",?\s+(?:at|in)\s+(?:the\s+)?([A-Z][^.\n]{2,120})")
_KLO_TIME = regex(r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?")
# Zones in brackets, ordinals, issue numbers and empty brackets in a title line.
_TITLE_NOISE = regex(r"\(\s*(?:GMT|UTC)[^)]*\)|\b\d+(?:st|nd|rd|th)\b|#\d+|\(\s*\)")
# Markdown/wiki heading marks and wiki bold/italic quotes around a line.
_HEADING_MARKUP = regex(r"^(?:[#=\s]|'{2,3})+|(?:[#=\s]|'{2,3})+$")
# A horizontal rule or underline (`----`, `====`).
_RULE_LINE = regex(r"[-=~^*_.]+")
# A title that names only the kind of document, not the body (`Pöytäkirja`).
_GENERIC_BODY_NAME = regex(r"(?i)(?:hallitu(?:ksen|s)|kokous|pöytäkirja|muistio|minutes)?")
_BOARD_GENITIVE = regex(r"\bhallituksen$")


# --- dates and times: muistio.dates reads them; this adapts its results to meeting lines ----------


@dataclass
class FoundDate:
    """A date read from the text, where it stood, whether the text gave its year, and any time with it."""

    value: date
    start: int
    end: int
    has_year: bool
    start_time: str | None = None
    end_time: str | None = None
    precision: str = "day"
    relation: str = "at"
    warnings: tuple[str, ...] = ()


def _hhmm(value: object) -> str | None:
    return value.strftime("%H:%M") if isinstance(value, datetime) else None


def find_dates(s: str, ref: date | None = None, *, periods: bool = False) -> list[FoundDate]:
    """Dates in `s` in document order (days; with `periods` also months and longer)."""
    # Without a reference only dates with a year count; 2050 puts a two-digit year in 1971-2070
    # (`25/4/23` is 2023, `7.8.99` is 1999), as no reference at all would not.
    ref_dt = datetime.combine(ref or date(2050, 1, 1), time(12, 0))
    out: list[FoundDate] = []
    for f in _dates.scan(s, ref_dt, None):
        w = f.when
        if w.start is None or w.end is None:
            continue
        if w.precision not in ("day", "minute") and not periods:
            continue
        phrase = s[f.start : f.end]
        # A year of its own in the phrase; `27.10.16` names one too (muistio.dates reads it as 2016),
        # while relative phrases resolved against ref do not.
        has_year = _FOUR_DIGIT_YEAR.search(phrase) is not None or (
            w.year_given and _TWO_DIGIT_YEAR_DATE.search(phrase) is not None
        )
        if not has_year and ref is None:
            continue
        first = w.start.date() if isinstance(w.start, datetime) else w.start
        end_t = _hhmm(w.end) if w.end != w.start else None
        out.append(
            FoundDate(
                first, f.start, f.end, has_year, _hhmm(w.start), end_t, w.precision, w.relation, w.warnings
            )
        )
    out.sort(key=lambda f: f.start)
    return out


# A zone between a time and its range's end (`2:00 PM (CEST) → 2:30 PM`) and an arrow for a dash.
_ZONE_IN_RANGE = regex(
    r"(?<=[\dMm.])[ \t]*\((?:[A-Z]{2,5}|UTC[+-]\d{1,2}(?::?\d{2})?)\)(?=[ \t]*(?:→|->|[-–—]|to\b))"
)
_ARROW = regex(r"[ \t]*(?:→|->|⟶)[ \t]*")


def tidy_times(s: str) -> str:
    """A time range written with an arrow and a zone inside it, as a plain `2:00 PM – 2:30 PM`."""
    if "→" not in s and "->" not in s and "⟶" not in s and "(" not in s:
        return s
    return _ARROW.sub(" – ", _ZONE_IN_RANGE.sub("", s))


_YEARLESS_DAY = regex(r"(?<![\d.:])(?:[1-9]|[12]\d|3[01])\.(?:[1-9]|1[0-2])\.(?![\d.])")
# what makes the digits a time after all: a time word, the start of a range, an ending or a start
_TIME_BEFORE = regex(
    r"(?:\b(?i:klo|kl|kello|at|päättyi|alkoi|ended|began|closed|opened|avslutades|öppnades)\.?"
    r"|\d[.:]\d\d[ \t]*[-–—])[ \t]*$"
)


def find_times(s: str) -> tuple[str | None, str | None]:
    """The first time or time range in `s` that is not part of a date, as ('HH:MM', 'HH:MM' | None)."""
    s = tidy_times(s)
    for f in find_dates(s):
        s = s[: f.start] + " " * (f.end - f.start) + s[f.end :]
    # A day and month with no year (`KaTi 16.12. klo 14-15`) is a date too, unless a time word leads it
    # (`päättyi klo 16.12.`).
    s = _YEARLESS_DAY.sub(lambda m: m.group() if _TIME_BEFORE.search(s, 0, m.start()) else " " * len(m[0]), s)
    # A log timestamp `16:00:03` is 16:00; its `00:03` is never a time.
    s = _LOG_TIMESTAMP.sub(lambda m: m.group(1) + "   ", s)
    found = _dates.parse_time_range(s)
    if found is None:
        return None, None
    start, end = found
    return start.strftime("%H:%M"), end.strftime("%H:%M") if end else None


# --- the header -------------------------------------------------------------------------------

_ALL_LABELS = "|".join(
    sorted(
        {
            *vocabulary.WHEN_LABELS_FI,
            *vocabulary.WHEN_LABELS_SV,
            *vocabulary.WHEN_LABELS_EN,
            *vocabulary.PLACE_LABELS,
            *vocabulary.COMBINED_LABELS,
            *vocabulary.TIME_LABELS,
        },
        key=lambda w: (-len(w), w),
    )
)
_LABEL = regex(
    r"^[ \t]*(?:\|[ \t]*)?(?:[-*•][ \t]*|:)?(?:\*\*|'{2,3})?"
    rf"(?P<label>{_ALL_LABELS})"
    # `Kokouspäivä 11.1.2021`: one space is enough before a date written in digits
    r"(?:\*\*|'{2,3})?(?:[ \t]*:[ \t]*|[ \t]*\|[ \t]*|[ \t]{2,}|\t|[ \t](?=\d{1,4}[./:-]\d))(?:\*\*|'{2,3})?"
    r"(?P<value>.*?)[ \t]*\|?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_OPENED = regex(
    r"(?:avasi\s+(?:kokouksen|istunnon)|avattiin|avataan\s+kokous|avatiin\s+kokous|kokous\s+avattiin|"
    r"opened\s+the\s+meeting|meeting\s+(?:was\s+)?(?:opened|started|called\s+to\s+order)|"
    r"(?:attempted\s+to\s+)?commence[ds]?|called\s+to\s+order|(?:meeting|call)\s+(?:was\s+)?scheduled\s+(?:for|to\s+(?:start|begin))|"
    r"(?:meeting|call)\s+(?:began|started)|kokous\s+alkoi)[^.\n]{0,40}?",
    re.IGNORECASE,
)
_CLOSED = regex(
    r"(?:päätti\s+kokouksen|päätettiin\s+kokous|kokous\s+päätettiin|kokous\s+päättyi|päätti\s+istunnon|"
    r"closed\s+the\s+meeting|meeting\s+(?:was\s+)?(?:closed|adjourned|ended)|adjourned|concluded)[^.\n]{0,40}?",
    re.IGNORECASE,
)
# The MeetBot opening and closing lines: `Meeting started Tue Mar 12 16:00:03 2024 UTC`.
_MEETBOT = regex(
    r"Meeting (?P<what>started|ended) (?:[A-Z][a-z]{2} )?(?P<mon>[A-Z][a-z]{2}) +(?P<d>\d{1,2}) "
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})? (?P<y>\d{4})(?: (?P<tz>UTC|GMT))?"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
# A zone written after a time (`16:00 UTC`, `9am (Eastern)`, `10:00 Pacific time`, `18.00 CET`),
# mapped to the IANA zone whose rules it names; the times stay as written.
_ZONE_NAMES: dict[str, str] = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "mountain": "America/Denver",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "central": "America/Chicago",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "eastern": "America/New_York",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "bst": "Europe/London",
    "uk time": "Europe/London",
    "london time": "Europe/London",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "central european": "Europe/Berlin",
    "eet": "Europe/Helsinki",
    "eest": "Europe/Helsinki",
    "finnish time": "Europe/Helsinki",
    "helsinki time": "Europe/Helsinki",
    "suomen aikaa": "Europe/Helsinki",
}
_ZONE = regex(
    r"\d\s*(?:[ap]\.?m\.?)?\s*(?:\(\s*)?(?-i:\b(?P<abbr>UTC|GMT|Z|PT|PST|PDT|MT|MST|MDT|CT|CST|CDT|ET|EST|"
    r"EDT|BST|CET|CEST|EET|EEST))\b(?!\s*[+-]\s*\d)|"
    r"\d\s*(?:[ap]\.?m\.?)?\s*(?:\(\s*)?\b(?P<word>pacific|mountain|central european|central|"
    r"eastern|uk|london|finnish|helsinki)(?:\s+(?:standard\s+|daylight\s+)?time\b|\s*\))|"
    r"\b(?P<fi>suomen\s+aikaa)\b",
    re.IGNORECASE,
)


def stated_timezone(s: str) -> str | None:
    """The IANA zone a time in `s` is stated in (`16:00 UTC` -> UTC, `9am (Eastern)`); else None."""
    m = _ZONE.search(s)
    if m is None:
        return None
    if m["abbr"]:
        return _ZONE_NAMES[m["abbr"].lower()]
    if m["fi"]:
        return "Europe/Helsinki"
    word = m["word"].lower()
    return _ZONE_NAMES.get(word) or _ZONE_NAMES.get(f"{word} time")


def _meetbot_times(text: str, h: Header) -> bool:
    """Date, start, end and time zone from a MeetBot log's own lines; whether it was one."""
    found = False
    for m in _MEETBOT.finditer(text):
        mon = _MONTHS.get(m.group("mon").lower())
        if mon is None:
            continue
        try:
            day = date(int(m.group("y")), mon, int(m.group("d")))
        except ValueError:
            continue
        hhmm = f"{int(m.group('h')):02d}:{m.group('mi')}"
        if m.group("what") == "started" and not found:
            h.date, h.start, found = day, hhmm, True
            h.settle(0.98, "MeetBot's 'Meeting started' line")
            h.timezone = "UTC" if m.group("tz") else h.timezone
        elif m.group("what") == "ended" and found and day == h.date:
            h.end = hhmm
    return found


_FRONT_MATTER = regex(r"\A(?:---\n)?(?:[a-z_]+:[^\n]*\n){3,}", re.IGNORECASE)
_GENERIC_TITLE = regex(
    r"^(?:hallituksen\s+kokous|kokous|pöytäkirja|muistio|minutes|meeting\s+minutes|kokouksen\s+pöytäkirja)\b",
    re.IGNORECASE,
)


@dataclass
class Header:
    """What the head of the minutes says about the meeting."""

    group: str | None = None
    date: date | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    timezone: str | None = None  # only when the minutes state it (`16:00 UTC`)
    warnings: list[str] = field(default_factory=list)
    # How sure the date is (0..1) and what spoke for it: the winning candidate's evidence.
    confidence: float | None = None
    evidence: list[str] = field(default_factory=list)

    def settle(self, confidence: float, *evidence: str) -> None:
        """Record how the date was chosen."""
        self.confidence, self.evidence = round(max(0.0, min(1.0, confidence)), 2), list(evidence)


def clean_place(place: str) -> str | None:
    """A place as written, with Markdown links and emphasis removed and its parts comma-separated."""
    p = re.sub(
        r"\[([^\]]*)\]\(([^)]*)\)", lambda m: m.group(2) if m.group(1) == m.group(2) else m.group(1), place
    )
    p = _MARKDOWN_MARK.sub("", p)
    # A room designation after a street address is its own part: `Helsinki nh Loppupeli`.
    p = re.sub(
        r"(?<=[\w.])(?<!n)(?<![Mm]eeting)(?<![Cc]onference)(?<![Bb]oard)(?<![Cc]ommittee)\s+(?=(?:nh|neuvotteluhuone|kokoushuone|huone|sali|room|rm\.?)\s)",
        ", ",
        p,
        flags=re.I,
    )
    p = _SPACES.sub(" ", p).strip(" ,.;")
    return p or None


# Which `_LABEL` labels give the meeting's date (first found wins), its time, its place, or all of them.
_COMBINED_LABELS = vocabulary.COMBINED_LABELS
_WHEN_LABELS = (
    *vocabulary.WHEN_LABELS_FI,
    *vocabulary.WHEN_LABELS_EN,
    *vocabulary.WHEN_LABELS_SV,
    *_COMBINED_LABELS,
)
_TIME_LABELS = (*vocabulary.TIME_LABELS, "tid", *_COMBINED_LABELS)
_PLACE_LABELS = vocabulary.PLACE_LABELS
_MEETING_LABELS = frozenset((*_WHEN_LABELS, *_TIME_LABELS, *_PLACE_LABELS))
_FRONT_MATTER_DATE = regex(r"^date:\s*(.+)$", re.I | re.M)
_FRONT_MATTER_TITLE = regex(r"^title:\s*(.+)$", re.I | re.M)
_MACHINE_TIMESTAMP = regex(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)")
# A time right after a date on its line: `27.10.16 klo 18`, `, at 18:00`.
_TIME_AFTER_DATE = regex(r"^[\s,]*(?:klo|kello|at|@)?\s*\d", re.I)
# an hour written after a date on its line: `28.2.2013 klo. 18.30`, `18.12.2019 kl. 18.05`, `5 May 2024 19:00`
_HOUR_AFTER_DATE = regex(r"[ \t,]*(?:(?:klo|kello|kl|at|@)\.?[ \t]*\d|\d{1,2}[:.]\d\d\b)", re.I)


def _label_lines_end(text: str, pos: int) -> int:
    """Where the label lines that follow the head end (`- Location: The Gap Tavern` under the title): they are
    the meeting's, though a list marker made the segmenter end the head before them."""
    for _ in range(6):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        m = _LABEL.match(text, pos, line_end)
        if m is None or m.group("label").lower() not in _MEETING_LABELS:
            break
        pos = min(line_end + 1, len(text))
    return pos


def read_header(text: str, header_end: int) -> Header:
    """Read group, date, times and place from the head of the minutes."""
    meetbot = _meetbot_header(text)
    if meetbot is not None:
        return meetbot
    h = Header()
    region = text[: _label_lines_end(text, header_end)] if header_end > 40 else text[:2000]
    lead = _NEXT_MEETING.search(region)
    if lead and not region[: lead.start()].strip(" \t\n#*_>|-") and len(region) < 2000:
        region = text[:2000]  # the notes open with the next meeting: this one's title and date follow
    body_region, fm_date = _front_matter(region[:6000])
    body_region, mail_date = _mail_date(body_region)
    body_region, docinfo_date = _docinfo_date(body_region)
    fm_date = fm_date or mail_date or docinfo_date
    body_region = _without_leading_next_meeting(body_region)
    # Dates (and date labels) from where the head turns to the next meeting on are that meeting's.
    nxt = _NEXT_MEETING.search(body_region)
    cut = nxt.start() if nxt else len(body_region)
    labels: dict[str, str] = {}
    for m in _LABEL.finditer(body_region, 0, cut):
        labels.setdefault(m.group("label").lower(), m.group("value"))
    full_dates = [d for d in find_dates(body_region) if d.start < cut and d.has_year]
    ref = full_dates[0].value if full_dates else (fm_date.value if fm_date else None)
    when_value = next((labels[k] for k in _WHEN_LABELS if k in labels), None)
    if when_value is not None:
        _when_label(h, when_value, full_dates, ref, text)
    for key in _TIME_LABELS:
        if h.start is None and key in labels:
            h.start, h.end = find_times(labels[key])
            if h.start is not None:
                h.timezone = stated_timezone(labels[key])
    head_end = _lines_end(body_region, 6)
    if h.date is None and not any(d.start < head_end for d in full_dates):
        _six_digit_title_date(body_region, h)
    if h.date is None:
        _date_from_head(h, text, body_region, cut, full_dates, fm_date)
    if h.start is None:
        _time_range_line(h, body_region[:cut])
    # Opening and closing times stand in for a missing scheduled time.
    if h.start is None:
        h.start = _event_time(text, _OPENED)
    if h.end is None:
        h.end = _event_time(text, _CLOSED)
    if h.date is None:
        _date_heading(text[:5000], h)
    if h.date is None:
        _compact_title_date(body_region, h)
    if h.date is None:
        _took_place(text[:20000], h)
    _month_of_title(body_region, h)
    _year_of_the_text(body_region, text, full_dates, h)
    _place_and_schedule(h, text[: max(len(body_region), 3000)], labels, body_region, full_dates)
    h.group = _group(body_region, h.place)
    return h


# `The meeting took place virtually, via UberConference, at 6:00pm (Lausanne time) on Tuesday, February 28,
# 2017.`: a sentence anywhere that says when this meeting was held.
_TOOK_PLACE = regex(
    r"\b(?:the\s+meeting|this\s+meeting|kokous|mötet)\s+(?:took\s+place|was\s+held|was\s+convened|"
    r"pidettiin|järjestettiin|hölls|ägde\s+rum)\b[^.!?]{0,200}",
    re.IGNORECASE,
)


def _took_place(text: str, h: Header) -> None:
    """The date (and time) of a sentence saying when the meeting was held, when the head gives none."""
    for m in _TOOK_PLACE.finditer(text):
        dated = [d for d in find_dates(m.group(0)) if d.has_year]
        if dated:
            h.date = dated[0].value
            if h.start is None:
                h.start, h.end = dated[0].start_time, dated[0].end_time
            if h.start is None:
                h.start, h.end = find_times(m.group(0))
            return


def _without_leading_next_meeting(region: str) -> str:
    """The head with its next-meeting paragraph blanked when the notes open with it, else as it is."""
    # `Next meeting: ...` above the title and the date of this one: those dates are not this meeting's.
    nxt = _NEXT_MEETING.search(region)
    if nxt is None:
        return region
    para = BLANK_LINE.search(region, nxt.end())
    end = para.start() if para else len(region)
    dated = [d for d in find_dates(region) if d.has_year]
    if any(d.start < nxt.start() for d in dated) or not any(d.start >= end for d in dated):
        return region
    return region[: nxt.start()] + " " * (end - nxt.start()) + region[end:]


def _meetbot_header(text: str) -> Header | None:
    """The header of a MeetBot log, read from its own lines; None for other minutes."""
    h = Header()
    if not _meetbot_times(text[:20000], h):
        return None
    sm = _STARTMEETING_TITLE.search(text)
    title = sm.group(1) if sm else ""
    name = _MEETING_SUFFIX.sub("", title)
    h.group = name.strip() or _group(text[:2000], None)
    return h


def _front_matter(region: str) -> tuple[str, FoundDate | None]:
    """The head without its front matter block (`---` / `date: ...`), and the date the block gives."""
    fm = _FRONT_MATTER.match(region)
    if not fm:
        return region, None
    fm_date: FoundDate | None = None
    dm = _FRONT_MATTER_DATE.search(fm.group(0))
    if dm:
        found = find_dates(dm.group(1))
        fm_date = found[0] if found else None
    tm = _FRONT_MATTER_TITLE.search(fm.group(0))
    if tm and (dm is None or _MACHINE_TIMESTAMP.match(dm.group(1).strip())):
        # a wiki's `date:` is when the page was last edited; a dated `title:` names the meeting
        titled = [d for d in find_dates(tm.group(1)) if d.has_year]
        fm_date = titled[0] if titled else fm_date
    return region[fm.end() :], fm_date


# A mail header's lines (also quoted or forwarded ones): the date on them is when the notes were sent.
_MAIL_FIELD = regex(
    r"^[ \t]*(?:>[ \t]*)?(?:\*\*)?(?P<key>from|to|cc|bcc|subject|reply-to|lähettäjä|vastaanottaja|kopio|aihe|"
    r"date|sent|päivämäärä|lähetetty|pvm)(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*(?P<value>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_MAIL_DATE_KEYS = frozenset({"date", "sent", "päivämäärä", "lähetetty", "pvm"})
_MAIL_ADDRESS_KEYS = frozenset({"from", "to", "cc", "subject", "lähettäjä", "vastaanottaja", "aihe"})


def _mail_date(region: str) -> tuple[str, FoundDate | None]:
    """The head with a mail header's date line blanked, and that date (for the year only).

    A `Date:` line counts as the mail's when at least two other mail fields (From, To, Subject) stand
    in the same block of lines; a `Date:` line of the minutes' own head is left alone.
    """
    if ":" not in region:
        return region, None
    fields = list(_MAIL_FIELD.finditer(region))
    for m in fields:
        if m.group("key").lower() not in _MAIL_DATE_KEYS:
            continue
        # The block: fields on adjacent lines, no blank line between.
        block = [m]
        for step in (-1, 1):
            k = fields.index(m) + step
            edge = m
            while 0 <= k < len(fields):
                f = fields[k]
                gap = region[f.end() : edge.start()] if step < 0 else region[edge.end() : f.start()]
                if gap.count("\n") != 1 or gap.strip():
                    break
                block.append(f)
                edge = f
                k += step
        keys = {f.group("key").lower() for f in block}
        if len(keys & _MAIL_ADDRESS_KEYS) < 2:
            continue
        found = [d for d in find_dates(m.group("value")) if d.has_year]
        blanked = region[: m.start()] + " " * (m.end() - m.start()) + region[m.end() :]
        return blanked, (found[0] if found else None)
    return region, None


_DOCINFO_DATE = regex(r"^:date:[ \t]*(?P<value>[^\n]+)$", re.IGNORECASE | re.MULTILINE)


def _docinfo_date(region: str) -> tuple[str, FoundDate | None]:
    """The head with a document field's date (`:Date: 2008-03-07`, reST or AsciiDoc) blanked, and that
    date, when the title above it dates the meeting another day: the field is when it was written."""
    m = _DOCINFO_DATE.search(region) if ":" in region else None
    if m is None:
        return region, None
    titled = {d.value for d in find_dates(region[: m.start()]) if d.has_year}
    found = [d for d in find_dates(m.group("value")) if d.has_year]
    if not titled or not found or found[0].value in titled:
        return region, None  # the field dates the meeting the title names (and gives its hours)
    return region[: m.start()] + " " * (m.end() - m.start()) + region[m.end() :], found[0]


def _when_label(
    h: Header, when_value: str, full_dates: list[FoundDate], ref: date | None, text: str = ""
) -> None:
    """Date, times and zone from the value of a date label (`Aika: ti 8.6. klo 18–20`)."""
    zone_said = stated_timezone(when_value)
    when_value = tidy_times(when_value)
    if ref is None and text:
        hinted = year_hint(text)
        ref = date(hinted, 7, 1) if hinted is not None else None
    wd = find_dates(when_value, ref)
    if wd:
        chosen = wd[0]
        value = chosen.value
        if not chosen.has_year:
            # Same day and month as a full date elsewhere in the head (`Hallituksen kokous 8.6.2020`).
            same = [d for d in full_dates if (d.value.month, d.value.day) == (value.month, value.day)]
            value = same[0].value if same else value
        if chosen.has_year or ref is not None:
            h.date = value
            h.warnings.extend(f"meeting date: {w}" for w in chosen.warnings)
            year = "year written" if chosen.has_year else "year from elsewhere in the text"
            h.settle(0.95 - 0.1 * (not chosen.has_year) - 0.2 * bool(chosen.warnings), "date label", year)
        h.start, h.end = chosen.start_time, chosen.end_time
    if h.start is None:
        h.start, h.end = find_times(when_value)
    if h.start is not None:
        h.timezone = zone_said
    for _s, _e, why in _dates.impossible(when_value, ref):
        if ("date" in why and h.date is None) or ("time" in why and h.start is None):
            h.warnings.append(f"meeting date: {why}; it is left empty")


def _date_from_head(
    h: Header, text: str, body_region: str, cut: int, full_dates: list[FoundDate], fm_date: FoundDate | None
) -> None:
    """The meeting's date (and time) from the dates written in the head when no label gives it."""
    # A date inside a resolution or about another meeting (`the minutes of the meeting held on
    # 10 May were approved`, `maksetaan 31.5.2024 mennessä`) is not this meeting's date.
    # a web page's own date (`Posted on January 27, 2020`) is when it was written up, never the meeting's
    full_dates = [d for d in full_dates if not _PUBLISHED.search(body_region, max(0, d.start - 30), d.start)]
    own = [d for d in full_dates if not _about_other(body_region, d)]
    scored = _by_evidence(body_region, own or full_dates)
    own = [d for _s, d, _e in scored]
    confidence, evidence = (scored[0][0], scored[0][2]) if scored else (0.0, [])
    title_end = _title_end(body_region)
    if own and own[0].start >= title_end and _DAY_MONTH.search(body_region[:title_end]):
        # `Palaveri ma 18.8.` as the title, full dates only further down: the title gives the day.
        titled = _yearless_date(text, body_region[:title_end], own[0].value)
        if titled:
            own, confidence, evidence = [titled], 0.75, ["day in the title", "year from a date below"]
    if not own:
        # A head date without its year (`Palaveri ma 18.8.`, `Wednesday 14 May`): the year comes from
        # a mail Date: header, another full date in the text or a year in the title; the body day wins.
        yearless = _yearless_date(text, body_region[:cut], fm_date.value if fm_date else None)
        own = [yearless] if yearless else []
        confidence, evidence = 0.6, ["day in the head", "year from elsewhere in the text"]
    candidates = own or ([fm_date] if fm_date else [])
    if not candidates:
        return
    first = candidates[0]
    h.date = first.value
    if own:
        h.settle(confidence, *evidence)
    else:
        h.settle(0.7, "front matter date")
    if fm_date and own and own[0].value != fm_date.value:
        h.warnings.append(
            f"meeting date: front matter says {fm_date.value.isoformat()} but the text says "
            f"{own[0].value.isoformat()}; the text was followed"
        )
    if h.start is None and own:
        h.start, h.end = first.start_time, first.end_time
        if h.start is None:
            # A time right after the date on its line: `Hallituksen kokous 27.10.16 klo 18`.
            line_end = body_region.find("\n", first.end)
            rest = body_region[first.end : line_end if line_end >= 0 else None]
            if _TIME_AFTER_DATE.match(rest):
                h.start, h.end = find_times(rest[:30])


# Words before a date that say the meeting was held then: `HELD ON`, `pidettiin`, `hölls den`.
_HELD_ON = regex(
    r"\b(?:held|convened|took\s+place|met|pidett\w*|pidetty\w*|hölls|hållet|hållen|avhölls)"
    r"[ \t]+(?:(?:on|den)[ \t]+)?(?:the[ \t]+)?$",
    re.IGNORECASE,
)


def _by_evidence(region: str, dates: list[FoundDate]) -> list[tuple[float, FoundDate, list[str]]]:
    """Head dates scored (0..1) as this meeting's, with their evidence, best first (first on a tie)."""
    # Evidence: `held on` before it, the same day written again, a weekday that disagrees, being the
    # first date of the head, and how many other days compete with it.
    days = [d.value for d in dates]
    rivals = len(set(days)) - 1
    out: list[tuple[float, int, FoundDate, list[str]]] = []
    for k, d in enumerate(dates):
        score, why = 0.7, ["date in the head"]
        if _HELD_ON.search(region[max(0, d.start - 60) : d.start]):
            score += 0.15
            why.append("'held on' before it")
        repeats = min(days.count(d.value) - 1, 2)
        if repeats:
            score += 0.05 * repeats
            why.append(f"written {repeats + 1} times")
        if d.start_time is not None or _HOUR_AFTER_DATE.match(region, d.end, d.end + 24):
            # `Kokousmuistio 28.2.2013 klo. 18.30` below a page's `26.02.2013 Pöytäkirja`: a meeting has
            # its hour; a posting or filing date has none
            score += 0.1
            why.append("a time with it")
        if d.warnings:  # the only warning a date carries here is a weekday that disagrees
            score -= 0.1
            why.append("weekday disagrees")
        if k == 0:
            score += 0.05
            why.append("first date of the head")
        if rivals:
            score -= 0.05 * min(rivals, 3)
            why.append(f"{rivals} other day(s) in the head")
        else:
            score += 0.1
            why.append("the only day in the head")
        out.append((round(max(0.0, min(1.0, score)), 2), k, d, why))
    out.sort(key=lambda t: (-t[0], t[1]))
    return [(score, d, why) for score, _k, d, why in out]


def _time_range_line(h: Header, head: str) -> None:
    """A head line holding a time range only (`*Video call, 19:30–20:15.*`, `<b>klo 18–20</b>`)."""
    for line in head.splitlines()[:15]:
        if len(line) <= 120 and _TIME_RANGE.search(line) and not _LABEL.match(line):
            h.start, h.end = find_times(line)
            if h.start is not None:
                h.timezone = stated_timezone(line)
                return


def _place_and_schedule(
    h: Header, lead: str, labels: dict[str, str], body_region: str, full_dates: list[FoundDate]
) -> None:
    """The place (labelled, on the date line, in prose or on a recurring-schedule line) and a zone."""
    h.place = _place(labels, body_region, full_dates)
    if h.place is None:
        prose = _PROSE_PLACE.search(lead)
        h.place = clean_place(prose.group("place")) if prose else None
    if h.start is None or h.place is None:
        sched = schedule(lead)
        if sched is not None:
            if h.start is None and sched.start is not None:
                h.start, h.end, h.timezone = sched.start, sched.end, sched.timezone
            h.place = h.place or sched.place
    if h.timezone is None and h.start is not None:
        h.timezone = stated_timezone(lead)


_DAY_MONTH = regex(
    r"(?<!\d)\d{1,2}\.\s?\d{1,2}\.(?!\d)|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])|"
    r"(?i:jan|feb|mar|apr|may|maj|jun|jul|aug|sep|oct|okt|nov|dec|tammi|helmi|maalis|"
    r"huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)"
)
_YEAR_IN_TITLE = regex(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DIGIT = regex(r"\d")
_LINE_END = regex(r"\n(?=[^\n]*\S)")


def _title_end(region: str) -> int:
    """Offset after the first two non-empty lines (the title and the line under it)."""
    seen = 0
    for m in _LINE_END.finditer(region):
        if region[: m.start()].strip():
            seen += 1
        if seen >= 2:
            return m.start()
    return len(region)


# A meeting's number with its year in the title: `Hallituksen kokous 5/22`, `Möte 3/2019`, `Möte 171101`.
_NUMBER_YEAR = regex(
    r"\b(?:kokous|kokouksen|pöytäkirja|möte|mötet|protokoll|meeting|minutes)\w*[ \t]+"
    r"(?:nro\.?[ \t]*|nr\.?[ \t]*|#)?"
    r"(?:\d{1,3}[ \t]*/[ \t]*(?P<y>(?:19|20)?\d{2})|(?P<yymmdd>\d{2})(?:0[1-9]|1[0-2])\d{2})(?![\d/.])",
    re.IGNORECASE,
)
# A weekday written with a yearless day (`fred 3/3`, `ti 3.3.`): the weekdays tell the year.
_WEEKDAY_DAY = regex(
    r"\b(?P<wd>ma|ti|ke|to|pe|la|su|mån|tis|ons|tors?|fre|lör|sön|månd|tisd|onsd|torsd|fred|lörd|sönd|"
    r"mon|tue|wed|thu|fri|sat|sun)[a-zåäö]*\.?,?[ \t]+(?:den[ \t]+)?"
    r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})\b(?![./]\d)",
    re.IGNORECASE,
)
_WD_NUMBER = {
    **dict.fromkeys(("ma", "mån", "månd", "mon"), 0),
    **dict.fromkeys(("ti", "tis", "tisd", "tue"), 1),
    **dict.fromkeys(("ke", "ons", "onsd", "wed"), 2),
    **dict.fromkeys(("to", "tor", "tors", "torsd", "thu"), 3),
    **dict.fromkeys(("pe", "fre", "fred", "fri"), 4),
    **dict.fromkeys(("la", "lör", "lörd", "sat"), 5),
    **dict.fromkeys(("su", "sön", "sönd", "sun"), 6),
}


def _weekdays_agree(text: str, year: int) -> bool | None:
    """Whether each weekday-and-day of the text falls on its weekday in `year` (None: none written)."""
    seen = False
    for m in _WEEKDAY_DAY.finditer(text[:20000]):
        wd = _WD_NUMBER.get(m.group("wd").lower())
        if wd is None:
            continue
        try:
            day = date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        seen = True
        if day.weekday() != wd:
            return False
    return True if seen else None


def year_hint(text: str) -> int | None:
    """The year the title implies (`2019`, `kokous 5/22`, `Möte 171101`), unless the weekdays disagree."""
    head = text[:300]
    y = _YEAR_IN_TITLE.search(head)
    if y is not None:
        return int(y.group(0))
    m = _NUMBER_YEAR.search(head)
    if m is None:
        # No year in the title: a year named anywhere (`12/2025`), or one either side of it, that the
        # written weekdays (`ma 18.8.`) single out.
        named = {int(y.group(0)) for y in _YEAR_IN_TITLE.finditer(text[:20000])}
        agreeing = {y for n in named for y in (n - 1, n, n + 1) if _weekdays_agree(text, y)}
        return agreeing.pop() if len(agreeing) == 1 else None
    raw = m.group("y") or m.group("yymmdd")
    year = int(raw) if len(raw) == 4 else 2000 + int(raw)
    # Only a title number the written weekdays confirm counts (`Möte 171101` may be no date at all).
    return year if _weekdays_agree(text, year) is not False else None


def _yearless_date(text: str, head: str, ref: date | None) -> FoundDate | None:
    """The first day-and-month date of the head, its year taken from `ref` or elsewhere in the text."""
    if not _DAY_MONTH.search(head):
        return None
    year_only = False
    if ref is None:
        later = [d for d in find_dates(text[len(head) : 20000]) if d.has_year]
        if later:
            ref = later[0].value
        else:
            hinted = year_hint(text)
            if hinted is None:
                return None
            ref, year_only = date(hinted, 7, 1), True
    for d in find_dates(head, ref):
        phrase = head[d.start : d.end]
        if d.has_year or not (_DIGIT.search(phrase) and _DAY_MONTH.search(phrase)) or _about_other(head, d):
            continue
        if year_only and d.value.year != ref.year:
            try:
                d.value = d.value.replace(year=ref.year)
            except ValueError:
                continue
        return d
    return None


# A place stated in prose: `held by videoconference via Zoom`, `met at the Old School`, `pidettiin Teamsissa`.
_PROSE_PLACE = regex(
    r"\b(?:(?:was|were)\s+)?(?:held|took\s+place|met|convened|conducted|hosted)\s+"
    r"(?:(?:online|virtually|remotely|"
    r"by\s+(?:video\s*conference|video\s*call|teleconference|phone)|as\s+an?\s+(?:online|video|hybrid)\s+\w+)\s+)?"
    r"(?:via|on|over|using|in|at)\s+(?:the\s+)?"
    # (a month or a season is a when, no where: `a work party will be held in April`)
    r"(?!(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer"
    r"|autumn|winter)\b)"
    r"(?P<place>(?-i:[A-Z])[\w'’&.-]*"
    r"(?:[ \t]+(?:(?-i:[A-Z])[\w'’&.-]*|of|the|and|\d+\w?)){0,6}"
    r"(?:,[ \t]*(?-i:[A-Z])[\w'’.-]*(?:[ \t]+(?-i:[A-Z])[\w'’.-]*){0,3}){0,2})",
    re.IGNORECASE,
)
# A recurring schedule: `Every other Monday 15:00 UTC · Jitsi`, `Weekly, Thursdays 17:00 CET | Zoom`,
# `Kokoonnumme joka toinen tiistai klo 18 seuran tiloissa`.
_RECURRING = regex(
    # `_Biweekly, ..._` in Markdown emphasis: an underscore before the word is no letter.
    r"(?<![^\W_])(?:every|each|weekly|bi-?weekly|fortnightly|monthly|joka|jokainen|viikoittain|kuukausittain|"
    r"kahden\s+viikon\s+välein|varje|varannan|veckovis|månadsvis)\b",
    re.IGNORECASE,
)


@dataclass
class Schedule:
    """The time, zone and place of a recurring-schedule line."""

    start: str | None
    end: str | None
    timezone: str | None
    place: str | None


def schedule(text: str) -> Schedule | None:
    """The first recurring-schedule line with a time in `text` (`Every other Monday 15:00 UTC · Jitsi`)."""
    for line in text.splitlines():
        if len(line) > 160 or not _RECURRING.search(line):
            continue
        start, end = find_times(line)
        if start is None:
            continue
        place = None
        parts = [p.strip(" *_`#") for p in _SCHEDULE_SEPARATOR.split(line)]
        for part in parts[1:]:
            if part and not _DIGIT.search(part) and not _RECURRING.search(part) and len(part) <= 80:
                place = clean_place(part)
                break
        if place is None:
            loc = re.search(
                r"\d\s*(?:[ap]\.?m\.?)?(?:\s*\w+)?\s*(?:,|\bat\b|\bon\b|\bvia\b|\bin\b)\s+(?:the\s+)?"
                r"(?P<p>[A-ZÅÄÖ][^.\n]{1,60})",
                line,
            )
            place = clean_place(loc.group("p")) if loc else None
        return Schedule(start, end, stated_timezone(line), place)
    return None


_DATE_HEADING = regex(
    r"^[ \t]*(?:#{1,6}|={1,6}|\*\*)[ \t]*(?P<d>[^\n#=*]{6,40}?)[ \t]*[#=*]*[ \t]*$", re.MULTILINE
)


def _date_heading(text: str, h: Header) -> None:
    """A heading that is only a date (`## 2026-02-02`): the meeting's date in a running notes file."""
    for m in _DATE_HEADING.finditer(text):
        found = find_dates(m.group("d"))
        if (
            len(found) == 1
            and found[0].has_year
            and len(m.group("d").strip()) - (found[0].end - found[0].start) <= 4
        ):
            h.date = found[0].value
            h.settle(0.7, "a heading that is only a date")
            if h.start is None and found[0].start_time is not None:
                h.start, h.end = found[0].start_time, found[0].end_time
            return


_COMPACT_DATE = regex(r"(?<![\w.])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\w.])")


# `Styrelsemöte 220116`, `Protokoll styrelsemöte nr 3 170111`: Swedish writes a short date year first
_SIX_DIGITS = r"(?<![\w.])(?P<y>\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.])"
_SV_SIX_DIGIT_DATES = (
    regex(rf"(?i:{vocabulary.MEETING_SV}|protokoll)(?:\s+(?i:nr|#)\.?\s*\d{{1,3}})?[\s,:–-]+{_SIX_DIGITS}"),
    # with the Swedish clock word after it: `Plats, Lainio kapell 230501 kl 14.00`
    regex(rf"{_SIX_DIGITS}(?=\s+kl\.?\s*\d)"),
)


def _year_of_the_text(region: str, text: str, full_dates: list[FoundDate], h: Header) -> None:
    """`Protokoll 2009-06-02` over `möte nr 5, 2008-06-02`: the year the rest of the text names decides."""
    if h.date is None:
        return
    head = _lines_end(region, 5)
    same_day = {
        d.value
        for d in full_dates
        if d.start < head and (d.value.month, d.value.day) == (h.date.month, h.date.day)
    }
    if len(same_day) != 2:
        return
    rest = text[head:]
    counts = {d: len(re.findall(rf"(?<!\d){d.year}(?!\d)", rest)) for d in same_day}
    best = max(counts, key=lambda d: counts[d])
    if best != h.date and counts[best] > counts.get(h.date, 0):
        h.date = best
        h.warnings.append(f"meeting date: two years in the head; the text names {best.year}")


def _month_of_title(region: str, h: Header) -> None:
    """`March 2017 - Board Meeting` over `3/1/2017`: a title's month decides a day and month that can swap."""
    if h.date is None or h.date.day > 12 or h.date.day == h.date.month:
        return
    months = {
        (d.value.year, d.value.month)
        for d in find_dates(region[: _lines_end(region, 3)], periods=True)
        if d.precision == "month" and d.has_year
    }
    if len(months) == 1 and (h.date.year, h.date.day) in months:
        h.date = date(h.date.year, h.date.day, h.date.month)  # the month-first (US) reading


def _lines_end(region: str, n: int) -> int:
    """Where the first n lines of region end."""
    pos = 0
    for _ in range(n):
        nl = region.find("\n", pos)
        if nl < 0:
            return len(region)
        pos = nl + 1
    return pos


def _six_digit_title_date(region: str, h: Header) -> None:
    """A Swedish title's six-digit date (`Styrelsemöte 220116` is 16 January 2022), year first."""
    head = _lines_end(region, 6)
    m = _SV_SIX_DIGIT_DATES[0].search(region, 0, _lines_end(region, 3)) or _SV_SIX_DIGIT_DATES[1].search(
        region, 0, head
    )
    if m is None or find_dates(region[:head], date(2000, 1, 1)):
        return  # six digits are read every which way: a date in words near the title decides instead
    yy = int(m.group("y"))
    try:
        h.date = date((2000 if yy <= 70 else 1900) + yy, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return  # 31 February: not a date
    h.settle(0.65, "six-digit date in a Swedish title")
    line_end = region.find("\n", m.end())
    if h.start is None:
        # `230501 kl 14.00`: the clock time after the date is the meeting's
        h.start, h.end = find_times(region[m.end() : line_end if line_end >= 0 else None])


def _compact_title_date(region: str, h: Header) -> None:
    """`# Agenda & mötesanteckningar 20201210`: a date written as eight digits in the title line."""
    for line in region.splitlines()[:3]:
        m = _COMPACT_DATE.search(line)
        if m:
            h.date = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            h.settle(0.65, "eight-digit date in the title")
            return


# (also meeting again without the word: `Ensi kerralla tavataan 11.4. klo 18`, `will next meet on`)
_NEXT_MEETING = regex(rf"\b(?:{vocabulary.NEXT_MEETING})\b|{vocabulary.MEET_AGAIN}", re.IGNORECASE)
_TIME_RANGE = regex(
    r"(?<![\d.:])(?:klo\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}(?![\d.:]\d)|"
    r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?\b",
    re.IGNORECASE,
)
# After the date and time on the date line: the place (`..., 18:00–19:30, Boardroom 2`).
_PLACE_ON_DATE_LINE = regex(
    r"^[\s,]*(?:\((?:[A-Z]{2,5}|UTC[+-]\d{1,2}(?::?\d{2})?)\))?[\s,]*(?:(?:at|from|klo|kello|@)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[-–—]|to)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?"
    r"(?:\s*(?:UTC|GMT|\((?:[A-Z]{2,5}|UTC[+-]\d{1,2}(?::?\d{2})?)\)))?)?"
    r"\s*(?:,|\bat\b|\bin\b|[-–—]|\|)\s*(?:the\s+)?(?P<place>[A-ZÅÄÖ][^\n]{1,80}?)[\s.*_]*$",
    re.IGNORECASE,
)


# Before a date: it is another meeting's or a deadline (`the previous meeting on`, `by`, `edellisen`).
_ABOUT_OTHER = regex(
    r"\b(?:previous|last|deadline|by|until|edellise\w*)\b[^.\n]*$",
    re.IGNORECASE,
)
# Anywhere in its sentence: the date is part of a resolution (`... held on 2 April were approved`).
_RESOLUTION = regex(
    r"\b(?:approved|adopted|resolved|agreed|hyväksyttiin|hyväksytty|päätettiin|sovittiin|vahvistettiin)\b",
    re.IGNORECASE,
)


# a web page's own dates: `Posted on January 27, 2020`, `Julkaistu 3.2.2020`, `Publicerad`
_PUBLISHED = regex(
    r"\b(?:posted|published|last\s+updated|updated|julkaistu|päivitetty|publicerad|uppdaterad)(?:\s+on)?[\s:]*$",
    re.IGNORECASE,
)


def _about_other(text: str, d: FoundDate) -> bool:
    """Whether a date is about something other than this meeting: a resolution's or a deadline's."""
    start = max(text.rfind("\n", 0, d.start), text.rfind(". ", 0, d.start), text.rfind(") ", 0, d.start)) + 1
    # a text whose line breaks were lost has no sentence to stop at: read only near the date
    start = max(start, d.start - 200)
    ends = [e for e in (text.find("\n", d.end), text.find(". ", d.end)) if e >= 0]
    end = min(min(ends) if ends else len(text), d.end + 200)
    return bool(_ABOUT_OTHER.search(text[start : d.start]) or _RESOLUTION.search(text[start:end]))


def _event_time(text: str, rx: re.Pattern[str]) -> str | None:
    """The time where the meeting opens (or closes): `avasi kokouksen klo 9.07`, `Concluded: 8:49pm`."""
    for m in rx.finditer(text):
        tail = text[m.start() : m.end() + 30]
        tail = _SENTENCE_OR_PARAGRAPH_END.split(tail)[0]
        if _GARBLED_TIME.search(tail):
            continue  # a garbled time (`klo 12:` with its minutes lost) is no time
        start, _end = find_times(tail)
        if start is None:
            nxt = re.match(
                r"\s*:?\s*\n?\s*(\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm))", text[m.end() :], re.I
            )
            if nxt:
                start, _end = find_times(nxt.group(1))
        if start is not None:
            return start
    return None


def _place(labels: dict[str, str], region: str, full_dates: list[FoundDate]) -> str | None:
    for key in _PLACE_LABELS:
        if labels.get(key):
            return clean_place(labels[key])
    for key in _COMBINED_LABELS:
        if key not in labels:
            continue
        value = labels[key]
        found = find_dates(value)
        rest = value[found[-1].end :] if found else value
        rest = re.sub(
            r"\b(?:klo|kello|kl)\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?", "", rest
        )
        if found and not LETTER.search(rest):
            # the place before the date: `Kommunhuset, sammanträdesrum Ekan, tisdagen den 16 april 2024`
            rest = _TRAILING_WEEKDAY.sub("", value[: found[0].start])
        # An English time or range before the place: `6.30pm–8.15pm, Church Hall`.
        rest = re.sub(
            r"^[\s,]*(?:at|from)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?"
            r"(?:\s*(?:[-–—]|to)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?)?(?:\s*(?:UTC|GMT))?(?=[\s,]|$)",
            "",
            rest,
            flags=re.I,
        )
        return clean_place(rest)
    if full_dates:
        first = full_dates[0]
        line_end = region.find("\n", first.end)
        on_line = _PLACE_ON_DATE_LINE.match(region[first.end : line_end if line_end >= 0 else None])
        if (
            on_line
            and not find_dates(on_line.group("place"))
            and not _CLOCK_TIME.search(on_line.group("place"))
        ):
            return clean_place(on_line.group("place"))
    # A title line with the date and time, the place on the next line: `Hallituksen kokous 27.10.16 klo 18`.
    if full_dates:
        first = full_dates[0]
        line_end = region.find("\n", first.end)
        if line_end >= 0:
            nxt = region[line_end:].lstrip("\n").split("\n", 1)[0].strip()
            # Words capitalised; a room number may stand alone among them (`Room 3, Town Hall`).
            capitalised = all(t[:1].isupper() or _ROOM_NUMBER.fullmatch(t) for t in nxt.split())
            if (
                nxt
                and len(nxt) <= 60
                and not _NOT_A_PLACE.search(nxt)
                and _THREE_LETTERS.search(nxt)
                and 1 <= len(nxt.split()) <= 5
                and capitalised
                and not _LIST_OR_HEADING_START.match(nxt)
                and not is_roll_label_line(nxt)  # `Osallistujat` under the title opens the roll
            ):
                return clean_place(nxt)
    for stated in full_dates:
        # English prose: `... of Thursday January 29, 2009, at the Institute ...`.
        m = _AT_PLACE.match(region[stated.end :])
        if m:
            return clean_place(m.group(1))
    # Text whose line breaks were lost: `... Aika ja paikka: , Soihtu, Helsinki Paikalla: ...`.
    m = re.search(
        r"(?<=\s)(?:Aika ja paikka|Paikka|Kokouspaikka|Place|Location)\s*:\s*(?P<v>.*?)"
        r"(?=\s+(?:Paikalla|Läsnä|Osallistujat|Poissa|Aika|Present|Attendees|Participants)\s*:|\n|$)",
        region,
    )
    if m:
        value = m.group("v")
        found_in = find_dates(value)
        if found_in:
            value = value[found_in[-1].end :]
        value = re.sub(
            r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?", "", value
        )
        return clean_place(value)
    return None


_SKIP_GROUP_LINE = regex(
    r"^(?:koko:|download|aloita|transkriptio|kohteesta|loikkaa|\.\.|id:|\*\*pinned)|^\W*$"
    # Site navigation (`Etusivu › Seura › Pöytäkirjat`, `Home / Board / Minutes`) and wiki template
    # lines (`{{Pöytäkirja`, `|date=...`, `}}`) frame the page; they do not name the body.
    r"|[›»]|\S\s+(?:>|/|\|)\s+\S.*\s(?:>|/|\|)\s+\S|^(?:\{\{|\||\}\}|skip\s+to\b|siirry\s+sisältöön)"
    # A mail's address and date fields name people and times, never the body.
    r"|^(?:from|to|cc|bcc|reply-to|sent|lähettäjä|vastaanottaja|kopio|lähetetty)\s*:",
    re.IGNORECASE,
)
_META_LINE = regex(
    r"^(?:attendees|present|participants|apologies|regrets|agenda|osallistujat|osanottajat|läsnä|poissa|paikalla)\b",
    re.IGNORECASE,
)


def _strip_dates(s: str) -> str:
    for f in reversed(find_dates(s)):
        s = s[: f.start] + s[f.end :]
    s = _KLO_TIME.sub("", s)
    s = _TITLE_NOISE.sub("", s)
    return _SPACES.sub(" ", s).strip(" ,-–:")


# A mail's subject field names the notes: `Subject: Re: Fwd: Board meeting` -> `Board meeting`.
_SUBJECT = regex(r"^(?:subject|aihe)\s*:\s*(?:(?:re|fwd?|vs|vl|sv|aw)\s*:\s*)*", re.IGNORECASE)


# `Mark Lee (Council Chair)`, `Ann Hale (Rep) – left early`: a person and an office, a roll's line
_PERSON_LINE = regex(
    r"([A-ZÅÄÖ][\w'’-]+)(?:\s+[A-ZÅÄÖ][\w'’-]+){1,2}\s*\(([^()]{1,80})\)(?:\s*[–—-]\s*[\w ]{1,30})?"
)


_CHAT_LINE = regex(CHAT_STAMP + r"\s+(?:<|-\*-|\*\s)")
_ROLL_SENTENCE = regex(
    r"\b(?:olivat\s+läsnä|läsnä\s+olivat|paikalla\s+olivat|were\s+present|present\s+were|närvarande\s+var"
    r"|osallistuivat)\b",
    re.IGNORECASE,
)


def _group(region: str, place: str | None) -> str | None:
    """The body that met: the first title-like line (`Minutes of X` -> X, `X hallituksen` -> X hallitus)."""
    lines = [_SUBJECT.sub("", _HEADING_MARKUP.sub("", ln).strip()) for ln in region.splitlines()]
    lines = [
        ln
        for ln in lines
        if ln and not _RULE_LINE.fullmatch(ln) and not _SKIP_GROUP_LINE.search(ln) and ln != place
    ]
    for k, ln in enumerate(lines[:5]):
        # a roll's heading (`In Attendance`) starts the list: no body's name below it
        if _LABEL.match(ln) or _META_LINE.match(ln) or is_roll_label_line(ln) or _ROLL_SENTENCE.search(ln):
            break  # (`Kokouksessa olivat läsnä A, B ja C.`: the roll in a sentence, no body's name)
        if _CHAT_LINE.match(ln):
            continue  # `[21:00:20] -*- arthurzam proxies mattst88`: a line said in a chat, no title
        m = re.match(
            r"^(?:(?:minutes|pöytäkirja|muistio)\s+(?:of|from|for)\s+(?:the\s+)?(?:(?:\w+\s+)?meeting\s+of\s+"
            r"(?:the\s+)?)?|(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?)(.+)$",
            ln,
            re.I,
        )
        if m:
            name = re.sub(r"\s+(?:meeting|kokous)\b.*$", "", _strip_dates(m.group(1)), flags=re.I)
            return name or None
        if _GENERIC_TITLE.match(ln) and k + 1 < len(lines):
            nxt = lines[k + 1]
            if (
                not _LABEL.match(nxt)
                and not _META_LINE.match(nxt)
                and not _ROLL_SENTENCE.search(nxt)
                and len(nxt) < 100
            ):
                return _body_name(_strip_dates(nxt)) or None
        name = _strip_dates(ln)
        if _GENERIC_BODY_NAME.fullmatch(_body_name(name)):
            continue
        person = _PERSON_LINE.fullmatch(name)
        if (
            person and (is_given_name(person.group(1)) or names_office(person.group(2)))
        ) or is_initials_legend(name):
            continue  # `Mark Lee (Council Chair)`, `Kay Hart: KH`: a roll's first line (a page cut above it)
        # `Piraattinuoret ry` above `Hallituksen kokous #1`: the board of that association.
        if (
            k + 1 < len(lines)
            and re.search(r"\b(?:ry|r\.y\.|rp|r\.p\.|oy|ab)$", name, re.I)
            and re.match(r"^hallituksen\s+kokous", lines[k + 1], re.I)
        ):
            return f"{name}:n hallitus"
        if name and len(name) < 100:
            return _body_name(name)
    return None


def _body_name(s: str) -> str:
    """`Jongun alueen kyläyhdistyksen hallituksen kokous` -> `Jongun alueen kyläyhdistyksen hallitus`."""
    s = re.sub(r"\s+(?:minutes|pöytäkirja|muistio|sivu\s+\d)\b.*$", "", s.strip(), flags=re.I)
    s = re.sub(r"[\s,]+(?:kokous|meeting)$", "", s.strip(), flags=re.I).strip(" ,-–:")
    return _BOARD_GENITIVE.sub("hallitus", s)
