"""A room of a test's own: start, stop, start again; refusals of the room's folder, port and server; join codes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from room.roomsetup import Room
from runcli import error_line, run_cli

from summit_app.room import cluster
from summit_app.room.join import JoinCode, connect_seat, parse_join_code
from summit_app.room.state import load_state
from summit_app.workflows.errors import UsageError

pytestmark = pytest.mark.xdist_group("room")


def start(folder: Path, *args: str | int) -> subprocess.CompletedProcess[str]:
    return run_cli("room", "start", "--data", folder, "--host", "127.0.0.1", *map(str, args))


def test_start_stop_and_start_again_keeps_the_tables_and_leaves_no_server_behind(room_folder: Path) -> None:
    started = start(room_folder, "--port", cluster.free_port())
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("Room started: 127.0.0.1:")
    state = load_state(room_folder)
    assert oct((room_folder / "room.json").stat().st_mode & 0o777) == "0o600"
    for secret in (state.admin_password, state.facilitator_password):
        assert secret not in started.stdout + started.stderr
    room = Room(room_folder)
    room.add("t1")
    pid = cluster.server_pid(room_folder)
    assert pid is not None
    assert run_cli("room", "stop", "--data", room_folder).returncode == 0
    assert not server_alive(pid)
    assert not cluster.is_running(room_folder)
    assert cluster.server_pid(room_folder) is None
    with pytest.raises(UsageError, match="the machine answers but refuses port"):
        connect_seat(room.code("t1"), room.passphrase("t1"), room_folder / "cache")
    assert "the room's server is not running; start it with" in error_line(room.room("status"))
    assert error_line(room.room("stop")).endswith("room stop: the room's server is not running")

    again = start(room_folder)
    assert again.returncode == 0, again.stderr
    assert f"t1: {room.code('t1')}" in again.stdout
    assert "already running" in start(room_folder).stdout
    assert connect_seat(room.code("t1"), room.passphrase("t1"), room_folder / "cache").startswith(
        "postgresql://seat_t1:")
    assert room.room("stop").returncode == 0


def server_alive(pid: int) -> bool:
    """True if the process runs (a zombie has ended: only its parent has yet to collect its exit status)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return False
    return fields[0] != "Z"


def test_a_port_in_use_and_an_unusable_folder_are_one_line_and_make_nothing(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = error_line(start(tmp_path / "room", "--port", port))
    assert line == f"summit-app: error: port {port}: is in use by another program; choose another with --port"
    assert not (tmp_path / "room").exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert "cannot be made" in error_line(start(blocker / "room"))
    assert "no room here; start one with: summit-app room start" in error_line(
        run_cli("room", "status", "--data", tmp_path / "nothing"))
    assert not (tmp_path / "nothing").exists()


def test_a_region_server_without_tls_is_refused(tmp_path: Path) -> None:
    """``--server``: the test server ``make test`` starts speaks no TLS, and a room needs it."""
    env = os.environ
    if not env.get("PGHOST") or env["PGHOST"].startswith("/"):
        pytest.fail("no TCP test server: run the tests with 'make test', or under 'pg_virtualenv'", pytrace=False)
    url = f"postgresql://{env['PGUSER']}:{env.get('PGPASSWORD', '')}@{env['PGHOST']}:{env['PGPORT']}/" \
          f"{env['PGDATABASE']}"
    line = error_line(run_cli("room", "start", "--data", tmp_path / "room", "--server", url))
    assert line.endswith("the server there does not offer TLS, so it cannot be the room")
    assert env.get("PGPASSWORD", "\0") not in line
    assert not (tmp_path / "room").exists()


def test_a_join_code_reads_back_as_written() -> None:
    code = JoinCode("192.168.1.20", 5433, "summit_room", "table_7", bytes(range(32)))
    assert parse_join_code(code.text()) == code
    assert parse_join_code(f"  {code.text()}\n") == code
    v6 = JoinCode("fe80::1", 6000, "region-db", "t", bytes(32))
    assert parse_join_code(v6.text()) == v6
    assert v6.text().startswith("summit://[fe80::1]:6000/region-db/t#sha256=")


@pytest.mark.parametrize(("text", "says"), [
    ("postgresql://h:1/db/t#sha256=AAAA", "a join code looks like summit://"),
    ("summit://h/summit_room/t#sha256=" + "A" * 43, "the code names no port"),
    ("summit://h:1/t#sha256=" + "A" * 43, "does not name the room's database and table"),
    ("summit://h:1/db/Bad-Table#sha256=" + "A" * 43, "the table in the code is not a table's name"),
    ("summit://h:1/db/t", "carries no certificate fingerprint"),
    ("summit://h:1/db/t#sha256=AAAA", "fingerprint in the code is damaged"),
    ("summit://h:99999/db/t#sha256=" + "A" * 43, "not a join code"),
])
def test_a_damaged_join_code_is_one_line(text: str, says: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=says.replace("(", r"\(")):
        parse_join_code(text)
    secret = tmp_path / "pass"
    secret.write_text("x", encoding="utf-8")
    line = error_line(run_cli("join", text, "--passphrase-file", secret, "--mirror", tmp_path / "m.techplan"))
    assert line.startswith("summit-app: error: join code: ")
    assert not (tmp_path / "m.techplan").exists()


def test_a_room_that_cannot_be_reached_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    code = JoinCode("127.0.0.1", port, "summit_room", "t", bytes(32))
    secret = tmp_path / "pass"
    secret.write_text("abcd-efgh", encoding="utf-8")
    line = error_line(run_cli("join", code.text(), "--passphrase-file", secret, "--mirror", tmp_path / "m.techplan"))
    assert f"127.0.0.1:{port}: the machine answers but refuses port {port}: the room is not started there" in line
    assert "abcd-efgh" not in line


@pytest.mark.parametrize("ending", [".png", ".svg"])
def test_a_table_join_code_as_a_qr_code_reads_back(room: Room, tmp_path: Path, ending: str, qapp: object) -> None:
    if not shutil.which("zbarimg"):
        pytest.fail("zbarimg (zbar-tools) is missing: run tools/system-deps.sh test", pytrace=False)
    table = f"qr_{ending[1:]}"
    room.add(table)
    target = tmp_path / f"code{ending}"
    written = room.room("code", table, "--qr", target)
    assert written.returncode == 0, written.stderr
    image = target if ending == ".png" else svg_to_png(target, tmp_path / "rendered.png")
    read = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, check=False)
    assert read.stdout.strip() == room.code(table)
    disguised = tmp_path / f"plan{ending}"  # a plan file under an image's name is never written over
    assert room.room("export", table, disguised).returncode == 0
    before = disguised.read_bytes()
    assert "is a Summit Planner plan file" in error_line(room.room("code", table, "--qr", disguised))
    assert disguised.read_bytes() == before


def svg_to_png(svg: Path, png: Path) -> Path:
    """Render the SVG with Qt's own SVG renderer on white, as a screen would show it (in pytest-qt's ``qapp``)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    assert renderer.isValid()
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 400, 400))
    painter.end()
    assert image.save(str(png))
    return png
