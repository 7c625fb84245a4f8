"""What a seat is told when it cannot join, with real sockets: one line each, saying what to do.

(a) nothing answers (a machine that takes the connection and stays silent, or
answers the TLS request and never finishes the handshake: what venue Wi-Fi's
client isolation looks like from a seat), (b) the port is refused, (c) a wrong
passphrase, (d) a certificate unlike the code's, (e) a table the room does not
have. Each through ``connect_seat`` and through ``summit-app join`` (exit 2,
one line, no traceback, no mirror file written, the passphrase never shown).
"""

from __future__ import annotations

import contextlib
import hashlib
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from room.roomsetup import Room, in_process
from runcli import error_line, run_cli

from summit_app.room import facilitator
from summit_app.room.join import JoinCode, connect_seat, parse_join_code
from summit_app.workflows.errors import UsageError

pytestmark = pytest.mark.xdist_group("room")

WAIT = 0.5
NO_ANSWER = ("the room's machine does not answer (nothing within 0.5 s); venue Wi-Fi often keeps devices from "
             "reaching each other (client isolation): put the facilitator's machine and the seats on the "
             "facilitator's own router, a wired network or a phone hotspot")


@dataclass(frozen=True)
class Attempt:
    code: str
    passphrase: str
    what: str  # the line's subject
    why: str  # the line's reason


@contextlib.contextmanager
def silent_machine() -> Iterator[int]:
    """A port whose connections the system completes but nobody ever reads or answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


@contextlib.contextmanager
def stalled_tls() -> Iterator[int]:
    """A port that says yes to PostgreSQL's TLS request, then never sends a byte of the handshake."""
    done = threading.Event()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.settimeout(0.1)

        def serve() -> None:
            held = []
            while not done.is_set():
                with contextlib.suppress(TimeoutError):
                    conn, _ = listener.accept()
                    conn.recv(8)
                    conn.sendall(b"S")
                    held.append(conn)
            for conn in held:
                conn.close()

        server = threading.Thread(target=serve, daemon=True)
        server.start()
        try:
            yield listener.getsockname()[1]
        finally:
            done.set()
            server.join()


def table(room: Room, name: str) -> None:
    """The table, added the first time a test asks for it."""
    if name not in room.state.tables:
        room.add(name)


def closed_port() -> int:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return int(closed.getsockname()[1])


def local_code(port: int) -> str:
    return JoinCode("127.0.0.1", port, "summit_room", "t", bytes(32)).text()


def refused_port(_room: Room) -> contextlib.AbstractContextManager[Attempt]:
    port = closed_port()
    return contextlib.nullcontext(Attempt(local_code(port), "abcd-efgh", f"127.0.0.1:{port}", (
        f"the machine answers but refuses port {port}: the room is not started there, or a firewall on it blocks "
        f"port {port}; the facilitator checks 'summit-app room status' and lets TCP port {port} in")))


@contextlib.contextmanager
def no_answer(_room: Room) -> Iterator[Attempt]:
    with silent_machine() as port:
        yield Attempt(local_code(port), "abcd-efgh", f"127.0.0.1:{port}", NO_ANSWER)


@contextlib.contextmanager
def no_handshake(_room: Room) -> Iterator[Attempt]:
    with stalled_tls() as port:
        yield Attempt(local_code(port), "abcd-efgh", f"127.0.0.1:{port}", NO_ANSWER)


def wrong_passphrase(room: Room) -> contextlib.AbstractContextManager[Attempt]:
    table(room, "knock_pass")
    return contextlib.nullcontext(Attempt(room.code("knock_pass"), "wxyz-wxyz-0000-wxyz", "table knock_pass",
                                          "the passphrase is not right for this table (check it, or ask the "
                                          "facilitator)"))


def forged_certificate(room: Room) -> contextlib.AbstractContextManager[Attempt]:
    table(room, "knock_cert")
    code = parse_join_code(room.code("knock_cert"))
    forged = JoinCode(code.host, code.port, code.database, code.table, hashlib.sha256(b"elsewhere").digest())
    return contextlib.nullcontext(Attempt(forged.text(), room.passphrase("knock_cert"), f"{code.host}:{code.port}",
                                          "the server's certificate does not match the join code; it may not be "
                                          "the room (ask the facilitator for the code again)"))


def no_such_table(room: Room) -> contextlib.AbstractContextManager[Attempt]:
    table(room, "knock_table")
    code = facilitator.join_code(room.state, "nowhere").text()  # a code as the room would give, for no table
    return contextlib.nullcontext(Attempt(code, room.passphrase("knock_table"), "table nowhere",
                                          "the room has no table of that name; ask the facilitator for your "
                                          "table's join code again"))


CASES: dict[str, Callable[[Room], contextlib.AbstractContextManager[Attempt]]] = {
    "no answer": no_answer, "no TLS handshake": no_handshake, "port refused": refused_port,
    "wrong passphrase": wrong_passphrase, "certificate unlike the code": forged_certificate,
    "table not in the room": no_such_table,
}


@pytest.mark.parametrize("case", CASES)
def test_connect_seat_says_why_it_cannot_join_in_one_line(case: str, room: Room, tmp_path: Path) -> None:
    with CASES[case](room) as attempt, pytest.raises(UsageError) as refused:
        connect_seat(attempt.code, attempt.passphrase, tmp_path / "cache", timeout=WAIT)
    assert (refused.value.what, refused.value.why) == (attempt.what, attempt.why)
    assert attempt.passphrase not in str(refused.value)


@pytest.mark.parametrize("case", CASES)
def test_join_says_why_it_cannot_join_in_one_line_and_writes_nothing(case: str, room: Room, tmp_path: Path) -> None:
    secret, mirror = tmp_path / "pass", tmp_path / "mirror.techplan"
    with CASES[case](room) as attempt:
        secret.write_text(attempt.passphrase + "\n", encoding="utf-8")
        joined = in_process("join", attempt.code, "--passphrase-file", secret, "--mirror", mirror,
                            "--timeout", str(WAIT))
    assert joined.returncode == 2
    assert error_line(joined) == f"summit-app: error: {attempt.what}: {attempt.why}"
    assert attempt.passphrase not in joined.stderr + joined.stdout
    assert not mirror.exists()
    assert list(tmp_path.iterdir()) == [secret]


def test_join_in_its_own_process_is_one_line_for_a_silent_machine(tmp_path: Path) -> None:
    secret = tmp_path / "pass"
    secret.write_text("abcd-efgh", encoding="utf-8")
    with silent_machine() as port:
        joined = run_cli("join", local_code(port), "--passphrase-file", secret, "--mirror", tmp_path / "m.techplan",
                         "--timeout", str(WAIT))
    assert joined.returncode == 2
    assert error_line(joined) == f"summit-app: error: 127.0.0.1:{port}: {NO_ANSWER}"
    assert not (tmp_path / "m.techplan").exists()


@pytest.mark.parametrize("seconds", ["0", "-1", "601"])
def test_join_refuses_a_timeout_out_of_range(seconds: str, tmp_path: Path) -> None:
    secret = tmp_path / "pass"
    secret.write_text("abcd-efgh", encoding="utf-8")
    joined = in_process("join", local_code(closed_port()), "--passphrase-file", secret, "--mirror",
                        tmp_path / "m.techplan", "--timeout", seconds)
    assert error_line(joined).startswith("summit-app: error: --timeout: give the seconds to wait for the room")
