"""Where a running `muistio serve` of a data dir is found: its state file, and the Prefect API it offers."""

from __future__ import annotations

import json
import os
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from muistio.settings import Settings

STATE_NAME = "serve.json"


@dataclass(frozen=True)
class ServeState:
    """What a running `muistio serve` wrote for the commands of the same data dir."""

    pid: int
    api_url: str
    ui_url: str
    prefect_home: str
    web_url: str | None = None


def prefect_home(settings: Settings) -> Path:
    """Prefect's home for this data dir (its own database, results and logs)."""
    return (settings.data_dir / "prefect").resolve()


def state_path(settings: Settings) -> Path:
    """The state file of this data dir's `muistio serve`."""
    return prefect_home(settings) / STATE_NAME


def write_state(settings: Settings, state: ServeState) -> Path:
    """Record the running service atomically (a reader never sees half a file)."""
    path = state_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
    tmp.replace(path)
    return path


def clear_state(settings: Settings, pid: int) -> None:
    """Remove the state file if it is still ours."""
    found = read_state(settings, check_alive=False)
    if found is not None and found.pid == pid:
        state_path(settings).unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (a zombie counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    return "\nState:\tZ" not in status


def read_state(settings: Settings, *, check_alive: bool = True) -> ServeState | None:
    """The running service of this data dir, or None (no file, a stale file, or a dead process)."""
    try:
        data = json.loads(state_path(settings).read_text(encoding="utf-8"))
        state = ServeState(**data)
    except (OSError, ValueError, TypeError):
        return None
    if check_alive and not pid_alive(state.pid):
        return None
    return state


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    """Whether a Prefect API answers its health check."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


@dataclass(frozen=True)
class PrefectTarget:
    """The Prefect API the CLI submits runs to, and the home whose stored results it reads."""

    api_url: str
    prefect_home: str | None
    source: str  # "PREFECT_API_URL" or "muistio serve"


def prefect_target(settings: Settings) -> PrefectTarget | None:
    """A configured Prefect server (PREFECT_API_URL), else this data dir's running `muistio serve`."""
    configured = os.environ.get("PREFECT_API_URL", "").strip()
    if configured:
        return PrefectTarget(configured, os.environ.get("PREFECT_HOME"), "PREFECT_API_URL")
    state = read_state(settings)
    if state is None or not api_healthy(state.api_url):
        return None
    return PrefectTarget(state.api_url, state.prefect_home, "muistio serve")
