"""Turn one read minutes document into the extraction contract (structure, people, decisions, actions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from muistio.contract import (
    ActionEntry,
    AgendaEntry,
    Extraction,
    Participant,
    Source,
    WhenWhere,
)
from muistio.document import Document
from muistio.extraction.actions import find_action_items
from muistio.extraction.decisions import find_decisions
from muistio.extraction.header import Header, read_header
from muistio.extraction.language import detect_language
from muistio.extraction.next_meeting import locate_next_meeting
from muistio.extraction.participants import find_participants, has_roll_label
from muistio.extraction.parts import ExtractionContext, Section
from muistio.extraction.segment import first_memo_end, segment
from muistio.morphology import Morphology
from muistio.patterns import regex

__all__ = ["extract"]

_FORMATS = {"txt", "md", "pdf", "docx", "html", "tex"}
_WORD = regex(r"\w+")


def _action_finder() -> Callable[[ExtractionContext, Morphology | None], list[ActionEntry]] | None:
    """The action-item stage; a seam bench/extraction.py replaces to time the other stages alone."""
    return find_action_items


def extract(
    doc: Document,
    *,
    timezone: str = "Europe/Helsinki",
    min_confidence: float = 0.5,
    morphology: Morphology | None = None,
) -> Extraction:
    """Read everything the minutes say; `morphology` (None: libvoikko when installed) helps the actions."""
    # a file of several meetings' memos (a year's page, newest first): this meeting's is the first
    text = doc.text[: first_memo_end(doc.text)]
    language = detect_language(text)
    seg = segment(text)
    header = read_header(text, seg.header_end)
    warnings = list(header.warnings)
    participants = _without_place_lines(find_participants(text, seg), header)
    _name_presenters(seg.sections, participants)
    presenters = {s.number: s.presenters for s in seg.sections if s.number is not None}
    agenda = [AgendaEntry(number=n, title=t, presenters=list(presenters.get(n, []))) for n, t in seg.agenda]
    decisions = find_decisions(text, seg.sections)
    own_title = (header.group or "") + " " + text[: min(seg.header_end or 300, 300)]
    next_meeting, nm_warnings, nm_span = locate_next_meeting(
        text, seg.sections, header.date, own_title, header.timezone or timezone, header.start, header.end
    )
    warnings.extend(nm_warnings)
    next_date = date.fromisoformat(next_meeting.date) if next_meeting and next_meeting.date else None
    ctx = ExtractionContext(
        text=text,
        language=language,
        meeting_date=header.date,
        sections=seg.sections,
        participants=participants,
        next_meeting_date=next_date,
        next_meeting_span=nm_span,
        agenda_list=seg.agenda_list,
        min_confidence=min_confidence,
        warnings=warnings,
    )
    finder = _action_finder()
    actions = finder(ctx, morphology) if finder is not None else []
    actions = [a for a in actions if a.confidence >= min_confidence]
    meeting = WhenWhere(
        date=header.date.isoformat() if header.date else None,
        start=header.start,
        end=header.end,
        timezone=header.timezone or timezone,
        place=header.place,
        confidence=header.confidence,
        evidence=header.evidence,
    )
    fmt = doc.format if doc.format in _FORMATS else "txt"
    return Extraction(
        source=Source(path=doc.path, sha256=doc.sha256, format=fmt),  # type: ignore[arg-type]
        language=language,  # type: ignore[arg-type]
        group=header.group,
        meeting=meeting,
        participants=participants,
        agenda=agenda,
        decisions=decisions,
        action_items=actions,
        next_meeting=next_meeting,
        warnings=ctx.warnings,
    )


def _words(s: str) -> set[str]:
    return set(_WORD.findall(s.lower()))


def _without_place_lines(participants: list[Participant], header: Header) -> list[Participant]:
    """The title and the place's line under the date are no attendee lines: `Scout Hut, Elm Lane`."""
    if not (header.place or header.group):
        return participants
    # A "place" or a body's name that long ran into the roster (lost line breaks): it names no place.
    named = [
        part
        for part in (header.place, header.group)
        # a title that runs on into the roll (`... 2009-03-16Närvarande: A, B`) names the roll's people
        if part and len(_words(part)) <= 25 and not has_roll_label(part)
    ]
    if not named:
        return participants
    place_words = _words(" ".join(named))
    inside = [p for p in participants if p.roles not in (["member"], []) or not _words(p.name) <= place_words]
    # Three or more people on a line of two or more commas: the roster's own continued line, read as a place.
    listed = any(part.count(",") >= 2 for part in named)
    return participants if listed and len(participants) - len(inside) >= 3 else inside


def _name_presenters(sections: list[Section], participants: list[Participant]) -> None:
    """Presenters are written as in their `Alustus:` line; name them as the participant list does."""
    by_first_last = {(p.name.split()[0], p.name.split()[-1]): p.name for p in participants if " " in p.name}
    for sec in sections:
        sec.presenters = [
            by_first_last.get((n.split()[0], n.split()[-1]), n) if " " in n else n for n in sec.presenters
        ]


def is_minutes(ex: Extraction) -> bool:
    """Whether the text read like minutes at all: a date, people, an agenda or action items."""
    has_date = ex.meeting is not None and ex.meeting.date is not None
    return has_date or bool(ex.participants) or bool(ex.agenda) or bool(ex.action_items)


def render_summary(ex: Extraction) -> str:
    """A readable summary of an extraction for the terminal."""
    out: list[str] = []
    m = ex.meeting
    when = (
        " ".join(x for x in (m.date if m else None, _span(m.start, m.end) if m else None) if x)
        or "date unknown"
    )
    out.append(
        f"Meeting: {ex.group or '(body not named)'}, {when}" + (f", {m.place}" if m and m.place else "")
    )
    out.append(f"Language: {ex.language}   Source: {ex.source.path} ({ex.source.format})")
    present = sum(1 for p in ex.participants if p.present)
    out.append(
        f"Participants: {len(ex.participants)} ({present} present, {len(ex.participants) - present} absent)"
    )
    for p in ex.participants:
        roles = ", ".join(r for r in p.roles if r != "member")
        note = " ".join(
            x
            for x in (f"[{roles}]" if roles else "", p.organization or "", "" if p.present else "(absent)")
            if x
        )
        out.append(f"  - {p.name}" + (f" {note}" if note else ""))
    out.append(f"Agenda: {len(ex.agenda)} item(s)")
    for item in ex.agenda:
        by = f" ({', '.join(item.presenters)})" if item.presenters else ""
        out.append(f"  {item.number}. {item.title}{by}")
    out.append(f"Decisions: {len(ex.decisions)}")
    for d in ex.decisions:
        out.append(f"  [{d.agenda_item or '-'}] {d.text}")
    out.append(f"Action items: {len(ex.action_items)}")
    for a in ex.action_items:
        owners = ", ".join(a.owners) or "no owner"
        due = f"due {a.due.date} ({a.due.phrase})" if a.due else "no due date"
        out.append(f"  - {a.text} -- {owners}; {due}")
    nm = ex.next_meeting
    if nm is None:
        out.append("Next meeting: not set")
    else:
        when = " ".join(x for x in (nm.date or "date not set", _span(nm.start, nm.end)) if x)
        out.append(f"Next meeting: {when}" + (f", {nm.place}" if nm.place else ""))
        if nm.confidence is not None:
            out.append(f"  confidence {nm.confidence:.2f}: " + ", ".join(nm.evidence))
        if nm.agenda:
            out.append("  agenda: " + "; ".join(nm.agenda))
    if ex.warnings:
        out.append(f"Warnings: {len(ex.warnings)}")
        out.extend(f"  ! {w}" for w in ex.warnings)
    return "\n".join(out)


def _span(start: str | None, end: str | None) -> str | None:
    if not start:
        return None
    return f"{start}-{end}" if end else start
