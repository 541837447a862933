"""Who took part: attendee lists in any layout, roles, organisations, absences, elections, speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from muistio.contract import Participant, Role
from muistio.extraction.parts import CHAT_STAMP, LETTER, RST_UNDERLINE, CaseBlind, Line, may_hold, split_lines
from muistio.extraction.vocabulary import MEMO_WORDS, words
from muistio.names import is_given_name, surname_first, word_forms
from muistio.patterns import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

    from muistio.extraction.segment import Segmentation

# --- small patterns used throughout this module, compiled once at import ------------------------------
_TRAILING_DOTS = regex(r"[.:]+$")
_SPACES = regex(r"\s+")
# Present for part of the meeting only: `saapui klo 18.20`, `left at 8pm`.
_PARTIAL_ATTENDANCE = regex(r"^(?:poissa|paikalla|saapui|poistui|left|arrived|joined|absent)\b")
# Up to four capitalised words: an organisation's name in a note.
_CAPITALISED_PHRASE = regex(r"^[A-ZÅÄÖ][\w&.-]*(?:\s[A-ZÅÄÖ][\w&.-]*){0,3}$")
_MARKDOWN_MARK = regex(r"[*_`]")
_HANDLE_OR_SLASH = regex(r"[@/]")
_LEADING_DASH = regex(r"^[-•·]\s*")
# A Matrix id `@user:server`: the user part is the handle.
_MATRIX_ID = regex(r"(@[\w.-]+):[\w.-]+")
_DIGIT = regex(r"\d")
# A name ending in an initial (`Peter C.`): its dot is no sentence end.
_FINAL_INITIAL = regex(r"\b[A-ZÅÄÖ]$")
_PUNCTUATION = regex(r"[^\w\s-]")
# One level of nesting: `Ann Lee (Center for Internet Security (CIS))`.
_PAREN_NOTE = regex(r"\(((?:[^()]|\([^()]*\))*)\)")
_SQUARE_NOTE = regex(r"\[([^\[\]]{1,40})\]")
_BRACKETED = regex(r"\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\]")
# A nickname after the name: `Aukjan van Belkum a.k.a. AJ`.
_AKA = regex(r"\s+(?:a\.k\.a\.?|aka)\s+[^\s,;()]+", re.IGNORECASE)
_NON_WORD_CHAR = regex(r"[^\w]")
_SPACE_OR_HYPHEN = regex(r"[\s-]+")
# All but letters, digits and `@`: two spellings of a name compare equal without it.
_KEY_NOISE = regex(r"[^\w@]+")
_PARENTHESISED = regex(r"\((?:[^()]|\([^()]*\))*\)")
# `[[Name|Name]]`: a wiki link's pipe is no table cell.
_WIKI_LINK_BRACKETS = regex(r"\[\[|\]\]")
_BULLET = regex(r"^[ \t]*[-*•+][ \t]+")
# Two or more spaces, or a tab: a gap between columns.
_COLUMN_GAP = regex(r"[ \t]{2,}|\t")
_BULLET_MARK = regex(r"^[-*•]\s*")
# An organisation's acronym after a name (`Aino Aalto UEF`).
_TRAILING_ACRONYM = regex(r"\s[A-ZÅÄÖ]{2,6}\.?$")
# A line ending in a comma or a conjunction: the list goes on on the next line.
_CONTINUES_LIST = regex(r"(?:,|\b(?:ja|sekä|and|och|samt)|&)\s*$")
_NAME_GRID = regex(r"(?:[A-ZÅÄÖ][\w'’-]*[ \t]+[A-ZÅÄÖ][\w'’-]+[ \t]*){2,}")
# Finnish case endings of a word that stands before a name (`Sihteeriksi`).
_INFLECTED_ENDING = regex(r"(?:iin|aan|ään|ksi|ssa|ssä|sta|stä)$")
# a line ending in a joiner or a comma goes on: `... valittiin Timo Karjalainen ja` / `sihteeriksi Sirpa ...`
_SENTENCE_OR_LINE_BREAK = regex(
    r"(?<=[.!?])\s+|(?<=\S)(?<!\sja)(?<!\ssekä)(?<!\sand)(?<!\soch)(?<!\ssamt)(?<!,)[ \t]*\n|(?<=\n)\n"
)
_AND_JOINER = regex(r"\s+(?:ja|sekä|and)\s+")
# `Secretary was Nick A.`, `Chair is Ann Lee`.
_OFFICERS = ("Secretary", "Chair", "Scribe", "Minutes taker")
_OFFICER_STATEMENT = regex(r"\b(?:" + "|".join(_OFFICERS) + r")\s+(?:was|were|is)\s+([^.\n]+)")
# MeetBot names who started the meeting: its chair.
_MEETBOT_CHAIR = regex(r"Meeting started by (@[\w.-]+)")
_SENTENCE_BREAK = regex(r"(?<=[.!?])\s+")
# Sentence punctuation or a digit: a line with one is no signature line.
_PROSE_MARK = regex(r"[.:;!?]\s|\d")
_BULLETED = regex(r"^\s*[-*•]")
# Words joined by single spaces: one column of a signature line.
_SIGNATURE_COLUMN = regex(r"\S+(?: \S+)*")
_MEETBOT_LOG = regex(r"#startmeeting|Meeting started\b")
_COMMA_OR_SPACE = regex(r"[,\s]+")
# a summary's item that is only a name, then who said it and when:
# `- Gerald Kunzmann (DOCOMO) (GeraldK, 14:59:07)`
_INFO_SELF = regex(
    r"^[ \t]*[-*][ \t]+(?P<name>[A-ZÅÄÖ][\w'’.-]+(?:[ \t]+[A-ZÅÄÖ][\w'’.-]+){1,3})"
    r"(?:[ \t]+\([^()\n]{1,40}\))?"
    r"\s+\([\w`|^{}\[\]-]{2,30},\s*\d{1,2}:\d{2}(?::\d{2})?\)[ \t]*$",
    re.MULTILINE,
)
# MeetBot's closing `People present (lines said)` list.
_MEETBOT_PEOPLE = regex(r"People present \(lines said\)[^\n]*\n")
_SINGLE_WORD = regex(r"[A-ZÅÄÖa-zåäö]+")


_ROLE_WORDS: list[tuple[re.Pattern[str], Role]] = [
    (
        regex(
            r"^(?:vpj|varapuheenjohtaja|vice[- ]?chair(?:man|person|woman)?|vice[- ]president|"
            r"deputy chair\w*|vice[- ]commodore|vice[- ]convenor|vice[- ]convener|vice[- ]moderator|"
            r"vice ordförande|vice ordf|v\. ?ordförande|vice mötesordförande)$"
        ),
        "vice_chair",
    ),
    (
        regex(
            r"^(?:pj|puheenjohtaja|tilapäinen puheenjohtaja|chair(?:man|person|woman)?|president|"
            r"in the chair|commodore|convenor|convener|presiding|presiding officer|moderator|"
            r"kokouksen puheenjohtaja|ordförande|ordf|mötesordförande|styrelsens ordförande|mayor|town mayor|"
            r"sammankallande)$"
        ),
        "chair",
    ),
    (
        regex(
            r"^(?:siht|sihteeri|pöytäkirjanpitäjä|pöytäkirjan pitäjä|"
            r"(?:hon\.? |honorary |club |company )?secretary|scribe|minute[- ]?taker|minuted by|notes by|"
            r"kirjaaja|muistion kirjoittaja|"
            r"note[- ]?taker|minutes|clerk|parish clerk|clerk to the council|sekreterare|sekr|"
            r"mötessekreterare|protokollförare|protokollförde)$"
        ),
        "secretary",
    ),
    (
        regex(
            r"^(?:pöytäkirjan ?tarka?st(?:aja|ajat)|pöytäkirjantarkistaja|minutes checker|"
            r"(?:protokolls?)?justerare|justeringsperson(?:er)?|justeringsm[äa]n)$"
        ),
        "minutes_checker",
    ),
    (regex(r"^(?:esittelijä|alustaja|presenter|speaker)$"), "presenter"),
    (
        regex(
            r"^(?:vieras|guest|kutsuttu|kutsuttuna|asiantuntija|observer|adjungerad[e]?|adjungerande|gäst"
            # someone there who is not of the body: `Amanda Ward (non-member)`, `(visitor)`, `(ei jäsen)`
            r"|non[- ]?member|visitor|ei\s+jäsen|icke\s+medlem)$"
        ),
        "guest",
    ),
    (
        regex(
            r"^(?:jäsen|varajäsen|member|hallituksen jäsen|ledamot|styrelseledamot|ordinarie ledamot|"
            r"suppleant|styrelsesuppleant|styrelsemedlem)$"
        ),
        "member",
    ),
]
_ABSENT_WORDS = regex(
    r"^(?:poissa|absent|regrets|apologies|estynyt|estyneenä|ilmoittanut esteestä|ei paikalla|not present|"
    r"frånvarande|anmält förhinder|ej närvarande)$"
)
_NOT_NAMES = frozenset(
    [
        "none",
        "ei",
        "kukaan",
        "nobody",
        "n/a",
        "tbd",
        "all",
        "kaikki",
        "muut",
        "others",
        "everyone",
        "ei",
        "ketään",
        "-",
        "–",
        "yes",
        "no",
        # A head count, not a name: `Members of the public: One`.
        "one",
        "two",
        "three",
        "four",
        "five",
        "nil",
        "several",
        # a site's menu under a roll's label (`Jaoston jäsenet` then `Pöytäkirjat`): documents, no one
        "pöytäkirjat",
        "pöytäkirja",
        "muistiot",
        "muistio",
        "protokoll",
        "protokollen",
        "minutes",
        "liitteet",
        "bilagor",
        "attachments",
    ]
)
# Header fields, not names: `Paikka Vanerila`, `Aika 29.10.`.
_FIELD_WORDS = frozenset(
    # `Meeting Opened: 1318`, `Meeting Recording: <link>`: a field of the meeting's, no one's name
    [
        "aika",
        "paikka",
        "place",
        "time",
        "date",
        "venue",
        "plats",
        "tid",
        "datum",
        "location",
        "meeting",
        "kokous",
        "kokouspaikka",
        "kokousaika",
        "mötesplats",
    ]
)
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "af",
        "la",
        "le",
        "di",
        "da",
        "du",
        "del",
        "dos",
        "ten",
        "ter",
        "li",
        "bin",
        "al",
    ]
)
_NAME_TOKEN = regex(r"^(?:[A-ZÅÄÖÜÉÈÁÀÇØÆ][\w'’.-]*|@[\w.-]+)$")
_ACRONYM = regex(r"^[A-ZÅÄÖ]{2,6}$")
# A lower-case handle is told from a word by an underscore or a digit in it.
_HANDLE = regex(r"^[a-z][a-z0-9.-]*(?:_[a-z0-9.-]*|[0-9][a-z0-9.-]*)+$")

# Labels that open a list of people, the role they give and whether the people were present.
_LIST_LABELS: list[tuple[str, Role | None, bool]] = [
    (
        r"läsnä(?:\s+olivat)?|paikalla(?:\s+olivat)?|läsnä\s+olleet|osallistujat|osallistuneet|läsnäolijat|"
        # a municipal record's roll: `Saapuvilla olleet jäsenet`, `Läsnä olleet varajäsenet`
        r"(?:saapuvilla|läsnä|paikalla)\s+olleet\s+(?:jäsenet|varajäsenet|valtuutetut)|saapuvilla\s+olleet|"
        # a Swedish municipal record's: `Beslutande`, `Tjänstgörande ersättare`
        r"beslutande(?:\s+ledamöter)?|tjänstgörande\s+(?:ledamöter|ersättare)|"
        # the Scots `Sederunt`; those who took part from afar: `Present via Zoom`, `Etäyhteydellä`,
        # `Närvarande via Teams`
        r"sederunt|(?:present|attending|attended|joined)\s+(?:remotely|online|virtually|in\s+person"
        # (members who voted through another, `Attended via proxy`, count as there)
        r"|(?:via|by|on)\s+(?:zoom|teams|video|phone|telephone|skype|meet|proxy))|(?:remote|online)\s+attendees|"
        r"(?:läsnä\s+)?etänä|etäyhteydellä|etäyhteyden\s+kautta|etäosallistujat|"
        r"närvarande\s+på\s+plats|(?:närvarande|deltog)\s+(?:digitalt|på\s+distans|via\s+(?:teams|zoom|länk|video"
        r"|telefon))|"
        r"osanottajat|kokoukseen\s+osallistuivat|"
        r"jäsenet|nimenhuuto|present|attendees|(?:tsc|tac|board|committee|council|steering|wg|sig|core)\s+attendees|"
        r"attended\s+by|those\s+present|present\s+were|those\s+attending|in\s+the\s+meeting|(?:tsc|tac|board|committee|council|steering|wg|sig|core\s+)?voting\s+members|"
        r"attending|attendance|participants|people present|roll\s+call|"
        r"(?:council\s+|board\s+|tsc\s+|committee\s+|voting\s+)?members\s+present|present\s+members|"
        r"(?:[a-z]+\s+)?(?:directors|trustees|councillors|councilors|governors|commissioners|officers)\s+present|"
        r"närvarande|deltagare|mukana|kokouksessa\s+mukana|there|who\s+was\s+there|"
        r"(?:följande\s+)?deltog(?:\s+på\s+mötet)?|närvaro|läsnäolevat(?:\s+jäsenet)?|läsnä\s+olevat\s+jäsenet|"
        # Qualified lists: `Voting Members Present`, `Directors Present at Roll Call`, `Närvarande
        # styrelseledamöter`, `Närvarande från styrelsen`.
        r"(?:voting\s+)?(?:members|directors|trustees|councillors)\s+present"
        r"(?:\s+(?:at|post)[- ]roll[- ]call)?|"
        r"närvarande\s+(?:(?:från|ur)\s+styrelsen|(?:styrelse)?(?:ledamöter|medlemmar)|ordinarie\s+ledamöter)|"
        r"(?:styrelse)?(?:ledamöter|medlemmar)\s+närvarande|närvarande\s+ledamöter|läsnä\s+olivat|"
        r"läsnä\s+(?:jäsenet|hallituksen\s+jäsenet)|paikalla\s+olleet|"
        # a body's members: `Hallituksen jäsenet:`, `Työryhmän jäsenet:`, `Perinnejaoston jäsenet:`
        r"[a-zåäö-]*(?:hallituksen|johtokunnan|toimikunnan|ryhmän|valtuuston|lautakunnan|neuvoston"
        r"|jaoston|tiimin|komitean)\s+jäsenet|"
        # a municipal roll's groups: `Ledamöter: ... Personliga ersättare: ...`, `Varajäsenet: ...`
        r"(?:ordinarie\s+|styrelse)?ledamöter|(?:personliga\s+)?ersättare|varajäsenet|styrelsemedlemmar|"
        r"(?:board|committee|council)\s+members|members|"
        # a council's roll led by the members' title alone: `Councillors D Risk (Chairman), P Summers, ...`
        r"councillors|councilors|cllrs",
        "member",
        True,
    ),
    (
        r"additional\s+attendees|also\s+present|(?:also\s+)?in\s+attendance|also\s+attending|"
        r"(?:staff|others)\s+present|staff|guests?|vieraat|kutsuttuna|kutsutut|kutsuttuina|muut\s+läsnäolijat|"
        r"muut\s+osallistujat|lisäksi\s+(?:paikalla|läsnä|kokouksessa)(?:\s+olivat)?|asiantuntijat|observers|"
        r"övriga?\s+närvarande|by\s+invitation|invited|in\s+attendance\s+by\s+invitation|muut|muut\s+paikalla|"
        r"muut\s+läsnä|lisäksi|muut\s+saapuvilla|saapuvilla|muut\s+(?:saapuvilla|läsnä|paikalla)\s+olleet|"
        r"övriga\s+deltagande|(?:närvarande|ej\s+tjänstgörande)\s+ersättare|(?:närvarande\s+)?tjänstemän|(?:officers|staff|council\s+officers)\s+in\s+attendance|"
        r"responsible\s+ads?|area\s+directors?|observers\s+present|gäster|gäst|adjungerade|adjungerad|"
        r"övriga\s+deltagare|övriga|muut\s+läsnä\s*olevat|muita\s+läsnä|muita\s+paikalla|lisäksi\s+läsnä|other\s+attendees|"
        r"non[- ]members(?:\s+present)?|visitors",
        "guest",
        True,
    ),
    (r"alustajat|alustaja|esittelijät|presenters", "presenter", True),
    (r"chairs|co-?chairs|puheenjohtajat|facilitators", "chair", True),
    (
        r"poissa|poissa\s+olivat|poissa\s+olleet|estyneenä|estyneinä|estyneet|estynyt|ilmoittivat\s+esteestä|"
        r"regrets|apologies|apologies\s+(?:received|for\s+absence)|absent|absent\s+with(?:out)?\s+apologies|excused|"
        # two absence words in one label: `Apologies/Absent`, `Absent / Apologies`, `Poissa/estynyt`
        r"(?:apologies|absent|regrets|excused|poissa|estyneet|estynyt|frånvarande)\s*/\s*"
        r"(?:apologies|absent|regrets|excused|poissa|estyneet|estynyt|frånvarande)|"
        r"not\s+present|not\s+attending|not\s+in\s+attendance"
        r"|(?:members|directors|trustees|councillors|councilors|governors)\s+absent|frånvarande|"
        r"frånvarande\s+(?:(?:från|ur)\s+styrelsen|(?:styrelse)?(?:ledamöter|medlemmar))|ej\s+närvarande|"
        r"anmält\s+förhinder|anmält\s+frånvaro|förhindrade|återbud|anmält\s+återbud|poissaolevat(?:\s+jäsenet)?|poissa\s+(?:jäsenet|hallituksen\s+jäsenet)",
        None,
        False,
    ),
]
_SINGLE_LABELS: list[tuple[str, Role]] = [
    (r"varapuheenjohtaja|vpj|vice[- ]chair|vice\s*ordförande|vice\s*ordf", "vice_chair"),
    (
        r"puheenjohtaja|pj|chair|chairperson|chairman|chaired by|facilitator|ordförande|mötesordförande|"
        r"(?:session|meeting)\s+chair",
        "chair",
    ),
    (
        r"sihteeri|siht|secretary|scribe|minute[- ]taker|note[- ]taker|pöytäkirjanpitäjä|pöytäkirjapitäjä|"
        r"minutes by|"
        r"notes|notes by|minuted by|recorder|kirjaaja|muistion\s+kirjoitti|muistiinpanot|"
        r"minutes|minutes\s+taken\s+by|(?:keeper|taker)\s+of\s+(?:the\s+)?minutes|sekreterare|mötessekreterare"
        r"|protokollförare|"
        # a council's clerk keeps its minutes: `Parish Clerk and RFO A M Hounsell`, `Clerk: Mrs J Dee`
        r"(?:parish\s+|town\s+)?clerk(?:\s+to\s+the\s+council)?(?:\s*(?:and|&|/)\s*rfo)?",
        "secretary",
    ),
    (r"esittelijä|föredragande", "presenter"),
    (
        r"pöytäkirjantarkastajat|pöytäkirjan\s+tarkastajat|pöytäkirjantarkastaja|minutes\s+checkers?|"
        r"justerare|protokolls?justerare|justeringspersoner|utses\s+att\s+justera|justerande",
        "minutes_checker",
    ),
]
# Compiled once: the label patterns are large, and the regex module's cache is shared with dates.
_LIST_RX = [(regex(p), role, present) for p, role, present in _LIST_LABELS]
_SINGLE_RX = [(regex(p), role) for p, role in _SINGLE_LABELS]
_ALL_LIST = "|".join(lbl for lbl, _, _ in _LIST_LABELS)
_ALL_SINGLE = "|".join(lbl for lbl, _ in _SINGLE_LABELS)
# emphasis around a label: `**Present:**`, `__Participants__` (AsciiDoc), `''Läsnä''` (a wiki's)
_EMPHASIS = r"(?:\*{1,2}|_{1,2}|'{2,3})?"
_LABEL_LINE = CaseBlind(
    regex(
        r"^[ \t]*(?:[-*•][ \t]+)?(?:#{1,6}[ \t]*|={1,6}[ \t]*)?(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+)?"
        + _EMPHASIS
        + r"(?P<label>"
        + _ALL_LIST
        # `Present, in order of arrival:`: a qualifier after a comma
        + r")(?:[ \t]*\([^()\n]{1,40}\)|,[ \t]+[a-zåäö][^:\n]{1,40}(?=:))?"
        + _EMPHASIS
        + r"[ \t]*:?"
        + _EMPHASIS
        + r"[ \t]*=*[ \t]*$",
        re.IGNORECASE,
    )
)
_SINGLE_LABEL_LINE = CaseBlind(
    regex(
        r"^[ \t]*(?:[-*•][ \t]+)?(?:#{1,6}[ \t]*)?(?:\*\*)?(?P<label>"
        + _ALL_SINGLE
        + r")(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*$",
        re.IGNORECASE,
    )
)
_SINGLE_LABEL_BARE = regex(r"(?P<label>" + _ALL_SINGLE + r")", re.IGNORECASE)
_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]"
# A council clerk's office as written before the name on a line of its own (lookbehinds need fixed widths).
# (the spellings of the secretary label's clerk: `(?:parish|town)? clerk (to the council)? (and RFO)?`)
_CLERK_SPELLINGS = tuple(
    f"{town}clerk{council}{rfo}"
    for town in ("", "parish ", "town ")
    for council in ("", " to the council")
    for rfo in ("", " and rfo", " & rfo", "/rfo")
)
_INLINE_LABEL = regex(
    # `(?<!\S)` first: every start below follows a space or a line break, and mid-word positions fail at once.
    r"(?:(?<!\S)(?:^|(?<=\n)|(?<=INFO:\s)|(?<=[.);]\s)|(?<=[·•|–=-]\s)|(?<=[\w,]\s)(?=(?-i:[A-ZÅÄÖ]))"
    # a Swedish election item names its officer: `4. Val av justerare: Victor Jacobsson`, `Val till ...`
    r"|(?<=\bval\sav\s)|(?<=\bval\still\s))"
    # `Minnesanteckningar från mötet 2009-03-16Närvarande:`: a label run into the date before it.
    r"|(?<=\d)(?=(?-i:[A-ZÅÄÖ][a-zåäö])))"
    r"[ \t]*(?:"
    + _EMOJI
    + r"+[ \t]*)?(?:[-*•][ \t]+)?(?:\*\*|'{2,3})?(?P<label>"
    + _ALL_LIST
    + "|"
    + _ALL_SINGLE
    # `Present (Directors):`: a qualifier names a group of members; `Paikalla olivat A ja B.` needs no colon.
    + r")(?:[ \t]*\([^()\n]{1,40}\))?(?:\*\*|'{2,3})?"
    # `Paikalla olivat A ja B.`, `Närvarande styrelseledamöter är A, B samt C.` need no colon.
    # `Följande deltog på mötet; Johan ...`, `Återbud; Karin ...`: a semicolon where a colon would be
    + r"(?:[ \t]*:|[ \t]*;(?=[ \t]+(?-i:[A-ZÅÄÖ])[\w'’-]+[ \t]+(?-i:[A-ZÅÄÖ]))"
    + r"|(?<=olivat)[ \t]+(?=(?-i:[A-ZÅÄÖ]))"
    # `Councillors D Risk (Chairman), P Summers, ...` opening a line: the title alone labels the roll
    + r"|(?:"
    # (after a line break only: `rest` below is matched from its start, where a `^` would hold)
    + "|".join(f"(?<=\\n{w})" for w in ("councillors", "councilors", "cllrs"))
    + r")[ \t]+(?=(?-i:(?:[A-Z]\.?[ \t]+){1,3}[A-Z][a-z]|[A-Z][a-z]+[ \t]+[A-Z][a-z])[^\n]*,[^\n]*,)"
    # (a roll, not prose: `Councillors J Smith, P Brown and K Lee were thanked` has words in lower case)
    + r"(?![^\n(]*(?<![\w(])(?!and\b)(?-i:[a-z]{3,})\b)"
    # `Parish Clerk and RFO A M Hounsell` on a line of its own: the office, then the person's full name
    + r"|(?:"
    + "|".join(f"(?<=\\n{w})" for w in _CLERK_SPELLINGS)
    + r")[ \t]+(?=(?-i:(?:(?:Mrs?|Ms|Miss)\.?[ \t]+)?(?:[A-Z]\.?[ \t]+){1,3}[A-Z][a-z]+"
    + r"|[A-Z][a-z]+[ \t]+[A-Z][a-z]+)"
    + r"[ \t]*(?:\n|$))"
    + r"|(?<!here)[ \t]+(?:är|var|were|are|olivat|oli)[ \t]+(?=\w)"
    # `Närvarande Klas Jacobson KJ`: a roll label, then the first full name on the same line
    + r"|(?:(?<=närvarande)|(?<=present))"
    + r"[ \t]+(?=(?-i:[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?[ \t]+[A-ZÅÄÖ][a-zåäö]+"
    + r"[ \t]+[A-ZÅÄÖ]{2,3}[ \t]*\n))"
    # `1. Apologies. Cllrs D Dee, S Bee and M Ash.`: an item's title, then the councillors by title.
    + r"|(?<=apologies)\.[ \t]+(?=(?-i:Cllrs?|Councillors?|Mrs?|Ms|Dr)\.?[ \t]))"
    + r"(?:\*\*|'{2,3})?[ \t]*(?=\S)",
    re.IGNORECASE,
)
_STOP_INLINE = regex(
    # A sentence's end after a word (not an initial or a title: `J.`, `Mrs.`) ends a list run into prose.
    # (a bar ends it; a dot only before the next field, `A · Regrets: C`; between names, `A · B`, it parts)
    r"\n[ \t]*\n|\s\|\s|\s[·•]\s(?=[^,\n·•|]{1,40}:|[^\w\s])|\s\d{1,2}\.\s+[A-ZÅÄÖ]|"
    # `John Smith (chair), Anne Brown; Absent: Peter White`: the next label after a semicolon
    r";\s+(?=(?-i:[A-ZÅÄÖ])[\w ]{1,30}:)|"
    # `Barbro Svärd. 3 Godkännande av dagordning`: the next numbered item of a text without line breaks.
    # (a word's full stop before a capital, not an office's abbreviation: `viceordf. II viceordf.`)
    r"(?<=\w)\.\s+\d{1,2}\s+(?-i:[A-ZÅÄÖ][a-zåäö])|\s\*\s+[A-Z]+:|(?<=[a-zåäö]{5})(?<!ordf)\.\s+(?-i:[A-ZÅÄÖ])"
    # `... Jari Rantala (sihteeri). Johdon konsultti ...`: a sentence ends after a note too
    r"|(?<=[a-zåäö]{4}\))\.\s+(?-i:[A-ZÅÄÖ][a-zåäö])"
    r"|(?<=\s)(?:" + _ALL_LIST + "|" + _ALL_SINGLE + r")\s*:",
    re.IGNORECASE,
)
_HEADING_LINE = regex(r"^[ \t]*(?:#{1,6}\s|={2,}|\d{1,3}[.)]?\s+\S|§)")


@dataclass
class Person:
    """A person as read from one mention."""

    name: str
    roles: list[Role] = field(default_factory=list)
    organization: str | None = None
    present: bool = True
    absent_said: bool = False
    key: str = ""

    def __post_init__(self) -> None:
        self.key = _key(self.name)


# (a middle dot, or a spaced slash before a full name, parts names too: `Ann Lee · Bob Stone`, `A B / C D`)
_SPLIT_MARK = regex(
    r"[()\[\],;]|\s+(?:ja|and|sekä|och|samt|&|\+)\s+|\s+[·•]\s+|\s+/\s+(?=[A-ZÅÄÖ][\w'’-]+\s+[A-ZÅÄÖ])"
)


def _split_top(s: str) -> list[str]:
    """Split on commas, semicolons and 'ja/and/sekä/&' outside parentheses."""
    parts: list[str] = []
    depth = 0
    last = 0
    for m in _SPLIT_MARK.finditer(s):
        c = m.group(0)
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            if "/" in c and len(s[last : m.start()].split()) < 2:
                continue  # `Matti / Maija Virtanen`: a slash parts full names only
            parts.append(s[last : m.start()])
            last = m.end()
    parts.append(s[last:])
    return [p.strip() for p in parts if p.strip()]


_OFFICE = regex(
    r"(?:^|\s)(?:treasurer|coordinator|co-ordinator|manager|officer|director|administrator|adviser|advisor|"
    r"consultant|lead|head|trustee|representative|assistant|editor|accountant|auditor|architect|engineer|"
    r"researcher|professor|lecturer|student|volunteer|founder|ceo|cfo|cto|owner|maintainer|liaison|"
    r"harbou?rmaster|headteacher|headmaster|headmistress|caretaker|warden|ranger|librarian|curator|clerk|"
    r"coach|captain|planner|surveyor|inspector|steward|bursar|archivist|groundsman|groundskeeper)$"
)


_STAND_IN = regex(r"^(?:väliaikainen|tilapäinen|tillfällig|temporary|acting|interim)\s+(?=\w)")
# `I varapuheenjohtaja`, `2. varapuheenjohtaja`, `förste vice ordförande`, `First Vice-Chair`: which of the
# deputies, the office all the same
_DEPUTY_ORDINAL = regex(
    r"^(?:i{1,3}|[1-3]\.?|[1-3]:[ea]|1st|2nd|3rd|first|second|third|ensimmäinen|toinen|kolmas|förste|första|andre|andra"
    r"|tredje)\s+(?=vara|vice|deputy)"
)
_BODY_OFFICE = regex(r"^(?:(?:parish|town|city)\s+)?(?:council|board|committee)\s+(?=(?:vice[- ])?chair)")


# Swedish and Finnish offices are compounds ending in an office word: `ekonomiansvarig`, `webbansvarig`,
# `vice kassör`, `tiedotusvastaava`, `varajäsen` (a role word proper is read before this).
_OFFICE_COMPOUND = regex(
    r"(?:vice[ -]|vara|bitr(?:ädande|\.)?[ -]|biträdande )?[a-zåäö-]*(?:ansvarig|ansvariga|ordförande|"
    r"sekreterare|kassör|ledamot|suppleant|revisor|sammankallande|samordnare|kontaktperson|handläggare|"
    r"ombud|vastaava|vastaavat|koordinaattori|edustaja|sihteeri|rahastonhoitaja|taloudenhoitaja)"
)


def _given_then_surname(s: str) -> bool:
    """`Christopher Head`: a known given name, then a capitalised word, is a person whatever the word."""
    toks = s.split()
    return len(toks) == 2 and toks[1][:1].isupper() and toks[0][:1].isupper() and is_given_name(toks[0])


@lru_cache(maxsize=4096)
def _annotation_kind(a: str) -> tuple[str, str] | None:
    """('role', role) / ('absent', '') / ('partial', '') / ('org', name) for a bracketed or trailing note."""
    low = _TRAILING_DOTS.sub("", a.strip().lower()).strip()
    low = _SPACES.sub(" ", low)
    # `Council Chair`, `Board Vice Chair`: the office of the body meeting.
    low = _BODY_OFFICE.sub("", low)
    low = _STAND_IN.sub("", low)  # `väliaikainen sihteeri`, `acting chair`: the office all the same
    low = _DEPUTY_ORDINAL.sub("", low)
    for pat, role in _ROLE_WORDS:
        if pat.match(low):
            return ("role", role)
    if _ABSENT_WORDS.match(low):
        return ("absent", "")
    if _PARTIAL_ATTENDANCE.match(low):
        return ("partial", "")
    # Present for one item only: there to present it (`for item 4`, `kohta 3`, `asiantuntija kohdassa 4`).
    if re.match(
        r"^(?:for|presenting)\s+(?:agenda\s+)?items?\s+\d|^(?:kohta|kohdassa|kohdat|kohtaan)\s+\d", low
    ):
        return ("role", "presenter")
    # An office is a description, not an organisation: `Treasurer`, `Warehouse Coordinator`,
    # `ekonomiansvarig`, `tiedotusvastaava`.
    if (_OFFICE.search(low) or _OFFICE_COMPOUND.fullmatch(low)) and not _given_then_surname(a):
        return ("desc", "")
    stripped = a.strip().strip(".")
    if _ACRONYM.match(stripped) or (_CAPITALISED_PHRASE.match(stripped) and len(stripped) <= 40):
        return ("org", stripped)
    if low.endswith(("na", "nä")) and len(low) > 6 and " " not in low:
        # the essive, `asiantuntijana Matti Sarmela`, `sihteerinä`: the role the person came in
        kind = _annotation_kind(low[:-2])
        return kind if kind is not None and kind[0] == "role" else None
    return None


# Titles before a name are not part of it: `Cllr`, `County Cllr`, `Mrs`, `Dr.`, `prof.`, `Rev.`.
_HONORIFIC = regex(
    r"^(?:(?:county|district|borough|city|town|parish|unitary)\s+)?"
    r"(?:cllrs|councillors|councilors|messrs|cllr|councillor|mr|mrs|ms|miss|mx|dr|prof|professor|rev|revd|reverend|sir|dame|hon|rt\s+hon|"
    # an American board's or council's members by their seat: `Councilmember Jane Doe`, `Directors Smith`
    r"councilmembers?|council\s+members?|commissioners?|supervisors?|directors?|trustees?|selectm[ae]n|"
    r"tri|fil\.?\s*tri|dos|ft|kauppaneuvos|fr|father|alderman|alderwoman|pcso)\.?\s+(?=\S)",
    re.IGNORECASE,
)
# Words that make a capitalised phrase an organisation rather than a person.
_ORG_WORD = regex(
    r"\b(?:oy|oyj|ab|ry|r\.y\.|ky|tmi|ltd|limited|plc|inc|llc|gmbh|corp|bv|foundation|trust|"
    r"council|university|institute|association|society|company|committee|department|ministry|agency|"
    r"group|team|project|partners|bank|club|community|church|centre|center|union|network|board|llp|"
    r"management|services|consulting|consultants|associates|solutions|properties|property|realty|holdings|"
    r"systems|technologies|hospital|clinic|college|academy|library|museum|authority|police|architects|"
    r"engineering|press|media|studio|enterprises|industries)\b\.?|"
    r"(?:liitto|ministeriö|yliopisto|korkeakoulu|keskus|virasto|laitos|kunta|kaupunki|säätiö|yhdistys|"
    r"seura|toimisto|yhtiö|osakunta|kilta|rahasto|kirjasto|koulu|opisto|seurakunta|lautakunta|hallitus|"
    # Swedish bodies, also in the definite form: `Stora Utskottet`, `Idrottsföreningen`
    r"förening(?:en)?|förbund(?:et)?|utskott(?:et)?|kommitté(?:n)?|nämnd(?:en)?|studentkår(?:en)?"
    r"|sällskap(?:et)?|fullmäktige)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def is_organisation(s: str) -> bool:
    """Whether a capitalised phrase names an organisation (`Motiva Oy`, `Suomen Kuntaliitto`, `UEF`)."""
    t = s.strip(" .")
    return bool(_ACRONYM.match(t) or _ORG_WORD.search(t))


def _is_description(s: str) -> bool:
    """A lower-case note after a name is an office or description (`isännöitsijä`, `tutkija`), not a name."""
    if _HANDLE.match(s.strip()):
        return False  # `carol_w`, `dev42`: a chat handle (its underscore no emphasis) is someone, as written
    t = _MARKDOWN_MARK.sub("", s).strip()
    if _DEPUTY_ORDINAL.match(t.lower()):
        return len(t) <= 80  # `2:e vice ordförande/kassör`: which deputy, an office all the same
    return bool(t) and t[0].islower() and not _HANDLE_OR_SLASH.search(t) and len(t) <= 80


# Words of job titles and departments: a phrase made only of these names an office, not a person
# (`Superintendent`, `Chief Business Official`, `Infection Prevention Nurse`, `Patient Safety`).
_TITLE_TEXT = """
    superintendent assistant associate deputy vice chief executive senior junior interim acting general
    head lead principal director directors manager managers officer officers official officials clerk
    secretary treasurer chair chairman chairperson president coordinator administrator administration
    counsel attorney solicitor engineer nurse nurses nursing physician doctor pharmacist therapist
    teacher teachers student students parent parents staff member members public guest guests visitor
    business finance financial operations facilities maintenance technology information human resources
    legal quality patient patients safety prevention infection control risk compliance health medical
    clinical care services service department dept office division unit team committee board council
    representative representatives rep liaison advisor adviser consultant auditor controller
    superintendents planning community communications marketing development programs program project
    projects curriculum instruction special education transportation food nutrition security police fire
    it hr ops admin mayor mayoress chaplain town city county parish borough district link
    participation announcements events actions action list matters arising correspondence reports
    report business apologies declarations interests minutes agenda items item updates news aob
    introductions welcome closing finances treasury membership
"""
_TITLE_WORDS = frozenset(_TITLE_TEXT.split())
# Finnish offices are compounds ending in an office word: `Talouspäällikkö`, `Toiminnanjohtaja`.
_FI_OFFICE = regex(
    r"(?:päällikkö|johtaja|sihteeri|mestari|hoitaja|tarkastaja|asiamies|vastaava|neuvos|insinööri|edustaja|"
    r"jäsen|isännöitsijä|kirjanpitäjä|koordinaattori|asiantuntija|suunnittelija|opettaja|rehtori|"
    r"lakimies|kamreeri|tilintarkastaja|valvoja|ohjaaja|vastaava|esimies|puheenjohtaja|kapteeni|päivystäjä|"
    r"virkailija|tuottaja|neuvoja|konsultti|arkkitehti|lääkäri|kirkkoherra|kanttori|talonmies|kouluttaja|"
    r"valmentaja|tiedottaja|toimittaja|hoitaja|agronomi|metsänhoitaja|kirjastonhoitaja|inspehtori|kuraattori)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def is_title(s: str) -> bool:
    """Whether a capitalised phrase is a job title or a department rather than a person's name."""
    toks = [t.strip(".,'’").lower() for t in s.split() if t.strip(".,'’")]
    toks = [t[:-2] if t.endswith(("'s", "’s")) else t for t in toks]
    if not toks:
        return False
    return all(t in _TITLE_WORDS or t in ("of", "and", "&", "for") or _FI_OFFICE.search(t) for t in toks)


_HTML_SPACE = regex(r"&(?:#x20|#32|#160|#xa0|nbsp);", re.IGNORECASE)
_DISPLAY_MENTION = regex(r"^@[A-ZÅÄÖ][\w'’-]+(?: [A-ZÅÄÖ][\w'’-]+)+$")


_THING_WORDS = words(
    """report reports component agenda minutes update updates budget proposal sponsorship review policy
    strategy statement summary overview discussion presentation workshop programme process schedule
    items issues matters business conference event events accounts election elections nominations
    närvarande frånvarande läsnä poissa present absent"""
)
_ACRONYM_COMPOUND = regex(r"[A-ZÅÄÖ]{2,}-[a-zåäö]")
_DEGREE = regex(r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}[A-ZÅÄÖ]\.?")  # VTM, KTM, DI, TkT, FT, YTM, PhD
_GLUED_VOTE = regex(r"(?<=[a-zåäö])(?:Yes|No|Abstain|Absent|Aye|Nay)$")


_AT_HANDLE = regex(r"@[A-Za-z0-9][\w.-]*_[\w.-]*")  # an @-handle with an underscore, which is no emphasis


@lru_cache(maxsize=4096)
def clean_name(raw: str) -> str | None:
    """The name in a list piece, or None when the piece is not a person's name."""
    if "&" in raw:
        raw = _HTML_SPACE.sub(" ", raw)  # `Douglas&#x20;`: a space left as an HTML entity by a converter
    handle = _LEADING_DASH.sub("", raw.strip()).strip("*` .:;")
    if (_HANDLE.match(handle) and not handle.startswith("_")) or _AT_HANDLE.fullmatch(handle):
        return handle  # a chat handle as written in the list: `lee_k`, `dev42`, `@dave_k`
    s = _MARKDOWN_MARK.sub("", raw).strip()
    s = _LEADING_DASH.sub("", s)
    s = _SPACES.sub(" ", s).strip(" .:;")
    if s.endswith("?") and " " in s:
        s = s[:-1]  # `Kalle Andersson?`: the secretary unsure of a spelling, still a name in the roll
    while True:
        stripped = _HONORIFIC.sub("", s, count=1)
        if stripped == s:
            break
        s = stripped
    s = _MATRIX_ID.sub(r"\1", s)  # Matrix ids: @user:server
    # A mention of a display name (`@Eva Stone`) names the person; a bare handle (`@eva`) stays as written.
    if _DISPLAY_MENTION.match(s):
        s = s[1:]
    if not s or s.lower() in _NOT_NAMES or s.split(" ", 1)[0].lower() in _FIELD_WORDS:
        return None
    if " " in s and s.rsplit(" ", 1)[1].lower() in _THING_WORDS:
        return None  # `Operational Report`, `Model C Sponsorship`: an agenda item, not a person
    s = _GLUED_VOTE.sub("", s)  # `Forrest FlemingYes`: a vote table's cell run into the name
    toks = s.split(" ")
    if len(toks) >= 3 and _DEGREE.fullmatch(toks[0]) and is_given_name(toks[1]):
        toks = toks[1:]  # `VTM Erno Hyvönen`, `DI Anna Lind`: a degree before the name, no part of it
        s = " ".join(toks)
    if len(toks) > 5 or is_title(s):
        return None
    # A line in capitals (`HALLITUKSEN KOKOUS`) is a title or a body's name, not a person.
    # A lone short capital word (`MT`, `EKR`) is someone's initials.
    caps = all(len(t.strip(".")) >= 2 and t.isupper() for t in toks)
    if caps and (len(toks) >= 2 or len(toks[0]) >= 5) and not s.startswith("@"):
        return None
    for k, t in enumerate(toks):
        if t.lower() in _PARTICLES and 0 < k < len(toks) - 1:
            continue
        if not _NAME_TOKEN.match(t) or (_DIGIT.search(t) and not t.startswith("@")):
            return None
        if _ACRONYM_COMPOUND.match(t):
            return None  # `IT-kommittén`, `SPR-piiri`: an acronym and a common noun, a body, no person
    # An initial keeps its period: `Jeff L.`
    if _FINAL_INITIAL.search(s) and raw.rstrip().endswith("."):
        s += "."
    return s


def _description_roles(s: str) -> list[tuple[str, str]]:
    """Roles a description names: its head word (`asiantuntija` is a guest) and an item it presents."""
    words = _PUNCTUATION.sub(" ", s.lower()).split()
    # Only the head word: in `puheenjohtajiston sihteeri` the last word is someone else's office; a whole
    # office (`2:e vice ordförande/kassör`: each side of the slash) counts first.
    out = [k for k in map(_annotation_kind, s.split("/")) if k and k[0] == "role"]
    out = out or [k for k in map(_annotation_kind, words[:1]) if k and k[0] == "role"]
    if re.search(r"\b(?:for\s+(?:agenda\s+)?items?|kohda(?:ssa|t|n)?|kohta)\s+\d", s, re.IGNORECASE) and not (
        # `saapui kohdassa 6`: arrived during item 6, which is no presenting
        re.search(r"\b(?:saapui|poistui|arrived|left|joined)\b", s, re.IGNORECASE)
    ):
        out.append(("role", "presenter"))
    return out


def _note_kinds(note: str) -> list[tuple[str, str]]:
    """What a bracketed note says: a role, absence, an organisation, or the roles of a description."""
    kind = _annotation_kind(note)
    return [kind] if kind else _description_roles(note)


def _full_name(s: str) -> bool:
    """A personal name of two to four words (not an organisation or an office)."""
    return 2 <= len(s.split()) <= 4 and clean_name(s) == s and not is_organisation(s) and not is_title(s)


_DASH_SEPARATOR = regex(r"[ \t]*[–—][ \t]*|[ \t]+-[ \t]+|(?<=[a-zåäö])-[ \t]+(?=[A-ZÅÄÖ])")


_HYPHEN_ORG = regex(r"^(?P<n>[^()\[\]]+?)[ \t]+-[ \t]+(?P<o>[A-ZÅÄÖ][^()\n]{0,60}?)(?P<tail>[ \t]*\(.*\))?$")


_TITLED_INITIALS = regex(
    r"(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Rev|Revd)\.?[ \t]+(?:[A-Z]\.?[ \t]+){1,3}"
    r"[A-Z][a-z][\w'’-]*(?=[ \t]+[A-Z])"
)


def _office_tail(bare: str) -> tuple[str, str] | None:
    """(name, office) when a full name is followed by a capitalised office (`W Grey Clerk`)."""
    toks = bare.split()
    if len(toks) < 3 or not toks[-1][:1].isupper() or is_organisation(bare):
        return None
    initialled = _TITLED_INITIALS.match(bare)
    if initialled and bare[initialled.end() :].strip():
        # `Mr D L Nicholson Deputy Parish Clerk`: a title and initials, so the surname is the next word
        # and what follows is the office, however many words it has.
        return initialled.group(0).strip(), bare[initialled.end() :].strip()
    first = _HONORIFIC.sub("", bare).split()[0]
    if not (len(first.rstrip(".")) == 1 or is_given_name(first)):
        return None  # `PCC Link Officer`, `The Town Clerk`: an office, no name before it
    for n in (2, 1):
        head, tail = " ".join(toks[:-n]), " ".join(toks[-n:])
        # what is left must still hold a surname: `Cllr D Risk` is Mr Risk, not an initial and an office
        named = _HONORIFIC.sub("", head).split()
        if len(named) < 2 or len(named[-1].rstrip(".")) < 2:
            continue
        if is_title(tail) and _annotation_kind(tail) is not None and clean_name(head):
            return head, tail
    return None


_HANDLE_THEN_HYPHEN = regex(
    r"^(?P<n>[^()\[\]]+?)[ \t]*(?P<paren>\([^()\n]{1,60}\))[ \t]+-[ \t]+(?P<o>[A-ZÅÄÖ][^()\n]{0,60}?)[ \t]*$"
)


# `Tim Roe from the Council`, `Johanna från festkommittén`: the name, then the body the person came from.
_FROM_BODY = regex(
    r"^(?P<n>.+?)\s+(?:(?:from|of|representing|for)\s+(?:the\s+)?(?P<o>[A-ZÅÄÖ].{1,60})"
    r"|från\s+(?P<o2>[\wåäöÅÄÖ].{1,60}?))\.?$"
)


def _run_together(piece: str) -> list[str]:
    """`Annina Reponen Risto Limppu Lindberg`: two people whose comma was lost, split at the second
    given name; `PCO Lowri Anderson`: an office's acronym before a name is left out."""
    toks = piece.split()
    if 3 <= len(toks) <= 4 and _ACRONYM.fullmatch(toks[0]) and all(t[:1].isupper() for t in toks[1:]):
        return [f"{' '.join(toks[1:])} ({toks[0]})"]
    if (
        len(toks) in (4, 5)
        and all(t[:1].isupper() and t.isalpha() for t in toks)
        and is_given_name(toks[2])
        and not is_given_name(toks[1])
        and not is_given_name(toks[-1])
    ):
        return [" ".join(toks[:2]), " ".join(toks[2:])]
    return [piece]


def _hyphen_org(piece: str) -> str:
    """`Ann Lee - Acme Corp (resigned)`: a spaced hyphen after a full name opens her organisation."""
    hyphen = _HYPHEN_ORG.match(piece) if " - " in piece else None
    if hyphen and len(hyphen["n"].split()) >= 2 and clean_name(hyphen["n"]) is not None:
        return f"{hyphen['n']} ({hyphen['o'].strip()}){hyphen['tail'] or ''}"
    # `Brandon Mills (@btmills) - TSC`: the handle in brackets first, then the group after the hyphen
    handled = _HANDLE_THEN_HYPHEN.match(piece) if " - " in piece else None
    if handled and len(handled["n"].split()) >= 2 and clean_name(handled["n"]) is not None:
        return f"{handled['n']} ({handled['o'].strip()}) {handled['paren']}"
    return piece


def _dash_separated(s: str) -> str:
    """`A B – C D – E F` (dashes between names, no commas): the dashes separate the people."""
    if "," in s or ";" in s or len(_DASH_SEPARATOR.findall(s)) < 2:
        return s
    pieces = [p.strip() for p in _DASH_SEPARATOR.split(s)]
    pieces = [p for p in pieces if p]
    if len(pieces) >= 3 and all(clean_name(p) is not None and len(p.split()) >= 2 for p in pieces):
        return ", ".join(pieces)
    return s


_INITIALS_ONLY = regex(r"[A-ZÅÄÖ]{2,3}")
_ABSENT_GROUP = regex(
    r"(?i:not\s+in\s+attendance|not\s+present|unable\s+to\s+attend|could\s+not\s+attend|absent|apologies"
    r"|regrets|poissa|estyneet|frånvarande|förhinder)"
)
_PAREN_THEN_NAME = regex(r"\)[ \t]+(?=[A-ZÅÄÖ][\w'’-]+[ \t]+[A-ZÅÄÖ][\w'’-]+[ \t]*\()")


_LOWER_NICK = regex(r"[a-z][a-z0-9_.-]{1,23}")
_JOINERS = frozenset({"ja", "and", "och", "sekä", "samt", "proxy", "for", "via"})


def _is_nick(piece: str) -> bool:
    return _LOWER_NICK.fullmatch(piece) is not None and piece not in _NOT_NAMES and piece not in _JOINERS


def _nick_run(pieces: list[str]) -> list[str] | None:
    """The pieces of a roll of chat nicknames (`dilfridge, gyakovlev, soap (proxy), ulm`), three or more
    single lower-case words from the start; the roll ends where a piece is no nickname (`ulm Constitute
    the new council`: a text without line breaks goes on after the last one)."""
    kept: list[str] = []
    for piece in pieces:
        bare = _BRACKETED.sub(" ", piece).strip()
        if not bare:
            continue
        if _is_nick(bare):
            kept.append(piece)
            continue
        first, _, rest = bare.partition(" ")
        if _is_nick(first) and rest[:1].isupper():
            kept.append(first)
        break
    return kept if len(kept) >= 3 else None


_PROXY_FOR = regex(r"(?:as\s+)?proxy\s+for\s+(?P<n>[^,;()]{2,40})", re.IGNORECASE)


def _proxied(name: str, nick_roll: bool) -> str | None:
    """The name of someone another stands in for, as the roll writes names."""
    name = name.strip()
    return name if nick_roll and _is_nick(name) else clean_name(name)


def _nick_roll(pieces: list[str]) -> bool:
    """Three or more pieces, nearly all of them single lower-case words: nicknames, not prose."""
    bare = [p.strip() for p in pieces if p.strip()]
    nicks = sum(1 for p in bare if _is_nick(p))
    return nicks >= 3 and nicks >= 0.75 * len(bare)


# `Zander Lavall: SU President (Chair), Hester Benham: VP Sports and Societies`: a name, a colon, an office.
_NAME_COLON_OFFICE = regex(
    r"(?<![\w'’-])(?P<n>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){1,2}):[ \t]+"
    r"(?P<o>[^,:;()\n]{2,60}?)(?=[ \t]*(?:[,;(]|$|\.[ \t]))"
)


def _offices_in_brackets(s: str) -> str:
    """`Name: office` as `Name (office)`, so that the office's own `and` splits nothing. Two such entries
    make a list of them; one alone needs a known given name (`Next Meeting: 5 May` is no person)."""
    found = [
        m
        for m in _NAME_COLON_OFFICE.finditer(s)
        if clean_name(m.group("n")) == m.group("n") and not _INLINE_LABEL.match(m.group("o"))
    ]
    if len(found) < 2:
        # One alone: a known given name, or a name that opens the field (`Note-taker: Donna Smith: SU CEO`)
        # before an office without digits (`Next Meeting: 5 May` is a field of its own).
        found = [
            m
            for m in found
            if is_given_name(m.group("n").split()[0])
            or (m.start() == 0 and not _DIGIT.search(m.group("o")) and not _INLINE_LABEL.match(s))
        ]
    for m in reversed(found):
        s = f"{s[: m.start()]}{m.group('n')} ({m.group('o').strip()}){s[m.end() :]}"
    return s


_ANGLED_EMAIL = regex(r"\s*<[^<>\s@]+@[^<>\s]+>")


def split_people(
    s: str, default_role: Role | None = None, present: bool = True, *, one_person: bool = False
) -> list[Person]:
    """People in a list such as `A B (pj), C D, VM ja E F (poissa)`; notes attach to the name before.

    With `one_person` (an entry on its own line) a lone capitalised word after the name is its
    organisation (`Matti Meikäläinen, Luke`), not a second person.
    """
    out: list[Person] = []
    proxied: list[Person] = []
    if "(" in s and (initialled := _initialled_people(s, default_role, present)):
        return initialled
    if "&" in s:
        s = _HTML_SPACE.sub(" ", s)
    if "@" in s and "<" in s:
        s = _ANGLED_EMAIL.sub("", s)  # `Ann Lee <ann@example.org>`: the name, as a mail header writes it
    s = _MENTION_RUN.sub(", ", s)
    if ": " in s:
        s = _offices_in_brackets(s)
    s = _dash_separated(s)
    if len(_HONORIFIC_WORD.findall(s)) >= 2 and _HONORIFIC_START.search(s):
        # `Cllr A Brooker Cllr C Evans Mrs B Lee`: each title opens the next name.
        s = _HONORIFIC_START.sub(", ", s)
    # A roll-call status after the entry: `Susan Park, President – present`, `– absent (excused)`.
    status = _roll_status(s)
    if status:
        s = s[: status.start()]
    if "k" in s:
        s = _AKA.sub("", s)
    if ") " in s:
        s = _PAREN_THEN_NAME.sub("), ", s)  # `Bill Warw (BW) John Wake (JW)`: two people, the comma lost
    pieces = [part for piece in _split_top(s) for part in _run_together(piece)]
    # `dilfridge, gyakovlev, marecki, mgorny`: a roll of chat nicknames, lower case as they are written.
    nicks = _nick_run(pieces)
    nick_roll = nicks is not None
    if nicks is not None:
        pieces = nicks
    # `BY, DD, BH, SG`: a roll of initials, not organisations of the names before them
    # a long line of names is a list of people, not one person's notes: its lone words are people too
    # (`Brendan R, Kitty, Anton, Jenna`), unlike `Weiqing Qu, Bureau of Meteorology, Australia, Chair`
    lone_names = (
        one_person
        and len(pieces) > 3
        and (
            sum(1 for p in pieces if " " not in p.strip() and is_given_name(p.strip())) >= 2
            or sum(1 for p in pieces[1:] if _full_name(p.strip())) >= 2
        )
    )
    caps_at = [i for i, p in enumerate(pieces) if _INITIALS_ONLY.fullmatch(p.strip())]
    initials_roll = len(caps_at) >= 2 and not any(i and " " in pieces[i - 1].strip() for i in caps_at)
    for piece in pieces:
        if default_role == "guest" and out and _OTHER_BODY_CHAIR.fullmatch(piece.strip()):
            # `Saarinen Otto, kunnanhallituksen puheenjohtaja` among the other attendees: another body's
            # chair, a guest at this meeting (in the body's own roll the same words name its chair)
            continue
        # A remark after a dash: `Ana Ruiz (@aruiz) — first time`, `Ari Mäki (Pro) – varapuheenjohtaja`;
        # a role in it counts, the rest is commentary.
        piece = _hyphen_org(piece)
        dash = _DASH_REMARK.search(piece)
        remark_kinds: list[tuple[str, str]] = []
        if dash and LETTER.search(piece[: dash.start()]):
            remark = _annotation_kind(dash.group("r"))
            remark_kinds = [remark] if remark and remark[0] in ("role", "absent") else []
            piece = piece[: dash.start()]
        elif (spaced := _SPACED_REMARK.search(piece)) and LETTER.search(piece[: spaced.start()]):
            # `Matti Virtanen / pj`, `Anna Korhonen - siht`: an office after a spaced slash or hyphen (a
            # name there, `Matti / Maija`, is another person and stays)
            remark = _annotation_kind(spaced.group("r").strip())
            if remark and remark[0] in ("role", "absent", "desc"):
                # an office that is no role of ours (`Maja Holm / kassör`) only describes the person
                remark_kinds = [remark] if remark[0] != "desc" else []
                piece = piece[: spaced.start()]
        notes = [n.strip() for inner in _PAREN_NOTE.findall(piece) for n in inner.split(",")]
        if "[" in piece:
            notes += [n.strip() for n in _SQUARE_NOTE.findall(piece)]  # `xy352 [Minutes]`
        bare = _BRACKETED.sub(" ", piece).strip()
        partial = _PARTIAL_TAIL.search(bare)
        if partial and LETTER.search(bare[: partial.start()]):
            bare = bare[: partial.start()].strip()  # `Heib Salma saapui klo 17.04`: there for part of it
        code = _UNIT_CODE.search(bare) if bare[-1:].isalnum() else None
        if code:
            bare = bare[: code.start()]  # `Adam Willman TE14`: the class or unit beside the name
        item = _ITEM_TAIL.search(bare)
        if item and LETTER.search(bare[: item.start()]):
            notes.append(item.group().strip())  # `Matti Sarmela kohdan 5 käsittelyn ajan`: there for one item
            bare = bare[: item.start()].strip()
        # `vice ordförande` is one office, not `vice` followed by the chair's
        whole = _annotation_kind(bare)
        tail = _TRAILING_ROLE.search(bare) if whole is None or whole[0] != "role" else None
        glued = _GLUED_OFFICE.fullmatch(bare) if tail is None and "-" in bare else None
        if glued and _OFFICE_COMPOUND.fullmatch(glued["r"]):
            notes.append(glued["r"])  # `Tor-telefonansvarig`: the office glued to the name with a hyphen
            bare = glued["n"]
        if tail and LETTER.search(bare[: tail.start()]):
            # `Erkki Ikonen pj`, `Kauno Lehtomäki siht`, `Angelica mailansvarig`: an office after the
            # name without a comma
            kind = _annotation_kind(tail.group("r"))
            if _described_by(bare, tail) or (
                kind is not None
                and (kind[0] in ("role", "absent") or _OFFICE_COMPOUND.fullmatch(tail.group("r").lower()))
            ):
                notes.append(tail.group("r"))
                bare = bare[: tail.start()].strip()
        office_tail = _office_tail(bare)
        if office_tail:
            # `Mr W Grey Clerk`, `Mrs P Alder Assistant Clerk`: a capitalised office after the name.
            bare, tail_office = office_tail
            notes.append(tail_office)
        if bare.startswith("@") and " " not in bare and notes and _full_name(notes[0]):
            # `@jdoe (Jane Doe, chair)`: the handle is an alias; the person is the full name.
            bare, notes = notes[0], notes[1:]
        # `gäst Helena från biblioteket`, `sihteeri Aino`: a role word before a lone given name.
        lead = _ROLE_BEFORE_GIVEN.match(bare) if bare[:1].islower() else None
        lead_roles: list[tuple[str, str]] = []
        if (
            lead
            and is_given_name(lead["n"])
            and (lead_kind := _annotation_kind(lead["r"]))
            and lead_kind[0] == "role"
        ):
            lead_roles = [lead_kind]
            bare = bare[lead.start("n") :]
        kind = _annotation_kind(bare) if bare else None
        if kind == ("desc", "") and "/" in bare:
            # `Parish Clerk/Responsible Finance Officer`: two offices, the first one known.
            kind = next((k for k in map(_annotation_kind, bare.split("/")) if k and k[0] == "role"), kind)
        # (a line of lone given names is a list, `Brendan R, Kitty, Anton, Jenna`: its lone words are people)
        lone_org = (
            one_person and not lone_names and len(bare.split()) == 1 and " " in (out[-1].name if out else "")
        )
        office_first = _OFFICE_BEFORE.match(bare) if bare[:1].islower() else None
        if office_first and not (
            clean_name(bare[office_first.end() :]) and len(bare[office_first.end() :].split()) >= 2
        ):
            office_first = None
        if nick_roll and _LOWER_NICK.fullmatch(bare):
            kind = None  # a nickname in a roll of them, not an office or a description of the one before
        elif out and bare and kind is None and _is_description(bare) and office_first is None:
            # An office or description after the name: `Timo Rantanen, isännöitsijä, sihteeri`.
            kinds = [*_description_roles(bare), *filter(None, map(_annotation_kind, notes)), *remark_kinds]
            for k in kinds:
                _apply(out[-1], _role_over_default(out[-1], k, default_role))
            continue
        org_tail = bool(_ORG_TAIL.match(bare))
        # `Luther, LJ`: initials after a lone first name are someone else, not that person's organisation
        initials = _INITIALS_ONLY.fullmatch(bare) is not None and (
            initials_roll or (bool(out) and " " not in out[-1].name and not one_person)
        )
        if initials and kind is not None and kind[0] == "org":
            kind = None
        if out and kind is not None and (kind[0] != "org" or is_organisation(bare) or lone_org or org_tail):
            _apply(out[-1], _role_over_default(out[-1], kind, default_role))
            for k in [k for n in notes for k in _note_kinds(n)] + remark_kinds:
                _apply(out[-1], _role_over_default(out[-1], k, default_role))
            continue
        # A trailing acronym is an organisation: `Sami Kivivasara VM`.
        toks = bare.split()
        org = None
        # `Tim Roe from the Council`, `Ann Lee of Parks Department`: the name, then the organisation.
        frm = _FROM_BODY.match(bare)
        if frm and clean_name(frm["n"]) and (len(frm["n"].split()) >= 2 or is_given_name(frm["n"])):
            bare, org = frm["n"], (frm["o"] or frm["o2"]).strip()
            toks = bare.split()
        if len(toks) >= 3 and _ACRONYM.match(toks[-1].strip(".")):
            org = toks[-1].strip(".")
            bare = " ".join(toks[:-1])
        office_after = bool(out) and len(bare.split()) >= 2 and is_title(bare)
        if office_after or (
            bare and len(bare.split()) >= 2 and (is_organisation(bare) or (out and _org_phrase(bare)))
        ):
            # `Suomen Kuntaliitto` alone is an organisation, not a person; after a name it is that
            # person's, and so are its notes: `Aino Puro, Oulun kaupunki (puheenjohtaja)`. An office
            # (`Ann Lee, Director of Nursing (Vice-Chair)`) gives only its notes.
            if out:
                if not office_after:
                    _apply(out[-1], ("org", bare))
                for k in [k for n in notes for k in _note_kinds(n)] + remark_kinds:
                    _apply(out[-1], _role_over_default(out[-1], k, default_role))
            continue
        # An office before the name: `vesimestari Jarmo Eskelinen`, `Superintendent John Hill`.
        office = _office_prefix(bare)
        prefix_roles: list[tuple[str, str]] = []
        if office and clean_name(bare[office.end() :]) and len(bare[office.end() :].split()) >= 2:
            head = office.group(0).split()[-1]
            whole = _annotation_kind(
                office.group(0).strip().lower()
            )  # `Vice ordf.`: the deputy, not the chair
            # another body's office (`Köyliö-seuran puheenjohtaja`) is no role at this meeting
            if not office.group("body"):
                prefix_roles = [
                    k
                    for k in [whole if whole and whole[0] == "role" else _annotation_kind(head)]
                    if k and k[0] == "role"
                ]
            bare = bare[office.end() :]
        name = bare if nick_roll and _LOWER_NICK.fullmatch(bare) else clean_name(bare)
        if name is None:
            continue
        person = Person(name, [], org, present, not present)
        for k in [*lead_roles, *prefix_roles, *remark_kinds]:
            _apply(person, k)
        for n in notes:
            if _are_initials(n, name):
                continue  # `Ann Lee (AL)`: her initials, which action lines may use, not an organisation
            for k in _note_kinds(n):
                _apply(person, k)
        for n in notes:
            proxy = _PROXY_FOR.fullmatch(n)
            if proxy and (stands_for := _proxied(proxy["n"], nick_roll)):
                # `soap (proxy for mattst88)`: the one represented was not there.
                proxied.append(Person(stands_for, [default_role] if default_role else [], None, False, True))
        # An explicit role beats the list's: `Aleksi Kopponen, siht.` under `Alustajat:` is a secretary.
        if default_role and not person.roles:
            person.roles.append(default_role)
        elif default_role == "guest" and person.roles == ["presenter"]:
            person.roles.insert(0, "guest")  # a guest who presents an item is still a guest
        out.append(person)
    if status and out:
        absent = bool(_ABSENT_STATUS.match(status.group("st")))
        out[-1].present = not absent
        out[-1].absent_said = absent
    return out + proxied


# A title that opens a name in a list run without commas (`Cllr A Brooker Cllr C Evans`); not the second
# of two titles (`Cllr Mrs S Murray`, `County Cllr A Tudor`, `Rev Fr N Cale`).
_HONORIFIC_START = regex(
    r"(?<=[\w).’'])(?<!\bCllr)(?<!\bCounty)(?<!\bUnitary)(?<!\bDistrict)(?<!\bBorough)(?<!\bTown)"
    r"(?<!\bCity)(?<!\band)(?<!\bja)(?<!\boch)(?<!\bRev)(?<!\bRevd)(?<!\bFr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\bSir)"
    r"[ \t]+(?=(?:(?:County|Unitary|District|Borough|Town|City)[ \t]+)?"
    r"(?:Cllrs?|Councillor|Mr|Mrs|Ms|Dr|Rev|Revd|Prof|The)\.?[ \t]+[A-Z])"
)
_HONORIFIC_WORD = regex(r"\b(?:Cllrs?|Councillor|Mr|Mrs|Ms|Dr|Rev|Revd|Prof)\.?[ \t]+[A-Z]")
# Capitalised words joined by lower-case linking words: `City of Leeds`, `Friends of the Park`.
_LINKED_PHRASE = regex(
    r"^[A-ZÅÄÖ][\w&.'’-]*(?:\s(?:of|for|and|the|on|in|upon|&)(?:\s(?:the|and))?\s[A-ZÅÄÖ][\w&.'’-]*"
    r"|\s[A-ZÅÄÖ][\w&.'’-]*){1,5}$"
)
_LINK_WORD = regex(r"\s(?:of|for|and|the|on|in|upon|&)\s")


def _org_phrase(s: str) -> bool:
    """A body's name after a person's, such as `City of Leeds` (linked capitalised words, not a title)."""
    t = s.strip(" .")
    return bool(_LINKED_PHRASE.match(t) and _LINK_WORD.search(t)) and not is_title(t)


# `Yorkshire CCA` after a name: a place and a body's acronym, the organisation of the person before.
_ORG_TAIL = regex(r"^[A-ZÅÄÖ][\w-]+\s[A-ZÅÄÖ]{3,6}$")
_MENTION_RUN = regex(r"(?<=[\w)])[ \t]+(?=@[A-Za-zÅÄÖåäö])")
_ROLL_STATUS = regex(
    r"\s+[-–—:]\s+(?P<st>present|absent|excused|apologies|regrets|not\s+present|läsnä|paikalla|poissa|"
    r"estynyt|estyneenä)\b(?:\s*\([^)]*\))?[\s.]*$",
    re.IGNORECASE,
)
# A chat roll call answered in a word after one entry: `betelgeuse here`, `ferringb late (30 minutes)`
_ROLL_CALL_WORD = regex(
    r"(?<=[\w)])[ \t]+(?P<st>here|present|absent|late|excused)(?:[ \t]*\([^)]*\))?[ \t.]*$", re.IGNORECASE
)


def _roll_status(entry: str) -> re.Match[str] | None:
    """The status said after a roll entry; a bare answer word only after one entry, not a whole list
    (`Apologies: Carl Dahl, Dana Fox; all other members present` says nothing of Dana)."""
    status = _ROLL_STATUS.search(entry)
    if status is None and "," not in entry and ";" not in entry and len(entry.split()) <= 4:
        status = _ROLL_CALL_WORD.search(entry)
    return status


# A class, unit or room code after a name (`Adam Willman TE14`, `Aino Aalto 9B`): letters and digits
_UNIT_CODE = regex(
    r"(?<=[^\W\d_]{2})[ \t]+(?:(?=[A-ZÅÄÖ]{1,4}\d)[A-ZÅÄÖ]{1,4}\d{1,4}|\d{1,2}[A-ZÅÄÖa-zåäö])$"
)
_ITEM_TAIL = regex(r"[ \t]+(?:kohdan|kohdassa|kohdissa|kohdat)[ \t]+\d[^,;]*$", re.IGNORECASE)
_PARTIAL_TAIL = regex(
    r"[ \t]+(?:[-–—][ \t]*)?(?:(?:saapui|poistui|kom|gick|arrived|left|joined)\b"
    # `Lennart Stålberg (LS) - fr om punkt 9`, `from item 4`: there from an agenda item on
    r"|(?:fr\.?[ \t]*o\.?[ \t]*m\.?|från(?:[ \t]+och[ \t]+med)?|from"
    r"|t\.?[ \t]*o\.?[ \t]*m\.?|till[ \t]+och[ \t]+med)"
    r"[ \t]+(?:punkt|§|item|paragraf|pykälä)?[ \t]*\d"
    # `Anna-Maria Soininvaara koko päivän`, `Maija Berndtson iltapäivän`: which part of the day
    r"|(?:koko[ \t]+päivän|aamupäivän|iltapäivän|osan[ \t]+aikaa|förmiddagen|eftermiddagen|hela[ \t]+dagen"
    r"|(?:in[ \t]+the[ \t]+)?(?:morning|afternoon)[ \t]+only)\b"
    # `Minna Turtiainen 17.30 lähtien`: there from (or until) a time
    r"|(?:klo\.?[ \t]*|kl\.?[ \t]*|from[ \t]+|until[ \t]+)?\d{1,2}[.:]\d{2}"
    r"(?:[ \t]*(?:lähtien|alkaen|asti|saakka|onwards))?(?![\w.:]))[^,;]*$",
    re.IGNORECASE,
)


def _without_partial_tail(s: str) -> str:
    """The entry without what says when the person came or left (`Lennart Stålberg - fr om punkt 9`)."""
    late = _PARTIAL_TAIL.search(s)
    if late is None or not LETTER.search(s[: late.start()]):
        return s
    head = s[: late.start()]
    # (inside a note the tail is the note's: `Milja Ahonen (Poistui kohdassa §6 klo. 15.52)`)
    return head.rstrip() if head.count("(") == head.count(")") else s


# `gäst Helena`, `sihteeri Aino`: a role word before a lone given name
_ROLE_BEFORE_GIVEN = regex(r"(?P<r>[a-zåäö][\w.]{1,25})\s+(?P<n>[A-ZÅÄÖ][a-zåäö'’-]+)\b(?!\s+[A-ZÅÄÖ])")
# `Tor-telefonansvarig`: an office glued to a first name with a hyphen
_GLUED_OFFICE = regex(r"(?P<n>[A-ZÅÄÖ][a-zåäö'’]{1,20})\s?-\s?(?P<r>[a-zåäö][a-zåäö-]{3,30})")
# `Erkki Ikonen pj`, `Aalto Lilli varsinainen jäsen`, `Ek Per ordinarie ledamot`: an office after the name
# another body's chair, its name in the genitive: `kunnanhallituksen puheenjohtaja`, `styrelsens ordförande`
_OTHER_BODY_CHAIR = regex(
    r"[a-zåäö-]+(?:n|s)\s+(?:(?:I{1,2}|1\.|2\.)\s+)?(?:vara|vice[ -])?"
    r"(?:puheenjohtaja|pj\.?|ordförande|ordf\.?)",
    re.IGNORECASE,
)
_TRAILING_ROLE = regex(
    r"(?<=[\w.])[ \t]+(?:(?:varsinainen|ordinarie|full|voting|elected|co-opted|valittu)[ \t]+)?"
    r"(?P<r>[a-zåäö][\w.]{1,20})$"
)


def _described_by(piece: str, tail: re.Match[str]) -> bool:
    """Whether a full name's trailing word is an office with no role here (`Heikkinen Jari kunnanjohtaja`)."""
    return (
        len(piece[: tail.start()].split()) >= 2
        and _annotation_kind(tail.group("r")) is None
        and is_title(tail.group("r"))
    )


# The dash may touch the name: `Kamila Klidzia– block manager`.
_SPACED_REMARK = regex(r"\s[-/]\s+(?P<r>[^-/()]{1,40})$")
# (also right after a note in brackets: `Patrick Bywater (JPB)– Secretary`)
_DASH_REMARK = regex(r"(?:\s(?:[–—]|--)\s*|(?<=[\w)])[–—]\s+)(?P<r>[^–—()]{1,80})$")
_ABSENT_STATUS = regex(r"absent|excused|apologies|regrets|not|poissa|estyn", re.IGNORECASE)
# Lower-case words (an office) or capitalised title words before a capitalised name; or a body's
# name in the genitive before its office (`Köyliö-seuran puheenjohtaja Anneli Laine`).
_OFFICE_BEFORE = regex(
    r"^(?:(?:[a-zåäö][\w-]*\.?\s+){1,3}|(?:[A-ZÅÄÖ][\w-]*\s+){1,3}"
    r"|(?P<body>[A-ZÅÄÖ][\w-]*n\s+)(?:[a-zåäö][\w-]*\s+){1,2})(?=[A-ZÅÄÖ][\w'’-]+\s+[A-ZÅÄÖ])"
)


def _office_prefix(piece: str) -> re.Match[str] | None:
    """The office before the name in a list piece (`vesimestari Jarmo Eskelinen`), if there is one."""
    office = _office_before(piece)
    if office is None and piece[:1].isupper():
        # `Ordförande Lars Erik Sjölund`, `Kassör Bengt Gulin`, `Vice ordf. Kurt Lundström`: a Swedish or
        # Finnish office with a capital as a roll writes it (a name of three words leaves the office one)
        office = _CAPITALISED_OFFICE.match(piece)
        low = office.group(0).strip().lower() if office else ""
        known_office = _role_words(low) or _annotation_kind(low) or _OFFICE_COMPOUND.fullmatch(low)
        if not low or not (known_office or _FI_OFFICE.search(low)):
            office = None
    return office


# (`body`, a group that never takes part, so that the caller reads this match as it reads _OFFICE_BEFORE's)
_CAPITALISED_OFFICE = regex(
    r"(?P<body>(?!))?[A-ZÅÄÖ][\w-]*\.?\s+(?:[a-zåäö][\w-]*\.?\s+)?(?=[A-ZÅÄÖ][\w'’-]+\s+[A-ZÅÄÖ])"
)


def _office_before(piece: str) -> re.Match[str] | None:
    office = _OFFICE_BEFORE.match(piece)
    if office is None:
        return None
    if office.group("body"):
        ok = is_title(piece[office.end("body") : office.end()])  # the words after the body: an office
    else:
        ok = office.group(0)[:1].islower() or is_title(office.group(0)) or _role_words(office.group(0))
    return office if ok else None


def _role_words(s: str) -> bool:
    """Whether every word names a meeting role (`Ordf`, `Ordförande`, `Sekr.`), in any language."""
    kinds = [_annotation_kind(w.strip(".").lower()) for w in s.split()]
    return bool(kinds) and all(k is not None and k[0] == "role" for k in kinds)


def _without_office(piece: str) -> str:
    """A list piece without an office before the name (`vesimestari Jarmo Eskelinen` -> the name)."""
    office = _office_prefix(piece)
    return piece[office.end() :] if office else piece


def _are_initials(note: str, name: str) -> bool:
    """Whether a bracketed note is the initials of the name (`AL` for `Ann Lee`, `A.L.`, `AnL`)."""
    letters = _NON_WORD_CHAR.sub("", note)
    words = [w for w in _SPACE_OR_HYPHEN.split(name) if w]
    if not letters.isupper() or not 2 <= len(letters) <= 4 or len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    return letters.upper() == initials or (letters[0] == initials[0] and letters[-1] == initials[-1])


def _role_over_default(p: Person, kind: tuple[str, str], default_role: Role | None) -> tuple[str, str]:
    """An explicit role replaces the role the list gave (`member`); returns the kind unchanged."""
    # A guest who presents an item stays a guest.
    # A member who presents an item stays a member: presenting is what they did, not why they came.
    keeps = default_role in ("guest", "member") and kind[1] == "presenter"
    if kind[0] == "role" and default_role is not None and p.roles == [default_role] and not keeps:
        p.roles.clear()
    return kind


def _apply(p: Person, kind: tuple[str, str]) -> None:
    what, value = kind
    if what == "role":
        if value not in p.roles:
            p.roles.append(value)  # type: ignore[arg-type]
    elif what == "absent":
        p.present = False
        p.absent_said = True
    elif what == "org" and p.organization is None:
        p.organization = value


def _given_name_first(people: list[Person], document_order: bool = False) -> bool:
    """A list written `Surname Firstname` (`Rinne Heimo, Nappu Juha`) is turned to `Heimo Rinne`; whether
    it was. `document_order`: the document's other lists are so written, so a short one is read alike
    where its second word is a given name (`Poissa` / `Järvinen Olli`)."""
    if not document_order and not surname_first([p.name for p in people]):
        return False
    for p in people:
        toks = p.name.split()
        # In a list written surname first, a name whose first word is no known given name is turned too.
        if len(toks) == 2 and not is_given_name(toks[0]) and (not document_order or is_given_name(toks[1])):
            p.name = f"{toks[1]} {toks[0]}"
            p.key = _key(p.name)
    return True


class _Registry:
    """Participants merged by name: `Nick A.` and `Nick Avramoussis` are one person."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def find(self, name: str, loose: bool = True) -> Person | None:
        key = _key(name)
        # `Nappu Juha` in a register's order is `Juha Nappu`.
        swapped = " ".join(reversed(key.split(" "))) if key.count(" ") == 1 else key
        for p in self.people:
            if p.key == key or p.key == swapped:
                return p
        if not loose:
            return None
        toks = name.replace(".", "").split()
        if len(toks) == 2:
            # `Nick A.` is `Nick Avramoussis`: the same first name, one last name the other's initial.
            for p in self.people:
                ptoks = p.name.replace(".", "").split()
                if len(ptoks) == 2 and toks[0] == ptoks[0]:
                    a, b = toks[1], ptoks[1]
                    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
                        return p
            # `Session chair: Thorsten Behrens` over a roll of first names (`Thorsten, Laszlo, ...`)
            same_first = [p for p in self.people if p.name.split()[0] == toks[0]]
            if len(same_first) == 1 and same_first[0].key == toks[0].lower():
                return same_first[0]
        elif len(toks) == 1:
            hits = [p for p in self.people if p.name.split()[0] == toks[0]]
            if len(hits) == 1:
                return hits[0]
        return None

    def add(self, person: Person, *, create: bool = True, loose: bool = True) -> Person | None:
        # Two list entries are one person only by the same name: `Peter C.` (regrets) is not
        # `Peter Cheng` (attendee); a statement (`Secretary was Nick Avramoussis`) may complete `Nick A.`.
        found = self.find(person.name, loose)
        if found is None:
            if not create:
                return None
            self.people.append(person)
            return person
        if len(person.name.replace(".", "")) > len(found.name.replace(".", "")) and " " in person.name:
            found.name = person.name
            found.key = person.key
        for r in person.roles:
            if r not in found.roles:
                found.roles.append(r)
        if person.absent_said:
            found.present = False
            found.absent_said = True
        if found.organization is None:
            found.organization = person.organization
        return found


def _key(name: str) -> str:
    return _KEY_NOISE.sub(" ", name.lower()).strip()


def _label_info(label: str) -> tuple[Role | None, bool]:
    low = _SPACES.sub(" ", label.lower())
    for rx, role, present in _LIST_RX:
        if rx.fullmatch(low):
            return role, present
    for srx, srole in _SINGLE_RX:
        if srx.fullmatch(low):
            return srole, True
    return "member", True


def _listed_label(label: str) -> bool:
    """Whether a label is one of the list labels (not the default that an unknown label gets)."""
    low = _SPACES.sub(" ", label.lower())
    return any(rx.fullmatch(low) for rx, _, _ in _LIST_RX)


def _is_single(label: str) -> bool:
    """Whether a label names one officer (`Chair:`) rather than a list of people."""
    low = _SPACES.sub(" ", label.lower())
    return any(rx.fullmatch(low) for rx, _ in _SINGLE_RX)


_PRESENT_CELL = regex(
    r"^(?:x|✓|✔|kyllä|k|yes|y|ja|läsnä|paikalla|present|attended|närvarande)$", re.IGNORECASE
)
_ABSENT_CELL = regex(
    r"^(?:poissa|absent|no|ei|nej|-|–|—|estynyt|apologies|regrets|sent regrets|not present|frånvarande)$",
    re.IGNORECASE,
)
_TABLE_HEADER = regex(
    r"^(?:nimi|name|jäsen|member|henkilö|person|participant|osallistuja|attendee)$", re.IGNORECASE
)


def _table_row(t: str, role: Role | None, present: bool) -> list[Person]:
    """A table row `name | role | x/poissa`: one person; other cells give roles, organisation, presence."""
    cells = [c.strip() for c in t.strip().strip("|").split("|")]
    if len(cells) < 2 or not cells[0] or _TABLE_HEADER.match(cells[0]):
        return []
    office = _annotation_kind(cells[0])
    if office is not None and " " in cells[1] and clean_name(cells[1]) is not None:
        cells[:2] = [cells[1], cells[0]]  # `Kassör | Lukas Gartman | Ja`: the office first, then the name
    said: bool | None = None
    notes: list[str] = []
    for cell in cells[1:]:
        if _PRESENT_CELL.match(cell):
            said = True
        elif _ABSENT_CELL.match(cell):
            said = False
        elif cell:
            notes.append(cell)
    people = split_people(", ".join([cells[0], *notes]), role, present, one_person=True)
    if not people or clean_name(_PARENTHESISED.sub("", cells[0])) is None:
        return []
    person = people[0]
    if said is not None:
        person.present = said
        person.absent_said = not said
    return [person]


_COL_ROLE = regex(
    r"^(?:tehtävä|rooli|role|title|position|asema|virka|office|function|roll|befattning)$", re.IGNORECASE
)
_COL_PRESENT = regex(
    r"^(?:läsnä|present|attendance|attended|paikalla|läsnäolo|presence|status|närvarande|osallistui)\??$",
    re.IGNORECASE,
)
_COL_ORG = regex(
    r"^(?:organisaatio|organisation|organization|edustaa|taho|company|affiliation|yhteisö|representing|"
    r"yritys|employer|organisation/taho|edustaja)$",
    re.IGNORECASE,
)
_SEPARATOR_ROW = regex(r"^[\s|:+=-]+$")


def _cells(line: str) -> list[str]:
    return [c.strip().strip("*_`").strip() for c in line.strip().strip("|").split("|")]


_TASK_COLUMN = regex(r"actions?(?:\s+items?|\s+points?)?|tasks?|toimenpiteet|toimenpide|åtgärder|åtgärd")


def _header_tables(text: str, reg: _Registry) -> bool:
    """Participant tables with a header row (`Nimi | Tehtävä | Läsnä`, `Name | Role | Present`)."""
    if "|" not in text:
        return False
    lines = text.splitlines()
    found = False
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "|" not in line:
            continue
        head = _cells(line)
        name_col = next((k for k, c in enumerate(head) if _TABLE_HEADER.match(c)), None)
        if name_col is None or any(_TASK_COLUMN.fullmatch(c.strip(" *_:").lower()) for c in head):
            continue  # (`Name | Action`: whose each task is, not who came)
        role_col = next((k for k, c in enumerate(head) if _COL_ROLE.match(c)), None)
        pres_col = next((k for k, c in enumerate(head) if _COL_PRESENT.match(c)), None)
        org_col = next((k for k, c in enumerate(head) if _COL_ORG.match(c)), None)
        rows: list[list[str]] = []
        while i < len(lines):
            row = lines[i]
            if not row.strip() or _SEPARATOR_ROW.match(row):
                i += 1
                continue
            if "|" not in row:
                break
            rows.append(_cells(row))
            i += 1
        # A presence column of marks: an empty cell beside others' `x` says absent.
        marks = pres_col is not None and any(
            pres_col < len(r) and _PRESENT_CELL.match(r[pres_col]) for r in rows
        )
        for r in rows:
            raw = r[name_col] if name_col < len(r) else ""
            bare = _PARENTHESISED.sub(" ", raw).strip()
            name = clean_name(_without_office(bare))
            if name is None:
                continue
            role_cell = r[role_col] if role_col is not None and role_col < len(r) else ""
            # The role cell reads like the notes after a name in a list: `Suunnittelu Oy, asiantuntija`.
            person = split_people(
                ", ".join(c for c in (raw, role_cell) if c), "member", True, one_person=True
            )
            p = person[0] if person and person[0].key == _key(name) else Person(name, ["member"])
            if org_col is not None and org_col < len(r) and r[org_col] and p.organization is None:
                p.organization = r[org_col]
            if pres_col is not None:
                cell = r[pres_col] if pres_col < len(r) else ""  # a trailing empty cell is lost in the line
                if _ABSENT_CELL.match(cell) or (marks and not cell):
                    p.present, p.absent_said = False, True
            if not p.roles:
                p.roles.append("member")
            reg.add(p, loose=False)
            found = found or p.present
    return found


# `Rantala, Marcus` alone in its column: a surname, a comma, the first names (a register's order).
_SURNAME_FIRST = regex(
    r"^(?P<last>[A-ZÅÄÖ][\w'’-]+),[ \t]*(?P<first>[A-ZÅÄÖ][\w'’-]*\.?(?:[ \t-]?[A-ZÅÄÖ][\w'’-]*\.?)?)"
    r"(?P<rest>[ \t]*\([^()]*\))?$"
)


# A register's presence column run into the line: `Ida Berg X`, `Ida Berg Anmält förhinder`.
_PRESENCE_CELL = regex(
    r"^(?P<n>[^\W\d_][^,()]*?[^\W\d_])[ \t]+(?:(?P<x>[xX✓✔])(?:,[ \t]*(?P<note>.+))?|"
    r"(?P<absent>anmält[ \t]+förhinder|anmält[ \t]+frånvaro|frånvarande|ej[ \t]+närvarande|poissa|estynyt|"
    r"absent|apologies|excused))[ \t.]*$",
    re.IGNORECASE,
)


_LIST_SENTENCE = regex(r"(?:(?<=\))|(?<=[a-zåäö]{4}))\.[ \t]+(?=[A-ZÅÄÖ])")


def _presence_cell(line: str) -> str:
    """A name with its presence mark after it, rewritten as the name with a note: `Ida Berg (poissa)`."""
    m = _PRESENCE_CELL.match(line) if len(line) <= 120 else None
    if m is None or len(m["n"].split()) < 2 or clean_name(m["n"]) is None:
        return line
    if m["absent"]:
        return f"{m['n']} ({m['absent'].lower()})"
    return f"{m['n']} ({m['note']})" if m["note"] else m["n"]


_MD_LINK = regex(r"\[([^\[\]\n]{1,80})\]\([^()\s]{1,300}\)")
# an organisation whose name opens with a number: 'Raúl Raja, 47 Degrees', 'Ann Lee, 3M'
_NUMBERED_ORG = regex(r"\d+[\w&.-]*(?:[ \t]+[A-ZÅÄÖ][\w&.-]*){0,3}")


# `Paul Allison (PA) – Chair Steve Barrett (SB)`: each person with their own initials in brackets
_NAME_WITH_INITIALS = regex(
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){1,2})[ \t]*\((?P<ini>[A-ZÅÄÖ]{2,3})\)"
)


def _initialled_people(line: str, role: Role | None, present: bool) -> list[Person]:
    """People written `Name (NI)`, two or more on a line whose initials fit; a role word after a dash."""
    found: list[tuple[int, int, str]] = []  # (start of the name, end of the brackets, the name)
    for m in _NAME_WITH_INITIALS.finditer(line):
        words = m["name"].split()
        # `– Chair Steve Barrett (SB)`: the office of the person before is no part of this name
        while len(words) > 2 and (not _initials_fit(" ".join(words), m["ini"]) or _office_word(words[0])):
            words = words[1:]
        if _initials_fit(" ".join(words), m["ini"]):
            found.append((m.end() - len(m.group(0)) + m.group(0).index(words[0]), m.end(), " ".join(words)))
    if len(found) < 2:
        return []
    # Only when every name on the line has its initials: `Jon Lea (JL), Helen Wri (HW), Joel Marc`
    # is an ordinary list, read the ordinary way.
    rest = line
    for start, end, _name in reversed(found):
        rest = rest[:start] + " " + rest[end:]
    if _NAME_SEQ.search(_INITIALLED_ROLE.sub(" ", rest)):
        return []
    out: list[Person] = []
    for k, (_start, end, name) in enumerate(found):
        person = Person(name, [role] if role else [], None, present, not present)
        between = line[end : found[k + 1][0] if k + 1 < len(found) else len(line)]
        remark = _INITIALLED_ROLE.match(between)
        kind = _annotation_kind(remark.group("r")) if remark else None
        if kind is None and remark is not None and remark.group("r").lower() == "minutes":
            kind = ("role", "secretary")  # `Helen Bowater (HB) – Minutes`: she took them
        if kind is not None and kind[0] == "role":
            _apply(person, _role_over_default(person, kind, role))
        out.append(person)
    return out


_INITIALLED_ROLE = regex(r"[ \t]*(?:--|[–—-])[ \t]*(?P<r>[A-Za-zåäöÅÄÖ]+)")


def _office_word(word: str) -> bool:
    """`Chair`, `Minutes`, `Treasurer`: an office written after the person before, not a first name."""
    low = word.lower()
    kind = _annotation_kind(low)
    return low == "minutes" or (kind is not None and kind[0] == "role")


def _initials_fit(name: str, initials: str) -> bool:
    """Whether `PA` are the initials of `Paul Allison` (first letters of the first and last name)."""
    parts = name.split()
    return initials[0] == parts[0][0].upper() and initials[-1] == parts[-1][0].upper()


_CAPITAL_WORD = regex(r"(?<![\w-])[A-ZÅÄÖ][\w'’-]+")
_GAP_BEFORE_NOTE = regex(r"[ \t]{2,}(?=\([^()]*\)[ \t]*$)")


_CAPS_WORD = regex(r"[A-ZÅÄÖÜÉ]{3,}")
_LETTERS = regex(r"[^\W\d_]+")


def _caps_to_title(s: str) -> str:
    """A roll written in capitals (`PRESENT: MATTHEW O'BRIEN (CHAIR), ÅSA LIND`) as names are written."""
    if s != s.upper() or len(_CAPS_WORD.findall(s)) < 2:
        return s
    # initials stay as they are (`BY, DD`): only words of three letters or more are names in capitals
    return _LETTERS.sub(lambda m: m.group().capitalize() if len(m.group()) >= 3 else m.group(), s)


def _initials_given(name: str, line: str) -> bool:
    """Whether the line writes the name followed by its initials in brackets: `Helen Bowater (HB)`."""
    at = line.find(f"{name} (")
    close = line.find(")", at) if at >= 0 else -1
    return close > 0 and _are_initials(line[at + len(name) + 2 : close], name)


# `- WQ - Weiqing Qu, Bureau of Meteorology`: the person's own initials before the name
_INITIALS_THEN_NAME = regex(
    r"[ \t]*(?:[-*•+][ \t]+)?(?P<ini>[A-ZÅÄÖ]{2,3})[ \t]+[-–—:][ \t]+(?P<name>[^,(\[]+)"
)


def _initials_first(line: str) -> str:
    """`WQ - Weiqing Qu, Met Office, UK [UKMO], Chair` as `Weiqing Qu (WQ, Met Office, UK UKMO, Chair)` when
    the letters are the name's initials: a register of one person a line, the rest of it notes on them."""
    m = _INITIALS_THEN_NAME.match(line)
    if m is None:
        return line
    name = m["name"].strip()
    if not _are_initials(m["ini"], name):
        return line
    notes = line[m.end("name") :].strip().lstrip(",").replace("[", "").replace("]", "").replace("(", "")
    notes = notes.replace(")", "").strip()
    return f"{name} ({m['ini']}{', ' + notes if notes else ''})"


# `Clubs and Societies Officer Jamie Hemingway`: a capitalised office before the full name on a roll line
_OFFICE_THEN_NAME = regex(
    r"(?P<office>(?:[A-ZÅÄÖ][\w'’-]*[ \t]+(?:(?:and|of|for|&)[ \t]+)?){1,7}?)"
    r"(?P<name>[A-ZÅÄÖ][a-zåäö'’-]+[ \t]+[A-ZÅÄÖ][\w'’-]+)[ \t]*"
)
_OFFICE_HEADS = words(
    """officer president chair chairman chairperson secretary treasurer rep representative director
    coordinator manager convenor convener captain editor clerk head lead sabbatical"""
)


def _office_first(line: str) -> str:
    """`Sports Officer Lucy Dowdall` as `Lucy Dowdall (Sports Officer)`: an office word before the name."""
    toks = line.split()
    heads = [k for k, w in enumerate(toks) if w.lower() in _OFFICE_HEADS]
    if not heads or _OFFICE_THEN_NAME.fullmatch(line.strip()) is None:
        return line
    # the name starts after the last office word (`President Anna Maria Berg`, `Sports Officer Lucy Dowdall`)
    office, name = toks[: heads[-1] + 1], toks[heads[-1] + 1 :]
    if not 2 <= len(name) <= 3 or not all(w[:1].isupper() for w in name):
        return line
    return f"{' '.join(name)}, {' '.join(office)}"


def _line_people(line: str, role: Role | None, present: bool) -> list[Person]:
    """People on one list line: table cells, columns, or `Name, office (Org)` entries; [] for prose."""
    if "-" in line or ":" in line or "–" in line:
        line = _initials_first(line)
    elif "," not in line and "(" not in line and line[:1].isupper():
        line = _office_first(line)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)  # '[Hanno Becker](https://github.com/...), AWS': the name
    if "&" in line:
        line = _HTML_SPACE.sub(" ", line).rstrip()
    if line.count("|") >= 1 and not _WIKI_LINK_BRACKETS.search(line):
        return _table_row(line, role, present)
    if "attendance" in line and _IN_ATTENDANCE.search(line):
        return []  # `Mr J Cole, Highways Officer, was in attendance.` is a sentence, read as one
    if ". " in line and _LIST_SENTENCE.search(line):
        # `A, B och C (på plats). D (via Teams).`: two sentences, each a list of people.
        parts = [_line_people(part, role, present) for part in _LIST_SENTENCE.split(line) if part.strip()]
        if len(parts) >= 2 and all(any(" " in p.name for p in part) for part in parts):
            return [p for part in parts for p in part]
    # Wide gaps (two or more spaces, or a tab) separate columns: `Aino Aalto   Iida Ilo` is two people.
    bare_line = _presence_cell(_BULLET.sub("", line).strip())
    if "(" in bare_line:
        bare_line = _GAP_BEFORE_NOTE.sub(" ", bare_line)  # `Esa Häkkinen   (saapui klo 14:34)`: one entry
    cut = _without_partial_tail(bare_line)
    if not _COLUMN_GAP.search(bare_line[len(cut) :].lstrip(" \t-–—")):
        bare_line = cut  # `Lennart Stålberg (LS) -  fr om punkt 9`: the gap is no second column
    columns = [c for c in _COLUMN_GAP.split(bare_line) if c.strip()]
    out: list[Person] = []
    for n_col, col in enumerate(columns):
        t = col.strip()
        if not t or RST_UNDERLINE.match(t):
            continue
        if out and n_col > 0 and _CODE_CELL.fullmatch(t):
            continue  # `Hirvikoski Vuokko    4B`: a class, room or unit code beside the name, no one's name
        if out and n_col > 0 and _is_description(t):
            # A column of offices beside the names: `Aino Aalto     kaksikielisyystoimikunnan puheenjohtaja`.
            for k in _description_roles(t):
                _apply(out[-1], _role_over_default(out[-1], k, role))
            continue
        inverted = _SURNAME_FIRST.match(t) if n_col == 0 else None
        if inverted:
            t = f"{inverted['first']} {inverted['last']}{inverted['rest'] or ''}"
        people = split_people(t, role, present, one_person=True)
        if not people:
            return []
        if len(people) >= 2 and all(_initials_given(p.name, t) for p in people):
            # `Helen Bowater (HB) – Minutes Mike Way (MW)`: each name with its initials, two columns
            # of a roll run together; no prose writes people so
            out.extend(people)
            continue
        # Every piece must be a name, a note, an office or an organisation: a prose line is no list line.
        answered = _roll_status(t)
        t = _AKA.sub("", _DASH_REMARK.sub("", _hyphen_org(t[: answered.start()] if answered else t)))
        t = _without_partial_tail(t)
        # (a piece left as only punctuation, `(BS).` with its bracket gone, is no piece)
        pieces = [p for p in _split_top(_BRACKETED.sub("", _BULLET_MARK.sub("", t))) if p.strip(" .;:")]
        if pieces:
            tail = _TRAILING_ROLE.search(pieces[0])
            if tail and (_annotation_kind(tail.group("r")) is not None or _described_by(pieces[0], tail)):
                pieces[0] = pieces[0][: tail.start()]
        nicks = _nick_roll(pieces)
        if not pieces or (
            clean_name(_without_office(_TRAILING_ACRONYM.sub("", pieces[0]))) is None
            and not (nicks and _LOWER_NICK.fullmatch(pieces[0].strip()))
        ):
            return []
        for p in pieces[1:]:
            ok = (
                clean_name(_TRAILING_ACRONYM.sub("", p)) is not None
                or (nicks and _LOWER_NICK.fullmatch(p.strip()) is not None)
                or _TITLED_INITIALS.match(p) is not None
                or _annotation_kind(p) is not None
                or (len(p.split()) <= 6 and (is_organisation(p) or _org_phrase(p) or is_title(p)))
                or _NUMBERED_ORG.fullmatch(p) is not None
                or (_is_description(p) and len(p.split()) <= 6)
                # `Salovuori Tuomo, Hengellisen työn kehittäjä, kohta 124 §`: an office in sentence case
                or _SENTENCE_CASED_OFFICE.fullmatch(p.strip()) is not None
            )
            if not ok:
                return []
        out.extend(people)
    return out


_SENTENCE_CASED_OFFICE = regex(r"[A-ZÅÄÖ][a-zåäö-]+(?:[ \t]+[a-zåäö-]+){1,4}")
_CODE_CELL = regex(r"(?=[^,]*\d)[\w./-]{1,6}(?:,[ \t]*[\w./-]{1,6})*")
# `Councillors: A, B`, `Board Members - Thorsten Behrens, Paolo Vecchi`: a group inside the roster
_MID_SUB_LABEL = regex(r"(?<=[\w.,;)])[ \t]+[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+[a-zåäö]+){0,2}:[ \t]+(?=[A-ZÅÄÖ])")
_SUB_LABEL = regex(
    r"^(?P<label>[A-ZÅÄÖ][^\W\d_]*(?:[ \t]+[^\W\d_]+){0,3})(?::|[ \t]+[-–])(?:[ \t]+(?P<rest>\S.*)|[ \t]*)$"
)
# A Markdown checkbox before a roll-call entry: `[x] Ann Lee` came, `[ ] Bo Ek` did not.
_TICK = regex(r"^(?:[-*•+][ \t]+)?\[(?P<box>[ xX✓✔])\][ \t]+")
# A group heading over a second roll label: the staff, not members of the body
_STAFF_GROUP = regex(r"(?:henkilöstö|henkilökunta|toimisto|staff|personalen|tjänstemän|kansliet)\W*", re.I)
# A roll's row label (absent, guests) before the first name of its cell, with no colon between
_ROW_LABEL = regex(
    r"(?:[-*•][ \t]+)?(?P<label>adjungerade?|absent\s+with(?:out)?\s+apologies|apologies(?:\s+for\s+absence)?"
    r"|absent|regrets|excused"
    r"|non[- ]members|guests?|visitors|observers|in\s+attendance|also\s+present|poissa|frånvarande"
    r"|vieraat|gäster|övriga\s+närvarande)[ \t]+(?=(?-i:[A-ZÅÄÖ]))",
    re.IGNORECASE,
)

_PresenterBlocks = list[tuple[int, list[Person]]]


def _list_blocks(
    text: str, lines: list[str], reg: _Registry, region_end: int
) -> tuple[bool, set[int], _PresenterBlocks]:
    """Read labelled lists: whether an attendance list was found, the lines (indices) used, and the
    presenter lists (`Alustajat:`) with their last line."""
    used: set[int] = set()
    presenter_blocks: _PresenterBlocks = []
    found_list = _labelled_lists(lines, reg, used, presenter_blocks)
    _single_labels(lines, reg, used)
    found_list = _inline_lists(text, reg, region_end, used) or found_list
    return found_list, used, presenter_blocks


# `Närvarande:   Elva (11) röstberättigade medlemmar:`: a label, a count or a group, then the list below
_COUNTED_LABEL_LINE = CaseBlind(
    regex(
        r"^[ \t]*(?:\*\*)?(?P<label>" + _ALL_LIST + r")(?:\*\*)?[ \t]*:[ \t]*[^,:\n]{1,60}:[ \t]*$",
        re.IGNORECASE,
    )
)


# `- James Belsey, Morgan Stanley`: one entry a line, the name, a comma, then one more part
_NAME_COMMA_PART = regex(r"[ \t]*(?:[-*•+][ \t]+)?(?P<name>[^,()]+?),[ \t]*(?P<part>[^,()]+?)[ \t]*")


def _affiliation_rows(lines: list[str]) -> set[int]:
    """Lines of a roll written `Name, Company` where most of the run's second parts are plainly
    organisations (`SAP`, `EPFL`, `47 Degrees`): there every second part is one (`Morgan Stanley` too)."""
    rows: set[int] = set()
    run: list[tuple[int, str]] = []
    for i, line in enumerate([*lines, ""]):
        m = _NAME_COMMA_PART.fullmatch(line) if "," in line and len(line) <= 90 else None
        if m and clean_name(m["name"].strip()) and " " in m["name"].strip():
            run.append((i, m["part"].strip()))
            continue
        plain = [part for _i, part in run if _plainly_organisation(part)]
        if len(run) >= 3 and len(plain) * 2 >= len(run):
            rows.update(k for k, _part in run)
        run = []
    return rows


def _plainly_organisation(part: str) -> bool:
    """A second part no one would read as a person's name: an acronym, a number, a slash, one word that
    is no given name, or an organisation's own words."""
    toks = part.split()
    return bool(toks) and (
        is_organisation(part)
        or any(c.isdigit() or c == "/" for c in part)
        or (len(toks) == 1 and toks[0][:1].isupper() and not is_given_name(toks[0]))
    )


_COLUMN_NICK = regex(r"[\w.-]{2,24}")


def _nick_column(lines: list[str], start: int) -> dict[int, tuple[str, bool | None]]:
    """The lines of a column of chat nicknames under a label (`- japaric` / `- adamgreig` / `- Plouj`):
    line index -> (nick, whether the roll call said there or not, None when it said nothing), when three or
    more lines in a row hold one word each, nearly all lower-case."""
    column: dict[int, tuple[str, bool | None]] = {}
    j = start
    while j < len(lines) and not lines[j].strip():
        j += 1
    while j < len(lines) and lines[j].strip():
        word = _BULLET.sub("", lines[j])
        said = _roll_status(word)  # `- ferringb late (30 minutes)`: the answer after the nick
        if said:
            word = word[: said.start()]
        word = _BRACKETED.sub(" ", word).strip()
        if not _COLUMN_NICK.fullmatch(word) or word.lower() in _NOT_NAMES:
            break
        if not _is_bot(word):  # `zodbot`: the meeting's bot, no one at the meeting
            column[j] = (word, None if said is None else not _ABSENT_STATUS.match(said["st"]))
        j += 1
    return column if _nick_roll([nick for nick, _ in column.values()]) else {}


# a sentence in place of the list (`As recorded in the attendance book`): no names follow under the label
_SENTENCE_LINE = regex(r"\W*[A-ZÅÄÖa-zåäö][\w'’-]*(?:[ \t]+[a-zåäö][\w'’-]*){3,}[ \t.]*")


# A roll's label said in a few words around its presence word: `Elva mer eller mindre närvarande personer:`,
# `The following were present:`, `Seuraavat henkilöt olivat läsnä:` (not `Not present:`)
_PHRASED_LABEL_LINE = regex(
    # (`Speakers invited to present:`: the verb, not the roll)
    # (`4 of the 5 Directors were present at the meeting:`)
    r"^[ \t]*(?:[\w-]+[ \t]+){0,6}(?<!\bto\s)"
    r"(?P<label>närvarande|present|läsnä|paikalla|attending)(?:[ \t]+[^\W\d_][\w-]*){0,3}[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_CLOSING_LABEL = regex(r"[.;!?][ \t]+([^\W\d_][^.;:!?]{0,40}:)[ \t]*$")
_NEGATION = regex(r"\b(?:not|no|ej|inte|icke|ei|eivät|kukaan)\b", re.IGNORECASE)


def _labelled_lists(
    lines: list[str], reg: _Registry, used: set[int], presenter_blocks: _PresenterBlocks
) -> bool:
    """People listed on the lines under a label line (`Läsnä:`); whether an attendance list was found."""
    found_list = False
    affiliated = _affiliation_rows(lines) if any("," in line for line in lines) else set()
    turned = False  # whether a block was written surname first
    unturned: list[list[Person]] = []
    for i, line in enumerate(lines):
        # A label alone on its line is short; a long line is ruled out without the case-blind regex.
        m = _LABEL_LINE.match(line) if len(line) <= 90 else None
        # a counted label (`Läsnä: 5 jäsentä:`) has two colons: most lines are spared both patterns
        if m is None and len(line) <= 90 and line.count(":") >= 2 and not _TWO_LABELS.match(line):
            m = _COUNTED_LABEL_LINE.match(line)
        if m is None and len(line) <= 60 and line.rstrip().endswith(":") and not _NEGATION.search(line):
            m = _PHRASED_LABEL_LINE.match(line)
        if m is None and len(line) > 90 and line.rstrip().endswith(":"):
            # a label closing a long line over the list below it (`... på punkterna och. Deltagare:`)
            tail = _CLOSING_LABEL.search(line)
            m = _LABEL_LINE.match(tail.group(1)) if tail else None
        if not m:
            continue
        role, present = _label_info(m.group("label"))
        above = next((lines[k] for k in range(i - 1, max(i - 4, -1), -1) if lines[k].strip()), "")
        if present and role == "member" and found_list and _STAFF_GROUP.fullmatch(above.strip()):
            role = "guest"  # `Henkilöstö` / `Läsnä:`: the staff present, under the group's own heading
        primary = role == "member"
        used.add(i)
        nicks = _nick_column(lines, i + 1)
        j = i + 1
        seen = False
        prose = 0
        full_names = 0
        block: list[Person] = []
        ticks: list[tuple[Person, bool]] = []
        spaced = False
        bulleted = 0
        last = i
        while j < len(lines):
            t = lines[j].strip()
            if not t or t in "*-•" or RST_UNDERLINE.match(t):
                # A list with a blank line under each entry (`Apologies:` / `` / `A` / `` / `B`) goes on.
                if seen and not primary and not RST_UNDERLINE.match(t) and not spaced:
                    break
                spaced = spaced or (not seen and not t)
                j += 1
                continue
            if t.endswith(":") and not _LABEL_LINE.match(lines[j]) and not _SINGLE_LABEL_LINE.match(lines[j]):
                # A group's heading inside the roster (`Henkilöstön edustajat:`) or the next field
                # (`Dagordning:`): no person; the names under a group go on, absent under a heading
                # that says so (`the following individuals are not in attendance:`).
                if _ABSENT_GROUP.search(t):
                    present = False
                j += 1
                continue
            if (
                _LABEL_LINE.match(lines[j])
                or _INLINE_LABEL.match(lines[j])
                or (seen and _HEADING_LINE.match(lines[j]))
                # an underlined line is the next heading (`Boilerplate` over `-----------`)
                or (j + 1 < len(lines) and RST_UNDERLINE.match(lines[j + 1].strip()))
            ):
                break
            tick = _TICK.match(t)
            if tick:
                t = t[tick.end() :]
            if j in affiliated:
                name_part = _NAME_COMMA_PART.fullmatch(lines[j])
                if name_part and not _plainly_organisation(name_part["part"].strip()):
                    # `James Belsey, Morgan Stanley`: his company, not a second person
                    t = f"{name_part['name'].strip()} ({name_part['part'].strip()})"
            row = _ROW_LABEL.match(t) if t.lstrip("-*• ")[:1].isupper() else None
            if row is not None and _listed_label(row["label"]):
                # `Absent with Apologies Laura Ellis`: a table's label cell run into its first name; the
                # rows below are the label's until the next one
                role, present = _label_info(row["label"])
                t = t[row.end() :]
            # under a roll's label a line in capitals holds names (`MATTHEW O'BRIEN (CHAIR)`), no title
            people = _line_people(_caps_to_title(t), role, present)
            mid = _MID_SUB_LABEL.search(t) if not people and ":" in t else None
            if mid is not None:
                # `Eileen Clout (Chair), Steve Lacey (Secretary) Committee members: Anne Worthington, ...`:
                # a group's label inside the line; the names before it are the label's, after it the group's
                people = _line_people(t[: mid.start()], role, present)
                people += _line_people(t[mid.end() :], role, present) if people else []
            if not people and j in nicks:
                nick, there = nicks[j]
                came = present if there is None else there
                people = [Person(nick, [role] if role else [], None, came, not came)]
            sub = _SUB_LABEL.match(_BULLET.sub("", t)) if not people else None
            if sub:
                # A group inside the roster (`Councillors: A, B`, `Clerk and RFO: Mr C`); no names, no one
                # (`Members of the public: One`).
                # (`Membership Committee Members -` with no one after it: a group with nobody there;
                # `Absent -` heads those below it, who were not there)
                if not sub["rest"] and not _label_info(sub["label"])[1]:
                    present = False
                people = _line_people(sub["rest"], role, present) if sub["rest"] else []
                office = _annotation_kind(sub["label"].split()[0].lower())
                for p in people:
                    if office and office[0] == "role":
                        _apply(p, _role_over_default(p, office, role))
                if not people and seen:
                    j += 1
                    continue
            if (
                full_names >= 2
                and people
                and all(" " not in p.name and not p.name.startswith("@") and not p.roles[1:] for p in people)
                and len(t.split()) <= 4
                and not (bulleted >= 2 and _BULLETED.match(lines[j]))  # one more bullet of a bulleted list
                and not _HONORIFIC_WORD.match(t)  # `Cllr Vaughan (Chair)`: a title marks a person
            ):
                break  # bare words after full names are a heading (`Asiat`, `News & Events`), not people
            if people:
                for p in people:
                    kept = reg.add(p, loose=False)
                    if kept is not None:
                        block.append(kept)
                        if tick:
                            ticks.append((kept, tick.group("box").strip() != ""))
                used.add(j)
                last = j
                seen = True
                full_names += sum(1 for p in people if " " in p.name)
                bulleted += 1 if _BULLETED.match(lines[j]) else 0
                # A count (`Läsnä: 23 jäsentä`) is no list: only named people make one.
                found_list = found_list or present
            elif not seen and prose < 2 and not _SENTENCE_LINE.fullmatch(t):
                prose += 1
            else:
                break
            j += 1
        # `Inkinen Ari puheenjohtaja` / `Kastepohja Jussi`: a block written surname first
        if _given_name_first(block):
            turned = True
        else:
            unturned.append(block)
        if role == "presenter" and block:
            presenter_blocks.append((last, block))
        if any(ticked for _p, ticked in ticks):
            # A roll call of checkboxes: the ticked came; an empty box beside ticked ones is an absence.
            for p, ticked in ticks:
                if not ticked:
                    p.present, p.absent_said = False, True
    for block in unturned if turned else ():
        _given_name_first(block, document_order=True)
    return found_list


def _single_labels(lines: list[str], reg: _Registry, used: set[int]) -> None:
    """One officer on the line under a single-person label (`Sihteeri:` / `Anna Koivu`)."""
    for i, line in enumerate(lines):
        # The label ends in a colon: a line without one is ruled out without the case-blind regex.
        single_m = _SINGLE_LABEL_LINE.match(line) if len(line) <= 90 and ":" in line else None
        if single_m is None and len(line) <= 40 and line.strip()[:1].isupper():
            # `Puheenjohtaja` alone on its line, the name below it (a PDF's two columns).
            single_m = _SINGLE_LABEL_BARE.fullmatch(line.strip())
        if not single_m or i + 1 >= len(lines):
            continue
        k = i + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or k - i > 2 or _LABEL_LINE.match(lines[k]) or _INLINE_LABEL.match(lines[k]):
            continue
        role, _present = _label_info(single_m.group("label"))
        people = _line_people(lines[k].strip(), role, True)
        if len(people) == 1:
            reg.add(people[0])
            used.update((i, k))


_DASH_WRAP = regex(r"[ \t]+[–—][ \t]*\n(?:[ \t]*\n)*[ \t]*(?:[–—][ \t]*)?")
# a list broken after a comma goes on past a blank line too (a PDF's page layout): `A, B,` / `` / `C, D`
_COMMA_WRAP = regex(r"(?<=\w)(?P<sep>,|[ \t]+(?:samt|och|ja|sekä|and))[ \t]*\n[ \t]*\n[ \t]*(?=[A-ZÅÄÖ])")


_PROSE_WORD = regex(r"(?<![\w'’-])[a-zåäö]{3,}\b")


def _as_run_if_more(
    content: str, people: list[Person], role: Role | None, present: bool, *, labelled_group: bool = False
) -> list[Person]:
    """A roll whose commas were lost (`Holm Greta, ordf. Berg Einar Lind Agnes`) read as a run of names
    when that finds more people; else the people as split. Outside a labelled group of a roll, only
    names with a known given name count, and two at least."""
    if not _CAPS_RUN.search(content):
        return people
    run = name_run(content, role, present)
    if not labelled_group:
        run = [p for p in run if any(is_given_name(w.split("-")[0]) for w in p.name.split())]
        if len(run) < 2:
            return people
    return run if len(run) > len(people) else people


# Words of absence before a group's label on its line (`Apologies ... from Councillors:`)
_ABSENCE_LEAD = regex(
    r"(?<!\bno\s)\b(?:apologies|regrets)\b[^.;:!?\n]{0,60}\b(?:received\s+)?(?:from|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _absence_leads(text: str, at: int) -> bool:
    """Whether words of absence run straight into the label at `at`: `Apologies for absence were received
    from Councillors:`; not a title of its own (`1/ Welcome and Apologies: In Attendance:`), a sentence
    that ended (`No apologies were received. Present:`) or none at all (`Apologies - none.`)."""
    line_start = text.rfind("\n", 0, at) + 1
    return _ABSENCE_LEAD.search(text[line_start:at]) is not None


def _inline_lists(text: str, reg: _Registry, region_end: int, used: set[int]) -> bool:
    """Lists after a label on the same line (`Läsnä: A, B ja C`); whether an attendance list was found."""
    found_list = False
    # Inline labels stand in the head; MeetBot notes (`* INFO: members present: ...`) anywhere.
    scope = text if "INFO:" in text else text[: max(region_end, 2000)]
    for m in _INLINE_LABEL.finditer(scope):
        role, present = _label_info(m.group("label"))
        if present and _absence_leads(scope, m.start()):
            present = False  # `Apologies ... received from Councillors: ...`: the group's absentees
        single = _is_single(m.group("label"))
        rest = text[m.end() : m.end() + 4000]  # an inline list is short; never search the whole rest
        # A list broken after a separating dash goes on past the blank line: `A – B –` / `– C – D`.
        rest = _DASH_WRAP.sub(" – ", rest)
        rest = _COMMA_WRAP.sub(lambda w: w["sep"] + " ", rest)
        stop = _STOP_INLINE.search(rest)
        content = rest[: stop.start()] if stop else rest
        # A wrapped list continues on the next line only after a comma or a conjunction.
        chunks = content.split("\n")
        kept = [chunks[0]]
        for c in chunks[1:]:
            # ... or a hard-wrapped list breaks anywhere, even inside a name (`Keijo` / `Moilanen (poistui
            # klo 18.30), Erkki Virtanen`): a line of two or more entries, then one more line of entries.
            wrapped = (
                kept[-1].count(",") >= 2
                and "," in c
                and c.strip()[:1].isupper()
                and not _LABEL_LINE.match(c)
                and not _INLINE_LABEL.match(c)
            )
            # ... or a grid of names without commas goes on over its lines (`Bo Bethge Peter Björkdahl` /
            # `Hans Samuelsson Helena Raubal`): two capitalised words a name, four or more to a line
            grid = _NAME_GRID.fullmatch(kept[-1].strip()) is not None and _NAME_GRID.fullmatch(c.strip())
            if (_CONTINUES_LIST.search(kept[-1]) or wrapped or grid) and c.strip():
                kept.append(c)
            else:
                break
        content = _caps_to_title(" ".join(kept))
        grouped = None if single else _sub_labelled_roll(rest, role, present)
        if grouped is None and (_INLINE_LABEL.match(rest) or _LABEL_LINE.match(content)):
            continue  # `Welcome and Apologies: In Attendance: ...`: an empty field before the next label
        if grouped is None and not single and content.count(",") < 2:
            grouped = office_run(content, role, present)
        if grouped is not None:
            people = grouped
        elif (
            not single
            and len(content) > 150
            and len(_HONORIFIC_WORD.findall(content)) < 2  # titles mark where names start
            and (_CAPS_RUN.search(content) or _joined_names(content))
        ):
            # Names run together without commas (a PDF's lost line breaks): two words a name; unless every
            # comma-separated piece already is one name (`jäsenet A B, C D, E F ja G H; lisäksi I J`).
            people = split_people(content, role, present)
            tops = _split_top(content)
            # prose after the list (`... welcomed everyone and thanked the PTA`) is no names run together
            pieces = sum(1 for t in tops if len(_PROSE_WORD.findall(t)) < 2)
            # `arkkipiispa Leo (puheenjohtaja), ..., kirkkoherra Markku Salminen`: titles before the names,
            # a comma after each entry; no piece holds two names run together
            titled = len(people) >= 3 and all(
                len(_CAPITAL_WORD.findall(_BRACKETED.sub("", t))) <= 3 for t in tops
            )
            # `Mrs. Richards (Head)`: a title before a lone surname makes it one person's name
            surnames = {
                _HONORIFIC.sub("", _BRACKETED.sub("", t)).strip() for t in tops if _HONORIFIC.match(t)
            }
            # one name of four words among many (`Juan Carlos Martinez Oliveros`) is one long name, not two
            four = [p for p in people if len(p.name.split()) == 4]
            long_one = four[0] if len(four) == 1 and len(people) >= 4 else None
            if not (
                len(people) >= 3
                and (len(people) >= pieces - 1 or titled)
                and all(2 <= len(p.name.split()) <= 3 or p.name in surnames or p is long_one for p in people)
            ):
                people = name_run(content, role, present)
        else:
            people = split_people(content, role, present)
            if not single:
                people = _as_run_if_more(content, people, role, present)
        _given_name_first(people)
        if single:
            people = people[:1]
            if m.group("label").lower() == "minutes":
                # `Minutes: approved` is no person: the label names a secretary only before a full name.
                people = [p for p in people if " " in p.name]
        elif people and role != "chair":
            found_list = found_list or present
        for p in people:
            reg.add(p, loose=single)
        line_no = text.count("\n", 0, m.start())
        used.add(line_no)
    return found_list


# Group words that head a sub-list inside one roll (`Present: Chair: A Directors: B, C. Visiting Members:
# D, E Invited Guests: F`), and qualifiers that may stand before them.
_GROUP_WORDS = words(
    """chair chairman chairperson secretary treasurer clerk directors trustees members councillors
    councilors officers officials guests visitors representatives observers staff attendees present
    absent apologies regrets ledamöter jäsenet styrelsen hallitus vieraat gäster adjungerade adjungerad
    ersättare suppleanter varajäsenet tjänstemän övriga muut asiantuntijat"""
)
_GROUP_QUALIFIERS = words(
    """invited visiting other also board council committee staff voting non-voting ex officio co-opted
    executive elected associate"""
)
_MEMBER_GROUP = regex(r"\b(?:jäsenet|ledamöter|members)\b", re.I)
_GUEST_GROUP = regex(r"guest|visit|invited|representative|observer|staff|officer|official|gäst|vieraa", re.I)
_ABSENCE_GROUP = regex(r"\b(?:apolog|absent|regrets|frånvarande|poissa|anmält förhinder)", re.I)
_SUB_GROUP_LABEL = regex(
    r"(?<![\w'’-])(?P<words>(?:[A-Za-zÅÄÖåäö][\w.-]*[ \t]+){0,2}[A-Za-zÅÄÖåäö]+)[ \t]*:[ \t]+"
)
# A sentence's end (not a title's period: `Cllr. Andrew Mackness`) or a blank line ends a group.
_GROUP_END = regex(
    r"(?<=[a-zåäö]{2})(?<!Cllr)(?<!Mrs)(?<!Rev)(?<!Revd)(?<!Prof)\.[ \t]+(?=[A-ZÅÄÖ])|\n[ \t]*\n"
)


def _group_label(found: re.Match[str], text: str) -> tuple[int, str] | None:
    """Where a sub-list's label starts and its words (`Invited Guests`), or None when it is no group."""
    words_ = found.group("words").split()
    absence = _ABSENCE_GROUP.search(found.group("words"))
    if absence:
        # `Apologies for absence:`, `Frånvarande:`: the label runs from the word of absence.
        return found.start("words") + absence.start(), found.group("words")[absence.start() :]
    if words_[-1].lower() not in _GROUP_WORDS:
        return None
    keep = [words_[-1]]
    for w in reversed(words_[:-1]):
        qualifier = w.lower() in _GROUP_QUALIFIERS or w.lower() in _GROUP_WORDS
        # An organisation's name before the group (`Medway Councillors`, `CMT Representatives`) only right
        # after a mark that ends the list before it; else the word is the end of a name (`Mackinlay`).
        before = text[: found.start("words") + found.group("words").find(w)].rstrip()
        if not qualifier and not (w[:1].isupper() and (not before or before[-1] in ".,;)")):
            break
        keep.insert(0, w)
    return found.start("words") + found.group("words").rfind(" ".join(keep)), " ".join(keep)


def _sub_labelled_roll(rest: str, role: Role | None, present: bool) -> list[Person] | None:
    """A roll in groups, each after its own label, run together on one line; None when it is not one."""
    scope = rest[:2500]
    labels: list[tuple[int, int, str]] = []
    for found in _SUB_GROUP_LABEL.finditer(scope):
        got = _group_label(found, scope)
        if got is not None and (not labels or got[0] >= labels[-1][1]):
            labels.append((got[0], found.end(), got[1]))
    if len(labels) < 2 or labels[0][0] > 0:
        return None
    out: list[Person] = []
    groups = 0
    for k, (start, end, label) in enumerate(labels):
        if k and start != labels[k - 1][1] and groups == 0:
            return None
        content = scope[end : labels[k + 1][0] if k + 1 < len(labels) else len(scope)]
        stop = _GROUP_END.search(content)
        ended = stop is not None and k + 1 < len(labels) and stop.end() < len(content.rstrip())
        if stop is not None:
            content = content[: stop.start()]
        low = label.lower()
        group_role, group_present = (
            _label_info(label)
            if (_LABEL_LINE.match(label) or _SINGLE_LABEL_LINE.match(label + ":"))
            else (role, present)
        )
        if _ABSENCE_GROUP.search(low):
            group_role, group_present = role, False
        elif _GUEST_GROUP.search(low) or (
            len(label.split()) > 1
            and label.split()[0].lower() not in _GROUP_QUALIFIERS
            and not _MEMBER_GROUP.search(low)  # `Varsinaiset jäsenet`, `Ordinarie ledamöter`: members
        ):
            group_role = "guest"
        people = split_people(content, group_role, group_present)
        if _is_single(label):
            people = people[:1]
        else:
            people = _as_run_if_more(content, people, group_role, group_present, labelled_group=True)
        if not people:
            break
        out.extend(people)
        groups += 1
        if ended:
            break  # the roll ended in a sentence's end before the next label: what follows is prose
    return out if groups >= 2 else None


# words of the minutes themselves, in no one's name: `Next Meeting`, `Seuraava kokous`, `Nästa möte`
_MEETING_WORD = regex(rf"\b(?i:{'|'.join(MEMO_WORDS)}|agenda|next|esityslista|seuraava|nästa|dagordning)\b")


def _orphan_blocks(lines: list[Line], reg: _Registry, region_end: int, used: set[int]) -> set[int]:
    """Name lines in the header that no label claims (another column of the attendee list); their indices."""
    found: set[int] = set()
    candidates: dict[int, list[Person]] = {}
    # The header's columns are near the top: a document without sections is not scanned to its end.
    region_end = min(region_end, 3000)
    for i, ln in enumerate(lines):
        if ln.start >= region_end:
            break
        head = ln.text.lstrip(" \t-*•")
        # A column of names is a short line opening with a capital (or a handle); prose is skipped cheaply.
        if i in used or not head or len(head) > 150 or not (head[0].isupper() or head[0] == "@"):
            continue
        if "|" in head and any(len(c.split()) > 6 for c in head.split("|")):
            continue  # `Gavin Holden | Follow up on ...`: a task table's row, whose the task is
        people = _line_people(ln.text, "member", True)
        # Another column holds personal names (two or three words), not a title or a body's name.
        if people and all(
            " " in p.name and len(p.name.split()) <= 4 and not _MEETING_WORD.search(p.name) for p in people
        ):
            candidates[i] = people
    for i, people in candidates.items():
        # a line alone (`Ketterän Tulet` in a site's menu) is a name only with a given name in it; lines
        # near each other are a column of names
        near = any(k in candidates for k in (i - 3, i - 2, i - 1, i + 1, i + 2, i + 3))
        # (an acronym marks a body or a page, `Om SBB`, `IRL Ledarskap`, unless a given name is there)
        acronym = any(_ACRONYM_TOKEN.search(p.name) for p in people)
        if (near and not acronym) or all(_has_given_name(p.name) for p in people):
            for p in people:
                reg.add(p, loose=False)
            found.add(i)
    return found


_ACRONYM_TOKEN = regex(r"\b[A-ZÅÄÖ]{2,}\b")


def _has_given_name(name: str) -> bool:
    """Whether the first or (a roll written surname first) the last word is a given name."""
    toks = name.split()
    return is_given_name(toks[0]) or is_given_name(toks[-1])


_ELECT_ROLE = regex(
    # translative after 'valittiin' (puheenjohtajaksi), essive after 'toimi' (puheenjohtajana)
    r"(?P<role>(?:tilapäiseksi\s+)?varapuheenjohtajaksi|(?:tilapäiseksi\s+)?puheenjohtajaksi|sihteeriksi|"
    r"varapuheenjohtajana|puheenjohtajana|sihteerinä|pöytäkirjanpitäjänä|"
    r"pöytäkirjanpitäjäksi|pöytäkirjan\s*tarka?st(?:aj|ist?aj)(?:iksi|aksi)|pöytäkirjantarkistajiksi|"
    r"ääntenlaskijoiksi)",
    re.IGNORECASE,
)
# (`Pöytäkirjantarkastajiksi esitettiin X ja Y`: proposed, and so chosen, as the minutes record it)
_CHOSEN = r"valit(?:aan|tiin|tu|si|sivat)|toimi(?:vat)?"  # the verbs that record a choice made
_ELECT_VERB = CaseBlind(
    regex(
        # (`toimii` only after a role in the essive, `puheenjohtajana toimii`: the word is common in prose)
        # (the lookahead on the words' first letters lets the whole-text scan skip other positions at once)
        rf"(?=[vte])(?:\b(?:{_CHOSEN})\b|(?<=n[aä] )toimii\b|\besitettiin\b|\besitetään\b)",
        re.IGNORECASE,
    )
)


def _carried(text: str, proposal: str) -> bool:
    """`Esitys: Esitetään ... tarkastajiksi X ja Y.` / `Päätös: Esityksen mukainen.`: the item's own decision
    carried the proposal (and elected no one else)."""
    at = text.find(proposal)
    decision = text[at + len(proposal) : at + len(proposal) + 300] if at >= 0 else ""
    return "sityksen mukai" in decision and not _ELECT_VERB_PAST.search(decision.split("sityksen mukai")[0])


_ELECT_VERB_PAST = regex(rf"\b(?:{_CHOSEN}|toimii|esitettiin)\b", re.I)
# a lone given name right after the role (`puheenjohtajana toimii Elina`) or right before it
# (`Elina toimi puheenjohtajana`): a memo of people who know each other by first name
_LONE_AFTER_ROLE = regex(r"[ \t]+(?:(?i:toimi(?:i|vat)?)[ \t]+)?(?P<n>[A-ZÅÄÖ][\w'’-]+)\b(?![ \t]+[A-ZÅÄÖ])")
_LONE_BEFORE_ROLE = regex(r"(?<![\w'’-])(?P<n>[A-ZÅÄÖ][\w'’-]+)[ \t]+(?:(?i:toimi(?:i|vat)?)[ \t]+)?$")
_PROSE_NAME = regex(r"(?<![\w@])[A-ZÅÄÖÜ][\w'’-]+(?:\s+(?:Li|van|von|de|der)?\s*[A-ZÅÄÖÜ][\w'’-]+){1,3}")
_NAME_STOP = frozenset(
    [
        "valittiin",
        "valitaan",
        "valittu",
        "kokouksen",
        "hallituksen",
        "sekä",
        "päätettiin",
        "todettiin",
        "esitys",
        "päätös",
        "kokous",
        "hallitus",
        "puheenjohtaja",
        "sihteeri",
        "the",
        "note",
        "secretary",
        "chair",
        "minutes",
        "meeting",
    ]
)
_ROLE_OF_ELECT: dict[str, Role] = {
    "varapuheenjohtajaksi": "vice_chair",
    "puheenjohtajaksi": "chair",
    "sihteeriksi": "secretary",
    "pöytäkirjanpitäjäksi": "secretary",
    "varapuheenjohtajana": "vice_chair",
    "puheenjohtajana": "chair",
    "sihteerinä": "secretary",
    "pöytäkirjanpitäjänä": "secretary",
}


def _elected_role(word: str) -> Role | None:
    w = _SPACES.sub("", word.lower()).replace("tilapäiseksi", "")
    if w in _ROLE_OF_ELECT:
        return _ROLE_OF_ELECT[w]
    return "minutes_checker" if "tarka" in w or "tarkist" in w else None


def _prose_names(s: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _PROSE_NAME.finditer(s):
        toks = m.group(0).split()
        start = m.start()
        while toks and (
            toks[0].lower() in _NAME_STOP
            # An inflected word before the name (`Sihteeriksi`, `Valittiin`); short first names such
            # as `Aleksi` end the same way, so only long words are taken for inflected.
            or (len(toks[0]) > 7 and _INFLECTED_ENDING.search(toks[0]))
        ):
            start += len(toks[0]) + 1
            toks = toks[1:]
        if len(toks) >= 2:
            out.append((start, " ".join(toks)))
    return out


def _sentences_with(text: str, rx: re.Pattern[str] | CaseBlind, splitter: re.Pattern[str]) -> list[str]:
    """The pieces of `splitter.split(text)` that hold a match of `rx`, found from the matches outward."""
    out: list[str] = []
    done = -1
    for hit in rx.finditer(text):
        if hit.start() < done:
            continue
        # The piece's start: the last cut before the hit, looked for close by first.
        for reach in (400, 3000):
            lo = max(0, hit.start() - reach)
            start = lo
            for cut in splitter.finditer(text, lo, hit.start()):
                start = cut.end()
            if start > lo or lo == 0:
                break
        stop = splitter.search(text, hit.end())
        end = stop.start() if stop else len(text)
        if start == lo and lo > 0:
            continue  # a piece over 3000 characters is no sentence
        out.append(text[start:end])
        done = end
    return out


_SV_ROLE = (
    r"(?:mötets\s+|årsmötets\s+)?(?P<role>vice\s*(?:möte)?ordförande|(?:mötes)?ordförande|(?:mötes)?sekreterare|"
    r"protokollförare|(?:protokoll|mötes|referat)?skrivare|(?:protokolls?\s?)?justerare(?:\s+jämte\s+(?:mötes)?ordföranden?)?|justeringsm[aä]n"
    r"|justeringsperson(?:er)?|justera\s+protokollet)"
)
# (a dot only after an initial, `F. Anderson`: after a word it ends the sentence, `... i Helsingfors. Nystén`)
_SV_NAMES = (
    r"(?P<names>(?:(?:[A-ZÅÄÖ]\.-?)+|[A-ZÅÄÖ][\w'’-]*)(?:(?:[ \t]+|[ \t]*,[ \t]*|[ \t]+(?:och|samt)[ \t]+)"
    r"(?:(?:[A-ZÅÄÖ]\.-?)+|[A-ZÅÄÖ][\w'’-]*)){0,7})"
)
# `X valdes till ordförande`, `Mötet väljer X och Y till justerare`, `Till justerare valdes X`.
_SV_ELECTION = regex(
    r"(?:\b(?:väljer|välja|valde|väljs\s+att\s+vara)\s+"
    + _SV_NAMES
    + r"\.?\s+(?:till|som)\s+"
    + _SV_ROLE
    + r"|"
    + _SV_NAMES.replace("names", "names2")
    # `X valdes efter omröstning med fem röster mot fyra (...) till ordförande`: a clause before `till`
    + r"\s+(?:valdes|väljs|valdes\s+enhälligt)\s+(?:(?:(?:(?!till\b)[^.;:\n]){1,100}?\s)?till\s+|att\s+)?"
    + _SV_ROLE.replace("role", "role2")
    + r"|\b[Tt]ill\s+"
    + _SV_ROLE.replace("role", "role3")
    + r"\s+(?:valdes|väljs)\s+"
    + _SV_NAMES.replace("names", "names3")
    # `Protokolljusterare blev Stig Fagerbo och Thomas Eriksson`
    + r"|\b(?i:"
    + _SV_ROLE.replace("role", "role4")
    + r")\s+blev\s+"
    + _SV_NAMES.replace("names", "names4")
    + r")"
)
# `... och Tobias till mötessekreterare`: a second election in the same sentence.
_SV_AND_ELECTION = regex(r"\s+och\s+" + _SV_NAMES + r"\s+till\s+" + _SV_ROLE)
# `Till ordförande valdes X, till sekreterare Y`: the second election with its office first.
_SV_THEN_ELECTION = regex(r"[ \t]*(?:,|och)[ \t]+(?:och[ \t]+)?till[ \t]+" + _SV_ROLE + r"[ \t]+" + _SV_NAMES)


def _sv_role(word: str) -> Role:
    w = _SPACES.sub(" ", word.lower())
    if "juster" in w:
        return "minutes_checker"  # 'justerare jämte ordföranden': the checker, beside the chair
    if w.startswith("vice"):
        return "vice_chair"
    if "ordförande" in w:
        return "chair"
    if "sekreterare" in w or "protokollförare" in w or "skrivare" in w:
        return "secretary"
    return "minutes_checker"


_SV_CO_OPTED = regex(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))" + _SV_NAMES + r"(?:[ \t]+från[ \t]+\w+)?[ \t]+(?:adjungerades|adjungeras)\b"
)
# `Muistion vakuudeksi Tuula Peltonen`, `Pöytäkirjan vakuudeksi:`: the one who signs the minutes wrote them.
_ATTESTED = regex(
    r"\b(?:Muistion|Pöytäkirjan)[ \t]+vakuudeksi[ \t:]*\n?[ \t]*"
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){1,2})"
)


def _named_in(text: str, rx: re.Pattern[str], reg: _Registry, role: Role, *, only_new: bool = False) -> None:
    """Whoever a prose pattern names (its group `name`), present with the role; `only_new`: none known yet."""
    for m in rx.finditer(text):
        name = clean_name(m.group("name"))
        if name is None or is_organisation(name) or is_title(name):
            continue
        if only_new and reg.find(name, loose=True) is not None:
            continue
        reg.add(Person(name, [role], None, True))


def _sv_elections(text: str, reg: _Registry) -> None:
    """Swedish elections of the meeting's officers: `Kerstin valdes till ordförande`."""
    co_opted = [ln for ln in text.split("\n") if "adjunger" in ln]
    for m in (m for ln in co_opted for m in _SV_CO_OPTED.finditer(ln)):
        for p in split_people(m.group("names"), "guest"):
            reg.add(Person(p.name, ["guest"], None, True))
    # Only lines with an election verb are scanned: the names pattern would be tried at every capital.
    lines = [
        ln
        for ln in text.split("\n")
        if "val" in ln or "välj" in ln or "Välj" in ln or "Val" in ln or " blev " in ln
    ]
    for m in (m for ln in lines for m in _SV_ELECTION.finditer(ln)):
        names = m.group("names") or m.group("names2") or m.group("names3") or m.group("names4")
        role = _sv_role(m.group("role") or m.group("role2") or m.group("role3") or m.group("role4"))
        found = [(names, role)]
        more = _SV_AND_ELECTION.match(m.string, m.end())
        if more:
            found.append((more.group("names"), _sv_role(more.group("role"))))
        elif m.group("role3"):
            end = m.end()
            while then := _SV_THEN_ELECTION.match(m.string, end):
                found.append((then.group("names"), _sv_role(then.group("role"))))
                end = then.end()
        for chunk, r in found:
            # the names end with their sentence: `... Börje Anderson. Till protokolljusterare ...`
            chunk = _SENTENCE_END_IN_NAMES.split(chunk, maxsplit=1)[0]
            for p in split_people(chunk, r):
                if not is_organisation(p.name) and p.name.lower() not in ("mötet", "styrelsen"):
                    reg.add(Person(p.name, [r], None, True))


_SENTENCE_END_IN_NAMES = regex(r"(?<=[a-zåäö]{2})\.[ \t]+(?=[A-ZÅÄÖ])")


# The sentence tells of another meeting's election: `Syyskokouksessa`, `Vuosikokouksessa`.
_OTHER_MEETING = regex(r"^\s*[A-ZÅÄÖ]\w*kokouksessa\b")


def _listed_as(name: str, reg: _Registry) -> str | None:
    """The roll's `Kristian Vilkman` for `Kristian Vilkmania` (a surname in another case), if listed."""
    toks = name.split()
    if len(toks) < 2:
        return None
    last = toks[-1].lower()
    for p in reg.people:
        ptoks = p.name.split()
        if (
            len(ptoks) == len(toks)
            and ptoks[:-1] == toks[:-1]
            and ptoks[-1] != toks[-1]
            and any(last == f.lower() for fs in word_forms(ptoks[-1], surname=True).values() for f in fs)
        ):
            return p.name
    return None


def _nominative(name: str, text: str) -> str:
    """`Ulla Rosenqvistin` as chosen (`valitsi puheenjohtajaksi Ulla Rosenqvistin`) is the Ulla Rosenqvist
    the text names elsewhere: the object's ending goes when the text writes the name without it."""
    if not name.endswith("n") or " " not in name:
        return name
    for bare in (name[:-1], name[:-2]):  # the -n after a vowel (`Mäkelän`), the -in after a consonant
        if re.search(rf"\b{re.escape(bare)}\b", text):
            return bare
    return name


def _lone_given_name(sent: str, prev_end: int, role_start: int, role_end: int) -> list[str]:
    """The lone given name beside an election's role word, when no full name stands by it."""
    for m in (_LONE_AFTER_ROLE.match(sent, role_end), _LONE_BEFORE_ROLE.search(sent, prev_end, role_start)):
        if m is not None and is_given_name(m.group("n")):
            return [m.group("n")]
    return []


def _elections(text: str, reg: _Registry) -> None:
    """`Valittiin X sihteeriksi ja Y ja Z pöytäkirjantarkastajiksi`, `Puheenjohtajaksi valittiin X`."""
    # Without an election verb the case-blind sentence scan is spared.
    gate = may_hold(text, ("valit", "toimi", "esitettiin", "esitetään"))
    elected = _sentences_with(text, _ELECT_VERB, _SENTENCE_OR_LINE_BREAK) if gate else []
    for sent in elected:
        if "esitetään" in sent.lower() and not _ELECT_VERB_PAST.search(sent) and not _carried(text, sent):
            continue
        roles = list(_ELECT_ROLE.finditer(sent))
        if not roles or _OTHER_MEETING.search(sent):
            continue  # `Syyskokouksessa puheenjohtajaksi valittiin X`: elected at another meeting
        # A note after a name (`Essi Mäyrä (Pohjan Ilves)`, an organisation) is no name; blanked in place.
        names = _prose_names(_PARENTHESISED.sub(lambda n: " " * len(n.group(0)), sent))
        # Role words joined by 'ja' share their names: `pöytäkirjantarkastajiksi ja ääntenlaskijoiksi`.
        groups: list[tuple[int, int, list[Role]]] = []
        for rm in roles:
            role = _elected_role(rm.group("role"))
            if groups and _AND_JOINER.fullmatch(sent[groups[-1][1] : rm.start()]):
                a, _b, rs = groups[-1]
                groups[-1] = (a, rm.end(), rs + ([role] if role else []))
            else:
                groups.append((rm.start(), rm.end(), [role] if role else []))
        prev_end = 0
        taken: set[str] = set()
        for k, (gs, ge, rs) in enumerate(groups):
            nxt = groups[k + 1][0] if k + 1 < len(groups) else len(sent)
            before = [n for pos, n in names if prev_end <= pos < gs and n not in taken]
            after = [n for pos, n in names if ge <= pos < nxt]
            chosen = before or after or _lone_given_name(sent, prev_end, gs, ge)
            taken.update(chosen)
            for n in chosen:
                reg.add(Person(_listed_as(n, reg) or _nominative(n, text), list(rs), None, True))
            prev_end = ge
    # The words first: the pattern's leading `\b` has the regex tried at every character of the text.
    statements = _OFFICER_STATEMENT.finditer(text) if any(o in text for o in _OFFICERS) else ()
    for m in statements:
        role = "secretary" if m.group(0).lower().startswith(("secretary", "scribe", "minutes")) else "chair"
        for p in split_people(m.group(1), role):
            reg.add(p)
    for m in _MEETBOT_CHAIR.finditer(text):
        reg.add(Person(m.group(1), ["chair"], None, True))


_ABSENT_ROLE = regex(
    r"\b(?P<role>varapuheenjohtaja|puheenjohtaja|sihteeri|chair|vice[- ]chair|secretary)[ \t]+"
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){1,2})"
)
_ABSENT_OFFICE = regex(
    r"(?<![\w-])(?P<office>[A-ZÅÄÖa-zåäö][\w-]{3,})[ \t]+"
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){1,2})"
    r"(?=[ \t]+(?:oli|olivat|was|were|ei|had|sent|is)\b)"
)
# the lookahead on the words' first letters lets the whole-text scan skip other positions at once
_ABSENT_SAID = CaseBlind(
    regex(r"(?=[peana])\b(?:poissa|estynyt|estyneitä|absent|not present|apologi[sz]ed)\b", re.I)
)
_LIST_COLON = regex(r"(?:^|\n)[ \t]*[-*•]?[ \t]*(?:\*\*)?[^\W\d_][^:\n]{0,30}:", re.MULTILINE)


def _absent_officers(text: str, reg: _Registry) -> None:
    """`Sekä puheenjohtaja X että varapuheenjohtaja Y olivat poissa`: officers named absent."""
    for sent in _sentences_with(text, _ABSENT_SAID, _SENTENCE_BREAK):
        said = _ABSENT_SAID.search(sent)
        # A labelled list (`Läsnä: ... Poissa: ...`) is read by the list reader; its `poissa` scopes
        # only the names after that label.
        if not said or _LIST_COLON.search(sent) or said.group(0)[0].isupper() or len(sent) > 400:
            continue  # `Poissa Suominen Ari` is a label in a roster that lost its line breaks
        for m in _ABSENT_ROLE.finditer(sent):
            role = {
                "varapuheenjohtaja": "vice_chair",
                "puheenjohtaja": "chair",
                "sihteeri": "secretary",
                "chair": "chair",
                "secretary": "secretary",
            }.get(m.group("role").lower(), "vice_chair")
            p = Person(m.group("name"), [role], None, False, True)  # type: ignore[list-item]
            reg.add(p)
        # Any other office: `Toiminnantarkastaja Pekka Rinne oli poissa`, `Treasurer Ann Lee sent apologies`.
        for m in _ABSENT_OFFICE.finditer(sent):
            office = m.group("office")
            if _ABSENT_ROLE.match(sent, m.start()) or not (_FI_OFFICE.search(office) or is_title(office)):
                continue
            name = clean_name(m.group("name"))
            if name and not is_organisation(name):
                reg.add(Person(name, ["member"], None, False, True))


_ACTOR = regex(
    # The lookahead first: most positions hold a lower-case letter and fail at once.
    r"(?<!\S)(?=[ \t\-*•A-ZÅÄÖÜ])(?:^|(?<=\n)|(?<=[.!?:]\s))[ \t]*(?:[-*•][ \t]+)?"
    # Another body's officer (`Hallituksen puheenjohtaja X avasi`): named by the office, without its role.
    r"(?:(?P<of>[A-ZÅÄÖ][\w-]+(?:n|ens|ets|ns)[ \t]+)?"
    r"(?P<office>puheenjohtaja|pj\.?|sihteeri|rahastonhoitaja|the\s+chair|chair(?:man|person|woman)?|"
    r"ordförande|Ordförande|sekreterare|Sekreterare|"
    r"president|secretary|treasurer|Puheenjohtaja|Sihteeri|Rahastonhoitaja|The\s+[Cc]hair|Chair(?:man|person)?|"
    r"President|Secretary|Treasurer),?[ \t]+)?"
    r"(?P<name>[A-ZÅÄÖÜ][\w'’-]+(?:[ \t]+[A-ZÅÄÖÜ][\w'’-]+){0,2})[ \t]+"
    r"(?P<verb>avasi|esitteli|kertoi|selosti|alusti|raportoi|ehdotti|totesi|kävi\s+läpi|esitti|johti|"
    r"toivotti|kiitti|päätti\s+kokouksen|vastasi|opened|presented|reported|gave|moved|seconded|proposed|"
    r"explained|summari[sz]ed|welcomed|chaired|introduced|outlined|demonstrated|updated|closed|thanked|"
    r"led|shared|hälsade|öppnade|förklarade|avslutade|rapporterade|föredrog|föredrar|presenterade|"
    r"redogjorde|berättade|informerade)\b",
)
_CHAIR_ACTS = regex(
    r"^(?:avasi|johti|toivotti|opened|welcomed|chaired|päätti|closed|hälsade|öppnade|förklarade|avslutade)",
    re.IGNORECASE,
)
# what was opened or closed when it is not the meeting: `Stora Utskottet öppnade diskussion kring ...`
_OPENED_OTHER = regex(
    r"[ \t]+(?i:(?:a|the|en|den)[ \t]+)?(?i:diskussion\w*|debatt\w*|discussion|debate|keskustelu\w*|"
    r"the[ \t]+floor|ordet|frågan)\b"
)
_OPENS_OR_CLOSES = words("opened closed öppnade avslutade avasi")
_PRESENTER_ACTS = regex(
    r"^(?:esitteli|alusti|presented|demonstrated|introduced|föredrog|föredrar|presenterade)$", re.IGNORECASE
)


def _actors(text: str, reg: _Registry, listed: bool) -> None:
    """People named where they act (`Sari Vainio avasi kokouksen`, `Dan Fox presented the accounts`).

    With an attendee list, the list is the record: someone acting outside it (a visiting speaker) is
    not added, unless an office names them (`Puheenjohtaja Sari Vainio avasi kokouksen`).
    """
    has_chair = any("chair" in p.roles for p in reg.people)
    for m in _ACTOR.finditer(text):
        raw = m.group("name")
        toks = raw.split()
        # An office written before the name is not part of it: `Kirjastonjohtaja Aino Puro kertoi`.
        titled = len(toks) == 3 and (
            bool(_FI_OFFICE.search(toks[0]))
            or is_title(toks[0])
            or bool(_OFFICE.search(toks[0].lower()))
            # `Notarie Thobias Bergström`: a word that is no given name before one that is, a title
            or (is_given_name(toks[1]) and not is_given_name(toks[0]))
        )
        if titled:
            raw = " ".join(toks[1:])
        if is_organisation(raw) or is_title(raw):
            continue
        name = clean_name(raw)
        if name is None or name.split()[0].lower() in _NAME_STOP:
            continue
        verb = m.group("verb").lower()
        office = (m.group("office") or "").lower().replace("the ", "").strip(" .,")
        office_kind = _annotation_kind(office) if office else None
        if m.group("of") and office_kind:
            office_kind = ("desc", "")
        elif titled and office_kind is None:
            office_kind = _annotation_kind(toks[0].lower()) or ("desc", "")
        existing = reg.find(name, loose=True)
        if existing is not None and not existing.present:
            continue  # `Father David opened the meeting` is not `Fr. David Watson` who sent apologies
        role: Role | None = None
        if office_kind and office_kind[0] == "role":
            role = office_kind[1]  # type: ignore[assignment]
        elif (
            _CHAIR_ACTS.match(verb)
            and not has_chair
            and not (verb in _OPENS_OR_CLOSES and _OPENED_OTHER.match(text, m.end()))
        ):
            role = "chair"
        if existing is not None:
            if role is not None and role not in existing.roles and (role != "chair" or not has_chair):
                if existing.roles == ["member"] and role != "presenter":
                    existing.roles.clear()  # a member who presents stays a member
                existing.roles.append(role)
            has_chair = has_chair or "chair" in existing.roles
            continue
        if len(name.split()) < 2 or (listed and not office_kind):
            continue
        if role is None or (office_kind and office_kind[0] != "role" and role == "chair"):
            role = "presenter" if _PRESENTER_ACTS.match(verb) else "member"
        reg.add(Person(name, [role], None, True), loose=False)
        has_chair = has_chair or role == "chair"


# Swedish puts the verb second: `Vidare berättade Förste kurator Sigrid Holm att ...`, the speaker after it
_SV_REPORT_VERBS = ("berättade", "redogjorde", "informerade", "rapporterade", "presenterade", "föredrog")
_SV_INVERTED_ACTOR = regex(
    rf"\b(?i:{'|'.join(_SV_REPORT_VERBS)})[ \t]+"
    # an office before the name (`Förste kurator`, `Styrelsens trygghetsombud`), never `att` or `om`
    r"(?:(?!(?:att|om)\b)[A-ZÅÄÖ][\wåäö-]*[ \t]+(?:[a-zåäö-]+[ \t]+)?)??"
    r"(?P<name>[A-ZÅÄÖ][a-zåäö'’-]+[ \t]+[A-ZÅÄÖ][\w'’-]+)"
    r"[ \t]+(?:att|om|för|kring|hur|den|det)\b"
)


def _sv_inverted_actors(text: str, reg: _Registry) -> None:
    """Speakers named after their verb in Swedish prose (no roll): they took part and presented."""
    for m in _SV_INVERTED_ACTOR.finditer(text):
        name = clean_name(m.group("name"))
        if name is None or is_organisation(name) or is_title(name) or not is_given_name(name.split()[0]):
            continue
        if reg.find(name, loose=True) is None:
            reg.add(Person(name, ["presenter"], None, True), loose=False)


# `proposed by Mrs. Joan Colmer and seconded by Mrs. Susan Mackenzie`: a motion's mover and seconder spoke
# at the meeting
_MOVED_BY = regex(
    r"\b(?i:proposed|seconded|moved|nominated)[ \t]+by[ \t]+"
    r"(?:(?:Cllr|Councillor|Mrs|Mr|Ms|Miss|Dr|Revd?)\.?[ \t]+)?"
    # (the name's words on one line, and not the next clause's: `moved by Mary Brown Seconded by Tom Hill`)
    r"(?P<name>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+(?!(?i:seconded|and|carried|motion)\b)[A-ZÅÄÖ][\w'’-]+){1,2})"
)


_OPENER_NAME = r"(?P<name>[A-ZÅÄÖÜ][\w'’-]+(?:[ \t]+(?:von[ \t]+|af[ \t]+|van[ \t]+)?[A-ZÅÄÖÜ][\w'’-]+){0,2})"
_OPENER_OFFICE = (
    r"(?:(?:\w+(?:n|s|ens|ets)[ \t]+)?(?P<office>puheenjohtaja|varapuheenjohtaja|pj\.?|vpj\.?"
    r"|ordförande(?:n)?|vice[ \t]+ordförande(?:n)?|chair(?:man|person|woman)?|vice[- ]chair|president"
    r"|vice[- ]president)"
    r",?[ \t]+)?"
)
# Who opened the meeting, in the word orders the office-first actor pattern does not read:
# `Kokouksen avasi puheenjohtaja Matti Virtanen`, `Mötet öppnades av Uffe`, `The meeting was opened by the
# chair, Alice Smith`, and an office-first opening inside a run-on line (`... Föreningens ordförande Sven
# Hugosson förklarade styrelsemötet öppnat`).
_OPENED_BY = tuple(
    regex(p)
    for p in (
        rf"(?i:kokouksen|tilaisuuden|palaverin|illan)[ \t]+avasi[ \t]+{_OPENER_OFFICE}{_OPENER_NAME}",
        rf"(?i:mötet|sammanträdet|årsmötet|styrelsemötet|stämman)[ \t]+öppnades[ \t]+av[ \t]+"
        rf"{_OPENER_OFFICE}{_OPENER_NAME}",
        rf"(?i:meeting)[ \t]+was[ \t]+(?i:opened|called[ \t]+to[ \t]+order|chaired)[ \t]+by[ \t]+"
        rf"(?i:the[ \t]+)?{_OPENER_OFFICE}{_OPENER_NAME}",
        rf"\b(?P<office>(?i:ordförande(?:n)?|puheenjohtaja))[ \t]+{_OPENER_NAME}[ \t]+"
        r"(?:förklarade|förklarar|avasi|avaa|öppnade|öppnar)\b",
        # `President John Smith called the meeting to order at 7:02 p.m.`
        r"(?:(?P<office>(?i:president|vice[- ]president|chair(?:man|person|woman)?|mayor))[ \t]+)?"
        rf"{_OPENER_NAME}[ \t]+called[ \t]+the[ \t]+(?i:meeting|session)[ \t]+to[ \t]+order\b",
    )
)


# Who took the minutes, in prose: `Minutes taken by Carol White`, `Carol White took the minutes`.
_MINUTES_BY = (
    regex(rf"(?i:minutes|notes)[ \t]+(?:were[ \t]+)?(?i:taken|recorded|written)[ \t]+by[ \t]+{_OPENER_NAME}"),
    regex(rf"{_OPENER_NAME}[ \t]+(?:took|recorded|wrote)[ \t]+(?:the[ \t]+)?(?i:minutes|notes)\b"),
)


def _opened_by(text: str, reg: _Registry) -> None:
    """Whoever opened the meeting took part (its chair unless the office says vice), as did its scribe."""
    opened = may_hold(text, ("avasi", "öppna", "opened", "order", "chaired"))
    scribed = may_hold(text, ("minutes", "notes"))
    found = [(m, False) for rx in _OPENED_BY if opened for m in rx.finditer(text)]
    found += [(m, True) for rx in _MINUTES_BY if scribed for m in rx.finditer(text)]
    for m, scribe in found:
        name = clean_name(m.group("name"))
        if name is None or is_organisation(name) or is_title(name) or name.split()[0].lower() in _NAME_STOP:
            continue
        office = "" if scribe else (m.group("office") or "").lower()
        vice = office.startswith(("vara", "vpj", "vice"))
        has_chair = any("chair" in p.roles for p in reg.people)
        role: Role = (
            "secretary" if scribe else "vice_chair" if vice else "chair" if not has_chair else "member"
        )
        existing = reg.find(name, loose=True)
        if existing is None and " " not in name:
            # `Puheenjohtaja Järvinen avasi`: a surname alone names the roll's Jukka Järvinen
            existing = next((p for p in reg.people if p.name.split()[-1] == name), None)
        if existing is None:
            reg.add(Person(name, [role], None, True), loose=False)
        elif role != "member":
            _apply(existing, _role_over_default(existing, ("role", role), "member"))


def _signature_roles(text: str, reg: _Registry) -> None:
    """Signature columns: names on one line, their titles (`pj.`, `sihteeri`) below them."""
    lines = text.splitlines()
    # The registry's names do not change here (only roles are added): each name is looked up once.
    known: dict[str, Person | None] = {}

    def find(name: str) -> Person | None:
        if name not in known:
            known[name] = reg.find(name)
        return known[name]

    for i in range(len(lines) - 1):
        # A signature line is short and has no sentence in it; most lines are ruled out cheaply here.
        if len(lines[i]) > 160 or not lines[i].strip() or _PROSE_MARK.search(lines[i]):
            continue
        k = i + 1
        while k < min(len(lines) - 1, i + 3) and not lines[k].strip():
            k += 1
        under = lines[k]
        if _BULLETED.match(lines[i]) or "," in under or _BULLETED.match(under):
            continue
        cols = [(m.start(), m.group(0).strip()) for m in _SIGNATURE_COLUMN.finditer(lines[i])]
        if not cols or not all(find(c) for _, c in cols):
            continue
        below = [(m.start(), m.group(0).strip()) for m in _SIGNATURE_COLUMN.finditer(under)]
        if any(
            find(t)
            or find(_DASH_REMARK.sub("", t).strip())
            or (len(t.split()) >= 3 and find(" ".join(t.split()[:2])))
            for _, t in below
        ):
            continue  # the next entry of a roll (`Vilkman Kristian varapuheenjohtaja`), no title under a name
        for pos, title in below:
            last = title.lower().split()[-1].strip(".") if title.split() else ""
            kind = _annotation_kind(last)
            if not kind or kind[0] != "role":
                continue
            col = min(cols, key=lambda c: abs(c[0] - pos))
            who = find(col[1])
            if who is not None and kind[1] not in who.roles:
                who.roles.append(kind[1])  # type: ignore[arg-type]


_ATTENDANCE_TITLE = regex(r"läsnäol|läsnä|attendance|roll call|present", re.IGNORECASE)
# the words of one name stay on one line: 'Heather Mill, EPFL' then 'Also present:' is no 'EPFL Also'
_NAME_SEQ = regex(
    r"[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+(?:\s*,\s*[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+)*"
    r"(?:\s*,?\s+(?:ja|and|sekä)\s+[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+)?"
)
# 'Stephan Merker (SAP) Tom Watson (IBM) Mikael Barbero (Eclipse Foundation)': names with their
# organisations, run together on wrapped lines
_NAME_ORG_RUN = regex(
    r"(?:[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’.-]*){1,3}\s*\([^()\n]{1,40}(?:\n[^()\n]{1,40})?\)"
    r"(?:[ \t]*,)?\s*(?:(?:and|ja|och)\s+)?){2,}"
)
_NAME_BEFORE_ORG = regex(r"([A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’.-]*){1,3})\s*\(")
# a heading that is only the roll: '### Attendance', 'Present', 'Läsnä'
_ROLL_HEADING = regex(
    r"(?i:attendance|attendees|present|participants|läsnä|läsnäolijat|osallistujat|närvarande)"
)


# one vocabulary for an item that lists the absent, as its whole title or before the names
_ABSENCE_LABEL = (
    r"apologies(?:\s+for\s+absence|\s+received)?|regrets|absent|poissa|poissaolijat|frånvarande"
    r"|anmält\s+förhinder"
)
_ABSENCE_TITLE = regex(rf"(?i:{_ABSENCE_LABEL})")
_ROLL_ITEM_TITLE = regex(
    rf"(?i:(?P<absent>{_ABSENCE_LABEL})"
    r"|present(?:\s+at(?:\s+the)?\s+meeting)?|attending|attendance|läsnä|paikalla|närvarande)\b"
    r"[ \t]*[-–:]?[ \t]*"
    r"(?P<rest>[A-ZÅÄÖ][^\n]{2,400})$"
)


def _one_a_line(body: str, present: bool) -> list[Person]:
    """The people of a body written one entry a line, when (nearly) every line is one."""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip() and not ln.rstrip().endswith(":")]
    by_line = [_line_people(ln, "member", present) for ln in lines[:40]]
    if sum(1 for found_here in by_line if found_here) >= max(2, len(by_line) - 1):
        return [p for found_here in by_line for p in found_here]
    return []


def _attendance_sections(text: str, seg: Segmentation, reg: _Registry) -> bool:
    """An agenda item about who is present lists them in its body."""
    found = False
    for sec in seg.sections:
        if sec.number is not None and (inline := _ROLL_ITEM_TITLE.match(sec.title)):
            # `2) Present - Mark (Chair), Dorothy, Tony`, `1) Apologies for absence Robin, Les`: the
            # roll is the item's title itself
            absent = inline.group("absent") is not None
            people = split_people(inline.group("rest"), "member", not absent)
            if len(people) >= 2 or (people and absent):
                for p in people:
                    reg.add(p)
                found = found or not absent
                continue
            # else the title only names the item (`APOLOGIES FOR ABSENCE`), or holds the first of the
            # names (`1 Present John Martin (Chair)` over a name a line): the body lists them
            title_people = people
        else:
            title_people = []
        roll = _ROLL_HEADING.fullmatch(sec.title.strip(" #:*")) is not None
        absent_item = (
            sec.number is not None and _ABSENCE_TITLE.fullmatch(sec.title.strip(" #:*.")) is not None
        )
        if not roll and not absent_item and (sec.number is None or not _ATTENDANCE_TITLE.search(sec.title)):
            continue
        body = sec.body(text)
        run = _NAME_ORG_RUN.search(body)
        people = []
        if run is not None:
            names = ", ".join(m.group(1) for m in _NAME_BEFORE_ORG.finditer(run.group(0)))
            people = split_people(names, "member", not absent_item)
        if sec.number is None and run is None:
            continue  # an unnumbered roll heading holds lists, which the list pass reads line by line
        if sec.number is not None:
            # the longest plain run of names too: `Lorena Mesa, Jannis Leidel, ... and Ewa Jodlowska`
            # beside `Betsy W. (Event Planner), Jackie A. (PyCon Manager) were also in attendance`
            rest = body[: run.start()] + body[run.end() :] if run is not None else body
            # a roll of `Name, Company` lines is the list pass's; here its company is no second name
            rest_lines = rest.split("\n")
            for k in _affiliation_rows(rest_lines) if "," in rest else ():
                rest_lines[k] = ""
            rest = "\n".join(rest_lines)
            best = max((m.group(0) for m in _NAME_SEQ.finditer(rest)), key=len, default="")
            plain = split_people(best, "member", not absent_item)
            people = [*plain, *people] if len(plain) >= 2 or absent_item else people
        if absent_item:
            # `Cllr L Watson and Cllr J Foster (family commitment), Cllr A Hart (leave). The meeting
            # accepted ...`: the item's first sentence is the list, when every piece of it is a name.
            first = _SENTENCE_BREAK.split(body.strip(), maxsplit=1)[0].rstrip(".")
            listed = _line_people(first, "member", False) if len(first) <= 400 else []
            people = listed if len(listed) > len(people) else people
            # `Apologies were received from:` over one entry a line (`Emma Li (School President of ...)`)
            lined = _one_a_line(body, False)
            people = lined if len(lined) >= len(people) else people
            for p in people:
                reg.add(p)
            continue
        if title_people:
            lined = _one_a_line(body, True)
            people = [*title_people, *(lined if len(lined) >= len(people) else people)]
        if len(people) >= 2:
            for p in people:
                reg.add(p)
            found = True
    return found


_SPEAKER = regex(
    r"^[ \t]*(?P<bullet>[-*•][ \t]+)?(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}):[ \t]+\S",
    re.MULTILINE,
)
_SPEAKER_STOP = frozenset(
    [
        # mail headers: the notes are often forwarded as an email
        "from",
        "to",
        "cc",
        "bcc",
        "subject",
        "date",
        "sent",
        "reply-to",
        "lähettäjä",
        "vastaanottaja",
        "aihe",
        "päivämäärä",
        "lähetetty",
        "there",
        "decision",
        "proposal",
        "note",
        "notes",
        "agenda",
        "action",
        "actions",
        "päätös",
        "esitys",
        "aika",
        "paikka",
        "date",
        "time",
        "place",
        "location",
        "id",
        "title",
        "question",
        "answer",
        "q",
        "a",
        "re",
        "summary",
        "minutes",
        "info",
        "idea",
        "link",
        "topic",
        "agreed",
        "resolved",
        "consensus",
        "attendees",
        "present",
        "regrets",
        "apologies",
        "update",
        "status",
        "comment",
        "comments",
        "todo",
        "fixme",
        "example",
        "e.g",
        "keskustelua",
        "kommentteja",
        "muistiinpanot",
    ]
)


def _is_field_row(text: str, m: re.Match[str]) -> bool:
    """Whether a `Word: Value` line is a form's field (`Snacks: Potluck!`, `Timekeeper: Neil`), not a turn:
    a short value that starts with a capital. A turn's short answer is lower case (`Roy: yes`)."""
    end = text.find("\n", m.end())
    # the match ends after the value's first mark
    value = text[m.end() - 1 : end if end >= 0 else len(text)].strip()
    return len(value.split()) <= 2 and value[:1].isupper()


# `Åk 1: Ciara, Elias & Talia`, `Team A: Ann, Bo`: a short label of any wording, then only given names
_GROUP_LINE = regex(
    r"[ \t]*(?:[-*•][ \t]+)?(?P<label>[\w][\w .-]{0,24}?)[ \t]*:[ \t]+(?P<value>[^:\n]{2,200})"
)
_GROUP_NAME = regex(r"[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)?")


def _given_name_groups(lines: list[Line], reg: _Registry, region_end: int) -> bool:
    """Roll lines under labels of any wording (`Åk 1:`, `Gruppe B:`) in the head, read by their names.

    A run of such lines, each naming only name-shaped entries, is a roll whatever its labels say when
    at least two lines name several people and most first names are known; a known label is read by
    the list readers, not here.
    """
    runs: list[list[tuple[str, list[str]]]] = [[]]
    for ln in lines:
        if ln.start >= region_end:
            break
        if not ln.text.strip():
            continue  # a blank line between the group lines keeps the run
        m = _GROUP_LINE.fullmatch(ln.text)
        names = _split_group(m.group("value")) if m else []
        if m is None or not names or any(rx.fullmatch(m.group("label").lower()) for rx, _, _ in _LIST_RX):
            runs.append([])
            continue
        runs[-1].append((m.group("label"), names))
    found = False
    for run in runs:
        entries = [n for _label, names in run for n in names]
        # groups hold several people each ('Bingo: Erkki' line after line is who runs what, not a roll),
        # and most of them have a first name the lexicon knows
        if sum(len(names) >= 2 for _label, names in run) < 2:
            continue
        if 2 * sum(is_given_name(n.split()[0]) for n in entries) < len(entries):
            continue
        for _label, names in run:
            for name in names:
                reg.add(Person(name, ["member"], None, True))
        found = True
    return found


def _split_group(value: str) -> list[str]:
    """A group line's names when every entry is shaped as a name (one or two capitalised words), else []."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|&|\bja\b|\boch\b|\band\b)\s*", value.strip().rstrip("."))]
    if not parts or any(not _GROUP_NAME.fullmatch(p) for p in parts):
        return []
    return parts


def _speakers(text: str, reg: _Registry) -> None:
    """Without an attendee list, the people who speak (`Name: ...` turns) took part."""
    names: list[str] = []
    mic: set[str] = set()
    for m in _SPEAKER.finditer(text):
        name = m.group("name").strip()
        if name.lower().rstrip(".") in _SPEAKER_STOP or name.split()[0].lower() in _SPEAKER_STOP:
            continue
        if _is_single(name) or _annotation_kind(name.lower()) is not None or _is_field_row(text, m):
            continue  # `Facilitator: Andrew`, `Timekeeper: Neil`: an office and who holds it, not a turn
        if any(rx.fullmatch(name.lower()) for rx, _, _ in _LIST_RX):
            continue  # `Attendance: all`: a roll label with no names, not a speaker
        cleaned = clean_name(name)
        # A bulleted `- Word: text` is mostly a label; a mic line names a person in full (`- Piet Smit:`)
        # or by a known given name (`- Gael: Why make a standard ...`).
        if cleaned and (not m.group("bullet") or len(cleaned.split()) >= 2 or is_given_name(cleaned)):
            names.append(cleaned)
            if m.group("bullet"):
                mic.add(cleaned)
    if len(names) < 3 and len(mic) < 2:
        return  # a `Word: text` line or two are labels, not a discussion
    for n in names:
        # Speaking adds no role: a presenter who answers questions is still the item's presenter.
        if reg.find(n) is None:
            reg.add(Person(n, ["member"], None, True))


_FIELD = regex(r"^:(?P<label>[A-Za-zÅÄÖåäö][\w ]{0,30}):[ \t]+(?P<value>\S[^\n]*)$", re.MULTILINE)
_FIELD_SECRETARY = regex(r"(?i)notes|note[- ]?taker|minutes|recorder|scribe|sihteeri|muistiinpanot")


def _field_list(text: str, reg: _Registry) -> bool:
    """reStructuredText fields: `:Chair: Name`, `:Notes: Name`, `:Attendees: A, B`; True for a list."""
    found = False
    for m in _FIELD.finditer(text):
        label = _SPACES.sub(" ", m.group("label").strip().lower())
        single = False
        role: Role | None
        if _FIELD_SECRETARY.fullmatch(label):
            role, present, single = "secretary", True, True
        elif any(rx.fullmatch(label) for rx, _, _ in _LIST_RX):
            role, present = _label_info(label)
            found = found or present
        elif _is_single(label):
            role, present = _label_info(label)
            single = True
        else:
            continue
        people = split_people(m.group("value"), role, present)
        for p in people[:1] if single else people:
            reg.add(p, loose=single)
    return found


_IRC_LINE = regex(
    r"^[ \t]*(?:" + CHAT_STAMP + r"[ \t]+)?<[ @+%]?(?P<nick>[^\s<>]+)>[ \t]+(?P<msg>[^\n]*)$",
    re.MULTILINE,
)
_NICK = r"[A-Za-z_\[\]`^{}|][\w\[\]`^{}|-]*"


_IRC_ROLL = regex(r"^#(?:info|topic|note)\s+(?:present|attendees|roll\s*call)\s*:", re.I)
# `10:01:15 * rangi is chris cormack, release manager`: an IRC action line (/me), the nick then the text
_IRC_ME = regex(
    r"^[ \t]*(?:" + CHAT_STAMP + r"[ \t]+)?(?:\*|-\*-)[ \t]+"
    r"(?P<nick>[^\s<>*]+)[ \t]+(?P<msg>[^\n]*)$",
    re.MULTILINE,
)
_SAID_TOPIC = regex(r"\d{1,2}[.)][ \t]+[A-ZÅÄÖa-zåäö]")
_ROLL_TOPIC = regex(r"roll|attendance|introduc|intros\b|who\s+is\s+here|present|esittäyty|presentation", re.I)
# What a self-introduction puts before the name: `is`, `=`, `->`, `Nate:`, `AG is known as`
_INTRO_LEAD = regex(r"^(?:(?:\S+\s+)?is\s+known\s+as\s+|is\s+|=\s*|->\s*|-\s+|[\w.-]+:\s+)")


def _introduced_name(said: str) -> str | None:
    """The full name in a self-introduction (`Jane Wagner, LibLime`, `is chris cormack, release manager`)."""
    head = _INTRO_LEAD.sub("", said.strip(), count=1).split(",")[0].strip(" .")
    words = head.split()
    middle = len(words) >= 3 and (
        len(words[0].strip(".")) <= 2 or is_given_name(words[1]) or words[1].lower() in _PARTICLES
    )
    if len(words) >= 3 and not middle:
        words = words[:2]  # `Nate Curulla ByWater Solutions`: the name, then the employer
        head = " ".join(words)
    typed = head.islower() and _TYPED_NAME.fullmatch(head) is not None  # `chris cormack`, as typed
    named = 2 <= len(words) <= 4 and (clean_name(head) == head or typed)
    if named and not any(w.lower() in _NOT_ANSWERS or w.lower() in _NOT_NAMES for w in words):
        return head
    return None


def _is_bot(nick: str) -> bool:
    return nick.lower().endswith("bot") or nick.lower() in {"chanserv", "nickserv"}


# `o/`, `here`, `.hi`, `hi all`, `good morning`: the speaker is there
_ROLL_ANSWER = regex(
    r"(?:o/|\\o/?|here|#?present|yo)[ !.]*"
    r"|\.?(?:hi|hello|hey|moin|morning|good\s+(?:morning|evening|afternoon))\b.*",
    re.I,
)
_TYPED_NAME = regex(r"[A-Za-zÅÄÖåäöÉéü'’-]{2,}(?: [A-Za-zÅÄÖåäöÉéü'’-]{2,}){0,3}")
_NOT_ANSWERS = words(
    "no yes ok okay thanks sure agreed lol yep nope welcome for me the a to of is it in on and i we you good "
    "works sounds fine great hmm ah oh hi hello hey all everyone everybody folks morning evening afternoon "
    "from regrets apologies sorry late"
)

_INFO_NAME = regex(r"#info[ \t]+(" + _NICK + r")[ \t]*", re.I)


def _meetbot(text: str, reg: _Registry) -> bool:
    """An IRC meeting log: `.hello`, `#chair`, the chair line, `People present`, `X sent regrets`."""
    logged = _MEETBOT_LOG.search(text) is not None
    if "<" not in text and not logged:
        return False  # (a bot's summary has no '<nick>' lines, but its 'People present' list)
    lines = list(_IRC_LINE.finditer(text))
    actions = list(_IRC_ME.finditer(text))
    chat = len(lines) + len(actions)
    # a raw channel log of the meeting, no bot in it: most of its lines are said by someone
    if not logged and (chat < 10 or chat * 2 < text.count("\n")):
        return False
    bots = {m.group("nick") for m in lines if _is_bot(m.group("nick")) or "Meeting started" in m.group("msg")}

    # A roll call answered with one's own name (`<keithp> Keith Packard`): the nick is that person.
    full: dict[str, str] = {}
    for m in lines:
        said = m.group("msg").strip()
        if (
            2 <= len(said.split()) <= 4
            and m.group("nick") not in bots
            and clean_name(said) == said
            and not is_organisation(said)
            and not is_title(said)
        ):
            full.setdefault(m.group("nick"), said)

    def person(nick: str, roles: list[Role], present: bool = True) -> None:
        nick = nick.strip(" ,.:;")
        if nick and nick not in bots and not _is_bot(nick) and re.fullmatch(_NICK, nick):
            reg.add(Person(full.get(nick, nick), roles, None, present, not present), loose=False)

    # Inside a roll-call topic every short answer counts: a name as typed (`tom blankenship`, `Ravi`),
    # or a wave or a `here` for the speaker (`o/`).
    in_roll = False
    opening = False  # between #startmeeting and the first topic: greetings say who is there
    spoken = sorted([*lines, *actions], key=lambda m: m.start())
    for m in spoken:
        nick, said = m.group("nick"), m.group("msg").strip()
        if said.lower().startswith("#startmeeting"):
            opening = True
            continue
        if said.lower().startswith("#topic") or (not bots and _SAID_TOPIC.match(said)):
            # (in a raw log with no bot the chair says the item: `1. Roll call!`)
            in_roll = bool(_ROLL_TOPIC.search(said))
            opening = False
            continue
        if opening and nick not in bots and _ROLL_ANSWER.fullmatch(said):
            full.setdefault(nick, nick)
            continue
        info = _INFO_NAME.fullmatch(said)
        if info and info.group(1) == nick and nick not in bots:
            full.setdefault(nick, nick)  # `<layline> #info layline`: one who came late says so
            continue
        if not in_roll or nick in bots or nick in full:
            continue
        if len(said.split()) >= 2 and (introduced := _introduced_name(said)) is not None:
            full[nick] = introduced
            continue
        if m.re is _IRC_ME:
            if _ROLL_ANSWER.match(said):
                full[nick] = nick  # `-*- dilfridge here`: the roll call answered as an action
            continue  # `* chris_n feels better`: an action line names no one but its nick
        if info:
            # `#info clinton`: the attendance a chair asked for, as a username
            full.setdefault(info.group(1), info.group(1))
        elif _ROLL_ANSWER.fullmatch(said):
            full[nick] = nick
        elif (
            _TYPED_NAME.fullmatch(said)
            and said.lower() not in _NOT_NAMES
            and not any(w in _NOT_ANSWERS for w in said.lower().split())
        ):
            full[nick] = said
    for nick in full:
        person(nick, ["member"])
    found = bool(full)
    rolled = any(
        _ROLL_TOPIC.search(m.group("msg")) for m in lines if m.group("msg").lstrip().startswith("#topic")
    )
    for m in lines:
        nick, msg = m.group("nick"), m.group("msg").strip()
        if nick in bots:
            for chair in re.findall(r"The chair is (" + _NICK + ")|Current chairs: ([^\n.]+)", msg):
                for c in " ".join(chair).split():
                    person(c, ["chair"])
            continue
        if re.match(r"^#startmeeting\b", msg, re.I):
            person(nick, ["chair"])
        elif re.match(r"^[.#!](?:hello|hi|present|here)\b", msg, re.I):
            person(nick, ["member"])  # the speaker is present, whatever name they type after it
            found = True
        elif _IRC_ROLL.match(msg):
            for part in msg.split(None, 1)[1].split(";"):
                label, _, names = part.partition(":")
                absent = bool(re.search(r"regrets|apologies|absent", label, re.I))
                for nick in _COMMA_OR_SPACE.split(names):
                    person(nick, ["member"], present=not absent)
                found = True
        elif re.match(r"^#chair\b", msg, re.I):
            for c in msg.split()[1:]:
                person(c, ["chair"])
        for r in re.finditer(
            r"(" + _NICK + r")\s+(?:has\s+)?(?:sent|sends)\s+(?:their\s+|his\s+|her\s+)?"
            r"(?:regrets|apologies)",
            msg,
            re.I,
        ):
            person(r.group(1), ["member"], present=False)
    block = _MEETBOT_PEOPLE.search(text)
    if block:
        items = text[block.end() : block.end() + 3000]
        for item in re.finditer(r"^[ \t]*\*[ \t]+(\S+)[ \t]+\(\d+\)[ \t]*$", items, re.MULTILINE):
            person(item.group(1), ["member"])
            found = True
    elif not rolled and (
        started := [m for m in lines if re.match(r"#startmeeting\b", m.group("msg").strip(), re.I)]
    ):
        # a raw log without the bot's summary or a roll call: who spoke in the meeting was there, as
        # MeetBot counts them (a roll call, where there is one, is the meeting's own record)
        ended = [m.start() for m in lines if re.match(r"#endmeeting\b", m.group("msg").strip(), re.I)]
        stop = ended[0] if ended else len(text)
        for m in lines:
            if started[0].start() <= m.start() < stop and m.group("nick") not in bots:
                person(m.group("nick"), ["member"])
                found = True
    elif logged and not lines:
        # a bot's summary whose roll call is `#info` lines of names: `- Uli Kleber (uli-k, 14:58:58)`, each
        # the speaker naming themself (an item wrapped over lines as the page printed it)
        for m in _INFO_SELF.finditer(text):
            name = " ".join(m.group("name").split())
            # (a topic has the same shape: `- Agenda Bashing (ChrisPriceAB, 15:02:33)`)
            if clean_name(name) == name and not is_organisation(name) and not _MEETING_WORD.search(name):
                reg.add(Person(name, ["member"], None, True), loose=False)
                found = True
    elif not rolled and not logged and not bots and not found:
        # a raw channel log of the meeting with no bot and no roll call (`23:00 <+egbert> hi guys!`): each one
        # who speaks in it is there
        for m in lines:
            person(m.group("nick"), ["member"])
            found = True
    return found


_PROSE_ABSENT = regex(
    r"(?<!\w)(?:apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|given|sent|noted|tendered)"
    r"\s+(?:from|by|on\s+behalf\s+of)|apologies\s+(?:received\s+)?from|regrets\s+(?:were\s+)?(?:received\s+)?from|"
    r"poissa\s+olivat|poissa\s+oli|estyneitä\s+olivat|esteen\s+ilmoittivat|esteestä\s+ilmoittivat)"
    # The names run to the sentence's end; a period after a short title or initial (`Rev.`, `J.`) is none.
    r"[ \t]+(?P<names>(?:[^.\n]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.)*)",
    re.IGNORECASE,
)
# The first words of the phrases above: found with `str.find`, far cheaper than a regex scan of the text.
_ABSENT_WORDS_PROSE = ("apologies", "regrets", "poissa", "estyneitä", "estee")


def _positions(low: str, word: str) -> list[int]:
    """Where `word` occurs in `low`."""
    out: list[int] = []
    i = low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return out


# A chat line's text opens after its `<nick>`.
_SENTENCE_OPEN = regex(r"(?:^|[.!?]\s|\n|>\s)[ \t]*(?:[-*•][ \t]+)?$")
_AWAY = regex(
    r"(?P<name>@?[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){0,2})[ \t]+(?:is|was|on)[ \t]+"
    r"(?:OOO|out\s+of\s+(?:the\s+)?office|on\s+(?:leave|holiday|vacation)|away)\b"
)


_IN_ATTENDANCE = regex(r"[ \t]+(?:was|were)[ \t]+(?:also[ \t]+)?in[ \t]+attendance\b")
_CLAUSE_START = regex(r"(?:[.!?:;]\s+|\n)(?=[^.!?:;\n]*$)")


# a roll inside a sentence: `called to order at 7:39 pm with A, B, and C in attendance`, `Lisäksi paikalla
# olivat seuraavat yhdistyksen jäsenet: A, B ja C.`, `Present at meeting: A, B`
_WITH_IN_ATTENDANCE = regex(r"\bwith[ \t]+(?P<names>[A-ZÅÄÖ][^.;:\n]{3,400}?)[ \t]+in[ \t]+attendance\b")
_PROSE_ROLL = regex(
    r"(?:\b(?i:paikalla|läsnä)[ \t]+(?i:olivat|oli)\b|\b(?i:present|närvarande|deltog)\b)[^.:\n]{0,60}:[ \t]*"
    r"(?P<names>[A-ZÅÄÖ][^.;\n]{3,600})"
)


_OFFICE_WORD_BEFORE = regex(r"(?<![^\s,])(?!(?:ja|sekä|och|samt)[ \t])[a-zåäö]+[ \t]+(?=[A-ZÅÄÖ])")
_PROSE_LISTED = r"(?:[a-zåäö]+[ \t]+)?[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){0,2}"
# `paikalla lisäksi Laura, skypellä mukana Aino, Sinituuli, Johanna`, `läsnä olivat Ari Salo ja Eeva Ek`,
# `Kokoukseen osallistuivat A, B ja C`, `På mötet deltog A, B och C`
_PRESENCE_PROSE = regex(
    r"(?<![\w-])(?i:paikalla|läsnä|mukana|osallistui(?:vat)?|deltog|närvarade|närvarande\s+var)"
    r"(?:[ \t]+(?i:lisäksi|myös|olivat|oli|ovat|on|även))*[ \t]+"
    rf"(?P<names>{_PROSE_LISTED}(?:(?:,[ \t]*|[ \t]+(?:ja|sekä|och|samt)[ \t]+){_PROSE_LISTED})*)"
)


def _prose_rolls(text: str, reg: _Registry) -> bool:
    """Rolls written inside a sentence (see _WITH_IN_ATTENDANCE, _PROSE_ROLL): the members present."""
    found = False
    for rx in (_WITH_IN_ATTENDANCE, _PROSE_ROLL):
        for m in rx.finditer(text):
            people = [p for p in split_people(m.group("names"), "member", True) if len(p.name.split()) >= 2]
            if len(people) >= 2:
                for p in people:
                    reg.add(p)
                found = True
    if may_hold(text, ("paikalla", "läsnä", "mukana", "osallistui", "deltog", "närvara")):
        for m in _PRESENCE_PROSE.finditer(text):
            # an office before a lone name is the person's (`ja harjoittelija Katri`)
            people = split_people(_OFFICE_WORD_BEFORE.sub("", m.group("names")), "member", True)
            lone = [p for p in people if " " not in p.name]
            # lone words are people when most of them are given names (`Aino, Sinituuli, Johanna`)
            if 2 * sum(1 for p in lone if is_given_name(p.name)) < len(lone):
                people = [p for p in people if " " in p.name]
            for p in people:
                reg.add(p)
            found = found or bool(people)
    return found


def _prose_attendance(text: str, reg: _Registry) -> None:
    """`Mr D Thomas, PCC Link Officer, was in attendance.`: people there without a seat (guests)."""
    for m in _IN_ATTENDANCE.finditer(text):
        lo = max(0, m.start() - 200)
        head = text[lo : m.start()]
        cut = _CLAUSE_START.search(head)
        chunk = head[cut.end() :] if cut else head
        for p in split_people(chunk, "guest", True):
            # Only people not listed already: a list before the sentence keeps its own roles.
            if len(p.name.split()) >= 2 and not is_title(p.name) and reg.find(p.name, loose=False) is None:
                reg.add(p, loose=False)


_SENT_APOLOGIES = regex(
    r"[ \t]+(?:(?:has|have)[ \t]+)?(?:sent|send|sends|tendered|gave)[ \t]+"
    r"(?:their[ \t]+|his[ \t]+|her[ \t]+)?(?:apologies|regrets)\b|[ \t]+ilmoitti(?:vat)?[ \t]+esteestä\b"
    r"|[ \t]+(?:har[ \t]+)?anmält[ \t]+förhinder\b|[ \t]+anmälde[ \t]+förhinder\b"
)


_SV_NOT_PRESENT = regex(
    r"(?P<names>(?-i:[A-ZÅÄÖ])[\w'’-]+[ \t]+(?-i:[A-ZÅÄÖ])[\w'’-]+"
    r"(?:(?:,[ \t]*|[ \t]+och[ \t]+)(?-i:[A-ZÅÄÖ])[\w'’-]+[ \t]+(?-i:[A-ZÅÄÖ])[\w'’-]+)*)"
    r"[ \t]+(?:(?:var|är)[ \t]+(?:inte|ej)[ \t]+närvarande|var[ \t]+förhindrad(?:e)?|hade[ \t]+förhinder"
    r"|kunde[ \t]+inte[ \t]+(?:närvara|delta|komma))\b",
    re.IGNORECASE,
)


_IN_ABSENCE = regex(
    r"\b[Ii]n\s+(?:(?P<who>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?)['’]s\s+absence"
    r"|the\s+absence\s+of\s+(?P<of>[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?))\b"
)


def _prose_absences(text: str, reg: _Registry) -> None:
    """`Apologies were received from A and B.`, `Poissa olivat A ja B.`, `@Nora Lind is OOO`."""
    low = text.lower()
    starts = sorted(
        i for word in _ABSENT_WORDS_PROSE for i in _positions(low, word) if i == 0 or not low[i - 1].isalnum()
    )
    for start in starts:
        m = _PROSE_ABSENT.match(text, start)
        if m is None:
            continue
        if not _SENTENCE_OPEN.search(text, max(0, m.start() - 6), m.start()) and m.start() > 0:
            continue  # mid-sentence (`no apologies from anyone`) is no statement of absence
        for p in split_people(m.group("names"), "member", False):
            if " " in p.name or p.name.startswith("@") or reg.find(p.name):
                reg.add(p)
    if "absence" in low:
        # `In Iain's absence Carl ...`, `In the absence of Mary Hill, ...`: someone who was not there
        for m in _IN_ABSENCE.finditer(text):
            who = m.group("who") or m.group("of")
            # (someone on the roll left or came late; `Any Other Business`, `Highways England` are no one:
            # a possessive of one word, `Iain's`, is someone's, else the first word is a given name)
            lone = m.group("who") is not None and " " not in who
            if (
                reg.find(who) is None
                and _annotation_kind(who.lower()) is None
                and (lone or is_given_name(who.split()[0]))
            ):
                reg.add(Person(who, ["member"], None, False, True))
    if any(w in low for w in (" sent ", " esteestä", "förhinder")):
        # `Cllr I Wroth & Cllr H Wroth sent apologies.`, `Aino Aalto ilmoitti esteestä.`: the names first.
        for m in _SENT_APOLOGIES.finditer(text):
            head = text[max(0, m.start() - 200) : m.start()]
            cut = _CLAUSE_START.search(head)
            chunk = _BULLET.sub("", head[cut.end() :] if cut else head)
            for p in split_people(chunk, "member", False):
                if (" " in p.name or reg.find(p.name)) and not is_title(p.name):
                    reg.add(p)
    if any(w in low for w in ("närvarande", "förhind", "kunde inte")):
        # `Suppleanterna Inger Blom och Jack Strand var inte närvarande vid mötet.`, `X var förhindrad.`
        for m in _SV_NOT_PRESENT.finditer(text):
            for p in split_people(m.group("names"), "member", False):
                if " " in p.name and not is_title(p.name):
                    reg.add(p)
    away = "OOO" in text or any(w in low for w in (" away", "out of office", "out of the office", "on leave"))
    for m in _AWAY.finditer(text) if away or "on holiday" in low or "on vacation" in low else ():
        name = clean_name(m.group("name"))
        if name and (" " in name or m.group("name").startswith("@")) and not is_organisation(name):
            reg.add(Person(name, ["member"], None, False, True))


_PROPERTY_ROW = regex(
    r"^[ \t]*\|[ \t]*(?:\*\*)?(?P<label>" + _ALL_LIST + "|" + _ALL_SINGLE + r")(?:\*\*)?[ \t]*:?[ \t]*\|"
    r"(?P<value>[^|\n]+)\|?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


_TRAILING_REGRETS = regex(
    r"(?<=[.;])\s+(?:(?i:apologies|regrets)(?:\s+(?:were\s+)?received)?(?:\s+from)?|(?i:absent|excused)):?"
    r"\s+(?P<names>[A-ZÅÄÖ@][^|]*?)\.?\s*$"
)


def _property_rows(text: str, reg: _Registry) -> bool:
    """A property table's rows: `| Attendees | @Eva Stone @Rui Costa |`, `| Facilitator | Ana |`."""
    found = False
    for m in _PROPERTY_ROW.finditer(text):
        role, present = _label_info(m.group("label"))
        single = _is_single(m.group("label"))
        value = m.group("value")
        regrets = _TRAILING_REGRETS.search(value) if present and not single else None
        if regrets is not None:
            # `A, B (minutes). Apologies received from C.`: the cell's last sentence names the absent
            value = value[: regrets.start()]
            for p in split_people(regrets.group("names"), role, False):
                reg.add(p)
        people = split_people(value, role, present)
        for p in people[:1] if single else people:
            reg.add(p, loose=single)
        found = found or (bool(people) and present and not single and role != "chair")
    return found


# A label in its own column with no colon (a PDF's layout): `Läsnä         Anna Koivu, pj.`
_COLUMN_LABEL = regex(
    r"^(?P<label>" + _ALL_LIST + r")(?:[ \t]{2,}|\t)(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _column_labels(text: str, reg: _Registry) -> tuple[bool, set[int]]:
    """Colon-less labels in a left column; the names run on in the right column below."""
    if "  " not in text and "\t" not in text:
        return False, set()
    lines = text.splitlines()
    found = False
    used: set[int] = set()
    for i, line in enumerate(lines):
        if "  " not in line and "\t" not in line:
            continue  # the label's column ends in a wide gap
        m = _COLUMN_LABEL.match(line)
        label = m.group("label") if m else None
        if m is None and i > 0 and _SINGLE_WORD.fullmatch(lines[i - 1].strip()):
            # A label wrapped over two lines: `Muut` / `saapuvilla    Oona Virta`.
            m = _COLUMN_LABEL.match(lines[i - 1].strip() + " " + line)
            label = m.group("label") if m else None
            if m and label is not None and " " not in label.strip():
                m = None
        if m is None or label is None:
            continue
        role, present = _label_info(label)
        col = line.index(m.group("rest")[:8]) if m.group("rest")[:8] in line else 0
        entries = [m.group("rest")]
        k = i + 1
        while k < len(lines):
            nxt = lines[k]
            indent = len(nxt) - len(nxt.lstrip())
            if not nxt.strip() or indent < max(col - 2, 2) or _COLUMN_LABEL.match(nxt.strip()):
                break
            entries.append(nxt.strip())
            k += 1
        people = [p for e in entries for p in _line_people(e, role, present)]
        for p in people:
            reg.add(p, loose=False)
        if people:
            used.update(range(i, k))
            found = found or (present and role != "chair")
    return found, used


# --- rosters whose line breaks were lost (PDF text): `Osallistujat Aino Aalto Pekka Puro, pj ...` ---
_RUN_TOKEN = regex(r"[(),;]|[^\s(),;]+")
_RUN_INITIAL = regex(r"^[A-ZÅÄÖ]\.(?:[A-ZÅÄÖ]\.)*$|^[A-ZÅÄÖ]$")
# a name word, or hyphenated initials that stand for given names (`C-F Widstrand`, `J-P Ek`)
_RUN_NAME_TOKEN = regex(
    r"^[A-ZÅÄÖÜÉ][a-zåäöüéèáà'’]+(?:-[A-ZÅÄÖa-zåäö][a-zåäöüéèáà'’]+)*$|^[A-ZÅÄÖ](?:-[A-ZÅÄÖ])+$"
)
# A colon-less list label at a run's start, capitalised as a heading word is.
# A roster's label in a long line without its colon (a PDF's lost line breaks)
_RUN_LABELS = (
    r"(?<![\w:])(?P<label>Osallistujat|Läsnä|Läsnäolijat|Läsnäolevat\s+jäsenet|Poissaolevat\s+jäsenet|"
    r"Muut\s+läsnä\s*olevat|Jäsenet|Paikalla|Present|PRESENT|Attendees|"
    r"(?:Muut\s+)?(?:[Ss]aapuvilla|[Ll]äsnä|[Pp]aikalla)\s+olleet(?:\s+(?:jäsenet|varajäsenet))?|Poissa(?:\s+olleet)?|"
    r"Beslutande|Övriga\s+deltagande|Övriga\s+närvarande|Tjänstgörande\s+ersättare|"
    r"Muut\s+läsnäolijat|Muut\s+osallistujat|Lisäksi\s+läsnä|"
    r"Närvarande|Deltagare)"
)
# ... with a name after it (the first may follow a presence mark: `Övriga närvarande - Fagerholm`)
_RUN_LABEL = regex(_RUN_LABELS + r"[ \t]+(?=(?:[xX✓✔-][ \t]+)?[A-ZÅÄÖ][a-zåäö])")
# ... and wherever it stands, whatever follows
_RUN_LABEL_WORDS = regex(_RUN_LABELS + r"\b")
_RUN_MAX_TOKENS = 400
# A name right after a lower-case word or a note, with no comma between: `pj Aino Aalto`, `(VM) Ari Mäki`.
_JOINED_NAME = regex(r"(?:\b[a-zåäö]{3,}|\))[ \t]+[A-ZÅÄÖ][a-zåäö][\w'’-]*[ \t]+[A-ZÅÄÖ][a-zåäö]")


def _joined_names(s: str) -> bool:
    """Whether names follow notes without commas at least twice (a roster that lost its line breaks)."""
    hits = _JOINED_NAME.finditer(s)
    return next(hits, None) is not None and next(hits, None) is not None


# Four capitalised words in a row: names run together (`Aino Aalto Pekka Puro`).
_CAPS_RUN = regex(r"(?:\b[A-ZÅÄÖ][a-zåäö][\w'’-]*[ \t]+){3}[A-ZÅÄÖ][a-zåäö]")


def _run_label_at(toks: list[str], k: int) -> tuple[int, Role | None, bool] | None:
    """A list label of one to three words at token k: (its length, role, present)."""
    for n in (3, 2, 1):
        words = toks[k : k + n]
        if len(words) < n or not all(w[:1].isalpha() for w in words):
            continue
        low = " ".join(words).lower().rstrip(":")
        for rx, role, present in _LIST_RX:
            if rx.fullmatch(low):
                return n, role, present
    return None


def _pairs(units: list[str]) -> list[str]:
    """Capitalised words of a run of names without commas, two words a name (`A B C D` -> `A B`, `C D`)."""
    return [" ".join(units[k : k + 2]) for k in range(0, len(units), 2)]


def office_run(s: str, role: Role | None, present: bool) -> list[Person] | None:
    """`Veli Matti Ojala puheenjohtaja Markku Haiko jäsen Hanna Paakko pääsihteeri`: a roster whose line
    breaks were lost, each name followed by its office in lower case. The offices mark where names end,
    so a name may have any number of words. None when the run is not of that shape."""
    runs: list[tuple[list[str], list[str]]] = []  # (capitalised words, the lower-case words after them)
    for tok in s.split():
        upper = tok[:1].isupper()
        if upper and (not runs or runs[-1][1]):
            runs.append(([tok], []))
        elif upper:
            runs[-1][0].append(tok)
        elif runs:
            runs[-1][1].append(tok)
    if len(runs) < 3:
        return None
    offices = sum(
        1 for _names, after in runs if after and _annotation_kind(after[0].strip(",.;")) is not None
    )
    if offices < 0.6 * len(runs):
        return None
    out: list[Person] = []
    for names, after in runs:
        name = clean_name(" ".join(names)) if 2 <= len(names) <= 4 else None
        if name is None or is_organisation(name) or is_title(name):
            continue
        person = Person(name, [], None, present, not present)
        kind = _annotation_kind(after[0].strip(",.;")) if after else None
        if kind is not None:
            _apply(person, _role_over_default(person, kind, role))
        if role and not person.roles:
            person.roles.append(role)
        out.append(person)
    return out if len(out) >= 3 else None


_RUN_REMARK_WORDS = frozenset({"saapui", "poistui", "arrived", "left", "kom", "gick"})


# The parts of a record after its roll, run into the same line: no one's name (`Järvinen Olli
# Allekirjoitukset Matti Virtanen puheenjohtaja ...`).
_RUN_END_WORDS = words(
    """allekirjoitukset allekirjoitus käsitellyt pöytäkirjantarkastus pöytäkirjan esityslista asialista
    laillisuus päätösvaltaisuus underskrifter underskrift justering ärenden signatures agenda"""
)


def name_run(s: str, role: Role | None, present: bool) -> list[Person]:
    """People in a roster whose line breaks were lost: names two words each, notes after commas."""
    toks = _RUN_TOKEN.findall(s)[:_RUN_MAX_TOKENS]
    out: list[Person] = []
    pending: list[str] = []  # capitalised words not yet made names
    note: list[str] = []  # words after a comma: an office, an organisation, a remark
    in_note = False
    prev_lower = False

    def flush(before_note: bool = False) -> bool:
        """Make names of the pending words; False when they cannot be names (an odd count).

        `before_note`: a note in brackets follows, which closes one name: three words before it are one
        (`Ida Krogh Sjöholm (IC)`)."""
        units: list[str] = []
        glue = ""
        for w in pending:
            if _RUN_INITIAL.match(w) or w.lower() in _PARTICLES:
                glue = f"{glue}{w} "
                continue
            units.append(glue + w)
            glue = ""
        pending.clear()
        if not units:
            return True
        if len(units) == 1 and " " in units[0]:
            units = units[0].rsplit(" ", 1)  # `P O Lindencrona`: initials and a surname, one name
        elif len(units) == 3 and is_given_name(units[0]) and is_given_name(units[1]):
            units = [f"{units[0]} {units[1]}", units[2]]  # `Anna Sophie Liebst`: two given names
        elif len(units) == 3 and before_note and is_given_name(units[0]):
            units = [units[0], f"{units[1]} {units[2]}"]  # `Ida Krogh Sjöholm (IC)`: two surnames
        if len(units) % 2:
            return False
        for piece in _pairs(units):
            name = clean_name(piece)
            if name and not is_organisation(name) and not is_title(name):
                out.append(Person(name, [role] if role else [], None, present, not present))
                column[0] = False
        return True

    titled: set[int] = set()  # people (by position) a title followed: `Aho Merja jäsen`
    office_before: dict[int, tuple[str, str]] = {}  # people (by position) an office came before
    first_role = role
    switch_at = _RUN_MAX_TOKENS  # where a label first changed the role
    column = [False]  # a column of titles after the names (`kirkkoherra kirkkoherra ...`): no one's

    def close_note() -> None:
        if note and out and (len(note) > 6 or column[0]):
            column[0] = True
            note.clear()
        if note and out:
            titled.add(len(out) - 1)
            text = " ".join(note)
            kinds = _note_kinds(text)
            if not kinds and text[:1].isupper() and len(note) <= 4:
                kinds = [("org", text)]
            for kind in kinds:
                _apply(out[-1], _role_over_default(out[-1], kind, role))
        note.clear()

    k = 0
    while k < len(toks):
        t = toks[k]
        if t.endswith(":") or t.lower() in _RUN_END_WORDS:
            break  # another label (`Sihteeri:`) or the next part (`Allekirjoitukset`): the roster ends
        label = _run_label_at(toks, k) if t[:1].isupper() else None
        if label is not None:
            close_note()
            if not flush():
                break
            n, role, present = label
            switch_at = min(switch_at, len(out))
            in_note, prev_lower = False, False
            k += n
            continue
        if t == "(":
            close_note()
            if not flush(before_note=True):
                break
            end = toks.index(")", k) if ")" in toks[k:] else len(toks)
            inner = " ".join(toks[k + 1 : end])
            for piece in inner.split(","):
                if out and piece.strip():
                    for kind in _note_kinds(piece.strip()):
                        _apply(out[-1], _role_over_default(out[-1], kind, role))
            k = end + 1
            in_note, prev_lower = False, False
            # `Pekka Luuk (POISSA) sij. Viljo Smed`: a lower-case word after the note introduces the next.
            while k < len(toks) and toks[k][:1].islower() and toks[k].endswith("."):
                k += 1
            continue
        if t in ("+", "✓", "✔"):
            # `Hannu Harri + Eija Karine +`: a register's presence ticks separate its entries
            close_note()
            if not flush():
                break
            in_note, prev_lower = False, False
            k += 1
            continue
        if t in ",;":
            close_note()
            if not flush():
                break
            in_note = t == ","  # a note follows a comma; a semicolon separates entries
            prev_lower = False
            k += 1
            while t == ";" and k < len(toks) and toks[k][:1].islower() and toks[k].endswith("."):
                k += 1  # `; sij. Ulla-Mari Karhu`
                in_note = False
            continue
        # `Nousiainen Olavi Puheenjohtaja Puurunen Kirsti`: an office in capitals (a table's cell) is a note
        office = (
            t[:1].isupper()
            and len(t) > 3
            and (
                _office_word(t)
                or bool(_OFFICE_COMPOUND.fullmatch(t.lower()))
                or (is_title(t) and not is_given_name(t))  # `Rehtori Kari Koski`
            )
        )
        # `Korpela Raija Saapui pykälän 191 aikana`: a capitalised remark on arrival is a note
        office = office or t.lower() in _RUN_REMARK_WORDS
        is_name_word = (
            bool(_RUN_NAME_TOKEN.match(t) or _RUN_INITIAL.match(t))
            and t.lower() not in _NOT_NAMES
            and not office
        )
        if in_note:
            # `Göteborg Jan-Olof Hedström`: a known given name after the note's word opens the next name
            opens = (
                is_name_word
                and bool(note)
                and not prev_lower
                and (is_given_name(t.split("-")[0]) or bool(_RUN_INITIAL.match(t)))
                and k + 1 < len(toks)
                and bool(_RUN_NAME_TOKEN.match(toks[k + 1]) or _RUN_INITIAL.match(toks[k + 1]))
            )
            if opens:
                close_note()
                in_note = False
                pending.append(t)
                k += 1
                continue
            if is_name_word and (prev_lower or not note):
                if prev_lower:
                    close_note()
                    in_note = False
                    pending.append(t)
                else:
                    note.append(t)
            else:
                note.append(t)
            prev_lower = not is_name_word
            k += 1
            continue
        if is_name_word or (pending and t.lower() in _PARTICLES):
            pending.append(t)
            prev_lower = False
            k += 1
            continue
        if (
            office
            and not pending
            and not in_note
            and k + 2 < len(toks)
            and _RUN_NAME_TOKEN.match(toks[k + 1])
        ):
            # `Närvarande Ordförande Josefine Larsson Ledamöter Anders Ahlström ...`: a column heading or
            # an office before the names (a PDF's table run into one line); an office names the next one
            heading_kind = _annotation_kind(t.lower())
            if heading_kind is not None and heading_kind[0] == "role":
                office_before[len(out)] = heading_kind
            k += 1
            continue
        if (t[:1].islower() or office) and len(pending) >= 2:
            # `Rinne Heimo puheenjohtaja Nappu Juha jäsen`: a title after each name, no commas.
            if not flush():
                break
            in_note = True
            note.append(t)
            prev_lower = True
            k += 1
            continue
        break
    close_note()
    flush()
    for k, kind in office_before.items():
        if k < len(out):
            _apply(out[k], _role_over_default(out[k], kind, role))
    members = [k for k in titled if out[k].roles == ["member"] and k < switch_at]
    if first_role == "member" and len(members) >= 3:
        # A register that titles its members (`Aho Merja jäsen`): the untitled names after them are others.
        for k in range(max(members) + 1, min(switch_at, len(out))):
            if out[k].roles == ["member"]:
                out[k].roles = ["guest"]
    return out or anchored_run(s, role, present)


# Surname endings common in Finnish and Swedish (`Pääkkönen`, `Peltomäki`, `Strömberg`, `Lindqvist`).
_SURNAME_END = regex(
    r"(?:nen|la|lä|mäki|maa|salo|niemi|lahti|vaara|koski|järvi|aho|oja|puro|vuori|pelto|ström|berg|son|"
    r"sson|lund|qvist|kvist|gren|man|holm|strand|dahl|blad|ell|ius|ing)$",
    re.IGNORECASE,
)


def _pair_score(surname: str, given: str) -> int:
    """How much `surname given` looks like one person's name (0: not a pair)."""
    if not is_given_name(given) or is_given_name(surname):
        return 0
    return 2 + bool(_SURNAME_END.search(surname))


def anchored_run(s: str, role: Role | None, present: bool) -> list[Person]:
    """People in a run of names whose commas and line breaks were lost, with group names between them
    (`Läsnä jäsenet: Vihreät Tilvis Matti Vaappo Tomi Keskeiset Koivisto Aleksi`): each name is found by
    its known given name, and the whole run is read in the order (surname first or not) that explains
    more of it. Words that pair with no given name (a party, a group) are left out."""
    words = _RUN_TOKEN.findall(s)[:_RUN_MAX_TOKENS]
    best: list[tuple[int, int]] = []
    best_score = 0
    for surname_first_order in (True, False):
        score, pairs, k = 0, list[tuple[int, int]](), 0
        while k + 1 < len(words):
            a, b = words[k], words[k + 1]
            if not (_RUN_NAME_TOKEN.match(a) and _RUN_NAME_TOKEN.match(b)):
                k += 1
                continue
            got = _pair_score(a, b) if surname_first_order else _pair_score(b, a)
            if got:
                pairs.append((k + 1, k) if surname_first_order else (k, k + 1))
                score += got
                k += 2
            else:
                k += 1
        if score > best_score:
            best, best_score = pairs, score
    names = [f"{words[g]} {words[f]}" for g, f in best]
    # A roll: at least three names, which explain at least half of the run's capitalised words.
    capitalised = sum(1 for w in words if _RUN_NAME_TOKEN.match(w))
    if len(names) < 3 or 4 * len(names) < capitalised:
        return []
    return [Person(n, [role] if role else [], None, present, not present) for n in names]


# `Ropo, Eero puheenjohtaja Laaksonen, Leena`: a register's `Surname, Given` entries run together
_INVERTED_PAIR = regex(
    r"(?<![\w'’-])(?P<last>[A-ZÅÄÖ][\w'’-]+),[ \t]+(?P<first>[A-ZÅÄÖ][\w'’]+(?:-[A-ZÅÄÖ][\w'’]+)?)\b"
)


_SURNAME_GIVEN_LEAD = regex(
    r"[ \t]*(?P<last>[A-ZÅÄÖ][\w'’-]+)[ \t]+(?P<first>[A-ZÅÄÖ][\w'’-]+)(?=[ \t]+[a-zåäö])"
)


def _uninverted(run: str) -> str:
    """A run of three or more `Surname, Given` entries with the given names first and no commas between."""
    found = list(_INVERTED_PAIR.finditer(run))
    pairs = [m for m in found if is_given_name(m["first"].split("-")[0]) and not is_given_name(m["last"])]
    if len(pairs) < 3:
        return run
    # in a register so written, a pair with a given name the list does not know is one entry too
    pairs = [m for m in found if not is_given_name(m["last"])]
    out: list[str] = []
    pos = 0
    lead = _SURNAME_GIVEN_LEAD.match(run)
    if lead and is_given_name(lead["first"].split("-")[0]) and not is_given_name(lead["last"]):
        # the register's first entry, its comma lost: `Fagerudd Martin ordförande, ; Bergström, Marianne`
        out.append(f"{lead['first']} {lead['last']}")
        pos = lead.end()
    for m in pairs:
        if m.start() < pos:
            continue
        out += [run[pos : m.start()], f"{m['first']} {m['last']}"]
        pos = m.end()
    return "".join(out) + run[pos:]


# a presence mark before each entry of a run: `x Karlsson Runar, ordf. x Lindblom Jörgen - Hampf Berit`
_PRESENCE_MARK = regex(r"(?:(?<=\s)|^)(?P<mark>[xX✓✔-])[ \t]+(?=[A-ZÅÄÖ][a-zåäö])")
_MARK_GAP = 90  # characters between two marks of one roll


def _mark_chain(marks: Iterator[re.Match[str]], run: str, labels_end: bool) -> list[re.Match[str]]:
    """The presence marks of one roll: those in a row, each near the one before (`labels_end`: and no roll
    label with a name after it between them, `Övriga närvarande - Fagerholm` opening a run of its own); []
    with fewer than three."""
    chain: list[re.Match[str]] = []
    for m in marks:
        if chain and (
            m.start() - chain[-1].end() > _MARK_GAP
            or (labels_end and _RUN_LABEL.search(run, chain[-1].end(), m.start()))
        ):
            break
        chain.append(m)
    return chain if len(chain) >= 3 else []


def _marked_entry(entry: str, role: Role | None, came: bool) -> list[Person]:
    """The one person of a marked roll's entry (`Karlsson Runar, ordf.`)."""
    return split_people(entry.strip(" ,;"), role, came, one_person=True)[:1]


def _marked_run(run: str, role: Role | None) -> list[Person]:
    """The people of a run whose entries each follow a presence mark (`x` came, `-` did not), or each end in
    one (`+`); [] when the run has no three marks in a row. The run ends at its last entry or at the next
    roll label."""
    marks = _mark_chain(_PRESENCE_MARK.finditer(run), run, labels_end=True)
    if not marks:
        return _trailing_marked_run(run, role)
    people: list[Person] = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else min(len(run), m.end() + _MARK_GAP)
        entry = run[m.end() : end]
        label = _RUN_LABEL_WORDS.search(entry)
        people.extend(_marked_entry(entry[: label.start()] if label else entry, role, m["mark"] in "xX✓✔"))
    return people


# a presence mark after each entry: `Puheenjohtaja Pertti Torstila + pääsihteeri Kristiina Kumpula + ...`
_TRAILING_MARK = regex(r"(?<=[\w)])[ \t]+(?P<mark>[+xX✓✔])(?=[ \t]|$)")


def _trailing_marked_run(run: str, role: Role | None) -> list[Person]:
    """The people of a run whose entries each end in a presence mark."""
    people: list[Person] = []
    start = 0
    for m in _mark_chain(_TRAILING_MARK.finditer(run), run, labels_end=False):
        entry = run[start : m.start()]
        start = m.end()
        # (the last label in the entry heads it: `Muut esittelijät: Jäsenet Sihteeri Hannu Harri`)
        labels = list(_RUN_LABEL_WORDS.finditer(entry))
        entry = entry[labels[-1].end() :] if labels else entry
        people.extend(_marked_entry(entry.rsplit(":", 1)[-1], role, True))
    return people


def _run_rosters(text: str, reg: _Registry, region_end: int) -> bool:
    """Colon-less roster labels in a long line (a PDF's lost line breaks) followed by names."""
    found = False
    scope = text[: max(region_end, 3000)]
    for m in _RUN_LABEL.finditer(scope):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start < 150:
            continue  # an ordinary line: labels and lists there have their own readers
        role, present = _label_info(m.group("label"))
        rest = text[m.end() : min(line_end, m.end() + 3000)]
        people = _marked_run(rest, role) or name_run(_uninverted(rest), role, present)
        _given_name_first(people)
        if len(people) >= 2 or (people and not present):  # one absent is said as such: `Poissa X Y`
            for p in people:
                reg.add(p, loose=False)
            found = True
    return found


def _home_places(reg: _Registry) -> None:
    """`Eva Niskanen Gudmundstjärn`, `Inger Bylund Hässjö`: when nearly every entry of the roster has a
    third word, that word is a column (home parish, branch), not part of the names."""
    long = [p for p in reg.people if len(p.name.split()) >= 3 and not p.name.startswith("@")]
    # the same people named again without the word (`Ordförande Margareta Johansson öppnade`) confirm it
    shorter = {" ".join(p.name.split()[:-1]) for p in long}
    rest = [p for p in reg.people if p not in long and p.name not in shorter]
    if len(long) < 4 or len(long) < 0.75 * (len(long) + len(rest)):
        return
    for p in long:
        toks = p.name.split()
        if is_given_name(toks[-2]) or toks[-2].lower() in _PARTICLES or toks[-2].endswith("."):
            continue  # `Kjell Anders Dahlström`, `Hans von Matérn`, `Junko V. Igarashi`: all one name
        p.organization = p.organization or toks[-1]
        p.name = " ".join(toks[:-1])
        p.key = _key(p.name)
    _merge_same_names(reg)


def _merge_same_names(reg: _Registry) -> None:
    """One entry per name: a later one gives the first its roles (an actor's office, a roll's place)."""
    first: dict[str, Person] = {}
    keep: list[Person] = []
    for p in reg.people:
        seen = first.get(p.key)
        if seen is None:
            first[p.key] = p
            keep.append(p)
            continue
        for role in p.roles:
            _apply(seen, _role_over_default(seen, ("role", role), "member"))
        seen.organization = seen.organization or p.organization
    reg.people[:] = keep


def _merge_titled(reg: _Registry) -> None:
    """`Notarie Thobias Bergström` and `Thobias Bergström` are one person: a title was read as a name."""
    full = {p.key: p for p in reg.people if p.key.count(" ") >= 1}
    keep: list[Person] = []
    for p in reg.people:
        words = p.key.split(" ")
        other = full.get(" ".join(words[1:])) if len(words) >= 3 else None
        if other is not None and other is not p and not is_given_name(words[0]):
            for r in p.roles:
                if r not in other.roles:
                    other.roles.append(r)
            if p.absent_said:
                other.present, other.absent_said = False, True
            continue
        keep.append(p)
    reg.people = keep


# a list item that is only a name, perhaps with a handle, an emoji or a short note after it
_ROSTER_ITEM = regex(
    r"^[ \t]*[-*•+][ \t]+(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){1,3})(?P<rest>.*)$"
)
_ROSTER_REST = regex(r"[ \t]*(?:\(@?[\w.-]+\)|@[\w.-]+|[^\w\s]{1,6})?[ \t]*$")


_INITIALS_LEGEND = regex(
    r"[ \t]*(?:[-*•+][ \t]+)?(?P<name>[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+){1,2})"
    r"[ \t]*(?::|[-–—]|\()?[ \t]*(?P<ini>[A-ZÅÄÖ]{2,3})\)?[ \t]*"
)


def _initials_legend(line: str) -> str | None:
    """The name a line gives with the initials the minutes use for it (`Katherine Harrison: KH`); a body's
    name and its acronym (`Hilltop Residents Association (HRA)`) gives none."""
    legend = _INITIALS_LEGEND.fullmatch(line)
    if legend is None or not _initials_fit(legend["name"], legend["ini"]) or not _full_name(legend["name"]):
        return None
    return legend["name"]


def is_initials_legend(line: str) -> bool:
    """Whether a line is one of a legend of initials (`Katherine Harrison: KH`)."""
    return _initials_legend(line) is not None


def _unlabelled_roster(lines: list[Line], reg: _Registry) -> bool:
    """With no list labelled as the roll, the first list of five or more bare full names is the roll.

    `## Check-in area` over `* Joel Marcey 😱`, `* Jonas Wolf 🙂`: whatever the heading says, a list
    of nothing but people's names at a meeting is who was there.
    """
    run: list[str] = []
    notes: dict[str, list[tuple[str, str]]] = {}
    headed = False  # the list stands right under a short heading near the top (`Board members`)
    for k, ln in enumerate([*lines, None]):
        m = _ROSTER_ITEM.match(ln.text) if ln is not None else None
        rest = m.group("rest") if m else ""
        note = _ROSTER_NOTE.fullmatch(rest) if m and not _ROSTER_REST.fullmatch(rest) else None
        name = m.group("name") if m and (note or _ROSTER_REST.fullmatch(rest)) else None
        if name is not None and _full_name(name):
            if not run:
                headed = k < 40 and _short_heading_before(lines, k)
            run.append(name)
            if note:
                # `Peter Barth (chaired the meeting)`: the note's role, if it names one
                notes[name] = [
                    kind for kind in _note_kinds(note.group("note")) if kind[0] in ("role", "absent")
                ]
            continue
        # `Katherine Harrison: KH`, `Tracey Langford TL`: a legend of the initials the minutes use
        legend = _initials_legend(ln.text) if ln is not None else None
        if legend is not None:
            run.append(legend)
            continue
        # `Hamish Beaumont (HB) (Chair) Martine Botha (MB)`: names with their initials, two to a line
        paired = _initialled_people(ln.text, "member", True) if ln is not None and "(" in ln.text else []
        if len(paired) >= 2:
            run.extend(p.name for p in paired)
            continue
        if ln is not None and not ln.text.strip() and run:
            continue  # a blank line inside the list
        if len(run) >= 5 or (headed and len(run) >= 3):
            for n in run:
                person = Person(n, ["member"], None, True)
                for kind in notes.get(n, []):
                    _apply(person, kind)
                reg.add(person)
            return True
        run = []
        notes = {}
    return False


_ROSTER_NOTE = regex(r"[ \t]*\((?P<note>[^()]{1,60})\)[ \t]*")
_SENTENCE_MARK = regex(r"[.!?;,]\s|[.!?]$")


def _short_heading_before(lines: list[Line], k: int) -> bool:
    """Whether the nearest non-blank line above line k is a short heading (no sentence, no list item)."""
    for j in range(k - 1, max(k - 4, -1), -1):
        t = lines[j].text.strip()
        if not t:
            continue
        t = t.strip("#*=:_ ")
        return (
            0 < len(t.split()) <= 5 and not _SENTENCE_MARK.search(t) and _BULLET.match(lines[j].text) is None
        )
    return False


_TWO_LABELS = CaseBlind(
    regex(
        r"^[ \t]*(?:\*\*)?(?P<a>"
        + _ALL_LIST
        + r")[ \t]*:?(?:\*\*)?[ \t]+(?:\*\*)?(?P<b>"
        + _ALL_LIST
        + r")[ \t]*:?(?:\*\*)?[ \t]*$",
        re.IGNORECASE,
    )
)


def _two_column_roll(lines: list[str], reg: _Registry, used: set[int]) -> bool:
    """`Närvarande: Frånvarande:` over lines of one or two names: a two-column table whose columns a
    PDF or a web page ran together. The left name of a line is the first list's, the right one the
    second's; a line with one name is the longer, left column going on."""
    found = False
    for i, line in enumerate(lines):
        head = _TWO_LABELS.match(line) if len(line) <= 80 else None
        if head is None:
            continue
        columns = [_label_info(head.group("a")), _label_info(head.group("b"))]
        people: list[Person] = []
        blank = 0
        for j in range(i + 1, min(len(lines), i + 80)):
            t = lines[j].strip()
            if not t:
                blank += 1
                if blank >= 2 and people:
                    break
                continue
            blank = 0
            cells = [c.strip() for c in _COLUMN_GAP.split(t) if c.strip()]
            toks = t.split()
            if len(cells) == 1 and len(toks) == 4:
                cells = [" ".join(toks[:2]), " ".join(toks[2:])]
            names = [clean_name(c) for c in cells]
            if not 1 <= len(cells) <= 2 or any(n is None or " " not in n for n in names):
                break
            for k, name in enumerate(names):
                role, present = columns[k]
                people.append(Person(name or "", [role] if role else ["member"], None, present, not present))
            used.add(j)
        if len(people) >= 3:
            used.add(i)
            for p in people:
                reg.add(p, loose=False)
            found = found or any(p.present for p in people)
    return found


def _person_like(p: Person, noted: bool) -> bool:
    """A full name with a known given name, or any full name when the line gives each one initials."""
    first = p.name.split()[0]
    return not is_organisation(p.name) and (noted or is_given_name(first))


def _head_roll_line(lines: list[Line], reg: _Registry) -> bool:
    """With no roll found, a line near the top that is nothing but three or more full names (with their
    initials or offices) is the roll: `Adrian Hale (AH), Pam Apple (PA), Tim Over (TO)`."""
    for ln in lines[:30]:
        t = ln.text.strip()
        if t.count(",") < 2 or len(t) > 400 or _HEADING_LINE.match(t):
            continue
        people = _line_people(t, "member", True)
        # `Mill Street, Parish Rooms, Riverside Allotments` is a place: names need given names or initials
        noted = t.count("(") >= len(people)
        if (
            len(people) >= 3
            and all(len(p.name.split()) >= 2 for p in people)
            and sum(_person_like(p, noted) for p in people) * 2 >= len(people)
        ):
            for p in people:
                reg.add(p, loose=False)
            return True
    return False


def is_roll_label_line(line: str) -> bool:
    """Whether a line is only a list of people's label (`In Attendance`, `Läsnä:`)."""
    return _LABEL_LINE.match(line) is not None


def names_office(note: str) -> bool:
    """Whether a bracketed note after a name is an office or a role (`Council Chair`, `Media Officer`)."""
    kind = _annotation_kind(note)
    return kind is not None and kind[0] in ("role", "desc")


def has_roll_label(s: str) -> bool:
    """Whether a list of people's label (`Närvarande:`, `Present:`) stands in the text."""
    return any(_label_info(m.group("label"))[0] is not None for m in _INLINE_LABEL.finditer(s))


_CELL_END = regex(r"[ \t]+\|[ \t]*$")


def _without_cell_ends(lines: list[str]) -> list[str]:
    """Lines of a two-column table copied one cell a line (`Apologies |` / `Fr. D Watson, Mr. R Coombes |`)
    without the cell's end: the label and its names as on any roll."""
    filled = [line for line in lines if line.strip()]
    ends = sum(1 for line in filled if line.count("|") == 1 and _CELL_END.search(line))
    if len(filled) < 4 or ends * 5 < len(filled) * 2:
        return lines
    return [_CELL_END.sub("", line) if line.count("|") == 1 else line for line in lines]


# Roll label words as haste misspells them (a letter dropped, doubled or swapped; one word for another)
_MISSPELT_LABEL = regex(
    r"\b(?:attend(?:ace|ence|enace|ancce|nace)|app?olog(?:ises|izes|ys|eis|ise)|appologies|apolgies|apoligies)\b",
    re.IGNORECASE,
)


def _label_spelt(m: re.Match[str]) -> str:
    """The label word meant, in the case it was typed in (`APOLOGISES`, `Attendence`, `attendace`)."""
    word = "attendance" if m.group().lower().startswith("atten") else "apologies"
    typed = m.group()
    return word.upper() if typed.isupper() else word.capitalize() if typed[0].isupper() else word


def find_participants(text: str, seg: Segmentation) -> list[Participant]:
    """Everyone the minutes name as taking part (or as absent), with roles and organisations."""
    # The same list pieces are read several times per document (list, orphan and table passes): the pure
    # name tests are memoised, and cleared per document so that no document gains from the one before.
    for cached in (clean_name, _annotation_kind, is_title, is_organisation):
        cached.cache_clear()
    reg = _Registry()
    region_end = seg.header_end if seg.header_end else len(text)
    if _MISSPELT_LABEL.search(text):
        # `In attendace:`, `Apologises were received from`: a roll label as typed in haste, read as meant
        # (the head's end moves with the words mended before it)
        region_end += sum(
            len(_label_spelt(m)) - len(m.group()) for m in _MISSPELT_LABEL.finditer(text, 0, region_end)
        )
        text = _MISSPELT_LABEL.sub(_label_spelt, text)
    tables = _header_tables(text, reg)
    lines = split_lines(text)
    plain = _without_cell_ends([ln.text for ln in lines])
    used_two: set[int] = set()
    two_columns = _two_column_roll(plain, reg, used_two) if len(text) < 400_000 else False
    found_list, used, presenter_blocks = _list_blocks(text, plain, reg, region_end)
    found_list = found_list or two_columns
    used |= used_two
    found_list = found_list or tables
    column_found, column_used = _column_labels(text, reg)
    found_list = _property_rows(text, reg) or column_found or found_list
    used |= column_used
    found_list = _field_list(text, reg) or found_list
    if len(text) > 150 and _RUN_LABEL.search(text, 0, max(region_end, 3000)):
        found_list = _run_rosters(text, reg, region_end) or found_list
    found_list = _meetbot(text, reg) or found_list
    if found_list:
        _orphan_blocks(lines, reg, region_end, used)
        # A presenters' list (`Alustajat:`) beside a roster is part of the participant list: members who
        # present, invited like the others. Someone who came for one item says so (`kohta 4`, `for item 3`).
        for _last, block in presenter_blocks:
            for p in block:
                if p.roles == ["presenter"]:
                    p.roles.insert(0, "member")
    found_list = _attendance_sections(text, seg, reg) or found_list
    found_list = _given_name_groups(lines, reg, region_end) or found_list
    if not found_list:
        found_list = _prose_rolls(text, reg) or _unlabelled_roster(lines, reg) or _head_roll_line(lines, reg)
    _elections(text, reg)
    if may_hold(text, ("välj", "vald", "adjunger", " blev ")):
        _sv_elections(text, reg)
    if "vakuudeksi" in text:
        _named_in(text, _ATTESTED, reg, "secretary")  # who signs the minutes in witness wrote them
    _absent_officers(text, reg)
    _prose_absences(text, reg)
    if "attendance" in text:
        _prose_attendance(text, reg)
    _actors(text, reg, found_list)
    if not found_list and may_hold(text, _SV_REPORT_VERBS):
        _sv_inverted_actors(text, reg)
    if not found_list and may_hold(text, ("proposed", "seconded", "moved", "nominated")):
        _named_in(text, _MOVED_BY, reg, "member", only_new=True)  # movers and seconders where no list is
    _opened_by(text, reg)
    _signature_roles(text, reg)
    for sec in seg.sections:
        for name in sec.presenters:
            reg.add(Person(name, ["presenter"], None, True))
    # Speakers count when no list names the members: only officers (`Chairs:`, `Responsible AD:`) are known.
    if not found_list or not any(p.roles == ["member"] and p.present for p in reg.people):
        _speakers(text, reg)
    _home_places(reg)
    _merge_titled(reg)
    out: list[Participant] = []
    for p in reg.people:
        roles = list(dict.fromkeys(p.roles)) or ["member"]
        # An officer or a guest is named by that role; a member who presented stays a member.
        if "member" in roles and any(r in roles for r in ("chair", "vice_chair", "secretary", "guest")):
            roles.remove("member")
        out.append(Participant(name=p.name, roles=roles, organization=p.organization, present=p.present))
    return out
