"""What a table's seats ask of the phones: set the round, see who has answered, reveal, count the dots.

The seat signs in as its table's role, which can read nothing of the phones'
private schema: it calls the ``room_phones_api`` functions, which work on the
caller's own table only. ``who_rated`` and ``who_voted`` return member ids and
nothing else; ``reveal`` returns the scores and marks them revealed in the same
step, so nothing is read early without the table seeing it was revealed;
``close_vote`` returns only each goal's total. The seat then writes what it got
into the plan as one edit (``plan.revealing``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from summit_app.plan.revealing import PhoneScore, tally_of
from summit_app.plan.voting import Choice, TallyRow
from summit_app.room.phones.database import channel
from summit_app.room.phones.settings import API_SCHEMA
from summit_app.store.errors import PlanFileError
from summit_app.store.location import parse_location


class TableRounds:
    """A seat's connection to the phones of its table (from the seat's plan location)."""

    def __init__(self, location: str) -> None:
        where = parse_location(location)
        self.table = where.plan
        options: dict[str, Any] = dict(where.options)
        try:
            self._conn: psycopg.Connection[Any] = psycopg.connect(
                host=where.host, port=where.port, dbname=where.database, user=where.user, password=where.password,
                application_name="Summit Planner seat phones", autocommit=True, **options)
        except psycopg.Error as exc:
            raise PlanFileError(where.shown(), f"the phones cannot be reached ({_words(exc)})") from None
        self._where = where.shown()
        self._location = location
        self._bell: psycopg.Connection[Any] | None = None

    def _call(self, function: str, *args: Any) -> list[tuple[Any, ...]]:
        query = sql.SQL("SELECT * FROM {}.{}({})").format(sql.Identifier(API_SCHEMA), sql.Identifier(function),
                                                         sql.SQL(", ").join([sql.Placeholder()] * len(args)))
        try:
            return list(self._conn.execute(query, args).fetchall())
        except psycopg.Error as exc:
            raise PlanFileError(self._where, _words(exc)) from None

    def rate_now(self, element_id: str) -> None:
        """Members' phones ask for a score of ``element_id`` now."""
        self._call("rate_now", element_id)

    def open_vote(self, goals: Sequence[Choice], dots: int) -> None:
        """Members' phones hold a dot vote over ``goals`` (id, title), ``dots`` each."""
        self._call("open_vote", json.dumps([{"id": g, "title": t} for g, t in goals]), dots)

    def stop(self) -> None:
        """The phones ask for nothing now."""
        self._call("stop_round")

    def asking(self) -> tuple[str, str] | None:
        """What the table's phones are asked now, whichever seat asked: ("rate", element id), ("vote", "") or None."""
        rows = self._call("asking")
        kind = str(rows[0][0]) if rows else ""
        if kind == "rate":
            return kind, str(rows[0][1])
        return (kind, "") if kind == "vote" else None

    def who_rated(self, element_id: str) -> list[str]:
        """The ids of the members who have scored ``element_id`` (no scores)."""
        return [str(r[0]) for r in self._call("who_rated", element_id)]

    def who_voted(self) -> list[str]:
        """The ids of the members who have placed dots in the open vote."""
        return [str(r[0]) for r in self._call("who_voted")]

    def reveal(self, element_id: str) -> list[PhoneScore]:
        """The members' scores of ``element_id``, marked revealed as they are returned."""
        return [PhoneScore(str(m), int(s), str(n)) for m, s, n in self._call("reveal", element_id)]

    def close_vote(self, goals: Sequence[Choice]) -> list[TallyRow]:
        """Close the dot vote; its ranking (totals only, nobody's own dots)."""
        totals = {str(g): int(d) for g, d in self._call("close_vote")}
        return tally_of(goals, totals)

    @property
    def channel(self) -> str:
        """Where the table's phone notifications arrive (``ROUND.VERSION``), for a seat that listens."""
        return channel(self.table)

    def listen(self) -> int:
        """LISTEN on the table's phone channel on a connection of its own; its socket (for a socket notifier).

        Apart from the calls' connection, so a call never swallows a notification the window waits for.
        """
        if self._bell is None:
            where = parse_location(self._location)
            options: dict[str, Any] = dict(where.options)
            try:
                self._bell = psycopg.connect(
                    host=where.host, port=where.port, dbname=where.database, user=where.user,
                    password=where.password, application_name="Summit Planner seat phones (listening)",
                    autocommit=True, **options)
                self._bell.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
            except psycopg.Error as exc:
                raise PlanFileError(self._where, f"cannot hear the phones ({_words(exc)})") from None
        return self._bell.fileno()

    def heard(self) -> bool:
        """True if the phones changed something (a score, a dot, the round) since the last call; never waits."""
        if self._bell is None:
            return False
        try:
            return bool(list(self._bell.notifies(timeout=0)))
        except psycopg.Error as exc:
            raise PlanFileError(self._where, f"cannot hear the phones ({_words(exc)})") from None

    def close(self) -> None:
        if self._bell is not None:
            self._bell.close()
        self._conn.close()

    def __enter__(self) -> TableRounds:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _words(exc: psycopg.Error) -> str:
    diag = getattr(exc, "diag", None)
    text = getattr(diag, "message_primary", None) or str(exc).strip().splitlines()[-1:] or ["error"]
    return text if isinstance(text, str) else text[0]
