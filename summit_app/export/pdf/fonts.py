"""The PDF's typeface: DejaVu Sans, shipped in ``resources/fonts`` and embedded in every PDF.

reportlab's built-in fonts (Helvetica…) are not embedded and cover Latin only;
anything else prints as black boxes with no error. DejaVu Sans covers Latin
(with Vietnamese), Greek and Cyrillic. It has no CJK glyphs and reportlab does
not shape Arabic or Indic scripts (see docs/exports.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from summit_app.resources import resource_path


@dataclass(frozen=True)
class Faces:
    """The registered names of the four faces of the family."""

    regular: str = "SummitSans"
    bold: str = "SummitSans-Bold"
    italic: str = "SummitSans-Oblique"
    bold_italic: str = "SummitSans-BoldOblique"


FACES = Faces()

_FILES = {
    FACES.regular: "DejaVuSans.ttf",
    FACES.bold: "DejaVuSans-Bold.ttf",
    FACES.italic: "DejaVuSans-Oblique.ttf",
    FACES.bold_italic: "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> Faces:
    """Register the faces and the family with reportlab (once per process; reportlab's registry is global)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
    # The family makes <b> and <i> in the app's own markup pick these faces, not Helvetica.
    pdfmetrics.registerFontFamily(FACES.regular, normal=FACES.regular, bold=FACES.bold,
                                  italic=FACES.italic, boldItalic=FACES.bold_italic)
    return FACES
