"""Line breaking for plain text in a given font: words where they fit, characters where they do not.

Used by the data tables, which draw text literally (no markup) and need each
line's width to right-align numbers.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

Lines = tuple[tuple[str, float], ...]  # (text, width in points)


@lru_cache(maxsize=8192)
def wrap_text(text: str, font: str, size: float, width: float) -> Lines:
    """``text`` broken into lines no wider than ``width``; each newline starts a new line."""
    if not text:
        return ()
    out: list[tuple[str, float]] = []
    for hard_line in text.split("\n"):
        out += _wrap_line(hard_line, font, size, width)
    return tuple(out)


def _wrap_line(line: str, font: str, size: float, width: float) -> list[tuple[str, float]]:
    whole = stringWidth(line, font, size)
    if whole <= width:
        return [(line, whole)]
    space = stringWidth(" ", font, size)
    out: list[tuple[str, float]] = []
    current, used = "", -1.0  # -1: nothing on the line yet
    for word in line.split(" "):
        w = stringWidth(word, font, size)
        if used >= 0 and used + space + w <= width:
            current, used = f"{current} {word}", used + space + w
            continue
        if used >= 0:
            out.append((current, used))
        pieces = _break_word(word, font, size, width) if w > width else [(word, w)]
        out += pieces[:-1]
        current, used = pieces[-1]
    out.append((current, max(used, 0.0)))
    return out


#: Characters a word may break after when it is wider than the line.
BREAK_AFTER = "-–—/"


def _break_word(word: str, font: str, size: float, width: float) -> list[tuple[str, float]]:
    """A word wider than the line: cut after a dash or slash where one fits, else between characters."""
    pieces: list[tuple[str, float]] = []
    start, used = 0, 0.0
    soft = -1  # index just after the last dash or slash on the current piece
    for i, char in enumerate(word):
        w = stringWidth(char, font, size)
        if used + w > width and i > start:
            end = soft if soft > start else i
            pieces.append((word[start:end], stringWidth(word[start:end], font, size)))
            start, soft = end, -1
            used = stringWidth(word[start:i], font, size)
        used += w
        if char in BREAK_AFTER:
            soft = i + 1
    pieces.append((word[start:], used))
    return pieces


#: No glyph that advances the pen is narrower than this share of the font size (DejaVu's narrowest
#: spacing glyphs are about a quarter of an em); a longer text is cut before it is measured.
_NARROWEST = 0.1


def ellipsized(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` points, ending in "…" when cut.

    The cut is found by halving (widths only grow as characters are added):
    cutting one character at a time measured a 10,000-character name 10,000 times.
    """
    longest = int(width / (size * _NARROWEST)) + 1  # more characters than this never fit
    if len(text) <= longest and stringWidth(text, font, size) <= width:
        return text
    text = text[:longest + 1]
    fits, too_long = 0, len(text)  # the longest prefix that fits with its "…" is at least ``fits`` long
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            fits = middle
        else:
            too_long = middle
    return text[:fits].rstrip() + "…"
