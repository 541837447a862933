"""Single-machine deployment: `muistio serve` runs this (`python -m deployments.serve`) beside its own
Prefect server; by hand, run it beside a `prefect server start` with PREFECT_API_URL pointing there.

Schedules fire only with a Prefect server (the ephemeral one runs no scheduler). Times are
Europe/Helsinki wall-clock, so DST keeps them at the same local hour.
"""

from __future__ import annotations

# How many deployments `deployments()` serves: `muistio serve` waits for this many before it says it is up
# (reading it needs no Prefect import; a test keeps it equal to the list below).
SERVED_COUNT = 6


def deployments() -> list[object]:
    """The deployments this machine serves, by module entrypoint (never by file path)."""
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from flows.delivery import deliver_outbox
    from flows.digest import weekly_digest
    from flows.inbox import look_in_inbox
    from flows.ingest import ingest_minutes
    from flows.invites import distribute_invites
    from flows.reminders import reminders
    from services.config import load_settings

    timezone = load_settings().timezone  # MUISTIO_TIMEZONE, validated like everywhere else

    # A file-path entrypoint puts flows/ on sys.path, where its modules could shadow the stdlib.
    by_module = EntrypointType.MODULE_PATH
    return [
        # Retries and anything queued by the CLI go out within five minutes.
        deliver_outbox.to_deployment(
            name="every-5-min",
            schedules=[Cron("*/5 * * * *", timezone=timezone)],
            tags=["mail"],
            entrypoint_type=by_module,
        ),
        # Monday 08:00 local time; a late or repeated run in the same ISO week sends nothing new.
        weekly_digest.to_deployment(
            name="monday-morning",
            schedules=[Cron("0 8 * * 1", timezone=timezone)],
            tags=["mail", "digest"],
            entrypoint_type=by_module,
        ),
        # Daily 07:30 local time; each reminder goes once (outbox key), however often the flow runs.
        reminders.to_deployment(
            name="daily-morning",
            schedules=[Cron("30 7 * * *", timezone=timezone)],
            tags=["mail", "reminders"],
            entrypoint_type=by_module,
        ),
        # Minutes dropped into the inbox folder are ingested within a minute or two of settling.
        look_in_inbox.to_deployment(
            name="every-minute",
            schedules=[Cron("* * * * *", timezone=timezone)],
            tags=["minutes"],
            entrypoint_type=by_module,
        ),
        # On demand: `prefect deployment run ingest-minutes/on-demand -p 'paths=["..."]'`.
        ingest_minutes.to_deployment(name="on-demand", tags=["minutes"], entrypoint_type=by_module),
        distribute_invites.to_deployment(name="on-demand", tags=["mail"], entrypoint_type=by_module),
    ]


LIMIT = 4  # flow runs at once: after downtime every late run would otherwise start together


def main() -> None:
    """Serve the deployments; never pause them on shutdown, cap concurrent runs."""
    from prefect import serve

    serve(*deployments(), limit=LIMIT, pause_on_shutdown=False)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
