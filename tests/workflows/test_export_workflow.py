"""The export workflows: outputs written all or none, and export for signature in its safe order.

Real plan files, the real writers, outputs read back (openpyxl, pdftotext, json).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from summit_app.outputs import OutputBatch, OutputError
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.edits import Edit
from summit_app.plan.interchange import fingerprint
from summit_app.store.plan_file import PlanFile, close_document, open_document
from summit_app.workflows import exports
from summit_app.workflows.exports import SigningRefused, sign_and_export, write_all, write_into_place


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def on_disk(path: Path) -> model.Plan:
    with PlanFile.open(path, read_only=True) as plan_file:
        return plan_file.load()


def no_space(plan: model.Plan, path: Path, progress: Callable[..., None]) -> None:
    path.write_bytes(b"half a file")
    raise OSError(28, "No space left on device")


def test_every_output_is_written_and_reads_back(demo: model.Plan, tmp_path: Path) -> None:
    seen: list[float] = []
    outputs = [(tmp_path / "plan.json", exports.interchange), (tmp_path / "plan.xlsx", exports.workbook)]
    with OutputBatch([t for t, _ in outputs]) as batch:
        write_all(batch, demo, outputs, seen.append)
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["district"]["name"] == demo.district.name
    assert load_workbook(tmp_path / "plan.xlsx").sheetnames[0] == "Summary"
    assert seen == sorted(seen)  # the two outputs share one bar: it never goes back
    assert seen[-1] == 1.0
    assert max(v for v in seen if v <= 0.5) == 0.5  # the first output fills the first half
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "plan.xlsx"]


def test_one_failing_output_leaves_every_target_as_it_was(demo: model.Plan, tmp_path: Path) -> None:
    (tmp_path / "plan.json").write_text("last week's", encoding="utf-8")
    outputs = [(tmp_path / "plan.json", exports.interchange), (tmp_path / "plan.xlsx", no_space)]
    with pytest.raises(OutputError, match=r"plan\.xlsx: cannot be written \(No space left on device\)"), \
            OutputBatch([t for t, _ in outputs]) as batch:
        write_all(batch, demo, outputs)
    assert (tmp_path / "plan.json").read_text(encoding="utf-8") == "last week's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]  # no workbook, no temporary file


def test_write_into_place_never_replaces_the_plan(make_plan_file: Callable[..., Path], demo: model.Plan,
                                                 tmp_path: Path) -> None:
    plan = make_plan_file(demo)
    before = plan.read_bytes()
    (tmp_path / "link.pdf").symlink_to(plan)
    with pytest.raises(OutputError, match="is the plan open here; an export never replaces a plan file"):
        write_into_place(exports.pdf_writer(draft=True), demo, tmp_path / "link.pdf", plans=[plan],
                         role="the plan open here")
    assert plan.read_bytes() == before


def test_signing_writes_the_signed_pdf_then_records_then_places_it(make_plan_file: Callable[..., Path],
                                                                 demo: model.Plan, tmp_path: Path) -> None:
    path = make_plan_file(demo)
    target = tmp_path / "signed.pdf"
    document = open_document(path, author="Dr. Maria Alvarez")
    seen_when_recording: list[list[str]] = []

    def record(edit: Edit) -> None:
        seen_when_recording.append(sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"))
        document.apply(edit)

    try:
        with OutputBatch([target], [path]) as batch:
            signed = sign_and_export(batch, document.plan, document.content,
                                     [(target, exports.pdf_writer(draft=False))], record)
    finally:
        close_document(document)
    (written,) = seen_when_recording
    assert "signed.pdf" not in written
    assert len(written) == 1
    saved = on_disk(path)
    assert saved.signature == signed.signature
    assert saved.signature.fingerprint == fingerprint(saved)
    assert saved.signature.fingerprint[:16] in pdf_text(target).replace("\n", "")


def test_a_failed_write_records_no_signature(make_plan_file: Callable[..., Path], demo: model.Plan,
                                            content: Content, tmp_path: Path) -> None:
    path = make_plan_file(demo)
    recorded: list[Edit] = []
    with pytest.raises(OutputError), OutputBatch([tmp_path / "signed.pdf"], [path]) as batch:
        sign_and_export(batch, demo, content, [(tmp_path / "signed.pdf", no_space)], recorded.append)
    assert recorded == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert not on_disk(path).signature.fingerprint


def test_a_refused_signature_moves_nothing_into_place(demo: model.Plan, content: Content, tmp_path: Path) -> None:
    target = tmp_path / "signed.pdf"
    target.write_bytes(b"the last signed PDF")

    def refuse(edit: Edit) -> None:
        raise PermissionError("this plan is open read-only")

    with pytest.raises(PermissionError), OutputBatch([target]) as batch:
        sign_and_export(batch, demo, content, [(target, exports.pdf_writer(draft=False))], refuse)
    assert target.read_bytes() == b"the last signed PDF"
    assert [p.name for p in tmp_path.iterdir()] == ["signed.pdf"]


def test_a_plan_with_blocking_findings_is_neither_signed_nor_written(content: Content, tmp_path: Path) -> None:
    recorded: list[Edit] = []
    with pytest.raises(SigningRefused) as refused, OutputBatch([tmp_path / "signed.pdf"]) as batch:
        sign_and_export(batch, model.Plan(), content,
                        [(tmp_path / "signed.pdf", exports.pdf_writer(draft=False))], recorded.append)
    assert refused.value.blockers
    assert all(f.blocking for f in refused.value.blockers)
    assert recorded == []
    assert list(tmp_path.iterdir()) == []
