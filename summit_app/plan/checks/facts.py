"""The look-ups several rules share, each built at most once per run of the checks.

The Review pane runs every rule on every edit, so rules must not search the
plan item by item: they ask ``Facts`` for dictionaries built on first use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_DOWN, Decimal
from functools import cached_property

from summit_app.plan import model
from summit_app.plan.budget import BudgetSummary, erate_source_ids, payers, summarize
from summit_app.plan.checks.findings import Finding
from summit_app.plan.content import Content, Entry
from summit_app.plan.erate import ErateShare, Rates, is_erate
from summit_app.plan.rollout import DeviceRollout, counts_as_training, device_rollouts, is_device_line
from summit_app.plan.tco import DeviceCosts, TotalCost, total_cost_of

#: The approval status of an app the district approved outright.
APPROVED = "approved"


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
        return [line for line in self.plan.budget if is_device_line(line, self.role(line))]

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

    # --- the community pane and home access: communications, approved apps, devices going home -------------

    @cached_property
    def communications(self) -> dict[str, list[model.Communication]]:
        """Communication kind → the communication plan's entries of that kind."""
        out: dict[str, list[model.Communication]] = defaultdict(list)
        for item in self.plan.communications:
            out[item.kind].append(item)
        return dict(out)

    @cached_property
    def approved_apps(self) -> list[model.AppEntry]:
        """Apps the privacy review approved outright (those that belong on the public approved-app list)."""
        return [a for a in self.plan.apps if a.approval == APPROVED]

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


# --- device rollouts, training dose, evaluation --------------------------------------------------


class RolloutFacts:
    """Look-ups of the rollout rules: each device line on its delivery date, and the training that counts."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts

    @cached_property
    def rollouts(self) -> list[DeviceRollout]:
        return device_rollouts(self.facts.plan, self.facts.content)

    @cached_property
    def lines(self) -> dict[str, model.BudgetLine]:
        return {line.id: line for line in self.facts.plan.budget}

    @cached_property
    def training_purposes(self) -> frozenset[str]:
        return counts_as_training(self.facts.content)

    def counts(self, activity: model.LearningActivity) -> bool:
        """Is ``activity`` training for teaching with technology (not a compliance course or orientation)?"""
        return activity.purpose in self.training_purposes

    @cached_property
    def teacher_training(self) -> list[model.LearningActivity]:
        return [a for a in self.facts.teacher_learning if self.counts(a)]

    @cached_property
    def leadership_training(self) -> list[model.LearningActivity]:
        leaders = self.facts.leadership_audiences
        return [a for a in self.facts.plan.learning if a.audience in leaders and self.counts(a)]

    @cached_property
    def rollout_teacher_training(self) -> list[model.LearningActivity]:
        """Teachers' training for some device purchase: under a device line's goal (any, for a line with none)."""
        lines = self.facts.device_lines
        if any(line.goal_id is None for line in lines):
            return self.teacher_training
        goals = {line.goal_id for line in lines}
        return [a for a in self.teacher_training if goals.intersection(a.goal_ids)]


def rollout_facts(facts: Facts) -> RolloutFacts:
    """The rollout look-ups of one run of the checks, built on first use and kept with its ``Facts``."""
    found = facts.__dict__.get("_rollout_facts")
    if found is None:
        found = facts.__dict__["_rollout_facts"] = RolloutFacts(facts)
    return found


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def day_text(day: date) -> str:
    """A date as a superintendent writes it, "February 15, 2027" (in English whatever the system's locale)."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def hours_text(hours: Decimal) -> str:
    """Hours for a message: at most one decimal, never rounded up past a threshold ("6.5", "14", "13.9")."""
    shown = hours.quantize(Decimal("0.1"), rounding=ROUND_DOWN)
    return f"{shown:,.0f}" if shown == shown.to_integral_value() else f"{shown:,.1f}"


def hours_phrase(hours: Decimal) -> str:
    """"1 hour", "6.5 hours"."""
    text = hours_text(hours)
    return f"{text} hour" if text == "1" else f"{text} hours"


def end_of_month(text: str) -> date | None:
    """The last day of a month written "April 2027" (as content states a deadline), or ``None`` if it is not one."""
    month, _, year = text.strip().partition(" ")
    if month not in _MONTHS or not year.isdigit():
        return None
    number = _MONTHS.index(month) + 1
    following = date(int(year) + number // 12, number % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
