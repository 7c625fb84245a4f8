"""Why a plan file cannot be used, in words for the person who chose it."""

from __future__ import annotations

from summit_app.plan.records import ByFields, record


class PlanFileError(Exception):
    """A plan file was refused; ``what`` names it and ``why`` says why in one line.

    Whatever raised this left the file exactly as it was.
    """

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why


@record
class LockHolder(ByFields):
    """Who holds a plan's lock: the name, computer and process, and since when."""

    name: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        who = self.name or "someone"
        return f"{who} on {self.host} (since {self.since})"


class PlanLockedError(PlanFileError):
    """Another running copy of the app holds the plan; it may be opened read-only or copied."""

    def __init__(self, what: str, holder: LockHolder) -> None:
        super().__init__(what, f"the plan is open in another window: {holder.describe()}; "
                               "open it read-only or as a copy")
        self.holder = holder


class ReadOnlyFileError(PlanFileError):
    """The file (or its folder) cannot be written; it may be opened read-only."""
