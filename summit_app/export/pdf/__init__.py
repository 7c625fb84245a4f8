"""The signable PDF: ``write_pdf(plan, path, progress=None, *, draft=False)`` (see document.py)."""

from summit_app.export.pdf.document import Progress, write_pdf

__all__ = ["Progress", "write_pdf"]
