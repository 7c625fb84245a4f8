"""A plan from an interchange document (``summit-app new --from-json``, File ▸ Import plan from JSON)."""

from __future__ import annotations

import json
import os
import stat

from summit_app.plan import json_text, model
from summit_app.plan.codec import DecodeError
from summit_app.plan.content import load_content
from summit_app.plan.interchange import plan_from_json
from summit_app.workflows.errors import UsageError


def _read_document_text(path: str) -> str:
    """The text of a JSON file: a regular file of at most ``json_text.MAX_DOCUMENT_BYTES`` in UTF-8."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device would block or never end
            raise UsageError(path, "is a folder, not a JSON file" if os.path.isdir(path) else "is not a regular file")
        with open(path, "rb") as file:
            data = file.read(json_text.MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(path, "no such file") from None
    except OSError as exc:
        raise UsageError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > json_text.MAX_DOCUMENT_BYTES:
        raise UsageError(path, f"is larger than a plan document may be ({json_text.MAX_DOCUMENT_BYTES // 2**20} MiB)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(path, f"is not UTF-8 text (byte {exc.start + 1} is not valid UTF-8)") from None


def read_json_plan(path: str) -> model.Plan:
    """A plan from an interchange document; ``UsageError`` naming the bad field."""
    text = _read_document_text(path)
    try:
        return plan_from_json(json_text.loads(text), load_content())
    except json.JSONDecodeError as exc:
        raise UsageError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except DecodeError as exc:
        why = f"{exc.path}: {exc.message}"  # a rule may quote a value: a 10 MB id makes no readable line
        raise UsageError(path, why if len(why) <= 500 else why[:500] + "…") from None
