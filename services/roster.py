"""The roster: bodies (organiser, time zone, approval) and their people, imported from CSV or YAML."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from models.tables import Body, Person
from muistio.invite import InviteError
from muistio.invite import check_email as usable_address
from muistio.plaintext import unsafe_character

CSV_COLUMNS = ("name", "email", "aliases", "organization", "language")
LANGUAGES = ("fi", "en")
DEFAULT_BODY = "default"


class RosterError(ValueError):
    """Bad roster input or an unknown body; the message is one line meant for users."""


@dataclass
class PersonEntry:
    """One person as read from a roster file or the command line."""

    name: str
    email: str | None = None
    aliases: list[str] = field(default_factory=list)
    organization: str | None = None
    language: str | None = None


@dataclass
class ImportReport:
    """What an import changed."""

    body: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI."""
        return (
            f"{self.body}: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged"
        )


def _clean(value: Any) -> str | None:
    """A stripped string, or None for empty."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _check_plain(where: str, what: str, value: Any) -> None:
    """Refuse line breaks, control and text-direction characters in a field (they reach headers and pages)."""
    values = value if isinstance(value, list | tuple) else [value]
    for one in values:
        bad = unsafe_character(str(one)) if one is not None else None
        if bad:
            raise RosterError(f"{where}: the {what} contains {bad}")


def check_email(value: str | None, where: str) -> str | None:
    """A usable bare address (the mail composer's own check, and a dotted domain), or a RosterError."""
    email = _clean(value)
    if email is None:
        return None
    try:
        address = usable_address(email)
    except InviteError:
        raise RosterError(f"{where}: {email!r} is not an e-mail address") from None
    if "." not in address.rpartition("@")[2]:
        raise RosterError(f"{where}: {email!r} is not an e-mail address")
    return address


def make_entry(
    where: str,
    name: Any,
    email: Any = None,
    aliases: Any = None,
    organization: Any = None,
    language: Any = None,
) -> PersonEntry:
    """Validate one person's fields; errors name `where` (file and line)."""
    clean_name = _clean(name)
    if clean_name is None:
        raise RosterError(f"{where}: the name is empty")
    fields = {"name": name, "email": email, "aliases": aliases, "organization": organization}
    for what, value in fields.items():
        _check_plain(where, what, value)
    if aliases is None:
        alias_list: list[str] = []
    elif isinstance(aliases, list | tuple):
        alias_list = [a for a in (_clean(x) for x in aliases) if a]
    else:
        alias_list = [a for a in (_clean(x) for x in str(aliases).split(";")) if a]
    lang = _clean(language)
    if lang is not None:
        lang = lang.lower()
        if lang not in LANGUAGES:
            raise RosterError(f"{where}: language {lang!r} is not one of {', '.join(LANGUAGES)}")
    return PersonEntry(
        name=clean_name,
        email=check_email(email, where),
        aliases=list(dict.fromkeys(alias_list)),
        organization=_clean(organization),
        language=lang,
    )


def parse_csv(text: str, source: str = "CSV") -> list[PersonEntry]:
    """Read `name,email,aliases,organization,language` rows (header optional, aliases `;`-separated)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    entries: list[PersonEntry] = []
    names: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{source} line {number}"
        if not row or all(not cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if number == 1 and [c.strip().lower() for c in row][:1] == ["name"]:
            unknown = [c for c in (c.strip().lower() for c in row) if c and c not in CSV_COLUMNS]
            if unknown:
                raise RosterError(f"{where}: unknown column {unknown[0]!r}; expected {','.join(CSV_COLUMNS)}")
            continue
        if len(row) > len(CSV_COLUMNS):
            raise RosterError(
                f"{where}: {len(row)} fields, at most {len(CSV_COLUMNS)} ({','.join(CSV_COLUMNS)})"
            )
        cells = [*row, *[""] * (len(CSV_COLUMNS) - len(row))]
        entry = make_entry(where, *cells)
        _no_duplicate(entry, names, where, source)
        names[entry.name.casefold()] = number
        entries.append(entry)
    return entries


def _no_duplicate(entry: PersonEntry, names: dict[str, int], where: str, source: str) -> None:
    """One person per name within a file."""
    first = names.get(entry.name.casefold())
    if first is not None:
        raise RosterError(f"{where}: {entry.name!r} is already on {source} line {first}")


def parse_yaml(text: str, source: str = "YAML") -> list[PersonEntry]:
    """Read a YAML list of people (or `people:` holding one), each a mapping of the CSV columns."""
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - pyyaml comes with prefect
        raise RosterError("reading YAML needs the pyyaml package; use CSV instead") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise RosterError(f"{source}{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from exc
    if isinstance(data, dict) and "people" in data:
        data = data["people"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise RosterError(f"{source}: expected a list of people")
    entries: list[PersonEntry] = []
    names: dict[str, int] = {}
    for number, item in enumerate(data, start=1):
        where = f"{source} entry {number}"
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise RosterError(
                f"{where}: expected a mapping with name, email, aliases, organization, language"
            )
        unknown = [k for k in item if str(k) not in CSV_COLUMNS]
        if unknown:
            raise RosterError(f"{where}: unknown field {unknown[0]!r}")
        entry = make_entry(where, *(item.get(k) for k in CSV_COLUMNS))
        _no_duplicate(entry, names, where.replace(" entry ", " line "), source)
        names[entry.name.casefold()] = number
        entries.append(entry)
    return entries


def read_roster(path: Path) -> list[PersonEntry]:
    """Parse a roster file by its suffix (.csv, .yaml/.yml); every error is one line naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RosterError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise RosterError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise RosterError(f"{path}: {exc.strerror or exc}") from exc
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return parse_yaml(text, path.name)
    if suffix in (".csv", ".txt", ""):
        return parse_csv(text, path.name)
    raise RosterError(f"{path}: unknown roster format {suffix!r}; use .csv or .yaml")


# --- bodies ----------------------------------------------------------------------------------


def find_body(session: Session, name: str | None, *, create: bool = False) -> Body:
    """The named body, or the only one when no name is given; `create` makes a missing one."""
    if name is not None:
        name = name.strip()
        if not name:
            raise RosterError("the body name is empty")
        body = session.exec(select(Body).where(Body.name == name)).first()
        if body is None:
            if not create:
                known = ", ".join(b.name for b in session.exec(select(Body)).all()) or "none yet"
                raise RosterError(f"no body named {name!r} (known: {known})")
            body = Body(name=name)
            session.add(body)
            session.flush()
        return body
    bodies = list(session.exec(select(Body).order_by(Body.name)).all())
    if len(bodies) == 1:
        return bodies[0]
    if not bodies:
        if not create:
            raise RosterError("no bodies yet; give one with --body NAME")
        return find_body(session, DEFAULT_BODY, create=True)
    raise RosterError(f"several bodies ({', '.join(b.name for b in bodies)}); choose one with --body")


def set_body(
    session: Session,
    name: str,
    *,
    organizer_name: str | None = None,
    organizer_email: str | None = None,
    timezone: str | None = None,
    language: str | None = None,
    require_approval: bool | None = None,
) -> Body:
    """Create or change a body's organiser, time zone, language and approval rule."""
    body = find_body(session, name, create=True)
    if organizer_name is not None:
        clean = _clean(organizer_name)
        if clean and any(c in clean for c in "\r\n"):
            raise RosterError("the organiser name contains a line break")
        body.organizer_name = clean
    if organizer_email is not None:
        body.organizer_email = check_email(organizer_email, "--organizer-email")
    if timezone is not None:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise RosterError(f"unknown time zone {timezone!r} (use a name like Europe/Helsinki)") from exc
        body.timezone = timezone
    if language is not None:
        if language not in LANGUAGES:
            raise RosterError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        body.language = language
    if require_approval is not None:
        body.require_approval = require_approval
    session.add(body)
    session.flush()
    return body


# --- people ----------------------------------------------------------------------------------


def upsert_people(session: Session, body: Body, entries: list[PersonEntry]) -> ImportReport:
    """Add or update people of a body by name; the caller's transaction makes it all or nothing."""
    report = ImportReport(body=body.name)
    existing = {p.name.casefold(): p for p in session.exec(select(Person).where(Person.body_id == body.id))}
    for entry in entries:
        person = existing.get(entry.name.casefold())
        if person is None:
            person = Person(
                name=entry.name,
                email=entry.email,
                aliases=entry.aliases,
                organization=entry.organization,
                language=entry.language,
                body_id=body.id,
            )
            session.add(person)
            existing[entry.name.casefold()] = person
            report.added.append(entry.name)
            continue
        # An empty field in the file keeps what is known rather than wiping it.
        new = {
            "email": entry.email or person.email,
            "aliases": entry.aliases or list(person.aliases),
            "organization": entry.organization or person.organization,
            "language": entry.language or person.language,
        }
        old = {k: getattr(person, k) for k in new}
        if new == old:
            report.unchanged.append(entry.name)
            continue
        for k, v in new.items():
            setattr(person, k, v)
        session.add(person)
        report.updated.append(entry.name)
    session.flush()
    return report


def import_people(session: Session, path: Path, *, body: str | None = None) -> ImportReport:
    """Read a roster file completely, then store it; a bad row raises before anything is written."""
    entries = read_roster(path)
    return upsert_people(session, find_body(session, body, create=True), entries)


def add_person(session: Session, entry: PersonEntry, *, body: str | None = None) -> ImportReport:
    """Add (or update) one person."""
    return upsert_people(session, find_body(session, body, create=True), [entry])


def list_people(session: Session, *, body: str | None = None) -> list[tuple[Body, Person]]:
    """People with their body, by body and name; all bodies unless one is named."""
    bodies = {b.id: b for b in session.exec(select(Body)).all()}
    stmt = select(Person)
    if body is not None:
        stmt = stmt.where(Person.body_id == find_body(session, body).id)
    people = session.exec(stmt).all()
    rows = [(bodies[p.body_id], p) for p in people if p.body_id in bodies]
    return sorted(rows, key=lambda bp: (bp[0].name.casefold(), bp[1].name.casefold()))
