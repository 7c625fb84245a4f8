"""Adding a table from what the facilitator has at hand, and taking every plan home (command line and console).

Both say no in one line (``UsageError``) before anything is read or written:
a table's name already taken, a folder that is not one, a room without tables.
"""

from __future__ import annotations

from pathlib import Path

from summit_app.room import facilitator
from summit_app.room.state import TableSeat, load_state
from summit_app.workflows.errors import UsageError


def add_table_from(room: Path, table: str, *, plan_file: str | None = None, json_file: str | None = None) -> TableSeat:
    """Add ``table`` blank, from every row of ``plan_file``, or from the interchange document ``json_file``."""
    from summit_app.store.location import check_plan_name

    check_plan_name(table, f"table {table}")
    if table in load_state(room).tables:  # refused before a source is read
        raise UsageError(f"table {table}", "the room already has a table of that name; choose another name")
    if plan_file:
        fill, close = facilitator.from_plan_file(plan_file)
    else:
        from summit_app.plan import model
        from summit_app.workflows.documents import read_json_plan

        fill, close = facilitator.blank_or(read_json_plan(json_file) if json_file else model.Plan()), _nothing
    try:
        return facilitator.add_table(room, table, fill)
    finally:
        close()


def _nothing() -> None:
    """Nothing to close: the plan was given whole."""


def export_all(room: Path, folder: Path, *, force: bool = False) -> list[Path]:
    """Every table's plan as ``folder/TABLE.techplan``, all or none; the files written."""
    from summit_app.room.server import facilitator_location
    from summit_app.room.takehome import take_home

    state = load_state(room)
    if not folder.is_dir():
        raise UsageError(str(folder), "is not a folder")
    if not state.tables:
        raise UsageError("room export-all", "the room has no tables yet")
    copies = [(facilitator_location(room, state, t), folder / f"{t}.techplan") for t in sorted(state.tables)]
    take_home(copies, force=force)
    return [target for _, target in copies]
