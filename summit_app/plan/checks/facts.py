"""The look-ups several rules share, each built at most once per run of the checks.

The Review pane runs every rule on every edit, so rules must not search the
plan item by item: they ask ``Facts`` for dictionaries built on first use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from functools import cached_property

from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary, summarize
from summit_app.plan.checks.findings import Finding
from summit_app.plan.content import Content

#: Cost-category roles whose recurring lines keep a device fleet running.
DEVICE_UPKEEP_ROLES = frozenset({"devices", "support-staff"})


class Facts:
    """A plan and its content, with indexes the rules read instead of scanning."""

    def __init__(self, plan: model.Plan, content: Content) -> None:
        self.plan = plan
        self.content = content

    def _flagged(self, vocabulary: str, attribute: str) -> frozenset[str]:
        return frozenset(e.id for e in self.content.vocabulary(vocabulary) if e.get(attribute))

    @cached_property
    def goals(self) -> dict[str, model.Goal]:
        return {g.id: g for g in self.plan.goals}

    @cached_property
    def apps(self) -> dict[str, model.AppEntry]:
        return {a.id: a for a in self.plan.apps}

    @cached_property
    def sources(self) -> dict[str, model.FundingSource]:
        return {s.id: s for s in self.plan.funding}

    @cached_property
    def recurring_kinds(self) -> frozenset[str]:
        """Kinds of funding that come back every year (the general fund, formula funds)."""
        return self._flagged("funding_kinds", "recurring_default")

    def recurs(self, source: model.FundingSource) -> bool:
        """True if ``source`` comes back every year: ticked Recurring, or of a kind that does."""
        return source.recurring or source.kind in self.recurring_kinds

    @cached_property
    def roles(self) -> dict[str, str]:
        """Cost category id → its role (devices, software, network…)."""
        return {e.id: str(e.get("role", e.id)) for e in self.content.vocabulary("cost_categories")}

    def role(self, line: model.BudgetLine) -> str:
        return self.roles.get(line.category, "")

    @cached_property
    def teacher_audiences(self) -> frozenset[str]:
        return self._flagged("pd_audiences", "teachers")

    @cached_property
    def leadership_audiences(self) -> frozenset[str]:
        return self._flagged("pd_audiences", "leadership")

    @cached_property
    def student_data(self) -> frozenset[str]:
        """Data categories that are about students."""
        return self._flagged("data_categories", "student")

    @cached_property
    def device_lines(self) -> list[model.BudgetLine]:
        return [line for line in self.plan.budget if self.role(line) == "devices"]

    @cached_property
    def teacher_learning_by_goal(self) -> dict[str, list[model.LearningActivity]]:
        """Activities for teachers, under each goal they serve."""
        out: dict[str, list[model.LearningActivity]] = defaultdict(list)
        for activity in self.plan.learning:
            if activity.audience in self.teacher_audiences:
                for goal_id in activity.goal_ids:
                    out[goal_id].append(activity)
        return dict(out)

    @cached_property
    def teacher_learning(self) -> list[model.LearningActivity]:
        return [a for a in self.plan.learning if a.audience in self.teacher_audiences]

    @cached_property
    def summary(self) -> BudgetSummary:
        """Totals, with each E-Rate line split between the discount and its local match."""
        return summarize(self.plan, self.content)

    @cached_property
    def years_text(self) -> str:
        years = self.plan.fiscal_years()
        return f"{fy(years[0])}–{fy(years[-1])}"


Rule = Callable[[Facts], Iterable[Finding]]


def fy(year: int) -> str:
    return f"FY{year}"


def fiscal_year(day: date) -> int:
    """The fiscal year a date falls in: school districts' years run July to June (FY2028 ends June 2028)."""
    return day.year + 1 if day.month >= 7 else day.year


def quote(text: str, what: str) -> str:
    """An item's name in quotes, or "an untitled <what>" when it has none."""
    text = " ".join(text.split())
    return f"“{text}”" if text else f"an untitled {what}"


def capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def listing(parts: list[str], joiner: str = "or") -> str:
    """``a, b or c`` for a message."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {joiner} {parts[-1]}"
