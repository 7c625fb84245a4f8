"""The command line on both stores: every command that takes a plan takes a file or a server address.

The real ``python -m summit_app`` in a child process, against the test server
``make test`` starts (tests/pg.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pg import admin, plan_name
from runcli import error_line, run_cli

from summit_app.plan import model
from summit_app.store.layout import SCHEMA_VERSION

MakePlan = Callable[..., str]


def info(location: str) -> dict[str, object]:
    result = run_cli("info", location, "--json")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_info_check_and_export_read_the_same_plan_from_either_store(
        plan_location: MakePlan, demo: model.Plan, tmp_path: Path, good_plan: Path) -> None:
    location = plan_location(demo)
    expected = info(str(good_plan))
    found = info(location)
    assert found["fingerprint"] == expected["fingerprint"]
    assert found["budget_total"] == expected["budget_total"]
    assert found["schema_version"] == SCHEMA_VERSION
    checked = run_cli("check", location, "--json")
    assert checked.returncode == run_cli("check", good_plan, "--json").returncode
    assert json.loads(checked.stdout) == json.loads(run_cli("check", good_plan, "--json").stdout)
    out = tmp_path / "plan.json"
    assert run_cli("export", location, "--json", out).returncode == 0
    assert run_cli("export", good_plan, "--json", tmp_path / "file.json").returncode == 0
    assert out.read_text(encoding="utf-8") == (tmp_path / "file.json").read_text(encoding="utf-8")


def test_new_from_json_on_the_server_keeps_the_fingerprint_and_refuses_an_existing_plan(
        pg_url: str, good_plan: Path, tmp_path: Path) -> None:
    document = tmp_path / "plan.json"
    assert run_cli("export", good_plan, "--json", document).returncode == 0
    created = run_cli("new", pg_url, "--from-json", document)
    assert created.returncode == 0, created.stderr
    assert info(pg_url)["fingerprint"] == info(str(good_plan))["fingerprint"]
    again = run_cli("new", pg_url, "--demo", "--district", "Another")
    assert again.returncode == 2
    assert error_line(again).endswith("a plan of that name already exists on the server; choose another name")
    assert info(pg_url)["fingerprint"] == info(str(good_plan))["fingerprint"]
    back = tmp_path / "back.techplan"
    assert run_cli("export", pg_url, "--json", tmp_path / "back.json").returncode == 0
    assert run_cli("new", back, "--from-json", tmp_path / "back.json").returncode == 0
    assert info(str(back))["fingerprint"] == info(str(good_plan))["fingerprint"]


def test_signing_a_plan_on_the_server_records_the_signature_there(
        pg_url: str, tmp_path: Path) -> None:
    assert run_cli("new", pg_url, "--demo").returncode == 0
    signed = run_cli("export", pg_url, "--pdf", tmp_path / "plan.pdf", "--sign", "--author", "Dana Ruiz")
    if signed.returncode == 1:  # the demo plan has blocking findings: nothing is written, anywhere
        assert not (tmp_path / "plan.pdf").exists()
        assert info(pg_url)["signed"] is False
        return
    assert signed.returncode == 0, signed.stderr
    after = info(pg_url)
    assert after["signed"] is True
    assert after["signed_fingerprint"] == after["fingerprint"]


def _refused(*args: str | Path) -> str:
    result = run_cli(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    return error_line(result)


def test_a_wrong_password_is_one_line_exit_2_without_the_password(pg_url: str) -> None:
    assert run_cli("new", pg_url, "--demo").returncode == 0
    wrong = pg_url.replace("@", ":Hunter2-wrong@", 1)
    line = _refused("info", wrong)
    assert "password authentication failed" in line
    assert "Hunter2" not in line
    assert "Hunter2" not in _refused("new", wrong.replace("plan=", "plan=x"), "--demo")


def test_unusable_server_addresses_are_one_line_and_change_nothing(pg_url: str, tmp_path: Path) -> None:
    assert run_cli("new", pg_url, "--demo").returncode == 0
    before = info(pg_url)
    name = plan_name(pg_url)
    lines = [
        _refused("info", pg_url.replace(f"plan={name}", "plan=nowhere_here")),
        _refused("check", pg_url.replace(f"plan={name}", f"plan={name}%3B%20DROP%20SCHEMA%20{name}")),
        _refused("export", pg_url + "&search_path=evil", "--json", tmp_path / "x.json"),
        _refused("info", "postgresql://someone:pw@127.0.0.1:1/db?plan=x"),
        _refused("new", pg_url.replace(f"plan={name}", "plan=Bad-Name"), "--demo"),
    ]
    assert "the server has no plan named 'nowhere_here'" in lines[0]
    assert "cannot name a plan" in lines[1]
    assert "unknown setting 'search_path'" in lines[2]
    assert "cannot use the server at 127.0.0.1:1" in lines[3]
    assert "cannot name a plan" in lines[4]
    assert not (tmp_path / "x.json").exists()
    assert info(pg_url) == before
    with admin() as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname IN ('nowhere_here', 'x')").fetchone() \
            == (0,)


def test_a_plan_open_for_editing_elsewhere_is_refused_for_signing(pg_url: str, tmp_path: Path) -> None:
    from summit_app.store.server import ServerPlan

    assert run_cli("new", pg_url, "--demo").returncode == 0
    with ServerPlan.open(pg_url, holder="Karen Liu"):
        line = _refused("export", pg_url, "--pdf", tmp_path / "p.pdf", "--sign")
    assert "the plan is open in another window: Karen Liu" in line
    assert not (tmp_path / "p.pdf").exists()


@pytest.mark.parametrize("store", ["postgresql"])
def test_rollup_reads_plans_from_files_and_servers_alike(
        plan_location: MakePlan, demo: model.Plan, good_plan: Path, tmp_path: Path) -> None:
    location = plan_location(demo)
    result = run_cli("rollup", location, good_plan, "--xlsx", tmp_path / "region.xlsx", "--named")
    assert result.returncode == 0, result.stderr
    assert "Rolled up 2 of 2" in result.stdout
