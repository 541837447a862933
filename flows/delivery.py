"""The scheduled sender: every few minutes, deliver what the outbox holds that is due."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from services.clock import clock
from services.config import load_settings
from services.db import session_factory
from services.invitations import report_summary
from services.outbox import send_due
from services.transport import transport_from_settings


@task(name="deliver-due-mail", cache_policy=NO_CACHE)
def deliver_due_mail(limit: int) -> dict[str, Any]:
    """Claim, send and record up to `limit` due messages over one SMTP session, then notify of failures."""
    settings = load_settings()
    report = send_due(
        session_factory(settings.resolved_database_url),
        transport_from_settings(settings),
        settings=settings,
        now=clock().now(),
        limit=limit,
    )
    return report_summary(report)


@flow(name="deliver-outbox")
def deliver_outbox(limit: int = 500) -> dict[str, Any]:
    """Send due outbox mail: invites, updates, cancellations, retries after a failure."""
    result = deliver_due_mail(limit)
    get_run_logger().info(result["summary"])
    return result
