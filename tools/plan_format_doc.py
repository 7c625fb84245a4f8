"""Regenerates the field reference of docs/plan-format.md from the model.

Run after changing a record: ``.venv/bin/python tools/plan_format_doc.py``.
tests/unit/test_docs.py fails when the document and the model disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summit_app.plan import model
from summit_app.plan.fields import FieldSpec, Kind, specs
from summit_app.plan.interchange import COLLECTION_PATHS, SINGLETON_PATHS

DOC = Path(__file__).resolve().parent.parent / "docs" / "plan-format.md"
BEGIN, END = "<!-- fields:begin -->", "<!-- fields:end -->"

_TYPES = {
    Kind.TEXT: "string", Kind.INT: "integer", Kind.OPT_INT: "integer or null",
    Kind.DECIMAL: "decimal string", Kind.DECIMALS: "list of 5 decimal strings", Kind.BOOL: "true/false",
    Kind.DATE: "date `YYYY-MM-DD` or null", Kind.DATETIME: "UTC time `…Z` or null",
    Kind.CHOICE: "id from vocabulary", Kind.CHOICES: "list of ids from vocabulary",
    Kind.LINK: "id of an item, or null", Kind.LINKS: "list of item ids",
}


def _type(spec: FieldSpec) -> str:
    text = _TYPES[spec.kind]
    if spec.vocabulary:
        text += f" `{spec.vocabulary}`"
    if spec.target:
        text += f" in `{spec.target}`"
    if spec.kind in (Kind.INT, Kind.OPT_INT) and spec.low is not None:
        text += f", {spec.low}–{spec.high}" if spec.high is not None else f", ≥ {spec.low}"
    return text


def _table(path: str, record_type: type, with_id: bool) -> list[str]:
    lines = [f"### `{path}`", "", "| field | type | meaning |", "|---|---|---|"]
    if with_id:
        lines.append("| `id` | string | stable id, unique in the list |")
    lines += [f"| `{s.name}` | {_type(s)} | {s.label} |" for s in specs(record_type)]
    return [*lines, ""]


def reference() -> str:
    lines: list[str] = []
    for name, path in SINGLETON_PATHS.items():
        lines += _table(path, model.SINGLETONS[name], False)
    for name, (section, key) in COLLECTION_PATHS.items():
        lines += _table(f"{section}.{key}[]", model.COLLECTIONS[name], True)
    return "\n".join(lines)


def render(doc: str) -> str:
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{reference()}{END}{tail}"


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
