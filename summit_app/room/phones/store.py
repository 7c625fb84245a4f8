"""What the service reads and writes on the room's server, as its own role (asynchronous, a few connections).

A token is looked up by its SHA-256 digest; the member it names must still be
on the table's plan (read through the facilitator's read-only privileges the
service role holds), else the token is revoked then and there. A score or a
vote is written only while the table's round asks for it, in one transaction
that holds the round's row, replacing the member's earlier answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from summit_app.room.phones.database import PRIVATE_SCHEMA, members_table
from summit_app.store.location import PLAN_NAME

POOL_SIZE = 4


def digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


@dataclass(frozen=True)
class Member:
    """The member a token belongs to: their table and id on its plan, and their name there."""

    table: str
    member_id: str
    name: str


class Refused(Exception):
    """The request cannot be done: ``status`` is the HTTP status, ``message`` what the page says."""

    def __init__(self, status: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Round:
    """What a table does now with the phones: ``kind`` is "", "rate" or "vote"."""

    kind: str
    element_id: str
    revealed: bool
    goals: tuple[tuple[str, str], ...]
    dots: int
    round: int
    version: int


NO_ROUND = Round("", "", False, (), 0, 0, 0)


@dataclass(frozen=True)
class MemberView:
    """What a member's page shows: the round and the member's own answers to it (theirs only)."""

    member: Member
    round: Round
    score: int | None
    note: str
    votes: Mapping[str, int]


class Pool:
    """A handful of connections shared by the service's requests, each used by one request at a time."""

    def __init__(self, options: Mapping[str, Any], size: int = POOL_SIZE) -> None:
        self._options = dict(options)
        self._size = size
        self._idle: asyncio.Queue[psycopg.AsyncConnection[Any]] = asyncio.Queue()
        self._made = 0

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        conn = await self._take()
        try:
            async with conn.transaction():
                yield conn
        except BaseException:
            if conn.closed or conn.broken:
                self._made -= 1
            else:
                self._idle.put_nowait(conn)
            raise
        self._idle.put_nowait(conn)

    async def _take(self) -> psycopg.AsyncConnection[Any]:
        if self._idle.empty() and self._made < self._size:
            self._made += 1
            try:
                return await psycopg.AsyncConnection.connect(**self._options, autocommit=True)
            except BaseException:
                self._made -= 1
                raise
        return await self._idle.get()

    async def close(self) -> None:
        while not self._idle.empty():
            await self._idle.get_nowait().close()
        self._made = 0


def _round(row: tuple[Any, ...] | None) -> Round:
    if row is None:
        return NO_ROUND
    kind, element, revealed, goals, dots, number, version = row
    options = tuple((str(g.get("id", "")), str(g.get("title", ""))) for g in (goals or []) if isinstance(g, dict))
    return Round(str(kind), str(element), bool(revealed), options, int(dots), int(number), int(version))


_ROUND_COLUMNS = "kind, element_id, revealed, goals, dots, round, version"


class PhoneStore:
    """The service's queries."""

    def __init__(self, pool: Pool) -> None:
        self.pool = pool

    async def member(self, token: str) -> Member:
        """The member whose token this is; ``Refused`` 404 (unknown) or 403 (revoked, or no longer on the plan)."""
        async with self.pool.connection() as conn:
            row = await (await conn.execute(
                f"SELECT table_name, member_id, revoked FROM {PRIVATE_SCHEMA}.token WHERE digest = %s",
                (digest(token),))).fetchone()
            if row is None:
                raise Refused(404, "This link is not known here. Ask the facilitator for your card.")
            table, member_id, revoked = str(row[0]), str(row[1]), bool(row[2])
            name = None if revoked else await self._name_on_plan(conn, table, member_id)
        if name is None:
            if not revoked:  # the member left the plan: their link stops working for good
                async with self.pool.connection() as conn:
                    await conn.execute(f"UPDATE {PRIVATE_SCHEMA}.token SET revoked = true WHERE digest = %s",
                                       (digest(token),))
            raise Refused(403, "This link no longer works: you are not on the table's team now.")
        return Member(table, member_id, name)

    async def _name_on_plan(self, conn: psycopg.AsyncConnection[Any], table: str, member_id: str) -> str | None:
        if not PLAN_NAME.fullmatch(table):
            return None
        query = sql.SQL("SELECT name FROM {}.{} WHERE id = %s").format(sql.Identifier(table),
                                                                         sql.Identifier(members_table()))
        try:
            async with conn.transaction():  # a savepoint: a table gone from the room leaves the rest usable
                row = await (await conn.execute(query, (member_id,))).fetchone()
        except (psycopg.errors.UndefinedTable, psycopg.errors.InvalidSchemaName):
            return None
        return None if row is None else str(row[0] or "").strip() or "Team member"

    async def round(self, table: str) -> Round:
        async with self.pool.connection() as conn:
            row = await (await conn.execute(
                f"SELECT {_ROUND_COLUMNS} FROM {PRIVATE_SCHEMA}.round WHERE table_name = %s", (table,))).fetchone()
        return _round(row)

    async def view(self, member: Member) -> MemberView:
        async with self.pool.connection() as conn:
            found = _round(await (await conn.execute(
                f"SELECT {_ROUND_COLUMNS} FROM {PRIVATE_SCHEMA}.round WHERE table_name = %s",
                (member.table,))).fetchone())
            score, note = None, ""
            if found.kind == "rate":
                row = await (await conn.execute(
                    f"SELECT score, note FROM {PRIVATE_SCHEMA}.rating WHERE table_name = %s AND element_id = %s "
                    "AND member_id = %s", (member.table, found.element_id, member.member_id))).fetchone()
                if row is not None:
                    score, note = int(row[0]), str(row[1])
            votes: dict[str, int] = {}
            if found.kind == "vote":
                rows = await (await conn.execute(
                    f"SELECT goal_id, dots FROM {PRIVATE_SCHEMA}.vote WHERE table_name = %s AND round = %s "
                    "AND member_id = %s", (member.table, found.round, member.member_id))).fetchall()
                votes = {str(g): int(d) for g, d in rows}
        return MemberView(member, found, score, note, votes)

    async def rate(self, member: Member, element_id: str, score: int, note: str) -> None:
        """Keep the member's score of ``element_id`` (replacing an earlier one) while the table rates it."""
        async with self.pool.connection() as conn:
            held = await self._held(conn, member.table)
            if held.kind != "rate" or held.element_id != element_id:
                raise Refused(409, "The table has moved on: this page was about something else. "
                                   "Your score was not kept; look at the page again.")
            if held.revealed:
                raise Refused(409, "The table has already revealed this element's scores; yours was not kept.")
            await conn.execute(
                f"INSERT INTO {PRIVATE_SCHEMA}.rating (table_name, element_id, member_id, score, note) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (table_name, element_id, member_id) "
                "DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note, at = now()",
                (member.table, element_id, member.member_id, score, note))
            await conn.execute(f"SELECT {PRIVATE_SCHEMA}.changed(%s, false)", (member.table,))

    async def vote(self, member: Member, round_number: int, dots: Mapping[str, int]) -> None:
        """Keep the member's dots for the table's dot vote (replacing earlier ones); ``Refused`` 422 past their dots."""
        async with self.pool.connection() as conn:
            held = await self._held(conn, member.table)
            if held.kind != "vote" or held.round != round_number:
                raise Refused(409, "The table has moved on: this dot vote is closed. Your dots were not kept.")
            known = {goal_id for goal_id, _ in held.goals}
            if any(goal_id not in known for goal_id in dots):
                raise Refused(422, "One of the goals is not in this vote.")
            if sum(dots.values()) > held.dots:
                raise Refused(422, f"You have {held.dots} dots to place; you placed {sum(dots.values())}.",
                              "dots")
            await conn.execute(f"DELETE FROM {PRIVATE_SCHEMA}.vote WHERE table_name = %s AND round = %s "
                               "AND member_id = %s", (member.table, held.round, member.member_id))
            for goal_id, count in dots.items():
                if count > 0:
                    await conn.execute(
                        f"INSERT INTO {PRIVATE_SCHEMA}.vote (table_name, round, member_id, goal_id, dots) "
                        "VALUES (%s, %s, %s, %s, %s)", (member.table, held.round, member.member_id, goal_id, count))
            await conn.execute(f"SELECT {PRIVATE_SCHEMA}.changed(%s, false)", (member.table,))

    async def _held(self, conn: psycopg.AsyncConnection[Any], table: str) -> Round:
        row = await (await conn.execute(f"SELECT {_ROUND_COLUMNS} FROM {PRIVATE_SCHEMA}.held(%s)",
                                        (table,))).fetchone()
        return _round(row)


def goals_json(goals: tuple[tuple[str, str], ...]) -> str:
    return json.dumps([{"id": g, "title": t} for g, t in goals])
