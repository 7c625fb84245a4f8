"""A file that is not a usable plan is refused with a one-line reason and left exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from badfiles import BAD_FILES, snapshot

from summit_app.plan import model
from summit_app.store.errors import PlanFileError, PlanLockedError, ReadOnlyFileError
from summit_app.store.plan_file import PlanFile, open_document


def _bad(kind: str, good_plan: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "picked"
    folder.mkdir()
    path = folder / "plan.techplan"
    BAD_FILES[kind][0](path, good_plan)
    return path


@pytest.mark.parametrize("read_only", [False, True], ids=["for-editing", "read-only"])
@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_is_refused_with_its_reason_and_left_untouched(
    kind: str, read_only: bool, good_plan: Path, tmp_path: Path
) -> None:
    path = _bad(kind, good_plan, tmp_path)
    before = snapshot(path.parent)
    with pytest.raises(PlanFileError) as caught:
        PlanFile.open(path, read_only=read_only)
    assert caught.value.what == str(path)
    assert BAD_FILES[kind][1] in caught.value.why
    assert "\n" not in str(caught.value)
    assert snapshot(path.parent) == before  # same bytes, and no -journal, lock or backup beside it


@pytest.mark.parametrize("kind", ["other-database", "newer-revision", "truncated-half-way"])
def test_open_document_refuses_the_same_way(kind: str, good_plan: Path, tmp_path: Path) -> None:
    path = _bad(kind, good_plan, tmp_path)
    before = snapshot(path.parent)
    with pytest.raises(PlanFileError, match=BAD_FILES[kind][1]):
        open_document(path, author="Dana")
    assert snapshot(path.parent) == before


def test_good_plan_opens(good_plan: Path, demo: model.Plan) -> None:
    """The control: the plan every bad file was made from is fine."""
    with PlanFile.open(good_plan, read_only=True) as plan_file:
        assert plan_file.load() == demo


def test_locked_plan_says_who_holds_it_and_is_left_untouched(make_plan_file: type, tmp_path: Path) -> None:
    path = make_plan_file()
    holder = PlanFile.open(path, holder="Dana Whitfield (table 3)")
    try:
        before = snapshot(tmp_path)
        with pytest.raises(PlanLockedError) as caught:
            PlanFile.open(path, holder="Sam")
        assert caught.value.holder.name == "Dana Whitfield (table 3)"
        assert caught.value.holder.pid == os.getpid()
        assert "Dana Whitfield (table 3) on " in caught.value.why
        assert "open it read-only or as a copy" in caught.value.why
        assert snapshot(tmp_path) == before
        with PlanFile.open(path, read_only=True) as reader:  # what the message offers works
            assert reader.read_only
    finally:
        holder.close()
    assert not path.with_name(path.name + ".lock").exists()


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_plan_is_refused_for_editing_and_offered_read_only(
    what: str, make_plan_file: type, tmp_path: Path, demo: model.Plan
) -> None:
    path = make_plan_file(demo)
    target = path if what == "file" else tmp_path
    mode = target.stat().st_mode
    target.chmod(0o444 if what == "file" else 0o555)  # as root only the mode bits say "read-only"
    try:
        before = snapshot(tmp_path)
        with pytest.raises(ReadOnlyFileError, match="read-only; open it read-only instead"):
            PlanFile.open(path)
        assert snapshot(tmp_path) == before
        with PlanFile.open(path, read_only=True) as reader:
            assert reader.load() == demo
        assert snapshot(tmp_path) == before
    finally:
        target.chmod(mode)
