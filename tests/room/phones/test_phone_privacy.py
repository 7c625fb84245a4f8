"""No score leaks: not to a table's role, not to the facilitator's, not in a notification, not in the log."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql
from room.phones.phonesetup import ELEMENT, Phones
from room.phones.test_phone_rounds import form_of, rate

from summit_app.room.phones.database import API_SCHEMA, PRIVATE_SCHEMA, channel, connect_options
from summit_app.room.phones.seats import TableRounds
from summit_app.store.edit_notice import channel as edit_channel
from summit_app.store.errors import PlanFileError
from summit_app.store.location import parse_location

pytestmark = pytest.mark.xdist_group("room")
NOTE = "Our wifi drops in the gym every afternoon"
PRIVATE_TABLES = ("rating", "vote", "token", "round")


def as_seat(location: str) -> psycopg.Connection[Any]:
    """A connection signed in as the table's role, the way its seats sign in."""
    where = parse_location(location)
    return psycopg.connect(host=where.host, port=where.port, dbname=where.database, user=where.user,
                           password=where.password, autocommit=True, **dict(where.options))


def as_facilitator(phones: Phones) -> psycopg.Connection[Any]:
    state = phones.room.state
    return psycopg.connect(**connect_options(phones.room.folder, state), user=state.facilitator_user,
                           password=state.facilitator_password, autocommit=True)


def refused_everything(conn: psycopg.Connection[Any]) -> None:
    for name in PRIVATE_TABLES:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql.SQL("SELECT * FROM {}.{}").format(sql.Identifier(PRIVATE_SCHEMA), sql.Identifier(name)))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(f"SELECT {PRIVATE_SCHEMA}.channel('x')")


def test_scores_are_never_in_notifications_the_log_or_reach_of_the_table_role_before_reveal(
        phones: Phones, seat_cache: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summit_app.room.phones")
    table = phones.table("ph_leak", cache=seat_cache)
    heard: list[tuple[str, str]] = []
    with as_seat(table.location) as ear, phones.client() as client, TableRounds(table.location) as rounds:
        for name in (channel(table.name), edit_channel(table.name)):
            ear.execute(sql.SQL("LISTEN {}").format(sql.Identifier(name)))
        rounds.rate_now(ELEMENT)
        for member, score in (("m-ana", "7"), ("m-ben", "10"), ("m-cy", "3")):
            assert rate(client, table.path(member), score, NOTE).status_code == 303
        refused_everything(ear)  # the table's own role, while the scores wait for the reveal
        with as_facilitator(phones) as projector:
            refused_everything(projector)
        assert rounds.who_rated(ELEMENT) == ["m-ana", "m-ben", "m-cy"]
        heard += [(n.channel, n.payload) for n in ear.notifies(timeout=2, stop_after=4)]
    assert [c for c, _ in heard] == [channel(table.name)] * 4  # the round set, then three scores
    rounds_versions = [tuple(map(int, p.split("."))) for _, p in heard]
    assert [v for _, v in rounds_versions] == sorted(v for _, v in rounds_versions)
    assert all(re.fullmatch(r"[0-9]+\.[0-9]+", p) for _, p in heard)
    lines = [r.getMessage() for r in caplog.records if r.name == "summit_app.room.phones"]
    assert len(lines) >= 6
    for line in lines:
        assert re.fullmatch(r"phones: (GET|POST) member (page|answer) [0-9]{3} [0-9]+ ms", line), line
    text = "\n".join(lines)
    for secret in (*table.tokens.values(), NOTE, "Ana Ruiz", "m-ana"):
        assert secret not in text


def test_a_seat_calls_only_for_its_own_table_and_no_one_else_may_call(phones: Phones, seat_cache: Path) -> None:
    first = phones.table("ph_own_a", cache=seat_cache)
    second = phones.table("ph_own_b", cache=seat_cache)
    with phones.client() as client, TableRounds(first.location) as a, TableRounds(second.location) as b:
        a.rate_now(ELEMENT)
        b.rate_now(ELEMENT)
        assert rate(client, first.path("m-ana"), "8").status_code == 303
        assert b.who_rated(ELEMENT) == []
        assert b.reveal(ELEMENT) == []
        assert a.who_rated(ELEMENT) == ["m-ana"]
        b_form = form_of(client.get(second.path("m-ana")))
        # a token of table A with table B's page field is still table A's member: the field is per link
        assert client.post(first.path("m-ana"), data={**b_form, "score": "1"}).status_code == 403
    with as_facilitator(phones) as projector:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only a table's seats may do this"):
            projector.execute(f"SELECT * FROM {API_SCHEMA}.who_rated(%s)", (ELEMENT,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            projector.execute(f"SELECT * FROM {API_SCHEMA}.reveal(%s)", (ELEMENT,))
    with as_seat(first.location) as seat, pytest.raises(psycopg.errors.InsufficientPrivilege):
        seat.execute(f"SET ROLE {phones.room.state.facilitator_user}")
    with TableRounds(first.location) as a, pytest.raises(PlanFileError, match="not an element id"):
        a.rate_now("x'; DROP TABLE rating; --")


def test_the_page_follows_the_table_by_server_sent_events_and_by_polling(phones: Phones, seat_cache: Path) -> None:
    table = phones.table("ph_live", cache=seat_cache)
    path = table.path("m-ana")
    with phones.live() as base, TableRounds(table.location) as rounds:
        with httpx.Client(base_url=base, timeout=10) as client:
            before = int(client.get(f"{path}/round").text)
        seen: list[int] = []
        opened = threading.Event()

        def follow() -> None:
            with httpx.Client(base_url=base, timeout=10) as own, own.stream("GET", f"{path}/events") as events:
                assert events.headers["content-type"].startswith("text/event-stream")
                for line in events.iter_lines():
                    if line.startswith("data: "):
                        seen.append(int(line.removeprefix("data: ")))
                        opened.set()
                        if seen[-1] == before + 2:
                            return

        reader = threading.Thread(target=follow, daemon=True)
        reader.start()
        assert opened.wait(10)
        rounds.rate_now(ELEMENT)
        rounds.reveal(ELEMENT)
        reader.join(10)
        assert not reader.is_alive()
        assert seen[0] == before
        assert seen[-1] == before + 2  # the page hears the table move on (each change, or at least the last)
        assert seen == sorted(set(seen))
        with httpx.Client(base_url=base, timeout=10) as client:
            assert int(client.get(f"{path}/round").text) == before + 2
