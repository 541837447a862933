"""Ingest 1,000 minutes: pure extraction, `muistio ingest` in process, and through `muistio serve`.

Run: .venv/bin/python -m bench.ingest [--files N] [--no-serve]
The minutes are made from examples/minutes with other bodies' names and other meeting dates, so each
is a meeting of its own. Every figure is printed with its ratio to pure extraction (reading and
extracting the same files in this process, measured in the same run); a dated line goes to
bench/RESULTS.md. Targets: in process <= 1.5x, through serve <= 3x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "minutes"
RESULTS = ROOT / "bench" / "RESULTS.md"

PLACES = ["Pohjalan", "Koivulan", "Järvelän", "Harjuniemen", "Kivikylän", "Lahdenperän", "Mäntyrinteen",
          "Salmelan", "Tervaniemen", "Vaaralan", "Ahonkylän", "Rantasalon", "Kuusiston", "Niemelän",
          "Peltolan", "Sorsakosken", "Vehkalahden", "Ylämaan", "Honkalan", "Lehtimäen", "Mustasaaren",
          "Riihimaan", "Särkijärven", "Tammelan", "Uusikylän"]  # fmt: skip
RIVERS = ["Riverside", "Millbrook", "Ashford", "Kingsmead", "Fairhaven", "Westmere", "Oakbridge",
          "Thornbury", "Elmstead", "Hollowell", "Stonebridge", "Larkhill", "Broadwater", "Cresswell",
          "Dunmore", "Eastleigh", "Foxley", "Greystoke", "Hartwell", "Ivybridge", "Juniper", "Kestrel",
          "Linfield", "Marlow", "Northam"]  # fmt: skip


def make_minutes(out: Path, n: int) -> list[Path]:
    """N minutes files: the two examples with their body renamed and the meeting a week later each time."""
    fi = (EXAMPLES / "digipalvelut-ohjausryhma-2025-09-09.txt").read_text(encoding="utf-8")
    en = (EXAMPLES / "riverside-rowing-club-board-2025-09-18.md").read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        body, week = i % len(PLACES), i // len(PLACES)
        if i % 2 == 0:
            day = dt.date(2025, 9, 9) + dt.timedelta(weeks=week)  # a Tuesday, as "Ti" says
            text = fi.replace("Pohjalan kaupungin", f"{PLACES[body]} kaupungin", 1)
            text = text.replace("Ti 9.9.2025", f"Ti {day.day}.{day.month}.{day.year}", 1)
            path = out / f"digipalvelut-{PLACES[body].lower()}-{day.isoformat()}.txt"
        else:
            day = dt.date(2025, 9, 18) + dt.timedelta(weeks=week)  # a Thursday
            text = en.replace("Riverside Rowing Club — Board", f"{RIVERS[body]} Rowing Club — Board", 1)
            text = text.replace("Thursday 18 September 2025", f"Thursday {day.day} {day:%B} {day.year}", 1)
            path = out / f"{RIVERS[body].lower()}-rowing-club-board-{day.isoformat()}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def pure_extraction(paths: list[Path]) -> float:
    """Seconds to read and extract every file in this process (after one warm-up)."""
    from muistio.extraction import extract
    from muistio.reading import read_document
    from services.config import load_settings

    settings = load_settings()
    extract(read_document(paths[0]), timezone=settings.timezone, min_confidence=settings.min_confidence)
    start = time.perf_counter()
    for path in paths:
        extract(read_document(path), timezone=settings.timezone, min_confidence=settings.min_confidence)
    return time.perf_counter() - start


def env_for(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "MUISTIO_"))}
    env.update({"PYTHONPATH": str(ROOT), "MUISTIO_DATA_DIR": str(data_dir)})
    return env


def cli_ingest(paths: list[Path], data_dir: Path) -> tuple[float, str]:
    """Seconds for one `muistio ingest` of all the files; and its first line of output."""
    data_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cli", "ingest", *map(str, paths)], env=env_for(data_dir),
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    took = time.perf_counter() - start
    stored = sum(1 for line in done.stdout.splitlines() if ": stored " in line)
    if stored != len(paths):
        sys.exit(f"bench: only {stored} of {len(paths)} stored\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return took, (done.stdout.splitlines() or [""])[0]


def through_serve(paths: list[Path], data_dir: Path) -> tuple[float, str]:
    """Start `muistio serve` (not timed), then time one `muistio ingest` through it; stop it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    state = data_dir / "prefect" / "serve.json"
    log = (data_dir / "serve.out").open("w")
    serve = subprocess.Popen([sys.executable, "-m", "cli", "serve"], env=env_for(data_dir), cwd=ROOT,
                             stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while not state.exists():
            if serve.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"bench: muistio serve did not start; see {data_dir / 'serve.out'}")
            time.sleep(0.5)
        json.loads(state.read_text())
        return cli_ingest(paths, data_dir)
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=120)
        log.close()


def main() -> int:
    """Print each figure with its ratio to pure extraction; append a dated line to bench/RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--no-serve", action="store_true", help="skip the run through `muistio serve`")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="muistio-bench-") as tmp:
        paths = make_minutes(Path(tmp), args.files)
        sys.path.insert(0, str(ROOT))
        extraction = pure_extraction(paths)
        print(f"pure extraction of {len(paths)} minutes: {extraction:.1f} s (1.00x)")
        local, _ = cli_ingest(paths, Path(tmp) / "in-process")
        print(f"muistio ingest in process:        {local:.1f} s ({local / extraction:.2f}x; target <= 1.5x)")
        line = (f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}Z ingest {len(paths)} minutes: extraction "
                f"{extraction:.1f} s; in process {local:.1f} s ({local / extraction:.2f}x)")  # fmt: skip
        if not args.no_serve:
            served, first = through_serve(paths, Path(tmp) / "served")
            ratio = served / extraction
            print(f"muistio ingest through serve:     {served:.1f} s ({ratio:.2f}x; target <= 3x)")
            print(f"  {first}")
            line += f"; through serve {served:.1f} s ({served / extraction:.2f}x)"
    load = os.getloadavg()[0]
    line += f"; load {load:.1f}"
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write(f"- {line}\n")
    print(f"appended to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
