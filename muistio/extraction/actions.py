"""Action items: what someone is to do after the meeting, with owners, due date and the words that said so.

Rule families, strongest first: explicit markers (ACTION:, TODO, `- [ ]`, Toimenpide:, Vastuu:),
delegation (valtuutetaan X neuvottelemaan), responsibility (X vastuussa), a named subject with a
task verb (X hoitaa / X will / X to), goals with a deadline (Tavoitteena ... mennessä), deadlines,
English imperative decisions and passive future (Finnish 'valmistellaan', English 'will be fixed').
Agenda proposals in an item's preamble, discussion turns, announcements and reported speech are
background, not tasks; struck-through text is done.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from muistio.contract import ActionEntry, Due
from muistio.extraction.parts import ExtractionContext, Section, may_hold
from muistio.extraction.sentences import IRC_PREFIX, Sentence, sentences
from muistio.morphology import Morphology
from muistio.names import Mention, Resolution, Roster, base_candidates, fold, strong_grade


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string."""
    return frozenset(spaced.split())


# Small patterns used in hot loops, compiled once, grouped by what they read.

# --- names and initials
_CAPS_INITIALS = re.compile(r"[A-ZÅÄÖ]{2,6}")  # 'KM', 'AJL': initials standing for a person
_INNER_CAPITAL = re.compile(r"[a-zåäö][A-ZÅÄÖ]")  # 'McKay', 'jDoe': a name or handle, not a word
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\bja\b|\band\b|[&+])\s*")
_TRAILING_INITIALS = re.compile(r",\s*[A-ZÅÄÖ]{2,6}\s*$")  # 'Aila Virta, AV': the initials repeat her
_NAME_WITH_HANDLE = re.compile(r"([A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)+)\s*\((@[\w.-]+)\)")
_MEETBOT_NICK_TASK = re.compile(r"\s*(@?[a-z][\w.-]*)\s+(?:to|will|should)\s")
_NOT_A_SPEAKER = re.compile(r"\s*(?:Vastuu|Owner|Deadline)")  # labels shaped like a 'Name:' turn
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LEADING_THE_OR_ALL = re.compile(r"^(?:the|all)\s+")
_TRAILING_THE = re.compile(r"\b[Tt]he\s+$")
_OFFICE_PHRASE = re.compile(r"[\wåäöÅÄÖ-]+(?:\s+[\wåäöÅÄÖ-]+){0,2}")  # 'Consultant Anaesthetist'
_CAPITALISED_OFFICE = re.compile(r"(?:[Tt]he\s+)?([A-Z][a-z]+)")  # 'the Clerk'

# --- Markdown and list markup
_LIST_MARKER_LEAD = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+")
_OPTIONAL_LIST_MARKER = re.compile(r"\s*(?:[-*•+]\s+|\d{1,2}[.)]\s+)?")
_BULLET_LEAD = re.compile(r"\s*[-*•]?\s*")
_MD_ESCAPE = re.compile(r"\\([\[\]_*])")
_MD_STAR_EMPHASIS = re.compile(r"(\*\*|\*|`)(\S(?:.*?\S)?)\1")
_MD_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(__?)(\S(?:.*?\S)?)\1(?!\w)")
_EDGE_BRACKET = re.compile(r"^[\[(]|[\])]$")
_CLOSING_BRACKET = re.compile(r"\\?\]|\)(?!\w)")
_TRAILING_PAREN_NOTE = re.compile(r"\s*\([^()]*\)?\s*$")  # '... (carried over)': no new task

# --- punctuation and tokens
_SPACES = re.compile(r"\s+")
_NON_WORD_RUN = re.compile(r"\W+")
_WORD_TOKEN = re.compile(r"[\wåäöÅÄÖ-]+")
_FIRST_LOWER_WORD = re.compile(r"\s*([a-zåäö]+)")
_ASCII_LOWER_WORD = re.compile(r"\s*([a-z]+)")
_CLAUSE_PUNCT = re.compile(r"[,;:]")
_LIST_SEP = re.compile(r"[,;]\s+")
_LIST_SEP_OUTSIDE_PARENS = re.compile(r"(,\s+(?![^()]*\))|;\s+)")  # the group keeps the separators
# a bracket, dash or colon before a name: a new clause starts there ('- Kate will', '(Kate will')
_CLAUSE_OPENER_END = re.compile(r"(?:[(\[–—:;,.]|\s-)\s*$")
_TRAILING_DASH = re.compile(r"[–—-]\s*$")
_WORD_FINAL_DOT = re.compile(r"(?<=[A-Za-zåäö]{3})\.$")  # 'in April.' -> 'in April' (not 'klo 9.')
_YEAR = re.compile(r"\b\d{4}\b")
_CLOCK_TIME = re.compile(r"\bklo\b|\bkello\b|\d{1,2}[:.]\d{2}")

# --- English word shapes
_EN_NON_VERB_SUFFIX = re.compile(r"(?:ed|ing|ive|ion|ment|ness|ity|ance|ence|ly|ful|able)$")
_EN_WILL_BE = re.compile(r"\bwill\s+be\s+(\w+)")
_EN_I_WILL = re.compile(r"\bI(?:'ll|’ll| will)\s+(\w+)")

# --- Finnish word shapes (suffix tests stand in for a morphological analyser)
_FI_PLURAL_3P_END = re.compile(r"(?:vat|vät)$")
# partitive endings, for the nominative guess (kiinteistövastaavaa -> kiinteistövastaava)
_FI_DOUBLE_A_END = re.compile(r"([aä])\1$")
_FI_CONSONANT_TA_END = re.compile(r"[^aeiouyäö]t[aä]$")
_FI_VOWEL_A_END = re.compile(r"[aeiouyäö][aä]$")
_FI_SECOND_VERB = re.compile(r"\s+\w+\s+([a-zåäö]+)\b")  # 'lupasi toimittaa': the verb after the verb
_FI_INFINITIVE_END = re.compile(r"(?:[aeiouyäö][aä]|[dtlnr][aä]|m[aä][aä]n)$")
_FI_A_INFINITIVE_END = re.compile(r"(?:[aä]|d[aä]|t[aä]|l[aä]|n[aä]|r[aä])$")
# a local or other case ending: an inflected word is no subject ('Hallituksessa', 'Kokoukselle')
_FI_CASE_END = re.compile(r"(?:een[aä]|ss[aä]|ll[aä]|lle|st[aä]|ksi|tt[aä])$")
_FI_NEGATION_EI = re.compile(r"\s*ei\b")
_FI_AS_TASK = re.compile(r"\btehtäv(?:äksi|änä)\b")
_FI_NAME_ALLATIVE = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+lle)\b")  # 'Mikolle': to Mikko
_FI_ALLATIVE = re.compile(r"\b([a-zåäö]{4,}lle)\b")
_FI_GENITIVE_OBJECT = re.compile(r"[\wåäö]+\s+([a-zåäö]{4,}n)\b")
_FI_GOAL_LEAD = re.compile(r"\s*(?:[-*•]\s*)?Tavoitteena\s+(?:on\s+)?([a-zåäö]+)")
_FI_INTENTION = re.compile(r"\b(?:on\s+)?tarkoitus\s+(?:on\s+)?([a-zåäö]+[aä])\b")
_FI_NO_INTENTION = re.compile(r"\bei\s+(?:ole\s+)?tarkoitus")


# ------------------------------------------------------------------------------------------ words

_MD = r"(?:\*\*|__|\*|_)?"  # Markdown emphasis around a marker: '**ACTION:**', '**Action**:'
_EXPLICIT = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?:\[\s\]\s*|#action\b:?\s*"
    # 'AI(kimura): open an issue', 'ACTION (Lee, Kim): ...': the owner in brackets after the marker
    r"|(?:ACTION|AI|AP|TODO)\s*\((?P<paren>[^()\n]{1,60})\)\s*[:\-–—]\s*"
    rf"|{_MD}(?:(?:ACTION(?:\s+ITEM)?S?|Action(?:\s+items?)?"
    r"|Action\s+points?|AI|AP|TODO|To-?Do|Toimenpiteet|Toimenpide|Jatkotoimenpiteet|Tehtävä)"
    rf"(?:\s*[:\-–—]\s*{_MD}|{_MD}\s*[:\-–—])"
    # 'TODO Olga: open a PR' - a capitalised marker, then the owner and a colon or dash
    r"|(?-i:TODO|ACTION|AP)\s+(?=(?-i:[A-ZÅÄÖ@][\w.'’-]*(?:\s+[A-ZÅÄÖ][\w'’-]*)?)\s*(?::|\s[—–-]\s)))\s*)",
    re.IGNORECASE,
)
_DONE_BOX = re.compile(r"^\s*(?:[-*•]\s*)?\[[xX]\]")
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


_DONE_MARK = re.compile(
    r"(?:[–—]|\s-|[(\[,;])\s*(?:done|completed|closed|finished|valmis|valmiina|tehty|hoidettu|suoritettu)"
    r"(?=\s*(?:$|[.,;:)\]!]|\d|[A-Za-zåäö]+\s+\d))|[✓✔☑✅]",
    re.I,
)
# English labels need their colon or dash: 'Responsible AD: Omar' names an office, not an owner
_OWNER_LABEL = re.compile(
    r"[(\[]?\b(?:(?:Vastuu(?:henkilö)?|Vastuussa)\s*[:\-–]?|(?:Owner|Assignee|Responsible)\s*[:\-–]"
    r"|Assigned to)\s*"
    r"(?P<who>@?[A-ZÅÄÖ][\w'’.-]*(?:\s+[A-ZÅÄÖ][\w'’.-]*)?(?:\s*(?:,|\bja\b|\band\b|[&+])\s*@?[A-ZÅÄÖ][\w'’.-]*"
    r"(?:\s+[A-ZÅÄÖ][\w'’.-]*)?)*)",
)
_OWNER_HINTS = ("astuu", "wner", "ssign", "esponsible")


def _owner_label(seg: str) -> re.Match[str] | None:
    """'Vastuu: Mikko', 'Owner: Kim', 'Lead by @John' in a sentence (cheap substring tests first)."""
    if any(h in seg for h in _OWNER_HINTS):
        m = _OWNER_LABEL.search(seg)
        if m:
            return m
    return _LEAD_BY.search(seg) if "by" in seg else None


_LEAD_BY = re.compile(
    r"\b(?:Lead|Led|Driven|Owned)\s+by\s+(?P<who>@?[A-ZÅÄÖ@][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)"
)
_LABEL = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<label>Päätös|Päätösehdotus|Esitys|Ehdotus|Decision|Resolution|Resolved|RESOLVED|Agreed|AGREED"
    r"|Proposal|Note|Huom|Info|INFO|IDEA|Idea|TOPIC|LINK|Alustus|Keskustelua|Muistiinpanot|Kommentit|Kommentteja"
    r"|Discussion|Notes|Kehyspäätös|Taustaa|Tausta)\b[^:\n]{0,14}:\s*"
)
_PREAMBLE_END = re.compile(
    r"^\s*(?:Alustus|Alustaja|Esittely|Esittelijä|Keskustelu[a]?|Muistiinpanot|Päätös|Kommentit|Kommentteja"
    r"|Presentation|Discussion|Notes|Decision)\b[^:\n]{0,30}:",
    re.IGNORECASE,
)
_ANNOUNCE_TITLE = re.compile(
    r"ilmoitusasi|tiedoksi|tiedotusasi|tiedotettavat|announcement|for information", re.I
)
_TURN = re.compile(
    r"^\s*(?:[-*•]\s*)?(?P<who>@[\w.:-]+|[A-ZÅÄÖ][\w'’.-]*(?:\s+[A-ZÅÄÖ][\w'’.-]*){0,2})\s*:\s*"
)


def _turn(s: str) -> re.Match[str] | None:
    """A speaker's 'Name: ...' at the start of s; the colon test spares the pattern most sentences."""
    return _TURN.match(s) if ":" in s else None


_REPORTING = re.compile(
    r"(?=[kemrspit])\b(?:kertoi|esitteli|totesi|mainitsi|kuvasi|raportoi|selosti|informoi|presented|reported|explained)\b",
    re.I,
)
_STRUCK = re.compile(r"~~.*?~~|<(?:s|del|strike)>.*?</(?:s|del|strike)>", re.S)
_MEETBOT_TRAILER = re.compile(r"\s*\((?:@[\w.:-]+|[\w.-]+),\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_MEETING_WORDS = re.compile(
    r"\b(?:kokous|kokouksen|kokoukseen|kokouksessa|vuosikokous\w*|syyskokous\w*|kevätkokous\w*|yleinen kokous"
    r"|\w*parlamentti\w*|istunto\w*|meeting|AGM|EGM|session)\b",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:tavanomaisesti|yleensä|totuttuun tapaan|aina|usein|jatkuvasti|parhaillaan|perinteisesti|nykyään"
    r"|tällä hetkellä|normaalisti|\d+\s+kert(?:aa|a)|viikoittain|kuukausittain|päivittäin|vuosittain"
    r"|kerran\s+(?:viikossa|kuussa|vuodessa)|joka\s+(?:viikko|kuukausi|päivä|vuosi))\b",
    re.I,
)
_RELATIVE = _words(
    """
    joka jota joita jossa jolla jolta jolle josta johon joihin joilla joista joiden jonka joissa
    missä mistä mihin mitä jotta kun mikäli jos
    """
)
# A next-meeting line ('Seuraava kokous toukokuussa, kutsu lähetetään myöhemmin'): scheduling, not a task
_NEXT_MEETING_LINE = re.compile(
    r"^\W*(?:seuraava|seuraavan|next)\s+(?:\w+\s+)?(?:kokous|kokouksen|kokoukseen|tapaaminen|meeting|call|session)",
    re.I,
)
_REPORTED_THAT = re.compile(
    r"(?=[mhkptaenrsoicl])\b(?:muistutti|muistuttaa|huomautti|huomauttaa|mainitsi|korosti|painotti|totesi|toteaa|kertoi|kertoo"
    r"|tiedotti|arveli|epäili|muistuttivat|totesivat|kertoivat|noted|notes|reminded|said|says|reported"
    r"|mentioned|explained|pointed\s+out|stressed|observed|remarked|commented|informed|advised|told"
    r"|confirmed|highlighted)\b[^.;]*?\b(?:että|that)\b",
    re.I,
)
# 'vuodelle 2027', 'for 2027': the year something is for, not a deadline
_FOR_PERIOD = re.compile(
    r"\b(?:vuodelle|vuosille|kaudelle|tilikaudelle|toimintavuodelle|for(?:\s+the\s+year)?)\s+$", re.I
)
_OWNERLESS_RULES = frozenset({"fi-passive", "en-passive", "deadline", "goal", "we"})
_AGREED = re.compile(
    r"^\s*(?:Sovittiin|Päätettiin|Todettiin|Agreed|It was agreed|Decided)\s*,?\s*(?:että|that)?\s*", re.I
)

# Finnish present passives that are not tasks: agenda proposals, modality, talk, noting.
_PASSIVE_STOP = _words(
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
_VERDICT = _words(
    """
    vuokrataan myönnetään vahvistetaan nimetään määrätään korotetaan alennetaan asetetaan myydään
    vuokrattiin myönnettiin vahvistettiin nimettiin valtuutetaan
    """
)
# Words saying that something stays as it is: a standing fact, not a task.
_STANDING = re.compile(
    r"\b(?:ennallaan|entisellään|ennallensa|ennallaan|nykyisellään|muuttumattomana|ennallaan|voimassa"
    r"|unchanged|as\s+it\s+is|as\s+before|remains?|stays?)\b",
    re.I,
)
_PASSIVE = re.compile(r"\b([a-zåäö][a-zåäö-]*?(?:[aeiouyäöh]d|[aeiouyäö]t|ell|nn|rr)(?:aan|ään))\b", re.I)

# Finnish 3rd-person present task verbs (a subject that is not a known participant needs one of these).
_FI_TASK_VERBS = _words(
    """
    hoitaa selvittää valmistelee laatii huolehtii lähettää laittaa tilaa ottaa hankkii hakee tuo vie
    tekee sopii toimittaa kirjoittaa päivittää varaa ilmoittaa kutsuu järjestää tarkistaa tarkastaa
    hyväksyttää valmistaa kokoaa koordinoi kysyy muokkaa suunnittelee organisoi esittelee tiedottaa
    laskuttaa maksaa tulostaa kopioi siivoaa soittaa luonnostelee vie selvittelee kartoittaa valvoo
    hoitelee avaa perustaa pyytää jakaa neuvottelee ostaa korjaa siirtää kilpailuttaa laskee
    """
)
_FI_VERB_STOP = _words(
    """
    on ei oli ovat olivat kertoo toteaa ehdottaa sanoo haluaa uskoo toivoo muistuttaa korostaa
    kiittää näkee pitää tietää ymmärtää ajattelee huomauttaa kommentoi voi saa osaa tuntee kuuluu
    edustaa toimii jatkaa puoltaa kannattaa vastustaa esittää päättää johtaa istuu puhuu keskustelee
    ihmettelee epäilee arvioi mainitsee suosittelee painottaa tarkentaa täydentää lisää vastaa kysyy
    tarvitsee toteavat kertovat toimivat ovat haluavat poistuu saapuu palaa liittyy eroaa poistui
    saapui jää
    """
)
_EN_TASK_VERBS = _words(
    """
    merge gather write open create add update send review fix draft prepare publish file investigate
    look check contact ask ping document test implement categorize categorise schedule set post move
    remove rename split collect find follow reach email mail forward coordinate circulate share
    submit organize organise clarify propose reply respond book arrange provide produce deliver
    clean release tag deploy migrate build
    """
)
_EN_STOP_SUBJECTS = _words(
    """
    the this that these those it we they he she i you there here also need needs agreement general
    two one all everyone nobody someone decision proposal action note if when then so but and or
    please let lets let's next additional discussion consensus in on at for a an as after before
    with what which who why how some any each our my your their its no not yes maybe however thus
    currently previously today tomorrow
    """
)
_EN_MODAL = re.compile(
    r"\s+(?P<modal>will|'ll|’ll|to|agreed to|agrees to|is to|are to|needs to|need to|has to|have to|must"
    r"|should"
    r"|volunteered to|promised to|is going to|are going to|is|are)\s+(?P<verb>[a-z][\w-]*)"
)
_BULLET_ONLY = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)]|[a-z][.)])?\s*$")
_EN_NOT_VERBS = _words(
    """
    them him her it us me the a an this that another be all some any its their our my your
    """
)
_EN_COMMON = _words(
    """
    welcome alternative submit due next thanks according back up go add update agreed decided
    proposal suggestion question answer response reference thank goal plan idea note action today
    tomorrow agenda minutes meeting item items topic topics discussion report summary
    call motion move return apologies approval adoption introduction vote reports changes time
    """
)
_FI_NOT_SUBJECT = _words(
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


_PP = re.compile(r"^(?:\w+ed|done|made|held|given|taken|sent|written|built|set|put|run|seen|fixed|updated)$")

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
_TITLE_RE = re.compile(rf"^(?:{_TITLE}\s+)+(?=[A-ZÅÄÖ@])")
_SUBJ_WORD = rf"@[\w.-]+|(?:{_TITLE}\s+)?[A-ZÅÄÖ][\w'’-]*(?:\s+[A-ZÅÄÖ]\.)?|[A-ZÅÄÖ]{{2,}}"
# every subject starts with '@' or a capital: the lookahead rejects other positions before the long
# title alternation is tried at each of them (five times faster on running text, same matches)
_SUBJECT = re.compile(
    rf"(?=[@A-ZÅÄÖ])(?P<subj>(?:{_SUBJ_WORD})(?:\s+[A-ZÅÄÖ][\w'’-]*)?(?:\s*(?:,|\bja\b|\band\b|[&+])\s*(?:{_SUBJ_WORD})"
    rf"(?:\s+[A-ZÅÄÖ][\w'’-]*)?)*)"
)

_SUBJ_WORD_RE = re.compile(_SUBJ_WORD)
_LEAD_SUBJECT = re.compile(rf"\s*{_SUBJECT.pattern}(?=\s)")
_NAMED_SUBJECT = re.compile(rf"\s*{_SUBJECT.pattern}\s*(?::|\s[—–-])\s+")
_DECISION_WORD = re.compile(r"\bpäätös\b", re.I)
_DEADLINE_LEAD = re.compile(r"\W*(?:määräai|takaraj|deadline|aikataulu|due\b)", re.I)


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
}
_PERSON = r"(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Rev)\.?[ \t]+)*[A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+)"
_HONORIFIC = re.compile(r"^(?:(?:County\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Prof|Rev)\.?\s+)+")


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


# ------------------------------------------------------------------------------------------ helpers


def _gerund(verb: str) -> bool:
    """An -ing form ('taking'), not a verb that ends so ('bring')."""
    return verb.endswith("ing") and verb not in {"bring", "sing", "ring", "string"}


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
    return _STRUCK.sub(lambda m: " " * len(m.group()), text)


# '**ACTION Ana:** order X', wiki bold around 'Action:': emphasis around a line's leading label
_LABEL_MARKUP = re.compile(r"(?m)^([ \t]*(?:[-*•][ \t]+)?)('''|\*\*|__)([^\n*'_]{1,60}?)\2([ \t]*:)?")


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
    s = _EDGE_BRACKET.sub("", s).strip(" \\")
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    return s


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without surrounding whitespace, bullet marker or trailing comma."""
    seg = text[a:b]
    m = _OPTIONAL_LIST_MARKER.match(seg)
    a += m.end() if m else 0
    while b > a and text[b - 1] in " \t\n,;":
        b -= 1
    return a, b


def _split_names(subj: str) -> list[str]:
    """'Maija ja Miro' / 'Ken and Nick' / 'A, B & C' -> names."""
    parts = _NAME_SEPARATOR.split(subj)
    return [p.strip() for p in parts if p.strip()]


def _is_plural_verb(w: str) -> bool:
    return bool(_FI_PLURAL_3P_END.search(w))


def _fi_3sg(word: str) -> bool:
    """A Finnish 3rd-person present verb form (hoitaa, laatii, tuo, hoitavat)."""
    w = word.lower()
    if _is_plural_verb(w) and len(w) > 5:
        return True
    if w in {"tuo", "vie", "syö", "juo", "lyö", "käy", "luo"}:
        return True
    return len(w) >= 4 and w[-1] in "aeiouyäö" and w[-1] == w[-2]


def _task_verb(word: str) -> bool:
    """One of the Finnish task verbs, singular or plural (hoitaa, hoitavat, tekevät)."""
    w = word.lower()
    if w in _FI_TASK_VERBS:
        return True
    if _is_plural_verb(w):
        stem = w[:-3]
        return any(v[:-1] == stem or v == stem for v in _FI_TASK_VERBS)
    return False


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


class _Owners:
    """Resolves owner mentions against the roster, with section context, collecting warnings."""

    def __init__(self, roster: Roster, ctx: ExtractionContext, masked: str | None = None) -> None:
        self.roster = roster
        self.ctx = ctx
        # every name mention of the document, found once (finding them per sentence was the hot spot)
        # only full names are used (the nearest full name decides between same-named people)
        self._mentions = roster.find(masked if masked is not None else ctx.text, full_only=True)
        self._holders: dict[str, str | None] = {}
        self._known: dict[str, bool] = {}  # the roster is complete by now, so answers do not change
        self._starts = [m.start for m in self._mentions]

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The name mentions inside text[a:b]."""
        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(self._mentions) and self._mentions[i].end <= b:
            out.append(self._mentions[i])
            i += 1
        return out

    def _full_name_in_text(self, surname: str) -> str:
        """'Cllr Sandhu' -> 'Amrit Sandhu' when the minutes write exactly one full name with that surname."""
        if " " in surname:
            return surname
        found = {
            m.group(1)
            for m in re.finditer(rf"\b([A-ZÅÄÖ][\w'’-]+\s+{re.escape(surname)})\b", self.ctx.text)
            if not _HONORIFIC.match(m.group(1) + " ") and m.group(1).split()[0].lower() not in _OFFICES
        }
        return found.pop() if len(found) == 1 else surname

    def _base_in_text(self, form: str) -> str:
        """An inflected unknown name's nominative when the minutes write it elsewhere (Mikon -> Mikko)."""
        # the analyser's base forms first (when there is one): they know the stem type, the guesses do not
        for base in [*self.roster.morphology.base_forms(form), *base_candidates(form)]:
            if base != form and re.search(rf"(?<![\w-]){re.escape(base)}(?![\w-])", self.ctx.text):
                return base
        return form

    def role_holder(self, role: str) -> str | None:
        """The person an office word names ('Isännöitsijä', 'the Clerk', 'puheenjohtajan').

        The minutes say who holds it in a 'Name, office' / 'Name (Office)' / 'Office: Name' line; else
        a participant with the matching contract role (chair, secretary). None when not told or not unique.
        """
        word = _LEADING_THE.sub("", role).strip()
        # one word, or an office of up to three ('Consultant Anaesthetist', 'Talouspäällikkö')
        if not word or not _OFFICE_PHRASE.fullmatch(word):
            return None
        key = word.lower()
        if key not in self._holders:
            self._holders[key] = self._find_holder(key)
        return self._holders[key]

    def _find_holder(self, word: str) -> str | None:
        guesses = [*self.roster.morphology.base_forms(word), *base_candidates(word)]
        forms = [word] + [b.lower() for b in guesses if len(b) >= 4]
        office = next((f for f in forms if f in _OFFICES), None)
        if office is None:
            if not self.roster.people:
                return None
            office = word
        holders: set[str] = set()
        esc = re.escape(office)
        for pat in (
            rf"{_PERSON}\s*[,(–-]\s*(?:[^,\n()]{{0,40}},\s*)*(?i:{esc})\b",
            rf"(?<![\w-])(?i:{esc})\s*[:=–-]\s*{_PERSON}",
        ):
            for m in re.finditer(pat, self.ctx.text):
                name = _HONORIFIC.sub("", m.group("who")).strip()
                cands = self.roster.candidates(name)[0]
                if len(cands) == 1:
                    holders.add(cands[0])
                elif not cands and len(name.split()) >= 2 and not name.isupper():
                    holders.add(name)  # named with the office but missed by the participant list
        if not holders and _OFFICES.get(office):
            role = _OFFICES[office]
            holders = {p.name for p in self.ctx.participants if role in p.roles}
        return holders.pop() if len(holders) == 1 else None

    def known(self, mention: str) -> bool:
        """Whether a mention names a participant or an organisation (titles before a name allowed)."""
        hit = self._known.get(mention)
        if hit is None:
            hit = self._known[mention] = self._is_known(mention)
        return hit

    def _is_known(self, mention: str) -> bool:
        if self.roster.organization(mention) or self.roster.candidates(mention)[0]:
            return True
        if mention.startswith("@") and " " in mention:
            return bool(self.roster.candidates(mention[1:])[0])  # '@Rui Costa': the name after the @
        bare = _untitled(mention)
        return bare != mention and bool(self.roster.candidates(bare)[0])

    def resolve(
        self, mentions: list[str], sec: Section | None, recent: list[str], warn: list[str]
    ) -> list[str]:
        """Full names for the mentions; ambiguous ones stay as written with a warning."""
        out: list[str] = []
        for m in mentions:
            # an owner is one line: a PDF line break inside a name ('Marja\nLehto') is a space
            m = _SPACES.sub(" ", m).strip().strip(".,:;()[]\\")
            if not m:
                continue
            r = self.roster.resolve(m, presenters=sec.presenters if sec else (), recent=recent)
            if not r.name and not r.candidates and m.startswith("@") and " " in m:
                # '@Rui Costa': the participant whose name follows the @, else the handle alone
                r = self.roster.resolve(m[1:], presenters=sec.presenters if sec else (), recent=recent)
                if not r.name and not r.candidates:
                    r = self.roster.resolve(
                        m.split()[0], presenters=sec.presenters if sec else (), recent=recent
                    )
                    m = m.split()[0] if r.name or r.candidates else m
            bare = _untitled(m)
            if not r.name and not r.candidates and bare != m:
                # 'Dr. Holt', 'Rehtori Heikkilä': the person after the title, else the name written in full
                r = self.roster.resolve(bare, presenters=sec.presenters if sec else (), recent=recent)
                m = bare if (r.name or r.candidates) else self._full_name_in_text(bare)
            if not r.name and not r.candidates:
                holder = self.role_holder(m)
                if holder:
                    r = self.roster.resolve(holder)
                    if not r.name:
                        r = Resolution(m, holder, [holder])
                elif m.lower().removeprefix("the ") in _OFFICES:
                    m = m.split()[-1]  # the office stays the owner: 'the Clerk' -> 'Clerk'
                elif " " not in m and m[:1].isupper():
                    m = self._base_in_text(m)
                elif _HONORIFIC.match(m):
                    m = self._full_name_in_text(_HONORIFIC.sub("", m).strip())
            if r.name:
                name = r.name
            else:
                name = m.lstrip("@") if " " in m else m
                if r.ambiguous:
                    where = f" (item {sec.number})" if sec and sec.number else ""
                    warn.append(
                        f"action item owner '{m}'{where} could be any of "
                        f"{', '.join(r.candidates)}; left unresolved"
                    )
            if fold(name) not in {fold(o) for o in out}:
                out.append(name)
        return out


# ------------------------------------------------------------------------------------------ rules


@dataclass
class _Hit:
    a: int  # span in the text
    b: int
    owners: list[str]  # as written
    confidence: float
    rule: str
    text: str | None = None


# 'Also Tom will ...', 'Lisäksi Ari tilaa ...': a sentence adverb before the subject, not part of it
_LEAD_ADVERB = re.compile(r"(?:Also|Then|Additionally|Lisäksi|Myös|Sitten),?\s+(?=[A-ZÅÄÖ])")


def _past_adverb(seg: str, m: re.Match[str]) -> re.Match[str]:
    """The subject after a leading sentence adverb ('Also Tom Hale' -> 'Tom Hale'), else m itself."""
    adv = _LEAD_ADVERB.match(seg, m.start())
    if adv is None:
        return m
    return _SUBJECT.match(seg, adv.end()) or m


def _english_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'Nick to create ...', 'MVN will coordinate ...', 'Ken and Nick to catch up', '[Gary to forward]'."""
    seg = text[a:b]
    hits: list[_Hit] = []
    if not _EN_MODAL.search(seg):
        return hits  # every rule below needs a modal after the subject
    for m0 in _SUBJECT.finditer(seg):
        m = _past_adverb(seg, m0)
        pre = seg[: m0.start()]
        subj = m.group("subj")
        office = _CAPITALISED_OFFICE.fullmatch(subj)
        if office and office.group(1).lower() in _OFFICES:
            # 'The Clerk will ask ...', '...; the Secretary will give ...': an office as the subject
            subj = office.group(1)
            pre = _TRAILING_THE.sub("", pre)
            mm = _EN_MODAL.match(seg, m.end())
            if mm and (not pre.strip() or _BULLET_ONLY.match(pre) or _CLAUSE_OPENER_END.search(pre)):
                verb = mm.group("verb")
                if verb not in _EN_NOT_VERBS and verb != "be" and not _gerund(verb):
                    hits.append(_Hit(a + m.start(), b, [subj], 0.75, "en-subject"))
            continue
        if not _clause_open_at(seg, m0.start(), "([–—:;,", dash=True):
            continue
        mm = _EN_MODAL.match(seg, m.end())
        if not mm:
            continue
        verb = mm.group("verb")
        if mm.group("modal") in {"is", "are"}:
            # 'Pat and Lee are arranging a stand': a task under way only with a task verb's -ing form
            if not _task_gerund(verb):
                continue
        elif verb in _EN_NOT_VERBS or _gerund(verb):
            continue
        if not all(owners.known(n) or _name_like(n) for n in _split_names(subj)):
            continue
        if _BULLET_ONLY.match(pre):
            pre = ""
        if verb in {"be", "have", "the", "a", "an", "do"} and mm.group("modal") not in {"to"}:
            continue
        if verb == "be":
            continue
        names = _split_names(subj)
        the = _TRAILING_THE.search(pre)
        if the and len(names) == 1 and owners.role_holder(names[0]):
            pre = pre[: the.start()]
        elif not names or any(
            n.split()[0].lower() in _EN_STOP_SUBJECTS and not _initials_of(n, owners) for n in names
        ):
            continue
        if not all(owners.known(n) or _SUBJ_WORD_RE.fullmatch(n.split()[0]) for n in names):
            continue
        start = a + m0.start()
        # the clause runs to the end of the sentence or a closing bracket
        close = _CLOSING_BRACKET.search(seg[mm.end() :])
        end = a + mm.end() + close.start() if close and pre.rstrip().endswith(("[", "(")) else b
        # '<need> – Kate will add': the whole bullet is the task
        if pre.strip() and _TRAILING_DASH.search(pre) and mm.group("modal") in {"will", "'ll", "’ll"}:
            start = a
        task = seg[mm.end("modal") :].strip() if start != a else None
        conf = 0.8 if any(owners.known(n) for n in names) else 0.75
        hits.append(
            _Hit(
                start,
                end,
                names,
                conf,
                "en-subject",
                _clean(task[: end - (a + mm.end("modal"))]) if task else None,
            )
        )
    return hits


def _initials_of(n: str, owners: _Owners) -> bool:
    """'SO', 'AT': upper-case initials of a participant, even when they spell an English word."""
    return n.isupper() and 2 <= len(n) <= 4 and owners.roster.by_initials(n) is not None


_EN_IMPERATIVE = _EN_TASK_VERBS | _words(
    """
    recalibrate calibrate order call buy print invite confirm chase plan design research finalise finalize
    sort source compile collate request renew register pay install repair replace upgrade configure visit
    notify inform remind announce present bring get make take apply sign hire recruit train label measure
    verify edit proofread translate upload archive phone text talk speak investigate run setup arrange
    """
)
_OWNER_LINE = re.compile(rf"\s*(?:[-*•]\s*)?{_SUBJECT.pattern}\s*(?::|\s[—–-])\s+")
_OWNER_LINE_MODAL = re.compile(r"(?:will|'ll|shall|to|is\s+to|needs?\s+to)\s+([a-z][\w-]*)")


def _owner_line_hit(text: str, a: int, b: int, owners: _Owners, bullet: bool) -> _Hit | None:
    """'KN: will recalibrate ...', 'Ana Berg — write the memo', 'Kalle: tilaa kaapelit'.

    A participant (or a participant's initials) before a colon or dash, then a future or imperative
    task: that person's task. Anything else after a name is a discussion turn, and so is a bare
    imperative after 'Name:' outside a list ('Roy: rename it.' suggests, '* Roy: rename it' assigns).
    """
    head = text[a : min(b, a + 80)]
    if ":" not in head and "—" not in head and "–" not in head and " - " not in head:
        return None  # cheap test first: most sentences have no owner label
    m = _OWNER_LINE.match(text, a, b)
    if not m:
        return None
    names = _split_names(m.group("subj"))
    if not names or not all(owners.known(n) or _initials_of(n, owners) for n in names):
        return None
    rest = text[m.end() : b]
    modal = _OWNER_LINE_MODAL.match(rest)
    first = _FIRST_LOWER_WORD.match(rest)
    word = first.group(1) if first else ""
    if modal:
        ok = modal.group(1) not in _EN_NOT_VERBS and modal.group(1) != "be"
    else:
        dash = ":" not in text[m.start("subj") : m.end()]
        ok = (
            bool(word)
            and rest[:1].islower()
            and (bullet or dash)
            and (word in _EN_IMPERATIVE or (_task_verb(word) and word not in _FI_VERB_STOP))
        )
    if not ok:
        return None
    task = rest[modal.start(1) :] if modal else rest
    return _Hit(a + (m.start("subj") - a), b, names, 0.8, "en-subject", _clean(task))


def _at_names(subj: str, owners: _Owners) -> list[str]:
    """'@Eva Stone + @Tim Berg' -> the @mentions, each with the name after the @ when it names someone."""
    out = []
    for part in _split_names(subj):
        if part.startswith("@") and " " in part and not owners.known(part) and owners.known(part.split()[0]):
            part = part.split()[0]  # '@kim Please ...': a handle, then an unrelated word
        out.append(part)
    return out


# '@Rui Costa fix the bug', '@Eva + @Tim review ...', 'bo_k and ziggy to draft ...': a handle or a
# lower-case nick as the subject (nicks only when they are participants)
_AT_SUBJECT = re.compile(
    r"^\W*(?P<subj>@[\w.-]+(?:\s+[A-ZÅÄÖ][\w'’-]*)?(?:\s*(?:,|\band\b|&|\+)\s*@[\w.-]+(?:\s+[A-ZÅÄÖ][\w'’-]*)?)*)"
    r"\s+(?:(?P<modal>will|to|should|can)\s+)?(?P<verb>[a-z]+)\b"
)
_NICK_SUBJECT = re.compile(
    r"^\W*(?P<subj>[a-z][\w.-]*(?:\s*(?:,|\band\b|&|\+)\s*[a-z][\w.-]*)*)\s+(?P<modal>will|to|should)\s+"
    r"(?P<verb>[a-z]+)\b"
)


def _handle_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """Handles and nicks as the subject of a task ('@Rui Costa fix ...', 'bo_k and ziggy to draft ...')."""
    seg = text[a:b]
    if "@" in seg[:4] or seg[:3].lstrip(" -*•")[:1] == "@":
        m = _AT_SUBJECT.match(seg)
        if m and m.group("verb") not in _EN_NOT_VERBS and m.group("verb") != "be":
            verb = m.group("verb")
            if m.group("modal") or verb in _EN_TASK_VERBS:
                return [_Hit(a + m.start("subj"), b, _at_names(m.group("subj"), owners), 0.75, "en-subject")]
        return []
    m = _NICK_SUBJECT.match(seg)
    if not m or m.group("verb") in _EN_NOT_VERBS or m.group("verb") == "be":
        return []
    names = _split_names(m.group("subj"))
    if all(owners.known(n) or owners.roster.by_initials(n) for n in names):
        return [_Hit(a + m.start("subj"), b, names, 0.75, "en-subject")]
    return []


# Role nouns: 'the Head of Finance', 'the Housing Officer', 'the events co-ordinator' own the task as
# the person listed with that title ('Ann Lee (Head of Finance)'), else as the role words
_ROLE_NOUN = (
    r"(?:officer|manager|director|head|clerk|secretary|treasurer|chair|chairman|chairperson|coordinator"
    r"|co-ordinator|lead|leader|engineer|adviser|advisor|administrator|auditor|warden|steward|captain"
    r"|president|editor|librarian|inspector|accountant|solicitor|planner|surveyor|convenor|convener"
    r"|organi[sz]er|representative|liaison|webmaster|registrar|controller|superintendent|principal)"
)
_GROUP_NOUN = (
    r"(?:committee|sub-?committee|board|council|trustees|executive|working\s+group|steering\s+group"
    r"|task\s+force|team|panel|officers)"
)
_EN_MODALS = (
    r"(?:will|shall|would|to|is\s+to|are\s+to|agreed\s+to|agrees\s+to|undertook\s+to|undertakes\s+to"
    r"|offered\s+to|volunteered\s+to|needs?\s+to|must|should)"
)
_ROLE_SUBJECT = re.compile(
    r"(?:^|(?<=[;:(–—])|(?<=\s-)|(?<=,\s))\s*(?:[-*•]\s*)?(?P<art>[Tt]he|[Oo]ur)\s+"
    rf"(?P<role>(?:(?!(?i:the|and|of)\b)[\w-]+\s+){{0,2}}?(?i:{_ROLE_NOUN})(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
    rf"|(?:[\w-]+\s+)?(?i:{_GROUP_NOUN}))"
    rf"\s+(?P<modal>(?i:{_EN_MODALS}))\s+(?P<verb>[a-z]+)\b"
)


def _role_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'The Head of Finance will circulate ...', '; the Housing Officer agreed to provide ...'."""
    seg = text[a:b]
    if "he " not in seg and "ur " not in seg:
        return []
    for m in _ROLE_SUBJECT.finditer(seg):
        verb = m.group("verb")
        if verb in _EN_NOT_VERBS or verb in {"be", "have", "meet", "continue", "not"} or _gerund(verb):
            continue
        role = m.group("role")
        group = _GROUP_END.search(role) is not None
        if group and verb not in _EN_TASK_VERBS and verb not in _GROUP_VERBS:
            continue  # 'the board would like ...': a body's task needs a task verb
        if group and _OTHER_BODY.search(seg, m.end()):
            continue  # '... will discuss it on their call': another body's own agenda, not our task
        owner = role if owners.role_holder(role) else role[:1].upper() + role[1:]
        return [_Hit(a + m.start("art"), b, [owner], 0.7, "en-subject")]
    return []


_OTHER_BODY = re.compile(r"\b(?:their|its)\s+(?:own\s+)?(?:next\s+)?(?:call|meeting|session|agenda)\b", re.I)
_GROUP_END = re.compile(rf"(?i:{_GROUP_NOUN})$")
_GROUP_VERBS = _words("review consider monitor revisit discuss agree finalise finalize decide")


_RESOLVED_LEAD = re.compile(
    r"^\W*(?:(?:It\s+was\s+|The\s+\w+\s+|\w+\s+)?(?:RESOLVED|[Rr]esolved|AGREED|[Aa]greed|DECIDED|[Dd]ecided)\b"
    r"(?:\s*:|\s+(?:unanimously\s+)?that\b|\s*$))"
)
# 'that officers publish ...', 'that the Housing Officer report back ...': a subject and a bare verb
_THAT_CLAUSE = re.compile(
    r"\b[Tt]hat\s+(?P<subj>(?:the\s+|all\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?i:"
    + _ROLE_NOUN
    + r"|"
    + _GROUP_NOUN
    + r")s?"
    r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+(?P<verb>[a-z]+)\b"
)
# verbs that only settle something (the decision itself), or no bare verb at all
_SETTLING = _words(
    """
    be is are was were has have had shall will should may might can would do does not approve adopt
    accept agree note endorse ratify confirm receive support welcome thank record notes
    """
)
_CLAUSE_BREAK = re.compile(r";|\s(?=\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+[Tt]hat\b)")


def _resolution_clause_hits(text: str, a: int, b: int) -> list[_Hit]:
    """Resolution clauses that direct someone ('that officers publish the plans ...'); approvals are not."""
    seg = text[a:b]
    if "hat " not in seg:
        return []
    hits = []
    pos = 0
    for part in [*_CLAUSE_BREAK.split(seg), ""]:
        if not part:
            continue
        at = seg.find(part, pos)
        pos = at + len(part)
        m = _THAT_CLAUSE.search(part)
        if not m or m.group("verb") in _SETTLING or m.group("verb").endswith(("ed", "ing")):
            continue
        if m.group("verb").endswith("s") and not m.group("verb").endswith("ss"):
            continue  # 'that the council notes ...' states, a directive takes the bare verb
        subj = _LEADING_THE_OR_ALL.sub("", m.group("subj"))
        end = a + at + len(part.rstrip(" ;,.\n")) + (1 if part.rstrip().endswith(".") else 0)
        hits.append(_Hit(a + at + m.start("subj"), end, [subj], 0.7, "en-subject"))
    return hits


def _clause_open_at(seg: str, pos: int, marks: str, word: str = "", dash: bool = False) -> bool:
    """Whether seg[:pos] is blank, a bullet marker, or ends in a clause opener (a mark, the word, ' -').

    Looks back from pos only: run for every capitalised word, so no regex scan of the text before it.
    """
    j = pos
    while j > 0 and seg[j - 1].isspace():
        j -= 1
    if j == 0 or seg[j - 1] in marks:
        return True
    if dash and ((seg[j - 1] == "-" and j > 1 and seg[j - 2].isspace()) or seg.endswith("\\[", 0, j)):
        return True
    if word and seg.endswith(word, 0, j) and (j == len(word) or not seg[j - len(word) - 1].isalnum()):
        return True
    head = seg[:j].lstrip()
    return len(head) <= 3 and bool(_BULLET_ONLY.match(head))


_TITLE_WORD = re.compile(r"\s*(?:[-*•]\s*)?([A-ZÅÄÖ][a-zåäö-]{3,}\s+)?")
_FI_VERB_AFTER = re.compile(r"\s+(?:myös\s+|itse\s+|vielä\s+)?([a-zåäö]+)\b(\s+yhteyttä)?")


def _finnish_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'Miro hoitaa ...', 'Maija ja Miro laativat ...', 'Sari S. lupasi yrittää', 'Työllistetyt laittavat'."""
    seg = text[a:b]
    hits: list[_Hit] = []
    for men in owners.mentions_in(a, b):
        # 'Tiemestari Olli Kallio tilaa ...': any title word before a participant's full name
        title = _TITLE_WORD.fullmatch(seg, 0, men.start - a)
        if title and title.group(1) and men.case == "nom" and len(men.candidates) == 1:
            vm = _FI_VERB_AFTER.match(seg, men.end - a)
            verb = vm.group(1) if vm else ""
            if verb and verb not in _FI_VERB_STOP and (_task_verb(verb) or _fi_3sg(verb)):
                return [_Hit(a + title.start(1), b, [men.candidates[0]], 0.8, "fi-subject")]
    for m0 in _SUBJECT.finditer(seg):
        if not _clause_open_at(seg, m0.start(), "([:;,", "että"):
            continue
        m = _past_adverb(seg, m0)
        pre = seg[: m0.start()]
        subj = m.group("subj")
        vm = _FI_VERB_AFTER.match(seg, m.end())
        if not vm:
            continue
        verb = vm.group(1)
        promise = verb in _PROMISE
        if not promise and not (_fi_3sg(verb) or _task_verb(verb)):
            # every branch below needs a promise, a 3rd-person verb or a task verb: skip the name lookups
            continue
        names = _split_names(subj)
        known = [n for n in names if owners.known(n)]
        inf = _FI_SECOND_VERB.match(seg[m.end() :])
        if promise and known:
            ok, conf = True, 0.75
        elif (
            promise
            and inf
            and _FI_INFINITIVE_END.search(inf.group(1))
            and all(_name_like(n) and n.split()[-1][:1].isupper() for n in names)
        ):
            # 'Rehtori Heikkilä lupasi toimittaa ...': a promise to do something is a task by whoever made it
            ok, conf = True, 0.7
        elif known and len(known) == len(names):
            ok = (_fi_3sg(verb) or _task_verb(verb)) and (
                verb not in _FI_VERB_STOP or bool(_ASKS_FOR.match(seg, vm.end()) and verb in _ASK_VERBS)
            )
            conf = 0.8
        else:
            # an unknown subject must stand first in the clause and take a task verb
            ok = (
                _task_verb(verb)
                and len(names) <= 2
                and (not pre.strip() or bool(_BULLET_ONLY.match(pre)))
                and all(
                    n.split()[0].lower() not in _FI_NOT_SUBJECT and not _FI_CASE_END.search(n.split()[-1])
                    for n in names
                )
            )
            ok = ok or (bool(_CAPS_INITIALS.fullmatch(subj)) and _task_verb(verb))
            conf = 0.7
        if not ok:
            continue
        if _FI_NEGATION_EI.match(seg[m.end() :]):
            continue
        hits.append(_Hit(a + m0.start(), b, names, conf, "fi-subject"))
        break
    return hits


# 'kysyy tarjoukset' asks for something (a task); 'kysyy, onko ...' / 'kysyy miksi' asks a question
_ASK_VERBS = _words("kysyy kysyvät tiedustelee tiedustelevat")
_ASKS_FOR = re.compile(
    r"\s+(?!(?:onko|voiko|miksi|mitä|miten|kuka|ketkä|mikä|milloin|missä|mistä|paljonko|kuinka|jos|että)\b)"
    r"[a-zåäö]{3,}(?:\s+[a-zåäö]+)*\s*[.;]?\s*$"
)

# Promising or committing to do something (followed by the infinitive of what).
_PROMISE = _words("lupasi lupautui sitoutui lupasivat lupautuivat sitoutuivat lupaa lupautuu sitoutuu")

_DELEGATION_STEMS = ("valtuut", "pyyd", "pyysi", "velvoit", "kehot", "ohjeist", "oikeut")  # the cue's words
_DELEGATION_CUE = re.compile(r"(?=[vpko])(?:valtuut|pyyd|pyysi|velvoit|kehot|ohjeist|oikeut)", re.I)


def _delegation_hits(text: str, a: int, b: int, roster: Roster) -> list[_Hit]:
    """'valtuutetaan Maija X neuvottelemaan', 'Pyydetään kiinteistövastaavaa laittamaan'."""
    seg = text[a:b]
    if not may_hold(seg, _DELEGATION_STEMS) or not _DELEGATION_CUE.search(seg):
        return []
    m = re.search(
        r"\b(?:valtuutetaan|pyydetään|velvoitetaan|kehotetaan|ohjeistetaan|oikeutetaan|valtuutettiin|pyydettiin"
        r"|velvoitettiin|kehotettiin|valtuutti|pyysi|velvoitti|kehotti)\s+"
        r"(?P<who>(?:[\wåäöÅÄÖ.-]+\s+){0,2}?[\wåäöÅÄÖ-]+?)\s+(?:\w+\s+){0,2}?[a-zåäö]+(?:maan|mään)\b",
        seg,
        re.I,
    )
    if not m:
        return []
    who = m.group("who")
    names: list[str] = []
    if roster.people:
        # 'valtuutti Heikki Saarisen tilaamaan': the object is a participant in the genitive
        found = roster.find(who)
        if found and all(len(f.candidates) == 1 for f in found):
            return [_Hit(a + m.start(), b, [f.candidates[0] for f in found], 0.75, "delegation")]
    for part in _split_names(who):
        if (
            roster.candidates(part)[0]
            or roster.organization(part)
            or (part[:1].isupper() and len(part.split()) <= 3 and roster.people)
        ):
            names.append(part)
        else:
            names.append(_partitive_base(part.split()[-1]))
    return [_Hit(a + m.start(), b, names, 0.75, "delegation")]


def _assignment_hits(text: str, a: int, b: int, roster: Roster) -> list[_Hit]:
    """'Annettiin Pekalle tehtäväksi pyytää ...', 'Karille annettiin tehtäväksi neuvotella ...'."""
    seg = text[a:b]
    if "tehtäv" not in seg or not _FI_AS_TASK.search(seg):
        return []
    names = [
        f.candidates[0]
        for f in roster.find(seg)
        if len(f.candidates) == 1
        and (f.case == "all" or (f.case == "gen" and seg.startswith("tehtäv", f.end + 1)))
    ]
    if not names:
        names = [w for w in _FI_NAME_ALLATIVE.findall(seg)]
    if not names:
        # 'antaa hallitukselle tehtäväksi selvittää': a body or an office in the allative is the owner
        for w in _FI_ALLATIVE.findall(seg):
            base = _allative_base(w)
            if base in _BODIES or base in _OFFICES:
                names.append(base.capitalize())
    if not names:
        return []
    return [_Hit(a, b, names, 0.75, "delegation")]


# Bodies that can own a task as a whole ('the board').
_BODIES = _words(
    """
    hallitus johtokunta työryhmä toimikunta valiokunta lautakunta jaosto tiimi projektiryhmä ohjausryhmä
    valmisteluryhmä työvaliokunta toimisto kanslia
    """
)


def _allative_base(word: str) -> str:
    """The nominative of an allative common noun (hallitukselle -> hallitus, toimikunnalle -> toimikunta)."""
    stem = word[:-3]
    if stem.endswith("kse"):
        return stem[:-3] + "s"
    return strong_grade(stem)


_CASE_OWNER_CUE = re.compile(
    r"(?=[vtaosp])\b(?:vastuulla|vastaa|vastaavat|toimii|toimivat|annettiin|annetaan|osoitettiin|siirrettiin|siirretään"
    r"|pyydetään|pyydettiin)\b",
    re.I,
)
# stems every word of the cue holds: substring tests rule most clauses out before the case-blind scan
_CASE_OWNER_STEMS = ("vastuulla", "vastaa", "toimi", "annet", "osoitettiin", "siirret", "pyydet")
_RESP_ON = re.compile(rf"^\W*{_SUBJECT.pattern}\s+(?:vastuulla|vastuulle)\s+(?:on|ovat|jää|jäi)\b")
_ANSWERS_FOR = re.compile(
    r"^\W*[\wåäöÅÄÖ-]+(?:sta|stä)\s+(?:(?:\w+\s+){0,2}?)(?:vastaa|vastaavat|huolehtii|huolehtivat)\s+"
    rf"(?:myös\s+)?{_SUBJECT.pattern}\s*[.;]?\s*$"
)
_ACTS_AS = re.compile(
    r"\b(?i:yhteyshenkilönä|vastuuhenkilönä|vetäjänä|koordinaattorina|kokoonkutsujana|vastaavana)\s+"
    rf"(?:toimii|toimivat)\s+{_SUBJECT.pattern}"
)
_GIVEN_TO = re.compile(r"\b(?:annettiin|annetaan|osoitettiin|siirrettiin|siirretään)\b", re.I)
_HANDED_NOT_TASK = re.compile(
    r"\b(?:puheenvuoro\w*|sana|kiitos|kiitokset|lahja\w*|palkinto\w*|ansiomerk\w*|tunnustus\w*"
    r"|huomionosoitus\w*|stipendi\w*|vastuuvapaus|ero|nimenkirjoitusoikeus)\s+(?:annettiin|annetaan)\b",
    re.I,
)
_ASKED_OF = re.compile(r"\b(?:pyydetään|pyydettiin)\b", re.I)


def _case_owner_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """Finnish owners not in the nominative subject slot.

    'Maijan vastuulla on kahvitus', 'Tarjoilusta vastaa Ville Aho', 'yhteyshenkilönä toimii Ari',
    'Kartoitus annettiin Villelle', 'Mirjalta pyydetään lausunto'.
    """
    seg = text[a:b]
    if not may_hold(seg, _CASE_OWNER_STEMS) or not _CASE_OWNER_CUE.search(seg):
        return []
    for rx in (_RESP_ON, _ANSWERS_FOR, _ACTS_AS):
        m = rx.search(seg)
        if m:
            names = _split_names(m.group("subj"))
            if all(owners.known(n) for n in names):
                # '...; yhteyshenkilönä toimii Ari' alone names the owner of the task before it
                alone = rx is _ACTS_AS and m.start() <= len(seg) - len(seg.lstrip(" \t-–;,"))
                return [_Hit(a, b, names, 0.75, "acts-as" if alone else "responsible")]
    if _HANDED_NOT_TASK.search(seg):
        return []  # the floor, thanks or an award given to someone
    # the allative receiver of a handed-over task, or the ablative person asked: participants only
    want = "all" if _GIVEN_TO.search(seg) else ("abl" if _ASKED_OF.search(seg) else None)
    if want is None:
        return []
    found = [m for m in owners.roster.find(seg) if m.case == want and len(m.candidates) == 1]
    if found:
        return [_Hit(a, b, list(dict.fromkeys(m.candidates[0] for m in found)), 0.7, "responsible")]
    return []


_RESP_SUBJ = re.compile(rf"{_SUBJECT.pattern}\s+(?:on\s+|ovat\s+)?(?:pää)?vastuussa\b")
_RESP_GEN = re.compile(rf"\bon\s+{_SUBJECT.pattern}\s+vastuulla\b")
_RESP_PERSON = re.compile(rf"\bvastuuhenkilö(?:nä|inä|t|ksi)?\s*(?:on|ovat|:)?\s*{_SUBJECT.pattern}")


def _responsibility_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'Maija ja Miro päävastuussa ...', 'vastuuhenkilönä X'."""
    seg = text[a:b]
    if "vastuu" not in seg:
        return []
    m = _RESP_SUBJ.search(seg)
    if m:
        return [_Hit(a + m.start(), b, _split_names(m.group("subj")), 0.8, "responsible")]
    m = _RESP_GEN.search(seg)
    if m:  # 'X on Mikon vastuulla': the owner is in the genitive
        return [_Hit(a, b, _split_names(m.group("subj")), 0.75, "responsible")]
    m = _RESP_PERSON.search(seg)
    if m:
        return [_Hit(a, b, _split_names(m.group("subj")), 0.8, "responsible")]
    return []


def _passive_word(seg: str, morphology: Morphology | None = None) -> re.Match[str] | None:
    """The first Finnish present-passive main verb of a clause (valmistellaan, haetaan, pidetään)."""
    low = seg.lower()
    if "aan" not in low and "ään" not in low:
        return None  # every passive ends so: most clauses are ruled out without the word-by-word pattern
    for m in _PASSIVE.finditer(seg):
        w = m.group(1).lower()
        if w in _PASSIVE_STOP or w.endswith(("staan", "stään", "ssaan", "ssään")):
            continue
        # second opinion: an analyser that knows the word and reads no passive in it vetoes the suffix rule
        if morphology is not None and morphology.is_passive_future(w) is False:
            continue
        if w.endswith(("llaan", "llään")) and not w.endswith(("ellaan", "ellään", "tullaan")):
            continue
        tail = _CLAUSE_PUNCT.split(seg[: m.start()])[-1]
        before = _WORD_TOKEN.findall(tail)
        if any(x.lower() in _RELATIVE for x in before):
            continue
        if before and before[-1].lower() == "ei":
            continue
        return m
    return None


# A passive that reports a document's content (first word in the inessive of a document noun) or
# names the account a cost is paid from: a description, not work the meeting hands out.
_CONTENT_OR_FUNDING = re.compile(
    r"^\W*[\wåäö]*(?:kirjee|kirjelmä|hakemukse|raporti|raportti|ohjee|suunnitelma|lausunno|sopimukse|tiedottee"
    r"|viesti|sähköposti|selvitykse|muistio|liittee|esitykse|kutsu|päätökse|pöytäkirja|asiakirja|ohjelma)"
    r"(?:ssa|ssä)\b"
    r"|\b(?:maksetaan|maksettiin|kustannetaan)\b[^.;]*?\b[\wåäö]*(?:tili|budjeti|budjetti|määrärahoi|määrära|varoi"
    r"|kassa|avustukse|rahasto)\w*(?:lta|ltä|sta|stä)\b",
    re.I,
)


_FOR_YEAR = re.compile(
    r"\b(?:vuodelle|vuosille|kaudelle|tilikaudelle|toimintavuodelle)\s+(?:19|20)\d\d\b", re.I
)
_DAY_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4})?(?!\d)")


def _passive_hits(text: str, a: int, b: int, lang: str, morphology: Morphology | None = None) -> list[_Hit]:
    """Finnish passive future ('Toiminnan tueksi perustetaan valmisteluryhmä') as an ownerless task."""
    if lang != "fi":
        return []
    seg = text[a:b]
    m = _passive_word(seg, morphology)
    if not m:
        return []
    w = m.group(1).lower()
    if _GENERIC.search(seg):
        return []
    if w.startswith(("pidet", "järjestet", "kutsut", "pidett")) and (
        _MEETING_WORDS.search(seg)
        or _CLOCK_TIME.search(seg)
        or (w.startswith("pide") and _DAY_DATE.search(seg))
    ):
        return []  # a meeting or event being scheduled, not a task
    if _DECISION_WORD.search(seg):
        return []
    if _CONTENT_OR_FUNDING.search(seg):
        return []  # what a letter says ('Kirjeessä pyydetään ...') or where money comes from ('tililtä')
    if _FOR_YEAR.search(seg) and not _DEADLINE_CUE.search(seg):
        return []  # 'Avustusta haetaan myös vuodelle 2027': the year's plan, no task with a time
    if w in _VERDICT or _STANDING.search(seg):
        return []  # the decision itself settles it ('Jäsenmaksu pidetään ennallaan', 'Vuokrataan leiri ...')
    if re.search(
        r"\b(?:esittää|esitti|ehdottaa|ehdotti|totesi|kertoi|toivoo|toivoi)\b[^.]*\bettä\b", seg, re.I
    ):
        return []  # what someone proposes or reports, not what the meeting set to do
    return [_Hit(a, b, [], 0.6, "fi-passive")]


def _english_passive_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'this bug will be fixed' as an ownerless task (not meetings being held)."""
    seg = text[a:b]
    if "will" not in seg:
        return []
    m = _EN_WILL_BE.search(seg)
    if not m or not _PP.match(m.group(1)):
        return []
    if _MEETING_WORDS.search(seg):
        return []
    return [_Hit(a, b, [], 0.55, "en-passive")]


_WE = re.compile(r"(?=w)\bwe\s+(?:will|need to|must|have to|are going to|'ll|’ll)\s+(\w+)", re.I)


def _we_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'we need to open an issue' - the group's own commitment, no named owner."""
    seg = text[a:b]
    m = _WE.search(seg)
    if not m or m.group(1).lower() in {"be", "have", "see", "wait"}:
        return []
    return [_Hit(a + m.start(), b, [], 0.55, "we")]


def _goal_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'Tavoitteena (on) lähettää kutsut viikon 32 loppuun mennessä', '(on) tarkoitus ottaa yhteys'."""
    seg = text[a:b]
    if "avoitteena" not in seg and "tarkoitus" not in seg:
        return []
    m = _FI_GOAL_LEAD.match(seg)
    if m and _FI_A_INFINITIVE_END.search(m.group(1)) and not m.group(1).endswith(("minen", "nen")):
        return [_Hit(a + m.start(), b, [], 0.6, "goal")]
    m = _FI_INTENTION.search(seg)
    if m and not _FI_NO_INTENTION.search(seg):
        return [_Hit(a + m.start(), b, [], 0.5, "goal")]
    return []


_DEADLINE = re.compile(r"(?=[dmtv])\b(?:deadline|due date|määräaika|takaraja|viimeistään)\b", re.I)


def _deadline_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'Deadline for feedback is by 19 May' / 'määräaika on 5.6.' - a dated obligation."""
    seg = text[a:b]
    if _DEADLINE.search(seg):
        return [_Hit(a, b, [], 0.6, "deadline")]
    return []


def _decision_imperative_hits(text: str, a: int, b: int, label_end: int) -> list[_Hit]:
    """'Decision: merge proposed language into spec' - a decision that is a task (task verb first)."""
    hits: list[_Hit] = []
    pos = label_end
    for part in _LIST_SEP_OUTSIDE_PARENS.split(text[label_end:b]):
        if _LIST_SEP.match(part):
            pos += len(part)
            continue
        w = _ASCII_LOWER_WORD.match(part)
        if w and w.group(1) in _EN_TASK_VERBS:
            hits.append(_Hit(pos, pos + len(part.rstrip()), [], 0.6, "decision"))
        pos += len(part)
    return hits


# ------------------------------------------------------------------------------------------ driver


def _clause_hits(
    masked: str, ca: int, cb: int, roster: Roster, owners: _Owners, proposal: bool, lang: str
) -> list[_Hit]:
    """The first rule family that finds a task in the clause text[ca:cb], strongest first."""
    # a chain of `or`: each rule runs only when every stronger one found nothing (no closures per clause)
    return (
        _delegation_hits(masked, ca, cb, roster)
        or _assignment_hits(masked, ca, cb, roster)
        or _responsibility_hits(masked, ca, cb)
        or _case_owner_hits(masked, ca, cb, owners)
        or _goal_hits(masked, ca, cb)
        or ([] if proposal else _finnish_subject_hits(masked, ca, cb, owners))
        or _handle_subject_hits(masked, ca, cb, owners)
        or _role_subject_hits(masked, ca, cb, owners)
        or _english_subject_hits(masked, ca, cb, owners)
        or _deadline_hits(masked, ca, cb)
        or ([] if proposal else _passive_hits(masked, ca, cb, lang, roster.morphology))
        or _english_passive_hits(masked, ca, cb)
        or _we_hits(masked, ca, cb)
    )


def _presenters(text: str, sec: Section, roster: Roster) -> list[str]:
    """The section's presenters: from the segmenter, else from an 'Alustus:' line of the body."""
    if sec.presenters:
        return list(sec.presenters)
    m = re.search(
        r"^\s*(?:Alustus|Alustaja(?:t)?|Esittelijä(?:t)?|Esittely|Presenters?|Presented by)\s*:\s*(.+)$",
        sec.body(text),
        re.I | re.M,
    )
    if not m:
        return []
    out = []
    for part in _split_names(_TRAILING_INITIALS.sub("", m.group(1))):
        r = roster.resolve(part)
        if r.name and r.name not in roster.organizations:
            out.append(r.name)
    return out


_CLAUSE_JOIN = re.compile(r"(?:,\s*(?:sekä|ja|and)\s+|;\s+|\s+(?:ja|sekä|and)\s+)(?=([\wåäöÅÄÖ@]+)\b)")
_LOWER_WORD = re.compile(r"(?<![\w@])[a-zåäö]{3,}")
_SECOND_OWNER = re.compile(
    r"(?-i:[A-ZÅÄÖ][a-zåäö'’-]+)(?:\s+(?-i:[A-ZÅÄÖ][a-zåäö'’-]+))?\s+"
    r"(?:(?P<modal>will|to|is\s+to)\s+[a-z]|(?P<verb>[a-zåäö]{3,})\b)"
)
_PRONOUN_OBJECTS = frozenset(
    {"hänen", "niiden", "heidän", "tämän", "tuon", "sitten", "siten", "joten", "ennen"}
)


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split coordinated tasks: '..., sekä selvittää ...', '...; laaditaan ...' (comma/semicolon + verb)."""
    seg = text[a:b]
    cuts = [0]
    for m in _CLAUSE_JOIN.finditer(seg):
        w = m.group(1)
        second = _SECOND_OWNER.match(seg, m.end())
        # only after a clause of its own ('Pekka ja Maija hoitavat' is one joint subject)
        if (
            second
            and _LOWER_WORD.search(seg, cuts[-1], m.start())
            and (second.group("modal") or _task_verb(second.group("verb")) or _fi_3sg(second.group("verb")))
        ):
            # 'Ari hoitaa kuljetuksen ja Eeva varaa salin': a second owner with a task of their own
            cuts.append(m.start())
            continue
        if "and" in m.group():
            continue
        if _is_plural_verb(w) and len(w) > 5 and not m.group().startswith(";"):
            # 'A ja B ottavat yhteyttä X:ään ja sopivat Y:stä': the same joint subject, one task
            continue
        if not m.group().startswith((",", ";")):
            # 'X huolehtii A:sta ja tekee B:n': without a comma only a task verb starts a new task
            # only with an object of its own ('ja tekee ilmoituksen'), not 'ja jakaa sen' / 'ja vie Annalle'
            obj = _FI_GENITIVE_OBJECT.match(seg[m.end() :])
            if _task_verb(w) and obj and obj.group(1) not in _PRONOUN_OBJECTS:
                cuts.append(m.start())
            continue
        if (
            m.group().startswith(";")
            or (_PASSIVE.fullmatch(w) and w.lower() not in _PASSIVE_STOP)
            or (_fi_3sg(w) and w not in _FI_VERB_STOP)
        ):
            cuts.append(m.start())
    cuts.append(len(seg))
    out = []
    for s, e in itertools.pairwise(cuts):
        sub = seg[s:e]
        lead = _CLAUSE_JOIN.match(sub)
        out.append((a + s + (lead.end() if lead else 0), a + e))
    return out


_ACTION_HEADING = re.compile(
    r"\s*(?:#+\s*)?(?:Action items?|Actions|Action items, by person|Toimenpiteet|TODO|Tehtävät)\s*:?\s*", re.I
)


# 'From: Rita Moss <rita@example.org>': the writer of an email, who says 'I' in its body
_FROM_LINE = re.compile(
    r"(?m)^From:[ \t]*\"?([A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+)\"?[ \t]*(?:<[^>\n]*>)?[ \t]*$"
)
# 'I'll ask ...', 'Minä tilaan ...', 'Teen ...': the writer's own promise, first in the sentence
_FIRST_PERSON = re.compile(
    r"\s*(?:[-*•]\s*)?(?:I(?:'ll|’ll| will)\s+(?P<en>[a-z][\w-]*)"
    r"|(?:(?:Minä|Mä)\s+)?(?P<fi>[A-ZÅÄÖa-zåäö][a-zåäö]+n)\b)"
)
# 'She's going to call ...', 'They will send ...': a pronoun standing for the subject just before
_PRONOUN_TASK = re.compile(
    r"\s*(?P<pron>She|He|They)(?:'ll|’ll| will| is going to|'s going to|’s going to| are going to"
    r"|'re going to|’re going to)\s+(?P<verb>[a-z][\w-]*)"
)


def _email_writer(text: str) -> str | None:
    """The name on an email's From: line near the top, if the text is an email."""
    if text.find("From:", 0, 1500) < 0:
        return None  # asked once per section: skip the line scan when no From: can match
    m = _FROM_LINE.search(text, 0, min(len(text), 1500))
    return m.group(1) if m else None


# Every prefix of a task verb: a cheap test that a word's stem may still lead to one.
_FI_TASK_PREFIXES = frozenset(v[:k] for v in _FI_TASK_VERBS for k in range(len(v) + 1))


def _fi_first_person_task(word: str) -> bool:
    """'tilaan', 'hoidan', 'teen': the 1st person singular of a Finnish task verb."""
    w = word.lower()
    if w == "teen":
        return True  # tekee: the one stem the grade rules below miss
    stem = w[:-1]
    if len(stem) < 2 or stem[-1] not in "aeiouyäö":
        return False
    # Each candidate below keeps the stem but for its last three letters (the grade change touches
    # no more), so when that part begins no task verb, none is one: most capitalised words stop here.
    if stem[: max(len(stem) - 3, 0)] not in _FI_TASK_PREFIXES:
        return False
    strong = strong_grade(stem)
    return any(_task_verb(c) for c in {stem, stem + stem[-1], strong + strong[-1]})


def _first_person_hit(text: str, a: int, b: int, writer: str) -> _Hit | None:
    """'I'll ask the printer ...' in the writer's own text: a task the writer takes on."""
    m = _FIRST_PERSON.match(text, a, b)
    if not m:
        return None
    if m.group("en"):
        if m.group("en") in _EN_NOT_VERBS or m.group("en") in {"be", "have", "do"}:
            return None
    elif not _fi_first_person_task(m.group("fi")):
        return None
    return _Hit(a, b, [writer], 0.7, "first-person")


def _pronoun_hit(text: str, sents: list[Sentence], s: Sentence, owners: _Owners) -> _Hit | None:
    """'Pia needs a venue. She's going to call ...': the one person (or group) named just before."""
    m = _PRONOUN_TASK.match(text, s.start, s.end)
    if not m or m.group("verb") in _EN_NOT_VERBS or m.group("verb") == "be":
        return None
    prev = _previous(sents, s)
    if prev is None or prev.block.index != s.block.index:
        return None
    lead = _LEAD_SUBJECT.match(text, prev.start, prev.end)
    if not lead:
        return None
    names = _split_names(lead.group("subj"))
    if not names or not all(owners.known(n) for n in names):
        return None
    plural = m.group("pron") == "They"
    if (len(names) > 1) != plural:
        return None  # 'He' after two people, 'They' after one: whom it means is a guess
    others = [x for x in owners.mentions_in(prev.start, prev.end) if x.start >= lead.end()]
    if any(x.full and len(x.candidates) == 1 for x in others):
        return None  # another person in that sentence could be the one meant
    return _Hit(s.start, s.end, names, 0.7, "pronoun")


def _section_items(
    ctx: ExtractionContext,
    masked: str,
    sec: Section,
    roster: Roster,
    owners: _Owners,
    heading: bool = False,
) -> list[_Item]:
    """The action items of one section (`heading`: a heading line, where only named tasks count)."""
    text = ctx.text
    sents = sentences(masked, sec.start, sec.end)
    presenters = _presenters(text, sec, roster)
    psec = Section(sec.number, sec.title, sec.start, sec.end, presenters)
    preamble_end = sec.start
    for s in sents:
        if _PREAMBLE_END.match(masked[s.start : s.end]):
            preamble_end = s.start
            break
    announce = bool(_ANNOUNCE_TITLE.search(sec.title or ""))
    # the next-meeting sentence, when the structure stage says where it is
    nm_span = ctx.next_meeting_span
    items: list[_Item] = []
    action_heading = False
    resolving = False  # inside a 'RESOLVED:' paragraph or the list under it
    first_of_block: dict[int, str] = {}
    block_info: dict[int, tuple[re.Match[str] | None, re.Match[str] | None, bool]] = {}
    for s in sents:
        first_of_block.setdefault(s.block.index, masked[s.start : s.end])
    recent_full: list[str] = []
    writer = _email_writer(text)
    for s0 in sents:
        # a chat-log line: the nick speaks; '#action ...' after it is a MeetBot command
        irc = IRC_PREFIX.match(masked, s0.start, s0.end)
        s = Sentence(irc.end(), s0.end, s0.block) if irc else s0
        irc_speaker = irc.group("nick") if irc and not masked.startswith("#", s.start) else None
        seg = masked[s.start : s.end]
        if not seg.strip():
            continue
        for m in owners.mentions_in(s.start, s.end):
            if m.full and len(m.candidates) == 1:
                recent_full.insert(0, m.candidates[0])
        if _DONE_BOX.match(seg) or (_may_be_done(seg) and _DONE_MARK.search(seg)):
            continue
        if _ACTION_HEADING.fullmatch(seg):
            action_heading = True
            continue
        if action_heading and not s.block.bullet:
            action_heading = False
        hits: list[_Hit] = []
        if seg.rstrip().endswith("?"):
            continue  # a question is discussion, not a task
        head = first_of_block.get(s.block.index, "")
        if s.block.index not in block_info:
            head_lab = _LABEL.match(head)
            block_info[s.block.index] = (
                None if head_lab else _turn(head),
                head_lab,
                bool(_REPORTING.search(head)),
            )
        block_turn, head_label, head_reports = block_info[s.block.index]
        own_turn = _turn(seg)  # 'Name: ...' on this sentence itself (asked three times below)
        turn = own_turn or (block_turn if head != seg else None)
        if turn is not None and own_turn and not owners.known(turn.group("who")):
            # 'Tarvikkeet: Aila kysyy ...': a topic label before a named participant, not a speaker
            after = _SUBJECT.match(seg, turn.end())
            if after and all(owners.known(n) for n in _split_names(after.group("subj"))):
                turn = None
        label = _LABEL.match(seg)
        explicit = _EXPLICIT.match(seg)
        if explicit or (action_heading and s.block.bullet):
            lead_m = explicit or _BULLET_LEAD.match(seg)
            start = s.start + (lead_m.end() if lead_m else 0)
            rest = masked[start : s.end]
            who: list[str] = []
            lead = _LEAD_SUBJECT.match(rest)
            nick = _MEETBOT_NICK_TASK.match(rest)
            # 'ACTION: Ben — submit ...', 'TODO Olga: open a PR': the owner, then a dash or a colon
            named = _NAMED_SUBJECT.match(rest)
            named_who = _split_names(named.group("subj")) if named else []
            if explicit and explicit.group("paren"):
                who = _split_names(explicit.group("paren"))
            elif named_who and all(owners.known(n) or _name_like(n) for n in named_who):
                who = named_who
            elif nick and not lead:
                who = [nick.group(1)]  # MeetBot style: '#action nick to do X'
            elif lead:
                subj = lead.group("subj")  # the explicit line's leading owner
                nxt = rest[lead.end() :].split()
                verbish = (
                    bool(nxt)
                    and (nxt[0][:1].isupper() or nxt[0] in {"to", "will", "should"} or _fi_3sg(nxt[0]))
                    and (subj.startswith("@") or owners.known(subj.split()[0]) or nxt[0] in {"to", "will"})
                )
                if verbish or subj.startswith("@"):
                    who = _split_names(subj) if not subj.startswith("@") else _at_names(subj, owners)
            hits.append(_Hit(start, s.end, who, 0.9, "explicit"))
        elif (
            not irc_speaker
            and not label
            and (line_hit := _owner_line_hit(masked, s.start, s.end, owners, s.block.bullet))
        ):
            hits.append(line_hit)
        elif irc_speaker or (turn and not label and not _NOT_A_SPEAKER.match(seg)):
            speaker = irc_speaker or (turn.group("who") if turn else "")
            body_a = s.start + (turn.end() if turn and own_turn and not irc_speaker else 0)
            mine = _EN_I_WILL.search(masked[body_a : s.end])
            if mine:
                hits.append(_Hit(body_a + mine.start(), s.end, [speaker], 0.6, "turn-i"))
            elif (
                speaker
                and not masked.startswith("I", body_a)  # English 'I will' is the rule above
                and (fp := _first_person_hit(masked, body_a, s.end, speaker))
            ):
                fp.confidence = 0.6  # 'Aila: tilaan kahvit': the speaker's own promise in a chat line
                hits.append(fp)
            else:
                hits.extend(_we_hits(masked, body_a, s.end))
        elif writer and (fp := _first_person_hit(masked, s.start, s.end, writer)):
            hits.append(fp)
        elif pron := _pronoun_hit(masked, sents, s, owners):
            hits.append(pron)
        else:
            body_a = s.start + (label.end() if label else 0)
            lab = (
                label.group("label").lower()
                if label
                else (head_label.group("label").lower() if head_label else "")
            )
            proposal = lab in {
                "esitys",
                "ehdotus",
                "päätösehdotus",
                "proposal",
                "idea",
                "info",
                "topic",
                "link",
                "note",
                "huom",
            }
            if lab in {"decision", "resolution", "resolved", "agreed"}:
                hits.extend(_decision_imperative_hits(masked, s.start, s.end, body_a))
            agreed = _AGREED.match(masked[body_a : s.end])
            if agreed and agreed.group().strip():
                body_a += agreed.end()
            in_preamble = s.start < preamble_end
            next_line = bool(_NEXT_MEETING_LINE.match(seg)) or (
                nm_span is not None and s.start < nm_span[1] and nm_span[0] < s.end
            )
            # a reporting paragraph's later sentence with a deadline is work set, not the report
            reported = head_reports and not s.block.bullet and (head == seg or not _TIMED.search(seg))
            carry: list[str] = []
            if _RESOLVED_LEAD.match(seg):
                resolving = True
            elif not s.block.bullet:
                resolving = False
            directed = _resolution_clause_hits(masked, s.start, s.end) if resolving else []
            hits.extend(directed)
            for ca, cb in [] if directed else _clauses(masked, body_a, s.end):
                ch: list[_Hit] = []
                first_word = _FIRST_LOWER_WORD.match(masked[ca:cb])
                if carry and first_word and (_fi_3sg(first_word.group(1)) or _task_verb(first_word.group(1))):
                    hits.append(_Hit(ca, cb, list(carry), 0.75, "fi-subject"))
                    continue
                ch = _clause_hits(masked, ca, cb, roster, owners, proposal, ctx.language)
                if ch and _REPORTED_THAT.search(masked, s.start, ca + 1 if ca > s.start else cb):
                    # 'Ari muistutti, että ... pidetään', 'Kate noted that ... will be reviewed': what
                    # someone said, not work handed out (a named doer inside it still counts)
                    ch = [h for h in ch if h.rule not in _OWNERLESS_RULES]
                if heading and not _DASH_BULLET.match(masked, s.block.start):
                    # an agenda heading ('3. Call to order') names a task only with a known owner
                    ch = [
                        h
                        for h in ch
                        if h.rule in _NAMED_RULES
                        and (
                            h.rule not in {"en-subject", "fi-subject"}
                            or all(owners.known(o) for o in h.owners)
                        )
                    ]
                for h in ch:
                    if h.rule in {"fi-passive", "goal", "en-passive"} and (
                        in_preamble or announce or reported
                    ):
                        h.confidence = min(h.confidence, 0.35)
                    if agreed and agreed.group().strip() and h.rule == "fi-passive":
                        h.confidence = max(h.confidence, 0.7)
                if next_line:
                    ch = [h for h in ch if h.rule not in _OWNERLESS_RULES]
                if len(ch) == 1 and ch[0].rule == "acts-as":
                    prev = hits[-1] if hits else None
                    if prev is not None and not prev.owners and prev.a >= s.start:
                        # 'Kysely tehdään kesäkuussa; yhteyshenkilönä toimii Ari': Ari owns the survey
                        prev.owners = list(ch[0].owners)
                        prev.b = ch[0].b
                        prev.confidence = max(prev.confidence, 0.7)
                        continue
                    ch[0].rule = "responsible"
                carry = [o for h in ch if h.rule == "fi-subject" for o in h.owners]
                hits.extend(ch)
            owner_m = _owner_label(seg)
            # 'Vastuu: Mikko', 'Owner: Kate, deadline 7 March': a label line (owner, maybe a schedule)
            bare = bool(
                owner_m
                and _LABEL_LEAD.fullmatch(seg, 0, owner_m.start())
                and _SCHEDULE_TAIL.fullmatch(seg, owner_m.end())
            )
            if owner_m and (bare or not hits):
                last = items[-1] if items else None
                prev_s = _previous(sents, s)
                if (
                    bare
                    and last is not None
                    and last.sentence is not None
                    and _adjacent(sents, last.sentence, s)
                ):
                    # a label line after a task names that task's owner (and its schedule: the span grows)
                    warn_b: list[str] = []
                    who_b = owners.resolve(_split_names(owner_m.group("who")), psec, recent_full, warn_b)
                    last.owners = who_b
                    last.warnings.extend(warn_b)
                    last.confidence = max(last.confidence, 0.8)
                    if last.section is sec:
                        last.end = max(last.end, _trim(text, s.start, s.end)[1])
                    hits = []
                elif bare and prev_s is not None and prev_s.block.index == s.block.index:
                    # 'A new quote is needed. Owner: Kate, deadline ...': the sentence before is the task
                    prev_text = masked[prev_s.start : prev_s.end]
                    if not prev_text.rstrip().endswith((":", "?")):
                        hits = [
                            _Hit(prev_s.start, s.end, [owner_m.group("who")], 0.75, "owner-label", prev_text)
                        ]
                elif bare and not _parent_bullet(masked, sents, s):
                    hits = []  # 'Responsible: Omar Haddad' alone (a header label) owns nothing
                elif not hits:
                    hits.append(_Hit(s.start, s.end, [owner_m.group("who")], 0.8, "owner-label"))
        if not hits:
            continue  # nothing to record for this sentence
        prev_owned = [
            it for it in items if it.owners and it.sentence and it.sentence.block.index == s.block.index
        ]
        for h in hits:
            warn: list[str] = []
            hit_text = masked[h.a : h.b]
            ow_label = _OWNER_LABEL.search(hit_text) if any(x in hit_text for x in _OWNER_HINTS) else None
            mentions = list(h.owners)
            if not mentions and ow_label:
                mentions = _split_names(ow_label.group("who"))
            resolved = owners.resolve(mentions, psec, recent_full, warn)
            if not resolved and h.rule in {"fi-passive", "goal"} and presenters:
                resolved = list(presenters)
            if not resolved and h.rule == "goal" and prev_owned:
                resolved = list(prev_owned[-1].owners)
            a, b = _trim(text, h.a, h.b)
            if b <= a:
                continue
            task_src = h.text if h.text else masked[a:b]
            if h.rule == "owner-label":
                # 'Lead by @John K' under 'Look into Azure build service': the parent bullet is the task
                parent = _parent_bullet(masked, sents, s)
                task_src = parent or task_src
            items.append(
                _Item(
                    a,
                    b,
                    _clean(_OWNER_LABEL.sub("", task_src) if h.rule != "owner-label" else task_src)
                    or _clean(task_src),
                    resolved,
                    h.confidence,
                    sec,
                    h.rule,
                    s,
                    s.block.bullet,
                    following=_following(sents, s),
                    warnings=warn,
                )
            )
    return items


# a '- ' / '* ' list item the segmenter took for a heading is still a list item (headings are numbered)
_DASH_BULLET = re.compile(r"[ \t]*[-*•–][ \t]+\S")

_NAMED_RULES = frozenset(
    {"explicit", "delegation", "responsible", "acts-as", "fi-subject", "en-subject", "owner-label"}
)


def _gaps(text: str, sections: list[Section]) -> list[Section]:
    """Stretches no section body covers (headings), each numbered as the section it heads."""
    out: list[Section] = []
    pos = 0
    for sec in sections:
        if sec.start > pos and text[pos : sec.start].strip():
            out.append(Section(sec.number, sec.title, pos, sec.start))
        pos = max(pos, sec.end)
    if pos < len(text) and text[pos:].strip():
        out.append(Section(None, "", pos, len(text)))
    return out


_LABEL_LEAD = re.compile(r"[\s\-*•(\[]*")
# what may follow an owner label on a label line: a schedule ('aikataulu 7.3. mennessä', 'deadline 7 May')
_SCHEDULE_TAIL = re.compile(
    r"[\s,;.–—)\]-]*(?:(?:aikataulu\w*|määräai\w*|takaraja\w*|deadline|due(?:\s+date)?|by|target(?:\s+date)?"
    r"|schedule|valmi\w*|viimeistään|mennessä)\b(?:[^.;\n]|\.(?!\s*(?:(?-i:[A-ZÅÄÖ])|$)))*)?[\s.;)\]]*",
    re.I,
)


def _following(sents: list[Sentence], s: Sentence) -> Sentence | None:
    """The sentence after s in the same paragraph, if any."""
    i = bisect.bisect_right([x.start for x in sents], s.start)
    return sents[i] if i < len(sents) and sents[i].block.index == s.block.index else None


# a sentence that states a deadline ('Ilmoittautuminen on tehtävä 20.3. mennessä', 'Registration closes ...')
_DEADLINE_CUE = re.compile(
    r"\b(?:mennessä|viimeistään|määräai\w*|takaraja\w*|deadline|due|by|closes?|no\s+later\s+than)\b", re.I
)
_TIMED = re.compile(
    r"(?=[mvlkdtbn])\b(?:mennessä|viimeistään|loppuun|kuluessa|määräai\w*|takaraja\w*|deadline|by|no\s+later\s+than)\b",
    re.I,
)
_STEM_WORD = re.compile(r"[^\W\d_]{5,}")


def _about_same_task(task: str, deadline: str) -> bool:
    """Whether a deadline sentence is about the task: a shared word stem, or a bare deadline statement."""
    if _DEADLINE_LEAD.match(deadline):
        return True
    stems = {w.lower()[:5] for w in _STEM_WORD.findall(task)}
    return any(w.lower()[:5] in stems for w in _STEM_WORD.findall(deadline))


def _previous(sents: list[Sentence], s: Sentence) -> Sentence | None:
    """The sentence just before s, if any."""
    i = bisect.bisect_left([x.start for x in sents], s.start)
    return sents[i - 1] if i > 0 else None


def _adjacent(sents: list[Sentence], a: Sentence, b: Sentence) -> bool:
    """Whether sentence b directly follows sentence a (nothing but whitespace between)."""
    idx = {(x.start, x.end): i for i, x in enumerate(sents)}
    ia = idx.get((a.start, a.end))
    ib = next((i for i, x in enumerate(sents) if x.end == b.end), None)
    return ia is not None and ib is not None and ib == ia + 1


def _parent_bullet(masked: str, sents: list[Sentence], s: Sentence) -> str | None:
    """The text of the nearest earlier bullet indented less than this sentence's bullet."""
    for p in reversed([x for x in sents if x.end <= s.start]):
        if p.block.bullet and p.block.indent < s.block.indent:
            return masked[p.start : p.end]
    return None


def _due(ctx: ExtractionContext, item: _Item, own_clause_only: bool = False) -> Due | None:
    """The due date from the dates in the item's clause (else its sentence): the period's last day."""
    if ctx.meeting_date is None:
        return None
    try:
        from muistio import dates
    except ImportError:  # the date grammar is another stage; without it there are no due dates
        return None
    ref = datetime.combine(ctx.meeting_date, time(12, 0))
    spans = [(item.start, item.end)]
    if item.sentence is not None and not own_clause_only:
        spans.append((item.sentence.start, item.sentence.end))
    for a, b in dict.fromkeys(spans):  # the item is often its whole sentence: scan it once
        seg = ctx.text[a:b]
        before = _before_event_due(ctx, item, a, b, ref) or _event_anchor_due(ctx, a, b, ref)
        if before is not None:
            return before
        event = _month_event_due(seg, ctx.meeting_date, ctx.next_meeting_date)
        found = dates.scan(seg, ref, ctx.language, ctx.next_meeting_date, prefer_future=True)
        if event and not found:
            return event
        found = [
            f
            for f in found
            if f.when.relation not in {"since", "from"} and not _FOR_PERIOD.search(seg, 0, f.start)
        ]
        rel = _REL_CLAUSE.search(seg)
        if rel:
            # '..., jossa pyydetään korjaamaan aidat 15. päivään mennessä': someone else's deadline
            found = [f for f in found if not rel.start() <= f.start < rel.end()]
        if not found:
            continue
        by = [f for f in found if f.when.relation in {"by", "before", "until"}]
        f = (by or found)[0]
        d, precision = dates.due_of(f.when)
        if d is None:
            continue
        if precision not in {"day", "week", "month", "season", "half_year", "year", "meeting"}:
            precision = "day"
        phrase = _WORD_FINAL_DOT.sub("", seg[f.start : f.end])  # 'in April.' -> 'in April'
        return Due(date=d.isoformat(), precision=precision, phrase=phrase)  # type: ignore[arg-type]
    return None


_REL_CLAUSE = re.compile(
    r",\s*(?:jossa|jolla|joka|jotka|jonka|joita|joissa|joille|jolle|which|who|whose|where|in\s+which)\b[^,;]*",
    re.I,
)

_COUNT = {
    "yksi": 1, "yhden": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7,
    "kahdeksan": 8, "kymmenen": 10, "pari": 2, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10, "a couple of": 2,
}  # fmt: skip
_BEFORE_EVENT = re.compile(
    r"(?<!\w)(?:(?P<n>\d{1,3}|" + "|".join(sorted(_COUNT, key=len, reverse=True)) + r")\s+)?"
    r"(?P<u>päivää|vuorokautta|viikkoa|viikko|kuukautta|days?|weeks?|months?)\s+"
    r"(?:ennen|before|prior\s+to|ahead\s+of)\s+(?:the\s+|this\s+)?(?P<ev>[\wåäöÅÄÖ-]+)",
    re.I,
)


def _before_event_due(ctx: ExtractionContext, item: _Item, a: int, b: int, ref: datetime) -> Due | None:
    """'kaksi viikkoa ennen tapahtumaa', 'two weeks before the fair': counted back from the event's date.

    The event's date is the day date the same paragraph states (else the one day date the section
    states); with none, or several in the section, there is no due date (no guess).
    """
    m = _BEFORE_EVENT.search(ctx.text, a, b)
    if m is None or (m.group("ev").lower() in {"seuraavaa", "next", "kokousta", "meeting"}):
        return None
    from muistio import dates

    def day_dates(lo: int, hi: int) -> list[date]:
        out = []
        for f in dates.scan(ctx.text[lo:hi], ref, ctx.language, ctx.next_meeting_date, prefer_future=True):
            if lo + f.end <= m.start() or lo + f.start >= m.end():
                d, prec = dates.due_of(f.when)
                if d is not None and prec == "day" and f.when.start is not None:
                    start = f.when.start
                    out.append(start.date() if isinstance(start, datetime) else start)
        return sorted(set(out))

    found: list[date] = []
    if item.sentence is not None:
        blk = item.sentence.block
        found = day_dates(blk.start, blk.end)
    if not found and item.section is not None:
        found = day_dates(item.section.start, item.section.end)
    if len(found) != 1:
        return None
    raw = (m.group("n") or "").lower()
    n = int(raw) if raw.isdigit() else _COUNT.get(_SPACES.sub(" ", raw), 1)
    unit = m.group("u").lower()
    if unit.startswith(("viik", "week")):
        due = found[0] - timedelta(weeks=n)
    elif unit.startswith(("kuuk", "month")):
        mo = found[0].month - n
        y, mo = found[0].year + (mo - 1) // 12, (mo - 1) % 12 + 1
        due = found[0].replace(year=y, month=mo, day=min(found[0].day, 28))
    else:
        due = found[0] - timedelta(days=n)
    return Due(date=due.isoformat(), precision="day", phrase=m.group())


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "maanantaina": 0, "tiistaina": 1, "keskiviikkona": 2, "torstaina": 3, "perjantaina": 4,
    "lauantaina": 5, "sunnuntaina": 6,
}  # fmt: skip
_EVENT_ANCHOR = re.compile(
    r"(?:\b(?:on\s+)?(?:the\s+)?(?P<wd>" + "|".join(_WEEKDAYS) + r")\s+)?"
    r"\b(?:ennen|before|prior\s+to|ahead\s+of)\s+(?:the\s+|this\s+|our\s+)?(?P<ev>[a-zåäö][\wåäö-]{2,})",
    re.I,
)
_NOT_EVENTS = re.compile(
    r"^(?:seuraava|next|kokous|meeting|kuun|month|vuoden|year|viikon|week|end|loppu|deadline|määräa"
    r"|then|that|this|tomorrow|huomen|joulu|juhannu|christmas|easter|pääsiäi)",
    re.I,
)


def _event_anchor_due(ctx: ExtractionContext, a: int, b: int, ref: datetime) -> Due | None:
    """'ennen kesäjuhlaa', 'on the Friday before the fair': the event's date as the text states it elsewhere.

    The event's date is the one day date on the lines naming the event (by the first letters of the
    word, so inflected forms count); none or several: no due date (no guess).
    """
    m = _EVENT_ANCHOR.search(ctx.text, a, b)
    if m is None or _NOT_EVENTS.match(m.group("ev")):
        return None
    from muistio import dates

    ev = m.group("ev").lower()
    stem = ev[: max(4, len(ev) - 3)]
    low = ctx.text.lower()
    found: set[date] = set()
    pos = low.find(stem)
    while pos >= 0:
        if not m.start() <= pos < m.end():
            ls = low.rfind("\n", 0, pos) + 1
            le = low.find("\n", pos)
            le = len(low) if le < 0 else le
            for f in dates.scan(ctx.text[ls:le], ref, ctx.language, ctx.next_meeting_date):
                d, prec = dates.due_of(f.when)
                if d is not None and prec == "day" and f.when.relation not in {"by", "until"}:
                    found.add(d)
            pos = low.find(stem, le)
        else:
            pos = low.find(stem, pos + 1)
    if len(found) != 1:
        return None
    day = found.pop()
    if m.group("wd"):
        back = (day.weekday() - _WEEKDAYS[m.group("wd").lower()]) % 7 or 7
        day = day - timedelta(days=back)
    return Due(date=day.isoformat(), precision="day", phrase=m.group().strip())


_MONTHS_FI = (
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
)
_MONTHS_EN = tuple(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_MONTH_EVENT = re.compile(
    r"\b(?P<fi>" + "|".join(_MONTHS_FI) + r")kuun\s+[a-zåäö]+(?:[aeiouyäö]n|h[aeiouyäö]n|seen|siin)\b"
    r"|\b(?:at|for|to|by|before)\s+the\s+(?P<en>"
    + "|".join(_MONTHS_EN)
    + r")\s+(?:meeting|session|seminar|board"
    r"|event|workshop|conference)\b",
    re.I,
)


def _month_event_due(seg: str, meeting: date, next_meeting: date | None = None) -> Due | None:
    """'elokuun kokoukseen' / 'for the June seminar': an event named by its month -> that month's end.

    A meeting named by the month the next meeting falls in ('to the May meeting') is the next meeting.
    """
    m = _MONTH_EVENT.search(seg)
    if not m:
        return None
    month = (
        _MONTHS_FI.index(m.group("fi").lower()) + 1
        if m.group("fi")
        else _MONTHS_EN.index(m.group("en").lower()) + 1
    )
    if (
        next_meeting is not None
        and next_meeting.month == month
        and next_meeting > meeting
        and re.search(r"kokou|meeting|session|board", m.group(), re.I)
    ):
        return Due(date=next_meeting.isoformat(), precision="day", phrase=m.group())
    year = meeting.year + (1 if month < meeting.month else 0)
    last = date(year + (month == 12), month % 12 + 1, 1) - date.resolution
    return Due(date=last.isoformat(), precision="month", phrase=m.group())


def _inherit_years(items: list[_Item]) -> None:
    """A yearless due in a list that would fall before the previous item's takes that item's year."""
    prev: _Item | None = None
    for it in items:
        same_list = prev is not None and it.in_list and prev.in_list and it.section is prev.section
        if same_list and prev is not None and it.due and prev.due and _yearless_after(it.due, prev.due):
            d, pd = date.fromisoformat(it.due.date), date.fromisoformat(prev.due.date)
            try:
                moved = d.replace(year=pd.year)
            except ValueError:  # 29 February
                moved = d.replace(year=pd.year, day=28)
            if moved >= pd:
                it.due = Due(date=moved.isoformat(), precision=it.due.precision, phrase=it.due.phrase)
        if it.due:
            prev = it
        elif not it.in_list:
            prev = None


def _yearless_after(due: Due, prev: Due) -> bool:
    """Whether a due phrase without a year resolved before the previous (year-naming) item's due."""
    return (
        not _YEAR.search(due.phrase)
        and bool(_YEAR.search(prev.phrase))
        and date.fromisoformat(due.date) < date.fromisoformat(prev.date)
    )


_KEY_STOP = _words(
    """
    to will should shall must by before until on in at the a an and ja sekä of for mennessä ennen asti
    viimeistään done due deadline action todo
    """
)
_KEY_WORD = re.compile(r"[^\W\d_]{2,}")


def _task_words(it: _Item) -> frozenset[str]:
    """The words that say what the task is: no owner names, dates, numbers or function words."""
    owner_words = {fold(w) for o in it.owners for w in o.split()}
    words = {fold(w) for w in _KEY_WORD.findall(it.text)}
    return frozenset(
        w for w in words if w not in _KEY_STOP and w not in owner_words and w[:4] not in _MONTH_KEYS
    )


_MONTH_KEYS = frozenset(m[:4] for m in (*_MONTHS_EN, *(f + "kuu" for f in _MONTHS_FI)))


def _merge_repeats(items: list[_Item]) -> list[_Item]:
    """A task written twice (inline, then in a summary list) is one item with the information of both."""
    keys = [_task_words(it) for it in items]
    out: list[_Item] = []
    out_keys: list[frozenset[str]] = []
    for it, key in zip(items, keys, strict=True):
        twin = None
        if len(key) >= 3:
            for j, (o, ok) in enumerate(zip(out, out_keys, strict=True)):
                same_people = (
                    not it.owners
                    or not o.owners
                    or {fold(x) for x in it.owners} == {fold(x) for x in o.owners}
                )
                if same_people and len(ok) >= 3 and len(key & ok) >= 0.8 * max(len(key), len(ok)):
                    twin = j
                    break
        if twin is None:
            out.append(it)
            out_keys.append(key)
            continue
        o = out[twin]
        # keep the copy that says more (a due, owners); the other only adds what it knows
        richer, other = (
            (it, o) if (bool(it.due) + bool(it.owners)) > (bool(o.due) + bool(o.owners)) else (o, it)
        )
        richer.owners = richer.owners or other.owners
        richer.due = richer.due or other.due
        richer.confidence = max(richer.confidence, other.confidence)
        out[twin] = richer
        out_keys[twin] = key | out_keys[twin]
    return out


def find_action_items(ctx: ExtractionContext, morphology: Morphology | None = None) -> list[ActionEntry]:
    """The action items of the minutes, in text order; warnings go to ctx.warnings.

    `morphology` (None: libvoikko when installed, else none) is only a second opinion.
    """
    roster = Roster.from_participants(ctx.participants, morphology)
    # 'Nikolai Petrov (@nick)' in an attendee list lets '@nick' name him later
    for m in _NAME_WITH_HANDLE.finditer(ctx.text) if "(@" in ctx.text else ():
        roster.add_alias(m.group(2), m.group(1))
    masked = _unbold_labels(_mask_struck(ctx.text))
    owners = _Owners(roster, ctx, masked)
    sections = sorted(ctx.sections, key=lambda s: s.start) or [Section(None, "", 0, len(ctx.text))]
    items: list[_Item] = []
    for sec in sections:
        items.extend(_section_items(ctx, masked, sec, roster, owners))
    # an agenda heading can itself be a task ('- Action: X to do Y' read as an item's title)
    for gap in _gaps(ctx.text, sections):
        items.extend(_section_items(ctx, masked, gap, roster, owners, heading=True))
    items.sort(key=lambda i: i.start)
    # one item per span; MeetBot repeats its actions in summary lists
    seen: set[str] = set()
    uniq: list[_Item] = []
    for it in sorted(items, key=lambda i: (i.start, -i.confidence)):
        # a note in brackets does not make a new task: '... (carried over)' repeats the same one
        key = _NON_WORD_RUN.sub(" ", _TRAILING_PAREN_NOTE.sub("", it.text).lower()).strip()
        if key in seen or any(u.start <= it.start and it.end <= u.end for u in uniq):
            continue
        seen.add(key)
        uniq.append(it)
    # 'I'll write it up' said in a chat, then minuted as '#action nick to write it': keep the action
    explicit_owners = {
        (fold(o), it.section.number if it.section else None)
        for it in uniq
        if it.rule == "explicit"
        for o in it.owners
    }
    uniq = [
        it
        for it in uniq
        if it.rule != "turn-i"
        or not any((fold(o), it.section.number if it.section else None) in explicit_owners for o in it.owners)
    ]
    # a sentence split into several tasks: each task's due comes from its own clause only
    per_sentence: dict[tuple[int, int], int] = {}
    for it in uniq:
        if it.sentence is not None:
            k = (it.sentence.start, it.sentence.end)
            per_sentence[k] = per_sentence.get(k, 0) + 1
    covered = {(it.sentence.start, it.sentence.end): it for it in uniq if it.sentence is not None}
    merged: set[int] = set()
    for it in uniq:
        shared = it.sentence is not None and per_sentence[(it.sentence.start, it.sentence.end)] > 1
        it.due = _due(ctx, it, own_clause_only=shared)
        nxt = it.following
        other = covered.get((nxt.start, nxt.end)) if nxt is not None else None
        # 'Määräaika on 20.3.' after a task is that task's deadline, not a task of its own
        bare = other is not None and (
            (other.rule == "deadline" and bool(_DEADLINE_LEAD.match(other.text)))
            # 'X pyytää tarjoukset. Tarjoukset pyydetään 15.6. mennessä.': the same task's deadline
            or (bool(it.owners) and not other.owners and other.rule in {"fi-passive", "en-passive"})
        )
        if it.due is None and nxt is not None and (other is None or bare) and it.end <= nxt.start:
            # 'Leena ilmoittaa kaksi jäsentä. Ilmoittautuminen on tehtävä 20.3. mennessä.': the next
            # sentence's deadline is this task's when it is about the same thing
            deadline = ctx.text[nxt.start : nxt.end]
            if _DEADLINE_CUE.search(deadline) and _about_same_task(it.text, deadline):
                probe = _Item(nxt.start, nxt.end, deadline, [], 0.0, it.section, "deadline", nxt)
                it.due = _due(ctx, probe, own_clause_only=True)
                if it.due is not None and other is not None:
                    merged.add(id(other))
                    it.end = max(it.end, other.end)
    uniq = [it for it in uniq if id(it) not in merged]
    _inherit_years(uniq)
    uniq = _merge_repeats(uniq)
    out: list[ActionEntry] = []
    for it in uniq:
        if it.confidence < ctx.min_confidence:
            continue
        ctx.warnings.extend(w for w in it.warnings if w not in ctx.warnings)
        if not it.text:
            continue
        out.append(
            ActionEntry(
                text=it.text,
                owners=it.owners,
                due=it.due,
                agenda_item=it.section.number if it.section else None,
                quote=ctx.text[it.start : it.end],
                confidence=round(it.confidence, 2),
            )
        )
    return out
