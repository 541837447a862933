"""Create every table of models/tables.py.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 20:17:49.390755

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('body',
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('timezone', sa.String(), nullable=False),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('organizer_name', sa.String(), nullable=True),
    sa.Column('organizer_email', sa.String(), nullable=True),
    sa.Column('require_approval', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body'))
    )
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_name'), ['name'], unique=True)

    op.create_table('meeting',
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('status', sa.Enum('scheduled', 'held', 'cancelled', name='meetingstatus'), nullable=False),
    sa.Column('calendar_uid', sa.String(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('agenda_preview', sa.JSON(), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('previous_meeting_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_meeting_body_id_body')),
    sa.ForeignKeyConstraint(['previous_meeting_id'], ['meeting.id'], name=op.f('fk_meeting_previous_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('body_id', 'date', name=op.f('uq_meeting_body_id_date'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_calendar_uid'), ['calendar_uid'], unique=True)
        batch_op.create_index(batch_op.f('ix_meeting_date'), ['date'], unique=False)

    op.create_table('person',
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('organization', sa.String(), nullable=True),
    sa.Column('language', sa.String(), nullable=True),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['body.id'], name=op.f('fk_person_body_id_body')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('body_id', 'name', name=op.f('uq_person_body_id_name'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)

    op.create_table('actionitem',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('agenda_number', sa.String(), nullable=True),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('due_precision', sa.String(), nullable=True),
    sa.Column('due_phrase', sa.String(), nullable=True),
    sa.Column('status', sa.Enum('open', 'done', 'cancelled', name='actionstatus'), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_actionitem_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actionitem')),
    sa.UniqueConstraint('meeting_id', 'key', name=op.f('uq_actionitem_meeting_id_key'))
    )
    with op.batch_alter_table('actionitem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actionitem_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_actionitem_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_actionitem_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actionitem_status'), ['status'], unique=False)

    op.create_table('agendaitem',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('presenters', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agendaitem_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agendaitem')),
    sa.UniqueConstraint('meeting_id', 'number', name=op.f('uq_agendaitem_meeting_id_number'))
    )
    with op.batch_alter_table('agendaitem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agendaitem_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('agenda_number', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_decision_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('outboxmessage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('message_id', sa.String(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'sending', 'sent', 'failed', name='outboxstatus'), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_outboxmessage_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outboxmessage'))
    )
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outboxmessage_key'), ['key'], unique=True)
        batch_op.create_index(batch_op.f('ix_outboxmessage_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outboxmessage_status'), ['status'], unique=False)

    op.create_table('participation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_participation_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_participation_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation')),
    sa.UniqueConstraint('meeting_id', 'person_id', name=op.f('uq_participation_meeting_id_person_id'))
    )
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participation_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_person_id'), ['person_id'], unique=False)

    op.create_table('sourcedocument',
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('format', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.String(), nullable=False),
    sa.Column('error', sa.String(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_sourcedocument_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sourcedocument'))
    )
    with op.batch_alter_table('sourcedocument', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sourcedocument_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sourcedocument_sha256'), ['sha256'], unique=True)

    op.create_table('actionitemevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_item_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('old', sa.String(), nullable=True),
    sa.Column('new', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['action_item_id'], ['actionitem.id'], name=op.f('fk_actionitemevent_action_item_id_actionitem')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actionitemevent'))
    )
    with op.batch_alter_table('actionitemevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actionitemevent_action_item_id'), ['action_item_id'], unique=False)

    op.create_table('actionitemowner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_item_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['action_item_id'], ['actionitem.id'], name=op.f('fk_actionitemowner_action_item_id_actionitem')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_actionitemowner_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actionitemowner'))
    )
    with op.batch_alter_table('actionitemowner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actionitemowner_action_item_id'), ['action_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actionitemowner_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('actionitemowner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actionitemowner_person_id'))
        batch_op.drop_index(batch_op.f('ix_actionitemowner_action_item_id'))

    op.drop_table('actionitemowner')
    with op.batch_alter_table('actionitemevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actionitemevent_action_item_id'))

    op.drop_table('actionitemevent')
    with op.batch_alter_table('sourcedocument', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sourcedocument_sha256'))
        batch_op.drop_index(batch_op.f('ix_sourcedocument_meeting_id'))

    op.drop_table('sourcedocument')
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participation_person_id'))
        batch_op.drop_index(batch_op.f('ix_participation_meeting_id'))

    op.drop_table('participation')
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outboxmessage_status'))
        batch_op.drop_index(batch_op.f('ix_outboxmessage_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_outboxmessage_key'))

    op.drop_table('outboxmessage')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_meeting_id'))

    op.drop_table('decision')
    with op.batch_alter_table('agendaitem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agendaitem_meeting_id'))

    op.drop_table('agendaitem')
    with op.batch_alter_table('actionitem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actionitem_status'))
        batch_op.drop_index(batch_op.f('ix_actionitem_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_actionitem_key'))
        batch_op.drop_index(batch_op.f('ix_actionitem_due_date'))

    op.drop_table('actionitem')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_body_id'))

    op.drop_table('person')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_date'))
        batch_op.drop_index(batch_op.f('ix_meeting_calendar_uid'))
        batch_op.drop_index(batch_op.f('ix_meeting_body_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('body', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_name'))

    op.drop_table('body')
    # PostgreSQL keeps enum types after their tables; drop them so upgrade can run again.
    for name in ("actionstatus", "meetingstatus", "outboxstatus"):
        sa.Enum(name=name).drop(op.get_bind(), checkfirst=True)
