"""JSON → plan → JSON is exact, and a plan file gives back exactly the plan it was made from."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from runcli import run_cli
from strategies import plans

from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.interchange import dumps, fingerprint, json_schema, plan_from_json, plan_to_json
from summit_app.resources import read_text
from summit_app.store.plan_file import PlanFile

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def through_file(plan: model.Plan, folder: Path) -> model.Plan:
    path = folder / "plan.techplan"
    PlanFile.create(path, plan).close()
    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load()


@FEW
@given(plan=plans())
def test_generated_plans_round_trip_through_json_exactly(plan: model.Plan, content: Content) -> None:
    doc = plan_to_json(plan)
    again = plan_from_json(json.loads(json.dumps(doc, ensure_ascii=False)), content)
    assert again == plan
    assert plan_to_json(again) == doc
    assert fingerprint(again) == fingerprint(plan)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_generated_plans_round_trip_through_a_plan_file(plan: model.Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        loaded = through_file(plan, Path(folder))
    assert loaded == plan
    assert plan_to_json(loaded) == plan_to_json(plan)
    assert fingerprint(loaded) == fingerprint(plan)


def test_demo_plan_round_trips_through_a_plan_file(demo: model.Plan, tmp_path: Path) -> None:
    loaded = through_file(demo, tmp_path)
    assert loaded == demo
    assert dumps(loaded) == read_text("demo", "demo-plan.json")
    assert fingerprint(loaded) == fingerprint(demo)


def test_demo_json_round_trips_through_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "demo.json"
    source.write_text(read_text("demo", "demo-plan.json"), encoding="utf-8")
    assert run_cli("new", tmp_path / "p.techplan", "--from-json", source).returncode == 0
    assert run_cli("export", tmp_path / "p.techplan", "--json", tmp_path / "out.json").returncode == 0
    assert (tmp_path / "out.json").read_bytes() == source.read_bytes()


def _schema(tmp_path: Path) -> dict[str, object]:
    result = run_cli("schema", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    schema: dict[str, object] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def test_schema_validates_the_demo_document_and_rejects_a_float_amount(tmp_path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema(tmp_path))
    doc = json.loads(read_text("demo", "demo-plan.json"))
    assert list(validator.iter_errors(doc)) == []
    doc["budget"]["lines"][3]["unit_cost"] = 1250.5
    errors = list(validator.iter_errors(doc))
    assert [list(e.absolute_path) for e in errors] == [["budget", "lines", 3, "unit_cost"]]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_schema_validates_generated_documents(plan: model.Plan, content: Content) -> None:
    validator = jsonschema.Draft202012Validator(json_schema(content))
    assert [e.message for e in validator.iter_errors(plan_to_json(plan))] == []
