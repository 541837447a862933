"""Reminder settings on bodies, and case-blind name keys for bodies and people (with a backfill).

Revision ID: 0004_mailings
Revises: 0001
Create Date: 2026-12-07 04:50:00

"""
import unicodedata
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004_mailings"
down_revision: Union[str, Sequence[str], None] = "0003_outbox"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _key(name: str | None) -> str:
    """The same key as models.columns.name_key, frozen here so later code changes cannot alter history."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())


def _backfill(table: str) -> None:
    """Every existing row gets its key; a clash (two names one key) fails the migration by name."""
    conn = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column("name", sa.String),
                    sa.column("name_key", sa.String))
    found = conn.execute(sa.select(rows.c.id, rows.c.name)).all()
    if found:
        conn.execute(
            rows.update().where(rows.c.id == sa.bindparam("row_id")).values(name_key=sa.bindparam("key")),
            [{"row_id": row_id, "key": _key(name)} for row_id, name in found],
        )


def upgrade() -> None:
    """Add the columns, fill the keys, then make them required and unique."""
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reminders", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(
            sa.Column("meeting_reminder_days", sa.Integer(), nullable=False, server_default="2")
        )
        batch_op.add_column(sa.Column("item_reminder_days", sa.Integer(), nullable=False, server_default="3"))
        batch_op.add_column(sa.Column("name_key", sa.String(), nullable=True))
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(), nullable=True))
    _backfill("body")
    _backfill("person")
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.alter_column("name_key", existing_type=sa.String(), nullable=False)
        batch_op.create_index(batch_op.f("ix_body_name_key"), ["name_key"], unique=True)
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.alter_column("name_key", existing_type=sa.String(), nullable=False)
        batch_op.create_index(batch_op.f("ix_person_name_key"), ["name_key"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_person_body_id_name_key"), ["body_id", "name_key"])
    # The overdue and due-soon range scans use 0002_web's (status, due_date, id) index.


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_person_body_id_name_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_person_name_key"))
        batch_op.drop_column("name_key")
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_body_name_key"))
        batch_op.drop_column("name_key")
        batch_op.drop_column("item_reminder_days")
        batch_op.drop_column("meeting_reminder_days")
        batch_op.drop_column("reminders")
