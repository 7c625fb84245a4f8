"""One seat at a summit table: the table's plan, edited here while the other seats edit it too.

The seat LISTENs for the plan's new edits before it reads the plan (so no
edit falls between the two), then keeps its ``PlanDocument`` up to date:
``catch_up`` applies the other seats' edits strictly in sequence order,
skipping what it has already applied and reading any gap (a missed
notification, a reconnect) from the edit log. Its own edits go through
``edit`` (the document's shared path). No Qt here: a window watches
``fileno()`` with a socket notifier and calls ``catch_up``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from summit_app.plan.content import Content, load_content
from summit_app.plan.document import PlanDocument, Remote, SharedResult
from summit_app.plan.edits import Edit
from summit_app.plan.seating import Notice, fields_set, replaced_own
from summit_app.store.seat_plan import EditListener, SeatPlan


class Seat:
    """A seat's open plan, its document and its ear on the table's edits; ``close`` when leaving."""

    def __init__(self, location: str, author: str, content: Content | None = None) -> None:
        self.store = SeatPlan.open_seat(location, holder=author)
        try:
            self._listener: EditListener = self.store.listen()
            content = content or load_content()
            self.document = PlanDocument(self.store.load(content), self.store, content, author)
        except BaseException:
            self.store.close()
            raise
        self._stale = False
        #: Fields this seat set that no other seat has set since (whose replacement earns a notice).
        self._own: set[tuple[str, str, str]] = set()
        #: Notices of the seat's values that other seats replaced, oldest first (``take_notices``).
        self._notices: list[Notice] = []

    @property
    def sequence(self) -> int:
        """The newest edit of the table's plan that this seat's plan includes."""
        return self.store.sequence

    def fileno(self) -> int:
        """The listening connection's socket: readable when another seat may have written."""
        return self._listener.fileno()

    def edit(self, edit: Edit) -> SharedResult:
        """Apply the seat's own edit (after catching up inside the table's turn); raise if refused."""
        result = self.document.apply_shared(edit)
        self._heard_remote(result.remote)
        self._own |= fields_set(edit)
        return result

    def take_notices(self) -> list[Notice]:
        """The notices of this seat's values that other seats replaced since the last call (then forgotten)."""
        notices, self._notices = self._notices, []
        return notices

    def _heard_remote(self, remote: Sequence[Remote]) -> None:
        for other in remote:
            replaced = replaced_own(self._own, other.entry.author, other.entry.edit)
            self._notices += replaced
            self._own -= {(n.collection, n.item_id, n.field) for n in replaced}

    def catch_up(self, timeout: float = 0) -> list[Remote]:
        """Apply the other seats' edits written since this seat last looked; returns them in sequence order.

        Only looks in the edit log when a notification names a newer edit,
        or after ``reconnect`` (``timeout``: seconds to wait for a notification).
        """
        if not self._stale and not self._heard_news(timeout):
            return []
        remote = self.store.remote_after()
        for other in remote:
            self.document.apply_remote(other.entry)
            self.store.applied(other.sequence)
        self._heard_remote(remote)
        self._stale = False
        return remote

    def _heard_news(self, timeout: float) -> bool:
        """True once a notification names an edit this seat has not applied (waiting up to ``timeout``)."""
        deadline = time.monotonic() + timeout
        heard = self._listener.heard(0)
        while not any(n < 0 or n > self.sequence for n in heard):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            heard = self._listener.heard(left)
        return True

    def reconnect(self) -> None:
        """Listen again on a new connection (after it was lost); the next ``catch_up`` reads the gap from the log."""
        self._listener.close()
        self._listener = self.store.listen()
        self._stale = True

    def close(self) -> None:
        self._listener.close()
        self.store.close()

    def __enter__(self) -> Seat:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
