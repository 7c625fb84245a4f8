"""The room's own PostgreSQL cluster, made and run with the system's PostgreSQL programs.

``initdb`` refuses to run as root. When the facilitator is root (a kiosk
machine, a container), the room's cluster folder is given to the ``postgres``
system user and every server program runs as that user through ``runuser -u
postgres --``; the room's state and the facilitator's copy of the certificate
stay root's. The cluster listens on TCP only (no socket file): every
connection, the facilitator's own included, is TLS with a SCRAM password, and
the superuser may sign in only from this machine.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import pwd
import shutil
import socket
import ssl
import subprocess
from collections.abc import Sequence
from pathlib import Path

from summit_app.room.join import SEATS_GROUP, TABLE_DIRECTORY
from summit_app.room.state import CERT_FILE, CLUSTER_DIR
from summit_app.workflows.errors import UsageError

DEFAULT_PORT = 5433
ADMIN_USER = "room_admin"
#: The database every table's plan lives in (one schema each).
DATABASE = "summit_room"
SERVER_USER = "postgres"
#: 15 tables × 6 seats × 2 connections (the seat's edits and its listener), the facilitator's
#: window and commands, the phone service; the superuser keeps its reserved few on top.
TABLES, SEATS, SEAT_CONNECTIONS, FACILITATOR_CONNECTIONS, SERVICE_CONNECTIONS = 15, 6, 2, 10, 10
MAX_CONNECTIONS = TABLES * SEATS * SEAT_CONNECTIONS + FACILITATOR_CONNECTIONS + SERVICE_CONNECTIONS
START_TIMEOUT = 30
CERT_DAYS = 400
#: How long the room's certificate is valid, and what it calls itself (seats pin it; no name is checked).
CERT_SUBJECT = "/CN=Summit Planner room"

ROOM_SETTINGS = f"""
# --- Summit Planner room ---
listen_addresses = '*'
unix_socket_directories = ''
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_min_protocol_version = 'TLSv1.2'
password_encryption = 'scram-sha-256'
max_connections = {MAX_CONNECTIONS}
logging_collector = off
"""

#: TLS and SCRAM only; the superuser only from this machine; everyone else only into the room's database.
ROOM_HBA = f"""# Summit Planner room: TLS and SCRAM passwords only.
hostssl all {ADMIN_USER} 127.0.0.1/32 scram-sha-256
hostssl all {ADMIN_USER} ::1/128 scram-sha-256
hostssl all {ADMIN_USER} 0.0.0.0/0 reject
hostssl all {ADMIN_USER} ::/0 reject
hostssl {DATABASE} all 0.0.0.0/0 scram-sha-256
hostssl {DATABASE} all ::/0 scram-sha-256
# Which tables the room has, told before any password (no database has this name): seat roles are rejected
# here, any other name is asked for a password it is never given (room/join.py).
hostssl {TABLE_DIRECTORY} +{SEATS_GROUP} 0.0.0.0/0 reject
hostssl {TABLE_DIRECTORY} +{SEATS_GROUP} ::/0 reject
hostssl {TABLE_DIRECTORY} all 0.0.0.0/0 scram-sha-256
hostssl {TABLE_DIRECTORY} all ::/0 scram-sha-256
"""


def cluster_dir(room: Path) -> Path:
    return room / CLUSTER_DIR


def as_root() -> bool:
    return os.geteuid() == 0


def server_binaries() -> Path:
    """The folder of the system's PostgreSQL programs (``pg_config --bindir``, else the newest Debian one)."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True, timeout=10)
            candidates.append(Path(found.stdout.strip()))
    numbered = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if
                      p.split("/")[-2].isdigit() else 0, reverse=True)
    candidates += [Path(p) for p in numbered]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise UsageError("room start", "PostgreSQL's server programs (initdb, pg_ctl) are not installed; "
                                   "install the postgresql package")


def run_server_program(argv: Sequence[str], *, what: str, timeout: float = START_TIMEOUT + 10) -> str:
    """Run a PostgreSQL program (as ``postgres`` when root); its output, or ``UsageError`` with its last words."""
    command = ["runuser", "-u", SERVER_USER, "--", *argv] if as_root() else list(argv)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL, cwd="/")
    except subprocess.TimeoutExpired:
        raise UsageError(what, f"{Path(argv[0]).name} did not finish within {timeout:.0f} s") from None
    except OSError as exc:
        raise UsageError(what, f"cannot run {Path(argv[0]).name} ({exc.strerror or exc})") from None
    if done.returncode != 0:
        lines = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()] or lines
        raise UsageError(what, f"{Path(argv[0]).name} failed ({errors[-1] if errors else f'exit {done.returncode}'})")
    return done.stdout


def give_to_server_user(path: Path) -> None:
    """Make ``path`` the server user's (root only: the server never runs as root)."""
    if not as_root():
        return
    try:
        entry = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise UsageError("room start", f"there is no {SERVER_USER!r} system user to run the server as "
                                       "(install the postgresql package)") from None
    os.chown(path, entry.pw_uid, entry.pw_gid)


def check_server_user_reaches(room: Path) -> None:
    """Refuse a room folder the server user cannot enter (root's home is closed to it)."""
    if not as_root():
        return
    folder = cluster_dir(room)
    reached = subprocess.run(["runuser", "-u", SERVER_USER, "--", "test", "-w", str(folder)],
                             capture_output=True, check=False, timeout=10).returncode == 0
    if not reached:
        raise UsageError(str(room), f"the {SERVER_USER} user cannot enter this folder, and the server runs as it; "
                                    "choose a --data folder every user may open, such as /var/lib/summit-planner")


# --- the certificate --------------------------------------------------------------------


def make_certificate(folder: Path) -> None:
    """A self-signed certificate and key for the room (P-256), with the openssl program."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise UsageError("room start", "the openssl program is not installed; install the openssl package")
    key, cert = folder / "server.key", folder / "server.crt"
    done = subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                           "-nodes", "-keyout", str(key), "-out", str(cert), "-days", str(CERT_DAYS),
                           "-subj", CERT_SUBJECT], capture_output=True, text=True, check=False, timeout=30,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise UsageError("room start", f"cannot make the room's certificate ({done.stderr.strip()[-200:]})")
    os.chmod(key, 0o600)
    os.chmod(cert, 0o644)
    give_to_server_user(key)
    give_to_server_user(cert)


def certificate_fingerprint(pem: str) -> str:
    """SHA-256 of the certificate's DER bytes, in hex: what seats pin."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


# --- making and running the cluster -------------------------------------------------------


def init_cluster(room: Path, admin_password: str) -> str:
    """Make the cluster in the room's folder; the certificate's PEM text (also kept as the facilitator's copy)."""
    binaries = server_binaries()
    data = cluster_dir(room)
    data.mkdir(mode=0o700)
    give_to_server_user(data)
    check_server_user_reaches(room)
    secret = room / ".pwfile"  # beside the cluster: initdb wants its folder empty
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(admin_password + "\n")
    give_to_server_user(secret)
    try:
        run_server_program([str(binaries / "initdb"), "-D", str(data), "-U", ADMIN_USER, f"--pwfile={secret}",
                            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"], what="room start")
    finally:
        secret.unlink(missing_ok=True)
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(ROOM_SETTINGS)
    (data / "pg_hba.conf").write_text(ROOM_HBA, encoding="utf-8")
    make_certificate(data)
    pem = (data / "server.crt").read_text(encoding="ascii")
    (room / CERT_FILE).write_text(pem, encoding="ascii")
    return pem


def port_is_free(port: int) -> bool:
    """True if nothing listens on ``port`` (every address), so the room may take it."""
    for family, address in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((address, port))
            except OSError as exc:
                if family == socket.AF_INET6 and exc.errno in (97, 99):  # no IPv6 on this machine
                    continue
                return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("0.0.0.0", 0))
        return int(probe.getsockname()[1])


def is_running(room: Path) -> bool:
    data = cluster_dir(room)
    if not (data / "PG_VERSION").exists():
        return False
    command = [str(server_binaries() / "pg_ctl"), "-D", str(data), "status"]
    if as_root():
        command = ["runuser", "-u", SERVER_USER, "--", *command]
    return subprocess.run(command, capture_output=True, check=False, timeout=30, cwd="/").returncode == 0


def start_cluster(room: Path, port: int) -> None:
    """Start the cluster on ``port`` and wait until it accepts connections (at most ``START_TIMEOUT`` s)."""
    data = cluster_dir(room)
    log = data / "server.log"
    try:
        run_server_program([str(server_binaries() / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                            "-t", str(START_TIMEOUT), "-o", f"-p {port}", "start"], what="room start")
    except UsageError as exc:
        raise UsageError("room start", f"the server did not start ({_last_log_line(log) or exc.why})") from None


def stop_cluster(room: Path) -> None:
    """Stop the server: fast shutdown (sessions are ended, everything committed is kept)."""
    run_server_program([str(server_binaries() / "pg_ctl"), "-D", str(cluster_dir(room)), "-w", "-t",
                        str(START_TIMEOUT), "-m", "fast", "stop"], what="room stop")


def server_pid(room: Path) -> int | None:
    """The running postmaster's process id from its pid file, or None."""
    try:
        first = (cluster_dir(room) / "postmaster.pid").read_text(encoding="ascii").split("\n", 1)[0]
        return int(first)
    except (OSError, ValueError):
        return None


def _last_log_line(log: Path) -> str:
    try:
        lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
                 if line.strip()]
    except OSError:
        return ""
    for line in reversed(lines):  # the server's own reason, without its time stamp and process number
        for marker in ("FATAL:", "ERROR:"):
            if marker in line:
                return line.split(marker, 1)[1].strip()
    return lines[-1] if lines else ""
