"""Alembic migrations for the models; configured in code so they run from any working directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config

HERE = Path(__file__).resolve().parent


def alembic_config(url: str, *, connection: Any = None) -> Config:
    """An Alembic config for the database URL (or an open connection, which then wins)."""
    config = Config()
    config.set_main_option("script_location", str(HERE))
    # ConfigParser treats % as interpolation; escaped so URLs with %-encoded passwords survive.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config
