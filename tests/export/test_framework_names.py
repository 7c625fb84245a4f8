"""The PDF and the workbook print the framework's element names exactly, and keep earlier-version ratings.

Names are read back with pdftotext and openpyxl and compared with the names
in the content (which tests/unit/test_content.py holds to the framework's
own list): an em dash, a semicolon or a slash that changed on the way out
would show here.
"""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest
from openpyxl.workbook import Workbook

from summit_app.export.pdf import write_pdf
from summit_app.export.xlsx import write_xlsx
from summit_app.plan import model
from summit_app.plan.content import Content

EARLIER_NOTES = {"cia-content": "Science texts are still print-only (scored in 2026).",
                 "br-tco": "Support and training were never costed."}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def with_earlier(demo: model.Plan) -> model.Plan:
    """The demo plan holding ratings, notes and a member's rating on elements of an earlier version."""
    earlier = tuple(model.ReadinessRating(i, 5, note) for i, note in EARLIER_NOTES.items())
    member = model.MemberRating("mr-old", "st-spaces", demo.members[0].id, 3)
    return demo.replace(readiness=demo.readiness + earlier, member_ratings=(*demo.member_ratings, member))


@pytest.fixture(scope="module")
def pdf_text(with_earlier: model.Plan, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("names") / "plan.pdf"
    write_pdf(with_earlier, path)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def book(with_earlier: model.Plan, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    path = tmp_path_factory.mktemp("names") / "plan.xlsx"
    write_xlsx(with_earlier, path)
    return openpyxl.load_workbook(path)


def test_the_pdf_prints_every_element_name_unaltered(pdf_text: str, content: Content) -> None:
    text = squash(pdf_text)
    for element in content.elements():
        assert squash(element.name) in text, element.name
    assert "Assessment\u2014Analytics" in pdf_text
    assert "Collaborative Leadership (across the gears)" in pdf_text


def test_the_pdf_keeps_earlier_version_ratings_in_their_own_group(pdf_text: str, content: Content) -> None:
    assert "Rated under an earlier version of the framework" in pdf_text
    earlier = pdf_text[pdf_text.index("Rated under an earlier version of the framework"):]
    text = squash(earlier)
    for element_id, note in EARLIER_NOTES.items():
        element = content.element(element_id)
        assert element is not None
        assert squash(element.name) in text
        assert squash(note) in text
    assert squash("Learning Spaces Designed for Collaboration") in text  # only members rated it


def readiness_rows(book: Workbook) -> list[tuple[str, str, int | None, str | None]]:
    sheet = book["Readiness"]
    (table,) = sheet.tables.values()
    cells = sheet[table.ref]
    header = [c.value for c in cells[0]]
    at = {name: header.index(name) for name in ("Gear", "Element", "Score", "Notes")}
    return [(r[at["Gear"]].value, r[at["Element"]].value, r[at["Score"]].value, r[at["Notes"]].value)
            for r in cells[1:]]


def test_the_workbook_prints_every_element_name_unaltered(book: Workbook, content: Content) -> None:
    rows = readiness_rows(book)
    current = [(gear, name) for gear, name, _, _ in rows if not gear.startswith("Rated under")]
    assert current == [(g.label, e.name) for g in content.gears for e in g.elements]
    summary = [c.value for c in book["Summary"]["A"]]
    assert "Collaborative Leadership (across the gears)" in summary
    assert all(g.name in summary for g in content.gears if not g.across_gears)


def test_the_workbook_keeps_earlier_version_ratings_outside_every_gear(book: Workbook, content: Content) -> None:
    earlier = {name: (gear, score, notes) for gear, name, score, notes in readiness_rows(book)
               if gear.startswith("Rated under")}
    assert earlier == {
        "Standards-Aligned Digital Content": ("Rated under an earlier version: Curriculum, Instruction, and Assessment",
                                              5, EARLIER_NOTES["cia-content"]),
        "Total Cost of Ownership Planning": ("Rated under an earlier version: Budget and Resources", 5,
                                             EARLIER_NOTES["br-tco"]),
        "Learning Spaces Designed for Collaboration": ("Rated under an earlier version: Use of Space and Time",
                                                       None, None)}


def test_the_pdf_explains_each_element_with_its_level_and_next_step(pdf_text: str, demo: model.Plan,
                                                                    content: Content) -> None:
    start = pdf_text.index("What each element means, and a possible next step")
    guide = squash(pdf_text[start:pdf_text.index("Rated under an earlier version of the framework")])
    scores = {r.id: r.score for r in demo.readiness}
    for element in content.elements():
        assert squash(element.description) in guide, element.name
        assert squash(element.next_step) in guide, element.name
        level = content.level_for(scores[element.id])  # the demo rates every element
        assert squash(element.anchor(level.id)) in guide, element.name
