"""Shared fixtures: offscreen Qt, a private config folder, plan files on disk."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Before anything imports Qt or platformdirs: no screen, and never the user's own settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="summit-test-config-")

from summit_app.plan import model
from summit_app.plan.content import Content, load_content
from summit_app.store.plan_file import PlanFile

# The same generated examples on every run, so a passing suite passes again on the same code;
# SUMMIT_HYPOTHESIS=explore draws new ones each run (to look for new failures).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("SUMMIT_HYPOTHESIS") == "explore" else "repeatable")

# The PostgreSQL server's fixtures (``pg_url``, ``plan_location``): tests/pg.py.
pytest_plugins = ("pg",)

GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester", "make_window"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use Qt are marked ``gui`` so ``-m "not gui"`` runs the rest."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="session")
def demo() -> model.Plan:
    from summit_app.plan.samples import demo_plan

    return demo_plan()


@pytest.fixture(scope="session")
def unsettled_demo(demo: model.Plan) -> model.Plan:
    """The demo a few edits before it was settled: open warnings for the views that list them.

    No goal yet for its low Use of Space and Time gear (a readiness warning), and
    two apps with student data still awaiting their agreements (two privacy warnings).
    """
    import dataclasses

    goals = tuple(g for g in demo.goals if g.id != "goal-time")
    actions = tuple(a for a in demo.actions if a.goal_id != "goal-time")
    waiting = {"app-quiz": "limited", "app-whiteboard": "pending"}
    apps = tuple(dataclasses.replace(a, approval=waiting[a.id]) if a.id in waiting else a for a in demo.apps)
    return demo.replace(goals=goals, actions=actions, apps=apps)


@pytest.fixture(scope="session")
def good_plan(tmp_path_factory: pytest.TempPathFactory, demo: model.Plan) -> Path:
    """A sound plan file of the demo plan, shared: tests copy it, never change it."""
    from summit_app.store.plan_file import PlanFile

    path = tmp_path_factory.mktemp("good") / "demo.techplan"
    PlanFile.create(path, demo).close()
    return path


@pytest.fixture
def make_plan_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a plan to a new file in the test's folder and return its path."""

    def make(plan: model.Plan | None = None, name: str = "plan.techplan") -> Path:
        path = tmp_path / name
        PlanFile.create(path, plan or model.Plan()).close()
        return path

    return make
