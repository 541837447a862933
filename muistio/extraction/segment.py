"""Split minutes into agenda sections: numbered items, §-items, Markdown/rst/MediaWiki headings, bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from muistio.extraction.parts import RST_UNDERLINE, Line, Section, split_lines
from muistio.extraction.vocabulary import ACTION_HEADINGS, FILLER_TITLES, MEMO_WORDS, TIME_BOX
from muistio.patterns import regex

# --- small patterns used throughout this module, compiled once at import ------------------------------
# Markdown emphasis and code marks around a heading's words.
_EMPHASIS = regex(r"[*_`]{1,3}")
_TRAILING_COLON_OR_DOT = regex(r"[ \t]*[:.]+$")
_SPACES = regex(r"\s+")
# A title that starts with a digit after `1.` is a number (`1.6 miljardia`), not a heading.
_LEADING_DIGIT = regex(r"^\d")
_WORD_CHAR = regex(r"\w")
# A link in a bullet is no part of the agenda item's title.
_URL = regex(r"https?://\S+")
# A §-numbered heading (`§ 3`, `3 §`): one such heading makes a chain of items.
_PARAGRAPH_SIGN = regex(r"^\s*(?:#+\s*)?§|^\s*\d+\s*§")


# A numbered heading: `1 Title`, `1. Title`, `1) Title`, `1.Title`, `§ 3 Title`, `3 § Title`, `## 2. Title`.
_NUMBERED = regex(
    r"^[ \t]*(?:#{1,6}[ \t]*|={1,6}[ \t]*)?(?:\*\*)?"
    # A council's minute reference before the item's number: `C048/23      1.   APOLOGIES`.
    r"(?:[A-Z]{0,3}\d{1,4}/\d{2,4}[ \t]+(?=\d))?"
    r"(?:§[ \t]*(?P<n1>\d{1,3})\b|(?P<n2>\d{1,3})[ \t]*§|(?P<n3>\d{1,3})(?:[.)](?!\d)|(?=[ \t])))"
    r"[ \t]*(?P<title>.*?)[ \t]*(?:\*\*)?[ \t]*=*[ \t]*$"
)
_MD_HEADING = regex(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_WIKI_HEADING = regex(r"^[ \t]*(={1,6})[ \t]*(.+?)[ \t]*\1[ \t]*$")
_BOLD_LINE = regex(r"^[ \t]*\*\*([^*]+?)\*\*[ \t]*:?[ \t]*$")
_TOP_BULLET = regex(r"^[-*•][ \t]+(\S.*)$")
_MEETBOT_TOPIC = regex(r"\*[ \t]+TOPIC:[ \t]*(?P<title>.+?)[ \t]*\((?:@|[\w.-]+,)[^)]*\)")
_PRESENTER = regex(
    r"^[ \t]*(?:[-*•][ \t]*)?"
    r"(?:Alustus|Alustaja(?:t)?|Esittelijä(?:t)?|Esittely|Presenter(?:s)?|Presented by)"
    r"[ \t]*:[ \t]*(?P<names>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADING_SLOT = regex(
    r"\((?P<names>[^()]*?[A-ZÅÄÖ][^()]*?)[,;–—-]\s*\d{1,3}\s*(?:min|mins|minutes|minuuttia|min\.|')\s*\)\s*$",
    re.IGNORECASE,
)
_AGENDA_LABEL = regex(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:agenda|esityslista|asialista|käsiteltävät asiat)\b[^\n]{0,20}$",
    re.IGNORECASE,
)

# Headings that organise the minutes rather than name an agenda item.
_META_HEADINGS = frozenset(
    {
        "attendees",
        "present",
        "participants",
        "attendance",
        "apologies",
        "regrets",
        "absent",
        "agenda",
        "place and date",
        "date",
        "time",
        "place",
        "location",
        "venue",
        "minutes",
        "action items",
        "actions",
        "concluded",
        "meeting",
        "pinned items",
        "osallistujat",
        "läsnä",
        "poissa",
        "paikalla",
        "esityslista",
        "asialista",
        "aika",
        "paikka",
        "allekirjoitukset",
        "signatures",
        "additional attendees",
        "members present",
        "meeting summary",
        "people present",
        "läsnä olivat",
        "aika ja paikka",
        "action points",
        "toimenpiteet",
        "tehtävät",
        "todo",
        "to do",
        "next steps",
    }
)
# A heading over a list of tasks: the action stage reads the list after such a line as tasks, so the
# heading line stays in its section's body (an rst underline too).
_ACTION_TITLE = regex(rf"(?:{ACTION_HEADINGS})(?:{TIME_BOX})?", re.I)
_FILLER_TITLE = regex(rf"{FILLER_TITLES}\W*", re.I)


@dataclass
class Segmentation:
    """Sections of the text (the first one, numbered None, is the preamble) and the agenda titles."""

    sections: list[Section]
    agenda: list[tuple[str, str]] = field(default_factory=list)  # (number, title) in order
    header_end: int = 0  # where the first agenda item starts
    # where an agenda listed ahead of the items stands (its lines are titles, no minutes of their own)
    agenda_list: tuple[int, int] | None = None


def _deeper(line: str, above: str) -> bool:
    """Whether a Markdown heading line is one level under the one above (`####` under `###`)."""
    a, b = line.lstrip(), above.lstrip()
    return a.startswith("#") and len(a) - len(a.lstrip("#")) > len(b) - len(b.lstrip("#"))


def _clean_title(title: str) -> str:
    """Strip Markdown emphasis, trailing colons/periods and surrounding space from a heading."""
    t = _EMPHASIS.sub("", title).strip()
    t = _TRAILING_COLON_OR_DOT.sub("", t).strip()
    return _SPACES.sub(" ", t)


def _is_title_text(title: str) -> bool:
    """A heading title starts with a letter and reads like a short heading, not a sentence."""
    if not title or not (title[0].isalpha() or title[0] in "\"'“”«#"):
        return False
    if len(title) > 120 or len(title.split()) > 16:
        return False
    # A line ending in a comma, or a hyphen (a broken word), continues prose.
    return not title.rstrip().endswith((",", "-", ";"))


@dataclass
class _Head:
    line: int
    number: int
    title: str


def _numbered_candidates(lines: list[Line]) -> list[_Head]:
    heads: list[_Head] = []
    for i, ln in enumerate(lines):
        m = _NUMBERED.match(ln.text)
        if not m:
            continue
        num = m.group("n1") or m.group("n2") or m.group("n3")
        title = m.group("title") or ""
        if m.group("n3") is not None and _LEADING_DIGIT.match(title):
            continue  # `1.6 miljardia`, dates, versions
        if not title and (m.group("n1") or m.group("n2")):
            # `3 §` alone: the title is the next non-empty line.
            for nxt in lines[i + 1 : i + 4]:
                if nxt.text.strip():
                    title = nxt.text.strip()
                    break
        title = _clean_title(title)
        if not _is_title_text(title):
            continue
        heads.append(_Head(i, int(num), title))
    return heads


_ACTION_LABEL_LINE = regex(
    rf"[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*)?(?:{ACTION_HEADINGS})(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*", re.I
)


def _task_list_dropped(lines: list[Line], heads: list[_Head]) -> list[_Head]:
    """The candidates without the numbered run right under an action label (`Action points:` then `1. ...`).

    Such a run is the label's list of tasks, not agenda items, however its numbers chain.
    """
    by_line = {h.line: h for h in heads}
    drop: set[int] = set()
    for i, ln in enumerate(lines):
        if ":" not in ln.text or not _ACTION_LABEL_LINE.fullmatch(ln.text):
            continue
        j = i + 1
        while j in by_line:
            drop.add(j)
            j += 1
    return [h for h in heads if h.line not in drop] if drop else heads


def _longest_chain(heads: list[_Head]) -> list[_Head]:
    """The longest run of headings numbered n, n+1, n+2 ... in document order (noise skipped)."""
    if not heads:
        return []
    best_len = [1] * len(heads)
    prev = [-1] * len(heads)
    for i, h in enumerate(heads):
        for j in range(i - 1, -1, -1):
            if heads[j].number == h.number - 1 and best_len[j] + 1 > best_len[i]:
                best_len[i] = best_len[j] + 1
                prev[i] = j
    end = max(range(len(heads)), key=lambda k: (best_len[k], -k))
    chain: list[_Head] = []
    while end >= 0:
        chain.append(heads[end])
        end = prev[end]
    chain.reverse()
    return chain


def _agenda_list(lines: list[Line], heads: list[_Head]) -> list[_Head]:
    """A compact numbered list right after an `Agenda:` line (the items are repeated as sections later)."""
    for i, ln in enumerate(lines):
        if not _AGENDA_LABEL.match(ln.text):
            continue
        run: list[_Head] = []
        by_line = {h.line: h for h in heads}
        j = i + 1
        while j < len(lines) and (not lines[j].text.strip() or j in by_line):
            h = by_line.get(j)
            if h is not None:
                if run and h.number != run[-1].number + 1:
                    break
                run.append(h)
            elif run and j + 1 < len(lines) and (j + 1) not in by_line:
                break  # two blank lines end the list
            j += 1
        if len(run) >= 2 and run[0].number == 1:
            return run
    return []


_LIST_NUMBER = regex(r"[ \t]*(\d{1,2})[.)][ \t]+(?=\S)")
_TITLE_WORD = regex(r"[^\W\d_]{3,}")
_RESTATED_LINE = 80  # a heading line is short
_RESTATED_WINDOW = 400  # lines after the list where its items are looked for again
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "are",
        "was",
        "will",
        "any",
        "all",
        "into",
        "per",
        "ja",
        "sekä",
        "tai",
        "että",
        "och",
        "för",
        "med",
        "att",
        "som",
    ]
)
# an item that names a doer and a future is a task, not an agenda title: 'Anna will book the venue ...'
_TASK_ITEM = regex(r"\b(?i:will|shall|ska|skall|hoitaa|vastaa)\b|\b[A-ZÅÄÖ][\w.-]*\s+to\s+(?!be\b)[a-z]+\s")


def _title_words(title: str) -> set[str]:
    return {w.lower() for w in _TITLE_WORD.findall(title)} - _FUNCTION_WORDS


def _compact_list(lines: list[Line], heads: list[_Head]) -> list[_Head]:
    """A numbered list from 1 whose items stand right under each other (blank lines at most between)."""
    by_line = {h.line: h for h in heads}
    for h in heads:
        if h.number != 1:
            continue
        run = [h]
        j = h.line + 1
        while j < len(lines):
            nxt = by_line.get(j)
            long_item = _LIST_NUMBER.match(lines[j].text) if nxt is None else None
            if long_item and int(long_item.group(1)) == run[-1].number + 1:
                # (an item too long for a title, `3. Agree on norms ... e.g. ...; ...`, is still one)
                nxt = _Head(j, int(long_item.group(1)), lines[j].text[long_item.end() :].strip())
            if nxt is not None and nxt.number == run[-1].number + 1:
                run.append(nxt)
            elif lines[j].text.strip() or (j + 1 < len(lines) and not lines[j + 1].text.strip()):
                break  # a line of body, or two blank lines: the list ends
            j += 1
        short = sum(1 for r in run if len(r.title.split()) <= 8)
        if len(run) >= 3 and 2 * short >= len(run) and not any(_TASK_ITEM.search(r.title) for r in run):
            return run
    return []


def _restated(lines: list[Line], listed: list[_Head]) -> list[tuple[int, str | None, str]]:
    """The lines after an agenda list that state its items again as headings (`Election of chairperson`
    for `1. Election of a chairperson`), in order: (line index, number, the list's title)."""
    out: list[tuple[int, str | None, str]] = []
    first = listed[-1].line + 1
    words: dict[int, set[str]] = {}  # each short line's words, read once
    for k in range(first, min(len(lines), first + _RESTATED_WINDOW)):
        t = lines[k].text.strip(" \t#*:.")
        if t and len(t) <= _RESTATED_LINE and not _NUMBERED.match(lines[k].text):
            words[k] = _title_words(t)
    j = first
    for h in listed:
        want = _title_words(h.title)
        if not want:
            continue
        for k, got in words.items():
            if k < j or len(got) < min(2, len(want)):
                continue
            if len(want & got) >= 0.75 * min(len(want), len(got)):
                out.append((k, str(h.number), h.title))
                j = k + 1
                break
    return out


def _sections_from(text: str, lines: list[Line], heads: list[tuple[int, str | None, str]]) -> list[Section]:
    """Sections between heading lines; heads are (line index, number, title)."""
    sections: list[Section] = []
    first_start = lines[heads[0][0]].start if heads else len(text)
    sections.append(Section(None, "", 0, first_start))
    heads = [
        h
        for k, h in enumerate(heads)
        if not (
            k > 0
            and _FILLER_TITLE.fullmatch(h[2])
            and _ACTION_TITLE.fullmatch(heads[k - 1][2])
            and not text[lines[heads[k - 1][0]].end : lines[h[0]].start].strip()
            and _deeper(lines[h[0]].text, lines[heads[k - 1][0]].text)
        )
    ]
    for k, (li, num, title) in enumerate(heads):
        body_start = lines[li].end
        if _ACTION_TITLE.fullmatch(title):
            body_start = lines[li].start
        elif li + 1 < len(lines) and RST_UNDERLINE.match(lines[li + 1].text):
            body_start = lines[li + 1].end  # the underline belongs to the heading
        body_end = lines[heads[k + 1][0]].start if k + 1 < len(heads) else len(text)
        sections.append(Section(num, title, body_start, body_end))
    return sections


def _structural_headings(lines: list[Line]) -> list[tuple[int, int, str]]:
    """(line index, level, title) of Markdown, rst, MediaWiki and bold-line headings."""
    out: list[tuple[int, int, str]] = []
    rst_levels: list[str] = []
    skip: set[int] = set()
    for i, ln in enumerate(lines):
        if i in skip:
            continue
        t = ln.text
        m = _MD_HEADING.match(t)
        if m:
            out.append((i, len(m.group(1)), _clean_title(m.group(2))))
            continue
        m = _WIKI_HEADING.match(t)
        if m and len(m.group(1)) >= 2 and _WORD_CHAR.search(m.group(2)):
            out.append((i, len(m.group(1)), _clean_title(m.group(2))))
            continue
        # rst: a text line underlined (optionally overlined) by a run of one punctuation character.
        if (
            t.strip()
            and i + 1 < len(lines)
            and RST_UNDERLINE.match(lines[i + 1].text)
            and not RST_UNDERLINE.match(t)
            and len(lines[i + 1].text.strip()) >= len(t.strip()) - 2
        ):
            over = i > 0 and RST_UNDERLINE.match(lines[i - 1].text) is not None
            key = ("o" if over else "u") + lines[i + 1].text.strip()[0]
            if key not in rst_levels:
                rst_levels.append(key)
            out.append((i, rst_levels.index(key) + 1, _clean_title(t)))
            skip.add(i + 1)
            continue
        m = _BOLD_LINE.match(t)
        if m:
            out.append((i, 7, _clean_title(m.group(1))))
    return out


def _is_meta(title: str) -> bool:
    return title.lower().strip(" :") in _META_HEADINGS


def _segment_structural(text: str, lines: list[Line]) -> Segmentation | None:
    heads = _structural_headings(lines)
    if not heads:
        return None
    min_level = min(lv for _, lv, _ in heads)
    # The document title: the first heading, alone on the top level.
    if heads[0][1] == min_level and sum(1 for _, lv, _ in heads if lv == min_level) == 1 and len(heads) > 1:
        heads = heads[1:]
    items: list[tuple[int, str | None, str]] = []
    n = 0
    for k, (li, lv, title) in enumerate(heads):
        nxt_level = heads[k + 1][1] if k + 1 < len(heads) else None
        grouping = nxt_level is not None and nxt_level > lv and lv != 7
        if _is_meta(title) or grouping or lv == 7:
            items.append((li, None, title))
        else:
            n += 1
            items.append((li, str(n), title))
    if n == 0:
        bullets = _segment_bullets(text, lines, [li for li, _, _ in heads], heads)
        if bullets is None and any(_is_meta(t) for _, _, t in heads):
            # Only meta blocks (`**Present**`, `**Actions**`): their lists are no agenda items.
            sections = _sections_from(text, lines, items)
            return Segmentation(sections, [], lines[items[0][0]].start)
        return bullets
    sections = _sections_from(text, lines, items)
    agenda = [(s.number, s.title) for s in sections if s.number is not None]
    first = next((li for li, num, _ in items if num is not None), items[0][0])
    return Segmentation(sections, agenda, lines[first].start)


def _segment_bullets(
    text: str, lines: list[Line], head_lines: list[int], heads: list[tuple[int, int, str]]
) -> Segmentation | None:
    """Informal notes: top-level bullets are the agenda items (bold group lines and meta blocks skipped)."""
    meta_lines = {li for li, _, title in heads if _is_meta(title)}
    titles = {li: title for li, _, title in heads}
    in_meta = False
    items: list[tuple[int, str | None, str]] = []
    n = 0
    under_tasks = False  # in the list right under an action label ('Tehtävät:'): tasks, not items
    for i, ln in enumerate(lines):
        if i in head_lines:
            in_meta = i in meta_lines
            items.append((i, None, titles.get(i, "")))
            continue
        m = _TOP_BULLET.match(ln.text)
        if ":" in ln.text and _ACTION_LABEL_LINE.fullmatch(ln.text):
            under_tasks = True
            continue
        if not m:
            under_tasks = under_tasks and ln.text[:1] in " \t" and bool(ln.text.strip())
        if not m or in_meta or under_tasks:
            continue
        title = _clean_title(_URL.sub("", m.group(1)))
        if not title or len(title) > 150:
            continue
        n += 1
        items.append((i, str(n), title))
    if n < 2:
        return None
    items.sort()
    sections = _sections_from(text, lines, items)
    agenda = [(s.number, s.title) for s in sections if s.number is not None]
    return Segmentation(sections, agenda, lines[items[0][0]].start)


def _segment_meetbot(text: str) -> Segmentation | None:
    tops = list(_MEETBOT_TOPIC.finditer(text))
    if not tops:
        return None
    sections = [Section(None, "", 0, tops[0].start())]
    for k, m in enumerate(tops):
        end = tops[k + 1].start() if k + 1 < len(tops) else len(text)
        sections.append(Section(str(k + 1), _clean_title(m.group("title")), m.end(), end))
    return Segmentation(sections, [(s.number, s.title) for s in sections[1:] if s.number], tops[0].start())


_INLINE_NUMBERED = regex(
    r"(?:(?<=^)|(?<=\s))(?P<n>\d{1,2})\.\s+(?P<title>[A-ZÅÄÖ][\w-]+(?:\s+[a-zåäö][\w-]*){0,8})"
)


def _segment_collapsed(text: str) -> Segmentation | None:
    """Text whose line breaks were lost: numbered items inline (`... 3. Kokouksen järjestäytyminen ...`)."""
    heads = [
        (m.start(), m.end(), int(m.group("n")), m.group("title")) for m in _INLINE_NUMBERED.finditer(text)
    ]
    chain: list[tuple[int, int, int, str]] = []
    for h in heads:
        if not chain or (h[2] > chain[-1][2] and h[2] - chain[-1][2] <= 2):
            if not chain and h[2] > 2:
                continue
            chain.append(h)
    if len(chain) < 2:
        return None
    sections = [Section(None, "", 0, chain[0][0])]
    for k, (_s, e, n, title) in enumerate(chain):
        end = chain[k + 1][0] if k + 1 < len(chain) else len(text)
        sections.append(Section(str(n), title, e, end))
    return Segmentation(sections, [(s.number, s.title) for s in sections[1:] if s.number], chain[0][0])


def _is_collapsed(text: str, lines: list[Line]) -> bool:
    longest = max((len(ln.text) for ln in lines), default=0)
    return longest > 600 and longest > len(text) * 0.4


def segment(text: str) -> Segmentation:
    """Find the agenda items of any common minutes layout and the body offsets of each."""
    lines = split_lines(text)
    if _MEETBOT_TOPIC.search(text):
        seg = _segment_meetbot(text)
        if seg:
            return _with_presenters(text, seg)
    if _is_collapsed(text, lines):
        seg = _segment_collapsed(text)
        if seg:
            return _with_presenters(text, seg)
    cands = _task_list_dropped(lines, _numbered_candidates(lines))
    listed = _agenda_list(lines, cands)
    restated: list[tuple[int, str | None, str]] = []
    if not listed and len(preview := _compact_list(lines, cands)) >= 3:
        # an agenda with no label, whose items the body states again as headings of their own
        restated = _restated(lines, preview)
        listed = preview if len(restated) >= 2 else []
    listed_lines = {h.line for h in listed}
    chain = _longest_chain([h for h in cands if h.line not in listed_lines])
    is_para = any(_PARAGRAPH_SIGN.match(lines[h.line].text) for h in chain)
    if len(chain) >= 2 or (chain and is_para):
        heads: list[tuple[int, str | None, str]] = [(h.line, str(h.number), h.title) for h in chain]
        sections = _sections_from(text, lines, heads)
        titles = {str(h.number): h.title for h in listed}
        agenda = [(s.number, titles.get(s.number, s.title)) for s in sections if s.number is not None]
        span = (lines[listed[0].line].start, lines[listed[-1].line].end) if listed else None
        return _with_presenters(text, Segmentation(sections, agenda, lines[chain[0].line].start, span))
    if len(restated) >= 2:
        # headings the format marks (`===` underlines, `#`) are the items; else the lines stating them again
        found = _segment_structural(text, lines)
        span = (lines[listed[0].line].start, lines[listed[-1].line].end)
        if found is not None and len(found.agenda) == len(listed):
            # the agenda as its list words it (`Moving CI off the legacy runners`, not `CI migration`)
            found.agenda = [(n, h.title) for (n, _), h in zip(found.agenda, listed, strict=True)]
        if found is None:
            sections = _sections_from(text, lines, restated)
            agenda = [(str(h.number), h.title) for h in listed]
            found = Segmentation(sections, agenda, lines[listed[0].line].start)
        found.agenda_list = span
        return _with_presenters(text, found)
    if len(listed) >= 2:
        heads = [(h.line, str(h.number), h.title) for h in listed]
        sections = _sections_from(text, lines, heads)
        agenda = [(s.number, s.title) for s in sections if s.number is not None]
        return _with_presenters(text, Segmentation(sections, agenda, lines[listed[0].line].start))
    seg = _segment_structural(text, lines)
    if seg is None:
        seg = _segment_bullets(text, lines, [], [])
    if seg is None:
        seg = Segmentation([Section(None, "", 0, len(text))], [], len(text))
    return _with_presenters(text, seg)


def _with_presenters(text: str, seg: Segmentation) -> Segmentation:
    """Fill each section's presenters from its `Alustus:` / `Presenter:` lines."""
    from muistio.extraction.participants import split_people

    for sec in seg.sections:
        if sec.number is None:
            continue
        # A presenter and a time slot in the heading: `2. draft-x (Ines Roth, 20 min)`.
        slot = _HEADING_SLOT.search(sec.title)
        if slot:
            for person in split_people(slot.group("names")):
                if " " in person.name and person.name not in sec.presenters:
                    sec.presenters.append(person.name)
        for m in _PRESENTER.finditer(sec.body(text)):
            for person in split_people(m.group("names")):
                if person.name not in sec.presenters:
                    sec.presenters.append(person.name)
    return seg


# A Markdown heading that names a memo.
# a plain line that heads a memo: a memo word and a number in a short line (`Kokous 2/2018. ... 17.3.2018`)
_MEMO_LINE = regex(rf"^[ \t]*([^\n]{{0,60}}?\b(?i:{'|'.join(MEMO_WORDS)})\b[^\n]{{0,80}})$", re.M)
_SPACE_RUN = regex(r"\s+")


def _first_plain_memo_end(text: str) -> int:
    """`first_memo_end` for plain text: a later line that reads as the first memo line with another first
    number (`Kokous 1/2018. ... 14.1.2018` below `Kokous 2/2018. ... 17.3.2018`); a page header's page
    number changing alone (`Pöytäkirja 3/2019 sivu 2`) is no new memo."""
    lines = _MEMO_LINE.finditer(text[:20000])
    first = next((m for m in lines if _DIGITS.search(m.group(1))), None)
    if first is None:
        return len(text)
    title = _SPACE_RUN.sub(" ", first.group(1).strip())
    shape, lead = _DIGITS.sub("0", title), _DIGITS.findall(title)[0]
    for m in _MEMO_LINE.finditer(text, first.end()):
        line = _SPACE_RUN.sub(" ", m.group(1).strip())
        numbers = _DIGITS.findall(line)
        if numbers and numbers[0] != lead and _DIGITS.sub("0", line) == shape:
            return m.start()
    return len(text)


_MEMO_HEADING = regex(rf"^(#{{1,3}})[ \t]+([^\n]*?(?i:{'|'.join(MEMO_WORDS)})[^\n]*?)[ \t#]*$", re.M)
_DIGITS = regex(r"\d+")


def first_memo_end(text: str) -> int:
    """Where the first memo of a file of several ends (the text's length when it holds one).

    Another memo starts at a heading of the same level that reads as the first one's with other numbers
    (`## Kuvailuryhmän muistio 2/2026 ##` after `... 3/2026 ##`): the same heading with the same numbers
    is a page header repeated, not a new meeting.
    """
    headings = _MEMO_HEADING.finditer(text) if "#" in text else iter(())
    first = next(headings, None)
    if first is None:
        return _first_plain_memo_end(text)
    level, title = first.group(1), first.group(2)
    for m in headings:
        numbers = _DIGITS.findall(m.group(2))
        if (
            m.group(1) == level
            and _DIGITS.sub("0", m.group(2)) == _DIGITS.sub("0", title)
            and numbers
            and numbers != _DIGITS.findall(title)
        ):
            return m.start()
    return len(text)
