"""``python -m summit_app`` is the ``summit-app`` command."""

import sys

from summit_app.cli import main

sys.exit(main())
