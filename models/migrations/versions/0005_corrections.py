"""Corrections with consent: held corrections, held invitations, mail queued after the store.

Revision ID: 0005_corrections
Revises: 0001
Create Date: 2026-12-07 04:40:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005_corrections'
down_revision: Union[str, Sequence[str], None] = '0004_mailings'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('pendingchange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'discarded', 'superseded', name='pendingstatus'), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.Column('body_name', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('format', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('extraction', sa.JSON(), nullable=False),
    sa.Column('diff', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_pendingchange_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pendingchange'))
    )
    with op.batch_alter_table('pendingchange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pendingchange_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pendingchange_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_pendingchange_status'), ['status'], unique=False)

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hold_reason', sa.String(), nullable=True))

    with op.batch_alter_table('sourcedocument', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mail_queued', sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('sourcedocument', schema=None) as batch_op:
        batch_op.drop_column('mail_queued')

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('hold_reason')

    with op.batch_alter_table('pendingchange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pendingchange_status'))
        batch_op.drop_index(batch_op.f('ix_pendingchange_sha256'))
        batch_op.drop_index(batch_op.f('ix_pendingchange_meeting_id'))

    op.drop_table('pendingchange')
    sa.Enum(name='pendingstatus').drop(op.get_bind(), checkfirst=True)
