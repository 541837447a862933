"""The pieces the extraction stages hand each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from muistio.contract import Participant


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
    min_confidence: float = 0.5
    warnings: list[str] = field(default_factory=list)
