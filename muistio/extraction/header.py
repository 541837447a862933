"""The meeting itself: the body that met, date, start and end time, place (labels, titles, front matter)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from muistio import dates as _dates

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
    ref_dt = datetime.combine(ref or date(2000, 1, 1), time(12, 0))
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
        has_year = re.search(r"(?<!\d)\d{4}(?!\d)", phrase) is not None or (
            w.year_given and re.search(r"\d\.\d{1,2}\.\d{2}(?!\d)", phrase) is not None
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


def find_times(s: str) -> tuple[str | None, str | None]:
    """The first time or time range in `s` that is not part of a date, as ('HH:MM', 'HH:MM' | None)."""
    for f in find_dates(s):
        s = s[: f.start] + " " * (f.end - f.start) + s[f.end :]
    # A log timestamp `16:00:03` is 16:00; its `00:03` is never a time.
    s = re.sub(r"\b(\d{1,2}:\d{2}):\d{2}\b", lambda m: m.group(1) + "   ", s)
    found = _dates.parse_time_range(s)
    if found is None:
        return None, None
    start, end = found
    return start.strftime("%H:%M"), end.strftime("%H:%M") if end else None


# --- the header -------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*|:)?(?:\*\*|'{2,3})?(?P<label>aika ja paikka|time and place|date and place|"
    r"date, time and place|kokousaika|aika|päivämäärä|pvm|ajankohta|"
    r"date and time|date|time|when|datum|tid|kokouspaikka|paikka|place|location|venue|where|plats)"
    r"(?:\*\*|'{2,3})?(?:[ \t]*:[ \t]*|[ \t]{2,}|\t)(?:\*\*|'{2,3})?(?P<value>.*?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_OPENED = re.compile(
    r"(?:avasi\s+(?:kokouksen|istunnon)|avattiin|avataan\s+kokous|avatiin\s+kokous|kokous\s+avattiin|"
    r"opened\s+the\s+meeting|meeting\s+(?:was\s+)?(?:opened|started|called\s+to\s+order)|"
    r"(?:attempted\s+to\s+)?commence[ds]?|called\s+to\s+order)[^.\n]{0,40}?",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"(?:päätti\s+kokouksen|päätettiin\s+kokous|kokous\s+päätettiin|kokous\s+päättyi|päätti\s+istunnon|"
    r"closed\s+the\s+meeting|meeting\s+(?:was\s+)?(?:closed|adjourned|ended)|adjourned|concluded)[^.\n]{0,40}?",
    re.IGNORECASE,
)
# The MeetBot opening and closing lines: `Meeting started Tue Mar 12 16:00:03 2024 UTC`.
_MEETBOT = re.compile(
    r"Meeting (?P<what>started|ended) (?:[A-Z][a-z]{2} )?(?P<mon>[A-Z][a-z]{2}) +(?P<d>\d{1,2}) "
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})? (?P<y>\d{4})(?: (?P<tz>UTC|GMT))?"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_UTC = re.compile(r"\d\s*(?:\(\s*)?\b(?:UTC|GMT)\b(?!\s*[+-]\s*\d)")


def stated_timezone(s: str) -> str | None:
    """'UTC' when a time in `s` is given in UTC/GMT without an offset (`16:00 UTC`); else None."""
    return "UTC" if _UTC.search(s) else None


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
            h.timezone = "UTC" if m.group("tz") else h.timezone
        elif m.group("what") == "ended" and found and day == h.date:
            h.end = hhmm
    return found


_FRONT_MATTER = re.compile(r"\A(?:---\n)?(?:[a-z_]+:[^\n]*\n){3,}", re.IGNORECASE)
_GENERIC_TITLE = re.compile(
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


def clean_place(place: str) -> str | None:
    """A place as written, with Markdown links and emphasis removed and its parts comma-separated."""
    p = re.sub(
        r"\[([^\]]*)\]\(([^)]*)\)", lambda m: m.group(2) if m.group(1) == m.group(2) else m.group(1), place
    )
    p = re.sub(r"[*_`]", "", p)
    # A room designation after a street address is its own part: `Helsinki nh Loppupeli`.
    p = re.sub(
        r"(?<=[\w.])(?<!n)\s+(?=(?:nh|neuvotteluhuone|kokoushuone|huone|sali|room|rm\.?)\s)",
        ", ",
        p,
        flags=re.I,
    )
    p = re.sub(r"\s+", " ", p).strip(" ,.;")
    return p or None


def _first_lines(text: str, n: int) -> list[str]:
    return [ln for ln in text.splitlines()[:n]]


def read_header(text: str, header_end: int) -> Header:
    """Read group, date, times and place from the head of the minutes."""
    h = Header()
    if _meetbot_times(text[:20000], h):
        sm = re.search(r"#startmeeting[ \t]+([^\n]+)", text)
        title = sm.group(1) if sm else ""
        name = re.sub(r"(?i)\s+(?:(?:weekly|monthly|bi-?weekly)\s+)?meeting\s*$", "", title)
        h.group = name.strip() or _group(text[:2000], None)
        return h
    region = text[: max(header_end, 0)] if header_end > 40 else text[:2000]
    if len(region) > 6000:
        region = region[:6000]
    fm = _FRONT_MATTER.match(region)
    fm_date: FoundDate | None = None
    if fm:
        dm = re.search(r"^date:\s*(.+)$", fm.group(0), re.I | re.M)
        if dm:
            found = find_dates(dm.group(1))
            fm_date = found[0] if found else None
        body_region = region[fm.end() :]
    else:
        body_region = region
    labels: dict[str, str] = {}
    for m in _LABEL.finditer(body_region):
        key = m.group("label").lower()
        labels.setdefault(key, m.group("value"))
    when_value = next(
        (
            labels[k]
            for k in (
                "aika",
                "kokousaika",
                "päivämäärä",
                "pvm",
                "ajankohta",
                "date and time",
                "date",
                "when",
                "datum",
                "aika ja paikka",
                "date, time and place",
                "date and place",
                "time and place",
            )
            if k in labels
        ),
        None,
    )
    # Dates from where the head turns to the next meeting on are that meeting's, not this one's.
    nxt = _NEXT_MEETING.search(body_region)
    cut = nxt.start() if nxt else len(body_region)
    all_dates = [d for d in find_dates(body_region) if d.start < cut]
    full_dates = [d for d in all_dates if d.has_year]
    ref = full_dates[0].value if full_dates else (fm_date.value if fm_date else None)
    if when_value is not None:
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
            h.start, h.end = chosen.start_time, chosen.end_time
        if h.start is None:
            h.start, h.end = find_times(when_value)
        if h.start is not None:
            h.timezone = stated_timezone(when_value)
    for key in ("time", "time and place", "date and place", "date, time and place", "aika ja paikka"):
        if h.start is None and key in labels:
            h.start, h.end = find_times(labels[key])
            if h.start is not None:
                h.timezone = stated_timezone(labels[key])
    if h.date is None:
        # A date inside a resolution or about another meeting (`the minutes of the meeting held on
        # 10 May were approved`, `maksetaan 31.5.2024 mennessä`) is not this meeting's date.
        own = [d for d in full_dates if not _about_other(body_region, d)]
        own = own or full_dates
        candidates = own or ([fm_date] if fm_date else [])
        if candidates:
            first = candidates[0]
            h.date = first.value
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
                    if re.match(r"^[\s,]*(?:klo|kello|at|@)?\s*\d", rest, re.I):
                        h.start, h.end = find_times(rest[:30])
    if h.start is None:
        # A head line holding a time range only (`*Video call, 19:30–20:15.*`, `<b>klo 18–20</b>`).
        for line in body_region[:cut].splitlines()[:15]:
            if len(line) <= 120 and _TIME_RANGE.search(line) and not _LABEL.match(line):
                h.start, h.end = find_times(line)
                if h.start is not None:
                    h.timezone = stated_timezone(line)
                    break
    # Opening and closing times stand in for a missing scheduled time.
    if h.start is None:
        h.start = _event_time(text, _OPENED)
    if h.end is None:
        h.end = _event_time(text, _CLOSED)
    h.place = _place(labels, body_region, full_dates)
    h.group = _group(body_region, h.place)
    return h


_NEXT_MEETING = re.compile(
    r"\b(?:seuraava\w*\s+(?:\w+\s+)?(?:kokous|kokouksen|tapaaminen|palaveri)\w*|"
    r"next\s+(?:[\w'’-]+\s+){0,2}(?:meeting|call|telecon|session)|nästa\s+möte)\b",
    re.IGNORECASE,
)
_TIME_RANGE = re.compile(
    r"(?<![\d.:])(?:klo\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[-–—]|to)\s*\d{1,2}[:.]\d{2}(?![\d.:]\d)|"
    r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?\b",
    re.IGNORECASE,
)
# After the date and time on the date line: the place (`..., 18:00–19:30, Boardroom 2`).
_PLACE_ON_DATE_LINE = re.compile(
    r"^[\s,]*(?:(?:at|from|klo|kello|@)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[-–—]|to)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?(?:\s*(?:UTC|GMT))?)?"
    r"\s*(?:,|\bat\b|\bin\b|[-–—]|\|)\s*(?:the\s+)?(?P<place>[A-ZÅÄÖ][^\n]{1,80}?)[\s.*_]*$",
    re.IGNORECASE,
)


# Before a date: it is another meeting's or a deadline (`the previous meeting on`, `by`, `edellisen`).
_ABOUT_OTHER = re.compile(
    r"\b(?:previous|last|deadline|by|until|edellise\w*)\b[^.\n]*$",
    re.IGNORECASE,
)
# Anywhere in its sentence: the date is part of a resolution (`... held on 2 April were approved`).
_RESOLUTION = re.compile(
    r"\b(?:approved|adopted|resolved|agreed|hyväksyttiin|hyväksytty|päätettiin|sovittiin|vahvistettiin)\b",
    re.IGNORECASE,
)


def _about_other(text: str, d: FoundDate) -> bool:
    """Whether a date is about something other than this meeting: a resolution's or a deadline's."""
    start = max(text.rfind("\n", 0, d.start), text.rfind(". ", 0, d.start)) + 1
    ends = [e for e in (text.find("\n", d.end), text.find(". ", d.end)) if e >= 0]
    end = min(ends) if ends else len(text)
    return bool(_ABOUT_OTHER.search(text[start : d.start]) or _RESOLUTION.search(text[start:end]))


def _event_time(text: str, rx: re.Pattern[str]) -> str | None:
    """The time where the meeting opens (or closes): `avasi kokouksen klo 9.07`, `Concluded: 8:49pm`."""
    for m in rx.finditer(text):
        tail = text[m.start() : m.end() + 30]
        tail = re.split(r"(?<=[^\d\s])\.\s|\n\s*\n", tail)[0]
        if re.search(r"\d{1,2}:(?!\d)", tail):
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
    for key in ("paikka", "kokouspaikka", "place", "location", "venue", "where", "plats"):
        if labels.get(key):
            return clean_place(labels[key])
    for key in ("aika ja paikka", "date, time and place", "date and place", "time and place"):
        if key not in labels:
            continue
        value = labels[key]
        found = find_dates(value)
        rest = value[found[-1].end :] if found else value
        rest = re.sub(
            r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?", "", rest
        )
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
            and not re.search(r"\d:\d", on_line.group("place"))
        ):
            return clean_place(on_line.group("place"))
    # A title line with the date and time, the place on the next line: `Hallituksen kokous 27.10.16 klo 18`.
    if full_dates:
        first = full_dates[0]
        line_end = region.find("\n", first.end)
        if line_end >= 0:
            nxt = region[line_end:].lstrip("\n").split("\n", 1)[0].strip()
            capitalised = all(t[:1].isupper() for t in nxt.split())
            if (
                nxt
                and len(nxt) <= 60
                and not re.search(r"\d|:", nxt)
                and 1 <= len(nxt.split()) <= 5
                and capitalised
                and not re.match(r"^(?:#|\d|[-*•])", nxt)
            ):
                return clean_place(nxt)
    for stated in full_dates:
        # English prose: `... of Thursday January 29, 2009, at the Institute ...`.
        m = re.match(r",?\s+(?:at|in)\s+(?:the\s+)?([A-Z][^.\n]{2,120})", region[stated.end :])
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


_SKIP_GROUP_LINE = re.compile(
    r"^(?:koko:|download|aloita|transkriptio|kohteesta|loikkaa|\.\.|id:|\*\*pinned)|^\W*$", re.IGNORECASE
)
_META_LINE = re.compile(
    r"^(?:attendees|present|participants|apologies|regrets|agenda|osallistujat|läsnä|poissa|paikalla)\b",
    re.IGNORECASE,
)


def _strip_dates(s: str) -> str:
    for f in reversed(find_dates(s)):
        s = s[: f.start] + s[f.end :]
    s = re.sub(r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?", "", s)
    s = re.sub(r"\(\s*(?:GMT|UTC)[^)]*\)|\b\d+(?:st|nd|rd|th)\b|#\d+|\(\s*\)", "", s)
    return re.sub(r"\s+", " ", s).strip(" ,-–:")


def _group(region: str, place: str | None) -> str | None:
    """The body that met: the first title-like line (`Minutes of X` -> X, `X hallituksen` -> X hallitus)."""
    lines = [re.sub(r"^[#=\s]+|[#=\s]+$", "", ln).strip() for ln in region.splitlines()]
    lines = [
        ln
        for ln in lines
        if ln and not re.fullmatch(r"[-=~^*_.]+", ln) and not _SKIP_GROUP_LINE.match(ln) and ln != place
    ]
    for k, ln in enumerate(lines[:5]):
        if _LABEL.match(ln) or _META_LINE.match(ln):
            break
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
            if not _LABEL.match(nxt) and not _META_LINE.match(nxt) and len(nxt) < 100:
                return _body_name(_strip_dates(nxt)) or None
        name = _strip_dates(ln)
        if re.fullmatch(r"(?i)(?:hallitu(?:ksen|s)|kokous|pöytäkirja|muistio|minutes)?", _body_name(name)):
            continue
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
    return re.sub(r"\bhallituksen$", "hallitus", s)
