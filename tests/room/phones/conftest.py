"""The phone service's fixtures, on the room's session-wide test room (tests/room/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from room.phones.phonesetup import Phones, set_up_phones
from room.roomsetup import Room


@pytest.fixture(scope="session")
def phones(room: Room) -> Phones:
    return set_up_phones(room)


@pytest.fixture
def seat_cache(tmp_path: Path) -> Path:
    return tmp_path / "certificates"
