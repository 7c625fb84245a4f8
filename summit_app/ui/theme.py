"""The look of the app: a calm, professional stylesheet with large readable type.

Sizes are in points and scale with the zoom factor (Ctrl+= / Ctrl+- / Ctrl+0),
so the whole interface grows together when the plan is projected for a room.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINTS = 11.0
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)

INK = "#1f2a37"
MUTED = "#5b6675"
ACCENT = "#1d5fa8"
ACCENT_SOFT = "#e8f0fa"
PAPER = "#f7f8fa"
LINE = "#d5dbe3"
DANGER = "#b42318"
DANGER_SOFT = "#fde8e7"
GOOD = "#1c7c4a"

_STYLE = """
QMainWindow, QWidget#workspace, QWidget#paneBody {{ background: {paper}; }}
QWidget {{ color: {ink}; }}
QFrame#guidance {{
    background: {accent_soft}; border: 1px solid #c9dbf0; border-radius: 10px;
    padding: {pad}px;
}}
QFrame#guidance QLabel {{ color: {ink}; }}
QLabel#paneTitle {{ font-size: {title}pt; font-weight: 600; color: {accent}; }}
QLabel#sectionTitle {{ font-size: {heading}pt; font-weight: 600; margin-top: {pad}px; }}
QLabel#welcomeTitle {{ font-size: {hero}pt; font-weight: 600; color: {accent}; }}
QLabel#muted {{ color: {muted}; }}
QLabel#totalFigure {{ font-size: {heading}pt; font-weight: 600; }}
QLabel#gapFigure {{
    font-size: {heading}pt; font-weight: 700; color: {danger};
    background: {danger_soft}; border: 1px solid {danger}; border-radius: 6px; padding: 2px 8px;
}}
QLabel#okFigure {{ font-size: {heading}pt; font-weight: 600; color: {good}; }}
QLabel#readOnlyBadge {{
    color: white; background: {danger}; border-radius: 6px; padding: 2px 10px; font-weight: 600;
}}
QListWidget#navigator {{
    background: white; border: none; border-right: 1px solid {line}; outline: 0;
    font-size: {nav}pt;
}}
QListWidget#navigator::item {{ padding: {pad}px {pad}px; border-radius: 6px; margin: 2px 6px; }}
QListWidget#navigator::item:selected {{ background: {accent}; color: white; }}
QListWidget#navigator::item:hover:!selected {{ background: {accent_soft}; }}
QTableView {{
    background: white; alternate-background-color: #f3f6fa; gridline-color: {line};
    border: 1px solid {line}; border-radius: 6px; selection-background-color: {accent};
    selection-color: white;
}}
QHeaderView::section {{
    background: #eef1f5; color: {ink}; border: none; border-bottom: 1px solid {line};
    border-right: 1px solid {line}; padding: 4px 6px; font-weight: 600;
}}
QLineEdit, QPlainTextEdit, QListWidget {{
    background: white; border: 1px solid {line}; border-radius: 5px; padding: 3px 5px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTableView:focus, QListWidget:focus {{ border: 2px solid {accent}; }}
QLineEdit:read-only, QPlainTextEdit:read-only {{ background: #f0f2f5; color: {muted}; }}
QPushButton {{
    background: white; border: 1px solid {line}; border-radius: 6px; padding: 5px 14px;
}}
QPushButton:hover {{ background: {accent_soft}; }}
QPushButton:focus {{ border: 2px solid {accent}; }}
QPushButton:disabled {{ color: #a0a8b3; background: #f0f2f5; }}
QPushButton#primary {{ background: {accent}; color: white; border: 1px solid {accent}; font-weight: 600; }}
QStatusBar {{ background: white; border-top: 1px solid {line}; color: {muted}; }}
"""


def stylesheet(zoom: float = 1.0) -> str:
    """The app's stylesheet with every size scaled by ``zoom``."""
    def pt(size: float) -> str:
        return f"{size * zoom:.1f}"
    return _STYLE.format(
        paper=PAPER, ink=INK, muted=MUTED, accent=ACCENT, accent_soft=ACCENT_SOFT, line=LINE,
        danger=DANGER, danger_soft=DANGER_SOFT, good=GOOD, pad=round(6 * zoom),
        title=pt(18), heading=pt(13), hero=pt(24), nav=pt(12.5))


def apply_theme(app: QApplication, zoom: float = 1.0) -> None:
    """Scale the application font and restyle every widget (a zoom step or start-up)."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * zoom)
    app.setFont(font)
    app.setStyleSheet(stylesheet(zoom))


def zoom_in(zoom: float) -> float:
    return next((z for z in ZOOM_STEPS if z > zoom + 1e-6), ZOOM_STEPS[-1])


def zoom_out(zoom: float) -> float:
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-6), ZOOM_STEPS[0])
