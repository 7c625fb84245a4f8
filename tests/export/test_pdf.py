"""The signable PDF of the demo plan, read back with poppler: text, fonts, pages, fingerprint, metadata."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from summit_app.export.pdf import write_pdf
from summit_app.export.pdf.canvas import DRAFT_MARK
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.fields import Kind, specs
from summit_app.plan.interchange import fingerprint

ROOT = Path(__file__).resolve().parents[2]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as pdftotext extracts it."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8").split("\f")[:-1]


def squash(text: str) -> str:
    """Text without whitespace: line breaks fall wherever the layout put them."""
    return re.sub(r"\s+", "", text)


def user_strings(plan: model.Plan) -> Iterator[tuple[str, str]]:
    """Every non-empty text the team typed, as (where, text); private fields (e-mail) never print, and text the
    app records for itself (an accepted finding's rule and digest) is not the team's."""
    records = [(name, getattr(plan, name)) for name in model.SINGLETONS if name not in model.NOT_CONTENT]
    records += [(name, item) for name in model.COLLECTIONS for item in getattr(plan, name)]
    for where, record in records:
        for spec in specs(type(record)):
            value = getattr(record, spec.name)
            if spec.kind is Kind.TEXT and not spec.private and not spec.recorded and value.strip():
                yield f"{where}.{spec.name}", value


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory, demo: model.Plan) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "demo.pdf"
    write_pdf(demo, path)
    return path


@pytest.fixture(scope="module")
def pages(demo_pdf: Path) -> list[str]:
    return pdf_pages(demo_pdf)


def test_every_string_the_team_wrote_is_in_the_pdf(demo: model.Plan, pages: list[str]) -> None:
    text = squash("".join(pages))
    strings = list(user_strings(demo))
    assert len(strings) > 200  # the demo plan is a full plan
    missing = [(where, value) for where, value in strings if squash(value) not in text]
    assert missing == []


def test_private_fields_are_left_out(demo: model.Plan, pages: list[str]) -> None:
    emails = [m.email for m in demo.members if m.email]
    assert emails
    assert not [e for e in emails if e in "".join(pages)]


def test_every_page_says_page_x_of_y_district_and_short_fingerprint(demo: model.Plan, pages: list[str]) -> None:
    short = fingerprint(demo)[:12]
    assert len(pages) > 15
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert short in page
        assert "Cedar Valley Unified School District" in " ".join(page.split())


def test_every_font_is_embedded(demo_pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(demo_pdf)], check=True, capture_output=True, text=True).stdout
    fonts = out.splitlines()[2:]
    assert len(fonts) >= 3
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert "DejaVuSans" in name, line
        assert emb == "yes", line


def test_signature_page_prints_the_whole_fingerprint_and_signatories(demo: model.Plan, pages: list[str]) -> None:
    last = pages[-1]
    assert "Approval and signatures" in last
    assert fingerprint(demo) in last
    for name in ("Dr. Maria Alvarez", "Gregory Hale", "Samuel Okafor"):
        assert name in last
    assert last.count("Date") >= 3
    assert "May 14, 2026" in last  # the board meeting date


def test_contents_page_numbers_point_at_the_sections(pages: list[str]) -> None:
    contents = pages[1]
    listed = re.findall(r"^(?:(?:10|[1-9A])\s+)?([A-Z][^\n.]+?)\s*(?:\.\s*)*(\d+)$", contents, re.M)
    titles = {"Executive summary", "District & team", "Readiness", "Vision & goals", "Professional learning",
              "Data privacy", "Infrastructure & devices", "Home access and accessibility", "Budget",
              "Timeline & evaluation", "Peers and communication", "Open and accepted findings",
              "Approval and signatures"}
    found = {title.strip(): int(page) for title, page in listed if title.strip() in titles}
    assert set(found) == titles, contents
    for title, page in found.items():
        heading = [line.strip() for line in pages[page - 1].splitlines()]
        assert any(line.endswith(title) for line in heading[:6]), (title, page)


def test_sections_have_their_tables_charts_and_appendix(pages: list[str], content: Content) -> None:
    whole = "\n".join(pages)
    for gear in content.gears:  # radar labels and the gear table
        assert squash(gear.name) in squash(whole)
    for heading in ("Planned cost and funding by year", "Planned cost by category", "Planned cost by funding source",
                    "Funding sources", "Readiness by gear", "App and vendor inventory", "Device fleet"):
        assert heading in whole
    assert "Appendix A" in whole


def test_long_tables_repeat_their_header_on_every_page(pages: list[str]) -> None:
    budget_pages = [p for p in pages if "Budget line and details" in p]
    assert len(budget_pages) >= 3
    assert all("Unit cost" in p and "Funding source" in p for p in budget_pages)


def test_metadata_title_author_subject_and_language(demo_pdf: Path, demo: model.Plan) -> None:
    info = subprocess.run(["pdfinfo", str(demo_pdf)], check=True, capture_output=True, text=True).stdout
    assert "Title:           Cedar Valley Unified School District Technology Plan FY2027–FY2031" in info
    assert "Author:          Cedar Valley Unified School District" in info
    assert fingerprint(demo) in info  # in the subject
    assert "CreationDate:    Tue Mar 10 00:00:00 2026 UTC" in info  # the summit day, not the clock
    assert b"/Lang (en-US)" in demo_pdf.read_bytes()


def test_same_plan_gives_the_same_bytes(demo: model.Plan, demo_pdf: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    write_pdf(demo, again)
    assert again.read_bytes() == demo_pdf.read_bytes()


def test_a_changed_plan_gives_a_different_fingerprint_on_every_page(demo: model.Plan, tmp_path: Path) -> None:
    changed = demo.replace(vision=model.Vision(demo.vision.statement + " And one more sentence."))
    write_pdf(changed, tmp_path / "changed.pdf")
    short = fingerprint(changed)[:12]
    assert short != fingerprint(demo)[:12]
    assert all(short in page for page in pdf_pages(tmp_path / "changed.pdf"))


def test_draft_pages_carry_the_mark_and_the_signed_copy_does_not(demo: model.Plan, pages: list[str],
                                                                   tmp_path: Path) -> None:
    assert not any(DRAFT_MARK in page for page in pages)
    write_pdf(demo, tmp_path / "draft.pdf", draft=True)
    draft = pdf_pages(tmp_path / "draft.pdf")
    assert all(DRAFT_MARK in page for page in draft)


def _dark_share(pgm: bytes) -> float:
    """The share of pixels darker than light grey in a binary PGM image."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert match
    pixels = pgm[match.end():]
    return sum(1 for p in pixels if p < 200) / len(pixels)


def test_every_page_renders_and_is_not_blank(demo_pdf: Path, tmp_path: Path, pages: list[str]) -> None:
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(demo_pdf), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) == len(pages)
    for image in images:
        assert _dark_share(image.read_bytes()) > 0.004, image.name


def test_progress_runs_from_zero_to_one(demo: model.Plan, tmp_path: Path) -> None:
    seen: list[float] = []
    write_pdf(demo, tmp_path / "p.pdf", seen.append)
    assert seen == sorted(seen)
    assert 0 < seen[0] < 1
    assert seen[-1] == 1.0
    assert len(seen) > 10


def test_an_empty_plan_still_makes_a_complete_report(tmp_path: Path) -> None:
    write_pdf(model.Plan(), tmp_path / "empty.pdf")
    pages = pdf_pages(tmp_path / "empty.pdf")
    whole = "\n".join(pages)
    assert "No goals have been written yet." in whole
    assert "Approval and signatures" in pages[-1]
    assert all(f"of {len(pages)}" in page for page in pages)


def test_docs_screenshots_render_the_cover_contents_and_every_section(demo_pdf: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("pdf_screenshots", ROOT / "tools" / "pdf_screenshots.py")
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    written = tool.render_pdf_pages(demo_pdf, tmp_path / "shots")
    assert [p.name for p in written] == [
        "pdf-cover.png", "pdf-contents.png", "pdf-summary.png", "pdf-district.png", "pdf-readiness.png",
        "pdf-vision.png", "pdf-learning.png", "pdf-privacy.png", "pdf-infrastructure.png", "pdf-access.png",
        "pdf-budget.png", "pdf-budget-goals.png", "pdf-budget-erate.png", "pdf-timeline.png", "pdf-community.png",
        "pdf-findings.png", "pdf-signature.png"]
    images = [p.read_bytes() for p in written]
    assert all(image.startswith(b"\x89PNG") and len(image) > 20_000 for image in images)
    assert len(set(images)) == len(images)
