"""The plan file's tables, derived from the domain records' field specs.

Every collection is a table with ``id`` and ``position``; every singleton a
one-row table. Money and hours are integer hundredths (never REAL), times are
UTC, lists of ids are JSON text. Migrations in ``migrations/`` are the frozen
history of this schema; ``test_schema_matches_migrations`` keeps them in step.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from summit_app.plan import model
from summit_app.plan.fields import FieldSpec, Kind, specs
from summit_app.store.layout import (
    APPLICATION_ID,
    CASCADE,
    SCHEMA_VERSION,
    TABLE_NAMES,
    amount_columns,
    from_hundredths,
    from_json_list,
    from_naive_utc,
    to_hundredths,
    to_json_list,
    to_naive_utc,
)

__all__ = ["APPLICATION_ID", "METADATA", "SCHEMA_VERSION", "TABLE_NAMES", "amount_columns", "table"]

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
        return None if value is None else to_hundredths(value)

    def process_result_value(self, value: int | None, dialect: sa.Dialect) -> Decimal | None:
        return None if value is None else from_hundredths(value)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Stored as naive UTC; comes back aware (SQLite drops offsets)."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else to_naive_utc(value)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        return None if value is None else from_naive_utc(value)


class JSONList(sa.TypeDecorator[tuple[str, ...]]):
    """A tuple of strings as JSON text (portable, and the domain checks the links)."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: tuple[str, ...] | None, dialect: sa.Dialect) -> str:
        return to_json_list(value)

    def process_result_value(self, value: str | None, dialect: sa.Dialect) -> tuple[str, ...]:
        return from_json_list(value)


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
        Kind.BOOL: (sa.Boolean(), False, None),
        Kind.DATE: (sa.Date(), True, None),
        Kind.DATETIME: (UTCDateTime(), True, None),
        Kind.CHOICES: (JSONList(), False, "'[]'"),
        Kind.LINKS: (JSONList(), False, "'[]'"),
    }
    sql_type, nullable, default = types[kind]
    server_default: Any = sa.text(default) if default is not None else None
    if kind is Kind.BOOL:  # ``DEFAULT 0`` in a file (the same text as ever), ``DEFAULT false`` on PostgreSQL
        server_default = sa.false()
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


def server_metadata() -> sa.MetaData:
    """The same tables for a PostgreSQL schema, with links checked at commit and no cascade.

    PostgreSQL runs ``ON DELETE CASCADE`` the moment a row goes, even for a
    deferred constraint: a batch that removes a goal before moving its actions
    to another goal would lose them. The domain removes a goal's actions
    explicitly (a goal's removal is refused while actions point to it), so on
    the server every link is plain and ``DEFERRABLE INITIALLY DEFERRED``: the
    parts of a batch may come in any order and the links are checked once, at
    commit. A file keeps its cascades (its commit turns foreign keys off).
    """
    metadata = build_metadata()
    for t in metadata.tables.values():
        for fk in t.foreign_key_constraints:
            fk.ondelete = None
            fk.deferrable = True
            fk.initially = "DEFERRED"
    return metadata
