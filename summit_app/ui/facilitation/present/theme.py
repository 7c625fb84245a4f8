"""The projector's look: large type sized to the screen, black on white, nothing faint.

Body text is 26 px on a 1080-line screen and grows or shrinks with the screen's
height (never under 16 px), so the same share of the wall carries each line
whatever the projector. Colours keep a contrast of at least 7:1 (WCAG AAA):
no grey text, no pale fills, thick focus and selection marks.
"""

from __future__ import annotations

#: Body text on a 1080-line screen, in pixels; the smallest on any screen.
BODY_PX_AT_1080 = 26
MIN_BODY_PX = 16

INK = "#000000"
PAPER = "#ffffff"
ACCENT = "#0a3a7a"  # 11.6:1 on white
WARN_INK, WARN_PAPER = "#000000", "#ffc940"  # the last minute
OVER_INK, OVER_PAPER = "#ffffff", "#a4000f"  # time is up, 8.3:1
LINE = "#000000"
ZEBRA = "#eef2f7"

_STYLE = """
QWidget {{ font-size: {body}px; color: {ink}; }}
QWidget#presentStage, QWidget#presentBody, QScrollArea, QScrollArea > QWidget > QWidget,
QWidget#paneBody, QStackedWidget {{ background: {paper}; }}
QLabel#presentTitle {{ font-size: {title}px; font-weight: 700; color: {accent}; }}
QLabel#presentDistrict {{ font-size: {body}px; font-weight: 600; }}
QLabel#paneTitle {{ font-size: {title}px; font-weight: 700; color: {accent}; }}
QLabel#sectionTitle {{ font-size: {heading}px; font-weight: 700; margin-top: {pad}px; }}
QLabel#totalFigure, QLabel#okFigure {{ font-size: {heading}px; font-weight: 700; }}
QLabel#gapFigure {{ font-size: {heading}px; font-weight: 700; color: {over_ink}; background: {over_paper};
    border-radius: 6px; padding: 2px 10px; }}
QLabel#muted {{ color: {ink}; }}
QFrame#guidance {{ background: {paper}; border: 3px solid {accent}; border-radius: 12px; padding: {pad}px; }}
QFrame#guidance QLabel {{ color: {ink}; }}
QFrame#revealPanel {{ background: {paper}; border: 3px solid {accent}; border-radius: 12px; }}
QTableView, QTreeView, QListWidget {{
    background: {paper}; alternate-background-color: {zebra}; gridline-color: {line};
    border: 2px solid {line}; selection-background-color: {accent}; selection-color: {paper};
}}
QHeaderView::section {{ background: {accent}; color: {paper}; font-weight: 700; border: none;
    border-right: 1px solid {paper}; padding: 4px 8px; }}
QLineEdit, QPlainTextEdit, QSpinBox, QComboBox {{
    background: {paper}; color: {ink}; border: 2px solid {line}; border-radius: 6px; padding: 4px 8px;
}}
QLineEdit:read-only, QPlainTextEdit:read-only {{ background: {paper}; color: {ink}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button, QComboBox::drop-down {{
    width: 0px; border: none; }}
QPushButton {{ background: {paper}; color: {ink}; border: 2px solid {ink}; border-radius: 8px; padding: 6px 18px; }}
QPushButton:checked {{ background: {accent}; color: {paper}; border-color: {accent}; }}
QPushButton:focus {{ border: 4px solid {accent}; }}
QPushButton#primary {{ background: {accent}; color: {paper}; border: 2px solid {accent}; font-weight: 700; }}
QCheckBox {{ spacing: 10px; }}
"""


_TIMER = """
QLabel#timer {{ font-size: {timer}px; font-weight: 700; color: {ink}; background: {paper};
    border: 3px solid {ink}; border-radius: 12px; padding: 2px 18px; }}
QLabel#timer[phase="warning"] {{ color: {warn_ink}; background: {warn_paper}; }}
QLabel#timer[phase="over"] {{ color: {over_ink}; background: {over_paper}; border-color: {over_paper}; }}
"""


def timer_stylesheet(px: int) -> str:
    """The clock's look at ``px`` pixels: amber in the last minute, red when time is up."""
    return _TIMER.format(timer=px, ink=INK, paper=PAPER, warn_ink=WARN_INK, warn_paper=WARN_PAPER,
                         over_ink=OVER_INK, over_paper=OVER_PAPER)


def body_px(screen_height: int) -> int:
    """Body text size for a screen ``screen_height`` logical pixels high."""
    return max(MIN_BODY_PX, round(BODY_PX_AT_1080 * screen_height / 1080))


def stylesheet(body: int) -> str:
    """The present-mode stylesheet for body text of ``body`` pixels (set on the stage's top widget)."""
    return _STYLE.format(
        body=body, title=round(body * 1.6), heading=round(body * 1.25), pad=round(body * 0.4), ink=INK,
        paper=PAPER, accent=ACCENT, line=LINE, zebra=ZEBRA, over_ink=OVER_INK, over_paper=OVER_PAPER,
    ) + timer_stylesheet(round(body * 1.9))
