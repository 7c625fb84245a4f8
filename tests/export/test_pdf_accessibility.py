"""The PDF as assistive technology reads it: PDF/UA-1 by the outloud checker, and the tagged structure
read back with pypdf (marked content, structure tree, language, metadata, fonts that map to real text)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdf
import pytest
from plan_facts import with_accepted, with_format3_facts

from summit_app.export.pdf import write_pdf
from summit_app.plan import model
from summit_app.plan.content import Content
from summit_app.plan.interchange import fingerprint
from summit_app.plan.samples import large_plan

OUTLOUD = Path(sys.executable).with_name("outloud")

#: A line in each script DejaVu Sans covers (reportlab does not shape Arabic: its letters print unjoined).
SCRIPTS = {
    "Latin": "Tiếng Việt, Français, Łódź, Straße",
    "Greek": "Ελληνικά: ψηφιακή μάθηση",
    "Cyrillic": "Русский: цифровое обучение",
    "Armenian": "Հայերեն՝ թվային ուսուցում",
    "Georgian": "ქართული ციფრული სწავლება",
    "Hebrew": "עברית למידה דיגיטלית",
    "Arabic": "التعلم الرقمي",
}
LONG_WORD = "Superlongcompoundword" * 200  # 4,200 letters, no space


def edge_plan() -> model.Plan:
    """Every script the fonts support, very long words, and the optional sections left empty."""
    lines = " · ".join(SCRIPTS.values())
    return model.Plan(
        district=model.District(name=SCRIPTS["Armenian"], state=SCRIPTS["Georgian"], enrollment=900),
        vision=model.Vision(f"{lines}\n\n{LONG_WORD}"),
        members=tuple(model.TeamMember(f"m{i}", text, "teacher-leader", name)
                      for i, (name, text) in enumerate(SCRIPTS.items())),
        goals=(model.Goal("g1", title=SCRIPTS["Hebrew"], description=LONG_WORD, measure=SCRIPTS["Arabic"],
                          baseline=SCRIPTS["Greek"], target=SCRIPTS["Cyrillic"], owner=SCRIPTS["Georgian"]),),
        budget=(model.BudgetLine("b1", description=LONG_WORD, category="devices", goal_id="g1",
                                 unit_cost=Decimal("12.50"), quantity=4),),
        approval=model.Approval(superintendent_name=SCRIPTS["Greek"], board_president=SCRIPTS["Hebrew"]),
    )


def signed(plan: model.Plan) -> model.Plan:
    return plan.replace(signature=model.Signature(fingerprint(plan), datetime(2026, 5, 1, 15, 30, tzinfo=UTC)))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, demo: model.Plan, content: Content) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ua")
    plans = {"demo": demo, "signed": signed(demo), "edge": edge_plan(), "empty": model.Plan(),
             "facts": with_accepted(with_format3_facts(), content)[0]}
    for name, plan in plans.items():
        write_pdf(plan, folder / f"{name}.pdf")
    return {name: folder / f"{name}.pdf" for name in plans}


def outloud(*paths: Path) -> list[dict[str, Any]]:
    """outloud's findings for each file (its JSON report)."""
    done = subprocess.run([str(OUTLOUD), "--json", "-", "--quiet", "--fail-on", "never", *map(str, paths)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)["results"]
    return results


def problems(result: dict[str, Any]) -> list[str]:
    return [f"{f['rule']} p.{f.get('page')}: {f['message']}" for f in result["findings"]
            if f["severity"] in ("error", "warning")]


@pytest.mark.slow
def test_outloud_finds_nothing_in_the_demo_signed_edge_empty_and_new_facts_plans(pdfs: dict[str, Path]) -> None:
    for name, result in zip(pdfs, outloud(*pdfs.values()), strict=True):
        assert result["error"] is None, (name, result["error"])
        assert result["counts"]["error"] == 0, (name, problems(result))
        assert problems(result) == [], name


@pytest.mark.slow
def test_outloud_finds_nothing_in_the_large_plan(tmp_path: Path) -> None:
    write_pdf(large_plan(), tmp_path / "large.pdf")
    [result] = outloud(tmp_path / "large.pdf")
    assert result["counts"]["error"] == 0, problems(result)
    # PAG-001 is a layout guess: budget rows that happen to fall near the foot of three pages read to it
    # like a running footer. They are table cells (read in the table), so that warning alone is allowed.
    assert [p for p in problems(result) if not p.startswith("PAG-001")] == []


def catalog(path: Path) -> Any:
    return pypdf.PdfReader(path).trailer["/Root"]


def test_the_catalog_declares_a_tagged_document_in_english_with_its_title_shown(pdfs: dict[str, Path]) -> None:
    root = catalog(pdfs["demo"])
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en-US"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert root["/StructTreeRoot"]["/Type"] == "/StructTreeRoot"


def test_xmp_metadata_has_the_title_and_the_pdf_ua_identifier(pdfs: dict[str, Path], demo: model.Plan) -> None:
    reader = pypdf.PdfReader(pdfs["demo"])
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    title = re.search(r'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)</rdf:li>', xmp)
    assert title is not None
    assert title.group(1) == reader.metadata.title
    assert demo.district.name in title.group(1)


def test_every_page_has_its_parent_tree_key_and_structure_tab_order(pdfs: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(pdfs["demo"])
    for i, page in enumerate(reader.pages):
        assert page["/StructParents"] == i
        assert page["/Tabs"] == "/S"
        for annotation in page.get("/Annots", []):
            assert "/StructParent" in annotation.get_object()


def walk(element: Any, depth: int = 0) -> Any:
    element = element.get_object()
    yield element, depth
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and kid.get("/Type", "/StructElem") == "/StructElem" and "/S" in kid:
            yield from walk(kid, depth + 1)


def structure(path: Path) -> list[tuple[str, Any]]:
    root = catalog(path)["/StructTreeRoot"]
    return [(str(e["/S"]), e) for e, _ in walk(root["/K"][0])]


def test_the_structure_has_sections_headings_tables_figures_and_a_linked_contents(pdfs: dict[str, Path]) -> None:
    elements = structure(pdfs["demo"])
    roles = [role for role, _ in elements]
    assert roles[0] == "/Document"
    assert roles.count("/Sect") == 15  # cover, contents, the summary, ten sections, appendix, signatures
    for role in ("/H1", "/H2", "/H3", "/P", "/Table", "/THead", "/TBody", "/TR", "/TH", "/TD", "/Figure", "/Caption",
                 "/TOC", "/TOCI", "/Link", "/L", "/LI", "/LBody"):
        assert role in roles, role
    scopes = {str(e["/A"]["/Scope"]) for role, e in elements if role == "/TH"}
    assert scopes == {"/Column", "/Row"}
    links = [e for role, e in elements if role == "/Link"]
    assert len(links) == 13
    assert all(any(isinstance(k, dict) and k.get("/Type") == "/OBJR" for k in link["/K"]) for link in links)


def test_every_chart_has_alternative_text_from_its_own_figures(pdfs: dict[str, Path], demo: model.Plan) -> None:
    figures = [e for role, e in structure(pdfs["demo"]) if role == "/Figure"]
    assert len(figures) == 4  # the radar and three budget charts
    alts = [str(f["/Alt"]) for f in figures]
    assert alts[0].startswith("Radar chart")
    assert all(len(alt) > 60 for alt in alts)
    assert any("$" in alt and "FY2027" in alt for alt in alts)


def test_every_font_maps_every_code_to_a_real_character(pdfs: dict[str, Path]) -> None:
    for name in ("demo", "edge"):
        reader = pypdf.PdfReader(pdfs[name])
        fonts = {}
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[str(font["/BaseFont"])] = font["/ToUnicode"].get_object().get_data().decode("ascii")
        assert len(fonts) >= 3
        for base, cmap in fonts.items():
            assert not re.search(r"<[0-9A-F]{2}> <0000>", cmap), (name, base)
            assert all(int(n) <= 100 for n in re.findall(r"(\d+) beginbfchar", cmap)), base


def test_every_script_extracts_as_typed(pdfs: dict[str, Path]) -> None:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs["edge"]), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    squashed = re.sub(r"\s+", "", text)
    for script, line in SCRIPTS.items():
        if script not in ("Hebrew", "Arabic"):  # right-to-left text is extracted in drawing order
            assert re.sub(r"\s+", "", line) in squashed, script
    fonts = subprocess.run(["pdffonts", str(pdfs["edge"])], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    assert all(" yes yes yes " in f" {' '.join(row.split()[-5:-2])} " for row in rows), fonts


def test_the_same_plan_still_gives_the_same_bytes(pdfs: dict[str, Path], demo: model.Plan, tmp_path: Path) -> None:
    write_pdf(demo, tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes() == pdfs["demo"].read_bytes()


def test_a_table_across_pages_is_one_table_with_one_header_row(pdfs: dict[str, Path], demo: model.Plan) -> None:
    tables = [e for role, e in structure(pdfs["demo"]) if role == "/Table"]
    shapes = []
    for table in tables:
        parts = {str(k.get_object()["/S"]): k.get_object() for k in table["/K"]}
        if "/THead" in parts:
            shapes.append((len(parts["/THead"]["/K"]), len(parts["/TBody"]["/K"])))
    # The budget lines fill several pages, header repeated on each (as an artifact): one header row in the tree.
    assert (1, len(demo.budget) + 1) in shapes


def test_pdfinfo_reads_a_tagged_pdf_1_7(pdfs: dict[str, Path]) -> None:
    info = subprocess.run(["pdfinfo", str(pdfs["signed"])], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Metadata Stream:\s+yes$", info, re.M)
    assert pdfs["signed"].read_bytes().startswith(b"%PDF-1.7")
