"""User text made inert and storable for the workbook.

Whatever a team typed at a summit table reaches a cell as a string, never as a
formula, and only in a form every spreadsheet reads back unchanged. The
documented changes (docs/exports.md, "Text in the workbook") are exactly these:

- characters XML 1.0 cannot hold (control characters other than tab and
  newline, U+FFFE, U+FFFF, lone surrogates) are removed;
- line ends become a single newline (Excel's own in-cell line break);
- text longer than Excel's cell limit is cut, ending with :data:`CUT_MARKER`.

Two encodings do not change what people see: text starting with ``= + - @``,
a tab or a line end gets Excel's hidden quote prefix (see
:func:`needs_quote_prefix`), and a literal ``_xHHHH_`` is stored with OOXML's
own escape so Excel does not read it as an escaped character.
"""

from __future__ import annotations

import re

#: Excel's limit on the characters in one cell (counted in UTF-16 code units).
CELL_LIMIT = 32_767
#: Ends a cell whose text was cut at :data:`CELL_LIMIT`.
CUT_MARKER = " […text cut: over Excel's 32,767-character cell limit]"
#: Excel's limit on a sheet name.
SHEET_TITLE_LIMIT = 31
#: Header and footer sections share 255 characters; a district name gets this much.
HEADER_TEXT_LIMIT = 80
#: The colour of printed headers and footers (RGB).
HEADER_COLOR = "595959"

#: Characters outside XML 1.0's ``Char`` production (tab and newline are allowed; CR is
#: handled with line ends first). Lone surrogates are listed because Python strings can hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?")
#: A literal that OOXML readers would decode as an escaped character.
_OOXML_ESCAPE_LOOKALIKE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
#: The leading characters that make a spreadsheet treat typed text as a formula or command.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def xml_legal(text: str) -> str:
    """``text`` with line ends unified and every character XML 1.0 cannot hold removed."""
    return _NOT_XML.sub("", _LINE_ENDS.sub("\n", text))


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> str:
    """The longest prefix of ``text`` within ``limit`` UTF-16 units (never half a character)."""
    prefix = text[:limit]
    while (excess := _utf16_length(prefix) - limit) > 0:
        prefix = prefix[: len(prefix) - max(1, excess // 2)]
    return prefix


def within_cell_limit(text: str) -> str:
    """``text``, or its beginning and :data:`CUT_MARKER` if it exceeds Excel's cell limit."""
    if len(text) <= CELL_LIMIT // 2 or _utf16_length(text) <= CELL_LIMIT:
        return text
    return _cut(text, CELL_LIMIT - _utf16_length(CUT_MARKER)) + CUT_MARKER


def cell_text(text: str) -> str:
    """The text a cell shows for user text ``text`` (the documented changes applied)."""
    return within_cell_limit(xml_legal(text))


def stored_text(shown: str) -> str:
    """How :func:`cell_text` output is stored so OOXML readers show it unchanged."""
    return _OOXML_ESCAPE_LOOKALIKE.sub("_x005F_", shown)


def needs_quote_prefix(shown: str) -> bool:
    """Whether Excel must keep ``shown`` as text if someone edits the cell (OWASP ASVS 1.2.10)."""
    return shown.startswith(FORMULA_TRIGGERS)


def sheet_title(text: str, fallback: str = "Sheet") -> str:
    """A valid sheet name: no ``[]:*?/\\``, no leading or trailing apostrophe, at most 31 characters."""
    title = _SHEET_TITLE_FORBIDDEN.sub(" ", xml_legal(text).replace("\n", " ")).strip().strip("'").strip()
    title = _cut(title, SHEET_TITLE_LIMIT).strip()
    if title.casefold() == "history":  # Excel reserves this name for its change history
        title = f"{title} sheet"
    return title or fallback


def header_footer_text(text: str, color: str = HEADER_COLOR) -> str:
    """User text for a printed header or footer, stored so it prints as typed.

    One line; ``&`` doubled, so ``&P`` or ``&[Pages]`` in a name is not a page
    code. A literal ``_xHHHH_`` is split by a code that changes nothing (the
    section's own colour, ``color``): Excel decodes such escapes in headers and
    LibreOffice does not, so neither may see one. The header must then be
    written without openpyxl's ``&[…]`` rewriting (page.py).
    """
    line = " ".join(xml_legal(text).split())
    if _utf16_length(line) > HEADER_TEXT_LIMIT:
        line = _cut(line, HEADER_TEXT_LIMIT - 1).rstrip() + "…"
    return _OOXML_ESCAPE_LOOKALIKE.sub(f"_&K{color}", line.replace("&", "&&"))


def property_text(text: str, limit: int = 255) -> str:
    """User text for a document property: XML-legal, one line, bounded."""
    line = " ".join(xml_legal(text).split())
    return _cut(line, limit)
