"""The regional roll-up fed from the room: every table's plan read through the facilitator's read-only role.

``read_tables`` is a plan reader for ``workflows.rollup.roll_up`` (in place of
reading plan files): the "paths" it is given are the tables' names, and a
table whose plan cannot be read is skipped by its name, with the store's one
line (which never holds a password), never fatal. ``live_report`` summarises
plans already read, for the console's figures that follow the tables' edits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.rollup import RollupReport, SkippedFile, summarize_region
from summit_app.room.server import facilitator_location
from summit_app.room.state import load_state
from summit_app.store.errors import PlanFileError
from summit_app.store.rollup_reader import ReadResult
from summit_app.store.server import ServerPlan

Progress = Callable[[int, int], None]


def table_label(table: str) -> str:
    """How a skipped table is named in the roll-up's list of what was left out."""
    return f"table {table}"


def read_table(room: Path, table: str) -> model.Plan | str:
    """``table``'s plan as the facilitator reads it, or the one-line reason it could not be read."""
    state = load_state(room)
    if table not in state.tables:
        return "the room has no table of that name"
    try:
        with ServerPlan.open(facilitator_location(room, state, table), read_only=True,
                             holder="facilitator roll-up") as plan:
            return plan.load()
    except PlanFileError as exc:
        return exc.why


def read_tables(room: Path) -> Callable[..., ReadResult]:
    """A reader of the named tables' plans for ``roll_up`` (``read(tables, progress=...)``)."""

    def read(tables: Sequence[Path | str], *, progress: Progress | None = None) -> ReadResult:
        plans: list[model.Plan] = []
        skipped: list[SkippedFile] = []
        for position, table in enumerate(tables, start=1):
            found = read_table(room, Path(table).name)
            if isinstance(found, str):
                skipped.append(SkippedFile(table_label(Path(table).name), found, position))
            else:
                plans.append(found)
            if progress is not None:
                progress(position, len(tables))
        return ReadResult(plans, skipped, len(tables))

    return read


def live_report(plans: Mapping[str, model.Plan], min_group: int, named: bool,
                content: Content | None = None) -> RollupReport | None:
    """The region's summary of the tables' plans as last read (None before any plan is read)."""
    if not plans:
        return None
    ordered = [plans[t] for t in sorted(plans)]
    summary = summarize_region(ordered, content or load_content(), min_group, named)
    return RollupReport(summary, (), len(ordered), date.today())
