"""Export for signature through the command line, edit, reopen: the plan knows it changed since signing."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summit_app.cli import main
from summit_app.export.pdf import write_pdf
from summit_app.export.pdf.canvas import DRAFT_MARK
from summit_app.plan import model
from summit_app.plan.edits import SetField
from summit_app.plan.interchange import fingerprint
from summit_app.store.plan_file import close_document, open_document


def info(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["info", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


@pytest.fixture
def demo_file(make_plan_file: Callable[..., Path], demo: model.Plan) -> Path:
    return make_plan_file(demo, "demo.techplan")


def test_signed_pdf_prints_the_fingerprint_info_reports(demo_file: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "signed.pdf"
    assert main(["export", str(demo_file), "--pdf", str(out), "--sign", "--author", "Dr. Maria Alvarez"]) == 0
    state = info(demo_file, capsys)
    assert state["signed"] is True
    assert state["changed_since_signed"] is False
    pages = pdf_text(out).split("\f")[:-1]
    full = str(state["fingerprint"])
    assert full in pages[-1]  # the signature page: the whole fingerprint
    assert all(full[:12] in page for page in pages)
    assert not any(DRAFT_MARK in page for page in pages)
    assert "Issued for signature on" in pages[0]


def test_editing_after_signing_shows_changed_since_signed(demo_file: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(demo_file), "--pdf", str(tmp_path / "signed.pdf"), "--sign"]) == 0
    signed = info(demo_file, capsys)
    document = open_document(demo_file, author="Karen Liu")
    try:
        document.apply(SetField("vision", "", "statement", "A different vision, written after signing."))
    finally:
        close_document(document)
    reopened = info(demo_file, capsys)
    assert reopened["signed"] is False
    assert reopened["changed_since_signed"] is True
    assert reopened["fingerprint"] != signed["fingerprint"]
    assert reopened["signed_fingerprint"] == signed["fingerprint"]
    assert main(["export", str(demo_file), "--pdf", str(tmp_path / "draft.pdf")]) == 0
    draft = pdf_text(tmp_path / "draft.pdf")
    assert str(reopened["fingerprint"]) in draft
    assert DRAFT_MARK in draft


def test_exporting_without_sign_is_a_draft_and_records_nothing(demo_file: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(demo_file), "--pdf", str(tmp_path / "draft.pdf")]) == 0
    pages = pdf_text(tmp_path / "draft.pdf").split("\f")[:-1]
    assert all(DRAFT_MARK in page for page in pages)
    state = info(demo_file, capsys)
    assert state["signed"] is False
    assert state["signed_fingerprint"] is None


def test_a_signed_plan_dates_the_pdf_by_its_signing_time(demo: model.Plan, tmp_path: Path) -> None:
    at = datetime(2026, 5, 1, 15, 30, tzinfo=UTC)
    signed = demo.replace(signature=model.Signature(fingerprint(demo), at))
    write_pdf(signed, tmp_path / "a.pdf")
    write_pdf(signed, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    meta = subprocess.run(["pdfinfo", str(tmp_path / "a.pdf")], check=True, capture_output=True, text=True).stdout
    assert "CreationDate:    Fri May  1 15:30:00 2026 UTC" in meta
    pages = pdf_text(tmp_path / "a.pdf").split("\f")
    assert "Issued for signature on May 1, 2026" in pages[0]
    assert "Issued for signature on May 1, 2026 at 15:30 UTC" in " ".join(pages[-2].split())
