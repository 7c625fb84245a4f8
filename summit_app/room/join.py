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
import math
import os
import re
import secrets
import socket
import ssl
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any
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
    """The DER certificate the PostgreSQL server at ``host:port`` presents (nothing is verified here).

    Each way of not getting it is one ``UsageError`` saying what to do
    (``no_answer``, ``port_refused``).
    """
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
    except ConnectionRefusedError:
        raise UsageError(where, port_refused(port)) from None
    except socket.gaierror as exc:
        raise UsageError(where, f"no machine of that name is known here ({exc.strerror or exc}); "
                                "check the join code, or ask the facilitator for it again") from None
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(where, no_answer(exc, timeout)) from None
    if not der:
        raise UsageError(where, "the server there sent no certificate")
    return der


def no_answer(exc: BaseException, timeout: float) -> str:
    """The room's machine cannot be reached, or does not answer as the room does (typical of venue Wi-Fi)."""
    if isinstance(exc, TimeoutError):
        reason = f"nothing within {timeout:g} s"
    else:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return (f"the room's machine does not answer ({reason}); venue Wi-Fi often keeps devices from reaching each "
            "other (client isolation): put the facilitator's machine and the seats on the facilitator's own "
            "router, a wired network or a phone hotspot")


def port_refused(port: int) -> str:
    """The machine answers, but nothing takes the room's port."""
    return (f"the machine answers but refuses port {port}: the room is not started there, or a firewall on it "
            f"blocks port {port}; the facilitator checks 'summit-app room status' and lets TCP port {port} in")


def pinned_certificate(code: JoinCode, cache: Path | None = None, timeout: float = CONNECT_TIMEOUT) -> Path:
    """The room's certificate, checked against the code's fingerprint, in a file libpq can use as its root."""
    der = fetch_certificate(code.host, code.port, timeout)
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


def connect_seat(code: str | JoinCode, passphrase: str, cache: Path | None = None,
                 timeout: float = CONNECT_TIMEOUT) -> str:
    """Check the room's certificate and the passphrase; the plan location URL a seat opens its plan with.

    ``timeout``: seconds to wait for the room's machine to answer. Every
    refusal is one ``UsageError`` that says what to do: no answer (venue
    Wi-Fi), the port refused, a certificate unlike the code's, a wrong
    passphrase, a table the room does not have.
    """
    join = parse_join_code(code) if isinstance(code, str) else code
    passphrase = passphrase.strip()
    if not passphrase:
        raise UsageError("passphrase", "is empty; ask the facilitator for your table's passphrase")
    certificate = pinned_certificate(join, cache, timeout)
    try:
        with psycopg.connect(**_seat_settings(join, certificate, timeout), user=seat_role(join.table),
                             password=passphrase, application_name="Summit Planner: joining"):
            pass
    except psycopg.OperationalError as exc:
        raise UsageError(_refused_what(join, exc), _refusal(join, certificate, timeout, exc)) from None
    return seat_location(join, passphrase, certificate)


def _seat_settings(join: JoinCode, certificate: Path, timeout: float) -> dict[str, Any]:
    return {"host": join.host, "port": join.port, "dbname": join.database, "sslmode": "verify-ca",
            "sslrootcert": str(certificate), "channel_binding": "require",
            "connect_timeout": max(2, math.ceil(timeout))}


def _refused_what(join: JoinCode, exc: psycopg.OperationalError) -> str:
    return f"{join.host}:{join.port}" if _lost_on_the_way(str(exc)) else f"table {join.table}"


def _lost_on_the_way(text: str) -> bool:
    return "Connection refused" in text or "timeout expired" in text or "could not connect" in text


def _refusal(join: JoinCode, certificate: Path, timeout: float, exc: psycopg.OperationalError) -> str:
    text = str(exc)
    if "Connection refused" in text:
        return port_refused(join.port)
    if "timeout expired" in text:
        return no_answer(TimeoutError(), timeout)
    if "password authentication failed" in text:
        if _has_no_table(join, certificate, timeout):
            return "the room has no table of that name; ask the facilitator for your table's join code again"
        return "the passphrase is not right for this table (check it, or ask the facilitator)"
    if "does not exist" in text:
        return "the room has no table of that name; ask the facilitator for your table's join code again"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return f"the room refused the connection ({lines[-1].split('FATAL:')[-1].strip() if lines else text})"


# --- which tables the room has ------------------------------------------------------------
#
# A server answers a wrong password and a role it does not have alike, by design. The room
# tells them apart before any password: its pg_hba.conf rejects every member of SEATS_GROUP
# (each table's seat role, and the group itself) on the database name TABLE_DIRECTORY, which
# no database has; any other role is asked for a password there, and the probe's is a random one.

#: The group every table's seat role belongs to, in a room that says which tables it has.
SEATS_GROUP = "room_seats"
#: The name, in the room's pg_hba.conf only, that the room answers "is this a table" on.
TABLE_DIRECTORY = "summit_room_tables"


def _has_no_table(join: JoinCode, certificate: Path, timeout: float) -> bool:
    """True only if the room says which tables it has, and the code's table is not one of them."""
    return _is_member(join, certificate, timeout, SEATS_GROUP) and not _is_member(
        join, certificate, timeout, seat_role(join.table))


def _is_member(join: JoinCode, certificate: Path, timeout: float, role: str) -> bool:
    settings = {**_seat_settings(join, certificate, timeout), "dbname": TABLE_DIRECTORY}
    try:
        # A random password, never anyone's: so no password file is read, and the seat's is never sent.
        psycopg.connect(**settings, user=role, password=secrets.token_urlsafe(16),
                        application_name="Summit Planner: joining").close()
    except psycopg.OperationalError as exc:
        return "pg_hba.conf rejects connection" in str(exc)
    return False
