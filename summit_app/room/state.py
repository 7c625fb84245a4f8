"""What the room remembers between commands: its server, its certificate, its tables' roles.

The state is one JSON file in the room's folder, readable by its owner only
(mode 0600): it holds the facilitator's credentials and every table's
passphrase. It is replaced whole (written beside, then moved into place), and
every command that changes the room holds the folder's lock while it does.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from summit_app.workflows.errors import UsageError

STATE_FILE = "room.json"
LOCK_FILE = "room.lock"
#: The facilitator's copy of the room's certificate (the server's own sits in the cluster, owned by its user).
CERT_FILE = "room.crt"
CLUSTER_DIR = "cluster"
#: Passphrases are read aloud and typed on laptops: no letters that look alike (0/o, 1/l/i).
PASSPHRASE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSPHRASE_GROUPS = 4
PASSPHRASE_GROUP = 4
FORMAT = 1


def default_room_dir() -> Path:
    """Where the room lives unless ``--data`` says otherwise.

    The server runs as the ``postgres`` user when the facilitator is root
    (``initdb`` refuses root), and that user cannot enter root's home: root's
    rooms default to a system folder everyone may enter.
    """
    if os.geteuid() == 0:
        return Path("/var/lib/summit-planner/room")
    return platformdirs.user_data_path("summit-planner") / "room"


def new_passphrase() -> str:
    """A random passphrase of about 79 bits, in groups of four that are easy to read out."""
    groups = ("".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(PASSPHRASE_GROUP))
              for _ in range(PASSPHRASE_GROUPS))
    return "-".join(groups)


@dataclass
class TableSeat:
    """A table's sign-in: its role on the server and that role's passphrase."""

    role: str
    passphrase: str


@dataclass
class RoomState:
    """The room's server and how to reach it; ``managed`` if the room runs the server itself."""

    host: str
    port: int
    database: str
    admin_user: str
    admin_password: str
    facilitator_user: str
    facilitator_password: str
    fingerprint: str
    #: Where the facilitator's own commands reach the server (``host`` is what the join codes tell seats).
    server_host: str = "127.0.0.1"
    managed: bool = True
    run_as: str = ""
    tables: dict[str, TableSeat] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RoomState:
        values = {k: v for k, v in data.items() if k != "format"}
        values["tables"] = {name: TableSeat(**seat) for name, seat in values.get("tables", {}).items()}
        return cls(**values)


def state_path(room: Path) -> Path:
    return room / STATE_FILE


def load_state(room: Path) -> RoomState:
    """The room's state; ``UsageError`` if no room was started in ``room`` or its file cannot be read."""
    path = state_path(room)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("unknown format")
        return RoomState.from_json(data)
    except FileNotFoundError:
        raise UsageError(str(room), "no room here; start one with: summit-app room start") from None
    except OSError as exc:
        raise UsageError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    except (ValueError, TypeError, AttributeError) as exc:
        raise UsageError(str(path), f"is not a room's state file ({exc})") from None


def save_state(room: Path, state: RoomState) -> None:
    """Write the state readable by its owner only, replacing the old one in one step."""
    write_private_json(state_path(room), state.to_json())


def write_private_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` readable by its owner only (it holds passwords), replacing it in one step."""
    draft = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    try:
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=2)
            file.flush()
            os.fsync(file.fileno())
        os.replace(draft, path)
    except OSError as exc:
        draft.unlink(missing_ok=True)
        raise UsageError(str(path), f"cannot be written ({exc.strerror or exc})") from None


@contextmanager
def room_lock(room: Path) -> Iterator[None]:
    """Hold the room's lock: two commands never change the room's state at once."""
    try:
        fd = os.open(room / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise UsageError(str(room), f"cannot be used as the room's folder ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(str(room), "another room command is running on this room; try again") from None
        yield
    finally:
        os.close(fd)
