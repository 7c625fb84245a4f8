"""The look of the app: a calm, professional palette with large readable type.

Sizes are in points and scale with the zoom factor (Ctrl+= / Ctrl+- / Ctrl+0),
so the whole interface grows together when the plan is projected for a room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QWidget

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

#: The few widgets that stand out, by role (their object name): each carries its own small style
#: sheet. An application-wide style sheet would put every widget of every pane through Qt's
#: style-sheet engine, which made showing a plan a third slower; everything else takes the
#: palette below and the Fusion style.
_ROLES = {
    "guidance": """
        QFrame#guidance {{ background: {accent_soft}; border: 1px solid #c9dbf0; border-radius: 10px;
                          padding: {pad}px; }}
        QLabel {{ background: transparent; color: {ink}; }}""",
    "paneTitle": "QLabel {{ font-size: {title}pt; font-weight: 600; color: {accent}; }}",
    "sectionTitle": "QLabel {{ font-size: {heading}pt; font-weight: 600; margin-top: {pad}px; }}",
    "welcomeTitle": "QLabel {{ font-size: {hero}pt; font-weight: 600; color: {accent}; }}",
    "muted": "QLabel {{ color: {muted}; }}",
    "totalFigure": "QLabel {{ font-size: {heading}pt; font-weight: 600; }}",
    "okFigure": "QLabel {{ font-size: {heading}pt; font-weight: 600; color: {good}; }}",
    "gapFigure": """
        QLabel {{ font-size: {heading}pt; font-weight: 700; color: {danger}; background: {danger_soft};
                 border: 1px solid {danger}; border-radius: 6px; padding: 2px 8px; }}""",
    "readOnlyBadge": """
        QLabel {{ color: white; background: {danger}; border-radius: 6px; padding: 2px 10px; font-weight: 600; }}""",
    "primary": """
        QPushButton {{ background: {accent}; color: white; border: 1px solid {accent}; border-radius: 6px;
                      padding: 3px 12px; font-weight: 600; }}
        QPushButton:hover {{ background: #174d8a; }}
        QPushButton:focus {{ border: 2px solid #0f3f75; }}
        QPushButton:disabled {{ color: #e3e8ef; background: #8aa9cc; border-color: #8aa9cc; }}""",
    "navigator": """
        QListWidget#navigator {{ background: white; border: none; border-right: 1px solid {line}; outline: 0;
                                font-size: {nav}pt; }}
        QListWidget#navigator::item {{ padding: {pad}px {pad}px; border-radius: 6px; margin: 2px 6px; color: {ink}; }}
        QListWidget#navigator::item:selected {{ background: {accent}; color: white; }}
        QListWidget#navigator::item:focus {{ border: 3px solid {ink}; }}
        QListWidget#navigator::item:hover:!selected {{ background: {accent_soft}; }}""",
    "statusBar": "QStatusBar {{ background: white; border-top: 1px solid {line}; color: {muted}; }}",
}
#: The look of an editor whose plan is open read-only.
READ_ONLY_BASE = "#f0f2f5"

_zoom = 1.0


def _role_sheet(role: str, zoom: float) -> str:
    def pt(size: float) -> str:
        return f"{size * zoom:.1f}"
    return _ROLES[role].format(
        ink=INK, muted=MUTED, accent=ACCENT, accent_soft=ACCENT_SOFT, line=LINE, danger=DANGER,
        danger_soft=DANGER_SOFT, good=GOOD, pad=round(6 * zoom),
        title=pt(18), heading=pt(13), hero=pt(24), nav=pt(12.5))


def mark(widget: QWidget, role: str) -> None:
    """Give ``widget`` the look of ``role`` (also its object name, which tests and tools find it by)."""
    widget.setObjectName(role)
    widget.setStyleSheet(_role_sheet(role, _zoom))


def unmark(root: QWidget) -> None:
    """Take the role looks off ``root`` and everything in it (present mode's own style sheet takes over)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() in _ROLES:
            widget.setStyleSheet("")


def show_read_only(widget: QWidget, read_only: bool) -> None:
    """Grey an editor the user cannot change (the plan is open read-only), or give it its colours back."""
    greyed = widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
    if read_only and not greyed:
        palette = QPalette(widget.palette())
        palette.setColor(QPalette.ColorRole.Base, QColor(READ_ONLY_BASE))
        palette.setColor(QPalette.ColorRole.Text, QColor(MUTED))
        widget.setPalette(palette)
    elif greyed and not read_only:
        widget.setPalette(QPalette())  # the application's again


def bold_titles(header: QHeaderView) -> None:
    """Column titles in bold; their size still follows the zoom (only the weight is set)."""
    bold = QFont()
    bold.setBold(True)
    header.setFont(bold)


def table_look(view: QTableView) -> None:
    """Rows with room around the text and bold column titles."""
    bold_titles(view.horizontalHeader())
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)


def palette() -> QPalette:
    """Ink on paper, white fields, the accent for selection and focus."""
    colours = QPalette(QColor("white"), QColor(PAPER))  # button, window: Qt derives the shades
    role = QPalette.ColorRole
    for which, colour in ((role.WindowText, INK), (role.Text, INK), (role.ButtonText, INK), (role.Base, "white"),
                          (role.AlternateBase, "#f3f6fa"), (role.Highlight, ACCENT),
                          (role.HighlightedText, "white"), (role.ToolTipBase, "white"), (role.ToolTipText, INK),
                          (role.PlaceholderText, MUTED), (role.Link, ACCENT), (role.Mid, LINE)):
        colours.setColor(which, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText):
        colours.setColor(disabled, which, QColor("#a0a8b3"))
    return colours


def apply_theme(app: QApplication, zoom: float = 1.0) -> None:
    """Scale the application font and every role's look (a zoom step, or start-up)."""
    global _zoom
    _zoom = zoom
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * zoom)
    app.setFont(font)
    app.setPalette(palette())
    for widget in app.allWidgets():
        role = widget.objectName()
        if role in _ROLES and widget.styleSheet():
            widget.setStyleSheet(_role_sheet(role, zoom))


def zoom_in(zoom: float) -> float:
    return next((z for z in ZOOM_STEPS if z > zoom + 1e-6), ZOOM_STEPS[-1])


def zoom_out(zoom: float) -> float:
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-6), ZOOM_STEPS[0])
