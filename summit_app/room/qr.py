"""A table's join code as a QR code (segno), for a phone or a laptop's camera to read off the screen."""

from __future__ import annotations

from pathlib import Path

from summit_app.outputs import OutputError, write_outputs
from summit_app.workflows.errors import UsageError

KINDS = {".png": "png", ".svg": "svg"}


def write_qr(text: str, target: str) -> None:
    """Write ``text`` as a QR code to ``target`` (PNG or SVG by its ending), all or nothing."""
    import segno

    kind = KINDS.get(Path(target).suffix.lower())
    if kind is None:
        raise UsageError(target, "a QR code is written as .png or .svg")
    code = segno.make_qr(text, error="m")

    def write(temporary: Path) -> None:
        code.save(str(temporary), kind=kind, scale=8, border=4)

    try:
        write_outputs([(target, write)])
    except OutputError as exc:
        raise UsageError(exc.what, exc.why) from None


def qr_png(text: str, scale: int = 8) -> bytes:
    """``text`` as a QR code in PNG bytes, for a window to show (the same code ``write_qr`` writes)."""
    import io

    import segno

    out = io.BytesIO()
    segno.make_qr(text, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
