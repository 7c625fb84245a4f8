"""The plan file's tables, derived from the domain records' field specs.

Every collection is a table with ``id`` and ``position``; every singleton a
one-row table. Money and hours are integer hundredths (never REAL), times are
UTC, lists of ids are JSON text. Migrations in ``migrations/`` are the frozen
history of this schema; ``test_schema_matches_migrations`` keeps them in step.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from summit_app.plan import model
from summit_app.plan.fields import FieldSpec, Kind, specs

#: ``PRAGMA application_id`` of a plan file ("SuPl").
APPLICATION_ID = 0x5375506C
#: ``PRAGMA user_version``: the schema revision this app writes.
SCHEMA_VERSION = 2

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Hundredths(sa.TypeDecorator[Decimal]):
    """A non-float Decimal with two places, stored as an integer count of hundredths."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: sa.Dialect) -> int | None:
        return None if value is None else int((value * 100).to_integral_exact())

    def process_result_value(self, value: int | None, dialect: sa.Dialect) -> Decimal | None:
        return None if value is None else Decimal(value).scaleb(-2)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Stored as naive UTC; comes back aware (SQLite drops offsets)."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class JSONList(sa.TypeDecorator[tuple[str, ...]]):
    """A tuple of strings as JSON text (portable, and the domain checks the links)."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: tuple[str, ...] | None, dialect: sa.Dialect) -> str:
        return json.dumps(list(value or ()), ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: sa.Dialect) -> tuple[str, ...]:
        return tuple(json.loads(value)) if value else ()


TABLE_NAMES: dict[str, str] = {
    "district": "district",
    "vision": "vision",
    "network": "network",
    "approval": "approval",
    "signature": "signature",
    "members": "team_members",
    "readiness": "readiness_ratings",
    "member_ratings": "member_ratings",
    "goals": "goals",
    "actions": "goal_actions",
    "learning": "learning_activities",
    "apps": "privacy_apps",
    "practices": "privacy_practices",
    "devices": "devices",
    "funding": "funding_sources",
    "budget": "budget_lines",
    "milestones": "milestones",
}

#: Links whose rows go with their parent (a goal's actions, a member's ratings).
CASCADE = {("actions", "goal_id"), ("member_ratings", "member_id")}


def amount_columns(s: FieldSpec) -> list[str]:
    return [f"{s.name}_{i + 1}" for i in range(s.length or 0)]


def _columns(collection: str, s: FieldSpec) -> list[sa.Column[Any]]:
    kind = s.kind
    if kind is Kind.DECIMALS:
        return [sa.Column(n, Hundredths(), nullable=False, server_default="0") for n in amount_columns(s)]
    if kind is Kind.LINK:
        target = TABLE_NAMES[s.target or ""]
        ondelete = "CASCADE" if (collection, s.name) in CASCADE else None
        return [sa.Column(s.name, sa.String, sa.ForeignKey(f"{target}.id", ondelete=ondelete), nullable=True)]
    types: dict[Kind, tuple[Any, bool, str | None]] = {
        Kind.TEXT: (sa.Text(), False, "''"),
        Kind.CHOICE: (sa.Text(), False, "''"),
        Kind.INT: (sa.Integer(), False, "0"),
        Kind.OPT_INT: (sa.Integer(), True, None),
        Kind.DECIMAL: (Hundredths(), False, "0"),
        Kind.BOOL: (sa.Boolean(), False, "0"),
        Kind.DATE: (sa.Date(), True, None),
        Kind.DATETIME: (UTCDateTime(), True, None),
        Kind.CHOICES: (JSONList(), False, "'[]'"),
        Kind.LINKS: (JSONList(), False, "'[]'"),
    }
    sql_type, nullable, default = types[kind]
    server_default = sa.text(default) if default is not None else None
    return [sa.Column(s.name, sql_type, nullable=nullable, server_default=server_default)]


def build_metadata() -> sa.MetaData:
    metadata = sa.MetaData(naming_convention=NAMING)
    for name, record_type in model.SINGLETONS.items():
        cols = [c for s in specs(record_type) for c in _columns(name, s)]
        sa.Table(TABLE_NAMES[name], metadata, sa.Column("id", sa.Integer, primary_key=True), *cols)
    for name, record_type in model.COLLECTIONS.items():
        cols = [c for s in specs(record_type) for c in _columns(name, s)]
        sa.Table(
            TABLE_NAMES[name], metadata,
            sa.Column("id", sa.String, primary_key=True),
            sa.Column("position", sa.Integer, nullable=False),
            *cols,
        )
    sa.Table(
        "edit_log", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("author", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("label", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("edit", sa.Text, nullable=False),
    )
    sa.Table(
        "plan_info", metadata,
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    return metadata


METADATA = build_metadata()


def table(collection: str) -> sa.Table:
    return METADATA.tables[TABLE_NAMES[collection]]
