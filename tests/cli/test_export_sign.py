"""Exporting for signature records the signature only when the signed PDF exists."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from summit_app.plan import model
from tests.runcli import error_line, run_cli


def _info(path) -> dict:
    result = run_cli("info", path, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_failed_signed_export_leaves_the_plan_unsigned(make_plan_file, demo, tmp_path) -> None:
    plan = make_plan_file(demo)
    before = plan.read_bytes()
    result = run_cli("export", plan, "--pdf", tmp_path / "missing" / "signed.pdf", "--sign")
    assert result.returncode == 2
    assert "its folder does not exist" in error_line(result)
    assert _info(plan)["signed"] is False
    assert plan.read_bytes() == before


def test_signed_export_writes_the_pdf_and_records_its_fingerprint(make_plan_file, demo, tmp_path) -> None:
    plan = make_plan_file(demo)
    pdf = tmp_path / "signed.pdf"
    result = run_cli("export", plan, "--pdf", pdf, "--sign", "--author", "Dr. Maria Alvarez")
    assert result.returncode == 0, result.stderr
    info = _info(plan)
    assert info["signed"] is True
    assert info["signed_fingerprint"] == info["fingerprint"]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_sign_without_pdf_is_refused(make_plan_file) -> None:
    result = run_cli("export", make_plan_file(), "--json", "x.json", "--sign")
    assert result.returncode == 2
    assert "--sign records a signed PDF" in error_line(result)


def test_info_reports_the_revision_of_the_file_on_disk(tmp_path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "plan-r1.techplan"
    copy = tmp_path / "old.techplan"
    shutil.copyfile(fixture, copy)
    assert _info(copy)["schema_version"] == 1
    assert copy.read_bytes() == fixture.read_bytes()


def test_a_plan_with_blocking_findings_is_not_signed(make_plan_file, demo, tmp_path) -> None:
    plan = make_plan_file(demo.replace(approval=model.Approval()))  # nobody named to sign it
    before = plan.read_bytes()
    pdf = tmp_path / "signed.pdf"
    result = run_cli("export", plan, "--pdf", pdf, "--json", tmp_path / "plan.json", "--sign")
    assert result.returncode == 1
    assert result.stdout == ""
    first, *listed = result.stderr.splitlines()
    assert first == f"summit-app: not signed: {plan}: the plan has 1 blocking finding; nothing was written"
    assert any("[blocking]" in line for line in listed)
    assert "Traceback" not in result.stderr
    assert not pdf.exists()
    assert not (tmp_path / "plan.json").exists()  # all or none: the JSON beside it is not written either
    assert plan.read_bytes() == before
    assert _info(plan)["signed"] is False
