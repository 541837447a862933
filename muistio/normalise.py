"""Normalise extracted minutes text with small ordered passes, keeping a map back to the source.

Every pass takes (text, offsets) and returns new (text, offsets) where `offsets[i]` is the index in
the ORIGINAL source of character `i`, so quotes found in the normalised text can be located in the
source. Passes are general repairs for text that went through PDF/HTML extraction, not fixes for
one document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from muistio.patterns import regex

Offsets = list[int]

# Characters that change one-for-one or vanish. A soft hyphen before a line break means the word was
# hyphenated there, so the break goes too.
_CHARS_RE = regex(
    r"\u00ad[ \t]*(?:\r\n|\r|\n)[ \t]*|\r\n"
    r"|[\r\u2028\u2029\x0c\u00ad\u200b\u200c\u200d\u2060\ufeff\xa0\u202f\u24b6-\u24e9]"
)
_CHAR_MAP = {
    "\r\n": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\x0c": "\n\n",  # a form feed is a page break: treat it as a paragraph break
    "\xa0": " ",
    "\u202f": " ",
    # circled letters are letters dressed up (`20-4Ⓐ6 PH to ...`, `ⓓⓞⓝⓔ`): read them as the letters
    **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x24B6, 0x24EA)},
}
_COMBINING_RE = regex(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S)
# Whole lines that are only a page number: `4 (7)`, `Sivu 2/8`, `Page 3 of 7`, `Sida 1 av 3`, `- 5 -`, `3/7`.
_PAGE_MARKER_RE = regex(
    r"^[ \t]*(?:"
    r"(?P<a>\d{1,4})[ \t]*\([ \t]*(?P<b>\d{1,4})[ \t]*\)"
    r"|(?:sivu|page|sida|s\.|p\.)[ \t]*(?P<c>\d{1,4})(?:[ \t]*(?:/|of|av|\()[ \t]*(?P<d>\d{1,4})\)?)?"
    r"|(?P<e>\d{1,4})[ \t]*/[ \t]*(?P<f>\d{1,4})"
    r"|[-–][ \t]*\d{1,4}[ \t]*[-–]"
    r")[ \t]*(?:\n|\Z)",
    re.M | re.I,
)
_HYPHEN_BREAK_RE = regex(r"-[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=(?P<right>[^\W_]+))")
# Words after which a trailing hyphen is a suspended compound (`talous- ja henkilöstöhallinto`).
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "tahi", "och", "eller", "and", "or", "to"})
_URL_LINE_RE = regex(r"^[ \t]*(?:https?://|www\.)\S+[ \t]*$", re.I)
_TERMINAL = tuple(".!?:;")
_BIG_GAP = 3  # this many blank lines in a row mark a column or page break in extracted text
_NAME_TOKEN = r"(?:[A-ZÅÄÖÜÉ][\w'’.]*(?:-[A-ZÅÄÖÜÉ]?[\w'’.]*)*|van|von|de|der|af|da|di|la|le)"
_NAME_LINE_RE = regex(
    rf"^[ \t]*(?:[-*•][ \t]+)?{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,4}}"
    r"(?:[ \t]*,[ \t]*[^,:]{1,40})*(?:[ \t]*\([^()]{1,40}\))?[ \t]*$"
)
_HEADER_LINE_RE = regex(r"^[ \t]*[^\W\d_][\w .-]{0,40}:[ \t]*$")


def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Repair extraction damage; return the text and, per character, its index in `text`."""
    offs: Offsets = list(range(len(text)))
    for step in (
        _fix_chars,
        _nfc,
        _drop_line_numbers,
        _drop_page_markers,
        _split_collapsed_chat,
        _split_collapsed_bullets,
        _split_glued_cells,
        _split_columns,
        _join_hyphens,
        _join_inline_name_hyphens,
    ):
        text, offs = step(text, offs)
    lines = _to_lines(text, offs, len(text))
    for line_step in (_merge_name_columns, _move_url_intrusions, _join_false_breaks, _collapse_blanks):
        lines = line_step(lines)
    text, offs = _from_lines(lines)
    return text, tuple(offs)


def _rewrite(text: str, offs: Offsets, edits: list[tuple[int, int, str, int]]) -> tuple[str, Offsets]:
    """Apply sorted, non-overlapping (start, end, replacement, source offset of the replacement) edits."""
    if not edits:
        return text, offs
    parts: list[str] = []
    new_offs: Offsets = []
    pos = 0
    for start, end, repl, src in edits:
        parts.append(text[pos:start])
        new_offs.extend(offs[pos:start])
        parts.append(repl)
        new_offs.extend([src] * len(repl))
        pos = end
    parts.append(text[pos:])
    new_offs.extend(offs[pos:])
    return "".join(parts), new_offs


def _fix_chars(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """CRLF/CR to LF, form feeds to paragraph breaks, NBSP to space; drop soft hyphens and zero-widths."""
    edits = [
        (m.start(), m.end(), _CHAR_MAP.get(m.group(), ""), offs[m.start()]) for m in _CHARS_RE.finditer(text)
    ]
    return _rewrite(text, offs, edits)


def _nfc(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Compose base letters with combining marks (NFC); each composed char maps to its base letter."""
    if unicodedata.is_normalized("NFC", text):
        return text, offs
    edits = [
        (m.start(), m.end(), unicodedata.normalize("NFC", m.group()), offs[m.start()])
        for m in _COMBINING_RE.finditer(text)
    ]
    text, offs = _rewrite(text, offs, edits)
    if not unicodedata.is_normalized("NFC", text):
        # Rare compositions without combining marks (e.g. Hangul jamo): NFC per line, coarse map.
        out_lines: list[str] = []
        new_offs: Offsets = []
        pos = 0
        for line in text.split("\n"):
            n = unicodedata.normalize("NFC", line)
            line_offs = offs[pos : pos + len(line)] or [offs[pos - 1] if pos else 0]
            new_offs.extend(line_offs[min(i, len(line_offs) - 1)] for i in range(len(n)))
            if pos + len(line) < len(text):
                new_offs.append(offs[pos + len(line)])
            out_lines.append(n)
            pos += len(line) + 1
        return "\n".join(out_lines), new_offs
    return text, offs


_LINE_NUMBER_RE = regex(r"^(\d{1,5})(?: |$)", re.M)
_MIN_NUMBERED = 5  # lines numbered 1, 2, 3 ... in a row before the numbers count as a listing's


def _drop_line_numbers(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Strip a listing's line numbers (`12 * Kokouksen avaus`, a code viewer's copy): no part of the text.

    Only a run of lines numbered one by one, covering most of the text's lines, is such a listing.
    """
    starts = list(_LINE_NUMBER_RE.finditer(text))
    if len(starts) < _MIN_NUMBERED:
        return text, offs
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in starts:
        follows = (
            run
            and int(m.group(1)) == int(run[-1].group(1)) + 1
            and text.count("\n", run[-1].end(), m.start()) == 1
        )
        if follows:
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = run
    if len(best) < _MIN_NUMBERED or len(best) * 2 < text.count("\n") + 1:
        return text, offs
    return _rewrite(text, offs, [(m.start(), m.end(), "", 0) for m in best])


def _drop_page_markers(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Remove lines that hold only a page number (`4 (7)`, `Sivu 2/8`, `Page 3 of 7`)."""
    edits: list[tuple[int, int, str, int]] = []
    for m in _PAGE_MARKER_RE.finditer(text):
        pairs = ((m["a"], m["b"]), (m["c"], m["d"]), (m["e"], m["f"]))
        # `page n of m` needs n <= m; `3/2` on its own line is a fraction or a date, not a page.
        if any(x and y and int(x) > int(y) for x, y in pairs) or (m["e"] and int(m["f"]) == 0):
            continue
        edits.append((m.start(), m.end(), "", 0))
    return _rewrite(text, offs, edits)


# A chat log whose line breaks were lost: each `[21:00:05] <nick>` (or `-*- nick`) opens a line again.
_CHAT_STAMP_RE = regex(r"[ \t](?=\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]+(?:<|-\*-|\*[ \t]))")


def _split_collapsed_chat(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Put each message of a chat log run onto one line back on a line of its own (two stamps or more)."""
    if "] <" not in text and "] -*-" not in text:
        return text, offs
    edits: list[tuple[int, int, str, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stamps = [m.start() for m in _CHAT_STAMP_RE.finditer(line)]
        if len(stamps) >= 2:
            edits.extend((pos + k, pos + k + 1, "\n", offs[pos + k]) for k in stamps)
        pos += len(line)
    return _rewrite(text, offs, edits)


# A bullet of a list whose line breaks were lost: ` * ` between two words of one very long line.
_INLINE_BULLET_RE = regex(r"(?<=\S)(?<!\d) \*(?= [^\s\d])")  # (not `40 * 12`: a product)
# A label closing the text before such a bullet (`... (5 min) Roll call:`): up to six words after the last
# stop, the first capitalised.
_TRAILING_LABEL_RE = regex(r"(?:^|(?<=[\s.)!?;]))[A-ZÅÄÖ][^\s.)!?;:]*(?:[ \t]+[^\s.)!?;:]+){0,5}:[ \t]*$")
_COLLAPSED_LINE = 400  # longer than any line a writer types: a page whose breaks were lost
_COLLAPSED_BULLETS = 4


def _split_collapsed_bullets(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Put each bullet of a list run onto one line (`goals: * have ... * set ...`) back on a line of its own,
    and the label that closes the text before a bullet (`Roll call:`) on its own line above it."""
    if " * " not in text:
        return text, offs
    edits: list[tuple[int, int, str, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stars = [m.start() for m in _INLINE_BULLET_RE.finditer(line)] if len(line) > _COLLAPSED_LINE else []
        if len(stars) >= _COLLAPSED_BULLETS:
            prev = 0
            for k in stars:
                label = _TRAILING_LABEL_RE.search(line, prev, k)
                if label and line[prev : label.start()].strip(" *"):
                    at = label.start() - 1  # the space before the label becomes its line break
                    edits.append((pos + at, pos + at + 1, "\n", offs[pos + at]))
                edits.append((pos + k, pos + k + 1, "\n", offs[pos + k]))
                prev = k + 2
        pos += len(line)
    return _rewrite(text, offs, edits)


# A table whose cells lost the space between them (`NameAction` / `Gavin HoldenFollow up ...`): the header is
# two to five column words run together, each row the same cells run together.
_GLUED_HEADER_RE = regex(r"^[ \t]*(?:[A-ZÅÄÖ][a-zåäö]+){2,5}[ \t]*$")
_HEADER_WORD_RE = regex(r"[A-ZÅÄÖ][a-zåäö]+")
_COLUMN_WORDS = frozenset(
    [
        "name",
        "names",
        "who",
        "person",
        "action",
        "actions",
        "task",
        "tasks",
        "item",
        "owner",
        "responsible",
        "due",
        "date",
        "when",
        "deadline",
        "status",
        "notes",
        "comments",
        "by",
        "nimi",
        "tehtävä",
        "toimenpide",
        "vastuu",
        "vastuuhenkilö",
        "aikataulu",
        "namn",
        "åtgärd",
        "uppgift",
        "ansvarig",
        "datum",
    ]
)
# where one cell ends and the next begins: a word in lower case, then a capital with no space between
_CELL_SEAM_RE = regex(r"(?<=[a-zåäö.)]{3})(?=[A-ZÅÄÖ][a-zåäö])")


def _split_glued_cells(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Put the cell separators back into a table whose cells were run together (`Gavin HoldenFollow up`)."""
    if not any(w in text for w in ("Name", "Action", "Who", "Task", "Nimi", "Namn", "Tehtävä")):
        return text, offs
    edits: list[tuple[int, int, str, int]] = []
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    k = 0
    while k < len(lines):
        head = lines[k].rstrip("\r\n")
        words = _HEADER_WORD_RE.findall(head) if _GLUED_HEADER_RE.match(head) else []
        if len(words) < 2 or not all(w.lower() in _COLUMN_WORDS for w in words):
            k += 1
            continue
        for seam in list(_HEADER_WORD_RE.finditer(head))[1:]:
            at = starts[k] + seam.start()
            edits.append((at, at, " | ", offs[at]))
        k += 1
        while k < len(lines) and lines[k].strip():
            row = lines[k]
            cuts = [m.start() for m in _CELL_SEAM_RE.finditer(row)][: len(words) - 1]
            if not cuts:
                break
            edits.extend((starts[k] + c, starts[k] + c, " | ", offs[starts[k] + c]) for c in cuts)
            k += 1
    return _rewrite(text, offs, edits)


# A run of 3+ spaces inside a line: the gap between two columns that PDF extraction put on one line.
_COL_GAP_RE = regex(r"(?<=\S) {3,}(?=\S)")
# A list label as a cell of its own (`Poissa:`, `In attendance:`), possibly with names after it.
_CELL_LABEL_RE = regex(r"^[^\W\d_][\w .-]{0,30}:(?:\s|$)")
_COL_SLACK = 2  # columns from a proportional font drift by a character or two


def _split_columns(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Read a two-column block (`Läsnä:      Poissa:` / `Pia Koski   Eero Vuori`) column by column."""
    if "   " not in text:
        return text, offs
    lines = _to_lines(text, offs, len(text))
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not lines[j].blank:
            j += 1
        if j > i:
            out.extend(_split_paragraph(lines[i:j]))
        out.extend(lines[j : j + 1])
        i = j + 1
    return _from_lines_keep(out)


def _from_lines_keep(lines: list[_Line]) -> tuple[str, Offsets]:
    """Join lines back into text and offsets, keeping every line (also leading and trailing blanks)."""
    offs: Offsets = []
    for i, line in enumerate(lines):
        offs.extend(line.offs)
        if i < len(lines) - 1:
            offs.append(line.nl)
    return "\n".join(line.text for line in lines), offs


def _right_starts(line: str) -> list[int]:
    """Where a second column could start in a line: after each inner run of 3+ spaces."""
    return [m.end() for m in _COL_GAP_RE.finditer(line)]


def _split_paragraph(para: list[_Line]) -> list[_Line]:
    """Split one paragraph at a column position shared by its lines, left column first; else keep it."""
    if len(para) < 2 or "|" in "".join(ln.text for ln in para):
        return para  # a table keeps its rows
    starts = [_right_starts(ln.text) for ln in para]
    candidates = sorted({s for row in starts for s in row})
    best, best_n = -1, 0
    for c in candidates:
        n = sum(
            1
            for ln, row in zip(para, starts, strict=True)
            if any(abs(s - c) <= _COL_SLACK or _label_cell_at(ln.text, s, c) for s in row)
        )
        if n > best_n:
            best, best_n = c, n
    if best_n < 2:
        return para
    first = next(k for k, row in enumerate(starts) if any(best - 32 <= s <= best + _COL_SLACK for s in row))
    left: list[_Line] = []
    right: list[_Line] = []
    right_cols: list[int] = []
    left_labels = right_labels = plain_left = 0
    last = first
    for k in range(first, len(para)):
        ln = para[k]
        indent = len(ln.text) - len(ln.text.lstrip())
        cut = next((s for s in starts[k] if abs(s - best) <= _COL_SLACK), None)
        if cut is None:
            cut = next((s for s in starts[k] if _label_cell_at(ln.text, s, best)), None)
        if cut is not None:
            lend = len(ln.text[:cut].rstrip())
            lcell, rcell = ln.text[:lend], ln.text[cut:]
            left.append(_Line(lcell, ln.offs[:lend], ln.nl))
            right.append(_Line(rcell, ln.offs[cut:], ln.nl))
            right_cols.append(cut)
            if _CELL_LABEL_RE.match(lcell.strip()):
                left_labels += 1
            else:
                plain_left += 1
            right_labels += bool(_CELL_LABEL_RE.match(rcell.strip()))
        elif indent >= best - _COL_SLACK:
            right.append(_Line(ln.text[indent:], ln.offs[indent:], ln.nl))  # only the right column goes on
            right_cols.append(indent)
        elif len(ln.text) < best - _COL_SLACK and not _HEADING_START_RE.match(ln.text):
            left.append(ln)  # only the left column goes on
        else:
            break  # text across the column position: the columns ended
        last = k
    # A label in a cell of its own marks an attendee layout; a left column of labels only is a
    # `Label:   value` form, whose values belong to their labels, not a second column.
    if not (left_labels + right_labels) or not plain_left:
        return para
    # Keep each right cell's indent within its column: a name under `Poissa: Jari Heino` continues that list.
    origin = min(right_cols, default=0)
    right = [
        _Line(" " * (c - origin) + r.text, [r.offs[0] if r.offs else r.nl] * (c - origin) + r.offs, r.nl)
        for r, c in zip(right, right_cols, strict=True)
    ]
    left, right = _unlabel(_join_open_cells(left)), _unlabel(_join_open_cells(right))
    return [*para[:first], *left, *right, *para[last + 1 :]]


_LABEL_THEN_TEXT_RE = regex(r"^([ \t]*[^\W\d_][\w .-]{0,30}:)[ \t]+(?=\S)")


def _unlabel(column: list[_Line]) -> list[_Line]:
    """Put a cell's label on a line of its own (`Poissa: Jari Heino` -> `Poissa:` / `Jari Heino`)."""
    out: list[_Line] = []
    for ln in column:
        m = _LABEL_THEN_TEXT_RE.match(ln.text)
        if m is None:
            out.append(ln)
            continue
        head = len(m.group(1))
        out.append(
            _Line(ln.text[:head].strip(), ln.offs[:head][len(ln.text) - len(ln.text.lstrip()) :], ln.nl)
        )
        out.append(_Line(ln.text[m.end() :], ln.offs[m.end() :], ln.nl))
    return out


def _join_open_cells(column: list[_Line]) -> list[_Line]:
    """Join a cell wrapped inside brackets (`Gareth Rees (Town Council,` / `planning officer)`)."""
    out: list[_Line] = []
    for ln in column:
        prev = out[-1].text if out else ""
        if prev.count("(") > prev.count(")") and not prev.rstrip().endswith("-"):
            out[-1] = _joined(out[-1], ln)
        else:
            out.append(ln)
    return out


def _label_cell_at(line: str, start: int, column: int) -> bool:
    """A right cell that opens with its label, its names aligned further right: `Poissa: Jari Heino`."""
    return column - 32 <= start < column and bool(_CELL_LABEL_RE.match(line[start:]))


_HEADING_START_RE = regex(r"^[ \t]*(?:#|\d{1,3}[.)]?\s|§)")


def _join_hyphens(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Join words hyphenated at a line end when the next line goes on in lower case."""
    known: set[str] | None = None
    edits: list[tuple[int, int, str, int]] = []
    for m in _HYPHEN_BREAK_RE.finditer(text):
        right = m["right"]
        hyphen = m.start()
        left = _word_before(text, hyphen)
        if left and right[0].isupper() and _in_name(text, hyphen, left):
            edits.append((hyphen + 1, m.end(), "", 0))  # `Ann Lee-\nSmith`: a double-barrelled surname
            continue
        if not left or not right[0].islower():
            continue  # `tekoäly-\nNeuvonantaja`: an upper-case start is a real compound or a new line
        if right.lower() in _CONJUNCTIONS:
            edits.append((hyphen + 1, m.end(), " ", offs[hyphen + 1]))  # `talous- ja ...`
        elif any(c.isdigit() for c in left) or (len(left) > 1 and left.isupper()):
            edits.append((hyphen + 1, m.end(), "", 0))  # `ICT-\nkehitys`, `2020-\nluvulla`
        elif f"{left}-{right}".lower() in (known := known if known is not None else _hyphenated_words(text)):
            edits.append((hyphen + 1, m.end(), "", 0))  # the text writes this compound with a hyphen
        else:
            edits.append((hyphen, m.end(), "", 0))
    return _rewrite(text, offs, edits)


def _in_name(text: str, hyphen: int, left: str) -> bool:
    """Whether `left` (ending at `hyphen`) is a capitalised word right after another one: a name's surname."""
    if not left[:1].isupper() or not left[1:].islower():
        return False
    before = text[: hyphen - len(left)]
    prev = re.search(r"(?:^|[\s,;:(])([A-ZÅÄÖÜ][a-zåäöüé]+)[ \t]+$", before[-40:])
    return prev is not None


# A surname split inside a line by extraction: `Marja Hei- nonen` (a capitalised word pair before it).
_INLINE_NAME_HYPHEN_RE = regex(
    r"\b[A-ZÅÄÖÜ][a-zåäöüé]{1,20} [A-ZÅÄÖÜ][a-zåäöüé]{0,20}(?P<cut>- )(?=[a-zåäöü]{2,}\b)"
)


def _join_inline_name_hyphens(text: str, offs: Offsets) -> tuple[str, Offsets]:
    """Join `Marja Hei- nonen` to `Marja Heinonen` (not `Kesä- ja talvikausi`: a conjunction follows)."""
    edits: list[tuple[int, int, str, int]] = []
    for m in _INLINE_NAME_HYPHEN_RE.finditer(text):
        if _word_after(text, m.end()).lower() in _CONJUNCTIONS:
            continue
        edits.append((m.start("cut"), m.end("cut"), "", 0))
    return _rewrite(text, offs, edits)


def _hyphenated_words(text: str) -> set[str]:
    """Lower-cased `word-word` compounds written with a hyphen inside a line."""
    found: set[str] = set()
    i = text.find("-")
    while i != -1:
        left, right = _word_before(text, i), _word_after(text, i + 1)
        if left and right:
            found.add(f"{left}-{right}".lower())
        i = text.find("-", i + 1)
    return found


def _word_before(text: str, i: int) -> str:
    """The run of letters and digits that ends at index `i`."""
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return text[j:i]


def _word_after(text: str, i: int) -> str:
    """The run of letters and digits that starts at index `i`."""
    j = i
    while j < len(text) and text[j].isalnum():
        j += 1
    return text[i:j]


@dataclass
class _Line:
    """One line of text, its per-character source offsets and the source offset of its newline."""

    text: str
    offs: Offsets
    nl: int

    @property
    def blank(self) -> bool:
        """True for an empty line (lines carry no trailing whitespace)."""
        return not self.text


def _to_lines(text: str, offs: Offsets, end: int) -> list[_Line]:
    """Split into lines without trailing spaces, keeping offsets."""
    lines: list[_Line] = []
    pos = 0
    for part in text.split("\n"):
        stop = pos + len(part)
        nl = offs[stop] if stop < len(offs) else end
        body = part.rstrip(" \t")
        lines.append(_Line(body, offs[pos : pos + len(body)], nl))
        pos = stop + 1
    return lines


def _from_lines(lines: list[_Line]) -> tuple[str, Offsets]:
    """Join lines back into text and offsets, without leading or trailing blank lines."""
    while lines and lines[0].blank:
        lines = lines[1:]
    while lines and lines[-1].blank:
        lines = lines[:-1]
    return _from_lines_keep(lines)


def _joined(a: _Line, b: _Line) -> _Line:
    """Line `a` continued by `b` after one space (the space maps to `a`'s line break)."""
    body = b.text.lstrip()
    cut = len(b.text) - len(body)
    return _Line(f"{a.text} {body}", [*a.offs, a.nl, *b.offs[cut:]], b.nl)


def _starts_lower(line: _Line) -> bool:
    """True when the line's first character is a lower-case letter."""
    body = line.text.lstrip()
    return bool(body) and body[0].islower()


def _open_ended(line: _Line) -> bool:
    """True when a line stops mid-sentence (no final punctuation, not a heading or a hyphen end)."""
    body = line.text.rstrip()
    return (
        bool(body)
        and not body.endswith(_TERMINAL)
        and not body.endswith("-")
        and not body.lstrip().startswith("#")
    )


def _move_url_intrusions(lines: list[_Line]) -> list[_Line]:
    """Take a URL line pasted mid-sentence out of the flow and put it after the paragraph."""
    i = 0
    while i < len(lines):
        if not _URL_LINE_RE.match(lines[i].text):
            i += 1
            continue
        a = i - 1
        while a >= 0 and lines[a].blank:
            a -= 1
        b = i + 1
        while b < len(lines) and lines[b].blank:
            b += 1
        if a < 0 or b >= len(lines) or not _open_ended(lines[a]) or not _starts_lower(lines[b]):
            i += 1
            continue
        url = lines[i]
        url = _Line(url.text.strip(), url.offs[len(url.text) - len(url.text.lstrip()) :], url.nl)
        lines[a : b + 1] = [_joined(lines[a], lines[b])]
        end = a + 1
        while end < len(lines) and not lines[end].blank:
            end += 1
        lines[end:end] = [_Line("", [], url.nl), url]
        i = end + 2
    return lines


def _join_false_breaks(lines: list[_Line]) -> list[_Line]:
    """Join a line that stops mid-sentence with a lower-case line after blank lines (one paragraph)."""
    out: list[_Line] = []
    pending_blanks: list[_Line] = []
    for line in lines:
        if line.blank:
            pending_blanks.append(line)
            continue
        if (
            pending_blanks
            and out
            and _open_ended(out[-1])
            and _starts_lower(line)
            and not _LABEL_START.match(line.text)
        ):
            out[-1] = _joined(out[-1], line)
        else:
            out.extend(pending_blanks)
            out.append(line)
        pending_blanks = []
    out.extend(pending_blanks)
    return out


# `mukana: Eero, Saara` after a blank line opens a labelled block of its own, whatever its case.
_LABEL_START = regex(r"^[ \t]*[^\W\d_]+(?:[ \t][^\W\d_]+){0,2}[ \t]*:(?:[ \t]|$)")


def _collapse_blanks(lines: list[_Line]) -> list[_Line]:
    """Keep at most one blank line in a row."""
    out: list[_Line] = []
    for line in lines:
        if line.blank:
            if out and out[-1].blank:
                continue
            line = _Line("", [], line.nl)
        out.append(line)
    return out


def _is_name_block(block: list[_Line]) -> bool:
    """True for a paragraph of person names (the first line may be a header like `Alustajat:`)."""
    body = block[1:] if _HEADER_LINE_RE.match(block[0].text) else block
    return bool(body) and all(_NAME_LINE_RE.match(line.text) for line in body)


def _merge_name_columns(lines: list[_Line]) -> list[_Line]:
    """Rejoin a two-column name list that extraction cut into pieces separated by a big blank gap.

    The paragraphs before the gap are the left column, those after it the right one; the columns are
    read as rows, so each right paragraph continues the left paragraph beside it.
    """
    paras: list[tuple[int, list[_Line]]] = []  # (blank lines before, lines)
    gap = 0
    current: list[_Line] = []
    for line in lines:
        if line.blank:
            if current:
                paras.append((gap, current))
                current, gap = [], 0
            gap += 1
        else:
            current.append(line)
    if current:
        paras.append((gap, current))
    if not any(g >= _BIG_GAP for g, _ in paras):
        return lines
    out_paras: list[tuple[int, list[_Line]]] = []
    j = 0
    while j < len(paras):
        g, block = paras[j]
        if g < _BIG_GAP or not out_paras or _HEADER_LINE_RE.match(block[0].text):
            out_paras.append((g, block))
            j += 1
            continue
        left: list[int] = []
        k = len(out_paras) - 1
        while k >= 0 and _is_name_block(out_paras[k][1]):
            left.insert(0, k)
            if out_paras[k][0] >= _BIG_GAP:
                break
            k -= 1
        right_end = j
        while right_end < len(paras) and _is_name_block(paras[right_end][1]):
            right_end += 1
            if right_end < len(paras) and paras[right_end][0] >= _BIG_GAP:
                break
        if not left or right_end == j:
            out_paras.append((g, block))
            j += 1
            continue
        rows = [out_paras[k][1] for k in left]
        for n, (_, rblock) in enumerate(paras[j:right_end]):
            if n < len(rows):
                rows[n] = rows[n] + rblock
            else:
                rows.append(rblock)
        first_gap = out_paras[left[0]][0]
        del out_paras[left[0] :]
        out_paras.extend((first_gap if n == 0 else 1, row) for n, row in enumerate(rows))
        j = right_end
    result: list[_Line] = []
    for g, block in out_paras:
        result.extend(_Line("", [], block[0].offs[0] if block[0].offs else 0) for _ in range(g))
        result.extend(block)
    return result
