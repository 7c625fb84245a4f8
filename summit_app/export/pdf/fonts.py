"""The PDF's typeface: DejaVu Sans, shipped in ``resources/fonts`` and embedded in every PDF.

reportlab's built-in fonts (Helvetica…) are not embedded and cover Latin only;
anything else prints as black boxes with no error. DejaVu Sans covers Latin
(with Vietnamese), Greek and Cyrillic. It has no CJK glyphs and reportlab does
not shape Arabic or Indic scripts (see docs/exports.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


#: A ToUnicode entry sending a code to U+0000: reportlab's first subset of each font keeps codes 0–31
#: free for other characters and maps the ones left unused to 0, which text extraction and PDF/UA
#: checkers read as a NUL character in the text.
_TO_NUL = re.compile(r"^<[0-9A-F]{2}> <0000>$")
#: A bfchar block may hold at most 100 entries (PDF 32000-1, 9.10.3); reportlab writes up to 256 in one.
_BLOCK = 100


def clean_to_unicode(cmap: str) -> str:
    """The ToUnicode CMap without entries for unused codes, its mappings in blocks of at most 100."""
    lines = cmap.split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar"))
    end = lines.index("endbfchar", start)
    pairs = [line for line in lines[start + 1:end] if not _TO_NUL.match(line)]
    blocks: list[str] = []
    for i in range(0, len(pairs), _BLOCK):
        chunk = pairs[i:i + _BLOCK]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([*lines[:start], *blocks, *lines[end + 1:]])


class SubsetFont(TTFont):
    """An embedded TrueType font whose subsets map every code they use to its real character."""

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        face = self.face.name.decode("latin-1") if isinstance(self.face.name, bytes) else str(self.face.name)
        for name, obj in doc.idToObject.items():
            if name.startswith("toUnicodeCMap:") and name.endswith("+" + face) and not getattr(obj, "cleaned", 0):
                obj.content = clean_to_unicode(obj.content)
                obj.cleaned = 1


@lru_cache(maxsize=8)
def _glyphs(font_name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def covers(font_name: str, text: str) -> bool:
    """Whether ``font_name`` has a glyph for every character of ``text`` (ASCII always)."""
    if text.isascii():
        return True
    glyphs = _glyphs(font_name)
    return all(ord(c) in glyphs for c in set(text) if c > "\x7f")


def face_for(font_name: str, text: str) -> str:
    """``font_name``, or the regular face when that lacks a character of ``text``.

    The bold and oblique faces of DejaVu Sans have no Armenian, Georgian, Hebrew or Arabic
    letters (the regular face has): set in them, such text would print as empty boxes.
    """
    return font_name if covers(font_name, text) else FACES.regular


#: Characters beyond ASCII, in runs (markup characters are ASCII, so a run never holds a tag).
_WIDE_RUN = re.compile(r"[^\x00-\x7f]+")


def with_fallback(markup: str, font_name: str) -> str:
    """Paragraph markup whose runs of characters ``font_name`` lacks are set in the regular face."""
    if covers(font_name, markup):
        return markup
    glyphs = _glyphs(font_name)

    def run(match: re.Match[str]) -> str:
        text = match.group(0)
        return text if all(ord(c) in glyphs for c in text) else f'<font face="{FACES.regular}">{text}</font>'

    return _WIDE_RUN.sub(run, markup)


def register_fonts() -> Faces:
    """Register the faces and the family with reportlab (once per process; reportlab's registry is global)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(SubsetFont(name, str(resource_path("fonts", file_name))))
    # The family makes <b> and <i> in the app's own markup pick these faces, not Helvetica.
    pdfmetrics.registerFontFamily(FACES.regular, normal=FACES.regular, bold=FACES.bold,
                                  italic=FACES.italic, boldItalic=FACES.bold_italic)
    return FACES
