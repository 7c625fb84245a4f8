"""What the facilitator does with the room: start it, add tables, look at it, change a passphrase, stop it.

Each change is all or nothing: a table's schema, its plan, its role and their
privileges are made in one transaction, and the room's state is written before
that transaction commits; a first start that fails removes the cluster it made.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import sqlalchemy as sa

from summit_app.plan import model
from summit_app.room import cluster
from summit_app.room.join import JoinCode, fetch_certificate, make_join_code, seat_role
from summit_app.room.server import engine, literal, local_address, quoted, scram_verifier, talking
from summit_app.room.state import (
    CERT_FILE,
    RoomState,
    TableSeat,
    load_state,
    new_passphrase,
    room_lock,
    save_state,
    state_path,
)
from summit_app.store import portable, presence
from summit_app.store.edit_notice import create_edit_notice
from summit_app.store.errors import PlanFileError
from summit_app.store.location import check_plan_name
from summit_app.store.schema import METADATA, server_metadata
from summit_app.store.server_check import namespace
from summit_app.workflows.errors import UsageError

FACILITATOR_ROLE = "room_facilitator"
_SERVER_METADATA = server_metadata()
#: What fills a new table's plan, inside the transaction that makes its schema.
Fill = Callable[[sa.Connection], None]


# --- start and stop ------------------------------------------------------------------------


@dataclass(frozen=True)
class StartRequest:
    room: Path
    port: int | None = None
    server: str | None = None
    host: str | None = None


def start_room(request: StartRequest) -> tuple[RoomState, str]:
    """Start the room (making it the first time); its state and a line saying what happened."""
    room = request.room
    created = _room_folder(room)
    try:
        with room_lock(room):
            if state_path(room).exists():
                return _restart(room, request)
            if request.server:
                return _adopt_server(room, request), "Room set up on the server"
            return _first_start(room, request), "Room started"
    except BaseException:
        if created:
            shutil.rmtree(room, ignore_errors=True)
        raise


def _room_folder(room: Path) -> bool:
    """Make the room's folder if need be (True if it was made now); refuse one that cannot be written."""
    existed = room.is_dir()
    try:
        room.mkdir(mode=0o755, parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(str(room), f"cannot be made ({exc.strerror or exc})") from None
    probe = room / f".write-test-{cluster.free_port()}"
    try:
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise UsageError(str(room), f"cannot be written ({exc.strerror or exc})") from None
    return not existed


def _pick_port(wanted: int | None) -> int:
    if wanted is not None:
        if not 1 <= wanted <= 65535:
            raise UsageError("--port", "give a port number from 1 to 65535")
        if not cluster.port_is_free(wanted):
            raise UsageError(f"port {wanted}", "is in use by another program; choose another with --port")
        return wanted
    return cluster.DEFAULT_PORT if cluster.port_is_free(cluster.DEFAULT_PORT) else cluster.free_port()


def _first_start(room: Path, request: StartRequest) -> RoomState:
    if cluster.cluster_dir(room).exists():
        raise UsageError(str(room), "holds a server's files but no room; choose another --data folder")
    port = _pick_port(request.port)
    state = RoomState(host=request.host or local_address(), port=port, database=cluster.DATABASE,
                      admin_user=cluster.ADMIN_USER, admin_password=new_passphrase(),
                      facilitator_user=FACILITATOR_ROLE, facilitator_password=new_passphrase(), fingerprint="",
                      run_as=cluster.SERVER_USER if cluster.as_root() else "")
    try:
        pem = cluster.init_cluster(room, state.admin_password)
        state.fingerprint = cluster.certificate_fingerprint(pem)
        cluster.start_cluster(room, port)
        _make_database(room, state)
        save_state(room, state)
    except BaseException:
        _undo_first_start(room)
        raise
    return state


def _undo_first_start(room: Path) -> None:
    """Remove what a failed first start made (the server stopped first if it got that far)."""
    if cluster.server_pid(room) is not None:
        with contextlib.suppress(UsageError):
            cluster.stop_cluster(room)
    shutil.rmtree(cluster.cluster_dir(room), ignore_errors=True)
    (room / CERT_FILE).unlink(missing_ok=True)


def _make_database(room: Path, state: RoomState) -> None:
    """The room's database, closed to everyone but the roles the room grants it to, and the facilitator's role."""
    made = engine(room, state, admin=True, database="postgres")
    try:
        with talking(room, state, "the room was not made"), made.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                f"CREATE DATABASE {quoted(conn, state.database)} ENCODING 'UTF8' TEMPLATE template0")
    finally:
        made.dispose()
    _make_facilitator_role(room, state)


def _make_facilitator_role(room: Path, state: RoomState) -> None:
    admin = engine(room, state, admin=True)
    try:
        with talking(room, state, "the room was not made"), admin.connect() as conn, conn.begin():
            role, db = quoted(conn, state.facilitator_user), quoted(conn, state.database)
            verifier = scram_verifier(conn, state.facilitator_user, state.facilitator_password)
            if state.managed:  # the room's own database: only the roles the room makes may connect
                conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD {literal(conn, verifier)}")
            conn.exec_driver_sql(f"ALTER ROLE {role} SET default_transaction_read_only = on")
            conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {db} TO {role}")
    finally:
        admin.dispose()


def _restart(room: Path, request: StartRequest) -> tuple[RoomState, str]:
    state = load_state(room)
    if request.server:
        raise UsageError(str(room), "already holds a room; --server only sets up a new one")
    if not state.managed:
        return state, f"The room uses the server at {state.server_host}:{state.port}"
    if cluster.is_running(room):
        if request.port is not None and request.port != state.port:
            raise UsageError("--port", f"the room is already running on port {state.port}; stop it first")
        return state, "The room is already running"
    port = request.port if request.port is not None else state.port
    if not cluster.port_is_free(port):
        raise UsageError(f"port {port}", "is in use by another program; choose another with --port")
    cluster.check_server_user_reaches(room)
    changed = port != state.port or (request.host is not None and request.host != state.host)
    state.port, state.host = port, request.host or state.host
    if changed:
        save_state(room, state)
    cluster.start_cluster(room, port)
    return state, "Room started"


def _adopt_server(room: Path, request: StartRequest) -> RoomState:
    """A room on a server the region runs: the URL's user makes the roles and schemas there."""
    assert request.server is not None
    parts = urlsplit(request.server)
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname or not parts.username:
        raise UsageError("--server", "give the server as postgresql://USER:PASSWORD@HOST[:PORT]/DATABASE")
    database = unquote(parts.path.lstrip("/")) or "postgres"
    port = parts.port or 5432
    der = fetch_certificate(parts.hostname, port)
    pem = ssl.DER_cert_to_PEM_cert(der)
    state = RoomState(host=request.host or parts.hostname, port=port, database=database,
                      admin_user=unquote(parts.username), admin_password=unquote(parts.password or ""),
                      facilitator_user=FACILITATOR_ROLE, facilitator_password=new_passphrase(),
                      fingerprint=cluster.certificate_fingerprint(pem), server_host=parts.hostname, managed=False)
    (room / CERT_FILE).write_text(pem, encoding="ascii")
    try:
        _make_facilitator_role(room, state)
        save_state(room, state)
    except BaseException:
        (room / CERT_FILE).unlink(missing_ok=True)
        raise
    return state


def stop_room(room: Path) -> None:
    """Stop the room's own server (fast shutdown: seats are disconnected, every committed edit is kept)."""
    with room_lock(room):
        state = load_state(room)
        if not state.managed:
            raise UsageError("room stop", f"the room's server at {state.server_host}:{state.port} is run by "
                                          "others; it is not stopped from here")
        if not cluster.is_running(room):
            raise UsageError("room stop", "the room's server is not running")
        cluster.stop_cluster(room)


# --- tables ----------------------------------------------------------------------------------


def add_table(room: Path, table: str, fill: Fill) -> TableSeat:
    """Make ``table``'s plan, its seats' role and passphrase; nothing is left behind if any of it fails."""
    check_plan_name(table, f"table {table}")
    with room_lock(room):
        state = load_state(room)
        if table in state.tables:
            raise UsageError(f"table {table}", "the room already has a table of that name; choose another name")
        seat = TableSeat(seat_role(table), new_passphrase())
        admin = engine(room, state, admin=True)
        saved = False
        try:
            with talking(room, state, "nothing was created"), admin.connect() as conn, conn.begin():
                _refuse_taken(conn, table, seat.role)
                _make_plan(conn, table, fill)
                _make_seat_role(conn, state, table, seat)
                state.tables[table] = seat
                save_state(room, state)  # before the commit: a state not written leaves no table on the server
                saved = True
        except BaseException:
            state.tables.pop(table, None)
            if saved:  # the commit itself failed: the state forgets the table again
                save_state(room, state)
            raise
        finally:
            admin.dispose()
    return seat


def _refuse_taken(conn: sa.Connection, table: str, role: str) -> None:
    if namespace(conn, table) is not None:
        raise UsageError(f"table {table}", "the server already has a schema of that name; choose another name")
    if conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None:
        raise UsageError(f"table {table}", f"the server already has a role {role!r}; choose another name")


def _make_plan(conn: sa.Connection, table: str, fill: Fill) -> None:
    """The table's plan in its own schema: the app's tables, the head revision, the rows ``fill`` writes, the notice."""
    conn.exec_driver_sql(f"CREATE SCHEMA {quoted(conn, table)}")
    in_schema = conn.execution_options(schema_translate_map={None: table})
    _SERVER_METADATA.create_all(in_schema)
    from summit_app.store.migrate import stamp_head

    stamp_head(conn, table)
    fill(in_schema)
    create_edit_notice(conn, table)  # after the copied rows: seats hear only edits made in the room
    presence.create_presence(conn, table)  # where the seats are: beside the plan, never part of it
    for t in METADATA.sorted_tables:  # rows copied with their ids: each sequence continues after them
        serial = t.autoincrement_column
        if serial is not None:
            qualified = f"{quoted(conn, table)}.{quoted(conn, t.name)}"
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{qualified}', '{serial.name}'), "
                f"coalesce(max({quoted(conn, serial.name)}), 0) + 1, false) FROM {qualified}")


def _make_seat_role(conn: sa.Connection, state: RoomState, table: str, seat: TableSeat) -> None:
    """The seats' role: rows of its own plan only (its schema's revision read-only); the facilitator reads all."""
    role, schema = quoted(conn, seat.role), quoted(conn, table)
    facilitator, db = quoted(conn, state.facilitator_user), quoted(conn, state.database)
    verifier = scram_verifier(conn, seat.role, seat.passphrase)
    for statement in (
        f"CREATE ROLE {role} LOGIN NOINHERIT PASSWORD {literal(conn, verifier)}",
        f"GRANT CONNECT ON DATABASE {db} TO {role}",
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"REVOKE INSERT, UPDATE, DELETE ON {schema}.alembic_version FROM {role}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"GRANT USAGE ON SCHEMA {schema} TO {facilitator}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {facilitator}",
    ):
        conn.exec_driver_sql(statement)
    presence.grant_presence(conn, table, seat.role)


def rotate_passphrase(room: Path, table: str) -> TableSeat:
    """A new passphrase for ``table``; the sessions signed in with the old one are ended."""
    with room_lock(room):
        state = load_state(room)
        seat = _known_table(state, table)
        fresh = TableSeat(seat.role, new_passphrase())
        admin = engine(room, state, admin=True)
        try:
            with talking(room, state, "the passphrase was not changed"), admin.connect() as conn:
                with conn.begin():
                    verifier = scram_verifier(conn, fresh.role, fresh.passphrase)
                    conn.exec_driver_sql(f"ALTER ROLE {quoted(conn, fresh.role)} PASSWORD {literal(conn, verifier)}")
                    state.tables[table] = fresh
                    save_state(room, state)
                with conn.begin():
                    conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                         "WHERE usename = :r"), {"r": fresh.role})
        except BaseException:
            state.tables[table] = seat
            raise
        finally:
            admin.dispose()
    return fresh


def remove_seat(room: Path, table: str, seat_id: str) -> None:
    """End one seat's connections; it is marked removed, so it cannot come back under that seat id."""
    if not re.fullmatch(r"[0-9a-f]{1,40}", seat_id):
        raise UsageError(f"seat {seat_id!r}", "is not a seat's id")
    with room_lock(room):
        state = load_state(room)
        _known_table(state, table)
        admin = engine(room, state, admin=True)
        try:
            with talking(room, state, "the seat was not removed"), admin.connect() as conn:
                with conn.begin():
                    if not presence.has_presence(conn, table):
                        raise UsageError(f"table {table}", "was made by an earlier version of the room; "
                                                           "its seats cannot be removed one by one")
                    presence.mark_removed(conn, table, seat_id)
                with conn.begin():
                    conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                         "WHERE application_name = :name"), {"name": f"Summit Planner seat {seat_id}"})
        finally:
            admin.dispose()


def _known_table(state: RoomState, table: str) -> TableSeat:
    seat = state.tables.get(table)
    if seat is None:
        known = ", ".join(sorted(state.tables)) or "none yet"
        raise UsageError(f"table {table}", f"the room has no table of that name (tables: {known})")
    return seat


# --- looking at the room ---------------------------------------------------------------------


@dataclass(frozen=True)
class TableStatus:
    table: str
    district: str
    seats: int
    last_edit: datetime | None
    code: JoinCode


def join_code(state: RoomState, table: str) -> JoinCode:
    return make_join_code(state.host, state.port, state.database, table, state.fingerprint)


def room_status(room: Path) -> tuple[RoomState, list[TableStatus]]:
    """Every table: its district, how many seat connections it has, when its plan last changed, its code."""
    state = load_state(room)
    out: list[TableStatus] = []
    reader = engine(room, state, admin=False)
    try:
        with talking(room, state, "the room could not be read"), reader.connect() as conn:
            seats = {str(role): int(n) for role, n in conn.execute(sa.text(
                "SELECT usename, count(*) FROM pg_stat_activity WHERE usename IS NOT NULL GROUP BY usename"))}
            for table, seat in sorted(state.tables.items()):
                district, last = _plan_summary(conn, table)
                out.append(TableStatus(table, district, int(seats.get(seat.role, 0)), last, join_code(state, table)))
            conn.rollback()
    finally:
        reader.dispose()
    return state, out


def _plan_summary(conn: sa.Connection, table: str) -> tuple[str, datetime | None]:
    in_schema = conn.execution_options(schema_translate_map={None: table})
    district = METADATA.tables["district"]
    log = METADATA.tables["edit_log"]
    name = in_schema.execute(sa.select(district.c.name).limit(1)).scalar()
    last = in_schema.execute(sa.select(sa.func.max(log.c.at))).scalar()
    return str(name or ""), last


def table_seat(room: Path, table: str) -> tuple[RoomState, TableSeat]:
    state = load_state(room)
    return state, _known_table(state, table)


# --- what fills a new table's plan -----------------------------------------------------------


def blank_or(plan: model.Plan) -> Fill:
    """A plan given whole (blank, or from an interchange document): its rows and the time it was made."""
    return lambda conn: portable.insert_plan(conn, plan)


def from_plan_file(path: str) -> tuple[Fill, Callable[[], None]]:
    """Every row of a plan file, edit log included (checked as the app opens it); and what closes the file."""
    from summit_app.store.engine import make_engine
    from summit_app.store.plan_file import PlanFile

    plan_file = PlanFile.open(path, read_only=True)
    try:
        plan_file.load()
    except PlanFileError:
        plan_file.close()
        raise
    source = make_engine(Path(path), read_only=True)

    def fill(conn: sa.Connection) -> None:
        with source.connect() as rows:
            portable.copy_rows(rows, conn)

    def close() -> None:
        source.dispose()
        plan_file.close()

    return fill, close
