"""How a plan sits in its file's tables: names, columns and stored values, without SQLAlchemy.

Both read paths use this: ``schema.py`` builds the SQLAlchemy tables (the
portable path, for writing and for a shared server later) and ``fast_read.py``
reads a plan file with the standard library's sqlite3 (the quick path an app
start takes). One definition of each stored form keeps the two in step.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

from summit_app.plan.fields import FieldSpec, owned_links

#: ``PRAGMA application_id`` of a plan file ("SuPl").
APPLICATION_ID = 0x5375506C
#: ``PRAGMA user_version``: the schema revision this app writes.
SCHEMA_VERSION = 5

TABLE_NAMES: dict[str, str] = {
    "district": "district",
    "vision": "vision",
    "network": "network",
    "equity": "equity",
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
    "upgrades": "network_upgrades",
    "acceptances": "accepted_findings",
    "peers": "peer_districts",
    "lighthouses": "lighthouse_schools",
    "communications": "communications",
}

#: Links whose rows go with their parent (a goal's actions, a member's ratings): the model's owned links.
CASCADE = owned_links()


def amount_columns(s: FieldSpec) -> list[str]:
    """The columns of a per-year amounts field: ``name_1`` … ``name_N``."""
    return [f"{s.name}_{i + 1}" for i in range(s.length or 0)]


# --- stored forms (PITFALLS.md: no REAL for money, no offsets in SQLite) ---------------


def to_hundredths(value: Decimal) -> int:
    """Money and hours are stored as an exact integer count of hundredths."""
    return int((value * 100).to_integral_exact())


def from_hundredths(value: int) -> Decimal:
    return Decimal(value).scaleb(-2)


def to_naive_utc(value: datetime) -> datetime:
    """Times are stored as naive UTC (SQLite keeps no offset)."""
    return value.astimezone(UTC).replace(tzinfo=None)


def from_naive_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def to_json_list(value: tuple[str, ...] | None) -> str:
    """A tuple of ids as JSON text: portable, and the domain checks the links."""
    return json.dumps(list(value or ()), ensure_ascii=False)


def from_json_list(value: str | None) -> tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()
