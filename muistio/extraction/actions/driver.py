"""Driver: walk the sections, run the detectors, attach owners and due dates, merge and emit items."""

from __future__ import annotations

import itertools
import re
from datetime import date

from muistio.contract import ActionEntry, Due
from muistio.extraction.actions.common import (
    _AGREED,
    _ANNOUNCE_TITLE,
    _BULLET_LEAD,
    _DEADLINE_LEAD,
    _DONE_BOX,
    _DONE_MARK,
    _EN_I_WILL,
    _EXPLICIT,
    _FI_VERB_STOP,
    _FIRST_LOWER_WORD,
    _LABEL,
    _LEAD_SUBJECT,
    _MEETBOT_NICK_TASK,
    _NAME_WITH_HANDLE,
    _NAMED_SUBJECT,
    _NEXT_MEETING_LINE,
    _NON_WORD_RUN,
    _NOT_A_SPEAKER,
    _OPTIONAL_LIST_MARKER,
    _OWNER_HINTS,
    _OWNER_LABEL,
    _OWNERLESS_RULES,
    _PREAMBLE_END,
    _REPORTED_THAT,
    _REPORTING,
    _SUBJECT,
    _TRAILING_PAREN_NOTE,
    _YEAR,
    DONE_ONLY,
    EVERYONE,
    _clean,
    _fi_3sg,
    _Item,
    _mask_struck,
    _may_be_done,
    _name_like,
    _owner_label,
    _split_names,
    _task_verb,
    _trim,
    _turn,
    _unbold_labels,
    _unmark,
)
from muistio.extraction.actions.detectors import (
    _ACTION_HEADING,
    _EN_IMPERATIVE,
    _RESOLVED_LEAD,
    _at_names,
    _clause_hits,
    _clauses,
    _dash_owner_hits,
    _decision_imperative_hits,
    _email_writer,
    _first_person_hit,
    _initials_of,
    _owner_line_hit,
    _presenters,
    _pronoun_hit,
    _resolution_clause_hits,
    _task_dash_owner_hit,
    _we_hits,
)
from muistio.extraction.actions.due import (
    _DEADLINE_CUE,
    _LABEL_LEAD,
    _MONTHS_EN,
    _MONTHS_FI,
    _SCHEDULE_TAIL,
    _TIMED,
    _about_same_task,
    _adjacent,
    _due,
    _following,
    _parent_bullet,
    _previous,
    event_before_due,
)
from muistio.extraction.actions.owners import (
    _Hit,
    _Owners,
)
from muistio.extraction.actions.swedish import SV_TASK_VERBS
from muistio.extraction.actions.tables import merge_table_repeats, table_items
from muistio.extraction.parts import BLANK_LINE, ExtractionContext, Section
from muistio.extraction.sentences import IRC_PREFIX, Sentence, sentences
from muistio.extraction.vocabulary import (
    FILLER_TITLES,
    GROUP_NOUNS,
    MEETING_EN,
    MEETING_FI,
    MEETING_SV,
    words,
)
from muistio.morphology import Morphology
from muistio.names import Roster, fold, is_given_name
from muistio.patterns import regex

# A table cell that opens with a doer and a modal: `... | Hwang to share the inventory`
_CELL_TASK = regex(rf" \| (?={_SUBJECT.pattern}\s+(?:to|will|shall|ska|kommer|(?:was\s+)?tasked\s+with)\s)")


# An item's own reference before its owner: `A8 GW to ask ...`, `20-4A6 PH to provide ...`, `#12 Kate
# will ...`: a code with a digit and a letter (not a date, not `1st`), then a capitalised subject.
_FILLER_HEADING = regex(rf"#{{1,6}}[ \t]*{FILLER_TITLES}\W*", re.I)
_ITEM_REF = regex(
    r"[ \t]*(?:[-*•+][ \t]*)?(?!\d+(?:st|nd|rd|th)\b)"
    r"(?:#\d[\w/.-]{0,12}|(?=[\w/.-]{0,14}\d)(?=[\w/.-]{0,14}[A-Za-z])[\w/.-]{2,15})[.):]?[ \t]+"
    r"(?=[A-ZÅÄÖ@])"
    # a long register code glued to the marker: `ACT-OWIS-TC-2016-58:Action: PR - ...`
    r"|[ \t]*(?:[-*•+][ \t]*|\d{1,3}[.)][ \t]+)?"
    r"(?=[\w/.-]{0,30}\d)(?=[\w/.-]{0,30}[A-Za-z])[\w/.-]{6,30}:[ \t]*(?=[A-ZÅÄÖ])"
)


def _without_item_refs(masked: str, sents: list[Sentence]) -> list[Sentence]:
    """Each block's first sentence without a leading item reference, which is no part of the task."""
    out: list[Sentence] = []
    prev_block = -1
    for s in sents:
        first = s.block.index != prev_block
        prev_block = s.block.index
        ref = _ITEM_REF.match(masked, s.start, s.end) if first else None
        out.append(Sentence(ref.end(), s.end, s.block) if ref and ref.end() < s.end else s)
    return out


_MARKER_AFTER_TOPIC = regex(r"(?<=\w: )(?=(?:TODO|ACTIONS?|AP)\s*[:\-–—]\s)")


def _split_at_markers(masked: str, sents: list[Sentence]) -> list[Sentence]:
    """A line that opens with a marker ('action item: ...') starts a new sentence, whatever its case;
    so does a table cell that opens with a doer and a modal (`| Ann to send ...`)."""
    out: list[Sentence] = []
    for s in sents:
        start = s.start
        cells = masked.find(" | ", s.start, s.end) >= 0
        cuts = [m.start() for m in _CELL_TASK.finditer(masked, s.start, s.end)] if cells else []
        seg = masked[s.start : s.end]
        if ": " in seg and ("TODO" in seg or "ACTION" in seg or "AP" in seg):
            # 'Clubs day: TODO: find out ...': a topic, then the marker that opens the task
            cuts += [m.start() - 1 for m in _MARKER_AFTER_TOPIC.finditer(masked, s.start, s.end)]
        nl = masked.find("\n", start, s.end)
        while nl != -1:
            if _EXPLICIT.match(masked[nl + 1 : s.end]) and masked[start:nl].strip():
                cuts.append(nl)
            nl = masked.find("\n", nl + 1, s.end)
        for cut in sorted(cuts):
            if masked[start:cut].strip():
                out.append(Sentence(start, cut, s.block))
                start = cut + (3 if masked.startswith(" | ", cut) else 1)
        out.append(s if start == s.start else Sentence(start, s.end, s.block))
    return out


# Up to four people joined by commas or 'and' ('Pekka', 'Sari K. ja Liisa', 'Ann + Bo'): a task's owners
_OWNER_NAME = r"[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]*\.?)?"
_OWNER_NAMES = rf"(?P<who>{_OWNER_NAME}(?:\s*(?:,|&|\+|\bja\b|\band\b|\boch\b)\s*{_OWNER_NAME}){{0,3}})"
# 'Mainokset: Pekka 20.3.': a topic, then after the colon only its doers (and perhaps a day)
_TOPIC_THEN_OWNERS = regex(
    rf"(?P<task>[^:\n]{{2,80}}?)\s*:\s*{_OWNER_NAMES}"
    r"(?:\s*,?\s*\d{1,2}\.\s*\d{1,2}\.(?:\d{2,4})?|\s*,?\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?)?\s*[.;]?\s*"
)
# 'Book the hall for May - Carol': the task, then after a dash or a slash only its doers
_TRAILING_OWNERS = regex(rf"\s+(?:[-–—/]|->|=>|→)\s+{_OWNER_NAMES}\s*[.;]?\s*$")  # '... -> Cy' too
# '[Lee] Write up a draft plan', '[Mike, Ivan] Alpha version': owners in brackets before the task
_TAGGED_OWNERS = regex(rf"\s*\[(?={_SUBJECT.pattern}\])(?P<tag>[^\]\[\n]{{2,60}})\]\s+\S")


def _explicit_hit(
    ctx: ExtractionContext,
    masked: str,
    s: Sentence,
    seg: str,
    explicit: re.Match[str] | None,
    owners: _Owners,
) -> _Hit:
    """A marked task ('ACTION: Ben — submit ...', '#action nick to ...', a bullet under 'Actions:')."""
    lead_m = explicit or _OPTIONAL_LIST_MARKER.match(seg)
    start = s.start + (lead_m.end() if lead_m else 0)
    rest = masked[start : s.end]
    who: list[str] = []
    lead = _LEAD_SUBJECT.match(rest)
    nick = _MEETBOT_NICK_TASK.match(rest)
    # 'ACTION: Ben — submit ...', 'TODO Olga: open a PR': the owner, then a dash or a colon
    named = _NAMED_SUBJECT.match(rest)
    named_who = _split_names(named.group("subj")) if named else []
    tagged = _TAGGED_OWNERS.match(rest)
    tagged_who = _split_names(tagged.group("subj")) if tagged else []
    topic = _TOPIC_THEN_OWNERS.fullmatch(rest)
    topic_who = _split_names(topic.group("who")) if topic else []
    if explicit and explicit.group("paren"):
        who = _split_names(explicit.group("paren"))
    elif (
        topic
        and topic_who
        and all(owners.known(n) for n in topic_who)
        and not owners.known(topic.group("task"))
    ):
        # 'Mainokset: Pekka 20.3.', 'Posters: Bob': the task named, then after the colon only its doers
        return _Hit(start, s.end, topic_who, 0.9, "explicit", _clean(topic.group("task")))
    elif tagged_who and all(owners.known(n) or _name_like(n) for n in tagged_who):
        who = tagged_who  # '[Mike, Ivan] Alpha version of ...': the owners tagged before the task
    elif named_who and all(owners.known(n) or _name_like(n) for n in named_who):
        who = named_who
    elif nick and not lead:
        who = [nick.group(1)]  # MeetBot style: '#action nick to do X'
    elif lead:
        subj = lead.group("subj")  # the explicit line's leading owner
        nxt = rest[lead.end() :].split()
        verbish = (
            bool(nxt)
            and (
                nxt[0][:1].isupper()
                or nxt[0]
                in {"to", "will", "should", "ska", "skall", "shall", "can", "could", "might", "must"}
                or _fi_3sg(nxt[0])
                # 'TODO: Jeremiah tells the date ...': an English verb in the third person
                or (
                    ctx.language == "en"
                    and len(nxt[0]) > 3
                    and nxt[0].endswith("s")
                    and nxt[0].isalpha()
                    and nxt[0].islower()
                )
                or (ctx.language == "sv" and nxt[0] in SV_TASK_VERBS)
                # 'AP: Anna review the budget': a participant, then what to do
                or (nxt[0] in _EN_IMPERATIVE and owners.known(subj.split()[0]))
            )
            and (subj.startswith("@") or owners.known(subj.split()[0]) or nxt[0] in {"to", "will"})
        )
        if verbish or subj.startswith("@"):
            who = _split_names(subj) if not subj.startswith("@") else _at_names(subj, owners)
    if not who and (tail := _TRAILING_OWNERS.search(rest)) and tail.start() >= 3:
        # 'Book the hall for May - Carol', 'Köpa kaffe – Johan', 'Kahvitarjoilu / Liisa': the task, then
        # after a dash or a slash only the people who do it (participants or known given names)
        names = _split_names(tail.group("who"))
        if names and all(owners.known(n) or is_given_name(n.split()[0]) for n in names):
            return _Hit(start, s.end, names, 0.9, "explicit", _clean(rest[: tail.start()]))
    return _Hit(start, s.end, who, 0.9, "explicit")


def _bracket_and_parent_owners(
    masked: str, s: Sentence, seg: str, hits: list[_Hit], parent_owner: list[str], owners: _Owners
) -> list[_Hit]:
    """Owners from a closing bracket ('Fix the bug (Anna)') or from the person a list is nested under."""
    if not parent_owner and seg.rstrip(" .;").endswith(")"):
        paren_who, effort = _paren_owner(seg, owners)
        if paren_who and effort and hits and all(h.a > s.start + seg.rfind("(") for h in hits):
            hits = []  # '... haetaan Y-tunnus (Tane hoitaa)': what was read is the bracket itself
        if paren_who and not hits and (effort or _task_start(seg)):
            lead_b = _BULLET_LEAD.match(seg)
            conf = 0.75 if effort and _task_start(seg) else 0.7
            start_b = s.start + (lead_b.end() if lead_b else 0)
            task_b = masked.rfind("(", start_b, s.end)
            hits = [_Hit(start_b, s.end, paren_who, conf, "paren-owner", masked[start_b:task_b])]
        elif paren_who:
            for h in hits:
                if not h.owners or effort:  # '(Lauri ~1h)' names the doer, whatever was read before it
                    h.owners = list(paren_who)
                    cut = masked.rfind("(", h.a, h.b)
                    h.text = h.text or (masked[h.a : cut] if cut > h.a else None)
    if parent_owner:
        if not hits and _task_start(seg):
            lead_b = _BULLET_LEAD.match(seg)
            hits = [_Hit(s.start + (lead_b.end() if lead_b else 0), s.end, [], 0.75, "nested-owner")]
        for h in hits:
            if not h.owners:
                h.owners = list(parent_owner)
    return hits


def _owner_label_hits(
    text: str,
    masked: str,
    sec: Section,
    psec: Section,
    sents: list[Sentence],
    s: Sentence,
    seg: str,
    hits: list[_Hit],
    items: list[_Item],
    owners: _Owners,
    recent_full: list[str],
) -> list[_Hit]:
    """'Vastuu: Mikko', 'Owner: Kate, deadline 7 March': name the task before it, or be the task."""
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
        # a sibling bullet does not take over a task whose sentence named its own doer
        sibling_owned = (
            last is not None
            and bool(last.owners)
            and last.sentence is not None
            and s.block.bullet
            and last.sentence.block.bullet
            and last.sentence.block.index != s.block.index
            and s.block.indent <= last.sentence.block.indent
        )
        if (
            bare
            and last is not None
            and last.sentence is not None
            and not sibling_owned
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
                hits = [_Hit(prev_s.start, s.end, [owner_m.group("who")], 0.75, "owner-label", prev_text)]
        elif bare and not _parent_bullet(masked, sents, s):
            hits = []  # 'Responsible: Omar Haddad' alone (a header label) owns nothing
        elif not hits:
            hits.append(_Hit(s.start, s.end, [owner_m.group("who")], 0.8, "owner-label"))
    return hits


def _turn_hits(
    ctx: ExtractionContext, masked: str, body_a: int, b: int, speaker: str, roster: Roster, owners: _Owners
) -> list[_Hit]:
    """A speaker's turn ('Kate: I will ...', '<nick> tilaan kahvit'): their promise or a named doer."""
    mine = _EN_I_WILL.search(masked[body_a:b])
    if mine:
        return [_Hit(body_a + mine.start(), b, [speaker], 0.6, "turn-i")]
    if (
        speaker
        and not masked.startswith("I", body_a)  # English 'I will' is the rule above
        and (fp := _first_person_hit(masked, body_a, b, speaker))
    ):
        fp.confidence = 0.6  # 'Aila: tilaan kahvit': the speaker's own promise in a chat line
        return [fp]
    # 'Stefan: suggests ..., that Stefan will set up a channel': a named doer inside a turn
    named = [
        h
        for h in _clause_hits(masked, body_a, b, roster, owners, False, ctx.language, named_only=True)
        if h.rule in _NAMED_RULES and h.owners
    ]
    if named:
        return named
    we = _we_hits(masked, body_a, b)
    chairs = {p.name for p in ctx.participants if "chair" in p.roles} if we and speaker else set()
    if chairs and not (set(roster.candidates(speaker)[0]) & chairs):
        # 'GT - ... we will move our plug-ins': a member's 'we' tells their side's plans; the chair's
        # ('Mark: ... so we need to open an issue') speaks for the meeting
        for h in we:
            h.confidence = min(h.confidence, 0.45)
    return we


_MODAL_WORD = regex(r"\b(?:ska|skall|måste|bör|shall|must|is\s+to|are\s+to|tulee|pitää|on\s+tarkoitus)\b")
# a topic label opening a one-line minute: 'Park inspection- ', 'Bin update – ', 'Footpaths: '
_LABELLED_HEADING_RULES = frozenset({"role-subject", "en-passive", "sv-passive-agent"})
_TOPIC_LABEL = regex(r"\W*(?:\d{1,3}[.)]\s*)?[\w][\w ,&/'’]{1,40}?(?:-|\s[–—]|:)\s")


def _clause_family_hits(
    ctx: ExtractionContext,
    masked: str,
    s: Sentence,
    body_a: int,
    hits: list[_Hit],
    roster: Roster,
    owners: _Owners,
    proposal: bool,
    heading: bool,
    demote: bool,
    agreed_lead: bool,
    next_line: bool,
) -> None:
    """Run the rule table over each clause of the sentence body; the hits are added to `hits`.

    `demote`: an ownerless form in a preamble, announcement or report stays under the floor;
    `agreed_lead`: after 'Sovittiin, että' a passive is set work; `next_line`: the next meeting's
    sentence holds no ownerless task; `heading`: only named tasks of known owners count.
    """
    carry: list[str] = []
    for ca, cb in _clauses(masked, body_a, s.end):
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
            # an agenda heading ('3. Call to order') names a task only with a known owner, or with a
            # role after a topic label: '12. Park inspection- clerk to get quotes' is a one-line minute
            labelled = _TOPIC_LABEL.match(masked, s.start, s.end) is not None
            # '6. Garagen skall besiktigas 17/6.': a numbered line that is a whole sentence with a modal is
            # the minute itself (a title has neither its full stop nor 'ska')
            minute = masked[s.start : s.end].rstrip().endswith(".") and bool(
                _MODAL_WORD.search(masked, s.start, s.end)
            )
            ch = [
                h
                for h in ch
                if (
                    h.rule in _NAMED_RULES
                    and (h.rule not in {"en-subject", "fi-subject"} or all(owners.known(o) for o in h.owners))
                )
                or (
                    labelled
                    and h.rule in {"role-subject", "en-passive", "sv-passive-agent"}
                    and bool(h.owners)
                )
                or (minute and h.rule in {"sv-passive", "en-passive", "fi-passive"})
            ]
        for h in ch:
            # only an ownerless form: 'will be presented by Mike' names its doer even in a report
            if h.rule in {"fi-passive", "goal", "en-passive", "sv-passive"} and demote and not h.owners:
                h.confidence = min(h.confidence, 0.35)
            if agreed_lead and h.rule == "fi-passive":
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


# a marker that names only the doers, closing the task it follows: '... yes or no. (Act Clerk)',
# '... to oversee the work. Action: Cllrs Dennis, Lyons and the Clerk'
_MARKER_WORD = (
    r"(?:Act|ACT|Action|ACTION|Actions|AP)\b\s*[:.]?\s*"
    r"(?!(?i:points?|items?|plans?|lists?|log|required|needed|taken|summary)\b)"  # 'Action Points': a title
)
_MARKER_NAMES = (
    r"(?P<who>(?-i:[A-Z][\w'’.-]*)(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)(?:the\s+)?(?-i:[A-Z][\w'’.-]*))*)"
)
_OWNER_MARKER = regex(
    # '... All agreed – action JB.': lower case after a dash, too
    rf"(?:^|(?<=\s))(?:(?<=[–—-]\s)action\b\s*[:.]?\s*|{_MARKER_WORD}){_MARKER_NAMES}"
    r"\s*[.;]?\s*(?:\d{1,3}[.)]?)?\s*$"
)
# Only an assent before the marker: 'All agreed – action JB' owns the sentence before it.
_ASSENT_ONLY = regex(
    r"(?i:all\s+agreed|agreed(?:\s+by\s+all)?|approved|so\s+resolved|hyväksyttiin|godkändes)"
)
_PAREN_MARKER = regex(rf"\({_MARKER_WORD}{_MARKER_NAMES}\s*\)")
_LINE_LABEL = regex(r"[ \t]*(?:[-*•]|[a-z0-9]{1,2}[/.)])?[ \t]*")


def _owner_marker_hits(
    masked: str, s: Sentence, seg: str, prev_s: Sentence | None, items: list[_Item], hits: list[_Hit]
) -> list[_Hit] | None:
    """The tasks closing owner markers belong to, with those owners (None: no such marker here).

    A bracketed marker owns the line it ends ('(Act Clerk)'), or the line before when it opens a
    line; a bare one ('Action: Clerk') closing a sentence owns that sentence, or the one before.
    """
    found: list[_Hit] = []
    # every marker word holds one of these (Act, Action, ACT, ACTION, AP; 'action' after a dash): most
    # sentences are spared both scans
    if "Act" not in seg and "ACT" not in seg and "AP" not in seg and "action" not in seg:
        return None
    for m in _PAREN_MARKER.finditer(seg) if "(A" in seg else ():
        who = [w for w in _split_names(m.group("who")) if w]
        end = s.start + m.start()
        line_a = masked.rfind("\n", 0, end) + 1
        if not masked[line_a:end].strip(" .;:-–"):
            end = line_a - 1
            line_a = masked.rfind("\n", 0, max(end, 0)) + 1
        label = _LINE_LABEL.match(masked, line_a, end)
        line_a = label.end() if label else line_a
        if who and masked[line_a:end].strip(" .;:-–"):
            found.append(_Hit(line_a, end, who, 0.8, "explicit"))
    if found:
        keep = [h for h in hits if not any(h.a < f.b and f.a < h.b for f in found)]
        return sorted(keep + found, key=lambda h: h.a)
    bare = _OWNER_MARKER.search(seg)
    if bare is None:
        return None
    who = [w for w in _split_names(bare.group("who")) if w]
    if not who:
        return None
    lead = _BULLET_LEAD.match(seg)
    a = s.start + (lead.end() if lead else 0)
    b = s.start + bare.start()
    before = masked[a:b].strip(" .;:-–(")
    assent = bool(before) and _ASSENT_ONLY.fullmatch(before) is not None
    if before and not assent:
        return [_Hit(a, b, who, 0.8, "explicit")]
    if prev_s is None or (prev_s.block.index != s.block.index and not _closes_paragraph(masked, prev_s, s)):
        return []  # the marker alone, with nothing before it to own: no task of its own
    # the marker stands alone: it owns the sentence before it, whatever was read there
    items[:] = [it for it in items if it.sentence is None or it.sentence.start != prev_s.start]
    plead = _BULLET_LEAD.match(masked, prev_s.start, prev_s.end)
    # after an assent the quote runs on to the marker: the task, then who agreed to do it
    return [
        _Hit(plead.end() if plead else prev_s.start, s.end if assent else prev_s.end, who, 0.8, "explicit")
    ]


_TOPIC_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "to", "ja", "och", "för", "i", "på", "&"})


def _topic_over_list(seg: str, s: Sentence, opens_list: bool) -> bool:
    """Whether a bullet in a task list only names the topic of the bullets nested under it."""
    words = seg.strip(" -*•+.").split()
    return (
        opens_list
        and 0 < len(words) <= 6
        # ('Sovereign Tech Fund', 'Budget'; not 'Anna books the venue', a task with its details below)
        and all(w[:1].isupper() or w.lower() in _TOPIC_JOINERS or not w[:1].isalpha() for w in words)
        and ":" not in seg
        and not _task_start(seg)
        and _EXPLICIT.match(seg) is None
        and s.end >= s.block.end
    )


def _closes_paragraph(masked: str, prev_s: Sentence, s: Sentence) -> bool:
    """Whether a marker on a line of its own (`Action: VP Education`) follows the paragraph it closes: the
    sentence before it ends one (a full stop; at most one blank line between), and is no heading."""
    between = masked[prev_s.end : s.start]
    line_end = masked.find("\n", s.end)
    below = masked[line_end + 1 : masked.find("\n", line_end + 1)] if line_end >= 0 else ""
    return (
        not between.strip()
        and not below.strip()  # ('Action: Bob' / 'Book the hall ...': it heads the line below)
        and between.count("\n") <= 2
        and masked[prev_s.start : prev_s.end].rstrip().endswith(".")
        and len(masked[prev_s.start : prev_s.end].split()) >= 4
    )


_BODY_LABEL = regex(rf"(?i:{'|'.join(GROUP_NOUNS)})$")


def _with_opening_emphasis(text: str, start: int) -> int:
    """Where a quote opens when the text marks the name it starts with (`**Ann** will`, `_Bob_ will`)."""
    k = start
    while k > max(0, start - 2) and text[k - 1] in "*_":
        k -= 1
    return k


# a stand-up's question whose answers are plans: 'Vad ska jag göra?', 'What will you do today?'
_PLAN_QUESTION = regex(
    r"(?i:\bvad\s+ska(?:ll)?\s+(?:jag|du|vi)\s+göra|\bwhat\s+(?:will|shall)\s+(?:i|you|we)\s+do"
    r"|\bwhat\s+(?:am\s+i|are\s+you)\s+(?:going\s+to\s+do|doing\s+(?:today|next))"
    r"|\bmitä\s+(?:teen|aion\s+tehdä|teet)(?:\s+seuraavaksi|\s+tänään)?\b)"
)
_ITEM_LINE = regex(r"[ \t]*(?:\d{1,3}[.)]|§)|[ \t]*[A-ZÅÄÖ][\w ]{0,30}:")
_ROLL_OR_AGENDA = regex(
    r"\b(?i:attendance|attendees|attended|members|present|participants|agenda|roll\s+call|läsnä|osallistujat|esityslista"
    r"|asialista|närvarande|deltagare|dagordning)\b"
)


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
    sents = _split_at_markers(masked, _without_item_refs(masked, sentences(masked, sec.start, sec.end)))
    presenters = _presenters(text, sec, roster)
    psec = Section(sec.number, sec.title, sec.start, sec.end, presenters)
    preamble_end = sec.start
    # (only an agenda item has a presentation before its decision: in text with no items, a decision
    # label far down belongs to one of the paragraphs, not to all above it)
    for s in sents if sec.number is not None else ():
        if _PREAMBLE_END.match(masked[s.start : s.end]):
            preamble_end = s.start
            break
    announce = bool(_ANNOUNCE_TITLE.search(sec.title or ""))
    # the next-meeting sentence, when the structure stage says where it is
    nm_span = ctx.next_meeting_span
    items: list[_Item] = []
    action_heading = False
    plain_from = -1  # where the plain lines under an action label may go on from
    plain_used = False
    heading_indent = -1
    task_indent: int | None = None  # the indent of the first task under an action heading
    # an unticked box in the roll or the agenda is a name or a topic, not a task ('[ ] Windows Shell PR')
    roll_or_agenda = bool(_ROLL_OR_AGENDA.search(sec.title or ""))
    resolving = False  # inside a 'RESOLVED:' paragraph or the list under it
    first_of_block: dict[int, str] = {}
    block_info: dict[int, tuple[re.Match[str] | None, re.Match[str] | None, bool]] = {}
    for s in sents:
        first_of_block.setdefault(s.block.index, masked[s.start : s.end])
    # a plain block followed at once (no blank line) by a bulleted list leads into it (a numbered line
    # after it may be the next agenda item)
    lead_in: dict[int, bool] = {}
    opens_list: dict[int, bool] = {}  # a block with a deeper bulleted list right under it
    for here, below in itertools.pairwise(sents):
        if here.block.index != below.block.index:
            lead_in[here.block.index] = (
                not here.block.bullet
                and below.block.bullet
                and not below.block.new_paragraph
                and not masked[below.block.start : below.block.start + 8].lstrip()[:1].isdigit()
            )
            opens_list[here.block.index] = below.block.bullet and below.block.indent > here.block.indent
    recent_full: list[str] = []
    writer = _email_writer(text)
    # a to-do list nested under a person: '- Kate:' then indented tasks, or a heading that is a name
    title_owner = _person_only(sec.title or "", owners)
    person: tuple[int, list[str]] | None = None  # (indent of the name bullet, its names)
    planning = False  # under a stand-up's 'What will I do?'
    prev_s: Sentence | None = None
    for s0 in sents:
        # a chat-log line: the nick speaks; '#action ...' after it is a MeetBot command
        irc = IRC_PREFIX.match(masked, s0.start, s0.end)
        s = Sentence(irc.end(), s0.end, s0.block) if irc else s0
        irc_speaker = irc.group("nick") if irc and not masked.startswith("#", s.start) else None
        seg = masked[s.start : s.end]
        if not seg.strip():
            continue
        if (
            ctx.agenda_list
            and ctx.agenda_list[0] <= s.start < ctx.agenda_list[1]
            and not _EXPLICIT.match(seg)
        ):
            continue  # '3. Agree on norms ...; minutes to be posted to wiki': an agenda title, no task
        # where the item opens in the text as written (struck words are blank in the masked one)
        lead_mark = _OPTIONAL_LIST_MARKER.match(text, s.start, s.end)
        opens_at = lead_mark.end() if lead_mark else s.start
        if opens_at < s.end and masked[opens_at] == " " and text[opens_at] in "~<":
            continue  # '1. ~DH: pull out ...~ More in [the issue]': the item is struck out, done
        for m in owners.mentions_in(s.start, s.end):
            if m.full and len(m.candidates) == 1:
                recent_full.insert(0, m.candidates[0])
        hinted = _may_be_done(seg)
        status_only = hinted and DONE_ONLY.fullmatch(seg) is not None
        if ("[" in seg and _DONE_BOX.match(seg)) or status_only or (hinted and _DONE_MARK.search(seg)):
            if status_only and prev_s is not None and prev_s.block.index == s.block.index:
                items = [it for it in items if it.sentence != prev_s]  # 'Done.' closes the task before it
            continue
        if _ACTION_HEADING.fullmatch(seg):
            action_heading = True
            plain_from = s.end
            plain_used = False
            # a bulleted heading ('* Action Items:') owns only the bullets nested under it
            heading_indent = s.block.indent if s.block.bullet else -1
            task_indent = None
            continue
        if action_heading and s.block.bullet and s.block.indent <= heading_indent:
            action_heading = False
        if action_heading and s.block.bullet:
            if (
                (task_indent is None or s.block.indent <= task_indent)
                and _topic_over_list(seg, s, opens_list.get(s.block.index, False))
                and not _person_only(seg, owners)  # ('**Everyone** -' over tasks: whose they are)
            ):
                task_indent = None  # '- Sovereign Tech Fund' over its own tasks: a topic, the list its tasks
                continue
            if task_indent is None or s.block.indent <= task_indent:
                task_indent = s.block.indent
            elif not _task_start(seg):
                continue  # '- Slack', '- repo settings' under a task: its details, not tasks of their own
        if person is not None and (not s.block.bullet or s.block.indent <= person[0]):
            person = None
        if (s.block.bullet or len(seg.strip()) <= 40) and (named_only := _person_only(seg, owners)):
            # '- Kate:' over indented tasks, or a line that is only a name ('Santtu') over a list
            person = (s.block.indent if s.block.bullet else -1, named_only)
            task_indent = None  # under an action heading the bullets nested under the name are its tasks
            continue
        parent_owner = person[1] if person else title_owner if s.block.bullet else []
        # the plain lines right under 'ACTIONS:', with no blank line between, are its tasks too
        plain_run = (
            action_heading
            and not s.block.bullet
            and plain_from >= 0
            and BLANK_LINE.search(masked, plain_from, s.start) is None
            and _ITEM_LINE.match(seg) is None  # `3. Safeguarding: JR`: the next item, not a task
        )
        if plain_run and not plain_used and s.end >= s.block.end and lead_in.get(s.block.index, False):
            # 'Vad som ska implementeras:' then a list on the next line: the list's lead-in, not a task
            plain_from = s.end
            continue
        if plain_run:
            plain_from = s.end
            plain_used = True
        elif action_heading and s.block.bullet and plain_used:
            action_heading = False  # plain lines were its tasks: a list after them is the next item's
        if action_heading and not s.block.bullet and not plain_run:
            if not plain_used and _FILLER_HEADING.fullmatch(seg):
                continue  # '#### Details' right under the task heading opens its list
            # (not a new list's lead-in, 'Feedback from the retro:', nor after a blank line below the tasks)
            topic = (
                len(seg) <= 60
                and s.end >= s.block.end
                and lead_in.get(s.block.index, False)
                and not seg.rstrip().endswith(":")
                and (
                    task_indent is None
                    or prev_s is None
                    or BLANK_LINE.search(masked, prev_s.end, s.start) is None
                )
            )
            if not plain_used and topic:
                continue  # 'Sprintplanering.' over its bullets: a topic inside the task list, which goes on
            action_heading = False
        hits: list[_Hit] = []
        if seg.rstrip().endswith("?") and not _EXPLICIT.match(seg):
            # a stand-up's 'What will I do?' under a person's heading: the answers below are their tasks
            planning = bool(title_owner) and _PLAN_QUESTION.search(seg) is not None
            continue  # a question is discussion, not a task ('TODO: answer: which company?' is one)
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
        topic_end = 0  # where a group's label before the sentence ends
        if turn is not None and _BODY_LABEL.search(turn.group("who")) and not owners.known(turn.group("who")):
            # 'Viestintäjaosto: Laaditaan jäsenkirje': a group's part of the report, no speaker
            topic_end = turn.end() if own_turn else 0
            turn = None
        if turn is not None and own_turn and not owners.known(turn.group("who")):
            # 'Tarvikkeet: Aila kysyy ...': a topic label before a named participant, not a speaker
            after = _SUBJECT.match(seg, turn.end())
            if after and all(owners.known(n) for n in _split_names(after.group("subj"))):
                turn = None
            elif (
                ctx.language != "en"
                and seg[turn.end() : turn.end() + 1].islower()
                and _topic_word(turn.group("who"))
            ) or (
                # 'FCA: Accounts are to be submitted to FCA': capitals that are no one's initials in the roll
                ctx.participants
                and _ACRONYM_LABEL.fullmatch(turn.group("who"))
                and not _initials_of(turn.group("who"), owners)
            ):
                # 'Varusteet: uudet pallot tilataan ...': a topic's label, then the minute in lower case
                # (English prose goes on in lower case after any colon: 'Related: ... may need ...')
                topic_end = turn.end()
                turn = None
        label = _LABEL.match(seg)
        explicit = _EXPLICIT.match(seg)
        if explicit and roll_or_agenda and "[" in explicit.group():
            continue
        if planning and not s.block.bullet:
            # the answer to a stand-up's question: the plan of the person the heading names
            hits.append(_Hit(opens_at, s.end, list(title_owner), 0.75, "plan-answer"))
        # under an action heading a bullet is one task: its further sentences are details, not tasks
        elif not explicit and action_heading and s.block.bullet and _CALENDAR_LINE.fullmatch(seg):
            continue  # '- Gruppmöte 3/10 13:15-14:15.' under the assignments: a date in the diary, no task
        elif not explicit and action_heading and s.block.bullet and _NEXT_MEETING_LINE.match(seg):
            continue  # '- Nästa möte: tisdag 22/10' closing the list sets the next meeting, no task
        elif explicit or (action_heading and s.block.bullet and head == seg):
            hits.append(_explicit_hit(ctx, masked, s, seg, explicit, owners))
        elif not irc_speaker and (runs := _dash_owner_hits(masked, s.start, s.end, owners)):
            hits.extend(runs)
        elif (
            not irc_speaker
            and not label
            and (line_hit := _owner_line_hit(masked, s.start, s.end, owners, s.block.bullet))
        ):
            hits.append(line_hit)
        elif (
            not irc_speaker
            and not roll_or_agenda
            and (dash_hit := _task_dash_owner_hit(masked, s.start, s.end, owners, s.block.bullet))
        ):
            hits.append(dash_hit)
        elif irc_speaker or (turn and not label and not _NOT_A_SPEAKER.match(seg)):
            speaker = irc_speaker or (turn.group("who") if turn else "")
            body_a = s.start + (turn.end() if turn and own_turn and not irc_speaker else 0)
            hits.extend(_turn_hits(ctx, masked, body_a, s.end, speaker, roster, owners))
        elif writer and (fp := _first_person_hit(masked, s.start, s.end, writer)):
            hits.append(fp)
        elif pron := _pronoun_hit(masked, sents, s, owners):
            hits.append(pron)
        else:
            body_a = s.start + (label.end() if label else topic_end)
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
            reported = (
                head_reports
                and not s.block.bullet
                and (head == seg or not (_TIMED.search(seg) or _COMING_PERIOD.search(seg)))
            )
            if _RESOLVED_LEAD.match(seg):
                resolving = True
            elif not s.block.bullet:
                resolving = False
            directed = _resolution_clause_hits(masked, s.start, s.end) if resolving else []
            hits.extend(directed)
            if not directed:
                agreed_lead = bool(agreed and agreed.group().strip())
                demote = in_preamble or announce or reported
                _clause_family_hits(
                    ctx,
                    masked,
                    s,
                    body_a,
                    hits,
                    roster,
                    owners,
                    proposal,
                    heading,
                    demote,
                    agreed_lead,
                    next_line,
                )
            hits = _owner_label_hits(text, masked, sec, psec, sents, s, seg, hits, items, owners, recent_full)
            if plain_run and not hits:
                # a line under 'ACTIONS:' that no rule read as a task is one all the same
                hits.append(_explicit_hit(ctx, masked, s, seg, explicit, owners))
        hits = _bracket_and_parent_owners(masked, s, seg, hits, parent_owner, owners)
        marked = _owner_marker_hits(masked, s, seg, prev_s, items, hits)
        prev_s = s
        if marked is not None:
            hits = marked
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
            if not resolved and h.rule == "goal" and (nxt := _following(sents, s)) is not None:
                # '... jonka tehtävänä on selvittää X. Työryhmään nimettiin: A, B ja C.': its members
                named = _GROUP_NAMED.match(masked, nxt.start, nxt.end)
                resolved = _split_names(named.group("names").rstrip(" .")) if named else []
            a, b = _trim(text, h.a, h.b)
            if b <= a or (
                h.rule != "explicit"
                and (
                    _RUNS_THIS_MEETING.search(masked, a, b)
                    or (
                        _CALLED_ON_NOW.search(masked, s.start, b)
                        and not _LATER_WORK.search(masked, s.start, b)
                    )
                )
            ):
                continue  # ('BB agreed to chair this meeting': an office in the meeting held, no task)
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


# A period still to come ('ensi syksynä', 'next week', 'nästa vecka'): after a report, work set for it
_COMING_PERIOD = regex(r"(?i:\b(?:ensi|next|nästa|kommande)\s+[^\W\d_]{3,})")
# Running the meeting being held: 'agreed to chair this meeting', 'will take the minutes', 'tar över mötet'
_RUNS_THIS_MEETING = regex(
    r"(?i:\b(?:to|will|would|shall)\s+(?:chair|facilitate|take\s+(?:the\s+)?(?:minutes|notes))"
    r"\s+(?:of\s+|for\s+|at\s+)?(?:this|today's|tonight's|the\s+present)\s+meeting"
    # ('Ann agreed to take the minutes': the assent is said at the meeting, of the meeting)
    r"|\b(?:agreed|volunteered|offered)\s+to\s+(?:chair|take\s+(?:the\s+)?(?:minutes|notes))"
    r"|\b(?:tar\s+över|leder|håller\s+i)\s+mötet\s+(?:för\s+)?idag)\s*[.;!]?\s*$"
)
# The chair calling on someone in the meeting itself: 'invited the VP to introduce ...', 'asked the Council
# to ratify the following', 'asked members to note the report' (done there and then, no task after it)
_CALLED_ON_NOW = regex(
    r"(?i:\b(?:invited|called\s+(?:up)?on)\s+(?:the\s+)?[^.;:\n]{0,60}?\bto\s+"
    r"(?:introduce|present|speak|report|give\s+an?\s+update|update\s+the\s+(?:meeting|council|board|committee)"
    r"|address|summari[sz]e|talk|note|ratify|approve|vote|comment|welcome)\b"
    r"|\basked\s+(?:the\s+)?[^.;:\n]{0,60}?\bto\s+(?:ratify|approve|note|vote\s+on|introduce)\b)"
)
# later work in the same sentence: 'asked the Clerk to report back at the next meeting', '... by Friday'
_LATER_WORK = regex(r"(?i:\bback\b|\bnext\s+meeting\b|\bby\s+(?:the\s+)?[A-Z0-9a-z]+)")
# a meeting, its day and hour, nothing else: `- Handledningsmöte 3/10 15:15-16:15.`, `- Palaveri ti 4.6.`
_CALENDAR_LINE = regex(
    rf"[\s\-*•+]*(?:{MEETING_FI}|{MEETING_SV}|{MEETING_EN})\s*:?\s+"
    r"(?:(?:kl|klo|kello|at|on|den|ma|ti|ke|to|pe|la|su|mån|tis|ons|tors|fre|mon|tue|wed|thu|fri)\.?\s*"
    # (a day or an hour, not any digits: `- Call 0400 123 456` is a task)
    r"|\d{1,2}[./]\d{1,2}\.?\s*|\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?\s*)+[.\s]*",
    re.I,
)
_PERSON_ONLY = regex(rf"\s*(?:[-*•+]\s*)?{_SUBJECT.pattern}\s*(?::|[-–—])?\s*")
_TASK_START = regex(r"\s*(?:[-*•+]\s*)?(?:\*\*|__)?(?:to\s+|will\s+)?([A-Za-zÅÄÖåäö][a-zåäö]*)\b")


_NAME_JOINERS = frozenset({"ja", "and", "och"})


_ACRONYM_LABEL = regex(r"[A-ZÅÄÖ]{2,5}")


_GROUP_NAMED = regex(
    r"\s*\w*(?:ryhmään|toimikuntaan|jaostoon|tiimiin)\s+(?:nimettiin|valittiin)\s*:?\s*(?P<names>[A-ZÅÄÖ][^\n;]{2,200})"
)


def _topic_word(who: str) -> bool:
    """Whether a 'Who:' before a minute is one common word (`Varusteet`), no one's name or initials."""
    return (
        who.isalpha() and who[1:].islower() and not is_given_name(who) and who.lower() not in _SPEAKER_WORDS
    )


# labels that name who speaks, not what is spoken of
_SPEAKER_WORDS = frozenset({"puheenjohtaja", "sihteeri", "chair", "secretary", "ordförande", "sekreterare"})


def _person_only(seg: str, owners: _Owners) -> list[str]:
    """The participants a line names and nothing else ('- Kate:', '## Maija ja Miro'), else []."""
    if len(seg) > 80:
        return []  # cheap tests first: a name line is short and every word is a name or a joiner
    words = seg.split()
    if not words or len(words) > 8:
        return []
    if not all(w[:1].isupper() or w[:1] in "-*•+@&," or w in _NAME_JOINERS for w in words):
        return []
    m = _PERSON_ONLY.fullmatch(seg)
    if m is None:
        return []
    names = _split_names(m.group("subj"))
    return names if names and all(owners.known(n) or n.lower() in EVERYONE for n in names) else []


# '(Joel ~0,5h)', '(Anna)', '(Kate, Tom; 2 h)': the owners in brackets at the end, maybe with the effort
# (minutes are left out: '(Alice Moreau, 30 min)' is an agenda slot and its presenter)
_PAREN_OWNER = regex(
    rf"\({_SUBJECT.pattern}(?P<effort>\s*[,;]?\s*[~≈]?\s*\d+(?:[,.]\d+)?\s*"
    r"(?:h|t|pv|d|days?|hours?|tuntia?|päivää?)\b)?"
    # '(Tane hoitaa)', '(Anna fixar)': the name and the verb that gives it the task
    r"(?P<pverb>\s+(?:hoitaa|hoitavat|tekee|tekevät|selvittää|vastaa|vastaavat|fixar|ordnar|ansvarar|handles|will\s+do))?"
    r"\s*\)\)?\s*[.;]?\s*$"  # (a stray second bracket: '... till nästa träff (Josef)).')
)


def _paren_owner(seg: str, owners: _Owners) -> tuple[list[str], bool]:
    """The participants named in a closing bracket ('... (Joel ~0,5h)') and whether an effort is given."""
    if seg.lstrip().startswith("#"):
        return [], False  # an agenda heading with its presenter
    m = _PAREN_OWNER.search(seg)
    marker = _EXPLICIT.match(seg)  # ('TODO: review the budget (Anna)': the marker's colon is no label's)
    if m is None or ":" in seg[marker.end() if marker else 0 : m.start()]:
        return [], False  # 'Present: ... (Kate)': a labelled line, not a task
    # a verb in the bracket hands the task over as plainly as an effort does: '(Tane hoitaa)'
    effort = m.group("effort") is not None or m.group("pverb") is not None
    names = _split_names(m.group("subj"))
    if len(names) == 1 and _spells_out(seg[: m.start()], names[0]) and not owners.known(names[0]):
        return [], False  # 'Review the Terms of Reference (TOR)': the words' abbreviation, no one's name
    if seg.count("(") != 1 and not effort and not all(owners.known(n) for n in names):
        return [], False  # a roll of names with handles (a participant closing a task still owns it)
    # with an effort ('(Joel ~0,5h)') the bracket can only be who does it, listed or not; beside a
    # participant a full name is someone who helps ('(GD & Bjarne Gårdebratt)')
    helped = any(owners.known(n) for n in names)
    if not names or not all(
        owners.known(n)
        or ((effort or (helped and " " in n)) and _name_like(n))
        # ('... till nästa träff (Josef)', '... (alla)': a given name, or everyone, closing the task)
        or is_given_name(n.split()[0])
        or n.lower() in EVERYONE
        for n in names
    ):
        return [], False
    return names, effort


def _spells_out(before: str, caps: str) -> bool:
    """Whether `caps` (`TOR`) is the initials of the words just before it (`Terms of Reference`)."""
    if not (2 <= len(caps) <= 6 and caps.isupper() and caps.isalpha()):
        return False
    words = before.split()
    capital = "".join(w[0] for w in words if w[:1].isupper())
    every = "".join(w[0] for w in words if w[:1].isalpha()).upper()  # (with 'of', 'and': 'TOR', 'AOB')
    return capital.endswith(caps) or every.endswith(caps)


def _task_start(seg: str) -> bool:
    """Whether a list item opens with something to do ('send the draft', 'to book', 'tilaa kahvit')."""
    m = _TASK_START.match(seg)
    if m is None:
        return False
    w = m.group(1).lower()
    return w in _EN_IMPERATIVE or _task_verb(w) or (_fi_3sg(w) and w not in _FI_VERB_STOP)


# a '- ' / '* ' list item the segmenter took for a heading is still a list item (headings are numbered)
_DASH_BULLET = regex(r"[ \t]*[-*•–][ \t]+\S")


_NAMED_RULES = frozenset(
    {
        "explicit",
        "delegation",
        "responsible",
        "acts-as",
        "fi-subject",
        "en-subject",
        "sv-subject",
        "volunteer",
        "owner-label",
    }
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


_KEY_STOP = words(
    """
    to will should shall must by before until on in at the a an and ja sekä of for mennessä ennen asti
    viimeistään done due deadline action todo
    """
)


_KEY_WORD = regex(r"[^\W\d_]{2,}")


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


_RESTATED_WITHIN = 300  # characters: the marked line stands right under the paragraph it sums up


def _absorb_restated(items: list[_Item]) -> list[_Item]:
    """A task in the prose that an 'ACTION: X to ...' line right below sums up is that one item
    ('KTC to contact people at WMF requesting action.' / 'ACTION: KTC to contact WMF.')."""
    absorbed: set[int] = set()
    for k, it in enumerate(items):
        if it.rule != "explicit" or not it.owners:
            continue
        key = _task_words(it)
        people = {fold(x) for x in it.owners}
        best, best_share = None, 0.0
        for o in items[:k]:
            if (
                id(o) not in absorbed
                and o.rule != "explicit"
                and o.section is it.section
                and 0 <= it.start - o.end <= _RESTATED_WITHIN
                and {fold(x) for x in o.owners} == people
            ):
                share = len(key & _task_words(o)) / max(len(key), 1)
                if share >= 0.5 and share >= best_share:  # (the nearer of two as good)
                    best, best_share = o, share
        if best is not None:
            absorbed.add(id(best))
            it.due = it.due or best.due
    return [it for it in items if id(it) not in absorbed]


# rules whose owner stands in the text as the doer; the others (passives, goals, deadlines) are ownerless
_HEAD_CHARS = 1200  # the opening lines, where minutes list who came
_INDIRECT_RULES = frozenset({"pronoun", "first-person", "turn-i"})  # the owner is inferred, not written


def _in_head(owner: str, head: str, item_start: int) -> bool:
    """Whether the owner's name stands in the opening lines (an attendee list the roster did not read)."""
    word = owner.split()[-1].strip(".,:;()")
    if len(word) < 3 or not word[:1].isupper():
        return False
    at = head.find(word)
    while at != -1:
        ok_left = at == 0 or not head[at - 1].isalnum()
        ok_right = at + len(word) >= len(head) or not head[at + len(word)].isalnum()
        if ok_left and ok_right and at < item_start:
            return True
        at = head.find(word, at + 1)
    return False


def _calibrated(it: _Item, owners: _Owners, head: str) -> float:
    """The item's confidence from its rule's base and the evidence: who the owners are, and doubts.

    A task form with an owner who is on the participant list is right nearly always (0.85); the same
    form with a capitalised word nobody listed may be a place or a product (at most 0.75) unless the
    opening lines name it (an attendee list the participant stage could not read); an owner
    inferred from 'I' or 'she' counts less (0.8). Ownerless forms keep their rule's base. An item set
    below the floor on purpose (preamble, announcement) stays there.
    """
    conf = it.confidence
    if conf < 0.5 or it.rule in _OWNERLESS_RULES or it.rule == "decision" or not it.owners:
        return conf
    if it.warnings:
        return min(conf, 0.7)  # an ambiguous owner: someone has to look
    known = all(owners.known(o) or _in_head(o, head, it.start) for o in it.owners)
    if it.rule in _INDIRECT_RULES:
        return max(conf, 0.8) if known else conf
    if it.rule == "explicit":
        return max(conf, 0.9)
    return max(conf, 0.85) if known else min(conf, 0.75)


def find_action_items(ctx: ExtractionContext, morphology: Morphology | None = None) -> list[ActionEntry]:
    """The action items of the minutes, in text order; warnings go to ctx.warnings.

    `morphology` (None: libvoikko when installed, else none) is only a second opinion.
    """
    # memoised word tests, cleared per document so that no document gains from the one before
    for cached in (_fi_3sg, _task_verb):
        cached.cache_clear()
    roster = Roster.from_participants(ctx.participants, morphology)
    # 'Nikolai Petrov (@nick)' in an attendee list lets '@nick' name him later
    for m in _NAME_WITH_HANDLE.finditer(ctx.text) if "(@" in ctx.text else ():
        roster.add_alias(m.group(2), m.group(1))
    masked = _unmark(_unbold_labels(_mask_struck(ctx.text)))
    owners = _Owners(roster, ctx, masked)
    sections = sorted(ctx.sections, key=lambda s: s.start) or [Section(None, "", 0, len(ctx.text))]
    items: list[_Item] = []
    for sec in sections:
        items.extend(_section_items(ctx, masked, sec, roster, owners))
    # an agenda heading can itself be a task ('- Action: X to do Y' read as an item's title)
    for gap in _gaps(ctx.text, sections):
        items.extend(_section_items(ctx, masked, gap, roster, owners, heading=True))
    # an action table's rows are read by their columns, not as sentences
    rows, row_spans = table_items(ctx, masked, sections, owners)
    if row_spans:
        items = [it for it in items if not any(a < it.end and it.start < b for a, b in row_spans)] + rows
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
        if it.rule == "table":
            continue  # its due date is its due column's
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
        if it.due is None:
            it.due = event_before_due(ctx, it)
    uniq = merge_table_repeats([it for it in uniq if id(it) not in merged])
    _inherit_years(uniq)
    uniq = _absorb_restated(_merge_repeats(uniq))
    out: list[ActionEntry] = []
    head = ctx.text[:_HEAD_CHARS]
    for it in uniq:
        it.confidence = _calibrated(it, owners, head)
        if it.confidence < ctx.min_confidence:
            continue
        ctx.warnings.extend(w for w in it.warnings if w not in ctx.warnings)
        if not any(c.isalpha() for c in it.text):
            continue  # nothing to do is named: a list's number left alone ('1.')
        out.append(
            ActionEntry(
                text=it.text,
                owners=it.owners,
                due=it.due,
                agenda_item=it.section.number if it.section else None,
                # '_Cehteh_ will ...': the quote keeps the emphasis the name opened with
                quote=ctx.text[_with_opening_emphasis(ctx.text, it.start) : it.end],
                confidence=round(it.confidence, 2),
            )
        )
    return out
