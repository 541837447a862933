"""The Prefect flow distribute-invites: queue a meeting's invitations once, then deliver what is due."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task

from services.config import load_settings
from services.invitations import deliver_invitations, queue_invitations


@task(name="build-and-enqueue-invites")
def enqueue_invites_task(meeting: str) -> dict[str, Any]:
    """All the meeting's invitations, composed and queued in one transaction."""
    return queue_invitations(meeting, settings=load_settings())


@task(name="deliver-invites", retries=2, retry_delay_seconds=[10, 60])
def deliver_invites_task(meeting_id: int) -> dict[str, Any]:
    """The batch delivered through the configured transport (one task, never one per mail)."""
    return deliver_invitations([meeting_id], settings=load_settings())


@flow(name="distribute-invites")
def distribute_invites(meeting: str) -> dict[str, Any]:
    """Invite everyone to a meeting (id or YYYY-MM-DD): queue once, then deliver what is due."""
    plan = enqueue_invites_task(meeting)
    if plan["missing_line"]:
        get_run_logger().warning(plan["missing_line"])
    delivery = deliver_invites_task(plan["meeting_id"])
    return {"plan": plan, "delivery": delivery}
