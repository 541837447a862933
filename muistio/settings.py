"""One typed settings object, read once at the edge (CLI, flows, web) from MUISTIO_* variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable about muistio; every field has a working default."""

    model_config = SettingsConfigDict(env_prefix="MUISTIO_", env_file=None, extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="where the SQLite file and the Maildir live")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite under data_dir"
    )
    timezone: str = "Europe/Helsinki"
    language: Literal["fi", "en"] = "fi"

    # mail
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_security: Literal["none", "starttls", "ssl"] = "starttls"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_timeout: float = 30.0
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

    # the secretary's desk and the links in mails
    public_url: str | None = Field(
        default=None, description="the desk's address as mail readers reach it, e.g. https://muistio.example.org"
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
