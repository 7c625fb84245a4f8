"""``python -m summit_app.room.phones --data DIR --port N``: the phone service itself (``room phones`` starts it)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from summit_app.plan.content import load_content
from summit_app.room.phones.app import ServiceConfig, make_app
from summit_app.room.phones.database import service_options
from summit_app.room.phones.settings import load_settings
from summit_app.room.state import load_state
from summit_app.workflows.errors import UsageError


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="summit_app.room.phones")
    parser.add_argument("--data", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--listen", default="0.0.0.0")
    args = parser.parse_args(argv)
    room = Path(args.data)
    try:
        state = load_state(room)
        settings = load_settings(room)
        if settings is None:
            raise UsageError("phones", "not set up; start it with: summit-app room phones")
    except UsageError as exc:
        print(f"summit-app: error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    config = ServiceConfig(service_options(room, state, settings), settings.form_key.encode(), load_content())
    uvicorn.run(make_app(config), host=args.listen, port=args.port, access_log=False, log_level="warning",
                server_header=False, proxy_headers=False, timeout_keep_alive=5, limit_concurrency=1000,
                timeout_graceful_shutdown=1)  # open event streams never end by themselves
    return 0


if __name__ == "__main__":
    sys.exit(main())
