"""The same minutes as text, PDF and DOCX give the same extraction (the readers and repairs agree)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from fpdf import FPDF

from muistio.contract import Extraction
from muistio.extraction import extract
from muistio.reading import read_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "minutes").glob("*.*"))
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def as_pdf(text: str, out: Path) -> Path:
    """Typeset the text one source line per paragraph, as a word processor's export would."""
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("body", "", str(FONT))
    pdf.set_font("body", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))
    return out


def as_docx(text: str, out: Path) -> Path:
    """One paragraph per source line."""
    doc = DocxDocument()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(out))
    return out


def essence(result: Extraction) -> dict[str, object]:
    """What a secretary relies on, without the source details."""
    return {
        "meeting": result.meeting,
        "participants": [(p.name, p.roles, p.present) for p in result.participants],
        "actions": [(a.text, a.owners, a.due) for a in result.action_items],
        "next_meeting": result.next_meeting and (result.next_meeting.date, result.next_meeting.start),
    }


@pytest.mark.parametrize("source", EXAMPLES, ids=lambda p: p.name)
def test_docx_reads_like_the_text(source: Path, tmp_path: Path) -> None:
    text = source.read_text(encoding="utf-8")
    converted = extract(read_document(as_docx(text, tmp_path / "minutes.docx")))
    assert converted.source.format == "docx"
    assert essence(converted) == essence(extract(read_document(source)))


@pytest.mark.skipif(not FONT.exists(), reason="needs Debian fonts-dejavu-core to typeset ä, ö, –")
@pytest.mark.parametrize("source", [p for p in EXAMPLES if p.suffix == ".txt"], ids=lambda p: p.name)
def test_pdf_reads_like_the_text(source: Path, tmp_path: Path) -> None:
    text = source.read_text(encoding="utf-8")
    converted = extract(read_document(as_pdf(text, tmp_path / "minutes.pdf")))
    assert converted.source.format == "pdf"
    assert converted.action_items, "the example has action items"
    assert essence(converted) == essence(extract(read_document(source)))
