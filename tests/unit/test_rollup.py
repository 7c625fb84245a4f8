"""The regional roll-up's figures, checked against numbers computed here from the plans themselves."""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.rollup import Distribution, Figure, RegionSummary, Suppressed, summarize_region
from summit_app.plan.samples import small_plan
from summit_app.store.plan_file import PlanFile
from summit_app.store.rollup_reader import read_plans

NAMES = ("Quillfeather Valley", "Marrowdene Unified", "Oxbriar Consolidated", "Tamsworth Heights",
         "Vellacourt County", "Ashgrove Ridge", "Brindlemoor Public", "Corvane Springs", "Duskhollow Joint",
         "Embervale Township", "Fennick Harbor", "Gildersleeve Plains")


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _tenth(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _places(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _flagged(content: Content, vocabulary: str, attribute: str) -> set[str]:
    return {e.id for e in content.vocabulary(vocabulary) if e.get(attribute)}


# --- each district's values, computed from the records without the app's helpers -----------


def gear_score(plan: model.Plan, content: Content, gear_id: str) -> Decimal | None:
    elements = {e.id for e in content.gear(gear_id).elements}
    scores = [Decimal(r.score) for r in plan.readiness if r.id in elements and r.score is not None]
    return _tenth(sum(scores, Decimal(0)) / len(scores)) if scores else None


def overall(plan: model.Plan, content: Content) -> Decimal | None:
    """The mean of the unrounded gear means, rounded once."""
    means = []
    for gear in content.gears:
        ids = {e.id for e in gear.elements}
        scores = [Decimal(r.score) for r in plan.readiness if r.id in ids and r.score is not None]
        if scores:
            means.append(sum(scores, Decimal(0)) / len(scores))
    return _tenth(sum(means, Decimal(0)) / len(means)) if means else None


def per_student(plan: model.Plan) -> Decimal | None:
    years = set(plan.fiscal_years())
    total = Decimal(0)
    for line in plan.budget:
        last = line.last_year if line.recurring else line.first_year
        spent = [y for y in range(line.first_year, last + 1) if y in years]
        total += line.unit_cost * line.quantity * len(spent)
    enrollment = plan.district.enrollment
    return _cents(total / enrollment) if enrollment else None


def coverage(plan: model.Plan, content: Content) -> Decimal | None:
    student = _flagged(content, "data_categories", "student")
    holding = [a for a in plan.apps if student & set(a.data_categories)]
    signed = [a for a in holding if a.agreement_status == "signed"]
    return _places(Decimal(len(signed)) / Decimal(len(holding)), "0.0001") if holding else None


def pd_hours(plan: model.Plan, content: Content) -> Decimal | None:
    teachers = _flagged(content, "pd_audiences", "teachers")
    hours = sum((a.participants * a.hours for a in plan.learning if a.audience in teachers), Decimal(0))
    return _places(hours / plan.district.teachers, "0.01") if plan.district.teachers else None


def expected(values: list[Decimal | None]) -> tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]:
    data = sorted(v for v in values if v is not None)
    q1, median, q3 = statistics.quantiles(data, n=4, method="inclusive")
    assert median == statistics.median(data)
    return len(data), statistics.mean(data), data[0], q1, median, q3, data[-1]


def actual(figure: Figure) -> tuple[int, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]:
    assert isinstance(figure, Distribution), figure
    return (figure.count, figure.mean, figure.minimum, figure.q1, figure.median, figure.q3, figure.maximum)


# --- the plans, through real plan files ---------------------------------------------------------


@pytest.fixture(scope="module")
def plans() -> list[model.Plan]:
    return [small_plan(seed, name) for seed, name in enumerate(NAMES)]


@pytest.fixture(scope="module")
def plan_files(plans: list[model.Plan], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("region")
    paths = []
    for plan in plans:
        path = folder / f"{plan.district.name}.techplan"
        PlanFile.create(path, plan).close()
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def summary(plan_files: list[Path], content: Content) -> RegionSummary:
    result = read_plans(plan_files)
    assert result.skipped == []
    return summarize_region(result.plans, content)


def test_the_files_give_back_the_plans(plan_files: list[Path], plans: list[model.Plan]) -> None:
    assert read_plans(plan_files).plans == plans


def test_readiness_by_gear_matches_the_plans(summary: RegionSummary, plans: list[model.Plan],
                                             content: Content) -> None:
    assert summary.district_count == len(NAMES)
    by_gear = {row.gear_id: row.figure for row in summary.readiness}
    for gear in content.gears:
        assert actual(by_gear[gear.id]) == expected([gear_score(p, content, gear.id) for p in plans]), gear.name
    assert actual(summary.readiness[-1].figure) == expected([overall(p, content) for p in plans])


@pytest.mark.parametrize(("attribute", "value"), [
    ("per_student", lambda p, c: per_student(p)),
    ("pd_hours", pd_hours),
])
def test_measures_match_the_plans(summary: RegionSummary, plans: list[model.Plan], content: Content,
                                  attribute: str, value: Callable[[model.Plan, Content], Decimal | None]) -> None:
    assert actual(getattr(summary, attribute)) == expected([value(p, content) for p in plans])


def test_privacy_coverage_per_district_and_pooled(summary: RegionSummary, plans: list[model.Plan],
                                                  content: Content) -> None:
    assert actual(summary.coverage.per_district) == expected([coverage(p, content) for p in plans])
    student = _flagged(content, "data_categories", "student")
    holding = [a for p in plans for a in p.apps if student & set(a.data_categories)]
    signed = sum(1 for a in holding if a.agreement_status == "signed")
    assert (summary.coverage.apps, summary.coverage.signed) == (len(holding), signed)
    assert summary.coverage.overall == _places(Decimal(signed) / Decimal(len(holding)), "0.0001")


def test_goal_areas_count_goals_and_districts(summary: RegionSummary, plans: list[model.Plan],
                                              content: Content) -> None:
    for area in summary.goal_areas:
        goals = sum(1 for p in plans for g in p.goals if g.gear == area.gear_id)
        districts = sum(1 for p in plans if any(g.gear == area.gear_id for g in p.goals))
        if districts >= 3:
            assert (area.goals, area.districts, area.suppressed) == (goals, districts, None)
            assert area.share == _places(Decimal(districts) / len(plans), "0.0001")
        else:
            assert (area.goals, area.districts, area.suppressed) == (None, None, Suppressed(3))
    shown = [a.goals for a in summary.goal_areas if a.goals is not None]
    assert shown == sorted(shown, reverse=True)  # most common first


def test_anonymous_summary_holds_no_names_and_named_one_does(plans: list[model.Plan], content: Content,
                                                              summary: RegionSummary) -> None:
    assert summary.districts == ()
    assert not any(name in repr(summary) for name in NAMES)
    named = summarize_region(plans, content, named=True)
    assert [d.name for d in named.districts] == list(NAMES)
    assert named.districts[0].per_student == per_student(plans[0])


def test_every_figure_is_suppressed_below_the_minimum_group(plans: list[model.Plan], content: Content) -> None:
    summary = summarize_region(plans, content, min_group=len(plans) + 1)
    figures = [r.figure for r in summary.readiness] + [summary.per_student, summary.pd_hours,
                                                        summary.coverage.per_district]
    assert all(f == Suppressed(13) for f in figures)
    assert summary.coverage.overall == Suppressed(13)
    assert summary.coverage.apps is None
    assert all(a.goals is None and a.districts is None for a in summary.goal_areas)
    assert Suppressed(13).text == "suppressed (fewer than 13 districts)"


def test_a_gear_only_two_districts_rated_is_suppressed_alone(plans: list[model.Plan], content: Content) -> None:
    gear = content.gears[2]
    unrated = {e.id for e in gear.elements}
    thinned = [p if i < 2 else p.replace(readiness=tuple(r for r in p.readiness if r.id not in unrated))
               for i, p in enumerate(plans)]
    summary = summarize_region(thinned, content)
    by_gear = {row.gear_id: row.figure for row in summary.readiness}
    assert by_gear[gear.id] == Suppressed(3)
    assert isinstance(by_gear[content.gears[0].id], Distribution)
    three = summarize_region(thinned[:3], content)  # exactly the minimum group is shown
    assert actual(three.per_student)[0] == 3


def test_districts_without_a_denominator_are_left_out(plans: list[model.Plan], content: Content) -> None:
    empty = plans[0].replace(district=dataclasses.replace(plans[0].district, enrollment=0, teachers=0), apps=())
    summary = summarize_region([empty, *plans[1:]], content)
    assert (summary.without_enrollment, summary.without_teachers, summary.without_student_apps) == (1, 1, 1)
    assert actual(summary.per_student) == expected([per_student(p) for p in plans[1:]])


def test_a_minimum_group_below_one_is_refused(plans: list[model.Plan], content: Content) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        summarize_region(plans, content, min_group=0)


# --- reading many files ----------------------------------------------------------------------


def test_damaged_missing_and_repeated_files_are_skipped_in_list_order(plan_files: list[Path],
                                                                       tmp_path: Path) -> None:
    cut = tmp_path / "cut.techplan"
    cut.write_bytes(plan_files[0].read_bytes()[:3000])
    notes = tmp_path / "notes.techplan"
    notes.write_text("not a plan", encoding="utf-8")
    listed = [plan_files[0], cut, plan_files[1], tmp_path / "gone.techplan", notes, plan_files[0]]
    result = read_plans(listed)
    assert len(result.plans) == 2
    assert result.listed == 6
    assert [(s.position, s.path) for s in result.skipped] == [
        (2, str(cut)), (4, str(tmp_path / "gone.techplan")), (5, str(notes)), (6, str(plan_files[0]))]
    whys = [s.why for s in result.skipped]
    assert "damaged" in whys[0]
    assert whys[1] == "no such file"
    assert "not a Summit Planner plan" in whys[2]
    assert whys[3] == "listed more than once; read once"


def test_a_pool_of_workers_reads_the_same_plans_in_order(plan_files: list[Path], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("summit_app.store.rollup_reader.CHUNK", 5)  # several tasks for two workers
    bad = tmp_path / "bad.techplan"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(200))
    listed = [*plan_files[:7], bad, *plan_files[7:]]
    progress: list[tuple[int, int]] = []
    pooled = read_plans(listed, workers=2, progress=lambda done, total: progress.append((done, total)))
    here = read_plans(listed, workers=1)
    assert pooled.plans == here.plans
    assert len(pooled.plans) == 12
    assert pooled.skipped == here.skipped
    assert [s.position for s in pooled.skipped] == [8]
    assert progress[-1] == (13, 13)
