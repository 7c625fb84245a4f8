"""``summit-app room …`` and ``summit-app join``: the room's commands, added to the command parser.

Every refusal is a ``UsageError`` (or the store's ``PlanFileError``): one line,
exit 2. Passwords are never printed; a table's passphrase only when asked for
with ``room status --table NAME --show-passphrase``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summit_app.room.state import RoomState, default_room_dir, load_state
from summit_app.workflows.errors import UsageError

if TYPE_CHECKING:
    from summit_app.room import facilitator


def _room(args: argparse.Namespace) -> Path:
    return Path(args.data) if args.data else default_room_dir()


def cmd_start(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator

    started = time.perf_counter()
    request = facilitator.StartRequest(_room(args), args.port, args.server, args.host)
    state, said = facilitator.start_room(request)
    print(f"{said}: {state.host}:{state.port} (room folder {request.room}, "
          f"{time.perf_counter() - started:.1f} s)")
    for table in sorted(state.tables):
        print(f"  {table}: {facilitator.join_code(state, table)}")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator

    facilitator.stop_room(_room(args))
    print("Room stopped")
    return 0


def cmd_phones(args: argparse.Namespace) -> int:
    from summit_app.room.phones.service import start_service

    settings, said = start_service(_room(args), args.port)
    state = load_state(_room(args))
    print(f"{said}: http://{state.host}:{settings.port}/ (print the members' cards with: "
          f"summit-app room cards TABLE CARDS.pdf)")
    return 0


def cmd_serve_phones(args: argparse.Namespace) -> int:
    from summit_app.room.phones.serve import serve

    serve(_room(args), args.port)
    return 0


def cmd_cards(args: argparse.Namespace) -> int:
    from summit_app.room.phones.cards import member_cards, write_cards_pdf

    if not str(args.pdf).lower().endswith(".pdf"):
        raise UsageError(str(args.pdf), "the cards are written as a .pdf file")
    cards = member_cards(_room(args), args.table)
    write_cards_pdf(cards, args.pdf)
    print(f"Wrote {len(cards)} card{'s' if len(cards) != 1 else ''} for table {args.table} to {args.pdf}")
    return 0


def cmd_add_table(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator
    from summit_app.room.tables import add_table_from

    room = _room(args)
    add_table_from(room, args.table, plan_file=args.from_plan, json_file=args.from_json)
    print(f"Added table {args.table}: {facilitator.join_code(load_state(room), args.table)}")
    print(f"Its passphrase: summit-app room status --table {args.table} --show-passphrase")
    return 0


def _status_json(state: RoomState, tables: list[facilitator.TableStatus]) -> dict[str, Any]:
    return {
        "room": {"host": state.host, "port": state.port, "database": state.database,
                 "fingerprint": state.fingerprint, "managed": state.managed},
        "tables": [{"table": t.table, "district": t.district, "seats": t.seats,
                    "last_edit": t.last_edit.isoformat().replace("+00:00", "Z") if t.last_edit else None,
                    "join_code": t.code.text()} for t in tables],
    }


def cmd_status(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator

    room = _room(args)
    if args.show_passphrase and not args.table:
        raise UsageError("--show-passphrase", "shows one table's passphrase: give --table NAME too")
    if args.table:
        facilitator.table_seat(room, args.table)  # an unknown table is refused before the server is asked
    state, tables = facilitator.room_status(room)
    if args.table:
        tables = [t for t in tables if t.table == args.table]
    if args.json:
        out = _status_json(state, tables)
        if args.show_passphrase:
            out["passphrase"] = state.tables[args.table].passphrase
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(f"Room {state.host}:{state.port}, certificate sha256 {state.fingerprint}")
    for t in tables:
        last = t.last_edit.strftime("%H:%M:%S UTC") if t.last_edit else "no edits yet"
        print(f"  {t.table}: {t.district or '(district not named yet)'}; {t.seats} seat connection"
              f"{'s' if t.seats != 1 else ''}; last edit {last}")
        print(f"    join code: {t.code}")
    if not tables:
        print("  no tables yet: summit-app room add-table NAME")
    if args.show_passphrase:
        print(f"Passphrase for {args.table}: {state.tables[args.table].passphrase}")
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator

    state, _seat = facilitator.table_seat(_room(args), args.table)
    code = facilitator.join_code(state, args.table)
    if args.qr:
        from summit_app.room.qr import write_qr

        write_qr(code.text(), args.qr)
        print(f"Wrote {args.qr}")
    print(code.text())
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator

    facilitator.rotate_passphrase(_room(args), args.table)
    print(f"New passphrase for {args.table}; its seats were signed out. Show it with: "
          f"summit-app room status --table {args.table} --show-passphrase")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from summit_app.room import facilitator
    from summit_app.room.server import facilitator_location
    from summit_app.room.takehome import take_home

    room = _room(args)
    state, _seat = facilitator.table_seat(room, args.table)
    take_home([(facilitator_location(room, state, args.table), Path(args.plan))], force=args.force)
    print(f"Wrote {args.plan}")
    return 0


def cmd_export_all(args: argparse.Namespace) -> int:
    from summit_app.room.tables import export_all

    written = export_all(_room(args), Path(args.folder), force=args.force)
    print(f"Wrote {len(written)} plans into {args.folder}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from summit_app.room.join import connect_seat, parse_join_code
    from summit_app.room.takehome import take_home

    code = parse_join_code(args.code)
    passphrase = _read_passphrase(args.passphrase_file)
    waiting = {} if args.timeout is None else {"timeout": args.timeout}
    if args.timeout is not None and not 0 < args.timeout <= 600:
        raise UsageError("--timeout", "give the seconds to wait for the room, more than 0 and at most 600")
    location = connect_seat(code, passphrase, **waiting)
    take_home([(location, Path(args.mirror))], force=args.force)
    print(f"Joined table {code.table}; wrote its plan to {args.mirror}")
    return 0


def _read_passphrase(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read(1024)
    except OSError as exc:
        raise UsageError(path, f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise UsageError(path, "is not a text file") from None
    return text.strip()


def add_commands(sub: Any) -> None:
    """Add ``room`` (with its own commands) and ``join`` to the command parser's subparsers."""
    room = sub.add_parser("room", help="the summit room: a PostgreSQL server with one plan per table")
    commands = room.add_subparsers(dest="room_command", required=True)
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", metavar="DIR", help=f"the room's folder (default {default_room_dir()})")

    p = commands.add_parser("start", parents=[data], help="start the room (made the first time)")
    p.add_argument("--port", type=int, metavar="N", help="the port seats connect to (default 5433, or a free one)")
    p.add_argument("--server", metavar="URL", help="use a server the region runs: postgresql://USER:PW@HOST/DB")
    p.add_argument("--host", metavar="HOST", help="the address seats reach this machine at "
                                                  "(default: its address on the local network)")
    p.set_defaults(run=cmd_start)

    p = commands.add_parser("add-table", parents=[data], help="a new table: its plan, its role, its join code")
    p.add_argument("table", metavar="NAME")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--from", dest="from_plan", metavar="PLAN", help="start from a plan file (edit log kept)")
    source.add_argument("--from-json", metavar="FILE", help="start from an interchange document")
    p.set_defaults(run=cmd_add_table)

    p = commands.add_parser("status", parents=[data], help="tables, districts, seats, last edits, join codes")
    p.add_argument("--json", action="store_true")
    p.add_argument("--table", metavar="NAME", help="only this table")
    p.add_argument("--show-passphrase", action="store_true", help="also show that table's passphrase")
    p.set_defaults(run=cmd_status)

    p = commands.add_parser("code", parents=[data], help="a table's join code, optionally as a QR code")
    p.add_argument("table", metavar="NAME")
    p.add_argument("--qr", metavar="FILE", help="write the code as a QR code (.png or .svg)")
    p.set_defaults(run=cmd_code)

    p = commands.add_parser("stop", parents=[data], help="stop the room's server")
    p.set_defaults(run=cmd_stop)

    p = commands.add_parser("phones", parents=[data], help="start the web service for members' phones")
    p.add_argument("--port", type=int, metavar="N", help="the port phones reach it on (default 8780, or a free one)")
    p.set_defaults(run=cmd_phones)

    p = commands.add_parser("serve-phones", parents=[data])  # the service's own process, which `phones` starts
    p.add_argument("--port", type=int, required=True)
    p.set_defaults(run=cmd_serve_phones)

    p = commands.add_parser("cards", parents=[data], help="print a table's members' phone cards (PDF)")
    p.add_argument("table", metavar="TABLE")
    p.add_argument("pdf", metavar="CARDS.pdf")
    p.set_defaults(run=cmd_cards)

    p = commands.add_parser("rotate-passphrase", parents=[data], help="a new passphrase; its seats are signed out")
    p.add_argument("table", metavar="NAME")
    p.set_defaults(run=cmd_rotate)

    p = commands.add_parser("export", parents=[data], help="take a table's plan home as a plan file")
    p.add_argument("table", metavar="TABLE")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--force", action="store_true", help="replace an earlier plan file of that name")
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("export-all", parents=[data], help="take every table's plan home: FOLDER/TABLE.techplan")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace earlier plan files of those names")
    p.set_defaults(run=cmd_export_all)

    p = sub.add_parser("join", help="join a table of a summit room (for now: write a mirror copy of its plan)")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--passphrase-file", metavar="FILE", required=True, help="a file holding the table's passphrase")
    p.add_argument("--mirror", metavar="PLAN", required=True, help="the plan file to write")
    p.add_argument("--force", action="store_true", help="replace an earlier plan file of that name")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="how long to wait for the room's machine to answer (default 10)")
    p.set_defaults(run=cmd_join)
