"""What the phone service keeps on the facilitator's machine: ``phones.json`` beside the room's state.

The file (mode 0600, replaced whole) holds the service role's password, the
key that signs the pages' anti-forgery fields, the members' personal tokens
(so a lost card can be printed again; the server keeps only their SHA-256
digests), and, while the service runs, its port and process id.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from summit_app.room.state import write_private_json
from summit_app.workflows.errors import UsageError

PHONES_FILE = "phones.json"
FORMAT = 1
#: The service's server role and the schemas it owns: the private one and the one seats may call into.
ROLE = "room_phones"
PRIVATE_SCHEMA = "room_phones"
API_SCHEMA = "room_phones_api"
#: 192 random bits per member's token (``secrets.token_urlsafe``): unguessable, and short enough for a QR code.
TOKEN_BYTES = 24


@dataclass
class PhonesSettings:
    """The service's secrets and, while it runs, where it listens."""

    role_password: str
    form_key: str
    port: int = 0
    pid: int = 0
    host: str = ""
    #: table → member id → that member's token (the raw token, for printing the card again).
    tokens: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **asdict(self)}

    @classmethod
    def fresh(cls) -> PhonesSettings:
        return cls(role_password=secrets.token_urlsafe(24), form_key=secrets.token_urlsafe(32))


def phones_path(room: Path) -> Path:
    return room / PHONES_FILE


def load_settings(room: Path) -> PhonesSettings | None:
    """The service's settings, or None if the phones were never set up in this room."""
    path = phones_path(room)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise UsageError(str(path), f"cannot be read ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(str(path), "is not the phone service's settings file")
    try:
        return PhonesSettings(**{k: v for k, v in data.items() if k != "format"})
    except TypeError as exc:
        raise UsageError(str(path), f"is not the phone service's settings file ({exc})") from None


def save_settings(room: Path, settings: PhonesSettings) -> None:
    """Write the settings readable by their owner only, replacing the old file in one step."""
    write_private_json(phones_path(room), settings.to_json())
