"""``room phones`` starts the phone service, ``room cards`` prints the members' cards, ``room stop`` ends both."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from room.phones.phonesetup import GOALS, MEMBERS
from room.roomsetup import Room, in_process, start_room
from runcli import error_line, run_cli
from test_room_lifecycle import server_alive

from summit_app.plan import model
from summit_app.room import facilitator
from summit_app.room.phones.service import running_pid
from summit_app.room.phones.settings import load_settings

pytestmark = pytest.mark.xdist_group("room")


def read_qr_codes(pdf: Path, folder: Path) -> list[str]:
    """The QR codes on the first page of ``pdf``, as zbarimg reads them off a 150 dpi rendering."""
    for tool in ("pdftoppm", "zbarimg"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: run tools/system-deps.sh test", pytrace=False)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(folder / "page")],
                   check=True)
    image = next(folder.glob("page*.png"))
    read = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, check=False)
    return sorted(read.stdout.split())


@pytest.mark.slow
def test_phones_start_with_the_room_print_cards_and_stop_with_room_stop(room_folder: Path, tmp_path: Path) -> None:
    start_room(room_folder)
    room = Room(room_folder)
    facilitator.add_table(room_folder, "oak", facilitator.blank_or(model.Plan(members=MEMBERS, goals=GOALS)))
    assert "the phone service has not been started; start it with: summit-app room phones" in error_line(
        room.room("cards", "oak", tmp_path / "early.pdf"))
    started = room.room("phones")
    assert started.returncode == 0, started.stderr
    settings = load_settings(room_folder)
    assert settings is not None
    assert started.stdout.startswith(f"Phone service started: http://127.0.0.1:{settings.port}/")
    assert oct((room_folder / "phones.json").stat().st_mode & 0o777) == "0o600"
    pid = running_pid(room_folder, settings)
    assert pid is not None
    assert "already running" in room.room("phones").stdout

    cards = tmp_path / "oak-cards.pdf"
    made = room.room("cards", "oak", cards)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == f"Wrote 3 cards for table oak to {cards}"
    text = subprocess.run(["pdftotext", "-layout", str(cards), "-"], capture_output=True, text=True,
                          check=True).stdout
    for member in MEMBERS:
        assert member.name in text
    links = read_qr_codes(cards, tmp_path)
    tokens = load_settings(room_folder).tokens["oak"]  # type: ignore[union-attr]
    assert links == sorted(f"http://127.0.0.1:{settings.port}/m/{tokens[m.id]}" for m in MEMBERS)
    assert all(len(t) >= 32 for t in tokens.values())  # 192 random bits, base64url
    again = room.room("cards", "oak", tmp_path / "again.pdf")  # printing again keeps the same links
    assert again.returncode == 0
    assert load_settings(room_folder).tokens["oak"] == tokens  # type: ignore[union-attr]
    page = httpx.get(links[0], timeout=10)
    assert page.status_code == 200
    assert "Nothing to answer yet" in page.text

    for args, says in ((("cards", "elm", tmp_path / "x.pdf"), "table elm: the room has no table of that name"),
                       (("cards", "oak", tmp_path / "x.txt"), "the cards are written as a .pdf file")):
        assert says in error_line(room.room(*args))
    assert not (tmp_path / "x.pdf").exists()
    assert not (tmp_path / "x.txt").exists()

    stopped = run_cli("room", "stop", "--data", room_folder)
    assert stopped.returncode == 0, stopped.stderr
    assert not server_alive(pid)
    with pytest.raises(httpx.TransportError):
        httpx.get(links[0], timeout=2)
    assert running_pid(room_folder, load_settings(room_folder)) is None


def test_a_port_in_use_is_refused_in_one_line(room: Room, tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = error_line(in_process("room", "phones", "--port", str(port), "--data", room.folder))
    assert line == f"summit-app: error: port {port}: is in use by another program; choose another with --port"
