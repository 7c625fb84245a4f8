"""A table's plan as the facilitator projects it: live through the read-only role, unrevealed scores withheld."""

from __future__ import annotations

from pathlib import Path

import pytest
from room.roomsetup import Room

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.room.join import connect_seat
from summit_app.room.projection import TableFeed, withhold_unrevealed
from summit_app.room.room_rollup import read_tables
from summit_app.room.seat import Seat

pytestmark = pytest.mark.xdist_group("room")


def test_a_projected_table_follows_the_seats_edits_and_cannot_write(room: Room, tmp_path: Path) -> None:
    room.add("proj_feed")
    location = connect_seat(room.code("proj_feed"), room.passphrase("proj_feed"), tmp_path)
    with TableFeed(room.folder, "proj_feed") as feed, Seat(location, "Ana") as ana:
        assert feed.document.read_only
        written = ana.edit(SetField("district", "", "name", "Cedar Falls Schools"))
        assert feed.catch_up(timeout=5) == 1
        assert feed.sequence == written.sequence
        assert feed.document.plan.district.name == "Cedar Falls Schools"
        assert feed.catch_up(timeout=0) == 0


def test_scores_of_elements_the_table_has_not_revealed_are_withheld() -> None:
    plan = model.Plan(
        members=(model.TeamMember("m1", name="Ana"), model.TeamMember("m2", name="Ben")),
        readiness=(model.ReadinessRating("e1", revealed=True), model.ReadinessRating("e2", revealed=False)),
        member_ratings=(model.MemberRating("r1", "e1", "m1", 7), model.MemberRating("r2", "e2", "m1", 9),
                        model.MemberRating("r3", "e3", "m2", 4)))
    shown = withhold_unrevealed(plan)
    assert [(r.id, r.score) for r in shown.member_ratings] == [("r1", 7), ("r2", None), ("r3", None)]
    assert withhold_unrevealed(shown) is shown


def test_the_roll_up_reads_the_rooms_tables_and_skips_one_it_cannot_read_by_name(room: Room) -> None:
    room.add("proj_rollup")
    read = read_tables(room.folder)(["proj_rollup", "proj_missing"])
    assert read.listed == 2
    assert len(read.plans) == 1
    assert [(s.path, s.why, s.position) for s in read.skipped] == [
        ("table proj_missing", "the room has no table of that name", 2)]
