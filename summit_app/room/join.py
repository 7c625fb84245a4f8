"""Join codes, and how a seat reaches its table's plan with the room's certificate pinned.

A join code is ``summit://HOST:PORT/DATABASE/TABLE#sha256=FINGERPRINT``: where
the room is, which table, and the SHA-256 of the room's certificate (base64url).
It carries no secret: the passphrase is given apart. A seat fetches the
server's certificate itself (PostgreSQL's SSLRequest, then a TLS handshake),
checks it against the code's fingerprint, keeps it in the user's cache, and
connects with ``sslmode=verify-ca`` and that certificate as the only root: a
machine answering in the room's place cannot read the passphrase or the plan.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import secrets
import socket
import ssl
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import platformdirs
import psycopg

from summit_app.store.location import PLAN_NAME, PLAN_NAME_RULE
from summit_app.workflows.errors import UsageError

SCHEME = "summit"
#: PostgreSQL's SSLRequest: length 8, then the magic request code 1234/5679.
SSL_REQUEST = struct.pack("!ii", 8, 80877103)
CONNECT_TIMEOUT = 10
SEAT_ROLE_PREFIX = "seat_"
_DATABASE = re.compile(r"[A-Za-z0-9_.-]{1,63}")


def seat_role(table: str) -> str:
    """The server role a table's seats sign in as."""
    return f"{SEAT_ROLE_PREFIX}{table}"


@dataclass(frozen=True)
class JoinCode:
    """What a join code says: where the room is, which table, and the room certificate's SHA-256."""

    host: str
    port: int
    database: str
    table: str
    fingerprint: bytes

    def text(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        digest = base64.urlsafe_b64encode(self.fingerprint).decode("ascii").rstrip("=")
        return f"{SCHEME}://{host}:{self.port}/{quote(self.database, safe='')}/{self.table}#sha256={digest}"

    def __str__(self) -> str:
        return self.text()


def make_join_code(host: str, port: int, database: str, table: str, fingerprint_hex: str) -> JoinCode:
    return JoinCode(host, port, database, table, bytes.fromhex(fingerprint_hex))


def parse_join_code(code: str) -> JoinCode:
    """The join code in ``code`` (spaces around it ignored); ``UsageError`` saying what is wrong with it."""
    text = code.strip()
    what = "join code"
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise UsageError(what, f"not a join code ({exc})") from None
    if parts.scheme != SCHEME or not parts.hostname:
        raise UsageError(what, f"a join code looks like {SCHEME}://HOST:PORT/DATABASE/TABLE#sha256=…")
    if port is None:
        raise UsageError(what, "the code names no port")
    path = parts.path.strip("/").split("/")
    if len(path) != 2 or not _DATABASE.fullmatch(unquote(path[0])):
        raise UsageError(what, "the code does not name the room's database and table")
    table = path[1]
    if not PLAN_NAME.fullmatch(table) or table.startswith("pg_"):
        raise UsageError(what, f"the table in the code is not a table's name ({PLAN_NAME_RULE})")
    return JoinCode(parts.hostname, port, unquote(path[0]), table, _fingerprint(parts.fragment))


def _fingerprint(fragment: str) -> bytes:
    if not fragment.startswith("sha256="):
        raise UsageError("join code", "the code carries no certificate fingerprint (#sha256=…)")
    digest = fragment.removeprefix("sha256=")
    try:
        raw = base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != hashlib.sha256().digest_size:
        raise UsageError("join code", "the certificate fingerprint in the code is damaged; ask for the code again")
    return raw


# --- the room's certificate ----------------------------------------------------------------


def fetch_certificate(host: str, port: int, timeout: float = CONNECT_TIMEOUT) -> bytes:
    """The DER certificate the PostgreSQL server at ``host:port`` presents (nothing is verified here)."""
    where = f"{host}:{port}"
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            raw.sendall(SSL_REQUEST)
            answer = raw.recv(1)
            if answer != b"S":
                raise UsageError(where, "the server there does not offer TLS, so it cannot be the room")
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # the certificate is checked against the join code instead
            with context.wrap_socket(raw, server_hostname=host) as tls:
                der = tls.getpeercert(binary_form=True)
    except UsageError:
        raise
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(where, unreachable(exc)) from None
    if not der:
        raise UsageError(where, "the server there sent no certificate")
    return der


def unreachable(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return (f"cannot reach the room ({reason}); check that this machine is on the room's network "
            "(venue Wi-Fi often keeps devices apart: the facilitator's own router does not)")


def pinned_certificate(code: JoinCode, cache: Path | None = None) -> Path:
    """The room's certificate, checked against the code's fingerprint, in a file libpq can use as its root."""
    der = fetch_certificate(code.host, code.port)
    if hashlib.sha256(der).digest() != code.fingerprint:
        raise UsageError(f"{code.host}:{code.port}", "the server's certificate does not match the join code; "
                         "it may not be the room (ask the facilitator for the code again)")
    folder = cache or platformdirs.user_cache_path("summit-planner") / "rooms"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{code.fingerprint.hex()}.crt"
    pem = ssl.DER_cert_to_PEM_cert(der)
    if not path.is_file() or path.read_text(encoding="ascii", errors="replace") != pem:
        # Moved into place whole: another seat on this machine may be reading the file this moment.
        draft = folder / f".{path.name}.{secrets.token_hex(4)}"
        draft.write_text(pem, encoding="ascii")
        os.replace(draft, path)
    return path


# --- a seat's connection ----------------------------------------------------------------------


def seat_location(code: JoinCode, passphrase: str, certificate: Path) -> str:
    """The plan location of the code's table for its seats: TLS verified against the pinned certificate."""
    host = f"[{code.host}]" if ":" in code.host else code.host
    user = quote(seat_role(code.table), safe="")
    secret = quote(passphrase, safe="")
    return (f"postgresql://{user}:{secret}@{host}:{code.port}/{quote(code.database, safe='')}?plan={code.table}"
            f"&sslmode=verify-ca&sslrootcert={quote(str(certificate), safe='/')}&channel_binding=require"
            f"&connect_timeout={CONNECT_TIMEOUT}")


def connect_seat(code: str | JoinCode, passphrase: str, cache: Path | None = None) -> str:
    """Check the room's certificate and the passphrase; the plan location URL a seat opens its plan with."""
    join = parse_join_code(code) if isinstance(code, str) else code
    passphrase = passphrase.strip()
    if not passphrase:
        raise UsageError("passphrase", "is empty; ask the facilitator for your table's passphrase")
    certificate = pinned_certificate(join, cache)
    try:
        with psycopg.connect(host=join.host, port=join.port, dbname=join.database, user=seat_role(join.table),
                             password=passphrase, sslmode="verify-ca", sslrootcert=str(certificate),
                             channel_binding="require", connect_timeout=CONNECT_TIMEOUT,
                             application_name="Summit Planner: joining"):
            pass
    except psycopg.OperationalError as exc:
        raise UsageError(f"table {join.table}", _refusal(exc)) from None
    return seat_location(join, passphrase, certificate)


def _refusal(exc: psycopg.OperationalError) -> str:
    text = str(exc)
    if "password authentication failed" in text:
        return "the passphrase is not right for this table (check it, or ask the facilitator)"
    if "does not exist" in text:
        return "the room has no such table (ask the facilitator for the code again)"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return f"the room refused the connection ({lines[-1].split('FATAL:')[-1].strip() if lines else text})"
