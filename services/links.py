"""Signed mark-done links for mails: bound to one item and one person, expiring, and good for one use."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models import ActionItem, ActionStatus, Person, UsedLink
from muistio.errors import MuistioError
from services.accounts import digest
from services.store import ItemChange, mark_done

if TYPE_CHECKING:
    from muistio.settings import Settings

PURPOSE = b"muistio.done-link.v1|"  # its own namespace: no other signed value of ours verifies here
_TOKEN = re.compile(r"^(\d{1,12})-(\d{1,12})-(\d{1,12})\.([A-Za-z0-9_-]{22,64})$")


class LinkError(MuistioError):
    """A link that does nothing; `reason` says why in one word for the page (invalid, expired, used)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class LinkClaim:
    """What a valid link says: this person may mark this item done until then."""

    item_id: int
    person_id: int
    expires: dt.datetime


def _signature(payload: str, secret: str) -> str:
    mac = hmac.new(secret.encode(), PURPOSE + payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:24]).decode().rstrip("=")


def make_token(item_id: int, person_id: int, *, secret: str, expires: dt.datetime) -> str:
    """The token of a link; the same arguments give the same token (mails stay byte-identical)."""
    payload = f"{item_id}-{person_id}-{int(expires.timestamp())}"
    return f"{payload}.{_signature(payload, secret)}"


def done_link(item_id: int, person_id: int | None, *, settings: Settings, now: dt.datetime) -> str | None:
    """The mark-done URL for one item and one person, or None when MUISTIO_PUBLIC_URL is not set."""
    if not settings.public_url or person_id is None:
        return None
    # Whole days from the start of today's UTC date: every mail composed the same day carries the same link.
    start = dt.datetime.combine(now.astimezone(dt.UTC).date(), dt.time(), tzinfo=dt.UTC)
    expires = start + dt.timedelta(days=settings.link_days + 1)
    token = make_token(item_id, person_id, secret=settings.secret_key, expires=expires)
    return f"{settings.public_url.rstrip('/')}/l/{token}"


def read_token(token: str, *, secret: str, now: dt.datetime) -> LinkClaim:
    """The claim of a genuine, unexpired token; LinkError (invalid or expired) otherwise."""
    match = _TOKEN.match(token or "")
    if not match:
        raise LinkError("invalid", "this link is not one of ours or is incomplete")
    payload = token.split(".", 1)[0]
    if not hmac.compare_digest(_signature(payload, secret), match.group(4)):
        raise LinkError("invalid", "this link is not one of ours or is incomplete")
    expires = dt.datetime.fromtimestamp(int(match.group(3)), tz=dt.UTC)
    if now >= expires:
        raise LinkError("expired", f"this link expired on {expires.date().isoformat()}")
    return LinkClaim(item_id=int(match.group(1)), person_id=int(match.group(2)), expires=expires)


@dataclass
class LinkView:
    """What the confirm page shows."""

    claim: LinkClaim
    item: ActionItem
    person: Person
    used: bool


def inspect_link(session: Session, token: str, *, settings: Settings, now: dt.datetime) -> LinkView:
    """The item and person behind a link, for the confirm page; changes nothing."""
    claim = read_token(token, secret=settings.secret_key, now=now)
    item = session.get(ActionItem, claim.item_id)
    person = session.get(Person, claim.person_id)
    if item is None or person is None:
        raise LinkError("invalid", "the item or person of this link no longer exists")
    used = session.exec(select(UsedLink.id).where(UsedLink.token_hash == digest(token))).first() is not None
    return LinkView(claim=claim, item=item, person=person, used=used)


def use_link(
    session: Session, token: str, *, settings: Settings, now: dt.datetime, note: str | None = None
) -> ItemChange:
    """Mark the link's item done by its person ('X from the mail'); the link then works no more."""
    view = inspect_link(session, token, settings=settings, now=now)
    if view.used:
        raise LinkError("used", "this link has already been used")
    if view.item.status != ActionStatus.open:
        raise LinkError("closed", f"this item is already {view.item.status.value}; nothing changed")
    try:
        with session.begin_nested():
            session.add(
                UsedLink(
                    token_hash=digest(token),
                    action_item_id=view.claim.item_id,
                    person_id=view.claim.person_id,
                    used_at=now,
                )
            )
    except IntegrityError:  # two clicks at once: the other one won
        raise LinkError("used", "this link has already been used") from None
    clean = " ".join((note or "").split())[:500] or None
    return mark_done(
        view.claim.item_id, session=session, actor=f"{view.person.name} from the mail", now=now, note=clean
    )
