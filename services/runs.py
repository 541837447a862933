"""Batch ingest over paths and the stories runs tell (markdown reports), without Prefect."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from muistio.settings import Settings
from services import ingest
from services.db import session_factory
from services.invitations import deliver_invitations
from services.store import meeting_detail


def queued_meetings(results: Sequence[dict[str, Any]]) -> list[int]:
    """Every meeting whose invitations this batch queued, once each, in order."""
    seen: dict[int, None] = {}
    for result in results:
        for meeting_id in ingest.queued_meetings(result):
            seen.setdefault(meeting_id, None)
    return list(seen)


def deliver_batch(meeting_ids: Sequence[int], *, settings: Settings) -> dict[str, Any]:
    """One delivery for the whole batch's invitations."""
    return deliver_invitations(list(meeting_ids), settings=settings)


def attach_delivery(results: list[dict[str, Any]], delivery: dict[str, Any] | None) -> None:
    """The batch's one delivery report, shown with the first file that queued mail."""
    if delivery is None:
        return
    for result in results:
        if ingest.queued_meetings(result):
            result["delivery"] = delivery
            return


def rejections(results: Sequence[dict[str, Any]]) -> list[str]:
    """`name: reason` for each file that was not stored."""
    return [f"{r['file_name']}: {_first_line(r['error'])}" for r in results if r["status"] == "rejected"]


def _first_line(text: str) -> str:
    """The first non-empty line of an error, without the file's path repeated before it."""
    line = next((x.strip() for x in str(text).splitlines() if x.strip()), "failed")
    return line


def batch_title(paths: Sequence[str]) -> str:
    """`diginyt-2018-05-22.txt`, or `3 files: a.txt, b.txt, c.txt`, or `1000 files: a.txt … z.txt`."""
    names = [Path(p).name for p in paths]
    if len(names) == 1:
        return names[0]
    if len(names) <= 3:
        return f"{len(names)} files: {', '.join(names)}"
    return f"{len(names)} files: {names[0]} … {names[-1]}"


def failure_message(results: Sequence[dict[str, Any]]) -> str:
    """The state message of a run that rejected files: each file and why, on one line."""
    bad = rejections(results)
    shown = "; ".join(bad[:5]) + (f"; and {len(bad) - 5} more" if len(bad) > 5 else "")
    return f"rejected {len(bad)} of {len(results)}: {shown}"


def summary_line(results: Sequence[dict[str, Any]]) -> str:
    """One INFO line for a batch."""
    counts: dict[str, int] = {}
    for r in results:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    parts = [f"{n} {status}" for status, n in sorted(counts.items())]
    invitations = [inv for r in results for inv in r.get("invitations") or []]
    mails = sum(len(inv["recipients"]) for inv in invitations if inv["enqueued"])
    return f"ingest of {len(results)} files: {', '.join(parts)}; {mails} invitations queued"


def _cell(text: object) -> str:
    """Markdown table cell text: one line, no pipes."""
    return " ".join(str(text).split()).replace("|", "\\|")


MAX_DETAILED = 20  # a big batch reports its first meetings in full and the rest as one line each


def ingest_report(results: Sequence[dict[str, Any]], *, settings: Settings) -> str:
    """Markdown: per file the meeting, participants, action items (owners, dues), next meeting, mail."""
    lines = [f"# Ingest: {summary_line(results)}", ""]
    detailed = 0
    with session_factory(settings.resolved_database_url)() as session:
        for r in results:
            name = _cell(r["file_name"])
            if r["status"] == "rejected":
                lines += [f"## {name}: rejected", "", f"Reason: {_cell(r['error'])}", ""]
                continue
            where = f"{r.get('body')} {r.get('meeting_date')} (meeting {r.get('meeting_id')})"
            if r["status"] == "duplicate" or detailed >= MAX_DETAILED or r.get("meeting_id") is None:
                lines += [f"- {name}: {r['status']} {_cell(where)}"]
                continue
            detailed += 1
            detail = meeting_detail(str(r["meeting_id"]), session=session)
            lines += [f"## {name}: {r['status']} {_cell(where)}", ""]
            present = [p.name for p in detail.participants if p.present]
            absent = [p.name for p in detail.participants if not p.present]
            lines.append(f"**Participants ({len(present)})**: {_cell(', '.join(present)) or 'none found'}")
            if absent:
                lines.append(f"**Absent**: {_cell(', '.join(absent))}")
            lines += ["", f"**Action items ({len(detail.items)})**", ""]
            if detail.items:
                lines += ["| id | owners | due | what |", "|---|---|---|---|"]
                for item in detail.items:
                    due = item.due_date.isoformat() if item.due_date else "none"
                    owners = ", ".join(item.owners) or "(no owner)"
                    lines.append(f"| {item.id} | {_cell(owners)} | {due} | {_cell(item.text)} |")
            nxt = detail.next_meeting
            lines += ["", f"**Next meeting**: {nxt.date.isoformat() if nxt is not None else 'none named'}"]
            lines += _mail_lines(r)
            lines.append("")
    return "\n".join(lines)


def _mail_lines(result: dict[str, Any]) -> list[str]:
    """What was queued to whom, what was held and why."""
    lines: list[str] = []
    for inv in result.get("invitations") or []:
        day = inv.get("date") or "?"
        if inv.get("past"):
            lines.append(f"- held: the meeting of {day} is already past; no invitations")
        elif inv.get("held_for_approval"):
            lines.append(f"- held for approval ({day}): `muistio approve {inv['meeting_id']}`")
        elif inv["recipients"]:
            kind = {"CANCEL": "cancellations"}.get(inv["method"], "invitations")
            lines.append(f"- {kind} for {day} queued to: {_cell(', '.join(inv['recipients']))}")
        else:
            lines.append(f"- no invitations for {day}: nobody has an address")
        if inv.get("missing"):
            lines.append(f"- not invited, no address: {_cell(', '.join(inv['missing']))}")
    delivery = result.get("delivery")
    if delivery:
        lines.append(f"- delivery via {delivery['via']}: {delivery['summary']}")
        lines += [f"  - {key.rsplit('|', 1)[-1]}: {_cell(err)}" for key, err in delivery["errors"].items()]
    return ["", "**Mail**", "", *lines] if lines else []


def digest_report(result: dict[str, Any]) -> str:
    """Markdown: who got a digest this week, and what could not be delivered."""
    plan, delivery = result["plan"], result["delivery"]
    lines = [
        f"# Digest {plan['week']}",
        "",
        f"{plan['overdue']} overdue items, {len(plan['recipients'])} recipients, "
        f"{plan['enqueued']} newly queued; delivery: {delivery['summary']}",
        "",
    ]
    lines += [f"- {_cell(r)}" for r in plan["recipients"]]
    if plan.get("undeliverable_line"):
        lines += ["", f"Held: {_cell(plan['undeliverable_line'])}"]
    if delivery.get("errors"):
        lines += ["", "**Not delivered**", ""]
        lines += [f"- {key.rsplit('|', 1)[-1]}: {_cell(err)}" for key, err in delivery["errors"].items()]
    return "\n".join(lines)
