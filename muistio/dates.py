"""The date grammar: Finnish and English phrases saying *when*, resolved against a reference time.

Conventions are those of spec/dates.md. Pure: the reference time and the next meeting's date come
in as arguments; nothing here reads the clock.
"""

from __future__ import annotations

import calendar as _cal
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from muistio.patterns import regex

__all__ = ["Found", "When", "due_of", "impossible", "parse_time_range", "resolve", "scan"]

Day = date | datetime
Span = tuple[date, date]

# --------------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class When:
    """One resolved phrase: the period named (inclusive), how precise, and how it relates to a task."""

    phrase: str
    start: Day | None
    end: Day | None
    precision: str
    relation: str
    anchor: str | None = None
    warnings: tuple[str, ...] = ()
    year_given: bool = False  # the phrase itself names the year (`27.10.16`, `2018-06-20`)

    def to_json_dict(self) -> dict[str, object]:
        """The object `muistio when --json` prints (spec/dates.md)."""
        return {
            "phrase": self.phrase,
            "start": _fmt(self.start),
            "end": _fmt(self.end),
            "precision": self.precision,
            "relation": self.relation,
            "anchor": self.anchor,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Found:
    """A date phrase found in running text: character offsets and its resolution."""

    start: int
    end: int
    when: When


def _fmt(value: Day | None) -> str | None:
    """'YYYY-MM-DD', or 'YYYY-MM-DDTHH:MM' where a time was said."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


# Quarters map to 'month' in the contract's enum: the due date is the quarter's last day and a
# quarter is closer to a month than to a season for reminder purposes.
_DUE_PRECISION = {
    "minute": "day",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "month",
    "season": "season",
    "half_year": "half_year",
    "year": "year",
    "meeting": "meeting",
}


def month_named(word: str) -> int | None:
    """The month a word names on its own (`July`, `heinäkuu`, `juli`), in any of the three languages."""
    low = word.lower().rstrip(".")
    if low in _EN_MONTHS or low in _SV_MONTHS:
        return _EN_MONTHS.get(low) or _SV_MONTHS[low]
    stem = low.removesuffix("kuu")
    return _FI_MONTHS.get(stem) if stem != low else None


def month_end_after(month: int, ref: date) -> date:
    """The last day of that month, this year or, when it has passed, the next."""
    year = ref.year + (1 if month < ref.month else 0)
    return date(year, month, _last(year, month))


def due_of(when: When) -> tuple[date | None, str]:
    """An action item's due date (the end's date) and the contract's precision for it."""
    precision = "meeting" if when.anchor else _DUE_PRECISION.get(when.precision, "day")
    end = when.end
    if end is None:
        return None, precision
    return (end.date() if isinstance(end, datetime) else end), precision


# --------------------------------------------------------------------------------------------- words

_FI_MONTHS = {
    "tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6,
    "heinä": 7, "elo": 8, "syys": 9, "loka": 10, "marras": 11, "joulu": 12,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_FI_WD_ABBR = {"ma": 0, "ti": 1, "ke": 2, "to": 3, "pe": 4, "la": 5, "su": 6}
_FI_WD_STEM = {
    "maanantai": 0, "tiistai": 1, "keskiviik": 2, "torstai": 3,
    "perjantai": 4, "lauantai": 5, "sunnuntai": 6,
}  # fmt: skip
_EN_WD = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_SV_MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_SV_WD = {
    "måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6,
    "mån": 0, "tis": 1, "ons": 2, "tor": 3, "tors": 3, "fre": 4, "lör": 5, "sön": 6,
    "månd": 0, "tisd": 1, "onsd": 2, "torsd": 3, "fred": 4, "lörd": 5, "sönd": 6,
}  # fmt: skip
_SV_NUM = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "ett par": 2,
}  # fmt: skip
_SV_PART = {"början": "early", "mitten": "mid", "slutet": "late"}
_SV_SEASON_FIRST = {"vår": 3, "sommar": 6, "höst": 9, "vinter": 12}
_SV_QUAL = {"nästa": 1, "kommande": 1, "denna": 0, "detta": 0, "i": 0, "förra": -1}
_WD_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_FI_NUM = {
    "yhden": 1, "kahden": 2, "kolmen": 3, "neljän": 4, "viiden": 5, "kuuden": 6, "seitsemän": 7,
    "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10, "parin": 2,
}  # fmt: skip
_EN_NUM = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
}  # fmt: skip
_FI_ORD = {"ensimmäise": 1, "toise": 2, "kolmanne": 3, "neljänne": 4, "viimeise": 4}
_EN_ORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
}

# Finnish relative qualifiers: +1 next, 0 this, -1 last.
_FI_QUAL = {
    "ensi": 1, "tulevana": 1, "tulevalla": 1, "tulevan": 1, "tulevassa": 1, "seuraavana": 1,
    "seuraavalla": 1, "seuraavan": 1, "seuraavassa": 1,
    "tänä": 0, "tällä": 0, "tässä": 0, "tämän": 0, "kuluvana": 0, "kuluvalla": 0, "kuluvassa": 0,
    "kuluvan": 0, "viime": -1, "edellisenä": -1, "edellisellä": -1, "edellisen": -1, "edellisessä": -1,
}  # fmt: skip
_EN_QUAL = {"this": 0, "the": 0, "current": 0, "next": 1, "the next": 1, "the coming": 1, "last": -1}

# Case of a Finnish period word -> the relation it carries alone. The elative is adverbial with
# seasons ('loppukeväästä' = in late spring); months and years in the elative say 'from' themselves.
_FI_CASE_REL = {"ess": "during", "ine": "during", "ade": "during", "ill": "during", "all": "during",
                "tra": "by", "ela": "during", "gen": "during", "nom": "during", "par": "during"}  # fmt: skip

# Finnish postpositions after a genitive: (part of the period, relation).
_FI_POST = {
    "aikana": (None, "during"), "kuluessa": (None, "during"), "ajan": (None, "during"),
    "loppuun": ("end", "by"), "loppuun asti": ("end", "until"), "loppuun saakka": ("end", "until"),
    "lopussa": ("late", "during"), "lopulla": ("late", "during"), "loppupuolella": ("late", "during"),
    "loppupuolelle": ("late", "during"), "loppupuoliskolla": ("late", "during"),
    "alussa": ("early", "during"), "alulla": ("early", "during"), "alkupuolella": ("early", "during"),
    "alkupuolelle": ("early", "during"), "alkuun": ("early", "by"),
    "puolivälissä": ("mid", "during"), "puolessavälissä": ("mid", "during"),
    "keskivaiheilla": ("mid", "during"), "keskivaiheille": ("mid", "during"), "puoliväliin": ("mid", "by"),
}  # fmt: skip
_PART_WORD = {
    "alku": "early", "keski": "mid", "loppu": "late", "early": "early", "beginning": "early",
    "start": "early", "mid": "mid", "middle": "mid", "late": "late", "end": "end",
}  # fmt: skip

# --------------------------------------------------------------------------------------------- regexes

_I = re.IGNORECASE
_Y = r"(?:19|20)\d\d"
_NW = r"(?!\w)"  # word end (Unicode-aware, so 'ä' counts as a letter)
_B = r"(?<!\w)"  # word start
_SEP = r"\s*[-–—]\s*"
_FI_MSTEM = "|".join(sorted(_FI_MONTHS, key=len, reverse=True))
_EN_MON = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_EN_WD_RE = "|".join(sorted(_EN_WD, key=len, reverse=True))
_FI_WD_FULL = (
    r"(?:maanantai|tiistai|torstai|perjantai|lauantai|sunnuntai)(?:na|hin|sta|n|ksi|lle|lta|lla)?"
    r"|keskiviik(?:ko(?:na|on)?|o(?:sta|n|ksi|lle|lta|lla))"
)
_SV_WD_FULL = r"(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en|ens)?"
_SV_WD_RE = rf"(?:{_SV_WD_FULL}|(?:mån|tis|ons|tors|lör|sön)d?|tor|fred?)"
_WD_ANY = rf"(?:{_FI_WD_FULL}|{_SV_WD_RE}|{_EN_WD_RE}|ma|ti|ke|to|pe|la|su)"
_SV_MON = "|".join(sorted(_SV_MONTHS, key=len, reverse=True))
_SV_MON_FULL = "|".join(
    sorted(
        (k for k in _SV_MONTHS if len(k) > 4 or k in ("mars", "maj", "juni", "juli")), key=len, reverse=True
    )
)
_FI_POST_RE = "|".join(sorted((re.escape(k) for k in _FI_POST), key=len, reverse=True))
_FI_QUAL_RE = "|".join(sorted(_FI_QUAL, key=len, reverse=True))
_EN_PART = (
    r"(?:(?:the\s+)?(?P<part>early|mid|late|beginning\s+of|start\s+of|middle\s+of|end\s+of)[\s-]+(?:the\s+)?)"
)
_FI_NUM_RE = "|".join(_FI_NUM)
_EN_NUM_RE = "|".join(sorted(_EN_NUM, key=len, reverse=True))

_H = r"(?:2[0-3]|[01]?\d)(?!\d)"
_M = r"[0-5]\d"
_AP = r"(?:[ap]\.?m\.?(?!\w))"
_TIME = (
    rf"(?P<klo>(?:klockan|klo|kello|kl)\.?\s*|(?:at|@|from|alkaen\s+klo)\s*)?"
    rf"(?P<h1>{_H})(?:(?(klo)[.:,]|[.:])(?P<m1>{_M}))?(?:\s*(?P<ap1>{_AP}))?"
    rf"(?:\s*(?:[-–—]|\bto\b|\buntil\b)\s*(?:(?:klo|kl)\.?\s*)?(?P<h2>{_H})(?:[.:](?P<m2>{_M}))?(?:\s*(?P<ap2>{_AP}))?)?"
    r"(?![\d:.]\d)(?![%€])"
)
_TIME_RE = regex(rf"{_B}{_TIME}", _I)
_TIME_AFTER = regex(rf"(?:\s*[,.])?\s*{_TIME}", _I)
_KLO_AHEAD = regex(r"\s*,?\s*(?:klockan|klo|kello|kl)\b", _I)

_PREFIX = regex(
    r"(?<!\w)(?P<w>viimeistään|ennen|alkaen|lähtien|by|before|until|till|til|through|thru|from|"
    r"starting(?:\s+(?:on|from))?|as\s+of|since|after|no\s+later\s+than|not\s+later\s+than|on|in|during|at|within"
    r"|over)"
    r"\s+(?:the\s+)?$",
    _I,
)
_PREFIX_REL = {
    "viimeistään": "by", "ennen": "by", "by": "by", "before": "by", "no later than": "by",
    "not later than": "by", "until": "until", "till": "until", "til": "until", "through": "until",
    "thru": "until", "alkaen": "from", "lähtien": "from", "from": "from", "starting": "from",
    "starting on": "from", "starting from": "from", "as of": "from", "since": "from", "after": "from",
    "on": "at", "at": "at", "in": "during", "during": "during",
    # 'within the week' is a deadline (the week's end); 'over the summer' is during it
    "within": "by", "over": "during",
}  # fmt: skip
_SUFFIX = regex(
    r"\s*(?P<w>mennessä|viimeistään|saakka|asti|alkaen|lähtien|aikana|onwards?|at\s+the\s+latest)(?!\w)", _I
)
_SUFFIX_REL = {
    "mennessä": "by", "viimeistään": "by", "at the latest": "by", "saakka": "until", "asti": "until",
    "alkaen": "from", "lähtien": "from", "onward": "from", "onwards": "from", "aikana": "during",
}  # fmt: skip

# False-date guards: what comes right before or after a numeric d.m. that is not a date.
_GUARD_BEFORE = regex(
    r"(?:(?<!\w)(?:klo|kello|at)\.?\s*(?:\d{1,2}(?:[.:]\d\d)?\s*[-–—]\s*)?"
    r"|(?<!\w)(?:§|kohta|kohdassa|kohdan|kohtaan|pykälä\w*|liite|liitteen|liitteessä|sivu\w*|s\.|sec\.?|"
    r"section|item|page|p\.|versio\w*|version|ver\.?|v\.?|release|python|php|java|node|ubuntu|debian|"
    r"fedora|rhel|windows|macos|ios|android|rfc|iso)\s*|§\s*)$",
    _I,
)
_GUARD_AFTER = regex(
    r"\s*(?:mrd|milj|miljard|miljoon|tuhat|tuhatta|t€|€|e(?!\w)|euro|eur\b|%|prosent|kpl|henk|"
    r"m2|km|kg|billion|million|thousand|percent|usd|\$)",
    _I,
)
_HEADING_AFTER = regex(r"[ \t]+[A-ZÄÖÅ][a-zäöå]")
_LINE_LEAD = regex(r"[\s•*·#>|\-–—]*(?:\d{1,3}[.)]\s*)?")  # bullets, list numbers: nothing said yet
_OPENED_BEFORE = regex(
    r"(?:avasi|avattiin|päätti|päätettiin|sulki|suljettiin|opened|closed|started|ended)\s+(?:\w+\s+)?$", _I
)


def _c(pattern: str, flags: int = _I) -> re.Pattern[str]:
    """Compile once at import."""
    return regex(pattern, flags)


_NUM_DATE = _c(
    rf"(?<![\w.,/:])(?<!\d[-–—])(?:(?P<wd>{_WD_ANY})\.?,?\s+)?"
    rf"(?:(?P<d0>\d{{1,2}})\.(?:(?P<m0>\d{{1,2}})\.)?{_SEP}|(?P<d0b>\d{{1,2}}){_SEP})?"
    rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})(?:(?P<dot>\.)(?:\s?(?P<y>{_Y})|(?P<y2>\d\d))?)?(?!\d)(?![.,]\d)"
)
# A date typed with spaces: `20. 01 2018`, `5. 6. 2019` (day, month, four-digit year).
_SPACED_DATE = _c(
    r"(?<![\w.,/:])(?P<d>\d{1,2})\.[ \t]+(?P<m>\d{1,2})\.?[ \t]+(?P<y>(?:19|20)\d\d)(?![\d.,]\d)"
)
_ISO = _c(
    rf"(?<![\w.\-/])(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    # a capital may follow: `mötet 2009-03-16Närvarande:`, a line break lost before the next field
    rf"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?(?![\d\-_]|(?-i:[a-zåäö]))"
)
_FI_DAY_MONTH = _c(
    rf"{_B}(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?:(?P<d0>\d{{1,2}})\.?{_SEP})?(?P<d>\d{{1,2}})\.?\s+"
    rf"(?P<ms>{_FI_MSTEM})(?:kuuta|k\.)(?:\s+(?P<y>{_Y}))?(?!\d)"
)
# `maaliskuun 13. päivänä`, and the ordinal's genitive written out: `maaliskuun 13:n päivänä`
_FI_MONTH_DAY = _c(
    rf"{_B}(?P<ms>{_FI_MSTEM})kuun\s+(?P<d>\d{{1,2}})(?:\.\s*|:n\s+(?=päivä))(?:päivä(?:nä|ään)?|pnä|p\.)?"
)
_FI_MONTH = _c(
    rf"{_B}(?:(?P<ms0>{_FI_MSTEM}){_SEP})?(?P<ms>{_FI_MSTEM})"
    rf"(?P<case>kuussa|kuuhun|kuulle|kuusta|kuuksi|kuun|kuu){_NW}"
    rf"(?:\s+(?P<y>{_Y})(?!\d))?(?:\s+(?P<post>{_FI_POST_RE}){_NW})?"
)
_FI_SEASON_FORMS = {
    "kevät": (3, "nom"), "kevään": (3, "gen"), "keväällä": (3, "ade"), "keväänä": (3, "ess"),
    "kevääksi": (3, "tra"), "kevääseen": (3, "ill"), "keväästä": (3, "ela"), "keväälle": (3, "all"),
    "kesä": (6, "nom"), "kesän": (6, "gen"), "kesällä": (6, "ade"), "kesänä": (6, "ess"),
    "kesäksi": (6, "tra"), "kesään": (6, "ill"), "kesästä": (6, "ela"), "kesälle": (6, "all"),
    "syksy": (9, "nom"), "syksyn": (9, "gen"), "syksyllä": (9, "ade"), "syksynä": (9, "ess"),
    "syksyksi": (9, "tra"), "syksyyn": (9, "ill"), "syksystä": (9, "ela"), "syksylle": (9, "all"),
    "talvi": (12, "nom"), "talven": (12, "gen"), "talvella": (12, "ade"), "talvena": (12, "ess"),
    "talveksi": (12, "tra"), "talveen": (12, "ill"), "talvesta": (12, "ela"), "talvelle": (12, "all"),
}  # fmt: skip
_FI_SEASON = _c(
    rf"{_B}(?:(?P<q>{_FI_QUAL_RE})\s+)?(?P<part>alku|keski|loppu)?"
    rf"(?P<s>{'|'.join(sorted(_FI_SEASON_FORMS, key=len, reverse=True))}){_NW}"
    rf"(?:\s+(?P<y>{_Y})(?!\d))?(?:\s+(?P<post>{_FI_POST_RE}){_NW})?"
)
_FI_YEAR = _c(
    rf"{_B}(?:(?P<q>{_FI_QUAL_RE})\s+)?(?P<part>alku|keski|loppu)?"
    rf"(?P<w>vuonna|vuodeksi|vuodelle|vuodesta|vuoteen|vuoden)"
    rf"(?:\s+(?P<y>{_Y})(?!\d))?(?:\s+(?P<post>{_FI_POST_RE}){_NW})?"
)
_BARE_YEAR = _c(rf"(?<![\w.,/:\-–])(?P<y>{_Y})(?![\w\-–.,:]\w)(?:\s+(?P<post>{_FI_POST_RE}){_NW})?")
_FI_TURN = _c(
    rf"{_B}(?P<u>kuun|kuukauden|vuoden)\s*vaih(?:detta|teeseen|teessa|teen)(?:\s+(?P<post>alkuun))?"
)
_FI_MONTH_REL = _c(
    rf"{_B}(?:(?P<q>{_FI_QUAL_RE})\s+(?P<w1>kuussa|kuun|kuulle|kuuhun|kuukaudessa|kuukauden|kuukaudelle|kuukauteen)"
    rf"|(?P<part>alku|keski|loppu)(?P<w2>kuusta|kuussa|kuun)|(?P<w3>kuun|kuukauden))"
    rf"(?:\s+(?P<post>{_FI_POST_RE}){_NW})?{_NW}"
)
_FI_WEEK_NUM = _c(
    rf"{_B}(?P<w>viikoilla|viikoille|viikolla|viikolle|viikkoon|viikosta|viikoksi|viikon|viikko|vko|vk)"
    rf"(?::?(?:lla|n|lle|on|sta))?\.?\s*(?P<n>\d{{1,2}})(?:{_SEP}(?P<n2>\d{{1,2}}))?(?:\s*/\s*(?P<y>{_Y}))?(?!\d)"
    rf"(?:\s+(?P<post>{_FI_POST_RE}){_NW})?"
)
_FI_WEEK_REL = _c(
    rf"{_B}(?:(?P<q>{_FI_QUAL_RE})\s+(?P<w1>viikolla|viikon|viikolle|viikkoon|viikoksi)"
    rf"|(?P<w3>viikon)(?=\s+(?:{_FI_POST_RE}){_NW}))(?:\s+(?P<post>{_FI_POST_RE}){_NW})?{_NW}"
)
_FI_WD_ALONE = _c(rf"{_B}(?:(?P<q>{_FI_QUAL_RE})\s+)?(?P<wd>{_FI_WD_FULL}){_NW}")
_FI_QUARTER = _c(
    rf"{_B}(?:vuoden\s+(?P<y0>{_Y})\s+)?(?:(?P<ord>ensimmäise|toise|kolmanne|neljänne|viimeise)\w*|(?P<n>[1-4])\.)"
    rf"\s+(?:vuosi)?(?:neljännek|kvartaali)(?P<case>\w*)(?:\s+(?P<post>{_FI_POST_RE}){_NW})?"
)
_QN = _c(
    rf"{_B}(?:{_EN_PART})?(?:(?P<y0>{_Y})\s*[-/]?\s*)?Q(?P<n>[1-4])"
    rf"(?::(?P<case>[a-zäö]+))?(?:\s*(?:/|,|\s|of\s+)\s*(?P<y>{_Y}))?{_NW}"
    rf"(?:\s+(?P<post>{_FI_POST_RE}){_NW})?"
)
_EN_QUARTER = _c(
    rf"{_B}{_EN_PART}?(?:the\s+)?(?:(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|last)|(?P<q>this|next))"
    rf"\s+quarter(?:\s+(?:of\s+)?(?P<y>{_Y}))?{_NW}"
)
_HALF = _c(
    rf"{_B}(?:H(?P<h>[12])(?:\s*/?\s*(?P<y>{_Y}))?|(?:the\s+)?(?P<o>first|second)\s+half\s+of\s+"
    rf"(?:(?P<y2>{_Y})|the\s+year|this\s+year)|(?P<fo>ensimmäise|toise|jälkimmäise)\w*\s+(?:vuosi)?puolisko\w*"
    rf"(?:\s+(?P<y3>{_Y}))?){_NW}"
)
_RELDAY = _c(
    rf"{_B}(?P<w>tänään|huomenna|ylihuomenna|eilen|toissapäivänä|today|tonight|tomorrow|yesterday"
    rf"|the\s+day\s+after\s+tomorrow){_NW}"
)
_FI_OFFSET = _c(
    rf"{_B}(?:(?P<n>\d{{1,3}}|{_FI_NUM_RE})\s+)?(?P<u>päivän|vuorokauden|viikon|kuukauden|vuoden)\s+"
    rf"(?P<r>päästä|kuluttua|sisällä|sisään|kuluessa|aikana){_NW}"
)
_EN_OFFSET = _c(
    rf"{_B}(?:(?P<r>in|within|after)\s+(?:the\s+next\s+)?)?(?P<n>\d{{1,3}}|{_EN_NUM_RE})\s+"
    rf"(?P<u>days?|weeks?|fortnights?|months?|years?)(?:'s?\s+time)?(?P<fn>\s+from\s+(?:now|today))?{_NW}"
)
_EN_DAY_MONTH = _c(
    rf"{_B}(?:(?P<wd>{_EN_WD_RE})\.?,?\s+)?(?:the\s+)?(?:(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?{_SEP})?"
    # `the 5th day of March, 2024`: the formal order of resolutions and deeds
    rf"(?P<d>\d{{1,2}})(?:[ \t]?(?:st|nd|rd|th))?(?:\s+(?:day\s+of\s+|of\s+)?|(?P<dash>-))"
    rf"(?P<mon>{_EN_MON})\.?"
    # `03-Mar-2012`: a log's or a spreadsheet's day, month and year joined by hyphens
    rf"(?:(?(dash)-|,?\s+)(?P<y>{_Y}))?{_NW}(?!\d)"
)
_EN_MONTH_DAY = _c(
    rf"{_B}(?:(?P<wd>{_EN_WD_RE})\.?,?\s+)?(?P<mon>{_EN_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:{_SEP}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>{_Y}))?(?![\d:.]\d|\d)"
)
_EN_MONTH = _c(rf"{_B}{_EN_PART}?(?P<mon>{_EN_MON})\.?(?:,?\s+(?:of\s+)?(?P<y>{_Y}))?{_NW}")
_EN_SEASON = _c(
    rf"{_B}(?:(?P<q>this|next|last|the\s+coming)\s+)?{_EN_PART}?(?P<s>spring|summer|autumn|fall|winter)"
    rf"(?:\s+(?:of\s+)?(?P<y>{_Y}))?{_NW}"
)
_EN_YEAR = _c(
    rf"{_B}{_EN_PART}?(?:(?P<q>this|next|last|the)\s+year|(?P<y>{_Y})|year[\s-]end)(?:[\s-]end)?{_NW}"
)
_EN_MONTH_REL = _c(rf"{_B}{_EN_PART}?(?:(?P<q>this|next|last|the)\s+)?month(?:[\s-]end)?{_NW}")
_EN_WEEK_NUM = _c(
    rf"{_B}(?:(?:iso|calendar)\s+)?(?:weeks?|wk\.?|cw)\s*(?P<n>\d{{1,2}})(?:{_SEP}(?P<n2>\d{{1,2}}))?"
    rf"(?:\s*(?:of\s+|/|,\s*)(?P<y>{_Y}))?(?!\d)|(?P<iy>{_Y})-?W(?P<iw>\d\d){_NW}"
)
# 'EOW' / 'end of week' (no qualifier) is the end of the current week: its Sunday, as 'end of the week'
_EN_WEEK_REL = _c(
    rf"{_B}(?:{_EN_PART}?(?:(?P<q>this|next|last|the)\s+)week"
    rf"|(?P<eow>eow|end[\s-]+of[\s-]+(?:(?P<q2>this|next)\s+)?week)){_NW}"
)
_EN_WD_ALONE = _c(
    rf"{_B}(?:(?P<q>this|next|last|coming)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday){_NW}"
)
# 'by Wed', 'next Fri.': an abbreviated weekday alone only after a deadline word or a qualifier ('Wed' and
# 'Sun' are words and names as well)
_EN_WD_ABBR_ALONE = _c(
    r"(?:(?<=\bby\s)|(?<=\bon\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bbefore\s)|(?<!\w)(?P<q>this|next|coming)\s+)"
    # (not a name's first word: 'contributed by Sun Microsystems')
    rf"(?P<wd>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?{_NW}(?![ \t]+[A-Z])"
)
_ANCHOR = _c(
    rf"{_B}(?:(?:seuraava(?:an|ssa|lle|a)|ensi|tulevaan|tulevassa)\s+(?:\w+\s+)?"
    rf"(?P<fi>kokoukseen|kokouksessa|kokoukselle|kokousta|kokoukseen)"
    rf"|(?:the\s+)?(?:next|following|upcoming)\s+(?:[\w-]+\s+)?(?P<en>meeting|call|session)){_NW}"
)
_ANCHOR_DECL = regex(
    r"\s*(?::|-\s|–|will\s+be|is\s+(?:on|at|scheduled|planned)|blir|hålls|äger\s+rum|är\s+(?:på|den))", _I
)


# --- Swedish (spec/dates.md, dates-sv.tsv): Finland-Swedish numeric dates are the Finnish ones
_SV_PART_RE = r"(?:(?P<part>början|mitten|slutet)\s+av\s+)"
_SV_DAY_MONTH = _c(
    rf"{_B}(?:(?P<wd>{_SV_WD_RE})\.?,?\s+)?(?:den\s+)?(?:(?P<d0>\d{{1,2}})(?::[ae])?{_SEP})?"
    rf"(?P<d>\d{{1,2}})(?::[ae])?\s+(?P<mon>{_SV_MON})\.?(?:,?\s+(?P<y>{_Y}))?{_NW}(?![\d:.]\d)"
)
_SV_MONTH = _c(rf"{_B}{_SV_PART_RE}?(?P<mon>{_SV_MON_FULL})(?:\s+(?P<y>{_Y}))?{_NW}(?!\s+\d)")
_SV_SEASON = _c(
    rf"{_B}(?:(?P<q>nästa|kommande|denna|förra)\s+)?{_SV_PART_RE}?"
    rf"(?P<s>vår|sommar|höst|vinter)(?P<def>en|n)?(?:\s+(?P<y>{_Y}))?{_NW}"
)
_SV_YEAR = _c(
    rf"{_B}(?:(?P<cur>årets\s+slut|slutet\s+av\s+året)|(?:slutet\s+av\s+(?:år\s+)?(?P<y>{_Y}))"
    rf"|(?P<y2>{_Y})\s+års\s+slut|(?:under\s+)?(?P<q>nästa|detta|förra)\s+år){_NW}"
)
_SV_WEEK_NUM = _c(
    rf"{_B}(?:vecka|veckan|v\.|v(?=\s))\s*(?P<n>\d{{1,2}})(?:{_SEP}(?P<n2>\d{{1,2}}))?"
    rf"(?:\s*(?:/|,|år)\s*(?P<y>{_Y}))?(?!\d)"
)
_SV_WEEK_REL = _c(
    rf"{_B}(?:(?P<q>nästa|kommande|denna|förra)\s+vecka|(?P<this>i\s+veckan)|(?P<q2>nästa|förra)\s+veckan"
    rf"|(?P<eow>veckans\s+slut|slutet\s+av\s+veckan)){_NW}"
)
_SV_WD_ALONE = _c(rf"{_B}(?:(?P<q>nästa|kommande|förra)\s+)?(?P<wd>{_SV_WD_FULL}){_NW}")
_SV_RELDAY = _c(rf"{_B}(?P<w>idag|i\s+dag|imorgon|i\s+morgon|i\s+övermorgon|igår|i\s+går|i\s+förrgår){_NW}")
_SV_OFFSET = _c(
    rf"{_B}(?P<r>inom|om|efter)\s+(?P<n>\d{{1,3}}|ett\s+par|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+"
    rf"(?P<u>dagar|dag|veckor|vecka|månader|månad|år){_NW}"
)
_SV_ANCHOR = _c(
    rf"{_B}(?:nästa|kommande|följande)\s+(?:\w+\s+)?"
    rf"(?P<sv>möte|mötet|sammanträde|sammanträdet|styrelsemöte|styrelsemötet|träff|träffen){_NW}"
)
_SV_PREFIX = regex(
    r"(?<!\w)(?P<w>senast(?:\s+den)?|till\s+och\s+med|t\.\s?o\.\s?m\.|fram\s+till|tills|till|före|innan|"
    r"från\s+och\s+med|fr\.\s?o\.\s?m\.|från|efter|sedan|i|under|över|på|inom|den|vid)\s+$",
    _I,
)
_SV_PREFIX_REL = {
    "senast": "by", "senast den": "by", "till": "by", "före": "by", "innan": "by", "inom": "by",
    "till och med": "until", "t.o.m.": "until", "fram till": "until", "tills": "until",
    "från och med": "from", "fr.o.m.": "from", "från": "from", "efter": "from", "sedan": "from",
    "i": "during", "under": "during", "över": "during", "på": "at", "den": "at", "vid": "at",
}  # fmt: skip
# Day-month with slashes (`20/6`, `13/10/2023`) and day-month-year with hyphens (`23-02-2016`).
_SLASH_DATE = _c(
    rf"(?<![\w.,/:#§-])(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
    # the year after a dash or a space: `6/4-2016`, `5/3 2024` (Swedish)
    rf"(?:/(?P<y>{_Y}|\d\d)|(?:-|[ \t](?=(?:19|20)\d\d\b))(?P<sy>{_Y}|\d\d)(?![\w/:-]|[.,]\d))?"
    r"(?![\w/]|[.,]\d)"
)
_HYPHEN_DATE = _c(rf"(?<![\w.,/:-])(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>{_Y})(?![\w-])")
# A Swedish short date, year first: `14-04-27` (ÅÅ-MM-DD).
_SV_SHORT_ISO = _c(r"(?<![\w.,/:-])(?P<y>\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])")
# A compact timestamp `20151017-1100` (year, month, day, hour, minute).
_COMPACT = _c(
    r"(?<![\w.])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>[0-2]\d|3[01])"
    r"[-T](?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?!\w)"
)
_SLASH_FRACTION = regex(r"\s*(?:av\b|of\b|delar|majoritet|majority|osa|%)", _I)
_SLASH_CONTEXT = regex(
    r"(?<!\w)(?:den|på|senast|till|från|före|efter|om|mellan|och|t\.o\.m\.|fr\.o\.m\."
    # a meeting's day: `Nästa möte 7/5`
    r"|möte|mötet|sammanträde|sammanträdet|träff|träffen)\s+$",
    _I,
)
# Year first with slashes or dots: `2024/03/05`, `2024.03.05`.
_YMD = _c(
    rf"(?<![\w./-])(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?P<y>{_Y})(?P<sep>[/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>[0-2]?\d|3[01])(?![\w/-]|\.\d)"
)
# A weekday of next week: `ensi viikon tiistaina`, `Tuesday next week`, `tisdag nästa vecka`.
_NEXT_WEEK_WD = _c(
    rf"{_B}(?:(?:ensi|tulevan|seuraavan)\s+viikon\s+(?P<fi>{_FI_WD_FULL})"
    r"|(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+next\s+week"
    r"|next\s+week\s+(?:on\s+)?(?P<en2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"|(?P<sv>{_SV_WD_FULL})\s+nästa\s+vecka|nästa\s+veckas?\s+(?P<sv2>{_SV_WD_FULL})){_NW}"
)
# Before a slash date: a meeting's or a paragraph's number (`kokous 3/12`, `§ 4/2019`), not a day.
_SLASH_GUARD = regex(r"(?:kokous|kokouksen|nro|no\.?|nr\.?|n:o|protokoll|pöytäkirja|§|#)\s*$", _I)

# --------------------------------------------------------------------------------------------- periods


def _last(y: int, m: int) -> int:
    """Days in a month."""
    return _cal.monthrange(y, m)[1]


def _month(y: int, m: int) -> Span:
    """A calendar month."""
    return date(y, m, 1), date(y, m, _last(y, m))


def _months(y: int, m: int, n: int) -> Span:
    """n months from y-m (may run into the next year)."""
    e_m = m + n - 1
    ey, em = y + (e_m - 1) // 12, (e_m - 1) % 12 + 1
    return date(y, m, 1), date(ey, em, _last(ey, em))


def _season(y: int, first_month: int) -> Span:
    """A season; winter YYYY runs Dec (YYYY-1) to Feb YYYY."""
    if first_month == 12:
        return _months(y - 1, 12, 3)
    return _months(y, first_month, 3)


def _year(y: int) -> Span:
    """A calendar year."""
    return date(y, 1, 1), date(y, 12, 31)


def _week(y: int, n: int) -> Span:
    """An ISO week, Monday to Sunday."""
    return date.fromisocalendar(y, n, 1), date.fromisocalendar(y, n, 7)


def _part(span: Span, part: str | None, relation: str) -> Span:
    """The first, middle or last third of a period; 'end' with a deadline keeps the whole period."""
    if part is None or (part == "end" and relation in ("by", "until")):
        return span
    idx = {"early": 0, "mid": 1, "late": 2, "end": 2}[part]
    s, e = span
    if s.day == 1 and e.day == _last(e.year, e.month):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        if months == 1:
            a, b = ((1, 10), (11, 20), (21, e.day))[idx]
            return date(s.year, s.month, a), date(s.year, s.month, b)
        if months % 3 == 0:
            k = months // 3
            m0 = s.month + idx * k
            return _months(s.year + (m0 - 1) // 12, (m0 - 1) % 12 + 1, k)
    n = (e - s).days + 1
    return s + timedelta(days=round(n * idx / 3)), s + timedelta(days=round(n * (idx + 1) / 3) - 1)


def _add_months(d: date, n: int) -> date:
    """d plus n calendar months (clamped to the month's end)."""
    m0 = d.month - 1 + n
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return date(y, m, min(d.day, _last(y, m)))


def _next_weekday(ref: date, wd: int) -> date:
    """The next such weekday strictly after ref."""
    return ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)


# --------------------------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A core match before its relation words and year are settled."""

    s: int
    e: int
    precision: str
    fixed: Span | None = None
    span: Callable[[int], Span] | None = None  # yearless: period of a given year
    relation: str | None = None
    part: str | None = None
    weekday: int | None = None
    weekday_text: str = ""
    anchor: str | None = None
    takes_time: bool = False
    t1: time | None = None
    t2: time | None = None
    needs_context: bool = False  # only a date with a relation word around it (bare year, 'June')
    warnings: list[str] = field(default_factory=list)


def _yr(s: str | None) -> int | None:
    """A year group, or None."""
    return int(s) if s else None


def _fixed_or_span(y: int | None, fn: Callable[[int], Span]) -> dict[str, object]:
    """Keyword arguments for _Cand: a fixed period if the year is known, else a year-free one."""
    if y is not None:
        return {"fixed": fn(y)}
    return {"span": fn}


def _days_span(y: int, m0: int, d0: int, m: int, d: int) -> Span:
    """A day or range of days in year y; a range that wraps runs into the next year."""
    a, b = date(y, m0, d0), date(y, m, d)
    if b < a:
        b = date(y + 1, m, d)
    return a, b


def _wd_of(text: str | None) -> int | None:
    """Weekday number of a Finnish or English weekday word (any case form)."""
    if not text:
        return None
    t = text.lower().rstrip(".")
    if t in _FI_WD_ABBR:
        return _FI_WD_ABBR[t]
    if t in _EN_WD:
        return _EN_WD[t]
    sv = t[:-2] if t.endswith("dagen") else t[:-3] if t.endswith("dagens") else t
    if sv in _SV_WD:
        return _SV_WD[sv]
    for stem, n in _FI_WD_STEM.items():
        if t.startswith(stem):
            return n
    return None


def _two_digit_year(yy: str, ref: datetime) -> int:
    """`16` in `27.10.16`: the year in the century that keeps it within 20 years ahead of ref."""
    year = 2000 + int(yy)
    return year - 100 if year > ref.year + 20 else year


def _h_spaced(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """`20. 01 2018`: a numeric date typed with spaces, always with its year."""
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    try:
        c = _Cand(m.start(), m.end(), "day", fixed=_days_span(y, mo, d, mo, d))
    except ValueError:
        return None
    c.takes_time = True
    return c


def _h_num(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """d.m., d.m.yyyy, d.m.yy, d.-d.m.yyyy, d.m.-d.m., optionally after a weekday."""
    d, mo, y = int(m["d"]), int(m["m"]), _yr(m["y"])
    if y is None and m["y2"]:
        y = _two_digit_year(m["y2"], ref)
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    if not m["dot"] and not m["wd"] and not _KLO_AHEAD.match(text, m.end()):
        return None  # '1.6 miljardia', '2.2 %': a decimal, not a date
    start = m.start("d0") if m["d0"] else m.start("d0b") if m["d0b"] else m.start("d")
    before = text[max(0, start - 24) : start]
    if _GUARD_BEFORE.search(before) or _GUARD_AFTER.match(text, m.end()):
        return None
    if y is None and not m["wd"] and not m["d0"] and not m["d0b"]:
        line_start = text.rfind("\n", 0, start) + 1
        if len(m["m"]) == 2 and m["m"][0] == "0" and len(m["d"]) == 1 and d < 24:
            return None  # '9.07.' pads the minutes, not the month: a time ('avasi kokouksen 9.07.')
        if _OPENED_BEFORE.search(before):
            return None
        if (
            _LINE_LEAD.fullmatch(text, line_start, start)
            and _HEADING_AFTER.match(text, m.end())
            and not _SUFFIX.match(text, m.end())
        ):
            return None  # '3.2. Talousarvio' at a line start: a section number
    d0 = int(m["d0"] or m["d0b"] or d)
    m0 = int(m["m0"]) if m["m0"] else mo
    wd = _wd_of(m["wd"])
    if m["wd"] and wd is None:
        return None

    def fn(yy: int) -> Span:
        return _days_span(yy, m0, d0, mo, d)

    try:
        c = _Cand(m.start(), m.end(), "day", **_fixed_or_span(y, fn))  # type: ignore[arg-type]
    except ValueError:
        return None
    c.weekday, c.weekday_text, c.takes_time = wd, m["wd"] or "", True
    return c


def _h_iso(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """2018-06-20, 2018-06-20 14:00."""
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    c = _Cand(m.start(), m.end(), "day", fixed=(d, d), takes_time=True)
    c.weekday, c.weekday_text = _wd_of(m["wd"]), m["wd"] or ""
    if m["hh"]:
        c.t1 = time(int(m["hh"]), int(m["mm"]))
    return c


def _day_range_cand(m: re.Match[str], y: int | None, mo: int, d0: int, d1: int) -> _Cand | None:
    """Days d0..d1 of month mo (year y, else the year the reference picks), with any weekday written."""

    def fn(yy: int) -> Span:
        return _days_span(yy, mo, d0, mo, d1)

    try:
        c = _Cand(m.start(), m.end(), "day", **_fixed_or_span(y, fn))  # type: ignore[arg-type]
    except ValueError:
        return None
    c.weekday, c.weekday_text, c.takes_time = _wd_of(m["wd"]), m["wd"] or "", True
    return c


def _h_fi_day_month(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """20. kesäkuuta 2018, 1.-3. kesäk."""
    d, mo, y = int(m["d"]), _FI_MONTHS[m["ms"].lower()], _yr(m["y"])
    d0 = int(m["d0"]) if m["d0"] else d
    return _day_range_cand(m, y, mo, d0, d)


def _h_fi_month_day(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """kesäkuun 20. päivänä."""
    d, mo = int(m["d"]), _FI_MONTHS[m["ms"].lower()]
    if not 1 <= d <= 31:
        return None
    return _Cand(
        m.start(), m.end(), "day", span=lambda yy: (date(yy, mo, d), date(yy, mo, d)), takes_time=True
    )


_FI_MCASE = {"kuussa": "ine", "kuuhun": "ill", "kuulle": "all", "kuusta": "ela", "kuuksi": "tra",
             "kuun": "gen", "kuu": "nom"}  # fmt: skip


def _h_fi_month(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """kesäkuussa (2018), joulu-tammikuussa, kesäkuun loppuun, elokuun alussa."""
    case = _FI_MCASE[m["case"].lower()]
    post = m["post"].lower() if m["post"] else None
    y = _yr(m["y"])
    if case == "gen" and not post:
        return None
    if case == "nom" and y is None:
        return None
    mo = _FI_MONTHS[m["ms"].lower()]
    mo0 = _FI_MONTHS[m["ms0"].lower()] if m["ms0"] else mo
    n = (mo - mo0) % 12 + 1
    part, rel = _FI_POST[post] if post else (None, "from" if case == "ela" else _FI_CASE_REL[case])
    c = _Cand(m.start(), m.end(), "month", **_fixed_or_span(y, lambda yy: _months(yy, mo0, n)))  # type: ignore[arg-type]
    c.relation, c.part = rel, part
    return c


def _h_fi_season(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """syksyllä, syksyksi 2018, loppukeväästä 2019, ensi syksynä, syksyn aikana."""
    first, case = _FI_SEASON_FORMS[m["s"].lower()]
    y, post = _yr(m["y"]), m["post"].lower() if m["post"] else None
    q = _FI_QUAL.get(m["q"].lower()) if m["q"] else None
    if case in ("nom", "gen") and y is None and post is None and q is None:
        return None  # 'kesän tapahtuma', 'kesä oli': not a date
    part, rel = _FI_POST[post] if post else (None, _FI_CASE_REL[case])
    if m["part"]:
        part = _PART_WORD[m["part"].lower()]
    c = _Cand(m.start(), m.end(), "season", relation=rel, part=part)
    if y is not None:
        c.fixed = _season(y, first)
    elif q is not None:
        c.fixed = _qualified(ref.date(), q, lambda yy: _season(yy, first))
    else:
        c.span = lambda yy: _season(yy, first)
    return c


def _qualified(ref: date, q: int, fn: Callable[[int], Span]) -> Span:
    """next (+1): the first period starting after ref; this (0): the one containing or nearest; last (-1)."""
    spans = [fn(y) for y in range(ref.year - 2, ref.year + 3)]
    if q > 0:
        return next(p for p in spans if p[0] > ref)
    if q < 0:
        return [p for p in spans if p[1] < ref][-1]
    return min(spans, key=lambda p: _dist(p, ref))


_FI_YCASE = {"vuonna": "ess", "vuodeksi": "tra", "vuodelle": "all", "vuodesta": "ela", "vuoteen": "ill",
             "vuoden": "gen"}  # fmt: skip


def _h_fi_year(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """vuonna 2019, vuoden 2018 loppuun, vuoteen 2029, vuodesta 2019, loppuvuodesta, ensi vuonna."""
    w = m["w"].lower()
    case = _FI_YCASE[w]
    y, post = _yr(m["y"]), m["post"].lower() if m["post"] else None
    q = _FI_QUAL.get(m["q"].lower()) if m["q"] else None
    if case == "tra" and y is None and q is None and not m["part"]:
        return None
    if m["part"]:
        if w not in ("vuodesta", "vuonna", "vuoden"):
            return None
        if w == "vuoden" and post is None:
            return None
    elif y is None and q is None:
        # A bare 'vuoden loppuun' is this year, but '10 vuoden aikana' counts years.
        if case != "gen" or post in (None, "aikana", "kuluessa", "ajan") or _number_before(text, m.start()):
            return None
    elif case == "gen" and post is None and y is None:
        return None
    if case == "gen" and y is not None and post is None and q is None:
        return None  # 'vuoden 2019 talousarvio': a budget, not a time
    part, rel = _FI_POST[post] if post else (None, "from" if case == "ela" else _FI_CASE_REL[case])
    if m["part"]:
        part = _PART_WORD[m["part"].lower()]
        rel = "during"
    c = _Cand(m.start(), m.end(), "year", relation=rel, part=part)
    if y is not None:
        c.fixed = _year(y)
    elif q is not None:
        c.fixed = _year(ref.year + q)
    else:
        c.span = _year
    return c


_NUMBER_BEFORE = regex(rf"(?:\d|{_FI_NUM_RE}|muutaman|usean|monen)\s+$", _I)


def _number_before(text: str, pos: int) -> bool:
    """Whether a count ('10 ', 'kahden ') stands right before pos."""
    return bool(_NUMBER_BEFORE.search(text[max(0, pos - 14) : pos]))


def _h_bare_year(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """2020 mennessä, 2018 loppuun, in 2019, by 2020: a year only with a word saying so."""
    post = m["post"].lower() if m["post"] else None
    y = int(m["y"])
    part, rel = _FI_POST[post] if post else (None, None)
    c = _Cand(m.start(), m.end(), "year", fixed=_year(y), relation=rel, part=part)
    c.needs_context = post is None
    return c


def _h_fi_turn(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """ennen kuun vaihdetta, vuodenvaihteeseen mennessä: the current month or year, as a deadline."""
    unit = m["u"].lower()
    if "detta" in m.group(0).lower() and not re.search(
        r"(?<!\w)ennen\s+$", text[max(0, m.start() - 8) : m.start()], _I
    ):
        return None  # 'vuodenvaihdetta pidemmälle': only 'ennen ... vaihdetta' is a deadline
    r = ref.date()
    if unit == "vuoden":
        return _Cand(m.start(), m.end(), "year", fixed=_year(r.year), relation="by")
    return _Cand(m.start(), m.end(), "month", fixed=_month(r.year, r.month), relation="by")


def _h_fi_month_rel(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """ensi kuussa, tämän kuun loppuun, kuun lopussa, loppukuusta."""
    r = ref.date()
    post = m["post"].lower() if m["post"] else None
    q = _FI_QUAL.get(m["q"].lower(), 0) if m["q"] else 0
    if m["w3"] and (
        post is None or _number_before(text, m.start()) or post in ("aikana", "kuluessa", "ajan")
    ):
        return None
    if m["w2"] and m["w2"].lower() == "kuun" and post is None:
        return None
    part, rel = _FI_POST[post] if post else (None, "during")
    if m["part"]:
        part = _PART_WORD[m["part"].lower()]
    d = _add_months(date(r.year, r.month, 1), q)
    return _Cand(m.start(), m.end(), "month", fixed=_month(d.year, d.month), relation=rel, part=part)


def _week_cand(m: re.Match[str], n: int, n2: int | None, y: int | None) -> _Cand | None:
    """ISO week n (to n2) of year y, or of the year to be chosen."""
    if not 1 <= n <= 53 or (n2 is not None and not n <= n2 <= 53):
        return None

    def fn(yy: int) -> Span:
        return _week(yy, n)[0], _week(yy, n2 or n)[1]

    try:
        return _Cand(m.start(), m.end(), "week", **_fixed_or_span(y, fn))  # type: ignore[arg-type]
    except ValueError:
        return None


def _h_fi_week_num(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """viikolla 25, vko 25, viikon 32 loppuun, viikoilla 25-26."""
    c = _week_cand(m, int(m["n"]), int(m["n2"]) if m["n2"] else None, _yr(m["y"]))
    if c is None:
        return None
    w = m["w"].lower()
    post = m["post"].lower() if m["post"] else None
    c.part, c.relation = (
        _FI_POST[post]
        if post
        else (None, "by" if w == "viikoksi" else "from" if w == "viikosta" else "during")
    )
    return c


def _h_fi_week_rel(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """ensi viikolla, tällä viikolla, viikon loppuun mennessä."""
    if m["w3"] and _number_before(text, m.start()):
        return None
    if m["w3"] and (m["post"] or "").lower() == "kuluessa":
        return None  # 'viikon kuluessa' = within a week (an offset), not 'during this week'
    q = _FI_QUAL.get(m["q"].lower(), 0) if m["q"] else 0
    post = m["post"].lower() if m["post"] else None
    part, rel = (
        _FI_POST[post] if post else (None, "by" if (m["w1"] or "").lower() == "viikoksi" else "during")
    )
    r = ref.date()
    mon = r - timedelta(days=r.weekday()) + timedelta(weeks=q)
    return _Cand(m.start(), m.end(), "week", fixed=(mon, mon + timedelta(days=6)), relation=rel, part=part)


_FI_WD_CASE_REL = {"na": "at", "hin": "at", "sta": "from", "ksi": "by", "lle": "at", "n": "at", "": "at",
                   "on": "at", "lla": "at", "lta": "at"}  # fmt: skip


_KESKIVIIKKO_ENDINGS = {"ko": "", "kona": "na", "koon": "on", "osta": "sta", "on": "n", "oksi": "ksi",
                        "olle": "lle", "olta": "lta", "olla": "lla"}  # fmt: skip


def _h_fi_wd(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """maanantaina, perjantaihin mennessä, ensi tiistaina."""
    wd_text = m["wd"].lower()
    wd = _wd_of(wd_text)
    if wd is None:
        return None
    stem = next(s for s in _FI_WD_STEM if wd_text.startswith(s))
    ending = wd_text[len(stem) :]
    if stem == "keskiviik":  # keskiviikko grades kk -> k: keskiviikosta, keskiviikon
        ending = _KESKIVIIKKO_ENDINGS.get(ending, ending)
    if ending == "" and not m["q"]:
        return None  # nominative 'maanantai' is rarely a date by itself
    r = ref.date()
    q = _FI_QUAL.get(m["q"].lower()) if m["q"] else None
    d = _next_weekday(r, wd)
    if q == -1:
        d = d - timedelta(days=7)
    c = _Cand(m.start(), m.end(), "day", fixed=(d, d), relation=_FI_WD_CASE_REL.get(ending, "at"))
    c.takes_time = True
    return c


def _h_quarter(y: int | None, n: int, m: re.Match[str]) -> _Cand:
    """Calendar quarter n."""
    return _Cand(m.start(), m.end(), "quarter", **_fixed_or_span(y, lambda yy: _months(yy, 3 * n - 2, 3)))  # type: ignore[arg-type]


_Q_CASE_REL = {"lla": "during", "llä": "during", "ssa": "during", "ssä": "during", "n": "during",
               "een": "during", "seen": "during", "lle": "during", "sta": "from", "stä": "from",
               "ksi": "by"}  # fmt: skip


def _h_qn(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """Q3, Q3 2018, 2018 Q3, Q3:lla, Q3:n loppuun, end of Q3."""
    c = _h_quarter(_yr(m["y"]) or _yr(m["y0"]), int(m["n"]), m)
    post = m["post"].lower() if m["post"] else None
    if post:
        c.part, c.relation = _FI_POST[post]
    elif m["case"]:
        c.relation = _Q_CASE_REL.get(m["case"].lower(), "during")
    if m["part"]:
        c.part = _PART_WORD[m["part"].split()[0].lower()]
    return c


def _h_fi_quarter(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """kolmannella neljänneksellä, 3. vuosineljänneksen aikana."""
    n = _FI_ORD[m["ord"].lower()] if m["ord"] else int(m["n"])
    c = _h_quarter(_yr(m["y0"]), n, m)
    post = m["post"].lower() if m["post"] else None
    case = m["case"].lower()
    if post:
        c.part, c.relation = _FI_POST[post]
    else:
        c.relation = "by" if case.endswith("ksi") else "from" if case.endswith("sta") else "during"
    return c


def _h_en_quarter(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """the third quarter (of 2018), next quarter, end of this quarter."""
    if m["ord"]:
        c = _h_quarter(_yr(m["y"]), _EN_ORD[m["ord"].lower()], m)
    else:
        r = ref.date()
        q0 = (r.month - 1) // 3 + (1 if m["q"].lower() == "next" else 0)
        y, n = r.year + q0 // 4, q0 % 4 + 1
        c = _h_quarter(y, n, m)
    if m["part"]:
        c.part = _PART_WORD[m["part"].split()[0].lower()]
    return c


def _h_half(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """H1 2019, the second half of 2019, ensimmäisellä vuosipuoliskolla."""
    if m["h"]:
        n = int(m["h"])
        y = _yr(m["y"])
    elif m["o"]:
        n = 1 if m["o"].lower() == "first" else 2
        y = _yr(m["y2"]) or ref.year
    else:
        n = 1 if m["fo"].lower() == "ensimmäise" else 2
        y = _yr(m["y3"])
    return _Cand(m.start(), m.end(), "half_year", **_fixed_or_span(y, lambda yy: _months(yy, 6 * n - 5, 6)))  # type: ignore[arg-type]


_RELDAY_N = {"tänään": 0, "today": 0, "tonight": 0, "huomenna": 1, "tomorrow": 1, "ylihuomenna": 2,
             "the day after tomorrow": 2, "eilen": -1, "yesterday": -1, "toissapäivänä": -2}  # fmt: skip


def _h_relday(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """tänään, huomenna, tomorrow."""
    d = ref.date() + timedelta(days=_RELDAY_N[re.sub(r"\s+", " ", m["w"].lower())])
    return _Cand(m.start(), m.end(), "day", fixed=(d, d), relation="at", takes_time=True)


def _offset(ref: date, n: int, unit: str) -> date:
    """ref plus n days, weeks, months or years."""
    if unit.startswith(("päiv", "vuorok", "day")):
        return ref + timedelta(days=n)
    if unit.startswith(("viiko", "week")):
        return ref + timedelta(weeks=n)
    if unit.startswith("fortnight"):
        return ref + timedelta(weeks=2 * n)
    if unit.startswith(("kuuk", "month")):
        return _add_months(ref, n)
    return _add_months(ref, 12 * n)


def _h_fi_offset(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """kahden viikon päästä, 2 viikon sisällä, kuukauden kuluttua."""
    raw = (m["n"] or "").lower()
    if not raw and _number_before(text, m.start()):
        return None
    n = int(raw) if raw.isdigit() else _FI_NUM.get(raw, 1)
    r = ref.date()
    d = _offset(r, n, m["u"].lower())
    if m["r"].lower() in ("päästä", "kuluttua"):
        return _Cand(m.start(), m.end(), "day", fixed=(d, d), relation="at", takes_time=True)
    if not raw and m["r"].lower() == "aikana":
        return None  # 'viikon aikana' alone is vague
    return _Cand(m.start(), m.end(), "day", fixed=(r, d), relation="by")


def _h_en_offset(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """in two weeks, within a week, 3 days from now."""
    rel = (m["r"] or "").lower()
    if not rel and not m["fn"]:
        return None  # '2 weeks' alone is a duration
    raw = re.sub(r"\s+", " ", m["n"].lower())
    n = int(raw) if raw.isdigit() else _EN_NUM[raw]
    r = ref.date()
    d = _offset(r, n, m["u"].lower())
    if rel == "within":
        return _Cand(m.start(), m.end(), "day", fixed=(r, d), relation="by")
    return _Cand(
        m.start(), m.end(), "day", fixed=(d, d), relation="from" if rel == "after" else "at", takes_time=True
    )


def _en_mon(text: str) -> int:
    """Month number of an English month word."""
    return _EN_MONTHS[text.lower().rstrip(".")]


def _h_en_day_month(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """20 June 2018, 20th of June, Wed 20 June, 1-3 June."""
    mo, d, y = _en_mon(m["mon"]), int(m["d"]), _yr(m["y"])
    d0 = int(m["d0"]) if m["d0"] else d
    if _GUARD_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
        return None
    return _day_range_cand(m, y, mo, d0, d)


def _h_en_month_day(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """June 20, December 1st, April 16, 2020, June 1-3."""
    if m["mon"].lower() in ("may", "march") and not m["mon"][0].isupper():
        return None
    mo, d, y = _en_mon(m["mon"]), int(m["d"]), _yr(m["y"])
    d2 = int(m["d2"]) if m["d2"] else d
    return _day_range_cand(m, y, mo, d, d2)


def _h_en_month(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """June 2018, in June, mid-December, end of June."""
    word = m["mon"]
    y = _yr(m["y"])
    if (
        len(word.rstrip(".")) <= 4
        and word.lower().rstrip(".") not in ("june", "july")
        and y is None
        and not m["part"]
        # 'in May': the capitalised month after a preposition is a month, not the modal
        and not (word == "May" and _IN_MONTH.search(text, 0, m.start()))
    ):
        return None  # 'Jan', 'Mar' alone: names and verbs more often than months
    if word.lower() in ("may", "march") and not word[0].isupper():
        return None
    mo = _en_mon(word)
    c = _Cand(m.start(), m.end(), "month", **_fixed_or_span(y, lambda yy: _month(yy, mo)))  # type: ignore[arg-type]
    if m["part"]:
        c.part = _PART_WORD[m["part"].split()[0].lower()]
    c.needs_context = y is None and not m["part"]
    return c


# 'in May', 'by May': the capitalised month after a preposition (the modal 'may' is never capitalised there)
_IN_MONTH = regex(r"\b(?:in|by|during|until|till|before|over|through)\s+$", _I)

_EN_SEASON_FIRST = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _h_en_season(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """spring 2019, this autumn, late summer, next spring."""
    s = m["s"].lower()
    y = _yr(m["y"])
    if re.match(r"\s+break\b", text[m.end() :], _I):
        return None  # 'spring break' is a school holiday whose dates differ by place: left unresolved
    first = _EN_SEASON_FIRST[s]
    c = _Cand(m.start(), m.end(), "season")
    if m["part"]:
        c.part = _PART_WORD[m["part"].split()[0].lower()]
    if y is not None:
        c.fixed = _season(y, first)
    elif m["q"]:
        q = _EN_QUAL.get(re.sub(r"\s+", " ", m["q"].lower()), 0)
        c.fixed = _qualified(ref.date(), q, lambda yy: _season(yy, first))
    else:
        c.span = lambda yy: _season(yy, first)
        c.needs_context = not m["part"]  # 'Google Summer of Code': a bare season needs 'in', 'by', ...
    return c


def _h_en_year(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """in 2019, by the end of 2018, next year, mid-2019, by year-end."""
    y = _yr(m["y"])
    q = m["q"].lower() if m["q"] else None
    ends = m.group(0).lower().rstrip().endswith("end")
    if q == "the" and not m["part"] and not ends:
        return None
    if y is None:
        y = ref.year + (_EN_QUAL.get(q, 0) if q else 0)
    c = _Cand(m.start(), m.end(), "year", fixed=_year(y))
    if m["part"]:
        c.part = _PART_WORD[m["part"].split()[0].lower()]
    elif ends:
        c.part = "end"
    c.needs_context = m["y"] is not None and not m["part"] and not ends
    return c


def _h_en_month_rel(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """next month, by end of month, this month, month-end."""
    q = m["q"].lower() if m["q"] else None
    ends = m.group(0).lower().endswith("end")
    if not m["part"] and not ends and q in (None, "the"):
        return None
    r = ref.date()
    d = _add_months(date(r.year, r.month, 1), _EN_QUAL.get(q, 0) if q else 0)
    c = _Cand(m.start(), m.end(), "month", fixed=_month(d.year, d.month))
    c.part = _PART_WORD[m["part"].split()[0].lower()] if m["part"] else "end" if ends else None
    return c


def _h_en_week_num(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """week 25, weeks 25-26, 2018-W25."""
    if m["iw"]:
        return _week_cand(m, int(m["iw"]), None, int(m["iy"]))
    return _week_cand(m, int(m["n"]), int(m["n2"]) if m["n2"] else None, _yr(m["y"]))


_WITHIN = regex(r"\bwithin\s+$", _I)


def _h_en_week_rel(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """next week, this week, by the end of the week, EOW / end of week (this week's Sunday)."""
    if m["eow"]:
        q, part = (m["q2"] or "this").lower(), "end"
    else:
        q, part = m["q"].lower(), m["part"]
    if q == "the" and not part:
        if not _WITHIN.search(text, 0, m.start()):
            return None
        q = "this"  # 'within the week': the current week, a deadline at its end
    r = ref.date()
    mon = r - timedelta(days=r.weekday()) + timedelta(weeks=_EN_QUAL.get(q, 0))
    c = _Cand(m.start(), m.end(), "week", fixed=(mon, mon + timedelta(days=6)))
    if part:
        c.part = _PART_WORD[part.split()[0].lower()]
    return c


def _h_en_wd(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """Friday, by Friday, next Tuesday (in the next ISO week), last Monday."""
    wd = _EN_WD[m["wd"].lower()]
    r = ref.date()
    q = m["q"].lower() if m["q"] else None
    if q == "next":
        d = r - timedelta(days=r.weekday()) + timedelta(weeks=1, days=wd)
    elif q == "last":
        d = _next_weekday(r, wd) - timedelta(days=7)
    else:
        d = _next_weekday(r, wd)
    return _Cand(m.start(), m.end(), "day", fixed=(d, d), takes_time=True)


def _h_anchor(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """seuraavaan kokoukseen, ennen seuraavaa kokousta, by the next meeting."""
    if m["en"] and _ANCHOR_DECL.match(text, m.end()):
        return None  # 'Next meeting: 16 April' declares the meeting, it is no deadline
    line_start = text.rfind("\n", 0, m.start()) + 1
    if _LINE_LEAD.fullmatch(text, line_start, m.start()) and re.match(r"[ \t]*(?:\n|$)", text[m.end() :]):
        return None  # a heading 'Next meeting' above the meeting's date
    c = _Cand(m.start(), m.end(), "meeting", anchor="next_meeting", relation="at")
    c.needs_context = False
    return c


def _easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th such weekday of a month (n = -1: the last one)."""
    if n < 0:
        last = date(y, month, _last(y, month))
        return last - timedelta(days=(last.weekday() - wd) % 7)
    first = date(y, month, 1)
    return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def _midsummer(y: int) -> date:
    """Juhannus (Midsummer Day): the Saturday between 20 and 26 June."""
    d = date(y, 6, 20)
    return d + timedelta(days=(5 - d.weekday()) % 7)


# Holidays by the stem their case forms share; each gives the holiday's day in a year.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "juhannu": _midsummer,
    "joulu": lambda y: date(y, 12, 24),  # Finnish Christmas is kept on Christmas Eve
    "jouluaat": lambda y: date(y, 12, 24),
    "joulupäiv": lambda y: date(y, 12, 25),
    "vapu": lambda y: date(y, 5, 1),
    "vappu": lambda y: date(y, 5, 1),
    "pääsiäi": _easter,
    "uudenvuode": lambda y: date(y, 1, 1),
    "uusivuo": lambda y: date(y, 1, 1),
    "uuteenvuote": lambda y: date(y, 1, 1),
    "itsenäisyyspäiv": lambda y: date(y, 12, 6),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "easter": _easter,
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "labour day": lambda y: _nth_weekday(y, 9, 0, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "new year's day": lambda y: date(y, 1, 1),
    "new year’s day": lambda y: date(y, 1, 1),
    "independence day": lambda y: date(y, 7, 4),
}
_HOLIDAY = _c(
    r"(?<!\w)(?:(?P<fi>juhannu(?:s|sta|ksen|kseen|ksena|kselle|ksesta|ksiin)|joulu(?:un|na|ksi|n|lle|sta|a)?"
    r"|jouluaat(?:to|toon|tona|on)|joulupäiv(?:ä|än|änä|ään)|vapu(?:n|lle|sta|ksi)|vappu(?:un|na|a)?"
    r"|pääsiäi(?:nen|sen|seen|senä|sestä|selle|stä)|uudenvuoden(?:päivä\w*)?|uusivuosi|uuteenvuoteen"
    r"|itsenäisyyspäiv(?:ä|än|änä|ään|ästä))"
    r"|(?P<en>christmas(?:\s+eve)?|easter|memorial\s+day|labou?r\s+day|thanksgiving|new\s+year[’']s\s+day"
    r"|independence\s+day))(?!\w)(?!\s+(?:break|holidays?|party|fair|market|juhla|juhlat|juhliin|lomaa?n?))",
    _I,
)


def _h_holiday(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """juhannukseen mennessä, ennen joulua, vappuna, by Christmas, after Easter, by Labor Day."""
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if m["en"]:
        key = word.replace("labour", "labor")
    else:
        key = max((k for k in _HOLIDAYS if word.startswith(k)), key=len)
    fn = _HOLIDAYS[key]
    c = _Cand(m.start(), m.end(), "day", span=lambda yy: (fn(yy), fn(yy)))
    if m["fi"] and re.search(r"(?:un|seen|ään|toon|ksi)$", word):
        c.relation = "by"  # the illative and translative of a holiday: by then ('jouluun', 'juhannukseen')
    # nominatives, genitives and partitives are attributes ('joulun tapahtuma') unless a word says when
    c.needs_context = bool(m["en"]) or (c.relation is None and not re.search(r"n[aä]$", word))
    return c


# --------------------------------------------------------------------------------------------- Swedish


def _num_day(m: re.Match[str], ref: datetime, d: int, mo: int, y: int | None) -> _Cand | None:
    """A numeric day d.mo (year y or chosen later), with any weekday written before it."""
    wd = _wd_of(m["wd"]) if "wd" in m.re.groupindex else None

    def fn(yy: int) -> Span:
        return _days_span(yy, mo, d, mo, d)

    try:
        c = _Cand(m.start(), m.end(), "day", **_fixed_or_span(y, fn))  # type: ignore[arg-type]
    except ValueError:
        return None
    if "wd" in m.re.groupindex:
        c.weekday, c.weekday_text = wd, m["wd"] or ""
    c.takes_time = True
    return c


def _slash(m: re.Match[str], text: str, ref: datetime, lenient: bool) -> _Cand | None:
    """20/6, 13/10/2023; a month over 12 reads month/day (`10/13`); `24/7` and numbered items are no days."""
    a, b = int(m["d"]), int(m["m"])
    y = _yr(m["y"]) if m["y"] and len(m["y"]) == 4 else (_two_digit_year(m["y"], ref) if m["y"] else None)
    if m["sy"]:  # Swedish '16/9-19', '6/4-2016': the year after a dash
        y = _yr(m["sy"]) if len(m["sy"]) == 4 else _two_digit_year(m["sy"], ref)
    if _SLASH_GUARD.search(text[max(0, m.start() - 14) : m.start()]) or (a, b) == (24, 7):
        return None
    if _SLASH_FRACTION.match(text, m.end()):
        return None  # '2/3 majoritet', '3/4 av medlemmarna': a fraction
    if y is None and not m["wd"] and len(m["d"]) + len(m["m"]) < 3:
        # '1/2', '3/4': fractions more often than days, unless a word before or a time after says when
        said = lenient and (
            _SLASH_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]) or _KLO_AHEAD.match(text, m.end())
        )
        if not said:
            return None
    if 1 <= b <= 12 and 1 <= a <= 31:
        d, mo = a, b
    elif 1 <= a <= 12 and 13 <= b <= 31 and (y is not None or not lenient):
        d, mo = b, a
    else:
        return None
    return _num_day(m, ref, d, mo, y)


def _h_slash(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """20/6 (with a weekday or two-digit parts), 13/10/2023."""
    return _slash(m, text, ref, lenient=False)


def _h_slash_sv(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """Swedish writes days as `3/3`, `20/6`: every day/month pair is a day."""
    return _slash(m, text, ref, lenient=True)


def _h_hyphen(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """23-02-2016 (day first; `02-23-2016` reads month first)."""
    a, b, y = int(m["d"]), int(m["m"]), int(m["y"])
    if 1 <= b <= 12:
        return _num_day(m, ref, a, b, y)
    if 1 <= a <= 12:
        return _num_day(m, ref, b, a, y)
    return None


def _h_sv_short_iso(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """`14-04-27`: year, month and day, as Swedish writes a date short."""
    return _num_day(m, ref, int(m["d"]), int(m["m"]), _two_digit_year(m["y"], ref))


def _h_ymd(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """2024/03/05, 2024.03.05 (a dot date needs two-digit month and day: `2019.1.2` is a version)."""
    if m["sep"] == "." and (len(m["m"]) < 2 or len(m["d"]) < 2):
        return None
    if _GUARD_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
        return None
    return _num_day(m, ref, int(m["d"]), int(m["m"]), int(m["y"]))


def _h_next_week_wd(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """ensi viikon tiistaina, Tuesday next week, nästa veckas tisdag: that day of the next ISO week."""
    wd = _wd_of(m["fi"] or m["en"] or m["en2"] or m["sv"] or m["sv2"])
    if wd is None:
        return None
    r = ref.date()
    d = r - timedelta(days=r.weekday()) + timedelta(weeks=1, days=wd)
    return _Cand(m.start(), m.end(), "day", fixed=(d, d), takes_time=True)


def _h_compact(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """20151017-1100: a day and its time."""
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _Cand(m.start(), m.end(), "day", fixed=(d, d), t1=time(int(m["hh"]), int(m["mm"])))


def _h_sv_day_month(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """den 20 juni (2018), onsdagen den 20 juni, 1-3 juni."""
    mo, d, y = _SV_MONTHS[m["mon"].lower()], int(m["d"]), _yr(m["y"])
    d0 = int(m["d0"]) if m["d0"] else d
    return _day_range_cand(m, y, mo, d0, d)


def _h_sv_month(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """i juni, i slutet av augusti, juni 2018."""
    mo, y = _SV_MONTHS[m["mon"].lower()], _yr(m["y"])
    c = _Cand(m.start(), m.end(), "month", **_fixed_or_span(y, lambda yy: _month(yy, mo)))  # type: ignore[arg-type]
    if m["part"]:
        c.part = _SV_PART[m["part"].lower()]
    c.needs_context = y is None and not m["part"]
    return c


def _h_sv_season(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """under hösten 2018, till hösten, nästa vår, i slutet av sommaren."""
    first = _SV_SEASON_FIRST[m["s"].lower()]
    y = _yr(m["y"])
    c = _Cand(m.start(), m.end(), "season")
    if m["part"]:
        c.part = _SV_PART[m["part"].lower()]
    if y is not None:
        c.fixed = _season(y, first)
    elif m["q"]:
        c.fixed = _qualified(ref.date(), _SV_QUAL[m["q"].lower()], lambda yy: _season(yy, first))
    else:
        c.span = lambda yy: _season(yy, first)
        c.needs_context = not m["part"]
    return c


def _h_sv_year(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """före årets slut, i slutet av 2019, nästa år."""
    if m["q"]:
        y = ref.year + _SV_QUAL[m["q"].lower()]
        return _Cand(m.start(), m.end(), "year", fixed=_year(y))
    y = _yr(m["y"]) or _yr(m["y2"]) or ref.year
    return _Cand(m.start(), m.end(), "year", fixed=_year(y), part="end")


def _h_sv_week_num(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """vecka 32, v. 25, veckorna 25-26."""
    return _week_cand(m, int(m["n"]), int(m["n2"]) if m["n2"] else None, _yr(m["y"]))


def _h_sv_week_rel(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """nästa vecka, i veckan, förra veckan, veckans slut."""
    q = _SV_QUAL[(m["q"] or m["q2"]).lower()] if (m["q"] or m["q2"]) else 0
    r = ref.date()
    mon = r - timedelta(days=r.weekday()) + timedelta(weeks=q)
    c = _Cand(m.start(), m.end(), "week", fixed=(mon, mon + timedelta(days=6)))
    if m["eow"]:
        c.part = "end"
    return c


def _h_sv_wd(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """på torsdag, senast fredag, nästa tisdag: the next such day (a bare weekday needs a word before it)."""
    wd = _wd_of(m["wd"])
    if wd is None:
        return None
    r = ref.date()
    q = _SV_QUAL.get(m["q"].lower()) if m["q"] else None
    d = _next_weekday(r, wd) - timedelta(days=7 if q == -1 else 0)
    c = _Cand(m.start(), m.end(), "day", fixed=(d, d), takes_time=True)
    c.needs_context = q is None
    return c


_SV_RELDAY_N = {"idag": 0, "i dag": 0, "imorgon": 1, "i morgon": 1, "i övermorgon": 2, "igår": -1,
                "i går": -1, "i förrgår": -2}  # fmt: skip


def _h_sv_relday(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """idag, imorgon, i övermorgon, igår."""
    d = ref.date() + timedelta(days=_SV_RELDAY_N[re.sub(r"\s+", " ", m["w"].lower())])
    return _Cand(m.start(), m.end(), "day", fixed=(d, d), relation="at", takes_time=True)


def _h_sv_offset(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """inom två veckor (a deadline that day), om en vecka, efter tre dagar."""
    raw = re.sub(r"\s+", " ", m["n"].lower())
    n = int(raw) if raw.isdigit() else _SV_NUM[raw]
    unit = m["u"].lower()
    eng = (
        "day"
        if unit.startswith("dag")
        else "week"
        if unit.startswith("veck")
        else ("month" if unit.startswith("mån") else "year")
    )
    d = _offset(ref.date(), n, eng)
    rel = {"inom": "by", "om": "at", "efter": "from"}[m["r"].lower()]
    return _Cand(m.start(), m.end(), "day", fixed=(d, d), relation=rel, takes_time=rel == "at")


def _h_sv_anchor(m: re.Match[str], text: str, ref: datetime) -> _Cand | None:
    """till nästa möte, före nästa styrelsemöte."""
    if _ANCHOR_DECL.match(text, m.end()):
        return None  # 'Nästa möte: 3 mars' declares the meeting, it is no deadline
    line_start = text.rfind("\n", 0, m.start()) + 1
    if _LINE_LEAD.fullmatch(text, line_start, m.start()) and re.match(r"[ \t]*(?:\n|$)", text[m.end() :]):
        return None
    return _Cand(m.start(), m.end(), "meeting", anchor="next_meeting", relation="at")


_FI, _EN, _SV = frozenset({"fi"}), frozenset({"en"}), frozenset({"sv"})
_ALL = frozenset({"fi", "en", "sv"})
_FI_EN = frozenset({"fi", "en"})
_K_HOLIDAY = (
    "juhannu", "joulu", "vapu", "vappu", "pääsiäi", "uude", "uusivuo", "uuteen", "itsenäisyys", "christmas",
    "easter", "memorial", "labo", "thanksgiving", "new year", "independence",
)  # fmt: skip

# Each rule has a cheap key (a literal or short alternation) that every match contains. Scanning
# for keys first and running the full pattern only near them keeps a 20 kB text at a few ms, where
# full patterns over the whole text cost ~1 ms each (leading optional groups defeat re's prefix scan).
_K_DIGDOT = _c(r"\d\.\d")
_K_KUU = ("kuu",)
_K_MONTH_SV = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_K_MONTH_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_K_YEAR4 = _c(r"(?:19|20)\d\d")
_Handler = Callable[[re.Match[str], str, datetime], "_Cand | None"]
_Key = tuple[str, ...] | re.Pattern[str]  # literals looked up in the lower-cased text, or a pattern
_RULES: tuple[tuple[_Key, re.Pattern[str], _Handler, frozenset[str]], ...] = (
    (_K_DIGDOT, _NUM_DATE, _h_num, _ALL),
    (_c(r"\d\.[ \t]+\d"), _SPACED_DATE, _h_spaced, _ALL),
    (_c(r"\d-[01]\d-"), _ISO, _h_iso, _ALL),
    (("kuuta", "k."), _FI_DAY_MONTH, _h_fi_day_month, _FI),
    (_K_KUU, _FI_MONTH_DAY, _h_fi_month_day, _FI),
    (_K_KUU, _FI_MONTH, _h_fi_month, _FI),
    (("kevä", "kesä", "syksy", "talv"), _FI_SEASON, _h_fi_season, _FI),
    (("vuo",), _FI_YEAR, _h_fi_year, _FI),
    (_K_YEAR4, _BARE_YEAR, _h_bare_year, _ALL),
    (("vaih",), _FI_TURN, _h_fi_turn, _FI),
    (_K_KUU, _FI_MONTH_REL, _h_fi_month_rel, _FI),
    (("vk", "viik", "vko"), _FI_WEEK_NUM, _h_fi_week_num, _FI),
    (("viik",), _FI_WEEK_REL, _h_fi_week_rel, _FI),
    (("tai", "viik"), _FI_WD_ALONE, _h_fi_wd, _FI),
    (_c(r"q[1-4]"), _QN, _h_qn, _ALL),
    (("neljän", "kvartaal"), _FI_QUARTER, _h_fi_quarter, _FI),
    (("quarter",), _EN_QUARTER, _h_en_quarter, _EN),
    (("h1", "h2", "half", "puolisko"), _HALF, _h_half, _ALL),
    (
        ("tänään", "huomen", "eilen", "toissa", "today", "tonight", "tomorrow", "yesterday"),
        _RELDAY,
        _h_relday,
        _ALL,
    ),
    (("päästä", "kuluttua", "sisällä", "sisään", "kuluessa", "aikana"), _FI_OFFSET, _h_fi_offset, _FI),
    (("day", "week", "fortnight", "month", "year"), _EN_OFFSET, _h_en_offset, _EN),
    (_K_MONTH_EN, _EN_DAY_MONTH, _h_en_day_month, _EN),
    (_K_MONTH_EN, _EN_MONTH_DAY, _h_en_month_day, _EN),
    (_K_MONTH_EN, _EN_MONTH, _h_en_month, _EN),
    (("spring", "summer", "autumn", "fall", "winter"), _EN_SEASON, _h_en_season, _EN),
    (("year", "19", "20"), _EN_YEAR, _h_en_year, _EN),
    (("month",), _EN_MONTH_REL, _h_en_month_rel, _EN),
    (("week", "wk", "cw", "-w"), _EN_WEEK_NUM, _h_en_week_num, _EN),
    (("week", "eow"), _EN_WEEK_REL, _h_en_week_rel, _EN),
    (("day",), _EN_WD_ALONE, _h_en_wd, _EN),
    (("mon", "tue", "wed", "thu", "fri", "sat", "sun"), _EN_WD_ABBR_ALONE, _h_en_wd, _EN),
    (("kokou", "meeting", "call", "session"), _ANCHOR, _h_anchor, _FI_EN),
    (_K_HOLIDAY, _HOLIDAY, _h_holiday, _FI_EN),
    (("/",), _SLASH_DATE, _h_slash, _FI_EN),
    (("/",), _SLASH_DATE, _h_slash_sv, _SV),
    (_c(r"\d-\d{1,2}-[12]"), _HYPHEN_DATE, _h_hyphen, _ALL),
    (_c(r"\d\d-[01]\d-[0-3]\d"), _SV_SHORT_ISO, _h_sv_short_iso, _SV),
    (_c(r"\d{8}[-T]\d{4}"), _COMPACT, _h_compact, _ALL),
    (_c(r"[12]\d{3}[/.]\d"), _YMD, _h_ymd, _ALL),
    (("viikon", "next week", "nästa veck"), _NEXT_WEEK_WD, _h_next_week_wd, _ALL),
    (_K_MONTH_SV, _SV_DAY_MONTH, _h_sv_day_month, _SV),
    (_K_MONTH_SV, _SV_MONTH, _h_sv_month, _SV),
    (("vår", "sommar", "höst", "vinter"), _SV_SEASON, _h_sv_season, _SV),
    (("år",), _SV_YEAR, _h_sv_year, _SV),
    (regex(r"[vV](?:ecka|eckan)?\.?[ \t]*\d"), _SV_WEEK_NUM, _h_sv_week_num, _SV),
    (("veck",), _SV_WEEK_REL, _h_sv_week_rel, _SV),
    (("dag",), _SV_WD_ALONE, _h_sv_wd, _SV),
    (("dag", "morgon", "går", "förrgår"), _SV_RELDAY, _h_sv_relday, _SV),
    (("inom", "om ", "efter"), _SV_OFFSET, _h_sv_offset, _SV),
    (("möte", "sammanträd", "träff"), _SV_ANCHOR, _h_sv_anchor, _SV),
)
_BACK, _FWD = 60, 90  # how far a match may reach before / after its key

# --------------------------------------------------------------------------------------------- times


def _clock(h: str, m: str | None, ap: str | None) -> time | None:
    """A wall-clock time from hour, minutes and am/pm."""
    hh, mm = int(h), int(m) if m else 0
    if ap:
        pm = ap.lower().startswith("p")
        if 13 <= hh <= 23 and pm:
            return time(hh, mm)  # '19.30pm': a 24-hour time with a redundant pm
        if hh > 12 or hh == 0:
            return None
        hh = (hh % 12) + (12 if pm else 0)
    return time(hh, mm)


def _times(m: re.Match[str]) -> tuple[time, time | None] | None:
    """Start and end of a matched time or time range; None if it is not clearly a time."""
    if not m["klo"] and not (m["m1"] or m["ap1"] or m["ap2"]):
        return None  # a bare number is no time
    ap1 = m["ap1"]
    if ap1 is None and m["ap2"] and m["h2"]:
        # '2-3pm' shares the pm, but '11-1pm' starts in the morning
        ap1 = m["ap2"] if int(m["h1"]) % 12 <= int(m["h2"]) % 12 else "am"
    t1 = _clock(m["h1"], m["m1"], ap1)
    if t1 is None:
        return None
    t2 = None
    if m["h2"]:
        if not m["klo"] and not (m["m2"] or m["ap2"] or m["m1"]):
            return None
        t2 = _clock(m["h2"], m["m2"], m["ap2"] if m["ap2"] else None)
        if t2 is None:
            return None
    return t1, t2


def parse_time_range(text: str) -> tuple[time, time | None] | None:
    """The first time or time range in text: 'klo 13-15', 'klo 18.00', '13:00-15:00', '3pm'."""
    for m in _TIME_RE.finditer(text):
        got = _times(m)
        if got is not None:
            return got
    return None


# --------------------------------------------------------------------------------------------- assembly


def _dist(p: Span, ref: date) -> int:
    """Days between ref and a period (0 inside it)."""
    if p[0] <= ref <= p[1]:
        return 0
    return min(abs((p[0] - ref).days), abs((p[1] - ref).days))


def _choose_year(
    fn: Callable[[int], Span], relation: str, ref: date, prefer_future: bool = False
) -> Span | None:
    """Year inference of dates.md: deadlines take the next period not ended, others the nearest.

    `prefer_future`: every relation takes the next period not ended (a task is due after its meeting).
    """
    options: list[Span] = []
    for y in range(ref.year - 1, ref.year + 3):
        try:
            options.append(fn(y))
        except ValueError:  # 29.2. in a common year, week 53 in a short year
            continue
    if not options:
        return None
    if relation in ("by", "until") or prefer_future:
        for p in options:
            if p[1] >= ref:
                return p
    return min(options, key=lambda p: (_dist(p, ref), -p[0].toordinal()))


def _prefix(text: str, pos: int, lang: str | None) -> tuple[int, str] | None:
    """The relation word right before pos (`by`, `viimeistään`, `senast`): its start and relation."""
    before = text[max(0, pos - 24) : pos]
    tables = (
        ((_SV_PREFIX, _SV_PREFIX_REL),)
        if lang == "sv"
        else ((_PREFIX, _PREFIX_REL),)
        if lang in ("fi", "en")
        else ((_PREFIX, _PREFIX_REL), (_SV_PREFIX, _SV_PREFIX_REL))
    )
    for rx, rels in tables:
        pm = rx.search(before)
        if pm:
            word = re.sub(r"\s+", " ", pm["w"].lower())
            return pos - (len(before) - pm.start()), rels.get(word, rels.get(word.replace(" ", ""), "at"))
    return None


def _extend(c: _Cand, text: str, lang: str | None = None) -> None:
    """Take in a time after a day, a relation word after, and one before."""
    if c.takes_time and c.t1 is None:
        tm = _TIME_AFTER.match(text, c.e)
        if tm:
            got = _times(tm)
            if got is not None:
                c.t1, c.t2 = got
                c.e = tm.end()
                c.precision = "minute"
    sm = _SUFFIX.match(text, c.e)
    if sm:
        c.relation = _SUFFIX_REL[re.sub(r"\s+", " ", sm["w"].lower())]
        c.e = sm.end()
    pm = _prefix(text, c.s, lang)
    if pm:
        start, rel = pm
        # A Finnish case ending already said by/from: 'ennen' etc. only adds to 'at'/'during'.
        if c.relation in (None, "at", "during") or rel in ("by", "until", "from"):
            c.relation = rel
        c.s = start
    elif c.needs_context and not sm:
        c.relation = None


def _finish(
    c: _Cand, text: str, ref: datetime, next_meeting: date | None, prefer_future: bool = False
) -> When | None:
    """Settle relation, year, third, weekday check and times into a When."""
    if c.needs_context and c.relation is None and c.precision != "minute":
        return None  # ('Onsdag 12:15': an hour after a bare weekday says as much as 'på' before it)
    relation = c.relation or ("at" if c.precision in ("day", "minute", "meeting") else "during")
    phrase = text[c.s : c.e].strip()
    if c.anchor:
        d = next_meeting
        return When(phrase, d, d, "meeting", relation, c.anchor, ())
    r = ref.date()
    part = c.part
    if c.fixed is not None:
        span: Span | None = _part(c.fixed, part, relation)
    elif c.span is not None:
        base = c.span
        span = _choose_year(lambda y: _part(base(y), part, relation), relation, r, prefer_future)
    else:
        return None
    if span is None:
        return None
    warnings = list(c.warnings)
    if c.weekday is not None and span[0].weekday() != c.weekday:
        warnings.append(
            f"weekday '{c.weekday_text}' does not match {span[0].isoformat()}, "
            f"a {_WD_NAMES[span[0].weekday()]}; the date is kept"
        )
    start: Day = span[0]
    end: Day = span[1]
    precision = c.precision
    if c.t1 is not None:
        start = datetime.combine(span[0], c.t1)
        t2 = c.t2 or c.t1
        end_day = span[1] if span[1] != span[0] else span[0]
        if c.t2 is not None and t2 < c.t1 and end_day == span[0]:
            end_day = end_day + timedelta(days=1)  # 'klo 22-01' runs past midnight
        end = datetime.combine(end_day, t2)
        precision = "minute"
    return When(phrase, start, end, precision, relation, None, tuple(warnings), c.fixed is not None)


def _hits(key: _Key, text: str, low: str) -> list[tuple[int, int]]:
    """Where a key occurs: str.find for literals (fast in C), finditer for patterns."""
    if isinstance(key, re.Pattern):
        return [k.span() for k in key.finditer(text)]
    out: list[tuple[int, int]] = []
    for lit in key:
        i = low.find(lit)
        while i >= 0:
            out.append((i, i + len(lit)))
            i = low.find(lit, i + 1)
    out.sort()
    return out


def _windows(key: _Key, text: str, low: str) -> list[tuple[int, int]]:
    """Merged stretches of text around the key's hits."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for ks, ke in _hits(key, text, low):
        a, b = max(0, ks - _BACK), min(n, ke + _FWD)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _lower(text: str) -> str:
    """text lower-cased with its offsets kept (a few characters change length when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


# the rules of each language, in their order (the order breaks ties between equal phrases): scans run
# per sentence, so the language filter is applied once here, not per call
_RULES_FOR: dict[str, list[tuple[_Key, re.Pattern[str], _Handler]]] = {
    lang: [(key, rx, handler) for key, rx, handler, rule_langs in _RULES if rule_langs & langs]
    for lang, langs in (("fi", _FI), ("en", _EN), ("sv", _SV), ("", _ALL))
}


def _cands(text: str, ref: datetime, lang: str | None) -> list[_Cand]:
    """Every core match, extended by its neighbouring words."""
    out: list[_Cand] = []
    low = _lower(text)
    windows: dict[int, list[tuple[int, int]]] = {}
    for key, rx, handler in _RULES_FOR[lang if lang in ("fi", "en", "sv") else ""]:
        spans = windows.get(id(key))
        if spans is None:
            spans = windows[id(key)] = _windows(key, text, low)
        for a, b in spans:
            for m in rx.finditer(text, a, b):
                if m.end() == m.start():
                    continue
                c = handler(m, text, ref)
                if c is not None:
                    _extend(c, text, lang)
                    out.append(c)
    return out


def scan(
    text: str,
    ref: datetime,
    lang: str | None = None,
    next_meeting: date | None = None,
    prefer_future: bool = False,
) -> list[Found]:
    """Date and time phrases in running text, longest first where they overlap, in text order.

    `prefer_future` (action due dates only; `muistio when` keeps dates.md): a phrase without a year
    takes the next period that has not ended, whatever its relation ('kesäkuussa', 'in April').
    """
    found: list[Found] = []
    for c in _cands(text, ref, lang):
        w = _finish(c, text, ref, next_meeting, prefer_future)
        if w is not None:
            found.append(Found(c.s, c.e, w))
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    for f in found:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    taken.sort(key=lambda f: f.start)
    return taken


def resolve(
    phrase: str,
    ref: datetime,
    lang: str | None = None,
    next_meeting: date | None = None,
    prefer_future: bool = False,
) -> When | None:
    """The longest date phrase in phrase, resolved; None if nothing is recognised."""
    found = scan(phrase, ref, lang, next_meeting, prefer_future)
    if not found:
        return None
    return max(found, key=lambda f: f.end - f.start).when


# --------------------------------------------------------------------------------------------- impossible

# Shapes of a date or a time whose numbers cannot be one: `31.2.2027`, `2027-02-30`, `klo 25:00`.
_IMPOSSIBLE_NUM = regex(
    r"(?<![\w.,/:])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)?(?![\d.,]\d)"
    r"|(?<![\w.\-/])(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?![\w\-])"
)
_IMPOSSIBLE_TIME = regex(
    r"(?:(?<!\w)(?:klo|kello|kl|at)\.?\s*(?P<h>\d{1,2})(?:[.:](?P<mi>\d{2}))?"
    r"|(?<![\d.:])(?P<h2>\d{2}):(?P<mi2>\d{2}))(?![\d:.]\d)",
    _I,
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # fmt: skip


def impossible(text: str, ref: date | None = None) -> list[tuple[int, int, str]]:
    """Dates and times in text whose numbers name no day or clock time: (start, end, why) in text order."""
    out: list[tuple[int, int, str]] = []
    for m in _IMPOSSIBLE_NUM.finditer(text):
        if m["d"]:
            d, mo = int(m["d"]), int(m["m"])
            year = int(m["y"]) if m["y"] else (ref.year if ref else 2000)  # 2000: 29.2. may be real
        else:
            d, mo, year = int(m["id"]), int(m["im"]), int(m["iy"])
        if not 1 <= mo <= 12:
            if d <= 31 and mo <= 31 and (m["y"] or m["iy"]):
                out.append((m.start(), m.end(), f"'{m.group(0)}' is no date: there is no month {mo}"))
            continue
        if d == 0 or d > _last(year, mo):
            why = f"'{m.group(0)}' is no date: {_MONTH_NAMES[mo - 1]} has {_last(year, mo)} days"
            out.append((m.start(), m.end(), why))
    for m in _IMPOSSIBLE_TIME.finditer(text):
        h, mi = (m["h"], m["mi"]) if m["h"] else (m["h2"], m["mi2"])
        if int(h) > 24 or (mi is not None and int(mi) > 59) or (int(h) == 24 and mi not in (None, "00")):
            out.append((m.start(), m.end(), f"'{m.group(0).strip()}' is no time of day"))
    out.sort()
    return out
