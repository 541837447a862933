"""Bodies by name: listing them, and refusing an unknown name with the near matches (typos make no body)."""

from __future__ import annotations

import difflib

from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Body, BodyRead
from muistio.errors import MuistioError


class UnknownBody(MuistioError, LookupError):
    """A body name that matches no body; the message is one line naming the near matches."""


def list_bodies(session: Session) -> list[BodyRead]:
    """Every body, by name."""
    rows = session.exec(select(Body).order_by(func.lower(Body.name), col(Body.id))).all()
    return [BodyRead.model_validate(b) for b in rows]


def existing_body(session: Session, name: str) -> Body:
    """The body with this name (case and spacing ignored); UnknownBody with near matches otherwise."""
    wanted = " ".join(name.split())
    body = session.exec(select(Body).where(func.lower(Body.name) == wanted.lower())).first()
    if body is not None:
        return body
    names = [b.name for b in session.exec(select(Body))]
    near = difflib.get_close_matches(wanted, names, n=3, cutoff=0.6)
    near += [n for n in names if wanted.lower() in n.lower() and n not in near][: 3 - len(near)]
    hint = (
        f"; did you mean {', '.join(repr(n) for n in near)}?"
        if near
        else (f"; known: {', '.join(names[:5])}" if names else "; there are no bodies yet")
    )
    raise UnknownBody(f"no body named {wanted!r}{hint} (see `muistio body list`)")
