"""The documentation of the plan format stays true to the model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _doc_tool():
    spec = importlib.util.spec_from_file_location("plan_format_doc", ROOT / "tools" / "plan_format_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_field_reference_matches_the_model() -> None:
    tool = _doc_tool()
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert tool.render(doc) == doc, "run tools/plan_format_doc.py to update docs/plan-format.md"


def test_field_reference_names_the_documented_example_path() -> None:
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert "### `budget.lines[]`" in doc
    assert "| `unit_cost` | decimal string | Unit cost |" in doc
