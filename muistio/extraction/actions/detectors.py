"""Detectors: each finds task clauses of one form (named subject, passive, delegation, ...) in a span."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from muistio.extraction.actions.common import (
    _ASCII_LOWER_WORD,
    _BULLET_ONLY,
    _CAPITALISED_OFFICE,
    _CAPS_INITIALS,
    _CLAUSE_OPENER_END,
    _CLAUSE_PUNCT,
    _CLOCK_TIME,
    _CLOSING_BRACKET,
    _DECISION_WORD,
    _EN_MODAL,
    _EN_NOT_VERBS,
    _EN_STOP_SUBJECTS,
    _EN_TASK_VERBS,
    _EN_WILL_BE,
    _FI_A_INFINITIVE_END,
    _FI_ALLATIVE,
    _FI_AS_TASK,
    _FI_CASE_END,
    _FI_GENITIVE_OBJECT,
    _FI_GOAL_LEAD,
    _FI_INFINITIVE_END,
    _FI_INTENTION,
    _FI_NAME_ALLATIVE,
    _FI_NEGATION_EI,
    _FI_NO_INTENTION,
    _FI_NOT_SUBJECT,
    _FI_SECOND_VERB,
    _FI_TASK_VERBS,
    _FI_VERB_STOP,
    _FIRST_LOWER_WORD,
    _GENERIC,
    _LEAD_SUBJECT,
    _LEADING_THE_OR_ALL,
    _LIST_SEP,
    _LIST_SEP_OUTSIDE_PARENS,
    _MEETING_WORDS,
    _OFFICES,
    _OWNERLESS_RULES,
    _PASSIVE,
    _PASSIVE_STOP,
    _PP,
    _RELATIVE,
    _STANDING,
    _SUBJ_WORD_RE,
    _SUBJECT,
    _TRAILING_DASH,
    _TRAILING_INITIALS,
    _TRAILING_THE,
    _VERDICT,
    _WORD_TOKEN,
    EVERYONE,
    S_STEM_PASSIVES,
    _clean,
    _fi_3sg,
    _gerund,
    _is_plural_verb,
    _name_like,
    _partitive_base,
    _split_names,
    _task_gerund,
    _task_verb,
)
from muistio.extraction.actions.due import (
    _DEADLINE_CUE,
    _previous,
)
from muistio.extraction.actions.owners import (
    _Hit,
    _Owners,
)
from muistio.extraction.actions.swedish import (
    SV_OFFICE_DEFINITE,
    SV_TASK_VERBS,
    swedish_delegation_hits,
    swedish_passive_hits,
    swedish_subject_hits,
)
from muistio.extraction.parts import CaseBlind, Section, may_hold
from muistio.extraction.sentences import Sentence
from muistio.extraction.vocabulary import ACTION_HEADINGS, GROUP_NOUNS, TIME_BOX, words
from muistio.morphology import Morphology
from muistio.names import Roster, is_given_name, strong_grade
from muistio.patterns import regex

# 'Also Tom will ...', 'Lisäksi Ari tilaa ...': a sentence adverb before the subject, not part of it
_LEAD_ADVERB = regex(r"(?:Also|Then|Additionally|Lisäksi|Myös|Sitten),?\s+(?=[A-ZÅÄÖ])")


def _past_adverb(seg: str, m: re.Match[str]) -> re.Match[str]:
    """The subject after a leading sentence adverb ('Also Tom Hale' -> 'Tom Hale'), else m itself."""
    adv = _LEAD_ADVERB.match(seg, m.start())
    if adv is None:
        return m
    return _SUBJECT.match(seg, adv.end()) or m


_ACRONYM_SUBJECT = regex(r"[A-Z]{4,}(?:\s+[A-Z])?")


_FOR_BEFORE = regex(r"\band\s+for\s+$", re.I)
_NAME_TAG = regex(r"\[name=(?P<who>[^\]\n]{1,40})\]\s+(?:will|to|should|is going to)\s+(?P<verb>[a-z][\w-]*)")
_NAME_THEN_HANDLE = regex(
    r"(?:^|(?<=[\s(\[–—:;,-]))[A-ZÅÄÖ][\w'’-]+(?P<paren>\s\((?:@?[a-z][\w.-]{1,30})\))(?=\s+(?:to|will|should)\s)"
)


_CLAUSE_JOIN_END = regex(r"(?:[\s,;]+(?:and|then)?)+$")
# modals that agree with a plural subject only: after one name they are no task of that person's
_PLURAL_MODALS = frozenset({"need to", "have to", "are to", "are going to", "are"})
# the modals that hand everyone a duty ('Everyone has to review ...'; 'Everyone should' is mostly a wish)
# ('Everyone will receive a copy' tells what happens to all: 'will' is left out)
_DUTY_MODALS = frozenset({"to", "has to", "have to", "needs to", "need to", "must"})


_EN_CLAUSE_CONJUNCTION = regex(r"(?<![\w-])(?:although|though|but|and|while|whereas|so)\s+$")


def _english_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'Nick to create ...', 'MVN will coordinate ...', 'Ken and Nick to catch up', '[Gary to forward]'."""
    seg = text[a:b]
    hits: list[_Hit] = []
    if not _EN_MODAL.search(seg):
        return hits  # every rule below needs a modal after the subject
    if "[name=" in seg and (tag := _NAME_TAG.search(seg)) and tag.group("verb") not in _EN_NOT_VERBS:
        # HackMD's author tag as the subject: '[name=Guillaume] will make a review shortly'
        return [_Hit(a + tag.start(), b, [tag.group("who").strip()], 0.75, "en-subject")]
    if "(" in seg and (handle := _NAME_THEN_HANDLE.search(seg)):
        # 'Shelley (xy352) to contact relevant SU officers': the handle in brackets is the same person
        seg = seg[: handle.start("paren")] + " " * len(handle.group("paren")) + seg[handle.end("paren") :]
    task_from: dict[int, int] = {}  # where each named doer's task opens, after the modal
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
        mm = _EN_MODAL.match(seg, m.end())
        # 'Agreed to publish it and for Noel to amend it': 'for X to' after a decision hands X the work
        for_to = mm is not None and mm.group("modal") == "to" and _FOR_BEFORE.search(pre) is not None
        if (
            not for_to
            and not _clause_open_at(seg, m0.start(), "([–—:;,", dash=True)
            # '... This was agreed although RB will provide ...': a conjunction opens the clause of someone
            # of the meeting ('..., but Client Hints should work' names no one)
            and not (
                _EN_CLAUSE_CONJUNCTION.search(seg, max(0, m0.start() - 12), m0.start())
                and all(owners.known(n) or _initials_of(n, owners) for n in _split_names(m.group("subj")))
            )
        ):
            # '... from Carol to Brian, Adele and Brian to arrange': the list's head ends the clause before
            comma = subj.find(",")
            at = m.start() + comma + 1
            while comma > 0 and at < m.end() and seg[at].isspace():
                at += 1
            rest = _SUBJECT.match(seg, at) if comma > 0 else None
            if rest is None or rest.end() != m.end():
                continue
            m0 = m = rest
            pre, subj = seg[: m.start()], m.group("subj")
        if not mm:
            continue
        verb = mm.group("verb")
        # 'Carl will be bringing the cable': the future said in the -ing form is a plan all the same
        bringing = (
            verb == "be"
            and mm.group("modal") in {"will", "'ll", "’ll", "shall"}
            and ((nxt := _NEXT_WORD.match(seg, mm.end())) is not None and _task_gerund(nxt.group(1)))
        )
        if mm.group("modal") in {"is", "are"} or mm.group("modal").endswith(("with", "for")):
            # 'Pat and Lee are arranging a stand', 'Lewis tasked with finding ...', 'Ann is responsible
            # for booking ...': a task verb's -ing form
            if not _task_gerund(verb) and not (mm.group("modal").endswith(("with", "for")) and _gerund(verb)):
                continue
        elif (verb in _EN_NOT_VERBS or _gerund(verb)) and not bringing:
            continue
        everyone = subj.lower() in EVERYONE and mm.group("modal") in _DUTY_MODALS
        if not everyone and not all(owners.known(n) or _name_like(n) for n in _split_names(subj)):
            continue
        if mm.group("modal") == "would" and not all(
            owners.known(n) or is_given_name(n.split()[0]) for n in _split_names(subj)
        ):
            continue  # 'Diana would discuss ...' reports a promise; 'Parking would help' is a thought
        if " " not in subj and not owners.known(subj) and owners.written_lower(subj):
            continue  # 'Labs should not have food', 'Difficult to organise': a word, not a person
        if any(_ACRONYM_SUBJECT.fullmatch(n) and not owners.known(n) and not _initials_of(n, owners)
               for n in _split_names(subj)):  # fmt: skip
            continue  # 'ISO is moving towards ...', 'MISRA C to ease adoption': a standard or a body
        if _BULLET_ONLY.match(pre):
            pre = ""
        if (
            verb in {"be", "have", "the", "a", "an", "do"}
            and mm.group("modal") not in {"to"}
            and not bringing
        ):
            continue
        if verb == "be" and not bringing:
            continue
        names = _split_names(subj)
        if len(names) == 1 and mm.group("modal") in _PLURAL_MODALS:
            continue  # 'May need to delay until ...': one person 'needs to'; this 'May' is the modal
        the = _TRAILING_THE.search(pre)
        if the and len(names) == 1 and owners.role_holder(names[0]):
            pre = pre[: the.start()]
        elif (
            not names
            or any(n.split()[0].lower() in _EN_STOP_SUBJECTS and not _initials_of(n, owners) for n in names)
        ) and not everyone:
            continue  # ('Everyone has to review ...' is a task of all; 'Everyone should feel ...' no duty)
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
        task_from[id(hits[-1])] = a + mm.end("modal")
    # 'Ann will book the room, Bob to send the invites': each doer's clause is a task of its own
    for first, second in itertools.pairwise(hits):
        if first.a < second.a < first.b and id(first) in task_from:
            first.b = first.a + len(_CLAUSE_JOIN_END.sub("", text[first.a : second.a]))
            if first.text is not None:
                first.text = _clean(text[task_from[id(first)] : first.b])
    return hits


_NEXT_WORD = regex(r"\s+([a-z]+)\b")


def _initials_of(n: str, owners: _Owners) -> bool:
    """'SO', 'AT': upper-case initials of a participant, even when they spell an English word."""
    return n.isupper() and 2 <= len(n) <= 4 and owners.roster.by_initials(n) is not None


_EN_IMPERATIVE = _EN_TASK_VERBS | words(
    """
    recalibrate calibrate order call buy print invite confirm chase plan design research finalise finalize
    sort source compile collate request renew register pay install repair replace upgrade configure visit
    notify inform remind announce present bring get make take apply sign hire recruit train label measure
    verify edit proofread translate upload archive phone text talk speak investigate run setup arrange
    introduce determine survey display work go seek explore evaluate assess analyse analyze identify
    define outline estimate compare summarise summarize note record report inspect audit discuss decide
    approve agree negotiate apply consult engage recruit hire fund budget price quote invoice reimburse
    refund collect deposit transfer purchase procure order deliver distribute mail post tweet promote
    advertise publicise publicize market host chair lead run facilitate moderate attend join meet visit
    tour welcome onboard mentor support help assist advise guide coordinate liaise align sync
    integrate link connect disconnect enable disable restore backup secure protect monitor track log
    trace debug reproduce triage prioritise prioritize assign delegate close reopen resolve land merge
    revert rebase refactor rewrite simplify clarify expand extend shorten trim cut drop deprecate
    retire cancel postpone reschedule move book reserve confirm recheck double-check prepare plan
    organise organize clean tidy fix mend paint build demolish dig plant water mow sweep empty fill
    replace renew print scan copy photograph film store label pack unpack ship return borrow lend
    draft redraft revise polish finish complete start begin continue resume pursue include apologise
    apologize
    """
)


# 'Kalle: tilaa', 'Ana Berg — write', 'Lauri -pohtii': a colon, or a dash then the task
_OWNER_LINE = regex(rf"\s*(?:[-*•]\s*)?{_SUBJECT.pattern}(?:\s*:\s+|\s[—–-]\s+|\s[—–-](?=[a-zåäö]))")


_FIRST_CAP_WORD = regex(r"([A-Z][a-z]+)\b(?![-'’])")
_OWNER_LINE_MODAL = regex(r"(?:will|'ll|shall|to|is\s+to|needs?\s+to)\s+([a-z][\w-]*)")


# '- Fazli contact Faisal and apologise': a list item, a participant, then a bare imperative
_BARE_IMPERATIVE = regex(rf"\s*[-*•]\s*{_SUBJECT.pattern}\s+(?P<verb>[a-z][a-z-]+)\b")


def _bare_imperative_hit(text: str, a: int, b: int, owners: _Owners) -> _Hit | None:
    """A list item whose participants are followed by an English imperative: their task."""
    m = _BARE_IMPERATIVE.match(text, a, b)
    if m is None or m.group("verb") not in _EN_IMPERATIVE or m.group("verb") in _EN_NOT_VERBS:
        return None
    names = _split_names(m.group("subj"))
    if not names or not all(owners.known(n) for n in names):
        return None
    return _Hit(m.start("subj"), b, names, 0.75, "en-subject", _clean(text[m.start("verb") : b]))


_NOUN_THEN_AUX = regex(r"\s*[a-z][\w-]*\s+(?:has|have|had|is|are|was|were|seems?|looks?)\b")


def _owner_line_hit(text: str, a: int, b: int, owners: _Owners, bullet: bool) -> _Hit | None:
    """'KN: will recalibrate ...', 'Ana Berg — write the memo', 'Kalle: tilaa kaapelit'.

    A participant (or a participant's initials) before a colon or dash, then a future or imperative
    task: that person's task. Anything else after a name is a discussion turn, and so is a bare
    imperative after 'Name:' outside a list ('Roy: rename it.' suggests, '* Roy: rename it' assigns).
    """
    head = text[a : min(b, a + 80)]
    if ":" not in head and "—" not in head and "–" not in head and " -" not in head:
        return _bare_imperative_hit(text, a, b, owners) if bullet else None
    m = _OWNER_LINE.match(text, a, b)
    if not m:
        return None
    names = _split_names(m.group("subj"))
    # In a list, a given name before the colon names the doer even when the roll left them out.
    if not names or not all(
        owners.known(n) or _initials_of(n, owners) or (bullet and is_given_name(n)) for n in names
    ):
        return None
    rest = text[m.end() : b]
    if _NOUN_THEN_AUX.match(rest):
        return None  # 'Shelly – install has been too fragile': a noun and its verb, what was said
    modal = _OWNER_LINE_MODAL.match(rest)
    first = _FIRST_LOWER_WORD.match(rest)
    word = first.group(1) if first else ""
    if modal:
        ok = modal.group(1) not in _EN_NOT_VERBS and modal.group(1) != "be"
    elif bullet and (cap := _FIRST_CAP_WORD.match(rest)) and cap.group(1).lower() in _EN_IMPERATIVE:
        # '- Luther: Introduce Soares to ...': a list of tasks, each led by its owner, capitalised
        ok = True
    else:
        dash = ":" not in text[m.start("subj") : m.end()]
        ok = (
            bool(word)
            # 'Claire Taylor – chair': one word after the name is an office in a roll, not a task
            and len(rest.split()) >= 2
            and rest[:1].islower()
            and (bullet or dash)
            and (
                word in _EN_IMPERATIVE
                or ((_task_verb(word) or (dash and _fi_3sg(word))) and word not in _FI_VERB_STOP)
            )
        )
    if not ok:
        return None
    task = rest[modal.start(1) :] if modal else rest
    return _Hit(a + (m.start("subj") - a), b, names, 0.8, "en-subject", _clean(task))


# 'Tilinpäätös – Jonna', '- Kutsu kokoukseen – Janne + Johanna': a list item, the task, a dash, its owners
_TASK_DASH_OWNER = regex(
    # (or an arrow: 'Check the backups -> Cy', 'Renew it → Bob')
    r"\s*(?:[-*•]\s+|(?P<number>\d{1,2}[.)])\s+)?(?P<task>[^–—→\n]{3,120}?)\s+(?:[–—→]|->|=>)\s+"
    r"(?P<who>[A-ZÅÄÖ][\w'’-]+(?:\s*(?:\+|&|,|\bja\b|\band\b|\boch\b)\s*[A-ZÅÄÖ][\w'’-]+){0,3})\s*\.?"
)


def _task_dash_owner_hit(text: str, a: int, b: int, owners: _Owners, bullet: bool) -> _Hit | None:
    """'Tilinpäätös – Jonna': a list item naming a task, then after a dash only the people who do it.

    The owners must be participants or plain given names; a name before the dash (`Ann Lee – chair`,
    a roll) or an office after it is no task.
    """
    if (
        text.find("–", a, b) < 0
        and text.find("—", a, b) < 0
        and text.find(">", a, b) < 0
        and text.find("→", a, b) < 0
    ):
        return None
    m = _TASK_DASH_OWNER.fullmatch(text, a, b)
    if m is None or not (bullet or m.group("number")):
        return None
    task = m.group("task").strip()
    names = _split_names(m.group("who"))
    if (
        not names
        or not any(c.islower() for c in task)
        or task.endswith(":")
        or owners.known(task)
        or owners.known(task.split()[0])
        or any(owners.roster.organization(n) for n in names)
        or not all(owners.known(n) or is_given_name(n) for n in names)
    ):
        return None
    return _Hit(m.start("task"), m.end("who"), names, 0.7, "task-owner", _clean(task))


# 'Lauri -pohtii arkkitehtuurimallia Jarmo -korjaa määrittelyä': a task list whose line breaks were lost
_DASH_OWNER = regex(rf"{_SUBJECT.pattern}\s-(?P<verb>[a-zåäöA-ZÅÄÖ][a-zåäö]+)\b")


def _dash_owner_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """Two or more 'Name -verb ...' runs in one sentence: one task per run, each owned by its names."""
    if text.count(" -", a, b) < 2:
        return []
    runs = []
    for m in _DASH_OWNER.finditer(text, a, b):
        names = _split_names(m.group("subj"))
        verb = m.group("verb").lower()
        if (
            names
            and all(owners.known(n) or _name_like(n) for n in names)
            and (_task_verb(verb) or _fi_3sg(verb))
        ):
            runs.append((m, names))
    if len(runs) < 2:
        return []
    hits = []
    for i, (m, names) in enumerate(runs):
        end = runs[i + 1][0].start() if i + 1 < len(runs) else b
        hits.append(_Hit(m.start(), end, names, 0.75, "en-subject"))
    return hits


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
_AT_SUBJECT = regex(
    r"^\W*(?P<subj>@[\w.-]+(?:\s+[A-ZÅÄÖ][\w'’-]*)?(?:\s*(?:,|\band\b|&|\+)\s*@[\w.-]+(?:\s+[A-ZÅÄÖ][\w'’-]*)?)*)"
    r"\s+(?:(?P<modal>will|to|should|can)\s+)?(?P<verb>[a-z]+)\b"
)


_NICK_SUBJECT = regex(
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


_ROLE_SUBJECT = regex(
    # (or reported: '... advised that the Treasurer would circulate ...')
    r"(?:^|(?<=[;:(–—])|(?<=\s-)|(?<=,\s)|(?<=\bthat\s))\s*(?:[-*•]\s*)?(?P<art>[Tt]he|[Oo]ur)\s+"
    rf"(?P<role>(?:(?!(?i:the|and|of)\b)[\w-]+\s+){{0,2}}?(?i:{_ROLE_NOUN})(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
    rf"|(?:[\w-]+\s+)?(?i:{_GROUP_NOUN}))"
    rf"\s+(?P<modal>(?i:{_EN_MODALS}))\s+(?P<verb>[a-z]+)\b"
)


# a report or an agreement opens the 'that' clause: '... advised that the Treasurer would circulate ...'
_REPORTED_BEFORE = regex(
    r"(?i:\b(?:advised|agreed|confirmed|reported|said|stated|explained|announced|suggested|proposed|decided"
    r"|resolved|noted|informed\s+\w+|told\s+\w+)\s+that\s+$)"
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
        if seg.startswith("that", max(0, m.start("art") - 5)) and not _REPORTED_BEFORE.search(
            seg, 0, m.start("art")
        ):
            continue  # 'disappointed that the Treasurer would step down': a feeling, not a report of a task
        group = _GROUP_END.search(role) is not None
        if group and verb not in _EN_TASK_VERBS and verb not in _GROUP_VERBS:
            continue  # 'the board would like ...': a body's task needs a task verb
        if group and _OTHER_BODY.search(seg, m.end()):
            continue  # '... will discuss it on their call': another body's own agenda, not our task
        owner = role if owners.role_holder(role) else role[:1].upper() + role[1:]
        return [_Hit(a + m.start("art"), b, [owner], 0.7, "en-subject")]
    return []


_OTHER_BODY = regex(r"\b(?:their|its)\s+(?:own\s+)?(?:next\s+)?(?:call|meeting|session|agenda)\b", re.I)


# a role without an article, as council minutes write it: 'clerk to get quotes', 'Bin update- district
# councilor and clerk to put a complaint in', 'council to look at cost savings'
_PLACE_KIND = r"(?:district|parish|town|county|city|borough)"
_BARE_ROLE = rf"(?:{_PLACE_KIND}\s+)?(?:{_ROLE_NOUN}|{_GROUP_NOUN}|councill?ors?|cllrs?)"
_BARE_ROLE_TO = regex(
    rf"(?<![\w'’-])(?P<role>(?i:{_BARE_ROLE})(?:\s+and\s+(?:the\s+)?(?i:{_BARE_ROLE}))?)"
    r"\s+to\s+(?P<verb>[a-z]+)\b"
)
# the role is an object, not the doer: 'a letter to the council to ask ...', 'thanks from the clerk to ...'
_OBJECT_BEFORE = regex(
    r"\b(?i:to|from|with|by|for|of|at|on|into|about|than|via)\s+(?:(?i:the|our|a|an)\s+)?$"
)


_RELATIVE_BEFORE = regex(
    r"\b(?i:which|that|who|what|they|these|those|it|this)\s+$"
    # 'discussions that could lead to new proposals': after a modal the word is a verb, not an office
    r"|\b(?i:could|would|can|may|might|will|should|must|to)\s+$"
)


def _bare_role_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'clerk to get quotes for a park safety inspection', 'district councilor and clerk to put ...'."""
    seg = text[a:b]
    if " to " not in seg:
        return []
    for m in _BARE_ROLE_TO.finditer(seg):
        verb = m.group("verb")
        if verb in _EN_NOT_VERBS or verb in {"be", "have", "the", "a", "an", "date"} or _gerund(verb):
            continue
        if _OBJECT_BEFORE.search(seg, 0, m.start()) or _RELATIVE_BEFORE.search(seg, 0, m.start()):
            continue  # 'the parts which lead to mistakes': a verb in a relative clause, not an office
        roles = [r.strip() for r in re.split(r"\s+and\s+(?:the\s+)?", m.group("role")) if r.strip()]
        return [_Hit(a, b, roles, 0.7, "role-subject")]
    return []


# a task in the passive infinitive: 'job to be advertised', 'Contractor to be advised ...',
# 'church footpath blocked to be chased up by clerk' (the doer after 'by')
_TO_BE_DONE = regex(
    r"\b(?P<lead>[\w'’]+)\s+to\s+be\s+(?P<pp>[a-z]+)\b(?:\s+(?:up|out|off|back|over|through|forward))?"
    rf"(?:\s+by\s+(?:the\s+)?(?P<by>(?i:{_BARE_ROLE})|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?"
)
_ISSUE_LINK = regex(r"\[#\d+\]\(")
_EVALUATED = words(
    "noted hoped regretted commended congratulated praised encouraged applauded avoided feared used"
)
# not a task: a likelihood, a report or a past plan ('seems to be needed', 'was to be looked at')
_TO_BE_NOT = words(
    """
    seem seems seemed appear appears appeared likely unlikely going used expected happen happens happened
    deemed said thought considered found known believed has have had was were ought want wants not never
    wanted need needs needed yet able unable want due continue continues continued remain remains remained
    care attention consideration account notice
    """
)


def _to_be_done_hits(text: str, a: int, b: int) -> list[_Hit]:
    """A passive-infinitive task, with its doer when 'by X' names one."""
    seg = text[a:b]
    if " to be " not in seg or _ISSUE_LINK.search(seg):
        return []  # an issue's title with its link is an agenda topic ('... to be managed by X [#115](...)')
    for m in _TO_BE_DONE.finditer(seg):
        if m.group("lead").lower() in _TO_BE_NOT or not _PP.match(m.group("pp")):
            continue
        if m.group("pp") in _STATIVE_PP or m.group("pp") in _EVALUATED:
            continue  # 'this is to be welcomed', 'the channel is to be used for ...': a judgement or a use
        if _MEETING_WORDS.search(seg, 0, m.end()):
            return []  # 'the AGM to be held': a meeting being set ('... till the next meeting' is a time)
        by = m.group("by")
        return [_Hit(a, b, [by] if by else [], 0.6, "en-passive")]
    return []


_GROUP_END = regex(rf"(?i:{_GROUP_NOUN})$")


_GROUP_VERBS = words("review consider monitor revisit discuss agree finalise finalize decide")


_RESOLVED_LEAD = regex(
    r"^\W*(?:(?:It\s+was\s+|The\s+\w+\s+|\w+\s+)?(?:RESOLVED|[Rr]esolved|AGREED|[Aa]greed|DECIDED|[Dd]ecided)\b"
    r"(?:\s*:|\s+(?:unanimously\s+)?that\b|\s*$))"
)


# 'that officers publish ...', 'that the Housing Officer report back ...': a subject and a bare verb
_THAT_CLAUSE = regex(
    r"\b[Tt]hat\s+(?P<subj>(?:the\s+|all\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?i:"
    + _ROLE_NOUN
    + r"|"
    + _GROUP_NOUN
    + r")s?"
    r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+(?P<verb>[a-z]+)\b"
)


# verbs that only settle something (the decision itself), or no bare verb at all
_SETTLING = words(
    """
    be is are was were has have had shall will should may might can would do does not approve adopt
    accept agree note endorse ratify confirm receive support welcome thank record notes
    """
)


_CLAUSE_BREAK = regex(r";|\s(?=\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+[Tt]hat\b)")


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


_TITLE_WORD = regex(r"\s*(?:[-*•]\s*)?([A-ZÅÄÖ][a-zåäö-]{3,}\s+)?")


_FI_VERB_AFTER = regex(r"\s+(?:myös\s+|itse\s+|vielä\s+)?([a-zåäö]+)\b(\s+yhteyttä)?")


_IN_CONTACT = regex(r"\s+(?:myös\s+)?yhteydessä\b")
# the subject opens the clause after 'että': 'Päätettiin, että Veljo kutsuu kokouksen koolle'
_THAT_OPENS = regex(r"\b(?i:päätettiin|sovittiin|todettiin|päätti|sopi),?\s+että\s*$")


# 'Riikka tekee tiedotteen, jonka sihteeri laittaa eteenpäin': a second doer in the relative clause
_FI_RELATIVE_DOER = regex(
    r",\s+jonka\s+(?P<subj>[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)?|[a-zåäö]*(?:sihteeri|puheenjohtaja"
    r"|rahastonhoitaja|taloudenhoitaja|jäsensihteeri|tiedottaja|pj\.?|siht\.?))\s+(?P<verb>[a-zåäö]+)\b"
)


_FI_OFFICE_WORD = (
    r"(?:puheenjohtaja|varapuheenjohtaja|sihteeri|rahastonhoitaja|taloudenhoitaja|jäsensihteeri|tiedottaja)"
)
# two offices as the subject: 'Puheenjohtaja ja sihteeri allekirjoittavat sopimuksen'
_FI_OFFICE_DOES = regex(rf"(?<=\s)(?P<office>(?-i:{_FI_OFFICE_WORD}))\s+(?P<verb>[a-zåäö]{{4,}})\b")
_FI_TWO_OFFICES = regex(
    rf"\W*(?P<a>(?i:{_FI_OFFICE_WORD}))\s+ja\s+(?P<b>(?i:{_FI_OFFICE_WORD}))\s+(?P<verb>[a-zåäö]+vat|[a-zåäö]+vät)\b"
)


def _finnish_subject_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """Finnish 'Name verb ...' tasks; a relative clause with a doer of its own is a second task."""
    two = _FI_TWO_OFFICES.match(text, a, b)
    if two and _task_verb(two.group("verb")) and two.group("verb") not in _FI_VERB_STOP:
        return [_Hit(a, b, [two.group("a"), two.group("b")], 0.8, "fi-subject")]
    hits = _finnish_subject_clause_hits(text, a, b, owners)
    # no one named: an office in lower case inside the clause, then a task verb ('Sovittiin, että
    # puheenjohtaja huolehtii kutsuista', '... lähettämättä puheenjohtaja huolehtii, että ...')
    inner = None if hits else _FI_OFFICE_DOES.search(text, a, b)
    if inner and _task_verb(inner.group("verb")) and inner.group("verb") not in _FI_VERB_STOP:
        office = inner.group("office")
        return [_Hit(inner.start("office"), b, [office[:1].upper() + office[1:]], 0.75, "fi-subject")]
    if len(hits) != 1 or "jonka" not in text[a:b]:
        return hits
    rel = _FI_RELATIVE_DOER.search(text, hits[0].a, hits[0].b)
    if rel is None or not (_task_verb(rel.group("verb")) or _fi_3sg(rel.group("verb"))):
        return hits
    if rel.group("verb") in _FI_VERB_STOP:
        return hits
    subj = rel.group("subj")
    full_name = len(subj.split()) >= 2 and is_given_name(subj.split()[0])  # 'jonka Eino Korpelainen ...'
    if subj[:1].isupper() and not (owners.known(subj) or owners.known(subj.split()[0]) or full_name):
        return hits  # 'jonka Helsinki ...': not someone of the meeting
    first = hits[0]
    first.b = rel.start()
    return [first, _Hit(rel.start("subj"), b, [subj], first.confidence, "fi-subject")]


def _finnish_subject_clause_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
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
        if verb in {"on", "ovat"} and _IN_CONTACT.match(seg, vm.end()):
            verb = "ottaa"  # 'Onerva on yhteydessä seurakuntaan': being in contact is the task of contacting
        promise = verb in _PROMISE
        if not promise and not (_fi_3sg(verb) or _task_verb(verb)):
            # every branch below needs a promise, a 3rd-person verb or a task verb: skip the name lookups
            continue
        names = _split_names(subj)
        known = [n for n in names if owners.known(n)]
        inf = _FI_SECOND_VERB.match(seg[m.end() :])
        if promise and known:
            ok, conf = True, 0.75
        elif promise and _PROMISED_THAT.match(seg, vm.end()) and subj.lower() in _OFFICES:
            # 'Puheenjohtaja lupasi, että tilanne korjataan': the office that promised owns the work
            ok, conf = True, 0.7
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
                and (not pre.strip() or bool(_BULLET_ONLY.match(pre)) or bool(_THAT_OPENS.search(pre)))
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
        if pre.rstrip().endswith("(") and seg.startswith(")", vm.end()):
            # 'Vielä haetaan Y-tunnus (Tane hoitaa) ...': the bracket names who does the sentence's task
            task = seg[: pre.rstrip().rfind("(")] + seg[vm.end() + 1 :]
            hits.append(_Hit(a, b, names, conf, "fi-subject", _clean(task)))
            break
        hits.append(_Hit(a + m0.start(), b, names, conf, "fi-subject"))
        break
    return hits


_PROMISED_THAT = regex(r"\s*,?\s*että\b")


# 'kysyy tarjoukset' asks for something (a task); 'kysyy, onko ...' / 'kysyy miksi' asks a question
_ASK_VERBS = words("kysyy kysyvät tiedustelee tiedustelevat")


_ASKS_FOR = regex(
    r"\s+(?!(?:onko|voiko|miksi|mitä|miten|kuka|ketkä|mikä|milloin|missä|mistä|paljonko|kuinka|jos|että)\b)"
    r"[a-zåäö]{3,}(?:\s+[a-zåäö]+)*\s*[.;]?\s*$"
)


# Promising or committing to do something (followed by the infinitive of what).
_PROMISE = words("lupasi lupautui sitoutui lupasivat lupautuivat sitoutuivat lupaa lupautuu sitoutuu")


_DELEGATION_STEMS = ("valtuut", "pyyd", "pyysi", "velvoit", "kehot", "ohjeist", "oikeut")  # the cue's words


_DELEGATION_CUE = regex(r"(?=[vpko])(?:valtuut|pyyd|pyysi|velvoit|kehot|ohjeist|oikeut)", re.I)


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
_BODIES = words(
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


_CASE_OWNER_CUE = regex(
    r"(?=[vtaosp])\b(?:vastuulla|vastaa|vastaavat|toimii|toimivat|annettiin|annetaan|osoitettiin|siirrettiin|siirretään"
    r"|pyydetään|pyydettiin)\b",
    re.I,
)


# stems every word of the cue holds: substring tests rule most clauses out before the case-blind scan
_CASE_OWNER_STEMS = ("vastuulla", "vastaa", "toimi", "annet", "osoitettiin", "siirret", "pyydet")


_RESP_ON = regex(rf"^\W*{_SUBJECT.pattern}\s+(?:vastuulla|vastuulle)\s+(?:on|ovat|jää|jäi)\b")


_ANSWERS_FOR = regex(
    r"^\W*[\wåäöÅÄÖ-]+(?:sta|stä)\s+(?:(?:\w+\s+){0,2}?)(?:vastaa|vastaavat|huolehtii|huolehtivat)\s+"
    rf"(?:myös\s+)?{_SUBJECT.pattern}\s*[.;]?\s*$"
)


_ACTS_AS = regex(
    r"\b(?i:yhteyshenkilönä|vastuuhenkilönä|vetäjänä|koordinaattorina|kokoonkutsujana|vastaavana)\s+"
    rf"(?:toimii|toimivat)\s+{_SUBJECT.pattern}"
)
# the same in the plain word order: 'Pekka vastaa tiedottamisesta' (answers for it: the elative, not
# 'vastaa kysymykseen'), 'Civis Hyvönen toimii yhteyshenkilönä'
_ANSWERS_FOR_SVO = regex(
    rf"^\W*{_SUBJECT.pattern}\s+(?:vastaa|vastaavat)\s+(?:[\wåäö-]+\s+){{0,2}}?[\wåäö-]+(?:sta|stä)\b"
)
_ACTS_AS_SVO = regex(
    rf"^\W*{_SUBJECT.pattern}\s+(?:toimii|toimivat)\s+(?:[\wåäö-]+\s+)?"
    r"(?:yhteyshenkilönä|vastuuhenkilönä|vetäjänä|koordinaattorina|kokoonkutsujana|vastaavana)\b"
)


_GIVEN_TO = regex(r"\b(?:annettiin|annetaan|osoitettiin|siirrettiin|siirretään)\b", re.I)


_HANDED_NOT_TASK = regex(
    r"\b(?:puheenvuoro\w*|sana|kiitos|kiitokset|lahja\w*|palkinto\w*|ansiomerk\w*|tunnustus\w*"
    r"|huomionosoitus\w*|stipendi\w*|vastuuvapaus|ero|nimenkirjoitusoikeus)\s+(?:annettiin|annetaan)\b",
    re.I,
)


_ASKED_OF = regex(r"\b(?:pyydetään|pyydettiin)\b", re.I)


def _case_owner_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """Finnish owners not in the nominative subject slot.

    'Maijan vastuulla on kahvitus', 'Tarjoilusta vastaa Ville Aho', 'yhteyshenkilönä toimii Ari',
    'Kartoitus annettiin Villelle', 'Mirjalta pyydetään lausunto'.
    """
    seg = text[a:b]
    if not may_hold(seg, _CASE_OWNER_STEMS) or not _CASE_OWNER_CUE.search(seg):
        return []
    for rx in (_RESP_ON, _ANSWERS_FOR, _ACTS_AS, _ANSWERS_FOR_SVO, _ACTS_AS_SVO):
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


_RESP_SUBJ = regex(rf"{_SUBJECT.pattern}\s+(?:on\s+|ovat\s+)?(?:pää)?vastuussa\b")


_RESP_GEN = regex(rf"\bon\s+{_SUBJECT.pattern}\s+vastuulla\b")


# 'Asia annettiin Ainon hoidettavaksi', 'jätettiin Pekan ja Liisan selvitettäväksi', 'X:n tehtäväksi'
_HANDED_TO = regex(rf"(?<!\w){_SUBJECT.pattern}\s+(?:\w+ttavaksi|\w+ttäväksi|tehtäväksi)\b")
_RESP_PERSON = regex(rf"\bvastuuhenkilö(?:nä|inä|t|ksi)?\s*(?:on|ovat|:)?\s*{_SUBJECT.pattern}")


def _responsibility_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'Maija ja Miro päävastuussa ...', 'vastuuhenkilönä X', 'Asia annettiin Ainon hoidettavaksi'."""
    seg = text[a:b]
    if "ttavaksi" in seg or "tehtäväksi" in seg:
        for handed in _HANDED_TO.finditer(seg):
            # the owner is in the genitive before the task's agent form; a participant, not a body
            names = _split_names(_past_adverb(seg, handed).group("subj"))
            # 'Jätettiin Pekan ja Liisan ...': a verb opening the sentence is capitalised, no name
            names = [n if owners.known(n) else n.split()[-1] for n in names]
            if names and all(owners.known(n) for n in names):
                return [_Hit(a, b, names, 0.75, "responsible")]
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


# work that goes on (its noun in the partitive right before 'jatketaan'): 'Erähovin tilanteen selvittelyä
# jatketaan', 'valmistelua jatketaan'; a meeting or a discussion going on is no work handed out
_WORK_GOES_ON = regex(r"\b(?!keskustelua\b)(?:[a-zåäö]*(?:ttelyä|ttelua|stelua|mistä|mista)|työtä)\s+$", re.I)


def _passive_word(seg: str, morphology: Morphology | None = None) -> re.Match[str] | None:
    """The first Finnish present-passive main verb of a clause (valmistellaan, haetaan, pidetään)."""
    low = seg.lower()
    if "aan" not in low and "ään" not in low:
        return None  # every passive ends so: most clauses are ruled out without the word-by-word pattern
    for m in _PASSIVE.finditer(seg):
        w = m.group(1).lower()
        if (w in _PASSIVE_STOP and not (w == "jatketaan" and _WORK_GOES_ON.search(seg[: m.start()]))) or (
            w.endswith(("staan", "stään", "ssaan", "ssään")) and w not in S_STEM_PASSIVES
        ):
            continue
        # second opinion: an analyser that knows the word and reads no passive in it vetoes the suffix rule
        if morphology is not None and morphology.is_passive_future(w) is False:
            continue
        if w.endswith(("llaan", "llään")) and not w.endswith(("ellaan", "ellään", "tullaan")):
            continue
        tail = _CLAUSE_PUNCT.split(seg[: m.start()])[-1]
        before = _WORD_TOKEN.findall(tail)
        if seg[m.start()].isupper() and seg[: m.start()].rstrip()[-1:].isalnum():
            continue  # '... Finnaan toimitettavaksi': a name in a case ending inside the clause, no verb
        if any(x.lower() in _RELATIVE for x in before):
            continue
        if before and before[-1].lower() == "ei":
            continue
        return m
    return None


# A passive that reports a document's content (first word in the inessive of a document noun) or
# names the account a cost is paid from: a description, not work the meeting hands out.
_CONTENT_OR_FUNDING = regex(
    r"^\W*[\wåäö]*(?:kirjee|kirjelmä|hakemukse|raporti|raportti|ohjee|suunnitelma|lausunno|sopimukse|tiedottee"
    r"|viesti|sähköposti|selvitykse|muistio|liittee|esitykse|kutsu|päätökse|pöytäkirja|asiakirja|ohjelma)"
    r"(?:ssa|ssä)\b"
    r"|\b(?:maksetaan|maksettiin|kustannetaan)\b[^.;]*?\b[\wåäö]*(?:tili|budjeti|budjetti|määrärahoi|määrära|varoi"
    r"|kassa|avustukse|rahasto)\w*(?:lta|ltä|sta|stä)\b",
    re.I,
)


_FOR_YEAR = regex(r"\b(?:vuodelle|vuosille|kaudelle|tilikaudelle|toimintavuodelle)\s+(?:19|20)\d\d\b", re.I)


_DAY_DATE = regex(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4})?(?!\d)")


# a past passive ('jaettiin', 'hyväksyttiin', 'sovittiin'): the meeting reports what it did
# ('myyntiin', 'postiin' are illatives: -ntiin and -stiin only in 'mentiin', 'pantiin', 'pestiin')
_FI_PAST_PASSIVE = regex(
    r"\b(?:[a-zåäö]{3,}(?<![ns])(?:ttiin|tiin)|[a-zåäö]+ttiin|mentiin|pantiin|pestiin)\b", re.I
)
# a habit, not a task: weekday plurals ('tiistaisin'), 'aina', 'yleensä', 'joka viikko'
_HABITUAL = regex(
    r"\b(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|arki|aamu|ilta|viikonlopu)isin\b"
    r"|\b(?:aina|yleensä|tavallisesti|säännöllisesti)\b|\bjoka\s+(?:viikko|kuukausi|päivä|vuosi)\b",
    re.I,
)


_FI_MUST = regex(
    r"\b(?:on|ovat)\s+[a-zåäö]+(?:ttava|ttävä|tava|tävä)\b|\b(?:tulee|täytyy)\s+[a-zåäö]+(?:aa|ää|da|dä|ta|tä)\b"
)
_NOT_UNTIL = regex(r"\s+vasta\b")
# what a meeting does as it meets, written in the present passive: 'Käydään läpi ...', 'Esitellään ...'
_MEETING_ACTIVITY = frozenset(
    {"käydään", "läpikäydään", "esitellään", "tarkastellaan", "kerrataan", "tutustutaan", "äänestetään"}
)
# a time set for the work (a day or hour, not any number; a weekday, a coming meeting or season), or someone
# to do it with
_WHEN_SET = regex(
    r"\d{1,2}\.\d{1,2}\b|\d{1,2}[:.]\d{2}\b|\bklo\b|\b(?:kanssa|seuraava\w*|ensi|tuleva\w*|myöhemmin|maanantai\w*|tiistai\w*|keskiviik\w*|torstai\w*"
    r"|perjantai\w*|lauantai\w*|sunnuntai\w*|syksyllä|keväällä|kesällä|talvella|viikolla|kuussa)\b",
    re.I,
)


# a condition opening the sentence, then the passive: what is done whenever it holds, no task set now
_ON_CONDITION = regex(r"\s*(?:[-*•]\s*)?(?i:jos|mikäli)\b[^,.;]{3,160},\s*$")


def _passive_hits(text: str, a: int, b: int, lang: str, morphology: Morphology | None = None) -> list[_Hit]:
    """Finnish passive future ('Toiminnan tueksi perustetaan valmisteluryhmä') as an ownerless task."""
    if lang != "fi":
        return []
    seg = text[a:b]
    m = _passive_word(seg, morphology)
    if not m:
        # 'Lihat on noudettava vuoden loppuun mennessä', 'Hakemukset tulee toimittaa 20.3. mennessä': what
        # must be done by a day (without one, a rule or an instruction)
        must = _FI_MUST.search(seg)
        return [_Hit(a, b, [], 0.6, "fi-passive")] if must and _DEADLINE_CUE.search(seg) else []
    w = m.group(1).lower()
    if _GENERIC.search(seg):
        return []
    if _ON_CONDITION.match(seg[: m.start()]):
        return []  # 'Jos maksavat jäsenmaksun syyskuussa, otetaan takaisin jäseneksi': a standing rule
    if m.end() >= len(seg.rstrip(" .;:")) and len(_WORD_TOKEN.findall(seg)) <= 2:
        return []  # 'Käydään', 'Sisäpostissa lähetetään': a cut line, nothing to do is named
    past = _FI_PAST_PASSIVE.search(seg, 0, m.start())
    if past and "että" not in seg[past.end() : m.start()]:
        return []  # 'Kertomus jaettiin luettavaksi ...': what was done at the meeting, then its details
    # ('Asia siirretään seuraavaan kokoukseen': a postponement, as a meeting's date is set)
    if w.startswith(
        ("pidet", "järjestet", "kutsut", "pidett", "aloitet", "avat", "lopetet", "päätet", "siirret")
    ) and (
        _MEETING_WORDS.search(seg)
        or _CLOCK_TIME.search(seg)
        or (w.startswith("pide") and _DAY_DATE.search(seg))
    ):
        return []  # a meeting or event being scheduled, not a task
    if _DECISION_WORD.search(seg):
        return []
    if _NOT_UNTIL.search(seg, m.end()):
        return []  # '... julkaistaan vasta lokakuussa': when a thing will come about, no work handed out
    if w in _MEETING_ACTIVITY and not _WHEN_SET.search(seg):
        # 'Käydään läpi talousraportti': what the meeting does; 'torstaina käydään läpi', '... kanssa käydään
        # läpi' (with someone, elsewhere) is work set
        return []
    if w.startswith(("kokoonnu", "kokoontu")) or _HABITUAL.search(seg):
        return []  # 'Tiistaisin kokoonnutaan jumppaan': a gathering or a habit, not work handed out
    if _CONTENT_OR_FUNDING.search(seg):
        return []  # what a letter says ('Kirjeessä pyydetään ...') or where money comes from ('tililtä')
    if _FOR_YEAR.search(seg) and not _DEADLINE_CUE.search(seg):
        return []  # 'Avustusta haetaan myös vuodelle 2027': the year's plan, no task with a time
    if w in _VERDICT or _STANDING.search(seg):
        return []  # the decision itself settles it ('Jäsenmaksu pidetään ennallaan', 'Vuokrataan leiri ...')
    if re.search(
        r"\b(?:esittää|esitti|ehdottaa|ehdotti|totesi|kertoi|toivoo|toivoi|\w*ehdotus|\w*ehdotuksen)\b[^.]*\bettä\b",
        seg,
        re.I,
    ):
        return []  # what someone proposes or reports, not what the meeting set to do
    return [_Hit(a, b, [], 0.6, "fi-passive")]


# participles of a state, not of work someone does: 'as much time as will be needed'
_STATIVE_PP = words(
    "needed required appreciated welcomed interested involved affected based expected pleased"
)


def _english_passive_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'this bug will be fixed' as an ownerless task (not meetings being held)."""
    seg = text[a:b]
    if "be" not in seg:
        return []
    m = _EN_WILL_BE.search(seg) if "will" in seg else None
    # 'The template should be done by Sanjay': other modals hand work out only with a doer named
    assigned_only = m is None
    m = m or _EN_MODAL_BE.search(seg)
    if not m or not _PP.match(m.group(1)) or m.group(1) in _STATIVE_PP:
        return []
    agent = _EN_AGENT.match(seg, m.end())
    if assigned_only and (bracket := _CLOSING_NAME.search(seg, m.end())) and owners.known(bracket["who"]):
        return [_Hit(a, b, [bracket["who"]], 0.65, "en-passive")]  # '... need to be made (Dan).'
    if assigned_only and (agent is None or not owners.known(agent.group("who"))):
        return []  # 'It must be approved by Council': a condition, not work handed to someone
    if agent:
        # 'The final report will be presented by Mike to the AGM': the agent does it; a meeting word
        # after the verb is where it happens, one before it is a meeting being held
        if _MEETING_WORDS.search(seg, 0, m.start()):
            return []
        return [_Hit(a, b, [agent.group("who")], 0.65, "en-passive")]
    if _MEETING_WORDS.search(seg):
        return []
    return [_Hit(a, b, [], 0.55, "en-passive")]


_CLOSING_NAME = regex(r"\(\s*(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*\)\s*[.;]?\s*$")
_EN_MODAL_BE = regex(r"\b(?:should|must|shall|has\s+to|have\s+to|needs?\s+to)\s+be\s+(\w+)")
_EN_AGENT = regex(
    r"(?:\s+(?:up|out|off|back|over|through|forward))?\s+by\s+(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\b"
)


_WE = CaseBlind(regex(r"(?=w)\bwe\s+(?:will|need to|must|have to|are going to|'ll|’ll)\s+(\w+)", re.I))


# the group's own commitment in Finnish and Swedish: 'tarkistamme vielä CI-putken', 'lähetämme kutsun',
# 'lupasimme toteuttaa tämän', 'Vi fixar routes': a present first person plural opening the clause
_FI_WE = regex(r"^[\s\-*•>]*(?:me\s+)?(?P<v>[a-zåäöA-ZÅÄÖ][a-zåäö]{2,}(?<![iy])mme)\b")
_FI_WE_PROMISE = regex(r"^[\s\-*•>]*(?i:lupasimme|sovimme|päätimme)\s+[a-zåäö]+(?:a|ä|da|dä|ta|tä)\b")
_FI_WE_NOT = words(
    """olemme voimme emme haluamme toivomme saamme tiedämme näemme kiitämme totesimme pystymme
    tarvitsemme jaksamme uskomme luulemme muistamme ymmärrämme joudumme mietimme pohdimme"""
)
_SV_WE = regex(r"^[\s\-*•>]*[Vv]i\s+(?P<v>[a-zåäö]+)\b")


def _we_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'we need to open an issue' - the group's own commitment, no named owner."""
    seg = text[a:b]
    fi = _FI_WE.match(seg)
    if (fi and fi.group("v").lower() not in _FI_WE_NOT) or _FI_WE_PROMISE.match(seg):
        return [_Hit(a, b, [], 0.55, "we")]
    sv = _SV_WE.match(seg) if "i " in seg[:12] else None
    if sv and sv.group("v") in SV_TASK_VERBS:
        return [_Hit(a, b, [], 0.55, "we")]
    m = _WE.search(seg)
    if not m or m.group(1).lower() in {"be", "have", "see", "wait"}:
        return []
    # 'we need to open an issue' names work; 'we will need ...', 'we will vote' is a remark: below the floor
    return [_Hit(a + m.start(), b, [], 0.55 if m.group(1).lower() in _EN_TASK_VERBS else 0.45, "we")]


_FI_REMIT = regex(r"\b(?:jonka|joiden|sen|ryhmän)\s+tehtävänä\s+on\s+([a-zåäö]+)")


def _goal_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'Tavoitteena (on) lähettää kutsut viikon 32 loppuun mennessä', '(on) tarkoitus ottaa yhteys'."""
    seg = text[a:b]
    if (
        "tehtävänä" in seg
        and (remit := _FI_REMIT.search(seg))
        and _FI_A_INFINITIVE_END.search(remit.group(1))
    ):
        # 'Hallitus perusti ryhmän, jonka tehtävänä on selvittää ...': the group's remit is work set
        return [_Hit(a + remit.start(1), b, [], 0.6, "goal")]
    if "avoitteena" not in seg and "tarkoitus" not in seg:
        return []
    m = _FI_GOAL_LEAD.match(seg)
    if m and _FI_A_INFINITIVE_END.search(m.group(1)) and not m.group(1).endswith(("minen", "nen")):
        return [_Hit(a + m.start(), b, [], 0.6, "goal")]
    m = _FI_INTENTION.search(seg)
    if m and not _FI_NO_INTENTION.search(seg):
        return [_Hit(a + m.start(), b, [], 0.5, "goal")]
    return []


_DEADLINE = regex(r"(?=[dmtv])\b(?:deadline|due date|määräaika|takaraja|viimeistään)\b", re.I)


def _deadline_hits(text: str, a: int, b: int) -> list[_Hit]:
    """'Deadline for feedback is by 19 May' / 'määräaika on 5.6.' - a dated obligation."""
    seg = text[a:b]
    if _DEADLINE.search(seg) and not _EVENT_ENDS.search(seg):
        return [_Hit(a, b, [], 0.6, "deadline")]
    return []


# an event's own hours, not work due: 'Tilaisuus päättyy viimeistään klo 21', 'The party ends by 11 pm'
_EVENT_ENDS = regex(r"(?i:\b(?:päättyy|loppuu|alkaa|ends|finishes|starts|begins|slutar|börjar|avslutas)\b)")


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


# 'The committee agreed that Mike put his proposal to the AGM': after a resolution, a named doer and a
# task verb in its base form (the English subjunctive) is the work handed to them
_AGREED_THAT_DOER = regex(
    rf"\b(?:agreed|resolved|decided|recommended|requested|asked|proposed)\s+that\s+{_SUBJECT.pattern}"
    r"\s+(?P<verb>[a-z]+)\b"
)
_SUBJUNCTIVE_VERBS = _EN_TASK_VERBS | words("put present take bring contact make give obtain seek invite")


def _agreed_that_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """'agreed that Mike put his proposal to the AGM': the named participant does it."""
    if " that " not in text[a:b]:
        return []
    m = _AGREED_THAT_DOER.search(text, a, b)
    if m is None or m.group("verb") not in _SUBJUNCTIVE_VERBS:
        return []
    names = _split_names(m.group("subj"))
    if not names or not all(owners.known(n) for n in names):
        return []
    return [_Hit(m.start("subj"), b, names, 0.7, "en-subject")]


# 'Khio, Eric Huss volunteered.', 'Carol volunteering - ...': people taking on the work under discussion
_VOLUNTEERED = regex(
    rf"\W*{_SUBJECT.pattern}\s+(?:(?:has|have)\s+)?(?:volunteered|volunteers|volunteering|anmälde\s+sig"
    rf"|lupautui|lupautuivat)\b"
)


_VOLUNTEER_WORDS = ("volunt", "lupautu", "anmälde")


def _volunteer_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """Participants who volunteer: their names are the owners (known people or given names only)."""
    if not may_hold(text[a:b], _VOLUNTEER_WORDS):
        return []
    m = _VOLUNTEERED.match(text, a, b)
    if m is None:
        return []
    names = _split_names(m.group("subj"))
    if not names or not all(owners.known(n) or is_given_name(n.split()[0]) for n in names):
        return []
    return [_Hit(a + (m.start("subj") - a), b, names, 0.75, "volunteer")]


@dataclass(frozen=True)
class Rule:
    """One task form: its name (the item's `rule`), languages, base confidence and what it finds."""

    name: str
    languages: frozenset[str]  # empty: every language
    base: float  # the confidence of a plain hit; evidence in the text moves it (see the detector)
    detect: Callable[[str, int, int, _Env], list[_Hit]]
    on_proposal: bool = True  # whether it runs in an agenda proposal ('Esitys: ...')

    @property
    def ownerless(self) -> bool:
        """Whether its hits never name a doer (passives, deadlines, 'we'), from the rule names they carry."""
        return self.name in _OWNERLESS_RULES or self.name == "en-to-be-done"  # its hits are 'en-passive'


@dataclass(frozen=True)
class _Env:
    """What a clause detector may consult besides the text."""

    roster: Roster
    owners: _Owners
    lang: str


_GROUP_WORDS = (*GROUP_NOUNS, "force")  # the pre-test of the pattern below
_NAMED = r"[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)?"
# 'en arbetsgrupp med Carin, Åke och Patrik arbetar vidare', 'a working group of Ann and Bo will ...',
# 'työryhmä (Aino, Eero) valmistelee': a group formed of named people, then what it does
_GROUP_WITH_MEMBERS = regex(
    r"(?i:arbetsgrupp|grupp|kommitté|working\s+group|group|task\s+force|sub-?committee|työryhmä|ryhmä"
    r"|toimikunta)(?:en|et)?\s*(?:\(\s*|(?i:med|with|of|consisting\s+of|bestående\s+av)\s+)"
    rf"(?P<names>{_NAMED}(?:(?:\s*,\s*|\s+(?:och|and|ja|sekä)\s+){_NAMED})+)\s*\)?\s*,?\s+"
    r"(?:(?:joka|som|which|who|that)\s+)?(?P<verb>[a-zåäö]+)\b"
)
_GROUP_MODALS = words("will shall to should ska skall kommer are")
_FINITE_PLURAL = regex(r"(?:ar|er|vat|vät)$")


def _group_members_hits(text: str, a: int, b: int, owners: _Owners) -> list[_Hit]:
    """A group of named people and what it is to do: its members own the task."""
    seg = text[a:b]
    # the members are named in brackets or after 'med', 'with', 'of': most clauses have neither
    if (
        "(" not in seg
        and " med " not in seg
        and " with " not in seg
        and " of " not in seg
        and " av " not in seg
    ):
        return []
    if not may_hold(seg, _GROUP_WORDS):
        return []
    m = _GROUP_WITH_MEMBERS.search(seg)
    if m is None:
        return []
    verb = m.group("verb")
    if verb not in _GROUP_MODALS and not _FINITE_PLURAL.search(verb) and not _fi_3sg(verb):
        return []
    names = _split_names(m.group("names"))
    if not all(owners.known(n) or is_given_name(n.split()[0]) for n in names):
        return []
    return [_Hit(a, b, names, 0.7, "group-members")]


_ALL: frozenset[str] = frozenset()
_SV = frozenset({"sv"})
_EN = frozenset({"en"})
# strongest first: for each clause the first rule that finds something wins
RULES: tuple[Rule, ...] = (
    Rule("sv-delegation", _SV, 0.75, lambda t, a, b, e: swedish_delegation_hits(t, a, b)),
    Rule("sv-subject", _SV, 0.75, lambda t, a, b, e: swedish_subject_hits(t, a, b, e.owners)),
    Rule("delegation", _ALL, 0.75, lambda t, a, b, e: _delegation_hits(t, a, b, e.roster)),
    Rule("assignment", _ALL, 0.75, lambda t, a, b, e: _assignment_hits(t, a, b, e.roster)),
    Rule("responsible", _ALL, 0.8, lambda t, a, b, e: _responsibility_hits(t, a, b, e.owners)),
    Rule("case-owner", _ALL, 0.75, lambda t, a, b, e: _case_owner_hits(t, a, b, e.owners)),
    Rule("group-members", _ALL, 0.7, lambda t, a, b, e: _group_members_hits(t, a, b, e.owners)),
    Rule("goal", _ALL, 0.6, lambda t, a, b, e: _goal_hits(t, a, b)),
    Rule("fi-subject", _ALL, 0.8, lambda t, a, b, e: _finnish_subject_hits(t, a, b, e.owners), False),
    Rule("handle-subject", _ALL, 0.75, lambda t, a, b, e: _handle_subject_hits(t, a, b, e.owners)),
    Rule("role-subject", _ALL, 0.7, lambda t, a, b, e: _role_subject_hits(t, a, b, e.owners)),
    Rule("bare-role", _EN, 0.7, lambda t, a, b, e: _bare_role_hits(t, a, b)),
    Rule("en-subject", _ALL, 0.75, lambda t, a, b, e: _english_subject_hits(t, a, b, e.owners)),
    Rule("volunteer", _ALL, 0.75, lambda t, a, b, e: _volunteer_hits(t, a, b, e.owners)),
    Rule("en-agreed-that", _EN, 0.7, lambda t, a, b, e: _agreed_that_hits(t, a, b, e.owners)),
    Rule("deadline", _ALL, 0.6, lambda t, a, b, e: _deadline_hits(t, a, b)),
    Rule("sv-passive", _SV, 0.6, lambda t, a, b, e: swedish_passive_hits(t, a, b)),
    Rule(
        "fi-passive",
        _ALL,
        0.6,
        lambda t, a, b, e: _passive_hits(t, a, b, e.lang, e.roster.morphology),
        False,
    ),
    Rule("en-passive", _ALL, 0.55, lambda t, a, b, e: _english_passive_hits(t, a, b, e.owners)),
    Rule("en-to-be-done", _EN, 0.6, lambda t, a, b, e: _to_be_done_hits(t, a, b)),
    Rule("we", _ALL, 0.55, lambda t, a, b, e: _we_hits(t, a, b)),
)
_RULES_BY_LANG: dict[tuple[str, bool, bool], tuple[Rule, ...]] = {}


def _rules_for(lang: str, proposal: bool, named_only: bool) -> tuple[Rule, ...]:
    """The table's rules that apply to a language (and to a proposal), computed once per case.

    `named_only`: the caller keeps only hits that name a doer, so the ownerless rules at the table's
    end are left out (an ownerless rule before a naming one stays: its hit still shadows the later rule).
    """
    key = (lang, proposal, named_only)
    found = _RULES_BY_LANG.get(key)
    if found is None:
        rules = [
            r for r in RULES if (not r.languages or lang in r.languages) and (r.on_proposal or not proposal)
        ]
        while named_only and rules and rules[-1].ownerless:
            rules.pop()
        found = _RULES_BY_LANG[key] = tuple(rules)
    return found


def _clause_hits(
    masked: str,
    ca: int,
    cb: int,
    roster: Roster,
    owners: _Owners,
    proposal: bool,
    lang: str,
    named_only: bool = False,
) -> list[_Hit]:
    """The first rule of the table that finds a task in the clause text[ca:cb], strongest first."""
    env = _Env(roster, owners, lang)
    for rule in _rules_for(lang, proposal, named_only):
        hits = rule.detect(masked, ca, cb, env)
        if hits:
            return hits
    return []


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


_CLAUSE_JOIN = regex(
    r"(?:,\s*(?:sekä|ja|and|och)\s+|;\s+|\s+(?:ja|sekä|and|och|samt)\s+)(?=([\wåäöÅÄÖ@]+)\b)"
)


_LOWER_WORD = regex(r"(?<![\w@])[a-zåäö]{3,}")


_SECOND_OWNER = regex(
    # (or an office, as Swedish names it in lower case: '... och sekreteraren utarbetar årsredovisningen')
    r"(?:(?-i:[A-ZÅÄÖ][a-zåäö'’-]+)(?:\s+(?-i:[A-ZÅÄÖ][a-zåäö'’-]+))?"
    rf"|{SV_OFFICE_DEFINITE})\s+"
    r"(?:(?P<modal>will|to|is\s+to)\s+[a-z]|(?P<verb>[a-zåäö]{3,})\b)"
)


_PRONOUN_OBJECTS = frozenset(
    {"hänen", "niiden", "heidän", "tämän", "tuon", "sitten", "siten", "joten", "ennen"}
)


_PURPOSE = regex(r"(?:see|check|find\s+out|ask)\s+(?:if|whether)\b", re.I)


_JOINT_SUBJECT_START = regex(r"(?:^|[:;,.]\s+)[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+)?\s*$")


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
            # '...varten: Anni ja Riitta laativat': a name opening its clause is the first of a joint subject
            and not _JOINT_SUBJECT_START.search(seg, cuts[-1], m.start())
            and (
                second.group("modal")
                or _task_verb(second.group("verb"))
                or _fi_3sg(second.group("verb"))
                or second.group("verb") in SV_TASK_VERBS
            )
            # '... to speak to Phil and Libby to see if they would ...': a purpose, not Libby's task
            and not _PURPOSE.match(seg, second.end() - 1)
        ):
            # 'Ari hoitaa kuljetuksen ja Eeva varaa salin': a second owner with a task of their own
            cuts.append(m.start())
            continue
        if "and" in m.group() or "och" in m.group() or "samt" in m.group():
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


# MeetBot's `Action items, by person` too: its bullets are people, each over their own tasks
_ACTION_HEADING = regex(
    rf"\s*(?:#+\s*|[-*•]\s+)?(?:{ACTION_HEADINGS}|Action items, by person)(?:{TIME_BOX})?\s*:?\s*", re.I
)


# 'From: Rita Moss <rita@example.org>': the writer of an email, who says 'I' in its body
_FROM_LINE = regex(
    r"(?m)^From:[ \t]*\"?([A-ZÅÄÖ][\w'’-]+(?:[ \t]+[A-ZÅÄÖ][\w'’-]+)+)\"?[ \t]*(?:<[^>\n]*>)?[ \t]*$"
)


# 'I'll ask ...', 'Minä tilaan ...', 'Teen ...': the writer's own promise, first in the sentence
_FIRST_PERSON = regex(
    r"\s*(?:[-*•]\s*)?(?:I(?:'ll|’ll| will)\s+(?P<en>[a-z][\w-]*)"
    # a Swedish report drops its subject: 'Ska kolla upp ...', 'Jag ska skicka ...' (the speaker's)
    r"|(?:Jag\s+(?:ska|skall)|Ska|Skall)\s+(?:(?:också|även|tillsammans\s+med\s+\w+)\s+)?(?P<sv>[a-zåäö]{2,})\b"
    r"|(?:(?:Minä|Mä)\s+)?(?P<fi>[A-ZÅÄÖa-zåäö][a-zåäö]+n)\b)"
)


# 'She's going to call ...', 'They will send ...': a pronoun standing for the subject just before
_LEAD_OFFICE = regex(r"\s*(?:[Tt]he\s+)?([A-Z][a-z]+)\s+(?:will|would|to|agreed|is\s+to)\b")
_PRONOUN_TASK = regex(
    r"\s*(?P<pron>She|He|They)(?:'ll|’ll| will| would| is going to|'s going to|’s going to| are going to"
    r"|'re going to|’re going to| agreed to| offered to| volunteered to| promised to| undertook to)"
    r"\s+(?P<verb>[a-z][\w-]*)"
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
    elif m.group("sv"):
        if m.group("sv") in {"vara", "ha", "finnas", "bli"}:
            return None  # 'Ska vara klart ...': a state, not something the speaker does
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
    office = _LEAD_OFFICE.match(text, prev.start, prev.end) if m.group("pron") != "They" else None
    if (
        office is not None
        and office.group(1).lower() in _OFFICES
        and (holder := owners.role_holder(office.group(1)))
    ):
        # 'The Secretary would post notices. He would print the papers.': the office's holder
        return _Hit(s.start, s.end, [holder], 0.7, "pronoun")
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
