"""The multi-machine path on one machine: a Prefect server on PostgreSQL, a process work pool, the
deployments of deployments/prefect.yaml, two workers; minutes dropped into the inbox become invites
at an SMTP server."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from prefect_support import post_json

from cli.serve import free_port
from tests.conftest import PG_SERVER
from tests.smtp_support import SMTPServer

ROOT = Path(__file__).resolve().parents[1]
PREFECT = str(Path(sys.executable).with_name("prefect"))

pytestmark = [pytest.mark.serve, pytest.mark.postgres]

MINUTES = """Kirjaston kehittämisryhmä

MUISTIO 9/{year}

Aika        {held} klo 14-16
Paikka      Pääkirjasto, nh Lukupiiri

Osallistujat
Aino Laine, pj.
Mikko Salo
Leena Koski

1 Kokouksen avaus

Puheenjohtaja avasi kokouksen.

2 Lainausautomaatit

- Mikko Salo selvittää automaattien huoltosopimuksen {due} mennessä.

3 Seuraava kokous

Seuraava kokous {next} klo 15-17, Pääkirjasto, nh Lukupiiri.
"""
ROSTER = (
    "name,email\nAino Laine,aino@example.org\nMikko Salo,mikko@example.org\nLeena Koski,leena@example.org\n"
)


def finnish(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def start(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A long-running child in its own process group, its output in a log."""
    with log.open("ab") as sink:
        return subprocess.Popen(argv, env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def check(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def wait_for(what: str, timeout: float, probe: Any) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(1)
    raise AssertionError(f"{what}: not within {timeout} s")


@pytest.fixture
def prefect_database(pg_reason: str | None) -> Iterator[str]:
    """A fresh PostgreSQL database for Prefect, dropped afterwards."""
    if pg_reason:
        if os.environ.get("CI"):
            pytest.fail(pg_reason)
        pytest.skip(pg_reason)
    import psycopg

    name = f"prefect_{secrets.token_hex(5)}"
    with psycopg.connect(PG_SERVER, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        base = PG_SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_SERVER, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_two_workers_on_a_postgresql_server_ingest_the_inbox_and_send_invites(
    prefect_database: str, tmp_path: Path
) -> None:
    smtp = SMTPServer()
    smtp.start()
    port = free_port()  # after the mail server listens: a port chosen before could be handed to it
    api = f"http://127.0.0.1:{port}/api"
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "MUISTIO_"))}
    env.update({
        "PYTHONPATH": str(ROOT), "MUISTIO_HOME": str(ROOT), "MUISTIO_DATA_DIR": str(data_dir),
        "MUISTIO_SMTP_HOST": "127.0.0.1", "MUISTIO_SMTP_PORT": str(smtp.port),
        "MUISTIO_SMTP_SECURITY": "none", "MUISTIO_MAIL_FROM": "muistio@example.org",
        "MUISTIO_SECRET_KEY": "a-test-secret-not-the-default",
        "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_API_URL": api, "PREFECT_WORKER_QUERY_SECONDS": "2",
    })  # fmt: skip
    server_env = dict(env, PREFECT_API_DATABASE_CONNECTION_URL=prefect_database,
                      PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE="200",
                      PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE="200")  # fmt: skip
    children: list[subprocess.Popen[bytes]] = []
    try:
        children.append(start([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              server_env, tmp_path / "server.log"))  # fmt: skip
        wait_for("the Prefect server", 240, lambda: _healthy(api))
        check([PREFECT, "work-pool", "create", "muistio", "--type", "process"], env)
        deploy = [PREFECT, "--no-prompt", "deploy", "--all", "--prefect-file", "deployments/prefect.yaml"]
        out = check(deploy, env)
        assert "every-minute" in out or "inbox" in out
        for name in ("worker-1", "worker-2"):
            children.append(start([PREFECT, "worker", "start", "--pool", "muistio", "--name", name], env,
                                  tmp_path / f"{name}.log"))  # fmt: skip
        wait_for("two workers online", 120, lambda: _online_workers(api) == 2)

        # The roster, stored in process (no Prefect needed); then minutes into the inbox.
        roster = tmp_path / "roster.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        body = "Kirjaston kehittämisryhmä"
        check([sys.executable, "-m", "cli", "people", "import", str(roster), "--body", body], env)
        today = dt.datetime.now(ZoneInfo("Europe/Helsinki")).date()
        text = MINUTES.format(year=today.year, held=finnish(today - dt.timedelta(days=1)),
                              due=finnish(today + dt.timedelta(days=10)),
                              next=finnish(today + dt.timedelta(days=21)))  # fmt: skip
        inbox = data_dir / "inbox"
        inbox.mkdir(parents=True, exist_ok=True)
        minutes = inbox / "kirjasto-muistio.txt"
        minutes.write_text(text, encoding="utf-8")
        old = time.time() - 3600
        os.utime(minutes, (old, old))

        deployment = _post(api, "/deployments/filter", {"deployments": {"name": {"any_": ["every-minute"]}}})
        [inbox_deployment] = deployment
        assert inbox_deployment["work_pool_name"] == "muistio"
        _post(api, f"/deployments/{inbox_deployment['id']}/create_flow_run", {"parameters": {}})
        wait_for("the minutes in processed/", 240, lambda: (inbox / "processed" / minutes.name).exists())
        wait_for("three invitations at the SMTP server", 120, lambda: len(smtp.handler.envelopes) >= 3)
        recipients = sorted(e.rcpt_tos[0] for e in smtp.handler.envelopes)
        assert recipients == ["aino@example.org", "leena@example.org", "mikko@example.org"]
        assert all("METHOD:REQUEST" in str(m) or m.is_multipart() for m in smtp.handler.messages())
        [run] = _post(api, "/flow_runs/filter", {"flow_runs": {"name": {"any_": [f"ingest {minutes.name}"]}}})
        assert run["state_type"] == "COMPLETED"
    finally:
        for child in reversed(children):
            stop(child)
        smtp.stop()


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _post(api: str, path: str, body: dict[str, Any]) -> Any:
    return post_json(f"{api}{path}", body)


def _online_workers(api: str) -> int:
    workers = _post(api, "/work_pools/muistio/workers/filter", {})
    return sum(1 for w in workers if w.get("status") == "ONLINE")
