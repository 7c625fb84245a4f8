"""Render the facilitator's room console and a projected table: docs/screenshots/room-console*.png.

A throw-away room (the system's PostgreSQL programs, a folder of its own) with
four tables started from sample plans; headless seats sit at them and tell
the room which step they are on; then the console, a table's join code, the
projected table (1280×720, as a projector shows it) and the live roll-up are
grabbed. Run from the checkout (it needs PostgreSQL's server programs, as the
room does): ``QT_QPA_PLATFORM=offscreen python tools/console_screenshots.py docs/screenshots``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from summit_app.app import application  # noqa: E402
from summit_app.plan.edits import SetField  # noqa: E402
from summit_app.plan.samples import demo_plan, small_plan  # noqa: E402
from summit_app.room import cluster, facilitator  # noqa: E402
from summit_app.room.join import connect_seat  # noqa: E402
from summit_app.room.seat import Seat  # noqa: E402
from summit_app.room.state import load_state  # noqa: E402
from summit_app.ui.room.console import RoomConsole  # noqa: E402
from tools.scratch_room import scratch_room  # noqa: E402

#: (table, its plan, the seats at it and the step each is on)
TABLES = (
    ("cedar_valley", demo_plan, (("Maria Lopez", "budget"), ("Tom Becker", "privacy"), ("Ana Ruiz", "budget"))),
    ("pine_hollow", lambda: small_plan(3, "Pine Hollow School District"), (("Sam Ortiz", "vision"),)),
    ("river_bend", lambda: small_plan(7, "River Bend Unified"), (("Lee Chan", "readiness"), ("Kim Novak", "learning"))),
    ("oak_ridge", lambda: small_plan(11, "Oak Ridge Schools"), ()),
)


def settle(until: Callable[[], bool] | None = None, seconds: float = 5.0) -> None:
    """Let Qt deliver what the room sent (until ``until`` holds, at most ``seconds``)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if until is not None and until():
            break
        time.sleep(0.02)
    QApplication.processEvents()


def save(widget: QWidget, target: Path, written: list[Path]) -> None:
    QApplication.processEvents()
    widget.grab().save(str(target))
    written.append(target)


def render(out: Path) -> list[Path]:
    application()
    out.mkdir(parents=True, exist_ok=True)
    seats: list[Seat] = []
    written: list[Path] = []
    with scratch_room("summit-room-shots-") as base:
        room = base / "room"
        try:
            facilitator.start_room(facilitator.StartRequest(room, cluster.free_port(), None, "192.168.1.20"))
            for table, plan, _sitting in TABLES:
                facilitator.add_table(room, table, facilitator.blank_or(plan()))
            state = load_state(room)
            for table, _plan, sitting in TABLES:
                location = connect_seat(facilitator.join_code(state, table).text().replace("192.168.1.20", "127.0.0.1"),
                                        state.tables[table].passphrase, base / "cache")
                for author, pane in sitting:
                    seat = Seat(location, author)
                    seat.announce(pane)
                    seats.append(seat)
            seats[3].edit(SetField("district", "", "name", "Pine Hollow School District"))
            written += render_console(room, out)
        finally:
            for seat in seats:
                seat.close()
    return written


def render_console(room: Path, out: Path) -> list[Path]:
    written: list[Path] = []
    console = RoomConsole(room)
    console.resize(1280, 560)
    console.show()
    settle(lambda: console.loaded and "Maria Lopez" in console.row_of("cedar_valley")[2], seconds=15)
    console.select("cedar_valley")
    save(console, out / "room-console.png", written)
    view = console.show_code()
    assert view is not None
    view.toggle_passphrase()
    save(view, out / "room-console-code.png", written)
    view.close()
    projected = console.project()
    assert projected is not None
    projected.show_pane("budget")
    settle(seconds=0.5)
    save(projected, out / "room-console-projected.png", written)
    projected.close()
    rollup = console.open_rollup()
    settle(lambda: rollup.figure("District plans in the roll-up") == str(len(TABLES)))  # type: ignore[attr-defined]
    save(rollup, out / "room-console-rollup.png", written)
    console.close()
    return written


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
