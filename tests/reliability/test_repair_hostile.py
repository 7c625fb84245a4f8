"""Every hostile plan whose values can be read repairs into a plan that obeys every rule and can be saved."""

from __future__ import annotations

from pathlib import Path

from hostile_plans import HOSTILE_PLANS

from summit_app.plan.content import Content
from summit_app.plan.repair import repair
from summit_app.plan.rules import plan_problems
from summit_app.store.errors import PlanFileError
from summit_app.store.plan_check import BrokenPlanError
from summit_app.store.plan_file import PlanFile


def test_hostile_plans_that_can_be_read_are_repaired(tmp_path: Path, good_plan: Path, content: Content) -> None:
    repaired = 0
    for kind, make in HOSTILE_PLANS.items():
        folder = tmp_path / kind
        folder.mkdir()
        make(folder / "plan.techplan", good_plan)
        try:
            with PlanFile.open(folder / "plan.techplan", read_only=True) as plan_file:
                plan_file.load(content)
        except BrokenPlanError as exc:
            if exc.plan is None:
                continue  # values that cannot even be read: nothing to repair from
            mended, changes = repair(exc.plan, content)
            assert plan_problems(mended, content) == [], kind
            assert changes, kind
            PlanFile.create(folder / "mended.techplan", mended).close()
            with PlanFile.open(folder / "mended.techplan", read_only=True) as again:
                assert again.load(content) == mended, kind
            repaired += 1
        except PlanFileError:
            continue  # refused for its schema or journal: not a plan's values
    assert repaired >= 20  # the corpus has about 26 readable-but-broken plans; every one was mended
