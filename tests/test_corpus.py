"""Held-out corpus: extraction of minutes written for this project, scored against their gold sidecars."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from muistio.extraction import extract
from muistio.reading import read_document

CORPUS = Path(__file__).resolve().parent / "corpus"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SCHEMA = SHARED / "spec" / "extraction.schema.json"
SCORER = SHARED / "tools" / "score-extraction"
DOC_EXTS = {".txt", ".md", ".html", ".tex", ".rst", ".wiki", ".pdf", ".docx"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Floors the extractor met when the corpus was written (measured figures are printed by
# test_corpus_aggregate); they guard against regressions, they are not targets.
FLOORS = {
    "next_date": 9,  # of 10 documents (measured 10)
    "meeting_date": 9,  # of 10 documents (measured 10)
    "actions_P": 0.95,  # measured 1.0
    "actions_R": 0.93,  # measured 0.98
    "due_ok": 0.9,  # share of scored due dates (measured 29/29)
}


def _documents() -> list[Path]:
    """Every corpus document that has a gold sidecar."""
    return sorted(
        p
        for p in CORPUS.iterdir()
        if p.suffix.lower() in DOC_EXTS and p.with_name(p.stem + ".gold.json").exists()
    )


DOCS = _documents()


def gold_of(doc: Path) -> dict[str, Any]:
    """The gold annotation beside `doc`."""
    data: dict[str, Any] = json.loads(doc.with_name(doc.stem + ".gold.json").read_text(encoding="utf-8"))
    return data


def predict(doc: Path) -> dict[str, Any]:
    """Run the extraction in process and return its JSON as a dict (what `muistio extract --json` prints)."""
    data: dict[str, Any] = json.loads(extract(read_document(doc)).to_json())
    return data


@pytest.fixture(scope="module")
def predictions() -> dict[str, dict[str, Any]]:
    """One extraction per document, shared by the tests of this module."""
    return {d.name: predict(d) for d in DOCS}


def test_corpus_has_ten_documents_in_both_languages() -> None:
    """The corpus holds the ten annotated documents, Finnish and English, in several formats."""
    assert len(DOCS) == 10
    langs = {gold_of(d)["language"] for d in DOCS}
    assert langs == {"fi", "en"}
    assert {d.suffix for d in DOCS} >= {".txt", ".md", ".html", ".tex", ".rst", ".wiki"}


def check_gold(doc: Path) -> None:
    """Gold quotes are exact substrings of the file; dates are ISO; optional items are flagged explicitly."""
    text = doc.read_text(encoding="utf-8")
    gold = gold_of(doc)
    assert gold["language"] in ("fi", "en")
    assert isinstance(gold["decisions_count"], int) and gold["notes"]
    assert ISO_DATE.fullmatch(gold["meeting"]["date"])
    for item in gold["action_items"]:
        assert item["quote"] in text, item["quote"]
        assert item["due"] is None or ISO_DATE.fullmatch(item["due"])
        assert isinstance(item["owners"], list)
        assert item.get("optional", False) in (True, False)
    nm = gold["next_meeting"]
    assert nm is None or nm["date"] is None or ISO_DATE.fullmatch(nm["date"])


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem)
def test_gold_is_well_formed(doc: Path) -> None:
    """Every gold file of the corpus is usable as a yardstick."""
    check_gold(doc)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.stem)
def test_extraction_matches_schema(doc: Path, predictions: dict[str, dict[str, Any]]) -> None:
    """The extraction of every corpus document validates against the shared JSON schema."""
    assert schema_errors(predictions[doc.name]) == []


def schema_errors(pred: dict[str, Any]) -> list[str]:
    """What the shared JSON schema finds wrong with one extraction (skips when the schema is absent)."""
    if not SCHEMA.exists():
        pytest.skip(f"shared schema not found at {SCHEMA}")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(pred)]


def test_weekday_disagreeing_with_date_keeps_date_and_warns(predictions: dict[str, dict[str, Any]]) -> None:
    """'ti 17.5.2023' (a Wednesday): the date wins and the secretary gets a warning."""
    pred = predictions["03-harjula-kirjastotyoryhma-2023-05-17.html"]
    assert pred["meeting"]["date"] == "2023-05-17"
    assert any("2023-05-17" in w or "17.5" in w for w in pred["warnings"])


def test_month_only_or_missing_next_meeting_gets_no_date(predictions: dict[str, dict[str, Any]]) -> None:
    """'in October 2022' and a document without a next meeting must not yield a next-meeting date."""
    for name in ("08-riverside-food-bank-trustees-2022-07-12.tex", "07-tessera-tsc-2021-06-17.rst"):
        nm = predictions[name]["next_meeting"]
        assert nm is None or nm["date"] is None, name


def aggregate(
    scorer: ModuleType, predictions: dict[str, dict[str, Any]], docs: list[Path] = DOCS
) -> dict[str, Any]:
    """Sum the scorer's per-document rows the way its SUMMARY line does."""
    rows = {d.name: scorer.score_doc(gold_of(d), predictions[d.name]) for d in docs}
    total: dict[str, Any] = {"rows": rows}
    for key in ("meeting_date", "next_date", "next_time", "next_place"):
        vals = [r[key] for r in rows.values() if r[key] is not None]
        total[key] = (sum(vals), len(vals))
    for key in (
        "part_tp",
        "part_fp",
        "part_fn",
        "ai_tp",
        "ai_fp",
        "ai_fn",
        "ai_owner_n",
        "ai_owner_ok",
        "ai_due_n",
        "ai_due_ok",
    ):
        total[key] = sum(r[key] for r in rows.values())
    total["actions_P"], total["actions_R"], total["actions_F1"] = scorer.prf(
        total["ai_tp"], total["ai_fp"], total["ai_fn"]
    )
    total["participants_P"], total["participants_R"], total["participants_F1"] = scorer.prf(
        total["part_tp"], total["part_fp"], total["part_fn"]
    )
    return total


def test_corpus_aggregate(scorer: ModuleType, predictions: dict[str, dict[str, Any]]) -> None:
    """The held-out scores stay at or above the floors measured when the corpus was written."""
    t = aggregate(scorer, predictions)
    summary = (
        f"held-out corpus: meeting_date={t['meeting_date'][0]}/{t['meeting_date'][1]} "
        f"next_date={t['next_date'][0]}/{t['next_date'][1]} "
        f"next_time={t['next_time'][0]}/{t['next_time'][1]} "
        f"participants P/R={t['participants_P']:.2f}/{t['participants_R']:.2f} "
        f"actions P/R/F1={t['actions_P']:.2f}/{t['actions_R']:.2f}/{t['actions_F1']:.2f} "
        f"owner_ok={t['ai_owner_ok']}/{t['ai_owner_n']} due_ok={t['ai_due_ok']}/{t['ai_due_n']}"
    )
    print(summary)  # shown with `pytest -s`: the measured figures, not only the floors
    assert t["next_date"][0] >= FLOORS["next_date"], summary
    assert t["meeting_date"][0] >= FLOORS["meeting_date"], summary
    assert t["actions_P"] >= FLOORS["actions_P"], summary
    assert t["actions_R"] >= FLOORS["actions_R"], summary
    assert t["ai_due_ok"] >= FLOORS["due_ok"] * t["ai_due_n"], summary
    assert t["participants_F1"] >= 0.95, summary  # measured 1.0
