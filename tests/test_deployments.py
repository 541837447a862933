"""Deployments name their flows by module and keep the schedule in the group's time zone."""

from __future__ import annotations

import importlib
from pathlib import Path

import yaml

from deployments.serve import SERVED_COUNT, deployments

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = [
    "flows.delivery.deliver_outbox",
    "flows.digest.weekly_digest",
    "flows.inbox.look_in_inbox",
    "flows.ingest.ingest_minutes",
    "flows.invites.distribute_invites",
    "flows.reminders.reminders",
]


def resolves_to_flow(entrypoint: str) -> bool:
    """A module-path entrypoint imports and names a Prefect flow."""
    module, name = entrypoint.rsplit(".", 1)
    return hasattr(getattr(importlib.import_module(module), name), "fn")


def test_served_deployments_use_module_entrypoints_and_helsinki_time() -> None:
    served = deployments()
    assert sorted(d.entrypoint for d in served) == EXPECTED  # type: ignore[attr-defined]
    assert len(served) == SERVED_COUNT  # what `muistio serve` waits for before it says it is up
    schedules = [s.schedule for d in served for s in (d.schedules or [])]  # type: ignore[attr-defined]
    assert sorted((s.cron, s.timezone) for s in schedules) == [
        ("* * * * *", "Europe/Helsinki"),  # the inbox folder, looked at every minute
        ("*/5 * * * *", "Europe/Helsinki"),
        ("0 8 * * 1", "Europe/Helsinki"),  # the weekly digest: Monday 08:00 Helsinki wall-clock time
        ("30 7 * * *", "Europe/Helsinki"),  # reminders: daily 07:30
    ]


def test_prefect_yaml_entrypoints_are_importable_modules() -> None:
    spec = yaml.safe_load((ROOT / "deployments" / "prefect.yaml").read_text())
    entrypoints = sorted(d["entrypoint"] for d in spec["deployments"])
    assert entrypoints == EXPECTED
    assert all(resolves_to_flow(e) for e in entrypoints)
    crons = sorted((s["cron"], s["timezone"]) for d in spec["deployments"] for s in d.get("schedules", ()))
    assert crons == [
        ("* * * * *", "Europe/Helsinki"),
        ("*/5 * * * *", "Europe/Helsinki"),
        ("0 8 * * 1", "Europe/Helsinki"),
        ("30 7 * * *", "Europe/Helsinki"),
    ]
