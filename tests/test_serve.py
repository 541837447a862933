"""`muistio serve` for real: a Prefect server on loopback with its own home, the deployments, the inbox,
runs that tell their story, the CLI through the server, a crashed child restarted, and SIGTERM that
leaves no process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from prefect_support import post_json

from cli.serve import descendants, free_port
from muistio.settings import Settings
from services.serving import pid_alive, read_state
from tests.smtp_support import SMTPServer

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / ".." / "shared" / "minutes" / "diginyt-2018-05-22.txt"
RIVERSIDE = ROOT / "examples" / "minutes" / "riverside-rowing-club-board-2025-09-18.md"

pytestmark = pytest.mark.serve


@dataclass
class Served:
    """A running `muistio serve` and what the test needs to talk to it."""

    proc: subprocess.Popen[str]
    data_dir: Path
    env: dict[str, str]
    api: str
    smtp: SMTPServer
    out: Path

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return post_json(f"{self.api}{path}", body or {})

    def deployment_id(self, flow: str, name: str) -> str:
        found = self.post("/deployments/filter", {"deployments": {"name": {"any_": [name]}},
                                                   "flows": {"name": {"any_": [flow]}}})  # fmt: skip
        assert len(found) == 1, found
        return str(found[0]["id"])

    def trigger(self, flow: str, name: str, parameters: dict[str, Any] | None = None) -> str:
        run = self.post(f"/deployments/{self.deployment_id(flow, name)}/create_flow_run",
                        {"parameters": parameters or {}})  # fmt: skip
        return str(run["id"])

    def wait_run(self, run_id: str, timeout: float = 240) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = httpx.get(f"{self.api}/flow_runs/{run_id}", timeout=30).json()
            if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                return dict(run)
            time.sleep(1)
        raise AssertionError(f"flow run {run_id} did not finish in {timeout} s")

    def runs_named(self, prefix: str) -> list[dict[str, Any]]:
        runs = self.post("/flow_runs/filter", {"flow_runs": {"name": {"like_": prefix}}})
        return [r for r in runs if r["name"].startswith(prefix)]

    def artifacts_of(self, run_id: str) -> list[dict[str, Any]]:
        return list(self.post("/artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [run_id]}}}))

    def muistio(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cli", *args], env=self.env, capture_output=True,
                              text=True, timeout=300, cwd=ROOT)  # fmt: skip


def wait_for(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if not SEED.exists():
        pytest.skip(f"shared seed minutes not found at {SEED}")
    data_dir = tmp_path_factory.mktemp("serve-data")
    smtp = SMTPServer()
    smtp.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "MUISTIO_"))}
    env.update({
        "PYTHONPATH": str(ROOT), "MUISTIO_DATA_DIR": str(data_dir),
        "MUISTIO_SMTP_HOST": "127.0.0.1", "MUISTIO_SMTP_PORT": str(smtp.port),
        "MUISTIO_SMTP_SECURITY": "none", "MUISTIO_MAIL_FROM": "muistio@example.org",
        "MUISTIO_SECRET_KEY": "a-test-secret-not-the-default",
    })  # fmt: skip
    out = data_dir / "serve.out"
    with out.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "cli", "serve"], env=env, cwd=ROOT, stdout=sink,
                                stderr=subprocess.STDOUT, text=True)  # fmt: skip
    settings = Settings(data_dir=data_dir)
    try:
        state = wait_for(lambda: proc.poll() is None and read_state(settings), 300, "serve.json written")
        served = Served(proc, data_dir, env, state.api_url, smtp, out)
        yield served
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        smtp.stop()


def test_the_api_serves_the_deployments_with_their_schedules(served: Served) -> None:
    deployments = served.post("/deployments/filter")
    names = {d["name"]: d for d in deployments}
    assert {"every-5-min", "monday-morning", "every-minute", "on-demand"} <= set(names)
    digest = names["monday-morning"]
    [schedule] = digest["schedules"]
    cron = (schedule["schedule"]["cron"], schedule["schedule"]["timezone"])
    assert cron == ("0 8 * * 1", "Europe/Helsinki")
    assert not digest["paused"]
    assert names["every-minute"]["schedules"][0]["schedule"]["cron"] == "* * * * *"
    assert "Prefect UI:  http://127.0.0.1:" in served.out.read_text()


def test_inbox_stores_the_seed_and_rejects_a_shopping_list_naming_why(served: Served) -> None:
    inbox = served.data_dir / "inbox"
    old = time.time() - 3600  # settled long ago: taken at the first look
    shutil.copy(SEED, inbox / SEED.name)
    os.utime(inbox / SEED.name, (old, old))
    look = served.wait_run(served.trigger("inbox", "every-minute"))
    assert look["state"]["type"] == "COMPLETED"
    # The scheduled look may have taken it first; either way it ends in processed/.
    wait_for(lambda: (inbox / "processed" / SEED.name).exists(), 120, "the seed in processed/")
    assert not (inbox / SEED.name).exists()
    [run] = wait_for(lambda: finished(served.runs_named(f"ingest {SEED.name}")), 120, "the ingest run")
    assert run["state"]["type"] == "COMPLETED"
    [report] = [a for a in served.artifacts_of(run["id"]) if a["key"] == "ingest-report"]
    assert all(word in report["data"] for word in ("DigiNYT", "Participants", "Action items", "Next meeting"))
    shown = served.muistio("show", "2018-05-22")
    assert shown.returncode == 0 and "DigiNYT" in shown.stdout and "Action items" in shown.stdout

    shopping = inbox / "kauppalista.txt"
    shopping.write_text("Maitoa\nLeipää\nKahvia\n", encoding="utf-8")
    os.utime(shopping, (old, old))
    served.wait_run(served.trigger("inbox", "every-minute"))
    reason = inbox / "rejected" / "kauppalista.txt.reason.txt"
    wait_for(reason.exists, 120, "the reason beside the rejected file")
    assert (inbox / "rejected" / "kauppalista.txt").exists() and reason.read_text().strip()
    [failed] = wait_for(lambda: finished(served.runs_named("ingest kauppalista.txt")), 120, "the run")
    assert failed["state"]["type"] == "FAILED"
    assert "kauppalista.txt" in failed["state"]["message"]
    assert reason.read_text().strip().splitlines()[0] in failed["state"]["message"]


def test_a_file_still_being_written_is_not_taken(served: Served) -> None:
    inbox = served.data_dir / "inbox"
    growing = inbox / "kesken.txt"
    growing.write_text("Pöytäkirja\n", encoding="utf-8")
    done = threading.Event()

    def keep_writing() -> None:  # a slow upload: the file grows all through the look
        with growing.open("a", encoding="utf-8") as sink:
            while not done.wait(0.2):
                sink.write("rivi\n")
                sink.flush()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        look = served.wait_run(served.trigger("inbox", "every-minute"))
    finally:
        done.set()
        writer.join()
    assert look["state"]["type"] == "COMPLETED"
    assert growing.exists() and not (inbox / ".claimed" / growing.name).exists()
    growing.unlink()


def test_cli_ingest_runs_through_the_server_and_prints_the_result(served: Served) -> None:
    done = served.muistio("ingest", str(RIVERSIDE))
    assert done.returncode == 0, done.stderr
    assert f"flow run 'ingest {RIVERSIDE.name}' ended Completed" in done.stdout
    assert "stored Riverside Rowing Club" in done.stdout
    assert "no Prefect server" not in done.stderr


def test_the_digest_deployment_mails_the_overdue_items(served: Served) -> None:
    before = len(served.smtp.handler.envelopes)
    run = served.wait_run(served.trigger("weekly-digest", "monday-morning", {"as_of": "2019-01-07"}))
    assert run["state"]["type"] == "COMPLETED", run["state"]
    assert run["name"] == "digest 2019-W02"
    messages = served.smtp.handler.messages()[before:]
    assert messages, "no digest reached the SMTP server"
    [report] = [a for a in served.artifacts_of(run["id"]) if a["key"] == "digest-report"]
    assert all(str(m["To"]).split("<")[-1].rstrip(">") in report["data"] for m in messages)


def test_a_crashed_child_is_restarted(served: Served) -> None:
    def runner() -> list[int]:
        return [p for p in descendants(served.proc.pid) if b"deployments.serve" in cmdline(p)]

    [first] = wait_for(runner, 30, "the deployments process")
    os.kill(first, signal.SIGKILL)
    [second] = wait_for(lambda: [p for p in runner() if p != first], 60, "a new deployments process")
    assert second != first
    look = served.wait_run(served.trigger("inbox", "every-minute"))  # it serves again
    assert look["state"]["type"] == "COMPLETED"


def test_sigterm_stops_everything_it_started(served: Served) -> None:
    started = descendants(served.proc.pid)
    assert len(started) >= 2  # the Prefect server and the deployments, at least
    served.proc.send_signal(signal.SIGTERM)
    assert served.proc.wait(timeout=90) == 0
    wait_for(lambda: not [p for p in started if pid_alive(p)], 15, "every child gone")
    assert not [p for p in all_pids() if str(served.data_dir).encode() in environ(p)]
    assert read_state(Settings(data_dir=served.data_dir), check_alive=False) is None


def finished(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs, once every one of them has reached a final state."""
    final = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")
    return runs if runs and all(r["state"]["type"] in final for r in runs) else []


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return b""


def environ(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return b""


def all_pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and int(p.name) != os.getpid()]


def test_the_web_desks_port_is_never_the_one_chosen_for_the_server() -> None:
    # (both are chosen before either child listens, so the system could hand out the same free port twice)
    server = free_port()
    assert all(free_port(taken=server) != server for _ in range(200))
