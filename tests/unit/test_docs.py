"""The documentation of the plan format stays true to the model and to the format versions it reads."""

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


def _versions_section() -> str:
    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    return doc.split("### Format versions", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def test_format_versions_are_documented() -> None:
    from summit_app.plan.interchange import FORMAT_VERSION, OLDEST_VERSION

    doc = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert f'"format_version": {FORMAT_VERSION},' in doc  # the example is of the version the app writes
    section = " ".join(_versions_section().split())
    reads = f"This app writes version {FORMAT_VERSION} and reads versions {OLDEST_VERSION} to {FORMAT_VERSION}"
    assert reads in section
    assert "A **version-1 document** has none of them: it reads with nothing lost" in section


def test_every_field_and_list_a_version_added_is_listed() -> None:
    from summit_app.plan import model
    from summit_app.plan.interchange import (
        ADDED_COLLECTIONS,
        ADDED_FIELDS,
        ADDED_SECTIONS,
        COLLECTION_PATHS,
        SINGLETON_PATHS,
    )

    section = " ".join(_versions_section().split())
    paths = {record_type: path for name, path in SINGLETON_PATHS.items()
             for record_type in (model.SINGLETONS[name],)}
    paths |= {model.COLLECTIONS[name]: f"{section_}.{key}[]" for name, (section_, key) in COLLECTION_PATHS.items()}
    listed = [f"`{paths[record_type]}.{field}`" for added in ADDED_FIELDS.values()
              for record_type, fields in added.items() for field in sorted(fields)]
    listed += [f"list `{'.'.join(COLLECTION_PATHS[name])}`" for added in ADDED_COLLECTIONS.values()
               for name in sorted(added)]
    listed += [f"section `{name}`" for added in ADDED_SECTIONS.values() for name in sorted(added)]
    assert len(listed) == 22  # version 2: ten fields and two lists; version 3: five fields, three lists, two sections
    assert [p for p in listed if p not in section] == []
