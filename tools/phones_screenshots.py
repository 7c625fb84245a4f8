"""Render a seat's readiness step while members rate on their phones to docs/screenshots/room-phones-rated.png.

Run from the checkout: ``make screenshots`` (``tools/phones_screenshots.py OUT_FOLDER``). It starts a
room of its own in a temporary folder, makes the phone service's role and schemas there (as ``room
phones`` does), adds the demo plan as a table, seats a window at it, asks the phones to rate an
element, serves the phone pages on a loopback port and has four members score through them over HTTP.
The picture shows who has rated, names only. The room is stopped and removed afterwards.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="summit-screens-cache-"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from summit_app.app import application  # noqa: E402
from summit_app.plan.content import load_content  # noqa: E402
from summit_app.plan.samples import demo_plan  # noqa: E402
from summit_app.room import cluster, facilitator  # noqa: E402
from summit_app.room.phones.app import ServiceConfig, make_app  # noqa: E402
from summit_app.room.phones.cards import member_cards  # noqa: E402
from summit_app.room.phones.database import ensure_phones, service_options  # noqa: E402
from summit_app.room.phones.limits import Limits  # noqa: E402
from summit_app.room.phones.settings import PhonesSettings, save_settings  # noqa: E402
from summit_app.room.state import load_state  # noqa: E402
from summit_app.ui.base.preferences import Preferences  # noqa: E402
from summit_app.ui.panes.readiness.readiness import ReadinessPane  # noqa: E402
from summit_app.ui.room.join_dialog import JoinRequest, join  # noqa: E402
from summit_app.ui.window.main_window import MainWindow  # noqa: E402
from tools.scratch_room import scratch_room  # noqa: E402
from tools.scratch_room import wait as wait_until  # noqa: E402

wait = partial(wait_until, tool="phones screenshots")

SIZE = (1440, 900)
TABLE = "cedar_valley"
ELEMENT = "cia-agency"
RATERS = ("member-01", "member-03", "member-04", "member-07")


def serve(config: ServiceConfig) -> tuple[uvicorn.Server, threading.Thread, str]:
    """The phone pages under uvicorn on a free loopback port, in a thread; the server and its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_app(config), host="127.0.0.1", port=port, access_log=False,
                                           log_level="warning", lifespan="on", timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("phones screenshots: the phone service did not start")
        time.sleep(0.02)
    return server, thread, f"http://127.0.0.1:{port}"


def score(client: httpx.Client, path: str, value: int) -> None:
    page = client.get(path)
    hidden = dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)">', page.text))
    sent = client.post(path, data={**hidden, "score": str(value)})
    if sent.status_code != 303:
        raise SystemExit(f"phones screenshots: a score was refused ({sent.status_code})")


def rated(out: Path, folder: Path) -> Path:
    room = folder / "room"
    facilitator.start_room(facilitator.StartRequest(room, cluster.free_port(), None, "127.0.0.1"))
    settings = PhonesSettings.fresh()
    settings.port = 8780
    ensure_phones(room, load_state(room), settings)
    save_settings(room, settings)
    facilitator.add_table(room, TABLE, facilitator.blank_or(demo_plan()))
    state = load_state(room)
    tokens = {c.member_id: c.link.rsplit("/m/", 1)[1] for c in member_cards(room, TABLE)}
    window = MainWindow(Preferences(), remember=False)
    window.resize(*SIZE)
    window.show()
    window.open_seat(join(JoinRequest(facilitator.join_code(state, TABLE).text(), state.tables[TABLE].passphrase,
                                      "Ana", folder / "Ana.techplan")))
    assert window.workspace is not None
    window.workspace.show_pane("readiness")
    pane = window.workspace.pane("readiness")
    assert isinstance(pane, ReadinessPane)
    pane.select_element(ELEMENT)
    desk = window.seat_room.phones if window.seat_room is not None else None
    if desk is None or desk.rating_panel is None:
        raise SystemExit("phones screenshots: the seat found no phone service")
    desk.rating_panel.ask()
    config = ServiceConfig(service_options(room, state, settings), settings.form_key.encode(), load_content(),
                           Limits())
    server, thread, base = serve(config)
    try:
        with httpx.Client(base_url=base, follow_redirects=False, timeout=10) as client:
            for member, value in zip(RATERS, (6, 4, 7, 5), strict=True):
                score(client, f"/m/{tokens[member]}", value)
        wait(lambda: desk.rating_panel is not None and desk.rating_panel.who.text().startswith(f"{len(RATERS)} of"))
        QApplication.processEvents()
        scroller = desk.rating_panel.parentWidget()
        while scroller is not None and not isinstance(scroller, QScrollArea):
            scroller = scroller.parentWidget()
        if scroller is not None:  # the pane scrolls: bring the phones' panel into the picture
            scroller.ensureWidgetVisible(desk.rating_panel, 0, 40)
        QApplication.processEvents()
        target = out / "room-phones-rated.png"
        window.grab().save(str(target))
    finally:
        server.should_exit = True
        thread.join(10)
        window.close()
    return target


def render(out: Path) -> list[Path]:
    """Write the phones screenshot into ``out``; returns its path."""
    application()
    out.mkdir(parents=True, exist_ok=True)
    with scratch_room("summit-screens-phones-") as folder:
        return [rated(out, folder)]


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
