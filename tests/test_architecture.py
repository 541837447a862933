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
    """The pure domain, muistio/."""
    return list((ROOT / "muistio").rglob("*.py"))


def package_files(package: str) -> list[Path]:
    """Every Python file of one of our top-level packages."""
    return list((ROOT / package).rglob("*.py"))


# Who may import whom: each layer lists the layers of ours it may use; data flows one way.
LAYERS = {
    "models": set(),
    "muistio": set(),
    "services": {"models", "muistio"},
    "flows": {"services", "models", "muistio"},
    "deployments": {"flows", "services", "muistio"},
    "cli": {"services", "models", "muistio", "flows", "deployments", "web"},
    "web": {"services", "models", "muistio"},
}


def test_layers_import_only_what_they_may() -> None:
    bad: dict[str, set[str]] = {}
    for layer, allowed in LAYERS.items():
        for path in package_files(layer):
            wrong = (imported_modules(path) & set(LAYERS)) - allowed - {layer}
            if wrong:
                bad[str(path.relative_to(ROOT))] = wrong
    assert bad == {}


def test_domain_imports_no_io_layers() -> None:
    forbidden = {"prefect", "sqlmodel", "sqlalchemy", "typer", "fastapi", "uvicorn"}
    forbidden |= {"smtplib", "socket", "requests", "httpx", "subprocess"}
    bad = {str(p.relative_to(ROOT)): imported_modules(p) & forbidden for p in domain_files()}
    assert {k: v for k, v in bad.items() if v} == {}


def test_only_flows_and_the_service_runner_import_prefect() -> None:
    allowed = {"flows", "deployments"}
    bad = [
        str(p.relative_to(ROOT))
        for layer in LAYERS
        if layer not in allowed
        for p in package_files(layer)
        if "prefect" in imported_modules(p)
    ]
    assert bad == []


def test_domain_reads_no_clock() -> None:
    clock_calls = ("datetime.now(", "date.today(", "time.time(", "datetime.utcnow(")
    bad = [str(p.relative_to(ROOT)) for p in domain_files() if any(c in p.read_text() for c in clock_calls)]
    assert bad == []


def test_models_import_nothing_of_ours() -> None:
    ours = set(LAYERS) - {"models"}
    bad = {str(p.relative_to(ROOT)): imported_modules(p) & ours for p in (ROOT / "models").rglob("*.py")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_flows_hold_only_prefect_flows_and_tasks() -> None:
    """Every module of flows/ defines a flow or tasks; the work itself lives in services/."""
    for path in package_files("flows"):
        if path.name == "__init__.py":
            continue
        assert "prefect" in imported_modules(path), f"{path.name} is not a Prefect module"


def test_help_does_not_import_prefect() -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cli", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in out.stderr.splitlines() if "|" in line}
    assert "prefect" not in imported
    assert "sqlmodel" not in imported
    assert "Usage" in out.stdout
