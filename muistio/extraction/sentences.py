"""Split minutes text into blocks (paragraphs, bullets) and sentences, keeping offsets into the text.

Knows Finnish and English abbreviations (mm., esim., klo, pj., e.g.), initials (Sari S.), dates
written with trailing dots (20.6.), PDF paragraphs broken before a lower-case continuation,
hard-wrapped Markdown, and MeetBot lines collapsed into one (`* ACTION: ... * AGREED: ...`).
"""

from __future__ import annotations

from dataclasses import dataclass

from muistio.extraction.parts import CHAT_STAMP
from muistio.extraction.vocabulary import words
from muistio.patterns import regex

ABBREVIATIONS = words(
    """
    mm esim klo kello pj vpj siht n ym yms jne ns tms ko em ks vrt v nro puh os ts ml milj mrd eur
    kpl tri ao ed yht kk vk pvm jäs sis ilm alk huom s p eg ie etc vs approx dr mr mrs ms st ca incl
    resp prof no nos fig cf al viim pvä vrk lkm
    """
)

# Units written after a number: '20 kpl.', '3 milj.' (an abbreviation that can end a sentence).
_UNITS = frozenset({"kpl", "milj", "mrd", "eur", "pcs", "snt", "tuh"})
_NUMBER_BEFORE = regex(r"\d[\d .,]*\s$")
# a sub-item's number or a paragraph sign opening a line (`9.2 Budget`, `§ 12`): a heading, no wrapped line
# (no dot after the last number: `22.11. Kokous` is a date)
_SUB_ITEM = regex(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})+|§[ \t]*\d{1,3})[ \t]+[A-ZÅÄÖ]")

# Words that continue a sentence after a date's trailing dot ('15.12. Mennessä', '20.6. klo').
_AFTER_DATE = frozenset({"mennessä", "alkaen", "asti", "saakka", "klo", "kello", "lähtien", "by", "at"})

_BULLET = regex(
    r"^[ \t]*(?:(?:->|=>|→)(?=[ \t])|[-*+•–◦▪]|\d{1,2}[.)](?=[ \t])|[a-z][.)](?=[ \t])|\[[ xX]\])[ \t]*"
)
_MEETBOT_TAG = regex(
    r"(?:^|[ \t])\*[ \t]+(?:ACTION|AGREED|INFO|IDEA|TOPIC|LINK|HELP|ACCEPTED|REJECTED|UNDO|CHAIR|NOTE)\s*:"
)
_TURN = regex(r"^[ \t]*(?:[-*•][ \t]+)?(?:@[\w.-]+|[A-ZÅÄÖ][\w'’.-]*(?:[ \t]+[\wÅÄÖåäö'’.-]+){0,2})[ \t]*:")
# A chat-log line: '16:05:52 <nick> text' or '[16:05] <nick> text'.
# (irssi pads the nick's mode column with a space: `< mupuf>` beside `<+egbert>`)
IRC_PREFIX = regex(r"[ \t]*(?:" + CHAT_STAMP + r"[ \t]+)?<[ @+%]?(?P<nick>[^>\s]{1,40})>[ \t]*")
_NEXT_WORD = regex(r"\s*([\"“(\[*]*)(\S+)")
_WORD_BEFORE = regex(r"([\w'’]+)\.*$")
_LIST_NUMBER = regex(r"[ \t]*\d{1,3}\.")
_NUMBERED_NUMBER = regex(r"^[ \t]*\d{1,2}[.)][ \t]*\d")  # '3. 12 members' is no bullet
_TAGGED = regex(r"[ \t]*\*[ \t]+[A-Z]+\s*:")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
# the leading lookahead lets the scan skip ordinary letters before the lookbehind is tried at each
_SENT_END = regex(r"(?=[.!?A-ZÅÄÖ])(?:[.!?]+[\"”’)\]]*(?=\s|$)|(?<=\d\.)(?=[A-ZÅÄÖ][a-zåäö]))")


# Not frozen: a frozen dataclass's __init__ costs three times as much, and a document makes hundreds
# of these. Nothing assigns to them; unsafe_hash keeps the hash a frozen one would have.
@dataclass(slots=True, unsafe_hash=True)
class Block:
    """A paragraph or one bullet (with its wrapped continuation lines)."""

    start: int
    end: int
    bullet: bool
    indent: int
    index: int  # running number of the block in the text
    new_paragraph: bool  # a blank line (or a heading) came before it


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """One sentence with its block."""

    start: int
    end: int
    block: Block


_OWNER_MARKER_END = regex(
    r"[.!?)]\s+(?:Actions?|ACTIONS?|Action\s+by|AP)\s*[:–-]\s*[A-ZÅÄÖ][\w'’.-]*"
    r"(?:(?:\s*,\s*|\s*&\s*|\s+(?:and|ja|och)\s+|\s+)[A-ZÅÄÖ][\w'’.-]*){0,4}\s*$"
)


def _is_turn(line: str) -> bool:
    """A speaker's turn ('Name: ...'); the colon test spares the pattern most lines."""
    return ":" in line and _TURN.match(line) is not None


def _starts_lower(s: str) -> bool:
    s = s.lstrip()
    return bool(s) and (s[0].islower() or s[0] in "([–")


def blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Paragraphs and bullets of text[start:end], with PDF and hard-wrap continuations joined."""
    end = len(text) if end is None else end
    lines: list[tuple[int, int, int]] = []  # (start, end, start of the physical line it is part of)
    pos = start
    for raw in text[start:end].splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        # MeetBot minutes collapsed into one line: every ' * TAG:' starts a new line of its own.
        if "*" not in body:  # the common case: the line is one line
            lines.append((pos, pos + len(body), pos))
            pos += len(raw)
            continue
        cuts = [m.start() + (1 if m.group()[0] in " \t" else 0) for m in _MEETBOT_TAG.finditer(body)]
        cuts = [c for c in cuts if c > 0]
        prev = 0
        for c in [*cuts, len(body)]:
            if c > prev:
                lines.append((pos + prev, pos + c, pos))
            prev = c
        if not body:
            lines.append((pos, pos, pos))
        pos += len(raw)
    out: list[Block] = []
    cur: list[int] | None = None  # [start, end, bullet, indent, new_par]
    blank_before = True
    last_line_start = 0  # where the block's last physical line starts
    for ls, le, phys in lines:
        line = text[ls:le]
        if not line.strip():
            blank_before = True
            continue
        bm = _BULLET.match(line)
        is_bullet = bool(bm) and not _NUMBERED_NUMBER.match(line)
        tagged = "*" in line and bool(_TAGGED.match(line))
        indent = len(line) - len(line.lstrip(" \t"))
        cont = False
        # each pattern needs its mark ('*', '<', ':'): a line without it is not run through the pattern
        chat = "<" in line and bool(IRC_PREFIX.match(line))
        if cur is not None and not is_bullet and not tagged and not chat and not _is_turn(line):
            # the block's last line, at most 200 characters of it (only its end and length are asked)
            prev_stripped = text[max(cur[1] - 200, cur[0], last_line_start) : cur[1]]
            lower = _starts_lower(line)
            if lower and not prev_stripped.endswith((".", "!", "?")):
                cont = True  # a sentence running on over a line (or a PDF blank line)
            elif lower and blank_before is False:
                cont = True
            elif (
                not blank_before
                and not _SUB_ITEM.match(line)
                and (
                    prev_stripped.endswith((",", ";", "–", "-", "("))
                    or (
                        len(prev_stripped) >= 60
                        and not prev_stripped.endswith((".", "!", "?", ":"))
                        # '... to food banks. Action: Brenda' closes its item: the next line is another
                        and not _OWNER_MARKER_END.search(prev_stripped)
                    )
                )
            ):
                cont = True  # hard-wrapped paragraph
        if cont and cur is not None:
            cur[1] = ls + len(line.rstrip())
        else:
            if cur is not None:
                out.append(Block(cur[0], cur[1], bool(cur[2]), cur[3], len(out), bool(cur[4])))
            cur = [ls, ls + len(line.rstrip()), int(is_bullet or tagged or chat), indent, int(blank_before)]
        last_line_start = phys
        blank_before = False
    if cur is not None:
        out.append(Block(cur[0], cur[1], bool(cur[2]), cur[3], len(out), bool(cur[4])))
    return out


# a word in lower case with a modal after it: a chat nick opening a sentence ('alexcrichton will try ...')
_NICK_OPENS = regex(r"[a-z][a-z0-9_-]{2,23}\s+(?:will|to|should|ska|skall|tar|hoitaa|lupasi)\s")


def _nick_opens(text: str, dot: int, at: int, limit: int) -> bool:
    """Whether a sentence opens in lower case after a full stop: a nick and its modal, and a whole word before
    the stop (no abbreviation: 'e.g. someone will ...')."""
    if text[dot] != "." or _NICK_OPENS.match(text, at, limit) is None:
        return False
    before = _WORD_BEFORE.search(text[max(0, dot - 30) : dot])
    return before is not None and len(before.group(1)) >= 4 and before.group(1).lower() not in ABBREVIATIONS


def _is_break(text: str, dot: int, after: int, limit: int) -> bool:
    """Whether the punctuation ending at `after` (the dot at `dot`) ends a sentence."""
    nxt = _NEXT_WORD.match(text, after, limit)
    if not nxt:
        return True
    word = nxt.group(2)
    if not (word[0].isupper() or word[0].isdigit() or nxt.group(1)):
        return _nick_opens(text, dot, nxt.start(2), limit)
    if text[dot] != ".":
        return True
    before = _WORD_BEFORE.search(text[max(0, dot - 30) : dot + 1].rstrip("."))
    tok = before.group(1) if before else ""
    if tok.lower() in ABBREVIATIONS and not (tok.isupper() and len(tok) > 1):
        # a unit after a number ends the sentence when a capitalised word follows ('20 kpl. Lasku ...')
        if tok.lower() not in _UNITS or not word[0].isupper():
            return False
        return bool(_NUMBER_BEFORE.search(text[max(0, dot - len(tok) - 16) : dot - len(tok)]))
    if len(tok) == 1 and tok in _UPPER:  # an initial: 'Sari S. lupasi'
        return False
    if tok.isdigit():
        w = word.rstrip(".,:;!?)]\"'”’").lower()
        if w in _AFTER_DATE:
            return False
    return True


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end], each with the block it belongs to."""
    out: list[Sentence] = []

    def add(a: int, z: int, b: Block) -> None:
        while a < z and text[a].isspace():
            a += 1
        while z > a and text[z - 1].isspace():
            z -= 1
        if a < z:
            out.append(Sentence(a, z, b))

    for b in blocks(text, start, end):
        s = b.start
        for m in _SENT_END.finditer(text, b.start, b.end):
            if m.end() <= s:
                continue
            if m.group() == "":  # '23.11.Sari' - a missing space after a date
                add(s, m.start(), b)
                s = m.start()
                continue
            # a list's own number ('1. Order chairs') opens the item, it does not end a sentence
            if b.bullet and _LIST_NUMBER.fullmatch(text, s, m.end()):
                continue
            if _is_break(text, m.start(), m.end(), b.end):
                add(s, m.end(), b)
                s = m.end()
        add(s, b.end, b)
    return out
