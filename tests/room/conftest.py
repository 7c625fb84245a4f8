"""One real summit room for the room's tests, started once and stopped after (tests/room/roomsetup.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from room.roomsetup import Room, open_folder, start_room, stop_quietly

# A seat keeps the room's certificate in the user's cache folder: never the real user's, here.
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="summit-test-cache-"))


@pytest.fixture(scope="session")
def room() -> Iterator[Room]:
    """A running room with no tables to begin with; tests add tables of their own names."""
    base = open_folder("summit-room-")
    folder = base / "room"
    start_room(folder)
    try:
        yield Room(folder)
    finally:
        stop_quietly(folder)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def room_folder() -> Iterator[Path]:
    """A folder for a room a test starts and stops itself (stopped and removed afterwards whatever happened)."""
    base = open_folder("summit-room-own-")
    try:
        yield base / "room"
    finally:
        stop_quietly(base / "room")
        shutil.rmtree(base, ignore_errors=True)
