"""A table's plan as the facilitator projects it: read through the room's read-only role, kept live, scores withheld.

The facilitator reads a table's plan the way taking it home does (the
read-only role ``room_facilitator``, ``server.facilitator_location``), and
follows the table's edits the way a seat does: it LISTENs on the plan's
channel before it reads the plan, then applies each newer edit from the edit
log strictly in sequence order (``SeatPlan``'s reading, opened read-only: no
lock is taken, nothing can be written). No Qt here: the window watches
``fileno()`` with a socket notifier and calls ``catch_up``.

A projector shows a table's plan to the whole hall, so the members' silent
ratings of every element the table has not revealed itself are withheld from
the plan before any widget sees it (``withhold_unrevealed``): the scores are
not there to show, whatever a pane or the presenter's Reveal would do.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.plan.document import PlanDocument
from summit_app.room.facilitator import table_seat
from summit_app.room.server import facilitator_location
from summit_app.store.seat_plan import EditListener, SeatPlan


def withhold_unrevealed(plan: model.Plan) -> model.Plan:
    """``plan`` without the scores of member ratings whose element the table has not revealed.

    The ratings stay (who has rated is no secret); only their numbers go.
    """
    revealed = {r.id for r in plan.readiness if r.revealed}
    if all(r.element_id in revealed or r.score is None for r in plan.member_ratings):
        return plan
    ratings = tuple(r if r.element_id in revealed or r.score is None else dataclasses.replace(r, score=None)
                    for r in plan.member_ratings)
    return plan.replace(member_ratings=ratings)


class _ProjectedPlan(SeatPlan):
    """A table's plan opened read-only, with a seat's way of reading the edits after a sequence number."""

    @classmethod
    def open_projected(cls, text: str) -> _ProjectedPlan:
        plan = cls._open(text, read_only=True, holder="facilitator projecting", shared=True)
        assert isinstance(plan, _ProjectedPlan)
        return plan


class TableFeed:
    """One table's plan, live and read-only, for the facilitator's screen; ``close`` when done."""

    def __init__(self, room: Path, table: str, content: Content | None = None) -> None:
        state, _seat = table_seat(room, table)
        self.table = table
        self.store = _ProjectedPlan.open_projected(facilitator_location(room, state, table))
        try:
            self._listener: EditListener = self.store.listen()  # before the plan is read: no edit falls between
            content = content or load_content()
            self.document = PlanDocument(self.store.load(content), self.store, content, "facilitator")
        except BaseException:
            self.store.close()
            raise

    @property
    def sequence(self) -> int:
        return self.store.sequence

    def fileno(self) -> int:
        """The listening connection's socket: readable when the table may have written."""
        return self._listener.fileno()

    def catch_up(self, timeout: float = 0) -> int:
        """Apply the table's edits written since the last look (waiting up to ``timeout`` s for one); how many."""
        deadline = time.monotonic() + timeout
        heard = self._listener.heard(timeout)
        while not any(n < 0 or n > self.sequence for n in heard):  # a presence change is no edit: wait on
            left = deadline - time.monotonic()
            if left <= 0:
                return 0
            heard = self._listener.heard(left)
        remote = self.store.remote_after()
        for other in remote:
            self.document.apply_remote(other.entry)
            self.store.applied(other.sequence)
        return len(remote)

    def close(self) -> None:
        self._listener.close()
        self.store.close()

    def __enter__(self) -> TableFeed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
