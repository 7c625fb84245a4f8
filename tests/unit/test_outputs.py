"""Writing a command's outputs all or none, on real files: what a failure at each step leaves behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_types import MakePlanFile

from summit_app.outputs import OutputBatch, OutputError, is_plan_file, write_outputs


class SigningRefused(Exception):
    """Stands for the signing edit failing between writing the outputs and moving them into place."""


def _write(text: str):  # type: ignore[no-untyped-def]
    return lambda path: path.write_text(text, encoding="utf-8")


def test_outputs_are_moved_into_place_only_after_the_step_before_succeeds(tmp_path: Path) -> None:
    old = tmp_path / "a.json"
    old.write_text("old", encoding="utf-8")
    seen: list[list[str]] = []

    def sign() -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")))
        raise SigningRefused

    with pytest.raises(SigningRefused):
        write_outputs([(old, _write("new")), (tmp_path / "b.pdf", _write("pdf"))], before_replace=sign)
    assert seen == [["a.json"]]  # both were written, neither was in place yet
    assert old.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_a_writer_that_fails_in_any_way_leaves_no_temporary_file(tmp_path: Path) -> None:
    def broken(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("a bug in a writer")

    with pytest.raises(RuntimeError):
        write_outputs([(tmp_path / "a.json", _write("{}")), (tmp_path / "b.xlsx", broken)])
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_names_the_target_and_the_systems_reason(tmp_path: Path) -> None:
    def full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError) as caught:
        write_outputs([(tmp_path / "a.pdf", full)])
    assert (caught.value.what, caught.value.why, caught.value.reason) == (
        str(tmp_path / "a.pdf"), "cannot be written (No space left on device)", "No space left on device")


def test_commit_needs_every_output_written(tmp_path: Path) -> None:
    with OutputBatch([tmp_path / "a.json", tmp_path / "b.json"]) as batch:
        batch.write(tmp_path / "a.json", _write("{}"))
        with pytest.raises(ValueError, match=r"b\.json"):
            batch.commit()
    assert list(tmp_path.iterdir()) == []


def test_a_plan_file_is_known_by_its_header(make_plan_file: MakePlanFile, tmp_path: Path) -> None:
    plan = make_plan_file()
    other = tmp_path / "other.sqlite"
    other.write_bytes(plan.read_bytes()[:68] + b"\0\0\0\0" + plan.read_bytes()[72:])  # another application's id
    assert is_plan_file(plan)
    assert not is_plan_file(other)
    assert not is_plan_file(tmp_path)
    assert not is_plan_file(tmp_path / "missing.techplan")
