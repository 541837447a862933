"""The pieces the extraction stages hand each other."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from muistio.contract import Participant
from muistio.patterns import regex


@dataclass
class Line:
    """One line of the text: its offset, the offset after its line break, and its text without the break."""

    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets (every break `str.splitlines` knows ends a line)."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append(Line(pos, pos + len(raw), raw.rstrip("\r\n")))
        pos += len(raw)
    return out


# An rst heading's underline (or overline): a run of one punctuation character, `=====`, `-----`.
# A blank line: where a paragraph (or a list) ends.
BLANK_LINE = regex(r"\n[ \t]*\n")
RST_UNDERLINE = regex(r"^([=\-~^\"'`#*+_:.])\1{2,}[ \t]*$")
# A chat log's time stamp before a message: `21:00`, `[21:00:05]`, `2014-05-27T16:00:10` (with its date).
CHAT_STAMP = r"\[?(?:\d{4}-\d{2}-\d{2}[T ])?\d{1,2}:\d{2}(?::\d{2})?\]?"
# A letter of any script (no digit, no underscore).
LETTER = regex(r"[^\W\d_]")


# The letters a case-blind regex matches to a letter of the words (`i`, `s`) that `str.lower()` does not
# turn into it: all of them, as tests/test_patterns.py checks over every code point.
ODD_FOLD = "ıİſ"


def may_hold(text: str, words: Iterable[str]) -> bool:
    """Whether a case-blind pattern that needs one of `words` (in lower case) can match in `text`.

    A cheap test before a case-blind regex scan, which is slow over a whole text.
    """
    low = text.lower()
    # plain loops of substring tests, not any(<generator>) or a character-class search: this runs on
    # every sentence, and both cost more than the substring tests themselves
    for w in words:
        if w in low:
            return True
    return "ı" in text or "İ" in text or "ſ" in text  # ODD_FOLD, spelt out: a loop costs twice as much


class CaseBlind:
    """A case-blind pattern run first as its case-sensitive twin over the lower-cased text.

    The engine's case-blind compare costs ~2.5x the plain one over a long alternation (the roll labels of
    three languages, the reporting verbs); most texts match neither, and for them the twin's answer is
    the final one. On a hit the pattern itself runs, from the twin's first match on, so results never
    change. Only whole strings: with pos and endpos the lower-casing would cost more than it saves.
    """

    def __init__(self, rx: re.Pattern[str]) -> None:
        # escapes (`\S`, `\W`) and group names (`(?P<label>`) are no letters the pattern matches
        bare = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", rx.pattern)
        if not rx.flags & re.IGNORECASE or "(?-i" in rx.pattern or bare != bare.lower():
            raise ValueError("only a case-blind pattern with no case-sensitive part has a lower-case twin")
        self.rx = rx
        self.twin = regex(rx.pattern, rx.flags & ~re.IGNORECASE)

    def _first(self, text: str, anchored: bool) -> int:
        """Where the twin first matches (-1: nowhere); 0 when it cannot tell (the odd folds of ODD_FOLD)."""
        # ODD_FOLD spelt out, as in may_hold: the twin cannot see those letters' case-blind matches
        if "ı" in text or "İ" in text or "ſ" in text:
            return 0
        low = text.lower()
        m = self.twin.match(low) if anchored else self.twin.search(low)
        return -1 if m is None else m.start()

    def match(self, text: str) -> re.Match[str] | None:
        """`rx.match(text)`."""
        return None if self._first(text, True) < 0 else self.rx.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """`rx.fullmatch(text)`."""
        return None if self._first(text, True) < 0 else self.rx.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        """`rx.search(text)`."""
        at = self._first(text, False)
        return None if at < 0 else self.rx.search(text, at)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`rx.finditer(text)`."""
        at = self._first(text, False)
        return iter(()) if at < 0 else self.rx.finditer(text, at)


def matches_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` for a pattern that never matches empty and only at `starts` (ascending).

    A pattern that must start at a line start scans every character when run as `finditer`; trying
    it only where it can start finds the same matches.
    """
    done = 0
    for pos in starts:
        if pos < done:
            continue
        m = rx.match(text, pos)
        if m:
            yield m
            done = m.end()


@dataclass
class Section:
    """A stretch of the minutes under one agenda item (number None: before the first item)."""

    number: str | None
    title: str
    start: int  # offset of the body in the normalised text
    end: int
    presenters: list[str] = field(default_factory=list)

    def body(self, text: str) -> str:
        """This section's text."""
        return text[self.start : self.end]


@dataclass
class ExtractionContext:
    """What the action-item stage needs from the stages before it."""

    text: str
    language: str
    meeting_date: date | None
    sections: list[Section]
    participants: list[Participant]
    next_meeting_date: date | None = None
    # Offsets in `text` of the sentence that sets the next meeting (a month-only one too): not an action.
    next_meeting_span: tuple[int, int] | None = None
    # Offsets of an agenda listed ahead of the items: its lines are titles, not tasks.
    agenda_list: tuple[int, int] | None = None
    min_confidence: float = 0.5
    warnings: list[str] = field(default_factory=list)
