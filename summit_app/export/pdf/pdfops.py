"""Content-stream operators for the hot path: thousands of short text runs, rules and fills.

A 1,000-line budget draws some 25,000 cell lines. reportlab's text object
re-measures every string and formats every number through a general routine,
which alone took most of an export. This writer emits the same operators
directly, using the font API reportlab documents for embedded TrueType subsets
(``font.splitString`` / ``font.getSubsetInternalName``) and its PDF string
escaping, inside ``q … Q`` so the canvas's own graphics state is untouched.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def _rgb(color: Color) -> str:
    return f"{color.red:.3f} {color.green:.3f} {color.blue:.3f}"


class Ops:
    """Collects operators for one drawing, then writes them to the canvas as one block."""

    def __init__(self, canv: Any) -> None:
        self.canv = canv
        self.doc = canv._doc  # the document the font subsets belong to (reportlab's documented need)
        # Encoded runs per (font, text) for this document: tables repeat many values.
        self.runs: dict[tuple[str, str], list[tuple[str, str]]] = canv.__dict__.setdefault("encoded_runs", {})
        self.graphics: list[str] = []
        self.text: list[str] = []
        self._font: tuple[str, float] = ("", 0.0)
        self._fill: Color | None = None

    def fill_rect(self, x: float, y: float, width: float, height: float, color: Color) -> None:
        self.graphics.append(f"{_rgb(color)} rg {_num(x)} {_num(y)} {_num(width)} {_num(height)} re f")

    def hline(self, x1: float, x2: float, y: float, width: float, color: Color) -> None:
        self.graphics.append(f"{_rgb(color)} RG {_num(width)} w {_num(x1)} {_num(y)} m {_num(x2)} {_num(y)} l S")

    def show(self, x: float, y: float, text: str, font_name: str, size: float, color: Color) -> None:
        """Text at (x, y), drawn literally: it is encoded and escaped, never interpreted."""
        if color is not self._fill:  # the palette's colours are shared objects; identity is enough
            self._fill = color
            self.text.append(f"{_rgb(color)} rg")
        self.text.append(f"1 0 0 1 {_num(x)} {_num(y)} Tm")
        for subset_name, chunk in self._encoded(text, font_name):
            if (subset_name, size) != self._font:
                self._font = (subset_name, size)
                self.text.append(f"{subset_name} {_num(size)} Tf")
            self.text.append(f"({chunk}) Tj")

    def _encoded(self, text: str, font_name: str) -> list[tuple[str, str]]:
        """``text`` as (font subset name, escaped PDF string) runs."""
        key = (font_name, text)
        if key not in self.runs:
            font = getFont(font_name)
            self.runs[key] = [(font.getSubsetInternalName(subset, self.doc), escapePDF(chunk))
                              for subset, chunk in font.splitString(text, self.doc)]
        return self.runs[key]

    def show_right(self, right: float, y: float, text: str, font_name: str, size: float, color: Color) -> None:
        self.show(right - stringWidth(text, font_name, size), y, text, font_name, size, color)

    def show_centred(self, centre: float, y: float, text: str, font_name: str, size: float, color: Color) -> None:
        self.show(centre - stringWidth(text, font_name, size) / 2, y, text, font_name, size, color)

    def mark(self, begin: str) -> None:
        """Open a marked-content sequence around the text that follows (closed by :meth:`end_mark`)."""
        self.text.append(begin)

    def end_mark(self) -> None:
        self.text.append("EMC")

    def block(self) -> str:
        """What was collected, as one block of operators (and the collection emptied)."""
        block = ["q", "/Artifact BMC", *self.graphics, "EMC"] if self.graphics else ["q"]
        if self.text:
            block += ["BT", *self.text, "ET"]
        self.graphics, self.text = [], []
        self._font, self._fill = ("", 0.0), None
        return "\n".join([*block, "Q"])

    def flush(self) -> None:
        """Write what was collected: fills and rules first (an artifact: they carry no content), text over them."""
        self.canv.addLiteral(self.block())
