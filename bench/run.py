"""Run every benchmark module and print the figures; also write ``bench-results.json``.

Each module in ``bench/`` with a ``measure(workdir) -> list[Figure]`` function
contributes; they run in the order of MODULES. ``python -m bench.run room pg``
runs only the parts named (``bench.room``, ``bench.postgres`` …).
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import tempfile
from pathlib import Path

from bench.figures import Figure

MODULES = ["bench.store", "bench.postgres", "bench.checks", "bench.gui", "bench.review", "bench.xlsx", "bench.pdf",
           "bench.rollup", "bench.room", "bench.phones"]


def main(argv: list[str] | None = None) -> int:
    wanted = argv if argv is not None else sys.argv[1:]
    names = [m for m in MODULES if not wanted or m.removeprefix("bench.") in wanted or m in wanted]
    unknown = [w for w in wanted if w not in MODULES and f"bench.{w}" not in MODULES]
    if unknown:
        print(f"bench: no part named {', '.join(unknown)} (parts: "
              f"{', '.join(m.removeprefix('bench.') for m in MODULES)})", file=sys.stderr)
        return 2
    figures: list[Figure] = []
    print(f"Summit Planner benchmark on {platform.node()} ({platform.processor() or platform.machine()}), "
          f"Python {platform.python_version()}")
    for name in names:
        module = importlib.import_module(name)
        with tempfile.TemporaryDirectory(prefix="summit-bench-") as workdir:
            for figure in module.measure(Path(workdir)):
                print(figure.line(), flush=True)
                figures.append(figure)
    Path("bench-results.json").write_text(
        json.dumps([f.to_json() for f in figures], indent=2) + "\n", encoding="utf-8")
    missed = [f.name for f in figures if f.meets is False]
    print(f"\n{len(figures)} figures, {len(missed)} missed" + (f": {', '.join(missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
