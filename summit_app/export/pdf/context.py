"""Everything a section needs to write itself, computed once per export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from summit_app.export.pdf.styles import Styles
from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary
from summit_app.plan.checks import Finding
from summit_app.plan.content import Content, Level

#: The longest district name used in page headers and metadata.
SHORT_NAME = 200


def as_utc(when: datetime | None) -> datetime | None:
    """Plans store times as UTC; a naive time is taken as UTC, never as this machine's zone."""
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


@dataclass(frozen=True)
class Report:
    """The plan snapshot being exported and what is derived from it."""

    plan: model.Plan
    content: Content
    styles: Styles
    summary: BudgetSummary
    findings: tuple[Finding, ...]  # open: not accepted
    fingerprint: str
    draft: bool
    #: Findings the team accepted (each with its acceptance), and acceptances whose facts have since changed.
    accepted: tuple[tuple[Finding, model.Acceptance], ...] = ()
    lapsed: tuple[model.Acceptance, ...] = ()

    @cached_property
    def goal_numbers(self) -> dict[str, str]:
        """Goals are cited as G1, G2… in the order the team listed them."""
        return {g.id: f"G{i}" for i, g in enumerate(self.plan.goals, start=1)}

    def goal_label(self, goal_id: str | None) -> str:
        if goal_id is None:
            return "—"
        return self.goal_numbers.get(goal_id, "—")

    def goals_label(self, goal_ids: tuple[str, ...]) -> str:
        return ", ".join(self.goal_label(g) for g in goal_ids) or "—"

    def name(self, vocabulary: str, entry_id: str) -> str:
        """The display name of a vocabulary entry (a dash for none)."""
        return self.content.name_of(vocabulary, entry_id) if entry_id else "—"

    def names(self, vocabulary: str, entry_ids: tuple[str, ...]) -> str:
        return ", ".join(self.name(vocabulary, e) for e in entry_ids) or "—"

    def title(self, pane: str) -> str:
        guidance = self.content.guidance.get(pane)
        return guidance.title if guidance else pane.capitalize()

    @cached_property
    def fiscal_years(self) -> str:
        years = self.plan.fiscal_years()
        return f"FY{years[0]}–FY{years[-1]}"

    @property
    def signed_at(self) -> datetime | None:
        """When the plan was issued for signature, in UTC."""
        return as_utc(self.plan.signature.signed_at)

    @property
    def district_name(self) -> str:
        return self.plan.district.name or "District not named yet"

    @cached_property
    def short_district(self) -> str:
        """The district's name on one line of at most 200 characters, for the running header, the
        document's title and metadata (the cover and the signature page print it in full)."""
        name = " ".join(self.district_name[:SHORT_NAME * 4].split())
        return name if len(name) <= SHORT_NAME else name[:SHORT_NAME - 1].rstrip() + "…"

    def level_of(self, score: Decimal) -> Level:
        """The readiness level a score out of 10 falls in (rounded half up to a whole point)."""
        return self.content.level_for(int(score.to_integral_value(rounding=ROUND_HALF_UP)))
