"""The desk's tables: users, their bodies, sessions, login attempts, API tokens, used links, uploads."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

import models.tables  # noqa: F401  (its naming convention must be set before these tables exist)
from models.columns import UTCDateTime


def _utc(nullable: bool = True) -> Column:  # type: ignore[type-arg,unused-ignore]
    return Column(UTCDateTime(), nullable=nullable)


class Role(StrEnum):
    """What a user of the desk may do: a secretary serves some bodies, an admin all."""

    secretary = "secretary"
    admin = "admin"


class WebUser(SQLModel, table=True):
    """Someone who logs in to the desk."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    email: str | None = None
    role: Role = Role.secretary
    password_hash: str
    language: str = "fi"
    active: bool = True
    created_at: dt.datetime = Field(sa_column=_utc(nullable=False))


class UserBody(SQLModel, table=True):
    """A body a secretary serves."""

    __table_args__ = (UniqueConstraint("user_id", "body_id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="webuser.id", index=True)
    body_id: int = Field(foreign_key="body.id", index=True)


class WebSession(SQLModel, table=True):
    """A logged-in browser; only the cookie value's hash is stored, so a database leak logs nobody in."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, index=True)
    user_id: int = Field(foreign_key="webuser.id", index=True)
    csrf_token: str
    created_at: dt.datetime = Field(sa_column=_utc(nullable=False))
    last_seen_at: dt.datetime = Field(sa_column=_utc(nullable=False))


class LoginAttempt(SQLModel, table=True):
    """One login try, counted per account and per address to slow down guessing."""

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(sa_column=_utc(nullable=False))
    username: str = Field(index=True)
    ip: str = Field(index=True)
    success: bool = False


class ApiToken(SQLModel, table=True):
    """A user's token for scripts calling /api/; only its hash is stored."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="webuser.id", index=True)
    token_hash: str = Field(unique=True, index=True)
    created_at: dt.datetime = Field(sa_column=_utc(nullable=False))
    last_used_at: dt.datetime | None = Field(default=None, sa_column=_utc())


class UsedLink(SQLModel, table=True):
    """A signed mail link that has been used; the unique hash makes each link work once."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, index=True)
    action_item_id: int = Field(foreign_key="actionitem.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    used_at: dt.datetime = Field(sa_column=_utc(nullable=False))


class UploadStatus(StrEnum):
    """Where uploaded minutes stand in review."""

    review = "review"
    approved = "approved"
    discarded = "discarded"


class Upload(SQLModel, table=True):
    """Minutes uploaded on the desk: stored with invitations held until a secretary approves them."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="webuser.id", index=True)
    file_name: str
    status: UploadStatus = UploadStatus.review
    outcome: str  # stored | updated | duplicate
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    next_meeting_id: int | None = Field(default=None, foreign_key="meeting.id")
    source_document_id: int | None = Field(default=None, foreign_key="sourcedocument.id")
    created_at: dt.datetime = Field(sa_column=_utc(nullable=False))
    decided_at: dt.datetime | None = Field(default=None, sa_column=_utc())
