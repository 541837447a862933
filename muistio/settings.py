"""One typed settings object, read once at the edge (CLI, flows, web) from MUISTIO_* variables."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

POSTGRES_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
DATABASE_URL_FORMS = (
    "use sqlite:///relative/path.db, sqlite:////absolute/path.db or postgresql://user@host:5432/dbname"
)


class Settings(BaseSettings):
    """Everything configurable about muistio; every field has a working default."""

    model_config = SettingsConfigDict(env_prefix="MUISTIO_", env_file=None, extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="where the SQLite file and the Maildir live")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite under data_dir"
    )
    timezone: str = "Europe/Helsinki"
    language: Literal["fi", "sv", "en"] = "fi"

    # mail
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_security: Literal["none", "starttls", "ssl"] = "starttls"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_timeout: float = 30.0
    smtp_per_session: int = Field(
        default=500, ge=1, description="messages sent over one SMTP connection before reconnecting"
    )
    smtp_allow_plain_login: bool = Field(
        default=False, description="allow an SMTP login without TLS (warned about on every connection)"
    )
    outbox_lease: float = Field(
        default=45.0, gt=0, description="seconds a sender's claim on a row lasts unless renewed"
    )
    retry_horizon: timedelta = Field(
        default=timedelta(days=4), description="how long temporary failures are retried (e.g. P4D, 86400)"
    )
    mail_from: str = "muistio@localhost"
    maildir: Path | None = Field(
        default=None, description="default: data_dir/maildir when no SMTP host is set"
    )
    message_id_domain: str = "muistio.local"
    secret_key: str = Field(default="change-me", description="keys Message-IDs and signed links")

    # organiser used when a body has none of its own
    organizer_name: str = "Sihteeri"
    organizer_email: str = "sihteeri@example.org"

    # extraction
    min_confidence: float = 0.5
    morphology: Literal["auto", "voikko", "none"] = Field(
        default="auto", description="Finnish analyser: libvoikko when installed (auto), required, or off"
    )

    inbox_dir: Path | None = Field(
        default=None, description="folder watched for approved minutes; default: data_dir/inbox"
    )

    # bounded parsing: one file may cost at most this much (the child process is stopped past it)
    parse_seconds: float = Field(default=60.0, gt=0, description="time limit for reading one file")
    parse_memory_mb: int = Field(default=1024, ge=128, description="memory limit for reading one file")
    parse_max_chars: int = Field(default=2_000_000, gt=0, description="longest minutes text accepted")

    @field_validator("database_url")
    @classmethod
    def _database_url_form(cls, value: str | None) -> str | None:
        """A SQLite file or a PostgreSQL URL; anything else is named with the forms that work."""
        if value is None or not value.strip():
            return None
        value = value.strip()
        scheme, sep, rest = value.partition("://")
        ok = sep and (
            (scheme == "sqlite" and rest.startswith("/") and len(rest) > 1)
            or (scheme in POSTGRES_SCHEMES and "/" in rest and rest.split("/", 1)[1])
        )
        if not ok:
            raise ValueError(f"{value!r} is not a database URL muistio can use; {DATABASE_URL_FORMS}")
        return value

    # the secretary's desk and the links in mails
    public_url: str | None = Field(
        default=None,
        description="the desk's address as mail readers reach it, e.g. https://muistio.example.org",
    )
    link_days: int = Field(default=14, ge=1, le=365, description="how long a mark-done link in a mail works")
    user: str | None = Field(default=None, description="who the CLI records in history without --by")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """An IANA zone name; a typo fails at start-up, not in the middle of a mail run."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use a name like Europe/Helsinki)") from None
        return value

    @field_validator("retry_horizon", mode="before")
    @classmethod
    def _duration(cls, value: object) -> object:
        """Seconds, or a number with d/h/m/s ('4d', '36h'), besides ISO 8601 ('P4D')."""
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dhms]?)\s*", value.lower())
            if match:
                unit = {"d": 86400, "h": 3600, "m": 60, "s": 1, "": 1}[match.group(2)]
                return timedelta(seconds=float(match.group(1)) * unit)
            if not value.strip().upper().startswith("P"):
                raise ValueError(f"not a duration {value!r} (use seconds, 4d, 36h, 90m or ISO 8601 like P4D)")
        return value

    @property
    def resolved_database_url(self) -> str:
        """The database URL in force: the configured one, or a SQLite file under data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'muistio.db').resolve()}"

    @property
    def resolved_maildir(self) -> Path:
        """Where the embedded mail transport writes when no SMTP host is set."""
        return self.maildir or self.data_dir / "maildir"
