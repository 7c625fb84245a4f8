"""What a screen reader finds in the app: walks its accessibility tree over AT-SPI, as Orca does.

Run by the system Python (python3-pyatspi), inside a session bus and an X
server (``dbus-run-session -- xvfb-run``): ``atspi_walker.py REPORT.json --
COMMAND...`` starts the app with COMMAND, shows each of the ten steps
(Ctrl+1 … Ctrl+9, then Ctrl+PgDown for the tenth, typed through the X server), and writes what it found:
every problem a screen-reader user would meet on each pane, and the focus
events of a walk with Tab through each pane.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

import pyatspi
from gi.repository import GLib

PANES = 10
#: Roles whose focusable objects must carry a name of their own (cells are named by their text and column).
CELL_ROLES = {"table cell", "list item", "tree item"}
IMAGE_ROLES = {"image", "icon"}
TABLE_ROLES = {"table", "tree table"}
MAX_NODES = 6000
TABS_PER_PANE = 60


def _pump(seconds: float) -> None:
    """Let AT-SPI deliver events for ``seconds``."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.01)


def _find_app(pid: int) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(300):
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            if child is not None and child.get_process_id() == pid:
                return child
        time.sleep(0.1)
    raise SystemExit("the app never appeared on the accessibility bus")


def _describe(acc: Any) -> str:
    try:
        return f"{acc.getRoleName()} {acc.name!r}"
    except Exception:  # the object went away while we looked
        return "(gone)"


def _walk(acc: Any, path: str, found: list[dict[str, Any]]) -> None:
    if len(found) >= MAX_NODES:
        return
    try:
        role, name, states = acc.getRoleName(), acc.name or "", acc.getState()
        description = acc.description or ""
        count = acc.childCount
    except Exception:
        return
    if not states.contains(pyatspi.STATE_SHOWING):
        return
    node = {"path": path, "role": role, "name": name, "description": description,
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE)}
    if role in TABLE_ROLES:
        node["headers"] = _headers(acc)
    found.append(node)
    for index in range(min(count, 400)):
        child = acc.getChildAtIndex(index)
        if child is not None:
            _walk(child, f"{path}/{role}:{name[:40]}", found)


def _headers(acc: Any) -> list[str]:
    try:
        table = acc.queryTable()
    except NotImplementedError:
        return []
    headers = []
    for column in range(table.nColumns):
        header = table.getColumnHeader(column)
        headers.append((header.name if header is not None else "") or table.getColumnDescription(column) or "")
    return headers


def problems(nodes: list[dict[str, Any]]) -> list[str]:
    """What a screen-reader user would trip over among ``nodes``."""
    found = []
    for node in nodes:
        what = f"{node['role']} at {node['path']}"
        if node["focusable"] and not node["name"].strip() and node["role"] not in CELL_ROLES:
            found.append(f"unnamed focusable {what}")
        if node["role"] in IMAGE_ROLES and not (node["name"] or node["description"]).strip():
            found.append(f"image without a description: {what}")
        if node["role"] in TABLE_ROLES and (not node["headers"] or not all(h.strip() for h in node["headers"])):
            found.append(f"table without headers ({node['headers']}): {what} {node['name']!r}")
    return found


class FocusLog:
    """Every object that takes the focus, in order, as ``role 'name'``."""

    def __init__(self) -> None:
        self.events: list[str] = []
        pyatspi.Registry.registerEventListener(self._focused, "object:state-changed:focused")

    def _focused(self, event: Any) -> None:
        if event.detail1:
            self.events.append(_describe(event.source))


def _key(*keys: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)


def _show_step(number: int) -> None:
    """Ctrl+1 … Ctrl+9 show the first nine steps; the tenth is the one after the ninth."""
    _key(f"ctrl+{min(number, 9)}", *(["ctrl+Next"] * (number - 9)))


def _focus_window(pid: int) -> None:
    """Give the app's window the keyboard (there is no window manager to do it)."""
    found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid)],
                           capture_output=True, text=True, check=True, timeout=60)
    for window in found.stdout.split():
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=False, timeout=30)


def _tab_walk(log: FocusLog) -> list[str]:
    """Press Tab until the focus comes back to the steps list (or give up); the focus events seen."""
    start = len(log.events)
    for _ in range(TABS_PER_PANE):
        _key("Tab")
        _pump(0.15)
        if log.events[start:] and log.events[-1].startswith("list item 'Step") and len(log.events) - start > 1:
            break
    return log.events[start:]


def main() -> int:
    report_path, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
    app = subprocess.Popen(command, env=env)
    report: dict[str, Any] = {"panes": []}
    try:
        root = _find_app(app.pid)
        log = FocusLog()
        _focus_window(app.pid)
        _pump(1.0)
        for number in range(1, PANES + 1):
            _show_step(number)
            _pump(0.8)
            nodes: list[dict[str, Any]] = []
            _walk(root, "", nodes)
            _show_step(number)  # the focus back on the step, where a Tab walk starts
            _pump(0.3)
            report["panes"].append({"pane": number, "nodes": len(nodes), "problems": problems(nodes),
                                    "tab_walk": _tab_walk(log)})
    finally:
        app.terminate()
        app.wait(timeout=30)
    with open(report_path, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
