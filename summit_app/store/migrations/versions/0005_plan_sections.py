"""The sections a complete plan also holds: peers and lighthouse schools, communication, equity and accessibility.

Revision ID: 0005
Revises: 0004

New columns go at the end of their tables (``ALTER TABLE … ADD COLUMN``, no
rebuild: nothing can cascade), each with the record's default for the rows
already there, so nothing a team entered changes. Four new tables: the
equity and accessibility record (one row, at its defaults), peer districts,
lighthouse schools and the communication plan.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"

_TEXT = sa.text("('')")
_ZERO = sa.text("0")
_LIST = sa.text("'[]'")


def _new_columns() -> dict[str, tuple[sa.Column, ...]]:
    """New columns of existing tables, in the order the records list them (new objects each run:
    a column belongs to the one table it is added to)."""
    return {
        "district": (_whole("low_income_percent"),
                     sa.Column("peer_matching", sa.Boolean(), server_default=_ZERO, nullable=False)),
        "privacy_apps": (_text("accessibility_report"),),
        "budget_lines": (sa.Column("pilot", sa.Boolean(), server_default=_ZERO, nullable=False),
                         _text("accessibility_report")),
    }


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), server_default=_TEXT, nullable=False)


def _whole(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer(), server_default=_ZERO, nullable=False)


def _list(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), server_default=_LIST, nullable=False)


def _collection(name: str, *columns: sa.Column) -> None:
    op.create_table(name, sa.Column("id", sa.String(), nullable=False),
                    sa.Column("position", sa.Integer(), nullable=False), *columns,
                    sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")))


def upgrade() -> None:
    for table, columns in _new_columns().items():
        for column in columns:
            op.add_column(table, column)
    op.create_table(
        "equity",
        sa.Column("id", sa.Integer(), nullable=False),
        _whole("no_home_internet_percent"), _text("take_home"), _text("loaner_policy"), _text("hotspot_plan"),
        _whole("assistive_students"), _text("assistive_plan"), _text("public_entity_size"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_equity")),
    )
    op.execute("INSERT INTO equity (id) VALUES (1)")
    _collection("peer_districts", _text("name"), _text("state"), _whole("enrollment"), _whole("low_income_percent"),
                _list("alike_in"), _text("relation"), sa.Column("visit_date", sa.Date(), nullable=True),
                _text("visitors"), _text("adopt"))
    _collection("lighthouse_schools", _text("name"), _text("district"), _text("shows"), _list("goal_ids"),
                sa.Column("open_from", sa.Date(), nullable=True), _list("open_to"), _text("contact"))
    _collection("communications", _text("kind"), _list("audiences"), _text("message"), _text("channel"),
                _text("languages"), sa.Column("planned_date", sa.Date(), nullable=True), _text("owner"))


def downgrade() -> None:
    for name in ("communications", "lighthouse_schools", "peer_districts", "equity"):
        op.drop_table(name)
    for table, columns in _new_columns().items():
        with op.batch_alter_table(table) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column.name)
