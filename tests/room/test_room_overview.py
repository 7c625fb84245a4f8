"""The facilitator's overview of the room, read through its read-only role, and the watcher that keeps it fresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from room.roomsetup import Room
from room.seathelp import BEAT, table_location

from summit_app.plan.checks import assess
from summit_app.plan.edits import SetField
from summit_app.plan.steps import STEPS
from summit_app.room.overview import RoomWatcher, room_overview, table_overview
from summit_app.room.seat import Seat
from summit_app.workflows.errors import UsageError

pytestmark = pytest.mark.xdist_group("room")


def test_an_edit_on_a_seat_is_heard_by_the_watcher_and_shows_in_the_overview(room: Room, tmp_path: Path) -> None:
    location = table_location(room, "o_maple", tmp_path)
    with RoomWatcher(room.folder) as watcher, Seat(location, "Ana", heartbeat=BEAT) as ana:
        assert watcher.changed(timeout=5) == {"o_maple"}  # Ana sat down
        before = table_overview(room.folder, "o_maple")
        assert (before.district, before.sequence, before.last_activity) == ("", 0, None)
        written = ana.edit(SetField("district", "", "name", "Maple Valley Schools"))
        assert watcher.changed(timeout=5) == {"o_maple"}
        ana.announce("budget", "budget_lines/b1/rationale")
        assert watcher.changed(timeout=5) == {"o_maple"}
        after = table_overview(room.folder, "o_maple")
    assert after.district == "Maple Valley Schools"
    assert after.sequence == written.sequence
    assert after.last_activity is not None
    assert [(s.author, s.pane, s.editing) for s in after.seats] == [("Ana", "budget", "budget_lines/b1/rationale")]
    assert [title for title, _ in after.progress] == [title for _, title in STEPS]
    assert dict(after.progress)["District & team"] == "partial"
    assert dict(after.progress)["Budget"] == "empty"
    found = assess(ana.document.plan, ana.document.content).open
    assert after.findings == tuple(sum(f.severity == s for f in found) for s in ("blocking", "warning", "advice"))
    assert sum(after.findings) > 0


def test_the_room_overview_lists_every_table_and_the_watcher_hears_a_table_added_later(
        room: Room, tmp_path: Path) -> None:
    with RoomWatcher(room.folder) as watcher:
        location = table_location(room, "o_later", tmp_path)
        watcher.changed()  # the new table is listened to from here on
        with Seat(location, "Ben", heartbeat=BEAT):
            assert watcher.changed(timeout=5) == {"o_later"}
            tables = {t.table: t for t in room_overview(room.folder)}
            assert set(room.state.tables) == set(tables)
            assert [s.author for s in tables["o_later"].seats] == ["Ben"]
        assert watcher.changed(timeout=5) == {"o_later"}  # Ben left
    assert table_overview(room.folder, "o_later").seats == ()
    with pytest.raises(UsageError, match="no table of that name"):
        table_overview(room.folder, "o_nowhere")
