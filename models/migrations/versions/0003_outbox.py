"""Outbox leases per row, the retry horizon and the daily failure notice.

Revision ID: 0003_outbox
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_outbox"
down_revision: str | Sequence[str] | None = "0002_web"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIMES = ("lease_until", "first_failure_at", "failed_at", "failure_noticed_at")


def upgrade() -> None:
    """Add the lease, horizon and notice columns."""
    with op.batch_alter_table("outboxmessage", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("interruptions", sa.Integer(), server_default="0", nullable=False))
        for name in _TIMES:
            batch_op.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Drop them again."""
    with op.batch_alter_table("outboxmessage", schema=None) as batch_op:
        for name in reversed(_TIMES):
            batch_op.drop_column(name)
        batch_op.drop_column("interruptions")
        batch_op.drop_column("claimed_by")
