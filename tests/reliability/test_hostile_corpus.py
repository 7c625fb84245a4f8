"""Hostile files through the command line and the window's open path: one clear line, nothing changed.

Each case of corpus.py sits alone in a folder, and every file there (hidden
ones too) is hashed before and after, so a journal, a lock, a backup or a
half-written copy left beside it fails the test as surely as a changed byte.
The command line runs as a child process, reading the file (``info``) and
opening it for editing (``export --sign``, which records the signature in the
plan); the window opens it with ``MainWindow.open_path``, its dialogs answered
by the scripted prompt service, and must show the very reason the command line
printed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from badfiles import snapshot
from corpus import CASES, HOLDER, PLAN_NAME, READ_ONLY, Case, stale_lock
from runcli import error_line, run_cli

from summit_app.plan import model
from summit_app.plan.interchange import plan_to_json
from summit_app.store.lock import current_holder, lock_path
from summit_app.ui.window.main_window import MainWindow
from summit_app.ui.window.opening import CANNOT_OPEN

RELATIVE = f"picked/{PLAN_NAME}"



def _cli_reason(result: subprocess.CompletedProcess[str], refused: str | None) -> str | None:
    """The reason the command line gave (None if it did the job), checked against the case."""
    if refused is None:
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        assert json.loads(result.stdout)["district"] == "Cedar Valley Unified School District"
        return None
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    line = error_line(result)  # exactly one line, no traceback
    assert line.startswith(f"summit-app: error: {RELATIVE}: "), line
    assert refused in line
    return line.removeprefix(f"summit-app: error: {RELATIVE}: ")


def _script_answers(prompts: Any, case: Case) -> None:
    """The user cancels a locked plan and accepts read-only for a file that may not be written."""
    if case.refused_for_editing == READ_ONLY:
        prompts.script("offer_read_only", True)
    elif case.refused_for_reading is None:
        prompts.script("plan_locked", None)
    else:
        prompts.script("error", None)


def _check_window(window: MainWindow, prompts: Any, path: Path, why: str) -> None:
    """What the window asked the user (the dialog text is the command line's reason) and what it opened."""
    [(question, args)] = prompts.asked
    if question == "error":
        assert args == (CANNOT_OPEN, f"{path}: {why}")
        assert window.context is None
        assert window.pages.currentWidget() is window.welcome
    elif question == "plan_locked":
        holder = args[1]
        assert args[0] == path
        assert f"{holder.describe()}; open it read-only or as a copy" in why
        assert (holder.name, holder.pid != os.getpid()) == (HOLDER, True)
        assert window.context is None
    else:
        assert (question, args) == ("offer_read_only", (path, why))
        assert window.context is not None
        assert window.context.read_only
        assert window.saved_label.text() == "Opened read-only"


@pytest.mark.parametrize("kind", CASES)
def test_a_hostile_file_gets_one_line_everywhere_and_stays_as_it_was(
    kind: str, good_plan: Path, tmp_path: Path, make_window: Any, prompts: Any
) -> None:
    case = CASES[kind]
    folder = tmp_path / "picked"
    folder.mkdir()
    path = folder / PLAN_NAME
    with case.make(folder, good_plan):
        before = snapshot(folder)
        read = _cli_reason(run_cli("info", RELATIVE, "--json", cwd=tmp_path), case.refused_for_reading)
        why = _cli_reason(run_cli("export", RELATIVE, "--sign", "--pdf", "signed.pdf", cwd=tmp_path),
                          case.refused_for_editing)
        assert why is not None
        _script_answers(prompts, case)
        window = make_window(path=path)
        _check_window(window, prompts, path, why)
        window.close()  # closes the plan too: a read-only open must leave nothing behind either
        after = snapshot(folder)
    assert after == before
    assert read in (None, why)  # reading is refused for the same reason, or works
    assert not (tmp_path / "signed.pdf").exists()  # no PDF claims a signature the plan does not record


# --- a stale lock is no refusal: it is reclaimed --------------------------------------------------


def test_a_stale_lock_is_reclaimed_by_the_command_line(good_plan: Path, tmp_path: Path) -> None:
    path = tmp_path / PLAN_NAME
    shutil.copyfile(good_plan, path)
    stale_lock(path)
    assert lock_path(path).exists()
    assert current_holder(path) is None  # its process is gone
    result = run_cli("export", PLAN_NAME, "--sign", "--pdf", "signed.pdf", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert (tmp_path / "signed.pdf").stat().st_size > 0
    assert not lock_path(path).exists()
    info = run_cli("info", PLAN_NAME, "--json", cwd=tmp_path)
    assert json.loads(info.stdout)["signed"] is True


def test_a_stale_lock_is_reclaimed_by_the_window(good_plan: Path, tmp_path: Path, make_window: Any,
                                                 prompts: Any, demo: model.Plan) -> None:
    path = tmp_path / PLAN_NAME
    shutil.copyfile(good_plan, path)
    stale_lock(path)
    plan_bytes = path.read_bytes()
    window = make_window(path=path)  # any dialog would fail the test: none is scripted
    assert prompts.asked == []
    assert window.context is not None
    assert not window.context.read_only
    assert window.windowTitle().startswith(demo.district.name)
    window.close()
    assert not lock_path(path).exists()
    assert path.read_bytes() == plan_bytes  # opening for editing changed nothing in the plan


# --- interchange documents: invalid JSON, and a wrong value at some path --------------------------


def _leaves(doc: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every field of an interchange document as (path, value), in the format's path syntax.

    A list of items is walked into; a list of plain values (ids, amounts per year) is one field.
    """
    if isinstance(doc, dict):
        return [leaf for key, value in doc.items() for leaf in _leaves(value, f"{path}.{key}" if path else key)]
    if isinstance(doc, list) and any(isinstance(item, dict) for item in doc):
        return [leaf for i, value in enumerate(doc) for leaf in _leaves(value, f"{path}[{i}]")]
    return [(path, doc)]


def _put(doc: Any, path: str, value: Any) -> None:
    parts = [p for p in path.replace("[", ".").replace("]", "").split(".") if p]
    for part in parts[:-1]:
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    doc[int(parts[-1]) if isinstance(doc, list) else parts[-1]] = value


def _wrong(value: Any) -> Any:
    """A value of the wrong kind for ``value``'s field: a list where text or a number was."""
    return [value, "extra"] if not isinstance(value, list) else {"not": "a list"}


def _refused_json(tmp_path: Path, text: str) -> str:
    (tmp_path / "plan.json").write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("new", PLAN_NAME, "--from-json", "plan.json", cwd=tmp_path)
    assert snapshot(tmp_path) == before  # no plan file, no draft left
    assert result.returncode == 2
    return error_line(result)


def test_invalid_json_is_refused_with_where(tmp_path: Path, demo: model.Plan) -> None:
    text = json.dumps(plan_to_json(demo), indent=2)
    cut = text[: len(text) // 2]
    line = _refused_json(tmp_path, cut)
    assert line.startswith("summit-app: error: plan.json: not valid JSON (line ")


def test_a_wrong_value_at_any_path_is_refused_naming_that_path(tmp_path: Path, demo: model.Plan) -> None:
    doc = plan_to_json(demo)
    seed = int.from_bytes(os.urandom(4), "big")
    field, value = random.Random(seed).choice([leaf for leaf in _leaves(doc) if leaf[0] != "format"])
    print(f"seed {seed}: {field} = {value!r} made wrong")  # shown if it fails
    _put(doc, field, _wrong(value))
    line = _refused_json(tmp_path, json.dumps(doc))
    assert line.startswith(f"summit-app: error: plan.json: {field}: "), line
