"""Swedish task forms: `X ska ...`, `X tar kontakt med ...`, `uppdrar åt X att`, `... skickas av X`."""

from __future__ import annotations

import re

from muistio.extraction.actions.owners import _Hit, _Owners
from muistio.extraction.vocabulary import words
from muistio.patterns import regex

# present-tense verbs that hand out work when a named subject stands before them ('Emma fixar fika')
SV_TASK_VERBS = words(
    """
    lägger tar gör lagar ordnar fixar kollar kikar tittar skickar kopierar frågar deltar sätter köper
    ringer kontaktar undersöker utreder ansvarar bokar beställer mejlar mailar skriver sammanställer
    hör håller sköter ser förbereder planerar pratar återkommer uppdaterar publicerar betalar hämtar
    bjuder kallar meddelar informerar letar söker tittar organiserar arrangerar anordnar samordnar
    kontrollerar granskar reder utformar formulerar tar skapar bygger målar städar handlar lämnar
    delar sprider postar följer fortsätter påminner kallar åtar tecknar gör skaffar fixar bakar
    kokar hyr lånar flyttar startar sänder svarar tillfrågar intervjuar räknar bevakar representerar
    sammankallar förser värvar försöker riggar installerar konfigurerar implementerar testar
    dokumenterar presenterar ansöker samlar införskaffar koordinerar utarbetar läser
    """
)
# of those, the ones a board says of a report rather than of a task ('Anna informerar om läget')
_REPORTING_PARTICLE = regex(r"\s+(?:om|kring|att)\b")
_REPORTING_VERBS = words("informerar meddelar")
_SV_AS = regex(r"\s+som\b")
_SV_ORAL = regex(r"\s+(?:en\s+)?muntlig(?:en|t)?\b")
_SV_PRESENT = regex(r"[a-zåäö]{2,}(?:ar|er|rar)$")
# present tense verbs that report, judge or state rather than take on work
_SV_NOT_DOING = words(
    """är har var blir finns tycker anser menar tror vet känner berättar redogör rapporterar
    föreslår påpekar undrar frågar förklarar framhåller betonar konstaterar säger svarar visar
    presenterar föredrar hoppas önskar vill behöver saknar gillar närvarar leder sitter
    representerar innehar avgår slutar börjar arbetar jobbar studerar bor
    hälsar välkomnar öppnar avslutar tackar noterar protesterar invänder instämmer påminner"""
)
# modal or promise before an infinitive: 'Elias ska titta', 'Anna åtog sig att fortsätta'
_SV_MODAL = regex(
    # 'kommer att maila', and without 'att' as people write it: 'kommer maila ut'
    r"(?:ska|skall|kommer\s+att|kommer\s+(?=[A-Za-zåäö]+a\b)|tar\s+på\s+sig\s+att|åtar\s+sig\s+att|åtog\s+sig\s*(?:att)?"
    r"|lovar\s+(?:att\s+)?|lovade\s+(?:att\s+)?|har\s+lovat\s+(?:att\s+)?|tog\s+på\s+sig\s+att"
    r"|(?:får|fick|har)\s+(?:i|till)\s+(?:uppdrag|uppgift)\s+att)\b",
)
_SV_PASSIVE_INF = regex(r"\s+[a-zåäö]+as\b")
# a state, not a deed: 'Lisa kommer att vara bortrest', 'Peter ska ha semester'
# (`Kantklippning skall ske`: the work is to happen, the noun before it is no doer)
_SV_STATE_INF = regex(r"\s+(?:inte\s+)?(?:vara|bli|ha|finnas|kunna|behöva|få|ske)\b")
_SV_NOT = regex(r"\s+(?:inte|ej|icke)\b")
# verb and particle that raise a topic or agree rather than take on work: 'tar upp frågan', 'håller med'
# ('tar upp med varvscheferna' takes it up with someone: a task)
_SV_NOT_TASK = regex(
    r"(?:tar|lyfter)\s+upp\b(?!\s+(?:det\s+|detta\s+)?med\b)|håller\s+med\b|ser\s+(?!till\b)|ser$"
)
# a title before the name: 'styrelsemedlem Räfsbäck', 'Styrelsemedlemmarna Back, Stenström'
# the offices of the board in the definite form, as a subject in lower case names them: 'sekreteraren'
SV_OFFICE_DEFINITE = r"(?:sekreteraren|kassören|ordföranden|ledamoten|suppleanten)"
_SV_TITLE = (
    r"(?:[Ss]tyrelsemedlem(?:men|marna)?|[Oo]rdförande(?:n)?|[Vv]ice\s+ordförande(?:n)?|[Ss]ekreterare(?:n)?"
    r"|[Kk]assör(?:en)?|[Ll]edamot(?:en)?|[Ll]edamöterna|[Ss]uppleant(?:en)?|[Rr]evisor(?:n)?)"
)
# (a nickname in quotes inside the name: `Lars "Lacka" Eriksson`)
_SV_NAME = r"(?:[A-ZÅÄÖ]{2,}\s+)?[A-ZÅÄÖ][\w'’-]*(?:\s+[\"“][A-ZÅÄÖ][\w'’-]*[\"”])?(?:\s+[A-ZÅÄÖ][\w'’-]*)?"
_SV_SUBJECT = regex(
    # (an office in lower case opens a clause after 'och': '... och sekreteraren utarbetar årsredovisningen')
    rf"(?:{_SV_TITLE}\s+)?(?P<subj>{SV_OFFICE_DEFINITE}|{_SV_NAME}"
    rf"(?:\s*(?:,|\boch\b|&)\s*(?:{_SV_TITLE}\s+)?{_SV_NAME})*)"
    r"(?:\s+(?:också|även|gärna|sedan|själv|själva))?\s+(?P<verb>[a-zåäö]+)\b"
)
_SV_STAY_ON = regex(
    r"\s*(?:att\s+)?(?:fortsätta|forsätta|stanna\s+kvar|sitta\s+kvar)"
    r"(?:\s+(?:som\s+[a-zåäö]+|ett\s+år\s+till|i\s+styrelsen))?\s*[.;,]?\s*$",
    re.I,
)
# a decision that 'one' does something: the work is set, its doer left open
_SV_ONE_SHOULD = regex(
    r"\b(?i:beslut\w*|bestämdes|bestämde|enades|överenskoms)\b[^.;]{0,30}\batt\s+man\s+(?i:ska|skall|skulle|bör)\s+"
    r"(?!vara\b|ha\b)[a-zåäö]{3,}"
)
# someone else's wish that a thing be done, not the meeting's decision: 'vill att en arbetsgrupp tillsätts'
_SV_WISH = regex(r"\b(?i:vill|ville|önskar|önskade)\b[^.;]{0,80}\batt\b")
# a habit or a rule of the body: 'en gång om året', 'varje månad', 'vid behov'
_SV_HABIT = regex(
    r"\b(?i:en\s+gång\s+(?:om|per|i)\s+(?:året|månaden|veckan|terminen)|varje\s+(?:år|månad|vecka|termin)|vid\s+behov)\b"
)
_SV_AS_OFFICE = regex(r"\s*(?:[-*•·]\s*|\d{1,3}[.)]\s*)?(?i:som)\s")
_SV_NICK_SUBJECT = regex(r"(?P<subj>[a-z][a-z0-9_.-]{1,23})\s+(?P<verb>[a-zåäö]+)\b")
_SV_SEP = regex(rf"\s*(?:,|\boch\b|&)\s*(?:{_SV_TITLE}\s+)?")
# subjects that are not doers: pronouns, the meeting, question words, sentence adverbs
_SV_NOT_SUBJECT = words(
    """
    Det Den Detta Dessa Här Där Vi Man Mötet Han Hon De Vem Vad Hur När Var Varför Om Efter Inför
    Under Till Som Styrelsen Föreningen Årsmötet Alla Ingen Inga Några Beslut Beslutades Punkt Nästa
    I På Med För Av Från Enligt Ev Även Också Sedan Eftersom Ordförande Sekreterare Kassör
    Därefter Dessutom Därför Då Nu Först Slutligen Sen Vidare Samtidigt Tidigare Senare Idag Därmed Annars
    """
)
# a body that does the work in its own name: 'Gruppen kikar på utkastet'
_SV_BODY = regex(
    r"(?:[A-ZÅÄÖ][a-zåäö]*)?(?:[Gg]ruppen|[Kk]ommittén|[Kk]assören|[Ss]ekreteraren|[Oo]rdföranden"
    r"|Ordförande|Sekreterare|Kassör)"
)
# the board hands the task on: 'uppdrar åt X att', 'ge X uppgiften att', 'delegera till X att'
_SV_DELEGATION = regex(
    # the commission first, then whom: 'Styrelsen ger i uppdrag åt FK att ta fram en plan'
    r"\b(?i:ger|gav|ges|gavs)\s+(?:i\s+uppdrag|uppdraget|uppgiften|ansvaret)\s+(?:åt|till)\s+"
    r"(?P<who2>[\wåäöÅÄÖ][\w'’åäöÅÄÖ-]*(?:\s+(?:[\wåäöÅÄÖ][\w'’åäöÅÄÖ-]*|och)){0,4}?)\s+att\s+[a-zåäö]|"
    # the passive opens the sentence as often as not: 'Uppdrogs åt Eva att ...'
    r"\b(?i:uppdrar|uppdrog|uppdrogs|uppdras|uppdra|gav|ge|ger|ges|gavs|delegera[rs]?|delegerade|delegerades"
    r"|ålägger|ålades|ålägga|ber|bad|uppmanar|uppmanade|uppmanades|uppmana)\s+(?:åt\s+|till\s+)?"
    r"(?P<who>[\wåäöÅÄÖ][\w'’åäöÅÄÖ-]*(?:\s+(?:[\wåäöÅÄÖ][\w'’åäöÅÄÖ-]*|och|för)){0,4}?)"
    # one who helps: 'uppdra åt Malin Amnefelt med stöd av Yvonne Tenninge att ta fram ...'
    r"(?:\s+(?i:med\s+stöd\s+av|tillsammans\s+med|i\s+samråd\s+med)\s+"
    r"(?P<helper>[A-ZÅÄÖ][\w'’åäö-]*(?:\s+[A-ZÅÄÖ][\w'’åäö-]*){0,2}))?"
    r"\s+(?:(?:i\s+)?(?:uppdrag(?:et)?|uppgiften|ansvaret)\s+)?att\s+[a-zåäö]",
)
_SV_DELEGATION_NOT = words("att sig oss dem honom henne mötet")
# 'X får i uppdrag att', 'X ansvarar för': the named subject carries the task
_SV_RESPONSIBLE = regex(
    rf"(?P<subj>{_SV_NAME}(?:\s*(?:,|\boch\b|&)\s*{_SV_NAME})*)\s+(?:ansvarar|har\s+ansvar(?:et)?)\s+för\b"
)
_SV_RESP_LABEL = regex(
    rf"\b(?:Ansvarig|Ansvariga|Ansvar)\s*:\s*(?P<subj>{_SV_NAME}(?:\s*(?:,|\boch\b|&)\s*{_SV_NAME})*)"
)
# present passive of a task verb: 'En QR kod tas fram', 'Påminnelse ... skickas av Victor'
_SV_PASSIVE = regex(
    # after a modal any passive infinitive: 'En länk skall läggas upp', 'Ansökan ska skrivas'
    # and 'Påfyllning av grus skall ske': the work is to happen
    # ('ska ses över': the one short verb whose passive is the common word for a review)
    r"\b(?:(?:ska|skall|bör|måste)\s+(?P<inf>[a-zåäö]{3,}as|ske|ses(?=\s+över))\b"
    r"(?:\s+(?:fram|ut|upp|in|till|över|vidare))?|"
    # the future says what will happen as often as what is to be done: only the infinitive of work
    # counts ('kommer köpas in', 'kommer att sättas upp'; not 'kommer att erbjudas', 'hållas')
    r"kommer\s+(?:att\s+)?(?:tas|skickas|ordnas|lämnas|bokas|beställas|köpas|sättas|läggas|publiceras"
    r"|uppdateras|kontaktas|planeras|förberedas|sammanställas|skrivas|skapas|fixas|kollas|kontrolleras"
    r"|betalas|hämtas|delas|spridas|undersökas|utredas|göras|formuleras|utformas|upprättas|målas|städas"
    r"|lagas|bytas|installeras|mejlas|mailas|tillfrågas)\b(?:\s+(?:fram|ut|upp|in|till|över|vidare))?|"
    # the same after the subject, the verb second: 'Därefter skall saltning av vägen ske'
    r"(?:ska|skall|bör|måste)\s+(?:[a-zåäö]+\s+){1,4}?ske\b|"
    r"(?:ska\s+|skall\s+|bör\s+|måste\s+)?(?P<verb>tas|skickas|ordnas|lämnas|utreds|undersöks|bokas|beställs"
    r"|köps|sätts|läggs|publiceras|uppdateras|kontaktas|planeras|förbereds|sammanställs|skrivs|anordnas"
    r"|arrangeras|skapas|fixas|kollas|kontrolleras|tillfrågas|kallas|meddelas|informeras|betalas|hämtas"
    r"|bjuds|delas|sprids|undersökas|utredas|göras|tillsättas|formuleras|utformas|tillsätts|upprättas|värvas"
    r"|definieras|effektiviseras|förses|tillställes|tillställs|sänds|distribueras|samlas(?=\s+in\b))\b"
    r"(?:\s+(?:fram|ut|upp|in|till|över|vidare))?)",
    re.I,  # also first in the sentence: 'Skickas ifyllda ... Ann-Britt'
)
# a side clause before the passive: 'så att inga objekt skapas', 'eftersom ...' (not `om`, `innan`, `när`,
# `som`: they also open a task's own subject or time, 'Frågor som gäller ekonomin ska skickas ...')
_SV_SUBORDINATE = regex(r"\b(?i:så\s+att|eftersom|medan|vilket|vilken)\b")
_SV_PARTICLE = regex(r"\s+(?:in|upp|ut|ihop|över)\b")  # (`ses över`: reviewed)
# a report opening with a verb in the past: 'Fixade till ...', 'La till ...', 'Gjorde så ...'
_SV_PAST_OPENING = regex(
    r"\W*(?:[A-ZÅÄÖ][a-zåäö]{2,}(?:ade|ades)|La|Lade|Tog|Gjorde|Fick|Gick|Satte|Skrev|Drog|Gav|Fixade)\b"
)
# verbs whose -s form is active ('träffas' meet, 'finnas' exist): after a modal they set no work
_SV_DEPONENTS = words(
    """finnas träffas ses mötas hoppas lyckas synas kännas trivas andas minnas låtsas skämmas
    umgås samlas enas kommas brås svettas hämnas slåss behövas krävas"""
)
# the doer after 'av', also as initials in brackets: '... upprättas av (BÅL)'
_SV_AGENT = regex(rf"\bav\s+\(?(?P<who>{_SV_NAME})\)?")
# a meeting being scheduled is no task: 'Planeringsmöte sätts till måndag 11e mars'
_SV_MEETING_SUBJECT = regex(
    r"^\W*(?:[\wåäöÅÄÖ]+\s+)?[\wåäöÅÄÖ]*(?i:möte|sammanträde|stämma)\w*\s+(?:ska\s+|skall\s+)?$"
)
# a name or initials closing a bullet after the task: '... inom tid Ann-Britt', '... uppdateras GD'
_SV_TRAILING_OWNER = regex(
    r"[a-zåäö.,]\s+(?P<who>(?:[A-ZÅÄÖ]{2,4}|[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)"
    r"(?:\s*[–-]\s*(?:[A-ZÅÄÖ]{2,4}|[A-ZÅÄÖ][a-zåäö]+))*)\s*[.]?\s*$"
)
_SV_PREPOSITIONS = words("till åt med för hos från av och om på i vid")
# initials in brackets as the subject, wherever the clause opens: 'förslag Ann Kvist (BE) kontaktar'
_SV_PAREN_SUBJECT = regex(r"\((?P<subj>[A-ZÅÄÖ]{2,4})\)\s+(?P<verb>[a-zåäö]+)\b")
# passives that settle the meeting itself: 'ärendet läggs till handlingarna', 'mötet förklaras öppnat'
_SV_PASSIVE_STOP = regex(r"\b(?:handlingarna|till\s+protokollet|bordläggs|öppnat|avslutat)\b")


# a proposal's content: 'Förslag har framlagts att ...', 'Anna föreslår att ...'
_SV_PROPOSED = regex(r"\b(?:[Ff]örslag\w*|föreslår|föreslog|föreslogs|föreslås)\b[^.;]*\batt\s+[^.;]*$")


def _names(subj: str) -> list[str]:
    return [p.strip() for p in _SV_SEP.split(subj) if p.strip()]


# where a clause may open: the start (after a bullet or number), after , ; : ( or 'och'
# where a clause opens: a line's start after a bullet or an item number (`§ 6/ Henry köper ...`), a mark
_CLAUSE_OPEN = regex(
    r"^\s*(?:[-*•+–]|§\s*\d{1,3}\s*[/.:)]?|\d{1,2}[.)/]|[a-z][.)])?\s*|[,;:(]\s*|\boch\s+"
    # 'Styrelsen beslutar att Anna representerar ...': what was decided that someone does
    r"|\b(?:beslutar|beslutade|beslöt|beslöts|beslutades|bestämdes|enades\s+om|kom\s+överens\s+om)\s+att\s+"
)


_SV_OFFICE_AFTER_MODAL = regex(
    rf"\b(?:ska|skall|kommer)\s+(?P<subj>{SV_OFFICE_DEFINITE})\s+(?:att\s+)?"
    r"(?!(?:inte|ej|icke|vara|bli|ha|få|finnas|kunna)\b)[a-zåäö]+[ae]\b"
)
_SV_EVERYONE = regex(
    r"\b(?i:beslutades|bestämdes|beslöts|enades\s+om|kom\s+överens\s+om)\s+att\s+alla\s+(?:ska\s+)?"
    r"(?P<verb>[a-zåäö]{3,})\b"
)
_SV_VERB_SECOND = regex(
    rf"(?<=[a-zåäö0-9])\s+(?P<verb>[a-zåäö]{{3,}})\s+(?P<subj>{_SV_NAME}(?:\s*(?:,|\boch\b|&)\s*{_SV_NAME})*)"
)


def swedish_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'Emma fixar fika', 'Elias ska titta på ...', 'Andreas och Päivi tar på sig att ...'."""
    seg = text[a:b]
    for paren in _SV_PAREN_SUBJECT.finditer(seg):
        if paren.group("verb") in SV_TASK_VERBS or _SV_MODAL.match(seg, paren.start("verb")):
            return [_Hit(a, b, [paren.group("subj")], 0.75, "sv-subject")]
    for opening in _CLAUSE_OPEN.finditer(seg):
        m = _SV_SUBJECT.match(seg, opening.end())
        if m is None:
            # a chat nick of the roll, in lower case as it is written: 'bjarni tar på sig att kontakta ...'
            m = _SV_NICK_SUBJECT.match(seg, opening.end())
            if m is None or not owners.known(m.group("subj")):
                continue
        subj, verb = m.group("subj"), m.group("verb")
        first = subj.split()[0]
        if first in _SV_NOT_SUBJECT and not _SV_BODY.fullmatch(subj):
            continue
        names = _names(subj)
        rest = seg[m.end() :]
        modal = _SV_MODAL.match(seg, m.start("verb"))
        if _SV_NOT.match(rest) or _SV_NOT_TASK.match(seg, m.start("verb")):
            continue
        if verb == "fortsätter" and _SV_AS.match(rest):
            continue  # 'Göran fortsätter som ordförande': an office held on, no task
        if modal and not seg[modal.end() :].strip(" .;,"):
            continue  # 'X ska' and nothing after it: a cut line names no task
        if modal and _SV_STAY_ON.match(seg, modal.end()):
            continue  # 'Marina har lovat fortsätta': staying on in an office, no task
        if _SV_PROPOSED.search(seg, 0, m.start()):
            continue  # 'Förslag har framlagts att föreningarna ska ...': a proposal, not a task set
        if modal and _SV_HABIT.search(seg):
            continue  # 'Rådet ska sammanträda en gång om året': what a body does by its rules, no task
        known = all(owners.known(n) for n in names)
        if modal and (
            (modal.group().startswith("kommer") and not known)
            or _SV_PASSIVE_INF.match(seg, modal.end())
            or _SV_STATE_INF.match(seg, modal.end())
        ):
            continue  # 'Polisen kommer att kalla': someone else's plan; 'Rapporter ska lämnas': a passive
        if modal:
            conf = 0.8 if known else 0.75
        elif verb in SV_TASK_VERBS:
            if verb in _REPORTING_VERBS and _REPORTING_PARTICLE.match(rest):
                continue
            if _SV_ORAL.match(rest):
                continue  # 'Kassören lämnar muntlig redovisning': a report given at the meeting
            if verb == "ansöker" and not known:
                continue  # 'Björn Rosén ansöker om dispens': an outsider's application the meeting decides
            conf = 0.75 if known else 0.7
        elif known and _SV_PRESENT.search(verb) and verb not in _SV_NOT_DOING and rest.strip(" .;,"):
            # 'Lasse Nilsson reviderar prognosen': a participant and a verb in the present, what they do next
            conf = 0.7
        else:
            continue
        return [_Hit(a + m.start(), b, names, conf, "sv-subject")]
    # 'I övrigt ska Andreas titta på ...': the modal before the subject (verb second)
    inv = re.search(rf"\b(?:ska|skall)\s+(?P<subj>{_SV_NAME})\s+[a-zåäö]+[ae]\b", seg)
    if inv and inv.group("subj").split()[0] not in _SV_NOT_SUBJECT:
        return [_Hit(a, b, _names(inv.group("subj")), 0.7, "sv-subject")]
    # '... kommer kassören att ta reda på': the office after 'kommer', the work its
    office = _SV_OFFICE_AFTER_MODAL.search(seg)
    if office:
        return [_Hit(a, b, [office.group("subj")], 0.7, "sv-subject")]
    # 'Bestämdes att alla läser igenom den hemma': everyone's task
    everyone = _SV_EVERYONE.search(seg)
    if everyone and everyone.group("verb") in SV_TASK_VERBS:
        return [_Hit(a, b, ["alla"], 0.7, "sv-subject")]
    # 'För utebliven varvshyra kollar Kurth och Sylvia igenom detta': a task verb before people of the meeting
    for v2 in _SV_VERB_SECOND.finditer(seg):
        if _SV_AS_OFFICE.match(seg):
            break  # 'Som styrelseordförande fortsätter Björn Nystén': an office held on, no task
        names = _names(v2.group("subj"))
        if v2.group("verb") in SV_TASK_VERBS and names and all(owners.known(n) for n in names):
            return [_Hit(a, b, names, 0.7, "sv-subject")]
    return []


def swedish_delegation_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'Styrelsen uppdrar åt sammankallande att ...', 'ge arbetsgruppen uppgiften att ...'."""
    seg = text[a:b]
    m = _SV_DELEGATION.search(seg)
    if m:
        who = m.group("who") or m.group("who2")
        if who.split()[0].lower() not in _SV_DELEGATION_NOT:
            helper = [m.group("helper")] if m.group("helper") else []
            return [_Hit(a + m.start(), b, [who, *helper], 0.75, "delegation")]
    r = _SV_RESPONSIBLE.search(seg)
    if r and r.group("subj").split()[0] not in _SV_NOT_SUBJECT:
        return [_Hit(a + r.start(), b, _names(r.group("subj")), 0.8, "responsible")]
    lab = _SV_RESP_LABEL.search(seg)
    if lab and lab.start() > 0:
        return [_Hit(a, b, _names(lab.group("subj")), 0.75, "responsible")]
    return []


# words before a passive that put its work in the past: 'började planeras', 'har redan beställts'
_SV_NEGATED = regex(r"\b(?i:inte|ej|icke|varken|aldrig)\b")
# no one or nothing as the subject right before the verb: 'Inga ändringar görs' (not 'För att ingen ska
# missa mötet skickas ...', where the 'ingen' is another clause's)
_SV_NONE_SUBJECT = regex(r"(?i:(?<!att\s)\b(?:inga|ingen|inget)\s+(?:[\w]+\s+){0,2}$)")
# the negation right after the verb of an inverted clause: 'Till gymnastiken tas inga mobiler med'
# (not a deadline: 'skickas ut inte senare än den 1 april')
_SV_NEGATED_AFTER = regex(
    r"[ \t]+(?:[\w]+[ \t]+)?(?i:inte|ej|aldrig|inga|ingen|inget)\b(?![ \t]+(?i:senare|förrän|efter))"
)
_SV_BEGUN = frozenset({"började", "har", "hade", "redan"})


def swedish_passive_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'En QR kod tas fram', 'Verksamhetsrapporter ska lämnas', '... skickas av Victor'."""
    seg = text[a:b]
    # ('Det beslutades att man skulle undersöka ...': no one named; the decision's lead may stand before the
    # clause, read off already)
    one = _SV_ONE_SHOULD.search(text, max(0, a - 40), b)
    if one and one.end() > a:
        return [_Hit(a, b, [], 0.6, "sv-passive")]
    m = _SV_PASSIVE.search(seg)
    if not m or _SV_PASSIVE_STOP.search(seg) or seg.endswith("som ", 0, m.start()):
        return []
    deponent = m.group("inf") and m.group("inf").lower() in _SV_DEPONENTS
    if deponent and not _SV_PARTICLE.match(seg, m.end("inf")):
        return []  # 'Vi kommer att träffas', 'Det ska finnas kaffe': verbs in -as that are no passives
    clause = seg[max(seg.rfind(",", 0, m.start()), seg.rfind(";", 0, m.start())) + 1 : m.start()]
    if _SV_SUBORDINATE.search(clause):
        return []  # 'Fixade TestFactory så att inga objekt skapas': the passive of a side clause, no task
    if _SV_PAST_OPENING.match(clause):
        return []  # 'La till metoden ...', 'Ändrade listorna ...': a report of work done
    if _SV_MEETING_SUBJECT.search(seg, 0, m.start()):
        return []
    if _SV_WISH.search(seg, 0, m.start()) or _SV_HABIT.search(seg):
        return []  # 'Institutionerna vill att ett råd ska tillsättas': another's wish; 'varje år': a rule
    verb_end = m.end("verb") if m.group("verb") else m.end("inf")  # (before a particle read with it)
    if (
        _SV_NEGATED.search(seg, 0, m.start())
        or _SV_NONE_SUBJECT.search(seg[: m.start()])
        or _SV_NEGATED_AFTER.match(seg, verb_end)
    ):
        return []  # 'De kan inte göras några ändringar', 'Varken ... eller ... kan tas': no work, a limit
    if set(seg[: m.start()].split()[-1:]) & _SV_BEGUN:
        return []  # 'Föräldrakvällen började planeras': the work began before, it is no task set now
    agent = _SV_AGENT.match(seg, m.end() + 1) if m.end() < len(seg) else None
    if agent:
        return [_Hit(a, b, [agent.group("who")], 0.7, "sv-passive-agent")]
    trailing = _SV_TRAILING_OWNER.search(seg, m.end() - 1)
    before = seg[: trailing.start("who")].split()[-1:] if trailing else []
    if (
        trailing
        and trailing.group("who") not in _SV_NOT_SUBJECT
        # not the end of a name or the object of a preposition: '... skickas till Bengt Åke.'
        and not (before and (before[0][:1].isupper() or before[0].lower() in _SV_PREPOSITIONS))
    ):
        # 'Ann Britt – Gustav – Roy': a dash between people ('Ann-Britt' is one name)
        return [_Hit(a, b, re.split(r"\s*–\s*|\s+-\s+", trailing.group("who")), 0.65, "sv-passive-agent")]
    return [_Hit(a, b, [], 0.6, "sv-passive")]
