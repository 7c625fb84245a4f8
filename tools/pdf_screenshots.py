"""Render pages of the plan PDF to PNG for the docs: the cover, the contents and a page of every section.

``render_pdf_pages(pdf_path, out_dir)`` writes pdf-cover.png, pdf-contents.png, one
pdf-<section>.png per section and pdf-signature.png with poppler's pdftoppm. Run on its own
(``tools/pdf_screenshots.py OUT_FOLDER``) it first exports the demo plan's PDF.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summit_app.export.pdf import write_pdf  # noqa: E402
from summit_app.plan.samples import demo_plan  # noqa: E402

RESOLUTION = 100
#: Output name, and a phrase only that page carries (None: the first page).
PAGES = (
    ("pdf-cover.png", None),
    ("pdf-contents.png", "ABOUT THIS COPY"),
    ("pdf-summary.png", "TOTAL INVESTMENT"),
    ("pdf-district.png", "Leadership team ("),
    ("pdf-readiness.png", "Scores are the team's agreed ratings"),
    ("pdf-vision.png", "Goals ("),
    ("pdf-learning.png", "participant-hours in all"),
    ("pdf-privacy.png", "App and vendor inventory"),
    ("pdf-infrastructure.png", "Device fleet"),
    ("pdf-access.png", "What the budget holds for home access"),
    ("pdf-budget.png", "Planned cost and funding by year"),
    ("pdf-budget-goals.png", "Planned cost by goal"),
    ("pdf-budget-erate.png", "Total cost of ownership"),
    ("pdf-timeline.png", "How the board will know each goal is met"),
    ("pdf-community.png", "Lighthouse schools ("),
    ("pdf-findings.png", "Appendix A: Open and accepted findings"),
    ("pdf-signature.png", "PLAN FINGERPRINT"),
)


def _page_texts(pdf_path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8").split("\f")


def _page_of(texts: list[str], phrase: str | None) -> int:
    """The 1-based number of the last page showing ``phrase`` (the contents page names sections too)."""
    if phrase is None:
        return 1
    found = [i for i, text in enumerate(texts, start=1) if phrase in text]
    if not found:
        raise ValueError(f"no page of the PDF shows {phrase!r}")
    return found[-1]


def render_pdf_pages(pdf_path: Path | str, out_dir: Path | str) -> list[Path]:
    """Render the pages named in PAGES of ``pdf_path`` into ``out_dir``."""
    pdf_path, out_dir = Path(pdf_path), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = _page_texts(pdf_path)
    written = []
    for name, phrase in PAGES:
        page = _page_of(texts, phrase)
        target = out_dir / name
        subprocess.run(["pdftoppm", "-r", str(RESOLUTION), "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(pdf_path), str(target.with_suffix(""))], check=True)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0] if argv else "docs/screenshots")
    with tempfile.TemporaryDirectory(prefix="summit-pdf-") as folder:
        pdf = Path(folder) / "demo.pdf"
        write_pdf(demo_plan(), pdf)
        for path in render_pdf_pages(pdf, out_dir):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
