"""Every chart's figures are available as text to assistive technology."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from summit_app.ui.panes.readiness.dot_plot import DotPlot
from summit_app.ui.panes.readiness.radar import RadarChart


def test_the_spread_of_ratings_reads_as_names_and_scores(qtbot: QtBot) -> None:
    plot = DotPlot()
    qtbot.addWidget(plot)
    assert plot.accessibleName() == "Spread of the silent ratings"
    plot.set_dots([("Ana Ruiz", 6), ("Ben Oduya", 8)], 7)
    assert plot.accessibleDescription() == "Ana Ruiz 6, Ben Oduya 8; consensus 7"
    plot.set_dots([("Ana Ruiz", 6)], None)
    assert plot.accessibleDescription() == "Ana Ruiz 6; no consensus yet"
    plot.set_dots([], None)
    assert plot.accessibleDescription() == "No ratings yet"


def test_the_radar_reads_as_each_gears_score(qtbot: QtBot) -> None:
    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.set_axes([("Robust Infrastructure", 6.5), ("Data and Privacy", None)])
    description = radar.accessibleDescription()
    assert description.startswith("Robust Infrastructure: 6.5")
    assert "Data and Privacy: " in description
