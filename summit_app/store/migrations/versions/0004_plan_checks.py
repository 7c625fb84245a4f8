"""The facts the plan checks need: network upgrades over time, delivery dates, training purpose, E-Rate shares.

Revision ID: 0004
Revises: 0003

New columns (each with its default for the rows already there, so nothing a
team entered changes) and two new tables: planned network upgrades, and the
findings a team accepted with a reason. ``network`` and ``budget_lines`` are
rebuilt (a column in the middle of ``network``; a new link on budget lines);
``store.migrate`` runs this with foreign keys off, so no rebuild can cascade.

``budget_lines`` is rebuilt from its definition written out here, not by a
batch rebuild: that writes a table's constraints in the order of a Python set,
which differs from run to run, and opening checks a file's tables against the
definitions recorded for its revision (``store/known_schemas.py``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

_TEXT = sa.text("('')")
_EMPTY = sa.text("''")
_ZERO = sa.text("0")


#: ``budget_lines`` at revision 3, in order.
_LINE_COLUMNS_R3 = ("id", "position", "description", "category", "goal_id", "recurring", "unit_cost", "quantity",
                    "first_year", "last_year", "funding_source_id", "app_id")


def _budget_line_columns(with_revision_4: bool) -> list[sa.Column]:
    columns = [
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), server_default=_EMPTY, nullable=False),
        sa.Column("category", sa.Text(), server_default=_EMPTY, nullable=False),
        sa.Column("goal_id", sa.String(), nullable=True),
        sa.Column("recurring", sa.Boolean(), server_default=_ZERO, nullable=False),
        sa.Column("unit_cost", sa.BigInteger(), server_default=_ZERO, nullable=False),
        sa.Column("quantity", sa.Integer(), server_default=_ZERO, nullable=False),
        sa.Column("first_year", sa.Integer(), server_default=_ZERO, nullable=False),
        sa.Column("last_year", sa.Integer(), server_default=_ZERO, nullable=False),
        sa.Column("funding_source_id", sa.String(), nullable=True),
        sa.Column("app_id", sa.String(), nullable=True),
    ]
    if with_revision_4:
        columns += [
            sa.Column("device_type", sa.Text(), server_default=_EMPTY, nullable=False),
            sa.Column("device_users", sa.Text(), server_default=_EMPTY, nullable=False),
            sa.Column("replaces_devices", sa.Boolean(), server_default=_ZERO, nullable=False),
            sa.Column("delivery_date", sa.Date(), nullable=True),
            sa.Column("erate_category", sa.Text(), server_default=_EMPTY, nullable=False),
            sa.Column("match_source_id", sa.String(), nullable=True),
        ]
    return columns


def _budget_line_constraints(with_revision_4: bool) -> list[sa.Constraint]:
    """In the order a new file lists them."""
    constraints: list[sa.Constraint] = [
        sa.PrimaryKeyConstraint("id", name="pk_budget_lines"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], name="fk_budget_lines_goal_id_goals"),
        sa.ForeignKeyConstraint(["funding_source_id"], ["funding_sources.id"],
                                name="fk_budget_lines_funding_source_id_funding_sources"),
        sa.ForeignKeyConstraint(["app_id"], ["privacy_apps.id"], name="fk_budget_lines_app_id_privacy_apps"),
    ]
    if with_revision_4:
        constraints.append(sa.ForeignKeyConstraint(["match_source_id"], ["funding_sources.id"],
                                                   name="fk_budget_lines_match_source_id_funding_sources"))
    return constraints


def _rebuild_budget_lines(with_revision_4: bool) -> None:
    """``budget_lines`` as revision 4 (or 3) defines it, every row copied; new columns take their defaults."""
    op.create_table("_rebuilt_budget_lines", *_budget_line_columns(with_revision_4),
                    *_budget_line_constraints(with_revision_4))
    kept = ", ".join(_LINE_COLUMNS_R3)
    op.execute(f"INSERT INTO _rebuilt_budget_lines ({kept}) SELECT {kept} FROM budget_lines")
    op.drop_table("budget_lines")
    op.rename_table("_rebuilt_budget_lines", "budget_lines")


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
    _rebuild_budget_lines(with_revision_4=True)
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
    _rebuild_budget_lines(with_revision_4=False)
    with op.batch_alter_table("milestones") as batch_op:
        batch_op.drop_column("kind")
    with op.batch_alter_table("learning_activities") as batch_op:
        batch_op.drop_column("purpose")
    with op.batch_alter_table("network", recreate="always") as batch_op:
        batch_op.drop_column("cipa_in_place")
    with op.batch_alter_table("district") as batch_op:
        batch_op.drop_column("erate_discount_percent")
