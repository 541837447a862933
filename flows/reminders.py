"""The Prefect flow `reminders`: queue the day's meeting and due-date reminders once, then deliver them."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from services.clock import clock
from services.config import load_settings
from services.db import session_factory
from services.digests import parse_as_of
from services.invitations import report_summary
from services.reminders import deliver_reminders, enqueue_reminders, reminders_summary
from services.transport import transport_from_settings


def _day(as_of: str | None) -> str:
    """The day a run reminds for: --as-of, else the day it was scheduled for (a late run keeps its day)."""
    if as_of:
        return as_of
    settings = load_settings()
    when: Any = None
    try:
        from prefect.runtime import flow_run

        when = flow_run.scheduled_start_time
    except Exception:  # outside a run (tests calling the function): today
        when = None
    instant = when if isinstance(when, dt.datetime) else clock().now()
    return instant.astimezone(ZoneInfo(settings.timezone)).date().isoformat()


def _run_name() -> str:
    """`reminders 2026-12-07`."""
    from prefect.runtime import flow_run

    return f"reminders {_day(flow_run.parameters.get('as_of'))}"


@task(name="compose-and-enqueue-reminders", cache_policy=NO_CACHE)
def enqueue_stage(as_of: str) -> dict[str, Any]:
    """Every reminder of the day composed and queued in one transaction (keys reminder|...)."""
    settings = load_settings()
    now = clock().now()
    day = parse_as_of(as_of, settings=settings, now=now)
    with session_factory(settings.resolved_database_url)() as session:
        plan = enqueue_reminders(session, day, settings=settings, now=now)
    return reminders_summary(plan)


@task(name="deliver-reminders", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[10, 60])
def deliver_stage() -> dict[str, Any]:
    """The queued reminders delivered through the configured transport (one task for the batch)."""
    settings = load_settings()
    report = deliver_reminders(
        session_factory(settings.resolved_database_url),
        transport_from_settings(settings),
        settings=settings,
        now=clock().now(),
    )
    return report_summary(report)


def _markdown(plan: dict[str, Any], delivery: dict[str, Any]) -> str:
    """Who got what, for the run's artifact."""
    lines = [f"# {plan['line']}", "", f"Delivery: {delivery['summary']}", ""]
    for what, title in (("meeting", "Meeting reminders"), ("due", "Due-date reminders")):
        lines += [f"## {title} ({len(plan[what])})", ""] + [f"- {r}" for r in plan[what]] + [""]
    if plan["skipped_bodies"]:
        lines.append("Reminders turned off for: " + ", ".join(plan["skipped_bodies"]))
    return "\n".join(lines)


@flow(name="reminders", flow_run_name=_run_name)
def reminders(as_of: str | None = None) -> dict[str, Any]:
    """Remind invitees of meetings N days ahead and owners of items due within N days (per body)."""
    plan = enqueue_stage(_day(as_of))
    delivery = deliver_stage()
    get_run_logger().info("%s; %s", plan["line"], delivery["summary"])
    create_markdown_artifact(
        markdown=_markdown(plan, delivery), key=f"reminders-{plan['as_of']}", description=plan["line"]
    )
    return {"plan": plan, "delivery": delivery}
