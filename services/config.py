"""Settings read once at the edge from MUISTIO_* variables, and the environment Prefect is given."""

from __future__ import annotations

import os
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
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "MUISTIO_" + "_".join(str(part) for part in first["loc"]).upper()
        raise SettingsError(f"{name}: {first['msg']}") from None


def prepare_prefect(settings: Settings) -> None:
    """Keep Prefect local and quiet; call before prefect is first imported."""
    # setdefault: an operator's own PREFECT_* settings (a real server, a home) win.
    os.environ.setdefault("PREFECT_HOME", str((settings.data_dir / "prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
