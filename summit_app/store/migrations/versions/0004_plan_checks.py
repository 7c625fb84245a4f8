"""The facts the plan checks need: network upgrades over time, delivery dates, training purpose, E-Rate shares.

Revision ID: 0004
Revises: 0003

New columns (each with its default for the rows already there, so nothing a
team entered changes) and two new tables: planned network upgrades, and the
findings a team accepted with a reason. ``network`` and ``budget_lines`` are
rebuilt (a column in the middle of ``network``; a new link on budget lines);
``store.migrate`` runs this with foreign keys off, so no rebuild can cascade.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

_TEXT = sa.text("('')")
_ZERO = sa.text("0")


def upgrade() -> None:
    with op.batch_alter_table("district") as batch_op:
        batch_op.add_column(sa.Column("erate_discount_percent", sa.Integer(), server_default=_ZERO, nullable=False))
    with op.batch_alter_table("network", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("cipa_in_place", sa.Boolean(), server_default=_ZERO, nullable=False),
                            insert_before="notes")
    with op.batch_alter_table("learning_activities") as batch_op:
        batch_op.add_column(sa.Column("purpose", sa.Text(), server_default=_TEXT, nullable=False))
    with op.batch_alter_table("milestones") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.Text(), server_default=_TEXT, nullable=False))
    with op.batch_alter_table("budget_lines", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("device_type", sa.Text(), server_default=_TEXT, nullable=False))
        batch_op.add_column(sa.Column("device_users", sa.Text(), server_default=_TEXT, nullable=False))
        batch_op.add_column(sa.Column("replaces_devices", sa.Boolean(), server_default=_ZERO, nullable=False))
        batch_op.add_column(sa.Column("delivery_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("erate_category", sa.Text(), server_default=_TEXT, nullable=False))
        batch_op.add_column(sa.Column("match_source_id", sa.String(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_budget_lines_match_source_id_funding_sources"),
                                    "funding_sources", ["match_source_id"], ["id"])
    # The records' defaults for what the rows already there did not say.
    op.execute("UPDATE learning_activities SET purpose = 'instruction'")
    op.execute("UPDATE milestones SET kind = 'milestone'")
    op.execute("UPDATE budget_lines SET device_users = 'students'")
    op.create_table(
        "network_upgrades",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), server_default=_TEXT, nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=True),
        sa.Column("internet_mbps", sa.Integer(), server_default=_ZERO, nullable=False),
        sa.Column("wan_mbps", sa.Integer(), server_default=_ZERO, nullable=False),
        sa.Column("wifi_coverage_percent", sa.Integer(), server_default=_ZERO, nullable=False),
        sa.Column("budget_line_ids", sa.Text(), server_default=sa.text("'[]'"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_upgrades")),
    )
    op.create_table(
        "accepted_findings",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), server_default=_TEXT, nullable=False),
        sa.Column("item_id", sa.Text(), server_default=_TEXT, nullable=False),
        sa.Column("basis", sa.Text(), server_default=_TEXT, nullable=False),
        sa.Column("reason", sa.Text(), server_default=_TEXT, nullable=False),
        sa.Column("role", sa.Text(), server_default=_TEXT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accepted_findings")),
    )


def downgrade() -> None:
    op.drop_table("accepted_findings")
    op.drop_table("network_upgrades")
    with op.batch_alter_table("budget_lines", recreate="always") as batch_op:
        batch_op.drop_constraint("fk_budget_lines_match_source_id_funding_sources", type_="foreignkey")
        for name in ("match_source_id", "erate_category", "delivery_date", "replaces_devices", "device_users",
                     "device_type"):
            batch_op.drop_column(name)
    with op.batch_alter_table("milestones") as batch_op:
        batch_op.drop_column("kind")
    with op.batch_alter_table("learning_activities") as batch_op:
        batch_op.drop_column("purpose")
    with op.batch_alter_table("network", recreate="always") as batch_op:
        batch_op.drop_column("cipa_in_place")
    with op.batch_alter_table("district") as batch_op:
        batch_op.drop_column("erate_discount_percent")
