"""How far an action item's confidence can be trusted: precision and recall per confidence threshold.

Run: .venv/bin/python -m bench.calibration [FOLDER_OR_FILE ...] [--lang sv] [-v]
Defaults to ../shared/minutes/dev and the seed. Every document with a `.gold.json` beside it is
extracted in process (no confidence floor) and its action items are matched to the gold the way
`score-extraction` does (the scorer is imported as a module). For each threshold t the table gives
the share of items with confidence >= t that match a gold item (required or optional) and the recall
of required gold items at t; the same for the next meeting when the extraction carries a confidence.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from muistio.extraction import extract  # noqa: E402
from muistio.morphology import morphology_for  # noqa: E402
from muistio.reading import read_document  # noqa: E402

SHARED = ROOT / ".." / "shared"
SCORER = SHARED / "tools" / "score-extraction"
DEFAULT_PATHS = [SHARED / "minutes" / "dev", SHARED / "minutes" / "diginyt-2018-05-22.txt"]
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def load_scorer() -> ModuleType:
    """The shared score-extraction script, imported as a module."""
    loader = SourceFileLoader("score_extraction", str(SCORER))
    spec = importlib.util.spec_from_loader("score_extraction", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def judge_actions(scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> list[tuple[float, bool]]:
    """(confidence, right) for each extracted item; right = matched to any gold item."""
    ga = gold.get("action_items") or []
    pa = pred.get("action_items") or []
    matched = {j for _, j in scorer.greedy_match(ga, pa, scorer.item_overlap, 0.6)}
    return [(float(p.get("confidence", 1.0)), j in matched) for j, p in enumerate(pa)]


def required_hits(
    scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any], t: float
) -> tuple[int, int]:
    """(required gold items matched by an item of confidence >= t, required gold items)."""
    ga = gold.get("action_items") or []
    pa = [p for p in pred.get("action_items") or [] if float(p.get("confidence", 1.0)) >= t]
    pairs = scorer.greedy_match(ga, pa, scorer.item_overlap, 0.6)
    req = [g for g in ga if not g.get("optional")]
    return sum(1 for i, _ in pairs if not ga[i].get("optional")), len(req)


def _table(rows: list[tuple[str, int, int, int, int]]) -> str:
    out = [f"{'threshold':>9} {'items':>6} {'right':>6} {'right %':>8} {'recall':>7}"]
    for name, n, right, hit, total in rows:
        share = f"{100 * right / n:.1f}" if n else "-"
        recall = f"{hit / total:.3f}" if total else "-"
        out.append(f"{name:>9} {n:>6} {right:>6} {share:>8} {recall:>7}")
    return "\n".join(out)


def main() -> int:
    """Print the calibration tables; -v adds the wrong items at or above 0.8."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    ap.add_argument("--lang", help="only documents whose gold language is this (fi, en, sv)")
    ap.add_argument(
        "-v", action="store_true", help="list wrong items (>= 0.5), right ones under 0.8, and missed gold"
    )
    args = ap.parse_args()
    scorer = load_scorer()
    docs = scorer.find_docs([str(p) for p in args.paths])
    if not docs:
        print("no gold-annotated documents found", file=sys.stderr)
        return 1
    morphology = morphology_for("auto")
    judged: list[tuple[float, bool]] = []
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    nm: list[tuple[float, bool]] = []
    nm_total = 0
    tp = fp = fn = own_n = own_ok = 0
    for doc, goldf in docs:
        gold = json.loads(goldf.read_text())
        if args.lang and gold.get("language") != args.lang:
            continue
        pred = json.loads(extract(read_document(doc), min_confidence=0.0, morphology=morphology).to_json())
        pairs.append((gold, pred))
        items = judge_actions(scorer, gold, pred)
        judged.extend(items)
        scored = scorer.score_doc(
            gold,
            {
                **pred,
                "action_items": [
                    p for p in pred.get("action_items") or [] if float(p.get("confidence", 1.0)) >= 0.5
                ],
            },
        )
        tp, fp, fn = tp + scored["ai_tp"], fp + scored["ai_fp"], fn + scored["ai_fn"]
        own_n, own_ok = own_n + scored["ai_owner_n"], own_ok + scored["ai_owner_ok"]
        gn, pn = gold.get("next_meeting"), pred.get("next_meeting")
        if gn and gn.get("date"):
            nm_total += 1
        if pn and pn.get("date") and isinstance(pn.get("confidence"), (int, float)):
            nm.append((float(pn["confidence"]), bool(gn and gn.get("date") == pn.get("date"))))
        if args.v:
            for p, (conf, right) in zip(pred.get("action_items") or [], items, strict=True):
                if conf >= 0.5 and not right:
                    print(f"  WRONG {conf:.2f} {doc.name[:30]}: {p.get('quote', '')[:110]!r}")
                elif conf < 0.8 and right:
                    print(f"  LOW   {conf:.2f} {doc.name[:30]}: {p.get('quote', '')[:110]!r}")
            ga = gold.get("action_items") or []
            found = {
                i
                for i, _ in scorer.greedy_match(
                    ga,
                    [p for p in pred.get("action_items") or [] if float(p.get("confidence", 1.0)) >= 0.5],
                    scorer.item_overlap,
                    0.6,
                )
            }
            for i, g in enumerate(ga):
                if i not in found and not g.get("optional"):
                    print(f"  MISS       {doc.name[:30]}: {(g.get('quote') or '')[:110]!r}")
    rows = []
    for t in THRESHOLDS:
        kept = [right for conf, right in judged if conf >= t]
        hit = total = 0
        for gold, pred in pairs:
            h, n = required_hits(scorer, gold, pred, t)
            hit, total = hit + h, total + n
        rows.append((f">= {t:.1f}", len(kept), sum(kept), hit, total))
    p, r, f = scorer.prf(tp, fp, fn)
    print(
        f"documents={len(pairs)} at 0.5: actions_P={p:.3f} actions_R={r:.3f} actions_F1={f:.3f} "
        f"owner_ok={own_ok}/{own_n}"
    )
    print("action items")
    print(_table(rows))
    if nm:
        nm_rows = []
        for t in THRESHOLDS:
            kept = [right for conf, right in nm if conf >= t]
            nm_rows.append((f">= {t:.1f}", len(kept), sum(kept), sum(kept), nm_total))
        print("next meeting (right = date equals gold)")
        print(_table(nm_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
