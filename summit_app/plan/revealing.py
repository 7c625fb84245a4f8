"""Members' ratings given on their phones, written into the plan when the table reveals them.

The phones keep each member's silent score away from the plan until the table
reveals it; then the seat writes them all as one edit, the same rows the
desktop's silent ratings make (one ``MemberRating`` per member and element,
and the element's ``ReadinessRating`` marked revealed), so the spread, undo and
the edit log treat them alike. Members' notes are added to the element's notes.
A dot vote's totals become goal priorities through ``voting.priority_edit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summit_app.plan import model
from summit_app.plan.edits import AddItem, Batch, Edit, SetField
from summit_app.plan.voting import Choice, TallyRow, ranked


@dataclass(frozen=True)
class PhoneScore:
    """One member's revealed score of an element, and their note (may be empty)."""

    member_id: str
    score: int
    note: str = ""


def member_rating_id(plan: model.Plan, element_id: str, member_id: str) -> str:
    """A new member rating's id: ``mr-ELEMENT-MEMBER``, numbered on if that is taken."""
    taken = {r.id for r in plan.member_ratings}
    base = f"mr-{element_id}-{member_id}"
    return next(c for c in (base, *(f"{base}-{n}" for n in range(2, 10_000))) if c not in taken)


def reveal_edit(plan: model.Plan, element_id: str, element_name: str, scores: Sequence[PhoneScore]) -> Edit:
    """One batch: each member's score as their ``MemberRating`` of the element, the element marked revealed.

    Scores of people no longer on the team are left out (their link was
    revoked with them); a member's earlier rating of the element is replaced.
    """
    team = {m.id: m.name for m in plan.members}
    edits: list[Edit] = []
    notes: list[str] = []
    for given in scores:
        if given.member_id not in team:
            continue
        edits.append(_member_rating(plan, element_id, given))
        if given.note.strip():
            notes.append(f"{team[given.member_id].strip() or 'A member'}: {given.note.strip()}")
    edits += _revealed(plan, element_id, notes)
    return Batch(tuple(edits), label=f"Reveal members' phone ratings of “{element_name}”")


def _member_rating(plan: model.Plan, element_id: str, given: PhoneScore) -> Edit:
    existing = next((r for r in plan.member_ratings
                     if r.element_id == element_id and r.member_id == given.member_id), None)
    if existing is None:
        rating = model.MemberRating(member_rating_id(plan, element_id, given.member_id), element_id,
                                    given.member_id, given.score)
        return AddItem("member_ratings", rating)
    return SetField("member_ratings", existing.id, "score", given.score)


def _revealed(plan: model.Plan, element_id: str, notes: list[str]) -> list[Edit]:
    rating = plan.item("readiness", element_id)
    if not isinstance(rating, model.ReadinessRating):
        return [AddItem("readiness", model.ReadinessRating(element_id, notes="\n".join(notes), revealed=True))]
    edits: list[Edit] = []
    if not rating.revealed:
        edits.append(SetField("readiness", element_id, "revealed", True))
    if notes:
        text = "\n".join([rating.notes.rstrip(), *notes] if rating.notes.strip() else notes)
        edits.append(SetField("readiness", element_id, "notes", text))
    return edits


def tally_of(options: Sequence[Choice], totals: dict[str, int]) -> list[TallyRow]:
    """The ranking of a dot vote whose dots were counted elsewhere (on the phones)."""
    return ranked([(option_id, name, totals.get(option_id, 0)) for option_id, name in options])
