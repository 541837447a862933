"""Extraction never crashes: real and own minutes, cut, shuffled and garbled, still give a valid result."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from muistio.document import ReadError
from muistio.extraction import extract
from muistio.reading import read_bytes

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = (ROOT / "tests" / "corpus", SHARED / "minutes", SHARED / "minutes" / "dev", ROOT / "examples")
SOURCES = sorted(
    p
    for folder in FOLDERS
    if folder.is_dir()
    for p in folder.rglob("*")
    if p.suffix in {".txt", ".md", ".rst", ".html", ".tex", ".wiki"} and p.name.lower() != "readme.md"
)
JUNK = ["\u00ad", "\u200b", "§", "–", "klo", "1.", "4 (7)", "pj.", "ACTION:", "- [ ]", "\t", "  "]
JUNK += ["(poissa)", ":", "Seuraava kokous", "Next meeting:"]


def mutations(text: str, rng: random.Random) -> list[str]:
    """Ways a document gets damaged in real life: cut short, lines lost or repeated, characters garbled."""
    lines = text.splitlines()
    out = [text[: rng.randrange(1, max(2, len(text)))]]  # cut anywhere, mid-word too
    kept = [line for line in lines if rng.random() > 0.3]
    out.append("\n".join(kept))
    shuffled = lines[:]
    rng.shuffle(shuffled)
    out.append("\n".join(shuffled))
    garbled = list(text)
    for _ in range(max(1, len(garbled) // 50)):
        garbled.insert(rng.randrange(len(garbled) + 1), rng.choice(JUNK))
    out.append("".join(garbled))
    out.append(text.upper())
    out.append(text.replace("\n", " "))  # line breaks collapsed, as some extractors do
    return out


@pytest.mark.skipif(not SOURCES, reason="no minutes to mutate")
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_damaged_minutes_never_crash_the_extractor(path: Path) -> None:
    rng = random.Random(path.name)  # deterministic per file
    text = path.read_text(encoding="utf-8")
    for variant in mutations(text, rng):
        try:
            doc = read_bytes(variant.encode("utf-8"), path.name)
        except ReadError:
            continue  # refusing a damaged file with a clear error is fine
        result = extract(doc)
        data = json.loads(result.to_json())
        assert data["schema"] == "muistio.extraction/1"
        for item in data["action_items"]:
            assert item["quote"] in doc.text
            assert 0.0 <= item["confidence"] <= 1.0
