"""The app and the command line never open a network connection.

Summit Wi-Fi is not to be relied on and plans stay private. Each command runs
under strace, which sees every connect/sendto/bind system call whether it comes
from Python, Qt or a C library; any Internet socket (IPv4 or IPv6) fails the
test. Local Unix sockets (the C library's name-service cache) are not network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK = re.compile(r"sa_family=AF_INET6?\b|sa_family=AF_PACKET")


def _traced(tmp_path: Path, *args: str | Path) -> list[str]:
    strace = shutil.which("strace")
    assert strace, "strace is missing: tools/system-deps.sh test installs it"
    log = tmp_path / f"trace-{len(list(tmp_path.glob('trace-*')))}.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    command = [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg,bind", "-o", str(log),
               sys.executable, "-m", "summit_app", *map(str, args)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode in (0, 1), result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    return [line for line in calls if NETWORK.search(line)]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    for name in ("a", "b", "c"):
        subprocess.run([sys.executable, "-m", "summit_app", "new", str(folder / f"{name}.techplan"), "--demo",
                        "--district", f"District {name}"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    return folder


@pytest.mark.parametrize("command", [
    ["new", "{out}/new.techplan", "--demo"],
    ["info", "{plans}/a.techplan", "--json"],
    ["check", "{plans}/a.techplan"],
    ["export", "{plans}/a.techplan", "--json", "{out}/a.json", "--xlsx", "{out}/a.xlsx", "--pdf", "{out}/a.pdf"],
    ["rollup", "{plans}/a.techplan", "{plans}/b.techplan", "{plans}/c.techplan", "--xlsx", "{out}/r.xlsx",
     "--pdf", "{out}/r.pdf"],
    ["schema"],
    ["{plans}/b.techplan", "--smoke"],
], ids=["new", "info", "check", "export", "rollup", "schema", "gui"])
def test_command_opens_no_network_connection(command: list[str], plans: Path, tmp_path: Path) -> None:
    args = [part.format(plans=plans, out=tmp_path) for part in command]
    assert _traced(tmp_path, *args) == []


def test_the_trace_would_see_a_connection(tmp_path: Path) -> None:
    """The check itself works: a program that does connect is caught."""
    strace = shutil.which("strace")
    assert strace
    log = tmp_path / "probe.log"
    probe = ("import socket\ns = socket.socket()\ntry:\n    s.connect(('127.0.0.1', 9))\n"
             "except OSError:\n    pass\n")
    subprocess.run([strace, "-f", "-qq", "-e", "trace=connect", "-o", str(log), sys.executable, "-c", probe],
                   check=True, capture_output=True)
    assert any(NETWORK.search(line) for line in log.read_text().splitlines())
