"""Several seats editing one table's plan at once, on the real PostgreSQL server (tests/pg.py).

Each seat is a real ``Seat``: its own connections, its own document; they
meet only through the server (the notice trigger, the edit log, the table's
turn lock).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pg import admin, plan_name
from psycopg import sql
from room.roomsetup import Room

from summit_app.plan import model
from summit_app.plan.edits import AddItem, RemoveItem, SetField
from summit_app.plan.interchange import fingerprint
from summit_app.plan.seating import RemovedMeanwhileError
from summit_app.room.join import connect_seat
from summit_app.room.seat import Seat
from summit_app.store.edit_notice import channel
from summit_app.store.errors import PlanFileError, PlanLockedError
from summit_app.store.plan_file import create_plan
from summit_app.store.server import ServerPlan

GOALS = (model.Goal("g1", title="Access"), model.Goal("g2", title="Learning"), model.Goal("g3", title="Data"))


@pytest.fixture
def table_plan(pg_url: str) -> str:
    create_plan(pg_url, model.Plan(goals=GOALS)).close()
    return pg_url


@pytest.fixture
def seats(table_plan: str) -> Iterator[Callable[[str], Seat]]:
    opened: list[Seat] = []

    def sit(author: str) -> Seat:
        seat = Seat(table_plan, author)
        opened.append(seat)
        return seat

    yield sit
    for seat in opened:
        seat.close()


def server_plan(url: str) -> model.Plan:
    with ServerPlan.open(url, read_only=True) as plan:
        return plan.load()


def edit_log(url: str) -> list[tuple[int, str, str]]:
    with admin() as conn:
        return [(int(r[0]), str(r[1]), str(r[2])) for r in conn.execute(sql.SQL(
            "SELECT id, author, edit FROM {}.edit_log ORDER BY id").format(sql.Identifier(plan_name(url))))]


def goal(plan: model.Plan, goal_id: str) -> model.Goal:
    found = plan.item("goals", goal_id)
    assert isinstance(found, model.Goal)
    return found


def test_edits_on_different_fields_both_land_and_each_seat_sees_the_others(seats: Callable[[str], Seat],
                                                                           table_plan: str) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    heard: list[Any] = []
    ben.document.subscribe(lambda edit, plan: heard.append(edit))
    first = ana.edit(SetField("goals", "g1", "title", "Broadband for all"))
    second = ben.edit(SetField("goals", "g1", "owner", "Ben"))
    assert [r.entry.author for r in second.remote] == ["Ana"]  # Ben's turn applied Ana's edit first
    assert second.notices == ()
    assert heard[0] == SetField("goals", "g1", "title", "Broadband for all")
    assert [r.sequence for r in ana.catch_up(timeout=5)] == [second.sequence]
    assert first.sequence < second.sequence
    for seat in (ana, ben):
        assert goal(seat.document.plan, "g1").title == "Broadband for all"
        assert goal(seat.document.plan, "g1").owner == "Ben"
        assert fingerprint(seat.document.plan) == fingerprint(server_plan(table_plan))


def test_same_field_last_writer_wins_and_the_notice_names_the_overwritten_author(
        seats: Callable[[str], Seat], table_plan: str) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    ana.edit(SetField("goals", "g2", "title", "Ana's title"))
    result = ben.edit(SetField("goals", "g2", "title", "Ben's title"))
    assert [(n.author, n.item_id, n.field) for n in result.notices] == [("Ana", "g2", "title")]
    assert "Ana" in result.notices[0].message
    ana.catch_up(timeout=5)
    told = ana.take_notices()
    assert [(n.author, n.item_id, n.field) for n in told] == [("Ben", "g2", "title")]  # both seats are told
    assert "Ben replaced the value of title you set" in told[0].message
    assert ana.take_notices() == []
    assert goal(ana.document.plan, "g2").title == goal(server_plan(table_plan), "g2").title == "Ben's title"


def test_an_edit_on_an_item_another_seat_removed_is_refused_naming_who_and_nothing_is_written(
        seats: Callable[[str], Seat], table_plan: str) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    ana.edit(RemoveItem("goals", "g3"))
    before = edit_log(table_plan)
    with pytest.raises(RemovedMeanwhileError, match="the item was removed by Ana"):
        ben.edit(SetField("goals", "g3", "title", "Too late"))
    assert edit_log(table_plan) == before
    assert ben.document.plan.item("goals", "g3") is None  # Ben's plan has Ana's removal all the same
    assert ben.sequence == before[-1][0]
    assert fingerprint(ben.document.plan) == fingerprint(server_plan(table_plan))


def test_three_seats_committing_at_once_end_equal_with_a_gap_free_log(seats: Callable[[str], Seat],
                                                                    table_plan: str) -> None:
    team = [seats(name) for name in ("Ana", "Ben", "Cy")]
    start = threading.Barrier(len(team))
    failures: list[BaseException] = []
    others: dict[str, list[int]] = {seat.document.author: [] for seat in team}  # other seats' edits applied

    def work(seat: Seat, n: int) -> None:
        mine = others[seat.document.author]
        try:
            start.wait()
            for i in range(15):
                item_id = f"{seat.document.author}{i}"
                for edit in (AddItem("goals", model.Goal(item_id, title=item_id)),
                             SetField("goals", "g1", "owner", item_id)):
                    mine.extend(r.sequence for r in seat.edit(edit).remote)
                if i % 3 == n:
                    mine.extend(r.sequence for r in seat.catch_up())
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(seat, n)) for n, seat in enumerate(team)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    log = edit_log(table_plan)
    assert [row[0] for row in log] == list(range(1, 91))  # 3 seats x 30 edits, gap-free, each written once
    on_server = server_plan(table_plan)
    assert len(on_server.goals) == 3 + 45
    for seat in team:
        mine = others[seat.document.author]
        if seat.sequence < 90:  # the seat that wrote last has nothing to wait for
            mine.extend(r.sequence for r in seat.catch_up(timeout=5))
        own = {row[0] for row in log if row[1] == seat.document.author}
        assert sorted(mine) == mine == sorted(set(range(1, 91)) - own)  # every other edit once, in order
        assert seat.sequence == 90
        assert fingerprint(seat.document.plan) == fingerprint(on_server)


def test_a_seat_whose_listening_connection_was_lost_catches_up_by_sequence(seats: Callable[[str], Seat],
                                                                         table_plan: str) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    ben._listener.close()  # the connection is gone: notifications sent meanwhile never reach Ben
    written = [ana.edit(SetField("goals", gid, "owner", "Ana")).sequence for gid in ("g1", "g2", "g3")]
    ben.reconnect()
    caught = ben.catch_up()
    assert [r.sequence for r in caught] == written
    assert ben.catch_up(timeout=0.2) == []  # nothing applied twice
    assert fingerprint(ben.document.plan) == fingerprint(server_plan(table_plan))


def test_notifications_carry_only_sequence_numbers(seats: Callable[[str], Seat], table_plan: str) -> None:
    with psycopg.connect(autocommit=True) as ear:
        ear.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel(plan_name(table_plan)))))
        ana = seats("Ana")
        ana.edit(SetField("goals", "g1", "title", "A secret goal title"))
        ana.edit(RemoveItem("goals", "g2"))
        payloads = [n.payload for n in ear.notifies(timeout=5, stop_after=2)]
    assert payloads == [str(row[0]) for row in edit_log(table_plan)]
    assert all(re.fullmatch(r"[0-9]+", p) for p in payloads)


def test_a_single_editor_and_seats_exclude_each_other(seats: Callable[[str], Seat], table_plan: str) -> None:
    seats("Ana")
    seats("Ben")  # seats share the plan
    with pytest.raises(PlanLockedError):
        ServerPlan.open(table_plan)
    with admin() as conn:
        triggers = conn.execute("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s "
                                "AND NOT t.tgisinternal", (plan_name(table_plan),)).fetchone()
    assert triggers == (1,)


def test_undo_through_the_document_takes_back_only_the_seats_own_edit(seats: Callable[[str], Seat],
                                                                     table_plan: str) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    undo = ana.document.apply(SetField("goals", "g1", "title", "Ana's"))  # the window's path: apply, keep the inverse
    ben.edit(SetField("goals", "g2", "title", "Ben's"))
    ana.document.apply(undo)
    on_server = server_plan(table_plan)
    assert (goal(on_server, "g1").title, goal(on_server, "g2").title) == ("Access", "Ben's")
    assert fingerprint(ana.document.plan) == fingerprint(on_server)


def test_a_plan_without_the_edit_notice_is_not_opened_as_a_seat(table_plan: str) -> None:
    with admin() as conn:
        conn.execute(sql.SQL("DROP FUNCTION {}.summit_edit_notice() CASCADE").format(
            sql.Identifier(plan_name(table_plan))))
    with pytest.raises(PlanFileError, match="its edits are not announced to other seats"):
        Seat(table_plan, "Ana")
    ServerPlan.open(table_plan).close()  # the lock was let go: a single editor may still open it


@pytest.mark.xdist_group("room")
def test_two_seats_of_a_room_table_share_its_plan_as_the_table_role(room: Room, tmp_path: Path) -> None:
    room.add("hazel")
    location = connect_seat(room.code("hazel"), room.passphrase("hazel"), tmp_path)
    with Seat(location, "Ana") as ana, Seat(location, "Ben") as ben:
        written = ana.edit(SetField("district", "", "name", "Hazel Grove Schools"))
        caught = ben.catch_up(timeout=5)
        assert [(r.sequence, r.entry.author) for r in caught] == [(written.sequence, "Ana")]
        assert ben.document.plan.district.name == "Hazel Grove Schools"


def test_a_refused_edit_still_tells_whose_value_the_edits_it_applied_replaced(seats: Callable[[str], Seat]) -> None:
    ana, ben = seats("Ana"), seats("Ben")
    ben.edit(SetField("goals", "g1", "title", "Ben's title"))
    ana.catch_up(timeout=5)
    ana.edit(SetField("goals", "g1", "title", "Ana's title"))
    ana.edit(RemoveItem("goals", "g3"))
    with pytest.raises(RemovedMeanwhileError):
        ben.edit(SetField("goals", "g3", "owner", "Ben"))
    assert [(n.author, n.field) for n in ben.take_notices()] == [("Ana", "title")]
    undo = ben.undo_conflicts(SetField("goals", "g1", "title", "Access"), 1)
    assert [n.author for n in undo[1]] == ["Ana"]  # the refused turn's edits count for undo too


def test_a_seat_that_has_left_refuses_an_edit_in_one_line_and_changes_nothing(
        seats: Callable[[str], Seat], table_plan: str) -> None:
    ana = seats("Ana")
    ana.close()
    with pytest.raises(PlanFileError, match="this seat has left the table; nothing was changed"):
        ana.edit(SetField("goals", "g1", "title", "Broadband"))
    assert goal(server_plan(table_plan), "g1").title == "Access"
    assert goal(ana.document.plan, "g1").title == "Access"
