"""The ingest flow: one run per batch of files; a task per stage over chunks of paths, then deliver, report.

Tasks receive paths and meeting ids and return small dicts: a Document carries one offset per
character, which Prefect would walk for every task parameter and result.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.runtime import flow_run
from prefect.states import Completed, Failed

from services import ingest, runs
from services.config import load_settings

CHUNK = 250  # files per ingest task: few task runs (and helper processes) per batch, progress in the UI


def _run_name() -> str:
    """`ingest diginyt-2018-05-22.txt`, or `ingest 3 files: a.txt, b.txt, c.txt`."""
    paths = flow_run.parameters.get("paths") or []
    return f"ingest {runs.batch_title([paths] if isinstance(paths, str) else paths)}"


def _transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry only when the database itself stumbled (locked, dropped); a file's own problem is no retry."""
    from sqlalchemy.exc import OperationalError

    error = state.result(raise_on_failure=False)
    return isinstance(error, OperationalError)


@task(
    name="read-extract-store",
    task_run_name="read-extract-store {first}",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_transient,
)
def ingest_chunk(paths: list[str], first: str, body: str | None = None) -> list[dict[str, Any]]:
    """Each file read, extracted and stored in its own transaction (invites queued with it)."""
    return ingest.ingest_paths(paths, settings=load_settings(), body=body)


@task(name="deliver", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[10, 60])
def deliver_stage(meeting_ids: list[int]) -> dict[str, Any]:
    """Send what the store queued for these meetings (one task for the batch, never one per mail)."""
    return runs.deliver_batch(meeting_ids, settings=load_settings())


@task(name="report", cache_policy=NO_CACHE)
def report_stage(results: list[dict[str, Any]]) -> str:
    """The run's story as a markdown artifact: meetings, people, items, next meetings, mail."""
    markdown = runs.ingest_report(results, settings=load_settings())
    create_markdown_artifact(markdown, key="ingest-report", description=runs.summary_line(results))
    return markdown


# Async on purpose: a sync flow run joins its heartbeat thread on exit (~1 s each in Prefect 3.9);
# an async one does not. The tasks stay sync: they run in order on the flow's thread.
@flow(name="ingest-minutes", flow_run_name=_run_name, persist_result=True, result_serializer="json")
async def ingest_minutes(paths: list[str], body: str | None = None) -> State:
    """Ingest minutes files (one run for the batch), send the invitations they caused, tell the story.

    Ends Failed, naming each file and its reason, when any file was rejected; the result (one dict
    per file, in order) is kept either way.
    """
    results: list[dict[str, Any]] = []
    for start in range(0, len(paths), CHUNK):
        chunk = paths[start : start + CHUNK]
        results += ingest_chunk(chunk, chunk[0].rsplit("/", 1)[-1], body)
    queued = runs.queued_meetings(results)
    if queued:
        runs.attach_delivery(results, deliver_stage(queued))
    report_stage(results)
    logger = get_run_logger()
    logger.info(runs.summary_line(results))
    if runs.rejections(results):
        message = runs.failure_message(results)
        logger.error(message)
        return Failed(message=message, data=results)
    return Completed(message=runs.summary_line(results), data=results)
