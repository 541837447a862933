"""The Prefect flow distribute-invites: queue a meeting's invitations once, then deliver what is due."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task

from flows.invitations import deliver_meeting, enqueue_invites, find_meeting, plan_summary, report_summary
from flows.runtime import clock, load_settings, session_factory
from flows.transport import transport_from_settings


@task(name="build-and-enqueue-invites")
def enqueue_invites_task(meeting: str) -> dict[str, Any]:
    """All the meeting's invitations, composed and queued in one transaction."""
    settings = load_settings()
    with session_factory(settings.resolved_database_url)() as session:
        plan = enqueue_invites(session, find_meeting(session, meeting), settings=settings, now=clock().now())
    return plan_summary(plan)


@task(name="deliver-invites")
def deliver_invites_task(meeting_id: int) -> dict[str, Any]:
    """The batch delivered through the configured transport (one task, never one per mail)."""
    settings = load_settings()
    report = deliver_meeting(
        session_factory(settings.resolved_database_url),
        transport_from_settings(settings),
        settings=settings,
        now=clock().now(),
        meeting_ids=[meeting_id],
    )
    return report_summary(report)


@flow(name="distribute-invites")
def distribute_invites(meeting: str) -> dict[str, Any]:
    """Invite everyone to a meeting (id or YYYY-MM-DD): queue once, then deliver what is due."""
    plan = enqueue_invites_task(meeting)
    if plan["missing_line"]:
        get_run_logger().warning(plan["missing_line"])
    delivery = deliver_invites_task(plan["meeting_id"])
    return {"plan": plan, "delivery": delivery}
