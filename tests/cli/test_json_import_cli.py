"""``new --from-json`` takes only what docs/plan-format.md documents: every other spelling is one line, exit 2.

Each case writes the demo document with one value spelt another way (in the
JSON text itself: a parsed document cannot hold ``1.0`` apart from ``1``), runs
the real command line, and checks the one error line names the value's path,
and that no plan file (or anything else) appeared.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from badfiles import snapshot
from runcli import error_line, run_cli
from spellings import Path as DocPath
from spellings import path_text, with_key_twice, with_literal

from summit_app.plan import model
from summit_app.plan.interchange import plan_to_json
from summit_app.plan.signing import signed_state
from summit_app.store.plan_file import PlanFile

FIXTURE_R3 = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r3.techplan"

AMOUNT = ("budget", "lines", 3, "unit_cost")
YEARLY = ("budget", "funding_sources", 1, "amounts", 2)
COUNT = ("district", "enrollment")
QUANTITY = ("budget", "lines", 3, "quantity")
DAY = ("district", "summit_date")
MOMENT = ("signature", "signed_at")
NOT_AN_AMOUNT = 'is not an amount: write digits, a point and two decimals, e.g. "1250.00"'
NOT_A_DATE = "is not a date (YYYY-MM-DD)"
TOO_MANY = "must be a whole number of at most 9007199254740991"
NOT_WHOLE = "is not a whole number: write it without a fraction or exponent"
NOT_UTC = "is not a time in UTC (YYYY-MM-DDTHH:MM:SSZ, or with six digits of microseconds before the Z)"

SPELLINGS: list[tuple[str, DocPath, str, str]] = [
    ("space in an amount", AMOUNT, '"24 000.00"', f"'24 000.00' {NOT_AN_AMOUNT}"),
    ("no-break space in an amount", YEARLY, '"420\u00a0000.00"', f"'420\\xa0000.00' {NOT_AN_AMOUNT}"),
    ("underscore in an amount", AMOUNT, '"24_000.00"', f"'24_000.00' {NOT_AN_AMOUNT}"),
    ("Arabic-Indic digits", AMOUNT, '"٢٤٠٠٠.٠٠"', f"'٢٤٠٠٠.٠٠' {NOT_AN_AMOUNT}"),
    ("full-width digits", YEARLY, '"１２.００"', f"'１２.００' {NOT_AN_AMOUNT}"),
    ("exponent in an amount", AMOUNT, '"2.4e4"', f"'2.4e4' {NOT_AN_AMOUNT}"),
    ("amount without cents", AMOUNT, '"24000"', f"'24000' {NOT_AN_AMOUNT}"),
    ("amount with one decimal", AMOUNT, '"24000.5"', f"'24000.5' {NOT_AN_AMOUNT}"),
    ("plus sign on an amount", AMOUNT, '"+24000.00"', f"'+24000.00' {NOT_AN_AMOUNT}"),
    ("leading zero on an amount", AMOUNT, '"024000.00"', f"'024000.00' {NOT_AN_AMOUNT}"),
    ("amount with a trailing newline", AMOUNT, '"24000.00\\n"', f"'24000.00\\n' {NOT_AN_AMOUNT}"),
    ("amount as a JSON number", AMOUNT, "24000.00", 'must be a decimal number written as a string, e.g. "1250.00"'),
    ("amount of NaN", AMOUNT, "NaN", "NaN is not a JSON number"),
    ("amount too large", AMOUNT, '"1000000000000000.00"', "Unit cost is too large"),
    ("integer past 2**63 - 1", COUNT, str(2**63), f"Students enrolled {TOO_MANY}"),
    ("integer past 2**64", QUANTITY, str(2**64), f"Quantity {TOO_MANY}"),
    ("integer of 5,000 digits", COUNT, "9" * 5000, f"{'9' * 40}… is too large"),
    ("integer past 2**53 - 1", COUNT, str(2**53), f"Students enrolled {TOO_MANY}"),
    ("plan years past 2**63 - 1", ("district", "plan_years"), str(2**63),
     "Plan years must be a whole number from 3 to 5"),
    ("first year past 2**63 - 1", ("district", "first_fiscal_year"), str(2**63),
     "First fiscal year must be a whole number from 2000 to 2100"),
    ("negative integer past -2**63", COUNT, str(-(2**63) - 1), "Students enrolled must be a whole number of 0 or more"),
    ("float for an integer", QUANTITY, "1.0", f"1.0 {NOT_WHOLE}"),
    ("exponent for an integer", COUNT, "1.824e4", f"1.824e4 {NOT_WHOLE}"),
    ("boolean for an integer", QUANTITY, "true", "must be a whole number, not true"),
    ("string for an integer", QUANTITY, '"1"', "must be a whole number, not '1'"),
    ("minus zero", ("readiness", "ratings", 0, "score"), "-0",
     "-0 is not a whole number as the format writes it: write 0"),
    ("Infinity for an integer", COUNT, "Infinity", "Infinity is not a JSON number"),
    ("boolean as a number", ("readiness", "ratings", 0, "revealed"), "0", "must be true or false"),
    ("week date", DAY, '"2026-W11-2"', f"'2026-W11-2' {NOT_A_DATE}"),
    ("basic date", DAY, '"20260310"', f"'20260310' {NOT_A_DATE}"),
    ("date with an hour", DAY, '"2026-03-10T00"', f"'2026-03-10T00' {NOT_A_DATE}"),
    ("ordinal date", DAY, '"2026-069"', f"'2026-069' {NOT_A_DATE}"),
    ("day not in the calendar", DAY, '"2026-02-30"', "'2026-02-30' is not a day of the calendar"),
    ("date in other digits", DAY, '"٢٠٢٦-٠٣-١٠"', f"'٢٠٢٦-٠٣-١٠' {NOT_A_DATE}"),
    ("time two hours east", MOMENT, '"2027-01-05T16:30:00+02:00"', f"'2027-01-05T16:30:00+02:00' {NOT_UTC}"),
    ("UTC as an offset", MOMENT, '"2027-01-05T14:30:00+00:00"', f"'2027-01-05T14:30:00+00:00' {NOT_UTC}"),
    ("time without a zone", MOMENT, '"2027-01-05T14:30:00"', f"'2027-01-05T14:30:00' {NOT_UTC}"),
    ("zero microseconds", MOMENT, '"2027-01-05T14:30:00.000000Z"', f"'2027-01-05T14:30:00.000000Z' {NOT_UTC}"),
    ("time without seconds", MOMENT, '"2027-01-05T14:30Z"', f"'2027-01-05T14:30Z' {NOT_UTC}"),
    ("lone surrogate", ("vision", "goals", 0, "title"), '"Goal \\ud800"',
     "holds a lone surrogate ('\\ud800'), which is not text"),
    ("format version 1.0", ("format_version",), "1.0", "must be a whole number, not 1.0"),
    ("format version 0", ("format_version",), "0", "0 is not a version this app reads (1 to 3)"),
    ("format version 4", ("format_version",), "4", "4 is newer than this app reads (3); update the app"),
    ("format version -1", ("format_version",), "-1", "-1 is not a version this app reads (1 to 3)"),
]


def _refused(folder: Path, text: str) -> str:
    """``new --from-json`` on ``text``: the one error line; nothing in the folder may change."""
    (folder / "plan.json").write_text(text, encoding="utf-8")
    before = snapshot(folder)
    result = run_cli("new", "plan.techplan", "--from-json", "plan.json", cwd=folder)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert snapshot(folder) == before
    return error_line(result)


@pytest.mark.parametrize(("path", "literal", "why"), [case[1:] for case in SPELLINGS],
                         ids=[case[0] for case in SPELLINGS])
def test_another_spelling_is_refused_naming_its_path(tmp_path: Path, demo: model.Plan, path: DocPath,
                                                     literal: str, why: str) -> None:
    line = _refused(tmp_path, with_literal(plan_to_json(demo), path, literal))
    assert line == f"summit-app: error: plan.json: {path_text(path)}: {why}"


@pytest.mark.parametrize("path", [COUNT, AMOUNT, ("vision", "goals", 2, "title"), ("format",)], ids=path_text)
def test_a_key_written_twice_is_refused_naming_it(tmp_path: Path, demo: model.Plan, path: DocPath) -> None:
    line = _refused(tmp_path, with_key_twice(plan_to_json(demo), path))
    why = "appears twice in one object; a key may appear once"
    assert line == f"summit-app: error: plan.json: {path_text(path)}: {why}"


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('{"a":', "}"), ('{"district":[', "]}")])
def test_a_hundred_thousand_levels_of_nesting_are_one_line(tmp_path: Path, opening: str, closing: str) -> None:
    line = _refused(tmp_path, opening * 100_000 + "1" + closing * 100_000)
    assert line == "summit-app: error: plan.json: (document): lists and objects nest deeper than 8 levels"


def test_nesting_inside_a_field_is_refused_at_its_path(tmp_path: Path, demo: model.Plan) -> None:
    line = _refused(tmp_path, with_literal(plan_to_json(demo), ("district", "name"), "[" * 300 + "]" * 300))
    assert line == ("summit-app: error: plan.json: district.name[0][0][0][0][0][0]: "
                    "lists and objects nest deeper than 8 levels")


def test_a_missing_field_is_refused_naming_it(tmp_path: Path, demo: model.Plan) -> None:
    doc: dict[str, Any] = plan_to_json(demo)
    del doc["budget"]["lines"][3]["unit_cost"]
    line = _refused(tmp_path, json.dumps(doc))
    assert line == "summit-app: error: plan.json: budget.lines[3].unit_cost: is missing; a document lists every field"


def test_a_key_of_control_characters_is_named_on_one_line(tmp_path: Path, demo: model.Plan) -> None:
    doc: dict[str, Any] = plan_to_json(demo)
    doc["district"]["\u202ename\nx\x1b[31m"] = 1
    line = _refused(tmp_path, json.dumps(doc))
    assert line == ("summit-app: error: plan.json: district['\\u202ename\\nx\\x1b[31m']: "
                    "is not a field of this part of the plan")


def test_a_long_value_is_quoted_short(tmp_path: Path, demo: model.Plan) -> None:
    doc: dict[str, Any] = plan_to_json(demo)
    doc["budget"]["lines"][3]["category"] = "x" * 100_000
    line = _refused(tmp_path, json.dumps(doc))
    assert line.startswith("summit-app: error: plan.json: budget.lines[3].category: Category 'xxx")
    assert len(line) < 600


def test_a_document_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    line = _refused(tmp_path, " " * (64 * 2**20 + 1))
    assert line == "summit-app: error: plan.json: is larger than a plan document may be (64 MiB)"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "plan.json")
    result = run_cli("new", "plan.techplan", "--from-json", "plan.json", cwd=tmp_path, timeout=30)
    assert result.returncode == 2
    assert error_line(result) == "summit-app: error: plan.json: is not a regular file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_an_exported_document_comes_back_byte_for_byte(tmp_path: Path, make_plan_file: Any,
                                                       demo: model.Plan) -> None:
    signed = make_plan_file(demo)
    assert run_cli("export", signed, "--pdf", tmp_path / "p.pdf", "--sign").returncode == 0
    assert run_cli("export", signed, "--json", tmp_path / "first.json").returncode == 0
    assert run_cli("new", tmp_path / "again.techplan", "--from-json", tmp_path / "first.json").returncode == 0
    assert run_cli("export", tmp_path / "again.techplan", "--json", tmp_path / "second.json").returncode == 0
    first = (tmp_path / "first.json").read_bytes()
    assert json.loads(first)["signature"]["signed_at"].endswith("Z")
    assert (tmp_path / "second.json").read_bytes() == first


def test_the_schema_command_prints_the_schema_the_spelling_tests_use(tmp_path: Path) -> None:
    from strategies import CONTENT

    from summit_app.plan.interchange import json_schema

    result = run_cli("schema", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json_schema(CONTENT)


def _as_version_1(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` as format version 1 wrote it: without what versions 2 and 3 added."""
    doc = {**doc, "format_version": 1}
    del doc["equity"], doc["community"]
    del doc["district"]["low_income_percent"], doc["district"]["peer_matching"]
    for app in doc["privacy"]["apps"]:
        del app["accessibility_report"]
    for line in doc["budget"]["lines"]:
        del line["pilot"], line["accessibility_report"]
    del doc["district"]["erate_discount_percent"], doc["infrastructure"]["cipa_in_place"]
    del doc["infrastructure"]["upgrades"], doc["approval"]["accepted_findings"]
    for activity in doc["learning"]["activities"]:
        del activity["purpose"]
    for milestone in doc["timeline"]["milestones"]:
        del milestone["kind"]
    for line in doc["budget"]["lines"]:
        for name in ("device_type", "device_users", "replaces_devices", "delivery_date", "erate_category",
                     "match_source_id"):
            del line[name]
    return doc


def test_a_version_1_document_makes_the_plan_it_was_exported_from(tmp_path: Path) -> None:
    """The signed revision-3 plan, exported as version 1, comes back whole and still signed."""
    old = tmp_path / "old.techplan"
    shutil.copyfile(FIXTURE_R3, old)
    assert run_cli("export", old, "--json", tmp_path / "now.json").returncode == 0
    (tmp_path / "v1.json").write_text(json.dumps(_as_version_1(json.loads((tmp_path / "now.json").read_text()))),
                                      encoding="utf-8")
    result = run_cli("new", tmp_path / "again.techplan", "--from-json", tmp_path / "v1.json")
    assert result.returncode == 0, result.stderr
    with PlanFile.open(old, read_only=True) as before, PlanFile.open(tmp_path / "again.techplan") as after:
        plan = after.load()
        assert plan == before.load()
    assert signed_state(plan).signed
    assert run_cli("export", tmp_path / "again.techplan", "--json", tmp_path / "again.json").returncode == 0
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "now.json").read_bytes()


def test_a_version_3_document_missing_a_field_of_version_2_is_refused(tmp_path: Path, demo: model.Plan) -> None:
    doc: dict[str, Any] = plan_to_json(demo)
    del doc["timeline"]["milestones"][1]["kind"]
    line = _refused(tmp_path, json.dumps(doc))
    assert line == "summit-app: error: plan.json: timeline.milestones[1].kind: is missing; a document lists every field"
