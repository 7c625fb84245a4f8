"""User text in the PDF is never markup: hostile strings print verbatim, scripts print, long text splits."""

from __future__ import annotations

import dataclasses
import random
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from summit_app.export.pdf import write_pdf
from summit_app.export.pdf.fonts import FACES, register_fonts
from summit_app.export.pdf.markup import MAX_TEXT, MAX_WORD, clean, escape, prose
from summit_app.export.pdf.styles import make_styles
from summit_app.export.pdf.wrapping import wrap_text
from summit_app.plan import model

HOSTILE = (
    "R&D <b>not bold</b> & “quotes”",
    "Smith <smith@district.example>",
    "before</para>after",
    "<img src='/etc/passwd'/>",
    '<font color="red">not red</font> <a href="http://example.com">no link</a>',
    "&amp; &lt;already escaped&gt; &#169;",
    "(unbalanced paren \\ backslash",
    "=SUM(A1:A9) +1 -2 @cmd",
    "%PDF-1.4 endobj %%EOF",
)
SCRIPTS = (
    "Tiếng Việt: Trường học số hóa, giáo viên được đào tạo",
    "Ελληνικά: ψηφιακή μάθηση για κάθε μαθητή",
    "Русский: цифровое обучение для каждого ученика",
    "Français, Español, Deutsch: ça, niño, Straße, Øresund, Łódź",
)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def hostile_plan(long_text: str) -> model.Plan:
    """A plan with hostile, multi-script and very long text in prose, tables and the signature page."""
    text = " | ".join(HOSTILE + SCRIPTS)
    return model.Plan(
        district=model.District(name="Dis<b>trict</b> & Co", enrollment=1200, plan_years=3),
        vision=model.Vision("First line <i>kept</i>\nSecond line & more\n\n" + text),
        network=model.Network(notes=long_text),
        approval=model.Approval(superintendent_name="Zoë <O'Brien> & Ng", board_president=SCRIPTS[2]),
        members=tuple(model.TeamMember(f"m{i}", s, "teacher-leader", s) for i, s in enumerate(HOSTILE + SCRIPTS)),
        goals=(model.Goal("g1", title=HOSTILE[0], description=text, measure=HOSTILE[4], owner=SCRIPTS[0]),),
        budget=(model.BudgetLine("b1", description=long_text, category="devices", goal_id="g1",
                                 unit_cost=Decimal("10.00"), quantity=3),
                model.BudgetLine("b2", description=HOSTILE[2], category="software", unit_cost=Decimal("1.00")),
                model.BudgetLine("b3", description=marked("line.home", len(NEW_FIELDS) - 1), category="home-access",
                                 unit_cost=Decimal("5.00"), pilot=True)),
        milestones=(model.Milestone("ms1", title=HOSTILE[5], owner=HOSTILE[6]),),
        **new_sections(),
    )


def marked(field: str, i: int) -> str:
    """A hostile string tagged with the field it goes in, so each field's text is found on its own."""
    return f"[{field}] {HOSTILE[i % len(HOSTILE)]}"


#: The text fields of the sections plan format 3 added, each given its own tagged hostile string.
NEW_FIELDS = ("loaner_policy", "hotspot_plan", "assistive_plan", "peer.name", "peer.state", "peer.visitors",
              "peer.adopt", "school.name", "school.district", "school.shows", "school.contact", "message.message",
              "message.languages", "message.owner", "line.home")


def new_sections() -> dict[str, object]:
    """Equity, a peer, a lighthouse school, a message and a home access line, every text field hostile."""
    t = {field: marked(field, i) for i, field in enumerate(NEW_FIELDS)}
    return {
        "equity": model.Equity(no_home_internet_percent=12, take_home="loaner", loaner_policy=t["loaner_policy"],
                               hotspot_plan=t["hotspot_plan"], assistive_students=3,
                               assistive_plan=t["assistive_plan"]),
        "peers": (model.PeerDistrict("p1", name=t["peer.name"], state=t["peer.state"], visitors=t["peer.visitors"],
                                     adopt=t["peer.adopt"]),),
        "lighthouses": (model.LighthouseSchool("l1", name=t["school.name"], district=t["school.district"],
                                               shows=t["school.shows"], contact=t["school.contact"]),),
        "communications": (model.Communication("c1", kind="other", message=t["message.message"],
                                                languages=t["message.languages"], owner=t["message.owner"]),),
        "apps": (model.AppEntry("a1", name=HOSTILE[3], vendor=HOSTILE[1], retention=SCRIPTS[1],
                                accessibility_report="gaps"),),
    }


def long_words(n: int) -> str:
    words = [f"word{i:05d}" for i in range(n // 10)]
    return " ".join(words)


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.pdf"
    write_pdf(hostile_plan(long_words(12_000)), path)
    return path


def test_hostile_strings_print_verbatim(hostile_pdf: Path) -> None:
    text = squash(pdf_text(hostile_pdf))
    for s in (*HOSTILE, "Dis<b>trict</b> & Co", "Zoë <O'Brien> & Ng"):
        assert squash(s) in text, s


def test_hostile_text_in_the_new_sections_prints_verbatim(hostile_pdf: Path) -> None:
    text = squash(pdf_text(hostile_pdf))
    for i, field in enumerate(NEW_FIELDS):
        assert squash(marked(field, i)) in text, field


def test_markup_in_user_text_loads_nothing(hostile_pdf: Path) -> None:
    data = hostile_pdf.read_bytes()
    assert b"/XObject" not in data  # no image was loaded
    assert b"/URI" not in data  # the <a href> stayed text


def test_latin_vietnamese_greek_and_cyrillic_print(hostile_pdf: Path) -> None:
    text = squash(pdf_text(hostile_pdf))
    for s in SCRIPTS:
        assert squash(s) in text, s


def test_newlines_in_user_text_stay_line_breaks(hostile_pdf: Path) -> None:
    lines = [line.strip() for line in pdf_text(hostile_pdf).splitlines()]
    first = lines.index("First line <i>kept</i>")
    assert lines[first + 1] == "Second line & more"


def test_a_cell_of_12000_characters_splits_across_pages(hostile_pdf: Path) -> None:
    pages = pdf_text(hostile_pdf).split("\f")
    words = long_words(12_000).split()
    holding = [i for i, page in enumerate(pages) if any(w in page for w in words)]
    assert len(holding) >= 3  # the network notes and the budget line each need more than a page
    found = " ".join(re.findall(r"word\d{5}", "".join(pages)))  # page headers and footers fall in between
    assert found.count(" ".join(words)) >= 2


def test_one_unbroken_word_of_10000_characters_still_prints(tmp_path: Path) -> None:
    alphabet = "ĄĆĘŁŃÓŚŹŻ"
    word = "".join(random.Random(5).choice(alphabet) for _ in range(10_000))
    plan = model.Plan(budget=(model.BudgetLine("b", description=word, unit_cost=Decimal("1.00")),),
                      vision=model.Vision(word))
    write_pdf(plan, tmp_path / "word.pdf")
    letters = "".join(c for c in pdf_text(tmp_path / "word.pdf") if c in alphabet)
    assert letters.count(word) >= 2  # the vision and the budget line (the appendix may quote it too)


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    odd = "bell\x07 nul\x00 tab\there cr\r\nlf \ufffe \x85end"
    plan = model.Plan(vision=model.Vision(odd), members=(model.TeamMember("m", odd),))
    write_pdf(plan, tmp_path / "odd.pdf")
    assert squash("bell nul tab here cr") in squash(pdf_text(tmp_path / "odd.pdf"))


# --- the helpers on their own -----------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_escaped_text_has_no_markup_left(hostile: str) -> None:
    escaped = escape(hostile + "\nnext")
    assert re.sub(r"<br/>", "", escaped).count("<") == 0
    register_fonts()
    para = Paragraph(escaped, make_styles().body)
    assert "".join(para.getPlainText().split()) == squash(hostile + "next")


def test_prose_splits_paragraphs_at_blank_lines_and_long_ones_in_pieces() -> None:
    paragraphs = prose("one\n\n\ntwo\nstill two\n\n" + "x " * 6000, make_styles().body)
    assert [p.getPlainText()[:3] for p in paragraphs[:2]] == ["one", "two"]
    assert len(paragraphs) > 4


def test_clean_keeps_words_and_drops_what_cannot_print() -> None:
    assert clean("a\r\nb\rc\td\x00e\x1bf\ufffeg") == "a\nb\nc    defg"


@pytest.mark.timeout(60)
def test_soft_hyphens_are_dropped_and_a_note_full_of_them_lays_out_quickly(tmp_path: Path) -> None:
    assert clean("co\xadoper\xadation") == "cooperation"
    note = "inter\xadoper\xadability " * 1200
    plan = dataclasses.replace(model.Plan(), vision=model.Vision(statement=note))
    write_pdf(plan, tmp_path / "soft.pdf")  # minutes before soft hyphens were dropped; about a second now
    # the vision prints twice: in the executive summary and in its own section
    assert squash(pdf_text(tmp_path / "soft.pdf")).count("interoperability") == 2 * 1200


def test_wrapped_lines_never_exceed_the_width() -> None:
    register_fonts()
    text = "Supercalifragilistic FY2027–FY2031 " * 20 + "x" * 300
    for width in (20.0, 45.0, 120.0):
        lines = wrap_text(text, FACES.regular, 7.6, width)
        assert all(w <= width + 0.01 for _, w in lines)
        assert squash("".join(t for t, _ in lines)) == squash(text)


def test_a_long_table_keeps_every_row_once(tmp_path: Path) -> None:
    lines = tuple(model.BudgetLine(f"b{i}", description=f"Line number {i:04d}", unit_cost=Decimal("1.00"))
                  for i in range(400))
    write_pdf(dataclasses.replace(model.Plan(), budget=lines), tmp_path / "rows.pdf")
    text = pdf_text(tmp_path / "rows.pdf")
    table = text[text.index("Budget lines (400)"):text.index("Timeline & evaluation", text.index("Budget lines (400)"))]
    found = re.findall(r"Line number (\d{4})", table)
    assert found == [f"{i:04d}" for i in range(400)]


def test_a_ten_megabyte_word_is_cut_short_with_a_note_saying_so(tmp_path: Path) -> None:
    word = "Ж" * 10_000_000
    plan = model.Plan(district=model.District(name=word), vision=model.Vision(f"Before {word} after"),
                      budget=(model.BudgetLine("b", description=word, unit_cost=Decimal("1.00")),),
                      milestones=(model.Milestone("m", title=word),))
    write_pdf(plan, tmp_path / "word.pdf")
    text = pdf_text(tmp_path / "word.pdf")
    note = (f"[… {10_000_000 - MAX_WORD:,} "
            "more characters of this word are not printed; the plan file holds the full text]")
    assert squash(text).count(squash(note)) >= 4  # cover, vision, budget line, milestone
    assert "after" in text  # the rest of the paragraph still prints
    assert "Ж" * 100 in text
    header = text.split("\f")[2].splitlines()[0]
    assert header.endswith("…")
    assert len(header) < 300  # the running header holds a line's worth


def test_a_very_long_text_prints_its_first_part_and_a_note(tmp_path: Path) -> None:
    notes = long_words(MAX_TEXT + 50_000)
    write_pdf(model.Plan(network=model.Network(notes=notes)), tmp_path / "long.pdf")
    text = squash(pdf_text(tmp_path / "long.pdf"))
    assert f"{len(notes) - MAX_TEXT:,}morecharactersofthistextarenotprinted" in text
    assert notes.split()[0] in text
    assert notes.split()[-1] not in text
