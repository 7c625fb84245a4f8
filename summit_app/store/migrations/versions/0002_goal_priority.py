"""Goals get a priority (set by the team's dot vote).

Revision ID: 0002
Revises: 0001

A batch rebuild of ``goals``, the parent of ``goal_actions`` (ON DELETE CASCADE)
and of budget lines: with foreign keys on, this is the migration that would
silently delete every action. ``store.migrate`` runs it with them off.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("goals", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("goals", recreate="always") as batch_op:
        batch_op.drop_column("priority")
