"""Talking to the room's server as the facilitator: the superuser for changes, a read-only role for looking.

Every statement that names a schema or a role takes a name already checked as
a plan's name (``store.location.check_plan_name``) and quoted by the driver.
Every server error becomes one ``UsageError`` line without a password.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import sqlalchemy as sa

from summit_app.room import cluster
from summit_app.room.state import CERT_FILE, RoomState
from summit_app.store.errors import printable
from summit_app.store.server import server_words
from summit_app.workflows.errors import UsageError

CONNECT_TIMEOUT = 10


def tls_options(room: Path) -> dict[str, Any]:
    """Connection settings that trust only the room's own certificate."""
    return {"sslmode": "verify-ca", "sslrootcert": str(room / CERT_FILE), "connect_timeout": CONNECT_TIMEOUT,
            "application_name": "Summit Planner: facilitator"}


def engine(room: Path, state: RoomState, *, admin: bool, database: str | None = None) -> sa.Engine:
    """An engine on the room's database: as the superuser (``admin``) or as the read-only facilitator."""
    user, password = ((state.admin_user, state.admin_password) if admin
                      else (state.facilitator_user, state.facilitator_password))
    url = sa.engine.URL.create("postgresql+psycopg", username=user, password=password, host=state.server_host,
                               port=state.port, database=database or state.database)
    return sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=tls_options(room))


def facilitator_location(room: Path, state: RoomState, table: str) -> str:
    """The plan location of ``table`` for the read-only facilitator role (opened read-only)."""
    host = f"[{state.server_host}]" if ":" in state.server_host else state.server_host
    return (f"postgresql://{quote(state.facilitator_user, safe='')}:{quote(state.facilitator_password, safe='')}"
            f"@{host}:{state.port}/{quote(state.database, safe='')}?plan={table}&sslmode=verify-ca"
            f"&sslrootcert={quote(str(room / CERT_FILE), safe='/')}&connect_timeout={CONNECT_TIMEOUT}")


@contextmanager
def talking(room: Path, state: RoomState, doing: str) -> Iterator[None]:
    """Turn the server's or the driver's errors into one line; say so plainly if the room is not running."""
    try:
        yield
    except (sa.exc.DBAPIError, psycopg.Error) as exc:
        original = getattr(exc, "orig", None) or exc
        if isinstance(original, psycopg.OperationalError) and state.managed and not cluster.is_running(room):
            raise UsageError("room", f"the room's server is not running; start it with: summit-app room start "
                                     f"--data {room}") from None
        raise UsageError("room", f"{_reason(original, state)}; {doing}") from None


def _reason(original: BaseException, state: RoomState) -> str:
    text = server_words(original)
    for secret in (state.admin_password, state.facilitator_password,
                   *(seat.passphrase for seat in state.tables.values())):
        if secret:
            text = text.replace(secret, "***")
    return f"the server at {state.server_host}:{state.port} refused it ({printable(text, 160)})"


def scram_verifier(conn: sa.Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here: the passphrase never travels to the server."""
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    return raw.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode("ascii")


def quoted(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def literal(conn: sa.Connection, text: str) -> str:
    """A string literal for the statements that take no parameters (CREATE/ALTER ROLE … PASSWORD)."""
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    return psycopg.sql.Literal(text).as_string(raw)


def local_address() -> str:
    """This machine's address on its local network (what seats dial), or the loopback address if it has none.

    Connecting a UDP socket sends nothing; it only asks the system which
    address it would use to leave the machine.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
