"""Dot voting: each member spreads a few dots over the goals (or gears); the tally ranks them.

Plain Python (the dialog in ``ui/facilitation/voting_dialog.py`` drives it). The votes belong to
the session at the table and are not part of the plan; what the team keeps is
the ranking, written as goal priorities in one undoable edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summit_app.plan import model
from summit_app.plan.edits import Batch, Edit, SetField

DEFAULT_DOTS = 3
MAX_DOTS = 20
MAX_PRIORITY = 99  # the highest priority a goal can hold

Choice = tuple[str, str]  # (id, name)


@dataclass(frozen=True)
class TallyRow:
    option_id: str
    name: str
    dots: int
    rank: int  # 1 = most dots; equal dots share a rank (1, 2, 2, 4)


class VotingSession:
    """Who has put how many dots on what; nobody can use more than ``dots``."""

    def __init__(self, options: Sequence[Choice], voters: Sequence[Choice], dots: int = DEFAULT_DOTS) -> None:
        self.options = list(options)
        self.voters = list(voters)
        self.dots = dots
        self._votes: dict[str, dict[str, int]] = {}

    def placed(self, voter_id: str, option_id: str) -> int:
        return self._votes.get(voter_id, {}).get(option_id, 0)

    def used(self, voter_id: str) -> int:
        return sum(self._votes.get(voter_id, {}).values())

    def left(self, voter_id: str) -> int:
        return self.dots - self.used(voter_id)

    def add_dot(self, voter_id: str, option_id: str) -> bool:
        """One more dot from ``voter_id`` on ``option_id``; False when the voter has none left."""
        if self.left(voter_id) <= 0 or option_id not in dict(self.options):
            return False
        mine = self._votes.setdefault(voter_id, {})
        mine[option_id] = mine.get(option_id, 0) + 1
        return True

    def remove_dot(self, voter_id: str, option_id: str) -> bool:
        mine = self._votes.get(voter_id, {})
        if mine.get(option_id, 0) <= 0:
            return False
        mine[option_id] -= 1
        return True

    def set_dots(self, dots: int) -> int:
        """Change the dots per voter, never below what someone has already placed; the new number."""
        most = max((self.used(v) for v, _ in self.voters), default=0)
        self.dots = min(max(dots, most, 1), MAX_DOTS)
        return self.dots

    def set_options(self, options: Sequence[Choice]) -> None:
        """The plan changed: keep the votes on options that still exist."""
        self.options = list(options)
        keep = {option_id for option_id, _ in options}
        for mine in self._votes.values():
            for option_id in [o for o in mine if o not in keep]:
                del mine[option_id]

    def clear(self) -> None:
        self._votes.clear()

    def total(self, option_id: str) -> int:
        return sum(mine.get(option_id, 0) for mine in self._votes.values())

    def tally(self) -> list[TallyRow]:
        """Options by dots, most first (ties keep their listed order, and share a rank)."""
        return ranked([(option_id, name, self.total(option_id)) for option_id, name in self.options])


def ranked(counted: Sequence[tuple[str, str, int]]) -> list[TallyRow]:
    """(option id, name, dots) by dots, most first; ties keep their listed order and share a rank (1, 2, 2, 4)."""
    ordered = sorted(enumerate(counted), key=lambda t: (-t[1][2], t[0]))
    rows: list[TallyRow] = []
    for position, (_, (option_id, name, dots)) in enumerate(ordered, start=1):
        rank = rows[-1].rank if rows and rows[-1].dots == dots else position
        rows.append(TallyRow(option_id, name, dots, rank))
    return rows


def goal_choices(plan: model.Plan) -> list[Choice]:
    return [(g.id, g.title.strip() or "Untitled goal") for g in plan.goals]


def member_voters(plan: model.Plan, anonymous: int = 6) -> list[Choice]:
    """The team members; a team not entered yet votes as numbered voters."""
    if plan.members:
        return [(m.id, m.name.strip() or f"Member {i}") for i, m in enumerate(plan.members, start=1)]
    return [(f"voter-{i}", f"Voter {i}") for i in range(1, anonymous + 1)]


def priority_edit(plan: model.Plan, tally: Sequence[TallyRow]) -> Edit | None:
    """One batch setting each goal's priority to its rank; None when every priority already matches."""
    goals = {g.id: g for g in plan.goals}
    ranks = {row.option_id: min(row.rank, MAX_PRIORITY) for row in tally if row.option_id in goals}
    edits = tuple(SetField("goals", goal_id, "priority", rank) for goal_id, rank in ranks.items()
                  if goals[goal_id].priority != rank)
    return Batch(edits, label="Set goal priorities from dot voting") if edits else None
