"""`muistio serve`: a Prefect server on loopback, the served deployments and the web desk, supervised.

Each child runs in its own process group and writes to a log under DATA_DIR/prefect/logs. A child
that dies is started again (with a pause when it keeps dying); Ctrl-C or SIGTERM stops every group
it started, then anything they left behind (the supervisor is their subreaper), and removes the
state file through which other commands found this service.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import typer

from muistio.settings import Settings

LOOPBACK = "127.0.0.1"
HEALTH_TIMEOUT = 240.0  # a first start migrates Prefect's database; slow on a busy 2-core machine
STOP_GRACE = 15.0
PR_SET_CHILD_SUBREAPER = 36


def free_port(host: str = LOOPBACK, *, taken: int | None = None) -> int:
    """A port nobody listens on right now, other than `taken` (chosen for a child not started yet)."""
    while True:
        with socket.socket() as s:
            s.bind((host, 0))
            port = int(s.getsockname()[1])
        if port != taken:
            return port


@dataclass
class Child:
    """One supervised process: how to start it, and the running one."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None
    log: IO[bytes] | None = None
    deaths: list[float] = field(default_factory=list)

    def start(self) -> None:
        """Start it in its own session, so signals reach it and its children as one group."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            self.argv, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip

    def exited(self) -> int | None:
        """Its exit code once it has ended, else None."""
        return None if self.proc is None else self.proc.poll()

    def signal_group(self, sig: int) -> None:
        """Send a signal to its whole process group."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, sig)

    def stop(self, grace: float) -> None:
        """SIGTERM to the group, SIGKILL after the grace time; reap it."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=grace)
        self.signal_group(signal.SIGKILL)  # whatever of the group is still there
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        if self.log is not None:
            self.log.close()


def _children_of(pid: int) -> list[int]:
    """Direct children of a process, from /proc."""
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    """Every process below this one."""
    out: list[int] = []
    todo = [pid]
    while todo:
        for child in _children_of(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def _become_subreaper() -> None:
    """Orphans of our children become ours (not init's), so none escapes the shutdown."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap() -> None:
    """Collect exited orphans so they do not linger as zombies."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def api_healthy(url: str) -> bool:
    from services.serving import api_healthy as healthy

    return healthy(url, timeout=2.0)


class Supervisor:
    """The children of one `muistio serve`, started in order and stopped in reverse."""

    def __init__(self, settings: Settings, *, port: int | None, web_port: int | None, echo: Any) -> None:
        from services.serving import prefect_home

        self.settings = settings
        self.echo = echo
        self.home = prefect_home(settings)
        self.port = port or free_port()
        self.api_url = f"http://{LOOPBACK}:{self.port}/api"
        self.ui_url = f"http://{LOOPBACK}:{self.port}"
        self.web_port = web_port or free_port(taken=self.port)
        self.web_url: str | None = None
        self.children: list[Child] = []
        self.stopping = False

    def env(self) -> dict[str, str]:
        """What every child sees: this server, this home, our data dir; never a temporary server."""
        env = dict(os.environ)
        env.update({
            "PREFECT_HOME": str(self.home),
            "PREFECT_API_URL": self.api_url,
            "PREFECT_UI_API_URL": self.api_url,  # the UI asks this API, not the default port
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_EPHEMERAL_ENABLED": "false",
            "PREFECT_RUNNER_POLL_FREQUENCY": "2",  # a submitted run starts within 2 s, not 10
            "PREFECT_LOGGING_LEVEL": "INFO",  # the flows' summaries reach the UI
            # Task runs recorded in batches: under load one-by-one inserts fall behind and runs go missing.
            "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
            "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "200",
            "MUISTIO_DATA_DIR": str(self.settings.data_dir.resolve()),
        })  # fmt: skip
        return env

    def _child(self, name: str, argv: list[str]) -> Child:
        return Child(name, argv, self.env(), self.home / "logs" / f"{name}.log")

    def plan(self) -> None:
        """The children: Prefect server, the served deployments, the web desk when it exists."""
        prefect = str(Path(sys.executable).with_name("prefect"))
        server = [prefect, "server", "start", "--host", LOOPBACK, "--port", str(self.port)]
        if not Path(prefect).exists():
            server = [sys.executable, "-m", "prefect", *server[1:]]
        self.children = [
            self._child("prefect-server", server),
            self._child("deployments", [sys.executable, "-m", "deployments.serve"]),
        ]
        if importlib.util.find_spec("web") is not None:
            self.web_url = f"http://{LOOPBACK}:{self.web_port}"
            web = [sys.executable, "-m", "cli.serve", "web", LOOPBACK, str(self.web_port)]
            self.children.append(self._child("web", web))

    def wait_for_api(self, server: Child) -> None:
        """Until the API answers, or fail saying where the log is."""
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while time.monotonic() < deadline and not self.stopping:
            if api_healthy(self.api_url):
                return
            if server.exited() is not None:
                raise RuntimeError(f"the Prefect server exited ({server.exited()}); see {server.log_path}")
            time.sleep(0.5)
        if not self.stopping:
            waited = f"{HEALTH_TIMEOUT:.0f} s"
            raise RuntimeError(f"the Prefect server did not answer in {waited}; see {server.log_path}")

    def wait_for_deployments(self, timeout: float = 180.0) -> None:
        """Until every served deployment is registered, so commands (and schedules) find them all.

        Waiting for the count to stop growing was not enough: under load the registering process pauses
        between flows, and `serve.json` was written with only some of them registered.
        """
        import json
        import urllib.request

        from deployments.serve import SERVED_COUNT

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.stopping:
            request = urllib.request.Request(f"{self.api_url}/deployments/count", data=b"{}", method="POST",
                                             headers={"Content-Type": "application/json"})  # fmt: skip
            try:
                with urllib.request.urlopen(request, timeout=5) as reply:
                    if int(json.loads(reply.read())) >= SERVED_COUNT:
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.5)

    def start(self) -> None:
        """Server first (healthy), then the rest; the state file last."""
        from services.serving import ServeState, write_state

        self.plan()
        server, *rest = self.children
        server.start()
        self.wait_for_api(server)
        for child in rest:
            child.start()
        self.wait_for_deployments()
        state = ServeState(os.getpid(), self.api_url, self.ui_url, str(self.home), self.web_url)
        write_state(self.settings, state)

    def watch(self) -> None:
        """Restart a child that died, pausing when it keeps dying; until asked to stop."""
        while not self.stopping:
            time.sleep(0.5)
            _reap()
            for child in self.children:
                code = child.exited()
                if code is None or self.stopping:
                    continue
                now = time.monotonic()
                child.deaths = [t for t in child.deaths if now - t < 60] + [now]
                pause = min(30.0, 2.0 ** (len(child.deaths) - 1)) if len(child.deaths) > 1 else 0.0
                when = f" in {pause:.0f} s" if pause else ""
                self.echo(
                    f"muistio serve: {child.name} exited ({code}); restarting{when} (log: {child.log_path})"
                )
                child.stop(0)
                self._sleep(pause)
                if self.stopping:
                    break
                child.start()
                if child is self.children[0]:
                    self.wait_for_api(child)

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.stopping:
            time.sleep(0.2)

    def stop(self) -> None:
        """Every group in reverse order, then any orphan that found its way to us."""
        from services.serving import clear_state

        self.stopping = True
        clear_state(self.settings, os.getpid())
        left_over = descendants(os.getpid())
        for child in reversed(self.children):
            child.stop(STOP_GRACE)
        for pid in left_over + descendants(os.getpid()):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        _reap()


def serve(settings: Settings, *, port: int | None, web_port: int | None) -> int:
    """Run the service until Ctrl-C or SIGTERM; returns the exit code."""
    from services.db import ready_database
    from services.serving import read_state

    running = read_state(settings)
    if running is not None:
        typer.echo(f"muistio: muistio serve already runs for {settings.data_dir} (pid {running.pid}, "
                   f"{running.ui_url})", err=True)  # fmt: skip
        return 1
    ready_database(settings.resolved_database_url)  # the flows find the schema there
    _become_subreaper()
    supervisor = Supervisor(settings, port=port, web_port=web_port, echo=lambda m: typer.echo(m, err=True))

    def on_signal(signum: int, _frame: Any) -> None:
        supervisor.stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        typer.echo(f"muistio serve: starting a Prefect server on {LOOPBACK}:{supervisor.port} "
                   f"(home {supervisor.home})")  # fmt: skip
        supervisor.start()
        if supervisor.stopping:
            return 0
        from services.inbox import ensure_inbox, inbox_dir

        ensure_inbox(inbox_dir(settings))
        typer.echo(f"Prefect UI:  {supervisor.ui_url}")
        typer.echo(f"Prefect API: {supervisor.api_url}")
        if supervisor.web_url:
            typer.echo(f"web desk:    {supervisor.web_url}")
        else:
            typer.echo("web desk:    not installed (no `web` package); skipped")
        typer.echo(f"inbox:       {inbox_dir(settings).resolve()} (looked at every minute)")
        typer.echo(f"logs:        {supervisor.home / 'logs'}")
        typer.echo("`muistio ingest FILE` now runs through this server. Ctrl-C stops everything.")
        supervisor.watch()
        return 0
    except RuntimeError as exc:
        typer.echo(f"muistio: {exc}", err=True)
        return 1
    finally:
        supervisor.stop()
        typer.echo("muistio serve: stopped", err=True)


def web_main(host: str, port: int) -> None:
    """The web desk under uvicorn (a child of `muistio serve`)."""
    import uvicorn

    from services.config import load_settings
    from web.app import create_app  # type: ignore[import-not-found, unused-ignore]

    uvicorn.run(create_app(load_settings()), host=host, port=port, log_level="info")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "web":
        web_main(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit("usage: python -m cli.serve web HOST PORT")
