"""Action tables: a table whose header names a task column and an owner column, one task per row.

`| Action | Owner | Due |`, `Tehtävä | Vastuu | Aikataulu`, `Åtgärd | Ansvarig | Klart till`: every
reader (Markdown, HTML, DOCX, MediaWiki) gives a table as one pipe-separated line per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muistio.extraction.actions.common import _Item, _split_names
from muistio.extraction.actions.due import _due
from muistio.extraction.actions.owners import _Owners
from muistio.extraction.parts import ExtractionContext, Section, split_lines
from muistio.patterns import regex

# header cells, compared after lower-casing and stripping markup (`**Owner**`, `Due:`)
_TASK_HEAD = regex(
    r"(?:action(?:\s+items?|\s+points?)?|actions|tasks?|to\s*-?\s*do|what|description|item"
    r"|toimenpiteet|toimenpide|tehtävät|tehtävä|mitä|asia"
    r"|åtgärder|åtgärd|uppgifter|uppgift|vad|aktivitet)"
)
_OWNER_HEAD = regex(
    r"(?:owners?|who|responsible(?:\s+persons?)?|assigned\s+to|assignee|action\s+by|by\s+whom|lead"
    r"|vastuu(?:henkilöt|henkilö)?|vastaava|vastuussa|kuka|tekijä|ansvariga?|ansvar|vem)"
)
# (a roll's `Nimi | Tehtävä` names people and their offices: only an action column makes names owners)
_NAME_HEAD = regex(r"(?:names?|person)")
_ACTION_HEAD = regex(r"(?:action(?:\s+items?|\s+points?)?|actions)")
_DUE_HEAD = regex(
    r"(?:due(?:\s+date)?|deadline|by\s+when|when|target(?:\s+date)?|date|by"
    r"|määräaika|aikataulu|mennessä|milloin|valmis|pvm"
    r"|klart(?:\s+till)?|senast|när|datum|tidplan)"
)
_STATUS_HEAD = regex(r"(?:status|state|done|tila|valmis\?|klar|läge)")
# a row whose status says the task is done: reported, not to do
_DONE_STATUS = regex(
    r"(?i:done|completed?|closed|finished|valmis|tehty|hoidettu|klar|klart|avklarad|utförd)\W*"
)
_SEPARATOR_ROW = regex(r"[\s|:+=-]*")
_MARKUP = regex(r"[*_`#:]+")


@dataclass(frozen=True)
class _Columns:
    """Which cell of a row holds the task, the owners, the due date and the status."""

    task: int
    owner: int
    due: int | None
    status: int | None


def _cells(line: str) -> list[tuple[int, int]]:
    """The spans of a pipe-table row's cells within the line (the outer pipes of Markdown dropped)."""
    a, b = 0, len(line)
    while a < b and line[a] in " \t":
        a += 1
    while b > a and line[b - 1] in " \t":
        b -= 1
    if a < b and line[a] == "|":
        a += 1
    if b > a and line[b - 1] == "|" and line[b - 2 : b] != "\\|":
        b -= 1
    spans = []
    start = a
    for i in range(a, b + 1):
        if i == b or (line[i] == "|" and line[i - 1 : i] != "\\"):
            spans.append((start, i))
            start = i + 1
    return spans


def _columns(line: str, spans: list[tuple[int, int]]) -> _Columns | None:
    """The columns of a header row, when it names a task column and an owner column."""
    task = owner = due = status = names = None
    for i, (a, b) in enumerate(spans):
        head = _MARKUP.sub(" ", line[a:b]).strip().lower()
        if task is None and _TASK_HEAD.fullmatch(head):
            task = i
        elif owner is None and _OWNER_HEAD.fullmatch(head):
            owner = i
        elif names is None and _NAME_HEAD.fullmatch(head):
            names = i
        elif due is None and _DUE_HEAD.fullmatch(head):
            due = i
        elif status is None and _STATUS_HEAD.fullmatch(head):
            status = i
    if (
        owner is None
        and task is not None
        and _ACTION_HEAD.fullmatch(_MARKUP.sub(" ", line[slice(*spans[task])]).strip().lower())
    ):
        owner = names  # `Name | Action`: beside an action column a column of names is whose each task is
    if task is None or owner is None:
        return None
    return _Columns(task, owner, due, status)


def _section_of(sections: list[Section], pos: int) -> Section | None:
    """The section whose span holds a position (an empty section holds its start), the last if several."""
    found = None
    for sec in sections:
        if sec.start <= pos < max(sec.end, sec.start + 1):
            found = sec
    return found


def table_items(
    ctx: ExtractionContext, text: str, sections: list[Section], owners: _Owners
) -> tuple[list[_Item], list[tuple[int, int]]]:
    """The tasks of the action tables in text (due dates read) and the spans of their rows and headers."""
    items: list[_Item] = []
    spans: list[tuple[int, int]] = []
    if "|" not in text:
        return items, spans
    cols: _Columns | None = None
    for line in split_lines(text):
        raw = line.text
        if "|" not in raw:
            cols = None  # a table ends at the first line without a cell separator
            continue
        cells = _cells(raw)
        if len(cells) < 2:
            cols = None
            continue
        if cols is None:
            cols = _columns(raw, cells)
            if cols is not None:
                spans.append((line.start, line.start + len(raw)))
            continue
        if _SEPARATOR_ROW.fullmatch(raw):
            continue
        spans.append((line.start, line.start + len(raw)))
        if max(cols.task, cols.owner) >= len(cells):
            continue
        ta, tb = cells[cols.task]
        task = raw[ta:tb].strip()
        if not any(c.isalpha() for c in task):
            continue
        if cols.status is not None and cols.status < len(cells):
            sa, sb = cells[cols.status]
            if _DONE_STATUS.fullmatch(raw[sa:sb].strip()):
                continue
        oa, ob = cells[cols.owner]
        sec = _section_of(sections, line.start)
        warn: list[str] = []
        who = owners.resolve(_split_names(raw[oa:ob].strip()), sec, [], warn)
        # the quote runs over the cells read (task, owners, due), so the due date stays in it
        read = [cells[i] for i in (cols.task, cols.owner, cols.due) if i is not None and i < len(cells)]
        a = line.start + min(c[0] for c in read)
        b = line.start + max(c[1] for c in read)
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        item = _Item(a, b, re.sub(r"\s+", " ", task), who, 0.9, sec, "table", None, True, warnings=warn)
        if cols.due is not None and cols.due < len(cells):
            # the due cell alone: a date in the task's own words ('Spring Fair') is not its deadline
            da, db = cells[cols.due]
            probe = _Item(line.start + da, line.start + db, raw[da:db], [], 0.0, sec, "table")
            item.due = _due(ctx, probe, own_clause_only=True)
        items.append(item)
    return items, spans


_STEM = regex(r"[^\W\d_]{5,}")


def _stems(s: str) -> set[str]:
    """The first five letters of each longer word: enough to see one task written twice."""
    return {w[:5] for w in _STEM.findall(s.lower())}


def merge_table_repeats(items: list[_Item]) -> list[_Item]:
    """Drop a table row that repeats a task read in the text (same owners, a shared word).

    Minutes often close with a table of the actions decided above; the sentence keeps its quote and
    gains the table's due date when it had none.
    """
    prose = [it for it in items if it.rule != "table" and it.owners]
    out = []
    for it in items:
        if it.rule == "table" and it.owners:
            same = next(
                (p for p in prose if set(p.owners) == set(it.owners) and _stems(p.text) & _stems(it.text)),
                None,
            )
            if same is not None:
                if same.due is None:
                    same.due = it.due
                continue
        out.append(it)
    return out
