"""The Linux desktop integration files are valid and agree with each other and the app."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from summit_app.store.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.summitplanner.SummitPlanner"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: tools/system-deps.sh test installs it"
    return path


def test_desktop_file_is_valid_and_opens_plans() -> None:
    desktop = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run([_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = desktop.read_text(encoding="utf-8")
    assert "Exec=summit-app %f" in text
    assert "MimeType=application/x-summit-techplan;" in text
    assert f"Icon={APP_ID}" in text


def test_appstream_metainfo_validates() -> None:
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"


def test_mime_type_matches_real_plan_files(make_plan_file) -> None:
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    mime = root.find("m:mime-type", MIME_NS)
    assert mime.get("type") == "application/x-summit-techplan"
    assert mime.find("m:glob", MIME_NS).get("pattern") == "*.techplan"
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/vnd.sqlite3"
    inner = mime.find("m:magic/m:match/m:match", MIME_NS)
    header = make_plan_file().read_bytes()[:100]
    offset = int(inner.get("offset"))
    assert int(inner.get("value"), 16) == APPLICATION_ID == int.from_bytes(header[offset:offset + 4], "big")


def test_mime_database_accepts_the_type(tmp_path: Path, make_plan_file) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(LINUX / f"{APP_ID}.mime.xml", packages / f"{APP_ID}.xml")
    result = subprocess.run([_tool("update-mime-database"), "-V", str(tmp_path / "mime")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "application/x-summit-techplan" in (tmp_path / "mime" / "types").read_text()


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icon_png_sizes_exist(size: int) -> None:
    png = ROOT / "resources" / "icons" / f"summit-planner-{size}.png"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == size == int.from_bytes(data[20:24], "big")
