"""Settings read once at the edge from MUISTIO_* variables, and the environment Prefect is given."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from muistio.errors import MuistioError

if TYPE_CHECKING:
    from muistio.settings import Settings


class SettingsError(MuistioError):
    """A MUISTIO_* variable with a value muistio cannot use; the message is one line."""


def load_settings() -> Settings:
    """Settings from the MUISTIO_* environment, read afresh so tests can change it."""
    from pydantic import ValidationError

    from muistio.settings import Settings

    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "MUISTIO_" + "_".join(str(part) for part in first["loc"]).upper()
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name}: {message}") from None
    check_sqlite_folder(settings)
    return settings


def check_sqlite_folder(settings: Settings) -> None:
    """A configured SQLite file must be in a folder that exists: a typo must not create a stray tree.

    The default file under MUISTIO_DATA_DIR is different: its folder is muistio's own and is created.
    """
    url = settings.database_url
    if not url or not url.startswith("sqlite:///"):
        return
    folder = Path(url.removeprefix("sqlite:///")).parent
    if not folder.is_dir():
        raise SettingsError(
            f"MUISTIO_DATABASE_URL: the folder {folder.resolve()} of the SQLite file does not exist; "
            "create it first, or fix the path (sqlite:///relative/path.db, sqlite:////absolute/path.db)"
        )


def prepare_prefect(settings: Settings) -> None:
    """Keep Prefect local and quiet; call before prefect is first imported."""
    # setdefault: an operator's own PREFECT_* settings (a real server, a home) win.
    os.environ.setdefault("PREFECT_HOME", str((settings.data_dir / "prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
