"""The app as a screen reader meets it: a real AT-SPI client walks every pane and tabs through it.

The client (``atspi_walker.py``) runs under the system Python, which has
python3-pyatspi, inside its own session bus and X server, and drives the real
app over the accessibility bus as Orca does. ``make test`` installs what it
needs (tools/system-deps.sh); a machine without it fails here rather than skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from runcli import ROOT, run_cli

WALKER = Path(__file__).with_name("atspi_walker.py")
SYSTEM_PYTHON = "/usr/bin/python3"
NAVIGATOR = "list 'Plan steps'"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    for tool in ("dbus-run-session", "xvfb-run", "xdotool", SYSTEM_PYTHON):
        assert shutil.which(tool), f"{tool} is missing: run tools/system-deps.sh test"
    folder = tmp_path_factory.mktemp("a11y")
    plan = folder / "demo.techplan"
    assert run_cli("new", plan, "--demo").returncode == 0
    out = folder / "report.json"
    command = ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1440x900x24",
               SYSTEM_PYTHON, str(WALKER), str(out), "--", sys.executable, "-m", "summit_app", str(plan)]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(folder)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=840, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_pane_was_walked(report: dict) -> None:  # type: ignore[type-arg]
    assert [p["pane"] for p in report["panes"]] == list(range(1, 11))
    assert all(p["nodes"] > 50 for p in report["panes"]), [p["nodes"] for p in report["panes"]]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_no_unnamed_control_unlabelled_image_or_headless_table(report: dict) -> None:  # type: ignore[type-arg]
    found = {p["pane"]: p["problems"] for p in report["panes"] if p["problems"]}
    assert not found


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_tab_leaves_every_control_and_comes_back_to_the_steps(report: dict) -> None:  # type: ignore[type-arg]
    for pane in report["panes"]:
        walk = pane["tab_walk"]
        assert len(walk) >= 3, (pane["pane"], walk)  # it went somewhere
        assert NAVIGATOR in walk[1:], (pane["pane"], walk)  # and came back: no trap on the way
        unnamed = [w for w in walk if w.endswith("''") and not w.startswith("table cell")]
        assert not unnamed, (pane["pane"], walk)
