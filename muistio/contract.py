"""The extraction contract: the JSON `muistio extract FILE --json` prints (spec/extraction.schema.json)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_ID = "muistio.extraction/1"

Format = Literal["txt", "md", "pdf", "docx", "html", "tex"]
Language = Literal["fi", "en", "sv"]
Role = Literal["chair", "vice_chair", "secretary", "member", "presenter", "guest", "minutes_checker"]
Precision = Literal["day", "week", "month", "season", "half_year", "year", "meeting"]


class Source(BaseModel):
    """Which file the extraction came from."""

    path: str
    sha256: str
    format: Format


class WhenWhere(BaseModel):
    """A meeting's date, local start and end (HH:MM), time zone and place."""

    date: str | None = None
    start: str | None = None
    end: str | None = None
    timezone: str = "Europe/Helsinki"
    place: str | None = None
    # How sure the extractor is of the date (0..1) and why; kept in process, out of the contract's JSON.
    confidence: float | None = Field(default=None, exclude=True)
    evidence: list[str] = Field(default_factory=list, exclude=True)


class NextMeeting(WhenWhere):
    """The next meeting as the minutes set it, with its agenda and the sentence that said so."""

    agenda: list[str] = Field(default_factory=list)
    quote: str | None = None


class Participant(BaseModel):
    """A person named in the minutes, with roles and presence."""

    name: str
    roles: list[Role] = Field(default_factory=list)
    organization: str | None = None
    present: bool = True


class AgendaEntry(BaseModel):
    """One numbered agenda item."""

    number: str
    title: str
    presenters: list[str] = Field(default_factory=list)


class DecisionEntry(BaseModel):
    """A resolution the meeting made."""

    text: str
    agenda_item: str | None = None
    quote: str


class Due(BaseModel):
    """When an action item is due: the last day of the period named, its precision and the words."""

    date: str
    precision: Precision
    phrase: str


class ActionEntry(BaseModel):
    """Something someone is to do after the meeting."""

    text: str
    owners: list[str] = Field(default_factory=list)
    due: Due | None = None
    agenda_item: str | None = None
    quote: str
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Extraction(BaseModel):
    """Everything read from one minutes document."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    source: Source
    language: Language = "fi"
    group: str | None = None
    meeting: WhenWhere | None = None
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaEntry] = Field(default_factory=list)
    decisions: list[DecisionEntry] = Field(default_factory=list)
    action_items: list[ActionEntry] = Field(default_factory=list)
    next_meeting: NextMeeting | None = None
    warnings: list[str] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def to_json(self) -> str:
        """The contract's JSON, keys in schema order, non-ASCII kept."""
        return self.model_dump_json(by_alias=True, indent=2)
