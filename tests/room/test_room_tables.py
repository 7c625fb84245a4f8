"""Tables of a real summit room: each table's seats reach their own plan only, over TLS with the pinned certificate.

Runs on the room tests/room/conftest.py starts once (a PostgreSQL cluster of
its own, made with the system's programs); each test adds tables of its own names.
"""

from __future__ import annotations

import hashlib
import json
import ssl
import subprocess
from pathlib import Path

import psycopg
import pytest
from room.roomsetup import Room
from runcli import error_line, run_cli

from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.interchange import fingerprint
from summit_app.room.join import connect_seat, parse_join_code, seat_role
from summit_app.room.state import CERT_FILE
from summit_app.store.errors import PlanFileError
from summit_app.store.plan_file import close_document, open_document, open_plan
from summit_app.store.server import ServerPlan
from summit_app.workflows.errors import UsageError

pytestmark = pytest.mark.xdist_group("room")


def seat_connection(room: Room, table: str, passphrase: str, cache: Path) -> psycopg.Connection:
    """A plain connection as the table's role, the way a seat makes it: TLS verified against the pinned certificate."""
    code = parse_join_code(room.code(table))
    connect_seat(code, passphrase, cache)  # checks the certificate and writes it into the cache
    pinned = cache / f"{code.fingerprint.hex()}.crt"
    return psycopg.connect(host=code.host, port=code.port, dbname=code.database, user=seat_role(table),
                           password=passphrase, sslmode="verify-ca", sslrootcert=str(pinned),
                           channel_binding="require", autocommit=True)


def district_of(location: str) -> str:
    with open_plan(location, read_only=True) as plan:
        return plan.load().district.name


def test_each_table_writes_its_own_plan_and_is_refused_the_other_tables(room: Room, tmp_path: Path) -> None:
    room.add("oak")
    room.add("pine")
    oak = connect_seat(room.code("oak"), room.passphrase("oak"), tmp_path)
    pine = connect_seat(room.code("pine"), room.passphrase("pine"), tmp_path)
    assert "sslmode=verify-ca" in oak
    assert f"sslrootcert={tmp_path}" in oak
    for location, name in ((oak, "Oak Ridge Schools"), (pine, "Pine Hollow District")):
        document = open_document(location, author="Seat")
        try:
            document.apply(SetField("district", None, "name", name))
        finally:
            close_document(document)
    assert district_of(oak) == "Oak Ridge Schools"
    assert district_of(pine) == "Pine Hollow District"

    with seat_connection(room, "oak", room.passphrase("oak"), tmp_path) as conn:
        assert conn.pgconn.ssl_in_use
        assert conn.execute("SELECT name FROM oak.district").fetchone() == ("Oak Ridge Schools",)
        for statement in ("SELECT name FROM pine.district", "UPDATE pine.district SET name = 'Taken'",
                          "SELECT count(*) FROM pine.edit_log", "CREATE TABLE oak.extra (x int)",
                          "DELETE FROM oak.alembic_version", "DROP SCHEMA pine CASCADE"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    assert district_of(pine) == "Pine Hollow District"
    with pytest.raises(UsageError, match="table pine: the passphrase is not right for this table"):
        connect_seat(room.code("pine"), room.passphrase("oak"), tmp_path)


def test_the_facilitator_role_reads_every_table_and_changes_none(room: Room) -> None:
    room.add("birch")
    state = room.state
    with psycopg.connect(host=state.server_host, port=state.port, dbname=state.database,
                         user=state.facilitator_user, password=state.facilitator_password, sslmode="verify-ca",
                         sslrootcert=str(room.folder / CERT_FILE), autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM birch.district").fetchone() == (1,)
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("UPDATE birch.district SET name = 'x'")
        conn.execute("SET default_transaction_read_only = off")  # a session setting: the grants still refuse
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE birch.district SET name = 'x'")


def test_the_superuser_signs_in_from_this_machine_only_and_only_over_tls(room: Room) -> None:
    state = room.state
    with pytest.raises(psycopg.OperationalError, match=r"no encryption|SSL off"):
        psycopg.connect(host="127.0.0.1", port=state.port, dbname=state.database, user=state.admin_user,
                        password=state.admin_password, sslmode="disable")
    with psycopg.connect(host="127.0.0.1", port=state.port, dbname="postgres", user=state.admin_user,
                         password=state.admin_password, sslmode="verify-ca",
                         sslrootcert=str(room.folder / CERT_FILE)) as conn:
        settings = dict(conn.execute("SELECT name, setting FROM pg_settings WHERE name IN "
                                     "('password_encryption', 'max_connections', 'ssl')").fetchall())
        methods = {r[0] for r in conn.execute("SELECT auth_method FROM pg_hba_file_rules").fetchall()}
        kinds = {r[0] for r in conn.execute("SELECT type FROM pg_hba_file_rules").fetchall()}
    assert settings["password_encryption"] == "scram-sha-256"
    assert settings["ssl"] == "on"
    assert int(settings["max_connections"]) >= 15 * 6 * 2 + 2
    assert methods <= {"scram-sha-256", "reject"}
    assert kinds == {"hostssl"}


def edited_plan_file(path: Path, demo: model.Plan) -> Path:
    """A plan file with an edit log: made from the demo, then two edits through the app's edit path."""
    from summit_app.store.plan_file import create_plan

    create_plan(path, demo).close()
    document = open_document(path, author="Dana Ruiz")
    try:
        document.apply(SetField("district", None, "name", "Cedar Valley (summit copy)"))
        goal = document.plan.goals[0]
        document.apply(SetField("goals", goal.id, "title", "Every classroom connected"))
    finally:
        close_document(document)
    return path


def log_of(location: str | Path) -> list[tuple[str, str, str]]:
    with open_plan(location, read_only=True) as plan:
        return [(e.at.isoformat(), e.author, e.label) for e in plan.edit_log()]


def plan_of(location: str | Path) -> model.Plan:
    with open_plan(location, read_only=True) as plan:
        return plan.load()


def test_a_plan_file_goes_to_a_table_and_home_again_with_its_fingerprint_and_edit_log(
        room: Room, demo: model.Plan, tmp_path: Path) -> None:
    source = edited_plan_file(tmp_path / "cedar.techplan", demo)
    room.add("cedar", "--from", source)
    home = tmp_path / "home.techplan"
    exported = room.room("export", "cedar", home)
    assert exported.returncode == 0, exported.stderr
    assert fingerprint(plan_of(home)) == fingerprint(plan_of(source))
    assert len(log_of(source)) == 2
    assert log_of(home) == log_of(source)

    seat = connect_seat(room.code("cedar"), room.passphrase("cedar"), tmp_path)
    document = open_document(seat, author="Table 3")
    try:  # the table goes on from where the file's log ended: the log's numbering continues
        document.apply(SetField("district", None, "name", "Cedar Valley Unified"))
    finally:
        close_document(document)
    again = room.room("export", "cedar", home, "--force")
    assert again.returncode == 0, again.stderr
    assert plan_of(home).district.name == "Cedar Valley Unified"
    assert log_of(home)[:2] == log_of(source)
    assert len(log_of(home)) == 3
    assert log_of(home)[2][1] == "Table 3"
    assert fingerprint(plan_of(home)) == fingerprint(plan_of(seat))


def test_export_all_writes_every_table_or_none(room: Room, tmp_path: Path) -> None:
    room.add("elm")
    home = tmp_path / "home"
    home.mkdir()
    done = room.room("export-all", home)
    assert done.returncode == 0, done.stderr
    tables = sorted(room.state.tables)
    assert sorted(p.name for p in home.iterdir()) == [f"{t}.techplan" for t in tables]
    (home / "elm.techplan").write_bytes(b"not a plan")
    before = {p.name: p.read_bytes() for p in home.iterdir()}
    line = error_line(room.room("export-all", home))
    assert line.endswith("a file of that name already exists; add --force to replace it")
    forced = error_line(room.room("export-all", home, "--force"))
    assert forced.endswith("elm.techplan: is not a plan file; --force replaces only an earlier plan file")
    assert {p.name: p.read_bytes() for p in home.iterdir()} == before


def test_status_lists_tables_districts_seats_and_join_codes(room: Room, tmp_path: Path) -> None:
    room.add("maple")
    seat = connect_seat(room.code("maple"), room.passphrase("maple"), tmp_path)
    document = open_document(seat, author="Seat")
    try:
        document.apply(SetField("district", None, "name", "Maple Grove"))
        shown = room.room("status", "--json")
        assert shown.returncode == 0, shown.stderr
    finally:
        close_document(document)
    status = json.loads(shown.stdout)
    by_table = {t["table"]: t for t in status["tables"]}
    assert set(by_table) == set(room.state.tables)
    maple = by_table["maple"]
    assert maple["district"] == "Maple Grove"
    assert maple["seats"] >= 1
    assert maple["last_edit"] is not None
    code = parse_join_code(maple["join_code"])
    pem = (room.folder / CERT_FILE).read_text(encoding="ascii")
    assert code.fingerprint == hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).digest()
    assert (code.host, code.port, code.table) == ("127.0.0.1", room.state.port, "maple")
    assert "passphrase" not in status
    text = room.room("status")
    assert text.returncode == 0
    assert maple["join_code"] in text.stdout
    for secret in [room.state.admin_password, room.state.facilitator_password,
                   *(s.passphrase for s in room.state.tables.values())]:
        assert secret not in shown.stdout + text.stdout + text.stderr


def test_a_passphrase_is_shown_only_when_asked_and_only_for_one_table(room: Room) -> None:
    room.add("poplar")
    room.add("alder")
    asked = room.room("status", "--table", "poplar", "--show-passphrase")
    assert asked.returncode == 0, asked.stderr
    assert f"Passphrase for poplar: {room.state.tables['poplar'].passphrase}" in asked.stdout
    assert room.state.tables["alder"].passphrase not in asked.stdout
    as_json = json.loads(room.room("status", "--table", "poplar", "--show-passphrase", "--json").stdout)
    assert as_json["passphrase"] == room.state.tables["poplar"].passphrase
    assert [t["table"] for t in as_json["tables"]] == ["poplar"]


def test_rotating_a_passphrase_ends_its_sessions_and_refuses_the_old_one(room: Room, tmp_path: Path) -> None:
    room.add("aspen")
    old = room.passphrase("aspen")
    session = seat_connection(room, "aspen", old, tmp_path)
    rotated = room.room("rotate-passphrase", "aspen")
    assert rotated.returncode == 0, rotated.stderr
    assert old not in rotated.stdout
    with pytest.raises(psycopg.OperationalError):
        session.execute("SELECT 1")
    session.close()
    new = room.passphrase("aspen")
    assert new != old
    line = error_line(_join(room, "aspen", old, tmp_path))
    assert line.endswith("the passphrase is not right for this table (check it, or ask the facilitator)")
    assert old not in line
    with ServerPlan.open(connect_seat(room.code("aspen"), new, tmp_path), read_only=True) as plan:
        assert plan.load().district.name == ""


def _join(room: Room, table: str, passphrase: str, folder: Path,
          code: str | None = None) -> subprocess.CompletedProcess[str]:
    secret = folder / f"{table}.pass"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    return run_cli("join", code or room.code(table), "--passphrase-file", secret, "--mirror",
                   folder / f"{table}-mirror.techplan")


def test_join_writes_a_mirror_of_the_table_plan(room: Room, tmp_path: Path) -> None:
    room.add("willow")
    joined = _join(room, "willow", room.passphrase("willow"), tmp_path)
    assert joined.returncode == 0, joined.stderr
    mirror = tmp_path / "willow-mirror.techplan"
    assert fingerprint(plan_of(mirror)) == fingerprint(plan_of(connect_seat(
        room.code("willow"), room.passphrase("willow"), tmp_path)))
    again = _join(room, "willow", room.passphrase("willow"), tmp_path)
    assert error_line(again).endswith("a file of that name already exists; add --force to replace it")


def test_a_forged_fingerprint_is_refused_before_the_passphrase_is_sent(room: Room, tmp_path: Path) -> None:
    room.add("spruce")
    code = parse_join_code(room.code("spruce"))
    forged = type(code)(code.host, code.port, code.database, code.table, hashlib.sha256(b"elsewhere").digest())
    result = _join(room, "spruce", room.passphrase("spruce"), tmp_path, forged.text())
    line = error_line(result)
    assert line.endswith("the server's certificate does not match the join code; it may not be the room "
                         "(ask the facilitator for the code again)")
    assert not (tmp_path / "spruce-mirror.techplan").exists()
    assert not list(tmp_path.glob("*.crt"))


def _schemas_and_roles(room: Room) -> tuple[set[str], set[str]]:
    state = room.state
    with psycopg.connect(host="127.0.0.1", port=state.port, dbname=state.database, user=state.admin_user,
                         password=state.admin_password, sslmode="verify-ca",
                         sslrootcert=str(room.folder / CERT_FILE)) as conn:
        schemas = {r[0] for r in conn.execute("SELECT nspname FROM pg_namespace")}
        roles = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
    return schemas, roles


def test_bad_table_names_and_existing_tables_are_one_line_and_change_nothing(room: Room, tmp_path: Path) -> None:
    room.add("fir")
    before = (room.state.tables.keys(), _schemas_and_roles(room))
    for name, says in (("fir", "table fir: the room already has a table of that name; choose another name"),
                       ("Bad-Name", "cannot name a plan"), ("pg_catalog", "cannot name a plan"),
                       ("public", "the server already has a schema of that name; choose another name")):
        assert says in error_line(room.room("add-table", name))
    assert error_line(room.room("add-table", "yew", "--from", tmp_path / "missing.techplan")).endswith(
        "missing.techplan: no such file")
    (tmp_path / "notes.techplan").write_text("not a plan", encoding="utf-8")
    assert "notes.techplan: not a Summit Planner plan" in error_line(
        room.room("add-table", "yew", "--from", tmp_path / "notes.techplan"))
    assert (room.state.tables.keys(), _schemas_and_roles(room)) == before
    for args in (("status", "--table", "nowhere"), ("code", "nowhere"), ("rotate-passphrase", "nowhere"),
                 ("export", "nowhere", tmp_path / "x.techplan")):
        assert "table nowhere: the room has no table of that name" in error_line(room.room(*args))
    assert "give --table NAME too" in error_line(room.room("status", "--show-passphrase"))
    assert not (tmp_path / "x.techplan").exists()


def test_a_table_whose_plan_fails_midway_leaves_no_schema_role_or_state(
        room: Room, demo: model.Plan, tmp_path: Path) -> None:
    from summit_app.room import facilitator

    source = edited_plan_file(tmp_path / "gone.techplan", demo)
    fill, close = facilitator.from_plan_file(str(source))
    source.unlink()  # checked and opened, then gone before its rows are copied: the copy fails midway
    try:
        with pytest.raises(PlanFileError, match=r"gone\.techplan: the file cannot be opened"):
            facilitator.add_table(room.folder, "hemlock", fill)
    finally:
        close()
    schemas, roles = _schemas_and_roles(room)
    assert "hemlock" not in schemas
    assert "seat_hemlock" not in roles
    assert "hemlock" not in room.state.tables


def test_export_never_writes_over_a_file_it_must_not(room: Room, tmp_path: Path) -> None:
    room.add("larch")
    other = tmp_path / "notes.txt"
    other.write_text("keep me", encoding="utf-8")
    assert error_line(room.room("export", "larch", other)).endswith(
        "a file of that name already exists; add --force to replace it")
    assert error_line(room.room("export", "larch", other, "--force")).endswith(
        "is not a plan file; --force replaces only an earlier plan file")
    assert "is not a regular file" in error_line(room.room("export", "larch", tmp_path, "--force"))
    held = tmp_path / "held.techplan"
    assert room.room("export", "larch", held).returncode == 0
    with open_plan(held, holder="Karen Liu"):
        line = error_line(room.room("export", "larch", held, "--force"))
    assert "is open in Summit Planner (Karen Liu" in line
    assert other.read_text(encoding="utf-8") == "keep me"
    assert "no" in error_line(room.room("export", "larch", tmp_path / "no" / "x.techplan"))
    assert not (tmp_path / "no").exists()
