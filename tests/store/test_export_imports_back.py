"""Any plan the app can hold, once in a file, exports to JSON that imports back as the same plan.

What a plan file may hold is checked on open with the JSON import's rules
(store/plan_check.py): this is the other half, that nothing those rules let
through is exported in a form the import then refuses.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import plans

from summit_app.plan import model
from summit_app.plan.content import load_content
from summit_app.plan.interchange import dumps, plan_from_json
from summit_app.store.plan_check import plan_faults
from summit_app.store.plan_file import PlanFile


@pytest.mark.slow  # a plan file per example
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_a_plan_read_from_its_file_exports_json_that_imports_back(plan: model.Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.techplan"
        PlanFile.create(path, plan).close()
        with PlanFile.open(path, read_only=True) as plan_file:
            loaded = plan_file.load()  # checked on open: it would raise if the import would refuse it
    assert plan_faults(loaded, load_content()) == []
    assert plan_from_json(json.loads(dumps(loaded)), load_content()) == loaded == plan
