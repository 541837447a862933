"""The Prefect flow weekly-digest: queue this ISO week's overdue-item digests once, then deliver them."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from services.clock import clock
from services.config import load_settings
from services.db import session_factory
from services.digests import deliver_digests, digest_summary, enqueue_digests, parse_as_of
from services.invitations import report_summary
from services.runs import digest_report
from services.transport import transport_from_settings


@task(name="build-and-enqueue-digests", cache_policy=NO_CACHE)
def enqueue_digests_task(as_of: str | None) -> dict[str, Any]:
    """Every digest of the week composed and queued in one transaction (keys digest|week|recipient)."""
    settings = load_settings()
    now = clock().now()
    day = parse_as_of(as_of, settings=settings, now=now)
    with session_factory(settings.resolved_database_url)() as session:
        plan = enqueue_digests(session, day, settings=settings, now=now)
    return digest_summary(plan)


@task(name="deliver-digests", cache_policy=NO_CACHE)
def deliver_digests_task(keys: list[str]) -> dict[str, Any]:
    """The week's digests delivered through the configured transport (one task for the batch)."""
    settings = load_settings()
    report = deliver_digests(
        session_factory(settings.resolved_database_url),
        transport_from_settings(settings),
        settings=settings,
        now=clock().now(),
        keys=keys,
    )
    return report_summary(report)


def _run_name() -> str:
    """`digest 2026-W50`: the ISO week the run is about."""
    settings = load_settings()
    day = parse_as_of(flow_run.parameters.get("as_of"), settings=settings, now=clock().now())
    year, week, _ = day.isocalendar()
    return f"digest {year}-W{week:02d}"


@flow(name="weekly-digest", flow_run_name=_run_name)
def weekly_digest(as_of: str | None = None) -> dict[str, Any]:
    """Mail each owner their overdue open items (secretaries: those whose owners have no address)."""
    plan = enqueue_digests_task(as_of)
    logger = get_run_logger()
    if plan["undeliverable_line"]:
        logger.warning(plan["undeliverable_line"])
    delivery = deliver_digests_task(plan["keys"])
    logger.info(
        "digest %s: %d overdue, %d recipients, %d newly queued; %s",
        plan["week"], plan["overdue"], len(plan["recipients"]), plan["enqueued"], delivery["summary"],
    )  # fmt: skip
    result = {"plan": plan, "delivery": delivery}
    create_markdown_artifact(digest_report(result), key="digest-report")
    return result
