"""Due dates: the deadline phrase of a task, resolved against the meeting (and next meeting) date."""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, time, timedelta

from muistio.contract import Due
from muistio.extraction.actions.common import (
    _DEADLINE_LEAD,
    _FOR_PERIOD,
    _SPACES,
    _WORD_FINAL_DOT,
    _Item,
)
from muistio.extraction.parts import ExtractionContext
from muistio.extraction.sentences import Sentence, sentences
from muistio.patterns import regex

_LABEL_LEAD = regex(r"[\s\-*•(\[]*")


# what may follow an owner label on a label line: a schedule ('aikataulu 7.3. mennessä', 'deadline 7 May')
_SCHEDULE_TAIL = regex(
    r"[\s,;.–—)\]-]*(?:(?:aikataulu\w*|määräai\w*|takaraja\w*|deadline|due(?:\s+date)?|by|target(?:\s+date)?"
    r"|schedule|valmi\w*|viimeistään|mennessä)\b(?:[^.;\n]|\.(?!\s*(?:(?-i:[A-ZÅÄÖ])|$)))*)?[\s.;)\]]*",
    re.I,
)


def _following(sents: list[Sentence], s: Sentence) -> Sentence | None:
    """The sentence after s in the same paragraph, if any."""
    i = bisect.bisect_right([x.start for x in sents], s.start)
    return sents[i] if i < len(sents) and sents[i].block.index == s.block.index else None


# a sentence that states a deadline ('Ilmoittautuminen on tehtävä 20.3. mennessä', 'Registration closes ...')
_DEADLINE_CUE = regex(
    # (and a timing stated on its own: 'Toteutus tammikuussa 2026.', 'Aikataulu: huhtikuu')
    r"\b(?:mennessä|viimeistään|määräai\w*|takaraja\w*|deadline|due|by|closes?|no\s+later\s+than|toteutus"
    r"|aikataulu)\b",
    re.I,
)


_TIMED = regex(
    r"(?=[mvlkdtbn])\b(?:mennessä|viimeistään|loppuun|kuluessa|määräai\w*|takaraja\w*|deadline|by|no\s+later\s+than)\b",
    re.I,
)


_STEM_WORD = regex(r"[^\W\d_]{5,}")


def _about_same_task(task: str, deadline: str) -> bool:
    """Whether a deadline sentence is about the task: a shared word stem, or a bare deadline statement."""
    if _DEADLINE_LEAD.match(deadline):
        return True
    stems = {w.lower()[:5] for w in _STEM_WORD.findall(task)}
    return any(w.lower()[:5] in stems for w in _STEM_WORD.findall(deadline))


def _previous(sents: list[Sentence], s: Sentence) -> Sentence | None:
    """The sentence just before s, if any."""
    i = bisect.bisect_left([x.start for x in sents], s.start)
    return sents[i - 1] if i > 0 else None


def _adjacent(sents: list[Sentence], a: Sentence, b: Sentence) -> bool:
    """Whether sentence b directly follows sentence a (nothing but whitespace between)."""
    idx = {(x.start, x.end): i for i, x in enumerate(sents)}
    ia = idx.get((a.start, a.end))
    ib = next((i for i, x in enumerate(sents) if x.end == b.end), None)
    return ia is not None and ib is not None and ib == ia + 1


def _parent_bullet(masked: str, sents: list[Sentence], s: Sentence) -> str | None:
    """The text of the nearest earlier bullet indented less than this sentence's bullet."""
    for p in reversed([x for x in sents if x.end <= s.start]):
        if p.block.bullet and p.block.indent < s.block.indent:
            return masked[p.start : p.end]
    return None


def _due(ctx: ExtractionContext, item: _Item, own_clause_only: bool = False) -> Due | None:
    """The due date from the dates in the item's clause (else its sentence): the period's last day."""
    if ctx.meeting_date is None:
        return None
    try:
        from muistio import dates
    except ImportError:  # the date grammar is another stage; without it there are no due dates
        return None
    ref = datetime.combine(ctx.meeting_date, time(12, 0))
    spans = [(item.start, item.end)]
    if item.sentence is not None and not own_clause_only:
        spans.append((item.sentence.start, item.sentence.end))
    for a, b in dict.fromkeys(spans):  # the item is often its whole sentence: scan it once
        seg = ctx.text[a:b]
        before = _before_event_due(ctx, item, a, b, ref) or _event_anchor_due(ctx, a, b, ref)
        if before is not None:
            return before
        event = _month_event_due(seg, ctx.meeting_date, ctx.next_meeting_date)
        found = dates.scan(seg, ref, ctx.language, ctx.next_meeting_date, prefer_future=True)
        if event and not found:
            return event
        found = [
            f
            for f in found
            if f.when.relation not in {"since", "from"} and not _FOR_PERIOD.search(seg, 0, f.start)
        ]
        rel = _REL_CLAUSE.search(seg)
        if rel:
            # '..., jossa pyydetään korjaamaan aidat 15. päivään mennessä': someone else's deadline
            found = [f for f in found if not rel.start() <= f.start < rel.end()]
        # 'Edellisen kuukauden talousseuranta': a period before the meeting qualifies, it sets no deadline
        found = [f for f in found if (due := dates.due_of(f.when)[0]) is None or due >= ctx.meeting_date]
        if not found:
            continue
        by = [f for f in found if f.when.relation in {"by", "before", "until"}]
        f = (by or found)[0]
        d, precision = dates.due_of(f.when)
        if d is None:
            continue
        if precision not in {"day", "week", "month", "season", "half_year", "year", "meeting"}:
            precision = "day"
        phrase = _WORD_FINAL_DOT.sub("", seg[f.start : f.end])  # 'in April.' -> 'in April'
        return Due(date=d.isoformat(), precision=precision, phrase=phrase)  # type: ignore[arg-type]
    # '| Update risk register | CD | July |', 'Due: July': a month alone in a due cell or after a due label
    # (a table's due cell comes alone)
    span = ctx.text[item.start : item.end]
    cell = _MONTH_CELL.search(ctx.text, item.start, item.end) if "|" in span or ":" in span else None
    word = cell.group("m") if cell else span.strip(" \t.")
    month = dates.month_named(word) if len(word) <= 12 else None
    if month is not None:
        end = dates.month_end_after(month, ctx.meeting_date)
        return Due(date=end.isoformat(), precision="month", phrase=word)
    return None


_MONTH_CELL = regex(
    r"(?:\|[ \t]*|(?i:due|deadline|määräaika|senast|klart)[ \t]*:[ \t]*)"
    r"(?P<m>[A-Za-zÅÄÖåäö]{3,12})\.?[ \t]*(?:\||$)",
    re.MULTILINE,
)


_REL_CLAUSE = regex(
    r",\s*(?:jossa|jolla|joka|jotka|jonka|joita|joissa|joille|jolle|which|who|whose|where|in\s+which)\b[^,;]*",
    re.I,
)


_COUNT = {
    "yksi": 1, "yhden": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7,
    "kahdeksan": 8, "kymmenen": 10, "pari": 2, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10, "a couple of": 2,
}  # fmt: skip


_BEFORE_EVENT = regex(
    r"(?<!\w)(?:(?P<n>\d{1,3}|" + "|".join(sorted(_COUNT, key=len, reverse=True)) + r")\s+)?"
    r"(?P<u>päivää|vuorokautta|viikkoa|viikko|kuukautta|days?|weeks?|months?)\s+"
    r"(?:ennen|before|prior\s+to|ahead\s+of)\s+(?:the\s+|this\s+)?(?P<ev>[\wåäöÅÄÖ-]+)",
    re.I,
)


# an event set for a day: `Pidetään yleinen kokous la 4.7.`, `The fair will be held on 5 June`, `hålls`
_SCHEDULES = regex(
    r"\b(?:pidetään|järjestetään|will\s+be\s+held|is\s+to\s+be\s+held|will\s+take\s+place|takes\s+place"
    r"|hålls|äger\s+rum|anordnas|arrangeras)\b",
    re.I,
)


# what is done to get an event ready: coffee, the invitation, the notice, the hall
# (not the verbs of any work, 'valmistelee', 'prepares': what only an event needs)
_PREPARATION = regex(
    r"kahvi|tarjoil|ilmoitu|kutsu|esityslist|juliste|mainos|fika|kaffe|kallelse|inbjud|annons"
    r"|dagordning|invitation|notice|agenda|refreshment|advertis|poster|flyer",
    re.I,
)


def _prepares(task: str, event: str) -> bool:
    """Whether a task is work for the event: a word of getting ready, or a word stem the two share.

    Unlike `_about_same_task` the stem may stand inside a compound (`talkookahvi` under `Syystalkoot`).
    """
    if _PREPARATION.search(task):
        return True
    low_task, low_event = task.lower(), event.lower()
    return any(w.lower()[:5] in low_event for w in _STEM_WORD.findall(task)) or any(
        w.lower()[:5] in low_task for w in _STEM_WORD.findall(event)
    )


def event_before_due(ctx: ExtractionContext, item: _Item) -> Due | None:
    """A named task after the sentence that sets an event's day, in the same paragraph, is due by that day.

    `Pidetään yleinen kokous la 4.7. Työllistetyt laittavat kahvit valmiiksi. Ella laittaa ilmoituksen.`,
    `Nästa möte onsd 8/3. Emma fixar fika.`: what is prepared for the event, the next meeting among them.
    One day date in that sentence, not before the meeting, and no other date between; else no due date.
    """
    s = item.sentence
    if s is None or not item.owners or ctx.meeting_date is None:
        return None
    from muistio import dates

    ref = datetime.combine(ctx.meeting_date, time(12, 0))
    nm = ctx.next_meeting_span
    own = ctx.text[s.start : s.end]
    if dates.scan(own, ref, ctx.language, ctx.next_meeting_date):
        return None  # a date of its own, read or not, is the task's business, not the event's
    for prev in reversed(sentences(ctx.text, s.block.start, s.start)[-3:]):
        day: date | None = None
        prev_text = ctx.text[prev.start : prev.end]
        if not _prepares(item.text, prev_text):
            continue
        if nm is not None and ctx.next_meeting_date is not None and prev.start < nm[1] and nm[0] < prev.end:
            day = ctx.next_meeting_date
        else:
            found = {
                dates.due_of(f.when) for f in dates.scan(prev_text, ref, ctx.language, ctx.next_meeting_date)
            }
            if not found:
                continue  # another task of the same preparations: look further back
            if len(found) == 1 and _SCHEDULES.search(ctx.text, prev.start, prev.end):
                d, precision = found.pop()
                day = d if precision == "day" else None
        if day is None or day < ctx.meeting_date:
            return None
        phrase = _SPACES.sub(" ", prev_text)
        return Due(date=day.isoformat(), precision="day", phrase=phrase)
    return None


def _before_event_due(ctx: ExtractionContext, item: _Item, a: int, b: int, ref: datetime) -> Due | None:
    """'kaksi viikkoa ennen tapahtumaa', 'two weeks before the fair': counted back from the event's date.

    The event's date is the day date the same paragraph states (else the one day date the section
    states); with none, or several in the section, there is no due date (no guess).
    """
    m = _BEFORE_EVENT.search(ctx.text, a, b)
    if m is None or (m.group("ev").lower() in {"seuraavaa", "next", "kokousta", "meeting"}):
        return None
    from muistio import dates

    def day_dates(lo: int, hi: int) -> list[date]:
        out = []
        for f in dates.scan(ctx.text[lo:hi], ref, ctx.language, ctx.next_meeting_date, prefer_future=True):
            if lo + f.end <= m.start() or lo + f.start >= m.end():
                d, prec = dates.due_of(f.when)
                if d is not None and prec == "day" and f.when.start is not None:
                    start = f.when.start
                    out.append(start.date() if isinstance(start, datetime) else start)
        return sorted(set(out))

    found: list[date] = []
    if item.sentence is not None:
        blk = item.sentence.block
        found = day_dates(blk.start, blk.end)
    if not found and item.section is not None:
        found = day_dates(item.section.start, item.section.end)
    if len(found) != 1:
        return None
    raw = (m.group("n") or "").lower()
    n = int(raw) if raw.isdigit() else _COUNT.get(_SPACES.sub(" ", raw), 1)
    unit = m.group("u").lower()
    if unit.startswith(("viik", "week")):
        due = found[0] - timedelta(weeks=n)
    elif unit.startswith(("kuuk", "month")):
        mo = found[0].month - n
        y, mo = found[0].year + (mo - 1) // 12, (mo - 1) % 12 + 1
        due = found[0].replace(year=y, month=mo, day=min(found[0].day, 28))
    else:
        due = found[0] - timedelta(days=n)
    return Due(date=due.isoformat(), precision="day", phrase=m.group())


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "maanantaina": 0, "tiistaina": 1, "keskiviikkona": 2, "torstaina": 3, "perjantaina": 4,
    "lauantaina": 5, "sunnuntaina": 6,
}  # fmt: skip


_EVENT_ANCHOR = regex(
    r"(?:\b(?:on\s+)?(?:the\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\s+)?"
    r"\b(?:ennen|before|prior\s+to|ahead\s+of)\s+(?:the\s+|this\s+|our\s+)?(?P<ev>[a-zåäö][\wåäö-]{2,})",
    re.I,
)


_NOT_EVENTS = regex(
    r"^(?:seuraava|next|kokous|meeting|kuun|month|vuoden|year|viikon|week|end|loppu|deadline|määräa"
    r"|then|that|this|tomorrow|huomen|joulu|juhannu|christmas|easter|pääsiäi)",
    re.I,
)


def _event_anchor_due(ctx: ExtractionContext, a: int, b: int, ref: datetime) -> Due | None:
    """'ennen kesäjuhlaa', 'on the Friday before the fair': the event's date as the text states it elsewhere.

    The event's date is the one day date on the lines naming the event (by the first letters of the
    word, so inflected forms count); none or several: no due date (no guess).
    """
    m = _EVENT_ANCHOR.search(ctx.text, a, b)
    if m is None or _NOT_EVENTS.match(m.group("ev")):
        return None
    from muistio import dates

    ev = m.group("ev").lower()
    stem = ev[: max(4, len(ev) - 3)]
    low = ctx.text.lower()
    found: set[date] = set()
    pos = low.find(stem)
    while pos >= 0:
        if not m.start() <= pos < m.end():
            ls = low.rfind("\n", 0, pos) + 1
            le = low.find("\n", pos)
            le = len(low) if le < 0 else le
            for f in dates.scan(ctx.text[ls:le], ref, ctx.language, ctx.next_meeting_date):
                d, prec = dates.due_of(f.when)
                if d is not None and prec == "day" and f.when.relation not in {"by", "until"}:
                    found.add(d)
            pos = low.find(stem, le)
        else:
            pos = low.find(stem, pos + 1)
    if len(found) != 1:
        return None
    day = found.pop()
    if m.group("wd"):
        back = (day.weekday() - _WEEKDAYS[m.group("wd").lower()]) % 7 or 7
        day = day - timedelta(days=back)
    return Due(date=day.isoformat(), precision="day", phrase=m.group().strip())


_MONTHS_FI = (
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
)


_MONTHS_EN = tuple(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


_MONTHS_SV = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


_MONTH_EVENT = regex(
    r"\b(?P<fi>" + "|".join(_MONTHS_FI) + r")kuun\s+[a-zåäö]+(?:[aeiouyäö]n|h[aeiouyäö]n|seen|siin)\b"
    # Swedish compounds: 'till majmötet', 'inför septembersammanträdet'
    r"|\b(?:till|inför|på|före)\s+(?P<sv>"
    + "|".join(_MONTHS_SV)
    + r")(?:styrelse)?(?:möte|mötet|sammanträdet)\b"
    r"|\b(?:at|for|to|by|before)\s+the\s+(?P<en>"
    + "|".join(_MONTHS_EN)
    + r")\s+(?:meeting|session|seminar|board"
    r"|event|workshop|conference)\b",
    re.I,
)


def _month_event_due(seg: str, meeting: date, next_meeting: date | None = None) -> Due | None:
    """'elokuun kokoukseen' / 'for the June seminar': an event named by its month -> that month's end.

    A meeting named by the month the next meeting falls in ('to the May meeting') is the next meeting.
    """
    m = _MONTH_EVENT.search(seg)
    if not m:
        return None
    if m.group("fi"):
        month = _MONTHS_FI.index(m.group("fi").lower()) + 1
    elif m.group("sv"):
        month = _MONTHS_SV.index(m.group("sv").lower()) + 1
    else:
        month = _MONTHS_EN.index(m.group("en").lower()) + 1
    if (
        next_meeting is not None
        and next_meeting.month == month
        and next_meeting > meeting
        and re.search(r"kokou|meeting|session|board|möte|sammanträde", m.group(), re.I)
    ):
        return Due(date=next_meeting.isoformat(), precision="day", phrase=m.group())
    year = meeting.year + (1 if month < meeting.month else 0)
    last = date(year + (month == 12), month % 12 + 1, 1) - date.resolution
    return Due(date=last.isoformat(), precision="month", phrase=m.group())
