"""Render a seat's window at a summit table to docs/screenshots/room-seat*.png (offscreen, 1440x900).

Run from the checkout: ``make screenshots`` (``tools/room_screenshots.py OUT_FOLDER``). It starts a
room of its own in a temporary folder (the system's PostgreSQL programs, as ``summit-app room
start`` does), adds the demo plan as a table, seats a window and two headless seats at it, and
renders: the window with the presence strip and a notice (``room-seat.png``), the same window while
the room's server is not answering (``room-seat-lost.png``), and the join dialog refusing a wrong
passphrase (``room-seat-join.png``). The room is stopped and removed afterwards.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="summit-screens-cache-"))

import psycopg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from summit_app.app import application  # noqa: E402
from summit_app.plan.edits import SetField  # noqa: E402
from summit_app.plan.samples import demo_plan  # noqa: E402
from summit_app.room import cluster, facilitator  # noqa: E402
from summit_app.room.join import connect_seat  # noqa: E402
from summit_app.room.seat import Seat  # noqa: E402
from summit_app.room.state import CERT_FILE, load_state  # noqa: E402
from summit_app.ui.base.preferences import Preferences  # noqa: E402
from summit_app.ui.room.join_dialog import JoinRequest, join  # noqa: E402
from summit_app.ui.window.main_window import MainWindow  # noqa: E402
from tools.scratch_room import scratch_room  # noqa: E402
from tools.scratch_room import wait as wait_until  # noqa: E402

wait = partial(wait_until, tool="room screenshots")

SIZE = (1440, 900)
TABLE = "cedar_valley"


def start(folder: Path) -> tuple[str, str]:
    """A room in ``folder`` with the demo plan as a table; its join code and passphrase."""
    facilitator.start_room(facilitator.StartRequest(folder / "room", cluster.free_port(), None, "127.0.0.1"))
    facilitator.add_table(folder / "room", TABLE, facilitator.blank_or(demo_plan()))
    state = load_state(folder / "room")
    return facilitator.join_code(state, TABLE).text(), state.tables[TABLE].passphrase


def seated(out: Path, folder: Path, code: str, passphrase: str) -> list[Path]:
    window = MainWindow(Preferences(), remember=False)
    window.resize(*SIZE)
    window.show()
    window.open_seat(join(JoinRequest(code, passphrase, "Ana", folder / "Ana.techplan")))
    assert window.context is not None
    assert window.workspace is not None
    assert window.seat_room is not None
    window.workspace.show_pane("budget")
    location = connect_seat(code, passphrase)
    finance, lee = Seat(location, "Finance"), Seat(location, "Dr. Lee")
    try:
        window.context.edit(SetField("budget", "line-02", "unit_cost", Decimal("118000.00"), "Change Unit cost"))
        finance.catch_up(timeout=5)
        finance.announce("budget")
        lee.announce("vision", "vision//statement")
        finance.edit(SetField("budget", "line-02", "unit_cost", Decimal("124500.00"), "Change Unit cost"))
        wait(lambda: window.seat_room is not None and len(window.seat_room.presence.texts()) == 2
             and bool(window.seat_room.notices.texts()))
        shots = [out / "room-seat.png", out / "room-seat-lost.png"]
        window.grab().save(str(shots[0]))
        end_connections(folder, window.seat_room.session.seat.seat_id)
        wait(lambda: window.seat_room is not None and window.seat_room.banner.isVisible())
        window.seat_room.session.heartbeat.stop()  # hold the banner for the picture
        window.grab().save(str(shots[1]))
    finally:
        finance.close()
        lee.close()
        window.close()
    return shots


def end_connections(folder: Path, seat_id: str) -> None:
    state = load_state(folder / "room")
    with psycopg.connect(host="127.0.0.1", port=state.port, dbname=state.database, user=state.admin_user,
                         password=state.admin_password, sslmode="verify-ca",
                         sslrootcert=str(folder / "room" / CERT_FILE), autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                     (f"Summit Planner seat {seat_id}",))


def refused_join(out: Path, folder: Path, code: str) -> Path:
    window = MainWindow(Preferences(), remember=False)
    window.resize(*SIZE)
    window.show()
    dialog = window.join_table()
    dialog.code.setText(code)
    dialog.passphrase.setText("not the passphrase")
    dialog.author.setText("Ana")
    dialog.mirror.setText(str(folder / "Summit table cedar_valley.techplan"))
    dialog.join_button.click()
    wait(lambda: dialog.error.isVisible() and not dialog.busy)
    QApplication.processEvents()
    target = out / "room-seat-join.png"
    dialog.grab().save(str(target))
    dialog.reject()
    window.close()
    return target


def render(out: Path) -> list[Path]:
    """Write the room screenshots into ``out``; returns their paths."""
    application()
    out.mkdir(parents=True, exist_ok=True)
    with scratch_room("summit-screens-room-") as folder:
        code, passphrase = start(folder)
        return [*seated(out, folder, code, passphrase), refused_join(out, folder, code)]


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
