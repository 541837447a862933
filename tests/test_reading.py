"""Tests for reading documents (muistio.reading) and normalising their text (muistio.normalise)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from fpdf import FPDF

from muistio.document import ReadError
from muistio.normalise import normalise
from muistio.reading import read_bytes, read_document, tex_to_text

SEED = Path(__file__).parents[1] / ".." / "shared" / "minutes" / "diginyt-2018-05-22.txt"
LEFT = "Vasen palsta: hallitus päätti, että kokous pidetään syyskuussa ja sihteeri valmistelee esityslistan."
RIGHT = "Oikea palsta: rahastonhoitaja esitteli talousarvion ja tilit tarkastetaan marraskuun loppuun."


def make_pdf(columns: list[str], pages: int = 1) -> bytes:
    """A PDF with the given texts side by side as columns (core font, latin-1 text)."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    width = 190 / len(columns)
    for _ in range(pages):
        pdf.add_page()
        pdf.cell(0, 8, "Kokouksen muistio", new_x="LMARGIN", new_y="NEXT")
        top = pdf.get_y()
        for i, col in enumerate(columns):
            pdf.set_xy(10 + i * width, top)
            pdf.multi_cell(width - 8, 6, col)
    return bytes(pdf.output())


def make_docx() -> bytes:
    """A DOCX with a heading, paragraphs, a bullet and a table."""
    d = docx.Document()
    d.add_heading("Hallituksen kokous", level=1)
    d.add_paragraph("Aika: 4.5.2024 klo 18")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Matti Meikäläinen", "pj."
    table.cell(1, 0).text, table.cell(1, 1).text = "Liisa Virtanen", "siht."
    d.add_paragraph("Sihteeri lähettää kutsun.", style="List Bullet")
    d.add_paragraph("Kokous päätettiin.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- normalisation repairs ---


def test_circled_letters_read_as_letters_and_map_back_to_their_source() -> None:
    src = "• 20-4Ⓐ6 PH to provide notes. ⓓⓞⓝⓔ"
    text, offs = normalise(src)
    assert text == "• 20-4A6 PH to provide notes. done"
    assert src[offs[text.index("A6")]] == "Ⓐ" and src[offs[text.index("done")]] == "ⓓ"


def test_a_listings_line_numbers_are_dropped_and_other_numbers_kept() -> None:
    body = [
        "Syyskokous 13.12.2015",
        "",
        "* Kokouksen avaus",
        "  * Timo avasi kokouksen.",
        "* Muut asiat",
        "  * Ei muita.",
    ]
    text, _ = normalise("\n".join(f"{n} {line}".rstrip() for n, line in enumerate(body, start=7)) + "\n")
    assert text.splitlines() == body
    # numbered agenda items, counts and years at line starts are the text's own
    own = "1 Avaus\n2 Laillisuus\n3 Asialista\n\nHallitus: 5 jäsentä\n2024 alkaa uusi kausi\n6 Päätös\n"
    assert normalise(own)[0] == own.rstrip("\n")


def test_latex_commands_of_a_class_the_file_does_not_define_keep_their_arguments_apart() -> None:
    tex = (
        "\\documentclass{protokoll}\n\\begin{document}\n\\textbf{Styrelsemedlemmar:}\n"
        "\\begin{närvarande}\n    \\förtroendevald{Ordförande}{Samuel Hammersberg}{Ja}\n"
        "    \\förtroendevald{Kassör}{Lukas Gartman}{Nej}\n\\end{närvarande}\n"
        "Se \\href{https://example.org}{protokollet} och \\textcolor{red}{viktigt}.\n\\end{document}\n"
    )
    text = read_bytes(tex.encode(), "m.tex").text
    assert "Ordförande | Samuel Hammersberg | Ja" in text and "Kassör | Lukas Gartman | Nej" in text
    assert "Se protokollet och viktigt." in text and "https" not in text


def test_latex_minutes_class_fields_set_in_the_preamble_are_printed_at_the_title() -> None:
    tex = (
        "\\documentclass{meetingmins}\n\\setcommittee{Steering Group}\n\\setdate{March 3, 2026}\n"
        "\\setpresent{\n  Ada Lind\\textit{(Chair)}, Bo Sten,\n  Cy Rhee\n}\n"
        "\\absent{}\n\\setabsent{Di Moss}\n"
        "\\begin{document}\n\\maketitle\n\\section{Budget}\nApproved.\n\\end{document}\n"
    )
    text = read_bytes(tex.encode(), "m.tex").text
    head = text.split("## Budget")[0]
    assert head.index("Steering Group") < head.index("Date: March 3, 2026") < head.index("Present: Ada Lind")
    assert "Absent: Di Moss" in head and "Cy Rhee" in head
    # the same command in the body is the body's, not a field
    body = read_bytes(b"\\begin{document}\\setpresent{X Y}\\end{document}", "b.tex").text
    assert "Present:" not in body


def test_hyphen_join_lowercase_next_line() -> None:
    text, _ = normalise("uuden mallin kehit-\ntämistä varten.")
    assert "kehittämistä varten." in text


def test_hyphen_kept_for_uppercase_next_line_acronym_digit_and_midline() -> None:
    assert "tekoäly-\nNeuvonantaja" in normalise("tekoäly-\nNeuvonantaja tulee")[0]
    assert "ICT-kehitystä" in normalise("sekä ICT-\nkehitystä")[0]
    assert "2020-luvulla" in normalise("vuoden 2020-\nluvulla")[0]
    assert "alka-en" in normalise("vuodesta 2019 alka-en.")[0]
    assert "talous- ja henkilöstö" in normalise("kuntien talous-\nja henkilöstöhallinto")[0]


def test_hyphen_kept_when_text_writes_compound_with_hyphen() -> None:
    text, _ = normalise("Uusi tekoäly-neuvonantaja. Toinen tekoäly-\nneuvonantaja tulee.")
    assert text.count("tekoäly-neuvonantaja") == 2


def test_page_markers_removed() -> None:
    src = "eka rivi\n   4 (7) \nSivu 2/8\nPage 3 of 7\n- 5 -\ntoka rivi\nkohta 2 (1)\n"
    text, _ = normalise(src)
    assert text == "eka rivi\ntoka rivi\nkohta 2 (1)"


def test_page_marker_needs_page_not_past_total() -> None:
    assert "9 (3)" in normalise("ennen\n9 (3)\njälkeen")[0]


def test_url_pasted_mid_sentence_moves_after_paragraph() -> None:
    src = "Alku. Haasteita on \n\nhttp://e.org/x?id=1\n muun muassa rahoitus.\nLoppu.\n\nSeuraava kappale."
    text, _ = normalise(src)
    assert "Haasteita on muun muassa rahoitus.\nLoppu.\n\nhttp://e.org/x?id=1\n\nSeuraava" in text


def test_url_after_full_sentence_stays() -> None:
    text, _ = normalise("Katso sivu.\n\nhttps://example.org\n\nUusi kappale.")
    assert text == "Katso sivu.\n\nhttps://example.org\n\nUusi kappale."


def test_bullet_continued_after_blank_line_is_one_bullet() -> None:
    src = "- Projekti etenee. Muutto \n\nopiskelijakaupunkiin -pilotti käynnissä\n\n- Toinen kohta"
    text, _ = normalise(src)
    assert text == "- Projekti etenee. Muutto opiskelijakaupunkiin -pilotti käynnissä\n\n- Toinen kohta"


def test_paragraph_after_full_stop_not_joined() -> None:
    assert normalise("Kohta päättyy.\n\nuusi alkaa pienellä")[0] == "Kohta päättyy.\n\nuusi alkaa pienellä"


def test_whitespace_crlf_nfc_soft_hyphen_form_feed() -> None:
    src = "Rivi  \r\nToinen\rKolmas\n\n\n\nNelja\u0308s ka\u00adtu.\fSivu kaksi\u00a0x\fjatkuu"
    text, _ = normalise(src)
    # The second page break falls mid-sentence (lower-case start), so that paragraph reads on.
    assert text == "Rivi\nToinen\nKolmas\n\nNeljäs katu.\n\nSivu kaksi x jatkuu"


def test_soft_hyphen_at_line_end_joins_word() -> None:
    assert normalise("kehit\u00ad\ntämistä")[0] == "kehittämistä"


def test_two_column_name_list_becomes_contiguous() -> None:
    src = (
        "Osallistujat\n\n\n\nMatti Meikäläinen, pj.\nLiisa Virtanen\n\nVieraat:\nKalle Mäki, VM\n"
        "\n\n\n\nAnna Nieminen\nSari Salo\n\nPekka Ala-Kulju, siht.\n\n\n1 Avaus\n"
    )
    text, _ = normalise(src)
    assert "Matti Meikäläinen, pj.\nLiisa Virtanen\nAnna Nieminen\nSari Salo\n\nVieraat:\n" in text
    assert "\n\n1 Avaus" in text


def test_name_like_lines_after_big_gap_without_list_before_untouched() -> None:
    text, _ = normalise("Tämä on lause.\n\n\n\nMatti Meikäläinen\nLiisa Virtanen")
    assert text == "Tämä on lause.\n\nMatti Meikäläinen\nLiisa Virtanen"


def test_offsets_map_quote_back_to_source() -> None:
    src = "Alku.\r\n\r\nSami: mallia kehi-\r\ntetään   \r\n 4 (7)\r\nhyvin  nopeasti\r\n"
    doc = read_bytes(src.encode(), "m.txt")
    assert len(doc.offsets) == len(doc.text)
    quote = "mallia kehitetään"
    start = doc.text.index(quote)
    s, e = doc.source_span(start, start + len(quote))
    span = doc.source_text[s:e]
    assert span.startswith("mallia kehi") and span.endswith("tetään")
    assert all(doc.source_text[o] == c for o, c in zip(doc.offsets, doc.text, strict=True) if c.strip())


def test_normalise_is_idempotent() -> None:
    src = "A kehit-\ntämistä  \n\n\n\n- kohta jatkuu \n\nalas\n3 (4)\n"
    once, _ = normalise(src)
    assert normalise(once)[0] == once


# --- readers ---


def test_txt_utf8_bom_and_cp1252(tmp_path: Path) -> None:
    assert read_bytes("\ufeffPäätös".encode(), "a.txt").text == "Päätös"
    assert read_bytes("Päätös – 5 €".encode("cp1252"), "b.txt").text == "Päätös – 5 €"
    p = tmp_path / "c.text"
    p.write_bytes("Hyväksyttiin.\n".encode())
    doc = read_document(p)
    assert (doc.format, doc.text) == ("txt", "Hyväksyttiin.")
    assert doc.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


def test_formats_by_extension() -> None:
    assert read_bytes(b"---\ntitle: x\n---\n# Minutes", "a.md").format == "md"
    assert read_bytes(b"Title\n=====\n", "a.rst").format == "txt"
    assert read_bytes(b"== Kokous ==\n* kohta", "a.wiki").format == "txt"
    assert read_bytes(b"x", "a.markdown").format == "md"


def test_html_reader_block_breaks() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body><h1>Kokous</h1>"
        "<p>Aika: 4.5.&nbsp;klo 18</p>"
        "<ul><li>Yksi</li><li>Kaksi</li></ul><table><tr><td>Matti</td><td>pj.</td></tr></table>"
        "<script>alert(1)</script>Loppu<br>rivi</body></html>"
    )
    doc = read_bytes(html.encode(), "m.html")
    assert doc.format == "html"
    assert doc.text == "Kokous\n\nAika: 4.5. klo 18\n\n- Yksi\n- Kaksi\n\nMatti | pj.\n\nLoppu\nrivi"


def test_tex_reader() -> None:
    tex = (
        r"\documentclass{article}\usepackage{x}\begin{document}"
        "\n\\section{Päätökset} % kommentti\nKokous \\textbf{hyväksyi} 50\\% esityksistä.\n"
        "\\begin{itemize}\n\\item Sihteeri kirjoittaa\n\\item Pj. soittaa\n\\end{itemize}\n\\end{document}"
    )
    doc = read_bytes(tex.encode(), "m.tex")
    assert doc.format == "tex"
    assert (
        doc.text == "## Päätökset\n\nKokous hyväksyi 50% esityksistä.\n\n- Sihteeri kirjoittaa\n- Pj. soittaa"
    )


def test_docx_reader_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    p = tmp_path / "m.docx"
    p.write_bytes(make_docx())
    doc = read_document(p)
    assert doc.format == "docx"
    assert doc.text == (
        "Hallituksen kokous\n\nAika: 4.5.2024 klo 18\n\nMatti Meikäläinen | pj.\nLiisa Virtanen | siht.\n\n"
        "- Sihteeri lähettää kutsun.\nKokous päätettiin."
    )


def test_pdf_one_column(tmp_path: Path) -> None:
    p = tmp_path / "one.pdf"
    p.write_bytes(make_pdf([LEFT + " " + RIGHT]))
    doc = read_document(p)
    assert doc.format == "pdf"
    assert " ".join(doc.text.split()).endswith(LEFT + " " + RIGHT)


def test_pdf_two_columns_keep_each_column_whole(tmp_path: Path) -> None:
    p = tmp_path / "two.pdf"
    p.write_bytes(make_pdf([LEFT, RIGHT]))
    flat = " ".join(read_document(p).text.split())
    assert LEFT in flat and RIGHT in flat
    assert flat.index(LEFT) < flat.index(RIGHT)


def error_for(data: bytes, name: str, tmp_path: Path, **kw: int) -> str:
    """The ReadError message for reading `data` saved as `name`."""
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_document(p, **kw)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(str(p))
    return msg


def test_bad_inputs_give_one_line_errors(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 50
    assert "not a PDF" in error_for(png, "kuva.pdf", tmp_path) and "PNG" in error_for(png, "k2.pdf", tmp_path)
    pdf = make_pdf([LEFT])
    assert "truncated PDF" in error_for(pdf[: len(pdf) // 2], "cut.pdf", tmp_path)
    assert "empty" in error_for(b"", "empty.txt", tmp_path)
    assert "empty" in error_for(b"  \n\n", "blank.md", tmp_path)
    assert "binary" in error_for(b"abc\x00def", "bin.txt", tmp_path)
    assert "too large" in error_for(b"x" * 2000, "big.txt", tmp_path, max_bytes=1000)
    assert "3 pages" in error_for(make_pdf([LEFT], pages=3), "bomb.pdf", tmp_path, max_pages=2)
    assert "not a DOCX" in error_for(b"plain text", "x.docx", tmp_path)
    assert "unsupported" in error_for(b"text", "x.xyz", tmp_path)
    assert "PDF file but the name" in error_for(pdf, "x.txt", tmp_path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf([LEFT]))))
    writer.encrypt(user_password="salainen", owner_password="omistaja")
    buf = io.BytesIO()
    writer.write(buf)
    assert "encrypted PDF" in error_for(buf.getvalue(), "salattu.pdf", tmp_path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    assert "no text layer" in error_for(bytes(pdf.output()), "scan.pdf", tmp_path)


def test_docx_zip_bomb_and_non_word_zip(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\x00" * 5_000_000)
    assert "zip bomb" in error_for(buf.getvalue(), "bomb.docx", tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "not a Word document" in error_for(buf.getvalue(), "other.docx", tmp_path)


def test_undecodable_cp1252(tmp_path: Path) -> None:
    # 0x81 and 0x8d are undefined in cp1252 and invalid UTF-8: no guessing, an error.
    assert "cannot decode" in error_for(b"abc \x81\x8d def", "odd.txt", tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"puuttuu\.txt: cannot read file"):
        read_document(tmp_path / "puuttuu.txt")


# --- the shared seed memo ---


@pytest.mark.skipif(not SEED.exists(), reason="shared minutes not present (../shared/minutes)")
def test_seed_memo_repairs() -> None:
    doc = read_document(SEED)
    lines = doc.text.split("\n")
    assert "4 (7)" not in [line.strip() for line in lines]
    assert "kehittämistä varten" in doc.text
    assert "Haasteita on muun muassa" in doc.text
    assert "- Aurora-projekti etenee todella hyvin. Opiskelijan muutto opiskelijakaupunkiin" in doc.text
    first, last = lines.index("Olli-Pekka Heinonen, pj."), lines.index("Janne Viskari")
    block = lines[first : last + 1]
    assert len(block) == 19 and all(block) and "Katri-Leena Launis" in block
    assert "\n\n\n" not in doc.text
    start = doc.text.index("Haasteita on muun muassa")
    s, e = doc.source_span(start, start + len("Haasteita on muun muassa"))
    assert doc.source_text[s:e].startswith("Haasteita on") and doc.source_text[s:e].endswith("muun muassa")


def test_tex_user_macros_strikeouts_and_list_options() -> None:
    tex = (
        "\\documentclass{article}\n\\newcommand{\\owner}[2]{#1 hoitaa: #2}\n\\newcommand\\note[1]{Huom. #1}\n"
        "\\begin{document}\n\\subsection*{Tehtävät}\n\\begin{enumerate}[noitemsep, label=(\\alph*)]\n"
        "\\item \\owner{Sanna}{{tilaa} kahvit}\n\\item \\st{Olli soittaa vuokranantajalle}\n"
        "\\item \\note{ovi lukitaan}\n\\end{enumerate}\n\\end{document}"
    )
    text = read_bytes(tex.encode(), "m.tex").text
    assert "### Tehtävät" in text
    assert "- Sanna hoitaa: tilaa kahvit" in text
    assert "- ~~Olli soittaa vuokranantajalle~~" in text
    assert "- Huom. ovi lukitaan" in text
    assert "newcommand" not in text and "#1" not in text


def test_html_definition_list_and_strikethrough() -> None:
    html = (
        "<dl><dt>Chair:</dt><dd>Ann Lee</dd><dt>Scribe</dt><dd>Bo Kim</dd></dl>"
        "<ul><li><s>Fix it</s></li></ul>"
    )
    text = read_bytes(html.encode(), "m.html").text
    assert "Chair: Ann Lee" in text and "Scribe: Bo Kim" in text
    assert "- ~~Fix it~~" in text


def test_names_hyphenated_at_line_end_or_inside_a_line_are_rejoined() -> None:
    assert normalise("Läsnä: Pia Koski, Marja Hei-\nnonen")[0] == "Läsnä: Pia Koski, Marja Heinonen"
    assert normalise("Present: Ann Lee-\nSmith, Bo Kim")[0] == "Present: Ann Lee-Smith, Bo Kim"
    assert normalise("Paikalla: Tuomas Lahti- nen ja Eeva Aho")[0] == "Paikalla: Tuomas Lahtinen ja Eeva Aho"
    assert normalise("Sari Kesä- ja Talvi")[0] == "Sari Kesä- ja Talvi"  # a suspended compound stays


# --- two-column blocks as PDF text extraction leaves them ---


def test_two_column_attendee_block_is_read_column_by_column() -> None:
    src = (
        "Läsnä:                     Poissa:\n"
        "Aili Harju, pj.            Onni Kivelä\n"
        "Reino Sola                 Muut:\n"
        "Tuula Vesa, siht.          Elsa Marin (vieras)\n"
        "\n1. Avaus\n"
    )
    text, offs = normalise(src)
    assert text.startswith(
        "Läsnä:\nAili Harju, pj.\nReino Sola\nTuula Vesa, siht.\n"
        "Poissa:\nOnni Kivelä\nMuut:\nElsa Marin (vieras)"
    )
    i = text.index("Onni Kivelä")
    assert src[offs[i] : offs[i] + 11] == "Onni Kivelä"  # moved text still maps back to its source


def test_two_column_wrapped_and_hyphenated_right_cells_rejoin() -> None:
    src = (
        "Present:                      Apologies:\n"
        "Rhona Pike (Chair)            Lyle Dent\n"
        "Owen Fisk                     In attendance:\n"
        "Ivy Stone                     Bram Holt (County Council,\n"
        "                              highways officer)\n"
        "                              Nell Farr-\n"
        "                              ington\n"
    )
    text, _ = normalise(src)
    lines = text.splitlines()
    assert lines[:3] == ["Present:", "Rhona Pike (Chair)", "Owen Fisk"]
    assert "Bram Holt (County Council, highways officer)" in lines
    assert "Nell Farrington" in lines
    assert lines.index("Apologies:") > lines.index("Ivy Stone")


def test_label_with_names_in_right_cell_keeps_its_continuation() -> None:
    src = (
        "Läsnä: Kaisu Rinne, pj.        Poissa: Matti Ojala\n"
        "       Jouni Peltola                   Sirkka Aho\n"
    )
    text, _ = normalise(src)
    assert text.splitlines()[-3:] == ["Poissa:", "Matti Ojala", "        Sirkka Aho"]


def test_key_value_forms_signatures_and_tables_are_not_split() -> None:
    form = "Aika:       5.2.2026 klo 17\nPaikka:     Seuratalo\nLäsnä:      Kaisu Rinne\n            Leo Aho"
    assert normalise(form)[0] == form
    sign = "Kaisu Rinne                 Jouni Peltola\npuheenjohtaja               sihteeri"
    assert normalise(sign)[0] == sign
    table = "| Name:   | Role   |\n| Ann Lee:   | Chair   |"
    assert normalise(table)[0] == table


def test_wiki_table_rows_become_pipe_lines() -> None:
    src = (
        '{| class="t"\n|+ Roster\n! Name !! Role\n|-\n| style="x" | Ann Lee || chair\n'
        "|-\n| Bob Ray\n| member\n|}\nAfter.\n"
    )
    text = read_bytes(src.encode(), "m.wiki").text
    assert "Name | Role" in text
    assert "Ann Lee | chair" in text
    assert "Bob Ray | member" in text
    assert "After." in text and "{|" not in text and "style" not in text


def test_html_cell_breaks_split_rows_only_when_columns_match() -> None:
    both = read_bytes(b"<table><tr><td>A Aa<br>B Bb</td><td>x<br>y</td></tr></table>", "m.html").text
    assert "A Aa | x" in both and "B Bb | y" in both
    uneven = read_bytes(b"<table><tr><td>A Aa<br>B Bb</td><td>x<br>y<br>z</td></tr></table>", "m.html").text
    assert "A Aa; B Bb | x; y; z" in uneven


def test_an_html_table_in_markdown_is_read_as_rows_and_a_list_in_a_cell_as_its_entries() -> None:
    md = (
        "# Working group 2025-05-06\n\n* Ana Ruiz\n* Tom Berg\n\n"
        '<table><thead><tr><th width="180">Point</th><th>Notes</th><th>Actions</th></tr></thead><tbody>'
        "<tr><td>1. Budget</td><td><p>Agreed on</p><ol><li>Glossary</li><li>Plan<br></li></ol></td>"
        "<td><ol><li>Ana to share the inventory</li><li>Tom to draft the plan</li></ol></td></tr>"
        "</tbody></table>\n\nClosing words.\n"
    )
    doc = read_bytes(md.encode(), "wg.md")
    assert "<" not in doc.text and "Closing words." in doc.text
    rows = [line for line in doc.text.splitlines() if " | " in line]
    assert rows == [
        "Point | Notes | Actions",
        "1. Budget | Agreed on; Glossary; Plan | Ana to share the inventory; Tom to draft the plan",
    ]


def test_a_paragraph_inside_a_list_item_stays_on_the_bullet_s_line() -> None:
    html = (
        "<h2>Actions</h2>\n<ol>\n<li><p>Ann Lee: Write a blog post.</p></li>\n"
        "<li><p>Bo Ek: Book the hall.</p></li>\n</ol>\n"
    )
    text = read_bytes(html.encode(), "m.html").text
    assert "- Ann Lee: Write a blog post." in text and "- Bo Ek: Book the hall." in text
    assert "-\n" not in text


def test_latex_whose_line_breaks_were_lost_keeps_the_text_after_each_percent_sign() -> None:
    body = " ".join(f"\\item Asia numero {k} käsiteltiin.%" for k in range(1, 10))
    tex = (
        "\\documentclass{article} \\begin{document} \\section*{Hallituksen kokous 27.4.2020}%"
        f" \\begin{{multicols}}{{3}}% Aino Aalto \\\\ Eero Ek \\end{{multicols}} \\begin{{itemize}} {body} "
        "\\item Eero lähettää kutsun. \\end{itemize} \\end{document}"
    )
    text = tex_to_text(tex)
    assert "Eero lähettää kutsun." in text and "Asia numero 9" in text
    assert "3 Aino" not in text
    assert "kommentti" not in tex_to_text(
        "Teksti % kommentti\nToinen rivi"
    )  # an ordinary line's comment goes
