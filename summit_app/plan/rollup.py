"""The regional roll-up: what many district plans add up to, without exposing any one district.

Each district contributes one value per measure (its readiness score per gear,
planned investment per student, its total cost of ownership per student per year,
privacy-agreement coverage, professional-learning hours per teacher). The region's
figure for a measure is the distribution of those values: count, mean, lowest,
quartiles, median, highest.

Quartiles use ``statistics.quantiles(..., method="inclusive")``: the districts in
a roll-up are the whole population being described, not a sample, and this is
the method of Excel's ``QUARTILE.INC``, so the finance office can check a figure.

Each district's value is rounded once, where it is made: money to the cent
and readiness to one decimal (as the district's own plan shows them), shares
to four places and hours per teacher to two. Statistics over such short
decimals are exact, so anyone recomputing them gets the same digits.

Small groups are suppressed: any figure computed over fewer than ``min_group``
districts is a ``Suppressed`` marker instead of numbers, and so is a goal area
that fewer than ``min_group`` districts chose. District names appear only when
``named`` is set (the per-district table); otherwise the summary holds none,
except in the suggested peers, where a district is named only to another that
also opted in (plan/peers.py), whether the roll-up is named or not.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from summit_app.plan import model
from summit_app.plan.budget import summarize
from summit_app.plan.content import Content
from summit_app.plan.peers import PeerSuggestions, suggest_peers
from summit_app.plan.readiness import gear_scores, overall_score
from summit_app.plan.tco import total_cost

#: Smallest group of districts a figure may describe unless told otherwise.
DEFAULT_MIN_GROUP = 3
#: The ``id`` used for the overall readiness row and for goals with no gear.
OVERALL = "overall"
NO_GEAR = ""
#: Each district's ratios are rounded once, here, so every statistic over them is exact.
SHARE_PLACES = Decimal("0.0001")
HOUR_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Suppressed:
    """A figure left out because too few districts stand behind it."""

    min_group: int

    @property
    def text(self) -> str:
        return f"suppressed (fewer than {self.min_group} districts)"


@dataclass(frozen=True)
class Distribution:
    """One measure across the districts that have a value for it (exact, unrounded)."""

    count: int
    mean: Decimal
    minimum: Decimal
    q1: Decimal
    median: Decimal
    q3: Decimal
    maximum: Decimal


Figure = Distribution | Suppressed


def distribution(values: Iterable[Decimal], min_group: int) -> Figure:
    """The distribution of ``values``, or ``Suppressed`` when there are fewer than ``min_group``."""
    data = sorted(values)
    if not data or len(data) < min_group:
        return Suppressed(min_group)
    q1, median, q3 = statistics.quantiles(data, n=4, method="inclusive") if len(data) > 1 else data * 3
    return Distribution(len(data), statistics.mean(data), data[0], q1, median, q3, data[-1])


@dataclass(frozen=True)
class GearReadiness:
    gear_id: str  # OVERALL for the overall score
    name: str
    figure: Figure


@dataclass(frozen=True)
class GoalArea:
    """Goals aligned to one Future Ready gear; counts are ``None`` when suppressed."""

    gear_id: str  # NO_GEAR for goals not aligned to a gear
    name: str
    goals: int | None
    districts: int | None
    share: Decimal | None  # of all districts in the roll-up, 0–1
    suppressed: Suppressed | None


@dataclass(frozen=True)
class Coverage:
    """Privacy agreements: apps holding student data with a signed agreement."""

    per_district: Figure  # each district's share, 0–1
    overall: Decimal | Suppressed  # signed apps / apps holding student data, over the whole region
    apps: int | None  # apps holding student data, region-wide (None when suppressed)
    signed: int | None


@dataclass(frozen=True)
class DistrictRow:
    """One district's own figures (only in a named roll-up)."""

    name: str
    enrollment: int
    readiness: Decimal | None
    per_student: Decimal | None
    coverage: Decimal | None
    pd_hours_per_teacher: Decimal | None
    goals: int
    cost_per_student_per_year: Decimal | None = None
    pseudonym: str = ""  # in the suggested peers' anonymous part ("" when not compared or not shown)


@dataclass(frozen=True)
class RegionSummary:
    district_count: int
    min_group: int
    named: bool
    readiness: tuple[GearReadiness, ...]  # gears in framework order, then OVERALL
    goal_areas: tuple[GoalArea, ...]  # most goals first; suppressed areas last
    per_student: Figure  # planned investment per student, dollars
    without_enrollment: int  # districts left out of per_student and per_student_per_year (no enrollment given)
    per_student_per_year: Figure  # total cost of ownership per student per year, dollars
    coverage: Coverage
    without_student_apps: int  # districts with no app holding student data
    pd_hours: Figure  # PD hours per teacher
    without_teachers: int  # districts with no teacher count
    districts: tuple[DistrictRow, ...]  # empty unless named
    peers: PeerSuggestions  # named only between districts that both opted in, whether or not ``named``


@dataclass(frozen=True)
class SkippedFile:
    """A listed file left out of the roll-up, and why, in words for the person who listed it."""

    path: str
    why: str
    position: int  # 1 for the first file listed


@dataclass(frozen=True)
class RollupReport:
    """What the roll-up's workbook and PDF show: the figures, and which files were left out."""

    summary: RegionSummary
    skipped: tuple[SkippedFile, ...]
    listed: int  # files listed, read or not
    prepared: date | None = None  # the date printed on the report

    def skipped_label(self, skipped: SkippedFile) -> str:
        """How a skipped file is named in the output: by position only when anonymous (file names
        often name the district)."""
        return skipped.path if self.summary.named else f"File {skipped.position} of {self.listed} in the list"


# --- one district's values -------------------------------------------------------------


def per_student(plan: model.Plan, content: Content) -> Decimal | None:
    """Planned investment per student over the plan's years, to the cent (as the plan's own budget shows)."""
    return summarize(plan, content).per_student(plan.district.enrollment)


def cost_per_student_per_year(plan: model.Plan, content: Content) -> Decimal | None:
    """The plan's total cost of ownership per student per year, to the cent (plan/tco.py)."""
    return total_cost(plan, content).per_student_per_year


def _flagged(content: Content, vocabulary: str, attribute: str) -> frozenset[str]:
    return frozenset(e.id for e in content.vocabulary(vocabulary) if e.get(attribute))


def student_data_apps(plan: model.Plan, content: Content) -> list[model.AppEntry]:
    """Inventory apps that hold at least one category of student data."""
    student = _flagged(content, "data_categories", "student")
    return [a for a in plan.apps if student.intersection(a.data_categories)]


def coverage(plan: model.Plan, content: Content) -> tuple[int, int]:
    """(apps holding student data with a signed agreement, apps holding student data)."""
    apps = student_data_apps(plan, content)
    return sum(1 for a in apps if a.agreement_status == "signed"), len(apps)


def share(part: int, whole: int) -> Decimal:
    """``part / whole`` to four places (a hundredth of a percentage point), half up."""
    return (Decimal(part) / Decimal(whole)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


def coverage_share(plan: model.Plan, content: Content) -> Decimal | None:
    signed, total = coverage(plan, content)
    return share(signed, total) if total else None


def teacher_pd_hours(plan: model.Plan, content: Content) -> Decimal:
    """Participants × hours summed over activities whose audience includes teachers."""
    audiences = _flagged(content, "pd_audiences", "teachers")
    return sum((a.participants * a.hours for a in plan.learning if a.audience in audiences), Decimal(0))


def pd_hours_per_teacher(plan: model.Plan, content: Content) -> Decimal | None:
    """To the hundredth of an hour, half up."""
    teachers = plan.district.teachers
    if teachers <= 0:
        return None
    return (teacher_pd_hours(plan, content) / teachers).quantize(HOUR_PLACES, rounding=ROUND_HALF_UP)


# --- the region ------------------------------------------------------------------------


def _present(values: Iterable[Decimal | None]) -> list[Decimal]:
    return [v for v in values if v is not None]


def _readiness(plans: list[model.Plan], content: Content, min_group: int) -> tuple[GearReadiness, ...]:
    scores = [gear_scores(p, content) for p in plans]
    rows = [GearReadiness(g.id, g.label, distribution(_present(s[g.id] for s in scores), min_group))
            for g in content.gears]
    overall = distribution(_present(overall_score(p, content) for p in plans), min_group)
    return (*rows, GearReadiness(OVERALL, "Overall", overall))


def _goal_areas(plans: list[model.Plan], content: Content, min_group: int) -> tuple[GoalArea, ...]:
    names = {g.id: g.name for g in content.gears} | {NO_GEAR: "No gear chosen"}
    goals = dict.fromkeys(names, 0)
    districts = dict(goals)
    for plan in plans:
        for goal in plan.goals:
            goals[goal.gear if goal.gear in names else NO_GEAR] += 1
        for gear_id in {goal.gear if goal.gear in names else NO_GEAR for goal in plan.goals}:
            districts[gear_id] += 1
    areas = [_goal_area(gid, names[gid], goals[gid], districts[gid], len(plans), min_group) for gid in names
             if gid != NO_GEAR or goals[gid]]
    return tuple(sorted(areas, key=lambda a: (a.suppressed is not None, -(a.goals or 0), -(a.districts or 0))))


def _goal_area(gear_id: str, name: str, goals: int, districts: int, total: int, min_group: int) -> GoalArea:
    if districts < min_group:
        return GoalArea(gear_id, name, None, None, None, Suppressed(min_group))
    return GoalArea(gear_id, name, goals, districts, share(districts, total), None)


def _coverage(plans: list[model.Plan], content: Content, min_group: int) -> Coverage:
    counts = [c for c in (coverage(p, content) for p in plans) if c[1] > 0]
    shares = [share(signed, total) for signed, total in counts]
    if len(counts) < min_group or not counts:
        return Coverage(distribution(shares, min_group), Suppressed(min_group), None, None)
    signed, total = sum(c[0] for c in counts), sum(c[1] for c in counts)
    return Coverage(distribution(shares, min_group), share(signed, total), total, signed)


def _district_row(plan: model.Plan, content: Content, pseudonym: str) -> DistrictRow:
    return DistrictRow(plan.district.name, plan.district.enrollment, overall_score(plan, content),
                       per_student(plan, content), coverage_share(plan, content), pd_hours_per_teacher(plan, content),
                       len(plan.goals), cost_per_student_per_year(plan, content), pseudonym)


def _missing(plans: list[model.Plan], value: Callable[[model.Plan], object]) -> int:
    return sum(1 for p in plans if value(p) is None)


def summarize_region(plans: list[model.Plan], content: Content, min_group: int = DEFAULT_MIN_GROUP,
                     named: bool = False) -> RegionSummary:
    """The roll-up of ``plans``: every figure over fewer than ``min_group`` districts suppressed."""
    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    peers = suggest_peers(plans, content, min_group)
    return RegionSummary(
        district_count=len(plans), min_group=min_group, named=named,
        readiness=_readiness(plans, content, min_group),
        goal_areas=_goal_areas(plans, content, min_group),
        per_student=distribution(_present(per_student(p, content) for p in plans), min_group),
        without_enrollment=_missing(plans, lambda p: per_student(p, content)),
        per_student_per_year=distribution(_present(cost_per_student_per_year(p, content) for p in plans), min_group),
        coverage=_coverage(plans, content, min_group),
        without_student_apps=_missing(plans, lambda p: coverage_share(p, content)),
        pd_hours=distribution(_present(pd_hours_per_teacher(p, content) for p in plans), min_group),
        without_teachers=_missing(plans, lambda p: pd_hours_per_teacher(p, content)),
        districts=tuple(_district_row(p, content, alias) for p, alias in zip(plans, peers.pseudonyms, strict=True))
        if named else (),
        peers=peers,
    )
