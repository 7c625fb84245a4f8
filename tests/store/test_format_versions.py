"""JSON format versions: version-1 and version-2 documents read with nothing lost, a version-3 one lists every field.

The version-1 document is the revision-3 fixture's signed demo plan written the
way the app of that revision exported it: without the fields and lists format
version 2 added (named here, not taken from the code under test). The version-2
document is the revision-4 fixture's plan without what version 3 added.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from summit_app.plan import model
from summit_app.plan.codec import DecodeError
from summit_app.plan.content import Content
from summit_app.plan.interchange import dumps, fingerprint, json_schema, plan_from_json, plan_to_json
from summit_app.plan.signing import signed_state
from summit_app.store.plan_file import PlanFile

FIXTURE_R3 = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r3.techplan"
FIXTURE_R4 = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r4.techplan"

#: What format version 2 added: fields by where they sit (a section, or a section's list), and lists.
V2_FIELDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("district",): ("erate_discount_percent",),
    ("infrastructure",): ("cipa_in_place",),
    ("learning", "activities"): ("purpose",),
    ("budget", "lines"): ("device_type", "device_users", "replaces_devices", "delivery_date", "erate_category",
                          "match_source_id"),
    ("timeline", "milestones"): ("kind",),
}
V2_LISTS = (("infrastructure", "upgrades"), ("approval", "accepted_findings"))
#: What format version 3 added: fields, and whole sections.
V3_FIELDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("district",): ("low_income_percent", "peer_matching"),
    ("privacy", "apps"): ("accessibility_report",),
    ("budget", "lines"): ("pilot", "accessibility_report"),
}
V3_SECTIONS = ("equity", "community")


@pytest.fixture(scope="module")
def full(demo: model.Plan) -> model.Plan:
    """The demo plan with every field and list of version 2 holding something other than its default."""
    lines = list(demo.budget)
    lines[0] = dataclasses.replace(lines[0], device_type="laptop", device_users="staff", replaces_devices=True,
                                   delivery_date=date(2027, 8, 2), erate_category="category-2",
                                   match_source_id=demo.funding[0].id)
    upgrade = model.NetworkUpgrade("upgrade-fiber", "Fiber to every school", date(2028, 7, 1), 10_000, 10_000, 100,
                                   (lines[0].id, lines[1].id))
    acceptance = model.Acceptance("accepted-1", "budget.unfunded", lines[1].id, "0" * 64, "Board decides in May.",
                                  "superintendent")
    return demo.replace(
        district=dataclasses.replace(demo.district, erate_discount_percent=80),
        network=dataclasses.replace(demo.network, cipa_in_place=True),
        learning=(dataclasses.replace(demo.learning[0], purpose="compliance"), *demo.learning[1:]),
        milestones=(dataclasses.replace(demo.milestones[0], kind="board"), *demo.milestones[1:]),
        budget=tuple(lines), upgrades=(upgrade,), acceptances=(acceptance,))


@pytest.fixture(scope="module")
def r3_plan(tmp_path_factory: pytest.TempPathFactory) -> model.Plan:
    path = tmp_path_factory.mktemp("r3") / "plan.techplan"
    shutil.copyfile(FIXTURE_R3, path)
    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load()


def _without_fields(doc: dict[str, Any], fields: dict[tuple[str, ...], tuple[str, ...]]) -> None:
    for where, names in fields.items():
        records = [doc[where[0]]] if len(where) == 1 else doc[where[0]][where[1]]
        for record in records:
            for name in names:
                del record[name]


def as_version_2(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` as format version 2 wrote it: no field or section version 3 added."""
    old = json.loads(json.dumps(doc))
    old["format_version"] = 2
    _without_fields(old, V3_FIELDS)
    for section in V3_SECTIONS:
        del old[section]
    return old


def as_version_1(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` as format version 1 wrote it: no field or list version 2 or 3 added."""
    old = as_version_2(doc)
    old["format_version"] = 1
    _without_fields(old, V2_FIELDS)
    for section, key in V2_LISTS:
        del old[section][key]
    return old


def test_a_version_1_document_reads_with_nothing_lost(r3_plan: model.Plan, content: Content) -> None:
    assert signed_state(r3_plan).signed
    old = as_version_1(plan_to_json(r3_plan))
    plan = plan_from_json(json.loads(json.dumps(old)), content)
    assert plan == r3_plan  # every value of the old document, the new fields at their defaults
    assert {a.purpose for a in plan.learning} == {"instruction"}
    assert {m.kind for m in plan.milestones} == {"milestone"}
    assert {line.device_users for line in plan.budget} == {"students"}
    assert (plan.upgrades, plan.acceptances) == ((), ())
    assert fingerprint(plan) == r3_plan.signature.fingerprint  # still the plan that was signed
    again = json.loads(dumps(plan))
    assert again["format_version"] == 3
    assert as_version_1(again) == old  # written back as version 3, nothing of version 1 changed


@pytest.fixture(scope="module")
def r4_plan(tmp_path_factory: pytest.TempPathFactory) -> model.Plan:
    path = tmp_path_factory.mktemp("r4") / "plan.techplan"
    shutil.copyfile(FIXTURE_R4, path)
    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load()


def test_a_version_2_document_reads_with_nothing_lost(r4_plan: model.Plan, content: Content) -> None:
    assert r4_plan.upgrades  # the lists of version 2 hold items
    assert r4_plan.acceptances
    old = as_version_2(plan_to_json(r4_plan))
    plan = plan_from_json(json.loads(json.dumps(old)), content)
    assert plan == r4_plan
    assert plan.equity == model.Equity()
    assert (plan.peers, plan.lighthouses, plan.communications) == ((), (), ())
    assert fingerprint(plan) == fingerprint(r4_plan)
    assert as_version_2(json.loads(dumps(plan))) == old


def test_a_signed_plan_of_version_2_keeps_its_fingerprint_until_a_new_section_is_used(
        r3_plan: model.Plan, content: Content) -> None:
    old = as_version_2(plan_to_json(r3_plan))
    plan = plan_from_json(old, content)
    assert signed_state(plan).signed
    with_equity = plan.replace(equity=dataclasses.replace(plan.equity, no_home_internet_percent=9))
    assert signed_state(with_equity).changed_since_signed
    assert signed_state(with_equity.replace(equity=model.Equity())).signed


def test_a_version_2_document_holding_a_section_of_version_3_is_refused(demo: model.Plan, content: Content) -> None:
    doc = as_version_2(plan_to_json(demo))
    doc["community"] = {"peers": [], "lighthouses": [], "communications": []}
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    assert str(caught.value) == ("community: is not part of format version 2: it came in version 3, "
                                 "whose documents list every field")
    doc = as_version_2(plan_to_json(demo))
    doc["budget"]["lines"][0]["pilot"] = True
    with pytest.raises(DecodeError, match=r"^budget\.lines\[0\]\.pilot: is not part of format version 2"):
        plan_from_json(doc, content)


@pytest.mark.parametrize("section", V3_SECTIONS)
def test_a_version_3_document_missing_a_section_is_refused_naming_it(
        demo: model.Plan, content: Content, section: str) -> None:
    doc = plan_to_json(demo)
    del doc[section]
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    assert str(caught.value) == f"{section}: is missing; a document lists every section"


def test_a_version_1_document_of_a_plan_using_the_new_fields_has_them_at_their_defaults(
        full: model.Plan, content: Content) -> None:
    plan = plan_from_json(as_version_1(plan_to_json(full)), content)
    assert plan.district == dataclasses.replace(full.district, erate_discount_percent=0, low_income_percent=0,
                                                peer_matching=False)
    assert plan.network == dataclasses.replace(full.network, cipa_in_place=False)
    assert plan.learning[0] == dataclasses.replace(full.learning[0], purpose="instruction")
    assert plan.milestones[0] == dataclasses.replace(full.milestones[0], kind="milestone")
    assert plan.budget == tuple(dataclasses.replace(line, device_type="", device_users="students",
                                                    replaces_devices=False, delivery_date=None, erate_category="",
                                                    match_source_id=None, pilot=False, accessibility_report="")
                                for line in full.budget)
    assert plan.apps == tuple(dataclasses.replace(app, accessibility_report="") for app in full.apps)
    assert (plan.upgrades, plan.acceptances) == ((), ())
    assert (plan.equity, plan.peers, plan.lighthouses, plan.communications) == (model.Equity(), (), (), ())
    assert (plan.goals, plan.actions, plan.funding) == (full.goals, full.actions, full.funding)


@pytest.mark.parametrize(("where", "name"), [(where, name) for where, names in V2_FIELDS.items()
                                             for name in names])
def test_a_version_2_document_missing_a_field_is_refused_naming_it(
        demo: model.Plan, content: Content, where: tuple[str, ...], name: str) -> None:
    doc = plan_to_json(demo)
    if len(where) == 1:
        del doc[where[0]][name]
        path = f"{where[0]}.{name}"
    else:
        del doc[where[0]][where[1]][0][name]
        path = f"{where[0]}.{where[1]}[0].{name}"
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    assert str(caught.value) == f"{path}: is missing; a document lists every field"


@pytest.mark.parametrize(("section", "key"), V2_LISTS)
def test_a_version_2_document_missing_a_list_is_refused_naming_it(
        demo: model.Plan, content: Content, section: str, key: str) -> None:
    doc = plan_to_json(demo)
    del doc[section][key]
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    assert str(caught.value) == f"{section}.{key}: is missing; a document lists every list, if empty as []"


def test_a_version_2_item_missing_a_field_of_a_new_list_is_refused(full: model.Plan, content: Content) -> None:
    doc = plan_to_json(full)
    del doc["infrastructure"]["upgrades"][0]["budget_line_ids"]
    with pytest.raises(DecodeError, match=r"^infrastructure\.upgrades\[0\]\.budget_line_ids: is missing"):
        plan_from_json(doc, content)


def test_a_version_1_document_holding_a_field_of_version_2_is_refused(demo: model.Plan, content: Content) -> None:
    doc = as_version_1(plan_to_json(demo))
    doc["timeline"]["milestones"][2]["kind"] = "board"
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    assert str(caught.value) == ("timeline.milestones[2].kind: is not part of format version 1: it came in "
                                 "version 2, whose documents list every field")
    doc = as_version_1(plan_to_json(demo))
    doc["infrastructure"]["upgrades"] = []
    with pytest.raises(DecodeError, match=r"^infrastructure\.upgrades: is not part of format version 1"):
        plan_from_json(doc, content)


@pytest.mark.parametrize(("version", "why"), [
    (0, "0 is not a version this app reads (1 to 3)"),
    (4, "4 is newer than this app reads (3); update the app"),
])
def test_other_versions_are_refused(demo: model.Plan, content: Content, version: int, why: str) -> None:
    doc = plan_to_json(demo)
    doc["format_version"] = version
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    assert str(caught.value) == f"format_version: {why}"


@pytest.mark.parametrize(("path", "value", "why"), [
    (("infrastructure", "upgrades", 0, "budget_line_ids"), ["line-gone"],
     "Paid by points at 'line-gone', which is not in the plan"),
    (("budget", "lines", 0, "match_source_id"), "fund-gone",
     "Local match from points at 'fund-gone', which is not in the plan"),
])
def test_a_link_of_a_new_field_to_nothing_is_refused(full: model.Plan, content: Content, path: tuple[Any, ...],
                                                     value: Any, why: str) -> None:
    doc = plan_to_json(full)
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(DecodeError) as caught:
        plan_from_json(doc, content)
    section, key, index, field = path
    assert str(caught.value) == f"{section}.{key}[{index}].{field}: {why}"


def test_the_json_schema_covers_the_new_fields_and_lists(full: model.Plan, content: Content) -> None:
    schema = json_schema(content)
    props = schema["properties"]
    assert props["format_version"]["const"] == 3
    for where, names in (V2_FIELDS | V3_FIELDS).items():
        part = props[where[0]] if len(where) == 1 else props[where[0]]["properties"][where[1]]["items"]
        assert set(names) <= set(part["properties"]), where
        assert set(names) <= set(part["required"]), where
    for section, key in V2_LISTS:
        assert key in props[section]["required"]
    for section in V3_SECTIONS:
        assert section in schema["required"]
    assert set(props["community"]["required"]) == {"peers", "lighthouses", "communications"}
    lines = props["budget"]["properties"]["lines"]["items"]["properties"]
    assert lines["erate_category"]["enum"] == ["", "category-1", "category-2"]
    assert lines["delivery_date"]["type"] == ["string", "null"]
    validator = jsonschema.Draft202012Validator(schema)
    doc = plan_to_json(full)
    assert list(validator.iter_errors(doc)) == []
    del doc["budget"]["lines"][0]["match_source_id"]
    assert [e.validator for e in validator.iter_errors(doc)] == ["required"]
    doc = plan_to_json(full)
    doc["timeline"]["milestones"][0]["kind"] = "party"
    assert [e.validator for e in validator.iter_errors(doc)] == ["enum"]


def test_a_plan_using_every_new_field_round_trips(full: model.Plan, content: Content, tmp_path: Path) -> None:
    assert plan_from_json(json.loads(dumps(full)), content) == full
    PlanFile.create(tmp_path / "plan.techplan", full).close()
    with PlanFile.open(tmp_path / "plan.techplan", read_only=True) as plan_file:
        assert plan_file.load(content) == full
