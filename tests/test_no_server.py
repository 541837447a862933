"""Without `muistio serve` nothing starts a Prefect server: the demo and ingest run in process, leave no
process behind, and a stale state file of a dead service is ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from cli.serve import descendants

ROOT = Path(__file__).resolve().parents[1]
MEMO = ROOT / "examples" / "minutes" / "digipalvelut-ohjausryhma-2025-09-09.txt"


Watched = tuple[subprocess.CompletedProcess[str], dict[int, str], set[str]]
READER = "services.parsing"  # the bounded reader child (time and memory limits), ours by design


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def only_the_reader_and_gone(started: dict[int, str]) -> bool:
    """Every process started was the reader child, and none is alive now."""
    return all(READER in cmd for cmd in started.values()) and not any(
        Path(f"/proc/{pid}").exists() and READER in _cmdline(pid) for pid in started
    )


def run_watched(args: list[str], data_dir: Path) -> Watched:
    """Run `python -X importtime -m cli ARGS`; the processes it started (pid: command); modules imported."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "MUISTIO_"))}
    env.update({"PYTHONPATH": str(ROOT), "MUISTIO_DATA_DIR": str(data_dir)})
    proc = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "cli", *args], env=env, cwd=data_dir,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    started: dict[int, str] = {}
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        for pid in descendants(proc.pid):
            started[pid] = _cmdline(pid) or started.get(pid, "")  # the newest: a fork reads as its parent
        time.sleep(0.05)
    out, err = proc.communicate(timeout=60)
    imported = {line.split("|")[-1].strip().split(".")[0] for line in err.splitlines() if "|" in line}
    err = "\n".join(line for line in err.splitlines() if not line.startswith("import time:"))
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), started, imported


def test_demo_starts_no_prefect_server_and_no_process(tmp_path: Path) -> None:
    done, started, imported = run_watched(["demo"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "invitations written now:" in done.stdout
    assert only_the_reader_and_gone(started)  # no server, nothing listening, nothing left behind
    assert "prefect" not in imported


def test_ingest_in_process_says_so_once_and_leaves_nothing(tmp_path: Path) -> None:
    done, started, imported = run_watched(["ingest", str(MEMO), str(tmp_path / "nosuch.txt")], tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("no Prefect server: run history is not recorded") == 1
    assert "nosuch.txt" in done.stderr and "stored" in done.stdout
    assert only_the_reader_and_gone(started) and "prefect" not in imported


def test_a_stale_state_file_of_a_dead_service_is_ignored(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)  # fmt: skip
    state = tmp_path / "prefect" / "serve.json"
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"pid": int(dead.stdout), "api_url": "http://127.0.0.1:9/api",
                                 "ui_url": "http://127.0.0.1:9", "prefect_home": str(tmp_path)}))  # fmt: skip
    done, started, imported = run_watched(["ingest", str(MEMO)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "no Prefect server" in done.stderr and "stored" in done.stdout
    assert only_the_reader_and_gone(started) and "prefect" not in imported
