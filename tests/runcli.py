"""Run the real command line in a child process, as a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str | Path, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m summit_app ARGS`` with the checkout importable and no debug tracebacks."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SUMMIT_APP_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "summit_app", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False)


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one stderr line of a refused command (fails if there is anything else)."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("summit-app: error: "), lines[0]
    return lines[0]
