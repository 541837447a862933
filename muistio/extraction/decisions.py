"""Resolutions the meeting made, per agenda item, quoted verbatim."""

from __future__ import annotations

import re
from collections.abc import Iterator

from muistio.contract import DecisionEntry
from muistio.extraction.parts import Section, matches_at
from muistio.patterns import regex

# --- small patterns used throughout this module, compiled once at import ------------------------------
# Markdown bold/italic marks; an underscore inside a word (`snake_case`) is kept.
_EMPHASIS = regex(r"\*{1,2}|(?<!\w)_{1,2}|_{1,2}(?!\w)")
_SPACES = regex(r"\s+")
# Whitespace and bullet marks before a quote.
_LEADING_BULLET = regex(r"^[\s\-*•]+")
# Runs of punctuation and space: compared texts differ only in their words.
_NON_WORD = regex(r"\W+")
# `Resolved that ...` and `It was agreed ...` repeat the decision they open.
_RESOLUTION_OPENER = regex(r"^(?:it was )?(?:resolved|agreed|decided)(?: that)? ")
# A wiki template field (`|tila = hyväksytty`).
_WIKI_FIELD = regex(r"^\|?\s*\w+\s*=")
# The next non-empty line after a bare label.
_NEXT_LINE = regex(r"\s*\n\s*([^\n]+)")
_SENTENCE_STOP = regex(r"(?<=[.!?])\s")


# A decision label with the decision after it: `Päätös:`, `Päätös 1.:`, `Decision:`, `RESOLVED:`, `AGREED:`.
_LABELLED = regex(
    r"(?:^|(?<=\n)|(?<=\*\s)|(?<=>[ \t])(?=#))[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?#?"
    r"(?:päätös(?:\s*\d+\.?)?|päätökset|decision|decided|"
    r"resolved|resolution|agreed|beslut|"
    r"consensus(?:\s+(?:in|of)\s+the\s+room|\s+reached)?(?=(?:\*\*)?[ \t]*:))"
    r"(?!\w)(?:\*\*)?[ \t]*[:.]?[ \t]*(?:\*\*)?[ \t]*(?P<text>[^\n]*)",
    re.IGNORECASE,
)
# The label words above in lower case: a body without one is not scanned with the label pattern.
_LABEL_WORD = regex(r"päätö|decisi|decided|resolv|resolution|agreed|beslut|consensus")
# Where a label may start (the lookbehinds of `_LABELLED`): after a line break, `* ` or `> ` before `#`.
_LABEL_START = regex(r"\n|\*\s|>[ \t](?=#)")


def _labelled(body: str) -> Iterator[re.Match[str]]:
    """The labelled decisions of a section body."""
    if not _LABEL_WORD.search(body.lower()):
        return iter(())
    return matches_at(_LABELLED, body, (0, *(c.end() for c in _LABEL_START.finditer(body))))


_BODY = (
    r"kokous|hallitus|johtokunta|toimikunta|työryhmä|ohjausryhmä|valtuusto|lautakunta|jaosto|"
    r"syyskokous|kevätkokous|vuosikokous|yhtiökokous|meeting|board|committee|council|trustees|members|"
    r"directors|group|assembly|agm"
)
_ACTIVE = (
    r"hyväksyi|valitsi|vahvisti|myönsi|valtuutti|sopi|"
    r"adopted|elected|appointed|resolved|authori[sz]ed|endorsed|ratified"
)
# Sentences that state a resolution.
_VERBS = regex(
    r"\b(?:päätettiin|päätti|hyväksyttiin|hyväksytty|hyväksytään|sovittiin|valittiin|valittu|valitaan|"
    r"valtuutettiin|myönnettiin|vahvistettiin|"
    r"(?:was|were|been|is|are)\s+(?:approved|adopted|agreed|elected|accepted|resolved)|approved|"
    r"unanimous(?:ly)?\s+(?:consensus|agreed|approved)|consensus\s+(?:was\s+)?reached|it\s+was\s+agreed|"
    r"agreement\s+(?:that|to|with)|agreed\s+to|agree\s+to|decided|beslutades|godkändes|valdes|bifölls|"
    r"(?:motion|resolution|proposal|amendment)\b[^.\n]{0,200}?\b(?:carried|passed|adopted)|"
    r"carried(?!\s+(?:out|over|forward|on|through)\b)(?:\s+(?:unanimously|by\s+\d+|\d+\s*[-–:]\s*\d+|nem\.?\s*con))?|"
    r"(?:ehdotus|esitys)\s+(?:\w+\s+){0,3}hyväksyttiin|hyväksyttiin\s+(?:yksimielisesti|äänin)|"
    # The members voting it: `The members voted to raise the fee`.
    r"voted\s+(?:unanimously\s+)?(?:to|that|in\s+favou?r\s+of)|"
    # A hum or a rough consensus decides in a working group: `strong hum in favour of adopting`.
    r"(?:strong|clear)\s+hum\s+(?:in\s+favou?r|for)|rough\s+consensus\s+(?:to|for|that|on)|"
    # The meeting itself as the subject (`Kokous hyväksyi ...`, `The board adopted ...`): the verb is
    # matched here, its subject checked just before it.
    r"(?P<active>" + _ACTIVE + r"))\b",
    re.IGNORECASE,
)
_BODY_BEFORE = regex(r"(?<!\w)(?:" + _BODY + r")(?:\s+\w+){0,2}\s+$", re.IGNORECASE)
# The body itself deciding (nominative), and the verbs it decides with in the active voice.
# Not decisions: opening/closing the meeting, the bare statement of legality, proposals, a decision
# of an earlier meeting, the signature of the checked minutes.
_NOT = regex(
    r"\b(?:päätettiin\s+kokous|kokous\s+päätettiin|päätti\s+kokouksen|todettiin\s+(?:laillise|kokous)|"
    r"(?:hyväksytty|päätetty|sovittu|hyväksyttiin|päätettiin|sovittiin)\s+(?:jo\s+)?"
    r"(?:edellisessä|viime|aiemmassa|aikaisemmassa)\s+kokouksessa|"
    r"(?:edellisessä|viime|aiemmassa|aikaisemmassa)\s+kokouksessa\s+(?:jo\s+)?"
    r"(?:hyväksytty|päätetty|sovittu|hyväksyttiin|päätettiin|sovittiin)|"
    r"oli\s+(?:jo\s+)?(?:hyväksytty|päätetty|sovittu)|had\s+(?:already\s+)?(?:been\s+)?(?:approved|agreed|decided)|"
    r"(?:approved|agreed|decided|adopted)\s+(?:at|in|during)\s+(?:the\s+)?(?:last|previous|earlier|prior)\s+"
    r"(?:meeting|session|call)|"
    r"(?:pöytäkirja|pöytäkirjan|muistio|minutes)\b[^.\n]{0,30}?\b(?:tarkastettu|tarkistettu|tarkastanut|"
    r"allekirjoitettu|checked|signed)|"
    r"laillinen\s+ja\s+päätösvaltainen|päätösehdotus\s+oli|ei\s+päätetty|not\s+(?:approved|agreed|decided|carried)|"
    r"(?:motion|proposal)\s+(?:was\s+)?(?:failed|defeated|lost|withdrawn))",
    re.IGNORECASE,
)
# A person agreeing to do something is taking on a task, not the meeting resolving:
# `Mia agreed to look into venue options`, `Ann and Bo agreed to ...`.
_PERSON_AGREED = regex(
    r"^[\s\-*•]*(?P<who>[A-ZÅÄÖ][\w'’.-]*(?:\s+[A-ZÅÄÖ][\w'’.-]*){0,2}"
    r"(?:\s*(?:,|and|&|ja)\s*[A-ZÅÄÖ][\w'’.-]*(?:\s+[A-ZÅÄÖ][\w'’.-]*){0,2})*)"
    r"\s+(?:has\s+|have\s+|had\s+)?(?:kindly\s+|also\s+)?(?:agreed|agrees|offered|volunteered)\s+to\b"
)
_BODY_WORD = regex(r"(?i)^(?:the|it|we|all|everyone|everybody|" + _BODY + r")$")
# The body fixing when one of its (general) meetings is held: `Syyskokous pidetään la 8.11.`,
# `The AGM will be held on 5 May`; not the routine next meeting and not a tentative date.
_SCHEDULED = regex(
    r"(?i)(?<!\w)(?:(?:syys|kevät|vuosi|yhtiö|jäsen|ylimääräinen\s+|yleinen\s+|yhdistyksen\s+)kokous|"
    r"(?:annual|general|special|extraordinary)\s+(?:general\s+)?meeting|agm|egm|sgm)\b"
)
_HELD = regex(
    r"(?i)\b(?:pidetään|järjestetään|will\s+be\s+held|is\s+to\s+be\s+held|shall\s+be\s+held|"
    r"will\s+take\s+place)\b[^.\n]{0,60}?(?:\d|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|"
    r"sunnuntai|\b(?:ma|ti|ke|to|pe|la|su)\b|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"\w+(?:kuussa|kuun))"
)
_TENTATIVE = regex(r"(?i)\b(?:alustavasti|ehkä|mahdollisesti|tentative(?:ly)?|provisional(?:ly)?|tbc)\b")
_SCHEDULE_NOT = regex(r"(?i)\b(?:seuraava|next)\b")


def _plain(s: str) -> str:
    """The sentence without emphasis marks (`The budget was **adopted**`)."""
    if "*" not in s and "_" not in s:
        return s
    return _EMPHASIS.sub("", s)


# Every resolution verb above holds one of these stems: most sentences are ruled out without the regex.
_VERB_STEMS = (
    "päät",
    "hyväks",
    "sovi",
    "sopi",
    "valit",
    "valtuut",
    "myön",
    "vahvist",
    "approv",
    "adopt",
    "agree",
    "elect",
    "accept",
    "resolv",
    "unanim",
    "consensus",
    "decid",
    "beslut",
    "godkän",
    "vald",
    "biföll",
    "carried",
    "passed",
    "voted",
    "hum ",
    "appoint",
    "authori",
    "endors",
    "ratif",
)


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of `words`, as a trie (`p(?:assed|äät)`): one test a letter, not a word."""

    def branch(tails: list[str]) -> str:
        by_first: dict[str, list[str]] = {}
        for t in tails:
            by_first.setdefault(t[:1], []).append(t[1:])
        if "" in by_first:
            return ""  # a whole word ends here: any longer one holds it, so this point already matches
        alts = [re.escape(c) + branch(rest) for c, rest in sorted(by_first.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return regex(branch(sorted(set(words))))


_STEM_RX = _any_of(_VERB_STEMS)


def _has_verb(plain: str) -> bool:
    """A resolution verb; an active one only with the body as its subject."""
    if not _STEM_RX.search(plain.lower()):
        return False
    for v in _VERBS.finditer(plain):
        if v.group("active") is None or _BODY_BEFORE.search(plain, max(0, v.start() - 60), v.start()):
            return True
    return False


def _is_resolution(part: str) -> bool:
    """Whether a sentence states a resolution of this meeting."""
    plain = _plain(part)
    if _has_verb(plain):
        if _NOT.search(plain):
            return False
        m = _PERSON_AGREED.match(plain)
        person = m is not None and not _BODY_WORD.match(m.group("who").split()[0])
        return not (person and m is not None and not _other_verb(plain, m.end()))
    low = plain.lower()
    if not any(w in low for w in ("pidetään", "järjestetään", "held", "take place")):
        return False
    return bool(
        not _NOT.search(plain)
        and _SCHEDULED.search(plain)
        and _HELD.search(plain)
        and not _TENTATIVE.search(plain)
        and not _SCHEDULE_NOT.search(plain)
        and "?" not in plain
    )


def _other_verb(plain: str, start: int) -> bool:
    """A resolution verb after the person's own `agreed to`: `Ann agreed to chair; it was agreed that ...`."""
    return _has_verb(plain[start:])


# A second resolution verb coordinated in the same sentence: `hyväksyi X ja valitsi Y`.
_COORD_VERB = regex(
    r"(?:\s+(?:ja|sekä|and)|[,;])\s+(?=(?:hyväksyi|valitsi|vahvisti|myönsi|valtuutti|päätti|hyväksyttiin|"
    r"valittiin|päätettiin|sovittiin|vahvistettiin|myönnettiin|valtuutettiin|approved|adopted|elected|"
    r"appointed|resolved|agreed|decided)\s+\S{2,})",
    re.IGNORECASE,
)


def _clauses(quote: str) -> list[str]:
    """One quote per coordinated resolution verb; the sentence whole when it has one verb."""
    out: list[str] = []
    pos = 0
    for m in _COORD_VERB.finditer(quote):
        head = quote[pos : m.start()]
        # `was approved and adopted` is one resolution: the first clause needs words after its verb.
        if not _VERBS.search(_plain(head)) or re.search(r"(?:" + _ACTIVE + r"|\w+ttiin)\W*$", head, re.I):
            continue
        out.append(head.strip())
        pos = m.end()
    out.append(quote[pos:].strip())
    return out if len(out) > 1 else [quote]


_PROPOSAL = regex(r"\b(?:hyväksytään|valitaan|päätetään|sovitaan)\b", re.IGNORECASE)
_PAST = regex(r"\b(?:hyväksyttiin|hyväksytty|valittiin|valittu|päätettiin|sovittiin)\b", re.IGNORECASE)
# every cut starts at white space: the lookahead skips other positions before the lookbehind is tried
_SENT_SPLIT = regex(
    r"(?=\s)(?:(?<=[.!?])\s+(?=[A-ZÅÄÖ\"“])|\n\s*\n|\n(?=\s*[-*•]\s)|\n(?=[A-ZÅÄÖ][^\n]{0,40}:))"
)


def _clean(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def _quote_span(text: str, start: int, end: int) -> str:
    """The text between start and end with surrounding whitespace, bullets and emphasis marks trimmed."""
    q = text[start:end]
    q = _LEADING_BULLET.sub("", q)
    return q.rstrip()


# A Finnish present passive at the start of a line (`Pidetään ...`, `Laitetaan ...`): the item's resolution
# when it is all the item says.
_PASSIVE_LINE = regex(r"^[ \t]*(?:[-*•][ \t]*)?[A-ZÅÄÖ][a-zåäö]+(?:t|d)(?:aan|ään)\b[^\n]{3,200}$")


def _compare_key(s: str) -> str:
    """The words of a decision in lower case, for telling repeats apart from new decisions."""
    return _NON_WORD.sub(" ", s.lower()).strip()


def _dedupe(found: list[DecisionEntry]) -> list[DecisionEntry]:
    """One entry per resolution: a summary list repeating a RESOLVED line is not a second decision."""
    out: list[DecisionEntry] = []
    keys: list[str] = []
    for d in found:
        k = _RESOLUTION_OPENER.sub("", _compare_key(d.text))
        # Short formulas (`Esitys hyväksytty.`) recur item after item as separate decisions.
        if any(len(min(k, o, key=len)) >= 25 and (k in o or o in k) for o in keys):
            continue
        keys.append(k)
        out.append(d)
    return out


# A vote's bare result (`Motion carried (4-0).`, `Carried unanimously.`): the resolution beside it is
# the decision; the result only counts when the item records nothing else.
_BARE_RESULT = regex(
    r"(?i)^\W*(?:the\s+)?(?:motion|resolution|proposal|amendment)?\s*(?:was\s+)?(?:carried|passed)\b"
    r"(?:\s+(?:unanimously|nem\.?\s*con\.?|by\s+\d+\s+votes?\s+to\s+\d+))?[\s.]*(?:\([^)]*\))?[\s.]*$"
)
# A heading that lists the decisions as bullets: `## 🧭 Decisions`, `Päätökset:`, `Decisions made`.
_DECISION_HEAD = regex(
    r"(?im)^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?[^\w\n]{0,4}[ \t]*(?:key\s+)?(?:decisions(?:\s+made|\s+taken)?|"
    r"päätökset|tehdyt\s+päätökset|beslut)(?:\*\*)?[ \t]*:?(?:\*\*)?[ \t]*\n"
)
_BULLET = regex(r"^[ \t]*[-*•][ \t]+(?P<t>\S[^\n]*)$")


def _listed_decisions(text: str, sections: list[Section], found: list[DecisionEntry]) -> list[DecisionEntry]:
    """Bullets under a `Decisions` heading, each a decision whether or not it has a decision verb."""
    if not _DECISION_HEAD.search(text):
        return []
    have = {_compare_key(d.text) for d in found}
    out: list[DecisionEntry] = []
    for sec in sections:
        body = sec.body(text)
        # Where each list starts: after every heading in the body, and at its top under a heading title.
        starts = [h.end() for h in _DECISION_HEAD.finditer(body)]
        if _DECISION_HEAD.fullmatch(sec.title + "\n"):
            starts.insert(0, 0)
        for start in starts:
            for line in body[start:].lstrip("\n").splitlines():
                b = _BULLET.match(line)
                if not b:
                    break
                quote = _clean(b.group("t"))
                key = _compare_key(quote)
                if len(quote) >= 8 and not any(key in k or k in key for k in have) and not _NOT.search(quote):
                    have.add(key)
                    out.append(DecisionEntry(text=quote, agenda_item=sec.number, quote=quote))
    return out


# A motion with its passing result: `MOTION to approve the agenda. Passed 5-0.`, `Motion by X to adopt Y -
# carried.` A failed or withdrawn motion decides nothing.
_MOTION = regex(
    r"(?im)^[ \t]*(?:[-*•][ \t]+)?(?:\*\*)?(?P<m>motion\b(?:\*\*)?[:\s][^\n]{4,400}?)[\s.,;:–—-]*"
    r"(?:\((?:[^()\n]{0,40})\)[\s.,;:–—-]*)?(?:\*\*)?(?:the\s+motion\s+)?(?:was\s+)?"
    r"(?:passed|carried|approved|adopted)\b[^\n]*$"
)


def _motions(text: str, sections: list[Section], found: list[DecisionEntry]) -> list[DecisionEntry]:
    """Motions recorded as passed, one decision each (the motion's words, not its vote count)."""
    have = {_compare_key(d.text) for d in found}
    out: list[DecisionEntry] = []
    for sec in sections:
        body = sec.body(text)
        if "otion" not in body and "OTION" not in body:
            continue
        for m in _MOTION.finditer(body):
            quote = _clean(m.group("m").strip(" .,;:*"))
            key = _compare_key(quote)
            if len(quote) < 12 or any(key in k or k in key for k in have):
                continue
            have.add(key)
            out.append(DecisionEntry(text=quote, agenda_item=sec.number, quote=quote))
    return out


def find_decisions(text: str, sections: list[Section]) -> list[DecisionEntry]:
    """Explicit resolutions in each agenda item, one per sentence, quoted as written."""
    found = _find_decisions(text, sections)
    found = found + _listed_decisions(text, sections, found)
    found = found + _motions(text, sections, found)
    # A bare vote result beside a resolution of the same item is that resolution's count, not another one.
    by_item: dict[str | None, int] = {}
    for d in found:
        if not _BARE_RESULT.match(d.text):
            by_item[d.agenda_item] = by_item.get(d.agenda_item, 0) + 1
    found = [d for d in found if not (_BARE_RESULT.match(d.text) and by_item.get(d.agenda_item))]
    # Wiki template fields (`|tila = hyväksytty`) describe the page, they decide nothing.
    found = [d for d in found if not _WIKI_FIELD.match(d.text)]
    return _dedupe(found)


def _bullet_title(text: str, sec: Section) -> str:
    """The bullet line that titles a section of informal notes (`- hyväksyttiin X`), with its break."""
    if sec.number is None or not sec.title:
        return ""
    # Read in place: copying the text up to every section costs sections x document length.
    end = min(sec.start, len(text))
    if end <= 0 or text[end - 1] != "\n":
        return ""
    line = text[text.rfind("\n", 0, end - 1) + 1 : end]
    b = _BULLET.match(line.rstrip("\n"))
    # Only a bullet whose text is the title: a bullet notes item says what happened, so it may decide.
    return line if b and sec.title[:20].lower() in line.lower() else ""


def _find_decisions(text: str, sections: list[Section]) -> list[DecisionEntry]:
    out: list[DecisionEntry] = []
    for sec in sections:
        body = _bullet_title(text, sec) + sec.body(text)
        covered: list[tuple[int, int]] = []
        for m in _labelled(body):
            if _mid_sentence(body, m.start(), m.start("text")):
                continue
            value = m.group("text").strip()
            qs, qe = m.start("text"), m.end("text")
            if not value or value in "?" or set(value) <= set("?. "):
                # `Päätös` alone on its line: the decision is the next non-empty line.
                nxt = _NEXT_LINE.match(body[m.end() :])
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
            if idx < 0 or not _is_resolution(part):
                continue
            # A sentence that overlaps a labelled decision is that decision, not another one.
            if any(idx < b and a < idx + len(part) for a, b in covered):
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
            for clause in _clauses(quote):
                out.append(DecisionEntry(text=_clean(clause), agenda_item=sec.number, quote=_clean(clause)))
        lines = [ln for ln in body.strip().splitlines() if ln.strip()]
        if sec.number is not None and not covered and len(lines) == 1 and _PASSIVE_LINE.match(lines[0]):
            quote = _quote_span(lines[0], 0, len(lines[0])).strip()
            out.append(DecisionEntry(text=_clean(quote), agenda_item=sec.number, quote=_clean(quote)))
    return out


def _mid_sentence(body: str, start: int, text_start: int) -> bool:
    """A lower-case `agreed`/`decided` at a line start that only continues the previous line's sentence."""
    label = body[start:text_start].strip()
    # A marked label (`#agreed`, `- decided:`, `**Agreed**`) is a label whatever its case.
    if not label[:1].islower() or ":" in label:
        return False
    before = body[:start].rstrip()
    return bool(before) and not before.endswith((".", "!", "?", ":"))


def _sentence_end(body: str, start: int, end: int) -> int:
    """Where the sentence that starts a labelled decision ends (the line end at the latest)."""
    m = _SENTENCE_STOP.search(body[start:end])
    return start + m.start() if m else end
