"""The inbox folder: minutes dropped in are claimed once settled, ingested, filed as processed or rejected.

A file still being written is not taken: its mtime must be older than the settle time, or (for a
share whose clock runs ahead of ours) it must have looked the same, size and mtime, for the settle time
on our clock. Two looks a moment apart (a scheduled one and a manual one) prove nothing.
Claimed files move to `.claimed/` first (an atomic rename), so two looks running at once never take
the same file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from muistio.settings import Settings

CLAIMED, PROCESSED, REJECTED = ".claimed", "processed", "rejected"
LOOKS = ".looks.json"  # each waiting file: [size, mtime_ns, when first seen looking so]
PARTIAL_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")


def inbox_dir(settings: Settings) -> Path:
    """MUISTIO_INBOX_DIR, else DATA_DIR/inbox."""
    return settings.inbox_dir or settings.data_dir / "inbox"


def ensure_inbox(inbox: Path) -> None:
    """The inbox and its folders."""
    for sub in ("", CLAIMED, PROCESSED, REJECTED):
        (inbox / sub).mkdir(parents=True, exist_ok=True)


def _waiting(inbox: Path) -> list[Path]:
    """Regular files at the top of the inbox that could be minutes (no dotfiles, no partial downloads)."""
    found = []
    for entry in inbox.iterdir():
        name = entry.name
        if name.startswith(".") or name.endswith(PARTIAL_SUFFIXES) or not entry.is_file():
            continue
        found.append(entry)
    return sorted(found)


def _read_looks(inbox: Path) -> dict[str, list[float]]:
    try:
        data = json.loads((inbox / LOOKS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_looks(inbox: Path, looks: dict[str, list[float]]) -> None:
    tmp = inbox / (LOOKS + ".tmp")
    tmp.write_text(json.dumps(looks), encoding="utf-8")
    tmp.replace(inbox / LOOKS)


def _free_name(folder: Path, name: str) -> Path:
    """`name`, or `stem-2.ext`, `stem-3.ext`... when that is taken."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def claim_settled(inbox: Path, *, now: float, settle_seconds: float) -> list[str]:
    """Move each settled file into `.claimed/` and return the claimed paths (oldest look first)."""
    ensure_inbox(inbox)
    previous = _read_looks(inbox)
    looks: dict[str, list[float]] = {}
    claimed: list[str] = []
    for path in _waiting(inbox):
        try:
            stat = path.stat()
        except OSError:
            continue  # gone between the listing and now
        seen: list[float] = [stat.st_size, stat.st_mtime_ns]
        before = previous.get(path.name)
        since = before[2] if isinstance(before, list) and len(before) == 3 and before[:2] == seen else now
        if now - stat.st_mtime < settle_seconds and now - since < settle_seconds:
            looks[path.name] = [*seen, since]  # look again next time
            continue
        target = _free_name(inbox / CLAIMED, path.name)
        try:
            path.rename(target)
        except OSError:
            continue  # another look took it first
        claimed.append(str(target))
    _write_looks(inbox, looks)
    return claimed


@dataclass
class Filed:
    """Where each claimed file ended."""

    processed: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)  # file -> reason

    def as_dict(self) -> dict[str, Any]:
        """Plain data for a flow result."""
        return {"processed": self.processed, "rejected": self.rejected}


def file_results(inbox: Path, claimed: Sequence[str], results: Sequence[dict[str, Any]] | None) -> Filed:
    """Move each claimed file to processed/ or rejected/ (with NAME.reason.txt beside it)."""
    filed = Filed()
    for index, path_text in enumerate(claimed):
        path = Path(path_text)
        result = results[index] if results is not None and index < len(results) else None
        if result is None:
            reason = "the ingest run ended before this file was stored"
        elif result["status"] == "rejected":
            reason = str(result.get("error") or "rejected")
        else:
            target = _free_name(inbox / PROCESSED, path.name)
            path.rename(target)
            filed.processed.append(target.name)
            continue
        target = _free_name(inbox / REJECTED, path.name)
        path.rename(target)
        target.with_name(target.name + ".reason.txt").write_text(reason.strip() + "\n", encoding="utf-8")
        filed.rejected[target.name] = reason.strip().splitlines()[0] if reason.strip() else "rejected"
    return filed


def inbox_report(filed: Filed) -> str:
    """Markdown for the look's artifact."""
    lines = [f"# Inbox: {len(filed.processed)} processed, {len(filed.rejected)} rejected", ""]
    lines += [f"- processed: {name}" for name in filed.processed]
    lines += [f"- rejected: {name}: {reason}" for name, reason in filed.rejected.items()]
    return "\n".join(lines)
