"""What a row of the room console says about one table, in words (its overview read by ``room.overview``)."""

from __future__ import annotations

from datetime import datetime

from summit_app.plan.steps import STEPS
from summit_app.room.overview import TableOverview

COLUMNS = ("Table", "District", "Seats (and the step each is on)", "Progress", "Findings", "Last activity")
PANE_TITLES = dict(STEPS)
DONE, PARTIAL, EMPTY = "done", "partial", "empty"


def seats_text(overview: TableOverview) -> str:
    if not overview.seats:
        return "no seats in"
    return ", ".join(f"{s.author or 'unnamed'} ({PANE_TITLES.get(s.pane, s.pane) or 'joining'})"
                     for s in overview.seats)


def progress_text(overview: TableOverview) -> str:
    """``4 of 10 steps done · 2 under way``; a step given as a percentage counts as under way unless 100%."""
    states = [state for _title, state in overview.progress]
    done = sum(1 for s in states if s in (DONE, "100%"))
    empty = sum(1 for s in states if s in (EMPTY, "0%"))
    under_way = len(states) - done - empty
    text = f"{done} of {len(states)} steps done"
    return text + (f" · {under_way} under way" if under_way else "")


def findings_text(overview: TableOverview) -> str:
    blocking, warnings, advice = overview.findings
    if not any(overview.findings):
        return "none"
    parts = [f"{blocking} blocking" if blocking else "", f"{warnings} warning{'s' if warnings != 1 else ''}"
             if warnings else "", f"{advice} advice" if advice else ""]
    return " · ".join(p for p in parts if p)


def activity_text(last: datetime | None, now: datetime) -> str:
    """How long ago the table last did something, the way a facilitator glances at it."""
    if last is None:
        return "no edits yet"
    seconds = max(0, int((now - last).total_seconds()))
    if seconds < 60:
        return "just now" if seconds < 10 else f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return f"at {last.astimezone():%H:%M}"


def row_texts(overview: TableOverview, now: datetime) -> tuple[str, ...]:
    return (overview.table, overview.district or "(not named yet)", seats_text(overview), progress_text(overview),
            findings_text(overview), activity_text(overview.last_activity, now))


def progress_detail(overview: TableOverview) -> str:
    """Each step and how far it is, one a line (the progress cell's tooltip)."""
    return "\n".join(f"{title}: {state}" for title, state in overview.progress)
