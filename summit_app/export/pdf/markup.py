"""User text made safe for reportlab: never markup, newlines kept, very long text split.

reportlab's ``Paragraph`` parses its text as markup: ``R&D`` turns into an
entity error, ``<b>`` makes bold, ``x</para>y`` breaks the build and
``<img src='…'/>`` opens a local file. So every string the team typed passes
through :func:`escape` before it reaches a ``Paragraph``; the data tables draw
text literally and never parse it at all (tables.py).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from summit_app.export.pdf.tagged import Para

#: Characters a PDF text string cannot show: C0/C1 controls (not newline), surrogates, non-characters;
#: and soft hyphens, which are invisible but make reportlab measure every prefix of their word at every
#: line break (a pasted 10,000-character note full of them took minutes to lay out).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\ud800-\udfff\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
#: The longest unbroken word printed in full: past this, breaking a word between characters measures
#: it character by character (a 10 MB pasted word took about a minute to lay out), so the rest is
#: left to the plan file and a note says how much was not printed.
MAX_WORD = 20_000
#: The most characters of one field printed (some 60 pages of text); a note says what was left out.
MAX_TEXT = 200_000
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
#: A paragraph longer than this is cut into several (at a line break or space) so no
#: single flowable holds a whole essay; reportlab still splits each across pages.
CHUNK = 4000


def clean(text: str) -> str:
    """The text as it will print: line ends unified, tabs as spaces, unprintable characters dropped,
    and a very long text or word cut short with a note saying so (see MAX_TEXT and MAX_WORD)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _capped(_UNPRINTABLE.sub("", text))


def left_out(n: int, what: str) -> str:
    """The note printed where text was cut short."""
    return f" [… {n:,} more characters of this {what} are not printed; the plan file holds the full text]"


def _capped(text: str) -> str:
    if len(text) > MAX_WORD:
        text = _LONG_WORD.sub(lambda m: m.group(0)[:MAX_WORD] + left_out(len(m.group(0)) - MAX_WORD, "word"), text)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + left_out(len(text) - MAX_TEXT, "text")
    return text


def escape(text: str) -> str:
    """Markup that prints ``text`` literally, each newline a line break."""
    return xml_escape(clean(text)).replace("\n", "<br/>")


def _chunks(text: str, size: int = CHUNK) -> list[str]:
    """``text`` in pieces of at most about ``size`` characters, cut after a newline or space."""
    pieces = []
    while len(text) > size:
        cut = max(text.rfind("\n", 0, size), text.rfind(" ", 0, size))
        cut = cut + 1 if cut > size // 2 else size
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def prose(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """Paragraphs of user text: blank lines separate paragraphs, single newlines break lines."""
    joined = ParagraphStyle(f"{style.name}-joined", parent=style, spaceAfter=0)
    out = []
    for block in _BLANK_LINES.split(clean(text).strip("\n")):
        pieces = [p for p in _chunks(block) if p.strip()]
        out += [Para(escape(p.rstrip("\n")), style if i == len(pieces) - 1 else joined)
                for i, p in enumerate(pieces)]
    return out


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of user text (newlines kept as line breaks)."""
    return Para(escape(text), style)
