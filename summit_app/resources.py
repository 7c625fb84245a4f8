"""The one place that finds the app's resource files.

The same call works in a source checkout (``resources/`` beside the package),
an installed wheel (``resources`` packaged as ``summit_app/bundled``) and a
PyInstaller bundle (``resources`` beside the executable's data).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here.parent / "resources", here / "bundled"]
    for candidate in candidates:
        if (candidate / "content").is_dir():
            return candidate
    raise FileNotFoundError("the app's resources folder is missing from this installation")


@cache
def docs_root() -> Path:
    """The user documentation (``docs/``): beside a checkout, ``summit_app/bundled_docs`` in a wheel,
    ``docs`` in a bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    here = Path(__file__).resolve().parent
    candidates = [Path(bundle) / "docs"] if bundle else []
    candidates += [here.parent / "docs", here / "bundled_docs"]
    for candidate in candidates:
        if (candidate / "user-guide.md").is_file():
            return candidate
    raise FileNotFoundError("the user guide is missing from this installation")


def resource_path(*parts: str) -> Path:
    """The path of a resource file, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resource_root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
