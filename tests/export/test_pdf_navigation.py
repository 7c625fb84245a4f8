"""Bookmarks and contents links, read back with pypdf: each lands on the page that holds its section."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdf
import pytest

from summit_app.export.pdf import write_pdf
from summit_app.plan import model

SECTIONS = ("Executive summary", "District & team", "Readiness", "Vision & goals", "Professional learning",
            "Data privacy", "Infrastructure & devices", "Home access and accessibility", "Budget",
            "Timeline & evaluation", "Peers and communication", "Open and accepted findings", "Approval and signatures")


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory, demo: model.Plan) -> pypdf.PdfReader:
    path = tmp_path_factory.mktemp("nav") / "demo.pdf"
    write_pdf(demo, path)
    return pypdf.PdfReader(path)


def heading_lines(reader: pypdf.PdfReader, index: int) -> list[str]:
    """The first lines of a page's text after its running header (where a section's title is)."""
    lines = [line.strip() for line in reader.pages[index].extract_text().splitlines() if line.strip()]
    return lines[:4]


def holds_heading(reader: pypdf.PdfReader, index: int, title: str) -> bool:
    return any(line.endswith(title) for line in heading_lines(reader, index))


def destination_page(reader: pypdf.PdfReader, dest: Any) -> int:
    """The 0-based page a /Dest names: an explicit array, or a named destination."""
    dest = dest.get_object() if hasattr(dest, "get_object") else dest
    if isinstance(dest, str | pypdf.generic.NameObject | pypdf.generic.TextStringObject):
        dest = reader.named_destinations[str(dest)]
        return reader.get_destination_page_number(dest)
    return reader.get_page_number(dest[0].get_object())


def test_every_bookmark_lands_on_its_sections_heading(reader: pypdf.PdfReader) -> None:
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in outline] == list(SECTIONS)
    pages = [reader.get_destination_page_number(item) for item in outline]
    assert len(set(pages)) == len(SECTIONS)  # not all on one page
    for item, page in zip(outline, pages, strict=True):
        assert page > 1, item.title
        assert holds_heading(reader, page, item.title), (item.title, page + 1, heading_lines(reader, page))


def contents_links(reader: pypdf.PdfReader) -> list[Any]:
    return [a.get_object() for a in reader.pages[1].get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]


def test_every_contents_link_lands_on_its_section_and_says_where(reader: pypdf.PdfReader) -> None:
    links = contents_links(reader)
    assert len(links) == len(SECTIONS)
    for link, title in zip(links, SECTIONS, strict=True):
        page = destination_page(reader, link["/Dest"])
        assert holds_heading(reader, page, title), (title, page + 1)
        assert link["/Contents"] == f"{title}, page {page + 1}"


def test_the_printed_contents_numbers_match_the_links(reader: pypdf.PdfReader) -> None:
    text = reader.pages[1].extract_text()
    for link, title in zip(contents_links(reader), SECTIONS, strict=True):
        number = destination_page(reader, link["/Dest"]) + 1
        assert re.search(rf"{re.escape(title)}\s*{number}\b", text), (title, number)


def test_the_outline_opens_with_the_document(reader: pypdf.PdfReader) -> None:
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_an_empty_plan_links_land_too(tmp_path: Path) -> None:
    write_pdf(model.Plan(), tmp_path / "empty.pdf")
    reader = pypdf.PdfReader(tmp_path / "empty.pdf")
    for item in reader.outline:
        assert holds_heading(reader, reader.get_destination_page_number(item), item.title)
