"""Read minutes files (txt, md, rst, wiki, pdf, docx, html, tex) into a normalised Document.

Pure: bytes or a path in, a Document out; every failure is a ReadError with one line naming the file.
PDF text comes from pypdf's plain extraction: in a measured comparison on generated two-column PDFs it
kept each column whole, while pdfminer.six interleaved justified columns line by line.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from muistio.document import Document, ReadError
from muistio.normalise import normalise
from muistio.patterns import regex

MAX_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 200
# DOCX is a zip: refuse archives that would unpack far beyond their size (zip bombs).
MAX_ZIP_ENTRIES = 1000
MAX_ZIP_TOTAL = 50 * 1024 * 1024
MAX_ZIP_RATIO = 100

_TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".rst": "txt", ".wiki": "txt", ".mediawiki": "txt"}
_MD_EXTS = {".md", ".markdown"}
_HTML_EXTS = {".html", ".htm"}
# Control characters that never occur in text files (tab, LF, FF, CR and ESC-free text are fine).
_BINARY_RE = regex(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def read_document(path: Path, *, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PDF_PAGES) -> Document:
    """Read and normalise the minutes file at `path`: a regular file, at most `max_bytes` long."""
    data = read_file_bytes(path, max_bytes=max_bytes)
    return read_bytes(data, str(path), max_bytes=max_bytes, max_pages=max_pages)


def _kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None: it is regular)."""
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ]
    return next((words for test, words in kinds if test(mode)), None if stat.S_ISREG(mode) else "not a file")


def read_file_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file; devices, pipes, folders and links out of its folder are refused.

    The checks look before opening (a pipe would block the open) and again on the open descriptor, so
    a file swapped between the two is caught; no more than max_bytes + 1 bytes are ever read.
    """
    name = str(path)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            if target.parent != path.absolute().parent.resolve():
                raise ReadError(f"{name}: is a link to {target}, outside its folder; copy the file instead")
            info = os.stat(target)
        kind = _kind_of(info.st_mode)
        if kind:
            raise ReadError(f"{name}: is {kind}, not a minutes file")
        if info.st_size > max_bytes:
            raise ReadError(f"{name}: file is too large ({info.st_size} bytes; the limit is {max_bytes})")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            kind = _kind_of(os.fstat(handle.fileno()).st_mode)
            if kind:
                raise ReadError(f"{name}: is {kind}, not a minutes file")
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(f"{name}: cannot read file ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > max_bytes:
        raise ReadError(f"{name}: file is too large (over {max_bytes} bytes)")
    return data


def read_bytes(
    data: bytes, name: str, *, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PDF_PAGES
) -> Document:
    """Read and normalise minutes given as raw bytes; `name` gives the extension and the error label."""
    if len(data) > max_bytes:
        raise ReadError(f"{name}: file is too large ({len(data)} bytes; the limit is {max_bytes})")
    if not data.strip():
        raise ReadError(f"{name}: file is empty")
    ext = Path(name).suffix.lower()
    fmt, source = _extract(data, name, ext, max_pages)
    text, offsets = normalise(source)
    if not text.strip():
        raise ReadError(f"{name}: no text found in the {fmt} file")
    sha = hashlib.sha256(data).hexdigest()
    return Document(path=name, format=fmt, sha256=sha, source_text=source, text=text, offsets=offsets)


def _extract(data: bytes, name: str, ext: str, max_pages: int) -> tuple[str, str]:
    """Pick the reader by extension, checking magic bytes; return (format, source text)."""
    is_pdf = data[:1024].lstrip().startswith(b"%PDF-")
    is_zip = data.startswith(b"PK\x03\x04")
    if ext == ".pdf":
        if not is_pdf:
            raise ReadError(f"{name}: not a PDF file (no %PDF- header){_sniff(data)}")
        return "pdf", _read_pdf(data, name, max_pages)
    if ext == ".docx":
        if not is_zip:
            raise ReadError(f"{name}: not a DOCX file (not a zip archive){_sniff(data)}")
        return "docx", _read_docx(data, name)
    if is_pdf or is_zip:
        kind = "PDF" if is_pdf else "zip/Office"
        raise ReadError(f"{name}: content is a {kind} file but the name ends {ext or '(no extension)'}")
    text = decode_text(data, name)
    if ext not in _HTML_EXTS and _WIKI_TABLE_START.search(text):
        text = wiki_tables_to_text(text)
    if ext in _MD_EXTS and "<" in text:
        text = _md_html_blocks(text)
    if "<br" in text and ext not in _HTML_EXTS:
        text = "\n".join(
            _pipe_row_breaks(line) if line.lstrip().startswith("|") else _BR.sub("\n", line)
            for line in text.split("\n")
        )
    if ext in _MD_EXTS:
        return "md", text
    if ext in _HTML_EXTS:
        return "html", html_to_text(text)
    if ext == ".tex":
        return "tex", tex_to_text(text)
    if ext in _TEXT_FORMATS:
        return _TEXT_FORMATS[ext], text
    raise ReadError(f"{name}: unsupported file type {ext or '(no extension)'}")


# A paragraph of Markdown that opens with a block-level HTML tag is HTML (CommonMark's HTML block, which
# runs to the next blank line): GitHub minutes often hold their table of actions as a raw `<table>`.
_MD_HTML_BLOCK = regex(
    r"[ \t]{0,3}<(?:table|thead|tbody|tr|td|th|div|p|ol|ul|li|dl|details|blockquote|h[1-6]|pre|section)"
    r"[\s>/]",
    re.IGNORECASE,
)
_BLANK_LINES = regex(r"(\n[ \t]*\n)")


def _md_html_blocks(text: str) -> str:
    """Markdown with each HTML block turned into its visible text, line breaks at its block elements."""
    parts = _BLANK_LINES.split(text)
    for k in range(0, len(parts), 2):
        if _MD_HTML_BLOCK.match(parts[k].lstrip("\n")):
            parts[k] = html_to_text(parts[k]).strip("\n")
    return "".join(parts)


# An HTML line break in Markdown or plain text breaks the line, except in a table row whose cell it splits.
_BR = regex(r"<br\s*/?>", re.IGNORECASE)
_WIKI_TABLE_START = regex(r"(?m)^[ \t]*\{\|")
_WIKI_ATTRS = regex(r"^[\w-]+\s*=")


def _pipe_row_breaks(line: str) -> str:
    """A pipe-table row whose cells hold `<br>`-separated entries, as rows (see `split_cell_rows`)."""
    if not _BR.search(line):
        return line
    indent = line[: len(line) - len(line.lstrip())]
    body = line.strip()
    lead, trail = body.startswith("|"), body.endswith("|") and len(body) > 1
    cells = [(False, _BR.split(c.strip())) for c in body.strip("|").split("|")]
    rows = split_cell_rows(cells)
    return "\n".join(
        indent + ("| " if lead else "") + " | ".join(t for _th, t in row) + (" |" if trail else "")
        for row in rows
    )


def split_cell_rows(cells: list[tuple[bool, list[str]]]) -> list[list[tuple[bool, str]]]:
    """Cells holding line-broken entries (`A<br>B` | `chair<br>member`) as one row per entry.

    When every cell with several entries has the same number of them, entry i of each makes row i (a
    cell with one entry repeats); otherwise the entries of a cell are joined with `; ` in one row.
    """
    pieces = [(th, [" ".join(p.split()) for p in ps if p.strip()]) for th, ps in cells]
    counts = {len(ps) for _th, ps in pieces if len(ps) > 1}
    split = sum(1 for _th, ps in pieces if len(ps) > 1)
    if split >= 2 and len(counts) == 1:
        n = counts.pop()
        return [[(th, ps[i] if len(ps) > 1 else " ".join(ps)) for th, ps in pieces] for i in range(n)]
    return [[(th, "; ".join(ps)) for th, ps in pieces]]


def _wiki_cell(raw: str) -> str:
    """A MediaWiki cell's text without its attributes (`style="x" | text`)."""
    head, bar, rest = raw.partition("|")
    if bar and _WIKI_ATTRS.match(head.strip()) and "[[" not in head:
        return rest.strip()
    return raw.strip()


def wiki_tables_to_text(text: str) -> str:
    """MediaWiki tables (`{| ... |- | a || b |}`) as one pipe-separated line per row, like HTML tables."""
    out: list[str] = []
    row: list[tuple[bool, list[str]]] | None = None
    depth = 0

    def end_row() -> None:
        nonlocal row
        if row and any(t for _th, ps in row for t in ps):
            out.extend(table_row_line(r) for r in split_cell_rows(row))
        row = None

    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("{|"):
            depth += 1
            if depth == 1:
                out.append("")
                row = None
                continue
        if not depth:
            out.append(line)
            continue
        if s.startswith("|}"):
            depth -= 1
            if not depth:
                end_row()
                out.append("")
            continue
        if depth > 1:
            continue  # a nested table: its cells stay in the outer cell's text, dropped here
        if s.startswith("|-"):
            end_row()
            row = []
        elif s.startswith("|+"):
            out.append(s[2:].strip())
        elif s.startswith(("|", "!")):
            th = s.startswith("!")
            sep = "!!" if th else "||"
            if row is None:
                row = []
            for raw in s[1:].split(sep) if not th else re.split(r"!!|\|\|", s[1:]):
                row.append((th, _BR.split(_wiki_cell(raw))))
        elif row:
            th, ps = row[-1]
            row[-1] = (th, [*ps[:-1], (ps[-1] + "\n" + s) if ps else s])  # a cell goes on over lines
        else:
            out.append(line)
    end_row()
    return "\n".join(out)


def _sniff(data: bytes) -> str:
    """A hint of what the bytes really are, for error messages."""
    for magic, kind in (
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"PK\x03\x04", "zip archive"),
        (b"%PDF-", "PDF"),
        (b"MZ", "Windows executable"),
        (b"\x7fELF", "ELF executable"),
    ):
        if data.startswith(magic):
            return f"; it looks like a {kind}"
    return ""


def decode_text(data: bytes, name: str) -> str:
    """Decode in a fixed order: BOM, strict UTF-8, strict cp1252; never guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        if b"\x00" in data:
            raise ReadError(f"{name}: binary file (contains NUL bytes){_sniff(data)}")
        encodings = ("utf-8", "cp1252")
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if len(_BINARY_RE.findall(text[:65536])) > 8:
            raise ReadError(f"{name}: binary file (control characters in text){_sniff(data)}")
        return text
    raise ReadError(f"{name}: cannot decode text as {' or '.join(encodings)}")


def _one_line(exc: BaseException) -> str:
    """An exception as one short line."""
    msg = " ".join(str(exc).split()) or exc.__class__.__name__
    return msg[:200]


def _read_pdf(data: bytes, name: str, max_pages: int) -> str:
    """Text of a PDF, page by page (pages separated by form feeds)."""
    if b"%%EOF" not in data[-2048:]:
        raise ReadError(f"{name}: truncated PDF (no %%EOF end marker)")
    import pypdf  # imported here: only PDF reading pays for it
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(f"{name}: encrypted PDF (needs a password)")
        count = len(reader.pages)
        if count > max_pages:
            raise ReadError(f"{name}: PDF has {count} pages; the limit is {max_pages}")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except FileNotDecryptedError:
        raise ReadError(f"{name}: encrypted PDF (needs a password)") from None
    except Exception as exc:  # pypdf raises many types on damaged files; all mean "unreadable PDF"
        raise ReadError(f"{name}: damaged PDF ({_one_line(exc)})") from None
    text = "\f".join(pages)
    if not text.strip():
        raise ReadError(f"{name}: PDF has no text layer (scanned image?)")
    return text


def _check_zip(data: bytes, name: str) -> None:
    """Refuse zip bombs and zips that are not Word documents."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{name}: damaged DOCX ({_one_line(exc)})") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ReadError(f"{name}: DOCX has too many parts ({len(infos)})")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_ZIP_TOTAL or total / packed > MAX_ZIP_RATIO:
        raise ReadError(f"{name}: DOCX unpacks to {total} bytes (zip bomb?)")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ReadError(f"{name}: not a Word document (no word/document.xml)")


def _read_docx(data: bytes, name: str) -> str:
    """Paragraphs and tables of a DOCX body, in document order."""
    _check_zip(data, name)
    import docx  # imported here: only DOCX reading pays for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                blocks.append(_docx_paragraph(item))
            elif isinstance(item, Table):
                blocks.append(_docx_table(item))
    except ReadError:
        raise
    except Exception as exc:  # python-docx/lxml errors on damaged parts
        raise ReadError(f"{name}: damaged DOCX ({_one_line(exc)})") from None
    return "\n".join(blocks)


def _docx_paragraph(par: object) -> str:
    """One paragraph; list paragraphs get a `- ` bullet, headings a blank line before."""
    from docx.text.paragraph import Paragraph

    assert isinstance(par, Paragraph)
    text = par.text
    style = (par.style.name if par.style is not None else "") or ""
    if text and (style.startswith("List") or (par._p.pPr is not None and par._p.pPr.numPr is not None)):
        return f"- {text}"
    if style.startswith(("Heading", "Title")):
        return f"\n{text}\n"
    return text


def _docx_table(table: object) -> str:
    """A table as one line per row, cells joined by ` | ` (merged cells once)."""
    from docx.table import Table

    assert isinstance(table, Table)
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or text != cells[-1]:
                cells.append(text)
        rows.append(" | ".join(c for c in cells if c))
    return "\n" + "\n".join(rows) + "\n"


_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
    ]
)
_CELL_BREAK = "\x00"  # a <br> inside a table cell, until the row is written
_CELL_BLOCKS = frozenset({"li", "p", "div", "ol", "ul"})
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template", "svg"})
_STRIKE_TAGS = frozenset({"s", "del", "strike"})


class _HTMLText(HTMLParser):
    """Collect visible text, breaking lines at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0
        # The table row being read: its cells as (is a header cell, text); None outside a row.
        self.row: list[tuple[bool, list[str]]] | None = None
        self.in_dt = False
        self.dt_open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a tag: skip invisible ones, break lines at blocks."""
        if self.row and tag in _CELL_BLOCKS:
            self.row[-1][1].append(_CELL_BREAK)  # a list or paragraphs in a cell: its entries, one a row
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "pre":
            self.pre += 1
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _STRIKE_TAGS:
            self.parts.append("~~")  # struck-through text is done; Markdown marks it the same way
        elif tag == "dt":
            self.in_dt, self.dt_open = True, False
            self.parts.append("\n")
        elif tag == "dd" and self.dt_open:
            self.parts.append(": ")  # `<dt>Chair</dt><dd>Name</dd>` is one labelled field
            self.dt_open = False
        elif tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            if self.row is None:
                self.row = []
            self.row.append((tag == "th", []))
        elif tag == "br" and self.row:
            self.row[-1][1].append(_CELL_BREAK)  # entries of one cell: see `split_cell_rows`
        elif tag in _BLOCK_TAGS:
            if self.parts and self.parts[-1] == "\n- ":
                return  # `<li><p>Task</p></li>`: the paragraph is the item's text, on the bullet's line
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table") else "\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag such as <br/>."""
        if tag == "br" and self.row:
            self.row[-1][1].append(_CELL_BREAK)
        elif tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close a tag."""
        if self.row and tag in _CELL_BLOCKS:
            return
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self.parts.append("\n")
        elif tag in ("tr", "table"):
            self._end_row()
            if tag == "table":
                self.parts.append("\n\n")
        elif tag in _STRIKE_TAGS:
            self.parts.append("~~")
        elif tag == "dt":
            self.in_dt, self.dt_open = False, True  # the label's line goes on with its <dd>
        elif tag in _BLOCK_TAGS and tag not in ("br", "li"):  # the next <li> breaks the line itself
            self.parts.append("\n")

    def _end_row(self) -> None:
        """Write the row read so far as one line (see `table_row_line`)."""
        if self.row is None:
            return
        cells = [(th, "".join(bits).split(_CELL_BREAK)) for th, bits in self.row]
        self.row = None
        for row in split_cell_rows(cells):
            if any(text for _th, text in row):
                self.parts.append("\n" + table_row_line(row))

    def handle_data(self, data: str) -> None:
        """Visible text: whitespace collapses outside <pre>."""
        if self.skip:
            return
        if self.in_dt and data.strip():
            data = data.strip().rstrip(":")
        if self.row:
            self.row[-1][1].append(data)  # cell text; the row is written whole at its end
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


# Field names of a meeting's head that a two-cell row without header cells may carry.
_HEAD_LABEL = regex(
    r"(?i)aika|paikka|päivämäärä|pvm|ajankohta|kokousaika|kokouspaikka|läsnä|poissa|paikalla|osallistujat|"
    r"puheenjohtaja|sihteeri|date|time|place|location|venue|where|when|present|absent|apologies|attendees|"
    r"chair|secretary|datum|tid|plats"
)


def table_row_line(cells: list[tuple[bool, str]]) -> str:
    """One table row as a line: a labelled pair (`Paikka | X`) as `Paikka: X`, else cells joined by ` | `.

    A two-cell row whose first cell is a header cell or reads as a label (one word, or words after the
    first in lower case: `Aika`, `Date and time`), is a field of the meeting's head; other rows keep
    their columns (empty cells too, so columns stay aligned) for the participant table reader.
    """
    texts = [t for _th, t in cells]
    if len(cells) == 2 and texts[0] and texts[1] and not cells[1][0]:
        label = texts[0].strip().rstrip(":").strip()
        words = label.split()
        label_like = (
            bool(words)
            and not re.search(r"\d", label)
            and len(words) <= 4
            and (
                texts[0].rstrip().endswith(":")
                or _HEAD_LABEL.fullmatch(label) is not None
                or (len(words) > 1 and all(not w[:1].isupper() for w in words[1:]))
            )
        )
        if cells[0][0] or label_like:
            return f"{label}: {texts[1]}"
    return " | ".join(texts)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page with line breaks at block elements."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"(?m)^\| ", "", text)  # a row's first cell needs no separator
    return text


_TEX_SECTION_RE = regex(
    r"\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\s*\{"
)
# (with a column count or width after it: `\begin{multicols}{3}`, `\begin{minipage}{0.5\textwidth}`)
_TEX_ENV_RE = regex(
    r"\\(?:begin|end)\s*\{[^}]*\}(?:\s*\[[^\]]*\])?(?:(?<=\{multicols\})\{\d+\}|(?<=\{minipage\})\{[^{}]*\})?"
)
_TEX_ITEM_RE = regex(r"\s*\\item\s*(?:\[([^\]]*)\])?\s*")
_TEX_DROP_ARG_RE = regex(
    r"\\(?:label|ref|cite|pageref|eqref|includegraphics|vspace|hspace|usepackage|documentclass"
    r"|setlength|newcommand|renewcommand|bibliographystyle|bibliography)\*?\s*(?:\[[^\]]*\])?\s*\{[^}]*\}"
)
# A command name is letters; XeLaTeX and LuaLaTeX take any letter (`\förtroendevald`).
_TEX_CMD_RE = regex(r"\\(?:[^\W\d_]|@)+\*?\s*(?:\[[^\]]*\])?")
# A command of a class or package the file does not define, with two or more arguments:
# `\förtroendevald{Ordförande}{Samuel Hammersberg}{Ja}` is a row; its arguments are its cells.
_TEX_ROW_MACRO_RE = regex(r"\\(?P<name>(?:[^\W\d_]|@)+)\*?(?P<args>(?:[ \t]*\{[^{}\n]*\}){2,})")
_TEX_ARG_RE = regex(r"\{([^{}\n]*)\}")
# two-argument commands whose arguments are no cells: their text is their last argument, or nothing
_TEX_LAST_ARG = frozenset({"href", "textcolor", "colorbox", "multicolumn", "multirow", "foreignlanguage"})
_TEX_NO_TEXT = frozenset(
    {
        "begin",
        "end",
        "setlength",
        "addtolength",
        "setcounter",
        "addtocounter",
        "newenvironment",
        "definecolor",
    }
)


def _tex_row_macro(m: re.Match[str]) -> str:
    """An unknown many-argument command as its arguments, cell by cell (`a | b | c`)."""
    name = m["name"]
    if name in _TEX_NO_TEXT:
        return m.group(0)
    args = [str(a).strip() for a in _TEX_ARG_RE.findall(m["args"])]
    if name in _TEX_LAST_ARG:
        return args[-1]
    return " | ".join(args)


_TEX_ESCAPES = {
    "\\%": "%",
    "\\&": "&",
    "\\_": "_",
    "\\#": "#",
    "\\$": "$",
    "\\{": "{",
    "\\}": "}",
    "\\ ": " ",  # a control space after an abbreviation: `Rev.\ Tom Hill`
    "\\,": " ",
    "~": " ",
    "---": "—",
    "--": "–",
    "``": "“",
    "''": "”",
}


def _tex_arg(tex: str, command: str) -> str | None:
    """The braced argument of the first `\\command{...}` (nested braces kept), or None."""
    m = re.search(r"\\" + command + r"\s*(?:\[[^\]]*\])?\s*\{", tex)
    if not m:
        return None
    depth, i = 1, m.end()
    while i < len(tex) and depth:
        depth += {"{": 1, "}": -1}.get(tex[i], 0) if tex[i - 1] != "\\" else 0
        i += 1
    return tex[m.end() : i - 1] if depth == 0 else None


_TEX_TABULAR_RE = regex(
    r"\\begin\s*\{(?P<env>tabular[x*]?|longtable|tabulary)\}(?:\s*\[[^\]]*\])?"
    r"(?:\s*\{[^{}]*\})?\s*\{(?:[^{}]|\{[^{}]*\})*\}(?P<rows>.*?)\\end\s*\{(?P=env)\}",
    re.S,
)
_TEX_RULES_RE = regex(r"\\(?:hline|toprule|midrule|bottomrule|cline\{[^}]*\}|endhead|endfirsthead)")


def _tex_rows(rows: str) -> str:
    """A tabular body as text lines: `Paikka & X \\\\` -> `Paikka: X`, other rows -> cells joined by ` | `."""
    out: list[str] = []
    for row in re.split(r"\\\\(?:\[[^\]]*\])?", _TEX_RULES_RE.sub(" ", rows)):
        cells = [" ".join(c.split()) for c in re.split(r"(?<!\\)&", row)]
        if any(cells):
            # \textbf{Nimi} marks a header cell the way <th> does.
            out.append(table_row_line([(bool(re.match(r"\\textbf\b", c)), c) for c in cells]))
    return "\n".join(out)


_TEX_NEWCOMMAND_RE = regex(
    r"\\(?:re)?newcommand\*?\s*\{?\\(?P<name>[a-zA-Z@]+)\}?\s*(?:\[(?P<n>\d)\])?\s*(?:\[[^\]]*\])?\s*\{"
)
# Struck-out text is done: written as Markdown strike-through so later stages can see it.
_TEX_STRIKE = ("sout", "st", "xout", "strike")


def _braced(tex: str, i: int) -> int:
    """The index just past the group that opens with `{` at `i - 1` (nested braces kept); -1 if unclosed."""
    depth = 1
    while i < len(tex) and depth:
        if tex[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(tex[i], 0)
        i += 1
    return i if depth == 0 else -1


def _tex_macros(tex: str) -> tuple[str, dict[str, tuple[int, str]]]:
    """The text without `\\newcommand` definitions, and the macros they define (argument count, body)."""
    macros: dict[str, tuple[int, str]] = {}
    out: list[str] = []
    pos = 0
    for m in _TEX_NEWCOMMAND_RE.finditer(tex):
        if m.start() < pos:
            continue
        end = _braced(tex, m.end())
        if end < 0:
            continue
        macros[m["name"]] = (int(m["n"] or 0), tex[m.end() : end - 1])
        out.append(tex[pos : m.start()])
        pos = end
    out.append(tex[pos:])
    return "".join(out), macros


def _fill_args(body: str, args: list[str]) -> str:
    """A macro body with `#1`, `#2`, ... replaced by its arguments."""
    parts = re.split(r"#(\d)", body)
    for k in range(1, len(parts), 2):
        n = int(parts[k])
        parts[k] = args[n - 1] if 0 < n <= len(args) else ""
    return "".join(parts)


def _expand_macros(tex: str, macros: dict[str, tuple[int, str]]) -> str:
    """Replace uses of user macros by their bodies with the arguments put in; strike-outs as `~~x~~`."""
    names = [*macros, *(n for n in _TEX_STRIKE if n not in macros)]
    if not names:
        return tex
    call = re.compile(
        r"\\(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?![a-zA-Z@])\s*"
    )
    for _round in range(4):  # macros may use other macros; a few rounds are enough and stop recursion
        out: list[str] = []
        pos = 0
        changed = False
        for m in call.finditer(tex):
            if m.start() < pos:
                continue
            name = m.group(1)
            count, body = macros.get(name, (1, "\x01#1\x01"))
            args: list[str] = []
            i = m.end()
            while len(args) < count:
                j = i
                while j < len(tex) and tex[j] in " \t\n":
                    j += 1
                if j >= len(tex) or tex[j] != "{":
                    break
                end = _braced(tex, j + 1)
                if end < 0:
                    break
                args.append(tex[j + 1 : end - 1])
                i = end
            if len(args) < count:
                continue
            text = _fill_args(body, args)
            out.append(tex[pos : m.start()] + text)
            pos = i
            changed = True
        out.append(tex[pos:])
        tex = "".join(out)
        if not changed:
            break
    return tex


def _tex_level(command: str) -> int:
    """Markdown heading level of a sectioning command (`\\section` 2, `\\subsection` 3, ...)."""
    for level, name in (
        (1, "chapter"),
        (4, "subsubsection"),
        (3, "subsection"),
        (2, "section"),
        (5, "paragraph"),
    ):
        if name in command:
            return level
    return 1


# The meeting's fields a minutes class sets in the preamble (`meetingmins`: `\setcommittee` as the
# title, `\setdate` as the date, `\setpresent`, ...), which `\maketitle` prints.
_TEX_MEETING_FIELDS: tuple[tuple[str, str], ...] = (
    ("settime", "Time"),
    ("setplace", "Place"),
    ("setlocation", "Place"),
    ("setchair", "Chair"),
    ("setsecretary", "Secretary"),
    ("setpresent", "Present"),
    ("setmembers", "Present"),
    ("setalsopresent", "Also present"),
    ("alsopresent", "Also present"),
    ("setabsent", "Absent"),
    ("absent", "Absent"),
)


_TEX_COMMENT = re.compile(r"(?<!\\)%.*")
_TEX_BARE_PERCENT = re.compile(r"(?<!\\)%")
_TEX_COMMAND = re.compile(r"\\[A-Za-z]+")


def _without_comment(line: str) -> str:
    """A LaTeX line without its comment; in a source whose line breaks were lost (one long line of many
    commands) a `%` ended its own line, mostly an empty comment there, so only the sign goes."""
    if "%" not in line:
        return line
    if len(line) > 400 and len(_TEX_COMMAND.findall(line)) >= 8:
        return _TEX_BARE_PERCENT.sub(" ", line)
    return _TEX_COMMENT.sub("", line)


def tex_to_text(tex: str) -> str:
    """Strip LaTeX markup to text: section titles as headings, itemize items as `- `, macros expanded."""
    tex = "\n".join(_without_comment(line) for line in tex.split("\n"))
    tex, macros = _tex_macros(tex)
    tex = _expand_macros(tex, macros)
    # The title and date live in the preamble (`\maketitle` prints them): keep them as head lines.
    head: list[str] = []
    preamble = tex.split("\\begin{document}", 1)[0] if "\\begin{document}" in tex else ""
    committee = _tex_arg(preamble, "setcommittee") if "setcommittee" in preamble else None
    title = _tex_arg(tex, "title") or committee
    if title:
        head.append(title)
    when = _tex_arg(tex, "date") or _tex_arg(tex, "setdate")
    if when and when.strip() and not re.fullmatch(r"\s*\\today\s*", when):
        head.append(f"Date: {when}")
    for command, label in _TEX_MEETING_FIELDS:
        value = _tex_arg(preamble, command) if "\\" + command in preamble else None
        if value and value.strip():
            head.append(f"{label}: {value.strip()}")
    body = re.search(r"\\begin\s*\{document\}(.*?)(?:\\end\s*\{document\}|\Z)", tex, re.S)
    if body:
        tex = body.group(1)
        if head:
            tex = re.sub(r"\\maketitle\b", lambda _m: "\n" + "\n\n".join(head) + "\n", tex, count=1)
            if "\\maketitle" not in body.group(1):
                tex = "\n\n".join(head) + "\n\n" + tex
    tex = _TEX_SECTION_RE.sub(lambda m: "\n\n\\muistiosection" + str(_tex_level(m.group(0))) + "{", tex)
    # Sections are headings: written as Markdown ones so they are not read as list lines.
    tex = re.sub(
        r"\\muistiosection(\d)\{([^{}]*)\}", lambda m: "#" * int(m.group(1)) + " " + m.group(2) + "\n", tex
    )
    tex = _TEX_TABULAR_RE.sub(lambda m: "\n" + _tex_rows(m.group("rows")) + "\n", tex)
    tex = _TEX_ROW_MACRO_RE.sub(_tex_row_macro, tex)
    tex = _TEX_ITEM_RE.sub(lambda m: f"\n- {m.group(1) + ' ' if m.group(1) else ''}", tex)
    tex = _TEX_ENV_RE.sub("\n", tex)
    tex = _TEX_DROP_ARG_RE.sub("", tex)
    tex = re.sub(r"\\\\(?:\[[^\]]*\])?", "\n", tex)
    tex = re.sub(r"\\(par|newline|bigskip|medskip|smallskip|maketitle)\b", "\n", tex)
    tex = _TEX_CMD_RE.sub("", tex)
    tex = re.sub(r"(?<!\\)[{}$]", "", tex)  # grouping braces and math shifts, not escaped ones
    for escaped, plain in _TEX_ESCAPES.items():
        tex = tex.replace(escaped, plain)
    tex = tex.replace("\x01", "~~")  # a `~` in TeX is a space, so strike-outs were kept apart until now
    return re.sub(r"[ \t]+", " ", tex)
