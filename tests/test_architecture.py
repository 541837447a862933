"""The layering holds: the domain is pure, models import nothing of ours, the CLI starts light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def domain_files() -> list[Path]:
    """muistio/ without its edges (the CLI and the web UI)."""
    return [
        p
        for p in (ROOT / "muistio").rglob("*.py")
        if p.name != "cli.py" and "web" not in p.relative_to(ROOT / "muistio").parts
    ]


def test_domain_imports_no_io_layers() -> None:
    forbidden = {"prefect", "sqlmodel", "sqlalchemy", "models", "flows"}
    forbidden |= {"smtplib", "socket", "requests", "httpx"}
    bad = {str(p.relative_to(ROOT)): imported_modules(p) & forbidden for p in domain_files()}
    assert {k: v for k, v in bad.items() if v} == {}


def test_domain_reads_no_clock() -> None:
    clock_calls = ("datetime.now(", "date.today(", "time.time(", "datetime.utcnow(")
    bad = [str(p.relative_to(ROOT)) for p in domain_files() if any(c in p.read_text() for c in clock_calls)]
    assert bad == []


def test_models_import_nothing_of_ours() -> None:
    ours = {"muistio", "flows", "deployments"}
    bad = {str(p.relative_to(ROOT)): imported_modules(p) & ours for p in (ROOT / "models").rglob("*.py")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_help_does_not_import_prefect() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "muistio", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in out.stderr.splitlines() if "|" in line}
    assert "prefect" not in imported
    assert "sqlmodel" not in imported
    assert "Usage" in out.stdout
