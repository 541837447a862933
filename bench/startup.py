"""Wall time of `muistio --help` and `muistio extract SEED --json`, against starting Python itself.

Run: .venv/bin/python -m bench.startup [--runs N]
Each command runs N times as a fresh process (the median is reported); the baseline, measured in the
same run, is `python -c pass` with the same interpreter. Targets: extract < 0.5 s wall on a quiet
machine. A dated line goes to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
SEED = ROOT / ".." / "shared" / "minutes" / "diginyt-2018-05-22.txt"
EXAMPLE = ROOT / "examples" / "minutes" / "digipalvelut-ohjausryhma-2025-09-09.txt"


def wall(cmd: list[str], runs: int) -> float:
    """Median wall seconds of a fresh process running cmd (its output discarded)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    """Print each command's median wall time and its ratio to starting Python; append the line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--no-append", action="store_true")
    args = ap.parse_args()
    muistio = str(Path(sys.executable).with_name("muistio"))
    doc = SEED if SEED.exists() else EXAMPLE
    base = wall([sys.executable, "-c", "pass"], args.runs)
    figures = {
        "--help": wall([muistio, "--help"], args.runs),
        "extract": wall([muistio, "extract", str(doc), "--json"], args.runs),
    }
    cache = (ROOT / "muistio" / "patterns.cache").exists()
    print(f"python -c pass      {base:6.3f} s   (baseline)")
    for name, secs in figures.items():
        print(f"muistio {name:11} {secs:6.3f} s   x{secs / base:5.1f}")
    verdict = "met" if figures["extract"] < 0.5 else "missed"
    load = os.getloadavg()[0]
    line = (
        f"- {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%MZ} startup ({doc.name}, median of {args.runs}): "
        f"python {base * 1000:.0f} ms; --help {figures['--help']:.2f} s (x{figures['--help'] / base:.1f}); "
        f"extract {figures['extract']:.2f} s (x{figures['extract'] / base:.1f}; target < 0.5 s: {verdict}); "
        f"saved patterns {'present' if cache else 'ABSENT (run make)'}; load {load:.1f}\n"
    )
    print(line.strip())
    if not args.no_append:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
