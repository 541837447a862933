"""The SQLModel tables: bodies, people, meetings and what minutes promise, plus the outbox."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, String, Text, UniqueConstraint, event, true
from sqlmodel import Field, SQLModel

from models.columns import UTCDateTime, name_key, name_key_default

# Named constraints make later migrations (SQLite batch mode included) able to find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _no_strings() -> list[str]:
    """A fresh empty list: a plain function, because pydantic inspects the signature of a default
    factory for every new row, and for the builtin `list` that costs ~1 ms each time."""
    return []


def _utc_column(nullable: bool = True) -> Column:  # type: ignore[type-arg,unused-ignore]
    return Column(UTCDateTime(), nullable=nullable)


class MeetingStatus(StrEnum):
    """Where a meeting stands."""

    scheduled = "scheduled"
    held = "held"
    cancelled = "cancelled"


class ActionStatus(StrEnum):
    """Where an action item stands."""

    open = "open"
    done = "done"
    cancelled = "cancelled"


class OutboxStatus(StrEnum):
    """Where an outgoing message stands."""

    pending = "pending"
    sending = "sending"
    sent = "sent"
    failed = "failed"


# --- Body: the group that meets ------------------------------------------------------------


class BodyBase(SQLModel):
    """The fields of a body that meets."""

    name: str = Field(index=True, unique=True)
    timezone: str = "Europe/Helsinki"
    language: str = "fi"
    organizer_name: str | None = None
    organizer_email: str | None = None
    require_approval: bool = False
    reminders: bool = True  # meeting and due-date reminders on or off for the whole body
    meeting_reminder_days: int = 2  # the meeting reminder goes this many days before
    item_reminder_days: int = 3  # items due within this many days are reminded of


def _key_column(*, unique: bool) -> Any:
    column = Column(String, nullable=False, default=name_key_default, index=True, unique=unique)
    return Field(default=None, sa_column=column)


class Body(BodyBase, table=True):
    """A committee, board or working group."""

    id: int | None = Field(default=None, primary_key=True)
    # casefold + NFC + spaces: `KOIVUKYLÄN KOULU` and `Koivukylän koulu` are one body on every database.
    name_key: str | None = _key_column(unique=True)


class BodyRead(BodyBase):
    """A body as shown to users."""

    id: int


# --- Person --------------------------------------------------------------------------------


class PersonBase(SQLModel):
    """The fields of a person."""

    name: str = Field(index=True)
    email: str | None = None
    aliases: list[str] = Field(default_factory=_no_strings, sa_column=Column(JSON, nullable=False))
    organization: str | None = None
    language: str | None = None
    body_id: int | None = Field(default=None, foreign_key="body.id", index=True)


class Person(PersonBase, table=True):
    """Someone who takes part in a body's meetings."""

    __table_args__ = (UniqueConstraint("body_id", "name"), UniqueConstraint("body_id", "name_key"))
    id: int | None = Field(default=None, primary_key=True)
    name_key: str | None = _key_column(unique=False)


class PersonRead(PersonBase):
    """A person as shown to users."""

    id: int


# --- SourceDocument ------------------------------------------------------------------------


class SourceDocumentBase(SQLModel):
    """The fields of an ingested document."""

    sha256: str = Field(index=True, unique=True)
    file_name: str
    format: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    outcome: str = "stored"  # stored | updated | failed
    error: str | None = None
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    # False from the store's short write until the mail it causes is queued (composed outside the lock).
    mail_queued: bool = Field(default=True, sa_column_kwargs={"server_default": true()})


class SourceDocument(SourceDocumentBase, table=True):
    """Minutes as they were read, kept so every quote can be shown in place."""

    id: int | None = Field(default=None, primary_key=True)


class SourceDocumentRead(SourceDocumentBase):
    """A source document as shown to users."""

    id: int


# --- Meeting -------------------------------------------------------------------------------


class MeetingBase(SQLModel):
    """The fields of a meeting."""

    body_id: int = Field(foreign_key="body.id", index=True)
    date: dt.date = Field(index=True)
    starts_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    ends_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    place: str | None = None
    status: MeetingStatus = MeetingStatus.scheduled
    calendar_uid: str = Field(index=True, unique=True)
    sequence: int = 0
    agenda_preview: list[str] = Field(default_factory=_no_strings, sa_column=Column(JSON, nullable=False))
    approved_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    previous_meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    # Why invitations wait for `muistio approve` whatever the body's setting (a doubtful date or time).
    hold_reason: str | None = None


class Meeting(MeetingBase, table=True):
    """A meeting, held (minutes in) or scheduled (announced by earlier minutes)."""

    __table_args__ = (UniqueConstraint("body_id", "date"),)
    id: int | None = Field(default=None, primary_key=True)


class MeetingRead(MeetingBase):
    """A meeting as shown to users."""

    id: int


# --- Participation -------------------------------------------------------------------------


class Participation(SQLModel, table=True):
    """A person's part in one meeting: roles and presence."""

    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    roles: list[str] = Field(default_factory=_no_strings, sa_column=Column(JSON, nullable=False))
    present: bool = True


# --- AgendaItem and Decision ---------------------------------------------------------------


class AgendaItem(SQLModel, table=True):
    """One numbered item of a meeting's agenda."""

    __table_args__ = (UniqueConstraint("meeting_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    number: str
    title: str
    presenters: list[str] = Field(default_factory=_no_strings, sa_column=Column(JSON, nullable=False))


class Decision(SQLModel, table=True):
    """A resolution the meeting made."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    agenda_number: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    quote: str = Field(sa_column=Column(Text, nullable=False))


# --- ActionItem ----------------------------------------------------------------------------


class ActionItemBase(SQLModel):
    """The fields of an action item."""

    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    agenda_number: str | None = None
    key: str = Field(index=True, description="stable key from the quote, to match corrected minutes")
    text: str = Field(sa_column=Column(Text, nullable=False))
    quote: str = Field(sa_column=Column(Text, nullable=False))
    due_date: dt.date | None = Field(default=None, index=True)
    due_precision: str | None = None
    due_phrase: str | None = None
    status: ActionStatus = Field(default=ActionStatus.open, index=True)
    confidence: float = 0.5
    created_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    updated_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    completed_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())


class ActionItem(ActionItemBase, table=True):
    """Something someone is to do after the meeting."""

    # (status, due_date, id): the digest's and reminders' "open and due before/within" is one range scan,
    # and the desk's list (status, by due date, then id) and its counts read this index alone.
    __table_args__ = (
        UniqueConstraint("meeting_id", "key"),
        Index("ix_actionitem_status_due_date_id", "status", "due_date", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)


class ActionItemRead(ActionItemBase):
    """An action item as shown to users, with its owners' names."""

    id: int
    owners: list[str] = Field(default_factory=_no_strings)


class ActionItemOwner(SQLModel, table=True):
    """Who owns an action item: a known person, or a name muistio could not resolve (an organisation)."""

    id: int | None = Field(default=None, primary_key=True)
    action_item_id: int = Field(foreign_key="actionitem.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    name: str


class ActionItemEvent(SQLModel, table=True):
    """One change to an action item: the history secretaries and auditors read."""

    id: int | None = Field(default=None, primary_key=True)
    action_item_id: int = Field(foreign_key="actionitem.id", index=True)
    at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    actor: str
    kind: str  # created | updated | status | owners | due | note
    old: str | None = None
    new: str | None = None
    note: str | None = None


# --- PendingChange ---------------------------------------------------------------------------


class PendingStatus(StrEnum):
    """Where a held correction stands."""

    pending = "pending"
    approved = "approved"
    discarded = "discarded"
    superseded = "superseded"


class PendingChange(SQLModel, table=True):
    """Minutes for a meeting already stored, held until the secretary approves or discards them."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    status: PendingStatus = Field(default=PendingStatus.pending, index=True)
    reason: str  # one line: why it is held
    similarity: float  # 0..1, the new text against the stored minutes
    body_name: str
    sha256: str = Field(index=True)
    file_name: str
    format: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    extraction: dict = Field(sa_column=Column(JSON, nullable=False))  # type: ignore[type-arg]
    diff: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # type: ignore[type-arg]
    created_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    decided_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    decided_by: str | None = None


# --- Outbox --------------------------------------------------------------------------------


class OutboxMessage(SQLModel, table=True):
    """An outgoing mail, written in the same transaction as the change that causes it."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True, description="meeting uid|kind|sequence|recipient")
    kind: str  # request | cancel | reminder | digest
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    recipient: str
    subject: str
    message_id: str
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    status: OutboxStatus = Field(default=OutboxStatus.pending)
    attempts: int = 0
    next_attempt_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    claimed_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    last_error: str | None = None
    created_at: dt.datetime = Field(sa_column=_utc_column(nullable=False))
    sent_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())

    # Per-row lease: the claiming sender's token, and when its claim ends unless renewed.
    claimed_by: str | None = None
    lease_until: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    interruptions: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # The retry horizon counts from the first temporary failure (reset by `outbox retry`).
    first_failure_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    failed_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())
    failure_noticed_at: dt.datetime | None = Field(default=None, sa_column=_utc_column())

    # A sender claims the oldest due rows: this index hands them over in order, so a claim of twenty
    # reads twenty entries instead of sorting every pending row (a bulk enqueue holds thousands).
    __table_args__ = (Index("ix_outboxmessage_status_id", "status", "id"),)


@event.listens_for(Body, "before_insert")
@event.listens_for(Body, "before_update")
@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _keep_name_key(_mapper: Any, _connection: Any, target: Body | Person) -> None:
    """The key always follows the name, whoever writes the row through the ORM."""
    target.name_key = name_key(target.name)
