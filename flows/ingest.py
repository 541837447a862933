"""The ingest flow: read -> extract -> store, one Prefect task per stage, the store in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.runtime import clock, engine_for, load_settings
from flows.store import StoreError, store_extraction
from models import session_scope
from muistio.contract import Extraction
from muistio.document import Document, ReadError
from muistio.reading import read_document


def _transient(_task: Any, _task_run: Any, state: Any) -> bool:
    """Retry the store only when the database itself stumbled (locked, dropped, a racing duplicate)."""
    from sqlalchemy.exc import IntegrityError, OperationalError

    error = state.result(raise_on_failure=False)
    return isinstance(error, OperationalError | IntegrityError)


@dataclass(frozen=True)
class Rejected:
    """A file that is not minutes we can store: an expected outcome, so no task fails with a traceback."""

    error: str


@task(name="read", cache_policy=NO_CACHE)
def read_stage(path: str) -> Document | Rejected:
    """Read the file as a Document."""
    try:
        return read_document(Path(path))
    except ReadError as exc:
        return Rejected(str(exc))


@task(name="extract", cache_policy=NO_CACHE)
def extract_stage(document: Document) -> Extraction | Rejected:
    """Extract meeting, people, agenda, decisions, action items and next meeting."""
    from muistio.extraction import extract  # type: ignore[attr-defined,unused-ignore]

    settings = load_settings()
    try:
        found: Extraction = extract(
            document, timezone=settings.timezone, min_confidence=settings.min_confidence
        )
    except ReadError as exc:
        return Rejected(str(exc))
    return found


@task(
    name="store",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_transient,
)
def store_stage(extraction: Extraction, document: Document, body: str | None = None) -> dict[str, Any]:
    """Store the extraction in one transaction: all of it lands, or none of it."""
    settings = load_settings()
    try:
        with session_scope(engine_for(settings.resolved_database_url)) as session:
            result = store_extraction(
                extraction,
                document,
                session=session,
                body_name=body,
                now=clock().now(),
                uid_domain=settings.message_id_domain,
            )
    except StoreError as exc:
        return rejected(document.path, str(exc))
    return result.as_dict()


def rejected(path: str, error: str) -> dict[str, Any]:
    """The flow's answer for a file it would not store."""
    return {"status": "rejected", "file_name": Path(path).name, "path": path, "error": error}


@flow(name="ingest-minutes", log_prints=False)
def ingest_minutes(path: str, body: str | None = None) -> dict[str, Any]:
    """Ingest one minutes file; the same file twice stores nothing, a bad file stores nothing and says why."""
    document = read_stage(path)
    if isinstance(document, Rejected):
        return rejected(path, document.error)
    extraction = extract_stage(document)
    if isinstance(extraction, Rejected):
        return rejected(path, extraction.error)
    return store_stage(extraction, document, body)


if __name__ == "__main__":
    import sys

    print(ingest_minutes(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
