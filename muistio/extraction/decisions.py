"""Resolutions the meeting made, per agenda item, quoted verbatim."""

from __future__ import annotations

import re

from muistio.contract import DecisionEntry
from muistio.extraction.parts import Section

# A decision label with the decision after it: `Päätös:`, `Päätös 1.:`, `Decision:`, `RESOLVED:`, `AGREED:`.
_LABELLED = re.compile(
    r"(?:^|(?<=\n)|(?<=\*\s)|(?<=>[ \t])(?=#))[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?#?"
    r"(?:päätös(?:\s*\d+\.?)?|päätökset|decision|decided|"
    r"resolved|resolution|agreed|beslut)(?!\w)(?:\*\*)?[ \t]*[:.]?[ \t]*(?:\*\*)?[ \t]*(?P<text>[^\n]*)",
    re.IGNORECASE,
)
# Sentences that state a resolution.
_VERBS = re.compile(
    r"\b(?:päätettiin|päätti|hyväksyttiin|hyväksytty|hyväksytään|sovittiin|valittiin|valittu|valitaan|"
    r"valtuutettiin|myönnettiin|vahvistettiin|merkittiin\s+tiedoksi|"
    r"(?:was|were|been|is|are)\s+(?:approved|adopted|agreed|elected|accepted|resolved)|approved|"
    r"unanimous(?:ly)?\s+(?:consensus|agreed|approved)|consensus\s+(?:was\s+)?reached|it\s+was\s+agreed|"
    r"agreement\s+(?:that|to|with)|agreed\s+to|agree\s+to|decided|beslutades|godkändes|valdes|bifölls|"
    r"(?:motion|resolution|proposal|amendment)\b[^.\n]{0,200}?\b(?:carried|passed|adopted)|"
    r"carried(?!\s+(?:out|over|forward|on|through)\b)(?:\s+(?:unanimously|by\s+\d+|\d+\s*[-–:]\s*\d+|nem\.?\s*con))?|"
    r"(?:ehdotus|esitys)\s+(?:\w+\s+){0,3}hyväksyttiin|hyväksyttiin\s+(?:yksimielisesti|äänin))\b",
    re.IGNORECASE,
)
# Not decisions: opening/closing the meeting, the bare statement of legality, proposals.
_NOT = re.compile(
    r"\b(?:päätettiin\s+kokous|kokous\s+päätettiin|päätti\s+kokouksen|todettiin\s+(?:laillise|kokous)|"
    r"laillinen\s+ja\s+päätösvaltainen|päätösehdotus\s+oli|ei\s+päätetty|not\s+(?:approved|agreed|decided|carried)|"
    r"(?:motion|proposal)\s+(?:was\s+)?(?:failed|defeated|lost|withdrawn))",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(r"\b(?:hyväksytään|valitaan|päätetään|sovitaan)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:hyväksyttiin|hyväksytty|valittiin|valittu|päätettiin|sovittiin)\b", re.IGNORECASE)
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"“])|\n\s*\n|\n(?=\s*[-*•]\s)|\n(?=[A-ZÅÄÖ][^\n]{0,40}:)")


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _quote_span(text: str, start: int, end: int) -> str:
    """The text between start and end with surrounding whitespace, bullets and emphasis marks trimmed."""
    q = text[start:end]
    q = re.sub(r"^[\s\-*•]+", "", q)
    return q.rstrip()


# A Finnish present passive at the start of a line (`Pidetään ...`, `Laitetaan ...`): the item's resolution
# when it is all the item says.
_PASSIVE_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?[A-ZÅÄÖ][a-zåäö]+(?:t|d)(?:aan|ään)\b[^\n]{3,200}$")


def _dedupe(found: list[DecisionEntry]) -> list[DecisionEntry]:
    """One entry per resolution: a summary list repeating a RESOLVED line is not a second decision."""
    out: list[DecisionEntry] = []
    keys: list[str] = []
    for d in found:
        k = re.sub(r"[^\w]+", " ", d.text.lower()).strip()
        k = re.sub(r"^(?:it was )?(?:resolved|agreed|decided)(?: that)? ", "", k)
        # Short formulas (`Esitys hyväksytty.`) recur item after item as separate decisions.
        if any(len(min(k, o, key=len)) >= 25 and (k in o or o in k) for o in keys):
            continue
        keys.append(k)
        out.append(d)
    return out


def find_decisions(text: str, sections: list[Section]) -> list[DecisionEntry]:
    """Explicit resolutions in each agenda item, one per sentence, quoted as written."""
    return _dedupe(_find_decisions(text, sections))


def _find_decisions(text: str, sections: list[Section]) -> list[DecisionEntry]:
    out: list[DecisionEntry] = []
    for sec in sections:
        body = sec.body(text)
        covered: list[tuple[int, int]] = []
        for m in _LABELLED.finditer(body):
            value = m.group("text").strip()
            qs, qe = m.start("text"), m.end("text")
            if not value or value in "?" or set(value) <= set("?. "):
                # `Päätös` alone on its line: the decision is the next non-empty line.
                nxt = re.match(r"\s*\n\s*([^\n]+)", body[m.end() :])
                if not nxt or set(nxt.group(1).strip()) <= set("?. "):
                    continue
                qs, qe = m.end() + nxt.start(1), m.end() + nxt.end(1)
            if re.match(r"^\s*(?:päätösehdotus|ehdotus)\s+oli\b", body[qs:qe], re.I):
                continue
            sent_end = _sentence_end(body, qs, qe)
            quote = _quote_span(body, qs, sent_end)
            if not quote or _NOT.search(quote):
                continue
            covered.append((m.start(), sent_end))
            out.append(DecisionEntry(text=_clean(quote), agenda_item=sec.number, quote=_clean(quote)))
        pos = 0
        for part in _SENT_SPLIT.split(body):
            idx = body.find(part, pos)
            pos = idx + len(part) if idx >= 0 else pos
            if idx < 0 or not _VERBS.search(part) or _NOT.search(part):
                continue
            if any(a <= idx < b or a < idx + len(part) <= b for a, b in covered):
                continue
            quote = _quote_span(body, idx, idx + len(part))
            if len(quote) < 8:
                continue
            # A proposal in the present passive (`Hyväksytään edellisen kokouksen muistio`) is the agenda's
            # wording; when the item goes on to record the outcome (`Muistio hyväksyttiin`), that is
            # the decision.
            if _PROPOSAL.search(part) and not _PAST.search(part) and _PAST.search(body[idx + len(part) :]):
                continue
            covered.append((idx, idx + len(part)))
            out.append(DecisionEntry(text=_clean(quote), agenda_item=sec.number, quote=_clean(quote)))
        lines = [ln for ln in body.strip().splitlines() if ln.strip()]
        if sec.number is not None and not covered and len(lines) == 1 and _PASSIVE_LINE.match(lines[0]):
            quote = _quote_span(lines[0], 0, len(lines[0])).strip()
            out.append(DecisionEntry(text=_clean(quote), agenda_item=sec.number, quote=_clean(quote)))
    return out


def _sentence_end(body: str, start: int, end: int) -> int:
    """Where the sentence that starts a labelled decision ends (the line end at the latest)."""
    m = re.search(r"(?<=[.!?])\s", body[start:end])
    return start + m.start() if m else end
