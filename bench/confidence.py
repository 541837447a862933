"""How far the dates' confidence can be trusted: per threshold, the share right and the recall.

Run: .venv/bin/python -m bench.confidence [FOLDER ...]   (default: ../shared/minutes/dev and the own corpora)
For the meeting's date and the next meeting's date: of those with confidence >= t, how many equal the
gold (precision) and how many of all gold dates that is (recall).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from muistio.extraction import extract  # noqa: E402
from muistio.reading import read_document  # noqa: E402

DOC_EXT = {".txt", ".md", ".rst", ".pdf", ".docx", ".html", ".tex", ".wiki"}
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _docs(folders: list[Path]) -> list[tuple[Path, dict[str, dict[str, str | None] | None]]]:
    out = []
    for folder in folders:
        for p in sorted(folder.iterdir()) if folder.is_dir() else []:
            gold = p.with_name(p.stem + ".gold.json")
            if p.suffix in DOC_EXT and gold.exists():
                out.append((p, json.loads(gold.read_text(encoding="utf-8"))))
    return out


def main() -> int:
    """Print one table per date kind."""
    folders = [Path(a) for a in sys.argv[1:]] or [
        ROOT / ".." / "shared" / "minutes" / "dev",
        ROOT / "tests" / "corpus",
        ROOT / "tests" / "corpus_more",
    ]
    rows: dict[str, list[tuple[float, bool]]] = {"meeting": [], "next_meeting": []}
    gold_n = {"meeting": 0, "next_meeting": 0}
    for path, gold in _docs(folders):
        ex = extract(read_document(path))
        for kind, got in (("meeting", ex.meeting), ("next_meeting", ex.next_meeting)):
            want = (gold.get(kind) or {}).get("date")
            gold_n[kind] += bool(want)
            if got is not None and got.date:
                rows[kind].append((got.confidence or 0.0, got.date == want))
    for kind, found in rows.items():
        print(f"{kind}: {len(found)} dated, {gold_n[kind]} in the gold")
        print(f"  {'confidence >=':>14} {'right':>9} {'precision':>9} {'recall':>7}")
        for t in THRESHOLDS:
            sel = [ok for c, ok in found if c >= t]
            right = sum(sel)
            precision = right / len(sel) if sel else 1.0
            recall = right / gold_n[kind] if gold_n[kind] else 1.0
            print(f"  {t:>14.1f} {right:>4}/{len(sel):<4} {precision:>9.2f} {recall:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
