"""Time `extract()` on every shared minutes document, against reading the same files as the baseline.

Run: .venv/bin/python bench/extraction.py [--repeat N]
Each row: reading time (baseline), extraction time (after reading), and their ratio. The median of
N runs is reported, so one slow run (a cold cache) does not decide the figure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import muistio.extraction as extraction  # noqa: E402
from muistio.extraction import extract  # noqa: E402
from muistio.reading import read_document  # noqa: E402

SHARED = ROOT / ".." / "shared" / "minutes"
DOC_EXT = {".txt", ".md", ".rst", ".pdf", ".docx", ".html", ".tex", ".wiki"}
SEED_BUDGET_MS = 20.0


def _median_ms(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    """Print one row per document and a total; exit 1 when the seed memo exceeds its budget."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    files = sorted(
        p
        for d in (SHARED, SHARED / "dev")
        if d.is_dir()
        for p in d.iterdir()
        if p.suffix in DOC_EXT and p.with_name(p.stem + ".gold.json").exists()
    )
    if not files:
        print(f"no shared minutes under {SHARED}", file=sys.stderr)
        return 1
    extract(read_document(files[0]))  # warm up: regex compilation and imports are not per document
    print(f"{'document':46} {'read ms':>8} {'extract ms':>10} {'ratio':>6} {'w/o actions ms':>14}")
    total_read = total_extract = total_structure = 0.0
    finder = extraction._action_finder
    seed_ms = None
    for path in files:
        read_ms = _median_ms(lambda p=path: read_document(p), args.repeat)
        doc = read_document(path)
        ex_ms = _median_ms(lambda d=doc: extract(d), args.repeat)
        # The same without the action-item stage: how the time splits between the stages.
        extraction._action_finder = lambda: None
        try:
            st_ms = _median_ms(lambda d=doc: extract(d), args.repeat)
        finally:
            extraction._action_finder = finder
        total_read += read_ms
        total_extract += ex_ms
        total_structure += st_ms
        if path.name.startswith("diginyt"):
            seed_ms = ex_ms
        print(f"{path.name[:46]:46} {read_ms:8.2f} {ex_ms:10.2f} {ex_ms / read_ms:5.1f}x {st_ms:14.2f}")
    label = f"TOTAL ({len(files)} documents)"
    print(
        f"{label:46} {total_read:8.2f} {total_extract:10.2f} {total_extract / total_read:5.1f}x "
        f"{total_structure:14.2f}"
    )
    _print_scaling(SHARED / "diginyt-2018-05-22.txt")
    if seed_ms is not None:
        verdict = "ok" if seed_ms < SEED_BUDGET_MS else "OVER BUDGET"
        print(f"seed memo extraction {seed_ms:.2f} ms (budget {SEED_BUDGET_MS:.0f} ms): {verdict}")
        return 0 if seed_ms < SEED_BUDGET_MS else 1
    return 0


def _print_scaling(seed: Path) -> None:
    """The next-meeting search on ~25k and ~100k characters of run-on text: linear means a ratio near 4."""
    if not seed.exists():
        return
    from muistio.extraction.header import read_header
    from muistio.extraction.next_meeting import locate_next_meeting
    from muistio.extraction.segment import segment

    # The seed without sentence ends or line breaks: every phrase's sentence is the whole text. Whole
    # copies of it (not a cut at n characters), so the long text holds exactly 4x what the short one does.
    base = " ".join(read_document(seed).text.split()).replace(". ", ", ")
    copies = max(1, round(25_000 / len(base)))
    ms, size = {}, {}
    for k in (copies, 4 * copies):
        text = " ".join([base] * k)
        seg = segment(text)
        head = read_header(text, seg.header_end)
        size[k] = len(text)
        ms[k] = _median_ms(
            lambda t=text, s=seg, h=head: locate_next_meeting(t, s.sections, h.date, "", "Europe/Helsinki"), 9
        )
    short, long = copies, 4 * copies
    print(
        f"next-meeting search on run-on text: {size[short] // 1000}k chars {ms[short]:.1f} ms, "
        f"{size[long] // 1000}k chars {ms[long]:.1f} ms, "
        f"ratio {ms[long] / ms[short]:.1f} (linear ~4)"
    )


if __name__ == "__main__":
    sys.exit(main())
