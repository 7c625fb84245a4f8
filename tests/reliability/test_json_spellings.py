"""The JSON import takes each value in the one spelling the export writes: what it accepts comes back unchanged.

Documents come from tests/strategies.py (every collection, hostile text). Each
is exported as the app writes it and read back through the same path as
``new --from-json`` (``json_text.loads`` then ``plan_from_json``); then values
are written in other spellings (tests/spellings.py). Every one is refused
naming its path (or, when it is not JSON at all, its line), or accepted and
exported back as the same document. The JSON Schema (``summit-app schema``)
agrees: it accepts what the import accepts and refuses what the import refuses,
where a schema can see the difference.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spellings import leaves, path_text, spellings, with_key_twice, with_literal
from strategies import CONTENT, plans

from summit_app.plan import json_text, model
from summit_app.plan.codec import DecodeError
from summit_app.plan.interchange import dumps, json_schema, plan_from_json, plan_to_json

SPELLINGS = settings(max_examples=40, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
VALIDATOR = jsonschema.Draft202012Validator(json_schema(CONTENT),
                                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
#: Spellings tried on each generated document.
TRIES = 12


def imported(text: str) -> model.Plan:
    """What ``new --from-json`` makes of the text (it raises what it refuses)."""
    return plan_from_json(json_text.loads(text), CONTENT)


def schema_accepts(text: str) -> bool | None:
    """Whether the JSON Schema accepts the document in ``text``; None if Python cannot even parse it."""
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    return VALIDATOR.is_valid(doc)


@SPELLINGS
@given(plan=plans())
def test_an_exported_plan_imports_back_and_exports_the_same_text(plan: model.Plan) -> None:
    text = dumps(plan)
    again = imported(text)
    assert again == plan
    assert dumps(again) == text
    assert VALIDATOR.is_valid(json.loads(text))


def outcome(text: str) -> model.Plan | DecodeError | json.JSONDecodeError:
    """The plan imported from ``text``, or why it was refused."""
    try:
        return imported(text)
    except (DecodeError, json.JSONDecodeError) as refused:
        return refused


def _check_spelling(text: str, path: str, schema_sees: bool) -> None:
    """Refused naming ``path`` (or the list holding it), or accepted and exported back as the same document."""
    result = outcome(text)
    if isinstance(result, json.JSONDecodeError):
        assert schema_accepts(text) is None or not schema_sees, "the import refused what Python reads as JSON"
    elif isinstance(result, DecodeError):
        assert result.path == path or path.startswith(result.path + "["), (path, str(result))
        assert "\n" not in str(result)
        if schema_sees:
            assert schema_accepts(text) is False, f"the schema accepts what the import refuses: {result}"
    else:
        assert json_text.loads(dumps(result)) == json_text.loads(text), f"{path} was accepted and changed"
        assert schema_accepts(text) is True


@SPELLINGS
@given(plan=plans(), data=st.data())
def test_another_spelling_is_refused_with_its_path_or_changes_nothing(plan: model.Plan, data: st.DataObject) -> None:
    doc = plan_to_json(plan)
    places = list(leaves(doc))
    for _ in range(TRIES):
        path, value = data.draw(st.sampled_from(places))
        spelling = data.draw(st.sampled_from(spellings(value)))
        _check_spelling(with_literal(doc, path, spelling.literal), path_text(path), spelling.schema_sees)


@SPELLINGS
@given(plan=plans(), data=st.data())
def test_a_key_written_twice_is_refused_with_its_path(plan: model.Plan, data: st.DataObject) -> None:
    doc = plan_to_json(plan)
    path, _ = data.draw(st.sampled_from([(p, v) for p, v in leaves(doc) if isinstance(p[-1], str)]))
    with pytest.raises(DecodeError) as refused:
        imported(with_key_twice(doc, path))
    assert (refused.value.path, refused.value.message) == (
        path_text(path), "appears twice in one object; a key may appear once")


@pytest.mark.parametrize("path", [
    ("budget", "lines", 3, "unit_cost"), ("budget", "funding_sources", 1, "amounts", 2),
    ("learning", "activities", 0, "hours"),
    ("district", "enrollment"), ("district", "first_fiscal_year"), ("budget", "lines", 3, "quantity"),
    ("readiness", "ratings", 0, "score"), ("readiness", "ratings", 0, "revealed"), ("format_version",),
    ("district", "summit_date"), ("vision", "goals", 0, "due_date"), ("signature", "signed_at"),
    ("district", "name"), ("vision", "goals", 0, "id"), ("learning", "activities", 0, "goal_ids", 1),
])
def test_every_other_spelling_of_the_demo_is_refused_or_changes_nothing(demo: model.Plan, path: Any) -> None:
    doc = plan_to_json(demo)
    if path == ("signature", "signed_at"):
        doc["signature"]["signed_at"] = "2027-01-05T14:30:00Z"
    value = doc
    for part in path:
        value = value[part]
    for spelling in spellings(value):
        _check_spelling(with_literal(doc, path, spelling.literal), path_text(path), spelling.schema_sees)
