"""The frozen bundle's entry point: the same command line as ``python -m summit_app``."""

import multiprocessing
import sys

from summit_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
