"""The phone service's own process: ``summit-app room serve-phones`` (started by ``room phones``, not by hand).

It runs under the same program as the command that starts it (the bundled
app too, where there is no ``python -m``), reads the room's state and the
service's settings, and serves until it is sent SIGTERM (``room stop``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from summit_app.plan.content import load_content
from summit_app.room.phones.app import ServiceConfig, make_app
from summit_app.room.phones.database import service_options
from summit_app.room.phones.settings import load_settings
from summit_app.room.state import load_state
from summit_app.workflows.errors import UsageError

#: The command's name: also how ``room stop`` recognises the service's process.
COMMAND = "serve-phones"


def serve(room: Path, port: int, listen: str = "0.0.0.0") -> None:
    """Serve members' phones on ``listen``:``port`` until stopped."""
    import uvicorn

    state = load_state(room)
    settings = load_settings(room)
    if settings is None:
        raise UsageError("phones", "not set up; start the service with: summit-app room phones")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    config = ServiceConfig(service_options(room, state, settings), settings.form_key.encode(), load_content())
    # The loop, protocol and lifespan named, not "auto": uvicorn loads them by name, and the bundle
    # (packaging/summit-app.spec) carries exactly these.
    uvicorn.run(make_app(config), host=listen, port=port, loop="asyncio", http="h11", ws="none", lifespan="on",
                access_log=False, log_level="warning", server_header=False, proxy_headers=False,
                timeout_keep_alive=5, limit_concurrency=1000,
                timeout_graceful_shutdown=1)  # open event streams never end by themselves
