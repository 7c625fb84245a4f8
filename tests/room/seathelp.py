"""Helpers for the seat tests on the real test room: its superuser, killing and restarting its server, waiting."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import psycopg
from room.roomsetup import Room

from summit_app.room import cluster
from summit_app.room.join import connect_seat
from summit_app.room.state import CERT_FILE

#: The seats' heartbeat in these tests (seconds): short, so a test waits little.
BEAT = 0.25


def admin(room: Room) -> psycopg.Connection:
    """The room's superuser (autocommit), for what the app never does: dropping a table, changing settings."""
    state = room.state
    return psycopg.connect(host="127.0.0.1", port=state.port, dbname=state.database, user=state.admin_user,
                           password=state.admin_password, sslmode="verify-ca",
                           sslrootcert=str(room.folder / CERT_FILE), autocommit=True)


def table_location(room: Room, table: str, cache: Path) -> str:
    """A new table in the room, and the plan location its seats open (joined with its code and passphrase)."""
    room.add(table)
    return connect_seat(room.code(table), room.passphrase(table), cache)


def kill_server(room: Room) -> None:
    """Stop the room's server the hard way (immediate: no checkpoint, every session cut off)."""
    cluster.run_server_program([str(cluster.server_binaries() / "pg_ctl"), "-D", str(cluster.cluster_dir(room.folder)),
                                "-w", "-m", "immediate", "stop"], what="room stop")


def restart_server(room: Room) -> None:
    if not cluster.is_running(room.folder):
        cluster.start_cluster(room.folder, room.state.port)


def wait_for(condition: Callable[[], bool], seconds: float = 10) -> bool:
    """True once ``condition()`` holds, False if it still does not after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True
