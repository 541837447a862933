"""The outbox's status index carries the id, so a claim reads its rows in order.

Revision ID: 0006_outbox_claim_order
Revises: 0005_corrections
Create Date: 2026-12-07 10:30:00

"""
from typing import Sequence, Union

from alembic import op


revision: str = '0006_outbox_claim_order'
down_revision: Union[str, Sequence[str], None] = '0005_corrections'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outboxmessage_status'))
        batch_op.create_index('ix_outboxmessage_status_id', ['status', 'id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.drop_index('ix_outboxmessage_status_id')
        batch_op.create_index(batch_op.f('ix_outboxmessage_status'), ['status'], unique=False)
