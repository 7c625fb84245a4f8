"""The look-ups several rules share, each built at most once per run of the checks.

The Review pane runs every rule on every edit, so rules must not search the
plan item by item: they ask ``Facts`` for dictionaries built on first use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from functools import cached_property

from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary, erate_source_ids, payers, summarize
from summit_app.plan.checks.findings import Finding
from summit_app.plan.content import Content, Entry
from summit_app.plan.erate import ErateShare, Rates, is_erate
from summit_app.plan.tco import DeviceCosts, TotalCost, total_cost_of


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

    # --- money: funding realism, E-Rate, the cost of keeping devices ----------------------------------

    @cached_property
    def funding_kinds(self) -> dict[str, Entry]:
        return {e.id: e for e in self.content.vocabulary("funding_kinds")}

    def kind_says(self, source: model.FundingSource, attribute: str) -> bool:
        """A flag of the source's kind (``one_time``, ``appropriated``, ``unidentified``)."""
        entry = self.funding_kinds.get(source.kind)
        return bool(entry and entry.get(attribute))

    def carries_recurring(self, source: model.FundingSource) -> bool:
        """Can ``source`` pay a cost that returns every year? Never one-time money, whatever its tick says."""
        return self.recurs(source) and not self.kind_says(source, "one_time")

    @cached_property
    def erate_rules(self) -> dict[str, str]:
        """Cost category id → what E-Rate makes of it (eligible, not-covered, ineligible)."""
        return {e.id: str(e.get("erate", "")) for e in self.content.vocabulary("cost_categories")}

    @cached_property
    def erate_lines(self) -> list[tuple[model.BudgetLine, ErateShare]]:
        """Lines charged to E-Rate, each with its split between the discount and the local match."""
        return [(line, self.erate_rates.share(line)) for line in self.plan.budget
                if is_erate(self.sources.get(line.funding_source_id or ""))]

    @cached_property
    def erate_rates(self) -> Rates:
        return Rates.of(self.plan, self.content)

    @cached_property
    def recurring_charges(self) -> dict[str, tuple[Decimal, list[model.BudgetLine]]]:
        """Source id → the most it is charged in recurring costs in any year (an E-Rate match counts on the
        match source), and the recurring lines it pays."""
        erate_ids = erate_source_ids(self.plan)
        by_year: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
        lines: dict[str, list[model.BudgetLine]] = defaultdict(list)
        for line in self.plan.budget:
            if not line.recurring:
                continue
            for source_id, amount in payers(line, erate_ids, self.erate_rates):
                if source_id is not None and amount > 0:
                    lines[source_id].append(line)
                    for year in line.years():
                        by_year[source_id, year] += amount
        peak: dict[str, Decimal] = defaultdict(Decimal)
        for (source_id, _), amount in by_year.items():
            peak[source_id] = max(peak[source_id], amount)
        return {source_id: (peak[source_id], mine) for source_id, mine in lines.items()}

    @cached_property
    def device_costs(self) -> DeviceCosts:
        return DeviceCosts(self.plan, self.content)

    @cached_property
    def total_cost(self) -> TotalCost:
        return total_cost_of(self.device_costs)


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
