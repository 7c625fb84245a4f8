"""The command line: the GUI launcher and the headless commands of DESIGN.md.

Exit codes: 0 success, 1 blocking findings (``check`` only), 2 unusable input,
which prints exactly one line ``summit-app: error: <what>: <why>``. The
commands themselves are in ``summit_app.commands``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from summit_app import PROG, __version__
from summit_app.store.errors import PlanFileError
from summit_app.workflows.errors import UsageError

__all__ = ["PROG", "UsageError", "main"]

COMMANDS = ("new", "info", "export", "check", "rollup", "schema", "room", "join")


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def cmd_gui(args: argparse.Namespace) -> int:
    # Start-up builds a few hundred thousand long-lived objects (modules, classes, Qt's
    # enumerations, the window), and the cyclic collector would walk them all again and
    # again while they are made; ``run`` turns it back on once the window is up.
    gc.disable()
    # The Qt-free modules the window uses load before PySide6 does: once PySide is in, its
    # import hook reads the source of every module imported after it, looking for "PySide6".
    import summit_app.plan.consequences
    import summit_app.plan.progress
    import summit_app.plan.search
    import summit_app.store.backend
    import summit_app.store.plan_file
    import summit_app.ui.base.preferences
    import summit_app.ui.fields.collection_edits
    import summit_app.ui.fields.formats  # noqa: F401
    from summit_app.app import run

    return run(args.plan, smoke=args.smoke, read_only=args.read_only)


# --- parsing ----------------------------------------------------------------------------


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Open Summit Planner (commands: " + ", ".join(COMMANDS) + "; see COMMAND --help).")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("plan", nargs="?", help="the plan file to open")
    parser.add_argument("--smoke", action="store_true", help="open the window, paint once and exit")
    parser.add_argument("--read-only", action="store_true", help="open the plan without editing")
    parser.set_defaults(run=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    is_command = bool(argv) and argv[0] in COMMANDS
    if is_command:
        from summit_app.commands import command_parser

        parser = command_parser()
    else:
        parser = _gui_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except (UsageError, PlanFileError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # a bug: still one line for the user, the details on request
        if os.environ.get("SUMMIT_APP_DEBUG"):
            raise
        print(f"{PROG}: error: unexpected problem ({type(exc).__name__}: {exc}); "
              "run again with SUMMIT_APP_DEBUG=1 for details", file=sys.stderr)
        return 3


def _closed_pipe() -> int:
    """The reader went away (``summit-app check PLAN | head``): stop quietly, as a shell tool would.

    Output still buffered for the closed pipe would fail again when Python
    flushes it at exit, so standard output is pointed at the null device first.
    128 + SIGPIPE is the status a shell reports for a command the pipe ended.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


if __name__ == "__main__":
    sys.exit(main())
