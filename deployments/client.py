"""Work submitted to a running Prefect server (`muistio serve`, PREFECT_API_URL), never a temporary one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

INGEST = "ingest-minutes/on-demand"
DIGEST = "weekly-digest/monday-morning"


@dataclass
class SubmittedRun:
    """A finished flow run: its name, final state, and its result when it could be read."""

    name: str
    state: str
    message: str | None
    result: Any
    url: str


def use_server(api_url: str, prefect_home: str | None) -> None:
    """Point Prefect at this server before it is imported; a temporary server is never started."""
    os.environ["PREFECT_API_URL"] = api_url
    os.environ["PREFECT_SERVER_EPHEMERAL_ENABLED"] = "false"
    if prefect_home:
        os.environ["PREFECT_HOME"] = prefect_home  # the served runs keep their results here
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def run_and_wait(
    deployment: str, parameters: dict[str, Any], *, api_url: str, prefect_home: str | None
) -> SubmittedRun:
    """Create a flow run of the deployment, wait for it to finish, and read its result."""
    use_server(api_url, prefect_home)
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    run = run_deployment(deployment, parameters=parameters, timeout=None, poll_interval=1, as_subflow=False)
    assert isinstance(run, FlowRun)  # called from sync code: the run itself, not a coroutine
    state = run.state
    result: Any = None
    if state is not None:
        try:
            result = state.result(raise_on_failure=False)
        except Exception:  # results kept on another machine: the state and the UI still tell the story
            result = None
        if isinstance(result, BaseException):
            result = None
    ui = api_url.rstrip("/").removesuffix("/api")
    return SubmittedRun(
        name=run.name,
        state=str(state.name) if state is not None else "unknown",
        message=state.message if state is not None else None,
        result=result,
        url=f"{ui}/runs/flow-run/{run.id}",
    )


def submit_ingest(
    paths: list[str], body: str | None, *, api_url: str, prefect_home: str | None
) -> SubmittedRun:
    """One flow run of the ingest deployment for the whole batch."""
    return run_and_wait(INGEST, {"paths": paths, "body": body}, api_url=api_url, prefect_home=prefect_home)
