"""Why a plan file cannot be used, in words for the person who chose it."""

from __future__ import annotations

import re
import unicodedata

from summit_app.plan.records import ByFields, record

#: Terminal escape sequences (CSI such as colours, OSC such as window titles), removed whole.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]")
#: Unicode categories never shown: controls, format characters (bidi overrides, zero-width), line and
#: paragraph separators, surrogates, private use, unassigned.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def printable(text: str, limit: int = 80) -> str:
    """``text`` as one plain line of at most ``limit`` characters, whatever the file it came from held.

    Escape sequences and invisible characters are removed, line breaks and tabs
    become spaces: a lock record is written by whoever can write the folder, and
    its text is shown in a one-line error and a dialog.
    """
    text = _ESCAPES.sub("", text)
    shown = "".join(" " if c.isspace() else "" if unicodedata.category(c) in _HIDDEN else c for c in text)
    shown = " ".join(shown.split())
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"


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

    @property
    def known(self) -> bool:
        """False when the plan is held but nobody's record could be found (another program, or removed)."""
        return bool(self.name or self.host)

    def describe(self) -> str:
        """Who, on which computer, since when: one plain line, safe to print."""
        if not self.known:
            return "someone in another window or program"
        who = printable(self.name) or "someone"
        return f"{who} on {printable(self.host, 64) or 'an unnamed computer'} (since {printable(self.since, 32)})"


class PlanLockedError(PlanFileError):
    """Another running copy of the app holds the plan; it may be opened read-only or copied."""

    def __init__(self, what: str, holder: LockHolder) -> None:
        where = f"in another window: {holder.describe()}" if holder.known else \
            "for editing in another window or program"
        super().__init__(what, f"the plan is open {where}; open it read-only or as a copy")
        self.holder = holder


class ReadOnlyFileError(PlanFileError):
    """The file (or its folder) cannot be written; it may be opened read-only."""
