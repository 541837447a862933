"""The built wheel carries what a non-editable install needs: it renders an invitation and a digest."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from cli.output import ROSTER, roster_sections

ROOT = Path(__file__).resolve().parents[1]
MEMO = ROOT / "examples" / "minutes" / "digipalvelut-ohjausryhma-2025-09-09.txt"

pytestmark = pytest.mark.serve


def run(argv: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    """A command that must succeed; its output shown when it does not."""
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, **kw)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done  # type: ignore[no-any-return]


def test_wheel_in_a_fresh_venv_renders_an_invitation_and_a_digest(tmp_path: Path) -> None:
    # Nothing of the source tree on the path: PYTHONPATH (and the build's .egg-info there) would hide
    # a file the wheel lacks, or make pip think muistio is already installed.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MUISTIO_", "PREFECT_"))}
    env["MUISTIO_DATA_DIR"] = str(tmp_path / "data")
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)])
    [wheel] = wheels.glob("muistio-*.whl")

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(run([str(python), "-c", purelib]).stdout.strip())
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)]
    run(pip, env=env, cwd=tmp_path)
    # Installed first (pip would see the shared editable muistio). The dependencies come from the
    # shared venv through a plain path entry: a path added by a .pth file gets no .pth processing of
    # its own, so the shared editable install of muistio stays out.
    (site / "shared_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    work = tmp_path / "elsewhere"  # not the source tree, whose templates/ would hide a missing file
    work.mkdir()
    where = run([str(python), "-c", "import muistio, templates; print(muistio.__file__, templates.__file__)"],
                cwd=work, env=env).stdout  # fmt: skip
    assert str(site) in where and str(ROOT) not in where

    section = roster_sections(ROSTER)[0]
    roster = tmp_path / "roster.csv"
    roster.write_text(section.csv_text, encoding="utf-8")
    muistio = str(venv / "bin" / "muistio")
    run([muistio, "people", "import", str(roster), "--body", section.body], cwd=work, env=env)
    run([muistio, "ingest", str(MEMO)], cwd=work, env=env)
    run([muistio, "invite", "2025-10-14", "--dry-run", "--out", str(tmp_path / "invites")], cwd=work, env=env)
    run([muistio, "digest", "--dry-run", "--as-of", "2026-01-05", "--out", str(tmp_path / "digests")],
        cwd=work, env=env)  # fmt: skip

    invites = sorted((tmp_path / "invites").glob("*.eml"))
    digests = sorted((tmp_path / "digests").glob("*.eml"))
    assert invites and digests
    invite = parts(invites[0])
    assert "METHOD:REQUEST" in invite["text/calendar"] and "2025" in invite["text/plain"]
    assert "<" in invite["text/html"] and "Kutsu" in invite["subject"]
    digest = parts(digests[0])
    assert digest["text/plain"].strip() and "<" in digest["text/html"]


def parts(path: Path) -> dict[str, str]:
    """A mail's decoded text parts by content type, and its subject."""
    import email
    from email.policy import default

    msg = email.message_from_bytes(path.read_bytes(), policy=default)
    found = {"subject": str(msg["Subject"])}
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            found[part.get_content_type()] = part.get_content()  # type: ignore[attr-defined]
    return found
