"""Page furniture drawn once the page count is known: header, footer, "Page X of Y", contents numbers.

The canvas keeps every finished page aside instead of writing it, and in
``save()`` draws on each what only the whole document knows (the page count,
the page each section starts on). So the report is laid out in a single pass:
no second build just to learn page numbers, and the bytes depend on the plan only.

While a page is held, reportlab's document has not seen it yet: anything that
refers to "this page" (a bookmark's destination) would point at the first page.
So a heading only notes its bookmark, and the bookmark is made in ``save()``
just before its page is handed to the document. The contents page's links are
made there too, when their page numbers are known, with a description such as
"Budget, page 18". ``save()`` also writes the structure tree (tagging.py), the
XMP metadata and the page entries a tagged PDF needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFPage, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from summit_app.export.pdf.fonts import FACES, face_for
from summit_app.export.pdf.pdfops import Ops
from summit_app.export.pdf.styles import MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, PAGE_WIDTH, PALETTE
from summit_app.export.pdf.tagging import PAGINATION_BEGIN, Node, PlainStream, Tagger, artifact, xmp
from summit_app.export.pdf.wrapping import ellipsized

DRAFT_MARK = "DRAFT — not for signature"
HEADER_Y = PAGE_HEIGHT - 0.58 * 72
FOOTER_Y = 0.52 * 72
LANGUAGE = "en-US"


@dataclass(frozen=True)
class Furniture:
    """What every page shows besides its content."""

    district: str
    plan_title: str  # e.g. "Technology Plan FY2027–FY2031"
    short_fingerprint: str
    draft: bool
    pdf_date: str  # the document's date in PDF form, D:YYYYMMDDHHmmSS+00'00'


@dataclass(frozen=True)
class NumberSlot:
    """Where the contents page prints the page a section starts on, and the line that links to it."""

    page: int
    key: str
    title: str
    right: float  # where the number ends, in the contents flowable's own space (it is painted there)
    baseline: float
    size: float
    rect: tuple[float, float, float, float]  # the link's area, in page space
    link: Node  # the contents entry's Link element
    at: int  # where in the page's content the number goes (painted in reading order)


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points, ending in "…" when cut (the full text prints elsewhere)."""
    return ellipsized(" ".join(text.split()), font, size, width)


def iso_date(pdf_date: str) -> str:
    """``D:20260514093000+00'00'`` as ``2026-05-14T09:30:00+00:00`` (XMP's form of the same moment)."""
    d = pdf_date[2:]
    return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}+00:00"


class HeldPagesCanvas(Canvas):
    """Holds pages back until ``save()``, when the page count is known ("Page n of N").

    Subclasses draw each page's furniture in ``draw_furniture(total)``; the PDF's
    creation and modification dates are ``pdf_date``, never the clock.
    """

    def __init__(self, *args: Any, pdf_date: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held_pages: list[dict[str, Any]] = []
        self.pdf_date = pdf_date
        self.tags = Tagger()
        self.bookmarks: list[tuple[str, float]] = []  # (key, top) of the headings on this page
        self.setDateFormatter(lambda *_: pdf_date)

    def note_bookmark(self, key: str, top: float) -> None:
        """A destination at ``top`` (page space) on the current page, made when the page is written."""
        self.bookmarks.append((key, top))

    def showPage(self) -> None:
        self.held_pages.append(dict(self.__dict__))
        self._startPage()
        self.bookmarks = []

    def save(self) -> None:
        total = len(self.held_pages)
        for state in self.held_pages:
            self.__dict__.update(state)
            self.draw_furniture(total)
            for key, top in self.bookmarks:
                self.bookmarkHorizontalAbsolute(key, top)
            super().showPage()
            self.finish_page(self._doc.Pages.pages[-1], state["_pageNumber"])
        self.finish_document(total)
        super().save()

    def draw_furniture(self, total: int) -> None:
        """Draw the current page's header and footer; ``total`` is the number of pages."""

    def finish_page(self, page: PDFPage, number: int) -> None:
        """Add what the document needs to page ``number``'s object (a tagged document: its keys)."""

    def finish_document(self, total: int) -> None:
        """Add what the document needs to the catalog once every page is written."""


class TaggedCanvas(HeldPagesCanvas):
    """A held-pages canvas whose document is tagged (PDF/UA-1): every page's content is marked and
    the structure tree, MarkInfo, language and XMP metadata are written with the document."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # PDF/UA-1 builds on PDF 1.7 (ISO 32000-1); /Tabs, for one, is PDF 1.5. reportlab says 1.4 by default.
        super().__init__(*args, pdfVersion=(1, 7), **kwargs)

    def finish_page(self, page: PDFPage, number: int) -> None:
        _tagged_page(page, number)

    def finish_document(self, total: int) -> None:
        """The catalog entries of a tagged PDF: structure tree, MarkInfo, XMP metadata, open outline."""
        doc = self._doc
        catalog = doc.Catalog
        catalog.StructTreeRoot = self.tags.write(doc, total)
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})
        catalog.Lang = PDFString(LANGUAGE)
        info = doc.info
        metadata = xmp(info.title, info.author, info.subject, info.keywords, info.creator, info.producer,
                       iso_date(self.pdf_date), LANGUAGE)
        catalog.Metadata = PlainStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                                       metadata)
        catalog.setPageMode("UseOutlines")  # the bookmarks open beside the pages


def _tagged_page(page: PDFPage, number: int) -> None:
    """A page's entries for the structure tree: its key in the parent tree, and tab order by structure."""
    page.__NoDefault__ = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]
    page.StructParents = number - 1
    page.Tabs = PDFName("S")


class PlanCanvas(TaggedCanvas):
    """The plan PDF's canvas: running header, footer with the fingerprint, contents page numbers."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, pdf_date=furniture.pdf_date, **kwargs)
        self.furniture = furniture
        self.section_pages: dict[str, int] = {}
        self.number_slots: list[NumberSlot] = []

    def note_section(self, key: str) -> None:
        """Record that section ``key`` starts on the current page (a heading calls this when drawn)."""
        self.section_pages.setdefault(key, self.getPageNumber())

    def add_number_slot(self, key: str, title: str, right: float, baseline: float, size: float,
                        rect: tuple[float, float, float, float], link: Node) -> None:
        x0, y0 = self.absolutePosition(rect[0], rect[1])
        x1, y1 = self.absolutePosition(rect[2], rect[3])
        self._code.append("")  # filled in at save time, so the number is painted where it is read
        self.number_slots.append(NumberSlot(self.getPageNumber(), key, title, right, baseline, size,
                                            (x0, y0, x1, y1), link, len(self._code) - 1))

    # --- what each page shows ------------------------------------------------------------

    def draw_furniture(self, total: int) -> None:
        page = self.getPageNumber()
        with artifact(self, PAGINATION_BEGIN):
            ops = Ops(self)
            if page > 1:
                self._draw_header(ops)
            self._draw_footer(ops, page, total)
            ops.flush()
        self._draw_numbers(page)

    def _draw_header(self, ops: Ops) -> None:
        f = self.furniture
        room = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - stringWidth(f.plan_title, FACES.regular, 7.8) - 24
        face = face_for(FACES.bold, f.district)
        ops.show(MARGIN_LEFT, HEADER_Y, fit_line(f.district, face, 7.8, room), face, 7.8, PALETTE.accent)
        ops.show_right(PAGE_WIDTH - MARGIN_RIGHT, HEADER_Y, f.plan_title, FACES.regular, 7.8, PALETTE.muted)
        ops.hline(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, HEADER_Y - 6, 0.5, PALETTE.rule)

    def _draw_footer(self, ops: Ops, page: int, total: int) -> None:
        f = self.furniture
        ops.hline(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y + 11, 0.5, PALETTE.rule)
        ops.show(MARGIN_LEFT, FOOTER_Y, f"Plan fingerprint {f.short_fingerprint}", FACES.regular, 7.5, PALETTE.muted)
        ops.show_right(PAGE_WIDTH - MARGIN_RIGHT, FOOTER_Y, f"Page {page} of {total}", FACES.regular, 7.5,
                       PALETTE.ink)
        if f.draft:
            ops.show_centred(PAGE_WIDTH / 2, FOOTER_Y, DRAFT_MARK, FACES.bold, 7.5, PALETTE.danger)

    def _draw_numbers(self, page: int) -> None:
        """Each contents entry's page number, and its link with a description ("Budget, page 18")."""
        for slot in self.number_slots:
            if slot.page != page or slot.key not in self.section_pages:
                continue
            target = self.section_pages[slot.key]
            ops = Ops(self)
            ops.show_right(slot.right, slot.baseline, str(target), FACES.regular, slot.size, PALETTE.ink)
            self._code[slot.at] = "\n".join((self.tags.begin(page, slot.link), ops.block(), "EMC"))
            self._link(slot, f"{slot.title}, page {target}")

    def _link(self, slot: NumberSlot, description: str) -> None:
        name = f"contents-{slot.key}"
        key = self.tags.note_annotation(slot.page, self._doc.annotationName(name), slot.link)
        annotation = PDFDictionary({
            "Type": PDFName("Annot"), "Subtype": PDFName("Link"), "Rect": PDFArray(list(slot.rect)),
            "Border": PDFArray([0, 0, 0]), "Contents": PDFString(description), "F": 4,
            "Dest": self._bookmarkReference(slot.key), "StructParent": key})
        self._doc.addAnnotation(name, annotation)
        self._annotatePage(name)
