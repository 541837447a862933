"""More own minutes (48, four sets) as a regression guard for extraction, scored against their gold."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from test_corpus import DOC_EXTS, aggregate, check_gold, predict, schema_errors

MORE = Path(__file__).resolve().parent / "corpus_more"
DOCS = sorted(
    p for p in MORE.iterdir() if p.suffix in DOC_EXTS and p.with_name(p.stem + ".gold.json").exists()
)


@pytest.fixture(scope="module")
def predictions() -> dict[str, dict[str, Any]]:
    """One extraction per document."""
    return {d.name: predict(d) for d in DOCS}


def test_four_sets_in_both_languages_and_six_layouts() -> None:
    assert len(DOCS) == 48
    assert {d.name.split("-")[0] for d in DOCS} == {"set1", "set2", "set3", "set4"}
    assert {d.suffix for d in DOCS} >= {".txt", ".md", ".html", ".tex", ".rst", ".wiki"}


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem)
def test_gold_is_well_formed(doc: Path) -> None:
    check_gold(doc)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem)
def test_extraction_matches_schema(doc: Path, predictions: dict[str, dict[str, Any]]) -> None:
    assert schema_errors(predictions[doc.name]) == []


def test_scores_stay_above_the_floors(scorer: ModuleType, predictions: dict[str, dict[str, Any]]) -> None:
    """Floors a little under what was measured when these sets were added (corpus_more/README.md)."""
    t = aggregate(scorer, predictions, DOCS)
    summary = (
        f"meeting_date={t['meeting_date'][0]}/{t['meeting_date'][1]} "
        f"next_date={t['next_date'][0]}/{t['next_date'][1]} participants_F1={t['participants_F1']:.3f} "
        f"actions_F1={t['actions_F1']:.3f} owner_ok={t['ai_owner_ok']}/{t['ai_owner_n']} "
        f"due_ok={t['ai_due_ok']}/{t['ai_due_n']}"
    )
    print(summary)
    assert t["meeting_date"][0] >= 45, summary  # measured 47/48
    assert t["next_date"][0] >= 42, summary  # measured 44/48
    assert t["participants_F1"] >= 0.90, summary  # measured 0.924
    assert t["actions_F1"] >= 0.88, summary  # measured 0.911
    assert t["ai_owner_ok"] >= 0.92 * t["ai_owner_n"], summary  # measured 185/195
    assert t["ai_due_ok"] >= 0.84 * t["ai_due_n"], summary  # measured 124/142
