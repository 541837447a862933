"""Shared vocabulary of the action rules: patterns, word lists, the item record and text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from muistio.contract import Due
from muistio.extraction.parts import CaseBlind, Section, may_hold
from muistio.extraction.sentences import Sentence
from muistio.extraction.vocabulary import words
from muistio.patterns import regex

# --- names and initials
_CAPS_INITIALS = regex(r"[A-ZÅÄÖ]{2,6}")  # 'KM', 'AJL': initials standing for a person


_INNER_CAPITAL = regex(r"[a-zåäö][A-ZÅÄÖ]")  # 'McKay', 'jDoe': a name or handle, not a word


_NAME_SEPARATOR = regex(r"\s*(?:,|\bja\b|\band\b|\boch\b|[&+/])\s*")


_TRAILING_INITIALS = regex(r",\s*[A-ZÅÄÖ]{2,6}\s*$")  # 'Aila Virta, AV': the initials repeat her


_NAME_WITH_HANDLE = regex(r"([A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)+)\s*\((@[\w.-]+)\)")


_MEETBOT_NICK_TASK = regex(r"\s*(@?[a-z][\w.-]*)\s+(?:to|will|should)\s")


_NOT_A_SPEAKER = regex(r"\s*(?:Vastuu|Owner|Deadline)")  # labels shaped like a 'Name:' turn


_LEADING_THE = regex(r"^(?:the|The)\s+")


_LEADING_THE_OR_ALL = regex(r"^(?:the|all)\s+")


_TRAILING_THE = regex(r"\b[Tt]he\s+$")


_OFFICE_PHRASE = regex(r"[\wåäöÅÄÖ-]+(?:\s+[\wåäöÅÄÖ-]+){0,2}")  # 'Consultant Anaesthetist'


_CAPITALISED_OFFICE = regex(r"(?:[Tt]he\s+)?([A-Z][a-z]+)")  # 'the Clerk'


# --- Markdown and list markup
_LIST_MARKER_LEAD = regex(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+")


_OPTIONAL_LIST_MARKER = regex(r"\s*(?:[-*•+]\s+|\d{1,2}[.)]\s+)?")


_BULLET_LEAD = regex(r"\s*(?:->|=>|→|[-*•])?\s*")


_MD_ESCAPE = regex(r"\\([\[\]_*])")


_MD_STAR_EMPHASIS = regex(r"(\*\*|\*|`)(\S(?:.*?\S)?)\1")


_MD_UNDERSCORE_EMPHASIS = regex(r"(?<!\w)(__?)(\S(?:.*?\S)?)\1(?!\w)")


_CLOSING_BRACKET = regex(r"\\?\]|\)(?!\w)")


_TRAILING_PAREN_NOTE = regex(r"\s*\([^()]*\)?\s*$")  # '... (carried over)': no new task


# --- punctuation and tokens
_SPACES = regex(r"\s+")


_NON_WORD_RUN = regex(r"\W+")


_WORD_TOKEN = regex(r"[\wåäöÅÄÖ-]+")


_FIRST_LOWER_WORD = regex(r"\s*([a-zåäö]+)")


_ASCII_LOWER_WORD = regex(r"\s*([a-z]+)")


_CLAUSE_PUNCT = regex(r"[,;:]")


_LIST_SEP = regex(r"[,;]\s+")


_LIST_SEP_OUTSIDE_PARENS = regex(r"(,\s+(?![^()]*\))|;\s+)")  # the group keeps the separators


# a bracket, dash or colon before a name: a new clause starts there ('- Kate will', '(Kate will')
_CLAUSE_OPENER_END = regex(r"(?:[(\[–—:;,.]|\s-)\s*$")


_TRAILING_DASH = regex(r"[–—-]\s*$")


_WORD_FINAL_DOT = regex(r"(?<=[A-Za-zåäö]{3})\.$")  # 'in April.' -> 'in April' (not 'klo 9.')


_YEAR = regex(r"\b\d{4}\b")


_CLOCK_TIME = regex(r"\bklo\b|\bkello\b|\d{1,2}[:.]\d{2}")


# --- English word shapes
_EN_NON_VERB_SUFFIX = regex(r"(?:ed|ing|ive|ion|ment|ness|ity|ance|ence|ly|ful|able)$")


_EN_WILL_BE = regex(r"\bwill\s+be\s+(\w+)")


_EN_I_WILL = regex(r"\bI(?:'ll|’ll| will)\s+(\w+)")


# --- Finnish word shapes (suffix tests stand in for a morphological analyser)
_FI_PLURAL_3P_END = regex(r"(?:vat|vät)$")


# partitive endings, for the nominative guess (kiinteistövastaavaa -> kiinteistövastaava)
_FI_DOUBLE_A_END = regex(r"([aä])\1$")


_FI_CONSONANT_TA_END = regex(r"[^aeiouyäö]t[aä]$")


_FI_VOWEL_A_END = regex(r"[aeiouyäö][aä]$")


_FI_SECOND_VERB = regex(r"\s+\w+\s+([a-zåäö]+)\b")  # 'lupasi toimittaa': the verb after the verb


_FI_INFINITIVE_END = regex(r"(?:[aeiouyäö][aä]|[dtlnr][aä]|m[aä][aä]n)$")


_FI_A_INFINITIVE_END = regex(r"(?:[aä]|d[aä]|t[aä]|l[aä]|n[aä]|r[aä])$")


# a local or other case ending: an inflected word is no subject ('Hallituksessa', 'Kokoukselle')
_FI_CASE_END = regex(r"(?:een[aä]|ss[aä]|ll[aä]|lle|st[aä]|ksi|tt[aä])$")


_FI_NEGATION_EI = regex(r"\s*ei\b")


_FI_AS_TASK = regex(r"\btehtäv(?:äksi|änä)\b")


_FI_NAME_ALLATIVE = regex(r"\b([A-ZÅÄÖ][a-zåäö]+lle)\b")  # 'Mikolle': to Mikko


_FI_ALLATIVE = regex(r"\b([a-zåäö]{4,}lle)\b")


_FI_GENITIVE_OBJECT = regex(r"[\wåäö]+\s+([a-zåäö]{4,}n)\b")


_FI_GOAL_LEAD = regex(r"\s*(?:[-*•]\s*)?Tavoitteena\s+(?:on\s+)?([a-zåäö]+)")


_FI_INTENTION = regex(r"\b(?:on\s+)?tarkoitus\s+(?:on\s+)?([a-zåäö]+[aä])\b")


_FI_NO_INTENTION = regex(r"\bei\s+(?:ole\s+)?tarkoitus")


_MD = r"(?:\*\*|__|\*|_)?"  # Markdown emphasis around a marker: '**ACTION:**', '**Action**:'


_EXPLICIT = regex(
    # after a bullet or a list's number: '10. TODO: have a survey ...'
    rf"^\s*(?:[-*•]\s*|\d{{1,3}}[.)]\s+)?(?:\[\s\]\s*|#action\b:?\s*"
    # 'AI(kimura): open an issue', 'ACTION (Lee, Kim): ...': the owner in brackets after the marker
    r"|(?:ACTION|AI|AP|TODO)\s*\((?P<paren>[^()\n]{1,60})\)\s*[:\-–—]\s*"
    rf"|{_MD}(?:(?:ACTION(?:\s+ITEM)?S?|Action(?:\s+items?)?"
    r"|Action\s+points?|AI|AP|TODO|To-?Do|Toimenpiteet|Toimenpide|Jatkotoimenpiteet|Tehtävä|Att\s+göra|Åtgärd)"
    r"(?:\s?#?\d{1,3}(?!\d))?"  # a numbered marker: 'AP1:', 'Action 3 -', 'ACTION #12:'
    rf"(?:\s*[:\-–—]\s*{_MD}|{_MD}\s*[:\-–—])"
    # 'TODO Olga: open a PR' - a capitalised marker, then the owner and a colon or dash
    r"|(?-i:TODO|ACTION|Action|AP)\s+(?=(?-i:[A-ZÅÄÖ@][\w.'’-]*(?:\s+[A-ZÅÄÖ][\w'’-]*)?)\s*(?::|\s[—–-]\s))"
    # 'AP Jonna koostaa listan', 'ACTION Bob to book the hall': the marker, the owner, then the verb
    r"|(?-i:TODO|ACTION|AP)\s+(?!(?-i:POINTS?|ITEMS?)\b)"
    r"(?=(?-i:[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)?)\s+(?-i:[a-zåäö]))"
    # 'Action Guy to make ...', 'Action Nic and Jamie to meet': a table's type cell, then a named task
    r"|(?-i:Action)\s+(?!(?-i:Plans?|Points?|Items?|Days?|Groups?|Logs?|Lists?|Teams?|Committee)\b)"
    r"(?=(?-i:[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)?)"
    r"(?:\s*(?:,|&|(?-i:and))\s*(?-i:[A-ZÅÄÖ][\w'’-]+))*\s+(?-i:to|will|shall)\s)"
    # 'ACTION POINT JV to approach ...', '[todo] Joel to create a poll' (also Markdown-escaped '\[todo\]')
    r"|(?-i:ACTION\s+POINTS?)\s+(?=[A-ZÅÄÖ@])|\\?\[(?:todo|action)\\?\]\s*)\s*)",
    re.IGNORECASE,
)


_DONE_BOX = regex(r"^\s*(?:[-*•]\s*)?\[[xX]\]")


# A done marker after a dash, comma or bracket ('– done 2 March', '(done)', '— valmis', ', tehty', '✓'):
# the task is reported as finished, and its date is when, not a due.
_DONE_HINTS = (
    "done",
    "complet",
    "closed",
    "finish",
    "valmi",
    "tehty",
    "hoidettu",
    "suoritettu",
    "✓",
    "✔",
    "☑",
    "✅",
)


def _may_be_done(seg: str) -> bool:
    """A cheap test before the done-marker pattern (run on every sentence): any hint, case-blind."""
    return may_hold(seg, _DONE_HINTS)


_DONE_WORD = r"(?:done|completed|closed|finished|valmis|valmiina|tehty|hoidettu|suoritettu)"
_DONE_MARK = regex(
    rf"(?:[–—]|\s-|[(\[,;])\s*{_DONE_WORD}"
    r"(?=\s*(?:$|[.,;:)\]!]|\d|[A-Za-zåäö]+\s+\d))|[✓✔☑✅]"
    # a status word closing the line after the task's full stop: '... from the shop. done'
    rf"|[.!]\s+{_DONE_WORD}\s*[.!]?\s*$",
    re.I,
)
# a sentence that is only a status word: 'KW to buy flowers. Done.' reports the task before it finished
DONE_ONLY = regex(rf"\s*{_DONE_WORD}\b[\s\d./-]*(?:[A-Za-zåäö]+)?\s*[.!]?\s*", re.I)  # or 'Done 3 March.'


# English labels need their colon or dash: 'Responsible AD: Omar' names an office, not an owner
_OWNER_LABEL = regex(
    # (the label in any case: `(vastuu: Aino)`, `(ansvar: Anna)`, `Owner: Kim`)
    r"[(\[]?\b(?:(?i:vastuu(?:henkilö)?|vastuussa)\s*[:\-–]?|(?i:owner|assignee|responsible|ansvarig|ansvariga|ansvar)"
    r"\s*[:\-–]|(?i:assigned\s+to))\s*"
    r"(?P<who>@?[A-ZÅÄÖ][\w'’.-]*(?:\s+[A-ZÅÄÖ][\w'’.-]*)?(?:\s*(?:,|\bja\b|\band\b|[&+])\s*@?[A-ZÅÄÖ][\w'’.-]*"
    r"(?:\s+[A-ZÅÄÖ][\w'’.-]*)?)*)",
)


_OWNER_HINTS = ("astuu", "wner", "ssign", "esponsible", "nsvar")


def _owner_label(seg: str) -> re.Match[str] | None:
    """'Vastuu: Mikko', 'Owner: Kim', 'Lead by @John' in a sentence (cheap substring tests first)."""
    if any(h in seg for h in _OWNER_HINTS):
        m = _OWNER_LABEL.search(seg)
        if m:
            return m
    return _LEAD_BY.search(seg) if "by" in seg else None


_LEAD_BY = regex(r"\b(?:Lead|Led|Driven|Owned)\s+by\s+(?P<who>@?[A-ZÅÄÖ@][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)")


_LABEL = regex(
    r"^\s*(?:[-*•]\s*)?(?P<label>Päätös|Päätösehdotus|Esitys|Ehdotus|Decision|Resolution|Resolved|RESOLVED|Agreed|AGREED"
    r"|Proposal|Note|Huom|Info|INFO|IDEA|Idea|TOPIC|LINK|Alustus|Keskustelua|Muistiinpanot|Kommentit|Kommentteja"
    r"|Discussion|Notes|Kehyspäätös|Taustaa|Tausta)\b[^:\n]{0,14}:\s*"
)


_PREAMBLE_END = regex(
    r"^\s*(?:Alustus|Alustaja|Esittely|Esittelijä|Keskustelu[a]?|Muistiinpanot|Päätös|Kommentit|Kommentteja"
    r"|Presentation|Discussion|Notes|Decision)\b[^:\n]{0,30}:",
    re.IGNORECASE,
)


_ANNOUNCE_TITLE = regex(r"ilmoitusasi|tiedoksi|tiedotusasi|tiedotettavat|announcement|for information", re.I)


_TURN = regex(r"^\s*(?:[-*•]\s*)?(?P<who>@[\w.:-]+|[A-ZÅÄÖ][\w'’.-]*(?:\s+[A-ZÅÄÖ][\w'’.-]*){0,2})\s*:\s*")
# an officer's report in a round of them: 'b) Lina, kassör; Har uppdaterat medlemslistan.'
_OFFICER_TURN = regex(
    r"^\s*(?:[a-z][.)]\s*)?(?P<who>[A-ZÅÄÖ][\w'’-]*(?:\s+[A-ZÅÄÖ][\w'’-]*)?),\s*"
    r"[a-zåäö][\w-]*(?:\s+[a-zåäö][\w-]*){0,2}\s*;\s*"
)


# a speaker by initials and a dash, as discussion notes write them: `NM - I will send the links`
_INITIALS_TURN = regex(r"^\s*(?:[-*•]\s*|\d{1,3}[.)]\s*)?(?P<who>[A-ZÅÄÖ]{2,3})[ \t]+[-–—][ \t]+(?=\S)")


def _turn(s: str) -> re.Match[str] | None:
    """A speaker's 'Name: ...' at the start of s; the colon test spares the pattern most sentences."""
    turn = _TURN.match(s) if ":" in s else None
    turn = turn or (_INITIALS_TURN.match(s) if " - " in s or "–" in s or "—" in s else None)
    return turn or (_OFFICER_TURN.match(s) if ";" in s else None)


_REPORTING = CaseBlind(
    regex(
        r"(?=[kemrspit])\b(?:kertoi|esitteli|totesi|mainitsi|kuvasi|raportoi|selosti|informoi|presented|reported|explained)\b",
        re.I,
    )
)


_STRUCK = regex(
    r"~~.*?~~|<(?:s|del|strike)>.*?</(?:s|del|strike)>"
    # one tilde each side, as GitHub also strikes through: a whole list item `- ~DH: pull out ...~`
    r"|(?:(?<=[-*•+] )|(?<=\d[.)] ))~(?=[^\s~])[^~\n]{3,}?(?<=[^\s~])~(?!~)",
    re.S,
)


_MEETBOT_TRAILER = regex(r"\s*\((?:@[\w.:-]+|[\w.-]+),\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")


_MEETING_WORDS = regex(
    r"\b(?:kokous|kokouksen|kokoukseen|kokouksessa|palaveri\w*|vuosikokous\w*|syyskokous\w*|kevätkokous\w*"
    r"|yleinen kokous"
    r"|\w*parlamentti\w*|istunto\w*|meeting|AGM|EGM|session)\b",
    re.I,
)


_GENERIC = regex(
    r"\b(?:tavanomaisesti|yleensä|totuttuun tapaan|aina|usein|jatkuvasti|parhaillaan|perinteisesti|nykyään"
    r"|tällä hetkellä|normaalisti|\d+\s+kert(?:aa|a)|viikoittain|kuukausittain|päivittäin|vuosittain"
    r"|kerran\s+(?:viikossa|kuussa|vuodessa)|joka\s+(?:viikko|kuukausi|päivä|vuosi))\b",
    re.I,
)


_RELATIVE = words(
    """
    joka jota joita jossa jolla jolta jolle josta johon joihin joilla joista joiden jonka joissa
    missä mistä mihin mitä jotta kun mikäli jos kuinka miten miksi milloin
    """
)


# A next-meeting line ('Seuraava kokous toukokuussa, kutsu lähetetään myöhemmin'): scheduling, not a task
_NEXT_MEETING_LINE = regex(
    r"^\W*(?:(?:seuraava|seuraavan|next)\s+(?:\w+\s+)?(?:kokous|kokouksen|kokoukseen|tapaaminen|meeting|call|session)"
    r"|nästa\s+(?:\w+\s+)?(?:möte|styrelsemöte|sammanträde|träff)\b)",
    re.I,
)


_REPORTED_THAT = regex(
    r"(?=[mhkptaenrsoicbs])\b(?:muistutti|muistuttaa|huomautti|huomauttaa|mainitsi|korosti|painotti|totesi|toteaa|kertoi|kertoo"
    r"|tiedotti|arveli|epäili|muistuttivat|totesivat|kertoivat|noted|notes|reminded|said|says|reported"
    r"|mentioned|explained|pointed\s+out|stressed|observed|remarked|commented|informed|advised|told"
    r"|confirmed|highlighted|konstaterades|konstaterade|berättade|informerade|meddelade|påpekade"
    r"|nämnde|sade|sa)\b[^.;]*?\b(?:että|that|att)\b",
    re.I,
)


# 'vuodelle 2027', 'for 2027': the year something is for, not a deadline
_FOR_PERIOD = regex(
    r"\b(?:vuodelle|vuosille|kaudelle|tilikaudelle|toimintavuodelle|for(?:\s+the\s+year)?)\s+$", re.I
)


_OWNERLESS_RULES = frozenset({"fi-passive", "en-passive", "sv-passive", "deadline", "goal", "we"})


_AGREED = regex(
    # also as a list item: '- It was agreed that Bob would contact the printer'
    r"^\s*(?:[-*•+]\s+)?(?:Sovittiin|Päätettiin|Todettiin|Agreed|It was agreed|Decided"
    r"|Beslutades|Det beslutades|Beslöts|Man beslöt|Enades|Man enades\s+om)"
    r"(?:\s+(?:yksimielisesti|unanimously|yhteisesti|enhälligt))?\s*,?\s*(?:että|that|att)?\s*",
    re.I,
)


# Finnish present passives that are not tasks: agenda proposals, modality, talk, noting.
_PASSIVE_STOP = words(
    """
    voidaan saadaan ollaan todetaan keskustellaan käsitellään hyväksytään merkitään valitaan
    päätetään avataan esitetään tarvitaan puhutaan kerrotaan sanotaan ajatellaan tiedetään nähdään
    halutaan jatketaan aletaan katsotaan odotetaan toivotaan uskotaan arvioidaan käytetään todetaan
    luetaan kuullaan mennään tullaan pidetäänkö ymmärretään oletetaan epäillään muistetaan tunnetaan
    lasketaan kiitetään onnitellaan vastaan ainoastaan kokonaan lainkaan ollenkaan yhtään mitään
    ketään ylipäätään pelkästään kerrassaan sellaisenaan aikanaan kaikkiaan puolestaan vuorostaan
    tahollaan osaltaan itsestään työtään jatkossaan vaan palataan palaamme
    korostetaan painotetaan mainitaan kuvataan edellytetään suositellaan linjataan katetaan rahoitetaan
    """
)


# Passives that state what the decision itself settles (a grant, a rent, a rate), not work to be done.
_VERDICT = words(
    """
    vuokrataan myönnetään vahvistetaan nimetään määrätään korotetaan alennetaan asetetaan myydään
    vuokrattiin myönnettiin vahvistettiin nimettiin valtuutetaan budjetoidaan budjetoitiin lakkautetaan
    lakkautettiin
    """
)


# Words saying that something stays as it is: a standing fact, not a task.
_STANDING = regex(
    r"\b(?:ennallaan|entisellään|ennallensa|ennallaan|nykyisellään|muuttumattomana|ennallaan|voimassa"
    r"|unchanged|as\s+it\s+is|as\s+before|remains?|stays?)\b",
    re.I,
)


# the passives of the s-stems, spelt as a noun's '-staan' (elative and possessive) would be
S_STEM_PASSIVES = frozenset({"julkaistaan", "pestään"})
_PASSIVE = regex(
    rf"\b({'|'.join(sorted(S_STEM_PASSIVES))}"
    r"|[a-zåäö][a-zåäö-]*?(?:[aeiouyäöh]d|[aeiouyäö]t|ell|nn|rr)(?:aan|ään))\b",
    re.I,
)


# Finnish 3rd-person present task verbs (a subject that is not a known participant needs one of these).
_FI_TASK_VERBS = words(
    """
    hoitaa selvittää valmistelee laatii huolehtii lähettää laittaa tilaa ottaa hankkii hakee tuo vie työstää
    allekirjoittaa
    tekee sopii toimittaa kirjoittaa päivittää varaa ilmoittaa kutsuu järjestää tarkistaa tarkastaa
    hyväksyttää valmistaa kokoaa koordinoi kysyy muokkaa suunnittelee organisoi esittelee tiedottaa
    laskuttaa maksaa tulostaa kopioi siivoaa soittaa luonnostelee vie selvittelee kartoittaa valvoo
    hoitelee avaa perustaa pyytää jakaa neuvottelee ostaa korjaa siirtää kilpailuttaa laskee
    """
)


_FI_VERB_STOP = words(
    """
    on ei oli ovat olivat kertoo toteaa ehdottaa sanoo haluaa uskoo toivoo muistuttaa korostaa
    kiittää näkee pitää tietää ymmärtää ajattelee huomauttaa kommentoi voi saa osaa tuntee kuuluu
    edustaa toimii jatkaa puoltaa kannattaa vastustaa esittää päättää johtaa istuu puhuu keskustelee
    ihmettelee epäilee arvioi mainitsee suosittelee painottaa tarkentaa täydentää lisää vastaa kysyy
    tarvitsee toteavat kertovat toimivat ovat haluavat poistuu saapuu palaa liittyy eroaa poistui
    saapui jää
    """
)


_EN_TASK_VERBS = words(
    """
    merge gather write open create add update send review fix draft prepare publish file investigate
    look check contact ask ping document test implement categorize categorise schedule set post move
    remove rename split collect find follow reach email mail forward coordinate circulate share
    submit organize organise clarify propose reply respond book arrange provide produce deliver
    clean release tag deploy migrate build bring
    """
)


# everyone at the meeting, as the head of a to-do list (`**Everyone** -`) or a subject: all are to do it
EVERYONE = frozenset({"everyone", "everybody", "all", "kaikki", "alla"})
_EN_STOP_SUBJECTS = words(
    """
    the this that these those it we they he she i you there here also need needs agreement general
    two one all everyone nobody someone decision proposal action note if when then so but and or
    please let lets let's next additional discussion consensus in on at for a an as after before
    with what which who why how some any each our my your their its no not yes maybe however thus
    currently previously today tomorrow we'll we’ll i'll i’ll they'll they’ll it'll you'll want wants
    workaround plan idea goal aim solution option suggestion fix approach intent intention
    request requests motion attempt reminder task deadline time permission recommendation
    """
)


_EN_MODAL = regex(
    r"\s+(?P<modal>will|'ll|’ll|would|to|please|agreed to|agrees to|is to|are to|needs to|need to"
    r"|has to|have to"
    r"|must|should|shall"
    r"|volunteered to|promised to|offered to|vowed to|undertook to|was asked to|were asked to"
    r"|was actioned to|were actioned to"
    r"|(?:has|have)\s+(?:agreed|offered|volunteered|promised|undertaken)\s+to"
    r"|(?:was\s+)?tasked to"
    r"|(?:was\s+)?tasked with|is going to|are going to"
    r"|took\s+(?:an|the)\s+action\s+to|has\s+(?:an|the)\s+action\s+to|(?:is|are)\s+responsible\s+for|is|are"
    # reported promises: 'John said he would chat with ...', 'Adele stated she would assist ...'
    r"|(?:said|stated|confirmed|agreed|indicated|promised)(?:\s+that)?\s+(?:he|she|they)\s+(?:would|will))"
    r"\s+(?P<verb>[a-z][\w-]*)"
)


_BULLET_ONLY = regex(r"^\s*(?:->|=>|→|[-*•+]|\d{1,2}[.)]|[a-z][.)])?\s*$")


_EN_NOT_VERBS = words(
    """
    them him her it us me the a an this that another be all some any its their our my your not never
    like prefer rather appreciate love welcome suggest recommend expect imagine think
    """
)


_EN_COMMON = words(
    """
    difficult hard easy easier harder just important necessary possible impossible good better best
    nice great useful likely unlikely able unable free open ready happy keen hoping hope
    welcome alternative submit due next thanks according back up go add update agreed decided
    proposal suggestion question answer response reference thank goal plan idea note action today
    tomorrow agenda minutes meeting item items topic topics discussion report summary
    call motion move return apologies approval adoption introduction vote reports changes time
    skip jump click link home contents top bottom page login
    """
)


_FI_NOT_SUBJECT = words(
    """
    tavoitteena lisäksi myös sitten nyt kun jos tämä se hän he me te ne nämä ne siksi sen tätä tässä
    kaikki jokainen kukaan joku muut samalla tarkoitus päätös esitys huom seuraavaksi aluksi lopuksi
    ensin
    """
)


def _name_like(n: str) -> bool:
    """Whether an unknown word can be a name or handle (not 'Welcome', 'Suggested', 'Alternative')."""
    first = n.split()[0]
    if _CAPS_INITIALS.fullmatch(first) and first.lower() in _EN_COMMON:
        return False  # 'MOTION to approve ...', 'AGENDA': a capitalised word, not initials
    if first.startswith("@") or _CAPS_INITIALS.fullmatch(first) or _INNER_CAPITAL.search(first):
        return True
    low = first.lower()
    if low in _EN_COMMON or low in _EN_STOP_SUBJECTS:
        return False
    return not _EN_NON_VERB_SUFFIX.search(low)


_PP = regex(r"^(?:\w+ed|done|made|held|given|taken|sent|written|built|set|put|run|seen|fixed|updated)$")


# Titles written before a name ('Mr. Ortega', 'Trustee Mitchell', 'Rehtori Heikkilä', 'Sihteeri Anu
# Pakarinen'): the person is the name after them. Finnish offices by their endings (-päällikkö, -johtaja).
_TITLE = (
    r"(?:County\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Professor|Rev|Sir|Dame|Trustee|Director"
    r"|Officer|Treasurer|Secretary|Chair|Chairman|Chairwoman|Chairperson|President|Clerk|Mayor|Captain|Coach"
    r"|Governor|Superintendent|Principal|Headteacher|Inspector|Sergeant|Pastor|Father|Sister"
    r"|Rehtori|Apulaisrehtori|Sihteeri|Puheenjohtaja|Varapuheenjohtaja|Pj|Vpj|Isännöitsijä|Rahastonhoitaja"
    r"|Taloudenhoitaja|Kamreeri|Opettaja|Lehtori|Pastori|Kirkkoherra|Kanttori|Tohtori|Professori|Valmentaja"
    r"|Kapteeni|Jäsen|Insinööri|Arkkitehti|Sairaanhoitaja|Ylilääkäri|Lääkäri|Asiamies"
    r"|[A-ZÅÄÖ][a-zåäö]*(?:päällikkö|johtaja|sihteeri|rehtori|hoitaja|vastaava|koordinaattori|tarkastaja"
    r"|neuvos|isännöitsijä|puheenjohtaja|valtuutettu))\.?"
)


_TITLE_RE = regex(rf"^(?:{_TITLE}\s+)+(?=[A-ZÅÄÖ@])")


_SUBJ_WORD = rf"@[\w.-]+|(?:{_TITLE}\s+)?[A-ZÅÄÖ][\w'’-]*(?:\s+[A-ZÅÄÖ]\.)?|[A-ZÅÄÖ]{{2,}}"


# every subject starts with '@' or a capital: the lookahead rejects other positions before the long
# title alternation is tried at each of them (five times faster on running text, same matches)
_SUBJECT = regex(
    rf"(?=[@A-ZÅÄÖ])(?P<subj>(?:{_SUBJ_WORD})(?:\s+[A-ZÅÄÖ][\w'’-]*)?(?:\s*(?:,\s*(?:and|och|ja)\b|,|\bja\b|\band\b|\boch\b|[&+]|/(?=[A-ZÅÄÖ]))\s*(?:{_SUBJ_WORD})"
    rf"(?:\s+[A-ZÅÄÖ][\w'’-]*)?)*)"
)


_SUBJ_WORD_RE = regex(_SUBJ_WORD)


_LEAD_SUBJECT = regex(rf"\s*{_SUBJECT.pattern}(?=\s)")


_NAMED_SUBJECT = regex(rf"\s*{_SUBJECT.pattern}\s*(?::|\s[—–-])\s+")


_DECISION_WORD = regex(r"\bpäätös\b", re.I)


_DEADLINE_LEAD = regex(r"\W*(?:määräai|takaraj|deadline|aikataulu|toteutus|due\b)", re.I)


# Offices that name one person; the value is the contract role that person has, when there is one.
_OFFICES: dict[str, str | None] = {
    "puheenjohtaja": "chair",
    "pj": "chair",
    "chair": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "chairwoman": "chair",
    "varapuheenjohtaja": "vice_chair",
    "vpj": "vice_chair",
    "sihteeri": "secretary",
    "secretary": "secretary",
    "clerk": "secretary",
    # Swedish, as written and in the definite form: 'Ordföranden kontaktar kommunen'
    "ordförande": "chair",
    "ordföranden": "chair",
    "ordf": "chair",
    "sekreterare": "secretary",
    "sekreteraren": "secretary",
    "sekr": "secretary",
    "kassör": None,
    "kassören": None,
    "isännöitsijä": None,
    "rahastonhoitaja": None,
    "taloudenhoitaja": None,
    "treasurer": None,
    "captain": None,
    "kapteeni": None,
    "president": None,
    "toiminnanjohtaja": None,
    "valmentaja": None,
    "coordinator": None,
    "rehtori": None,
    "manager": None,
    "staff": None,  # 'The Staff will send the results': the body's staff, as the minutes name them
}


_PERSON = r"(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev)\.?[ \t]+)*[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+)"


_HONORIFIC = regex(r"^(?:(?:County\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Prof|Rev)\.?\s+)+")


@dataclass
class _Item:
    start: int
    end: int
    text: str
    owners: list[str]
    confidence: float
    section: Section | None
    rule: str
    sentence: Sentence | None = None
    in_list: bool = False
    following: Sentence | None = None  # the next sentence of the same paragraph (a deadline may be there)
    due: Due | None = None
    warnings: list[str] = field(default_factory=list)


def _gerund(verb: str) -> bool:
    """An -ing form ('taking'), not a verb that ends so ('bring')."""
    return verb.endswith("ing") and verb not in _ING_VERBS


_ING_VERBS = frozenset(
    {"bring", "sing", "ring", "string", "ping", "swing", "spring", "sting", "cling", "fling"}
)


def _task_gerund(verb: str) -> bool:
    """An -ing form of an English task verb ('arranging', 'setting', 'drafting')."""
    if not _gerund(verb):
        return False
    stem = verb[:-3]
    return any(v in _EN_TASK_VERBS for v in (stem, stem + "e", stem[:-1]))


def _untitled(name: str) -> str:
    """A name without the titles written before it ('Trustee Mitchell' -> 'Mitchell')."""
    return _TITLE_RE.sub("", name.strip())


def _mask_struck(text: str) -> str:
    """The text with struck-through spans blanked (same length, so offsets stay valid)."""
    if "~" not in text and "<" not in text:
        return text  # every strike-through form needs one of them: most minutes are spared the scan
    return _STRUCK.sub(lambda m: " " * len(m.group()), text)


# '**ACTION Ana:** order X', wiki bold around 'Action:': emphasis around a line's leading label
_LABEL_MARKUP = regex(r"(?m)^([ \t]*(?:[-*•][ \t]+)?)('''|\*\*|__)([^\n*'_]{1,60}?)\2([ \t]*:)?")


def _unbold_labels(text: str) -> str:
    """The text with emphasis marks around leading labels blanked (same length: offsets stay valid)."""
    if "**" not in text and "'''" not in text and "__" not in text:
        return text

    def blank(m: re.Match[str]) -> str:
        if not (m.group(4) or m.group(3).endswith(":")):
            return m.group()  # bold text, not a label
        pad = " " * len(m.group(2))
        return m.group(1) + pad + m.group(3) + pad + (m.group(4) or "")

    return _LABEL_MARKUP.sub(blank, text)


# '> Action: ...' (a Markdown quote), '_Cehteh_ will ...', '**Ann** to ...': marks around a line or a name
_QUOTE_MARK = regex(r"(?m)^[ \t]*>(?:[ \t]*>)*")
_INLINE_BOLD = regex(r"(?<=[\w,;:] )(\*\*|__)(?=[a-zåäö])([^*_\n]{1,60}?)(?<=\S)\1(?![\w*_])")
_NAME_EMPHASIS = regex(
    r"(?<![\w*_])(\*\*|__|\*|_)([A-ZÅÄÖ][\w'’.-]*?(?: [A-ZÅÄÖ][\w'’.-]*?){0,2})\1(?![\w*_])"
)


# a Markdown escape before punctuation, as converters write it: `**DaveD** \- JUnit` (escaped brackets,
# `\[todo\]`, stay: the patterns read them, and a blank inside the brackets would part them)
_MD_PUNCT_ESCAPE = regex(r"\\(?=[-*_#>.!+])")


def _blank_marks(m: re.Match[str]) -> str:
    """The marked text with its marks (group 1, both sides) turned to blanks."""
    return " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1))


def _unmark(text: str) -> str:
    """The text without quote marks at line starts, emphasis and Markdown escapes (same length)."""
    if "\\" in text:
        text = _MD_PUNCT_ESCAPE.sub(" ", text)
    if ">" in text:
        text = _QUOTE_MARK.sub(lambda m: " " * len(m.group()), text)
    if "_" in text or "*" in text:
        text = _NAME_EMPHASIS.sub(_blank_marks, text)
    if "**" in text or "__" in text:
        # bold inside a sentence, a verb among it: `Kushal to **document this**`, `Dave will __review__ it`
        text = _INLINE_BOLD.sub(_blank_marks, text)
    return text


def _without_edge_brackets(s: str) -> str:
    """A task without a bracket the span left at its edge, or a pair around the whole of it.

    A closing bracket that closes one inside the task stays: '... tests (by Wed)'.
    """
    if not s:
        return s
    if s[0] in "([" and s[-1] == {"(": ")", "[": "]"}[s[0]] and _closing_of(s, 0) == len(s) - 1:
        return s[1:-1]
    if s[:1] in "([" and s.count(s[0]) > s.count(")" if s[0] == "(" else "]"):
        s = s[1:]
    if s[-1:] in ")]" and s.count(s[-1]) > s.count("(" if s[-1] == ")" else "["):
        s = s[:-1]
    return s


def _closing_of(s: str, at: int) -> int:
    """Where the bracket opened at `at` closes (-1: never): `(optional) ... (Anna)` closes it early."""
    opening = s[at]
    closing = ")" if opening == "(" else "]"
    depth = 0
    for k in range(at, len(s)):
        depth += (s[k] == opening) - (s[k] == closing)
        if depth == 0:
            return k
    return -1


_HANDLE_WORD = regex(r"[a-z][a-z0-9.-]*[_0-9][\w.-]*(?!\S)")


def _clean(s: str) -> str:
    """A task text: no bullets, labels, Markdown or MeetBot trailers; whitespace collapsed."""
    s = _MEETBOT_TRAILER.sub("", s)
    s = _LIST_MARKER_LEAD.sub("", s)
    s = _EXPLICIT.sub("", s)
    s = _LABEL.sub("", s)
    s = _AGREED.sub("", s)
    s = _MD_ESCAPE.sub(r"\1", s)
    s = _MD_STAR_EMPHASIS.sub(r"\2", s)
    s = _MD_UNDERSCORE_EMPHASIS.sub(r"\2", s)
    s = _SPACES.sub(" ", s).strip(" \t\n-–:;,")
    s = _without_edge_brackets(s).strip(" \\")
    if s and s[0].islower() and not _HANDLE_WORD.match(s):
        s = s[0].upper() + s[1:]  # (a chat handle opening the task, `carol_w will ...`, stays as written)
    return s


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without surrounding whitespace, bullet marker or trailing comma."""
    seg = text[a:b]
    m = _OPTIONAL_LIST_MARKER.match(seg)
    a += m.end() if m else 0
    while b > a and text[b - 1] in " \t\n,;\\":  # (a Markdown escape's backslash before a bracket cut off)
        b -= 1
    return a, b


def _split_names(subj: str) -> list[str]:
    """'Maija ja Miro' / 'Ken and Nick' / 'A, B & C' -> names."""
    parts = _NAME_SEPARATOR.split(subj)
    return [p.strip() for p in parts if p.strip()]


def _is_plural_verb(w: str) -> bool:
    return bool(_FI_PLURAL_3P_END.search(w))


@lru_cache(maxsize=8192)  # asked of the same words for every clause; bounded for a long-lived server
def _fi_3sg(word: str) -> bool:
    """A Finnish 3rd-person present verb form (hoitaa, laatii, tuo, hoitavat)."""
    w = word.lower()
    if _is_plural_verb(w) and len(w) > 5:
        return True
    if w in {"tuo", "vie", "syö", "juo", "lyö", "käy", "luo"}:
        return True
    return len(w) >= 4 and w[-1] in "aeiouyäö" and w[-1] == w[-2]


@lru_cache(maxsize=8192)  # asked of the same words for every clause; bounded for a long-lived server
def _task_verb(word: str) -> bool:
    """One of the Finnish task verbs, singular or plural (hoitaa, hoitavat, tekevät)."""
    w = word.lower()
    if w in _FI_TASK_VERBS:
        return True
    return _is_plural_verb(w) and w[:-3] in _FI_TASK_STEMS


# the stems a plural task verb is built on: 'hoitaa' -> 'hoita' (hoitavat), 'tuo' -> 'tuo' (tuovat)
_FI_TASK_STEMS = frozenset(v[:-1] for v in _FI_TASK_VERBS) | _FI_TASK_VERBS


def _partitive_base(word: str) -> str:
    """Nominative guess of a partitive common noun (kiinteistövastaavaa -> kiinteistövastaava)."""
    w = word
    if _FI_DOUBLE_A_END.search(w):
        return w[:-1]
    if _FI_CONSONANT_TA_END.search(w):
        return w[:-2]
    if _FI_VOWEL_A_END.search(w) and len(w) > 4:
        return w[:-1]
    return w
